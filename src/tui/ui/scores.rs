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

/// A criterion's column: wide enough for a name cut short.
const CELL: usize = 10;
/// The title never gets less than this while criteria scroll sideways instead.
const MIN_TITLE: usize = 30;
/// Marks: a derived criterion (fills itself), and a score not given yet.
const DERIVED: &str = "∘";
const MISSING: &str = "–";

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

/// The criteria shown at `width` (a window that follows the cursor) and the title's width.
pub fn layout(width: usize, columns: usize, cursor: usize) -> (std::ops::Range<usize>, usize) {
    let room = width.saturating_sub(7 + 7 + 1 + MIN_TITLE);
    let visible = (room / CELL).clamp(1, columns.max(1));
    let first = cursor.saturating_sub(visible - 1).min(columns.saturating_sub(visible));
    let title = width.saturating_sub(7 + 7 + 1 + visible * CELL).max(10);
    (first..(first + visible).min(columns), title)
}

pub fn scores(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(scoring) = &app.scoring.state else { return loading(frame, app, theme, area) };
    let width = area.width as usize;
    let criteria = scoring.matrix.criteria();
    let (shown, title_width) = layout(width, criteria.len(), scoring.grid_col);
    let names: Vec<&str> = criteria.list.iter().map(|c| c.name(app.lang)).collect();
    let labels = super::abbrev::headers(&names, CELL - 2);
    let mut header = vec![Span::styled(
        format!("{} {}", pad(app.t(i18n::RANK), 6, true), pad(app.t(i18n::TITLE), title_width, false)),
        theme.header,
    )];
    for index in shown.clone() {
        let mark = if criteria.list[index].is_manual() { "" } else { DERIVED };
        let style = if index == scoring.grid_col { theme.tab_active } else { theme.header };
        header.push(Span::styled(pad(&format!("{mark}{}", labels[index]), CELL, true), style));
    }
    header.push(Span::styled(pad(app.t(i18n::SCORE), 7, true), theme.header));
    let used: usize = header.iter().map(|s| s.content.width()).sum();
    header.push(Span::styled(" ".repeat(width.saturating_sub(used)), theme.header));
    let mut lines = vec![Line::from(header)];

    let page = area.height.saturating_sub(3) as usize;
    for place in scoring.grid.window(scoring.grid_order.len(), page) {
        let Some(row) = scoring.grid_row_at(place) else { break };
        let candidate = scoring.matrix.row(row);
        let selected_row = place == scoring.grid.selected();
        let base = if selected_row { theme.base.patch(theme.marked) } else { theme.base };
        let mut spans = vec![Span::styled(
            format!(
                "{} {}",
                pad(&(place + 1).to_string(), 6, true),
                pad(&display_line(&candidate.title), title_width, false)
            ),
            base,
        )];
        for index in shown.clone() {
            let criterion = &criteria.list[index];
            let text = match scoring.matrix.value(row, index) {
                Some(value) => format_number((value * 10.0).round() / 10.0).replace('.', ","),
                None => MISSING.to_string(),
            };
            let mut style = if criterion.is_manual() { base } else { base.patch(theme.dim) };
            if scoring.matrix.value(row, index).is_none() {
                style = style.patch(theme.dim);
            }
            if selected_row && index == scoring.grid_col {
                style = if app.scoring.editing { theme.input.patch(theme.selected) } else { theme.selected };
            }
            spans.push(Span::styled(pad(&text, CELL, true), style));
        }
        spans.push(Span::styled(pad(&format_decimal(scoring.ranking.totals[row], 1), 7, true), base));
        lines.push(Line::from(spans));
    }
    if let Some(criterion) = criteria.list.get(scoring.grid_col) {
        criterion_lines(app, theme, scoring, criterion, (&mut lines, area));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// Below the grid: the criterion under the cursor in words, the marks, and the mode.
fn criterion_lines(
    app: &App,
    theme: &Theme,
    scoring: &crate::tui::scoring::ScoringState,
    criterion: &crate::scoring::Criterion,
    (lines, area): (&mut Vec<Line<'_>>, Rect),
) {
    let (width, criteria) = (area.width as usize, scoring.matrix.criteria());
    let kind = if criterion.is_manual() {
        criterion.scale_text()
    } else {
        format!("{} {}", app.t(i18n::DERIVED), criterion.scale_text())
    };
    let text = format!(
        " {} ({}/{}): {} ({kind}) · {} {} · {DERIVED} {} · {MISSING} {}",
        app.t(i18n::CRITERION),
        scoring.grid_col + 1,
        criteria.len(),
        criterion.name(app.lang),
        app.t(i18n::WEIGHT).to_lowercase(),
        format_number(scoring.weights.get(scoring.grid_col)),
        app.t(i18n::DERIVED_MARK),
        app.t(i18n::MISSING_MARK),
    );
    let filler = area.height.saturating_sub(lines.len() as u16 + 2);
    lines.extend((0..filler).map(|_| Line::from("")));
    lines.extend(
        crate::text::wrap_to_width(&text, width).into_iter().take(1).map(|l| Line::from(Span::styled(l, theme.dim))),
    );
    let mode = if app.scoring.editing { app.t(i18n::EDITING_SCORES) } else { app.t(i18n::NOT_EDITING_SCORES) };
    let style = if app.scoring.editing { theme.hint_key } else { theme.dim };
    lines.push(Line::from(Span::styled(format!(" {}", truncate_to_width(mode, width.saturating_sub(1))), style)));
}
