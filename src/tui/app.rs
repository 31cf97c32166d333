//! The TUI's state and how actions change it. `update` is pure: it changes the state and
//! returns the effects (database reads, imports) for the event loop to run, so nearly all
//! behaviour is testable without a terminal.

use super::action::Action;
use super::duplicates::{DuplicatesState, Side};
use super::export::{OutputJob, Written};
use super::input::LineInput;
use super::keymap::{Key, Keymap};
use super::scoring::{Focus, ScoringState, SelectionJob};
use crate::config::Lang;
use crate::dedupe::{Decision, DecisionRecord, Pair, ReviewQueue};
use crate::i18n;
use crate::import::{ImportReport, Monitor};
use crate::model::{Batch, BatchChanges, InitiativeDetail};
use crate::portfolio::{
    FilterError, Portfolio, Search, SortCache, SortColumn, StatusFilter, View, ViewQuery, parse_filter,
};
use crate::scoring::{ScoreEdit, ScoreMatrix, Selection};
use crate::store::Resolver;
use crate::suggest::Suggestions;
use crate::tagging::{Edit, Record, parse_edits};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Initiatives,
    Sources,
    Priorities,
    Scores,
    Portfolio,
    Suggestions,
    Matrix,
    Duplicates,
}

impl Screen {
    pub const ALL: [Screen; 8] = [
        Screen::Initiatives,
        Screen::Sources,
        Screen::Priorities,
        Screen::Scores,
        Screen::Portfolio,
        Screen::Suggestions,
        Screen::Matrix,
        Screen::Duplicates,
    ];

    pub fn title(self) -> i18n::Text {
        match self {
            Screen::Initiatives => i18n::SCREEN_INITIATIVES,
            Screen::Sources => i18n::SCREEN_SOURCES,
            Screen::Priorities => i18n::SCREEN_PRIORITIES,
            Screen::Scores => i18n::SCREEN_SCORES,
            Screen::Portfolio => i18n::SCREEN_PORTFOLIO,
            Screen::Suggestions => i18n::SCREEN_SUGGESTIONS,
            Screen::Matrix => i18n::SCREEN_MATRIX,
            Screen::Duplicates => i18n::SCREEN_DUPLICATES,
        }
    }

    /// Screens that need the score matrix.
    pub fn needs_scoring(self) -> bool {
        matches!(self, Screen::Priorities | Screen::Scores | Screen::Portfolio)
    }
}

/// What a one-line prompt asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    ImportPath,
    BudgetFrame,
    ScenarioName,
    /// A score for the grid's cell (for scales a single key cannot type).
    ScoreValue,
    /// Tag-language edits for the marked rows (or the selected one).
    Tag,
    /// Tag-language edits for every row shown.
    TagShown,
    /// The file to export what the screen shows to.
    ExportPath,
    /// The file to write the brief to.
    BriefPath,
}

impl PromptKind {
    pub fn title(self) -> i18n::Text {
        match self {
            PromptKind::ImportPath => i18n::IMPORT_PROMPT,
            PromptKind::BudgetFrame => i18n::BUDGET_PROMPT,
            PromptKind::ScenarioName => i18n::SCENARIO_PROMPT,
            PromptKind::ScoreValue => i18n::SCORE,
            PromptKind::Tag | PromptKind::TagShown => i18n::TAG_PROMPT,
            PromptKind::ExportPath => i18n::EXPORT_PROMPT,
            PromptKind::BriefPath => i18n::BRIEF_PROMPT,
        }
    }
}

/// Where typed keys go when they are not actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    Search,
    Filter,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Help {
        scroll: u16,
    },
    Palette {
        input: LineInput,
        selected: usize,
    },
    Detail {
        id: i64,
        detail: Option<Box<InitiativeDetail>>,
        scroll: u16,
    },
    Changes {
        changes: Option<Box<BatchChanges>>,
        scroll: u16,
    },
    Prompt {
        kind: PromptKind,
        input: LineInput,
    },
    Message {
        title: String,
        lines: Vec<String>,
        error: bool,
        scroll: u16,
    },
    /// How one initiative's total score adds up (a row of the score matrix).
    Explain {
        row: usize,
        scroll: u16,
    },
    /// "Change N initiatives?" before a tagging action on more than one.
    Confirm {
        ids: Vec<i64>,
        edits: Vec<Edit>,
    },
    /// "Replace the file?" before an export or brief overwrites one.
    ConfirmReplace {
        job: Box<OutputJob>,
    },
}

/// What undo can take back: a score, a tagging action or a decision on a pair.
#[derive(Debug, Clone, PartialEq)]
pub enum UndoItem {
    Score(ScoreEdit),
    Tags(Record),
    Pair { pair: Box<Pair>, before: Option<DecisionRecord>, after: Option<DecisionRecord> },
}

