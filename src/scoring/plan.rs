//! The priority plan: which initiatives a budget frame funds, and why each one that is not
//! funded is out.
//!
//! The default fills the frame from the top of the ranking: an initiative is skipped only
//! when it does not fit what is left, so no initiative is out while a lower-ranked one is in
//! unless the higher one did not fit ([`Mode::RankOrder`]). That is the list an embetsgruppe
//! can read and defend. The alternatives — the set with the most benefit the frame can buy
//! ([`Mode::MostBenefit`], exact) and the list ordered by benefit per krone
//! ([`Mode::ValueForMoney`]) — are in [`super::optimise`].

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How the frame is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Down the ranking, skipping only what does not fit what is left.
    #[default]
    RankOrder,
    /// The set with the highest sum of benefit scores within the frame, found exactly.
    MostBenefit,
    /// Down the list ordered by benefit per krone, skipping what does not fit.
    ValueForMoney,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::RankOrder, Mode::MostBenefit, Mode::ValueForMoney];

    /// The stable name, as saved and typed on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Mode::RankOrder => "rank_order",
            Mode::MostBenefit => "most_benefit",
            Mode::ValueForMoney => "value_for_money",
        }
    }

    /// A mode from its code (`-` or `_` between the words).
    pub fn parse(text: &str) -> Option<Self> {
        let wanted = text.trim().replace('-', "_").to_ascii_lowercase();
        Self::ALL.into_iter().find(|m| m.code() == wanted)
    }

    /// The next mode, for a key that steps through them.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Mode::RankOrder => Mode::MostBenefit,
            Mode::MostBenefit => Mode::ValueForMoney,
            Mode::ValueForMoney => Mode::RankOrder,
        }
    }
}

/// Why an initiative is not funded.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// No requested amount: nothing to charge the frame with.
    NoAmount,
    /// The analyst locked it out.
    LockedOut,
    /// When its turn came, it asked for more than was left of the frame.
    DoesNotFit { amount_nok: i64, left_nok: i64 },
    /// A confirmed duplicate of an initiative (id) that is funded: one effort, paid once.
    DuplicateOf { id: i64 },
    /// It fits, but the optimised set spends its amount on initiatives that together give
    /// more benefit.
    GaveWay { amount_nok: i64 },
    /// Its benefit score is 0: the optimised set gains nothing from it.
    NoBenefit,
}

/// An initiative as the plan sees it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlanItem {
    pub id: i64,
    /// The requested amount; None (or negative) when unknown: it cannot be funded.
    pub cost_nok: Option<i64>,
    /// Its total score (the ranking's, 0..100).
    pub total: f64,
    /// Its benefit score: the total without the criteria that measure cost (0..100).
    pub benefit: f64,
}

impl PlanItem {
    pub(crate) fn cost(&self) -> Option<i64> {
        self.cost_nok.filter(|c| *c >= 0)
    }
}

/// What the analyst fixed: the frame and the locks (rows).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Locks {
    pub locked_in: Vec<usize>,
    pub locked_out: Vec<usize>,
}

pub use crate::error::PlanError;

/// Which initiatives a frame funds, in the order of the plan's list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub mode: Mode,
    pub frame_nok: i64,
    /// The list's order (rows), best first: the ranking, or by benefit per krone.
    pub order: Vec<usize>,
    /// `in_frame[row]` is true for funded rows.
    pub in_frame: Vec<bool>,
    /// The funded rows, in `order`.
    pub chosen: Vec<usize>,
    /// Why each row that is not funded is out (None for funded rows).
    pub reasons: Vec<Option<Reason>>,
    pub spent_nok: i64,
    pub remaining_nok: i64,
    /// The sum of the funded rows' total scores, and of their benefit scores.
    pub total_points: f64,
    pub benefit: f64,
    /// The place (1-based, in `order`) where the first initiative falls out for want of
    /// room (or as a duplicate); None when every one with an amount is in.
    pub cut_place: Option<usize>,
    pub locked_in: Vec<usize>,
    pub locked_out: Vec<usize>,
    pub no_amount: Vec<usize>,
    /// Confirmed duplicate groups with more than one member funded (only locks can do it).
    pub funded_twice: Vec<Vec<usize>>,
}

impl Plan {
    /// The reason a row is out, if it is.
    pub fn reason(&self, row: usize) -> Option<Reason> {
        self.reasons.get(row).copied().flatten()
    }

    /// The frame, spent and left in tenths of MNOK, rounded so that spent and left add up to
    /// the frame as shown.
    pub fn shown_tenths(&self) -> (i64, i64, i64) {
        let tenths = |nok: i64| (nok as f64 / 100_000.0).round() as i64;
        let (frame, spent) = (tenths(self.frame_nok), tenths(self.spent_nok));
        (frame, spent, frame - spent)
    }

