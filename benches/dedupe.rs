//! Candidate generation and scoring on the 100 000-initiative scale portfolio, at 10k, 30k
//! and 100k rows, to show how the cost grows. Not run in CI.
//!
//! ```sh
//! zcat ../shared/dev-data/scale/portfolio-100k.csv.gz > /tmp/portfolio-100k.csv
//! SAMLA_SCALE_CSV=/tmp/portfolio-100k.csv cargo bench --bench dedupe
//! ```

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use samla::dedupe::{DEFAULT_THRESHOLD, Record, ServiceKinds, find_pairs};
use std::time::Duration;

const SIZES: [usize; 3] = [10_000, 30_000, 100_000];

/// Reads the scale file (the `digdir_felles.csv` layout) straight into records.
fn read(path: &str) -> Vec<Record> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    let split = |text: &str| -> Vec<String> {
        text.split(['|', ',', '/']).map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect()
    };
    reader
        .records()
        .enumerate()
        .map(|(i, row)| {
            let row = row.unwrap_or_else(|e| panic!("{path}: {e}"));
            let field = |n: usize| row.get(n).unwrap_or_default().to_string();
            Record {
                id: i as i64 + 1,
                source_file: "portfolio-100k.csv".into(),
                key: field(0),
                title: field(1),
                description: Some(field(2)).filter(|d| !d.is_empty()),
                agency: Some(field(3)).filter(|a| !a.is_empty()),
                ministries: split(&field(4)),
                life_events: split(&field(6)),
            }
        })
        .collect()
}

fn candidates_and_scoring(c: &mut Criterion) {
    let Ok(path) = std::env::var("SAMLA_SCALE_CSV") else {
        eprintln!("SAMLA_SCALE_CSV is not set: skipping the dedupe benchmark (see benches/dedupe.rs)");
        return;
    };
    let records = read(&path);
    let kinds = ServiceKinds::builtin();
    let mut group = c.benchmark_group("dedupe");
    group.sample_size(10).measurement_time(Duration::from_secs(30));
    for size in SIZES.into_iter().filter(|&s| s <= records.len()) {
        let slice = &records[..size];
        group.bench_with_input(BenchmarkId::new("find_pairs", size), slice, |b, slice| {
            b.iter(|| find_pairs(slice, &kinds, DEFAULT_THRESHOLD).len())
        });
    }
    group.finish();
}

criterion_group!(benches, candidates_and_scoring);
criterion_main!(benches);
