//! What leaves samla for a meeting: priority lists (CSV for Norwegian Excel or plain, XLSX,
//! Markdown, JSON).
//!
//! Gathering and rendering are apart: [`build_list`] reads the store; the writers only lay out what they are given. Every file is written by
//! [`file::write_file`]: never over an existing file unless forced, never half a file,
//! readable by its owner only.
//!
//! The terminal UI exports what a screen shows with [`export_view`] (the CLI's `samla export`
//! calls the same).

pub mod brief;
mod csv;
pub mod escape;
pub mod file;
mod json;
mod list;
mod markdown;
mod table;
mod xlsx;

pub use csv::CsvStyle;
pub use list::{
    CriterionColumn, FrameSpec, FrameSummary, LifeEventLabel, ListOptions, ListOrder, PriorityList, PriorityRow,
    build_list,
};

use crate::config::Lang;
use crate::error::{Error, Result};
use crate::scoring::Weights;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// The formats a priority list can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Markdown,
    Json,
}

impl ExportFormat {
    /// The format a file name asks for by its extension (`.csv`, `.xlsx`, `.md`, `.json`).
    pub fn from_path(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "csv" | "txt" => Some(Self::Csv),
            "xlsx" => Some(Self::Xlsx),
            "md" | "markdown" => Some(Self::Markdown),
            "json" => Some(Self::Json),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Markdown => "md",
            Self::Json => "json",
        }
    }
}

/// The bytes of `list` in `format` (`csv` only matters for CSV).
pub fn render_list(list: &PriorityList, format: ExportFormat, csv: CsvStyle) -> Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => csv::to_csv(list, csv),
        ExportFormat::Xlsx => xlsx::to_xlsx(list),
        ExportFormat::Markdown => Ok(markdown::to_markdown(list).into_bytes()),
        ExportFormat::Json => json::to_json(list).map(String::into_bytes),
    }
}

/// Writes `list` to `path` in `format`. Without `force` an existing file is refused with
/// [`Error::OutputExists`].
pub fn write_list(list: &PriorityList, path: &Path, format: ExportFormat, csv: CsvStyle, force: bool) -> Result<()> {
    let bytes = render_list(list, format, csv)?;
    file::write_file(path, &bytes, force)
}

/// What a screen's export needs besides its rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewExport {
    pub lang: Lang,
    /// The weights the screen ranks by (they may be unsaved); None means the stored ones.
    pub weights: Option<Weights>,
    /// The screen's budget frame and locks, if any. The frame is chosen among the exported
    /// rows, so a filtered screen gets the best set of what it shows.
    pub frame: Option<FrameSpec>,
    /// The screen's search and filter as typed, for the settings sheet.
    pub filters: Vec<String>,
    pub csv: CsvStyle,
    /// Replace an existing file (after the user said yes).
    pub force: bool,
}

/// What was written, for the status line ("Wrote 42 rows to /home/kari/liste.xlsx").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The file, made absolute so the message says exactly where.
    pub path: PathBuf,
    pub rows: usize,
}

/// Exports the initiatives `ids`, in that order, to `path` in `format`: what the terminal
/// UI calls to export the current screen. Ranks, scores and the frame marker are computed
/// as for `samla export`; the rows keep the screen's order.
pub fn export_view(
    store: &Store,
    ids: &[i64],
    path: &Path,
    format: ExportFormat,
    options: &ViewExport,
) -> Result<Exported> {
    let list = build_list(
        store,
        ids,
        &ListOptions {
            lang: options.lang,
            weights: options.weights.clone(),
            frame: options.frame.clone(),
            top: None,
            order: ListOrder::AsGiven,
            filters: options.filters.clone(),
        },
    )?;
    write_list(&list, path, format, options.csv, options.force)?;
    Ok(Exported { path: absolute(path), rows: list.rows.len() })
}

/// `path` made absolute against the working directory (for messages; never fails).
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// An `--out` path's format, or an error that names the formats.
pub fn format_of(path: &Path, given: Option<ExportFormat>) -> Result<ExportFormat> {
    given
        .or_else(|| ExportFormat::from_path(path))
        .ok_or_else(|| Error::from(crate::error::ExportProblem::UnknownFormat(path.to_path_buf())))
}
