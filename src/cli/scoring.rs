//! `samla score`, `samla weights`, `samla rank`, `samla sensitivity` and `samla scenario`.

use super::table::{Column, render};
use super::{Context, print, terminal_width, to_json};
use crate::config::Lang;
use crate::error::{Error, Result};
use crate::i18n::{self, Text};
use crate::import::scores::{ScoreImportOptions, ScoreImportReport, import_scores};
use crate::scoring::criteria::format_number;
use crate::scoring::{
    Criteria, Outcome, Ranking, Scenario, ScoreMatrix, Selection, SensitivityOptions, Weights, compare, parse_nok,
    sensitivity,
};
use crate::store::{OpenMode, Store};
use crate::text::{display_line, format_mnok};
use clap::{Args, Subcommand};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

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
    /// The selection counts amounts rounded up (and the frame down) to this [default: 0.1M]
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
    /// Show only the N best
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// Print as JSON: rank, id, title, total_score, contributions (points per criterion),
    /// amount_nok, in_frame (null without a budget), incomplete, missing
    #[arg(long)]
    pub json: bool,
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

fn parse_amount(text: &str) -> std::result::Result<i64, String> {
    parse_nok(text).map_err(|e| e.to_string())
}

fn parse_weight(text: &str) -> std::result::Result<(String, f64), String> {
    let (name, weight) = text.split_once('=').ok_or_else(|| format!("'{text}' is not CRITERION=WEIGHT"))?;
    let weight: f64 = weight
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("'{weight}' is not a weight (a number of 0 or more)"))?;
    if !weight.is_finite() || weight < 0.0 {
        return Err(format!("'{text}': a weight must be 0 or more"));
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

// ---------------------------------------------------------------------------------------
// score

pub fn score(context: &Context, args: &ScoreArgs) -> Result<ExitCode> {
    match &args.action {
        ScoreAction::Set { id, criterion, value } => {
            let value = match value.trim() {
                "-" | "" => None,
                text => Some(text.replace(',', ".").parse::<f64>().map_err(|_| {
                    Error::Invalid(format!(
                        "'{text}' is not a score; give a number on the criterion's scale, or - to clear"
                    ))
                })?),
            };
            let mut store = context.open(OpenMode::Existing)?;
            let edit = store.set_score(*id, criterion, value, &context.config.analyst)?;
            let show = |v: Option<f64>| v.map_or_else(|| "–".to_string(), number);
            let verb = if edit.changed() { i18n::SCORE_SET } else { i18n::SCORE_UNCHANGED };
            print(&format!(
                "{} {}: {} {} → {}\n",
                verb.get(context.lang),
                edit.initiative_id,
                edit.criterion,
                show(edit.old),
                show(edit.new)
            ))?;
        }
        ScoreAction::Import { file, sheet, dry_run, json } => {
            let mut store = context.open(OpenMode::Existing)?;
            let options =
                ScoreImportOptions { sheet: sheet.clone(), dry_run: *dry_run, analyst: context.config.analyst.clone() };
            let report = import_scores(&mut store, file, &options, &context.reference)?;
            let text = if *json { to_json(&report, true)? + "\n" } else { describe_import(&report, context.lang) };
            print(&text)?;
        }
        ScoreAction::Show { id, json } => {
            let store = context.open(OpenMode::Existing)?;
            let matrix = store.score_matrix()?;
            let row = matrix.row_of(*id).ok_or_else(|| not_active(*id))?;
            let weights = Weights::current(matrix.criteria());
            let ranking = matrix.rank(&weights);
            let explanation = matrix.explain(&weights, row);
            if *json {
                let value = serde_json::json!({
                    "id": id, "title": matrix.row(row).title, "rank": ranking.rank(row), "of": matrix.len(),
                    "total_score": round(explanation.total, 3), "incomplete": explanation.incomplete,
                    "contributions": explanation.contributions,
                });
                print(&(to_json(&value, true)? + "\n"))?;
            } else {
                print(&describe_explanation(&matrix, &explanation, ranking.rank(row), context.lang))?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn not_active(id: i64) -> Error {
    Error::Invalid(format!("there is no active initiative with id {id}; see `samla list`"))
}

fn describe_import(report: &ScoreImportReport, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let mut out = format!("{}\n", display_line(&report.file));
    if report.dry_run {
        out.push_str(&format!("  {}\n", t(i18n::DRY_RUN)));
    }
    let by = match report.matched_by {
        crate::import::scores::MatchedBy::Id => t(i18n::BY_SAMLA_ID),
        crate::import::scores::MatchedBy::Key => t(i18n::BY_SOURCE_KEY),
    };
    out.push_str(&format!(
        "  {} {}, «{}» {by}\n",
        t(i18n::HEADER_ROW),
        report.header_row,
        display_line(&report.id_column)
    ));
    let columns: Vec<String> =
        report.criteria_columns.iter().map(|c| format!("{} ← «{}»", c.criterion, display_line(&c.header))).collect();
    out.push_str(&format!("  {}: {}\n", t(i18n::CRITERIA), columns.join(", ")));
    if !report.derived_columns.is_empty() {
        let derived: Vec<String> =
            report.derived_columns.iter().map(|c| format!("«{}»", display_line(&c.header))).collect();
        out.push_str(&format!("  {}: {}\n", t(i18n::DERIVED_IGNORED), derived.join(", ")));
    }
    out.push_str(&format!(
        "  {} {}: {} {}, {} {}, {} {}, {} {}\n",
        report.rows_read,
        t(i18n::ROWS_READ),
        report.changed,
        t(i18n::SCORES_CHANGED),
        report.unchanged,
        t(i18n::UNCHANGED),
        report.unmatched_rows,
        t(i18n::ROWS_UNMATCHED),
        report.warnings.len(),
        t(i18n::WARNINGS),
    ));
    for warning in report.warnings.iter().take(15) {
        out.push_str(&format!(
            "  ! {} {}, {}: «{}» {}\n",
            t(i18n::LINE),
            warning.line,
            display_line(&warning.field),
            display_line(&warning.value),
            warning.reason
        ));
    }
    if report.warnings.len() > 15 {
        out.push_str(&format!(
            "  … {} {} ({})\n",
            report.warnings.len() - 15,
            t(i18n::MORE),
            t(i18n::USE_JSON_FOR_ALL)
        ));
    }
    out
}

fn describe_explanation(
    matrix: &ScoreMatrix,
    explanation: &crate::scoring::Explanation,
    rank: u32,
    lang: Lang,
) -> String {
    let t = |text: Text| text.get(lang);
    let row = matrix.row(explanation.row);
    let mut out = format!(
        "{} (ID {}): {} {} {} {}, {} {}\n\n",
        display_line(&row.title),
        row.id,
        t(i18n::PLACE).to_lowercase(),
        rank,
        t(i18n::OF),
        matrix.len(),
        t(i18n::TOTAL_SCORE).to_lowercase(),
        decimal(explanation.total, 1)
    );
    let columns = vec![
        Column::new(t(i18n::CRITERION)).flexible(),
        Column::new(t(i18n::VALUE)).right(),
        Column::new(t(i18n::SCALE)),
        Column::new(t(i18n::WEIGHT)).right(),
        Column::new(t(i18n::POINTS)).right(),
    ];
    let rows: Vec<Vec<String>> = explanation
        .contributions
        .iter()
        .zip(matrix.criteria().iter())
        .map(|(part, criterion)| {
            let value = match part.value {
                Some(v) => number(round(v, 2)),
                None => format!("({})", t(i18n::MISSING)),
            };
            vec![
                criterion.name(lang).to_string(),
                value,
                scale_text(criterion, lang),
                percent(part.weight_share),
                decimal(part.points, 1),
            ]
        })
        .collect();
    out.push_str(&render(&columns, &rows, terminal_width()));
    if explanation.incomplete {
        out.push_str(&format!("\n{}\n", t(i18n::MISSING_RULE)));
    }
    out
}

/// "1–5" for a manual criterion, "0–3, fra livshendelser ↑" style for derived, with direction.
fn scale_text(criterion: &crate::scoring::Criterion, lang: Lang) -> String {
    let direction = if criterion.higher_is_better { "↑" } else { "↓" };
    match criterion.derived_from {
        Some(field) => format!("{} {direction} ({} {})", criterion.scale_text(), i18n::FROM.get(lang), field.name()),
        None => format!("{} {direction}", criterion.scale_text()),
    }
}

// ---------------------------------------------------------------------------------------
// weights

pub fn weights(context: &Context, args: &WeightsArgs) -> Result<ExitCode> {
    let mut store = context.open(OpenMode::Existing)?;
    let criteria = store.criteria()?;
    let before = Weights::current(&criteria);
    let mut after = before.clone();
    if args.reset {
        after = Weights::defaults(&criteria);
    }
    for (name, weight) in &args.set {
        after.set(criteria.require(name)?, *weight)?;
    }
    if !args.rank.is_empty() {
        let ranked = args.rank.iter().map(|name| criteria.require(name)).collect::<Result<Vec<_>>>()?;
        after = Weights::rank_order_centroid(criteria.len(), &ranked)?;
        // Whole percents read better than centroid fractions; proportions are what count.
        after = Weights::new(after.as_slice().iter().map(|w| round(w * 100.0, 2)).collect())?;
    }
    if after.is_zero() {
        return Err(Error::Invalid("every weight would be 0; give at least one criterion a weight".into()));
    }
    let changed = after != before;
    if changed {
        store.set_weights(&criteria, &after, &context.config.analyst)?;
    }
    let criteria = store.criteria()?;
    if args.json {
        let rows: Vec<_> = criteria
            .iter()
            .zip(after.shares())
            .map(|(c, share)| {
                serde_json::json!({
                    "code": c.code, "name_nb": c.name_nb, "name_en": c.name_en,
                    "scale": [c.scale_min, c.scale_max], "derived_from": c.derived_from.map(|f| f.name()),
                    "higher_is_better": c.higher_is_better, "weight": c.weight,
                    "default_weight": c.default_weight, "share": round(share, 4),
                })
            })
            .collect();
        print(&(to_json(&rows, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = weights_table(&criteria, &after, context.lang);
    if changed {
        let matrix = store.score_matrix()?;
        out.push_str(&movement_text(&matrix, &before, &after, context.lang));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn weights_table(criteria: &Criteria, weights: &Weights, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let columns = vec![
        Column::new(t(i18n::CODE)),
        Column::new(t(i18n::CRITERION)).flexible(),
        Column::new(t(i18n::SCALE)),
        Column::new(t(i18n::WEIGHT)).right(),
        Column::new(t(i18n::SHARE)).right(),
    ];
    let rows: Vec<Vec<String>> = criteria
        .iter()
        .zip(weights.as_slice().iter().zip(weights.shares()))
        .map(|(c, (weight, share))| {
            vec![c.code.clone(), c.name(lang).to_string(), scale_text(c, lang), number(*weight), percent(share)]
        })
        .collect();
    render(&columns, &rows, terminal_width())
}

/// Who moved most when the weights changed from `before` to `after`.
fn movement_text(matrix: &ScoreMatrix, before: &Weights, after: &Weights, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let old = matrix.rank(before);
    let new = matrix.rank(after);
    let movement = new.movement(&old);
    let mut out = format!(
        "\n{}: {} {}, {} {}\n",
        t(i18n::RANKING_CHANGED),
        movement.up.len(),
        t(i18n::MOVED_UP),
        movement.down.len(),
        t(i18n::MOVED_DOWN)
    );
    for (arrow, moves) in [("↑", &movement.up), ("↓", &movement.down)] {
        for m in moves.iter().take(5) {
            let row = matrix.row(m.row);
            out.push_str(&format!(
                "  {arrow} {:>4} → {:<4} {:>5}  {}\n",
                m.from,
                m.to,
                row.id,
                display_line(&crate::text::shorten(&row.title, 60))
            ));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// rank

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
            return Err(Error::Invalid("the resolution must be more than 0 NOK".into()));
        }
        scenario.resolution_nok = Some(resolution);
    }
    if scenario.budget_nok.is_none() && !(frame.lock_in.is_empty() && frame.lock_out.is_empty()) {
        return Err(Error::Invalid("--lock-in and --lock-out need a budget frame (--budget)".into()));
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

fn evaluate(scenario: &Scenario, matrix: &ScoreMatrix) -> Result<Outcome> {
    // The curve reaches a quarter past the frame, to show what more money would buy.
    let outcome = scenario.evaluate_with_curve(matrix, scenario.budget_nok.map(|b| b.saturating_add(b / 4)))?;
    if outcome.weights.is_zero() {
        return Err(Error::Invalid(format!(
            "every weight of '{}' is 0; set weights with `samla weights --set CRITERION=WEIGHT`",
            scenario.name
        )));
    }
    Ok(outcome)
}

#[derive(Serialize)]
struct RankRow<'a> {
    rank: u32,
    id: i64,
    title: &'a str,
    total_score: f64,
    contributions: BTreeMap<&'a str, f64>,
    amount_nok: Option<i64>,
    in_frame: Option<bool>,
    incomplete: bool,
    missing: Vec<&'a str>,
}

pub fn rank(context: &Context, args: &RankArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let scenario = working_scenario(&store, &matrix, args.scenario.as_deref(), &args.frame)?;
    let outcome = evaluate(&scenario, &matrix)?;
    let shown = args.top.unwrap_or(matrix.len()).min(matrix.len());
    if args.json {
        for note in &outcome.notes {
            eprintln!("samla: {note}");
        }
        let shares = outcome.weights.shares();
        let rows: Vec<RankRow<'_>> = outcome
            .ranking
            .rows()
            .take(shown)
            .map(|row| {
                let candidate = matrix.row(row);
                RankRow {
                    rank: outcome.ranking.rank(row),
                    id: candidate.id,
                    title: &candidate.title,
                    total_score: round(outcome.ranking.totals[row], 3),
                    contributions: matrix
                        .criteria()
                        .iter()
                        .enumerate()
                        .map(|(c, criterion)| {
                            (criterion.code.as_str(), round(100.0 * shares[c] * matrix.normalised(row, c), 3))
                        })
                        .collect(),
                    amount_nok: candidate.amount_nok,
                    in_frame: outcome.selection.as_ref().map(|s| s.in_frame[row]),
                    incomplete: !matrix.is_complete(row),
                    missing: matrix.missing(row).iter().map(|&c| matrix.criteria().list[c].code.as_str()).collect(),
                }
            })
            .collect();
        print(&(to_json(&rows, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    print(&rank_text(&matrix, &outcome, shown, context.lang))?;
    Ok(ExitCode::SUCCESS)
}

fn rank_text(matrix: &ScoreMatrix, outcome: &Outcome, shown: usize, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let selection = outcome.selection.as_ref();
    let mut columns = vec![
        Column::new(t(i18n::PLACE)).right(),
        Column::new(i18n::ID.get(lang)).right(),
        Column::new(i18n::TITLE.get(lang)).flexible(),
        Column::new(t(i18n::POINTS)).right(),
        Column::new(i18n::AMOUNT_MNOK.get(lang)).right(),
    ];
    if selection.is_some() {
        columns.push(Column::new(t(i18n::FRAME)));
    }
    columns.push(Column::new(t(i18n::MISSING)).right());
    let rows: Vec<Vec<String>> = outcome
        .ranking
        .rows()
        .take(shown)
        .map(|row| {
            let candidate = matrix.row(row);
            let mut cells = vec![
                outcome.ranking.rank(row).to_string(),
                candidate.id.to_string(),
                candidate.title.clone(),
                decimal(outcome.ranking.totals[row], 1),
                candidate.amount_nok.map(format_mnok).unwrap_or_default(),
            ];
            if let Some(s) = selection {
                cells.push(frame_mark(s, row, lang));
            }
            let missing = matrix.missing(row).len();
            cells.push(if missing == 0 { String::new() } else { missing.to_string() });
            cells
        })
        .collect();
    let table = render(&columns, &rows, terminal_width());
    let mut out = String::new();
    // The cut line sits above the first place that could have been chosen but was not.
    let cut_after = selection.and_then(|s| s.cut_place).filter(|&place| place <= shown).map(|place| place - 1);
    for (index, line) in table.lines().enumerate() {
        if Some(index) == cut_after.map(|rows_above| rows_above + 1) {
            out.push_str(&format!("{}\n", "─".repeat(12) + " " + t(i18n::CUT_LINE) + " " + &"─".repeat(12)));
        }
        out.push_str(line);
        out.push('\n');
    }
    let (_, incomplete) = matrix.completeness();
    out.push_str(&format!(
        "{} {} {} {} {} · {} {} {}\n",
        i18n::SHOWN_OF_TOTAL.get(lang),
        shown,
        t(i18n::OF),
        matrix.len(),
        i18n::INITIATIVES.get(lang),
        incomplete,
        t(i18n::INCOMPLETE),
        if incomplete > 0 { t(i18n::MISSING_RULE_SHORT) } else { "" }
    ));
    for note in &outcome.notes {
        out.push_str(&format!("{}: {note}\n", t(i18n::NOTE)));
    }
    if let Some(s) = selection {
        out.push('\n');
        out.push_str(&selection_text(matrix, s, &outcome.ranking, lang));
    }
    out
}

fn frame_mark(selection: &Selection, row: usize, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    if selection.locked_in.contains(&row) {
        format!("✓ {}", t(i18n::LOCKED))
    } else if selection.in_frame[row] {
        "✓".to_string()
    } else if selection.locked_out.contains(&row) {
        t(i18n::LOCKED_OUT).to_string()
    } else if selection.no_amount.contains(&row) {
        "?".to_string()
    } else {
        String::new()
    }
}

fn selection_text(matrix: &ScoreMatrix, s: &Selection, ranking: &Ranking, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let name = |row: usize| {
        let c = matrix.row(row);
        format!("{} «{}»", c.id, display_line(&crate::text::shorten(&c.title, 50)))
    };
    // Long lists are cut: the JSON output and the TUI hold them in full.
    let ids = |rows: &[usize]| {
        let mut text = rows.iter().take(15).map(|&r| matrix.row(r).id.to_string()).collect::<Vec<_>>().join(", ");
        if rows.len() > 15 {
            text.push_str(&format!(" … (+{} {})", rows.len() - 15, t(i18n::MORE)));
        }
        text
    };
    let mut out = format!(
        "{} {} MNOK ({} {} MNOK): {} {}, {} MNOK {}, {} MNOK {}, {} {}\n",
        t(i18n::FRAME),
        format_mnok(s.frame_nok),
        t(i18n::AMOUNTS_ROUNDED_TO),
        format_mnok(s.resolution_nok),
        s.chosen.len(),
        t(i18n::CHOSEN),
        format_mnok(s.spent_nok),
        t(i18n::SPENT),
        format_mnok(s.remaining_nok),
        t(i18n::LEFT),
        t(i18n::TOTAL_POINTS),
        decimal(s.value, 1)
    );
    if !s.locked_in.is_empty() || !s.locked_out.is_empty() {
        out.push_str(&format!(
            "{}: {} · {}: {}\n",
            t(i18n::LOCKED_IN_LIST),
            if s.locked_in.is_empty() { "–".to_string() } else { ids(&s.locked_in) },
            t(i18n::LOCKED_OUT_LIST),
            if s.locked_out.is_empty() { "–".to_string() } else { ids(&s.locked_out) },
        ));
    }
    match s.cut_place {
        Some(place) => out.push_str(&format!("{}: {} {place}\n", t(i18n::CUT_LINE_IS), t(i18n::EVERYTHING_ABOVE))),
        None => out.push_str(&format!("{}\n", t(i18n::ALL_FIT))),
    }
    if !s.just_missed.is_empty() {
        out.push_str(&format!("{}:\n", t(i18n::JUST_MISSED)));
        for missed in &s.just_missed {
            out.push_str(&format!(
                "  {:>4}. {}: {} MNOK, {} {}, {} {} MNOK\n",
                ranking.rank(missed.row),
                name(missed.row),
                format_mnok(missed.amount_nok),
                decimal(missed.value, 1),
                t(i18n::POINTS).to_lowercase(),
                t(i18n::SHORT_BY),
                format_mnok(missed.short_by_nok.max(0)),
            ));
        }
    }
    for (label, greedy) in [(i18n::TOP_DOWN, &s.top_down), (i18n::VALUE_PER_KRONE, &s.value_per_krone)] {
        out.push_str(&format!(
            "{}: {} {}, {} MNOK, {} {} ({} {})\n",
            t(label),
            greedy.chosen.len(),
            t(i18n::CHOSEN),
            format_mnok(greedy.spent_nok),
            t(i18n::TOTAL_POINTS),
            decimal(greedy.value, 1),
            t(i18n::EXACT_GAINS),
            // Never below 0 (the exact set is optimal); max() only hides float noise in "-0,0".
            decimal((s.value - greedy.value).max(0.0), 1),
        ));
        if !greedy.only_exact.is_empty() || !greedy.only_greedy.is_empty() {
            out.push_str(&format!(
                "  {}: {} · {}: {}\n",
                t(i18n::ONLY_EXACT),
                if greedy.only_exact.is_empty() { "–".to_string() } else { ids(&greedy.only_exact) },
                t(i18n::ONLY_GREEDY),
                if greedy.only_greedy.is_empty() { "–".to_string() } else { ids(&greedy.only_greedy) },
            ));
        }
    }
    let steps: Vec<String> = [50, 75, 90, 100, 110, 125]
        .iter()
        .map(|percent| {
            let frame = s.frame_nok / 100 * percent;
            format!("{} MNOK {}", format_mnok(frame), decimal(s.value_at(frame), 0))
        })
        .collect();
    out.push_str(&format!("{}: {}\n", t(i18n::VALUE_BY_FRAME), steps.join(" · ")));
    if !s.no_amount.is_empty() {
        out.push_str(&format!("{}: {}\n", t(i18n::NO_AMOUNT), s.no_amount.len()));
    }
    out
}

// ---------------------------------------------------------------------------------------
// sensitivity

pub fn sensitivity_command(context: &Context, args: &SensitivityArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let scenario = working_scenario(&store, &matrix, args.scenario.as_deref(), &FrameArgs::default())?;
    let outcome = evaluate(&scenario, &matrix)?;
    if !(args.spread.is_finite() && (0.0..100.0).contains(&args.spread)) {
        return Err(Error::Invalid(format!("--spread is a percentage from 0 to below 100, not {}", args.spread)));
    }
    let options = SensitivityOptions {
        runs: args.runs,
        spread: args.spread / 100.0,
        seed: args.seed,
        top_n: args.top,
        watch: args.watch,
        ..SensitivityOptions::default()
    };
    let result = sensitivity(&matrix, &outcome.weights, &outcome.ranking, &options)?;
    let lang = context.lang;
    let t = |text: Text| text.get(lang);
    if args.json {
        let entries: Vec<_> = result
            .entries
            .iter()
            .map(|e| {
                let c = matrix.row(e.row);
                serde_json::json!({
                    "rank": e.rank, "id": c.id, "title": c.title,
                    "total_score": round(outcome.ranking.totals[e.row], 3),
                    "best_rank": e.best_rank, "worst_rank": e.worst_rank,
                    "top_n_share": round(e.top_n_share, 4),
                    "flip_at": e.flip_at.map(|f| round(f, 4)), "fragile": e.fragile,
                })
            })
            .collect();
        let value = serde_json::json!({
            "runs": options.runs, "spread": options.spread, "seed": options.seed, "top_n": options.top_n,
            "small_change": options.small_change, "entries": entries,
        });
        print(&(to_json(&value, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = vec![
        Column::new(t(i18n::PLACE)).right(),
        Column::new(i18n::ID.get(lang)).right(),
        Column::new(i18n::TITLE.get(lang)).flexible(),
        Column::new(t(i18n::POINTS)).right(),
        Column::new(t(i18n::PLACE_RANGE)).right(),
        Column::new(&format!("{} {}", t(i18n::IN_TOP), options.top_n)).right(),
        Column::new(t(i18n::FLIPS_AT)).right(),
    ];
    let rows: Vec<Vec<String>> = result
        .entries
        .iter()
        .map(|e| {
            let c = matrix.row(e.row);
            vec![
                e.rank.to_string(),
                c.id.to_string(),
                c.title.clone(),
                decimal(outcome.ranking.totals[e.row], 1),
                if e.best_rank == e.worst_rank {
                    e.best_rank.to_string()
                } else {
                    format!("{}–{}", e.best_rank, e.worst_rank)
                },
                percent(e.top_n_share),
                match e.flip_at {
                    Some(at) => format!("±{} %{}", decimal(at * 100.0, 1), if e.fragile { " !" } else { "" }),
                    None => "–".to_string(),
                },
            ]
        })
        .collect();
    let mut out = render(&columns, &rows, terminal_width());
    out.push_str(&format!(
        "{} {}, {} ±{} %, {} {}. {}\n",
        options.runs,
        t(i18n::RUNS),
        t(i18n::WEIGHTS_MOVED),
        number(args.spread),
        t(i18n::SEED),
        options.seed,
        t(i18n::FRAGILE_EXPLAINED).replace("{}", &number(options.small_change * 100.0))
    ));
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

// ---------------------------------------------------------------------------------------
// scenario

pub fn scenario(context: &Context, args: &ScenarioArgs) -> Result<ExitCode> {
    let lang = context.lang;
    let t = |text: Text| text.get(lang);
    match &args.action {
        ScenarioAction::Save { name, frame } => {
            let store = context.open(OpenMode::Existing)?;
            let matrix = store.score_matrix()?;
            let mut scenario = working_scenario(&store, &matrix, None, frame)?;
            scenario.name = name.trim().to_string();
            scenario.saved_at = crate::now();
            scenario.saved_by = context.config.analyst.clone();
            // Check now that the frame and locks work, rather than when the scenario is used.
            evaluate(&scenario, &matrix)?;
            store.save_scenario(&scenario)?;
            print(&format!(
                "{} «{}»: {}\n",
                t(i18n::SCENARIO_SAVED),
                display_line(&scenario.name),
                scenario_summary(&scenario)
            ))?;
        }
        ScenarioAction::List { json } => {
            let store = context.open(OpenMode::Existing)?;
            let scenarios = store.scenarios()?;
            if *json {
                print(&(to_json(&scenarios, true)? + "\n"))?;
            } else if scenarios.is_empty() {
                print(&format!("{}\n", t(i18n::NO_SCENARIOS)))?;
            } else {
                let rows: Vec<Vec<String>> = scenarios
                    .iter()
                    .map(|s| vec![s.name.clone(), scenario_summary(s), s.saved_at.clone(), s.saved_by.clone()])
                    .collect();
                let columns = [
                    Column::new(t(i18n::SCENARIO)),
                    Column::new(t(i18n::CONTENTS)).flexible(),
                    Column::new(t(i18n::SAVED)),
                    Column::new(t(i18n::BY)),
                ];
                print(&render(&columns, &rows, terminal_width()))?;
            }
        }
        ScenarioAction::Delete { name } => {
            let store = context.open(OpenMode::Existing)?;
            let scenario = store.scenario(name)?;
            store.delete_scenario(&scenario.name)?;
            print(&format!("{} «{}»\n", t(i18n::SCENARIO_DELETED), display_line(&scenario.name)))?;
        }
        ScenarioAction::Compare { a, b, top, json } => {
            let store = context.open(OpenMode::Existing)?;
            let matrix = store.score_matrix()?;
            let (scenario_a, scenario_b) = (store.scenario(a)?, store.scenario(b)?);
            let outcome_a = evaluate(&scenario_a, &matrix)?;
            let outcome_b = evaluate(&scenario_b, &matrix)?;
            let diff = compare(&outcome_a, &outcome_b, *top);
            let id = |row: usize| matrix.row(row).id;
            if *json {
                let side = |s: &Scenario, o: &Outcome, set: &[usize]| {
                    serde_json::json!({
                        "name": s.name, "budget_nok": s.budget_nok,
                        "set": set.iter().map(|&r| id(r)).collect::<Vec<_>>(),
                        "value": o.selection.as_ref().map(|sel| round(sel.value, 3)),
                        "spent_nok": o.selection.as_ref().map(|sel| sel.spent_nok),
                        "notes": o.notes,
                    })
                };
                let value = serde_json::json!({
                    "a": side(&scenario_a, &outcome_a, &diff.set_a),
                    "b": side(&scenario_b, &outcome_b, &diff.set_b),
                    "entered": diff.entered.iter().map(|&r| id(r)).collect::<Vec<_>>(),
                    "left": diff.left.iter().map(|&r| id(r)).collect::<Vec<_>>(),
                    "kept": diff.kept.iter().map(|&(r, ra, rb)| serde_json::json!({"id": id(r), "rank_a": ra, "rank_b": rb})).collect::<Vec<_>>(),
                });
                print(&(to_json(&value, true)? + "\n"))?;
                return Ok(ExitCode::SUCCESS);
            }
            print(&comparison_text(&matrix, [(&scenario_a, &outcome_a), (&scenario_b, &outcome_b)], &diff, lang))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn scenario_summary(s: &Scenario) -> String {
    let weights: Vec<String> =
        s.weights.iter().filter(|(_, w)| **w > 0.0).map(|(code, w)| format!("{code} {}", number(*w))).collect();
    let mut parts = vec![weights.join(", ")];
    if let Some(budget) = s.budget_nok {
        parts.push(format!("{} MNOK", format_mnok(budget)));
    }
    if !s.locked_in.is_empty() {
        parts.push(format!("+{}", s.locked_in.iter().map(i64::to_string).collect::<Vec<_>>().join(",")));
    }
    if !s.locked_out.is_empty() {
        parts.push(format!("−{}", s.locked_out.iter().map(i64::to_string).collect::<Vec<_>>().join(",")));
    }
    parts.join(" · ")
}

fn comparison_text(
    matrix: &ScoreMatrix,
    sides: [(&Scenario, &Outcome); 2],
    diff: &crate::scoring::Comparison,
    lang: Lang,
) -> String {
    let t = |text: Text| text.get(lang);
    let name = |row: usize| {
        let c = matrix.row(row);
        format!("{} {}", c.id, c.title)
    };
    let mut out = String::new();
    for (label, (scenario, outcome)) in ["A", "B"].iter().zip(sides) {
        out.push_str(&format!("{label}: «{}» {}", display_line(&scenario.name), scenario_summary(scenario)));
        if let Some(s) = &outcome.selection {
            out.push_str(&format!(
                " → {} {}, {} MNOK, {} {}",
                s.chosen.len(),
                t(i18n::CHOSEN),
                format_mnok(s.spent_nok),
                t(i18n::TOTAL_POINTS),
                decimal(s.value, 1)
            ));
        }
        out.push('\n');
        for note in &outcome.notes {
            out.push_str(&format!("   {}: {note}\n", t(i18n::NOTE)));
        }
    }
    out.push('\n');
    let longest = diff.set_a.len().max(diff.set_b.len());
    let rows: Vec<Vec<String>> = (0..longest)
        .map(|i| {
            let cell = |set: &[usize], other: &[usize]| match set.get(i) {
                Some(&row) if other.contains(&row) => name(row),
                Some(&row) => format!("* {}", name(row)),
                None => String::new(),
            };
            vec![(i + 1).to_string(), cell(&diff.set_a, &diff.set_b), cell(&diff.set_b, &diff.set_a)]
        })
        .collect();
    let columns = [Column::new("#").right(), Column::new("A").max(60).flexible(), Column::new("B").max(60)];
    out.push_str(&render(&columns, &rows, terminal_width()));
    out.push_str(&format!("* = {}\n\n", t(i18n::ONLY_IN_ONE)));
    for (label, rows) in [(i18n::ENTERS, &diff.entered), (i18n::LEAVES, &diff.left)] {
        out.push_str(&format!("{} ({}):\n", t(label), rows.len()));
        if rows.is_empty() {
            out.push_str("  –\n");
        }
        for &row in rows.iter() {
            let amount = matrix.row(row).amount_nok.map(|a| format!(", {} MNOK", format_mnok(a))).unwrap_or_default();
            out.push_str(&format!("  {}{amount}\n", display_line(&name(row))));
        }
    }
    out
}
