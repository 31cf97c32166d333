//! Criteria: what initiatives are scored on, read from `data/criteria.toml` (or the user's
//! copy) and from the database, and found again by code or name.

use crate::error::{Error, Result};
use crate::error::{ReferenceProblem, ScoringProblem};
use crate::text::{closest, fold};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An initiative field a criterion can be computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DerivedField {
    /// The number of life events served.
    LifeEvents,
    /// The number of owning ministries; none known is a missing value.
    Ministries,
    /// The phase, looked up in the criterion's `values`.
    Phase,
    /// The risk, looked up in the criterion's `values`.
    Risk,
    /// The requested amount in MNOK.
    AmountMnok,
    /// The total cost in MNOK.
    TotalCostMnok,
}

impl DerivedField {
    pub const ALL: [DerivedField; 6] = [
        DerivedField::LifeEvents,
        DerivedField::Ministries,
        DerivedField::Phase,
        DerivedField::Risk,
        DerivedField::AmountMnok,
        DerivedField::TotalCostMnok,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DerivedField::LifeEvents => "life_events",
            DerivedField::Ministries => "ministries",
            DerivedField::Phase => "phase",
            DerivedField::Risk => "risk",
            DerivedField::AmountMnok => "amount_mnok",
            DerivedField::TotalCostMnok => "total_cost_mnok",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// Phase and risk are names that need a table of values.
    pub fn needs_values(self) -> bool {
        matches!(self, DerivedField::Phase | DerivedField::Risk)
    }
}

/// How values spread over the scale before normalising.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Transform {
    #[default]
    Linear,
    /// Equal ratios count equally (2 → 20 MNOK like 20 → 200 MNOK); the scale must be above 0.
    Log,
}

impl Transform {
    pub fn name(self) -> &'static str {
        match self {
            Transform::Linear => "linear",
            Transform::Log => "log",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "linear" => Some(Transform::Linear),
            "log" => Some(Transform::Log),
            _ => None,
        }
    }
}

/// One criterion, as defined and with its current weight.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    pub code: String,
    pub name_nb: String,
    pub name_en: String,
    pub scale_min: f64,
    pub scale_max: f64,
    /// None: analysts score it by hand.
    pub derived_from: Option<DerivedField>,
    /// For phase and risk: the value of each name (keys as stored, e.g. "Høy").
    pub values: BTreeMap<String, f64>,
    pub transform: Transform,
    pub higher_is_better: bool,
    /// The weight the criteria file gives it.
    pub default_weight: f64,
    /// The weight in use (the database's; the default until an analyst changes it).
    pub weight: f64,
}

impl Criterion {
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Nb => &self.name_nb,
            crate::i18n::Lang::En => &self.name_en,
        }
    }

    pub fn is_manual(&self) -> bool {
        self.derived_from.is_none()
    }

    /// Fails unless `value` is a number inside the scale (for manual scores).
    pub fn check_value(&self, value: f64) -> Result<()> {
        if !value.is_finite() || value < self.scale_min || value > self.scale_max {
            return Err(ScoringProblem::OutsideScale {
                value,
                criterion: self.code.clone(),
                min: self.scale_min,
                max: self.scale_max,
            }
            .into());
        }
        Ok(())
    }

    /// The scale as a person reads it: "1–5".
    pub fn scale_text(&self) -> String {
        format!("{}–{}", format_number(self.scale_min), format_number(self.scale_max))
    }
}

/// A number without a needless ".0": 5 → "5", 2.5 → "2.5".
pub fn format_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") }
}

/// The criteria in their order. Indices into this list are the columns of a score matrix.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Criteria {
    pub list: Vec<Criterion>,
}

