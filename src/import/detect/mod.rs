//! Which column is which, in a file nobody showed us: the header row found, each header
//! read by its words (`words`, `lexicon`), each column by its values (`profile`), and the
//! two weighed together into one field per column (`assign`), with a confidence that tells
//! the analyst when to check.

pub mod assign;
pub mod lexicon;
pub mod profile;
pub mod words;

use super::layout::{
    ColumnMapping, ColumnProposal, Confidence, Field, Layout, LayoutError, LayoutNote, mapped_columns,
};
use super::read::RawRow;
use assign::{Choice, LEAST_SCORE, assign, column_scores, header_scores};
use lexicon::Lexicon;
pub use profile::Knowledge;
use profile::{Profile, profile};
use words::{HeaderWords, read_header};

/// How many rows from the top may hold the header row.
pub const HEADER_SCAN_ROWS: usize = 30;
/// How many data rows below it are read to profile the columns.
pub const PROFILE_ROWS: usize = 200;
/// Columns past this many are read by their headers only (a file may have 10 000).
const PROFILED_COLUMNS: usize = 256;

/// What the analyst said about the columns: `--map FIELD=COLUMN` now (refused when it names
/// no column), and the mapping confirmed for the source's last round (used where it fits).
#[derive(Debug, Clone, Copy, Default)]
pub struct Given<'a> {
    pub mapped: &'a [(Field, String)],
    pub remembered: &'a [(Field, String)],
}

/// Finds the header row among the first rows of `rows` (a title row or blank rows may stand
/// above it), then which column holds which field. What the analyst gave wins.
pub fn detect(
    rows: &[RawRow],
    lexicon: &Lexicon,
    knowledge: &Knowledge<'_>,
    given: Given<'_>,
) -> Result<Layout, LayoutError> {
    let hints: Vec<(Field, String)> = given.mapped.iter().chain(given.remembered).cloned().collect();
    let header_index = header_row(rows, lexicon, knowledge, &hints)?;
    let header_row = &rows[header_index];
    let headers: Vec<String> = header_row
        .texts()
        .enumerate()
        .map(|(i, text)| {
            let text = crate::text::collapse_whitespace(text).into_owned();
            if text.is_empty() { format!("column {}", i + 1) } else { text }
        })
        .collect();
    let mut mapping = mapped_columns(&headers, &with_remembered(&headers, given))?;
    let data = &rows[header_index + 1..];
    let read: Vec<HeaderWords> = headers.iter().map(|h| read_header(h, lexicon)).collect();
    let profiles: Vec<Profile> = (0..headers.len())
        .map(|column| {
            if column >= PROFILED_COLUMNS {
                return Profile::default();
            }
            let cells = data.iter().take(PROFILE_ROWS).map(|row| (row.text(column).unwrap_or(""), row.number(column)));
            profile(cells, knowledge)
        })
        .collect();
    let mut scores: Vec<[f64; Field::COUNT]> = headers
        .iter()
        .zip(&read)
        .zip(&profiles)
        .map(|((header, words), p)| column_scores(header_scores(header, words, lexicon), p))
        .collect();
    code_and_name_pairs(&read, lexicon, &mut scores);
    let mut taken_columns: Vec<usize> = mapping.iter().map(|m| m.column).collect();
    let taken_fields: Vec<Field> = mapping.iter().map(|m| m.field).collect();
    // Amounts in another currency are never read as kroner: such a column takes no field.
    let mut notes = Vec::new();
    for (column, words) in read.iter().enumerate() {
        if let Some(currency) = &words.foreign_currency {
            if !taken_columns.contains(&column) {
                taken_columns.push(column);
                notes.push(LayoutNote::ForeignCurrency { header: headers[column].clone(), currency: currency.clone() });
            }
        }
    }
    for choice in assign(&scores, &taken_columns, &taken_fields) {
        mapping.push(mapping_of(&choice, &headers));
    }
    for m in &mut mapping {
        if m.field.is_amount() {
            m.unit_factor = read[m.column].unit_factor.or_else(|| lexicon.unit_in(&m.header));
            if m.unit_factor.is_none() && !read[m.column].kroner {
                infer_unit(m, &profiles[m.column], &mut notes);
            }
        }
    }
    mapping.sort_by_key(|m| m.column);
    notes.extend(money_kept(&mapping, &scores, &read, &headers));
    if !mapping.iter().any(|m| m.field == Field::Title) {
        let (columns, more) = crate::error::import::some_columns(&headers);
        return Err(LayoutError::NoTitle { columns, more });
    }
    let header_year = mapping.iter().filter(|m| m.field.is_amount()).find_map(|m| read[m.column].year);
    let unmapped = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !mapping.iter().any(|m| m.column == *i) && !h.starts_with("column "))
        .map(|(_, h)| h.clone())
        .collect();
    let columns = proposals(&headers, &profiles, &mapping);
    Ok(Layout { header_index, header_row: header_row.line, headers, mapping, unmapped, header_year, columns, notes })
}

