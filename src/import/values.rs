//! Reading single values as sectors write them: amounts, years, dates, phases, risks.

use crate::reference::{Vocabulary, VocabularyTerm};
use crate::text::fold;
use chrono::NaiveDate;
use std::collections::HashMap;

/// Unit words that may follow an amount inside a cell ("12,5 mill.", "1,2 mrd.").
const VALUE_UNITS: [(&str, i64); 14] = [
    ("mrd", 1_000_000_000),
    ("milliard", 1_000_000_000),
    ("milliarder", 1_000_000_000),
    ("bn", 1_000_000_000),
    ("mill", 1_000_000),
    ("million", 1_000_000),
    ("millioner", 1_000_000),
    ("mnok", 1_000_000),
    ("mkr", 1_000_000),
    ("m", 1_000_000),
    ("tusen", 1_000),
    ("tnok", 1_000),
    ("k", 1_000),
    ("kr", 1),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed<T> {
    Value(T),
    /// Empty, or a word that means unknown ("ukjent", "-").
    Missing,
    /// Something was written that could not be read; the reason says what.
    Invalid(String),
}

/// Reads an amount and returns whole NOK. `unit_factor` comes from the header ("(mill. kr)"
/// → 1 000 000); a unit in the cell itself wins. Decimal comma or point, spaces, no-break
/// spaces, dots or apostrophes as thousands separators, "kr" and ",-" are all understood.
pub fn parse_amount(text: &str, number: Option<f64>, unit_factor: i64, vocabulary: &ValueVocabulary) -> Parsed<i64> {
    if let Some(value) = number {
        return to_nok(value, unit_factor);
    }
    let trimmed = text.trim();
    // Most cells are a plain integer or a number with one decimal point or comma.
    if let Some(value) = plain_number(trimmed, unit_factor) {
        return to_nok(value, unit_factor);
    }
    if vocabulary.is_empty_word(trimmed) {
        return Parsed::Missing;
    }
    if let Some(reason) = not_an_amount(trimmed) {
        return Parsed::Invalid(reason.into());
    }
    let lower = trimmed.to_lowercase();
    let lower = lower.trim_end_matches(",-").trim_end_matches(".-").trim_end_matches(":-");
    let mut number_part = String::new();
    let mut words = String::new();
    for ch in lower.chars() {
        if ch.is_ascii_digit() || matches!(ch, '.' | ',' | '-' | '+' | '\'' | '’') {
            number_part.push(ch);
            words.push(' ');
        } else if ch.is_whitespace() {
            words.push(' ');
        } else {
            words.push(ch);
        }
    }
    let mut factor = None;
    for word in fold(&words).split(' ').filter(|w| !w.is_empty()) {
        if word == "nok" {
            continue;
        }
        match VALUE_UNITS.iter().find(|(unit, _)| *unit == word) {
            Some((_, 1)) => {}
            Some((_, f)) => factor = Some(*f),
            None => return Parsed::Invalid(format!("'{word}' is not a number or a unit")),
        }
    }
    let number_part: String = number_part.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
    let negative = number_part.starts_with('-');
    // Only what lies between the first and last digit is the number: the "." of "mill."
    // and the sign are not separators.
    let first = number_part.find(|c: char| c.is_ascii_digit());
    let last = number_part.rfind(|c: char| c.is_ascii_digit());
    let digits = match (first, last) {
        (Some(first), Some(last)) => &number_part[first..=last],
        _ => "",
    };
    if digits.is_empty() || digits.contains(['-', '+']) || !digits.chars().any(|c| c.is_ascii_digit()) {
        return Parsed::Invalid("no number found".into());
    }
    let factor = factor.unwrap_or(unit_factor);
    let Some(normalised) = normalise_separators(digits, factor) else {
        return Parsed::Invalid("the separators do not make a number".into());
    };
    match normalised.parse::<f64>() {
        Ok(value) => to_nok(if negative { -value } else { value }, factor),
        Err(_) => Parsed::Invalid("no number found".into()),
    }
}

/// Dates, times of day and fractions are numbers but no amounts: `15.03.2027` in a
/// "(mill. kr)" column is not 15 million MNOK, nor `12:30` 1 230 MNOK, nor `3/4` 34 MNOK.
fn not_an_amount(text: &str) -> Option<&'static str> {
    let bytes = text.as_bytes();
    let digits_around =
        |at: usize| at > 0 && bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(|b| b.is_ascii_digit());
    let between_digits = |separator: u8| (0..bytes.len()).any(|at| bytes[at] == separator && digits_around(at));
    if looks_like_date(text) {
        Some("looks like a date, not an amount")
    } else if between_digits(b':') {
        Some("looks like a time of day, not an amount")
    } else if between_digits(b'/') {
        Some("looks like a fraction or a date, not an amount")
    } else {
        None
    }
}

