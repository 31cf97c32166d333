//! The demo's hand scores (`data/demo_scores.csv`), the rule that wrote them, and what they
//! must give the demo: most initiatives scored, totals spread over at least half the scale.
//!
//! THE RULE. An analyst scoring from the sector's own text would read the same fields; so
//! does this rule, for each initiative of the demo (after both municipal rounds):
//!
//! - `nytte` (societal benefit, 1–5): 2.4, plus 0.5 for each gain in the description that
//!   saves money or staff (frigjorte årsverk, færre feilutbetalinger, lavere
//!   driftskostnader, kortere saksbehandlingstid, mindre dobbeltarbeid, raskere utbetaling)
//!   and 0.25 for each gain in quality (bedre datakvalitet, økt brukertilfredshet, sikrere
//!   behandling av personopplysninger); 0.4 for each life event served (at most two); 0.4
//!   when more than one ministry owns it; −0.4 for an idea (Idé).
//! - `strategi` (strategic fit, 1–5): 2.0, plus 1.0 when it serves a life event (the national
//!   strategy's priority), 0.8 when it shares data or builds on common components (datadeling,
//!   deling av data, API, felles, ID-porten, Altinn, Folkeregisteret), 0.5 when Digdir or DFD
//!   owns it.
//! - `analyse` (analysis and benefits plan, 1–5): by phase, Idé 1.4, Konsept 2.3, Planlegging
//!   3.1, Gjennomføring 3.7, none given 2.2; plus 0.5 when the description names a gain.
//!
//! Each score gets seeded noise (sum of three uniform draws from an FNV-1a hash of source,
//! key and criterion; standard deviation 0.6), is rounded to a whole number and kept within
//! 1–5. One initiative in eight (by the same hash) is not scored at all — "not yet scored",
//! as in a real round — and one in sixteen more lacks its analysis score.
//!
//! `SAMLA_WRITE_DEMO_SCORES=1 cargo test --test demo_scores` writes the file again; the test
//! fails whenever the file and the rule differ, so the demo stays what this says it is.

mod common;

use samla::reference::ReferenceSource;
use samla::store::ListQuery;
use std::path::Path;

const SHEET: &str = "data/demo_scores.csv";

fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0xff]) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Uniform in 0..1 from a hash of `parts`.
fn uniform(parts: &[&str], draw: u8) -> f64 {
    let h = hash(&[parts, &[&draw.to_string()]].concat());
    (h >> 11) as f64 / (1u64 << 53) as f64
}

/// Roughly normal noise, mean 0, standard deviation 0.6.
fn noise(parts: &[&str]) -> f64 {
    let sum: f64 = (0..3).map(|d| uniform(parts, d)).sum();
    (sum - 1.5) * 1.2
}

fn count(text: &str, words: &[&str]) -> usize {
    words.iter().filter(|w| text.contains(*w)).count()
}

fn score(base: f64, parts: &[&str]) -> u8 {
    (base + noise(parts)).round().clamp(1.0, 5.0) as u8
}

