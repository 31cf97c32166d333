//! What each record is compared by, built in one pass over the whole portfolio (the
//! weights depend on how rare each term is across it):
//!
//! - what the title is about (its object): TF-IDF vectors of the title's words that are not
//!   service-kind or generic words, with compound parts, acronym and code-name expansions and
//!   the concepts they name, and of their character trigrams (typos, compounds written
//!   apart); and the same object as concepts alone, which is what crosses languages;
//! - the kinds of service the title names (see `kinds`);
//! - the description: TF-IDF vectors of its word stems (for explanations), of its character
//!   trigrams (the score within one language: robust to inflection and paraphrase), and of
//!   the concepts it names (the score across languages).

use super::FastMap as HashMap;
use super::acronyms::{self, Expansion};
use super::grams::{GramTable, GramVector, TrigramVocabulary};
use super::kinds::{KindSet, ServiceKinds};
use super::language::Language;
use super::learned_kinds;
use super::lexicon::{ConceptId, Lexicon};
use super::reading::{self, Reading};
use super::vocabulary::{SparseVector, TermId, Vocabulary};
use super::word_info::{self, CONCEPT_BOOST, Terms, WordInfo, concept_term};
use rayon::prelude::*;

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
    /// A cognate key's first Norwegian and English words as written (see `cognate`).
    cognates: HashMap<String, (String, String)>,
    /// The concepts each object term (a word's stem or compound part) names.
    term_concepts: HashMap<TermId, Vec<ConceptId>>,
    /// Bytes the portfolio's words cost to correct and split: bounded per word, so a
    /// hostile field cannot make one record cost more than a long ordinary one. Kept for the
    /// tests that hold that bound.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) work: u64,
}

#[derive(Debug, Clone, Default)]
pub struct Features {
    pub object_words: SparseVector,
    /// The object as concepts and cognates, for comparing across languages: only those
    /// that records of both languages use (empty in a portfolio of one language).
    pub object_concepts: SparseVector,
    pub description_words: SparseVector,
    /// The concepts and cognates the description names that records of both languages use.
    pub description_concepts: SparseVector,
    pub kinds: KindSet,
    pub has_description: bool,
    pub language: Language,
}

/// A record as a pair is scored from: its features and its two trigram vectors.
#[derive(Debug, Clone, Copy)]
pub struct Comparable<'a> {
    pub features: &'a Features,
    pub object_grams: GramVector<'a>,
    pub description_grams: GramVector<'a>,
}

/// Each record's terms before they are weighed, by position.
#[derive(Default)]
struct Lists {
    object: Vec<Vec<(TermId, f32)>>,
    object_concepts: Vec<Vec<(TermId, f32)>>,
    description: Vec<Vec<(TermId, f32)>>,
    description_concepts: Vec<Vec<(TermId, f32)>>,
    kinds: Vec<KindSet>,
    object_gram_counts: Vec<usize>,
    description_gram_counts: Vec<usize>,
    /// Which language families (bit 1 Norwegian, bit 2 English) use each object and
    /// description term in a concept list.
    object_families: Vec<u8>,
    description_families: Vec<u8>,
}

/// Marks the terms of `list` as used by `language`'s family.
fn mark(families: &mut Vec<u8>, list: &[(TermId, f32)], language: Language) {
    let bit = if language.is_norwegian() { 1 } else { 2 };
    for &(term, _) in list {
        if families.len() <= term as usize {
            families.resize(term as usize + 1, 0);
        }
        families[term as usize] |= bit;
    }
}

/// The entries of `list` that both language families use in this portfolio: another
/// cannot meet a record of the other language, and would only dilute the cosine with one.
fn crossing(list: &[(TermId, f32)], families: &[u8]) -> Vec<(TermId, f32)> {
    list.iter().copied().filter(|&(term, _)| families.get(term as usize) == Some(&3)).collect()
}

