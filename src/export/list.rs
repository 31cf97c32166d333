//! A priority list: the rows an export writes, with rank, score and its breakdown, the
//! frame marker and the parallel-solution marker, and the settings that produced it.
//! Gathering is here; each format's writer only lays it out.

use crate::config::Lang;
use crate::dedupe::{Decision, DecisionRecord};
use crate::error::Result;
use crate::error::{ScoringProblem, StoreProblem};
use crate::model::{Initiative, Status};
use crate::scoring::{Duplicates, Locks, Mode, PlanInput, PlanItem, Ranking, ScoreMatrix, Weights, prioritise};
use crate::store::{ListQuery, Store};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A budget frame for a list, with the analyst's locks (initiative ids).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FrameSpec {
    pub budget_nok: i64,
    pub locked_in: Vec<i64>,
    pub locked_out: Vec<i64>,
    /// How the frame is filled (rank order unless the analyst chose otherwise), as on the
    /// priority screen and in `samla rank`.
    pub mode: Mode,
}

/// The order rows are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListOrder {
    /// Best total score first; withdrawn initiatives (no score) last, by id.
    #[default]
    ByScore,
    /// As the ids were given (what a screen shows, in its order).
    AsGiven,
}

/// How to build a list.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub lang: Lang,
    /// Weights to rank by; None means the weights stored in the database.
    pub weights: Option<Weights>,
    pub frame: Option<FrameSpec>,
    /// Keep only the first N rows (after ranking and choosing within the frame).
    pub top: Option<usize>,
    pub order: ListOrder,
    /// How the rows were chosen, in the user's words ("--ministry HOD", "dep:HOD"), for the
    /// settings sheet. Empty means every active initiative.
    pub filters: Vec<String>,
}

/// A criterion as a list column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionColumn {
    pub code: String,
    pub name: String,
    pub weight: f64,
    /// The weight as a share of all weights, 0..1.
    pub share: f64,
}

/// The frame used and what it holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FrameSummary {
    pub frame_nok: i64,
    pub spent_nok: i64,
    pub remaining_nok: i64,
    pub chosen: usize,
    pub locked_in: Vec<i64>,
    pub locked_out: Vec<i64>,
    /// Locks on initiatives that are not in the list (ignored).
    pub ignored_locks: Vec<i64>,
}

/// A life event as a list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LifeEventLabel {
    pub code: String,
    pub name: String,
}

/// One row of a priority list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityRow {
    /// Place by total score among the list's rows (1 = best); None for a withdrawn
    /// initiative, which has no score.
    pub rank: Option<u32>,
    pub id: i64,
    pub title: String,
    pub agency: Option<String>,
    /// Ministry codes, the lead first.
    pub ministries: Vec<String>,
    pub life_events: Vec<LifeEventLabel>,
    pub amount_nok: Option<i64>,
    /// Total score 0..100.
    pub score: Option<f64>,
    /// Points each criterion adds to the score, in the order of [`PriorityList::criteria`].
    pub points: Vec<f64>,
    /// Criteria without a value (counted as the middle of their scale).
    pub missing: Vec<String>,
    /// Within the frame; None when the list has no frame.
    pub in_frame: Option<bool>,
    /// Initiatives the analyst decided are the same effort.
    pub duplicates: Vec<i64>,
    /// Initiatives the analyst decided overlap with this one.
    pub overlaps: Vec<i64>,
    pub tags: Vec<String>,
    pub withdrawn: bool,
}

/// Everything an export writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityList {
    #[serde(skip)]
    pub lang: Lang,
    pub generated_at: String,
    pub database: String,
    pub filters: Vec<String>,
    pub criteria: Vec<CriterionColumn>,
    pub frame: Option<FrameSummary>,
    /// Rows before `--top` cut the list.
    pub matched: usize,
    pub top: Option<usize>,
    pub rows: Vec<PriorityRow>,
}

/// What a row takes from an initiative.
struct Listed {
    title: String,
    agency: Option<String>,
    ministries: Vec<String>,
    life_events: Vec<String>,
    amount_nok: Option<i64>,
    tags: Vec<String>,
    withdrawn: bool,
}

impl From<Initiative> for Listed {
    fn from(i: Initiative) -> Self {
        Self {
            title: i.title,
            agency: i.agency,
            ministries: i.ministries,
            life_events: i.life_events,
            amount_nok: i.amount_nok,
            tags: i.tags,
            withdrawn: i.status == Status::Withdrawn,
        }
    }
}

