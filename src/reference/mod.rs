//! Reference data: life events, organisations, column names, value vocabularies and the
//! scoring criteria.
//!
//! The defaults live in `data/*.toml` and are compiled in. A file of the same name in the
//! user's config directory replaces the built-in one, so analysts can add agencies, aliases
//! or column names without a new release.

mod columns;
mod organisations;
mod vocabulary;

pub use columns::{ColumnNames, FieldWords, GeneralWords, UnitWords};
pub use organisations::{AgencyDef, HistoricDef, LifeEventDef, LifeEvents, MinistryDef, MunicipalDef, Organisations};
pub use vocabulary::{Vocabulary, VocabularyTerm};

/// The shape of `life_event_keywords.toml`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifeEventKeywords {
    pub keywords: std::collections::BTreeMap<String, Vec<String>>,
}

use crate::error::{Error, ReferenceProblem, Result};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// One reference file: its name, the built-in text, and where a user copy may live.
#[derive(Debug, Clone, Copy)]
pub struct ReferenceFile {
    pub name: &'static str,
    pub builtin: &'static str,
}

pub const LIFE_EVENTS: ReferenceFile =
    ReferenceFile { name: "life_events.toml", builtin: include_str!("../../data/life_events.toml") };
pub const ORGANISATIONS: ReferenceFile =
    ReferenceFile { name: "organisations.toml", builtin: include_str!("../../data/organisations.toml") };
pub const COLUMNS: ReferenceFile =
    ReferenceFile { name: "columns.toml", builtin: include_str!("../../data/columns.toml") };
pub const VOCABULARY: ReferenceFile =
    ReferenceFile { name: "vocabulary.toml", builtin: include_str!("../../data/vocabulary.toml") };

pub const CRITERIA: ReferenceFile =
    ReferenceFile { name: "criteria.toml", builtin: include_str!("../../data/criteria.toml") };

pub const LIFE_EVENT_KEYWORDS: ReferenceFile =
    ReferenceFile { name: "life_event_keywords.toml", builtin: include_str!("../../data/life_event_keywords.toml") };

pub const SERVICE_KINDS: ReferenceFile =
    ReferenceFile { name: "service_kinds.toml", builtin: include_str!("../../data/service_kinds.toml") };

pub const ALL: [ReferenceFile; 7] =
    [LIFE_EVENTS, ORGANISATIONS, COLUMNS, VOCABULARY, CRITERIA, LIFE_EVENT_KEYWORDS, SERVICE_KINDS];

/// Where reference files are looked up: a user directory (usually the config dir), or none.
#[derive(Debug, Clone, Default)]
pub struct ReferenceSource {
    pub user_dir: Option<PathBuf>,
}

impl ReferenceSource {
    pub fn builtin() -> Self {
        Self { user_dir: None }
    }

    pub fn with_user_dir(dir: impl Into<PathBuf>) -> Self {
        Self { user_dir: Some(dir.into()) }
    }

    /// The user's copy of `file` if there is one, else None.
    pub fn user_path(&self, file: ReferenceFile) -> Option<PathBuf> {
        let path = self.user_dir.as_ref()?.join(file.name);
        path.is_file().then_some(path)
    }

    /// Parses `file` from the user's copy if present, otherwise from the built-in text.
    pub fn load<T: DeserializeOwned>(&self, file: ReferenceFile) -> Result<T> {
        match self.user_path(file) {
            Some(path) => {
                let text = std::fs::read_to_string(&path).map_err(|e| Error::io("read", &path, e))?;
                parse(&path.display().to_string(), &text)
            }
            None => parse(&format!("built-in data/{}", file.name), file.builtin),
        }
    }

    pub fn life_events(&self) -> Result<LifeEvents> {
        let events: LifeEvents = self.load(LIFE_EVENTS)?;
        events.validate(LIFE_EVENTS.name)?;
        Ok(events)
    }

    pub fn organisations(&self) -> Result<Organisations> {
        let orgs: Organisations = self.load(ORGANISATIONS)?;
        orgs.validate(ORGANISATIONS.name)?;
        Ok(orgs)
    }

    pub fn columns(&self) -> Result<ColumnNames> {
        self.load(COLUMNS)
    }

    pub fn vocabulary(&self) -> Result<Vocabulary> {
        self.load(VOCABULARY)
    }

    /// Life event code → words that suggest it.
    pub fn life_event_keywords(&self) -> Result<LifeEventKeywords> {
        self.load(LIFE_EVENT_KEYWORDS)
    }
}

/// Parses TOML, naming the file and line on error (toml's message carries line and column).
pub(crate) fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T> {
    toml::from_str(text)
        .map_err(|e| Error::reference(file, ReferenceProblem::Unreadable(e.to_string().trim_end().replace('\n', " "))))
}

/// True if `dir/name` exists; used by `samla paths` to show which files the user overrides.
pub fn user_file_exists(dir: &Path, file: ReferenceFile) -> bool {
    dir.join(file.name).is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_reference_files_parse_and_validate() {
        let source = ReferenceSource::builtin();
        let events = source.life_events().expect("life events");
        assert_eq!(events.life_event.len(), 7);
        let orgs = source.organisations().expect("organisations");
        assert_eq!(orgs.ministry.len(), 17, "16 ministries and SMK");
        assert!(orgs.agency.iter().any(|a| a.code == "Nav" && a.ministry == "AID"));
        let columns = source.columns().expect("columns");
        assert!(columns.words.contains_key("title") && columns.fields.is_empty());
        let vocabulary = source.vocabulary().expect("vocabulary");
        assert_eq!(vocabulary.phase.len(), 5);
    }

    #[test]
    fn user_file_replaces_builtin_and_errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("life_events.toml"),
            "[[life_event]]\ncode = \"x\"\nnb = \"X\"\nnn = \"X\"\nen = \"X\"\n",
        )
        .expect("write");
        let source = ReferenceSource::with_user_dir(dir.path());
        assert_eq!(source.life_events().expect("parse").life_event.len(), 1);

        std::fs::write(dir.path().join("life_events.toml"), "[[life_event]]\ncode = 3\n").expect("write");
        let err = source.life_events().expect_err("bad type").to_string();
        assert!(err.contains("life_events.toml"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }
}
