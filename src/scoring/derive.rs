//! Derived criteria: values computed from an initiative's own fields, so nobody types them.

use super::criteria::{Criterion, DerivedField};
use crate::text::fold;
use serde::Serialize;

/// What scoring needs to know about one initiative: who it is, what screens show beside its
/// score, and the fields derived criteria read.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Candidate {
    pub id: i64,
    pub key: String,
    pub title: String,
    pub agency: Option<String>,
    /// Ministry codes, the lead first.
    pub ministries: Vec<String>,
    /// How many life events it serves.
    pub life_events: usize,
    pub phase: Option<String>,
    pub risk: Option<String>,
    pub amount_nok: Option<i64>,
    pub total_cost_nok: Option<i64>,
}

impl Candidate {
    /// The lead ministry, the one a portfolio chart files it under.
    pub fn lead_ministry(&self) -> Option<&str> {
        self.ministries.first().map(String::as_str)
    }
}

/// The value of a derived criterion for `candidate`, or None when the field it reads is
/// missing (no ministry known, no phase or risk, a phase or risk the criterion has no value
/// for, no amount). None for a manual criterion.
pub fn derived_value(criterion: &Criterion, candidate: &Candidate) -> Option<f64> {
    let mnok = |nok: Option<i64>| nok.map(|n| n as f64 / 1_000_000.0);
    match criterion.derived_from? {
        DerivedField::LifeEvents => Some(candidate.life_events as f64),
        DerivedField::Ministries => (!candidate.ministries.is_empty()).then_some(candidate.ministries.len() as f64),
        DerivedField::Phase => lookup(criterion, candidate.phase.as_deref()?),
        DerivedField::Risk => lookup(criterion, candidate.risk.as_deref()?),
        DerivedField::AmountMnok => mnok(candidate.amount_nok),
        DerivedField::TotalCostMnok => mnok(candidate.total_cost_nok),
    }
}

/// A phase or risk name's value: as stored, else compared folded (the file may write "Hoy").
fn lookup(criterion: &Criterion, name: &str) -> Option<f64> {
    criterion.values.get(name).copied().or_else(|| {
        let wanted = fold(name);
        criterion.values.iter().find(|(key, _)| fold(key) == wanted).map(|(_, value)| *value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    #[test]
    fn derived_values_come_from_the_initiative_and_missing_fields_stay_missing() {
        let criteria = crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("criteria");
        let by = |code: &str| &criteria.list[criteria.require(code).expect(code)];
        let full = Candidate {
            id: 1,
            ministries: vec!["HOD".into(), "FIN".into()],
            life_events: 2,
            phase: Some("Planlegging".into()),
            risk: Some("Hoy".into()),
            amount_nok: Some(12_500_000),
            ..Candidate::default()
        };
        assert_eq!(derived_value(by("brukereffekt"), &full), Some(2.0));
        assert_eq!(derived_value(by("tverrsektor"), &full), Some(2.0));
        assert_eq!(derived_value(by("modenhet"), &full), Some(3.0));
        assert_eq!(derived_value(by("risiko"), &full), Some(3.0), "folded lookup finds Høy");
        assert_eq!(derived_value(by("kostnad"), &full), Some(12.5));
        assert_eq!(derived_value(by("nytte"), &full), None, "manual criteria are not derived");

        let empty = Candidate { id: 2, ..Candidate::default() };
        assert_eq!(derived_value(by("brukereffekt"), &empty), Some(0.0), "no life event is a real value");
        for code in ["tverrsektor", "modenhet", "risiko", "kostnad"] {
            assert_eq!(derived_value(by(code), &empty), None, "{code}");
        }
        let unknown_phase = Candidate { phase: Some("Vurdering".into()), ..empty };
        assert_eq!(derived_value(by("modenhet"), &unknown_phase), None);
    }
}
