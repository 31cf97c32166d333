//! Why a pair looks alike, in terms a person can check against the two records.

use super::Record;
use super::features::Portfolio;
use super::lexicon::{ConceptId, Lexicon, Source};
use super::score::{OwnerRelation, SubScores};
use super::vocabulary::{SparseVector, Vocabulary};
use super::word_info::term_concept;
use serde::Serialize;

/// How many shared words to list per field: the rarest ones, which carry the match.
const TITLE_WORDS_SHOWN: usize = 5;
const DESCRIPTION_WORDS_SHOWN: usize = 6;
const CONCEPTS_SHOWN: usize = 4;

/// A concept both records name, in their own words or languages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedConcept {
    /// Its Norwegian and English names ("gravferd", "funerals"), or for a cognate the
    /// two words as written ("frekvens", "frequency").
    pub norwegian: String,
    pub english: String,
    /// "los" (Digdir's vocabulary), "glossary" (samla's) or "cognate" (one word in two
    /// spellings, see `cognate`).
    pub source: &'static str,
}

/// One reason, with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// Words saying what both titles are about (stems, compound parts), rarest first, and
    /// the word score; `spelling` is the trigram score (typos, compounds written apart).
    TitleWords { words: Vec<String>, score: f64, spelling: f64 },
    /// The kinds of service both titles name ("varsling", "statistikk"), and how far the
    /// kinds agree (1 when both name exactly these).
    SameKind { kinds: Vec<String>, score: f64 },
    /// The titles name different kinds of service: usually different initiatives.
    DifferentKind { a: Vec<String>, b: Vec<String> },
    /// Words both descriptions use, rarest first, with the word score and the trigram score
    /// (the one that counts).
    DescriptionWords { words: Vec<String>, score: f64, spelling: f64 },
    /// Concepts both name in other words: in the titles first, then the descriptions, with
    /// their scores; `across_languages` when one is English and the other Norwegian (the
    /// concepts are then what the pair is judged on).
    /// The scores are the concept scores, given across languages only (within one language
    /// the words and their spelling count).
    SameConcepts { concepts: Vec<SharedConcept>, title: Option<f64>, description: Option<f64>, across_languages: bool },
    /// The life events both name.
    LifeEvents { shared: Vec<String>, score: f64 },
    /// Both name life events, but none in common.
    DifferentLifeEvents { a: Vec<String>, b: Vec<String> },
    /// Who owns the two: across sectors is a parallel solution, one agency a re-submission.
    Owners { relation: OwnerRelation, a: Option<String>, b: Option<String> },
}

/// The shared words of two vectors, as a person would write them, rarest first (the
/// fewest records use them); concepts and cognate keys are shown as concepts instead.
fn shared_words(
    portfolio: &Portfolio,
    vocabulary: &Vocabulary,
    a: &SparseVector,
    b: &SparseVector,
    limit: usize,
) -> Vec<String> {
    shared_terms(portfolio, vocabulary, a, b, limit, None)
}

/// As [`shared_words`], each word shown as the two titles write it when they hold it,
/// perhaps inside a compound (the shorter of their two ways): «vergemål», not the «verger»
/// and «målet» the portfolio writes elsewhere for the two stems the compound was read as.
fn shared_title_words(
    portfolio: &Portfolio,
    (a, b): (&SparseVector, &SparseVector),
    titles: (&str, &str),
    limit: usize,
) -> Vec<String> {
    shared_terms(portfolio, &portfolio.object_terms, a, b, limit, Some(titles))
}

/// The word of `title` that holds the stem `term`: the word itself, else the shortest
/// word it begins, else (for stems of four letters or more) a compound it is part of.
fn as_written<'t>(term: &str, title: &'t str) -> Option<&'t str> {
    let words = || title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let folded = |w: &str| crate::text::fold(w);
    words()
        .find(|w| folded(w) == term)
        .or_else(|| words().filter(|w| folded(w).starts_with(term)).min_by_key(|w| w.len()))
        .or_else(|| (term.chars().count() >= 4).then(|| words().find(|w| folded(w).contains(term))).flatten())
}

fn shared_terms(
    portfolio: &Portfolio,
    vocabulary: &Vocabulary,
    a: &SparseVector,
    b: &SparseVector,
    limit: usize,
    titles: Option<(&str, &str)>,
) -> Vec<String> {
    let mut shared: Vec<(u32, f32, &str)> = a
        .shared(b)
        .into_iter()
        .map(|(term, weight)| (vocabulary.document_frequency(term), weight, vocabulary.term(term)))
        .filter(|(_, _, term)| !term.starts_with(['#', '~']))
        .collect();
    // Rarest first; of equally rare ones the longest, so a compound comes before its parts.
    shared.sort_by(|x, y| x.0.cmp(&y.0).then(y.2.len().cmp(&x.2.len())).then(y.1.total_cmp(&x.1)));
    let mut words: Vec<String> = Vec::new();
    for (_, _, term) in shared {
        let written = titles.and_then(|(a, b)| match (as_written(term, a), as_written(term, b)) {
            (Some(x), Some(y)) => Some(if y.chars().count() < x.chars().count() { y } else { x }),
            (x, y) => x.or(y),
        });
        // A part of a compound already shown («mål» of «vergemål») says nothing more.
        if titles.is_some() && written.is_none() && words.iter().any(|w| crate::text::fold(w).contains(term)) {
            continue;
        }
        let display = portfolio.display(term);
        let word = match written {
            // The capital of a title's first word is not the word's own ("Førerkort for …").
            Some(w) if display.starts_with(char::is_lowercase) && !w.chars().skip(1).any(char::is_uppercase) => {
                crate::text::lower_first(w)
            }
            Some(w) => w.to_string(),
            None => display,
        };
        if !words.contains(&word) {
            words.push(word);
        }
        if words.len() == limit {
            break;
        }
    }
    words
}

