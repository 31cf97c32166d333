//! `samla import`, `samla changes` and `samla sources`.

use super::table::{Column, render};
use super::{ChangesArgs, Context, ImportArgs, SourcesArgs, print, terminal_width, to_json};
use crate::error::{Error, Result};
use crate::i18n;
use crate::import::{ImportOptions, import_file};
use crate::store::OpenMode;
use crate::text::display_line;
use std::process::ExitCode;

/// Undoes the latest round of `source` after copying the database, and says what it did.
fn undo(context: &Context, source: &str, json: bool) -> Result<ExitCode> {
    let mut store = context.open(OpenMode::Existing)?;
    let (copy, undone) = crate::import::undo_latest_round(&mut store, source, &context.paths.backup_dir())?;
    if json {
        /// What was undone, and where the copy taken first is.
        #[derive(serde::Serialize)]
        struct Undone<'a> {
            #[serde(flatten)]
            undone: &'a crate::model::RoundUndone,
            backup: Option<&'a std::path::Path>,
        }
        print(&(to_json(&Undone { undone: &undone, backup: copy.as_deref() }, false)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let t = |text: i18n::Text| text.get(context.lang);
    let mut text = String::new();
    if let Some(copy) = copy {
        text.push_str(&format!("{}: {}\n", t(i18n::BACKUP_BEFORE_IMPORT), copy.display()));
    }
    text.push_str(&format!(
        "{} {} {} «{}» ({}): {} {}, {} {}, {} {}\n",
        t(i18n::ROUND_UNDONE),
        undone.round,
        t(i18n::OF_SOURCE),
        display_line(&undone.source),
        display_line(&undone.file_name),
        undone.removed,
        t(i18n::ROUND_REMOVED),
        undone.restored,
        t(i18n::ROUND_RESTORED),
        undone.reactivated,
        t(i18n::ROUND_REACTIVATED),
    ));
    if undone.source_removed {
        text.push_str(&format!("{}\n", t(i18n::SOURCE_REMOVED)));
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `samla import undo SOURCE`: what `samla import` can do besides importing files.
#[derive(Debug, clap::Subcommand)]
pub enum ImportAction {
    /// Undo the latest import round of a source, as U on Kilder does: what it added is
    /// removed, what it changed or withdrew is as before (the database is copied first)
    Undo {
        /// The source's label (`samla sources` lists them)
        #[arg(value_name = "SOURCE")]
        source: String,
        /// Print what was undone as JSON
        #[arg(long)]
        json: bool,
    },
}

pub fn run(context: &Context, args: &ImportArgs) -> Result<ExitCode> {
    if let Some(ImportAction::Undo { source, json }) = &args.action {
        return undo(context, source, *json);
    }
    // A dry run writes nothing, not even a new database file: without one it imports
    // into an empty database in memory.
    let has_database = std::fs::metadata(&context.paths.database).is_ok_and(|m| m.len() > 0);
    let mut store = if args.dry_run && !has_database {
        crate::store::Store::open_in_memory_with(&context.reference)?
    } else {
        context.open(OpenMode::Create)?
    };
    let options = ImportOptions {
        source: args.source.clone(),
        sheet: args.sheet.clone(),
        mappings: args.mappings.clone(),
        dry_run: args.dry_run,
        allow_withdraw: args.allow_withdraw,
        assume_yes: args.yes,
        analyst: context.config.analyst.clone(),
        monitor: None,
    };
    if !args.dry_run {
        // Imports rewrite much; the analyst's earlier work is copied first.
        if let Some(copy) = crate::import::back_up_before_import(&store, &context.paths.backup_dir())? {
            let line = format!("{}: {}\n", i18n::BACKUP_BEFORE_IMPORT.get(context.lang), copy.display());
            if args.json { eprint!("{}", crate::text::display_output(&line)) } else { print(&line)? }
        }
    }
    let mut failed = false;
    for file in &args.files {
        match import_file(&mut store, file, &options, &context.reference) {
            Ok(report) => {
                let text = if args.json { to_json(&report, false)? + "\n" } else { report.describe(context.lang) };
                print(&text)?;
            }
            Err(error) => {
                // Each file is its own transaction: report this one, go on with the next.
                if let crate::Error::Import { problem, .. } = &error {
                    if let crate::error::ImportProblem::Unsure { columns, .. } = problem.as_ref() {
                        let lines = crate::import::proposal::describe(columns, context.lang);
                        let maps = crate::import::proposal::suggested_maps(columns);
                        let again = i18n::CONFIRM_WITH_MAP.get(context.lang);
                        let shown = format!("{lines}  {again}: samla import {} {maps}\n", file.display());
                        eprint!("{}", crate::text::display_output(&shown));
                    }
                }
                super::print_error(&super::error_line(&error, context.lang));
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

pub fn changes(context: &Context, args: &ChangesArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let source = store.require_source(&args.source)?;
    let batches = store.batches(Some(&source))?;
    let batch = match args.batch {
        Some(id) => batches.into_iter().find(|b| b.id == id).ok_or_else(|| {
            Error::from(crate::error::StoreProblem::NoSuchBatch { source_name: source.clone(), batch: id })
        })?,
        None => batches
            .into_iter()
            .next()
            .ok_or_else(|| Error::from(crate::error::StoreProblem::NoImports(source.clone())))?,
    };
    let changes = store.batch_changes(batch)?;
    if args.json {
        print(&(to_json(&changes, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let t = |text: i18n::Text| text.get(lang);
    let b = &changes.batch;
    let mut out = format!(
        "{} {} ({}, batch {}, {})\n",
        t(i18n::CHANGES_SINCE),
        display_line(&b.source),
        display_line(&b.file_name),
        b.id,
        b.imported_at
    );
    let refs = |out: &mut String, heading: i18n::Text, list: &[crate::model::InitiativeRef]| {
        if list.is_empty() {
            return;
        }
        out.push_str(&format!("\n{} ({})\n", heading.get(lang), list.len()));
        for r in list {
            out.push_str(&format!("  {:>6}  {:<12}  {}\n", r.id, display_line(&r.key), display_line(&r.title)));
        }
    };
    refs(&mut out, i18n::NEW_INITIATIVES, &changes.inserted);
    if !changes.updated.is_empty() {
        out.push_str(&format!("\n{} ({})\n", t(i18n::CHANGED_INITIATIVES), changes.updated.len()));
        for (r, list) in &changes.updated {
            out.push_str(&format!("  {:>6}  {:<12}  {}\n", r.id, display_line(&r.key), display_line(&r.title)));
            for change in list {
                out.push_str(&format!(
                    "          {}: {} → {}\n",
                    change.field,
                    display_line(&crate::text::shorten(change.old_value.as_deref().unwrap_or("–"), 60)),
                    display_line(&crate::text::shorten(change.new_value.as_deref().unwrap_or("–"), 60)),
                ));
            }
        }
    }
    refs(&mut out, i18n::WITHDRAWN_INITIATIVES, &changes.withdrawn);
    if changes.inserted.is_empty() && changes.updated.is_empty() && changes.withdrawn.is_empty() {
        out.push_str(&format!("{}\n", t(i18n::NO_CHANGES)));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn sources(context: &Context, args: &SourcesArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let batches = store.batches(None)?;
    if args.json {
        print(&(to_json(&batches, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    if batches.is_empty() {
        print(&format!("{}\n", i18n::NO_ROUNDS.get(lang)))?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = vec![
        Column::new("Batch").right(),
        Column::new(i18n::SOURCE.get(lang)),
        Column::new(i18n::SOURCE_FILE.get(lang)).flexible(),
        Column::new(i18n::IMPORTED.get(lang)),
        Column::new(i18n::ROWS_READ.get(lang)).right(),
        Column::new(i18n::INSERTED.get(lang)).right(),
        Column::new(i18n::UPDATED.get(lang)).right(),
        Column::new(i18n::WITHDRAWN_COUNT.get(lang)).right(),
        Column::new(i18n::WARNINGS.get(lang)).right(),
    ];
    let rows: Vec<Vec<String>> = batches
        .iter()
        .map(|b| {
            vec![
                b.id.to_string(),
                b.source.clone(),
                b.file_name.clone(),
                b.imported_at.chars().take(16).collect::<String>().replace('T', " "),
                b.rows_read.to_string(),
                b.inserted.to_string(),
                b.updated.to_string(),
                b.withdrawn.to_string(),
                b.warnings.to_string(),
            ]
        })
        .collect();
    print(&render(&columns, &rows, terminal_width()))?;
    Ok(ExitCode::SUCCESS)
}
