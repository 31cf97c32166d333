//! Reading a file into rows of cells: CSV/TSV in any common encoding and delimiter, and
//! spreadsheets (.xlsx, .xls, .ods) through calamine. Nothing here knows what the columns mean.

use serde::Serialize;
use std::borrow::Cow;
use std::io::Cursor;

/// Refuse archives that would unpack to more than this (a zip bomb posing as .xlsx).
const MAX_UNPACKED_BYTES: u64 = 1 << 30;
/// Refuse archives whose members unpack to more than this many times their packed size.
const MAX_COMPRESSION_RATIO: u64 = 200;

/// One cell. Spreadsheet numbers keep their value so amounts need no re-parsing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub text: String,
    pub number: Option<f64>,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), number: None }
    }

    pub fn is_blank(&self) -> bool {
        self.number.is_none() && self.text.trim().is_empty()
    }
}

/// One row of a table. CSV rows keep the parser's record (one buffer for all cells) rather
/// than a string per cell: at national scale that is millions of allocations saved.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRow {
    /// 1-based line (CSV: where the record starts) or row number (spreadsheet).
    pub line: usize,
    cells: Cells,
}

#[derive(Debug, Clone, PartialEq)]
enum Cells {
    Record(csv::StringRecord),
    Cells(Vec<Cell>),
}

impl RawRow {
    pub fn new(line: usize, cells: Vec<Cell>) -> Self {
        Self { line, cells: Cells::Cells(cells) }
    }

    pub fn from_texts<S: Into<String>>(line: usize, texts: impl IntoIterator<Item = S>) -> Self {
        Self::new(line, texts.into_iter().map(Cell::text).collect())
    }

    fn from_record(line: usize, record: csv::StringRecord) -> Self {
        Self { line, cells: Cells::Record(record) }
    }

    pub fn len(&self) -> usize {
        match &self.cells {
            Cells::Record(record) => record.len(),
            Cells::Cells(cells) => cells.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of cell `index`, or None past the end of the row.
    pub fn text(&self, index: usize) -> Option<&str> {
        match &self.cells {
            Cells::Record(record) => record.get(index),
            Cells::Cells(cells) => cells.get(index).map(|c| c.text.as_str()),
        }
    }

    /// The numeric value of a spreadsheet number cell.
    pub fn number(&self, index: usize) -> Option<f64> {
        match &self.cells {
            Cells::Record(_) => None,
            Cells::Cells(cells) => cells.get(index).and_then(|c| c.number),
        }
    }

    pub fn texts(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|i| self.text(i))
    }

    /// True when every cell is empty or whitespace.
    pub fn is_blank(&self) -> bool {
        match &self.cells {
            Cells::Record(record) => record.iter().all(|c| c.trim().is_empty()),
            Cells::Cells(cells) => cells.iter().all(Cell::is_blank),
        }
    }
}

/// How the file was laid out, as detected; shown in the import report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileLayout {
    /// csv, xlsx, xls or ods.
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_ending: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Every sheet of a spreadsheet, for hints when the chosen one holds no table.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
}

/// A table ready to be read row by row. CSV is parsed as it is read, so an import can
/// harmonise and write while it parses; a spreadsheet arrives whole from calamine.
#[derive(Debug, Clone)]
pub struct RawTable {
    pub layout: FileLayout,
    body: Body,
}

#[derive(Debug, Clone)]
enum Body {
    Rows(Vec<RawRow>),
    Csv { text: String, delimiter: u8 },
}

impl RawTable {
    /// The rows from the top; each call starts again.
    pub fn rows(&self) -> RowIter<'_> {
        match &self.body {
            Body::Rows(rows) => RowIter::Rows(rows.iter()),
            Body::Csv { text, delimiter } => RowIter::Csv(CsvRows::new(text, *delimiter)),
        }
    }

    /// The first `count` rows, for finding the header row.
    pub fn head(&self, count: usize) -> ReadResult<Vec<RawRow>> {
        self.rows().take(count).collect()
    }
}

