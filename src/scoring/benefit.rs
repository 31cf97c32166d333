//! What a plan is made of, from a score matrix: each initiative's benefit score beside its
//! total, the plan's input, and how much of the ranking rests on scores nobody gave.

use super::criteria::DerivedField;
use super::duplicates::Duplicates;
use super::matrix::ScoreMatrix;
use super::optimise::{PlanInput, Prioritised, prioritise};
use super::plan::{Locks, Mode, PlanItem};
use super::ranking::{Ranking, totals_into};
use super::weights::Weights;
use crate::error::Result;
use serde::Serialize;

/// How much of the ranking stands on hand scores.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Coverage {
    /// Initiatives with no hand score on any weighted criterion that is scored by hand: their
    /// place rests on the derived criteria alone.
    pub without_hand_scores: usize,
    /// Initiatives with some but not all weighted hand-scored criteria scored.
    pub partly_scored: usize,
    /// The weighted criteria that derive themselves (what those rankings rest on).
    pub derived: Vec<usize>,
    /// The share (0..1) of the weights on criteria scored by hand.
    pub hand_share: f64,
}

impl Coverage {
    /// True when some initiatives' places rest on derived criteria alone.
    pub fn is_thin(&self) -> bool {
        self.without_hand_scores > 0 && self.hand_share > 0.0
    }
}

impl ScoreMatrix {
    /// Which criteria measure cost (derived from an amount): with a frame, the frame charges
    /// cost, so the benefit score leaves them out.
    pub fn is_cost(&self, column: usize) -> bool {
        matches!(
            self.criteria().list.get(column).and_then(|c| c.derived_from),
            Some(DerivedField::AmountMnok | DerivedField::TotalCostMnok)
        )
    }

    /// The weights without the cost criteria; the weights themselves when nothing else
    /// weighs anything (a benefit of 0 everywhere would tell nothing).
    pub fn benefit_weights(&self, weights: &Weights) -> Weights {
        let values: Vec<f64> =
            (0..self.columns()).map(|c| if self.is_cost(c) { 0.0 } else { weights.get(c) }).collect();
        match Weights::new(values) {
            Ok(benefit) if !benefit.is_zero() => benefit,
            _ => weights.clone(),
        }
    }

    /// Each row's benefit score (0..100) under `weights`.
    pub fn benefit_totals(&self, weights: &Weights) -> Vec<f64> {
        let mut totals = Vec::new();
        let shares = self.benefit_weights(weights).shares();
        if shares.len() == self.columns() {
            totals_into(self.normalised_cells(), &shares, &mut totals);
        }
        for total in &mut totals {
            *total *= 100.0;
        }
        totals.resize(self.len(), 0.0);
        totals
    }

    /// The plan's input for a ranking made with `weights` (locks are rows).
    pub fn plan_input(
        &self,
        ranking: &Ranking,
        weights: &Weights,
        frame_nok: i64,
        locks: Locks,
        mode: Mode,
        duplicates: &Duplicates,
    ) -> PlanInput {
        let benefit = self.benefit_totals(weights);
        let items = self
            .rows()
            .iter()
            .enumerate()
            .map(|(row, c)| PlanItem {
                id: c.id,
                cost_nok: c.amount_nok,
                total: ranking.totals[row],
                benefit: benefit[row],
            })
            .collect();
        PlanInput {
            items,
            rank_order: ranking.rows().collect(),
            frame_nok,
            resolution_nok: 0,
            locks,
            mode,
            confirmed_groups: duplicates.confirmed_groups.clone(),
            compare: true,
        }
    }

    /// The plan for a frame, with the comparison and the curve: what `samla rank`, the brief
    /// and the priority screen's worker all call.
    #[allow(clippy::too_many_arguments)] // the plan's inputs one by one; `plan_input` bundles them
    pub fn prioritise(
        &self,
        ranking: &Ranking,
        weights: &Weights,
        frame_nok: i64,
        locks: Locks,
        mode: Mode,
        duplicates: &Duplicates,
    ) -> Result<Prioritised> {
        prioritise(&self.plan_input(ranking, weights, frame_nok, locks, mode, duplicates))
    }

    /// How many initiatives are ranked without hand scores, under `weights`.
    pub fn coverage(&self, weights: &Weights) -> Coverage {
        let columns = self.columns();
        let hand: Vec<usize> =
            (0..columns).filter(|&c| self.criteria().list[c].is_manual() && weights.get(c) > 0.0).collect();
        let derived = (0..columns).filter(|&c| !self.criteria().list[c].is_manual() && weights.get(c) > 0.0).collect();
        let mut coverage = Coverage {
            derived,
            hand_share: hand.iter().map(|&c| weights.get(c)).sum::<f64>() / weights.sum().max(f64::MIN_POSITIVE),
            ..Coverage::default()
        };
        if hand.is_empty() {
            return coverage;
        }
        for row in 0..self.len() {
            let scored = hand.iter().filter(|&&c| self.value(row, c).is_some()).count();
            if scored == 0 {
                coverage.without_hand_scores += 1;
            } else if scored < hand.len() {
                coverage.partly_scored += 1;
            }
        }
        coverage
    }

    /// The rows with no hand score on any weighted criterion that is scored by hand (those
    /// [`Coverage::without_hand_scores`] counts); none when no such criterion is weighted.
    pub fn without_hand_scores(&self, weights: &Weights) -> Vec<usize> {
        let hand: Vec<usize> =
            (0..self.columns()).filter(|&c| self.criteria().list[c].is_manual() && weights.get(c) > 0.0).collect();
        if hand.is_empty() {
            return Vec::new();
        }
        (0..self.len()).filter(|&row| hand.iter().all(|&c| self.value(row, c).is_none())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Candidate;

    #[test]
    fn benefit_leaves_cost_out_and_coverage_counts_unscored_rows() {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("criteria");
        let nytte = criteria.require("nytte").expect("nytte");
        let cheap = Candidate { id: 1, amount_nok: Some(1_000_000), ..Candidate::default() };
        let dear = Candidate { id: 2, amount_nok: Some(1_000_000_000), ..Candidate::default() };
        let matrix = ScoreMatrix::new(criteria, vec![cheap, dear], [(1, nytte, 5.0)]);
        let weights = Weights::current(matrix.criteria());
        let ranking = matrix.rank(&weights);
        let benefit = matrix.benefit_totals(&weights);
        let cost = matrix.criteria().require("kostnad").expect("kostnad");
        assert!(matrix.is_cost(cost) && !matrix.is_cost(nytte));
        // The cost criterion separates the totals by its full weight; the benefit not at all.
        let gap_total = ranking.totals[0] - ranking.totals[1];
        let gap_benefit = benefit[0] - benefit[1];
        assert!(gap_total > gap_benefit + 5.0, "{gap_total} vs {gap_benefit}");
        let coverage = matrix.coverage(&weights);
        assert_eq!((coverage.without_hand_scores, coverage.partly_scored), (1, 1));
        assert_eq!(matrix.without_hand_scores(&weights), vec![matrix.row_of(2).expect("row")], "the same row");
        assert!(coverage.is_thin());
        assert_eq!(coverage.derived.len(), 5);
        assert!((coverage.hand_share - 0.5).abs() < 1e-9, "nytte, strategi, analyse: 50 of 100");
    }
}
