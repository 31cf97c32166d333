//! Keeping the analyst's work: checks, backups, crashes mid-write, two processes at once,
//! and no network anywhere.

mod common;

use common::{Home, fails, ok};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A sector file of `rows` initiatives, big enough that writing it takes a while.
fn big_file(home: &Home, name: &str, rows: usize, owner: &str) -> std::path::PathBuf {
    let mut text = String::from("id,tittel,beskrivelse,virksomhet,belop_mnok,livshendelser\n");
    let filler = "Tiltaket gjør tjenesten enklere og gir bedre data til forvaltningen. ".repeat(3);
    // Keys of the file's own (a file repeating another source's keys and titles would be
    // read as a round of it).
    let prefix = name.split('.').next().unwrap_or(name).to_uppercase();
    for n in 0..rows {
        text.push_str(&format!("{prefix}-{n},Digital tjeneste {n},\"{filler}\",{owner},{}.5,\n", n % 90));
    }
    let path = home.path(name);
    std::fs::write(&path, text).expect("write");
    path
}

fn samla(home: &Home) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_samla"));
    command
        .env("SAMLA_CONFIG_DIR", home.path("config"))
        .env("SAMLA_DATA_DIR", home.path("data"))
        .env_remove("SAMLA_DB")
        .arg("--db")
        .arg(home.db());
    command
}

fn count(home: &Home, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(home.db()).expect("open");
    conn.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn integrity(home: &Home) -> String {
    let conn = rusqlite::Connection::open(home.db()).expect("open");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).expect("check")
}

#[test]
fn doctor_passes_a_healthy_database_and_names_problems() {
    let home = Home::new();
    ok(home.run_db(&["import", common::fixture("dev/helse.csv").to_str().expect("utf-8")]));
    let report = ok(home.run_db(&["--lang", "en", "doctor"]));
    assert!(report.contains("No problems found"), "{report}");
    {
        let conn = rusqlite::Connection::open(home.db()).expect("open");
        conn.execute_batch(
            "UPDATE organisations SET ministry_id = NULL WHERE code = 'Nav';
             INSERT INTO initiative_ministries VALUES (1, (SELECT id FROM organisations WHERE code = 'Digdir'), 5);",
        )
        .expect("break it");
    }
    let out = home.run_db(&["--lang", "en", "doctor"]);
    assert!(!out.status.success(), "problems give a non-zero exit");
    let report = common::stdout(&out);
    assert!(report.contains("agencies without a ministry") && report.contains("Nav"), "{report}");
    assert!(report.contains("ministry links to something that is not a ministry"), "{report}");
}

#[test]
fn backups_on_request_and_before_every_import() {
    let home = Home::new();
    let helse = common::fixture("dev/helse.csv");
    ok(home.run_db(&["import", helse.to_str().expect("utf-8")]));
    let copy = home.path("kopi.db");
    ok(home.run_db(&["backup", copy.to_str().expect("utf-8")]));
    let conn = rusqlite::Connection::open(&copy).expect("copy opens");
    let rows: i64 = conn.query_row("SELECT count(*) FROM initiatives", [], |r| r.get(0)).expect("count");
    assert_eq!(rows, 45);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&copy).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let err = fails(home.run_db(&["backup", copy.to_str().expect("utf-8")]));
    assert!(err.contains("finnes allerede") && err.contains("--force"), "{err}");

    // Every import into a database that holds something is preceded by a copy; five are kept.
    let backups = home.path("data/backups");
    for n in 0..7 {
        let file = home.path(&format!("liste{n}.csv"));
        std::fs::write(&file, format!("Tiltak\nTiltak nummer {n}\n")).expect("write");
        let out = ok(home.run_db(&["import", file.to_str().expect("utf-8")]));
        assert!(out.contains(&backups.display().to_string()), "{out}");
    }
    // In the database's own folder.
    let folders: Vec<_> = std::fs::read_dir(&backups).expect("dir").map(|e| e.expect("entry").path()).collect();
    assert_eq!(folders.len(), 1, "{folders:?}");
    let kept = std::fs::read_dir(&folders[0]).expect("dir").count();
    assert_eq!(kept, 5);
}

/// Starts an import of a big file, kills it mid-way (SIGKILL), and checks the database.
#[test]
fn a_killed_import_leaves_all_or_nothing_and_loses_nothing_before() {
    let home = Home::new();
    ok(home.run_db(&["import", common::fixture("dev/helse.csv").to_str().expect("utf-8")]));
    let before = count(&home, "SELECT count(*) FROM initiatives");
    let file = big_file(&home, "stor.csv", 30_000, "Nav");
    let mut child =
        samla(&home).arg("import").arg(&file).stdout(Stdio::null()).stderr(Stdio::null()).spawn().expect("spawn");
    // Wait until it writes (a journal or write-ahead log appears), then a little more.
    let journal = home.path("samla.db-journal");
    let wal = home.path("samla.db-wal");
    let start = Instant::now();
    while !journal.exists() && !wal.exists() && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(300));
    let finished_before_kill = child.try_wait().expect("status").is_some();
    child.kill().ok();
    child.wait().expect("reaped");

    assert_eq!(integrity(&home), "ok");
    let after = count(&home, "SELECT count(*) FROM initiatives");
    assert!(after == before || after == before + 30_000, "all or nothing: {before} → {after}");
    assert_eq!(
        count(&home, "SELECT count(*) FROM initiatives WHERE source_key LIKE 'HOD-%'"),
        45,
        "earlier work intact"
    );
    if !finished_before_kill {
        assert_eq!(after, before, "killed mid-way: nothing of the file");
    }
    // The database still works: the same import again completes.
    ok(home.run_db(&["import", file.to_str().expect("utf-8")]));
    assert_eq!(count(&home, "SELECT count(*) FROM initiatives"), before + 30_000);
}

