//! The Tiltak screen's actions: search, filter, sort, marks, tagging prompts, and the matrix
//! cell that becomes a filter.

use super::{Action, App, Effect, InputMode, LineInput, Overlay, PromptKind, Screen, SortColumn, StatusFilter, i18n};

impl App {
    /// An action of the initiatives table (search and filter switch to it first).
    pub(super) fn on_table_action(&mut self, action: Action) {
        match action {
            Action::Search => {
                self.screen = Screen::Initiatives;
                self.initiatives.search_before_edit = self.initiatives.search_input.text().to_string();
                self.input = InputMode::Search;
            }
            Action::Filter => {
                self.screen = Screen::Initiatives;
                self.initiatives.filter_before_edit = self.initiatives.filter_input.text().to_string();
                self.input = InputMode::Filter;
            }
            Action::ClearFilter => {
                self.initiatives.search_input.clear();
                self.initiatives.filter_input.clear();
                self.initiatives.query.search = None;
                self.apply_filter_text(true);
            }
            Action::SortNext | Action::SortReverse => self.sort(action == Action::SortNext),
            Action::ToggleMark => {
                if let Some(id) = self.selected_id() {
                    if !self.initiatives.marks.remove(&id) {
                        self.initiatives.marks.insert(id);
                    }
                    self.move_cursor(1);
                }
            }
            Action::MarkAll => {
                let ids: Vec<i64> = self.shown_ids();
                self.initiatives.marks.extend(ids);
                self.notice = Some((format!("{} {}", self.initiatives.marks.len(), self.t(i18n::MARKED)), false));
            }
            Action::ClearMarks => self.initiatives.marks.clear(),
            Action::ToggleWithdrawn => self.toggle_withdrawn(),
            Action::Tag | Action::TagShown
                if self.screen == Screen::Initiatives
                    && (action == Action::TagShown || self.selected_id().is_some()) =>
            {
                let kind = if action == Action::Tag { PromptKind::Tag } else { PromptKind::TagShown };
                self.overlay = Some(Overlay::Prompt { kind, input: LineInput::default() });
            }
            _ => {}
        }
    }

    /// `s` sorts by the next column (amounts largest first); `S` reverses the order.
    fn sort(&mut self, next_column: bool) {
        let query = &mut self.initiatives.query;
        if next_column {
            query.sort = query.sort.next();
            query.descending = query.sort == SortColumn::Amount;
        } else {
            query.descending = !query.descending;
        }
        self.refresh_view(false);
        self.show_top();
    }

    /// Shows withdrawn initiatives too (`status:alle` in the filter bar), or active only.
    fn toggle_withdrawn(&mut self) {
        let text = self.initiatives.filter_input.text().to_string();
        let shows_all = self.initiatives.query.filter.status != StatusFilter::Active;
        let without: Vec<&str> = text.split_whitespace().filter(|t| !t.to_lowercase().starts_with("status:")).collect();
        let mut new = without.join(" ");
        if !shows_all {
            if !new.is_empty() {
                new.push(' ');
            }
            new.push_str("status:alle");
        }
        self.initiatives.filter_input.set(&new);
        self.apply_filter_text(true);
    }

    /// Shows the initiatives of the matrix cell under the cursor.
    pub(super) fn filter_to_matrix_cell(&mut self) -> Vec<Effect> {
        let matrix = self.matrix.matrix(&self.portfolio, &self.initiatives.view);
        let Some(ministry) = matrix.rows.get(self.matrix.cell.0) else { return Vec::new() };
        let ministry = ministry.code.clone().unwrap_or_else(|| "ingen".into());
        let event = self.portfolio.life_events.get(self.matrix.cell.1).map_or("ingen".to_string(), |e| e.code.clone());
        let kept: Vec<&str> = self
            .initiatives
            .filter_input
            .text()
            .split_whitespace()
            .filter(|t| {
                let lower = t.to_lowercase();
                !(lower.starts_with("dep:") || lower.starts_with("liv:"))
            })
            .collect();
        let mut text = kept.join(" ");
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&format!("dep:{ministry} liv:{event}"));
        self.initiatives.filter_input.set(&text);
        self.apply_filter_text(true);
        self.screen = Screen::Initiatives;
        Vec::new()
    }
}
