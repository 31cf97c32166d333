//! Windows over the screen: help, command palette, details, changes, prompts, messages.

use super::super::action::Action;
use super::super::app::{App, Overlay, PromptKind, palette_matches};
use super::super::input::LineInput;
use super::super::list_cursor::ListCursor;
use super::super::theme::Theme;
use crate::config::Lang;
use crate::i18n;
use crate::model::{BatchChanges, InitiativeDetail};
use crate::text::{display_block, display_line, format_mnok, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(overlay) = &app.overlay else { return };
    match overlay {
        Overlay::Help { scroll } => {
            let rect = centered(area, 96, area.height.saturating_sub(2));
            let lines = help_lines(app, theme, rect.width.saturating_sub(2) as usize);
            // Never past the end: the last line stays at the bottom of the window.
            let last = (lines.len() as u16 + 2).saturating_sub(rect.height);
            framed(frame, theme, rect, app.t(i18n::HELP), lines, (*scroll).min(last));
        }
        Overlay::Palette { input, selected } => palette(frame, app, theme, area, (input, selected)),
        Overlay::Detail { detail, scroll, .. } => {
            let lines = match detail {
                Some(detail) => detail_lines(detail, app, theme),
                None => vec![Line::from(format!("{}…", app.t(i18n::LOADING)))],
            };
            let title = detail
                .as_ref()
                .map_or(app.t(i18n::DETAIL).to_string(), |d| display_line(&d.initiative.title).into_owned());
            framed(frame, theme, inset(area), &title, lines, *scroll);
        }
        Overlay::Changes { changes, scroll } => {
            let rect = inset(area);
            let lines = match changes {
                Some(changes) => change_lines(changes, app, theme, rect.width.saturating_sub(2) as usize),
                None => vec![Line::from(format!("{}…", app.t(i18n::LOADING)))],
            };
            // "Changes in" names its source, as the CLI's report does.
            let title = changes.as_ref().map_or_else(
                || app.t(i18n::CHANGES_SINCE).to_string(),
                |c| format!("{} {}", app.t(i18n::CHANGES_SINCE), display_line(&c.batch.source)),
            );
            framed(frame, theme, rect, &title, lines, *scroll);
        }
        Overlay::Scenarios(view) => {
            let rect = inset(area);
            let (width, height) = (rect.width.saturating_sub(2) as usize, rect.height.saturating_sub(2) as usize);
            let lines = super::scenarios::lines(app, theme, view, width, height);
            framed(frame, theme, rect, app.t(i18n::SCENARIOS), lines, 0);
        }
        Overlay::Explain { row, scroll } => {
            let rect = centered(area, 90, area.height.saturating_sub(4));
            let lines = super::priorities::explain_lines(app, theme, *row);
            let title = app
                .scoring
                .state
                .as_ref()
                .map_or(String::new(), |s| display_line(&s.matrix.row(*row).title).into_owned());
            framed(frame, theme, rect, &title, lines, *scroll);
        }
        Overlay::Confirm { .. }
        | Overlay::ConfirmReplace { .. }
        | Overlay::Ask { .. }
        | Overlay::ConfirmWithdraw { .. } => {
            question(frame, app, theme, area, overlay);
        }
        Overlay::ImportPreview { request, columns, selected, message } => {
            super::preview::draw(frame, app, theme, area, (request, columns, selected.selected(), message));
        }
        Overlay::Picker(picker) => super::picker::picker(frame, app, theme, picker, area),
        Overlay::Prompt { kind, input } => prompt(frame, app, theme, area, (*kind, input)),
        Overlay::Message { title, lines, error, scroll } => {
            let style = if *error { theme.error } else { theme.base };
            let rect = centered(area, 96, area.height);
            let inner = rect.width.saturating_sub(2) as usize;
            // Long lines wrap, each keeping its indent, so nothing is cut off the box.
            let lines: Vec<Line> = lines
                .iter()
                .flat_map(|line| {
                    let indent = line.chars().take_while(|c| *c == ' ').count();
                    let pad = " ".repeat(indent);
                    crate::text::wrap_to_width(line, inner.saturating_sub(indent))
                        .into_iter()
                        .map(move |piece| format!("{pad}{piece}"))
                })
                .map(|l| Line::from(Span::styled(l, style)))
                .collect();
            let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
            framed(frame, theme, centered(area, 96, height), title, lines, *scroll);
        }
    }
}

