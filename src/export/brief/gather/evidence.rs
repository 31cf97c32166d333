//! Why a group looks like one effort, in one line an official can check: the words the
//! titles share, how alike the descriptions are, the kind of service both name.

use super::clean;
use super::format::decimal;
use crate::config::Lang;
use crate::dedupe::Reason;

/// The shared title words worth showing: at most three, none that is only a part of a word
/// already shown («lotteritillatelse», not also «lotteri» and «tillat»), none shorter than
/// four letters (a stem such as «vap» means nothing to a reader).
fn whole_words(words: &[String]) -> Vec<&String> {
    let mut shown: Vec<&String> = Vec::new();
    for word in words {
        let folded = crate::text::fold(word);
        let part_of_shown = shown.iter().any(|s| crate::text::fold(s).contains(folded.as_str()));
        if word.chars().count() >= 4 && !part_of_shown {
            shown.push(word);
        }
        if shown.len() == 3 {
            break;
        }
    }
    if shown.is_empty() {
        shown.extend(words.first());
    }
    shown
}

/// The evidence of a group's strongest pair as one line; empty without reasons.
pub(crate) fn line(reasons: &[Reason], lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    let mut parts: Vec<String> = Vec::new();
    for reason in reasons {
        match reason {
            Reason::TitleWords { words, .. } if !words.is_empty() => {
                let shown: Vec<String> = whole_words(words).iter().map(|w| format!("«{}»", clean(w))).collect();
                let lead = if nb { "titlene deler" } else { "both titles say" };
                parts.push(format!("{lead} {}", shown.join(", ")));
            }
            Reason::SameConcepts { concepts, across_languages, .. } if !concepts.is_empty() => {
                let shown: Vec<String> =
                    concepts.iter().take(2).map(|c| clean(if nb { &c.norwegian } else { &c.english })).collect();
                let lead = match (*across_languages, nb) {
                    (true, true) => "samme begrep på to språk:",
                    (true, false) => "the same concept in two languages:",
                    (false, true) => "samme begrep:",
                    (false, false) => "the same concept:",
                };
                parts.push(format!("{lead} {}", shown.join(", ")));
            }
            Reason::DescriptionWords { spelling, .. } => {
                let share = decimal(spelling * 100.0, 0, lang);
                parts.push(if nb {
                    format!("beskrivelsene er {share} % like")
                } else {
                    format!("the descriptions are {share} % alike")
                });
            }
            Reason::SameKind { kinds, .. } if !kinds.is_empty() => {
                let kinds: Vec<String> = kinds.iter().map(|k| clean(k)).collect();
                let lead = if nb { "samme type tjeneste:" } else { "the same kind of service:" };
                parts.push(format!("{lead} {}", kinds.join("/")));
            }
            Reason::LifeEvents { shared, .. } if !shared.is_empty() => {
                let lead = if nb { "samme livshendelse" } else { "the same life event" };
                parts.push(lead.to_string());
            }
            _ => {}
        }
    }
    let mut text = parts.join("; ");
    if let Some(first) = text.get(..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_evidence_reads_as_a_sentence() {
        let reasons = vec![
            Reason::TitleWords {
                words: vec!["eksportsertifikat".into(), "sertifikat".into(), "eks".into()],
                score: 1.0,
                spelling: 1.0,
            },
            Reason::DescriptionWords { words: vec![], score: 0.8, spelling: 0.854 },
            Reason::SameKind { kinds: vec!["automatisk behandling".into()], score: 1.0 },
        ];
        assert_eq!(
            line(&reasons, Lang::Nb),
            "Titlene deler «eksportsertifikat»; beskrivelsene er 85 % like; samme type tjeneste: automatisk behandling"
        );
        assert!(
            line(&reasons, Lang::En)
                .starts_with("Both titles say «eksportsertifikat»; the descriptions are 85 % alike")
        );
        assert_eq!(line(&[], Lang::Nb), "");
    }
}
