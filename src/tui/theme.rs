//! Colours and emphasis by role. Themes live in `themes/*.toml` (compiled in); a user's
//! `theme.toml` in the config directory overrides any roles it names. With `NO_COLOR` set,
//! the monochrome theme is used, which shows selection and focus by reverse video and bold.

use crate::error::{ConfigProblem, StyleProblem};
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../../themes/default.toml")),
    ("light", include_str!("../../themes/light.toml")),
    ("high-contrast", include_str!("../../themes/high-contrast.toml")),
    ("mono", include_str!("../../themes/mono.toml")),
];

/// Styles by what they are for, not by how they look.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub base: Style,
    pub dim: Style,
    pub title_bar: Style,
    pub tab_active: Style,
    pub tab: Style,
    pub header: Style,
    pub selected: Style,
    pub marked: Style,
    pub matched: Style,
    pub withdrawn: Style,
    pub status: Style,
    pub hint_key: Style,
    pub input: Style,
    pub border: Style,
    pub border_focused: Style,
    pub error: Style,
    pub ok: Style,
    pub amount: Style,
    /// The table's marker for an initiative in a candidate pair of parallel solutions.
    pub flagged: Style,
    /// A word the other initiative of a pair uses too (the rare ones that carry the match
    /// are `matched`).
    pub shared: Style,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    #[serde(default)]
    styles: BTreeMap<String, StyleSpec>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
struct StyleSpec {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

const ROLES: [&str; 20] = [
    "base",
    "dim",
    "title_bar",
    "tab_active",
    "tab",
    "header",
    "selected",
    "marked",
    "matched",
    "withdrawn",
    "status",
    "hint_key",
    "input",
    "border",
    "border_focused",
    "error",
    "ok",
    "amount",
    "flagged",
    "shared",
];

impl Theme {
    /// The theme called `name` (built-in), with `user_file` patched over it when it exists;
    /// `no_color` forces the monochrome theme.
    pub fn load(name: &str, user_file: &Path, no_color: bool) -> Result<Self, ConfigProblem> {
        let name = if no_color { "mono" } else { name };
        let base = BUILTIN.iter().find(|(n, _)| *n == name).ok_or_else(|| {
            let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
            ConfigProblem::UnknownTheme { name: name.to_string(), known: names.join(", ") }
        })?;
        let mut theme = Self::parse(name, base.1, None, &format!("themes/{name}.toml"))?;
        if !no_color {
            match std::fs::read_to_string(user_file) {
                Ok(text) => theme = Self::parse(name, &text, Some(&theme), &user_file.display().to_string())?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ConfigProblem::Unreadable {
                        file: user_file.display().to_string(),
                        detail: e.to_string(),
                    });
                }
            }
        }
        Ok(theme)
    }

    /// The built-in theme `name` patched by the text of a user theme file named `file`.
    pub fn from_toml(name: &str, text: &str, file: &str) -> Result<Self, ConfigProblem> {
        let base = Self::builtin(name);
        Self::parse(name, text, Some(&base), file)
    }

    /// A built-in theme by name (tests, and the fallback when a file is broken).
    pub fn builtin(name: &str) -> Self {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(n, text)| Self::parse(n, text, None, n).ok())
            .unwrap_or_else(Self::plain)
    }

    /// Terminal defaults everywhere, reverse video for the selection.
    fn plain() -> Self {
        let none = Style::default();
        Self {
            name: "plain".into(),
            base: none,
            dim: none,
            title_bar: none.add_modifier(Modifier::BOLD),
            tab_active: none.add_modifier(Modifier::REVERSED),
            tab: none,
            header: none.add_modifier(Modifier::BOLD),
            selected: none.add_modifier(Modifier::REVERSED),
            marked: none.add_modifier(Modifier::BOLD),
            matched: none.add_modifier(Modifier::UNDERLINED),
            withdrawn: none,
            status: none,
            hint_key: none.add_modifier(Modifier::BOLD),
            input: none,
            border: none,
            border_focused: none.add_modifier(Modifier::BOLD),
            error: none.add_modifier(Modifier::BOLD),
            ok: none,
            amount: none,
            flagged: none.add_modifier(Modifier::BOLD),
            shared: none.add_modifier(Modifier::UNDERLINED),
        }
    }

    fn parse(name: &str, text: &str, over: Option<&Theme>, file: &str) -> Result<Self, ConfigProblem> {
        let parsed: ThemeFile = toml::from_str(text).map_err(|e| ConfigProblem::Unreadable {
            file: file.to_string(),
            detail: e.to_string().trim_end().replace('\n', " "),
        })?;
        let mut theme = over.cloned().unwrap_or_else(Self::plain);
        theme.name = name.to_string();
        for (role, spec) in &parsed.styles {
            if !ROLES.contains(&role.as_str()) {
                return Err(ConfigProblem::UnknownStyleRole {
                    file: file.to_string(),
                    role: role.clone(),
                    known: ROLES.join(", "),
                });
            }
            let style = spec.to_style().map_err(|problem| ConfigProblem::BadStyle {
                file: file.to_string(),
                role: role.clone(),
                problem,
            })?;
            *theme.role_mut(role) = style;
        }
        Ok(theme)
    }

    fn role_mut(&mut self, role: &str) -> &mut Style {
        match role {
            "base" => &mut self.base,
            "dim" => &mut self.dim,
            "title_bar" => &mut self.title_bar,
            "tab_active" => &mut self.tab_active,
            "tab" => &mut self.tab,
            "header" => &mut self.header,
            "selected" => &mut self.selected,
            "marked" => &mut self.marked,
            "matched" => &mut self.matched,
            "withdrawn" => &mut self.withdrawn,
            "status" => &mut self.status,
            "hint_key" => &mut self.hint_key,
            "input" => &mut self.input,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "error" => &mut self.error,
            "ok" => &mut self.ok,
            "flagged" => &mut self.flagged,
            "shared" => &mut self.shared,
            _ => &mut self.amount,
        }
    }
}

