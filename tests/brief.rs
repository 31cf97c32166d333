//! The brief for the embetsgruppe on the demo: what it says (snapshots in both languages and
//! both formats), what it must never say (a command line, an "ingen" ministry or phase),
//! that its figures are the screen's and the command line's, and that the HTML prints on A4.

mod common;

use common::{Home, ok};
use samla::config::Lang;
use samla::export::brief::{BriefData, BriefFormat, BriefOptions, ParallelInput, Templates, gather, render};
use samla::reference::ReferenceSource;
use samla::store::Store;

/// The demo database in a private home.
fn demo() -> (Home, Store) {
    let home = Home::new();
    let (store, _) = samla::demo::build(&home.db(), &ReferenceSource::builtin(), "test").expect("demo");
    (home, store)
}

/// The review as `samla brief` takes it: the queue at the calibrated threshold (no config).
fn review(store: &Store) -> ParallelInput {
    let kinds = samla::dedupe::ServiceKinds::from_reference(&ReferenceSource::builtin()).expect("kinds");
    ParallelInput::from_queue(&store.review_queue(&kinds, None::<f64>).expect("queue"))
}

fn brief(store: &Store, parallel: &ParallelInput, lang: Lang, budget_nok: Option<i64>) -> BriefData {
    let options = BriefOptions {
        lang,
        date: Some("14. mars 2027".into()),
        budget_nok,
        parallel: Some(parallel),
        ..BriefOptions::default()
    };
    let mut data = gather(store, &options).expect("gather");
    data.generated_at = "[tidspunkt]".into();
    data
}

/// The text with today's date (the demo's import date) written as "[dato]", so a snapshot
/// holds from one day to the next.
fn stable(text: &str) -> String {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    let month = today.month0() as usize;
    let nb = format!("{}. {} {}", today.day(), NB[month], today.year());
    let en = format!("{} {} {}", today.day(), today.format("%B"), today.year());
    text.replace(&nb, "[dato]").replace(&en, "[dato]")
}

fn render_text(data: &BriefData, format: BriefFormat) -> String {
    stable(&render(data, format, &Templates::builtin()).expect("render"))
}

/// What a reader sees of an HTML brief: the body's text, without the styles.
fn visible(html: &str) -> String {
    let body = html.split("</style>").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for ch in body.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out
}

/// The first cell of every table row, Markdown or HTML.
fn first_cells(text: &str) -> Vec<String> {
    let markdown = text.lines().filter(|l| l.starts_with("| ")).filter_map(|l| l.split(" | ").next());
    let html = text.split("<tr><td>").skip(1).filter_map(|r| r.split("</td>").next());
    markdown.map(|c| c.trim_start_matches("| ").trim().to_string()).chain(html.map(str::to_string)).collect()
}

#[test]
fn the_brief_on_the_demo_reads_the_same_in_both_languages_and_formats() {
    let (_home, store) = demo();
    let parallel = review(&store);
    for (lang, name) in [(Lang::Nb, "nb"), (Lang::En, "en")] {
        let data = brief(&store, &parallel, lang, Some(500_000_000));
        insta::assert_snapshot!(format!("brief_demo_500m_{name}_md"), render_text(&data, BriefFormat::Markdown));
        insta::assert_snapshot!(format!("brief_demo_500m_{name}_html"), render_text(&data, BriefFormat::Html));
    }
}

