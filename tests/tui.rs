//! The TUI without a terminal: keys in, state and screens out.

mod common;

use common::tui::{app, demo, screen};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use samla::config::Lang;
use samla::reference::ReferenceSource;
use samla::store::{ListQuery, Store};
use samla::tui::app::{App, Effect, InputMode, Overlay, Screen};
use samla::tui::keymap::Keymap;
use samla::tui::theme::Theme;
use samla::tui::{Options, start_app, ui};
use std::collections::BTreeSet;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars().flat_map(|c| app.on_key(key(KeyCode::Char(c)))).collect()
}

fn shown_titles(app: &App) -> Vec<String> {
    app.initiatives.view.rows.iter().map(|i| app.portfolio.rows[*i as usize].title.to_string()).collect()
}

fn shown_ids(app: &App) -> BTreeSet<i64> {
    app.initiatives.view.rows.iter().map(|i| app.portfolio.rows[*i as usize].id).collect()
}

#[test]
fn search_narrows_as_you_type_and_ranks_exact_matches_first() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let all = app.initiatives.view.rows.len();
    assert_eq!(all, 604);
    press(&mut app, "/døds");
    assert_eq!(app.input, InputMode::Search);
    let after_four = app.initiatives.view.rows.len();
    press(&mut app, "bo");
    let titles = shown_titles(&app);
    assert!(titles.len() < after_four && after_four < all, "{} {after_four} {all}", titles.len());
    assert!(titles[0].to_lowercase().contains("dødsbo"), "{titles:?}");
    // Every row whose title holds the word comes before any fuzzy or description match.
    let first_other = titles.iter().position(|t| !t.to_lowercase().contains("dødsbo")).unwrap_or(titles.len());
    assert!(titles[first_other..].iter().all(|t| !t.to_lowercase().contains("dødsbo")));
    // Backspace widens again; Esc restores the search from before.
    app.on_key(key(KeyCode::Backspace));
    app.on_key(key(KeyCode::Backspace));
    assert_eq!(app.initiatives.view.rows.len(), after_four);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.input, InputMode::Normal);
    assert_eq!(app.initiatives.view.rows.len(), all);
}

#[test]
fn filters_give_the_same_rows_as_the_cli() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    press(&mut app, "fdep:HOD");
    app.on_key(key(KeyCode::Enter));
    let sql: BTreeSet<i64> = demo
        .store
        .list(&ListQuery { ministry: Some("HOD".into()), ..ListQuery::default() })
        .expect("list")
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(shown_ids(&app), sql);

    app.update(samla::tui::action::Action::ClearFilter);
    press(&mut app, "fliv:dødsfall beløp:>10 -kilde:kommunal");
    app.on_key(key(KeyCode::Enter));
    let sql: BTreeSet<i64> = demo
        .store
        .list(&ListQuery {
            life_event: Some("dodsfall-og-arv".into()),
            min_amount_nok: Some(10_000_001),
            ..ListQuery::default()
        })
        .expect("list")
        .iter()
        .filter(|i| i.source != "kommunal")
        .map(|i| i.id)
        .collect();
    assert_eq!(shown_ids(&app), sql);
    assert!(app.initiatives.view.amount_sum_nok > 0);
}

#[test]
fn a_bad_filter_shows_why_and_keeps_the_last_good_one() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    press(&mut app, "fdep:HOD");
    let hod = app.initiatives.view.rows.len();
    press(&mut app, "X");
    let error = app.initiatives.filter_error.clone().expect("error");
    assert!(error.contains("HOD"), "{error}");
    assert_eq!(app.initiatives.view.rows.len(), hod, "the last good filter stays");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.input, InputMode::Filter, "enter does not accept a broken filter");
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.initiatives.view.rows.len(), 604);
}

