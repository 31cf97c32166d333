//! Character trigrams: counted across the portfolio, weighted by how rare they are, and kept
//! as unit vectors in four bytes an entry, every record's in one table.
//!
//! Trigrams catch what words miss (typos, inflection, compounds written apart), and they are
//! most of an analysis's memory: a description has a hundred or more.

use super::vocabulary::{TermId, for_each_shared, idf};
use rayon::prelude::*;

/// Letters and digits of folded words, and the word-edge mark: the alphabet of trigrams.
const GRAM_ALPHABET: u32 = 37;

/// Every trigram number fits the sixteen bits a [`GramTable`] keeps it in.
const _: () = assert!(GRAM_ALPHABET * GRAM_ALPHABET * GRAM_ALPHABET <= 1 << 16);

/// The scale of the weights kept: 1.0 is stored as this.
const GRAM_WEIGHT_ONE: f64 = u16::MAX as f64;

/// Records whose vectors one core writes at a time while a table is built.
const RECORDS_PER_PIECE: usize = 4096;

/// Character trigrams as numbers, counted in a plain table: folded words are ASCII letters
/// and digits, so there are only 37³ trigrams and none needs a string or a hash.
#[derive(Debug, Clone)]
pub struct TrigramVocabulary {
    document_frequency: Vec<u32>,
    documents: u32,
}

impl Default for TrigramVocabulary {
    fn default() -> Self {
        Self { document_frequency: vec![0; (GRAM_ALPHABET * GRAM_ALPHABET * GRAM_ALPHABET) as usize], documents: 0 }
    }
}

fn gram_symbol(byte: u8) -> u32 {
    match byte {
        b'a'..=b'z' => u32::from(byte - b'a') + 1,
        b'0'..=b'9' => u32::from(byte - b'0') + 27,
        // The word edge, and anything a folded word should not hold.
        _ => 0,
    }
}

impl TrigramVocabulary {
    /// The trigrams of a folded word with its edges marked ("#do", "dod", …, "bo#"): a typo
    /// or a compound written apart still shares most of them.
    pub fn trigrams(word: &str, out: &mut Vec<TermId>) {
        let symbols: Vec<u32> =
            std::iter::once(0).chain(word.bytes().map(gram_symbol)).chain(std::iter::once(0)).collect();
        for w in symbols.windows(3) {
            out.push((w[0] * GRAM_ALPHABET + w[1]) * GRAM_ALPHABET + w[2]);
        }
    }

    /// Counts one document's grams; leaves them sorted without repeats, as a
    /// [`GramTable`] is built from.
    pub fn count_document(&mut self, grams: &mut Vec<TermId>) {
        self.documents += 1;
        grams.sort_unstable();
        grams.dedup();
        for &gram in grams.iter() {
            self.document_frequency[gram as usize] += 1;
        }
    }

    /// Each gram's IDF, once every document is counted.
    pub fn weights(&self) -> Vec<f32> {
        self.document_frequency.iter().map(|&df| idf(self.documents, df)).collect()
    }
}

/// Every record's unit-length TF-IDF trigram vector, one after another in a single list
/// (compressed rows): each entry the trigram's number and its weight in steps of 1/65 535.
///
/// Four bytes an entry: a weight's rounding moves a cosine by less than a thousandth of the
/// rounding scores are shown with. One list rather than a vector per record: no allocation
/// and size rounding per record, and when the table is let go its memory goes back to the
/// system at once. A million small vectors, built on worker threads and freed from another,
/// stayed with the allocator until those threads next allocated, which at a million
/// initiatives was while the review queue was written out (0.2 GB more at the peak).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct GramTable {
    entries: Vec<(u16, u16)>,
    /// Where each record's vector starts in `entries`, and where the last one ends.
    starts: Vec<usize>,
}

/// One record's vector in a [`GramTable`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct GramVector<'a> {
    entries: &'a [(u16, u16)],
}

impl GramTable {
    /// The vectors of records `0..lengths.len()`: `grams_of(i)` gives record `i`'s grams
    /// sorted without repeats (as [`TrigramVocabulary::count_document`] leaves them), and
    /// `lengths[i]` says how many it gives. Built on all cores into a list allocated once.
    pub fn build(lengths: &[usize], weights: &[f32], grams_of: impl Fn(usize) -> Vec<TermId> + Sync) -> Self {
        let mut starts = Vec::with_capacity(lengths.len() + 1);
        let mut total = 0;
        starts.push(0);
        for &length in lengths {
            total += length;
            starts.push(total);
        }
        let mut entries = vec![(0u16, 0u16); total];
        // The list cut at record boundaries into pieces, each written by one core.
        let mut pieces: Vec<(usize, &mut [(u16, u16)])> = Vec::new();
        let mut rest = entries.as_mut_slice();
        for first in (0..lengths.len()).step_by(RECORDS_PER_PIECE) {
            let end = (first + RECORDS_PER_PIECE).min(lengths.len());
            let (piece, tail) = std::mem::take(&mut rest).split_at_mut(starts[end] - starts[first]);
            pieces.push((first, piece));
            rest = tail;
        }
        pieces.into_par_iter().for_each(|(first, piece)| {
            let end = (first + RECORDS_PER_PIECE).min(lengths.len());
            let mut at = 0;
            for record in first..end {
                let slots = &mut piece[at..at + lengths[record]];
                write_normalised(&grams_of(record), weights, slots);
                at += lengths[record];
            }
        });
        Self { entries, starts }
    }

