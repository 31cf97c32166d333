//! Where samla keeps its files: config dir, data dir, and the database.

use crate::error::{Error, Result};
use std::path::PathBuf;

/// Environment variables that move samla's directories (handy for portable use and tests).
pub const CONFIG_DIR_ENV: &str = "SAMLA_CONFIG_DIR";
pub const DATA_DIR_ENV: &str = "SAMLA_DATA_DIR";
/// The database path; `--db` wins over it.
pub const DB_ENV: &str = "SAMLA_DB";

/// How the database path was chosen, so `samla paths` can say why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DbOrigin {
    Flag,
    Default,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Paths {
    pub config_dir: PathBuf,
    pub data_dir: PathBuf,
    pub database: PathBuf,
    pub database_origin: DbOrigin,
}

impl Paths {
    /// Resolves the directories from the environment and the platform's conventions
    /// (`directories`), and the database from `db` (the `--db` flag or `SAMLA_DB`).
    pub fn resolve(db: Option<PathBuf>) -> Result<Self> {
        let project = directories::ProjectDirs::from("no", "samla", "samla");
        let from_env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let config_dir = from_env(CONFIG_DIR_ENV)
            .or_else(|| project.as_ref().map(|p| p.config_dir().to_path_buf()))
            .ok_or_else(no_home)?;
        let data_dir = from_env(DATA_DIR_ENV)
            .or_else(|| project.as_ref().map(|p| p.data_dir().to_path_buf()))
            .ok_or_else(no_home)?;
        let (database, database_origin) = match db {
            Some(path) => (path, DbOrigin::Flag),
            None => (data_dir.join("samla.db"), DbOrigin::Default),
        };
        Ok(Self { config_dir, data_dir, database, database_origin })
    }

    /// The database `samla demo` rebuilds each time, apart from the analyst's own.
    pub fn demo_database(&self) -> PathBuf {
        self.data_dir.join("demo.db")
    }

    /// Where copies taken before imports go.
    pub fn backup_dir(&self) -> PathBuf {
        self.data_dir.join("backups")
    }

    pub fn config_file(&self) -> PathBuf {
        self.config_dir.join("config.toml")
    }
}

fn no_home() -> Error {
    Error::NoHomeDirectory { config_env: CONFIG_DIR_ENV, data_env: DATA_DIR_ENV }
}
