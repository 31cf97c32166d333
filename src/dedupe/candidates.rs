//! Candidate pairs without comparing all pairs: an inverted index with prefix filtering
//! (the "All-Pairs" scheme of Bayardo, Ma and Srikant, 2007).
//!
//! Each vector's terms are ordered rarest first. Only the shortest prefix whose remaining
//! terms could not on their own reach the bar is indexed, so a record is indexed under its
//! one to three rarest terms and the long lists of "digital", "løsning" or "kommune" are
//! never built. Two records whose cosine reaches the bar must share an indexed term: the
//! unindexed rest of one vector has a norm below the bar, so it cannot make up the cosine
//! alone.
//!
//! Two limits keep the work linear where one word is shared by hundreds of initiatives (the
//! same service in every municipality): a term's list keeps only its latest
//! [`POSTINGS_PER_TERM`] records, and each record keeps its `per_record` nearest partners.
//! Below those sizes (any portfolio of a few thousand) the search is exact. Above them, a
//! second index on pairs of each record's rarest terms ("bostøtte" and "Gjøvik" together)
//! still finds the records that share several rare words, however far apart they are:
//! such a pair of words is rare even when each word alone is common.

use super::FastMap as HashMap;
use super::vocabulary::{SparseVector, TermId};
use std::collections::VecDeque;
use std::collections::hash_map::Entry;

/// The most records one term's (or pair of terms') list holds; older ones drop out as new
/// ones arrive.
pub const POSTINGS_PER_TERM: usize = 100;
/// How many of a record's rarest terms make the pairs of the second index.
const PAIRED_TERMS: usize = 3;
/// A pair of rare terms is meant to be rare; its list is kept shorter.
const POSTINGS_PER_PAIR: usize = 30;
/// Pairs of a record's [`PAIRED_TERMS`] rarest terms.
const PAIRED_KEYS: usize = PAIRED_TERMS * (PAIRED_TERMS - 1) / 2;

/// Pairs `(i, j)` with `i < j` whose cosine reaches `bar`, each exactly once, handed to
/// `each` about `chunk` at a time as they are found, so a caller can score them and let them
/// go (a million records' twenty million candidates were 160 MB held at once). `rank` gives
/// each term's place in the global order (rarest first). Each record `j` keeps at most
/// `per_record` partners among the records before it, the most similar first, so the
/// number of pairs stays linear in the records even when hundreds share one object.
pub fn candidate_chunks(
    vectors: &[&SparseVector],
    rank: &[u32],
    bar: f32,
    per_record: usize,
    chunk: usize,
    mut each: impl FnMut(&[(u32, u32)]),
) {
    let mut postings: Vec<VecDeque<(u32, f32)>> = vec![VecDeque::new(); rank.len()];
    // The norm of the unindexed rest of each vector, for pruning.
    let mut rest_norm: Vec<f32> = vec![0.0; vectors.len()];
    let mut accumulated: Vec<f32> = vec![0.0; vectors.len()];
    let mut touched: Vec<u32> = Vec::new();
    let mut nearest: Vec<(f32, u32)> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut ordered: Vec<(TermId, f32)> = Vec::new();
    let mut paired: HashMap<(TermId, TermId), Recent> = HashMap::default();
    paired.reserve(vectors.len().saturating_mul(PAIRED_KEYS));
    let mut keys: Vec<(TermId, TermId)> = Vec::new();
    // The last record that took each record as a candidate, so none is taken twice.
    let mut taken_by: Vec<u32> = vec![u32::MAX; vectors.len()];

    for (j, vector) in vectors.iter().enumerate() {
        ordered.clear();
        ordered.extend_from_slice(vector.entries());
        ordered.sort_unstable_by_key(|&(term, _)| rank[term as usize]);
        rarest_pairs(&ordered, &mut keys);

        // Probe with the whole vector against the prefixes indexed so far.
        for &(term, weight) in vector.entries() {
            for &(i, indexed_weight) in &postings[term as usize] {
                let slot = &mut accumulated[i as usize];
                if *slot == 0.0 {
                    touched.push(i);
                }
                *slot += weight * indexed_weight;
            }
        }
        // Rank by the shared indexed weight first (cheap), then take the exact cosine of the
        // most promising only.
        nearest.clear();
        for &i in &touched {
            let shared = accumulated[i as usize];
            if shared + rest_norm[i as usize] >= bar {
                nearest.push((shared, i));
            }
            accumulated[i as usize] = 0.0;
        }
        touched.clear();
        keep_best(&mut nearest, per_record.saturating_mul(2));
        for &(_, i) in &nearest {
            taken_by[i as usize] = j as u32;
        }
        for key in &keys {
            for i in paired.get(key).map(Recent::records).into_iter().flatten() {
                if taken_by[i as usize] != j as u32 {
                    taken_by[i as usize] = j as u32;
                    nearest.push((0.0, i));
                }
            }
        }
        for entry in &mut nearest {
            entry.0 = vectors[entry.1 as usize].cosine(vector);
        }
        nearest.retain(|e| e.0 >= bar);
        keep_best(&mut nearest, per_record);
        pairs.extend(nearest.iter().map(|&(_, i)| (i, j as u32)));
        if pairs.len() >= chunk {
            each(&pairs);
            pairs.clear();
        }

        for &key in &keys {
            match paired.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(Recent::One(j as u32));
                }
                Entry::Occupied(mut slot) => slot.get_mut().push(j as u32),
            }
        }
        rest_norm[j] = index_prefix(&mut postings, j as u32, &ordered, bar);
    }
    if !pairs.is_empty() {
        each(&pairs);
    }
}

