//! The store: migrations, reopening, refusing what is not ours, permissions.

mod common;

use common::Home;
use samla::Error;
use samla::reference::ReferenceSource;
use samla::store::{OpenMode, Store};

fn open(path: &std::path::Path, mode: OpenMode) -> samla::Result<Store> {
    Store::open(path, mode, &ReferenceSource::builtin())
}

#[test]
fn a_new_database_is_migrated_and_holds_the_reference_data() {
    let home = Home::new();
    let store = open(&home.db(), OpenMode::Create).expect("create");
    assert_eq!(store.schema_version().expect("version"), samla::store::schema_version());
    let conn = rusqlite::Connection::open(home.db()).expect("raw open");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect(sql) };
    assert_eq!(count("SELECT count(*) FROM life_events"), 7);
    assert_eq!(count("SELECT count(*) FROM organisations WHERE kind = 'ministry'"), 17);
    assert!(count("SELECT count(*) FROM organisations WHERE kind = 'agency'") >= 30);
    assert_eq!(
        count(
            "SELECT o.code = 'AID' FROM organisations a JOIN organisations o ON o.id = a.ministry_id WHERE a.code = 'Nav'"
        ),
        1
    );
    assert_eq!(count("PRAGMA application_id"), 0x5341_4D4C);
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("mode");
    assert_eq!(mode, "wal");
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_again() {
    let home = Home::new();
    let store = open(&home.db(), OpenMode::Create).expect("create");
    store.set_meta("note", "kept").expect("write");
    drop(store);
    let store = open(&home.db(), OpenMode::Existing).expect("reopen");
    assert_eq!(store.meta("note").expect("read").as_deref(), Some("kept"));
    assert_eq!(store.schema_version().expect("version"), samla::store::schema_version());
}

#[test]
fn a_newer_schema_is_refused_and_nothing_changes() {
    let home = Home::new();
    drop(open(&home.db(), OpenMode::Create).expect("create"));
    {
        let conn = rusqlite::Connection::open(home.db()).expect("raw open");
        conn.pragma_update(None, "user_version", samla::store::schema_version() + 1).expect("bump");
        conn.pragma_update(None, "journal_mode", "delete").expect("checkpoint and leave WAL");
    }
    let before = common::bytes(&home.db());
    let err = open(&home.db(), OpenMode::Existing).expect_err("newer schema");
    assert!(matches!(err, Error::SchemaTooNew { .. }), "{err}");
    assert!(err.to_string().contains("newer samla"), "{err}");
    assert_eq!(common::bytes(&home.db()), before, "the file must not change");
}

#[cfg(unix)]
#[test]
fn the_database_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let nested = home.path("deep/er/samla.db");
    let store = open(&nested, OpenMode::Create).expect("create");
    store.set_meta("x", "y").expect("write");
    for file in ["samla.db", "samla.db-wal"] {
        let mode = std::fs::metadata(home.path("deep/er").join(file)).expect(file).permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{file} has mode {:o}", mode & 0o777);
    }
    let dir_mode = std::fs::metadata(home.path("deep/er")).expect("dir").permissions().mode();
    assert_eq!(dir_mode & 0o077, 0, "the directory samla created is private");
}

#[test]
fn what_is_not_a_samla_database_is_refused_untouched() {
    let home = Home::new();

    let missing = home.path("missing.db");
    assert!(matches!(open(&missing, OpenMode::Existing), Err(Error::DatabaseMissing { .. })));
    assert!(!missing.exists(), "opening must not create a missing database");

    assert!(matches!(open(home.dir.path(), OpenMode::Create), Err(Error::DatabaseIsDirectory { .. })));

    let text = home.path("notes.db");
    std::fs::write(&text, "dette er ikke en database\n".repeat(100)).expect("write");
    let err = open(&text, OpenMode::Create).expect_err("text file");
    assert!(err.to_string().contains("not an SQLite file"), "{err}");
    assert_eq!(std::fs::read_to_string(&text).expect("read").len(), 2600);

    let empty = home.path("empty.db");
    std::fs::write(&empty, "").expect("write");
    assert!(open(&empty, OpenMode::Existing).expect_err("empty").to_string().contains("empty"));

    let other = home.path("other.db");
    {
        let conn = rusqlite::Connection::open(&other).expect("other app");
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").expect("schema");
    }
    let before = common::bytes(&other);
    let err = open(&other, OpenMode::Create).expect_err("other application");
    assert!(err.to_string().contains("another application"), "{err}");
    assert_eq!(common::bytes(&other), before);

    let corrupt = home.path("corrupt.db");
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xAB, 4096));
    std::fs::write(&corrupt, &bytes).expect("write");
    let err = open(&corrupt, OpenMode::Existing).expect_err("corrupt");
    assert!(err.to_string().contains("corrupt") || err.to_string().contains("not a samla database"), "{err}");
    assert_eq!(common::bytes(&corrupt), Some(bytes));
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_only_location_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let home = Home::new();
    let dir = home.path("locked");
    std::fs::create_dir(&dir).expect("dir");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    // root writes through permission bits, but not into sysfs.
    let target = if is_root() { std::path::PathBuf::from("/sys/samla-test.db") } else { dir.join("samla.db") };
    let err = open(&target, OpenMode::Create).expect_err("read-only location");
    assert!(err.to_string().contains("cannot create"), "{err}");
    assert!(!target.exists());
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod back");
}

#[cfg(target_os = "linux")]
fn is_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}
