//! `samla score set|import|show`.

use super::{Context, ScoreAction, ScoreArgs, decimal, not_active, number, percent, print, round, scale_text, to_json};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::error::{Error, Result};
use crate::i18n::{self, Text};
use crate::import::scores::{MatchedBy, ScoreImportOptions, ScoreImportReport, import_scores};
use crate::scoring::{Explanation, ScoreMatrix, Weights};
use crate::store::OpenMode;
use crate::text::display_line;
use std::process::ExitCode;

pub fn score(context: &Context, args: &ScoreArgs) -> Result<ExitCode> {
    match &args.action {
        ScoreAction::Set { id, criterion, value } => {
            let value = match value.trim() {
                "-" | "" => None,
                text => Some(
                    text.replace(',', ".")
                        .parse::<f64>()
                        .map_err(|_| Error::from(crate::error::UsageProblem::NotAScore(text.to_string())))?,
                ),
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

fn describe_import(report: &ScoreImportReport, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let mut out = format!("{}\n", display_line(&report.file));
    if report.dry_run {
        out.push_str(&format!("  {}\n", t(i18n::DRY_RUN)));
    }
    let by = match report.matched_by {
        MatchedBy::Id => t(i18n::BY_SAMLA_ID),
        MatchedBy::Key => t(i18n::BY_SOURCE_KEY),
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
            display_line(&warning.field_label(lang)),
            display_line(&warning.value),
            warning.kind.message(lang)
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

fn describe_explanation(matrix: &ScoreMatrix, explanation: &Explanation, rank: u32, lang: Lang) -> String {
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
    // Rounded so the points shown add up to the total shown.
    let points: Vec<f64> = explanation.contributions.iter().map(|c| c.points).collect();
    let shown = crate::scoring::rounded_parts(&points, 1);
    let rows: Vec<Vec<String>> = explanation
        .contributions
        .iter()
        .zip(matrix.criteria().iter())
        .zip(&shown)
        .map(|((part, criterion), shown)| {
            let value = match part.value {
                Some(v) => number(round(v, 2)),
                None => format!("({})", t(i18n::MISSING)),
            };
            vec![
                criterion.name(lang).to_string(),
                value,
                scale_text(criterion, lang),
                percent(part.weight_share),
                decimal(*shown, 1),
            ]
        })
        .collect();
    out.push_str(&render(&columns, &rows, terminal_width()));
    if explanation.incomplete {
        out.push_str(&format!("\n{}\n", t(i18n::MISSING_RULE)));
    }
    out
}
