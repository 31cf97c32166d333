//! Gathering the brief's facts from the store: plain, serialisable data with numbers
//! already written the reader's way, so a template only places them. No wording here
//! beyond names from the data; the sentences live in the templates.

use super::{BriefOptions, CandidatePair};
use crate::config::Lang;
use crate::dedupe::{Decision, OwnerRelation};
use crate::error::Result;
use crate::model::{Batch, Initiative};
use crate::store::{ListQuery, Resolver, Store};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How many rows a section lists before saying how many more there are.
const LISTED_CHANGES: usize = 8;
const LISTED_NO_OWNER: usize = 12;
const LISTED_WARNINGS: usize = 10;
const LISTED_CANDIDATES: usize = 15;

#[derive(Debug, Clone, Serialize)]
pub struct BriefData {
    pub lang: &'static str,
    /// The title given with --title; None lets the template use its own.
    pub title: Option<String>,
    pub date: String,
    pub generated_at: String,
    pub headline: Headline,
    pub priorities: super::priorities::Priorities,
    pub parallel: Parallel,
    pub coverage: Coverage,
    pub changes: Vec<SourceChanges>,
    pub quality: Quality,
}

/// A count and an amount for one group (a ministry, a phase).
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
    /// Requested amount within the frame (0 without a frame).
    pub in_frame_nok: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    pub initiatives: usize,
    pub withdrawn: usize,
    pub agencies: usize,
    pub ministries: usize,
    pub sources: usize,
    pub requested_nok: i64,
    pub requested_mnok: String,
    pub without_amount: usize,
    pub by_ministry: Vec<Share>,
    pub by_phase: Vec<Share>,
}

/// One initiative as a line of the brief.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: i64,
    pub title: String,
    pub agency: String,
    pub ministries: String,
    pub amount_mnok: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClusterMember {
    #[serde(flatten)]
    pub item: Item,
    pub agency_name: String,
}

/// Initiatives the analyst found to be (partly) the same effort.
#[derive(Debug, Clone, Serialize)]
pub struct Cluster {
    pub members: Vec<ClusterMember>,
    /// "Nav (AID)", one per owner: who should talk to whom.
    pub owners: Vec<String>,
    pub ministries: Vec<String>,
    /// Owned by more than one ministry.
    pub cross_sector: bool,
    /// At least one pair in it is a duplicate (not only an overlap).
    pub has_duplicates: bool,
    pub requested_mnok: String,
}

