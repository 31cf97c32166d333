//! The headline figures: what is asked for in all, by sector and by phase, with the part
//! of each within the frame.

use super::format::{count, mnok, percent};
use super::owners::{Owners, Sector};
use crate::config::Lang;
use crate::error::Result;
use crate::model::Initiative;
use crate::store::Store;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// A count and an amount for one group (a sector, a phase).
#[derive(Debug, Clone, Serialize)]
pub struct Share {
    pub label: String,
    /// The group's full name where one is known ("Helse- og omsorgsdepartementet").
    pub name: String,
    pub count: usize,
    pub amount_nok: i64,
    pub amount_mnok: String,
    /// Share of the total requested amount, "12".
    pub percent: String,
    /// Requested amount within the frame (0 without a frame), and its share of the group's.
    pub in_frame_nok: i64,
    pub in_frame_mnok: String,
    pub in_frame_percent: String,
    /// False for "ikke oppgitt": listed last, never as a ministry or a phase.
    pub stated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub initiatives: usize,
    pub initiatives_text: String,
    pub withdrawn: usize,
    pub agencies: usize,
    /// Ministries that own initiatives.
    pub ministries: usize,
    /// Sectors: the ministries, and the municipal sector when it owns any.
    pub sectors: usize,
    pub sources: usize,
    pub requested_nok: i64,
    pub requested_mnok: String,
    pub without_amount: usize,
    pub by_sector: Vec<Share>,
    pub by_phase: Vec<Share>,
}

type Tally = BTreeMap<(bool, String), (usize, i64, i64)>;

fn add(tally: &mut Tally, stated: bool, label: String, amount: i64, framed: i64) {
    let entry = tally.entry((stated, label)).or_default();
    *entry = (entry.0 + 1, entry.1 + amount, entry.2 + framed);
}

pub(super) fn headline(
    active: &[&Initiative],
    withdrawn: usize,
    owners: &Owners<'_>,
    in_frame: &BTreeSet<i64>,
    store: &Store,
    lang: Lang,
) -> Result<Headline> {
    let requested: i64 = active.iter().filter_map(|i| i.amount_nok).sum();
    let (mut by_sector, mut by_phase) = (Tally::new(), Tally::new());
    let mut sectors: BTreeSet<Sector> = BTreeSet::new();
    for initiative in active {
        let amount = initiative.amount_nok.unwrap_or(0);
        let framed = if in_frame.contains(&initiative.id) { amount } else { 0 };
        // Joint initiatives are counted under their lead ministry, so the amounts add up.
        let sector = owners.sector(initiative);
        add(&mut by_sector, sector.is_stated(), sector.label(lang), amount, framed);
        sectors.insert(sector);
        let stated = initiative.phase.as_deref().is_some_and(|p| !p.trim().is_empty());
        add(&mut by_phase, stated, owners.phase(initiative), amount, framed);
    }
    let share = |((stated, label), (count, amount, framed)): ((bool, String), (usize, i64, i64))| Share {
        name: owners.name(&label).filter(|_| stated).map_or_else(String::new, super::clean),
        label,
        count,
        amount_nok: amount,
        amount_mnok: mnok(amount, lang),
        percent: percent(amount, requested),
        in_frame_nok: framed,
        in_frame_mnok: mnok(framed, lang),
        in_frame_percent: percent(framed, amount),
        stated,
    };
    let mut by_sector: Vec<Share> = by_sector.into_iter().map(share).collect();
    by_sector.sort_by(|a, b| b.stated.cmp(&a.stated).then(b.amount_nok.cmp(&a.amount_nok)).then(a.label.cmp(&b.label)));
    // Phases in their natural order (Idé … Avsluttet), others after, "ikke oppgitt" last.
    let order = store.portfolio_data(Some(0))?.phases;
    let mut by_phase: Vec<Share> = by_phase.into_iter().map(share).collect();
    by_phase.sort_by_key(|s| (!s.stated, order.iter().position(|p| *p == s.label).unwrap_or(usize::MAX)));
    let agencies: BTreeSet<&str> = active.iter().filter_map(|i| i.agency.as_deref()).collect();
    let ministries: BTreeSet<&str> = active.iter().flat_map(|i| i.ministries.iter().map(String::as_str)).collect();
    let sources: BTreeSet<&str> = active.iter().map(|i| i.source.as_str()).collect();
    Ok(Headline {
        initiatives: active.len(),
        initiatives_text: count(active.len() as i64, lang),
        withdrawn,
        agencies: agencies.len(),
        ministries: ministries.len(),
        sectors: sectors.iter().filter(|s| s.is_stated()).count(),
        sources: sources.len(),
        requested_nok: requested,
        requested_mnok: mnok(requested, lang),
        without_amount: active.iter().filter(|i| i.amount_nok.is_none()).count(),
        by_sector,
        by_phase,
    })
}
