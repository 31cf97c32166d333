//! What an import did, for the terminal and as JSON.

use super::harmonise::Findings;
use super::layout::Layout;
use super::read::{FileLayout, RawTable};
use crate::config::Lang;
use serde::Serialize;

/// How many warnings and rejected rows the text report lists before pointing at --json.
const LISTED: usize = 15;
/// How much of a value the text report quotes: a cell can hold a megabyte, and the report
/// is for reading (--json has every value in full).
const QUOTED_CHARS: usize = 80;
const QUOTED_ROW_CHARS: usize = 200;

mod text;

pub use super::warning::{Warning, WarningKind};

/// A row that could not become an initiative (no title). Its cells are reported in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejected {
    pub line: usize,
    pub reason: RejectReason,
    pub raw: Vec<String>,
}

/// Why a row was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    NoTitle,
}

impl RejectReason {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (RejectReason::NoTitle, Lang::Nb) => "ingen tittel",
            (RejectReason::NoTitle, Lang::En) => "no title",
        }
    }
}

pub use crate::model::import::{Counts, Updated};

/// The earlier import of the very same bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PreviousImport {
    pub batch_id: i64,
    pub source: String,
    pub file_name: String,
    pub imported_at: String,
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
    /// The round's number within its source (1 for its first file).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub round: Option<i64>,
    /// The source the file's name gave, when its rows showed it to be a new round of the
    /// known source in `source` instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognised_from: Option<String>,
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

impl ImportReport {
    /// The report of an import not yet done.
    pub(crate) fn new(file: &str, source: &str, sha256: &str, dry_run: bool) -> Self {
        Self {
            file: file.to_string(),
            source: source.to_string(),
            sha256: sha256.to_string(),
            dry_run,
            already_imported: None,
            batch_id: None,
            round: None,
            recognised_from: None,
            format: None,
            layout: None,
            counts: Counts::default(),
            updated_keys: Vec::new(),
            withdrawn_keys: Vec::new(),
            new_municipalities: Vec::new(),
            warning_list: Vec::new(),
            rejected_rows: Vec::new(),
        }
    }

    /// What reading the file found: its format and layout, counts, warnings and rejected
    /// rows; a UTF-8 file's repaired bytes become warnings on their lines.
    pub(crate) fn fill(&mut self, table: &RawTable, layout: &Layout, written: &Counts, findings: Findings) {
        let format = &table.layout;
        let mut warnings: Vec<Warning> = format
            .repaired_lines
            .iter()
            .map(|line| Warning {
                line: *line,
                field: "encoding".into(),
                value: String::new(),
                kind: WarningKind::RepairedEncoding,
            })
            .collect();
        warnings.extend(findings.warnings);
        self.counts = Counts {
            rows_read: findings.rows_read,
            rejected: findings.rejected.len(),
            warnings: warnings.len(),
            ..*written
        };
        self.format = Some(format.clone());
        self.layout = Some(layout.clone());
        self.warning_list = warnings;
        self.rejected_rows = findings.rejected;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_report_quotes_huge_values_and_long_lists_in_part() {
        let report = ImportReport {
            file: "stor.csv".into(),
            source: "stor".into(),
            sha256: String::new(),
            dry_run: true,
            already_imported: None,
            batch_id: None,
            round: None,
            recognised_from: None,
            format: None,
            layout: Some(Layout {
                header_index: 0,
                header_row: 1,
                headers: Vec::new(),
                mapping: Vec::new(),
                unmapped: (0..10_000).map(|i| format!("Kolonne {i}")).collect(),
                header_year: None,
                columns: Vec::new(),
                notes: Vec::new(),
            }),
            counts: Counts::default(),
            updated_keys: Vec::new(),
            withdrawn_keys: Vec::new(),
            new_municipalities: Vec::new(),
            warning_list: vec![Warning {
                line: 2,
                field: "amount_nok".into(),
                value: "9".repeat(1 << 20),
                kind: WarningKind::NoAmount,
            }],
            rejected_rows: vec![Rejected { line: 3, reason: RejectReason::NoTitle, raw: vec!["x".repeat(1 << 20)] }],
        };
        let text = report.describe(Lang::En);
        assert!(text.len() < 2_000, "{} bytes", text.len());
        assert!(text.contains("«Kolonne 14», … 9985 more"), "{text}");
    }
}
