//! Shared by the benchmarks: where the scale file is, and a database holding it.

use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};
use std::path::PathBuf;

/// The scale CSV from `SAMLA_SCALE_CSV`, or None (the benchmark then says how to set it).
pub fn scale_csv() -> Option<PathBuf> {
    match std::env::var_os("SAMLA_SCALE_CSV") {
        Some(path) if std::path::Path::new(&path).is_file() => Some(PathBuf::from(path)),
        _ => {
            eprintln!(
                "Set SAMLA_SCALE_CSV to the unpacked 100 000-initiative file, e.g.\n  \
                 zcat ../shared/dev-data/scale/portfolio-100k.csv.gz > /tmp/portfolio-100k.csv\n  \
                 SAMLA_SCALE_CSV=/tmp/portfolio-100k.csv cargo bench"
            );
            None
        }
    }
}

/// A fresh database in `dir` with `csv` imported.
#[allow(dead_code)]
pub fn imported(dir: &std::path::Path, csv: &std::path::Path) -> PathBuf {
    let path = dir.join("bench.db");
    let reference = ReferenceSource::builtin();
    let mut store = Store::open(&path, OpenMode::Create, &reference).expect("store");
    import_file(&mut store, csv, &ImportOptions { analyst: "bench".into(), ..ImportOptions::default() }, &reference)
        .expect("import");
    path
}
