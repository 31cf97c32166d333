//! The portfolio screen: every proposal's score against its requested amount (chosen ones
//! marked), and the requested amounts by ministry inside and outside the frame.

use super::super::app::App;
use super::super::scoring::ScoringState;
use super::super::theme::Theme;
use super::priorities::loading;
use crate::i18n;
use crate::scoring::portfolio::{MinistryBar, by_ministry, scatter, score_bounds};
use crate::text::{display_line, format_mnok, group_thousands, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn portfolio(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(scoring) = &app.scoring.state else { return loading(frame, app, theme, area) };
    let [top, bottom] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
    value_against_cost(frame, app, theme, scoring, top);
    ministry_bars(frame, app, theme, scoring, bottom);
}

/// Every proposal's score against its requested amount; the score axis spans the scores
/// shown, not 0..100.
fn value_against_cost(frame: &mut Frame, app: &App, theme: &Theme, scoring: &ScoringState, area: Rect) {
    // Amounts span 0,1 to 1 500 MNOK: a log scale keeps both ends readable.
    let points =
        scatter(&scoring.matrix, &scoring.ranking, scoring.prioritised.as_ref().map(|p| p.plan.in_frame.as_slice()));
    let x = |nok: i64| ((nok.max(100_000) as f64) / 1_000_000.0).log10();
    let inside: Vec<(f64, f64)> = points.iter().filter(|p| p.in_frame).map(|p| (x(p.amount_nok), p.total)).collect();
    let outside: Vec<(f64, f64)> = points.iter().filter(|p| !p.in_frame).map(|p| (x(p.amount_nok), p.total)).collect();
    let max_x = points.iter().map(|p| x(p.amount_nok)).fold(1.0_f64, f64::max).ceil().max(1.0);
    let frame_text =
        scoring.frame_nok.map(|nok| format!(" · {} {} MNOK", app.t(i18n::FRAME), format_mnok(nok))).unwrap_or_default();
    let datasets = vec![
        Dataset::default()
            .name(app.t(i18n::OUTSIDE))
            .marker(Marker::Braille)
            .graph_type(GraphType::Scatter)
            .style(theme.dim)
            .data(&outside),
        Dataset::default()
            .name(app.t(i18n::IN_FRAME))
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.ok)
            .data(&inside),
    ];
    let labels: Vec<Span> = (-1..=max_x as i32)
        .map(|e| Span::raw(if e < 0 { "0,1".to_string() } else { group_thousands(10i64.pow(e as u32)) }))
        .collect();
    let (low, high) = score_bounds(&points);
    let score_labels = [low, f64::midpoint(low, high), high].map(|v| Span::raw(format!("{v:.0}"))).to_vec();
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(Span::styled(format!(" {}{frame_text} ", app.t(i18n::VALUE_VS_COST)), theme.header)),
        )
        .x_axis(Axis::default().title("MNOK").style(theme.dim).bounds([-1.0, max_x]).labels(labels))
        .y_axis(Axis::default().title(app.t(i18n::SCORE)).style(theme.dim).bounds([low, high]).labels(score_labels));
    frame.render_widget(chart, area);
}

/// The requested amount per ministry as one labelled bar each, the part inside the frame
/// solid and the rest shaded, with the amount and (with a frame) the share inside it.
fn ministry_bars(frame: &mut Frame, app: &App, theme: &Theme, scoring: &ScoringState, area: Rect) {
    let in_frame = scoring.prioritised.as_ref().map(|p| p.plan.in_frame.as_slice());
    let bars = by_ministry(&scoring.matrix, in_frame);
    let framed = in_frame.is_some();
    let all = MinistryBar {
        in_frame_nok: bars.iter().map(|b| b.in_frame_nok).sum(),
        outside_nok: bars.iter().map(|b| b.outside_nok).sum(),
        ..MinistryBar::default()
    };
    let share = |bar: &MinistryBar| format!("{} % {}", bar.in_frame_percent(), app.t(i18n::IN_THE_FRAME));
    let mut title = format!(" {}", app.t(i18n::BY_MINISTRY));
    if framed {
        title.push_str(&format!(" · {} · █ {} ▒ {}", share(&all), app.t(i18n::IN_FRAME), app.t(i18n::OUTSIDE)));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!("{title} "), theme.header));
    let inner = block.inner(area);
    let rows = inner.height as usize;
    let shown = if bars.len() > rows { rows.saturating_sub(1) } else { bars.len() };
    let label = |bar: &MinistryBar| {
        bar.ministry.as_deref().map_or_else(|| app.t(i18n::NOT_GIVEN).to_string(), |m| display_line(m).into_owned())
    };
    let label_width = bars.iter().take(shown).map(|b| label(b).width()).max().unwrap_or(1).min(8);
    let amount_width = bars.iter().take(shown).map(|b| format_mnok(b.total_nok()).width()).max().unwrap_or(0);
    let value = |bar: &MinistryBar| {
        let amount = format!("{:>amount_width$} MNOK", format_mnok(bar.total_nok()));
        if framed {
            format!("{amount} · {:>3} % {}", bar.in_frame_percent(), app.t(i18n::IN_THE_FRAME))
        } else {
            amount
        }
    };
    let value_width = bars.iter().take(shown).map(|b| value(b).width()).max().unwrap_or(0);
    let bar_width = (inner.width as usize).saturating_sub(label_width + value_width + 4);
    let most = bars.iter().map(MinistryBar::total_nok).max().unwrap_or(0).max(1) as f64;
    let cells = |nok: i64| ((nok.max(0) as f64 / most) * bar_width as f64).round() as usize;
    let mut lines: Vec<Line> = bars
        .iter()
        .take(shown)
        .map(|bar| {
            let solid = cells(bar.in_frame_nok).min(bar_width);
            let shaded = cells(bar.total_nok()).min(bar_width).saturating_sub(solid);
            let gap = bar_width - solid - shaded;
            Line::from(vec![
                Span::styled(format!(" {} ", pad(&label(bar), label_width)), theme.base),
                Span::styled("█".repeat(solid), theme.ok),
                Span::styled("▒".repeat(shaded), theme.dim),
                Span::raw(" ".repeat(gap + 1)),
                Span::styled(value(bar), theme.base),
            ])
        })
        .collect();
    if shown < bars.len() {
        let rest = &bars[shown..];
        let nok: i64 = rest.iter().map(MinistryBar::total_nok).sum();
        let text = format!(" … {} {} · {} MNOK", rest.len(), app.t(i18n::MORE_MINISTRIES), format_mnok(nok));
        lines.push(Line::from(Span::styled(text, theme.dim)));
    }
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.base), area);
}

fn pad(text: &str, width: usize) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    format!("{text}{fill}")
}
