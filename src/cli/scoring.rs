//! `samla score`, `samla weights`, `samla rank`, `samla sensitivity` and `samla scenario`:
//! their arguments and what they share; each command is in its own file.

mod rank;
mod rank_text;
mod scenario;
mod score;
mod sensitivity;
mod weights;

pub use rank::rank;
pub use scenario::scenario;
pub use score::score;
pub use sensitivity::sensitivity_command;
pub use weights::weights;

use super::{Context, print, to_json};
use crate::config::Lang;
use crate::error::{Error, Result, UsageProblem};
use crate::i18n;
use crate::scoring::criteria::format_number;
use crate::scoring::{Outcome, Scenario, ScoreMatrix, Weights, parse_nok};
use crate::store::Store;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(subcommand)]
    pub action: ScoreAction,
}

#[derive(Debug, Subcommand)]
pub enum ScoreAction {
    /// Set one score by hand: samla score set ID CRITERION VALUE (VALUE - clears it).
    /// CRITERION is a code or a name (see `samla weights`); derived criteria fill themselves
    Set {
        /// The initiative's id (the first column of `samla list`)
        id: i64,
        criterion: String,
        /// A number on the criterion's scale (decimal comma or point), or - to clear
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Import scores from a CSV/XLSX sheet in one transaction: a column `id` (samla's id) or a
    /// key column (the initiative's key in its source, with a `source` column when keys
    /// repeat), and one column per criterion, headed by its code or name. Blank cells are
    /// left alone. Tip: start from `samla list --format csv`
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Spreadsheet sheet to read [default: the first]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Show what would change but write nothing
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// One initiative's scores and what each criterion adds to its total
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct WeightsArgs {
    /// Set a criterion's weight (repeatable): --set nytte=30 --set kostnad=0. Any numbers of
    /// 0 or more; only their proportions matter
    #[arg(long = "set", value_name = "CRITERION=WEIGHT", value_parser = parse_weight)]
    pub set: Vec<(String, f64)>,
    /// Derive every weight from a ranking of the criteria, most important first
    /// (rank-order centroid); criteria left out weigh 0. E.g. --rank nytte,strategi,risiko
    #[arg(long, value_name = "CODE,CODE,...", value_delimiter = ',', conflicts_with_all = ["set", "reset"])]
    pub rank: Vec<String>,
    /// Go back to the weights of the criteria file
    #[arg(long, conflicts_with = "set")]
    pub reset: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args, Default)]
pub struct FrameArgs {
    /// Budget frame: choose the set with the highest total score whose requested amounts fit.
    /// In kroner (500000000) or with a unit: 500M, "500 MNOK", "12,5 mill", 0,5mrd
    #[arg(long, value_name = "NOK", value_parser = parse_amount)]
    pub budget: Option<i64>,
    /// Initiatives (ids) that must be in the frame, comma-separated (needs a budget)
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub lock_in: Vec<i64>,
    /// Initiatives (ids) that must stay out of the frame, comma-separated
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub lock_out: Vec<i64>,
    /// Count amounts in this unit, rounded up (and the frame down) [default: the largest unit
    /// every amount is a whole number of, if at least 0.01M (exact); else 0.1M]
    #[arg(long, value_name = "NOK", value_parser = parse_amount)]
    pub resolution: Option<i64>,
}

#[derive(Debug, Args)]
pub struct RankArgs {
    #[command(flatten)]
    pub frame: FrameArgs,
    /// Use a saved scenario's weights, frame and locks (--budget here replaces its frame,
    /// locks here are added to its locks)
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// How the frame is filled: rank-order (down the ranking, skipping only what does not
    /// fit what is left), most-benefit (the exact set with the most benefit, cost not counted
    /// as a criterion), value-for-money (down the list by benefit per krone)
    /// [default: the scenario's, else rank-order]
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    pub mode: Option<crate::scoring::Mode>,
    /// Show only the first N
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// table, json or csv. JSON and CSV give per initiative: place, rank, id, title, total,
    /// benefit, each criterion's score and whether it was given by hand or derived, amount_nok,
    /// selected (null without a budget), reason and reason_text when not selected, duplicate
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = parse_format)]
    pub format: RankFormat,
    /// The same as --format json
    #[arg(long)]
    pub json: bool,
}

/// What `samla rank` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RankFormat {
    Table,
    Json,
    Csv,
}

pub(super) fn parse_mode(text: &str) -> crate::Result<crate::scoring::Mode> {
    crate::scoring::Mode::parse(text).ok_or_else(|| crate::error::PrioritiesError::UnknownMode(text.to_string()).into())
}

fn parse_format(text: &str) -> crate::Result<RankFormat> {
    match text.trim().to_ascii_lowercase().as_str() {
        "table" => Ok(RankFormat::Table),
        "json" => Ok(RankFormat::Json),
        "csv" => Ok(RankFormat::Csv),
        _ => Err(crate::error::PrioritiesError::UnknownFormat(text.to_string()).into()),
    }
}

