//! Writing tagging edits: field states read for many initiatives at once, changed, written
//! back and logged, in one transaction per action.

use super::{Resolver, Store};
use crate::error::StoreProblem;
use crate::error::{Error, Result};
use crate::model::tagging::{Edit, Field, FieldState, Record};
use rusqlite::{Transaction, params};
use std::collections::HashMap;

impl Store {
    /// Applies `edits` to the initiatives `ids` in one transaction, logging each changed
    /// field with `who`. Returns what changed (only initiatives a change touched), for undo.
    pub fn apply_edits(&mut self, ids: &[i64], edits: &[Edit], who: &str) -> Result<Record> {
        self.apply_edit_groups(&[(ids.to_vec(), edits.to_vec())], who, true)
    }

    /// Applies several groups of edits (each to its own initiatives) as one action in one
    /// transaction; with `commit` false nothing is stored and the record says what would
    /// change (a dry run).
    pub fn apply_edit_groups(&mut self, groups: &[(Vec<i64>, Vec<Edit>)], who: &str, commit: bool) -> Result<Record> {
        let resolver = Resolver::load(self.conn())?;
        let tx = self.conn_mut().transaction()?;
        // Per initiative and field: the state before, and as the edits leave it.
        let mut states: HashMap<(i64, Field), (FieldState, FieldState)> = HashMap::new();
        let mut descriptions = Vec::new();
        for (ids, edits) in groups {
            let known: i64 = tx.query_row(
                "SELECT count(*) FROM initiatives WHERE id IN (SELECT value FROM json_each(?1))",
                [ids_json(ids)?],
                |r| r.get(0),
            )?;
            let mut unique = ids.clone();
            unique.sort_unstable();
            unique.dedup();
            if known != unique.len() as i64 {
                return Err(StoreProblem::UnknownIds {
                    unknown: unique.len().saturating_sub(usize::try_from(known).unwrap_or(0)),
                    total: unique.len(),
                }
                .into());
            }
            for edit in edits {
                let field = edit.field();
                let missing: Vec<i64> =
                    unique.iter().copied().filter(|id| !states.contains_key(&(*id, field))).collect();
                if !missing.is_empty() {
                    for (id, state) in load_states(&tx, &ids_json(&missing)?, field)? {
                        states.insert((id, field), (state.clone(), state));
                    }
                }
                for id in &unique {
                    if let Some((_, current)) = states.get_mut(&(*id, field)) {
                        *current = apply(edit, current, &resolver);
                    }
                }
            }
            descriptions.push(edits.iter().map(Edit::describe).collect::<Vec<_>>().join(" "));
        }
        descriptions.dedup();
        let mut changes: Vec<(i64, Field, FieldState, FieldState)> = states
            .into_iter()
            .filter(|(_, (before, after))| before != after)
            .map(|((id, field), (before, after))| (id, field, before, after))
            .collect();
        changes.sort_by_key(|(id, field, ..)| (*id, *field));
        let record = Record {
            description: descriptions.join("; "),
            changes: changes.into_iter().map(|(id, _, before, after)| (id, before, after)).collect(),
        };
        write_record(&tx, &resolver, &record, who)?;
        if commit {
            tx.commit()?;
        }
        Ok(record)
    }

    /// Writes a record's `after` states (pass `record.inverse()` to undo it), logged.
    pub fn apply_record(&mut self, record: &Record, who: &str) -> Result<()> {
        let resolver = Resolver::load(self.conn())?;
        let tx = self.conn_mut().transaction()?;
        write_record(&tx, &resolver, record, who)?;
        tx.commit()?;
        Ok(())
    }

