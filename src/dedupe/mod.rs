//! Parallel solutions: pairs of initiatives that look like the same effort, why they do, and
//! groups of them. Pure: records in, pairs and clusters out; no SQL, no screen.
//!
//! normalise (words, stems, phase markers) → spelling (typos from the portfolio) and
//! compound (splitting from the portfolio's own words) → kinds (what kind of service a
//! title names) → features (TF-IDF vectors of words: vocabulary; of character trigrams:
//! grams) → candidates (prefix-filtered inverted index) → score (sub-scores, one score) →
//! explain (reasons) → cluster (groups) → review (decisions and the queue a review screen
//! shows). `records` keeps what is left of the records once their text is read.

pub(crate) mod acronyms;
pub mod agencies;
mod blocking;
pub mod candidates;
pub mod cluster;
pub mod cognate;
pub mod compound;
pub mod describe;
pub mod explain;
pub mod features;
pub mod grams;
pub mod highlight;
pub mod kinds;
pub mod language;
pub mod learned_kinds;
pub mod lexicon;
pub mod normalise;
pub mod nynorsk;
pub(crate) mod reading;
mod records;
pub mod review;
pub mod score;
pub mod spelling;
pub mod threshold;
pub mod vocabulary;
pub(crate) mod word_info;

pub use cluster::{Cluster, ClusterSettings, clusters};
pub use explain::Reason;
pub use kinds::ServiceKinds;
pub use review::{Decision, DecisionRecord, ReviewItem, ReviewQueue};
pub use score::{OwnerRelation, SubScores};
pub use threshold::Threshold;

use features::Portfolio;
use rayon::prelude::*;
use records::Records;
use serde::Serialize;

pub(crate) use crate::{FastMap, FastSet};

/// The threshold when the analyst sets none and the portfolio has too few chance pairs to
/// choose one from (see [`threshold`]); in the plateau of the best F1 on the labelled
/// development portfolio (see docs/performance.md, "Duplicates").
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
/// When the threshold is calibrated, the low scores of one candidate in this many records'
/// worth are scored in full (see [`Analysis::passing_counted`]).
pub(crate) const RECORDS_PER_SAMPLED: usize = 5_000;
/// Candidates scored per parallel batch (see [`Analysis::passing`]).
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
    /// The requested amount in NOK.
    pub amount_nok: Option<i64>,
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
    records: Records,
    portfolio: Portfolio,
    index_of: FastMap<i64, usize>,
    /// The trigram vectors, needed to score but not to explain, were let go.
    explain_only: bool,
}

/// A pair that reaches the threshold, by the records' positions, with its sub-scores as
/// computed (unrounded): what a [`Pair`] is made from without the trigrams.
#[derive(Debug, Clone, Copy)]
struct Scored {
    i: u32,
    j: u32,
    sub_scores: SubScores,
}

/// The pairs that reach a threshold, scored, in the chunks they were found in: no list of
/// them all is grown (a growing list is held up to twice over while it moves).
#[derive(Debug)]
pub(crate) struct Passing(Vec<Vec<Scored>>);

impl Passing {
    pub fn len(&self) -> usize {
        self.0.iter().map(Vec::len).sum()
    }
}

impl Analysis {
    /// Prepares `records`. Their descriptions are read into the comparable form and then
    /// let go, and the rest is kept compactly (as plain records, about 0.45 GB at a million
    /// initiatives): `record()` gives a record back without its description; show one from
    /// the store.
    pub fn new(records: Vec<Record>, kinds: &ServiceKinds) -> Self {
        let (records, descriptions) = Records::split(records);
        let languages: Vec<language::Language> =
            (0..records.len()).map(|i| language::detect(records.title(i), descriptions[i].as_deref())).collect();
        let names = kinds.agency_names(records.agencies());
        let stripped: Vec<std::borrow::Cow<'_, str>> =
            (0..records.len()).map(|i| names.strip(records.title(i), records.agency(i))).collect();
        let titles: Vec<&str> = stripped.iter().map(AsRef::as_ref).collect();
        let portfolio = Portfolio::build(&titles, descriptions, &languages, kinds, lexicon::Lexicon::builtin());
        drop(titles);
        drop(stripped);
        let index_of = (0..records.len()).map(|i| (records.id(i), i)).collect();
        Self { records, portfolio, index_of, explain_only: false }
    }

