//! Importing sector files: read → find the layout → harmonise → write in one transaction.
//!
//! Each step is its own module and knows nothing of the next: `read` turns bytes into cells,
//! `layout` decides which column is which field, `harmonise` reads values, and the store
//! writes the result. A new file format is a new reader; a new wording is a line in `data/`.

pub mod detect;
pub mod harmonise;
pub mod layout;
pub mod listing;
pub mod proposal;
pub mod read;
mod recognise;
pub mod report;
pub mod scores;
pub mod values;
pub mod warning;

pub use layout::Field;
pub use recognise::default_source_label;
pub use report::ImportReport;

use crate::error::{Error, ImportProblem, Result};
use crate::reference::ReferenceSource;
use crate::store::Store;
use crate::store::import_write::{self, BatchInfo};
use crate::store::lookup::Resolver;
use report::PreviousImport;
use sha2::Digest;
use std::borrow::Cow;
use std::collections::HashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 2 << 30;

/// A round that would withdraw more than this share of a source's active initiatives is
/// refused unless the analyst says it is meant ([`ImportOptions::allow_withdraw`]): a file
/// cut short or a changed key column would otherwise withdraw a sector without a word.
pub const WITHDRAW_SHARE_ASKED: f64 = 0.2;

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
    /// Withdraw whatever the round leaves out, however much (see [`WITHDRAW_SHARE_ASKED`]).
    pub allow_withdraw: bool,
    /// Accept detection's proposal even where it is unsure (the analyst has seen it).
    pub assume_yes: bool,
    /// Who is importing, for the change log.
    pub analyst: String,
    /// Progress and cancellation, for imports started from the TUI.
    pub monitor: Option<Arc<Monitor>>,
}

pub use crate::model::import::Monitor;

/// Backups kept per database: the newest of those taken before imports.
pub const BACKUPS_KEPT: usize = 5;

/// Copies the analyst's earlier work into `backup_dir` before an import rewrites much (the
/// CLI once before its files, the TUI before each file); None for an empty database.
pub fn back_up_before_import(store: &Store, backup_dir: &Path) -> Result<Option<std::path::PathBuf>> {
    store.backup_before_change(backup_dir, BACKUPS_KEPT)
}

/// Undoes the latest import round of `source` (as the TUI's `U` does), after copying the
/// database to `backup_dir`: returns the copy's path (none for an empty database) and what
/// the undo did. One transaction: all of it or nothing.
pub fn undo_latest_round(
    store: &mut Store,
    source: &str,
    backup_dir: &Path,
) -> Result<(Option<std::path::PathBuf>, crate::model::RoundUndone)> {
    let batch = store.latest_round_of(source)?;
    let copy = back_up_before_import(store, backup_dir)?;
    Ok((copy, store.undo_round(batch)?))
}

/// Imports one file as one transaction: on any error the database is exactly as before.
pub fn import_file(
    store: &mut Store,
    path: &Path,
    options: &ImportOptions,
    reference: &ReferenceSource,
) -> Result<ImportReport> {
    let display = path.display().to_string();
    let bytes = read_file(path, options.monitor.as_deref()).map_err(|e| match e {
        FileError::Problem(problem) => Error::import(display.clone(), problem),
        FileError::Io(e) => Error::io("read", path, e),
        FileError::Cancelled => Error::Cancelled,
    })?;
    let file_name = path.file_name().map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    import_bytes(store, bytes, &file_name, &display, options, reference)
}

enum FileError {
    Problem(ImportProblem),
    Io(std::io::Error),
    Cancelled,
}