    /// Record `i`'s vector; empty for a record the table does not have.
    pub fn vector(&self, i: usize) -> GramVector<'_> {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => GramVector { entries: &self.entries[start..end] },
            _ => GramVector::default(),
        }
    }

    /// How many records' vectors it holds.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Writes the unit-length vector of `grams` (sorted without repeats) with their `weights`
/// into `slots`, one slot a gram. Slots beyond the grams are left as they are.
fn write_normalised(grams: &[TermId], weights: &[f32], slots: &mut [(u16, u16)]) {
    let weight = |g: TermId| f64::from(weights.get(g as usize).copied().unwrap_or(0.0));
    let norm = grams.iter().map(|&g| weight(g) * weight(g)).sum::<f64>().sqrt();
    if norm <= 0.0 {
        return;
    }
    let scale = GRAM_WEIGHT_ONE / norm;
    for (slot, &gram) in slots.iter_mut().zip(grams) {
        *slot = (gram as u16, (weight(gram) * scale).round().min(GRAM_WEIGHT_ONE) as u16);
    }
}

impl GramVector<'_> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The cosine of two unit vectors.
    pub fn cosine(&self, other: &GramVector<'_>) -> f32 {
        let mut sum = 0u64;
        for_each_shared(self.entries, other.entries, |_, x, y| sum += u64::from(x) * u64::from(y));
        (sum as f64 / (GRAM_WEIGHT_ONE * GRAM_WEIGHT_ONE)).min(1.0) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::vocabulary::SparseVector;

    /// A table of the given gram lists (each sorted without repeats).
    fn table(lists: &[Vec<TermId>], weights: &[f32]) -> GramTable {
        let lengths: Vec<usize> = lists.iter().map(Vec::len).collect();
        GramTable::build(&lengths, weights, |i| lists[i].clone())
    }

    #[test]
    fn trigrams_are_numbers_with_marked_edges() {
        let mut grams = Vec::new();
        TrigramVocabulary::trigrams("bo", &mut grams);
        assert_eq!(grams.len(), 2, "#bo and bo#");
        let mut v = TrigramVocabulary::default();
        v.count_document(&mut grams);
        let mut other = Vec::new();
        TrigramVocabulary::trigrams("bod", &mut other);
        v.count_document(&mut other);
        let table = table(&[grams, other], &v.weights());
        assert!(table.vector(0).cosine(&table.vector(1)) > 0.0, "both start with #bo");
    }

    #[test]
    fn gram_vectors_in_four_bytes_score_as_full_precision_does() {
        let mut seed: u64 = 11;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u32
        };
        let weights: Vec<f32> = (0..GRAM_ALPHABET.pow(3)).map(|g| 0.5 + (g % 97) as f32 / 10.0).collect();
        // More records than one piece holds, so that pieces meet.
        let lists: Vec<Vec<TermId>> = (0..RECORDS_PER_PIECE + 300)
            .map(|_| {
                let mut g: Vec<TermId> = (0..20 + next() % 100).map(|_| next() % 2_000).collect();
                g.sort_unstable();
                g.dedup();
                g
            })
            .collect();
        let table = table(&lists, &weights);
        assert_eq!(table.len(), lists.len());
        let exact = |g: &[TermId]| SparseVector::normalised(g.iter().map(|&t| (t, weights[t as usize])).collect());
        for i in (0..lists.len() - 1).step_by(17) {
            let full = exact(&lists[i]).cosine(&exact(&lists[i + 1]));
            let small = table.vector(i).cosine(&table.vector(i + 1));
            assert!((full - small).abs() < 1e-4, "{i}: {full} vs {small}");
            assert_eq!(table.vector(i).len(), lists[i].len());
            assert!((table.vector(i).cosine(&table.vector(i)) - 1.0).abs() < 1e-4);
        }
        assert_eq!(table.vector(0).cosine(&GramVector::default()), 0.0);
    }

    #[test]
    fn an_empty_list_or_a_missing_record_is_an_empty_vector() {
        let weights = vec![1.0; 100];
        let table = table(&[vec![], vec![1, 2, 3], vec![]], &weights);
        assert!(table.vector(0).is_empty());
        assert_eq!(table.vector(1).len(), 3);
        assert!(table.vector(2).is_empty());
        assert!(table.vector(3).is_empty());
        assert!(GramTable::default().vector(0).is_empty());
        assert!(GramTable::default().is_empty());
    }
}
