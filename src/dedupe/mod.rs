//! Parallel solutions: pairs of initiatives that look like the same effort, why they do, and
//! groups of them. Pure: records in, pairs and clusters out; no SQL, no screen.
//!
//! normalise (words, stems, phase markers) → spelling (typos from the portfolio) and
//! compound (splitting from the portfolio's own words) → kinds (what kind of service a
//! title names) → features (TF-IDF vectors: vocabulary) → candidates (prefix-filtered
//! inverted index) → score (sub-scores, one score) → explain (reasons) → cluster (groups) →
//! review (decisions and the queue a review screen shows).

pub mod candidates;
pub mod cluster;
pub mod compound;
pub mod describe;
pub mod explain;
pub mod features;
pub mod highlight;
pub mod kinds;
pub mod normalise;
pub mod review;
pub mod score;
pub mod spelling;
pub mod vocabulary;

pub use cluster::{Cluster, ClusterSettings, clusters};
pub use explain::Reason;
pub use kinds::ServiceKinds;
pub use review::{Decision, DecisionRecord, ReviewItem, ReviewQueue};
pub use score::{OwnerRelation, SubScores};

use features::Portfolio;
use rayon::prelude::*;
use serde::Serialize;

pub(crate) use crate::{FastMap, FastSet};

/// The score at or above which a pair is shown, unless the user gives another. Chosen on
/// the labelled development portfolio as the best F1 (see README, "Duplicates").
pub const DEFAULT_THRESHOLD: f64 = 0.6;

/// Pairs at or above this join clusters (the cluster bar is never below the threshold).
pub const DEFAULT_CLUSTER_BAR: f64 = 0.7;

/// How many others each record is compared with in full: its nearest by title. Keeps the
/// work linear in the portfolio's size where one object recurs hundreds of times (the same
/// service in every municipality); a review never needs more than this per initiative.
pub const CANDIDATES_PER_RECORD: usize = 20;

/// The object word score (what the titles are about) a pair needs to be scored at all.
/// Below it the titles share at most a common word; the description alone does not make
/// two initiatives one.
pub const CANDIDATE_BAR: f32 = 0.3;
/// Candidates scored per parallel batch (see [`Analysis::pairs`]).
const SCORED_AT_A_TIME: usize = 1 << 18;

/// One initiative as the duplicate search sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub id: i64,
    /// The name of the file it was last imported from.
    pub source_file: String,
    /// Its key in that file.
    pub key: String,
    pub title: String,
    pub description: Option<String>,
    /// The owner agency's short name.
    pub agency: Option<String>,
    /// Ministry codes, lead first.
    pub ministries: Vec<String>,
    /// Life event codes.
    pub life_events: Vec<String>,
}

/// A candidate pair: two initiatives that look like one effort. Its reasons are worked
/// out on demand ([`Analysis::reasons`]), so a large portfolio's pairs stay small.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The lower initiative id.
    pub a: i64,
    pub b: i64,
    pub score: f64,
    pub sub_scores: SubScores,
    pub owners: OwnerRelation,
}

impl Pair {
    pub fn involves(&self, id: i64) -> bool {
        self.a == id || self.b == id
    }
}

/// Every pair of `records` scoring at least `threshold`, highest first (ties by ids).
pub fn find_pairs(records: &[Record], kinds: &ServiceKinds, threshold: f64) -> Vec<Pair> {
    Analysis::new(records.to_vec(), kinds).pairs(threshold)
}

/// A portfolio prepared for comparison: build once, then ask for the candidate pairs,
/// score any two records (a pair the analyst decided on earlier, whatever its score now),
/// or explain a pair.
#[derive(Debug)]
pub struct Analysis {
    records: Vec<Record>,
    portfolio: Portfolio,
    index_of: FastMap<i64, usize>,
    /// The trigram vectors, needed to score but not to explain, were let go.
    explain_only: bool,
}

impl Analysis {
    /// Prepares `records`. Their descriptions are read into the comparable form and then
    /// let go (a quarter of a large analysis's memory): `records()` and `record()` give them
    /// without one; show a description from the store or the portfolio.
    pub fn new(mut records: Vec<Record>, kinds: &ServiceKinds) -> Self {
        let portfolio = Portfolio::build(&mut records, kinds);
        let index_of = records.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
        Self { records, portfolio, index_of, explain_only: false }
    }

    /// Lets go of what only scoring needs (the character trigrams of titles and
    /// descriptions, most of the analysis's memory), keeping what explaining a scored pair
    /// needs. Afterwards `pairs` and `pair` score nothing.
    pub(crate) fn keep_for_explaining(&mut self) {
        self.explain_only = true;
        for features in &mut self.portfolio.records {
            features.object_grams = Default::default();
            features.description_grams = Default::default();
        }
    }

    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn record(&self, id: i64) -> Option<&Record> {
        self.index_of.get(&id).map(|&i| &self.records[i])
    }

