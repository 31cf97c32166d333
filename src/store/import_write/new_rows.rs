//! New initiatives of an import, written many rows to a statement.

use crate::error::Result;
use crate::model::import::HarmonisedRow;
use crate::store::lookup::Resolver;
use rusqlite::Transaction;

/// What every new row of a batch shares.
pub(super) struct Batch<'a> {
    pub(super) source_id: i64,
    pub(super) id: i64,
    pub(super) at: &'a str,
}

/// New initiatives, written many rows to a statement. At national scale the cost of each
/// statement (cursors, binding, halting), not the data, was most of the writing, so rows
/// are given their ids here and written in chunks, their links after them. The statements
/// for full chunks are prepared once and their parameters bound in place.
pub(super) struct NewRows<'t> {
    tx: &'t Transaction<'t>,
    next_id: i64,
    /// Id, owner id, row.
    pending: Vec<(i64, Option<i64>, HarmonisedRow)>,
    ministries: Vec<(i64, i64, i64)>,
    life_events: Vec<(i64, i64)>,
    tags: Vec<(i64, String)>,
    full_initiatives: rusqlite::Statement<'t>,
    full_ministries: rusqlite::Statement<'t>,
    full_life_events: rusqlite::Statement<'t>,
    full_tags: rusqlite::Statement<'t>,
}

/// Rows per INSERT: 19 parameters each stays well below SQLite's limit of 32 766.
const ROWS_PER_INSERT: usize = 64;
/// Link rows per INSERT.
const LINKS_PER_INSERT: usize = 256;

const INSERT_INITIATIVES: &str = "INSERT INTO initiatives (id, source_id, source_key, first_batch_id, last_batch_id,
     source_line, status, title, description, agency_id, agency_text, amount_nok, total_cost_nok, budget_year,
     start_date, phase, risk, raw_row, created_at, updated_at) VALUES ";
const INITIATIVE_VALUES: &str = "(?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
/// Parameters per initiative row in [`INITIATIVE_VALUES`].
const INITIATIVE_PARAMETERS: usize = 19;
const INSERT_MINISTRIES: &str =
    "INSERT OR IGNORE INTO initiative_ministries (initiative_id, ministry_id, position) VALUES ";
const INSERT_LIFE_EVENTS: &str = "INSERT OR IGNORE INTO initiative_life_events (initiative_id, life_event_id) VALUES ";
const INSERT_TAGS: &str = "INSERT OR IGNORE INTO initiative_tags (initiative_id, tag) VALUES ";

impl<'t> NewRows<'t> {
    pub(super) fn new(tx: &'t Transaction<'t>, first_id: i64) -> Result<Self> {
        Ok(Self {
            tx,
            next_id: first_id,
            pending: Vec::with_capacity(ROWS_PER_INSERT),
            ministries: Vec::new(),
            life_events: Vec::new(),
            tags: Vec::new(),
            full_initiatives: tx.prepare(&multi_row_insert(INSERT_INITIATIVES, INITIATIVE_VALUES, ROWS_PER_INSERT))?,
            full_ministries: tx.prepare(&multi_row_insert(INSERT_MINISTRIES, "(?, ?, ?)", LINKS_PER_INSERT))?,
            full_life_events: tx.prepare(&multi_row_insert(INSERT_LIFE_EVENTS, "(?, ?)", LINKS_PER_INSERT))?,
            full_tags: tx.prepare(&multi_row_insert(INSERT_TAGS, "(?, ?)", LINKS_PER_INSERT))?,
        })
    }

    pub(super) fn add(&mut self, resolver: &Resolver, row: HarmonisedRow, batch: &Batch<'_>) -> Result<()> {
        let id = self.next_id;
        self.next_id += 1;
        let values = &row.values;
        for (position, code) in values.ministries.iter().enumerate() {
            if let Some(org) = resolver.org_id(code) {
                self.ministries.push((id, org, position as i64));
            }
        }
        for code in &values.life_events {
            if let Some(event) = resolver.life_event_id(code) {
                self.life_events.push((id, event));
            }
        }
        self.tags.extend(values.tags.iter().map(|t| (id, t.clone())));
        let agency = values.agency.as_deref().and_then(|code| resolver.org_id(code));
        self.pending.push((id, agency, row));
        if self.pending.len() == ROWS_PER_INSERT {
            self.write(batch, false)?;
        }
        Ok(())
    }

