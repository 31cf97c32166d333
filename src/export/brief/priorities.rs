//! The brief's priority section: the same plan, reasons and duplicate marks as the priority
//! screen and `samla rank` (all made by [`ScoreMatrix::prioritise`] and worded by
//! [`crate::scoring::describe`]), with numbers written the reader's way.

use super::BriefOptions;
use super::gather::{Item, decimal, mnok};
use crate::config::Lang;
use crate::dedupe::Decision;
use crate::error::Result;
use crate::model::Initiative;
use crate::scoring::describe::{
    coverage_text, decimal as grouped, duplicate_text, mode_name, mode_why, reason_text, swap_text,
};
use crate::scoring::{Coverage, Duplicates, Locks, Prioritised, Ranking, ScoreMatrix, Weights};
use crate::store::Store;
use serde::Serialize;
use std::collections::HashMap;

/// How many rows a list of the section shows before saying how many more there are.
const LISTED_CHOSEN: usize = 30;
const LISTED_OUT: usize = 10;
const LISTED_SWAPS: usize = 8;

#[derive(Debug, Clone, Serialize)]
pub struct PriorityItem {
    #[serde(flatten)]
    pub item: Item,
    pub rank: u32,
    pub score: String,
    /// Its strongest criteria with their points: the "why".
    pub reasons: Vec<String>,
    /// Criteria without a score (counted as the middle of their scale).
    pub missing: Vec<String>,
    /// Its duplicate link ("mulig duplikat (417)"), if it has one.
    pub duplicate: Option<String>,
}

