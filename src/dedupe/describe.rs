//! Pairs in words: the owner relation, the analyst's decision and the reasons, for the
//! CLI's tables and the review screen alike.

use super::explain::SharedConcept;
use super::threshold::Source;
use super::{Decision, OwnerRelation, Reason};
use crate::i18n;
use crate::i18n::Lang;

/// How the two owners relate: across sectors is what the analyst looks for.
pub fn relation_text(relation: OwnerRelation, lang: Lang) -> &'static str {
    match relation {
        OwnerRelation::CrossSector => i18n::CROSS_SECTOR.get(lang),
        OwnerRelation::SameSector => i18n::SAME_SECTOR.get(lang),
        OwnerRelation::SameAgency => i18n::SAME_AGENCY.get(lang),
        OwnerRelation::Unknown => i18n::OWNER_UNKNOWN.get(lang),
    }
}

/// The decision as one word.
pub fn decision_text(decision: Decision, lang: Lang) -> &'static str {
    match decision {
        Decision::Duplicate => i18n::DECISION_DUPLICATE.get(lang),
        Decision::Overlap => i18n::DECISION_OVERLAP.get(lang),
        Decision::Distinct => i18n::DECISION_DISTINCT.get(lang),
    }
}

/// The threshold in use, and where it came from unless the analyst gave it: "0,47 (fra
/// porteføljen)".
pub fn threshold_text(threshold: f64, source: Source, lang: Lang) -> String {
    let from = match source {
        Source::Given => return score_text(threshold, lang),
        Source::Portfolio => i18n::THRESHOLD_FROM_PORTFOLIO,
        Source::Decisions => i18n::THRESHOLD_FROM_DECISIONS,
        Source::Default => i18n::THRESHOLD_DEFAULT,
    };
    format!("{} ({})", score_text(threshold, lang), from.get(lang))
}

/// A score as the tables show it: two decimals, with a decimal comma in bokmål.
pub fn score_text(score: f64, lang: Lang) -> String {
    let text = format!("{score:.2}");
    if lang == Lang::Nb { text.replace('.', ",") } else { text }
}

/// One line of evidence: the rarest shared title words, the description score, the kinds
/// of service and the owners.
pub fn summary(reasons: &[Reason], lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for reason in reasons {
        match reason {
            Reason::TitleWords { words, .. } => {
                if !words.is_empty() {
                    let shown: Vec<&str> = words.iter().take(3).map(String::as_str).collect();
                    parts.push(format!("«{}»", shown.join("», «")));
                }
            }
            Reason::DescriptionWords { spelling, .. } => {
                parts.push(format!("{} {}", i18n::DESCRIPTION_SHORT.get(lang), score_text(*spelling, lang)));
            }
            Reason::SameConcepts { concepts, across_languages, .. } => {
                let shown: Vec<String> = concepts.iter().take(2).map(concept_text).collect();
                let label =
                    if *across_languages { i18n::ACROSS_LANGUAGES.get(lang) } else { i18n::SAME_CONCEPT.get(lang) };
                parts.push(format!("{label}: {}", shown.join(", ")));
            }
            Reason::SameKind { kinds, .. } => parts.push(kinds.join("/")),
            Reason::DifferentKind { a, b } => parts.push(format!("{} ≠ {}", a.join("/"), b.join("/"))),
            Reason::DifferentLifeEvents { .. } => parts.push(i18n::OTHER_LIFE_EVENTS.get(lang).to_string()),
            Reason::Owners { relation, .. } => parts.push(relation_text(*relation, lang).to_string()),
            Reason::LifeEvents { .. } => {}
        }
    }
    parts.join(" · ")
}

/// A shared concept as its two names: "gravferd / funerals".
fn concept_text(concept: &SharedConcept) -> String {
    format!("{} / {}", concept.norwegian, concept.english)
}

/// Where a shared concept comes from, as shown: Los is named with Digdir, its maintainer.
fn source_text(source: &str, lang: Lang) -> &'static str {
    match source {
        "los" => "Los, Digdir",
        "glossary" => i18n::GLOSSARY.get(lang),
        _ => i18n::COGNATE.get(lang),
    }
}

