//! The TUI's state and how actions change it. `update` is pure: it changes the state and
//! returns the effects (database reads, imports) for the event loop to run, so nearly all
//! behaviour is testable without a terminal.

use super::action::Action;
use super::duplicates::{DuplicatesState, Side};
use super::export::{OutputJob, Written};
use super::input::LineInput;
use super::keymap::{Key, Keymap};
use super::list_cursor::ListCursor;
use super::scoring::{Focus, ScoringState};
use crate::config::Lang;
use crate::dedupe::{Decision, DecisionRecord, Pair, ReviewQueue};
use crate::i18n;
use crate::import::ImportReport;
use crate::model::{BatchChanges, InitiativeDetail};
use crate::portfolio::{FilterError, Portfolio, Search, SortColumn, StatusFilter, parse_filter};
use crate::scoring::{Prioritised, PriorityState, Scenario, ScoreEdit, ScoreMatrix};
use crate::store::Resolver;
use crate::suggest::Suggestions;
use crate::tagging::{Edit, Record, parse_edits};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use std::path::PathBuf;
use std::sync::Arc;

mod day;
mod input;
pub mod priorities;
mod results;
mod saved;
mod screen;
mod screens;
pub use saved::Saved;
pub use screens::{
    DuplicatesScreen, InitiativesScreen, MatrixScreen, ScoringScreens, SourcesScreen, SuggestionsScreen,
};
mod table_actions;
mod tagwords;
mod types;
pub use types::*;

pub use screen::Screen;
mod update;