/// `15.03.2027`, `15.3.27`, `1-3-2027`, `2027-03-15`: digits in three groups, one of them a
/// day, one a month, in an order dates are written.
fn looks_like_date(text: &str) -> bool {
    let Some(separator) = text.chars().find(|c| matches!(c, '.' | '-' | '/')) else { return false };
    let parts: Vec<&str> = text.trim().split(separator).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let number = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (day_month_year, year_month_day) = (
        parts[0].len() <= 2 && parts[1].len() <= 2 && matches!(parts[2].len(), 2 | 4),
        parts[0].len() == 4 && parts[1].len() <= 2 && parts[2].len() <= 2,
    );
    let (day, month) = if day_month_year {
        (number(parts[0]), number(parts[1]))
    } else if year_month_day {
        (number(parts[2]), number(parts[1]))
    } else {
        return false;
    };
    // "1.200.000" groups thousands: a middle group of three digits is never a month.
    (1..=31).contains(&day) && (1..=12).contains(&month) && parts[1].len() <= 2
}

/// "1200000", "12.5", "12,5": digits with at most one separator that cannot be a thousands
/// separator. Anything else goes the long way.
fn plain_number(text: &str, unit_factor: i64) -> Option<f64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_digit() || !bytes[bytes.len() - 1].is_ascii_digit() {
        return None;
    }
    let separators = bytes.iter().filter(|b| !b.is_ascii_digit()).count();
    match separators {
        0 => text.parse().ok(),
        1 => {
            let position = bytes.iter().position(|b| !b.is_ascii_digit())?;
            let digits_after = bytes.len() - position - 1;
            if !matches!(bytes[position], b'.' | b',') || (digits_after == 3 && unit_factor == 1) {
                return None;
            }
            text.replace(',', ".").parse().ok()
        }
        _ => None,
    }
}

fn to_nok(value: f64, factor: i64) -> Parsed<i64> {
    let nok = (value * factor as f64).round();
    if !nok.is_finite() || nok.abs() > 9e15 {
        return Parsed::Invalid("the amount is out of range".into());
    }
    Parsed::Value(nok as i64)
}

/// Turns "1.200.000", "12,5", "1 234,5" (spaces already gone) or "1,234.5" into a plain
/// decimal. The last of two different separators is the decimal one; one kind repeated is
/// grouping; a lone separator before exactly three digits groups thousands when the unit is
/// whole kroner ("350.000") and is decimal otherwise ("12.5" million).
fn normalise_separators(digits: &str, factor: i64) -> Option<String> {
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (c, d) if c > 0 && d > 0 => {
            let last_comma = digits.rfind(',')?;
            let last_dot = digits.rfind('.')?;
            let (decimal, count) = if last_comma > last_dot { (',', c) } else { ('.', d) };
            if count > 1 {
                return None;
            }
            Some(decimal)
        }
        (c, 0) | (0, c) if c > 1 => None,
        _ => {
            let sep = if commas == 1 { ',' } else { '.' };
            let after = digits.len() - digits.rfind(sep)? - 1;
            if after == 3 && factor == 1 { None } else { Some(sep) }
        }
    };
    // Grouping separators group thousands: "1.200.000", never "15.03.2027" or "1,2,3".
    let integer = match decimal {
        Some(d) => &digits[..digits.rfind(d)?],
        None => digits,
    };
    let groups: Vec<&str> = integer.split(|c: char| !c.is_ascii_digit()).collect();
    if groups.len() > 1 && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let mut out = String::with_capacity(digits.len());
    for ch in digits.chars() {
        match ch {
            c if c.is_ascii_digit() => out.push(c),
            c if Some(c) == decimal => out.push('.'),
            _ => {}
        }
    }
    Some(out)
}