/// Builds the list of the initiatives `ids` (unknown ids are an error; duplicates are
/// written once).
pub fn build_list(store: &Store, ids: &[i64], options: &ListOptions) -> Result<PriorityList> {
    let lang = options.lang;
    let mut listed = HashSet::new();
    let ids: Vec<i64> = ids.iter().copied().filter(|id| listed.insert(*id)).collect();
    let mut initiatives = read_listed(store, &ids, &listed)?;

    let matrix = store.score_matrix()?;
    let weights = list_weights(options, &matrix)?;
    let ranking = matrix.rank(&weights);

    // The list's scored rows in score order: the portfolio's ranking restricted to the list.
    let scored: Vec<usize> = ranking.rows().filter(|&row| listed.contains(&matrix.row(row).id)).collect();
    let place_of: HashMap<i64, u32> =
        scored.iter().enumerate().map(|(place, &row)| (matrix.row(row).id, place as u32 + 1)).collect();

    let decisions = store.duplicate_decisions()?;
    let plan = options.frame.as_ref().map(|spec| frame_plan(&matrix, &ranking, &weights, &scored, spec, &decisions));
    let (in_frame, frame_summary) = plan.transpose()?.map_or_else(|| (HashMap::new(), None), |(i, s)| (i, Some(s)));

    let (mut duplicates, mut overlaps) = decided_pairs(decisions);

    let resolver = crate::store::Resolver::load_for(store)?;
    let event_names: HashMap<&str, &str> = resolver
        .life_events()
        .iter()
        .map(|e| (e.code.as_str(), if lang == Lang::En { e.name_en.as_str() } else { e.name_nb.as_str() }))
        .collect();

    let order: Vec<i64> = match options.order {
        ListOrder::AsGiven => ids,
        ListOrder::ByScore => by_score(ids, &scored, &matrix, &place_of),
    };
    let matched = order.len();
    let mut rows = Vec::with_capacity(order.len().min(options.top.unwrap_or(usize::MAX)));
    for id in order.into_iter().take(options.top.unwrap_or(usize::MAX)) {
        let Some(initiative) = position_of(&initiatives, id).and_then(|p| initiatives[p].1.take()) else { continue };
        let initiative = *initiative;
        let row = matrix.row_of(id);
        let explanation = row.map(|row| matrix.explain(&weights, row));
        rows.push(PriorityRow {
            rank: place_of.get(&id).copied(),
            id,
            life_events: initiative
                .life_events
                .iter()
                .map(|code| LifeEventLabel {
                    code: code.clone(),
                    name: event_names.get(code.as_str()).map_or_else(|| code.clone(), ToString::to_string),
                })
                .collect(),
            score: row.map(|row| ranking.totals[row]),
            points: explanation
                .as_ref()
                .map(|e| e.contributions.iter().map(|c| c.points).collect())
                .unwrap_or_default(),
            missing: explanation
                .as_ref()
                .map(|e| e.contributions.iter().filter(|c| c.missing).map(|c| c.code.clone()).collect())
                .unwrap_or_default(),
            in_frame: options.frame.as_ref().map(|_| in_frame.get(&id).copied().unwrap_or(false)),
            duplicates: duplicates.remove(&id).unwrap_or_default(),
            overlaps: overlaps.remove(&id).unwrap_or_default(),
            withdrawn: initiative.withdrawn,
            title: initiative.title,
            agency: initiative.agency,
            ministries: initiative.ministries,
            amount_nok: initiative.amount_nok,
            tags: initiative.tags,
        });
    }

    Ok(PriorityList {
        lang,
        generated_at: crate::now(),
        database: store.path().display().to_string(),
        filters: options.filters.clone(),
        criteria: criterion_columns(&matrix, &weights, lang),
        frame: frame_summary,
        matched,
        top: options.top,
        rows,
    })
}

/// The initiatives `ids` (the set `listed`), withdrawn ones too, in id order; an unknown
/// id is an error. Only what a row takes is kept, and each is taken out (its box freed) as
/// its row is built: at a million rows, whole initiatives in a map took over a gigabyte.
fn read_listed(store: &Store, ids: &[i64], listed: &HashSet<i64>) -> Result<Vec<(i64, Option<Box<Listed>>)>> {
    let mut initiatives: Vec<(i64, Option<Box<Listed>>)> = store
        .list_map(&ListQuery { include_withdrawn: true, ..ListQuery::default() }, |i| {
            listed.contains(&i.id).then(|| (i.id, Some(Box::new(Listed::from(i)))))
        })?;
    initiatives.sort_unstable_by_key(|(id, _)| *id);
    if let Some(unknown) = ids.iter().find(|&&id| position_of(&initiatives, id).is_none()) {
        return Err(StoreProblem::NoSuchInitiative(*unknown).into());
    }
    Ok(initiatives)
}

/// Where initiative `id` is in the list read by [`read_listed`].
fn position_of(initiatives: &[(i64, Option<Box<Listed>>)], id: i64) -> Option<usize> {
    initiatives.binary_search_by_key(&id, |(id, _)| *id).ok()
}

