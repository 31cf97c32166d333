//! The demo database: the sample sector files in `data/sample/`, compiled in, imported into
//! a fresh database, the municipal list in two rounds.

use crate::error::{Error, Result};
use crate::import::scores::{ScoreImportOptions, import_score_bytes};
use crate::import::{ImportOptions, ImportReport, import_bytes};
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, Store};
use std::path::Path;

/// The sample files in import order; `kommunal_runde2.csv` is the municipal list's second
/// round, so the demo shows updates and withdrawals too.
pub const SAMPLES: &[(&str, &[u8])] = &[
    ("helse.csv", include_bytes!("../data/sample/helse.csv")),
    ("arbeid_velferd.xlsx", include_bytes!("../data/sample/arbeid_velferd.xlsx")),
    ("kommunal.csv", include_bytes!("../data/sample/kommunal.csv")),
    ("justis.tsv", include_bytes!("../data/sample/justis.tsv")),
    ("naering_fiskeri.csv", include_bytes!("../data/sample/naering_fiskeri.csv")),
    ("digdir_felles.csv", include_bytes!("../data/sample/digdir_felles.csv")),
    ("kommunal_runde2.csv", include_bytes!("../data/sample/kommunal_runde2.csv")),
];

/// The demo's hand scores (written by the rule in `tests/demo_scores.rs` from the
/// initiatives' own fields plus seeded noise): most initiatives scored on every criterion an
/// analyst scores, some not yet, as in a real round.
pub const SCORES: (&str, &[u8]) = ("demo_scores.csv", include_bytes!("../data/demo_scores.csv"));

/// The `meta` key that marks a database as a demo, so `samla demo` may replace it.
const DEMO_MARK: &str = "demo";

/// Builds a fresh demo database at `path` from the sample files, replacing an earlier demo
/// there. Refuses to touch a file that is not a demo database.
pub fn build(path: &Path, reference: &ReferenceSource, analyst: &str) -> Result<(Store, Vec<ImportReport>)> {
    build_from(path, reference, analyst, None)
}

/// Like [`build`], from `rows` generated initiatives (seeded) instead of the sample files.
pub fn build_generated(
    path: &Path,
    reference: &ReferenceSource,
    analyst: &str,
    rows: usize,
    seed: u64,
) -> Result<(Store, Vec<ImportReport>)> {
    build_from(path, reference, analyst, Some((rows, seed)))
}

fn build_from(
    path: &Path,
    reference: &ReferenceSource,
    analyst: &str,
    generated: Option<(usize, u64)>,
) -> Result<(Store, Vec<ImportReport>)> {
    if path.exists() {
        let existing = Store::open(path, OpenMode::Existing, reference);
        let is_demo = match &existing {
            Ok(store) => store.meta(DEMO_MARK)?.is_some(),
            Err(_) => false,
        };
        drop(existing);
        if !is_demo {
            return Err(crate::error::StoreProblem::NotADemoDatabase(path.to_path_buf()).into());
        }
        for suffix in ["", "-wal", "-shm"] {
            let file = path.with_file_name(format!(
                "{}{suffix}",
                path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()
            ));
            match std::fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io("remove", file, e)),
            }
        }
    }
    let mut store = Store::open(path, OpenMode::Create, reference)?;
    store.set_meta(DEMO_MARK, "1")?;
    let options = ImportOptions { analyst: analyst.to_string(), ..ImportOptions::default() };
    let mut reports = Vec::new();
    if let Some((rows, seed)) = generated {
        let mut bytes = Vec::new();
        crate::generate::write_csv(rows, seed, &mut bytes)?;
        let name = format!("generert-{rows}-{seed}.csv");
        reports.push(import_bytes(&mut store, bytes, &name, &name, &options, reference)?);
        return Ok((store, reports));
    }
    for (name, bytes) in SAMPLES {
        let display = format!("data/sample/{name}");
        reports.push(import_bytes(&mut store, *bytes, name, &display, &options, reference)?);
    }
    let (name, bytes) = SCORES;
    let options = ScoreImportOptions { analyst: analyst.to_string(), ..ScoreImportOptions::default() };
    import_score_bytes(&mut store, bytes, name, &format!("data/{name}"), &options, reference)?;
    Ok((store, reports))
}
