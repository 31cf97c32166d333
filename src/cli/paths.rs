//! `samla paths`: where things live.

use super::{Context, PathsArgs, print, to_json};
use crate::error::Result;
use crate::i18n;
use crate::reference;
use std::process::ExitCode;

pub fn run(context: &Context, args: &PathsArgs) -> Result<ExitCode> {
    let paths = &context.paths;
    // The brief's templates are overridden the same way as the reference files.
    let overrides: Vec<&str> = reference::ALL
        .iter()
        .chain(crate::export::brief::TEMPLATE_FILES.iter())
        .filter(|f| reference::user_file_exists(&paths.config_dir, **f))
        .map(|f| f.name)
        .collect();
    if args.json {
        let value = serde_json::json!({
            "config_dir": paths.config_dir,
            "config_file": paths.config_file(),
            "data_dir": paths.data_dir,
            "database": paths.database,
            "database_origin": paths.database_origin,
            "demo_database": paths.demo_database(),
            "reference_overrides": overrides,
        });
        print(&(to_json(&value, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let origin = match paths.database_origin {
        crate::paths::DbOrigin::Flag => "--db / SAMLA_DB",
        crate::paths::DbOrigin::Default => "default",
    };
    let overrides = if overrides.is_empty() { i18n::NONE.get(lang).to_string() } else { overrides.join(", ") };
    let text = format!(
        "{:<16} {}\n{:<16} {}\n{:<16} {}\n{:<16} {} ({origin})\n{:<16} {}\n{:<16} {}\n",
        i18n::CONFIG_DIR.get(lang),
        paths.config_dir.display(),
        "config.toml",
        paths.config_file().display(),
        i18n::DATA_DIR.get(lang),
        paths.data_dir.display(),
        i18n::DATABASE.get(lang),
        paths.database.display(),
        i18n::DEMO_DATABASE.get(lang),
        paths.demo_database().display(),
        i18n::USER_FILES.get(lang),
        overrides,
    );
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
