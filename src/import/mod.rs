//! Importing sector files: read → find the layout → harmonise → write in one transaction.
//!
//! Each step is its own module and knows nothing of the next: `read` turns bytes into cells,
//! `layout` decides which column is which field, `harmonise` reads values, and the store
//! writes the result. A new file format is a new reader; a new wording is a line in `data/`.

pub mod harmonise;
pub mod layout;
pub mod read;
pub mod report;
pub mod scores;
mod spreadsheet_guard;
pub mod values;

pub use layout::Field;
pub use report::ImportReport;

use crate::error::{Error, Result};
use crate::reference::ReferenceSource;
use crate::store::Store;
use crate::store::import_write::{self, BatchInfo};
use crate::store::lookup::Resolver;
use report::{Counts, PreviousImport};
use sha2::Digest;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize};

/// Files larger than this are refused rather than read into memory.
const MAX_FILE_BYTES: u64 = 2 << 30;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The source (sector list) label; by default from the file name.
    pub source: Option<String>,
    /// The spreadsheet sheet to read; by default the first.
    pub sheet: Option<String>,
    /// `--map FIELD=COLUMN` overrides.
    pub mappings: Vec<(Field, String)>,
    /// Report what would happen, write nothing.
    pub dry_run: bool,
    /// Who is importing, for the change log.
    pub analyst: String,
    /// Progress and cancellation, for imports started from the TUI.
    pub monitor: Option<Arc<Monitor>>,
}

/// Shared with a running import: how far it has come, and a way to stop it.
#[derive(Debug, Default)]
pub struct Monitor {
    /// Rows written so far.
    pub rows_done: AtomicUsize,
    /// Set to stop the import; it then rolls back and fails with [`Error::Cancelled`].
    pub cancel: AtomicBool,
}

