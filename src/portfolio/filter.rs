//! The filter bar's small query language, shared by the TUI and `samla list --filter`.
//!
//! ```text
//! dep:HOD,AID  liv:dødsfall  tag:ks1  fase:Konsept  risiko:høy  kilde:kommunal
//! beløp:>10  beløp:5-50  år:2027  virksomhet:nav  status:alle  -dep:FIN  dep:ingen  fritekst
//! ```
//! Keys have Norwegian and English names; values are case- and accent-insensitive; a comma
//! means "any of"; `ingen`/`none` means "has none"; a leading `-` negates; other words must
//! all appear in title, description, owner or key. Amounts are in MNOK.

use super::{Portfolio, Row};
use crate::store::Resolver;
use crate::text::{closest, fold};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    pub clauses: Vec<Clause>,
    /// Folded words that must all appear.
    pub words: Vec<String>,
    pub status: StatusFilter,
    /// The text it was parsed from.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusFilter {
    #[default]
    Active,
    Withdrawn,
    All,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub negate: bool,
    pub test: Test,
}

/// One test on a row. An empty list means "has none".
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    Ministries(Vec<u16>),
    LifeEvents(Vec<u16>),
    Tags(Vec<String>),
    Phases(Vec<u8>),
    Risks(Vec<u8>),
    Sources(Vec<u16>),
    /// Folded text the owner must contain.
    Agency(String),
    Amount(AmountRange),
    Year(i32, i32),
}

/// Amounts in whole NOK, bounds included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AmountRange {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

/// Why a filter could not be read; the error layer words it in the user's language.
pub use crate::error::FilterError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Ministry,
    LifeEvent,
    Tag,
    Phase,
    Risk,
    Source,
    Agency,
    Amount,
    Year,
    Status,
}

const KEYS: [(&str, Key); 27] = [
    ("dep", Key::Ministry),
    ("departement", Key::Ministry),
    ("ministry", Key::Ministry),
    ("min", Key::Ministry),
    ("liv", Key::LifeEvent),
    ("livshendelse", Key::LifeEvent),
    ("le", Key::LifeEvent),
    ("life", Key::LifeEvent),
    ("tag", Key::Tag),
    ("stikkord", Key::Tag),
    ("fase", Key::Phase),
    ("phase", Key::Phase),
    ("risiko", Key::Risk),
    ("risk", Key::Risk),
    ("kilde", Key::Source),
    ("source", Key::Source),
    ("virksomhet", Key::Agency),
    ("etat", Key::Agency),
    ("eier", Key::Agency),
    ("agency", Key::Agency),
    ("belop", Key::Amount),
    ("mnok", Key::Amount),
    ("amount", Key::Amount),
    ("ar", Key::Year),
    ("year", Key::Year),
    ("status", Key::Status),
    ("owner", Key::Agency),
];

const NONE_WORDS: [&str; 3] = ["ingen", "none", "-"];

