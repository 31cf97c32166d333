//! The filter bar's query language against the demo's reference data.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samla::portfolio::{Portfolio, parse_filter};
use samla::store::{Resolver, Store};
use std::sync::OnceLock;

fn setup() -> &'static (Portfolio, Resolver) {
    static SETUP: OnceLock<(Portfolio, Resolver)> = OnceLock::new();
    SETUP.get_or_init(|| {
        let store = Store::open_in_memory().expect("store");
        let portfolio = Portfolio::load(&store).expect("portfolio");
        let resolver = Resolver::load_for(&store).expect("resolver");
        (portfolio, resolver)
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (portfolio, resolver) = setup();
    if let Ok(filter) = parse_filter(text, portfolio, resolver) {
        for row in &portfolio.rows {
            let _ = filter.matches(row);
        }
    }
});
