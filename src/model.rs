//! Plain data that crosses the library's boundary: what lists, exports and screens show.

use serde::Serialize;

pub mod import;
pub mod tagging;

/// Budget years samla accepts, in a file, a filter or a header: anything outside is a
/// number in the wrong column.
pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// An initiative as lists and exports show it. Ministries are codes with the lead first;
/// life events are codes in the reference order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Initiative {
    pub id: i64,
    /// The source (sector list) label it belongs to.
    pub source: String,
    /// The file it was last imported from.
    pub source_file: String,
    /// Its key in that source.
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    /// The owner agency's short name, or the text the file gave when it matched nothing.
    pub agency: Option<String>,
    pub ministries: Vec<String>,
    pub life_events: Vec<String>,
    pub tags: Vec<String>,
    pub amount_nok: Option<i64>,
    pub total_cost_nok: Option<i64>,
    pub budget_year: Option<i32>,
    pub start_date: Option<String>,
    pub phase: Option<String>,
    pub risk: Option<String>,
    pub status: Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Active,
    /// Gone from the latest round of its source; kept, never deleted.
    Withdrawn,
}

impl Status {
    pub(crate) fn parse(text: &str) -> Self {
        if text == "withdrawn" { Self::Withdrawn } else { Self::Active }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Withdrawn => "withdrawn",
        }
    }
}

/// Everything known about one initiative: its fields, where it came from and its history.
#[derive(Debug, Clone, Serialize)]
pub struct InitiativeDetail {
    #[serde(flatten)]
    pub initiative: Initiative,
    pub agency_name: Option<String>,
    /// The line (CSV) or row (spreadsheet) it was read from in `source_file`.
    pub source_line: Option<i64>,
    pub imported_at: String,
    /// The source row verbatim: header and cell pairs in file order.
    pub raw_row: Vec<(String, String)>,
    pub history: Vec<Change>,
}

/// One entry of the change log.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub at: String,
    pub who: String,
    pub initiative_id: Option<i64>,
    pub batch_id: Option<i64>,
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
}

/// One imported file, as recorded.
#[derive(Debug, Clone, Serialize)]
pub struct Batch {
    pub id: i64,
    /// The round's number within its source (1, 2 …), not the global batch id.
    pub round: i64,
    pub source: String,
    pub file_name: String,
    pub sha256: String,
    pub imported_at: String,
    pub analyst: String,
    pub rows_read: i64,
    pub inserted: i64,
    pub updated: i64,
    pub unchanged: i64,
    pub withdrawn: i64,
    pub rejected: i64,
    pub warnings: i64,
    /// True when this round can be undone (it is its source's latest and samla kept the
    /// state before it).
    pub undoable: bool,
}

/// What undoing an import round did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundUndone {
    pub source: String,
    pub file_name: String,
    pub round: i64,
    /// Initiatives the round had added, now removed.
    pub removed: usize,
    /// Initiatives the round had changed, now as before it.
    pub restored: usize,
    /// Initiatives the round had withdrawn, now active again.
    pub reactivated: usize,
    /// True when it was the source's only round, so the source is gone too.
    pub source_removed: bool,
}

/// An initiative named in a list of changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InitiativeRef {
    pub id: i64,
    pub key: String,
    pub title: String,
}

/// What one import batch did to its source.
#[derive(Debug, Clone, Serialize)]
pub struct BatchChanges {
    pub batch: Batch,
    pub inserted: Vec<InitiativeRef>,
    /// Changed initiatives with their field changes.
    pub updated: Vec<(InitiativeRef, Vec<Change>)>,
    pub withdrawn: Vec<InitiativeRef>,
    /// Initiatives withdrawn earlier that this round brought back.
    pub reinstated: Vec<InitiativeRef>,
}
