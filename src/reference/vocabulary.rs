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
    /// Words that dress a phase up ("Fase 2 – planlegging", "konseptfasen", "idéstadiet").
    #[serde(default)]
    pub phase_words: Vec<String>,
    /// Words for "under way" that fit any phase: they name one only when nothing else does.
    #[serde(default)]
    pub progress_words: Vec<String>,
    /// Words that dress a risk up ("høy risiko", "risikonivå: lav").
    #[serde(default)]
    pub risk_words: Vec<String>,
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
