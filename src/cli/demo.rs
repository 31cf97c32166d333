//! `samla demo`: build the demo database and show it.

use super::{Context, DemoArgs, GenerateArgs, print};
use crate::error::Error;
use crate::error::Result;
use crate::i18n;
use crate::paths::DbOrigin;
use std::process::ExitCode;

pub fn run(context: &Context, args: &DemoArgs) -> Result<ExitCode> {
    let path = match context.paths.database_origin {
        DbOrigin::Flag => context.paths.database.clone(),
        DbOrigin::Default => context.paths.demo_database(),
    };
    let (store, reports) = match args.rows {
        Some(rows) => {
            crate::demo::build_generated(&path, &context.reference, &context.config.analyst, rows, args.seed)?
        }
        None => crate::demo::build(&path, &context.reference, &context.config.analyst)?,
    };
    let lang = context.lang;
    let mut out = format!("{}: {}\n", i18n::DEMO_BUILT.get(lang), path.display());
    for report in &reports {
        let c = &report.counts;
        out.push_str(&format!(
            "  {:<24} {:>4} {}, {:>3} {}, {:>3} {}, {:>3} {}\n",
            report.file.trim_start_matches("data/sample/"),
            c.inserted,
            i18n::INSERTED.get(lang),
            c.updated,
            i18n::UPDATED.get(lang),
            c.withdrawn,
            i18n::WITHDRAWN_COUNT.get(lang),
            c.warnings,
            i18n::WARNINGS.get(lang),
        ));
    }
    let (active, withdrawn) = store.count_initiatives()?;
    out.push_str(&format!(
        "  {active} {} ({withdrawn} {})\n",
        i18n::INITIATIVES.get(lang),
        i18n::WITHDRAWN_COUNT.get(lang)
    ));
    if !args.no_open && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        drop(store);
        context.open_tui(path)?;
        return Ok(ExitCode::SUCCESS);
    }
    out.push_str(&format!(
        "{}: samla --db {} list\n",
        i18n::DEMO_NEXT.get(lang),
        shell_quote(&path.display().to_string())
    ));
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Quotes a path for a shell command line when it needs it.
fn shell_quote(text: &str) -> String {
    if text.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@".contains(c)) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

pub fn generate(context: &Context, args: &GenerateArgs) -> Result<ExitCode> {
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&args.out)
        .map_err(|e| Error::io("create", &args.out, e))?;
    let mut writer = std::io::BufWriter::new(file);
    crate::generate::write_csv(args.rows, args.seed, &mut writer)?;
    std::io::Write::flush(&mut writer).map_err(|e| Error::io("write", &args.out, e))?;
    print(&format!("{} {} {}\n", args.rows, i18n::INITIATIVES.get(context.lang), args.out.display()))?;
    Ok(ExitCode::SUCCESS)
}
