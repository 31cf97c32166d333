//! The portfolio screen: every proposal's score against its requested amount (chosen ones
//! marked), and the requested amounts by ministry inside and outside the frame.

use super::super::app::App;
use super::super::theme::Theme;
use super::priorities::loading;
use crate::i18n;
use crate::scoring::portfolio::{by_ministry, scatter};
use crate::text::{format_mnok, group_thousands};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Block, Borders, Chart, Dataset, GraphType};

pub fn portfolio(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(scoring) = &app.scoring else { return loading(frame, app, theme, area) };
    let [top, bottom] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);

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
    let chart = Chart::new(datasets)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(Span::styled(format!(" {}{frame_text} ", app.t(i18n::VALUE_VS_COST)), theme.header)),
        )
        .x_axis(Axis::default().title("MNOK").style(theme.dim).bounds([-1.0, max_x]).labels(labels))
        .y_axis(
            Axis::default()
                .title(app.t(i18n::SCORE))
                .style(theme.dim)
                .bounds([0.0, 100.0])
                .labels(["0", "50", "100"].map(Span::raw).to_vec()),
        );
    frame.render_widget(chart, top);

    let bars = by_ministry(&scoring.matrix, scoring.prioritised.as_ref().map(|p| p.plan.in_frame.as_slice()));
    // Two bars (inside, outside the frame) per ministry, as wide as the screen allows, so
    // that the ministry codes under them can be read.
    let inner = bottom.width.saturating_sub(2) as usize;
    let per_group = inner / bars.len().max(1);
    let bar_width = (per_group.saturating_sub(1) / 2).clamp(1, 6) as u16;
    let groups: Vec<BarGroup> = bars
        .iter()
        .map(|bar| {
            let label = bar.ministry.clone().unwrap_or_else(|| "–".into());
            let inside = (bar.in_frame_nok / 1_000_000) as u64;
            let outside = (bar.outside_nok / 1_000_000) as u64;
            BarGroup::default().label(Line::from(label)).bars(&[
                Bar::default().value(inside).style(theme.ok).text_value(String::new()),
                Bar::default().value(outside).style(theme.dim).text_value(String::new()),
            ])
        })
        .collect();
    let mut chart = BarChart::default()
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border)
                .title(Span::styled(format!(" {} ", app.t(i18n::BY_MINISTRY)), theme.header)),
        )
        .bar_width(bar_width)
        .bar_gap(0)
        .group_gap(1);
    for group in groups {
        chart = chart.data(group);
    }
    frame.render_widget(chart, bottom);
}
