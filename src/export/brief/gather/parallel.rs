//! Parallel solutions by what is at stake: the dedupe library's groups, ranked across
//! sectors first and then by the money in them, each with its members' owners, sectors,
//! amounts and phases, the evidence in one line and how far the analyst has reviewed it.

use super::format::{count, mnok, percent};
use super::owners::{Owners, Sector};
use super::{clean, evidence};
use crate::config::Lang;
use crate::dedupe::OwnerRelation;
use crate::export::brief::input::{GroupInput, ParallelInput};
use crate::model::Initiative;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// How many groups the section lists before it sums up the rest.
const LISTED_GROUPS: usize = 12;

/// A group's weakest link must reach this for an unreviewed group to count as likely one
/// effort: the titles and descriptions say nearly the same.
pub const LIKELY_LINK: f64 = 0.85;

/// How far the analyst has reviewed a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    /// The analyst linked every member (duplicate or overlap).
    Confirmed,
    /// Not (fully) reviewed, but every link in it is strong.
    Likely,
    /// Found by the search, not reviewed, with weaker links.
    Unreviewed,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupMember {
    pub id: i64,
    pub title: String,
    /// "Nav (AID)", "Oslo kommune", "ikke oppgitt".
    pub owner: String,
    /// The sector the brief counts it under.
    pub sector: String,
    pub amount_mnok: String,
    pub phase: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub members: Vec<GroupMember>,
    /// The sectors its members are in, as labels.
    pub sectors: Vec<String>,
    pub cross_sector: bool,
    pub status: GroupStatus,
    /// The analyst called at least one pair in it the same initiative (not an overlap).
    pub has_duplicates: bool,
    pub amount_nok: i64,
    pub amount_mnok: String,
    /// Why its members look alike, in one line; empty when not worked out.
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Parallel {
    /// The duplicate search was run and handed to the brief.
    pub candidates_computed: bool,
    pub groups: Vec<Group>,
    /// Groups not listed, and the money in them.
    pub more_groups: usize,
    pub more_mnok: String,
    pub group_count: usize,
    pub cross_sector_groups: usize,
    /// Confirmed and likely groups, those of them across sectors, and the sectors their
    /// members are in (stated ones).
    pub at_stake_groups: usize,
    pub at_stake_cross_groups: usize,
    pub at_stake_cross_mnok: String,
    pub at_stake_sectors: usize,
    pub confirmed_groups: usize,
    pub confirmed_mnok: String,
    pub likely_groups: usize,
    pub likely_mnok: String,
    pub unreviewed_groups: usize,
    pub unreviewed_mnok: String,
    /// Confirmed and likely together: what the summary calls likely parallel solutions.
    pub at_stake_nok: i64,
    pub at_stake_mnok: String,
    pub at_stake_percent: String,
    /// Open candidate pairs nobody has decided on yet.
    pub open_pairs: String,
    /// Initiatives in groups not yet confirmed (the data-quality box counts them).
    #[serde(skip)]
    pub unconfirmed_ids: BTreeSet<i64>,
}

/// True when the analyst's links join every member into one.
fn all_linked(group: &GroupInput) -> bool {
    let Some(&first) = group.members.first() else { return false };
    let mut reached: BTreeSet<i64> = BTreeSet::from([first]);
    loop {
        let before = reached.len();
        for &(a, b, _) in &group.linked {
            if reached.contains(&a) || reached.contains(&b) {
                reached.insert(a);
                reached.insert(b);
            }
        }
        if reached.len() == before {
            break;
        }
    }
    group.members.iter().all(|id| reached.contains(id))
}

fn status(group: &GroupInput) -> GroupStatus {
    if all_linked(group) {
        GroupStatus::Confirmed
    } else if group.weakest_link >= LIKELY_LINK {
        GroupStatus::Likely
    } else {
        GroupStatus::Unreviewed
    }
}

fn group(input: &GroupInput, by_id: &HashMap<i64, &Initiative>, owners: &Owners<'_>, lang: Lang) -> Option<Group> {
    let members: Vec<&Initiative> = input.members.iter().filter_map(|id| by_id.get(id).copied()).collect();
    if members.len() < 2 {
        return None;
    }
    let relation = OwnerRelation::of_group(members.iter().map(|m| (m.agency.as_deref(), m.ministries.as_slice())));
    let sectors: BTreeSet<Sector> = members.iter().map(|m| owners.sector(m)).collect();
    let amount: i64 = members.iter().filter_map(|m| m.amount_nok).sum();
    let mut listed: Vec<&Initiative> = members.clone();
    listed.sort_by(|a, b| b.amount_nok.cmp(&a.amount_nok).then(a.id.cmp(&b.id)));
    Some(Group {
        members: listed
            .iter()
            .map(|m| GroupMember {
                id: m.id,
                title: clean(&m.title),
                owner: owners.owner(m),
                sector: owners.sector(m).label(lang),
                amount_mnok: m.amount_nok.map_or_else(|| "–".into(), |a| mnok(a, lang)),
                phase: owners.phase(m),
            })
            .collect(),
        sectors: sectors.iter().map(|s| s.label(lang)).collect(),
        cross_sector: relation == OwnerRelation::CrossSector,
        status: status(input),
        has_duplicates: input.linked.iter().any(|l| l.2 == crate::dedupe::Decision::Duplicate),
        amount_nok: amount,
        amount_mnok: mnok(amount, lang),
        evidence: evidence::line(&input.evidence, lang),
    })
}

/// The section, from the review (or, when the search was not run, the analyst's decisions
/// alone).
pub(super) fn parallel(
    input: &ParallelInput,
    computed: bool,
    by_id: &HashMap<i64, &Initiative>,
    owners: &Owners<'_>,
    requested_nok: i64,
    lang: Lang,
) -> Parallel {
    let mut groups: Vec<Group> = input.groups.iter().filter_map(|g| group(g, by_id, owners, lang)).collect();
    groups.sort_by(|a, b| {
        b.cross_sector
            .cmp(&a.cross_sector)
            .then(b.amount_nok.cmp(&a.amount_nok))
            .then(a.members[0].id.cmp(&b.members[0].id))
    });
    let sum = |status: GroupStatus| -> (usize, i64) {
        let of: Vec<&Group> = groups.iter().filter(|g| g.status == status).collect();
        (of.len(), of.iter().map(|g| g.amount_nok).sum())
    };
    let (confirmed, confirmed_nok) = sum(GroupStatus::Confirmed);
    let (likely, likely_nok) = sum(GroupStatus::Likely);
    let (unreviewed, unreviewed_nok) = sum(GroupStatus::Unreviewed);
    let at_stake_groups: Vec<&Group> = groups.iter().filter(|g| g.status != GroupStatus::Unreviewed).collect();
    let at_stake_sectors: BTreeSet<&str> = at_stake_groups
        .iter()
        .flat_map(|g| g.members.iter().map(|m| m.sector.as_str()))
        .filter(|s| *s != super::owners::not_stated(lang))
        .collect();
    let at_stake_cross: Vec<&&Group> = at_stake_groups.iter().filter(|g| g.cross_sector).collect();
    let unconfirmed_ids = groups
        .iter()
        .filter(|g| g.status != GroupStatus::Confirmed)
        .flat_map(|g| g.members.iter().map(|m| m.id))
        .collect();
    let at_stake = confirmed_nok + likely_nok;
    let more: Vec<&Group> = groups.iter().skip(LISTED_GROUPS).collect();
    let more_nok: i64 = more.iter().map(|g| g.amount_nok).sum();
    Parallel {
        candidates_computed: computed,
        more_groups: more.len(),
        more_mnok: mnok(more_nok, lang),
        group_count: groups.len(),
        cross_sector_groups: groups.iter().filter(|g| g.cross_sector).count(),
        at_stake_groups: at_stake_groups.len(),
        at_stake_cross_groups: at_stake_cross.len(),
        at_stake_cross_mnok: mnok(at_stake_cross.iter().map(|g| g.amount_nok).sum(), lang),
        at_stake_sectors: at_stake_sectors.len(),
        confirmed_groups: confirmed,
        confirmed_mnok: mnok(confirmed_nok, lang),
        likely_groups: likely,
        likely_mnok: mnok(likely_nok, lang),
        unreviewed_groups: unreviewed,
        unreviewed_mnok: mnok(unreviewed_nok, lang),
        at_stake_nok: at_stake,
        at_stake_mnok: mnok(at_stake, lang),
        at_stake_percent: percent(at_stake, requested_nok),
        open_pairs: count(input.open.len() as i64, lang),
        unconfirmed_ids,
        groups: groups.into_iter().take(LISTED_GROUPS).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::Decision;

    fn input(members: &[i64], linked: &[(i64, i64)], weakest: f64) -> GroupInput {
        GroupInput {
            members: members.to_vec(),
            linked: linked.iter().map(|&(a, b)| (a, b, Decision::Overlap)).collect(),
            weakest_link: weakest,
            evidence: Vec::new(),
        }
    }

    #[test]
    fn a_group_is_confirmed_only_when_the_analyst_linked_every_member() {
        assert_eq!(status(&input(&[1, 2, 3], &[(1, 2), (2, 3)], 0.7)), GroupStatus::Confirmed);
        assert_eq!(status(&input(&[1, 2, 3], &[(1, 2)], 0.9)), GroupStatus::Likely, "3 joined by the search");
        assert_eq!(status(&input(&[1, 2, 3], &[(1, 2)], 0.75)), GroupStatus::Unreviewed);
        assert_eq!(status(&input(&[], &[], 1.0)), GroupStatus::Likely, "no members, nothing linked");
    }
}
