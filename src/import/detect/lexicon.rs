//! The words of `columns.toml`, stemmed, for reading headers: which field a word names
//! (as a head or as a modifier), units, currencies, and the words that shape a header.

use super::super::layout::Field;
use crate::reference::ColumnNames;
use crate::text::fold;
use crate::{FastMap, FastSet};
use rust_stemmers::{Algorithm, Stemmer};

/// What a word says about a column.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Role {
    /// Names the field when it heads a header.
    Head(Field),
    /// Leans towards the field.
    Modifier(Field),
    /// The thing itself ("tiltak"): alone, the title.
    Object,
}

/// Words shorter than this are never split off a compound, nor split into.
const PART: usize = 3;

pub struct Lexicon {
    stemmer: Stemmer,
    roles: FastMap<String, Vec<Role>>,
    whole_headers: FastMap<String, Field>,
    units: Vec<(Vec<String>, i64)>,
    prepositions: FastSet<String>,
    about: FastSet<String>,
    question_words: FastSet<String>,
    text_markers: FastSet<String>,
    currencies: FastSet<String>,
    noise: FastSet<String>,
}

impl Lexicon {
    pub fn new(columns: &ColumnNames) -> Self {
        let set = |words: &[String]| words.iter().map(|w| w.to_lowercase()).collect::<FastSet<String>>();
        let general = &columns.general;
        let mut lexicon = Self {
            stemmer: Stemmer::create(Algorithm::Norwegian),
            roles: FastMap::default(),
            whole_headers: FastMap::default(),
            units: columns.units.iter().map(|u| (u.words.iter().map(|w| fold(w)).collect(), u.factor)).collect(),
            prepositions: set(&general.prepositions),
            about: set(&general.about),
            question_words: set(&general.question_words),
            text_markers: FastSet::default(),
            currencies: set(&general.currencies),
            noise: set(&general.noise),
        };
        lexicon.text_markers = general.text_markers.iter().map(|w| lexicon.stem(w)).collect();
        for (name, words) in &columns.words {
            let Some(field) = Field::parse(name) else { continue };
            let entries = words.heads.iter().map(|w| (w, Role::Head(field)));
            let entries = entries.chain(words.modifiers.iter().map(|w| (w, Role::Modifier(field))));
            let entries = entries.chain(words.objects.iter().map(|w| (w, Role::Object)));
            for (word, role) in entries.collect::<Vec<_>>() {
                let stem = lexicon.stem(word);
                let roles = lexicon.roles.entry(stem).or_default();
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
        }
        for (name, headers) in &columns.fields {
            let Some(field) = Field::parse(name) else { continue };
            for header in headers {
                lexicon.whole_headers.insert(fold(header), field);
            }
        }
        lexicon
    }

    /// The built-in words (tests and benchmarks).
    pub fn builtin() -> Self {
        let columns = crate::reference::ReferenceSource::builtin().columns();
        Self::new(&columns.unwrap_or_default())
    }

    /// A word's stem: lower case, Snowball's Norwegian stemmer, folded (æ → ae, ø → o).
    pub fn stem(&self, word: &str) -> String {
        fold(&self.stemmer.stem(&word.to_lowercase()))
    }

    pub fn roles(&self, stem: &str) -> &[Role] {
        self.roles.get(stem).map_or(&[], Vec::as_slice)
    }

    pub fn knows(&self, stem: &str) -> bool {
        self.roles.contains_key(stem)
    }

    /// The field a whole header means, when the user listed it under [fields].
    pub fn whole_header(&self, header: &str) -> Option<Field> {
        self.whole_headers.get(&fold(header)).copied()
    }

    /// The unit factor named anywhere in a header, if any ("mill. kr", "1 000 kr").
    pub fn unit_in(&self, header: &str) -> Option<i64> {
        let padded = format!(" {} ", fold(header));
        self.units.iter().find(|(words, _)| words.iter().any(|w| padded.contains(&format!(" {w} ")))).map(|(_, f)| *f)
    }

    /// True for a word that is a unit, part of one or a word for kroner.
    pub fn is_unit_word(&self, lower: &str) -> bool {
        let folded = fold(lower);
        self.units.iter().any(|(words, _)| words.iter().any(|w| w.split(' ').any(|part| part == folded)))
    }

    pub fn is_currency(&self, lower: &str) -> bool {
        self.currencies.contains(lower)
    }

    pub fn is_noise(&self, lower: &str) -> bool {
        self.noise.contains(lower)
    }

    pub fn is_preposition(&self, lower: &str) -> bool {
        self.prepositions.contains(lower)
    }

    pub fn is_about(&self, lower: &str) -> bool {
        self.about.contains(lower)
    }

    pub fn is_question_word(&self, lower: &str) -> bool {
        self.question_words.contains(lower)
    }

    pub fn is_text_marker(&self, stem: &str) -> bool {
        self.text_markers.contains(stem)
    }

    /// A word as stems, a compound split into known parts: "forslagstittel" → forslag +
    /// tittel, "hoveddepartement" → hoved + departement, "totalbudsjett" → total + budsjett.
    /// A known word, or one no split explains, stays whole. The longest known ending is
    /// split off first and the rest split again; failing that, a known beginning. Work is
    /// bounded: words longer than [`LONGEST_SPLIT`] letters are never split.
    pub fn split_compound(&self, lower: &str) -> Vec<String> {
        let whole = self.stem(lower);
        let letters = lower.chars().count();
        if self.knows(&whole) || letters > LONGEST_SPLIT {
            return vec![whole];
        }
        let cuts: Vec<usize> =
            lower.char_indices().map(|(i, _)| i).skip(PART).take((letters + 1).saturating_sub(2 * PART)).collect();
        // The longest known ending, with a beginning left to split again.
        for &at in &cuts {
            let (left, right) = lower.split_at(at);
            let right = self.stem(right);
            if self.knows(&right) {
                let mut parts = self.split_prefix(left);
                parts.push(right);
                return parts;
            }
        }
        // An abbreviation ending ("arkiv|nr"): two letters without a vowel end no
        // Norwegian word, so they are split off a word of three letters or more.
        if let Some((at, _)) = lower.char_indices().rev().nth(1) {
            let (left, right) = lower.split_at(at);
            if left.chars().count() >= PART && !right.contains(VOWELS) && self.knows(&self.stem(right)) {
                return vec![self.stem(left), self.stem(right)];
            }
        }
        // A known beginning, the rest kept as a word of its own ("risiko|klasse").
        for &at in cuts.iter().rev() {
            let (left, right) = lower.split_at(at);
            if let Some(left) = self.known_part(left) {
                return vec![left, self.stem(right)];
            }
        }
        vec![whole]
    }

    /// The beginning of a compound: a known word (a joining s or e dropped), or split again.
    fn split_prefix(&self, left: &str) -> Vec<String> {
        if let Some(known) = self.known_part(left) {
            vec![known]
        } else {
            let trimmed = left.strip_suffix(['s', 'e']).filter(|l| l.chars().count() >= PART).unwrap_or(left);
            self.split_compound(trimmed)
        }
    }

    /// `part`'s stem when it is a known word, with or without a joining s or e
    /// ("tiltaks|navn", "eiendoms|skatt").
    fn known_part(&self, part: &str) -> Option<String> {
        let stem = self.stem(part);
        if self.knows(&stem) {
            return Some(stem);
        }
        let trimmed = part.strip_suffix(['s', 'e']).filter(|l| l.chars().count() >= PART)?;
        Some(self.stem(trimmed)).filter(|s| self.knows(s))
    }
}

const VOWELS: [char; 9] = ['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å'];

/// Longer words are not split (a header of one 20 000-letter word must cost nothing).
const LONGEST_SPLIT: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn split(word: &str) -> Vec<String> {
        Lexicon::builtin().split_compound(word)
    }

