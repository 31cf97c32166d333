//! `samla dedupe`: candidate pairs of parallel solutions, decisions on them, and clusters.

use super::table::{Column, render};
use super::{Context, DedupeAction, DedupeArgs, print, terminal_width, to_json};
use crate::dedupe::{ClusterSettings, OwnerRelation, Reason, Record, ReviewItem, ReviewQueue, Threshold, describe};
use crate::error::{Error, Result};
use crate::i18n;
use crate::store::OpenMode;
use crate::text::display_line;
use serde::Serialize;
use std::process::ExitCode;

/// The thresholds `samla dedupe thresholds` shows, as hundredths.
const THRESHOLD_STEPS: std::ops::RangeInclusive<u32> = 6..=19;

pub fn run(context: &Context, args: &DedupeArgs) -> Result<ExitCode> {
    match &args.action {
        None => pairs(context, args),
        Some(DedupeAction::Decide { a, b, decision, note }) => {
            let mut store = context.open(OpenMode::Existing)?;
            let saved = store.decide_pair(*a, *b, *decision, note.as_deref(), &context.config.analyst)?;
            let text = if args.json {
                to_json(&saved, false)? + "\n"
            } else {
                format!("{} {} ↔ {}: {}\n", i18n::DECIDED.get(context.lang), saved.a, saved.b, saved.decision.as_str())
            };
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(DedupeAction::Undo { a, b }) => {
            let mut store = context.open(OpenMode::Existing)?;
            let removed = store.undo_pair_decision(*a, *b, &context.config.analyst)?;
            let lang = context.lang;
            let text = match removed {
                Some(d) => format!("{} {} ↔ {}: {}\n", i18n::UNDONE.get(lang), d.a, d.b, d.decision.as_str()),
                None => format!("{} {a} ↔ {b}\n", i18n::NO_DECISION.get(lang)),
            };
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(DedupeAction::Clusters) => clusters(context, args),
        Some(DedupeAction::Thresholds) => thresholds(context, args),
        Some(DedupeAction::Candidates) => candidates(context),
    }
}

/// `samla dedupe candidates`: `{"records":[..],"pairs":[..]}`, every candidate pair with
/// its score, in the form `dedupe_f1.py` reads (so `--min-score 0` gives blocking recall).
fn candidates(context: &Context) -> Result<ExitCode> {
    #[derive(Serialize)]
    struct Row {
        id: i64,
        source_file: String,
        key: String,
        language: &'static str,
        kinds: Vec<String>,
        object: Vec<(String, f32)>,
    }
    #[derive(Serialize)]
    struct Candidate<'a> {
        a: &'a Row,
        b: &'a Row,
        score: f64,
        sub_scores: crate::dedupe::SubScores,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        records: &'a [Row],
        pairs: Vec<Candidate<'a>>,
    }
    let store = context.open(OpenMode::Existing)?;
    let analysis = crate::dedupe::Analysis::new(
        store.dedupe_records()?,
        &crate::dedupe::ServiceKinds::from_reference(&context.reference)?,
    );
    let pairs = analysis.candidates();
    let mut records: Vec<Row> = Vec::new();
    let mut index: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for id in pairs.iter().flat_map(|p| [p.a, p.b]).chain(analysis.ids()) {
        if index.contains_key(&id) {
            continue;
        }
        let Some(record) = analysis.record(id) else { continue };
        let language = analysis.language(id).unwrap_or_default().code();
        index.insert(id, records.len());
        let kinds = analysis.kinds(id);
        let object = analysis.object_terms(id);
        records.push(Row { id, source_file: record.source_file, key: record.key, language, kinds, object });
    }
    let pairs = pairs
        .iter()
        .filter_map(|p| {
            Some(Candidate {
                a: &records[*index.get(&p.a)?],
                b: &records[*index.get(&p.b)?],
                score: p.score,
                sub_scores: p.sub_scores,
            })
        })
        .collect();
    print(&(to_json(&Out { records: &records, pairs }, false)? + "\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// `--threshold`, else the one in config.toml, else chosen from the portfolio.
fn threshold(context: &Context, args: &DedupeArgs) -> Threshold {
    args.threshold.or(context.config.duplicate_threshold).into()
}

fn queue(context: &Context, threshold: Threshold) -> Result<ReviewQueue> {
    if let Threshold::Fixed(threshold) = threshold {
        if !(0.0..=1.0).contains(&threshold) {
            return Err(crate::error::UsageProblem::Threshold(threshold).into());
        }
    }
    let kinds = crate::dedupe::ServiceKinds::from_reference(&context.reference)?;
    context.open(OpenMode::Existing)?.review_queue(&kinds, threshold)
}

/// One end of a pair in the JSON: enough to find the row in its file.
#[derive(Serialize)]
struct End {
    id: i64,
    source_file: String,
    key: String,
    title: String,
    agency: Option<String>,
    ministries: Vec<String>,
}

impl End {
    fn of(record: Record) -> Self {
        let Record { id, source_file, key, title, agency, ministries, .. } = record;
        Self { id, source_file, key, title, agency, ministries }
    }
}

#[derive(Serialize)]
struct JsonPair<'a> {
    a: End,
    b: End,
    score: f64,
    headline: Option<String>,
    owners: OwnerRelation,
    sub_scores: &'a crate::dedupe::SubScores,
    reasons: Vec<Reason>,
    decision: Option<&'a str>,
}

/// Writes `{"threshold":..,"pairs":[..]}` pair by pair: a large portfolio has hundreds of
/// thousands of pairs, and their reasons are worked out only as each is written.
fn write_json_pairs(queue: &ReviewQueue, items: &[&ReviewItem], threshold: f64) -> Result<()> {
    use rayon::prelude::*;
    use std::io::Write;
    let failed = |e: std::io::Error| Error::io("write", "standard output", e);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let source = to_json(&queue.threshold_source, false)?;
    write!(out, "{{\"threshold\":{threshold},\"threshold_source\":{source},\"pairs\":[").map_err(failed)?;
    let mut first = true;
    // Reasons take the most time: worked out on all cores a chunk at a time, written in order.
    for chunk in items.chunks(JSON_PAIRS_AT_A_TIME) {
        let written: Vec<Option<Result<String>>> = chunk.par_iter().map(|item| json_pair(queue, item)).collect();
        for json in written.into_iter().flatten() {
            if !first {
                out.write_all(b",").map_err(failed)?;
            }
            first = false;
            out.write_all(json?.as_bytes()).map_err(failed)?;
        }
    }
    out.write_all(b"]}\n").and_then(|()| out.flush()).map_err(failed)
}

/// Pairs whose JSON is worked out at once (a few megabytes).
const JSON_PAIRS_AT_A_TIME: usize = 4_096;

/// One pair as JSON, None when an end is no longer in the portfolio.
fn json_pair(queue: &ReviewQueue, item: &ReviewItem) -> Option<Result<String>> {
    let pair = &item.pair;
    let (a, b) = (queue.record(pair.a)?, queue.record(pair.b)?);
    let json = JsonPair {
        a: End::of(a),
        b: End::of(b),
        score: pair.score,
        headline: queue.headline(pair),
        owners: pair.owners,
        sub_scores: &pair.sub_scores,
        reasons: queue.reasons(pair),
        decision: item.decision.as_ref().map(|d| d.decision.as_str()),
    };
    // Titles and keys come from sector files: through to_json, which escapes controls.
    Some(to_json(&json, false))
}

fn pairs(context: &Context, args: &DedupeArgs) -> Result<ExitCode> {
    let queue = queue(context, threshold(context, args))?;
    let mut items: Vec<&ReviewItem> =
        queue.items.iter().filter(|i| args.all || args.json || i.decision.is_none()).collect();
    if let Some(limit) = args.limit {
        items.truncate(limit);
    }
    if args.json {
        write_json_pairs(&queue, &items, queue.threshold)?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let columns = vec![
        Column::new(i18n::PAIR_SCORE.get(lang)).right(),
        Column::new("A").right(),
        Column::new(i18n::TITLE_A.get(lang)).max(42),
        Column::new("B").right(),
        Column::new(i18n::TITLE_B.get(lang)).max(42),
        Column::new(i18n::WHY.get(lang)).flexible(),
    ];
    let rows: Vec<Vec<String>> = items
        .iter()
        .filter_map(|item| {
            let pair = &item.pair;
            let (a, b) = (queue.record(pair.a)?, queue.record(pair.b)?);
            let owner = |r: &Record| r.agency.clone().map(|x| format!(" ({x})")).unwrap_or_default();
            Some(vec![
                format_score(pair.score),
                pair.a.to_string(),
                format!("{}{}", a.title.trim(), owner(&a)),
                pair.b.to_string(),
                format!("{}{}", b.title.trim(), owner(&b)),
                why(context, &queue, item),
            ])
        })
        .collect();
    let mut text = render(&columns, &rows, terminal_width());
    let open = queue.open().count();
    let cross = queue.open().filter(|i| i.pair.owners == OwnerRelation::CrossSector).count();
    text.push_str(&format!(
        "{open} {} ≥ {} ({cross} {}) · {} {}\n",
        i18n::OPEN_PAIRS.get(lang),
        describe::threshold_text(queue.threshold, queue.threshold_source, lang),
        i18n::CROSS_SECTOR.get(lang),
        queue.items.len() - open,
        i18n::DECIDED_PAIRS.get(lang),
    ));
    text.push_str(&format!("{}: samla dedupe decide A B duplicate|overlap|distinct\n", i18n::NEXT.get(lang)));
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// The decision, if any, and one line of evidence.
fn why(context: &Context, queue: &ReviewQueue, item: &ReviewItem) -> String {
    let summary = describe::summary(&queue.reasons(&item.pair), context.lang);
    match &item.decision {
        Some(decision) => format!("[{}] · {summary}", decision.decision.as_str()),
        None => summary,
    }
}

/// Norwegian decimal comma in tables.
fn format_score(score: f64) -> String {
    format!("{score:.2}").replace('.', ",")
}

fn clusters(context: &Context, args: &DedupeArgs) -> Result<ExitCode> {
    let queue = queue(context, threshold(context, args))?;
    let found = queue.clusters(ClusterSettings::default());
    if args.json {
        #[derive(Serialize)]
        struct JsonCluster {
            cohesion: f64,
            weakest_link: f64,
            members: Vec<End>,
        }
        #[derive(Serialize)]
        struct Out {
            clusters: Vec<JsonCluster>,
        }
        let out = Out {
            clusters: found
                .iter()
                .map(|c| JsonCluster {
                    cohesion: c.cohesion,
                    weakest_link: c.weakest_link,
                    members: c.members.iter().filter_map(|&id| queue.record(id)).map(End::of).collect(),
                })
                .collect(),
        };
        print(&(to_json(&out, false)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let mut text = String::new();
    for (n, cluster) in found.iter().enumerate() {
        text.push_str(&format!(
            "{} {} · {} {} · {} {}\n",
            i18n::CLUSTER.get(lang),
            n + 1,
            cluster.members.len(),
            i18n::INITIATIVES.get(lang),
            i18n::COHESION.get(lang),
            format_score(cluster.cohesion)
        ));
        for &id in &cluster.members {
            if let Some(r) = queue.record(id) {
                let owner = r.agency.as_deref().unwrap_or("–");
                text.push_str(&format!(
                    "  {id:>6}  {}  ({owner}; {} {})\n",
                    display_line(r.title.trim()),
                    display_line(&r.source_file),
                    display_line(&r.key)
                ));
            }
        }
    }
    text.push_str(&format!("{} {}\n", found.len(), i18n::CLUSTERS.get(lang)));
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// One threshold of `samla dedupe thresholds`: the pairs it would show and the decided ones.
#[derive(Serialize)]
struct Step {
    threshold: f64,
    pairs: usize,
    cross_sector: usize,
    decided: usize,
    decided_alike: usize,
}

/// How many pairs each threshold would show, and how many of the decided pairs at or above
/// it the analyst called duplicate or overlap: the help for choosing a threshold.
fn thresholds(context: &Context, args: &DedupeArgs) -> Result<ExitCode> {
    let lowest = f64::from(*THRESHOLD_STEPS.start()) / 20.0;
    let floor = match threshold(context, args) {
        Threshold::Fixed(given) => lowest.min(given),
        Threshold::Calibrated => lowest,
    };
    let queue = queue(context, Threshold::Fixed(floor))?;
    let steps: Vec<Step> = THRESHOLD_STEPS
        .map(|step| {
            let threshold = f64::from(step) / 20.0;
            let above: Vec<&ReviewItem> = queue.items.iter().filter(|i| i.pair.score >= threshold).collect();
            let decided: Vec<&ReviewItem> = above.iter().copied().filter(|i| i.decision.is_some()).collect();
            Step {
                threshold,
                pairs: above.len(),
                cross_sector: above.iter().filter(|i| i.pair.owners == OwnerRelation::CrossSector).count(),
                decided: decided.len(),
                decided_alike: decided
                    .iter()
                    .filter(|i| i.decision.as_ref().is_some_and(|d| d.decision.links()))
                    .count(),
            }
        })
        .collect();
    if args.json {
        print(&(to_json(&steps, false)? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let lang = context.lang;
    let columns = vec![
        Column::new(i18n::THRESHOLD.get(lang)).right(),
        Column::new(i18n::PAIRS.get(lang)).right(),
        Column::new(i18n::CROSS_SECTOR.get(lang)).right(),
        Column::new(i18n::DECIDED_PAIRS.get(lang)).right(),
        Column::new(i18n::DECIDED_ALIKE.get(lang)).right(),
    ];
    let rows: Vec<Vec<String>> = steps
        .iter()
        .map(|s| {
            let share = if s.decided == 0 {
                "–".to_string()
            } else {
                format!("{} ({:.0} %)", s.decided_alike, 100.0 * s.decided_alike as f64 / s.decided as f64)
            };
            vec![
                format_score(s.threshold),
                s.pairs.to_string(),
                s.cross_sector.to_string(),
                s.decided.to_string(),
                share,
            ]
        })
        .collect();
    let mut text = render(&columns, &rows, terminal_width());
    text.push_str(i18n::THRESHOLD_HINT.get(lang));
    text.push('\n');
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
