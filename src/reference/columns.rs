//! The shape of `columns.toml`: the words headers are made of, per field, and unit words.

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ColumnNames {
    /// samla field name → the words that say a header means it.
    #[serde(default)]
    pub words: BTreeMap<String, FieldWords>,
    /// samla field name → whole headers that mean it, exactly as sectors write them.
    #[serde(default)]
    pub fields: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub general: GeneralWords,
    #[serde(default)]
    pub units: Vec<UnitWords>,
}

/// The words of one field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldWords {
    /// Words that name the field when they are the head of a header ("navn", "beløp").
    #[serde(default)]
    pub heads: Vec<String>,
    /// Words that lean towards the field beside another head ("søkt", "total").
    #[serde(default)]
    pub modifiers: Vec<String>,
    /// Nouns for the thing itself ("tiltak", "prosjekt"): alone, they name it (titles only).
    #[serde(default)]
    pub objects: Vec<String>,
}

/// Words that shape how a header reads, whatever its field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneralWords {
    #[serde(default)]
    pub prepositions: Vec<String>,
    #[serde(default)]
    pub about: Vec<String>,
    #[serde(default)]
    pub question_words: Vec<String>,
    #[serde(default)]
    pub text_markers: Vec<String>,
    #[serde(default)]
    pub currencies: Vec<String>,
    #[serde(default)]
    pub noise: Vec<String>,
}

/// Words in a header that say its amounts are in some unit, and the factor to whole NOK.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitWords {
    pub words: Vec<String>,
    pub factor: i64,
}