/// The concepts and cognates two vectors share, as a person reads them, strongest first;
/// those a word both share as written names anyway (`plain`) are left out.
fn shared_concepts(
    portfolio: &Portfolio,
    vocabulary: &Vocabulary,
    (a, b): (&SparseVector, &SparseVector),
    plain: &[ConceptId],
    out: &mut Vec<SharedConcept>,
) {
    let lexicon = Lexicon::builtin();
    for (term, _) in a.shared(b) {
        if term_concept(vocabulary.term(term)).is_some_and(|id| plain.contains(&id)) {
            continue;
        }
        let name = vocabulary.term(term);
        let concept = if let Some(key) = name.strip_prefix('~') {
            let (norwegian, english) = portfolio.cognate(key);
            SharedConcept { norwegian, english, source: "cognate" }
        } else if let Some(concept) = term_concept(name).and_then(|id| lexicon.concept(id)) {
            let source = if concept.source == Source::Los { "los" } else { "glossary" };
            SharedConcept { norwegian: concept.norwegian.clone(), english: concept.english.clone(), source }
        } else {
            continue;
        };
        let known = out.iter().any(|c| c.norwegian == concept.norwegian && c.english == concept.english);
        if !known && concept.norwegian != concept.english {
            out.push(concept);
        }
        if out.len() == CONCEPTS_SHOWN {
            return;
        }
    }
}

/// The reasons for a pair, strongest evidence first. Fields that add nothing are left out.
pub fn reasons(portfolio: &Portfolio, a: (usize, &Record), b: (usize, &Record), scores: &SubScores) -> Vec<Reason> {
    let (fa, fb) = (&portfolio.records[a.0], &portfolio.records[b.0]);
    let (ra, rb) = (a.1, b.1);
    let mut reasons = Vec::new();
    let title =
        shared_title_words(portfolio, (&fa.object_words, &fb.object_words), (&ra.title, &rb.title), TITLE_WORDS_SHOWN);
    if !title.is_empty() || scores.object_spelling > 0.0 {
        reasons.push(Reason::TitleWords {
            words: title.clone(),
            score: round(f64::from(scores.object_words)),
            spelling: round(f64::from(scores.object_spelling)),
        });
    }
    let kinds = &portfolio.kinds;
    match scores.same_kind {
        Some(agreement) if agreement > 0.0 => reasons
            .push(Reason::SameKind { kinds: kinds.names(fa.kinds & fb.kinds), score: round(f64::from(agreement)) }),
        Some(_) => reasons.push(Reason::DifferentKind { a: kinds.names(fa.kinds), b: kinds.names(fb.kinds) }),
        None => {}
    }
    let mut concepts = Vec::new();
    let across_languages = scores.across_languages;
    let named = portfolio.concepts_of_shared_words(&fa.object_words, &fb.object_words);
    let titles = if across_languages {
        (&fa.object_concepts, &fb.object_concepts)
    } else {
        (&fa.object_words, &fb.object_words)
    };
    shared_concepts(portfolio, &portfolio.object_terms, titles, &named, &mut concepts);
    let descriptions = (&fa.description_concepts, &fb.description_concepts);
    shared_concepts(portfolio, &portfolio.description_terms, descriptions, &named, &mut concepts);
    if !concepts.is_empty() {
        let shown = |score: f32| across_languages.then(|| round(f64::from(score)));
        reasons.push(Reason::SameConcepts {
            concepts,
            title: shown(scores.object_concepts),
            description: shown(scores.description_concepts),
            across_languages,
        });
    }
    let description = shared_words(
        portfolio,
        &portfolio.description_terms,
        &fa.description_words,
        &fb.description_words,
        DESCRIPTION_WORDS_SHOWN,
    );
    if !description.is_empty() {
        reasons.push(Reason::DescriptionWords {
            words: description,
            score: round(f64::from(scores.description_words)),
            spelling: round(f64::from(scores.description_spelling)),
        });
    }
    match scores.life_events {
        Some(score) if score > 0.0 => {
            let shared = ra.life_events.iter().filter(|e| rb.life_events.contains(e)).cloned().collect();
            reasons.push(Reason::LifeEvents { shared, score: round(f64::from(score)) });
        }
        Some(_) => {
            reasons.push(Reason::DifferentLifeEvents { a: ra.life_events.clone(), b: rb.life_events.clone() });
        }
        None => {}
    }
    reasons.push(Reason::Owners { relation: OwnerRelation::of(ra, rb), a: ra.agency.clone(), b: rb.agency.clone() });
    reasons
}

/// The rarest word both titles share: the best one-line explanation of a pair.
/// Across languages, where titles share few words, the strongest shared concept
/// ("gravferd / funerals").
pub fn headline(portfolio: &Portfolio, (a, b): (usize, usize), titles: (&str, &str)) -> Option<String> {
    let (fa, fb) = (&portfolio.records[a], &portfolio.records[b]);
    let word = shared_title_words(portfolio, (&fa.object_words, &fb.object_words), titles, 1).into_iter().next();
    word.or_else(|| {
        let mut concepts = Vec::new();
        let vectors = (&fa.object_concepts, &fb.object_concepts);
        shared_concepts(portfolio, &portfolio.object_terms, vectors, &[], &mut concepts);
        let vectors = (&fa.object_words, &fb.object_words);
        shared_concepts(portfolio, &portfolio.object_terms, vectors, &[], &mut concepts);
        concepts.first().map(|c| format!("{} / {}", c.norwegian, c.english))
    })
}

/// Scores are shown with three decimals; more is noise.
pub fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}
