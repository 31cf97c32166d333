//! Turning one row of cells into samla's fields, with a warning for everything it could not
//! read. The raw cells always travel along, so nothing is lost.

use super::layout::{Field, Layout};
use super::read::RawRow;
use super::report::{Rejected, Warning};
use super::values::{Parsed, ValueVocabulary, parse_amount, parse_date, parse_year, split_list};
use crate::FastMap as HashMap;
use crate::store::lookup::{Owner, Resolver};
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The harmonised values of one initiative as its source gives them. Organisations and life
/// events are codes, so the JSON stays readable and stable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceValues {
    pub title: String,
    pub description: Option<String>,
    /// The owner's code when known (an agency, a ministry, KS or a municipality).
    pub agency: Option<String>,
    /// The owner as written, when it matched nothing known.
    pub agency_text: Option<String>,
    pub ministries: Vec<String>,
    pub life_events: Vec<String>,
    pub amount_nok: Option<i64>,
    pub total_cost_nok: Option<i64>,
    pub budget_year: Option<i32>,
    pub start_date: Option<String>,
    pub phase: Option<String>,
    pub risk: Option<String>,
    pub tags: Vec<String>,
}

impl SourceValues {
    /// The fields a change can touch, by the names the change log uses.
    pub const FIELDS: [&'static str; 12] = [
        "title",
        "description",
        "agency",
        "ministries",
        "life_events",
        "amount_nok",
        "total_cost_nok",
        "budget_year",
        "start_date",
        "phase",
        "risk",
        "tags",
    ];

    /// A field as text for comparison and the change log; None when it has no value.
    pub fn field_text(&self, field: &str) -> Option<String> {
        let list = |values: &[String]| (!values.is_empty()).then(|| values.join(", "));
        match field {
            "title" => Some(self.title.clone()),
            "description" => self.description.clone(),
            "agency" => self.agency.clone().or_else(|| self.agency_text.clone()),
            "ministries" => list(&self.ministries),
            "life_events" => list(&self.life_events),
            "amount_nok" => self.amount_nok.map(|v| v.to_string()),
            "total_cost_nok" => self.total_cost_nok.map(|v| v.to_string()),
            "budget_year" => self.budget_year.map(|v| v.to_string()),
            "start_date" => self.start_date.clone(),
            "phase" => self.phase.clone(),
            "risk" => self.risk.clone(),
            "tags" => list(&self.tags),
            _ => None,
        }
    }
}

/// A row ready to be written.
#[derive(Debug, Clone)]
pub struct HarmonisedRow {
    pub line: usize,
    pub key: String,
    pub values: SourceValues,
    /// A municipality this row names that the database does not know yet.
    pub new_municipality: Option<String>,
    /// The row's cells verbatim, JSON.
    pub raw_json: String,
}

/// What harmonising a file noticed besides its rows.
#[derive(Default)]
pub struct Findings {
    pub warnings: Vec<Warning>,
    pub rejected: Vec<Rejected>,
    /// Data rows read (blank rows not counted).
    pub rows_read: usize,
}

/// The state of one pass over a file: memos, keys seen, findings.
#[derive(Default)]
pub struct Pass {
    memo: Memo,
    keys_seen: HashMap<String, usize>,
    pub findings: Findings,
}

/// Remembers how each distinct cell text resolved: sector files repeat owners, ministries,
/// life events and phases thousands of times.
#[derive(Default)]
pub struct Memo {
    /// None for a cell that means "no value" ("ukjent", "-").
    owners: HashMap<String, Option<Owner>>,
    /// The agency's ministry → cell → what the cell named (a historic name reads
    /// differently for different agencies).
    ministries: HashMap<Option<i64>, HashMap<String, Named>>,
    life_events: HashMap<String, Named>,
    phases: HashMap<String, Parsed<String>>,
    risks: HashMap<String, Parsed<String>>,
}

/// Ids a list cell named, and the parts that named nothing known.
type Named = (Vec<i64>, Vec<String>);

pub struct Harmoniser<'a> {
    pub resolver: &'a Resolver,
    pub vocabulary: &'a ValueVocabulary,
    pub layout: &'a Layout,
}

