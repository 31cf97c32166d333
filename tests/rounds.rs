//! Import rounds: a file that is a new round of a known source is read as one, whatever its
//! name, and a round can be undone (what it added removed, what it changed and withdrew put
//! back) in one transaction.

mod common;

use common::fixture;
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{ListQuery, Store};

fn import(store: &mut Store, name: &str) -> samla::import::ImportReport {
    let options = ImportOptions { analyst: "test".into(), assume_yes: true, ..ImportOptions::default() };
    import_file(store, &fixture(&format!("rounds/{name}")), &options, &ReferenceSource::builtin()).expect(name)
}

/// Every initiative as (key, status, title, amount, phase, ministries, tags), sorted.
fn state(store: &Store) -> Vec<String> {
    let mut rows: Vec<String> = store
        .list(&ListQuery { include_withdrawn: true, ..ListQuery::default() })
        .expect("list")
        .into_iter()
        .map(|i| {
            format!(
                "{} {:?} {} {:?} {:?} {:?} {:?} {}",
                i.key, i.status, i.title, i.amount_nok, i.phase, i.ministries, i.tags, i.source
            )
        })
        .collect();
    rows.sort();
    rows
}

#[test]
fn undoing_the_latest_round_puts_back_what_it_added_changed_and_withdrew() {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, "bygg.csv");
    let before = state(&store);
    let report = import(&mut store, "bygg_runde2.csv");
    assert_eq!((report.counts.inserted, report.counts.updated, report.counts.withdrawn), (1, 2, 1));
    assert_ne!(state(&store), before);
    let rounds = store.batches(None).expect("batches");
    assert_eq!(
        rounds.iter().map(|b| (b.round, b.undoable)).collect::<Vec<_>>(),
        vec![(2, true), (1, false)],
        "only the latest round of a source can be undone"
    );

    let undone = store.undo_round(rounds[0].id).expect("undo");
    assert_eq!((undone.removed, undone.restored, undone.reactivated, undone.round), (1, 2, 1, 2));
    assert!(!undone.source_removed);
    assert_eq!(state(&store), before, "every initiative as before the round");
    assert_eq!(store.batches(None).expect("batches").len(), 1);

    // The next round compares with round 1 again: the same file gives the same counts.
    let again = import(&mut store, "bygg_runde2.csv");
    assert_eq!((again.counts.inserted, again.counts.updated, again.counts.withdrawn), (1, 2, 1));
}

#[test]
fn only_the_latest_round_can_be_undone_and_the_first_takes_its_source_with_it() {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, "bygg.csv");
    import(&mut store, "bygg_runde2.csv");
    let rounds = store.batches(None).expect("batches");
    let error = store.undo_round(rounds[1].id).expect_err("round 1 is not the latest");
    assert!(matches!(error, samla::Error::Round(samla::error::RoundProblem::NotLatest { round: 1, latest: 2, .. })));
    assert!(
        error.message(samla::i18n::Lang::Nb).contains("er ikke den siste"),
        "{}",
        error.message(samla::i18n::Lang::Nb)
    );
    store.undo_round(rounds[0].id).expect("undo round 2");
    let undone = store.undo_round(rounds[1].id).expect("then round 1");
    assert!(undone.source_removed);
    assert_eq!(undone.removed, 5);
    assert!(state(&store).is_empty());
    assert!(store.sources().expect("sources").is_empty());
}

#[test]
fn a_file_whose_rows_match_a_source_is_a_new_round_of_it_whatever_its_name() {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, "bygg.csv");
    import(&mut store, "bygg_runde2.csv");
    let report = import(&mut store, "oversikt fra direktoratet.csv");
    assert_eq!(report.source, "bygg");
    assert_eq!(report.recognised_from.as_deref(), Some("oversikt fra direktoratet"));
    assert_eq!((report.counts.inserted, report.counts.updated), (0, 1));
    assert_eq!(store.sources().expect("sources"), vec!["bygg".to_string()]);
    let text = report.describe_results_first(samla::i18n::Lang::Nb);
    assert!(text.contains("runde 3 av «bygg»"), "{text}");
}

#[test]
fn samla_import_undo_takes_back_a_sources_latest_round_after_a_copy_in_bokmal_and_json() {
    let home = common::Home::new();
    let path = |name: &str| fixture(&format!("rounds/{name}")).to_str().expect("utf-8").to_string();
    common::ok(home.run_db(&["import", "--yes", &path("bygg.csv")]));
    let before = common::ok(home.run_db(&["list", "--all", "--format", "json"]));
    common::ok(home.run_db(&["import", "--yes", &path("bygg_runde2.csv")]));
    let out = common::ok(home.run_db(&["--lang", "nb", "import", "undo", "bygg"]));
    assert!(out.contains("Kopi før import: "), "a copy first: {out}");
    assert!(
        out.contains("Angret runde 2 av «bygg» (bygg_runde2.csv): 1 fjernet, 2 satt tilbake, 1 aktive igjen"),
        "{out}"
    );
    let after = common::ok(home.run_db(&["list", "--all", "--format", "json"]));
    assert_eq!(after, before, "the portfolio as before the round");
    let copies = std::fs::read_dir(home.path("data/backups")).expect("backups").count();
    assert!(copies >= 1, "the copy is in the data directory's backups/");

    // The first round too, as JSON: then the source is gone.
    let json = common::ok(home.run_db(&["import", "undo", "bygg", "--json"]));
    let value: serde_json::Value = serde_json::from_str(json.trim()).expect("json");
    assert_eq!((value["round"].as_i64(), value["removed"].as_u64()), (Some(1), Some(5)), "{json}");
    assert_eq!(value["source_removed"], serde_json::json!(true));
    assert!(value["backup"].as_str().is_some_and(|p| p.contains("backups")), "{json}");

    // An unknown source is an error in bokmål, naming the known ones; nothing changes.
    common::ok(home.run_db(&["import", "--yes", &path("bygg.csv")]));
    let failed = home.run_db(&["--lang", "nb", "import", "undo", "bgyg"]);
    assert!(!failed.status.success());
    let error = common::stderr(&failed);
    assert!(error.contains("kilde") && error.contains("bygg"), "{error}");
    assert!(common::ok(home.run_db(&["list"])).contains("Digital byggesøknad for småhus"));
}