/// Imports one file as one transaction: on any error the database is exactly as before.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    reference: &ReferenceSource,
) -> Result<ImportReport> {
    let display = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| Error::io("read", path, e))?;
    if meta.is_dir() {
        return Err(Error::Import { file: display, message: "is a directory; give the files to import".into() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::Import { file: display, message: "is larger than 2 GiB; split it before importing".into() });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let file_name = path.file_name().map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    import_bytes(store, bytes, &file_name, &display, options, reference)
}

/// Imports the bytes of a file named `file_name` (shown as `display`), as one transaction.
///
/// Parsing and harmonising run on a second thread while this one writes, so a large file
/// costs about as long as its slower half.
pub fn import_bytes<'b>(
    store: &mut Store,
    bytes: impl Into<Cow<'b, [u8]>>,
    file_name: &str,
    display: &str,
    options: &ImportOptions,
    reference: &ReferenceSource,
) -> Result<ImportReport> {
    let bytes = bytes.into();
    let size_bytes = bytes.len() as u64;
    let import_error = |message: String| Error::Import { file: display.to_string(), message };
    let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
    let source = match &options.source {
        Some(label) if !label.trim().is_empty() => label.trim().to_string(),
        Some(_) => return Err(import_error("--source must not be empty".into())),
        None => default_source_label(file_name),
    };
    let mut report = ImportReport {
        file: display.to_string(),
        source: source.clone(),
        sha256: sha256.clone(),
        dry_run: options.dry_run,
        already_imported: None,
        batch_id: None,
        format: None,
        layout: None,
        counts: Counts::default(),
        updated_keys: Vec::new(),
        withdrawn_keys: Vec::new(),
        new_municipalities: Vec::new(),
        warning_list: Vec::new(),
        rejected_rows: Vec::new(),
    };
    if let Some(previous) = store.batches(None)?.into_iter().find(|b| b.sha256 == sha256) {
        report.already_imported = Some(PreviousImport {
            batch_id: previous.id,
            source: previous.source,
            file_name: previous.file_name,
            imported_at: previous.imported_at,
        });
        return Ok(report);
    }

    let table = read::read_table(bytes, file_name, options.sheet.as_deref()).map_err(|e| import_error(e.0))?;
    let matcher = layout::HeaderMatcher::new(&reference.columns()?);
    let head = table.head(layout::HEADER_SCAN_ROWS).map_err(|e| import_error(e.0))?;
    let layout = layout::detect(&head, &matcher, &options.mappings).map_err(|e| {
        let others: Vec<&String> =
            table.layout.sheets.iter().filter(|s| Some(*s) != table.layout.sheet.as_ref()).collect();
        if others.is_empty() {
            return import_error(e.0);
        }
        let names: Vec<String> = others.iter().map(|s| format!("'{s}'")).collect();
        import_error(format!(
            "{} (sheet '{}'); the table may be on another sheet: {} — choose it with --sheet NAME",
            e.0,
            table.layout.sheet.as_deref().unwrap_or_default(),
            names.join(", ")
        ))
    })?;
    let vocabulary = values::ValueVocabulary::new(&reference.vocabulary()?);
    let resolver = Resolver::load(store.conn())?;
    let mut previous = previous_values(store, &source, &resolver, &vocabulary)?;
    let headers_json = serde_json::to_string(&layout.headers).map_err(|e| Error::Invalid(e.to_string()))?;
    let at = crate::now();
    let info = BatchInfo {
        source: &source,
        file_name,
        file_path: display,
        sha256: &sha256,
        size_bytes,
        analyst: &options.analyst,
        headers_json: &headers_json,
        at: &at,
    };
    let monitor = options.monitor.as_deref();

    let harmoniser = harmonise::Harmoniser { resolver: &resolver, vocabulary: &vocabulary, layout: &layout };
    let mut writer_resolver = resolver.clone();
    store.bulk_write(size_bytes, |store| {
        let tx = store.conn_mut().transaction()?;
        let (written, findings) = std::thread::scope(|scope| {
            let (sender, receiver) =
                std::sync::mpsc::sync_channel::<read::ReadResult<Vec<harmonise::HarmonisedRow>>>(8);
            let producer = scope.spawn(|| {
                let sender = sender;
                let mut pass = harmonise::Pass::default();
                let mut batch = Vec::with_capacity(PIPELINE_BATCH);
                for row in table.rows().skip(layout.header_index + 1) {
                    match row {
                        Ok(row) => batch.extend(harmoniser.row(&mut pass, &row)),
                        Err(error) => {
                            // The writer stops at the error; the transaction is rolled back.
                            let _ = sender.send(Err(error));
                            return pass.findings;
                        }
                    }
                    if batch.len() == PIPELINE_BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(PIPELINE_BATCH));
                        if sender.send(Ok(full)).is_err() {
                            return pass.findings;
                        }
                    }
                }
                if !batch.is_empty() {
                    let _ = sender.send(Ok(batch));
                }
                pass.findings
            });
            let rows = receiver.into_iter().flat_map(|batch| match batch {
                Ok(rows) => rows.into_iter().map(Ok).collect::<Vec<_>>(),
                Err(error) => vec![Err(import_error(error.0))],
            });
            let written = import_write::write(&tx, &mut writer_resolver, &info, rows, &mut previous, monitor);
            let findings = producer.join().map_err(|_| Error::Invalid("the import's reader thread failed".into()));
            (written, findings)
        });
        let written = written?;
        let findings = findings?;
        if written.counts.inserted + written.counts.updated + written.counts.unchanged == 0
            && findings.rejected.is_empty()
        {
            return Err(import_error(format!(
                "has a header row (line {}) but no data rows below it",
                layout.header_row
            )));
        }
        report.counts = Counts {
            rows_read: findings.rows_read,
            rejected: findings.rejected.len(),
            warnings: findings.warnings.len(),
            ..written.counts
        };
        report.format = Some(table.layout.clone());
        report.layout = Some(layout.clone());
        report.updated_keys = written.updated;
        report.withdrawn_keys = written.withdrawn;
        report.new_municipalities = written.new_municipalities;
        report.warning_list = findings.warnings;
        report.rejected_rows = findings.rejected;
        let report_json = serde_json::to_string(&report).map_err(|e| Error::Invalid(e.to_string()))?;
        import_write::finish_batch(&tx, written.batch_id, &report.counts, &report_json)?;
        if options.dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
            report.batch_id = Some(written.batch_id);
        }
        Ok(report)
    })
}