#[derive(Debug, Args)]
pub struct SensitivityArgs {
    /// Use a saved scenario's weights
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// How many random weightings to try
    #[arg(long, default_value_t = 500)]
    pub runs: usize,
    /// How far each weight may move, in percent either way
    #[arg(long, value_name = "PERCENT", default_value_t = 20.0)]
    pub spread: f64,
    /// The random seed; the same seed gives the same result
    #[arg(long, default_value_t = 2026)]
    pub seed: u64,
    /// The N of "stays in the top N"
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// How many initiatives from the top to follow
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub watch: usize,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ScenarioArgs {
    #[command(subcommand)]
    pub action: ScenarioAction,
}

#[derive(Debug, Subcommand)]
pub enum ScenarioAction {
    /// Save the current weights, with a frame and locks if given, under a name (replacing a
    /// scenario of that name)
    Save {
        name: String,
        #[command(flatten)]
        frame: FrameArgs,
    },
    /// List the saved scenarios
    List {
        #[arg(long)]
        json: bool,
    },
    /// Compare two scenarios side by side: what enters and what leaves (their sets within
    /// their frames, or their top N when they have no frame)
    Compare {
        a: String,
        b: String,
        /// The N for scenarios without a frame
        #[arg(long, value_name = "N", default_value_t = 10)]
        top: usize,
        #[arg(long)]
        json: bool,
    },
    /// Delete a saved scenario
    Delete { name: String },
}

fn parse_amount(text: &str) -> crate::Result<i64> {
    parse_nok(text)
}

fn parse_weight(text: &str) -> crate::Result<(String, f64)> {
    let (name, weight) = text.split_once('=').ok_or_else(|| UsageProblem::NotCriterionWeight(text.to_string()))?;
    let not_a_weight = || UsageProblem::NotAWeight(weight.trim().to_string());
    let weight: f64 = weight.trim().replace(',', ".").parse().map_err(|_| not_a_weight())?;
    if !weight.is_finite() || weight < 0.0 {
        return Err(not_a_weight().into());
    }
    Ok((name.trim().to_string(), weight))
}

/// A number with a decimal comma and `places` decimals: 72.44 → "72,4".
fn decimal(value: f64, places: usize) -> String {
    format!("{value:.places$}").replace('.', ",")
}

/// A value or weight as typed, with a decimal comma: 2.5 → "2,5", 5 → "5".
fn number(value: f64) -> String {
    format_number(value).replace('.', ",")
}

fn percent(share: f64) -> String {
    format!("{} %", decimal(share * 100.0, 0))
}

fn round(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

fn not_active(id: i64) -> Error {
    Error::from(crate::error::StoreProblem::NoActiveInitiative(id))
}

/// "1–5 ↑" for a manual criterion; derived ones also say what they come from.
fn scale_text(criterion: &crate::scoring::Criterion, lang: Lang) -> String {
    let direction = if criterion.higher_is_better { "↑" } else { "↓" };
    match criterion.derived_from {
        Some(field) => format!("{} {direction} ({} {})", criterion.scale_text(), i18n::FROM.get(lang), field.name()),
        None => format!("{} {direction}", criterion.scale_text()),
    }
}

/// The scenario a command works with: a saved one, or the current weights; then the frame
/// options on top. Locks given on the command line must name active initiatives.
fn working_scenario(store: &Store, matrix: &ScoreMatrix, name: Option<&str>, frame: &FrameArgs) -> Result<Scenario> {
    let mut scenario = match name {
        Some(name) => store.scenario(name)?,
        None => Scenario {
            name: "current".into(),
            weights: Weights::current(matrix.criteria()).to_codes(matrix.criteria()),
            ..Scenario::default()
        },
    };
    for id in frame.lock_in.iter().chain(&frame.lock_out) {
        matrix.row_of(*id).ok_or_else(|| not_active(*id))?;
    }
    if let Some(budget) = frame.budget {
        scenario.budget_nok = Some(budget);
    }
    if let Some(resolution) = frame.resolution {
        if resolution <= 0 {
            return Err(crate::error::UsageProblem::Resolution.into());
        }
        scenario.resolution_nok = Some(resolution);
    }
    if scenario.budget_nok.is_none() && !(frame.lock_in.is_empty() && frame.lock_out.is_empty()) {
        return Err(crate::error::UsageProblem::LocksNeedFrame.into());
    }
    scenario.locked_out.retain(|id| !frame.lock_in.contains(id));
    scenario.locked_in.retain(|id| !frame.lock_out.contains(id));
    for id in &frame.lock_in {
        if !scenario.locked_in.contains(id) {
            scenario.locked_in.push(*id);
        }
    }
    for id in &frame.lock_out {
        if !scenario.locked_out.contains(id) {
            scenario.locked_out.push(*id);
        }
    }
    Ok(scenario)
}

fn evaluate(scenario: &Scenario, matrix: &ScoreMatrix, duplicates: &crate::scoring::Duplicates) -> Result<Outcome> {
    let outcome = scenario.evaluate(matrix, duplicates)?;
    if outcome.weights.is_zero() {
        return Err(crate::error::PrioritiesError::AllWeightsZero(scenario.name.clone()).into());
    }
    Ok(outcome)
}
