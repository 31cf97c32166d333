//! Reading initiatives: filtered and sorted lists, one initiative in full, change history.

use super::{Resolver, Store};
use crate::error::{Error, Result};
use crate::model::{Change, Initiative, InitiativeDetail, Status};
use crate::text::{closest, fold};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

/// Separates list values inside one SQL column (never present in codes or tags).
const SEP: char = '\u{1f}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    #[default]
    Id,
    Title,
    Agency,
    Ministry,
    Amount,
    Phase,
    Risk,
    BudgetYear,
    Source,
}

impl SortField {
    /// A fixed ORDER BY fragment per field; `{dir}` is ASC or DESC. Missing values sort last.
    fn order_by(self, descending: bool) -> String {
        let dir = if descending { "DESC" } else { "ASC" };
        let expr = match self {
            SortField::Id => return format!("i.id {dir}"),
            SortField::Title => "i.title COLLATE norwegian",
            SortField::Agency => "COALESCE(a.code, i.agency_text) COLLATE norwegian",
            SortField::Ministry => "lead.code",
            SortField::Amount => "i.amount_nok",
            SortField::Phase => "pt.position",
            SortField::Risk => "rt.position",
            SortField::BudgetYear => "i.budget_year",
            SortField::Source => "s.label COLLATE norwegian",
        };
        format!("({expr}) IS NULL, {expr} {dir}, i.id ASC")
    }
}

/// What `samla list` (and every screen over the same data) asks for.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Words that must all appear in title, description or owner (case and accents ignored).
    pub search: Option<String>,
    pub ministry: Option<String>,
    pub life_event: Option<String>,
    pub tag: Option<String>,
    pub phase: Option<String>,
    pub source: Option<String>,
    pub min_amount_nok: Option<i64>,
    pub max_amount_nok: Option<i64>,
    pub include_withdrawn: bool,
    pub sort: SortField,
    pub descending: bool,
    pub limit: Option<usize>,
}

const SELECT: &str = "
SELECT i.id, s.label, b.file_name, i.source_key, i.title, i.description,
       COALESCE(a.code, i.agency_text),
       (SELECT group_concat(code, char(31)) FROM (
            SELECT o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
            WHERE m.initiative_id = i.id ORDER BY m.position)),
       (SELECT group_concat(code, char(31)) FROM (
            SELECT e.code FROM initiative_life_events l JOIN life_events e ON e.id = l.life_event_id
            WHERE l.initiative_id = i.id ORDER BY e.position)),
       (SELECT group_concat(tag, char(31)) FROM (
            SELECT tag FROM initiative_tags WHERE initiative_id = i.id ORDER BY tag)),
       i.amount_nok, i.total_cost_nok, i.budget_year, i.start_date, i.phase, i.risk, i.status
FROM initiatives i
JOIN sources s ON s.id = i.source_id
JOIN import_batches b ON b.id = i.last_batch_id
LEFT JOIN organisations a ON a.id = i.agency_id
LEFT JOIN initiative_ministries lm ON lm.initiative_id = i.id AND lm.position = 0
LEFT JOIN organisations lead ON lead.id = lm.ministry_id
LEFT JOIN vocabulary_terms pt ON pt.kind = 'phase' AND pt.name = i.phase
LEFT JOIN vocabulary_terms rt ON rt.kind = 'risk' AND rt.name = i.risk
";

fn split(value: Option<String>) -> Vec<String> {
    value.map(|v| v.split(SEP).map(str::to_string).collect()).unwrap_or_default()
}

fn initiative_from_row(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    Ok(Initiative {
        id: row.get(0)?,
        source: row.get(1)?,
        source_file: row.get(2)?,
        key: row.get(3)?,
        title: row.get(4)?,
        description: row.get(5)?,
        agency: row.get(6)?,
        ministries: split(row.get(7)?),
        life_events: split(row.get(8)?),
        tags: split(row.get(9)?),
        amount_nok: row.get(10)?,
        total_cost_nok: row.get(11)?,
        budget_year: row.get(12)?,
        start_date: row.get(13)?,
        phase: row.get(14)?,
        risk: row.get(15)?,
        status: Status::parse(&row.get::<_, String>(16)?),
    })
}

