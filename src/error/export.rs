//! Why an export or a brief was not written, as data.

use crate::i18n::Lang;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportProblem {
    #[error("{} is a directory, not a file name", .0.display())]
    OutputIsDirectory(PathBuf),
    #[error("the directory {} does not exist", .0.display())]
    NoDirectory(PathBuf),
    #[error("cannot tell the brief's format from {}; name it .md (Markdown) or .html", .0.display())]
    BriefFormat(PathBuf),
    #[error("cannot tell the format of {} from its name; name it .csv, .xlsx, .md or .json", .0.display())]
    UnknownFormat(PathBuf),
    /// The brief's template (samla's own or the user's copy) has a syntax error.
    #[error("template syntax: {0}")]
    TemplateSyntax(String),
    /// The brief's template failed while filling it in (a misspelt name, say).
    #[error("brief template: {0}")]
    Template(String),
}

impl ExportProblem {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ExportProblem::OutputIsDirectory(path) => format!("{} er en mappe, ikke et filnavn", path.display()),
            ExportProblem::NoDirectory(path) => format!("mappen {} finnes ikke", path.display()),
            ExportProblem::BriefFormat(path) => format!(
                "kan ikke se av {} hvilket format notatet skal ha; kall fila .md (Markdown) eller .html",
                path.display()
            ),
            ExportProblem::UnknownFormat(path) => format!(
                "kan ikke se av navnet hvilket format {} skal ha; kall fila .csv, .xlsx, .md eller .json",
                path.display()
            ),
            ExportProblem::TemplateSyntax(detail) => format!("feil i malen: {detail}"),
            ExportProblem::Template(detail) => format!("malen for notatet: {detail}"),
        }
    }

    /// The flag that would help on the command line.
    pub(super) fn cli_hint(&self, lang: Lang) -> Option<&'static str> {
        let nb = lang == Lang::Nb;
        match self {
            ExportProblem::OutputIsDirectory(_) => {
                Some(if nb { "oppgi et filnavn med --out" } else { "give a file name with --out" })
            }
            ExportProblem::UnknownFormat(_) => Some(if nb {
                "eller velg med --format csv, xlsx, md eller json"
            } else {
                "or add --format csv, xlsx, md or json"
            }),
            _ => None,
        }
    }
}
