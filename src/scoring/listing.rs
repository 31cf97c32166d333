//! The priority list row by row, as `samla rank --format json|csv` gives it and the screen
//! and the brief show it: place, rank, total, each criterion's score and whether it was given
//! by hand or derived, the amount, whether the frame funds it, and why not.

use super::describe::{duplicate_text, reason_text};
use super::duplicates::{DuplicateMark, Duplicates};
use super::matrix::ScoreMatrix;
use super::optimise::Prioritised;
use super::plan::Reason;
use super::ranking::Ranking;
use super::weights::Weights;
use crate::i18n::Lang;
use serde::Serialize;

/// Where a criterion's score came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Given {
    /// Scored by an analyst.
    Hand,
    /// Computed from the initiative's fields.
    Derived,
    /// Neither: it counts as the middle of its scale.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    pub code: String,
    /// The value on the criterion's scale; None when missing.
    pub score: Option<f64>,
    pub given: Given,
    /// What it adds to the total (0..100 scale).
    pub points: f64,
}

/// One initiative of the priority list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListedRow {
    /// Its place in this list (1 = first); the list follows the plan's order.
    pub place: usize,
    /// Its place in the ranking by total score.
    pub rank: u32,
    #[serde(skip)]
    pub row: usize,
    pub id: i64,
    pub title: String,
    pub total: f64,
    /// The total without the cost criteria: what the optimised set maximises.
    pub benefit: f64,
    pub criteria: Vec<CriterionScore>,
    pub amount_nok: Option<i64>,
    /// Whether the frame funds it; None without a frame.
    pub selected: Option<bool>,
    pub reason: Option<Reason>,
    /// The reason in words, in the list's language.
    pub reason_text: Option<String>,
    pub duplicate: Option<DuplicateMark>,
    pub duplicate_text: Option<String>,
    pub incomplete: bool,
}

/// What a list is made from.
pub struct ListSource<'a> {
    pub matrix: &'a ScoreMatrix,
    pub ranking: &'a Ranking,
    pub weights: &'a Weights,
    pub benefit: &'a [f64],
    pub prioritised: Option<&'a Prioritised>,
    pub duplicates: &'a Duplicates,
}

impl ListSource<'_> {
    /// The rows in the list's order: the plan's with a frame, the ranking's without.
    pub fn order(&self) -> Vec<usize> {
        match self.prioritised {
            Some(p) => p.plan.order.clone(),
            None => self.ranking.rows().collect(),
        }
    }

    /// One row as the list shows it (`place` 1-based).
    pub fn row(&self, place: usize, row: usize, lang: Lang) -> ListedRow {
        let matrix = self.matrix;
        let shares = self.weights.shares();
        let candidate = matrix.row(row);
        let criteria = matrix
            .criteria()
            .iter()
            .enumerate()
            .map(|(c, criterion)| {
                let score = matrix.value(row, c);
                CriterionScore {
                    code: criterion.code.clone(),
                    score: score.map(|v| round(v, 3)),
                    given: match (score, criterion.is_manual()) {
                        (None, _) => Given::Missing,
                        (Some(_), true) => Given::Hand,
                        (Some(_), false) => Given::Derived,
                    },
                    points: round(100.0 * shares.get(c).copied().unwrap_or(0.0) * matrix.normalised(row, c), 3),
                }
            })
            .collect();
        let plan = self.prioritised.map(|p| &p.plan);
        let reason = plan.and_then(|p| p.reason(row));
        let duplicate = self.duplicates.mark(row).cloned();
        ListedRow {
            place,
            rank: self.ranking.rank(row),
            row,
            id: candidate.id,
            title: candidate.title.clone(),
            total: round(self.ranking.totals[row], 3),
            benefit: round(self.benefit.get(row).copied().unwrap_or(0.0), 3),
            criteria,
            amount_nok: candidate.amount_nok,
            selected: plan.map(|p| p.in_frame[row]),
            reason_text: reason.map(|r| reason_text(r, lang)),
            reason,
            duplicate_text: duplicate.as_ref().map(|d| duplicate_text(d, lang)),
            duplicate,
            incomplete: !matrix.is_complete(row),
        }
    }

    /// The first `limit` rows of the list.
    pub fn rows(&self, limit: usize, lang: Lang) -> Vec<ListedRow> {
        self.order().into_iter().take(limit).enumerate().map(|(i, row)| self.row(i + 1, row, lang)).collect()
    }
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    let rounded = (value * factor).round() / factor;
    // Never "-0": a sum of rounded parts can land a hair below zero.
    if rounded == 0.0 { 0.0 } else { rounded }
}

/// Rounds `parts` to `places` decimals so that the rounded parts add up to their sum rounded
/// the same way (largest remainder): a shown breakdown always adds up to its shown total.
pub fn rounded_parts(parts: &[f64], places: i32) -> Vec<f64> {
    let factor = 10f64.powi(places);
    let scaled: Vec<f64> = parts.iter().map(|p| p * factor).collect();
    let target = scaled.iter().sum::<f64>().round() as i64;
    let mut units: Vec<i64> = scaled.iter().map(|s| s.floor() as i64).collect();
    let mut short = target - units.iter().sum::<i64>();
    let mut by_remainder: Vec<usize> = (0..parts.len()).collect();
    by_remainder.sort_by(|&a, &b| (scaled[b] - scaled[b].floor()).total_cmp(&(scaled[a] - scaled[a].floor())));
    for &i in by_remainder.iter().cycle().take(parts.len() * 2) {
        if short == 0 {
            break;
        }
        units[i] += short.signum();
        short -= short.signum();
    }
    units.into_iter().map(|u| u as f64 / factor).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounded_parts_add_up_to_the_rounded_total() {
        let parts = [10.04, 10.04, 10.04, 5.55];
        let rounded = rounded_parts(&parts, 1);
        let total: f64 = parts.iter().sum();
        assert!(((rounded.iter().sum::<f64>()) - (total * 10.0).round() / 10.0).abs() < 1e-9, "{rounded:?}");
        assert_eq!(rounded_parts(&[], 1), Vec::<f64>::new());
        assert_eq!(rounded_parts(&[0.25, 0.25], 1).iter().sum::<f64>(), 0.5);
    }
}
