//! Every error in the user's language, without command-line flags; the hints that name
//! flags are apart, for the command line only.

use super::{Error, NotSamla, ScoreSheetProblem};
use crate::i18n::Lang;
use std::io::ErrorKind;

impl Error {
    /// The message in `lang`, naming no command-line flag (what the terminal UI shows).
    pub fn message(&self, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        let pick = |nb_text: String, en_text: String| if nb { nb_text } else { en_text };
        match self {
            Error::DatabaseMissing { .. }
            | Error::DatabaseIsDirectory { .. }
            | Error::DatabaseNotAFile { .. }
            | Error::NotSamlaDatabase { .. }
            | Error::SchemaTooNew { .. }
            | Error::Io { .. }
            | Error::Database { .. }
            | Error::DatabaseOpen { .. }
            | Error::Sql(_) => self.file_message(lang),
            Error::UnknownValue { kind, value, candidates } => {
                let hint = |did_you_mean: &str| {
                    if candidates.is_empty() {
                        String::new()
                    } else {
                        format!("; {did_you_mean} {}?", candidates.join(", "))
                    }
                };
                pick(
                    format!("ukjent {} «{value}»{}", kind_nb(kind), hint("mente du")),
                    format!("unknown {kind} '{value}'{}", hint("did you mean")),
                )
            }
            Error::Import { file, problem } => format!("{file}: {}", problem.message(lang)),
            Error::ScoreSheet { file, problem } => format!("{file}: {}", problem.message(lang)),
            Error::Cancelled => pick("avbrutt; ingenting er endret".into(), self.to_string()),
            Error::OutputExists { path } => {
                pick(format!("{} finnes allerede", path.display()), format!("{} exists already", path.display()))
            }
            Error::WorkerFailed { job, detail } => pick(
                format!("en intern feil stoppet {} ({detail}); ingenting er halvveis lagret", job_nb(job)),
                self.to_string(),
            ),
            Error::Plan(plan) => plan.message(lang),
            Error::Priorities(problem) => problem.message(lang),
            Error::Round(problem) => problem.message(lang),
            Error::Scoring(problem) => problem.message(lang),
            Error::Budget(problem) => problem.message(lang),
            Error::Export(problem) => problem.message(lang),
            Error::Store(problem) => problem.message(lang),
            Error::Tag(problem) => problem.message(lang),
            Error::Filter(problem) => problem.message(lang),
            Error::Usage(problem) => problem.message(lang),
            Error::Encode { format, detail } => pick(format!("kan ikke skrive {format}: {detail}"), self.to_string()),
            Error::NoHomeDirectory { config_env, data_env } => pick(
                format!("finner ingen hjemmemappe til samlas filer; sett {config_env} og {data_env}"),
                self.to_string(),
            ),
            Error::Reference { file, problem } => format!("{file}: {}", problem.message(lang)),
            Error::Settings(problem) => problem.message(lang),
        }
    }

    /// [`Error::message`] for the errors of a file samla opens, the database first: it is
    /// missing, not a file, not samla's, too new, unreadable or busy.
    fn file_message(&self, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        let pick = |nb_text: String, en_text: String| if nb { nb_text } else { en_text };
        match self {
            Error::DatabaseMissing { path } => pick(
                format!("det finnes ingen database på {}", path.display()),
                format!("no database at {}", path.display()),
            ),
            Error::DatabaseIsDirectory { path } => pick(
                format!("{} er en mappe, ikke en databasefil", path.display()),
                format!("{} is a directory, not a database file", path.display()),
            ),
            Error::DatabaseNotAFile { path } => pick(
                format!(
                    "{} er ikke en vanlig fil (en enhet, et rør eller en sokkel); en database må være en fil",
                    path.display()
                ),
                format!(
                    "{} is not a regular file (a device, pipe or socket); a database must be a file",
                    path.display()
                ),
            ),
            Error::NotSamlaDatabase { path, reason } => pick(
                format!(
                    "{} er ikke en samla-database ({}); ingenting er endret",
                    path.display(),
                    reason.message(Lang::Nb)
                ),
                format!("{} is not a samla database ({reason}); nothing was changed", path.display()),
            ),
            Error::SchemaTooNew { path, found, known } => pick(
                format!(
                    "{} er skrevet av en nyere samla (skjemaversjon {found}, denne samla kjenner opp til {known}); \
                     oppgrader samla for å åpne den; ingenting er endret",
                    path.display()
                ),
                self.to_string(),
            ),
            Error::Io { action, path, source } => {
                pick(format!("kan ikke {} {}: {}", action_nb(action), path.display(), io_nb(source)), self.to_string())
            }
            Error::Database { path, message } => {
                pick(format!("databasen {}: {message}", path.display()), self.to_string())
            }
            Error::DatabaseOpen { path, problem } => {
                pick(format!("databasen {}: {}", path.display(), problem.message(Lang::Nb)), self.to_string())
            }
            Error::Sql(_) if self.is_busy() => pick(
                "en annen samla skriver fortsatt til databasen (en import?); ingenting er endret her, prøv igjen når \
                 den er ferdig"
                    .into(),
                self.to_string(),
            ),
            Error::Sql(error) => pick(format!("databasefeil: {error}"), self.to_string()),
            // Only the errors above are sent here.
            _ => self.to_string(),
        }
    }

