//! The brief for the embetsgruppe for digitalisering: headline figures, the proposed
//! priority list within the frame (with why, and what just missed), parallel solutions
//! across sectors, life-event coverage, what changed since the previous round, and data
//! quality. As Markdown, or as one self-contained HTML file with inline SVG charts that
//! prints on A4.
//!
//! [`gather`] reads the facts from the store; [`render`] places them in the templates
//! `data/brief.md.j2` / `data/brief.html.j2`, whose wording (both languages) is in
//! `data/brief_words.j2`. A file of the same name in the config directory replaces each.

mod gather;
mod priorities;
mod render;
mod svg;

pub use gather::{BriefData, gather};
pub use priorities::Priorities;
pub use render::{TEMPLATE_FILES, Templates, render};

use crate::config::Lang;
use crate::error::{Error, Result};
use crate::scoring::Weights;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// A candidate pair of parallel solutions from the dedupe engine, not yet decided by the
/// analyst. The brief lists the open ones beside the clusters the analyst confirmed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CandidatePair {
    pub a: i64,
    pub b: i64,
    /// Similarity, 0..1.
    pub score: f64,
}

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
    /// The open candidate pairs of parallel solutions from the dedupe engine; None when it
    /// was not run (the brief then says so), empty when it found none.
    pub candidates: Option<&'a [CandidatePair]>,
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
            candidates: None,
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
            _ => Err(Error::Invalid(format!(
                "cannot tell the brief's format from {}; name it .md (Markdown) or .html",
                path.display()
            ))),
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
