//! Acronyms and code names, learnt from the portfolio itself: what "FDK", "DigiX" or
//! "MinSak" stand for.
//!
//! A code name written in mixed case splits where its case changes ("MinSak" → "Min" +
//! "Sak"), and each part is read as a word of the same record that it starts ("saken"),
//! else the most used such word of the portfolio. An acronym in capitals is read as the
//! words of its record whose initials spell it ("Felles datakatalog" for FDK), or as the
//! words another record defines it by in parentheses. An agency's own code ("NAV", "SSB")
//! is not an initiative's acronym: agency names are taken out of titles before this.

use super::FastMap as HashMap;
use super::reading::Reading;
use crate::text::fold;

/// Code-name parts shorter than this are not read ("e" of "eSak").
const MIN_CODE_PART: usize = 2;
/// Acronyms have this many letters.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// What one title word stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expansion {
    /// The words (ids) it stands for.
    pub words: Vec<u32>,
    /// Every one of them is a word of the record the code name or acronym was found in:
    /// it adds nothing they do not say, so it is read as them alone.
    pub within: bool,
}

impl Expansion {
    /// True when it is read from `title`'s own words: the title says in words what the
    /// code name or acronym labels ("NyX: digitalisering av X"), so it adds nothing there,
    /// and a twin without the label should not differ for it.
    pub fn labels(&self, title: &[u32]) -> bool {
        self.within && self.words.iter().any(|w| title.contains(w))
    }
}

/// The expansions of the portfolio's title words that are code names or acronyms, by word
/// id. Each word is read once, from the first record that explains it.
pub(crate) fn learn(reading: &Reading) -> HashMap<u32, Expansion> {
    let words = &reading.words;
    let mut learnt: HashMap<u32, Expansion> = HashMap::default();
    let mut by_prefix: Vec<u32> = (0..words.len() as u32).collect();
    by_prefix.sort_by(|&a, &b| words.folded[a as usize].cmp(&words.folded[b as usize]));
    for (title, description) in reading.titles.iter().zip(&reading.descriptions) {
        let text: Vec<u32> = title.iter().chain(description).copied().collect();

        for &word in title {
            if learnt.get(&word).is_some_and(|e| e.within) {
                continue;
            }
            let found = if words.code_parts[word as usize].is_empty() {
                acronym_within(reading, word, &text)
            } else {
                code_name(reading, word, &text, &by_prefix)
            };
            if let Some(expansion) = found {
                if expansion.within || !learnt.contains_key(&word) {
                    learnt.insert(word, expansion);
                }
            }
        }
    }
    learnt
}

/// A code name's parts read as words of `text` (its record), else of the portfolio.
fn code_name(reading: &Reading, word: u32, text: &[u32], by_prefix: &[u32]) -> Option<Expansion> {
    let words = &reading.words;
    let mut expansion = Expansion { words: Vec::new(), within: true };
    for part in words.code_parts[word as usize].iter().filter(|p| p.len() >= MIN_CODE_PART) {
        let starts = |id: &u32| *id != word && words.folded[*id as usize].starts_with(part.as_str());
        let exact = text.iter().find(|id| starts(id) && words.folded[**id as usize] == *part);
        if let Some(&id) = exact.or_else(|| text.iter().find(|id| starts(id))) {
            expansion.words.push(id);
        } else {
            expansion.within = false;
            expansion.words.extend(most_used_with_prefix(reading, part, word, by_prefix));
        }
    }
    (!expansion.words.is_empty()).then_some(expansion)
}

/// The most used word of the portfolio that starts with `prefix` (not `word` itself).
fn most_used_with_prefix(reading: &Reading, prefix: &str, word: u32, by_prefix: &[u32]) -> Option<u32> {
    let words = &reading.words;
    let start = by_prefix.partition_point(|&id| words.folded[id as usize].as_str() < prefix);
    by_prefix[start..]
        .iter()
        .take_while(|&&id| words.folded[id as usize].starts_with(prefix))
        .filter(|&&id| id != word && words.code_parts[id as usize].is_empty())
        .max_by_key(|&&id| (words.count[id as usize], std::cmp::Reverse(id)))
        .copied()
}

/// An acronym read as consecutive words of its own record whose initials spell it, else
/// as the words a record defines it by in parentheses.
fn acronym_within(reading: &Reading, word: u32, text: &[u32]) -> Option<Expansion> {
    let words = &reading.words;
    let letters: Vec<char> = words.folded[word as usize].chars().collect();
    if !words.acronym[word as usize] || !ACRONYM_LETTERS.contains(&letters.len()) {
        return None;
    }
    let others: Vec<u32> = text.iter().copied().filter(|&id| id != word).collect();
    for length in 1..=letters.len().min(others.len()) {
        for window in others.windows(length) {
            let spelled: Vec<String> = window.iter().map(|&id| words.folded[id as usize].clone()).collect();
            if spells(&spelled, &letters) {
                return Some(Expansion { words: window.to_vec(), within: true });
            }
        }
    }
    let defined = reading.defined.get(&words.folded[word as usize])?;
    let ids: Vec<u32> = defined.iter().filter_map(|w| words.id(w, words.language(word))).collect();
    (!ids.is_empty()).then_some(Expansion { words: ids, within: false })
}

