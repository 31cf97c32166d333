//! Scoring end to end with the real binary: import sector files, score by hand and from a
//! sheet, weigh, rank, select within a budget frame with locks, scenarios, sensitivity.

mod common;

use common::{Home, fails, fixture, ok};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// A home with the health and justice lists imported.
fn home_with_data() -> Home {
    let home = Home::new();
    for file in ["dev/helse.csv", "dev/justis.tsv"] {
        ok(home.run_db(&["import", fixture(file).to_str().expect("utf-8")]));
    }
    home
}

fn id_of(home: &Home, key: &str) -> i64 {
    let list = json(&ok(home.run_db(&["list", "--search", key, "--format", "json"])));
    list.as_array()
        .and_then(|rows| rows.iter().find(|r| r["key"] == key))
        .and_then(|r| r["id"].as_i64())
        .unwrap_or_else(|| panic!("no initiative with key {key}"))
}

#[test]
fn scores_are_set_by_hand_and_from_a_sheet() {
    let home = home_with_data();
    let first = id_of(&home, "HOD-001").to_string();
    let out = ok(home.run_db(&["--lang", "en", "score", "set", &first, "Strategic fit", "4,5"]));
    assert!(out.contains("strategi – → 4,5"), "{out}");

    let err = fails(home.run_db(&["score", "set", &first, "risiko", "2"]));
    assert!(err.contains("regnes ut fra tiltakets risiko"), "{err}");
    let err = fails(home.run_db(&["score", "set", &first, "nytte", "6"]));
    assert!(err.contains("er utenfor skalaen"), "{err}");
    let err = fails(home.run_db(&["score", "set", &first, "nyte", "3"]));
    assert!(err.contains("mente du nytte"), "{err}");

    let sheet = fixture("scores/poeng.csv");
    let dry = json(&ok(home.run_db(&["score", "import", sheet.to_str().expect("utf-8"), "--dry-run", "--json"])));
    assert_eq!(dry["changed"], 7);
    let report = json(&ok(home.run_db(&["score", "import", sheet.to_str().expect("utf-8"), "--json"])));
    assert_eq!(report["matched_by"], "key", "ID holds keys like HOD-001, not samla ids");
    assert_eq!(report["header_row"], 3);
    assert_eq!(report["rows_read"], 4);
    assert_eq!(report["unmatched_rows"], 1);
    assert_eq!(report["changed"], 7, "{report}");
    assert_eq!(report["derived_columns"][0]["criterion"], "risiko");
    let warnings = report["warnings"].as_array().expect("warnings");
    assert!(warnings.iter().any(|w| w["value"] == "7" && w["reason"].as_str().is_some_and(|r| r.contains("1–5"))));

    let shown = json(&ok(home.run_db(&["score", "show", &first, "--json"])));
    let parts = shown["contributions"].as_array().expect("contributions");
    let value = |code: &str| parts.iter().find(|p| p["code"] == code).map(|p| p["value"].clone());
    assert_eq!(value("nytte"), Some(Value::from(4.0)));
    assert_eq!(value("strategi"), Some(Value::from(5.0)), "the sheet replaced 4,5 with 5");
    let text = ok(home.run_db(&["--lang", "en", "score", "show", &first]));
    assert!(text.contains("Societal benefit") && !text.contains("(Missing)"), "the sheet completed it: {text}");

    // The change log has who, old and new.
    let detail = json(&ok(home.run_db(&["show", &first, "--json"])));
    let history = detail["history"].as_array().expect("history");
    let strategy: Vec<&Value> = history.iter().filter(|c| c["field"] == "score:strategi").collect();
    assert_eq!(strategy.len(), 2);
    assert_eq!(strategy[1]["old_value"], "4.5");
    assert_eq!(strategy[1]["new_value"], "5");
    assert_eq!(strategy[1]["who"], "testanalytiker");
}

#[test]
fn rank_orders_by_total_and_explains_it() {
    let home = home_with_data();
    ok(home.run_db(&["score", "import", fixture("scores/poeng.csv").to_str().expect("utf-8")]));
    let rows = json(&ok(home.run_db(&["rank", "--json"])));
    let rows = rows.as_array().expect("array");
    assert!(rows.len() > 100, "both lists are ranked: {}", rows.len());
    for (index, row) in rows.iter().enumerate() {
        assert_eq!(row["rank"], index + 1);
        for field in
            ["place", "id", "title", "total", "benefit", "criteria", "amount_nok", "selected", "reason", "incomplete"]
        {
            assert!(row.get(field).is_some(), "rank JSON lacks {field}: {row}");
        }
        assert!(row["selected"].is_null(), "no frame, no selected");
        let total = row["total"].as_f64().expect("total");
        let criteria = row["criteria"].as_array().expect("criteria");
        let sum: f64 = criteria.iter().filter_map(|c| c["points"].as_f64()).sum();
        assert!((total - sum).abs() < 0.01, "criteria points add up to the total: {row}");
        for criterion in criteria {
            let given = criterion["given"].as_str().expect("given");
            assert!(["hand", "derived", "missing"].contains(&given), "{criterion}");
            assert_eq!(criterion["score"].is_null(), given == "missing", "{criterion}");
        }
    }
    let by_hand = |code: &str| {
        rows.iter()
            .filter(|r| {
                r["criteria"].as_array().is_some_and(|c| c.iter().any(|c| c["code"] == code && c["given"] == "hand"))
            })
            .count()
    };
    assert!(by_hand("nytte") >= 1, "the sheet's scores are given by hand");
    assert_eq!(by_hand("risiko"), 0, "risk derives itself");
    let totals: Vec<f64> = rows.iter().filter_map(|r| r["total"].as_f64()).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "best first");
    let complete = rows.iter().filter(|r| r["incomplete"] == false).count();
    assert!(complete >= 1, "HOD-001 is fully scored by the sheet");

    let top = ok(home.run_db(&["--lang", "en", "rank", "--top", "5"]));
    assert!(top.contains("showing 5 of"), "{top}");
    assert!(top.contains("middle of its scale"), "the missing rule is stated: {top}");
}

