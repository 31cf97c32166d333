//! Owners and sectors named honestly: a ministry by its code, the municipalities and KS as
//! the municipal sector, and an owner or phase nobody gave as "ikke oppgitt" (not stated),
//! listed last, never as if it were a ministry or a phase of its own.

use crate::config::Lang;
use crate::model::Initiative;
use crate::store::Resolver;
use crate::store::lookup::OrgKind;
use std::collections::HashMap;

/// Where an initiative belongs: the sector line the brief counts it under.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Sector {
    /// A ministry's area, by its code (the lead ministry of a joint initiative).
    Ministry(String),
    /// The municipalities and KS: owners without a ministry, one sector together (as the
    /// duplicate search counts them).
    Municipal,
    /// Neither a ministry nor a municipal owner was given.
    NotStated,
}

impl Sector {
    /// The label a table shows.
    pub(crate) fn label(&self, lang: Lang) -> String {
        match self {
            Self::Ministry(code) => super::clean(code),
            Self::Municipal => municipal(lang).to_string(),
            Self::NotStated => not_stated(lang).to_string(),
        }
    }

    pub(crate) fn is_stated(&self) -> bool {
        *self != Self::NotStated
    }
}

/// "Kommunesektoren (KS / KDD)": the municipal sector, with the organisation that speaks for
/// it and the ministry responsible for the municipalities.
pub(crate) fn municipal(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Kommunesektoren (KS / KDD)",
        Lang::En => "Municipal sector (KS / KDD)",
    }
}

/// What an unset value reads as.
pub(crate) fn not_stated(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "ikke oppgitt",
        Lang::En => "not stated",
    }
}

/// The organisations the reference data knows, by code: their kind and full name.
pub(crate) struct Owners<'a> {
    kinds: HashMap<&'a str, (OrgKind, &'a str)>,
    lang: Lang,
}

impl<'a> Owners<'a> {
    pub(crate) fn new(resolver: &'a Resolver, lang: Lang) -> Self {
        let kinds = resolver.organisations().map(|o| (o.code.as_str(), (o.kind, o.name.as_str()))).collect();
        Self { kinds, lang }
    }

    /// The sector of an initiative: its lead ministry, else the municipal sector when its
    /// owner is a municipality or KS, else not stated.
    pub(crate) fn sector(&self, initiative: &Initiative) -> Sector {
        if let Some(ministry) = initiative.ministries.first() {
            return Sector::Ministry(ministry.clone());
        }
        match initiative.agency.as_deref().and_then(|a| self.kinds.get(a)) {
            Some((OrgKind::Municipal | OrgKind::Municipality, _)) => Sector::Municipal,
            _ => Sector::NotStated,
        }
    }

    /// The full name of a code ("Helse- og omsorgsdepartementet"), where one is known.
    pub(crate) fn name(&self, code: &str) -> Option<&'a str> {
        self.kinds.get(code).map(|(_, name)| *name)
    }

    /// The owner agency as a line shows it; "ikke oppgitt" when none was given.
    pub(crate) fn agency(&self, initiative: &Initiative) -> String {
        match initiative.agency.as_deref() {
            Some(agency) if !agency.trim().is_empty() => super::clean(agency),
            _ => not_stated(self.lang).to_string(),
        }
    }

    /// "Nav (AID)", "Oslo kommune (Kommunesektoren (KS / KDD))" reads badly, so a municipal
    /// owner stands alone: "Oslo kommune"; an owner without either: "ikke oppgitt".
    pub(crate) fn owner(&self, initiative: &Initiative) -> String {
        let agency = self.agency(initiative);
        match initiative.ministries.as_slice() {
            [] => agency,
            ministries => format!("{agency} ({})", super::clean(&ministries.join(", "))),
        }
    }

    /// The phase as a line shows it; "ikke oppgitt" when none was given.
    pub(crate) fn phase(&self, initiative: &Initiative) -> String {
        match initiative.phase.as_deref() {
            Some(phase) if !phase.trim().is_empty() => super::clean(phase),
            _ => not_stated(self.lang).to_string(),
        }
    }
}
