//! The score matrix: one row per initiative, one column per criterion, held in memory with
//! every value already normalised, so a weight change only needs a weighted sum and a sort.

use super::criteria::{Criteria, Criterion};
use super::derive::{Candidate, derived_value};
use super::edit::ScoreEdit;
use super::normalise::normalise_or_missing;
use crate::error::ScoringProblem;
use crate::error::{Error, Result};

/// Scores of many initiatives on every criterion. Rows are ordered by initiative id.
#[derive(Debug, Clone)]
pub struct ScoreMatrix {
    criteria: Criteria,
    rows: Vec<Candidate>,
    /// Row-major: `values[row * columns + criterion]`; None is a missing score.
    values: Vec<Option<f64>>,
    /// Row-major 0..1, 1 = best, with the missing rule applied.
    normalised: Vec<f64>,
}

impl ScoreMatrix {
    /// Builds the matrix: derived criteria are computed from `rows`, manual ones taken from
    /// `manual` (initiative id, criterion index, value). Manual values for unknown ids or for
    /// derived criteria are ignored (the store never holds such).
    pub fn new(
        criteria: Criteria,
        mut rows: Vec<Candidate>,
        manual: impl IntoIterator<Item = (i64, usize, f64)>,
    ) -> Self {
        rows.sort_by_key(|r| r.id);
        rows.dedup_by_key(|r| r.id);
        let columns = criteria.len();
        let mut values = vec![None; rows.len() * columns];
        for (row, candidate) in rows.iter().enumerate() {
            for (column, criterion) in criteria.iter().enumerate() {
                if !criterion.is_manual() {
                    values[row * columns + column] = derived_value(criterion, candidate);
                }
            }
        }
        let mut matrix = Self { criteria, rows, values, normalised: Vec::new() };
        for (id, column, value) in manual {
            let Some(row) = matrix.row_of(id) else { continue };
            if matrix.criteria.list.get(column).is_some_and(Criterion::is_manual) && value.is_finite() {
                matrix.values[row * columns + column] = Some(value);
            }
        }
        matrix.normalised = matrix
            .values
            .iter()
            .enumerate()
            .map(|(cell, value)| normalise_or_missing(&matrix.criteria.list[cell % columns.max(1)], *value))
            .collect();
        matrix
    }

    /// A matrix from values you already have (benchmarks, tests, imports from elsewhere):
    /// `values` row-major, one row per candidate, None for missing. Values of derived
    /// criteria are taken as given.
    pub fn from_values(criteria: Criteria, rows: Vec<Candidate>, values: Vec<Option<f64>>) -> Result<Self> {
        let columns = criteria.len();
        if values.len() != rows.len() * columns {
            return Err(ScoringProblem::MatrixShape { rows: rows.len(), columns, values: values.len() }.into());
        }
        if rows.windows(2).any(|w| w[0].id >= w[1].id) {
            return Err(ScoringProblem::MatrixOrder.into());
        }
        let normalised = values
            .iter()
            .enumerate()
            .map(|(cell, value)| normalise_or_missing(&criteria.list[cell % columns.max(1)], *value))
            .collect();
        Ok(Self { criteria, rows, values, normalised })
    }

    pub fn criteria(&self) -> &Criteria {
        &self.criteria
    }

    pub fn rows(&self) -> &[Candidate] {
        &self.rows
    }

