//! Concepts across languages: the same thing named in bokmål, nynorsk and English.
//!
//! Two sources, both compiled in: Digdir's Los vocabulary of public services
//! (`data/los/los.tsv`, converted from Los's `source.xml` by `data/los/convert.py`: 427
//! topic words and 92 themes with their labels and synonyms), and samla's own glossary of
//! public administration (`data/glossary.txt`: application/søknad, benefit/ytelse/stønad,
//! case processing/saksbehandling, ...). A record's words are looked up by stem, so
//! "gravferden", "gravferd" and "funerals" all reach one concept, and phrases ("frikort for
//! helsetjenester", "child benefit") by their stems in order.

use super::language::Language;
use super::normalise::Normaliser;
use super::{FastMap, FastSet};
use std::sync::OnceLock;

pub type ConceptId = u32;

/// The Los file's text.
pub const LOS: &str = include_str!("../../data/los/los.tsv");
/// The glossary's text.
pub const GLOSSARY: &str = include_str!("../../data/glossary.txt");

/// Where a concept comes from, named in the reasons a pair is shown with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Los,
    Glossary,
}

/// One concept: its key ("los:ord/gravferd", "glossary:søknad") and how it is shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Concept {
    pub key: String,
    /// The bokmål name, in lower case.
    pub norwegian: String,
    /// The English name, in lower case.
    pub english: String,
    pub source: Source,
}

/// A line of a lexicon file that could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{file}, line {line}: {message}")]
pub struct LexiconError {
    pub file: &'static str,
    pub line: usize,
    pub message: &'static str,
}

/// The stems of one language family that name concepts.
#[derive(Debug, Default)]
struct Table {
    /// One stem → the concepts it names.
    single: FastMap<String, Vec<ConceptId>>,
    /// The first stem of a phrase → the rest of its stems and the concept.
    phrases: FastMap<String, Vec<(Vec<String>, ConceptId)>>,
    /// Single words as written (folded): parts a compound may be split into.
    words: FastSet<String>,
}

/// Concepts and the words that name them.
#[derive(Debug, Default)]
pub struct Lexicon {
    concepts: Vec<Concept>,
    norwegian: Table,
    english: Table,
}

impl Lexicon {
    /// The built-in lexicon (Los and the glossary), read once. Both files are tested to
    /// parse; an empty lexicon is the safe fallback.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| Self::parse(LOS, GLOSSARY).unwrap_or_default())
    }

    /// Reads the Los file (tab-separated, see `data/los/convert.py`) and the glossary
    /// (`bokmål | nynorsk | English`, see `data/glossary.txt`).
    pub fn parse(los: &str, glossary: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Lexicon::default();
        let mut normaliser = Normaliser::new();
        for (number, line) in content_lines(los) {
            let columns: Vec<&str> = line.split('\t').collect();
            let [path, _broader, nb, nn, en, more_bokmal, more_nynorsk, more_english] = columns[..] else {
                return Err(LexiconError { file: "los.tsv", line: number, message: "expected 8 columns" });
            };
            let norwegian: Vec<&str> =
                [nb, nn].into_iter().chain(more_bokmal.split('|')).chain(more_nynorsk.split('|')).collect();
            let english: Vec<&str> = std::iter::once(en).chain(more_english.split('|')).collect();
            let concept = Concept {
                key: format!("los:{path}"),
                norwegian: nb.to_lowercase(),
                english: en.to_lowercase(),
                source: Source::Los,
            };
            lexicon.add(&mut normaliser, concept, &norwegian, &english);
        }
        for (number, line) in content_lines(glossary) {
            let columns: Vec<Vec<&str>> =
                line.split('|').map(|c| c.split(',').map(str::trim).filter(|w| !w.is_empty()).collect()).collect();
            let [nb, nn, en] = &columns[..] else {
                return Err(LexiconError { file: "glossary.txt", line: number, message: "expected three lists" });
            };
            let (Some(name), Some(english)) = (nb.first(), en.first()) else {
                return Err(LexiconError { file: "glossary.txt", line: number, message: "a list is empty" });
            };
            let concept = Concept {
                key: format!("glossary:{name}"),
                norwegian: name.to_lowercase(),
                english: english.to_lowercase(),
                source: Source::Glossary,
            };
            let norwegian: Vec<&str> = nb.iter().chain(nn).copied().collect();
            lexicon.add(&mut normaliser, concept, &norwegian, en);
        }
        Ok(lexicon)
    }

    fn add(&mut self, normaliser: &mut Normaliser, concept: Concept, norwegian: &[&str], english: &[&str]) {
        let id = self.concepts.len() as ConceptId;
        self.concepts.push(concept);
        for (labels, language) in [(norwegian, Language::Bokmal), (english, Language::English)] {
            let table = if language.is_norwegian() { &mut self.norwegian } else { &mut self.english };
            for label in labels.iter().filter(|l| !l.trim().is_empty()) {
                let words = normaliser.words_in(label, language);
                let Some((first, rest)) = words.split_first() else { continue };
                if rest.is_empty() {
                    push_unique(table.single.entry(first.stem.clone()).or_default(), id);
                    table.words.insert(first.folded.clone());
                } else {
                    let stems = rest.iter().map(|w| w.stem.clone()).collect();
                    table.phrases.entry(first.stem.clone()).or_default().push((stems, id));
                }
            }
        }
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn concept(&self, id: ConceptId) -> Option<&Concept> {
        self.concepts.get(id as usize)
    }

    fn table(&self, language: Language) -> &Table {
        if language.is_norwegian() { &self.norwegian } else { &self.english }
    }

    /// The concepts one stem of `language` names.
    pub fn concepts_of_stem(&self, stem: &str, language: Language) -> &[ConceptId] {
        self.table(language).single.get(stem).map_or(&[], Vec::as_slice)
    }

    /// The concepts phrases name in a text's stems (in order, stop words left out): each
    /// match with where it starts and how many stems it takes.
    pub fn phrases_in(&self, stems: &[&str], language: Language) -> Vec<(usize, usize, ConceptId)> {
        let table = self.table(language);
        let mut found = Vec::new();
        for (start, stem) in stems.iter().enumerate() {
            for (rest, id) in table.phrases.get(*stem).into_iter().flatten() {
                let end = start + 1 + rest.len();
                if end <= stems.len() && stems[start + 1..end].iter().zip(rest).all(|(a, b)| *a == b) {
                    found.push((start, end - start, *id));
                }
            }
        }
        found
    }

    /// The single Norwegian words (folded) that name a concept: known words a compound
    /// may be split into even where the portfolio never uses them alone.
    pub fn norwegian_words(&self) -> impl Iterator<Item = &str> {
        self.norwegian.words.iter().map(String::as_str)
    }
}