#[test]
fn sorting_marks_paging_and_withdrawn() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    // s steps to title, then agency, ministry, life events, amount (descending).
    press(&mut app, "sssss");
    let amounts: Vec<Option<i64>> =
        app.initiatives.view.rows.iter().map(|i| app.portfolio.rows[*i as usize].amount_nok).collect();
    let present: Vec<i64> = amounts.iter().flatten().copied().collect();
    assert!(present.windows(2).all(|w| w[0] >= w[1]), "descending");
    assert!(amounts.iter().skip_while(|a| a.is_some()).all(Option::is_none), "missing amounts last");
    press(&mut app, "S");
    let present: Vec<i64> =
        app.initiatives.view.rows.iter().filter_map(|i| app.portfolio.rows[*i as usize].amount_nok).collect();
    assert!(present.windows(2).all(|w| w[0] <= w[1]), "ascending");

    press(&mut app, "g  ");
    assert_eq!(app.initiatives.marks.len(), 2);
    assert_eq!(app.initiatives.cursor.selected(), 2, "marking moves down");
    press(&mut app, "a");
    assert_eq!(app.initiatives.marks.len(), 604);
    press(&mut app, "A");
    assert!(app.initiatives.marks.is_empty());

    let page = app.page();
    press(&mut app, "g");
    app.on_key(KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL));
    assert_eq!(app.initiatives.cursor.selected(), page / 2);
    press(&mut app, "G");
    assert_eq!(app.initiatives.cursor.selected(), 603);
    let window = app.initiatives.cursor.window(app.initiatives.view.rows.len(), page);
    assert!(window.contains(&603) && window.len() == page, "{window:?}");
    press(&mut app, "g");
    let top = app.initiatives.cursor.window(app.initiatives.view.rows.len(), page).start;
    assert_eq!((app.initiatives.cursor.selected(), top), (0, 0));

    press(&mut app, "w");
    assert_eq!(app.initiatives.view.rows.len(), 607, "withdrawn rows shown too");
    assert!(app.initiatives.filter_input.text().contains("status:alle"));
    press(&mut app, "w");
    assert_eq!(app.initiatives.view.rows.len(), 604);
}

#[test]
fn keys_lead_to_effects_and_overlays() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let first = app.selected_id().expect("row");
    assert_eq!(app.on_key(key(KeyCode::Enter)), vec![Effect::LoadDetail(first)]);
    app.detail_loaded(demo.store.initiative(first).expect("detail"));
    assert!(matches!(&app.overlay, Some(Overlay::Detail { detail: Some(_), .. })));
    press(&mut app, "jj");
    assert!(matches!(&app.overlay, Some(Overlay::Detail { scroll: 2, .. })));
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlay.is_none());

    press(&mut app, ":hjelp");
    app.on_key(key(KeyCode::Enter));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })), "the palette runs what it finds");
    app.on_key(key(KeyCode::Esc));

    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::Sources);
    let latest = app.sources.batches[0].id;
    assert_eq!(app.on_key(key(KeyCode::Enter)), vec![Effect::LoadChanges(latest)]);
    app.on_key(key(KeyCode::Esc));
    press(&mut app, "1");
    assert_eq!(app.screen, Screen::Initiatives);

    press(&mut app, "i/tmp/ny runde.csv");
    assert_eq!(
        app.on_key(key(KeyCode::Enter)),
        vec![Effect::StartImport(samla::tui::app::ImportRequest::new("/tmp/ny runde.csv".into()))]
    );

    assert_eq!(app.on_key(key(KeyCode::Char('r'))), vec![Effect::Reload]);
    press(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn the_mouse_scrolls_selects_and_opens() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    let area = app.areas.table_rows;
    let mouse = |kind, row| MouseEvent { kind, column: 10, row, modifiers: KeyModifiers::NONE };
    app.on_mouse(mouse(MouseEventKind::ScrollDown, area.y));
    assert_eq!(app.initiatives.cursor.selected(), 1);
    app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), area.y + 5));
    assert_eq!(app.initiatives.cursor.selected(), 5);
    let id = app.selected_id().expect("row");
    assert_eq!(app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), area.y + 5)), vec![Effect::LoadDetail(id)]);
}