/// A budget year: "2027", "2027.0", "budsjettår 2027", or the year of a date.
pub fn parse_year(text: &str, number: Option<f64>, vocabulary: &ValueVocabulary) -> Parsed<i32> {
    if let Some(n) = number {
        let year = n.round() as i32;
        return if (1990..=2100).contains(&year) && n.fract() == 0.0 {
            Parsed::Value(year)
        } else {
            Parsed::Invalid("not a year".into())
        };
    }
    if vocabulary.is_empty_word(text) {
        return Parsed::Missing;
    }
    if let Ok(year) = text.trim().parse::<i32>() {
        return if (1990..=2100).contains(&year) { Parsed::Value(year) } else { Parsed::Invalid("not a year".into()) };
    }
    if let Parsed::Value(date) = parse_date(text, None, vocabulary) {
        return Parsed::Value(chrono::Datelike::year(&date));
    }
    let years: Vec<i32> = fold(text)
        .split(' ')
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    match years.as_slice() {
        [year] => Parsed::Value(*year),
        _ => Parsed::Invalid("not a year".into()),
    }
}

const MONTHS: [(&str, u32); 24] = [
    ("januar", 1),
    ("februar", 2),
    ("mars", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("november", 11),
    ("desember", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("okt", 10),
    ("nov", 11),
    ("des", 12),
    ("dec", 12),
];

/// A date in ISO ("2027-01-15"), Norwegian numeric ("15.01.2027", "15.1.27", "15/1/2027")
/// or written form ("15. januar 2027", "januar 2027" → the 1st), or an Excel serial number.
pub fn parse_date(text: &str, number: Option<f64>, vocabulary: &ValueVocabulary) -> Parsed<NaiveDate> {
    if let Some(serial) = number {
        // Excel's day 1 is 1900-01-01, counted as if 1900 were a leap year.
        // 20 000 is 1954, 80 000 is 2119: a serial outside is a number in the wrong column
        // (checked first: chrono panics on a day count as large as 1e308).
        if !(20_000.0..80_000.0).contains(&serial) {
            return Parsed::Invalid("not a date".into());
        }
        let base = NaiveDate::from_ymd_opt(1899, 12, 30);
        return match base.and_then(|b| b.checked_add_signed(chrono::Duration::days(serial.floor() as i64))) {
            Some(date) => Parsed::Value(date),
            None => Parsed::Invalid("not a date".into()),
        };
    }
    let trimmed = text.trim();
    if vocabulary.is_empty_word(trimmed) {
        return Parsed::Missing;
    }
    let date_part = trimmed.split(['T', ' ']).next().unwrap_or(trimmed);
    // chrono's %Y takes "27" as the year 27, so a two-digit year gets %y.
    let parts: Vec<&str> = date_part.split(['.', '/', '-']).collect();
    let two_digit_year = parts.len() == 3 && parts[0].len() <= 2 && parts[2].len() == 2;
    let formats: &[&str] = if two_digit_year {
        &["%d.%m.%y", "%d/%m/%y", "%d-%m-%y"]
    } else {
        &["%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d"]
    };
    for format in formats {
        if let Ok(date) = NaiveDate::parse_from_str(date_part, format) {
            return Parsed::Value(date);
        }
    }
    let words: Vec<String> = fold(trimmed).split(' ').map(str::to_string).collect();
    let month = words.iter().find_map(|w| MONTHS.iter().find(|(m, _)| m == w).map(|(_, n)| *n));
    let year =
        words.iter().filter(|w| w.len() == 4).find_map(|w| w.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y)));
    let day = words
        .iter()
        .filter(|w| w.len() <= 2)
        .find_map(|w| w.parse::<u32>().ok().filter(|d| (1..=31).contains(d)))
        .unwrap_or(1);
    if let (Some(month), Some(year)) = (month, year) {
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
            return Parsed::Value(date);
        }
    }
    Parsed::Invalid("not a date".into())
}

/// Splits a cell holding several values: "a, b", "a; b", "a | b", "a / b", one per line.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '/', '\n']).map(str::trim).filter(|s| !s.is_empty())
}

/// The vocabularies in folded form, for fast lookups during an import.
pub struct ValueVocabulary {
    empty: Vec<String>,
    no_life_event: Vec<String>,
    phases: HashMap<String, String>,
    risks: HashMap<String, String>,
}

