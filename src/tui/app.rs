//! The TUI's state and how actions change it. `update` is pure: it changes the state and
//! returns the effects (database reads, imports) for the event loop to run, so nearly all
//! behaviour is testable without a terminal.

use super::action::Action;
use super::input::LineInput;
use super::keymap::{Key, Keymap};
use crate::config::Lang;
use crate::i18n;
use crate::import::{ImportReport, Monitor};
use crate::model::{Batch, BatchChanges, InitiativeDetail};
use crate::portfolio::{
    FilterError, Portfolio, Search, SortCache, SortColumn, StatusFilter, View, ViewQuery, parse_filter,
};
use crate::store::Resolver;
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
}

impl Screen {
    pub const ALL: [Screen; 2] = [Screen::Initiatives, Screen::Sources];

    pub fn title(self) -> i18n::Text {
        match self {
            Screen::Initiatives => i18n::SCREEN_INITIATIVES,
            Screen::Sources => i18n::SCREEN_SOURCES,
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
    Help { scroll: u16 },
    Palette { input: LineInput, selected: usize },
    Detail { id: i64, detail: Option<Box<InitiativeDetail>>, scroll: u16 },
    Changes { changes: Option<Box<BatchChanges>>, scroll: u16 },
    ImportPrompt { input: LineInput },
    Message { title: String, lines: Vec<String>, error: bool, scroll: u16 },
}

/// Work the event loop does for the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    LoadDetail(i64),
    LoadChanges(i64),
    StartImport(PathBuf),
    CancelImport,
    Reload,
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
            Some(Overlay::ImportPrompt { input }) => {
                match event.code {
                    KeyCode::Enter => {
                        let path = expand_home(input.text().trim());
                        self.overlay = None;
                        if path.as_os_str().is_empty() {
                            return Vec::new();
                        }
                        return vec![Effect::StartImport(path)];
                    }
                    KeyCode::Esc => self.overlay = None,
                    _ => {
                        input.edit(event);
                    }
                }
                return Vec::new();
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
                | Overlay::Message { scroll, .. } => Some(scroll),
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
                self.screen = Screen::ALL[(index + step) % Screen::ALL.len()];
                self.input = InputMode::Normal;
            }
            Action::ScreenInitiatives => self.screen = Screen::Initiatives,
            Action::ScreenSources => {
                self.screen = Screen::Sources;
                self.input = InputMode::Normal;
            }
            Action::ImportFile => {
                if self.job.is_none() {
                    self.overlay = Some(Overlay::ImportPrompt { input: LineInput::default() });
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

    pub fn show_error(&mut self, message: String) {
        self.notice = Some((message, true));
    }
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
