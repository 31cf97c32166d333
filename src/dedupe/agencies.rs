//! Agency names taken out of titles before titles are compared: "Skatteetaten: digital
//! søknad om X", "Digital søknad om X i regi av Skatteetaten" and "Skatteetatens løsning for
//! søknad om X" are the same initiative as another agency's "Digital søknad om X", and two
//! initiatives of one agency are not alike for sharing its name.
//!
//! The names are those of the reference data (ministries, agencies, the municipal sector:
//! names, codes and aliases) and whatever the portfolio's own owner column says. A name is
//! matched as whole words, also in the genitive ("Skatteetatens"), and only where it is
//! written as a name: with a capital letter, unless the whole title is in one case.

use super::FastMap as HashMap;
use super::normalise::is_stop_word;
use crate::text::fold;
use std::borrow::Cow;

/// Words that tie an owner's name to a title without saying what the initiative is: "i regi
/// av X" ("run by X"). Removed together with the name.
const TIES: &[&[&str]] = &[&["i", "regi", "av"], &["regi", "av"], &["in", "charge", "of"], &["run", "by"]];

/// Owner names, as runs of folded words.
#[derive(Debug, Default, Clone)]
pub struct AgencyNames {
    /// First folded word → names starting with it (each as its folded words).
    by_first: HashMap<String, Vec<Vec<String>>>,
}

/// One word of a title: where it is, and its folded form.
struct Token {
    start: usize,
    end: usize,
    folded: String,
    capital: bool,
}

impl AgencyNames {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for name in names {
            let words: Vec<String> = fold(name).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect();
            // A name of stop words only ("Og") would take words out of every title.
            if words.iter().all(|w| is_stop_word(w) || w.len() < 2) {
                continue;
            }
            let list = by_first.entry(words[0].clone()).or_default();
            if !list.contains(&words) {
                list.push(words);
            }
        }
        for list in by_first.values_mut() {
            list.sort_by_key(|words| std::cmp::Reverse(words.len()));
        }
        Self { by_first }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// `title` without the owner names it holds where a title names its owner: at its start
    /// ("X: …", "X – …", "Xs løsning for …"), tied to it ("… i regi av X"), in parentheses
    /// ("… (X)"), and `own` (the record's own owner) anywhere. Elsewhere a name is what the
    /// initiative is about or for ("… i Bystad kommune"), and stays. A title that would be
    /// left without a content word is kept as it is.
    pub fn strip<'t>(&self, title: &'t str, own: Option<&str>) -> Cow<'t, str> {
        if self.by_first.is_empty() {
            return Cow::Borrowed(title);
        }
        let tokens = tokens(title);
        let one_case = !title.chars().any(char::is_uppercase) || !title.chars().any(char::is_lowercase);
        let own: Vec<String> =
            own.map(|o| fold(o).split(' ').filter(|w| !w.is_empty()).map(str::to_string).collect()).unwrap_or_default();
        let mut removed = vec![false; tokens.len()];
        let mut at = 0;
        while at < tokens.len() {
            let found = self.name_at(&tokens, at, one_case);
            let owns = found.is_some_and(|(length, genitive)| {
                let place = Place { title, tokens: &tokens, at, length };
                place.is_own(&own) || place.names_owner(genitive)
            });
            match found.filter(|_| owns) {
                Some((length, _)) => {
                    removed[at..at + length].iter_mut().for_each(|r| *r = true);
                    mark_tie(&tokens, at, &mut removed);
                    at += length;
                }
                None => at += 1,
            }
        }
        let content_left =
            tokens.iter().zip(&removed).any(|(t, r)| !r && t.folded.len() >= 2 && !is_stop_word(&t.folded));
        if !removed.contains(&true) || !content_left {
            return Cow::Borrowed(title);
        }
        let mut out = String::with_capacity(title.len());
        let mut from = 0;
        for (token, _) in tokens.iter().zip(&removed).filter(|(_, r)| **r) {
            out.push_str(&title[from..token.start]);
            out.push(' ');
            from = token.end;
        }
        out.push_str(&title[from..]);
        Cow::Owned(out)
    }

    /// How many tokens from `at` are a name (the longest that fits), and whether its last
    /// word is in the genitive ("Skatteetatens"), if any.
    fn name_at(&self, tokens: &[Token], at: usize, one_case: bool) -> Option<(usize, bool)> {
        if !one_case && !tokens[at].capital {
            return None;
        }
        let first = &tokens[at].folded;
        let genitive = first.strip_suffix('s').unwrap_or(first);
        let candidates = self.by_first.get(first).into_iter().chain(self.by_first.get(genitive)).flatten();
        candidates
            .filter(|name| at + name.len() <= tokens.len())
            .find(|name| {
                let (last, rest) = (name.len() - 1, &tokens[at..at + name.len()]);
                rest.iter().zip(name.iter()).enumerate().all(|(i, (token, word))| {
                    token.folded == *word || (i == last && token.folded.strip_suffix('s') == Some(word.as_str()))
                })
            })
            .map(|name| (name.len(), tokens[at + name.len() - 1].folded != name[name.len() - 1]))
    }
}

