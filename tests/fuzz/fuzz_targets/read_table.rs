//! Any bytes, read as CSV or as a spreadsheet: an error is fine, a panic or a hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, bytes)) = data.split_first() else { return };
    let name = ["x.csv", "x.tsv", "x.xlsx", "x.ods", "x.xls", "x.txt"][choice as usize % 6];
    if let Ok(table) = samla::import::read::read_table(bytes, name, None) {
        for row in table.rows().take(10_000) {
            if let Ok(row) = row {
                let _ = row.texts().count();
            }
        }
    }
});
