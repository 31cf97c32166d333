//! End to end: the real binary in a real terminal (tmux): open, search, details, help, quit,
//! and the terminal is restored (no alternate screen, no mouse capture left behind).

mod common;

use common::tmux::{Tmux, tmux_available};
use common::{Home, ok};
use std::time::{Duration, Instant};

#[test]
fn open_search_detail_help_and_quit_in_a_real_terminal() {
    if !tmux_available() {
        // CI installs tmux; a developer machine without it skips this one test.
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    ok(home.run(&["demo", "--no-open"]));
    let db = home.path("data/demo.db");
    let tmux = Tmux::new("e2e");
    // The shell writes samla's exit status to a file: tmux's own record of it is racy.
    let status_file = home.path("exit-status");
    let command = format!(
        "SAMLA_CONFIG_DIR='{}' SAMLA_DATA_DIR='{}' '{}' --db '{}'; echo $? > '{}'",
        home.path("config").display(),
        home.path("data").display(),
        env!("CARGO_BIN_EXE_samla"),
        db.display(),
        status_file.display()
    );
    tmux.run(&["new-session", "-d", "-s", "samla", "-x", "100", "-y", "40", &command]);
    tmux.run(&["set-option", "-t", "samla", "remain-on-exit", "on"]);

    let first = tmux.wait_for("1 Tiltak");
    assert!(first.contains("Digital Veiviser For Fødselsmelding"), "{first}");
    assert_eq!(tmux.pane("#{alternate_on}"), "1", "the UI runs on the alternate screen");

    tmux.keys(&["/"]);
    tmux.text("dødsbo");
    let searched = tmux.wait_for("viser 9 av 604");
    assert!(searched.contains("Datadeling om dødsbo"), "{searched}");
    tmux.keys(&["Enter"]);
    tmux.keys(&["Enter"]);
    let detail = tmux.wait_for("Rad i kildefila");
    assert!(detail.contains("Dødsfall og arv"), "{detail}");

    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["?"]);
    let help = tmux.wait_for("Hjelp");
    assert!(help.contains("Søk mens du skriver"), "{help}");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);

    let start = Instant::now();
    let status = loop {
        if let Some(status) = std::fs::read_to_string(&status_file).ok().filter(|s| s.ends_with('\n')) {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(10), "samla did not quit:\n{}", tmux.screen());
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.trim(), "0", "exit status; the screen shows:\n{}", tmux.screen());
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "the alternate screen is left");
    assert_eq!(tmux.pane("#{mouse_any_flag}"), "0", "mouse capture is switched off");
    assert!(!tmux.screen().contains("1 Tiltak"), "the UI is gone from the screen");
}

#[test]
fn a_job_stopped_by_a_bug_shows_an_error_keeps_the_screen_and_the_exit_code_tells() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    ok(home.run(&["demo", "--no-open"]));
    let db = home.path("data/demo.db");
    // Debug builds make the named job panic (see src/tui/worker.rs).
    let session = common::tmux::Session::start(
        &home,
        "panic",
        (120, 40),
        "SAMLA_FAIL_JOB=duplicates",
        &format!("--db '{}'", db.display()),
    );
    let tmux = &session.tmux;
    tmux.wait_for("1 Tiltak");
    tmux.wait_for("intern feil");
    std::thread::sleep(Duration::from_millis(300));
    let screen = tmux.screen();
    assert!(!screen.contains("panicked") && !screen.contains("RUST_BACKTRACE"), "{screen}");
    assert!(screen.contains("1 Tiltak") && screen.contains("intern feil"), "the screen is still the UI:\n{screen}");
    // Keys still work: a search, then quit.
    tmux.keys(&["/"]);
    tmux.text("dødsbo");
    tmux.wait_for("Datadeling om dødsbo");
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "1", "the exit code tells; the screen shows:\n{}", tmux.screen());
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "the terminal is restored");
    // The error is said once more below the shell prompt (wrapped lines joined, with history).
    let after = tmux.run(&["capture-pane", "-p", "-J", "-S", "-100", "-t", "samla"]);
    assert!(after.contains("samla: en intern feil stoppet duplikatsøket"), "{after}");
}

