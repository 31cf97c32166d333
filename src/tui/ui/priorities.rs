//! The priority screen: weights on the left, the live ranking on the right, the budget frame
//! below the weights. And the explanation of one total.

use super::super::app::App;
use super::super::scoring::{Focus, ScoringState};
use super::super::theme::Theme;
use crate::i18n;
use crate::scoring::describe::{
    coverage_text, decimal, duplicate_symbol, duplicate_text, mode_name, reason_text, swap_short,
};
use crate::text::{display_line, format_decimal, format_mnok, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// What a priority screen shows before the matrix has loaded.
pub fn loading(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(format!("  {}", app.t(i18n::LOADING_SCORES)), theme.dim))),
        area,
    );
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

pub fn priorities(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(scoring) = &app.scoring.state else { return loading(frame, app, theme, area) };
    if !panel_shown(app, scoring, area.width) {
        // Folded: the ranking gets the width; `z` (or moving to the weights) brings it back.
        return ranking_pane(frame, app, scoring, theme, area);
    }
    let left_width = if area.width >= 110 { 42 } else { 32 };
    let [left, right] = Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(area);
    weights_pane(frame, app, scoring, theme, left);
    ranking_pane(frame, app, scoring, theme, right);
}

/// True when the weights panel shows beside the ranking: as the analyst set it, else from
/// [`super::PANEL_FROM`] columns; always while the weights have the focus.
pub fn panel_shown(app: &App, scoring: &ScoringState, width: u16) -> bool {
    app.panel_shown.unwrap_or(width >= super::PANEL_FROM) || scoring.focus == Focus::Weights
}

fn weights_pane(frame: &mut Frame, app: &App, scoring: &ScoringState, theme: &Theme, area: Rect) {
    let width = area.width.saturating_sub(1) as usize;
    let focused = scoring.focus == Focus::Weights;
    let mut lines = vec![Line::from(Span::styled(
        pad(&format!(" {}", app.t(i18n::WEIGHTS)), width, false),
        if focused { theme.tab_active } else { theme.header },
    ))];
    let shares = scoring.weights.shares();
    let bar_width = width.saturating_sub(22).clamp(4, 16);
    for (index, criterion) in scoring.matrix.criteria().iter().enumerate() {
        let share = shares.get(index).copied().unwrap_or(0.0);
        let filled = (share * bar_width as f64 * 2.5).round() as usize;
        let bar: String =
            "█".repeat(filled.min(bar_width)) + &" ".repeat(bar_width.saturating_sub(filled.min(bar_width)));
        let name_width = width.saturating_sub(bar_width + 9);
        let derived = if criterion.is_manual() { "" } else { "·" };
        let text = format!(
            " {}{} {} {:>3}",
            pad(criterion.name(app.lang), name_width.saturating_sub(1), false),
            if derived.is_empty() { " " } else { derived },
            bar,
            crate::scoring::criteria::format_number(scoring.weights.get(index))
        );
        let style = if index == scoring.weight_cursor.selected() {
            if focused { theme.selected } else { theme.marked }
        } else {
            theme.base
        };
        lines.push(Line::from(Span::styled(pad(&text, width, false), style)));
    }
    lines.push(Line::from(""));
    lines.extend(frame_lines(app, scoring, theme, width));
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// Words wrapped to `width` columns, at most `max` lines.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = truncate_to_width(&format!("{last} …"), width);
        }
    }
    lines
}

