//! Sensitivity: how stable is the top of the ranking when the meeting weighs things a little
//! differently? Random perturbations of the weights (seeded, so a run can be repeated) give
//! each initiative's rank range and how often it stays in the top N; an exact calculation
//! gives, for neighbours in the list, the smallest weight change that swaps them.

use super::matrix::ScoreMatrix;
use super::ranking::{Ranking, sort_key, totals_into};
use super::weights::Weights;
use crate::error::Result;
use crate::error::ScoringProblem;
use rand_core::{RngCore, SeedableRng};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SensitivityOptions {
    /// How many perturbed rankings to draw.
    pub runs: usize,
    /// Each weight is multiplied by a factor drawn uniformly from 1 ± spread (0.2 = ±20 %).
    pub spread: f64,
    /// The random seed: the same seed, weights and scores give the same result.
    pub seed: u64,
    /// The N of "stays in the top N".
    pub top_n: usize,
    /// How many initiatives from the top to follow.
    pub watch: usize,
    /// A neighbour swap possible within this relative weight change flags both as fragile.
    pub small_change: f64,
}

impl Default for SensitivityOptions {
    fn default() -> Self {
        Self { runs: 500, spread: 0.2, seed: 2026, top_n: 10, watch: 20, small_change: 0.05 }
    }
}

/// How one initiative from the top fares under perturbed weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stability {
    pub row: usize,
    pub rank: u32,
    /// Its best and worst place over all runs.
    pub best_rank: u32,
    pub worst_rank: u32,
    /// The share of runs (0..1) in which it is in the top N.
    pub top_n_share: f64,
    /// The smallest relative weight change that swaps it with a neighbour (above or below),
    /// or None when no change of weights can.
    pub flip_at: Option<f64>,
    /// True when `flip_at` is below the options' `small_change`.
    pub fragile: bool,
}

/// Two neighbours in the ranking and what it takes to swap them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Flip {
    pub upper: usize,
    pub lower: usize,
    /// The smallest relative change of the weights (0.05 = each weight up or down by at most
    /// 5 %) that puts `lower` above `upper`; None when none can (upper is at least as good on
    /// every criterion).
    pub threshold: Option<f64>,
    /// The share of the random runs in which they were swapped.
    pub swapped_share: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    pub options: SensitivityOptions,
    /// The followed initiatives, best first.
    pub entries: Vec<Stability>,
    /// Neighbouring pairs among them, best first.
    pub flips: Vec<Flip>,
}

