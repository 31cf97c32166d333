//! What an import hands the store: harmonised rows, the fields samla knows, counts and
//! progress. Plain data, so the store persists it without knowing how a file is read.

use crate::i18n::{FIELDS, FieldNames, Text};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::sync::atomic::{AtomicBool, AtomicUsize};

/// The fields samla harmonises. Their names and labels are in the one table of them,
/// [`crate::i18n::FIELDS`], in this enum's order.
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

    /// The field's row in the table of field names.
    pub const fn names(self) -> &'static FieldNames {
        &FIELDS[self as usize]
    }

    /// samla's name for the field: its column name, what `--map` takes.
    pub const fn name(self) -> &'static str {
        self.names().name
    }

    /// The name the change log stores for the field's value (`ministries` for
    /// [`Field::Ministry`]), also its column in exports.
    pub const fn log_name(self) -> &'static str {
        self.names().log_name
    }

    /// What the reader calls the field.
    pub const fn label(self) -> Text {
        self.names().label
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
    /// The fields a change can touch (all but the key), in the order the change log and
    /// the import report list them.
    pub const FIELDS: [Field; 12] = [
        Field::Title,
        Field::Description,
        Field::Agency,
        Field::Ministry,
        Field::LifeEvents,
        Field::AmountNok,
        Field::TotalCostNok,
        Field::BudgetYear,
        Field::StartDate,
        Field::Phase,
        Field::Risk,
        Field::Tags,
    ];

    /// A field as text for comparison and the change log; None when it has no value (the
    /// key is not among these values).
    pub fn field_text(&self, field: Field) -> Option<String> {
        let list = |values: &[String]| (!values.is_empty()).then(|| values.join(", "));
        match field {
            Field::Key => None,
            Field::Title => Some(self.title.clone()),
            Field::Description => self.description.clone(),
            Field::Agency => self.agency.clone().or_else(|| self.agency_text.clone()),
            Field::Ministry => list(&self.ministries),
            Field::LifeEvents => list(&self.life_events),
            Field::AmountNok => self.amount_nok.map(|v| v.to_string()),
            Field::TotalCostNok => self.total_cost_nok.map(|v| v.to_string()),
            Field::BudgetYear => self.budget_year.map(|v| v.to_string()),
            Field::StartDate => self.start_date.clone(),
            Field::Phase => self.phase.clone(),
            Field::Risk => self.risk.clone(),
            Field::Tags => list(&self.tags),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_names_lists_the_fields_in_their_order() {
        assert_eq!(FIELDS.len(), Field::ALL.len());
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), index);
            // The serialised name (in stored mappings) is the table's name for the field.
            assert_eq!(serde_json::to_value(field).expect("serialises"), field.name());
            assert_eq!(Field::parse(field.name()), Some(field));
            assert_eq!(Field::parse(field.log_name()), Some(field));
        }
    }

    #[test]
    fn a_change_can_touch_every_field_but_the_key() {
        let mut touched = SourceValues::FIELDS.to_vec();
        touched.sort();
        assert_eq!(touched, Field::ALL[1..]);
        assert_eq!(Field::Ministry.log_name(), "ministries");
        assert_eq!(SourceValues::default().field_text(Field::Key), None);
    }
}
