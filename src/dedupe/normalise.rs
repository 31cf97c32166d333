//! From free text to comparable words: lower case, accents folded, punctuation gone, phase
//! markers and stop words dropped, each word stemmed with the Norwegian Snowball stemmer.
//!
//! Stemming happens before folding because the stemmer knows "æ", "ø" and "å"; the stem is
//! folded afterwards so "fødsel" and "fodsel" (a keyboard without ø) meet.

use super::FastMap as HashMap;
use crate::text::fold;
use rust_stemmers::{Algorithm, Stemmer};

/// Function words in bokmål, nynorsk and English. Frequent content words ("digital",
/// "løsning") are not listed: the portfolio's own IDF weighs them down, and in a small
/// portfolio they may still tell initiatives apart.
const STOP_WORDS: &[&str] = &[
    // bokmål and nynorsk
    "og", "i", "for", "av", "om", "til", "pa", "med", "en", "et", "ei", "den", "det", "de", "dei", "som", "er", "a",
    "at", "fra", "fraa", "ved", "mot", "over", "under", "etter", "eller", "samt", "inn", "ut", "seg", "sin", "sitt",
    "sine", "vi", "var", "vart", "vare", "nye", "nytt", "ny", "kva", "hva", "alle", "all", "ikkje", "ikke", "kan",
    "skal", "vil", "blir", "bli", "vert", "har", "hadde", "gjennom", "mellom", "innen", "innan", "slik", "sa", "ogsa",
    "og", "dette", "denne", "desse", "disse", "eit", "ein", "eg", "meir", "mer", "mest", "andre", "annan", "annen",
    "anna", "hos", "per", "pr", "bl", "m", "fl", "osv", // English
    "the", "of", "and", "to", "in", "on", "with", "by", "an", "is", "are", "from", "as", "at", "new",
];

/// Words that say which stage of an effort a title is about, not what the effort is:
/// "– fase 2", "(videreføring)", "trinn 1", "2.0". A following number goes with them.
const PHASE_WORDS: &[&str] = &[
    "fase",
    "trinn",
    "steg",
    "etappe",
    "del",
    "runde",
    "versjon",
    "videreforing",
    "vidareforing",
    "videreutvikling",
    "vidareutvikling",
    "phase",
    "stage",
    "step",
    "continuation",
];

/// Longer runs of letters are not words (a pasted hash, a hostile 20 000-letter field) and
/// are left out: every later step works per letter of a word, some of them more than
/// linearly. The longest compounds people write are about half this.
pub const MAX_WORD_CHARS: usize = 64;

/// At most this many content words of one text are read. A description is a few sentences;
/// a field of a million words would otherwise make one record cost as much as a portfolio.
pub const MAX_WORDS_PER_TEXT: usize = 1_000;

/// Roman numerals that follow a phase word ("fase II").
const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi"];

/// One word of a text after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower case, accents folded ("dødsboløsning" → "dodsbolosning").
    pub folded: String,
    /// The Snowball stem, folded ("tjenestene" → "tjenest").
    pub stem: String,
    /// Written in capitals in the source (an acronym such as "NAV" or "FDK").
    pub acronym: bool,
    /// In lower case as written, accents kept ("dødsboløsning"): how it is shown.
    pub lower: String,
}

/// What one piece of text (a run of letters and digits, as written) turned out to be.
enum Piece {
    /// Too short, a stop word, or a number (which may follow a phase word).
    Skip { number: bool },
    /// "fase", "trinn", "videreføring", ...
    Phase,
    /// A content word; `roman` when it could be the numeral after a phase word ("II").
    Word { word: Word, roman: bool },
}

/// Normalises text. Holds the stemmer and caches, since a portfolio repeats few words many
/// times (a 100 000-row portfolio has about as many distinct words as a 1 000-row one).
pub struct Normaliser {
    stemmer: Stemmer,
    stems: HashMap<String, String>,
    pieces: HashMap<String, Piece>,
}

impl Default for Normaliser {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Normaliser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Normaliser").field("cached_stems", &self.stems.len()).finish()
    }
}

pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

fn is_number(folded: &str) -> bool {
    folded.chars().all(|c| c.is_ascii_digit())
}

