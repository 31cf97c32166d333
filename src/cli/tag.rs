//! `samla tag` and `samla suggest`.

use super::table::{Column, render};
use super::{Context, print, terminal_width, to_json};
use crate::error::Result;
use crate::i18n;
use crate::store::{OpenMode, Resolver};
use crate::tagging::{Edit, Record, owner_edit, parse_edits};
use clap::Args;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub struct TagArgs {
    /// Initiative ids (the first column of `samla list`)
    #[arg(value_name = "ID")]
    pub ids: Vec<i64>,
    /// Tag what a filter selects instead (the filter-bar language, e.g. "dep:HOD liv:ingen")
    #[arg(long, value_name = "EXPR", conflicts_with = "ids")]
    pub filter: Option<String>,
    /// Add (or with --remove, remove) a life event (code or name; repeatable)
    #[arg(long = "life-event", short = 'l', value_name = "CODE")]
    pub life_events: Vec<String>,
    /// Set the owner: an agency (its ministry follows), a ministry, KS or a municipality
    #[arg(long, value_name = "NAME")]
    pub owner: Option<String>,
    /// Set the ministries instead (repeatable; the first is the lead)
    #[arg(long = "ministry", short = 'm', value_name = "CODE")]
    pub ministries: Vec<String>,
    /// Add (or with --remove, remove) a free tag (repeatable)
    #[arg(long = "tag", short = 't', value_name = "TAG")]
    pub tags: Vec<String>,
    /// Set the phase ("ingen" clears it)
    #[arg(long, value_name = "PHASE")]
    pub phase: Option<String>,
    /// Set the risk ("ingen" clears it)
    #[arg(long, value_name = "RISK")]
    pub risk: Option<String>,
    /// Remove the given life events and tags instead of adding them
    #[arg(long)]
    pub remove: bool,
    /// Edits in the TUI's tag language, e.g. "liv:dødsfall -tag:gammel eier:Nav fase:konsept"
    #[arg(long = "set", value_name = "EDITS")]
    pub set: Option<String>,
    /// Show what would change; change nothing
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Apply the life-event suggestions, and owner suggestions with a single candidate
    #[arg(long)]
    pub apply: bool,
    #[arg(long)]
    pub json: bool,
}

/// Quotes a value for the tag language when it holds spaces.
fn quoted(value: &str) -> String {
    if value.contains(char::is_whitespace) { format!("\"{}\"", value.replace('"', "")) } else { value.to_string() }
}

impl TagArgs {
    /// The flags as tag-language text, so both read the same way.
    fn as_text(&self) -> String {
        let sign = if self.remove { "-" } else { "" };
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.life_events.iter().map(|l| format!("{sign}liv:{}", quoted(l))));
        parts.extend(self.tags.iter().map(|t| format!("{sign}tag:{}", quoted(t))));
        if let Some(owner) = &self.owner {
            parts.push(format!("eier:{}", quoted(owner)));
        }
        if !self.ministries.is_empty() {
            parts.push(format!("dep:{}", quoted(&self.ministries.join(","))));
        }
        if let Some(phase) = &self.phase {
            parts.push(format!("fase:{}", quoted(phase)));
        }
        if let Some(risk) = &self.risk {
            parts.push(format!("risiko:{}", quoted(risk)));
        }
        parts.extend(self.set.clone());
        parts.join(" ")
    }
}

