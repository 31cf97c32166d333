//! Why an initiative ranks where it does, in the words a person would give ("Stor
//! samfunnsnytte, sterk strategisk forankring og lav gjennomføringsrisiko"), from the same
//! explanation the priority screen shows as points; and a duplicate mark as a sentence that
//! names the other initiative.

use crate::config::Lang;
use crate::scoring::describe::join_and;
use crate::scoring::{Criterion, DuplicateKind, Explanation};
use crate::text::lower_first;

/// A criterion counts as a strength from this far up its scale (0..1, 1 = best).
const STRONG: f64 = 0.75;
/// How many strengths a reason names.
const NAMED: usize = 3;

/// What being good on a criterion means, for the default criteria; others read "høy X" or
/// "lav X" (when less is better).
fn phrase(criterion: &Criterion, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let known = match criterion.code.as_str() {
        "nytte" => Some(("stor samfunnsnytte", "large societal benefit")),
        "brukereffekt" => {
            Some(("sammenhengende tjenester i flere livshendelser", "coherent services across life events"))
        }
        "tverrsektor" => Some(("når på tvers av sektorer", "reaches across sectors")),
        "strategi" => Some(("sterk strategisk forankring", "strong strategic fit")),
        "modenhet" => Some(("langt kommet", "well advanced")),
        "analyse" => Some(("god analyse og gevinstplan", "a sound analysis and benefits plan")),
        "risiko" => Some(("lav gjennomføringsrisiko", "low delivery risk")),
        "kostnad" => Some(("lite beløp", "a small amount")),
        _ => None,
    };
    if let Some((bokmal, english)) = known {
        return (if nb { bokmal } else { english }).to_string();
    }
    let name = lower_first(criterion.name(lang));
    match (criterion.higher_is_better, nb) {
        (true, true) => format!("høy {name}"),
        (true, false) => format!("high {name}"),
        (false, true) => format!("lav {name}"),
        (false, false) => format!("low {name}"),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// Why it ranks high: its strengths in words, "." at the end; and, when some scores are not
/// set, which ones (they count as the middle of their scale).
pub fn why(explanation: &Explanation, criteria: &[Criterion], lang: Lang) -> (String, String) {
    let parts = &explanation.contributions;
    let mut scored: Vec<usize> = (0..parts.len()).filter(|&c| !parts[c].missing && parts[c].points > 0.0).collect();
    scored.sort_by(|&a, &b| parts[b].points.total_cmp(&parts[a].points));
    let strong: Vec<usize> = scored.iter().copied().filter(|&c| parts[c].normalised >= STRONG).take(NAMED).collect();
    let named = |columns: &[usize]| -> Vec<String> {
        columns.iter().filter_map(|&c| criteria.get(c)).map(|c| phrase(c, lang)).collect()
    };
    let text = if !strong.is_empty() {
        upper_first(&join_and(&named(&strong), lang)) + "."
    } else if let Some(&best) = scored.first() {
        let best = criteria.get(best).map(|c| lower_first(c.name(lang))).unwrap_or_default();
        match lang {
            Lang::Nb => format!("Middels på alle kriterier; sterkest på {best}."),
            Lang::En => format!("Middling on every criterion; strongest on {best}."),
        }
    } else {
        String::new()
    };
    let missing: Vec<String> = (0..parts.len())
        .filter(|&c| parts[c].missing)
        .filter_map(|c| criteria.get(c))
        .map(|c| lower_first(c.name(lang)))
        .collect();
    let missing = match (missing.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Nb) => format!("Mangler grunnlag for {} (teller som middels).", join_and(&missing, lang)),
        (false, Lang::En) => format!("No basis yet for {} (counted as middling).", join_and(&missing, lang)),
    };
    (text, missing)
}

/// A duplicate mark as a sentence: "Trolig samme løsning som «Digital søknad om X» (Nav
/// (AID)) og 2 til". `other` is the first linked initiative's title and owner.
pub fn duplicate(kind: DuplicateKind, other: (&str, &str), more: usize, lang: Lang) -> String {
    let lead = match (kind, lang) {
        (DuplicateKind::Confirmed, Lang::Nb) => "Samme tiltak som",
        (DuplicateKind::Confirmed, Lang::En) => "The same initiative as",
        (DuplicateKind::Overlap, Lang::Nb) => "Overlapper med",
        (DuplicateKind::Overlap, Lang::En) => "Overlaps with",
        (DuplicateKind::Likely, Lang::Nb) => "Trolig samme løsning som",
        (DuplicateKind::Likely, Lang::En) => "Likely the same solution as",
    };
    let (title, owner) = other;
    let rest = match (more, lang) {
        (0, _) => String::new(),
        (n, Lang::Nb) => format!(" og {n} til"),
        (n, Lang::En) => format!(" and {n} more"),
    };
    format!("{lead} «{title}» ({owner}){rest}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Contribution;

    fn part(code: &str, normalised: f64, points: f64, missing: bool) -> Contribution {
        Contribution { code: code.into(), value: None, normalised, weight_share: 0.1, points, missing }
    }

    #[test]
    fn reasons_are_words_not_points() {
        let criteria = crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin())
            .expect("criteria")
            .list;
        let codes: Vec<&str> = criteria.iter().map(|c| c.code.as_str()).collect();
        let mut parts: Vec<Contribution> = codes.iter().map(|c| part(c, 0.5, 5.0, false)).collect();
        let at = |code: &str| codes.iter().position(|c| *c == code).expect("criterion");
        parts[at("nytte")] = part("nytte", 1.0, 25.0, false);
        parts[at("risiko")] = part("risiko", 1.0, 10.0, false);
        parts[at("strategi")] = part("strategi", 0.5, 7.5, true);
        let explanation = Explanation { row: 0, total: 60.0, contributions: parts, incomplete: true };
        let (text, missing) = why(&explanation, &criteria, Lang::Nb);
        assert_eq!(text, "Stor samfunnsnytte og lav gjennomføringsrisiko.");
        assert_eq!(missing, "Mangler grunnlag for strategisk forankring (teller som middels).");
        let (text, _) = why(&explanation, &criteria, Lang::En);
        assert_eq!(text, "Large societal benefit and low delivery risk.");
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "no points in a reason");
        let flat = Explanation {
            row: 0,
            total: 50.0,
            contributions: codes.iter().map(|c| part(c, 0.5, if *c == "nytte" { 12.5 } else { 2.0 }, false)).collect(),
            incomplete: false,
        };
        assert_eq!(why(&flat, &criteria, Lang::Nb).0, "Middels på alle kriterier; sterkest på samfunnsnytte.");
    }

    #[test]
    fn a_duplicate_mark_names_the_other_initiative() {
        let text = duplicate(DuplicateKind::Likely, ("Digital søknad", "Nav (AID)"), 2, Lang::Nb);
        assert_eq!(text, "Trolig samme løsning som «Digital søknad» (Nav (AID)) og 2 til");
        assert_eq!(duplicate(DuplicateKind::Confirmed, ("X", "KS"), 0, Lang::En), "The same initiative as «X» (KS)");
    }
}