    pub fn row(&self, row: usize) -> &Candidate {
        &self.rows[row]
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn columns(&self) -> usize {
        self.criteria.len()
    }

    /// The row of an initiative id.
    pub fn row_of(&self, id: i64) -> Option<usize> {
        self.rows.binary_search_by_key(&id, |r| r.id).ok()
    }

    /// The value (on the criterion's own scale), or None when missing.
    pub fn value(&self, row: usize, criterion: usize) -> Option<f64> {
        self.values[row * self.columns() + criterion]
    }

    /// The value normalised to 0..1 (1 = best), the missing rule applied.
    pub fn normalised(&self, row: usize, criterion: usize) -> f64 {
        self.normalised[row * self.columns() + criterion]
    }

    /// Every row's normalised values, row-major (what ranking sums over).
    pub fn normalised_cells(&self) -> &[f64] {
        &self.normalised
    }

    /// The criteria (indices) a row has no value for.
    pub fn missing(&self, row: usize) -> Vec<usize> {
        let columns = self.columns();
        (0..columns).filter(|&c| self.values[row * columns + c].is_none()).collect()
    }

    /// True when the row has a value for every criterion.
    pub fn is_complete(&self, row: usize) -> bool {
        let columns = self.columns();
        self.values[row * columns..(row + 1) * columns].iter().all(Option::is_some)
    }

    /// How many rows are complete, and how many have at least one missing score.
    pub fn completeness(&self) -> (usize, usize) {
        let complete = (0..self.len()).filter(|&r| self.is_complete(r)).count();
        (complete, self.len() - complete)
    }

    /// Sets or clears (None) a manual score in memory, after the same checks as the store.
    pub fn set_manual(&mut self, row: usize, criterion: usize, value: Option<f64>) -> Result<()> {
        let columns = self.columns();
        let definition =
            self.criteria.list.get(criterion).ok_or_else(|| Error::from(ScoringProblem::NoSuchCriterion(criterion)))?;
        if row >= self.rows.len() {
            return Err(ScoringProblem::NoSuchRow(row).into());
        }
        if let Some(field) = definition.derived_from {
            return Err(ScoringProblem::Derived { criterion: definition.code.clone(), field: field.name() }.into());
        }
        if let Some(v) = value {
            definition.check_value(v)?;
        }
        let cell = row * columns + criterion;
        self.values[cell] = value;
        self.normalised[cell] = normalise_or_missing(definition, value);
        Ok(())
    }

    /// Applies a stored edit (or its undo) to the matrix, so screens match the database
    /// without reloading. An initiative not in the matrix (withdrawn) is left alone.
    pub fn apply(&mut self, edit: &ScoreEdit) -> Result<()> {
        let criterion = self.criteria.require(&edit.criterion)?;
        match self.row_of(edit.initiative_id) {
            Some(row) => self.set_manual(row, criterion, edit.new),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn candidates() -> Vec<Candidate> {
        vec![
            Candidate { id: 7, risk: Some("Lav".into()), amount_nok: Some(5_000_000), ..Candidate::default() },
            Candidate { id: 3, ministries: vec!["HOD".into()], life_events: 1, ..Candidate::default() },
        ]
    }

    #[test]
    fn builds_rows_in_id_order_with_derived_and_manual_values() {
        let criteria = crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("criteria");
        let nytte = criteria.require("nytte").expect("nytte");
        let risiko = criteria.require("risiko").expect("risiko");
        let matrix = ScoreMatrix::new(criteria, candidates(), [(7, nytte, 4.0), (99, nytte, 5.0), (7, risiko, 3.0)]);
        assert_eq!(matrix.rows().iter().map(|r| r.id).collect::<Vec<_>>(), vec![3, 7]);
        let row = matrix.row_of(7).expect("row");
        assert_eq!(matrix.value(row, nytte), Some(4.0));
        assert_eq!(matrix.normalised(row, nytte), 0.75);
        assert_eq!(matrix.value(row, risiko), Some(1.0), "derived risk wins over a stray manual value");
        assert!(!matrix.is_complete(row));
        assert_eq!(matrix.normalised(matrix.row_of(3).expect("row"), nytte), 0.5, "missing counts as the middle");
        assert_eq!(matrix.completeness(), (0, 2));
    }

    #[test]
    fn edits_change_one_cell_and_derived_criteria_refuse_them() {
        let criteria = crate::scoring::Criteria::from_reference(&ReferenceSource::builtin()).expect("criteria");
        let mut matrix = ScoreMatrix::new(criteria, candidates(), []);
        let nytte = matrix.criteria().require("nytte").expect("nytte");
        let risiko = matrix.criteria().require("risiko").expect("risiko");
        matrix.set_manual(0, nytte, Some(5.0)).expect("set");
        assert_eq!(matrix.normalised(0, nytte), 1.0);
        assert!(matrix.missing(0).iter().all(|&c| c != nytte));
        matrix.set_manual(0, nytte, None).expect("clear");
        assert!(matrix.missing(0).contains(&nytte));
        assert!(matrix.set_manual(0, nytte, Some(6.0)).is_err());
        let err = matrix.set_manual(0, risiko, Some(2.0)).expect_err("derived").to_string();
        assert!(err.contains("derived from the initiative's risk"), "{err}");
        let edit = ScoreEdit { initiative_id: 7, criterion: "nytte".into(), old: None, new: Some(2.0) };
        matrix.apply(&edit).expect("apply");
        assert_eq!(matrix.value(1, nytte), Some(2.0));
    }
}