    fn stems(list: &[&str]) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        list.iter().map(|w| lexicon.stem(w)).collect()
    }

    #[test]
    fn compounds_split_into_known_parts() {
        assert_eq!(split("forslagstittel"), stems(&["forslag", "tittel"]));
        assert_eq!(split("hoveddepartement"), stems(&["hoved", "departement"]));
        assert_eq!(split("tiltaksnavn"), stems(&["tiltak", "navn"]));
        assert_eq!(split("prosjektnamn"), stems(&["prosjekt", "namn"]));
        assert_eq!(split("totalbudsjett"), stems(&["total", "budsjett"]));
        assert_eq!(split("kostnadsramme"), stems(&["kostnad", "ramme"]));
        assert_eq!(split("søknadsbeløp"), stems(&["søknad", "beløp"]));
        assert_eq!(split("programeier"), stems(&["program", "eier"]));
        assert_eq!(split("arkivnr"), stems(&["arkiv", "nr"]));
        assert_eq!(split("risikoklasse"), stems(&["risiko", "klasse"]));
    }

    #[test]
    fn known_words_and_unexplained_words_stay_whole() {
        assert_eq!(split("livshendelse"), stems(&["livshendelse"]));
        assert_eq!(split("beskrivelse"), stems(&["beskrivelse"]));
        assert_eq!(split("kontaktperson"), stems(&["kontaktperson"]));
        assert_eq!(split("ab"), stems(&["ab"]));
        assert_eq!(split("kasino"), stems(&["kasino"]), "a word ending in a vowel is no abbreviation");
        let long = "a".repeat(20_000);
        assert_eq!(split(&long).len(), 1, "a very long word is not split");
    }

    #[test]
    fn a_word_names_its_field_by_its_stem() {
        let lexicon = Lexicon::builtin();
        for (word, field) in [
            ("beskrivelsen", Field::Description),
            ("departementer", Field::Ministry),
            ("kostnader", Field::AmountNok),
            ("faser", Field::Phase),
        ] {
            let roles = lexicon.roles(&lexicon.stem(word));
            assert!(roles.contains(&Role::Head(field)), "{word}: {roles:?}");
        }
        assert!(lexicon.roles(&lexicon.stem("tiltaket")).contains(&Role::Object));
    }
}
