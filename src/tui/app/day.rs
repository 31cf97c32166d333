//! Actions of the analyst's working day that change much at once or switch a mode: undoing
//! an import round, accepting every suggestion, rejecting one for good, the scoring mode,
//! the folding side panel and what undo says it undid.

use super::{App, Edit, Effect, Focus, Overlay, Screen, UndoItem, i18n};

impl App {
    /// Asks before undoing the selected import round (only the latest of its source can be).
    pub(super) fn ask_undo_round(&mut self) -> Vec<Effect> {
        if self.screen != Screen::Sources {
            return Vec::new();
        }
        let Some(batch) = self.sources.batches.get(self.sources.cursor.selected()) else { return Vec::new() };
        if !batch.undoable {
            self.notice = Some((self.t(i18n::ROUND_NOT_UNDOABLE).to_string(), true));
            return Vec::new();
        }
        let title =
            format!("{} {} {} «{}»?", self.t(i18n::UNDO_ROUND_ASK), batch.round, self.t(i18n::OF_SOURCE), batch.source);
        let lines = vec![
            format!(
                "{} · {}",
                crate::text::display_line(&batch.file_name),
                crate::text::format_timestamp(&batch.imported_at, self.lang)
            ),
            format!(
                "{} {} · {} {} · {} {}",
                batch.inserted,
                self.t(i18n::RESULT_NEW),
                batch.updated,
                self.t(i18n::RESULT_CHANGED),
                batch.withdrawn,
                self.t(i18n::RESULT_WITHDRAWN)
            ),
            self.t(i18n::UNDO_ROUND_EFFECT).to_string(),
        ];
        self.overlay = Some(Overlay::Ask { title, lines, on_yes: vec![Effect::UndoRound(batch.id)] });
        Vec::new()
    }

    /// An import round was undone (or could not be).
    pub fn round_undone(&mut self, result: crate::Result<crate::model::RoundUndone>) -> Vec<Effect> {
        match result {
            Ok(undone) => {
                let text = format!(
                    "{} {} {} «{}»: {} {}, {} {}, {} {}",
                    self.t(i18n::ROUND_UNDONE),
                    undone.round,
                    self.t(i18n::OF_SOURCE),
                    crate::text::display_line(&undone.source),
                    undone.removed,
                    self.t(i18n::ROUND_REMOVED),
                    undone.restored,
                    self.t(i18n::ROUND_RESTORED),
                    undone.reactivated,
                    self.t(i18n::ROUND_REACTIVATED),
                );
                self.notice = Some((text, false));
                self.sources.cursor.reset();
                vec![Effect::Reload]
            }
            Err(error) => {
                self.show_failure(&error);
                Vec::new()
            }
        }
    }

    /// Asks before accepting every life-event suggestion shown (rejected ones are not
    /// among them: a rejection is kept in the database and never offered again).
    pub(super) fn ask_accept_all(&mut self) -> Vec<Effect> {
        if self.screen != Screen::Suggestions {
            return Vec::new();
        }
        let Some(suggestions) = self.suggestions.list.as_ref() else { return Vec::new() };
        if suggestions.life_events.is_empty() {
            return Vec::new();
        }
        let groups: Vec<(Vec<i64>, Vec<Edit>)> =
            suggestions.life_events.iter().map(|s| (vec![s.id], vec![s.edit()])).collect();
        let lines = vec![
            format!("{} {}", groups.len(), self.t(i18n::ACCEPT_ALL_LINE)),
            self.t(i18n::ACCEPT_ALL_REJECTED).to_string(),
        ];
        let title = format!("{}?", self.t(i18n::ACCEPT_ALL_ASK));
        self.overlay = Some(Overlay::Ask { title, lines, on_yes: vec![Effect::ApplyEdits(groups)] });
        Vec::new()
    }

    /// On the scores screen: starts (or, in it, stops) the mode where digits type scores.
    pub(super) fn toggle_scoring_mode(&mut self) -> Vec<Effect> {
        if self.screen == Screen::Scores && self.scoring.state.is_some() {
            self.scoring.editing = !self.scoring.editing;
        }
        Vec::new()
    }

    /// Shows or hides the side panel (the weights beside the priority list), or on Forslag
    /// and Duplikater the columns a narrow screen folds away.
    pub(super) fn toggle_panel(&mut self) -> Vec<Effect> {
        if matches!(self.screen, Screen::Suggestions | Screen::Duplicates) {
            self.columns_shown = !self.columns_shown;
            return Vec::new();
        }
        let shown = self.panel_shown.unwrap_or(self.areas.table_rows.width >= super::super::ui::PANEL_FROM);
        self.panel_shown = Some(!shown);
        if let Some(scoring) = self.scoring.state.as_mut() {
            scoring.focus = if shown { Focus::List } else { Focus::Weights };
        }
        Vec::new()
    }

    /// How one initiative's total adds up, on the priority screens.
    pub(super) fn explain(&mut self) -> Vec<Effect> {
        let Some(scoring) = &self.scoring.state else { return Vec::new() };
        let row = match self.screen {
            Screen::Scores => scoring.grid_row_at(scoring.grid.selected()),
            Screen::Priorities | Screen::Portfolio => scoring.row_at(scoring.list.selected()),
            _ => None,
        };
        if let Some(row) = row {
            self.overlay = Some(Overlay::Explain { row, scroll: 0 });
        }
        Vec::new()
    }

    /// What undo or redo took back, said in full: which kind of change, on what, and that
    /// the history is one for every screen.
    pub(super) fn undo_notice(&mut self, undo: bool, item: &UndoItem) {
        let word = self.t(if undo { i18n::UNDONE } else { i18n::REDONE });
        let what = match item {
            UndoItem::Score(edit) => {
                let title =
                    self.portfolio.position(edit.initiative_id).map(|i| self.portfolio.rows[i].title.to_string());
                let name = self
                    .scoring
                    .state
                    .as_ref()
                    .and_then(|s| {
                        s.matrix
                            .criteria()
                            .list
                            .iter()
                            .find(|c| c.code == edit.criterion)
                            .map(|c| c.name(self.lang).to_string())
                    })
                    .unwrap_or_else(|| edit.criterion.clone());
                let value = |v: Option<f64>| {
                    v.map_or(self.t(i18n::NONE_VALUE).to_string(), |v| crate::text::format_decimal(v, 1))
                };
                let (from, to) = if undo { (edit.new, edit.old) } else { (edit.old, edit.new) };
                format!(
                    "{} {name}, «{}»: {} → {}",
                    self.t(i18n::UNDO_SCORE),
                    crate::text::shorten(&title.unwrap_or_default(), 40),
                    value(from),
                    value(to)
                )
            }
            UndoItem::Tags(record) => format!("{} {}", self.t(i18n::UNDO_TAGS), record.description),
            UndoItem::Pair { pair, .. } => format!("{} {} ↔ {}", self.t(i18n::UNDO_PAIR), pair.a, pair.b),
        };
        self.notice = Some((format!("{word} ({}): {what}", self.t(i18n::UNDO_SCOPE)), false));
    }
}
