//! Exports as a new user meets them: the demo database plus a few hostile titles, every
//! list format parsed back (csv, calamine for xlsx, JSON), escaping and formula injection,
//! never overwriting without --force, private files, and the brief in Markdown and HTML.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::{Home, fails, ok};
use samla::reference::ReferenceSource;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

const FORMULA_TITLE: &str = "=cmd|' /C calc'!A0";
const AT_TITLE: &str = "@SUM(1+1)";
const MARKUP_TITLE: &str = "<script>alert(1)</script> | *fet* _Ærlig_ #1";

/// The demo database and a small sector file whose titles try to run or to become markup.
fn demo_home() -> Home {
    let home = Home::new();
    let (store, _) = samla::demo::build(&home.db(), &ReferenceSource::builtin(), "test").expect("demo");
    drop(store);
    let hostile = home.path("fiendtlig.csv");
    let text = format!(
        "Tiltak;Ansvarlig virksomhet;Søkt beløp (mill. kr);Livshendelse\n\
         \"{}\";Nav;4,5;Dødsfall og arv\n\
         {AT_TITLE};Skatteetaten;2;Ny i Norge\n\
         \"{}\";Digdir;1,5;\n\
         \"-2+3 Sjøsikkerhet\";Kystverket;3;\n",
        FORMULA_TITLE.replace('"', "\"\""),
        MARKUP_TITLE.replace('"', "\"\""),
    );
    std::fs::write(&hostile, text).expect("write hostile file");
    ok(home.run_db(&["import", hostile.to_str().expect("utf-8")]));
    home
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn json_rows(home: &Home, args: &[&str]) -> Vec<Value> {
    let out = home.path("rows.json");
    let mut all = vec!["export", "--out", path_str(&out), "--force"];
    all.extend_from_slice(args);
    ok(home.run_db(&all));
    let value: Value = serde_json::from_slice(&std::fs::read(&out).expect("read json")).expect("json");
    value["rows"].as_array().expect("rows").clone()
}

fn title_row<'a>(rows: &'a [Vec<String>], title_column: usize, title: &str) -> &'a Vec<String> {
    rows.iter().find(|r| r[title_column] == title).unwrap_or_else(|| panic!("no row titled {title:?}"))
}

#[test]
fn csv_for_norwegian_excel_has_bom_semicolons_decimal_commas_and_no_formulas() {
    let home = demo_home();
    let out = home.path("liste.csv");
    let said = ok(home.run_db(&["export", "--out", path_str(&out), "--budget", "500M"]));
    assert!(said.contains("liste.csv"), "says where: {said}");
    let bytes = std::fs::read(&out).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let headers: Vec<String> = reader.headers().expect("headers").iter().map(str::to_string).collect();
    assert_eq!(headers[0], "Plass");
    assert!(headers.contains(&"Søkt beløp (kr)".to_string()), "{headers:?}");
    assert!(headers.contains(&"Samfunnsnytte (poeng)".to_string()), "a column per criterion: {headers:?}");
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.expect("record").iter().map(str::to_string).collect()).collect();
    let json = json_rows(&home, &["--budget", "500M"]);
    assert_eq!(rows.len(), json.len(), "every active initiative");
    assert!(rows.iter().all(|r| r.len() == headers.len()));

    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name}"));
    let (title, amount, score, frame, events) = (
        column("Tittel"),
        column("Søkt beløp (kr)"),
        column("Totalpoeng"),
        column("Innenfor rammen"),
        column("Livshendelser"),
    );
    // Ranks run 1, 2, 3 … in score order; scores use a decimal comma.
    for (index, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (index + 1).to_string());
        assert!(row[score].contains(',') && !row[score].contains('.'), "{}", row[score]);
        assert_eq!(row[amount], json[index]["amount_nok"].as_i64().map(|a| a.to_string()).unwrap_or_default());
    }
    assert!(rows.iter().any(|r| r[events].contains("Dødsfall og arv")), "life events by name, æøå intact");
    let in_frame: i64 =
        rows.iter().filter(|r| r[frame] == "ja").map(|r| r[amount].parse::<i64>().expect("whole kroner")).sum();
    assert!(in_frame > 400_000_000 && in_frame <= 500_000_000, "{in_frame}");

    // OWASP: cells that begin like a formula are prefixed with ', and nothing else changes.
    assert!(title_row(&rows, title, &format!("'{FORMULA_TITLE}"))[amount] == "4500000");
    title_row(&rows, title, &format!("'{AT_TITLE}"));
    title_row(&rows, title, "'-2+3 Sjøsikkerhet");
    title_row(&rows, title, MARKUP_TITLE);
    assert!(rows.iter().all(|r| r.iter().all(|cell| !cell.starts_with(['=', '+', '-', '@', '\t', '\r']))));

    // Plain CSV on request: no BOM, commas, decimal points.
    let plain = home.path("plain.csv");
    ok(home.run_db(&["export", "--out", path_str(&plain), "--comma", "--top", "3"]));
    let bytes = std::fs::read(&plain).expect("read");
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    assert_eq!(reader.headers().expect("headers").get(2), Some("Tittel"));
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows[0][7].contains('.') && !rows[0][7].contains(','), "{:?}", &rows[0]);
}

