//! The columns of a priority list, shared by the CSV, XLSX and Markdown writers so the three
//! always agree: rank, id, title, agency, ministries, life events, requested amount, total
//! score, points per criterion, frame marker, parallel-solution marker, tags, missing scores,
//! status.

use super::list::{PriorityList, PriorityRow};
use crate::i18n::{self, Text};

/// What a column holds, for number formats and widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A whole number (rank, id).
    Integer,
    /// Whole kroner.
    Nok,
    /// Points with one decimal.
    Score,
    /// Text from the data or from samla's words.
    Text,
    /// Long text (the title).
    LongText,
}

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Integer(Option<i64>),
    Decimal(Option<f64>),
}

pub struct Column {
    pub header: String,
    pub kind: Kind,
}

pub fn columns(list: &PriorityList) -> Vec<Column> {
    let lang = list.lang;
    let t = |text: Text| text.get(lang).to_string();
    let mut columns = vec![
        Column { header: t(i18n::PLACE), kind: Kind::Integer },
        Column { header: t(i18n::ID), kind: Kind::Integer },
        Column { header: t(i18n::TITLE), kind: Kind::LongText },
        Column { header: t(i18n::AGENCY), kind: Kind::Text },
        Column { header: t(i18n::MINISTRIES), kind: Kind::Text },
        Column { header: t(i18n::LIFE_EVENTS), kind: Kind::Text },
        Column { header: t(i18n::AMOUNT_NOK), kind: Kind::Nok },
        Column { header: t(i18n::TOTAL_SCORE), kind: Kind::Score },
    ];
    for criterion in &list.criteria {
        columns.push(Column {
            header: format!("{} ({})", criterion.name, i18n::POINTS_SUFFIX.get(lang)),
            kind: Kind::Score,
        });
    }
    columns.extend([
        Column { header: t(i18n::IN_FRAME_COLUMN), kind: Kind::Text },
        Column { header: t(i18n::PARALLEL_COLUMN), kind: Kind::Text },
        Column { header: t(i18n::TAGS), kind: Kind::Text },
        Column { header: t(i18n::MISSING_SCORES), kind: Kind::Text },
        Column { header: t(i18n::STATUS), kind: Kind::Text },
    ]);
    columns
}

pub fn header(list: &PriorityList) -> Vec<String> {
    columns(list).into_iter().map(|c| c.header).collect()
}

/// "duplikat av 12, 40; overlapper med 77", or empty.
pub fn parallel_text(list: &PriorityList, row: &PriorityRow) -> String {
    let ids = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if !row.duplicates.is_empty() {
        parts.push(format!("{} {}", i18n::DUPLICATE_OF.get(list.lang), ids(&row.duplicates)));
    }
    if !row.overlaps.is_empty() {
        parts.push(format!("{} {}", i18n::OVERLAPS_WITH.get(list.lang), ids(&row.overlaps)));
    }
    parts.join("; ")
}

pub fn row_cells(list: &PriorityList, row: &PriorityRow) -> Vec<Cell> {
    let lang = list.lang;
    let mut cells = vec![
        Cell::Integer(row.rank.map(i64::from)),
        Cell::Integer(Some(row.id)),
        Cell::Text(row.title.clone()),
        Cell::Text(row.agency.clone().unwrap_or_default()),
        Cell::Text(row.ministries.join(", ")),
        Cell::Text(row.life_events.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", ")),
        Cell::Integer(row.amount_nok),
        Cell::Decimal(row.score),
    ];
    for column in 0..list.criteria.len() {
        cells.push(Cell::Decimal(row.points.get(column).copied()));
    }
    let in_frame = match row.in_frame {
        Some(true) => i18n::YES.get(lang),
        Some(false) => i18n::NO.get(lang),
        None => "",
    };
    let status = if row.withdrawn { i18n::WITHDRAWN } else { i18n::ACTIVE };
    cells.extend([
        Cell::Text(in_frame.to_string()),
        Cell::Text(parallel_text(list, row)),
        Cell::Text(row.tags.join(", ")),
        Cell::Text(row.missing.join(", ")),
        Cell::Text(status.get(lang).to_string()),
    ]);
    cells
}
