//! Scenarios: a named set of weights, a budget frame and locks, and what changes between two.

use super::budget::Frame;
use super::duplicates::Duplicates;
use super::matrix::ScoreMatrix;
use super::plan::Mode;
use super::plan::{Locks, Plan};
use super::ranking::Ranking;
use super::weights::Weights;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A saved way of weighing: weights by criterion code, an optional frame, and locks by
/// initiative id.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Scenario {
    pub name: String,
    pub weights: BTreeMap<String, f64>,
    pub budget_nok: Option<i64>,
    pub resolution_nok: Option<i64>,
    #[serde(default)]
    pub locked_in: Vec<i64>,
    #[serde(default)]
    pub locked_out: Vec<i64>,
    #[serde(default)]
    pub saved_at: String,
    #[serde(default)]
    pub saved_by: String,
    /// How the frame is filled.
    #[serde(default)]
    pub mode: Mode,
}

/// What the priority screens keep between sessions besides the weights (which are stored
/// with the criteria): the frame, how it is filled, and the locks (initiative ids).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct PriorityState {
    pub frame_nok: Option<i64>,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub locked_in: Vec<i64>,
    #[serde(default)]
    pub locked_out: Vec<i64>,
}

/// A scenario applied to a score matrix.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub weights: Weights,
    pub ranking: Ranking,
    /// The plan of its frame, filled in its mode.
    pub plan: Option<Plan>,
    /// What did not carry over: criteria the scenario does not name (they weigh 0), codes it
    /// names that no longer exist, locked initiatives that are no longer active.
    pub notes: Vec<String>,
}

impl Scenario {
    /// The frame with the locks as rows of `matrix` (locks on initiatives it lacks are
    /// skipped and named in `notes`).
    pub fn frame(&self, matrix: &ScoreMatrix, notes: &mut Vec<String>) -> Option<Frame> {
        let budget = self.budget_nok?;
        let mut rows = |ids: &[i64]| -> Vec<usize> {
            ids.iter()
                .filter_map(|&id| {
                    let row = matrix.row_of(id);
                    if row.is_none() {
                        notes.push(format!("initiative {id} is locked but no longer active; the lock is skipped"));
                    }
                    row
                })
                .collect()
        };
        let locked_in = rows(&self.locked_in);
        let locked_out = rows(&self.locked_out);
        Some(Frame {
            frame_nok: budget,
            resolution_nok: self.resolution_nok.unwrap_or_default(),
            locked_in,
            locked_out,
            curve_to_nok: None,
        })
    }

    /// Ranks (and fills its frame, in its mode) under this scenario; `duplicates` are the
    /// marks of the matrix's rows (confirmed groups are funded once).
    pub fn evaluate(&self, matrix: &ScoreMatrix, duplicates: &Duplicates) -> Result<Outcome> {
        let (weights, mut notes) = self.weights_for(matrix)?;
        let ranking = matrix.rank(&weights);
        let plan = match self.frame(matrix, &mut notes) {
            Some(frame) => {
                let locks = Locks { locked_in: frame.locked_in, locked_out: frame.locked_out };
                let mut input = matrix.plan_input(&ranking, &weights, frame.frame_nok, locks, self.mode, duplicates);
                input.resolution_nok = frame.resolution_nok;
                input.compare = false;
                Some(super::optimise::prioritise(&input)?.plan)
            }
            None => None,
        };
        Ok(Outcome { weights, ranking, plan, notes })
    }
}

impl Scenario {
    /// The scenario's weights for `matrix`'s criteria, with notes on what did not carry over
    /// (criteria it does not name weigh 0; codes no longer defined are ignored).
    pub fn weights_for(&self, matrix: &ScoreMatrix) -> Result<(Weights, Vec<String>)> {
        let (weights, unnamed, unknown) = Weights::from_codes(matrix.criteria(), &self.weights)?;
        let mut notes = Vec::new();
        if !unnamed.is_empty() {
            notes.push(format!("criteria added since '{}' was saved weigh 0 in it: {}", self.name, unnamed.join(", ")));
        }
        if !unknown.is_empty() {
            notes.push(format!("criteria no longer defined are ignored: {}", unknown.join(", ")));
        }
        Ok((weights, notes))
    }
}

impl Outcome {
    /// The set a scenario puts forward: its plan within the frame, or else its top N.
    pub fn set(&self, top_n: usize) -> Vec<usize> {
        match &self.plan {
            Some(plan) => plan.chosen.clone(),
            None => self.ranking.rows().take(top_n).collect(),
        }
    }
}

/// Two scenarios side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Each scenario's set (its selection, or its top N), in its own rank order.
    pub set_a: Vec<usize>,
    pub set_b: Vec<usize>,
    /// In B's set but not in A's, in B's order.
    pub entered: Vec<usize>,
    /// In A's set but not in B's, in A's order.
    pub left: Vec<usize>,
    /// In both, with their places in A and in B, in B's order.
    pub kept: Vec<(usize, u32, u32)>,
}

/// What changes from scenario A to B: who enters and leaves the set, and how the rest move.
pub fn compare(a: &Outcome, b: &Outcome, top_n: usize) -> Comparison {
    let set_a = a.set(top_n);
    let set_b = b.set(top_n);
    let entered = set_b.iter().copied().filter(|r| !set_a.contains(r)).collect();
    let left = set_a.iter().copied().filter(|r| !set_b.contains(r)).collect();
    let kept = set_b
        .iter()
        .copied()
        .filter(|r| set_a.contains(r))
        .map(|r| (r, a.ranking.rank(r), b.ranking.rank(r)))
        .collect();
    Comparison { set_a, set_b, entered, left, kept }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Candidate;

    #[test]
    fn comparing_scenarios_shows_who_enters_and_leaves() {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("criteria");
        let nytte = criteria.require("nytte").expect("nytte");
        let strategi = criteria.require("strategi").expect("strategi");
        let rows = (1..=4).map(|id| Candidate { id, amount_nok: Some(10_000_000), ..Candidate::default() }).collect();
        let scores = [(1, nytte, 5.0), (2, nytte, 4.0), (3, strategi, 5.0), (4, strategi, 4.0)];
        let matrix = ScoreMatrix::new(criteria, rows, scores.iter().copied());
        let only = |code: &str| Scenario {
            name: code.into(),
            weights: [(code.to_string(), 1.0)].into_iter().collect(),
            ..Scenario::default()
        };
        let a = only("nytte").evaluate(&matrix, &Duplicates::default()).expect("a");
        let b = only("strategi").evaluate(&matrix, &Duplicates::default()).expect("b");
        assert!(a.notes[0].contains("weigh 0"), "{:?}", a.notes);
        let diff = compare(&a, &b, 2);
        let ids = |rows: &[usize]| rows.iter().map(|&r| matrix.row(r).id).collect::<Vec<_>>();
        assert_eq!(ids(&diff.set_a), vec![1, 2]);
        assert_eq!(ids(&diff.entered), vec![3, 4]);
        assert_eq!(ids(&diff.left), vec![1, 2]);

        let framed =
            Scenario { budget_nok: Some(20_000_000), locked_in: vec![4], locked_out: vec![99], ..only("nytte") };
        let outcome = framed.evaluate(&matrix, &Duplicates::default()).expect("framed");
        assert_eq!(ids(&outcome.set(0)), vec![1, 4]);
        assert!(outcome.notes.iter().any(|n| n.contains("99")));
    }
}