/// The text of one part of an .xlsx archive.
fn xlsx_part(path: &Path, part: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).expect("open")).expect("zip");
    let mut text = String::new();
    archive.by_name(part).expect("part").read_to_string(&mut text).expect("read part");
    text
}

#[test]
fn xlsx_has_numbers_norwegian_letters_text_cells_frozen_header_and_settings() {
    let home = demo_home();
    let out = home.path("liste.xlsx");
    ok(home.run_db(&["export", "--out", path_str(&out), "--budget", "500M", "--ministry", "HOD"]));
    let json = json_rows(&home, &["--budget", "500M", "--ministry", "HOD"]);

    let mut workbook: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    assert_eq!(workbook.sheet_names(), vec!["Prioriteringsliste".to_string(), "Utvalg".to_string()]);
    let range = workbook.worksheet_range("Prioriteringsliste").expect("list sheet");
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows.len(), json.len() + 1);
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    let amount = header.iter().position(|h| h == "Søkt beløp (kr)").expect("amount column");
    let title = header.iter().position(|h| h == "Tittel").expect("title column");
    for (row, expected) in rows[1..].iter().zip(&json) {
        assert_eq!(row[1], Data::Float(expected["id"].as_f64().expect("id")));
        assert_eq!(row[title], Data::String(expected["title"].as_str().expect("title").to_string()));
        match expected["amount_nok"].as_f64() {
            Some(nok) => assert_eq!(row[amount], Data::Float(nok), "amounts are numbers, not text"),
            None => assert_eq!(row[amount], Data::Empty),
        }
    }
    assert!(rows.iter().any(|r| r[title].to_string().contains(['æ', 'ø', 'å'])));

    let settings = workbook.worksheet_range("Utvalg").expect("settings sheet");
    let cells: Vec<String> = settings.rows().flat_map(|r| r.iter().map(|c| c.to_string())).collect();
    assert!(cells.iter().any(|c| c == "--ministry HOD"), "filters stated: {cells:?}");
    assert!(cells.iter().any(|c| c == "500000000"), "frame stated: {cells:?}");
    assert!(cells.iter().any(|c| c == "Samfunnsnytte"), "weights stated: {cells:?}");

    let sheet = xlsx_part(&out, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("ySplit=\"1\"") && sheet.contains("state=\"frozen\""), "header row frozen");
    assert!(sheet.contains("<autoFilter"), "autofilter");
    assert!(sheet.contains("<cols>"), "column widths");
    assert!(sheet.contains("<row r=\"1\"") && sheet.contains("ht=\"30\""), "a taller header row");
    assert!(!sheet.contains("<f>"), "no formulas");
    let styles = xlsx_part(&out, "xl/styles.xml");
    assert!(styles.contains("#,##0 &quot;kr&quot;"), "NOK format with thousands separators: {styles}");
}

