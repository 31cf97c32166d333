//! Text helpers shared by every layer: folding for comparison, and making data safe to show.

use std::borrow::Cow;

/// Folds text for comparison: lower case, letters without accents (æ→ae, ø→o, å→a, é→e),
/// every run of other characters turned into one space, trimmed.
///
/// "Søkt beløp (mill. kr)" → "sokt belop mill kr"; "DØDSFALL OG ARV" → "dodsfall og arv".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let push = |out: &mut String, piece: char, pending_space: &mut bool| {
        if *pending_space && !out.is_empty() {
            out.push(' ');
        }
        *pending_space = false;
        out.push(piece);
    };
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() {
            push(&mut out, ch.to_ascii_lowercase(), &mut pending_space);
        } else if ch.is_ascii() || ch.is_whitespace() || !ch.is_alphanumeric() {
            pending_space = true;
        } else {
            // deunicode turns æ into "ae", ø into "o", é into "e", and so on.
            match deunicode::deunicode_char(ch) {
                Some(ascii) if ascii.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    for c in ascii.chars() {
                        push(&mut out, c.to_ascii_lowercase(), &mut pending_space);
                    }
                }
                _ => pending_space = true,
            }
        }
    }
    out
}

/// True for characters that must never reach a terminal as they are: C0 and C1 controls,
/// DEL, and the bidirectional controls (Unicode's Bidi_Control set: U+061C, U+200E/F,
/// U+202A–E, U+2066–9) that can make text read differently than it is ("Trojan Source").
pub(crate) fn is_unsafe(ch: char) -> bool {
    ch.is_control()
        || matches!(ch, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape_into(out: &mut String, ch: char) {
    match ch {
        '\u{1b}' => out.push_str("\\e"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        c => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// Where neutralised text goes, which decides what becomes of line breaks and tabs.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// One line of a table: breaks and tabs become spaces.
    Line,
    /// A detail pane: breaks kept, tabs become spaces (cells cannot show a tab).
    Block,
    /// Whole output printed as it is (a report, CSV): breaks and tabs kept.
    Output,
}

/// Escapes every unsafe character of `text` but the line breaks and tabs `shape` keeps.
/// A CR before an LF is part of the line break (files from Windows), never shown as `\r`.
fn neutralise(text: &str, shape: Shape) -> Cow<'_, str> {
    let kept = |ch: char| match ch {
        '\n' => shape != Shape::Line,
        '\t' => shape == Shape::Output,
        _ => false,
    };
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, shape) {
            ('\r', Shape::Output) if chars.peek() == Some(&'\n') => out.push('\r'),
            ('\r', Shape::Line) => {}
            ('\r', Shape::Block) if chars.peek() == Some(&'\n') => {}
            ('\n' | '\t', Shape::Line) => out.push(' '),
            ('\t', Shape::Block) => out.push_str("    "),
            (c, _) if kept(c) => out.push(c),
            (c, _) if is_unsafe(c) => escape_into(&mut out, c),
            (c, _) => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Text for one line of a table or list: line breaks and tabs become spaces, every other
/// control or bidi character is shown escaped (`\e`, `\u{202e}`), never sent to the terminal.
pub fn display_line(text: &str) -> Cow<'_, str> {
    neutralise(text, Shape::Line)
}

/// Text for a block (a detail pane): keeps line breaks, escapes every other control.
pub fn display_block(text: &str) -> Cow<'_, str> {
    neutralise(text, Shape::Block)
}

/// Text a command prints as a whole (reports, CSV): line breaks and tabs kept as they are,
/// every other control or bidi character shown escaped. The last guard before stdout, so a
/// value some formatter forgot to escape still cannot reach the terminal raw.
pub fn display_output(text: &str) -> Cow<'_, str> {
    neutralise(text, Shape::Output)
}

/// JSON whose strings hold no raw unsafe character: serde_json escapes C0 controls but
/// writes DEL, C1 controls and bidi controls as they are, so those become `\uXXXX` here.
/// Lossless (a JSON reader gets the same strings back) and still valid JSON, since such
/// characters can only stand inside strings. The line breaks of pretty-printed JSON stand
/// between values and stay.
pub fn json_safe(json: String) -> String {
    let escaped = |ch: char| ch != '\n' && is_unsafe(ch);
    if !json.chars().any(escaped) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for ch in json.chars() {
        if escaped(ch) {
            use std::fmt::Write;
            // Every unsafe character is in the Basic Multilingual Plane: one \u escape each.
            let _ = write!(out, "\\u{:04x}", ch as u32);
        } else {
            out.push(ch);
        }
    }
    out
}

/// The values in `candidates` closest to `value`, best first, for "did you mean" hints.
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>, limit: usize) -> Vec<String> {
    let wanted = fold(value);
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let folded = fold(c);
            // Jaro-Winkler rewards a shared start; Damerau-Levenshtein catches swapped letters
            // in short codes ("HDO" → "HOD"), where Jaro sees almost nothing in common.
            let score =
                strsim::jaro_winkler(&wanted, &folded).max(strsim::normalized_damerau_levenshtein(&wanted, &folded));
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, c) in scored {
        if !out.iter().any(|o| o == c) {
            out.push(c.to_string());
        }
        if out.len() == limit {
            break;
        }
    }
    out
}