/// Where a name stands in a title.
struct Place<'a> {
    title: &'a str,
    tokens: &'a [Token],
    at: usize,
    length: usize,
}

impl Place<'_> {
    /// The name is the record's own owner's.
    fn is_own(&self, own: &[String]) -> bool {
        let words = &self.tokens[self.at..self.at + self.length];
        !own.is_empty()
            && own.len() == words.len()
            && words.iter().zip(own).enumerate().all(|(i, (token, word))| {
                token.folded == *word || (i == own.len() - 1 && token.folded.strip_suffix('s') == Some(word.as_str()))
            })
    }

    /// The title names an owner here: at its start before a separator or in the genitive,
    /// after a tie ("i regi av"), or in parentheses.
    fn names_owner(&self, genitive: bool) -> bool {
        let (start, end) = (self.tokens[self.at].start, self.tokens[self.at + self.length - 1].end);
        let after =
            self.tokens.get(self.at + self.length).map_or(&self.title[end..], |next| &self.title[end..next.start]);
        let before = &self.title[..start];
        let leading = self.at == 0 && (genitive || after.contains([':', '–', '-', '—', '|']));
        let tied = TIES.iter().any(|tie| {
            self.at >= tie.len()
                && self.tokens[self.at - tie.len()..self.at].iter().zip(tie.iter()).all(|(t, w)| t.folded == *w)
        });
        let bracketed = before.trim_end().ends_with('(') && after.trim_start().starts_with(')');
        leading || tied || bracketed
    }
}

/// Marks the tie words ("i regi av") right before a name at `at` as removed too.
fn mark_tie(tokens: &[Token], at: usize, removed: &mut [bool]) {
    for tie in TIES {
        if at >= tie.len() && tokens[at - tie.len()..at].iter().zip(tie.iter()).all(|(t, w)| t.folded == *w) {
            removed[at - tie.len()..at].iter_mut().for_each(|r| *r = true);
            return;
        }
    }
}

/// The runs of letters and digits of a title.
fn tokens(title: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (index, ch) in title.char_indices().chain(std::iter::once((title.len(), ' '))) {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                let piece = &title[from..index];
                let capital = piece.chars().next().is_some_and(char::is_uppercase);
                out.push(Token { start: from, end: index, folded: fold(piece), capital });
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> AgencyNames {
        AgencyNames::new(["Parkeringsetaten", "Statens parkeringsvesen", "PKV", "Bystad kommune", "Og"])
    }

    #[test]
    fn takes_an_owner_name_out_wherever_a_title_puts_it() {
        let names = names();
        let plain = |t: &str| fold(&names.strip(t, None));
        assert_eq!(plain("Parkeringsetaten: digital søknad om bobilparkering"), "digital soknad om bobilparkering");
        assert_eq!(plain("Digital søknad om bobilparkering i regi av PKV"), "digital soknad om bobilparkering");
        assert_eq!(plain("Statens parkeringsvesens løsning for bobilparkering"), "losning for bobilparkering");
        assert_eq!(plain("Bystad kommune – søknad om bobilparkering"), "soknad om bobilparkering");
        assert_eq!(plain("SØKNAD OM BOBILPARKERING (PARKERINGSETATEN)"), "soknad om bobilparkering");
    }

    #[test]
    fn leaves_titles_alone_where_no_name_is_meant() {
        let names = names();
        for title in [
            "Tilsyn med parkeringsetaten og kommunene",
            "Parkeringsetaten",
            "Statens vegvesen: digital søknad",
            "Og så videre om parkering",
            "Digital søknad om bobilparkering i Bystad kommune",
        ] {
            assert_eq!(names.strip(title, None), title, "{title}");
        }
        assert!(AgencyNames::default().strip("Parkeringsetaten: x", None).starts_with("Parkeringsetaten"));
    }

    #[test]
    fn the_records_own_owner_goes_wherever_it_stands() {
        let names = names();
        let title = "Digital søknad om bobilparkering i Bystad kommune";
        assert_eq!(fold(&names.strip(title, Some("Bystad kommune"))), "digital soknad om bobilparkering i");
        assert_eq!(names.strip(title, Some("PKV")), title, "another owner's scope stays");
    }
}
