//! The import file picker's window: the folder, the filter line and the entries that match.

use super::super::app::App;
use super::super::picker::Picker;
use super::super::theme::Theme;
use super::overlays::{centered, framed};
use crate::i18n;
use crate::text::{display_line, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn picker(frame: &mut Frame, app: &App, theme: &Theme, picker: &Picker, area: Rect) {
    let rect = centered(area, 90, area.height.saturating_sub(2));
    let inner = rect.width.saturating_sub(2) as usize;
    let folder = display_line(&picker.dir.to_string_lossy()).into_owned();
    let prompt = format!("{}: ", app.t(i18n::PICKER_FILTER));
    let mut lines = vec![
        Line::from(Span::styled(truncate_start(&folder, inner), theme.dim)),
        Line::from(vec![
            Span::styled(prompt.clone(), theme.hint_key),
            Span::styled(display_line(picker.input.text()).into_owned(), theme.input),
        ]),
    ];
    let shown = picker.shown();
    let room = rect.height.saturating_sub(4) as usize;
    if picker.typing_path() {
        lines.push(Line::from(Span::styled(app.t(i18n::PICKER_PATH), theme.dim)));
    } else if let Some(error) = &picker.error {
        lines.push(Line::from(Span::styled(error.clone(), theme.error)));
    } else if shown.is_empty() {
        lines.push(Line::from(Span::styled(app.t(i18n::PICKER_EMPTY), theme.dim)));
    }
    for (_, entry, selected) in picker.cursor.visible(&shown, room) {
        let name = display_line(&entry.name).into_owned();
        let text = if entry.is_dir { format!(" {name}/") } else { format!(" {name}") };
        let style = if selected { theme.selected } else { theme.base };
        let fill = " ".repeat(inner.saturating_sub(text.width()));
        lines.push(Line::from(Span::styled(format!("{}{fill}", truncate_to_width(&text, inner)), style)));
    }
    framed(frame, theme, rect, app.t(i18n::PICKER_TITLE), lines, 0);
    let typed = picker.input.text().chars().take(picker.input.cursor()).collect::<String>();
    let x = rect.x + 1 + (prompt.width() + display_line(&typed).width()) as u16;
    frame.set_cursor_position(Position::new(x.min(rect.x + rect.width.saturating_sub(2)), rect.y + 2));
}

/// The end of `text` in `width` columns, "…" in front when cut (a path's last folders
/// matter most).
pub(super) fn truncate_start(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    kept.reverse();
    format!("…{}", kept.into_iter().collect::<String>())
}
