//! Results of effects: what the event loop's database reads, imports and writes bring back.

use super::{
    App, Arc, BatchChanges, DecisionRecord, DuplicatesState, Effect, ImportReport, InitiativeDetail, ListCursor,
    OutputJob, Overlay, Pair, Record, ReviewQueue, ScoreEdit, ScoreMatrix, ScoringState, Suggestions, UndoItem,
    Written, i18n,
};

impl App {
    // ---------------------------------------------------------------------------------
    // Results of effects

    pub fn detail_loaded(&mut self, loaded: Option<InitiativeDetail>) {
        if let Some(Overlay::Detail { detail, .. }) = &mut self.overlay {
            *detail = loaded.map(Box::new);
        }
    }

    pub fn changes_loaded(&mut self, loaded: Option<BatchChanges>) {
        if let Some(Overlay::Changes { changes, .. }) = &mut self.overlay {
            *changes = loaded.map(Box::new);
        }
    }

    pub fn import_finished(&mut self, result: crate::Result<ImportReport>) -> Vec<Effect> {
        let request = self.job.take().map(|job| job.request).unwrap_or_default();
        match result {
            Ok(report) => {
                let text = report.describe_results_first(self.lang);
                self.overlay = Some(Overlay::Message {
                    title: self.t(i18n::IMPORT_DONE).to_string(),
                    lines: text.lines().map(str::to_string).collect(),
                    error: false,
                    scroll: 0,
                });
                vec![Effect::Reload]
            }
            Err(error) if error.would_withdraw() => {
                self.overlay = Some(Overlay::ConfirmWithdraw { request, message: error.message(self.lang) });
                Vec::new()
            }
            Err(crate::Error::Import { problem, .. })
                if matches!(problem.as_ref(), crate::error::ImportProblem::Unsure { .. }) =>
            {
                let message = problem.message(self.lang);
                if let crate::error::ImportProblem::Unsure { columns, .. } = *problem {
                    self.overlay =
                        Some(Overlay::ImportPreview { request, columns, selected: ListCursor::default(), message });
                }
                Vec::new()
            }
            Err(crate::Error::Cancelled) => {
                self.notice = Some((self.t(i18n::CANCELLED).to_string(), false));
                Vec::new()
            }
            Err(error) => {
                self.overlay = Some(Overlay::Message {
                    title: self.t(i18n::IMPORT_FAILED).to_string(),
                    lines: vec![error.message(self.lang)],
                    error: true,
                    scroll: 0,
                });
                Vec::new()
            }
        }
    }

    /// An export or brief finished: say where it went, or ask before replacing a file.
    pub fn output_done(&mut self, job: OutputJob, result: crate::Result<Written>) {
        match result {
            Ok(Written { path, rows: Some(rows) }) => {
                let text = format!("{} {rows} {} {}", self.t(i18n::WROTE), self.t(i18n::ROWS_TO), path.display());
                self.notice = Some((text, false));
            }
            Ok(Written { path, rows: None }) => {
                self.notice = Some((format!("{} {}", self.t(i18n::BRIEF_TO), path.display()), false));
            }
            Err(crate::Error::OutputExists { .. }) => {
                self.overlay = Some(Overlay::ConfirmReplace { job: Box::new(job) });
            }
            Err(error) => self.show_failure(&error),
        }
    }

    pub fn show_error(&mut self, message: String) {
        self.notice = Some((message, true));
    }

    /// An error from the library, in the screen's language where it is one the analyst can
    /// act on (the others are shown as the library words them).
    pub fn show_failure(&mut self, error: &crate::error::Error) {
        let message = if error.is_busy() { self.t(i18n::DATABASE_BUSY).to_string() } else { error.message(self.lang) };
        self.show_error(message);
    }