pub enum RowIter<'a> {
    Rows(std::slice::Iter<'a, RawRow>),
    Csv(CsvRows<'a>),
}

impl Iterator for RowIter<'_> {
    type Item = ReadResult<RawRow>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            RowIter::Rows(rows) => rows.next().cloned().map(Ok),
            RowIter::Csv(rows) => rows.next(),
        }
    }
}

/// CSV records with the line each starts on.
pub struct CsvRows<'a> {
    reader: csv::Reader<&'a [u8]>,
    bytes: &'a [u8],
    counted_to: usize,
    line: usize,
    failed: bool,
    /// Sizes of the last record, so the next one is allocated once at the right size.
    last_len: usize,
    last_fields: usize,
}

impl<'a> CsvRows<'a> {
    fn new(text: &'a str, delimiter: u8) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        Self { reader, bytes: text.as_bytes(), counted_to: 0, line: 1, failed: false, last_len: 256, last_fields: 16 }
    }
}

impl Iterator for CsvRows<'_> {
    type Item = ReadResult<RawRow>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let mut record = csv::StringRecord::with_capacity(self.last_len + self.last_len / 2, self.last_fields);
        match self.reader.read_record(&mut record) {
            Ok(false) => None,
            Ok(true) => {
                // The csv crate reports a CRLF record as starting on the "\n" of the line
                // before, so lines are counted here from the record's byte offset.
                let mut start = record.position().map_or(self.counted_to, |p| p.byte() as usize).min(self.bytes.len());
                if self.bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                if start > self.counted_to {
                    self.line += memchr::memchr_iter(b'\n', &self.bytes[self.counted_to..start]).count();
                    self.counted_to = start;
                }
                self.last_len = record.as_slice().len();
                self.last_fields = record.len();
                Some(Ok(RawRow::from_record(self.line, record)))
            }
            Err(e) => {
                self.failed = true;
                let line = e.position().map_or(self.line as u64, |p| p.line());
                Some(Err(ReadError(format!("unreadable CSV near line {line}: {e}"))))
            }
        }
    }
}

/// Why a file could not be read as a table. The message says what to do.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError(pub String);

pub type ReadResult<T> = Result<T, ReadError>;

fn fail<T>(message: impl Into<String>) -> ReadResult<T> {
    Err(ReadError(message.into()))
}

/// Reads `bytes` (the file `file_name`) into a table; `sheet` picks a spreadsheet's sheet.
///
/// Given the bytes to own, a UTF-8 CSV file is read where it lies, not copied first.
pub fn read_table<'b>(bytes: impl Into<Cow<'b, [u8]>>, file_name: &str, sheet: Option<&str>) -> ReadResult<RawTable> {
    let bytes = bytes.into();
    if bytes.is_empty() {
        return fail("the file is empty");
    }
    let extension =
        std::path::Path::new(file_name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        return fail("this is a PDF, not a table; export the table from it as CSV or XLSX");
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if is_zip || is_ole || matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        return read_spreadsheet(&bytes, is_zip, is_ole, &extension, sheet);
    }
    if sheet.is_some() {
        return fail("--sheet applies to spreadsheets (.xlsx, .xls, .ods), not to CSV files");
    }
    read_csv(bytes)
}

// ---------------------------------------------------------------------------------------
// CSV

/// Decodes text in UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252 /
/// ISO-8859-1 (the encodings Norwegian Excel and older systems write).
fn decode(bytes: Cow<'_, [u8]>) -> ReadResult<(String, &'static str)> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return fail(format!("the file starts with a {} byte-order mark but is not valid {0}", encoding.name()));
        }
        let name = match encoding.name() {
            "UTF-8" => "utf-8-sig",
            "UTF-16LE" => "utf-16le",
            _ => "utf-16be",
        };
        return Ok((text.into_owned(), name));
    }
    let bytes = match bytes {
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Ok((text, "utf-8")),
            Err(error) => Cow::Owned(error.into_bytes()),
        },
        Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => return Ok((text.to_string(), "utf-8")),
            Err(_) => Cow::Borrowed(bytes),
        },
    };
    // Bytes 0x80–0x9F are printable in Windows-1252 (€, ‚, “ …) but C1 controls in ISO-8859-1.
    let name = if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) { "windows-1252" } else { "iso-8859-1" };
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    Ok((text.into_owned(), name))
}