impl Normaliser {
    pub fn new() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::Norwegian), stems: HashMap::default(), pieces: HashMap::default() }
    }

    /// The stem of one lower-case word, folded.
    pub fn stem(&mut self, lower: &str) -> String {
        if let Some(stem) = self.stems.get(lower) {
            return stem.clone();
        }
        let stem = fold(&self.stemmer.stem(lower));
        self.stems.insert(lower.to_string(), stem.clone());
        stem
    }

    /// The content words of `text`, in order: stop words, numbers and phase markers left
    /// out. Words are split at every character that is not a letter or digit, so
    /// "Kontantstøtte: digital søknad (fase 2)" gives "kontantstøtte", "digital", "søknad".
    pub fn words(&mut self, text: &str) -> Vec<Word> {
        let mut words = Vec::new();
        self.visit_words(text, |word| words.push(word.clone()));
        words
    }

    /// Calls `visit` with each content word of `text`, as [`Normaliser::words`] lists them,
    /// without copying them: each distinct piece of text is read once per portfolio.
    /// At most [`MAX_WORDS_PER_TEXT`] words are visited.
    pub fn visit_words(&mut self, text: &str, mut visit: impl FnMut(&Word)) {
        let mut after_phase_word = false;
        let mut visited = 0;
        for piece in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if visited == MAX_WORDS_PER_TEXT {
                break;
            }
            if !self.pieces.contains_key(piece) {
                let class = self.classify(piece);
                self.pieces.insert(piece.to_string(), class);
            }
            let Some(class) = self.pieces.get(piece) else { continue };
            match class {
                Piece::Skip { number } => after_phase_word = after_phase_word && *number,
                Piece::Phase => after_phase_word = true,
                Piece::Word { word, roman } => {
                    if after_phase_word && *roman {
                        after_phase_word = false;
                        continue;
                    }
                    after_phase_word = false;
                    visited += 1;
                    visit(word);
                }
            }
        }
    }

    fn classify(&mut self, piece: &str) -> Piece {
        if piece.chars().nth(MAX_WORD_CHARS).is_some() {
            return Piece::Skip { number: false };
        }
        let lower = piece.to_lowercase();
        let folded = fold(&lower);
        // One letter or digit says nothing on its own ("e" of "e-resept", "2" of "2.0").
        if folded.chars().count() < 2 || is_number(&folded) || is_stop_word(&folded) {
            return Piece::Skip { number: is_number(&folded) };
        }
        if PHASE_WORDS.contains(&folded.as_str()) {
            return Piece::Phase;
        }
        let roman = ROMAN.contains(&folded.as_str());
        let acronym = piece.chars().count() <= 6
            && piece.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && piece.chars().any(char::is_alphabetic);
        let stem = self.stem(&lower);
        Piece::Word { word: Word { folded, stem, acronym, lower }, roman }
    }
}

/// Acronyms a text defines in parentheses after their expansion: "Felles datakatalog (FDK)"
/// gives ("fdk", ["felles", "datakatalog"]). The expansion is the words before the
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

    fn folded(text: &str) -> Vec<String> {
        Normaliser::new().words(text).into_iter().map(|w| w.folded).collect()
    }

    fn stems(text: &str) -> Vec<String> {
        Normaliser::new().words(text).into_iter().map(|w| w.stem).collect()
    }

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(folded("«Ny DØDSBOLØSNING.»"), vec!["dodsbolosning"]);
        assert_eq!(folded("Kontantstøtte:\u{a0}digital  søknad"), vec!["kontantstotte", "digital", "soknad"]);
    }

    #[test]
    fn drops_stop_words_in_bokmal_nynorsk_and_english() {
        assert_eq!(folded("Digital løsning for dødsbo"), vec!["digital", "losning", "dodsbo"]);
        assert_eq!(folded("Melding om fødsel"), vec!["melding", "fodsel"]);
        assert_eq!(folded("Sharing of data on estates"), vec!["sharing", "data", "estates"]);
    }

    #[test]
    fn drops_phase_suffixes() {
        let plain = folded("Proaktive varsler om helsestasjon");
        assert_eq!(folded("Proaktive varsler om helsestasjon – fase 2"), plain);
        assert_eq!(folded("Proaktive varsler om helsestasjon (videreføring)"), plain);
        assert_eq!(folded("Proaktive varsler om helsestasjon trinn 1"), plain);
        assert_eq!(folded("Proaktive varsler om helsestasjon 2.0"), plain);
        assert_eq!(folded("Proaktive varsler om helsestasjon, fase II"), plain);
        assert_eq!(folded("Proaktive varsler om helsestasjon – videreutvikling"), plain);
    }

    #[test]
    fn stems_inflections_together() {
        assert_eq!(stems("tjenester"), stems("tjenesten"));
        assert_ne!(stems("varsler"), stems("varsling"), "the stemmer keeps -ing words apart");
        assert_eq!(stems("Søknader"), stems("søknad"));
    }

    #[test]
    fn overlong_words_and_texts_are_cut_short() {
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(folded(&format!("dødsbo {long} arv")), vec!["dodsbo", "arv"]);
        assert_eq!(folded(&"b".repeat(MAX_WORD_CHARS)).len(), 1);
        let many: String = (0..3 * MAX_WORDS_PER_TEXT).map(|i| format!("ord{i} ")).collect();
        assert_eq!(Normaliser::new().words(&many).len(), MAX_WORDS_PER_TEXT);
    }

    #[test]
    fn marks_acronyms() {
        let words = Normaliser::new().words("NAV og FDK, ikke Nav");
        let flags: Vec<bool> = words.iter().map(|w| w.acronym).collect();
        assert_eq!(flags, vec![true, true, false]);
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
