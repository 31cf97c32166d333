//! The TUI headless on a generated portfolio at each size of `SAMLA_BENCH_ROWS`: the first
//! frame, loading the rest behind it, a keystroke in the search bar to the next frame, the
//! first sort by a column, a scroll step, and a step on the matrix screen.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use samla::config::Lang;
use samla::portfolio::Portfolio;
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};
use samla::tui::app::App;
use samla::tui::keymap::Keymap;
use samla::tui::theme::Theme;
use samla::tui::{Options, start_app, ui};
use std::path::PathBuf;

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn tui(c: &mut Criterion) {
    for rows in common::sizes() {
        let data = common::Imported::new(rows);
        screens(c, data.database.clone(), rows);
    }
}

fn screens(c: &mut Criterion, database: PathBuf, rows: usize) {
    let options = Options {
        database: database.clone(),
        lang: Lang::Nb,
        theme: Theme::builtin("default"),
        keymap: Keymap::defaults(),
        mouse: false,
        reference: ReferenceSource::builtin(),
        analyst: "bench".into(),
        backup_dir: std::env::temp_dir().join("samla-bench-backups"),
        duplicate_threshold: Some(samla::dedupe::DEFAULT_THRESHOLD),
        config_dir: std::env::temp_dir().join("samla-test-no-config"),
        export_dir: std::env::temp_dir().join("samla-bench-eksport"),
    };
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let area = Rect::new(0, 0, 120, 40);

    let mut group = common::group(c, "tui", rows);

    // Opening the database, loading the first screen's rows and drawing it.
    group.bench_function("first_frame", |b| {
        b.iter(|| {
            let store = Store::open(&database, OpenMode::Existing, &options.reference).expect("store");
            let (mut app, _) = start_app(&store, &options).expect("app");
            app.areas = ui::areas(area);
            terminal.draw(|frame| ui::draw(frame, &app, &options.theme)).expect("draw");
        })
    });

    // The rest of the portfolio, loaded behind the first screen.
    let store = Store::open(&database, OpenMode::Existing, &options.reference).expect("store");
    group.bench_function("load_all", |b| b.iter(|| Portfolio::load(&store).expect("load")));

    let portfolio = Portfolio::load(&store).expect("load");
    let fresh = || {
        let (mut app, _) = start_app(&store, &options).expect("app");
        app.set_portfolio(portfolio.clone());
        app.areas = ui::areas(area);
        app
    };
    let draw = |terminal: &mut Terminal<TestBackend>, app: &App| {
        terminal.draw(|frame| ui::draw(frame, app, &options.theme)).expect("draw");
    };

    // The first letter searches every row; later letters only narrow.
    for (name, typed, next) in [("search_first_key", "", 'd'), ("search_next_key", "døds", 'b')] {
        group.bench_function(name, |b| {
            b.iter_batched(
                || {
                    let mut app = fresh();
                    app.on_key(key('/'));
                    for c in typed.chars() {
                        app.on_key(key(c));
                    }
                    app
                },
                |mut app| {
                    app.on_key(key(next));
                    draw(&mut terminal, &app);
                    app
                },
                BatchSize::LargeInput,
            )
        });
    }

    // Sorting by a column for the first time (later sorts reuse the cached order).
    group.bench_function("sort_by_title_first_time", |b| {
        b.iter_batched(
            fresh,
            |mut app| {
                app.on_key(key('s'));
                draw(&mut terminal, &app);
                app
            },
            BatchSize::LargeInput,
        )
    });

    let mut app = fresh();
    group.bench_function("scroll_step", |b| {
        b.iter(|| {
            app.on_key(key('j'));
            draw(&mut terminal, &app);
        })
    });

    // A step down the owner × life-event matrix (screen 7) and the frame after it: the
    // matrix counts every row shown, so it is worth keeping between frames.
    let mut app = fresh();
    app.on_key(key('7'));
    group.bench_function("matrix_step", |b| {
        b.iter(|| {
            app.on_key(key('j'));
            draw(&mut terminal, &app);
        })
    });
    group.finish();
}

criterion_group!(benches, tui);
criterion_main!(benches);