pub fn tag(context: &Context, args: &TagArgs) -> Result<ExitCode> {
    let mut store = context.open(OpenMode::Existing)?;
    let resolver = Resolver::load_for(&store)?;
    let edits =
        parse_edits(&args.as_text(), &resolver, &store.vocabulary_names("phase")?, &store.vocabulary_names("risk")?)?;
    let ids: Vec<i64> = match &args.filter {
        Some(expression) => {
            let mut ids: Vec<i64> = super::list::filter_ids(&store, expression, false)?.into_iter().collect();
            ids.sort_unstable();
            ids
        }
        None => args.ids.clone(),
    };
    if ids.is_empty() {
        return Err(crate::error::UsageProblem::NothingToTag.into());
    }
    let record = store.apply_edit_groups(&[(ids.clone(), edits)], &context.config.analyst, !args.dry_run)?;
    if args.json {
        print(&(to_json(&record, true)? + "\n"))?;
    } else {
        print(&summary(&record, ids.len(), args.dry_run, context))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(record: &Record, selected: usize, dry_run: bool, context: &Context) -> String {
    let lang = context.lang;
    let verb = if dry_run { i18n::WOULD_CHANGE } else { i18n::CHANGED_COUNT };
    format!(
        "{} {} {} {} {} ({}): {}\n",
        verb.get(lang),
        record.initiatives(),
        i18n::OF.get(lang),
        selected,
        i18n::INITIATIVES.get(lang),
        record.changes.len(),
        record.description
    )
}

pub fn suggest(context: &Context, args: &SuggestArgs) -> Result<ExitCode> {
    let mut store = context.open(OpenMode::Existing)?;
    let suggestions = crate::suggest::suggest(&store, &context.reference)?;
    if args.json && !args.apply {
        print(&(to_json(&suggestions, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let mut out = String::new();
    if !args.json {
        out.push_str(&format!("{} ({})\n", i18n::LIFE_EVENT_SUGGESTIONS.get(lang), suggestions.life_events.len()));
        let rows: Vec<Vec<String>> = suggestions
            .life_events
            .iter()
            .map(|s| vec![s.id.to_string(), s.title.clone(), s.life_event.clone(), s.words.join(", ")])
            .collect();
        let columns = [
            Column::new(i18n::ID.get(lang)).right(),
            Column::new(i18n::TITLE.get(lang)).flexible(),
            Column::new(i18n::LIFE_EVENTS.get(lang)),
            Column::new(i18n::BECAUSE_OF.get(lang)).max(30),
        ];
        out.push_str(&render(&columns, &rows, terminal_width()));
        out.push_str(&format!("\n{} ({})\n", i18n::OWNER_SUGGESTIONS.get(lang), suggestions.owners.len()));
        let rows: Vec<Vec<String>> = suggestions
            .owners
            .iter()
            .map(|s| vec![s.id.to_string(), s.title.clone(), s.written.clone(), s.candidates.join(" / ")])
            .collect();
        let columns = [
            Column::new(i18n::ID.get(lang)).right(),
            Column::new(i18n::TITLE.get(lang)).flexible(),
            Column::new(i18n::WRITTEN.get(lang)).max(30),
            Column::new(i18n::CANDIDATES.get(lang)),
        ];
        out.push_str(&render(&columns, &rows, terminal_width()));
    }
    if args.apply {
        let resolver = Resolver::load_for(&store)?;
        let mut groups: Vec<(Vec<i64>, Vec<Edit>)> =
            suggestions.life_events.iter().map(|s| (vec![s.id], vec![s.edit()])).collect();
        for owner in suggestions.owners.iter().filter(|o| o.candidates.len() == 1) {
            groups.push((vec![owner.id], vec![owner_edit(&owner.candidates[0], &resolver)?]));
        }
        if groups.is_empty() {
            out.push_str(&format!("{}\n", i18n::NOTHING_TO_APPLY.get(lang)));
        } else {
            let record = store.apply_edit_groups(&groups, &context.config.analyst, true)?;
            if args.json {
                out.push_str(&(to_json(&record, true)? + "\n"));
            } else {
                out.push_str(&format!(
                    "\n{} {} {} ({})\n",
                    i18n::CHANGED_COUNT.get(lang),
                    record.initiatives(),
                    i18n::INITIATIVES.get(lang),
                    record.changes.len()
                ));
            }
        }
    } else if !args.json {
        out.push_str(&format!("\n{}\n", i18n::APPLY_HINT.get(lang)));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