    /// The canonical names of a vocabulary ("phase" or "risk"), in order.
    pub fn vocabulary_names(&self, kind: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT name FROM vocabulary_terms WHERE kind = ?1 ORDER BY position")?;
        let rows = stmt.query_map([kind], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn ids_json(ids: &[i64]) -> Result<String> {
    serde_json::to_string(ids).map_err(|e| Error::encode("JSON", e))
}

/// Every listed initiative's state of one field.
fn load_states(tx: &Transaction<'_>, ids_json: &str, field: Field) -> Result<Vec<(i64, FieldState)>> {
    let ids: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT id FROM initiatives WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id")?;
        stmt.query_map([ids_json], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?
    };
    let lists = |sql: &str| -> Result<HashMap<i64, Vec<String>>> {
        let mut map: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = tx.prepare(sql)?;
        let mut rows = stmt.query([ids_json])?;
        while let Some(r) = rows.next()? {
            map.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
        Ok(map)
    };
    let scalar = |sql: &str| -> Result<HashMap<i64, Option<String>>> {
        let mut stmt = tx.prepare(sql)?;
        let rows = stmt.query_map([ids_json], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    Ok(match field {
        Field::LifeEvents => {
            let mut map = lists(
                "SELECT l.initiative_id, e.code FROM initiative_life_events l JOIN life_events e ON e.id = l.life_event_id
                 WHERE l.initiative_id IN (SELECT value FROM json_each(?1)) ORDER BY l.initiative_id, e.position",
            )?;
            ids.iter().map(|id| (*id, FieldState::LifeEvents(map.remove(id).unwrap_or_default()))).collect()
        }
        Field::Tags => {
            let mut map = lists(
                "SELECT initiative_id, tag FROM initiative_tags
                 WHERE initiative_id IN (SELECT value FROM json_each(?1)) ORDER BY initiative_id, tag",
            )?;
            ids.iter().map(|id| (*id, FieldState::Tags(map.remove(id).unwrap_or_default()))).collect()
        }
        Field::Phase => {
            let mut map = scalar("SELECT id, phase FROM initiatives WHERE id IN (SELECT value FROM json_each(?1))")?;
            ids.iter().map(|id| (*id, FieldState::Phase(map.remove(id).flatten()))).collect()
        }
        Field::Risk => {
            let mut map = scalar("SELECT id, risk FROM initiatives WHERE id IN (SELECT value FROM json_each(?1))")?;
            ids.iter().map(|id| (*id, FieldState::Risk(map.remove(id).flatten()))).collect()
        }
        Field::Owner => {
            let mut ministries = lists(
                "SELECT m.initiative_id, o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
                 WHERE m.initiative_id IN (SELECT value FROM json_each(?1)) ORDER BY m.initiative_id, m.position",
            )?;
            let mut stmt = tx.prepare(
                "SELECT i.id, i.agency_id, i.agency_text, a.code FROM initiatives i
                 LEFT JOIN organisations a ON a.id = i.agency_id WHERE i.id IN (SELECT value FROM json_each(?1))",
            )?;
            let rows = stmt.query_map([ids_json], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?;
            let mut out = Vec::new();
            for row in rows {
                let (id, agency_id, agency_text, agency) = row?;
                out.push((
                    id,
                    FieldState::Owner {
                        agency_id,
                        agency_text,
                        agency,
                        ministries: ministries.remove(&id).unwrap_or_default(),
                    },
                ));
            }
            out
        }
    })
}

/// Writes every change's `after` state and logs the fields that differ.
fn write_record(tx: &Transaction<'_>, resolver: &Resolver, record: &Record, who: &str) -> Result<()> {
    let at = crate::now();
    let mut log = tx.prepare(
        "INSERT INTO change_log (at, who, initiative_id, batch_id, field, old_value, new_value)
         VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6)",
    )?;
    let mut touched = tx.prepare("UPDATE initiatives SET updated_at = ?1 WHERE id = ?2")?;
    for (id, before, after) in &record.changes {
        write_state(tx, resolver, *id, after)?;
        touched.execute(params![at, id])?;
        for ((field, old), (_, new)) in before.log_values().into_iter().zip(after.log_values()) {
            if old != new {
                log.execute(params![at, who, id, field, old, new])?;
            }
        }
    }
    Ok(())
}

fn write_state(tx: &Transaction<'_>, resolver: &Resolver, id: i64, state: &FieldState) -> Result<()> {
    match state {
        FieldState::LifeEvents(codes) => {
            tx.prepare_cached("DELETE FROM initiative_life_events WHERE initiative_id = ?1")?.execute([id])?;
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO initiative_life_events (initiative_id, life_event_id) VALUES (?1, ?2)",
            )?;
            for code in codes {
                let event = resolver.life_event_id(code).ok_or_else(|| Error::unknown("life event", code, &[]))?;
                insert.execute(params![id, event])?;
            }
        }
        FieldState::Tags(tags) => {
            tx.prepare_cached("DELETE FROM initiative_tags WHERE initiative_id = ?1")?.execute([id])?;
            let mut insert =
                tx.prepare_cached("INSERT OR IGNORE INTO initiative_tags (initiative_id, tag) VALUES (?1, ?2)")?;
            for tag in tags {
                insert.execute(params![id, tag])?;
            }
        }
        FieldState::Phase(phase) => {
            tx.prepare_cached("UPDATE initiatives SET phase = ?1 WHERE id = ?2")?.execute(params![phase, id])?;
        }
        FieldState::Risk(risk) => {
            tx.prepare_cached("UPDATE initiatives SET risk = ?1 WHERE id = ?2")?.execute(params![risk, id])?;
        }
        FieldState::Owner { agency_id, agency_text, ministries, .. } => {
            tx.prepare_cached("UPDATE initiatives SET agency_id = ?1, agency_text = ?2 WHERE id = ?3")?
                .execute(params![agency_id, agency_text, id])?;
            tx.prepare_cached("DELETE FROM initiative_ministries WHERE initiative_id = ?1")?.execute([id])?;
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO initiative_ministries (initiative_id, ministry_id, position) VALUES (?1, ?2, ?3)",
            )?;
            for (position, code) in ministries.iter().enumerate() {
                let ministry = resolver.org_id(code).ok_or_else(|| Error::unknown("ministry", code, &[]))?;
                insert.execute(params![id, ministry, position as i64])?;
            }
        }
    }
    Ok(())
}

impl Store {
    /// Active initiatives whose owner text matched no known organisation: (id, title, text).
    pub fn unknown_owners(&self) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, title, agency_text FROM initiatives
             WHERE status = 'active' AND agency_id IS NULL AND agency_text IS NOT NULL ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// The state a field takes when `edit` is applied to `current`.
pub(crate) fn apply(edit: &Edit, current: &FieldState, resolver: &Resolver) -> FieldState {
    match (edit, current) {
        (Edit::AddLifeEvent(code), FieldState::LifeEvents(codes)) => {
            let mut codes = codes.clone();
            if !codes.contains(code) {
                codes.push(code.clone());
                let order = |c: &String| resolver.life_events().iter().position(|e| e.code == *c);
                codes.sort_by_key(order);
            }
            FieldState::LifeEvents(codes)
        }
        (Edit::RemoveLifeEvent(code), FieldState::LifeEvents(codes)) => {
            FieldState::LifeEvents(codes.iter().filter(|c| *c != code).cloned().collect())
        }
        (Edit::SetOwner { agency, ministries }, _) => FieldState::Owner {
            agency_id: agency.as_deref().and_then(|code| resolver.org_id(code)),
            agency_text: None,
            agency: agency.clone(),
            ministries: ministries.clone(),
        },
        (Edit::AddTag(tag), FieldState::Tags(tags)) => {
            let mut tags = tags.clone();
            if !tags.contains(tag) {
                tags.push(tag.clone());
                tags.sort();
            }
            FieldState::Tags(tags)
        }
        (Edit::RemoveTag(tag), FieldState::Tags(tags)) => {
            FieldState::Tags(tags.iter().filter(|t| *t != tag).cloned().collect())
        }
        (Edit::SetPhase(phase), _) => FieldState::Phase(phase.clone()),
        (Edit::SetRisk(risk), _) => FieldState::Risk(risk.clone()),
        (_, other) => other.clone(),
    }
}

impl super::Store {
    /// Remembers that the analyst rejected a suggestion; it is not offered again.
    pub fn reject_suggestion(&self, rejection: &crate::model::tagging::Rejection, analyst: &str) -> Result<()> {
        self.conn().execute(
            "INSERT OR REPLACE INTO rejected_suggestions (initiative_id, kind, value, rejected_at, rejected_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            rusqlite::params![rejection.id, rejection.kind.name(), rejection.value, crate::now(), analyst],
        )?;
        Ok(())
    }

    /// Every suggestion the analyst rejected.
    pub fn rejected_suggestions(&self) -> Result<std::collections::HashSet<crate::model::tagging::Rejection>> {
        use crate::model::tagging::{Rejection, RejectionKind};
        let mut stmt = self.conn().prepare("SELECT initiative_id, kind, value FROM rejected_suggestions")?;
        let rows = stmt.query_map([], |r| {
            let kind: String = r.get(1)?;
            let kind = if kind == "owner" { RejectionKind::Owner } else { RejectionKind::LifeEvent };
            Ok(Rejection { id: r.get(0)?, kind, value: r.get(2)? })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
