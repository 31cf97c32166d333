//! `samla scenario save|list|compare|delete`.

use super::{
    Context, FrameArgs, ScenarioAction, ScenarioArgs, decimal, evaluate, number, print, round, to_json,
    working_scenario,
};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::error::Result;
use crate::i18n::{self, Text};
use crate::scoring::{Comparison, Duplicates, Outcome, Scenario, ScoreMatrix, compare};
use crate::store::OpenMode;
use crate::text::{display_line, format_mnok};
use std::process::ExitCode;

pub fn scenario(context: &Context, args: &ScenarioArgs) -> Result<ExitCode> {
    match &args.action {
        ScenarioAction::Save { name, frame } => save(context, name, frame),
        ScenarioAction::List { json } => list(context, *json),
        ScenarioAction::Delete { name } => delete(context, name),
        ScenarioAction::Compare { a, b, top, json } => compare_two(context, a, b, *top, *json),
    }
}

/// `samla scenario save`: today's weights with the frame given, under `name`. The frame and
/// locks are checked now, rather than when the scenario is used.
fn save(context: &Context, name: &str, frame: &FrameArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let mut scenario = working_scenario(&store, &matrix, None, frame)?;
    scenario.name = name.trim().to_string();
    scenario.saved_at = crate::now();
    scenario.saved_by.clone_from(&context.config.analyst);
    evaluate(&scenario, &matrix, &Duplicates::default())?;
    store.save_scenario(&scenario)?;
    print(&format!(
        "{} «{}»: {}\n",
        i18n::SCENARIO_SAVED.get(context.lang),
        display_line(&scenario.name),
        scenario_summary(&scenario)
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// `samla scenario list`: the saved scenarios as a table, or JSON.
fn list(context: &Context, json: bool) -> Result<ExitCode> {
    let t = |text: Text| text.get(context.lang);
    let store = context.open(OpenMode::Existing)?;
    let scenarios = store.scenarios()?;
    if json {
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
    Ok(ExitCode::SUCCESS)
}

/// `samla scenario delete`.
fn delete(context: &Context, name: &str) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let scenario = store.scenario(name)?;
    store.delete_scenario(&scenario.name)?;
    print(&format!("{} «{}»\n", i18n::SCENARIO_DELETED.get(context.lang), display_line(&scenario.name)))?;
    Ok(ExitCode::SUCCESS)
}

/// `samla scenario compare A B`: what each funds, and what entered, left or moved among
/// the `top`, as text or JSON.
fn compare_two(context: &Context, a: &str, b: &str, top: usize, json: bool) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let (scenario_a, scenario_b) = (store.scenario(a)?, store.scenario(b)?);
    // Confirmed duplicates are funded once, as in `samla rank` and on the screen.
    let duplicates = store.plan_duplicates(
        &matrix,
        &crate::dedupe::ServiceKinds::from_reference(&context.reference)?,
        context.config.duplicate_threshold,
    )?;
    let outcome_a = evaluate(&scenario_a, &matrix, &duplicates)?;
    let outcome_b = evaluate(&scenario_b, &matrix, &duplicates)?;
    let diff = compare(&outcome_a, &outcome_b, top);
    let sides = [(&scenario_a, &outcome_a), (&scenario_b, &outcome_b)];
    if json {
        print(&(to_json(&comparison_json(&matrix, sides, &diff), true)? + "\n"))?;
    } else {
        print(&comparison_text(&matrix, sides, &diff, context.lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The comparison as `--json` gives it: each side's set, value and notes, by initiative id.
fn comparison_json(matrix: &ScoreMatrix, sides: [(&Scenario, &Outcome); 2], diff: &Comparison) -> serde_json::Value {
    let id = |row: usize| matrix.row(row).id;
    let side = |(s, o): (&Scenario, &Outcome), set: &[usize]| {
        serde_json::json!({
            "name": s.name, "budget_nok": s.budget_nok, "mode": s.mode,
            "set": set.iter().map(|&r| id(r)).collect::<Vec<_>>(),
            "value": o.plan.as_ref().map(|plan| round(plan.total_points, 3)),
            "benefit": o.plan.as_ref().map(|plan| round(plan.benefit, 3)),
            "spent_nok": o.plan.as_ref().map(|plan| plan.spent_nok),
            "notes": o.notes,
        })
    };
    serde_json::json!({
        "a": side(sides[0], &diff.set_a),
        "b": side(sides[1], &diff.set_b),
        "entered": diff.entered.iter().map(|&r| id(r)).collect::<Vec<_>>(),
        "left": diff.left.iter().map(|&r| id(r)).collect::<Vec<_>>(),
        "kept": diff.kept.iter().map(|&(r, ra, rb)| serde_json::json!({"id": id(r), "rank_a": ra, "rank_b": rb})).collect::<Vec<_>>(),
    })
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

fn comparison_text(matrix: &ScoreMatrix, sides: [(&Scenario, &Outcome); 2], diff: &Comparison, lang: Lang) -> String {
    let t = |text: Text| text.get(lang);
    let name = |row: usize| {
        let c = matrix.row(row);
        format!("{} {}", c.id, c.title)
    };
    let mut out = String::new();
    for (label, (scenario, outcome)) in ["A", "B"].iter().zip(sides) {
        out.push_str(&format!("{label}: «{}» {}", display_line(&scenario.name), scenario_summary(scenario)));
        if let Some(plan) = &outcome.plan {
            out.push_str(&format!(
                " → {}: {} {}, {} MNOK, {} {}",
                crate::scoring::describe::mode_name(plan.mode, lang),
                plan.chosen.len(),
                t(i18n::CHOSEN),
                format_mnok(plan.spent_nok),
                t(i18n::TOTAL_POINTS),
                decimal(plan.total_points, 1)
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
        for &row in rows {
            let amount = matrix.row(row).amount_nok.map(|a| format!(", {} MNOK", format_mnok(a))).unwrap_or_default();
            out.push_str(&format!("  {}{amount}\n", display_line(&name(row))));
        }
    }
    out
}
