//! The owner by life-event matrix: where many ministries build for the same life event
//! (crowding), and where no one does (gaps).

use crate::portfolio::{Portfolio, View};

/// Number of initiatives and their total requested amount.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cell {
    pub count: usize,
    pub amount_nok: i64,
}

impl Cell {
    fn add(&mut self, amount: Option<i64>) {
        self.count += 1;
        self.amount_nok += amount.unwrap_or(0);
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatrixRow {
    /// The ministry's code; None for initiatives with no owner ministry.
    pub code: Option<String>,
    /// One cell per life event (portfolio order), then one for "no life event".
    pub cells: Vec<Cell>,
    pub total: Cell,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub rows: Vec<MatrixRow>,
    /// Column totals, counting each initiative once per life event.
    pub totals: Vec<Cell>,
}

impl Matrix {
    /// The matrix of the rows a view shows. A joint initiative counts under each of its
    /// ministries, one with several life events under each of them.
    pub fn of(portfolio: &Portfolio, view: &View) -> Self {
        let columns = portfolio.life_events.len() + 1;
        let mut by_ministry: Vec<MatrixRow> = portfolio
            .ministries
            .iter()
            .map(|code| MatrixRow {
                code: Some(code.clone()),
                cells: vec![Cell::default(); columns],
                total: Cell::default(),
            })
            .collect();
        let mut unowned = MatrixRow { code: None, cells: vec![Cell::default(); columns], total: Cell::default() };
        let mut totals = vec![Cell::default(); columns];
        for index in &view.rows {
            let row = &portfolio.rows[*index as usize];
            let events: Vec<usize> = if row.life_events.is_empty() {
                vec![columns - 1]
            } else {
                row.life_events.iter().map(|e| *e as usize).collect()
            };
            for event in &events {
                totals[*event].add(row.amount_nok);
            }
            let targets: Vec<&mut MatrixRow> = if row.ministries.is_empty() {
                vec![&mut unowned]
            } else {
                let wanted: Vec<usize> = row.ministries.iter().map(|m| *m as usize).collect();
                by_ministry.iter_mut().enumerate().filter(|(i, _)| wanted.contains(i)).map(|(_, r)| r).collect()
            };
            for target in targets {
                target.total.add(row.amount_nok);
                for event in &events {
                    target.cells[*event].add(row.amount_nok);
                }
            }
        }
        let mut rows: Vec<MatrixRow> = by_ministry.into_iter().filter(|r| r.total.count > 0).collect();
        if unowned.total.count > 0 {
            rows.push(unowned);
        }
        Self { rows, totals }
    }
}