#[test]
fn xlsx_writes_formula_like_titles_as_quote_prefixed_text() {
    let home = demo_home();
    let out = home.path("fiendtlig.xlsx");
    ok(home.run_db(&["export", "--out", path_str(&out), "--source", "fiendtlig"]));
    let mut workbook: Xlsx<_> = open_workbook(&out).expect("open xlsx");
    let range = workbook.worksheet_range("Prioriteringsliste").expect("sheet");
    let titles: Vec<String> = range.rows().skip(1).map(|r| r[2].to_string()).collect();
    for expected in [FORMULA_TITLE, AT_TITLE, MARKUP_TITLE, "-2+3 Sjøsikkerhet"] {
        assert!(titles.iter().any(|t| t == expected), "{expected:?} kept exactly: {titles:?}");
    }
    let formulas = workbook.worksheet_formula("Prioriteringsliste").expect("formulas");
    assert!(formulas.rows().all(|r| r.iter().all(String::is_empty)), "no cell is a formula");

    // The cells that begin like a formula carry a style with quotePrefix="1".
    let styles = xlsx_part(&out, "xl/styles.xml");
    let xfs_start = styles.find("<cellXfs").expect("cellXfs");
    let xfs = &styles[xfs_start..styles[xfs_start..].find("</cellXfs>").expect("end") + xfs_start];
    let quoted: Vec<usize> = xfs
        .split("<xf ")
        .skip(1)
        .enumerate()
        .filter(|(_, xf)| xf.contains("quotePrefix=\"1\""))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(quoted.len(), 1, "{xfs}");
    let sheet = xlsx_part(&out, "xl/worksheets/sheet1.xml");
    let quoted_cells = sheet.matches(&format!("s=\"{}\" t=\"s\"", quoted[0])).count();
    assert_eq!(quoted_cells, 3, "=cmd…, @SUM… and -2+3…: {sheet}");
}

#[test]
fn markdown_and_json_escape_and_keep_the_breakdown() {
    let home = demo_home();
    let out = home.path("liste.md");
    ok(home.run_db(&["--lang", "en", "export", "--out", path_str(&out), "--source", "fiendtlig"]));
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(!text.contains("<script>"), "{text}");
    assert!(text.contains("\\<script\\>alert(1)\\</script\\> \\| \\*fet\\* \\_Ærlig\\_ #1"), "{text}");
    let header_pipes = text.lines().find(|l| l.starts_with("| Place")).expect("header").matches(" |").count();
    let markup_line = text.lines().find(|l| l.contains("script")).expect("row");
    assert_eq!(markup_line.replace("\\|", "").matches(" |").count(), header_pipes, "one cell: {markup_line}");

    let rows = json_rows(&home, &["--source", "fiendtlig"]);
    assert_eq!(rows.len(), 4);
    let formula = rows.iter().find(|r| r["title"] == FORMULA_TITLE).expect("JSON keeps the title as written");
    let breakdown = formula["breakdown"].as_object().expect("breakdown");
    let sum: f64 = breakdown.values().filter_map(Value::as_f64).sum();
    assert!((sum - formula["score"].as_f64().expect("score")).abs() < 1e-6, "the parts add up to the score");
    assert_eq!(formula["life_events"][0]["code"], "dodsfall-og-arv");
    assert_eq!(formula["in_frame"], Value::Null, "no frame, no marker");
}

#[test]
fn existing_files_need_force_and_exports_are_private_and_whole() {
    let home = demo_home();
    let out = home.path("liste.xlsx");
    ok(home.run_db(&["export", "--out", path_str(&out), "--top", "5"]));
    let first = std::fs::read(&out).expect("read");
    let err = fails(home.run_db(&["export", "--out", path_str(&out)]));
    assert!(err.contains("--force") && err.contains("liste.xlsx"), "{err}");
    assert_eq!(std::fs::read(&out).expect("read"), first, "untouched");
    ok(home.run_db(&["export", "--out", path_str(&out), "--force"]));
    assert_ne!(std::fs::read(&out).expect("read"), first, "replaced");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777, 0o600);
    }
    let leftovers: Vec<String> = std::fs::read_dir(home.dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    let err = fails(home.run_db(&["export", "--out", path_str(&home.path("liste.pdf"))]));
    assert!(err.contains("--format"), "{err}");
    let err = fails(home.run_db(&["export", "--out", path_str(&home.path("x.csv")), "--ministry", "HDO"]));
    assert!(err.contains("HOD"), "the same filter errors as list: {err}");
}

