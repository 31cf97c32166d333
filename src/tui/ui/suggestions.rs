//! The suggestion screen: life events suggested by words, owners suggested for unknown
//! names; each accepted or rejected by the analyst.

use super::super::app::App;
use super::super::theme::Theme;
use crate::config::Lang;
use crate::i18n;
use crate::text::{display_line, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

fn pad(text: &str, width: usize) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    format!("{text}{fill}")
}

/// Widths of the life event (or the name written in the file) and of the words column.
const EVENT_WIDTH: usize = 25;
const WORDS_WIDTH: usize = 23;
/// The title's width first: the words column narrows (down to nothing) before the title
/// goes under this, unless the analyst asked for the columns back (`z`).
const TITLE_WIDTH: usize = 32;
/// The id column and the spaces between columns.
const FIXED: usize = 1 + 6 + 1 + 1 + 1;

/// The list's column widths at `width`.
#[derive(Debug, PartialEq)]
struct Columns {
    title: usize,
    words: usize,
}

impl Columns {
    fn at(width: usize, all_shown: bool) -> Self {
        let room = width.saturating_sub(FIXED + EVENT_WIDTH);
        if all_shown || room >= TITLE_WIDTH + WORDS_WIDTH {
            let words = WORDS_WIDTH.min(room.saturating_sub(16));
            return Self { title: room.saturating_sub(words).max(16), words };
        }
        let words = room.saturating_sub(TITLE_WIDTH + 1);
        let words = if words < 6 { 0 } else { words };
        Self { title: room.saturating_sub(words), words }
    }

    fn header(&self, app: &App) -> String {
        format!(
            " {:>6} {} {} {}",
            "",
            pad(app.t(i18n::TITLE), self.title),
            pad(app.t(i18n::SUGGESTED_EVENT), EVENT_WIDTH),
            truncate_to_width(app.t(i18n::SUGGESTION_WORDS), self.words)
        )
    }
}

pub fn suggestions(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(suggestions) = &app.suggestions.list else {
        let text = format!("  {}…", app.t(i18n::LOADING));
        return frame.render_widget(Paragraph::new(Line::from(Span::styled(text, theme.dim))), area);
    };
    let width = area.width as usize;
    let columns = Columns::at(width, app.columns_shown);
    let mut lines = vec![
        Line::from(Span::styled(
            pad(&format!(" {} ({})", app.t(i18n::LIFE_EVENT_SUGGESTIONS), suggestions.life_events.len()), width),
            theme.header,
        )),
        Line::from(Span::styled(pad(&columns.header(app), width), theme.dim)),
    ];
    let title_width = columns.title;
    let mut entries: Vec<(String, bool)> = Vec::new();
    for s in &suggestions.life_events {
        let event =
            app.portfolio.life_events.iter().find(|e| e.code == s.life_event).map_or(s.life_event.clone(), |e| {
                if app.lang == Lang::En { e.name_en.clone() } else { e.name_nb.clone() }
            });
        entries.push((
            format!(
                " {:>6} {} {} {}",
                s.id,
                pad(&display_line(&s.title), title_width),
                pad(&event, EVENT_WIDTH),
                truncate_to_width(&s.words.join(", "), columns.words)
            ),
            false,
        ));
    }
    let owners_heading = entries.len();
    for s in &suggestions.owners {
        entries.push((
            format!(
                " {:>6} {} {} → {}",
                s.id,
                pad(&display_line(&s.title), title_width),
                pad(&format!("«{}»", display_line(&s.written)), EVENT_WIDTH),
                truncate_to_width(&s.candidates.join(" / "), columns.words)
            ),
            true,
        ));
    }
    if entries.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", app.t(i18n::NO_SUGGESTIONS)), theme.dim)));
    }
    let page = area.height.saturating_sub(4) as usize;
    let window = app.suggestions.cursor.window(entries.len(), page);
    let offset = window.start;
    for (index, (text, _)) in entries.iter().enumerate().skip(offset).take(window.len()) {
        if index == owners_heading && index > 0 {
            lines.push(Line::from(Span::styled(
                pad(&format!(" {} ({})", app.t(i18n::OWNER_SUGGESTIONS), suggestions.owners.len()), width),
                theme.header,
            )));
        }
        let style = if index == app.suggestions.cursor.selected() { theme.selected } else { theme.base };
        lines.push(Line::from(Span::styled(pad(text, width), style)));
    }
    if owners_heading == 0 && !suggestions.owners.is_empty() && offset == 0 {
        lines.insert(
            2,
            Line::from(Span::styled(
                pad(&format!(" {} ({})", app.t(i18n::OWNER_SUGGESTIONS), suggestions.owners.len()), width),
                theme.header,
            )),
        );
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_keep_30_columns_at_80_and_z_gives_the_words_back() {
        let narrow = Columns::at(80, false);
        assert!(narrow.title >= 30, "{narrow:?}");
        assert_eq!(narrow.title + narrow.words, 80 - FIXED - EVENT_WIDTH);
        let shown = Columns::at(80, true);
        assert_eq!(shown.words, WORDS_WIDTH);
        assert_eq!(Columns::at(120, false), Columns::at(120, true));
        assert!(Columns::at(120, false).title >= 50);
        let tight = Columns::at(60, false);
        assert_eq!(tight.words, 0);
        assert_eq!(tight.title, 60 - FIXED - EVENT_WIDTH);
    }
}
