//! The terminal UI. Only this module imports ratatui and crossterm; every action it takes
//! is a library call the CLI can make too.
//!
//! A synchronous loop: draw, wait for a key, a mouse event, a resize or a message from a
//! worker thread, update, repeat. Loading the whole portfolio and imports run on worker
//! threads with their own database connection, so the screen never freezes.

pub mod action;
pub mod app;
pub mod duplicates;
mod effects;
mod event_loop;
pub mod export;
pub mod input;
mod jobs;
pub mod keymap;
pub mod list_cursor;
pub mod picker;
pub mod scoring;
mod scoring_io;
pub mod theme;
pub mod ui;
pub mod worker;
pub mod writer;

use crate::config::Lang;
use crate::error::{Error, Result};
use crate::portfolio::Portfolio;
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, Resolver, Store};
use app::App;
use effects::Runner;
pub use event_loop::load_pair_texts;
use event_loop::{Message, event_loop};
use jobs::{spawn_duplicates, spawn_load};
use keymap::Keymap;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::time::Duration;
use theme::Theme;
use worker::Workers;
use writer::Writer;

/// How many initiatives the first screen loads before the rest arrives from a worker.
pub const FIRST_LOAD: usize = 500;

/// Everything the TUI needs to start.
pub struct Options {
    pub database: PathBuf,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: Keymap,
    pub mouse: bool,
    pub reference: ReferenceSource,
    pub analyst: String,
    /// Where copies taken before imports go.
    pub backup_dir: PathBuf,
    /// The score at or above which a pair is listed for review; None: chosen from the
    /// portfolio (or the analyst's decisions).
    pub duplicate_threshold: Option<f64>,
    /// The user's config directory, where brief templates may be overridden.
    pub config_dir: PathBuf,
    /// Where exports and briefs go unless the analyst types another folder.
    pub export_dir: PathBuf,
}

impl Options {
    /// Reads keymap and theme from the config directory; `theme_name` from `--theme` or
    /// config.toml. `NO_COLOR` (set and not empty) picks the monochrome theme.
    pub fn load(
        database: PathBuf,
        backup_dir: PathBuf,
        config_dir: &Path,
        config: &crate::config::Config,
        lang: Lang,
        theme_name: Option<&str>,
        reference: ReferenceSource,
    ) -> Result<Self> {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let theme = Theme::load(theme_name.unwrap_or(&config.theme), &config_dir.join("theme.toml"), no_color)?;
        let keymap = Keymap::load(&config_dir.join("keymap.toml"))?;
        Ok(Self {
            database,
            lang,
            theme,
            keymap,
            mouse: config.mouse,
            reference,
            analyst: config.analyst.clone(),
            duplicate_threshold: config.duplicate_threshold,
            config_dir: config_dir.to_path_buf(),
            // The backups' folder is in the data directory, whose eksport/ is the default.
            export_dir: config.export_folder(backup_dir.parent().unwrap_or(Path::new("."))),
            backup_dir,
        })
    }
}

/// Up to this many active initiatives the duplicate review queue is built at start (a few
/// seconds, a few hundred MB); above, when screen 8 is opened (at 1 000 000: about 45 s and
/// over 3 GB, see the README's performance section).
const AUTO_DUPLICATES_LIMIT: i64 = 200_000;

/// Builds the app for a database: the first rows at once (the rest is loaded by the caller).
pub fn start_app(store: &Store, options: &Options) -> Result<(App, bool)> {
    let first = Portfolio::load_first(store, FIRST_LOAD)?;
    let (active, withdrawn) = store.count_initiatives()?;
    let more = first.rows.len() < (active + withdrawn) as usize;
    let resolver = Resolver::load_for(store)?;
    let label = options
        .database
        .file_name()
        .map_or_else(|| options.database.display().to_string(), |n| n.to_string_lossy().into_owned());
    let mut app = App::new(options.lang, options.keymap.clone(), first, resolver, label);
    app.loading = more;
    app.sources.batches = store.batches(None)?;
    app.export_dir.clone_from(&options.export_dir);
    Ok((app, more))
}

/// Opens the TUI on `options.database` (created when missing) and runs until the user quits.
pub fn run(options: &Options) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(crate::error::UsageProblem::NotATerminal.into());
    }
    let mut store = Store::open(&options.database, OpenMode::Create, &options.reference)?;
    store.wait_at_most(Duration::from_secs(2))?;
    let (mut app, more) = start_app(&store, options)?;
    let auto_duplicates = store.count_initiatives()?.0 <= AUTO_DUPLICATES_LIMIT;
    // Jobs start once the terminal and its panic hook are set up (see TerminalGuard::enter).
    let mut terminal = TerminalGuard::enter(options.mouse)?;
    let (sender, receiver) = channel();
    let mut workers = Workers::default();
    if more {
        spawn_load(&mut workers, options, &sender);
    }
    // The table marks initiatives in candidate pairs, so the queue is built from the start;
    // at national scale it takes gigabytes and most of a minute, so only when asked (screen 8).
    if auto_duplicates {
        app.duplicates.loading = true;
        spawn_duplicates(&mut workers, options, &sender);
    }
    let on_failure = |result| Message::Saved(Box::new(app::Saved::Quiet(result)));
    let writer = Writer::start(&mut workers, &sender, options.database.clone(), options.reference.clone(), on_failure);
    let mut runner = Runner { options, sender: &sender, workers: &mut workers, writer: &writer };
    let result = event_loop(&mut terminal, &mut app, &store, &receiver, &mut runner);
    if let Some(job) = &app.job {
        job.monitor.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    // The writing thread finishes the edits still queued, then ends with its inbox.
    drop(writer);
    let failure = workers.finish();
    drop(terminal);
    result?;
    // A job stopped by a bug was shown on screen; the exit code says so too.
    failure.map_or(Ok(()), Err)
}

/// Raw mode, the alternate screen and mouse capture; all undone on drop and on panic.
struct TerminalGuard {
    terminal: ratatui::DefaultTerminal,
    mouse: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> Result<Self> {
        let terminal = ratatui::try_init().map_err(|e| Error::io("open", "the terminal", e))?;
        // After ratatui's own hook, which would restore the terminal on a panic in any
        // thread: a job's panic must leave the screen running (it is reported on it).
        worker::install_panic_hook(std::thread::current().id(), || {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
            ratatui::restore();
        });
        if mouse {
            let _ = execute!(std::io::stdout(), EnableMouseCapture);
        }
        Ok(Self { terminal, mouse })
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
}
