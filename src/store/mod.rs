//! The SQLite store: opening it safely, migrations, and typed queries.
//!
//! Only this module writes SQL. Values always travel as parameters.

mod batches;
pub(crate) mod dedupe;
mod health;
pub(crate) mod import_write;
mod initiatives;
pub(crate) mod lookup;
mod mappings;
mod reference;
pub(crate) mod rounds;
mod scenarios;
pub(crate) mod schema;
mod scoring;
pub(crate) mod tagging;

pub use health::{Health, Problem};
pub use initiatives::{ListQuery, SortField};
pub use lookup::Resolver;

/// The schema version this build of samla writes.
pub fn schema_version() -> i64 {
    schema::latest_version()
}

use crate::error::{DatabaseProblem, Error, NotSamla, Result};
use crate::reference::ReferenceSource;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another process's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The page size of new databases, in bytes.
const PAGE_SIZE: i64 = 16 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The database must exist already (for commands that only read or edit).
    Existing,
    /// Create the database when it does not exist (import, demo).
    Create,
}

/// An open samla database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or with [`OpenMode::Create`], creates) the database at `path`.
    ///
    /// A directory, an empty or non-SQLite file, another application's database, or a newer
    /// schema is refused before anything is written. A new file is created readable by its
    /// owner only. `reference` supplies the reference data loaded into a new database.
    pub fn open(path: &Path, mode: OpenMode, reference: &ReferenceSource) -> Result<Self> {
        check_path(path, mode)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| database_error(path, &e))?;
        // Before the first read: another samla may be creating this very database.
        conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| database_error(path, &e))?;
        let mut store = Self { conn, path: path.to_path_buf() };
        store.prepare(reference)?;
        Ok(store)
    }

    /// A private in-memory database with the schema and built-in reference data (tests,
    /// benchmarks, dry runs).
    pub fn open_in_memory() -> Result<Self> {
        Self::open_in_memory_with(&ReferenceSource::builtin())
    }

    /// A private in-memory database with `reference` loaded: a dry run's stand-in for a
    /// database that does not exist yet, so trying an import creates no file.
    pub fn open_in_memory_with(reference: &ReferenceSource) -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self { conn, path: PathBuf::from(":memory:") };
        store.prepare(reference)?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The schema version stored in the file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Checks identity and version (read-only), then sets the connection up and migrates.
    fn prepare(&mut self, reference: &ReferenceSource) -> Result<()> {
        let path = self.path.clone();
        let version = self.identify()?;
        self.configure()?;
        if version == 0 {
            // A new database (its page size is fixed once WAL is on). Pages of 16 KiB instead
            // of SQLite's 4 KiB made a 100 000-row import 8 % faster and its file 6 % smaller:
            // initiatives carry long descriptions and their raw rows, and samla reads whole
            // tables far more often than single rows.
            self.conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        }
        if self.path != Path::new(":memory:") {
            self.enter_wal()?;
        }
        if version < schema::latest_version() {
            self.migrate(version, reference).map_err(|e| match e {
                Error::Sql(sql) => database_error(&path, &sql),
                other => other,
            })?;
        }
        Ok(())
    }

    /// Refuses another application's database and a newer schema; returns the version.
    /// Read in one statement, so in one snapshot: another samla may be creating this very
    /// database, and three reads could see its tables but not yet its application id.
    fn identify(&self) -> Result<i64> {
        let path = &self.path;
        let (app, version, objects): (i64, i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT application_id FROM pragma_application_id()),
                        (SELECT user_version FROM pragma_user_version()),
                        (SELECT count(*) FROM sqlite_master)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(code, _)
                    if matches!(
                        code.code,
                        rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
                    ) =>
                {
                    Error::NotSamlaDatabase { path: path.clone(), reason: NotSamla::CorruptOrNotSqlite }
                }
                other => database_error(path, &other),
            })?;
        let fresh = app == 0 && version == 0 && objects == 0;
        if !fresh && app != schema::APPLICATION_ID {
            return Err(Error::NotSamlaDatabase { path: path.clone(), reason: NotSamla::OtherApplication });
        }
        let latest = schema::latest_version();
        if version > latest {
            return Err(Error::SchemaTooNew { path: path.clone(), found: version, known: latest });
        }
        Ok(version)
    }

    /// Busy waits, transactions that lock at once, the Norwegian collation, the search
    /// function, foreign keys.
    fn configure(&mut self) -> Result<()> {
        // Every transaction here writes, so it takes the write lock when it begins: a
        // deferred one that read first and then wants to write while another process
        // writes gets SQLITE_BUSY at once, with no wait (SQLite cannot wait without risking
        // deadlock), and the busy timeout would never apply.
        self.conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        self.conn.create_collation("norwegian", crate::text::norwegian_cmp)?;
        // samla_matches(text, words): every word of the folded query appears in folded text.
        self.conn.create_scalar_function(
            "samla_matches",
            2,
            rusqlite::functions::FunctionFlags::SQLITE_UTF8 | rusqlite::functions::FunctionFlags::SQLITE_DETERMINISTIC,
            |ctx| {
                let text = crate::text::fold(ctx.get_raw(0).as_str().unwrap_or_default());
                let words = ctx.get_raw(1).as_str().unwrap_or_default().to_string();
                Ok(words.split(' ').all(|word| text.contains(word)))
            },
        )?;
        self.conn.pragma_update(None, "foreign_keys", true)?;
        Ok(())
    }

    /// Puts the database in WAL mode. Switching needs the file to itself for a moment and
    /// SQLite does not wait for that (no busy handler): while another samla opens the same
    /// new database, try again until the busy timeout has passed.
    fn enter_wal(&mut self) -> Result<()> {
        let path = self.path.clone();
        let started = std::time::Instant::now();
        let mode: String = loop {
            match self.conn.pragma_update_and_check(None, "journal_mode", "wal", |r| r.get(0)) {
                Ok(mode) => break mode,
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && started.elapsed() < BUSY_TIMEOUT =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(e) => return Err(database_error(&path, &e)),
            }
        };
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::DatabaseOpen { path, problem: DatabaseProblem::NoWal { mode } });
        }
        // WAL with synchronous=NORMAL is durable across application crashes and never
        // corrupts on power loss; it may lose the last commit on power loss only.
        self.conn.pragma_update(None, "synchronous", "NORMAL")?;
        Ok(())
    }

    fn migrate(&mut self, from: i64, reference: &ReferenceSource) -> Result<()> {
        for (index, sql) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
            let version = index as i64 + 1;
            let tx = self.conn.transaction()?;
            // Another samla that opened the same new database may have migrated it while
            // this one waited for the write lock.
            let now: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
            if now >= version {
                continue;
            }
            tx.execute_batch(sql)?;
            if version == 1 {
                tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
                reference::sync(&tx, reference)?;
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('created_at', ?1), ('created_by_version', ?2)",
                    (crate::now(), env!("CARGO_PKG_VERSION")),
                )?;
            }
            if version == 2 {
                // New databases and those from before scoring both get the criteria here.
                scoring::sync_criteria(&tx, &crate::scoring::Criteria::from_reference(reference)?)?;
            }
            tx.pragma_update(None, "user_version", version)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// Loads the reference data (built-in or the user's files) into this database: new
    /// organisations, life events and aliases are added, names updated; nothing the
    /// initiatives point at is removed. Criteria are updated too; weights an analyst changed
    /// are kept, and criteria the file no longer has are retired with their scores kept.
    pub fn sync_reference(&mut self, reference: &ReferenceSource) -> Result<reference::SyncCounts> {
        let criteria = crate::scoring::Criteria::from_reference(reference)?;
        let tx = self.conn.transaction()?;
        let mut counts = reference::sync(&tx, reference)?;
        counts.criteria = scoring::sync_criteria(&tx, &criteria)?;
        tx.commit()?;
        Ok(counts)
    }

    /// Runs a large write (an import of `bytes` bytes) with settings that suit it: a bigger
    /// page cache, and, for a large file when no other connection has the database open,
    /// the rollback journal instead of WAL, so the pages are written once instead of twice
    /// (into the WAL, then checkpointed). Both are crash-safe. WAL is restored afterwards,
    /// whatever `write` returns (and by every open, should the process die meanwhile).
    ///
    /// For a large write, foreign keys are not enforced inside `write`: it must check the
    /// references it writes itself (the import checks its resolver before committing).
    pub fn bulk_write<T>(&mut self, bytes: u64, write: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        // Imports smaller than this gain nothing worth a change of journal.
        const BULK_BYTES: u64 = 4 << 20;
        // The page cache of a large write, in KiB. Every page of a bigger cache is fresh memory
        // the kernel must clear first (a sixth of a 100 000-row import at 256 MiB).
        const BULK_CACHE_KIB: i64 = 32_768;
        let _ = self.conn.pragma_update(None, "cache_size", -BULK_CACHE_KIB);
        let in_memory = self.path == Path::new(":memory:");
        let switched = !in_memory && bytes >= BULK_BYTES && self.set_journal_mode("delete");
        // Checking each row's references against their tables cost a tenth of a large
        // import; the import checks the ids it draws them from instead (see
        // `Resolver::is_current`), and the checks are back on for everything else.
        let unchecked = bytes >= BULK_BYTES && self.conn.pragma_update(None, "foreign_keys", false).is_ok();
        let result = write(self);
        let checked_again = if unchecked { self.conn.pragma_update(None, "foreign_keys", true) } else { Ok(()) };
        if switched {
            self.set_journal_mode("wal");
        }
        let _ = self.conn.pragma_update(None, "cache_size", -2_000);
        let value = result?;
        checked_again?;
        Ok(value)
    }

    /// Switches the journal mode; false when it could not (another connection has the
    /// database open, which keeps it in WAL).
    fn set_journal_mode(&self, mode: &str) -> bool {
        self.conn
            .pragma_update_and_check(None, "journal_mode", mode, |r| r.get::<_, String>(0))
            .is_ok_and(|now| now.eq_ignore_ascii_case(mode))
    }

    /// A value from the `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
    }

    pub fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )?;
        Ok(())
    }
}