/// True when text holds bytes no table would: NUL or a high share of control characters.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let controls = sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{1b}')).count();
    sample.contains(&'\0') || controls * 20 > sample.len()
}

/// Bytes read to name a CSV file's line ending.
const LINE_ENDING_SAMPLE: usize = 64 * 1024;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter that splits the first records into the most columns, consistently.
fn sniff_delimiter(text: &str) -> u8 {
    let sample_end = text.char_indices().nth(64 * 1024).map_or(text.len(), |(i, _)| i);
    let sample = &text[..sample_end];
    let mut best = (b',', 0usize, 0usize);
    for delimiter in DELIMITERS {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(sample.as_bytes());
        let widths: Vec<usize> = reader.records().take(30).filter_map(Result::ok).map(|r| r.len()).collect();
        let Some(&widest) = widths.iter().max() else { continue };
        if widest < 2 {
            continue;
        }
        // Rows (the header among them) with the most common width >1 are the table.
        let mut counts = std::collections::HashMap::new();
        for w in widths.iter().filter(|w| **w > 1) {
            *counts.entry(*w).or_insert(0usize) += 1;
        }
        let (width, agreeing) = counts.into_iter().max_by_key(|(w, n)| (*n, *w)).unwrap_or((0, 0));
        if (agreeing, width) > (best.1, best.2) {
            best = (delimiter, agreeing, width);
        }
    }
    best.0
}

fn read_csv(bytes: Cow<'_, [u8]>) -> ReadResult<RawTable> {
    let (text, encoding) = decode(bytes)?;
    if looks_binary(&text) {
        return fail("this is not a text table (it holds binary data); give a CSV, TSV, XLSX or ODS file");
    }
    // Judged from the start of the file, as the delimiter is: counting every line of a
    // national-scale file only to name its line ending cost more than its first read.
    let sample = &text.as_bytes()[..text.len().min(LINE_ENDING_SAMPLE)];
    let lf = sample.iter().filter(|b| **b == b'\n').count();
    let crlf = sample.windows(2).filter(|pair| pair == b"\r\n").count();
    let line_ending = if lf == 0 {
        "none"
    } else if crlf * 2 > lf {
        "CRLF"
    } else {
        "LF"
    };
    let delimiter = sniff_delimiter(&text);
    let delimiter_name = match delimiter {
        b'\t' => "tab".to_string(),
        other => (other as char).to_string(),
    };
    Ok(RawTable {
        layout: FileLayout {
            format: "csv".into(),
            encoding: Some(encoding.into()),
            delimiter: Some(delimiter_name),
            line_ending: Some(line_ending.into()),
            sheet: None,
            sheets: Vec::new(),
        },
        body: Body::Csv { text, delimiter },
    })
}

// ---------------------------------------------------------------------------------------
// Spreadsheets

/// Reads the zip directory and refuses archives that would unpack to absurd sizes, before
/// calamine decompresses anything.
fn check_archive(bytes: &[u8]) -> ReadResult<()> {
    let mut archive = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(archive) => archive,
        Err(e) => return fail(format!("the file is not a readable spreadsheet archive ({e})")),
    };
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(index) else {
            return fail("the spreadsheet archive is damaged");
        };
        let unpacked = entry.size();
        let packed = entry.compressed_size().max(1);
        total = total.saturating_add(unpacked);
        if unpacked > 1 << 20 && unpacked / packed > MAX_COMPRESSION_RATIO {
            return fail("the spreadsheet unpacks to an implausible size (a zip bomb?); refused");
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return fail("the spreadsheet unpacks to more than 1 GiB; refused");
    }
    Ok(())
}

