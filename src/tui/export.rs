//! Exports and briefs from the TUI: what the current screen shows becomes a priority list
//! (in the screen's order, with its weights and frame), or the brief is written with the
//! screen's weights, frame and open duplicate pairs. The writing is the library's
//! (`crate::export`); this only gathers what a screen shows.

use super::app::{App, Screen};
use crate::config::Lang;
use crate::error::Result;
use crate::export::brief::{BriefOptions, ParallelInput, Templates, write_brief};
use crate::export::{ExportFormat, FrameSpec, ViewExport, export_view};
use crate::scoring::Weights;
use crate::store::Store;
use std::path::{Path, PathBuf};

/// A file to write, with everything it needs taken from the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputJob {
    List { path: PathBuf, format: ExportFormat, ids: Vec<i64>, options: ViewExport },
    Brief(BriefJob),
}

#[derive(Debug, Clone, PartialEq)]
pub struct BriefJob {
    pub path: PathBuf,
    pub lang: Lang,
    pub budget_nok: Option<i64>,
    pub weights: Option<Weights>,
    /// The screen's mode and locks (ids), so the brief's plan is the screen's.
    pub mode: crate::scoring::Mode,
    pub locked_in: Vec<i64>,
    pub locked_out: Vec<i64>,
    /// The review queue's open pairs and groups; None while it is still being built.
    pub parallel: Option<ParallelInput>,
    pub force: bool,
}

/// What was written: the file (absolute) and, for a list, how many rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub rows: Option<usize>,
}

impl OutputJob {
    pub fn path(&self) -> &Path {
        match self {
            Self::List { path, .. } => path,
            Self::Brief(job) => &job.path,
        }
    }

    /// The same job, allowed to replace the file (the user said yes).
    #[must_use]
    pub fn forced(mut self) -> Self {
        match &mut self {
            Self::List { options, .. } => options.force = true,
            Self::Brief(job) => job.force = true,
        }
        self
    }

    /// Writes the file; an existing one is [`crate::Error::OutputExists`] unless forced.
    pub fn run(&self, store: &Store, templates: &Templates) -> Result<Written> {
        match self {
            Self::List { path, format, ids, options } => {
                let exported = export_view(store, ids, path, *format, options)?;
                Ok(Written { path: exported.path, rows: Some(exported.rows) })
            }
            Self::Brief(job) => {
                let options = BriefOptions {
                    lang: job.lang,
                    budget_nok: job.budget_nok,
                    weights: job.weights.clone(),
                    mode: job.mode,
                    locked_in: job.locked_in.clone(),
                    locked_out: job.locked_out.clone(),
                    parallel: job.parallel.as_ref(),
                    ..BriefOptions::default()
                };
                let path = write_brief(store, &job.path, &options, templates, job.force)?;
                Ok(Written { path, rows: None })
            }
        }
    }
}

/// A file name to start the prompt with: what it is and today's date, in the working
/// directory. The extension picks the format, so the user can change it there.
pub fn default_name(brief: bool, lang: Lang) -> String {
    let today = chrono::Local::now().format("%Y-%m-%d");
    match (brief, lang) {
        (false, Lang::Nb) => format!("prioriteringsliste-{today}.xlsx"),
        (false, Lang::En) => format!("priority-list-{today}.xlsx"),
        (true, Lang::Nb) => format!("notat-{today}.html"),
        (true, Lang::En) => format!("brief-{today}.html"),
    }
}

/// The initiatives the current screen shows, in its order: the ranking on the priority
/// screens, the table's rows (search and filter applied) everywhere else.
pub fn shown_ids(app: &App) -> Vec<i64> {
    match (&app.scoring.state, app.screen) {
        (Some(scoring), Screen::Priorities | Screen::Portfolio) => {
            scoring.ranking.order.iter().map(|r| scoring.matrix.row(*r as usize).id).collect()
        }
        (Some(scoring), Screen::Scores) => {
            scoring.grid_order.iter().map(|r| scoring.matrix.row(*r as usize).id).collect()
        }
        _ => app.shown_ids(),
    }
}

/// The screen's weights and budget frame with its locks, when scores are loaded.
fn weights_and_frame(app: &App) -> (Option<Weights>, Option<FrameSpec>) {
    let Some(scoring) = &app.scoring.state else { return (None, None) };
    let ids = |rows: &std::collections::BTreeSet<usize>| rows.iter().map(|r| scoring.matrix.row(*r).id).collect();
    let frame = scoring.frame_nok.map(|budget_nok| FrameSpec {
        budget_nok,
        locked_in: ids(&scoring.locked_in),
        locked_out: ids(&scoring.locked_out),
        mode: scoring.mode,
    });
    (Some(scoring.weights.clone()), frame)
}

/// The list export of what the screen shows, to `path`; None when the file name names no
/// format.
pub fn list_job(app: &App, path: PathBuf) -> Option<OutputJob> {
    let format = ExportFormat::from_path(&path)?;
    let (weights, frame) = weights_and_frame(app);
    let mut filters = Vec::new();
    if !app.initiatives.search_input.text().trim().is_empty() {
        filters.push(format!("«{}»", app.initiatives.search_input.text().trim()));
    }
    if !app.initiatives.filter_input.text().trim().is_empty() {
        filters.push(app.initiatives.filter_input.text().trim().to_string());
    }
    let options = ViewExport { lang: app.lang, weights, frame, filters, ..ViewExport::default() };
    Some(OutputJob::List { path, format, ids: shown_ids(app), options })
}

/// The brief with the screen's weights, frame and the open pairs of the review queue.
pub fn brief_job(app: &App, path: PathBuf) -> OutputJob {
    let (weights, frame) = weights_and_frame(app);
    let parallel = app.duplicates.state.as_ref().map(|d| ParallelInput::from_queue(&d.queue));
    let (locked_in, locked_out) =
        frame.as_ref().map(|f| (f.locked_in.clone(), f.locked_out.clone())).unwrap_or_default();
    OutputJob::Brief(BriefJob {
        path,
        lang: app.lang,
        budget_nok: frame.map(|f| f.budget_nok),
        weights,
        mode: app.scoring.state.as_ref().map(|s| s.mode).unwrap_or_default(),
        locked_in,
        locked_out,
        parallel,
        force: false,
    })
}
