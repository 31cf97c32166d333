//! `samla weights`: the criteria and their weights, changed by value or by ranking.

use super::{Context, WeightsArgs, number, percent, print, round, scale_text, to_json};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::error::Result;
use crate::i18n::{self, Text};
use crate::scoring::{Criteria, DerivedField, ScoreMatrix, Weights};
use crate::store::OpenMode;
use crate::text::display_line;
use std::process::ExitCode;

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
        return Err(crate::error::ScoringProblem::AllWeightsZero.into());
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
                    "scale": [c.scale_min, c.scale_max], "derived_from": c.derived_from.map(DerivedField::name),
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
