//! The duplicate review screen without a terminal: the queue, decisions with undo and redo,
//! the table's marker, and the side-by-side view with the shared words highlighted.

mod common;

use common::tui::{Demo, app, demo, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use samla::config::Lang;
use samla::dedupe::{Decision, ReviewQueue};
use samla::store::Store;
use samla::tui::app::{App, Effect, Overlay, Screen};
use samla::tui::theme::Theme;
use samla::tui::ui;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    keys.chars().flat_map(|c| app.on_key(key(c))).collect()
}

fn queue(demo: &Demo) -> ReviewQueue {
    let kinds = samla::dedupe::ServiceKinds::from_reference(&demo.options.reference).expect("kinds");
    demo.store.review_queue(&kinds, demo.options.duplicate_threshold).expect("queue")
}

/// Runs what the event loop would, against the store.
fn run(app: &mut App, demo: &Demo, store: &mut Store, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::LoadDuplicates => app.duplicates_loaded(queue(demo)),
            Effect::DecidePair { pair, decision, note, remember } => {
                let after = match decision {
                    Some(decision) => {
                        Some(store.decide_pair(pair.a, pair.b, decision, note.as_deref(), "test").expect("decide"))
                    }
                    None => store.undo_pair_decision(pair.a, pair.b, "test").map(|_| None).expect("undo"),
                };
                app.pair_stored(*pair, after, remember);
            }
            Effect::LoadDetail(id) => app.detail_loaded(store.initiative(id).expect("detail")),
            other => panic!("unexpected effect {other:?}"),
        }
    }
    // As before every draw.
    samla::tui::load_pair_texts(app, store);
}

fn open_screen(demo: &Demo, store: &mut Store) -> App {
    let mut app = app(demo, 120, 40);
    let effects = press(&mut app, "8");
    assert_eq!(effects, vec![Effect::LoadDuplicates]);
    assert_eq!(app.screen, Screen::Duplicates);
    run(&mut app, demo, store, effects);
    app
}

fn selected_pair(app: &App) -> (i64, i64) {
    let item = app.duplicates.state.as_ref().and_then(|d| d.selected()).expect("a pair");
    (item.pair.a, item.pair.b)
}

fn store_of(demo: &Demo) -> Store {
    Store::open(&demo.options.database, samla::store::OpenMode::Existing, &demo.options.reference).expect("store")
}

#[test]
fn decisions_are_stored_move_on_and_undo_and_redo() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    let open_before = app.duplicates.state.as_ref().expect("queue").counts().0;
    assert!(open_before > 10, "the demo has pairs to review: {open_before}");
    let first = selected_pair(&app);
    assert!(app.duplicates.flagged.contains(&first.0) && app.duplicates.flagged.contains(&first.1));

    let effects = press(&mut app, "o");
    assert!(matches!(&effects[..], [Effect::DecidePair { decision: Some(Decision::Overlap), remember: true, .. }]));
    run(&mut app, &demo, &mut store, effects);
    let stored = store.duplicate_decision(first.0, first.1).expect("read").expect("stored");
    assert_eq!(stored.decision, Decision::Overlap);
    assert_ne!(selected_pair(&app), first, "on to the next pair to review");
    assert_eq!(app.duplicates.state.as_ref().expect("queue").counts().0, open_before - 1);
    assert!(app.duplicates.flagged.contains(&first.0), "an overlap stays marked");

    // Undo removes the decision; redo puts it back.
    let effects = press(&mut app, "u");
    run(&mut app, &demo, &mut store, effects);
    assert_eq!(store.duplicate_decision(first.0, first.1).expect("read"), None);
    assert_eq!(app.duplicates.state.as_ref().expect("queue").counts().0, open_before);
    let effects = app.on_key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
    run(&mut app, &demo, &mut store, effects);
    assert_eq!(store.duplicate_decision(first.0, first.1).expect("read").map(|d| d.decision), Some(Decision::Overlap));

    // Distinct takes the pair out of the queue and off the marker; undo brings it back.
    let effects = press(&mut app, "gx");
    let second = match &effects[..] {
        [Effect::DecidePair { pair, decision: Some(Decision::Distinct), .. }] => (pair.a, pair.b),
        other => panic!("{other:?}"),
    };
    assert_eq!(second, first, "g goes to the top, x decides the pair there");
    run(&mut app, &demo, &mut store, effects);
    let duplicates = app.duplicates.state.as_ref().expect("queue");
    assert!(!duplicates.queue.items.iter().any(|i| (i.pair.a, i.pair.b) == first));
    let effects = press(&mut app, "u");
    run(&mut app, &demo, &mut store, effects);
    let duplicates = app.duplicates.state.as_ref().expect("queue");
    let back = duplicates.queue.items.iter().find(|i| (i.pair.a, i.pair.b) == first).expect("back in the queue");
    assert_eq!(back.decision.as_ref().map(|d| d.decision), Some(Decision::Overlap), "as it was before");

    // A pair decided distinct never comes back in a new run (after a re-import, say).
    let effects = press(&mut app, "gx");
    run(&mut app, &demo, &mut store, effects);
    let again = queue(&demo);
    assert!(!again.items.iter().any(|i| (i.pair.a, i.pair.b) == first));
    app.duplicates_loaded(again);
    assert!(app.duplicates.state.as_ref().expect("queue").selected().is_some());
}

