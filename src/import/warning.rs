//! What an import noticed about single values: the row is imported, the value left empty or
//! kept as written, and the analyst is told in their language.

use super::values::ValueProblem;
use crate::i18n::{self, Lang};
use serde::ser::SerializeStruct;

/// A value that was imperfect, on a line, in a field (samla's field name, or a header of
/// the file where no field applies).
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub line: usize,
    pub field: String,
    pub value: String,
    pub kind: WarningKind,
}

/// Why a value was warned about.
#[derive(Debug, Clone, PartialEq)]
pub enum WarningKind {
    NoKey,
    NoTitle,
    DuplicateKey { count: usize, kept_as: String },
    UnknownOwner,
    UnknownMinistry,
    UnknownLifeEvent,
    NegativeAmount,
    NoAmount,
    NotAnAmount(ValueProblem),
    Unreadable(ValueProblem),
    RepairedEncoding,
    KeyInSeveralSources,
    NoSuchInitiative,
    OutsideScale { scale: String },
    NotANumber,
}

impl WarningKind {
    /// The reason in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let nb = lang == Lang::Nb;
        let pick = |nb_text: &str, en_text: &str| if nb { nb_text.to_string() } else { en_text.to_string() };
        match self {
            WarningKind::NoKey => pick(
                "ingen nøkkel; raden kjennes igjen på tittelen fra runde til runde",
                "no key; the row is matched by its title across rounds",
            ),
            WarningKind::NoTitle => pick(
                "ingen tittel; tiltaket har fått nøkkelen som tittel til kilden retter den",
                "no title; the initiative is named by its key until the source gives one",
            ),
            WarningKind::DuplicateKey { count, kept_as } => {
                if nb {
                    format!("nøkkelen står {count} ganger i fila; denne raden lagres som {kept_as}")
                } else {
                    format!("the key appears {count} times in the file; this row is kept as {kept_as}")
                }
            }
            WarningKind::UnknownOwner => pick(
                "ukjent eier; lagret som skrevet (legg den til i organisations.toml)",
                "unknown owner; kept as written (add it to organisations.toml)",
            ),
            WarningKind::UnknownMinistry => pick("ukjent departement", "unknown ministry"),
            WarningKind::UnknownLifeEvent => pick("ukjent livshendelse", "unknown life event"),
            WarningKind::NegativeAmount => pick(
                "et negativt beløp er ingen søknad; står tomt (kilderaden beholder det)",
                "a negative amount is not a request; left empty (the source row keeps it)",
            ),
            WarningKind::NoAmount => pick("ikke noe beløp oppgitt", "no amount given"),
            WarningKind::NotAnAmount(problem) => {
                let lead = pick("ikke lest som beløp", "not read as an amount");
                format!("{lead}: {}", problem.message(lang))
            }
            WarningKind::Unreadable(problem) => problem.message(lang),
            WarningKind::RepairedEncoding => pick(
                "byte som ikke er UTF-8, er lest som Windows-1252; sjekk bokstavene på denne linjen",
                "bytes that are not UTF-8 were read as Windows-1252; check the letters on this line",
            ),
            WarningKind::KeyInSeveralSources => pick(
                "denne nøkkelen finnes i flere kilder; legg til en kildekolonne, eller bruk samlas id",
                "this key is in several sources; add a source column, or use samla's id",
            ),
            WarningKind::NoSuchInitiative => pick(
                "ingen tiltak har denne id-en eller nøkkelen; raden hoppes over",
                "no initiative has this id or key; the row is skipped",
            ),
            WarningKind::OutsideScale { scale } => {
                if nb {
                    format!("utenfor skalaen {scale}; ikke importert")
                } else {
                    format!("outside the scale {scale}; not imported")
                }
            }
            WarningKind::NotANumber => pick("ikke et tall; ikke importert", "not a number; not imported"),
        }
    }

    /// A stable name for scripts reading the JSON report.
    pub fn code(&self) -> &'static str {
        match self {
            WarningKind::NoKey => "no_key",
            WarningKind::NoTitle => "no_title",
            WarningKind::DuplicateKey { .. } => "duplicate_key",
            WarningKind::UnknownOwner => "unknown_owner",
            WarningKind::UnknownMinistry => "unknown_ministry",
            WarningKind::UnknownLifeEvent => "unknown_life_event",
            WarningKind::NegativeAmount => "negative_amount",
            WarningKind::NoAmount => "no_amount",
            WarningKind::NotAnAmount(_) => "not_an_amount",
            WarningKind::Unreadable(_) => "unreadable",
            WarningKind::RepairedEncoding => "repaired_encoding",
            WarningKind::KeyInSeveralSources => "key_in_several_sources",
            WarningKind::NoSuchInitiative => "no_such_initiative",
            WarningKind::OutsideScale { .. } => "outside_scale",
            WarningKind::NotANumber => "not_a_number",
        }
    }
}

impl Warning {
    /// The field as the analyst reads it: samla's field names in `lang`, a file's header
    /// as written.
    pub fn field_label(&self, lang: Lang) -> String {
        if self.field == "encoding" {
            return i18n::ENCODING.get(lang).to_string();
        }
        let samla_name = if self.field == "ministry" { "ministries" } else { self.field.as_str() };
        match i18n::field_name(samla_name) {
            Some(text) => text.get(lang).to_lowercase(),
            None if self.field == "key" => i18n::KEY.get(lang).to_lowercase(),
            None => self.field.clone(),
        }
    }
}

/// As JSON: `line`, `field`, `value`, the English `reason` and a stable `code`.
impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("Warning", 5)?;
        state.serialize_field("line", &self.line)?;
        state.serialize_field("field", &self.field)?;
        state.serialize_field("value", &self.value)?;
        state.serialize_field("reason", &self.kind.message(Lang::En))?;
        state.serialize_field("code", self.kind.code())?;
        state.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warnings_read_in_both_languages_and_name_fields_in_them() {
        let warning = Warning {
            line: 4,
            field: "amount_nok".into(),
            value: "15.03.2027".into(),
            kind: WarningKind::NotAnAmount(ValueProblem::LooksLikeDate),
        };
        assert_eq!(warning.kind.message(Lang::Nb), "ikke lest som beløp: ser ut som en dato, ikke et beløp");
        assert_eq!(warning.kind.message(Lang::En), "not read as an amount: looks like a date, not an amount");
        assert_eq!(warning.field_label(Lang::Nb), "søkt beløp");
        assert_eq!(warning.field_label(Lang::En), "requested amount");
        let json = serde_json::to_value(&warning).expect("json");
        assert_eq!(json["code"], "not_an_amount");
        assert_eq!(json["reason"], "not read as an amount: looks like a date, not an amount");
    }
}
