//! Tagging: each edit, bulk over a filter, undo and redo, suggestions, and tags that survive
//! the next round of a source.

mod common;

use common::{Home, fails, fixture, ok};
use samla::import::{ImportOptions, import_file};
use samla::reference::ReferenceSource;
use samla::store::{ListQuery, OpenMode, Resolver, Store};
use samla::tagging::{Edit, parse_edits};

fn options() -> ImportOptions {
    ImportOptions { analyst: "test".into(), ..ImportOptions::default() }
}

fn store_with(home: &Home, files: &[&str]) -> Store {
    let reference = ReferenceSource::builtin();
    let mut store = Store::open(&home.db(), OpenMode::Create, &reference).expect("store");
    for file in files {
        import_file(&mut store, &fixture(&format!("dev/{file}")), &options(), &reference).expect(file);
    }
    store
}

fn get(store: &Store, id: i64) -> samla::model::Initiative {
    store.initiative(id).expect("read").expect("exists").initiative
}

#[test]
fn every_edit_changes_the_initiative_and_the_change_log() {
    let home = Home::new();
    let mut store = store_with(&home, &["helse.csv"]);
    let resolver = Resolver::load_for(&store).expect("resolver");
    let phases = store.vocabulary_names("phase").expect("phases");
    let risks = store.vocabulary_names("risk").expect("risks");
    let edits = parse_edits(
        "liv:\"Ny i Norge\" tag:ks1 tag:embetsgruppe-mars eier:Tolletaten fase:konsept risiko:lav",
        &resolver,
        &phases,
        &risks,
    )
    .expect("edits");
    let record = store.apply_edits(&[1], &edits, "kari").expect("apply");
    assert_eq!(record.initiatives(), 1);
    let one = get(&store, 1);
    assert_eq!(one.life_events, vec!["ny-i-norge"]);
    assert_eq!(one.tags, vec!["embetsgruppe-mars", "ks1"]);
    assert_eq!(one.agency.as_deref(), Some("Tolletaten"));
    assert_eq!(one.ministries, vec!["FIN"], "the agency brings its ministry");
    assert_eq!(one.phase.as_deref(), Some("Konsept"));
    assert_eq!(one.risk.as_deref(), Some("Lav"));
    let history = store.history(1).expect("history");
    for field in ["life_events", "tags", "agency", "ministries", "phase", "risk"] {
        assert!(history.iter().any(|c| c.field == field && c.who == "kari"), "{field} not logged: {history:?}");
    }

    // Removing, and a ministry alone (joint: two ministries, the lead first).
    let edits = parse_edits("-liv:ny-i-norge -tag:ks1 dep:HOD,AID", &resolver, &phases, &risks).expect("edits");
    store.apply_edits(&[1], &edits, "kari").expect("apply");
    let one = get(&store, 1);
    assert!(one.life_events.is_empty());
    assert_eq!(one.tags, vec!["embetsgruppe-mars"]);
    assert_eq!(one.agency, None);
    assert_eq!(one.ministries, vec!["HOD", "AID"]);

    // Applying the same again changes nothing and logs nothing.
    let before = store.history(1).expect("history").len();
    let record = store.apply_edits(&[1], &edits, "kari").expect("apply");
    assert!(record.changes.is_empty());
    assert_eq!(store.history(1).expect("history").len(), before);
}

#[test]
fn undo_and_redo_restore_exactly() {
    let home = Home::new();
    let mut store = store_with(&home, &["helse.csv"]);
    let ids: Vec<i64> = store.list(&ListQuery::default()).expect("list").iter().map(|i| i.id).collect();
    let before: Vec<samla::model::Initiative> = ids.iter().map(|id| get(&store, *id)).collect();
    let edits = vec![
        Edit::AddLifeEvent("dodsfall-og-arv".into()),
        Edit::SetOwner { agency: Some("Digdir".into()), ministries: vec!["DFD".into()] },
        Edit::AddTag("gjennomgått".into()),
        Edit::SetPhase(None),
    ];
    let record = store.apply_edits(&ids, &edits, "kari").expect("apply");
    assert_eq!(record.initiatives(), ids.len());
    let after: Vec<samla::model::Initiative> = ids.iter().map(|id| get(&store, *id)).collect();
    assert_ne!(before, after);
    store.apply_record(&record.inverse(), "kari").expect("undo");
    let undone: Vec<samla::model::Initiative> = ids.iter().map(|id| get(&store, *id)).collect();
    assert_eq!(undone, before, "undo restores every field, the agency's full name and order included");
    store.apply_record(&record, "kari").expect("redo");
    let redone: Vec<samla::model::Initiative> = ids.iter().map(|id| get(&store, *id)).collect();
    assert_eq!(redone, after);
}

