//! The shapes of `life_events.toml` and `organisations.toml`.

use crate::error::{Error, ReferenceProblem, Result};
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifeEvents {
    #[serde(default)]
    pub life_event: Vec<LifeEventDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifeEventDef {
    pub code: String,
    pub nb: String,
    pub nn: String,
    pub en: String,
    #[serde(default)]
    pub ministry: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl LifeEvents {
    pub(crate) fn validate(&self, file: &str) -> Result<()> {
        let mut seen = HashSet::new();
        for event in &self.life_event {
            if event.code.trim().is_empty() {
                return Err(invalid(file, ReferenceProblem::EmptyLifeEventCode));
            }
            if !seen.insert(event.code.as_str()) {
                return Err(invalid(file, ReferenceProblem::LifeEventTwice(event.code.clone())));
            }
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisations {
    #[serde(default)]
    pub ministry: Vec<MinistryDef>,
    #[serde(default)]
    pub historic: Vec<HistoricDef>,
    #[serde(default)]
    pub agency: Vec<AgencyDef>,
    #[serde(default)]
    pub municipal: Vec<MunicipalDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinistryDef {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub name_en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An old name whose tasks went to one or more current organisations.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoricDef {
    pub code: String,
    pub name: String,
    pub successors: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyDef {
    pub code: String,
    pub name: String,
    pub ministry: String,
    #[serde(default = "yes")]
    pub confirmed: bool,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// An organisation of the municipal sector (KS): an owner without a ministry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalDef {
    pub code: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

fn yes() -> bool {
    true
}

fn invalid(file: &str, problem: ReferenceProblem) -> Error {
    Error::reference(file, problem)
}

impl Organisations {
    /// Checks that codes are unique and that every link points at something that exists.
    pub(crate) fn validate(&self, file: &str) -> Result<()> {
        let mut codes = HashSet::new();
        let all_codes = self
            .ministry
            .iter()
            .map(|m| &m.code)
            .chain(self.agency.iter().map(|a| &a.code))
            .chain(self.municipal.iter().map(|m| &m.code));
        for code in all_codes {
            if !codes.insert(code.as_str()) {
                return Err(invalid(file, ReferenceProblem::OrganisationTwice(code.clone())));
            }
        }
        let ministries: HashSet<&str> = self.ministry.iter().map(|m| m.code.as_str()).collect();
        for agency in &self.agency {
            if !ministries.contains(agency.ministry.as_str()) {
                return Err(invalid(
                    file,
                    ReferenceProblem::UnknownMinistry {
                        agency: agency.code.clone(),
                        ministry: agency.ministry.clone(),
                    },
                ));
            }
        }
        for old in &self.historic {
            if old.successors.is_empty() {
                return Err(invalid(file, ReferenceProblem::NoSuccessors(old.code.clone())));
            }
            if let Some(missing) = old.successors.iter().find(|s| !codes.contains(s.as_str())) {
                return Err(invalid(
                    file,
                    ReferenceProblem::UnknownSuccessor { historic: old.code.clone(), successor: missing.clone() },
                ));
            }
        }
        Ok(())
    }
}
