//! Reading the portfolio from the store in a few flat queries.

use super::{LifeEventName, Portfolio, Row};
use crate::error::Result;
use crate::store::Store;
use crate::text::fold;
use std::collections::HashMap;

impl Portfolio {
    /// Loads every initiative, withdrawn ones included (screens hide them by default).
    pub fn load(store: &Store) -> Result<Self> {
        Self::load_limited(store, None)
    }

    /// Loads the first `limit` initiatives by id: enough to draw a first screen at once
    /// while the rest loads.
    pub fn load_first(store: &Store, limit: usize) -> Result<Self> {
        Self::load_limited(store, Some(limit))
    }

    fn load_limited(store: &Store, limit: Option<usize>) -> Result<Self> {
        let data = store.portfolio_data(limit)?;
        let mut portfolio = Portfolio {
            ministries: data.ministries.iter().map(|(_, code)| code.clone()).collect(),
            life_events: data
                .life_events
                .iter()
                .map(|(_, code, nb, en)| LifeEventName { code: code.clone(), name_nb: nb.clone(), name_en: en.clone() })
                .collect(),
            phases: data.phases.clone(),
            risks: data.risks.clone(),
            ..Portfolio::default()
        };
        let ministry_index: HashMap<i64, u16> =
            data.ministries.iter().enumerate().map(|(i, (id, _))| (*id, i as u16)).collect();
        let event_index: HashMap<i64, u16> =
            data.life_events.iter().enumerate().map(|(i, (id, ..))| (*id, i as u16)).collect();
        let mut sources: HashMap<String, u16> = HashMap::new();
        let mut files: HashMap<String, u16> = HashMap::new();
        portfolio.rows.reserve(data.rows.len());
        for raw in data.rows {
            let folded_title = match &raw.agency {
                Some(agency) => fold(&format!("{} {} {}", raw.title, agency, raw.key)),
                None => fold(&format!("{} {}", raw.title, raw.key)),
            };
            let folded_description = raw.description.as_deref().map(fold).unwrap_or_default();
            let phase = term_index(&mut portfolio.phases, raw.phase);
            let risk = term_index(&mut portfolio.risks, raw.risk);
            portfolio.rows.push(Row {
                id: raw.id,
                key: raw.key.into(),
                source: intern(&mut portfolio.sources, &mut sources, raw.source),
                source_file: intern(&mut portfolio.source_files, &mut files, raw.source_file),
                title: raw.title.into(),
                agency: raw.agency.map(Into::into),
                ministries: Vec::new(),
                life_events: Vec::new(),
                tags: Vec::new(),
                amount_nok: raw.amount_nok,
                budget_year: raw.budget_year,
                phase,
                risk,
                withdrawn: raw.withdrawn,
                folded_title: folded_title.into(),
                folded_description: folded_description.into(),
            });
        }
        for (id, ministry) in data.ministry_links {
            if let (Some(position), Some(index)) = (portfolio.position(id), ministry_index.get(&ministry)) {
                portfolio.rows[position].ministries.push(*index);
            }
        }
        for (id, event) in data.life_event_links {
            if let (Some(position), Some(index)) = (portfolio.position(id), event_index.get(&event)) {
                portfolio.rows[position].life_events.push(*index);
            }
        }
        for row in &mut portfolio.rows {
            row.life_events.sort_unstable();
        }
        for (id, tag) in data.tags {
            if let Some(position) = portfolio.position(id) {
                portfolio.rows[position].tags.push(tag.into());
            }
        }
        Ok(portfolio)
    }
}

/// `value`'s index in `table`, added at its end when new; `map` finds it again fast.
fn intern(table: &mut Vec<String>, map: &mut HashMap<String, u16>, value: String) -> u16 {
    if let Some(index) = map.get(&value) {
        return *index;
    }
    let index = table.len() as u16;
    table.push(value.clone());
    map.insert(value, index);
    index
}

/// A phase's or risk's index in `table` (a short list), added when new; None for no value,
/// or a new one when the table is full.
pub(super) fn term_index(table: &mut Vec<String>, value: Option<String>) -> Option<u8> {
    let value = value?;
    match table.iter().position(|t| *t == value) {
        Some(index) => Some(index as u8),
        None if table.len() < u8::MAX as usize => {
            table.push(value);
            Some((table.len() - 1) as u8)
        }
        None => None,
    }
}