/// Acronyms a text defines in parentheses after their expansion: "Felles datakatalog (FDK)"
/// gives `("fdk", ["felles", "datakatalog"])`. The expansion is the words before the
/// parenthesis whose initials spell the acronym, so a portfolio can teach which acronym
/// stands for which words.
pub fn defined_acronyms(text: &str) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let before = &rest[..open];
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let inside = after[..close].trim();
        let letters: Vec<char> = inside.chars().collect();
        let is_acronym = (2..=6).contains(&letters.len())
            && letters.iter().all(|c| c.is_alphanumeric())
            && letters.iter().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
        if is_acronym {
            let initials: Vec<char> = fold(inside).chars().collect();
            let words: Vec<String> = fold(before).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
            if let Some(count) =
                (1..=initials.len().min(words.len())).find(|&n| spells(&words[words.len() - n..], &initials))
            {
                found.push((fold(inside), words[words.len() - count..].to_vec()));
            }
        }
        rest = &after[close + 1..];
    }
    found
}

/// True when `words` spell `initials` in order: each word gives its first letter and may
/// give further letters found later in it, since a compound holds several words ("Felles
/// DataKatalog" is FDK).
fn spells(words: &[String], initials: &[char]) -> bool {
    let Some((word, rest_words)) = words.split_first() else {
        return initials.is_empty();
    };
    let mut chars = word.chars();
    if initials.first() != chars.next().as_ref() {
        return false;
    }
    // Let this word take 1..k letters (in order within it), the rest go to the next words.
    let tail: Vec<char> = chars.collect();
    for taken in 1..=initials.len() {
        let extra = &initials[1..taken];
        let mut position = 0;
        let in_word = extra.iter().all(|c| match tail[position..].iter().position(|t| t == c) {
            Some(found) => {
                position += found + 1;
                true
            }
            None => false,
        });
        if !in_word {
            break;
        }
        if spells(rest_words, &initials[taken..]) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::language::Language;
    use crate::dedupe::reading::read;

    fn expansions(titles: &[&str], descriptions: &[&str]) -> Vec<(String, Vec<String>, bool)> {
        let descriptions: Vec<Option<String>> = descriptions.iter().map(|d| Some(d.to_string())).collect();
        let reading = read(titles, &descriptions, &vec![Language::Bokmal; titles.len()]);
        let mut out: Vec<(String, Vec<String>, bool)> = learn(&reading)
            .into_iter()
            .map(|(word, e)| {
                let name = |id: u32| reading.words.folded[id as usize].clone();
                (name(word), e.words.into_iter().map(name).collect(), e.within)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_code_name_is_read_as_the_words_its_parts_start() {
        let found = expansions(
            &["ParkHjelp: veiledning om parkering", "ParkVakt", "Parkering for alle", "Parkering i sentrum"],
            &["Hjelp til bilister som leter etter parkering.", "", "", ""],
        );
        let words = |w: &[&str]| w.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![
                ("parkhjelp".to_string(), words(&["parkering", "hjelp"]), true),
                ("parkvakt".to_string(), words(&["parkering"]), false),
            ],
            "'vakt' starts no word of the portfolio: only the part that does is read"
        );
    }

    #[test]
    fn an_acronym_is_read_as_the_words_that_spell_it() {
        let found = expansions(
            &["SPV – søknad om parkering for virksomheter", "Felles parkeringsregister (FPR)", "FPR 2.0", "XQZ"],
            &["", "", "", "Ingen forklaring."],
        );
        let words = |w: &[&str]| w.iter().map(ToString::to_string).collect::<Vec<_>>();
        assert_eq!(
            found,
            vec![
                ("fpr".to_string(), words(&["felles", "parkeringsregister"]), true),
                ("spv".to_string(), words(&["soknad", "parkering", "virksomheter"]), true),
            ]
        );
    }

    #[test]
    fn reads_acronyms_defined_in_parentheses() {
        assert_eq!(
            defined_acronyms("Ny versjon av Felles datakatalog (FDK) for alle"),
            vec![("fdk".to_string(), vec!["felles".to_string(), "datakatalog".to_string()])]
        );
        assert!(defined_acronyms("Kontroll (fase 2)").is_empty());
        assert!(defined_acronyms("Ny løsning (XYZ)").is_empty(), "initials must spell it");
        assert_eq!(
            defined_acronyms("Nasjonal kjernejournal (NKJ)"),
            vec![("nkj".to_string(), vec!["nasjonal".to_string(), "kjernejournal".to_string()])]
        );
    }
}