pub use reference::SyncCounts;
pub use scenarios::LIKELY_PAIRS_LIMIT;

/// Refuses paths that are not (or cannot become) a database file, before SQLite sees them.
fn check_path(path: &Path, mode: OpenMode) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::DatabaseIsDirectory { path: path.into() }),
        // A device or a pipe: SQLite would write its journal beside it (`/dev/null-journal`).
        Ok(meta) if !meta.is_file() => Err(Error::DatabaseNotAFile { path: path.into() }),
        Ok(meta) if meta.len() == 0 => match mode {
            // An empty file (made by `touch`, or by another samla a moment ago) becomes the
            // database: private, as a file samla creates itself.
            OpenMode::Create => make_private(path),
            OpenMode::Existing => Err(Error::NotSamlaDatabase { path: path.into(), reason: NotSamla::Empty }),
        },
        Ok(_) => {
            let mut header = [0u8; 16];
            let mut file = std::fs::File::open(path).map_err(|e| Error::io("open", path, e))?;
            let read = file.read(&mut header).map_err(|e| Error::io("read", path, e))?;
            if read < header.len() || &header != b"SQLite format 3\0" {
                return Err(Error::NotSamlaDatabase { path: path.into(), reason: NotSamla::NotSqlite });
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => match mode {
            OpenMode::Existing => Err(Error::DatabaseMissing { path: path.into() }),
            // Another samla may create it at the same moment: then both use that file.
            OpenMode::Create => match create_private_file(path) {
                Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                other => other,
            },
        },
        Err(e) => Err(Error::io("open", path, e)),
    }
}