/// Uniform in [0, 1) from 53 random bits.
fn unit(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// The smallest relative weight change that makes row `lower` outrank row `upper`.
/// With per-criterion differences d = upper − lower (normalised), the margin Σ w·d shrinks
/// by at most ε·Σ w·|d| when each weight moves by at most ε, so ε = margin / Σ w·|d|. An ε of
/// 1 or more needs a weight to reach 0 or below: no weighting swaps them.
pub fn flip_threshold(matrix: &ScoreMatrix, weights: &Weights, upper: usize, lower: usize) -> Option<f64> {
    let (mut margin, mut spread) = (0.0, 0.0);
    for (column, &weight) in weights.as_slice().iter().enumerate().take(matrix.columns()) {
        let d = matrix.normalised(upper, column) - matrix.normalised(lower, column);
        margin += weight * d;
        spread += weight * d.abs();
    }
    if spread == 0.0 {
        return if margin > 0.0 { None } else { Some(0.0) };
    }
    let threshold = (margin / spread).max(0.0);
    (threshold < 1.0 - 1e-12).then_some(threshold)
}

/// Perturbs the weights `options.runs` times and follows the top `options.watch` rows of
/// `base` (the ranking under `weights`).
pub fn sensitivity(
    matrix: &ScoreMatrix,
    weights: &Weights,
    base: &Ranking,
    options: &SensitivityOptions,
) -> Result<Sensitivity> {
    if !(options.spread.is_finite() && (0.0..1.0).contains(&options.spread)) {
        return Err(ScoringProblem::Spread { spread: options.spread }.into());
    }
    if options.runs == 0 || options.top_n == 0 {
        return Err(ScoringProblem::NoRuns.into());
    }
    if weights.len() != matrix.columns() {
        return Err(ScoringProblem::WeightsMismatch { weights: weights.len(), criteria: matrix.columns() }.into());
    }
    let watched: Vec<usize> = base.rows().take(options.watch.max(options.top_n)).collect();
    let mut best = vec![u32::MAX; watched.len()];
    let mut worst = vec![0u32; watched.len()];
    let mut in_top = vec![0usize; watched.len()];
    let mut swapped = vec![0usize; watched.len().saturating_sub(1)];

    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(options.seed);
    let mut perturbed = weights.as_slice().to_vec();
    let mut totals = Vec::with_capacity(matrix.len());
    let mut ranks = vec![0u32; watched.len()];
    for _ in 0..options.runs {
        for (slot, &weight) in perturbed.iter_mut().zip(weights.as_slice()) {
            *slot = weight * (1.0 + options.spread * (2.0 * unit(&mut rng) - 1.0));
        }
        let shares = Weights::new(perturbed.clone())?.shares();
        totals_into(matrix.normalised_cells(), &shares, &mut totals);
        // A watched row's place is 1 + the number of rows with a smaller key: one pass over
        // all rows, no full sort (the top is all that is followed).
        let watched_keys: Vec<u64> = watched.iter().map(|&row| sort_key(totals[row], row)).collect();
        ranks.fill(1);
        for (row, &total) in totals.iter().enumerate() {
            let key = sort_key(total, row);
            for (rank, &watched_key) in ranks.iter_mut().zip(&watched_keys) {
                *rank += u32::from(key < watched_key);
            }
        }
        for (i, &rank) in ranks.iter().enumerate() {
            best[i] = best[i].min(rank);
            worst[i] = worst[i].max(rank);
            in_top[i] += usize::from(rank as usize <= options.top_n);
            if i + 1 < ranks.len() && rank > ranks[i + 1] {
                swapped[i] += 1;
            }
        }
    }

    let flips: Vec<Flip> = watched
        .windows(2)
        .enumerate()
        .map(|(i, pair)| Flip {
            upper: pair[0],
            lower: pair[1],
            threshold: flip_threshold(matrix, weights, pair[0], pair[1]),
            swapped_share: swapped[i] as f64 / options.runs as f64,
        })
        .collect();
    let entries = watched
        .iter()
        .enumerate()
        .map(|(i, &row)| {
            let neighbours = [i.checked_sub(1).and_then(|j| flips.get(j)), flips.get(i)];
            let flip_at = neighbours.iter().flatten().filter_map(|f| f.threshold).reduce(f64::min);
            Stability {
                row,
                rank: base.rank(row),
                best_rank: best[i],
                worst_rank: worst[i],
                top_n_share: in_top[i] as f64 / options.runs as f64,
                flip_at,
                fragile: flip_at.is_some_and(|t| t < options.small_change),
            }
        })
        .collect();
    Ok(Sensitivity { options: *options, entries, flips })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::{Candidate, CriteriaFile};

    fn matrix(values: &[[f64; 2]]) -> ScoreMatrix {
        let text = "[[criterion]]\ncode = \"a\"\nname_nb = \"A\"\nname_en = \"A\"\nscale = [0, 10]\nweight = 1\n\
                    [[criterion]]\ncode = \"b\"\nname_nb = \"B\"\nname_en = \"B\"\nscale = [0, 10]\nweight = 1\n";
        let file: CriteriaFile = crate::reference::parse("t.toml", text).expect("parse");
        let criteria = file.into_criteria("t.toml").expect("criteria");
        let rows = (0..values.len()).map(|i| Candidate { id: i as i64 + 1, ..Candidate::default() }).collect();
        ScoreMatrix::from_values(criteria, rows, values.iter().flatten().map(|v| Some(*v)).collect()).expect("matrix")
    }

    #[test]
    fn flip_thresholds_are_exact() {
        // With equal weights row 0 totals 55 and row 1 totals 50.
        let m = matrix(&[[6.0, 5.0], [4.0, 6.0], [3.0, 3.0]]);
        let weights = Weights::new(vec![1.0, 1.0]).expect("w");
        // d = (0.2, -0.1): margin 0.1, spread 0.3 → a third.
        let t = flip_threshold(&m, &weights, 0, 1).expect("can flip");
        assert!((t - 1.0 / 3.0).abs() < 1e-12, "{t}");
        // At ε just above the threshold the swap is real: a × 2/3, b × 4/3.
        let moved = Weights::new(vec![1.0 - t - 1e-6, 1.0 + t + 1e-6]).expect("w");
        assert_eq!(m.rank(&moved).order[0], 1);
        assert_eq!(flip_threshold(&m, &weights, 0, 2), None, "row 0 dominates row 2");
    }

    #[test]
    fn perturbations_are_reproducible_and_flag_fragile_neighbours() {
        let m = matrix(&[[9.0, 1.0], [1.0, 9.0], [5.0, 5.05], [0.0, 0.0]]);
        let weights = Weights::new(vec![1.0, 1.0]).expect("w");
        let base = m.rank(&weights);
        let options = SensitivityOptions { runs: 200, top_n: 1, watch: 4, ..SensitivityOptions::default() };
        let first = sensitivity(&m, &weights, &base, &options).expect("run");
        let again = sensitivity(&m, &weights, &base, &options).expect("run");
        assert_eq!(first, again, "same seed, same result");
        let other = sensitivity(&m, &weights, &base, &SensitivityOptions { seed: 7, ..options }).expect("run");
        assert_ne!(first.entries, other.entries, "another seed draws other weights");

        // Rows 0, 1 and 2 all total about 50: their order flips under ±20 %; row 3 never moves.
        let last = first.entries.iter().find(|e| e.row == 3).expect("row 3");
        assert_eq!((last.best_rank, last.worst_rank), (4, 4));
        assert_eq!(last.top_n_share, 0.0);
        let top = &first.entries[0];
        assert!(top.best_rank == 1 && top.worst_rank > 1 && top.top_n_share < 1.0, "{top:?}");
        assert!(top.fragile);
        assert!(first.flips[0].swapped_share > 0.0);
        assert!(sensitivity(&m, &weights, &base, &SensitivityOptions { spread: 1.5, ..options }).is_err());
    }

    #[test]
    fn zero_spread_changes_nothing() {
        let m = matrix(&[[9.0, 1.0], [1.0, 8.0], [5.0, 5.0]]);
        let weights = Weights::new(vec![2.0, 1.0]).expect("w");
        let base = m.rank(&weights);
        let options = SensitivityOptions { runs: 20, spread: 0.0, top_n: 2, ..SensitivityOptions::default() };
        let result = sensitivity(&m, &weights, &base, &options).expect("run");
        for entry in &result.entries {
            assert_eq!((entry.best_rank, entry.worst_rank), (entry.rank, entry.rank));
        }
        assert!(result.flips.iter().all(|f| f.swapped_share == 0.0));
    }
}
