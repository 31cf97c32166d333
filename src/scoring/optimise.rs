//! The alternatives to filling the frame in rank order, and the comparison an analyst needs
//! to choose: the exact set with the most benefit ([`Mode::MostBenefit`]), the list by
//! benefit per krone ([`Mode::ValueForMoney`]), what changes between the rank-order set and
//! the optimised one, and how the best achievable benefit grows with the frame.
//!
//! The optimised set's value is the *benefit* score: the total without the criteria that
//! measure cost. With a frame, cost is the constraint; counting it again as a criterion
//! would reward cheapness twice.

use super::budget::{BudgetItem, Frame, Selection, select};
use super::plan::{Lock, Locks, Mode, Plan, PlanError, PlanItem, Reason, fill, finish, lock_states};
use crate::error::Result;
use serde::Serialize;

/// The frame's share (percent) at which the value-against-frame curve is reported.
pub const CURVE_PERCENTS: [i64; 6] = [25, 50, 75, 100, 125, 150];

/// Everything a plan is made from: cheap to copy to a worker thread.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PlanInput {
    pub items: Vec<PlanItem>,
    /// Every row, best first by total score.
    pub rank_order: Vec<usize>,
    pub frame_nok: i64,
    /// The unit the exact selection counts amounts in; 0 chooses one (see [`super::budget`]).
    pub resolution_nok: i64,
    pub locks: Locks,
    pub mode: Mode,
    /// Confirmed duplicate groups (rows): the frame funds one member of each.
    pub confirmed_groups: Vec<Vec<usize>>,
    /// Also work out the optimised set, the comparison and the curve (the costly part; the
    /// optimised mode always does).
    pub compare: bool,
}

/// The rank-order set beside the optimised one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Swap {
    /// In the optimised set only, in rank order.
    pub entered: Vec<usize>,
    /// In the rank-order set only, in rank order: each gave way.
    pub left: Vec<usize>,
    pub rank_order_benefit: f64,
    pub optimum_benefit: f64,
    /// How much more benefit the optimised set buys, in percent of the rank-order set's;
    /// None when that is 0.
    pub gain_percent: Option<f64>,
    /// Whether the optimised set is exact in kroner (else amounts were rounded up).
    pub exact_in_kroner: bool,
}

/// A point of the value-against-frame curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct FrameStep {
    pub frame_nok: i64,
    /// The most benefit any set within this frame gives.
    pub best_benefit: f64,
    /// The benefit of the rank-order fill of this frame.
    pub rank_order_benefit: f64,
}

/// A plan in the chosen mode, with the comparison when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prioritised {
    pub plan: Plan,
    pub swap: Option<Swap>,
    pub curve: Vec<FrameStep>,
}

/// Makes the plan for `input.mode`, and (with `compare`, or in the optimised mode) the
/// optimised set's comparison with the rank-order set and the curve.
pub fn prioritise(input: &PlanInput) -> Result<Prioritised> {
    let PlanInput { items, rank_order, frame_nok, locks, confirmed_groups, .. } = input;
    let rank_fill = fill(items, rank_order, *frame_nok, locks, confirmed_groups, Mode::RankOrder)?;
    let optimised = if input.compare || input.mode == Mode::MostBenefit { Some(optimum(input)?) } else { None };
    let (swap, curve) = match &optimised {
        Some((plan, selection)) => (Some(swap(&rank_fill, plan, selection)), curve(input, selection)?),
        None => (None, Vec::new()),
    };
    let plan = match (input.mode, optimised) {
        (Mode::MostBenefit, Some((plan, _))) => plan,
        (Mode::ValueForMoney, _) => {
            fill(items, &value_for_money_order(items, rank_order), *frame_nok, locks, confirmed_groups, input.mode)?
        }
        _ => rank_fill,
    };
    Ok(Prioritised { plan, swap, curve })
}

/// The rows by benefit per krone, best first; ties (and rows without an amount, last) in
/// rank order. A free initiative with any benefit comes first.
pub fn value_for_money_order(items: &[PlanItem], rank_order: &[usize]) -> Vec<usize> {
    let ratio = |row: usize| match items[row].cost() {
        None => f64::NEG_INFINITY,
        Some(0) if items[row].benefit > 0.0 => f64::INFINITY,
        Some(0) => 0.0,
        Some(cost) => items[row].benefit / cost as f64,
    };
    let mut order = rank_order.to_vec();
    order.sort_by(|&a, &b| ratio(b).total_cmp(&ratio(a)));
    order
}

