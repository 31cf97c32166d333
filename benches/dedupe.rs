//! Candidate generation and scoring (the pipeline alone: records in memory, no database, no
//! output) on a generated portfolio at each size of `SAMLA_BENCH_ROWS`, to show how the cost
//! grows: at a fixed threshold, and with the threshold chosen from the portfolio's own
//! scores (every candidate scoring 0.30 or more is then scored in full).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use samla::dedupe::{DEFAULT_THRESHOLD, ReviewQueue, ServiceKinds, Threshold, find_pairs};

fn candidates_and_scoring(c: &mut Criterion) {
    let kinds = ServiceKinds::builtin();
    for rows in common::sizes() {
        let records = common::Imported::new(rows).open().dedupe_records().expect("records");
        let mut group = common::group(c, "dedupe", rows);
        group.bench_function("find_pairs", |b| b.iter(|| find_pairs(&records, &kinds, DEFAULT_THRESHOLD).len()));
        group.bench_function("calibrated", |b| {
            b.iter(|| ReviewQueue::build(records.clone(), &kinds, &[], Threshold::Calibrated).items.len())
        });
        group.finish();
    }
}

criterion_group!(benches, candidates_and_scoring);
criterion_main!(benches);
