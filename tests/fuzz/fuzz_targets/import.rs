//! The whole import of any bytes into a database: read, find the layout, harmonise, write.
#![no_main]

#[path = "../targets.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = targets::import(data);
});
