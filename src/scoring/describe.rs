//! The plan in words: one sentence per reason, mode and warning, in the reader's language,
//! with amounts the Norwegian way (`55,0 MNOK`). The command line, the priority screen and
//! the brief all say the same thing because they all say it with these.

use super::benefit::Coverage;
use super::criteria::Criteria;
use super::duplicates::{DuplicateKind, DuplicateMark};
use super::optimise::Swap;
use super::plan::{Mode, PlanError, Reason};
use crate::i18n::Lang;
use crate::i18n::{self, Text};
use crate::text::lower_first;
use crate::text::{format_decimal, format_mnok, group_thousands};

/// MNOK with one decimal, Norwegian style in both languages, as every screen and list of
/// samla writes amounts: "1 234,5". (`_lang` keeps the door open for a reader's style.)
pub fn mnok(nok: i64, _lang: Lang) -> String {
    format_mnok(nok)
}

/// A decimal Norwegian style in both languages, thousands grouped ("2 803,4"), never "-0,0".
pub fn decimal(value: f64, places: usize, _lang: Lang) -> String {
    let factor = 10f64.powi(places as i32);
    let rounded = (value * factor).round() / factor;
    let value = if rounded == 0.0 { 0.0 } else { rounded };
    let text = format_decimal(value, places);
    let (whole, fraction) = text.split_once(',').map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let grouped = match whole.parse::<i64>() {
        Ok(number) if whole != "-0" => group_thousands(number),
        _ => whole.to_string(),
    };
    match fraction {
        Some(fraction) => format!("{grouped},{fraction}"),
        None => grouped,
    }
}

pub fn mode_name(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::RankOrder => i18n::MODE_RANK_ORDER.get(lang),
        Mode::MostBenefit => i18n::MODE_MOST_BENEFIT.get(lang),
        Mode::ValueForMoney => i18n::MODE_VALUE_FOR_MONEY.get(lang),
    }
}

/// What the mode does, in one sentence.
pub fn mode_why(mode: Mode, lang: Lang) -> &'static str {
    match mode {
        Mode::RankOrder => i18n::MODE_RANK_ORDER_WHY.get(lang),
        Mode::MostBenefit => i18n::MODE_MOST_BENEFIT_WHY.get(lang),
        Mode::ValueForMoney => i18n::MODE_VALUE_FOR_MONEY_WHY.get(lang),
    }
}

/// Why an initiative is out: "passer ikke: 55,0 MNOK, 12,3 igjen".
pub fn reason_text(reason: Reason, lang: Lang) -> String {
    reason_text_with(reason, lang, &|nok| mnok(nok, lang))
}

/// [`reason_text`] with amounts written by `mnok` (the brief writes them the reader's way).
pub fn reason_text_with(reason: Reason, lang: Lang, mnok: &dyn Fn(i64) -> String) -> String {
    let t = |text: Text| text.get(lang);
    match reason {
        Reason::NoAmount => t(i18n::REASON_NO_AMOUNT).to_string(),
        Reason::LockedOut => t(i18n::REASON_LOCKED_OUT).to_string(),
        Reason::DoesNotFit { amount_nok, left_nok } => format!(
            "{}: {} MNOK, {} {}",
            t(i18n::REASON_DOES_NOT_FIT),
            mnok(amount_nok),
            mnok(left_nok.max(0)),
            t(i18n::REASON_LEFT)
        ),
        Reason::DuplicateOf { id } => {
            format!("{} {id}, {}", t(i18n::REASON_DUPLICATE_OF), t(i18n::REASON_ALREADY_IN))
        }
        Reason::GaveWay { amount_nok } => {
            format!("{}: {} MNOK {}", t(i18n::REASON_GAVE_WAY), mnok(amount_nok), t(i18n::REASON_GAVE_WAY_WHY))
        }
        Reason::NoBenefit => t(i18n::REASON_NO_BENEFIT).to_string(),
    }
}

/// The one-character mark of a duplicate link: `=` confirmed, `≈` overlap, `~` likely.
pub fn duplicate_symbol(kind: DuplicateKind) -> &'static str {
    match kind {
        DuplicateKind::Confirmed => "=",
        DuplicateKind::Overlap => "≈",
        DuplicateKind::Likely => "~",
    }
}

/// "duplikat av 12, 40" / "overlapper 7" / "mulig duplikat av 9".
pub fn duplicate_text(mark: &DuplicateMark, lang: Lang) -> String {
    let ids = mark.with.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let word = match mark.kind {
        DuplicateKind::Confirmed => i18n::REASON_DUPLICATE_OF,
        DuplicateKind::Overlap => i18n::DUP_OVERLAP,
        DuplicateKind::Likely => i18n::DUP_LIKELY,
    };
    format!("{} {ids}", word.get(lang))
}

