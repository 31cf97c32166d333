//! The sources screen: every imported file by source, newest first.

use super::super::app::App;
use super::super::theme::Theme;
use crate::i18n;
use crate::text::{display_line, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn sources(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let headers = [
        (app.t(i18n::BATCH), 6, true),
        (app.t(i18n::SOURCE), 18, false),
        (app.t(i18n::SOURCE_FILE), 0, false),
        (app.t(i18n::IMPORTED), 16, false),
        (app.t(i18n::INSERTED), 6, true),
        (app.t(i18n::UPDATED), 7, true),
        (app.t(i18n::WITHDRAWN_COUNT), 8, true),
        (app.t(i18n::WARNINGS), 10, true),
    ];
    // A column is as wide as its header at least (English headers are longer).
    let headers = headers.map(|(label, w, right)| (label, if w == 0 { 0 } else { w.max(label.width()) }, right));
    let fixed: usize = headers.iter().map(|(_, w, _)| w + 1).sum::<usize>() + 1;
    let file_width = width.saturating_sub(fixed).max(10);
    let widths: Vec<usize> = headers.iter().map(|(_, w, _)| if *w == 0 { file_width } else { *w }).collect();
    let cell = |text: &str, index: usize| {
        let text = truncate_to_width(text, widths[index]);
        let fill = " ".repeat(widths[index].saturating_sub(text.width()));
        if headers[index].2 { format!("{fill}{text} ") } else { format!("{text}{fill} ") }
    };
    let header: String = headers.iter().enumerate().map(|(i, (h, ..))| cell(h, i)).collect();
    let mut lines =
        vec![Line::from(Span::styled(format!(" {header:width$}", width = width.saturating_sub(1)), theme.header))];
    if app.batches.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", app.t(i18n::NO_ROUNDS)), theme.dim)));
    }
    let page = area.height.saturating_sub(1) as usize;
    let offset = app.batch_cursor.saturating_sub(page.saturating_sub(1));
    for (index, batch) in app.batches.iter().enumerate().skip(offset).take(page) {
        let style = if index == app.batch_cursor { theme.selected } else { theme.base };
        let imported = batch.imported_at.chars().take(16).collect::<String>().replace('T', " ");
        let values = [
            batch.id.to_string(),
            display_line(&batch.source).into_owned(),
            display_line(&batch.file_name).into_owned(),
            imported,
            batch.inserted.to_string(),
            batch.updated.to_string(),
            batch.withdrawn.to_string(),
            batch.warnings.to_string(),
        ];
        let text: String = values.iter().enumerate().map(|(i, v)| cell(v, i)).collect();
        lines.push(Line::from(Span::styled(format!(" {text:width$}", width = width.saturating_sub(1)), style)));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