#[test]
fn an_import_result_is_shown_and_the_data_reloaded() {
    let demo = demo(Lang::En);
    let mut app = app(&demo, 120, 40);
    let report = samla::import::import_file(
        &mut Store::open(&demo.options.database, samla::store::OpenMode::Existing, &demo.options.reference)
            .expect("store"),
        &common::fixture("dev/helse.csv"),
        &samla::import::ImportOptions { analyst: "test".into(), ..Default::default() },
        &demo.options.reference,
    );
    assert_eq!(app.import_finished(report), vec![Effect::Reload]);
    match &app.overlay {
        Some(Overlay::Message { lines, error, .. }) => {
            assert!(!error);
            assert!(lines.iter().any(|l| l.contains("imported before")), "{lines:?}");
        }
        other => panic!("{other:?}"),
    }
    app.import_finished(Err(samla::Error::Cancelled));
    assert!(app.notice.as_ref().is_some_and(|(text, _)| text.contains("Cancelled")));
}

#[test]
fn every_screen_at_both_sizes_in_both_languages() {
    for lang in [Lang::Nb, Lang::En] {
        let demo = demo(lang);
        let theme = Theme::builtin("default");
        let suffix = if lang == Lang::Nb { "nb" } else { "en" };
        for (width, height) in [(80u16, 24u16), (120, 40)] {
            let name = |screen: &str| format!("{screen}_{width}x{height}_{suffix}");
            let fresh = || app(&demo, width, height);

            let main = fresh();
            insta::assert_snapshot!(name("initiatives"), screen(&main, &theme, width, height));

            let mut searching = fresh();
            press(&mut searching, "/dødsbo");
            insta::assert_snapshot!(name("search"), screen(&searching, &theme, width, height));

            let mut filtering = fresh();
            press(&mut filtering, "fdep:HDO");
            insta::assert_snapshot!(name("filter_error"), screen(&filtering, &theme, width, height));

            let mut detail = fresh();
            press(&mut detail, "jj");
            let id = detail.selected_id().expect("row");
            detail.on_key(key(KeyCode::Enter));
            detail.detail_loaded(demo.store.initiative(id).expect("detail"));
            insta::assert_snapshot!(name("detail"), screen(&detail, &theme, width, height));

            let mut help = fresh();
            press(&mut help, "?");
            insta::assert_snapshot!(name("help"), screen(&help, &theme, width, height));

            let mut palette = fresh();
            press(&mut palette, ":sort");
            insta::assert_snapshot!(name("palette"), screen(&palette, &theme, width, height));

            let mut sources = fresh();
            press(&mut sources, "2");
            insta::assert_snapshot!(name("sources"), screen(&sources, &theme, width, height));

            sources.on_key(key(KeyCode::Enter));
            let batch = sources.sources.batches[0].clone();
            sources.changes_loaded(Some(demo.store.batch_changes(batch).expect("changes")));
            insta::assert_snapshot!(name("changes"), screen(&sources, &theme, width, height));

            let mut prompt = fresh();
            // The picker shows its folder: one that is the same on every machine.
            prompt.last_import_dir = Some(std::path::PathBuf::from("/samla-eksempel"));
            press(&mut prompt, "i~/Nedlastinger/helse_runde2.csv");
            insta::assert_snapshot!(name("import_prompt"), screen(&prompt, &theme, width, height));

            let mut matrix = fresh();
            press(&mut matrix, "7jl");
            insta::assert_snapshot!(name("matrix"), screen(&matrix, &theme, width, height));

            let mut suggestions = fresh();
            press(&mut suggestions, "6");
            suggestions
                .suggestions_loaded(samla::suggest::suggest(&demo.store, &demo.options.reference).expect("suggest"));
            insta::assert_snapshot!(name("suggestions"), screen(&suggestions, &theme, width, height));

            let mut tagging = fresh();
            press(&mut tagging, "  ttag:embetsgruppe-mars");
            tagging.on_key(key(KeyCode::Enter));
            insta::assert_snapshot!(name("tag_confirm"), screen(&tagging, &theme, width, height));
        }
        let small = app(&demo, 50, 10);
        insta::assert_snapshot!(format!("too_small_{suffix}"), screen(&small, &theme, 50, 10));
    }
}

