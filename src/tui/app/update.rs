//! Actions: what each action from the keymap does to the state, and the effects it asks for.

use super::*;

impl App {
    // ---------------------------------------------------------------------------------
    // Actions

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Some(overlay) = &mut self.overlay {
            let page = self.areas.table_rows.height.max(1);
            // Help is drawn from the action list: its scroll stops where its lines end.
            let help_end =
                matches!(overlay, Overlay::Help { .. }).then(|| (Action::ALL.len() as u16 + 8).saturating_sub(page));
            let scroll = match overlay {
                Overlay::Help { scroll }
                | Overlay::Detail { scroll, .. }
                | Overlay::Changes { scroll, .. }
                | Overlay::Message { scroll, .. }
                | Overlay::Explain { scroll, .. } => Some(scroll),
                _ => None,
            };
            if let Some(scroll) = scroll {
                match action {
                    Action::MoveDown => *scroll = scroll.saturating_add(1),
                    Action::MoveUp => *scroll = scroll.saturating_sub(1),
                    Action::PageDown | Action::HalfPageDown => *scroll = scroll.saturating_add(page / 2),
                    Action::PageUp | Action::HalfPageUp => *scroll = scroll.saturating_sub(page / 2),
                    Action::GoTop => *scroll = 0,
                    Action::Back | Action::Help | Action::OpenDetail => self.overlay = None,
                    Action::Quit => self.quit = true,
                    _ => {}
                }
                if let (Some(end), Some(Overlay::Help { scroll })) = (help_end, self.overlay.as_mut()) {
                    *scroll = (*scroll).min(end);
                }
                return Vec::new();
            }
        }
        match action {
            Action::Quit => {
                if self.job.is_some() {
                    self.quit = true;
                    return vec![Effect::CancelImport];
                }
                self.quit = true;
            }
            Action::Back => {
                if self.job.is_some() {
                    return vec![Effect::CancelImport];
                }
                if self.initiatives.query.search.is_some() {
                    self.initiatives.search_input.clear();
                    self.set_search("");
                }
            }
            Action::MoveDown => self.move_cursor(1),
            Action::MoveUp => self.move_cursor(-1),
            Action::PageDown => self.move_cursor(self.page() as isize),
            Action::PageUp => self.move_cursor(-(self.page() as isize)),
            Action::HalfPageDown => self.move_cursor((self.page() / 2).max(1) as isize),
            Action::HalfPageUp => self.move_cursor(-((self.page() / 2).max(1) as isize)),
            Action::GoTop => self.move_cursor(isize::MIN / 2),
            Action::GoBottom => self.move_cursor(isize::MAX / 2),
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
            Action::SortNext => {
                self.initiatives.query.sort = self.initiatives.query.sort.next();
                self.initiatives.query.descending = self.initiatives.query.sort == SortColumn::Amount;
                self.refresh_view(false);
                self.show_top();
            }
            Action::SortReverse => {
                self.initiatives.query.descending = !self.initiatives.query.descending;
                self.refresh_view(false);
                self.show_top();
            }
            Action::ToggleMark => {
                if let Some(id) = self.selected_id() {
                    if !self.initiatives.marks.remove(&id) {
                        self.initiatives.marks.insert(id);
                    }
                    self.move_cursor(1);
                }
            }
            Action::MarkAll => {
                let ids: Vec<i64> =
                    self.initiatives.view.rows.iter().map(|i| self.portfolio.rows[*i as usize].id).collect();
                self.initiatives.marks.extend(ids);
                self.notice = Some((format!("{} {}", self.initiatives.marks.len(), self.t(i18n::MARKED)), false));
            }
            Action::ClearMarks => self.initiatives.marks.clear(),
            Action::OpenDetail => match self.screen {
                Screen::Initiatives => {
                    if let Some(id) = self.selected_id() {
                        self.overlay = Some(Overlay::Detail { id, detail: None, scroll: 0 });
                        return vec![Effect::LoadDetail(id)];
                    }
                }
                Screen::Sources => {
                    if let Some(batch) = self.sources.batches.get(self.sources.cursor.selected()) {
                        self.overlay = Some(Overlay::Changes { changes: None, scroll: 0 });
                        return vec![Effect::LoadChanges(batch.id)];
                    }
                }
                Screen::Matrix => return self.filter_to_matrix_cell(),
                Screen::Duplicates => {
                    let Some(item) = self.duplicates.as_ref().and_then(|d| d.selected().map(|i| (d.side, i))) else {
                        return Vec::new();
                    };
                    let id = if item.0 == Side::A { item.1.pair.a } else { item.1.pair.b };
                    self.overlay = Some(Overlay::Detail { id, detail: None, scroll: 0 });
                    return vec![Effect::LoadDetail(id)];
                }
                Screen::Suggestions => return self.answer_suggestion(Action::Accept),
                Screen::Scores => return self.toggle_scoring_mode(),
                Screen::Priorities | Screen::Portfolio => return self.explain(),
            },
            Action::UndoRound => return self.ask_undo_round(),
            Action::TogglePanel => return self.toggle_panel(),
            Action::EditScores => return self.toggle_scoring_mode(),
            Action::Explain => return self.explain(),
            Action::ToggleWithdrawn => {
                let text = self.initiatives.filter_input.text().to_string();
                let shows_all = self.initiatives.query.filter.status != StatusFilter::Active;
                let without: Vec<&str> =
                    text.split_whitespace().filter(|t| !t.to_lowercase().starts_with("status:")).collect();
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
            Action::NextScreen | Action::PrevScreen => {
                let index = Screen::ALL.iter().position(|s| *s == self.screen).unwrap_or(0);
                let step = if action == Action::NextScreen { 1 } else { Screen::ALL.len() - 1 };
                return self.show_screen(Screen::ALL[(index + step) % Screen::ALL.len()]);
            }
            Action::ScreenInitiatives => return self.show_screen(Screen::Initiatives),
            Action::ScreenSources => return self.show_screen(Screen::Sources),
            Action::ScreenPriorities => return self.show_screen(Screen::Priorities),
            Action::ScreenScores => return self.show_screen(Screen::Scores),
            Action::ScreenPortfolio => return self.show_screen(Screen::Portfolio),
            Action::FocusLeft | Action::FocusRight if self.screen == Screen::Matrix => {
                let columns = self.portfolio.life_events.len() + 1;
                let column = self.matrix.cell.1 as isize + if action == Action::FocusRight { 1 } else { -1 };
                self.matrix.cell.1 = column.clamp(0, columns as isize - 1) as usize;
            }
            Action::FocusLeft | Action::FocusRight if self.screen == Screen::Duplicates => {
                if let Some(duplicates) = self.duplicates.as_mut() {
                    duplicates.side = if action == Action::FocusRight { Side::B } else { Side::A };
                }
            }
            Action::FocusLeft | Action::FocusRight => {
                let right = action == Action::FocusRight;
                if let Some(scoring) = self.scoring.as_mut() {
                    match self.screen {
                        Screen::Priorities => scoring.focus = if right { Focus::List } else { Focus::Weights },
                        Screen::Scores => {
                            let last = scoring.matrix.columns().saturating_sub(1);
                            scoring.grid_col = if right {
                                (scoring.grid_col + 1).min(last)
                            } else {
                                scoring.grid_col.saturating_sub(1)
                            };
                        }
                        _ => {}
                    }
                }
            }
            Action::WeightUp | Action::WeightDown => {
                let delta = if action == Action::WeightUp { 1.0 } else { -1.0 };
                let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
                if self.screen != Screen::Priorities || !scoring.change_weight(delta) {
                    return Vec::new();
                }
                let mut effects = vec![Effect::SaveWeights];
                effects.extend(scoring.selection_job().map(|job| Effect::Select(Box::new(job))));
                return effects;
            }
            Action::ResetWeights => {
                let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
                scoring.reset_weights();
                let mut effects = vec![Effect::SaveWeights];
                effects.extend(scoring.selection_job().map(|job| Effect::Select(Box::new(job))));
                return effects;
            }
            Action::SetBudget => {
                if self.scoring.is_some() {
                    let current = self
                        .scoring
                        .as_ref()
                        .and_then(|s| s.frame_nok)
                        .map(|nok| format!("{} MNOK", crate::text::format_mnok(nok)))
                        .unwrap_or_default();
                    self.overlay =
                        Some(Overlay::Prompt { kind: PromptKind::BudgetFrame, input: LineInput::with_text(&current) });
                }
            }
            Action::LockIn | Action::LockOut => {
                let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
                let row = if self.screen == Screen::Scores {
                    scoring.grid_row_at(scoring.grid.selected())
                } else {
                    scoring.row_at(scoring.list.selected())
                };
                if let Some(row) = row {
                    scoring.toggle_lock(row, action == Action::LockIn);
                    return self.plan_changed();
                }
            }
            Action::Undo | Action::Redo => {
                let undo = action == Action::Undo;
                let item = if undo { self.undo.pop() } else { self.redo.pop() };
                let Some(item) = item else {
                    self.notice = Some((self.t(i18n::NOTHING_TO_UNDO).to_string(), false));
                    return Vec::new();
                };
                if undo {
                    self.redo.push(item.clone())
                } else {
                    self.undo.push(item.clone())
                }
                self.undo_notice(undo, &item);
                return match item {
                    UndoItem::Score(edit) => {
                        vec![Effect::ApplyScoreEdit(if undo { edit.inverse() } else { edit })]
                    }
                    UndoItem::Tags(record) => {
                        vec![Effect::ApplyRecord(if undo { record.inverse() } else { record })]
                    }
                    UndoItem::Pair { pair, before, after } => {
                        let target = if undo { before } else { after };
                        vec![Effect::DecidePair {
                            pair,
                            decision: target.as_ref().map(|d| d.decision),
                            note: target.and_then(|d| d.note),
                            remember: false,
                        }]
                    }
                };
            }
            Action::Tag | Action::TagShown => {
                if self.screen == Screen::Initiatives && (action == Action::TagShown || self.selected_id().is_some()) {
                    let kind = if action == Action::Tag { PromptKind::Tag } else { PromptKind::TagShown };
                    self.overlay = Some(Overlay::Prompt { kind, input: LineInput::default() });
                }
            }
            Action::ScreenSuggestions => return self.show_screen(Screen::Suggestions),
            Action::ScreenMatrix => return self.show_screen(Screen::Matrix),
            Action::ScreenDuplicates => return self.show_screen(Screen::Duplicates),
            Action::Reject if self.screen == Screen::Duplicates => return self.decide(Decision::Distinct),
            Action::MarkDuplicate => return self.decide(Decision::Duplicate),
            Action::MarkOverlap => return self.decide(Decision::Overlap),
            Action::SkipPair => {
                if let Some(duplicates) = self.duplicates.as_mut().filter(|_| self.screen == Screen::Duplicates) {
                    duplicates.skip();
                    let page = self.duplicates_page();
                    if let Some(duplicates) = self.duplicates.as_mut() {
                        duplicates.follow(page);
                    }
                }
            }
            Action::AcceptAll => return self.ask_accept_all(),
            Action::Accept | Action::Reject => return self.answer_suggestion(action),
            Action::SaveScenario => {
                if self.scoring.is_some() {
                    self.overlay =
                        Some(Overlay::Prompt { kind: PromptKind::ScenarioName, input: LineInput::default() });
                }
            }
            Action::ExportView | Action::WriteBrief => {
                let brief = action == Action::WriteBrief;
                let kind = if brief { PromptKind::BriefPath } else { PromptKind::ExportPath };
                let name = self.export_dir.join(crate::tui::export::default_name(brief, self.lang));
                let name = name.display().to_string();
                self.overlay = Some(Overlay::Prompt { kind, input: LineInput::with_text(&name) });
            }
            Action::ImportFile => {
                if self.job.is_none() {
                    let dir = self.last_import_dir.clone().unwrap_or_else(|| PathBuf::from("."));
                    let picker = super::super::picker::Picker::open(&dir, self.lang);
                    self.overlay = Some(Overlay::Picker(Box::new(picker)));
                }
            }
            Action::Reload => return vec![Effect::Reload],
            Action::CycleMode => return self.cycle_mode(),
            Action::Scenarios => return self.open_scenarios(),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => {
                self.overlay = Some(Overlay::Palette { input: LineInput::default(), selected: ListCursor::default() })
            }
        }
        Vec::new()
    }