/// The bytes of a file to import. Directories and devices (`/dev/zero`) are refused; a
/// pipe is read, but never past [`MAX_FILE_BYTES`], and the monitor can stop the read.
fn read_file(path: &Path, monitor: Option<&Monitor>) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(FileError::Io)?;
    if meta.is_dir() {
        return Err(FileError::Problem(ImportProblem::IsDirectory));
    }
    if !meta.is_file() && !is_pipe(&meta) {
        return Err(FileError::Problem(ImportProblem::NotARegularFile));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::Problem(ImportProblem::TooLarge { limit_bytes: MAX_FILE_BYTES }));
    }
    let file = std::fs::File::open(path).map_err(FileError::Io)?;
    read_capped(file, MAX_FILE_BYTES, meta.len(), monitor)
}

#[cfg(unix)]
fn is_pipe(meta: &std::fs::Metadata) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type())
}

#[cfg(not(unix))]
fn is_pipe(_: &std::fs::Metadata) -> bool {
    false
}

/// Reads at most `limit` bytes in chunks, checking for cancellation between them.
fn read_capped(reader: impl Read, limit: u64, size_hint: u64, monitor: Option<&Monitor>) -> Result<Vec<u8>, FileError> {
    const CHUNK: usize = 8 << 20;
    let mut bytes = Vec::with_capacity(size_hint.min(limit) as usize);
    let mut reader = reader.take(limit + 1);
    let mut chunk = vec![0u8; CHUNK.min(limit as usize + 1)];
    loop {
        if Monitor::cancelled(monitor) {
            return Err(FileError::Cancelled);
        }
        let read = match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(FileError::Io(e)),
        };
        bytes.extend_from_slice(&chunk[..read]);
        if bytes.len() as u64 > limit {
            return Err(FileError::Problem(ImportProblem::TooLarge { limit_bytes: limit }));
        }
    }
    Ok(bytes)
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
    let import_error = |problem: ImportProblem| Error::import(display, problem);
    let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
    let source = source_label(options, file_name).map_err(import_error)?;
    let mut report = ImportReport::new(display, &source, &sha256, options.dry_run);
    report.already_imported = previous_import(store, &sha256)?;
    if report.already_imported.is_some() {
        return Ok(report);
    }
    let size_bytes = bytes.len() as u64;
    let table = read::read_table(bytes, file_name, options.sheet.as_deref()).map_err(|e| import_error(e.into()))?;
    let vocabulary = values::ValueVocabulary::new(&reference.vocabulary()?);
    let resolver = Resolver::load(store.conn())?;
    let knowledge = detect::Knowledge { resolver: &resolver, vocabulary: &vocabulary };
    let lexicon = detect::lexicon::Lexicon::new(&reference.columns()?);
    let remembered =
        if options.mappings.is_empty() { store.source_mapping(&source)?.unwrap_or_default() } else { Vec::new() };
    let given = detect::Given { mapped: &options.mappings, remembered: &remembered };
    let layout = detect_layout(&table, &lexicon, &knowledge, given).map_err(import_error)?;
    let redetect = |remembered: &[(Field, String)]| {
        let given = detect::Given { mapped: &options.mappings, remembered };
        detect_layout(&table, &lexicon, &knowledge, given).map_err(import_error)
    };
    let (source, layout) = match options.source {
        Some(_) => (source, layout),
        None => recognise::known_source(store, &table, source, layout, &knowledge, &redetect, &mut report)?,
    };
    if !options.assume_yes && !options.dry_run && !layout.unsure().is_empty() {
        return Err(import_error(unsure(&layout)));
    }
    // What the analyst confirmed is remembered for the source's next round.
    let confirmed = options.assume_yes || !options.mappings.is_empty();
    let headers_json = serde_json::to_string(&layout.headers).map_err(|e| Error::encode("JSON", e))?;
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
    let previous = previous_values(store, &source, &resolver, &vocabulary)?;
    let parts = Parts { table: &table, layout: &layout, resolver, vocabulary, previous };
    store.bulk_write(size_bytes, |store| {
        let tx = store.conn_mut().transaction()?;
        let (written, findings) = pipeline(&tx, parts, &info, options.monitor.as_deref(), &import_error)?;
        check_round(&written, &findings, layout.header_row, &source, options).map_err(import_error)?;
        report.fill(&table, &layout, &written.counts, findings);
        report.updated_keys = written.updated;
        report.withdrawn_keys = written.withdrawn;
        report.new_municipalities = written.new_municipalities;
        let report_json = serde_json::to_string(&report).map_err(|e| Error::encode("JSON", e))?;
        import_write::finish_batch(&tx, written.batch_id, &report.counts, &report_json)?;
        report.round = Some(crate::store::rounds::round_number(&tx, written.batch_id)?);
        if confirmed {
            Store::remember_mapping(&tx, &source, &layout.as_mappings(), &options.analyst, &at)?;
        }
        if options.dry_run {
            tx.rollback()?;
        } else {
            tx.commit()?;
            report.batch_id = Some(written.batch_id);
        }
        Ok(report)
    })
}

