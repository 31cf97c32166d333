//! Saved scenarios (weights, frame, locks and mode under a name) and the priority screens'
//! working state, so an analyst comes back to the frame and mode they left.

use super::Store;
use super::scoring::to_json;
use crate::dedupe::{Decision, ServiceKinds, Threshold};
use crate::error::{Error, PrioritiesError, Result};
use crate::scoring::{Duplicates, Mode, PriorityState, Scenario, ScoreMatrix};
use crate::text::{closest, fold};
use rusqlite::params;

/// The `meta` key of the working state.
const STATE_KEY: &str = "priority_state";
/// Above this many initiatives `samla rank` does not work out the open candidate pairs: the
/// analysis took 6 s of a 6 s `rank` at 100 000 (release build, load 6), where the ranking
/// itself takes a fifth of a second. The analyst's decisions always count; the terminal UI
/// marks open pairs from the queue it builds in the background anyway.
pub const LIKELY_PAIRS_LIMIT: usize = 20_000;

impl Store {
    /// Saves a scenario, replacing one of the same name.
    pub fn save_scenario(&self, scenario: &Scenario) -> Result<()> {
        let name = scenario.name.trim();
        if name.is_empty() {
            return Err(Error::Priorities(PrioritiesError::ScenarioWithoutName));
        }
        self.conn().execute(
            "INSERT INTO scenarios (name, weights, budget_nok, resolution_nok, locked_in, locked_out, saved_at, saved_by, mode)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (name) DO UPDATE SET weights = excluded.weights, budget_nok = excluded.budget_nok,
                 resolution_nok = excluded.resolution_nok, locked_in = excluded.locked_in,
                 locked_out = excluded.locked_out, saved_at = excluded.saved_at, saved_by = excluded.saved_by,
                 mode = excluded.mode",
            params![
                name,
                to_json(&scenario.weights)?,
                scenario.budget_nok,
                scenario.resolution_nok,
                to_json(&scenario.locked_in)?,
                to_json(&scenario.locked_out)?,
                scenario.saved_at,
                scenario.saved_by,
                scenario.mode.code(),
            ],
        )?;
        Ok(())
    }

    /// Every saved scenario, by name.
    pub fn scenarios(&self) -> Result<Vec<Scenario>> {
        let mut stmt = self.conn().prepare(
            "SELECT name, weights, budget_nok, resolution_nok, locked_in, locked_out, saved_at, saved_by, mode
             FROM scenarios ORDER BY name COLLATE norwegian",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get(6)?,
                    r.get(7)?,
                    r.get::<_, String>(8)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, weights, budget_nok, resolution_nok, locked_in, locked_out, saved_at, saved_by, mode)| {
                let broken = |e: serde_json::Error| Error::Database {
                    path: self.path().to_path_buf(),
                    message: format!("scenario '{name}' is unreadable: {e}"),
                };
                Ok(Scenario {
                    weights: serde_json::from_str(&weights).map_err(broken)?,
                    locked_in: serde_json::from_str(&locked_in).map_err(broken)?,
                    locked_out: serde_json::from_str(&locked_out).map_err(broken)?,
                    name,
                    budget_nok,
                    resolution_nok,
                    saved_at,
                    saved_by,
                    // A mode this samla does not know (a newer one wrote it) reads as the default.
                    mode: Mode::parse(&mode).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// The scenario of this name (case and accents ignored), or an error naming close ones.
    pub fn scenario(&self, name: &str) -> Result<Scenario> {
        let mut all = self.scenarios()?;
        let wanted = fold(name);
        if let Some(index) =
            all.iter().position(|s| s.name == name).or_else(|| all.iter().position(|s| fold(&s.name) == wanted))
        {
            return Ok(all.swap_remove(index));
        }
        let names: Vec<String> = all.iter().map(|s| s.name.clone()).collect();
        let mut hint = closest(name, names.iter().map(String::as_str), 3);
        if hint.is_empty() && names.len() <= 12 {
            hint = names;
        }
        Err(Error::unknown("scenario", name, &hint))
    }

    /// Deletes a scenario; false when there was none of that name.
    pub fn delete_scenario(&self, name: &str) -> Result<bool> {
        Ok(self.conn().execute("DELETE FROM scenarios WHERE name = ?1", [name])? > 0)
    }

    /// The priority screens' working state: frame, mode and locks (weights are stored with
    /// the criteria). None before anything was set.
    pub fn priority_state(&self) -> Result<Option<PriorityState>> {
        let Some(text) = self.meta(STATE_KEY)? else { return Ok(None) };
        // A state this samla cannot read (written by a newer one) is started afresh.
        Ok(serde_json::from_str(&text).ok())
    }

    pub fn set_priority_state(&self, state: &PriorityState) -> Result<()> {
        self.set_meta(STATE_KEY, &to_json(state)?)
    }

    /// The duplicate marks of a ranking: the analyst's decisions, and the open candidate pairs
    /// of the review queue up to [`LIKELY_PAIRS_LIMIT`] initiatives.
    pub fn plan_duplicates(
        &self,
        matrix: &ScoreMatrix,
        kinds: &ServiceKinds,
        threshold: impl Into<Threshold>,
    ) -> Result<Duplicates> {
        let decisions: Vec<(i64, i64, Decision)> =
            self.duplicate_decisions()?.into_iter().map(|d| (d.a, d.b, d.decision)).collect();
        let open: Vec<(i64, i64)> = if matrix.len() <= LIKELY_PAIRS_LIMIT {
            self.review_queue(kinds, threshold)?.open().map(|i| (i.pair.a, i.pair.b)).collect()
        } else {
            Vec::new()
        };
        Ok(Duplicates::new(matrix, &decisions, &open))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenarios_round_trip_by_name() {
        let store = Store::open_in_memory().expect("store");
        let scenario = Scenario {
            name: "Mars-møtet".into(),
            weights: [("nytte".to_string(), 2.0)].into_iter().collect(),
            budget_nok: Some(500_000_000),
            locked_in: vec![3],
            saved_at: "2026-11-28T10:00:00+01:00".into(),
            saved_by: "kari".into(),
            mode: Mode::MostBenefit,
            ..Scenario::default()
        };
        store.save_scenario(&scenario).expect("save");
        assert_eq!(store.scenario("mars-motet").expect("folded name"), scenario);
        store.save_scenario(&Scenario { budget_nok: None, ..scenario.clone() }).expect("replace");
        assert_eq!(store.scenarios().expect("all").len(), 1);
        assert!(store.scenario("april").is_err());
        assert!(store.delete_scenario("Mars-møtet").expect("delete"));
    }

    #[test]
    fn the_working_state_is_kept() {
        let store = Store::open_in_memory().expect("store");
        assert_eq!(store.priority_state().expect("none yet"), None);
        let state = PriorityState {
            frame_nok: Some(500_000_000),
            mode: Mode::ValueForMoney,
            locked_in: vec![4],
            locked_out: vec![],
        };
        store.set_priority_state(&state).expect("save");
        assert_eq!(store.priority_state().expect("read"), Some(state));
        store.set_meta(STATE_KEY, "{not json").expect("garble");
        assert_eq!(store.priority_state().expect("unreadable starts afresh"), None);
    }
}
