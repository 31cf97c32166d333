//! Scoring benchmarks on synthetic, seeded data (run with `cargo bench --bench scoring`):
//! re-ranking 100 000 initiatives × 8 criteria after a weight change, and the exact budget
//! selection over 1 000 and 5 000 proposals at 0.1 MNOK resolution.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rand_core::{RngCore, SeedableRng};
use samla::reference::ReferenceSource;
use samla::scoring::{BudgetItem, Candidate, Frame, Ranking, ScoreMatrix, Weights, select};
use std::hint::black_box;

fn unit(rng: &mut impl RngCore) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// `n` initiatives scored on the built-in criteria, about 5 % of cells missing.
fn matrix(n: usize) -> ScoreMatrix {
    let criteria = ReferenceSource::builtin().criteria().expect("built-in criteria");
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(7);
    let rows: Vec<Candidate> = (0..n).map(|i| Candidate { id: i as i64 + 1, ..Candidate::default() }).collect();
    let mut values = Vec::with_capacity(n * criteria.len());
    for _ in 0..n {
        for criterion in criteria.iter() {
            let missing = unit(&mut rng) < 0.05;
            let value = criterion.scale_min + unit(&mut rng) * (criterion.scale_max - criterion.scale_min);
            values.push((!missing).then_some(value));
        }
    }
    ScoreMatrix::from_values(criteria, rows, values).expect("matrix")
}

/// `n` proposals: mostly 2–150 MNOK (log-uniform), 2 % programmes of 300–1 500 MNOK, scores
/// 20–90, in a random rank order.
fn portfolio(n: usize) -> (Vec<BudgetItem>, Vec<usize>) {
    let mut rng = rand_pcg::Pcg64Mcg::seed_from_u64(11);
    let items: Vec<BudgetItem> = (0..n)
        .map(|_| {
            let (low, high) = if unit(&mut rng) < 0.02 { (300.0f64, 1500.0f64) } else { (2.0, 150.0) };
            let mnok = (low.ln() + unit(&mut rng) * (high.ln() - low.ln())).exp();
            BudgetItem { cost_nok: Some((mnok * 1e6).round() as i64), value: 20.0 + 70.0 * unit(&mut rng) }
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| items[b].value.total_cmp(&items[a].value));
    (items, order)
}

fn rerank(c: &mut Criterion) {
    let matrix = matrix(100_000);
    let mut weights = Weights::current(matrix.criteria());
    let mut previous = matrix.rank(&weights);
    let mut next = Ranking::default();
    let mut toggle = false;
    c.bench_function("rerank 100k x 8 after a weight change", |b| {
        b.iter(|| {
            toggle = !toggle;
            weights.set(0, if toggle { 40.0 } else { 25.0 }).expect("weight");
            matrix.rank_into(&weights, &mut next);
            std::mem::swap(&mut previous, &mut next);
            black_box(previous.order[0])
        })
    });
    c.bench_function("rerank 100k x 8 after a weight change, with every move sorted", |b| {
        b.iter(|| {
            toggle = !toggle;
            weights.set(0, if toggle { 40.0 } else { 25.0 }).expect("weight");
            matrix.rank_into(&weights, &mut next);
            let movement = next.movement(&previous);
            std::mem::swap(&mut previous, &mut next);
            black_box(movement.up.len())
        })
    });
    c.bench_function("rerank 100k x 8 after a weight change, with the 10 largest moves", |b| {
        b.iter(|| {
            toggle = !toggle;
            weights.set(0, if toggle { 40.0 } else { 25.0 }).expect("weight");
            matrix.rank_into(&weights, &mut next);
            let movement = next.largest_moves(&previous, 10);
            std::mem::swap(&mut previous, &mut next);
            black_box(movement.up.len())
        })
    });
}

fn budget(c: &mut Criterion) {
    let mut group = c.benchmark_group("exact selection at 0.1 MNOK");
    group.sample_size(10);
    for (n, frame_mnok) in [(1_000usize, 10_000i64), (5_000, 500), (5_000, 10_000)] {
        let (items, order) = portfolio(n);
        let frame = Frame::new(frame_mnok * 1_000_000);
        let label = format!("{n} proposals, frame {frame_mnok} MNOK ({} units)", frame_mnok * 10);
        group.bench_with_input(BenchmarkId::from_parameter(label), &frame, |b, frame| {
            b.iter(|| black_box(select(&items, &order, frame).expect("select").value))
        });
    }
    group.finish();
}

criterion_group!(benches, rerank, budget);
criterion_main!(benches);
