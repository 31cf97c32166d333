//! The budget frame: the set of proposals with the highest total score whose requested
//! amounts fit within the frame, found exactly (0/1 knapsack by dynamic programming over
//! amounts in small units), with locks, the cut line, what just missed, the value at every
//! smaller frame, and the greedy lists it beats.
//!
//! Amounts are counted in units of a resolution. By default that is the largest unit every
//! amount is a whole number of (often 0.1 MNOK or 0.05 MNOK), when that is at least 0.01 MNOK:
//! the selection is then exact in kroner. Otherwise (or with a resolution given) amounts are
//! rounded UP and the frame DOWN to the resolution (0.1 MNOK by default), so the chosen set
//! never exceeds the frame; it is optimal among the sets that fit at that resolution, and
//! whatever still fits in the kroner that rounding left over is then added, best first.

mod greedy;
mod knapsack;

use super::matrix::ScoreMatrix;
use super::ranking::Ranking;
use crate::error::BudgetProblem;
use crate::error::{Error, Result};
use knapsack::knapsack;
use serde::Serialize;

/// 0.1 MNOK: fine enough for proposals of 2–1 500 MNOK, coarse enough to be fast.
pub const DEFAULT_RESOLUTION_NOK: i64 = 100_000;
/// The finest unit chosen by itself (0.01 MNOK): finer units would make the DP slow.
const FINEST_AUTOMATIC_RESOLUTION_NOK: i64 = 10_000;
/// Beyond this many units the value arrays alone are too large to be worth it.
const MAX_UNITS: i64 = 50_000_000;

/// A proposal as the selection sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BudgetItem {
    /// The requested amount; None (or negative) when unknown: it cannot be chosen.
    pub cost_nok: Option<i64>,
    /// What it adds to the set's value (its total score).
    pub value: f64,
}

/// The frame and the analyst's locks. Locks are item (row) indices.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Frame {
    pub frame_nok: i64,
    /// The unit amounts are counted in; 0 chooses one (see the module documentation).
    pub resolution_nok: i64,
    /// Always in the set (they take their amount off the frame first).
    pub locked_in: Vec<usize>,
    /// Never in the set.
    pub locked_out: Vec<usize>,
    /// Compute the value-versus-frame curve up to this frame (default: the frame itself).
    pub curve_to_nok: Option<i64>,
}

impl Frame {
    pub fn new(frame_nok: i64) -> Self {
        Self { frame_nok, ..Self::default() }
    }
}

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The resolution to count in: the one given, else the largest unit all `amounts` are whole
/// numbers of when it is at least [`FINEST_AUTOMATIC_RESOLUTION_NOK`], else the default.
fn choose_resolution(given: i64, amounts: impl Iterator<Item = i64>) -> i64 {
    if given > 0 {
        return given;
    }
    let common = amounts.filter(|a| *a > 0).fold(0, gcd);
    if common >= FINEST_AUTOMATIC_RESOLUTION_NOK { common } else { DEFAULT_RESOLUTION_NOK }
}

/// A set picked by a simple rule, to compare with the exact one.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Greedy {
    /// Its items in the order the rule took them.
    pub chosen: Vec<usize>,
    pub spent_nok: i64,
    pub value: f64,
    /// In the exact set but not in this one.
    pub only_exact: Vec<usize>,
    /// In this one but not in the exact set.
    pub only_greedy: Vec<usize>,
}

/// A proposal that did not make it, though it ranks high.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Missed {
    pub row: usize,
    pub amount_nok: i64,
    pub value: f64,
    /// How much more than what is left of the frame it asks for.
    pub short_by_nok: i64,
}

