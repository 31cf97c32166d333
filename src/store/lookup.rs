//! An in-memory view of the reference tables for resolving names: owners as files write
//! them, ministries with their historic names, life events in any spelling.

use super::reference::life_event_key;
use crate::error::{Error, Result};
use crate::text::{closest, fold};
use rusqlite::Connection;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Ministry,
    Agency,
    /// The municipal sector's own organisation (KS).
    Municipal,
    Municipality,
}

impl OrgKind {
    fn parse(kind: &str) -> Self {
        match kind {
            "ministry" => Self::Ministry,
            "agency" => Self::Agency,
            "municipal" => Self::Municipal,
            _ => Self::Municipality,
        }
    }
}

#[derive(Debug, Clone)]
pub struct OrgInfo {
    pub id: i64,
    pub code: String,
    pub kind: OrgKind,
    pub name: String,
    pub ministry_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct LifeEventInfo {
    pub id: i64,
    pub code: String,
    pub name_nb: String,
    pub name_en: String,
}

/// How an owner text resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Known(i64),
    /// "Tromsø kommune": a municipality not yet in the database.
    NewMunicipality(String),
    Unknown,
}

#[derive(Debug, Clone, Default)]
pub struct Resolver {
    orgs: HashMap<i64, OrgInfo>,
    org_by_code: HashMap<String, i64>,
    /// Folded name → organisations, several for a historic name (successors in rank order).
    org_aliases: HashMap<String, Vec<i64>>,
    /// Sorted folded names, to read "Domstoladm." as an abbreviation.
    org_names_sorted: Vec<(String, i64)>,
    life_events: Vec<LifeEventInfo>,
    life_event_aliases: HashMap<String, i64>,
}

impl Resolver {
    pub fn load(conn: &Connection) -> Result<Self> {
        let mut resolver = Self::default();
        let mut stmt = conn.prepare("SELECT id, code, kind, name, ministry_id FROM organisations")?;
        let rows = stmt.query_map([], |r| {
            Ok(OrgInfo {
                id: r.get(0)?,
                code: r.get(1)?,
                kind: OrgKind::parse(&r.get::<_, String>(2)?),
                name: r.get(3)?,
                ministry_id: r.get(4)?,
            })
        })?;
        for org in rows {
            let org = org?;
            resolver.org_by_code.insert(org.code.clone(), org.id);
            resolver.orgs.insert(org.id, org);
        }
        let mut stmt = conn.prepare("SELECT alias, organisation_id FROM organisation_aliases ORDER BY alias, rank")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (alias, id) = row?;
            resolver.org_aliases.entry(alias).or_default().push(id);
        }
        resolver.org_names_sorted = resolver
            .org_aliases
            .iter()
            .filter(|(_, ids)| ids.len() == 1)
            .map(|(alias, ids)| (alias.clone(), ids[0]))
            .collect();
        resolver.org_names_sorted.sort();

