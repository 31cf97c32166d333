//! Nynorsk read as bokmål, for comparison: "løysing" → "løsning", "teneste" → "tjeneste",
//! "sakshandsaming" → "saksbehandling", "innbyggjar" → "innbyggar".
//!
//! Rules for the frequent spellings that tell the two written forms apart, and the small
//! words and common words that differ outright. Each rule fires only on a spelling bokmål
//! never uses, so it is safe on any Norwegian text. Endings ("-ar"/"-er", "-ane"/"-ene",
//! "-leg"/"-lig", "-a"/"-e") are left to the Snowball stemmer, which strips both forms alike.

use std::borrow::Cow;

/// Small words that differ outright, nynorsk → bokmål (lower case), read as whole words.
const FUNCTION_WORDS: &[(&str, &str)] = &[
    ("ikkje", "ikke"),
    ("kva", "hva"),
    ("korleis", "hvordan"),
    ("kvar", "hver"),
    ("kven", "hvem"),
    ("kvifor", "hvorfor"),
    ("frå", "fra"),
    ("ein", "en"),
    ("eit", "et"),
    ("dei", "de"),
    ("desse", "disse"),
    ("noko", "noe"),
    ("nokon", "noen"),
    ("nokre", "noen"),
    ("mykje", "mye"),
    ("meir", "mer"),
    ("fleire", "flere"),
    ("berre", "bare"),
    ("òg", "også"),
    ("utan", "uten"),
    ("innan", "innen"),
    ("vart", "ble"),
    ("vert", "blir"),
    ("verte", "bli"),
    ("hjå", "hos"),
    ("medan", "mens"),
    ("sidan", "siden"),
    ("enno", "ennå"),
    ("difor", "derfor"),
    ("dessutan", "dessuten"),
    ("elles", "ellers"),
    ("sjølv", "selv"),
    ("heile", "hele"),
    ("heil", "hel"),
    ("betre", "bedre"),
];

/// Common words of public administration whose nynorsk form no rule reaches, nynorsk →
/// bokmål. Read as whole words and, from [`MIN_MEMBER`] letters, as the first or last
/// member of a compound ("byggjeløyve", "skuleskyss", "eigedomsskatt").
const CONTENT_WORDS: &[(&str, &str)] = &[
    ("yting", "ytelse"),
    ("ytingar", "ytelser"),
    ("avgjerd", "avgjørelse"),
    ("avgjerder", "avgjørelser"),
    ("føremål", "formål"),
    ("oppgåve", "oppgave"),
    ("oppgåver", "oppgaver"),
    ("bustad", "bolig"),
    ("bustader", "boliger"),
    ("namn", "navn"),
    ("stad", "sted"),
    ("stader", "steder"),
    ("tilskot", "tilskudd"),
    ("løyve", "tillatelse"),
    ("løyva", "tillatelser"),
    ("løyvet", "tillatelsen"),
    ("vatn", "vann"),
    ("breiband", "bredbånd"),
    ("open", "åpen"),
    ("opne", "åpne"),
    ("ope", "åpent"),
    ("eigen", "egen"),
    ("eige", "eget"),
    ("eigne", "egne"),
    ("eigar", "eier"),
    ("eigarar", "eiere"),
    ("eigedom", "eiendom"),
    ("eigedomar", "eiendommer"),
    ("einskild", "enkelt"),
    ("einskilde", "enkelte"),
    ("auke", "øke"),
    ("aukar", "øker"),
    ("auka", "økt"),
    ("skule", "skole"),
    ("skular", "skoler"),
    ("kyrkje", "kirke"),
    ("born", "barn"),
    ("gjere", "gjøre"),
    ("gjer", "gjør"),
    ("seie", "si"),
    ("spørje", "spørre"),
    ("krevje", "kreve"),
    ("vere", "være"),
    ("fråvær", "fravær"),
    ("pengar", "penger"),
    ("rekneskap", "regnskap"),
    ("verje", "verge"),
    ("verjemål", "vergemål"),
    ("opphald", "opphold"),
    ("hamn", "havn"),
    ("samferdsle", "samferdsel"),
    ("køyretøy", "kjøretøy"),
    ("førarkort", "førerkort"),
    ("mogleg", "mulig"),
    ("moglegheit", "mulighet"),
    ("moglegheiter", "muligheter"),
    ("naudsynt", "nødvendig"),
];

/// Pieces inside a word (compounds included): nynorsk spelling → bokmål spelling. None of
/// the nynorsk pieces occurs in a bokmål word.
const INSIDE: &[(&str, &str)] = &[
    ("løysing", "løsning"),
    ("løys", "løs"),
    ("tenest", "tjenest"),
    ("handsam", "behandl"),
    ("verksemd", "virksomhet"),
    ("heilskap", "helhet"),
    ("sjuk", "syk"),
    ("naud", "nød"),
    ("straum", "strøm"),
    ("søkj", "søk"),
    ("sjølv", "selv"),
    ("ggj", "gg"),
    ("kkj", "kk"),
    ("lgj", "lg"),
];

/// Beginnings of words: nynorsk → bokmål.
const START: &[(&str, &str)] = &[("saman", "sammen"), ("heim", "hjem")];