/// The analyst's `--map`, and the remembered mapping's pairs whose header this file has and
/// that `--map` does not contradict.
fn with_remembered(headers: &[String], given: Given<'_>) -> Vec<(Field, String)> {
    use crate::text::fold;
    let mut all = given.mapped.to_vec();
    for (field, header) in given.remembered {
        let present = headers.iter().any(|h| fold(h) == fold(header));
        let clashes = all.iter().any(|(f, h)| f == field || fold(h) == fold(header));
        if present && !clashes {
            all.push((*field, header.clone()));
        }
    }
    all
}

/// Below this, a plain number in a money column without a unit is millions: no
/// digitalisation initiative asks for a few thousand kroner, and sectors write "12,5"
/// meaning MNOK.
const MILLIONS_BELOW: f64 = 10_000.0;
/// From here on, plain numbers are kroner; between the two the unit cannot be told.
const KRONER_FROM: f64 = 1_000_000.0;

/// The unit of a money column whose header names none, from its numbers: small numbers are
/// millions (and said so), large ones kroner, and in between samla asks. A column whose
/// cells write their own units ("12,5 mill.") keeps them, its plain numbers kroner.
fn infer_unit(mapping: &mut ColumnMapping, profile: &Profile, notes: &mut Vec<LayoutNote>) {
    let Some(median) = profile.plain_median else { return };
    if profile.own_units >= 0.3 {
        return;
    }
    if median < MILLIONS_BELOW {
        mapping.unit_factor = Some(1_000_000);
        notes.push(LayoutNote::MillionsAssumed { header: mapping.header.clone() });
    } else if median < KRONER_FROM && mapping.confidence != Confidence::Confirmed {
        mapping.confidence = Confidence::Low;
    }
}

fn mapping_of(choice: &Choice, headers: &[String]) -> ColumnMapping {
    ColumnMapping {
        field: choice.field,
        column: choice.column,
        header: headers[choice.column].clone(),
        unit_factor: None,
        from_map: false,
        confidence: choice.confidence,
    }
}

