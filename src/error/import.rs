//! Why a file was not imported, as data: the terminal UI and the command line say it in
//! the user's language, and only the command line adds which flag would help.

use super::read::ReadError;
use crate::i18n::Lang;
use crate::text::{group_thousands, shorten};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportProblem {
    #[error("is a directory; give the files to import")]
    IsDirectory,
    #[error("is not a regular file (a device, pipe or socket); give a file to import")]
    NotARegularFile,
    #[error("is larger than {} MiB; split it before importing", limit_bytes >> 20)]
    TooLarge { limit_bytes: u64 },
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{0}")]
    Layout(Box<LayoutError>),
    /// A layout problem on a workbook's chosen sheet while it has others.
    #[error("{error} (sheet '{sheet}'); the table may be on another sheet: {}", quoted(others))]
    LayoutOnSheet { error: Box<LayoutError>, sheet: String, others: Vec<String> },
    #[error("the source label must not be empty")]
    EmptySourceLabel,
    #[error("has a header row (line {header_row}) but no data rows below it")]
    NoDataRows { header_row: usize },
    #[error("the import's reader thread failed")]
    ReaderFailed,
    #[error(
        "this round would withdraw {withdrawn} of the {active} active initiatives of source '{label}' \
         (their keys are missing from the file); nothing was changed"
    )]
    WouldWithdraw { label: String, withdrawn: usize, active: usize },
    /// Detection is unsure which column holds some of the fields an import cannot do
    /// without; nothing was written, and the proposal is there to confirm or correct.
    #[error("samla is unsure which column holds {}; nothing was written", fields.join(", "))]
    Unsure { fields: Vec<String>, columns: Vec<ColumnGuess> },
}

/// One column of a file as detection read it, for the analyst to confirm or correct.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnGuess {
    pub header: String,
    pub samples: Vec<String>,
    /// samla's field name, when the column was given one.
    pub field: Option<String>,
    /// low, medium, high or confirmed.
    pub confidence: Option<String>,
}

/// What went wrong deciding which column is which.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    #[error("no header row found: the file has no row with two or more filled cells")]
    NoHeaderRow,
    #[error("no column looks like a title; the columns are: {}", listed(columns, *more))]
    NoTitle { columns: Vec<String>, more: usize },
    #[error("there is no column '{column}' for {field}; the columns are: {}", listed(columns, *more))]
    NoSuchColumn { field: String, column: String, columns: Vec<String>, more: usize },
    #[error("{field} is mapped to two columns, '{first}' and '{second}'; give one")]
    FieldMappedTwice { field: String, first: String, second: String },
    #[error("column '{column}' is mapped to two fields, {first} and {second}; give one")]
    ColumnMappedTwice { column: String, first: String, second: String },
}

