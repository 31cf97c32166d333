//! A notice too long for the status line: wrapped, growing upwards over the bottom of the
//! screen's body, so nothing of it is cut off.

use super::super::app::App;
use super::super::theme::Theme;
use crate::text::{display_line, wrap_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// At most this many lines; a longer notice ends with its last line cut.
const MOST_LINES: usize = 8;

/// The notice's lines at `width` (one when it fits the status line).
pub fn notice_lines(text: &str, width: usize) -> Vec<String> {
    wrap_to_width(&display_line(text), width.saturating_sub(2).max(10)).into_iter().take(MOST_LINES).collect()
}

/// Draws the wrapped notice over the status line and the body's last rows, when it is too
/// long for one line.
pub fn notice_box(frame: &mut Frame, app: &App, theme: &Theme, status: Rect, body: Rect) {
    let Some((text, error)) = &app.notice else { return };
    let lines = notice_lines(text, status.width as usize);
    if lines.len() < 2 {
        return;
    }
    let height = (lines.len() as u16).min(body.height + 1);
    let rect = Rect { x: status.x, y: status.y + 1 - height, width: status.width, height };
    let style = if *error { theme.error } else { theme.ok };
    let lines: Vec<Line> = lines.into_iter().map(|l| Line::from(Span::styled(format!(" {l}"), style))).collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).style(theme.base), rect);
}

#[cfg(test)]
mod tests {
    use super::notice_lines;

    #[test]
    fn a_long_notice_wraps_and_keeps_every_word() {
        let text = "Endret 1 tiltak: livshendelse: Dødsfall og arv; eier: Nav (departement endres til AID)";
        let lines = notice_lines(text, 80);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(lines.iter().all(|l| l.chars().count() <= 78));
        assert_eq!(notice_lines("Lagret.", 80), ["Lagret."]);
    }
}
