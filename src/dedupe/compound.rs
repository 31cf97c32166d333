//! Compound splitting from the portfolio's own vocabulary, without a dictionary.
//!
//! Norwegian writes "dødsboløsning" where another agency writes "løsning for dødsbo". A word
//! splits where every part is a word the portfolio also uses on its own (or the stem of
//! one), allowing the linking letters "s" and "e" between parts ("fødsel-s-melding",
//! "barn-e-trygd"). The Snowball stemmer does not split compounds, so this fills that gap.

use super::{FastMap as HashMap, FastSet as HashSet};

/// Parts shorter than this are not trusted: "bo" or "is" would split far too much.
const MIN_PART: usize = 3;
/// Endings of inflected nouns (plural, definite), longest first: the last part of a
/// compound carries them.
const INFLECTIONS: &[&str] = &["ene", "ane", "er", "ar", "en", "et", "ne", "a", "e", "r", "n", "t"];

/// A member read out of a word that does not split is at least this long.
const MIN_MEMBER: usize = 4;
/// Longer words are not split. No compound a person writes is this long, and the search
/// tries every cut of every suffix, each a lookup of up to the word's length: the cube of
/// the length (a 20 000-letter "word" took 32 s). At this length a split costs well under
/// a hundred thousand bytes looked up.
pub const MAX_SPLIT_LEN: usize = 60;

/// Splits compounds into parts the portfolio knows.
#[derive(Debug, Default)]
pub struct CompoundSplitter {
    known: HashSet<String>,
    cache: HashMap<String, Vec<String>>,
    /// Bytes looked up so far: the work splitting has cost, which the length bound keeps
    /// in proportion.
    work: std::cell::Cell<u64>,
}

