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
//! **Rows an .ods file repeats.** An .ods row may say "repeat me a billion times": calamine
//! caps that at a million rows, so 849 bytes became a million initiatives. A row with
//! content repeated more than a hundred times is refused here; repeated empty rows count
//! towards the rectangle like any gap.
//!
//! **Whether the XML is whole.** calamine's .ods reader loops for ever when a table or a
//! comment is never closed (it reads on past the end of the file waiting for the closing
//! tag; found by the `xlsx` fuzz target with a cut-short content.xml). Spreadsheet programs
//! only write well-formed XML, so a part that is not is refused as damaged.

use crate::error::read::{Damage, ReadError, ReadResult};
use quick_xml::events::{BytesStart, Event};
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
        self.add_block((row, row), (column, column), 1);
    }

    /// `cells` cells within rows `rows` and columns `columns` (inclusive spans).
    fn add_block(&mut self, rows: (u64, u64), columns: (u64, u64), cells: u64) {
        self.cells = self.cells.saturating_add(cells);
        let widen = |span: Option<(u64, u64)>, (from, to): (u64, u64)| {
            Some(span.map_or((from, to), |(lo, hi)| (lo.min(from), hi.max(to))))
        };
        self.rows = widen(self.rows, rows);
        self.columns = widen(self.columns, columns);
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
        let name = part.name().map(std::borrow::Cow::into_owned).unwrap_or_default();
        // Pictures, printer settings and legacy VML drawings (never well-formed) are not
        // read as XML by calamine, so not here either.
        let extension = name.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase());
        if !matches!(extension.as_deref(), Some("xml" | "rels")) {
            continue;
        }
        // calamine reads a part as it unpacks it and may act on its content before the
        // checksum at its end says it is damaged (found by the `xlsx` fuzz target).
        if part.read_to_end(&mut xml).is_err() {
            return Err(ReadError::DamagedPart { part: name, damage: Damage::Unreadable });
        }
        check_part(&xml, &name)?;
    }
    Ok(())
}

fn check_part(xml: &[u8], part: &str) -> ReadResult<()> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().check_end_names = true;
    let mut scan = PartScan::default();
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        match reader.read_event_into(&mut buffer) {
            Ok(Event::Start(element)) => {
                scan.depth += 1;
                scan.element(&element, false, part)?;
            }
            Ok(Event::Empty(element)) => scan.element(&element, true, part)?,
            Ok(Event::End(element)) => {
                scan.depth = scan.depth.saturating_sub(1);
                if element.local_name().as_ref() == "table-row" {
                    scan.ods_row_end(part)?;
                }
            }
            Ok(Event::Eof) if scan.depth > 0 => {
                return Err(ReadError::DamagedPart { part: part.to_string(), damage: Damage::Unclosed });
            }
            Ok(Event::Eof) => break,
            Err(error) => {
                let detail = crate::text::shorten(&error.to_string(), 80);
                return Err(ReadError::DamagedPart {
                    part: part.to_string(),
                    damage: Damage::NotWellFormed { detail },
                });
            }
            Ok(_) => {}
        }
    }
    let extent = &scan.extent;
    let rectangle = extent.rectangle();
    if rectangle > MAX_CELLS || (rectangle > ALWAYS_READ_CELLS && rectangle > extent.cells * MAX_EMPTY_RATIO) {
        return Err(ReadError::SparseCells {
            part: part.to_string(),
            cells: extent.cells,
            rows: extent.rows.map_or(0, |(lo, hi)| hi - lo + 1),
            columns: extent.columns.map_or(0, |(lo, hi)| hi - lo + 1),
        });
    }
    Ok(())
}

/// A row with content that an .ods file repeats more than this many times is refused: a
/// spreadsheet program writes repeated rows for identical ones, and no two initiatives are.
/// (Repeated empty rows and columns are free: calamine drops those at the edges.)
const MAX_REPEATED_CONTENT_ROWS: u64 = 100;

/// Where the cells of one XML part go, element by element.
#[derive(Default)]
struct PartScan {
    depth: usize,
    extent: Extent,
    /// Where an .xlsx cell without its own reference goes, as calamine places it: after
    /// the previous cell of its row; a row without one follows the previous row.
    row: u64,
    column: u64,
    /// The .ods row being read: its first row number, how often it repeats, and the
    /// columns and number of its cells with content.
    ods: OdsRow,
}

#[derive(Default)]
struct OdsRow {
    next_row: u64,
    repeats: u64,
    column: u64,
    content: Option<(u64, u64)>,
    content_cells: u64,
}

