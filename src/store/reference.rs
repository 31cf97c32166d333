//! Loading reference data (organisations, life events) into the database.

use crate::error::{Error, ReferenceProblem, Result};
use crate::reference::{LifeEvents, Organisations, ReferenceSource};
use crate::text::fold;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::HashMap;

/// What a sync added or updated.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncCounts {
    pub organisations: usize,
    pub life_events: usize,
    pub aliases: usize,
    /// Scoring criteria defined by the criteria file.
    pub criteria: usize,
}

/// Upserts every organisation and life event from the reference files, and replaces the
/// aliases that came from reference data (aliases analysts added are kept).
pub(crate) fn sync(tx: &Transaction<'_>, source: &ReferenceSource) -> Result<SyncCounts> {
    let orgs = source.organisations()?;
    let events = source.life_events()?;
    let vocabulary = source.vocabulary()?;
    let mut counts = SyncCounts::default();

    tx.execute("DELETE FROM organisation_aliases WHERE origin = 'reference'", [])?;
    tx.execute("DELETE FROM life_event_aliases WHERE origin = 'reference'", [])?;
    let (ids, mut aliases) = upsert_organisations(tx, &orgs, &mut counts)?;
    add_historic_names(&orgs, &ids, &mut aliases)?;
    let mut insert_alias = tx.prepare(
        "INSERT INTO organisation_aliases (alias, organisation_id, rank, origin) VALUES (?1, ?2, ?3, 'reference')
         ON CONFLICT DO NOTHING",
    )?;
    for (alias, targets) in &aliases {
        for (id, rank) in targets {
            counts.aliases += insert_alias.execute(params![alias, id, rank])?;
        }
    }
    drop(insert_alias);
    upsert_life_events(tx, &events, &ids, &mut counts)?;

    tx.execute("DELETE FROM vocabulary_terms", [])?;
    let mut insert_term =
        tx.prepare("INSERT OR IGNORE INTO vocabulary_terms (kind, name, name_en, position) VALUES (?1, ?2, ?3, ?4)")?;
    for (kind, terms) in [("phase", &vocabulary.phase), ("risk", &vocabulary.risk)] {
        for (position, term) in terms.iter().enumerate() {
            insert_term.execute(params![kind, term.name, term.en, position as i64])?;
        }
    }
    Ok(counts)
}

/// Organisation aliases: folded name → the organisations it stands for, with their rank.
type Aliases = HashMap<String, Vec<(i64, i64)>>;

/// Upserts the ministries, agencies and municipal bodies. Gives each one's id by code, and
/// its names (code, name, English name, aliases) as aliases; a name given to two
/// organisations is an error.
fn upsert_organisations(
    tx: &Transaction<'_>,
    orgs: &Organisations,
    counts: &mut SyncCounts,
) -> Result<(HashMap<String, i64>, Aliases)> {
    let mut upsert = tx.prepare(
        "INSERT INTO organisations (code, kind, name, name_en, ministry_id, confirmed, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'reference')
         ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name,
             name_en = excluded.name_en, ministry_id = excluded.ministry_id,
             confirmed = excluded.confirmed, origin = 'reference'
         RETURNING id",
    )?;
    let mut ids: HashMap<String, i64> = HashMap::new();
    let mut aliases = Aliases::new();
    for m in &orgs.ministry {
        let id: i64 =
            upsert.query_row(params![m.code, "ministry", m.name, m.name_en, None::<i64>, true], |r| r.get(0))?;
        ids.insert(m.code.clone(), id);
        let mut names = vec![m.code.as_str(), m.name.as_str()];
        names.extend(m.name_en.as_deref());
        names.extend(m.aliases.iter().map(String::as_str));
        add_names(&mut aliases, id, &names)?;
        counts.organisations += 1;
    }
    for a in &orgs.agency {
        let ministry = ids.get(&a.ministry).copied();
        let id: i64 =
            upsert.query_row(params![a.code, "agency", a.name, None::<String>, ministry, a.confirmed], |r| r.get(0))?;
        ids.insert(a.code.clone(), id);
        let mut names = vec![a.code.as_str(), a.name.as_str()];
        names.extend(a.aliases.iter().map(String::as_str));
        add_names(&mut aliases, id, &names)?;
        counts.organisations += 1;
    }
    for m in &orgs.municipal {
        let id: i64 =
            upsert.query_row(params![m.code, "municipal", m.name, None::<String>, None::<i64>, true], |r| r.get(0))?;
        ids.insert(m.code.clone(), id);
        let mut names = vec![m.code.as_str(), m.name.as_str()];
        names.extend(m.aliases.iter().map(String::as_str));
        add_names(&mut aliases, id, &names)?;
        counts.organisations += 1;
    }
    Ok((ids, aliases))
}

