//! What the writing thread tells the screen once an edit is in the database: the screen
//! shows an edit only after it is stored, so what it shows is always what is kept.

use super::{App, DecisionRecord, Effect, Pair, Record, ScoreEdit, i18n};
use crate::error::Result;

/// The outcome of one write (see `tui::writer`).
#[derive(Debug)]
pub enum Saved {
    /// Weights stored; `generation` is the ranking they were saved from.
    Weights { generation: u64, result: Result<()> },
    /// A score stored; `fresh`: typed now (kept for undo), not an undo or redo.
    Score { result: Result<ScoreEdit>, fresh: bool },
    /// A tagging action stored, said in words when it was fresh.
    Tags { result: Result<Record>, fresh: bool },
    /// A decision on a pair stored or removed; `remember` as in [`App::pair_stored`].
    Pair { pair: Box<Pair>, result: Result<Option<DecisionRecord>>, remember: bool },
    /// A scenario saved under this name.
    Scenario { name: String, result: Result<()> },
    /// A write with nothing to show but a failure (the working state, a rejection).
    Quiet(Result<()>),
}

impl App {
    /// Shows a stored edit (or why it could not be stored) and returns what follows from it.
    pub fn saved(&mut self, saved: Saved) -> Vec<Effect> {
        match saved {
            Saved::Weights { generation, result } => match result {
                Ok(()) => {
                    // Weights changed again meanwhile are saved by the write that follows.
                    if let Some(scoring) = self.scoring.state.as_mut().filter(|s| s.generation == generation) {
                        scoring.weights_dirty = false;
                    }
                    Vec::new()
                }
                Err(error) => self.failed(&error),
            },
            Saved::Score { result, fresh } => match result {
                Ok(edit) => self.score_stored(edit, fresh),
                Err(error) => self.failed(&error),
            },
            Saved::Tags { result, fresh } => match result {
                Ok(record) => self.tags_stored(record, fresh),
                Err(error) => self.failed(&error),
            },
            Saved::Pair { pair, result, remember } => match result {
                Ok(after) => {
                    self.pair_stored(*pair, after, remember);
                    self.refresh_plan_duplicates()
                }
                Err(error) => self.failed(&error),
            },
            Saved::Scenario { name, result } => match result {
                Ok(()) => {
                    self.notice = Some((format!("{}: {name}", self.t(i18n::SCENARIO_SAVED)), false));
                    Vec::new()
                }
                Err(error) => self.failed(&error),
            },
            Saved::Quiet(result) => match result {
                Ok(()) => Vec::new(),
                Err(error) => self.failed(&error),
            },
        }
    }

    fn failed(&mut self, error: &crate::error::Error) -> Vec<Effect> {
        self.show_failure(error);
        Vec::new()
    }
}