/// A candidate pair nobody has decided on yet.
#[derive(Debug, Clone, Serialize)]
pub struct OpenPair {
    pub a: Item,
    pub b: Item,
    pub score: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Parallel {
    /// Candidate pairs were computed and handed to the brief.
    pub candidates_computed: bool,
    pub decided_pairs: usize,
    pub distinct_pairs: usize,
    pub clusters: Vec<Cluster>,
    pub cross_sector_clusters: usize,
    pub open: Vec<OpenPair>,
    pub open_more: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventCoverage {
    pub code: String,
    pub name: String,
    pub count: usize,
    pub amount_mnok: String,
    pub ministries: Vec<String>,
    /// "many", "some" or "few", against the average life event.
    pub level: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Coverage {
    pub events: Vec<EventCoverage>,
    pub without_event: usize,
    pub no_owner: Vec<Item>,
    pub no_owner_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ChangedItem {
    pub id: i64,
    pub title: String,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceChanges {
    pub source: String,
    pub file: String,
    pub imported: String,
    /// The round number of the latest import (1 = the first).
    pub round: usize,
    pub inserted: usize,
    pub updated: usize,
    pub withdrawn: usize,
    pub reinstated: usize,
    pub inserted_titles: Vec<String>,
    pub updated_items: Vec<ChangedItem>,
    pub withdrawn_titles: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub label: String,
    pub file: String,
    pub imported: String,
    pub analyst: String,
    pub rounds: usize,
    pub rows: i64,
    pub warnings: i64,
    pub rejected: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarningSample {
    pub source: String,
    pub file: String,
    pub line: i64,
    pub field: String,
    pub value: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quality {
    pub sources: Vec<SourceInfo>,
    pub warnings: i64,
    pub rejected: i64,
    pub samples: Vec<WarningSample>,
    pub without_amount: usize,
    pub without_ministry: usize,
    pub without_event: usize,
    pub incomplete_scores: usize,
}

/// Text from the data as one safe line: control characters shown, never written raw.
fn clean(text: &str) -> String {
    crate::text::display_line(text).into_owned()
}

/// MNOK with one decimal the reader's way: "1 234,5" (nb) or "1,234.5" (en).
pub(crate) fn mnok(nok: i64, lang: Lang) -> String {
    match lang {
        Lang::Nb => crate::text::format_mnok(nok),
        Lang::En => {
            let tenths = (nok as f64 / 100_000.0).round() as i64;
            let sign = if tenths < 0 { "-" } else { "" };
            let whole = crate::text::group_thousands(tenths.abs() / 10).replace(' ', ",");
            format!("{sign}{whole}.{}", tenths.abs() % 10)
        }
    }
}

pub(crate) fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    if lang == Lang::Nb { text.replace('.', ",") } else { text }
}

fn percent(part: i64, whole: i64) -> String {
    if whole <= 0 { "0".into() } else { format!("{}", ((part as f64) * 100.0 / whole as f64).round() as i64) }
}

/// The facts the brief states, from the store.
pub fn gather(store: &Store, options: &BriefOptions<'_>) -> Result<BriefData> {
    let lang = options.lang;
    let ranked = super::priorities::ranked(store, options)?;
    // The brief shows no descriptions: let them go as the rows are read (a quarter of a
    // large portfolio's memory).
    let all = store.list_map(&ListQuery { include_withdrawn: true, ..ListQuery::default() }, |mut initiative| {
        initiative.description = None;
        Some(initiative)
    })?;
    let withdrawn = all.iter().filter(|i| i.status == crate::model::Status::Withdrawn).count();
    let active: Vec<&Initiative> = all.iter().filter(|i| i.status == crate::model::Status::Active).collect();
    let by_id: HashMap<i64, &Initiative> = all.iter().map(|i| (i.id, i)).collect();
    let resolver = Resolver::load_for(store)?;
    let org_name: HashMap<&str, &str> = resolver.organisations().map(|o| (o.code.as_str(), o.name.as_str())).collect();
    let item = |initiative: &Initiative| Item {
        id: initiative.id,
        title: clean(&initiative.title),
        agency: clean(initiative.agency.as_deref().unwrap_or("–")),
        ministries: initiative.ministries.join(", "),
        amount_mnok: initiative.amount_nok.map(|a| mnok(a, lang)).unwrap_or_else(|| "–".into()),
    };

    let priorities = super::priorities::priorities(ranked, options, &by_id, &item);
    let in_frame_ids: BTreeSet<i64> = priorities.in_frame_ids.iter().copied().collect();
    let headline = headline(&active, withdrawn, &org_name, &in_frame_ids, store, lang)?;
    let parallel = parallel(store, options.candidates, &by_id, &org_name, &item, lang)?;
    let coverage = coverage(&active, &resolver, &item, lang);
    let (changes, quality) = rounds(store, &active, priorities.incomplete, lang)?;

    Ok(BriefData {
        lang: if lang == Lang::En { "en" } else { "nb" },
        title: options.title.as_deref().map(clean),
        date: options.date.as_deref().map(clean).unwrap_or_else(|| today(lang)),
        generated_at: crate::now(),
        headline,
        priorities,
        parallel,
        coverage,
        changes,
        quality,
    })
}

fn today(lang: Lang) -> String {
    use chrono::Datelike;
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let date = chrono::Local::now().date_naive();
    let month = date.month0() as usize;
    match lang {
        Lang::Nb => format!("{}. {} {}", date.day(), NB[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

fn headline(
    active: &[&Initiative],
    withdrawn: usize,
    org_name: &HashMap<&str, &str>,
    in_frame: &BTreeSet<i64>,
    store: &Store,
    lang: Lang,
) -> Result<Headline> {
    let requested: i64 = active.iter().filter_map(|i| i.amount_nok).sum();
    let mut by_ministry: BTreeMap<String, (usize, i64, i64)> = BTreeMap::new();
    let mut by_phase: BTreeMap<String, (usize, i64, i64)> = BTreeMap::new();
    let none = crate::i18n::NONE.get(lang).to_string();
    for initiative in active {
        let amount = initiative.amount_nok.unwrap_or(0);
        let framed = if in_frame.contains(&initiative.id) { amount } else { 0 };
        // Joint initiatives are counted under their lead ministry, so the amounts add up.
        let ministry = initiative.ministries.first().cloned().unwrap_or_else(|| none.clone());
        let entry = by_ministry.entry(ministry).or_default();
        *entry = (entry.0 + 1, entry.1 + amount, entry.2 + framed);
        let phase = initiative.phase.clone().unwrap_or_else(|| none.clone());
        let entry = by_phase.entry(phase).or_default();
        *entry = (entry.0 + 1, entry.1 + amount, entry.2 + framed);
    }
    let share = |(label, (count, amount, framed)): (String, (usize, i64, i64))| Share {
        name: org_name.get(label.as_str()).map_or_else(|| label.clone(), |n| n.to_string()),
        label: clean(&label),
        count,
        amount_nok: amount,
        amount_mnok: mnok(amount, lang),
        percent: percent(amount, requested),
        in_frame_nok: framed,
    };
    let mut ministries: Vec<Share> = by_ministry.into_iter().map(share).collect();
    ministries.sort_by(|a, b| b.amount_nok.cmp(&a.amount_nok).then_with(|| a.label.cmp(&b.label)));
    // Phases in their natural order (Idé … Avsluttet), others after.
    let order = store.portfolio_data(Some(0))?.phases;
    let mut phases: Vec<Share> = by_phase.into_iter().map(share).collect();
    phases.sort_by_key(|s| order.iter().position(|p| *p == s.label).unwrap_or(usize::MAX));
    let agencies: BTreeSet<&str> = active.iter().filter_map(|i| i.agency.as_deref()).collect();
    let ministry_codes: BTreeSet<&str> = active.iter().flat_map(|i| i.ministries.iter().map(String::as_str)).collect();
    let sources: BTreeSet<&str> = active.iter().map(|i| i.source.as_str()).collect();
    Ok(Headline {
        initiatives: active.len(),
        withdrawn,
        agencies: agencies.len(),
        ministries: ministry_codes.len(),
        sources: sources.len(),
        requested_nok: requested,
        requested_mnok: mnok(requested, lang),
        without_amount: active.iter().filter(|i| i.amount_nok.is_none()).count(),
        by_ministry: ministries,
        by_phase: phases,
    })
}

/// Groups initiatives linked by duplicate or overlap verdicts (union-find over the pairs).
fn clusters_of(pairs: &[(i64, i64, bool)]) -> Vec<(Vec<i64>, bool)> {
    let mut parent: HashMap<i64, i64> = HashMap::new();
    fn root(parent: &mut HashMap<i64, i64>, id: i64) -> i64 {
        let mut current = id;
        while let Some(&up) = parent.get(&current) {
            if up == current {
                break;
            }
            current = up;
        }
        parent.insert(id, current);
        current
    }
    for &(a, b, _) in pairs {
        parent.entry(a).or_insert(a);
        parent.entry(b).or_insert(b);
        let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
        if ra != rb {
            parent.insert(ra.max(rb), ra.min(rb));
        }
    }
    let mut groups: BTreeMap<i64, (Vec<i64>, bool)> = BTreeMap::new();
    let ids: Vec<i64> = parent.keys().copied().collect();
    for id in ids {
        let r = root(&mut parent, id);
        groups.entry(r).or_default().0.push(id);
    }
    for &(a, _, duplicate) in pairs {
        let r = root(&mut parent, a);
        if let Some(group) = groups.get_mut(&r) {
            group.1 |= duplicate;
        }
    }
    groups
        .into_values()
        .map(|(mut ids, duplicate)| {
            ids.sort_unstable();
            (ids, duplicate)
        })
        .collect()
}

fn parallel(
    store: &Store,
    candidates: Option<&[CandidatePair]>,
    by_id: &HashMap<i64, &Initiative>,
    org_name: &HashMap<&str, &str>,
    item: &dyn Fn(&Initiative) -> Item,
    lang: Lang,
) -> Result<Parallel> {
    let decisions = store.duplicate_decisions()?;
    let linked: Vec<(i64, i64, bool)> = decisions
        .iter()
        .filter(|d| d.decision.links())
        .map(|d| (d.a, d.b, d.decision == Decision::Duplicate))
        .collect();
    let mut clusters: Vec<Cluster> = clusters_of(&linked)
        .into_iter()
        .map(|(ids, has_duplicates)| {
            let members: Vec<&Initiative> = ids.iter().filter_map(|id| by_id.get(id).copied()).collect();
            let mut owners: Vec<String> = Vec::new();
            let mut ministries: Vec<String> = Vec::new();
            for member in &members {
                let agency = member.agency.clone().unwrap_or_else(|| "–".into());
                let owner = match member.ministries.first() {
                    Some(ministry) => format!("{agency} ({ministry})"),
                    None => agency,
                };
                if !owners.contains(&owner) {
                    owners.push(clean(&owner));
                }
                for ministry in &member.ministries {
                    if !ministries.contains(ministry) {
                        ministries.push(ministry.clone());
                    }
                }
            }
            let requested: i64 = members.iter().filter_map(|m| m.amount_nok).sum();
            Cluster {
                members: members
                    .iter()
                    .map(|m| ClusterMember {
                        item: item(m),
                        agency_name: clean(
                            m.agency.as_deref().and_then(|a| org_name.get(a).copied()).unwrap_or_default(),
                        ),
                    })
                    .collect(),
                cross_sector: crosses_sectors(&members),
                owners,
                ministries,
                has_duplicates,
                requested_mnok: mnok(requested, lang),
            }
        })
        .collect();
    // Across sectors first, then the largest.
    clusters.sort_by(|a, b| b.cross_sector.cmp(&a.cross_sector).then_with(|| b.members.len().cmp(&a.members.len())));
    let decided: BTreeSet<(i64, i64)> = decisions.iter().map(|d| (d.a, d.b)).collect();
    // Only the first few are written out; the rest are counted. (Written out, a million
    // initiatives' three million open pairs took a gigabyte.)
    let mut open: Vec<OpenPair> = Vec::new();
    let mut open_count: usize = 0;
    for candidate in candidates.unwrap_or_default() {
        let (a, b) = (candidate.a, candidate.b);
        if decided.contains(&(a.min(b), a.max(b))) {
            continue;
        }
        let (Some(a), Some(b)) = (by_id.get(&a), by_id.get(&b)) else { continue };
        open_count += 1;
        if open.len() < LISTED_CANDIDATES {
            open.push(OpenPair { a: item(a), b: item(b), score: decimal(candidate.score, 2, lang) });
        }
    }
    Ok(Parallel {
        candidates_computed: candidates.is_some(),
        decided_pairs: decisions.len(),
        distinct_pairs: decisions.iter().filter(|d| d.decision == Decision::Distinct).count(),
        cross_sector_clusters: clusters.iter().filter(|c| c.cross_sector).count(),
        clusters,
        open,
        open_more: open_count.saturating_sub(LISTED_CANDIDATES),
    })
}

/// True when a group's owners are in more than one sector, by the duplicates screen's
/// definition, so a group and its pairs agree.
fn crosses_sectors(members: &[&Initiative]) -> bool {
    let owners = members.iter().map(|m| (m.agency.as_deref(), m.ministries.as_slice()));
    OwnerRelation::of_group(owners) == OwnerRelation::CrossSector
}

fn coverage(active: &[&Initiative], resolver: &Resolver, item: &dyn Fn(&Initiative) -> Item, lang: Lang) -> Coverage {
    let events = resolver.life_events();
    let mut counts: Vec<(usize, i64, BTreeSet<String>)> = vec![(0, 0, BTreeSet::new()); events.len()];
    for initiative in active {
        for code in &initiative.life_events {
            if let Some(index) = events.iter().position(|e| &e.code == code) {
                counts[index].0 += 1;
                counts[index].1 += initiative.amount_nok.unwrap_or(0);
                counts[index].2.extend(initiative.ministries.iter().cloned());
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
            amount_mnok: mnok(amount, lang),
            ministries: ministries.into_iter().collect(),
            level: if count as f64 >= 1.5 * average {
                "many"
            } else if count as f64 <= 0.5 * average {
                "few"
            } else {
                "some"
            },
        })
        .collect();
    coverage.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    let no_owner: Vec<&&Initiative> = active.iter().filter(|i| i.ministries.is_empty()).collect();
    Coverage {
        events: coverage,
        without_event: active.iter().filter(|i| i.life_events.is_empty()).count(),
        no_owner_count: no_owner.len(),
        no_owner: no_owner.iter().take(LISTED_NO_OWNER).map(|i| item(i)).collect(),
    }
}

/// A change-log field as the reader knows it ("amount_nok" → "Søkt beløp").
fn field_label(field: &str, lang: Lang) -> String {
    crate::i18n::field_name(field).map_or_else(|| clean(field), |text| text.get(lang).to_lowercase())
}

/// The date part of an RFC 3339 time.
fn date_of(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

fn rounds(
    store: &Store,
    active: &[&Initiative],
    incomplete: usize,
    lang: Lang,
) -> Result<(Vec<SourceChanges>, Quality)> {
    let batches = store.batches(None)?;
    let mut by_source: BTreeMap<String, Vec<Batch>> = BTreeMap::new();
    for batch in batches {
        by_source.entry(batch.source.clone()).or_default().push(batch);
    }
    let mut changes = Vec::new();
    let mut sources = Vec::new();
    let mut samples = Vec::new();
    for (source, batches) in by_source {
        // Newest first, as the store returns them.
        let Some(latest) = batches.first().cloned() else { continue };
        let rounds = batches.len();
        sources.push(SourceInfo {
            label: clean(&source),
            file: clean(&latest.file_name),
            imported: date_of(&latest.imported_at),
            analyst: clean(&latest.analyst),
            rounds,
            rows: latest.rows_read,
            warnings: latest.warnings,
            rejected: latest.rejected,
        });
        if samples.len() < LISTED_WARNINGS && latest.warnings > 0 {
            if let Some(report) = store.batch_report_json(latest.id)? {
                let report: serde_json::Value = serde_json::from_str(&report).unwrap_or_default();
                for warning in report["warning_list"].as_array().into_iter().flatten() {
                    if samples.len() >= LISTED_WARNINGS {
                        break;
                    }
                    let text = |key: &str| clean(warning[key].as_str().unwrap_or_default());
                    samples.push(WarningSample {
                        source: clean(&source),
                        file: clean(&latest.file_name),
                        line: warning["line"].as_i64().unwrap_or_default(),
                        field: text("field"),
                        value: text("value"),
                        reason: text("reason"),
                    });
                }
            }
        }
        let delta = store.batch_changes(latest.clone())?;
        changes.push(SourceChanges {
            source: clean(&source),
            file: clean(&latest.file_name),
            imported: date_of(&latest.imported_at),
            round: rounds,
            inserted: delta.inserted.len(),
            updated: delta.updated.len(),
            withdrawn: delta.withdrawn.len(),
            reinstated: delta.reinstated.len(),
            inserted_titles: delta.inserted.iter().take(LISTED_CHANGES).map(|r| clean(&r.title)).collect(),
            updated_items: delta
                .updated
                .iter()
                .take(LISTED_CHANGES)
                .map(|(r, fields)| ChangedItem {
                    id: r.id,
                    title: clean(&r.title),
                    fields: fields.iter().map(|c| field_label(&c.field, lang)).collect(),
                })
                .collect(),
            withdrawn_titles: delta.withdrawn.iter().take(LISTED_CHANGES).map(|r| clean(&r.title)).collect(),
        });
    }
    // The latest rounds first: what changed most recently is what the meeting asks about.
    changes.sort_by(|a, b| b.round.cmp(&a.round).then_with(|| b.imported.cmp(&a.imported)));
    let quality = Quality {
        warnings: sources.iter().map(|s| s.warnings).sum(),
        rejected: sources.iter().map(|s| s.rejected).sum(),
        sources,
        samples,
        without_amount: active.iter().filter(|i| i.amount_nok.is_none()).count(),
        without_ministry: active.iter().filter(|i| i.ministries.is_empty()).count(),
        without_event: active.iter().filter(|i| i.life_events.is_empty()).count(),
        incomplete_scores: incomplete,
    };
    Ok((changes, quality))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linked_pairs_form_groups_transitively() {
        let groups = clusters_of(&[(1, 2, false), (2, 7, true), (4, 5, false), (9, 7, false)]);
        assert_eq!(groups, vec![(vec![1, 2, 7, 9], true), (vec![4, 5], false)]);
        assert!(clusters_of(&[]).is_empty());
    }

    #[test]
    fn amounts_read_the_readers_way() {
        assert_eq!(mnok(1_234_500_000, Lang::Nb), "1 234,5");
        assert_eq!(mnok(1_234_500_000, Lang::En), "1,234.5");
        assert_eq!(mnok(-3_000_000, Lang::En), "-3.0");
        assert_eq!(decimal(56.875, 1, Lang::Nb), "56,9");
    }
}
