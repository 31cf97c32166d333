//! Properties of scoring the issue asks for, on random small portfolios: the exact budget
//! selection is never worse than any other feasible set (brute force), respects locks and
//! never exceeds the frame; a ranking does not change when all weights are scaled, nor when
//! a criterion with zero weight changes.

use proptest::prelude::*;
use samla::scoring::{BudgetItem, Candidate, Criteria, Criterion, Frame, ScoreMatrix, Transform, Weights, select};
use std::collections::BTreeMap;

const RESOLUTION: i64 = 100_000;

fn criteria(columns: usize) -> Criteria {
    let list = (0..columns)
        .map(|c| Criterion {
            code: format!("k{c}"),
            name_nb: format!("K{c}"),
            name_en: format!("K{c}"),
            scale_min: 0.0,
            scale_max: 10.0,
            derived_from: None,
            values: BTreeMap::new(),
            transform: Transform::Linear,
            // Mixed directions, so "higher is worse" is covered too.
            higher_is_better: c % 3 != 2,
            default_weight: 1.0,
            weight: 1.0,
        })
        .collect();
    Criteria { list }
}

fn matrix(columns: usize, values: Vec<Option<f64>>) -> ScoreMatrix {
    let rows = (0..values.len() / columns).map(|i| Candidate { id: i as i64 + 1, ..Candidate::default() }).collect();
    ScoreMatrix::from_values(criteria(columns), rows, values).expect("matrix")
}

/// Few distinct values (and missing ones), so that ties are common.
fn cell() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), (0u8..=4).prop_map(|v| Some(f64::from(v) * 2.5)), (0.0f64..=10.0).prop_map(Some)]
}

fn scoring_case() -> impl Strategy<Value = (usize, Vec<Option<f64>>, Vec<f64>)> {
    (1usize..=5, 1usize..=25).prop_flat_map(|(columns, rows)| {
        (
            Just(columns),
            proptest::collection::vec(cell(), columns * rows),
            proptest::collection::vec(prop_oneof![Just(0.0), 0.0f64..100.0, Just(1.0)], columns),
        )
    })
}

/// A random portfolio: amounts either whole multiples of the resolution or any kroner (and
/// some missing), values 0–100, a frame, and locks (indices; may overlap, may not fit).
#[derive(Debug, Clone)]
struct Portfolio {
    items: Vec<BudgetItem>,
    frame_nok: i64,
    locked_in: Vec<usize>,
    locked_out: Vec<usize>,
}

/// How the amounts of a random portfolio are drawn.
#[derive(Debug, Clone, Copy)]
enum Amounts {
    /// Whole multiples of the resolution.
    WholeUnits,
    /// Multiples of 0.05 MNOK (half units): the automatic resolution counts them exactly.
    HalfUnits,
    /// Any kroner, some missing.
    Any,
}

fn portfolio(amounts: Amounts) -> impl Strategy<Value = Portfolio> {
    let amount = match amounts {
        Amounts::WholeUnits => (0i64..=40).prop_map(|u| Some(u * RESOLUTION)).boxed(),
        Amounts::HalfUnits => (0i64..=80).prop_map(|u| Some(u * RESOLUTION / 2)).boxed(),
        Amounts::Any => prop_oneof![8 => (0i64..=4_000_000).prop_map(Some), 1 => Just(None)].boxed(),
    };
    let item =
        (amount, prop_oneof![Just(0.0), 0.0f64..100.0]).prop_map(|(cost_nok, value)| BudgetItem { cost_nok, value });
    (proptest::collection::vec(item, 1..=11), 0i64..=12_000_000).prop_flat_map(|(items, frame_nok)| {
        let n = items.len();
        (Just(items), Just(frame_nok), proptest::collection::vec(0..n, 0..=2), proptest::collection::vec(0..n, 0..=2))
            .prop_map(|(items, frame_nok, locked_in, locked_out)| Portfolio { items, frame_nok, locked_in, locked_out })
    })
}

/// The best value of any set with the locked-in items, without the locked-out ones, whose
/// amounts fit the frame as `fits` counts them; None when no set does.
fn brute_force(p: &Portfolio, fits: impl Fn(&[usize]) -> bool) -> Option<f64> {
    let n = p.items.len();
    let mut best: Option<f64> = None;
    for mask in 0u32..(1 << n) {
        let set: Vec<usize> = (0..n).filter(|i| mask >> i & 1 == 1).collect();
        if p.locked_in.iter().any(|i| !set.contains(i))
            || set.iter().any(|i| p.locked_out.contains(i) || p.items[*i].cost_nok.is_none())
            || !fits(&set)
        {
            continue;
        }
        let value: f64 = set.iter().map(|&i| p.items[i].value).sum();
        best = Some(best.map_or(value, |b: f64| b.max(value)));
    }
    best
}

