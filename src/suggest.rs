//! Suggestions an analyst confirms or rejects: life events for initiatives that have none,
//! from words in title and description, and owners for initiatives whose owner text matched
//! nothing known. Nothing here changes data.

use crate::error::{Error, Result};
use crate::reference::ReferenceSource;
use crate::store::lookup::OrgKind;
use crate::store::{ListQuery, Resolver, Store};
use crate::tagging::Edit;
use crate::text::fold;
use serde::Serialize;

/// A life event suggested for an initiative, and the words that suggested it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LifeEventSuggestion {
    pub id: i64,
    pub title: String,
    pub life_event: String,
    pub words: Vec<String>,
}

/// Known organisations close to an owner text that matched nothing, best first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerSuggestion {
    pub id: i64,
    pub title: String,
    pub written: String,
    pub candidates: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Suggestions {
    pub life_events: Vec<LifeEventSuggestion>,
    pub owners: Vec<OwnerSuggestion>,
}

impl LifeEventSuggestion {
    pub fn edit(&self) -> Edit {
        Edit::AddLifeEvent(self.life_event.clone())
    }

    /// The analyst's "no" to this suggestion, to be remembered.
    pub fn rejection(&self) -> Rejection {
        Rejection { id: self.id, kind: RejectionKind::LifeEvent, value: self.life_event.clone() }
    }
}

impl OwnerSuggestion {
    /// The analyst's "no" to this suggestion, to be remembered.
    pub fn rejection(&self) -> Rejection {
        Rejection { id: self.id, kind: RejectionKind::Owner, value: self.written.clone() }
    }
}

pub use crate::model::tagging::{Rejection, RejectionKind};

/// A keyword as the file writes it: a whole word, a word start ("dødsbo*"), or a phrase.
struct Keyword {
    text: String,
    prefix: bool,
}

impl Keyword {
    fn new(written: &str) -> Self {
        let prefix = written.trim_end().ends_with('*');
        Self { text: fold(written.trim_end().trim_end_matches('*')), prefix }
    }

    /// The word (as written) or phrase this keyword matches in a text, if any. `words` are
    /// the text's words, folded and as written; `folded` the whole text folded.
    fn find(&self, words: &[(String, &str)], folded: &str) -> Option<String> {
        if self.text.is_empty() {
            return None;
        }
        if self.text.contains(' ') {
            let padded = format!(" {folded} ");
            let phrase = format!(" {} ", self.text);
            return padded.contains(&phrase).then(|| self.text.clone());
        }
        words
            .iter()
            .find(|(w, _)| if self.prefix { w.starts_with(&self.text) } else { *w == self.text })
            .map(|(_, written)| written.to_lowercase())
    }
}

/// A text's words, each folded and as written ("Dødsbo," → ("dodsbo", "Dødsbo")).
fn words_of(text: &str) -> Vec<(String, &str)> {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            // "fødselsmelding-løsning" is two words to fold, one to show.
            let folded = fold(w);
            folded.split(' ').map(|f| (f.to_string(), w)).collect::<Vec<_>>()
        })
        .collect()
}

/// Every suggestion for the active initiatives of the database.
pub fn suggest(store: &Store, reference: &ReferenceSource) -> Result<Suggestions> {
    let resolver = Resolver::load_for(store)?;
    let keywords = reference.life_event_keywords()?;
    let mut lists: Vec<(String, Vec<Keyword>)> = Vec::new();
    for (code, words) in &keywords.keywords {
        if resolver.life_event_id(code).is_none() {
            return Err(Error::reference(
                crate::reference::LIFE_EVENT_KEYWORDS.name,
                crate::error::ReferenceProblem::NotALifeEvent(code.clone()),
            ));
        }
        lists.push((code.clone(), words.iter().map(|w| Keyword::new(w)).collect()));
    }
    // Suggestions follow the reference order of life events.
    lists.sort_by_key(|(code, _)| resolver.life_events().iter().position(|e| e.code == *code));

    let rejected = store.rejected_suggestions()?;
    let is_rejected = |id: i64, kind: RejectionKind, value: &str| {
        rejected.contains(&Rejection { id, kind, value: value.to_string() })
    };
    let mut out = Suggestions::default();
    for initiative in store.list(&ListQuery::default())? {
        if initiative.life_events.is_empty() {
            let text = format!("{} {}", initiative.title, initiative.description.as_deref().unwrap_or(""));
            let folded = fold(&text);
            let words = words_of(&text);
            for (code, keywords) in &lists {
                let mut found: Vec<String> = keywords.iter().filter_map(|k| k.find(&words, &folded)).collect();
                found.dedup();
                if !found.is_empty() && !is_rejected(initiative.id, RejectionKind::LifeEvent, code) {
                    out.life_events.push(LifeEventSuggestion {
                        id: initiative.id,
                        title: initiative.title.clone(),
                        life_event: code.clone(),
                        words: found,
                    });
                }
            }
        }
    }
    for (id, title, written) in store.unknown_owners()? {
        let names: Vec<(String, String)> = resolver
            .organisations()
            .filter(|o| o.kind != OrgKind::Municipality)
            .flat_map(|o| [(o.code.clone(), o.code.clone()), (o.name.clone(), o.code.clone())])
            .collect();
        let close = crate::text::closest(&written, names.iter().map(|(n, _)| n.as_str()), 6);
        let mut candidates: Vec<String> = Vec::new();
        for name in close {
            if let Some((_, code)) = names.iter().find(|(n, _)| *n == name) {
                if !candidates.contains(code) {
                    candidates.push(code.clone());
                }
            }
        }
        candidates.truncate(3);
        if !candidates.is_empty() && !is_rejected(id, RejectionKind::Owner, &written) {
            out.owners.push(OwnerSuggestion { id, title, written, candidates });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_match_words_word_starts_and_phrases() {
        let text = "Ny dødsboløsning for lag og foreninger – arv";
        let folded = fold(text);
        let words = words_of(text);
        assert_eq!(Keyword::new("dødsbo*").find(&words, &folded), Some("dødsboløsning".into()));
        assert_eq!(Keyword::new("arv").find(&words, &folded), Some("arv".into()));
        assert_eq!(Keyword::new("lag og foreninger").find(&words, &folded), Some("lag og foreninger".into()));
        assert_eq!(Keyword::new("løsning").find(&words, &folded), None, "a whole word only");
        let text = "Arvesølvet i forvaltningen";
        let folded = fold(text);
        let words = words_of(text);
        assert_eq!(Keyword::new("arv").find(&words, &folded), None);
    }
}
