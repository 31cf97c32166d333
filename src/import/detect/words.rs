//! A column header as words: camelCase, snake_case, kebab-case, `/` and punctuation split,
//! units and parentheses noted, Norwegian compounds split into their parts, every word
//! reduced to a stem. "forslagstittel" → forslag + tittel, "requestedSumNok" →
//! requested + sum (+ the unit NOK), "Beløp (1000 kr)" → beløp (× 1000).

use super::lexicon::Lexicon;

/// One header, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderWords {
    /// Stems of the words that say what the column is, in order, compounds split.
    pub words: Vec<String>,
    /// Where the head phrase ends: words from here on follow a preposition
    /// ("Navn | på tiltaket", "Risiko | for forsinkelse").
    pub head_end: usize,
    /// The unit the amounts are in, as a factor to whole kroner.
    pub unit_factor: Option<i64>,
    /// A currency other than kroner named in the header (EUR, USD …).
    pub foreign_currency: Option<String>,
    /// The header says its amounts are in kroner ("NOK", "kr", "kroner"), without a factor.
    pub kroner: bool,
    /// A year in the header ("Søkt beløp 2027").
    pub year: Option<i32>,
    /// Written as a question ("Hvilket behov dekkes?") or as "Om …" / "About …": a
    /// description's header.
    pub asks: bool,
    /// Alternatives written with "/" ("Kommune/virksomhet"), each read on its own.
    pub alternatives: Vec<HeaderWords>,
}

impl HeaderWords {
    /// The head phrase's words (before any preposition).
    pub fn head_phrase(&self) -> &[String] {
        &self.words[..self.head_end.min(self.words.len())]
    }
}

/// Reads `header` into words with the lexicon's stems and compounds.
pub fn read_header(header: &str, lexicon: &Lexicon) -> HeaderWords {
    let mut read = read_one(header, lexicon);
    if header.contains('/') && !header.contains("//") {
        read.alternatives = header.split('/').filter(|p| !p.trim().is_empty()).map(|p| read_one(p, lexicon)).collect();
        if read.alternatives.len() < 2 {
            read.alternatives.clear();
        }
    }
    read
}

fn read_one(header: &str, lexicon: &Lexicon) -> HeaderWords {
    let trimmed = header.trim();
    let mut out =
        HeaderWords { asks: trimmed.ends_with('?'), unit_factor: lexicon.unit_in(trimmed), ..HeaderWords::default() };
    let mut in_parentheses = false;
    let mut after_preposition = false;
    for raw in split_words(trimmed) {
        match raw {
            Piece::Open => in_parentheses = true,
            Piece::Close => in_parentheses = false,
            Piece::Word(word) => {
                let lower = word.to_lowercase();
                if let Ok(year) = lower.parse::<i32>() {
                    if lower.len() == 4 && (crate::import::values::YEARS).contains(&year) {
                        out.year = Some(year);
                    }
                }
                if lexicon.is_unit_word(&lower) {
                    continue;
                }
                if matches!(lower.as_str(), "nok" | "kr" | "kroner" | "krone") {
                    out.kroner = true;
                    continue;
                }
                if lexicon.is_currency(&lower) {
                    out.foreign_currency.get_or_insert_with(|| word.to_uppercase());
                    continue;
                }
                if lexicon.is_noise(&lower) || lower.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                // "Hva skal tiltaket gjøre": a question; "Hva" alone names nothing.
                if lexicon.is_question_word(&lower) && out.words.is_empty() && trimmed.split_whitespace().count() >= 3 {
                    out.asks = true;
                }
                if lexicon.is_preposition(&lower) {
                    // "Om tiltaket", "About the measure": a description's header.
                    if out.words.is_empty() && lexicon.is_about(&lower) {
                        out.asks = true;
                    }
                    if !out.words.is_empty() && !after_preposition {
                        out.head_end = out.words.len();
                        after_preposition = true;
                    }
                    continue;
                }
                if in_parentheses && !out.words.is_empty() {
                    // "(lav–høy)", "(T)": a qualifier, not what the column is.
                    continue;
                }
                for part in lexicon.split_compound(&lower) {
                    out.words.push(part);
                }
            }
        }
    }
    if !after_preposition {
        out.head_end = out.words.len();
    }
    out
}

