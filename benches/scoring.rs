//! Scoring at each size of `SAMLA_BENCH_ROWS`, on the score matrix of a generated portfolio
//! (derived criteria filled, manual ones unscored): re-ranking after a weight change, and the
//! priority plan within a 500 MNOK frame as `samla rank --budget 500M` makes it (rank-order
//! fill, the exact set with the most benefit, the curve to 750 MNOK). Also the selection over
//! 1 000 synthetic proposals and 100 000 amount units, the size the peers' figure in
//! anchors.md is for, and the plan for 5 000 synthetic proposals within 5 000 MNOK.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rand_core::{RngCore, SeedableRng};
use samla::scoring::{
    BudgetItem, Duplicates, Frame, Locks, Mode, PlanInput, PlanItem, Ranking, Weights, prioritise, select,
};
use std::hint::black_box;

/// The frame of the sized selections, in kroner.
const FRAME_NOK: i64 = 500_000_000;

fn sized(c: &mut Criterion) {
    for rows in common::sizes() {
        let matrix = common::Imported::new(rows).open().score_matrix().expect("matrix");
        // A derived criterion, so a change moves initiatives (unscored manual ones all sit
        // in the middle of their scales).
        let cost = matrix.criteria().index_of_code("kostnad").expect("the built-in criterion kostnad");
        let mut weights = Weights::current(matrix.criteria());
        let mut previous = matrix.rank(&weights);
        let mut next = Ranking::default();
        let mut toggle = false;
        let mut group = common::group(c, "scoring", rows);
        group.bench_function("rerank_with_10_largest_moves", |b| {
            b.iter(|| {
                toggle = !toggle;
                weights.set(cost, if toggle { 30.0 } else { 10.0 }).expect("weight");
                matrix.rank_into(&weights, &mut next);
                let movement = next.largest_moves(&previous, 10);
                std::mem::swap(&mut previous, &mut next);
                black_box(movement.up.len())
            })
        });
        // As `samla rank --budget 500M` plans it: the rank-order fill, the exact set with the
        // most benefit and the curve to 750 MNOK.
        let plan_weights = Weights::current(matrix.criteria());
        let ranking = matrix.rank(&plan_weights);
        let duplicates = Duplicates::default();
        group.bench_function("budget_500_mnok", |b| {
            b.iter(|| {
                let plan = matrix
                    .prioritise(&ranking, &plan_weights, FRAME_NOK, Locks::default(), Mode::RankOrder, &duplicates)
                    .expect("plan");
                black_box(plan.plan.benefit)
            })
        });
        group.finish();
    }
}

/// `n` proposals: mostly 2–150 MNOK (log-uniform), 2 % programmes of 300–1 500 MNOK, scores
/// 20–90, in rank order.
fn synthetic(n: usize) -> (Vec<BudgetItem>, Vec<usize>) {
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(11);
    let mut unit = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let items: Vec<BudgetItem> = (0..n)
        .map(|_| {
            let (low, high) = if unit() < 0.02 { (300.0f64, 1500.0f64) } else { (2.0, 150.0) };
            let mnok = (low.ln() + unit() * (high.ln() - low.ln())).exp();
            BudgetItem { cost_nok: Some((mnok * 1e6).round() as i64), value: 20.0 + 70.0 * unit() }
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| items[b].value.total_cmp(&items[a].value));
    (items, order)
}

fn peer_size(c: &mut Criterion) {
    let (items, order) = synthetic(1_000);
    let frame = Frame::new(10_000_000_000);
    let mut group = c.benchmark_group("scoring/peer");
    group.sample_size(10);
    group.bench_function("budget_1000_proposals_100000_units", |b| {
        b.iter(|| black_box(select(&items, &order, &frame).expect("select").value))
    });
    group.finish();
}

/// The priority plan for 5 000 synthetic proposals within 5 000 MNOK (about a thirtieth of
/// what they ask for), as the priority screen's worker makes it: the rank-order fill, the
/// exact set with the most benefit (0.1 MNOK units, curve to 7 500 MNOK), the comparison.
fn plan_5000(c: &mut Criterion) {
    let (items, order) = synthetic(5_000);
    let input = PlanInput {
        items: items
            .iter()
            .enumerate()
            .map(|(i, item)| PlanItem { id: i as i64, cost_nok: item.cost_nok, total: item.value, benefit: item.value })
            .collect(),
        rank_order: order,
        frame_nok: 5_000_000_000,
        resolution_nok: 0,
        locks: Locks::default(),
        mode: Mode::RankOrder,
        confirmed_groups: Vec::new(),
        compare: true,
    };
    let mut group = c.benchmark_group("scoring/plan");
    group.sample_size(10);
    group.bench_function("exact_5000_proposals_5000_mnok", |b| {
        b.iter(|| black_box(prioritise(&input).expect("plan").plan.benefit))
    });
    group.finish();
}

criterion_group!(benches, sized, peer_size, plan_5000);
criterion_main!(benches);
