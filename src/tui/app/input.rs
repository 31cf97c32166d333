//! Keys, text input, prompts and the mouse: what a key press means in the current mode.

use super::{
    Action, App, Effect, ImportRequest, InputMode, Key, KeyCode, KeyEvent, KeyModifiers, LineInput, MouseButton,
    MouseEvent, MouseEventKind, Overlay, PathBuf, PromptKind, Screen, i18n, palette_matches, parse_edits,
};

impl App {
    /// Handles a key press: an overlay's keys, text input in input modes, score typing,
    /// else the keymap.
    pub fn on_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        self.notice = None;
        let ctrl_c = event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return self.update(Action::Quit);
        }
        if let Some(effects) = self.on_overlay_key(event) {
            return effects;
        }
        if self.overlay.is_none() {
            match self.input {
                InputMode::Search => return self.on_search_key(event),
                InputMode::Filter => return self.on_filter_key(event),
                InputMode::Normal => {}
            }
            if self.screen == Screen::Scores && self.scoring.editing {
                if matches!(event.code, KeyCode::Esc | KeyCode::Enter) {
                    self.scoring.editing = false;
                    return Vec::new();
                }
                if let Some(effects) = self.on_score_key(event) {
                    return effects;
                }
            }
        }
        match self.keymap.action(Key::from_event(event)) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    /// Keys the open overlay takes; None when it leaves them to the keymap (the overlays
    /// that scroll text) or none is open.
    fn on_overlay_key(&mut self, event: KeyEvent) -> Option<Vec<Effect>> {
        let yes = matches!(event.code, KeyCode::Enter | KeyCode::Char('j' | 'y'));
        let effects = match self.overlay.as_mut()? {
            Overlay::Prompt { kind, input } => match event.code {
                KeyCode::Enter => {
                    let (kind, text) = (*kind, input.text().trim().to_string());
                    self.overlay = None;
                    self.prompt_done(kind, &text)
                }
                KeyCode::Esc => {
                    self.overlay = None;
                    Vec::new()
                }
                _ => {
                    input.edit(event);
                    Vec::new()
                }
            },
            Overlay::Picker(picker) => match picker.on_key(event, self.lang) {
                super::super::picker::Picked::Stay => Vec::new(),
                super::super::picker::Picked::Close => {
                    self.overlay = None;
                    Vec::new()
                }
                super::super::picker::Picked::Import(path) => {
                    self.overlay = None;
                    self.last_import_dir = path.parent().map(std::path::Path::to_path_buf);
                    vec![Effect::StartImport(ImportRequest::new(path))]
                }
            },
            Overlay::Confirm { .. }
            | Overlay::ConfirmReplace { .. }
            | Overlay::Ask { .. }
            | Overlay::ConfirmWithdraw { .. } => self.answer_confirmation(yes),
            Overlay::Scenarios(_) => self.on_scenarios_key(event),
            Overlay::ImportPreview { .. } => self.on_preview_key(event),
            Overlay::Palette { .. } => self.on_palette_key(event),
            _ => return None,
        };
        Some(effects)
    }

    /// Closes a question; `yes` runs what it asked about.
    fn answer_confirmation(&mut self, yes: bool) -> Vec<Effect> {
        let Some(overlay) = self.overlay.take() else { return Vec::new() };
        if !yes {
            return Vec::new();
        }
        match overlay {
            Overlay::Confirm { ids, edits } => vec![Effect::ApplyEdits(vec![(ids, edits)])],
            Overlay::ConfirmReplace { job } => vec![Effect::Output(Box::new(job.forced()))],
            Overlay::Ask { on_yes, .. } => on_yes,
            Overlay::ConfirmWithdraw { request, .. } => {
                vec![Effect::StartImport(ImportRequest { allow_withdraw: true, ..request })]
            }
            _ => Vec::new(),
        }
    }

    /// The import preview: ↑↓ choose a column, ←→ change its field, enter imports.
    fn on_preview_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        let Some(Overlay::ImportPreview { request, columns, selected, .. }) = &mut self.overlay else {
            return Vec::new();
        };
        match event.code {
            KeyCode::Up | KeyCode::Char('k') => selected.set(selected.selected().saturating_sub(1), columns.len()),
            KeyCode::Down | KeyCode::Char('j') => selected.set(selected.selected() + 1, columns.len()),
            KeyCode::Left | KeyCode::Char('h') => step_field(columns, selected.selected(), false),
            KeyCode::Right | KeyCode::Char('l') => step_field(columns, selected.selected(), true),
            KeyCode::Enter => {
                let mappings = crate::import::proposal::mapping_of(columns);
                let request = ImportRequest { mappings, ..std::mem::take(request) };
                self.overlay = None;
                return vec![Effect::StartImport(request)];
            }
            KeyCode::Esc => self.overlay = None,
            _ => {}
        }
        Vec::new()
    }

    /// The command palette: typing narrows the actions, ↑↓ choose, enter runs one.
    fn on_palette_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        let Some(Overlay::Palette { input, selected }) = &mut self.overlay else { return Vec::new() };
        match event.code {
            KeyCode::Enter => {
                let chosen = palette_matches(input.text(), self.lang).get(selected.selected()).copied();
                self.overlay = None;
                if let Some(action) = chosen {
                    return self.update(action);
                }
            }
            KeyCode::Esc => self.overlay = None,
            KeyCode::Down | KeyCode::Up => {
                let count = palette_matches(input.text(), self.lang).len();
                let step = if event.code == KeyCode::Down { 1 } else { -1 };
                selected.set(selected.selected().saturating_add_signed(step), count);
            }
            _ => {
                if input.edit(event) {
                    selected.reset();
                }
            }
        }
        Vec::new()
    }

    fn on_search_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        match event.code {
            KeyCode::Enter => self.input = InputMode::Normal,
            KeyCode::Esc => {
                self.input = InputMode::Normal;
                let before = self.initiatives.search_before_edit.clone();
                self.initiatives.search_input.set(&before);
                self.set_search(&before);
            }
            KeyCode::Down => self.move_cursor(1),
            KeyCode::Up => self.move_cursor(-1),
            KeyCode::PageDown => self.move_cursor(self.page() as isize),
            KeyCode::PageUp => self.move_cursor(-(self.page() as isize)),
            _ => {
                if self.initiatives.search_input.edit(event) {
                    let text = self.initiatives.search_input.text().to_string();
                    self.set_search(&text);
                }
            }
        }
        Vec::new()
    }

    fn on_filter_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        match event.code {
            KeyCode::Enter => {
                if self.initiatives.filter_error.is_none() {
                    self.input = InputMode::Normal;
                }
            }
            KeyCode::Esc => {
                self.input = InputMode::Normal;
                let before = self.initiatives.filter_before_edit.clone();
                self.initiatives.filter_input.set(&before);
                self.apply_filter_text(true);
            }
            KeyCode::Down => self.move_cursor(1),
            KeyCode::Up => self.move_cursor(-1),
            _ => {
                if self.initiatives.filter_input.edit(event) {
                    self.apply_filter_text(true);
                }
            }
        }
        Vec::new()
    }

    /// Typing in the score grid: a digit sets the cell (1–5 scales at once, others through a
    /// prompt), delete or backspace clears it. None when the key is not for the grid.
    fn on_score_key(&mut self, event: KeyEvent) -> Option<Vec<Effect>> {
        let scoring = self.scoring.state.as_mut()?;
        let row = scoring.grid_row_at(scoring.grid.selected())?;
        let criterion = scoring.matrix.criteria().list.get(scoring.grid_col)?.clone();
        let id = scoring.matrix.row(row).id;
        let value = match event.code {
            KeyCode::Char(c) if c.is_ascii_digit() && event.modifiers.is_empty() => {
                if !criterion.is_manual() {
                    self.notice = Some((self.t(i18n::NOT_MANUAL).to_string(), true));
                    return Some(Vec::new());
                }
                let single_key = criterion.scale_max <= 9.0 && criterion.scale_min >= 0.0;
                if !single_key {
                    self.overlay = Some(Overlay::Prompt {
                        kind: PromptKind::ScoreValue,
                        input: LineInput::with_text(&c.to_string()),
                    });
                    return Some(Vec::new());
                }
                let value = f64::from(c.to_digit(10).unwrap_or(0));
                if criterion.check_value(value).is_err() {
                    let message = format!("{value} {} {}", self.t(i18n::OUT_OF_SCALE), criterion.scale_text());
                    self.notice = Some((message, true));
                    return Some(Vec::new());
                }
                Some(value)
            }
            KeyCode::Delete | KeyCode::Backspace if criterion.is_manual() => None,
            _ => return None,
        };
        if value.is_some() {
            scoring.grid_next_manual();
        }
        Some(vec![Effect::SetScore { id, code: criterion.code.clone(), value }])
    }

    /// What a finished prompt asks for. An empty answer asks for nothing, except for the
    /// budget frame (no frame) and a score (no score).
    fn prompt_done(&mut self, kind: PromptKind, text: &str) -> Vec<Effect> {
        match kind {
            PromptKind::BudgetFrame => return self.frame_typed(text),
            PromptKind::ScoreValue => return self.score_typed(text),
            _ if text.is_empty() => return Vec::new(),
            _ => {}
        }
        match kind {
            PromptKind::ImportPath => vec![Effect::StartImport(ImportRequest::new(expand_home(text)))],
            PromptKind::Tag | PromptKind::TagShown => self.tags_typed(kind, text),
            PromptKind::ExportPath => match crate::tui::export::list_job(self, expand_home(text)) {
                Some(job) => vec![Effect::Output(Box::new(job))],
                None => self.refuse(self.t(i18n::EXPORT_FORMATS).to_string()),
            },
            PromptKind::BriefPath => {
                let path = expand_home(text);
                if crate::export::brief::BriefFormat::from_path(&path).is_err() {
                    return self.refuse(self.t(i18n::BRIEF_FORMATS).to_string());
                }
                vec![Effect::Output(Box::new(crate::tui::export::brief_job(self, path)))]
            }
            PromptKind::ScenarioName => vec![Effect::SaveScenario(text.to_string())],
            PromptKind::BudgetFrame | PromptKind::ScoreValue => Vec::new(),
        }
    }

    /// Says why a typed answer was not taken; nothing else happens.
    fn refuse(&mut self, why: String) -> Vec<Effect> {
        self.notice = Some((why, true));
        Vec::new()
    }

    /// A budget frame typed ("120 MNOK", "1,2 mrd"); empty: no frame.
    fn frame_typed(&mut self, text: &str) -> Vec<Effect> {
        let frame = if text.is_empty() {
            None
        } else {
            match crate::scoring::parse_nok(text) {
                Ok(nok) if nok > 0 => Some(nok),
                Ok(_) => return Vec::new(),
                Err(error) => return self.refuse(error.message(self.lang)),
            }
        };
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        scoring.set_frame(frame);
        self.plan_changed()
    }

    /// Tag-language edits typed for the marked or selected rows, or every row shown; more
    /// than one row is confirmed first.
    fn tags_typed(&mut self, kind: PromptKind, text: &str) -> Vec<Effect> {
        let edits = match parse_edits(text, &self.resolver, &self.portfolio.phases, &self.portfolio.risks) {
            Ok(edits) => edits,
            Err(error) => return self.refuse(error.message(self.lang)),
        };
        let ids = if kind == PromptKind::TagShown { self.shown_ids() } else { self.target_ids() };
        if ids.len() > 1 {
            self.overlay = Some(Overlay::Confirm { ids, edits });
            return Vec::new();
        }
        if ids.is_empty() { Vec::new() } else { vec![Effect::ApplyEdits(vec![(ids, edits)])] }
    }

    /// A score typed into the grid's cell (empty: no score); the cursor moves on.
    fn score_typed(&mut self, text: &str) -> Vec<Effect> {
        let Some(scoring) = self.scoring.state.as_mut() else { return Vec::new() };
        let Some(row) = scoring.grid_row_at(scoring.grid.selected()) else { return Vec::new() };
        let Some(criterion) = scoring.matrix.criteria().list.get(scoring.grid_col).cloned() else {
            return Vec::new();
        };
        let value = if text.is_empty() { None } else { text.replace(',', ".").parse::<f64>().ok() };
        if let Some(v) = value {
            if let Err(error) = criterion.check_value(v) {
                return self.refuse(error.message(self.lang));
            }
        } else if !text.is_empty() {
            return Vec::new();
        }
        let id = scoring.matrix.row(row).id;
        scoring.grid_next_manual();
        vec![Effect::SetScore { id, code: criterion.code, value }]
    }

    /// Mouse: the wheel scrolls, a click selects a row (a second click opens it).
    pub fn on_mouse(&mut self, event: MouseEvent) -> Vec<Effect> {
        match event.kind {
            MouseEventKind::ScrollDown => self.update(Action::MoveDown),
            MouseEventKind::ScrollUp => self.update(Action::MoveUp),
            MouseEventKind::Down(MouseButton::Left) if self.overlay.is_none() && self.screen == Screen::Initiatives => {
                let area = self.areas.table_rows;
                let inside = event.column >= area.x
                    && event.column < area.x + area.width
                    && event.row >= area.y
                    && event.row < area.y + area.height;
                if inside {
                    let (len, page) = (self.initiatives.view.rows.len(), self.page());
                    let cursor = &mut self.initiatives.cursor;
                    if let Some(index) = cursor.row_at((event.row - area.y) as usize, len, page) {
                        if index == cursor.selected() {
                            return self.update(Action::OpenDetail);
                        }
                        cursor.select(index, len, page);
                    }
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }
}

fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home).join(rest);
        }
    }
    PathBuf::from(path)
}

/// Gives the preview's column `at` the next (or previous) field, or none; a field another
/// column held moves here (one column per field), and the choice counts as the analyst's.
fn step_field(columns: &mut [crate::error::ColumnGuess], at: usize, forward: bool) {
    use crate::import::Field;
    let Some(column) = columns.get(at) else { return };
    let choices: Vec<Option<Field>> = std::iter::once(None).chain(Field::ALL.into_iter().map(Some)).collect();
    let now = column.field.as_deref().and_then(Field::parse);
    let index = choices.iter().position(|c| *c == now).unwrap_or(0);
    let next = if forward { (index + 1) % choices.len() } else { (index + choices.len() - 1) % choices.len() };
    let chosen = choices[next];
    for (i, other) in columns.iter_mut().enumerate() {
        if i != at && chosen.is_some() && other.field.as_deref().and_then(Field::parse) == chosen {
            other.field = None;
            other.confidence = None;
        }
    }
    if let Some(column) = columns.get_mut(at) {
        column.field = chosen.map(|f| f.name().to_string());
        column.confidence = chosen.map(|_| "confirmed".to_string());
    }
}
