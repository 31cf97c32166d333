//! The fields samla harmonises, and the layout of a file: which column holds which field
//! (found by `detect`, or named by the analyst).

pub use super::detect::assign::Confidence;
pub use crate::error::LayoutError;
use crate::text::fold;
use serde::{Deserialize, Serialize};

pub use crate::model::import::Field;

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
    /// How sure detection is (Confirmed when the analyst chose it).
    #[serde(default)]
    pub confidence: Confidence,
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
    /// Every column as samla read it, for showing the proposal to the analyst.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<ColumnProposal>,
    /// What detection noticed and left alone (an amount in euros, a second money column).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<LayoutNote>,
}

/// One column as detection saw it: its header, a few values, and what samla proposes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnProposal {
    pub header: String,
    pub samples: Vec<String>,
    pub field: Option<Field>,
    pub confidence: Option<Confidence>,
}

/// Something detection noticed about a column and did not use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LayoutNote {
    /// Amounts in another currency than kroner: never read as NOK.
    ForeignCurrency { header: String, currency: String },
    /// Another money column besides the requested amount and the total cost, kept as it is.
    MoneyKept { header: String },
    /// The header names no unit and the cells are small numbers: read as millions of kroner.
    MillionsAssumed { header: String },
}

impl Layout {
    pub fn column(&self, field: Field) -> Option<&ColumnMapping> {
        self.mapping.iter().find(|m| m.field == field)
    }

    /// The fields an import cannot be trusted without, detected with little confidence:
    /// samla asks the analyst before writing.
    pub fn unsure(&self) -> Vec<Field> {
        [Field::Title, Field::AmountNok, Field::Agency, Field::Ministry]
            .into_iter()
            .filter(|f| self.column(*f).is_some_and(|m| m.confidence == Confidence::Low))
            .collect()
    }

    /// The mapping as the analyst would give it: `(field, header)` for every mapped column.
    pub fn as_mappings(&self) -> Vec<(Field, String)> {
        self.mapping.iter().map(|m| (m.field, m.header.clone())).collect()
    }
}

/// The columns the analyst named (`--map FIELD=COLUMN`). A field named twice, or a column
/// given two fields, is refused: which one was meant cannot be guessed.
pub(crate) fn mapped_columns(
    headers: &[String],
    overrides: &[(Field, String)],
) -> Result<Vec<ColumnMapping>, LayoutError> {
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
            confidence: Confidence::Confirmed,
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
