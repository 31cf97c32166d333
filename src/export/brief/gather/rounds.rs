//! The import rounds the figures build on: each source's latest file, its date and round,
//! what changed since the round before, and examples of the import's warnings.

use super::clean;
use super::format::date_of;
use crate::config::Lang;
use crate::error::Result;
use crate::model::Batch;
use crate::store::Store;
use serde::Serialize;
use std::collections::BTreeMap;

const LISTED_CHANGES: usize = 8;
const LISTED_WARNINGS: usize = 10;

#[derive(Debug, Clone, Serialize)]
pub struct ChangedItem {
    pub id: i64,
    pub title: String,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceChanges {
    pub source: String,
    pub file: String,
    pub imported: String,
    /// The round number of the latest import (1 = the first).
    pub round: usize,
    pub inserted: usize,
    pub updated: usize,
    pub withdrawn: usize,
    pub reinstated: usize,
    pub inserted_titles: Vec<String>,
    pub updated_items: Vec<ChangedItem>,
    pub withdrawn_titles: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceInfo {
    pub label: String,
    pub file: String,
    pub imported: String,
    pub analyst: String,
    pub rounds: usize,
    pub rows: i64,
    pub warnings: i64,
    pub rejected: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct WarningSample {
    pub source: String,
    pub file: String,
    pub line: i64,
    pub field: String,
    pub value: String,
    pub reason: String,
}

/// What the rounds give the brief.
pub(super) struct Rounds {
    pub changes: Vec<SourceChanges>,
    pub sources: Vec<SourceInfo>,
    pub samples: Vec<WarningSample>,
    /// The first and the latest import time (RFC 3339), and how many imports in all.
    pub imports: (Option<String>, Option<String>, usize),
}

/// A change-log field as the reader knows it ("amount_nok" → "søkt beløp").
fn field_label(field: &str, lang: Lang) -> String {
    crate::i18n::field_name(field).map_or_else(|| clean(field), |text| text.get(lang).to_lowercase())
}

fn warning_samples(store: &Store, source: &str, latest: &Batch, samples: &mut Vec<WarningSample>) -> Result<()> {
    if samples.len() >= LISTED_WARNINGS || latest.warnings == 0 {
        return Ok(());
    }
    let Some(report) = store.batch_report_json(latest.id)? else { return Ok(()) };
    let report: serde_json::Value = serde_json::from_str(&report).unwrap_or_default();
    for warning in report["warning_list"].as_array().into_iter().flatten() {
        if samples.len() >= LISTED_WARNINGS {
            break;
        }
        let text = |key: &str| clean(warning[key].as_str().unwrap_or_default());
        samples.push(WarningSample {
            source: clean(source),
            file: clean(&latest.file_name),
            line: warning["line"].as_i64().unwrap_or_default(),
            field: text("field"),
            value: text("value"),
            reason: text("reason"),
        });
    }
    Ok(())
}

fn changes_of(store: &Store, source: &str, latest: &Batch, round: usize, lang: Lang) -> Result<SourceChanges> {
    let delta = store.batch_changes(latest.clone())?;
    let titles = |refs: &[crate::model::InitiativeRef]| -> Vec<String> {
        refs.iter().take(LISTED_CHANGES).map(|r| clean(&r.title)).collect()
    };
    Ok(SourceChanges {
        source: clean(source),
        file: clean(&latest.file_name),
        imported: date_of(&latest.imported_at, lang),
        round,
        inserted: delta.inserted.len(),
        updated: delta.updated.len(),
        withdrawn: delta.withdrawn.len(),
        reinstated: delta.reinstated.len(),
        inserted_titles: titles(&delta.inserted),
        updated_items: delta
            .updated
            .iter()
            .take(LISTED_CHANGES)
            .map(|(r, fields)| ChangedItem {
                id: r.id,
                title: clean(&r.title),
                fields: fields.iter().map(|c| field_label(&c.field, lang)).collect(),
            })
            .collect(),
        withdrawn_titles: titles(&delta.withdrawn),
    })
}

pub(super) fn rounds(store: &Store, lang: Lang) -> Result<Rounds> {
    let mut by_source: BTreeMap<String, Vec<Batch>> = BTreeMap::new();
    let batches = store.batches(None)?;
    let times = batches.iter().map(|b| b.imported_at.clone());
    let imports = (times.clone().min(), times.max(), batches.len());
    for batch in batches {
        by_source.entry(batch.source.clone()).or_default().push(batch);
    }
    let (mut changes, mut sources, mut samples) = (Vec::new(), Vec::new(), Vec::new());
    for (source, batches) in by_source {
        // Newest first, as the store returns them.
        let Some(latest) = batches.first() else { continue };
        sources.push(SourceInfo {
            label: clean(&source),
            file: clean(&latest.file_name),
            imported: date_of(&latest.imported_at, lang),
            analyst: clean(&latest.analyst),
            rounds: batches.len(),
            rows: latest.rows_read,
            warnings: latest.warnings,
            rejected: latest.rejected,
        });
        warning_samples(store, &source, latest, &mut samples)?;
        changes.push(changes_of(store, &source, latest, batches.len(), lang)?);
    }
    // The latest rounds first: what changed most recently is what the meeting asks about.
    changes.sort_by(|a, b| b.round.cmp(&a.round).then_with(|| a.source.cmp(&b.source)));
    Ok(Rounds { changes, sources, samples, imports })
}
