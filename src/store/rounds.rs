//! Import rounds that can be taken back. Before a round writes, the state of its source's
//! initiatives is copied (only the latest round of each source keeps its copy); undoing the
//! round removes what it added, puts back what it changed or withdrew, and forgets it, all
//! in one transaction.

use super::Store;
use crate::error::{Result, RoundProblem};
use crate::model::RoundUndone;
use rusqlite::{OptionalExtension, Transaction, params};

/// The columns of an initiative a round may change, as copied before it.
const STATE_COLUMNS: &str = "status, title, description, agency_id, agency_text, amount_nok, total_cost_nok, \
     budget_year, start_date, phase, risk, updated_at";

/// The link tables: kind, table, value column, position column. The kinds are stored with
/// the copy a round keeps (one may be from an older samla); they are not the fields' names.
const LINKS: [(&str, &str, &str, &str); 3] = [
    ("ministry", "initiative_ministries", "ministry_id", "position"),
    ("life_event", "initiative_life_events", "life_event_id", "0"),
    ("tag", "initiative_tags", "tag", "0"),
];

/// Keeps the state of `source_id`'s initiatives before round `batch_id` writes, and drops
/// the copies older rounds of the source kept (only the latest round can be undone).
pub(crate) fn snapshot(tx: &Transaction<'_>, source_id: i64, batch_id: i64) -> Result<()> {
    let older = "SELECT id FROM import_batches WHERE source_id = ?1 AND id <> ?2";
    for table in ["round_snapshots", "round_snapshot_links"] {
        tx.execute(&format!("DELETE FROM {table} WHERE batch_id IN ({older})"), params![source_id, batch_id])?;
    }
    tx.execute(
        "UPDATE import_batches SET undoable = 0 WHERE source_id = ?1 AND id <> ?2",
        params![source_id, batch_id],
    )?;
    tx.execute(
        &format!(
            "INSERT INTO round_snapshots (batch_id, initiative_id, last_batch_id, source_line, raw_row, {STATE_COLUMNS})
             SELECT ?2, id, last_batch_id, source_line, raw_row, {STATE_COLUMNS} FROM initiatives WHERE source_id = ?1"
        ),
        params![source_id, batch_id],
    )?;
    for (kind, table, value, position) in LINKS {
        tx.execute(
            &format!(
                "INSERT INTO round_snapshot_links (batch_id, initiative_id, kind, value, position)
                 SELECT ?2, l.initiative_id, ?3, l.{value}, {position} FROM {table} l
                 JOIN initiatives i ON i.id = l.initiative_id WHERE i.source_id = ?1"
            ),
            params![source_id, batch_id, kind],
        )?;
    }
    tx.execute("UPDATE import_batches SET undoable = 1 WHERE id = ?1", [batch_id])?;
    Ok(())
}

/// Round `batch_id`'s number within its source.
pub(crate) fn round_number(tx: &Transaction<'_>, batch_id: i64) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT COUNT(*) FROM import_batches o JOIN import_batches b ON b.source_id = o.source_id
         WHERE b.id = ?1 AND o.id <= b.id",
        [batch_id],
        |r| r.get(0),
    )?)
}

/// A round as undo needs it.
struct Round {
    source_id: i64,
    source: String,
    file_name: String,
    number: i64,
    latest: i64,
    undoable: bool,
}

impl Store {
    /// Undoes import round `batch_id` (the latest of its source): the initiatives it added
    /// are removed (with their scores, tags and duplicate decisions), those it changed or
    /// withdrew are as they were before it, and the round is forgotten; the source too when
    /// it was its only round. One transaction: all of it or nothing.
    pub fn undo_round(&mut self, batch_id: i64) -> Result<RoundUndone> {
        let tx = self.conn_mut().transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let round = read_round(&tx, batch_id)?;
        if round.number != round.latest {
            return Err(
                RoundProblem::NotLatest { label: round.source, round: round.number, latest: round.latest }.into()
            );
        }
        // A first round needs no copy: before it, the source had nothing.
        if !round.undoable && round.number > 1 {
            return Err(RoundProblem::NotUndoable { label: round.source, round: round.number }.into());
        }
        let count =
            |sql: &str| -> Result<usize> { Ok(tx.query_row(sql, [batch_id], |r| r.get::<_, i64>(0))? as usize) };
        let reactivated = count(
            "SELECT COUNT(DISTINCT initiative_id) FROM change_log
             WHERE batch_id = ?1 AND field = 'status' AND new_value = 'withdrawn'",
        )?;
        let changed = count(
            "SELECT COUNT(DISTINCT c.initiative_id) FROM change_log c
             JOIN initiatives i ON i.id = c.initiative_id WHERE c.batch_id = ?1 AND i.first_batch_id <> ?1",
        )?;
        let removed = tx.execute("DELETE FROM initiatives WHERE first_batch_id = ?1", [batch_id])?;
        restore(&tx, batch_id)?;
        tx.execute("DELETE FROM change_log WHERE batch_id = ?1", [batch_id])?;
        tx.execute("DELETE FROM round_snapshot_links WHERE batch_id = ?1", [batch_id])?;
        tx.execute("DELETE FROM round_snapshots WHERE batch_id = ?1", [batch_id])?;
        tx.execute("DELETE FROM import_batches WHERE id = ?1", [batch_id])?;
        let source_removed = round.number == 1;
        if source_removed {
            tx.execute("DELETE FROM source_mappings WHERE source_id = ?1", [round.source_id])?;
            tx.execute("DELETE FROM sources WHERE id = ?1", [round.source_id])?;
        }
        tx.commit()?;
        Ok(RoundUndone {
            source: round.source,
            file_name: round.file_name,
            round: round.number,
            removed,
            restored: changed.saturating_sub(reactivated),
            reactivated,
            source_removed,
        })
    }
}

