//! The terminal UI. Only this module imports ratatui and crossterm; every action it takes
//! is a library call the CLI can make too.
//!
//! A synchronous loop: draw, wait for a key, a mouse event, a resize or a message from a
//! worker thread, update, repeat. Loading the whole portfolio and imports run on worker
//! threads with their own database connection, so the screen never freezes.

pub mod action;
pub mod app;
pub mod duplicates;
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

use crate::config::Lang;
use crate::error::{Error, Result};
use crate::import::{ImportOptions, ImportReport, Monitor, import_file};
use crate::portfolio::Portfolio;
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, Resolver, Store};
use app::{App, Effect, Job};
use jobs::{spawn_duplicates, spawn_load, spawn_scoring};
use keymap::Keymap;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use ratatui::crossterm::execute;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};
use theme::Theme;
use worker::Workers;

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

/// What worker threads send back.
enum Message {
    PortfolioLoaded(Result<Portfolio>),
    ImportDone(Box<Result<ImportReport>>),
    ScoringLoaded(Box<Result<crate::scoring::ScoreMatrix>>),
    Selected(u64, Box<Result<crate::scoring::Prioritised>>),
    SuggestionsLoaded(Box<Result<crate::suggest::Suggestions>>),
    DuplicatesLoaded(Box<Result<crate::dedupe::ReviewQueue>>),
    OutputDone(Box<export::OutputJob>, Result<export::Written>),
    RoundUndone(Box<Result<crate::model::RoundUndone>>),
    /// A small write (a rejected suggestion) finished.
    Stored(Result<()>),
}

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
    app.export_dir = options.export_dir.clone();
    Ok((app, more))
}

/// Opens the TUI on `options.database` (created when missing) and runs until the user quits.
pub fn run(options: Options) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(crate::error::UsageProblem::NotATerminal.into());
    }
    let mut store = Store::open(&options.database, OpenMode::Create, &options.reference)?;
    store.wait_at_most(Duration::from_secs(2))?;
    let (mut app, more) = start_app(&store, &options)?;
    let auto_duplicates = store.count_initiatives()?.0 <= AUTO_DUPLICATES_LIMIT;
    // Jobs start once the terminal and its panic hook are set up (see TerminalGuard::enter).
    let mut terminal = TerminalGuard::enter(options.mouse)?;
    let (sender, receiver) = channel();
    let mut workers = Workers::default();
    if more {
        spawn_load(&mut workers, &options, &sender);
    }
    // The table marks initiatives in candidate pairs, so the queue is built from the start;
    // at national scale it takes gigabytes and most of a minute, so only when asked (screen 8).
    if auto_duplicates {
        app.duplicates_loading = true;
        spawn_duplicates(&mut workers, &options, &sender);
    }
    let channels = Channels { sender: &sender, receiver: &receiver };
    let result = event_loop(&mut terminal, &mut app, &mut store, &options, &channels, &mut workers);
    if let Some(job) = &app.job {
        job.monitor.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    let failure = workers.finish();
    drop(terminal);
    result?;
    // A job stopped by a bug was shown on screen; the exit code says so too.
    failure.map_or(Ok(()), Err)
}

/// How jobs talk back to the event loop.
struct Channels<'a> {
    sender: &'a Sender<Message>,
    receiver: &'a Receiver<Message>,
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

fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    store: &mut Store,
    options: &Options,
    channels: &Channels<'_>,
    workers: &mut Workers,
) -> Result<()> {
    let (sender, receiver) = (channels.sender, channels.receiver);
    let terminal = &mut guard.terminal;
    let draw_error = |e: std::io::Error| Error::io("draw on", "the terminal", e);
    let size = terminal.size().map_err(draw_error)?;
    app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    worker::inject_failure("screen");
    loop {
        load_pair_texts(app, store);
        terminal.draw(|frame| ui::draw(frame, app, &options.theme)).map_err(draw_error)?;
        // Wake for a worker's message or the progress spinner; keys wake us at once.
        let timeout =
            if app.job.is_some() || app.loading { Duration::from_millis(100) } else { Duration::from_millis(500) };
        let mut effects = Vec::new();
        if event::poll(timeout).map_err(|e| Error::io("read", "the terminal", e))? {
            // Take every event already waiting (a burst of resizes or keys) before drawing.
            loop {
                match event::read().map_err(|e| Error::io("read", "the terminal", e))? {
                    Event::Key(key) if key.kind != KeyEventKind::Release => effects.extend(app.on_key(key)),
                    Event::Mouse(mouse) => effects.extend(app.on_mouse(mouse)),
                    Event::Resize(width, height) => {
                        app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, width, height));
                    }
                    _ => {}
                }
                if !event::poll(Duration::ZERO).map_err(|e| Error::io("read", "the terminal", e))? {
                    break;
                }
            }
        }
        while let Ok(message) = receiver.try_recv() {
            match message {
                Message::PortfolioLoaded(Ok(portfolio)) => {
                    app.loading = false;
                    app.set_portfolio(portfolio);
                }
                Message::PortfolioLoaded(Err(error)) => {
                    app.loading = false;
                    app.show_failure(&error);
                }
                Message::ScoringLoaded(result) => match *result {
                    Ok(matrix) => effects.extend(scoring_io::loaded(matrix, app, store)),
                    Err(error) => {
                        app.scoring_loading = false;
                        app.show_failure(&error);
                    }
                },
                Message::Selected(generation, result) => app.selection_done(generation, *result),
                Message::SuggestionsLoaded(result) => match *result {
                    Ok(suggestions) => app.suggestions_loaded(suggestions),
                    Err(error) => {
                        app.suggestions.loading = false;
                        app.show_failure(&error);
                    }
                },
                Message::DuplicatesLoaded(result) => match *result {
                    Ok(queue) => {
                        app.duplicates_loaded(queue);
                        effects.extend(app.refresh_plan_duplicates());
                    }
                    Err(error) => {
                        app.duplicates_loading = false;
                        app.show_failure(&error);
                    }
                },
                Message::OutputDone(job, result) => app.output_done(*job, result),
                Message::RoundUndone(result) => effects.extend(app.round_undone(*result)),
                Message::Stored(result) => {
                    if let Err(error) = result {
                        app.show_failure(&error);
                    }
                }
                Message::ImportDone(result) => {
                    effects.extend(app.import_finished(*result));
                    match store.batches(None) {
                        Ok(batches) => app.sources.batches = batches,
                        Err(error) => app.show_failure(&error),
                    }
                }
            }
        }
        for effect in effects {
            run_effect(effect, app, store, options, sender, workers);
        }
        if app.quit {
            return Ok(());
        }
    }
}

/// Reads the descriptions of the pair the duplicates screen shows when they are not read
/// yet: called before every draw, so whatever moved the selection, the pair on screen has
/// its texts. A failed read shows the failure once and the pair without descriptions.
pub fn load_pair_texts(app: &mut App, store: &Store) {
    let Some(state) = app.duplicates.as_mut() else { return };
    let Some((a, b)) = state.texts_wanted() else { return };
    match store.descriptions(&[a, b]) {
        Ok(found) => state.texts_loaded((a, b), found.try_into().unwrap_or_default()),
        Err(error) => {
            state.texts_loaded((a, b), [None, None]);
            app.show_failure(&error);
        }
    }
}