/// "a, b og c".
pub fn join_and(parts: &[String], lang: Lang) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), i18n::AND.get(lang)),
    }
}

/// The loud warning when some places rest on derived criteria alone: "Rangeringen av 412
/// tiltak bygger bare på kostnad, fase og risiko: …" (the count first, so a narrow pane that
/// cuts the sentence keeps it). None when every initiative has a hand score (or nothing is
/// scored by hand).
pub fn coverage_text(coverage: &Coverage, criteria: &Criteria, lang: Lang) -> Option<String> {
    if !coverage.is_thin() {
        return None;
    }
    let names: Vec<String> = coverage.derived.iter().map(|&c| lower_first(criteria.list[c].name(lang))).collect();
    Some(format!(
        "{} {} {} {}: {} ({} % {})",
        i18n::THIN_RANKING_OF.get(lang),
        coverage.without_hand_scores,
        i18n::THIN_INITIATIVES.get(lang),
        join_and(&names, lang),
        i18n::THIN_WHY.get(lang),
        decimal(coverage.hand_share * 100.0, 0, lang),
        i18n::THIN_WEIGHT.get(lang),
    ))
}

/// "+12 % mer nytte: 5 inn, 2 ut" (or "samme sett som rangeringsrekkefølgen").
pub fn swap_text(swap: &Swap, lang: Lang) -> String {
    swap_text_with(swap, lang, &|value| decimal(value, 1, lang))
}

/// [`swap_text`] with the gain written by `decimal` (one decimal, the reader's way).
pub fn swap_text_with(swap: &Swap, lang: Lang, decimal: &dyn Fn(f64) -> String) -> String {
    if swap.entered.is_empty() && swap.left.is_empty() {
        return i18n::SWAP_SAME.get(lang).to_string();
    }
    let gain = swap.gain_percent.map(|g| format!("+{} % {}: ", decimal(g), i18n::SWAP_GAIN.get(lang)));
    format!(
        "{}{} {}, {} {}",
        gain.unwrap_or_default(),
        swap.entered.len(),
        i18n::SWAP_IN.get(lang),
        swap.left.len(),
        i18n::SWAP_OUT.get(lang)
    )
}

/// The alternative in a few words for a narrow pane: "+12,3 %, 5 inn, 2 ut".
pub fn swap_short(swap: &Swap, lang: Lang) -> String {
    let gain = swap.gain_percent.map(|g| format!("+{} %, ", decimal(g, 1, lang))).unwrap_or_default();
    format!(
        "{gain}{} {}, {} {}",
        swap.entered.len(),
        i18n::SWAP_IN.get(lang),
        swap.left.len(),
        i18n::SWAP_OUT.get(lang)
    )
}

/// A plan error as the analyst reads it, on screen and on the command line.
pub fn plan_error_text(error: &PlanError, lang: Lang) -> String {
    error.message(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_and_numbers_read_norwegian() {
        let reason = Reason::DoesNotFit { amount_nok: 55_000_000, left_nok: 12_340_000 };
        assert_eq!(reason_text(reason, Lang::Nb), "passer ikke: 55,0 MNOK, 12,3 igjen");
        assert_eq!(reason_text(reason, Lang::En), "does not fit: 55,0 MNOK, 12,3 left");
        assert_eq!(mnok(7_368_000_000, Lang::Nb), "7 368,0");
        assert_eq!(mnok(7_368_000_000, Lang::En), "7 368,0", "numbers are Norwegian in both languages");
        assert_eq!(decimal(-0.04, 1, Lang::Nb), "0,0");
        assert_eq!(decimal(2803.44, 1, Lang::Nb), "2 803,4");
        assert_eq!(decimal(2803.44, 1, Lang::En), "2 803,4");
        assert_eq!(decimal(-12.5, 0, Lang::Nb), "-13");
        assert_eq!(join_and(&["a".into(), "b".into(), "c".into()], Lang::Nb), "a, b og c");
        assert_eq!(lower_first("Kostnad"), "kostnad");
        assert_eq!(lower_first("NAV"), "NAV");
        let over = PlanError::LocksExceedFrame { locked_nok: 120_000_000, frame_nok: 100_000_000 };
        assert_eq!(
            plan_error_text(&over, Lang::Nb),
            "De låste tiltakene koster mer enn rammen: 120,0 MNOK, ramme 100,0 MNOK"
        );
    }
}
