//! Finding the header row and deciding which column holds which field.

use super::read::RawRow;
use crate::reference::ColumnNames;
use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The fields samla harmonises. Their names are samla's own column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Key,
    Title,
    Description,
    Agency,
    Ministry,
    AmountNok,
    TotalCostNok,
    LifeEvents,
    Phase,
    Risk,
    BudgetYear,
    StartDate,
    Tags,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::Key,
        Field::Title,
        Field::Description,
        Field::Agency,
        Field::Ministry,
        Field::AmountNok,
        Field::TotalCostNok,
        Field::LifeEvents,
        Field::Phase,
        Field::Risk,
        Field::BudgetYear,
        Field::StartDate,
        Field::Tags,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Key => "key",
            Field::Title => "title",
            Field::Description => "description",
            Field::Agency => "agency",
            Field::Ministry => "ministry",
            Field::AmountNok => "amount_nok",
            Field::TotalCostNok => "total_cost_nok",
            Field::LifeEvents => "life_events",
            Field::Phase => "phase",
            Field::Risk => "risk",
            Field::BudgetYear => "budget_year",
            Field::StartDate => "start_date",
            Field::Tags => "tags",
        }
    }

    /// Reads a field name as users type it in `--map` (a few short forms are accepted).
    pub fn parse(name: &str) -> Option<Field> {
        let folded = fold(name).replace(' ', "_");
        let alias = match folded.as_str() {
            "ministries" => "ministry",
            "amount" => "amount_nok",
            "total_cost" => "total_cost_nok",
            "life_event" => "life_events",
            "year" => "budget_year",
            "id" => "key",
            other => other,
        };
        Field::ALL.into_iter().find(|f| f.name() == alias)
    }

    /// Fields whose values are amounts of money, scaled by a unit in the header.
    fn is_amount(self) -> bool {
        matches!(self, Field::AmountNok | Field::TotalCostNok)
    }
}

/// Which column holds a field, and what the header said about units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnMapping {
    pub field: Field,
    pub column: usize,
    pub header: String,
    /// Factor from the header's unit to whole NOK ("(mill. kr)" → 1 000 000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_factor: Option<i64>,
    /// True when `--map` chose it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_map: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Index into the table's rows (0-based) of the header row.
    #[serde(skip, default)]
    pub header_index: usize,
    /// The header row's line (CSV) or row number (spreadsheet), 1-based.
    pub header_row: usize,
    pub headers: Vec<String>,
    pub mapping: Vec<ColumnMapping>,
    /// Headers no field took; their cells live on in the raw row.
    pub unmapped: Vec<String>,
    /// A budget year read from a header like "Søkt beløp 2027", used when no column has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_year: Option<i32>,
}

impl Layout {
    pub fn column(&self, field: Field) -> Option<&ColumnMapping> {
        self.mapping.iter().find(|m| m.field == field)
    }
}

/// Knows the header names of every field, folded, and the unit words.
pub struct HeaderMatcher {
    names: HashMap<String, (Field, u8)>,
    units: Vec<(Vec<String>, i64)>,
}

/// Words in a header that are about money units, not about what the column is.
const UNIT_NOISE: [&str; 6] = ["kr", "nok", "kroner", "i", "in", "belopet"];

impl HeaderMatcher {
    pub fn new(columns: &ColumnNames) -> Self {
        let mut names = HashMap::new();
        for (field_name, list) in &columns.fields {
            let Some(field) = Field::parse(field_name) else { continue };
            for (index, name) in list.iter().enumerate() {
                // samla's own name (first in the list) ranks above every synonym.
                let rank = if index == 0 { 0 } else { 1 };
                let key = header_key(&fold(name));
                let entry = names.entry(key).or_insert((field, rank));
                if rank < entry.1 {
                    *entry = (field, rank);
                }
            }
        }
        let units = columns.units.iter().map(|u| (u.words.iter().map(|w| fold(w)).collect(), u.factor)).collect();
        Self { names, units }
    }

    /// The unit factor named anywhere in `folded` text, if any.
    pub fn unit_in(&self, folded: &str) -> Option<i64> {
        let padded = format!(" {folded} ");
        self.units
            .iter()
            .find(|(words, _)| words.iter().any(|w| padded.contains(&format!(" {w} "))))
            .map(|(_, factor)| *factor)
    }

    fn is_unit_word(&self, word: &str) -> bool {
        UNIT_NOISE.contains(&word) || self.units.iter().any(|(words, _)| words.iter().any(|w| w == word))
    }

