//! The command palette's search: actions whose description or name matches what was typed,
//! exact matches first, then those starting with it, then a word starting with it, then
//! the fuzzy ones, each group best fuzzy score first.

use super::super::action::Action;
use crate::config::Lang;

/// How well an action's words match the query: lower is better; None when not at all.
fn tier(description: &str, name: &str, query: &str, fuzzy: Option<i64>) -> Option<(u8, i64)> {
    let score = fuzzy.unwrap_or(0);
    if description == query || name == query {
        return Some((0, score));
    }
    if description.starts_with(query) || name.starts_with(query) {
        return Some((1, score));
    }
    let word_start =
        description.split(|c: char| !c.is_alphanumeric()).chain(name.split(' ')).any(|word| word.starts_with(query));
    if word_start {
        return Some((2, score));
    }
    fuzzy.map(|score| (3, score))
}

/// The actions matching `text`, best first; every action for an empty text.
pub fn palette_matches(text: &str, lang: Lang) -> Vec<Action> {
    use fuzzy_matcher::FuzzyMatcher;
    let query = text.trim().to_lowercase();
    if query.is_empty() {
        return Action::ALL.to_vec();
    }
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<((u8, i64), Action)> = Action::ALL
        .iter()
        .filter_map(|action| {
            let description = action.description().get(lang).to_lowercase();
            let name = action.name().replace('_', " ");
            let fuzzy = matcher.fuzzy_match(&format!("{description} {name}"), &query);
            tier(&description, &name, &query, fuzzy).map(|rank| (rank, *action))
        })
        .collect();
    scored.sort_by_key(|((tier, score), _)| (*tier, std::cmp::Reverse(*score)));
    scored.into_iter().map(|(_, a)| a).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_prefix_matches_come_before_fuzzy_ones() {
        // The action's own name, typed whole, is first.
        assert_eq!(palette_matches("undo", Lang::Nb).first(), Some(&Action::Undo));
        assert_eq!(palette_matches("Quit", Lang::En).first(), Some(&Action::Quit));
        // Descriptions that start with what was typed come before those that only hold it.
        let found = palette_matches("skjerm", Lang::Nb);
        let starts = |a: &Action| a.description().get(Lang::Nb).to_lowercase().starts_with("skjerm");
        let first_other = found.iter().position(|a| !starts(a)).unwrap_or(found.len());
        assert!(first_other >= 8, "the eight screens first: {found:?}");
        assert!(found[first_other..].iter().all(|a| !starts(a)), "{found:?}");
        // A word starting with the query beats a scattered fuzzy match.
        let export = palette_matches("eksport", Lang::Nb);
        assert_eq!(export.first(), Some(&Action::ExportView), "{export:?}");
        // Fuzzy still finds a misspelt word, after the rest.
        assert!(palette_matches("skjrm", Lang::Nb).contains(&Action::ScreenMatrix));
        assert_eq!(palette_matches("", Lang::Nb).len(), Action::ALL.len());
        assert!(palette_matches("zzzzqqq", Lang::Nb).is_empty());
    }
}
