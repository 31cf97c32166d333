//! What each record is compared by, built in one pass over the whole portfolio (the
//! weights depend on how rare each term is across it):
//!
//! - what the title is about (its object): TF-IDF vectors of the title's words that are not
//!   service-kind or generic words, with compound parts and acronym expansions, and of their
//!   character trigrams (typos, compounds written apart);
//! - the kinds of service the title names (see `kinds`);
//! - the description: TF-IDF vectors of its word stems (for explanations) and of its
//!   character trigrams (the score: robust to inflection and paraphrase).

use super::FastMap as HashMap;
use super::compound::CompoundSplitter;
use super::grams::{GramTable, GramVector, TrigramVocabulary};
use super::kinds::{KindSet, ServiceKinds};
use super::normalise::{Normaliser, Word, defined_acronyms};
use super::spelling::corrections_counted;
use super::vocabulary::{SparseVector, TermId, Vocabulary};
use rayon::prelude::*;

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
    /// Each record's title-object trigram vector, by position.
    pub object_grams: GramTable,
    pub description_terms: Vocabulary,
    /// Each record's description trigram vector, by position.
    pub description_grams: GramTable,
    pub records: Vec<Features>,
    pub kinds: ServiceKinds,
    /// How a term is best shown to a person: the first whole word seen with that stem.
    display: HashMap<String, String>,
    /// Bytes the portfolio's words cost to correct and split: bounded per word, so a
    /// hostile field cannot make one record cost more than a long ordinary one. Kept for the
    /// tests that hold that bound.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) work: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Features {
    pub object_words: SparseVector,
    pub description_words: SparseVector,
    pub kinds: KindSet,
    pub has_description: bool,
}

/// A record as a pair is scored from: its features and its two trigram vectors.
#[derive(Debug, Clone, Copy)]
pub struct Comparable<'a> {
    pub features: &'a Features,
    pub object_grams: GramVector<'a>,
    pub description_grams: GramVector<'a>,
}

/// Every distinct word of the portfolio once, with what is worked out about it once: a
/// portfolio of 100 000 initiatives repeats a few tens of thousands of words millions of
/// times.
#[derive(Default)]
struct Words {
    ids: HashMap<String, u32>,
    folded: Vec<String>,
    stem: Vec<String>,
    count: Vec<u32>,
}

impl Words {
    fn add(&mut self, word: &Word) -> (u32, bool) {
        if let Some(&id) = self.ids.get(word.folded.as_str()) {
            self.count[id as usize] += 1;
            return (id, false);
        }
        let id = self.folded.len() as u32;
        self.ids.insert(word.folded.clone(), id);
        self.folded.push(word.folded.clone());
        self.stem.push(word.stem.clone());
        self.count.push(1);
        (id, true)
    }
}

/// What a word contributes, worked out on first use.
struct WordInfo {
    /// The service kinds it names, and whether it or a part says how.
    kinds: (KindSet, bool),
    /// Says how rather than what (a service kind's or a generic word).
    how: bool,
    /// Object terms (with boosts) it adds to the title, empty for a how word.
    object_terms: Vec<(TermId, f32)>,
    /// The trigrams of the pieces that say what (its object spelling).
    object_grams: Vec<TermId>,
    description_term: TermId,
    grams: Vec<TermId>,
}

