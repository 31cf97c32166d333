//! Parallel solutions end to end: the labelled development set must keep an F1 floor, the
//! analyst's decisions must survive re-imports and re-runs, and the CLI must print what the
//! scorer and the review screen read.

mod common;

use common::{Home, fails, fixture, ok};
use samla::dedupe::{Analysis, ClusterSettings, DEFAULT_THRESHOLD, Decision, Pair, Record, ServiceKinds, find_pairs};
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::Store;
use std::collections::{BTreeSet, HashMap, HashSet};

const ROUND_ONE: [&str; 6] =
    ["helse.csv", "arbeid_velferd.xlsx", "kommunal.csv", "justis.tsv", "naering_fiskeri.csv", "digdir_felles.csv"];

/// The floor the pipeline must keep on the development set, at the default threshold and
/// at the one it chooses itself. It measured 0.98 and 0.97 when written (0.94 before the
/// search learnt kinds, concepts and its own threshold); the margin absorbs small,
/// deliberate changes.
const F1_FLOOR: f64 = 0.95;
/// At most this share of the listed hard negatives may be flagged.
const HARD_NEGATIVE_CEILING: f64 = 0.02;

fn import(store: &mut Store, name: &str) {
    let options = ImportOptions { analyst: "test".into(), ..ImportOptions::default() };
    import_file(store, &fixture(&format!("dev/{name}")), &options, &ReferenceSource::builtin()).expect(name);
}

fn round_one() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    for name in ROUND_ONE {
        import(&mut store, name);
    }
    store
}

type RowId = (String, String);

fn read_csv(name: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(fixture(&format!("dev/{name}"))).expect(name);
    let headers = reader.headers().expect("headers").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.trim().to_string())).collect()
        })
        .collect()
}

fn unordered(a: RowId, b: RowId) -> (RowId, RowId) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Every pair of rows that share a cluster in truth.csv.
fn true_pairs() -> HashSet<(RowId, RowId)> {
    let mut clusters: HashMap<String, Vec<RowId>> = HashMap::new();
    for row in read_csv("truth.csv") {
        clusters.entry(row["cluster"].clone()).or_default().push((row["file"].clone(), row["key"].clone()));
    }
    let mut pairs = HashSet::new();
    for members in clusters.values() {
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                pairs.insert(unordered(a.clone(), b.clone()));
            }
        }
    }
    pairs
}

fn hard_negatives() -> HashSet<(RowId, RowId)> {
    read_csv("hard_negatives.csv")
        .into_iter()
        .map(|r| unordered((r["file_a"].clone(), r["key_a"].clone()), (r["file_b"].clone(), r["key_b"].clone())))
        .collect()
}

fn row_pairs(records: &[Record], pairs: &[Pair]) -> HashSet<(RowId, RowId)> {
    let by_id: HashMap<i64, RowId> = records.iter().map(|r| (r.id, (r.source_file.clone(), r.key.clone()))).collect();
    pairs.iter().map(|p| unordered(by_id[&p.a].clone(), by_id[&p.b].clone())).collect()
}

/// Precision, recall and F1 as `dedupe_f1.py` computes them: pairs as given, no closure.
fn score(predicted: &HashSet<(RowId, RowId)>, truth: &HashSet<(RowId, RowId)>) -> (f64, f64, f64) {
    let hits = predicted.intersection(truth).count() as f64;
    let precision = if predicted.is_empty() { 0.0 } else { hits / predicted.len() as f64 };
    let recall = hits / truth.len() as f64;
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    (precision, recall, f1)
}

#[test]
fn the_development_set_keeps_its_f1_floor_and_few_hard_negatives() {
    let store = round_one();
    let records = store.dedupe_records().expect("records");
    assert_eq!(records.len(), 602);
    let pairs = find_pairs(&records, &ServiceKinds::builtin(), DEFAULT_THRESHOLD);
    let predicted = row_pairs(&records, &pairs);
    let (precision, recall, f1) = score(&predicted, &true_pairs());
    assert!(f1 >= F1_FLOOR, "F1 {f1:.3} (precision {precision:.3}, recall {recall:.3}) fell below {F1_FLOOR}");
    let negatives = hard_negatives();
    let flagged = predicted.intersection(&negatives).count();
    assert!(
        (flagged as f64) <= HARD_NEGATIVE_CEILING * negatives.len() as f64,
        "{flagged} of {} hard negatives flagged",
        negatives.len()
    );
}

