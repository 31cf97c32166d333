//! Tagging: the edits an analyst makes to initiatives (life events, owner, free tags, phase,
//! risk), read from the same small language in the TUI's tag prompt and on the command
//! line, and kept as records that can be undone and redone.
//!
//! ```text
//! liv:dødsfall  -liv:fa-barn  eier:Nav  dep:HOD,AID  tag:ks1  -tag:gammel  fase:konsept  risiko:høy
//! ```

use crate::error::TagProblem;
use crate::error::{Error, Result};
use crate::i18n;
use crate::i18n::Lang;
use crate::store::Resolver;
use crate::text::{closest, fold, normalise_tag};

pub use crate::model::tagging::{Edit, Field, FieldState, Record};

/// Reads tag-language text into edits. `phases` and `risks` are the canonical names
/// (from the store); owners and life events are resolved through `resolver`, so old names
/// and aliases work. Unknown values are errors that list the closest valid ones.
pub fn parse_edits(text: &str, resolver: &Resolver, phases: &[String], risks: &[String]) -> Result<Vec<Edit>> {
    let mut edits = Vec::new();
    for token in crate::portfolio::tokens(text) {
        let (remove, body) = match token.strip_prefix('-') {
            Some(rest) if rest.contains(':') => (true, rest),
            _ => (false, token.as_str()),
        };
        let Some((key, value)) = body.split_once(':') else {
            return Err(TagProblem::NotKeyValue(token.clone()).into());
        };
        let value = value.trim();
        if value.is_empty() {
            return Err(TagProblem::NeedsValue(key.to_string()).into());
        }
        let none = matches!(fold(value).as_str(), "ingen" | "none");
        match fold(key).as_str() {
            "liv" | "livshendelse" | "le" | "life" | "life event" => {
                for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let id = resolver.require_life_event(part)?;
                    let code = resolver.life_event(id).map(|e| e.code.clone()).unwrap_or_default();
                    edits.push(if remove { Edit::RemoveLifeEvent(code) } else { Edit::AddLifeEvent(code) });
                }
            }
            "tag" | "stikkord" => {
                for part in value.split(',') {
                    let tag =
                        normalise_tag(part).ok_or_else(|| Error::from(TagProblem::UnusableTag(part.to_string())))?;
                    edits.push(if remove { Edit::RemoveTag(tag) } else { Edit::AddTag(tag) });
                }
            }
            "eier" | "owner" | "virksomhet" | "agency" | "etat" => {
                if remove || none {
                    edits.push(Edit::SetOwner { agency: None, ministries: Vec::new() });
                } else {
                    edits.push(owner_edit(value, resolver)?);
                }
            }
            "dep" | "departement" | "ministry" | "min" => {
                let mut ministries = Vec::new();
                if !(remove || none) {
                    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                        let id = resolver.require_ministry(part)?;
                        ministries.extend(resolver.org(id).map(|o| o.code.clone()));
                    }
                }
                edits.push(Edit::SetOwner { agency: None, ministries });
            }
            "fase" | "phase" => edits.push(Edit::SetPhase(term(value, remove || none, phases, "phase")?)),
            "risiko" | "risk" => edits.push(Edit::SetRisk(term(value, remove || none, risks, "risk")?)),
            other => {
                let keys = ["liv", "eier", "dep", "tag", "fase", "risiko"];
                return Err(Error::unknown("tag key", other, &closest(other, keys, 2)));
            }
        }
    }
    if edits.is_empty() {
        return Err(TagProblem::NothingToChange.into());
    }
    Ok(edits)
}

