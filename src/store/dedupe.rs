//! Duplicates in the store: the records to compare, and the analyst's decisions on pairs.

use super::Store;
use crate::dedupe::review::{Decision, DecisionRecord, ReviewQueue};
use crate::dedupe::{Record, ServiceKinds, Threshold};
use crate::error::Result;
use crate::error::StoreProblem;
use rusqlite::{OptionalExtension, Row};
use std::collections::BTreeSet;

const SEP: char = '\u{1f}';

/// Active initiatives with what the comparison needs; withdrawn ones are no longer
/// anybody's parallel solution.
const RECORDS: &str = "
SELECT i.id, b.file_name, i.source_key, i.title, i.description, COALESCE(a.code, i.agency_text),
       (SELECT group_concat(code, char(31)) FROM (
            SELECT o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
            WHERE m.initiative_id = i.id ORDER BY m.position)),
       (SELECT group_concat(code, char(31)) FROM (
            SELECT e.code FROM initiative_life_events l JOIN life_events e ON e.id = l.life_event_id
            WHERE l.initiative_id = i.id ORDER BY e.position)),
       i.amount_nok
FROM initiatives i
JOIN import_batches b ON b.id = i.last_batch_id
LEFT JOIN organisations a ON a.id = i.agency_id
WHERE i.status = 'active'
ORDER BY i.id";

fn split(value: Option<String>) -> Vec<String> {
    value.map(|v| v.split(SEP).map(str::to_string).collect()).unwrap_or_default()
}

fn record_from_row(row: &Row<'_>) -> rusqlite::Result<Record> {
    Ok(Record {
        id: row.get(0)?,
        source_file: row.get(1)?,
        key: row.get(2)?,
        title: row.get(3)?,
        description: row.get(4)?,
        agency: row.get(5)?,
        ministries: split(row.get(6)?),
        life_events: split(row.get(7)?),
        amount_nok: row.get(8)?,
    })
}

fn decision_from_row(row: &Row<'_>) -> rusqlite::Result<DecisionRecord> {
    let text: String = row.get(2)?;
    let decision = Decision::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, format!("decision '{text}'").into())
    })?;
    Ok(DecisionRecord {
        a: row.get(0)?,
        b: row.get(1)?,
        decision,
        note: row.get(3)?,
        decided_at: row.get(4)?,
        decided_by: row.get(5)?,
    })
}

/// Both ids in stored order (lower first), refusing a pair of one initiative.
fn ordered(a: i64, b: i64) -> Result<(i64, i64)> {
    match a.cmp(&b) {
        std::cmp::Ordering::Less => Ok((a, b)),
        std::cmp::Ordering::Greater => Ok((b, a)),
        std::cmp::Ordering::Equal => Err(StoreProblem::PairWithItself(a).into()),
    }
}

