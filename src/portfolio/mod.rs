//! The whole portfolio in memory, for screens that filter, sort and search as the analyst
//! types: 100 000 initiatives take a few tens of megabytes and every view is computed in
//! milliseconds, with no query to the database per keystroke.

mod filter;
mod load;
pub mod matrix;
mod search;
mod view;

pub use filter::{AmountRange, Filter, FilterError, parse_filter, tokens};
pub use filter::{Clause, StatusFilter, Test};
pub use search::{Search, highlight_positions};
pub use view::{SortCache, SortColumn, View, ViewQuery};

/// One initiative as the screens need it. Codes are indices into the portfolio's tables, so
/// filtering compares small integers.
#[derive(Debug, Clone)]
pub struct Row {
    pub id: i64,
    pub key: Box<str>,
    pub source: u16,
    pub source_file: u16,
    pub title: Box<str>,
    /// The owner's code, or the text the file gave when it matched nothing known.
    pub agency: Option<Box<str>>,
    /// Indices into [`Portfolio::ministries`], the lead first.
    pub ministries: Vec<u16>,
    /// Indices into [`Portfolio::life_events`], in reference order.
    pub life_events: Vec<u16>,
    pub tags: Vec<Box<str>>,
    pub amount_nok: Option<i64>,
    pub budget_year: Option<i32>,
    /// Index into [`Portfolio::phases`].
    pub phase: Option<u8>,
    /// Index into [`Portfolio::risks`].
    pub risk: Option<u8>,
    pub withdrawn: bool,
    /// Folded title and owner, for search.
    pub(crate) folded_title: Box<str>,
    /// Folded description, for search. The description as written is not kept (at a
    /// million initiatives it is 0.14 GB): a screen that shows one reads it from the store.
    pub(crate) folded_description: Box<str>,
}

/// A life event as screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifeEventName {
    pub code: String,
    pub name_nb: String,
    pub name_en: String,
}

/// Every initiative with the small tables its rows point into.
#[derive(Debug, Clone, Default)]
pub struct Portfolio {
    pub rows: Vec<Row>,
    pub ministries: Vec<String>,
    pub life_events: Vec<LifeEventName>,
    pub sources: Vec<String>,
    pub source_files: Vec<String>,
    /// Phases in their natural order (Idé … Avsluttet), then any others found.
    pub phases: Vec<String>,
    pub risks: Vec<String>,
}

impl Portfolio {
    pub fn ministry_codes<'a>(&'a self, row: &'a Row) -> impl Iterator<Item = &'a str> + 'a {
        row.ministries.iter().filter_map(|m| self.ministries.get(*m as usize).map(String::as_str))
    }

    pub fn phase<'a>(&'a self, row: &Row) -> Option<&'a str> {
        row.phase.and_then(|p| self.phases.get(p as usize)).map(String::as_str)
    }

    pub fn risk<'a>(&'a self, row: &Row) -> Option<&'a str> {
        row.risk.and_then(|r| self.risks.get(r as usize)).map(String::as_str)
    }

    pub fn source<'a>(&'a self, row: &Row) -> &'a str {
        self.sources.get(row.source as usize).map_or("", String::as_str)
    }

    pub fn source_file<'a>(&'a self, row: &Row) -> &'a str {
        self.source_files.get(row.source_file as usize).map_or("", String::as_str)
    }

    /// The index of the row with this id (rows are kept in id order).
    pub fn position(&self, id: i64) -> Option<usize> {
        self.rows.binary_search_by_key(&id, |r| r.id).ok()
    }

    /// Brings one initiative's row up to date with a tagging change, without reloading.
    pub fn apply_state(&mut self, id: i64, state: &crate::model::tagging::FieldState) {
        use crate::model::tagging::FieldState;
        let Some(position) = self.position(id) else { return };
        let index_of = |table: &mut Vec<String>, value: &str| -> u16 {
            if let Some(i) = table.iter().position(|t| t == value) {
                i as u16
            } else {
                table.push(value.to_string());
                (table.len() - 1) as u16
            }
        };
        match state {
            FieldState::LifeEvents(codes) => {
                let mut indices: Vec<u16> = codes
                    .iter()
                    .filter_map(|c| self.life_events.iter().position(|e| e.code == *c).map(|i| i as u16))
                    .collect();
                indices.sort_unstable();
                self.rows[position].life_events = indices;
            }
            FieldState::Owner { agency, agency_text, ministries, .. } => {
                let indices: Vec<u16> = ministries.iter().map(|m| index_of(&mut self.ministries, m)).collect();
                let row = &mut self.rows[position];
                row.ministries = indices;
                row.agency = agency.clone().or_else(|| agency_text.clone()).map(Into::into);
                let folded = match &row.agency {
                    Some(agency) => crate::text::fold(&format!("{} {} {}", row.title, agency, row.key)),
                    None => crate::text::fold(&format!("{} {}", row.title, row.key)),
                };
                row.folded_title = folded.into();
            }
            FieldState::Tags(tags) => self.rows[position].tags = tags.iter().map(|t| t.as_str().into()).collect(),
            // Through the loader's own guard: a table of 255 terms takes no more.
            FieldState::Phase(phase) => self.rows[position].phase = load::term_index(&mut self.phases, phase.clone()),
            FieldState::Risk(risk) => self.rows[position].risk = load::term_index(&mut self.risks, risk.clone()),
        }
    }

    /// Active and withdrawn initiatives.
    pub fn counts(&self) -> (usize, usize) {
        let withdrawn = self.rows.iter().filter(|r| r.withdrawn).count();
        (self.rows.len() - withdrawn, withdrawn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tagging::FieldState;

    fn one_row() -> Portfolio {
        let row = Row {
            id: 1,
            key: "k".into(),
            source: 0,
            source_file: 0,
            title: "t".into(),
            agency: None,
            ministries: Vec::new(),
            life_events: Vec::new(),
            tags: Vec::new(),
            amount_nok: None,
            budget_year: None,
            phase: None,
            risk: None,
            withdrawn: false,
            folded_title: "t".into(),
            folded_description: "".into(),
        };
        Portfolio { rows: vec![row], ..Portfolio::default() }
    }

    #[test]
    fn a_phase_set_by_tagging_never_wraps_into_another_phase() {
        let mut portfolio = one_row();
        portfolio.apply_state(1, &FieldState::Phase(Some("Konsept".into())));
        assert_eq!(portfolio.rows[0].phase, Some(0));
        assert_eq!(portfolio.phases, ["Konsept"]);
        // A full table takes no more: the row is left without a phase rather than pointing
        // at the first one (an index of 256 stored in a byte is 0).
        portfolio.phases = (0..256).map(|n| format!("fase {n}")).collect();
        portfolio.apply_state(1, &FieldState::Phase(Some("ny".into())));
        assert_eq!(portfolio.rows[0].phase, None);
        portfolio.apply_state(1, &FieldState::Risk(Some("Høy".into())));
        assert_eq!(portfolio.rows[0].risk, Some(0));
    }
}