impl Store {
    /// The initiatives a query selects, in its order. Unknown filter values (a ministry,
    /// life event, phase, tag or source that does not exist) are errors naming close ones.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<Initiative>> {
        self.list_map(query, Some)
    }

    /// [`Store::list`] with each initiative mapped as it is read (None leaves it out), so
    /// only what the caller keeps is ever held for every row.
    pub fn list_map<T>(&self, query: &ListQuery, mut keep: impl FnMut(Initiative) -> Option<T>) -> Result<Vec<T>> {
        let (sql, params) = self.list_sql(query)?;
        let mut stmt = self.conn().prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            if let Some(kept) = keep(initiative_from_row(row)?) {
                out.push(kept);
            }
        }
        Ok(out)
    }

    /// The ids of the initiatives a query selects, in its order: [`Store::list`] without
    /// reading the rows (a million initiatives are a gigabyte in memory).
    pub fn list_ids(&self, query: &ListQuery) -> Result<Vec<i64>> {
        let (sql, params) = self.list_sql(query)?;
        let mut stmt = self.conn().prepare(&format!("SELECT id FROM ({sql})"))?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The SQL and parameters of a listing.
    fn list_sql(&self, query: &ListQuery) -> Result<(String, Vec<Value>)> {
        let resolver = Resolver::load(self.conn())?;
        let mut sql = String::from(SELECT);
        let mut params: Vec<Value> = Vec::new();
        let mut conditions: Vec<String> = Vec::new();
        let param = |params: &mut Vec<Value>, value: Value| {
            params.push(value);
            format!("?{}", params.len())
        };

        if !query.include_withdrawn {
            conditions.push("i.status = 'active'".into());
        }
        if let Some(search) = query.search.as_deref().map(fold).filter(|s| !s.is_empty()) {
            let p = param(&mut params, Value::Text(search));
            conditions.push(format!(
                "samla_matches(i.title || ' ' || i.source_key || ' ' || COALESCE(i.description, '') || ' ' || \
                 COALESCE(a.code || ' ' || a.name, i.agency_text, ''), {p})"
            ));
        }
        if let Some(ministry) = &query.ministry {
            let id = resolver.require_ministry(ministry)?;
            let p = param(&mut params, Value::Integer(id));
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM initiative_ministries WHERE initiative_id = i.id AND ministry_id = {p})"
            ));
        }
        if let Some(event) = &query.life_event {
            let id = resolver.require_life_event(event)?;
            let p = param(&mut params, Value::Integer(id));
            conditions.push(format!(
                "EXISTS (SELECT 1 FROM initiative_life_events WHERE initiative_id = i.id AND life_event_id = {p})"
            ));
        }
        if let Some(tag) = &query.tag {
            let tag = self.require_existing("tag", tag, "SELECT DISTINCT tag FROM initiative_tags")?;
            let p = param(&mut params, Value::Text(tag));
            conditions.push(format!("EXISTS (SELECT 1 FROM initiative_tags WHERE initiative_id = i.id AND tag = {p})"));
        }
        if let Some(phase) = &query.phase {
            let phase = self.require_existing(
                "phase",
                phase,
                "SELECT name FROM vocabulary_terms WHERE kind = 'phase' UNION SELECT DISTINCT phase FROM initiatives WHERE phase IS NOT NULL",
            )?;
            let p = param(&mut params, Value::Text(phase));
            conditions.push(format!("i.phase = {p}"));
        }
        if let Some(source) = &query.source {
            let source = self.require_existing("source", source, "SELECT label FROM sources")?;
            let p = param(&mut params, Value::Text(source));
            conditions.push(format!("s.label = {p}"));
        }
        if let Some(min) = query.min_amount_nok {
            let p = param(&mut params, Value::Integer(min));
            conditions.push(format!("i.amount_nok >= {p}"));
        }
        if let Some(max) = query.max_amount_nok {
            let p = param(&mut params, Value::Integer(max));
            conditions.push(format!("i.amount_nok <= {p}"));
        }
        if !conditions.is_empty() {
            sql.push_str("WHERE ");
            sql.push_str(&conditions.join("\n  AND "));
        }
        sql.push_str("\nORDER BY ");
        sql.push_str(&query.sort.order_by(query.descending));
        if let Some(limit) = query.limit {
            let p = param(&mut params, Value::Integer(limit as i64));
            sql.push_str(&format!("\nLIMIT {p}"));
        }
        Ok((sql, params))
    }

    /// Matches `value` case- and accent-insensitively against the values `sql` lists, or
    /// fails with the closest ones.
    fn require_existing(&self, kind: &'static str, value: &str, sql: &str) -> Result<String> {
        let mut stmt = self.conn().prepare(sql)?;
        let known: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let wanted = fold(value);
        if let Some(found) = known.iter().find(|k| fold(k) == wanted) {
            return Ok(found.clone());
        }
        let mut hint = closest(value, known.iter().map(String::as_str), 3);
        if hint.is_empty() && known.len() <= 12 {
            hint = known;
        }
        Err(Error::unknown(kind, value, &hint))
    }

    /// Number of initiatives, active and withdrawn.
    pub fn count_initiatives(&self) -> Result<(i64, i64)> {
        Ok(self.conn().query_row(
            "SELECT count(*) FILTER (WHERE status = 'active'), count(*) FILTER (WHERE status = 'withdrawn') FROM initiatives",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    }

    /// The description of each initiative in `ids`, in the same order (None for one without
    /// a description or an unknown id): what a screen shows for a few initiatives while the
    /// portfolio it holds keeps only the folded form for search.
    pub fn descriptions(&self, ids: &[i64]) -> Result<Vec<Option<String>>> {
        let mut stmt = self.conn().prepare_cached("SELECT description FROM initiatives WHERE id = ?1")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            out.push(stmt.query_row([id], |row| row.get(0)).optional()?.flatten());
        }
        Ok(out)
    }

    /// One initiative with its raw row and history, or None.
    pub fn initiative(&self, id: i64) -> Result<Option<InitiativeDetail>> {
        let sql = format!("{SELECT} WHERE i.id = ?1");
        let Some(initiative) = self.conn().query_row(&sql, [id], initiative_from_row).optional()? else {
            return Ok(None);
        };
        let (agency_name, source_line, imported_at, raw, headers): (
            Option<String>,
            Option<i64>,
            String,
            String,
            String,
        ) = self.conn().query_row(
            "SELECT a.name, i.source_line, b.imported_at, i.raw_row, b.headers FROM initiatives i
                 JOIN import_batches b ON b.id = i.last_batch_id
                 LEFT JOIN organisations a ON a.id = i.agency_id WHERE i.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        let unreadable = |what: &str, e: serde_json::Error| Error::Database {
            path: self.path().to_path_buf(),
            message: format!("initiative {id} has an unreadable {what}: {e}"),
        };
        let cells: Vec<String> = serde_json::from_str(&raw).map_err(|e| unreadable("raw row", e))?;
        let headers: Vec<String> = serde_json::from_str(&headers).map_err(|e| unreadable("header row", e))?;
        let raw_row = cells
            .into_iter()
            .enumerate()
            .map(|(i, cell)| (headers.get(i).cloned().unwrap_or_else(|| format!("column {}", i + 1)), cell))
            .collect();
        let history = self.history(id)?;
        Ok(Some(InitiativeDetail { initiative, agency_name, source_line, imported_at, raw_row, history }))
    }

    /// The change log of one initiative, oldest first.
    pub fn history(&self, id: i64) -> Result<Vec<Change>> {
        let mut stmt = self.conn().prepare(
            "SELECT at, who, initiative_id, batch_id, field, old_value, new_value FROM change_log
             WHERE initiative_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], change_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The source labels, for hints and pickers.
    pub fn sources(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn().prepare("SELECT label FROM sources ORDER BY label")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A source label as stored, matched case- and accent-insensitively.
    pub fn require_source(&self, label: &str) -> Result<String> {
        self.require_existing("source", label, "SELECT label FROM sources")
    }
}

pub(crate) fn change_from_row(r: &Row<'_>) -> rusqlite::Result<Change> {
    Ok(Change {
        at: r.get(0)?,
        who: r.get(1)?,
        initiative_id: r.get(2)?,
        batch_id: r.get(3)?,
        field: r.get(4)?,
        old_value: r.get(5)?,
        new_value: r.get(6)?,
    })
}

/// One initiative's columns, as the in-memory portfolio loads them.
pub struct PortfolioRow {
    pub id: i64,
    pub key: String,
    pub source: String,
    pub source_file: String,
    pub title: String,
    pub description: Option<String>,
    pub agency: Option<String>,
    pub amount_nok: Option<i64>,
    pub budget_year: Option<i32>,
    pub phase: Option<String>,
    pub risk: Option<String>,
    pub withdrawn: bool,
}

/// Everything the in-memory portfolio needs, in flat lists (no query per row).
pub struct PortfolioData {
    pub rows: Vec<PortfolioRow>,
    /// (organisation id, code) of every ministry, by code.
    pub ministries: Vec<(i64, String)>,
    /// (id, code, name nb, name en) in reference order.
    pub life_events: Vec<(i64, String, String, String)>,
    pub phases: Vec<String>,
    pub risks: Vec<String>,
    /// (initiative id, ministry id) with the lead first per initiative.
    pub ministry_links: Vec<(i64, i64)>,
    pub life_event_links: Vec<(i64, i64)>,
    pub tags: Vec<(i64, String)>,
}

impl Store {
    /// The rows of the in-memory portfolio, in id order; the first `limit` only when given.
    pub fn portfolio_data(&self, limit: Option<usize>) -> Result<PortfolioData> {
        let conn = self.conn();
        let limit = limit.map_or(-1, |l| l as i64);
        let mut stmt = conn.prepare(
            "SELECT i.id, i.source_key, s.label, b.file_name, i.title, i.description, COALESCE(a.code, i.agency_text),
                    i.amount_nok, i.budget_year, i.phase, i.risk, i.status = 'withdrawn'
             FROM initiatives i
             JOIN sources s ON s.id = i.source_id
             JOIN import_batches b ON b.id = i.last_batch_id
             LEFT JOIN organisations a ON a.id = i.agency_id
             ORDER BY i.id LIMIT ?1",
        )?;
        let rows = stmt
            .query_map([limit], |r| {
                Ok(PortfolioRow {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    source: r.get(2)?,
                    source_file: r.get(3)?,
                    title: r.get(4)?,
                    description: r.get(5)?,
                    agency: r.get(6)?,
                    amount_nok: r.get(7)?,
                    budget_year: r.get(8)?,
                    phase: r.get(9)?,
                    risk: r.get(10)?,
                    withdrawn: r.get(11)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let last_id = rows.last().map_or(i64::MAX, |r| r.id);
        let pairs = |sql: &str| -> Result<Vec<(i64, i64)>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([last_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let ministry_links = pairs(
            "SELECT initiative_id, ministry_id FROM initiative_ministries WHERE initiative_id <= ?1
             ORDER BY initiative_id, position",
        )?;
        let life_event_links =
            pairs("SELECT initiative_id, life_event_id FROM initiative_life_events WHERE initiative_id <= ?1")?;
        let mut stmt = conn.prepare(
            "SELECT initiative_id, tag FROM initiative_tags WHERE initiative_id <= ?1 ORDER BY initiative_id, tag",
        )?;
        let tags = stmt.query_map([last_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare("SELECT id, code FROM organisations WHERE kind = 'ministry' ORDER BY code")?;
        let ministries = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        let mut stmt = conn.prepare("SELECT id, code, name_nb, name_en FROM life_events ORDER BY position, id")?;
        let life_events = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let terms = |kind: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare("SELECT name FROM vocabulary_terms WHERE kind = ?1 ORDER BY position")?;
            let rows = stmt.query_map([kind], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(PortfolioData {
            rows,
            ministries,
            life_events,
            phases: terms("phase")?,
            risks: terms("risk")?,
            ministry_links,
            life_event_links,
            tags,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    #[test]
    fn list_ids_are_the_ids_list_gives_in_its_order() {
        let mut csv = Vec::new();
        crate::generate::write_csv(300, 5, &mut csv).expect("generate");
        let mut store = Store::open_in_memory().expect("store");
        let options = crate::import::ImportOptions::default();
        crate::import::import_bytes(&mut store, &csv, "g.csv", "g.csv", &options, &ReferenceSource::builtin())
            .expect("import");
        for query in [
            ListQuery::default(),
            ListQuery { search: Some("dødsbo".into()), ..ListQuery::default() },
            ListQuery { sort: SortField::Amount, descending: true, limit: Some(40), ..ListQuery::default() },
            ListQuery { sort: SortField::Title, min_amount_nok: Some(10_000_000), ..ListQuery::default() },
        ] {
            let listed: Vec<i64> = store.list(&query).expect("list").iter().map(|i| i.id).collect();
            assert!(!listed.is_empty(), "{query:?}");
            assert_eq!(store.list_ids(&query).expect("ids"), listed, "{query:?}");
        }
    }

    #[test]
    fn descriptions_are_read_by_id_in_the_order_asked() {
        let csv = "Tittel;Beskrivelse\nDødsbo;Én løsning for dødsbo\nUten;\n";
        let mut store = Store::open_in_memory().expect("store");
        let options = crate::import::ImportOptions::default();
        crate::import::import_bytes(
            &mut store,
            csv.as_bytes(),
            "d.csv",
            "d.csv",
            &options,
            &ReferenceSource::builtin(),
        )
        .expect("import");
        let ids = store.list_ids(&ListQuery { sort: SortField::Title, ..ListQuery::default() }).expect("ids");
        let (with, without) = (ids[0], ids[1]);
        let found = store.descriptions(&[without, -5, with]).expect("descriptions");
        assert_eq!(found, vec![None, None, Some("Én løsning for dødsbo".to_string())]);
    }
}
