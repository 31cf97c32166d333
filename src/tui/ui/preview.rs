//! The import preview: samla was unsure which column is which, so before anything is
//! written it shows every column with a few of its values and the field it proposes; the
//! analyst moves with ↑↓, changes a field with ←→ and imports with enter.

use super::super::app::{App, ImportRequest};
use super::super::theme::Theme;
use super::overlays::{centered, framed};
use crate::error::ColumnGuess;
use crate::error::import::field_label;
use crate::i18n;
use crate::import::proposal::confidence_label;
use crate::text::{display_line, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// What the preview shows: the import, its columns, the selected one, and why it asks.
pub type Preview<'a> = (&'a ImportRequest, &'a [ColumnGuess], usize, &'a str);

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, preview: Preview<'_>) {
    let (request, columns, selected, message) = preview;
    let width = area.width.saturating_sub(4).min(110);
    let inner = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = crate::text::wrap_to_width(message, inner)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.error)))
        .collect();
    lines.push(Line::from(""));
    let header_width = columns.iter().map(|c| display_line(&c.header).width()).max().unwrap_or(0).clamp(8, inner / 3);
    let field_width = 24.min(inner / 3);
    for (index, column) in columns.iter().enumerate() {
        let style = if index == selected { theme.selected } else { theme.base };
        let header = truncate_to_width(&display_line(&column.header), header_width);
        let field = match (&column.field, &column.confidence) {
            (Some(field), Some(confidence)) => {
                format!("{} ({})", field_label(field, app.lang), confidence_label(confidence, app.lang))
            }
            (Some(field), None) => field_label(field, app.lang),
            (None, _) => format!("({})", app.t(i18n::NOT_USED)),
        };
        let field = truncate_to_width(&field, field_width);
        let used = header_width + field_width + 6;
        let samples: Vec<String> = column.samples.iter().map(|s| format!("«{}»", display_line(s))).collect();
        let samples = truncate_to_width(&samples.join(", "), inner.saturating_sub(used));
        let pad = |text: &str, to: usize| " ".repeat(to.saturating_sub(text.width()));
        lines.push(Line::from(vec![
            Span::styled(format!("{header}{}", pad(&header, header_width)), style),
            Span::styled(" → ", style),
            Span::styled(format!("{field}{}", pad(&field, field_width)), style.patch(theme.hint_key)),
            Span::styled(format!("   {samples}"), theme.dim),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(app.t(i18n::PREVIEW_KEYS), theme.hint_key)));
    let height = (lines.len() as u16 + 2).min(area.height);
    let file = request.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let title = format!("{} {}", app.t(i18n::IMPORT_PREVIEW), display_line(&file));
    let scroll = selected.saturating_sub(height.saturating_sub(8) as usize) as u16;
    framed(frame, theme, centered(area, width, height), &title, lines, scroll);
}
