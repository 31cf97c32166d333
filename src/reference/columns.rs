//! The shape of `columns.toml`: header names per field and unit words.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnNames {
    /// samla field name → header names that mean it. The first is samla's own name.
    pub fields: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub units: Vec<UnitWords>,
}

/// Words in a header that say its amounts are in some unit, and the factor to whole NOK.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitWords {
    pub words: Vec<String>,
    pub factor: i64,
}