/// Readable by its owner only.
fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| Error::io("write", path, e))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Creates a directory (and its parents) readable by its owner only, whatever the umask.
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| Error::io("create directory", dir, e))?;
    // The mode above passes through the umask; an explicit one does not.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    Ok(())
}

/// Creates an empty file readable by its owner only; SQLite gives its -wal and -shm files the
/// same permissions. Proposals are confidential until the budget is published.
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_private_dir(parent)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| Error::io("create", path, e))?;
    Ok(())
}

fn database_error(path: &Path, error: &rusqlite::Error) -> Error {
    let problem = match error {
        rusqlite::Error::SqliteFailure(code, _) => match code.code {
            rusqlite::ErrorCode::ReadOnly => DatabaseProblem::ReadOnly,
            rusqlite::ErrorCode::CannotOpen => DatabaseProblem::CannotOpen,
            rusqlite::ErrorCode::PermissionDenied => DatabaseProblem::PermissionDenied,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => DatabaseProblem::Busy,
            rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt => DatabaseProblem::Corrupt,
            _ => DatabaseProblem::Other { detail: error.to_string() },
        },
        _ => DatabaseProblem::Other { detail: error.to_string() },
    };
    Error::DatabaseOpen { path: path.to_path_buf(), problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn foreign_keys(store: &Store) -> bool {
        store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).expect("pragma")
    }

    #[test]
    fn a_bulk_write_checks_foreign_keys_again_afterwards_whatever_it_returns() {
        let mut store = Store::open_in_memory().expect("store");
        assert!(foreign_keys(&store));
        let inside = store.bulk_write(64 << 20, |store| Ok(foreign_keys(store))).expect("write");
        assert!(!inside, "a large write checks its own references");
        assert!(foreign_keys(&store));
        let failed: Result<()> = store.bulk_write(64 << 20, |_| Err(Error::Cancelled));
        assert!(failed.is_err());
        assert!(foreign_keys(&store));
        let small = store.bulk_write(1024, |store| Ok(foreign_keys(store))).expect("write");
        assert!(small, "a small write is checked row by row");
    }
}
