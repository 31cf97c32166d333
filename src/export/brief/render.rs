//! Rendering the brief with MiniJinja. The templates escape every value for their format by
//! themselves (HTML entities in `.html.j2`, Markdown backslashes in `.md.j2`), so an analyst
//! who adapts a template cannot forget it; only the charts, built and escaped in Rust, are
//! passed as safe HTML.

use super::BriefFormat;
use super::gather::BriefData;
use super::svg::{Bar, bar_chart};
use crate::error::ExportProblem;
use crate::error::{Error, Result};
use crate::export::escape;
use crate::reference::ReferenceFile;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};
use std::path::PathBuf;

pub const WORDS: ReferenceFile =
    ReferenceFile { name: "brief_words.j2", builtin: include_str!("../../../data/brief_words.j2") };
pub const MARKDOWN: ReferenceFile =
    ReferenceFile { name: "brief.md.j2", builtin: include_str!("../../../data/brief.md.j2") };
pub const HTML: ReferenceFile =
    ReferenceFile { name: "brief.html.j2", builtin: include_str!("../../../data/brief.html.j2") };

/// The brief's template files, each replaceable by a copy in the config directory.
pub const TEMPLATE_FILES: [ReferenceFile; 3] = [WORDS, MARKDOWN, HTML];

/// Where templates come from: built in, or the user's copies where they exist.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    pub user_dir: Option<PathBuf>,
}

impl Templates {
    pub fn builtin() -> Self {
        Self { user_dir: None }
    }

    pub fn with_user_dir(dir: impl Into<PathBuf>) -> Self {
        Self { user_dir: Some(dir.into()) }
    }

    /// The text of a template: the user's copy if there is one, else the built-in one.
    /// Templates can only name the brief's own files, never other paths.
    fn source(&self, name: &str) -> std::result::Result<Option<String>, minijinja::Error> {
        let Some(file) = TEMPLATE_FILES.iter().find(|f| f.name == name) else { return Ok(None) };
        if let Some(path) = self.user_dir.as_ref().map(|dir| dir.join(file.name)).filter(|p| p.is_file()) {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                minijinja::Error::new(
                    minijinja::ErrorKind::TemplateNotFound,
                    format!("cannot read {}: {e}", path.display()),
                )
            })?;
            return Ok(Some(text));
        }
        Ok(Some(file.builtin.to_string()))
    }
}

fn environment(templates: &Templates) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| Error::from(ExportProblem::TemplateSyntax(e.to_string())))?;
    env.set_syntax(syntax);
    // A misspelt name in an adapted template is an error naming it, not a silent blank.
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html.j2") {
            AutoEscape::Html
        } else if name.ends_with(".md.j2") {
            AutoEscape::Custom("markdown".into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Custom(name) if name == "markdown") {
            if value.is_none() || value.is_undefined() {
                return Ok(());
            }
            let text = value.to_string();
            let text = if value.is_safe() { text } else { escape::markdown(&text) };
            out.write_str(&text)?;
            return Ok(());
        }
        minijinja::escape_formatter(out, state, value)
    });
    let templates = templates.clone();
    env.set_loader(move |name| templates.source(name));
    Ok(env)
}

/// The brief as text in `format`.
pub fn render(data: &BriefData, format: BriefFormat, templates: &Templates) -> Result<String> {
    let env = environment(templates)?;
    let name = match format {
        BriefFormat::Markdown => super::render::MARKDOWN.name,
        BriefFormat::Html => super::render::HTML.name,
    };
    let template_error = |e: minijinja::Error| {
        let mut message = e.to_string();
        let mut source = std::error::Error::source(&e);
        while let Some(inner) = source {
            message.push_str(&format!(": {inner}"));
            source = inner.source();
        }
        Error::from(ExportProblem::Template(message.replace('\n', " ")))
    };
    let template = env.get_template(name).map_err(template_error)?;
    let charts = charts(data, format);
    template
        .render(context! { brief => Value::from(minijinja::value::Serde(data)), lang => data.lang, charts => charts })
        .map_err(template_error)
}

/// The words inside the charts: axis titles and the in-frame note after a value.
struct ChartWords {
    requested: &'static str,
    initiatives: &'static str,
    in_frame: &'static str,
}

fn chart_words(lang: &str) -> ChartWords {
    if lang == "en" {
        ChartWords {
            requested: "Requested amount (MNOK)",
            initiatives: "Number of initiatives",
            in_frame: "in the frame",
        }
    } else {
        ChartWords { requested: "Søkt beløp (MNOK)", initiatives: "Antall tiltak", in_frame: "i rammen" }
    }
}

/// The SVG charts (HTML only; Markdown has the same figures in tables).
fn charts(data: &BriefData, format: BriefFormat) -> Value {
    if format != BriefFormat::Html {
        return context! {};
    }
    let words = chart_words(data.lang);
    let million = |nok: i64| nok as f64 / 1_000_000.0;
    let framed = data.priorities.has_frame;
    let amounts = |shares: &[super::gather::Share]| -> Vec<Bar> {
        shares
            .iter()
            .map(|s| Bar {
                label: s.label.clone(),
                value: million(s.amount_nok),
                highlight: million(s.in_frame_nok),
                text: if framed {
                    format!("{} · {} % {}", s.amount_mnok, s.in_frame_percent, words.in_frame)
                } else {
                    s.amount_mnok.clone()
                },
            })
            .collect()
    };
    let groups: Vec<Bar> = data
        .parallel
        .groups
        .iter()
        .enumerate()
        .map(|(n, g)| Bar {
            label: format!("{} {}", n + 1, g.members.first().map(|m| m.title.as_str()).unwrap_or_default()),
            value: million(g.amount_nok),
            highlight: 0.0,
            text: g.amount_mnok.clone(),
        })
        .collect();
    let events: Vec<Bar> = data
        .coverage
        .events
        .iter()
        .map(|e| Bar { label: e.name.clone(), value: e.count as f64, highlight: 0.0, text: e.count.to_string() })
        .collect();
    context! {
        sectors => Value::from_safe_string(bar_chart(&amounts(&data.headline.by_sector), words.requested)),
        phases => Value::from_safe_string(bar_chart(&amounts(&data.headline.by_phase), words.requested)),
        groups => Value::from_safe_string(bar_chart(&groups, words.requested)),
        life_events => Value::from_safe_string(bar_chart(&events, words.initiatives)),
    }
}
