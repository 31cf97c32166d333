//! The value vocabularies (phases, risks, words for "no value") in folded form, and
//! terms read from the words of a cell.

use super::{Parsed, ValueProblem};
use crate::reference::{Vocabulary, VocabularyTerm};
use crate::text::fold;
use std::collections::HashMap;

/// The vocabularies in folded form, for fast lookups during an import.
pub struct ValueVocabulary {
    empty: Vec<String>,
    no_life_event: Vec<String>,
    phases: Terms,
    risks: Terms,
}

/// One kind of term (phases or risks): every written form by folded text, the words that
/// only dress a term up, and the words that name one only when nothing else does.
struct Terms {
    kind: &'static str,
    forms: HashMap<String, String>,
    dressing: Vec<String>,
    weak: Vec<String>,
}

/// Small words around a term that say nothing about which one it is ("er på idéstadiet",
/// "under gjennomføring", "is in execution").
const FUNCTION_WORDS: [&str; 16] =
    ["er", "pa", "i", "under", "til", "med", "som", "og", "det", "den", "is", "in", "at", "the", "of", "a"];

/// Joining letters between a word and its dressing ("gjennomføring|s|fasen").
const JOINS: [&str; 2] = ["s", "e"];

impl Terms {
    fn new(kind: &'static str, list: &[VocabularyTerm], dressing: &[String], weak: &[String]) -> Self {
        let mut forms = HashMap::new();
        for term in list {
            let names = std::iter::once(&term.name).chain(term.en.iter()).chain(term.aliases.iter());
            for name in names {
                forms.entry(fold(name)).or_insert_with(|| term.name.clone());
            }
        }
        let fold_all = |words: &[String]| words.iter().map(|w| fold(w)).collect();
        Self { kind, forms, dressing: fold_all(dressing), weak: fold_all(weak) }
    }

    /// The term a cell names: its whole text as a known form, else the terms its words name
    /// ("Fase 2 – planlegging", "i gjennomføringsfasen", "planlegging pågår").
    fn read(&self, folded: &str) -> Parsed<String> {
        if let Some(name) = self.forms.get(folded) {
            return Parsed::Value(name.clone());
        }
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let mut strong: Vec<&String> = Vec::new();
        let mut weak: Vec<&String> = Vec::new();
        // Words that are neither a term nor its dressing: a cell with more of them than
        // terms says something else ("snart ferdig kanskje" is not finished).
        let mut other = 0;
        let mut matched = 0;
        let mut at = 0;
        while at < words.len() {
            // Two-word forms first ("i gang", "lav risiko").
            let pair = words.get(at + 1).map(|next| format!("{} {next}", words[at]));
            let (found, used) = match pair.as_deref().and_then(|p| self.form_of(p).map(|f| (f, p))) {
                Some((name, p)) => (Some(name), p.to_string()),
                // A number names a term only as the whole cell ("2" for Medium), never
                // inside other words ("Fase 2 – planlegging").
                None if words[at].bytes().all(|b| b.is_ascii_digit()) => (None, words[at].to_string()),
                None => (self.form_of(words[at]), words[at].to_string()),
            };
            at += used.split(' ').count();
            let dressing = self.dressing.contains(&used)
                || FUNCTION_WORDS.contains(&used.as_str())
                || used.bytes().all(|b| b.is_ascii_digit());
            match found {
                Some(_) => matched += 1,
                None if !dressing => other += 1,
                None => {}
            }
            if let Some(name) = found {
                let list = if self.weak.contains(&used) { &mut weak } else { &mut strong };
                if !list.contains(&name) {
                    list.push(name);
                }
            }
        }
        if other > matched {
            return Parsed::Invalid(self.unknown());
        }
        match (strong.as_slice(), weak.as_slice()) {
            ([one], _) | ([], [one]) => Parsed::Value((*one).clone()),
            ([], []) => Parsed::Invalid(self.unknown()),
            (many, _) if !many.is_empty() => Parsed::Invalid(ValueProblem::Ambiguous {
                kind: self.kind,
                names: many.iter().map(|n| (*n).clone()).collect(),
            }),
            (_, many) => Parsed::Invalid(ValueProblem::Ambiguous {
                kind: self.kind,
                names: many.iter().map(|n| (*n).clone()).collect(),
            }),
        }
    }

    /// A word's term: the word itself, or a compound of a term and its dressing
    /// ("konseptfasen" → konsept, "idestadiet" → idé).
    fn form_of(&self, word: &str) -> Option<&String> {
        if let Some(name) = self.forms.get(word) {
            return Some(name);
        }
        self.dressing.iter().find_map(|dress| {
            let stem = word.strip_suffix(dress.as_str())?;
            let stem =
                JOINS.iter().find_map(|j| stem.strip_suffix(j).filter(|s| self.forms.contains_key(*s))).unwrap_or(stem);
            (stem.len() >= 3).then(|| self.forms.get(stem)).flatten()
        })
    }

    fn unknown(&self) -> ValueProblem {
        if self.kind == "phase" { ValueProblem::UnknownPhase } else { ValueProblem::UnknownRisk }
    }
}

impl ValueVocabulary {
    pub fn new(vocabulary: &Vocabulary) -> Self {
        Self {
            empty: vocabulary.empty.iter().map(|w| fold(w)).collect(),
            no_life_event: vocabulary.no_life_event.iter().map(|w| fold(w)).collect(),
            phases: Terms::new("phase", &vocabulary.phase, &vocabulary.phase_words, &vocabulary.progress_words),
            risks: Terms::new("risk", &vocabulary.risk, &vocabulary.risk_words, &[]),
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
        if self.is_empty_word(text) {
            return Parsed::Missing;
        }
        self.phases.read(&fold(text))
    }

    pub fn risk(&self, text: &str) -> Parsed<String> {
        if self.is_empty_word(text) {
            return Parsed::Missing;
        }
        self.risks.read(&fold(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn vocab() -> ValueVocabulary {
        ValueVocabulary::new(&ReferenceSource::builtin().vocabulary().expect("vocabulary"))
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
    }

    #[test]
    fn phases_dressed_up_numbered_or_compounded_are_read_by_their_words() {
        let v = vocab();
        let phase = |text: &str| match v.phase(text) {
            Parsed::Value(name) => name,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(phase("Fase 3: gjennomføring"), "Gjennomføring");
        assert_eq!(phase("konsept (fase 2)"), "Konsept");
        assert_eq!(phase("i gjennomføringsfasen"), "Gjennomføring");
        assert_eq!(phase("Ideen er på idéstadiet"), "Idé");
        assert_eq!(phase("planleggingssteget"), "Planlegging");
        assert_eq!(phase("pågår"), "Gjennomføring");
        assert_eq!(phase("Planlegging pågår"), "Planlegging", "a phase word beats 'under way'");
        assert_eq!(phase("Execution"), "Gjennomføring");
        assert!(matches!(v.phase("Fase 4"), Parsed::Invalid(ValueProblem::UnknownPhase)));
        assert!(matches!(v.phase("konsept eller planlegging"), Parsed::Invalid(ValueProblem::Ambiguous { .. })));
        let risk = |text: &str| match v.risk(text) {
            Parsed::Value(name) => name,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(risk("Risikonivå: høy"), "Høy");
        assert_eq!(risk("vurdert som lav"), "Lav");
        assert!(v.means_no_life_event("Ingen"));
        assert!(!v.means_no_life_event("Få barn"));
    }
}
