//! Why a filter expression (`dep:HOD liv:dødsfall beløp:>10`) cannot be read, as data. The
//! filter bar of the terminal UI and `--filter` on the command line both show it.

use crate::i18n::{self, Lang};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterError {
    UnknownKey { key: String, hints: Vec<String> },
    UnknownValue { key: String, value: String, hints: Vec<String> },
    BadNumber { key: String, value: String },
    EmptyValue { key: String },
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hint = |hints: &[String]| {
            if hints.is_empty() { String::new() } else { format!("; did you mean {}?", hints.join(", ")) }
        };
        match self {
            FilterError::UnknownKey { key, hints } => write!(f, "unknown filter '{key}:'{}", hint(hints)),
            FilterError::UnknownValue { key, value, hints } => write!(f, "unknown {key} '{value}'{}", hint(hints)),
            FilterError::BadNumber { key, value } => write!(f, "'{value}' is not a number or range for {key}:"),
            FilterError::EmptyValue { key } => write!(f, "{key}: needs a value"),
        }
    }
}

impl std::error::Error for FilterError {}

impl FilterError {
    /// The mistake in `lang`, after the words "filter error".
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return format!("{}: {self}", i18n::FILTER_ERROR.get(lang).to_lowercase());
        }
        let hint = |hints: &[String]| {
            if hints.is_empty() {
                String::new()
            } else {
                format!("; {} {}?", i18n::DID_YOU_MEAN.get(lang), hints.join(", "))
            }
        };
        let message = match self {
            FilterError::UnknownKey { key, hints } => {
                format!("{} «{key}:»{}", i18n::FILTER_UNKNOWN_KEY.get(lang), hint(hints))
            }
            FilterError::UnknownValue { key, value, hints } => {
                format!("{} «{value}» ({key}:){}", i18n::FILTER_UNKNOWN_VALUE.get(lang), hint(hints))
            }
            FilterError::BadNumber { key, value } => {
                format!("«{value}» {} {key}:", i18n::FILTER_BAD_NUMBER.get(lang))
            }
            FilterError::EmptyValue { key } => format!("{key}: {}", i18n::FILTER_EMPTY_VALUE.get(lang)),
        };
        format!("{}: {message}", i18n::FILTER_ERROR.get(lang).to_lowercase())
    }
}
