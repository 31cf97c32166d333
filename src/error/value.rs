//! Why a value in a sector file was not read, as data: an import warns with it, in the
//! user's language.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueProblem {
    #[error("'{word}' is not a number or a unit")]
    NotANumberOrUnit { word: String },
    #[error("no number found")]
    NoNumber,
    #[error("the separators do not make a number")]
    BadSeparators,
    #[error("the amount is out of range")]
    OutOfRange,
    #[error("looks like a date, not an amount")]
    LooksLikeDate,
    #[error("looks like a time of day, not an amount")]
    LooksLikeTime,
    #[error("looks like a fraction or a date, not an amount")]
    LooksLikeFraction,
    #[error("not a year")]
    NotAYear,
    #[error("not a date")]
    NotADate,
    #[error("not a known phase")]
    UnknownPhase,
    #[error("not a known risk")]
    UnknownRisk,
    #[error("names more than one {kind}: {}", names.join(", "))]
    Ambiguous { kind: &'static str, names: Vec<String> },
}

impl ValueProblem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            Self::NotANumberOrUnit { word } => format!("«{word}» er verken et tall eller en enhet"),
            Self::NoNumber => "fant ikke noe tall".into(),
            Self::BadSeparators => "skilletegnene gir ikke et tall".into(),
            Self::OutOfRange => "beløpet er urimelig stort".into(),
            Self::LooksLikeDate => "ser ut som en dato, ikke et beløp".into(),
            Self::LooksLikeTime => "ser ut som et klokkeslett, ikke et beløp".into(),
            Self::LooksLikeFraction => "ser ut som en brøk eller en dato, ikke et beløp".into(),
            Self::NotAYear => "ikke et årstall".into(),
            Self::NotADate => "ikke en dato".into(),
            Self::UnknownPhase => "ikke en kjent fase".into(),
            Self::UnknownRisk => "ikke et kjent risikonivå".into(),
            Self::Ambiguous { kind, names } => {
                let kind = if *kind == "phase" { "fase" } else { "risikonivå" };
                format!("nevner mer enn én {kind}: {}", names.join(", "))
            }
        }
    }
}