#[test]
fn decided_duplicates_and_overlaps_are_marked_and_export_view_keeps_the_screen_order() {
    let home = demo_home();
    {
        let conn = rusqlite::Connection::open(home.db()).expect("open");
        for (a, b, decision) in [(1, 2, "duplicate"), (1, 30, "overlap"), (2, 3, "distinct")] {
            conn.execute(
                "INSERT INTO duplicate_decisions (initiative_a, initiative_b, decision, decided_at, decided_by)
                 VALUES (?1, ?2, ?3, '2027-01-01T00:00:00+01:00', 'test')",
                rusqlite::params![a, b, decision],
            )
            .expect("insert decision");
        }
    }
    let rows = json_rows(&home, &[]);
    let row = |id: i64| rows.iter().find(|r| r["id"] == id).expect("row").clone();
    assert_eq!(row(1)["duplicates"], serde_json::json!([2]));
    assert_eq!(row(1)["overlaps"], serde_json::json!([30]));
    assert_eq!(row(3)["duplicates"], serde_json::json!([]), "distinct is no marker");

    let store = samla::Store::open(&home.db(), samla::OpenMode::Existing, &ReferenceSource::builtin()).expect("open");
    let out = home.path("skjerm.csv");
    let ids = [30, 2, 1];
    let exported = samla::export::export_view(
        &store,
        &ids,
        &out,
        samla::export::ExportFormat::Csv,
        &samla::export::ViewExport {
            frame: Some(samla::export::FrameSpec { budget_nok: 1, ..Default::default() }),
            ..Default::default()
        },
    )
    .expect("export view");
    assert_eq!(exported.rows, 3);
    assert!(exported.path.is_absolute());
    let bytes = std::fs::read(&out).expect("read");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let written: Vec<i64> = records.iter().map(|r| r[1].parse().expect("id")).collect();
    assert_eq!(written, ids, "the screen's order");
    let mut ranks: Vec<String> = records.iter().map(|r| r[0].to_string()).collect();
    ranks.sort();
    assert_eq!(ranks, ["1", "2", "3"], "ranks among the exported rows");
    let parallel = records.iter().find(|r| &r[1] == "1").expect("row 1");
    assert!(parallel.iter().any(|c| c == "duplikat av 2; overlapper med 30"), "{parallel:?}");
    assert!(records.iter().all(|r| r.iter().any(|c| c == "nei")), "a 1-krone frame holds nothing");
    let again = samla::export::export_view(&store, &ids, &out, samla::export::ExportFormat::Csv, &Default::default());
    assert!(matches!(again, Err(samla::Error::OutputExists { .. })), "the TUI asks before replacing");
}

/// Records the analyst's verdicts straight in the database (the dedupe screens do this in
/// the app): a cross-sector overlap between Nav's and Digdir's hostile titles, and a
/// duplicate inside the demo data.
fn decide(home: &Home, pairs: &[(i64, i64, &str)]) {
    let conn = rusqlite::Connection::open(home.db()).expect("open");
    for (a, b, decision) in pairs {
        conn.execute(
            "INSERT INTO duplicate_decisions (initiative_a, initiative_b, decision, decided_at, decided_by)
             VALUES (?1, ?2, ?3, '2027-01-01T00:00:00+01:00', 'test')",
            rusqlite::params![a.min(b), a.max(b), decision],
        )
        .expect("insert decision");
    }
}

fn id_titled(rows: &[Value], title: &str) -> i64 {
    rows.iter().find(|r| r["title"] == title).and_then(|r| r["id"].as_i64()).expect("id")
}

