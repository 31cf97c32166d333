//! Spreadsheets (.xlsx, .xls, .ods) through calamine, after guards against archives and
//! sheets that would make it allocate far more than the file holds.

use super::{Body, Cell, FileLayout, RawRow, RawTable};
use crate::error::read::{ReadError, ReadResult, detail};
use std::io::Cursor;

/// Refuse archives that would unpack to more than this (a zip bomb posing as .xlsx).
const MAX_UNPACKED_BYTES: u64 = 1 << 30;
/// Refuse archives whose members unpack to more than this many times their packed size.
const MAX_COMPRESSION_RATIO: u64 = 200;

/// Reads the zip directory and refuses archives that would unpack to absurd sizes, before
/// calamine decompresses anything.
fn check_archive(bytes: &[u8]) -> ReadResult<()> {
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => return Err(ReadError::ArchiveUnreadable { detail: detail(e) }),
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            return Err(ReadError::ArchiveDamaged);
        };
        let unpacked = entry.size();
        let packed = entry.compressed_size().max(1);
        total = total.saturating_add(unpacked);
        if unpacked > 1 << 20 && unpacked / packed > MAX_COMPRESSION_RATIO {
            return Err(ReadError::ZipBomb);
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(ReadError::ArchiveTooLarge);
    }
    Ok(())
}

pub(super) fn read_spreadsheet(
    bytes: &[u8],
    is_zip: bool,
    is_ole: bool,
    extension: &str,
    sheet: Option<&str>,
) -> ReadResult<RawTable> {
    use calamine::Reader;
    if is_zip {
        check_archive(bytes)?;
        super::spreadsheet_guard::check(bytes)?;
    } else if !is_ole {
        return Err(ReadError::NotASpreadsheet { extension: extension.to_string() });
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ReadError::Spreadsheet { detail: detail(e) })?;
    let format = match &workbook {
        calamine::Sheets::Xlsx(_) => "xlsx",
        calamine::Sheets::Xlsb(_) => "xlsb",
        calamine::Sheets::Xls(_) => "xls",
        calamine::Sheets::Ods(_) => "ods",
    };
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| names.iter().find(|n| crate::text::fold(n) == crate::text::fold(wanted)))
            .cloned()
            .ok_or_else(|| ReadError::NoSuchSheet { wanted: wanted.to_string(), sheets: names.clone() })?,
        None => names.first().cloned().ok_or(ReadError::NoSheets)?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| ReadError::SheetUnreadable { sheet: name.clone(), detail: detail(e) })?;
    let merged = match &mut workbook {
        calamine::Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        calamine::Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&name).unwrap_or_default(),
        _ => Vec::new(),
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut grid: Vec<Vec<Cell>> = range
        .rows()
        .map(|cells| {
            // Empty columns before the used range keep their place, so columns read as in the sheet.
            let mut row = vec![Cell::default(); first_col as usize];
            row.extend(cells.iter().map(sheet_cell));
            row
        })
        .collect();
    fill_merged(&mut grid, first_row, &merged);
    let rows = grid
        .into_iter()
        .enumerate()
        .map(|(offset, cells)| RawRow::new(first_row as usize + offset + 1, cells))
        .collect();
    Ok(RawTable {
        layout: FileLayout {
            format: format.into(),
            encoding: None,
            delimiter: None,
            line_ending: None,
            sheet: Some(name),
            sheets: names,
            repaired_lines: Vec::new(),
            repaired_bytes: 0,
        },
        body: Body::Rows(rows),
    })
}

/// A merged region shows its value in every cell it covers, so a merged header names each
/// column under it.
fn fill_merged(rows: &mut [Vec<Cell>], first_row: u32, merged: &[calamine::Dimensions]) {
    for region in merged {
        let (top, left) = region.start;
        let (bottom, right) = region.end;
        let Some(top_index) = top.checked_sub(first_row) else { continue };
        let value = rows.get(top_index as usize).and_then(|r| r.get(left as usize)).cloned().unwrap_or_default();
        if value.is_blank() {
            continue;
        }
        for row in top..=bottom {
            let Some(r) = row.checked_sub(first_row).and_then(|i| rows.get_mut(i as usize)) else { continue };
            for col in left..=right {
                let col = col as usize;
                if r.len() <= col {
                    r.resize(col + 1, Cell::default());
                }
                if r[col].is_blank() {
                    r[col] = value.clone();
                }
            }
        }
    }
}

fn sheet_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::default(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Int(i) => Cell { text: i.to_string(), number: Some(*i as f64) },
        Data::Float(f) => Cell { text: format_float(*f), number: Some(*f) },
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => {
            let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
            let text = if dt.is_datetime() && (hh, mm, ss) != (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02} {hh:02}:{mm:02}:{ss:02}")
            } else if dt.is_datetime() {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                dt.as_f64().to_string()
            };
            Cell::text(text)
        }
        Data::Error(e) => Cell::text(format!("#{e:?}")),
    }
}

/// Whole numbers without ".0"; others as Rust prints them (shortest exact form).
fn format_float(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { value.to_string() }
}
