//! The score grid: one row per initiative in rank order, one column per criterion. Digits
//! type a score into the cell, which then moves on; derived criteria show their value dimmed.

use super::super::app::App;
use super::super::theme::Theme;
use super::priorities::loading;
use crate::i18n;
use crate::scoring::criteria::format_number;
use crate::text::{display_line, format_decimal, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

const CELL: usize = 6;

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

pub fn scores(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(scoring) = &app.scoring else { return loading(frame, app, theme, area) };
    let width = area.width as usize;
    let criteria = scoring.matrix.criteria();
    let columns = criteria.len();
    let title_width = width.saturating_sub(6 + 1 + columns * CELL + 7 + 1).max(10);
    let mut header = vec![Span::styled(
        format!("{} {}", pad(app.t(i18n::RANK), 6, true), pad(app.t(i18n::TITLE), title_width, false)),
        theme.header,
    )];
    for (index, criterion) in criteria.iter().enumerate() {
        let label = format!("K{}{}", index + 1, if criterion.is_manual() { "" } else { "·" });
        let style = if index == scoring.grid_col { theme.tab_active } else { theme.header };
        header.push(Span::styled(pad(&label, CELL, true), style));
    }
    header.push(Span::styled(pad(app.t(i18n::SCORE), 7, true), theme.header));
    let used: usize = header.iter().map(|s| s.content.width()).sum();
    header.push(Span::styled(" ".repeat(width.saturating_sub(used)), theme.header));
    let mut lines = vec![Line::from(header)];

    let page = area.height.saturating_sub(2) as usize;
    for place in scoring.grid_offset..(scoring.grid_offset + page).min(scoring.grid_order.len()) {
        let Some(row) = scoring.grid_row_at(place) else { break };
        let candidate = scoring.matrix.row(row);
        let selected_row = place == scoring.grid_row;
        let base = if selected_row { theme.base.patch(theme.marked) } else { theme.base };
        let mut spans = vec![Span::styled(
            format!(
                "{} {}",
                pad(&(place + 1).to_string(), 6, true),
                pad(&display_line(&candidate.title), title_width, false)
            ),
            base,
        )];
        for (index, criterion) in criteria.iter().enumerate() {
            let text = match scoring.matrix.value(row, index) {
                Some(value) => format_number((value * 10.0).round() / 10.0).replace('.', ","),
                None => "·".to_string(),
            };
            let mut style = if criterion.is_manual() { base } else { base.patch(theme.dim) };
            if scoring.matrix.value(row, index).is_none() {
                style = style.patch(theme.dim);
            }
            if selected_row && index == scoring.grid_col {
                style = theme.selected;
            }
            spans.push(Span::styled(pad(&text, CELL, true), style));
        }
        spans.push(Span::styled(pad(&format_decimal(scoring.ranking.totals[row], 1), 7, true), base));
        lines.push(Line::from(spans));
    }
    // The criterion under the cursor, in words.
    if let Some(criterion) = criteria.list.get(scoring.grid_col) {
        let kind = if criterion.is_manual() {
            criterion.scale_text()
        } else {
            format!("{} {}", app.t(i18n::DERIVED), criterion.scale_text())
        };
        let text = format!(
            " K{}: {} ({kind}) · {} {}",
            scoring.grid_col + 1,
            criterion.name(app.lang),
            app.t(i18n::WEIGHT).to_lowercase(),
            format_number(scoring.weights.get(scoring.grid_col))
        );
        let filler = area.height.saturating_sub(lines.len() as u16 + 1);
        lines.extend((0..filler).map(|_| Line::from("")));
        lines.push(Line::from(Span::styled(truncate_to_width(&text, width), theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
