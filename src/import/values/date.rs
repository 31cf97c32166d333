//! Years and dates as sectors write them: "2027", "budsjettår 2027", "15.01.2027",
//! "15. januar 2027", Excel serial numbers.

use super::{Parsed, ValueProblem, ValueVocabulary, YEARS};
use crate::text::fold;
use chrono::NaiveDate;

/// A budget year: "2027", "2027.0", "budsjettår 2027", or the year of a date.
pub fn parse_year(text: &str, number: Option<f64>, vocabulary: &ValueVocabulary) -> Parsed<i32> {
    if let Some(n) = number {
        let year = n.round() as i32;
        return if YEARS.contains(&year) && n.fract() == 0.0 {
            Parsed::Value(year)
        } else {
            Parsed::Invalid(ValueProblem::NotAYear)
        };
    }
    if vocabulary.is_empty_word(text) {
        return Parsed::Missing;
    }
    if let Ok(year) = text.trim().parse::<i32>() {
        return if YEARS.contains(&year) { Parsed::Value(year) } else { Parsed::Invalid(ValueProblem::NotAYear) };
    }
    if let Parsed::Value(date) = parse_date(text, None, vocabulary) {
        return Parsed::Value(chrono::Datelike::year(&date));
    }
    let years: Vec<i32> = fold(text)
        .split(' ')
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| YEARS.contains(y))
        .collect();
    match years.as_slice() {
        [year] => Parsed::Value(*year),
        _ => Parsed::Invalid(ValueProblem::NotAYear),
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
            return Parsed::Invalid(ValueProblem::NotADate);
        }
        let base = NaiveDate::from_ymd_opt(1899, 12, 30);
        return match base.and_then(|b| b.checked_add_signed(chrono::Duration::days(serial.floor() as i64))) {
            Some(date) => Parsed::Value(date),
            None => Parsed::Invalid(ValueProblem::NotADate),
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
    let year = words.iter().filter(|w| w.len() == 4).find_map(|w| w.parse::<i32>().ok().filter(|y| YEARS.contains(y)));
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
    Parsed::Invalid(ValueProblem::NotADate)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn vocab() -> ValueVocabulary {
        ValueVocabulary::new(&ReferenceSource::builtin().vocabulary().expect("vocabulary"))
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
}
