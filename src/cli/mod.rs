//! The command line: parsing (clap), then each command calls the library and prints.

mod args;
mod brief;
mod choices;
mod dedupe;
mod demo;
mod export;
mod health;
mod import;
mod list;
mod paths;
mod reference;
mod scoring;
pub mod table;
mod tag;
mod usage_error;

pub use args::*;

use crate::config::{Config, Lang};
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, Store};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "samla",
    version,
    about = "See every sector's digitalisation initiatives in one place, and decide what to fund",
    long_about = "samla is an offline workbench for budget analysts: import each sector's list of \
initiatives (CSV, Excel, any layout and encoding) into one local database, tag them by life event \
and owner, find parallel solutions across sectors, prioritise, and export.\n\n\
Run without a command to open the terminal UI on your database.",
    after_help = "Start with `samla demo` to try it on a built-in demo database."
)]
pub struct Cli {
    /// The database file [default: samla.db in the data directory; see `samla paths`]
    #[arg(long, global = true, env = crate::paths::DB_ENV, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of reports and screens [default: from config.toml, else nb]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Colour theme of the terminal UI: default, light, high-contrast or mono
    /// [default: from config.toml]; NO_COLOR=1 always gives mono
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// Norsk bokmål
    Nb,
    /// English
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the terminal UI (the default when no command is given)
    Tui,
    /// Build a fresh demo database from the built-in sample sector files and show it
    Demo(DemoArgs),
    /// Write a synthetic portfolio of N initiatives as a CSV file (for trials and benchmarks)
    Generate(GenerateArgs),
    /// Import sector files (CSV, TSV, XLSX, ODS) into the database, one transaction per file
    Import(ImportArgs),
    /// List initiatives, filtered and sorted
    List(ListArgs),
    /// Show one initiative in full: every field, its source row and its history
    Show(ShowArgs),
    /// What changed in a source's latest round (or a given import batch)
    Changes(ChangesArgs),
    /// The sources and every file imported into them
    Sources(SourcesArgs),
    /// Where samla keeps its config, data and database
    Paths(PathsArgs),
    /// Ministries, agencies and life events known to the database
    Reference(ReferenceArgs),
    /// Check the database: integrity, foreign keys, orphan rows, reference data; exits
    /// non-zero when something is wrong
    Doctor(DoctorArgs),
    /// Copy the database to FILE, safely even while samla is using it
    Backup(BackupArgs),
    /// Tag initiatives: life events, owner, free tags, phase, risk (by id or by filter)
    Tag(tag::TagArgs),
    /// Suggest life events (from words in title and description) and owners (for unknown
    /// owner names); apply them only with --apply
    Suggest(tag::SuggestArgs),
    /// Score initiatives on the criteria: set one score, import a sheet, or show one total
    Score(scoring::ScoreArgs),
    /// Show the criteria and their weights; change them (--set, --rank, --reset)
    Weights(scoring::WeightsArgs),
    /// The priority list: initiatives by total score, and with --budget the best set within
    /// the frame
    Rank(scoring::RankArgs),
    /// How stable the top of the ranking is when the weights move
    Sensitivity(scoring::SensitivityArgs),
    /// Save named weights and frames, and compare two side by side
    Scenario(scoring::ScenarioArgs),
    /// Parallel solutions: pairs of initiatives that look like one effort, with reasons
    Dedupe(DedupeArgs),
    /// Write a priority list for a meeting: CSV for Norwegian Excel (or plain), XLSX,
    /// Markdown or JSON, with the same filters as `list`
    Export(ExportArgs),
    /// Write the brief for the embetsgruppe: headline figures, the priority list within the
    /// frame, parallel solutions, life-event coverage, changes and data quality
    Brief(BriefArgs),
}

/// What every command needs: where things are, the user's settings, the reference files.
pub struct Context {
    pub paths: Paths,
    pub config: Config,
    pub lang: Lang,
    pub reference: ReferenceSource,
    pub theme: Option<String>,
}

impl Context {
    fn new(cli: &Cli) -> Result<Self> {
        let paths = Paths::resolve(cli.db.clone())?;
        let config = Config::load(&paths.config_file())?;
        let lang = match cli.lang {
            Some(LangArg::Nb) => Lang::Nb,
            Some(LangArg::En) => Lang::En,
            None => config.lang,
        };
        let reference = ReferenceSource::with_user_dir(&paths.config_dir);
        Ok(Self { paths, config, lang, reference, theme: cli.theme.clone() })
    }

