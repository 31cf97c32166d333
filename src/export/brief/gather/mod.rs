//! Gathering the brief's facts from the store and the duplicate review: plain, serialisable
//! data with numbers already written the reader's way, so a template only places them. The
//! sentences live in the templates; here are names from the data and a few short phrases
//! built from them (reasons, evidence).
//!
//! One job per file: [`headline`] (amounts by sector and phase), [`parallel`] (the groups of
//! parallel solutions), [`coverage`] (life events, owners not stated), [`rounds`] (imports
//! and changes), [`quality`] (the data-quality box), [`summary`] (the opening lines and the
//! decisions asked for); [`owners`] names owners and sectors, [`format`] numbers and dates.

pub(crate) mod coverage;
pub(crate) mod evidence;
pub(crate) mod format;
pub(crate) mod headline;
pub(crate) mod owners;
pub(crate) mod parallel;
pub(crate) mod quality;
pub(crate) mod rounds;
pub(crate) mod summary;

pub use coverage::{Coverage, EventCoverage, Item};
pub use headline::{Headline, Share};
pub use parallel::{Group, GroupMember, GroupStatus, Parallel};
pub use quality::{Gap, Quality, RoundNote};
pub use rounds::{ChangedItem, SourceChanges, SourceInfo, WarningSample};
pub use summary::{Ask, Summary};

use super::BriefOptions;
use super::input::ParallelInput;
use crate::config::Lang;
use crate::error::Result;
use crate::model::{Initiative, Status};
use crate::store::{ListQuery, Resolver, Store};
use owners::Owners;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Serialize)]
pub struct BriefData {
    pub lang: &'static str,
    /// The title given with --title; None lets the template use its own.
    pub title: Option<String>,
    pub date: String,
    pub generated_at: String,
    pub summary: Summary,
    pub headline: Headline,
    pub priorities: super::priorities::Priorities,
    pub parallel: Parallel,
    pub coverage: Coverage,
    pub changes: Vec<SourceChanges>,
    pub quality: Quality,
}

/// Text from the data as one safe line: control characters shown, never written raw.
pub(crate) fn clean(text: &str) -> String {
    crate::text::display_line(text).into_owned()
}

/// The facts the brief states, from the store.
pub fn gather(store: &Store, options: &BriefOptions<'_>) -> Result<BriefData> {
    let lang = options.lang;
    let decided;
    let (parallel_input, computed) = if let Some(input) = options.parallel {
        (input, true)
    } else {
        decided = ParallelInput::from_decisions(&store.duplicate_decisions()?);
        (&decided, false)
    };
    let ranked = super::priorities::ranked(store, options, parallel_input)?;
    // The brief shows no descriptions: let them go as the rows are read (a quarter of a
    // large portfolio's memory).
    let all = store.list_map(&ListQuery { include_withdrawn: true, ..ListQuery::default() }, |mut initiative| {
        initiative.description = None;
        Some(initiative)
    })?;
    let withdrawn = all.iter().filter(|i| i.status == Status::Withdrawn).count();
    let active: Vec<&Initiative> = all.iter().filter(|i| i.status == Status::Active).collect();
    let by_id: HashMap<i64, &Initiative> = active.iter().map(|i| (i.id, *i)).collect();
    let resolver = Resolver::load_for(store)?;
    let owners = Owners::new(&resolver, lang);

    let priorities = super::priorities::priorities(&ranked, options, &by_id, &owners);
    // The scores and rankings are all in `priorities` now; the rest is gathered without them.
    drop(ranked);
    let in_frame: BTreeSet<i64> = priorities.in_frame_ids.iter().copied().collect();
    let headline = headline::headline(&active, withdrawn, &owners, &in_frame, store, lang)?;
    let parallel = parallel::parallel(parallel_input, computed, &by_id, &owners, headline.requested_nok, lang);
    let coverage = coverage::coverage(&active, &resolver, &owners, lang);
    let rounds = rounds::rounds(store, lang)?;
    let without_hand_scores: BTreeSet<i64> = priorities.without_hand_scores.iter().copied().collect();
    let quality = quality::quality(
        quality::QualityInput {
            active: &active,
            owners: &owners,
            without_hand_scores: &without_hand_scores,
            unreviewed: &parallel.unconfirmed_ids,
            sources: rounds.sources,
            samples: rounds.samples,
            imports: rounds.imports,
        },
        lang,
    );
    let summary = summary::summary(&headline, &priorities, &parallel, &quality, lang);

    Ok(BriefData {
        lang: if lang == Lang::En { "en" } else { "nb" },
        title: options.title.as_deref().map(clean),
        date: options.date.as_deref().map_or_else(|| format::today(lang), clean),
        generated_at: generated_at(lang),
        summary,
        headline,
        priorities,
        parallel,
        coverage,
        changes: rounds.changes,
        quality,
    })
}

/// When the brief was made, as the footer says it: "4. desember 2026 kl. 06.57".
fn generated_at(lang: Lang) -> String {
    let now = chrono::Local::now();
    let day = format::long_date(now.date_naive(), lang);
    match lang {
        Lang::Nb => format!("{day} kl. {}", now.format("%H.%M")),
        Lang::En => format!("{day} at {}", now.format("%H:%M")),
    }
}
