//! The one-line bars: title with tabs, search and filter, status, key hints.

use super::super::action::Action;
use super::super::app::{App, InputMode, Overlay, Screen};
use super::super::theme::Theme;
use crate::i18n;
use crate::portfolio::SortColumn;
use crate::text::{display_line, format_mnok, group_thousands, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

pub fn title_bar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let tabs = |short: bool| -> Vec<Span> {
        let mut spans = vec![Span::styled(" samla ", theme.title_bar)];
        for (index, screen) in Screen::ALL.iter().enumerate() {
            let active = *screen == app.screen;
            let style = if active { theme.tab_active } else { theme.tab };
            spans.push(Span::raw(" "));
            // In a narrow terminal only the current screen is named; the others by number.
            let text = if short && !active {
                format!("{}", index + 1)
            } else {
                format!(" {} {} ", index + 1, app.t(screen.title()))
            };
            spans.push(Span::styled(text, style));
        }
        spans
    };
    let mut spans = tabs(false);
    if spans.iter().map(|s| s.content.width()).sum::<usize>() + 8 > area.width as usize {
        spans = tabs(true);
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let label = truncate_to_width(&display_line(&app.db_label), (area.width as usize).saturating_sub(used + 2));
    let gap = (area.width as usize).saturating_sub(used + label.width() + 1);
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(label, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base), area);
}

pub fn sort_label(column: SortColumn, app: &App) -> &'static str {
    app.t(match column {
        SortColumn::Id => i18n::COLUMN_ID,
        SortColumn::Title => i18n::TITLE,
        SortColumn::Agency => i18n::AGENCY,
        SortColumn::Ministry => i18n::MINISTRY,
        SortColumn::LifeEvents => i18n::LIFE_EVENTS,
        SortColumn::Amount => i18n::AMOUNT_MNOK,
        SortColumn::Phase => i18n::PHASE,
        SortColumn::Risk => i18n::RISK,
        SortColumn::Source => i18n::SOURCE,
    })
}

