//! Any bytes, read as CSV or as a spreadsheet: an error is fine, a panic or a hang is not.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::read_table(data));
