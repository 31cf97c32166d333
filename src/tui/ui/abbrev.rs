//! Column headers for names longer than their column: the name when it fits, else its
//! words without the small ones, else the words that tell it from the other headers, cut
//! with "…"; never two headers alike (a number tells the last ones apart).

use crate::text::truncate_to_width;
use unicode_width::UnicodeWidthStr;

/// Words that tell no header from another.
const SMALL_WORDS: [&str; 14] = ["og", "en", "et", "ei", "i", "av", "for", "til", "med", "and", "a", "the", "of", "in"];

fn words(name: &str) -> Vec<&str> {
    let without_parentheses = name.split('(').next().unwrap_or(name);
    without_parentheses
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .collect()
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

/// One header for `name` in `width` columns, knowing the `others`.
fn header(name: &str, others: &[&str], width: usize) -> String {
    if name.width() <= width {
        return name.to_string();
    }
    let own = words(name);
    let joined = own.join(" ");
    if joined.width() <= width {
        return capitalised(&joined);
    }
    let other_words: Vec<String> = others.iter().flat_map(|o| words(o)).map(str::to_lowercase).collect();
    let telling: Vec<&str> = own.iter().copied().filter(|w| !other_words.contains(&w.to_lowercase())).collect();
    let chosen = if telling.is_empty() { joined } else { telling.join(" ") };
    capitalised(&truncate_to_width(&chosen, width))
}

/// Headers for `names` in `width` columns each, all different.
pub fn headers(names: &[&str], width: usize) -> Vec<String> {
    let mut out: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let others: Vec<&str> = names.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, n)| *n).collect();
            header(name, &others, width)
        })
        .collect();
    for i in 0..out.len() {
        if out[..i].contains(&out[i]) {
            let number = (i + 1).to_string();
            let room = width.saturating_sub(number.width() + 1);
            out[i] = format!("{}~{number}", truncate_to_width(&out[i], room).trim_end_matches('…'));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVENTS: [&str; 8] = [
        "Få barn",
        "Alvorlig sykt barn",
        "Miste og finne jobb",
        "Ny i Norge",
        "Dødsfall og arv",
        "Starte og drive en bedrift",
        "Starte og drive en frivillig organisasjon",
        "(ingen)",
    ];

    #[test]
    fn headers_never_collide_and_fit_at_any_width() {
        for width in 4..30 {
            let list = headers(&EVENTS, width);
            for (i, header) in list.iter().enumerate() {
                assert!(header.width() <= width, "{header} at {width}");
                assert!(!list[..i].contains(header), "{header} twice at {width}: {list:?}");
            }
        }
    }

    #[test]
    fn headers_keep_the_words_that_tell_names_apart() {
        let list = headers(&EVENTS, 9);
        assert_eq!(list[0], "Få barn");
        assert_eq!(list[3], "Ny Norge");
        assert!(list[5].starts_with("Bedrift"), "{list:?}");
        assert!(list[6].starts_with("Frivill"), "{list:?}");
    }
}
