//! Reading amounts of money as analysts type them for a budget frame: `500000000`,
//! `500M`, `500 MNOK`, `0,5 mrd`, `12,5 mill.`.

use crate::error::{Error, Result, ScoringProblem};

/// Whole kroner from a number with an optional unit: none, `kr` or `NOK` (kroner); `k` or
/// `tusen` (thousands); `M`, `MNOK`, `mill` or `millioner` (millions); `mrd`, `milliarder` or
/// `bn` (billions). A decimal comma or point; spaces between thousands are ignored.
pub fn parse_nok(text: &str) -> Result<i64> {
    let invalid = || Error::from(ScoringProblem::NotAnAmount(text.to_string()));
    let trimmed = text.trim();
    let split =
        trimmed.find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}' | '_')));
    let (number, unit) = match split {
        Some(at) => trimmed.split_at(at),
        None => (trimmed, ""),
    };
    let digits: String = number.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_')).collect();
    if digits.is_empty() {
        return Err(invalid());
    }
    // Point and comma are both decimal marks (help says so); "1.000.000" is refused, not guessed.
    let value: f64 = digits.replace(',', ".").parse().map_err(|_| invalid())?;
    let unit = crate::text::fold(unit.trim_end_matches(['.', ',', '-']));
    let factor: f64 = match unit.as_str() {
        "" | "kr" | "nok" => 1.0,
        "k" | "knok" | "tusen" | "tusen kr" | "1000 kr" => 1e3,
        "m" | "mnok" | "mill" | "mill kr" | "millioner" | "millioner kr" | "mkr" => 1e6,
        "mrd" | "mrd kr" | "milliard" | "milliarder" | "bn" | "b" | "g" => 1e9,
        _ => return Err(invalid()),
    };
    let nok = value * factor;
    if !nok.is_finite() || nok > 1e15 {
        return Err(ScoringProblem::AmountTooLarge(text.to_string()).into());
    }
    Ok(nok.round() as i64)
}

#[cfg(test)]
mod tests {
    use super::parse_nok;

    #[test]
    fn reads_kroner_and_the_usual_units() {
        assert_eq!(parse_nok("500000000").expect("nok"), 500_000_000);
        assert_eq!(parse_nok("500 000 000").expect("spaces"), 500_000_000);
        assert_eq!(parse_nok("500M").expect("M"), 500_000_000);
        assert_eq!(parse_nok("500 MNOK").expect("MNOK"), 500_000_000);
        assert_eq!(parse_nok("12,5 mill.").expect("mill"), 12_500_000);
        assert_eq!(parse_nok("0.1M").expect("decimal point"), 100_000);
        assert_eq!(parse_nok("1,2 mrd").expect("mrd"), 1_200_000_000);
        assert_eq!(parse_nok("250k").expect("k"), 250_000);
        assert!(parse_nok("kr").is_err());
        assert!(parse_nok("1.000.000").is_err());
        assert!(parse_nok("500 apples").expect_err("unit").to_string().contains("500M"));
        assert!(parse_nok("-5M").is_err());
        assert!(parse_nok("").is_err());
    }
}
