//! Words English and Norwegian share from Latin and Greek, read as one: "frequency" and
//! "frekvens", "registration" and "registrering", "archive" and "arkiv", "statistics" and
//! "statistikk". The vocabulary of public administration is full of them, and no glossary
//! lists them all.
//!
//! Both words are spelled into one key by the regular correspondences of the two spellings
//! (c → k or s, "tion" → "sjon", "ph" → "f", "ch" → "k", "-ity" → "-itet", "-ering" and
//! "-ation" alike, double letters single, inflections dropped); two words with one key are
//! read as the same word. A rule, not a list: it reaches words nobody wrote down.

/// Endings of English words, longest first, and what they are in Norwegian spelling.
const ENGLISH_ENDINGS: &[(&str, &str)] = &[
    ("ications", "ikasjon"),
    ("ication", "ikasjon"),
    ("ations", "ering"),
    ("ation", "ering"),
    ("ities", "itet"),
    ("ity", "itet"),
    ("encies", "ens"),
    ("ancies", "ans"),
    ("ency", "ens"),
    ("ancy", "ans"),
    ("ical", "isk"),
    ("ics", "ikk"),
    ("ic", "isk"),
    ("sis", "se"),
    ("ies", "i"),
    ("ance", "anse"),
    ("ence", "ense"),
];

/// Inflections of Norwegian words, longest first (plural, definite forms).
const NORWEGIAN_ENDINGS: &[&str] = &["ene", "er", "en", "et", "a"];

/// Letter groups of English spelling and the Norwegian spelling of the same sound.
const ENGLISH_LETTERS: &[(&str, &str)] = &[
    ("tion", "sjon"),
    ("sion", "sjon"),
    ("ph", "f"),
    ("th", "t"),
    ("ch", "k"),
    ("ck", "k"),
    ("qu", "kv"),
    ("x", "ks"),
    ("w", "v"),
    ("z", "s"),
];

/// Shorter words get no key: short words of two languages meet by chance.
const MIN_KEY: usize = 4;

/// The key of a folded (ASCII, lower-case) word: equal for cognates of the two languages.
/// None for a word too short to tell.
pub fn key(folded: &str, english: bool) -> Option<String> {
    let mut word = folded.to_string();
    if english {
        word = english_spelling(&word);
    } else if let Some(ending) = NORWEGIAN_ENDINGS.iter().find(|e| word.len() > e.len() + MIN_KEY && word.ends_with(*e))
    {
        // "-itet" ("universitet") is a word's own ending, not an inflection.
        if !(word.ends_with("itet") && *ending == "et") {
            word.truncate(word.len() - ending.len());
        }
    }
    // "-ering" is Norwegian for "-ation": one ending for both, kept apart from "-ing".
    if let Some(stem) = word.strip_suffix("ering") {
        word = format!("{stem}asjon");
    }
    let mut key = String::with_capacity(word.len());
    for ch in word.chars() {
        let ch = if ch == 'y' { 'i' } else { ch };
        if !key.ends_with(ch) {
            key.push(ch);
        }
    }
    if key.len() > MIN_KEY && key.ends_with('e') {
        key.pop();
    }
    (key.len() >= MIN_KEY).then_some(key)
}

/// An English word spelled as Norwegian would spell it.
fn english_spelling(word: &str) -> String {
    let mut word = word.to_string();
    if let Some((ending, norwegian)) =
        ENGLISH_ENDINGS.iter().find(|(e, _)| word.len() > e.len() + 2 && word.ends_with(e))
    {
        word = format!("{}{norwegian}", &word[..word.len() - ending.len()]);
    } else if word.len() > MIN_KEY && word.ends_with('s') && !word.ends_with("ss") {
        word.pop();
    }
    for (english, norwegian) in ENGLISH_LETTERS {
        if word.contains(english) {
            word = word.replace(english, norwegian);
        }
    }
    // A "c" sounds as "s" before e, i and y, else as "k".
    let letters: Vec<char> = word.chars().collect();
    letters
        .iter()
        .enumerate()
        .map(|(i, &c)| match (c, letters.get(i + 1)) {
            ('c', Some('e' | 'i' | 'y')) => 's',
            ('c', _) => 'k',
            (c, _) => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates_of_the_two_languages_share_a_key() {
        for (english, norwegian) in [
            ("frequency", "frekvens"),
            ("frequencies", "frekvensene"),
            ("registration", "registrering"),
            ("digitalisation", "digitalisering"),
            ("archive", "arkiv"),
            ("statistics", "statistikk"),
            ("communication", "kommunikasjon"),
            ("satellite", "satellitt"),
            ("infrastructure", "infrastruktur"),
            ("university", "universitet"),
            ("control", "kontroll"),
            ("pension", "pensjon"),
            ("technology", "teknologi"),
            ("electronic", "elektronisk"),
            ("analysis", "analyse"),
            ("licence", "lisens"),
            ("vaccination", "vaksinasjon"),
        ] {
            assert_eq!(key(english, true), key(norwegian, false), "{english} / {norwegian}");
            assert!(key(english, true).is_some());
        }
    }

    #[test]
    fn other_words_keep_other_keys() {
        for (english, norwegian) in [("tax", "skatt"), ("police", "politi"), ("vehicle", "kjoretoy"), ("case", "sak")] {
            assert_ne!(key(english, true), key(norwegian, false), "{english} / {norwegian}");
        }
        assert_eq!(key("sak", false), None, "too short to tell");
        assert_ne!(key("registering", true), key("registrering", false), "-ing is not -ering");
    }
}