impl PartScan {
    fn element(&mut self, element: &BytesStart<'_>, empty: bool, part: &str) -> ReadResult<()> {
        let mut place = None;
        let mut repeated = 1u64;
        let mut has_value = false;
        for attribute in element.attributes().flatten() {
            // .xlsx references are unprefixed (`r:id` or `xmlns:r` are other things); .ods
            // attributes carry the table: or office: prefix.
            let key = attribute.key;
            match (key.as_ref(), key.local_name().into_inner()) {
                ("r" | "ref", _) => {
                    let bad = |reference: &str| ReadError::BadReference {
                        reference: crate::text::shorten(reference, 20),
                        part: part.to_string(),
                    };
                    let corners: Vec<&str> = attribute.value.split(':').collect();
                    let mut parsed = Vec::with_capacity(corners.len());
                    for reference in &corners {
                        parsed.push(parse(reference).ok_or_else(|| bad(reference))?);
                    }
                    // A range is two corners, top left first: calamine subtracts one from the
                    // other (a reversed range overflowed; found by the `xlsx` fuzz target).
                    if !is_range_in_order(&parsed) {
                        return Err(bad(&attribute.value));
                    }
                    place = parsed.last().copied();
                }
                (_, "number-rows-repeated" | "number-columns-repeated") => {
                    repeated = attribute.value.trim().parse().unwrap_or(1);
                }
                (_, "value-type") => has_value = true,
                _ => {}
            }
        }
        match element.local_name().as_ref() {
            "row" => {
                self.row = place.and_then(|(r, _)| r).unwrap_or(self.row + 1);
                self.column = 0;
            }
            "c" => {
                let (r, c) = place.unwrap_or((None, None));
                self.row = r.unwrap_or(self.row.max(1));
                self.column = c.unwrap_or(self.column + 1);
                self.extent.add(self.row, self.column);
            }
            "table-row" => {
                self.ods = OdsRow { next_row: self.ods.next_row.max(1), repeats: repeated.max(1), ..OdsRow::default() };
                if empty {
                    self.ods.next_row = self.ods.next_row.saturating_add(self.ods.repeats);
                }
            }
            "table-cell" | "covered-table-cell" => {
                let first = self.ods.column + 1;
                self.ods.column = self.ods.column.saturating_add(repeated.max(1)).min(MAX_COLUMN);
                let span = (self.ods.column + 1).saturating_sub(first);
                if (has_value || !empty) && span > 0 {
                    let (lo, hi) = self.ods.content.unwrap_or((first, self.ods.column));
                    self.ods.content = Some((lo.min(first), hi.max(self.ods.column)));
                    self.ods.content_cells += span;
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The end of an .ods row: a row with content repeated far beyond reason is refused;
    /// otherwise its cells join the extent as calamine will lay them out.
    fn ods_row_end(&mut self, part: &str) -> ReadResult<()> {
        let row = &self.ods;
        let first = row.next_row.max(1);
        if let Some((lo, hi)) = row.content {
            if row.repeats > MAX_REPEATED_CONTENT_ROWS {
                return Err(ReadError::RepeatedRow { part: part.to_string(), row: first, times: row.repeats });
            }
            let last = first.saturating_add(row.repeats - 1);
            self.extent.add_block((first, last), (lo, hi), row.content_cells.saturating_mul(row.repeats));
        }
        self.ods.next_row = first.saturating_add(row.repeats.max(1));
        Ok(())
    }
}

/// A reference (one corner) or a range (two, top left first, as calamine needs them).
fn is_range_in_order(corners: &[(Option<u64>, Option<u64>)]) -> bool {
    match corners {
        [_] => true,
        [(row_a, column_a), (row_b, column_b)] => {
            let ordered = |a: Option<u64>, b: Option<u64>| a.zip(b).is_none_or(|(a, b)| a <= b);
            ordered(*row_a, *row_b) && ordered(*column_a, *column_b)
        }
        _ => false,
    }
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
    use super::{is_range_in_order, parse};

    #[test]
    fn ranges_run_from_top_left_to_bottom_right() {
        let corners = |text: &str| text.split(':').map(|r| parse(r).expect("a reference")).collect::<Vec<_>>();
        assert!(is_range_in_order(&corners("A1:B2")));
        assert!(is_range_in_order(&corners("B2")));
        assert!(is_range_in_order(&corners("A:C")));
        assert!(!is_range_in_order(&corners("B2:A1")));
        assert!(!is_range_in_order(&corners("A2:B1")));
        assert!(!is_range_in_order(&corners("A1:B2:C3")));
    }

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
