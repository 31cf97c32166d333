//! The state each screen owns. `App` holds one of each and the state the screens share (the
//! portfolio, the overlay, the job, undo); a screen's cursor and what it derives from the
//! portfolio live here, so moving on one screen can never disturb another.

use super::super::duplicates::DuplicatesState;
use super::super::input::LineInput;
use super::super::list_cursor::ListCursor;
use crate::model::Batch;
use crate::portfolio::matrix::Matrix;
use crate::portfolio::{Portfolio, SortCache, View, ViewQuery};
use crate::suggest::Suggestions;
use crate::tui::scoring::ScoringState;
use std::cell::OnceCell;
use std::collections::HashSet;

/// Tiltak: the portfolio's rows as the search, filter and sort show them.
#[derive(Default)]
pub struct InitiativesScreen {
    pub query: ViewQuery,
    pub view: View,
    pub(super) sort_cache: SortCache,
    pub search_input: LineInput,
    pub filter_input: LineInput,
    pub filter_error: Option<String>,
    /// What the filter and search bars held when editing began (esc puts it back).
    pub(super) filter_before_edit: String,
    pub(super) search_before_edit: String,
    /// Selected row and first row shown, as places in `view.rows`.
    pub cursor: ListCursor,
    pub marks: HashSet<i64>,
}

/// Kilder: the import rounds, newest first.
#[derive(Default)]
pub struct SourcesScreen {
    pub batches: Vec<Batch>,
    pub cursor: ListCursor,
}

/// Forslag: life events and owners suggested for untagged initiatives.
#[derive(Default)]
pub struct SuggestionsScreen {
    pub list: Option<Suggestions>,
    pub loading: bool,
    pub cursor: ListCursor,
}

impl SuggestionsScreen {
    /// Life-event suggestions first, then owner suggestions, as the list shows them.
    pub fn count(&self) -> usize {
        self.list.as_ref().map_or(0, |s| s.life_events.len() + s.owners.len())
    }
}

/// Matrise: ministries down, life events across, of the rows Tiltak shows.
#[derive(Default)]
pub struct MatrixScreen {
    /// The selected cell: ministry row and life-event column.
    pub cell: (usize, usize),
    /// The matrix of the current view, built when first drawn and kept until the view or
    /// the portfolio changes (`App::refresh_view` forgets it).
    cache: OnceCell<Matrix>,
}

impl MatrixScreen {
    /// The matrix of `view`, built once per view.
    pub fn matrix(&self, portfolio: &Portfolio, view: &View) -> &Matrix {
        self.cache.get_or_init(|| Matrix::of(portfolio, view))
    }

    /// Forgets the matrix: the rows it counts have changed.
    pub fn forget(&mut self) {
        self.cache = OnceCell::new();
    }
}

/// Prioritering, Poeng and Portefølje: one score matrix, ranking and plan for all three,
/// loaded when the first of them opens.
#[derive(Default)]
pub struct ScoringScreens {
    pub state: Option<Box<ScoringState>>,
    pub loading: bool,
    /// On Poeng: digits type scores (entered with enter, left with esc).
    pub editing: bool,
}

/// Duplikater: the review queue of candidate pairs, built by a job at start and after
/// imports.
#[derive(Default)]
pub struct DuplicatesScreen {
    pub state: Option<DuplicatesState>,
    pub loading: bool,
    /// Initiatives with an open candidate pair or a duplicate/overlap decision: the
    /// Tiltak table marks them.
    pub flagged: HashSet<i64>,
}