/// Splits on spaces, keeping "quoted phrases" together.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for ch in text.chars() {
        match ch {
            '"' | '«' | '»' => quoted = !quoted,
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Reads a filter against the portfolio's tables; `resolver` understands aliases and old
/// names (`dep:ASD` is AID, `liv:Death and inheritance` is dodsfall-og-arv).
pub fn parse_filter(text: &str, portfolio: &Portfolio, resolver: &Resolver) -> Result<Filter, FilterError> {
    let mut filter = Filter { text: text.to_string(), ..Filter::default() };
    for token in tokens(text) {
        let (negate, body) = match token.strip_prefix('-').or_else(|| token.strip_prefix('!')) {
            Some(rest) if rest.contains(':') => (true, rest.to_string()),
            _ => (false, token.clone()),
        };
        let Some((raw_key, value)) = body.split_once(':') else {
            filter.words.extend(fold(&token).split(' ').filter(|w| !w.is_empty()).map(str::to_string));
            continue;
        };
        let folded_key = fold(raw_key).replace("aa", "a");
        let Some(key) = KEYS.iter().find(|(name, _)| *name == folded_key).map(|(_, k)| *k) else {
            let names: Vec<&str> = KEYS.iter().map(|(n, _)| *n).collect();
            return Err(FilterError::UnknownKey { key: raw_key.to_string(), hints: closest(raw_key, names, 3) });
        };
        if value.trim().is_empty() {
            return Err(FilterError::EmptyValue { key: raw_key.to_string() });
        }
        let values: Vec<&str> = value.split(',').map(str::trim).filter(|v| !v.is_empty()).collect();
        let none = values.len() == 1 && NONE_WORDS.contains(&fold(values[0]).as_str());
        let unknown = |value: &str, options: Vec<&str>| FilterError::UnknownValue {
            key: raw_key.to_string(),
            value: value.to_string(),
            hints: closest(value, options, 3),
        };
        let condition = match key {
            Key::Status => {
                filter.status = status_filter(value).ok_or_else(|| unknown(value, vec!["aktiv", "trukket", "alle"]))?;
                continue;
            }
            Key::Ministry => Test::Ministries(
                ministry_ids(&values, none, portfolio, resolver)
                    .map_err(|v| unknown(&v, portfolio.ministries.iter().map(String::as_str).collect()))?,
            ),
            Key::LifeEvent => Test::LifeEvents(life_event_ids(&values, none, portfolio, resolver).map_err(|v| {
                unknown(&v, portfolio.life_events.iter().flat_map(|e| [e.code.as_str(), e.name_nb.as_str()]).collect())
            })?),
            Key::Tag => Test::Tags(if none {
                Vec::new()
            } else {
                values.iter().filter_map(|v| crate::text::normalise_tag(v)).collect()
            }),
            Key::Phase => Test::Phases(
                lookup_terms(&values, none, &portfolio.phases)
                    .map_err(|v| unknown(&v, portfolio.phases.iter().map(String::as_str).collect()))?,
            ),
            Key::Risk => Test::Risks(
                lookup_terms(&values, none, &portfolio.risks)
                    .map_err(|v| unknown(&v, portfolio.risks.iter().map(String::as_str).collect()))?,
            ),
            Key::Source => Test::Sources(
                source_ids(&values, none, portfolio)
                    .map_err(|v| unknown(&v, portfolio.sources.iter().map(String::as_str).collect()))?,
            ),
            Key::Agency => Test::Agency(fold(value)),
            Key::Amount => Test::Amount(
                parse_range(value)
                    .ok_or_else(|| FilterError::BadNumber { key: raw_key.to_string(), value: value.to_string() })?,
            ),
            Key::Year => {
                let range = parse_year_range(value)
                    .ok_or_else(|| FilterError::BadNumber { key: raw_key.to_string(), value: value.to_string() })?;
                Test::Year(range.0, range.1)
            }
        };
        filter.clauses.push(Clause { negate, test: condition });
    }
    Ok(filter)
}

/// `status:`'s value: active, withdrawn or all.
fn status_filter(value: &str) -> Option<StatusFilter> {
    match fold(value).as_str() {
        "aktiv" | "aktive" | "active" => Some(StatusFilter::Active),
        "trukket" | "trukne" | "withdrawn" => Some(StatusFilter::Withdrawn),
        "alle" | "all" => Some(StatusFilter::All),
        _ => None,
    }
}

/// The portfolio's indices of the ministries `values` name (by code, name or alias); a
/// known ministry no initiative has is left out. Err: the first value naming none.
fn ministry_ids(values: &[&str], none: bool, portfolio: &Portfolio, resolver: &Resolver) -> Result<Vec<u16>, String> {
    let mut ids = Vec::new();
    for v in values.iter().filter(|_| !none) {
        let code = resolver
            .require_ministry(v)
            .ok()
            .and_then(|id| resolver.org(id))
            .map(|o| o.code.clone())
            .ok_or_else(|| (*v).to_string())?;
        ids.extend(portfolio.ministries.iter().position(|m| *m == code).map(|i| i as u16));
    }
    Ok(ids)
}

/// The portfolio's indices of the life events `values` name: by code or name as the
/// resolver knows them, or by a unique start of one ("liv:dødsf" is enough in a filter
/// bar). Err: the first value naming none.
fn life_event_ids(values: &[&str], none: bool, portfolio: &Portfolio, resolver: &Resolver) -> Result<Vec<u16>, String> {
    let mut ids = Vec::new();
    for v in values.iter().filter(|_| !none) {
        let index = resolver
            .life_event_named(v)
            .and_then(|id| resolver.life_event(id))
            .and_then(|e| portfolio.life_events.iter().position(|p| p.code == e.code))
            .or_else(|| {
                let folded = fold(v);
                let hits: Vec<usize> = portfolio
                    .life_events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| fold(&e.name_nb).starts_with(&folded) || fold(&e.code).starts_with(&folded))
                    .map(|(i, _)| i)
                    .collect();
                (hits.len() == 1).then(|| hits[0])
            })
            .ok_or_else(|| (*v).to_string())?;
        ids.push(index as u16);
    }
    Ok(ids)
}