/// Trims and turns every run of whitespace (no-break spaces too) into one space; borrows
/// when the text is already clean, as nearly all is.
pub fn collapse_whitespace(text: &str) -> Cow<'_, str> {
    let clean = !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.contains(|c: char| c.is_whitespace() && c != ' ')
        && !text.contains("  ");
    if clean { Cow::Borrowed(text) } else { Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" ")) }
}

/// Formats whole kroner as Norwegian MNOK: 12 500 000 → "12,5", 1 234 567 890 → "1 234,6".
pub fn format_mnok(amount_nok: i64) -> String {
    let tenths = (amount_nok as f64 / 100_000.0).round() as i64;
    let negative = tenths < 0;
    let tenths = tenths.abs();
    let whole = group_thousands(tenths / 10);
    let frac = tenths % 10;
    let sign = if negative { "-" } else { "" };
    format!("{sign}{whole},{frac}")
}

/// A number with `decimals` decimals and a decimal comma, Norwegian style: 57.25 → "57,3".
pub fn format_decimal(value: f64, decimals: usize) -> String {
    format!("{value:.decimals$}").replace('.', ",")
}

/// Groups digits by three with a space, Norwegian style: 1234567 → "1 234 567".
pub fn group_thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

/// The text with a lower-case first letter, unless it is an acronym ("NAV") or one letter.
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_lowercases_and_removes_accents_and_punctuation() {
        assert_eq!(fold("Søkt beløp (mill. kr)"), "sokt belop mill kr");
        assert_eq!(fold("DØDSFALL OG ARV"), "dodsfall og arv");
        assert_eq!(fold("  Ærlig\u{a0}Idé – «fase 2». "), "aerlig ide fase 2");
        assert_eq!(fold("dodsfall-og-arv"), "dodsfall og arv");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn display_line_escapes_controls_and_bidi() {
        assert_eq!(display_line("plain æøå"), "plain æøå");
        assert_eq!(display_line("a\u{1b}[31mred"), "a\\e[31mred");
        assert_eq!(display_line("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(display_line("two\nlines\tand tab"), "two lines and tab");
        assert_eq!(display_block("two\nlines\u{7}"), "two\nlines\\u{7}");
        assert_eq!(display_line("only\nbreaks"), "only breaks");
    }

    #[test]
    fn the_arabic_letter_mark_is_a_bidi_control_too() {
        // U+061C is in Unicode's Bidi_Control set with U+202A–E and U+2066–9.
        assert_eq!(display_line("a\u{61c}b"), "a\\u{61c}b");
    }

    #[test]
    fn a_windows_line_break_in_a_block_is_a_line_break() {
        assert_eq!(display_block("first\r\nsecond"), "first\nsecond");
        assert_eq!(display_block("lone\rreturn"), "lone\\rreturn");
    }

    #[test]
    fn output_keeps_breaks_and_tabs_and_escapes_the_rest() {
        assert_eq!(display_output("a\tb\r\nc\n"), "a\tb\r\nc\n");
        assert_eq!(display_output("\u{1b}]52;c;aGk=\u{7}x\u{9b}2J\u{202e}"), "\\e]52;c;aGk=\\u{7}x\\u{9b}2J\\u{202e}");
        assert_eq!(display_output("lone\rreturn"), "lone\\rreturn");
    }

    #[test]
    fn json_keeps_its_strings_but_not_raw_controls() {
        let json = serde_json::to_string_pretty(&["\u{1b}[2J \u{9b}\u{7f}\u{202e}\u{2066}æ\n"]).expect("json");
        let safe = json_safe(json);
        assert!(!safe.chars().any(|c| c != '\n' && is_unsafe(c)), "{safe}");
        assert!(safe.starts_with("[\n  \""), "{safe}");
        let back: Vec<String> = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, ["\u{1b}[2J \u{9b}\u{7f}\u{202e}\u{2066}æ\n"]);
    }

    #[test]
    fn mnok_uses_decimal_comma_and_space_grouping() {
        assert_eq!(format_mnok(12_500_000), "12,5");
        assert_eq!(format_mnok(450_000), "0,5");
        assert_eq!(format_mnok(1_234_567_890), "1 234,6");
        assert_eq!(format_mnok(-3_000_000), "-3,0");
        assert_eq!(group_thousands(1_234_567), "1 234 567");
        assert_eq!(group_thousands(999), "999");
    }

    #[test]
    fn closest_suggests_similar_values() {
        let options = ["HOD", "HK-dir", "FIN", "AID"];
        assert_eq!(closest("HDO", options, 2).first().map(String::as_str), Some("HOD"));
        assert!(closest("zzzzzz", options, 3).is_empty());
    }
}

/// Orders text the Norwegian way: case-insensitive, accents ignored, and æ, ø, å after z
/// in that order (plain byte order puts å before æ).
pub fn norwegian_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    norwegian_sort_key(a).cmp(&norwegian_sort_key(b)).then_with(|| a.cmp(b))
}

