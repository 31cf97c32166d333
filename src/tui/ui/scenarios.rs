//! The saved scenarios overlay: the list (`enter` loads one, `c` compares it with now), and
//! the comparison: the two sets side by side, what only one of them funds marked.

use super::super::app::App;
use super::super::app::priorities::{ScenarioView, Side};
use super::super::theme::Theme;
use crate::i18n;
use crate::scoring::describe::{decimal, mnok, mode_name};
use crate::text::{display_line, truncate_to_width};
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The overlay's lines in `width` × `height`: the list scrolls with its cursor, and leaves
/// two thirds of the height to a comparison when one is shown.
pub fn lines<'a>(app: &App, theme: &Theme, view: &ScenarioView, width: usize, height: usize) -> Vec<Line<'a>> {
    if view.list.is_empty() {
        return vec![Line::from(Span::styled(app.t(i18n::SCENARIO_NONE), theme.dim))];
    }
    let mut lines = Vec::new();
    let page = if view.compared.is_some() { (height / 3).max(3) } else { height.saturating_sub(1) };
    for (_, scenario, selected) in view.cursor.visible(&view.list, page) {
        let frame = scenario.budget_nok.map_or_else(|| "–".into(), |b| format!("{} MNOK", mnok(b, app.lang)));
        let text = format!(
            " {} · {} · {} · {} {}",
            display_line(&scenario.name),
            frame,
            mode_name(scenario.mode, app.lang),
            scenario.saved_by,
            scenario.saved_at.get(..10).unwrap_or_default()
        );
        let style = if selected { theme.selected } else { theme.base };
        lines.push(Line::from(Span::styled(pad(&text, width), style)));
    }
    lines.push(Line::from(Span::styled(
        format!(" enter: {} · c: {} · esc", app.t(i18n::SCENARIO_LOAD), app.t(i18n::SCENARIO_COMPARE)),
        theme.dim,
    )));
    if let Some((now, other)) = &view.compared {
        lines.push(Line::from(""));
        lines.extend(comparison(app, theme, now, other, width));
    }
    lines
}

fn pad(text: &str, width: usize) -> String {
    let text = truncate_to_width(text, width);
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// The two sets in columns; `*` marks what only that side funds.
fn comparison<'a>(app: &App, theme: &Theme, now: &Side, other: &Side, width: usize) -> Vec<Line<'a>> {
    let column = width.saturating_sub(3) / 2;
    let summary = |side: &Side| {
        let frame = side.frame_nok.map_or_else(|| "–".into(), |f| format!("{} MNOK", mnok(f, app.lang)));
        format!(
            "{}: {} · {} · {} {} · {} MNOK · {} {}",
            side.name,
            frame,
            mode_name(side.mode, app.lang),
            side.set.len(),
            app.t(i18n::CHOSEN),
            mnok(side.spent_nok, app.lang),
            app.t(i18n::BENEFIT),
            decimal(side.benefit, 0, app.lang)
        )
    };
    let mut lines = vec![
        Line::from(Span::styled(pad(&format!(" A {}", summary(now)), width), theme.header)),
        Line::from(Span::styled(pad(&format!(" B {}", summary(other)), width), theme.header)),
    ];
    let title = |id: i64| {
        app.scoring
            .state
            .as_ref()
            .and_then(|s| s.matrix.row_of(id).map(|r| display_line(&s.matrix.row(r).title).into_owned()))
            .unwrap_or_default()
    };
    let cell = |set: &[i64], other: &[i64], index: usize| match set.get(index) {
        Some(&id) if other.contains(&id) => (pad(&format!("  {id} {}", title(id)), column), theme.base),
        Some(&id) => (pad(&format!("* {id} {}", title(id)), column), theme.ok),
        None => (" ".repeat(column), theme.base),
    };
    for index in 0..now.set.len().max(other.set.len()) {
        let (left, left_style) = cell(&now.set, &other.set, index);
        let (right, right_style) = cell(&other.set, &now.set, index);
        lines.push(Line::from(vec![
            Span::styled(format!(" {left}"), left_style),
            Span::raw(" │ "),
            Span::styled(right, right_style),
        ]));
    }
    let only = |a: &[i64], b: &[i64]| a.iter().filter(|id| !b.contains(id)).count();
    lines.push(Line::from(Span::styled(
        format!(
            " * = {} · A {} {} · B {} {}",
            app.t(i18n::ONLY_IN_ONE),
            only(&now.set, &other.set),
            app.t(i18n::SWAP_OUT),
            only(&other.set, &now.set),
            app.t(i18n::SWAP_IN)
        ),
        theme.dim,
    )));
    lines
}