impl Portfolio {
    /// Builds the comparable form of records from their titles and descriptions (one each,
    /// in the same order), and lets go of the descriptions once they are read (before the
    /// vectors are built: at a million initiatives the descriptions and the vectors together
    /// were the analysis's peak).
    pub fn build(titles: &[&str], descriptions: Vec<Option<String>>, kinds: &ServiceKinds) -> Self {
        debug_assert_eq!(titles.len(), descriptions.len(), "one description (or none) per title");
        let mut normaliser = Normaliser::new();
        let mut words = Words::default();
        let mut display: HashMap<String, String> = HashMap::default();
        let texts = || titles.iter().copied().zip(descriptions.iter().map(Option::as_deref));
        let mut title_words: Vec<Vec<u32>> = Vec::with_capacity(titles.len());
        let mut description_words: Vec<Vec<u32>> = Vec::with_capacity(titles.len());
        for (title, description) in texts() {
            let mut read = |text: &str| -> Vec<u32> {
                let mut ids = Vec::new();
                normaliser.visit_words(text, |word| {
                    let (id, new) = words.add(word);
                    if new && !display.contains_key(word.stem.as_str()) {
                        display.insert(word.stem.clone(), word.lower.clone());
                    }
                    ids.push(id);
                });
                ids
            };
            title_words.push(read(title));
            description_words.push(read(description.unwrap_or_default()));
        }

        // Typos read as the common word they are one edit from.
        let counts: HashMap<String, u32> = words.folded.iter().cloned().zip(words.count.iter().copied()).collect();
        let (fixes, spelling_work) = corrections_counted(&counts);
        let fixed: Vec<u32> = words
            .folded
            .iter()
            .enumerate()
            .map(|(id, folded)| fixes.get(folded).and_then(|f| words.ids.get(f)).copied().unwrap_or(id as u32))
            .collect();
        for ids in title_words.iter_mut().chain(description_words.iter_mut()) {
            for id in ids.iter_mut() {
                *id = fixed[*id as usize];
            }
        }

        let standalone = words.folded.iter().chain(&words.stem).map(String::as_str);
        let mut splitter = CompoundSplitter::new(standalone);
        let mut acronyms: HashMap<String, Vec<String>> = HashMap::default();
        for (title, description) in texts() {
            for text in [Some(title), description].into_iter().flatten() {
                for (acronym, expansion) in defined_acronyms(text) {
                    acronyms.entry(acronym).or_insert(expansion);
                }
            }
        }
        // Every description is in `description_words` as word ids now.
        drop(descriptions);

        let mut description_terms = Vocabulary::new();
        let mut object_terms = Vocabulary::new();
        let info: Vec<WordInfo> = (0..words.folded.len())
            .map(|slot| {
                let folded = &words.folded[slot];
                let parts = splitter.split(folded);
                let how = kinds.is_how_word(folded);
                let mut terms = Vec::new();
                let mut object_grams = Vec::new();
                if !how {
                    let whole = if parts.is_empty() { 1.0 } else { SPLIT_WHOLE_BOOST };
                    terms.push((object_terms.intern(&words.stem[slot]), whole));
                    // Spelled by the parts that say what: "dødsboløsning" like "dødsbo".
                    let mut spelled = false;
                    for part in parts.iter().filter(|part| !kinds.is_how_word(part)) {
                        terms.push((object_terms.intern(&normaliser.stem(part)), PART_BOOST));
                        TrigramVocabulary::trigrams(part, &mut object_grams);
                        spelled = true;
                    }
                    if !spelled {
                        TrigramVocabulary::trigrams(folded, &mut object_grams);
                    }
                    for expansion in acronyms.get(folded).into_iter().flatten() {
                        if !kinds.is_how_word(expansion) {
                            terms.push((object_terms.intern(&normaliser.stem(expansion)), EXPANSION_BOOST));
                        }
                    }
                }
                let mut grams = Vec::new();
                TrigramVocabulary::trigrams(folded, &mut grams);
                let description_term = description_terms.intern(&words.stem[slot]);
                let word_kinds = kinds.word_kinds(folded, &parts);
                WordInfo { kinds: word_kinds, how, object_terms: terms, object_grams, description_term, grams }
            })
            .collect();

        // The trigrams of a title's object and of a description, sorted without repeats.
        // Worked out twice, to count them and then to weigh them, rather than kept in
        // between: kept, a million descriptions' trigrams took 400 MB.
        let object_grams_of = |title: &[u32]| -> Vec<TermId> {
            let mut grams: Vec<TermId> = Vec::new();
            for w in title.iter().map(|&id| &info[id as usize]).filter(|w| !w.how) {
                grams.extend_from_slice(&w.object_grams);
            }
            grams.sort_unstable();
            grams.dedup();
            grams
        };
        let description_grams_of = |description: &[u32]| -> Vec<TermId> {
            let mut grams: Vec<TermId> = Vec::new();
            for &id in description {
                grams.extend_from_slice(&info[id as usize].grams);
            }
            grams.sort_unstable();
            grams.dedup();
            grams
        };

        let mut object_grams = TrigramVocabulary::default();
        let mut description_grams = TrigramVocabulary::default();
        let mut object_gram_counts: Vec<usize> = Vec::with_capacity(titles.len());
        let mut description_gram_counts: Vec<usize> = Vec::with_capacity(titles.len());
        let mut object_lists: Vec<Vec<(TermId, f32)>> = Vec::with_capacity(titles.len());
        let mut kind_sets: Vec<KindSet> = Vec::with_capacity(titles.len());
        for (title, description) in title_words.iter().zip(&description_words) {
            let folded: Vec<String> = title.iter().map(|&id| words.folded[id as usize].clone()).collect();
            let per_word: Vec<(KindSet, bool)> = title.iter().map(|&id| info[id as usize].kinds).collect();
            kind_sets.push(kinds.title_kinds(&folded, &per_word));

            let mut terms: Vec<(TermId, f32)> = Vec::new();
            for w in title.iter().map(|&id| &info[id as usize]).filter(|w| !w.how) {
                terms.extend_from_slice(&w.object_terms);
            }
            let term_ids: Vec<TermId> = terms.iter().map(|t| t.0).collect();
            object_terms.count_document(&term_ids);
            object_lists.push(terms);
            let mut grams = object_grams_of(title);
            object_grams.count_document(&mut grams);
            object_gram_counts.push(grams.len());

            let description_ids: Vec<TermId> =
                description.iter().map(|&id| info[id as usize].description_term).collect();
            description_terms.count_document(&description_ids);
            let mut grams = description_grams_of(description);
            description_grams.count_document(&mut grams);
            description_gram_counts.push(grams.len());
        }

        // Second pass, now that every frequency is known; records are independent, so the
        // vectors are built on all cores.
        let features = description_words
            .par_iter()
            .zip(&object_lists)
            .zip(&kind_sets)
            .map(|((description, object), &kinds)| {
                let terms: Vec<(TermId, f32)> =
                    description.iter().map(|&id| (info[id as usize].description_term, 1.0)).collect();
                Features {
                    object_words: object_terms.vector(object),
                    description_words: description_terms.vector(&terms),
                    kinds,
                    has_description: !description.is_empty(),
                }
            })
            .collect();
        drop(object_lists);
        let object_grams =
            GramTable::build(&object_gram_counts, &object_grams.weights(), |i| object_grams_of(&title_words[i]));
        let description_grams = GramTable::build(&description_gram_counts, &description_grams.weights(), |i| {
            description_grams_of(&description_words[i])
        });
        Self {
            object_terms,
            object_grams,
            description_terms,
            description_grams,
            records: features,
            kinds: kinds.clone(),
            display,
            work: spelling_work + splitter.work(),
        }
    }

    /// Record `i` as a pair is scored from.
    pub fn comparable(&self, i: usize) -> Comparable<'_> {
        Comparable {
            features: &self.records[i],
            object_grams: self.object_grams.vector(i),
            description_grams: self.description_grams.vector(i),
        }
    }

    /// Lets go of the trigram vectors (most of the memory), keeping what explaining needs.
    pub fn drop_grams(&mut self) {
        self.object_grams = GramTable::default();
        self.description_grams = GramTable::default();
    }

    /// A term as a person would write it ("dødsbo" rather than the stem "dodsbo").
    pub fn display(&self, term: &str) -> String {
        self.display.get(term).cloned().unwrap_or_else(|| term.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::Record;

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
        let titles: Vec<&str> = records.iter().map(|r| r.title.as_str()).collect();
        let descriptions = records.iter().map(|r| r.description.clone()).collect();
        Portfolio::build(&titles, descriptions, &ServiceKinds::builtin())
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
        assert!(portfolio.object_grams.vector(0).cosine(&portfolio.object_grams.vector(1)) > 0.4);
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
}