impl CompoundSplitter {
    /// `words` are folded words (and their stems) seen standing alone in the portfolio.
    pub fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let known = words
            .into_iter()
            .filter(|w| w.len() >= MIN_PART && !super::normalise::is_stop_word(w))
            .map(str::to_string)
            .collect();
        Self { known, cache: HashMap::default(), work: std::cell::Cell::new(0) }
    }

    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(word)
    }

    /// Bytes of candidate parts looked up so far.
    pub fn work(&self) -> u64 {
        self.work.get()
    }

    /// True when `part` is a known word, counting the lookup as work.
    fn knows(&self, part: &str) -> bool {
        self.work.set(self.work.get() + part.len() as u64);
        self.known.contains(part)
    }

    /// The parts of a folded (ASCII) word, first to last, or an empty list when it does not
    /// split into known words. "fodselsmeldingsveileder" → `["fodsel", "melding", "veileder"]`.
    /// A word longer than [`MAX_SPLIT_LEN`] is not split (nor kept in the cache).
    pub fn split(&mut self, word: &str) -> Vec<String> {
        if word.len() > MAX_SPLIT_LEN {
            return Vec::new();
        }
        if let Some(parts) = self.cache.get(word) {
            return parts.clone();
        }
        let parts = self.split_uncached(word).unwrap_or_default();
        self.cache.insert(word.to_string(), parts.clone());
        parts
    }

    /// The longest known words a word that does not split begins and ends with (each at
    /// least [`MIN_MEMBER`] letters, leaving at least [`MIN_PART`]): "brannvernsrapport"
    /// begins with "brannvern" where "rapport" is no word of the portfolio. Only the
    /// lexicon and the portfolio's own words are tried, so a compound is read by what it
    /// surely holds.
    pub fn members(&self, word: &str) -> Vec<String> {
        let len = word.len();
        if len > MAX_SPLIT_LEN || !word.is_ascii() || len < MIN_MEMBER + MIN_PART {
            return Vec::new();
        }
        let head = (MIN_MEMBER..=len - MIN_PART).rev().map(|cut| &word[..cut]).find(|head| self.knows(head));
        let tail = (MIN_PART..=len - MIN_MEMBER).map(|cut| &word[cut..]).find(|tail| self.knows(tail));
        head.into_iter().chain(tail).map(str::to_string).collect()
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
            tails[start] = match self.last_part(rest).filter(|_| start > 0) {
                Some(last) => Some(vec![last.to_string()]),
                None => self.head_then_tail(word, start, &tails),
            };
        }
        self.head_then_tail(word, 0, &tails)
    }

    /// The known word the end of a compound is, inflected or not: the compound's own
    /// ending is the last part's ("parkeringstillatelser" ends in "tillatelse").
    fn last_part<'w>(&self, rest: &'w str) -> Option<&'w str> {
        if self.knows(rest) {
            return Some(rest);
        }
        INFLECTIONS
            .iter()
            .filter_map(|ending| rest.strip_suffix(ending))
            .find(|base| base.len() >= MIN_PART && self.knows(base))
    }

    /// The first split of `word[start..]` into a known head and a solved tail.
    fn head_then_tail(&self, word: &str, start: usize, tails: &[Option<Vec<String>>]) -> Option<Vec<String>> {
        let len = word.len();
        for cut in start + MIN_PART..=len.saturating_sub(MIN_PART) {
            let head = &word[start..cut];
            let head_word = if self.knows(head) {
                head
            } else if head.len() > MIN_PART
                && (head.ends_with('s') || head.ends_with('e'))
                && self.knows(&head[..head.len() - 1])
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
    fn the_last_part_may_be_inflected() {
        let mut s = splitter(&["parkering", "tillatelse", "melding"]);
        assert_eq!(s.split("parkeringstillatelser"), vec!["parkering", "tillatelse"]);
        assert_eq!(s.split("parkeringsmeldingene"), vec!["parkering", "melding"]);
        assert!(s.split("parkeringsx").is_empty());
    }

    #[test]
    fn leaves_unknown_and_plain_words_alone() {
        let mut s = splitter(&["stat", "data"]);
        assert!(s.split("statistikk").is_empty());
        assert!(s.split("data").is_empty(), "a word is not a compound of itself");
        assert!(s.split("dødsbo").is_empty(), "only folded words split");
    }

    #[test]
    fn a_word_of_thousands_of_letters_costs_no_more_than_a_long_compound() {
        // Issue 18: one 20 000-letter word took 32 s here. Whatever its length, a word is
        // split within the work of the longest word still split.
        let mut s = splitter(&["dodsbo", "losning", "abc"]);
        let compound = "dodsbolosning".repeat(4);
        assert_eq!(s.split(&compound).len(), 8);
        let bound = s.work();
        assert!(bound > 0 && compound.len() <= MAX_SPLIT_LEN);
        for letters in [MAX_SPLIT_LEN + 1, 600, 20_000] {
            let long = "abc".repeat(letters / 3 + 1);
            assert!(s.split(&long).is_empty(), "{letters} letters");
        }
        assert_eq!(s.work(), bound, "the long words were not searched at all");
        // The longest word still split costs at most the cube of the bound.
        let mut fresh = splitter(&["dodsbo", "losning"]);
        fresh.split(&"x".repeat(MAX_SPLIT_LEN));
        assert!(fresh.work() <= (MAX_SPLIT_LEN as u64).pow(3), "{}", fresh.work());
    }

    #[test]
    fn a_compound_that_does_not_split_shows_the_members_it_surely_holds() {
        let s = splitter(&["brannvern", "ordning", "skolemat"]);
        assert_eq!(s.members("skolematrapport"), vec!["skolemat"]);
        assert_eq!(s.members("hytteordning"), vec!["ordning"]);
        assert_eq!(s.members("brannvernsordning"), vec!["brannvern", "ordning"]);
        assert!(s.members("rapport").is_empty());
        assert!(s.members(&"ordning".repeat(20)).is_empty(), "too long to search");
    }

    #[test]
    fn ignores_stop_words_and_short_parts() {
        let mut s = splitter(&["for", "skudd", "skatt", "bo", "stotte"]);
        assert!(s.split("forskudd").is_empty(), "'for' is a stop word");
        assert!(s.split("bostotte").is_empty(), "'bo' is too short to trust");
    }
}