#[test]
fn budget_selection_respects_the_frame_and_locks() {
    let home = home_with_data();
    let rows = json(&ok(home.run_db(&["rank", "--json"])));
    let rows = rows.as_array().expect("array");
    let top_id = rows[0]["id"].as_i64().expect("id").to_string();
    // Lock in the most expensive proposal to make the lock bite.
    let expensive = rows.iter().max_by_key(|r| r["amount_nok"].as_i64().unwrap_or(0)).expect("rows");
    let expensive_id = expensive["id"].as_i64().expect("id").to_string();
    let expensive_amount = expensive["amount_nok"].as_i64().expect("amount");
    let frame = expensive_amount + 100_000_000;
    let budget = frame.to_string();

    let selected = json(&ok(home.run_db(&[
        "rank",
        "--budget",
        &budget,
        "--lock-in",
        &expensive_id,
        "--lock-out",
        &top_id,
        "--json",
    ])));
    let selected = selected.as_array().expect("array");
    let chosen: Vec<&Value> = selected.iter().filter(|r| r["selected"] == true).collect();
    let spent: i64 = chosen.iter().filter_map(|r| r["amount_nok"].as_i64()).sum();
    assert!(spent <= frame, "{spent} > {frame}");
    assert!(chosen.iter().any(|r| r["id"].as_i64().map(|i| i.to_string()) == Some(expensive_id.clone())));
    assert!(!chosen.iter().any(|r| r["id"].as_i64().map(|i| i.to_string()) == Some(top_id.clone())));
    assert!(selected.iter().all(|r| r["selected"].is_boolean()));
    // Every initiative left out says why; the locked-out one says so.
    for row in selected.iter().filter(|r| r["selected"] == false) {
        assert!(row["reason"]["kind"].is_string() && row["reason_text"].is_string(), "{row}");
    }
    let top = selected.iter().find(|r| r["id"].as_i64().map(|i| i.to_string()) == Some(top_id.clone())).expect("top");
    assert_eq!(top["reason"]["kind"], "locked_out");

    let text = ok(home.run_db(&["--lang", "en", "rank", "--budget", "150 MNOK", "--top", "30"]));
    for words in ["Frame 150,0 MNOK", "Cut line", "Selection: rank order", "Alternative: most benefit within the frame"]
    {
        assert!(text.contains(words), "lacks {words}:\n{text}");
    }
    // Spent and left add up to the frame as shown (tenths of MNOK).
    let line = text.lines().find(|l| l.starts_with("Frame 150,0 MNOK:")).expect("frame line");
    let tenths = |word: &str| -> i64 {
        let before = line.split(&format!(" MNOK {word}")).next().expect("figure");
        before.rsplit(' ').next().expect("number").replace(',', "").parse().expect("tenths")
    };
    assert_eq!(tenths("spent") + tenths("left"), 1500, "{line}");
    assert!(!text.contains("-0,0"), "{text}");
    let csv = ok(home.run_db(&["rank", "--budget", "150M", "--format", "csv", "--top", "3"]));
    let header = csv.lines().next().expect("header");
    assert!(header.starts_with("place,rank,id,title,total,benefit,amount_nok,selected,reason"), "{header}");
    assert!(header.contains(",nytte,nytte_given,"), "{header}");
    assert_eq!(csv.lines().count(), 4, "a header and three rows");
    let err = fails(home.run_db(&["rank", "--lock-in", &top_id]));
    assert!(err.contains("--budget"), "{err}");
    let err = fails(home.run_db(&["rank", "--budget", "1M", "--lock-in", &expensive_id]));
    assert!(err.contains("koster mer enn rammen"), "in bokmål, with the amounts: {err}");
    let bad = home.run_db(&["rank", "--budget", "lots"]);
    assert!(!bad.status.success());
    assert!(common::stderr(&bad).contains("500M"), "the error shows how to write it");
}