#[test]
fn the_cli_tags_by_id_and_by_filter_and_refuses_unknown_values() {
    let home = Home::new();
    ok(home.run_db(&["import", fixture("dev/digdir_felles.csv").to_str().expect("utf-8")]));
    let out = ok(home.run_db(&["--lang", "en", "tag", "1", "2", "-l", "dodsfall-og-arv", "-t", "KS1"]));
    assert!(out.starts_with("Changed 2 of 2 initiatives"), "{out}");
    let tagged = ok(home.run_db(&["list", "--tag", "ks1", "--format", "json"]));
    let tagged: serde_json::Value = serde_json::from_str(&tagged).expect("json");
    assert_eq!(tagged.as_array().map(Vec::len), Some(2));

    let dry = ok(home.run_db(&["--lang", "en", "tag", "--filter", "dep:FIN", "--set", "tag:fin-sjekk", "--dry-run"]));
    assert!(dry.starts_with("Would change"), "{dry}");
    assert_eq!(
        ok(home.run_db(&["list", "--filter", "tag:fin-sjekk", "--format", "csv"])).lines().count(),
        1,
        "dry run"
    );
    ok(home.run_db(&["tag", "--filter", "dep:FIN", "--set", "tag:fin-sjekk"]));
    let fin = ok(home.run_db(&["list", "--ministry", "FIN", "--format", "json"]));
    let fin_tagged = ok(home.run_db(&["list", "--tag", "fin-sjekk", "--format", "json"]));
    assert_eq!(fin, fin_tagged, "every FIN initiative, and only those");

    let err = fails(home.run_db(&["tag", "1", "--owner", "Skateetaten"]));
    assert!(err.contains("Skatteetaten"), "{err}");
    let err = fails(home.run_db(&["tag", "1", "-l", "dødsfal"]));
    assert!(err.contains("dodsfall-og-arv") || err.contains("Dødsfall"), "{err}");
    let err = fails(home.run_db(&["tag", "999999", "-t", "x"]));
    assert!(err.contains("hører ikke til noe tiltak"), "{err}");
}

#[test]
fn bulk_tagging_ten_thousand_initiatives_is_one_transaction() {
    let home = Home::new();
    let mut text = String::from("id,tittel,virksomhet,belop_mnok\n");
    for n in 0..10_000 {
        text.push_str(&format!("B-{n},Tiltak {n},Nav,{}\n", n % 50));
    }
    let file = home.path("bulk.csv");
    std::fs::write(&file, text).expect("write");
    let reference = ReferenceSource::builtin();
    let mut store = Store::open(&home.db(), OpenMode::Create, &reference).expect("store");
    import_file(&mut store, &file, &options(), &reference).expect("import");
    let ids: Vec<i64> = store.list(&ListQuery::default()).expect("list").iter().map(|i| i.id).collect();
    assert_eq!(ids.len(), 10_000);
    let record = store
        .apply_edits(&ids, &[Edit::AddTag("bulk".into()), Edit::AddLifeEvent("miste-og-finne-jobb".into())], "kari")
        .expect("bulk");
    assert_eq!(record.initiatives(), 10_000);
    let tagged = store.list(&ListQuery { tag: Some("bulk".into()), ..ListQuery::default() }).expect("list");
    assert_eq!(tagged.len(), 10_000);
    // One id that does not exist: nothing at all is written.
    let mut with_bad = ids.clone();
    with_bad.push(9_999_999);
    let err = store.apply_edits(&with_bad, &[Edit::AddTag("nope".into())], "kari").expect_err("bad id");
    assert!(err.to_string().contains("name no initiative"));
    let nope = store.list(&ListQuery { tag: Some("bulk".into()), ..ListQuery::default() }).expect("list");
    assert_eq!(nope.len(), 10_000);
    let undo = record.inverse();
    store.apply_record(&undo, "kari").expect("undo");
    assert!(
        store.list(&ListQuery { tag: Some("bulk".into()), ..ListQuery::default() }).is_err(),
        "no such tag any more"
    );
}

