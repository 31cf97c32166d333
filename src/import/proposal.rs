//! Detection's proposal as text: every column with a few of its values, the field samla
//! reads it as and how sure it is, and the `--map` that confirms it on the command line.

use super::layout::{Field, Layout};
use crate::error::ColumnGuess;
use crate::error::import::field_label;
use crate::i18n::{self, Lang};
use crate::text::{display_line, shorten};

/// The columns of a layout as the analyst is shown them.
pub fn guesses(layout: &Layout) -> Vec<ColumnGuess> {
    layout
        .columns
        .iter()
        .map(|c| ColumnGuess {
            header: c.header.clone(),
            samples: c.samples.clone(),
            field: c.field.map(|f| f.name().to_string()),
            confidence: c.confidence.map(|c| c.name().to_string()),
        })
        .collect()
}

/// How sure, in words.
pub fn confidence_label(confidence: &str, lang: Lang) -> &'static str {
    let text = match confidence {
        "low" => i18n::CONFIDENCE_LOW,
        "medium" => i18n::CONFIDENCE_MEDIUM,
        "confirmed" => i18n::CONFIDENCE_CONFIRMED,
        _ => i18n::CONFIDENCE_HIGH,
    };
    text.get(lang)
}

/// One line per column: «header» → field (how sure), then a few values.
pub fn describe(columns: &[ColumnGuess], lang: Lang) -> String {
    let width = columns.iter().map(|c| shorten(&c.header, 32).chars().count()).max().unwrap_or(0);
    let mut out = format!("  {}:\n", i18n::PROPOSAL.get(lang));
    for column in columns {
        let header = display_line(&shorten(&column.header, 32)).into_owned();
        let pad = " ".repeat(width.saturating_sub(header.chars().count()));
        let field = match (&column.field, &column.confidence) {
            (Some(field), Some(confidence)) => {
                let mark = if confidence == "low" { "?" } else { "" };
                format!("{}{mark} ({})", field_label(field, lang), confidence_label(confidence, lang))
            }
            (Some(field), None) => field_label(field, lang),
            (None, _) => format!("({})", i18n::NOT_USED.get(lang)),
        };
        let samples: Vec<String> =
            column.samples.iter().take(2).map(|s| format!("«{}»", display_line(&shorten(s, 28)))).collect();
        out.push_str(&format!("    «{header}»{pad}  → {field:<32}  {}\n", samples.join(", ")));
    }
    out
}

/// The `--map FIELD=COLUMN` arguments that give every mapped column as proposed (for the
/// analyst to confirm or correct on the command line).
pub fn suggested_maps(columns: &[ColumnGuess]) -> String {
    columns
        .iter()
        .filter_map(|c| Some(format!("--map {}={}", c.field.as_ref()?, shell_word(&c.header))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word the shell reads as written: quoted when it holds anything but letters, digits
/// and `._-`.
fn shell_word(text: &str) -> String {
    if !text.is_empty() && text.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-')) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// The mapping an analyst chose, field by field (for the terminal UI's preview).
pub fn mapping_of(columns: &[ColumnGuess]) -> Vec<(Field, String)> {
    columns.iter().filter_map(|c| Some((Field::parse(c.field.as_deref()?)?, c.header.clone()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess(header: &str, field: Option<&str>, confidence: Option<&str>) -> ColumnGuess {
        ColumnGuess {
            header: header.into(),
            samples: vec!["Første verdi".into(), "Andre".into()],
            field: field.map(str::to_string),
            confidence: confidence.map(str::to_string),
        }
    }

    #[test]
    fn the_proposal_names_fields_and_confidence_in_the_users_language() {
        let columns = vec![
            guess("Ref", Some("key"), Some("high")),
            guess("Navn på satsing", Some("title"), Some("low")),
            guess("Merknad", None, None),
        ];
        let text = describe(&columns, Lang::Nb);
        assert!(text.contains("«Ref»") && text.contains("nøkkel (sikker)"), "{text}");
        assert!(text.contains("tittel? (usikker)"), "{text}");
        assert!(text.contains("(ikke brukt)") && text.contains("«Første verdi»"), "{text}");
        assert!(describe(&columns, Lang::En).contains("title? (unsure)"));
        assert_eq!(suggested_maps(&columns), "--map key=Ref --map title='Navn på satsing'");
        assert_eq!(mapping_of(&columns), vec![(Field::Key, "Ref".into()), (Field::Title, "Navn på satsing".into())]);
    }
}
