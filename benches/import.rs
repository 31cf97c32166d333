//! Importing the 100 000-initiative scale file into a fresh database, indexes included.
//! Compare with `sqlite3 x.db -cmd ".mode csv" ".import FILE t"` on the same machine.

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};
use std::time::Duration;

fn import(c: &mut Criterion) {
    let Some(csv) = common::scale_csv() else { return };
    let reference = ReferenceSource::builtin();
    let mut group = c.benchmark_group("import");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    group.bench_function("scale_100k_csv", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("dir"),
            |dir| {
                let path = dir.path().join("bench.db");
                let mut store = Store::open(&path, OpenMode::Create, &reference).expect("store");
                let options = ImportOptions { analyst: "bench".into(), ..ImportOptions::default() };
                let report = import_file(&mut store, &csv, &options, &reference).expect("import");
                assert_eq!(report.counts.inserted, 100_000);
                // Closing checkpoints the WAL into the database file: part of the cost.
                drop(store);
                dir
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
