//! Which words of one initiative the other shares: what the review screen highlights, so
//! the analyst sees at a glance what a pair's score rests on and can judge it.

use super::normalise::{Normaliser, is_stop_word};
use crate::text::fold;
use std::collections::HashSet;
use std::ops::Range;

/// How much a highlighted word carries the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// A word the pair's reasons name (the rarest shared ones), or a compound holding one:
    /// the score rests on these.
    Key,
    /// Any other content word the other initiative uses too (same stem), common or not.
    Shared,
}

/// A key word shorter than this is only matched whole, not inside a compound.
const MIN_PART: usize = 4;

/// Marks shared words in one initiative's texts against the other's.
pub struct Highlighter {
    normaliser: Normaliser,
    other_stems: HashSet<String>,
    key_words: Vec<String>,
}

impl Highlighter {
    /// `other`: the other initiative's texts (title, description); `key_words`: the words
    /// the reasons name, as shown to the analyst.
    pub fn new(other: &[&str], key_words: &[String]) -> Self {
        let mut normaliser = Normaliser::new();
        let mut other_stems = HashSet::new();
        for text in other {
            normaliser.visit_words(text, |word| {
                other_stems.insert(word.stem.clone());
            });
        }
        let key_words = key_words.iter().map(|w| fold(w)).filter(|w| !w.is_empty()).collect();
        Self { normaliser, other_stems, key_words }
    }

    /// The words of `text` to highlight, as byte ranges in order.
    pub fn spans(&mut self, text: &str) -> Vec<(Range<usize>, Strength)> {
        let mut spans = Vec::new();
        let mut start = None;
        for (index, ch) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (ch.is_alphanumeric(), start) {
                (true, None) => start = Some(index),
                (false, Some(from)) => {
                    if let Some(strength) = self.strength(&text[from..index]) {
                        spans.push((from..index, strength));
                    }
                    start = None;
                }
                _ => {}
            }
        }
        spans
    }

    fn strength(&mut self, piece: &str) -> Option<Strength> {
        let lower = piece.to_lowercase();
        let folded = fold(&lower);
        if folded.chars().count() < 2 || folded.chars().all(|c| c.is_ascii_digit()) || is_stop_word(&folded) {
            return None;
        }
        let key = self
            .key_words
            .iter()
            .any(|k| *k == folded || (k.chars().count() >= MIN_PART && folded.contains(k.as_str())));
        if key {
            return Some(Strength::Key);
        }
        self.other_stems.contains(&self.normaliser.stem(&lower)).then_some(Strength::Shared)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, other: &[&str], keys: &[&str]) -> Vec<(String, Strength)> {
        let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
        let mut highlighter = Highlighter::new(other, &keys);
        highlighter.spans(text).into_iter().map(|(range, s)| (text[range].to_string(), s)).collect()
    }

    #[test]
    fn shared_stems_and_key_words_inside_compounds_are_marked() {
        let found = marked(
            "Ny dødsboløsning for arvinger og løsninger for skifte",
            &["Digital løsning for dødsbo", "Arvingene får hjelp"],
            &["dødsbo"],
        );
        assert_eq!(
            found,
            vec![
                ("dødsboløsning".to_string(), Strength::Key),
                ("arvinger".to_string(), Strength::Shared),
                ("løsninger".to_string(), Strength::Shared),
            ],
            "stop words (for, og) and words the other lacks (ny, skifte) stay plain"
        );
    }

    #[test]
    fn short_key_words_match_only_whole_and_ranges_are_byte_offsets() {
        let text = "«NAV» og navigasjon";
        let found = Highlighter::new(&["NAV-kontor"], &["nav".to_string()]).spans(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].0.clone()], "NAV");
        assert!(Highlighter::new(&[], &[]).spans("").is_empty());
    }
}
