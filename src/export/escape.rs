//! Making data safe for each output format: spreadsheet cells that must never run as a
//! formula, Markdown that must not turn into markup, HTML that must not turn into tags.
//!
//! Every text value that came from a sector file goes through one of these before it is
//! written; numbers samla computes itself are written as numbers.

use crate::text::display_line;
use std::borrow::Cow;

/// True when a spreadsheet would read the cell as a formula (or as the start of one): it
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return (OWASP, "CSV Injection").
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell for CSV: one line (control characters shown escaped, see
/// [`display_line`]), and, when it begins like a formula, prefixed with `'`.
///
/// A CSV file has no cell types, so Excel and LibreOffice evaluate `=...` on open; the
/// leading apostrophe is what OWASP recommends and what both programs read as "this is
/// text". The apostrophe stays visible in the cell: safe beats pretty for a file that may
/// be opened by anyone in the meeting.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    let line = one_line(text);
    // Checked on the raw text too: display_line turns a leading tab into a space.
    if starts_like_formula(text) || starts_like_formula(&line) { Cow::Owned(format!("'{line}")) } else { line }
}

/// A text cell for XLSX: one line, control characters shown escaped. Whether it needs the
/// quote-prefix style (see `xlsx.rs`) is [`starts_like_formula`] of the raw text.
pub fn xlsx_cell(text: &str) -> Cow<'_, str> {
    one_line(text)
}

/// Line breaks and tabs become spaces; other control and bidi characters are shown as
/// `\e`, `\u{202e}`, never written raw (a terminal `cat` of the file stays harmless).
fn one_line(text: &str) -> Cow<'_, str> {
    match display_line(text) {
        Cow::Borrowed(_) if !text.contains('\r') => Cow::Borrowed(text),
        other => Cow::Owned(other.into_owned()),
    }
}

/// Text for Markdown, inline or in a table cell: one line, and every character Markdown
/// (CommonMark, GitHub tables) gives a meaning escaped with a backslash, so a title such
/// as `*Nytt* | <script>` shows as written and never becomes emphasis, a table column or
/// raw HTML. `&` is escaped too, so `&lt;` in a title stays as typed.
pub fn markdown(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for (index, ch) in line.chars().enumerate() {
        let special = matches!(ch, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '$')
            // At the start of a value these begin a heading, a list or a block quote.
            || (index == 0 && matches!(ch, '#' | '-' | '+' | '=' | '.' | ')'));
        if special {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// Text for HTML element content and quoted attribute values (SVG labels too): one line,
/// control characters shown escaped, and the five characters HTML gives a meaning as
/// entities.
pub fn html(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len() + 8);
    for ch in line.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_prefixed_in_csv() {
        for bad in ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "\t=1", "\r=1"] {
            let cell = csv_cell(bad);
            assert!(cell.starts_with('\''), "{bad:?} → {cell:?}");
            assert!(!cell.contains(['\t', '\r']), "{cell:?}");
        }
        assert_eq!(csv_cell("Digital dødsbo"), "Digital dødsbo");
        assert_eq!(csv_cell("a = b"), "a = b", "only the start matters");
        assert_eq!(csv_cell("two\nlines"), "two lines");
        assert_eq!(csv_cell("x\u{1b}[31m"), "x\\e[31m");
    }

    #[test]
    fn markdown_special_characters_are_escaped() {
        assert_eq!(markdown("*Nytt* | <script>"), "\\*Nytt\\* \\| \\<script\\>");
        assert_eq!(markdown("# Heading"), "\\# Heading");
        assert_eq!(markdown("a_b [x](y)"), "a\\_b \\[x\\](y)");
        assert_eq!(markdown("Æøå 12,5"), "Æøå 12,5");
        assert_eq!(markdown("line\nbreak"), "line break");
    }

    #[test]
    fn html_entities_and_controls() {
        assert_eq!(
            html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
        assert_eq!(html("æøå"), "æøå");
        assert!(!html("a\u{1b}b").contains('\u{1b}'));
    }
}
