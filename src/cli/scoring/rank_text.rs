//! The priority list as a table for the terminal, with the plan below it: the mode and what
//! it does, frame, spent and left (adding up as shown), the cut line, the initiatives that
//! fell out though they rank high and why, the optimised alternative and the curve.

use super::rank::{Ranked, t};
use crate::cli::table::{Column, render};
use crate::cli::terminal_width;
use crate::config::Lang;
use crate::i18n;
use crate::scoring::describe::{coverage_text, decimal, duplicate_symbol, mnok, mode_name, mode_why, swap_text};
use crate::scoring::{ListedRow, Prioritised};
use crate::text::{display_line, shorten};

/// How many out-of-frame initiatives above the last funded one are explained by name.
const EXPLAINED_OUT: usize = 10;
/// How many swapped initiatives each side of the comparison names.
const NAMED_SWAPS: usize = 8;

pub(super) fn rank_text(ranked: &Ranked, shown: usize, lang: Lang) -> String {
    let source = ranked.source();
    let rows = source.rows(shown, lang);
    let plan = ranked.prioritised.as_ref().map(|p| &p.plan);
    // The ranking's own place only where the list has another order (benefit per krone).
    let reordered = rows.iter().any(|r| r.place != r.rank as usize);
    let mut out = table(&rows, plan.is_some(), reordered, lang);
    if let Some(place) = plan.and_then(|p| p.cut_place).filter(|&place| place <= shown) {
        out = with_cut_line(&out, place, lang);
    }
    let (_, incomplete) = ranked.matrix.completeness();
    out.push_str(&format!(
        "{} {} {} {} {} · {} {} {}\n",
        t(i18n::SHOWN_OF_TOTAL, lang),
        shown,
        t(i18n::OF, lang),
        ranked.matrix.len(),
        t(i18n::INITIATIVES, lang),
        incomplete,
        t(i18n::INCOMPLETE, lang),
        if incomplete > 0 { t(i18n::MISSING_RULE_SHORT, lang) } else { "" }
    ));
    if let Some(warning) = coverage_text(&ranked.coverage, ranked.matrix.criteria(), lang) {
        out.push_str(&format!("⚠ {warning}\n"));
    }
    if !ranked.duplicates.is_empty() {
        out.push_str(&format!(
            "{} {} ({})\n",
            ranked.duplicates.len(),
            t(i18n::DUPLICATES_IN_LIST, lang),
            t(i18n::DUP_LEGEND, lang)
        ));
    }
    if ranked.matrix.len() > crate::store::LIKELY_PAIRS_LIMIT {
        out.push_str(&format!("{}\n", t(i18n::LIKELY_NOT_SEARCHED, lang)));
    }
    for note in &ranked.notes {
        out.push_str(&format!("{}: {note}\n", t(i18n::NOTE, lang)));
    }
    if let Some(prioritised) = &ranked.prioritised {
        out.push('\n');
        out.push_str(&plan_text(ranked, prioritised, lang));
    }
    out
}

fn table(rows: &[ListedRow], framed: bool, reordered: bool, lang: Lang) -> String {
    let mut columns = vec![Column::new(t(i18n::PLACE, lang)).right()];
    if reordered {
        columns.push(Column::new(t(i18n::RANK, lang)).right());
    }
    columns.extend([
        Column::new(t(i18n::ID, lang)).right(),
        Column::new(t(i18n::TITLE, lang)).flexible(),
        Column::new(t(i18n::POINTS, lang)).right(),
        Column::new(t(i18n::AMOUNT_MNOK, lang)).right(),
        Column::new(" "),
    ]);
    if framed {
        columns.push(Column::new(t(i18n::SELECTED, lang)));
        columns.push(Column::new(t(i18n::REASON, lang)).max(44));
    }
    columns.push(Column::new(t(i18n::MISSING, lang)).right());
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.place.to_string()];
            if reordered {
                cells.push(row.rank.to_string());
            }
            cells.extend([
                row.id.to_string(),
                row.title.clone(),
                decimal(row.total, 1, lang),
                row.amount_nok.map(|a| mnok(a, lang)).unwrap_or_default(),
                row.duplicate.as_ref().map(|d| duplicate_symbol(d.kind)).unwrap_or_default().to_string(),
            ]);
            if framed {
                cells.push(if row.selected == Some(true) { "✓".into() } else { String::new() });
                cells.push(row.reason_text.clone().unwrap_or_default());
            }
            let missing = row.criteria.iter().filter(|c| c.score.is_none()).count();
            cells.push(if missing == 0 { String::new() } else { missing.to_string() });
            cells
        })
        .collect();
    render(&columns, &cells, terminal_width())
}

