//! The opening summary's facts and the decisions the group is asked for, from the data.
//! The sentences are in the templates (`brief_words.j2`); here is only what they say.

use super::format::{count, mnok, percent};
use super::headline::Headline;
use super::parallel::Parallel;
use super::quality::Quality;
use crate::config::Lang;
use crate::export::brief::Priorities;
use serde::Serialize;

/// One decision the embetsgruppe is asked for, with its figures.
#[derive(Debug, Clone, Serialize)]
pub struct Ask {
    /// "endorse_frame", "set_frame", "coordinate", "review", "owner".
    pub kind: &'static str,
    pub count: String,
    pub mnok: String,
}

#[derive(Debug, Clone, Serialize)]
#[allow(clippy::struct_excessive_bools)] // the template's conditions: what the brief mentions
pub struct Summary {
    pub requested_mnok: String,
    pub initiatives: String,
    pub agencies: String,
    pub sectors: String,
    /// Whether the duplicate search ran, and what it found worth naming.
    pub parallel_computed: bool,
    pub at_stake: bool,
    pub at_stake_mnok: String,
    pub at_stake_percent: String,
    pub at_stake_groups: String,
    pub at_stake_cross_groups: String,
    pub at_stake_sectors: String,
    pub confirmed_mnok: String,
    pub any_confirmed: bool,
    pub has_frame: bool,
    pub frame_mnok: String,
    pub chosen: String,
    pub spent_mnok: String,
    pub outside: String,
    pub outside_mnok: String,
    /// Shares of the money without hand scores and in groups nobody reviewed.
    pub unscored_percent: String,
    pub unreviewed_percent: String,
    pub caveat: bool,
    pub asks: Vec<Ask>,
}

fn gap_share(quality: &Quality, kind: &str) -> (usize, String, String) {
    quality
        .gaps
        .iter()
        .find(|g| g.kind == kind)
        .map_or((0, "0".into(), "0".into()), |g| (g.count, g.mnok.clone(), g.mnok_percent.clone()))
}

fn asks(headline: &Headline, priorities: &Priorities, parallel: &Parallel, quality: &Quality, lang: Lang) -> Vec<Ask> {
    let mut asks = Vec::new();
    let n = |value: usize| count(value as i64, lang);
    if priorities.has_frame {
        asks.push(Ask {
            kind: "endorse_frame",
            count: n(priorities.chosen_count),
            mnok: priorities.frame_mnok.clone(),
        });
    } else {
        asks.push(Ask { kind: "set_frame", count: n(priorities.chosen_count), mnok: headline.requested_mnok.clone() });
    }
    if parallel.at_stake_cross_groups > 0 {
        let mnok = parallel.at_stake_cross_mnok.clone();
        asks.push(Ask { kind: "coordinate", count: n(parallel.at_stake_cross_groups), mnok });
    }
    let open = parallel.likely_groups + parallel.unreviewed_groups;
    if open > 0 {
        let (_, money, _) = gap_share(quality, "unreviewed_groups");
        asks.push(Ask { kind: "review", count: n(open), mnok: money });
    }
    let (no_owner, money, _) = gap_share(quality, "no_owner");
    if no_owner > 0 {
        asks.push(Ask { kind: "owner", count: n(no_owner), mnok: money });
    }
    asks
}

pub(super) fn summary(
    headline: &Headline,
    priorities: &Priorities,
    parallel: &Parallel,
    quality: &Quality,
    lang: Lang,
) -> Summary {
    let n = |value: usize| count(value as i64, lang);
    let (_, _, unscored_percent) = gap_share(quality, "no_hand_scores");
    let (_, _, unreviewed_percent) = gap_share(quality, "unreviewed_groups");
    let outside_nok = headline.requested_nok - priorities.spent_nok;
    Summary {
        requested_mnok: headline.requested_mnok.clone(),
        initiatives: n(headline.initiatives),
        agencies: n(headline.agencies),
        sectors: n(headline.sectors),
        parallel_computed: parallel.candidates_computed,
        at_stake: parallel.at_stake_nok > 0,
        at_stake_mnok: parallel.at_stake_mnok.clone(),
        at_stake_percent: percent(parallel.at_stake_nok, headline.requested_nok),
        at_stake_groups: n(parallel.at_stake_groups),
        at_stake_cross_groups: n(parallel.at_stake_cross_groups),
        at_stake_sectors: n(parallel.at_stake_sectors),
        confirmed_mnok: parallel.confirmed_mnok.clone(),
        any_confirmed: parallel.confirmed_groups > 0,
        has_frame: priorities.has_frame,
        frame_mnok: priorities.frame_mnok.clone(),
        chosen: n(priorities.chosen_count),
        spent_mnok: priorities.spent_mnok.clone(),
        outside: n(headline.initiatives.saturating_sub(priorities.chosen_count)),
        outside_mnok: mnok(outside_nok.max(0), lang),
        caveat: unscored_percent != "0" || unreviewed_percent != "0",
        unscored_percent,
        unreviewed_percent,
        asks: asks(headline, priorities, parallel, quality, lang),
    }
}