impl Criteria {
    /// The scoring criteria with their default weights (the user's `criteria.toml` or the
    /// built-in one), checked.
    pub fn from_reference(reference: &crate::reference::ReferenceSource) -> Result<Self> {
        let file: CriteriaFile = reference.load(crate::reference::CRITERIA)?;
        let name = match reference.user_path(crate::reference::CRITERIA) {
            Some(path) => path.display().to_string(),
            None => format!("built-in data/{}", crate::reference::CRITERIA.name),
        };
        file.into_criteria(&name)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Criterion> {
        self.list.iter()
    }

    pub fn codes(&self) -> Vec<String> {
        self.list.iter().map(|c| c.code.clone()).collect()
    }

    /// The index of the criterion with this code, without any guessing.
    pub fn index_of_code(&self, code: &str) -> Option<usize> {
        self.list.iter().position(|c| c.code == code)
    }

    /// The criterion a person means: its code, or its bokmål or English name, with case,
    /// accents and punctuation ignored.
    pub fn find(&self, text: &str) -> Option<usize> {
        let wanted = fold(text);
        if wanted.is_empty() {
            return None;
        }
        self.list
            .iter()
            .position(|c| fold(&c.code) == wanted || fold(&c.name_nb) == wanted || fold(&c.name_en) == wanted)
    }

    /// Like [`Criteria::find`], or an error that lists the closest codes.
    pub fn require(&self, text: &str) -> Result<usize> {
        self.find(text).ok_or_else(|| {
            let mut hint = closest(text, self.list.iter().map(|c| c.code.as_str()), 3);
            if hint.is_empty() {
                hint = self.codes();
            }
            Error::unknown("criterion", text, &hint)
        })
    }
}

impl<'a> IntoIterator for &'a Criteria {
    type Item = &'a Criterion;
    type IntoIter = std::slice::Iter<'a, Criterion>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

/// The shape of `criteria.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaFile {
    #[serde(default)]
    pub criterion: Vec<CriterionDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionDef {
    pub code: String,
    pub name_nb: String,
    pub name_en: String,
    pub scale: [f64; 2],
    #[serde(default)]
    pub derived_from: Option<String>,
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    #[serde(default)]
    pub transform: Option<String>,
    #[serde(default = "yes")]
    pub higher_is_better: bool,
    pub weight: f64,
}

fn yes() -> bool {
    true
}

impl CriteriaFile {
    /// Checks every criterion and turns the file into [`Criteria`] with default weights.
    /// `file` names the file in error messages.
    pub fn into_criteria(self, file: &str) -> Result<Criteria> {
        let fail = |problem: ReferenceProblem| Error::reference(file, problem);
        if self.criterion.is_empty() {
            return Err(fail(ReferenceProblem::NoCriteria));
        }
        let mut list: Vec<Criterion> = Vec::with_capacity(self.criterion.len());
        for def in self.criterion {
            let code = def.code.trim().to_string();
            let valid_code = !code.is_empty()
                && code.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
            if !valid_code {
                return Err(fail(ReferenceProblem::BadCode(code)));
            }
            if list.iter().any(|c| c.code == code) {
                return Err(fail(ReferenceProblem::CriterionTwice(code)));
            }
            let [scale_min, scale_max] = def.scale;
            if !(scale_min.is_finite() && scale_max.is_finite() && scale_min < scale_max) {
                return Err(fail(ReferenceProblem::BadScale(code)));
            }
            if !(def.weight.is_finite() && def.weight >= 0.0) {
                return Err(fail(ReferenceProblem::BadWeight(code)));
            }
            let derived_from = match def.derived_from.as_deref() {
                None => None,
                Some(name) => Some(DerivedField::parse(name).ok_or_else(|| {
                    let names = DerivedField::ALL.iter().map(|f| f.name()).collect();
                    fail(ReferenceProblem::BadDerivedFrom { code: code.clone(), name: name.to_string(), names })
                })?),
            };
            match derived_from {
                Some(field) if field.needs_values() && def.values.is_empty() => {
                    return Err(fail(ReferenceProblem::NeedsValues { code, field: field.name() }));
                }
                Some(field) if !field.needs_values() && !def.values.is_empty() => {
                    return Err(fail(ReferenceProblem::ValuesOnlyForPhaseAndRisk(code)));
                }
                None if !def.values.is_empty() => {
                    return Err(fail(ReferenceProblem::ValuesOnlyForDerived(code)));
                }
                _ => {}
            }
            if let Some((name, _)) = def.values.iter().find(|(_, v)| !v.is_finite()) {
                return Err(fail(ReferenceProblem::ValueNotANumber { code, name: name.clone() }));
            }
            let transform = match def.transform.as_deref() {
                None => Transform::Linear,
                Some(name) => Transform::parse(name).ok_or_else(|| {
                    fail(ReferenceProblem::BadTransform { code: code.clone(), name: name.to_string() })
                })?,
            };
            if transform == Transform::Log && scale_min <= 0.0 {
                return Err(fail(ReferenceProblem::LogScaleFromZero(code)));
            }
            list.push(Criterion {
                code,
                name_nb: def.name_nb,
                name_en: def.name_en,
                scale_min,
                scale_max,
                derived_from,
                values: def.values,
                transform,
                higher_is_better: def.higher_is_better,
                default_weight: def.weight,
                weight: def.weight,
            });
        }
        if list.iter().all(|c| c.weight == 0.0) {
            return Err(fail(ReferenceProblem::AllWeightsZero));
        }
        Ok(Criteria { list })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Criteria> {
        let file: CriteriaFile = crate::reference::parse("test.toml", text)?;
        file.into_criteria("test.toml")
    }

    #[test]
    fn builtin_criteria_follow_norwegian_practice() {
        let criteria = crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin())
            .expect("built-in criteria");
        assert_eq!(criteria.len(), 8);
        let codes = criteria.codes();
        for code in ["nytte", "brukereffekt", "tverrsektor", "strategi", "modenhet", "analyse", "risiko", "kostnad"] {
            assert!(codes.iter().any(|c| c == code), "{code} missing");
        }
        let risk = &criteria.list[criteria.require("Gjennomføringsrisiko").expect("by name")];
        assert!(!risk.higher_is_better);
        assert_eq!(risk.derived_from, Some(DerivedField::Risk));
        assert_eq!(risk.values.get("Høy"), Some(&3.0));
        let manual = criteria.iter().filter(|c| c.is_manual()).count();
        assert_eq!(manual, 3, "benefit, strategy and analysis are scored by hand");
        assert_eq!(criteria.find("societal benefit"), criteria.find("nytte"));
    }

