//! Duplicates as the priority list sees them: which ranked initiatives are in a pair or group
//! that looks like one effort, and which confirmed groups the frame must not fund twice.
//!
//! The input is what the duplicate finder and the analyst already produced: decisions
//! (duplicate, overlap, distinct) and the open candidate pairs of the review queue. Nothing
//! here finds pairs.

use super::matrix::ScoreMatrix;
use crate::dedupe::Decision;
use serde::Serialize;
use std::collections::HashMap;

/// How sure it is that a ranked initiative has a twin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// An open candidate pair of the review queue (not decided yet).
    Likely,
    /// The analyst said the two overlap: different initiatives solving part of one problem.
    Overlap,
    /// The analyst said it is one initiative reported twice.
    Confirmed,
}

/// One row's strongest duplicate link, with the initiatives on the other side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateMark {
    pub kind: DuplicateKind,
    /// The other initiatives (ids) linked to it by a link of this kind, ascending.
    pub with: Vec<i64>,
}

/// The duplicate marks of a score matrix's rows, and its confirmed groups (as rows).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Duplicates {
    marks: HashMap<usize, DuplicateMark>,
    /// Rows linked by "duplicate" decisions, each group ascending, two or more members.
    pub confirmed_groups: Vec<Vec<usize>>,
}

impl Duplicates {
    /// Marks from the analyst's `decisions` (id, id, decision) and the `open` candidate pairs;
    /// pairs naming an initiative the matrix lacks (withdrawn) are left out.
    pub fn new(matrix: &ScoreMatrix, decisions: &[(i64, i64, Decision)], open: &[(i64, i64)]) -> Self {
        let mut marks: HashMap<usize, DuplicateMark> = HashMap::new();
        let mut mark = |row: usize, kind: DuplicateKind, other: i64| {
            let entry = marks.entry(row).or_insert(DuplicateMark { kind, with: Vec::new() });
            if kind > entry.kind {
                *entry = DuplicateMark { kind, with: Vec::new() };
            }
            if kind == entry.kind && !entry.with.contains(&other) {
                entry.with.push(other);
            }
        };
        let links = decisions
            .iter()
            .filter_map(|&(a, b, decision)| match decision {
                Decision::Duplicate => Some((a, b, DuplicateKind::Confirmed)),
                Decision::Overlap => Some((a, b, DuplicateKind::Overlap)),
                Decision::Distinct => None,
            })
            .chain(open.iter().map(|&(a, b)| (a, b, DuplicateKind::Likely)));
        let mut confirmed_pairs = Vec::new();
        for (a, b, kind) in links {
            let (Some(row_a), Some(row_b)) = (matrix.row_of(a), matrix.row_of(b)) else { continue };
            mark(row_a, kind, b);
            mark(row_b, kind, a);
            if kind == DuplicateKind::Confirmed {
                confirmed_pairs.push((row_a, row_b));
            }
        }
        for entry in marks.values_mut() {
            entry.with.sort_unstable();
        }
        Self { marks, confirmed_groups: groups(&confirmed_pairs) }
    }

    /// The row's strongest link, if it has one.
    pub fn mark(&self, row: usize) -> Option<&DuplicateMark> {
        self.marks.get(&row)
    }

    /// How many rows carry a mark.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}

/// Connected groups of the pairs (a duplicate of a duplicate is the same initiative).
fn groups(pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    fn root(parent: &mut HashMap<usize, usize>, row: usize) -> usize {
        let mut at = row;
        while let Some(&up) = parent.get(&at).filter(|&&up| up != at) {
            at = up;
        }
        parent.insert(row, at);
        at
    }
    let mut parent: HashMap<usize, usize> = HashMap::new();
    for &(a, b) in pairs {
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        parent.insert(ra.max(rb), ra.min(rb));
    }
    let members: Vec<usize> = parent.keys().copied().collect();
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for row in members {
        let r = root(&mut parent, row);
        by_root.entry(r).or_default().push(row);
    }
    let mut list: Vec<Vec<usize>> = by_root.into_values().filter(|g| g.len() > 1).collect();
    for group in &mut list {
        group.sort_unstable();
    }
    list.sort();
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::Candidate;

    fn matrix(ids: &[i64]) -> ScoreMatrix {
        let criteria =
            crate::scoring::Criteria::from_reference(&crate::reference::ReferenceSource::builtin()).expect("criteria");
        ScoreMatrix::new(criteria, ids.iter().map(|&id| Candidate { id, ..Candidate::default() }).collect(), [])
    }

    #[test]
    fn the_strongest_link_marks_a_row_and_duplicates_chain_into_groups() {
        let m = matrix(&[1, 2, 3, 4, 5, 6]);
        let decisions = [
            (1, 2, Decision::Duplicate),
            (2, 3, Decision::Duplicate),
            (4, 5, Decision::Overlap),
            (5, 6, Decision::Distinct),
            (1, 99, Decision::Duplicate),
        ];
        let dups = Duplicates::new(&m, &decisions, &[(4, 6), (1, 5)]);
        assert_eq!(dups.confirmed_groups, vec![vec![0, 1, 2]], "1–2–3 is one initiative; 99 is not active");
        let one = dups.mark(0).expect("1 is marked");
        assert_eq!((one.kind, one.with.clone()), (DuplicateKind::Confirmed, vec![2]), "the open pair 1–5 is weaker");
        let five = dups.mark(4).expect("5");
        assert_eq!((five.kind, five.with.clone()), (DuplicateKind::Overlap, vec![4]));
        assert_eq!(dups.mark(5).map(|m| m.kind), Some(DuplicateKind::Likely), "distinct is no link; the open pair is");
        assert_eq!(dups.len(), 6);
    }
}
