//! Mistakes in what was asked of samla from the command line or the terminal, as data.
//! The messages name no flag; [`UsageProblem::cli_hint`] does, for the command line.

use super::number;
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum UsageProblem {
    #[error("no initiatives to tag")]
    NothingToTag,
    #[error("'{0}' is not a score; give a number on the criterion's scale, or - to clear")]
    NotAScore(String),
    #[error("the duplicate threshold must lie between 0 and 1, got {0}")]
    Threshold(f64),
    #[error("the resolution must be more than 0 NOK")]
    Resolution,
    #[error("locking initiatives in or out needs a budget frame")]
    LocksNeedFrame,
    #[error("the terminal UI needs an interactive terminal")]
    NotATerminal,
    #[error("'{0}' is not FIELD=COLUMN")]
    NotFieldColumn(String),
    #[error("unknown field '{field}'; fields are: {known}")]
    UnknownField { field: String, known: String },
    #[error("'{0}' names no column")]
    NoColumn(String),
    #[error("'{0}' is not an amount in MNOK (e.g. 12,5)")]
    NotMnok(String),
    #[error("'{0}' is out of range")]
    OutOfRange(String),
    #[error("'{0}' is not CRITERION=WEIGHT")]
    NotCriterionWeight(String),
    #[error("'{0}' is not a weight (a number of 0 or more)")]
    NotAWeight(String),
}

impl UsageProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            UsageProblem::NothingToTag => "ingen tiltak å merke".into(),
            UsageProblem::NotAScore(text) => {
                format!("«{text}» er ikke en poengsum; gi et tall på kriteriets skala, eller - for å tømme")
            }
            UsageProblem::Threshold(value) => {
                format!("terskelen for duplikater må ligge mellom 0 og 1, ikke {}", number(*value, lang))
            }
            UsageProblem::Resolution => "oppløsningen må være mer enn 0 kroner".into(),
            UsageProblem::LocksNeedFrame => "å låse tiltak inn eller ute krever en budsjettramme".into(),
            UsageProblem::NotATerminal => "skjermbildet trenger en interaktiv terminal".into(),
            UsageProblem::NotFieldColumn(text) => format!("«{text}» er ikke FELT=KOLONNE"),
            UsageProblem::UnknownField { field, known } => format!("ukjent felt «{field}»; feltene er: {known}"),
            UsageProblem::NoColumn(text) => format!("«{text}» nevner ingen kolonne"),
            UsageProblem::NotMnok(text) => format!("«{text}» er ikke et beløp i MNOK (f.eks. 12,5)"),
            UsageProblem::OutOfRange(text) => format!("«{text}» er utenfor det som kan brukes"),
            UsageProblem::NotCriterionWeight(text) => format!("«{text}» er ikke KRITERIUM=VEKT"),
            UsageProblem::NotAWeight(text) => format!("«{text}» er ikke en vekt (et tall, 0 eller mer)"),
        }
    }

    /// The flag or command that would help on the command line.
    pub(super) fn cli_hint(&self, lang: Lang) -> Option<&'static str> {
        let nb = lang == Lang::Nb;
        Some(match self {
            UsageProblem::NothingToTag => {
                if nb {
                    "oppgi id-er eller et --filter som velger noen"
                } else {
                    "give ids or a --filter that selects some"
                }
            }
            UsageProblem::Threshold(_) => {
                if nb {
                    "gjelder --threshold"
                } else {
                    "in --threshold"
                }
            }
            UsageProblem::Resolution => {
                if nb {
                    "gjelder --resolution"
                } else {
                    "in --resolution"
                }
            }
            UsageProblem::LocksNeedFrame => {
                if nb {
                    "--lock-in og --lock-out krever --budget"
                } else {
                    "--lock-in and --lock-out need --budget"
                }
            }
            UsageProblem::NotATerminal => {
                if nb {
                    "i skript, bruk `samla list`, `samla show ID` eller `samla --help`"
                } else {
                    "for scripts use `samla list`, `samla show ID` or `samla --help`"
                }
            }
            UsageProblem::NotAScore(_)
            | UsageProblem::NotFieldColumn(_)
            | UsageProblem::UnknownField { .. }
            | UsageProblem::NoColumn(_)
            | UsageProblem::NotMnok(_)
            | UsageProblem::OutOfRange(_)
            | UsageProblem::NotCriterionWeight(_)
            | UsageProblem::NotAWeight(_) => return None,
        })
    }
}