/// The keys of the second index: each pair of the [`PAIRED_TERMS`] rarest terms of a
/// vector ordered rarest first, into `keys`.
fn rarest_pairs(ordered: &[(TermId, f32)], keys: &mut Vec<(TermId, TermId)>) {
    keys.clear();
    let rarest = &ordered[..ordered.len().min(PAIRED_TERMS)];
    for (x, &(first, _)) in rarest.iter().enumerate() {
        for &(second, _) in &rarest[x + 1..] {
            keys.push((first, second));
        }
    }
}

/// Indexes the prefix of record `j`'s vector (ordered rarest first): its rarest terms until
/// the norm of the rest drops below `bar`. Gives that rest's norm, for pruning.
fn index_prefix(postings: &mut [VecDeque<(u32, f32)>], j: u32, ordered: &[(TermId, f32)], bar: f32) -> f32 {
    let mut rest_squared: f32 = ordered.iter().map(|e| e.1 * e.1).sum();
    for &(term, weight) in ordered {
        if rest_squared.sqrt() < bar {
            break;
        }
        let list = &mut postings[term as usize];
        if list.len() == POSTINGS_PER_TERM {
            list.pop_front();
        }
        list.push_back((j, weight));
        rest_squared -= weight * weight;
    }
    rest_squared.max(0.0).sqrt()
}

/// The latest records indexed under a pair of terms. Nearly every pair of a record's
/// rarest terms is that record's alone, so one record is kept in place and only a shared
/// pair gets a list: at a million records this index took 200 MB with a list for each.
enum Recent {
    One(u32),
    // Boxed on purpose: it keeps each entry of the index 16 bytes, where a VecDeque is 32.
    #[allow(clippy::box_collection)]
    Many(Box<VecDeque<u32>>),
}

impl Recent {
    fn push(&mut self, record: u32) {
        match self {
            Recent::One(first) => *self = Recent::Many(Box::new(VecDeque::from([*first, record]))),
            Recent::Many(list) => {
                if list.len() == POSTINGS_PER_PAIR {
                    list.pop_front();
                }
                list.push_back(record);
            }
        }
    }

    fn records(&self) -> impl Iterator<Item = u32> + '_ {
        let (one, many) = match self {
            Recent::One(record) => (Some(*record), None),
            Recent::Many(list) => (None, Some(list.iter().copied())),
        };
        one.into_iter().chain(many.into_iter().flatten())
    }
}

