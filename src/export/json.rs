//! Priority lists as JSON: the settings, the criteria with their weights, and each row with
//! its score broken down by criterion. Values are as stored (JSON escapes what it must), so
//! a script reading the file sees exactly what the sector wrote.

use super::list::PriorityList;
use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a super::list::PriorityRow,
    /// Points per criterion code, the same numbers as `points`.
    breakdown: BTreeMap<&'a str, f64>,
}

#[derive(Serialize)]
struct JsonList<'a> {
    generated_at: &'a str,
    database: &'a str,
    filters: &'a [String],
    criteria: &'a [super::list::CriterionColumn],
    frame: &'a Option<super::list::FrameSummary>,
    matched: usize,
    top: Option<usize>,
    rows: Vec<JsonRow<'a>>,
}

pub fn to_json(list: &PriorityList) -> Result<String> {
    let rows = list
        .rows
        .iter()
        .map(|row| JsonRow {
            row,
            breakdown: list.criteria.iter().zip(&row.points).map(|(c, p)| (c.code.as_str(), *p)).collect(),
        })
        .collect();
    let value = JsonList {
        generated_at: &list.generated_at,
        database: &list.database,
        filters: &list.filters,
        criteria: &list.criteria,
        frame: &list.frame,
        matched: list.matched,
        top: list.top,
        rows,
    };
    let mut text = serde_json::to_string_pretty(&value).map_err(|e| Error::encode("JSON", e))?;
    text.push('\n');
    Ok(text)
}
