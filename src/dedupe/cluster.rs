//! Groups of initiatives that look like one effort, linked rather than merged.
//!
//! Plain connected components chain: A–B strong, B–C strong, C–D weak, and four unrelated
//! initiatives become one group. Here groups grow greedily from the strongest link down, and
//! two groups join only when the link is strong (at least the cluster bar) and most of the
//! pairs across them are candidate pairs too (cohesion). An analyst's "duplicate" or
//! "overlap" is a link of full strength; "distinct" keeps two initiatives in separate groups,
//! which is also how one initiative is taken out of a group.

use super::Pair;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// The share of pairs across two groups that must be candidate pairs for them to join.
const COHESION: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterSettings {
    /// A link must score at least this to join two groups.
    pub bar: f64,
}

impl Default for ClusterSettings {
    fn default() -> Self {
        Self { bar: super::DEFAULT_CLUSTER_BAR }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// Initiative ids, ascending.
    pub members: Vec<i64>,
    /// The mean score over all pairs of members, counting pairs that are not candidates as 0.
    pub cohesion: f64,
    /// The weakest link that joined the group.
    pub weakest_link: f64,
}

/// Groups of two or more initiatives, largest first. `linked` are pairs the analyst marked
/// duplicate or overlap; `separated` those marked distinct.
pub fn clusters(
    pairs: &[Pair],
    linked: &[(i64, i64)],
    separated: &[(i64, i64)],
    settings: ClusterSettings,
) -> Vec<Cluster> {
    let key = |a: i64, b: i64| if a < b { (a, b) } else { (b, a) };
    let apart: HashSet<(i64, i64)> = separated.iter().map(|&(a, b)| key(a, b)).collect();
    let mut weight: HashMap<(i64, i64), f64> = HashMap::new();
    for pair in pairs {
        weight.insert(key(pair.a, pair.b), pair.score);
    }
    for &(a, b) in linked {
        weight.insert(key(a, b), 1.0);
    }
    for pair in &apart {
        weight.remove(pair);
    }
    let mut edges: Vec<((i64, i64), f64)> =
        weight.iter().map(|(&k, &w)| (k, w)).filter(|e| e.1 >= settings.bar).collect();
    edges.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));

    let mut group_of: HashMap<i64, usize> = HashMap::new();
    let mut groups: Vec<(Vec<i64>, f64)> = Vec::new();
    for ((a, b), w) in edges {
        let ga = *group_of.entry(a).or_insert_with(|| {
            groups.push((vec![a], 1.0));
            groups.len() - 1
        });
        let gb = *group_of.entry(b).or_insert_with(|| {
            groups.push((vec![b], 1.0));
            groups.len() - 1
        });
        if ga == gb {
            continue;
        }
        let (left, right) = (&groups[ga].0, &groups[gb].0);
        let mut linked_across = 0usize;
        let mut blocked = false;
        for &x in left {
            for &y in right {
                let k = key(x, y);
                if apart.contains(&k) {
                    blocked = true;
                }
                if weight.contains_key(&k) {
                    linked_across += 1;
                }
            }
        }
        let across = left.len() * right.len();
        if blocked || (linked_across as f64) < COHESION * across as f64 {
            continue;
        }
        let (keep, gone) = if groups[ga].0.len() >= groups[gb].0.len() { (ga, gb) } else { (gb, ga) };
        let moved = std::mem::take(&mut groups[gone].0);
        for &m in &moved {
            group_of.insert(m, keep);
        }
        groups[keep].0.extend(moved);
        groups[keep].1 = groups[keep].1.min(groups[gone].1).min(w);
    }

    let mut out: Vec<Cluster> = groups
        .into_iter()
        .filter(|(members, _)| members.len() >= 2)
        .map(|(mut members, weakest_link)| {
            members.sort_unstable();
            let mut total = 0.0;
            let mut count = 0usize;
            for (i, &x) in members.iter().enumerate() {
                for &y in &members[i + 1..] {
                    total += weight.get(&key(x, y)).copied().unwrap_or(0.0);
                    count += 1;
                }
            }
            let cohesion = super::explain::round(total / count as f64);
            Cluster { members, cohesion, weakest_link }
        })
        .collect();
    out.sort_by(|x, y| {
        y.members.len().cmp(&x.members.len()).then(y.cohesion.total_cmp(&x.cohesion)).then(x.members.cmp(&y.members))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::{OwnerRelation, SubScores};

    fn pair(a: i64, b: i64, score: f64) -> Pair {
        Pair {
            a,
            b,
            score,
            sub_scores: SubScores {
                object_words: score as f32,
                object_spelling: score as f32,
                object_concepts: score as f32,
                description_words: score as f32,
                description_spelling: score as f32,
                description_concepts: score as f32,
                same_kind: None,
                life_events: None,
                amounts: None,
                across_languages: false,
            },
            owners: OwnerRelation::Unknown,
        }
    }

    fn members(clusters: &[Cluster]) -> Vec<Vec<i64>> {
        clusters.iter().map(|c| c.members.clone()).collect()
    }

    const BAR: ClusterSettings = ClusterSettings { bar: 0.6 };

    #[test]
    fn strong_pairs_form_a_group() {
        let pairs = vec![pair(1, 2, 0.9), pair(2, 3, 0.8), pair(1, 3, 0.7), pair(7, 8, 0.9)];
        assert_eq!(members(&clusters(&pairs, &[], &[], BAR)), vec![vec![1, 2, 3], vec![7, 8]]);
    }

    #[test]
    fn one_link_does_not_chain_two_groups() {
        // 1-2 and 3-4 are groups; the single 2-3 link is strong but alone.
        let pairs = vec![pair(1, 2, 0.9), pair(3, 4, 0.9), pair(2, 3, 0.8)];
        assert_eq!(members(&clusters(&pairs, &[], &[], BAR)), vec![vec![1, 2], vec![3, 4]]);
    }

    #[test]
    fn weak_links_do_not_join() {
        let pairs = vec![pair(1, 2, 0.9), pair(2, 3, 0.55), pair(1, 3, 0.55)];
        assert_eq!(members(&clusters(&pairs, &[], &[], BAR)), vec![vec![1, 2]]);
    }

    #[test]
    fn decisions_link_and_separate() {
        let pairs = vec![pair(1, 2, 0.9), pair(2, 3, 0.9), pair(1, 3, 0.9)];
        // Taking 3 out of the group: distinct from the others.
        let apart = clusters(&pairs, &[], &[(3, 1), (2, 3)], BAR);
        assert_eq!(members(&apart), vec![vec![1, 2]]);
        // An analyst's link joins what the scores would not.
        let linked = clusters(&[], &[(5, 6)], &[], BAR);
        assert_eq!(members(&linked), vec![vec![5, 6]]);
        assert_eq!(linked[0].cohesion, 1.0);
    }
}