impl ValueVocabulary {
    pub fn new(vocabulary: &Vocabulary) -> Self {
        let terms = |list: &[VocabularyTerm]| {
            let mut map = HashMap::new();
            for term in list {
                let names = std::iter::once(&term.name).chain(term.en.iter()).chain(term.aliases.iter());
                for name in names {
                    map.entry(fold(name)).or_insert_with(|| term.name.clone());
                }
            }
            map
        };
        Self {
            empty: vocabulary.empty.iter().map(|w| fold(w)).collect(),
            no_life_event: vocabulary.no_life_event.iter().map(|w| fold(w)).collect(),
            phases: terms(&vocabulary.phase),
            risks: terms(&vocabulary.risk),
        }
    }

    /// Empty, or a word that means no value ("ukjent", "-", "n/a").
    pub fn is_empty_word(&self, text: &str) -> bool {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return true;
        }
        // No word for "unknown" has a digit in it; amounts and years always do.
        if trimmed.bytes().any(|b| b.is_ascii_digit())
            && !self.empty.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()))
        {
            return false;
        }
        let folded = fold(trimmed);
        // "-" and "?" fold to nothing; compare them as written.
        self.empty.iter().any(|w| *w == folded && !folded.is_empty())
            || (folded.is_empty() && trimmed.chars().all(|c| !c.is_alphanumeric()))
    }

    pub fn means_no_life_event(&self, text: &str) -> bool {
        let folded = fold(text);
        self.no_life_event.contains(&folded)
    }

    pub fn phase(&self, text: &str) -> Parsed<String> {
        self.term(&self.phases, text, "phase")
    }

    pub fn risk(&self, text: &str) -> Parsed<String> {
        self.term(&self.risks, text, "risk")
    }

    fn term(&self, map: &HashMap<String, String>, text: &str, kind: &str) -> Parsed<String> {
        if self.is_empty_word(text) {
            return Parsed::Missing;
        }
        match map.get(&fold(text)) {
            Some(name) => Parsed::Value(name.clone()),
            None => Parsed::Invalid(format!("not a known {kind}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn vocab() -> ValueVocabulary {
        ValueVocabulary::new(&ReferenceSource::builtin().vocabulary().expect("vocabulary"))
    }

    fn amount(text: &str, factor: i64) -> Parsed<i64> {
        parse_amount(text, None, factor, &vocab())
    }

    #[test]
    fn amounts_in_every_form_become_whole_nok() {
        use Parsed::Value;
        assert_eq!(amount("12,5", 1_000_000), Value(12_500_000));
        assert_eq!(amount("0,45", 1_000_000), Value(450_000));
        assert_eq!(amount("12 500 000", 1), Value(12_500_000));
        assert_eq!(amount("kr 1 200 000,-", 1), Value(1_200_000));
        assert_eq!(amount("kr 1\u{a0}200\u{a0}000", 1), Value(1_200_000));
        assert_eq!(amount("1\u{202f}200\u{202f}000", 1), Value(1_200_000));
        assert_eq!(amount("12,5 mill.", 1), Value(12_500_000));
        assert_eq!(amount("29,5 mill.", 1), Value(29_500_000));
        assert_eq!(amount("kr. 4 mill.", 1), Value(4_000_000));
        assert_eq!(amount("1,2 mrd.", 1), Value(1_200_000_000));
        assert_eq!(amount("350 000", 1), Value(350_000));
        assert_eq!(amount("1.200.000", 1), Value(1_200_000));
        assert_eq!(amount("350.000", 1), Value(350_000));
        assert_eq!(amount("12.5", 1_000_000), Value(12_500_000));
        assert_eq!(amount("88 000", 1_000), Value(88_000_000));
        assert_eq!(amount("12500", 1_000), Value(12_500_000));
        assert_eq!(amount("1 234,56", 1), Value(1_235));
        assert_eq!(amount("1,234.5", 1_000), Value(1_234_500));
        assert_eq!(amount("1'200'000", 1), Value(1_200_000));
        assert_eq!(amount("NOK 3 mill", 1), Value(3_000_000));
        assert_eq!(amount("-2,5", 1_000_000), Value(-2_500_000));
        assert_eq!(parse_amount("", Some(1250.5), 1_000, &vocab()), Value(1_250_500));
    }

    #[test]
    fn unknown_and_garbled_amounts() {
        for missing in ["", "  ", "ukjent", "Ukjent", "-", "–", "n/a", "?"] {
            assert_eq!(amount(missing, 1), Parsed::Missing, "{missing:?}");
        }
        assert!(matches!(amount("ca. tolv", 1), Parsed::Invalid(_)));
        assert!(matches!(amount("1.2.3,4,5", 1), Parsed::Invalid(_)));
        assert!(matches!(amount("12-14", 1), Parsed::Invalid(_)));
        assert!(matches!(amount("9e99", 1), Parsed::Invalid(_)));
        assert!(matches!(amount("99999999999999999999", 1_000_000_000), Parsed::Invalid(_)));
    }

    #[test]
    fn dates_times_and_fractions_are_not_amounts() {
        for (text, why) in [
            ("15.03.2027", "date"),
            ("15.3.27", "date"),
            ("2027-03-15", "date"),
            ("1/0", "fraction"),
            ("3/4", "fraction"),
            ("15/03/2027", "date"),
            ("12:30", "time"),
            ("kl. 12:30", "time"),
            ("1.2.3", "separators"),
        ] {
            match amount(text, 1_000_000) {
                Parsed::Invalid(reason) => assert!(reason.contains(why), "{text}: {reason}"),
                other => panic!("{text} read as {other:?}"),
            }
        }
        // Thousands still group, however many.
        assert_eq!(amount("1.200.000", 1), Parsed::Value(1_200_000));
        assert_eq!(amount("12.500.000,50", 1), Parsed::Value(12_500_001));
        assert!(matches!(amount("12,34,567", 1), Parsed::Invalid(_)));
    }

    #[test]
    fn dates_and_years() {
        let v = vocab();
        let d = |y, m, day| Parsed::Value(NaiveDate::from_ymd_opt(y, m, day).expect("date"));
        assert_eq!(parse_date("2027-01-15", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("2027-01-15 00:00:00", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("15.01.2027", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("15.1.27", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("15/1/2027", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("15. januar 2027", None, &v), d(2027, 1, 15));
        assert_eq!(parse_date("mars 2027", None, &v), d(2027, 3, 1));
        assert_eq!(parse_date("", Some(46_402.0), &v), d(2027, 1, 15));
        // Numbers no date column holds, down to what chrono cannot count (found by fuzzing).
        for number in [1e308, -1e308, f64::NAN, f64::INFINITY, 5.0, 1e6] {
            assert!(matches!(parse_date("", Some(number), &v), Parsed::Invalid(_)), "{number}");
        }
        assert_eq!(parse_date("ukjent", None, &v), Parsed::Missing);
        assert!(matches!(parse_date("snart", None, &v), Parsed::Invalid(_)));
        assert_eq!(parse_year("2027", None, &v), Parsed::Value(2027));
        assert_eq!(parse_year("", Some(2026.0), &v), Parsed::Value(2026));
        assert_eq!(parse_year("Budsjettår 2028", None, &v), Parsed::Value(2028));
        assert_eq!(parse_year("01.03.2029", None, &v), Parsed::Value(2029));
        assert!(matches!(parse_year("neste år", None, &v), Parsed::Invalid(_)));
    }

    #[test]
    fn phases_and_risks_by_their_variants() {
        let v = vocab();
        assert_eq!(v.phase("Forprosjekt"), Parsed::Value("Planlegging".into()));
        assert_eq!(v.phase("idé"), Parsed::Value("Idé".into()));
        assert_eq!(v.phase("IDE"), Parsed::Value("Idé".into()));
        assert_eq!(v.phase("gjennomføring"), Parsed::Value("Gjennomføring".into()));
        assert_eq!(v.risk("Middels"), Parsed::Value("Medium".into()));
        assert_eq!(v.risk("H"), Parsed::Value("Høy".into()));
        assert_eq!(v.risk("l"), Parsed::Value("Lav".into()));
        assert_eq!(v.risk("High"), Parsed::Value("Høy".into()));
        assert_eq!(v.phase(""), Parsed::Missing);
        assert!(matches!(v.phase("Snart ferdig kanskje"), Parsed::Invalid(_)));
        assert!(v.means_no_life_event("Ingen"));
        assert!(!v.means_no_life_event("Få barn"));
    }

    #[test]
    fn lists_split_on_common_separators() {
        let parts: Vec<&str> = split_list("Få barn | Ny i Norge; dodsfall-og-arv,\nx").collect();
        assert_eq!(parts, vec!["Få barn", "Ny i Norge", "dodsfall-og-arv", "x"]);
    }
}