        let mut stmt = conn.prepare("SELECT id, code, name_nb, name_en FROM life_events ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(LifeEventInfo { id: r.get(0)?, code: r.get(1)?, name_nb: r.get(2)?, name_en: r.get(3)? })
        })?;
        for row in rows {
            resolver.life_events.push(row?);
        }
        let mut stmt = conn.prepare("SELECT alias, life_event_id FROM life_event_aliases")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
        for row in rows {
            let (alias, id) = row?;
            resolver.life_event_aliases.insert(alias, id);
        }
        Ok(resolver)
    }

    /// True when every organisation and life event this resolver knows is in the database
    /// `conn` sees. Every id an import writes comes from its resolver, so when this holds
    /// its rows point at nothing missing, and it may write without foreign-key checks.
    pub fn is_current(&self, conn: &Connection) -> Result<bool> {
        let ids = |sql: &str| -> Result<std::collections::HashSet<i64>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, i64>(0))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let orgs = ids("SELECT id FROM organisations")?;
        let events = ids("SELECT id FROM life_events")?;
        Ok(self.orgs.keys().all(|id| orgs.contains(id)) && self.life_events.iter().all(|e| events.contains(&e.id)))
    }

    /// The resolver for an open store.
    pub fn load_for(store: &crate::store::Store) -> Result<Self> {
        Self::load(store.conn())
    }

    pub fn org(&self, id: i64) -> Option<&OrgInfo> {
        self.orgs.get(&id)
    }

    pub fn org_id(&self, code: &str) -> Option<i64> {
        self.org_by_code.get(code).copied()
    }

    pub fn life_event_id(&self, code: &str) -> Option<i64> {
        self.life_events.iter().find(|e| e.code == code).map(|e| e.id)
    }

    pub fn organisations(&self) -> impl Iterator<Item = &OrgInfo> {
        self.orgs.values()
    }

    pub fn life_events(&self) -> &[LifeEventInfo] {
        &self.life_events
    }

    pub fn life_event(&self, id: i64) -> Option<&LifeEventInfo> {
        self.life_events.iter().find(|e| e.id == id)
    }

    /// Organisations a name may mean: one for a current name, the successors for a
    /// historic one, nothing when unknown. A name ending in "." also matches as the start
    /// of exactly one longer name.
    pub fn organisations_named(&self, text: &str) -> &[i64] {
        let key = fold(text);
        if key.is_empty() {
            return &[];
        }
        if let Some(ids) = self.org_aliases.get(&key) {
            return ids;
        }
        if text.trim_end().ends_with('.') && key.len() >= 4 {
            let start = self.org_names_sorted.partition_point(|(name, _)| name.as_str() < key.as_str());
            let matches: Vec<&(String, i64)> =
                self.org_names_sorted[start..].iter().take_while(|(name, _)| name.starts_with(&key)).collect();
            if let Some(first) = matches.first() {
                if matches.iter().all(|(_, id)| *id == first.1) {
                    return std::slice::from_ref(&first.1);
                }
            }
        }
        &[]
    }

    /// The owner an agency cell names. Historic names resolve to their first successor.
    pub fn owner(&self, text: &str) -> Owner {
        if let Some(id) = self.organisations_named(text).first() {
            return Owner::Known(*id);
        }
        let key = fold(text);
        if key.ends_with(" kommune") || key.ends_with(" fylkeskommune") || key.ends_with(" herad") {
            return Owner::NewMunicipality(crate::text::collapse_whitespace(text).into_owned());
        }
        Owner::Unknown
    }

    /// The ministry an owner belongs to: itself for a ministry, the parent for an agency.
    pub fn ministry_of(&self, org_id: i64) -> Option<i64> {
        let org = self.orgs.get(&org_id)?;
        match org.kind {
            OrgKind::Ministry => Some(org.id),
            _ => org.ministry_id,
        }
    }

    /// Reads one name in a ministry cell. A historic name whose tasks went to several
    /// ministries picks the one that owns the initiative's agency (`agency_ministry`), else
    /// its first successor. An agency named here stands for its ministry.
    pub fn ministry_named(&self, text: &str, agency_ministry: Option<i64>) -> Option<i64> {
        let candidates: Vec<i64> =
            self.organisations_named(text).iter().filter_map(|id| self.ministry_of(*id)).collect();
        match agency_ministry {
            Some(preferred) if candidates.contains(&preferred) => Some(preferred),
            _ => candidates.first().copied(),
        }
    }

    pub fn life_event_named(&self, text: &str) -> Option<i64> {
        self.life_event_aliases.get(&life_event_key(text)).copied()
    }

    /// A ministry given on the command line (code, name or old name), or an error that
    /// lists the closest ministries.
    pub fn require_ministry(&self, text: &str) -> Result<i64> {
        let found = self
            .organisations_named(text)
            .iter()
            .find_map(|id| self.orgs.get(id).filter(|o| o.kind == OrgKind::Ministry).map(|o| o.id));
        found.ok_or_else(|| {
            let codes: Vec<&str> = self.ministries().map(|m| m.code.as_str()).collect();
            let mut hint = closest(text, codes.iter().copied(), 3);
            if hint.is_empty() {
                hint = codes.iter().map(ToString::to_string).collect();
            }
            Error::unknown("ministry", text, &hint)
        })
    }

    /// A life event given on the command line (code or any name), or an error listing codes.
    pub fn require_life_event(&self, text: &str) -> Result<i64> {
        self.life_event_named(text).ok_or_else(|| {
            let names = self.life_events.iter().flat_map(|e| [e.code.as_str(), e.name_nb.as_str(), e.name_en.as_str()]);
            let mut hint = closest(text, names, 3);
            if hint.is_empty() {
                hint = self.life_events.iter().map(|e| e.code.clone()).collect();
            }
            Error::unknown("life event", text, &hint)
        })
    }

    pub fn ministries(&self) -> impl Iterator<Item = &OrgInfo> {
        let mut list: Vec<&OrgInfo> = self.orgs.values().filter(|o| o.kind == OrgKind::Ministry).collect();
        list.sort_by(|a, b| a.code.cmp(&b.code));
        list.into_iter()
    }

    /// Registers an organisation created during an import so later rows find it.
    pub(crate) fn add_org(&mut self, org: OrgInfo) {
        self.org_aliases.entry(fold(&org.name)).or_default().push(org.id);
        self.org_by_code.insert(org.code.clone(), org.id);
        self.orgs.insert(org.id, org);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn resolver() -> Resolver {
        let store = Store::open_in_memory().expect("store");
        Resolver::load(store.conn()).expect("resolver")
    }

    fn code(r: &Resolver, id: Option<i64>) -> Option<String> {
        id.and_then(|id| r.org(id)).map(|o| o.code.clone())
    }

    #[test]
    fn owners_resolve_by_code_name_alias_and_abbreviation() {
        let r = resolver();
        for text in ["Nav", "NAV", "Arbeids- og velferdsetaten", " nav "] {
            let Owner::Known(id) = r.owner(text) else { panic!("{text} unknown") };
            assert_eq!(r.org(id).map(|o| o.code.as_str()), Some("Nav"), "{text}");
        }
        let Owner::Known(id) = r.owner("Domstoladm.") else { panic!("abbreviation") };
        assert_eq!(r.org(id).map(|o| o.code.as_str()), Some("Domstoladministrasjonen"));
        assert_eq!(r.owner("Tromsø kommune"), Owner::NewMunicipality("Tromsø kommune".into()));
        assert_eq!(r.owner("Ukjent etat"), Owner::Unknown);
    }

    #[test]
    fn a_resolver_is_current_until_what_it_knows_leaves_the_database() {
        let store = Store::open_in_memory().expect("store");
        let r = Resolver::load(store.conn()).expect("resolver");
        assert!(r.is_current(store.conn()).expect("check"));
        store
            .conn()
            .execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM organisations WHERE code = 'Nav'")
            .expect("delete");
        assert!(!r.is_current(store.conn()).expect("check"));
    }

    #[test]
    fn historic_ministries_follow_the_agency() {
        let r = resolver();
        let dfd = r.require_ministry("DFD").expect("DFD");
        assert_eq!(code(&r, r.ministry_named("KMD", None)).as_deref(), Some("KDD"));
        assert_eq!(code(&r, r.ministry_named("KMD", Some(dfd))).as_deref(), Some("DFD"));
        assert_eq!(code(&r, r.ministry_named("ASD", None)).as_deref(), Some("AID"));
        assert_eq!(code(&r, r.ministry_named("Olje- og energidepartementet", None)).as_deref(), Some("ED"));
    }

    #[test]
    fn life_events_in_any_spelling() {
        let r = resolver();
        let death = r.require_life_event("dodsfall-og-arv").expect("code");
        for text in ["Dødsfall og arv", "DØDSFALL OG ARV", "Death and inheritance"] {
            assert_eq!(r.life_event_named(text), Some(death), "{text}");
        }
        let business = r.require_life_event("starte-og-drive-bedrift").expect("code");
        assert_eq!(r.life_event_named("Starte og drive bedrift"), Some(business));
        assert_eq!(r.life_event_named("Starte og drive ei bedrift"), Some(business));
        let ill = r.require_life_event("alvorlig-sykt-barn").expect("code");
        assert_eq!(r.life_event_named("Alvorleg sjukt barn"), Some(ill));
    }

    #[test]
    fn unknown_command_line_values_list_close_ones() {
        let r = resolver();
        let err = r.require_ministry("XYZ").expect_err("unknown").to_string();
        assert!(err.contains("unknown ministry 'XYZ'"), "{err}");
        let err = r.require_ministry("HDO").expect_err("typo").to_string();
        assert!(err.contains("HOD"), "{err}");
        let err = r.require_life_event("dødsfal").expect_err("typo").to_string();
        assert!(err.contains("dodsfall-og-arv") || err.contains("Dødsfall og arv"), "{err}");
    }
}
