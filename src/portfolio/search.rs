//! Search as you type: which rows match a query, how well, and which characters to mark.
//!
//! Ranking every row with fuzzy-matcher's scorer costs about 1.8 µs a row here (180 ms for
//! 100 000 titles, measured), too slow for a keystroke. So rows are put in three tiers with
//! cheap tests on folded text — the query as a substring of title or owner, then its letters
//! in order with at most two others between each (a typo or an abbreviation: "dgtl" finds
//! "digital", "dodbo" finds "dødsbo"), then all its words in the description — and
//! fuzzy-matcher marks the matched characters of the rows on screen only.

use super::Row;
use crate::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// As the user typed it.
    pub query: String,
    /// Folded, spaces kept.
    folded: String,
    /// Folded without spaces, for the subsequence test.
    compact: Vec<u8>,
    words: Vec<String>,
}

impl Search {
    /// None for an empty (or all-punctuation) query.
    pub fn new(query: &str) -> Option<Self> {
        let folded = fold(query);
        if folded.is_empty() {
            return None;
        }
        let compact = folded.bytes().filter(|b| *b != b' ').collect();
        let words = folded.split(' ').map(str::to_string).collect();
        Some(Self { query: query.to_string(), folded, compact, words })
    }

    /// True when every row `self` matches also matches `other` (typing more narrows).
    pub fn narrows(&self, other: &Search) -> bool {
        self.folded.starts_with(&other.folded)
    }

    /// 0: title or owner contains the query; 1: they contain its letters in order;
    /// 2: the description contains all its words. None: no match.
    pub fn tier(&self, row: &Row) -> Option<u8> {
        let title = &*row.folded_title;
        if title.contains(self.folded.as_str()) {
            return Some(0);
        }
        if is_close_subsequence(&self.compact, title.as_bytes()) {
            return Some(1);
        }
        let description = &*row.folded_description;
        if !description.is_empty() && self.words.iter().all(|w| description.contains(w.as_str())) {
            return Some(2);
        }
        None
    }
}

/// The most letters allowed between two matched letters of a fuzzy match.
const MAX_GAP: usize = 2;

/// True when `needle`'s bytes appear in order in `haystack` (both folded ASCII) with at most
/// [`MAX_GAP`] others between neighbours: close enough to be a typo or an abbreviation, not
/// letters scattered over a whole title.
fn is_close_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let Some((first, rest)) = needle.split_first() else { return true };
    haystack.iter().enumerate().filter(|(_, b)| *b == first).any(|(start, _)| {
        let mut at = start;
        rest.iter().all(|byte| {
            let window = &haystack[at + 1..haystack.len().min(at + 2 + MAX_GAP)];
            match window.iter().position(|b| b == byte) {
                Some(offset) => {
                    at += offset + 1;
                    true
                }
                None => false,
            }
        })
    })
}

/// The character positions in `text` that match `query`, for highlighting: fuzzy-matcher's
/// best alignment on the folded text, mapped back to `text`'s characters. Empty when the
/// text does not match.
pub fn highlight_positions(text: &str, query: &str) -> Vec<usize> {
    let folded_query = fold(query).replace(' ', "");
    if folded_query.is_empty() {
        return Vec::new();
    }
    // Fold character by character so each folded character knows where it came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (index, ch) in text.chars().enumerate() {
        let piece = fold(ch.encode_utf8(&mut [0; 4]));
        for c in piece.chars() {
            folded.push(c);
            origin.push(index);
        }
        if piece.is_empty() {
            folded.push(' ');
            origin.push(index);
        }
    }
    let matcher = SkimMatcherV2::default().ignore_case();
    let Some((_, indices)) = matcher.fuzzy_indices(&folded, &folded_query) else {
        return Vec::new();
    };
    let mut positions: Vec<usize> = indices.into_iter().filter_map(|i| origin.get(i).copied()).collect();
    positions.dedup();
    positions
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(title: &str, description: &str) -> Row {
        Row {
            id: 1,
            key: "K".into(),
            source: 0,
            source_file: 0,
            title: title.into(),
            agency: None,
            ministries: vec![],
            life_events: vec![],
            tags: vec![],
            amount_nok: None,
            budget_year: None,
            phase: None,
            risk: None,
            withdrawn: false,
            folded_title: fold(title).into(),
            folded_description: fold(description).into(),
        }
    }

    #[test]
    fn tiers_rank_substring_then_fuzzy_then_description() {
        let search = Search::new("Dødsbo").expect("query");
        assert_eq!(search.tier(&row("Ny dødsboløsning", "")), Some(0));
        assert_eq!(search.tier(&row("Dødsboets oppgjør", "")), Some(0));
        assert_eq!(search.tier(&row("Arveoppgjør", "Gjelder dødsbo og skifte")), Some(2));
        assert_eq!(search.tier(&row("Byggesøknad", "Ferdigattest")), None);
        // Letters scattered over a title are not a match.
        assert_eq!(search.tier(&row("Datadeling om ferdigattest Bergen kommune", "")), None);
        // A typo or an abbreviation is.
        assert_eq!(Search::new("dodbo").expect("q").tier(&row("Ny dødsboløsning", "")), Some(1));
        assert_eq!(Search::new("dgtl").expect("q").tier(&row("Digital postkasse", "")), Some(1));
        assert!(Search::new("  ").is_none());
    }

    #[test]
    fn typing_more_narrows() {
        let short = Search::new("død").expect("query");
        let long = Search::new("dødsbo").expect("query");
        assert!(long.narrows(&short));
        assert!(!short.narrows(&long));
    }

    #[test]
    fn highlights_map_back_to_the_original_characters() {
        assert_eq!(highlight_positions("Ny dødsboløsning", "dodsbo"), vec![3, 4, 5, 6, 7, 8]);
        assert_eq!(highlight_positions("Ærlig", "ae"), vec![0]);
        assert!(highlight_positions("Byggesøknad", "xyz").is_empty());
    }
}
