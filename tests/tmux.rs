//! End to end: the real binary in a real terminal (tmux): open, search, details, help, quit,
//! and the terminal is restored (no alternate screen, no mouse capture left behind).

mod common;

use common::{Home, ok};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed by name when the test ends.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Self {
        Self { socket: format!("samla-test-{tag}-{}", std::process::id()) }
    }

    fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "samla"])
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "samla"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "samla", "-l", text]);
    }

    /// Waits until the screen shows `wanted`, or fails with what it shows.
    fn wait_for(&self, wanted: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(wanted) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "waited for {wanted:?}; the screen shows:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "samla", format]).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

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