fn frame_of(p: &Portfolio, resolution_nok: i64) -> Frame {
    Frame {
        frame_nok: p.frame_nok,
        resolution_nok,
        locked_in: p.locked_in.clone(),
        locked_out: p.locked_out.clone(),
        curve_to_nok: None,
    }
}

/// `resolution_nok` 0 lets the selection choose; `units_fit` checks the brute force against
/// sets that fit with amounts rounded up to [`RESOLUTION`] instead of sets that fit in kroner.
fn check_selection(p: &Portfolio, resolution_nok: i64, units_fit: bool) -> Result<(), TestCaseError> {
    let order: Vec<usize> = (0..p.items.len()).collect();
    let result = select(&p.items, &order, &frame_of(p, resolution_nok));
    let fits = |set: &[usize]| -> bool {
        if units_fit {
            // What the selection promises: amounts rounded up, the frame down, to the resolution.
            let units: i64 =
                set.iter().filter_map(|&i| p.items[i].cost_nok).map(|c| (c + RESOLUTION - 1) / RESOLUTION).sum();
            units <= p.frame_nok / RESOLUTION
        } else {
            set.iter().filter_map(|&i| p.items[i].cost_nok).sum::<i64>() <= p.frame_nok
        }
    };
    let best = brute_force(p, fits);
    let conflicting = p.locked_in.iter().any(|i| p.locked_out.contains(i));
    let locked_without_amount = p.locked_in.iter().any(|&i| p.items[i].cost_nok.is_none());
    match result {
        Err(_) => prop_assert!(
            conflicting || locked_without_amount || best.is_none(),
            "refused although a feasible set exists: {best:?}"
        ),
        Ok(selection) => {
            prop_assert!(!conflicting && !locked_without_amount);
            let spent: i64 = selection.chosen.iter().filter_map(|&i| p.items[i].cost_nok).sum();
            prop_assert!(spent <= p.frame_nok, "spent {spent} > frame {}", p.frame_nok);
            prop_assert_eq!(spent, selection.spent_nok);
            for i in &p.locked_in {
                prop_assert!(selection.chosen.contains(i), "locked-in {i} left out");
            }
            for i in &p.locked_out {
                prop_assert!(!selection.chosen.contains(i), "locked-out {i} chosen");
            }
            let best = best.unwrap_or(f64::NEG_INFINITY);
            prop_assert!(selection.value >= best - 1e-9, "exact {} < brute force {best}", selection.value);
            prop_assert!(selection.value >= selection.top_down.value - 1e-9);
            prop_assert!(selection.value >= selection.value_per_krone.value - 1e-9);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// With amounts in whole units of the resolution, rounding changes nothing: the exact set
    /// is at least as good as every set that fits the frame in kroner.
    #[test]
    fn exact_selection_is_optimal_in_kroner_when_amounts_are_whole_units(p in portfolio(Amounts::WholeUnits)) {
        check_selection(&p, RESOLUTION, false)?;
    }

    /// Left to choose its resolution, it counts amounts of 0.05 MNOK exactly.
    #[test]
    fn exact_selection_is_optimal_in_kroner_with_the_automatic_resolution(p in portfolio(Amounts::HalfUnits)) {
        check_selection(&p, 0, false)?;
    }

    /// With any amounts, it is at least as good as every set that fits at the stated
    /// resolution, and still never exceeds the frame in kroner.
    #[test]
    fn exact_selection_is_optimal_at_its_resolution_and_never_exceeds_the_frame(p in portfolio(Amounts::Any)) {
        check_selection(&p, RESOLUTION, true)?;
    }

    #[test]
    fn ranking_is_invariant_to_scaling_all_weights(
        (columns, values, weights) in scoring_case(),
        factor in prop_oneof![1e-3f64..1.0, 1.0f64..1e3],
    ) {
        let m = matrix(columns, values);
        let base = m.rank(&Weights::new(weights.clone()).expect("weights"));
        let scaled = m.rank(&Weights::new(weights.iter().map(|w| w * factor).collect()).expect("weights"));
        prop_assert_eq!(base.order, scaled.order);
    }

    #[test]
    fn a_criterion_with_zero_weight_cannot_change_ranks(
        (columns, values, mut weights) in scoring_case(),
        zeroed in 0usize..5,
        replacement in proptest::collection::vec(cell(), 25),
    ) {
        let zeroed = zeroed % columns;
        weights[zeroed] = 0.0;
        let weights = Weights::new(weights).expect("weights");
        let base = matrix(columns, values.clone()).rank(&weights);
        let mut changed = values;
        for (row, cell) in changed.chunks_mut(columns).enumerate() {
            cell[zeroed] = replacement[row % replacement.len()];
        }
        let after = matrix(columns, changed).rank(&weights);
        prop_assert_eq!(base.order, after.order);
    }
}
