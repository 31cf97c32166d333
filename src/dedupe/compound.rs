//! Compound splitting from the portfolio's own vocabulary, without a dictionary.
//!
//! Norwegian writes "dødsboløsning" where another agency writes "løsning for dødsbo". A word
//! splits where every part is a word the portfolio also uses on its own (or the stem of
//! one), allowing the linking letters "s" and "e" between parts ("fødsel-s-melding",
//! "barn-e-trygd"). The Snowball stemmer does not split compounds, so this fills that gap.

use super::{FastMap as HashMap, FastSet as HashSet};

/// Parts shorter than this are not trusted: "bo" or "is" would split far too much.
const MIN_PART: usize = 3;

/// Splits compounds into parts the portfolio knows.
#[derive(Debug, Default)]
pub struct CompoundSplitter {
    known: HashSet<String>,
    cache: HashMap<String, Vec<String>>,
}

impl CompoundSplitter {
    /// `words` are folded words (and their stems) seen standing alone in the portfolio.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let known = words
            .into_iter()
            .filter(|w| w.len() >= MIN_PART && !super::normalise::is_stop_word(w))
            .map(str::to_string)
            .collect();
        Self { known, cache: HashMap::default() }
    }

    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// The parts of a folded (ASCII) word, first to last, or an empty list when it does not
    /// split into known words. "fodselsmeldingsveileder" → ["fodsel", "melding", "veileder"].
    pub fn split(&mut self, word: &str) -> Vec<String> {
        if let Some(parts) = self.cache.get(word) {
            return parts.clone();
        }
        let parts = self.split_uncached(word).unwrap_or_default();
        self.cache.insert(word.to_string(), parts.clone());
        parts
    }

    /// Splits with the shortest known head first, so the head is one word and the tail
    /// (which may itself be a compound) splits further. `tails[i]` holds the best split of
    /// `word[i..]` as a part of a compound, where a known word is acceptable whole; filled
    /// from the end, so every suffix is solved once (quadratic, never exponential).
    fn split_uncached(&self, word: &str) -> Option<Vec<String>> {
        if !word.is_ascii() {
            return None;
        }
        let len = word.len();
        let mut tails: Vec<Option<Vec<String>>> = vec![None; len + 1];
        for start in (0..len).rev() {
            let rest = &word[start..];
            tails[start] = if self.known.contains(rest) && start > 0 {
                Some(vec![rest.to_string()])
            } else {
                self.head_then_tail(word, start, &tails)
            };
        }
        self.head_then_tail(word, 0, &tails)
    }

    /// The first split of `word[start..]` into a known head and a solved tail.
    fn head_then_tail(&self, word: &str, start: usize, tails: &[Option<Vec<String>>]) -> Option<Vec<String>> {
        let len = word.len();
        for cut in start + MIN_PART..=len.saturating_sub(MIN_PART) {
            let head = &word[start..cut];
            let head_word = if self.known.contains(head) {
                head
            } else if head.len() > MIN_PART
                && (head.ends_with('s') || head.ends_with('e'))
                && self.known.contains(&head[..head.len() - 1])
            {
                &head[..head.len() - 1]
            } else {
                continue;
            };
            if let Some(rest) = &tails[cut] {
                let mut parts = vec![head_word.to_string()];
                parts.extend(rest.iter().cloned());
                return Some(parts);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn splitter(words: &[&str]) -> CompoundSplitter {
        CompoundSplitter::new(words.iter().copied())
    }

    #[test]
    fn splits_into_words_the_portfolio_uses_alone() {
        let mut s = splitter(&["dodsbo", "losning", "digital"]);
        assert_eq!(s.split("dodsbolosning"), vec!["dodsbo", "losning"]);
    }

    #[test]
    fn allows_linking_letters() {
        let mut s = splitter(&["fodsel", "melding", "veileder", "barn", "trygd"]);
        assert_eq!(s.split("fodselsmelding"), vec!["fodsel", "melding"]);
        assert_eq!(s.split("fodselsmeldingsveileder"), vec!["fodsel", "melding", "veileder"]);
        assert_eq!(s.split("barnetrygd"), vec!["barn", "trygd"]);
    }

    #[test]
    fn leaves_unknown_and_plain_words_alone() {
        let mut s = splitter(&["stat", "data"]);
        assert!(s.split("statistikk").is_empty());
        assert!(s.split("data").is_empty(), "a word is not a compound of itself");
        assert!(s.split("dødsbo").is_empty(), "only folded words split");
    }

    #[test]
    fn ignores_stop_words_and_short_parts() {
        let mut s = splitter(&["for", "skudd", "skatt", "bo", "stotte"]);
        assert!(s.split("forskudd").is_empty(), "'for' is a stop word");
        assert!(s.split("bostotte").is_empty(), "'bo' is too short to trust");
    }
}
