//! The analyst's side: decisions on pairs, and the queue of pairs to review.
//!
//! A decision is kept by the two initiatives' ids, so it outlives re-imports (which update
//! rows in place) and re-runs: a pair decided "distinct" never comes back, one decided
//! "duplicate" or "overlap" stays listed with its decision even if its score drops.

use super::threshold::{self, Threshold};
use super::{Analysis, Cluster, ClusterSettings, Pair, Reason, Record, ServiceKinds, clusters};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// What the analyst says about a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    /// The same initiative, reported twice.
    Duplicate,
    /// Different initiatives that solve part of the same problem.
    Overlap,
    /// Not the same: never ask again.
    Distinct,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Duplicate => "duplicate",
            Self::Overlap => "overlap",
            Self::Distinct => "distinct",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "duplicate" => Some(Self::Duplicate),
            "overlap" => Some(Self::Overlap),
            "distinct" => Some(Self::Distinct),
            _ => None,
        }
    }

    /// Duplicate and overlap link two initiatives; distinct separates them.
    pub fn links(self) -> bool {
        self != Self::Distinct
    }
}

/// A stored decision; `a` is the lower id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRecord {
    pub a: i64,
    pub b: i64,
    pub decision: Decision,
    pub note: Option<String>,
    pub decided_at: String,
    pub decided_by: String,
}

/// One pair in the review queue, with the analyst's decision when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewItem {
    #[serde(flatten)]
    pub pair: Pair,
    /// Boxed: most pairs have none, and an inline record would double every item's size
    /// (three million items at a million initiatives).
    pub decision: Option<Box<DecisionRecord>>,
}

/// The pairs to review, highest score first, with the portfolio they come from (for the
/// records and the reasons, worked out when shown).
#[derive(Debug)]
pub struct ReviewQueue {
    pub threshold: f64,
    /// Where the threshold came from: the analyst, their decisions, the portfolio.
    pub threshold_source: threshold::Source,
    pub items: Vec<ReviewItem>,
    analysis: Analysis,
    decisions: Vec<DecisionRecord>,
}

impl ReviewQueue {
    /// Candidate pairs at or above `threshold`, minus those decided distinct, plus pairs
    /// decided duplicate or overlap whatever their score (while both initiatives are active).
    ///
    /// A calibrated threshold ([`Threshold::Calibrated`]) comes from the decisions when there
    /// are enough of them, else from the portfolio's own scores (see `threshold`).
    pub fn build(
        records: Vec<Record>,
        kinds: &ServiceKinds,
        decisions: &[DecisionRecord],
        threshold: impl Into<Threshold>,
    ) -> Self {
        let mut analysis = Analysis::new(records, kinds);
        // Pairs linked by a decision stay whatever their score: scored now, while the
        // trigrams are there (there are a few; those that pass anyway are listed once).
        let linked: Vec<ReviewItem> = decisions
            .iter()
            .filter(|d| d.decision.links())
            .filter_map(|d| {
                analysis.pair(d.a, d.b).map(|pair| ReviewItem { pair, decision: Some(Box::new(d.clone())) })
            })
            .collect();
        let decided: HashMap<(i64, i64), &DecisionRecord> = decisions.iter().map(|d| ((d.a, d.b), d)).collect();
        let wanted = |a, b| decided.get(&(a, b)).is_none_or(|d| d.decision != Decision::Distinct);
        let judged: Vec<(f64, bool)> =
            decisions.iter().filter_map(|d| Some((analysis.pair(d.a, d.b)?.score, d.decision.links()))).collect();
        let (passing, threshold, threshold_source) = match (threshold.into(), threshold::from_decisions(&judged)) {
            (Threshold::Fixed(t), _) => (analysis.passing(t, wanted), t, threshold::Source::Given),
            (Threshold::Calibrated, Some(t)) => (analysis.passing(t, wanted), t, threshold::Source::Decisions),
            (Threshold::Calibrated, None) => {
                let sample = (analysis.len() / super::RECORDS_PER_SAMPLED).max(1) as u32;
                let bounds = (threshold::FIT_FROM, threshold::LOWEST, sample);
                let (mut passing, histogram) = analysis.passing_counted(bounds, wanted);
                let (t, source) = match histogram.calibrated() {
                    Some(t) => (t, threshold::Source::Portfolio),
                    None => (super::DEFAULT_THRESHOLD, threshold::Source::Default),
                };
                analysis.retain_reaching(&mut passing, t);
                (passing, t, source)
            }
        };
        // Every pair is scored: the queue only explains from here on, and the trigrams are
        // let go before the items are written out (at a million initiatives, half a
        // gigabyte of trigrams and 0.2 GB of items).
        analysis.keep_for_explaining();
        let mut items: Vec<ReviewItem> = analysis.pairs_from(passing, |pair| {
            let decision = decided.get(&(pair.a, pair.b)).map(|d| Box::new((*d).clone()));
            ReviewItem { pair, decision }
        });
        let listed: HashSet<(i64, i64)> =
            items.iter().filter(|i| i.decision.is_some()).map(|i| (i.pair.a, i.pair.b)).collect();
        items.extend(linked.into_iter().filter(|item| !listed.contains(&(item.pair.a, item.pair.b))));
        // Unstable is enough (ties are broken by the ids) and needs no second buffer.
        items.par_sort_unstable_by(|x, y| {
            y.pair.score.total_cmp(&x.pair.score).then(x.pair.a.cmp(&y.pair.a)).then(x.pair.b.cmp(&y.pair.b))
        });
        Self { threshold, threshold_source, items, analysis, decisions: decisions.to_vec() }
    }

