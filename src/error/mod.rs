//! The library's error type. Every variant renders as one line a user can act on, in the
//! user's language ([`Error::message`]); the command line adds what flag would help
//! ([`Error::cli_hint`]), the terminal UI does not. `Display` is the English, hint included.
//!
//! This is the bottom layer: it knows the words of every error but no other module.

mod config;
mod export;
mod filter;
pub mod import;
mod localise;
mod plan;
pub mod read;
mod reference;
#[cfg(test)]
mod rendering;
pub mod round;
mod scoring;
mod store;
mod tag;
mod usage;
pub mod value;

pub use config::{ConfigProblem, StyleProblem};
pub use export::ExportProblem;
pub use filter::FilterError;
pub use import::{ColumnGuess, ImportProblem, LayoutError};
pub use plan::PlanError;
pub use read::ReadError;
pub use reference::ReferenceProblem;
pub use round::RoundProblem;
pub use scoring::{BudgetProblem, ScoringProblem};
pub use store::StoreProblem;
pub use tag::TagProblem;
pub use usage::UsageProblem;

use std::path::PathBuf;

/// Errors from the samla library. `main` prints them as `samla: <message>`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no database at {path}: run `samla import FILE` or `samla demo` to create one")]
    DatabaseMissing { path: PathBuf },

    #[error("{path} is a directory, not a database file; give a file path with --db")]
    DatabaseIsDirectory { path: PathBuf },

    #[error("{path} is not a regular file (a device, pipe or socket); a database must be a file")]
    DatabaseNotAFile { path: PathBuf },

    #[error("{path} is not a samla database ({reason}); nothing was changed")]
    NotSamlaDatabase { path: PathBuf, reason: NotSamla },

    #[error(
        "{path} was written by a newer samla (schema version {found}, this samla knows up to {known}); \
         upgrade samla to open it; nothing was changed"
    )]
    SchemaTooNew { path: PathBuf, found: i64, known: i64 },

    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Stored data that cannot be read back (written by hand or damaged).
    #[error("database {path}: {message}")]
    Database { path: PathBuf, message: String },

    /// The database could not be opened or set up.
    #[error("database {path}: {problem}")]
    DatabaseOpen { path: PathBuf, problem: DatabaseProblem },

    #[error("{}", sql_message(.0))]
    Sql(#[from] rusqlite::Error),

    /// A reference file (built in or the user's copy) that samla cannot use.
    #[error("{file}: {problem}")]
    Reference { file: String, problem: ReferenceProblem },

    #[error("unknown {kind} '{value}'{}", did_you_mean(candidates))]
    UnknownValue { kind: &'static str, value: String, candidates: Vec<String> },

    /// Scores, weights, criteria or an amount that samla cannot use.
    #[error(transparent)]
    Scoring(#[from] ScoringProblem),

    /// A budget frame and locks the exact selection cannot meet.
    #[error(transparent)]
    Budget(#[from] BudgetProblem),

    /// An export or a brief that cannot be written.
    #[error(transparent)]
    Export(#[from] ExportProblem),

    /// Something the database cannot do as asked (an id that names nothing, say).
    #[error(transparent)]
    Store(#[from] StoreProblem),

    /// A mistake in the tag language.
    #[error(transparent)]
    Tag(#[from] TagProblem),

    /// A filter expression that cannot be read.
    #[error("filter: {0}")]
    Filter(#[from] FilterError),

    /// A mistake in what was asked from the command line or the terminal.
    #[error(transparent)]
    Usage(#[from] UsageProblem),

    /// Data samla made itself could not be encoded (JSON, CSV, XLSX): a bug or a full disk.
    #[error("cannot write {format}: {detail}")]
    Encode { format: &'static str, detail: String },

    /// No home directory to put samla's files in, and neither directory set.
    #[error("cannot find a home directory for samla's files; set {config_env} and {data_env}")]
    NoHomeDirectory { config_env: &'static str, data_env: &'static str },

    #[error("{file}: {problem}{}", import::hint_suffix(problem))]
    Import { file: String, problem: Box<ImportProblem> },

    /// A score sheet whose columns samla cannot place.
    #[error("{file}: {problem}")]
    ScoreSheet { file: String, problem: Box<ScoreSheetProblem> },

    #[error(transparent)]
    Settings(#[from] ConfigProblem),

    #[error("cancelled; nothing was changed")]
    Cancelled,

    /// An export or brief would replace a file: the CLI needs `--force`, the TUI asks.
    #[error("{path} exists already; add --force to replace it")]
    OutputExists { path: PathBuf },

    /// A budget frame and locks that no plan can meet.
    #[error(transparent)]
    Plan(#[from] PlanError),

    /// A mistake in asking for a priority list or a scenario.
    #[error(transparent)]
    Priorities(#[from] PrioritiesError),

    /// An import round that cannot be undone.
    #[error(transparent)]
    Round(#[from] RoundProblem),

    /// A background job of the terminal UI stopped on an internal error (a bug).
    #[error("an internal error stopped the {job} ({detail}); nothing was half-written")]
    WorkerFailed { job: &'static str, detail: String },
}

/// Why a file is not a samla database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NotSamla {
    #[error("the file is corrupt or not an SQLite database")]
    CorruptOrNotSqlite,
    #[error("it is an SQLite database of another application")]
    OtherApplication,
    #[error("the file is empty")]
    Empty,
    #[error("it is not an SQLite file")]
    NotSqlite,
}

/// Why a database could not be opened or set up.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DatabaseProblem {
    #[error("the file or its directory is read-only")]
    ReadOnly,
    #[error("cannot open the file (check that it and its directory are readable and writable)")]
    CannotOpen,
    #[error("permission denied")]
    PermissionDenied,
    #[error("another samla is writing to it and did not finish in time; try again")]
    Busy,
    #[error("the file is corrupt or not an SQLite database")]
    Corrupt,
    #[error("cannot switch to WAL journal mode (got {mode})")]
    NoWal { mode: String },
    #[error("{detail}")]
    Other { detail: String },
}

impl DatabaseProblem {
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::En {
            return self.to_string();
        }
        match self {
            DatabaseProblem::ReadOnly => "fila eller mappen er skrivebeskyttet".into(),
            DatabaseProblem::CannotOpen => "kan ikke åpne fila (sjekk at den og mappen kan leses og skrives)".into(),
            DatabaseProblem::PermissionDenied => "mangler tilgang".into(),
            DatabaseProblem::Busy => "en annen samla skriver til den og ble ikke ferdig i tide; prøv igjen".into(),
            DatabaseProblem::Corrupt => "fila er skadet eller ikke en SQLite-database".into(),
            DatabaseProblem::NoWal { mode } => format!("kan ikke gå over til WAL-journal (fikk {mode})"),
            DatabaseProblem::Other { detail } => detail.clone(),
        }
    }
}

fn did_you_mean(candidates: &[String]) -> String {
    if candidates.is_empty() { String::new() } else { format!("; did you mean {}?", candidates.join(", ")) }
}

/// A number as the user's language writes it: a decimal comma in bokmål, no trailing zeros.
pub(crate) fn number(value: f64, lang: crate::i18n::Lang) -> String {
    let text = format!("{value}");
    if lang == crate::i18n::Lang::Nb { text.replace('.', ",") } else { text }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Mistakes in asking for a priority list or a scenario.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PrioritiesError {
    #[error("a scenario needs a name")]
    ScenarioWithoutName,
    #[error("unknown selection mode '{0}'; use rank-order, most-benefit or value-for-money")]
    UnknownMode(String),
    #[error("unknown format '{0}'; use table, json or csv")]
    UnknownFormat(String),
    #[error("every weight of '{0}' is 0; set weights with `samla weights --set CRITERION=WEIGHT`")]
    AllWeightsZero(String),
}

impl PrioritiesError {
    /// The message in `lang`, naming no command-line flag.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::En {
            return match self {
                PrioritiesError::AllWeightsZero(name) => format!("every weight of '{name}' is 0"),
                other => other.to_string(),
            };
        }
        match self {
            PrioritiesError::ScenarioWithoutName => "et scenario må ha et navn".into(),
            PrioritiesError::UnknownMode(mode) => format!(
                "ukjent utvalg «{mode}»; bruk rank-order (rangeringsrekkefølge), most-benefit (mest nytte) eller \
                 value-for-money (nytte per krone)"
            ),
            PrioritiesError::UnknownFormat(format) => format!("ukjent format «{format}»; bruk table, json eller csv"),
            PrioritiesError::AllWeightsZero(name) => format!("alle vektene i «{name}» er 0"),
        }
    }
}

/// Why a score sheet could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreSheetProblem {
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error(
        "line {line}: the criteria columns ({}) are all derived and fill themselves; add a column for a scored \
         criterion ({})", derived.join(", "), manual.join(", ")
    )]
    OnlyDerived { line: usize, derived: Vec<String>, manual: Vec<String> },
    #[error(
        "no header row with an id or key column and a criterion column; name the columns id (or key) and {}",
        manual.join(", ")
    )]
    NoLayout { manual: Vec<String> },
}

impl Error {
    /// A file that was not imported, and why.
    pub(crate) fn import(file: impl Into<String>, problem: ImportProblem) -> Self {
        Error::Import { file: file.into(), problem: Box::new(problem) }
    }

    /// True when an import was refused because it would withdraw much of its source.
    pub fn would_withdraw(&self) -> bool {
        matches!(self, Error::Import { problem, .. } if matches!(**problem, ImportProblem::WouldWithdraw { .. }))
    }

    /// Data samla made itself that could not be encoded as `format`.
    pub(crate) fn encode(format: &'static str, detail: impl std::fmt::Display) -> Self {
        Error::Encode { format, detail: detail.to_string() }
    }

    /// A reference file named `file` that samla cannot use.
    pub(crate) fn reference(file: impl Into<String>, problem: ReferenceProblem) -> Self {
        Error::Reference { file: file.into(), problem }
    }

    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// An unknown value with the closest valid ones listed, so the user can correct it.
    pub(crate) fn unknown(kind: &'static str, value: &str, candidates: &[String]) -> Self {
        Error::UnknownValue { kind, value: value.to_string(), candidates: candidates.to_vec() }
    }
}

impl Error {
    /// Another process held the write lock for longer than samla waits.
    pub fn is_busy(&self) -> bool {
        matches!(self, Error::Sql(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy))
    }
}

/// SQLite's own words, except for the one error a user can act on: another process (an
/// import in another terminal) held the write lock for longer than samla waits.
fn sql_message(error: &rusqlite::Error) -> String {
    if error.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) {
        "another samla is still writing to the database (an import?); nothing was changed here, \
         try again when it is done"
            .to_string()
    } else {
        format!("database error: {error}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_database_is_explained() {
        let busy = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY), None);
        let busy = Error::from(busy);
        assert!(busy.is_busy());
        assert!(busy.to_string().starts_with("another samla is still writing"));
        let other = rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT), None);
        let other = Error::from(other);
        assert!(!other.is_busy());
        assert!(other.to_string().starts_with("database error: "));
    }
}
