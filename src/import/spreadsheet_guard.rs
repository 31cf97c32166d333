//! Guards calamine lacks, run over every XML part of a spreadsheet before calamine reads it.
//!
//! **Where the cells are.** Each cell names its place (`<c r="XFD1048576">`), and calamine
//! allocates the whole rectangle from the first cell to the farthest before it reads a
//! value: a 1 kB file with one cell at A1 and one at XFD1048576 asks for 17 billion cells
//! (550 GB) and aborts the process. A reference past what fits in 32 bits (`A99999999999`)
//! overflows calamine's arithmetic: a panic in debug builds, a wrapped number in release
//! (found by the `xlsx` fuzz target). So every `r` and `ref` is read here first, with the
//! XML parser calamine itself uses, and the file is refused when one is not a reference
//! Excel could write, or when its cells would spread over a rectangle that is mostly empty.
//!
//! **Whether the XML is whole.** calamine's .ods reader loops for ever when a table or a
//! comment is never closed (it reads on past the end of the file waiting for the closing
//! tag; found by the `xlsx` fuzz target with a cut-short content.xml). Spreadsheet programs
//! only write well-formed XML, so a part that is not is refused as damaged.

use super::read::{ReadError, ReadResult};
use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Excel's own limits (and LibreOffice's): no real sheet goes beyond them.
const MAX_ROW: u64 = 1_048_576;
const MAX_COLUMN: u64 = 16_384;
/// A rectangle of up to this many cells is read whatever it holds (32 MB in calamine).
const ALWAYS_READ_CELLS: u64 = 1_000_000;
/// Above that, at least one cell in this many must be written in the file…
const MAX_EMPTY_RATIO: u64 = 20;
/// …and never more than this many cells in all (calamine's own cap for .ods files).
const MAX_CELLS: u64 = 100_000_000;

/// The extent of the cells seen so far (1-based rows and columns).
#[derive(Default)]
struct Extent {
    cells: u64,
    rows: Option<(u64, u64)>,
    columns: Option<(u64, u64)>,
}

impl Extent {
    fn add(&mut self, row: u64, column: u64) {
        self.cells += 1;
        let widen =
            |span: Option<(u64, u64)>, at: u64| Some(span.map_or((at, at), |(lo, hi)| (lo.min(at), hi.max(at))));
        self.rows = widen(self.rows, row);
        self.columns = widen(self.columns, column);
    }

    fn rectangle(&self) -> u64 {
        let size = |span: Option<(u64, u64)>| span.map_or(0, |(lo, hi)| hi - lo + 1);
        size(self.rows).saturating_mul(size(self.columns))
    }
}

/// Refuses the .xlsx `bytes` (a zip already checked for size) when a cell reference is
/// not one Excel could write, or a sheet's cells would make calamine allocate far more
/// than the file holds.
pub fn check(bytes: &[u8]) -> ReadResult<()> {
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let mut xml = Vec::new();
    for index in 0..archive.len() {
        xml.clear();
        // Parts that cannot be read are calamine's to report.
        let Ok(mut part) = archive.by_index(index) else { continue };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        // Pictures, printer settings and legacy VML drawings (never well-formed) are not
        // read as XML by calamine, so not here either.
        let lower = name.to_ascii_lowercase();
        if !(lower.ends_with(".xml") || lower.ends_with(".rels")) {
            continue;
        }
        if part.read_to_end(&mut xml).is_err() {
            continue;
        }
        check_part(&xml, &name)?;
    }
    Ok(())
}

fn check_part(xml: &[u8], part: &str) -> ReadResult<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let damaged = |detail: String| {
        ReadError(format!(
            "the spreadsheet is damaged: its part {part} {detail}; open it in the spreadsheet program and save it again"
        ))
    };
    let mut depth = 0usize;
    let mut buffer = Vec::new();
    let mut extent = Extent::default();
    // Where a cell without its own reference goes, as calamine places it: after the
    // previous cell of its row; a row without one follows the previous row.
    let (mut row, mut column) = (0u64, 0u64);
    loop {
        buffer.clear();
        let element = match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) => {
                depth += 1;
                element
            }
            Ok(Event::Empty(element)) => element,
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Ok(Event::Eof) if depth > 0 => return Err(damaged("ends before its elements are closed".into())),
            Ok(Event::Eof) => break,
            Err(error) => {
                return Err(damaged(format!(
                    "is not well-formed XML ({})",
                    crate::text::shorten(&error.to_string(), 80)
                )));
            }
            Ok(_) => continue,
        };
        let name = element.local_name();
        let mut place = None;
        for attribute in element.attributes().flatten() {
            if !matches!(attribute.key.as_ref(), "r" | "ref") {
                continue;
            }
            for reference in attribute.value.split(':') {
                place = Some(parse(reference).ok_or_else(|| {
                    ReadError(format!(
                        "the spreadsheet names a cell '{}' (in {part}) that no spreadsheet program writes; \
                         save it again from the spreadsheet program",
                        crate::text::shorten(reference, 20)
                    ))
                })?);
            }
        }
        match name.as_ref() {
            "row" => {
                row = place.and_then(|(r, _)| r).unwrap_or(row + 1);
                column = 0;
            }
            "c" => {
                let (r, c) = place.unwrap_or((None, None));
                row = r.unwrap_or(row.max(1));
                column = c.unwrap_or(column + 1);
                extent.add(row, column);
            }
            _ => {}
        }
    }
    let rectangle = extent.rectangle();
    if rectangle > MAX_CELLS || (rectangle > ALWAYS_READ_CELLS && rectangle > extent.cells * MAX_EMPTY_RATIO) {
        return Err(ReadError(format!(
            "the spreadsheet's {} cells (in {part}) are spread over {} rows × {} columns, mostly empty; \
             delete the stray cells far from the table, or save the table alone",
            extent.cells,
            extent.rows.map_or(0, |(lo, hi)| hi - lo + 1),
            extent.columns.map_or(0, |(lo, hi)| hi - lo + 1),
        )));
    }
    Ok(())
}

/// A reference as Excel writes one: `B7`, `$B$7`, a row alone (`7`, for `<row r>`) or a
/// column alone (`B`), within Excel's limits. Returns its 1-based row and column.
fn parse(reference: &str) -> Option<(Option<u64>, Option<u64>)> {
    let text = reference.trim().trim_start_matches('$');
    let split = text.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(text.len());
    let (letters, rest) = text.split_at(split);
    let digits = rest.strip_prefix('$').unwrap_or(rest);
    if letters.len() > 3 || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let column = (!letters.is_empty())
        .then(|| letters.bytes().fold(0u64, |acc, b| acc * 26 + u64::from(b.to_ascii_uppercase() - b'A') + 1));
    let row = if digits.is_empty() { None } else { digits.parse::<u64>().ok() };
    let within = row.is_none_or(|r| (1..=MAX_ROW).contains(&r)) && column.is_none_or(|c| c <= MAX_COLUMN);
    (within && (row.is_some() || column.is_some())).then_some((row, column))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn references_as_excel_writes_them() {
        assert_eq!(parse("A1"), Some((Some(1), Some(1))));
        assert_eq!(parse("$AB$12"), Some((Some(12), Some(28))));
        assert_eq!(parse("XFD1048576"), Some((Some(1_048_576), Some(16_384))));
        assert_eq!(parse("7"), Some((Some(7), None)));
        assert_eq!(parse("C"), Some((None, Some(3))));
        for bad in ["A99999999999", "XFE1", "A1048577", "A0", "AAAA1", "", "Ø1", "A1B", "1A"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