/// The command palette: what was typed, and the actions it matches with their keys.
fn palette(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, (input, selected): (&LineInput, &ListCursor)) {
    let rect = centered(area, 70, 16.min(area.height.saturating_sub(2)));
    let mut lines =
        vec![Line::from(vec![Span::styled("> ", theme.hint_key), Span::styled(input.text().to_string(), theme.input)])];
    for (index, action) in palette_matches(input.text(), app.lang).iter().enumerate() {
        let style = if index == selected.selected() { theme.selected } else { theme.base };
        let key = app.keymap.first_label(*action);
        let width = rect.width.saturating_sub(4) as usize;
        let description = truncate_to_width(action.description().get(app.lang), width.saturating_sub(12));
        let fill = width.saturating_sub(description.width() + key.width());
        lines.push(Line::from(vec![
            Span::styled(description, style),
            Span::styled(" ".repeat(fill), style),
            Span::styled(key, style.patch(theme.hint_key)),
        ]));
    }
    let shown = rect.height.saturating_sub(4) as usize;
    let scroll = selected.selected().saturating_sub(shown) as u16;
    framed(frame, theme, rect, app.t(i18n::PALETTE), lines, scroll);
    let x = rect.x + 3 + display_line(input.text()).width() as u16;
    frame.set_cursor_position(Position::new(x.min(rect.x + rect.width.saturating_sub(2)), rect.y + 1));
}

/// A one-line prompt wide enough for a full path; a longer one shows its end (the file's name).
fn prompt(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, (kind, input): (PromptKind, &LineInput)) {
    // Wide enough for a full path; a longer one shows its end (the file's name).
    let rect = centered(area, 110, 3);
    let inner = rect.width.saturating_sub(3) as usize;
    let full = display_line(input.text()).into_owned();
    let text = super::picker::truncate_start(&full, inner);
    framed(frame, theme, rect, app.t(kind.title()), vec![Line::from(Span::styled(text.clone(), theme.input))], 0);
    let before = display_line(&input.text().chars().take(input.cursor()).collect::<String>()).width();
    let cut = full.width().saturating_sub(text.width());
    let x = rect.x + 1 + before.saturating_sub(cut) as u16;
    frame.set_cursor_position(Position::new(x.min(rect.x + rect.width.saturating_sub(2)), rect.y + 1));
}

/// A question the analyst answers with enter/j/y (anything else declines).
fn question(frame: &mut Frame, app: &App, theme: &Theme, area: Rect, overlay: &Overlay) {
    match overlay {
        Overlay::Confirm { ids, edits } => {
            let description = app.edits_in_words(ids, edits);
            let lines = vec![
                Line::from(Span::styled(
                    format!(
                        "{} {} {}: {}",
                        app.t(i18n::CONFIRM_CHANGE),
                        ids.len(),
                        app.t(i18n::INITIATIVES),
                        display_line(&description)
                    ),
                    theme.base,
                )),
                Line::from(Span::styled(app.t(i18n::CONFIRM_KEYS), theme.hint_key)),
            ];
            framed(frame, theme, centered(area, 80, 4), app.t(i18n::CONFIRM), lines, 0);
        }
        Overlay::ConfirmReplace { job } => {
            let lines = vec![
                Line::from(Span::styled(display_line(&job.path().display().to_string()).into_owned(), theme.base)),
                Line::from(Span::styled(app.t(i18n::REPLACE_FILE), theme.base)),
                Line::from(Span::styled(app.t(i18n::CONFIRM_KEYS), theme.hint_key)),
            ];
            framed(frame, theme, centered(area, 80, 5), app.t(i18n::CONFIRM), lines, 0);
        }
        Overlay::Ask { title, lines, .. } => {
            let width = area.width.saturating_sub(8).min(90);
            let mut wrapped: Vec<Line> = lines
                .iter()
                .flat_map(|line| crate::text::wrap_to_width(line, width.saturating_sub(4) as usize))
                .map(|l| Line::from(Span::styled(l, theme.base)))
                .collect();
            wrapped.push(Line::from(Span::styled(app.t(i18n::CONFIRM_KEYS), theme.hint_key)));
            let height = wrapped.len() as u16 + 2;
            framed(frame, theme, centered(area, width, height), title, wrapped, 0);
        }
        Overlay::ConfirmWithdraw { message, .. } => {
            let width = area.width.saturating_sub(8).min(90);
            let mut lines: Vec<Line> = crate::text::wrap_to_width(message, width.saturating_sub(4) as usize)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.base)))
                .collect();
            lines.push(Line::from(Span::styled(app.t(i18n::WITHDRAW_ANYWAY), theme.base)));
            lines.push(Line::from(Span::styled(app.t(i18n::CONFIRM_KEYS), theme.hint_key)));
            let height = lines.len() as u16 + 2;
            framed(frame, theme, centered(area, width, height), app.t(i18n::CONFIRM), lines, 0);
        }
        _ => {}
    }
}

pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width.saturating_sub(2));
    let height = height.min(area.height);
    Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height }
}

pub(super) fn inset(area: Rect) -> Rect {
    Rect { x: area.x + 1, y: area.y + 1, width: area.width.saturating_sub(2), height: area.height.saturating_sub(2) }
}

