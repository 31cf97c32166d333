//! Reading single values as sectors write them: amounts, years, dates, phases, risks,
//! lists of organisations and life events.

mod amount;
mod date;
mod vocabulary;

pub use crate::error::value::ValueProblem;
pub use amount::parse_amount;
pub use date::{parse_date, parse_year};
pub use vocabulary::ValueVocabulary;

pub use crate::model::YEARS;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed<T> {
    Value(T),
    /// Empty, or a word that means unknown ("ukjent", "-").
    Missing,
    /// Something was written that could not be read; the reason says what.
    Invalid(ValueProblem),
}

/// The names in a cell that may hold several organisations ("HOD/AID", "FIN, DFD", "HOD og
/// AID", "JD & FIN"), or None when it holds one. A name that itself holds a comma or "og"
/// stays whole: a part ending in a hyphen ("Barne-, ungdoms- og familiedepartementet")
/// joins the part after it.
pub fn ministry_parts(text: &str) -> Option<Vec<String>> {
    const SEPARATORS: [&str; 10] = [" og ", " and ", " & ", "&", "/", ",", ";", "|", "+", "\n"];
    let mut parts: Vec<String> = Vec::new();
    let mut joining = false;
    let mut rest = text;
    while !rest.is_empty() {
        let lower = rest.to_ascii_lowercase();
        let next = SEPARATORS.iter().filter_map(|sep| lower.find(sep).map(|at| (at, sep.len()))).min();
        let (piece, separator, after) = match next {
            Some((at, len)) => (&rest[..at], &rest[at..at + len], &rest[at + len..]),
            None => (rest, "", ""),
        };
        match parts.last_mut() {
            Some(last) if joining => {
                last.push_str(piece);
            }
            _ => parts.push(piece.to_string()),
        }
        joining = piece.trim_end().ends_with('-');
        if joining {
            if let Some(last) = parts.last_mut() {
                last.push_str(separator);
            }
        }
        rest = after;
    }
    let parts: Vec<String> = parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    (parts.len() > 1).then_some(parts)
}

/// Splits a cell holding several values: "a, b", "a; b", "a | b", "a / b", one per line.
pub fn split_list(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '|', '/', '\n']).map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_ministries_split_but_names_with_commas_and_og_stay_whole() {
        let parts = |text: &str| ministry_parts(text);
        assert_eq!(parts("HOD/AID"), Some(vec!["HOD".into(), "AID".into()]));
        assert_eq!(parts("HOD og AID"), Some(vec!["HOD".into(), "AID".into()]));
        assert_eq!(parts("JD & FIN"), Some(vec!["JD".into(), "FIN".into()]));
        assert_eq!(parts("FIN, DFD"), Some(vec!["FIN".into(), "DFD".into()]));
        assert_eq!(parts("Barne-, ungdoms- og familiedepartementet"), None);
        assert_eq!(
            parts("Helse- og omsorgsdepartementet / Arbeids- og inkluderingsdepartementet"),
            Some(vec!["Helse- og omsorgsdepartementet".into(), "Arbeids- og inkluderingsdepartementet".into()])
        );
        assert_eq!(parts("HOD"), None);
    }

    #[test]
    fn lists_split_on_common_separators() {
        let parts: Vec<&str> = split_list("Få barn | Ny i Norge; dodsfall-og-arv,\nx").collect();
        assert_eq!(parts, vec!["Få barn", "Ny i Norge", "dodsfall-og-arv", "x"]);
    }
}
