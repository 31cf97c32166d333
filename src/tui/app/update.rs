//! Actions: what each action from the keymap does to the state, and the effects it asks for.

use super::{
    Action, App, Decision, Effect, Focus, InputMode, LineInput, ListCursor, Overlay, PathBuf, PromptKind, Screen, Side,
    UndoItem, i18n,
};

impl App {
    // ---------------------------------------------------------------------------------
    // Actions

    /// What `action` does here: an overlay that scrolls takes the movement keys first;
    /// then each kind of action goes to the part of the app it belongs to.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.scroll_overlay(action) {
            return Vec::new();
        }
        match action {
            Action::Quit | Action::Back => self.quit_or_back(action),
            Action::MoveDown
            | Action::MoveUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::GoTop
            | Action::GoBottom => {
                self.navigate(action);
                Vec::new()
            }
            Action::Search
            | Action::Filter
            | Action::ClearFilter
            | Action::SortNext
            | Action::SortReverse
            | Action::ToggleMark
            | Action::MarkAll
            | Action::ClearMarks
            | Action::ToggleWithdrawn
            | Action::Tag
            | Action::TagShown => {
                self.on_table_action(action);
                Vec::new()
            }
            Action::OpenDetail => self.open_detail(),
            Action::NextScreen
            | Action::PrevScreen
            | Action::ScreenInitiatives
            | Action::ScreenSources
            | Action::ScreenPriorities
            | Action::ScreenScores
            | Action::ScreenPortfolio
            | Action::ScreenSuggestions
            | Action::ScreenMatrix
            | Action::ScreenDuplicates => self.switch_screen(action),
            Action::FocusLeft | Action::FocusRight => {
                self.move_focus(action == Action::FocusRight);
                Vec::new()
            }
            Action::WeightUp
            | Action::WeightDown
            | Action::ResetWeights
            | Action::SetBudget
            | Action::LockIn
            | Action::LockOut
            | Action::SaveScenario
            | Action::CycleMode
            | Action::Scenarios => self.on_priorities_action(action),
            Action::Undo | Action::Redo => self.undo_or_redo(action == Action::Undo),
            Action::Reject if self.screen == Screen::Duplicates => self.decide(Decision::Distinct),
            Action::MarkDuplicate => self.decide(Decision::Duplicate),
            Action::MarkOverlap => self.decide(Decision::Overlap),
            Action::SkipPair => {
                self.skip_pair();
                Vec::new()
            }
            Action::AcceptAll => self.ask_accept_all(),
            Action::Accept | Action::Reject => self.answer_suggestion(action),
            Action::ExportView | Action::WriteBrief | Action::ImportFile | Action::Help | Action::Palette => {
                self.open_overlay(action);
                Vec::new()
            }
            Action::UndoRound => self.ask_undo_round(),
            Action::TogglePanel => self.toggle_panel(),
            Action::EditScores => self.toggle_scoring_mode(),
            Action::Explain => self.explain(),
            Action::Reload => vec![Effect::Reload],
        }
    }

    /// Scrolls an overlay that shows text (help, detail, changes, a message, an
    /// explanation); true when it took the action.
    fn scroll_overlay(&mut self, action: Action) -> bool {
        let page = self.areas.table_rows.height.max(1);
        let Some(overlay) = &mut self.overlay else { return false };
        // Help is drawn from the action list: its scroll stops where its lines end.
        let help_end =
            matches!(overlay, Overlay::Help { .. }).then(|| (Action::ALL.len() as u16 + 8).saturating_sub(page));
        let (Overlay::Help { scroll }
        | Overlay::Detail { scroll, .. }
        | Overlay::Changes { scroll, .. }
        | Overlay::Message { scroll, .. }
        | Overlay::Explain { scroll, .. }) = overlay
        else {
            return false;
        };
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
        true
    }

    /// `q` quits (cancelling a running import); `esc` cancels the import, else clears the
    /// search.
    fn quit_or_back(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Quit {
            self.quit = true;
        }
        if self.job.is_some() {
            return vec![Effect::CancelImport];
        }
        if action == Action::Back && self.initiatives.query.search.is_some() {
            self.initiatives.search_input.clear();
            self.set_search("");
        }
        Vec::new()
    }

    /// The movement keys on the screen's list.
    fn navigate(&mut self, action: Action) {
        let page = self.page() as isize;
        let half = (page / 2).max(1);
        let delta = match action {
            Action::MoveDown => 1,
            Action::MoveUp => -1,
            Action::PageDown => page,
            Action::PageUp => -page,
            Action::HalfPageDown => half,
            Action::HalfPageUp => -half,
            Action::GoTop => isize::MIN / 2,
            _ => isize::MAX / 2,
        };
        self.move_cursor(delta);
    }

    /// `enter`: what the selected row of this screen opens.
    fn open_detail(&mut self) -> Vec<Effect> {
        match self.screen {
            Screen::Initiatives => {
                let Some(id) = self.selected_id() else { return Vec::new() };
                self.overlay = Some(Overlay::Detail { id, detail: None, scroll: 0 });
                vec![Effect::LoadDetail(id)]
            }
            Screen::Sources => {
                let Some(batch) = self.sources.batches.get(self.sources.cursor.selected()) else { return Vec::new() };
                let id = batch.id;
                self.overlay = Some(Overlay::Changes { changes: None, scroll: 0 });
                vec![Effect::LoadChanges(id)]
            }
            Screen::Matrix => self.filter_to_matrix_cell(),
            Screen::Duplicates => {
                let Some(item) = self.duplicates.state.as_ref().and_then(|d| d.selected().map(|i| (d.side, i))) else {
                    return Vec::new();
                };
                let id = if item.0 == Side::A { item.1.pair.a } else { item.1.pair.b };
                self.overlay = Some(Overlay::Detail { id, detail: None, scroll: 0 });
                vec![Effect::LoadDetail(id)]
            }
            Screen::Suggestions => self.answer_suggestion(Action::Accept),
            Screen::Scores => self.toggle_scoring_mode(),
            Screen::Priorities | Screen::Portfolio => self.explain(),
        }
    }

    /// The number keys and tab: which screen to show.
    fn switch_screen(&mut self, action: Action) -> Vec<Effect> {
        let screen = match action {
            Action::NextScreen | Action::PrevScreen => {
                let index = Screen::ALL.iter().position(|s| *s == self.screen).unwrap_or(0);
                let step = if action == Action::NextScreen { 1 } else { Screen::ALL.len() - 1 };
                Screen::ALL[(index + step) % Screen::ALL.len()]
            }
            Action::ScreenSources => Screen::Sources,
            Action::ScreenPriorities => Screen::Priorities,
            Action::ScreenScores => Screen::Scores,
            Action::ScreenPortfolio => Screen::Portfolio,
            Action::ScreenSuggestions => Screen::Suggestions,
            Action::ScreenMatrix => Screen::Matrix,
            Action::ScreenDuplicates => Screen::Duplicates,
            _ => Screen::Initiatives,
        };
        self.show_screen(screen)
    }

    /// ← and →: the matrix's column, the pair's side, the priority screen's pane, the
    /// score grid's criterion.
    fn move_focus(&mut self, right: bool) {
        match self.screen {
            Screen::Matrix => {
                let last = self.portfolio.life_events.len();
                let column = self.matrix.cell.1;
                self.matrix.cell.1 = if right { (column + 1).min(last) } else { column.saturating_sub(1) };
            }
            Screen::Duplicates => {
                if let Some(duplicates) = self.duplicates.state.as_mut() {
                    duplicates.side = if right { Side::B } else { Side::A };
                }
            }
            Screen::Priorities | Screen::Scores => {
                let Some(scoring) = self.scoring.state.as_mut() else { return };
                if self.screen == Screen::Priorities {
                    scoring.focus = if right { Focus::List } else { Focus::Weights };
                } else {
                    let last = scoring.matrix.columns().saturating_sub(1);
                    let column = scoring.grid_col;
                    scoring.grid_col = if right { (column + 1).min(last) } else { column.saturating_sub(1) };
                }
            }
            _ => {}
        }
    }

    /// Takes back the last edit (or does again the last one taken back).
    fn undo_or_redo(&mut self, undo: bool) -> Vec<Effect> {
        let item = if undo { self.undo.pop() } else { self.redo.pop() };
        let Some(item) = item else {
            self.notice = Some((self.t(i18n::NOTHING_TO_UNDO).to_string(), false));
            return Vec::new();
        };
        if undo {
            self.redo.push(item.clone());
        } else {
            self.undo.push(item.clone());
        }
        self.undo_notice(undo, &item);
        match item {
            UndoItem::Score(edit) => vec![Effect::ApplyScoreEdit(if undo { edit.inverse() } else { edit })],
            UndoItem::Tags(record) => vec![Effect::ApplyRecord(if undo { record.inverse() } else { record })],
            UndoItem::Pair { pair, before, after } => {
                let target = if undo { before } else { after };
                vec![Effect::DecidePair {
                    pair,
                    decision: target.as_ref().map(|d| d.decision),
                    note: target.and_then(|d| d.note),
                    remember: false,
                }]
            }
        }
    }

    /// Opens the overlay an action asks for: a file prompt, the picker, help, the palette.
    fn open_overlay(&mut self, action: Action) {
        match action {
            Action::ExportView | Action::WriteBrief => {
                let brief = action == Action::WriteBrief;
                let kind = if brief { PromptKind::BriefPath } else { PromptKind::ExportPath };
                let name = self.export_dir.join(crate::tui::export::default_name(brief, self.lang));
                let name = name.display().to_string();
                self.overlay = Some(Overlay::Prompt { kind, input: LineInput::with_text(&name) });
            }
            Action::ImportFile if self.job.is_none() => {
                let dir = self.last_import_dir.clone().unwrap_or_else(|| PathBuf::from("."));
                let picker = super::super::picker::Picker::open(&dir, self.lang);
                self.overlay = Some(Overlay::Picker(Box::new(picker)));
            }
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => {
                self.overlay = Some(Overlay::Palette { input: LineInput::default(), selected: ListCursor::default() });
            }
            _ => {}
        }
    }

    /// Skips the selected pair on the duplicates screen.
    fn skip_pair(&mut self) {
        if self.screen != Screen::Duplicates {
            return;
        }
        let page = self.duplicates_page();
        if let Some(duplicates) = self.duplicates.state.as_mut() {
            duplicates.skip();
            duplicates.follow(page);
        }
    }

    fn show_screen(&mut self, screen: Screen) -> Vec<Effect> {
        if screen == Screen::Scores && self.screen != Screen::Scores {
            if let Some(scoring) = self.scoring.state.as_mut() {
                scoring.refresh_grid();
            }
        }
        self.screen = screen;
        self.scoring.editing = false;
        self.input = InputMode::Normal;
        if screen.needs_scoring() && self.scoring.state.is_none() && !self.scoring.loading {
            self.scoring.loading = true;
            return vec![Effect::LoadScoring];
        }
        if screen == Screen::Suggestions && !self.suggestions.loading {
            self.suggestions.loading = true;
            return vec![Effect::LoadSuggestions];
        }
        if screen == Screen::Duplicates && self.duplicates.state.is_none() && !self.duplicates.loading {
            self.duplicates.loading = true;
            return vec![Effect::LoadDuplicates];
        }
        Vec::new()
    }

    /// Asks to store the analyst's decision on the selected pair.
    fn decide(&mut self, decision: Decision) -> Vec<Effect> {
        if self.screen != Screen::Duplicates {
            return Vec::new();
        }
        let Some(item) = self.duplicates.state.as_ref().and_then(|d| d.selected()) else { return Vec::new() };
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
        let (len, page) = (self.suggestions.count(), self.page());
        self.suggestions.cursor.clamp(len, page);
        effect.into_iter().collect()
    }
}
