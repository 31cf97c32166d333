//! The duplicate review screen: the queue of candidate pairs, the selected pair's two
//! initiatives side by side with the words they share highlighted, and why they match.

use super::super::app::App;
use super::super::duplicates::{DuplicatesState, Side, list_height};
use super::super::theme::Theme;
use crate::config::Lang;
use crate::dedupe::highlight::{Highlighter, Strength};
use crate::dedupe::{Reason, Record, ReviewItem, describe};
use crate::i18n;
use crate::text::{display_block, display_line, format_mnok, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// Widths of the list's fixed columns: score, owners, decision.
const SCORE_WIDTH: usize = 5;
const OWNERS_WIDTH: usize = 20;
const DECISION_WIDTH: usize = 9;

pub fn duplicates(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(state) = &app.duplicates.state else {
        let text = format!("  {}…", app.t(i18n::FINDING_PAIRS));
        return frame.render_widget(Paragraph::new(Line::from(Span::styled(text, theme.dim))), area);
    };
    if state.queue.items.is_empty() {
        let text = format!("  {}", app.t(i18n::NO_PAIRS));
        return frame.render_widget(Paragraph::new(Line::from(Span::styled(text, theme.dim))), area);
    }
    let Some(item) = state.selected() else { return };
    let reasons = state.queue.reasons(&item.pair);
    let list_rows = list_height(area.height);
    let reason_rows = (reasons.len() as u16 + 1).min(area.height.saturating_sub(list_rows + 6));
    let [list_area, panes_area, reasons_area] =
        Layout::vertical([Constraint::Length(list_rows), Constraint::Min(4), Constraint::Length(reason_rows)])
            .areas(area);
    pair_list(frame, app, theme, state, list_area);
    let (Some(a), Some(b)) = (state.queue.record(item.pair.a), state.queue.record(item.pair.b)) else { return };
    let key_words = key_words(&reasons);
    let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(panes_area);
    initiative_pane(frame, app, theme, (&a, &b), &key_words, state.side == Side::A, "A", left);
    initiative_pane(frame, app, theme, (&b, &a), &key_words, state.side == Side::B, "B", right);
    reason_list(frame, app, theme, &reasons, reasons_area);
}

fn pad(text: &str, width: usize, right: bool) -> String {
    let text = truncate_to_width(text, width);
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right { format!("{fill}{text}") } else { format!("{text}{fill}") }
}

/// The title columns' width first: below this the owners column folds away (the reasons
/// under the pair still name the owners) unless the analyst asked for it back (`z`).
const TITLE_WIDTH: usize = 30;

/// The width of each title column and of the owners column (0: folded) at `width`.
fn list_columns(width: usize, all_shown: bool) -> (usize, usize) {
    let fixed = SCORE_WIDTH + DECISION_WIDTH + 5;
    let with_owners = width.saturating_sub(fixed + OWNERS_WIDTH + 2) / 2;
    if all_shown || with_owners >= TITLE_WIDTH {
        (with_owners, OWNERS_WIDTH)
    } else {
        (width.saturating_sub(fixed - 1) / 2, 0)
    }
}

/// The queue, highest score first; pairs already decided show their decision.
fn pair_list(frame: &mut Frame, app: &App, theme: &Theme, state: &DuplicatesState, area: Rect) {
    let width = area.width as usize;
    let (title_width, owners_width) = list_columns(width, app.columns_shown);
    let owners =
        |text: &str| if owners_width == 0 { String::new() } else { format!("{} ", pad(text, owners_width, false)) };
    let header = format!(
        " {} {}{} {} {}",
        pad(app.t(i18n::PAIR_SCORE), SCORE_WIDTH, true),
        owners(app.t(i18n::OWNERS)),
        pad(app.t(i18n::TITLE_A), title_width, false),
        pad(app.t(i18n::TITLE_B), title_width, false),
        pad(app.t(i18n::DECISION), DECISION_WIDTH, false),
    );
    let mut lines = vec![Line::from(Span::styled(pad(&header, width, false), theme.header))];
    let page = area.height.saturating_sub(1) as usize;
    for (_, item, selected) in state.cursor.visible(&state.queue.items, page) {
        let style = if selected { theme.selected } else { theme.base };
        let title = |id: i64| {
            state.queue.record(id).map_or_else(String::new, |r| match &r.agency {
                Some(agency) => format!("{} · {}", display_line(r.title.trim()), display_line(agency)),
                None => display_line(r.title.trim()).into_owned(),
            })
        };
        let decision = item.decision.as_ref().map_or("", |d| describe::decision_text(d.decision, app.lang));
        let text = format!(
            " {} {}{} {} ",
            pad(&describe::score_text(item.pair.score, app.lang), SCORE_WIDTH, true),
            owners(describe::relation_text(item.pair.owners, app.lang)),
            pad(&title(item.pair.a), title_width, false),
            pad(&title(item.pair.b), title_width, false),
        );
        let used = text.width();
        lines.push(Line::from(vec![
            Span::styled(text, style),
            Span::styled(pad(decision, width.saturating_sub(used), false), style.patch(theme.flagged)),
        ]));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// The words the reasons name: highlighted most strongly.
fn key_words(reasons: &[Reason]) -> Vec<String> {
    reasons
        .iter()
        .flat_map(|r| match r {
            Reason::TitleWords { words, .. } | Reason::DescriptionWords { words, .. } => words.clone(),
            _ => Vec::new(),
        })
        .collect()
}

fn life_event_name(app: &App, code: &str) -> String {
    app.portfolio
        .life_events
        .iter()
        .find(|e| e.code == code)
        .map_or(code.to_string(), |e| if app.lang == Lang::En { e.name_en.clone() } else { e.name_nb.clone() })
}

/// One initiative of the pair: title, owner, source, amount, life events, description,
/// with the words the other one shares highlighted.
#[allow(clippy::too_many_arguments)] // where to draw and what: a struct would only wrap them
fn initiative_pane(
    frame: &mut Frame,
    app: &App,
    theme: &Theme,
    (record, other): (&Record, &Record),
    key_words: &[String],
    focused: bool,
    label: &str,
    area: Rect,
) {
    // Read from the store for the selected pair (see `tui::load_pair_texts`).
    let description_of = |id: i64| app.duplicates.state.as_ref().map_or("", |state| state.description(id));
    let description = display_block(description_of(record.id)).into_owned();
    let other_texts = [other.title.as_str(), description_of(other.id)];
    let mut highlighter = Highlighter::new(&other_texts, key_words);
    let styles = |strength: Strength| match strength {
        Strength::Key => theme.matched,
        Strength::Shared => theme.shared,
    };
    let title = display_line(record.title.trim()).into_owned();
    let mut lines = vec![Line::from(marked(&title, &mut highlighter, theme.header, &styles))];
    let mut owner = record.agency.as_deref().map_or_else(|| "–".into(), |a| display_line(a).into_owned());
    if !record.ministries.is_empty() {
        owner.push_str(&format!(" ({})", record.ministries.join("/")));
    }
    lines.push(Line::from(Span::styled(owner, theme.base)));
    lines.push(Line::from(Span::styled(
        format!("{} · {}", display_line(&record.source_file), display_line(&record.key)),
        theme.dim,
    )));
    if let Some(row) = app.portfolio.position(record.id).and_then(|i| app.portfolio.rows.get(i)) {
        let mut facts: Vec<String> = Vec::new();
        if let Some(amount) = row.amount_nok {
            facts.push(format!("{} {} MNOK", app.t(i18n::REQUESTED), format_mnok(amount)));
        }
        facts.extend(app.portfolio.phase(row).map(str::to_string));
        if !facts.is_empty() {
            lines.push(Line::from(Span::styled(facts.join(" · "), theme.dim)));
        }
    }
    if !record.life_events.is_empty() {
        let names: Vec<String> = record.life_events.iter().map(|c| life_event_name(app, c)).collect();
        lines.push(Line::from(Span::styled(format!("{}: {}", app.t(i18n::LIFE_EVENTS), names.join(", ")), theme.dim)));
    }
    lines.push(Line::from(""));
    for text_line in description.lines() {
        lines.push(Line::from(marked(text_line, &mut highlighter, theme.base, &styles)));
    }
    let border = if focused { theme.border_focused } else { theme.border };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .title(Span::styled(format!(" {label} · #{} ", record.id), border));
    frame.render_widget(Paragraph::new(lines).block(block).style(theme.base).wrap(Wrap { trim: false }), area);
}

/// `text` as spans, the shared words in their highlight styles over `base`.
fn marked(
    text: &str,
    highlighter: &mut Highlighter,
    base: Style,
    styles: &dyn Fn(Strength) -> Style,
) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut at = 0;
    for (range, strength) in highlighter.spans(text) {
        if range.start > at {
            spans.push(Span::styled(text[at..range.start].to_string(), base));
        }
        spans.push(Span::styled(text[range.clone()].to_string(), base.patch(styles(strength))));
        at = range.end;
    }
    if at < text.len() {
        spans.push(Span::styled(text[at..].to_string(), base));
    }
    spans
}

/// Why the pair is listed: each reason with its sub-scores.
fn reason_list(frame: &mut Frame, app: &App, theme: &Theme, reasons: &[Reason], area: Rect) {
    let name = |code: &str| life_event_name(app, code);
    let mut lines = vec![Line::from(Span::styled(format!(" {}", app.t(i18n::WHY)), theme.header))];
    for reason in reasons {
        let text = describe::reason_line(reason, app.lang, &name);
        let text = truncate_to_width(&display_line(&text), (area.width as usize).saturating_sub(3));
        lines.push(Line::from(Span::styled(format!("  {text}"), theme.base)));
    }
    frame.render_widget(Paragraph::new(lines).style(theme.base), area);
}

/// The pairs an initiative is in, for its detail window: the other one, the score and
/// the decision.
pub(super) fn pair_lines<'a>(app: &App, theme: &Theme, id: i64) -> Vec<Line<'a>> {
    let Some(state) = &app.duplicates.state else { return Vec::new() };
    let items: Vec<&ReviewItem> = state.pairs_of(id).collect();
    if items.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::from(""), Line::from(Span::styled(app.t(i18n::POSSIBLE_DUPLICATES), theme.header))];
    for item in items {
        let other = if item.pair.a == id { item.pair.b } else { item.pair.a };
        let Some(record) = state.queue.record(other) else { continue };
        let decision = item
            .decision
            .as_ref()
            .map_or(String::new(), |d| format!(" [{}]", describe::decision_text(d.decision, app.lang)));
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", describe::score_text(item.pair.score, app.lang)), theme.dim),
            Span::styled(
                format!(
                    "#{other} {} ({}) · {}",
                    display_line(record.title.trim()),
                    display_line(record.agency.as_deref().unwrap_or("–")),
                    describe::relation_text(item.pair.owners, app.lang)
                ),
                theme.base,
            ),
            Span::styled(decision, theme.flagged),
        ]));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::list_columns;

    #[test]
    fn titles_keep_30_columns_at_80_by_folding_the_owners_and_z_brings_them_back() {
        assert_eq!(list_columns(80, false), (31, 0));
        assert_eq!(list_columns(80, true).1, 20);
        let (title, owners) = list_columns(120, false);
        assert!(title >= 30 && owners == 20, "{title} {owners}");
    }
}