    /// Every pair scoring at least `threshold`, highest first (ties by ids). Each record is
    /// compared with at most [`CANDIDATES_PER_RECORD`] others, its nearest by title.
    pub fn pairs(&self, threshold: f64) -> Vec<Pair> {
        let mut pairs = self.pairs_as(threshold, |_, _| true, |pair| pair);
        pairs.par_sort_unstable_by(|x, y| y.score.total_cmp(&x.score).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
        pairs
    }

    /// What `make` makes of every pair scoring at least `threshold` whose ids `wanted`
    /// accepts, in no particular order: a caller that wraps each pair gets its own list
    /// without holding all pairs twice.
    ///
    /// The candidates are scored in chunks as they are found, keeping only which of them
    /// reach the threshold; those are then scored again straight into a list of their exact
    /// size. Kept as pairs in growing lists and gathered into one, a million initiatives'
    /// three million pairs were held two to three times over; scoring them twice costs a
    /// few seconds there.
    pub(crate) fn pairs_as<T: Send>(
        &self,
        threshold: f64,
        wanted: impl Fn(i64, i64) -> bool + Sync,
        make: impl Fn(Pair) -> T + Sync + Send,
    ) -> Vec<T> {
        if self.explain_only {
            return Vec::new();
        }
        let vectors: Vec<&vocabulary::SparseVector> = self.portfolio.records.iter().map(|f| &f.object_words).collect();
        let terms = &self.portfolio.object_terms;
        let document_frequency: Vec<u32> = (0..terms.len() as u32).map(|t| terms.document_frequency(t)).collect();
        let rank = candidates::rarity_rank(&document_frequency);
        // Each chunk of candidates is scored on all cores as soon as it is found, and only
        // those that pass are kept.
        let mut passing: Vec<(u32, u32)> = Vec::new();
        let chunk = SCORED_AT_A_TIME;
        candidates::candidate_chunks(&vectors, &rank, CANDIDATE_BAR, CANDIDATES_PER_RECORD, chunk, |slice| {
            let above: Vec<(u32, u32)> = slice
                .par_iter()
                .copied()
                .filter(|&(i, j)| {
                    let (a, b) = (self.records[i as usize].id, self.records[j as usize].id);
                    wanted(a.min(b), a.max(b)) && self.reaches(i as usize, j as usize, threshold)
                })
                .collect();
            passing.extend(above);
        });
        drop(vectors);
        // Written in place into a list of the exact size (the iterator is indexed).
        let mut out = Vec::with_capacity(passing.len());
        out.par_extend(passing.par_iter().map(|&(i, j)| make(self.scored(i as usize, j as usize))));
        out
    }

    /// The pair of two records by id, whatever its score; None for an unknown id or the
    /// same id twice.
    pub fn pair(&self, a: i64, b: i64) -> Option<Pair> {
        if self.explain_only {
            return None;
        }
        let (&i, &j) = (self.index_of.get(&a)?, self.index_of.get(&b)?);
        if i == j {
            return None;
        }
        Some(self.scored(i, j))
    }

    /// Why a pair looks alike: shared words, kinds, field scores, life events, owners.
    pub fn reasons(&self, pair: &Pair) -> Vec<Reason> {
        let (Some(&i), Some(&j)) = (self.index_of.get(&pair.a), self.index_of.get(&pair.b)) else {
            return Vec::new();
        };
        explain::reasons(&self.portfolio, (i, &self.records[i]), (j, &self.records[j]), &pair.sub_scores)
    }

    /// The rarest word both titles share: the one-line explanation of a pair.
    pub fn headline(&self, pair: &Pair) -> Option<String> {
        let (&i, &j) = (self.index_of.get(&pair.a)?, self.index_of.get(&pair.b)?);
        explain::headline(&self.portfolio, i, j)
    }

    /// Whether records `i` and `j` reach `threshold` and the candidate bar, computing as
    /// little as it can to know.
    fn reaches(&self, i: usize, j: usize, threshold: f64) -> bool {
        let (ra, rb) = (&self.records[i], &self.records[j]);
        let (fa, fb) = (&self.portfolio.records[i], &self.portfolio.records[j]);
        let descriptions = fa.has_description && fb.has_description;
        let owners = OwnerRelation::of(ra, rb);
        ra.id != rb.id
            && score::sub_scores_pruned((ra, fa), (rb, fb), |s| {
                s.object_words < CANDIDATE_BAR || score::combine(s, descriptions, owners) < threshold
            })
            .is_some()
    }

    /// The pair of records `i` and `j`, every field scored.
    fn scored(&self, i: usize, j: usize) -> Pair {
        let (ra, rb) = (&self.records[i], &self.records[j]);
        let (fa, fb) = (&self.portfolio.records[i], &self.portfolio.records[j]);
        let descriptions = fa.has_description && fb.has_description;
        let owners = OwnerRelation::of(ra, rb);
        let sub_scores = score::sub_scores((ra, fa), (rb, fb));
        let score = score::combine(&sub_scores, descriptions, owners);
        let (a, b) = if ra.id < rb.id { (ra.id, rb.id) } else { (rb.id, ra.id) };
        let round = explain::round;
        let round_single = |x: f32| round(f64::from(x)) as f32;
        Pair {
            a,
            b,
            score: round(score),
            sub_scores: SubScores {
                object_words: round_single(sub_scores.object_words),
                object_spelling: round_single(sub_scores.object_spelling),
                description_words: round_single(sub_scores.description_words),
                description_spelling: round_single(sub_scores.description_spelling),
                same_kind: sub_scores.same_kind.map(round_single),
                life_events: sub_scores.life_events.map(round_single),
            },
            owners,
        }
    }
}
