//! Weights: one non-negative number per criterion, typed or derived from a ranking of the
//! criteria (rank-order centroid). Only their proportions matter.

use super::criteria::Criteria;
use crate::error::ScoringProblem;
use crate::error::{Error, Result};
use std::collections::BTreeMap;

/// One weight per criterion, in the criteria's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    values: Vec<f64>,
}

impl Weights {
    /// Weights as given, checked: finite and not negative. All zero is allowed here (every
    /// total is then 0 and the ranking falls back to id order); commands refuse it.
    pub fn new(values: Vec<f64>) -> Result<Self> {
        if let Some(bad) = values.iter().find(|w| !w.is_finite() || **w < 0.0) {
            return Err(ScoringProblem::NegativeWeight(*bad).into());
        }
        Ok(Self { values })
    }

    /// The weights in use (each criterion's `weight`).
    pub fn current(criteria: &Criteria) -> Self {
        Self { values: criteria.iter().map(|c| c.weight).collect() }
    }

    /// The weights of the criteria file.
    pub fn defaults(criteria: &Criteria) -> Self {
        Self { values: criteria.iter().map(|c| c.default_weight).collect() }
    }

    /// Rank-order centroid weights from criteria ranked most important first: with K ranked
    /// criteria, the one at place i (1-based) weighs (1/K)·Σ_{j=i..K} 1/j. Criteria left out
    /// of `ranked` weigh 0. The weights sum to 1.
    pub fn rank_order_centroid(columns: usize, ranked: &[usize]) -> Result<Self> {
        if ranked.is_empty() {
            return Err(ScoringProblem::NothingRanked.into());
        }
        let mut values = vec![0.0; columns];
        let k = ranked.len();
        for (place, &column) in ranked.iter().enumerate() {
            if column >= columns {
                return Err(ScoringProblem::NoSuchCriterion(column).into());
            }
            if ranked[..place].contains(&column) {
                return Err(ScoringProblem::RankedTwice.into());
            }
            values[column] = (place + 1..=k).map(|j| 1.0 / j as f64).sum::<f64>() / k as f64;
        }
        Ok(Self { values })
    }

    /// Weights from a map of criterion code → weight (a saved scenario). Criteria the map
    /// does not name weigh 0, so an old scenario ranks as it did; they are returned too, as
    /// are codes the criteria no longer have.
    pub fn from_codes(criteria: &Criteria, map: &BTreeMap<String, f64>) -> Result<(Self, Vec<String>, Vec<String>)> {
        let mut values = vec![0.0; criteria.len()];
        let mut unnamed = Vec::new();
        for (column, criterion) in criteria.iter().enumerate() {
            match map.get(&criterion.code) {
                Some(w) => values[column] = *w,
                None => unnamed.push(criterion.code.clone()),
            }
        }
        let unknown = map.keys().filter(|code| criteria.index_of_code(code).is_none()).cloned().collect();
        Ok((Self::new(values)?, unnamed, unknown))
    }

    /// The weights by criterion code (to save).
    pub fn to_codes(&self, criteria: &Criteria) -> BTreeMap<String, f64> {
        criteria.iter().zip(&self.values).map(|(c, w)| (c.code.clone(), *w)).collect()
    }

    pub fn get(&self, column: usize) -> f64 {
        self.values.get(column).copied().unwrap_or(0.0)
    }

    pub fn as_slice(&self) -> &[f64] {
        &self.values
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// Changes one weight (a slider moved).
    pub fn set(&mut self, column: usize, weight: f64) -> Result<()> {
        if !weight.is_finite() || weight < 0.0 {
            return Err(ScoringProblem::NegativeWeight(weight).into());
        }
        let slot = self.values.get_mut(column).ok_or_else(|| Error::from(ScoringProblem::NoSuchCriterion(column)))?;
        *slot = weight;
        Ok(())
    }

    pub fn sum(&self) -> f64 {
        self.values.iter().sum()
    }

    /// True when every weight is 0 (no ranking is possible).
    pub fn is_zero(&self) -> bool {
        self.values.iter().all(|w| *w == 0.0)
    }

    /// Each weight as a share of their sum (all 0 when the sum is 0).
    pub fn shares(&self) -> Vec<f64> {
        let sum = self.sum();
        if sum <= 0.0 {
            return vec![0.0; self.values.len()];
        }
        self.values.iter().map(|w| w / sum).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_order_centroid_matches_the_textbook_values() {
        // Barron & Barrett (1996): for 3 criteria 0.611, 0.278, 0.111.
        let weights = Weights::rank_order_centroid(4, &[2, 0, 1]).expect("roc");
        let w = weights.as_slice();
        assert!((w[2] - 0.6111).abs() < 1e-4 && (w[0] - 0.2778).abs() < 1e-4 && (w[1] - 0.1111).abs() < 1e-4);
        assert_eq!(w[3], 0.0, "an unranked criterion weighs nothing");
        assert!((weights.sum() - 1.0).abs() < 1e-12);
        assert!(Weights::rank_order_centroid(3, &[0, 0]).is_err());
        assert!(Weights::rank_order_centroid(3, &[5]).is_err());
        assert!(Weights::rank_order_centroid(3, &[]).is_err());
    }

    #[test]
    fn weights_are_checked_and_shares_sum_to_one() {
        assert!(Weights::new(vec![1.0, -1.0]).is_err());
        assert!(Weights::new(vec![f64::INFINITY]).is_err());
        let mut weights = Weights::new(vec![1.0, 3.0]).expect("weights");
        assert_eq!(weights.shares(), vec![0.25, 0.75]);
        weights.set(0, 0.0).expect("set");
        assert_eq!(weights.shares(), vec![0.0, 1.0]);
        assert!(weights.set(5, 1.0).is_err());
        assert_eq!(Weights::new(vec![0.0, 0.0]).expect("zero").shares(), vec![0.0, 0.0]);
    }

    #[test]
    fn scenario_maps_keep_old_rankings_and_report_what_changed() {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("criteria");
        let mut map = BTreeMap::new();
        map.insert("nytte".to_string(), 2.0);
        map.insert("gone".to_string(), 1.0);
        let (weights, unnamed, unknown) = Weights::from_codes(&criteria, &map).expect("weights");
        assert_eq!(weights.get(criteria.require("nytte").expect("nytte")), 2.0);
        assert_eq!(weights.sum(), 2.0);
        assert_eq!(unnamed.len(), criteria.len() - 1);
        assert_eq!(unknown, vec!["gone".to_string()]);
        assert_eq!(Weights::current(&criteria).to_codes(&criteria).len(), criteria.len());
    }
}