/// Keeps the `limit` entries with the highest score (ties: lower index first).
fn keep_best(entries: &mut Vec<(f32, u32)>, limit: usize) {
    if entries.len() > limit && limit > 0 {
        entries.select_nth_unstable_by(limit - 1, |x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        entries.truncate(limit);
    }
}

/// Each term's place when terms are ordered by document frequency, rarest first.
pub fn rarity_rank(document_frequency: &[u32]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..document_frequency.len() as u32).collect();
    order.sort_by_key(|&t| (document_frequency[t as usize], t));
    let mut rank = vec![0; document_frequency.len()];
    for (place, term) in order.into_iter().enumerate() {
        rank[term as usize] = place as u32;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every candidate pair in one list.
    fn candidate_pairs(vectors: &[&SparseVector], rank: &[u32], bar: f32, per_record: usize) -> Vec<(u32, u32)> {
        let mut all = Vec::new();
        candidate_chunks(vectors, rank, bar, per_record, usize::MAX, |chunk| all.extend_from_slice(chunk));
        all
    }

    fn brute_force(vectors: &[SparseVector], bar: f32) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        for j in 0..vectors.len() {
            for i in 0..j {
                if vectors[i].cosine(&vectors[j]) >= bar {
                    out.push((i as u32, j as u32));
                }
            }
        }
        out
    }

    #[test]
    fn finds_every_pair_that_brute_force_finds() {
        // A deterministic pseudo-random portfolio: 300 vectors over 40 terms, skewed so a
        // few terms are common.
        let mut seed: u64 = 7;
        let mut next = move || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u32
        };
        let mut df = vec![0u32; 40];
        let vectors: Vec<SparseVector> = (0..300)
            .map(|_| {
                let n = 2 + next() % 4;
                let entries: Vec<(u32, f32)> =
                    (0..n).map(|_| ((next() % 40).min(next() % 40), 1.0 + (next() % 5) as f32)).collect();
                let v = SparseVector::normalised(entries);
                for &(t, _) in v.entries() {
                    df[t as usize] += 1;
                }
                v
            })
            .collect();
        let rank = rarity_rank(&df);
        for bar in [0.3, 0.5, 0.8] {
            let refs: Vec<&SparseVector> = vectors.iter().collect();
            let mut found = candidate_pairs(&refs, &rank, bar, usize::MAX);
            let mut unique = found.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), found.len(), "each pair once");
            found.retain(|&(i, j)| vectors[i as usize].cosine(&vectors[j as usize]) >= bar);
            found.sort_unstable();
            let expected = brute_force(&vectors, bar);
            let missed: Vec<_> = expected.iter().filter(|p| !found.contains(p)).collect();
            let extra: Vec<_> = found.iter().filter(|p| !expected.contains(p)).collect();
            assert!(missed.is_empty() && extra.is_empty(), "bar {bar}: missed {missed:?}, extra {extra:?}");

            // In chunks: the same pairs in the same order, each chunk let go before the next.
            let (per_record, chunk) = (5, 64);
            let whole = candidate_pairs(&refs, &rank, bar, per_record);
            let mut chunks: Vec<Vec<(u32, u32)>> = Vec::new();
            candidate_chunks(&refs, &rank, bar, per_record, chunk, |pairs| chunks.push(pairs.to_vec()));
            assert!(chunks.len() > 1, "bar {bar}: {} pairs in one chunk", whole.len());
            let (last, full) = chunks.split_last().expect("chunks");
            assert!(full.iter().all(|c| c.len() >= chunk && c.len() < chunk + per_record));
            assert!(!last.is_empty());
            assert_eq!(chunks.concat(), whole);
        }
    }

    #[test]
    fn indexes_rare_terms_only() {
        let common = SparseVector::normalised(vec![(0, 0.1), (1, 1.0)]);
        let other = SparseVector::normalised(vec![(0, 0.1), (2, 1.0)]);
        // Sharing only the common, light term 0 never makes a candidate at 0.5.
        let rank = rarity_rank(&[2, 1, 1]);
        assert!(candidate_pairs(&[&common, &other], &rank, 0.5, 10).is_empty());
    }

    #[test]
    fn keeps_the_nearest_partners_per_record() {
        // Ten copies of one title and a near one last: the last keeps its three nearest.
        let same = SparseVector::normalised(vec![(0, 1.0), (1, 1.0)]);
        let near = SparseVector::normalised(vec![(0, 1.0), (1, 1.0), (2, 0.2)]);
        let mut vectors: Vec<&SparseVector> = vec![&same; 10];
        vectors.push(&near);
        let rank = rarity_rank(&[11, 11, 1]);
        let pairs = candidate_pairs(&vectors, &rank, 0.5, 3);
        assert_eq!(pairs.iter().filter(|p| p.1 == 10).count(), 3);
        assert!(pairs.iter().all(|p| p.0 < p.1));
    }
}