/// The header row: the row among the first whose cells read most like headers. A title
/// row ("Satsingsforslag 2027", merged across the sheet) holds one text repeated and is
/// passed over; without any header words, the first row with two filled cells.
fn header_row(
    rows: &[RawRow],
    lexicon: &Lexicon,
    knowledge: &Knowledge<'_>,
    overrides: &[(Field, String)],
) -> Result<usize, LayoutError> {
    let mut best: Option<(usize, f64)> = None;
    for (index, row) in rows.iter().enumerate().take(HEADER_SCAN_ROWS) {
        let texts: Vec<&str> = row.texts().map(str::trim).filter(|t| !t.is_empty()).collect();
        let mut distinct = texts.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // One text across several cells is a merged title ("Satsingsforslag 2027"); a lone
        // cell is a header only when it is short ("Tiltak"), not a sentence on a cover sheet.
        let lone_sentence = distinct.len() == 1 && distinct[0].split_whitespace().count() > LONE_HEADER_WORDS;
        if distinct.is_empty() || (distinct.len() == 1 && texts.len() > 1) || lone_sentence {
            continue;
        }
        // The row that holds the columns the analyst named is the header row.
        let named = overrides
            .iter()
            .filter(|(_, column)| distinct.iter().any(|t| crate::text::fold(t) == crate::text::fold(column)))
            .count();
        let score: f64 = distinct
            .iter()
            .map(|text| {
                let words = read_header(text, lexicon);
                let best = header_scores(text, &words, lexicon).into_iter().fold(0.0, f64::max).min(1.2);
                // A number other than a year ("Tiltak nr 7", "12,5") reads as data, and so
                // does a known agency, ministry, phase or life event ("Tolletaten").
                if is_known_value(text, knowledge) {
                    0.0
                } else if has_data_number(text, lexicon) {
                    best * 0.5
                } else {
                    best
                }
            })
            .filter(|s| *s >= LEAST_SCORE)
            .sum::<f64>()
            + named as f64 * NAMED_COLUMN;
        // A row further down must read clearly better to be the header.
        if score > 0.0 && best.is_none_or(|(_, s)| score > s + HEADER_MARGIN) {
            best = Some((index, score));
        }
    }
    let first_filled = rows.iter().position(|r| r.texts().filter(|t| !t.trim().is_empty()).count() >= 2);
    best.map(|(index, _)| index).or(first_filled).ok_or(LayoutError::NoHeaderRow)
}

/// A header row of one cell holds at most this many words.
const LONE_HEADER_WORDS: usize = 3;
/// What a column the analyst named by `--map` adds to its row's claim to be the header.
const NAMED_COLUMN: f64 = 2.0;

/// True when `text` is a value samla knows (an organisation, a phase, a life event):
/// data, not a header.
fn is_known_value(text: &str, knowledge: &Knowledge<'_>) -> bool {
    !knowledge.resolver.organisations_named(text).is_empty()
        || knowledge.resolver.life_event_named(text).is_some()
        || matches!(knowledge.vocabulary.phase(text), crate::import::values::Parsed::Value(_))
}

/// How much better a lower row must read than the one above to be the header.
const HEADER_MARGIN: f64 = 0.25;

/// True when `text` holds a number that is not a year or part of a unit ("1 000 kr").
fn has_data_number(text: &str, lexicon: &Lexicon) -> bool {
    let unit = lexicon.unit_in(text).is_some();
    text.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).any(|digits| {
        let year = digits.len() == 4 && digits.parse::<i32>().is_ok_and(|y| crate::import::values::YEARS.contains(&y));
        !(year || (unit && matches!(digits, "1000" | "000" | "1")))
    })
}

/// A code column and its name column ("kapittel" and "kapittel_tekst", "kapittel (T)"):
/// the name is the title (or the owner), the code the key.
fn code_and_name_pairs(read: &[HeaderWords], lexicon: &Lexicon, scores: &mut [[f64; Field::COUNT]]) {
    for (name, words) in read.iter().enumerate() {
        let Some((marker, base)) = words.words.split_last() else { continue };
        if base.is_empty() || !lexicon.is_text_marker(marker) {
            continue;
        }
        if let Some(code) = read.iter().position(|other| other.words == base) {
            scores[name][Field::Title.index()] += 0.5;
            scores[code][Field::Key.index()] += 0.4;
        }
    }
}

/// Money columns detection left unmapped: kept in the raw row, and said so.
fn money_kept(
    mapping: &[ColumnMapping],
    scores: &[[f64; Field::COUNT]],
    read: &[HeaderWords],
    headers: &[String],
) -> Vec<LayoutNote> {
    (0..headers.len())
        .filter(|c| !mapping.iter().any(|m| m.column == *c))
        .filter(|c| scores[*c][Field::AmountNok.index()].max(scores[*c][Field::TotalCostNok.index()]) >= LEAST_SCORE)
        .filter(|c| read[*c].foreign_currency.is_none())
        .map(|c| LayoutNote::MoneyKept { header: headers[c].clone() })
        .collect()
}

fn proposals(headers: &[String], profiles: &[Profile], mapping: &[ColumnMapping]) -> Vec<ColumnProposal> {
    headers
        .iter()
        .zip(profiles)
        .enumerate()
        .map(|(column, (header, profile))| {
            let chosen = mapping.iter().find(|m| m.column == column);
            ColumnProposal {
                header: header.clone(),
                samples: profile.samples.clone(),
                field: chosen.map(|m| m.field),
                confidence: chosen.map(|m| m.confidence),
            }
        })
        .collect()
}