    /// Opens the database for a command: waits for another samla's write, saying so.
    pub fn open(&self, mode: OpenMode) -> Result<Store> {
        let mut store = Store::open(&self.paths.database, mode, &self.reference)?;
        store.announce_waits()?;
        Ok(store)
    }

    /// Runs the terminal UI on `database` until the user quits.
    pub fn open_tui(&self, database: PathBuf) -> Result<()> {
        let options = crate::tui::Options::load(
            database,
            self.paths.backup_dir(),
            &self.paths.config_dir,
            &self.config,
            self.lang,
            self.theme.as_deref(),
            self.reference.clone(),
        )?;
        crate::tui::run(&options)
    }
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    // Errors before the config is read (a mistake in the arguments, a broken config.toml)
    // are said in the flag's language, else config.toml's, else bokmål.
    let configured =
        || Paths::resolve(None).ok().and_then(|p| Config::load(&p.config_file()).ok()).map_or(Lang::Nb, |c| c.lang);
    let cli = usage_error::parse_or_exit(configured);
    let lang = match cli.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Nb) => Lang::Nb,
        None => configured(),
    };
    match run(cli) {
        Ok(code) => code,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            print_error(&error_line(&error, lang));
            ExitCode::FAILURE
        }
    }
}

/// An error as the command line says it: the message in the user's language, then the
/// flag or command that would help.
pub(crate) fn error_line(error: &Error, lang: Lang) -> String {
    match error.cli_hint(lang) {
        Some(hint) => format!("{}; {hint}", error.message(lang)),
        None => error.message(lang),
    }
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let context = Context::new(&cli)?;
    match cli.command {
        None | Some(Command::Tui) => {
            context.open_tui(context.paths.database.clone())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Demo(args)) => demo::run(&context, &args),
        Some(Command::Generate(args)) => demo::generate(&context, &args),
        Some(Command::Import(args)) => import::run(&context, &args),
        Some(Command::List(args)) => list::run(&context, &args),
        Some(Command::Show(args)) => list::show(&context, &args),
        Some(Command::Changes(args)) => import::changes(&context, &args),
        Some(Command::Sources(args)) => import::sources(&context, &args),
        Some(Command::Paths(args)) => paths::run(&context, &args),
        Some(Command::Reference(args)) => reference::run(&context, &args),
        Some(Command::Doctor(args)) => health::doctor(&context, &args),
        Some(Command::Backup(args)) => health::backup(&context, &args),
        Some(Command::Tag(args)) => tag::tag(&context, &args),
        Some(Command::Suggest(args)) => tag::suggest(&context, &args),
        Some(Command::Score(args)) => scoring::score(&context, &args),
        Some(Command::Weights(args)) => scoring::weights(&context, &args),
        Some(Command::Rank(args)) => scoring::rank(&context, &args),
        Some(Command::Sensitivity(args)) => scoring::sensitivity_command(&context, &args),
        Some(Command::Scenario(args)) => scoring::scenario(&context, &args),
        Some(Command::Dedupe(args)) => dedupe::run(&context, &args),
        Some(Command::Export(args)) => export::run(&context, &args),
        Some(Command::Brief(args)) => brief::run(&context, &args),
    }
}

/// Writes to stdout; a closed pipe (`samla list | head`) ends the command quietly.
///
/// Everything a command prints passes here, and may hold values from a sector file: any
/// control or bidi character left in it (an escape sequence that clears the screen or sets
/// the clipboard) is shown escaped, whatever formatter built the text.
pub(crate) fn print(text: &str) -> Result<()> {
    let text = crate::text::display_output(text);
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| Error::io("write", "standard output", e))
}

/// The width to fit tables to: the terminal's (from $COLUMNS) when printing to one.
pub(crate) fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).or(Some(120))
}

/// `samla: MESSAGE` on stderr, on one line. Error messages quote file names, sheet names
/// and column headers, which a hostile file fills with escape sequences and line breaks.
pub(crate) fn print_error(message: &str) {
    eprintln!("samla: {}", crate::text::display_line(message));
}

/// JSON for stdout, with every control and bidi character escaped (see [`crate::text::json_safe`]).
pub(crate) fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<String> {
    let text = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    text.map(crate::text::json_safe).map_err(|e| Error::encode("JSON", e))
}