/// The rows of confirmed duplicate groups that the optimised set leaves out, with the member
/// kept: a locked-in member if there is one, else the best-ranked one that can be funded.
fn duplicate_exclusions(input: &PlanInput, state: &[Lock]) -> Vec<(usize, i64)> {
    let mut place = vec![0usize; input.items.len()];
    for (p, &row) in input.rank_order.iter().enumerate() {
        place[row] = p;
    }
    let mut out = Vec::new();
    for group in &input.confirmed_groups {
        let fundable = |row: &&usize| state[**row] != Lock::Out && input.items[**row].cost().is_some();
        let kept = group
            .iter()
            .find(|row| state[**row] == Lock::In)
            .or_else(|| group.iter().filter(fundable).min_by_key(|row| place[**row]));
        let Some(&kept) = kept else { continue };
        for &row in group {
            if row != kept && state[row] == Lock::Free {
                out.push((row, input.items[kept].id));
            }
        }
    }
    out
}

/// The exact set with the most benefit, as a plan with a reason for every row left out.
fn optimum(input: &PlanInput) -> Result<(Plan, Selection)> {
    let items = &input.items;
    let mut state = lock_states(items, input.frame_nok, &input.locks)?;
    let excluded = duplicate_exclusions(input, &state);
    let budget_items: Vec<BudgetItem> =
        items.iter().map(|item| BudgetItem { cost_nok: item.cost(), value: item.benefit }).collect();
    let mut locked_out = input.locks.locked_out.clone();
    locked_out.extend(excluded.iter().map(|&(row, _)| row));
    let frame = Frame {
        frame_nok: input.frame_nok,
        resolution_nok: input.resolution_nok,
        locked_in: input.locks.locked_in.clone(),
        locked_out,
        curve_to_nok: Some(curve_end(input.frame_nok)),
    };
    let selection = select(&budget_items, &input.rank_order, &frame)?;
    let locked_nok: i64 = input.locks.locked_in.iter().filter_map(|&row| items[row].cost()).sum();
    let mut reasons: Vec<Option<Reason>> = vec![None; items.len()];
    for &(row, kept) in &excluded {
        reasons[row] = Some(Reason::DuplicateOf { id: kept });
        state[row] = Lock::Free;
    }
    for row in 0..items.len() {
        if selection.in_frame[row] || reasons[row].is_some() {
            continue;
        }
        reasons[row] = Some(match (state[row], items[row].cost()) {
            (Lock::Out, _) => Reason::LockedOut,
            (_, None) => Reason::NoAmount,
            (_, Some(_)) if items[row].benefit <= 0.0 => Reason::NoBenefit,
            (_, Some(cost)) if cost > input.frame_nok - locked_nok => {
                Reason::DoesNotFit { amount_nok: cost, left_nok: input.frame_nok - locked_nok }
            }
            (_, Some(cost)) => Reason::GaveWay { amount_nok: cost },
        });
    }
    let plan = finish(
        items,
        &input.rank_order,
        input.frame_nok,
        &state,
        selection.in_frame.clone(),
        reasons,
        Vec::new(),
        Mode::MostBenefit,
    );
    Ok((plan, selection))
}

fn curve_end(frame_nok: i64) -> i64 {
    frame_nok.saturating_add(frame_nok / 2)
}

fn swap(rank_fill: &Plan, optimum: &Plan, selection: &Selection) -> Swap {
    let entered = optimum.chosen.iter().copied().filter(|&row| !rank_fill.in_frame[row]).collect();
    let left = rank_fill.chosen.iter().copied().filter(|&row| !optimum.in_frame[row]).collect();
    let gain_percent =
        (rank_fill.benefit > 0.0).then(|| ((optimum.benefit - rank_fill.benefit) / rank_fill.benefit * 100.0).max(0.0));
    Swap {
        entered,
        left,
        rank_order_benefit: rank_fill.benefit,
        optimum_benefit: optimum.benefit,
        gain_percent,
        exact_in_kroner: selection.exact_in_kroner,
    }
}

