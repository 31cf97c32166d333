//! The brief's priority section: the same plan, reasons and duplicate marks as the priority
//! screen and `samla rank` (all made by [`ScoreMatrix::prioritise`] with [`Duplicates`], and
//! the reasons for being out worded by [`crate::scoring::describe`]); why each one is in is
//! said in words ([`super::reasons`]), and numbers are written the reader's way.

use super::BriefOptions;
use super::gather::Item;
use super::gather::format::{decimal, mnok};
use super::gather::owners::Owners;
use super::input::ParallelInput;
use crate::config::Lang;
use crate::dedupe::Decision;
use crate::error::Result;
use crate::model::Initiative;
use crate::scoring::describe::{coverage_text, mode_name, mode_why, reason_text_with, swap_text_with};
use crate::scoring::plan::Plan;
use crate::scoring::{Coverage, DuplicateKind, Duplicates, Locks, Prioritised, Ranking, ScoreMatrix, Weights};
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
    /// Why it ranks where it does, in words ("Stor samfunnsnytte og lav risiko.").
    pub why: String,
    /// The criteria without a score, in a sentence (they count as the middle of their scale).
    pub missing: String,
    /// Its duplicate link as a sentence naming the other initiative, if it has one.
    pub duplicate: Option<String>,
    /// "confirmed", "overlap" or "likely" with `duplicate`.
    pub duplicate_kind: Option<DuplicateKind>,
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
    /// What the frame funds, in kroner (0 without a frame).
    #[serde(skip)]
    pub spent_nok: i64,
    /// The initiatives outside the frame, and what they ask for.
    pub outside_count: usize,
    pub outside_mnok: String,
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
    /// Initiatives (ids) with no hand score on any weighted hand-scored criterion.
    #[serde(skip)]
    pub without_hand_scores: Vec<i64>,
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

/// The ranking, the duplicate marks and the plan, by the functions the priority screen and
/// `samla rank` call: [`ScoreMatrix::rank`], [`Duplicates::new`] over the analyst's decisions
/// and the review's open pairs, [`ScoreMatrix::prioritise`].
pub(super) fn ranked(store: &Store, options: &BriefOptions<'_>, parallel: &ParallelInput) -> Result<Ranked> {
    let matrix = store.score_matrix()?;
    let weights = options.weights.clone().unwrap_or_else(|| Weights::current(matrix.criteria()));
    let ranking = matrix.rank(&weights);
    let decisions: Vec<(i64, i64, Decision)> =
        store.duplicate_decisions()?.into_iter().map(|d| (d.a, d.b, d.decision)).collect();
    let open: Vec<(i64, i64)> = parallel.open.iter().map(|c| (c.a, c.b)).collect();
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

/// What the rows of the section are made from: the ranking, the portfolio's lines, the
/// language.
struct Rows<'a> {
    ranked: &'a Ranked,
    by_id: &'a HashMap<i64, &'a Initiative>,
    owners: &'a Owners<'a>,
    lang: Lang,
}

impl Rows<'_> {
    fn item(&self, row: usize) -> Option<Item> {
        self.by_id.get(&self.ranked.matrix.row(row).id).map(|i| Item::of(i, self.owners, self.lang))
    }

    fn score(&self, row: usize) -> String {
        decimal(self.ranked.ranking.totals[row], 1, self.lang)
    }

    /// The row's duplicate link as a sentence naming the first initiative on the other side.
    fn duplicate(&self, row: usize) -> (Option<String>, Option<DuplicateKind>) {
        let Some(mark) = self.ranked.duplicates.mark(row) else { return (None, None) };
        let other = mark.with.iter().find_map(|id| self.by_id.get(id));
        let text = match other {
            Some(other) => {
                let title = super::gather::clean(&other.title);
                let owner = self.owners.owner(other);
                super::reasons::duplicate(mark.kind, (&title, &owner), mark.with.len() - 1, self.lang)
            }
            None => crate::scoring::describe::duplicate_text(mark, self.lang),
        };
        (Some(text), Some(mark.kind))
    }

    fn priority_item(&self, row: usize) -> Option<PriorityItem> {
        let criteria = &self.ranked.matrix.criteria().list;
        let explanation = self.ranked.matrix.explain(&self.ranked.weights, row);
        let (why, missing) = super::reasons::why(&explanation, criteria, self.lang);
        let (duplicate, duplicate_kind) = self.duplicate(row);
        Some(PriorityItem {
            item: self.item(row)?,
            rank: self.ranked.ranking.rank(row),
            score: self.score(row),
            why,
            missing,
            duplicate,
            duplicate_kind,
        })
    }

    fn out_item(&self, row: usize) -> Option<OutItem> {
        let plan = self.ranked.prioritised.as_ref().map(|p| &p.plan);
        let lang = self.lang;
        let reason = plan.and_then(|p| p.reason(row)).map(|r| reason_text_with(r, lang, &|nok| mnok(nok, lang)));
        Some(OutItem {
            item: self.item(row)?,
            rank: self.ranked.ranking.rank(row),
            score: self.score(row),
            reason: reason.unwrap_or_default(),
        })
    }
}