#[test]
fn the_threshold_chosen_from_the_development_set_keeps_the_floor_too() {
    let store = round_one();
    let records = store.dedupe_records().expect("records");
    let queue = store.review_queue(&ServiceKinds::builtin(), None).expect("queue");
    assert_eq!(queue.threshold_source, samla::dedupe::threshold::Source::Portfolio);
    assert!((0.4..0.6).contains(&queue.threshold), "{}", queue.threshold);
    let pairs: Vec<Pair> = queue.items.iter().map(|i| i.pair.clone()).collect();
    let predicted = row_pairs(&records, &pairs);
    let (precision, recall, f1) = score(&predicted, &true_pairs());
    assert!(f1 >= F1_FLOOR, "F1 {f1:.3} (precision {precision:.3}, recall {recall:.3}) at {}", queue.threshold);
    let negatives = hard_negatives();
    let flagged = predicted.intersection(&negatives).count();
    assert!((flagged as f64) <= HARD_NEGATIVE_CEILING * negatives.len() as f64, "{flagged} hard negatives");
}

#[test]
fn every_pair_explains_itself_and_cross_sector_pairs_are_marked() {
    let store = round_one();
    let analysis = Analysis::new(store.dedupe_records().expect("records"), &ServiceKinds::builtin());
    let pairs = analysis.pairs(DEFAULT_THRESHOLD);
    assert!(pairs.windows(2).all(|w| w[0].score >= w[1].score), "highest first");
    for pair in &pairs {
        assert!(pair.a < pair.b);
        assert!(analysis.headline(pair).is_some_and(|w| !w.is_empty()), "{pair:?}");
        let json = serde_json::to_value(analysis.reasons(pair)).expect("json");
        assert!(json.as_array().is_some_and(|r| r.iter().any(|r| r["kind"] == "owners")), "{json}");
    }
    let cross = pairs.iter().filter(|p| p.owners == samla::dedupe::OwnerRelation::CrossSector).count();
    assert!(cross * 2 > pairs.len(), "most found pairs cross sectors ({cross} of {})", pairs.len());
}

#[test]
fn clusters_group_duplicates_without_chaining() {
    let store = round_one();
    let queue = store.review_queue(&ServiceKinds::builtin(), DEFAULT_THRESHOLD).expect("queue");
    let clusters = queue.clusters(ClusterSettings::default());
    assert!(!clusters.is_empty());
    // The development set's largest true group has four rows; chaining would build far larger.
    assert!(clusters.iter().all(|c| c.members.len() <= 5), "{:?}", clusters.first());
    let truth = true_pairs();
    let records = store.dedupe_records().expect("records");
    let by_id: HashMap<i64, RowId> = records.iter().map(|r| (r.id, (r.source_file.clone(), r.key.clone()))).collect();
    let mut within = HashSet::new();
    for cluster in &clusters {
        for (i, a) in cluster.members.iter().enumerate() {
            for b in &cluster.members[i + 1..] {
                within.insert(unordered(by_id[a].clone(), by_id[b].clone()));
            }
        }
    }
    let (precision, _, _) = score(&within, &truth);
    assert!(precision >= 0.9, "pairs inside clusters are duplicates ({precision:.3})");
}

