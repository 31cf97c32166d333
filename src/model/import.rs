//! What an import hands the store: harmonised rows, the fields samla knows, counts and
//! progress. Plain data, so the store persists it without knowing how a file is read.

use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicUsize};

/// The fields samla harmonises. Their names are samla's own column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Key,
    Title,
    Description,
    Agency,
    Ministry,
    AmountNok,
    TotalCostNok,
    LifeEvents,
    Phase,
    Risk,
    BudgetYear,
    StartDate,
    Tags,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Key,
        Field::Title,
        Field::Description,
        Field::Agency,
        Field::Ministry,
        Field::AmountNok,
        Field::TotalCostNok,
        Field::LifeEvents,
        Field::Phase,
        Field::Risk,
        Field::BudgetYear,
        Field::StartDate,
        Field::Tags,
    ];

    pub const COUNT: usize = 13;

    /// The field's place in [`Field::ALL`], for tables indexed by field.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Field::Key => "key",
            Field::Title => "title",
            Field::Description => "description",
            Field::Agency => "agency",
            Field::Ministry => "ministry",
            Field::AmountNok => "amount_nok",
            Field::TotalCostNok => "total_cost_nok",
            Field::LifeEvents => "life_events",
            Field::Phase => "phase",
            Field::Risk => "risk",
            Field::BudgetYear => "budget_year",
            Field::StartDate => "start_date",
            Field::Tags => "tags",
        }
    }

    /// Reads a field name as users type it in `--map` (a few short forms are accepted).
    pub fn parse(name: &str) -> Option<Field> {
        let folded = fold(name).replace(' ', "_");
        let alias = match folded.as_str() {
            "ministries" => "ministry",
            "amount" => "amount_nok",
            "total_cost" => "total_cost_nok",
            "life_event" => "life_events",
            "year" => "budget_year",
            "id" => "key",
            other => other,
        };
        Field::ALL.into_iter().find(|f| f.name() == alias)
    }

    /// Fields whose values are amounts of money, scaled by a unit in the header.
    pub fn is_amount(self) -> bool {
        matches!(self, Field::AmountNok | Field::TotalCostNok)
    }
}

/// The harmonised values of one initiative as its source gives them. Organisations and life
/// events are codes, so the JSON stays readable and stable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceValues {
    pub title: String,
    pub description: Option<String>,
    /// The owner's code when known (an agency, a ministry, KS or a municipality).
    pub agency: Option<String>,
    /// The owner as written, when it matched nothing known.
    pub agency_text: Option<String>,
    pub ministries: Vec<String>,
    pub life_events: Vec<String>,
    pub amount_nok: Option<i64>,
    pub total_cost_nok: Option<i64>,
    pub budget_year: Option<i32>,
    pub start_date: Option<String>,
    pub phase: Option<String>,
    pub risk: Option<String>,
    pub tags: Vec<String>,
}

impl SourceValues {
    /// The fields a change can touch, by the names the change log uses.
    pub const FIELDS: [&'static str; 12] = [
        "title",
        "description",
        "agency",
        "ministries",
        "life_events",
        "amount_nok",
        "total_cost_nok",
        "budget_year",
        "start_date",
        "phase",
        "risk",
        "tags",
    ];

    /// A field as text for comparison and the change log; None when it has no value.
    pub fn field_text(&self, field: &str) -> Option<String> {
        let list = |values: &[String]| (!values.is_empty()).then(|| values.join(", "));
        match field {
            "title" => Some(self.title.clone()),
            "description" => self.description.clone(),
            "agency" => self.agency.clone().or_else(|| self.agency_text.clone()),
            "ministries" => list(&self.ministries),
            "life_events" => list(&self.life_events),
            "amount_nok" => self.amount_nok.map(|v| v.to_string()),
            "total_cost_nok" => self.total_cost_nok.map(|v| v.to_string()),
            "budget_year" => self.budget_year.map(|v| v.to_string()),
            "start_date" => self.start_date.clone(),
            "phase" => self.phase.clone(),
            "risk" => self.risk.clone(),
            "tags" => list(&self.tags),
            _ => None,
        }
    }
}

/// A row ready to be written.
#[derive(Debug, Clone)]
pub struct HarmonisedRow {
    pub line: usize,
    pub key: String,
    pub values: SourceValues,
    /// A municipality this row names that the database does not know yet.
    pub new_municipality: Option<String>,
    /// The row's cells verbatim, JSON.
    pub raw_json: String,
}

/// An initiative a re-import changed, and which fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Updated {
    pub key: String,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Counts {
    pub rows_read: usize,
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub withdrawn: usize,
    pub rejected: usize,
    pub warnings: usize,
}

/// Shared with a running import: how far it has come, and a way to stop it.
#[derive(Debug, Default)]
pub struct Monitor {
    /// Rows written so far.
    pub rows_done: AtomicUsize,
    /// Set to stop the import; it then rolls back and fails with [`crate::error::Error::Cancelled`].
    pub cancel: AtomicBool,
}

impl Monitor {
    pub fn cancelled(monitor: Option<&Monitor>) -> bool {
        monitor.is_some_and(|m| m.cancel.load(std::sync::atomic::Ordering::Relaxed))
    }
}
