//! Criteria, scores and weights in the database (scenarios are in `scenarios.rs`).

use super::Store;
use crate::error::{Error, Result};
use crate::error::{ScoringProblem, StoreProblem};
use crate::scoring::criteria::format_number;
use crate::scoring::{Candidate, Criteria, Criterion, DerivedField, ScoreEdit, ScoreMatrix, Transform, Weights};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::BTreeMap;

/// Loads criteria definitions into the database: new ones are added with their default
/// weight, existing ones updated (a weight the analyst changed is kept; one still at the old
/// default follows the new default), and those the file no longer has are retired.
/// Returns how many the file defines.
pub(crate) fn sync_criteria(tx: &Transaction<'_>, criteria: &Criteria) -> Result<usize> {
    tx.execute("UPDATE criteria SET active = 0", [])?;
    let mut upsert = tx.prepare(
        "INSERT INTO criteria (code, name_nb, name_en, scale_min, scale_max, derived_from, higher_is_better,
                               weight, position, derive_values, transform, default_weight, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?8, 1)
         ON CONFLICT (code) DO UPDATE SET
             name_nb = excluded.name_nb, name_en = excluded.name_en,
             scale_min = excluded.scale_min, scale_max = excluded.scale_max,
             derived_from = excluded.derived_from, higher_is_better = excluded.higher_is_better,
             weight = CASE WHEN weight = default_weight THEN excluded.default_weight ELSE weight END,
             position = excluded.position, derive_values = excluded.derive_values,
             transform = excluded.transform, default_weight = excluded.default_weight, active = 1",
    )?;
    for (position, c) in criteria.iter().enumerate() {
        let values = if c.values.is_empty() { None } else { Some(to_json(&c.values)?) };
        upsert.execute(params![
            c.code,
            c.name_nb,
            c.name_en,
            c.scale_min,
            c.scale_max,
            c.derived_from.map(DerivedField::name),
            c.higher_is_better,
            c.default_weight,
            position as i64,
            values,
            c.transform.name(),
        ])?;
    }
    Ok(criteria.len())
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::encode("JSON", e))
}

/// The change-log field of a criterion's score.
fn score_field(code: &str) -> String {
    format!("score:{code}")
}

impl Store {
    /// The criteria in use, in order, with their current weights.
    pub fn criteria(&self) -> Result<Criteria> {
        let mut stmt = self.conn().prepare(
            "SELECT code, name_nb, name_en, scale_min, scale_max, derived_from, derive_values, transform,
                    higher_is_better, default_weight, weight
             FROM criteria WHERE active = 1 ORDER BY position, id",
        )?;
        let mut rows = stmt.query([])?;
        let mut list = Vec::new();
        while let Some(row) = rows.next()? {
            let code: String = row.get(0)?;
            let broken = |what: &str| Error::Database {
                path: self.path().to_path_buf(),
                message: format!("criterion '{code}' has an unreadable {what}; run `samla reference sync`"),
            };
            let derived_from = match row.get::<_, Option<String>>(5)? {
                Some(name) => Some(DerivedField::parse(&name).ok_or_else(|| broken("derived_from"))?),
                None => None,
            };
            let values: BTreeMap<String, f64> = match row.get::<_, Option<String>>(6)? {
                Some(json) => serde_json::from_str(&json).map_err(|_| broken("table of values"))?,
                None => BTreeMap::new(),
            };
            let transform = Transform::parse(&row.get::<_, String>(7)?).ok_or_else(|| broken("transform"))?;
            let (scale_min, scale_max): (Option<f64>, Option<f64>) = (row.get(3)?, row.get(4)?);
            let (Some(scale_min), Some(scale_max)) = (scale_min, scale_max) else { return Err(broken("scale")) };
            list.push(Criterion {
                name_nb: row.get(1)?,
                name_en: row.get(2)?,
                scale_min,
                scale_max,
                derived_from,
                values,
                transform,
                higher_is_better: row.get(8)?,
                default_weight: row.get(9)?,
                weight: row.get(10)?,
                code,
            });
        }
        Ok(Criteria { list })
    }

