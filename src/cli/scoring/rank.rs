//! `samla rank`: the priority list, and the best set within a budget frame.

use super::{Context, RankArgs, decimal, evaluate, number, print, round, to_json, working_scenario};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::error::Result;
use crate::i18n::{self, Text};
use crate::scoring::{Outcome, Ranking, ScoreMatrix, Selection};
use crate::store::OpenMode;
use crate::text::{display_line, format_mnok};
use serde::Serialize;
use std::collections::BTreeMap;
use std::process::ExitCode;

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
            crate::cli::print_error(note);
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
        t(if s.exact_in_kroner { i18n::COUNTED_EXACTLY_IN } else { i18n::AMOUNTS_ROUNDED_TO }),
        number(s.resolution_nok as f64 / 1_000_000.0),
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
    if !s.topped_up.is_empty() {
        out.push_str(&format!("{}: {}\n", t(i18n::TOPPED_UP), ids(&s.topped_up)));
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
