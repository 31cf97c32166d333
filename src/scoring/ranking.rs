//! Ranking: weighted totals, the order they give, who moved since the previous ranking, and
//! each criterion's contribution to one initiative's total.

use super::matrix::ScoreMatrix;
use super::weights::Weights;
use serde::Serialize;

/// Totals are compared at this resolution (of the 0..1 total), so that weights that are equal
/// in proportion (1:2 and 3:6) give the same order even where floating-point sums differ in
/// the last bit; equal totals fall back to id order.
const TOTAL_QUANTUM: f64 = 1e9;

/// An order of the matrix's rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    /// Row indices, best first.
    pub order: Vec<u32>,
    /// Each row's place, 1 = best.
    pub rank_of: Vec<u32>,
    /// Each row's total score, 0..100.
    pub totals: Vec<f64>,
}

/// A row that changed place between two rankings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Move {
    pub row: usize,
    pub from: u32,
    pub to: u32,
}

impl Move {
    /// Places gained (positive) or lost (negative).
    pub fn gained(&self) -> i64 {
        i64::from(self.from) - i64::from(self.to)
    }
}

/// Who moved up and who moved down, the largest moves first.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Movement {
    pub up: Vec<Move>,
    pub down: Vec<Move>,
}

/// Writes each row's 0..1 total for `shares` (weights summing to 1) into `totals`.
pub fn totals_into(cells: &[f64], shares: &[f64], totals: &mut Vec<f64>) {
    totals.clear();
    let columns = shares.len();
    if columns == 0 {
        return;
    }
    totals.extend(cells.chunks_exact(columns).map(|row| row.iter().zip(shares).map(|(v, w)| v * w).sum::<f64>()));
}

/// Sort keys: the smaller, the better; equal totals in row (id) order.
pub(crate) fn sort_key(total01: f64, row: usize) -> u64 {
    let quantised = (total01.clamp(0.0, 1.0) * TOTAL_QUANTUM).round() as u64;
    ((TOTAL_QUANTUM as u64 - quantised) << 32) | row as u64
}

impl Ranking {
    /// The place (1 = best) of a row.
    pub fn rank(&self, row: usize) -> u32 {
        self.rank_of[row]
    }

    /// The row at a place (1 = best).
    pub fn at(&self, place: usize) -> Option<usize> {
        self.order.get(place.checked_sub(1)?).map(|&r| r as usize)
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Rows in order, best first.
    pub fn rows(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().map(|&r| r as usize)
    }

    /// Places gained (positive) or lost since `previous`, for a row (an arrow on screen).
    pub fn gained_since(&self, previous: &Ranking, row: usize) -> i64 {
        match previous.rank_of.get(row) {
            Some(&before) => i64::from(before) - i64::from(self.rank_of[row]),
            None => 0,
        }
    }

    /// Every row that moved since `previous` (a ranking of the same matrix), largest moves
    /// first, then by new place.
    pub fn movement(&self, previous: &Ranking) -> Movement {
        self.moves(previous, usize::MAX)
    }

    /// The `limit` largest moves up and down since `previous`: what a live screen shows after
    /// each weight change, without sorting every row that moved (use
    /// [`Ranking::gained_since`] for the arrow on each visible row).
    pub fn largest_moves(&self, previous: &Ranking, limit: usize) -> Movement {
        self.moves(previous, limit)
    }

    fn moves(&self, previous: &Ranking, limit: usize) -> Movement {
        // Each move is packed into one u64 (largest move first, then new place) so that the
        // sort is over plain integers: after a big weight change nearly every one of 100 000
        // rows moves. New places are unique, so the order is fully determined.
        let mut up: Vec<u64> = Vec::new();
        let mut down: Vec<u64> = Vec::new();
        for (&to, &from) in self.rank_of.iter().zip(&previous.rank_of) {
            let key = (u64::from(u32::MAX - to.abs_diff(from)) << 32) | u64::from(to);
            match to.cmp(&from) {
                std::cmp::Ordering::Less => up.push(key),
                std::cmp::Ordering::Greater => down.push(key),
                std::cmp::Ordering::Equal => {}
            }
        }
        let unpack = |mut keys: Vec<u64>| -> Vec<Move> {
            if keys.len() > limit {
                keys.select_nth_unstable(limit);
                keys.truncate(limit);
            }
            keys.sort_unstable();
            keys.into_iter()
                .map(|key| {
                    let to = (key & 0xFFFF_FFFF) as u32;
                    let row = self.order[to as usize - 1] as usize;
                    Move { row, from: previous.rank_of[row], to }
                })
                .collect()
        };
        Movement { up: unpack(up), down: unpack(down) }
    }
}

/// One criterion's part in a total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    pub code: String,
    /// The value on the criterion's scale; None when missing.
    pub value: Option<f64>,
    /// 0..1, 1 = best; a missing value counts as 0.5.
    pub normalised: f64,
    /// The criterion's weight as a share of all weights (0..1).
    pub weight_share: f64,
    /// Points it adds to the 0..100 total: 100 × weight share × normalised.
    pub points: f64,
    pub missing: bool,
}

/// Why a row has its total: each criterion's contribution; they add up to `total`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub row: usize,
    pub total: f64,
    pub contributions: Vec<Contribution>,
    pub incomplete: bool,
}

impl ScoreMatrix {
    /// Ranks every row by its weighted total.
    pub fn rank(&self, weights: &Weights) -> Ranking {
        let mut ranking = Ranking::default();
        self.rank_into(weights, &mut ranking);
        ranking
    }

