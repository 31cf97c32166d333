//! Keeping the analyst's work safe: health checks, backups, and saying so when another
//! process holds the database.

use super::Store;
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// One problem `samla doctor` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub check: String,
    pub detail: String,
}

/// What `samla doctor` checked and found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Health {
    pub checks: Vec<String>,
    pub problems: Vec<Problem>,
}

/// SQL checks for rows that point at nothing or say nothing; each query lists offenders.
const ORPHANS: [(&str, &str); 6] = [
    (
        "initiatives without a title",
        "SELECT id || ': ' || source_key FROM initiatives WHERE trim(title) = '' LIMIT 20",
    ),
    (
        "initiatives whose last import batch is missing",
        "SELECT i.id || ': ' || i.source_key FROM initiatives i LEFT JOIN import_batches b ON b.id = i.last_batch_id
         WHERE b.id IS NULL LIMIT 20",
    ),
    (
        "ministry links to something that is not a ministry",
        "SELECT m.initiative_id || ': ' || o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
         WHERE o.kind <> 'ministry' LIMIT 20",
    ),
    (
        "agencies without a ministry",
        "SELECT code FROM organisations WHERE kind = 'agency' AND ministry_id IS NULL LIMIT 20",
    ),
    (
        "life events without any name to match",
        "SELECT e.code FROM life_events e LEFT JOIN life_event_aliases a ON a.life_event_id = e.id
         WHERE a.alias IS NULL LIMIT 20",
    ),
    (
        "duplicate decisions about a withdrawn or missing initiative",
        "SELECT d.initiative_a || '–' || d.initiative_b FROM duplicate_decisions d
         LEFT JOIN initiatives a ON a.id = d.initiative_a LEFT JOIN initiatives b ON b.id = d.initiative_b
         WHERE a.id IS NULL OR b.id IS NULL LIMIT 20",
    ),
];

impl Store {
    /// Integrity, foreign keys, orphan rows and reference data. Read only.
    pub fn doctor(&self) -> Result<Health> {
        let mut health = Health::default();
        let conn = self.conn();
        let mut problem = |check: &str, detail: String| {
            health.problems.push(Problem { check: check.to_string(), detail });
        };

        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let results: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        if results != ["ok"] {
            for line in results.iter().take(20) {
                problem("integrity", line.clone());
            }
        }
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let rows: Vec<(String, Option<i64>, String)> =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
        for (table, rowid, parent) in rows.iter().take(20) {
            problem("foreign keys", format!("{table} row {} points at a missing {parent}", rowid.unwrap_or_default()));
        }
        for (check, sql) in ORPHANS {
            let mut stmt = conn.prepare(sql)?;
            let found: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            if !found.is_empty() {
                problem(check, found.join(", "));
            }
        }
        let version = self.schema_version()?;
        if version != super::schema::latest_version() {
            problem("schema", format!("version {version}, expected {}", super::schema::latest_version()));
        }
        health.checks = ["integrity", "foreign keys", "schema"]
            .into_iter()
            .map(str::to_string)
            .chain(ORPHANS.iter().map(|(check, _)| check.to_string()))
            .collect();
        Ok(health)
    }

    /// Copies the database, consistently even while it is in use, to a new file readable
    /// by its owner only. Refuses to overwrite an existing file.
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        if target.symlink_metadata().is_ok() {
            return Err(Error::OutputExists { path: target.to_path_buf() });
        }
        // Written beside the target under a name of this process's own and renamed, so a
        // failed backup never leaves half a file and never touches another file.
        let directory = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        crate::files::remove_stale_temp_files(&directory);
        let partial = crate::files::temp_path(target, &directory);
        super::create_private_file(&partial)?;
        let result = (|| -> Result<()> {
            let mut destination = rusqlite::Connection::open(&partial)?;
            let backup = rusqlite::backup::Backup::new(self.conn(), &mut destination)?;
            backup.run_to_completion(1024, Duration::ZERO, None)?;
            Ok(())
        })();
        let placed = result.and_then(|()| {
            // A hard link fails when the target appeared meanwhile: never replace a file.
            std::fs::hard_link(&partial, target).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Error::OutputExists { path: target.to_path_buf() },
                _ => Error::io("write", target, e),
            })
        });
        let _ = std::fs::remove_file(&partial);
        placed
    }

    /// The folder of this database's own backups: `dir`/NAME-HASH, where HASH comes from
    /// the database's full path, so `x.db` and `x-1.db` (or two `samla.db` in different
    /// folders) never share one, and pruning one never deletes the other's copies.
    pub fn backup_folder(&self, dir: &Path) -> PathBuf {
        use sha2::Digest;
        let full = std::fs::canonicalize(self.path()).unwrap_or_else(|_| self.path().to_path_buf());
        let digest = sha2::Sha256::digest(full.to_string_lossy().as_bytes());
        let stem = self.path().file_stem().map_or_else(|| "samla".into(), |s| s.to_string_lossy().into_owned());
        dir.join(format!("{stem}-{:02x}{:02x}{:02x}{:02x}", digest[0], digest[1], digest[2], digest[3]))
    }

    /// A backup in this database's folder under `dir` (see [`Store::backup_folder`]), named
    /// after the time, before a change that rewrites much (an import); keeps the newest
    /// `keep`. None when there is nothing to keep yet (an empty database).
    pub fn backup_before_change(&self, dir: &Path, keep: usize) -> Result<Option<PathBuf>> {
        let (active, withdrawn) = self.count_initiatives()?;
        if active + withdrawn == 0 {
            return Ok(None);
        }
        super::create_private_dir(dir)?;
        let folder = self.backup_folder(dir);
        super::create_private_dir(&folder)?;
        // The process id keeps two samla importing at the same moment apart.
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let target = folder.join(format!("{stamp}-{}.db", std::process::id()));
        self.backup_to(&target)?;
        let mut existing: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(|e| Error::io("read", &folder, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "db") && is_backup_name(p))
            .collect();
        existing.sort();
        let excess = existing.len().saturating_sub(keep);
        for old in existing.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
        Ok(Some(target))
    }

    /// When another process is writing, say once on standard error that this one waits,
    /// instead of waiting silently (the command line; a full-screen UI must not print).
    pub fn announce_waits(&mut self) -> Result<()> {
        self.conn_mut().busy_handler(Some(announce_and_wait))?;
        Ok(())
    }

    /// Waits at most `limit` for another process's write before giving up with a clear
    /// error: the terminal UI writes an analyst's edits on its own thread, and a screen
    /// frozen for longer than this reads as a hang.
    pub fn wait_at_most(&mut self, limit: Duration) -> Result<()> {
        self.conn_mut().busy_timeout(limit)?;
        Ok(())
    }
}

/// `20261204-031500.123-4242.db`: a name [`Store::backup_before_change`] gives; nothing else
/// in the folder is pruned.
fn is_backup_name(path: &Path) -> bool {
    let Some(stem) = path.file_stem().map(|s| s.to_string_lossy()) else { return false };
    let Some((stamp, pid)) = stem.rsplit_once('-') else { return false };
    !pid.is_empty()
        && pid.bytes().all(|b| b.is_ascii_digit())
        && chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S%.3f").is_ok()
}

/// Waits for a busy database: up to about a minute, saying so once.
fn announce_and_wait(attempt: i32) -> bool {
    static SAID: AtomicBool = AtomicBool::new(false);
    if attempt == 0 && !SAID.swap(true, Ordering::Relaxed) {
        eprintln!("samla: another samla is writing to the database; waiting for it to finish…");
    }
    std::thread::sleep(Duration::from_millis(50));
    attempt < 1200
}
