//! Helpers shared by the integration tests: a private home for samla per test, and a way to
//! run the real binary in it.
#![allow(dead_code)]

pub mod tmux;
pub mod tui;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

/// A temporary config and data directory, so no test touches the user's files.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("samla.db")
    }

    /// Runs `samla` with `args` in this home, with English output.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_samla"))
            .args(args)
            .env("SAMLA_CONFIG_DIR", self.path("config"))
            .env("SAMLA_DATA_DIR", self.path("data"))
            .env_remove("SAMLA_DB")
            .env("USER", "testanalytiker")
            .output()
            .expect("run samla")
    }

    /// Runs `samla --db <home db> args...`.
    pub fn run_db(&self, args: &[&str]) -> Output {
        let db = self.db();
        let mut all = vec!["--db", db.to_str().expect("utf-8 path")];
        all.extend_from_slice(args);
        self.run(&all)
    }
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts success and returns stdout.
pub fn ok(output: Output) -> String {
    assert!(
        output.status.success(),
        "samla failed ({}):\nstdout: {}\nstderr: {}",
        output.status,
        stdout(&output),
        stderr(&output)
    );
    stdout(&output)
}

/// Asserts failure with exactly one line on stderr, and returns that line.
pub fn fails(output: Output) -> String {
    assert!(!output.status.success(), "samla should have failed; stdout: {}", stdout(&output));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "one clear line expected, got: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err.trim_end().to_string()
}

/// The bytes of a file, or None when it does not exist.
pub fn bytes(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// Every `.rs` file under `dir`, in a stable order (for the tests that read the source).
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("src is readable").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
