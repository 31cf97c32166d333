//! CSV and TSV: the delimiter sniffed, records parsed as they are read, and quotes that
//! would swallow the rest of the file refused.

use super::decode::{Decoded, decode};
use super::{Body, FileLayout, RawRow, RawTable};
use crate::error::read::{ReadError, ReadResult};
use std::borrow::Cow;

/// Bytes read to name a CSV file's line ending.
const LINE_ENDING_SAMPLE: usize = 64 * 1024;

const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// A cell holding this many lines that each look like a whole row of the file is a quote
/// left open, not a long description (a description's lines rarely hold every delimiter).
const SWALLOWED_ROWS: usize = 2;

pub(super) fn read_csv(bytes: Cow<'_, [u8]>) -> ReadResult<RawTable> {
    let Decoded { text, encoding, repaired_lines, repaired_bytes } = decode(bytes)?;
    if looks_binary(&text) {
        return Err(ReadError::Binary);
    }
    // Judged from the start of the file, as the delimiter is: counting every line of a
    // national-scale file only to name its line ending cost more than its first read.
    let sample = &text.as_bytes()[..text.len().min(LINE_ENDING_SAMPLE)];
    let lf = memchr::memchr_iter(b'\n', sample).count();
    let crlf = sample.windows(2).filter(|pair| pair == b"\r\n").count();
    let line_ending = if lf == 0 {
        "none"
    } else if crlf * 2 > lf {
        "CRLF"
    } else {
        "LF"
    };
    let (delimiter, width) = sniff_delimiter(&text);
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
            repaired_lines,
            repaired_bytes,
        },
        body: Body::Csv { text, delimiter, width },
    })
}

/// True when text holds bytes no table would: NUL or a high share of control characters.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(8192).collect();
    let controls = sample.iter().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{1b}')).count();
    sample.contains(&'\0') || controls * 20 > sample.len()
}

/// Picks the delimiter that splits the first records into the most columns, consistently,
/// and returns it with that number of columns.
fn sniff_delimiter(text: &str) -> (u8, usize) {
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
    (best.0, best.2)
}

/// CSV records with the line each starts on.
pub struct CsvRows<'a> {
    reader: csv::Reader<&'a [u8]>,
    bytes: &'a [u8],
    delimiter: u8,
    /// The table's usual number of columns, as sniffed (0 when unknown).
    width: usize,
    counted_to: usize,
    line: usize,
    failed: bool,
    /// Sizes of the last record, so the next one is allocated once at the right size.
    last_len: usize,
    last_fields: usize,
}

impl<'a> CsvRows<'a> {
    pub(super) fn new(text: &'a str, delimiter: u8, width: usize) -> Self {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        Self {
            reader,
            bytes: text.as_bytes(),
            delimiter,
            width,
            counted_to: 0,
            line: 1,
            failed: false,
            last_len: 256,
            last_fields: 16,
        }
    }

    /// Refuses a record whose quote is never closed (the csv crate reads it to the end of
    /// the file, silently) or that swallowed lines looking like whole rows.
    fn check_quotes(&self, start: usize, record: &csv::StringRecord) -> ReadResult<()> {
        let end = self.reader.position().byte() as usize;
        if end >= self.bytes.len() {
            if let Some(offset) = unclosed_quote(&self.bytes[start.min(self.bytes.len())..], self.delimiter) {
                let line = self.line + count_lines(&self.bytes[start..start + offset]);
                return Err(ReadError::UnclosedQuote { line });
            }
        }
        if self.width < 3 || !record.as_slice().contains('\n') {
            return Ok(());
        }
        let delimiter = self.delimiter as char;
        let mut lines_before = 0;
        for field in record {
            let swallowed =
                field.split('\n').skip(1).filter(|line| line.matches(delimiter).count() + 1 >= self.width).count();
            if swallowed >= SWALLOWED_ROWS {
                let line = self.line + lines_before;
                let lines = field.matches('\n').count();
                return Err(ReadError::RunawayQuote { line, until: line + lines, rows: lines });
            }
            lines_before += field.matches('\n').count();
        }
        Ok(())
    }
}