#[test]
fn skip_passes_pairs_and_enter_opens_the_chosen_side() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    let first = selected_pair(&app);
    assert!(press(&mut app, "p").is_empty(), "skipping stores nothing");
    assert_ne!(selected_pair(&app), first);
    let (a, b) = selected_pair(&app);
    assert_eq!(store.duplicate_decisions().expect("decisions"), vec![]);
    let effects = press(&mut app, "l");
    assert!(effects.is_empty());
    let effects = app.on_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert_eq!(effects, vec![Effect::LoadDetail(b)]);
    run(&mut app, &demo, &mut store, effects);
    let text = screen(&app, &demo.options.theme, 120, 40);
    assert!(text.contains("Mulige duplikater og overlapp") && text.contains(&format!("#{a} ")), "{text}");
    assert!(matches!(app.overlay, Some(Overlay::Detail { id, .. }) if id == b));
}

#[test]
fn the_pair_on_screen_shows_its_descriptions_read_from_the_store() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    let first = selected_pair(&app);
    let state = app.duplicates.state.as_ref().expect("queue");
    assert_eq!(state.texts_wanted(), None, "read before the first draw");
    let stored = store.descriptions(&[first.0, first.1]).expect("descriptions");
    assert_eq!(state.description(first.0), stored[0].as_deref().expect("the demo has descriptions"));
    assert_eq!(state.description(first.1), stored[1].as_deref().expect("the demo has descriptions"));

    press(&mut app, "j");
    let next = selected_pair(&app);
    assert_ne!(next, first);
    assert_eq!(app.duplicates.state.as_ref().expect("queue").texts_wanted(), Some(next), "another pair, other texts");
    samla::tui::load_pair_texts(&mut app, &store);
    let state = app.duplicates.state.as_ref().expect("queue");
    assert_eq!(state.texts_wanted(), None);
    let stored = store.descriptions(&[next.0, next.1]).expect("descriptions");
    let shown = stored[0].as_deref().expect("the demo has descriptions");
    assert_eq!(state.description(next.0), shown);
    // The pane wraps the description; its first words are on screen as written (æøå kept).
    let opening: String = shown.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let text = screen(&app, &demo.options.theme, 120, 40);
    assert!(text.contains(&opening), "{opening:?} in {text}");
    assert_eq!(state.description(-1), "", "an initiative outside the pair has none here");

    // After an import (a reload) the pair's texts are read again.
    app.duplicates.state.as_mut().expect("queue").forget_texts();
    assert_eq!(app.duplicates.state.as_ref().expect("queue").texts_wanted(), Some(next));
}

#[test]
fn the_table_marks_initiatives_in_pairs() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    press(&mut app, "1");
    let theme = Theme::builtin("default");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|frame| ui::draw(frame, &app, &theme)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let table = app.areas.table_rows;
    let status = screen(&app, &theme, 120, 40).lines().nth(38).expect("status line").to_string();
    assert!(status.contains(&format!("≈ {} i mulige duplikatpar", app.duplicates.flagged.len())), "{status}");
    for (position, index) in app.initiatives.view.rows.iter().enumerate().take(table.height as usize) {
        let id = app.portfolio.rows[*index as usize].id;
        let marker = buffer[(1, table.y + position as u16)].symbol().to_string();
        assert_eq!(marker == "≈", app.duplicates.flagged.contains(&id), "row {position}, id {id}");
    }
    assert!(
        app.initiatives
            .view
            .rows
            .iter()
            .take(table.height as usize)
            .any(|i| app.duplicates.flagged.contains(&app.portfolio.rows[*i as usize].id))
    );
}