#[test]
fn decisions_survive_a_reimport_and_distinct_pairs_never_come_back() {
    let home = Home::new();
    let reference = ReferenceSource::builtin();
    let kinds = ServiceKinds::builtin();
    let mut store = Store::open(&home.db(), samla::OpenMode::Create, &reference).expect("store");
    import(&mut store, "kommunal.csv");
    let removed: BTreeSet<&str> = ["K-040", "K-055", "K-061"].into();
    let records = store.dedupe_records().expect("records");
    let key_of: HashMap<i64, String> = records.iter().map(|r| (r.id, r.key.clone())).collect();
    let queue = store.review_queue(&kinds, DEFAULT_THRESHOLD).expect("queue");
    let kept: Vec<&Pair> = queue
        .open()
        .map(|i| &i.pair)
        .filter(|p| !removed.contains(key_of[&p.a].as_str()) && !removed.contains(key_of[&p.b].as_str()))
        .collect();
    assert!(kept.len() >= 2, "kommunal.csv holds pairs of municipalities building the same thing");
    let (distinct, duplicate) = (kept[0].clone(), kept[1].clone());
    store
        .decide_pair(distinct.b, distinct.a, Decision::Distinct, Some("different target groups"), "kari")
        .expect("decide");
    store.decide_pair(duplicate.a, duplicate.b, Decision::Duplicate, None, "kari").expect("decide");
    drop(store);

    let mut store = Store::open(&home.db(), samla::OpenMode::Existing, &reference).expect("reopen");
    import(&mut store, "kommunal_runde2.csv");
    let decisions = store.duplicate_decisions().expect("decisions");
    assert_eq!(decisions.len(), 2);
    let stored = store.duplicate_decision(distinct.a, distinct.b).expect("read").expect("distinct kept");
    assert_eq!(stored.decision, Decision::Distinct);
    assert_eq!(stored.note.as_deref(), Some("different target groups"));
    assert_eq!(stored.decided_by, "kari");

    // Re-run after the re-import, even with a threshold that lets everything through.
    let queue = store.review_queue(&kinds, 0.0).expect("queue");
    assert!(!queue.items.iter().any(|i| (i.pair.a, i.pair.b) == (distinct.a, distinct.b)), "distinct never returns");
    let listed = queue.items.iter().find(|i| (i.pair.a, i.pair.b) == (duplicate.a, duplicate.b)).expect("listed");
    assert_eq!(listed.decision.as_ref().map(|d| d.decision), Some(Decision::Duplicate));
    let flagged = store.flagged_initiatives(&kinds, DEFAULT_THRESHOLD).expect("flagged");
    assert!(flagged.contains(&duplicate.a) && flagged.contains(&duplicate.b));

    // Undo brings the distinct pair back to the queue; the change log remembers both steps.
    let undone = store.undo_pair_decision(distinct.a, distinct.b, "kari").expect("undo").expect("there was one");
    assert_eq!(undone.decision, Decision::Distinct);
    let queue = store.review_queue(&kinds, 0.0).expect("queue");
    assert!(queue.open().any(|i| (i.pair.a, i.pair.b) == (distinct.a, distinct.b)));
    let history = store.history(distinct.a).expect("history");
    let steps: Vec<_> = history.iter().filter(|c| c.field == "duplicate_decision").collect();
    assert_eq!(steps.len(), 2, "{history:?}");
    assert_eq!(steps[1].old_value.as_deref(), Some(format!("distinct {}", distinct.b).as_str()));
}

#[test]
fn a_new_row_of_the_second_round_is_found_as_a_duplicate_of_another_file() {
    let mut store = round_one();
    import(&mut store, "kommunal_runde2.csv");
    let records = store.dedupe_records().expect("records");
    let new = records.iter().find(|r| r.key == "K-121").expect("K-121");
    let truth: HashMap<RowId, String> = read_csv("truth.csv")
        .into_iter()
        .map(|r| ((r["file"].clone(), r["key"].clone()), r["cluster"].clone()))
        .collect();
    let pairs = find_pairs(&records, &ServiceKinds::builtin(), DEFAULT_THRESHOLD);
    let partners: Vec<&Record> = pairs
        .iter()
        .filter(|p| p.involves(new.id))
        .map(|p| if p.a == new.id { p.b } else { p.a })
        .filter_map(|id| records.iter().find(|r| r.id == id))
        .collect();
    assert!(
        partners.iter().any(|r| r.source_file != "kommunal_runde2.csv"
            && truth.get(&(r.source_file.clone(), r.key.clone())).map(String::as_str) == Some("C0027")),
        "K-121 pairs with its duplicate in another file: {partners:?}"
    );
}

