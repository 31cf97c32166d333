//! The screen's loop: draw, wait for a key, a mouse event, a resize or a message from a job,
//! update, run the effects, repeat.

use super::app::{App, Saved};
use super::effects::{Runner, run_effect};
use super::{TerminalGuard, export, scoring_io, ui, worker};
use crate::error::{Error, Result};
use crate::import::ImportReport;
use crate::portfolio::Portfolio;
use crate::store::Store;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// What jobs and the writing thread send back.
pub(super) enum Message {
    PortfolioLoaded(Result<Portfolio>),
    ImportDone(Box<Result<ImportReport>>),
    ScoringLoaded(Box<Result<crate::scoring::ScoreMatrix>>),
    Selected(u64, Box<Result<crate::scoring::Prioritised>>),
    SuggestionsLoaded(Box<Result<crate::suggest::Suggestions>>),
    DuplicatesLoaded(Box<Result<crate::dedupe::ReviewQueue>>),
    OutputDone(Box<export::OutputJob>, Result<export::Written>),
    RoundUndone(Box<Result<crate::model::RoundUndone>>),
    /// An edit the writing thread stored (or could not).
    Saved(Box<Saved>),
}

/// Runs until the analyst quits (or the terminal fails).
pub(super) fn event_loop(
    guard: &mut TerminalGuard,
    app: &mut App,
    store: &Store,
    receiver: &Receiver<Message>,
    runner: &mut Runner<'_>,
) -> Result<()> {
    let terminal = &mut guard.terminal;
    let draw_error = |e: std::io::Error| Error::io("draw on", "the terminal", e);
    let size = terminal.size().map_err(draw_error)?;
    app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, size.width, size.height));
    worker::inject_failure("screen");
    loop {
        load_pair_texts(app, store);
        terminal.draw(|frame| ui::draw(frame, app, &runner.options.theme)).map_err(draw_error)?;
        // Wake for a job's message or the progress spinner; keys wake us at once.
        let busy = app.job.is_some() || app.loading;
        let timeout = Duration::from_millis(if busy { 100 } else { 500 });
        let mut effects = read_events(app, timeout)?;
        while let Ok(message) = receiver.try_recv() {
            effects.extend(received(message, app, store));
        }
        for effect in effects {
            run_effect(effect, app, store, runner);
        }
        if app.quit {
            return Ok(());
        }
    }
}

/// Waits up to `timeout` for input, then takes every event already waiting (a burst of
/// resizes or keys) before the next draw.
fn read_events(app: &mut App, timeout: Duration) -> Result<Vec<super::app::Effect>> {
    let read_error = |e: std::io::Error| Error::io("read", "the terminal", e);
    let mut effects = Vec::new();
    if !event::poll(timeout).map_err(read_error)? {
        return Ok(effects);
    }
    loop {
        match event::read().map_err(read_error)? {
            Event::Key(key) if key.kind != KeyEventKind::Release => effects.extend(app.on_key(key)),
            Event::Mouse(mouse) => effects.extend(app.on_mouse(mouse)),
            Event::Resize(width, height) => app.areas = ui::areas(ratatui::layout::Rect::new(0, 0, width, height)),
            _ => {}
        }
        if !event::poll(Duration::ZERO).map_err(read_error)? {
            return Ok(effects);
        }
    }
}

/// Shows what a job or the writing thread sent, and returns the effects that follow.
fn received(message: Message, app: &mut App, store: &Store) -> Vec<super::app::Effect> {
    match message {
        Message::PortfolioLoaded(result) => {
            app.loading = false;
            match result {
                Ok(portfolio) => app.set_portfolio(portfolio),
                Err(error) => app.show_failure(&error),
            }
        }
        Message::ScoringLoaded(result) => match *result {
            Ok(matrix) => return scoring_io::loaded(matrix, app, store),
            Err(error) => {
                app.scoring.loading = false;
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
                return app.refresh_plan_duplicates();
            }
            Err(error) => {
                app.duplicates.loading = false;
                app.show_failure(&error);
            }
        },
        Message::OutputDone(job, result) => app.output_done(*job, result),
        Message::RoundUndone(result) => return app.round_undone(*result),
        Message::Saved(saved) => return app.saved(*saved),
        // A finished import asks for a reload, which reads the rounds again; a failed or
        // cancelled one changed nothing.
        Message::ImportDone(result) => return app.import_finished(*result),
    }
    Vec::new()
}

/// Reads the descriptions of the pair the duplicates screen shows when they are not read
/// yet: called before every draw, so whatever moved the selection, the pair on screen has
/// its texts. A failed read shows the failure once and the pair without descriptions.
pub fn load_pair_texts(app: &mut App, store: &Store) {
    let Some(state) = app.duplicates.state.as_mut() else { return };
    let Some((a, b)) = state.texts_wanted() else { return };
    match store.descriptions(&[a, b]) {
        Ok(found) => state.texts_loaded((a, b), found.try_into().unwrap_or_default()),
        Err(error) => {
            state.texts_loaded((a, b), [None, None]);
            app.show_failure(&error);
        }
    }
}