#[test]
fn a_panic_on_the_screens_own_thread_restores_the_terminal_first() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    ok(home.run(&["demo", "--no-open"]));
    let db = home.path("data/demo.db");
    let session = common::tmux::Session::start(
        &home,
        "screen",
        (100, 30),
        "SAMLA_FAIL_JOB=screen",
        &format!("--db '{}'", db.display()),
    );
    assert_eq!(session.exit_status(), "101", "a panic's exit status");
    let tmux = &session.tmux;
    assert_eq!(tmux.pane("#{alternate_on}"), "0", "the alternate screen is left");
    assert_eq!(tmux.pane("#{mouse_any_flag}"), "0", "mouse capture is switched off");
    let after = tmux.run(&["capture-pane", "-p", "-J", "-S", "-100", "-t", "samla"]);
    assert!(after.contains("SAMLA_FAIL_JOB=screen"), "the panic is printed after the terminal is restored:\n{after}");
}

#[test]
fn an_unsure_import_is_previewed_corrected_and_remembered_for_the_next_round() {
    if !tmux_available() {
        eprintln!("SKIPPED: tmux is not installed");
        return;
    }
    let home = Home::new();
    let unsure = "Navn;Tittel;Ansvarlig etat;Søkt beløp (mill. kr)\n\
        Digital søknad om tilskudd;Søknad om tilskudd;Nav;12\n\
        Felles varslingsløsning;Varsler;Skatteetaten;4\n";
    let first = home.path("usikker.csv");
    std::fs::write(&first, unsure).expect("write");
    let second = home.path("usikker_runde2.csv");
    std::fs::write(&second, unsure.replace(";12\n", ";13\n")).expect("write");
    let db = home.db();
    let session = common::tmux::Session::start(&home, "preview", (120, 40), "", &format!("--db '{}'", db.display()));
    let tmux = &session.tmux;
    tmux.wait_for("1 Tiltak");
    tmux.keys(&["i"]);
    tmux.text(first.to_str().expect("utf-8"));
    tmux.keys(&["Enter"]);
    let preview = tmux.wait_for("Sjekk kolonnene");
    assert!(preview.contains("tittel (usikker)") && preview.contains("«Søknad om tilskudd»"), "{preview}");
    // The title is in «Tittel»: the second column gets it, and «Navn» gives it up.
    tmux.keys(&["Down", "Right", "Right"]);
    let corrected = tmux.wait_for("tittel (bekreftet)");
    assert!(corrected.contains("Navn") && corrected.contains("(ikke brukt)"), "{corrected}");
    tmux.keys(&["Enter"]);
    tmux.wait_for("2 nye");
    let done = tmux.screen();
    assert!(done.contains("tittel ← «Tittel»"), "{done}");
    tmux.keys(&["Escape"]);
    tmux.wait_gone("Import ferdig");
    // The next round is read the same way without asking.
    tmux.keys(&["i"]);
    tmux.text(second.to_str().expect("utf-8"));
    tmux.keys(&["Enter"]);
    tmux.wait_for("1 endret");
    let round2 = tmux.screen();
    assert!(round2.contains("tittel ← «Tittel»"), "{round2}");
    assert!(!round2.contains("Sjekk kolonnene"));
    tmux.keys(&["Escape"]);
    std::thread::sleep(Duration::from_millis(300));
    tmux.keys(&["q"]);
    assert_eq!(session.exit_status(), "0");
    let listed = ok(home.run_db(&["list", "--format", "json"]));
    assert!(
        listed.contains("\"Søknad om tilskudd\"") && !listed.contains("\"Digital søknad om tilskudd\""),
        "{listed}"
    );
}
