//! Writing one imported file: insert new initiatives, update those the source changed,
//! mark the vanished as withdrawn, log every change. Runs inside the caller's transaction.

mod new_rows;

use super::lookup::{OrgInfo, OrgKind, Resolver};
use crate::error::Result;
use crate::model::import::{Counts, Field, HarmonisedRow, Monitor, SourceValues, Updated};
use crate::text::fold;
use new_rows::{Batch, NewRows};
use rusqlite::{Transaction, params};
use std::collections::HashMap;
use std::sync::atomic::Ordering;

/// Facts about the file being written, recorded with its batch.
pub(crate) struct BatchInfo<'a> {
    pub source: &'a str,
    pub file_name: &'a str,
    pub file_path: &'a str,
    pub sha256: &'a str,
    pub size_bytes: u64,
    pub analyst: &'a str,
    pub headers_json: &'a str,
    pub at: &'a str,
}

pub(crate) struct Written {
    pub batch_id: i64,
    pub counts: Counts,
    pub updated: Vec<Updated>,
    pub withdrawn: Vec<String>,
    pub new_municipalities: Vec<String>,
    /// The source's active initiatives before this round.
    pub active_before: usize,
}

/// An initiative already in the database for this source.
struct Existing {
    id: i64,
    active: bool,
    /// What the source said last round (its raw row read again), or the current values
    /// when that row cannot be read.
    source: SourceValues,
    current: SourceValues,
    seen: bool,
}

/// Writes `rows` as a new batch of `info.source`. `previous` holds, by key, what the
/// source's last round said (re-read from the stored raw rows), so only fields the source
/// changed are applied and analysts' edits to the others survive. Stops at the first
/// error in `rows`, or when `monitor` asks to cancel; the caller then rolls back.
pub(crate) fn write(
    tx: &Transaction<'_>,
    resolver: &mut Resolver,
    info: &BatchInfo<'_>,
    rows: impl Iterator<Item = Result<HarmonisedRow>>,
    previous: &mut HashMap<String, SourceValues>,
    monitor: Option<&Monitor>,
) -> Result<Written> {
    let (source_id, batch_id) = open_batch(tx, info)?;
    super::rounds::snapshot(tx, source_id, batch_id)?;
    let mut existing = load_existing(tx, source_id, previous)?;
    let active_before = existing.values().filter(|e| e.active).count();
    let mut old_rows = Updater::prepare(tx, info, batch_id)?;
    let first_id: i64 = tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM initiatives", [], |r| r.get(0))?;
    let mut new_rows = NewRows::new(tx, first_id)?;

    let mut counts = Counts::default();
    let mut updated = Vec::new();
    let mut new_municipalities = Vec::new();
    for (index, row) in rows.enumerate() {
        let row = row?;
        if index % 1024 == 0 {
            report_progress(monitor, index)?;
        }
        if let Some(name) = &row.new_municipality {
            if add_municipality(tx, resolver, name)? {
                new_municipalities.push(name.clone());
            }
        }
        let Some(old) = existing.get_mut(&row.key) else {
            new_rows.add(resolver, row, &Batch { source_id, id: batch_id, at: info.at })?;
            counts.inserted += 1;
            continue;
        };
        let changed = old_rows.update(resolver, old, &row)?;
        if changed.is_empty() {
            counts.unchanged += 1;
        } else {
            counts.updated += 1;
            updated.push(Updated {
                key: row.key.clone(),
                fields: changed.iter().map(|f| f.log_name().to_string()).collect(),
            });
        }
    }

    new_rows.flush(&Batch { source_id, id: batch_id, at: info.at })?;
    let withdrawn = old_rows.withdraw_unseen(&existing)?;
    counts.withdrawn = withdrawn.len();
    let foreign_keys_checked: bool = tx.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    if !foreign_keys_checked && !resolver.is_current(tx)? {
        return Err(crate::error::StoreProblem::ReferenceChanged.into());
    }
    Ok(Written { batch_id, counts, updated, withdrawn, new_municipalities, active_before })
}

/// Adds the source (when new) and a batch row for this file, its counts still zero. Gives
/// the source's id and the batch's.
fn open_batch(tx: &Transaction<'_>, info: &BatchInfo<'_>) -> Result<(i64, i64)> {
    tx.execute(
        "INSERT INTO sources (label, created_at) VALUES (?1, ?2) ON CONFLICT (label) DO NOTHING",
        (info.source, info.at),
    )?;
    let source_id: i64 = tx.query_row("SELECT id FROM sources WHERE label = ?1", [info.source], |r| r.get(0))?;
    tx.execute(
        "INSERT INTO import_batches (source_id, file_name, file_path, sha256, size_bytes, imported_at, analyst,
             rows_read, inserted, updated, unchanged, withdrawn, rejected, warnings, headers, report)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, 0, 0, 0, 0, 0, ?8, '{}')",
        params![
            source_id,
            info.file_name,
            info.file_path,
            info.sha256,
            info.size_bytes as i64,
            info.at,
            info.analyst,
            info.headers_json
        ],
    )?;
    Ok((source_id, tx.last_insert_rowid()))
}