fn run_effect(
    effect: Effect,
    app: &mut App,
    store: &mut Store,
    options: &Options,
    sender: &Sender<Message>,
    workers: &mut Workers,
) {
    match effect {
        Effect::LoadDetail(id) => match store.initiative(id) {
            Ok(detail) => app.detail_loaded(detail),
            Err(error) => app.show_failure(&error),
        },
        Effect::LoadChanges(batch_id) => {
            let changes = store.batches(None).and_then(|batches| {
                batches.into_iter().find(|b| b.id == batch_id).map(|b| store.batch_changes(b)).transpose()
            });
            match changes {
                Ok(changes) => app.changes_loaded(changes),
                Err(error) => app.show_failure(&error),
            }
        }
        Effect::StartImport(request) => {
            let monitor = Arc::new(Monitor::default());
            let path = request.path.clone();
            let file =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            let (allow_withdraw, mappings) = (request.allow_withdraw, request.mappings.clone());
            app.job = Some(Job { file, request, monitor: monitor.clone(), started: Instant::now() });
            let database = options.database.clone();
            let reference = options.reference.clone();
            let backup_dir = options.backup_dir.clone();
            let import_options = ImportOptions {
                analyst: options.analyst.clone(),
                monitor: Some(monitor),
                allow_withdraw,
                assume_yes: !mappings.is_empty(),
                mappings,
                ..ImportOptions::default()
            };
            let wrap = |result| Message::ImportDone(Box::new(result));
            workers.spawn("import", sender, wrap, move || {
                Store::open(&database, OpenMode::Existing, &reference).and_then(|mut store| {
                    crate::import::back_up_before_import(&store, &backup_dir)?;
                    import_file(&mut store, &path, &import_options, &reference)
                })
            });
        }
        Effect::CancelImport => {
            if let Some(job) = &app.job {
                job.monitor.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        Effect::Reload => {
            app.loading = true;
            // The queue is built again in the background; until then its pair shows the
            // descriptions as they are now.
            if let Some(state) = app.duplicates.as_mut() {
                state.forget_texts();
            }
            spawn_load(workers, options, sender);
            if app.scoring.is_some() {
                app.scoring_loading = true;
                spawn_scoring(workers, options, sender);
            }
            if !app.duplicates_loading {
                app.duplicates_loading = true;
                spawn_duplicates(workers, options, sender);
            }
            if let Ok(batches) = store.batches(None) {
                app.sources.batches = batches;
            }
        }
        Effect::LoadScoring => spawn_scoring(workers, options, sender),
        Effect::SaveWeights => {
            if let Some(scoring) = app.scoring.as_mut() {
                match store.set_weights(scoring.matrix.criteria(), &scoring.weights, &options.analyst) {
                    Ok(()) => scoring.weights_dirty = false,
                    Err(error) => app.show_failure(&error),
                }
            }
        }
        Effect::Select(job) => {
            let generation = job.generation;
            let wrap = move |result| Message::Selected(generation, Box::new(result));
            workers.spawn("selection", sender, wrap, move || crate::scoring::prioritise(&job.input));
        }
        Effect::SetScore { id, code, value } => match store.set_score(id, &code, value, &options.analyst) {
            Ok(edit) => {
                let more = app.score_stored(edit, true);
                for effect in more {
                    run_effect(effect, app, store, options, sender, workers);
                }
            }
            Err(error) => app.show_failure(&error),
        },
        Effect::ApplyScoreEdit(edit) => match store.apply_score_edit(&edit, &options.analyst) {
            Ok(stored) => {
                let more = app.score_stored(stored, false);
                for effect in more {
                    run_effect(effect, app, store, options, sender, workers);
                }
            }
            Err(error) => app.show_failure(&error),
        },
        Effect::ApplyEdits(groups) => match store.apply_edit_groups(&groups, &options.analyst, true) {
            Ok(mut record) => {
                // Said in words, with names and a ministry that changes, as it was asked.
                let words: Vec<String> = groups.iter().map(|(ids, edits)| app.edits_in_words(ids, edits)).collect();
                record.description = words.join("; ");
                for effect in app.tags_stored(record, true) {
                    run_effect(effect, app, store, options, sender, workers);
                }
            }
            Err(error) => app.show_failure(&error),
        },
        Effect::ApplyRecord(record) => match store.apply_record(&record, &options.analyst) {
            Ok(()) => {
                for effect in app.tags_stored(record, false) {
                    run_effect(effect, app, store, options, sender, workers);
                }
            }
            Err(error) => app.show_failure(&error),
        },
        Effect::LoadSuggestions => {
            let database = options.database.clone();
            let reference = options.reference.clone();
            let wrap = |result| Message::SuggestionsLoaded(Box::new(result));
            workers.spawn("suggestions", sender, wrap, move || {
                Store::open(&database, OpenMode::Existing, &reference)
                    .and_then(|store| crate::suggest::suggest(&store, &reference))
            });
        }
        Effect::LoadDuplicates => spawn_duplicates(workers, options, sender),
        Effect::Output(job) => {
            // A brief at national scale takes a moment; the screen stays live meanwhile.
            let (database, reference) = (options.database.clone(), options.reference.clone());
            let templates = crate::export::brief::Templates::with_user_dir(&options.config_dir);
            app.notice = Some((format!("{} {}…", app.t(crate::i18n::WRITING), job.path().display()), false));
            let returned = job.clone();
            let wrap = move |result| Message::OutputDone(returned, result);
            let folder = Some(options.export_dir.clone()).filter(|d| job.path().parent() == Some(d.as_path()));
            workers.spawn("output", sender, wrap, move || {
                folder.as_deref().map_or(Ok(()), crate::files::ensure_folder)?;
                Store::open(&database, OpenMode::Existing, &reference).and_then(|store| job.run(&store, &templates))
            });
        }
        Effect::DecidePair { pair, decision, note, remember } => {
            let stored = match decision {
                Some(decision) => {
                    store.decide_pair(pair.a, pair.b, decision, note.as_deref(), &options.analyst).map(Some)
                }
                None => store.undo_pair_decision(pair.a, pair.b, &options.analyst).map(|_| None),
            };
            match stored {
                Ok(after) => {
                    app.pair_stored(*pair, after, remember);
                    for effect in app.refresh_plan_duplicates() {
                        run_effect(effect, app, store, options, sender, workers);
                    }
                }
                Err(error) => app.show_failure(&error),
            }
        }
        Effect::UndoRound(batch_id) => jobs::spawn_undo_round(workers, options, sender, batch_id),
        Effect::RejectSuggestion(rejection) => {
            app.notice = Some((app.t(crate::i18n::REJECTED_KEPT).to_string(), false));
            jobs::spawn_rejection(workers, options, sender, rejection);
        }
        Effect::SaveScenario(_) | Effect::SavePriorityState(_) | Effect::LoadScenarios => {
            scoring_io::run(effect, app, store, &options.analyst)
        }
    }
}
