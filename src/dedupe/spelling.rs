//! Typos corrected from the portfolio itself: a word seen once that is one edit (insert,
//! delete, substitute or swap two letters) away from a word the portfolio uses often is
//! read as that word. "kontantsøtte" → "kontantstøtte", "Delnig" → "deling".
//!
//! Candidates are found through their one-letter deletions (the SymSpell trick), so no
//! pair of words is ever compared blindly.

use super::FastMap as HashMap;

/// Shorter words are left alone: "sak" and "sok" are both real words.
const MIN_LENGTH: usize = 5;
/// A word counts as a typo only when seen at most this often ...
const RARE: u32 = 1;
/// ... and the word it is read as is seen at least this often.
const COMMON: u32 = 3;

/// Builds the corrections for a portfolio's word counts (folded, ASCII words).
pub fn corrections(counts: &HashMap<String, u32>) -> HashMap<String, String> {
    let mut by_deletion: HashMap<String, Vec<&str>> = HashMap::default();
    for (word, &count) in counts {
        if count >= COMMON && word.len() >= MIN_LENGTH && word.is_ascii() {
            for variant in deletions(word).into_iter().chain(std::iter::once(word.clone())) {
                by_deletion.entry(variant).or_default().push(word);
            }
        }
    }
    let mut out = HashMap::default();
    for (word, &count) in counts {
        if count > RARE || word.len() < MIN_LENGTH || !word.is_ascii() {
            continue;
        }
        let mut best: Option<(&str, u32)> = None;
        for variant in deletions(word).into_iter().chain(std::iter::once(word.clone())) {
            for &candidate in by_deletion.get(&variant).into_iter().flatten() {
                if candidate == word || strsim::damerau_levenshtein(word, candidate) != 1 {
                    continue;
                }
                let seen = counts.get(candidate).copied().unwrap_or(0);
                if best.is_none_or(|(b, n)| seen > n || (seen == n && candidate < b)) {
                    best = Some((candidate, seen));
                }
            }
        }
        if let Some((candidate, _)) = best {
            out.insert(word.clone(), candidate.to_string());
        }
    }
    out
}

fn deletions(word: &str) -> Vec<String> {
    (0..word.len()).map(|i| format!("{}{}", &word[..i], &word[i + 1..])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(words: &[(&str, u32)]) -> HashMap<String, u32> {
        words.iter().map(|(w, n)| (w.to_string(), *n)).collect()
    }

    #[test]
    fn reads_a_rare_word_as_the_common_word_one_edit_away() {
        let fixes = corrections(&counts(&[
            ("kontantstotte", 12),
            ("kontantsotte", 1),
            ("deling", 40),
            ("delnig", 1),
            ("automatisert", 9),
            ("automtisert", 1),
            ("auttomatisert", 1),
        ]));
        assert_eq!(fixes.get("kontantsotte").map(String::as_str), Some("kontantstotte"));
        assert_eq!(fixes.get("delnig").map(String::as_str), Some("deling"), "swapped letters");
        assert_eq!(fixes.get("automtisert").map(String::as_str), Some("automatisert"));
        assert_eq!(fixes.get("auttomatisert").map(String::as_str), Some("automatisert"));
        assert!(!fixes.contains_key("kontantstotte"));
    }

    #[test]
    fn leaves_short_common_and_distant_words_alone() {
        let fixes = corrections(&counts(&[
            ("sak", 30),
            ("sok", 1),
            ("bostotte", 5),
            ("bostotta", 2),
            ("matrikkel", 9),
            ("markedsdata", 1),
        ]));
        assert!(fixes.is_empty(), "{fixes:?}");
    }
}