/// The best benefit and the rank-order fill's benefit at a quarter, half … one and a half
/// times the frame (frames the locked-in initiatives alone exceed are left out).
fn curve(input: &PlanInput, selection: &Selection) -> Result<Vec<FrameStep>, PlanError> {
    let mut steps = Vec::new();
    for percent in CURVE_PERCENTS {
        let frame_nok = input.frame_nok / 100 * percent + input.frame_nok % 100 * percent / 100;
        let fill_at =
            fill(&input.items, &input.rank_order, frame_nok, &input.locks, &input.confirmed_groups, Mode::RankOrder);
        match fill_at {
            Ok(plan) => steps.push(FrameStep {
                frame_nok,
                best_benefit: selection.value_at(frame_nok).max(plan.benefit),
                rank_order_benefit: plan.benefit,
            }),
            Err(PlanError::LocksExceedFrame { .. }) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(list: &[(i64, f64)], frame_mnok: i64) -> PlanInput {
        let items = list
            .iter()
            .enumerate()
            .map(|(i, &(mnok, benefit))| PlanItem {
                id: i as i64 + 1,
                cost_nok: Some(mnok * 1_000_000),
                total: benefit,
                benefit,
            })
            .collect();
        PlanInput {
            items,
            rank_order: (0..list.len()).collect(),
            frame_nok: frame_mnok * 1_000_000,
            compare: true,
            ..PlanInput::default()
        }
    }

    #[test]
    fn the_optimised_set_is_an_explained_alternative() {
        // Frame 100: rank order takes 60 (then 10); the optimum takes 50 + 50.
        let input = input(&[(60, 80.0), (50, 70.0), (50, 65.0), (10, 5.0)], 100);
        let result = prioritise(&input).expect("plan");
        assert_eq!(result.plan.mode, Mode::RankOrder);
        assert_eq!(result.plan.chosen, vec![0, 3]);
        let swap = result.swap.expect("swap");
        assert_eq!((swap.entered.clone(), swap.left.clone()), (vec![1, 2], vec![0, 3]));
        assert!((swap.gain_percent.expect("gain") - (135.0 - 85.0) / 85.0 * 100.0).abs() < 1e-9);
        let best = prioritise(&PlanInput { mode: Mode::MostBenefit, ..input.clone() }).expect("plan");
        assert_eq!(best.plan.chosen, vec![1, 2]);
        assert_eq!(best.plan.reason(0), Some(Reason::GaveWay { amount_nok: 60_000_000 }));
        assert_eq!(best.plan.cut_place, Some(1));
        let at_frame = result.curve.iter().find(|s| s.frame_nok == 100_000_000).expect("100 %");
        assert_eq!((at_frame.best_benefit, at_frame.rank_order_benefit), (135.0, 85.0));
        assert_eq!(result.curve.len(), CURVE_PERCENTS.len());
    }

    #[test]
    fn value_for_money_orders_by_benefit_per_krone() {
        let input = input(&[(100, 90.0), (1, 2.0), (10, 30.0)], 11);
        let order = value_for_money_order(&input.items, &input.rank_order);
        assert_eq!(order, vec![2, 1, 0], "3 per MNOK, 2 per MNOK, 0.9 per MNOK");
        let plan = prioritise(&PlanInput { mode: Mode::ValueForMoney, compare: false, ..input }).expect("plan").plan;
        assert_eq!(plan.chosen, vec![2, 1]);
        assert_eq!(plan.reason(0), Some(Reason::DoesNotFit { amount_nok: 100_000_000, left_nok: 0 }));
    }

    #[test]
    fn the_optimum_funds_one_member_of_a_confirmed_duplicate_group() {
        let mut input = input(&[(10, 50.0), (10, 40.0), (10, 30.0)], 30);
        input.confirmed_groups = vec![vec![0, 1]];
        input.mode = Mode::MostBenefit;
        let plan = prioritise(&input).expect("plan").plan;
        assert_eq!(plan.chosen, vec![0, 2]);
        assert_eq!(plan.reason(1), Some(Reason::DuplicateOf { id: 1 }));
    }
}