/// Search and filter: what is typed, where the cursor is, and the filter's error if any.
pub fn query_bar(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    if app.screen != Screen::Initiatives {
        return;
    }
    let search_active = app.input == InputMode::Search && app.overlay.is_none();
    let filter_active = app.input == InputMode::Filter && app.overlay.is_none();
    let mut spans = Vec::new();
    let label_style = |active: bool| if active { theme.hint_key } else { theme.dim };
    spans.push(Span::styled(format!(" {}: ", app.t(i18n::SEARCH)), label_style(search_active)));
    let search_text = display_line(app.initiatives.search_input.text()).into_owned();
    let search_start = spans.iter().map(|s| s.content.width()).sum::<usize>();
    spans.push(Span::styled(search_text.clone(), theme.input));
    spans.push(Span::raw("  "));
    spans.push(Span::styled(format!("{}: ", app.t(i18n::FILTER)), label_style(filter_active)));
    let filter_start = spans.iter().map(|s| s.content.width()).sum::<usize>();
    let filter_text = display_line(app.initiatives.filter_input.text()).into_owned();
    if filter_text.is_empty() && filter_active {
        spans.push(Span::styled(app.t(i18n::FILTER_HELP), theme.dim));
    } else {
        spans.push(Span::styled(filter_text, theme.input));
    }
    let sort = format!(
        "{} {} {} ",
        app.t(i18n::SORTED_BY),
        sort_label(app.initiatives.query.sort, app),
        if app.initiatives.query.descending { "↓" } else { "↑" }
    );
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let gap = (area.width as usize).saturating_sub(used + sort.width());
    if gap > 0 {
        spans.push(Span::raw(" ".repeat(gap)));
        spans.push(Span::styled(sort, theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base), area);
    let place_cursor = |start: usize, input: &crate::tui::input::LineInput| {
        let before: String = input.text().chars().take(input.cursor()).collect();
        let x = area.x as usize + start + display_line(&before).width();
        Position::new(x.min((area.x + area.width).saturating_sub(1) as usize) as u16, area.y)
    };
    if search_active {
        frame.set_cursor_position(place_cursor(search_start, &app.initiatives.search_input));
    } else if filter_active {
        frame.set_cursor_position(place_cursor(filter_start, &app.initiatives.filter_input));
    }
}

/// Counts, sum, marks, loading and import progress, or a notice.
pub fn status_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    if let Some((text, error)) = &app.notice {
        spans.push(Span::styled(format!(" {}", display_line(text)), if *error { theme.error } else { theme.ok }));
    } else if let Some(state) = app.duplicates.state.as_ref().filter(|_| app.screen == Screen::Duplicates) {
        let (open, cross, decided) = state.counts();
        let text = if open == 0 && decided > 0 {
            format!(" {} · {decided} {}", app.t(i18n::ALL_REVIEWED), app.t(i18n::DECIDED_PAIRS))
        } else {
            // Parts give way from the least needed when the line is narrow: the cross-sector
            // count, then where the threshold came from.
            let open_text = format!(" {open} {}", app.t(i18n::OPEN_PAIRS));
            let cross_text = format!(" ({cross} {})", app.t(i18n::CROSS_SECTOR));
            let decided_text = format!(" · {decided} {}", app.t(i18n::DECIDED_PAIRS));
            let threshold = app.t(i18n::THRESHOLD).to_lowercase();
            let source =
                crate::dedupe::describe::threshold_text(state.queue.threshold, state.queue.threshold_source, app.lang);
            let bare =
                format!(" · {threshold} {}", crate::dedupe::describe::score_text(state.queue.threshold, app.lang));
            let fits = |text: &str| text.width() <= area.width as usize;
            let full = format!("{open_text}{cross_text}{decided_text} · {threshold} {source}");
            let without_cross = format!("{open_text}{decided_text} · {threshold} {source}");
            if fits(&full) {
                full
            } else if fits(&without_cross) {
                without_cross
            } else {
                format!("{open_text}{decided_text}{bare}")
            }
        };
        spans.push(Span::styled(text, theme.status));
    } else if let Some(error) = app.initiatives.filter_error.as_ref().filter(|_| app.input == InputMode::Filter) {
        spans.push(Span::styled(format!(" {}", display_line(error)), theme.error));
    } else {
        let view = &app.initiatives.view;
        spans.push(Span::styled(
            format!(
                " {} {} {} {} {} · {} {} MNOK",
                app.t(i18n::SHOWN_OF_TOTAL),
                group_thousands(view.rows.len() as i64),
                app.t(i18n::OF),
                group_thousands(view.total as i64),
                app.t(i18n::INITIATIVES),
                app.t(i18n::SUM),
                format_mnok(view.amount_sum_nok)
            ),
            theme.status,
        ));
        if !app.initiatives.marks.is_empty() {
            spans.push(Span::styled(
                format!(" · {} {}", app.initiatives.marks.len(), app.t(i18n::MARKED)),
                theme.marked,
            ));
        }
        if !app.duplicates.flagged.is_empty() {
            // Explains the table's ≈ marker; screen 8 reviews the pairs.
            spans.push(Span::styled(
                format!(" · ≈ {} {}", app.duplicates.flagged.len(), app.t(i18n::IN_PAIRS)),
                theme.flagged,
            ));
        }
        if app.loading {
            spans.push(Span::styled(format!(" · {}…", app.t(i18n::LOADING)), theme.dim));
        }
    }
    if let Some(job) = &app.job {
        let done = job.monitor.rows_done.load(std::sync::atomic::Ordering::Relaxed);
        let spinner = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
        let tick = (job.started.elapsed().as_millis() / 100) as usize % spinner.len();
        spans.push(Span::styled(
            format!(
                "  {} {} {}… {} {} ({})",
                spinner[tick],
                app.t(i18n::IMPORTING),
                display_line(&job.file),
                group_thousands(done as i64),
                app.t(i18n::ROWS),
                app.t(i18n::ESC_CANCELS)
            ),
            theme.hint_key,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.base), area);
}

/// The keys that matter now, from the keymap.
pub fn hint_line(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut pairs: Vec<(String, &str)> = Vec::new();
    let key = |action: Action| app.keymap.first_label(action);
    match (&app.overlay, app.input) {
        (Some(Overlay::Prompt { .. }), _) => {
            pairs.push(("enter".into(), app.t(i18n::HINT_ACCEPT)));
            pairs.push(("esc".into(), app.t(i18n::HINT_CANCEL)));
        }
        (Some(Overlay::Picker(_)), _) => {
            pairs.push(("↑↓".into(), app.t(i18n::HINT_SCROLL)));
            pairs.push(("enter".into(), app.t(i18n::HINT_PICK)));
            pairs.push(("backspace".into(), app.t(i18n::HINT_UP_FOLDER)));
            pairs.push(("esc".into(), app.t(i18n::HINT_CANCEL)));
        }
        (Some(Overlay::Palette { .. }), _) => {
            pairs.push(("↑↓".into(), app.t(i18n::HINT_SCROLL)));
            pairs.push(("enter".into(), app.t(i18n::HINT_RUN)));
            pairs.push(("esc".into(), app.t(i18n::HINT_CLOSE)));
        }
        (Some(_), _) => {
            pairs.push((format!("{}/{}", key(Action::MoveDown), key(Action::MoveUp)), app.t(i18n::HINT_SCROLL)));
            pairs.push((key(Action::Back), app.t(i18n::HINT_CLOSE)));
        }
        (None, InputMode::Search | InputMode::Filter) => {
            pairs.push(("enter".into(), app.t(i18n::HINT_ACCEPT)));
            pairs.push(("esc".into(), app.t(i18n::HINT_CANCEL)));
            pairs.push(("↑↓".into(), app.t(i18n::HINT_SCROLL)));
        }
        (None, InputMode::Normal) => {
            for action in screen_actions(app) {
                let label = match action {
                    Action::FocusRight => format!("{}/{}", key(Action::FocusLeft), key(Action::FocusRight)),
                    _ => key(*action),
                };
                pairs.push((label, action_hint(app, *action)));
            }
        }
    }
    let reserved = if app.overlay.is_none() && app.input == InputMode::Normal { 2 } else { 0 };
    frame.render_widget(
        Paragraph::new(Line::from(hint_spans(pairs, reserved, area.width as usize, theme))).style(theme.base),
        area,
    );
}

/// The actions the footer names on this screen, most used first, help and quit last.
fn screen_actions(app: &App) -> &'static [Action] {
    match app.screen {
        Screen::Initiatives => &[
            Action::Search,
            Action::Filter,
            Action::SortNext,
            Action::ToggleMark,
            Action::Tag,
            Action::OpenDetail,
            Action::ImportFile,
            Action::Help,
            Action::Quit,
        ],
        Screen::Sources => &[Action::OpenDetail, Action::UndoRound, Action::ImportFile, Action::Help, Action::Quit],
        Screen::Priorities => &[
            Action::FocusRight,
            Action::WeightUp,
            Action::WeightDown,
            Action::SetBudget,
            Action::CycleMode,
            Action::LockIn,
            Action::Scenarios,
            Action::TogglePanel,
            Action::OpenDetail,
            Action::ExportView,
            Action::Help,
            Action::Quit,
        ],
        Screen::Scores if app.scoring.editing => &[Action::FocusRight, Action::Back, Action::Help, Action::Quit],
        Screen::Scores => {
            &[Action::OpenDetail, Action::FocusRight, Action::Explain, Action::Undo, Action::Help, Action::Quit]
        }
        Screen::Portfolio => &[Action::SetBudget, Action::ExportView, Action::Help, Action::Quit],
        Screen::Suggestions => {
            &[Action::Accept, Action::Reject, Action::AcceptAll, Action::TogglePanel, Action::Help, Action::Quit]
        }
        Screen::Matrix => &[Action::OpenDetail, Action::Help, Action::Quit],
        Screen::Duplicates => &[
            Action::MarkDuplicate,
            Action::MarkOverlap,
            Action::Reject,
            Action::SkipPair,
            Action::Undo,
            Action::TogglePanel,
            Action::FocusRight,
            Action::OpenDetail,
            Action::Help,
            Action::Quit,
        ],
    }
}