fn read_spreadsheet(
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
        return fail(format!(
            "the file is named .{extension} but is not a spreadsheet; save it again from the spreadsheet program"
        ));
    }
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| ReadError(format!("cannot read the spreadsheet: {e}")))?;
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
            .ok_or_else(|| ReadError(format!("there is no sheet '{wanted}'; the sheets are: {}", names.join(", "))))?,
        None => names.first().cloned().ok_or_else(|| ReadError("the spreadsheet has no sheets".into()))?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| ReadError(format!("cannot read sheet '{name}': {e}")))?;
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
        Data::String(s) => Cell::text(s.clone()),
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
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::text(format!("#{e:?}")),
    }
}

/// Whole numbers without ".0"; others as Rust prints them (shortest exact form).
fn format_float(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { value.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &RawTable) -> Vec<Vec<String>> {
        table.rows().map(|r| r.expect("row").texts().map(str::to_string).collect()).collect()
    }

    #[test]
    fn detects_semicolon_and_windows_1252() {
        let bytes = b"Tiltak;Bel\xf8p\nF\xf8dsel;12,5\n";
        let table = read_table(bytes, "x.csv", None).expect("read");
        assert_eq!(table.layout.encoding.as_deref(), Some("iso-8859-1"));
        assert_eq!(table.layout.delimiter.as_deref(), Some(";"));
        assert_eq!(texts(&table), vec![vec!["Tiltak", "Beløp"], vec!["Fødsel", "12,5"]]);
        let bytes = b"Tiltak;Bel\xf8p\n\x93Ny\x94 l\xf8sning;12,5\n";
        let table = read_table(bytes, "x.csv", None).expect("read");
        assert_eq!(table.layout.encoding.as_deref(), Some("windows-1252"));
        assert_eq!(texts(&table)[1][0], "“Ny” løsning");
    }

    #[test]
    fn detects_tab_bom_crlf_and_quoted_newlines() {
        let table = read_table("\u{feff}a\tb\r\n1\t\"x\r\ny\"\r\n".as_bytes(), "x.tsv", None).expect("read");
        assert_eq!(table.layout.encoding.as_deref(), Some("utf-8-sig"));
        assert_eq!(table.layout.delimiter.as_deref(), Some("tab"));
        assert_eq!(table.layout.line_ending.as_deref(), Some("CRLF"));
        assert_eq!(texts(&table), vec![vec!["a", "b"], vec!["1", "x\r\ny"]]);
        assert_eq!(table.head(2).expect("rows")[1].line, 2);
    }

    #[test]
    fn quoted_delimiters_do_not_fool_the_sniffer() {
        let text = "id,title,desc\n1,\"a; b; c\",\"x; y\"\n2,\"d; e\",z\n";
        let table = read_table(text.as_bytes(), "x.csv", None).expect("read");
        assert_eq!(table.layout.delimiter.as_deref(), Some(","));
        assert_eq!(texts(&table)[1][1], "a; b; c");
    }

    #[test]
    fn refuses_what_is_not_a_table() {
        assert_eq!(read_table(b"", "x.csv", None).expect_err("empty").0, "the file is empty");
        assert!(read_table(b"%PDF-1.7\n...", "x.csv", None).expect_err("pdf").0.contains("PDF"));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(read_table(&noise, "x.csv", None).is_err());
        assert!(read_table(b"hello", "x.xlsx", None).expect_err("fake xlsx").0.contains("not a spreadsheet"));
        assert!(read_table(b"a,b\n1,2\n", "x.csv", Some("Ark1")).is_err());
        let broken = read_table(b"a,b\n1,\"open\n", "x.csv", None).expect("read starts");
        let rows: Vec<_> = broken.rows().collect();
        assert!(rows.last().is_some_and(|r| r.is_err()) || rows.len() == 2);
    }
}