/// An initiative out of the set, with why.
#[derive(Debug, Clone, Serialize)]
pub struct OutItem {
    #[serde(flatten)]
    pub item: Item,
    pub rank: u32,
    pub score: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Weighting {
    pub name: String,
    pub percent: String,
}

/// The optimised set beside the rank-order set.
#[derive(Debug, Clone, Serialize)]
pub struct SwapSection {
    pub summary: String,
    pub entered: Vec<Item>,
    pub left: Vec<OutItem>,
    pub more_entered: usize,
    pub more_left: usize,
}

/// A row of the value-against-frame table.
#[derive(Debug, Clone, Serialize)]
pub struct CurveRow {
    pub frame_mnok: String,
    pub best: String,
    pub rank_order: String,
    /// The row of the frame itself.
    pub is_frame: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Priorities {
    pub has_frame: bool,
    pub mode: String,
    pub mode_why: String,
    pub frame_mnok: String,
    /// Spent and left are rounded so that they add up to the frame as shown.
    pub spent_mnok: String,
    pub remaining_mnok: String,
    pub chosen_count: usize,
    /// The place where the first initiative falls out.
    pub cut_place: Option<usize>,
    /// The chosen set (with a frame) or the top of the ranking (without), in the plan's order.
    pub rows: Vec<PriorityItem>,
    /// How many chosen were left out of `rows` for length.
    pub more: usize,
    /// Initiatives out of the set though a lower-ranked one is in, with why.
    pub out_above: Vec<OutItem>,
    pub more_out: usize,
    pub swap: Option<SwapSection>,
    pub curve: Vec<CurveRow>,
    /// "Rangeringen av 69 tiltak bygger bare på …", when places rest on derived criteria.
    pub coverage_warning: Option<String>,
    /// How many ranked initiatives are in a duplicate pair or group.
    pub duplicates: usize,
    /// Confirmed duplicate groups the frame funds more than once (through locks), as titles.
    pub funded_twice: Vec<String>,
    /// Active initiatives without a requested amount (cannot be chosen).
    pub no_amount: usize,
    /// Initiatives with at least one missing score.
    pub incomplete: usize,
    pub weights: Vec<Weighting>,
    /// The funded initiatives' ids (for the headline's in-frame amounts).
    #[serde(skip)]
    pub in_frame_ids: Vec<i64>,
}

/// The ranking and the plan, worked out before the portfolio is read: the exact
/// selection's working memory (most of a gigabyte at a million initiatives) is gone by then.
pub(super) struct Ranked {
    matrix: ScoreMatrix,
    weights: Weights,
    ranking: Ranking,
    prioritised: Option<Prioritised>,
    duplicates: Duplicates,
    coverage: Coverage,
}

pub(super) fn ranked(store: &Store, options: &BriefOptions<'_>) -> Result<Ranked> {
    let matrix = store.score_matrix()?;
    let weights = options.weights.clone().unwrap_or_else(|| Weights::current(matrix.criteria()));
    let ranking = matrix.rank(&weights);
    let decisions: Vec<(i64, i64, Decision)> =
        store.duplicate_decisions()?.into_iter().map(|d| (d.a, d.b, d.decision)).collect();
    let open: Vec<(i64, i64)> = options.candidates.unwrap_or_default().iter().map(|c| (c.a, c.b)).collect();
    let duplicates = Duplicates::new(&matrix, &decisions, &open);
    let prioritised = match options.budget_nok {
        Some(budget) => {
            let rows = |ids: &[i64]| ids.iter().filter_map(|id| matrix.row_of(*id)).collect();
            let locks = Locks { locked_in: rows(&options.locked_in), locked_out: rows(&options.locked_out) };
            Some(matrix.prioritise(&ranking, &weights, budget, locks, options.mode, &duplicates)?)
        }
        None => None,
    };
    let coverage = matrix.coverage(&weights);
    Ok(Ranked { matrix, weights, ranking, prioritised, duplicates, coverage })
}

/// The strongest criteria of a row and what it misses, as the "why" column says them.
fn strengths(ranked: &Ranked, row: usize, names: &[String], lang: Lang) -> (Vec<String>, Vec<String>) {
    let explanation = ranked.matrix.explain(&ranked.weights, row);
    let mut parts: Vec<(usize, f64, f64)> = explanation
        .contributions
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.missing && c.points > 0.0)
        .map(|(column, c)| (column, c.points, c.normalised))
        .collect();
    parts.sort_by(|a, b| b.1.total_cmp(&a.1));
    // Its strengths: criteria near the top of their scale; else what adds the most.
    let strong: Vec<&(usize, f64, f64)> = parts.iter().filter(|p| p.2 >= 0.75).take(3).collect();
    let chosen = if strong.is_empty() { parts.iter().take(2).collect() } else { strong };
    let reasons =
        chosen.iter().map(|(column, points, _)| format!("{} {}", names[*column], decimal(*points, 1, lang))).collect();
    let missing = explanation
        .contributions
        .iter()
        .enumerate()
        .filter(|(_, c)| c.missing)
        .map(|(column, _)| names[column].clone())
        .collect();
    (reasons, missing)
}

pub(super) fn priorities(
    ranked: Ranked,
    options: &BriefOptions<'_>,
    by_id: &HashMap<i64, &Initiative>,
    item: &dyn Fn(&Initiative) -> Item,
) -> Priorities {
    let lang = options.lang;
    let names: Vec<String> = ranked.matrix.criteria().iter().map(|c| c.name(lang).to_string()).collect();
    let row_item = |row: usize| -> Option<Item> { by_id.get(&ranked.matrix.row(row).id).map(|i| item(i)) };
    let plan = ranked.prioritised.as_ref().map(|p| &p.plan);
    let priority_item = |row: usize| -> Option<PriorityItem> {
        let (reasons, missing) = strengths(&ranked, row, &names, lang);
        Some(PriorityItem {
            item: row_item(row)?,
            rank: ranked.ranking.rank(row),
            score: decimal(ranked.ranking.totals[row], 1, lang),
            reasons,
            missing,
            duplicate: ranked.duplicates.mark(row).map(|m| duplicate_text(m, lang)),
        })
    };
    let out_item = |row: usize| -> Option<OutItem> {
        Some(OutItem {
            item: row_item(row)?,
            rank: ranked.ranking.rank(row),
            score: decimal(ranked.ranking.totals[row], 1, lang),
            reason: plan.and_then(|p| p.reason(row)).map(|r| reason_text(r, lang)).unwrap_or_default(),
        })
    };
    let rows: Vec<usize> = match plan {
        Some(plan) => plan.chosen.clone(),
        None => ranked.ranking.rows().take(options.top).collect(),
    };
    let out_above: Vec<usize> = plan.map_or_else(Vec::new, |p| {
        let last_in = p.order.iter().rposition(|&row| p.in_frame[row]).map_or(0, |place| place + 1);
        p.out_above(last_in).collect()
    });
    let listed: Vec<PriorityItem> = rows.iter().take(LISTED_CHOSEN).filter_map(|&row| priority_item(row)).collect();
    let (frame, spent, left) = plan.map_or((0, 0, 0), |p| p.shown_tenths());
    let tenths = |t: i64| mnok(t * 100_000, lang);
    let swap = swap_section(&ranked, &row_item, lang);
    let curve = curve_rows(&ranked, lang);
    let title = |row: usize| row_item(row).map(|i| i.title).unwrap_or_default();
    let shares = ranked.weights.shares();
    Priorities {
        has_frame: plan.is_some(),
        mode: plan.map(|p| mode_name(p.mode, lang).to_string()).unwrap_or_default(),
        mode_why: plan.map(|p| mode_why(p.mode, lang).to_string()).unwrap_or_default(),
        frame_mnok: tenths(frame),
        spent_mnok: tenths(spent),
        remaining_mnok: tenths(left),
        chosen_count: rows.len(),
        cut_place: plan.and_then(|p| p.cut_place),
        more: rows.len().saturating_sub(listed.len()),
        rows: listed,
        more_out: out_above.len().saturating_sub(LISTED_OUT),
        out_above: out_above.iter().take(LISTED_OUT).filter_map(|&row| out_item(row)).collect(),
        swap,
        curve,
        coverage_warning: coverage_text(&ranked.coverage, ranked.matrix.criteria(), lang),
        duplicates: ranked.duplicates.len(),
        funded_twice: plan.map_or_else(Vec::new, |p| {
            p.funded_twice.iter().map(|group| group.iter().map(|&r| title(r)).collect::<Vec<_>>().join(" = ")).collect()
        }),
        no_amount: ranked.matrix.rows().iter().filter(|c| c.amount_nok.is_none()).count(),
        incomplete: ranked.matrix.completeness().1,
        weights: names
            .iter()
            .zip(&shares)
            .filter(|(_, share)| **share > 0.0)
            .map(|(name, share)| Weighting { name: name.clone(), percent: decimal(share * 100.0, 0, lang) })
            .collect(),
        in_frame_ids: plan.map_or_else(Vec::new, |p| p.chosen.iter().map(|&r| ranked.matrix.row(r).id).collect()),
    }
}

fn swap_section(ranked: &Ranked, row_item: &dyn Fn(usize) -> Option<Item>, lang: Lang) -> Option<SwapSection> {
    let swap = ranked.prioritised.as_ref()?.swap.as_ref()?;
    let out_item = |row: usize| -> Option<OutItem> {
        Some(OutItem {
            item: row_item(row)?,
            rank: ranked.ranking.rank(row),
            score: decimal(ranked.ranking.totals[row], 1, lang),
            reason: String::new(),
        })
    };
    Some(SwapSection {
        summary: swap_text(swap, lang),
        entered: swap.entered.iter().take(LISTED_SWAPS).filter_map(|&row| row_item(row)).collect(),
        left: swap.left.iter().take(LISTED_SWAPS).filter_map(|&row| out_item(row)).collect(),
        more_entered: swap.entered.len().saturating_sub(LISTED_SWAPS),
        more_left: swap.left.len().saturating_sub(LISTED_SWAPS),
    })
}

fn curve_rows(ranked: &Ranked, lang: Lang) -> Vec<CurveRow> {
    let Some(p) = ranked.prioritised.as_ref() else { return Vec::new() };
    p.curve
        .iter()
        .map(|step| CurveRow {
            frame_mnok: mnok(step.frame_nok, lang),
            best: grouped(step.best_benefit, 0, lang),
            rank_order: grouped(step.rank_order_benefit, 0, lang),
            is_frame: step.frame_nok == p.plan.frame_nok,
        })
        .collect()
}
