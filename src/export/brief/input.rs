//! What the brief takes from the duplicate review: the open candidate pairs (for the
//! priority list's marks) and the groups of initiatives that look like one effort, made by
//! the dedupe library's own grouping ([`ReviewQueue::clusters`], as `samla dedupe clusters`),
//! each with the evidence of its strongest pair. Small and owned, so the review's analysis
//! (gigabytes at a million initiatives) can be dropped before the brief gathers the rest,
//! and a screen can hand it to a worker thread.

use crate::dedupe::{ClusterSettings, Decision, DecisionRecord, OwnerRelation, Reason, ReviewQueue, clusters};
use std::collections::HashMap;

/// A candidate pair of parallel solutions from the dedupe engine, not yet decided by the
/// analyst.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CandidatePair {
    pub a: i64,
    pub b: i64,
    /// Similarity, 0..1.
    pub score: f64,
}

/// A group of initiatives that look like one effort.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupInput {
    /// Initiative ids, ascending.
    pub members: Vec<i64>,
    /// The pairs in it the analyst linked (duplicate or overlap), lower id first.
    pub linked: Vec<(i64, i64, Decision)>,
    /// The weakest link that joined it (1 for an analyst's link).
    pub weakest_link: f64,
    /// Why its strongest pair looks alike; empty when the engine did not score it.
    pub evidence: Vec<Reason>,
}

/// The duplicate review as the brief needs it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParallelInput {
    pub open: Vec<CandidatePair>,
    pub groups: Vec<GroupInput>,
}

/// Groups whose evidence is worked out (the rest are counted and summed, not described).
const DESCRIBED_GROUPS: usize = 200;

impl ParallelInput {
    /// From the review queue the duplicates screen and `samla dedupe` show.
    pub fn from_queue(queue: &ReviewQueue) -> Self {
        let open = queue.open().map(|i| CandidatePair { a: i.pair.a, b: i.pair.b, score: i.pair.score }).collect();
        let found = queue.clusters(ClusterSettings::default());
        let group_of: HashMap<i64, usize> =
            found.iter().enumerate().flat_map(|(g, c)| c.members.iter().map(move |&id| (id, g))).collect();
        let mut linked: Vec<Vec<(i64, i64, Decision)>> = vec![Vec::new(); found.len()];
        let mut strongest: Vec<Option<&crate::dedupe::Pair>> = vec![None; found.len()];
        // The queue is ordered by score, highest first: a group's first pair is its strongest.
        for item in &queue.items {
            let (Some(&ga), Some(&gb)) = (group_of.get(&item.pair.a), group_of.get(&item.pair.b)) else { continue };
            if ga != gb {
                continue;
            }
            if let Some(decision) = item.decision.as_ref().filter(|d| d.decision.links()) {
                linked[ga].push((item.pair.a, item.pair.b, decision.decision));
            }
            strongest[ga].get_or_insert(&item.pair);
        }
        let at_stake = |members: &[i64]| -> (bool, i64) {
            let records: Vec<_> = members.iter().filter_map(|&id| queue.record(id)).collect();
            let owners = records.iter().map(|r| (r.agency.as_deref(), r.ministries.as_slice()));
            let cross = OwnerRelation::of_group(owners) == OwnerRelation::CrossSector;
            (cross, records.iter().filter_map(|r| r.amount_nok).sum())
        };
        // Reasons are worked out for the groups the brief is likely to list: across sectors
        // and the most money first, as it ranks them.
        let mut order: Vec<(usize, (bool, i64))> = found.iter().map(|c| at_stake(&c.members)).enumerate().collect();
        order.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        let mut evidence: Vec<Vec<Reason>> = vec![Vec::new(); found.len()];
        for &(g, _) in order.iter().take(DESCRIBED_GROUPS) {
            evidence[g] = strongest[g].map(|pair| queue.reasons(pair)).unwrap_or_default();
        }
        let groups = found
            .into_iter()
            .zip(linked)
            .zip(evidence)
            .map(|((cluster, linked), evidence)| GroupInput {
                members: cluster.members,
                linked,
                weakest_link: cluster.weakest_link,
                evidence,
            })
            .collect();
        Self { open, groups }
    }

    /// Without the duplicate search: the groups the analyst's decisions make on their own,
    /// by the same grouping with no candidate pairs.
    pub fn from_decisions(decisions: &[DecisionRecord]) -> Self {
        let linked: Vec<(i64, i64)> = decisions.iter().filter(|d| d.decision.links()).map(|d| (d.a, d.b)).collect();
        let separated: Vec<(i64, i64)> = decisions.iter().filter(|d| !d.decision.links()).map(|d| (d.a, d.b)).collect();
        let groups = clusters(&[], &linked, &separated, ClusterSettings::default())
            .into_iter()
            .map(|cluster| GroupInput {
                linked: decisions
                    .iter()
                    .filter(|d| d.decision.links())
                    .filter(|d| cluster.members.contains(&d.a) && cluster.members.contains(&d.b))
                    .map(|d| (d.a, d.b, d.decision))
                    .collect(),
                members: cluster.members,
                weakest_link: cluster.weakest_link,
                evidence: Vec::new(),
            })
            .collect();
        Self { open: Vec::new(), groups }
    }
}
