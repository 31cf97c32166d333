//! Every input that ever made samla crash, hang or inflate (`tests/fuzz/regressions/`),
//! replayed through the same code its fuzz target runs, each within a time limit: an
//! ordinary `cargo test` keeps what fuzzing found fixed, without a fuzzer.

#[path = "fuzz/targets.rs"]
mod targets;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

/// Generous for a debug build on a busy machine; the faults these inputs found took
/// minutes, gigabytes, or for ever.
const LIMIT: Duration = Duration::from_secs(60);
/// No regression input holds more than a handful of rows.
const MOST_ROWS: usize = 100;

/// Runs `target` on every file of `regressions/NAME`; returns how many there were.
fn replay(name: &str, target: fn(&[u8]) -> usize) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/regressions").join(name);
    let mut files: Vec<_> =
        std::fs::read_dir(&dir).expect("regressions dir").map(|e| e.expect("entry").path()).collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).expect("read input");
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let rows = target(&bytes);
            let _ = sender.send(rows);
        });
        match receiver.recv_timeout(LIMIT) {
            Ok(rows) => assert!(rows <= MOST_ROWS, "{}: {rows} initiatives from a few bytes", file.display()),
            Err(mpsc::RecvTimeoutError::Timeout) => panic!("{} took longer than {LIMIT:?}", file.display()),
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("{} panicked", file.display()),
        }
    }
    files.len()
}

#[test]
fn every_input_that_ever_failed_now_runs_cleanly() {
    let replayed = replay("xlsx", targets::xlsx_target)
        + replay("import", targets::import)
        + replay("read_table", |data| {
            targets::read_table(data);
            0
        })
        + replay("values", |data| {
            targets::values(data);
            0
        });
    assert!(replayed >= 9, "only {replayed} inputs found");
}