/// The frame in a few lines, most important first (the pane clips the rest): the warning
/// when places rest on derived criteria alone, the mode, frame/spent/left (adding up as
/// shown), the cut line, the optimised alternative, who fell out and why, the curve.
fn frame_lines<'a>(app: &App, scoring: &ScoringState, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let mut lines = Vec::new();
    if let Some(warning) = coverage_text(&scoring.coverage, scoring.matrix.criteria(), lang) {
        for line in wrap(&format!("⚠ {warning}"), width.saturating_sub(1), 4) {
            lines.push(Line::from(Span::styled(format!(" {line}"), theme.error)));
        }
    }
    let (_, incomplete) = scoring.matrix.completeness();
    let incomplete_line = Line::from(Span::styled(format!(" {incomplete} {}", app.t(i18n::INCOMPLETE)), theme.dim));
    let Some(frame_nok) = scoring.frame_nok else {
        lines.push(Line::from(Span::styled(format!(" {}: {}", app.t(i18n::FRAME), app.t(i18n::NO_FRAME)), theme.dim)));
        lines.push(incomplete_line);
        return lines;
    };
    let clip = |text: String| truncate_to_width(&text, width);
    lines.push(Line::from(vec![
        Span::styled(format!(" {}: ", app.t(i18n::MODE)), theme.header),
        Span::styled(clip(format!("{} (m)", mode_name(scoring.mode, lang))), theme.base),
    ]));
    lines.push(Line::from(vec![
        Span::styled(format!(" {}: ", app.t(i18n::FRAME)), theme.header),
        Span::styled(format!("{} MNOK", format_mnok(frame_nok)), theme.amount),
    ]));
    let Some(prioritised) = scoring.prioritised.as_ref().filter(|_| !scoring.selecting) else {
        lines.push(Line::from(Span::styled(format!(" {}…", app.t(i18n::COMPUTING)), theme.dim)));
        lines.push(incomplete_line);
        return lines;
    };
    let plan = &prioritised.plan;
    let (_, spent, left) = plan.shown_tenths();
    let tenths = |t: i64| format_mnok(t * 100_000);
    for text in [
        format!(" {} {} · {} {}", plan.chosen.len(), app.t(i18n::CHOSEN), tenths(spent), app.t(i18n::SPENT)),
        format!(
            " {} {} · {} {}",
            tenths(left),
            app.t(i18n::LEFT),
            app.t(i18n::BENEFIT),
            decimal(plan.benefit, 1, lang)
        ),
    ] {
        lines.push(Line::from(Span::styled(clip(text), theme.ok)));
    }
    if let Some(place) = plan.cut_place {
        lines.push(Line::from(Span::styled(format!(" {}: {place}", app.t(i18n::CUT_LINE_IS)), theme.base)));
    }
    if let Some(swap) = &prioritised.swap {
        let text = format!(" {}: {}", app.t(i18n::SWAP_SHORT), swap_short(swap, lang));
        lines.push(Line::from(Span::styled(clip(text), theme.dim)));
    }
    let last_in = plan.order.iter().rposition(|&row| plan.in_frame[row]).map_or(0, |p| p + 1);
    let out: Vec<usize> = plan.out_above(last_in).take(3).collect();
    if !out.is_empty() {
        lines.push(Line::from(Span::styled(clip(format!(" {}:", app.t(i18n::OUT_ABOVE_CUT))), theme.header)));
        for row in out {
            let title = display_line(&scoring.matrix.row(row).title).into_owned();
            let reason = plan.reason(row).map(|r| reason_text(r, lang)).unwrap_or_default();
            lines.push(Line::from(Span::styled(clip(format!("  {title}")), theme.base)));
            lines.push(Line::from(Span::styled(clip(format!("   {reason}")), theme.dim)));
        }
    }
    lines.push(incomplete_line);
    if !prioritised.curve.is_empty() {
        lines.push(Line::from(Span::styled(clip(format!(" {}:", app.t(i18n::CURVE_TITLE))), theme.header)));
        for step in &prioritised.curve {
            let text = format!(
                "  {:>9} {:>7} ({})",
                format_mnok(step.frame_nok),
                decimal(step.best_benefit, 0, lang),
                decimal(step.rank_order_benefit, 0, lang)
            );
            lines.push(Line::from(Span::styled(clip(text), theme.dim)));
        }
    }
    lines
}

