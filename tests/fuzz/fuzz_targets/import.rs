//! The whole import of any bytes into a database: read, find the layout, harmonise, write.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samla::import::{ImportOptions, import_bytes};
use samla::reference::ReferenceSource;
use samla::store::Store;

fuzz_target!(|data: &[u8]| {
    let Ok(mut store) = Store::open_in_memory() else { return };
    let options = ImportOptions { analyst: "fuzz".into(), ..ImportOptions::default() };
    let _ = import_bytes(&mut store, data, "fuzz.csv", "fuzz.csv", &options, &ReferenceSource::builtin());
});
