//! Importing scores from a sheet: analysts often score in a spreadsheet. The sheet has a
//! column that says which initiative (samla's `id`, or the initiative's key in its source)
//! and one column per criterion (its code or name); every other column is ignored.
//!
//! The easiest sheet to start from is `samla list --format csv`: it has `id`, `source` and
//! `key` columns; add a column per criterion and fill in scores.

use super::detect::{header_field, lexicon::Lexicon};
use super::layout::Field;
use super::read::{self, Cell, FileLayout, RawRow};
use super::report::{Warning, WarningKind};
use super::values::ValueVocabulary;
use crate::error::{Error, Result, ScoreSheetProblem};
use crate::reference::ReferenceSource;
use crate::scoring::Criteria;
use crate::store::Store;
use crate::text::fold;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

/// Rows scanned for the header row.
const SCAN: usize = 30;

#[derive(Debug, Clone, Default)]
pub struct ScoreImportOptions {
    pub sheet: Option<String>,
    /// Report what would change; write nothing.
    pub dry_run: bool,
    /// Who is scoring, for the change log.
    pub analyst: String,
}

/// How rows name their initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// samla's own id (the `id` column of `samla list`).
    Id,
    /// The initiative's key in its source (with a `source` column when keys repeat).
    Key,
}

/// A header and the criterion it was read as, or why it was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreColumn {
    pub header: String,
    pub criterion: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScoreImportReport {
    pub file: String,
    pub dry_run: bool,
    pub format: FileLayout,
    /// The header row's line (CSV) or row (spreadsheet), 1-based.
    pub header_row: usize,
    pub id_column: String,
    pub matched_by: MatchedBy,
    pub criteria_columns: Vec<ScoreColumn>,
    /// Headers that name a derived criterion: those fill themselves and are not imported.
    pub derived_columns: Vec<ScoreColumn>,
    pub rows_read: usize,
    /// Scores that changed (or would, in a dry run).
    pub changed: usize,
    /// Scores that were already as the sheet says.
    pub unchanged: usize,
    /// Rows that named no initiative samla knows.
    pub unmatched_rows: usize,
    pub warnings: Vec<Warning>,
}

/// Reads the sheet at `path` and sets every score it holds, in one transaction.
pub fn import_scores(
    store: &mut Store,
    path: &Path,
    options: &ScoreImportOptions,
    reference: &ReferenceSource,
) -> Result<ScoreImportReport> {
    let display = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let file_name = path.file_name().map_or_else(|| display.clone(), |n| n.to_string_lossy().into_owned());
    import_score_bytes(store, &bytes, &file_name, &display, options, reference)
}

/// Like [`import_scores`], from the bytes of a file named `file_name`.
pub fn import_score_bytes(
    store: &mut Store,
    bytes: &[u8],
    file_name: &str,
    display: &str,
    options: &ScoreImportOptions,
    reference: &ReferenceSource,
) -> Result<ScoreImportReport> {
    let fail = |problem: ScoreSheetProblem| Error::ScoreSheet { file: display.to_string(), problem: Box::new(problem) };
    let table = read::read_table(bytes, file_name, options.sheet.as_deref()).map_err(|e| fail(e.into()))?;
    let criteria = store.criteria()?;
    let matcher = Lexicon::new(&reference.columns()?);
    let vocabulary = ValueVocabulary::new(&reference.vocabulary()?);
    // Score sheets are small: read them whole.
    let rows: Vec<RawRow> = table.rows().collect::<Result<_, _>>().map_err(|e| fail(e.into()))?;
    let layout = find_layout(&rows, &criteria, &matcher).map_err(fail)?;

    let initiatives = store.initiative_keys()?;
    let known = Known::new(&initiatives);
    let mut report = ScoreImportReport {
        file: display.to_string(),
        dry_run: options.dry_run,
        format: table.layout.clone(),
        header_row: rows[layout.header].line,
        id_column: layout.id_header.clone(),
        matched_by: layout.matched_by,
        criteria_columns: layout.criteria.iter().map(|(_, c)| c.clone()).collect(),
        derived_columns: layout.derived.clone(),
        rows_read: 0,
        changed: 0,
        unchanged: 0,
        unmatched_rows: 0,
        warnings: Vec::new(),
    };
    let mut scores: Vec<(i64, String, Option<f64>)> = Vec::new();
    for row in &rows[layout.header + 1..] {
        if row.is_blank() {
            continue;
        }
        report.rows_read += 1;
        let reference_cell = cell(row, layout.id_column);
        let named = reference_cell.text.trim();
        match known.named_by(row, named, &layout) {
            Ok(id) => read_scores(row, id, &layout, &criteria, &vocabulary, &mut scores, &mut report.warnings),
            Err(kind) => {
                report.warnings.push(Warning {
                    line: row.line,
                    field: layout.id_header.clone(),
                    value: named.into(),
                    kind,
                });
                report.unmatched_rows += 1;
            }
        }
    }
    let edits = store.write_scores(&scores, &options.analyst, !options.dry_run)?;
    report.changed = edits.iter().filter(|e| e.changed()).count();
    report.unchanged = edits.len() - report.changed;
    Ok(report)
}

