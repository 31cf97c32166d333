//! Mistakes in the tag language (`liv:dødsfall eier:Nav -tag:ks1`), as data.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TagProblem {
    #[error("'{0}' is not KEY:VALUE; use liv:, eier:, dep:, tag:, fase: or risiko: (a leading - removes)")]
    NotKeyValue(String),
    #[error("{0}: needs a value")]
    NeedsValue(String),
    #[error("'{0}' is not a usable tag")]
    UnusableTag(String),
    #[error("nothing to change; e.g. liv:dødsfall, eier:Nav, tag:ks1")]
    NothingToChange,
}

impl TagProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            TagProblem::NotKeyValue(token) => format!(
                "«{token}» er ikke NØKKEL:VERDI; bruk liv:, eier:, dep:, tag:, fase: eller risiko: (en - foran fjerner)"
            ),
            TagProblem::NeedsValue(key) => format!("{key}: mangler verdi"),
            TagProblem::UnusableTag(tag) => format!("«{tag}» kan ikke brukes som stikkord"),
            TagProblem::NothingToChange => "ingenting å endre; for eksempel liv:dødsfall, eier:Nav, tag:ks1".into(),
        }
    }
}
