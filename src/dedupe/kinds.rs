//! Kinds of digital service ("varsling", "veiledning", "datadeling", ...) named in titles.
//!
//! The portfolio's IDF finds what two titles are about, since objects are rare words; it
//! cannot tell that "Proaktive varsler om X" and "Varslingstjeneste for X" build the same
//! kind of service while "Statistikk om X" does not, because those words are common and
//! written in many ways. This small lexicon (`data/service_kinds.toml`, which the user can
//! replace) names the kinds; everything else is learnt from the portfolio.

use super::FastMap;
use super::agencies::AgencyNames;
use super::learned_kinds::Learned;
use crate::reference::Organisations;
use serde::Deserialize;

/// Entries shorter than this match whole words only ("api", "ny"); longer ones match the
/// beginning of a word ("varsl" in "varslingstjeneste").
const PREFIX_FROM: usize = 5;

/// The shape of `service_kinds.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceKindsFile {
    #[serde(default)]
    pub generic: Vec<String>,
    #[serde(default)]
    pub kind: Vec<KindDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindDef {
    pub name: String,
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub fallback: bool,
    pub words: Vec<String>,
}

/// The built-in lexicon's text.
pub const BUILTIN: &str = crate::reference::SERVICE_KINDS.builtin;

/// A set of kinds as bits (at most 32 kinds).
pub type KindSet = u32;

/// The lexicon, ready for matching, with the names of the organisations that may own an
/// initiative (taken out of titles before they are compared; see `agencies`).
#[derive(Debug, Clone)]
pub struct ServiceKinds {
    generic: Vec<String>,
    kinds: Vec<KindDef>,
    fallback: Option<usize>,
    organisation_names: Vec<String>,
    /// Wordings learnt from a portfolio (see `learned_kinds`), folded, with their kinds (none
    /// for a generic one): matched as whole words or compound parts.
    learned: FastMap<String, KindSet>,
}

fn matches(entry: &str, word: &str) -> bool {
    if entry.len() < PREFIX_FROM { word == entry } else { word.starts_with(entry) }
}

/// Generic words are beginnings too ("losning" for "løsninger"), but only of the same word
/// inflected or derived: another rest makes another word ("nasjonal" is generic,
/// "nasjonalpark" is an object; a compound of generic words is read through its parts).
const GENERIC_ENDINGS: &[&str] = &[
    "", "e", "t", "a", "s", "er", "ere", "ene", "en", "et", "ar", "ane", "es", "te", "ede", "ende", "ing", "inga",
    "ingen", "inger", "ingene", "ingar", "ig", "ige", "igt", "lig", "lige", "ligt",
];

fn matches_generic(entry: &str, word: &str) -> bool {
    if entry.len() < PREFIX_FROM {
        return word == entry;
    }
    word.strip_prefix(entry).is_some_and(|rest| GENERIC_ENDINGS.contains(&rest))
}

impl ServiceKinds {
    /// The kinds of digital service the duplicate search recognises in titles (the user's
    /// `service_kinds.toml` or the built-in one), and the organisations whose names it takes
    /// out of titles.
    pub fn from_reference(reference: &crate::reference::ReferenceSource) -> crate::error::Result<Self> {
        let file: ServiceKindsFile = reference.load(crate::reference::SERVICE_KINDS)?;
        Ok(Self::new(file).with_organisations(&reference.organisations()?))
    }

    /// The built-in lexicon with the built-in organisations.
    pub fn builtin() -> Self {
        // The built-in files are tested to parse; an empty lexicon is the safe fallback.
        let kinds = toml::from_str::<ServiceKindsFile>(BUILTIN).map_or_else(|_| Self::empty(), Self::new);
        match toml::from_str::<Organisations>(crate::reference::ORGANISATIONS.builtin) {
            Ok(organisations) => kinds.with_organisations(&organisations),
            Err(_) => kinds,
        }
    }

