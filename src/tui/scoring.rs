//! The prioritisation screens' state: the score matrix, weights, the live ranking, the budget
//! frame with its locks, and score edits with undo. The arithmetic is `crate::scoring`'s;
//! this only keeps what the screens show and what changed.

use super::list_cursor::ListCursor;
use crate::scoring::{
    Coverage, Duplicates, Locks, PlanInput, Prioritised, PriorityState, Ranking, ScoreEdit, ScoreMatrix, Weights,
};
use std::collections::BTreeSet;

/// Which pane of the priority screen the cursor keys move in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Weights,
    List,
}

/// What the plan's worker needs: cheap to copy, unlike the matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct SelectionJob {
    pub generation: u64,
    pub input: PlanInput,
}

pub struct ScoringState {
    pub matrix: ScoreMatrix,
    pub weights: Weights,
    pub ranking: Ranking,
    /// The ranking before the last weight change, for the movement arrows.
    pub previous: Option<Ranking>,
    spare: Ranking,
    pub focus: Focus,
    /// The selected criterion in the weights pane.
    pub weight_cursor: ListCursor,
    /// Place in the ranking (0 = best) of the selected row, and the first shown.
    pub list: ListCursor,
    /// The score grid's rows: the ranking when the grid was opened, kept while scores are
    /// typed so rows do not jump away from the cursor.
    pub grid_order: Vec<u32>,
    /// The score grid's cursor: place in `grid_order` (and the first shown), and criterion.
    pub grid: ListCursor,
    pub grid_col: usize,
    pub frame_nok: Option<i64>,
    pub locked_in: BTreeSet<usize>,
    pub locked_out: BTreeSet<usize>,
    /// The plan for the frame, with the optimised alternative and the curve.
    pub prioritised: Option<Prioritised>,
    /// Duplicate marks of the rows (decisions and open pairs of the review queue).
    pub duplicates: Duplicates,
    /// How many initiatives are ranked without hand scores.
    pub coverage: Coverage,
    /// Bumped on every change the selection depends on; a result for an older generation is
    /// stale and dropped.
    pub generation: u64,
    pub selecting: bool,
    /// How the frame is filled.
    pub mode: crate::scoring::Mode,
    /// Weights changed since they were last saved.
    pub weights_dirty: bool,
}

impl ScoringState {
    pub fn new(matrix: ScoreMatrix) -> Self {
        let weights = Weights::current(matrix.criteria());
        let ranking = matrix.rank(&weights);
        let coverage = matrix.coverage(&weights);
        let grid_col =
            matrix.criteria().iter().position(super::super::scoring::criteria::Criterion::is_manual).unwrap_or(0);
        Self {
            grid_order: ranking.order.clone(),
            matrix,
            weights,
            ranking,
            previous: None,
            spare: Ranking::default(),
            focus: Focus::List,
            weight_cursor: ListCursor::default(),
            list: ListCursor::default(),
            grid: ListCursor::default(),
            grid_col,
            frame_nok: None,
            locked_in: BTreeSet::new(),
            locked_out: BTreeSet::new(),
            prioritised: None,
            duplicates: Duplicates::default(),
            coverage,
            generation: 0,
            selecting: false,
            mode: crate::scoring::Mode::default(),
            weights_dirty: false,
        }
    }

    /// The matrix row at a place of the list (0 = first): the plan's order with a frame
    /// (benefit per krone reorders it), else the ranking's.
    pub fn row_at(&self, place: usize) -> Option<usize> {
        match &self.prioritised {
            Some(p) if p.plan.order.len() == self.ranking.len() => p.plan.order.get(place).copied(),
            _ => self.ranking.order.get(place).map(|r| *r as usize),
        }
    }

    /// The matrix row at a place of the score grid.
    pub fn grid_row_at(&self, place: usize) -> Option<usize> {
        self.grid_order.get(place).map(|r| *r as usize)
    }

    /// Orders the score grid by the current ranking (when the grid is opened).
    pub fn refresh_grid(&mut self) {
        let id = self.grid_row_at(self.grid.selected()).map(|r| self.matrix.row(r).id);
        self.grid_order = self.ranking.order.clone();
        if let Some(row) = id.and_then(|id| self.matrix.row_of(id)) {
            let place = self.ranking.rank(row).saturating_sub(1) as usize;
            self.grid.set(place, self.grid_order.len());
        }
    }

    /// Ranks again after weights or scores changed; the old ranking is kept for the arrows.
    pub fn rerank(&mut self) {
        self.matrix.rank_into(&self.weights, &mut self.spare);
        std::mem::swap(&mut self.spare, &mut self.ranking);
        // The spare now holds the ranking before the change.
        match &mut self.previous {
            Some(previous) => std::mem::swap(previous, &mut self.spare),
            None => self.previous = Some(std::mem::take(&mut self.spare)),
        }
        self.coverage = self.matrix.coverage(&self.weights);
        self.generation += 1;
    }