    /// Ranks into an existing ranking, reusing its memory (for a live screen: keep the old
    /// ranking to compare, rank into a spare one, swap).
    pub fn rank_into(&self, weights: &Weights, ranking: &mut Ranking) {
        let shares = weights.shares();
        let shares = if shares.len() == self.columns() { shares } else { vec![0.0; self.columns()] };
        totals_into(self.normalised_cells(), &shares, &mut ranking.totals);
        let mut keys: Vec<u64> = ranking.totals.iter().enumerate().map(|(row, &t)| sort_key(t, row)).collect();
        keys.sort_unstable();
        ranking.order.clear();
        ranking.order.extend(keys.iter().map(|k| (k & 0xFFFF_FFFF) as u32));
        ranking.rank_of.resize(self.len(), 0);
        for (place, &row) in ranking.order.iter().enumerate() {
            ranking.rank_of[row as usize] = place as u32 + 1;
        }
        for total in &mut ranking.totals {
            *total *= 100.0;
        }
    }

    /// Each criterion's contribution to a row's total under `weights`.
    pub fn explain(&self, weights: &Weights, row: usize) -> Explanation {
        let shares = weights.shares();
        let contributions: Vec<Contribution> = self
            .criteria()
            .iter()
            .enumerate()
            .map(|(column, criterion)| {
                let value = self.value(row, column);
                let normalised = self.normalised(row, column);
                let weight_share = shares.get(column).copied().unwrap_or(0.0);
                Contribution {
                    code: criterion.code.clone(),
                    value,
                    normalised,
                    weight_share,
                    points: 100.0 * weight_share * normalised,
                    missing: value.is_none(),
                }
            })
            .collect();
        let total = contributions.iter().map(|c| c.points).sum();
        let incomplete = contributions.iter().any(|c| c.missing);
        Explanation { row, total, contributions, incomplete }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Candidate, Criteria, CriteriaFile};

    pub(crate) fn two_criteria() -> Criteria {
        let text = "[[criterion]]\ncode = \"a\"\nname_nb = \"A\"\nname_en = \"A\"\nscale = [0, 10]\nweight = 1\n\
                    [[criterion]]\ncode = \"b\"\nname_nb = \"B\"\nname_en = \"B\"\nscale = [0, 10]\nweight = 1\n";
        let file: CriteriaFile = crate::reference::parse("t.toml", text).expect("parse");
        file.into_criteria("t.toml").expect("criteria")
    }

    fn matrix(values: &[[Option<f64>; 2]]) -> ScoreMatrix {
        let rows = (0..values.len()).map(|i| Candidate { id: i as i64 + 1, ..Candidate::default() }).collect();
        ScoreMatrix::from_values(two_criteria(), rows, values.iter().flatten().copied().collect()).expect("matrix")
    }

    #[test]
    fn ranks_by_weighted_total_with_ties_in_id_order() {
        let m = matrix(&[[Some(2.0), Some(8.0)], [Some(8.0), Some(2.0)], [Some(5.0), Some(5.0)], [None, Some(10.0)]]);
        let equal = m.rank(&Weights::new(vec![1.0, 1.0]).expect("w"));
        assert_eq!(equal.order, vec![3, 0, 1, 2], "row 3: missing a counts as 5 → 75; the rest tie at 50");
        assert!((equal.totals[3] - 75.0).abs() < 1e-9);
        let a_only = m.rank(&Weights::new(vec![1.0, 0.0]).expect("w"));
        assert_eq!(a_only.order, vec![1, 2, 3, 0]);
        assert_eq!(a_only.rank(0), 4);
        assert_eq!(a_only.at(1), Some(1));
    }

    #[test]
    fn movement_lists_who_moved_up_and_down() {
        let m = matrix(&[[Some(2.0), Some(8.0)], [Some(8.0), Some(2.0)], [Some(6.0), Some(6.0)]]);
        let before = m.rank(&Weights::new(vec![0.0, 1.0]).expect("w"));
        let after = m.rank(&Weights::new(vec![1.0, 0.0]).expect("w"));
        assert_eq!(before.order, vec![0, 2, 1]);
        assert_eq!(after.order, vec![1, 2, 0]);
        let movement = after.movement(&before);
        assert_eq!(movement.up, vec![Move { row: 1, from: 3, to: 1 }]);
        assert_eq!(movement.down, vec![Move { row: 0, from: 1, to: 3 }]);
        assert_eq!(after.gained_since(&before, 1), 2);
        assert_eq!(after.largest_moves(&before, 1), movement);
        let none = after.largest_moves(&before, 0);
        assert!(none.up.is_empty() && none.down.is_empty());
        assert_eq!(after.gained_since(&before, 2), 0);
    }

    #[test]
    fn contributions_add_up_to_the_total_and_show_missing_values() {
        let m = matrix(&[[Some(10.0), None]]);
        let weights = Weights::new(vec![3.0, 1.0]).expect("w");
        let explanation = m.explain(&weights, 0);
        assert!((explanation.total - 87.5).abs() < 1e-9);
        assert!((explanation.total - m.rank(&weights).totals[0]).abs() < 1e-9);
        assert_eq!(explanation.contributions[0].points, 75.0);
        assert!(explanation.contributions[1].missing && explanation.incomplete);
        assert_eq!(explanation.contributions[1].normalised, 0.5);
    }

    #[test]
    fn all_zero_weights_rank_in_id_order() {
        let m = matrix(&[[Some(1.0), Some(1.0)], [Some(9.0), Some(9.0)]]);
        let ranking = m.rank(&Weights::new(vec![0.0, 0.0]).expect("w"));
        assert_eq!(ranking.order, vec![0, 1]);
        assert_eq!(ranking.totals, vec![0.0, 0.0]);
    }
}