#[test]
fn the_shared_words_are_highlighted_side_by_side() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let app = open_screen(&demo, &mut store);
    let theme = Theme::builtin("default");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal.draw(|frame| ui::draw(frame, &app, &theme)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let duplicates = app.duplicates.state.as_ref().expect("queue");
    let item = duplicates.selected().expect("pair");
    let headline = duplicates.queue.headline(&item.pair).expect("a shared title word");
    // Find the headline word in each pane's title row and check its cells carry `matched`.
    let rows: Vec<String> =
        (0..40u16).map(|y| (0..120u16).map(|x| buffer[(x, y)].symbol().to_string()).collect()).collect();
    let title_row = rows.iter().position(|r| r.contains("┌ A · #")).expect("pane A") + 1;
    let row = &rows[title_row];
    // One char per cell, lower-cased char by char so positions stay cell columns.
    let chars: Vec<char> = row.chars().map(|c| c.to_lowercase().next().unwrap_or(c)).collect();
    let word: Vec<char> = headline.chars().collect();
    let at = (0..chars.len()).find(|&i| chars[i..].starts_with(&word)).expect("headline in title row");
    let cell = &buffer[(at as u16, title_row as u16)];
    assert!(cell.modifier.contains(Modifier::UNDERLINED), "{headline} in {row}: {cell:?}");
    assert_eq!(cell.fg, theme.matched.fg.expect("colour"));

    insta::assert_snapshot!("duplicates_120x40_nb", screen(&app, &theme, 120, 40));
}

#[test]
fn the_screen_in_english_at_80_columns_and_empty() {
    let demo = demo(Lang::En);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, 80, 24));
    let theme = Theme::builtin("default");
    insta::assert_snapshot!("duplicates_80x24_en", screen(&app, &theme, 80, 24));

    let mut empty = common::tui::app(&demo, 80, 24);
    press(&mut empty, "8");
    let text = screen(&empty, &theme, 80, 24);
    assert!(text.contains("Looking for parallel solutions…"), "{text}");
    let nothing = ReviewQueue::build(Vec::new(), &samla::dedupe::ServiceKinds::builtin(), &[], 0.6);
    empty.duplicates_loaded(nothing);
    let text = screen(&empty, &theme, 80, 24);
    assert!(text.contains("No pairs above the threshold"), "{text}");
    assert!(press(&mut empty, "dox").is_empty(), "no pair, no decision");
}

#[test]
fn the_screen_in_both_languages_at_both_sizes() {
    // The other two of the four (120×40 nb and 80×24 en are above, with their checks).
    for (lang, width, height, name) in
        [(Lang::En, 120, 40, "duplicates_120x40_en"), (Lang::Nb, 80, 24, "duplicates_80x24_nb")]
    {
        let demo = demo(lang);
        let mut store = store_of(&demo);
        let mut app = open_screen(&demo, &mut store);
        app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, width, height));
        let text = screen(&app, &Theme::builtin("default"), width, height);
        let help = if lang == Lang::Nb { "d duplikat" } else { "d duplicate" };
        assert!(text.contains(help), "{text}");
        insta::assert_snapshot!(name, text);
    }
}

#[test]
fn a_threshold_chosen_from_the_portfolio_says_so_on_the_screen() {
    let mut demo = demo(Lang::Nb);
    demo.options.duplicate_threshold = None;
    let mut store = store_of(&demo);
    let app = open_screen(&demo, &mut store);
    let state = app.duplicates.state.as_ref().expect("queue");
    assert_eq!(state.queue.threshold_source, samla::dedupe::threshold::Source::Portfolio);
    let shown = screen(&app, &demo.options.theme, 120, 40);
    let expected = format!("terskel {} (fra porteføljen)", format!("{:.2}", state.queue.threshold).replace('.', ","));
    assert!(shown.contains(&expected), "{expected} in\n{shown}");
}

#[test]
fn the_status_line_keeps_the_threshold_and_its_source_at_80_columns() {
    let demo = demo(Lang::Nb);
    let mut store = store_of(&demo);
    let mut app = open_screen(&demo, &mut store);
    app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, 80, 24));
    if let Some(state) = app.duplicates.state.as_mut() {
        state.queue.threshold_source = samla::dedupe::threshold::Source::Portfolio;
    }
    let theme = Theme::builtin("default");
    let text = screen(&app, &theme, 80, 24);
    let status = text.lines().find(|l| l.contains("par å vurdere")).expect("status line");
    // The cross-sector count gives way; the threshold and where it came from stay whole.
    assert!(status.trim_end().ends_with("terskel 0,60 (fra porteføljen)"), "{status}");
    assert!(!status.contains("på tvers"), "{status}");
    let wide = screen(&app, &theme, 120, 40);
    assert!(wide.contains("på tvers av sektorer) · 0 avgjort · terskel 0,60 (fra porteføljen)"), "{wide}");
}
