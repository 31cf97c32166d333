//! `samla sensitivity`: how stable the top of the list is when the weights move.

use super::{
    Context, FrameArgs, SensitivityArgs, decimal, evaluate, number, percent, print, round, to_json, working_scenario,
};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::error::Result;
use crate::i18n::{self, Text};
use crate::scoring::{Ranking, ScoreMatrix, Sensitivity, SensitivityOptions, sensitivity};
use crate::store::OpenMode;
use serde_json::Value;
use std::process::ExitCode;

pub fn sensitivity_command(context: &Context, args: &SensitivityArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let scenario = working_scenario(&store, &matrix, args.scenario.as_deref(), &FrameArgs::default())?;
    let outcome = evaluate(&scenario, &matrix, &crate::scoring::Duplicates::default())?;
    if !(args.spread.is_finite() && (0.0..100.0).contains(&args.spread)) {
        return Err(crate::error::ScoringProblem::Spread { spread: args.spread / 100.0 }.into());
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
    if args.json {
        print(&(to_json(&as_json(&matrix, &outcome.ranking, &options, &result), true)? + "\n"))?;
    } else {
        print(&as_table(&matrix, &outcome.ranking, &options, &result, args.spread, context.lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The run as `--json` gives it: the options, and each watched initiative's ranks.
fn as_json(matrix: &ScoreMatrix, ranking: &Ranking, options: &SensitivityOptions, result: &Sensitivity) -> Value {
    let entries: Vec<_> = result
        .entries
        .iter()
        .map(|e| {
            let c = matrix.row(e.row);
            serde_json::json!({
                "rank": e.rank, "id": c.id, "title": c.title,
                "total_score": round(ranking.totals[e.row], 3),
                "best_rank": e.best_rank, "worst_rank": e.worst_rank,
                "top_n_share": round(e.top_n_share, 4),
                "flip_at": e.flip_at.map(|f| round(f, 4)), "fragile": e.fragile,
            })
        })
        .collect();
    serde_json::json!({
        "runs": options.runs, "spread": options.spread, "seed": options.seed, "top_n": options.top_n,
        "small_change": options.small_change, "entries": entries,
    })
}

/// The run as a table: each watched initiative's place, the range of places the moved
/// weights gave it, its share of runs in the top, and the change that flips it; then a
/// line saying how the weights were moved. `spread_percent` as the user gave it.
fn as_table(
    matrix: &ScoreMatrix,
    ranking: &Ranking,
    options: &SensitivityOptions,
    result: &Sensitivity,
    spread_percent: f64,
    lang: Lang,
) -> String {
    let t = |text: Text| text.get(lang);
    let columns = vec![
        Column::new(t(i18n::PLACE)).right(),
        Column::new(t(i18n::ID)).right(),
        Column::new(t(i18n::TITLE)).flexible(),
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
                decimal(ranking.totals[e.row], 1),
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
        number(spread_percent),
        t(i18n::SEED),
        options.seed,
        t(i18n::FRAGILE_EXPLAINED).replace("{}", &number(options.small_change * 100.0))
    ));
    out
}
