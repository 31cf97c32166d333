//! Amounts as sectors write them: "12,5 mill.", "kr 1 200 000,-", "1,2 mrd.", "350.000",
//! with the unit of the header or the cell; dates, times and fractions refused.

use super::{Parsed, ValueProblem, ValueVocabulary};
use crate::text::fold;

/// Unit words that may follow an amount inside a cell ("12,5 mill.", "1,2 mrd.").
const VALUE_UNITS: [(&str, i64); 16] = [
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
    ("krone", 1),
    ("kroner", 1),
];

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
        return Parsed::Invalid(reason);
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
            None => return Parsed::Invalid(ValueProblem::NotANumberOrUnit { word: crate::text::shorten(word, 40) }),
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
        return Parsed::Invalid(ValueProblem::NoNumber);
    }
    let factor = factor.unwrap_or(unit_factor);
    let Some(normalised) = normalise_separators(digits, factor) else {
        return Parsed::Invalid(ValueProblem::BadSeparators);
    };
    match normalised.parse::<f64>() {
        Ok(value) => to_nok(if negative { -value } else { value }, factor),
        Err(_) => Parsed::Invalid(ValueProblem::NoNumber),
    }
}

/// Dates, times of day and fractions are numbers but no amounts: `15.03.2027` in a
/// "(mill. kr)" column is not 15 million MNOK, nor `12:30` 1 230 MNOK, nor `3/4` 34 MNOK.
fn not_an_amount(text: &str) -> Option<ValueProblem> {
    let bytes = text.as_bytes();
    let digits_around =
        |at: usize| at > 0 && bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
    let between_digits = |separator: u8| (0..bytes.len()).any(|at| bytes[at] == separator && digits_around(at));
    if looks_like_date(text) {
        Some(ValueProblem::LooksLikeDate)
    } else if between_digits(b':') {
        Some(ValueProblem::LooksLikeTime)
    } else if between_digits(b'/') {
        Some(ValueProblem::LooksLikeFraction)
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
        return Parsed::Invalid(ValueProblem::OutOfRange);
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
        assert_eq!(amount("2 500 000 kroner", 1), Value(2_500_000));
        assert_eq!(amount("1,25 millioner kroner", 1), Value(1_250_000));
        assert!(matches!(amount("EUR 3 mill", 1), Parsed::Invalid(_)), "euros are never kroner");
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
                Parsed::Invalid(reason) => assert!(reason.to_string().contains(why), "{text}: {reason}"),
                other => panic!("{text} read as {other:?}"),
            }
        }
        // Thousands still group, however many.
        assert_eq!(amount("1.200.000", 1), Parsed::Value(1_200_000));
        assert_eq!(amount("12.500.000,50", 1), Parsed::Value(12_500_001));
        assert!(matches!(amount("12,34,567", 1), Parsed::Invalid(_)));
    }
}