    pub fn empty() -> Self {
        Self {
            generic: Vec::new(),
            kinds: Vec::new(),
            fallback: None,
            organisation_names: Vec::new(),
            learned: FastMap::default(),
        }
    }

    /// The same lexicon knowing `organisations` by every name, code and alias.
    #[must_use]
    pub fn with_organisations(mut self, organisations: &Organisations) -> Self {
        let mut names: Vec<String> = Vec::new();
        for m in &organisations.ministry {
            names.extend([&m.code, &m.name].into_iter().chain(&m.name_en).chain(&m.aliases).cloned());
        }
        for h in &organisations.historic {
            names.extend([h.code.clone(), h.name.clone()]);
        }
        for a in &organisations.agency {
            names.extend([&a.code, &a.name].into_iter().chain(&a.aliases).cloned());
        }
        for m in &organisations.municipal {
            names.extend([&m.code, &m.name].into_iter().chain(&m.aliases).cloned());
        }
        self.organisation_names = names;
        self
    }

    /// The owner names to take out of titles: the organisations' and `portfolio`'s own.
    pub fn agency_names<'a>(&'a self, portfolio: impl IntoIterator<Item = &'a str>) -> AgencyNames {
        AgencyNames::new(self.organisation_names.iter().map(String::as_str).chain(portfolio))
    }

    pub fn new(file: ServiceKindsFile) -> Self {
        let fold_all = |words: &[String]| words.iter().map(|w| crate::text::fold(w).replace(' ', "")).collect();
        let kinds: Vec<KindDef> = file
            .kind
            .into_iter()
            .take(KindSet::BITS as usize)
            .map(|k| KindDef { words: fold_all(&k.words), ..k })
            .collect();
        let fallback = kinds.iter().position(|k| k.fallback);
        Self {
            generic: fold_all(&file.generic),
            kinds,
            fallback,
            organisation_names: Vec::new(),
            learned: FastMap::default(),
        }
    }

    /// The same lexicon with what was learnt from a portfolio: the new kinds after the
    /// seed's, and the learnt wordings.
    #[must_use]
    pub fn with_learned(&self, learned: &Learned) -> Self {
        let mut out = self.clone();
        for name in &learned.new_kinds {
            if out.kinds.len() < KindSet::BITS as usize {
                out.kinds.push(KindDef { name: name.clone(), en: None, fallback: false, words: Vec::new() });
            }
        }
        for (unit, kinds) in &learned.units {
            let set = kinds.iter().filter(|&&k| k < out.kinds.len()).fold(0, |set, &k| set | (1 << k));
            out.learned.insert(unit.clone(), set);
        }
        out
    }

    /// How many kinds it knows.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    pub fn name(&self, kind: usize) -> &str {
        self.kinds.get(kind).map_or("", |k| k.name.as_str())
    }

    /// The names of the kinds in a set, in the lexicon's order.
    pub fn names(&self, set: KindSet) -> Vec<String> {
        (0..self.kinds.len()).filter(|k| set & (1 << k) != 0).map(|k| self.kinds[k].name.clone()).collect()
    }

    /// The kinds one folded word (or compound part) names.
    pub fn kinds_of_word(&self, word: &str) -> KindSet {
        let mut set = self.learned.get(word).copied().unwrap_or(0);
        for (index, kind) in self.kinds.iter().enumerate() {
            if kind.words.iter().any(|entry| matches(entry, word)) {
                set |= 1 << index;
            }
        }
        set
    }

    /// True for a word that says how rather than what: a kind's word or a generic one.
    pub fn is_how_word(&self, word: &str) -> bool {
        self.kinds_of_word(word) != 0
            || self.learned.contains_key(word)
            || self.generic.iter().any(|entry| matches_generic(entry, word))
    }

    /// The kinds one word names through itself or its compound parts, and whether any of
    /// them is a how word.
    pub fn word_kinds(&self, word: &str, parts: &[String]) -> (KindSet, bool) {
        let mut set = self.kinds_of_word(word);
        let mut how = self.is_how_word(word);
        for part in parts {
            set |= self.kinds_of_word(part);
            how |= self.is_how_word(part);
        }
        (set, how)
    }

    /// The kinds a title names, from its words, their compound parts (`parts[i]` for word
    /// i) and adjacent words written together ("min side"). The fallback kind goes to a
    /// title with only generic words, and is dropped beside a more specific kind.
    pub fn kinds_of_title(&self, words: &[String], parts: &[Vec<String>]) -> KindSet {
        let per_word: Vec<(KindSet, bool)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| self.word_kinds(w, parts.get(i).map_or(&[], Vec::as_slice)))
            .collect();
        self.title_kinds(words, &per_word)
    }

    /// [`ServiceKinds::kinds_of_title`] from each word's [`ServiceKinds::word_kinds`],
    /// worked out once per distinct word of a portfolio.
    pub fn title_kinds(&self, words: &[String], per_word: &[(KindSet, bool)]) -> KindSet {
        let mut set: KindSet = per_word.iter().fold(0, |acc, w| acc | w.0);
        let generic = per_word.iter().any(|w| w.1);
        for pair in words.windows(2) {
            set |= self.kinds_of_word(&format!("{}{}", pair[0], pair[1]));
        }
        if let Some(fallback) = self.fallback {
            let bit = 1 << fallback;
            if set & !bit != 0 {
                set &= !bit;
            } else if generic {
                set |= bit;
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(title: &str) -> Vec<String> {
        let lexicon = ServiceKinds::builtin();
        let words: Vec<String> = crate::text::fold(title).split(' ').map(str::to_string).collect();
        let mut splitter = super::super::compound::CompoundSplitter::new([
            "fodsel",
            "melding",
            "veileder",
            "statistikk",
            "pasientreise",
            "losning",
            "dodsbo",
        ]);
        let parts: Vec<Vec<String>> = words.iter().map(|w| splitter.split(w)).collect();
        lexicon.names(lexicon.kinds_of_title(&words, &parts))
    }

    #[test]
    fn the_builtin_lexicon_parses() {
        let file: ServiceKindsFile = toml::from_str(BUILTIN).expect("service_kinds.toml");
        assert!(file.kind.len() >= 8);
        assert_eq!(file.kind.iter().filter(|k| k.fallback).count(), 1);
    }

    #[test]
    fn one_kind_written_many_ways() {
        for title in [
            "Proaktive varsler om barnetrygd",
            "Varslingstjeneste for barnetrygd",
            "Hendelsesbasert varsling om barnetrygd",
            "Automatic alerts on child benefit",
        ] {
            assert!(kinds(title).contains(&"varsling".to_string()), "{title}");
        }
        assert_eq!(kinds("Fødselsmeldingsveileder"), vec!["veiledning"]);
        assert_eq!(kinds("Pasientreisestatistikk"), vec!["statistikk"]);
        assert_eq!(kinds("Min side for lønnstilskudd"), vec!["innsyn"]);
    }

    #[test]
    fn the_fallback_kind_is_for_titles_without_another() {
        assert_eq!(kinds("Ny dødsboløsning"), vec!["digitalisering"]);
        assert_eq!(kinds("Digitalisering av dødsbo"), vec!["digitalisering"]);
        assert_eq!(kinds("Ny statistikkløsning for dødsbo"), vec!["statistikk"]);
        assert!(kinds("Dødsbo").is_empty());
    }

    #[test]
    fn how_words_are_not_what_words() {
        let lexicon = ServiceKinds::builtin();
        assert!(lexicon.is_how_word("varslingstjeneste"));
        assert!(lexicon.is_how_word("losning"));
        assert!(lexicon.is_how_word("ny"));
        assert!(!lexicon.is_how_word("nyfodt"), "short entries match whole words");
        assert!(!lexicon.is_how_word("barnetrygd"));
        assert!(lexicon.is_how_word("losninger") && lexicon.is_how_word("nasjonale"), "inflected");
        assert!(!lexicon.is_how_word("nasjonalpark"), "a generic word's compound is another word");
    }
}