    /// An active initiative of the portfolio (every pair's two ends are), without its
    /// description.
    pub fn record(&self, id: i64) -> Option<Record> {
        self.analysis.record(id)
    }

    /// Why a pair looks alike (worked out now; cheap for the rows on screen).
    pub fn reasons(&self, pair: &Pair) -> Vec<Reason> {
        self.analysis.reasons(pair)
    }

    /// The rarest word both titles share: the pair's one-line explanation.
    pub fn headline(&self, pair: &Pair) -> Option<String> {
        self.analysis.headline(pair)
    }

    /// Pairs without a decision, highest first: what is left to review.
    pub fn open(&self) -> impl Iterator<Item = &ReviewItem> {
        self.items.iter().filter(|i| i.decision.is_none())
    }

    /// Initiatives with an open pair or a duplicate/overlap decision: the table's marker.
    pub fn flagged(&self) -> BTreeSet<i64> {
        let mut ids = BTreeSet::new();
        for item in &self.items {
            if item.decision.as_ref().is_none_or(|d| d.decision.links()) {
                ids.insert(item.pair.a);
                ids.insert(item.pair.b);
            }
        }
        ids
    }

    /// Records a decision in the queue (after the store saved it), so a screen need not run
    /// the analysis again: a distinct pair leaves the queue, the others show their decision.
    pub fn apply(&mut self, decision: DecisionRecord) {
        let (a, b) = (decision.a, decision.b);
        self.decisions.retain(|d| (d.a, d.b) != (a, b));
        self.decisions.push(decision.clone());
        if decision.decision == Decision::Distinct {
            self.items.retain(|i| (i.pair.a, i.pair.b) != (a, b));
        } else if let Some(item) = self.items.iter_mut().find(|i| (i.pair.a, i.pair.b) == (a, b)) {
            item.decision = Some(Box::new(decision));
        }
    }

    /// Forgets a decision in the queue (after the store removed it). A pair that was
    /// decided distinct comes back only with the next [`ReviewQueue::build`].
    pub fn forget(&mut self, a: i64, b: i64) {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        self.decisions.retain(|d| (d.a, d.b) != (a, b));
        if let Some(item) = self.items.iter_mut().find(|i| (i.pair.a, i.pair.b) == (a, b)) {
            item.decision = None;
        }
    }

    /// Sets a pair's decision in the queue (after the store saved or removed it): None
    /// opens the pair again, "distinct" takes it out. Unlike [`ReviewQueue::forget`] it
    /// brings back a pair that left the queue, which is how a screen undoes a "distinct".
    pub fn restore(&mut self, pair: Pair, decision: Option<DecisionRecord>) {
        let key = (pair.a, pair.b);
        self.decisions.retain(|d| (d.a, d.b) != key);
        self.decisions.extend(decision.clone());
        self.items.retain(|i| (i.pair.a, i.pair.b) != key);
        if decision.as_ref().is_some_and(|d| d.decision == Decision::Distinct) {
            return;
        }
        // The queue's order: score descending, then ids (equal scores are exact ties).
        #[allow(clippy::float_cmp)]
        let at = self.items.partition_point(|i| {
            i.pair.score > pair.score || (i.pair.score == pair.score && (i.pair.a, i.pair.b) < key)
        });
        self.items.insert(at, ReviewItem { pair, decision: decision.map(Box::new) });
    }

