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
            UsageProblem::NotAScore(_) => return None,
        })
    }
}
