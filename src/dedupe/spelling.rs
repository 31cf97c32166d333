//! Typos corrected from the portfolio itself: a word seen once that is one edit (insert,
//! delete, substitute or swap two letters) away from a word the portfolio uses often is
//! read as that word. "kontantsøtte" → "kontantstøtte", "Delnig" → "deling".
//!
//! Candidates are found through their one-letter deletions (the SymSpell trick), so no
//! pair of words is ever compared blindly.

use super::FastMap as HashMap;
use std::hash::BuildHasher;

/// Shorter words are left alone: "sak" and "sok" are both real words.
const MIN_LENGTH: usize = 5;
/// Longer words are left alone too: each of a word's one-letter deletions is a copy of it,
/// so the table grows with the square of its length (a 20 000-letter word took 0.4 GB, one
/// of 100 000 letters 10 GB), and no word a person types is this long.
pub const MAX_LENGTH: usize = 40;
/// A word counts as a typo only when seen at most this often ...
const RARE: u32 = 1;
/// ... and the word it is read as is seen at least this often.
const COMMON: u32 = 3;

fn correctable(word: &str) -> bool {
    (MIN_LENGTH..=MAX_LENGTH).contains(&word.len()) && word.is_ascii()
}

/// Builds the corrections for a portfolio's word counts (folded, ASCII words).
pub fn corrections<S: BuildHasher>(counts: &std::collections::HashMap<String, u32, S>) -> HashMap<String, String> {
    corrections_counted(counts).0
}

/// [`corrections`], and the bytes of one-letter deletions it wrote: its work and memory.
pub fn corrections_counted<S: BuildHasher>(
    counts: &std::collections::HashMap<String, u32, S>,
) -> (HashMap<String, String>, u64) {
    let mut work = 0u64;
    let mut deletions = |word: &str| {
        let variants = deletions(word);
        work += variants.iter().map(|v| v.len() as u64).sum::<u64>();
        variants
    };
    let mut by_deletion: HashMap<String, Vec<&str>> = HashMap::default();
    for (word, &count) in counts {
        if count >= COMMON && correctable(word) {
            for variant in deletions(word).into_iter().chain(std::iter::once(word.clone())) {
                by_deletion.entry(variant).or_default().push(word);
            }
        }
    }
    let mut out = HashMap::default();
    for (word, &count) in counts {
        if count > RARE || !correctable(word) {
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
    (out, work)
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
    fn a_word_of_thousands_of_letters_costs_nothing() {
        // Issue 18: a 20 000-letter word made 0.4 GB of deletions. A long word (seen once
        // or often) is never corrected, and the work is that of the ordinary words alone.
        let ordinary = counts(&[("kontantstotte", 12), ("kontantsotte", 1)]);
        let (fixes, bound) = corrections_counted(&ordinary);
        assert_eq!(fixes.len(), 1);
        for letters in [MAX_LENGTH + 1, 20_000] {
            let mut with_long = ordinary.clone();
            with_long.insert("ab".repeat(letters / 2 + 1), 1);
            with_long.insert("ba".repeat(letters / 2 + 1), 5);
            with_long.insert(format!("x{}", "ba".repeat(letters / 2 + 1)), 1);
            let (fixes, work) = corrections_counted(&with_long);
            assert_eq!(fixes.len(), 1, "{letters} letters");
            assert_eq!(work, bound, "{letters} letters");
        }
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