pub(super) fn framed(frame: &mut Frame, theme: &Theme, rect: Rect, title: &str, lines: Vec<Line>, scroll: u16) {
    let title = truncate_to_width(title, rect.width.saturating_sub(4) as usize);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .title(Span::styled(format!(" {title} "), theme.title_bar))
        .style(theme.base);
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).scroll((scroll, 0)), rect);
}

/// Every action with its keys, from the keymap, one line each: the current screen's first,
/// then the rest.
pub(super) fn help_lines<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    const KEYS: usize = 18;
    let room = width.saturating_sub(KEYS + 2);
    let heading = |text: String| {
        Line::from(vec![
            Span::styled(format!("{:<KEYS$}", truncate_to_width(&text, KEYS - 1)), theme.header),
            Span::styled(app.t(i18n::ACTION).to_string(), theme.header),
        ])
    };
    let line = |action: Action| {
        let keys: Vec<String> = app.keymap.keys(action).iter().map(super::super::keymap::Key::label).collect();
        Line::from(vec![
            Span::styled(format!("{:<KEYS$}", truncate_to_width(&keys.join(", "), KEYS - 1)), theme.hint_key),
            Span::styled(truncate_to_width(action.description().get(app.lang), room), theme.base),
        ])
    };
    let here = Action::of_screen(app.screen);
    let mut lines = vec![heading(format!("{}: {}", app.t(i18n::HELP_THIS_SCREEN), app.t(app.screen.title())))];
    lines.extend(here.iter().map(|a| line(*a)));
    lines.push(Line::from(""));
    lines.push(heading(app.t(i18n::HELP_GLOBAL).to_string()));
    lines.extend(Action::ALL.into_iter().filter(|a| !here.contains(a)).map(line));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(app.t(i18n::FILTER).to_string(), theme.header)));
    lines.push(Line::from(Span::styled(app.t(i18n::FILTER_HELP).to_string(), theme.base)));
    lines
}

fn field<'a>(label: i18n::Text, value: String, lang: Lang, theme: &Theme) -> Line<'a> {
    let value = if value.is_empty() { "–".to_string() } else { value };
    Line::from(vec![
        Span::styled(format!("{:<18}", truncate_to_width(label.get(lang), 17)), theme.dim),
        Span::styled(display_line(&value).into_owned(), theme.base),
    ])
}

fn detail_lines<'a>(detail: &InitiativeDetail, app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let lang = app.lang;
    let i = &detail.initiative;
    let events: Vec<String> = i
        .life_events
        .iter()
        .map(|code| {
            app.portfolio
                .life_events
                .iter()
                .find(|e| e.code == *code)
                .map_or(code.clone(), |e| if lang == Lang::En { e.name_en.clone() } else { e.name_nb.clone() })
        })
        .collect();
    let agency = match (&i.agency, &detail.agency_name) {
        (Some(code), Some(name)) if name != code => format!("{code} ({name})"),
        (agency, _) => agency.clone().unwrap_or_default(),
    };
    let status = if i.status == crate::model::Status::Withdrawn { i18n::WITHDRAWN } else { i18n::ACTIVE };
    let line = detail.source_line.map(|l| format!(", {} {l}", i18n::LINE.get(lang))).unwrap_or_default();
    let mut lines = vec![
        field(i18n::ID, i.id.to_string(), lang, theme),
        field(i18n::STATUS, status.get(lang).to_string(), lang, theme),
        field(i18n::AGENCY, agency, lang, theme),
        field(i18n::MINISTRIES, i.ministries.join(", "), lang, theme),
        field(i18n::LIFE_EVENTS, events.join(", "), lang, theme),
        field(i18n::AMOUNT, i.amount_nok.map(|v| format!("{} MNOK", format_mnok(v))).unwrap_or_default(), lang, theme),
        field(
            i18n::TOTAL_COST,
            i.total_cost_nok.map(|v| format!("{} MNOK", format_mnok(v))).unwrap_or_default(),
            lang,
            theme,
        ),
        field(i18n::BUDGET_YEAR, i.budget_year.map(|y| y.to_string()).unwrap_or_default(), lang, theme),
        field(i18n::START_DATE, i.start_date.clone().unwrap_or_default(), lang, theme),
        field(i18n::PHASE, i.phase.clone().unwrap_or_default(), lang, theme),
        field(i18n::RISK, i.risk.clone().unwrap_or_default(), lang, theme),
        field(i18n::TAGS, i.tags.join(", "), lang, theme),
        field(i18n::SOURCE, i.source.clone(), lang, theme),
        field(i18n::SOURCE_FILE, format!("{}{line}", i.source_file), lang, theme),
        field(i18n::KEY, i.key.clone(), lang, theme),
        field(i18n::IMPORTED_AT, crate::text::format_timestamp(&detail.imported_at, lang), lang, theme),
        Line::from(""),
        Line::from(Span::styled(i18n::DESCRIPTION.get(lang), theme.header)),
    ];
    for text_line in display_block(i.description.as_deref().unwrap_or("–")).lines() {
        lines.push(Line::from(text_line.to_string()));
    }
    lines.extend(super::duplicates::pair_lines(app, theme, i.id));
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(i18n::RAW_ROW.get(lang), theme.header)));
    for (header, cell) in &detail.raw_row {
        lines.push(Line::from(vec![
            Span::styled(format!("  {}: ", display_line(header)), theme.dim),
            Span::raw(display_line(cell).into_owned()),
        ]));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(i18n::HISTORY.get(lang), theme.header)));
    if detail.history.is_empty() {
        lines.push(Line::from(Span::styled(format!("  {}", i18n::NO_HISTORY.get(lang)), theme.dim)));
    }
    for change in &detail.history {
        let (old, new) = change_values(change);
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "  {} {}  ",
                    change.at.chars().take(16).collect::<String>().replace('T', " "),
                    display_line(&change.who)
                ),
                theme.dim,
            ),
            Span::styled(format!("{}: ", field_label(&change.field, lang)), theme.hint_key),
            Span::raw(format!("{old} → {new}")),
        ]));
    }
    lines
}

