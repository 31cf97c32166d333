//! The threshold a pair must reach to be listed, chosen from the portfolio itself unless
//! the analyst sets one: where the pairs that only look alike by chance thin out, or, once
//! the analyst has decided enough pairs, where those decisions say.
//!
//! Most candidate pairs share a word or two and score low, and their number falls off
//! steeply as the score rises; true parallel solutions form a second, flat group higher up.
//! The fall-off is measured where nearly every pair is a chance one (from where they peak,
//! at 0.30 or a little above, over 0.15) and carried upward, which estimates how many chance pairs lie above any threshold. The
//! threshold is the lowest at which they are at most [`CHANCE_SHARE`] of the pairs listed:
//! a score then means the same on any portfolio, what it is made of aside.

use serde::Serialize;

/// The share of listed pairs that may be chance resemblances (estimated): one in fifty.
pub const CHANCE_SHARE: f64 = 0.02;
/// The calibrated threshold lies in this range.
pub const LOWEST: f64 = 0.40;
pub const HIGHEST: f64 = 0.80;
/// The fall-off is measured from the most frequent score between these (where the chance
/// pairs peak: at the lower end on most portfolios, higher where one service recurs in
/// many places) ...
pub const FIT_FROM: f64 = 0.30;
const PEAK_BY: f64 = 0.45;
/// ... over this span of scores ...
const FIT_SPAN: f64 = 0.15;
/// ... in bins this wide, each of which must hold this many pairs to be measured.
const FIT_BIN: f64 = 0.025;
const FIT_MIN_PAIRS: u32 = 5;
/// Decisions choose the threshold once there are this many, of each kind this many.
const MIN_DECISIONS: usize = 20;
const MIN_OF_EACH: usize = 5;
/// The histogram's resolution.
const BINS: usize = 100;

/// How the threshold is to be chosen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Threshold {
    /// The analyst's (`--threshold`, `duplicate_threshold` in config.toml).
    Fixed(f64),
    /// From the analyst's decisions when there are enough, else from the portfolio.
    Calibrated,
}

impl From<f64> for Threshold {
    fn from(value: f64) -> Self {
        Threshold::Fixed(value)
    }
}

impl From<Option<f64>> for Threshold {
    fn from(value: Option<f64>) -> Self {
        value.map_or(Threshold::Calibrated, Threshold::Fixed)
    }
}

/// Where a threshold in use came from, as the screens say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Given,
    Decisions,
    Portfolio,
    /// Too few pairs or decisions to tell: [`super::DEFAULT_THRESHOLD`].
    Default,
}

/// How many candidate pairs scored how much (at least [`FIT_FROM`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Histogram {
    counts: Vec<u32>,
}

impl Histogram {
    pub fn new() -> Self {
        Self { counts: vec![0; BINS] }
    }

    pub fn add(&mut self, score: f64) {
        self.add_weighted(score, 1);
    }

    /// Counts a pair that stands for `weight` pairs (one of a sample).
    pub fn add_weighted(&mut self, score: f64, weight: u32) {
        let bin = ((score * BINS as f64) as usize).min(BINS - 1);
        self.counts[bin] += weight;
    }

    pub fn merge(&mut self, other: &Histogram) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
    }

    /// Pairs scoring at least `score`.
    fn at_least(&self, score: f64) -> f64 {
        let from = (score * BINS as f64).round() as usize;
        f64::from(self.counts[from.min(BINS)..].iter().sum::<u32>())
    }

    /// The threshold at which chance pairs are estimated to be at most [`CHANCE_SHARE`] of
    /// those listed; None when the low scores are too few to measure their fall-off, or it
    /// does not fall.
    pub fn calibrated(&self) -> Option<f64> {
        let fall_off = self.fall_off()?;
        let steps = ((HIGHEST - LOWEST) * BINS as f64).round() as usize;
        (0..=steps).map(|step| LOWEST + step as f64 / BINS as f64).find(|&threshold| {
            let listed = self.at_least(threshold);
            listed > 0.0 && fall_off.beyond(threshold) <= CHANCE_SHARE * listed
        })
    }

    /// How many pairs score from `from` to `from` + [`FIT_BIN`].
    fn in_bin(&self, from: f64) -> f64 {
        self.at_least(from) - self.at_least(from + FIT_BIN)
    }

    /// The exponential fall-off of the number of pairs with the score, fitted (least
    /// squares on the logarithm) to the bins of [`FIT_SPAN`] from the peak.
    fn fall_off(&self) -> Option<FallOff> {
        let starts = |from: f64, to: f64| {
            let bins = ((to - from) / FIT_BIN).round() as usize;
            (0..bins).map(move |b| from + b as f64 * FIT_BIN)
        };
        let peak = starts(FIT_FROM, PEAK_BY).max_by(|x, y| self.in_bin(*x).total_cmp(&self.in_bin(*y)))?;
        let points: Vec<(f64, f64)> = starts(peak, peak + FIT_SPAN)
            .map(|from| (from + FIT_BIN / 2.0, self.in_bin(from)))
            .filter(|&(_, count)| count >= f64::from(FIT_MIN_PAIRS))
            .map(|(x, count)| (x, (count / FIT_BIN).ln()))
            .collect();
        if points.len() < 3 {
            return None;
        }
        let n = points.len() as f64;
        let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
        let sxx: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
        let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
        let slope = sxy / sxx;
        (slope < 0.0).then_some(FallOff { slope, intercept: my - slope * mx })
    }
}