/// One reason as a full line with its sub-scores, for the review screen. `life_event`
/// names a life-event code.
pub fn reason_line(reason: &Reason, lang: Lang, life_event: &dyn Fn(&str) -> String) -> String {
    let words = |words: &[String]| {
        if words.is_empty() { "–".to_string() } else { format!("«{}»", words.join("», «")) }
    };
    let scores = |word: f64, spelling: f64| {
        format!(
            "{} {} · {} {}",
            i18n::WORD_SCORE.get(lang),
            score_text(word, lang),
            i18n::SPELLING_SCORE.get(lang),
            score_text(spelling, lang)
        )
    };
    let names = |codes: &[String]| codes.iter().map(|c| life_event(c)).collect::<Vec<_>>().join(", ");
    match reason {
        Reason::TitleWords { words: shared, score, spelling } => {
            format!("{}: {} ({})", i18n::REASON_TITLE.get(lang), words(shared), scores(*score, *spelling))
        }
        Reason::SameKind { kinds, score } => {
            format!("{}: {} ({})", i18n::REASON_KIND.get(lang), kinds.join(", "), score_text(*score, lang))
        }
        Reason::DifferentKind { a, b } => {
            format!("{}: {} ≠ {}", i18n::REASON_OTHER_KIND.get(lang), a.join(", "), b.join(", "))
        }
        Reason::DescriptionWords { words: shared, score, spelling } => {
            format!("{}: {} ({})", i18n::REASON_DESCRIPTION.get(lang), words(shared), scores(*score, *spelling))
        }
        Reason::SameConcepts { concepts, title, description, across_languages } => {
            let label = if *across_languages {
                i18n::REASON_CONCEPTS_ACROSS.get(lang)
            } else {
                i18n::REASON_CONCEPTS.get(lang)
            };
            let shown: Vec<String> =
                concepts.iter().map(|c| format!("{} ({})", concept_text(c), source_text(c.source, lang))).collect();
            match (title, description) {
                (Some(title), Some(description)) => format!(
                    "{label}: {} ({} {} · {} {})",
                    shown.join(", "),
                    i18n::TITLE.get(lang).to_lowercase(),
                    score_text(*title, lang),
                    i18n::DESCRIPTION_SHORT.get(lang),
                    score_text(*description, lang)
                ),
                _ => format!("{label}: {}", shown.join(", ")),
            }
        }
        Reason::LifeEvents { shared, score } => {
            format!("{}: {} ({})", i18n::REASON_LIFE_EVENTS.get(lang), names(shared), score_text(*score, lang))
        }
        Reason::DifferentLifeEvents { a, b } => {
            format!("{}: {} ≠ {}", i18n::REASON_OTHER_LIFE_EVENTS.get(lang), names(a), names(b))
        }
        Reason::Owners { relation, a, b } => format!(
            "{}: {} · {} ↔ {}",
            i18n::REASON_OWNERS.get(lang),
            relation_text(*relation, lang),
            a.as_deref().unwrap_or("–"),
            b.as_deref().unwrap_or("–")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_read_as_words_with_their_scores() {
        let title =
            Reason::TitleWords { words: vec!["barnetrygd".into(), "varsel".into()], score: 0.8, spelling: 0.75 };
        let owners =
            Reason::Owners { relation: OwnerRelation::CrossSector, a: Some("NAV".into()), b: Some("OSLO".into()) };
        let events = Reason::LifeEvents { shared: vec!["familie".into()], score: 1.0 };
        let name = |code: &str| format!("Navn på {code}");
        assert_eq!(
            reason_line(&title, Lang::Nb, &name),
            "Felles ord i titlene: «barnetrygd», «varsel» (ord 0,80 · stavemåte 0,75)"
        );
        assert_eq!(reason_line(&owners, Lang::En, &name), "Owners: across sectors · NAV ↔ OSLO");
        assert_eq!(reason_line(&events, Lang::Nb, &name), "Felles livshendelser: Navn på familie (1,00)");
        assert_eq!(summary(&[title, events, owners], Lang::Nb), "«barnetrygd», «varsel» · på tvers av sektorer");
        assert_eq!(decision_text(Decision::Overlap, Lang::Nb), "overlapp");
        assert_eq!(score_text(0.6, Lang::En), "0.60");
        assert_eq!(threshold_text(0.47, Source::Portfolio, Lang::Nb), "0,47 (fra porteføljen)");
        assert_eq!(threshold_text(0.5, Source::Decisions, Lang::En), "0.50 (from your decisions)");
        assert_eq!(threshold_text(0.7, Source::Given, Lang::Nb), "0,70");
    }
}
