//! The initiatives table: only the rows on screen are built.

use super::super::app::App;
use super::super::theme::Theme;
use crate::config::Lang;
use crate::i18n;
use crate::portfolio::{Row, SortColumn, highlight_positions};
use crate::text::{display_line, format_mnok, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A column: what it shows, how wide, and which sort it stands for (None: the total score,
/// which the priority screen sorts by).
struct Column {
    header: i18n::Text,
    width: usize,
    right: bool,
    sort: Option<SortColumn>,
}

/// Columns for a width: the title takes what the others leave; life events and risk only
/// show when there is room.
fn columns(width: usize, with_score: bool) -> Vec<Column> {
    let col = |header, width, right, sort| Column { header, width, right, sort: Some(sort) };
    let mut list =
        vec![col(i18n::TITLE, 0, false, SortColumn::Title), col(i18n::AGENCY, 14, false, SortColumn::Agency)];
    list.push(col(i18n::MINISTRY, 8, false, SortColumn::Ministry));
    if width >= 110 {
        list.push(col(i18n::LIFE_EVENTS, 22, false, SortColumn::LifeEvents));
    }
    list.push(col(i18n::AMOUNT_MNOK, 9, true, SortColumn::Amount));
    list.push(col(i18n::PHASE, 13, false, SortColumn::Phase));
    if width >= 130 {
        list.push(col(i18n::RISK, 7, false, SortColumn::Risk));
    }
    if with_score && width >= 90 {
        list.push(Column { header: i18n::SCORE, width: 6, right: true, sort: None });
    }
    // Two columns for the mark, one space between columns.
    let fixed: usize = list.iter().map(|c| c.width + 1).sum::<usize>() + 2;
    list[0].width = width.saturating_sub(fixed).max(12);
    list
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

pub fn initiatives(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let columns = columns(width, app.scoring.state.is_some());
    let mut header = vec![Span::styled("  ", theme.header)];
    for column in &columns {
        let mut label = column.header.get(app.lang).to_string();
        if column.sort == Some(app.initiatives.query.sort) {
            label.push_str(if app.initiatives.query.descending { " ↓" } else { " ↑" });
        }
        header.push(Span::styled(pad(&label, column.width, column.right), theme.header));
        header.push(Span::styled(" ", theme.header));
    }
    let used: usize = header.iter().map(|s| s.content.width()).sum();
    header.push(Span::styled(" ".repeat(width.saturating_sub(used)), theme.header));
    let mut lines = vec![Line::from(header)];

    let portfolio = &app.portfolio;
    let page = area.height.saturating_sub(1) as usize;
    if app.initiatives.view.rows.is_empty() {
        let message = if portfolio.rows.is_empty() { i18n::EMPTY_DATABASE } else { i18n::NO_MATCHES };
        lines.push(Line::from(Span::styled(format!("  {}", app.t(message)), theme.dim)));
    }
    let query = app.initiatives.query.search.as_ref().map(|s| s.query.as_str());
    let rows = &app.initiatives.view.rows;
    for (_, index, selected) in app.initiatives.cursor.visible(rows, page) {
        let Some(row) = portfolio.rows.get(*index as usize) else { continue };
        let marked = app.initiatives.marks.contains(&row.id);
        let base = match (selected, row.withdrawn) {
            (true, _) => theme.selected,
            (false, true) => theme.withdrawn,
            (false, false) => theme.base,
        };
        // The mark, then "≈" for an initiative in a candidate pair of parallel solutions.
        let mut spans = vec![
            Span::styled(if marked { "●" } else { " " }, base.patch(theme.marked)),
            Span::styled(if app.duplicates.flagged.contains(&row.id) { "≈" } else { " " }, base.patch(theme.flagged)),
        ];
        for column in &columns {
            if column.sort == Some(SortColumn::Title) {
                spans.extend(title_spans(row, app.lang, query, column.width, base, theme.matched));
            } else {
                let text = match column.sort {
                    Some(sort) => cell_text(app, row, sort),
                    None => score_text(app, row.id),
                };
                spans.push(Span::styled(pad(&text, column.width, column.right), base));
            }
            spans.push(Span::styled(" ", base));
        }
        let used: usize = spans.iter().map(|s| s.content.width()).sum();
        spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// The initiative's total score with the current weights, when scores are loaded.
fn score_text(app: &App, id: i64) -> String {
    let Some(scoring) = &app.scoring.state else { return String::new() };
    scoring.matrix.row_of(id).map(|row| crate::text::format_decimal(scoring.ranking.totals[row], 1)).unwrap_or_default()
}

fn cell_text(app: &App, row: &Row, column: SortColumn) -> String {
    let portfolio = &app.portfolio;
    match column {
        SortColumn::Agency => display_line(row.agency.as_deref().unwrap_or("")).into_owned(),
        SortColumn::Ministry => portfolio.ministry_codes(row).collect::<Vec<_>>().join("/"),
        SortColumn::LifeEvents => row
            .life_events
            .iter()
            .filter_map(|e| portfolio.life_events.get(*e as usize))
            .map(|e| if app.lang == Lang::En { e.name_en.as_str() } else { e.name_nb.as_str() })
            .collect::<Vec<_>>()
            .join(", "),
        SortColumn::Amount => row.amount_nok.map(format_mnok).unwrap_or_default(),
        SortColumn::Phase => portfolio.phase(row).unwrap_or("").to_string(),
        SortColumn::Risk => portfolio.risk(row).unwrap_or("").to_string(),
        SortColumn::Source => portfolio.source(row).to_string(),
        SortColumn::Id => row.id.to_string(),
        SortColumn::Title => row.title.to_string(),
    }
}

/// The title cut to `width`, with the characters the search matched marked.
fn title_spans(
    row: &Row,
    lang: Lang,
    query: Option<&str>,
    width: usize,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let mut title = display_line(&row.title).into_owned();
    if row.withdrawn {
        title = format!("({}) {title}", i18n::WITHDRAWN.get(lang));
    }
    let positions = query.map(|q| highlight_positions(&title, q)).unwrap_or_default();
    let cut = truncate_to_width(&title, width);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut current = String::new();
    let mut current_matched = false;
    let mut used = 0;
    for (index, ch) in cut.chars().enumerate() {
        let is_match = positions.binary_search(&index).is_ok() && ch != '…';
        if is_match != current_matched && !current.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut current),
                if current_matched { base.patch(matched) } else { base },
            ));
        }
        current_matched = is_match;
        current.push(ch);
        used += ch.width().unwrap_or(0);
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_matched { base.patch(matched) } else { base }));
    }
    spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fill_the_width() {
        for width in [60usize, 80, 120, 200] {
            let list = columns(width, true);
            let total: usize = list.iter().map(|c| c.width + 1).sum::<usize>() + 2;
            assert!(total <= width.max(total), "{width}");
            assert_eq!(total, width.max(total));
        }
    }
}
