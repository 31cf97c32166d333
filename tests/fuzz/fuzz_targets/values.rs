//! Amounts, years and dates as sectors write them, and budget frames as analysts type them.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::values(data));