impl Store {
    /// Every active initiative, as the duplicate search compares them, by id.
    pub fn dedupe_records(&self) -> Result<Vec<Record>> {
        let mut stmt = self.conn().prepare(RECORDS)?;
        let rows = stmt.query_map([], record_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every decision on a pair, in id order.
    pub fn duplicate_decisions(&self) -> Result<Vec<DecisionRecord>> {
        let mut stmt = self.conn().prepare(
            "SELECT initiative_a, initiative_b, decision, note, decided_at, decided_by
             FROM duplicate_decisions ORDER BY initiative_a, initiative_b",
        )?;
        let rows = stmt.query_map([], decision_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The decision on one pair, in either order.
    pub fn duplicate_decision(&self, a: i64, b: i64) -> Result<Option<DecisionRecord>> {
        let (a, b) = ordered(a, b)?;
        Ok(self
            .conn()
            .query_row(
                "SELECT initiative_a, initiative_b, decision, note, decided_at, decided_by
                 FROM duplicate_decisions WHERE initiative_a = ?1 AND initiative_b = ?2",
                (a, b),
                decision_from_row,
            )
            .optional()?)
    }

    /// Saves the analyst's decision on a pair (replacing an earlier one) and notes it in
    /// both initiatives' change history.
    pub fn decide_pair(
        &mut self,
        a: i64,
        b: i64,
        decision: Decision,
        note: Option<&str>,
        who: &str,
    ) -> Result<DecisionRecord> {
        let (a, b) = ordered(a, b)?;
        let earlier = self.duplicate_decision(a, b)?;
        let tx = self.conn_mut().transaction()?;
        for id in [a, b] {
            let exists: bool =
                tx.query_row("SELECT EXISTS (SELECT 1 FROM initiatives WHERE id = ?1)", [id], |r| r.get(0))?;
            if !exists {
                return Err(StoreProblem::NoSuchInitiative(id).into());
            }
        }
        let at = crate::now();
        tx.execute(
            "INSERT INTO duplicate_decisions (initiative_a, initiative_b, decision, note, decided_at, decided_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (initiative_a, initiative_b) DO UPDATE SET
                 decision = excluded.decision, note = excluded.note,
                 decided_at = excluded.decided_at, decided_by = excluded.decided_by",
            (a, b, decision.as_str(), note, &at, who),
        )?;
        let old = earlier.as_ref().map(|d| d.decision.as_str());
        log_decision(&tx, &at, who, (a, b), old, Some(decision.as_str()))?;
        tx.commit()?;
        Ok(DecisionRecord {
            a,
            b,
            decision,
            note: note.map(str::to_string),
            decided_at: at,
            decided_by: who.to_string(),
        })
    }

    /// Removes the decision on a pair (undo), returning what it was.
    pub fn undo_pair_decision(&mut self, a: i64, b: i64, who: &str) -> Result<Option<DecisionRecord>> {
        let (a, b) = ordered(a, b)?;
        let Some(earlier) = self.duplicate_decision(a, b)? else {
            return Ok(None);
        };
        let tx = self.conn_mut().transaction()?;
        tx.execute("DELETE FROM duplicate_decisions WHERE initiative_a = ?1 AND initiative_b = ?2", (a, b))?;
        log_decision(&tx, &crate::now(), who, (a, b), Some(earlier.decision.as_str()), None)?;
        tx.commit()?;
        Ok(Some(earlier))
    }

    /// The review queue: candidate pairs at or above `threshold` with the decisions applied.
    /// `kinds` is the service-kind lexicon (the user's copy or [`ServiceKinds::builtin`]).
    /// `threshold` is a score, or [`Threshold::Calibrated`] (`None`) to have it chosen.
    pub fn review_queue(&self, kinds: &ServiceKinds, threshold: impl Into<Threshold>) -> Result<ReviewQueue> {
        let records = self.dedupe_records()?;
        let decisions = self.duplicate_decisions()?;
        Ok(ReviewQueue::build(records, kinds, &decisions, threshold))
    }

    /// Initiatives to mark in the table: those with an open candidate pair at or above
    /// `threshold`, or a duplicate/overlap decision. Runs the analysis; a screen that holds
    /// a [`ReviewQueue`] already can ask it instead ([`ReviewQueue::flagged`]).
    pub fn flagged_initiatives(&self, kinds: &ServiceKinds, threshold: impl Into<Threshold>) -> Result<BTreeSet<i64>> {
        let mut flagged = self.review_queue(kinds, threshold)?.flagged();
        for decision in self.duplicate_decisions()? {
            if decision.decision.links() {
                flagged.insert(decision.a);
                flagged.insert(decision.b);
            }
        }
        Ok(flagged)
    }
}

/// One change-log line per initiative: "duplicate_decision" from old to new, naming the other.
fn log_decision(
    tx: &rusqlite::Transaction<'_>,
    at: &str,
    who: &str,
    (a, b): (i64, i64),
    old: Option<&str>,
    new: Option<&str>,
) -> Result<()> {
    for (id, other) in [(a, b), (b, a)] {
        let with = |d: Option<&str>| d.map(|d| format!("{d} {other}"));
        tx.execute(
            "INSERT INTO change_log (at, who, initiative_id, batch_id, field, old_value, new_value)
             VALUES (?1, ?2, ?3, NULL, 'duplicate_decision', ?4, ?5)",
            (at, who, id, with(old), with(new)),
        )?;
    }
    Ok(())
}
