//! From free text to comparable words: lower case, accents folded, punctuation gone, phase
//! markers and stop words dropped, each word stemmed with the Norwegian Snowball stemmer.
//!
//! Stemming happens before folding because the stemmer knows "æ", "ø" and "å"; the stem is
//! folded afterwards so "fødsel" and "fodsel" (a keyboard without ø) meet.

use super::FastMap as HashMap;
use super::language::Language;
use super::nynorsk;
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
    "anna", "hos", "per", "pr", "bl", "m", "fl", "osv", "hvordan", "hvor", "hvem", "hvorfor", "fordi", "dersom",
    "hvis", "noen", "noe", "mye", "bare", "uten", "mens", "siden", "da", "na", "ogsa", "dere", "deres", "hun", "han",
    "jeg", "meg", "oss", "dem", "her", "der", "enn", "hver", "hvert", "hele", "ble", "selv", "slik", "sine", "hennes",
    "hans", "dens", "dets", "bade", "enten", // English
    "the", "of", "and", "to", "in", "on", "with", "by", "an", "is", "are", "from", "as", "at", "new", "for", "about",
    "into", "their", "this", "that", "these", "those", "be", "will", "which", "it", "its", "or", "not", "can",
    "should", "would", "has", "have", "been", "more", "also", "such", "than", "who", "when", "where", "how", "what",
    "they", "we", "our", "your", "you", "so", "each", "other", "both", "any", "within", "without", "between", "across",
    "after", "before", "during", "while", "if", "then", "there", "only", "through", "them", "was", "were", "do",
    "does", "may", "must", "up", "out", "via", "own",
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
    /// A code name's parts where its case changes ("MinSak" → "min", "sak"); empty for
    /// an ordinary word.
    pub code_parts: Vec<String>,
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

/// Normalises text. Holds the stemmers and caches, since a portfolio repeats few words many
/// times (a 100 000-row portfolio has about as many distinct words as a 1 000-row one).
/// Norwegian text (bokmål, and nynorsk read as bokmål) and English text are read apart:
/// their own stemmer, and nynorsk spellings made bokmål first.
pub struct Normaliser {
    norwegian: Reader,
    english: Reader,
}

/// What reading one language family needs: its stemmer and what it has read so far.
struct Reader {
    stemmer: Stemmer,
    /// Nynorsk spellings are read as bokmål (Norwegian only).
    bokmal: bool,
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
        let cached = self.norwegian.stems.len() + self.english.stems.len();
        f.debug_struct("Normaliser").field("cached_stems", &cached).finish()
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
        Self { norwegian: Reader::new(Algorithm::Norwegian, true), english: Reader::new(Algorithm::English, false) }
    }

    fn reader(&mut self, language: Language) -> &mut Reader {
        if language.is_norwegian() { &mut self.norwegian } else { &mut self.english }
    }

    /// The Norwegian stem of one lower-case word, folded.
    pub fn stem(&mut self, lower: &str) -> String {
        self.norwegian.stem(lower)
    }

    /// The stem of one lower-case word of `language`, folded (nynorsk read as bokmål).
    pub fn stem_in(&mut self, lower: &str, language: Language) -> String {
        let reader = self.reader(language);
        if reader.bokmal {
            let bokmal = nynorsk::to_bokmal(lower);
            return reader.stem(&bokmal);
        }
        reader.stem(lower)
    }

    /// The content words of Norwegian `text`, in order: stop words, numbers and phase
    /// markers left out. Words are split at every character that is not a letter or digit,
    /// so "Kontantstøtte: digital søknad (fase 2)" gives "kontantstøtte", "digital", "søknad".
    pub fn words(&mut self, text: &str) -> Vec<Word> {
        self.words_in(text, Language::Bokmal)
    }

    /// The content words of `text` in `language`, as [`Normaliser::words`] reads them.
    pub fn words_in(&mut self, text: &str, language: Language) -> Vec<Word> {
        let mut words = Vec::new();
        self.visit_words_in(text, language, |word| words.push(word.clone()));
        words
    }

    /// Calls `visit` with each content word of Norwegian `text`, as [`Normaliser::words`]
    /// lists them, without copying them: each distinct piece of text is read once per
    /// portfolio. At most [`MAX_WORDS_PER_TEXT`] words are visited.
    pub fn visit_words(&mut self, text: &str, visit: impl FnMut(&Word)) {
        self.visit_words_in(text, Language::Bokmal, visit);
    }

    /// [`Normaliser::visit_words`] for text in `language`.
    pub fn visit_words_in(&mut self, text: &str, language: Language, mut visit: impl FnMut(&Word)) {
        let reader = self.reader(language);
        let mut after_phase_word = false;
        let mut visited = 0;
        for piece in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            if visited == MAX_WORDS_PER_TEXT {
                break;
            }
            if !reader.pieces.contains_key(piece) {
                let class = reader.classify(piece);
                reader.pieces.insert(piece.to_string(), class);
            }
            let Some(class) = reader.pieces.get(piece) else { continue };
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
}

impl Reader {
    fn new(algorithm: Algorithm, bokmal: bool) -> Self {
        Self { stemmer: Stemmer::create(algorithm), bokmal, stems: HashMap::default(), pieces: HashMap::default() }
    }

    fn stem(&mut self, lower: &str) -> String {
        if let Some(stem) = self.stems.get(lower) {
            return stem.clone();
        }
        let stem = fold(&self.stemmer.stem(lower));
        self.stems.insert(lower.to_string(), stem.clone());
        stem
    }

    fn classify(&mut self, piece: &str) -> Piece {
        if piece.chars().nth(MAX_WORD_CHARS).is_some() {
            return Piece::Skip { number: false };
        }
        let lower = piece.to_lowercase();
        let read = if self.bokmal { nynorsk::to_bokmal(&lower) } else { std::borrow::Cow::Borrowed(lower.as_str()) };
        let folded = fold(&read);
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
        let stem = self.stem(&read);
        let code_parts = code_name_parts(piece);
        Piece::Word { word: Word { folded, stem, acronym, lower, code_parts }, roman }
    }
}

/// The parts of a code name written in mixed case ("MinSak" → `["min", "sak"]`, "eSak" →
/// `["e", "sak"]`), folded; empty for a word that changes case nowhere inside (or only at
/// its start, or throughout: "NAV").
fn code_name_parts(piece: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for ch in piece.chars() {
        if ch.is_uppercase() && previous_lower && !current.is_empty() {
            parts.push(fold(&current));
            current.clear();
        }
        previous_lower = ch.is_lowercase();
        current.push(ch);
    }
    if parts.is_empty() {
        return parts;
    }
    parts.push(fold(&current));
    parts
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
        let many = (0..3 * MAX_WORDS_PER_TEXT).map(|i| format!("ord{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(Normaliser::new().words(&many).len(), MAX_WORDS_PER_TEXT);
    }

    #[test]
    fn marks_acronyms() {
        let words = Normaliser::new().words("NAV og FDK, ikke Nav");
        let flags: Vec<bool> = words.iter().map(|w| w.acronym).collect();
        assert_eq!(flags, vec![true, true, false]);
    }
}