/// Pairs per unit of score at score s: exp(intercept + slope · s).
struct FallOff {
    slope: f64,
    intercept: f64,
}

impl FallOff {
    /// The estimated number of chance pairs scoring at least `score`.
    fn beyond(&self, score: f64) -> f64 {
        // The integral of the density from `score` to 1.
        let density = |s: f64| (self.intercept + self.slope * s).exp();
        (density(1.0) - density(score)) / self.slope
    }
}

/// The threshold the analyst's decisions point to: the one at which the pairs decided
/// alike and those decided distinct are best told apart (the best F1, the middle of the
/// best stretch). `decided` holds each decided pair's score and whether it was found
/// alike (duplicate or overlap). None with too few decisions.
pub fn from_decisions(decided: &[(f64, bool)]) -> Option<f64> {
    let alike = decided.iter().filter(|d| d.1).count();
    if decided.len() < MIN_DECISIONS || alike < MIN_OF_EACH || decided.len() - alike < MIN_OF_EACH {
        return None;
    }
    let f1 = |threshold: f64| {
        let listed = decided.iter().filter(|d| d.0 >= threshold).count() as f64;
        let found = decided.iter().filter(|d| d.0 >= threshold && d.1).count() as f64;
        if found == 0.0 { 0.0 } else { 2.0 * found / (listed + alike as f64) }
    };
    let steps: Vec<f64> = (0..=BINS).map(|s| s as f64 / BINS as f64).collect();
    let best = steps.iter().map(|&t| f1(t)).fold(0.0, f64::max);
    let at_best: Vec<f64> = steps.into_iter().filter(|&t| f1(t) >= best - 1e-12).collect();
    let (first, last) = (at_best.first()?, at_best.last()?);
    Some(((first + last) / 2.0 * BINS as f64).round() / BINS as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chance pairs falling off from 0.30, and true pairs spread over 0.55–1.0.
    fn portfolio(chance_scale: f64) -> Histogram {
        let mut histogram = Histogram::new();
        for bin in 30..100 {
            let score = f64::from(bin) / 100.0 + 0.005;
            let chance = (chance_scale * (-25.0 * (score - 0.30)).exp()).round() as u32;
            let true_pairs = if score >= 0.55 { 6 } else { 0 };
            for _ in 0..chance + true_pairs {
                histogram.add(score);
            }
        }
        histogram
    }

    #[test]
    fn the_threshold_lies_where_chance_pairs_thin_out_whatever_their_number() {
        let small = portfolio(60.0).calibrated().expect("calibrated");
        let large = portfolio(600.0).calibrated().expect("calibrated");
        assert!((LOWEST..=HIGHEST).contains(&small), "{small}");
        assert!(large > small, "ten times the chance pairs need a higher bar: {small} {large}");
        assert!(small < 0.55 && large < 0.7, "{small} {large}");
    }

    #[test]
    fn chance_pairs_that_peak_above_the_lowest_scores_are_measured_from_their_peak() {
        let mut histogram = portfolio(300.0);
        // Fewer chance pairs just above 0.30 than at 0.36: the fall-off starts there.
        for bin in 30..36 {
            for _ in 0..(bin - 29) * 40 {
                histogram.add(f64::from(bin) / 100.0 + 0.005);
            }
        }
        let threshold = histogram.calibrated().expect("calibrated");
        assert!((0.45..0.7).contains(&threshold), "{threshold}");
        let mut sampled = Histogram::new();
        sampled.add_weighted(0.33, 10);
        assert_eq!(sampled.at_least(0.3), 10.0);
    }

    #[test]
    fn too_few_low_scores_leave_the_default() {
        let mut few = Histogram::new();
        for score in [0.31, 0.36, 0.41, 0.8, 0.9] {
            few.add(score);
        }
        assert_eq!(few.calibrated(), None);
        assert_eq!(Histogram::new().calibrated(), None);
    }

    #[test]
    fn decisions_choose_the_threshold_once_there_are_enough() {
        let mut decided: Vec<(f64, bool)> = (0..12).map(|i| (0.7 + f64::from(i) * 0.02, true)).collect();
        decided.extend((0..12).map(|i| (0.3 + f64::from(i) * 0.02, false)));
        let threshold = from_decisions(&decided).expect("enough");
        assert!(threshold > 0.52 && threshold <= 0.7, "{threshold}");
        assert_eq!(from_decisions(&decided[..15]), None, "too few distinct");
        assert_eq!(Threshold::from(None), Threshold::Calibrated);
        assert_eq!(Threshold::from(0.5), Threshold::Fixed(0.5));
    }
}
