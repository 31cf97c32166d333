//! Priority lists as a Markdown table, with the settings above it. Every value from the
//! data is escaped (see [`super::escape::markdown`]), so a title holding `|`, `*` or
//! `<script>` stays one cell of plain text.

use super::escape::markdown;
use super::list::PriorityList;
use super::table::{Cell, Kind, columns, row_cells};
use crate::config::Lang;
use crate::i18n::{self, Text};
use crate::text::{format_mnok, group_thousands};

pub fn to_markdown(list: &PriorityList) -> String {
    let lang = list.lang;
    let t = |text: Text| text.get(lang);
    let mut out = format!("# {}\n\n", t(i18n::LIST_SHEET));
    let filters = if list.filters.is_empty() {
        t(i18n::NO_FILTER).to_string()
    } else {
        list.filters.iter().map(|f| format!("`{}`", f.replace('`', "'"))).collect::<Vec<_>>().join(" ")
    };
    out.push_str(&format!("- {}: {}\n", t(i18n::GENERATED_AT), markdown(&list.generated_at)));
    out.push_str(&format!("- {}: {filters}\n", t(i18n::FILTER)));
    let shown = list.rows.len();
    out.push_str(&format!("- {}: {} ({} {shown})\n", t(i18n::MATCHED), list.matched, t(i18n::SHOWN_OF_TOTAL)));
    match &list.frame {
        None => out.push_str(&format!("- {}: {}\n", t(i18n::FRAME), t(i18n::NONE))),
        Some(frame) => out.push_str(&format!(
            "- {}: {} MNOK · {} {} MNOK · {} {} MNOK · {}: {}\n",
            t(i18n::FRAME),
            format_mnok(frame.frame_nok),
            t(i18n::SPENT),
            format_mnok(frame.spent_nok),
            t(i18n::LEFT),
            format_mnok(frame.remaining_nok),
            t(i18n::FRAME_CHOSEN),
            frame.chosen
        )),
    }
    let weights: Vec<String> = list
        .criteria
        .iter()
        .map(|c| format!("{} {} %", markdown(&c.name), decimal(c.share * 100.0, 0, lang)))
        .collect();
    out.push_str(&format!("- {}: {}\n", t(i18n::WEIGHTS), weights.join(", ")));
    out.push_str(&format!("- {}\n\n", t(i18n::RANK_NOTE)));

    let columns = columns(list);
    out.push('|');
    for column in &columns {
        out.push_str(&format!(" {} |", markdown(&column.header)));
    }
    out.push_str("\n|");
    for column in &columns {
        out.push_str(match column.kind {
            Kind::Integer | Kind::Nok | Kind::Score => "---:|",
            Kind::Text | Kind::LongText => "---|",
        });
    }
    out.push('\n');
    for row in &list.rows {
        out.push('|');
        for cell in row_cells(list, row) {
            let text = match cell {
                Cell::Text(text) => markdown(&text),
                Cell::Integer(value) => value.map(group_thousands).unwrap_or_default(),
                Cell::Decimal(value) => value.map(|v| decimal(v, 1, lang)).unwrap_or_default(),
            };
            out.push_str(&format!(" {text} |"));
        }
        out.push('\n');
    }
    out
}

fn decimal(value: f64, places: usize, lang: Lang) -> String {
    let text = format!("{value:.places$}");
    if lang == Lang::Nb { text.replace('.', ",") } else { text }
}
