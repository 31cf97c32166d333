//! The shape of `vocabulary.toml`: canonical phases and risks, and "no value" words.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(default)]
    pub empty: Vec<String>,
    #[serde(default)]
    pub no_life_event: Vec<String>,
    #[serde(default)]
    pub phase: Vec<VocabularyTerm>,
    #[serde(default)]
    pub risk: Vec<VocabularyTerm>,
}

/// A canonical value (stored as `name`) and the other ways files write it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VocabularyTerm {
    pub name: String,
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}
