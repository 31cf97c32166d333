//! A file named like nothing known may still be a new round of a known source (a copy saved
//! under another name, "… (kopi).tsv", a list forwarded as "oversikt fra direktoratet"). Its
//! first rows are compared with every source's initiatives by key and title; a source that
//! holds most of them is the file's source, so its rows update that source instead of
//! landing a second time as a new one.

use super::harmonise::{Harmoniser, Pass};
use super::layout::{Field, Layout};
use super::read::RawTable;
use super::report::ImportReport;
use crate::error::Result;
use crate::store::Store;
use crate::text::fold;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Rows of the file compared.
const SAMPLED_ROWS: usize = 200;
/// At least this many sampled rows must match one source…
const MIN_MATCHES: usize = 3;
/// …and at least this share of them.
const MIN_SHARE: f64 = 0.5;

/// Reads the layout again with the columns an analyst confirmed.
pub(crate) type Redetect<'a> = dyn Fn(&[(Field, String)]) -> Result<Layout> + 'a;

/// The file's source: `named` (from its name) when that source exists or the file repeats
/// no known source, else the known source it repeats, its layout read again with the
/// columns the analyst confirmed for that source. The report says which it was.
pub(crate) fn known_source(
    store: &Store,
    table: &RawTable,
    named: String,
    layout: Layout,
    knowledge: &super::detect::Knowledge<'_>,
    redetect: &Redetect<'_>,
    report: &mut ImportReport,
) -> Result<(String, Layout)> {
    if !store.batches(Some(&named))?.is_empty() {
        return Ok((named, layout));
    }
    let harmoniser = Harmoniser { resolver: knowledge.resolver, vocabulary: knowledge.vocabulary, layout: &layout };
    let Some(known) = recognise(store, table, layout.header_index, &harmoniser)? else {
        return Ok((named, layout));
    };
    let remembered = store.source_mapping(&known)?.unwrap_or_default();
    let layout = if remembered.is_empty() { layout } else { redetect(&remembered)? };
    report.source.clone_from(&known);
    report.recognised_from = Some(named);
    Ok((known, layout))
}

/// The known source whose initiatives the file's first rows repeat (same key and same
/// title), or None when no source holds most of them.
fn recognise(
    store: &Store,
    table: &RawTable,
    header_index: usize,
    harmoniser: &Harmoniser<'_>,
) -> Result<Option<String>> {
    let mut pass = Pass::default();
    let mut sampled: HashSet<(String, String)> = HashSet::new();
    for row in table.rows().skip(header_index + 1).take(SAMPLED_ROWS * 2) {
        let Ok(row) = row else { break };
        if let Some(row) = harmoniser.row(&mut pass, &row) {
            sampled.insert((row.key, fold(&row.values.title)));
        }
        if sampled.len() >= SAMPLED_ROWS {
            break;
        }
    }
    if sampled.len() < MIN_MATCHES {
        return Ok(None);
    }
    let mut matches: HashMap<String, usize> = HashMap::new();
    for (source, key, title) in store.source_keys()? {
        if sampled.contains(&(key, fold(&title))) {
            *matches.entry(source).or_default() += 1;
        }
    }
    let best = matches.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
    Ok(best
        .filter(|(_, count)| *count >= MIN_MATCHES && *count as f64 >= sampled.len() as f64 * MIN_SHARE)
        .map(|(source, _)| source))
}

/// The source label for a file: its name without extension and without a trailing round,
/// version or copy marker, so `kommunal.csv`, `kommunal_runde2.csv` and
/// `kommunal (kopi).csv` are one source. Other words and numbers stay: `tiltak-helse-2027`
/// is its own label.
pub fn default_source_label(file_name: &str) -> String {
    let stem =
        Path::new(file_name).file_stem().map_or_else(|| file_name.to_string(), |s| s.to_string_lossy().into_owned());
    let mut label = stem.trim();
    while let Some(shorter) = strip_marker(label) {
        label = shorter;
    }
    if label.is_empty() { stem } else { label.to_string() }
}

/// Separators around a marker in a file name.
const NAME_SEPARATORS: [char; 4] = [' ', '_', '-', '.'];
/// Words for a round or version when followed by its number; one letter only after a separator.
const ROUND_MARKERS: [&str; 8] = ["runde", "round", "versjon", "version", "ver", "rev", "v", "r"];
/// What file managers add to a copy's name ("X - Kopi", "X (copy)").
const COPY_WORDS: [&str; 2] = ["kopi", "copy"];

/// `label` without one trailing marker; None when it ends in none. Markers are ASCII and
/// compared without regard to ASCII case only, so no other letter's case changes the
/// length of what is cut (a Kelvin sign or a dotted İ stays as written).
fn strip_marker(label: &str) -> Option<&str> {
    let label = label.trim_end();
    if let Some(inner) = label.strip_suffix(')') {
        let open = inner.rfind('(')?;
        let word = inner[open + 1..].trim();
        let copy = COPY_WORDS.iter().any(|w| word.eq_ignore_ascii_case(w));
        let number = !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
        return (copy || number).then(|| tidy(&inner[..open])).filter(|rest| !rest.is_empty());
    }
    for word in COPY_WORDS {
        if let Some(rest) = strip_suffix_ignoring_ascii_case(label, word) {
            if rest.ends_with(NAME_SEPARATORS) && !tidy(rest).is_empty() {
                return Some(tidy(rest));
            }
        }
    }
    let base = label.trim_end_matches(|c: char| c.is_ascii_digit());
    if base.len() == label.len() {
        return None;
    }
    let base = tidy(base);
    ROUND_MARKERS.iter().find_map(|marker| {
        let rest = strip_suffix_ignoring_ascii_case(base, marker)?;
        let separated = rest.ends_with(NAME_SEPARATORS);
        (!tidy(rest).is_empty() && (separated || marker.len() > 1)).then(|| tidy(rest))
    })
}

fn tidy(rest: &str) -> &str {
    rest.trim_end_matches(NAME_SEPARATORS)
}

fn strip_suffix_ignoring_ascii_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = text.len().checked_sub(suffix.len())?;
    (text.is_char_boundary(cut) && text[cut..].eq_ignore_ascii_case(suffix)).then(|| &text[..cut])
}
