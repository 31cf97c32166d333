//! The import report as text for a person, in the user's language: what was read, how the
//! columns were read, what changed, and every value samla could not read.

use super::{ImportReport, LISTED, QUOTED_CHARS, QUOTED_ROW_CHARS};
use crate::i18n;
use crate::i18n::Lang;
use crate::import::layout::{Confidence, Layout, LayoutNote};
use crate::text::{display_line, shorten};

impl ImportReport {
    /// The report for the command line: the file, how it was read, then what it did.
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = self.head(lang);
        if self.already_imported.is_some() {
            return out;
        }
        out.push_str(&self.reading(lang));
        out.push_str(&self.counts_line(lang));
        out.push_str(&self.details(lang));
        out
    }

    /// The report for a screen: what the import did comes first (new, changed, withdrawn),
    /// then the file and its round, how it read the file after.
    pub fn describe_results_first(&self, lang: Lang) -> String {
        if self.already_imported.is_some() {
            return self.head(lang);
        }
        let t = |text: i18n::Text| text.get(lang);
        let c = &self.counts;
        let mut out = format!(
            "{} {} · {} {} · {} {}\n",
            c.inserted,
            t(i18n::RESULT_NEW),
            c.updated,
            t(i18n::RESULT_CHANGED),
            c.withdrawn,
            t(i18n::RESULT_WITHDRAWN)
        );
        out.push_str(&self.head(lang));
        out.push_str(&format!(
            "  {} {}: {} {}, {} {}, {} {}\n",
            c.rows_read,
            t(i18n::ROWS_READ_OF),
            c.unchanged,
            t(i18n::UNCHANGED),
            c.rejected,
            t(i18n::REJECTED),
            c.warnings,
            t(i18n::WARNINGS),
        ));
        out.push_str(&self.reading(lang));
        out.push_str(&self.details(lang));
        out
    }

    /// The file and its source; when these bytes were imported before, that and no more.
    fn head(&self, lang: Lang) -> String {
        let t = |text: i18n::Text| text.get(lang);
        let round = self.round.map(|n| format!(", {} {n}", t(i18n::ROUND_OF))).unwrap_or_default();
        let mut out = format!(
            "{} ({} {}{round})\n",
            display_line(&self.file),
            t(i18n::SOURCE).to_lowercase(),
            display_line(&self.source)
        );
        if self.recognised_from.is_some() {
            let round = self
                .round
                .map(|n| {
                    format!(" ({} {n} {} «{}»)", t(i18n::ROUND_OF), t(i18n::OF_SOURCE), display_line(&self.source))
                })
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} «{}»: {}{round}.\n",
                t(i18n::RECOGNISED_AS_ROUND),
                display_line(&self.source),
                t(i18n::RECOGNISED_NOT_NEW)
            ));
        }
        if let Some(previous) = &self.already_imported {
            out.push_str(&format!(
                "  {} ({}, {} {}, {} {}): {}.\n",
                t(i18n::ALREADY_IMPORTED),
                display_line(&previous.file_name),
                t(i18n::SOURCE).to_lowercase(),
                display_line(&previous.source),
                t(i18n::ROUND_OF),
                previous.batch_id,
                t(i18n::NOTHING_CHANGED)
            ));
        }
        out
    }

    /// The file's format and how its columns were read.
    fn reading(&self, lang: Lang) -> String {
        let t = |text: i18n::Text| text.get(lang);
        let mut out = String::new();
        if let Some(format) = &self.format {
            let mut parts = vec![format.format.clone()];
            if let Some(encoding) = &format.encoding {
                parts.push(format!("{} {encoding}", t(i18n::ENCODING)));
            }
            if let Some(delimiter) = &format.delimiter {
                parts.push(format!("{} '{delimiter}'", t(i18n::DELIMITER)));
            }
            if let Some(line_ending) = &format.line_ending {
                parts.push(line_ending.clone());
            }
            if let Some(sheet) = &format.sheet {
                parts.push(format!("{} «{}»", t(i18n::SHEET), display_line(sheet)));
            }
            if let Some(layout) = &self.layout {
                parts.push(format!("{} {}", t(i18n::HEADER_ROW), layout.header_row));
            }
            out.push_str(&format!("  {}: {}\n", t(i18n::FORMAT), parts.join(", ")));
        }
        if let Some(layout) = &self.layout {
            out.push_str(&layout_lines(layout, lang));
        }
        out
    }

    fn counts_line(&self, lang: Lang) -> String {
        let t = |text: i18n::Text| text.get(lang);
        let c = &self.counts;
        format!(
            "  {} {}: {} {}, {} {}, {} {}, {} {}, {} {}, {} {}\n",
            c.rows_read,
            t(i18n::ROWS_READ),
            c.inserted,
            t(i18n::INSERTED),
            c.updated,
            t(i18n::UPDATED),
            c.unchanged,
            t(i18n::UNCHANGED),
            c.withdrawn,
            t(i18n::WITHDRAWN_COUNT),
            c.rejected,
            t(i18n::REJECTED),
            c.warnings,
            t(i18n::WARNINGS),
        )
    }

    /// New municipalities, what changed, warnings, rejected rows, and the dry run's proposal.
    fn details(&self, lang: Lang) -> String {
        let t = |text: i18n::Text| text.get(lang);
        let mut out = String::new();
        if !self.new_municipalities.is_empty() {
            out.push_str(&format!("  {}: {}\n", t(i18n::NEW_MUNICIPALITIES), self.new_municipalities.join(", ")));
        }
        for updated in self.updated_keys.iter().take(LISTED) {
            let fields: Vec<String> =
                updated.fields.iter().map(|f| crate::error::import::field_label(f, lang)).collect();
            out.push_str(&format!("  {} {}: {}\n", t(i18n::CHANGED), display_line(&updated.key), fields.join(", ")));
        }
        more(&mut out, self.updated_keys.len(), lang);
        for warning in self.warning_list.iter().take(LISTED) {
            out.push_str(&format!(
                "  ! {} {}, {}: «{}» {}\n",
                t(i18n::LINE),
                warning.line,
                display_line(&warning.field_label(lang)),
                display_line(&shorten(&warning.value, QUOTED_CHARS)),
                warning.kind.message(lang)
            ));
        }
        more(&mut out, self.warning_list.len(), lang);
        for rejected in self.rejected_rows.iter().take(LISTED) {
            out.push_str(&format!(
                "  ✗ {} {}: {} ({})\n",
                t(i18n::LINE),
                rejected.line,
                rejected.reason.message(lang),
                display_line(&shorten(&rejected.raw.join(" | "), QUOTED_ROW_CHARS))
            ));
        }
        more(&mut out, self.rejected_rows.len(), lang);
        if self.dry_run {
            if let Some(layout) = &self.layout {
                out.push_str(&crate::import::proposal::describe(&crate::import::proposal::guesses(layout), lang));
            }
            out.push_str(&format!("  {}.\n", t(i18n::DRY_RUN)));
        }
        out
    }
}