#[test]
fn weights_move_the_ranking_and_scenarios_compare() {
    let home = home_with_data();
    ok(home.run_db(&["score", "import", fixture("scores/poeng.csv").to_str().expect("utf-8")]));
    let before = json(&ok(home.run_db(&["rank", "--json"])));

    let out = ok(home.run_db(&["--lang", "en", "weights", "--set", "nytte=60", "--set", "kostnad=0"]));
    assert!(out.contains("The ranking changed"), "{out}");
    let weights = json(&ok(home.run_db(&["weights", "--json"])));
    let weight =
        |code: &str| weights.as_array().and_then(|w| w.iter().find(|c| c["code"] == code)).map(|c| c["weight"].clone());
    assert_eq!(weight("nytte"), Some(Value::from(60.0)));
    assert_eq!(weight("kostnad"), Some(Value::from(0.0)));
    assert_ne!(before, json(&ok(home.run_db(&["rank", "--json"]))));

    ok(home.run_db(&["weights", "--rank", "nytte,strategi"]));
    let weights = json(&ok(home.run_db(&["weights", "--json"])));
    let share = |code: &str| {
        weights.as_array().and_then(|w| w.iter().find(|c| c["code"] == code)).and_then(|c| c["share"].as_f64())
    };
    assert_eq!(share("nytte"), Some(0.75), "rank-order centroid for two: 3/4 and 1/4");
    assert_eq!(share("strategi"), Some(0.25));
    assert_eq!(share("risiko"), Some(0.0));
    ok(home.run_db(&["weights", "--reset"]));
    assert_eq!(before, json(&ok(home.run_db(&["rank", "--json"]))), "reset restores the default ranking");

    ok(home.run_db(&["scenario", "save", "Mars", "--budget", "200M"]));
    ok(home.run_db(&["weights", "--set", "kostnad=40"]));
    ok(home.run_db(&["scenario", "save", "April", "--budget", "120M"]));
    let diff = json(&ok(home.run_db(&["scenario", "compare", "mars", "april", "--json"])));
    assert_eq!(diff["a"]["name"], "Mars");
    assert_eq!(diff["a"]["budget_nok"], 200_000_000);
    let left = diff["left"].as_array().expect("left");
    assert!(!left.is_empty(), "a smaller frame leaves some out: {diff}");
    assert!(diff["entered"].is_array());
    let text = ok(home.run_db(&["--lang", "en", "scenario", "compare", "Mars", "April"]));
    assert!(text.contains("Enters in B") && text.contains("Leaves from A"), "{text}");
    let listed = ok(home.run_db(&["scenario", "list"]));
    assert!(listed.contains("Mars") && listed.contains("April"), "{listed}");
    let by_scenario = json(&ok(home.run_db(&["rank", "--scenario", "Mars", "--json"])));
    assert!(by_scenario.as_array().expect("rows").iter().any(|r| r["selected"] == true));
    let err = fails(home.run_db(&["scenario", "compare", "Mars", "Mai"]));
    assert!(err.contains("ukjent scenario «Mai»"), "{err}");
    ok(home.run_db(&["scenario", "delete", "april"]));
}

#[test]
fn sensitivity_is_reproducible_with_a_seed() {
    let home = home_with_data();
    ok(home.run_db(&["score", "import", fixture("scores/poeng.csv").to_str().expect("utf-8")]));
    let args = ["sensitivity", "--runs", "50", "--top", "5", "--watch", "8", "--json"];
    let first = json(&ok(home.run_db(&args)));
    assert_eq!(first, json(&ok(home.run_db(&args))));
    let entries = first["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 8);
    for entry in entries {
        let (best, worst, rank) = (entry["best_rank"].as_u64(), entry["worst_rank"].as_u64(), entry["rank"].as_u64());
        assert!(best <= rank && rank <= worst, "{entry}");
    }
    let text = ok(home.run_db(&["--lang", "en", "sensitivity", "--runs", "20"]));
    assert!(text.contains("seed 2026"), "{text}");
}

#[test]
fn reference_sync_loads_an_edited_criteria_file() {
    let home = home_with_data();
    let config = home.path("config");
    std::fs::create_dir_all(&config).expect("config dir");
    let builtin = include_str!("../data/criteria.toml");
    std::fs::write(config.join("criteria.toml"), builtin.replace("code = \"analyse\"", "code = \"gevinstplan\""))
        .expect("write");
    ok(home.run_db(&["reference", "sync"]));
    let weights = json(&ok(home.run_db(&["weights", "--json"])));
    let codes: Vec<&str> = weights.as_array().expect("array").iter().filter_map(|c| c["code"].as_str()).collect();
    assert!(codes.contains(&"gevinstplan") && !codes.contains(&"analyse"), "{codes:?}");

    std::fs::write(config.join("criteria.toml"), "[[criterion]]\ncode = \"x\"\n").expect("write");
    let err = fails(home.run_db(&["reference", "sync"]));
    assert!(err.contains("criteria.toml"), "{err}");
}