/// Adds organisation `id`'s `names` to `aliases`; a name another organisation has is an error.
fn add_names(aliases: &mut Aliases, id: i64, names: &[&str]) -> Result<()> {
    for name in names {
        let key = fold(name);
        if key.is_empty() {
            continue;
        }
        let entry = aliases.entry(key.clone()).or_default();
        if let Some((other, _)) = entry.iter().find(|(other, _)| *other != id) {
            return Err(Error::reference(
                crate::reference::ORGANISATIONS.name,
                ReferenceProblem::NameTwice { name: name.to_string(), first: *other, second: id },
            ));
        }
        if entry.is_empty() {
            entry.push((id, 0));
        }
    }
    Ok(())
}

/// Historic names point at their successors in order; they never clash with current names.
fn add_historic_names(orgs: &Organisations, ids: &HashMap<String, i64>, aliases: &mut Aliases) -> Result<()> {
    for old in &orgs.historic {
        for name in [old.code.as_str(), old.name.as_str()] {
            let key = fold(name);
            if aliases.get(&key).is_some_and(|targets| {
                targets.len() == 1 && !old.successors.iter().any(|s| ids.get(s) == Some(&targets[0].0))
            }) {
                return Err(Error::reference(
                    crate::reference::ORGANISATIONS.name,
                    ReferenceProblem::HistoricNameIsCurrent(name.to_string()),
                ));
            }
            let targets = old
                .successors
                .iter()
                .enumerate()
                .filter_map(|(rank, code)| ids.get(code).map(|id| (*id, rank as i64)))
                .collect();
            aliases.insert(key, targets);
        }
    }
    Ok(())
}

/// Upserts the life events in their order, with their names and aliases as aliases (by
/// [`life_event_key`]); a name given to two life events is an error. `ids`: organisations'
/// ids by code, for each event's ministry.
fn upsert_life_events(
    tx: &Transaction<'_>,
    events: &LifeEvents,
    ids: &HashMap<String, i64>,
    counts: &mut SyncCounts,
) -> Result<()> {
    let mut upsert_event = tx.prepare(
        "INSERT INTO life_events (code, name_nb, name_nn, name_en, ministry_id, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (code) DO UPDATE SET name_nb = excluded.name_nb, name_nn = excluded.name_nn,
             name_en = excluded.name_en, ministry_id = excluded.ministry_id, position = excluded.position
         RETURNING id",
    )?;
    let mut insert_event_alias = tx.prepare(
        "INSERT INTO life_event_aliases (alias, life_event_id, origin) VALUES (?1, ?2, 'reference')
         ON CONFLICT (alias) DO NOTHING",
    )?;
    for (position, event) in events.life_event.iter().enumerate() {
        let ministry = event.ministry.as_ref().and_then(|code| ids.get(code).copied());
        let id: i64 = upsert_event
            .query_row(params![event.code, event.nb, event.nn, event.en, ministry, position as i64], |r| r.get(0))?;
        counts.life_events += 1;
        let names = [&event.code, &event.nb, &event.nn, &event.en].into_iter().chain(event.aliases.iter());
        for name in names {
            let key = life_event_key(name);
            if key.is_empty() {
                continue;
            }
            let existing: Option<i64> = tx
                .query_row("SELECT life_event_id FROM life_event_aliases WHERE alias = ?1", [&key], |r| r.get(0))
                .optional()?;
            match existing {
                Some(other) if other != id => {
                    return Err(Error::reference(
                        crate::reference::LIFE_EVENTS.name,
                        ReferenceProblem::LifeEventNameTwice(name.clone()),
                    ));
                }
                Some(_) => {}
                None => counts.aliases += insert_event_alias.execute(params![key, id])?,
            }
        }
    }
    Ok(())
}

/// The comparison key for a life-event name: folded, without articles, so "Starte og drive
/// bedrift", "Starte og drive en bedrift" and "starte-og-drive-ei-bedrift" meet.
pub(crate) fn life_event_key(name: &str) -> String {
    const ARTICLES: [&str; 8] = ["en", "ei", "et", "ein", "eit", "a", "an", "the"];
    fold(name).split(' ').filter(|word| !word.is_empty() && !ARTICLES.contains(word)).collect::<Vec<_>>().join(" ")
}
