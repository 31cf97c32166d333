//! Properties of the priority plan on random small portfolios: the default plan is exactly
//! the rank-order fill of the frame (nobody is out while a lower-ranked initiative is in,
//! unless it did not fit what was left), every reason states the arithmetic truthfully, and
//! the optimised mode is as good as any set a brute force finds.

use proptest::prelude::*;
use samla::scoring::{Locks, Mode, PlanInput, PlanItem, Reason, prioritise};

#[derive(Debug, Clone)]
struct Case {
    items: Vec<PlanItem>,
    /// A random ranking (rows best first).
    order: Vec<usize>,
    frame_nok: i64,
    locks: Locks,
    groups: Vec<Vec<usize>>,
}

fn case() -> impl Strategy<Value = Case> {
    let amount = prop_oneof![8 => (0i64..=60).prop_map(|u| Some(u * 100_000)), 1 => Just(None)];
    let item = (amount, 0.0f64..100.0, 0.0f64..100.0);
    (proptest::collection::vec(item, 1..=12), 0i64..=8_000_000).prop_flat_map(|(raw, frame_nok)| {
        let n = raw.len();
        let items: Vec<PlanItem> = raw
            .iter()
            .enumerate()
            .map(|(i, &(cost_nok, total, benefit))| PlanItem { id: i as i64 + 1, cost_nok, total, benefit })
            .collect();
        (
            Just(items),
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            Just(frame_nok),
            proptest::collection::vec(0..n, 0..=1),
            proptest::collection::vec(0..n, 0..=2),
            proptest::collection::vec(0..n, 0..=3),
        )
            .prop_map(|(items, order, frame_nok, locked_in, locked_out, group)| {
                let mut group = group;
                group.sort_unstable();
                group.dedup();
                let groups = if group.len() > 1 { vec![group] } else { Vec::new() };
                Case { items, order, frame_nok, locks: Locks { locked_in, locked_out }, groups }
            })
    })
}

fn input(case: &Case, mode: Mode) -> PlanInput {
    PlanInput {
        items: case.items.clone(),
        rank_order: case.order.clone(),
        frame_nok: case.frame_nok,
        resolution_nok: 0,
        locks: case.locks.clone(),
        mode,
        confirmed_groups: case.groups.clone(),
        compare: true,
    }
}

/// Whether the locks can be met at all (else the plan must refuse).
fn locks_feasible(case: &Case) -> bool {
    let Locks { locked_in, locked_out } = &case.locks;
    let locked_nok: Option<i64> = locked_in.iter().map(|&r| case.items[r].cost_nok).sum();
    !locked_in.iter().any(|r| locked_out.contains(r)) && locked_nok.is_some_and(|nok| nok <= case.frame_nok)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn the_default_plan_is_exactly_the_rank_order_fill(case in case()) {
        let result = prioritise(&input(&case, Mode::RankOrder));
        prop_assert_eq!(result.is_ok(), locks_feasible(&case));
        let Ok(result) = result else { return Ok(()) };
        let plan = result.plan;
        prop_assert_eq!(plan.mode, Mode::RankOrder);
        // An independent walk down the ranking.
        let cost = |r: usize| case.items[r].cost_nok;
        let mut left = case.frame_nok - case.locks.locked_in.iter().filter_map(|&r| cost(r)).sum::<i64>();
        let mut funded: Vec<usize> = case.locks.locked_in.clone();
        for &row in &case.order {
            if case.locks.locked_in.contains(&row) {
                prop_assert!(plan.in_frame[row]);
                continue;
            }
            let twin = case.groups.iter().find(|g| g.contains(&row)).and_then(|g| g.iter().find(|r| funded.contains(r)));
            let expected = match cost(row) {
                _ if case.locks.locked_out.contains(&row) => Some(Reason::LockedOut),
                None => Some(Reason::NoAmount),
                Some(_) if twin.is_some() => Some(Reason::DuplicateOf { id: case.items[*twin.unwrap_or(&row)].id }),
                Some(c) if c <= left => { left -= c; funded.push(row); None }
                Some(c) => Some(Reason::DoesNotFit { amount_nok: c, left_nok: left }),
            };
            prop_assert_eq!(plan.reason(row), expected, "row {}", row);
            prop_assert_eq!(plan.in_frame[row], expected.is_none());
        }
        prop_assert_eq!(plan.remaining_nok, left);
        prop_assert!(plan.spent_nok <= case.frame_nok);
        // Nobody out above a funded row unless it did not fit, was locked out, had no amount
        // or duplicated a funded one.
        let last_in = plan.order.iter().rposition(|&r| plan.in_frame[r]).unwrap_or(0);
        for &row in &plan.order[..last_in] {
            if !plan.in_frame[row] {
                prop_assert!(plan.reason(row).is_some());
            }
        }
        let (frame, spent, left) = plan.shown_tenths();
        prop_assert_eq!(spent + left, frame);
    }

    #[test]
    fn the_optimised_mode_beats_every_feasible_set(case in case()) {
        // Amounts are whole 0.1 MNOK: the exact selection is exact in kroner.
        let result = prioritise(&input(&case, Mode::MostBenefit));
        prop_assert_eq!(result.is_ok(), locks_feasible(&case));
        let Ok(result) = result else { return Ok(()) };
        let n = case.items.len();
        let mut best = f64::NEG_INFINITY;
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
            let allowed = case.locks.locked_in.iter().all(|r| set.contains(r))
                && set.iter().all(|r| !case.locks.locked_out.contains(r) && case.items[*r].cost_nok.is_some())
                && set.iter().filter_map(|&r| case.items[r].cost_nok).sum::<i64>() <= case.frame_nok
                // One member of a confirmed group, unless locks put more in.
                && case.groups.iter().all(|g| {
                    set.iter().filter(|r| g.contains(r) && !case.locks.locked_in.contains(r)).count()
                        + usize::from(set.iter().any(|r| g.contains(r) && case.locks.locked_in.contains(r)))
                        <= 1
                });
            if allowed {
                best = best.max(set.iter().map(|&r| case.items[r].benefit).sum());
            }
        }
        let plan = &result.plan;
        prop_assert!(plan.spent_nok <= case.frame_nok);
        let swap = result.swap.expect("the optimised mode compares");
        prop_assert!(swap.optimum_benefit + 1e-9 >= swap.rank_order_benefit || !case.groups.is_empty());
        // With a duplicate group the optimum keeps the best-ranked member, which the brute force
        // does not have to; without one it must match the brute force.
        if case.groups.is_empty() {
            prop_assert!((plan.benefit - best).abs() < 1e-6, "optimised {} vs brute force {best}", plan.benefit);
        } else {
            prop_assert!(plan.benefit <= best + 1e-6);
        }
        for &row in &plan.order {
            prop_assert_eq!(plan.in_frame[row], plan.reason(row).is_none(), "row {}", row);
        }
    }
}