    /// The field a header names, with its rank (0 = samla's own name), trying the whole
    /// header, then without unit words and years, then each `/`-separated part.
    pub fn field_of(&self, header: &str) -> Option<(Field, u8)> {
        let mut attempts = vec![header.to_string()];
        if header.contains('/') {
            attempts.extend(header.split('/').map(str::to_string));
        }
        for attempt in attempts {
            let folded = fold(&attempt);
            if folded.is_empty() {
                continue;
            }
            if let Some(found) = self.names.get(&header_key(&folded)) {
                return Some(*found);
            }
            let cleaned: Vec<&str> =
                folded.split(' ').filter(|w| !self.is_unit_word(w) && year_of(w).is_none()).collect();
            if !cleaned.is_empty() {
                if let Some(found) = self.names.get(&header_key(&cleaned.join(" "))) {
                    return Some(*found);
                }
            }
        }
        None
    }
}

/// Headers compare with "aa" read as "å" (folded "a"), the old spelling: "budsjettaar".
fn header_key(folded: &str) -> String {
    folded.replace("aa", "a")
}

/// "2027" → 2027 for plausible budget years.
fn year_of(word: &str) -> Option<i32> {
    let year: i32 = word.parse().ok()?;
    (word.len() == 4 && (1990..=2100).contains(&year)).then_some(year)
}

pub use crate::error::LayoutError;

/// How many rows from the top may hold the header row.
pub const HEADER_SCAN_ROWS: usize = 30;

/// Finds the header row among the first rows (a title row or blank rows may stand above
/// it), then maps columns to fields. `overrides` (from `--map FIELD=COLUMN`) win.
pub fn detect(rows: &[RawRow], matcher: &HeaderMatcher, overrides: &[(Field, String)]) -> Result<Layout, LayoutError> {
    let mut best: Option<(usize, usize, bool)> = None; // (row index, fields recognised, has title)
    for (index, row) in rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let mut fields: Vec<Field> = row.texts().filter_map(|text| matcher.field_of(text).map(|(f, _)| f)).collect();
        fields.sort();
        fields.dedup();
        let has_title = fields.contains(&Field::Title);
        let score = fields.len() + usize::from(has_title) * 2;
        if best.is_none_or(|(_, s, _)| score > s) && score > 0 {
            best = Some((index, score, has_title));
        }
    }
    let first_filled = rows.iter().position(|r| r.texts().filter(|t| !t.trim().is_empty()).count() >= 2);
    let header_index = match best {
        Some((index, _, _)) => index,
        None => first_filled.ok_or(LayoutError::NoHeaderRow)?,
    };
    let header_row = &rows[header_index];
    let headers: Vec<String> = header_row
        .texts()
        .enumerate()
        .map(|(i, text)| {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() { format!("column {}", i + 1) } else { text }
        })
        .collect();

    let mut mapping = mapped_columns(&headers, overrides)?;

    // Best candidate per field: lowest rank, then leftmost column.
    let mut chosen: HashMap<Field, (u8, usize)> = HashMap::new();
    for (column, text) in header_row.texts().enumerate() {
        if mapping.iter().any(|m| m.column == column) {
            continue;
        }
        let Some((field, rank)) = matcher.field_of(text) else {
            continue;
        };
        if mapping.iter().any(|m| m.field == field) {
            continue;
        }
        let entry = chosen.entry(field).or_insert((rank, column));
        if rank < entry.0 {
            *entry = (rank, column);
        }
    }
    for (field, (_, column)) in chosen {
        mapping.push(ColumnMapping {
            field,
            column,
            header: headers[column].clone(),
            unit_factor: None,
            from_map: false,
        });
    }
    for m in &mut mapping {
        if m.field.is_amount() {
            m.unit_factor = matcher.unit_in(&fold(&m.header));
        }
    }
    mapping.sort_by_key(|m| m.column);

    if !mapping.iter().any(|m| m.field == Field::Title) {
        let (columns, more) = crate::error::import::some_columns(&headers);
        return Err(LayoutError::NoTitle { columns, more });
    }
    let header_year =
        mapping.iter().filter(|m| m.field.is_amount()).find_map(|m| fold(&m.header).split(' ').find_map(year_of));
    let unmapped = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !mapping.iter().any(|m| m.column == *i) && !h.starts_with("column "))
        .map(|(_, h)| h.clone())
        .collect();
    Ok(Layout { header_index, header_row: header_row.line, headers, mapping, unmapped, header_year })
}

