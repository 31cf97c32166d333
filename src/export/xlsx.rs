//! Priority lists as XLSX: one sheet with the list (header frozen, autofilter, kroner with
//! thousands separators, fitting column widths) and one stating the filters, weights and
//! frame that produced it.
//!
//! Text from sector files is always written as a string cell, which a spreadsheet never
//! evaluates. A cell that begins like a formula (`=`, `+`, `-`, `@`, tab, CR) also gets
//! Excel's quote-prefix style: the cell shows the text exactly as written, without a visible
//! apostrophe, and stays text even when someone edits it and presses Enter (a plain string
//! cell would then be re-read as a formula).

use super::escape::{starts_like_formula, xlsx_cell};
use super::list::PriorityList;
use super::table::{Cell, Kind, columns, row_cells};
use crate::config::Lang;
use crate::error::{Error, Result};
use crate::i18n::{self, Text};
use rust_xlsxwriter::{Format, FormatBorder, Workbook, Worksheet, XlsxError};

/// Excel's limit for one cell's text.
const MAX_CELL_CHARS: usize = 32_767;
/// Whole kroner with thousands separators; Excel shows the separator of the reader's
/// locale (a space in Norwegian).
const NOK_FORMAT: &str = "#,##0 \"kr\"";
const SCORE_FORMAT: &str = "0.0";

fn xlsx_error(e: XlsxError) -> Error {
    Error::encode("XLSX", e)
}

/// Formats shared by the cells of both sheets.
struct Formats {
    header: Format,
    text: Format,
    quoted: Format,
    nok: Format,
    score: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Self {
        Self {
            header: Format::new().set_bold().set_text_wrap().set_border_bottom(FormatBorder::Thin),
            text: Format::new(),
            quoted: Format::new().set_quote_prefix(),
            nok: Format::new().set_num_format(NOK_FORMAT),
            score: Format::new().set_num_format(SCORE_FORMAT),
            percent: Format::new().set_num_format("0%"),
        }
    }
}

pub fn to_xlsx(list: &PriorityList) -> Result<Vec<u8>> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    // Row by row through a temporary file ("low memory": only the shared strings stay in
    // memory, and the file is the same as a standard sheet's): a list of a million rows would
    // otherwise take gigabytes. Rows must then be written in order, each row's settings
    // before its cells.
    let sheet = workbook.add_worksheet_with_low_memory().map_err(xlsx_error)?;
    sheet.set_name(i18n::LIST_SHEET.get(list.lang)).map_err(xlsx_error)?;
    write_list_sheet(sheet, list, &formats).map_err(xlsx_error)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(i18n::SETTINGS_SHEET.get(list.lang)).map_err(xlsx_error)?;
    write_settings_sheet(sheet, list, &formats).map_err(xlsx_error)?;
    workbook.save_to_buffer().map_err(xlsx_error)
}

/// Writes text from the data: as a string cell, quote-prefixed when it starts like a formula.
fn write_text(sheet: &mut Worksheet, row: u32, column: u16, text: &str, formats: &Formats) -> Result<(), XlsxError> {
    let cell = xlsx_cell(text);
    let cell: String = cell.chars().take(MAX_CELL_CHARS).collect();
    let format = if starts_like_formula(text) || starts_like_formula(&cell) { &formats.quoted } else { &formats.text };
    sheet.write_string_with_format(row, column, cell, format)?;
    Ok(())
}