impl Harmoniser<'_> {
    /// Harmonises one data row (a row below the header row). None for a blank row and for
    /// a rejected one (recorded in the pass's findings).
    pub fn row(&self, pass: &mut Pass, row: &RawRow) -> Option<HarmonisedRow> {
        if row.is_blank() {
            return None;
        }
        let out = &mut pass.findings;
        out.rows_read += 1;
        let Some((values, new_municipality)) = self.values(row, &mut pass.memo, &mut out.warnings) else {
            out.rejected.push(Rejected {
                line: row.line,
                reason: "no title".into(),
                raw: row.texts().map(str::to_string).collect(),
            });
            return None;
        };
        let mut warn = |raw: &str, reason: String| {
            out.warnings.push(Warning {
                line: row.line,
                field: Field::Key.name().to_string(),
                value: raw.to_string(),
                reason,
            });
        };
        let mut key = match self.text(row, Field::Key).map(str::trim).filter(|k| !k.is_empty()) {
            Some(key) => key.to_string(),
            None => {
                if self.layout.column(Field::Key).is_some() {
                    warn("", "no key; the row is matched by its title across rounds".into());
                }
                format!("title:{}", fold(&values.title))
            }
        };
        let seen = pass.keys_seen.entry(key.clone()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            let count = *seen;
            warn(&key, format!("the key appears {count} times in the file; this row is kept as {key}#{count}"));
            key = format!("{key}#{count}");
        }
        Some(HarmonisedRow { line: row.line, key, values, new_municipality, raw_json: raw_json(row) })
    }

    /// The values one row gives, and a municipality it names that is not known yet; None
    /// when the row has no title. Imperfect values add warnings.
    pub fn values(
        &self,
        row: &RawRow,
        memo: &mut Memo,
        warnings: &mut Vec<Warning>,
    ) -> Option<(SourceValues, Option<String>)> {
        let title = self.text(row, Field::Title).map(collapse).filter(|t| !t.is_empty())?.into_owned();
        let mut warn = |field: Field, raw: &str, reason: String| {
            warnings.push(Warning { line: row.line, field: field.name().to_string(), value: raw.to_string(), reason });
        };
        let mut values = SourceValues {
            title,
            description: self
                .text(row, Field::Description)
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string),
            ..SourceValues::default()
        };
        let mut new_municipality = None;

        // Owner first: a historic ministry name is read in the light of the agency's ministry.
        let mut agency_ministry = None;
        if let Some(text) = self.text(row, Field::Agency) {
            let owner = match memo.owners.get(text) {
                Some(owner) => owner.clone(),
                None => {
                    let owner = (!self.vocabulary.is_empty_word(text)).then(|| self.resolver.owner(text));
                    memo.owners.insert(text.to_string(), owner.clone());
                    owner
                }
            };
            match owner {
                None => {}
                Some(Owner::Known(id)) => {
                    values.agency = self.resolver.org(id).map(|o| o.code.clone());
                    agency_ministry = self.resolver.ministry_of(id);
                }
                Some(Owner::NewMunicipality(name)) => {
                    values.agency = Some(name.clone());
                    new_municipality = Some(name);
                }
                Some(Owner::Unknown) => {
                    values.agency_text = Some(collapse(text).into_owned());
                    warn(Field::Agency, text, "unknown owner; kept as written (add it to organisations.toml)".into());
                }
            }
        }
        let mut ministry_ids: Vec<i64> = Vec::new();
        if let Some(text) = self.text(row, Field::Ministry) {
            let memo = memo.ministries.entry(agency_ministry).or_default();
            let (ids, unknown) = match memo.get(text) {
                Some(named) => named.clone(),
                None => {
                    let named = if self.vocabulary.is_empty_word(text) {
                        (Vec::new(), Vec::new())
                    } else {
                        self.ministries(text, agency_ministry)
                    };
                    memo.insert(text.to_string(), named.clone());
                    named
                }
            };
            for part in unknown {
                warn(Field::Ministry, &part, "unknown ministry".into());
            }
            ministry_ids = ids;
        }
        if ministry_ids.is_empty() {
            ministry_ids.extend(agency_ministry);
        }
        values.ministries =
            ministry_ids.iter().filter_map(|id| self.resolver.org(*id).map(|o| o.code.clone())).collect();

        if let Some(text) = self.text(row, Field::LifeEvents) {
            let (ids, unknown) =
                memo.life_events.entry(text.to_string()).or_insert_with(|| self.life_events(text)).clone();
            for part in unknown {
                warn(Field::LifeEvents, &part, "unknown life event".into());
            }
            values.life_events =
                ids.iter().filter_map(|id| self.resolver.life_event(*id).map(|e| e.code.clone())).collect();
        }

        for field in [Field::AmountNok, Field::TotalCostNok] {
            let Some(mapping) = self.layout.column(field) else { continue };
            let text = row.text(mapping.column).unwrap_or_default();
            let parsed =
                parse_amount(text, row.number(mapping.column), mapping.unit_factor.unwrap_or(1), self.vocabulary);
            let slot = if field == Field::AmountNok { &mut values.amount_nok } else { &mut values.total_cost_nok };
            match parsed {
                // A negative sum is no request and no cost: kept out of scores, frames and
                // totals until the source is corrected (the source row keeps it).
                Parsed::Value(nok) if nok < 0 => {
                    warn(field, text, "a negative amount is not a request; left empty (the source row keeps it)".into())
                }
                Parsed::Value(nok) => *slot = Some(nok),
                Parsed::Missing => {
                    if field == Field::AmountNok {
                        warn(field, text, "no amount given".into());
                    }
                }
                Parsed::Invalid(reason) => warn(field, text, format!("not read as an amount: {reason}")),
            }
        }

        if let Some((text, number)) = self.cell(row, Field::BudgetYear) {
            match parse_year(text, number, self.vocabulary) {
                Parsed::Value(year) => values.budget_year = Some(year),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => warn(Field::BudgetYear, text, reason),
            }
        }
        if values.budget_year.is_none() {
            values.budget_year = self.layout.header_year;
        }
        if let Some((text, number)) = self.cell(row, Field::StartDate) {
            match parse_date(text, number, self.vocabulary) {
                Parsed::Value(date) => values.start_date = Some(date.format("%Y-%m-%d").to_string()),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => warn(Field::StartDate, text, reason),
            }
        }
        for field in [Field::Phase, Field::Risk] {
            let Some(text) = self.text(row, field) else { continue };
            let (memo, slot) = match field {
                Field::Phase => (&mut memo.phases, &mut values.phase),
                _ => (&mut memo.risks, &mut values.risk),
            };
            let parsed = match memo.get(text) {
                Some(parsed) => parsed.clone(),
                None => {
                    let parsed =
                        if field == Field::Phase { self.vocabulary.phase(text) } else { self.vocabulary.risk(text) };
                    memo.insert(text.to_string(), parsed.clone());
                    parsed
                }
            };
            match parsed {
                Parsed::Value(term) => *slot = Some(term),
                Parsed::Missing => {}
                Parsed::Invalid(reason) => warn(field, text, reason),
            }
        }
        if let Some(text) = self.text(row, Field::Tags) {
            let mut tags: Vec<String> = split_list(text).filter_map(crate::text::normalise_tag).collect();
            tags.sort();
            tags.dedup();
            values.tags = tags;
        }
        Some((values, new_municipality))
    }

    /// The text of a field's cell and, for spreadsheet numbers, its value.
    fn cell<'r>(&self, row: &'r RawRow, field: Field) -> Option<(&'r str, Option<f64>)> {
        let column = self.layout.column(field)?.column;
        Some((row.text(column)?, row.number(column)))
    }

    fn text<'r>(&self, row: &'r RawRow, field: Field) -> Option<&'r str> {
        row.text(self.layout.column(field)?.column)
    }

    /// Ministry ids a cell names ("HOD/AID", "FIN, DFD", full names), lead first, and the
    /// parts that named nothing known.
    fn ministries(&self, text: &str, agency_ministry: Option<i64>) -> (Vec<i64>, Vec<String>) {
        if let Some(id) = self.resolver.ministry_named(text, agency_ministry) {
            return (vec![id], Vec::new());
        }
        let mut ids = Vec::new();
        let mut unknown = Vec::new();
        for part in text.split(['/', ',', ';', '|', '&', '+', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            match self.resolver.ministry_named(part, agency_ministry) {
                Some(id) if !ids.contains(&id) => ids.push(id),
                Some(_) => {}
                None => unknown.push(part.to_string()),
            }
        }
        (ids, unknown)
    }

    /// Life-event ids a cell names, in reference order, and the parts that named nothing.
    fn life_events(&self, text: &str) -> (Vec<i64>, Vec<String>) {
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

/// A row's cells verbatim as a JSON array, as the store keeps them.
pub fn raw_json(row: &RawRow) -> String {
    use serde::Serializer;
    // Sized for the common case (no character needs escaping) so it is allocated once.
    let capacity = 2 + row.texts().map(|text| text.len() + 3).sum::<usize>();
    let mut out = Vec::with_capacity(capacity);
    let written = serde_json::Serializer::new(&mut out).collect_seq(row.texts());
    match (written, String::from_utf8(out)) {
        (Ok(()), Ok(json)) => json,
        _ => "[]".into(),
    }
}

/// Trims and turns every run of whitespace (no-break spaces too) into one space; borrows
/// when the text is already clean, as nearly all is.
fn collapse(text: &str) -> Cow<'_, str> {
    let clean = !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace)
        && !text.contains(|c: char| c.is_whitespace() && c != ' ')
        && !text.contains("  ");
    if clean { Cow::Borrowed(text) } else { Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" ")) }
}