    fn show_screen(&mut self, screen: Screen) -> Vec<Effect> {
        if screen == Screen::Scores && self.screen != Screen::Scores {
            if let Some(scoring) = self.scoring.as_mut() {
                scoring.refresh_grid();
            }
        }
        self.screen = screen;
        self.scores_editing = false;
        self.input = InputMode::Normal;
        if screen.needs_scoring() && self.scoring.is_none() && !self.scoring_loading {
            self.scoring_loading = true;
            return vec![Effect::LoadScoring];
        }
        if screen == Screen::Suggestions && !self.suggestions.loading {
            self.suggestions.loading = true;
            return vec![Effect::LoadSuggestions];
        }
        if screen == Screen::Duplicates && self.duplicates.is_none() && !self.duplicates_loading {
            self.duplicates_loading = true;
            return vec![Effect::LoadDuplicates];
        }
        Vec::new()
    }

    /// Asks to store the analyst's decision on the selected pair.
    fn decide(&mut self, decision: Decision) -> Vec<Effect> {
        if self.screen != Screen::Duplicates {
            return Vec::new();
        }
        let Some(item) = self.duplicates.as_ref().and_then(|d| d.selected()) else { return Vec::new() };
        if item.decision.as_ref().is_some_and(|d| d.decision == decision) {
            return Vec::new();
        }
        let note = item.decision.as_ref().and_then(|d| d.note.clone());
        vec![Effect::DecidePair { pair: Box::new(item.pair.clone()), decision: Some(decision), note, remember: true }]
    }

