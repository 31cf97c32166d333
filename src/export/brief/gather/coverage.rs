//! Life-event coverage, and the initiatives whose owner nobody stated.

use super::clean;
use super::format::mnok;
use super::owners::Owners;
use crate::config::Lang;
use crate::model::Initiative;
use crate::store::Resolver;
use serde::Serialize;
use std::collections::BTreeSet;

const LISTED_NO_OWNER: usize = 12;

/// One initiative as a line of the brief.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub title: String,
    /// The owner agency, or "ikke oppgitt".
    pub agency: String,
    /// "Nav (AID)", "Oslo kommune", "ikke oppgitt".
    pub owner: String,
    pub ministries: String,
    pub amount_mnok: String,
}

impl Item {
    pub(crate) fn of(initiative: &Initiative, owners: &Owners<'_>, lang: Lang) -> Self {
        Self {
            id: initiative.id,
            title: clean(&initiative.title),
            agency: owners.agency(initiative),
            owner: owners.owner(initiative),
            ministries: clean(&initiative.ministries.join(", ")),
            amount_mnok: initiative.amount_nok.map_or_else(|| "–".into(), |a| mnok(a, lang)),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct EventCoverage {
    pub code: String,
    pub name: String,
    pub count: usize,
    pub amount_nok: i64,
    pub amount_mnok: String,
    pub ministries: Vec<String>,
    /// "many", "some" or "few", against the average life event.
    pub level: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub events: Vec<EventCoverage>,
    pub without_event: usize,
    /// Initiatives with neither a ministry nor a municipal owner.
    pub no_owner: Vec<Item>,
    pub no_owner_count: usize,
}

fn level(count: usize, average: f64) -> &'static str {
    if count as f64 >= 1.5 * average {
        "many"
    } else if count as f64 <= 0.5 * average {
        "few"
    } else {
        "some"
    }
}

pub(super) fn coverage(active: &[&Initiative], resolver: &Resolver, owners: &Owners<'_>, lang: Lang) -> Coverage {
    let events = resolver.life_events();
    let mut counts: Vec<(usize, i64, BTreeSet<String>)> = vec![(0, 0, BTreeSet::new()); events.len()];
    for initiative in active {
        for code in &initiative.life_events {
            if let Some(index) = events.iter().position(|e| &e.code == code) {
                counts[index].0 += 1;
                counts[index].1 += initiative.amount_nok.unwrap_or(0);
                counts[index].2.extend(initiative.ministries.iter().map(|m| clean(m)));
            }
        }
    }
    let average = counts.iter().map(|c| c.0).sum::<usize>() as f64 / events.len().max(1) as f64;
    let mut coverage: Vec<EventCoverage> = events
        .iter()
        .zip(counts)
        .map(|(event, (count, amount, ministries))| EventCoverage {
            code: event.code.clone(),
            name: clean(if lang == Lang::En { &event.name_en } else { &event.name_nb }),
            count,
            amount_nok: amount,
            amount_mnok: mnok(amount, lang),
            ministries: ministries.into_iter().collect(),
            level: level(count, average),
        })
        .collect();
    coverage.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let no_owner: Vec<&&Initiative> = active.iter().filter(|i| !owners.sector(i).is_stated()).collect();
    Coverage {
        events: coverage,
        without_event: active.iter().filter(|i| i.life_events.is_empty()).count(),
        no_owner_count: no_owner.len(),
        no_owner: no_owner.iter().take(LISTED_NO_OWNER).map(|i| Item::of(i, owners, lang)).collect(),
    }
}
