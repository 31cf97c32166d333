//! The arguments of each command, as clap reads them.

use crate::error::UsageProblem;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

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
    #[arg(long, value_name = "MODE", value_parser = super::scoring::parse_mode)]
    pub mode: Option<crate::scoring::Mode>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

fn parse_amount(text: &str) -> crate::Result<i64> {
    crate::scoring::parse_nok(text)
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
#[allow(clippy::struct_excessive_bools)] // each bool is a command-line flag
pub struct ImportArgs {
    #[command(subcommand)]
    pub action: Option<super::import::ImportAction>,
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

fn parse_mapping(text: &str) -> crate::Result<(crate::import::Field, String)> {
    let (field, column) = text.split_once('=').ok_or_else(|| UsageProblem::NotFieldColumn(text.to_string()))?;
    let parsed = crate::import::Field::parse(field).ok_or_else(|| {
        let names: Vec<&str> = crate::import::Field::ALL.iter().map(|f| f.name()).collect();
        UsageProblem::UnknownField { field: field.to_string(), known: names.join(", ") }
    })?;
    if column.trim().is_empty() {
        return Err(UsageProblem::NoColumn(text.to_string()).into());
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
    /// "dep:HOD,AID liv:dødsfall beløp:>10 -kilde:kommunal dep:ingen" (see the user guide, docs/brukerveiledning.md)
    #[arg(long, value_name = "EXPR")]
    pub filter: Option<String>,
}

fn parse_mnok(text: &str) -> crate::Result<i64> {
    let value: f64 = text.trim().replace(',', ".").parse().map_err(|_| UsageProblem::NotMnok(text.to_string()))?;
    if !value.is_finite() || value.abs() > 1e9 {
        return Err(UsageProblem::OutOfRange(text.to_string()).into());
    }
    Ok((value * 1_000_000.0).round() as i64)
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Sort by this field
    #[arg(long, value_enum, default_value_t = crate::store::SortField::Id)]
    pub sort: crate::store::SortField,
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