/// A cell of `row`, empty where the row is short.
fn cell(row: &RawRow, column: usize) -> Cell {
    Cell { text: row.text(column).unwrap_or_default().to_string(), number: row.number(column) }
}

/// The initiatives a sheet may name: samla's ids, and by key the ids and sources.
struct Known<'a> {
    ids: std::collections::HashSet<i64>,
    by_key: HashMap<&'a str, Vec<(i64, &'a str)>>,
}

impl<'a> Known<'a> {
    /// From the store's (id, source, key) of every initiative.
    fn new(initiatives: &'a [(i64, String, String)]) -> Self {
        let mut by_key: HashMap<&str, Vec<(i64, &str)>> = HashMap::new();
        for (id, source, key) in initiatives {
            by_key.entry(key.trim()).or_default().push((*id, source));
        }
        Self { ids: initiatives.iter().map(|(id, _, _)| *id).collect(), by_key }
    }

    /// The initiative a row names in its id column (`named`): by id, or by key within the
    /// row's source when the sheet has a source column. Else why it names none.
    fn named_by(&self, row: &RawRow, named: &str, layout: &SheetLayout) -> Result<i64, WarningKind> {
        let id = match layout.matched_by {
            MatchedBy::Id => named.parse::<i64>().ok().filter(|id| self.ids.contains(id)),
            MatchedBy::Key => {
                let source = layout.source_column.map(|c| fold(&cell(row, c).text)).filter(|s| !s.is_empty());
                let found: Vec<i64> = self
                    .by_key
                    .get(named)
                    .map(|list| {
                        list.iter()
                            .filter(|(_, s)| source.as_ref().is_none_or(|want| fold(s) == *want))
                            .map(|(id, _)| *id)
                            .collect()
                    })
                    .unwrap_or_default();
                if found.len() > 1 {
                    return Err(WarningKind::KeyInSeveralSources);
                }
                found.first().copied()
            }
        };
        id.ok_or(WarningKind::NoSuchInitiative)
    }
}

/// The scores `row` gives initiative `id`, into `scores`; a value that is not a number on
/// its criterion's scale is a warning instead. Blank and empty-word cells are skipped.
fn read_scores(
    row: &RawRow,
    id: i64,
    layout: &SheetLayout,
    criteria: &Criteria,
    vocabulary: &ValueVocabulary,
    scores: &mut Vec<(i64, String, Option<f64>)>,
    warnings: &mut Vec<Warning>,
) {
    for (column, score_column) in &layout.criteria {
        let value = cell(row, *column);
        if value.is_blank() || vocabulary.is_empty_word(&value.text) {
            continue;
        }
        let number = value.number.or_else(|| value.text.trim().replace(',', ".").parse::<f64>().ok());
        let definition = &criteria.list[criteria.index_of_code(&score_column.criterion).unwrap_or_default()];
        let kind = match number {
            Some(n) if definition.check_value(n).is_ok() => {
                scores.push((id, score_column.criterion.clone(), Some(n)));
                continue;
            }
            Some(_) => WarningKind::OutsideScale { scale: definition.scale_text() },
            None => WarningKind::NotANumber,
        };
        warnings.push(Warning { line: row.line, field: score_column.header.clone(), value: value.text, kind });
    }
}

struct SheetLayout {
    header: usize,
    id_column: usize,
    id_header: String,
    matched_by: MatchedBy,
    source_column: Option<usize>,
    criteria: Vec<(usize, ScoreColumn)>,
    derived: Vec<ScoreColumn>,
}