    /// Marked rows, or the selected one when none is marked.
    pub fn target_ids(&self) -> Vec<i64> {
        if self.initiatives.marks.is_empty() {
            return self.selected_id().into_iter().collect();
        }
        let mut ids: Vec<i64> = self.initiatives.marks.iter().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// Every row shown.
    pub fn shown_ids(&self) -> Vec<i64> {
        self.initiatives.view.rows.iter().map(|i| self.portfolio.rows[*i as usize].id).collect()
    }

    /// A tagging action was stored: show it in the table at once, and keep it for undo
    /// (unless it was an undo or redo).
    pub fn tags_stored(&mut self, record: Record, remember: bool) -> Vec<Effect> {
        let portfolio = Arc::make_mut(&mut self.portfolio);
        for (id, _, after) in &record.changes {
            portfolio.apply_state(*id, after);
        }
        self.initiatives.sort_cache.clear();
        self.apply_filter_text(false);
        self.refresh_view(false);
        if remember {
            self.notice = Some((
                format!(
                    "{} {} {}: {}",
                    self.t(i18n::CHANGED_COUNT),
                    record.initiatives(),
                    self.t(i18n::INITIATIVES),
                    record.description
                ),
                false,
            ));
            self.undo.push(UndoItem::Tags(record));
            self.redo.clear();
        }
        // Derived criteria (life events, ministries, phase, risk) may have changed.
        if self.scoring.state.is_some() && !self.scoring.loading {
            self.scoring.loading = true;
            return vec![Effect::LoadScoring];
        }
        Vec::new()
    }

    /// The review queue arrived (at start, or again after an import).
    pub fn duplicates_loaded(&mut self, queue: ReviewQueue) {
        self.duplicates.loading = false;
        match self.duplicates.state.as_mut() {
            Some(duplicates) => duplicates.replace(queue),
            None => self.duplicates.state = Some(DuplicatesState::new(queue)),
        }
        let page = self.duplicates_page();
        if let Some(duplicates) = self.duplicates.state.as_mut() {
            duplicates.follow(page);
            self.duplicates.flagged = duplicates.flagged();
        }
    }

    /// A decision on a pair was stored (or removed): the queue, the table's marker and
    /// undo follow. `remember` is false for an undo or redo.
    pub fn pair_stored(&mut self, pair: Pair, after: Option<DecisionRecord>, remember: bool) {
        let page = self.duplicates_page();
        let Some(duplicates) = self.duplicates.state.as_mut() else { return };
        let before = duplicates.decided(pair.clone(), after.clone(), remember);
        duplicates.follow(page);
        self.duplicates.flagged = duplicates.flagged();
        if remember {
            let word = after.as_ref().map_or("–", |d| crate::dedupe::describe::decision_text(d.decision, self.lang));
            self.notice = Some((format!("{} {} ↔ {}: {word}", self.t(i18n::DECIDED), pair.a, pair.b), false));
            self.undo.push(UndoItem::Pair { pair: Box::new(pair), before, after });
            self.redo.clear();
        }
    }

    pub fn suggestions_loaded(&mut self, suggestions: Suggestions) {
        self.suggestions.loading = false;
        self.suggestions.list = Some(suggestions);
        let (len, page) = (self.suggestions.count(), self.page());
        self.suggestions.cursor.clamp(len, page);
    }

    /// The score matrix arrived (first load, or again after an import). The frame, locks
    /// and cursors carry over where the rows still exist.
    pub fn scoring_loaded(&mut self, matrix: ScoreMatrix) -> Vec<Effect> {
        self.scoring.loading = false;
        let mut state = ScoringState::new(matrix);
        if let Some(old) = self.scoring.state.take() {
            let id_of = |row: usize| old.matrix.row(row).id;
            state.frame_nok = old.frame_nok;
            state.locked_in = old.locked_in.iter().filter_map(|r| state.matrix.row_of(id_of(*r))).collect();
            state.locked_out = old.locked_out.iter().filter_map(|r| state.matrix.row_of(id_of(*r))).collect();
            state.weight_cursor = old.weight_cursor;
            state.weight_cursor.clamp(state.matrix.columns(), state.matrix.columns());
            state.focus = old.focus;
            state.mode = old.mode;
        }
        self.scoring.state = Some(Box::new(state));
        // The duplicate marks come from the review queue when it is there (it plans too).
        let effects = self.refresh_plan_duplicates();
        if !effects.is_empty() {
            return effects;
        }
        let job = self.scoring.state.as_mut().and_then(|s| s.selection_job());
        job.map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
    }

    /// A score edit was stored: apply it, remember it for undo unless it was an undo or redo.
    pub fn score_stored(&mut self, edit: ScoreEdit, record: bool) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        if let Err(error) = scoring.apply_edit(&edit) {
            self.show_failure(&error);
            return Vec::new();
        }
        let job = scoring.selection_job();
        if record && edit.changed() {
            self.undo.push(UndoItem::Score(edit));
            self.redo.clear();
        }
        job.map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
    }
}
