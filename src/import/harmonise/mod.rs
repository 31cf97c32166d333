//! Turning one row of cells into samla's fields, with a warning for everything it could not
//! read. The raw cells always travel along, so nothing is lost.

mod fields;

use super::layout::{Field, Layout};
use super::read::RawRow;
use super::report::{RejectReason, Rejected, Warning, WarningKind};
use super::values::{Parsed, ValueVocabulary};
use crate::FastMap as HashMap;
use crate::store::lookup::{Owner, Resolver};
use crate::text::fold;

pub use crate::model::import::{HarmonisedRow, SourceValues};

/// What harmonising a file noticed besides its rows.
#[derive(Default)]
pub struct Findings {
    pub warnings: Vec<Warning>,
    pub rejected: Vec<Rejected>,
    /// Data rows read (blank rows not counted).
    pub rows_read: usize,
}

/// The state of one pass over a file: memos, keys seen, findings.
#[derive(Default)]
pub struct Pass {
    memo: Memo,
    keys_seen: HashMap<String, usize>,
    pub findings: Findings,
}

/// Remembers how each distinct cell text resolved: sector files repeat owners, ministries,
/// life events and phases thousands of times.
#[derive(Default)]
pub struct Memo {
    /// None for a cell that means "no value" ("ukjent", "-").
    owners: HashMap<String, Option<Owner>>,
    /// The agency's ministry → cell → what the cell named (a historic name reads
    /// differently for different agencies).
    ministries: HashMap<Option<i64>, HashMap<String, Named>>,
    life_events: HashMap<String, Named>,
    phases: HashMap<String, Parsed<String>>,
    risks: HashMap<String, Parsed<String>>,
}

/// Ids a list cell named, and the parts that named nothing known.
type Named = (Vec<i64>, Vec<String>);

pub struct Harmoniser<'a> {
    pub resolver: &'a Resolver,
    pub vocabulary: &'a ValueVocabulary,
    pub layout: &'a Layout,
}

impl Harmoniser<'_> {
    /// Harmonises one data row (a row below the header row). None for a blank row and for
    /// a rejected one (recorded in the pass's findings).
    pub fn row(&self, pass: &mut Pass, row: &RawRow) -> Option<HarmonisedRow> {
        if row.is_blank() {
            return None;
        }
        let out = &mut pass.findings;
        out.rows_read += 1;
        let Some((values, new_municipality)) = self.values(row, &mut pass.memo, &mut out.warnings) else {
            out.rejected.push(Rejected {
                line: row.line,
                reason: RejectReason::NoTitle,
                raw: row.texts().map(str::to_string).collect(),
            });
            return None;
        };
        let mut warn = |raw: &str, kind: WarningKind| {
            out.warnings.push(Warning {
                line: row.line,
                field: Field::Key.name().to_string(),
                value: raw.to_string(),
                kind,
            });
        };
        let mut key = if let Some(key) = self.text(row, Field::Key).map(str::trim).filter(|k| !k.is_empty()) {
            key.to_string()
        } else {
            if self.layout.column(Field::Key).is_some() {
                warn("", WarningKind::NoKey);
            }
            format!("title:{}", fold(&values.title))
        };
        let seen = pass.keys_seen.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            let count = *seen;
            warn(&key, WarningKind::DuplicateKey { count, kept_as: format!("{key}#{count}") });
            key = format!("{key}#{count}");
        }
        Some(HarmonisedRow { line: row.line, key, values, new_municipality, raw_json: raw_json(row) })
    }

    /// The values one row gives, and a municipality it names that is not known yet; None
    /// when the row has neither a title nor a key. Imperfect values add warnings.
    pub fn values(
        &self,
        row: &RawRow,
        memo: &mut Memo,
        warnings: &mut Vec<Warning>,
    ) -> Option<(SourceValues, Option<String>)> {
        let mut cx = fields::RowContext { row, warnings };
        let title = self.read_title(&mut cx)?;
        let description =
            self.text(row, Field::Description).map(str::trim).filter(|d| !d.is_empty()).map(str::to_string);
        let mut values = SourceValues { title, description, ..SourceValues::default() };
        // Owner first: a historic ministry name is read in the light of the agency's ministry.
        let (agency_ministry, new_municipality) = self.read_owner(memo, &mut values, &mut cx);
        self.read_ministries(memo, agency_ministry, &mut values, &mut cx);
        self.read_life_events(memo, &mut values, &mut cx);
        self.read_amounts(&mut values, &mut cx);
        self.read_dates(&mut values, &mut cx);
        self.read_terms(memo, &mut values, &mut cx);
        self.read_tags(&mut values, &mut cx);
        Some((values, new_municipality))
    }
}

/// A row's cells verbatim as a JSON array, as the store keeps them.
pub fn raw_json(row: &RawRow) -> String {
    /// A row's cells as a JSON array, written straight from the row.
    struct Cells<'a>(&'a RawRow);
    impl serde::Serialize for Cells<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
            serializer.collect_seq(self.0.texts())
        }
    }
    // `to_string` knows its output is UTF-8; checking it again cost 3 % of a large import.
    serde_json::to_string(&Cells(row)).unwrap_or_else(|_| "[]".into())
}

pub(super) use crate::text::collapse_whitespace as collapse;
