//! End to end in a real terminal, more of the analyst's day: the portfolio's bars carry
//! their values and the share inside the frame, its score axis spans the scores; the
//! import file picker; exports into the folder chosen once; confirmations in words; long
//! notices wrapped.

mod common;

use common::tmux::{Session, tmux_available};
use common::{Home, fixture, ok};

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

#[test]
fn the_file_picker_lists_folders_and_importable_files_filters_goes_up_and_imports() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    build_demo(&home);
    let start = home.path("arbeid");
    std::fs::create_dir_all(start.join("runder")).expect("dir");
    std::fs::copy(fixture("rounds/bygg.csv"), start.join("runder/bygg.csv")).expect("copy");
    for name in ["notat.pdf", ".skjult.csv", "oversikt.xlsx"] {
        std::fs::write(start.join(name), "x").expect("write");
    }
    let db = home.path("data/demo.db");
    let cd = format!("cd '{}' &&", start.display());
    let session = Session::start(&home, "picker", (80, 24), &cd, &format!("--lang nb --db '{}'", db.display()));
    let tmux = &session.tmux;
    tmux.wait_for("1 Tiltak");
    tmux.keys(&["i"]);
    let listing = tmux.wait_for("Importer en fil");
    assert!(listing.contains(" runder/") && listing.contains(" oversikt.xlsx"), "{listing}");
    assert!(!listing.contains("notat.pdf") && !listing.contains(".skjult"), "only what samla reads:\n{listing}");
    assert!(listing.contains(start.to_str().expect("utf-8")), "the folder it lists: {listing}");
    tmux.text("run");
    tmux.wait_gone("oversikt.xlsx");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" bygg.csv");
    // Backspace with nothing typed goes up a folder.
    tmux.keys(&["BSpace"]);
    tmux.wait_for(" oversikt.xlsx");
    tmux.text("runder");
    tmux.keys(&["Enter"]);
    tmux.wait_for(" bygg.csv");
    tmux.text("bygg");
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("Import ferdig");
    assert!(done.contains(" nye"), "{done}");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Import ferdig");
    // The picker opens where the last file came from.
    tmux.keys(&["i"]);
    let again = tmux.wait_for("Importer en fil");
    assert!(again.contains(" bygg.csv"), "{again}");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Importer en fil");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
    let listed = ok(home.run(&["--db", db.to_str().expect("utf-8"), "list", "--limit", "2000"]));
    assert!(listed.contains("Digital byggesøknad for småhus"), "imported through the picker");
}

#[test]
fn tagging_says_names_and_a_changed_ministry_in_a_wrapped_notice_and_sorting_goes_to_the_top() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    build_demo(&home);
    let session = demo(&home, "words", (80, 24));
    let tmux = &session.tmux;
    // The first row (by id) is a HOD initiative: Nav moves it to AID, and the notice says so.
    tmux.keys(&["t"]);
    tmux.text("liv:dødsfall eier:Nav");
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("Endret 1 tiltak");
    let notice: Vec<&str> = done.lines().rev().skip(1).take(2).collect();
    let notice = format!("{} {}", notice[1].trim(), notice[0].trim());
    assert_eq!(
        notice, "Endret 1 tiltak: livshendelse: Dødsfall og arv; eier: Nav (departement endres til AID)",
        "in words, wrapped over two lines, nothing cut:\n{done}"
    );
    assert!(!done.contains("liv:") && !done.contains("dodsfall-og-arv"), "no codes:\n{done}");
    assert!(done.trim_end().lines().last().is_some_and(|l| l.contains("? hjelp")), "{done}");
    // Two rows: the confirmation is in words too.
    tmux.keys(&["j", "Space", "Space", "t"]);
    tmux.text("liv:dødsfall");
    tmux.keys(&["Enter"]);
    let ask = tmux.wait_for("Endre 2 tiltak:");
    assert!(ask.contains("Endre 2 tiltak: livshendelse: Dødsfall og arv"), "{ask}");
    tmux.keys(&["n"]);
    tmux.wait_gone("Endre 2 tiltak:");
    // Sorting from far down the list shows the top of the new order.
    for _ in 0..30 {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["s"]);
    let sorted = tmux.wait_for("sortert Tittel");
    tmux.keys(&["g"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    // The rows as they stand, without the ≈ marks and the status line the background
    // duplicate search may fill in meanwhile.
    let rows = |screen: &str| -> Vec<String> {
        let lines: Vec<&str> = screen.lines().collect();
        lines[..lines.len().saturating_sub(2)].iter().map(|l| l.replace('≈', " ")).collect()
    };
    assert_eq!(rows(&sorted), rows(&tmux.screen()), "already at the top after sorting");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
}

/// The files in `dir` whose name starts with `prefix`.
fn files_in(dir: &std::path::Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|read| {
            read.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn exports_go_to_the_folder_chosen_in_config_or_the_data_directorys_eksport_shown_before_writing() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    build_demo(&home);
    // Unset: the data directory's eksport/, made when first used, the full path shown first.
    let eksport = home.path("data/eksport");
    let session = demo(&home, "export-default", (120, 40));
    let tmux = &session.tmux;
    tmux.keys(&["e"]);
    let prompt = tmux.wait_for("Eksporter det skjermen viser til fil");
    assert!(prompt.contains(&format!("{}/prioriteringsliste-", eksport.display())), "{prompt}");
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("rader til");
    assert!(done.contains(&eksport.display().to_string()), "says where it went:\n{done}");
    assert_eq!(files_in(&eksport, "prioriteringsliste-").len(), 1, "written in eksport/");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");

    // Chosen once in config.toml: the export and the brief go there.
    let chosen = home.path("Rapporter til møtet");
    std::fs::create_dir_all(home.path("config")).expect("config dir");
    let config = format!("export_dir = \"{}\"\n", chosen.display());
    std::fs::write(home.path("config/config.toml"), config).expect("config");
    let session = demo(&home, "export-chosen", (80, 24));
    let tmux = &session.tmux;
    tmux.keys(&["B"]);
    let prompt = tmux.wait_for("Skriv notat for embetsgruppen");
    assert!(prompt.contains("/notat-") && prompt.contains(".html"), "the file's name stays in view:\n{prompt}");
    tmux.keys(&["Enter"]);
    let done = tmux.wait_for("Notat skrevet til");
    assert!(done.contains("Rapporter til møtet"), "{done}");
    assert_eq!(files_in(&chosen, "notat-").len(), 1, "written in the chosen folder");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
}
