//! The command line as a user meets it: help, paths, demo, list, show, and bad input.

mod common;

use common::{Home, fails, ok};

#[test]
fn help_lists_every_command() {
    let home = Home::new();
    let help = ok(home.run(&["--help"]));
    for command in ["tui", "demo", "import", "list", "show", "changes", "sources", "paths", "reference"] {
        assert!(help.contains(&format!("  {command}")), "--help lacks {command}:\n{help}");
    }
    assert!(help.contains("--db"));
}

#[test]
fn paths_show_config_data_and_database() {
    let home = Home::new();
    let text = ok(home.run(&["--lang", "en", "paths"]));
    assert!(text.contains(&home.path("config").display().to_string()), "{text}");
    assert!(text.contains(&home.path("data/samla.db").display().to_string()), "{text}");
    let json: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["paths", "--json"]))).expect("json");
    assert_eq!(json["database"], home.db().display().to_string());
    assert_eq!(json["database_origin"], "flag");
}

#[test]
fn demo_builds_a_database_that_list_shows_as_json() {
    let home = Home::new();
    let out = ok(home.run(&["demo", "--no-open"]));
    let demo_db = home.path("data/demo.db");
    assert!(out.contains(&demo_db.display().to_string()), "{out}");
    let db = demo_db.to_str().expect("utf-8");

    let json: serde_json::Value =
        serde_json::from_str(&ok(home.run(&["--db", db, "list", "--format", "json"]))).expect("json");
    let rows = json.as_array().expect("array");
    assert_eq!(rows.len(), 604, "602 round-1 rows, then round 2 of kommunal: 5 new, 3 withdrawn");
    let first = &rows[0];
    for field in [
        "id",
        "source_file",
        "key",
        "title",
        "description",
        "agency",
        "ministries",
        "life_events",
        "tags",
        "amount_nok",
        "budget_year",
        "phase",
        "risk",
    ] {
        assert!(first.get(field).is_some(), "JSON lacks {field}: {first}");
    }
    assert!(first["ministries"].is_array() && first["life_events"].is_array());

    // The demo can be rebuilt in place.
    ok(home.run(&["demo", "--no-open"]));

    // Filters work on it.
    let hod: serde_json::Value =
        serde_json::from_str(&ok(home.run(&["--db", db, "list", "--ministry", "HOD", "--format", "json"])))
            .expect("json");
    let hod = hod.as_array().expect("array");
    assert!(!hod.is_empty());
    assert!(hod.iter().all(|r| r["ministries"].as_array().is_some_and(|m| m.iter().any(|c| c == "HOD"))));

    let death = ok(home.run(&["--db", db, "list", "--life-event", "Dødsfall og arv", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(death.as_bytes());
    let headers = reader.headers().expect("headers").clone();
    let events = headers.iter().position(|h| h == "life_events").expect("column");
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r[events].contains("dodsfall-og-arv")));

    let searched =
        ok(home.run(&["--db", db, "--lang", "en", "list", "--search", "DØDSBO", "--sort", "amount", "--desc"]));
    assert!(searched.lines().count() > 2, "{searched}");
    assert!(searched.to_lowercase().contains("dødsbo"), "{searched}");
}

#[test]
fn a_database_elsewhere_than_the_default_is_not_replaced_by_demo() {
    let home = Home::new();
    let mine = home.path("mine.db");
    let mine_str = mine.to_str().expect("utf-8");
    let csv = home.path("tiltak.csv");
    std::fs::write(&csv, "title,agency\nEget tiltak,Nav\n").expect("write");
    ok(home.run(&["--db", mine_str, "import", csv.to_str().expect("utf-8")]));
    let err = fails(home.run(&["--db", mine_str, "demo", "--no-open"]));
    assert!(err.contains("er ikke en demodatabase") && err.contains("--db"), "{err}");
    let list = ok(home.run(&["--db", mine_str, "list", "--format", "json"]));
    assert!(list.contains("Eget tiltak"));
}

#[test]
fn samlas_own_layout_imports_and_show_prints_everything() {
    let home = Home::new();
    let file = home.path("egne.csv");
    std::fs::write(
        &file,
        "key,title,description,agency,ministries,life_events,tags,amount_nok,budget_year,phase,risk\n\
         A-1,Felles dødsboløsning,Én løsning for dødsbo,Digdir,DFD|FIN,dodsfall-og-arv,fellesløsning|ks1,12500000,2027,Konsept,Høy\n\
         A-2,Ny i Norge-portal,,IMDi,,ny-i-norge,,3000000,2026,Idé,Lav\n",
    )
    .expect("write");
    let report = ok(home.run_db(&["--lang", "en", "import", file.to_str().expect("utf-8")]));
    assert!(report.contains("2 rows read: 2 inserted"), "{report}");

    let json: serde_json::Value = serde_json::from_str(&ok(home.run_db(&["list", "--format", "json"]))).expect("json");
    let first = &json[0];
    assert_eq!(first["key"], "A-1");
    assert_eq!(first["source_file"], "egne.csv");
    assert_eq!(first["agency"], "Digdir");
    assert_eq!(first["ministries"], serde_json::json!(["DFD", "FIN"]));
    assert_eq!(first["life_events"], serde_json::json!(["dodsfall-og-arv"]));
    assert_eq!(first["tags"], serde_json::json!(["fellesløsning", "ks1"]));
    assert_eq!(first["amount_nok"], 12_500_000);
    assert_eq!(first["budget_year"], 2027);
    assert_eq!(first["phase"], "Konsept");
    assert_eq!(first["risk"], "Høy");
    assert_eq!(json[1]["ministries"], serde_json::json!(["AID"]), "an agency alone gives its ministry");

    let id = first["id"].as_i64().expect("id").to_string();
    let shown = ok(home.run_db(&["--lang", "en", "show", &id]));
    for expected in
        ["Felles dødsboløsning", "Digitaliseringsdirektoratet", "12,5 MNOK", "egne.csv, line 2", "Source row", "A-1"]
    {
        assert!(shown.contains(expected), "show lacks {expected}:\n{shown}");
    }
    let tagged = ok(home.run_db(&["list", "--tag", "KS1", "--format", "json"]));
    assert!(tagged.contains("A-1") && !tagged.contains("A-2"));
}

#[test]
fn bad_input_gets_one_clear_line_and_changes_nothing() {
    let home = Home::new();
    let db = home.db();

    // A missing database is not created by reading commands.
    let err = fails(home.run_db(&["list"]));
    assert!(err.contains("det finnes ingen database på") && err.contains("samla demo"), "{err}");
    assert!(!db.exists());
    let err = fails(home.run_db(&["--lang", "en", "list"]));
    assert!(err.contains("no database at"), "{err}");

    // A directory where the database file should be.
    let dir = home.path("a-directory");
    std::fs::create_dir(&dir).expect("dir");
    let err = fails(home.run(&["--db", dir.to_str().expect("utf-8"), "list"]));
    assert!(err.contains("er en mappe, ikke en databasefil") && err.contains("--db"), "{err}");

    // A file that is not a database.
    let text = home.path("notes.txt");
    std::fs::write(&text, "not a database at all").expect("write");
    let err = fails(home.run(&["--db", text.to_str().expect("utf-8"), "list"]));
    assert!(err.contains("er ikke en samla-database (det er ikke en SQLite-fil)"), "{err}");
    assert_eq!(std::fs::read_to_string(&text).expect("read"), "not a database at all");

    // Unknown filter values name the closest valid ones.
    ok(home.run(&["demo", "--no-open"]));
    let demo = home.path("data/demo.db");
    let demo = demo.to_str().expect("utf-8");
    let err = fails(home.run(&["--db", demo, "list", "--ministry", "XYZ"]));
    assert!(err.contains("ukjent departement «XYZ»"), "{err}");
    let err = fails(home.run(&["--db", demo, "list", "--life-event", "dødsfal"]));
    assert!(err.contains("ukjent livshendelse") && err.contains("dodsfall-og-arv"), "{err}");
    let err = fails(home.run(&["--db", demo, "list", "--phase", "Planleging"]));
    assert!(err.contains("Planlegging"), "{err}");
    let err = fails(home.run(&["--db", demo, "show", "999999"]));
    assert!(err.contains("det finnes ikke noe tiltak med id 999999") && err.contains("samla list"), "{err}");

    // An unreadable config file names the file and line.
    std::fs::create_dir_all(home.path("config")).expect("config dir");
    std::fs::write(home.path("config/config.toml"), "lang = \"nb\"\nfarge = 1\n").expect("write");
    let err = fails(home.run(&["paths"]));
    assert!(err.contains("config.toml") && err.contains("line 2"), "{err}");
}

#[test]
fn running_without_a_command_says_plainly_what_exists() {
    let home = Home::new();
    let out = home.run_db(&[]);
    let err = common::stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("samla list"), "{err}");
}