/// Work the event loop does for the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    LoadDetail(i64),
    LoadChanges(i64),
    StartImport(PathBuf),
    CancelImport,
    Reload,
    /// Load the score matrix (criteria, scores, derived values) on a worker.
    LoadScoring,
    /// Store the current weights.
    SaveWeights,
    /// Compute the budget selection on a worker.
    Select(Box<SelectionJob>),
    SetScore {
        id: i64,
        code: String,
        value: Option<f64>,
    },
    /// Store an undo or redo of a score edit.
    ApplyScoreEdit(ScoreEdit),
    SaveScenario(String),
    /// Apply tagging edits (groups of initiatives and their edits) as one action.
    ApplyEdits(Vec<(Vec<i64>, Vec<Edit>)>),
    /// Write a tagging record's after states (undo passes the inverse).
    ApplyRecord(Record),
    LoadSuggestions,
    /// Build the duplicate review queue on a worker.
    LoadDuplicates,
    /// Write an export or the brief on a worker.
    Output(Box<OutputJob>),
    /// Store a decision on a pair (None removes it); `remember` keeps it for undo.
    DecidePair {
        pair: Box<Pair>,
        decision: Option<Decision>,
        note: Option<String>,
        remember: bool,
    },
}

/// A running import.
#[derive(Debug, Clone)]
pub struct Job {
    pub file: String,
    pub monitor: Arc<Monitor>,
    pub started: Instant,
}

/// Rows of the screen's areas, for paging and mouse clicks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    /// The rows of the initiatives table (below its header).
    pub table_rows: Rect,
}

pub struct App {
    pub lang: Lang,
    pub keymap: Keymap,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub input: InputMode,
    pub portfolio: Arc<Portfolio>,
    /// True while the full portfolio is still loading behind the first screen.
    pub loading: bool,
    pub resolver: Resolver,
    pub query: ViewQuery,
    pub view: View,
    sort_cache: SortCache,
    pub search_input: LineInput,
    pub filter_input: LineInput,
    pub filter_error: Option<String>,
    filter_before_edit: String,
    search_before_edit: String,
    /// Selected row, as an index into `view.rows`.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    pub marks: HashSet<i64>,
    pub batches: Vec<Batch>,
    pub batch_cursor: usize,
    pub job: Option<Job>,
    /// A one-line message in the status bar until the next key.
    pub notice: Option<(String, bool)>,
    /// The database's file name, shown in the title bar.
    pub db_label: String,
    pub areas: Areas,
    pub quit: bool,
    /// Scores, weights, ranking and budget frame, loaded when a priority screen opens.
    pub scoring: Option<Box<ScoringState>>,
    pub scoring_loading: bool,
    /// What undo and redo take back, newest last.
    pub undo: Vec<UndoItem>,
    pub redo: Vec<UndoItem>,
    pub suggestions: Option<Suggestions>,
    pub suggestions_loading: bool,
    pub suggestion_cursor: usize,
    /// The matrix screen's cursor: ministry row and life-event column.
    pub matrix_cursor: (usize, usize),
    /// The duplicate review queue, built on a worker at start and after imports.
    pub duplicates: Option<DuplicatesState>,
    pub duplicates_loading: bool,
    /// Initiatives with an open candidate pair or a duplicate/overlap decision: the
    /// table's marker.
    pub flagged: HashSet<i64>,
}

impl App {
    pub fn new(lang: Lang, keymap: Keymap, portfolio: Portfolio, resolver: Resolver, db_label: String) -> Self {
        let mut app = Self {
            lang,
            keymap,
            screen: Screen::Initiatives,
            overlay: None,
            input: InputMode::Normal,
            portfolio: Arc::new(portfolio),
            loading: false,
            resolver,
            query: ViewQuery::default(),
            view: View::default(),
            sort_cache: SortCache::default(),
            search_input: LineInput::default(),
            filter_input: LineInput::default(),
            filter_error: None,
            filter_before_edit: String::new(),
            search_before_edit: String::new(),
            cursor: 0,
            offset: 0,
            marks: HashSet::new(),
            batches: Vec::new(),
            batch_cursor: 0,
            job: None,
            notice: None,
            db_label,
            areas: Areas::default(),
            quit: false,
            scoring: None,
            scoring_loading: false,
            undo: Vec::new(),
            redo: Vec::new(),
            suggestions: None,
            suggestions_loading: false,
            suggestion_cursor: 0,
            matrix_cursor: (0, 0),
            duplicates: None,
            duplicates_loading: false,
            flagged: HashSet::new(),
        };
        app.refresh_view(false);
        app
    }

