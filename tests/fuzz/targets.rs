//! What each fuzz target does with its input, as plain functions: the fuzz targets in
//! `fuzz_targets/` call them, and so does `tests/fuzz_regressions.rs`, which replays every
//! input that ever failed (`regressions/TARGET/*`) in an ordinary `cargo test`.
#![allow(dead_code)]

use samla::import::values::{ValueVocabulary, parse_amount, parse_date, parse_year};
use samla::import::{ImportOptions, import_bytes};
use samla::portfolio::{Portfolio, parse_filter};
use samla::reference::ReferenceSource;
use samla::store::{Resolver, Store};
use std::io::Write;
use std::sync::OnceLock;

/// config.toml, keymap.toml and theme.toml.
pub fn config(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = samla::config::Config::from_toml(text, "config.toml");
    let _ = samla::tui::keymap::Keymap::from_texts(Some(("keymap.toml".into(), text)));
    let _ = samla::tui::theme::Theme::from_toml("default", text, "theme.toml");
}

fn filter_setup() -> &'static (Portfolio, Resolver) {
    static SETUP: OnceLock<(Portfolio, Resolver)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        let portfolio = Portfolio::load(&store).expect("portfolio");
        let resolver = Resolver::load_for(&store).expect("resolver");
        (portfolio, resolver)
    })
}

/// The filter bar's query language against the built-in reference data.
pub fn filter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (portfolio, resolver) = filter_setup();
    if let Ok(filter) = parse_filter(text, portfolio, resolver) {
        for row in &portfolio.rows {
            let _ = filter.matches(row);
        }
    }
}

/// The whole import of any bytes into a database: read, find the layout, harmonise, write.
/// Returns how many initiatives it wrote (the replay checks that no input inflates).
pub fn import(data: &[u8]) -> usize {
    let Ok(mut store) = Store::open_in_memory() else { return 0 };
    let options = ImportOptions { analyst: "fuzz".into(), ..ImportOptions::default() };
    let report = import_bytes(&mut store, data, "fuzz.csv", "fuzz.csv", &options, &ReferenceSource::builtin());
    report.map_or(0, |r| r.counts.inserted)
}

/// Any bytes, read as CSV or as a spreadsheet: an error is fine, a panic or a hang is not.
pub fn read_table(data: &[u8]) {
    let Some((&choice, bytes)) = data.split_first() else { return };
    let name = ["x.csv", "x.tsv", "x.xlsx", "x.ods", "x.xls", "x.txt"][choice as usize % 6];
    if let Ok(table) = samla::import::read::read_table(bytes, name, None) {
        for row in table.rows().take(10_000).flatten() {
            let _ = row.texts().count();
        }
    }
}

fn vocabulary() -> &'static ValueVocabulary {
    static VOCABULARY: OnceLock<ValueVocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let source = ReferenceSource::builtin().vocabulary().expect("built-in vocabulary");
        ValueVocabulary::new(&source)
    })
}

/// Amounts, years and dates as sectors write them, and budget frames as analysts type them.
pub fn values(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let vocabulary = vocabulary();
    for factor in [1, 1_000, 1_000_000, 1_000_000_000] {
        let _ = parse_amount(text, None, factor, vocabulary);
    }
    if let Ok(number) = text.trim().parse::<f64>() {
        let _ = parse_amount("", Some(number), 1_000_000, vocabulary);
        let _ = parse_date("", Some(number), vocabulary);
        let _ = parse_year("", Some(number), vocabulary);
    }
    // The budget frame as analysts type it (`samla rank --budget`, the TUI's `b`).
    let _ = samla::scoring::parse_nok(text);
    let _ = parse_date(text, None, vocabulary);
    let _ = parse_year(text, None, vocabulary);
    let _ = vocabulary.phase(text);
    let _ = vocabulary.risk(text);
}

// Spreadsheets, from the zip down to the cells, and on through a whole import (spreadsheet
// numbers take their own path through the amount and date parsers).
//
// Mutating a whole .xlsx rarely gets past the zip's checksums, so most inputs are packed
// here: the first byte picks how the rest is read.
// - 0: the bytes of a whole file, named .xlsx (the zip reader and the zip-bomb guard);
// - 1: the parts of an .xlsx, split at 0xFF bytes (never in UTF-8 XML): the worksheet,
//   then optionally the shared strings, the workbook and the styles, packed uncompressed
//   into a well-formed package (calamine's XML reading);
// - 2: an .ods's content.xml, packed the same way.

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const ODS_MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

/// A zip of `parts`, stored uncompressed; None if the zip writer refuses (it never should).
fn package(parts: &[(&str, &[u8])]) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in parts {
        zip.start_file(*name, options).ok()?;
        zip.write_all(bytes).ok()?;
    }
    Some(zip.finish().ok()?.into_inner())
}

fn xlsx(data: &[u8]) -> Option<Vec<u8>> {
    let mut pieces = data.split(|b| *b == 0xFF);
    let sheet = pieces.next().unwrap_or_default();
    let shared = pieces.next();
    let workbook = pieces.next().unwrap_or(WORKBOOK.as_bytes());
    let styles = pieces.next();
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", ROOT_RELS.as_bytes()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
        ("xl/workbook.xml", workbook),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    parts.extend(shared.map(|bytes| ("xl/sharedStrings.xml", bytes)));
    parts.extend(styles.map(|bytes| ("xl/styles.xml", bytes)));
    package(&parts)
}

fn ods(content: &[u8]) -> Option<Vec<u8>> {
    package(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", ODS_MANIFEST.as_bytes()),
        ("content.xml", content),
    ])
}

/// A spreadsheet as described above, read and imported; returns how many initiatives it
/// wrote.
pub fn xlsx_target(data: &[u8]) -> usize {
    let Some((&mode, rest)) = data.split_first() else { return 0 };
    let (bytes, name) = match mode % 3 {
        0 => (Some(rest.to_vec()), "fuzz.xlsx"),
        1 => (xlsx(rest), "fuzz.xlsx"),
        _ => (ods(rest), "fuzz.ods"),
    };
    let Some(bytes) = bytes else { return 0 };
    let Ok(table) = samla::import::read::read_table(&bytes, name, None) else { return 0 };
    // Only tables with a row under a possible header go on to the (slower) whole import.
    if table.rows().take(2).count() < 2 {
        return 0;
    }
    let Ok(mut store) = Store::open_in_memory() else { return 0 };
    let options = ImportOptions { analyst: "fuzz".into(), ..ImportOptions::default() };
    let report = import_bytes(&mut store, &bytes, name, name, &options, &ReferenceSource::builtin());
    report.map_or(0, |r| r.counts.inserted)
}
