//! End to end in a real terminal, more of the analyst's day: the portfolio's bars carry
//! their values and the share inside the frame, its score axis spans the scores; the
//! import file picker; exports into the folder chosen once; confirmations in words; long
//! notices wrapped.

mod common;

use common::tmux::{Session, tmux_available};
use common::{Home, ok};

/// Builds the demo database in `home`.
fn build_demo(home: &Home) {
    ok(home.run(&["demo", "--no-open"]));
}

/// samla on the demo database in a terminal of `size`.
fn demo(home: &Home, tag: &str, size: (u16, u16)) -> Session {
    let db = home.path("data/demo.db");
    let session = Session::start(home, tag, size, "", &format!("--lang nb --db '{}'", db.display()));
    session.tmux.wait_for("1 Tiltak");
    session
}

/// The score axis the portfolio should draw: the demo's totals (of initiatives with an
/// amount) with a twentieth of their spread, at least one point, on either side.
fn expected_score_axis(home: &Home) -> (i64, i64) {
    let db = home.path("data/demo.db");
    let json = ok(home.run(&["--db", db.to_str().expect("utf-8"), "rank", "--format", "json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&json).expect("json");
    let totals: Vec<f64> =
        rows.iter().filter(|r| !r["amount_nok"].is_null()).filter_map(|r| r["total"].as_f64()).collect();
    let min = totals.iter().copied().fold(f64::INFINITY, f64::min);
    let max = totals.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let margin = ((max - min) / 20.0).max(1.0);
    ((min - margin).floor().max(0.0) as i64, (max + margin).ceil().min(100.0) as i64)
}

/// The numbers on the chart's left axis, top to bottom.
fn axis_labels(screen: &str) -> Vec<i64> {
    screen
        .lines()
        .filter_map(|l| l.strip_prefix('│'))
        .filter_map(|l| l.split('│').next())
        .filter_map(|label| label.trim().parse().ok())
        .collect()
}

#[test]
fn portfolio_bars_carry_values_and_the_share_in_the_frame_and_the_axis_spans_the_scores() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    build_demo(&home);
    let (low, high) = expected_score_axis(&home);
    assert!(low > 0 || high < 100, "the demo's scores do not fill 0..100: {low}..{high}");
    for (size, tag) in [((80, 24), "folio80"), ((120, 40), "folio120")] {
        let session = demo(&home, tag, size);
        let tmux = &session.tmux;
        tmux.keys(&["5"]);
        let chart = tmux.wait_for("Søkt beløp per departement");
        let labels = axis_labels(&chart);
        assert_eq!(labels.first(), Some(&high), "the axis tops at the highest score:\n{chart}");
        assert_eq!(labels.last(), Some(&low), "the axis starts at the lowest score:\n{chart}");
        let bars: Vec<&str> = chart.lines().filter(|l| l.contains(" MNOK") && l.contains('▒')).collect();
        assert!(bars.len() >= 4, "a labelled bar per ministry:\n{chart}");
        assert!(bars.iter().any(|l| l.contains("│ JD ")), "{chart}");
        tmux.keys(&["b"]);
        tmux.text("5000M");
        tmux.keys(&["Enter"]);
        let framed = tmux.wait_for("% i rammen │");
        assert!(framed.contains("Ramme 5 000,0 MNOK"), "{framed}");
        let title = framed.lines().find(|l| l.contains("Søkt beløp per departement")).expect("title");
        assert!(title.contains("% i rammen · █ innenfor ▒ utenfor"), "the share in the frame, overall: {title}");
        let shares = framed.lines().filter(|l| l.contains(" MNOK ·") && l.contains("% i rammen")).count();
        assert!(shares >= 4, "each bar says its share:\n{framed}");
        assert!(framed.contains('█'), "the part inside the frame is drawn:\n{framed}");
        tmux.keys(&["q"]);
        assert_eq!(session.exit_status(), "0");
    }
}
