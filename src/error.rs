//! The library's error type. Every variant renders as one line a user can act on.

use std::path::PathBuf;

/// Errors from the samla library. `main` prints them as `samla: <message>`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("no database at {path}: run `samla import FILE` or `samla demo` to create one")]
    DatabaseMissing { path: PathBuf },

    #[error("{path} is a directory, not a database file; give a file path with --db")]
    DatabaseIsDirectory { path: PathBuf },

    #[error("{path} is not a samla database ({reason}); nothing was changed")]
    NotSamlaDatabase { path: PathBuf, reason: String },

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

    #[error("database {path}: {message}")]
    Database { path: PathBuf, message: String },

    #[error("{}", sql_message(.0))]
    Sql(#[from] rusqlite::Error),

    #[error("{file}: {message}")]
    Reference { file: String, message: String },

    #[error("unknown {kind} '{value}'{hint}")]
    UnknownValue { kind: &'static str, value: String, hint: String },

    #[error("{0}")]
    Invalid(String),

    /// A budget frame and locks that no plan can meet.
    #[error(transparent)]
    Plan(#[from] crate::scoring::PlanError),

    #[error(transparent)]
    Priorities(#[from] PrioritiesError),

    #[error("{file}: {message}")]
    Import { file: String, message: String },

    #[error("{0}")]
    Config(String),

    #[error("cancelled; nothing was changed")]
    Cancelled,

    /// An export or brief would replace a file: the CLI needs `--force`, the TUI asks.
    #[error("{path} exists already; add --force to replace it")]
    OutputExists { path: PathBuf },
}

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

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn io(action: &'static str, path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { action, path: path.into(), source }
    }

    /// An unknown value with the closest valid ones listed, so the user can correct it.
    pub(crate) fn unknown(kind: &'static str, value: &str, candidates: &[String]) -> Self {
        let hint =
            if candidates.is_empty() { String::new() } else { format!("; did you mean {}?", candidates.join(", ")) };
        Error::UnknownValue { kind, value: value.to_string(), hint }
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