impl ImportProblem {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nb => self.bokmal(),
        }
    }

    fn bokmal(&self) -> String {
        match self {
            Self::IsDirectory => "er en mappe; velg filene som skal importeres".into(),
            Self::NotARegularFile => "er ikke en vanlig fil (en enhet, et rør eller en sokkel); velg en fil".into(),
            Self::TooLarge { limit_bytes } => {
                format!("er større enn {} MiB; del den opp før import", limit_bytes >> 20)
            }
            Self::Read(error) => error.message(Lang::Nb),
            Self::Layout(error) => error.message(Lang::Nb),
            Self::LayoutOnSheet { error, sheet, others } => format!(
                "{} (arket «{sheet}»); tabellen kan ligge på et annet ark: {}",
                error.message(Lang::Nb),
                quoted(others)
            ),
            Self::EmptySourceLabel => "kildenavnet kan ikke være tomt".into(),
            Self::NoDataRows { header_row } => {
                format!("har en overskriftsrad (linje {header_row}), men ingen datarader under den")
            }
            Self::ReaderFailed => "lesetråden til importen feilet".into(),
            Self::Unsure { fields, .. } => format!(
                "samla er usikker på hvilken kolonne som er {}; ingenting er lagret",
                fields.iter().map(|f| field_label(f, Lang::Nb)).collect::<Vec<_>>().join(", ")
            ),
            Self::WouldWithdraw { label, withdrawn, active } => format!(
                "denne runden ville trukket {} av de {} aktive tiltakene i kilden «{label}» (nøklene deres \
                 mangler i fila); ingenting er endret",
                group_thousands(*withdrawn as i64),
                group_thousands(*active as i64)
            ),
        }
    }

    /// What a command-line user can add to go on, in `lang`; None when nothing helps.
    pub fn cli_hint(&self, lang: Lang) -> Option<&'static str> {
        let hint = match self {
            ImportProblem::Layout(error) if matches!(**error, LayoutError::NoTitle { .. }) => {
                ("name the title column with --map title=COLUMN", "angi tittelkolonnen med --map title=KOLONNE")
            }
            ImportProblem::LayoutOnSheet { .. } => {
                ("choose the sheet with --sheet NAME", "velg arket med --sheet NAVN")
            }
            ImportProblem::Read(ReadError::SheetInCsv) => ("leave out --sheet", "utelat --sheet"),
            ImportProblem::Unsure { .. } => (
                "check the proposal above; confirm it with --yes or give the columns with --map FIELD=COLUMN",
                "se forslaget over; godta det med --yes eller angi kolonnene med --map FELT=KOLONNE",
            ),
            ImportProblem::WouldWithdraw { .. } => (
                "if the source really dropped them, import again with --allow-withdraw",
                "hvis kilden virkelig har tatt dem ut, importer på nytt med --allow-withdraw",
            ),
            _ => return None,
        };
        Some(match lang {
            Lang::En => hint.0,
            Lang::Nb => hint.1,
        })
    }
}

impl LayoutError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nb => match self {
                Self::NoHeaderRow => {
                    "fant ingen overskriftsrad: fila har ingen rad med to eller flere fylte celler".into()
                }
                Self::NoTitle { columns, more } => {
                    format!("ingen kolonne ser ut som en tittel; kolonnene er: {}", listed_nb(columns, *more))
                }
                Self::NoSuchColumn { field, column, columns, more } => format!(
                    "det finnes ingen kolonne «{column}» for {}; kolonnene er: {}",
                    field_label(field, Lang::Nb),
                    listed_nb(columns, *more)
                ),
                Self::FieldMappedTwice { field, first, second } => format!(
                    "{} er koblet til to kolonner, «{first}» og «{second}»; velg én",
                    field_label(field, Lang::Nb)
                ),
                Self::ColumnMappedTwice { column, first, second } => format!(
                    "kolonnen «{column}» er koblet til to felt, {} og {}; velg ett",
                    field_label(first, Lang::Nb),
                    field_label(second, Lang::Nb)
                ),
            },
        }
    }
}

/// How many columns an error names: a file may have 10 000 columns or a header cell of a
/// megabyte, and the message must still be one readable line.
pub const LISTED_COLUMNS: usize = 10;

/// The first columns' names for an error, each cut short, and how many more there are.
pub fn some_columns(headers: &[String]) -> (Vec<String>, usize) {
    let listed = headers.iter().take(LISTED_COLUMNS).map(|h| shorten(h, 40)).collect();
    (listed, headers.len().saturating_sub(LISTED_COLUMNS))
}

fn listed(columns: &[String], more: usize) -> String {
    let mut text = columns.join(", ");
    if more > 0 {
        text.push_str(&format!(", … and {} more", group_thousands(more as i64)));
    }
    text
}

fn listed_nb(columns: &[String], more: usize) -> String {
    let mut text = columns.join(", ");
    if more > 0 {
        text.push_str(&format!(", … og {} til", group_thousands(more as i64)));
    }
    text
}

/// A field's name as the user reads it (samla's field names are its English column names).
pub fn field_label(field: &str, lang: Lang) -> String {
    crate::i18n::field_name(field).map_or_else(|| field.to_string(), |text| text.get(lang).to_lowercase())
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("'{}'", shorten(n, 40))).collect::<Vec<_>>().join(", ")
}

/// The English hint after an import problem in `Display` (the command line's wording).
pub(super) fn hint_suffix(problem: &ImportProblem) -> String {
    problem.cli_hint(Lang::En).map(|hint| format!("; {hint}")).unwrap_or_default()
}