    /// Lets go of what only scoring needs (the character trigrams of titles and
    /// descriptions, about half a gigabyte at a million initiatives), keeping what
    /// explaining a scored pair needs. Afterwards `pairs`, `passing` and `pair` score nothing.
    pub(crate) fn keep_for_explaining(&mut self) {
        self.explain_only = true;
        self.portfolio.drop_grams();
    }

    /// An initiative of the portfolio, without its description.
    pub fn record(&self, id: i64) -> Option<Record> {
        self.index_of.get(&id).map(|&i| self.records.record(i))
    }

    /// Every pair scoring at least `threshold`, highest first (ties by ids). Each record is
    /// compared with at most [`CANDIDATES_PER_RECORD`] others, its nearest by title.
    pub fn pairs(&self, threshold: f64) -> Vec<Pair> {
        let mut pairs = self.pairs_from(self.passing(threshold, |_, _| true), |pair| pair);
        pairs.par_sort_unstable_by(|x, y| y.score.total_cmp(&x.score).then(x.a.cmp(&y.a)).then(x.b.cmp(&y.b)));
        pairs
    }

    /// Every pair scoring at least `threshold` whose ids `wanted` accepts, scored, in no
    /// particular order. Make them pairs with [`Analysis::pairs_from`], which needs no
    /// trigrams: a caller done scoring can let those go first
    /// ([`Analysis::keep_for_explaining`]).
    ///
    /// The candidates are scored in chunks as they are found, and only those that reach
    /// the threshold are kept, with their sub-scores (52 bytes each).
    pub(crate) fn passing(&self, threshold: f64, wanted: impl Fn(i64, i64) -> bool + Sync) -> Passing {
        self.passing_counted((threshold, threshold, 1), wanted).0
    }

    /// As [`Analysis::passing`] for pairs reaching `keep`, and how many pairs scored how
    /// much from `floor` up: what a threshold is calibrated from ([`threshold::Histogram`]).
    /// Pairs below `keep` are scored in full for one candidate in `sample` only (chosen by
    /// their positions, so a run repeats), each counted for `sample`: the low scores are
    /// many, and their number is all that is wanted of them.
    pub(crate) fn passing_counted(
        &self,
        (floor, keep, sample): (f64, f64, u32),
        wanted: impl Fn(i64, i64) -> bool + Sync,
    ) -> (Passing, threshold::Histogram) {
        let mut histogram = threshold::Histogram::new();
        if self.explain_only {
            return (Passing(Vec::new()), histogram);
        }
        let sampled = |i: u32, j: u32| sample <= 1 || (i.wrapping_mul(2_654_435_761) ^ j) % sample == 0;
        let mut passing = Vec::new();
        self.candidate_chunks(|slice| {
            // Collected from parallel pieces into a list of its exact size.
            let reached: Vec<(Scored, f64, u32)> = slice
                .par_iter()
                .filter_map(|&(i, j)| {
                    let (a, b) = (self.records.id(i as usize), self.records.id(j as usize));
                    if a == b || !wanted(a.min(b), a.max(b)) {
                        return None;
                    }
                    let (from, weight) = if sampled(i, j) { (floor, sample.max(1)) } else { (keep, 1) };
                    let sub_scores = self.reaching(i as usize, j as usize, from)?;
                    let score = self.combined(i as usize, j as usize, &sub_scores);
                    Some((Scored { i, j, sub_scores }, score, if score >= keep { 1 } else { weight }))
                })
                .collect();
            for &(_, score, weight) in &reached {
                histogram.add_weighted(score, weight);
            }
            let above: Vec<Scored> =
                reached.into_iter().filter(|(_, score, _)| *score >= keep).map(|(s, ..)| s).collect();
            if !above.is_empty() {
                passing.push(above);
            }
        });
        (Passing(passing), histogram)
    }

    /// `passing` without the pairs below `threshold`.
    pub(crate) fn retain_reaching(&self, passing: &mut Passing, threshold: f64) {
        for chunk in &mut passing.0 {
            chunk.retain(|s| self.combined(s.i as usize, s.j as usize, &s.sub_scores) >= threshold);
        }
        passing.0.retain(|chunk| !chunk.is_empty());
    }

