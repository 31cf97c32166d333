//! `samla brief`: the brief for the embetsgruppe, as Markdown or self-contained HTML.

use super::{BriefArgs, Context, print};
use crate::error::Result;
use crate::export::brief::{BriefOptions, ParallelInput, Templates, write_brief};
use crate::i18n;
use crate::store::OpenMode;
use std::process::ExitCode;

pub fn run(context: &Context, args: &BriefArgs) -> Result<ExitCode> {
    // The format is checked before the database is opened, so a typo costs nothing.
    crate::export::brief::BriefFormat::from_path(&args.out)?;
    let store = context.open(OpenMode::Existing)?;
    // The review's open pairs and groups, as the duplicates screen and `samla dedupe` have
    // them. Only those are kept: the analysis behind them (gigabytes at a million
    // initiatives) is dropped before the brief gathers the rest.
    let parallel = {
        let queue = store.review_queue(
            &crate::dedupe::ServiceKinds::from_reference(&context.reference)?,
            context.config.duplicate_threshold,
        )?;
        ParallelInput::from_queue(&queue)
    };
    let options = BriefOptions {
        lang: context.lang,
        title: args.title.clone(),
        date: args.date.clone(),
        budget_nok: args.budget,
        top: args.top,
        mode: args.mode.unwrap_or_default(),
        parallel: Some(&parallel),
        ..BriefOptions::default()
    };
    let templates = Templates::with_user_dir(&context.paths.config_dir);
    let written = write_brief(&store, &args.out, &options, &templates, args.force)?;
    print(&format!("{} {}\n", i18n::BRIEF_TO.get(context.lang), written.display()))?;
    Ok(ExitCode::SUCCESS)
}