/// An owner by code, name or old name: an agency (with its ministry), a ministry, KS or a
/// municipality already known.
pub fn owner_edit(text: &str, resolver: &Resolver) -> Result<Edit> {
    let Some(id) = resolver.organisations_named(text).first().copied() else {
        let names: Vec<&str> = resolver.organisations().map(|o| o.code.as_str()).collect();
        return Err(Error::unknown("owner", text, &closest(text, names, 3)));
    };
    let org = resolver.org(id).ok_or_else(|| Error::unknown("owner", text, &[]))?;
    let ministries =
        resolver.ministry_of(id).and_then(|m| resolver.org(m)).map(|m| vec![m.code.clone()]).unwrap_or_default();
    Ok(match org.kind {
        crate::store::lookup::OrgKind::Ministry => Edit::SetOwner { agency: None, ministries },
        _ => Edit::SetOwner { agency: Some(org.code.clone()), ministries },
    })
}

fn term(value: &str, none: bool, names: &[String], kind: &'static str) -> Result<Option<String>> {
    if none {
        return Ok(None);
    }
    let folded = fold(value);
    let prefix: Vec<&String> = names.iter().filter(|n| fold(n).starts_with(&folded)).collect();
    let found = names.iter().find(|n| fold(n) == folded).or(match prefix.as_slice() {
        [only] => Some(*only),
        _ => None,
    });
    found
        .cloned()
        .map(Some)
        .ok_or_else(|| Error::unknown(kind, value, &closest(value, names.iter().map(String::as_str), 3)))
}

