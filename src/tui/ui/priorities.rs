//! The priority screen: weights on the left, the live ranking on the right, the budget frame
//! below the weights. And the explanation of one total.

use super::super::app::App;
use super::super::scoring::{Focus, ScoringState};
use super::super::theme::Theme;
use crate::i18n;
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
    let Some(scoring) = &app.scoring else { return loading(frame, app, theme, area) };
    let left_width = if area.width >= 110 { 42 } else { 32 };
    let [left, right] = Layout::horizontal([Constraint::Length(left_width), Constraint::Min(20)]).areas(area);
    weights_pane(frame, app, scoring, theme, left);
    ranking_pane(frame, app, scoring, theme, right);
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
        let style = if index == scoring.weight_cursor {
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

/// The budget frame in a few lines: chosen, spent, left, value, the cut line, what missed.
fn frame_lines<'a>(app: &App, scoring: &ScoringState, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let (complete, total) = scoring.matrix.completeness();
    let incomplete = total - complete;
    let Some(frame_nok) = scoring.frame_nok else {
        lines.push(Line::from(Span::styled(format!(" {}: {}", app.t(i18n::FRAME), app.t(i18n::NO_FRAME)), theme.dim)));
        lines.push(Line::from(Span::styled(format!(" {incomplete} {}", app.t(i18n::INCOMPLETE)), theme.dim)));
        return lines;
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" {}: ", app.t(i18n::FRAME)), theme.header),
        Span::styled(format!("{} MNOK", format_mnok(frame_nok)), theme.amount),
    ]));
    match (&scoring.selection, scoring.selecting) {
        (_, true) | (None, _) => {
            lines.push(Line::from(Span::styled(format!(" {}…", app.t(i18n::COMPUTING)), theme.dim)))
        }
        (Some(selection), false) => {
            let text = [
                format!(
                    " {} {} · {} MNOK",
                    selection.chosen.len(),
                    app.t(i18n::CHOSEN),
                    format_mnok(selection.spent_nok)
                ),
                format!(
                    " {} {} MNOK · {} {}",
                    app.t(i18n::LEFT),
                    format_mnok(selection.remaining_nok),
                    app.t(i18n::TOTAL_POINTS),
                    format_decimal(selection.value, 1)
                ),
            ];
            for line in text {
                lines.push(Line::from(Span::styled(truncate_to_width(&line, width), theme.ok)));
            }
            if let Some(place) = selection.cut_place {
                lines.push(Line::from(Span::styled(format!(" {}: {place}", app.t(i18n::CUT_LINE_IS)), theme.base)));
            }
            let gain = selection.value - selection.top_down.value;
            if gain > 0.005 {
                lines.push(Line::from(Span::styled(
                    truncate_to_width(
                        &format!(
                            " {} +{} ({})",
                            app.t(i18n::EXACT_GAINS),
                            format_decimal(gain, 1),
                            app.t(i18n::TOP_DOWN).to_lowercase()
                        ),
                        width,
                    ),
                    theme.dim,
                )));
            }
            if !selection.just_missed.is_empty() {
                lines.push(Line::from(Span::styled(format!(" {}:", app.t(i18n::JUST_MISSED)), theme.header)));
                for missed in selection.just_missed.iter().take(3) {
                    let title = display_line(&scoring.matrix.row(missed.row).title).into_owned();
                    let text = format!("  {} ({} MNOK)", title, format_mnok(missed.amount_nok));
                    lines.push(Line::from(Span::styled(truncate_to_width(&text, width), theme.dim)));
                }
            }
        }
    }
    lines.push(Line::from(Span::styled(format!(" {incomplete} {}", app.t(i18n::INCOMPLETE)), theme.dim)));
    lines
}

fn ranking_pane(frame: &mut Frame, app: &App, scoring: &ScoringState, theme: &Theme, area: Rect) {
    let width = area.width as usize;
    let focused = scoring.focus == Focus::List;
    let title_width = width.saturating_sub(6 + 5 + 7 + 9 + 3 + 6);
    let header = format!(
        "{} {} {} {} {} {}",
        pad(app.t(i18n::RANK), 6, true),
        pad("±", 5, true),
        pad(app.t(i18n::TITLE), title_width, false),
        pad(app.t(i18n::SCORE), 6, true),
        pad(app.t(i18n::AMOUNT_MNOK), 8, true),
        pad("", 2, false),
    );
    let mut lines = vec![Line::from(Span::styled(
        pad(&header, width, false),
        if focused { theme.tab_active } else { theme.header },
    ))];
    let page = area.height.saturating_sub(1) as usize;
    for place in scoring.list_offset..(scoring.list_offset + page).min(scoring.ranking.len()) {
        let Some(row) = scoring.row_at(place) else { break };
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
        let incomplete = if scoring.matrix.is_complete(row) { " " } else { "*" };
        let mut style = if scoring.in_frame(row) { theme.ok } else { theme.base };
        if place == scoring.list_cursor {
            style = if focused { theme.selected } else { style.patch(theme.marked) };
        }
        let movement_style = match gained {
            g if g > 0 => style.patch(theme.ok),
            g if g < 0 => style.patch(theme.error),
            _ => style,
        };
        let rest = format!(
            " {} {} {} {}{}",
            pad(&display_line(&candidate.title), title_width, false),
            pad(&format_decimal(scoring.ranking.totals[row], 1), 6, true),
            pad(&candidate.amount_nok.map(format_mnok).unwrap_or_default(), 8, true),
            pad(mark, 1, false),
            incomplete,
        );
        let used = 6 + 1 + 5 + rest.width();
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", pad(&(place + 1).to_string(), 6, true)), style),
            Span::styled(pad(&movement, 5, true), movement_style),
            Span::styled(rest, style),
            Span::styled(" ".repeat(width.saturating_sub(used)), style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// Each criterion's part of one initiative's total.
pub fn explain_lines<'a>(app: &App, theme: &Theme, row: usize) -> Vec<Line<'a>> {
    let Some(scoring) = &app.scoring else { return Vec::new() };
    let explanation = scoring.matrix.explain(&scoring.weights, row);
    let lang = app.lang;
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:<34}", i18n::CRITERION.get(lang)), theme.header),
        Span::styled(format!("{:>8}", i18n::VALUE.get(lang)), theme.header),
        Span::styled(format!("{:>8}", i18n::WEIGHT.get(lang)), theme.header),
        Span::styled(format!("{:>14}", i18n::CONTRIBUTION.get(lang)), theme.header),
    ])];
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
            Span::styled(format!("{:>14}", format_decimal(part.points, 1)), theme.amount),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{:<50}", i18n::TOTAL_SCORE.get(lang)), theme.header),
        Span::styled(format!("{:>14}", format_decimal(explanation.total, 1)), theme.header),
    ]));
    let candidate = scoring.matrix.row(row);
    lines.push(Line::from(""));
    lines.push(Line::from(format!(
        "{} {} · {} {} MNOK",
        i18n::RANK.get(lang),
        scoring.ranking.rank(row),
        i18n::AMOUNT.get(lang),
        candidate.amount_nok.map(format_mnok).unwrap_or_else(|| "–".into())
    )));
    if explanation.incomplete {
        lines.push(Line::from(Span::styled(i18n::MISSING_RULE.get(lang), theme.error)));
    }
    lines.push(Line::from(Span::styled(i18n::DERIVED_NOTE.get(lang), theme.dim)));
    lines
}