mod palette;
pub use palette::palette_matches;

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
    pub initiatives: InitiativesScreen,
    pub sources: SourcesScreen,
    pub job: Option<Job>,
    /// A one-line message in the status bar until the next key.
    pub notice: Option<(String, bool)>,
    /// The database's file name, shown in the title bar.
    pub db_label: String,
    pub areas: Areas,
    pub quit: bool,
    /// Scores, weights, ranking and budget frame, loaded when a priority screen opens.
    pub scoring: ScoringScreens,
    /// What undo and redo take back, newest last.
    pub undo: Vec<UndoItem>,
    pub redo: Vec<UndoItem>,
    pub suggestions: SuggestionsScreen,
    pub matrix: MatrixScreen,
    pub duplicates: DuplicatesScreen,
    /// The side panel as the analyst set it; None: shown when the screen is wide enough.
    pub panel_shown: Option<bool>,
    /// On Forslag and Duplikater: the columns a narrow screen folds away, shown again.
    pub columns_shown: bool,
    /// The folder of the last file imported: where the file picker opens next.
    pub last_import_dir: Option<PathBuf>,
    /// The folder the export and brief prompts start in (config.toml's `export_dir`).
    pub export_dir: PathBuf,
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
            initiatives: InitiativesScreen::default(),
            sources: SourcesScreen::default(),
            job: None,
            notice: None,
            db_label,
            areas: Areas::default(),
            quit: false,
            scoring: ScoringScreens::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            suggestions: SuggestionsScreen::default(),
            matrix: MatrixScreen::default(),
            duplicates: DuplicatesScreen::default(),
            panel_shown: None,
            columns_shown: false,
            last_import_dir: None,
            export_dir: PathBuf::from("."),
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
        let index = *self.initiatives.view.rows.get(self.initiatives.cursor.selected())?;
        self.portfolio.rows.get(index as usize).map(|r| r.id)
    }

    /// Replaces the portfolio (after loading or an import), keeping query, selection and marks.
    pub fn set_portfolio(&mut self, portfolio: Portfolio) {
        let selected = self.selected_id();
        self.portfolio = Arc::new(portfolio);
        self.initiatives.sort_cache.clear();
        // Filters name rows by table indices, which a new portfolio may number differently.
        self.apply_filter_text(false);
        self.refresh_view(false);
        if let Some(id) = selected {
            self.select_id(id);
        }
        let portfolio = &self.portfolio;
        self.initiatives.marks.retain(|id| portfolio.position(*id).is_some());
    }

    fn select_id(&mut self, id: i64) {
        let portfolio = &self.portfolio;
        let rows = &self.initiatives.view.rows;
        let found = rows.iter().position(|i| portfolio.rows.get(*i as usize).is_some_and(|r| r.id == id));
        if let Some(position) = found {
            let (len, page) = (rows.len(), self.page());
            self.initiatives.cursor.select(position, len, page);
        }
    }

    /// Recomputes the shown rows. `narrowing`: the new query can only drop rows from the
    /// current view (a longer search), so only those are tested again.
    fn refresh_view(&mut self, narrowing: bool) {
        let selected = self.selected_id();
        let screen = &mut self.initiatives;
        let within = narrowing.then(|| std::mem::take(&mut screen.view.rows));
        screen.view = self.portfolio.view(&screen.query, &mut screen.sort_cache, within.as_deref());
        screen.cursor.reset();
        self.matrix.forget();
        if let Some(id) = selected {
            self.select_id(id);
        }
    }

    /// Moves the cursor of the list the screen shows by `delta` rows.
    fn move_cursor(&mut self, delta: isize) {
        let page = self.page();
        match self.screen {
            Screen::Initiatives => self.initiatives.cursor.move_by(delta, self.initiatives.view.rows.len(), page),
            Screen::Sources => self.sources.cursor.move_by(delta, self.sources.batches.len(), page),
            Screen::Suggestions => {
                let len = self.suggestions.count();
                self.suggestions.cursor.move_by(delta, len, page);
            }
            Screen::Duplicates => {
                let page = self.duplicates_page();
                if let Some(duplicates) = self.duplicates.state.as_mut() {
                    duplicates.move_by(delta, page);
                }
            }
            Screen::Matrix => {
                let rows = self.matrix.matrix(&self.portfolio, &self.initiatives.view).rows.len();
                let row = self.matrix.cell.0.saturating_add_signed(delta);
                self.matrix.cell.0 = row.min(rows.saturating_sub(1));
            }
            Screen::Priorities | Screen::Scores | Screen::Portfolio => {
                let screen = self.screen;
                let Some(scoring) = self.scoring.state.as_mut() else { return };
                let rows = scoring.matrix.len();
                match (screen, scoring.focus) {
                    (Screen::Priorities, Focus::Weights) => {
                        scoring.weight_cursor.move_by(delta, scoring.matrix.columns(), page);
                    }
                    // The grid's header and the criterion line take two rows, the list's
                    // reason line one.
                    (Screen::Scores, _) => scoring.grid.move_by(delta, rows, page.saturating_sub(2)),
                    _ => scoring.list.move_by(delta, rows, page.saturating_sub(1)),
                }
            }
        }
    }

    /// Parses the filter bar; on success applies it, on error keeps the last good filter
    /// and shows why.
    fn apply_filter_text(&mut self, refresh: bool) {
        match parse_filter(self.initiatives.filter_input.text(), &self.portfolio, &self.resolver) {
            Ok(filter) => {
                self.initiatives.query.filter = filter;
                self.initiatives.filter_error = None;
                if refresh {
                    self.refresh_view(false);
                }
            }
            Err(error) => self.initiatives.filter_error = Some(describe_filter_error(&error, self.lang)),
        }
    }

    fn set_search(&mut self, text: &str) {
        let new = Search::new(text);
        let narrowing = match (&new, &self.initiatives.query.search) {
            (Some(new), Some(old)) => new.narrows(old),
            (Some(_), None) | (None, _) => false,
        };
        // Narrowing keeps tiers apart only by testing again; a longer query may move a row
        // to a lower tier, so the view is rebuilt from the previous rows, not just filtered.
        self.initiatives.query.search = new;
        self.refresh_view(narrowing);
    }
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
