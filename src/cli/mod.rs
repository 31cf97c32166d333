//! The command line: parsing (clap), then each command calls the library and prints.

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

use crate::config::{Config, Lang};
use crate::error::{Error, Result};
use crate::paths::Paths;
use crate::reference::ReferenceSource;
use crate::store::{OpenMode, SortField, Store};
use clap::{Args, Parser, Subcommand, ValueEnum};
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

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// The file to write; never replaced without --force
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: PathBuf,
    /// csv, xlsx, md or json [default: from the --out file's extension]
    #[arg(long, value_enum)]
    pub format: Option<crate::export::ExportFormat>,
    /// Only the N best (after choosing within the frame)
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Budget frame: mark the best set within it (in kroner or with a unit: 500M, "500 MNOK",
    /// 0,5mrd); chosen among the listed initiatives
    #[arg(long, value_name = "NOK", value_parser = parse_amount)]
    pub budget: Option<i64>,
    /// Plain comma-separated CSV (UTF-8 without BOM, decimal point) instead of what Norwegian
    /// Excel opens (UTF-8 with BOM, semicolons, decimal comma)
    #[arg(long)]
    pub comma: bool,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct BriefArgs {
    /// The file to write: .md for Markdown, .html for one self-contained HTML file;
    /// never replaced without --force
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: PathBuf,
    /// The brief's title [default: from the template]
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// The meeting date as it should read on the brief (e.g. "14. mars 2027") [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Budget frame for the proposed priority list (500M, "500 MNOK", 0,5mrd)
    #[arg(long, value_name = "NOK", value_parser = parse_amount)]
    pub budget: Option<i64>,
    /// How many of the ranking to show when there is no frame
    #[arg(long, value_name = "N", default_value_t = 15)]
    pub top: usize,
    /// How the frame is filled: rank-order (default), most-benefit or value-for-money, as
    /// `samla rank --mode`
    #[arg(long, value_name = "MODE", value_parser = scoring::parse_mode)]
    pub mode: Option<crate::scoring::Mode>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

fn parse_amount(text: &str) -> std::result::Result<i64, String> {
    crate::scoring::parse_nok(text).map_err(|e| e.to_string())
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Only build the demo database and print what it holds; do not open the UI
    #[arg(long)]
    pub no_open: bool,
    /// Build it from this many generated initiatives instead of the sample files
    /// (e.g. 100000 for a national-scale portfolio)
    #[arg(long, value_name = "N")]
    pub rows: Option<usize>,
    /// Seed for --rows: the same seed gives the same portfolio
    #[arg(long, default_value_t = 11, requires = "rows")]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many initiatives
    #[arg(long, value_name = "N")]
    pub rows: usize,
    /// The same seed gives the same file
    #[arg(long, default_value_t = 11)]
    pub seed: u64,
    /// The CSV file to write (must not exist)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ImportArgs {
    #[command(subcommand)]
    pub action: Option<import::ImportAction>,
    /// Files to import
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Source (sector list) label; files with the same source are rounds of one list
    /// [default: the file name without a round marker: kommunal_runde2.csv → kommunal]
    #[arg(long, value_name = "LABEL")]
    pub source: Option<String>,
    /// Spreadsheet sheet to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Which column holds a field, overriding detection (repeatable), e.g. --map title=Navn.
    /// Fields: key, title, description, agency, ministry, amount_nok, total_cost_nok,
    /// life_events, phase, risk, budget_year, start_date, tags
    #[arg(long = "map", value_name = "FIELD=COLUMN", value_parser = parse_mapping)]
    pub mappings: Vec<(crate::import::Field, String)>,
    /// Show the report but write nothing (not even a new database file)
    #[arg(long)]
    pub dry_run: bool,
    /// Import even where samla is unsure which column is which (it shows its proposal and
    /// asks otherwise); what it reads is remembered for the source's next round
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Withdraw whatever initiatives the round leaves out, even more than a fifth of the
    /// source (without it such a round is refused, nothing changed)
    #[arg(long)]
    pub allow_withdraw: bool,
    /// Print the report as JSON (one object per file, one per line)
    #[arg(long)]
    pub json: bool,
}

fn parse_mapping(text: &str) -> std::result::Result<(crate::import::Field, String), String> {
    let (field, column) = text.split_once('=').ok_or_else(|| format!("'{text}' is not FIELD=COLUMN"))?;
    let parsed = crate::import::Field::parse(field).ok_or_else(|| {
        let names: Vec<&str> = crate::import::Field::ALL.iter().map(|f| f.name()).collect();
        format!("unknown field '{field}'; fields are: {}", names.join(", "))
    })?;
    if column.trim().is_empty() {
        return Err(format!("'{text}' names no column"));
    }
    Ok((parsed, column.trim().to_string()))
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Words that must all appear in title, description, key or owner (case and accents ignored)
    #[arg(long, short = 's', value_name = "TEXT")]
    pub search: Option<String>,
    /// Ministry code or name (old names work: ASD, KMD)
    #[arg(long, short = 'm', value_name = "CODE")]
    pub ministry: Option<String>,
    /// Life event code or name (e.g. dodsfall-og-arv)
    #[arg(long, short = 'l', value_name = "CODE")]
    pub life_event: Option<String>,
    /// Free tag
    #[arg(long, short = 't', value_name = "TAG")]
    pub tag: Option<String>,
    /// Phase (Idé, Konsept, Planlegging, Gjennomføring, Avsluttet)
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,
    /// Source label
    #[arg(long, value_name = "LABEL")]
    pub source: Option<String>,
    /// Smallest requested amount, in MNOK (decimal comma or point)
    #[arg(long, value_name = "MNOK", value_parser = parse_mnok)]
    pub min_mnok: Option<i64>,
    /// Largest requested amount, in MNOK
    #[arg(long, value_name = "MNOK", value_parser = parse_mnok)]
    pub max_mnok: Option<i64>,
    /// Include initiatives withdrawn from their source's latest round
    #[arg(long)]
    pub all: bool,
    /// A filter in the terminal UI's filter-bar language, e.g.
    /// "dep:HOD,AID liv:dødsfall beløp:>10 -kilde:kommunal dep:ingen" (see the README)
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
}

fn parse_mnok(text: &str) -> std::result::Result<i64, String> {
    let value: f64 =
        text.trim().replace(',', ".").parse().map_err(|_| format!("'{text}' is not an amount in MNOK (e.g. 12,5)"))?;
    if !value.is_finite() || value.abs() > 1e9 {
        return Err(format!("'{text}' is out of range"));
    }
    Ok((value * 1_000_000.0).round() as i64)
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Sort by this field
    #[arg(long, value_enum, default_value_t = SortField::Id)]
    pub sort: SortField,
    /// Sort in descending order
    #[arg(long)]
    pub desc: bool,
    /// Show at most this many
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The initiative's id (the first column of `samla list`)
    pub id: i64,
    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ChangesArgs {
    /// The source label (see `samla sources`)
    pub source: String,
    /// A specific import batch of that source [default: its latest]
    #[arg(long, value_name = "ID")]
    pub batch: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SourcesArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PathsArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist)
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct ReferenceArgs {
    #[command(subcommand)]
    pub action: ReferenceAction,
}

#[derive(Debug, Subcommand)]
pub enum ReferenceAction {
    /// List ministries, agencies and life events with their codes
    List {
        #[arg(long)]
        json: bool,
    },
    /// Load the reference files (yours from the config directory, else the built-in ones)
    /// into the database: adds new organisations, life events and names, and updates the
    /// scoring criteria (weights you changed are kept)
    Sync,
}

#[derive(Debug, Args)]
#[command(
    long_about = "Finds pairs of initiatives that look like one effort (parallel solutions), highest \
score first, each with the reasons: the rarest words both titles share, how alike the descriptions \
are, shared life events, and whether the owners are in different sectors (the interesting ones).\n\n\
Pairs you decide `distinct` never come back; decisions survive re-imports.",
    after_help = "Choosing a threshold: unless you give one, it is chosen from your portfolio's own \
scores (where pairs that look alike only by chance thin out to one in fifty of those listed), or \
from your decisions once you have decided 20 pairs or more. `samla dedupe thresholds` shows how \
many pairs each threshold gives and how many of the decided pairs at or above it you called \
duplicate or overlap; raise the threshold for fewer, surer pairs, lower it to miss fewer."
)]
pub struct DedupeArgs {
    #[command(subcommand)]
    pub action: Option<DedupeAction>,
    /// Show pairs scoring at least this (0 to 1) [default: duplicate_threshold in config.toml, else
    /// chosen from the portfolio's scores or your decisions]
    #[arg(long, global = true, value_name = "SCORE")]
    pub threshold: Option<f64>,
    /// Print JSON: {"pairs":[{"a":{..},"b":{..},"score":..,"reasons":[..]}]}
    #[arg(long, global = true)]
    pub json: bool,
    /// Also list pairs already decided duplicate or overlap (JSON always lists them)
    #[arg(long)]
    pub all: bool,
    /// Show at most this many pairs
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum DedupeAction {
    /// Record your decision on a pair: duplicate, overlap or distinct (never shown again)
    Decide {
        /// One initiative's id
        a: i64,
        /// The other's id
        b: i64,
        #[arg(value_enum)]
        decision: crate::dedupe::Decision,
        /// A note kept with the decision
        #[arg(long)]
        note: Option<String>,
    },
    /// Remove your decision on a pair
    Undo { a: i64, b: i64 },
    /// Groups of initiatives that look like one effort
    Clusters,
    /// How many pairs each threshold gives, to help choose one
    Thresholds,
    /// Every candidate pair the search scores, whatever its score, and each initiative's
    /// language as read: for measuring how many true pairs blocking keeps (JSON)
    #[command(hide = true)]
    Candidates,
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
        crate::tui::run(options)
    }
}

/// Runs the command line and returns the process's exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Errors before the config is read (a broken config.toml) are said in the flag's
    // language, or bokmål.
    let lang = match cli.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Nb) => Lang::Nb,
        None => {
            Paths::resolve(None).ok().and_then(|p| Config::load(&p.config_file()).ok()).map_or(Lang::Nb, |c| c.lang)
        }
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
    text.map(crate::text::json_safe).map_err(|e| Error::Invalid(format!("cannot write JSON: {e}")))
}