/// The columns the analyst named (`--map FIELD=COLUMN`). A field named twice, or a column
/// given two fields, is refused: which one was meant cannot be guessed.
fn mapped_columns(headers: &[String], overrides: &[(Field, String)]) -> Result<Vec<ColumnMapping>, LayoutError> {
    let mut mapping: Vec<ColumnMapping> = Vec::new();
    for (field, column_name) in overrides {
        let wanted = fold(column_name);
        let column = headers
            .iter()
            .position(|h| h == column_name)
            .or_else(|| headers.iter().position(|h| fold(h) == wanted))
            .or_else(|| spreadsheet_column(column_name).filter(|c| *c < headers.len()));
        let Some(column) = column else {
            let (columns, more) = crate::error::import::some_columns(headers);
            return Err(LayoutError::NoSuchColumn {
                field: field.name().to_string(),
                column: crate::text::shorten(column_name, 40),
                columns,
                more,
            });
        };
        if let Some(earlier) = mapping.iter().find(|m| m.field == *field) {
            if earlier.column == column {
                continue;
            }
            return Err(LayoutError::FieldMappedTwice {
                field: field.name().to_string(),
                first: crate::text::shorten(&earlier.header, 40),
                second: crate::text::shorten(&headers[column], 40),
            });
        }
        if let Some(earlier) = mapping.iter().find(|m| m.column == column) {
            return Err(LayoutError::ColumnMappedTwice {
                column: crate::text::shorten(&headers[column], 40),
                first: earlier.field.name().to_string(),
                second: field.name().to_string(),
            });
        }
        mapping.push(ColumnMapping {
            field: *field,
            column,
            header: headers[column].clone(),
            unit_factor: None,
            from_map: true,
        });
    }
    Ok(mapping)
}

