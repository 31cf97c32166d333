//! Hostile data: files full of terminal escape sequences, bidi controls, huge fields, 10 000
//! columns, broken quoting and encodings. Each is imported or refused with one clear line,
//! never half-imported, and whatever comes back out (the CLI in every format, the TUI) holds
//! no raw control character a terminal would act on.

mod common;
#[path = "hostile/fixtures.rs"]
mod fixtures;
#[path = "hostile/xlsx.rs"]
mod xlsx;

use common::{Home, fixture, ok, stderr, stdout};
use fixtures::{Expect, Fixture};
use std::path::{Path, PathBuf};
use std::process::Output;

/// True for what a terminal must never receive raw: C0/C1 controls and DEL, bidi controls.
/// Line breaks and tabs are fine; a CR only as part of CRLF.
fn first_unsafe(text: &str) -> Option<(usize, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().map(|(i, c)| (i, *c)).find(|&(i, c)| {
        let bidi =
            matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        let allowed = c == '\n' || c == '\t' || (c == '\r' && chars.get(i + 1) == Some(&'\n'));
        (c.is_control() && !allowed) || bidi
    })
}

fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some((index, ch)) = first_unsafe(text) {
        let around: String = text.chars().skip(index.saturating_sub(40)).take(80).collect();
        panic!("{what}: raw {ch:?} reaches the terminal, near {around:?}");
    }
}

fn assert_output_safe(what: &str, output: &Output) {
    assert!(!stderr(output).contains("panicked"), "{what} panicked: {}", stderr(output));
    assert_terminal_safe(&format!("{what} (stdout)"), &output.stdout);
    assert_terminal_safe(&format!("{what} (stderr)"), &output.stderr);
}

/// The importable and refusable files: the small committed ones, the big ones and a
/// spreadsheet, with the file name each is written under.
fn all_fixtures() -> Vec<Fixture> {
    let mut all = fixtures::small();
    all.extend(fixtures::big());
    let cell = "Celle \u{1b}]52;c;cm0gLXJm\u{7} \u{202e}snudd \u{9b}2J";
    all.push(Fixture {
        name: "escapes_sheet.xlsx",
        bytes: xlsx::workbook(
            "Ark \u{202e}1\u{9d}",
            &[
                vec!["Tiltak", "Beskrivelse", "Virksomhet\u{202e}"],
                vec!["Excel-escape _x001B_[2J_x0007_ tittel", cell, "Nav_x001B_]0;x_x0007_"],
                vec![cell, "_x0000_ nul", "\u{2066}Skatteetaten\u{2069}"],
            ],
        ),
        expect: Expect::Imports(2),
    });
    let table = |far: &str| {
        [("A1", "Tiltak"), ("B1", "Virksomhet"), ("A2", "Et tiltak"), ("B2", "Nav"), (far, "langt unna")]
            .map(|(reference, text)| (reference.to_string(), text))
    };
    // One cell at Excel's last row and column: calamine would allocate 17 billion cells.
    all.push(Fixture {
        name: "far_cell.xlsx",
        bytes: xlsx::workbook_with_cells("Ark1", &table("XFD1048576")),
        expect: Expect::Refused("spread over 1048576 rows × 16384 columns, mostly empty"),
    });
    // A row number past 32 bits: calamine's arithmetic overflows (found by the xlsx fuzz target).
    all.push(Fixture {
        name: "overflowing_reference.xlsx",
        bytes: xlsx::workbook_with_cells("Ark1", &table("A99999999999")),
        expect: Expect::Refused("names a cell 'A99999999999'"),
    });
    let content = xlsx::ods_content(&[vec!["Tiltak", "Virksomhet"], vec!["Et tiltak \u{1b}[2J", "Nav"]]);
    all.push(Fixture { name: "whole.ods", bytes: xlsx::ods(&content), expect: Expect::Imports(1) });
    // Cut off inside the table: calamine's .ods reader would wait for `</table:table>` for
    // ever (found by the xlsx fuzz target).
    let cut = &content[..content.find("</table:table>").expect("table end")];
    all.push(Fixture {
        name: "cut_short.ods",
        bytes: xlsx::ods(cut),
        expect: Expect::Refused("ends before its elements are closed"),
    });
    all
}