/// Rows handed from the reading thread to the writing one at a time.
const PIPELINE_BATCH: usize = 512;

/// What the source's last round said about each of its initiatives, by key: each stored raw
/// row read again with the layout its batch was imported with. Rows that cannot be read
/// again are left out (their current values then stand in).
fn previous_values(
    store: &Store,
    source: &str,
    resolver: &Resolver,
    vocabulary: &values::ValueVocabulary,
) -> Result<HashMap<String, harmonise::SourceValues>> {
    // Per batch: the layout it was read with, and whether it was a spreadsheet (whose
    // number cells were stored as their plain decimal text).
    let mut layouts: HashMap<i64, Option<(layout::Layout, bool)>> = HashMap::new();
    let mut memos: HashMap<i64, harmonise::Memo> = HashMap::new();
    let mut out = HashMap::new();
    let mut ignored_warnings = Vec::new();
    for stored in store.source_rows(source)? {
        if let std::collections::hash_map::Entry::Vacant(slot) = layouts.entry(stored.batch_id) {
            let recorded = store
                .batch_report_json(stored.batch_id)?
                .and_then(|json| serde_json::from_str::<serde_json::Value>(&json).ok())
                .and_then(|report| {
                    let layout = serde_json::from_value::<layout::Layout>(report.get("layout")?.clone()).ok()?;
                    let format = report.pointer("/format/format").and_then(|f| f.as_str()).unwrap_or("csv");
                    Some((layout, format != "csv"))
                });
            slot.insert(recorded);
        }
        let Some(Some((layout, spreadsheet))) = layouts.get(&stored.batch_id) else { continue };
        let Ok(cells) = serde_json::from_str::<Vec<String>>(&stored.raw_json) else { continue };
        let cells = cells
            .into_iter()
            .map(|text| {
                let number = if *spreadsheet { text.parse::<f64>().ok().filter(|n| n.is_finite()) } else { None };
                read::Cell { text, number }
            })
            .collect();
        let row = read::RawRow::new(stored.line.unwrap_or_default() as usize, cells);
        let harmoniser = harmonise::Harmoniser { resolver, vocabulary, layout };
        let memo = memos.entry(stored.batch_id).or_default();
        ignored_warnings.clear();
        if let Some((values, _)) = harmoniser.values(&row, memo, &mut ignored_warnings) {
            out.insert(stored.key, values);
        }
    }
    Ok(out)
}

/// The source label for a file: its name without extension and without a trailing round
/// or version marker, so `kommunal.csv` and `kommunal_runde2.csv` are one source.
pub fn default_source_label(file_name: &str) -> String {
    let stem =
        Path::new(file_name).file_stem().map_or_else(|| file_name.to_string(), |s| s.to_string_lossy().into_owned());
    let without_digits = stem.trim_end_matches(|c: char| c.is_ascii_digit());
    if without_digits.len() == stem.len() {
        return stem;
    }
    let base = without_digits.trim_end_matches([' ', '_', '-', '.']);
    let lower = base.to_lowercase();
    for marker in ["runde", "round", "versjon", "version", "ver", "rev", "v", "r"] {
        if let Some(rest) = lower.strip_suffix(marker) {
            let label = base[..rest.len()].trim_end_matches([' ', '_', '-', '.']);
            if !label.is_empty()
                && (rest.len() < lower.len())
                && (rest.ends_with([' ', '_', '-', '.']) || marker.len() > 1)
            {
                return label.to_string();
            }
        }
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::default_source_label;

    #[test]
    fn source_labels_drop_round_markers() {
        assert_eq!(default_source_label("kommunal.csv"), "kommunal");
        assert_eq!(default_source_label("kommunal_runde2.csv"), "kommunal");
        assert_eq!(default_source_label("Helse runde 3.xlsx"), "Helse");
        assert_eq!(default_source_label("justis-v2.tsv"), "justis");
        assert_eq!(default_source_label("budsjett2027.csv"), "budsjett2027");
        assert_eq!(default_source_label("tiltak_r2.csv"), "tiltak");
        assert_eq!(default_source_label("naering_fiskeri.csv"), "naering_fiskeri");
    }
}
