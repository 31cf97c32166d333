//! Amounts, years and dates as sectors write them, and budget frames as analysts type them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samla::import::values::{ValueVocabulary, parse_amount, parse_date, parse_year};
use samla::reference::ReferenceSource;
use std::sync::OnceLock;

fn vocabulary() -> &'static ValueVocabulary {
    static VOCABULARY: OnceLock<ValueVocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let source = ReferenceSource::builtin().vocabulary().expect("built-in vocabulary");
        ValueVocabulary::new(&source)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let vocabulary = vocabulary();
    for factor in [1, 1_000, 1_000_000, 1_000_000_000] {
        let _ = parse_amount(text, None, factor, vocabulary);
    }
    if let Ok(number) = text.trim().parse::<f64>() {
        let _ = parse_amount("", Some(number), 1_000_000, vocabulary);
        let _ = parse_date("", Some(number), vocabulary);
        let _ = parse_year("", Some(number), vocabulary);
    }
    // The budget frame as analysts type it (`samla rank --budget`, the TUI's `b`).
    let _ = samla::scoring::parse_nok(text);
    let _ = parse_date(text, None, vocabulary);
    let _ = parse_year(text, None, vocabulary);
    let _ = vocabulary.phase(text);
    let _ = vocabulary.risk(text);
});