fn write_list_sheet(sheet: &mut Worksheet, list: &PriorityList, formats: &Formats) -> Result<(), XlsxError> {
    let columns = columns(list);
    // Widths in characters: the header's longest word or the widest value, within bounds.
    let mut widths: Vec<usize> =
        columns.iter().map(|c| c.header.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(4) + 2).collect();
    sheet.set_row_height(0, 30)?;
    for (column, definition) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, &definition.header, &formats.header)?;
    }
    for (index, row) in list.rows.iter().enumerate() {
        let line = index as u32 + 1;
        for (column, cell) in row_cells(list, row).into_iter().enumerate() {
            let col = column as u16;
            let shown = match (cell, columns[column].kind) {
                (Cell::Text(text), _) => {
                    write_text(sheet, line, col, &text, formats)?;
                    text.chars().count()
                }
                (Cell::Integer(Some(value)), Kind::Nok) => {
                    sheet.write_number_with_format(line, col, value as f64, &formats.nok)?;
                    // Digits, separators and " kr".
                    let digits = value.unsigned_abs().to_string().len();
                    digits + digits / 3 + 3
                }
                (Cell::Integer(Some(value)), _) => {
                    sheet.write_number(line, col, value as f64)?;
                    value.to_string().len()
                }
                (Cell::Decimal(Some(value)), _) => {
                    sheet.write_number_with_format(line, col, value, &formats.score)?;
                    5
                }
                (Cell::Integer(None) | Cell::Decimal(None), _) => 0,
            };
            widths[column] = widths[column].max(shown + 1);
        }
    }
    for (column, (width, definition)) in widths.iter().zip(&columns).enumerate() {
        let limit = match definition.kind {
            Kind::LongText => 60,
            Kind::Text => 40,
            Kind::Integer | Kind::Nok | Kind::Score => 18,
        };
        sheet.set_column_width(column as u16, (*width).min(limit) as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_row = list.rows.len() as u32;
    sheet.autofilter(0, 0, last_row, columns.len().saturating_sub(1) as u16)?;
    Ok(())
}

fn write_settings_sheet(sheet: &mut Worksheet, list: &PriorityList, formats: &Formats) -> Result<(), XlsxError> {
    let lang = list.lang;
    let t = |text: Text| text.get(lang);
    sheet.write_string_with_format(0, 0, t(i18n::SETTING), &formats.header)?;
    sheet.write_string_with_format(0, 1, t(i18n::VALUE), &formats.header)?;
    let mut line = 1;
    let mut setting = |sheet: &mut Worksheet, label: &str, value: &str| -> Result<(), XlsxError> {
        sheet.write_string(line, 0, label)?;
        write_text(sheet, line, 1, value, formats)?;
        line += 1;
        Ok(())
    };
    setting(sheet, t(i18n::GENERATED_AT), &list.generated_at)?;
    setting(sheet, t(i18n::DATABASE), &list.database)?;
    let filters = if list.filters.is_empty() { t(i18n::NO_FILTER).to_string() } else { list.filters.join("  ") };
    setting(sheet, t(i18n::FILTER), &filters)?;
    setting(sheet, t(i18n::MATCHED), &list.matched.to_string())?;
    let top = list.top.map_or_else(|| t(i18n::ALL_ROWS).to_string(), |n| n.to_string());
    setting(sheet, t(i18n::TOP_ONLY), &top)?;
    match &list.frame {
        None => setting(sheet, t(i18n::FRAME), t(i18n::NONE))?,
        Some(frame) => {
            for (label, value) in [
                (i18n::FRAME_NOK, frame.frame_nok),
                (i18n::FRAME_SPENT, frame.spent_nok),
                (i18n::FRAME_LEFT, frame.remaining_nok),
            ] {
                sheet.write_string(line, 0, t(label))?;
                sheet.write_number_with_format(line, 1, value as f64, &formats.nok)?;
                line += 1;
            }
            let ids = |ids: &[i64]| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
            let mut setting = |sheet: &mut Worksheet, label: &str, value: &str| -> Result<(), XlsxError> {
                sheet.write_string(line, 0, label)?;
                sheet.write_string(line, 1, value)?;
                line += 1;
                Ok(())
            };
            setting(sheet, t(i18n::FRAME_CHOSEN), &frame.chosen.to_string())?;
            setting(sheet, t(i18n::LOCKED_IN_LIST), &ids(&frame.locked_in))?;
            setting(sheet, t(i18n::LOCKED_OUT_LIST), &ids(&frame.locked_out))?;
            if !frame.ignored_locks.is_empty() {
                setting(sheet, t(i18n::LOCKS_IGNORED), &ids(&frame.ignored_locks))?;
            }
        }
    }
    sheet.write_string(line, 0, t(i18n::RANK_NOTE))?;
    line += 2;
    for (column, header) in [t(i18n::CRITERION), t(i18n::CODE), t(i18n::WEIGHT), t(i18n::SHARE)].iter().enumerate() {
        sheet.write_string_with_format(line, column as u16, *header, &formats.header)?;
    }
    for criterion in &list.criteria {
        line += 1;
        sheet.write_string(line, 0, &criterion.name)?;
        sheet.write_string(line, 1, &criterion.code)?;
        sheet.write_number(line, 2, criterion.weight)?;
        sheet.write_number_with_format(line, 3, criterion.share, &formats.percent)?;
    }
    sheet.set_column_width(0, if lang == Lang::Nb { 34 } else { 32 })?;
    sheet.set_column_width(1, 48)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