#[test]
fn the_cli_prints_pairs_the_scorer_reads_and_records_decisions() {
    let home = Home::new();
    let files: Vec<String> = ["helse.csv", "justis.tsv", "digdir_felles.csv"]
        .iter()
        .map(|f| fixture(&format!("dev/{f}")).display().to_string())
        .collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    ok(home.run_db(&args));

    let json: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["dedupe", "--json"]))).expect("json");
    let pairs = json["pairs"].as_array().expect("pairs");
    assert!(!pairs.is_empty());
    let first = &pairs[0];
    for side in ["a", "b"] {
        assert!(first[side]["id"].is_i64(), "{first}");
        assert!(first[side]["source_file"].as_str().is_some_and(|f| f.ends_with(".csv") || f.ends_with(".tsv")));
        assert!(first[side]["key"].is_string() && first[side]["title"].is_string());
    }
    assert!(first["score"].as_f64().is_some_and(|s| (DEFAULT_THRESHOLD..=1.0).contains(&s)));
    assert!(first["reasons"].as_array().is_some_and(|r| !r.is_empty()));

    let (a, b) = (first["a"]["id"].as_i64().expect("a"), first["b"]["id"].as_i64().expect("b"));
    let (a, b) = (a.to_string(), b.to_string());
    ok(home.run_db(&["dedupe", "decide", &b, &a, "distinct"]));
    let again: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["dedupe", "--json"]))).expect("json");
    assert!(
        !again["pairs"]
            .as_array()
            .expect("pairs")
            .iter()
            .any(|p| p["a"]["id"] == first["a"]["id"] && p["b"]["id"] == first["b"]["id"]),
        "a distinct pair is not listed again"
    );
    let text = ok(home.run_db(&["--lang", "en", "dedupe", "undo", &a, &b]));
    assert!(text.contains("Undone"), "{text}");
    let table = ok(home.run_db(&["--lang", "en", "dedupe", "--limit", "3"]));
    assert!(table.contains("Score") && table.contains("Why"), "{table}");
    let clusters: serde_json::Value =
        serde_json::from_str(&ok(home.run_db(&["dedupe", "clusters", "--json"]))).expect("json");
    assert!(clusters["clusters"].as_array().is_some_and(|c| !c.is_empty()));
    let steps = ok(home.run_db(&["--lang", "en", "dedupe", "thresholds"]));
    assert!(steps.contains("Threshold"), "{steps}");

    let err = fails(home.run_db(&["dedupe", "decide", &a, &a, "duplicate"]));
    assert!(err.contains("to ulike tiltak"), "{err}");
    let err = fails(home.run_db(&["dedupe", "decide", &a, "999999", "overlap"]));
    assert!(err.contains("999999"), "{err}");
    let err = fails(home.run_db(&["dedupe", "--threshold", "2"]));
    assert!(err.contains("mellom 0 og 1") && err.contains("--threshold"), "{err}");
}

#[test]
fn the_screen_and_the_brief_count_sectors_alike() {
    // Invented rows: two municipalities building one thing (the municipal sector: one
    // sector), and a municipality and a state agency building another (two sectors).
    let home = Home::new();
    let csv = "ID;Tiltak;Beskrivelse;Virksomhet;Departement\n\
        S-1;Digital søknad om snøbrøyting;Innbyggere søker om brøyting av private veier på nett.;Oslo kommune;\n\
        S-2;Søknadstjeneste for snøbrøyting;Innbyggere kan søke om brøyting av private veier digitalt.;Bergen kommune;\n\
        S-3;Proaktive varsler om gatebelysning;Innbyggere får beskjed når gatelys i nærheten skal repareres.;Oslo kommune;\n\
        S-4;Varslingstjeneste for gatebelysning;Innbyggere får beskjed når gatelys skal repareres.;Nav;AID\n";
    let path = home.path("sektorer.csv");
    std::fs::write(&path, csv).expect("write");
    ok(home.run_db(&["import", path.to_str().expect("path")]));
    let json: serde_json::Value =
        serde_json::from_str(&ok(home.run_db(&["dedupe", "--json", "--threshold", "0.3"]))).expect("json");
    let owners = |a: &str, b: &str| {
        let pairs = json["pairs"].as_array().expect("pairs");
        let pair = pairs.iter().find(|p| {
            let keys = [p["a"]["key"].as_str(), p["b"]["key"].as_str()];
            keys.contains(&Some(a)) && keys.contains(&Some(b))
        });
        let pair = pair.unwrap_or_else(|| panic!("{a} {b} listed: {json}"));
        (pair["owners"].as_str().expect("owners").to_string(), pair["a"]["id"].to_string(), pair["b"]["id"].to_string())
    };
    let (within, a1, b1) = owners("S-1", "S-2");
    let (across, a2, b2) = owners("S-3", "S-4");
    assert_eq!((within.as_str(), across.as_str()), ("same_sector", "cross_sector"));
    ok(home.run_db(&["dedupe", "decide", &a1, &b1, "duplicate"]));
    ok(home.run_db(&["dedupe", "decide", &a2, &b2, "duplicate"]));
    let brief = home.path("brief.md");
    ok(home.run_db(&["brief", "--out", brief.to_str().expect("path")]));
    let text = std::fs::read_to_string(&brief).expect("brief");
    let groups: Vec<&str> = text.lines().filter(|l| l.starts_with("### ")).collect();
    assert_eq!(groups.iter().filter(|l| l.contains("på tvers av sektorer")).count(), 1, "{groups:?}");
    assert_eq!(groups.iter().filter(|l| l.contains("innen én sektor")).count(), 1, "{groups:?}");
}
