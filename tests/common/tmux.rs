//! Driving the real binary in a real terminal: a tmux server of its own per test.

use super::Home;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of its own, killed by name when the test ends.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn new(tag: &str) -> Self {
        Self { socket: format!("samla-test-{tag}-{}", std::process::id()) }
    }

    pub fn run(&self, args: &[&str]) -> String {
        let output = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "samla"])
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "samla"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "samla", "-l", text]);
    }

    /// Waits until the screen shows `wanted`, or fails with what it shows.
    pub fn wait_for(&self, wanted: &str) -> String {
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

    /// Waits until the screen no longer shows `gone`.
    pub fn wait_gone(&self, gone: &str) {
        let start = Instant::now();
        while self.screen().contains(gone) {
            assert!(start.elapsed() < Duration::from_secs(20), "{gone:?} stays on the screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn pane(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "samla", format]).trim().to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

pub fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// samla started in a tmux pane of `width`×`height` in `home`, with `env` set and `args`
/// given; the exit status goes to a file, since tmux's own record of it is racy.
pub struct Session {
    pub tmux: Tmux,
    status_file: PathBuf,
}

impl Session {
    pub fn start(home: &Home, tag: &str, size: (u16, u16), env: &str, args: &str) -> Self {
        let tmux = Tmux::new(tag);
        let status_file = home.path(&format!("exit-status-{tag}"));
        let command = format!(
            "{env} SAMLA_CONFIG_DIR='{}' SAMLA_DATA_DIR='{}' '{}' {args}; echo $? > '{}'",
            home.path("config").display(),
            home.path("data").display(),
            env!("CARGO_BIN_EXE_samla"),
            status_file.display()
        );
        let (width, height) = (size.0.to_string(), size.1.to_string());
        tmux.run(&["new-session", "-d", "-s", "samla", "-x", &width, "-y", &height, &command]);
        tmux.run(&["set-option", "-t", "samla", "remain-on-exit", "on"]);
        Self { tmux, status_file }
    }

    /// Waits for samla to exit and returns its exit status.
    pub fn exit_status(&self) -> String {
        let start = Instant::now();
        loop {
            if let Some(status) = std::fs::read_to_string(&self.status_file).ok().filter(|s| s.ends_with('\n')) {
                return status.trim().to_string();
            }
            assert!(start.elapsed() < Duration::from_secs(10), "samla did not quit:\n{}", self.tmux.screen());
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
