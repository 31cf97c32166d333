//! What an import did, for the terminal and as JSON.

use super::layout::Layout;
use super::read::FileLayout;
use serde::Serialize;

/// A value that was imperfect: the row is imported, the field left empty or as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub field: String,
    pub value: String,
    pub reason: String,
}

/// A row that could not become an initiative (no title). Its cells are reported in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    pub line: usize,
    pub reason: String,
    pub raw: Vec<String>,
}

/// An initiative a re-import changed, and which fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Updated {
    pub key: String,
    pub fields: Vec<String>,
}

/// The earlier import of the very same bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviousImport {
    pub batch_id: i64,
    pub source: String,
    pub file_name: String,
    pub imported_at: String,
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

#[derive(Debug, Clone, Serialize)]
pub struct ImportReport {
    pub file: String,
    pub source: String,
    pub sha256: String,
    pub dry_run: bool,
    /// Set when these bytes were imported before; then nothing else happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub already_imported: Option<PreviousImport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<FileLayout>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    #[serde(flatten)]
    pub counts: Counts,
    pub updated_keys: Vec<Updated>,
    pub withdrawn_keys: Vec<String>,
    pub new_municipalities: Vec<String>,
    pub warning_list: Vec<Warning>,
    pub rejected_rows: Vec<Rejected>,
}
