//! Importing a generated portfolio into a fresh database, indexes included, at each size of
//! `SAMLA_BENCH_ROWS` (see `benches/common.rs`). Compare with
//! `sqlite3 x.db -cmd ".mode csv" ".import FILE t"` on the same file and machine.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};

fn import(c: &mut Criterion) {
    let reference = ReferenceSource::builtin();
    for rows in common::sizes() {
        let csv = common::generated_csv(rows);
        let mut group = common::group(c, "import", rows);
        group.bench_function("csv_into_fresh_db", |b| {
            b.iter_batched(
                || tempfile::tempdir().expect("dir"),
                |dir| {
                    let path = dir.path().join("bench.db");
                    let mut store = Store::open(&path, OpenMode::Create, &reference).expect("store");
                    let options = ImportOptions { analyst: "bench".into(), ..ImportOptions::default() };
                    let report = import_file(&mut store, &csv, &options, &reference).expect("import");
                    assert_eq!(report.counts.inserted, rows);
                    // Closing checkpoints the WAL into the database file: part of the cost.
                    drop(store);
                    dir
                },
                BatchSize::PerIteration,
            );
        });
        group.finish();
    }
}

criterion_group!(benches, import);
criterion_main!(benches);