/// The round's source label: the one given, else the file name without a round marker.
fn source_label(options: &ImportOptions, file_name: &str) -> Result<String, ImportProblem> {
    match &options.source {
        Some(label) if !label.trim().is_empty() => Ok(label.trim().to_string()),
        Some(_) => Err(ImportProblem::EmptySourceLabel),
        None => Ok(default_source_label(file_name)),
    }
}

/// The import that already read a file with these bytes (`sha256`), if any.
fn previous_import(store: &Store, sha256: &str) -> Result<Option<PreviousImport>> {
    Ok(store.batches(None)?.into_iter().find(|b| b.sha256 == sha256).map(|previous| PreviousImport {
        batch_id: previous.id,
        source: previous.source,
        file_name: previous.file_name,
        imported_at: previous.imported_at,
    }))
}

/// Refuses a written round that read no data rows under its header row, or that would
/// withdraw more than [`WITHDRAW_SHARE_ASKED`] of its source's active initiatives unless
/// the analyst allowed it.
fn check_round(
    written: &import_write::Written,
    findings: &harmonise::Findings,
    header_row: usize,
    source: &str,
    options: &ImportOptions,
) -> Result<(), ImportProblem> {
    if written.counts.inserted + written.counts.updated + written.counts.unchanged == 0 && findings.rejected.is_empty()
    {
        return Err(ImportProblem::NoDataRows { header_row });
    }
    let withdrawn = written.withdrawn.len();
    if !options.allow_withdraw
        && withdrawn >= 2
        && withdrawn as f64 > written.active_before as f64 * WITHDRAW_SHARE_ASKED
    {
        return Err(ImportProblem::WouldWithdraw {
            label: source.to_string(),
            withdrawn,
            active: written.active_before,
        });
    }
    Ok(())
}

/// Which column is which, with a hint at the workbook's other sheets when the chosen one
/// holds no recognisable table.
fn detect_layout(
    table: &read::RawTable,
    lexicon: &detect::lexicon::Lexicon,
    knowledge: &detect::Knowledge<'_>,
    given: detect::Given<'_>,
) -> Result<layout::Layout, ImportProblem> {
    let head = table.head(detect::HEADER_SCAN_ROWS + detect::PROFILE_ROWS)?;
    detect::detect(&head, lexicon, knowledge, given).map_err(|error| {
        let others: Vec<String> =
            table.layout.sheets.iter().filter(|s| Some(*s) != table.layout.sheet.as_ref()).cloned().collect();
        let error = Box::new(error);
        if others.is_empty() {
            ImportProblem::Layout(error)
        } else {
            let sheet = table.layout.sheet.clone().unwrap_or_default();
            ImportProblem::LayoutOnSheet { error, sheet, others }
        }
    })
}

/// The refusal of a layout samla is unsure of, with its proposal for the analyst.
fn unsure(layout: &layout::Layout) -> ImportProblem {
    let fields = layout.unsure().iter().map(|f| f.name().to_string()).collect();
    ImportProblem::Unsure { fields, columns: proposal::guesses(layout) }
}

