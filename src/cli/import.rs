//! `samla import`, `samla changes` and `samla sources`.

use super::table::{Column, render};
use super::{ChangesArgs, Context, ImportArgs, SourcesArgs, print, terminal_width, to_json};
use crate::config::Lang;
use crate::error::{Error, Result};
use crate::i18n;
use crate::import::{ImportOptions, ImportReport, import_file};
use crate::store::OpenMode;
use crate::text::display_line;
use std::process::ExitCode;

/// How many warnings and rejected rows the text report lists before pointing at --json.
const LISTED: usize = 15;

pub fn run(context: &Context, args: &ImportArgs) -> Result<ExitCode> {
    let mut store = context.open(OpenMode::Create)?;
    let options = ImportOptions {
        source: args.source.clone(),
        sheet: args.sheet.clone(),
        mappings: args.mappings.clone(),
        dry_run: args.dry_run,
        analyst: context.config.analyst.clone(),
        monitor: None,
    };
    let mut failed = false;
    for file in &args.files {
        match import_file(&mut store, file, &options, &context.reference) {
            Ok(report) => {
                let text = if args.json { to_json(&report, false)? + "\n" } else { describe(&report, context.lang) };
                print(&text)?;
            }
            Err(error) => {
                // Each file is its own transaction: report this one, go on with the next.
                eprintln!("samla: {error}");
                failed = true;
            }
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The report as text for a person.
pub fn describe(report: &ImportReport, lang: Lang) -> String {
    let t = |text: i18n::Text| text.get(lang);
    let mut out = format!(
        "{} ({} {})\n",
        display_line(&report.file),
        t(i18n::SOURCE).to_lowercase(),
        display_line(&report.source)
    );
    if let Some(previous) = &report.already_imported {
        out.push_str(&format!(
            "  {} ({}, {} {}, batch {}): {}.\n",
            t(i18n::ALREADY_IMPORTED),
            display_line(&previous.file_name),
            t(i18n::SOURCE).to_lowercase(),
            display_line(&previous.source),
            previous.batch_id,
            t(i18n::NOTHING_CHANGED)
        ));
        return out;
    }
    if let Some(format) = &report.format {
        let mut parts = vec![format.format.clone()];
        if let Some(encoding) = &format.encoding {
            parts.push(format!("{} {encoding}", t(i18n::ENCODING)));
        }
        if let Some(delimiter) = &format.delimiter {
            parts.push(format!("{} '{delimiter}'", t(i18n::DELIMITER)));
        }
        if let Some(line_ending) = &format.line_ending {
            parts.push(line_ending.clone());
        }
        if let Some(sheet) = &format.sheet {
            parts.push(format!("{} «{}»", t(i18n::SHEET), display_line(sheet)));
        }
        if let Some(layout) = &report.layout {
            parts.push(format!("{} {}", t(i18n::HEADER_ROW), layout.header_row));
        }
        out.push_str(&format!("  {}: {}\n", t(i18n::FORMAT), parts.join(", ")));
    }
    if let Some(layout) = &report.layout {
        let mapping: Vec<String> = layout
            .mapping
            .iter()
            .map(|m| {
                let unit = m.unit_factor.map(|f| format!(" ×{f}")).unwrap_or_default();
                format!("{} ← «{}»{unit}", m.field.name(), display_line(&m.header))
            })
            .collect();
        out.push_str(&format!("  {}: {}\n", t(i18n::MAPPING), mapping.join(", ")));
        if !layout.unmapped.is_empty() {
            let unmapped: Vec<String> = layout.unmapped.iter().map(|h| format!("«{}»", display_line(h))).collect();
            out.push_str(&format!("  {}: {}\n", t(i18n::UNMAPPED), unmapped.join(", ")));
        }
    }
    let c = &report.counts;
    out.push_str(&format!(
        "  {} {}: {} {}, {} {}, {} {}, {} {}, {} {}, {} {}\n",
        c.rows_read,
        t(i18n::ROWS_READ),
        c.inserted,
        t(i18n::INSERTED),
        c.updated,
        t(i18n::UPDATED),
        c.unchanged,
        t(i18n::UNCHANGED),
        c.withdrawn,
        t(i18n::WITHDRAWN_COUNT),
        c.rejected,
        t(i18n::REJECTED),
        c.warnings,
        t(i18n::WARNINGS),
    ));
    if !report.new_municipalities.is_empty() {
        out.push_str(&format!("  {}: {}\n", t(i18n::NEW_MUNICIPALITIES), report.new_municipalities.join(", ")));
    }
    for updated in report.updated_keys.iter().take(LISTED) {
        out.push_str(&format!(
            "  {} {}: {}\n",
            t(i18n::CHANGED),
            display_line(&updated.key),
            updated.fields.join(", ")
        ));
    }
    more(&mut out, report.updated_keys.len(), lang);
    for warning in report.warning_list.iter().take(LISTED) {
        out.push_str(&format!(
            "  ! {} {}, {}: «{}» {}\n",
            t(i18n::LINE),
            warning.line,
            warning.field,
            display_line(&warning.value),
            warning.reason
        ));
    }
    more(&mut out, report.warning_list.len(), lang);
    for rejected in report.rejected_rows.iter().take(LISTED) {
        out.push_str(&format!(
            "  ✗ {} {}: {} ({})\n",
            t(i18n::LINE),
            rejected.line,
            rejected.reason,
            display_line(&rejected.raw.join(" | "))
        ));
    }
    more(&mut out, report.rejected_rows.len(), lang);
    if report.dry_run {
        out.push_str(&format!("  {}.\n", t(i18n::DRY_RUN)));
    }
    out
}

fn more(out: &mut String, total: usize, lang: Lang) {
    if total > LISTED {
        out.push_str(&format!(
            "  … {} {} ({})\n",
            total - LISTED,
            i18n::MORE.get(lang),
            i18n::USE_JSON_FOR_ALL.get(lang)
        ));
    }
}

pub fn changes(context: &Context, args: &ChangesArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let source = store.require_source(&args.source)?;
    let batches = store.batches(Some(&source))?;
    let batch = match args.batch {
        Some(id) => batches.into_iter().find(|b| b.id == id).ok_or_else(|| {
            Error::Invalid(format!("source '{source}' has no import batch {id}; see `samla sources`"))
        })?,
        None => {
            batches.into_iter().next().ok_or_else(|| Error::Invalid(format!("source '{source}' has no imports")))?
        }
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