#[test]
fn brief_in_markdown_has_every_section_with_escaped_titles_and_parallel_solutions() {
    let home = demo_home();
    let rows = json_rows(&home, &[]);
    let (formula, markup) = (id_titled(&rows, FORMULA_TITLE), id_titled(&rows, MARKUP_TITLE));
    decide(&home, &[(formula, markup, "overlap"), (1, 2, "duplicate"), (3, 4, "distinct")]);
    let out = home.path("notat.md");
    let said = ok(home.run_db(&[
        "brief",
        "--out",
        path_str(&out),
        "--budget",
        "500M",
        "--title",
        "Møte *mars* <b>",
        "--date",
        "14. mars 2027",
    ]));
    assert!(said.contains("notat.md"), "{said}");
    let text = std::fs::read_to_string(&out).expect("read");
    for heading in [
        "# Møte \\*mars\\* \\<b\\>",
        "## Nøkkeltall",
        "## Forslag til prioritering",
        "## Parallelle løsninger",
        "## Livshendelser",
        "## Endringer siden forrige runde",
        "## Datakvalitet",
    ] {
        assert!(text.contains(heading), "{heading:?} missing:\n{text}");
    }
    assert!(text.contains("14. mars 2027"));
    assert!(!text.contains("<script>") && !text.contains("<b>"), "{text}");

    // Headline figures add up to what the export lists.
    let requested: i64 = rows.iter().filter_map(|r| r["amount_nok"].as_i64()).sum();
    let figure = format!("**{} MNOK**", samla::text::format_mnok(requested));
    assert!(text.contains(&figure), "{figure} in:\n{text}");
    assert!(text.contains(&format!("**{}** tiltak", rows.len())));

    // The frame, the why and what just missed.
    assert!(text.contains("**Ramme:** 500,0 MNOK"), "{text}");
    assert!(text.contains("### Ute selv om de rangerer høyt"), "{text}");
    assert!(text.contains("passer ikke: "), "each one out says why: {text}");
    assert!(text.contains("**Utvalg:** rangeringsrekkefølge"), "{text}");
    assert!(text.contains("### Nytte ved ulike rammer") && text.contains("| **500,0** |"), "{text}");
    assert!(!text.contains(" --"), "no command-line flags in the brief: {text}");
    assert!(text.contains("lav gjennomføringsrisiko"), "reasons in words: {text}");
    assert!(!text.contains("Gjennomføringsrisiko 10,0"), "not criterion points: {text}");

    // Parallel solutions: groups from the review, the analyst's link among them.
    assert!(!text.contains("ikke kjørt"), "{text}");
    assert!(text.contains("kandidatpar venter på vurdering"), "the demo has open pairs: {text}");
    assert!(text.contains(" · på tvers av sektorer · "), "{text}");
    assert!(text.contains("Bekreftet av analytiker: 6,0 MNOK i én gruppe."), "formula + markup, overlap: {text}");

    assert!(text.contains("| Dødsfall og arv |"), "life events by name");
    assert!(text.contains("Tiltak uten oppgitt eier"));
    assert!(text.contains("**kommunal**") && text.contains("runde 2): 5 nye, 14 endret, 3 trukket"), "{text}");
    assert!(text.contains("**fiendtlig**") && text.contains("første runde"), "{text}");
    assert!(text.contains("søkt beløp"), "changed fields by name, not column codes");
    assert!(text.contains("| digdir\\_felles | digdir\\_felles.csv |"), "sources with dates: {text}");
    assert!(text.contains("### Eksempler på advarsler fra import"));

    // The groups the decisions alone make, listed with escaped titles and their owners.
    use samla::export::brief::{BriefFormat, BriefOptions, ParallelInput, Templates, gather, render};
    let store = samla::Store::open(&home.db(), samla::OpenMode::Existing, &ReferenceSource::builtin()).expect("open");
    let decided = ParallelInput::from_decisions(&store.duplicate_decisions().expect("decisions"));
    let options = BriefOptions { parallel: Some(&decided), ..BriefOptions::default() };
    let text = render(&gather(&store, &options).expect("gather"), BriefFormat::Markdown, &Templates::builtin())
        .expect("render");
    assert!(text.contains("| \\<script\\>alert(1)\\</script\\> \\| \\*fet\\*"), "{text}");
    assert!(text.contains("| Digdir (DFD) | DFD |") && text.contains("| Nav (AID) | AID |"), "{text}");
    assert!(text.contains("bekreftet · inneholder duplikater"), "1 and 2 are one initiative: {text}");
    assert!(!text.contains("distinct"), "3 and 4 are no group: {text}");
}

