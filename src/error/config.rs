//! What is wrong with the analyst's own settings files (`config.toml`, and the terminal
//! UI's `theme.toml` and `keymap.toml`).

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ConfigProblem {
    /// TOML samla cannot read: the parser's detail (line and column) as given.
    #[error("{file}: {detail}")]
    Unreadable { file: String, detail: String },
    #[error("{file}: duplicate_threshold must lie between 0 and 1, got {value}")]
    ThresholdOutOfRange { file: String, value: f64 },
    #[error("unknown theme '{name}'; themes are: {known}")]
    UnknownTheme { name: String, known: String },
    #[error("{file}: unknown style role '{role}'; roles are: {known}")]
    UnknownStyleRole { file: String, role: String, known: String },
    #[error("{file}: {role}: {problem}")]
    BadStyle { file: String, role: String, problem: StyleProblem },
    #[error("{file}, line {line}: unknown action '{name}'{}", did_you_mean(hint))]
    UnknownAction { file: String, line: usize, name: String, hint: Vec<String> },
    #[error("{file}, line {line}: '{key}' is not a key")]
    NotAKey { file: String, line: usize, key: String },
    #[error("{file}, line {line}: key '{key}' is bound to both {first} and {second}")]
    KeyBoundTwice { file: String, line: usize, key: String, first: String, second: String },
}

/// What is wrong with one style of a theme.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StyleProblem {
    #[error("unknown modifier '{0}'")]
    UnknownModifier(String),
    #[error("'{0}' is not a colour")]
    NotAColour(String),
}

fn did_you_mean(hint: &[String]) -> String {
    if hint.is_empty() { String::new() } else { format!("; did you mean {}?", hint.join(", ")) }
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
            (ConfigProblem::UnknownTheme { name, known }, Lang::Nb) => {
                format!("det finnes ikke noe tema som heter «{name}»; temaene er: {known}")
            }
            (ConfigProblem::UnknownStyleRole { file, role, known }, Lang::Nb) => {
                format!("{file}: ukjent stilrolle «{role}»; rollene er: {known}")
            }
            (ConfigProblem::BadStyle { file, role, problem }, Lang::Nb) => {
                let problem = match problem {
                    StyleProblem::UnknownModifier(m) => format!("ukjent stilvariant «{m}»"),
                    StyleProblem::NotAColour(c) => format!("«{c}» er ikke en farge"),
                };
                format!("{file}: {role}: {problem}")
            }
            (ConfigProblem::UnknownAction { file, line, name, hint }, Lang::Nb) => {
                let hint = if hint.is_empty() { String::new() } else { format!("; mente du {}?", hint.join(", ")) };
                format!("{file}, linje {line}: ukjent handling «{name}»{hint}")
            }
            (ConfigProblem::NotAKey { file, line, key }, Lang::Nb) => {
                format!("{file}, linje {line}: «{key}» er ikke en tast")
            }
            (ConfigProblem::KeyBoundTwice { file, line, key, first, second }, Lang::Nb) => {
                format!("{file}, linje {line}: tasten «{key}» er bundet både til {first} og {second}")
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
        let action = ConfigProblem::UnknownAction {
            file: "keymap.toml".into(),
            line: 3,
            name: "serch".into(),
            hint: vec!["search".into()],
        };
        assert_eq!(action.message(Lang::Nb), "keymap.toml, linje 3: ukjent handling «serch»; mente du search?");
        assert_eq!(action.message(Lang::En), "keymap.toml, line 3: unknown action 'serch'; did you mean search?");
        let colour = ConfigProblem::BadStyle {
            file: "theme.toml".into(),
            role: "header".into(),
            problem: StyleProblem::NotAColour("rosa".into()),
        };
        assert_eq!(colour.message(Lang::Nb), "theme.toml: header: «rosa» er ikke en farge");
    }
}
