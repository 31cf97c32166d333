//! The brief for the embetsgruppe for digitalisering, to be read in two minutes: an opening
//! summary with the decisions asked for and a data-quality box, parallel solutions ranked by
//! the money at stake, the proposed priority list within the frame (why each is in, in
//! words; what falls outside, with amounts), amounts by sector and phase, life-event
//! coverage, what changed since the previous round, and the sources. As Markdown, or as one
//! self-contained HTML file with inline SVG charts that prints on A4.
//!
//! [`gather`] reads the facts from the store and the duplicate review ([`ParallelInput`],
//! from the same queue and grouping the duplicates screen and `samla dedupe` use; the plan
//! from the functions of the priority screen); [`render`] places them in the templates
//! `data/brief.md.j2` / `data/brief.html.j2`, whose wording (both languages) is in
//! `data/brief_words.j2`. A file of the same name in the config directory replaces each.

pub mod gather;
pub mod input;
mod priorities;
mod reasons;
mod render;
mod svg;

pub use gather::{BriefData, gather};
pub use input::{CandidatePair, GroupInput, ParallelInput};
pub use priorities::{OutItem, Priorities, PriorityItem};
pub use render::{TEMPLATE_FILES, Templates, render};

use crate::config::Lang;
use crate::error::{Error, Result};
use crate::scoring::Weights;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// What the brief is about and how it reads.
#[derive(Debug, Clone)]
pub struct BriefOptions<'a> {
    pub lang: Lang,
    /// Replaces the template's title.
    pub title: Option<String>,
    /// The meeting date as it should read; None writes today's date.
    pub date: Option<String>,
    /// A frame for the proposed priority list; None shows the top of the ranking.
    pub budget_nok: Option<i64>,
    /// How much of the ranking to show without a frame.
    pub top: usize,
    /// The weights to rank by (a screen's unsaved ones); None means the stored ones.
    pub weights: Option<Weights>,
    /// How the frame is filled (the priority screen's mode).
    pub mode: crate::scoring::Mode,
    /// Initiatives (ids) locked into or out of the frame.
    pub locked_in: Vec<i64>,
    pub locked_out: Vec<i64>,
    /// The duplicate review: its open pairs and groups; None when it was not run (the brief
    /// then says so and groups the analyst's decisions alone).
    pub parallel: Option<&'a ParallelInput>,
}

impl Default for BriefOptions<'_> {
    fn default() -> Self {
        Self {
            lang: Lang::Nb,
            title: None,
            date: None,
            budget_nok: None,
            top: 15,
            weights: None,
            mode: crate::scoring::Mode::default(),
            locked_in: Vec::new(),
            locked_out: Vec::new(),
            parallel: None,
        }
    }
}

/// The brief's two forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BriefFormat {
    Markdown,
    /// One HTML file with its styles and charts inside: no network, no fonts, no scripts.
    Html,
}

impl BriefFormat {
    /// The format a file name asks for: `.md`/`.markdown` or `.html`/`.htm`.
    pub fn from_path(path: &Path) -> Result<Self> {
        let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("md" | "markdown") => Ok(Self::Markdown),
            Some("html" | "htm") => Ok(Self::Html),
            _ => Err(crate::error::ExportProblem::BriefFormat(path.to_path_buf()).into()),
        }
    }
}

/// Gathers, renders and writes the brief to `path` (its format from the extension). Without
/// `force` an existing file is refused with [`Error::OutputExists`]. Returns the absolute
/// path written: what the terminal UI calls, and `samla brief`.
pub fn write_brief(
    store: &Store,
    path: &Path,
    options: &BriefOptions<'_>,
    templates: &Templates,
    force: bool,
) -> Result<PathBuf> {
    let format = BriefFormat::from_path(path)?;
    if !force && path.symlink_metadata().is_ok() {
        // Checked before the work as well as at the write, so a refusal is immediate.
        return Err(Error::OutputExists { path: path.to_path_buf() });
    }
    let data = gather(store, options)?;
    let text = render(&data, format, templates)?;
    super::file::write_file(path, text.as_bytes(), force)?;
    Ok(super::absolute(path))
}
