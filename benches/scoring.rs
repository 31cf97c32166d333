//! Scoring at each size of `SAMLA_BENCH_ROWS`, on the score matrix of a generated portfolio
//! (derived criteria filled, manual ones unscored): re-ranking after a weight change, and the
//! exact budget selection within a 500 MNOK frame as `samla rank --budget 500M` makes it
//! (with the curve to 625 MNOK). Also the selection over 1 000 synthetic proposals and
//! 100 000 amount units, the size the peers' figure in anchors.md is for.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rand_core::{RngCore, SeedableRng};
use samla::scoring::{BudgetItem, Frame, Ranking, Weights, select};
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
        let frame = Frame { curve_to_nok: Some(FRAME_NOK + FRAME_NOK / 4), ..Frame::new(FRAME_NOK) };
        group.bench_function("budget_500_mnok", |b| {
            b.iter(|| black_box(matrix.select(&previous, &frame).expect("select").value))
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

criterion_group!(benches, sized, peer_size);
criterion_main!(benches);
