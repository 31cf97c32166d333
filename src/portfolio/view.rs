//! What a screen shows: the rows a filter and a search keep, in the chosen order.

use super::filter::Filter;
use super::search::Search;
use super::{Portfolio, Row};
use crate::text::norwegian_sort_key;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortColumn {
    #[default]
    Id,
    Title,
    Agency,
    Ministry,
    LifeEvents,
    Amount,
    Phase,
    Risk,
    Source,
}

impl SortColumn {
    pub const ALL: [SortColumn; 9] = [
        SortColumn::Id,
        SortColumn::Title,
        SortColumn::Agency,
        SortColumn::Ministry,
        SortColumn::LifeEvents,
        SortColumn::Amount,
        SortColumn::Phase,
        SortColumn::Risk,
        SortColumn::Source,
    ];

    /// The next column in the cycle the sort key steps through.
    #[must_use]
    pub fn next(self) -> Self {
        let index = Self::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Self::ALL[(index + 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewQuery {
    pub filter: Filter,
    pub search: Option<Search>,
    pub sort: SortColumn,
    pub descending: bool,
}

/// The rows shown, as indices into the portfolio, with their total amount.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    pub rows: Vec<u32>,
    pub amount_sum_nok: i64,
    /// Rows that pass the filter's status test (the "of N" in "showing n of N").
    pub total: usize,
}

impl Portfolio {
    /// The rows in `column` order, ascending, missing values last; cached per column in
    /// `cache`, so re-sorting by a column already seen costs one pass.
    pub fn order<'c>(&self, column: SortColumn, cache: &'c mut SortCache) -> &'c [u32] {
        cache.orders.entry(column).or_insert_with(|| self.compute_order(column))
    }

    fn compute_order(&self, column: SortColumn) -> Vec<u32> {
        let mut order: Vec<u32> = (0..self.rows.len() as u32).collect();
        let rows = &self.rows;
        let row = |i: &u32| &rows[*i as usize];
        match column {
            SortColumn::Id => {}
            SortColumn::Title => order.sort_by_cached_key(|i| norwegian_sort_key(&row(i).title)),
            SortColumn::Agency => order
                .sort_by_cached_key(|i| (row(i).agency.is_none(), row(i).agency.as_deref().map(norwegian_sort_key))),
            SortColumn::Ministry => order.sort_by_cached_key(|i| {
                let lead = row(i).ministries.first().and_then(|m| self.ministries.get(*m as usize));
                (lead.is_none(), lead.cloned())
            }),
            SortColumn::LifeEvents => {
                order.sort_by_key(|i| (row(i).life_events.is_empty(), row(i).life_events.first().copied()));
            }
            SortColumn::Amount => order.sort_by_key(|i| (row(i).amount_nok.is_none(), row(i).amount_nok)),
            SortColumn::Phase => order.sort_by_key(|i| (row(i).phase.is_none(), row(i).phase)),
            SortColumn::Risk => order.sort_by_key(|i| (row(i).risk.is_none(), row(i).risk)),
            SortColumn::Source => order.sort_by_cached_key(|i| {
                norwegian_sort_key(self.sources.get(row(i).source as usize).map_or("", String::as_str))
            }),
        }
        order
    }

    /// The view a query gives. `within`, when given, holds the rows of a previous view
    /// this query can only narrow (the same filter and order, a longer search), so only
    /// those are tested.
    pub fn view(&self, query: &ViewQuery, cache: &mut SortCache, within: Option<&[u32]>) -> View {
        let keep = |row: &Row| query.filter.matches(row);
        let mut tiers: [Vec<u32>; 3] = Default::default();
        let mut total = 0usize;
        let mut visit = |index: u32| {
            let row = &self.rows[index as usize];
            if !keep(row) {
                return;
            }
            match &query.search {
                None => tiers[0].push(index),
                Some(search) => {
                    if let Some(tier) = search.tier(row) {
                        tiers[tier as usize].push(index);
                    }
                }
            }
        };
        if let Some(rows) = within {
            rows.iter().copied().for_each(&mut visit);
        } else {
            let order = self.order(query.sort, cache);
            if query.descending {
                // Missing values stay last when the order is reversed.
                let (present, missing) = split_missing(self, query.sort, order);
                present.iter().rev().chain(missing.iter()).copied().for_each(&mut visit);
            } else {
                order.iter().copied().for_each(&mut visit);
            }
        }
        let [mut rows, second, third] = tiers;
        rows.extend(second);
        rows.extend(third);
        let status = |row: &Row| match query.filter.status {
            super::filter::StatusFilter::Active => !row.withdrawn,
            super::filter::StatusFilter::Withdrawn => row.withdrawn,
            super::filter::StatusFilter::All => true,
        };
        total += self.rows.iter().filter(|r| status(r)).count();
        let amount_sum_nok = rows.iter().filter_map(|i| self.rows[*i as usize].amount_nok).sum();
        View { rows, amount_sum_nok, total }
    }
}

/// Splits an ascending order into rows with a value for `column` and rows without.
fn split_missing<'o>(portfolio: &Portfolio, column: SortColumn, order: &'o [u32]) -> (&'o [u32], &'o [u32]) {
    let missing = |i: &u32| {
        let row = &portfolio.rows[*i as usize];
        match column {
            SortColumn::Agency => row.agency.is_none(),
            SortColumn::Ministry => row.ministries.is_empty(),
            SortColumn::LifeEvents => row.life_events.is_empty(),
            SortColumn::Amount => row.amount_nok.is_none(),
            SortColumn::Phase => row.phase.is_none(),
            SortColumn::Risk => row.risk.is_none(),
            SortColumn::Id | SortColumn::Title | SortColumn::Source => false,
        }
    };
    let split = order.partition_point(|i| !missing(i));
    order.split_at(split)
}

/// Sorted orders computed so far, per column. Cleared when the portfolio changes.
#[derive(Debug, Clone, Default)]
pub struct SortCache {
    orders: HashMap<SortColumn, Vec<u32>>,
}

impl SortCache {
    pub fn clear(&mut self) {
        self.orders.clear();
    }
}