fn count_lines(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Where (the byte offset in `record`) a quote opens that is still open at its end, reading
/// as the csv crate does: a quote opens a cell only at its start, `""` inside is a quote.
#[allow(clippy::match_same_arms)] // one arm per state and byte: the state machine reads as a table
fn unclosed_quote(record: &[u8], delimiter: u8) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted(usize),
        QuoteInQuoted(usize),
    }
    let mut state = State::CellStart;
    for (at, &byte) in record.iter().enumerate() {
        let ends_cell = byte == delimiter || byte == b'\n' || byte == b'\r';
        state = match state {
            State::CellStart if byte == b'"' => State::Quoted(at),
            State::CellStart | State::Unquoted if ends_cell => State::CellStart,
            State::CellStart | State::Unquoted => State::Unquoted,
            State::Quoted(open) if byte == b'"' => State::QuoteInQuoted(open),
            State::Quoted(open) => State::Quoted(open),
            State::QuoteInQuoted(open) if byte == b'"' => State::Quoted(open),
            State::QuoteInQuoted(_) if ends_cell => State::CellStart,
            State::QuoteInQuoted(_) => State::Unquoted,
        };
    }
    match state {
        State::Quoted(open) => Some(open),
        _ => None,
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
                    self.line += count_lines(&self.bytes[self.counted_to..start]);
                    self.counted_to = start;
                }
                if let Err(error) = self.check_quotes(start, &record) {
                    self.failed = true;
                    return Some(Err(error));
                }
                self.last_len = record.as_slice().len();
                self.last_fields = record.len();
                Some(Ok(RawRow::from_record(self.line, record)))
            }
            Err(e) => {
                self.failed = true;
                let line = e.position().map_or(self.line as u64, csv::Position::line);
                Some(Err(ReadError::Csv { line, detail: crate::error::read::detail(&e) }))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::read_table;
    use super::*;

    fn rows(text: &str) -> Vec<ReadResult<RawRow>> {
        read_table(text.as_bytes(), "x.csv", None).expect("reads").rows().collect()
    }

    #[test]
    fn the_csv_crates_quote_rules() {
        assert_eq!(unclosed_quote(b"\"open;rest\nmore", b';'), Some(0));
        assert_eq!(unclosed_quote(b"a;\"b\"\"c;d\nx", b';'), Some(2));
        assert_eq!(unclosed_quote(b"\"closed\";b\n", b';'), None);
        assert_eq!(unclosed_quote(b"\"a \"\"q\"\"\";b", b';'), None);
        assert_eq!(unclosed_quote(b"mid\"dle;\"x\"", b';'), None, "a quote inside a cell is a letter");
        assert_eq!(unclosed_quote(b"\"slutt\"etter;\"\"", b';'), None);
    }

    #[test]
    fn a_quote_never_closed_is_refused_with_its_line() {
        let text = "Tiltak;Virksomhet;Beløp\nA;Nav;1\n\"B;Nav;2\nC;Nav;3\nD;Nav;4\n";
        let found = rows(text);
        let error = found.iter().find_map(|r| r.as_ref().err()).expect("refused");
        assert_eq!(*error, ReadError::UnclosedQuote { line: 3 });
    }

    #[test]
    fn a_quote_closed_far_below_is_refused_as_swallowing_rows() {
        let text = "Tiltak;Virksomhet;Beløp\nA;Nav;1\n\"B;Nav;2\nC;Nav;3\nD;Nav;4\nE\";Nav;5\nF;Nav;6\n";
        let error = rows(text).into_iter().find_map(Result::err).expect("refused");
        assert_eq!(error, ReadError::RunawayQuote { line: 3, until: 6, rows: 3 });
    }

    #[test]
    fn quoted_line_breaks_in_a_description_are_fine() {
        let text = "Tiltak;Beskrivelse;Beløp\nA;\"første linje; med semikolon\nandre linje\ntredje\";1\nB;x;2\n";
        let found: Vec<RawRow> = rows(text).into_iter().map(|r| r.expect("row")).collect();
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].line, 5);
    }
}
