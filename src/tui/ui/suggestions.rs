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

pub fn suggestions(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(suggestions) = &app.suggestions else {
        let text = format!("  {}…", app.t(i18n::LOADING));
        return frame.render_widget(Paragraph::new(Line::from(Span::styled(text, theme.dim))), area);
    };
    let width = area.width as usize;
    let title_width = width.saturating_sub(8 + 26 + 24).max(16);
    let mut lines = vec![Line::from(Span::styled(
        pad(&format!(" {} ({})", app.t(i18n::LIFE_EVENT_SUGGESTIONS), suggestions.life_events.len()), width),
        theme.header,
    ))];
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
                pad(&event, 25),
                truncate_to_width(&s.words.join(", "), 23)
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
                pad(&format!("«{}»", display_line(&s.written)), 25),
                s.candidates.join(" / ")
            ),
            true,
        ));
    }
    if entries.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", app.t(i18n::NO_SUGGESTIONS)), theme.dim)));
    }
    let page = area.height.saturating_sub(3) as usize;
    let offset = app.suggestion_cursor.saturating_sub(page.saturating_sub(1));
    for (index, (text, _)) in entries.iter().enumerate().skip(offset).take(page) {
        if index == owners_heading && index > 0 {
            lines.push(Line::from(Span::styled(
                pad(&format!(" {} ({})", app.t(i18n::OWNER_SUGGESTIONS), suggestions.owners.len()), width),
                theme.header,
            )));
        }
        let style = if index == app.suggestion_cursor { theme.selected } else { theme.base };
        lines.push(Line::from(Span::styled(pad(text, width), style)));
    }
    if owners_heading == 0 && !suggestions.owners.is_empty() && offset == 0 {
        lines.insert(
            1,
            Line::from(Span::styled(
                pad(&format!(" {} ({})", app.t(i18n::OWNER_SUGGESTIONS), suggestions.owners.len()), width),
                theme.header,
            )),
        );
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}