    /// What a command-line user can add or run to go on, in `lang`.
    pub fn cli_hint(&self, lang: Lang) -> Option<String> {
        let nb = lang == Lang::Nb;
        let (nb_text, en_text) = match self {
            Error::DatabaseMissing { .. } => (
                "lag en med `samla import FIL` eller `samla demo`",
                "run `samla import FILE` or `samla demo` to create one",
            ),
            Error::DatabaseIsDirectory { .. } => ("oppgi en filsti med --db", "give a file path with --db"),
            Error::OutputExists { .. } => ("legg til --force for å erstatte den", "add --force to replace it"),
            Error::Priorities(super::PrioritiesError::AllWeightsZero(_))
            | Error::Scoring(super::ScoringProblem::AllWeightsZero) => (
                "sett vekter med `samla weights --set KRITERIUM=VEKT`",
                "set weights with `samla weights --set CRITERION=WEIGHT`",
            ),
            Error::Import { problem, .. } => return problem.cli_hint(lang).map(str::to_string),
            Error::Export(problem) => return problem.cli_hint(lang).map(str::to_string),
            Error::Store(problem) => return problem.cli_hint(lang).map(str::to_string),
            Error::Usage(problem) => return problem.cli_hint(lang).map(str::to_string),
            Error::Scoring(super::ScoringProblem::Spread { .. }) => ("gjelder --spread", "in --spread"),
            Error::Filter(_) => ("gjelder --filter", "in --filter"),
            _ => return None,
        };
        Some(if nb { nb_text } else { en_text }.to_string())
    }
}

impl NotSamla {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            NotSamla::CorruptOrNotSqlite => "fila er skadet eller ikke en SQLite-database",
            NotSamla::OtherApplication => "det er en SQLite-database for et annet program",
            NotSamla::Empty => "fila er tom",
            NotSamla::NotSqlite => "det er ikke en SQLite-fil",
        }
        .into()
    }
}

impl ScoreSheetProblem {
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            ScoreSheetProblem::Read(error) => error.message(lang),
            ScoreSheetProblem::OnlyDerived { line, derived, manual } => format!(
                "linje {line}: kriteriekolonnene ({}) er alle avledet og fyller seg selv; legg til en kolonne for et \
                 kriterium som får poeng ({})",
                derived.join(", "),
                manual.join(", ")
            ),
            ScoreSheetProblem::NoLayout { manual } => format!(
                "fant ingen overskriftsrad med en id- eller nøkkelkolonne og en kriteriekolonne; kall kolonnene id \
                 (eller nøkkel) og {}",
                manual.join(", ")
            ),
        }
    }
}

fn action_nb(action: &str) -> &'static str {
    match action {
        "read" => "lese",
        "write" => "skrive",
        "create" => "lage",
        "create directory" => "lage mappen",
        "open" => "åpne",
        "remove" => "slette",
        "draw on" => "tegne på",
        _ => "bruke",
    }
}

/// The operating system's reason in bokmål, for the reasons a user meets.
fn io_nb(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => "finnes ikke".into(),
        ErrorKind::PermissionDenied => "mangler tilgang".into(),
        ErrorKind::AlreadyExists => "finnes allerede".into(),
        ErrorKind::IsADirectory => "er en mappe".into(),
        ErrorKind::NotADirectory => "en del av stien er ikke en mappe".into(),
        ErrorKind::StorageFull => "disken er full".into(),
        ErrorKind::ReadOnlyFilesystem => "filsystemet er skrivebeskyttet".into(),
        ErrorKind::InvalidData => "ugyldige data".into(),
        _ => error.to_string(),
    }
}

fn kind_nb(kind: &str) -> &'static str {
    match kind {
        "criterion" => "kriterium",
        "life event" => "livshendelse",
        "ministry" => "departement",
        "owner" => "eier",
        "scenario" => "scenario",
        "tag key" => "nøkkel",
        "tag" => "stikkord",
        "source" => "kilde",
        "phase" => "fase",
        "risk" => "risiko",
        _ => "verdi",
    }
}

fn job_nb(job: &str) -> &'static str {
    match job {
        "import" => "importen",
        "undo_round" => "angringen av runden",
        "load" => "innlastingen",
        "scoring" => "poengberegningen",
        "selection" => "utvalget",
        "suggestions" => "forslagene",
        "duplicates" => "duplikatsøket",
        "output" => "skrivingen",
        "writes" => "lagringen av endringene",
        _ => "en bakgrunnsjobb",
    }
}
