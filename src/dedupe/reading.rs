//! The first pass over a portfolio: every record's title and description read into words,
//! each distinct word kept once with what is known of it, and typos read as the common
//! word they are one edit from.

use super::FastMap as HashMap;
use super::acronyms::defined_acronyms;
use super::language::Language;
use super::normalise::{Normaliser, Word};
use super::spelling::corrections_counted;

/// Every distinct word of the portfolio once: a portfolio of 100 000 initiatives repeats a
/// few tens of thousands of words millions of times. Norwegian and English words are kept
/// apart (their stems differ).
#[derive(Debug, Default)]
pub(crate) struct Words {
    ids: HashMap<(bool, String), u32>,
    pub folded: Vec<String>,
    pub stem: Vec<String>,
    pub english: Vec<bool>,
    pub count: Vec<u32>,
    /// Written in capitals ("FDK").
    pub acronym: Vec<bool>,
    /// A code name's parts ("MinSak" → "min", "sak").
    pub code_parts: Vec<Vec<String>>,
}

impl Words {
    fn add(&mut self, word: &Word, language: Language) -> (u32, bool) {
        let english = !language.is_norwegian();
        if let Some(&id) = self.ids.get(&(english, word.folded.clone())) {
            self.count[id as usize] += 1;
            return (id, false);
        }
        let id = self.folded.len() as u32;
        self.ids.insert((english, word.folded.clone()), id);
        self.folded.push(word.folded.clone());
        self.stem.push(word.stem.clone());
        self.english.push(english);
        self.count.push(1);
        self.acronym.push(word.acronym);
        self.code_parts.push(word.code_parts.clone());
        (id, true)
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn language(&self, id: u32) -> Language {
        if self.english[id as usize] { Language::English } else { Language::Bokmal }
    }

    /// The id of a folded word of one language family, if the portfolio has it.
    pub fn id(&self, folded: &str, language: Language) -> Option<u32> {
        self.ids.get(&(!language.is_norwegian(), folded.to_string())).copied()
    }
}

/// The portfolio's text as word ids.
#[derive(Debug, Default)]
pub(crate) struct Reading {
    pub words: Words,
    /// Each record's title and description words, in order.
    pub titles: Vec<Vec<u32>>,
    pub descriptions: Vec<Vec<u32>>,
    /// How a stem is best shown to a person: the first word seen with it, as written.
    pub display: HashMap<String, String>,
    /// Acronyms defined in parentheses ("Felles datakatalog (FDK)") → their words.
    pub defined: HashMap<String, Vec<String>>,
    /// Bytes spent on typo correction (bounded per word; see `spelling`).
    pub work: u64,
}

/// Reads every record (title, description, language), then reads typos as the word meant.
pub(crate) fn read(titles: &[&str], descriptions: &[Option<String>], languages: &[Language]) -> Reading {
    let mut normaliser = Normaliser::new();
    let mut reading = Reading::default();
    for ((title, description), &language) in titles.iter().zip(descriptions).zip(languages) {
        let mut read = |text: &str| -> Vec<u32> {
            let mut ids = Vec::new();
            normaliser.visit_words_in(text, language, |word| {
                let (id, new) = reading.words.add(word, language);
                if new && !reading.display.contains_key(word.stem.as_str()) {
                    reading.display.insert(word.stem.clone(), word.lower.clone());
                }
                ids.push(id);
            });
            ids
        };
        let title_ids = read(title);
        let description_ids = read(description.as_deref().unwrap_or_default());
        reading.titles.push(title_ids);
        reading.descriptions.push(description_ids);
        for text in [Some(*title), description.as_deref()].into_iter().flatten() {
            for (acronym, expansion) in defined_acronyms(text) {
                reading.defined.entry(acronym).or_insert(expansion);
            }
        }
    }
    reading.correct_typos();
    reading
}

impl Reading {
    /// Reads each rare word that is one edit from a common word of the same language as
    /// that word, in every title and description.
    fn correct_typos(&mut self) {
        let words = &self.words;
        let mut fixed: Vec<u32> = (0..words.len() as u32).collect();
        for language in [Language::Bokmal, Language::English] {
            let counts: HashMap<String, u32> = (0..words.len())
                .filter(|&id| words.language(id as u32).is_norwegian() == language.is_norwegian())
                .map(|id| (words.folded[id].clone(), words.count[id]))
                .collect();
            let (corrections, work) = corrections_counted(&counts);
            self.work += work;
            for (typo, meant) in corrections {
                if let (Some(from), Some(to)) = (words.id(&typo, language), words.id(&meant, language)) {
                    fixed[from as usize] = to;
                }
            }
        }
        for ids in self.titles.iter_mut().chain(self.descriptions.iter_mut()) {
            for id in ids.iter_mut() {
                *id = fixed[*id as usize];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(reading: &Reading, ids: &[u32]) -> Vec<String> {
        ids.iter().map(|&id| reading.words.folded[id as usize].clone()).collect()
    }

    #[test]
    fn reads_each_record_in_its_language_and_fixes_typos() {
        let titles = [
            "Søknad om kontantstøtte",
            "Kontroll av kontantsøtte",
            "Applications for kontantstøtte",
            "Kontantstøtte",
            "Kontantstøtte",
        ];
        let descriptions: Vec<Option<String>> = vec![None, Some("Tenesta er ny.".into()), None, None, None];
        let languages = [Language::Bokmal, Language::Nynorsk, Language::English, Language::Bokmal, Language::Bokmal];
        let reading = read(&titles, &descriptions, &languages);
        assert_eq!(folded(&reading, &reading.titles[1]), vec!["kontroll", "kontantstotte"], "the typo read as meant");
        assert_eq!(folded(&reading, &reading.descriptions[1]), vec!["tjenesta"], "nynorsk read as bokmål");
        let english = reading.titles[2][0];
        assert_eq!(reading.words.language(english), Language::English);
        assert_eq!(reading.words.stem[english as usize], "applic");
        assert_eq!(reading.display.get("soknad").map(String::as_str), Some("søknad"));
    }
}