/// A key whose byte order is the Norwegian order of `text` (see [`norwegian_cmp`]): lower
/// case ASCII, with æ, ø, å as the three characters after "z".
pub fn norwegian_sort_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for ch in text.chars() {
        let lower = ch.to_lowercase().next().unwrap_or(ch);
        match lower {
            'æ' | 'ä' => key.push('{'),
            'ø' | 'ö' => key.push('|'),
            'å' => key.push('}'),
            c if c.is_ascii() => key.push(c),
            c => match deunicode::deunicode_char(c) {
                Some(ascii) if !ascii.is_empty() => key.extend(ascii.chars().map(|a| a.to_ascii_lowercase())),
                _ => key.push(c),
            },
        }
    }
    key
}

#[cfg(test)]
mod collation_tests {
    use super::norwegian_cmp;

    #[test]
    fn norwegian_letters_sort_after_z_in_order() {
        let mut words = vec!["Å", "ø", "Zebra", "æ", "alfa", "Éclair", "Beta"];
        words.sort_by(|a, b| norwegian_cmp(a, b));
        assert_eq!(words, vec!["alfa", "Beta", "Éclair", "Zebra", "æ", "ø", "Å"]);
    }
}

/// A free tag as stored: trimmed, lower case, inner spaces as "-" ("Embetsgruppe mars" →
/// "embetsgruppe-mars"). None for an empty tag or one holding control characters.
pub fn normalise_tag(text: &str) -> Option<String> {
    let tag = text.split_whitespace().collect::<Vec<_>>().join("-").to_lowercase();
    if tag.is_empty() || tag.chars().any(is_unsafe) || tag.chars().count() > 64 {
        return None;
    }
    Some(tag)
}

