//! `samla doctor` and `samla backup`.

use super::{BackupArgs, Context, DoctorArgs, print, to_json};
use crate::error::Result;
use crate::i18n;
use crate::store::OpenMode;
use crate::text::display_line;
use std::process::ExitCode;

pub fn doctor(context: &Context, args: &DoctorArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let health = store.doctor()?;
    if args.json {
        print(&(to_json(&health, true)? + "\n"))?;
    } else {
        let lang = context.lang;
        let mut out = format!("{} ({}):\n", store.path().display(), health.checks.len());
        for check in &health.checks {
            let problems: Vec<&crate::store::Problem> = health.problems.iter().filter(|p| p.check == *check).collect();
            let mark = if problems.is_empty() { "ok" } else { "!!" };
            out.push_str(&format!("  {mark}  {check}\n"));
            for problem in problems {
                out.push_str(&format!("        {}\n", display_line(&problem.detail)));
            }
        }
        out.push_str(if health.problems.is_empty() {
            i18n::DOCTOR_OK.get(lang)
        } else {
            i18n::DOCTOR_PROBLEMS.get(lang)
        });
        out.push('\n');
        print(&out)?;
    }
    Ok(if health.problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

pub fn backup(context: &Context, args: &BackupArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    store.backup_to(&args.file)?;
    print(&format!("{} {}\n", i18n::BACKUP_WRITTEN.get(context.lang), args.file.display()))?;
    Ok(ExitCode::SUCCESS)
}
