//! `samla export`: a priority list for a meeting, as CSV, XLSX, Markdown or JSON.

use super::{Context, ExportArgs, FilterArgs, print};
use crate::error::Result;
use crate::export::{CsvStyle, FrameSpec, ListOptions, ListOrder, absolute, build_list, format_of, write_list};
use crate::i18n;
use crate::store::OpenMode;
use std::process::ExitCode;

pub fn run(context: &Context, args: &ExportArgs) -> Result<ExitCode> {
    let format = format_of(&args.out, args.format)?;
    let store = context.open(OpenMode::Existing)?;
    let ids = super::list::selected_ids(&store, &args.filter)?;
    let options = ListOptions {
        lang: context.lang,
        weights: None,
        frame: args.budget.map(|budget_nok| FrameSpec { budget_nok, ..FrameSpec::default() }),
        top: args.top,
        order: ListOrder::ByScore,
        filters: describe(&args.filter),
    };
    let list = build_list(&store, &ids, &options)?;
    let csv = if args.comma { CsvStyle::Plain } else { CsvStyle::Excel };
    write_list(&list, &args.out, format, csv, args.force)?;
    print(&format!(
        "{} {} {} {}\n",
        i18n::WROTE.get(context.lang),
        list.rows.len(),
        i18n::ROWS_TO.get(context.lang),
        absolute(&args.out).display()
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The filter options as typed, for the list's settings ("--ministry HOD").
pub(super) fn describe(filter: &FilterArgs) -> Vec<String> {
    let mut out = Vec::new();
    let mut add = |flag: &str, value: Option<String>| {
        if let Some(value) = value {
            out.push(format!("--{flag} {value}"));
        }
    };
    add("search", filter.search.clone());
    add("ministry", filter.ministry.clone());
    add("life-event", filter.life_event.clone());
    add("tag", filter.tag.clone());
    add("phase", filter.phase.clone());
    add("source", filter.source.clone());
    add("min-mnok", filter.min_mnok.map(crate::text::format_mnok));
    add("max-mnok", filter.max_mnok.map(crate::text::format_mnok));
    add("filter", filter.filter.clone());
    if filter.all {
        out.push("--all".into());
    }
    out
}
