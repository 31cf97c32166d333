//! Mistakes on the command line itself (an unknown option, a value a parser refused, a
//! missing argument) said in the user's language: clap words them in English only. clap
//! still finds them; this only says them, from the data clap keeps with each error.

use super::{Cli, LangArg};
use crate::i18n::Lang;
use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// Parses the command line. Help and version are printed as clap prints them; a mistake
/// is said in bokmål (or English with `--lang en`) and ends the process with clap's exit
/// code (2).
pub fn parse_or_exit(fallback: impl FnOnce() -> Lang) -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => {
            let shown_as_is = matches!(
                error.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            );
            let lang = lang_in(&args).unwrap_or_else(fallback);
            if shown_as_is || lang == Lang::En {
                error.exit();
            }
            eprintln!("{}", describe(&error, lang));
            std::process::exit(error.exit_code());
        }
    }
}

/// `--lang` as given on the command line, read before clap has parsed it (its error may be
/// the one to say).
fn lang_in(args: &[OsString]) -> Option<Lang> {
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value = words.iter().enumerate().find_map(|(i, word)| match word.strip_prefix("--lang") {
        Some("") => words.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_string),
        None => None,
    })?;
    match <LangArg as clap::ValueEnum>::from_str(&value, true).ok()? {
        LangArg::Nb => Some(Lang::Nb),
        LangArg::En => Some(Lang::En),
    }
}

/// The error as samla says it in bokmål: what is wrong, what clap suggests, and where to
/// read more.
pub fn describe(error: &clap::Error, lang: Lang) -> String {
    let text = |kind| error.get(kind).map(value_text);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::UnknownArgument => format!("ukjent valg «{arg}»"),
        ErrorKind::InvalidSubcommand => {
            format!("ukjent kommando «{}»", text(ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => format!("«{value}» er ikke en gyldig verdi for {arg}; gyldige verdier: {valid}"),
            None => format!("{arg} mangler en verdi"),
        },
        ErrorKind::ValueValidation => {
            // samla's own parsers refuse with a typed error, said in the user's language.
            let reason = std::error::Error::source(error)
                .and_then(|source| source.downcast_ref::<crate::Error>())
                .map(|e| e.message(lang));
            match reason {
                Some(reason) => format!("{arg}: {reason}"),
                None => format!("«{value}» er ikke en gyldig verdi for {arg}"),
            }
        }
        ErrorKind::MissingRequiredArgument => format!("mangler {arg}"),
        ErrorKind::MissingSubcommand => "mangler en kommando".to_string(),
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} kan ikke brukes sammen med {prior}")
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("feil antall verdier for {arg}")
        }
        ErrorKind::NoEquals => format!("{arg} trenger en verdi etter «=»"),
        ErrorKind::InvalidUtf8 => "kommandolinjen er ikke gyldig UTF-8".to_string(),
        _ => format!("feil i kommandolinjen: {}", first_line(&error.to_string())),
    };
    let mut out = format!("samla: {message}");
    let suggested = error.get(ContextKind::SuggestedArg).or_else(|| error.get(ContextKind::SuggestedSubcommand));
    if let Some(suggested) = suggested {
        let quoted: Vec<String> = match suggested {
            ContextValue::Strings(values) => values.iter().map(|v| format!("«{v}»")).collect(),
            other => vec![format!("«{}»", value_text(other))],
        };
        out.push_str(&format!("; mente du {}?", quoted.join(" eller ")));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
        out.push_str(&format!("\n\nBruk: {usage}"));
    }
    out.push_str("\n\nMer hjelp: samla --help (eller samla KOMMANDO --help)");
    out
}

fn value_text(value: &ContextValue) -> String {
    match value {
        ContextValue::Strings(values) => values.join(", "),
        ContextValue::StyledStrs(values) => values.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

fn first_line(text: &str) -> &str {
    let line = text.lines().next().unwrap_or_default();
    line.strip_prefix("error: ").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> clap::Error {
        let mut all = vec!["samla"];
        all.extend_from_slice(args);
        Cli::try_parse_from(all).expect_err("a mistake")
    }

    #[test]
    fn an_unknown_option_is_named_with_clap_s_suggestion() {
        let text = describe(&error_of(&["rank", "--formt", "json"]), Lang::Nb);
        assert!(text.starts_with("samla: ukjent valg «--formt»; mente du «--format»?"), "{text}");
        assert!(text.contains("Bruk: samla rank") && text.contains("Mer hjelp: samla --help"), "{text}");
        assert!(!text.contains("Usage") && !text.contains("error:"), "{text}");
    }

    #[test]
    fn a_value_samla_refuses_is_said_in_bokmal_with_the_option() {
        let text = describe(&error_of(&["list", "--min-mnok", "mye"]), Lang::Nb);
        assert!(text.starts_with("samla: --min-mnok <MNOK>: «mye» er ikke et beløp i MNOK (f.eks. 12,5)"), "{text}");
        let text = describe(&error_of(&["rank", "--budget", "masse"]), Lang::Nb);
        assert!(text.contains("«masse»") && !text.contains("is not"), "{text}");
    }

    #[test]
    fn a_value_outside_a_list_names_the_valid_ones() {
        let text = describe(&error_of(&["--lang", "sv", "list"]), Lang::Nb);
        assert!(
            text.starts_with("samla: «sv» er ikke en gyldig verdi for --lang <LANG>; gyldige verdier: nb, en"),
            "{text}"
        );
    }

    #[test]
    fn an_unknown_command_is_named() {
        let text = describe(&error_of(&["importer"]), Lang::Nb);
        assert!(text.starts_with("samla: ukjent kommando «importer»; mente du «export» eller «import»?"), "{text}");
    }

    #[test]
    fn the_language_is_read_from_the_arguments_before_clap() {
        let args = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(lang_in(&args(&["samla", "--lang", "en", "list"])), Some(Lang::En));
        assert_eq!(lang_in(&args(&["samla", "list", "--lang=nb"])), Some(Lang::Nb));
        assert_eq!(lang_in(&args(&["samla", "--lang"])), None);
        assert_eq!(lang_in(&args(&["samla", "--lang", "sv"])), None);
        assert_eq!(lang_in(&args(&["samla", "list"])), None);
    }
}