    pub fn t(&self, text: i18n::Text) -> &'static str {
        text.get(self.lang)
    }

    /// Rows that fit in the table.
    pub fn page(&self) -> usize {
        (self.areas.table_rows.height as usize).max(1)
    }

    /// Pairs that fit in the duplicate screen's list.
    pub fn duplicates_page(&self) -> usize {
        let body = self.areas.table_rows.height + 1;
        super::duplicates::list_height(body).saturating_sub(1).max(1) as usize
    }

    /// The id of the selected initiative.
    pub fn selected_id(&self) -> Option<i64> {
        let index = *self.view.rows.get(self.cursor)?;
        self.portfolio.rows.get(index as usize).map(|r| r.id)
    }

    /// Replaces the portfolio (after loading or an import), keeping query, selection and marks.
    pub fn set_portfolio(&mut self, portfolio: Portfolio) {
        let selected = self.selected_id();
        self.portfolio = Arc::new(portfolio);
        self.sort_cache.clear();
        // Filters name rows by table indices, which a new portfolio may number differently.
        self.apply_filter_text(false);
        self.refresh_view(false);
        if let Some(id) = selected {
            self.select_id(id);
        }
        self.marks.retain(|id| self.portfolio.position(*id).is_some());
    }

    fn select_id(&mut self, id: i64) {
        let found =
            self.view.rows.iter().position(|i| self.portfolio.rows.get(*i as usize).is_some_and(|r| r.id == id));
        if let Some(position) = found {
            self.cursor = position;
            self.keep_cursor_visible();
        }
    }

    /// Recomputes the shown rows. `narrowing`: the new query can only drop rows from the
    /// current view (a longer search), so only those are tested again.
    fn refresh_view(&mut self, narrowing: bool) {
        let selected = self.selected_id();
        let within = narrowing.then(|| std::mem::take(&mut self.view.rows));
        self.view = self.portfolio.view(&self.query, &mut self.sort_cache, within.as_deref());
        self.cursor = 0;
        self.offset = 0;
        if let Some(id) = selected {
            self.select_id(id);
        }
    }

    fn keep_cursor_visible(&mut self) {
        let page = self.page();
        let last = self.view.rows.len().saturating_sub(1);
        self.cursor = self.cursor.min(last);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + page {
            self.offset = self.cursor + 1 - page;
        }
        self.offset = self.offset.min(self.view.rows.len().saturating_sub(page));
    }

    fn move_cursor(&mut self, delta: isize) {
        match self.screen {
            Screen::Initiatives => {
                let last = self.view.rows.len().saturating_sub(1) as isize;
                self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
                self.keep_cursor_visible();
            }
            Screen::Sources => {
                let last = self.batches.len().saturating_sub(1) as isize;
                self.batch_cursor = (self.batch_cursor as isize + delta).clamp(0, last.max(0)) as usize;
            }
            Screen::Suggestions => {
                let count = self.suggestions.as_ref().map_or(0, |s| s.life_events.len() + s.owners.len());
                self.suggestion_cursor =
                    (self.suggestion_cursor as isize + delta).clamp(0, count.saturating_sub(1) as isize) as usize;
            }
            Screen::Duplicates => {
                let page = self.duplicates_page();
                if let Some(duplicates) = self.duplicates.as_mut() {
                    duplicates.move_by(delta, page);
                }
            }
            Screen::Matrix => {
                let rows = crate::tui::matrix::Matrix::of(&self.portfolio, &self.view).rows.len();
                self.matrix_cursor.0 =
                    (self.matrix_cursor.0 as isize + delta).clamp(0, rows.saturating_sub(1) as isize) as usize;
            }
            Screen::Priorities | Screen::Scores | Screen::Portfolio => {
                let page = self.page();
                let screen = self.screen;
                let Some(scoring) = self.scoring.as_mut() else { return };
                let rows = scoring.matrix.len();
                let clamp = |value: usize, delta: isize, len: usize| {
                    (value as isize + delta).clamp(0, len.saturating_sub(1) as isize) as usize
                };
                match (screen, scoring.focus) {
                    (Screen::Priorities, Focus::Weights) => {
                        scoring.weight_cursor = clamp(scoring.weight_cursor, delta, scoring.matrix.columns());
                    }
                    (Screen::Scores, _) => {
                        scoring.grid_row = clamp(scoring.grid_row, delta, rows);
                        scoring.grid_offset =
                            follow(scoring.grid_row, scoring.grid_offset, page.saturating_sub(1), rows);
                    }
                    _ => {
                        scoring.list_cursor = clamp(scoring.list_cursor, delta, rows);
                        scoring.list_offset =
                            follow(scoring.list_cursor, scoring.list_offset, page.saturating_sub(1), rows);
                    }
                }
            }
        }
    }

    /// Parses the filter bar; on success applies it, on error keeps the last good filter
    /// and shows why.
    fn apply_filter_text(&mut self, refresh: bool) {
        match parse_filter(self.filter_input.text(), &self.portfolio, &self.resolver) {
            Ok(filter) => {
                self.query.filter = filter;
                self.filter_error = None;
                if refresh {
                    self.refresh_view(false);
                }
            }
            Err(error) => self.filter_error = Some(describe_filter_error(&error, self.lang)),
        }
    }

    fn set_search(&mut self, text: &str) {
        let new = Search::new(text);
        let narrowing = match (&new, &self.query.search) {
            (Some(new), Some(old)) => new.narrows(old),
            (Some(_), None) | (None, _) => false,
        };
        // Narrowing keeps tiers apart only by testing again; a longer query may move a row
        // to a lower tier, so the view is rebuilt from the previous rows, not just filtered.
        self.query.search = new;
        self.refresh_view(narrowing);
    }

    // ---------------------------------------------------------------------------------
    // Input

    /// Handles a key press: text input in input modes and prompts, else the keymap.
    pub fn on_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        self.notice = None;
        let ctrl_c = event.code == KeyCode::Char('c') && event.modifiers.contains(KeyModifiers::CONTROL);
        if ctrl_c {
            return self.update(Action::Quit);
        }
        match &mut self.overlay {
            Some(Overlay::Prompt { kind, input }) => {
                match event.code {
                    KeyCode::Enter => {
                        let (kind, text) = (*kind, input.text().trim().to_string());
                        self.overlay = None;
                        return self.prompt_done(kind, &text);
                    }
                    KeyCode::Esc => self.overlay = None,
                    _ => {
                        input.edit(event);
                    }
                }
                return Vec::new();
            }
            Some(Overlay::Confirm { ids, edits }) => {
                let effects = match event.code {
                    KeyCode::Enter | KeyCode::Char('j') | KeyCode::Char('y') => {
                        vec![Effect::ApplyEdits(vec![(std::mem::take(ids), std::mem::take(edits))])]
                    }
                    _ => Vec::new(),
                };
                self.overlay = None;
                return effects;
            }
            Some(Overlay::ConfirmReplace { job }) => {
                let effects = match event.code {
                    KeyCode::Enter | KeyCode::Char('j') | KeyCode::Char('y') => {
                        vec![Effect::Output(Box::new((**job).clone().forced()))]
                    }
                    _ => Vec::new(),
                };
                self.overlay = None;
                return effects;
            }
            Some(Overlay::Palette { input, selected }) => {
                match event.code {
                    KeyCode::Enter => {
                        let actions = palette_matches(input.text(), self.lang);
                        let chosen = actions.get(*selected).copied();
                        self.overlay = None;
                        if let Some(action) = chosen {
                            return self.update(action);
                        }
                    }
                    KeyCode::Esc => self.overlay = None,
                    KeyCode::Down => *selected += 1,
                    KeyCode::Up => *selected = selected.saturating_sub(1),
                    _ => {
                        if input.edit(event) {
                            *selected = 0;
                        }
                    }
                }
                if let Some(Overlay::Palette { input, selected }) = &mut self.overlay {
                    let count = palette_matches(input.text(), self.lang).len();
                    *selected = (*selected).min(count.saturating_sub(1));
                }
                return Vec::new();
            }
            _ => {}
        }
        if self.overlay.is_none() {
            match self.input {
                InputMode::Search => return self.on_search_key(event),
                InputMode::Filter => return self.on_filter_key(event),
                InputMode::Normal => {}
            }
            if self.screen == Screen::Scores {
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

    fn on_search_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        match event.code {
            KeyCode::Enter => self.input = InputMode::Normal,
            KeyCode::Esc => {
                self.input = InputMode::Normal;
                let before = self.search_before_edit.clone();
                self.search_input.set(&before);
                self.set_search(&before);
            }
            KeyCode::Down => self.move_cursor(1),
            KeyCode::Up => self.move_cursor(-1),
            KeyCode::PageDown => self.move_cursor(self.page() as isize),
            KeyCode::PageUp => self.move_cursor(-(self.page() as isize)),
            _ => {
                if self.search_input.edit(event) {
                    let text = self.search_input.text().to_string();
                    self.set_search(&text);
                }
            }
        }
        Vec::new()
    }

    fn on_filter_key(&mut self, event: KeyEvent) -> Vec<Effect> {
        match event.code {
            KeyCode::Enter => {
                if self.filter_error.is_none() {
                    self.input = InputMode::Normal;
                }
            }
            KeyCode::Esc => {
                self.input = InputMode::Normal;
                let before = self.filter_before_edit.clone();
                self.filter_input.set(&before);
                self.apply_filter_text(true);
            }
            KeyCode::Down => self.move_cursor(1),
            KeyCode::Up => self.move_cursor(-1),
            _ => {
                if self.filter_input.edit(event) {
                    self.apply_filter_text(true);
                }
            }
        }
        Vec::new()
    }

    /// Typing in the score grid: a digit sets the cell (1–5 scales at once, others through a
    /// prompt), delete or backspace clears it. None when the key is not for the grid.
    fn on_score_key(&mut self, event: KeyEvent) -> Option<Vec<Effect>> {
        let scoring = self.scoring.as_mut()?;
        let row = scoring.grid_row_at(scoring.grid_row)?;
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

    /// What a finished prompt asks for.
    fn prompt_done(&mut self, kind: PromptKind, text: &str) -> Vec<Effect> {
        match kind {
            PromptKind::ImportPath => {
                let path = expand_home(text);
                if path.as_os_str().is_empty() { Vec::new() } else { vec![Effect::StartImport(path)] }
            }
            PromptKind::BudgetFrame => {
                let frame = if text.is_empty() {
                    None
                } else {
                    match crate::scoring::parse_nok(text) {
                        Ok(nok) if nok > 0 => Some(nok),
                        Ok(_) => return Vec::new(),
                        Err(error) => {
                            self.notice = Some((error.to_string(), true));
                            return Vec::new();
                        }
                    }
                };
                let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
                scoring.set_frame(frame);
                scoring.selection_job().map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
            }
            PromptKind::Tag | PromptKind::TagShown => {
                if text.is_empty() {
                    return Vec::new();
                }
                let edits = match parse_edits(text, &self.resolver, &self.portfolio.phases, &self.portfolio.risks) {
                    Ok(edits) => edits,
                    Err(error) => {
                        self.notice = Some((error.to_string(), true));
                        return Vec::new();
                    }
                };
                let ids = if kind == PromptKind::TagShown { self.shown_ids() } else { self.target_ids() };
                if ids.len() > 1 {
                    self.overlay = Some(Overlay::Confirm { ids, edits });
                    return Vec::new();
                }
                if ids.is_empty() { Vec::new() } else { vec![Effect::ApplyEdits(vec![(ids, edits)])] }
            }
            PromptKind::ExportPath => {
                if text.is_empty() {
                    return Vec::new();
                }
                match super::export::list_job(self, expand_home(text)) {
                    Some(job) => vec![Effect::Output(Box::new(job))],
                    None => {
                        self.notice = Some((self.t(i18n::EXPORT_FORMATS).to_string(), true));
                        Vec::new()
                    }
                }
            }
            PromptKind::BriefPath => {
                let path = expand_home(text);
                if text.is_empty() {
                    return Vec::new();
                }
                if crate::export::brief::BriefFormat::from_path(&path).is_err() {
                    self.notice = Some((self.t(i18n::BRIEF_FORMATS).to_string(), true));
                    return Vec::new();
                }
                vec![Effect::Output(Box::new(super::export::brief_job(self, path)))]
            }
            PromptKind::ScenarioName => {
                if text.is_empty() {
                    Vec::new()
                } else {
                    vec![Effect::SaveScenario(text.to_string())]
                }
            }
            PromptKind::ScoreValue => {
                let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
                let Some(row) = scoring.grid_row_at(scoring.grid_row) else { return Vec::new() };
                let Some(criterion) = scoring.matrix.criteria().list.get(scoring.grid_col).cloned() else {
                    return Vec::new();
                };
                let value = if text.is_empty() { None } else { text.replace(',', ".").parse::<f64>().ok() };
                if let Some(v) = value {
                    if let Err(error) = criterion.check_value(v) {
                        self.notice = Some((error.to_string(), true));
                        return Vec::new();
                    }
                } else if !text.is_empty() {
                    return Vec::new();
                }
                let id = scoring.matrix.row(row).id;
                scoring.grid_next_manual();
                vec![Effect::SetScore { id, code: criterion.code, value }]
            }
        }
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
                    let index = self.offset + (event.row - area.y) as usize;
                    if index < self.view.rows.len() {
                        if index == self.cursor {
                            return self.update(Action::OpenDetail);
                        }
                        self.cursor = index;
                    }
                }
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    // ---------------------------------------------------------------------------------
    // Actions

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if let Some(overlay) = &mut self.overlay {
            let page = self.areas.table_rows.height.max(1);
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
                if self.query.search.is_some() {
                    self.search_input.clear();
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
                self.search_before_edit = self.search_input.text().to_string();
                self.input = InputMode::Search;
            }
            Action::Filter => {
                self.screen = Screen::Initiatives;
                self.filter_before_edit = self.filter_input.text().to_string();
                self.input = InputMode::Filter;
            }
            Action::ClearFilter => {
                self.search_input.clear();
                self.filter_input.clear();
                self.query.search = None;
                self.apply_filter_text(true);
            }
            Action::SortNext => {
                self.query.sort = self.query.sort.next();
                self.query.descending = self.query.sort == SortColumn::Amount;
                self.refresh_view(false);
            }
            Action::SortReverse => {
                self.query.descending = !self.query.descending;
                self.refresh_view(false);
            }
            Action::ToggleMark => {
                if let Some(id) = self.selected_id() {
                    if !self.marks.remove(&id) {
                        self.marks.insert(id);
                    }
                    self.move_cursor(1);
                }
            }
            Action::MarkAll => {
                let ids: Vec<i64> = self.view.rows.iter().map(|i| self.portfolio.rows[*i as usize].id).collect();
                self.marks.extend(ids);
                self.notice = Some((format!("{} {}", self.marks.len(), self.t(i18n::MARKED)), false));
            }
            Action::ClearMarks => self.marks.clear(),
            Action::OpenDetail => match self.screen {
                Screen::Initiatives => {
                    if let Some(id) = self.selected_id() {
                        self.overlay = Some(Overlay::Detail { id, detail: None, scroll: 0 });
                        return vec![Effect::LoadDetail(id)];
                    }
                }
                Screen::Sources => {
                    if let Some(batch) = self.batches.get(self.batch_cursor) {
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
                Screen::Priorities | Screen::Scores | Screen::Portfolio => {
                    if let Some(scoring) = &self.scoring {
                        let row = if self.screen == Screen::Scores {
                            scoring.grid_row_at(scoring.grid_row)
                        } else {
                            scoring.row_at(scoring.list_cursor)
                        };
                        if let Some(row) = row {
                            self.overlay = Some(Overlay::Explain { row, scroll: 0 });
                        }
                    }
                }
            },
            Action::ToggleWithdrawn => {
                let text = self.filter_input.text().to_string();
                let shows_all = self.query.filter.status != StatusFilter::Active;
                let without: Vec<&str> =
                    text.split_whitespace().filter(|t| !t.to_lowercase().starts_with("status:")).collect();
                let mut new = without.join(" ");
                if !shows_all {
                    if !new.is_empty() {
                        new.push(' ');
                    }
                    new.push_str("status:alle");
                }
                self.filter_input.set(&new);
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
                let column = self.matrix_cursor.1 as isize + if action == Action::FocusRight { 1 } else { -1 };
                self.matrix_cursor.1 = column.clamp(0, columns as isize - 1) as usize;
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
                    scoring.grid_row_at(scoring.grid_row)
                } else {
                    scoring.row_at(scoring.list_cursor)
                };
                if let Some(row) = row {
                    scoring.toggle_lock(row, action == Action::LockIn);
                    return scoring.selection_job().map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default();
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
                let word = if undo { i18n::UNDONE } else { i18n::REDONE };
                return match item {
                    UndoItem::Score(edit) => {
                        vec![Effect::ApplyScoreEdit(if undo { edit.inverse() } else { edit })]
                    }
                    UndoItem::Tags(record) => {
                        self.notice = Some((format!("{}: {}", self.t(word), record.description), false));
                        vec![Effect::ApplyRecord(if undo { record.inverse() } else { record })]
                    }
                    UndoItem::Pair { pair, before, after } => {
                        let target = if undo { before } else { after };
                        self.notice = Some((format!("{}: {} ↔ {}", self.t(word), pair.a, pair.b), false));
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
            Action::Accept | Action::Reject | Action::AcceptAll => return self.answer_suggestion(action),
            Action::SaveScenario => {
                if self.scoring.is_some() {
                    self.overlay =
                        Some(Overlay::Prompt { kind: PromptKind::ScenarioName, input: LineInput::default() });
                }
            }
            Action::ExportView | Action::WriteBrief => {
                let brief = action == Action::WriteBrief;
                let kind = if brief { PromptKind::BriefPath } else { PromptKind::ExportPath };
                let name = super::export::default_name(brief, self.lang);
                self.overlay = Some(Overlay::Prompt { kind, input: LineInput::with_text(&name) });
            }
            Action::ImportFile => {
                if self.job.is_none() {
                    self.overlay = Some(Overlay::Prompt { kind: PromptKind::ImportPath, input: LineInput::default() });
                }
            }
            Action::Reload => return vec![Effect::Reload],
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Palette => self.overlay = Some(Overlay::Palette { input: LineInput::default(), selected: 0 }),
        }
        Vec::new()
    }

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
        self.job = None;
        match result {
            Ok(report) => {
                let text = report.describe(self.lang);
                self.overlay = Some(Overlay::Message {
                    title: self.t(i18n::IMPORT_DONE).to_string(),
                    lines: text.lines().map(str::to_string).collect(),
                    error: false,
                    scroll: 0,
                });
                vec![Effect::Reload]
            }
            Err(crate::Error::Cancelled) => {
                self.notice = Some((self.t(i18n::CANCELLED).to_string(), false));
                Vec::new()
            }
            Err(error) => {
                self.overlay = Some(Overlay::Message {
                    title: self.t(i18n::IMPORT_FAILED).to_string(),
                    lines: vec![error.to_string()],
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
                self.overlay = Some(Overlay::ConfirmReplace { job: Box::new(job) })
            }
            Err(error) => self.show_error(error.to_string()),
        }
    }

    pub fn show_error(&mut self, message: String) {
        self.notice = Some((message, true));
    }

    fn show_screen(&mut self, screen: Screen) -> Vec<Effect> {
        if screen == Screen::Scores && self.screen != Screen::Scores {
            if let Some(scoring) = self.scoring.as_mut() {
                scoring.refresh_grid();
            }
        }
        self.screen = screen;
        self.input = InputMode::Normal;
        if screen.needs_scoring() && self.scoring.is_none() && !self.scoring_loading {
            self.scoring_loading = true;
            return vec![Effect::LoadScoring];
        }
        if screen == Screen::Suggestions && !self.suggestions_loading {
            self.suggestions_loading = true;
            return vec![Effect::LoadSuggestions];
        }
        if screen == Screen::Duplicates && self.duplicates.is_none() && !self.duplicates_loading {
            self.duplicates_loading = true;
            return vec![Effect::LoadDuplicates];
        }
        Vec::new()
    }

    /// Marked rows, or the selected one when none is marked.
    pub fn target_ids(&self) -> Vec<i64> {
        if self.marks.is_empty() {
            return self.selected_id().into_iter().collect();
        }
        let mut ids: Vec<i64> = self.marks.iter().copied().collect();
        ids.sort_unstable();
        ids
    }

    /// Every row shown.
    pub fn shown_ids(&self) -> Vec<i64> {
        self.view.rows.iter().map(|i| self.portfolio.rows[*i as usize].id).collect()
    }

    /// A tagging action was stored: show it in the table at once, and keep it for undo
    /// (unless it was an undo or redo).
    pub fn tags_stored(&mut self, record: Record, remember: bool) -> Vec<Effect> {
        let portfolio = Arc::make_mut(&mut self.portfolio);
        for (id, _, after) in &record.changes {
            portfolio.apply_state(*id, after);
        }
        self.sort_cache.clear();
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
        if self.scoring.is_some() && !self.scoring_loading {
            self.scoring_loading = true;
            return vec![Effect::LoadScoring];
        }
        Vec::new()
    }

    /// The review queue arrived (at start, or again after an import).
    pub fn duplicates_loaded(&mut self, queue: ReviewQueue) {
        self.duplicates_loading = false;
        match self.duplicates.as_mut() {
            Some(duplicates) => duplicates.replace(queue),
            None => self.duplicates = Some(DuplicatesState::new(queue)),
        }
        let page = self.duplicates_page();
        if let Some(duplicates) = self.duplicates.as_mut() {
            duplicates.follow(page);
            self.flagged = duplicates.flagged();
        }
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

    /// A decision on a pair was stored (or removed): the queue, the table's marker and
    /// undo follow. `remember` is false for an undo or redo.
    pub fn pair_stored(&mut self, pair: Pair, after: Option<DecisionRecord>, remember: bool) {
        let page = self.duplicates_page();
        let Some(duplicates) = self.duplicates.as_mut() else { return };
        let before = duplicates.decided(pair.clone(), after.clone(), remember);
        duplicates.follow(page);
        self.flagged = duplicates.flagged();
        if remember {
            let word = after.as_ref().map_or("–", |d| crate::dedupe::describe::decision_text(d.decision, self.lang));
            self.notice = Some((format!("{} {} ↔ {}: {word}", self.t(i18n::DECIDED), pair.a, pair.b), false));
            self.undo.push(UndoItem::Pair { pair: Box::new(pair), before, after });
            self.redo.clear();
        }
    }

    pub fn suggestions_loaded(&mut self, suggestions: Suggestions) {
        self.suggestions_loading = false;
        let count = suggestions.life_events.len() + suggestions.owners.len();
        self.suggestion_cursor = self.suggestion_cursor.min(count.saturating_sub(1));
        self.suggestions = Some(suggestions);
    }

    /// Accepts or rejects the selected suggestion, or accepts every life-event suggestion.
    fn answer_suggestion(&mut self, action: Action) -> Vec<Effect> {
        if self.screen != Screen::Suggestions {
            return Vec::new();
        }
        let Some(suggestions) = self.suggestions.as_mut() else { return Vec::new() };
        if action == Action::AcceptAll {
            let groups: Vec<(Vec<i64>, Vec<Edit>)> =
                suggestions.life_events.drain(..).map(|s| (vec![s.id], vec![s.edit()])).collect();
            self.suggestion_cursor = 0;
            return if groups.is_empty() { Vec::new() } else { vec![Effect::ApplyEdits(groups)] };
        }
        let index = self.suggestion_cursor;
        let events = suggestions.life_events.len();
        let effect = if index < events {
            let suggestion = suggestions.life_events.remove(index);
            (action == Action::Accept).then(|| Effect::ApplyEdits(vec![(vec![suggestion.id], vec![suggestion.edit()])]))
        } else if index - events < suggestions.owners.len() {
            let suggestion = suggestions.owners.remove(index - events);
            match (action, suggestion.candidates.first()) {
                (Action::Accept, Some(code)) => match crate::tagging::owner_edit(code, &self.resolver) {
                    Ok(edit) => Some(Effect::ApplyEdits(vec![(vec![suggestion.id], vec![edit])])),
                    Err(error) => {
                        self.notice = Some((error.to_string(), true));
                        None
                    }
                },
                _ => None,
            }
        } else {
            None
        };
        let count = self.suggestions.as_ref().map_or(0, |s| s.life_events.len() + s.owners.len());
        self.suggestion_cursor = self.suggestion_cursor.min(count.saturating_sub(1));
        effect.into_iter().collect()
    }

    /// Shows the initiatives of the matrix cell under the cursor.
    fn filter_to_matrix_cell(&mut self) -> Vec<Effect> {
        let matrix = crate::tui::matrix::Matrix::of(&self.portfolio, &self.view);
        let Some(ministry) = matrix.rows.get(self.matrix_cursor.0) else { return Vec::new() };
        let ministry = ministry.code.clone().unwrap_or_else(|| "ingen".into());
        let event =
            self.portfolio.life_events.get(self.matrix_cursor.1).map_or("ingen".to_string(), |e| e.code.clone());
        let kept: Vec<&str> = self
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
        self.filter_input.set(&text);
        self.apply_filter_text(true);
        self.screen = Screen::Initiatives;
        Vec::new()
    }

    /// The score matrix arrived (first load, or again after an import). The frame, locks
    /// and cursors carry over where the rows still exist.
    pub fn scoring_loaded(&mut self, matrix: ScoreMatrix) -> Vec<Effect> {
        self.scoring_loading = false;
        let mut state = ScoringState::new(matrix);
        if let Some(old) = self.scoring.take() {
            let id_of = |row: usize| old.matrix.row(row).id;
            state.frame_nok = old.frame_nok;
            state.locked_in = old.locked_in.iter().filter_map(|r| state.matrix.row_of(id_of(*r))).collect();
            state.locked_out = old.locked_out.iter().filter_map(|r| state.matrix.row_of(id_of(*r))).collect();
            state.weight_cursor = old.weight_cursor.min(state.matrix.columns().saturating_sub(1));
            state.focus = old.focus;
        }
        let job = state.selection_job();
        self.scoring = Some(Box::new(state));
        job.map(|job| vec![Effect::Select(Box::new(job))]).unwrap_or_default()
    }

    pub fn selection_done(&mut self, generation: u64, selection: crate::Result<Selection>) {
        match selection {
            Ok(selection) => {
                if let Some(scoring) = self.scoring.as_mut() {
                    scoring.selection_done(generation, selection);
                }
            }
            Err(error) => {
                if let Some(scoring) = self.scoring.as_mut() {
                    scoring.selecting = false;
                }
                self.show_error(error.to_string());
            }
        }
    }

    /// A score edit was stored: apply it, remember it for undo unless it was an undo or redo.
    pub fn score_stored(&mut self, edit: ScoreEdit, record: bool) -> Vec<Effect> {
        let Some(scoring) = self.scoring.as_mut() else { return Vec::new() };
        if let Err(error) = scoring.apply_edit(&edit) {
            self.show_error(error.to_string());
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

/// The first row to show so that `cursor` is on a page of `page` rows.
fn follow(cursor: usize, offset: usize, page: usize, len: usize) -> usize {
    let page = page.max(1);
    let offset = if cursor < offset {
        cursor
    } else if cursor >= offset + page {
        cursor + 1 - page
    } else {
        offset
    };
    offset.min(len.saturating_sub(page))
}

/// Actions whose name or description matches the palette's text, best first.
pub fn palette_matches(text: &str, lang: Lang) -> Vec<Action> {
    use fuzzy_matcher::FuzzyMatcher;
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, Action)> = Action::ALL
        .iter()
        .filter_map(|action| {
            if text.trim().is_empty() {
                return Some((0, *action));
            }
            let haystack = format!("{} {}", action.description().get(lang), action.name().replace('_', " "));
            matcher.fuzzy_match(&haystack, text.trim()).map(|score| (score, *action))
        })
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, a)| a).collect()
}

fn describe_filter_error(error: &FilterError, lang: Lang) -> String {
    let hint = |hints: &[String]| {
        if hints.is_empty() {
            String::new()
        } else {
            format!("; {} {}?", i18n::DID_YOU_MEAN.get(lang), hints.join(", "))
        }
    };
    let message = match error {
        FilterError::UnknownKey { key, hints } => {
            format!("{} «{key}:»{}", i18n::FILTER_UNKNOWN_KEY.get(lang), hint(hints))
        }
        FilterError::UnknownValue { key, value, hints } => {
            format!("{} «{value}» ({key}:){}", i18n::FILTER_UNKNOWN_VALUE.get(lang), hint(hints))
        }
        FilterError::BadNumber { key, value } => format!("«{value}» {} {key}:", i18n::FILTER_BAD_NUMBER.get(lang)),
        FilterError::EmptyValue { key } => format!("{key}: {}", i18n::FILTER_EMPTY_VALUE.get(lang)),
    };
    format!("{}: {message}", i18n::FILTER_ERROR.get(lang))
}

fn expand_home(path: &str) -> PathBuf {
    if let Some(rest) = path.strip_prefix("~/") {
        if let Some(home) = std::env::var_os("HOME") {
            return PathBuf::from(home).join(rest);
        }
    }
    PathBuf::from(path)
}
