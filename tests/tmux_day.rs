//! End to end, an analyst's working day in a real terminal at 80×24 and 120×40: every
//! screen keeps its titles wide and its footer's help and quit; Kilder numbers rounds per
//! source, dates them in Norwegian and undoes a round; scoring is a mode; a rejected
//! suggestion stays rejected; and nothing English reaches the Norwegian screen.

mod common;

use common::tmux::{Session, tmux_available};
use common::{Home, fixture, ok};
use unicode_width::UnicodeWidthStr;

/// Words that only an English message shows (a Norwegian screen never has them).
const ENGLISH: [&str; 14] = [
    " the ",
    " is ",
    " not ",
    "No such",
    "error",
    "cannot",
    "batch",
    "Title",
    "Source",
    "file ",
    "nothing was",
    "does not",
    "Undo",
    "(os error",
];

fn demo(home: &Home, tag: &str, size: (u16, u16)) -> Session {
    ok(home.run(&["demo", "--no-open"]));
    let db = home.path("data/demo.db");
    let session = Session::start(home, tag, size, "", &format!("--lang nb --db '{}'", db.display()));
    session.tmux.wait_for("1 Tiltak");
    session
}

fn assert_norwegian(screen: &str) {
    for word in ENGLISH {
        assert!(!screen.contains(word), "English «{word}» on the Norwegian screen:\n{screen}");
    }
}

/// The width of the header cell that starts with `title` (up to the next header word).
fn column_width(screen: &str, title: &str) -> usize {
    let line = screen.lines().find(|l| l.contains(title)).unwrap_or_else(|| panic!("no «{title}»:\n{screen}"));
    let start = line.find(title).expect("title");
    let rest = &line[start + title.len()..];
    let spaces = rest.chars().take_while(|c| *c == ' ').count();
    title.width() + spaces
}

fn footer(screen: &str) -> &str {
    screen.trim_end().lines().last().unwrap_or_default()
}

#[test]
fn every_screen_at_80x24_keeps_titles_30_wide_help_and_quit_and_speaks_norwegian() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    let session = demo(&home, "day80", (80, 24));
    let tmux = &session.tmux;
    // Each screen: its key, its tab, what shows once it has loaded, and its title column.
    let screens = [
        ("1", "1 Tiltak", "Tittel", Some("Tittel")),
        ("2", "2 Kilder", "Kilde · fil", Some("Kilde · fil")),
        ("3", "3 Prioritering", "Poeng", Some("Tittel")),
        ("4", "4 Poeng", "Poeng", Some("Tittel")),
        ("5", "5 Portefølje", "5 Portefølje", None),
        ("6", "6 Forslag", "Livshendelse", Some("Tittel")),
        ("7", "7 Matrise", "7 Matrise", None),
        ("8", "8 Duplikater", "Tittel A", Some("Tittel A")),
    ];
    for (key, tab, loaded, title) in screens {
        tmux.keys(&[key]);
        tmux.wait_for(tab);
        let screen = tmux.wait_for(loaded);
        assert!(footer(&screen).contains("? hjelp") && footer(&screen).contains("q avslutt"), "{tab}:\n{screen}");
        if let Some(title) = title {
            let width = column_width(&screen, title);
            assert!(width >= 30, "{tab}: the title column is {width} wide:\n{screen}");
        }
        if key == "8" {
            let width = column_width(&screen, "Tittel B");
            assert!(width >= 30, "{tab}: the second title column is {width} wide:\n{screen}");
            // The owners column folded away comes back with z, and goes again.
            assert!(!screen.contains("Skår Eiere"), "{screen}");
            tmux.keys(&["z"]);
            tmux.wait_for("Skår Eiere");
            tmux.keys(&["z"]);
            tmux.wait_gone("Skår Eiere");
        }
        assert_norwegian(&screen);
        // Help: this screen's keys first, then every other key, never scrolled past its end.
        tmux.keys(&["?"]);
        let help = tmux.wait_for("Denne skjermen");
        assert_norwegian(&help);
        tmux.keys(&["G", "G", "End"]);
        for _ in 0..60 {
            tmux.keys(&["j"]);
        }
        let bottom = tmux.wait_for("Filter");
        assert!(bottom.contains("Avslutt") || bottom.contains("avslutt"), "help ends with its last keys:\n{bottom}");
        tmux.keys(&["Escape"]);
        tmux.wait_gone("┌ Hjelp");
    }
    // Matrise: no two life-event headers alike.
    tmux.keys(&["7"]);
    let matrix = tmux.wait_for("7 Matrise");
    let header = matrix.lines().nth(2).expect("header").split_whitespace().collect::<Vec<_>>();
    let mut unique = header.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), header.len(), "headers collide: {header:?}");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
}

