//! What tagging changes: the edits an analyst makes, the fields they touch, and records of
//! before and after that can be undone and redone. Plain data shared by the tag language,
//! the store and the screens.

use super::import::Field as ImportField;
use serde::{Deserialize, Serialize};

/// One change to apply to every selected initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Edit {
    AddLifeEvent(String),
    RemoveLifeEvent(String),
    /// An agency (its ministry follows) or a ministry alone; `ministries` lead first.
    SetOwner {
        agency: Option<String>,
        ministries: Vec<String>,
    },
    AddTag(String),
    RemoveTag(String),
    SetPhase(Option<String>),
    SetRisk(Option<String>),
}

impl Edit {
    /// The change-log field the edit touches.
    pub fn field(&self) -> Field {
        match self {
            Edit::AddLifeEvent(_) | Edit::RemoveLifeEvent(_) => Field::LifeEvents,
            Edit::SetOwner { .. } => Field::Owner,
            Edit::AddTag(_) | Edit::RemoveTag(_) => Field::Tags,
            Edit::SetPhase(_) => Field::Phase,
            Edit::SetRisk(_) => Field::Risk,
        }
    }

    /// The edit as the tag language writes it (for confirmations and logs).
    pub fn describe(&self) -> String {
        let none = |v: &Option<String>| v.clone().unwrap_or_else(|| "ingen".into());
        match self {
            Edit::AddLifeEvent(code) => format!("liv:{code}"),
            Edit::RemoveLifeEvent(code) => format!("-liv:{code}"),
            Edit::SetOwner { agency: Some(agency), .. } => format!("eier:{agency}"),
            Edit::SetOwner { agency: None, ministries } => format!("dep:{}", ministries.join(",")),
            Edit::AddTag(tag) => format!("tag:{tag}"),
            Edit::RemoveTag(tag) => format!("-tag:{tag}"),
            Edit::SetPhase(phase) => format!("fase:{}", none(phase)),
            Edit::SetRisk(risk) => format!("risiko:{}", none(risk)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    LifeEvents,
    Owner,
    Tags,
    Phase,
    Risk,
}

impl Field {
    /// The initiative's fields it is, as the change log (and the import's) names them.
    pub fn log_fields(self) -> &'static [ImportField] {
        match self {
            Field::LifeEvents => &[ImportField::LifeEvents],
            Field::Owner => &[ImportField::Agency, ImportField::Ministry],
            Field::Tags => &[ImportField::Tags],
            Field::Phase => &[ImportField::Phase],
            Field::Risk => &[ImportField::Risk],
        }
    }
}

/// One field of one initiative, as it was or as it became.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldState {
    LifeEvents(Vec<String>),
    Owner { agency_id: Option<i64>, agency_text: Option<String>, agency: Option<String>, ministries: Vec<String> },
    Tags(Vec<String>),
    Phase(Option<String>),
    Risk(Option<String>),
}

impl FieldState {
    /// The state as change-log text, field by field (name, text).
    pub fn log_values(&self) -> Vec<(&'static str, Option<String>)> {
        let list = |v: &[String]| (!v.is_empty()).then(|| v.join(", "));
        match self {
            FieldState::LifeEvents(codes) => vec![(ImportField::LifeEvents.log_name(), list(codes))],
            FieldState::Owner { agency, agency_text, ministries, .. } => vec![
                (ImportField::Agency.log_name(), agency.clone().or_else(|| agency_text.clone())),
                (ImportField::Ministry.log_name(), list(ministries)),
            ],
            FieldState::Tags(tags) => vec![(ImportField::Tags.log_name(), list(tags))],
            FieldState::Phase(phase) => vec![(ImportField::Phase.log_name(), phase.clone())],
            FieldState::Risk(risk) => vec![(ImportField::Risk.log_name(), risk.clone())],
        }
    }
}

/// What one tagging action changed: per initiative, the field before and after. Undoing
/// writes `before` back; redoing writes `after` again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    pub description: String,
    pub changes: Vec<(i64, FieldState, FieldState)>,
}

impl Record {
    /// The record that undoes this one.
    #[must_use]
    pub fn inverse(&self) -> Self {
        Self {
            description: self.description.clone(),
            changes: self.changes.iter().map(|(id, before, after)| (*id, after.clone(), before.clone())).collect(),
        }
    }

    pub fn initiatives(&self) -> usize {
        let mut ids: Vec<i64> = self.changes.iter().map(|(id, ..)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.len()
    }
}

/// A suggestion the analyst rejected: never offered again (kept in the database).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rejection {
    pub id: i64,
    pub kind: RejectionKind,
    /// The life event's code, or the owner text that matched nothing.
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectionKind {
    LifeEvent,
    Owner,
}

impl RejectionKind {
    pub fn name(self) -> &'static str {
        match self {
            RejectionKind::LifeEvent => "life_event",
            RejectionKind::Owner => "owner",
        }
    }
}