fn ranking_pane(frame: &mut Frame, app: &App, scoring: &ScoringState, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let focused = scoring.focus == Focus::List;
    let title_width = width.saturating_sub(6 + 5 + 7 + 9 + 4 + 6);
    let header = format!(
        "{} {} {} {} {} {}",
        pad(app.t(i18n::RANK), 6, true),
        pad("±", 5, true),
        pad(app.t(i18n::TITLE), title_width, false),
        pad(app.t(i18n::SCORE), 6, true),
        pad(app.t(i18n::AMOUNT_MNOK), 8, true),
        pad("", 3, false),
    );
    let mut lines = vec![Line::from(Span::styled(
        pad(&header, width, false),
        if focused { theme.tab_active } else { theme.header },
    ))];
    let plan = scoring.prioritised.as_ref().filter(|_| !scoring.selecting).map(|p| &p.plan);
    let cut = plan.and_then(|p| p.cut_place);
    // A row for the header, one for the cursor row's reason, one for the cut line if shown.
    let room = area.height.saturating_sub(2) as usize;
    let rows_shown =
        |offset: usize| room.saturating_sub(usize::from(cut.is_some_and(|c| c > offset + 1 && c <= offset + room)));
    let mut offset = scoring.list.window(scoring.ranking.len(), room).start;
    // The cut line takes a row: the page moves one further when the selection would drop off.
    if scoring.list.selected() >= offset + rows_shown(offset).max(1) {
        offset = scoring.list.selected() + 1 - rows_shown(offset).max(1);
    }
    let end = (offset + rows_shown(offset)).min(scoring.ranking.len());
    for place in offset..end {
        let Some(row) = scoring.row_at(place) else { break };
        if cut == Some(place + 1) && place > offset {
            let label = format!(" {} ", app.t(i18n::CUT_LINE));
            let side = width.saturating_sub(label.width()) / 2;
            let line = format!("{}{label}{}", "─".repeat(side), "─".repeat(width.saturating_sub(side + label.width())));
            lines.push(Line::from(Span::styled(line, theme.dim)));
        }
        lines.push(ranked_line(scoring, theme, row, place, title_width, width));
    }
    let used = lines.len();
    for _ in used..area.height.saturating_sub(1) as usize {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(truncate_to_width(&cursor_note(app, scoring), width), theme.hint_key)));
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// What the cursor's row needs said: why it is out, and its duplicate link.
fn cursor_note(app: &App, scoring: &ScoringState) -> String {
    let Some(row) = scoring.row_at(scoring.list.selected()) else { return String::new() };
    let plan = scoring.prioritised.as_ref().map(|p| &p.plan);
    let mut parts = Vec::new();
    if let Some(reason) = plan.and_then(|p| p.reason(row)) {
        parts.push(reason_text(reason, app.lang));
    }
    if let Some(mark) = scoring.duplicates.mark(row) {
        parts.push(duplicate_text(mark, app.lang));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!(" {}: {}", scoring.matrix.row(row).id, parts.join(" · "))
}

fn ranked_line<'a>(
    scoring: &ScoringState,
    theme: &Theme,
    row: usize,
    place: usize,
    title_width: usize,
    width: usize,
) -> Line<'a> {
    let focused = scoring.focus == Focus::List;
    let candidate = scoring.matrix.row(row);
    let gained = scoring.gained(row);
    let movement = match gained {
        0 => String::new(),
        g if g > 0 => format!("↑{g}"),
        g => format!("↓{}", -g),
    };
    let mark = if scoring.locked_in.contains(&row) {
        "L"
    } else if scoring.locked_out.contains(&row) {
        "X"
    } else if scoring.in_frame(row) {
        "●"
    } else {
        ""
    };
    let duplicate = scoring.duplicates.mark(row).map_or(" ", |m| duplicate_symbol(m.kind));
    let incomplete = if scoring.matrix.is_complete(row) { " " } else { "*" };
    let mut style = if scoring.in_frame(row) { theme.ok } else { theme.base };
    if place == scoring.list.selected() {
        style = if focused { theme.selected } else { style.patch(theme.marked) };
    }
    let movement_style = match gained {
        g if g > 0 => style.patch(theme.ok),
        g if g < 0 => style.patch(theme.error),
        _ => style,
    };
    let rest = format!(
        " {} {} {} {}{duplicate}{incomplete}",
        pad(&display_line(&candidate.title), title_width, false),
        pad(&format_decimal(scoring.ranking.totals[row], 1), 6, true),
        pad(&candidate.amount_nok.map(format_mnok).unwrap_or_default(), 8, true),
        pad(mark, 1, false),
    );
    let used = 6 + 1 + 5 + rest.width();
    Line::from(vec![
        Span::styled(format!("{} ", pad(&(place + 1).to_string(), 6, true)), style),
        Span::styled(pad(&movement, 5, true), movement_style),
        Span::styled(rest, style),
        Span::styled(" ".repeat(width.saturating_sub(used)), style),
    ])
}

/// Each criterion's part of one initiative's total.
pub fn explain_lines<'a>(app: &App, theme: &Theme, row: usize) -> Vec<Line<'a>> {
    let Some(scoring) = &app.scoring.state else { return Vec::new() };
    let explanation = scoring.matrix.explain(&scoring.weights, row);
    let lang = app.lang;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<34}", i18n::CRITERION.get(lang)), theme.header),
        Span::styled(format!("{:>8}", i18n::VALUE.get(lang)), theme.header),
        Span::styled(format!("{:>8}", i18n::WEIGHT.get(lang)), theme.header),
        Span::styled(format!("{:>14}", i18n::CONTRIBUTION.get(lang)), theme.header),
    ])];
    // Rounded so the shown points add up to the shown total.
    let points: Vec<f64> = explanation.contributions.iter().map(|c| c.points).collect();
    let shown = crate::scoring::rounded_parts(&points, 1);
    for (index, part) in explanation.contributions.iter().enumerate() {
        let criterion = &scoring.matrix.criteria().list[index];
        let value = match part.value {
            Some(v) => crate::scoring::criteria::format_number((v * 100.0).round() / 100.0).replace('.', ","),
            None => format!("({})", i18n::MISSING.get(lang).to_lowercase()),
        };
        let name = format!("{}{}", criterion.name(lang), if criterion.is_manual() { "" } else { " ·" });
        lines.push(Line::from(vec![
            Span::styled(format!("{:<34}", truncate_to_width(&name, 33)), theme.base),
            Span::styled(format!("{value:>8}"), if part.missing { theme.error } else { theme.base }),
            Span::styled(format!("{:>7}%", format_decimal(part.weight_share * 100.0, 0)), theme.dim),
            Span::styled(format!("{:>14}", decimal(shown[index], 1, lang)), theme.amount),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<50}", i18n::TOTAL_SCORE.get(lang)), theme.header),
        Span::styled(format!("{:>14}", decimal(shown.iter().sum(), 1, lang)), theme.header),
    ]));
    let candidate = scoring.matrix.row(row);
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "{} {} · {} {} MNOK",
        i18n::RANK.get(lang),
        scoring.ranking.rank(row),
        i18n::AMOUNT.get(lang),
        candidate.amount_nok.map_or_else(|| "–".into(), format_mnok)
    )));
    if explanation.incomplete {
        lines.push(Line::from(Span::styled(i18n::MISSING_RULE.get(lang), theme.error)));
    }
    lines.push(Line::from(Span::styled(i18n::DERIVED_NOTE.get(lang), theme.dim)));
    lines
}
