//! `samla list` and `samla show`.

use super::table::{Column, render};
use super::{Context, FilterArgs, Format, ListArgs, ShowArgs, print, terminal_width, to_json};
use crate::error::{Error, Result};
use crate::i18n;
use crate::model::import::Field;
use crate::model::{Initiative, Status};
use crate::store::{ListQuery, OpenMode};
use crate::text::{display_block, display_line, format_mnok};
use std::process::ExitCode;

impl FilterArgs {
    pub fn to_query(&self) -> ListQuery {
        ListQuery {
            search: self.search.clone(),
            ministry: self.ministry.clone(),
            life_event: self.life_event.clone(),
            tag: self.tag.clone(),
            phase: self.phase.clone(),
            source: self.source.clone(),
            min_amount_nok: self.min_mnok,
            max_amount_nok: self.max_mnok,
            include_withdrawn: self.all,
            ..ListQuery::default()
        }
    }
}

pub fn run(context: &Context, args: &ListArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let mut query = ListQuery { sort: args.sort, descending: args.desc, limit: args.limit, ..args.filter.to_query() };
    let keep = match &args.filter.filter {
        Some(expression) => {
            // The filter decides about withdrawn rows (status:), unless --all says all.
            query.include_withdrawn = true;
            query.limit = None;
            Some(filter_ids(&store, expression, args.filter.all)?)
        }
        None => None,
    };
    let mut initiatives = store.list(&query)?;
    if let Some(keep) = keep {
        initiatives.retain(|i| keep.contains(&i.id));
        initiatives.truncate(args.limit.unwrap_or(usize::MAX));
    }
    let text = match args.format {
        Format::Json => to_json(&initiatives, true)? + "\n",
        Format::Csv => to_csv(&initiatives)?,
        Format::Table => {
            let (active, withdrawn) = store.count_initiatives()?;
            let total = if args.filter.all { active + withdrawn } else { active };
            table(context, initiatives, total)
        }
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The ids of the initiatives `samla list` would show with these filters, in id order.
pub(super) fn selected_ids(store: &crate::store::Store, filter: &FilterArgs) -> Result<Vec<i64>> {
    let mut query = filter.to_query();
    let keep = match &filter.filter {
        Some(expression) => {
            query.include_withdrawn = true;
            Some(filter_ids(store, expression, filter.all)?)
        }
        None => None,
    };
    let mut ids: Vec<i64> = store.list_ids(&query)?;
    if let Some(keep) = keep {
        ids.retain(|id| keep.contains(id));
    }
    Ok(ids)
}

/// The ids a filter-bar expression keeps, computed the way the terminal UI does.
pub(crate) fn filter_ids(
    store: &crate::store::Store,
    expression: &str,
    all: bool,
) -> Result<std::collections::HashSet<i64>> {
    let portfolio = crate::portfolio::Portfolio::load(store)?;
    let resolver = crate::store::Resolver::load_for(store)?;
    let mut filter = crate::portfolio::parse_filter(expression, &portfolio, &resolver).map_err(Error::Filter)?;
    if all {
        filter.status = crate::portfolio::StatusFilter::All;
    }
    Ok(portfolio.rows.iter().filter(|row| filter.matches(row)).map(|row| row.id).collect())
}

/// Takes the initiatives to move their fields into the cells (and drop the rest) rather
/// than copy them: `samla list` on a million initiatives took 1.9 GB when it copied.
fn table(context: &Context, initiatives: Vec<Initiative>, total: i64) -> String {
    let lang = context.lang;
    let columns = vec![
        Column::new(i18n::ID.get(lang)).right(),
        Column::new(i18n::TITLE.get(lang)).flexible(),
        Column::new(i18n::AGENCY.get(lang)).max(22),
        Column::new(i18n::MINISTRY.get(lang)).max(12),
        Column::new(i18n::LIFE_EVENTS.get(lang)).max(24),
        Column::new(i18n::AMOUNT_MNOK.get(lang)).right(),
        Column::new(i18n::PHASE.get(lang)),
    ];
    let shown = initiatives.len();
    let sum: i64 = initiatives.iter().filter_map(|i| i.amount_nok).sum();
    let rows: Vec<Vec<String>> = initiatives
        .into_iter()
        .map(|i| {
            let mut title = i.title;
            if i.status == Status::Withdrawn {
                title = format!("({}) {title}", i18n::WITHDRAWN.get(lang));
            }
            vec![
                i.id.to_string(),
                title,
                i.agency.unwrap_or_default(),
                i.ministries.join("/"),
                i.life_events.join(", "),
                i.amount_nok.map(format_mnok).unwrap_or_default(),
                i.phase.unwrap_or_default(),
            ]
        })
        .collect();
    let mut text = render(&columns, &rows, terminal_width());
    drop(rows);
    text.push_str(&format!(
        "{} {} {} {} {} · {} {} MNOK\n",
        i18n::SHOWN_OF_TOTAL.get(lang),
        shown,
        i18n::OF.get(lang),
        total,
        i18n::INITIATIVES.get(lang),
        i18n::SUM.get(lang),
        format_mnok(sum)
    ));
    text
}

/// The initiative's fields `samla list --format csv` writes, in its column order, between
/// the id, source and file before and the status after.
const CSV_FIELDS: [Field; 13] = [
    Field::Key,
    Field::Title,
    Field::Description,
    Field::Agency,
    Field::Ministry,
    Field::LifeEvents,
    Field::Tags,
    Field::AmountNok,
    Field::TotalCostNok,
    Field::BudgetYear,
    Field::StartDate,
    Field::Phase,
    Field::Risk,
];

/// CSV with samla's field names (as the change log names them); list fields joined by "|"
/// so `samla import` reads them back.
fn to_csv(initiatives: &[Initiative]) -> Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |e: csv::Error| Error::encode("CSV", e);
    let fields = CSV_FIELDS.iter().map(|f| f.log_name());
    let header: Vec<&str> = ["id", "source", "source_file"].into_iter().chain(fields).chain(["status"]).collect();
    writer.write_record(&header).map_err(csv_error)?;
    for i in initiatives {
        let mut record = vec![i.id.to_string(), i.source.clone(), i.source_file.clone()];
        record.extend(CSV_FIELDS.iter().map(|&field| csv_cell(i, field)));
        record.push(i.status.as_str().to_string());
        writer.write_record(&record).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::encode("CSV", e))?;
    String::from_utf8(bytes).map_err(|e| Error::encode("CSV", e))
}

/// One field of an initiative as a CSV cell: empty when it has no value, a list joined by "|".
fn csv_cell(i: &Initiative, field: Field) -> String {
    let opt = |v: Option<String>| v.unwrap_or_default();
    match field {
        Field::Key => i.key.clone(),
        Field::Title => i.title.clone(),
        Field::Description => opt(i.description.clone()),
        Field::Agency => opt(i.agency.clone()),
        Field::Ministry => i.ministries.join("|"),
        Field::LifeEvents => i.life_events.join("|"),
        Field::Tags => i.tags.join("|"),
        Field::AmountNok => opt(i.amount_nok.map(|v| v.to_string())),
        Field::TotalCostNok => opt(i.total_cost_nok.map(|v| v.to_string())),
        Field::BudgetYear => opt(i.budget_year.map(|v| v.to_string())),
        Field::StartDate => opt(i.start_date.clone()),
        Field::Phase => opt(i.phase.clone()),
        Field::Risk => opt(i.risk.clone()),
    }
}

pub fn show(context: &Context, args: &ShowArgs) -> Result<ExitCode> {
    let store = context.open(OpenMode::Existing)?;
    let detail =
        store.initiative(args.id)?.ok_or_else(|| Error::from(crate::error::StoreProblem::NoSuchInitiative(args.id)))?;
    if args.json {
        print(&(to_json(&detail, true)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let i = &detail.initiative;
    let mut out = String::new();
    let mut field = |label: i18n::Text, value: Option<String>| {
        let value = value.filter(|v| !v.is_empty()).unwrap_or_else(|| "–".into());
        out.push_str(&format!("{:<16} {}\n", label.get(lang), display_line(&value)));
    };
    field(i18n::TITLE, Some(i.title.clone()));
    field(i18n::ID, Some(i.id.to_string()));
    let status = match i.status {
        Status::Active => i18n::ACTIVE,
        Status::Withdrawn => i18n::WITHDRAWN,
    };
    field(i18n::STATUS, Some(status.get(lang).to_string()));
    let agency = match (&i.agency, &detail.agency_name) {
        (Some(code), Some(name)) if name != code => Some(format!("{code} ({name})")),
        (agency, _) => agency.clone(),
    };
    field(i18n::AGENCY, agency);
    field(i18n::MINISTRIES, Some(i.ministries.join(", ")));
    field(i18n::LIFE_EVENTS, Some(i.life_events.join(", ")));
    field(i18n::AMOUNT, i.amount_nok.map(|v| format!("{} MNOK", format_mnok(v))));
    field(i18n::TOTAL_COST, i.total_cost_nok.map(|v| format!("{} MNOK", format_mnok(v))));
    field(i18n::BUDGET_YEAR, i.budget_year.map(|y| y.to_string()));
    field(i18n::START_DATE, i.start_date.clone());
    field(i18n::PHASE, i.phase.clone());
    field(i18n::RISK, i.risk.clone());
    field(i18n::TAGS, Some(i.tags.join(", ")));
    field(i18n::SOURCE, Some(i.source.clone()));
    let line = detail.source_line.map(|l| format!(", {} {l}", i18n::LINE.get(lang))).unwrap_or_default();
    field(i18n::SOURCE_FILE, Some(format!("{}{line}", i.source_file)));
    field(i18n::KEY, Some(i.key.clone()));
    field(i18n::IMPORTED_AT, Some(detail.imported_at.clone()));
    out.push_str(&format!("\n{}\n", i18n::DESCRIPTION.get(lang)));
    out.push_str(&display_block(i.description.as_deref().unwrap_or("–")));
    out.push_str(&format!("\n\n{}\n", i18n::RAW_ROW.get(lang)));
    for (header, cell) in &detail.raw_row {
        out.push_str(&format!("  {}: {}\n", display_line(header), display_line(cell)));
    }
    out.push_str(&format!("\n{}\n", i18n::HISTORY.get(lang)));
    if detail.history.is_empty() {
        out.push_str(&format!("  {}\n", i18n::NO_HISTORY.get(lang)));
    }
    for change in &detail.history {
        out.push_str(&format!(
            "  {} {}  {}: {} → {}\n",
            change.at,
            display_line(&change.who),
            change.field,
            display_line(change.old_value.as_deref().unwrap_or("–")),
            display_line(change.new_value.as_deref().unwrap_or("–")),
        ));
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_header_is_samla_s_field_names_as_import_reads_them_back() {
        let header = "id,source,source_file,key,title,description,agency,ministries,life_events,tags,amount_nok,\
                      total_cost_nok,budget_year,start_date,phase,risk,status\n";
        assert_eq!(to_csv(&[]).expect("csv"), header);
        for name in header.trim().split(',') {
            let known = Field::parse(name).is_some() || ["id", "source", "source_file", "status"].contains(&name);
            assert!(known, "{name}");
        }
    }
}
