//! Which language a record is written in: bokmål, nynorsk or English, told apart by the
//! small words every sentence needs ("ikke"/"ikkje"/"not", "hva"/"kva"/"what") and a few
//! spellings only nynorsk uses ("teneste", "løysing", "-leg").
//!
//! Function words, not a word list of the subject matter: they occur in any description
//! whatever it is about, and they are few enough to list in full. A text with no evidence
//! at all (a short title) is read as bokmål, the language most files are in.

use serde::Serialize;

/// The language of a record's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    #[default]
    Bokmal,
    Nynorsk,
    English,
}

impl Language {
    /// True for the two written forms of Norwegian, which share a stemmer, stop words and
    /// (after [`super::nynorsk`]) most spellings.
    pub fn is_norwegian(self) -> bool {
        self != Language::English
    }

    /// Whether words of two records can be compared as written: both Norwegian (nynorsk
    /// read as bokmål) or both English.
    pub fn comparable(self, other: Language) -> bool {
        self.is_norwegian() == other.is_norwegian()
    }

    /// The short code shown to people and in JSON ("nb", "nn", "en").
    pub fn code(self) -> &'static str {
        match self {
            Language::Bokmal => "nb",
            Language::Nynorsk => "nn",
            Language::English => "en",
        }
    }
}

/// Words only bokmål uses (nynorsk writes them otherwise, English not at all).
const BOKMAL: &[&str] = &[
    "ikke",
    "hva",
    "hvordan",
    "hvor",
    "hvem",
    "hvilke",
    "hvilken",
    "hvis",
    "noen",
    "noe",
    "mye",
    "mer",
    "flere",
    "selv",
    "fra",
    "en",
    "et",
    "de",
    "dem",
    "disse",
    "bare",
    "ble",
    "uten",
    "innen",
    "hennes",
    "deres",
    "jeg",
    "hun",
    "mens",
    "siden",
    "bli",
    "blir",
    "hele",
    "hver",
    "hvert",
    "enn",
    "mellom",
    "gjennom",
    "nå",
    "også",
    "løsning",
    "løsninger",
    "tjeneste",
    "tjenester",
    "virksomhet",
    "virksomheter",
    "behandling",
];

/// Words only nynorsk uses.
const NYNORSK: &[&str] = &[
    "ikkje",
    "kva",
    "korleis",
    "kvar",
    "kven",
    "kvifor",
    "nokon",
    "noko",
    "nokre",
    "mykje",
    "meir",
    "fleire",
    "sjølv",
    "frå",
    "ein",
    "eit",
    "dei",
    "desse",
    "berre",
    "vart",
    "utan",
    "innan",
    "hjå",
    "hennar",
    "dykkar",
    "eg",
    "ho",
    "medan",
    "sidan",
    "verte",
    "vert",
    "heile",
    "kvart",
    "enno",
    "òg",
    "løysing",
    "løysingar",
    "teneste",
    "tenester",
    "verksemd",
    "verksemder",
    "handsaming",
    "mogleg",
    "saman",
    "difor",
    "dessutan",
    "elles",
];

/// Words only English uses ("for", "at", "a" and "i" are Norwegian too).
const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "is", "are", "will", "be", "with", "on", "that", "this", "which", "by", "from", "an",
    "it", "its", "their", "they", "our", "has", "have", "been", "into", "about", "through", "not", "or", "as", "these",
    "those", "who", "when", "would", "should", "can", "more", "new", "all", "also", "than", "such", "where", "how",
    "what", "so", "within", "between", "without", "across", "each", "other",
];

/// Nynorsk endings of content words ("offentleg", "moglegheit", "tryggleik"); bokmål has
/// "-lig", "-het", "-het".
const NYNORSK_ENDINGS: &[&str] = &["leg", "lege", "legt", "heit", "leik"];

/// Words shorter than this are not read by their ending ("leg" alone is English).
const MIN_ENDING_WORD: usize = 6;

/// Detects the language of a record from its title and description together.
pub fn detect(title: &str, description: Option<&str>) -> Language {
    let mut votes = [0usize; 3];
    for text in [Some(title), description].into_iter().flatten() {
        for piece in text.split(|c: char| !c.is_alphabetic()).filter(|p| !p.is_empty()) {
            let lower = piece.to_lowercase();
            let word = lower.as_str();
            if BOKMAL.contains(&word) {
                votes[0] += 1;
            }
            if NYNORSK.contains(&word)
                || (word.chars().count() >= MIN_ENDING_WORD && NYNORSK_ENDINGS.iter().any(|e| word.ends_with(e)))
            {
                votes[1] += 1;
            }
            if ENGLISH.contains(&word) {
                votes[2] += 1;
            }
        }
    }
    // Ties go to bokmål, then nynorsk: a Norwegian file is the usual case.
    let [bokmal, nynorsk, english] = votes;
    if english > bokmal.max(nynorsk) {
        Language::English
    } else if nynorsk > bokmal {
        Language::Nynorsk
    } else {
        Language::Bokmal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_three_languages_apart_by_their_small_words() {
        let nb = "Innbyggerne skal ikke måtte oppgi det samme flere ganger, og saken går fra kommunen til staten.";
        let nn = "Innbyggjarane skal ikkje måtte oppgi det same fleire gonger, og saka går frå kommunen til staten.";
        let en = "Residents should not have to give the same information twice, and the case moves to the state.";
        assert_eq!(detect("Digital søknad om parkeringstillatelse", Some(nb)), Language::Bokmal);
        assert_eq!(detect("Digital søknad om parkeringsløyve", Some(nn)), Language::Nynorsk);
        assert_eq!(detect("Digital application for parking permits", Some(en)), Language::English);
    }

    #[test]
    fn a_title_alone_decides_by_what_it_has() {
        assert_eq!(detect("Notification of changes to the parking permit", None), Language::English);
        assert_eq!(detect("Ny løysing for parkeringsløyve", None), Language::Nynorsk);
        assert_eq!(detect("Offentleg oversikt over parkering", None), Language::Nynorsk);
        assert_eq!(detect("Parkeringsløyve", None), Language::Bokmal, "no evidence: bokmål");
        assert_eq!(detect("", Some("")), Language::Bokmal);
    }

    #[test]
    fn nynorsk_and_bokmal_compare_as_written_english_does_not() {
        assert!(Language::Nynorsk.comparable(Language::Bokmal));
        assert!(Language::English.comparable(Language::English));
        assert!(!Language::English.comparable(Language::Nynorsk));
        assert_eq!(Language::Nynorsk.code(), "nn");
    }
}
