//! The matrix screen: ministries down, life events across, count and MNOK in each cell.

use super::super::app::App;
use super::super::theme::Theme;
use crate::i18n;
use crate::portfolio::matrix::Cell;
use crate::text::{format_mnok, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

fn cell_text(cell: &Cell, width: usize) -> String {
    if cell.count == 0 {
        return pad("·", width, true);
    }
    let text = if width >= 14 {
        format!("{} · {}", cell.count, format_mnok(cell.amount_nok))
    } else {
        cell.count.to_string()
    };
    pad(&text, width, true)
}

pub fn matrix(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let matrix = app.matrix.matrix(&app.portfolio, &app.initiatives.view);
    let columns = app.portfolio.life_events.len() + 1;
    let label_width = 12;
    let width = area.width as usize;
    // Each cell keeps one space before it so neighbouring columns never run together.
    let cell_width = (width.saturating_sub(label_width + 1) / (columns + 1)).clamp(5, 18) - 1;
    let names: Vec<String> = app
        .portfolio
        .life_events
        .iter()
        .map(|e| if app.lang == crate::config::Lang::En { e.name_en.clone() } else { e.name_nb.clone() })
        .chain(std::iter::once(app.t(i18n::NO_LIFE_EVENT).to_string()))
        .collect();
    let names = super::abbrev::headers(&names.iter().map(String::as_str).collect::<Vec<_>>(), cell_width);
    let mut header = vec![Span::styled(pad("", label_width, false), theme.header)];
    for (index, name) in names.iter().enumerate() {
        let style = if index == app.matrix.cell.1 { theme.tab_active } else { theme.header };
        header.push(Span::styled(" ", theme.header));
        header.push(Span::styled(pad(name, cell_width, true), style));
    }
    header.push(Span::styled(format!(" {}", pad(app.t(i18n::TOTAL), cell_width, true)), theme.header));
    let mut lines = vec![Line::from(header)];
    for (row_index, row) in matrix.rows.iter().enumerate() {
        let label = row.code.clone().unwrap_or_else(|| app.t(i18n::NO_MINISTRY).to_string());
        let mut spans = vec![Span::styled(pad(&label, label_width, false), theme.header)];
        for (column, cell) in row.cells.iter().enumerate() {
            let selected = row_index == app.matrix.cell.0 && column == app.matrix.cell.1;
            // An empty cell is a gap, a crowded one a candidate for parallel solutions.
            let style = if selected {
                theme.selected
            } else if cell.count == 0 {
                theme.dim
            } else if cell.count >= 10 {
                theme.marked
            } else {
                theme.base
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(cell_text(cell, cell_width), style));
        }
        spans.push(Span::styled(format!(" {}", cell_text(&row.total, cell_width)), theme.amount));
        lines.push(Line::from(spans));
    }
    let mut totals = vec![Span::styled(pad(app.t(i18n::TOTAL), label_width, false), theme.header)];
    totals.extend(
        matrix.totals.iter().map(|cell| Span::styled(format!(" {}", cell_text(cell, cell_width)), theme.header)),
    );
    lines.push(Line::from(totals));
    lines.push(Line::from(""));
    // The cell under the cursor in words: headers are cut short in narrow terminals.
    if let (Some(row), Some(name)) = (matrix.rows.get(app.matrix.cell.0), names.get(app.matrix.cell.1)) {
        let cell = row.cells[app.matrix.cell.1];
        let ministry = row.code.clone().unwrap_or_else(|| app.t(i18n::NO_MINISTRY).to_string());
        lines.push(Line::from(Span::styled(
            truncate_to_width(
                &format!(
                    " {ministry} × {name}: {} {} · {} MNOK",
                    cell.count,
                    app.t(i18n::INITIATIVES),
                    format_mnok(cell.amount_nok)
                ),
                width,
            ),
            theme.hint_key,
        )));
    }
    lines.push(Line::from(Span::styled(format!(" {}", app.t(i18n::MATRIX_HELP)), theme.dim)));
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
