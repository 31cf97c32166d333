//! Listing, filtering and searching a generated portfolio at each size of
//! `SAMLA_BENCH_ROWS`: the SQL listing behind `samla list` (everything; `--search`), and the
//! in-memory view behind the terminal UI and `samla list --filter` (a filter; a search).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use samla::portfolio::{Portfolio, Search, SortCache, ViewQuery, parse_filter};
use samla::store::{ListQuery, Resolver};
use std::hint::black_box;

/// Found in about one row in forty of the generated data (an object of the generator).
const SEARCH: &str = "dødsbo";
/// A filter with a ministry, a phase and an amount range, as an analyst would narrow.
const FILTER: &str = "dep:AID,HOD fase:konsept beløp:>10";

fn list(c: &mut Criterion) {
    for rows in common::sizes() {
        let data = common::Imported::new(rows);
        let store = data.open();
        let portfolio = Portfolio::load(&store).expect("load");
        let resolver = Resolver::load_for(&store).expect("resolver");
        let filter = parse_filter(FILTER, &portfolio, &resolver).expect("filter");
        let mut group = common::group(c, "list", rows);

        group.bench_function("sql_all", |b| b.iter(|| store.list(&ListQuery::default()).expect("list").len()));
        let search = ListQuery { search: Some(SEARCH.into()), ..ListQuery::default() };
        group.bench_function("sql_search", |b| b.iter(|| store.list(&search).expect("list").len()));

        let filtered = ViewQuery { filter, ..ViewQuery::default() };
        let searched = ViewQuery { search: Search::new(SEARCH), ..ViewQuery::default() };
        for (name, query) in [("view_filter", filtered), ("view_search", searched)] {
            let mut cache = SortCache::default();
            group.bench_function(name, |b| b.iter(|| black_box(portfolio.view(&query, &mut cache, None).rows.len())));
        }
        group.finish();
    }
}

criterion_group!(benches, list);
criterion_main!(benches);