/// Tells `monitor` how many rows are written, or stops the import when it asks to.
fn report_progress(monitor: Option<&Monitor>, rows_done: usize) -> Result<()> {
    if let Some(monitor) = monitor {
        if monitor.cancel.load(Ordering::Relaxed) {
            return Err(crate::Error::Cancelled);
        }
        monitor.rows_done.store(rows_done, Ordering::Relaxed);
    }
    Ok(())
}

/// Writes a round's rows over the initiatives the source already had, and logs each change.
struct Updater<'t> {
    tx: &'t Transaction<'t>,
    info: &'t BatchInfo<'t>,
    batch_id: i64,
    /// Moves an unchanged initiative to this round.
    touch: rusqlite::Statement<'t>,
    log: rusqlite::Statement<'t>,
    links: Links<'t>,
}

impl<'t> Updater<'t> {
    fn prepare(tx: &'t Transaction<'t>, info: &'t BatchInfo<'t>, batch_id: i64) -> Result<Self> {
        Ok(Self {
            tx,
            info,
            batch_id,
            touch: tx
                .prepare("UPDATE initiatives SET last_batch_id = ?1, source_line = ?2, raw_row = ?3 WHERE id = ?4")?,
            log: tx.prepare(
                "INSERT INTO change_log (at, who, initiative_id, batch_id, field, old_value, new_value)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?,
            links: Links::prepare(tx)?,
        })
    }

    /// Writes `row` over `old`: only the fields the source changed since its last round are
    /// applied (analysts' edits to the others survive), a withdrawn initiative is active
    /// again, and every change is logged. Gives the fields the source changed; none when
    /// the row is as it was.
    fn update(&mut self, resolver: &Resolver, old: &mut Existing, row: &HarmonisedRow) -> Result<Vec<Field>> {
        let (at, analyst, batch_id) = (self.info.at, self.info.analyst, self.batch_id);
        old.seen = true;
        if old.source == row.values && old.active {
            self.touch.execute(params![batch_id, row.line as i64, row.raw_json, old.id])?;
            return Ok(Vec::new());
        }
        let changed = changed_fields(&old.source, &row.values);
        let merged = merge(&old.current, &old.source, &row.values);
        self.tx.execute(
            "UPDATE initiatives SET last_batch_id = ?1, source_line = ?2, raw_row = ?3, status = 'active',
                 title = ?4, description = ?5, agency_id = ?6, agency_text = ?7, amount_nok = ?8,
                 total_cost_nok = ?9, budget_year = ?10, start_date = ?11, phase = ?12, risk = ?13,
                 updated_at = ?14
             WHERE id = ?15",
            params![
                batch_id,
                row.line as i64,
                row.raw_json,
                merged.title,
                merged.description,
                merged.agency.as_deref().and_then(|c| resolver.org_id(c)),
                merged.agency_text,
                merged.amount_nok,
                merged.total_cost_nok,
                merged.budget_year,
                merged.start_date,
                merged.phase,
                merged.risk,
                at,
                old.id
            ],
        )?;
        self.links.write(resolver, old.id, &merged, true)?;
        if !old.active {
            self.log.execute(params![at, analyst, old.id, batch_id, "status", "withdrawn", "active"])?;
        }
        for &field in &changed {
            let before = old.current.field_text(field);
            let after = merged.field_text(field);
            if before != after {
                self.log.execute(params![at, analyst, old.id, batch_id, field.log_name(), before, after])?;
            }
        }
        old.active = true;
        Ok(changed)
    }

    /// Withdraws the active initiatives this round did not name, in id order, and logs it.
    /// Gives their keys.
    fn withdraw_unseen(&mut self, existing: &HashMap<String, Existing>) -> Result<Vec<String>> {
        let (at, analyst, batch_id) = (self.info.at, self.info.analyst, self.batch_id);
        let mut withdraw = self.tx.prepare(
            "UPDATE initiatives SET status = 'withdrawn', last_batch_id = ?1, updated_at = ?2 WHERE id = ?3",
        )?;
        let mut gone: Vec<(&String, &Existing)> = existing.iter().filter(|(_, e)| !e.seen && e.active).collect();
        gone.sort_by_key(|(_, e)| e.id);
        let mut withdrawn = Vec::with_capacity(gone.len());
        for (key, old) in gone {
            withdraw.execute(params![batch_id, at, old.id])?;
            self.log.execute(params![at, analyst, old.id, batch_id, "status", "active", "withdrawn"])?;
            withdrawn.push(key.clone());
        }
        Ok(withdrawn)
    }
}

/// Records the final counts and the report of a batch.
pub(crate) fn finish_batch(tx: &Transaction<'_>, batch_id: i64, counts: &Counts, report_json: &str) -> Result<()> {
    tx.execute(
        "UPDATE import_batches SET rows_read = ?1, inserted = ?2, updated = ?3, unchanged = ?4, withdrawn = ?5,
             rejected = ?6, warnings = ?7, report = ?8 WHERE id = ?9",
        params![
            counts.rows_read as i64,
            counts.inserted as i64,
            counts.updated as i64,
            counts.unchanged as i64,
            counts.withdrawn as i64,
            counts.rejected as i64,
            counts.warnings as i64,
            report_json,
            batch_id
        ],
    )?;
    Ok(())
}

/// The statements that write an initiative's ministries, life events and tags.
struct Links<'t> {
    delete_ministries: rusqlite::Statement<'t>,
    delete_events: rusqlite::Statement<'t>,
    delete_tags: rusqlite::Statement<'t>,
    ministry: rusqlite::Statement<'t>,
    event: rusqlite::Statement<'t>,
    tag: rusqlite::Statement<'t>,
}

