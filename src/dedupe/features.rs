//! What each record is compared by, built in one pass over the whole portfolio (the
//! weights depend on how rare each term is across it):
//!
//! - what the title is about (its object): TF-IDF vectors of the title's words that are not
//!   service-kind or generic words, with compound parts and acronym expansions, and of their
//!   character trigrams (typos, compounds written apart);
//! - the kinds of service the title names (see `kinds`);
//! - the description: TF-IDF vectors of its word stems (for explanations) and of its
//!   character trigrams (the score: robust to inflection and paraphrase).

use super::Record;
use super::compound::CompoundSplitter;
use super::kinds::{KindSet, ServiceKinds};
use super::normalise::{Normaliser, Word, defined_acronyms};
use super::spelling::corrections;
use super::vocabulary::{SparseVector, TermId, Vocabulary};
use std::collections::HashMap;

/// A compound that splits into known parts is counted mostly through its parts, so
/// "dødsboløsning" meets "løsning for dødsbo"; the whole word keeps some weight so two
/// titles with the same compound still score a little higher.
const PART_BOOST: f32 = 1.0;
const SPLIT_WHOLE_BOOST: f32 = 0.5;
/// An acronym's expansion stands in for it at a lower weight (the expansion may be partial).
const EXPANSION_BOOST: f32 = 0.7;

/// The comparable form of every record of a portfolio.
#[derive(Debug)]
pub struct Portfolio {
    pub object_terms: Vocabulary,
    pub object_grams: Vocabulary,
    pub description_terms: Vocabulary,
    pub description_grams: Vocabulary,
    pub records: Vec<Features>,
    pub kinds: ServiceKinds,
    /// How a term is best shown to a person: the first whole word seen with that stem.
    display: HashMap<String, String>,
}

#[derive(Debug, Clone, Default)]
pub struct Features {
    pub object_words: SparseVector,
    pub object_grams: SparseVector,
    pub description_words: SparseVector,
    pub description_grams: SparseVector,
    pub kinds: KindSet,
    pub has_description: bool,
}

/// A record's words before weighting.
struct Parsed {
    title: Vec<Word>,
    description: Vec<Word>,
}