/// What an action does, said for the screen it is pressed on.
fn action_hint(app: &App, action: Action) -> &'static str {
    match (action, app.screen) {
        (Action::OpenDetail, Screen::Sources) => app.t(i18n::HINT_CHANGES),
        (Action::OpenDetail, Screen::Priorities) | (Action::Explain, _) => app.t(i18n::HINT_EXPLAIN),
        (Action::OpenDetail, Screen::Scores) => app.t(i18n::EDIT_HINT),
        (Action::Back, Screen::Scores) => app.t(i18n::HINT_STOP_SCORING),
        (Action::UndoRound, _) => app.t(i18n::HINT_UNDO_ROUND),
        (Action::TogglePanel, Screen::Suggestions | Screen::Duplicates) => app.t(i18n::HINT_COLUMNS),
        (Action::TogglePanel, _) => app.t(i18n::HINT_PANEL),
        (Action::FocusRight, Screen::Priorities) => app.t(i18n::HINT_PANE),
        (Action::FocusRight, Screen::Scores) => app.t(i18n::HINT_SCORE),
        (Action::FocusRight, Screen::Duplicates) => app.t(i18n::HINT_SIDE),
        (Action::Reject, Screen::Duplicates) => app.t(i18n::HINT_DISTINCT),
        (Action::MarkDuplicate, _) => app.t(i18n::HINT_DUPLICATE),
        (Action::MarkOverlap, _) => app.t(i18n::HINT_OVERLAP),
        (Action::SkipPair, _) => app.t(i18n::HINT_SKIP),
        (Action::WeightUp | Action::WeightDown, _) => app.t(i18n::HINT_WEIGHT),
        (Action::SetBudget, _) => app.t(i18n::HINT_FRAME),
        (Action::LockIn, _) => app.t(i18n::HINT_LOCK),
        (Action::CycleMode, _) => app.t(i18n::HINT_MODE),
        (Action::Scenarios, _) => app.t(i18n::HINT_SCENARIOS),
        (Action::Undo, _) => app.t(i18n::HINT_UNDO),
        (Action::NextScreen, _) => app.t(i18n::HINT_SCREEN),
        (Action::Accept, _) => app.t(i18n::HINT_ACCEPT_ONE),
        (Action::Reject, _) => app.t(i18n::HINT_REJECT),
        (Action::AcceptAll, _) => app.t(i18n::HINT_ACCEPT_ALL),
        (Action::OpenDetail, Screen::Matrix) => app.t(i18n::HINT_FILTER_CELL),
        _ => action.hint().map_or("", |h| h.get(app.lang)),
    }
}

/// The hints that fit in `width`, the last `reserved` (help and quit) always: the others
/// give way first, then the gaps between hints narrow.
fn hint_spans(mut pairs: Vec<(String, &str)>, reserved: usize, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let kept = pairs.split_off(pairs.len().saturating_sub(reserved));
    let size = |pairs: &[(String, &str)], gap: usize| {
        pairs.iter().map(|(k, w)| k.width() + w.width() + 1 + gap).sum::<usize>()
    };
    let gap = if size(&pairs, 3) + size(&kept, 3) < width { 3 } else { 2 };
    let room = width.saturating_sub(1 + size(&kept, gap));
    let mut used = 0;
    let mut shown: Vec<(String, &str)> = Vec::new();
    for (key, word) in pairs {
        let needed = key.width() + word.width() + 1 + gap;
        if used + needed > room {
            break;
        }
        used += needed;
        shown.push((key, word));
    }
    shown.extend(kept);
    let mut spans = vec![Span::raw(" ")];
    for (key, word) in shown {
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(format!(" {word}{}", " ".repeat(gap)), theme.dim));
    }
    spans
}
