//! Why an import round could not be undone, as data, in the user's language.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundProblem {
    #[error("there is no import round {batch_id}")]
    NoSuchRound { batch_id: i64 },
    /// Only the latest round of a source can be undone: later rounds build on it.
    #[error("round {round} of '{label}' is not its latest (round {latest}); undo the later rounds first")]
    NotLatest { label: String, round: i64, latest: i64 },
    /// Rounds imported before samla kept what they changed cannot be undone.
    #[error("round {round} of '{label}' was imported before samla could undo rounds")]
    NotUndoable { label: String, round: i64 },
}

impl RoundProblem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            RoundProblem::NoSuchRound { batch_id } => format!("det finnes ingen importrunde {batch_id}"),
            RoundProblem::NotLatest { label, round, latest } => format!(
                "runde {round} av «{label}» er ikke den siste (det er runde {latest}); angre de senere rundene først"
            ),
            RoundProblem::NotUndoable { label, round } => {
                format!("runde {round} av «{label}» ble importert før samla kunne angre runder")
            }
        }
    }
}