impl Portfolio {
    pub fn build(records: &[Record], kinds: &ServiceKinds) -> Self {
        let mut normaliser = Normaliser::new();
        let mut parsed: Vec<Parsed> = records
            .iter()
            .map(|r| Parsed {
                title: normaliser.words(&r.title),
                description: normaliser.words(r.description.as_deref().unwrap_or_default()),
            })
            .collect();

        let mut display: HashMap<String, String> = HashMap::new();
        let mut counts: HashMap<String, u32> = HashMap::new();
        let mut stem_of: HashMap<String, String> = HashMap::new();
        for (record, p) in records.iter().zip(&parsed) {
            for word in p.title.iter().chain(&p.description) {
                *counts.entry(word.folded.clone()).or_default() += 1;
                stem_of.entry(word.folded.clone()).or_insert_with(|| word.stem.clone());
                display.entry(word.stem.clone()).or_insert_with(|| surface(record, word));
            }
        }
        let fixes = corrections(&counts);
        for p in &mut parsed {
            for word in p.title.iter_mut().chain(p.description.iter_mut()) {
                if let Some(fixed) = fixes.get(&word.folded) {
                    word.stem = stem_of.get(fixed).cloned().unwrap_or_else(|| fixed.clone());
                    word.folded = fixed.clone();
                }
            }
        }

        let standalone = counts.keys().map(String::as_str).chain(stem_of.values().map(String::as_str));
        let mut splitter = CompoundSplitter::new(standalone);
        let mut acronyms: HashMap<String, Vec<String>> = HashMap::new();
        for record in records {
            for text in [Some(record.title.as_str()), record.description.as_deref()].into_iter().flatten() {
                for (acronym, expansion) in defined_acronyms(text) {
                    acronyms.entry(acronym).or_insert(expansion);
                }
            }
        }

        let mut vocabularies = [Vocabulary::new(), Vocabulary::new(), Vocabulary::new(), Vocabulary::new()];
        let mut lists: Vec<[Vec<(TermId, f32)>; 4]> = Vec::with_capacity(records.len());
        let mut kind_sets: Vec<KindSet> = Vec::with_capacity(records.len());
        for p in &parsed {
            let folded: Vec<String> = p.title.iter().map(|w| w.folded.clone()).collect();
            let parts: Vec<Vec<String>> = folded.iter().map(|w| splitter.split(w)).collect();
            kind_sets.push(kinds.kinds_of_title(&folded, &parts));

            let object: Vec<(&Word, &Vec<String>)> =
                p.title.iter().zip(&parts).filter(|(w, _)| !kinds.is_how_word(&w.folded)).collect();
            let mut object_terms: Vec<(String, f32)> = Vec::new();
            for (word, word_parts) in &object {
                let whole = if word_parts.is_empty() { 1.0 } else { SPLIT_WHOLE_BOOST };
                object_terms.push((word.stem.clone(), whole));
                for part in word_parts.iter().filter(|part| !kinds.is_how_word(part)) {
                    object_terms.push((normaliser.stem(part), PART_BOOST));
                }
                for expansion in acronyms.get(&word.folded).into_iter().flatten() {
                    if !kinds.is_how_word(expansion) {
                        object_terms.push((normaliser.stem(expansion), EXPANSION_BOOST));
                    }
                }
            }
            // Spelled by the parts that say what, so "dødsboløsning" is spelled like "dødsbo".
            let mut spelled: Vec<&str> = Vec::new();
            for (word, word_parts) in &object {
                let what: Vec<&str> =
                    word_parts.iter().map(String::as_str).filter(|part| !kinds.is_how_word(part)).collect();
                if what.is_empty() {
                    spelled.push(&word.folded);
                } else {
                    spelled.extend(what);
                }
            }
            let object_grams = trigrams(spelled);

            let mut description_terms: Vec<(String, f32)> = Vec::new();
            for word in &p.description {
                let word_parts = splitter.split(&word.folded);
                let whole = if word_parts.is_empty() { 1.0 } else { SPLIT_WHOLE_BOOST };
                description_terms.push((word.stem.clone(), whole));
                for part in word_parts {
                    description_terms.push((normaliser.stem(&part), PART_BOOST));
                }
            }
            let description_grams = trigrams(p.description.iter().map(|w| w.folded.as_str()));

            let [ow, og, dw, dg] = &mut vocabularies;
            lists.push([
                intern(ow, &object_terms),
                intern(og, &unit(&object_grams)),
                intern(dw, &description_terms),
                intern(dg, &unit(&description_grams)),
            ]);
        }

        let [object_terms, object_grams, description_terms, description_grams] = vocabularies;
        let features = lists
            .iter()
            .zip(&kind_sets)
            .zip(&parsed)
            .map(|((l, &kinds), p)| Features {
                object_words: object_terms.vector(&l[0]),
                object_grams: object_grams.vector(&l[1]),
                description_words: description_terms.vector(&l[2]),
                description_grams: description_grams.vector(&l[3]),
                kinds,
                has_description: !p.description.is_empty(),
            })
            .collect();
        Self {
            object_terms,
            object_grams,
            description_terms,
            description_grams,
            records: features,
            kinds: kinds.clone(),
            display,
        }
    }

    /// A term as a person would write it ("dødsbo" rather than the stem "dodsbo").
    pub fn display(&self, term: &str) -> String {
        self.display.get(term).cloned().unwrap_or_else(|| term.to_string())
    }
}

fn unit(terms: &[String]) -> Vec<(String, f32)> {
    terms.iter().map(|t| (t.clone(), 1.0)).collect()
}

