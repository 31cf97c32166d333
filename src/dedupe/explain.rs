//! Why a pair looks alike, in terms a person can check against the two records.

use super::Record;
use super::features::Portfolio;
use super::score::{OwnerRelation, SubScores};
use super::vocabulary::{SparseVector, Vocabulary};
use serde::Serialize;

/// How many shared words to list per field: the rarest ones, which carry the match.
const TITLE_WORDS_SHOWN: usize = 5;
const DESCRIPTION_WORDS_SHOWN: usize = 6;

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
    /// The life events both name.
    LifeEvents { shared: Vec<String>, score: f64 },
    /// Both name life events, but none in common.
    DifferentLifeEvents { a: Vec<String>, b: Vec<String> },
    /// Who owns the two: across sectors is a parallel solution, one agency a re-submission.
    Owners { relation: OwnerRelation, a: Option<String>, b: Option<String> },
}

/// The shared words of two vectors, as a person would write them, rarest first.
fn shared_words(
    portfolio: &Portfolio,
    vocabulary: &Vocabulary,
    a: &SparseVector,
    b: &SparseVector,
    limit: usize,
) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for (term, _) in a.shared(b) {
        let word = portfolio.display(vocabulary.term(term));
        if !words.contains(&word) {
            words.push(word);
        }
        if words.len() == limit {
            break;
        }
    }
    words
}

/// The reasons for a pair, strongest evidence first. Fields that add nothing are left out.
pub fn reasons(portfolio: &Portfolio, a: (usize, &Record), b: (usize, &Record), scores: &SubScores) -> Vec<Reason> {
    let (fa, fb) = (&portfolio.records[a.0], &portfolio.records[b.0]);
    let (ra, rb) = (a.1, b.1);
    let mut reasons = Vec::new();
    let title = shared_words(portfolio, &portfolio.object_terms, &fa.object_words, &fb.object_words, TITLE_WORDS_SHOWN);
    if !title.is_empty() || scores.object_spelling > 0.0 {
        reasons.push(Reason::TitleWords {
            words: title,
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
pub fn headline(portfolio: &Portfolio, a: usize, b: usize) -> Option<String> {
    let (fa, fb) = (&portfolio.records[a], &portfolio.records[b]);
    shared_words(portfolio, &portfolio.object_terms, &fa.object_words, &fb.object_words, 1).into_iter().next()
}

/// Scores are shown with three decimals; more is noise.
pub fn round(score: f64) -> f64 {
    (score * 1000.0).round() / 1000.0
}
