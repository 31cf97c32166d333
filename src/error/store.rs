//! What the database cannot do as asked, as data: an id that names nothing, a source
//! without that import, a file that is not the demo.

use crate::i18n::Lang;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StoreProblem {
    #[error("there is no initiative with id {0}")]
    NoSuchInitiative(i64),
    #[error("there is no active initiative with id {0}")]
    NoActiveInitiative(i64),
    #[error("{unknown} of the {total} ids name no initiative")]
    UnknownIds { unknown: usize, total: usize },
    #[error("a pair needs two different initiatives, got {0} twice")]
    PairWithItself(i64),
    #[error("the reference data changed while the file was imported; nothing was written, import it again")]
    ReferenceChanged,
    #[error("source '{source_name}' has no import batch {batch}")]
    NoSuchBatch { source_name: String, batch: i64 },
    #[error("source '{0}' has no imports")]
    NoImports(String),
    #[error("{} exists and is not a demo database", .0.display())]
    NotADemoDatabase(PathBuf),
}

impl StoreProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StoreProblem::NoSuchInitiative(id) => format!("det finnes ikke noe tiltak med id {id}"),
            StoreProblem::NoActiveInitiative(id) => format!("det finnes ikke noe aktivt tiltak med id {id}"),
            StoreProblem::UnknownIds { unknown, total } => {
                format!("{unknown} av de {total} id-ene hører ikke til noe tiltak")
            }
            StoreProblem::PairWithItself(id) => format!("et par må være to ulike tiltak, men fikk {id} to ganger"),
            StoreProblem::ReferenceChanged => {
                "referansedataene ble endret mens fila ble importert; ingenting er lagret, importer den på nytt".into()
            }
            StoreProblem::NoSuchBatch { source_name, batch } => {
                format!("kilden «{source_name}» har ingen import nummer {batch}")
            }
            StoreProblem::NoImports(source) => format!("kilden «{source}» har ingen importer"),
            StoreProblem::NotADemoDatabase(path) => {
                format!("{} finnes og er ikke en demodatabase", path.display())
            }
        }
    }

    /// The command or flag that would help on the command line.
    pub(super) fn cli_hint(&self, lang: Lang) -> Option<&'static str> {
        let nb = lang == Lang::Nb;
        match self {
            StoreProblem::NoSuchInitiative(_)
            | StoreProblem::NoActiveInitiative(_)
            | StoreProblem::UnknownIds { .. } => Some(if nb { "se `samla list`" } else { "see `samla list`" }),
            StoreProblem::NoSuchBatch { .. } => Some(if nb { "se `samla sources`" } else { "see `samla sources`" }),
            StoreProblem::NotADemoDatabase(_) => {
                Some(if nb { "gi `samla demo` en annen sti med --db" } else { "give `samla demo` another --db path" })
            }
            _ => None,
        }
    }
}