fn change_lines<'a>(changes: &BatchChanges, app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let b = &changes.batch;
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "{} · {} · {} {} · {}",
            display_line(&b.source),
            display_line(&b.file_name),
            i18n::ROUND_OF.get(lang),
            b.round,
            crate::text::format_timestamp(&b.imported_at, lang)
        ),
        theme.dim,
    ))];
    let reference = |r: &crate::model::InitiativeRef, style: Style| {
        let text = format!("  {:>6}  {:<12}  {}", r.id, display_line(&r.key), display_line(&r.title));
        Line::from(Span::styled(truncate_to_width(&text, width), style))
    };
    let heading = |text: i18n::Text, count: usize| {
        Line::from(Span::styled(format!("{} ({count})", text.get(lang)), theme.header))
    };
    if !changes.inserted.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(i18n::NEW_INITIATIVES, changes.inserted.len()));
        lines.extend(changes.inserted.iter().map(|r| reference(r, theme.ok)));
    }
    if !changes.updated.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(i18n::CHANGED_INITIATIVES, changes.updated.len()));
        for (r, list) in &changes.updated {
            lines.push(reference(r, theme.base));
            for change in list {
                let (old, new) = change_values(change);
                let label = format!("          {}: ", field_label(&change.field, lang));
                let half = width.saturating_sub(label.width() + 3) / 2;
                lines.push(Line::from(vec![
                    Span::styled(label, theme.hint_key),
                    Span::raw(format!("{} → {}", truncate_to_width(&old, half), truncate_to_width(&new, half))),
                ]));
            }
        }
    }
    if !changes.withdrawn.is_empty() {
        lines.push(Line::from(""));
        lines.push(heading(i18n::WITHDRAWN_INITIATIVES, changes.withdrawn.len()));
        lines.extend(changes.withdrawn.iter().map(|r| reference(r, theme.withdrawn)));
    }
    if changes.inserted.is_empty() && changes.updated.is_empty() && changes.withdrawn.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(i18n::NO_CHANGES.get(lang)));
    }
    lines
}

/// A change-log field name in the user's language; a score names its criterion
/// ("Poeng nytte"), as the demo's imported scores show in every detail.
fn field_label(field: &str, lang: Lang) -> String {
    match field.strip_prefix("score:") {
        Some(code) => format!("{} {code}", i18n::SCORE.get(lang)),
        None => i18n::field_name(field).unwrap_or(i18n::STATUS).get(lang).to_string(),
    }
}

/// Old and new value as a person reads them: amounts in MNOK, and for long texts the part
/// where they start to differ.
fn change_values(change: &crate::model::Change) -> (String, String) {
    let old = change.old_value.as_deref().unwrap_or("–");
    let new = change.new_value.as_deref().unwrap_or("–");
    if change.field.ends_with("_nok") {
        let mnok = |v: &str| v.parse::<i64>().map_or_else(|_| v.to_string(), |n| format!("{} MNOK", format_mnok(n)));
        return (mnok(old), mnok(new));
    }
    let (old, new) = (display_line(old).into_owned(), display_line(new).into_owned());
    let common = old.chars().zip(new.chars()).take_while(|(a, b)| a == b).count();
    if common < 30 {
        return (old, new);
    }
    // Start at the word where they begin to differ.
    let start = old.chars().take(common).collect::<String>().rfind(' ').map_or(0, |i| old[..i].chars().count() + 1);
    let excerpt = |text: &str| format!("…{}", text.chars().skip(start).collect::<String>());
    (excerpt(&old), excerpt(&new))
}