impl Portfolio {
    /// Builds the comparable form of records from their titles, descriptions and languages
    /// (one each, in the same order), and lets go of the descriptions once they are read
    /// (before the vectors are built: at a million initiatives the descriptions and the
    /// vectors together were the analysis's peak).
    pub fn build(
        titles: &[&str],
        descriptions: Vec<Option<String>>,
        languages: &[Language],
        kinds: &ServiceKinds,
        lexicon: &Lexicon,
    ) -> Self {
        debug_assert_eq!(titles.len(), descriptions.len(), "one description (or none) per title");
        let reading = reading::read(titles, &descriptions, languages);
        drop(descriptions);
        let expansions = acronyms::learn(&reading);
        let (parts, members, split_work) = word_info::compound_parts(&reading, lexicon);
        let kinds = &kinds.with_learned(&learned_kinds::learn(&reading, &parts, kinds, lexicon));
        let mut object_terms = Vocabulary::new();
        let mut description_terms = Vocabulary::new();
        let terms = Terms { object: &mut object_terms, description: &mut description_terms };
        let infos = word_info::build(&reading, (&parts, &members), kinds, lexicon, &expansions, terms);
        drop((parts, members));
        let mut object_grams = TrigramVocabulary::default();
        let mut description_grams = TrigramVocabulary::default();
        let mut lists = Lists::default();
        for (i, &language) in languages.iter().enumerate() {
            let mut terms = Terms { object: &mut object_terms, description: &mut description_terms };
            let record = RecordText { reading: &reading, infos: &infos, expansions: &expansions, i, language };
            lists.push(&record, kinds, lexicon, &mut terms);
            let mut grams = record.object_grams();
            object_grams.count_document(&mut grams);
            lists.object_gram_counts.push(grams.len());
            let mut grams = record.description_grams();
            description_grams.count_document(&mut grams);
            lists.description_gram_counts.push(grams.len());
        }
        let records = lists.features(&object_terms, &description_terms, languages);
        let text = |i: usize| RecordText {
            reading: &reading,
            infos: &infos,
            expansions: &expansions,
            i,
            language: languages[i],
        };
        let object_grams =
            GramTable::build(&lists.object_gram_counts, &object_grams.weights(), |i| text(i).object_grams());
        let description_grams = GramTable::build(&lists.description_gram_counts, &description_grams.weights(), |i| {
            text(i).description_grams()
        });
        Self {
            kinds: kinds.clone(),
            object_terms,
            object_grams,
            description_terms,
            description_grams,
            records,
            work: reading.work + split_work,
            cognates: cognate_words(&reading),
            term_concepts: word_info::term_concepts(&infos),
            display: reading.display,
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

    /// The concepts the words two object vectors share name anyway (so a reason need not
    /// name them as concepts).
    pub fn concepts_of_shared_words(&self, a: &SparseVector, b: &SparseVector) -> Vec<ConceptId> {
        let words = a.shared(b).into_iter().filter(|&(term, _)| !self.object_terms.term(term).starts_with(['#', '~']));
        words.filter_map(|(term, _)| self.term_concepts.get(&term)).flatten().copied().collect()
    }

    /// The Norwegian and English words of a cognate key, as written.
    pub fn cognate(&self, key: &str) -> (String, String) {
        self.cognates.get(key).cloned().unwrap_or_else(|| (key.to_string(), key.to_string()))
    }
}

/// Each cognate key's first Norwegian and first English word, as written.
fn cognate_words(reading: &Reading) -> HashMap<String, (String, String)> {
    let words = &reading.words;
    let mut out: HashMap<String, (String, String)> = HashMap::default();
    for id in 0..words.len() {
        let Some(key) = super::cognate::key(&words.folded[id], words.english[id]) else { continue };
        let shown = reading.display.get(&words.stem[id]).cloned().unwrap_or_else(|| words.folded[id].clone());
        let entry = out.entry(key).or_default();
        let slot = if words.english[id] { &mut entry.1 } else { &mut entry.0 };
        if slot.is_empty() {
            *slot = shown;
        }
    }
    out
}

/// One record's words and what each contributes.
struct RecordText<'a> {
    reading: &'a Reading,
    infos: &'a [WordInfo],
    expansions: &'a HashMap<u32, Expansion>,
    i: usize,
    language: Language,
}

impl RecordText<'_> {
    /// The title's words, but a code name or acronym that labels words of this very title.
    fn title(&self) -> impl Iterator<Item = &WordInfo> {
        let title = &self.reading.titles[self.i];
        let label = |id: &u32| self.expansions.get(id).is_some_and(|e| e.labels(title));
        title.iter().filter(move |id| !label(id)).map(|&id| &self.infos[id as usize])
    }

    fn description(&self) -> impl Iterator<Item = &WordInfo> {
        self.reading.descriptions[self.i].iter().map(|&id| &self.infos[id as usize])
    }

    /// The trigrams of the title's object, sorted without repeats. Worked out twice, to
    /// count them and then to weigh them, rather than kept in between: kept, a million
    /// descriptions' trigrams took 400 MB.
    fn object_grams(&self) -> Vec<TermId> {
        let mut grams: Vec<TermId> =
            self.title().filter(|w| !w.how).flat_map(|w| w.object_grams.iter().copied()).collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    }