    /// The score of records `i` and `j` from their sub-scores.
    fn combined(&self, i: usize, j: usize, sub_scores: &SubScores) -> f64 {
        let (fa, fb) = (&self.portfolio.records[i], &self.portfolio.records[j]);
        score::combine(sub_scores, fa.has_description && fb.has_description, self.records.owners(i, j))
    }

    /// What `make` makes of each pair of `passing`, written in place into a list of the
    /// exact size; each chunk is let go once it is read.
    pub(crate) fn pairs_from<T: Send>(&self, passing: Passing, make: impl Fn(Pair) -> T + Sync + Send) -> Vec<T> {
        let mut out = Vec::with_capacity(passing.len());
        for chunk in passing.0 {
            out.par_extend(chunk.par_iter().map(|scored| make(self.pair_of(scored))));
        }
        out
    }

    /// Hands the candidate pairs (by position) to `each`, a chunk at a time.
    fn candidate_chunks(&self, each: impl FnMut(&[(u32, u32)])) {
        let search = blocking::Search { bar: CANDIDATE_BAR, per_record: CANDIDATES_PER_RECORD };
        blocking::candidate_pairs(&self.portfolio, search, SCORED_AT_A_TIME, each);
    }

    /// Every pair the candidate search yields, whatever its score, scored: what blocking lets
    /// through to scoring (a true pair missing here cannot be found at any threshold).
    /// Empty once the trigrams are let go.
    pub fn candidates(&self) -> Vec<Pair> {
        let mut out = Vec::new();
        if self.explain_only {
            return out;
        }
        self.candidate_chunks(|slice| {
            out.par_extend(
                slice
                    .par_iter()
                    .filter_map(|&(i, j)| self.pair(self.records.id(i as usize), self.records.id(j as usize))),
            );
        });
        out
    }

