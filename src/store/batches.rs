//! Import rounds as recorded: each file imported, what it changed, and the stored rows a
//! source's next round is compared with.

use super::Store;
use super::initiatives::change_from_row;
use crate::error::Result;
use crate::model::{Batch, Change};
use rusqlite::OptionalExtension;

impl Store {
    /// Imported files, newest first; only those of `source` when given.
    pub fn batches(&self, source: Option<&str>) -> Result<Vec<Batch>> {
        let mut stmt = self.conn().prepare(
            "SELECT b.id, s.label, b.file_name, b.sha256, b.imported_at, b.analyst, b.rows_read, b.inserted,
                    b.updated, b.unchanged, b.withdrawn, b.rejected, b.warnings,
                    (SELECT COUNT(*) FROM import_batches o WHERE o.source_id = b.source_id AND o.id <= b.id),
                    (b.undoable OR NOT EXISTS (SELECT 1 FROM import_batches o WHERE o.source_id = b.source_id AND o.id < b.id))
                        AND b.id = (SELECT MAX(o.id) FROM import_batches o WHERE o.source_id = b.source_id)
             FROM import_batches b JOIN sources s ON s.id = b.source_id
             WHERE ?1 IS NULL OR s.label = ?1 ORDER BY b.id DESC",
        )?;
        let rows = stmt.query_map([source], |r| {
            Ok(Batch {
                id: r.get(0)?,
                source: r.get(1)?,
                file_name: r.get(2)?,
                sha256: r.get(3)?,
                imported_at: r.get(4)?,
                analyst: r.get(5)?,
                rows_read: r.get(6)?,
                inserted: r.get(7)?,
                updated: r.get(8)?,
                unchanged: r.get(9)?,
                withdrawn: r.get(10)?,
                rejected: r.get(11)?,
                warnings: r.get(12)?,
                round: r.get(13)?,
                undoable: r.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// What an import batch changed: new, changed (with each field), withdrawn initiatives.
    pub fn batch_changes(&self, batch: Batch) -> Result<crate::model::BatchChanges> {
        use crate::model::{BatchChanges, InitiativeRef};
        let mut stmt = self
            .conn()
            .prepare("SELECT id, source_key, title FROM initiatives WHERE first_batch_id = ?1 ORDER BY id")?;
        let inserted = stmt
            .query_map([batch.id], |r| Ok(InitiativeRef { id: r.get(0)?, key: r.get(1)?, title: r.get(2)? }))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut stmt = self.conn().prepare(
            "SELECT c.at, c.who, c.initiative_id, c.batch_id, c.field, c.old_value, c.new_value, i.source_key, i.title
             FROM change_log c JOIN initiatives i ON i.id = c.initiative_id
             WHERE c.batch_id = ?1 ORDER BY c.initiative_id, c.id",
        )?;
        let mut rows = stmt.query([batch.id])?;
        let mut updated: Vec<(InitiativeRef, Vec<Change>)> = Vec::new();
        let mut withdrawn = Vec::new();
        let mut reinstated = Vec::new();
        while let Some(r) = rows.next()? {
            let change = change_from_row(r)?;
            let id = change.initiative_id.unwrap_or_default();
            let reference = InitiativeRef { id, key: r.get(7)?, title: r.get(8)? };
            if change.field == "status" {
                if change.new_value.as_deref() == Some("withdrawn") {
                    withdrawn.push(reference);
                } else {
                    reinstated.push(reference);
                }
                continue;
            }
            match updated.last_mut() {
                Some((last, changes)) if last.id == id => changes.push(change),
                _ => updated.push((reference, vec![change])),
            }
        }
        Ok(BatchChanges { batch, inserted, updated, withdrawn, reinstated })
    }
}

/// An initiative's stored source row, for reading it again with its batch's layout.
pub struct StoredRow {
    pub key: String,
    pub batch_id: i64,
    pub line: Option<i64>,
    pub raw_json: String,
}

impl Store {
    /// The stored raw rows of every initiative of a source (none for a new source).
    pub fn source_rows(&self, source: &str) -> Result<Vec<StoredRow>> {
        let mut stmt = self.conn().prepare(
            "SELECT i.source_key, i.last_batch_id, i.source_line, i.raw_row FROM initiatives i
             JOIN sources s ON s.id = i.source_id WHERE s.label = ?1",
        )?;
        let rows = stmt.query_map([source], |r| {
            Ok(StoredRow { key: r.get(0)?, batch_id: r.get(1)?, line: r.get(2)?, raw_json: r.get(3)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every initiative's source, key and title, for recognising a file as a new round.
    pub fn source_keys(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT s.label, i.source_key, i.title FROM initiatives i JOIN sources s ON s.id = i.source_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The import report of a batch as recorded (JSON), holding the layout it was read with.
    pub fn batch_report_json(&self, batch_id: i64) -> Result<Option<String>> {
        Ok(self
            .conn()
            .query_row("SELECT report FROM import_batches WHERE id = ?1", [batch_id], |r| r.get(0))
            .optional()?)
    }
}
