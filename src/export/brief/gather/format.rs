//! Numbers and dates the reader's way: bokmål groups thousands with a space and writes a
//! decimal comma ("52 726,5"), English a comma and a point ("52,726.5").

use crate::config::Lang;

/// Whole numbers grouped by three: "1 234" (nb) or "1,234" (en).
pub(crate) fn count(value: i64, lang: Lang) -> String {
    let grouped = crate::text::group_thousands(value);
    match lang {
        Lang::Nb => grouped,
        Lang::En => grouped.replace(' ', ","),
    }
}

/// A decimal with `places` decimals, thousands grouped, never "-0,0".
pub(crate) fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let factor = 10f64.powi(places as i32);
    let rounded = if value.is_finite() { (value * factor).round() / factor } else { 0.0 };
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format!("{:.places$}", rounded.abs());
    let (whole, fraction) = text.split_once('.').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let whole = count(whole.parse::<i64>().unwrap_or_default(), lang);
    let sign = if rounded < 0.0 { "-" } else { "" };
    let point = if lang == Lang::Nb { "," } else { "." };
    match fraction {
        Some(fraction) => format!("{sign}{whole}{point}{fraction}"),
        None => format!("{sign}{whole}"),
    }
}

/// Kroner as MNOK with one decimal: "1 234,5" (nb) or "1,234.5" (en).
pub(crate) fn mnok(nok: i64, lang: Lang) -> String {
    decimal(nok as f64 / 1_000_000.0, 1, lang)
}

/// A share in whole per cent of `whole`: "12"; "<1" for a sliver, so nothing that exists
/// reads as nothing.
pub(crate) fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 || part <= 0 {
        return "0".into();
    }
    let share = (part as f64) * 100.0 / whole as f64;
    if share < 0.5 { "<1".into() } else { format!("{}", share.round() as i64) }
}

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as it is written: "4. desember 2026" (nb) or "4 December 2026" (en).
pub(crate) fn long_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    let month = date.month0() as usize;
    match lang {
        Lang::Nb => format!("{}. {} {}", date.day(), MONTHS_NB[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), MONTHS_EN[month], date.year()),
    }
}

/// The date of an RFC 3339 time ("2026-12-04T06:57:35+01:00") as it is written; the text
/// as it is when it is not such a time.
pub(crate) fn date_of(at: &str, lang: Lang) -> String {
    let day = at.get(..10).unwrap_or(at);
    match chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d") {
        Ok(date) => long_date(date, lang),
        Err(_) => crate::text::display_line(day).into_owned(),
    }
}

pub(crate) fn today(lang: Lang) -> String {
    long_date(chrono::Local::now().date_naive(), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_readers_way() {
        assert_eq!(mnok(52_726_500_000, Lang::Nb), "52 726,5");
        assert_eq!(mnok(52_726_500_000, Lang::En), "52,726.5");
        assert_eq!(mnok(-3_000_000, Lang::En), "-3.0");
        assert_eq!(mnok(-40_000, Lang::Nb), "0,0", "never -0,0");
        assert_eq!(decimal(56.875, 1, Lang::Nb), "56,9");
        assert_eq!(decimal(1234.0, 0, Lang::En), "1,234");
        assert_eq!(decimal(f64::NAN, 1, Lang::En), "0.0");
        assert_eq!(count(1_234_567, Lang::Nb), "1 234 567");
        assert_eq!(count(1_234_567, Lang::En), "1,234,567");
        assert_eq!(
            (percent(1, 1000), percent(0, 10), percent(5, 0), percent(1, 3)),
            ("<1".into(), "0".into(), "0".into(), "33".into())
        );
    }

    #[test]
    fn dates_read_as_written() {
        assert_eq!(date_of("2026-12-04T06:57:35+01:00", Lang::Nb), "4. desember 2026");
        assert_eq!(date_of("2026-03-01", Lang::En), "1 March 2026");
        assert_eq!(date_of("i går", Lang::Nb), "i går");
    }
}
