//! Drawing: a pure function of the app's state. Only the rows on screen are built, so a
//! frame costs the same at 100 000 initiatives as at 10.

mod abbrev;
mod bars;
mod chart;
mod duplicates;
mod matrix;
mod notice;
mod overlays;
mod picker;
mod preview;
mod priorities;
mod scenarios;
mod scores;
mod sources;
mod suggestions;
mod table;

use super::app::{App, Areas, Screen};
use super::theme::Theme;
use crate::i18n;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

/// The smallest terminal samla draws in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 12;
/// From this width the side panels (the weights beside the priority list) show unless folded.
pub const PANEL_FROM: u16 = 100;

/// The screen's parts: title bar, query bar, body, status line, hint line.
struct Parts {
    title: Rect,
    query: Rect,
    body: Rect,
    status: Rect,
    hints: Rect,
}

fn parts(area: Rect) -> Parts {
    let [title, query, body, status, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Parts { title, query, body, status, hints }
}

/// Where the table's rows go in a terminal of `area`, for paging and mouse clicks.
pub fn areas(area: Rect) -> Areas {
    let body = parts(area).body;
    Areas { table_rows: Rect { y: body.y + 1, height: body.height.saturating_sub(1), ..body } }
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::default().style(theme.base), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let text = format!("{} {MIN_WIDTH}×{MIN_HEIGHT}", app.t(i18n::TOO_SMALL));
        frame.render_widget(Paragraph::new(Line::from(text)).style(theme.base).wrap(Wrap { trim: true }), area);
        return;
    }
    let parts = parts(area);
    bars::title_bar(frame, app, theme, parts.title);
    bars::query_bar(frame, app, theme, parts.query);
    match app.screen {
        Screen::Initiatives => table::initiatives(frame, app, theme, parts.body),
        Screen::Sources => sources::sources(frame, app, theme, parts.body),
        Screen::Priorities => priorities::priorities(frame, app, theme, parts.body),
        Screen::Scores => scores::scores(frame, app, theme, parts.body),
        Screen::Portfolio => chart::portfolio(frame, app, theme, parts.body),
        Screen::Suggestions => suggestions::suggestions(frame, app, theme, parts.body),
        Screen::Matrix => matrix::matrix(frame, app, theme, parts.body),
        Screen::Duplicates => duplicates::duplicates(frame, app, theme, parts.body),
    }
    bars::status_line(frame, app, theme, parts.status);
    notice::notice_box(frame, app, theme, parts.status, parts.body);
    bars::hint_line(frame, app, theme, parts.hints);
    overlays::draw(frame, app, theme, area);
}