/// The table with a line drawn above `place` (the header is the table's first line).
fn with_cut_line(table: &str, place: usize, lang: Lang) -> String {
    let mut out = String::new();
    for (index, line) in table.lines().enumerate() {
        if index == place {
            out.push_str(&format!("{} {} {}\n", "─".repeat(12), t(i18n::CUT_LINE, lang), "─".repeat(12)));
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn plan_text(ranked: &Ranked, prioritised: &Prioritised, lang: Lang) -> String {
    let plan = &prioritised.plan;
    let source = ranked.source();
    let name = |row: usize| {
        let c = ranked.matrix.row(row);
        format!("{} «{}»", c.id, display_line(&shorten(&c.title, 50)))
    };
    let (frame, spent, left) = plan.shown_tenths();
    let mut out = format!("{}: {} — {}\n", t(i18n::MODE, lang), mode_name(plan.mode, lang), mode_why(plan.mode, lang));
    out.push_str(&format!(
        "{} {} MNOK: {} {}, {} MNOK {}, {} MNOK {}, {} {}, {} {}\n",
        t(i18n::FRAME, lang),
        mnok(frame * 100_000, lang),
        plan.chosen.len(),
        t(i18n::CHOSEN, lang),
        mnok(spent * 100_000, lang),
        t(i18n::SPENT, lang),
        mnok(left * 100_000, lang),
        t(i18n::LEFT, lang),
        t(i18n::TOTAL_POINTS, lang),
        // The sum of the totals as the table shows them, so the shown rows add up to it.
        decimal(plan.chosen.iter().map(|&r| (ranked.ranking.totals[r] * 10.0).round() / 10.0).sum(), 1, lang),
        t(i18n::BENEFIT, lang),
        decimal(plan.benefit, 1, lang),
    ));
    match plan.cut_place {
        Some(place) => out.push_str(&format!("{}: {place}\n", t(i18n::CUT_LINE_IS, lang))),
        None => out.push_str(&format!("{}\n", t(i18n::ALL_FIT, lang))),
    }
    let last_in = plan.order.iter().rposition(|&row| plan.in_frame[row]).map_or(0, |p| p + 1);
    let out_above: Vec<usize> = plan.out_above(last_in).collect();
    if !out_above.is_empty() {
        out.push_str(&format!("{} ({}):\n", t(i18n::OUT_ABOVE_CUT, lang), out_above.len()));
        for &row in out_above.iter().take(EXPLAINED_OUT) {
            let listed = source.row(0, row, lang);
            out.push_str(&format!("  {:>4}. {}: {}\n", listed.rank, name(row), listed.reason_text.unwrap_or_default()));
        }
        if out_above.len() > EXPLAINED_OUT {
            out.push_str(&format!("  … (+{} {})\n", out_above.len() - EXPLAINED_OUT, t(i18n::MORE, lang)));
        }
    }
    for group in &plan.funded_twice {
        let ids: Vec<String> = group.iter().map(|&r| ranked.matrix.row(r).id.to_string()).collect();
        out.push_str(&format!("⚠ {}: {}\n", t(i18n::FUNDED_TWICE, lang), ids.join(", ")));
    }
    if let Some(swap) = &prioritised.swap {
        out.push_str(&format!("{}: {}\n", t(i18n::SWAP_TITLE, lang), swap_text(swap, lang)));
        for (label, rows) in [(i18n::SWAP_IN, &swap.entered), (i18n::SWAP_OUT, &swap.left)] {
            if rows.is_empty() {
                continue;
            }
            let named: Vec<String> = rows.iter().take(NAMED_SWAPS).map(|&r| name(r)).collect();
            let more = rows.len().saturating_sub(NAMED_SWAPS);
            let tail = if more > 0 { format!(" … (+{more} {})", t(i18n::MORE, lang)) } else { String::new() };
            out.push_str(&format!("  {}: {}{tail}\n", t(label, lang), named.join(", ")));
        }
    }
    if !prioritised.curve.is_empty() {
        let steps: Vec<String> = prioritised
            .curve
            .iter()
            .map(|s| {
                format!(
                    "{} MNOK {} ({} {})",
                    mnok(s.frame_nok, lang),
                    decimal(s.best_benefit, 0, lang),
                    t(i18n::CURVE_RANK_ORDER, lang).to_lowercase(),
                    decimal(s.rank_order_benefit, 0, lang)
                )
            })
            .collect();
        out.push_str(&format!("{}: {}\n", t(i18n::CURVE_TITLE, lang), steps.join(" · ")));
    }
    if !plan.no_amount.is_empty() {
        out.push_str(&format!("{}: {}\n", t(i18n::NO_AMOUNT, lang), plan.no_amount.len()));
    }
    out
}