fn push_unique(ids: &mut Vec<ConceptId>, id: ConceptId) {
    if !ids.contains(&id) {
        ids.push(id);
    }
}

/// Lines that are neither empty nor comments, with their line numbers.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(lexicon: &Lexicon, ids: &[ConceptId]) -> Vec<String> {
        ids.iter().filter_map(|&id| lexicon.concept(id)).map(|c| c.key.clone()).collect()
    }

    fn stem(word: &str, language: Language) -> String {
        Normaliser::new().words_in(word, language).remove(0).stem
    }

    #[test]
    fn the_builtin_files_parse_with_digdirs_los_and_the_glossary() {
        let lexicon = Lexicon::parse(LOS, GLOSSARY).expect("builtin lexicon");
        let los = lexicon.concepts.iter().filter(|c| c.source == Source::Los).count();
        assert_eq!(los, 427 + 92, "Los topic words and themes");
        assert!(lexicon.len() > los + 150, "the glossary adds its own concepts");
        assert!(LOS.lines().take(3).any(|l| l.starts_with("# ") && l.contains("Digitaliseringsdirektoratet (Digdir)")));
    }

    #[test]
    fn one_concept_in_bokmal_nynorsk_and_english() {
        let lexicon = Lexicon::builtin();
        let nb = lexicon.concepts_of_stem(&stem("gravferden", Language::Bokmal), Language::Bokmal);
        let nn = lexicon.concepts_of_stem(&stem("bisetjing", Language::Nynorsk), Language::Nynorsk);
        let en = lexicon.concepts_of_stem(&stem("funerals", Language::English), Language::English);
        for found in [nb, nn, en] {
            assert!(keys(lexicon, found).contains(&"los:ord/gravferd".to_string()), "{:?}", keys(lexicon, found));
        }
        let application = lexicon.concepts_of_stem(&stem("applications", Language::English), Language::English);
        let soknad = lexicon.concepts_of_stem(&stem("søknader", Language::Bokmal), Language::Bokmal);
        assert!(application.iter().any(|id| soknad.contains(id)), "application is søknad");
    }

    #[test]
    fn phrases_are_found_by_their_stems_in_order() {
        let lexicon = Lexicon::builtin();
        let words = Normaliser::new().words_in("Better reporting of child benefit payments", Language::English);
        let stems: Vec<&str> = words.iter().map(|w| w.stem.as_str()).collect();
        let found = lexicon.phrases_in(&stems, Language::English);
        let names: Vec<&str> =
            found.iter().filter_map(|&(_, _, id)| lexicon.concept(id)).map(|c| c.norwegian.as_str()).collect();
        assert!(names.contains(&"barnetrygd"), "{names:?}");
        assert!(lexicon.phrases_in(&["child"], Language::English).is_empty(), "half a phrase is none");
    }

    #[test]
    fn a_malformed_line_is_named() {
        let err = Lexicon::parse("ord/x\tonly two", "").expect_err("short line");
        assert_eq!(err, LexiconError { file: "los.tsv", line: 1, message: "expected 8 columns" });
        let err = Lexicon::parse("", "# comment\nsøknad | søknad\n").expect_err("two lists");
        assert_eq!(err.line, 2);
    }
}