    /// The rows above the cut line that are out (they fell out though they rank high).
    pub fn out_above(&self, place_limit: usize) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().take(place_limit).copied().filter(|&row| !self.in_frame[row])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lock {
    Free,
    In,
    Out,
}

/// Checks the locks against the items and the frame: one state per row.
pub(crate) fn lock_states(items: &[PlanItem], frame_nok: i64, locks: &Locks) -> Result<Vec<Lock>, PlanError> {
    if frame_nok < 0 {
        return Err(PlanError::NegativeFrame);
    }
    let mut state = vec![Lock::Free; items.len()];
    for &row in &locks.locked_in {
        let item = items.get(row).ok_or(PlanError::NoSuchRow(row))?;
        if item.cost().is_none() {
            return Err(PlanError::LockedWithoutAmount { id: item.id });
        }
        state[row] = Lock::In;
    }
    for &row in &locks.locked_out {
        let item = items.get(row).ok_or(PlanError::NoSuchRow(row))?;
        if state[row] == Lock::In {
            return Err(PlanError::LockedBoth { id: item.id });
        }
        state[row] = Lock::Out;
    }
    let locked_nok: i64 = (0..items.len()).filter(|&r| state[r] == Lock::In).filter_map(|r| items[r].cost()).sum();
    if locked_nok > frame_nok {
        return Err(PlanError::LocksExceedFrame { locked_nok, frame_nok });
    }
    Ok(state)
}

/// Fills the frame down `order`: locked-in rows first, then each row that fits what is left.
/// A row whose confirmed duplicate is already funded is skipped. `groups` are confirmed
/// duplicate groups (rows).
pub fn fill(
    items: &[PlanItem],
    order: &[usize],
    frame_nok: i64,
    locks: &Locks,
    groups: &[Vec<usize>],
    mode: Mode,
) -> Result<Plan, PlanError> {
    if order.len() != items.len() || order.iter().any(|&row| row >= items.len()) {
        return Err(PlanError::BadOrder);
    }
    let state = lock_states(items, frame_nok, locks)?;
    let group_of: HashMap<usize, usize> =
        groups.iter().enumerate().flat_map(|(g, rows)| rows.iter().map(move |&r| (r, g))).collect();
    let mut funded_in_group: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    let mut in_frame = vec![false; items.len()];
    let mut reasons: Vec<Option<Reason>> = vec![None; items.len()];
    let mut left = frame_nok;
    for &row in order.iter().filter(|&&row| state[row] == Lock::In) {
        in_frame[row] = true;
        left -= items[row].cost().unwrap_or_default();
        if let Some(&g) = group_of.get(&row) {
            funded_in_group[g].push(row);
        }
    }
    for &row in order {
        let reason = match (state[row], items[row].cost()) {
            (Lock::In, _) => continue,
            (Lock::Out, _) => Reason::LockedOut,
            (Lock::Free, None) => Reason::NoAmount,
            (Lock::Free, Some(cost)) => {
                let twin = group_of.get(&row).and_then(|&g| funded_in_group[g].first().copied());
                match twin {
                    Some(twin) => Reason::DuplicateOf { id: items[twin].id },
                    None if cost <= left => {
                        left -= cost;
                        in_frame[row] = true;
                        if let Some(&g) = group_of.get(&row) {
                            funded_in_group[g].push(row);
                        }
                        continue;
                    }
                    None => Reason::DoesNotFit { amount_nok: cost, left_nok: left },
                }
            }
        };
        reasons[row] = Some(reason);
    }
    let funded_twice = funded_in_group.into_iter().filter(|rows| rows.len() > 1).collect();
    Ok(finish(items, order, frame_nok, &state, in_frame, reasons, funded_twice, mode))
}

/// The plan's sums and lists once it is known who is in and why the others are out.
#[allow(clippy::too_many_arguments)] // what each step of the selection found, handed over once
pub(crate) fn finish(
    items: &[PlanItem],
    order: &[usize],
    frame_nok: i64,
    state: &[Lock],
    in_frame: Vec<bool>,
    reasons: Vec<Option<Reason>>,
    funded_twice: Vec<Vec<usize>>,
    mode: Mode,
) -> Plan {
    let chosen: Vec<usize> = order.iter().copied().filter(|&row| in_frame[row]).collect();
    let spent_nok: i64 = chosen.iter().filter_map(|&row| items[row].cost()).sum();
    let falls_out = |reason: Option<Reason>| {
        matches!(reason, Some(Reason::DoesNotFit { .. } | Reason::DuplicateOf { .. } | Reason::GaveWay { .. }))
    };
    Plan {
        mode,
        frame_nok,
        cut_place: order.iter().position(|&row| falls_out(reasons[row])).map(|p| p + 1),
        total_points: chosen.iter().map(|&row| finite(items[row].total)).sum(),
        benefit: chosen.iter().map(|&row| finite(items[row].benefit)).sum(),
        spent_nok,
        remaining_nok: frame_nok - spent_nok,
        locked_in: order.iter().copied().filter(|&row| state[row] == Lock::In).collect(),
        locked_out: order.iter().copied().filter(|&row| state[row] == Lock::Out).collect(),
        no_amount: order.iter().copied().filter(|&row| items[row].cost().is_none()).collect(),
        order: order.to_vec(),
        chosen,
        in_frame,
        reasons,
        funded_twice,
    }
}

pub(crate) fn finite(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[(Option<i64>, f64)]) -> Vec<PlanItem> {
        list.iter()
            .enumerate()
            .map(|(i, &(cost, total))| PlanItem {
                id: i as i64 + 1,
                cost_nok: cost.map(|m| m * 1_000_000),
                total,
                benefit: total,
            })
            .collect()
    }

