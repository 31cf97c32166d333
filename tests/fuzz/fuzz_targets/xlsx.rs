//! Spreadsheets, from the zip down to the cells, and on through a whole import (spreadsheet
//! numbers take their own path through the amount and date parsers).
//!
//! Mutating a whole .xlsx rarely gets past the zip's checksums, so most inputs are packed
//! here: the first byte picks how the rest is read.
//! - 0: the bytes of a whole file, named .xlsx (the zip reader and the zip-bomb guard);
//! - 1: the parts of an .xlsx, split at 0xFF bytes (never in UTF-8 XML): the worksheet,
//!   then optionally the shared strings, the workbook and the styles, packed uncompressed
//!   into a well-formed package (calamine's XML reading);
//! - 2: an .ods's content.xml, packed the same way.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samla::import::{ImportOptions, import_bytes};
use samla::reference::ReferenceSource;
use samla::store::Store;
use std::io::Write;

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

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let (bytes, name) = match mode % 3 {
        0 => (Some(rest.to_vec()), "fuzz.xlsx"),
        1 => (xlsx(rest), "fuzz.xlsx"),
        _ => (ods(rest), "fuzz.ods"),
    };
    let Some(bytes) = bytes else { return };
    let Ok(table) = samla::import::read::read_table(&bytes, name, None) else { return };
    // Only tables with a row under a possible header go on to the (slower) whole import.
    if table.rows().take(2).count() < 2 {
        return;
    }
    let Ok(mut store) = Store::open_in_memory() else { return };
    let options = ImportOptions { analyst: "fuzz".into(), ..ImportOptions::default() };
    let _ = import_bytes(&mut store, &bytes, name, name, &options, &ReferenceSource::builtin());
});
