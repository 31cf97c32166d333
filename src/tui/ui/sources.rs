//! The sources screen: every imported file, newest first, with its round within its source
//! (1, 2 …) and when it came. The source and file take what the counts leave; warnings fold
//! away on a narrow screen.

use super::super::app::App;
use super::super::theme::Theme;
use crate::i18n;
use crate::text::{display_line, format_timestamp, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Below this width the warnings column folds away.
const WARNINGS_FROM: usize = 100;

/// The columns for a width: (header, width, right-aligned); width 0 is the source and file.
fn columns(app: &App, width: usize) -> Vec<(&'static str, usize, bool)> {
    let mut list = vec![
        (app.t(i18n::ROUND_HEADER), 5, true),
        (app.t(i18n::SOURCE_AND_FILE), 0, false),
        (app.t(i18n::IMPORTED), 18, false),
        (app.t(i18n::INSERTED), 4, true),
        (app.t(i18n::UPDATED), 6, true),
        (app.t(i18n::WITHDRAWN_COUNT), 7, true),
    ];
    if width >= WARNINGS_FROM {
        list.push((app.t(i18n::WARNINGS), 9, true));
    }
    // A column is as wide as its header at least (English headers are longer).
    list.into_iter().map(|(label, w, right)| (label, if w == 0 { 0 } else { w.max(label.width()) }, right)).collect()
}

/// How wide the source and file column is at `width` (the screen's title column).
pub fn title_width(app: &App, width: usize) -> usize {
    let fixed: usize = columns(app, width).iter().map(|(_, w, _)| w + 1).sum::<usize>() + 1;
    width.saturating_sub(fixed).max(10)
}

pub fn sources(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let headers = columns(app, width);
    let flex = title_width(app, width);
    let widths: Vec<usize> = headers.iter().map(|(_, w, _)| if *w == 0 { flex } else { *w }).collect();
    let cell = |text: &str, index: usize| {
        let text = truncate_to_width(text, widths[index]);
        let fill = " ".repeat(widths[index].saturating_sub(text.width()));
        if headers[index].2 { format!("{fill}{text} ") } else { format!("{text}{fill} ") }
    };
    let header: String = headers.iter().enumerate().map(|(i, (h, ..))| cell(h, i)).collect();
    let mut lines =
        vec![Line::from(Span::styled(format!(" {header:width$}", width = width.saturating_sub(1)), theme.header))];
    if app.sources.batches.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", app.t(i18n::NO_ROUNDS)), theme.dim)));
    }
    let page = area.height.saturating_sub(1) as usize;
    for (_, batch, selected) in app.sources.cursor.visible(&app.sources.batches, page) {
        let style = if selected { theme.selected } else { theme.base };
        let mut values = vec![
            batch.round.to_string(),
            format!("{} · {}", display_line(&batch.source), display_line(&batch.file_name)),
            format_timestamp(&batch.imported_at, app.lang),
            batch.inserted.to_string(),
            batch.updated.to_string(),
            batch.withdrawn.to_string(),
        ];
        if headers.len() > values.len() {
            values.push(batch.warnings.to_string());
        }
        let text: String = values.iter().enumerate().map(|(i, v)| cell(v, i)).collect();
        lines.push(Line::from(Span::styled(format!(" {text:width$}", width = width.saturating_sub(1)), style)));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