    #[test]
    fn the_frame_fills_from_the_top_and_says_why_an_item_is_out() {
        // Frame 100: 60 in, 55 does not fit the 40 left, 30 fits, 20 does not fit the 10 left.
        let items = items(&[(Some(60), 80.0), (Some(55), 70.0), (Some(30), 60.0), (Some(20), 50.0), (None, 40.0)]);
        let plan = fill(&items, &[0, 1, 2, 3, 4], 100_000_000, &Locks::default(), &[], Mode::RankOrder).expect("plan");
        assert_eq!(plan.chosen, vec![0, 2]);
        assert_eq!(plan.reason(1), Some(Reason::DoesNotFit { amount_nok: 55_000_000, left_nok: 40_000_000 }));
        assert_eq!(plan.reason(3), Some(Reason::DoesNotFit { amount_nok: 20_000_000, left_nok: 10_000_000 }));
        assert_eq!(plan.reason(4), Some(Reason::NoAmount));
        assert_eq!(plan.cut_place, Some(2));
        assert_eq!((plan.spent_nok, plan.remaining_nok), (90_000_000, 10_000_000));
        assert_eq!(plan.total_points, 140.0);
    }

    #[test]
    fn locks_and_confirmed_duplicates_are_respected() {
        let items = items(&[(Some(10), 90.0), (Some(10), 80.0), (Some(10), 70.0), (Some(10), 60.0)]);
        let locks = Locks { locked_in: vec![3], locked_out: vec![0] };
        let groups = vec![vec![1, 2]];
        let plan = fill(&items, &[0, 1, 2, 3], 30_000_000, &locks, &groups, Mode::RankOrder).expect("plan");
        assert_eq!(plan.chosen, vec![1, 3]);
        assert_eq!(plan.reason(0), Some(Reason::LockedOut));
        assert_eq!(plan.reason(2), Some(Reason::DuplicateOf { id: 2 }));
        assert!(plan.funded_twice.is_empty());
        let both = Locks { locked_in: vec![1, 2], locked_out: vec![] };
        let plan = fill(&items, &[0, 1, 2, 3], 30_000_000, &both, &groups, Mode::RankOrder).expect("plan");
        assert_eq!(plan.funded_twice, vec![vec![1, 2]], "locks may fund both, and the plan says so");
        let over = Locks { locked_in: vec![0, 1, 2, 3], locked_out: vec![] };
        let err = fill(&items, &[0, 1, 2, 3], 30_000_000, &over, &[], Mode::RankOrder).expect_err("over");
        assert_eq!(err, PlanError::LocksExceedFrame { locked_nok: 40_000_000, frame_nok: 30_000_000 });
    }

    #[test]
    fn shown_figures_add_up_to_the_frame() {
        let items = items(&[(Some(1), 1.0)]);
        let mut plan = fill(&items, &[0], 500_000_000, &Locks::default(), &[], Mode::RankOrder).expect("plan");
        plan.spent_nok = 491_950_000;
        let (frame, spent, left) = plan.shown_tenths();
        assert_eq!((frame, spent, left), (5000, 4920, 80), "8,1 left would make 500,1");
        assert_eq!(Mode::parse("most-benefit"), Some(Mode::MostBenefit));
        assert_eq!(Mode::RankOrder.next().next().next(), Mode::RankOrder);
    }
}
