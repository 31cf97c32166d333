//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or else Windows-1252 /
//! ISO-8859-1, the encodings Norwegian Excel and older systems write.

use crate::error::read::{ReadError, ReadResult};
use std::borrow::Cow;

/// Text decoded from a file, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Lines (1-based) where a UTF-8 file held bytes that are not UTF-8, read as
    /// Windows-1252 instead. At most [`LISTED_REPAIRS`] lines are named.
    pub repaired_lines: Vec<usize>,
    /// How many bytes were read that way.
    pub repaired_bytes: usize,
}

/// Lines named in a repair warning; the count says how many more.
pub const LISTED_REPAIRS: usize = 20;

pub fn decode(bytes: Cow<'_, [u8]>) -> ReadResult<Decoded> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(ReadError::BadByteOrderMark { encoding: encoding.name() });
        }
        let name = match encoding.name() {
            "UTF-8" => "utf-8-sig",
            "UTF-16LE" => "utf-16le",
            _ => "utf-16be",
        };
        return Ok(plain(text.into_owned(), name));
    }
    let bytes = match bytes {
        Cow::Owned(bytes) => match String::from_utf8(bytes) {
            Ok(text) => return Ok(plain(text, "utf-8")),
            Err(error) => Cow::Owned(error.into_bytes()),
        },
        Cow::Borrowed(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => return Ok(plain(text.to_string(), "utf-8")),
            Err(_) => Cow::Borrowed(bytes),
        },
    };
    if let Some(repaired) = repair_utf8(&bytes) {
        return Ok(repaired);
    }
    // Bytes 0x80–0x9F are printable in Windows-1252 (€, ‚, “ …) but C1 controls in ISO-8859-1.
    let name = if bytes.iter().any(|b| (0x80..=0x9F).contains(b)) { "windows-1252" } else { "iso-8859-1" };
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    Ok(plain(text.into_owned(), name))
}

fn plain(text: String, encoding: &'static str) -> Decoded {
    Decoded { text, encoding, repaired_lines: Vec::new(), repaired_bytes: 0 }
}

/// A UTF-8 file with a few stray Windows-1252 bytes (a row pasted from an old system): the
/// file is UTF-8 when its valid non-ASCII letters outnumber the bytes that are not UTF-8.
/// Read as Windows-1252 whole, every æ, ø and å of the UTF-8 rows would break instead.
/// None when the file reads better as Windows-1252.
fn repair_utf8(bytes: &[u8]) -> Option<Decoded> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut valid_non_ascii = 0usize;
    let mut repaired_bytes = 0usize;
    let mut repaired_lines = Vec::new();
    let mut line = 1usize;
    let mut rest = bytes;
    loop {
        let (valid, invalid) = match std::str::from_utf8(rest) {
            Ok(valid) => (valid, &[][..]),
            Err(error) => {
                let (valid, tail) = rest.split_at(error.valid_up_to());
                let bad = error.error_len().unwrap_or(tail.len());
                // The prefix was just validated by from_utf8.
                (std::str::from_utf8(valid).unwrap_or_default(), &tail[..bad])
            }
        };
        valid_non_ascii += valid.chars().filter(|c| !c.is_ascii()).count();
        line += memchr::memchr_iter(b'\n', valid.as_bytes()).count();
        text.push_str(valid);
        if invalid.is_empty() {
            break;
        }
        repaired_bytes += invalid.len();
        if repaired_lines.last() != Some(&line) {
            repaired_lines.push(line);
        }
        let (as_1252, _, _) = encoding_rs::WINDOWS_1252.decode(invalid);
        text.push_str(&as_1252);
        rest = &rest[valid.len() + invalid.len()..];
        if repaired_bytes > valid_non_ascii.max(1) * 4 {
            // Clearly not UTF-8: stop counting early.
            return None;
        }
    }
    (valid_non_ascii > 0 && repaired_bytes <= valid_non_ascii).then(|| {
        repaired_lines.truncate(LISTED_REPAIRS);
        Decoded { text, encoding: "utf-8", repaired_lines, repaired_bytes }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode_bytes(bytes: &[u8]) -> Decoded {
        decode(Cow::Borrowed(bytes)).expect("decodes")
    }

    #[test]
    fn one_stray_windows_1252_byte_in_utf8_is_repaired_and_named_by_line() {
        let mut bytes = "Tiltak;Beløp\nFødselsmelding;12,5\nDødsbo;3\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"Sj\xf8nn;4\n");
        bytes.extend_from_slice("Ærlig å si;5\n".as_bytes());
        let decoded = decode_bytes(&bytes);
        assert_eq!(decoded.encoding, "utf-8");
        assert_eq!(decoded.text, "Tiltak;Beløp\nFødselsmelding;12,5\nDødsbo;3\nSjønn;4\nÆrlig å si;5\n");
        assert_eq!(decoded.repaired_lines, vec![4]);
        assert_eq!(decoded.repaired_bytes, 1);
    }

    #[test]
    fn a_windows_1252_file_stays_windows_1252() {
        let decoded = decode_bytes(b"Tiltak;Bel\xf8p\nF\xf8dsel;12,5\n\x93Ny\x94;3\n");
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "Tiltak;Beløp\nFødsel;12,5\n“Ny”;3\n");
        assert!(decoded.repaired_lines.is_empty());
        // ASCII with one Latin-1 letter: no UTF-8 letter speaks for UTF-8.
        let decoded = decode_bytes(b"Tiltak\nS\xf8k\n");
        assert_eq!(decoded.encoding, "iso-8859-1");
        assert_eq!(decoded.text, "Tiltak\nSøk\n");
    }

    #[test]
    fn a_sequence_cut_at_the_end_is_repaired_too() {
        let mut bytes = "Søknad;Nav;Ø\n".as_bytes().to_vec();
        bytes.push(0xc3);
        let decoded = decode_bytes(&bytes);
        assert_eq!(decoded.encoding, "utf-8");
        assert_eq!(decoded.text, "Søknad;Nav;Ø\nÃ");
        assert_eq!(decoded.repaired_lines, vec![2]);
    }
}