/// The best value reachable at a frame size (a step of the value-versus-frame curve).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    pub frame_nok: i64,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Selection {
    pub frame_nok: i64,
    /// The unit amounts were counted in.
    pub resolution_nok: i64,
    /// True when every amount is a whole number of units: no rounding, exact in kroner.
    pub exact_in_kroner: bool,
    /// The chosen items, locked ones included, in the order given (rank order).
    pub chosen: Vec<usize>,
    /// `in_frame[item]` is true for chosen items.
    pub in_frame: Vec<bool>,
    pub spent_nok: i64,
    pub remaining_nok: i64,
    pub value: f64,
    pub locked_in: Vec<usize>,
    pub locked_out: Vec<usize>,
    /// Items without a (valid) requested amount: they cannot be chosen.
    pub no_amount: Vec<usize>,
    /// The place (1-based, in the given order) of the first item that could have been chosen
    /// but was not: everything above the line is in the set. None when all are in.
    pub cut_place: Option<usize>,
    /// The best-placed items that could have been chosen but were not (at most five).
    pub just_missed: Vec<Missed>,
    /// Items added after the exact pass because they fit in the kroner that rounding amounts
    /// up left over (empty when `exact_in_kroner`).
    pub topped_up: Vec<usize>,
    /// Down the ranked list, taking each proposal that still fits.
    pub top_down: Greedy,
    /// By value per krone (WSJF/RICE style), taking each that still fits.
    pub value_per_krone: Greedy,
    /// The best value at every frame size up to the frame (or `curve_to_nok`), as steps.
    pub curve: Vec<CurvePoint>,
}

impl Selection {
    /// The best value reachable with a frame of `frame_nok` (read off the curve; frames
    /// beyond the curve's end get its last value).
    pub fn value_at(&self, frame_nok: i64) -> f64 {
        self.curve.iter().take_while(|p| p.frame_nok <= frame_nok).last().map_or(0.0, |p| p.value)
    }
}

/// Chooses the set of items with the highest total value within the frame, exactly.
/// `order` lists every item index best first (the ranking); it orders the output and the
/// top-down comparison.
pub fn select(items: &[BudgetItem], order: &[usize], frame: &Frame) -> Result<Selection> {
    if frame.frame_nok < 0 {
        return Err(BudgetProblem::NegativeFrame.into());
    }
    if order.len() != items.len() || order.iter().any(|&i| i >= items.len()) {
        return Err(BudgetProblem::BadOrder.into());
    }
    let cost_of = |item: usize| cost(items[item]);
    let locked = read_locks(items, frame)?;

    let countable = || (0..items.len()).filter(|&i| locked[i] != Lock::Out).filter_map(cost_of);
    let resolution = choose_resolution(frame.resolution_nok, countable());
    let exact_in_kroner = countable().all(|a| a % resolution == 0);
    let units_of = |nok: i64| units(nok, resolution);
    let frame_units = frame.frame_nok / resolution;
    let locked_in: Vec<usize> = order.iter().copied().filter(|&i| locked[i] == Lock::In).collect();
    let locked_units: i64 = locked_in.iter().filter_map(|&i| cost_of(i)).map(units_of).sum();
    let locked_nok: i64 = locked_in.iter().filter_map(|&i| cost_of(i)).sum();
    let locked_value: f64 = locked_in.iter().map(|&i| value_of(items[i])).sum();
    if locked_units > frame_units {
        return Err(BudgetProblem::LocksExceedFrame { locked_nok, frame_nok: frame.frame_nok }.into());
    }
    let capacity = frame_units - locked_units;
    let curve_capacity = frame.curve_to_nok.map_or(capacity, |to| (to / resolution - locked_units).max(capacity));
    if curve_capacity > MAX_UNITS {
        return Err(BudgetProblem::TooManyUnits {
            frame_nok: frame.frame_nok,
            resolution_nok: resolution,
            units: curve_capacity,
            max_units: MAX_UNITS,
        }
        .into());
    }
    let candidates = knapsack_candidates(items, order, &locked, resolution, curve_capacity);
    let (picked, best) = knapsack(&candidates, capacity as usize, curve_capacity as usize)?;

    let mut in_frame = vec![false; items.len()];
    for &i in locked_in.iter().chain(&picked) {
        in_frame[i] = true;
    }
    let topped_up = if exact_in_kroner {
        Vec::new()
    } else {
        let left = frame.frame_nok - locked_in.iter().chain(&picked).filter_map(|&i| cost_of(i)).sum::<i64>();
        top_up(items, order, &locked, &mut in_frame, left)
    };
    let chosen: Vec<usize> = order.iter().copied().filter(|&i| in_frame[i]).collect();
    let spent_nok: i64 = chosen.iter().filter_map(|&i| cost_of(i)).sum();
    let remaining_nok = frame.frame_nok - spent_nok;
    let missed: Vec<usize> =
        order.iter().copied().filter(|&i| locked[i] == Lock::Free && cost_of(i).is_some() && !in_frame[i]).collect();
    let start = greedy::Start {
        items,
        locked: &locked,
        locked_in: &locked_in,
        capacity,
        resolution,
        exact: &chosen,
        in_exact: &in_frame,
    };
    let top_down = start.fill(order.iter().copied());
    let value_per_krone = start.fill(greedy::by_value_per_krone(items, order));

    Ok(Selection {
        frame_nok: frame.frame_nok,
        resolution_nok: resolution,
        exact_in_kroner,
        value: chosen.iter().map(|&i| value_of(items[i])).sum(),
        chosen,
        spent_nok,
        remaining_nok,
        locked_out: order.iter().copied().filter(|&i| locked[i] == Lock::Out).collect(),
        no_amount: order.iter().copied().filter(|&i| cost_of(i).is_none()).collect(),
        cut_place: order.iter().position(|i| missed.first() == Some(i)).map(|p| p + 1),
        just_missed: just_missed(items, &missed, remaining_nok),
        in_frame,
        locked_in,
        topped_up,
        top_down,
        value_per_krone,
        curve: value_curve(&best, locked_units, resolution, locked_value),
    })
}

