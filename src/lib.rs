//! samla: an offline workbench for budget analysts in the Norwegian public sector.
//!
//! The library holds every capability (store, import, listing, ...). The CLI in [`cli`] and
//! the terminal UI in [`tui`] call the same functions, so a command and a key press do the
//! same thing. Only `tui` uses ratatui and crossterm.

// Clippy's pedantic lints are on; allowed are only those that are noise for this crate.
#![warn(clippy::pedantic)]
// Hundreds of pure accessors in an application's library: #[must_use] on each is noise.
#![allow(clippy::must_use_candidate)]
// Errors are typed enums (error::Error and its problem enums) that describe themselves.
#![allow(clippy::missing_errors_doc)]
// Reports are built with push_str(&format!(..)); write! to a String gives a Result that cannot fail.
#![allow(clippy::format_push_string)]
// Docs quote example words ("MinSak", "FDK") and file names as prose, and clap shows arg docs as --help.
#![allow(clippy::doc_markdown)]
// Tests assert exact results of deterministic float arithmetic.
#![cfg_attr(test, allow(clippy::float_cmp))]
// Counts, row indices and NOK amounts stay far below 2^52, so they are exact as f64.
#![allow(clippy::cast_precision_loss)]
// Row indices fit u32, small tables (ministries, phases, risks) u16/u8, rounded amounts i64.
#![allow(clippy::cast_possible_truncation)]
// Counts, lines and positions handed to SQLite as i64 are far below i64::MAX.
#![allow(clippy::cast_possible_wrap)]
// What is cast to unsigned is non-negative by construction: clamped shares, counts from SQLite.
#![allow(clippy::cast_sign_loss)]

pub mod cli;
pub mod config;
pub mod dedupe;
pub mod demo;
pub mod error;
pub mod export;
pub mod files;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod model;
pub mod paths;
pub mod portfolio;
pub mod reference;
pub mod scoring;
pub mod store;
pub mod suggest;
pub mod tagging;
pub mod text;
pub mod tui;

pub use error::{Error, Result};
pub use store::{ListQuery, OpenMode, SortField, Store};

/// Maps and sets keyed by words, cell texts and ids with a fast, non-cryptographic hash: the
/// duplicate analysis and the import look keys up millions of times. foldhash is seeded per
/// process, so a file cannot choose keys that collide; that is all an offline tool needs.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub(crate) type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

/// The current local time as RFC 3339 with seconds, as the change log writes it.
pub fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}