/// What the writing pipeline works from.
struct Parts<'t> {
    table: &'t read::RawTable,
    layout: &'t layout::Layout,
    resolver: Resolver,
    vocabulary: values::ValueVocabulary,
    previous: HashMap<String, harmonise::SourceValues>,
}

/// Reads and harmonises rows on a second thread while this one writes them.
fn pipeline(
    tx: &rusqlite::Transaction<'_>,
    parts: Parts<'_>,
    info: &BatchInfo<'_>,
    monitor: Option<&Monitor>,
    import_error: &dyn Fn(ImportProblem) -> Error,
) -> Result<(import_write::Written, harmonise::Findings)> {
    let Parts { table, layout, resolver, vocabulary, mut previous } = parts;
    let harmoniser = harmonise::Harmoniser { resolver: &resolver, vocabulary: &vocabulary, layout };
    let mut writer_resolver = resolver.clone();
    let (written, findings) = std::thread::scope(|scope| {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<read::ReadResult<Vec<harmonise::HarmonisedRow>>>(8);
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
            Err(error) => vec![Err(import_error(error.into()))],
        });
        let written = import_write::write(tx, &mut writer_resolver, info, rows, &mut previous, monitor);
        (written, producer.join())
    });
    let findings = findings.map_err(|_| import_error(ImportProblem::ReaderFailed))?;
    Ok((written?, findings))
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn endless_input_is_read_only_up_to_the_cap_and_stops_when_cancelled() {
        let endless = std::io::repeat(b'x');
        match read_capped(endless, 1 << 20, 0, None) {
            Err(FileError::Problem(ImportProblem::TooLarge { limit_bytes })) => assert_eq!(limit_bytes, 1 << 20),
            _ => panic!("an endless input must stop at the cap"),
        }
        let monitor = Monitor::default();
        monitor.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(matches!(
            read_capped(std::io::repeat(b'x'), u64::MAX / 2, 0, Some(&monitor)),
            Err(FileError::Cancelled)
        ));
        let small = read_capped(&b"Tiltak\nA\n"[..], 1 << 20, 9, None);
        assert!(matches!(small, Ok(bytes) if bytes == b"Tiltak\nA\n"));
    }

    #[test]
    fn source_labels_keep_their_words_and_drop_copy_markers() {
        assert_eq!(default_source_label("tiltak-helse-2027.csv"), "tiltak-helse-2027");
        assert_eq!(default_source_label("kommunal (kopi).tsv"), "kommunal");
        assert_eq!(default_source_label("kommunal - Kopi.csv"), "kommunal");
        assert_eq!(default_source_label("kommunal (2).csv"), "kommunal");
        assert_eq!(default_source_label("kommunal_runde2 (copy).csv"), "kommunal");
        assert_eq!(default_source_label("v2.csv"), "v2");
        assert_eq!(default_source_label("(2).csv"), "(2)");
        assert_eq!(default_source_label("arbeid_velferd.xlsx"), "arbeid_velferd");
        assert_eq!(default_source_label("driver.csv"), "driver");
    }

    #[test]
    fn letters_whose_case_changes_length_are_kept_whole() {
        // KELVIN SIGN and LATIN CAPITAL LETTER I WITH DOT ABOVE lower-case to other lengths.
        assert_eq!(default_source_label("\u{212a}ommune_runde2.csv"), "\u{212a}ommune");
        assert_eq!(default_source_label("İzmir.csv"), "İzmir");
        assert_eq!(default_source_label("İzmir_runde2.csv"), "İzmir");
        assert_eq!(default_source_label("İİİİİİİİİİ_r2.csv"), "İİİİİİİİİİ");
        assert_eq!(default_source_label("\u{212a}\u{212a}\u{212a}2.csv"), "\u{212a}\u{212a}\u{212a}2");
    }
}
