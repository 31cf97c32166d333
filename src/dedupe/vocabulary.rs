//! Terms, how rare they are across the portfolio (IDF), and sparse TF-IDF vectors of them
//! (the character trigrams have their own, smaller form: `grams`).
//!
//! A term shared by two titles says more the rarer it is: "digital" and "løsning" are in
//! every other title, "dødsbo" in a handful. Weighting by inverse document frequency is
//! what lets a pair that shares "dødsbo" outrank one that shares "felles løsning for".

use super::FastMap as HashMap;

pub type TermId = u32;

/// Interns terms and counts in how many documents each appears.
#[derive(Debug, Default, Clone)]
pub struct Vocabulary {
    ids: HashMap<String, TermId>,
    terms: Vec<String>,
    document_frequency: Vec<u32>,
    documents: u32,
}

impl Vocabulary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one document's terms (each counted once per document) and returns the id of
    /// each term given, in order.
    pub fn add_document<S: AsRef<str>>(&mut self, terms: &[S]) -> Vec<TermId> {
        let ids: Vec<TermId> = terms.iter().map(|t| self.intern(t.as_ref())).collect();
        self.count_document(&ids);
        ids
    }

    /// Counts one document made of terms interned already (repeats counted once).
    pub fn count_document(&mut self, ids: &[TermId]) {
        self.documents += 1;
        let mut unique = ids.to_vec();
        unique.sort_unstable();
        unique.dedup();
        for id in unique {
            self.document_frequency[id as usize] += 1;
        }
    }

    /// The id of a term, adding it (with no documents yet) when new.
    pub fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as TermId;
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.document_frequency.push(0);
        id
    }

    pub fn term(&self, id: TermId) -> &str {
        &self.terms[id as usize]
    }

    pub fn id(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    pub fn document_frequency(&self, id: TermId) -> u32 {
        self.document_frequency[id as usize]
    }

    pub fn documents(&self) -> u32 {
        self.documents
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// ln(1 + N/df): a term in every document still weighs ln 2, one in a single document
    /// of 1 000 weighs about 6.9.
    pub fn idf(&self, id: TermId) -> f32 {
        idf(self.documents, self.document_frequency(id))
    }

    /// A unit-length vector of the given terms, each weighted by IDF times `boost` (1.0 for
    /// an ordinary term; less for terms that only restate others, such as compound parts).
    pub fn vector(&self, terms: &[(TermId, f32)]) -> SparseVector {
        weighted(terms, |id| self.idf(id))
    }
}

pub(super) fn idf(documents: u32, document_frequency: u32) -> f32 {
    (1.0 + documents as f32 / document_frequency.max(1) as f32).ln()
}

fn weighted(terms: &[(TermId, f32)], idf: impl Fn(TermId) -> f32) -> SparseVector {
    let mut entries: Vec<(TermId, f32)> = terms.iter().map(|&(id, boost)| (id, idf(id) * boost)).collect();
    // A term given twice (a word and a compound part) keeps its larger weight.
    entries.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    entries.dedup_by_key(|e| e.0);
    SparseVector::normalised(entries)
}

/// A sparse vector of unit length, sorted by term id.
///
/// A boxed slice, not a Vec: every record keeps two of these (title object and description
/// words) for as long as the analysis lives, and the Vec a vector is built from holds each
/// repeated term until the dedup, so its spare capacity would stay allocated.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct SparseVector {
    entries: Box<[(TermId, f32)]>,
}

impl SparseVector {
    pub fn normalised(mut entries: Vec<(TermId, f32)>) -> Self {
        entries.sort_unstable_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let norm = entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for entry in &mut entries {
                entry.1 /= norm;
            }
        }
        Self { entries: entries.into_boxed_slice() }
    }

    pub fn entries(&self) -> &[(TermId, f32)] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cosine of two unit vectors.
    pub fn cosine(&self, other: &SparseVector) -> f32 {
        let mut sum = 0.0;
        for_each_shared(&self.entries, &other.entries, |_, x, y| sum += x * y);
        sum.min(1.0)
    }

    /// The shared terms with their contribution to the cosine, largest first.
    pub fn shared(&self, other: &SparseVector) -> Vec<(TermId, f32)> {
        let mut out: Vec<(TermId, f32)> = Vec::new();
        for_each_shared(&self.entries, &other.entries, |term, x, y| out.push((term, x * y)));
        out.sort_by(|x, y| y.1.total_cmp(&x.1));
        out
    }
}

/// Calls `both` with each key two lists sorted by key share, and its two values, in key
/// order: the walk behind every cosine here.
#[inline]
pub(super) fn for_each_shared<K: Ord + Copy, A: Copy, B: Copy>(
    a: &[(K, A)],
    b: &[(K, B)],
    mut both: impl FnMut(K, A, B),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both(a[i].0, a[i].1, b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_terms_weigh_more() {
        let mut v = Vocabulary::new();
        for _ in 0..9 {
            v.add_document(&["digital"]);
        }
        v.add_document(&["digital", "dodsbo"]);
        let digital = v.id("digital").expect("digital");
        let dodsbo = v.id("dodsbo").expect("dodsbo");
        assert_eq!(v.document_frequency(digital), 10);
        assert!(v.idf(dodsbo) > 3.0 * v.idf(digital));
    }

    #[test]
    fn counts_a_term_once_per_document() {
        let mut v = Vocabulary::new();
        let ids = v.add_document(&["a", "b", "a"]);
        assert_eq!(ids, vec![0, 1, 0]);
        assert_eq!(v.document_frequency(ids[0]), 1);
    }

    #[test]
    fn cosine_of_unit_vectors() {
        let x = SparseVector::normalised(vec![(1, 1.0), (2, 1.0)]);
        let y = SparseVector::normalised(vec![(2, 1.0), (3, 1.0)]);
        assert!((x.cosine(&x) - 1.0).abs() < 1e-6);
        assert!((x.cosine(&y) - 0.5).abs() < 1e-6);
        assert_eq!(x.shared(&y).len(), 1);
        assert_eq!(x.cosine(&SparseVector::default()), 0.0);
    }
}