pub(super) fn priorities(
    ranked: &Ranked,
    options: &BriefOptions<'_>,
    by_id: &HashMap<i64, &Initiative>,
    owners: &Owners<'_>,
) -> Priorities {
    let lang = options.lang;
    let made = Rows { ranked, by_id, owners, lang };
    let plan = ranked.prioritised.as_ref().map(|p| &p.plan);
    let rows: Vec<usize> = match plan {
        Some(plan) => plan.chosen.clone(),
        None => ranked.ranking.rows().take(options.top).collect(),
    };
    let out_above: Vec<usize> = plan.map_or_else(Vec::new, |p| {
        let last_in = p.order.iter().rposition(|&row| p.in_frame[row]).map_or(0, |place| place + 1);
        p.out_above(last_in).collect()
    });
    let listed: Vec<PriorityItem> =
        rows.iter().take(LISTED_CHOSEN).filter_map(|&row| made.priority_item(row)).collect();
    let (frame, spent, left) = plan.map_or((0, 0, 0), Plan::shown_tenths);
    let tenths = |t: i64| mnok(t * 100_000, lang);
    let requested: i64 = ranked.matrix.rows().iter().filter_map(|c| c.amount_nok).sum();
    let spent_nok = plan.map_or(0, |p| p.spent_nok);
    let title = |row: usize| made.item(row).map(|i| i.title).unwrap_or_default();
    Priorities {
        has_frame: plan.is_some(),
        mode: plan.map(|p| mode_name(p.mode, lang).to_string()).unwrap_or_default(),
        mode_why: plan.map(|p| mode_why(p.mode, lang).to_string()).unwrap_or_default(),
        frame_mnok: tenths(frame),
        spent_mnok: tenths(spent),
        remaining_mnok: tenths(left),
        spent_nok,
        outside_count: ranked.matrix.len().saturating_sub(rows.len()),
        outside_mnok: mnok((requested - spent_nok).max(0), lang),
        chosen_count: rows.len(),
        cut_place: plan.and_then(|p| p.cut_place),
        more: rows.len().saturating_sub(listed.len()),
        rows: listed,
        more_out: out_above.len().saturating_sub(LISTED_OUT),
        out_above: out_above.iter().take(LISTED_OUT).filter_map(|&row| made.out_item(row)).collect(),
        swap: swap_section(&made),
        curve: curve_rows(ranked, lang),
        coverage_warning: coverage_text(&ranked.coverage, ranked.matrix.criteria(), lang),
        duplicates: ranked.duplicates.len(),
        funded_twice: plan.map_or_else(Vec::new, |p| {
            p.funded_twice.iter().map(|group| group.iter().map(|&r| title(r)).collect::<Vec<_>>().join(" = ")).collect()
        }),
        no_amount: ranked.matrix.rows().iter().filter(|c| c.amount_nok.is_none()).count(),
        incomplete: ranked.matrix.completeness().1,
        weights: weightings(ranked, lang),
        in_frame_ids: plan.map_or_else(Vec::new, |p| p.chosen.iter().map(|&r| ranked.matrix.row(r).id).collect()),
        without_hand_scores: ranked
            .matrix
            .without_hand_scores(&ranked.weights)
            .into_iter()
            .map(|r| ranked.matrix.row(r).id)
            .collect(),
    }
}

fn weightings(ranked: &Ranked, lang: Lang) -> Vec<Weighting> {
    let shares = ranked.weights.shares();
    ranked
        .matrix
        .criteria()
        .iter()
        .zip(&shares)
        .filter(|(_, share)| **share > 0.0)
        .map(|(criterion, share)| Weighting {
            name: criterion.name(lang).to_string(),
            percent: decimal(share * 100.0, 0, lang),
        })
        .collect()
}

fn swap_section(rows: &Rows<'_>) -> Option<SwapSection> {
    let swap = rows.ranked.prioritised.as_ref()?.swap.as_ref()?;
    let lang = rows.lang;
    let out_item = |row: usize| -> Option<OutItem> {
        Some(OutItem {
            item: rows.item(row)?,
            rank: rows.ranked.ranking.rank(row),
            score: rows.score(row),
            reason: String::new(),
        })
    };
    Some(SwapSection {
        summary: swap_text_with(swap, lang, &|value| decimal(value, 1, lang)),
        entered: swap.entered.iter().take(LISTED_SWAPS).filter_map(|&row| rows.item(row)).collect(),
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
            best: decimal(step.best_benefit, 0, lang),
            rank_order: decimal(step.rank_order_benefit, 0, lang),
            is_frame: step.frame_nok == p.plan.frame_nok,
        })
        .collect()
}