#[test]
fn tags_and_edits_survive_the_next_round() {
    let home = Home::new();
    let mut store = store_with(&home, &["kommunal.csv"]);
    let k002 = store.list(&ListQuery::default()).expect("list").into_iter().find(|i| i.key == "K-002").expect("K-002");
    let k006 = store.list(&ListQuery::default()).expect("list").into_iter().find(|i| i.key == "K-006").expect("K-006");
    store
        .apply_edits(
            &[k002.id, k006.id],
            &[Edit::AddTag("embetsgruppe".into()), Edit::AddLifeEvent("fa-barn".into())],
            "kari",
        )
        .expect("tag");
    store.apply_edits(&[k006.id], &[Edit::SetRisk(Some("Høy".into()))], "kari").expect("risk");
    import_file(&mut store, &fixture("dev/kommunal_runde2.csv"), &options(), &ReferenceSource::builtin())
        .expect("round 2");
    let k002_after = get(&store, k002.id);
    let k006_after = get(&store, k006.id);
    assert_eq!(k002_after.tags, vec!["embetsgruppe"]);
    assert!(k002_after.life_events.contains(&"fa-barn".to_string()));
    assert_ne!(k002_after.amount_nok, k002.amount_nok, "the source's own change still arrives");
    assert_eq!(k006_after.risk.as_deref(), Some("Høy"));
    assert_ne!(k006_after.phase, k006.phase);
}

#[test]
fn suggestions_come_with_their_words_and_apply_only_when_asked() {
    let home = Home::new();
    let file = home.path("forslag.csv");
    std::fs::write(
        &file,
        "id,tittel,beskrivelse,virksomhet\n\
         S-1,Ny dødsboløsning,Enklere for etterlatte,Digdir\n\
         S-2,Digital barnehageplass,Søknad og opptak,Oslo kommune\n\
         S-3,Felles arkivtjeneste,Bedre arkiv,Skatteetaen\n\
         S-4,Kantine,Ny kaffemaskin,Digdir\n",
    )
    .expect("write");
    ok(home.run_db(&["import", file.to_str().expect("utf-8")]));
    let json: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["suggest", "--json"]))).expect("json");
    let events = json["life_events"].as_array().expect("array");
    let death = events.iter().find(|s| s["life_event"] == "dodsfall-og-arv").expect("death suggested");
    assert_eq!(death["title"], "Ny dødsboløsning");
    let words: Vec<&str> = death["words"].as_array().expect("words").iter().filter_map(|w| w.as_str()).collect();
    assert!(words.contains(&"dødsboløsning") && words.contains(&"etterlatte"), "{words:?}");
    assert!(events.iter().any(|s| s["title"] == "Digital barnehageplass" && s["life_event"] == "fa-barn"));
    assert!(!events.iter().any(|s| s["title"] == "Kantine"));
    let owners = json["owners"].as_array().expect("owners");
    assert_eq!(owners[0]["written"], "Skatteetaen");
    assert_eq!(owners[0]["candidates"][0], "Skatteetaten");

    let before = ok(home.run_db(&["list", "--format", "json"]));
    ok(home.run_db(&["suggest"]));
    assert_eq!(ok(home.run_db(&["list", "--format", "json"])), before, "suggesting changes nothing");
    ok(home.run_db(&["suggest", "--apply"]));
    let after: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["list", "--format", "json"]))).expect("json");
    let first = after.as_array().and_then(|a| a.first()).expect("row");
    assert_eq!(first["life_events"], serde_json::json!(["dodsfall-og-arv"]));
}