impl Store {
    /// The id of `source`'s latest import round. An unknown source is an error naming the
    /// closest known ones.
    pub fn latest_round_of(&self, source: &str) -> Result<i64> {
        let latest: Option<i64> = self.conn().query_row(
            "SELECT MAX(b.id) FROM import_batches b JOIN sources s ON s.id = b.source_id WHERE s.label = ?1",
            [source],
            |r| r.get(0),
        )?;
        if let Some(id) = latest {
            return Ok(id);
        }
        let mut stmt = self.conn().prepare("SELECT label FROM sources ORDER BY label")?;
        let labels = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
        let mut near = crate::text::closest(source, labels.iter().map(String::as_str), 3);
        if near.is_empty() {
            near = labels.into_iter().take(5).collect();
        }
        Err(crate::error::Error::unknown("source", source, &near))
    }
}

fn read_round(tx: &Transaction<'_>, batch_id: i64) -> Result<Round> {
    tx.query_row(
        "SELECT b.source_id, s.label, b.file_name,
                (SELECT COUNT(*) FROM import_batches o WHERE o.source_id = b.source_id AND o.id <= b.id),
                (SELECT COUNT(*) FROM import_batches o WHERE o.source_id = b.source_id),
                b.undoable
         FROM import_batches b JOIN sources s ON s.id = b.source_id WHERE b.id = ?1",
        [batch_id],
        |r| {
            Ok(Round {
                source_id: r.get(0)?,
                source: r.get(1)?,
                file_name: r.get(2)?,
                number: r.get(3)?,
                latest: r.get(4)?,
                undoable: r.get(5)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| RoundProblem::NoSuchRound { batch_id }.into())
}

/// Puts back what the round's copy holds: every initiative's place in its source's last
/// round (so the next round compares with the right rows), and the fields and links of
/// those the round changed or withdrew.
fn restore(tx: &Transaction<'_>, batch_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE initiatives SET last_batch_id = s.last_batch_id, source_line = s.source_line, raw_row = s.raw_row
         FROM round_snapshots s WHERE s.batch_id = ?1 AND s.initiative_id = initiatives.id",
        [batch_id],
    )?;
    let changed = "SELECT initiative_id FROM change_log WHERE batch_id = ?1 AND initiative_id IS NOT NULL";
    let assignments: Vec<String> = STATE_COLUMNS.split(", ").map(|c| format!("{c} = s.{c}")).collect();
    tx.execute(
        &format!(
            "UPDATE initiatives SET {} FROM round_snapshots s
             WHERE s.batch_id = ?1 AND s.initiative_id = initiatives.id AND initiatives.id IN ({changed})",
            assignments.join(", ")
        ),
        [batch_id],
    )?;
    for (kind, table, value, position) in LINKS {
        tx.execute(&format!("DELETE FROM {table} WHERE initiative_id IN ({changed})"), [batch_id])?;
        let position_column = if position == "0" { String::new() } else { format!(", {position}") };
        let position_value = if position == "0" { "" } else { ", l.position" };
        tx.execute(
            &format!(
                "INSERT OR IGNORE INTO {table} (initiative_id, {value}{position_column})
                 SELECT l.initiative_id, l.value{position_value} FROM round_snapshot_links l
                 WHERE l.batch_id = ?1 AND l.kind = ?2 AND l.initiative_id IN ({changed})"
            ),
            params![batch_id, kind],
        )?;
    }
    Ok(())
}