    /// Changes the selected criterion's weight by `delta` points (never below zero).
    pub fn change_weight(&mut self, delta: f64) -> bool {
        let mut values = self.weights.as_slice().to_vec();
        let Some(value) = values.get_mut(self.weight_cursor.selected()) else { return false };
        let new = (*value + delta).max(0.0);
        // Exact: the weight stays as it was only when clamping at zero changed nothing.
        #[allow(clippy::float_cmp)]
        let unchanged = new == *value;
        if unchanged {
            return false;
        }
        *value = new;
        if values.iter().all(|v| *v == 0.0) {
            // Every weight at zero ranks nothing; keep the last one.
            return false;
        }
        match Weights::new(values) {
            Ok(weights) => {
                self.weights = weights;
                self.weights_dirty = true;
                self.rerank();
                true
            }
            Err(_) => false,
        }
    }

    pub fn reset_weights(&mut self) {
        self.weights = Weights::defaults(self.matrix.criteria());
        self.weights_dirty = true;
        self.rerank();
    }

    /// The job that works out the plan again, when a frame is set.
    pub fn selection_job(&mut self) -> Option<SelectionJob> {
        let frame_nok = self.frame_nok?;
        self.selecting = true;
        let locks = Locks {
            locked_in: self.locked_in.iter().copied().collect(),
            locked_out: self.locked_out.iter().copied().collect(),
        };
        let input = self.matrix.plan_input(&self.ranking, &self.weights, frame_nok, locks, self.mode, &self.duplicates);
        Some(SelectionJob { generation: self.generation, input })
    }

    /// Takes a finished plan unless something changed since it started.
    pub fn selection_done(&mut self, generation: u64, prioritised: Prioritised) {
        if generation == self.generation {
            self.prioritised = Some(prioritised);
            self.selecting = false;
        }
    }

    /// Steps to the next way of filling the frame.
    pub fn cycle_mode(&mut self) {
        self.mode = self.mode.next();
        self.generation += 1;
    }

    /// What is kept between sessions (weights are stored with the criteria).
    pub fn priority_state(&self) -> PriorityState {
        let id = |row: &usize| self.matrix.row(*row).id;
        PriorityState {
            frame_nok: self.frame_nok,
            mode: self.mode,
            locked_in: self.locked_in.iter().map(id).collect(),
            locked_out: self.locked_out.iter().map(id).collect(),
        }
    }

    /// Takes back a kept state; locks on initiatives no longer active are dropped.
    pub fn restore(&mut self, state: &PriorityState) {
        self.frame_nok = state.frame_nok;
        self.mode = state.mode;
        self.locked_in = state.locked_in.iter().filter_map(|id| self.matrix.row_of(*id)).collect();
        self.locked_out = state.locked_out.iter().filter_map(|id| self.matrix.row_of(*id)).collect();
        self.prioritised = None;
        self.generation += 1;
    }

    /// New duplicate marks (the review queue arrived or a pair was decided).
    pub fn set_duplicates(&mut self, duplicates: Duplicates) {
        self.duplicates = duplicates;
        self.generation += 1;
    }

    pub fn set_frame(&mut self, frame_nok: Option<i64>) {
        self.frame_nok = frame_nok;
        self.prioritised = None;
        self.generation += 1;
    }

    /// Locks the row in (or out), or releases it when it already is.
    pub fn toggle_lock(&mut self, row: usize, into: bool) {
        let (set, other) = if into {
            (&mut self.locked_in, &mut self.locked_out)
        } else {
            (&mut self.locked_out, &mut self.locked_in)
        };
        if !set.remove(&row) {
            set.insert(row);
            other.remove(&row);
        }
        self.generation += 1;
    }

    /// Whether a row is in the chosen set (false while none is computed).
    pub fn in_frame(&self, row: usize) -> bool {
        self.prioritised.as_ref().is_some_and(|p| p.plan.in_frame.get(row).copied().unwrap_or(false))
    }

    /// Places gained since the previous ranking (positive: up).
    pub fn gained(&self, row: usize) -> i64 {
        self.previous.as_ref().map_or(0, |previous| self.ranking.gained_since(previous, row))
    }

    /// Applies a stored score edit (new, undone or redone) and ranks again.
    pub fn apply_edit(&mut self, edit: &ScoreEdit) -> crate::Result<()> {
        self.matrix.apply(edit)?;
        self.rerank();
        Ok(())
    }

    /// Moves the grid cursor to the next criterion analysts score, wrapping to the next row.
    pub fn grid_next_manual(&mut self) {
        let columns = self.matrix.columns();
        let manual: Vec<usize> = (0..columns).filter(|c| self.matrix.criteria().list[*c].is_manual()).collect();
        let Some(&first) = manual.first() else { return };
        if let Some(next) = manual.iter().find(|c| **c > self.grid_col) {
            self.grid_col = *next;
        } else {
            self.grid_col = first;
            self.grid.set(self.grid.selected() + 1, self.grid_order.len());
        }
    }
}