enum Piece<'a> {
    Word(&'a str),
    Open,
    Close,
}

/// Words of a header: split at every character that is not a letter or digit, and inside
/// words at a lower-to-upper case change ("measureTitle") and between letters and digits.
fn split_words(text: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut start: Option<usize> = None;
    let mut previous: Option<char> = None;
    for (at, ch) in text.char_indices() {
        let boundary = match (previous, start) {
            (Some(p), Some(_)) if ch.is_alphanumeric() => {
                (p.is_lowercase() && ch.is_uppercase())
                    || (p.is_alphabetic() && ch.is_ascii_digit())
                    || (p.is_ascii_digit() && ch.is_alphabetic())
            }
            _ => false,
        };
        if boundary {
            if let Some(s) = start.take() {
                pieces.push(Piece::Word(&text[s..at]));
            }
        }
        if ch.is_alphanumeric() {
            start.get_or_insert(at);
        } else {
            if let Some(s) = start.take() {
                pieces.push(Piece::Word(&text[s..at]));
            }
            match ch {
                '(' | '[' => pieces.push(Piece::Open),
                ')' | ']' => pieces.push(Piece::Close),
                _ => {}
            }
        }
        previous = Some(ch);
    }
    if let Some(s) = start {
        pieces.push(Piece::Word(&text[s..]));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(header: &str) -> Vec<String> {
        read_header(header, &Lexicon::builtin()).words
    }

    fn stems(list: &[&str]) -> Vec<String> {
        let lexicon = Lexicon::builtin();
        list.iter().map(|w| lexicon.stem(w)).collect()
    }

    #[test]
    fn case_changes_underscores_and_dashes_split_words() {
        assert_eq!(words("measureTitle"), stems(&["measure", "title"]));
        assert_eq!(words("lead_agency"), stems(&["lead", "agency"]));
        assert_eq!(words("tiltak-id"), stems(&["tiltak", "id"]));
        assert_eq!(words("Tiltak ID"), stems(&["tiltak", "id"]));
        assert_eq!(words("TILTAKSNAVN"), stems(&["tiltak", "navn"]));
    }

    #[test]
    fn units_years_and_currencies_are_noted_not_words() {
        let lexicon = Lexicon::builtin();
        let read = read_header("Søkt beløp 2027 (mill. kr)", &lexicon);
        assert_eq!(read.words, stems(&["søkt", "beløp"]));
        assert_eq!(read.unit_factor, Some(1_000_000));
        assert_eq!(read.year, Some(2027));
        let read = read_header("budgetAmountEur", &lexicon);
        assert_eq!(read.foreign_currency.as_deref(), Some("EUR"));
        assert_eq!(read_header("Beløp (1 000 kr)", &lexicon).unit_factor, Some(1_000));
        assert_eq!(read_header("Beløp i tusen kroner", &lexicon).unit_factor, Some(1_000));
    }

    #[test]
    fn prepositions_end_the_head_phrase_and_questions_ask() {
        let lexicon = Lexicon::builtin();
        let read = read_header("Navn på tiltaket", &lexicon);
        assert_eq!(read.head_phrase(), stems(&["navn"]).as_slice());
        assert!(!read.asks);
        assert!(read_header("Hvilket behov dekkes?", &lexicon).asks);
        assert!(read_header("Om tiltaket", &lexicon).asks);
        assert!(read_header("What does it do", &lexicon).asks);
    }

    #[test]
    fn alternatives_with_a_slash_are_read_each() {
        let read = read_header("Kommune/virksomhet", &Lexicon::builtin());
        assert_eq!(read.alternatives.len(), 2);
        assert_eq!(read.alternatives[1].words, stems(&["virksomhet"]));
    }
}