/// Ends of words: nynorsk → bokmål, for words at least [`MIN_ENDING_WORD`] long.
const END: &[(&str, &str)] = &[
    ("eheim", "ehjem"),
    ("leik", "het"),
    ("heit", "het"),
    ("heita", "heten"),
    ("heiter", "heter"),
    ("heitene", "hetene"),
    ("laus", "løs"),
    ("lause", "løse"),
    ("arar", "ere"),
    ("arane", "erne"),
    ("gjering", "gjøring"),
];

/// Shorter words keep their ending: "laus" or "heit" alone are not nynorsk endings.
const MIN_ENDING_WORD: usize = 6;

/// A content word this long or longer is read inside compounds too, where the rest of the
/// compound is at least [`MIN_REST`] letters.
const MIN_MEMBER: usize = 5;
const MIN_REST: usize = 3;

/// A lower-case Norwegian word in its bokmål spelling (unchanged when it is one already).
pub fn to_bokmal(word: &str) -> Cow<'_, str> {
    let whole = FUNCTION_WORDS.iter().chain(CONTENT_WORDS).find(|(nynorsk, _)| *nynorsk == word);
    if let Some(&(_, bokmal)) = whole {
        return Cow::Borrowed(bokmal);
    }
    let mut out = compound_members(word);
    for (nynorsk, bokmal) in INSIDE {
        if out.contains(nynorsk) {
            out = Cow::Owned(out.replace(nynorsk, bokmal));
        }
    }
    for (nynorsk, bokmal) in START {
        if let Some(rest) = out.strip_prefix(nynorsk) {
            out = Cow::Owned(format!("{bokmal}{rest}"));
        }
    }
    if out.chars().count() >= MIN_ENDING_WORD {
        // The longest matching ending: "heitene" before "heit".
        let ending = END.iter().filter(|(nynorsk, _)| out.ends_with(nynorsk)).max_by_key(|(nynorsk, _)| nynorsk.len());
        if let Some((nynorsk, bokmal)) = ending {
            let stem = &out[..out.len() - nynorsk.len()];
            out = Cow::Owned(format!("{stem}{bokmal}"));
        }
    }
    out
}

/// A compound with nynorsk content words as its first or last member (or both), those
/// members in bokmål ("byggjeløyve" → "byggetillatelse", "eigedomstilskot" →
/// "eiendomstilskudd").
fn compound_members(word: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(word);
    let long_enough = CONTENT_WORDS.iter().filter(|(n, _)| n.chars().count() >= MIN_MEMBER);
    let rest = |whole: &str, member: &str| whole.chars().count().saturating_sub(member.chars().count());
    if let Some((nynorsk, bokmal)) = long_enough.clone().find(|(n, _)| out.starts_with(n) && rest(&out, n) >= MIN_REST)
    {
        out = Cow::Owned(format!("{bokmal}{}", &out[nynorsk.len()..]));
    }
    if let Some((nynorsk, bokmal)) = long_enough.clone().find(|(n, _)| out.ends_with(n) && rest(&out, n) >= MIN_REST) {
        out = Cow::Owned(format!("{}{bokmal}", &out[..out.len() - nynorsk.len()]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frequent_nynorsk_forms_read_as_bokmal() {
        for (nynorsk, bokmal) in [
            ("løysing", "løsning"),
            ("fellesløysingar", "fellesløsningar"),
            ("teneste", "tjeneste"),
            ("helsetenestene", "helsetjenestene"),
            ("sakshandsaming", "saksbehandling"),
            ("handsamar", "behandlar"),
            ("verksemder", "virksomheter"),
            ("innbyggjarar", "innbyggere"),
            ("byggje", "bygge"),
            ("sjukehus", "sykehus"),
            ("tryggleik", "trygghet"),
            ("moglegheit", "mulighet"),
            ("samanhengande", "sammenhengande"),
            ("heimeteneste", "hjemetjeneste"),
            ("sjukeheim", "sykehjem"),
            ("kunngjering", "kunngjøring"),
            ("arbeidslaus", "arbeidsløs"),
            ("ikkje", "ikke"),
            ("frå", "fra"),
            ("byggjeløyve", "byggetillatelse"),
            ("skuleskyss", "skoleskyss"),
            ("eigedomsskatt", "eiendomsskatt"),
            ("eigedomstilskot", "eiendomstilskudd"),
            ("sjølvbetening", "selvbetening"),
        ] {
            assert_eq!(to_bokmal(nynorsk), bokmal, "{nynorsk}");
        }
    }

    #[test]
    fn bokmal_words_are_left_as_they_are() {
        for word in [
            "løsning",
            "tjenester",
            "saksbehandling",
            "virksomhet",
            "innbyggere",
            "innkjøp",
            "helsekjede",
            "forkjølelse",
            "ansvar",
            "svar",
            "trondheim",
            "kollektivtrafikk",
            "arbeidsledighet",
            "automatisering",
            "varslingstjeneste",
            "søknad",
            "sykehjem",
        ] {
            assert_eq!(to_bokmal(word), word);
        }
    }
}