/// What the database holds, as the CLI shows it: every initiative and every import.
fn database_state(home: &Home) -> (String, String) {
    (ok(home.run_db(&["list", "--all", "--format", "json"])), ok(home.run_db(&["sources", "--json"])))
}

fn write(home: &Home, name: &str, bytes: &[u8]) -> PathBuf {
    let path = home.path(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

fn source_of(name: &str) -> String {
    samla::import::default_source_label(name)
}

/// A clean file first, so "nothing written" is checked against a database holding something.
fn home_with_clean_import() -> Home {
    let home = Home::new();
    let clean =
        write(&home, "ren.csv", "Tiltak;Virksomhet;Beløp\nDigital dødsbo;Nav;12,5\nFødsel;Skatteetaten;3\n".as_bytes());
    ok(home.run_db(&["import", clean.to_str().expect("path")]));
    home
}

/// Imports in English: the refusals below are matched by their English words.
fn import(home: &Home, path: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["--lang", "en", "import", path.to_str().expect("utf-8 path")];
    args.extend_from_slice(extra);
    home.run_db(&args)
}

#[test]
fn committed_fixtures_match_their_generator() {
    let dir = fixture("hostile");
    let regenerate = std::env::var_os("SAMLA_REGENERATE_FIXTURES").is_some();
    for fixture in fixtures::small() {
        let path = dir.join(fixture.name);
        if regenerate {
            std::fs::create_dir_all(&dir).expect("fixture dir");
            std::fs::write(&path, &fixture.bytes).expect("write fixture");
        }
        let committed = common::bytes(&path).unwrap_or_else(|| panic!("{} is missing", path.display()));
        assert!(
            committed == fixture.bytes,
            "{} differs from tests/hostile/fixtures.rs; regenerate with SAMLA_REGENERATE_FIXTURES=1",
            fixture.name
        );
    }
}

#[test]
fn every_hostile_file_is_imported_or_refused_cleanly_and_never_half() {
    let home = home_with_clean_import();
    for fixture in all_fixtures() {
        let path = write(&home, fixture.name, &fixture.bytes);
        let before = database_state(&home);
        assert_output_safe(&format!("{} (JSON report)", fixture.name), &import(&home, &path, &["--dry-run", "--json"]));
        let output = import(&home, &path, &[]);
        assert_output_safe(fixture.name, &output);
        match fixture.expect {
            Expect::Refused(why) => {
                let line = common::fails(output);
                assert!(line.contains(why), "{}: {line}", fixture.name);
                assert!(line.len() < 1_000, "{}: a refusal of {} bytes", fixture.name, line.len());
                assert_eq!(database_state(&home), before, "{}: a refused file wrote something", fixture.name);
            }
            Expect::Imports(count) => {
                let report = ok(output);
                let source = source_of(fixture.name);
                let listed = ok(home.run_db(&["list", "--all", "--source", &source, "--format", "json"]));
                let rows: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("list JSON");
                assert_eq!(rows.len(), count, "{}: {report}", fixture.name);
                assert!(rows.iter().all(|r| r["title"].as_str().is_some_and(|t| !t.trim().is_empty())));
                assert!(
                    report.lines().count() < 60,
                    "{}: the report is {} lines",
                    fixture.name,
                    report.lines().count()
                );
                assert!(report.len() < 20_000, "{}: the report is {} bytes", fixture.name, report.len());
            }
        }
    }
}

/// Imports every importable fixture, under a file name and a source label that are escape
/// sequences themselves, and returns the home.
fn home_with_everything() -> Home {
    let home = home_with_clean_import();
    for fixture in all_fixtures().into_iter().filter(|f| matches!(f.expect, Expect::Imports(_))) {
        let path = write(&home, fixture.name, &fixture.bytes);
        ok(import(&home, &path, &[]));
    }
    let path =
        write(&home, "fil\u{1b}]0;tittel\u{7}\u{202e}vsc.csv", b"Tiltak;Virksomhet\nFra et farlig filnavn;Nav\n");
    ok(import(&home, &path, &[]));
    let path = write(&home, "kilde.csv", b"Tiltak;Virksomhet\nFra en farlig kilde;Nav\n");
    ok(import(&home, &path, &["--source", "kilde\u{1b}[2J\u{9b}1m\u{2067}"]));
    home
}

#[test]
fn warnings_about_hostile_values_are_safe_in_text_and_json() {
    let home = home_with_clean_import();
    let headers = write(
        &home,
        "overskrifter.csv",
        "Tiltak;\u{1b}[2JUkjent\u{202e};Beløp\nA;b;\u{1b}]52;c;eA==\u{7}\n".as_bytes(),
    );
    assert_output_safe("unknown headers and a bad amount", &import(&home, &headers, &["--dry-run"]));
    let output = import(&home, &headers, &["--dry-run", "--json"]);
    assert_output_safe("unknown headers and a bad amount, JSON", &output);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON report");
    assert_eq!(report["layout"]["unmapped"][0], "\u{1b}[2JUkjent\u{202e}", "JSON keeps the value, escaped");
}

#[test]
fn what_comes_back_out_is_safe_in_every_command_and_format() {
    let home = home_with_everything();
    let listed = ok(home.run_db(&["list", "--all", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&listed).expect("list JSON");
    let ids: Vec<String> = rows.iter().map(|r| r["id"].to_string()).collect();
    let titles: Vec<&str> = rows.iter().filter_map(|r| r["title"].as_str()).collect();
    assert!(titles.iter().any(|t| t.contains("\u{1b}]52;c;")), "JSON gives the stored text back exactly");
    assert!(titles.iter().any(|t| t.contains('\u{202e}')), "JSON gives the stored text back exactly");

    let mut commands: Vec<Vec<String>> = [
        "list",
        "list --all",
        "list --all --format csv",
        "list --all --format json",
        "list --all --sort title",
        "list --filter virksomhet:nav",
        "sources",
        "sources --json",
        "dedupe",
        "dedupe --json",
        "dedupe clusters",
        "dedupe clusters --json",
        "suggest",
        "suggest --json",
        "rank",
        "rank --json",
        "rank --budget 500M",
        "sensitivity",
        "weights",
        "doctor",
        "doctor --json",
        "reference list",
        "tag --filter virksomhet:nav --tag sjekk --dry-run",
        "tag --filter virksomhet:nav --tag sjekk --dry-run --json",
    ]
    .iter()
    .map(|c| c.split(' ').map(String::from).collect())
    .collect();
    // Every row but the 399 plain ones of late_nul.csv, which are there for their size.
    let plain = |row: &serde_json::Value| row["source"] == "late_nul" && !row["title"].to_string().contains("\\u0000");
    for (id, row) in ids.iter().zip(&rows).filter(|(_, row)| !plain(row)) {
        commands.push(vec!["show".into(), id.clone()]);
        commands.push(vec!["show".into(), id.clone(), "--json".into()]);
        if row["status"] == "active" {
            commands.push(vec!["score".into(), "show".into(), id.clone()]);
        }
    }
    let sources: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["sources", "--json"]))).expect("sources");
    for batch in sources.as_array().expect("batches") {
        let source = batch["source"].as_str().expect("source").to_string();
        commands.push(vec!["changes".into(), source.clone()]);
        commands.push(vec!["changes".into(), source, "--json".into()]);
    }
    for command in &commands {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let output = home.run_db(&args);
        assert_output_safe(&format!("samla {}", args.join(" ")), &output);
        assert!(output.status.success() || args[0] == "doctor", "samla {args:?}: {}", stderr(&output));
    }
    let table = stdout(&home.run_db(&["list", "--all"]));
    assert!(table.contains("\\e]52;c;"), "the table shows escapes as text: {table}");
}

#[test]
fn show_keeps_line_breaks_and_shows_no_stray_returns() {
    let home = home_with_clean_import();
    let path = write(&home, "escapes.csv", &fixtures::small().remove(0).bytes);
    ok(import(&home, &path, &[]));
    let shown = ok(home.run_db(&["show", "3"]));
    assert!(shown.contains("Linje én \\e[2J\\e[H\nlinje to\nlinje tre    tab"), "{shown}");
}

#[test]
fn a_refusal_lists_a_few_columns_not_ten_thousand() {
    let home = Home::new();
    let fixture = fixtures::big().into_iter().find(|f| f.name == "ten_thousand_columns_no_title.csv").expect("fixture");
    let path = write(&home, fixture.name, &fixture.bytes);
    let line = common::fails(import(&home, &path, &[]));
    assert!(line.contains("Kolonne 0"), "{line}");
    assert!(line.contains("9 990 more"), "{line}");
    assert!(line.len() < 1_000, "{} bytes", line.len());
}

mod tui {
    use super::{all_fixtures, first_unsafe, fixtures::Expect};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use ratatui::layout::Rect;
    use samla::config::Lang;
    use samla::import::{ImportOptions, import_bytes, import_file};
    use samla::portfolio::Portfolio;
    use samla::reference::ReferenceSource;
    use samla::store::{OpenMode, Store};
    use samla::tui::app::{App, Effect};
    use samla::tui::keymap::Keymap;
    use samla::tui::theme::Theme;
    use samla::tui::{Options, start_app, ui};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn press(app: &mut App, keys: &str) -> Vec<Effect> {
        keys.chars().flat_map(|c| app.on_key(key(KeyCode::Char(c)))).collect()
    }

    /// Draws the app and fails on any raw control or bidi character in any cell.
    fn assert_screen_safe(app: &App, theme: &Theme, what: &str) {
        let (width, height) = (120, 40);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal.draw(|frame| ui::draw(frame, app, theme)).expect("draw");
        let buffer = terminal.backend().buffer();
        for y in 0..height {
            let line: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            if let Some((_, ch)) = first_unsafe(&line) {
                panic!("{what}: raw {ch:?} in the buffer, line {y}: {line:?}");
            }
        }
    }

    #[test]
    fn every_screen_draws_hostile_data_without_raw_controls() {
        let dir = tempfile::tempdir().expect("dir");
        let database = dir.path().join("hostile.db");
        let reference = ReferenceSource::builtin();
        let mut store = Store::open(&database, OpenMode::Create, &reference).expect("store");
        let options = ImportOptions { analyst: "analytiker \u{1b}[2J".into(), ..ImportOptions::default() };
        for fixture in all_fixtures().into_iter().filter(|f| matches!(f.expect, Expect::Imports(_))) {
            let path = dir.path().join(fixture.name);
            std::fs::write(&path, &fixture.bytes).expect("write");
            import_file(&mut store, &path, &options, &reference).expect(fixture.name);
        }
        // A second round that changes titles, so the change views have hostile old and new values.
        let round = "Nr;Tiltak;Virksomhet\nE0\u{1b}[2J\u{1b}[H;Ny \u{1b}]0;x\u{7} tittel;Nav\u{202e}\n";
        let options = ImportOptions { allow_withdraw: true, ..options };
        import_bytes(&mut store, round.as_bytes(), "escapes_runde2.csv", "escapes_runde2.csv", &options, &reference)
            .expect("second round");

        let theme = Theme::builtin("default");
        let app_options = Options {
            database: database.clone(),
            lang: Lang::En,
            theme: theme.clone(),
            keymap: Keymap::defaults(),
            mouse: false,
            reference: reference.clone(),
            analyst: "t".into(),
            backup_dir: dir.path().join("backups"),
            duplicate_threshold: Some(0.0),
            config_dir: dir.path().join("config"),
            export_dir: dir.path().join("eksport"),
        };
        let fresh = |store: &Store| {
            let (mut app, _) = start_app(store, &app_options).expect("app");
            app.set_portfolio(Portfolio::load(store).expect("portfolio"));
            app.loading = false;
            app.areas = ui::areas(Rect::new(0, 0, 120, 40));
            app
        };

        let mut app = fresh(&store);
        assert_screen_safe(&app, &theme, "the table");
        for _ in 0..app.initiatives.view.rows.len() {
            let id = app.selected_id().expect("a row");
            assert_screen_safe(&app, &theme, &format!("the table at {id}"));
            assert_eq!(app.on_key(key(KeyCode::Enter)), vec![Effect::LoadDetail(id)]);
            app.detail_loaded(store.initiative(id).expect("detail"));
            assert_screen_safe(&app, &theme, &format!("the detail of {id}"));
            app.on_key(key(KeyCode::Esc));
            press(&mut app, "j");
        }

        let mut sources = fresh(&store);
        press(&mut sources, "2");
        assert_screen_safe(&sources, &theme, "sources");
        for batch in sources.sources.batches.clone() {
            sources.changes_loaded(Some(store.batch_changes(batch).expect("changes")));
            assert_screen_safe(&sources, &theme, "a round's changes");
            sources.on_key(key(KeyCode::Esc));
        }

        for (keys, what) in
            [("3", "priorities"), ("4", "scores"), ("5", "portfolio"), ("7", "matrix"), ("7jl", "a matrix cell")]
        {
            let mut app = fresh(&store);
            let effects = press(&mut app, keys);
            if effects.contains(&Effect::LoadScoring) {
                for effect in app.scoring_loaded(store.score_matrix().expect("matrix")) {
                    if let Effect::Select(job) = effect {
                        app.selection_done(job.generation, samla::scoring::prioritise(&job.input));
                    }
                }
            }
            assert_screen_safe(&app, &theme, what);
        }

        let mut suggestions = fresh(&store);
        press(&mut suggestions, "6");
        suggestions.suggestions_loaded(samla::suggest::suggest(&store, &reference).expect("suggest"));
        assert_screen_safe(&suggestions, &theme, "suggestions");

        // Every candidate pair, however weak, so hostile titles meet on the duplicates screen.
        let mut duplicates = fresh(&store);
        assert_eq!(press(&mut duplicates, "8"), vec![Effect::LoadDuplicates]);
        let kinds = samla::dedupe::ServiceKinds::from_reference(&reference).expect("kinds");
        let queue = store.review_queue(&kinds, app_options.duplicate_threshold).expect("queue");
        assert!(!queue.items.is_empty(), "the hostile fixtures give at least one candidate pair");
        duplicates.duplicates_loaded(queue);
        // The pair's descriptions are read as the event loop reads them before a draw.
        samla::tui::load_pair_texts(&mut duplicates, &store);
        assert_screen_safe(&duplicates, &theme, "the duplicates");
        press(&mut duplicates, "j");
        samla::tui::load_pair_texts(&mut duplicates, &store);
        assert_screen_safe(&duplicates, &theme, "the next pair");

        let mut searching = fresh(&store);
        press(&mut searching, "/tittel");
        assert_screen_safe(&searching, &theme, "a search");

        let mut failed = fresh(&store);
        let refused = import_bytes(
            &mut store,
            "\u{1b}[2JA;\u{202e}B\nx;y\n".as_bytes(),
            "\u{1b}]0;t\u{7}.csv",
            "\u{1b}]0;t\u{7}.csv",
            &options,
            &reference,
        );
        assert!(refused.is_err());
        failed.import_finished(refused);
        assert_screen_safe(&failed, &theme, "a refused import");

        let mut imported = fresh(&store);
        let report = import_bytes(
            &mut store,
            "Tiltak;\u{1b}[2JUkjent;Beløp\n\u{9b}1mA;b;\u{1b}]52;c;eA==\u{7}\n".as_bytes(),
            "varsel\u{202e}.csv",
            "varsel\u{202e}.csv",
            &options,
            &reference,
        );
        imported.import_finished(report);
        assert_screen_safe(&imported, &theme, "an import report with warnings");
    }
}