/// The word as the record wrote it, in lower case: keeps the "ø" that the folded form lost.
fn surface(record: &Record, word: &Word) -> String {
    let texts = [Some(record.title.as_str()), record.description.as_deref()];
    for text in texts.into_iter().flatten() {
        for piece in text.split(|c: char| !c.is_alphanumeric()) {
            let lower = piece.to_lowercase();
            if crate::text::fold(&lower) == word.folded {
                return lower;
            }
        }
    }
    word.folded.clone()
}

fn intern(vocabulary: &mut Vocabulary, terms: &[(String, f32)]) -> Vec<(TermId, f32)> {
    let names: Vec<&str> = terms.iter().map(|t| t.0.as_str()).collect();
    let ids = vocabulary.add_document(&names);
    ids.into_iter().zip(terms).map(|(id, (_, boost))| (id, *boost)).collect()
}

/// Character trigrams of each word with its edges marked ("#do", "dod", …, "bo#"): a typo
/// or a compound written apart still shares most of them.
pub fn trigrams<'a>(words: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut grams = Vec::new();
    for word in words {
        let padded: Vec<char> = std::iter::once('#').chain(word.chars()).chain(std::iter::once('#')).collect();
        for window in padded.windows(3) {
            grams.push(window.iter().collect());
        }
    }
    grams
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, title: &str, description: &str) -> Record {
        Record {
            id,
            source_file: "t.csv".into(),
            key: id.to_string(),
            title: title.into(),
            description: Some(description.into()),
            agency: None,
            ministries: vec![],
            life_events: vec![],
        }
    }

    fn build(records: &[Record]) -> Portfolio {
        Portfolio::build(records, &ServiceKinds::builtin())
    }

    #[test]
    fn compound_and_split_forms_share_the_object() {
        let records = vec![
            record(1, "Ny dødsboløsning", ""),
            record(2, "Ny digital løsning for dødsbo", ""),
            record(3, "Statistikk om barnetrygd", ""),
        ];
        let portfolio = build(&records);
        let f = &portfolio.records;
        assert!(f[0].object_words.cosine(&f[1].object_words) > 0.5);
        assert!(f[0].object_grams.cosine(&f[1].object_grams) > 0.4);
        assert_eq!(f[0].object_words.cosine(&f[2].object_words), 0.0);
        assert_eq!(f[0].kinds, f[1].kinds);
        assert_ne!(f[0].kinds, f[2].kinds);
        assert_eq!(portfolio.display("dodsbo"), "dødsbo");
    }

    #[test]
    fn the_object_leaves_out_how_words() {
        let records =
            vec![record(1, "Proaktive varsler om barnetrygd", ""), record(2, "Varslingstjeneste for barnetrygd", "")];
        let f = build(&records).records;
        assert!(f[0].object_words.cosine(&f[1].object_words) > 0.99);
    }

    #[test]
    fn typos_are_read_as_the_common_word() {
        let mut records: Vec<Record> =
            (1..=4).map(|i| record(i, "Risikobasert kontroll av kontantstøtte", "")).collect();
        records.push(record(5, "Etterlevelseskontroll for kontantsøtte", ""));
        let f = build(&records).records;
        assert!(f[0].object_words.cosine(&f[4].object_words) > 0.99);
    }

    #[test]
    fn acronyms_meet_their_expansion() {
        let records = vec![
            record(1, "Felles datakatalog (FDK) – fase 2", ""),
            record(2, "FDK – ny versjon", ""),
            record(3, "Datakatalog for alle", ""),
            record(4, "Felles språkbank", ""),
        ];
        let f = build(&records).records;
        assert!(f[1].object_words.cosine(&f[2].object_words) > 0.3);
    }

    #[test]
    fn trigrams_mark_word_edges() {
        assert_eq!(trigrams(["bo"]), vec!["#bo", "bo#"]);
    }
}