    /// The trigrams of the description, sorted without repeats.
    fn description_grams(&self) -> Vec<TermId> {
        let mut grams: Vec<TermId> = self.description().flat_map(|w| w.grams.iter().copied()).collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    }

    /// The concept terms of the phrases (several words) a text names: `in_title` for the
    /// title (phrases of how words only left out), else the description.
    fn phrase_concepts(&self, lexicon: &Lexicon, in_title: bool) -> Vec<String> {
        let ids = if in_title { &self.reading.titles[self.i] } else { &self.reading.descriptions[self.i] };
        let stems: Vec<&str> = ids.iter().map(|&id| self.reading.words.stem[id as usize].as_str()).collect();
        lexicon
            .phrases_in(&stems, self.language)
            .into_iter()
            .filter(|&(start, length, _)| {
                !in_title || ids[start..start + length].iter().any(|&id| !self.infos[id as usize].how)
            })
            .map(|(_, _, concept)| concept_term(concept))
            .collect()
    }
}

impl Lists {
    /// Adds one record's terms, and counts them in the vocabularies.
    fn push(&mut self, record: &RecordText<'_>, kinds: &ServiceKinds, lexicon: &Lexicon, terms: &mut Terms<'_>) {
        let words = &record.reading.words;
        let folded: Vec<String> =
            record.reading.titles[record.i].iter().map(|&id| words.folded[id as usize].clone()).collect();
        let per_word: Vec<(KindSet, bool)> = record.title().map(|w| w.kinds).collect();
        self.kinds.push(kinds.title_kinds(&folded, &per_word));

        let mut object: Vec<(TermId, f32)> = Vec::new();
        let mut concepts: Vec<(TermId, f32)> = Vec::new();
        for word in record.title().filter(|w| !w.how) {
            object.extend_from_slice(&word.object_terms);
            concepts.extend_from_slice(&word.object_concepts);
        }
        for term in record.phrase_concepts(lexicon, true) {
            let id = terms.object.intern(&term);
            object.push((id, CONCEPT_BOOST));
            concepts.push((id, 1.0));
        }
        let counted: Vec<TermId> = object.iter().chain(&concepts).map(|t| t.0).collect();
        terms.object.count_document(&counted);

        let description: Vec<(TermId, f32)> = record.description().map(|w| (w.description_term, 1.0)).collect();
        let mut description_concepts: Vec<(TermId, f32)> =
            record.description().flat_map(|w| w.description_concepts.iter().map(|&c| (c, 1.0))).collect();
        for term in record.phrase_concepts(lexicon, false) {
            description_concepts.push((terms.description.intern(&term), 1.0));
        }
        let counted: Vec<TermId> = description.iter().chain(&description_concepts).map(|t| t.0).collect();
        terms.description.count_document(&counted);

        mark(&mut self.object_families, &concepts, record.language);
        mark(&mut self.description_families, &description_concepts, record.language);
        self.object.push(object);
        self.object_concepts.push(concepts);
        self.description.push(description);
        self.description_concepts.push(description_concepts);
    }

    /// Every record's vectors, now that every frequency is known; records are independent,
    /// so they are built on all cores.
    fn features(&mut self, object: &Vocabulary, description: &Vocabulary, languages: &[Language]) -> Vec<Features> {
        let object_lists = std::mem::take(&mut self.object);
        let concept_lists = std::mem::take(&mut self.object_concepts);
        let description_lists = std::mem::take(&mut self.description);
        let description_concept_lists = std::mem::take(&mut self.description_concepts);
        let (object_families, description_families) = (&self.object_families, &self.description_families);
        (0..languages.len())
            .into_par_iter()
            .map(|i| Features {
                object_words: object.vector(&object_lists[i]),
                object_concepts: object.vector(&crossing(&concept_lists[i], object_families)),
                description_words: description.vector(&description_lists[i]),
                description_concepts: description
                    .vector(&crossing(&description_concept_lists[i], description_families)),
                kinds: self.kinds[i],
                has_description: !description_lists[i].is_empty(),
                language: languages[i],
            })
            .collect()
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
            amount_nok: None,
        }
    }

    fn build(records: &[Record]) -> Portfolio {
        let titles: Vec<&str> = records.iter().map(|r| r.title.as_str()).collect();
        let descriptions = records.iter().map(|r| r.description.clone()).collect();
        let languages: Vec<Language> =
            records.iter().map(|r| super::super::language::detect(&r.title, r.description.as_deref())).collect();
        Portfolio::build(&titles, descriptions, &languages, &ServiceKinds::builtin(), Lexicon::builtin())
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