/// An item's requested amount, when it has a valid one.
fn cost(item: BudgetItem) -> Option<i64> {
    item.cost_nok.filter(|c| *c >= 0)
}

/// An amount in units of `resolution`, rounded up.
fn units(nok: i64, resolution: i64) -> i64 {
    (nok + resolution - 1).div_euclid(resolution)
}

/// The knapsack's `(item, units, value)`: the free items with an amount, worth something,
/// and not larger than `capacity` units, in rank order.
fn knapsack_candidates(
    items: &[BudgetItem],
    order: &[usize],
    locked: &[Lock],
    resolution: i64,
    capacity: i64,
) -> Vec<(usize, usize, f64)> {
    order
        .iter()
        .copied()
        .filter(|&i| locked[i] == Lock::Free)
        .filter_map(|i| {
            let item_units = units(cost(items[i])?, resolution);
            let value = value_of(items[i]);
            (item_units <= capacity && value > 0.0).then_some((i, item_units as usize, value))
        })
        .collect()
}

/// Each item's lock as the frame gives it. A locked item must exist, an item locked in
/// needs an amount, and none is locked both in and out.
fn read_locks(items: &[BudgetItem], frame: &Frame) -> Result<Vec<Lock>> {
    let mut locked = vec![Lock::Free; items.len()];
    for &item in &frame.locked_in {
        let slot =
            locked.get_mut(item).ok_or_else(|| Error::from(BudgetProblem::NoSuchItem { item, locked_in: true }))?;
        if cost(items[item]).is_none() {
            return Err(BudgetProblem::LockedWithoutAmount(item).into());
        }
        *slot = Lock::In;
    }
    for &item in &frame.locked_out {
        let slot =
            locked.get_mut(item).ok_or_else(|| Error::from(BudgetProblem::NoSuchItem { item, locked_in: false }))?;
        if *slot == Lock::In {
            return Err(BudgetProblem::LockedBoth(item).into());
        }
        *slot = Lock::Out;
    }
    Ok(locked)
}

/// Rounding amounts up can leave kroner unused (`left`) that still hold a proposal: adds
/// those to `in_frame`, most points first, and gives them. This never lowers the value and
/// never passes the frame.
fn top_up(items: &[BudgetItem], order: &[usize], locked: &[Lock], in_frame: &mut [bool], mut left: i64) -> Vec<usize> {
    let mut rest: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| locked[i] == Lock::Free && !in_frame[i] && cost(items[i]).is_some())
        .collect();
    rest.sort_by(|&a, &b| value_of(items[b]).total_cmp(&value_of(items[a])));
    let mut topped_up = Vec::new();
    for i in rest {
        let item_cost = cost(items[i]).unwrap_or_default();
        if item_cost <= left && value_of(items[i]) > 0.0 {
            left -= item_cost;
            in_frame[i] = true;
            topped_up.push(i);
        }
    }
    topped_up
}

/// The best-placed five of `missed` (free items with an amount left out, in rank order),
/// with how much more than `remaining_nok` each asks for.
fn just_missed(items: &[BudgetItem], missed: &[usize], remaining_nok: i64) -> Vec<Missed> {
    missed
        .iter()
        .take(5)
        .map(|&i| {
            let amount_nok = cost(items[i]).unwrap_or_default();
            Missed { row: i, amount_nok, value: value_of(items[i]), short_by_nok: amount_nok - remaining_nok }
        })
        .collect()
}