    /// Writes everything pending.
    pub(super) fn flush(&mut self, batch: &Batch<'_>) -> Result<()> {
        self.write(batch, true)
    }

    /// Writes the pending initiatives, then the rows that point at them. Link rows are
    /// written in full chunks only, until `all`.
    fn write(&mut self, batch: &Batch<'_>, all: bool) -> Result<()> {
        if !self.pending.is_empty() {
            let mut partial;
            let statement = if self.pending.len() == ROWS_PER_INSERT {
                &mut self.full_initiatives
            } else {
                partial =
                    self.tx.prepare(&multi_row_insert(INSERT_INITIATIVES, INITIATIVE_VALUES, self.pending.len()))?;
                &mut partial
            };
            for (index, (id, agency, row)) in self.pending.iter().enumerate() {
                let v = &row.values;
                let params: [&dyn rusqlite::ToSql; INITIATIVE_PARAMETERS] = [
                    id,
                    &batch.source_id,
                    &row.key,
                    &batch.id,
                    &batch.id,
                    &(row.line as i64),
                    &v.title,
                    &v.description,
                    agency,
                    &v.agency_text,
                    &v.amount_nok,
                    &v.total_cost_nok,
                    &v.budget_year,
                    &v.start_date,
                    &v.phase,
                    &v.risk,
                    &row.raw_json,
                    &batch.at,
                    &batch.at,
                ];
                bind_row(statement, index, &params)?;
            }
            statement.raw_execute()?;
            self.pending.clear();
        }
        flush_links(
            self.tx,
            INSERT_MINISTRIES,
            "(?, ?, ?)",
            &mut self.full_ministries,
            &mut self.ministries,
            all,
            |(a, b, c)| [a as &dyn rusqlite::ToSql, b, c],
        )?;
        flush_links(
            self.tx,
            INSERT_LIFE_EVENTS,
            "(?, ?)",
            &mut self.full_life_events,
            &mut self.life_events,
            all,
            |(a, b)| [a as &dyn rusqlite::ToSql, b],
        )?;
        flush_links(self.tx, INSERT_TAGS, "(?, ?)", &mut self.full_tags, &mut self.tags, all, |(a, b)| {
            [a as &dyn rusqlite::ToSql, b]
        })?;
        Ok(())
    }
}

/// Binds the parameters of the `index`th row of a multi-row statement.
fn bind_row(statement: &mut rusqlite::Statement<'_>, index: usize, params: &[&dyn rusqlite::ToSql]) -> Result<()> {
    let first = index * params.len() + 1;
    for (offset, param) in params.iter().enumerate() {
        statement.raw_bind_parameter(first + offset, param)?;
    }
    Ok(())
}

/// "INSERT … VALUES (?, ?), (?, ?), …" for `rows` rows: only placeholders are put together,
/// never values.
fn multi_row_insert(head: &str, row: &str, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (row.len() + 2));
    sql.push_str(head);
    for index in 0..rows {
        if index > 0 {
            sql.push_str(", ");
        }
        sql.push_str(row);
    }
    sql
}

/// Writes pending link rows in full chunks through `full` (and, with `all`, the rest
/// through a statement of its size) and keeps what is left.
fn flush_links<'c, T, const N: usize>(
    tx: &'c Transaction<'_>,
    head: &str,
    row: &str,
    full: &mut rusqlite::Statement<'c>,
    pending: &mut Vec<T>,
    all: bool,
    params_of: impl Fn(&T) -> [&dyn rusqlite::ToSql; N],
) -> Result<()> {
    let written = if all { pending.len() } else { pending.len() - pending.len() % LINKS_PER_INSERT };
    for chunk in pending[..written].chunks(LINKS_PER_INSERT) {
        let mut partial;
        let statement = if chunk.len() == LINKS_PER_INSERT {
            &mut *full
        } else {
            partial = tx.prepare(&multi_row_insert(head, row, chunk.len()))?;
            &mut partial
        };
        for (index, link) in chunk.iter().enumerate() {
            bind_row(statement, index, &params_of(link))?;
        }
        statement.raw_execute()?;
    }
    pending.drain(..written);
    Ok(())
}
