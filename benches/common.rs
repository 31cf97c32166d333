//! Shared by the benchmarks: the portfolio sizes to run, generated files of those sizes, and
//! databases holding them. Not every benchmark uses every helper.
#![allow(dead_code)]

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode};
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The sizes when `SAMLA_BENCH_ROWS` is not set: quick enough for a look after a change.
/// A million is opt-in (`SAMLA_BENCH_ROWS=10000,100000,1000000`): an import alone takes
/// about a minute there.
const DEFAULT_SIZES: [usize; 2] = [10_000, 100_000];

/// The generator's seed for every benchmark, so every run measures the same rows.
const SEED: u64 = 11;

/// The portfolio sizes to measure, from `SAMLA_BENCH_ROWS` (comma-separated row counts).
pub fn sizes() -> Vec<usize> {
    let Ok(text) = std::env::var("SAMLA_BENCH_ROWS") else { return DEFAULT_SIZES.to_vec() };
    text.split(',')
        .map(|n| n.trim().replace('_', ""))
        .filter(|n| !n.is_empty())
        .map(|n| n.parse().unwrap_or_else(|_| panic!("SAMLA_BENCH_ROWS: '{n}' is not a row count")))
        .collect()
}

/// A benchmark group for `rows`: criterion's minimum of 10 samples, each of the same
/// number of iterations (flat sampling: one iteration each when an iteration takes seconds,
/// where the default would run 1 + 2 + … + 10), in about 10 s or as long as 10 take.
pub fn group<'c>(c: &'c mut Criterion, name: &str, rows: usize) -> BenchmarkGroup<'c, WallTime> {
    let mut group = c.benchmark_group(format!("{name}/{rows}"));
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10));
    group
}

/// Where generated files and databases are kept between runs: `target/tmp/samla-bench`
/// (`cargo clean` removes them; delete the directory after changing the generator or the
/// import, so the databases are built again).
pub fn data_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("samla-bench");
    std::fs::create_dir_all(&dir).expect("bench data directory");
    dir
}

/// The generated portfolio of `rows` initiatives (`samla generate --rows N --seed 11`),
/// written once and reused by later runs.
pub fn generated_csv(rows: usize) -> PathBuf {
    let path = data_dir().join(format!("generated-{rows}-seed{SEED}.csv"));
    if path.is_file() {
        return path;
    }
    // Written beside and renamed, so an interrupted run never leaves half a file to reuse.
    let partial = path.with_extension("csv.partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&partial).expect("create"));
    samla::generate::write_csv(rows, SEED, &mut out).expect("generate");
    std::io::Write::flush(&mut out).expect("write");
    drop(out);
    std::fs::rename(&partial, &path).expect("rename");
    path
}

/// A database holding the generated portfolio of `rows` initiatives, imported once and
/// reused by later runs (the benchmarks that use it only read).
pub struct Imported {
    pub rows: usize,
    pub database: PathBuf,
}

impl Imported {
    pub fn new(rows: usize) -> Self {
        let database = data_dir().join(format!("generated-{rows}-seed{SEED}.db"));
        if !database.is_file() {
            let partial = tempfile::tempdir_in(data_dir()).expect("dir");
            let built = imported(partial.path(), &generated_csv(rows));
            // Closing the store checkpoints the WAL, so the one file holds everything.
            std::fs::rename(&built, &database).expect("rename");
        }
        Self { rows, database }
    }

    pub fn open(&self) -> Store {
        Store::open(&self.database, OpenMode::Existing, &ReferenceSource::builtin()).expect("store")
    }
}

/// A fresh database in `dir` with `csv` imported.
pub fn imported(dir: &Path, csv: &Path) -> PathBuf {
    let path = dir.join("bench.db");
    let reference = ReferenceSource::builtin();
    let mut store = Store::open(&path, OpenMode::Create, &reference).expect("store");
    import_file(&mut store, csv, &ImportOptions { analyst: "bench".into(), ..ImportOptions::default() }, &reference)
        .expect("import");
    drop(store);
    path
}
