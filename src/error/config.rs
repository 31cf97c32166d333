//! What is wrong with the analyst's own settings file (`config.toml`).

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigProblem {
    /// TOML samla cannot read: the parser's detail (line and column) as given.
    #[error("{file}: {detail}")]
    Unreadable { file: String, detail: String },
    #[error("{file}: duplicate_threshold must lie between 0 and 1, got {value}")]
    ThresholdOutOfRange { file: String, value: f64 },
}

impl ConfigProblem {
    /// What is wrong, in the analyst's language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ConfigProblem::Unreadable { file, detail }, Lang::Nb) => {
                format!("{file} kan ikke leses: {detail}")
            }
            (ConfigProblem::ThresholdOutOfRange { file, value }, Lang::Nb) => {
                let value = value.to_string().replace('.', ",");
                format!("{file}: duplicate_threshold må ligge mellom 0 og 1, men er {value}")
            }
            (problem, Lang::En) => problem.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_problems_read_in_both_languages() {
        let out = ConfigProblem::ThresholdOutOfRange { file: "config.toml".into(), value: 1.5 };
        assert_eq!(out.message(Lang::Nb), "config.toml: duplicate_threshold må ligge mellom 0 og 1, men er 1,5");
        assert_eq!(out.message(Lang::En), "config.toml: duplicate_threshold must lie between 0 and 1, got 1.5");
        let bad = ConfigProblem::Unreadable { file: "config.toml".into(), detail: "line 2".into() };
        assert_eq!(bad.message(Lang::Nb), "config.toml kan ikke leses: line 2");
    }
}