impl<'t> Links<'t> {
    fn prepare(tx: &'t Transaction<'_>) -> Result<Self> {
        Ok(Self {
            delete_ministries: tx.prepare("DELETE FROM initiative_ministries WHERE initiative_id = ?1")?,
            delete_events: tx.prepare("DELETE FROM initiative_life_events WHERE initiative_id = ?1")?,
            delete_tags: tx.prepare("DELETE FROM initiative_tags WHERE initiative_id = ?1")?,
            ministry: tx.prepare(
                "INSERT OR IGNORE INTO initiative_ministries (initiative_id, ministry_id, position) VALUES (?1, ?2, ?3)",
            )?,
            event: tx
                .prepare("INSERT OR IGNORE INTO initiative_life_events (initiative_id, life_event_id) VALUES (?1, ?2)")?,
            tag: tx.prepare("INSERT OR IGNORE INTO initiative_tags (initiative_id, tag) VALUES (?1, ?2)")?,
        })
    }

    fn write(&mut self, resolver: &Resolver, id: i64, values: &SourceValues, replace: bool) -> Result<()> {
        if replace {
            self.delete_ministries.execute([id])?;
            self.delete_events.execute([id])?;
            self.delete_tags.execute([id])?;
        }
        for (position, code) in values.ministries.iter().enumerate() {
            if let Some(org) = resolver.org_id(code) {
                self.ministry.execute(params![id, org, position as i64])?;
            }
        }
        for code in &values.life_events {
            if let Some(event) = resolver.life_event_id(code) {
                self.event.execute(params![id, event])?;
            }
        }
        for tag in &values.tags {
            self.tag.execute(params![id, tag])?;
        }
        Ok(())
    }
}

/// Creates a municipality a row names, the first time; true when it was new.
fn add_municipality(tx: &Transaction<'_>, resolver: &mut Resolver, name: &str) -> Result<bool> {
    if resolver.org_id(name).is_some() {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO organisations (code, kind, name, origin) VALUES (?1, 'municipality', ?1, 'import')
         ON CONFLICT (code) DO NOTHING",
        [name],
    )?;
    let id: i64 = tx.query_row("SELECT id FROM organisations WHERE code = ?1", [name], |r| r.get(0))?;
    tx.execute(
        "INSERT OR IGNORE INTO organisation_aliases (alias, organisation_id, rank, origin) VALUES (?1, ?2, 0, 'import')",
        params![fold(name), id],
    )?;
    resolver.add_org(OrgInfo {
        id,
        code: name.to_string(),
        kind: OrgKind::Municipality,
        name: name.to_string(),
        ministry_id: None,
    });
    Ok(true)
}

