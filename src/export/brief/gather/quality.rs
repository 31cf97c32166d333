//! The data-quality box: how much of the portfolio, counted and in money, rests on gaps
//! (no hand scores, no owner, no life event, in duplicate groups nobody has reviewed), and
//! the import rounds and dates the figures build on.

use super::format::{count, date_of, mnok, percent};
use super::owners::Owners;
use super::rounds::{SourceInfo, WarningSample};
use crate::config::Lang;
use crate::model::Initiative;
use serde::Serialize;
use std::collections::BTreeSet;

/// One gap: how many initiatives and how much money, and their shares of the whole.
#[derive(Debug, Clone, Serialize)]
pub struct Gap {
    /// "no_hand_scores", "no_owner", "no_life_event", "unreviewed_groups", "no_amount".
    pub kind: &'static str,
    pub count: usize,
    pub count_text: String,
    pub count_percent: String,
    pub mnok: String,
    pub mnok_percent: String,
}

/// One source's latest round.
#[derive(Debug, Clone, Serialize)]
pub struct RoundNote {
    pub source: String,
    pub round: usize,
    pub imported: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quality {
    pub gaps: Vec<Gap>,
    /// Each source's latest round and date, the later rounds first.
    pub rounds: Vec<RoundNote>,
    /// Imports in all, and the dates of the first and the latest.
    pub imports: usize,
    pub first_import: String,
    pub latest_import: String,
    pub sources: Vec<SourceInfo>,
    pub warnings: i64,
    pub rejected: i64,
    pub samples: Vec<WarningSample>,
}

/// What the box is worked out from.
pub(super) struct QualityInput<'a> {
    pub active: &'a [&'a Initiative],
    pub owners: &'a Owners<'a>,
    /// Active initiatives with no hand score (ids).
    pub without_hand_scores: &'a BTreeSet<i64>,
    /// Initiatives in duplicate groups the analyst has not confirmed (ids).
    pub unreviewed: &'a BTreeSet<i64>,
    pub sources: Vec<SourceInfo>,
    pub samples: Vec<WarningSample>,
    /// (first, latest) import times, RFC 3339, and how many imports.
    pub imports: (Option<String>, Option<String>, usize),
}

fn gap(kind: &'static str, of: &[&&Initiative], all: &[&Initiative], lang: Lang) -> Gap {
    let money: i64 = of.iter().filter_map(|i| i.amount_nok).sum();
    let total: i64 = all.iter().filter_map(|i| i.amount_nok).sum();
    Gap {
        kind,
        count: of.len(),
        count_text: count(of.len() as i64, lang),
        count_percent: percent(of.len() as i64, all.len() as i64),
        mnok: mnok(money, lang),
        mnok_percent: percent(money, total),
    }
}

pub(super) fn quality(input: QualityInput<'_>, lang: Lang) -> Quality {
    let active = input.active;
    let select =
        |keep: &dyn Fn(&Initiative) -> bool| -> Vec<&&Initiative> { active.iter().filter(|i| keep(i)).collect() };
    let gaps = vec![
        gap("no_hand_scores", &select(&|i| input.without_hand_scores.contains(&i.id)), active, lang),
        gap("no_owner", &select(&|i| !input.owners.sector(i).is_stated()), active, lang),
        gap("no_life_event", &select(&|i| i.life_events.is_empty()), active, lang),
        gap("unreviewed_groups", &select(&|i| input.unreviewed.contains(&i.id)), active, lang),
        gap("no_amount", &select(&|i| i.amount_nok.is_none()), active, lang),
    ];
    let mut rounds: Vec<RoundNote> = input
        .sources
        .iter()
        .map(|s| RoundNote { source: s.label.clone(), round: s.rounds, imported: s.imported.clone() })
        .collect();
    // The sources further along first, then by name: each carries its date, and imports
    // seconds apart would otherwise shuffle the order from one run to the next.
    rounds.sort_by(|a, b| b.round.cmp(&a.round).then(a.source.cmp(&b.source)));
    let (first, latest, imports) = input.imports;
    Quality {
        gaps,
        rounds,
        imports,
        first_import: first.map(|at| date_of(&at, lang)).unwrap_or_default(),
        latest_import: latest.map(|at| date_of(&at, lang)).unwrap_or_default(),
        warnings: input.sources.iter().map(|s| s.warnings).sum(),
        rejected: input.sources.iter().map(|s| s.rejected).sum(),
        sources: input.sources,
        samples: input.samples,
    }
}