    /// Accepts or rejects the selected suggestion, or accepts every life-event suggestion.
    fn answer_suggestion(&mut self, action: Action) -> Vec<Effect> {
        if self.screen != Screen::Suggestions {
            return Vec::new();
        }
        let Some(suggestions) = self.suggestions.list.as_mut() else { return Vec::new() };
        let index = self.suggestions.cursor.selected();
        let events = suggestions.life_events.len();
        let effect = if index < events {
            let suggestion = suggestions.life_events.remove(index);
            Some(if action == Action::Accept {
                Effect::ApplyEdits(vec![(vec![suggestion.id], vec![suggestion.edit()])])
            } else {
                Effect::RejectSuggestion(suggestion.rejection())
            })
        } else if index - events < suggestions.owners.len() {
            let suggestion = suggestions.owners.remove(index - events);
            match (action, suggestion.candidates.first()) {
                (Action::Accept, Some(code)) => match crate::tagging::owner_edit(code, &self.resolver) {
                    Ok(edit) => Some(Effect::ApplyEdits(vec![(vec![suggestion.id], vec![edit])])),
                    Err(error) => {
                        self.notice = Some((error.message(self.lang), true));
                        None
                    }
                },
                _ => Some(Effect::RejectSuggestion(suggestion.rejection())),
            }
        } else {
            None
        };
        let (len, page) = (self.suggestions.len(), self.page());
        self.suggestions.cursor.clamp(len, page);
        effect.into_iter().collect()
    }

    /// Shows the initiatives of the matrix cell under the cursor.
    fn filter_to_matrix_cell(&mut self) -> Vec<Effect> {
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
