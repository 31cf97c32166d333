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
        if target.exists() {
            return Err(Error::Invalid(format!(
                "{} exists; give another name (nothing was written)",
                target.display()
            )));
        }
        // Written next to the target and renamed, so a failed backup never leaves half a file.
        let partial = target.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        super::create_private_file(&partial)?;
        let result = (|| -> Result<()> {
            let mut destination = rusqlite::Connection::open(&partial)?;
            let backup = rusqlite::backup::Backup::new(self.conn(), &mut destination)?;
            backup.run_to_completion(1024, Duration::ZERO, None)?;
            Ok(())
        })();
        match result {
            Ok(()) => std::fs::rename(&partial, target).map_err(|e| Error::io("write", target, e)),
            Err(error) => {
                let _ = std::fs::remove_file(&partial);
                Err(error)
            }
        }
    }

    /// A backup in `dir` named after the database and the time, before a change that
    /// rewrites much (an import); keeps the newest `keep`. None when there is nothing to
    /// keep yet (an empty database).
    pub fn backup_before_change(&self, dir: &Path, keep: usize) -> Result<Option<PathBuf>> {
        let (active, withdrawn) = self.count_initiatives()?;
        if active + withdrawn == 0 {
            return Ok(None);
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io("create directory", dir, e))?;
        let stem = self.path().file_stem().map_or_else(|| "samla".into(), |s| s.to_string_lossy().into_owned());
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
        let target = dir.join(format!("{stem}-{stamp}.db"));
        self.backup_to(&target)?;
        let prefix = format!("{stem}-");
        let mut existing: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| Error::io("read", dir, e))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "db")
                    && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&prefix))
            })
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

/// Waits for a busy database: up to about a minute, saying so once.
fn announce_and_wait(attempt: i32) -> bool {
    static SAID: AtomicBool = AtomicBool::new(false);
    if attempt == 0 && !SAID.swap(true, Ordering::Relaxed) {
        eprintln!("samla: another samla is writing to the database; waiting for it to finish…");
    }
    std::thread::sleep(Duration::from_millis(50));
    attempt < 1200
}