#[test]
fn the_brief_opens_with_the_summary_the_decisions_and_the_caveats() {
    let (_home, store) = demo();
    let parallel = review(&store);
    let nb = render_text(&brief(&store, &parallel, Lang::Nb, Some(500_000_000)), BriefFormat::Markdown);
    let summary = &nb[nb.find("## Sammendrag").expect("summary")..nb.find("### Forbehold").expect("box")];
    let lines: Vec<&str> = summary.lines().filter(|l| l.starts_with("- ")).collect();
    assert!(lines.len() <= 5, "five lines at most: {summary}");
    assert!(lines[0].contains("52 726,5 MNOK"), "the total asked, bokmål numbers: {summary}");
    assert!(lines[1].contains("trolig er parallelle løsninger") && lines[1].contains("går på tvers av sektorer"));
    assert!(lines[2].contains("Rammen på 500,0 MNOK") && lines[2].contains("faller utenfor"), "{summary}");
    assert!(lines.last().is_some_and(|l| l.contains("Embetsgruppen bes om å")), "{summary}");
    // The box counts the gaps in initiatives and in money.
    for gap in ["Rangert uten poeng satt for hånd", "Uten oppgitt eier", "Uten livshendelse", "ikke er bekreftet"] {
        assert!(nb.contains(gap), "{gap}");
    }
    assert!(nb.contains("Tallene bygger på 7 importer av 6 kildelister") && nb.contains("kommunal runde 2"), "{nb}");

    let en = render_text(&brief(&store, &parallel, Lang::En, Some(500_000_000)), BriefFormat::Markdown);
    assert!(en.contains("52,726.5 MNOK") && !en.contains("52 726,5"), "English numbers");
    assert!(en.contains("The group is asked to") && en.contains("## Parallel solutions"));
    assert!(en.contains("does not fit: ") && en.contains(" left"), "reasons for being out in English");
}

#[test]
fn no_command_line_and_no_ingen_row_in_the_brief() {
    let (_home, store) = demo();
    let parallel = review(&store);
    for lang in [Lang::Nb, Lang::En] {
        for budget in [None, Some(500_000_000)] {
            let data = brief(&store, &parallel, lang, budget);
            let markdown = render_text(&data, BriefFormat::Markdown);
            let html = render_text(&data, BriefFormat::Html);
            for text in [markdown.clone(), visible(&html)] {
                // Table rules ("|---:|") and the closing rule ("---") are Markdown, not flags.
                let words = text.lines().filter(|l| !l.trim_start().starts_with("|---") && l.trim() != "---");
                for line in words {
                    assert!(!line.contains("samla ") && !line.contains("--"), "a command line: {line}");
                }
            }
            for text in [&markdown, &html] {
                let cells = first_cells(text);
                assert!(!cells.is_empty());
                for word in ["ingen", "none", "Ingen", "None"] {
                    assert!(!cells.iter().any(|c| c == word), "an '{word}' row in {cells:?}");
                }
            }
            // Unset phases read "ikke oppgitt" / "not stated", listed last.
            let phases: Vec<&str> = data.headline.by_phase.iter().map(|s| s.label.as_str()).collect();
            let unset = if lang == Lang::Nb { "ikke oppgitt" } else { "not stated" };
            assert_eq!(phases.last(), Some(&unset), "{phases:?}");
            let municipal = data
                .headline
                .by_sector
                .iter()
                .find(|s| s.label.starts_with("Kommunesektoren") || s.label.starts_with("Municipal"));
            assert_eq!(municipal.map(|s| s.count), Some(106), "the 106 municipal initiatives");
        }
    }
}