#[cfg(test)]
mod tag_tests {
    use super::normalise_tag;

    #[test]
    fn tags_are_lower_case_with_dashes() {
        assert_eq!(normalise_tag(" Embetsgruppe  mars "), Some("embetsgruppe-mars".into()));
        assert_eq!(normalise_tag("Fellesløsning"), Some("fellesløsning".into()));
        assert_eq!(normalise_tag("   "), None);
        assert_eq!(normalise_tag("bad\u{1b}tag"), None);
    }
}

/// Cuts `text` to at most `width` terminal columns, ending in "…" when cut. Wide
/// characters (CJK, emoji) count as two.
pub fn truncate_to_width(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// At most `chars` characters of `text`, ending in "…" when cut (for one-line summaries).
pub fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `text` broken into lines of at most `width` terminal columns, at spaces where it can;
/// a word longer than a line is cut. Control characters are shown safely.
pub fn wrap_to_width(text: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in display_block(text).lines() {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let needed = if line.is_empty() { word.width() } else { line.width() + 1 + word.width() };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            for ch in word.chars() {
                if line.width() + ch.width().unwrap_or(0) > width {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(ch);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    use super::wrap_to_width;

    #[test]
    fn wraps_at_spaces_and_cuts_only_words_longer_than_a_line() {
        assert_eq!(
            wrap_to_width("denne runden ville trukket 91 av 100", 12),
            ["denne runden", "ville", "trukket 91", "av 100"]
        );
        assert_eq!(wrap_to_width("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_to_width("to\nlinjer", 20), ["to", "linjer"]);
        assert!(wrap_to_width("ære være", 4).iter().all(|l| l.chars().count() <= 4));
    }
}

/// A stored timestamp (RFC 3339, in the time zone it was written in) as a reader writes it:
/// `4. des. 2026 00:19` in bokmål, `4 Dec 2026 00:19` in English. Text that is no timestamp
/// is shown as it is.
pub fn format_timestamp(stored: &str, lang: crate::i18n::Lang) -> String {
    use chrono::{Datelike, Timelike};
    const NB: [&str; 12] =
        ["jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let Ok(at) = chrono::DateTime::parse_from_rfc3339(stored.trim()) else { return stored.to_string() };
    let month = at.month0() as usize;
    let (day, year, hour, minute) = (at.day(), at.year(), at.hour(), at.minute());
    match lang {
        crate::i18n::Lang::Nb => format!("{day}. {} {year} {hour:02}:{minute:02}", NB[month]),
        crate::i18n::Lang::En => format!("{day} {} {year} {hour:02}:{minute:02}", EN[month]),
    }
}

#[cfg(test)]
mod timestamp_tests {
    use super::{Cow, collapse_whitespace, format_timestamp};
    use crate::i18n::Lang;

    #[test]
    fn timestamps_read_as_dates_in_the_readers_language() {
        assert_eq!(format_timestamp("2026-12-04T00:19:38+00:00", Lang::Nb), "4. des. 2026 00:19");
        assert_eq!(format_timestamp("2026-03-15T14:05:00+01:00", Lang::Nb), "15. mars 2026 14:05");
        assert_eq!(format_timestamp("2026-12-04T00:19:38+00:00", Lang::En), "4 Dec 2026 00:19");
        assert_eq!(format_timestamp("not a date", Lang::Nb), "not a date");
    }

    #[test]
    fn whitespace_collapses_to_single_spaces_and_clean_text_is_borrowed() {
        assert_eq!(collapse_whitespace("  Nav \u{a0} Vest\t\nViken "), "Nav Vest Viken");
        assert!(matches!(collapse_whitespace("Nav Vest"), Cow::Borrowed("Nav Vest")));
        assert_eq!(collapse_whitespace(" \t "), "");
    }
}