/// The list's ids in score order (`scored`: its scored rows, in rank order), the unscored
/// last by id.
fn by_score(ids: Vec<i64>, scored: &[usize], matrix: &ScoreMatrix, place_of: &HashMap<i64, u32>) -> Vec<i64> {
    let mut order: Vec<i64> = scored.iter().map(|&row| matrix.row(row).id).collect();
    let mut unscored: Vec<i64> = ids.into_iter().filter(|id| !place_of.contains_key(id)).collect();
    unscored.sort_unstable();
    order.extend(unscored);
    order
}

/// The weights the list is scored with (the options', else the current ones), checked
/// against the criteria.
fn list_weights(options: &ListOptions, matrix: &ScoreMatrix) -> Result<Weights> {
    let weights = options.weights.clone().unwrap_or_else(|| Weights::current(matrix.criteria()));
    if weights.len() != matrix.columns() {
        return Err(ScoringProblem::WeightsMismatch { weights: weights.len(), criteria: matrix.columns() }.into());
    }
    if weights.is_zero() {
        return Err(ScoringProblem::AllWeightsZero.into());
    }
    Ok(weights)
}

/// The pairs the analyst decided: each initiative's duplicates, and its overlaps.
fn decided_pairs(decisions: Vec<DecisionRecord>) -> (HashMap<i64, Vec<i64>>, HashMap<i64, Vec<i64>>) {
    let mut duplicates: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut overlaps: HashMap<i64, Vec<i64>> = HashMap::new();
    for decision in decisions {
        let marks = match decision.decision {
            Decision::Duplicate => &mut duplicates,
            Decision::Overlap => &mut overlaps,
            Decision::Distinct => continue,
        };
        marks.entry(decision.a).or_default().push(decision.b);
        marks.entry(decision.b).or_default().push(decision.a);
    }
    (duplicates, overlaps)
}

/// The criteria as the list's columns: code, name in `lang`, weight and share of the total.
fn criterion_columns(matrix: &ScoreMatrix, weights: &Weights, lang: Lang) -> Vec<CriterionColumn> {
    let shares = weights.shares();
    matrix
        .criteria()
        .iter()
        .enumerate()
        .map(|(column, c)| CriterionColumn {
            code: c.code.clone(),
            name: c.name(lang).to_string(),
            weight: weights.get(column),
            share: shares.get(column).copied().unwrap_or(0.0),
        })
        .collect()
}

/// The frame filled over the list's scored rows (`scored`, in rank order), as the priority
/// screen fills it: whether each is in, and the summary.
fn frame_plan(
    matrix: &ScoreMatrix,
    ranking: &Ranking,
    weights: &Weights,
    scored: &[usize],
    spec: &FrameSpec,
    decisions: &[crate::dedupe::DecisionRecord],
) -> Result<(HashMap<i64, bool>, FrameSummary)> {
    let benefit = matrix.benefit_totals(weights);
    let items: Vec<PlanItem> = scored
        .iter()
        .map(|&row| PlanItem {
            id: matrix.row(row).id,
            cost_nok: matrix.row(row).amount_nok,
            total: ranking.totals[row],
            benefit: benefit[row],
        })
        .collect();
    let item_of: HashMap<i64, usize> = items.iter().enumerate().map(|(item, i)| (i.id, item)).collect();
    let mut ignored = Vec::new();
    let mut items_of = |locks: &[i64]| -> Vec<usize> {
        locks
            .iter()
            .filter_map(|id| {
                let item = item_of.get(id).copied();
                if item.is_none() {
                    ignored.push(*id);
                }
                item
            })
            .collect()
    };
    let locks = Locks { locked_in: items_of(&spec.locked_in), locked_out: items_of(&spec.locked_out) };
    // Confirmed duplicate groups, as items of this list.
    let links: Vec<(i64, i64, Decision)> = decisions.iter().map(|d| (d.a, d.b, d.decision)).collect();
    let confirmed_groups = Duplicates::new(matrix, &links, &[])
        .confirmed_groups
        .iter()
        .map(|group| group.iter().filter_map(|&row| item_of.get(&matrix.row(row).id).copied()).collect())
        .collect();
    let input = PlanInput {
        rank_order: (0..items.len()).collect(),
        items,
        frame_nok: spec.budget_nok,
        resolution_nok: 0,
        locks,
        mode: spec.mode,
        confirmed_groups,
        compare: false,
    };
    let plan = prioritise(&input)?.plan;
    let id_of = |item: &usize| input.items[*item].id;
    let in_frame = (0..input.items.len()).map(|item| (id_of(&item), plan.in_frame[item])).collect();
    let summary = FrameSummary {
        frame_nok: plan.frame_nok,
        spent_nok: plan.spent_nok,
        remaining_nok: plan.remaining_nok,
        chosen: plan.chosen.len(),
        locked_in: plan.locked_in.iter().map(id_of).collect(),
        locked_out: plan.locked_out.iter().map(id_of).collect(),
        ignored_locks: ignored,
    };
    Ok((in_frame, summary))
}