/// The first row (of the first [`SCAN`]) that names an initiative column and at least one
/// criterion. A column headed `id` (or `samla id`) whose values are all whole numbers holds
/// samla's ids; otherwise a key column (any header the sector import reads as the key) holds
/// keys in their sources.
fn find_layout(rows: &[RawRow], criteria: &Criteria, matcher: &Lexicon) -> Result<SheetLayout, ScoreSheetProblem> {
    for (index, row) in rows.iter().enumerate().take(SCAN) {
        let headers: Vec<String> = row.texts().map(|t| crate::text::collapse_whitespace(t).into_owned()).collect();
        let mut found = Vec::new();
        let mut derived = Vec::new();
        for (column, header) in headers.iter().enumerate() {
            let Some(criterion) = criteria.find(header) else { continue };
            let definition = &criteria.list[criterion];
            let entry = ScoreColumn { header: header.clone(), criterion: definition.code.clone() };
            if !definition.is_manual() {
                derived.push(entry);
            } else if !found.iter().any(|(_, c): &(usize, ScoreColumn)| c.criterion == entry.criterion) {
                found.push((column, entry));
            }
        }
        if found.is_empty() && derived.is_empty() {
            continue;
        }
        let data = &rows[index + 1..];
        let all_whole = |column: usize| {
            data.iter()
                .filter_map(|r| r.text(column))
                .filter(|t| !t.trim().is_empty())
                .all(|t| t.trim().parse::<i64>().is_ok())
        };
        let id_named = headers.iter().position(|h| matches!(fold(h).as_str(), "id" | "samla id"));
        let key_named = headers
            .iter()
            .enumerate()
            .position(|(column, h)| Some(column) != id_named && header_field(h, matcher) == Some(Field::Key));
        let (id_column, matched_by) = match (id_named, key_named) {
            (Some(column), _) if all_whole(column) => (column, MatchedBy::Id),
            (_, Some(column)) | (Some(column), None) => (column, MatchedBy::Key),
            (None, None) => continue,
        };
        if found.is_empty() {
            return Err(ScoreSheetProblem::OnlyDerived {
                line: row.line,
                derived: derived.iter().map(|c| c.header.clone()).collect(),
                manual: criteria.iter().filter(|c| c.is_manual()).map(|c| c.code.clone()).collect(),
            });
        }
        let source_column = headers.iter().position(|h| matches!(fold(h).as_str(), "source" | "kilde" | "kildeliste"));
        return Ok(SheetLayout {
            header: index,
            id_header: headers[id_column].clone(),
            id_column,
            matched_by,
            source_column,
            criteria: found,
            derived,
        });
    }
    let manual = criteria.iter().filter(|c| c.is_manual()).map(|c| c.code.clone()).collect();
    Err(ScoreSheetProblem::NoLayout { manual })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{ImportOptions, import_bytes};

    fn store() -> Store {
        let mut store = Store::open_in_memory().expect("store");
        for (name, csv) in [
            ("a.csv", "key,title,agency\nK-1,Første,Nav\nK-2,Andre,Nav\n"),
            ("b.csv", "key,title,agency\nK-1,Tredje,IMDi\n"),
        ] {
            let options = ImportOptions { analyst: "t".into(), ..ImportOptions::default() };
            import_bytes(&mut store, csv.as_bytes(), name, name, &options, &ReferenceSource::builtin())
                .expect("import");
        }
        store
    }

    fn run(store: &mut Store, csv: &str, dry_run: bool) -> Result<ScoreImportReport> {
        let options = ScoreImportOptions { dry_run, analyst: "kari".into(), ..ScoreImportOptions::default() };
        import_score_bytes(store, csv.as_bytes(), "s.csv", "s.csv", &options, &ReferenceSource::builtin())
    }

    #[test]
    fn imports_by_samla_id_with_names_and_decimal_commas() {
        let mut store = store();
        let sheet = "Poeng fra møtet\n\nid;Tittel;Samfunnsnytte;Strategic fit;Risiko\n1;Første;4,5;3;1\n2;Andre;;x;\n3;Tredje;9;5;\n";
        let report = run(&mut store, sheet, false).expect("import");
        assert_eq!(report.matched_by, MatchedBy::Id);
        assert_eq!(report.header_row, 3);
        assert_eq!(
            report.criteria_columns.iter().map(|c| c.criterion.as_str()).collect::<Vec<_>>(),
            ["nytte", "strategi"]
        );
        assert_eq!(report.derived_columns[0].criterion, "risiko");
        assert_eq!((report.rows_read, report.changed, report.unmatched_rows), (3, 3, 0));
        assert_eq!(report.warnings.len(), 2, "{:?}", report.warnings);
        assert_eq!(store.score(1, "nytte").expect("score"), Some(4.5));
        assert_eq!(store.score(3, "nytte").expect("score"), None, "9 is outside 1–5");
        assert_eq!(store.score(3, "strategi").expect("score"), Some(5.0));
        let again = run(&mut store, sheet, false).expect("again");
        assert_eq!((again.changed, again.unchanged), (0, 3));
    }

    #[test]
    fn imports_by_key_needs_a_source_when_keys_repeat_and_dry_runs_write_nothing() {
        let mut store = store();
        let report = run(&mut store, "key,nytte\nK-1,5\nK-2,4\nK-9,1\n", true).expect("dry");
        assert_eq!(report.matched_by, MatchedBy::Key);
        assert_eq!((report.changed, report.unmatched_rows), (1, 2));
        assert_eq!(store.score(2, "nytte").expect("score"), None, "dry run");
        let report = run(&mut store, "source,key,nytte\nb,K-1,5\n", false).expect("with source");
        assert_eq!(report.changed, 1);
        assert_eq!(store.score(3, "nytte").expect("score"), Some(5.0));
        let err = run(&mut store, "tittel,farge\nA,rød\n", false).expect_err("no layout").to_string();
        assert!(err.contains("no header row"), "{err}");
    }
}
