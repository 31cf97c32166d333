//! The analyst's decisions on pairs of initiatives (parallel solutions), as exports and the
//! brief read them.

use super::Store;
use crate::error::Result;
use serde::Serialize;

/// What the analyst decided about two initiatives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PairVerdict {
    /// The same effort, registered twice.
    Duplicate,
    /// Different efforts that solve part of the same problem.
    Overlap,
    /// Looked alike, but are not.
    Distinct,
}

impl PairVerdict {
    fn parse(text: &str) -> Self {
        match text {
            "duplicate" => Self::Duplicate,
            "overlap" => Self::Overlap,
            _ => Self::Distinct,
        }
    }
}

/// One decided pair; `a` is the lower id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairDecision {
    pub a: i64,
    pub b: i64,
    pub verdict: PairVerdict,
    pub note: Option<String>,
    pub decided_at: String,
    pub decided_by: String,
}

impl Store {
    /// Every decided pair, in id order.
    pub fn pair_decisions(&self) -> Result<Vec<PairDecision>> {
        let mut stmt = self.conn().prepare(
            "SELECT initiative_a, initiative_b, decision, note, decided_at, decided_by FROM duplicate_decisions
             ORDER BY initiative_a, initiative_b",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(PairDecision {
                a: r.get(0)?,
                b: r.get(1)?,
                verdict: PairVerdict::parse(&r.get::<_, String>(2)?),
                note: r.get(3)?,
                decided_at: r.get(4)?,
                decided_by: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
