//! Which pairs are scored at all: two searches of the inverted index (see `candidates`).
//!
//! The first looks for records whose title objects share rare words, as written. The second
//! looks for what the first cannot see: records whose objects name the same concepts in
//! other words or another language ("gravferd" / "funeral"), or whose descriptions share
//! concepts and rare words where the titles say little alike. A pair the first search
//! reaches is left to it, so each pair is handed on once.

use super::candidates::{self, candidate_chunks};
use super::features::Portfolio;
use super::vocabulary::{SparseVector, TermId};

/// The description's concepts and rarest words count for this much beside the title's
/// concepts: they say what an initiative is about less directly than its title does.
const DESCRIPTION_SHARE: f32 = 0.5;
/// How many of a description's rarest words (used by two records at least) it is found by.
const RARE_DESCRIPTION_WORDS: usize = 3;

/// The bounds of one search: the cosine a pair must be able to reach, and how many
/// partners each record keeps.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Search {
    pub bar: f32,
    pub per_record: usize,
}

/// Hands every candidate pair `(i, j)`, `i < j`, to `each`, about `chunk` at a time.
pub(crate) fn candidate_pairs(
    portfolio: &Portfolio,
    search: Search,
    chunk: usize,
    mut each: impl FnMut(&[(u32, u32)]),
) {
    let objects: Vec<&SparseVector> = portfolio.records.iter().map(|f| &f.object_words).collect();
    let terms = &portfolio.object_terms;
    let frequency: Vec<u32> = (0..terms.len() as u32).map(|t| terms.document_frequency(t)).collect();
    candidate_chunks(&objects, &candidates::rarity_rank(&frequency), search.bar, search.per_record, chunk, &mut each);

    let (concepts, frequency) = concept_vectors(portfolio);
    let references: Vec<&SparseVector> = concepts.iter().collect();
    let rank = candidates::rarity_rank(&frequency);
    let mut fresh: Vec<(u32, u32)> = Vec::new();
    candidate_chunks(&references, &rank, search.bar, search.per_record, chunk, |pairs| {
        fresh.clear();
        let first_search_missed = |&&(i, j): &&(u32, u32)| objects[i as usize].cosine(objects[j as usize]) < search.bar;
        fresh.extend(pairs.iter().filter(first_search_missed));
        if !fresh.is_empty() {
            each(&fresh);
        }
    });
}

/// Each record's vector for the second search: its object's concepts, and (at a lower
/// weight, in terms of their own) its description's concepts and rarest words. With the
/// number of records each term is in.
fn concept_vectors(portfolio: &Portfolio) -> (Vec<SparseVector>, Vec<u32>) {
    let offset = portfolio.object_terms.len() as TermId;
    let description = &portfolio.description_terms;
    let mut frequency: Vec<u32> = vec![0; offset as usize + description.len()];
    let vectors: Vec<SparseVector> = portfolio
        .records
        .iter()
        .map(|record| {
            let mut entries: Vec<(TermId, f32)> = record.object_concepts.entries().to_vec();
            let shared = |(term, weight): (TermId, f32)| (offset + term, weight * DESCRIPTION_SHARE);
            entries.extend(record.description_concepts.entries().iter().copied().map(shared));
            let mut rare: Vec<(TermId, f32)> = record
                .description_words
                .entries()
                .iter()
                .copied()
                .filter(|&(term, _)| description.document_frequency(term) >= 2)
                .collect();
            rare.sort_by_key(|&(term, _)| (description.document_frequency(term), term));
            entries.extend(rare.into_iter().take(RARE_DESCRIPTION_WORDS).map(shared));
            let vector = SparseVector::normalised(entries);
            for &(term, _) in vector.entries() {
                frequency[term as usize] += 1;
            }
            vector
        })
        .collect();
    (vectors, frequency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::kinds::ServiceKinds;
    use crate::dedupe::language::{Language, detect};
    use crate::dedupe::lexicon::Lexicon;

    fn pairs(records: &[(&str, &str)]) -> Vec<(u32, u32)> {
        let titles: Vec<&str> = records.iter().map(|r| r.0).collect();
        let descriptions: Vec<Option<String>> = records.iter().map(|r| Some(r.1.to_string())).collect();
        let languages: Vec<Language> = records.iter().map(|r| detect(r.0, Some(r.1))).collect();
        let portfolio =
            Portfolio::build(&titles, descriptions, &languages, &ServiceKinds::builtin(), Lexicon::builtin());
        let mut all = Vec::new();
        candidate_pairs(&portfolio, Search { bar: 0.3, per_record: 20 }, 4, |p| all.extend_from_slice(p));
        all.sort_unstable();
        all
    }

    #[test]
    fn finds_pairs_by_title_words_by_concepts_across_languages_and_each_once() {
        let found = pairs(&[
            ("Digital søknad om gravferdsstøtte", "Etterlatte kan søke om støtte til gravferden på nett."),
            ("Søknadstjeneste for gravferdsstøtte", "Etterlatte søker om støtte til gravferd digitalt."),
            ("Online application for funeral support", "The bereaved can apply for funeral support online."),
            ("Statistikk om fiskekvoter", "Løpende statistikk om kvoter for fiskere."),
        ]);
        assert!(found.contains(&(0, 1)), "the same words: {found:?}");
        assert!(found.contains(&(0, 2)) && found.contains(&(1, 2)), "the same concepts in English: {found:?}");
        assert!(!found.iter().any(|p| p.1 == 3), "nothing in common: {found:?}");
        let mut unique = found.clone();
        unique.dedup();
        assert_eq!(unique, found, "each pair once");
    }
}
