//! `samla rank`: the priority list, and with a budget frame the plan that fills it (in rank
//! order by default), with why each initiative left out is out. The table is in
//! `rank_text.rs`; JSON and CSV carry the same rows as the screen and the brief.

use super::{Context, RankArgs, RankFormat, print, to_json, working_scenario};
use crate::error::{Error, PrioritiesError, Result};
use crate::i18n;
use crate::model::import::Field;
use crate::scoring::{Coverage, Duplicates, ListSource, ListedRow, Locks, Prioritised, Ranking, ScoreMatrix, Weights};
use crate::store::OpenMode;
use std::process::ExitCode;

/// Everything a priority list is drawn from.
pub(super) struct Ranked {
    pub matrix: ScoreMatrix,
    pub weights: Weights,
    pub ranking: Ranking,
    pub benefit: Vec<f64>,
    pub prioritised: Option<Prioritised>,
    pub duplicates: Duplicates,
    pub coverage: Coverage,
    /// What did not carry over from a scenario.
    pub notes: Vec<String>,
}

impl Ranked {
    pub fn source(&self) -> ListSource<'_> {
        ListSource {
            matrix: &self.matrix,
            ranking: &self.ranking,
            weights: &self.weights,
            benefit: &self.benefit,
            prioritised: self.prioritised.as_ref(),
            duplicates: &self.duplicates,
        }
    }
}

pub fn rank(context: &Context, args: &RankArgs) -> Result<ExitCode> {
    let format = if args.json { RankFormat::Json } else { args.format };
    let ranked = ranked(context, args)?;
    let shown = args.top.unwrap_or(ranked.matrix.len()).min(ranked.matrix.len());
    let lang = context.lang;
    match format {
        RankFormat::Table => print(&super::rank_text::rank_text(&ranked, shown, lang))?,
        RankFormat::Json | RankFormat::Csv => {
            for note in &ranked.notes {
                crate::cli::print_error(note);
            }
            let rows = ranked.source().rows(shown, lang);
            let text = if format == RankFormat::Json { to_json(&rows, true)? + "\n" } else { to_csv(&ranked, &rows)? };
            print(&text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Ranks under the scenario (or the current weights), and plans the frame when there is one.
fn ranked(context: &Context, args: &RankArgs) -> Result<Ranked> {
    let store = context.open(OpenMode::Existing)?;
    let matrix = store.score_matrix()?;
    let mut scenario = working_scenario(&store, &matrix, args.scenario.as_deref(), &args.frame)?;
    if let Some(mode) = args.mode {
        scenario.mode = mode;
    }
    let (weights, mut notes) = scenario.weights_for(&matrix)?;
    if weights.is_zero() {
        return Err(PrioritiesError::AllWeightsZero(scenario.name.clone()).into());
    }
    let ranking = matrix.rank(&weights);
    let duplicates = store.plan_duplicates(
        &matrix,
        &crate::dedupe::ServiceKinds::from_reference(&context.reference)?,
        context.config.duplicate_threshold,
    )?;
    let prioritised = match scenario.frame(&matrix, &mut notes) {
        Some(frame) => {
            let locks = Locks { locked_in: frame.locked_in, locked_out: frame.locked_out };
            let mut input = matrix.plan_input(&ranking, &weights, frame.frame_nok, locks, scenario.mode, &duplicates);
            input.resolution_nok = frame.resolution_nok;
            Some(crate::scoring::prioritise(&input)?)
        }
        None => None,
    };
    Ok(Ranked {
        benefit: matrix.benefit_totals(&weights),
        coverage: matrix.coverage(&weights),
        matrix,
        weights,
        ranking,
        prioritised,
        duplicates,
        notes,
    })
}

/// The rows as plain comma CSV (decimal point), one column per criterion's score and one
/// saying whether it was given by hand, derived or missing.
fn to_csv(ranked: &Ranked, rows: &[ListedRow]) -> Result<String> {
    let csv_error = |e: csv::Error| Error::io("write", "CSV", std::io::Error::other(e));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "place",
        "rank",
        "id",
        Field::Title.log_name(),
        "total",
        "benefit",
        Field::AmountNok.log_name(),
        "selected",
        "reason",
        "reason_text",
        "duplicate",
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    for criterion in ranked.matrix.criteria() {
        header.push(criterion.code.clone());
        header.push(format!("{}_given", criterion.code));
    }
    writer.write_record(&header).map_err(csv_error)?;
    for row in rows {
        let mut record = vec![
            row.place.to_string(),
            row.rank.to_string(),
            row.id.to_string(),
            row.title.clone(),
            row.total.to_string(),
            row.benefit.to_string(),
            row.amount_nok.map(|a| a.to_string()).unwrap_or_default(),
            row.selected.map(|s| s.to_string()).unwrap_or_default(),
            row.reason.map(reason_code).unwrap_or_default().to_string(),
            row.reason_text.clone().unwrap_or_default(),
            row.duplicate_text.clone().unwrap_or_default(),
        ];
        for score in &row.criteria {
            record.push(score.score.map(|v| v.to_string()).unwrap_or_default());
            record.push(given_code(score.given).to_string());
        }
        writer.write_record(&record).map_err(csv_error)?;
    }
    let bytes = writer.into_inner().map_err(|e| Error::io("write", "CSV", std::io::Error::other(e.to_string())))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn reason_code(reason: crate::scoring::Reason) -> &'static str {
    use crate::scoring::Reason;
    match reason {
        Reason::NoAmount => "no_amount",
        Reason::LockedOut => "locked_out",
        Reason::DoesNotFit { .. } => "does_not_fit",
        Reason::DuplicateOf { .. } => "duplicate_of",
        Reason::GaveWay { .. } => "gave_way",
        Reason::NoBenefit => "no_benefit",
    }
}

fn given_code(given: crate::scoring::Given) -> &'static str {
    match given {
        crate::scoring::Given::Hand => "hand",
        crate::scoring::Given::Derived => "derived",
        crate::scoring::Given::Missing => "missing",
    }
}

/// The words of a note or a heading, for the text table.
pub(super) fn t(text: i18n::Text, lang: crate::config::Lang) -> &'static str {
    text.get(lang)
}