/// The value-versus-frame curve from the knapsack's best value at every capacity: one
/// point where the value rises, the locked items' amount and value added.
fn value_curve(best: &[f64], locked_units: i64, resolution: i64, locked_value: f64) -> Vec<CurvePoint> {
    let mut curve = Vec::new();
    for (units, &reached) in best.iter().enumerate() {
        if curve.is_empty() || reached > best[units - 1] {
            curve.push(CurvePoint {
                frame_nok: (locked_units + units as i64) * resolution,
                value: locked_value + reached,
            });
        }
    }
    curve
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lock {
    Free,
    In,
    Out,
}

fn value_of(item: BudgetItem) -> f64 {
    if item.value.is_finite() { item.value } else { 0.0 }
}

impl ScoreMatrix {
    /// The exact selection for a ranking: each initiative's value is its total score, its
    /// cost its requested amount. Locks in `frame` are row indices.
    pub fn select(&self, ranking: &Ranking, frame: &Frame) -> Result<Selection> {
        let items: Vec<BudgetItem> = self
            .rows()
            .iter()
            .zip(&ranking.totals)
            .map(|(row, &value)| BudgetItem { cost_nok: row.amount_nok, value })
            .collect();
        let order: Vec<usize> = ranking.rows().collect();
        select(&items, &order, frame)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(list: &[(Option<i64>, f64)]) -> Vec<BudgetItem> {
        list.iter().map(|&(cost_nok, value)| BudgetItem { cost_nok, value }).collect()
    }

    fn mnok(m: i64) -> i64 {
        m * 1_000_000
    }

    #[test]
    fn the_exact_set_beats_taking_the_list_from_the_top() {
        // Frame 100: the top item (60) blocks the two next (50 + 50) that are worth more.
        let items =
            items(&[(Some(mnok(60)), 80.0), (Some(mnok(50)), 70.0), (Some(mnok(50)), 65.0), (Some(mnok(10)), 5.0)]);
        let selection = select(&items, &[0, 1, 2, 3], &Frame::new(100_000_000)).expect("select");
        assert_eq!(selection.chosen, vec![1, 2]);
        assert_eq!(selection.value, 135.0);
        assert_eq!(selection.spent_nok, 100_000_000);
        assert_eq!(selection.remaining_nok, 0);
        assert_eq!(selection.cut_place, Some(1));
        assert_eq!(selection.just_missed[0].row, 0);
        assert_eq!(selection.just_missed[0].short_by_nok, 60_000_000);
        assert_eq!(selection.top_down.chosen, vec![0, 3]);
        assert_eq!(selection.top_down.value, 85.0);
        assert_eq!(selection.top_down.only_exact, vec![1, 2]);
        assert_eq!(selection.top_down.only_greedy, vec![0, 3]);
        // The curve: 5 at 10, 80 at 60, 85 at 70, 135 at 100.
        let steps: Vec<(i64, f64)> = selection.curve.iter().map(|p| (p.frame_nok / 1_000_000, p.value)).collect();
        assert_eq!(steps, vec![(0, 0.0), (10, 5.0), (50, 70.0), (60, 80.0), (70, 85.0), (100, 135.0)]);
        assert_eq!(selection.value_at(65_000_000), 80.0);
        assert_eq!(selection.value_at(9_999_999), 0.0);
    }

    #[test]
    fn locks_are_respected_and_amounts_round_up() {
        let items = items(&[
            (Some(mnok(60)), 80.0),
            (Some(mnok(50)), 70.0),
            (Some(mnok(50)), 65.0),
            (None, 99.0),
            (Some(150_001), 1.0),
        ]);
        let frame = Frame { locked_in: vec![0], locked_out: vec![1], ..Frame::new(110_000_000) };
        let selection = select(&items, &[3, 0, 1, 2, 4], &frame).expect("select");
        assert_eq!(selection.chosen, vec![0, 2]);
        assert_eq!(selection.no_amount, vec![3]);
        assert_eq!(selection.locked_out, vec![1]);
        assert_eq!(selection.just_missed.iter().map(|m| m.row).collect::<Vec<_>>(), vec![4]);
        // 0.150001 MNOK counts as 0.2 MNOK; nothing is left, so it misses by 150 001 NOK.
        assert_eq!(selection.just_missed[0].short_by_nok, 150_001);
        let curve_end = selection.curve.last().expect("curve");
        assert_eq!(curve_end.value, 145.0);

        let both = Frame { locked_in: vec![0], locked_out: vec![0], ..Frame::new(110_000_000) };
        assert!(select(&items, &[0, 1, 2, 3, 4], &both).expect_err("both").to_string().contains("both"));
        let too_much = Frame { locked_in: vec![0, 1], ..Frame::new(100_000_000) };
        assert!(select(&items, &[0, 1, 2, 3, 4], &too_much).expect_err("over").to_string().contains("more than"));
        let no_amount = Frame { locked_in: vec![3], ..Frame::new(100_000_000) };
        assert!(select(&items, &[0, 1, 2, 3, 4], &no_amount).is_err());
    }

    #[test]
    fn the_resolution_follows_the_amounts_and_rounding_leftovers_are_used() {
        // Amounts in 0.05 MNOK: counted in 0.05 MNOK, exact in kroner.
        let fine = items(&[(Some(350_000), 10.0), (Some(450_000), 10.0), (Some(200_000), 10.0)]);
        let selection = select(&fine, &[0, 1, 2], &Frame::new(1_000_000)).expect("select");
        assert_eq!(selection.resolution_nok, 50_000);
        assert!(selection.exact_in_kroner);
        assert_eq!(selection.chosen, vec![0, 1, 2], "1.0 MNOK holds 0.35 + 0.45 + 0.2 exactly");
        // Whole MNOK: counted in MNOK, still exact.
        let whole = items(&[(Some(mnok(3)), 1.0), (Some(mnok(7)), 1.0)]);
        assert_eq!(select(&whole, &[0, 1], &Frame::new(10_500_000)).expect("select").resolution_nok, 1_000_000);

        // Odd kroner: 0.1 MNOK, rounded up; what still fits afterwards is added.
        let odd = items(&[(Some(350_001), 10.0), (Some(450_001), 10.0), (Some(199_997), 1.0)]);
        let selection = select(&odd, &[0, 1, 2], &Frame::new(1_000_000)).expect("select");
        assert_eq!(selection.resolution_nok, 100_000);
        assert!(!selection.exact_in_kroner);
        assert_eq!(selection.topped_up, vec![2], "0.4 + 0.5 units leave 0.1 MNOK; 199 997 NOK fits in kroner");
        assert_eq!(selection.spent_nok, 999_999);
        let given = Frame { resolution_nok: 100_000, ..Frame::new(1_000_000) };
        assert_eq!(select(&fine, &[0, 1, 2], &given).expect("select").resolution_nok, 100_000);
    }

    #[test]
    fn value_per_krone_is_greedy_and_can_lose() {
        // Ratio favours the small one; then the big valuable one no longer fits.
        let items = items(&[(Some(mnok(100)), 90.0), (Some(mnok(1)), 2.0)]);
        let selection = select(&items, &[0, 1], &Frame::new(100_000_000)).expect("select");
        assert_eq!(selection.chosen, vec![0]);
        assert_eq!(selection.value_per_krone.chosen, vec![1]);
        assert!(selection.value_per_krone.value < selection.value);
    }

    #[test]
    fn the_curve_can_reach_past_the_frame() {
        let items = items(&[(Some(mnok(30)), 10.0), (Some(mnok(40)), 20.0)]);
        let frame = Frame { curve_to_nok: Some(100_000_000), ..Frame::new(50_000_000) };
        let selection = select(&items, &[1, 0], &frame).expect("select");
        assert_eq!(selection.chosen, vec![1]);
        assert_eq!(selection.curve.last().map(|p| (p.frame_nok, p.value)), Some((70_000_000, 30.0)));
    }

    #[test]
    fn huge_frames_at_fine_resolution_are_refused_with_advice() {
        let items = items(&[(Some(mnok(30)), 10.0)]);
        let frame = Frame { resolution_nok: 1, ..Frame::new(1_000_000_000_000) };
        let err = select(&items, &[0], &frame).expect_err("too fine").to_string();
        assert!(err.contains("coarser resolution"), "{err}");
    }
}