impl StyleSpec {
    fn to_style(&self) -> Result<Style, StyleProblem> {
        let mut style = Style::default();
        if let Some(fg) = &self.fg {
            style = style.fg(parse_color(fg)?);
        }
        if let Some(bg) = &self.bg {
            style = style.bg(parse_color(bg)?);
        }
        for modifier in &self.modifiers {
            style = style.add_modifier(match modifier.as_str() {
                "bold" => Modifier::BOLD,
                "dim" => Modifier::DIM,
                "italic" => Modifier::ITALIC,
                "underlined" => Modifier::UNDERLINED,
                "reversed" => Modifier::REVERSED,
                "crossed_out" => Modifier::CROSSED_OUT,
                other => return Err(StyleProblem::UnknownModifier(other.to_string())),
            });
        }
        Ok(style)
    }
}

/// ANSI colour names (which follow the terminal's palette), "#rrggbb", or 0–255.
fn parse_color(text: &str) -> Result<Color, StyleProblem> {
    if let Ok(index) = text.parse::<u8>() {
        return Ok(Color::Indexed(index));
    }
    text.parse::<Color>().map_err(|_| StyleProblem::NotAColour(text.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_theme_parses() {
        for (name, text) in BUILTIN {
            let theme = Theme::parse(name, text, None, name).expect(name);
            assert_ne!(theme.selected, Style::default(), "{name} must show the selection");
        }
    }

    #[test]
    fn no_color_gives_a_theme_without_colours_that_still_shows_selection() {
        let dir = tempfile::tempdir().expect("dir");
        let theme = Theme::load("default", &dir.path().join("theme.toml"), true).expect("mono");
        assert_eq!(theme.name, "mono");
        for style in [theme.base, theme.selected, theme.header, theme.matched, theme.error] {
            assert!(style.fg.is_none() && style.bg.is_none(), "{style:?}");
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn a_user_theme_overrides_some_roles_and_errors_are_clear() {
        let dir = tempfile::tempdir().expect("dir");
        let file = dir.path().join("theme.toml");
        std::fs::write(&file, "[styles]\nheader = { fg = \"#ff8800\", modifiers = [\"bold\"] }\n").expect("write");
        let theme = Theme::load("default", &file, false).expect("patched");
        assert_eq!(theme.header.fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
        assert_eq!(theme.selected, Theme::builtin("default").selected, "other roles keep the theme's");

        std::fs::write(&file, "[styles]\nheadr = { fg = \"red\" }\n").expect("write");
        assert!(
            Theme::load("default", &file, false).expect_err("role").to_string().contains("unknown style role 'headr'")
        );
        std::fs::write(&file, "[styles]\nheader = { fg = \"rødt\" }\n").expect("write");
        assert!(Theme::load("default", &file, false).expect_err("colour").to_string().contains("not a colour"));
        assert!(Theme::load("neon", &file, false).expect_err("name").to_string().contains("unknown theme"));
    }
}