#[test]
fn the_briefs_figures_are_the_screens_and_the_command_lines() {
    let (home, store) = demo();
    let parallel = review(&store);
    let data = brief(&store, &parallel, Lang::Nb, Some(500_000_000));

    // The priority plan: `samla rank --budget 500M` funds the same initiatives.
    let ranked: serde_json::Value =
        serde_json::from_str(&ok(home.run_db(&["rank", "--budget", "500M", "--json"]))).expect("json");
    let mut cli: Vec<i64> = ranked
        .as_array()
        .expect("rows")
        .iter()
        .filter(|r| r["selected"] == serde_json::Value::Bool(true))
        .filter_map(|r| r["id"].as_i64())
        .collect();
    let mut in_brief = data.priorities.in_frame_ids.clone();
    cli.sort_unstable();
    in_brief.sort_unstable();
    assert_eq!(in_brief, cli);
    // Its duplicate marks: the same count as the plan's marks of `samla rank`.
    let kinds = samla::dedupe::ServiceKinds::from_reference(&ReferenceSource::builtin()).expect("kinds");
    let matrix = store.score_matrix().expect("matrix");
    let marks = store.plan_duplicates(&matrix, &kinds, None::<f64>).expect("marks");
    assert_eq!(data.priorities.duplicates, marks.len());

    // The groups: `samla dedupe clusters`, ranked by what is at stake.
    let clusters: serde_json::Value =
        serde_json::from_str(&ok(home.run_db(&["dedupe", "clusters", "--json"]))).expect("json");
    let clusters: Vec<Vec<i64>> = clusters["clusters"]
        .as_array()
        .expect("clusters")
        .iter()
        .map(|c| {
            let mut ids: Vec<i64> =
                c["members"].as_array().expect("members").iter().filter_map(|m| m["id"].as_i64()).collect();
            ids.sort_unstable();
            ids
        })
        .collect();
    assert_eq!(data.parallel.group_count, clusters.len());
    for group in &data.parallel.groups {
        let mut ids: Vec<i64> = group.members.iter().map(|m| m.id).collect();
        ids.sort_unstable();
        assert!(clusters.contains(&ids), "{ids:?} is a cluster of samla dedupe");
    }
    let order: Vec<(bool, i64)> = data.parallel.groups.iter().map(|g| (g.cross_sector, g.amount_nok)).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "across sectors first, then by money: {order:?}");

    // The duplicates screen hands the brief the same review.
    let demo = common::tui::demo(Lang::Nb);
    let mut app = common::tui::app(&demo, 120, 40);
    let queue = demo.store.review_queue(&kinds, None::<f64>).expect("queue");
    let expected = ParallelInput::from_queue(&queue);
    app.duplicates_loaded(queue);
    match samla::tui::export::brief_job(&app, home.path("notat.md")) {
        samla::tui::export::OutputJob::Brief(job) => assert_eq!(job.parallel, Some(expected)),
        other => panic!("{other:?}"),
    }
}

/// A browser that prints to PDF, if one is installed.
fn chromium() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Pages in a PDF: its page objects ("/Type /Page", not "/Pages").
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    let compact = text.replace("/Type /Page", "/Type/Page");
    compact.match_indices("/Type/Page").filter(|(at, m)| !compact[at + m.len()..].starts_with('s')).count()
}

#[test]
fn the_html_brief_prints_on_a4_without_cutting_a_table_row() {
    let (home, store) = demo();
    let parallel = review(&store);
    let html = render_text(&brief(&store, &parallel, Lang::Nb, Some(500_000_000)), BriefFormat::Html);
    // The print rules: A4, a page per section, no row or list item split over two pages,
    // table headers repeated.
    for rule in [
        "@page { size: A4;",
        "tr, li { break-inside: avoid; }",
        "thead { display: table-header-group; }",
        "section + section { break-before: page; }",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    // (The charts' SVG namespace is a name, not an address to fetch.)
    for fetch in ["<script", "src=", "<link", "url(", "@import", "https://", "//cdn"] {
        assert!(!html.contains(fetch), "{fetch} in a self-contained file");
    }
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium, chromium-browser or google-chrome on PATH to print the brief to PDF");
        return;
    };
    let page = home.path("notat.html");
    std::fs::write(&page, &html).expect("write");
    let pdf = home.path("notat.pdf");
    let status = std::process::Command::new(browser)
        .args(["--headless", "--disable-gpu", "--no-sandbox", "--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .status()
        .expect("run the browser");
    assert!(status.success(), "{status}");
    let pages = pdf_pages(&std::fs::read(&pdf).expect("pdf"));
    let sections = html.matches("<section").count();
    assert!(pages >= sections && pages <= 40, "{pages} A4 pages for {sections} sections");
}

#[test]
fn pages_are_counted_from_the_page_objects() {
    let pdf = b"<< /Type /Pages /Count 2 >> << /Type /Page /Parent 1 0 R >> << /Type/Page >>";
    assert_eq!(pdf_pages(pdf), 2);
}
