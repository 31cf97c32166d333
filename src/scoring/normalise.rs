//! Normalising values to 0..1 (1 = best) and the rule for missing scores.

use super::criteria::{Criterion, Transform};

/// THE MISSING-SCORE RULE. A criterion without a value for an initiative (not scored, or
/// derived from a field the initiative lacks) counts as the middle of its scale: 0.5 after
/// normalising, neither reward nor penalty. The initiative is then flagged incomplete
/// ([`super::ScoreMatrix::missing`]) wherever it is ranked or selected. It never counts as 0.
pub const MISSING_NORMALISED: f64 = 0.5;

/// `value` on the criterion's scale as 0..1, where 1 is the best end (the top of the scale,
/// or the bottom when less is better). Values beyond the scale count as its ends.
pub fn normalise(criterion: &Criterion, value: f64) -> f64 {
    let (low, high, at) = match criterion.transform {
        Transform::Linear => (criterion.scale_min, criterion.scale_max, value),
        // A log scale starts above 0 (checked when the criteria are read); 0 or less sits at
        // its bottom.
        Transform::Log => (criterion.scale_min.ln(), criterion.scale_max.ln(), value.max(criterion.scale_min).ln()),
    };
    let position = if at.is_nan() { MISSING_NORMALISED } else { ((at - low) / (high - low)).clamp(0.0, 1.0) };
    if criterion.higher_is_better { position } else { 1.0 - position }
}

/// The normalised value of a cell, with the missing rule applied.
pub fn normalise_or_missing(criterion: &Criterion, value: Option<f64>) -> f64 {
    value.map_or(MISSING_NORMALISED, |v| normalise(criterion, v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    #[test]
    fn normalises_over_the_scale_respecting_direction_and_transform() {
        let criteria = crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("criteria");
        let by = |code: &str| &criteria.list[criteria.require(code).expect(code)];
        let nytte = by("nytte");
        assert_eq!(normalise(nytte, 1.0), 0.0);
        assert_eq!(normalise(nytte, 5.0), 1.0);
        assert_eq!(normalise(nytte, 3.0), 0.5);
        assert_eq!(normalise(nytte, 9.0), 1.0, "beyond the scale counts as its end");
        let risk = by("risiko");
        assert_eq!(normalise(risk, 1.0), 1.0, "low risk is best");
        assert_eq!(normalise(risk, 3.0), 0.0);
        let cost = by("kostnad");
        assert!((normalise(cost, 1.0) - 1.0).abs() < 1e-12);
        assert!((normalise(cost, 1000.0)).abs() < 1e-12);
        assert!((normalise(cost, 10.0f64.powf(1.5)) - 0.5).abs() < 1e-12, "log scale: √1000 MNOK is the middle");
        assert_eq!(normalise(cost, 0.0), 1.0, "a zero amount is the cheapest end");
    }

    #[test]
    fn a_missing_value_counts_as_the_middle_never_as_zero() {
        let criteria = crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("criteria");
        for criterion in &criteria {
            assert_eq!(normalise_or_missing(criterion, None), 0.5, "{}", criterion.code);
        }
    }
}
