//! Reading each field of one row: owner and ministries, life events, amounts, dates,
//! phases and risks, tags. Each reader fills its part of the values and warns about what
//! it could not read.

use super::{Harmoniser, Memo, SourceValues, collapse};
use crate::import::layout::Field;
use crate::import::read::RawRow;
use crate::import::report::{Warning, WarningKind};
use crate::import::values::{Parsed, parse_amount, parse_date, parse_year, split_list};
use crate::store::lookup::Owner;

/// The row being read and where its warnings go.
pub(super) struct RowContext<'r, 'w> {
    pub row: &'r RawRow,
    pub warnings: &'w mut Vec<Warning>,
}

impl RowContext<'_, '_> {
    fn warn(&mut self, field: Field, raw: &str, kind: WarningKind) {
        self.warnings.push(Warning {
            line: self.row.line,
            field: field.name().to_string(),
            value: raw.to_string(),
            kind,
        });
    }
}

impl Harmoniser<'_> {
    /// The title; a row without one but with a key is named by its key (and warned about),
    /// so nothing the source sent is lost. None when it has neither.
    pub(super) fn read_title(&self, cx: &mut RowContext<'_, '_>) -> Option<String> {
        if let Some(title) = self.text(cx.row, Field::Title).map(collapse).filter(|t| !t.is_empty()) {
            return Some(title.into_owned());
        }
        let key = self.text(cx.row, Field::Key).map(collapse).filter(|k| !k.is_empty())?.into_owned();
        cx.warn(Field::Title, "", WarningKind::NoTitle);
        Some(key)
    }

    /// The owner, and the ministry it belongs to; a municipality the database does not know.
    pub(super) fn read_owner(
        &self,
        memo: &mut Memo,
        values: &mut SourceValues,
        cx: &mut RowContext<'_, '_>,
    ) -> (Option<i64>, Option<String>) {
        let Some(text) = self.text(cx.row, Field::Agency) else { return (None, None) };
        let owner = if let Some(owner) = memo.owners.get(text) {
            owner.clone()
        } else {
            let owner = (!self.vocabulary.is_empty_word(text)).then(|| self.resolver.owner(text));
            memo.owners.insert(text.to_string(), owner.clone());
            owner
        };
        match owner {
            None => (None, None),
            Some(Owner::Known(id)) => {
                values.agency = self.resolver.org(id).map(|o| o.code.clone());
                (self.resolver.ministry_of(id), None)
            }
            Some(Owner::NewMunicipality(name)) => {
                values.agency = Some(name.clone());
                (None, Some(name))
            }
            Some(Owner::Unknown) => {
                values.agency_text = Some(collapse(text).into_owned());
                cx.warn(Field::Agency, text, WarningKind::UnknownOwner);
                (None, None)
            }
        }
    }

    /// The ministries the row names, else the owner's.
    pub(super) fn read_ministries(
        &self,
        memo: &mut Memo,
        agency_ministry: Option<i64>,
        values: &mut SourceValues,
        cx: &mut RowContext<'_, '_>,
    ) {
        let mut ministry_ids: Vec<i64> = Vec::new();
        if let Some(text) = self.text(cx.row, Field::Ministry) {
            let memo = memo.ministries.entry(agency_ministry).or_default();
            let (ids, unknown) = if let Some(named) = memo.get(text) {
                named.clone()
            } else {
                let named = if self.vocabulary.is_empty_word(text) {
                    (Vec::new(), Vec::new())
                } else {
                    self.ministries(text, agency_ministry)
                };
                memo.insert(text.to_string(), named.clone());
                named
            };
            for part in unknown {
                cx.warn(Field::Ministry, &part, WarningKind::UnknownMinistry);
            }
            ministry_ids = ids;
        }
        if ministry_ids.is_empty() {
            ministry_ids.extend(agency_ministry);
        }
        values.ministries =
            ministry_ids.iter().filter_map(|id| self.resolver.org(*id).map(|o| o.code.clone())).collect();
    }

    pub(super) fn read_life_events(&self, memo: &mut Memo, values: &mut SourceValues, cx: &mut RowContext<'_, '_>) {
        let Some(text) = self.text(cx.row, Field::LifeEvents) else { return };
        let (ids, unknown) = memo.life_events.entry(text.to_string()).or_insert_with(|| self.life_events(text)).clone();
        for part in unknown {
            cx.warn(Field::LifeEvents, &part, WarningKind::UnknownLifeEvent);
        }
        values.life_events =
            ids.iter().filter_map(|id| self.resolver.life_event(*id).map(|e| e.code.clone())).collect();
    }

    pub(super) fn read_amounts(&self, values: &mut SourceValues, cx: &mut RowContext<'_, '_>) {
        for field in [Field::AmountNok, Field::TotalCostNok] {
            let Some(mapping) = self.layout.column(field) else { continue };
            let text = cx.row.text(mapping.column).unwrap_or_default();
            let number = cx.row.number(mapping.column);
            let parsed = parse_amount(text, number, mapping.unit_factor.unwrap_or(1), self.vocabulary);
            let slot = if field == Field::AmountNok { &mut values.amount_nok } else { &mut values.total_cost_nok };
            match parsed {
                // A negative sum is no request and no cost: kept out of scores, frames and
                // totals until the source is corrected (the source row keeps it).
                Parsed::Value(nok) if nok < 0 => cx.warn(field, text, WarningKind::NegativeAmount),
                Parsed::Value(nok) => *slot = Some(nok),
                Parsed::Missing => {
                    if field == Field::AmountNok {
                        cx.warn(field, text, WarningKind::NoAmount);
                    }
                }
                Parsed::Invalid(reason) => cx.warn(field, text, WarningKind::NotAnAmount(reason)),
            }
        }
    }

    pub(super) fn read_dates(&self, values: &mut SourceValues, cx: &mut RowContext<'_, '_>) {
        if let Some((text, number)) = self.cell(cx.row, Field::BudgetYear) {
            match parse_year(text, number, self.vocabulary) {
                Parsed::Value(year) => values.budget_year = Some(year),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => cx.warn(Field::BudgetYear, text, WarningKind::Unreadable(reason)),
            }
        }
        if values.budget_year.is_none() {
            values.budget_year = self.layout.header_year;
        }
        if let Some((text, number)) = self.cell(cx.row, Field::StartDate) {
            match parse_date(text, number, self.vocabulary) {
                Parsed::Value(date) => values.start_date = Some(date.format("%Y-%m-%d").to_string()),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => cx.warn(Field::StartDate, text, WarningKind::Unreadable(reason)),
            }
        }
    }

    /// Phase and risk, read by their words ("Fase 2 – planlegging", "høy risiko").
    pub(super) fn read_terms(&self, memo: &mut Memo, values: &mut SourceValues, cx: &mut RowContext<'_, '_>) {
        for field in [Field::Phase, Field::Risk] {
            let Some(text) = self.text(cx.row, field) else { continue };
            let (memo, slot) = match field {
                Field::Phase => (&mut memo.phases, &mut values.phase),
                _ => (&mut memo.risks, &mut values.risk),
            };
            let parsed = if let Some(parsed) = memo.get(text) {
                parsed.clone()
            } else {
                let parsed =
                    if field == Field::Phase { self.vocabulary.phase(text) } else { self.vocabulary.risk(text) };
                memo.insert(text.to_string(), parsed.clone());
                parsed
            };
            match parsed {
                Parsed::Value(term) => *slot = Some(term),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => cx.warn(field, text, WarningKind::Unreadable(reason)),
            }
        }
    }

    pub(super) fn read_tags(&self, values: &mut SourceValues, cx: &mut RowContext<'_, '_>) {
        if let Some(text) = self.text(cx.row, Field::Tags) {
            let mut tags: Vec<String> = split_list(text).filter_map(crate::text::normalise_tag).collect();
            tags.sort();
            tags.dedup();
            values.tags = tags;
        }
    }

    /// The text of a field's cell and, for spreadsheet numbers, its value.
    pub(super) fn cell<'r>(&self, row: &'r RawRow, field: Field) -> Option<(&'r str, Option<f64>)> {
        let column = self.layout.column(field)?.column;
        Some((row.text(column)?, row.number(column)))
    }

    pub(super) fn text<'r>(&self, row: &'r RawRow, field: Field) -> Option<&'r str> {
        row.text(self.layout.column(field)?.column)
    }

    /// Ministry ids a cell names ("HOD/AID", "FIN, DFD", full names), lead first, and the
    /// parts that named nothing known.
    pub(super) fn ministries(&self, text: &str, agency_ministry: Option<i64>) -> (Vec<i64>, Vec<String>) {
        if let Some(id) = self.resolver.ministry_named(text, agency_ministry) {
            return (vec![id], Vec::new());
        }
        let mut ids = Vec::new();
        let mut unknown = Vec::new();
        for part in crate::import::values::ministry_parts(text).unwrap_or_else(|| vec![text.trim().to_string()]) {
            let part = part.as_str();
            match self.resolver.ministry_named(part, agency_ministry) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => unknown.push(part.to_string()),
            }
        }
        (ids, unknown)
    }

    /// Life-event ids a cell names, in reference order, and the parts that named nothing.
    pub(super) fn life_events(&self, text: &str) -> (Vec<i64>, Vec<String>) {
        if self.vocabulary.is_empty_word(text) || self.vocabulary.means_no_life_event(text) {
            return (Vec::new(), Vec::new());
        }
        if let Some(id) = self.resolver.life_event_named(text) {
            return (vec![id], Vec::new());
        }
        let mut ids = Vec::new();
        let mut unknown = Vec::new();
        for part in split_list(text) {
            if self.vocabulary.means_no_life_event(part) {
                continue;
            }
            match self.resolver.life_event_named(part) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => unknown.push(part.to_string()),
            }
        }
        let order = |id: &i64| self.resolver.life_events().iter().position(|e| e.id == *id);
        ids.sort_by_key(order);
        (ids, unknown)
    }
}
