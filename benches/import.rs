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

/// Finding the layout of each sample sector file (its header row and which column is which,
/// from the words of the headers and the values of up to 200 rows): what detection adds to
/// an import. The target is 50 ms a file.
fn detect_layout(c: &mut Criterion) {
    use samla::import::detect::{Given, HEADER_SCAN_ROWS, Knowledge, PROFILE_ROWS, detect, lexicon::Lexicon};
    use samla::import::read::read_table;
    use samla::import::values::ValueVocabulary;
    let reference = ReferenceSource::builtin();
    let store = Store::open_in_memory().expect("store");
    let resolver = samla::store::Resolver::load_for(&store).expect("resolver");
    let vocabulary = ValueVocabulary::new(&reference.vocabulary().expect("vocabulary"));
    let knowledge = Knowledge { resolver: &resolver, vocabulary: &vocabulary };
    let columns = reference.columns().expect("columns");
    let mut group = c.benchmark_group("import/detect_layout");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut files: Vec<_> = std::fs::read_dir(&dir).expect("samples").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for path in files {
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).expect("read");
        group.bench_function(&name, |b| {
            b.iter(|| {
                // The lexicon is built per file, as an import builds it.
                let lexicon = Lexicon::new(&columns);
                let table = read_table(bytes.as_slice(), &name, None).expect("table");
                let head = table.head(HEADER_SCAN_ROWS + PROFILE_ROWS).expect("rows");
                detect(&head, &lexicon, &knowledge, Given::default()).expect("layout")
            });
        });
    }
    group.finish();
}

criterion_group!(benches, import, detect_layout);
criterion_main!(benches);