    /// Stores the weights in use (aligned with [`Store::criteria`]), logging each change.
    pub fn set_weights(&mut self, criteria: &Criteria, weights: &Weights, who: &str) -> Result<()> {
        if weights.len() != criteria.len() {
            return Err(ScoringProblem::WeightsMismatch { weights: weights.len(), criteria: criteria.len() }.into());
        }
        let at = crate::now();
        let tx = self.conn_mut().transaction()?;
        for (criterion, &weight) in criteria.iter().zip(weights.as_slice()) {
            let old: f64 =
                tx.query_row("SELECT weight FROM criteria WHERE code = ?1", [&criterion.code], |r| r.get(0))?;
            #[allow(clippy::float_cmp)] // a weight set to the very number it had is no change
            if old == weight {
                continue;
            }
            tx.execute("UPDATE criteria SET weight = ?1 WHERE code = ?2", params![weight, criterion.code])?;
            tx.execute(
                "INSERT INTO change_log (at, who, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![at, who, format!("weight:{}", criterion.code), format_number(old), format_number(weight)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// The active initiatives with what scoring needs, in id order.
    pub fn score_candidates(&self) -> Result<Vec<Candidate>> {
        let mut stmt = self.conn().prepare(
            "SELECT i.id, i.source_key, i.title, COALESCE(a.code, i.agency_text), i.phase, i.risk,
                    i.amount_nok, i.total_cost_nok
             FROM initiatives i LEFT JOIN organisations a ON a.id = i.agency_id
             WHERE i.status = 'active' ORDER BY i.id",
        )?;
        let mut candidates: Vec<Candidate> = stmt
            .query_map([], |r| {
                Ok(Candidate {
                    id: r.get(0)?,
                    key: r.get(1)?,
                    title: r.get(2)?,
                    agency: r.get(3)?,
                    ministries: Vec::new(),
                    life_events: 0,
                    phase: r.get(4)?,
                    risk: r.get(5)?,
                    amount_nok: r.get(6)?,
                    total_cost_nok: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        // Separate passes over the link tables: one scan each instead of two subqueries per row.
        let mut stmt = self.conn().prepare(
            "SELECT m.initiative_id, o.code FROM initiative_ministries m JOIN organisations o ON o.id = m.ministry_id
             ORDER BY m.initiative_id, m.position",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if let Ok(index) = candidates.binary_search_by_key(&id, |c| c.id) {
                candidates[index].ministries.push(row.get(1)?);
            }
        }
        let mut stmt =
            self.conn().prepare("SELECT initiative_id, count(*) FROM initiative_life_events GROUP BY initiative_id")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            if let Ok(index) = candidates.binary_search_by_key(&id, |c| c.id) {
                candidates[index].life_events = row.get::<_, i64>(1)? as usize;
            }
        }
        Ok(candidates)
    }

    /// Every stored manual score as (initiative id, criterion index in `criteria`, value).
    pub fn manual_scores(&self, criteria: &Criteria) -> Result<Vec<(i64, usize, f64)>> {
        let mut stmt = self.conn().prepare(
            "SELECT s.initiative_id, c.code, s.value FROM scores s JOIN criteria c ON c.id = s.criterion_id
             WHERE c.active = 1",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let code: String = row.get(1)?;
            if let Some(column) = criteria.index_of_code(&code) {
                out.push((row.get(0)?, column, row.get(2)?));
            }
        }
        Ok(out)
    }

    /// The score matrix of every active initiative under the criteria in use.
    pub fn score_matrix(&self) -> Result<ScoreMatrix> {
        let criteria = self.criteria()?;
        let manual = self.manual_scores(&criteria)?;
        let candidates = self.score_candidates()?;
        Ok(ScoreMatrix::new(criteria, candidates, manual))
    }

    /// Sets (or with None clears) one manual score and logs it. `criterion` is a code or a
    /// name. Returns the edit, for undo.
    pub fn set_score(
        &mut self,
        initiative_id: i64,
        criterion: &str,
        value: Option<f64>,
        who: &str,
    ) -> Result<ScoreEdit> {
        let criteria = self.criteria()?;
        let at = crate::now();
        let tx = self.conn_mut().transaction()?;
        let edit = write_score(&tx, &criteria, initiative_id, criterion, value, who, &at)?;
        tx.commit()?;
        Ok(edit)
    }

    /// Sets many scores in one transaction: all of them, or on any error none.
    pub fn set_scores(&mut self, scores: &[(i64, String, Option<f64>)], who: &str) -> Result<Vec<ScoreEdit>> {
        self.write_scores(scores, who, true)
    }

    /// Like [`Store::set_scores`]; with `commit` false the transaction is rolled back, so the
    /// edits say what would change (a dry run).
    pub fn write_scores(
        &mut self,
        scores: &[(i64, String, Option<f64>)],
        who: &str,
        commit: bool,
    ) -> Result<Vec<ScoreEdit>> {
        let criteria = self.criteria()?;
        let at = crate::now();
        let tx = self.conn_mut().transaction()?;
        let mut edits = Vec::with_capacity(scores.len());
        for (id, criterion, value) in scores {
            edits.push(write_score(&tx, &criteria, *id, criterion, *value, who, &at)?);
        }
        if commit {
            tx.commit()?;
        } else {
            tx.rollback()?;
        }
        Ok(edits)
    }

    /// Every initiative (active or withdrawn) as (id, source label, key in the source).
    pub fn initiative_keys(&self) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn().prepare(
            "SELECT i.id, s.label, i.source_key FROM initiatives i JOIN sources s ON s.id = i.source_id ORDER BY i.id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Writes an edit (an undo or redo from [`crate::scoring::UndoStack`]) and logs it.
    pub fn apply_score_edit(&mut self, edit: &ScoreEdit, who: &str) -> Result<ScoreEdit> {
        self.set_score(edit.initiative_id, &edit.criterion, edit.new, who)
    }

    /// The stored score of one cell, if any (for tests and detail screens).
    pub fn score(&self, initiative_id: i64, code: &str) -> Result<Option<f64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT s.value FROM scores s JOIN criteria c ON c.id = s.criterion_id
                 WHERE s.initiative_id = ?1 AND c.code = ?2",
                params![initiative_id, code],
                |r| r.get(0),
            )
            .optional()?)
    }
}

fn write_score(
    tx: &Transaction<'_>,
    criteria: &Criteria,
    initiative_id: i64,
    criterion: &str,
    value: Option<f64>,
    who: &str,
    at: &str,
) -> Result<ScoreEdit> {
    let definition = &criteria.list[criteria.require(criterion)?];
    if let Some(field) = definition.derived_from {
        return Err(ScoringProblem::Derived { criterion: definition.code.clone(), field: field.name() }.into());
    }
    if let Some(v) = value {
        definition.check_value(v)?;
    }
    let exists: Option<i64> =
        tx.query_row("SELECT id FROM initiatives WHERE id = ?1", [initiative_id], |r| r.get(0)).optional()?;
    if exists.is_none() {
        return Err(StoreProblem::NoSuchInitiative(initiative_id).into());
    }
    let criterion_id: i64 =
        tx.query_row("SELECT id FROM criteria WHERE code = ?1", [&definition.code], |r| r.get(0))?;
    let old: Option<f64> = tx
        .query_row(
            "SELECT value FROM scores WHERE initiative_id = ?1 AND criterion_id = ?2",
            params![initiative_id, criterion_id],
            |r| r.get(0),
        )
        .optional()?;
    let edit = ScoreEdit { initiative_id, criterion: definition.code.clone(), old, new: value };
    if !edit.changed() {
        return Ok(edit);
    }
    match value {
        Some(v) => tx.execute(
            "INSERT INTO scores (initiative_id, criterion_id, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (initiative_id, criterion_id) DO UPDATE SET
                 value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
            params![initiative_id, criterion_id, v, at, who],
        )?,
        None => tx.execute(
            "DELETE FROM scores WHERE initiative_id = ?1 AND criterion_id = ?2",
            params![initiative_id, criterion_id],
        )?,
    };
    tx.execute(
        "INSERT INTO change_log (at, who, initiative_id, field, old_value, new_value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            at,
            who,
            initiative_id,
            score_field(&definition.code),
            old.map(format_number),
            value.map(format_number)
        ],
    )?;
    Ok(edit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn store_with_initiatives() -> Store {
        let mut store = Store::open_in_memory().expect("store");
        let csv = "key,title,agency,ministries,life_events,amount_nok,phase,risk\n\
                   A-1,Felles dødsbo,Digdir,DFD|FIN,dodsfall-og-arv,12500000,Konsept,Høy\n\
                   A-2,Ny i Norge,IMDi,,ny-i-norge,3000000,Idé,Lav\n";
        crate::import::import_bytes(
            &mut store,
            csv.as_bytes(),
            "egne.csv",
            "egne.csv",
            &crate::import::ImportOptions { analyst: "test".into(), ..Default::default() },
            &ReferenceSource::builtin(),
        )
        .expect("import");
        store
    }

    #[test]
    fn a_new_database_has_the_criteria_seeded() {
        let store = Store::open_in_memory().expect("store");
        let criteria = store.criteria().expect("criteria");
        assert_eq!(criteria, crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("built-in"));
    }

    #[test]
    fn a_database_from_before_scoring_gets_the_criteria_when_migrated() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("old.db");
        {
            let conn = rusqlite::Connection::open(&path).expect("create");
            conn.execute_batch(crate::store::schema::MIGRATIONS[0]).expect("version 1");
            conn.pragma_update(None, "application_id", crate::store::schema::APPLICATION_ID).expect("id");
            conn.pragma_update(None, "user_version", 1).expect("version");
        }
        let store = Store::open(&path, crate::store::OpenMode::Existing, &ReferenceSource::builtin()).expect("open");
        assert_eq!(store.schema_version().expect("version"), crate::store::schema::latest_version());
        assert_eq!(store.criteria().expect("criteria").len(), 8);
        assert!(store.scenarios().expect("scenarios").is_empty());
    }

    #[test]
    fn scores_are_set_logged_cleared_and_checked() {
        let mut store = store_with_initiatives();
        let edit = store.set_score(1, "Samfunnsnytte", Some(4.0), "kari").expect("set");
        assert_eq!(edit, ScoreEdit { initiative_id: 1, criterion: "nytte".into(), old: None, new: Some(4.0) });
        assert_eq!(store.score(1, "nytte").expect("read"), Some(4.0));
        let again = store.set_score(1, "nytte", Some(4.0), "kari").expect("same");
        assert!(!again.changed());
        store.apply_score_edit(&edit.inverse(), "kari").expect("undo");
        assert_eq!(store.score(1, "nytte").expect("read"), None);
        let history = store.history(1).expect("history");
        let scored: Vec<_> = history.iter().filter(|c| c.field == "score:nytte").collect();
        assert_eq!(scored.len(), 2, "set and undo are both logged, the unchanged set is not");
        assert_eq!((scored[0].old_value.as_deref(), scored[0].new_value.as_deref()), (None, Some("4")));
        assert_eq!(scored[0].who, "kari");

        assert!(store.set_score(1, "nytte", Some(7.0), "kari").expect_err("scale").to_string().contains("outside"));
        assert!(store.set_score(1, "risiko", Some(2.0), "kari").expect_err("derived").to_string().contains("derived"));
        assert!(store.set_score(99, "nytte", Some(2.0), "kari").expect_err("id").to_string().contains("99"));
        let batch = vec![(1, "nytte".to_string(), Some(5.0)), (2, "nytte".to_string(), Some(9.0))];
        assert!(store.set_scores(&batch, "kari").is_err());
        assert_eq!(store.score(1, "nytte").expect("read"), None, "a failed batch writes nothing");
    }

    #[test]
    fn the_matrix_holds_derived_and_manual_scores() {
        let mut store = store_with_initiatives();
        store.set_score(2, "strategi", Some(5.0), "kari").expect("set");
        let matrix = store.score_matrix().expect("matrix");
        assert_eq!(matrix.len(), 2);
        let criteria = matrix.criteria();
        let row = matrix.row_of(1).expect("row");
        assert_eq!(matrix.row(row).ministries, vec!["DFD".to_string(), "FIN".to_string()]);
        assert_eq!(matrix.value(row, criteria.require("tverrsektor").expect("c")), Some(2.0));
        assert_eq!(matrix.value(row, criteria.require("brukereffekt").expect("c")), Some(1.0));
        assert_eq!(matrix.value(row, criteria.require("risiko").expect("c")), Some(3.0));
        assert_eq!(matrix.value(row, criteria.require("kostnad").expect("c")), Some(12.5));
        assert_eq!(matrix.value(matrix.row_of(2).expect("row"), criteria.require("strategi").expect("c")), Some(5.0));
    }

    #[test]
    fn weights_are_kept_across_a_sync_unless_still_at_the_default() {
        let mut store = store_with_initiatives();
        let criteria = store.criteria().expect("criteria");
        let mut weights = Weights::current(&criteria);
        weights.set(0, 50.0).expect("set");
        store.set_weights(&criteria, &weights, "kari").expect("save");
        let dir = tempfile::tempdir().expect("dir");
        let text = crate::reference::CRITERIA.builtin.replace("weight = 15", "weight = 30");
        std::fs::write(dir.path().join("criteria.toml"), text).expect("write");
        store.sync_reference(&ReferenceSource::with_user_dir(dir.path())).expect("sync");
        let after = store.criteria().expect("criteria");
        assert_eq!(after.list[0].weight, 50.0, "the analyst's weight stays");
        let brukereffekt = &after.list[after.require("brukereffekt").expect("c")];
        assert_eq!((brukereffekt.weight, brukereffekt.default_weight), (30.0, 30.0));

        // A criterion the file drops is retired; its scores are kept for when it returns.
        store.set_score(1, "analyse", Some(3.0), "kari").expect("set");
        let without = crate::reference::CRITERIA.builtin.replace("code = \"analyse\"", "code = \"analyse2\"");
        std::fs::write(dir.path().join("criteria.toml"), without).expect("write");
        store.sync_reference(&ReferenceSource::with_user_dir(dir.path())).expect("sync");
        assert!(store.criteria().expect("criteria").find("analyse").is_none());
        assert_eq!(store.score(1, "analyse").expect("kept"), Some(3.0));
    }
}
