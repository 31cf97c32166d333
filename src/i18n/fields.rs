//! The one table of an initiative's fields and their names. The import's `Field` enum reads
//! its names here (it lists the fields in this table's order), the change log's and the
//! exports' names come from here, and so do the labels the reader sees.

use super::{
    AGENCY, AMOUNT, BUDGET_YEAR, DESCRIPTION, KEY, LIFE_EVENTS, MINISTRIES, PHASE, RISK, START_DATE, STATUS, TAGS,
    TITLE, TOTAL_COST, Text,
};

/// A field's names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldNames {
    /// samla's name for it: its column name, what `--map` takes, its name in `columns.toml`.
    pub name: &'static str,
    /// The name the change log stores for its value, also its column in `samla list
    /// --format csv`. Stored in analysts' databases: never change one.
    pub log_name: &'static str,
    /// What the reader calls it.
    pub label: Text,
}

const fn field(name: &'static str, log_name: &'static str, label: Text) -> FieldNames {
    FieldNames { name, log_name, label }
}

/// Every field of an initiative samla harmonises, in the order of the import's `Field`
/// enum (a test holds them together).
pub const FIELDS: [FieldNames; 13] = [
    field("key", "key", KEY),
    field("title", "title", TITLE),
    field("description", "description", DESCRIPTION),
    field("agency", "agency", AGENCY),
    field("ministry", "ministries", MINISTRIES),
    field("amount_nok", "amount_nok", AMOUNT),
    field("total_cost_nok", "total_cost_nok", TOTAL_COST),
    field("life_events", "life_events", LIFE_EVENTS),
    field("phase", "phase", PHASE),
    field("risk", "risk", RISK),
    field("budget_year", "budget_year", BUDGET_YEAR),
    field("start_date", "start_date", START_DATE),
    field("tags", "tags", TAGS),
];

/// The label of a field named by its change-log name (`amount_nok`, `ministries`) or its
/// own (`ministry`), or of an initiative's `status`; None for any other name.
pub fn field_name(field: &str) -> Option<Text> {
    if field == "status" {
        return Some(STATUS);
    }
    FIELDS.iter().find(|f| f.log_name == field || f.name == field).map(|f| f.label)
}
