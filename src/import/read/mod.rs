//! Reading a file into rows of cells: CSV/TSV in any common encoding and delimiter, and
//! spreadsheets (.xlsx, .xls, .ods) through calamine. Nothing here knows what the columns mean.

mod csv;
pub mod decode;
mod spreadsheet;
mod spreadsheet_guard;

pub use self::csv::CsvRows;
pub use crate::error::read::{Damage, ReadError, ReadResult};

use serde::Serialize;
use std::borrow::Cow;

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
    Record(::csv::StringRecord),
    Cells(Vec<Cell>),
}

impl RawRow {
    pub fn new(line: usize, cells: Vec<Cell>) -> Self {
        Self { line, cells: Cells::Cells(cells) }
    }

    pub fn from_texts<S: Into<String>>(line: usize, texts: impl IntoIterator<Item = S>) -> Self {
        Self::new(line, texts.into_iter().map(Cell::text).collect())
    }

    fn from_record(line: usize, record: ::csv::StringRecord) -> Self {
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
    /// Lines of a UTF-8 file where bytes that are not UTF-8 were read as Windows-1252
    /// (at most [`decode::LISTED_REPAIRS`]); the import warns about them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repaired_lines: Vec<usize>,
    #[serde(skip_serializing_if = "is_zero")]
    pub repaired_bytes: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(n: &usize) -> bool {
    *n == 0
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
    /// The decoded text, its delimiter and its usual number of columns.
    Csv {
        text: String,
        delimiter: u8,
        width: usize,
    },
}

impl RawTable {
    /// The rows from the top; each call starts again.
    pub fn rows(&self) -> RowIter<'_> {
        match &self.body {
            Body::Rows(rows) => RowIter::Rows(rows.iter()),
            Body::Csv { text, delimiter, width } => RowIter::Csv(CsvRows::new(text, *delimiter, *width)),
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

/// Reads `bytes` (the file `file_name`) into a table; `sheet` picks a spreadsheet's sheet.
///
/// Given the bytes to own, a UTF-8 CSV file is read where it lies, not copied first.
pub fn read_table<'b>(bytes: impl Into<Cow<'b, [u8]>>, file_name: &str, sheet: Option<&str>) -> ReadResult<RawTable> {
    let bytes = bytes.into();
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let extension =
        std::path::Path::new(file_name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    if bytes.starts_with(b"%PDF") {
        return Err(ReadError::Pdf);
    }
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    let is_ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    if is_zip || is_ole || matches!(extension.as_str(), "xlsx" | "xlsm" | "xlsb" | "xls" | "ods") {
        return spreadsheet::read_spreadsheet(&bytes, is_zip, is_ole, &extension, sheet);
    }
    if sheet.is_some() {
        return Err(ReadError::SheetInCsv);
    }
    self::csv::read_csv(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

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
        assert_eq!(read_table(b"", "x.csv", None).expect_err("empty"), ReadError::Empty);
        assert_eq!(read_table(b"%PDF-1.7\n...", "x.csv", None).expect_err("pdf"), ReadError::Pdf);
        let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        assert!(read_table(&noise, "x.csv", None).is_err());
        assert!(matches!(
            read_table(b"hello", "x.xlsx", None).expect_err("fake xlsx"),
            ReadError::NotASpreadsheet { .. }
        ));
        assert_eq!(read_table(b"a,b\n1,2\n", "x.csv", Some("Ark1")).expect_err("sheet"), ReadError::SheetInCsv);
        let broken = read_table(b"a,b\n1,\"open\n", "x.csv", None).expect("read starts");
        let rows: Vec<_> = broken.rows().collect();
        assert_eq!(rows.last(), Some(&Err(ReadError::UnclosedQuote { line: 2 })));
    }

    #[test]
    fn every_read_error_reads_in_bokmal_and_english() {
        let error = ReadError::UnclosedQuote { line: 11 };
        assert!(error.message(Lang::Nb).starts_with("anførselstegnet som åpnes på linje 11, lukkes aldri"));
        assert!(error.to_string().starts_with("the quote opened on line 11 is never closed"));
        assert_eq!(error.message(Lang::En), error.to_string());
    }
}