#[test]
fn kilder_numbers_rounds_per_source_dates_them_in_norwegian_and_undoes_the_latest() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    let db = home.db();
    for file in ["bygg.csv", "bygg_runde2.csv"] {
        let path = fixture(&format!("rounds/{file}"));
        ok(home.run_db(&["import", "--yes", path.to_str().expect("utf-8")]));
    }
    for (size, tag) in [((80, 24), "kilder80"), ((120, 40), "kilder120")] {
        let session = Session::start(&home, tag, size, "", &format!("--lang nb --db '{}'", db.display()));
        let tmux = &session.tmux;
        tmux.wait_for("1 Tiltak");
        tmux.keys(&["2"]);
        let sources = tmux.wait_for("bygg_runde2.csv");
        let rounds: Vec<&str> = sources.lines().filter(|l| l.contains("bygg · ")).collect();
        assert!(
            rounds[0].trim_start().starts_with("2 bygg") && rounds[1].trim_start().starts_with("1 bygg"),
            "{sources}"
        );
        let months = ["jan.", "feb.", "mars", "april", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des."];
        assert!(months.iter().any(|m| rounds[0].contains(m)), "a Norwegian date: {sources}");
        assert!(!sources.contains('T') || !sources.contains("+0"), "no ISO timestamps: {sources}");
        tmux.keys(&["q"]);
        session.exit_status();
    }
    let session = Session::start(&home, "undo", (80, 24), "", &format!("--lang nb --db '{}'", db.display()));
    let tmux = &session.tmux;
    tmux.wait_for("1 Tiltak");
    tmux.keys(&["2"]);
    tmux.wait_for("bygg_runde2.csv");
    tmux.keys(&["U"]);
    let ask = tmux.wait_for("Angre runde 2 av «bygg»?");
    assert!(ask.contains("1 nye · 2 endret · 1 trukket"), "{ask}");
    tmux.keys(&["j"]);
    let done = tmux.wait_for("Angret runde 2");
    assert!(done.contains("1 fjernet, 2 satt tilbake, 1 aktive igjen"), "{done}");
    tmux.wait_gone("bygg_runde2.csv");
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
    let listed = ok(home.run_db(&["list"]));
    assert!(!listed.contains("Tinglysing av seksjoner"), "the round's new initiative is gone: {listed}");
}

#[test]
fn digits_change_screen_unless_scoring_and_a_rejected_suggestion_stays_rejected() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    let session = demo(&home, "scoring", (120, 40));
    let tmux = &session.tmux;
    tmux.keys(&["4"]);
    let grid = tmux.wait_for("Samfunnsnytte");
    assert!(grid.contains("enter: skriv poeng"), "{grid}");
    tmux.keys(&["5"]);
    tmux.wait_for("5 Portefølje");
    tmux.keys(&["4"]);
    tmux.wait_for("4 Poeng");
    tmux.keys(&["Enter"]);
    tmux.wait_for("POENGMODUS");
    tmux.keys(&["3"]);
    std::thread::sleep(std::time::Duration::from_millis(700));
    let after = tmux.wait_for("POENGMODUS");
    assert!(
        after.contains("Kriterium (") && !after.contains("Kriterium (1/8)"),
        "a digit in scoring mode scores and moves on, it does not change screen:\n{after}"
    );
    tmux.keys(&["Escape"]);
    tmux.wait_gone("POENGMODUS");
    tmux.keys(&["u"]);
    let undone = tmux.wait_for("Angret (siste endring, alle skjermer): poeng Samfunnsnytte");
    assert_norwegian(&undone);

    tmux.keys(&["6"]);
    let suggestions = tmux.wait_for("Forslag til livshendelser (");
    let first = suggestions.lines().find(|l| l.trim_start().starts_with("1 ")).expect("a first suggestion").to_string();
    tmux.keys(&["x"]);
    tmux.wait_for("Avvist; forslaget kommer ikke igjen.");
    tmux.keys(&["1", "6"]);
    let again = tmux.wait_for("Forslag til livshendelser (");
    assert!(!again.contains(&first), "rejected, and still gone after changing screen:\n{again}");
    tmux.keys(&["Y"]);
    let ask = tmux.wait_for("Godta alle forslag?");
    assert!(ask.contains("Forslag du har avvist, er ikke med."), "{ask}");
    tmux.keys(&["n"]);
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
}

#[test]
fn import_errors_reach_the_norwegian_screen_in_norwegian() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    let session = demo(&home, "errors", (80, 24));
    let tmux = &session.tmux;
    let empty = home.path("tom.csv");
    std::fs::write(&empty, "").expect("write");
    for (path, wanted) in [(home.path("finnes-ikke.csv"), "finnes ikke"), (empty, "fila er tom")] {
        tmux.keys(&["i"]);
        tmux.text(path.to_str().expect("utf-8"));
        tmux.keys(&["Enter"]);
        let shown = tmux.wait_for(wanted);
        assert_norwegian(&shown);
        tmux.keys(&["Escape"]);
        tmux.wait_gone(wanted);
    }
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
}