#[test]
fn no_color_draws_without_colours_but_shows_selection_and_marks() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 80, 24);
    press(&mut app, " ");
    let theme = Theme::builtin("mono");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| ui::draw(frame, &app, &theme)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    use ratatui::style::{Color, Modifier};
    for cell in buffer.content() {
        assert!(matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset), "a colour in mono: {cell:?}");
    }
    // Row 1 of the table (cursor) is reversed; row 0 carries the mark.
    let table = app.areas.table_rows;
    assert!(buffer[(5, table.y + 1)].modifier.contains(Modifier::REVERSED));
    assert_eq!(buffer[(0, table.y)].symbol(), "●");
}

#[test]
fn text_from_files_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("hostile.db");
    let reference = ReferenceSource::builtin();
    let mut store = Store::open(&path, samla::store::OpenMode::Create, &reference).expect("store");
    let file = dir.path().join("hostile.csv");
    std::fs::write(
        &file,
        "Tittel;Beskrivelse;Virksomhet\n\"Rød \u{1b}[2J\u{1b}]0;pwned\u{7} tittel 🎉 宽字\";\"\u{202e}snudd\";Nav\n",
    )
    .expect("write");
    samla::import::import_file(&mut store, &file, &Default::default(), &reference).expect("import");
    let options = Options {
        database: path,
        lang: Lang::Nb,
        theme: Theme::builtin("default"),
        keymap: Keymap::defaults(),
        mouse: false,
        reference,
        analyst: "t".into(),
        backup_dir: std::env::temp_dir().join("samla-test-backups"),
        duplicate_threshold: Some(samla::dedupe::DEFAULT_THRESHOLD),
        config_dir: std::env::temp_dir().join("samla-test-no-config"),
        export_dir: std::env::temp_dir().join("samla-test-eksport"),
    };
    let (mut app, _) = start_app(&store, &options).expect("app");
    app.areas = ui::areas(Rect::new(0, 0, 100, 20));
    let text = screen(&app, &options.theme, 100, 20);
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\u{202e}'), "{text:?}");
    assert!(text.contains("\\e[2J"), "{text}");
    // Wide characters keep the columns aligned: the owner starts under its header.
    let header = text.lines().nth(2).expect("header");
    let row = text.lines().nth(3).expect("row");
    let column = |line: &str, word: &str| unicode_width::UnicodeWidthStr::width(&line[..line.find(word).expect(word)]);
    assert_eq!(column(row, "Nav"), column(header, "Virksomhet"), "{header}\n{row}");
    assert!(unicode_width::UnicodeWidthStr::width(row) <= 100, "{row}");
}

#[test]
fn tagging_from_the_table_with_confirmation_undo_and_redo() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    press(&mut app, "  ");
    let marked = app.target_ids();
    assert_eq!(marked.len(), 2);
    press(&mut app, "tliv:dødsfall tag:sjekket");
    let effects = app.on_key(key(KeyCode::Enter));
    assert!(effects.is_empty(), "two rows: asks first");
    assert!(matches!(&app.overlay, Some(Overlay::Confirm { ids, .. }) if *ids == marked));
    let effects = app.on_key(key(KeyCode::Enter));
    let Some(Effect::ApplyEdits(groups)) = effects.first().cloned() else { panic!("{effects:?}") };
    let mut store =
        samla::store::Store::open(&demo.options.database, samla::store::OpenMode::Existing, &demo.options.reference)
            .expect("store");
    let record = store.apply_edit_groups(&groups, "test", true).expect("apply");
    app.tags_stored(record.clone(), true);
    for id in &marked {
        let row = &app.portfolio.rows[app.portfolio.position(*id).expect("row")];
        assert!(row.tags.iter().any(|t| &**t == "sjekket"), "the table shows it at once");
    }
    // Undo gives the inverse record, redo the record again.
    let effects = press(&mut app, "u");
    assert_eq!(effects, vec![Effect::ApplyRecord(record.inverse())]);
    store.apply_record(&record.inverse(), "test").expect("undo");
    app.tags_stored(record.inverse(), false);
    let row = &app.portfolio.rows[app.portfolio.position(marked[0]).expect("row")];
    assert!(row.tags.is_empty());
    let effects = app.on_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    assert_eq!(effects, vec![Effect::ApplyRecord(record)]);

    // T tags everything shown; a bad edit is a message, not a change.
    press(&mut app, "fdep:KUD");
    app.on_key(key(KeyCode::Enter));
    let shown = app.shown_ids();
    press(&mut app, "Trisiko:høy");
    app.on_key(key(KeyCode::Enter));
    assert!(matches!(&app.overlay, Some(Overlay::Confirm { ids, .. }) if *ids == shown));
    app.on_key(key(KeyCode::Esc));
    assert!(app.overlay.is_none());
    press(&mut app, "teier:Skateetaten");
    assert!(app.on_key(key(KeyCode::Enter)).is_empty());
    assert!(app.notice.as_ref().is_some_and(|(text, error)| *error && text.contains("Skatteetaten")));
}