#[test]
fn brief_in_html_is_one_self_contained_escaped_file_for_a4() {
    use samla::export::brief::{BriefFormat, BriefOptions, ParallelInput, Templates, gather, render};
    let home = demo_home();
    let rows = json_rows(&home, &[]);
    decide(&home, &[(id_titled(&rows, FORMULA_TITLE), id_titled(&rows, MARKUP_TITLE), "overlap")]);
    let out = home.path("brief.html");
    ok(home.run_db(&["--lang", "en", "brief", "--out", path_str(&out), "--budget", "1 mrd", "--title", "<i>Q1</i>"]));
    let html = std::fs::read_to_string(&out).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..200.min(html.len())]);
    assert!(html.contains("<html lang=\"en\">") && html.contains("<h2>Headline figures</h2>"));
    assert!(html.contains("@page { size: A4"), "prints on A4");
    assert_eq!(html.matches("<svg").count(), 4, "charts inline: groups, sectors, phases, life events");
    for fetch in ["<script", "src=", "<link", "url(", "@import", "https://"] {
        assert!(!html.contains(fetch), "{fetch} in a self-contained file");
    }
    assert!(html.contains("&lt;i&gt;Q1&lt;&#x2f;i&gt;") || html.contains("&lt;i&gt;Q1&lt;/i&gt;"), "title escaped");
    let store = samla::Store::open(&home.db(), samla::OpenMode::Existing, &ReferenceSource::builtin()).expect("open");
    let decided = ParallelInput::from_decisions(&store.duplicate_decisions().expect("decisions"));
    let options = BriefOptions { parallel: Some(&decided), ..BriefOptions::default() };
    let decided_html =
        render(&gather(&store, &options).expect("gather"), BriefFormat::Html, &Templates::builtin()).expect("render");
    assert!(decided_html.contains("&lt;script&gt;alert(1)&lt;") && !decided_html.contains("<script"), "data escaped");
    assert!(!html.contains("<i>Q1"));
    assert!(html.contains("Death and inheritance"), "English life-event names");
    assert!(html.contains("candidate pairs await review"), "the engine ran");
    assert!(!html.contains("was not run"));
    assert!(html.contains("Municipal sector (KS / KDD)") && html.contains("52,"), "English names and numbers");

    let err = fails(home.run_db(&["brief", "--out", path_str(&out)]));
    assert!(err.contains("--force"), "{err}");
    ok(home.run_db(&["brief", "--out", path_str(&out), "--force"]));
    let err = fails(home.run_db(&["brief", "--out", path_str(&home.path("brief.pdf"))]));
    assert!(err.contains(".md") && err.contains(".html"), "{err}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn the_brief_uses_the_users_templates_and_names_a_broken_one() {
    let home = demo_home();
    let config = home.path("config");
    std::fs::create_dir_all(&config).expect("config dir");
    let words = include_str!("../data/brief_words.j2")
        .replace("\"headline\": \"Nøkkeltall\"", "\"headline\": \"Tall å merke seg\"");
    std::fs::write(config.join("brief_words.j2"), words).expect("write words");
    let out = home.path("notat.md");
    ok(home.run_db(&["brief", "--out", path_str(&out)]));
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(text.contains("## Tall å merke seg"), "{text}");
    assert!(text.contains("Ingen budsjettramme er gitt"), "without a frame, the top of the ranking");

    std::fs::write(config.join("brief.md.j2"), "{{ brief.headlin.initiatives }}").expect("write broken");
    let err = fails(home.run_db(&["brief", "--out", path_str(&home.path("broken.md"))]));
    assert!(err.contains("malen for notatet") && err.contains("brief.md.j2"), "{err}");
    assert!(!home.path("broken.md").exists(), "nothing written");
}

#[test]
fn the_brief_lists_the_groups_the_dedupe_review_hands_over() {
    use samla::export::brief::{BriefFormat, BriefOptions, CandidatePair, GroupInput, ParallelInput, Templates};
    use samla::export::brief::{gather, render};
    let home = demo_home();
    let store = samla::Store::open(&home.db(), samla::OpenMode::Existing, &ReferenceSource::builtin()).expect("open");
    let parallel = ParallelInput {
        open: vec![CandidatePair { a: 5, b: 9, score: 0.87 }],
        groups: vec![GroupInput { members: vec![5, 9], linked: vec![], weakest_link: 0.87, evidence: vec![] }],
    };
    let options = BriefOptions { lang: samla::config::Lang::En, parallel: Some(&parallel), ..BriefOptions::default() };
    let data = gather(&store, &options).expect("gather");
    assert!(data.parallel.candidates_computed);
    assert_eq!(data.parallel.groups.len(), 1);
    let group = &data.parallel.groups[0];
    assert_eq!(group.status, samla::export::brief::gather::GroupStatus::Likely, "strong links, not reviewed");
    let ids: Vec<i64> = group.members.iter().map(|m| m.id).collect();
    assert!(ids.contains(&5) && ids.contains(&9), "{ids:?}");
    let text = render(&data, BriefFormat::Markdown, &Templates::builtin()).expect("render");
    assert!(text.contains("1 candidate pairs await review") && text.contains(" · likely"), "{text}");
    assert!(!text.contains("was not run"), "{text}");
    let without = gather(&store, &BriefOptions::default()).expect("gather");
    assert!(!without.parallel.candidates_computed, "not run is not the same as none found");
    assert!(
        render(&without, BriefFormat::Markdown, &Templates::builtin())
            .expect("render")
            .contains("Søket etter parallelle løsninger er ikke kjørt")
    );
}