/// The sheet the rule writes for the demo's initiatives.
fn sheet() -> String {
    let dir = tempfile::tempdir().expect("temp");
    let reference = ReferenceSource::builtin();
    let (store, _) = samla::demo::build(&dir.path().join("demo.db"), &reference, "demo").expect("demo");
    let mut initiatives = store.list(&ListQuery::default()).expect("list");
    initiatives.sort_by(|a, b| (&a.source, &a.key).cmp(&(&b.source, &b.key)));
    let mut out = String::from("source,key,title,nytte,strategi,analyse\n");
    for i in &initiatives {
        let (source, key) = (i.source.as_str(), i.key.as_str());
        if uniform(&[source, key, "unscored"], 0) < 0.125 {
            continue;
        }
        let text = i.description.clone().unwrap_or_default().to_lowercase();
        let money = ["frigjorte årsverk", "færre feilutbetalinger", "lavere driftskostnader"];
        let time = ["kortere saksbehandlingstid", "mindre dobbeltarbeid", "raskere utbetaling"];
        let quality = ["bedre datakvalitet", "økt brukertilfredshet", "sikrere behandling av personopplysninger"];
        let gains = count(&text, &money) + count(&text, &time);
        let events = i.life_events.len().min(2) as f64;
        let idea = i.phase.as_deref() == Some("Idé");
        let nytte = 2.4
            + 0.5 * gains as f64
            + 0.25 * count(&text, &quality) as f64
            + 0.4 * events
            + if i.ministries.len() > 1 { 0.4 } else { 0.0 }
            - if idea { 0.4 } else { 0.0 };
        let common_parts = ["datadeling", "deling av data", "api", "felles", "id-porten", "altinn", "folkeregister"];
        let strategi = 2.0
            + if i.life_events.is_empty() { 0.0 } else { 1.0 }
            + if count(&text, &common_parts) + count(&i.title.to_lowercase(), &common_parts) > 0 { 0.8 } else { 0.0 }
            + if i.agency.as_deref() == Some("Digdir") || i.ministries.first().map(String::as_str) == Some("DFD") {
                0.5
            } else {
                0.0
            };
        let phase_base = match i.phase.as_deref() {
            Some("Idé") => 1.4,
            Some("Konsept") => 2.3,
            Some("Planlegging") => 3.1,
            Some("Gjennomføring" | "Avsluttet") => 3.7,
            _ => 2.2,
        };
        let analyse = phase_base + if text.contains("gevinst") { 0.5 } else { 0.0 };
        let analyse = if uniform(&[source, key, "partly"], 0) < 0.07 {
            String::new()
        } else {
            score(analyse, &[source, key, "analyse"]).to_string()
        };
        let title = i.title.replace('"', "\"\"");
        out.push_str(&format!(
            "{source},{key},\"{title}\",{},{},{analyse}\n",
            score(nytte, &[source, key, "nytte"]),
            score(strategi, &[source, key, "strategi"]),
        ));
    }
    out
}

#[test]
fn the_demo_scores_follow_the_rule() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SHEET);
    let written = sheet();
    if std::env::var_os("SAMLA_WRITE_DEMO_SCORES").is_some() {
        std::fs::write(&path, &written).expect("write the sheet");
    }
    let stored = std::fs::read_to_string(&path).expect("data/demo_scores.csv");
    assert!(stored == written, "data/demo_scores.csv differs from its rule; see this file's documentation");
}

#[test]
fn the_demo_ranking_rests_on_hand_scores_and_spreads() {
    let home = common::Home::new();
    common::ok(home.run_db(&["demo", "--no-open"]));
    let rows = common::ok(home.run_db(&["rank", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&rows).expect("json");
    let rows = rows.as_array().expect("rows");
    let unscored = rows
        .iter()
        .filter(|r| r["criteria"].as_array().is_some_and(|c| c.iter().all(|c| c["given"] != "hand")))
        .count();
    assert!(unscored * 4 < rows.len(), "{unscored} of {} lack a hand score", rows.len());
    let totals: Vec<f64> = rows.iter().filter_map(|r| r["total"].as_f64()).collect();
    let (low, high) = totals.iter().fold((f64::MAX, f64::MIN), |(l, h), &t| (l.min(t), h.max(t)));
    assert!(high - low >= 50.0, "totals span {low:.1}–{high:.1}, less than half the scale");
}

#[test]
fn on_the_demo_any_frame_is_filled_in_rank_order() {
    let home = common::Home::new();
    common::ok(home.run_db(&["demo", "--no-open"]));
    for frame in [20_000_000i64, 300_000_000, 500_000_000, 2_500_000_000] {
        let rows = common::ok(home.run_db(&["rank", "--budget", &frame.to_string(), "--format", "json"]));
        let rows: serde_json::Value = serde_json::from_str(&rows).expect("json");
        let mut left = frame;
        let mut out_above_in = 0;
        for row in rows.as_array().expect("rows") {
            let amount = row["amount_nok"].as_i64();
            if row["selected"] == true {
                left -= amount.expect("a funded initiative has an amount");
                assert!(left >= 0, "over the frame at {row}");
                continue;
            }
            let reason = &row["reason"];
            match reason["kind"].as_str() {
                Some("does_not_fit") => {
                    assert_eq!(reason["left_nok"].as_i64(), Some(left), "{row}");
                    assert!(amount.expect("amount") > left, "{row}");
                    out_above_in += 1;
                }
                Some("no_amount") => assert!(amount.is_none()),
                Some("duplicate_of") => {}
                other => panic!("unexpected reason {other:?} in rank order: {row}"),
            }
        }
        assert!(out_above_in > 0 || frame > 2_000_000_000, "some do not fit {frame}");
    }
}