/// The field a header alone names best, if any (for sheets read by their headers only,
/// such as score sheets).
pub fn header_field(header: &str, lexicon: &Lexicon) -> Option<Field> {
    let scores = header_scores(header, &read_header(header, lexicon), lexicon);
    Field::ALL
        .into_iter()
        .filter(|f| scores[f.index()] >= LEAST_SCORE)
        .max_by(|a, b| scores[a.index()].total_cmp(&scores[b.index()]))
}

/// True when every column the proposal needs is confirmed or found with confidence.
pub fn is_sure(layout: &Layout) -> bool {
    layout.unsure().is_empty()
}

/// The lowest confidence among the fields samla must be sure of.
pub fn least_confidence(layout: &Layout) -> Confidence {
    [Field::Title, Field::AmountNok, Field::Agency, Field::Ministry]
        .iter()
        .filter_map(|f| layout.column(*f).map(|m| m.confidence))
        .min()
        .unwrap_or(Confidence::High)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::values::ValueVocabulary;
    use crate::reference::ReferenceSource;
    use crate::store::{Resolver, Store};

    pub(super) fn layout_of(rows: &[&[&str]]) -> Result<Layout, LayoutError> {
        let store = Store::open_in_memory().expect("store");
        let resolver = Resolver::load_for(&store).expect("resolver");
        let vocabulary = ValueVocabulary::new(&ReferenceSource::builtin().vocabulary().expect("vocabulary"));
        let knowledge = Knowledge { resolver: &resolver, vocabulary: &vocabulary };
        let rows: Vec<RawRow> =
            rows.iter().enumerate().map(|(i, cells)| RawRow::from_texts(i + 1, cells.iter().copied())).collect();
        detect(&rows, &Lexicon::builtin(), &knowledge, Given::default())
    }

    fn fields(layout: &Layout) -> Vec<(String, Field)> {
        layout.mapping.iter().map(|m| (m.header.clone(), m.field)).collect()
    }

    #[test]
    fn columns_are_found_by_their_values_when_the_headers_say_nothing() {
        let layout = layout_of(&[
            &["Løpende", "Hva", "Utdyping", "Levert av", "Dep.", "Penger"],
            &["A-1", "Digital søknad om byggetillatelse", "Søknaden skal kunne sendes digitalt, med sjekk av vedlegg før innsending og svar innen to uker til søkeren.", "Nav", "AID", "12,5"],
            &["A-2", "Felles løsning for varsler til innbyggere", "En løsning for varsler som alle etater kan bruke, slik at innbyggeren får beskjed ett sted i stedet for mange.", "Skatteetaten", "FIN", "4"],
            &["A-3", "Ny portal for tilskudd til lag og foreninger", "Lag og foreninger skal finne og søke alle tilskudd på ett sted, med forhåndsutfylte opplysninger fra registrene.", "Oslo kommune", "", "0,8"],
        ])
        .expect("layout");
        let found = fields(&layout);
        for (header, field) in [
            ("Løpende", Field::Key),
            ("Hva", Field::Title),
            ("Utdyping", Field::Description),
            ("Levert av", Field::Agency),
            ("Dep.", Field::Ministry),
        ] {
            assert!(found.contains(&(header.to_string(), field)), "{header} → {field:?}: {found:?}");
        }
    }

    #[test]
    fn a_code_column_and_its_name_column() {
        let layout = layout_of(&[
            &["Prosjekt", "Prosjekt (T)", "Kapittel", "Kapittel_tekst", "Beløp"],
            &["P-1001", "Ny skoleportal for foreldre", "1540", "Digitaliseringsdirektoratet", "12"],
            &["P-1002", "Digital byggesøknad", "0602", "Arbeids- og velferdsetaten", "4"],
            &["P-1003", "Felles timebok for helsestasjonen", "1610", "Tolletaten", "7"],
        ])
        .expect("layout");
        let found = fields(&layout);
        assert!(found.contains(&("Prosjekt (T)".into(), Field::Title)), "{found:?}");
        assert!(found.contains(&("Prosjekt".into(), Field::Key)), "{found:?}");
        assert!(found.contains(&("Kapittel_tekst".into(), Field::Agency)), "the name of an agency: {found:?}");
    }

    #[test]
    fn money_columns_the_requested_amount_the_total_and_the_rest() {
        let layout = layout_of(&[
            &[
                "Tiltak",
                "Søkt beløp 2027 (mill. kr)",
                "Samlet kostnad (mill. kr)",
                "Beløp 2028 (mill. kr)",
                "Budget (EUR)",
            ],
            &["Digital søknad om tilskudd", "12", "40", "10", "1 000 000"],
            &["Felles varslingsløsning", "4", "9", "3", "300 000"],
            &["Ny portal for lag og foreninger", "2", "5", "1", "80 000"],
        ])
        .expect("layout");
        let amount = layout.column(Field::AmountNok).expect("amount");
        assert_eq!((amount.header.as_str(), amount.unit_factor), ("Søkt beløp 2027 (mill. kr)", Some(1_000_000)));
        assert_eq!(layout.header_year, Some(2027));
        assert_eq!(layout.column(Field::TotalCostNok).map(|m| m.header.as_str()), Some("Samlet kostnad (mill. kr)"));
        assert!(
            layout.notes.contains(&LayoutNote::MoneyKept { header: "Beløp 2028 (mill. kr)".into() }),
            "{:?}",
            layout.notes
        );
        assert!(
            layout
                .notes
                .contains(&LayoutNote::ForeignCurrency { header: "Budget (EUR)".into(), currency: "EUR".into() })
                || !layout.mapping.iter().any(|m| m.header == "Budget (EUR)"),
            "euros are never kroner: {:?}",
            layout.mapping
        );
    }

    #[test]
    fn one_money_column_in_euros_is_not_read_as_kroner() {
        let layout = layout_of(&[
            &["Tiltak", "Beløp (EUR)"],
            &["Digital søknad om tilskudd", "12 000"],
            &["Felles varslingsløsning", "4 000"],
        ])
        .expect("layout");
        assert!(layout.column(Field::AmountNok).is_none());
        assert_eq!(
            layout.notes,
            vec![LayoutNote::ForeignCurrency { header: "Beløp (EUR)".into(), currency: "EUR".into() }]
        );
    }

    #[test]
    fn a_cover_sheet_sentence_is_no_header_and_a_merged_title_row_is_passed_over() {
        let err =
            layout_of(&[&["Innmeldte tiltak fra direktoratene i regionen"], &["Se neste ark."]]).expect_err("cover");
        assert!(matches!(err, LayoutError::NoHeaderRow | LayoutError::NoTitle { .. }), "{err:?}");
        let layout = layout_of(&[
            &["Satsingsforslag 2027", "Satsingsforslag 2027"],
            &["Navn", "Virksomhet"],
            &["Digital søknad om tilskudd", "Nav"],
        ])
        .expect("layout");
        assert_eq!(layout.header_row, 2);
    }

    #[test]
    fn a_status_column_that_carries_the_phase_is_the_phase() {
        let layout = layout_of(&[
            &["Tiltak", "Status"],
            &["Digital søknad om tilskudd", "Konsept"],
            &["Felles varslingsløsning", "Under gjennomføring"],
            &["Ny portal for frivillige", "Idéfase"],
        ])
        .expect("layout");
        assert_eq!(layout.column(Field::Phase).map(|m| m.header.as_str()), Some("Status"));
    }

    #[test]
    fn low_confidence_is_told_when_two_columns_claim_the_title() {
        let layout = layout_of(&[
            &["Navn", "Tittel", "Virksomhet"],
            &["Digital søknad om tilskudd", "Søknad om tilskudd", "Nav"],
            &["Felles varslingsløsning", "Varsler", "Skatteetaten"],
        ])
        .expect("layout");
        assert_eq!(layout.unsure(), vec![Field::Title]);
    }
}