/// An edit as the analyst reads it, with names instead of codes: "livshendelse: Dødsfall
/// og arv", "eier: Nav (departement endres til AID)". `life_event` names a life event's code;
/// `ministry_changes` says that an owner edit moves some initiative to another ministry.
pub fn edit_in_words(edit: &Edit, lang: Lang, life_event: &dyn Fn(&str) -> String, ministry_changes: bool) -> String {
    let t = |text: crate::i18n::Text| text.get(lang);
    let none = |v: &Option<String>| v.clone().unwrap_or_else(|| t(i18n::NONE_VALUE).to_string());
    match edit {
        Edit::AddLifeEvent(code) => format!("{}: {}", t(i18n::WORDS_LIFE_EVENT), life_event(code)),
        Edit::RemoveLifeEvent(code) => format!("{}: {}", t(i18n::WORDS_NO_LIFE_EVENT), life_event(code)),
        Edit::SetOwner { agency: Some(agency), ministries } => match ministries.first() {
            Some(ministry) if ministry_changes => {
                format!("{}: {agency} ({} {ministry})", t(i18n::WORDS_OWNER), t(i18n::WORDS_MINISTRY_BECOMES))
            }
            _ => format!("{}: {agency}", t(i18n::WORDS_OWNER)),
        },
        Edit::SetOwner { agency: None, ministries } => {
            format!("{}: {}", t(i18n::WORDS_MINISTRY), ministries.join(", "))
        }
        Edit::AddTag(tag) => format!("{}: {tag}", t(i18n::WORDS_TAG)),
        Edit::RemoveTag(tag) => format!("{}: {tag}", t(i18n::WORDS_NO_TAG)),
        Edit::SetPhase(phase) => format!("{}: {}", t(i18n::WORDS_PHASE), none(phase)),
        Edit::SetRisk(risk) => format!("{}: {}", t(i18n::WORDS_RISK), none(risk)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_read_in_words_with_names_and_a_ministry_that_changes_said() {
        let name =
            |code: &str| if code == "dodsfall-og-arv" { "Dødsfall og arv".to_string() } else { code.to_string() };
        let event = Edit::AddLifeEvent("dodsfall-og-arv".into());
        assert_eq!(edit_in_words(&event, Lang::Nb, &name, false), "livshendelse: Dødsfall og arv");
        let owner = Edit::SetOwner { agency: Some("Nav".into()), ministries: vec!["AID".into()] };
        assert_eq!(edit_in_words(&owner, Lang::Nb, &name, true), "eier: Nav (departement endres til AID)");
        assert_eq!(edit_in_words(&owner, Lang::Nb, &name, false), "eier: Nav");
        assert_eq!(edit_in_words(&owner, Lang::En, &name, true), "owner: Nav (ministry becomes AID)");
        assert_eq!(edit_in_words(&Edit::SetPhase(None), Lang::Nb, &name, false), "fase: tomt");
    }
    use crate::store::Store;

    fn setup() -> (Resolver, Vec<String>, Vec<String>) {
        let store = Store::open_in_memory().expect("store");
        let resolver = Resolver::load_for(&store).expect("resolver");
        let phases = ["Idé", "Konsept", "Planlegging", "Gjennomføring", "Avsluttet"].map(String::from).to_vec();
        let risks = ["Lav", "Medium", "Høy"].map(String::from).to_vec();
        (resolver, phases, risks)
    }

    #[test]
    fn the_tag_language_reads_every_edit() {
        let (r, phases, risks) = setup();
        let edits = parse_edits(
            "liv:dødsfall,Having a child -liv:ny-i-norge eier:NAV dep:ASD,FIN tag:\"Embetsgruppe mars\" -tag:gammel fase:forp risiko:høy",
            &r,
            &phases,
            &risks,
        );
        // "forp" is a prefix of no canonical phase (Forprosjekt is an alias, not a name).
        assert!(edits.is_err());
        let edits = parse_edits(
            "liv:dødsfall,\"Having a child\" -liv:ny-i-norge eier:NAV dep:ASD,FIN tag:\"Embetsgruppe mars\" -tag:gammel fase:plan risiko:høy",
            &r,
            &phases,
            &risks,
        )
        .expect("edits");
        assert_eq!(
            edits,
            vec![
                Edit::AddLifeEvent("dodsfall-og-arv".into()),
                Edit::AddLifeEvent("fa-barn".into()),
                Edit::RemoveLifeEvent("ny-i-norge".into()),
                Edit::SetOwner { agency: Some("Nav".into()), ministries: vec!["AID".into()] },
                Edit::SetOwner { agency: None, ministries: vec!["AID".into(), "FIN".into()] },
                Edit::AddTag("embetsgruppe-mars".into()),
                Edit::RemoveTag("gammel".into()),
                Edit::SetPhase(Some("Planlegging".into())),
                Edit::SetRisk(Some("Høy".into())),
            ]
        );
    }

    #[test]
    fn unknown_values_name_the_closest() {
        let (r, phases, risks) = setup();
        let err = parse_edits("eier:Skateetaten", &r, &phases, &risks).expect_err("typo").to_string();
        assert!(err.contains("Skatteetaten"), "{err}");
        let err = parse_edits("liv:dødsfal", &r, &phases, &risks).expect_err("typo").to_string();
        assert!(err.contains("dodsfall-og-arv") || err.contains("Dødsfall"), "{err}");
        let err = parse_edits("farge:blå", &r, &phases, &risks).expect_err("key").to_string();
        assert!(err.contains("unknown tag key"), "{err}");
        assert!(parse_edits("", &r, &phases, &risks).is_err());
    }

    #[test]
    fn edits_apply_to_field_states() {
        let (r, ..) = setup();
        let events = FieldState::LifeEvents(vec!["ny-i-norge".into()]);
        let added = crate::store::tagging::apply(&Edit::AddLifeEvent("fa-barn".into()), &events, &r);
        assert_eq!(added, FieldState::LifeEvents(vec!["fa-barn".into(), "ny-i-norge".into()]), "reference order");
        assert_eq!(
            crate::store::tagging::apply(&Edit::AddLifeEvent("fa-barn".into()), &added, &r),
            added,
            "adding twice changes nothing"
        );
        let tags = crate::store::tagging::apply(&Edit::AddTag("b".into()), &FieldState::Tags(vec!["c".into()]), &r);
        assert_eq!(tags, FieldState::Tags(vec!["b".into(), "c".into()]));
        let record = Record { description: "x".into(), changes: vec![(1, events.clone(), added.clone())] };
        assert_eq!(record.inverse().changes, vec![(1, added, events)]);
    }
}