    /// How many records it compares.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.len() == 0
    }

    /// The ids of every record of the portfolio, in order.
    pub fn ids(&self) -> impl Iterator<Item = i64> + '_ {
        (0..self.records.len()).map(|i| self.records.id(i))
    }

    /// The kinds of service a record's title names, as the search read them (the seed's and
    /// those learnt from the portfolio).
    pub fn kinds(&self, id: i64) -> Vec<String> {
        let Some(&i) = self.index_of.get(&id) else { return Vec::new() };
        self.portfolio.kinds.names(self.portfolio.records[i].kinds)
    }

    /// The terms a record's title object is compared by, with their weights (stems,
    /// compound parts, "#" concepts, "~" cognates): what the search made of the title.
    pub fn object_terms(&self, id: i64) -> Vec<(String, f32)> {
        let Some(&i) = self.index_of.get(&id) else { return Vec::new() };
        let terms = &self.portfolio.object_terms;
        let vector = &self.portfolio.records[i].object_words;
        vector.entries().iter().map(|&(t, w)| (terms.term(t).to_string(), w)).collect()
    }

    /// The language a record is written in, as the search read it.
    pub fn language(&self, id: i64) -> Option<language::Language> {
        self.index_of.get(&id).map(|&i| self.portfolio.records[i].language)
    }

    /// The pair of two records by id, whatever its score; None for an unknown id or the
    /// same id twice, or once the trigrams are let go.
    pub fn pair(&self, a: i64, b: i64) -> Option<Pair> {
        if self.explain_only {
            return None;
        }
        let (&i, &j) = (self.index_of.get(&a)?, self.index_of.get(&b)?);
        if i == j {
            return None;
        }
        let (ca, cb) = (self.portfolio.comparable(i), self.portfolio.comparable(j));
        let sub_scores = score::sub_scores(ca, cb, self.records.facts(i, j));
        Some(self.pair_of(&Scored { i: i as u32, j: j as u32, sub_scores }))
    }

    /// Why a pair looks alike: shared words, kinds, field scores, life events, owners.
    pub fn reasons(&self, pair: &Pair) -> Vec<Reason> {
        let (Some(&i), Some(&j)) = (self.index_of.get(&pair.a), self.index_of.get(&pair.b)) else {
            return Vec::new();
        };
        let (a, b) = (self.records.record(i), self.records.record(j));
        explain::reasons(&self.portfolio, (i, &a), (j, &b), &pair.sub_scores)
    }

    /// The rarest word both titles share: the one-line explanation of a pair.
    pub fn headline(&self, pair: &Pair) -> Option<String> {
        let (&i, &j) = (self.index_of.get(&pair.a)?, self.index_of.get(&pair.b)?);
        explain::headline(&self.portfolio, (i, j), (self.records.title(i), self.records.title(j)))
    }

    /// The sub-scores of records `i` and `j` when they reach `threshold` and the candidate
    /// bar, computing as little as it can to know that they do not.
    fn reaching(&self, i: usize, j: usize, threshold: f64) -> Option<SubScores> {
        let (ca, cb) = (self.portfolio.comparable(i), self.portfolio.comparable(j));
        let descriptions = ca.features.has_description && cb.features.has_description;
        let owners = self.records.owners(i, j);
        score::sub_scores_pruned(ca, cb, self.records.facts(i, j), |s| {
            score::object_evidence(s) < CANDIDATE_BAR || score::combine(s, descriptions, owners) < threshold
        })
    }

    /// The pair of a scored pair: its score, owners and ids, and sub-scores rounded as
    /// they are shown.
    fn pair_of(&self, scored: &Scored) -> Pair {
        let (i, j) = (scored.i as usize, scored.j as usize);
        let (fa, fb) = (&self.portfolio.records[i], &self.portfolio.records[j]);
        let descriptions = fa.has_description && fb.has_description;
        let owners = self.records.owners(i, j);
        let sub_scores = &scored.sub_scores;
        let score = score::combine(sub_scores, descriptions, owners);
        let (ia, ib) = (self.records.id(i), self.records.id(j));
        let (a, b) = if ia < ib { (ia, ib) } else { (ib, ia) };
        let round = explain::round;
        let round_single = |x: f32| round(f64::from(x)) as f32;
        Pair {
            a,
            b,
            score: round(score),
            sub_scores: SubScores {
                object_words: round_single(sub_scores.object_words),
                object_spelling: round_single(sub_scores.object_spelling),
                object_concepts: round_single(sub_scores.object_concepts),
                description_words: round_single(sub_scores.description_words),
                description_spelling: round_single(sub_scores.description_spelling),
                description_concepts: round_single(sub_scores.description_concepts),
                same_kind: sub_scores.same_kind.map(round_single),
                life_events: sub_scores.life_events.map(round_single),
                amounts: sub_scores.amounts.map(round_single),
                across_languages: sub_scores.across_languages,
            },
            owners,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, title: &str, description: &str) -> Record {
        Record {
            id,
            source_file: "t.csv".into(),
            key: id.to_string(),
            title: title.into(),
            description: Some(description.into()),
            agency: Some(format!("Etat {id}")),
            ministries: vec![],
            life_events: vec![],
            amount_nok: None,
        }
    }

    #[test]
    fn one_enormous_word_costs_no_more_than_an_ordinary_record() {
        // Issue 18: a title or description of one 20 000-letter word took 32 s and 0.5 GB,
        // 100 000 letters aborted. Now a record costs at most a bounded amount per word read
        // and a bounded number of words per text.
        let notify = "Foreldre skal automatisk få beskjed når noe endres i saker om barnetrygd.";
        let ordinary = vec![
            record(1, "Proaktive varsler om barnetrygd", notify),
            record(2, "Varslingstjeneste for barnetrygd", notify),
        ];
        let kinds = ServiceKinds::builtin();
        let base = Analysis::new(ordinary.clone(), &kinds);
        let mut hostile = ordinary;
        let many_words = (0..50_000).map(|i| format!("ord{i}")).collect::<Vec<_>>().join(" ");
        hostile.push(record(3, &"ab".repeat(10_000), &format!("{} {many_words}", "ba".repeat(50_000))));
        hostile.push(record(4, &"ab".repeat(10_000), &"ab".repeat(50_000)));
        let analysis = Analysis::new(hostile, &kinds);
        let found: Vec<(i64, i64)> = analysis.pairs(DEFAULT_THRESHOLD).iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(found, vec![(1, 2)]);
        let per_word = (normalise::MAX_WORD_CHARS as u64).pow(3);
        let work = analysis.portfolio.work - base.portfolio.work;
        assert!(work <= normalise::MAX_WORDS_PER_TEXT as u64 * per_word, "{work}");
        // A stem and a cognate key for each word read.
        let terms = analysis.portfolio.description_terms.len() - base.portfolio.description_terms.len();
        assert!(terms <= 2 * normalise::MAX_WORDS_PER_TEXT, "{terms} description terms");
    }
}