    #[test]
    fn bad_definitions_are_errors_naming_the_criterion() {
        let base = "[[criterion]]\ncode = \"a\"\nname_nb = \"A\"\nname_en = \"A\"\n";
        let err = parse(&format!("{base}scale = [5, 1]\nweight = 1\n")).expect_err("scale").to_string();
        assert!(err.contains("'a'") && err.contains("scale"), "{err}");
        let err = parse(&format!("{base}scale = [1, 5]\nweight = -1\n")).expect_err("weight").to_string();
        assert!(err.contains("weight"), "{err}");
        let err = parse(&format!("{base}scale = [1, 3]\nweight = 1\nderived_from = \"risk\"\n"))
            .expect_err("values")
            .to_string();
        assert!(err.contains("values"), "{err}");
        let err = parse(&format!("{base}scale = [1, 3]\nweight = 1\nderived_from = \"colour\"\n"))
            .expect_err("field")
            .to_string();
        assert!(err.contains("colour") && err.contains("life_events"), "{err}");
        let err =
            parse(&format!("{base}scale = [0, 3]\nweight = 1\ntransform = \"log\"\n")).expect_err("log").to_string();
        assert!(err.contains("log"), "{err}");
        let err = parse(&format!("{base}scale = [1, 5]\nweight = 0\n")).expect_err("all zero").to_string();
        assert!(err.contains("every weight is 0"), "{err}");
        let err = parse(&format!("{base}scale = [1, 5]\nweight = 1\n{base}scale = [1, 5]\nweight = 1\n"))
            .expect_err("twice")
            .to_string();
        assert!(err.contains("twice"), "{err}");
        let err = parse(&format!("{base}scale = [1, 5]\nweight = 1\ncolour = 2\n")).expect_err("unknown").to_string();
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn values_outside_the_scale_are_refused() {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("built-in");
        let nytte = &criteria.list[criteria.require("nytte").expect("nytte")];
        assert!(nytte.check_value(3.5).is_ok());
        assert!(nytte.check_value(0.0).is_err());
        assert!(nytte.check_value(f64::NAN).is_err());
        let err = criteria.require("nyte").expect_err("typo").to_string();
        assert!(err.contains("did you mean nytte"), "{err}");
    }
}