#[test]
fn the_matrix_filters_to_a_cell_and_suggestions_are_answered() {
    let demo = demo(Lang::Nb);
    let mut app = app(&demo, 120, 40);
    press(&mut app, "7");
    assert_eq!(app.screen, Screen::Matrix);
    // First ministry row (AID), fifth life event (Dødsfall og arv).
    press(&mut app, "llll");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Initiatives);
    assert_eq!(app.initiatives.filter_input.text(), "dep:AID liv:dodsfall-og-arv");
    let ids = shown_ids(&app);
    let sql: BTreeSet<i64> = demo
        .store
        .list(&ListQuery {
            ministry: Some("AID".into()),
            life_event: Some("dodsfall-og-arv".into()),
            ..ListQuery::default()
        })
        .expect("list")
        .iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, sql);

    let effects = press(&mut app, "6");
    assert_eq!(effects, vec![Effect::LoadSuggestions]);
    app.suggestions_loaded(samla::suggest::suggest(&demo.store, &demo.options.reference).expect("suggest"));
    let first = app.suggestions.list.as_ref().expect("loaded").life_events[0].clone();
    let effects = press(&mut app, "y");
    assert_eq!(effects, vec![Effect::ApplyEdits(vec![(vec![first.id], vec![first.edit()])])]);
    let before = app.suggestions.list.as_ref().expect("loaded").life_events.len();
    let rejected = app.suggestions.list.as_ref().expect("loaded").life_events[0].rejection();
    assert_eq!(press(&mut app, "x"), vec![Effect::RejectSuggestion(rejected)], "a rejection is kept");
    assert_eq!(app.suggestions.list.as_ref().expect("loaded").life_events.len(), before - 1);
    assert!(press(&mut app, "Y").is_empty(), "accepting all asks first");
    assert!(matches!(app.overlay, Some(Overlay::Ask { .. })));
    let effects = press(&mut app, "j");
    let Some(Effect::ApplyEdits(groups)) = effects.first() else { panic!("{effects:?}") };
    assert_eq!(groups.len(), before - 1);
}

#[test]
fn an_edit_while_another_samla_writes_says_so_in_the_screens_language() {
    let demo = demo(Lang::Nb);
    // Another process holds the write lock, as an import in another terminal would.
    let holder = rusqlite::Connection::open(&demo.options.database).expect("open");
    holder.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let mut store = Store::open(&demo.options.database, samla::store::OpenMode::Existing, &ReferenceSource::builtin())
        .expect("store");
    store.wait_at_most(std::time::Duration::from_millis(100)).expect("timeout");
    let refused =
        store.decide_pair(1, 2, samla::dedupe::Decision::Duplicate, None, "test").expect_err("the write lock is taken");
    assert!(refused.is_busy(), "{refused}");

    let mut app = app(&demo, 120, 40);
    app.show_failure(&refused);
    let text = screen(&app, &Theme::builtin("default"), 120, 40);
    assert!(text.contains("En annen samla skriver til databasen"), "{text}");
    holder.execute_batch("ROLLBACK").expect("unlock");
    store.decide_pair(1, 2, samla::dedupe::Decision::Duplicate, None, "test").expect("free again");
}
