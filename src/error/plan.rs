//! Why a priority plan cannot be made, and how to say so.

use crate::i18n::{self, Lang};
use crate::text::format_mnok;

/// Why a plan cannot be made; every variant is something the analyst can change.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlanError {
    #[error("the budget frame cannot be negative")]
    NegativeFrame,
    #[error("the order must list every initiative once")]
    BadOrder,
    #[error("there is no row {0} to lock")]
    NoSuchRow(usize),
    #[error("initiative {id} has no requested amount, so it cannot be locked into the frame")]
    LockedWithoutAmount { id: i64 },
    #[error("initiative {id} is locked both in and out")]
    LockedBoth { id: i64 },
    #[error("the locked-in initiatives ask for {locked_nok} NOK, more than the frame of {frame_nok} NOK")]
    LocksExceedFrame { locked_nok: i64, frame_nok: i64 },
}

impl PlanError {
    /// What went wrong, in the analyst's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PlanError::LocksExceedFrame { locked_nok, frame_nok } => format!(
                "{}: {} MNOK, {} {} MNOK",
                i18n::LOCKS_EXCEED.get(lang),
                format_mnok(*locked_nok),
                i18n::FRAME.get(lang).to_lowercase(),
                format_mnok(*frame_nok)
            ),
            PlanError::LockedWithoutAmount { id } => format!("{} ({id})", i18n::LOCKED_NO_AMOUNT.get(lang)),
            PlanError::LockedBoth { id } => format!("{} ({id})", i18n::LOCKED_BOTH.get(lang)),
            PlanError::NegativeFrame | PlanError::BadOrder | PlanError::NoSuchRow(_) => {
                i18n::NEGATIVE_FRAME.get(lang).to_string()
            }
        }
    }
}