/// "C" → 2, "AA" → 26: spreadsheet column letters, so `--map title=C` works too.
fn spreadsheet_column(name: &str) -> Option<usize> {
    if name.is_empty() || name.len() > 3 || !name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let number = name.chars().fold(0usize, |acc, c| acc * 26 + (c as usize - 'A' as usize + 1));
    Some(number - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;

    fn matcher() -> HeaderMatcher {
        HeaderMatcher::new(&ReferenceSource::builtin().columns().expect("columns"))
    }

    fn row(line: usize, cells: &[&str]) -> RawRow {
        RawRow::from_texts(line, cells.iter().copied())
    }

    fn field(header: &str) -> Option<Field> {
        matcher().field_of(header).map(|(f, _)| f)
    }

    #[test]
    fn a_refusal_names_a_few_columns_each_cut_short() {
        let mut cells: Vec<String> = (0..10_000).map(|i| format!("Kolonne {i}")).collect();
        cells[1] = "x".repeat(1 << 20);
        let rows = [RawRow::from_texts(1, cells.clone()), RawRow::from_texts(2, cells)];
        let error = detect(&rows, &matcher(), &[]).expect_err("no title column").to_string();
        assert!(error.starts_with("no column looks like a title; the columns are: Kolonne 0, xxx"), "{error}");
        assert!(error.ends_with("Kolonne 9, … and 9 990 more"), "{error}");
        assert!(error.len() < 1_000, "{} bytes", error.len());
    }

    #[test]
    fn contradictory_maps_are_refused_not_resolved() {
        let rows = vec![row(1, &["A", "B", "C"]), row(2, &["x", "y", "z"])];
        let map = |pairs: &[(Field, &str)]| -> Vec<(Field, String)> {
            pairs.iter().map(|(f, c)| (*f, c.to_string())).collect()
        };
        let err = detect(&rows, &matcher(), &map(&[(Field::Title, "A"), (Field::Title, "B")])).expect_err("two");
        assert_eq!(err, LayoutError::FieldMappedTwice { field: "title".into(), first: "A".into(), second: "B".into() });
        let err = detect(&rows, &matcher(), &map(&[(Field::Key, "A"), (Field::Title, "A")])).expect_err("shared");
        assert_eq!(
            err,
            LayoutError::ColumnMappedTwice { column: "A".into(), first: "key".into(), second: "title".into() }
        );
        // The same mapping twice is no contradiction.
        let layout = detect(&rows, &matcher(), &map(&[(Field::Title, "A"), (Field::Title, "a")])).expect("same");
        assert_eq!(layout.column(Field::Title).map(|m| m.column), Some(0));
    }

    #[test]
    fn headers_map_whatever_the_wording() {
        assert_eq!(field("Tiltak"), Some(Field::Title));
        assert_eq!(field("Navn på tiltak"), Some(Field::Title));
        assert_eq!(field("PROSJEKTNAVN"), Some(Field::Title));
        assert_eq!(field("Søkt beløp (mill. kr)"), Some(Field::AmountNok));
        assert_eq!(field("belop_mnok"), Some(Field::AmountNok));
        assert_eq!(field("Amount NOK thousands"), Some(Field::AmountNok));
        assert_eq!(field("Kommune/virksomhet"), Some(Field::Agency));
        assert_eq!(field("Ansv. dep."), Some(Field::Ministry));
        assert_eq!(field("Tiltaks-ID"), Some(Field::Key));
        assert_eq!(field("Livssituasjon"), Some(Field::LifeEvents));
        assert_eq!(field("budsjettaar"), Some(Field::BudgetYear));
        assert_eq!(field("Søkt beløp 2027"), Some(Field::AmountNok));
        assert_eq!(field("Kontaktperson"), None);
    }

    #[test]
    fn units_in_headers() {
        let m = matcher();
        assert_eq!(m.unit_in(&fold("Søkt beløp (mill. kr)")), Some(1_000_000));
        assert_eq!(m.unit_in(&fold("Beløp (i millioner kroner)")), Some(1_000_000));
        assert_eq!(m.unit_in(&fold("Beløp (1000 kr)")), Some(1_000));
        assert_eq!(m.unit_in(&fold("Beløp (1 000 kr)")), Some(1_000));
        assert_eq!(m.unit_in(&fold("Kostnad i tusen kroner")), Some(1_000));
        assert_eq!(m.unit_in(&fold("Amount NOK thousands")), Some(1_000));
        assert_eq!(m.unit_in(&fold("Kostnadsestimat (NOK)")), None);
        assert_eq!(m.unit_in(&fold("belop_mnok")), Some(1_000_000));
        assert_eq!(m.unit_in(&fold("Ramme (mrd. kr)")), Some(1_000_000_000));
    }

    #[test]
    fn header_row_below_a_title_row_is_found() {
        let rows = vec![
            row(1, &["Satsingsforslag 2027 – AID-sektoren", "", ""]),
            row(2, &["", "", ""]),
            row(3, &["Løpenr", "Prosjektnavn", "Kostnadsestimat (NOK)"]),
            row(4, &["1", "Ny løsning", "1000"]),
        ];
        let layout = detect(&rows, &matcher(), &[]).expect("layout");
        assert_eq!(layout.header_row, 3);
        assert_eq!(layout.column(Field::Title).map(|m| m.column), Some(1));
        assert_eq!(layout.column(Field::Key).map(|m| m.column), Some(0));
    }

    #[test]
    fn own_field_names_win_over_synonyms_and_map_overrides() {
        let rows = vec![row(1, &["id", "key", "title", "Navn"])];
        let layout = detect(&rows, &matcher(), &[]).expect("layout");
        assert_eq!(layout.column(Field::Key).map(|m| m.column), Some(1));
        assert_eq!(layout.column(Field::Title).map(|m| m.column), Some(2));
        assert_eq!(layout.unmapped, vec!["id", "Navn"]);

        let overrides = vec![(Field::Title, "navn".to_string())];
        let layout = detect(&rows, &matcher(), &overrides).expect("layout");
        assert_eq!(layout.column(Field::Title).map(|m| m.column), Some(3));
        assert!(layout.column(Field::Title).is_some_and(|m| m.from_map));
    }

    #[test]
    fn no_title_column_says_which_map_to_give() {
        let rows = vec![row(1, &["Kolonne A", "Kolonne B"]), row(2, &["x", "y"])];
        let err = detect(&rows, &matcher(), &[]).expect_err("no title");
        assert!(matches!(&err, LayoutError::NoTitle { columns, more: 0 } if columns[0] == "Kolonne A"), "{err:?}");
        let ok = detect(&rows, &matcher(), &[(Field::Title, "Kolonne B".into())]).expect("mapped");
        assert_eq!(ok.column(Field::Title).map(|m| m.column), Some(1));
        let err = detect(&rows, &matcher(), &[(Field::Title, "Nope".into())]).expect_err("bad map");
        assert!(err.to_string().contains("no column 'Nope' for title"), "{err}");
    }
}