    /// Groups of initiatives that look like one effort, with the decisions applied.
    pub fn clusters(&self, settings: ClusterSettings) -> Vec<Cluster> {
        let pairs: Vec<Pair> = self.items.iter().map(|i| i.pair.clone()).collect();
        let linked: Vec<(i64, i64)> =
            self.decisions.iter().filter(|d| d.decision.links()).map(|d| (d.a, d.b)).collect();
        let separated: Vec<(i64, i64)> =
            self.decisions.iter().filter(|d| !d.decision.links()).map(|d| (d.a, d.b)).collect();
        let settings = ClusterSettings { bar: settings.bar.max(self.threshold) };
        clusters(&pairs, &linked, &separated, settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, title: &str, description: &str, agency: &str) -> Record {
        Record {
            id,
            source_file: "t.csv".into(),
            key: format!("K-{id}"),
            title: title.into(),
            description: Some(description.into()),
            agency: Some(agency.into()),
            ministries: vec![],
            life_events: vec![],
            amount_nok: None,
        }
    }

    fn portfolio() -> Vec<Record> {
        let notify = "Foreldre skal automatisk få beskjed når noe endres i saker om barnetrygd.";
        vec![
            record(1, "Proaktive varsler om barnetrygd", notify, "Nav"),
            record(2, "Varslingstjeneste for barnetrygd", notify, "Oslo kommune"),
            record(3, "Statistikk om barnetrygd", "Analyser og statistikk om barnetrygd fra registre.", "SSB"),
            record(4, "Ny dødsboløsning", "En helhetlig digital løsning for dødsbo.", "Skatteetaten"),
        ]
    }

    fn decision(a: i64, b: i64, decision: Decision) -> DecisionRecord {
        DecisionRecord { a, b, decision, note: None, decided_at: "2026-01-01".into(), decided_by: "kari".into() }
    }

    #[test]
    fn the_queue_lists_the_pair_and_flags_both() {
        let queue = ReviewQueue::build(portfolio(), &ServiceKinds::builtin(), &[], 0.6);
        let pairs: Vec<(i64, i64)> = queue.open().map(|i| (i.pair.a, i.pair.b)).collect();
        assert_eq!(pairs, vec![(1, 2)], "statistics about the same object is another initiative");
        assert_eq!(queue.flagged(), BTreeSet::from([1, 2]));
        let reasons = queue.reasons(&queue.items[0].pair);
        assert!(matches!(&reasons[0], Reason::TitleWords { words, .. } if words[0] == "barnetrygd"), "{reasons:?}");
        assert_eq!(queue.headline(&queue.items[0].pair).as_deref(), Some("barnetrygd"));
    }

    #[test]
    fn the_queue_explains_as_a_full_analysis_does_after_letting_the_trigrams_go() {
        let queue = ReviewQueue::build(portfolio(), &ServiceKinds::builtin(), &[], 0.0);
        let full = Analysis::new(portfolio(), &ServiceKinds::builtin());
        assert!(!queue.items.is_empty());
        for item in &queue.items {
            assert_eq!(full.pair(item.pair.a, item.pair.b).as_ref(), Some(&item.pair));
            assert_eq!(queue.reasons(&item.pair), full.reasons(&item.pair));
            assert_eq!(queue.headline(&item.pair), full.headline(&item.pair));
        }
        assert_eq!(queue.analysis.pair(1, 2), None, "a queue scores nothing new");
    }

    #[test]
    fn decisions_apply_and_undo_without_a_new_run() {
        let mut queue = ReviewQueue::build(portfolio(), &ServiceKinds::builtin(), &[], 0.6);
        queue.apply(decision(1, 2, Decision::Duplicate));
        assert_eq!(queue.open().count(), 0);
        assert_eq!(queue.flagged(), BTreeSet::from([1, 2]), "a duplicate stays marked");
        assert_eq!(queue.clusters(ClusterSettings::default()).len(), 1);
        queue.forget(2, 1);
        assert_eq!(queue.open().count(), 1);
        queue.apply(decision(1, 2, Decision::Distinct));
        assert!(queue.items.is_empty() && queue.flagged().is_empty());
    }

    #[test]
    fn restore_brings_back_a_pair_decided_distinct_in_its_place() {
        let mut queue = ReviewQueue::build(portfolio(), &ServiceKinds::builtin(), &[], 0.0);
        let order: Vec<(i64, i64)> = queue.items.iter().map(|i| (i.pair.a, i.pair.b)).collect();
        assert!(order.len() > 1, "{order:?}");
        let pair = queue.items[1].pair.clone();
        queue.restore(pair.clone(), Some(decision(pair.a, pair.b, Decision::Distinct)));
        assert_eq!(queue.items.len(), order.len() - 1);
        queue.restore(pair.clone(), None);
        let again: Vec<(i64, i64)> = queue.items.iter().map(|i| (i.pair.a, i.pair.b)).collect();
        assert_eq!(again, order, "back in its place, open");
        queue.restore(pair.clone(), Some(decision(pair.a, pair.b, Decision::Overlap)));
        assert_eq!(queue.items[1].decision.as_ref().map(|d| d.decision), Some(Decision::Overlap));
        assert_eq!(queue.items.len(), order.len());
    }

    #[test]
    fn stored_decisions_shape_the_next_run() {
        let kinds = ServiceKinds::builtin();
        let distinct = ReviewQueue::build(portfolio(), &kinds, &[decision(1, 2, Decision::Distinct)], 0.0);
        assert!(!distinct.items.iter().any(|i| (i.pair.a, i.pair.b) == (1, 2)), "never asked again");
        // A link the analyst made stays listed whatever its score.
        let linked = ReviewQueue::build(portfolio(), &kinds, &[decision(3, 4, Decision::Overlap)], 0.6);
        let item = linked.items.iter().find(|i| (i.pair.a, i.pair.b) == (3, 4)).expect("listed");
        assert_eq!(item.decision.as_ref().map(|d| d.decision), Some(Decision::Overlap));
    }

    #[test]
    fn decisions_read_back_from_text() {
        for d in [Decision::Duplicate, Decision::Overlap, Decision::Distinct] {
            assert_eq!(Decision::parse(d.as_str()), Some(d));
        }
        assert_eq!(Decision::parse("maybe"), None);
    }
}
