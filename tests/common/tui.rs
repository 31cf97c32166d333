//! The TUI without a terminal: a demo database, an app over it, and the screen as text.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use samla::config::Lang;
use samla::portfolio::Portfolio;
use samla::reference::ReferenceSource;
use samla::store::Store;
use samla::tui::app::App;
use samla::tui::keymap::Keymap;
use samla::tui::theme::Theme;
use samla::tui::{Options, start_app, ui};

pub struct Demo {
    pub _dir: tempfile::TempDir,
    pub store: Store,
    pub options: Options,
}

/// The demo database in a temporary directory, and the options the TUI would start with.
pub fn demo(lang: Lang) -> Demo {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("demo.db");
    let reference = ReferenceSource::builtin();
    let (store, _) = samla::demo::build(&path, &reference, "test").expect("demo");
    let options = Options {
        database: path,
        lang,
        theme: Theme::builtin("default"),
        keymap: Keymap::defaults(),
        mouse: true,
        reference,
        analyst: "test".into(),
        backup_dir: std::env::temp_dir().join("samla-test-backups"),
        duplicate_threshold: Some(samla::dedupe::DEFAULT_THRESHOLD),
        config_dir: std::env::temp_dir().join("samla-test-no-config"),
        export_dir: dir.path().join("eksport"),
    };
    Demo { _dir: dir, store, options }
}

/// The app over the whole demo portfolio, laid out for a terminal of this size.
pub fn app(demo: &Demo, width: u16, height: u16) -> App {
    let (mut app, _) = start_app(&demo.store, &demo.options).expect("app");
    app.set_portfolio(Portfolio::load(&demo.store).expect("portfolio"));
    app.loading = false;
    app.areas = ui::areas(Rect::new(0, 0, width, height));
    app
}

/// The screen as text, one line per row, trailing spaces trimmed.
pub fn screen(app: &App, theme: &Theme, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| ui::draw(frame, app, theme)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut x = 0;
        while x < width {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            // A wide character covers the next cell too.
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    mask_times(&out)
}

/// Import times differ per run; their digits become '#'. Matches "YYYY-MM-DD HH:MM" (T or
/// space between), with optional ":SS" and "+HH:MM".
pub fn mask_times(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let digits =
        |from: usize, count: usize| (from..from + count).all(|i| chars.get(i).is_some_and(char::is_ascii_digit));
    let is = |i: usize, options: &str| chars.get(i).is_some_and(|c| options.contains(*c));
    let mut i = 0;
    while i < chars.len() {
        let stamp = digits(i, 4)
            && is(i + 4, "-")
            && digits(i + 5, 2)
            && is(i + 7, "-")
            && digits(i + 8, 2)
            && is(i + 10, "T ")
            && digits(i + 11, 2)
            && is(i + 13, ":")
            && digits(i + 14, 2);
        if !stamp {
            i += 1;
            continue;
        }
        let mut end = i + 16;
        if is(end, ":") && digits(end + 1, 2) {
            end += 3;
        }
        if is(end, "+-") && digits(end + 1, 2) && is(end + 3, ":") && digits(end + 4, 2) {
            end += 6;
        }
        for slot in out.iter_mut().take(end).skip(i) {
            if slot.is_ascii_digit() {
                *slot = '#';
            }
        }
        i = end;
    }
    mask_dates(&out.into_iter().collect::<String>())
}

/// Dates as the screen writes them ("4. des. 2026 07:27", "4 Dec 2026 07:27") differ per
/// run and per month: each becomes "#DATE#" with its trailing spaces, the line as wide.
pub fn mask_dates(text: &str) -> String {
    text.lines()
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            let digits = |from: usize, count: usize| {
                (from..from + count).all(|i| chars.get(i).is_some_and(char::is_ascii_digit))
            };
            let found = (0..chars.len()).find(|&i| {
                digits(i, 4)
                    && chars.get(i + 4) == Some(&' ')
                    && digits(i + 5, 2)
                    && chars.get(i + 7) == Some(&':')
                    && digits(i + 8, 2)
                    && i >= 2
                    && chars[i - 1] == ' '
                    && chars[i - 2].is_alphabetic() | (chars[i - 2] == '.')
            });
            let Some(year) = found else { return line.to_string() };
            // Back over the month and the day.
            let mut start = year - 1;
            for _ in 0..2 {
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
            }
            let mut end = year + 10;
            while chars.get(end) == Some(&' ') {
                end += 1;
            }
            let width = end - start;
            let head: String = chars[..start].iter().collect();
            let tail: String = chars[end..].iter().collect();
            format!("{head}{:<width$}{tail}", "#DATE#")
        })
        .collect::<Vec<_>>()
        .join("\n")
}
