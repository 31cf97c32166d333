//! Spreadsheets, from the zip down to the cells, and on through a whole import (see targets.rs).
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = targets::xlsx_target(data);
});