#[test]
fn the_terminal_uis_own_settings_files_are_faulted_in_bokmal() {
    let home = Home::new();
    let err = fails(home.run(&["--theme", "neon", "tui"]));
    assert!(err.contains("det finnes ikke noe tema som heter «neon»; temaene er: default"), "{err}");
    std::fs::create_dir_all(home.path("config")).expect("config dir");
    std::fs::write(home.path("config/keymap.toml"), "serch = [\"x\"]\n").expect("keymap");
    let err = fails(home.run(&["tui"]));
    assert!(err.contains("keymap.toml, linje 1: ukjent handling «serch»; mente du search"), "{err}");
    let err = fails(home.run(&["--lang", "en", "tui"]));
    assert!(err.contains("line 1: unknown action 'serch'; did you mean search"), "{err}");
}

#[test]
fn mistakes_in_the_arguments_are_said_in_bokmal_unless_english_is_asked_for() {
    let home = Home::new();
    let out = home.run(&["list", "--min-mnok", "mye"]);
    assert_eq!(out.status.code(), Some(2), "clap's exit code for a usage mistake");
    let err = common::stderr(&out);
    assert!(err.starts_with("samla: --min-mnok <MNOK>: «mye» er ikke et beløp i MNOK"), "{err}");
    assert!(err.contains("Mer hjelp: samla --help") && !err.contains("error:"), "{err}");
    let err = common::stderr(&home.run(&["rank", "--formt", "json"]));
    assert!(err.starts_with("samla: ukjent valg «--formt»; mente du «--format»?"), "{err}");
    // config.toml's language counts before any database is opened.
    std::fs::create_dir_all(home.path("config")).expect("config dir");
    std::fs::write(home.path("config/config.toml"), "lang = \"en\"\n").expect("write");
    let err = common::stderr(&home.run(&["list", "--min-mnok", "mye"]));
    assert!(err.contains("'mye' is not an amount in MNOK"), "{err}");
    // --lang on the command line wins, wherever it stands.
    let err = common::stderr(&home.run(&["list", "--min-mnok", "mye", "--lang", "nb"]));
    assert!(err.contains("«mye» er ikke et beløp i MNOK"), "{err}");
    // Help is still help.
    assert!(ok(home.run(&["list", "--help"])).contains("--min-mnok"));
}