/// Which column became which field (and how sure), what detection noticed, what it left.
fn layout_lines(layout: &Layout, lang: Lang) -> String {
    let mapping: Vec<String> = layout
        .mapping
        .iter()
        .map(|m| {
            let unit = m.unit_factor.map(|f| format!(" ×{f}")).unwrap_or_default();
            let unsure = match m.confidence {
                Confidence::Low | Confidence::Medium => {
                    format!(" ({})", crate::import::proposal::confidence_label(m.confidence.name(), lang))
                }
                _ => String::new(),
            };
            let header = display_line(&shorten(&m.header, QUOTED_CHARS)).into_owned();
            format!("{} ← «{header}»{unit}{unsure}", crate::error::import::field_label(m.field.name(), lang))
        })
        .collect();
    let mut out = format!("  {}: {}\n", i18n::MAPPING.get(lang), mapping.join(", "));
    for note in &layout.notes {
        out.push_str(&format!("  {}\n", display_line(&note_text(note, lang))));
    }
    if !layout.unmapped.is_empty() {
        // A file may have thousands of columns: the first few name the problem.
        let mut unmapped: Vec<String> = layout
            .unmapped
            .iter()
            .take(LISTED)
            .map(|h| format!("«{}»", display_line(&shorten(h, QUOTED_CHARS))))
            .collect();
        if layout.unmapped.len() > LISTED {
            unmapped.push(format!("… {} {}", layout.unmapped.len() - LISTED, i18n::MORE.get(lang)));
        }
        out.push_str(&format!("  {}: {}\n", i18n::UNMAPPED.get(lang), unmapped.join(", ")));
    }
    out
}

/// What detection noticed about a column and left as it is, in `lang`.
fn note_text(note: &LayoutNote, lang: Lang) -> String {
    let nb = lang == Lang::Nb;
    match note {
        LayoutNote::ForeignCurrency { header, currency } if nb => {
            format!("«{header}» er i {currency}; tallene er ikke lest som kroner (de ligger i rårad)")
        }
        LayoutNote::ForeignCurrency { header, currency } => {
            format!("«{header}» is in {currency}; its numbers are not read as kroner (kept in the raw row)")
        }
        LayoutNote::MoneyKept { header } if nb => format!("«{header}» er et beløp til; det ligger i rårad"),
        LayoutNote::MoneyKept { header } => format!("«{header}» is another amount; it is kept in the raw row"),
        LayoutNote::MillionsAssumed { header } if nb => {
            format!("«{header}» har ingen enhet, og tallene er små: de er lest som millioner kroner")
        }
        LayoutNote::MillionsAssumed { header } => {
            format!("«{header}» names no unit and its numbers are small: they are read as millions of kroner")
        }
    }
}

fn more(out: &mut String, total: usize, lang: Lang) {
    if total > LISTED {
        out.push_str(&format!(
            "  … {} {} ({})\n",
            total - LISTED,
            i18n::MORE.get(lang),
            i18n::USE_JSON_FOR_ALL.get(lang)
        ));
    }
}