#[test]
fn a_killed_bulk_tag_is_all_or_nothing() {
    let home = Home::new();
    let file = big_file(&home, "stor.csv", 20_000, "Nav");
    ok(home.run_db(&["import", file.to_str().expect("utf-8")]));
    let mut child = samla(&home)
        .args(["tag", "--filter", "dep:AID", "--set", "tag:avbrutt liv:miste-og-finne-jobb"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(400));
    child.kill().ok();
    child.wait().expect("reaped");
    assert_eq!(integrity(&home), "ok");
    let tagged = count(&home, "SELECT count(*) FROM initiative_tags WHERE tag = 'avbrutt'");
    let events = count(&home, "SELECT count(*) FROM initiative_life_events");
    assert!(tagged == 0 || tagged == 20_000, "{tagged}");
    assert_eq!(events, tagged, "both edits or neither");
}

#[test]
fn two_processes_on_one_database_both_finish() {
    let home = Home::new();
    let first = big_file(&home, "a.csv", 10_000, "Nav");
    ok(home.run_db(&["import", first.to_str().expect("utf-8")]));
    let second = big_file(&home, "b.csv", 15_000, "Skatteetaten");
    // An import and a bulk tag at the same time: the later writer waits, then works.
    let importer = samla(&home).arg("import").arg(&second).output();
    let tagger = std::thread::spawn({
        let mut command = samla(&home);
        command.args(["tag", "--filter", "dep:AID", "--set", "tag:samtidig"]);
        move || {
            std::thread::sleep(Duration::from_millis(100));
            command.output().expect("tag")
        }
    });
    let importer = importer.expect("import");
    let tagger = tagger.join().expect("thread");
    assert!(importer.status.success(), "{}", String::from_utf8_lossy(&importer.stderr));
    assert!(tagger.status.success(), "{}", String::from_utf8_lossy(&tagger.stderr));
    assert_eq!(count(&home, "SELECT count(*) FROM initiatives"), 25_000);
    assert_eq!(count(&home, "SELECT count(*) FROM initiative_tags WHERE tag = 'samtidig'"), 10_000);
    assert_eq!(integrity(&home), "ok");
}

#[test]
fn a_writer_that_must_wait_says_so_and_then_writes() {
    let home = Home::new();
    let file = big_file(&home, "a.csv", 50, "Nav");
    ok(home.run_db(&["import", file.to_str().expect("utf-8")]));
    // Another process holds the write lock (as a long import would) while samla tags.
    let holder = rusqlite::Connection::open(home.db()).expect("open");
    holder.execute_batch("BEGIN IMMEDIATE").expect("lock");
    let tagger = samla(&home)
        .args(["tag", "--filter", "dep:AID", "--set", "tag:ventet"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        count(&home, "SELECT count(*) FROM initiative_tags WHERE tag = 'ventet'"),
        0,
        "not before the lock goes"
    );
    holder.execute_batch("COMMIT").expect("unlock");
    let output = tagger.wait_with_output().expect("tag");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("another samla is writing to the database; waiting"), "{stderr}");
    assert_eq!(count(&home, "SELECT count(*) FROM initiative_tags WHERE tag = 'ventet'"), 50);
}

#[test]
fn no_networking_crate_is_in_the_dependency_tree() {
    // samla works offline by construction: nothing that opens network connections is built.
    let lock =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).expect("lock");
    let packages: Vec<&str> =
        lock.lines().filter_map(|l| l.strip_prefix("name = \"")).filter_map(|l| l.strip_suffix('"')).collect();
    assert!(packages.contains(&"rusqlite"), "the lock file was read");
    let networking = [
        "reqwest",
        "hyper",
        "h2",
        "ureq",
        "curl",
        "curl-sys",
        "isahc",
        "surf",
        "attohttpc",
        "tungstenite",
        "native-tls",
        "openssl",
        "openssl-sys",
        "rustls",
        "tokio",
        "async-std",
        "socket2",
        "trust-dns-resolver",
        "hickory-resolver",
    ];
    let found: Vec<&&str> = networking.iter().filter(|n| packages.contains(n)).collect();
    assert!(found.is_empty(), "networking crates in the tree: {found:?}");
}