/// The portfolio's indices of the sources `values` name. Err: the first value naming none.
fn source_ids(values: &[&str], none: bool, portfolio: &Portfolio) -> Result<Vec<u16>, String> {
    let mut ids = Vec::new();
    for v in values.iter().filter(|_| !none) {
        let found = portfolio.sources.iter().position(|s| fold(s) == fold(v));
        ids.push(found.ok_or_else(|| (*v).to_string())? as u16);
    }
    Ok(ids)
}

fn lookup_terms(values: &[&str], none: bool, table: &[String]) -> Result<Vec<u8>, String> {
    if none {
        return Ok(Vec::new());
    }
    values
        .iter()
        .map(|v| {
            let folded = fold(v);
            table
                .iter()
                .position(|t| fold(t) == folded)
                .or_else(|| {
                    let hits: Vec<usize> = table
                        .iter()
                        .enumerate()
                        .filter(|(_, t)| fold(t).starts_with(&folded))
                        .map(|(i, _)| i)
                        .collect();
                    (hits.len() == 1).then(|| hits[0])
                })
                .map(|i| i as u8)
                .ok_or_else(|| v.to_string())
        })
        .collect()
}

/// ">10", "<50", ">=10", "5-50", "5..50", "12,5" (exactly) — in MNOK.
fn parse_range(text: &str) -> Option<AmountRange> {
    let mnok = |t: &str| -> Option<i64> {
        let value: f64 = t.trim().replace(',', ".").parse().ok()?;
        value.is_finite().then(|| (value * 1_000_000.0).round() as i64)
    };
    let text = text.trim();
    if let Some(rest) = text.strip_prefix(">=").or_else(|| text.strip_prefix('>')) {
        return Some(AmountRange { min: Some(mnok(rest)?), max: None });
    }
    if let Some(rest) = text.strip_prefix("<=").or_else(|| text.strip_prefix('<')) {
        return Some(AmountRange { min: None, max: Some(mnok(rest)?) });
    }
    if let Some((low, high)) = text.split_once("..").or_else(|| text.split_once('-')) {
        return Some(AmountRange { min: Some(mnok(low)?), max: Some(mnok(high)?) });
    }
    let exact = mnok(text)?;
    Some(AmountRange { min: Some(exact), max: Some(exact) })
}

fn parse_year_range(text: &str) -> Option<(i32, i32)> {
    let year = |t: &str| t.trim().parse::<i32>().ok().filter(|y| crate::model::YEARS.contains(y));
    if let Some((low, high)) = text.split_once("..").or_else(|| text.split_once('-')) {
        return Some((year(low)?, year(high)?));
    }
    let y = year(text)?;
    Some((y, y))
}

impl Filter {
    /// True when the filter keeps nothing out (apart from withdrawn initiatives).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.words.is_empty() && self.status == StatusFilter::Active
    }

    pub fn matches(&self, row: &Row) -> bool {
        let status_ok = match self.status {
            StatusFilter::Active => !row.withdrawn,
            StatusFilter::Withdrawn => row.withdrawn,
            StatusFilter::All => true,
        };
        status_ok
            && self.clauses.iter().all(|c| c.test.holds(row) != c.negate)
            && self
                .words
                .iter()
                .all(|w| row.folded_title.contains(w.as_str()) || row.folded_description.contains(w.as_str()))
    }
}

impl Test {
    fn holds(&self, row: &Row) -> bool {
        fn any_or_none<T: PartialEq>(wanted: &[T], have: &[T]) -> bool {
            if wanted.is_empty() { have.is_empty() } else { wanted.iter().any(|w| have.contains(w)) }
        }
        fn one<T: PartialEq + Copy>(wanted: &[T], have: Option<T>) -> bool {
            match have {
                Some(value) => wanted.contains(&value),
                None => wanted.is_empty(),
            }
        }
        match self {
            Test::Ministries(wanted) => any_or_none(wanted, &row.ministries),
            Test::LifeEvents(wanted) => any_or_none(wanted, &row.life_events),
            Test::Tags(wanted) => {
                if wanted.is_empty() {
                    row.tags.is_empty()
                } else {
                    wanted.iter().any(|w| row.tags.iter().any(|t| **t == **w))
                }
            }
            Test::Phases(wanted) => one(wanted, row.phase),
            Test::Risks(wanted) => one(wanted, row.risk),
            Test::Sources(wanted) => wanted.contains(&row.source),
            Test::Agency(text) => row.agency.as_deref().is_some_and(|a| fold(a).contains(text.as_str())),
            Test::Amount(range) => row
                .amount_nok
                .is_some_and(|a| range.min.is_none_or(|min| a >= min) && range.max.is_none_or(|max| a <= max)),
            Test::Year(low, high) => row.budget_year.is_some_and(|y| (*low..=*high).contains(&y)),
        }
    }
}