/// Every initiative of the source with its current values and what the source said last.
fn load_existing(
    tx: &Transaction<'_>,
    source_id: i64,
    previous: &mut HashMap<String, SourceValues>,
) -> Result<HashMap<String, Existing>> {
    let mut by_id: HashMap<i64, (String, Existing)> = HashMap::new();
    let mut stmt = tx.prepare(
        "SELECT i.id, i.source_key, i.status, i.title, i.description, a.code, i.agency_text,
                i.amount_nok, i.total_cost_nok, i.budget_year, i.start_date, i.phase, i.risk
         FROM initiatives i LEFT JOIN organisations a ON a.id = i.agency_id WHERE i.source_id = ?1",
    )?;
    let mut rows = stmt.query([source_id])?;
    while let Some(r) = rows.next()? {
        let current = SourceValues {
            title: r.get(3)?,
            description: r.get(4)?,
            agency: r.get(5)?,
            agency_text: r.get(6)?,
            amount_nok: r.get(7)?,
            total_cost_nok: r.get(8)?,
            budget_year: r.get(9)?,
            start_date: r.get(10)?,
            phase: r.get(11)?,
            risk: r.get(12)?,
            ..SourceValues::default()
        };
        let id: i64 = r.get(0)?;
        let existing = Existing {
            id,
            active: r.get::<_, String>(2)? == "active",
            source: SourceValues::default(),
            current,
            seen: false,
        };
        by_id.insert(id, (r.get(1)?, existing));
    }
    let lists = [
        "SELECT m.initiative_id, o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
         JOIN initiatives i ON i.id = m.initiative_id WHERE i.source_id = ?1 ORDER BY m.initiative_id, m.position",
        "SELECT l.initiative_id, e.code FROM initiative_life_events l JOIN life_events e ON e.id = l.life_event_id
         JOIN initiatives i ON i.id = l.initiative_id WHERE i.source_id = ?1 ORDER BY l.initiative_id, e.position",
        "SELECT t.initiative_id, t.tag FROM initiative_tags t
         JOIN initiatives i ON i.id = t.initiative_id WHERE i.source_id = ?1 ORDER BY t.initiative_id, t.tag",
    ];
    for (which, sql) in lists.iter().enumerate() {
        let mut stmt = tx.prepare(sql)?;
        let mut rows = stmt.query([source_id])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let value: String = r.get(1)?;
            if let Some((_, existing)) = by_id.get_mut(&id) {
                match which {
                    0 => existing.current.ministries.push(value),
                    1 => existing.current.life_events.push(value),
                    _ => existing.current.tags.push(value),
                }
            }
        }
    }
    let mut out = HashMap::with_capacity(by_id.len());
    for (_, (key, mut existing)) in by_id {
        existing.source = previous.remove(&key).unwrap_or_else(|| existing.current.clone());
        out.insert(key, existing);
    }
    Ok(out)
}

/// The fields that differ between two versions of the source's values.
fn changed_fields(old: &SourceValues, new: &SourceValues) -> Vec<Field> {
    SourceValues::FIELDS.into_iter().filter(|&field| old.field_text(field) != new.field_text(field)).collect()
}

/// Applies what the source changed (old → new) to the current values, keeping the analyst's
/// edits to everything the source left alone. For lists, what the source removed is removed
/// and what it added is added; entries the analyst added stay.
fn merge(current: &SourceValues, old: &SourceValues, new: &SourceValues) -> SourceValues {
    fn pick<T: Clone + PartialEq>(current: &T, old: &T, new: &T) -> T {
        if old == new { current.clone() } else { new.clone() }
    }
    fn list(current: &[String], old: &[String], new: &[String]) -> Vec<String> {
        if old == new {
            return current.to_vec();
        }
        let mut out: Vec<String> = current.iter().filter(|v| !old.contains(v) || new.contains(v)).cloned().collect();
        for v in new {
            if !out.contains(v) {
                out.push(v.clone());
            }
        }
        // Keep the source's order (the lead ministry first), analyst additions after.
        out.sort_by_key(|v| new.iter().position(|n| n == v).unwrap_or(usize::MAX));
        out
    }
    // Owner is one field: the agency code and the text it came from change together.
    let owner_changed = (&old.agency, &old.agency_text) != (&new.agency, &new.agency_text);
    SourceValues {
        title: pick(&current.title, &old.title, &new.title),
        description: pick(&current.description, &old.description, &new.description),
        agency: if owner_changed { new.agency.clone() } else { current.agency.clone() },
        agency_text: if owner_changed { new.agency_text.clone() } else { current.agency_text.clone() },
        ministries: list(&current.ministries, &old.ministries, &new.ministries),
        life_events: list(&current.life_events, &old.life_events, &new.life_events),
        amount_nok: pick(&current.amount_nok, &old.amount_nok, &new.amount_nok),
        total_cost_nok: pick(&current.total_cost_nok, &old.total_cost_nok, &new.total_cost_nok),
        budget_year: pick(&current.budget_year, &old.budget_year, &new.budget_year),
        start_date: pick(&current.start_date, &old.start_date, &new.start_date),
        phase: pick(&current.phase, &old.phase, &new.phase),
        risk: pick(&current.risk, &old.risk, &new.risk),
        tags: list(&current.tags, &old.tags, &new.tags),
    }
}
