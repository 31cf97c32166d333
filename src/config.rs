//! The user's `config.toml`: who the analyst is, language, theme, mouse.

use crate::error::{ConfigProblem, Error, Result};
pub use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The name written to the change log with every edit. Defaults to the OS user.
    pub analyst: String,
    pub lang: Lang,
    pub theme: String,
    /// Mouse capture in the TUI; off lets the terminal select text.
    pub mouse: bool,
    /// The score (0 to 1) at or above which two initiatives are listed as a possible
    /// duplicate or overlap, in the review screen, `samla dedupe` and the brief. Unset, it
    /// is chosen from the portfolio's own scores (or the analyst's decisions).
    pub duplicate_threshold: Option<f64>,
    /// The folder exports and briefs from the terminal UI go to (`~/` is the home folder).
    /// Unset, the data directory's `eksport/`.
    pub export_dir: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            analyst: os_user(),
            lang: Lang::Nb,
            theme: "default".into(),
            mouse: true,
            duplicate_threshold: None,
            export_dir: None,
        }
    }
}

impl Config {
    /// Reads `path` if it exists; a missing file means the defaults. Unknown keys and wrong
    /// types are errors that name the file and line.
    pub fn load(path: &Path) -> Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => return Err(Error::io("read", path, e)),
        };
        Self::from_toml(&text, &path.display().to_string())
    }

    /// Parses the text of a config file named `file` (for messages).
    pub fn from_toml(text: &str, file: &str) -> Result<Self> {
        let mut config: Config = toml::from_str(text).map_err(|e| ConfigProblem::Unreadable {
            file: file.to_string(),
            detail: e.to_string().trim_end().replace('\n', " "),
        })?;
        if config.analyst.trim().is_empty() {
            config.analyst = os_user();
        }
        if let Some(threshold) = config.duplicate_threshold.filter(|t| !(0.0..=1.0).contains(t)) {
            return Err(ConfigProblem::ThresholdOutOfRange { file: file.to_string(), value: threshold }.into());
        }
        Ok(config)
    }
}

impl Config {
    /// Where exports go: `export_dir` (with `~/` as the home folder), else `eksport/` in
    /// `data_dir`.
    pub fn export_folder(&self, data_dir: &Path) -> PathBuf {
        match &self.export_dir {
            Some(dir) => match (dir.strip_prefix("~"), std::env::var_os("HOME")) {
                (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
                _ => dir.clone(),
            },
            None => data_dir.join("eksport"),
        }
    }
}

/// The OS user name, or "analytiker" when none is set.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "analytiker".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_file_gives_defaults_and_unknown_keys_are_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        let config = Config::load(&path).expect("defaults");
        assert_eq!(config.lang, Lang::Nb);
        assert!(config.mouse);

        std::fs::write(&path, "analyst = \"Kari\"\nlang = \"en\"\n").expect("write");
        let config = Config::load(&path).expect("valid");
        assert_eq!(config.analyst, "Kari");
        assert_eq!(config.lang, Lang::En);

        std::fs::write(&path, "analyst = \"Kari\"\ncolour = \"red\"\n").expect("write");
        let err = Config::load(&path).expect_err("unknown key").to_string();
        assert!(err.contains("config.toml") && err.contains("line 2") && err.contains("colour"), "{err}");
    }

    #[test]
    fn the_duplicate_threshold_is_a_score_between_0_and_1() {
        assert_eq!(Config::default().duplicate_threshold, None, "chosen from the portfolio");
        let config = Config::from_toml("duplicate_threshold = 0.75\n", "config.toml").expect("valid");
        assert_eq!(config.duplicate_threshold, Some(0.75));
        let err = Config::from_toml("duplicate_threshold = 75\n", "config.toml").expect_err("out of range");
        assert!(err.to_string().contains("between 0 and 1"), "{err}");
    }

    #[test]
    fn exports_go_to_the_folder_chosen_or_the_data_directorys_eksport() {
        let data = Path::new("/data/samla");
        assert_eq!(Config::default().export_folder(data), data.join("eksport"));
        let config = Config::from_toml("export_dir = \"/home/kari/Rapporter\"\n", "config.toml").expect("valid");
        assert_eq!(config.export_folder(data), Path::new("/home/kari/Rapporter"));
        let config = Config::from_toml("export_dir = \"~/Rapporter\"\n", "config.toml").expect("valid");
        if let Some(home) = std::env::var_os("HOME") {
            assert_eq!(config.export_folder(data), PathBuf::from(home).join("Rapporter"));
        }
    }
}
