//! Scoring one candidate pair from its fields, and how the owners relate.

use super::Record;
use super::features::Comparable;
use serde::Serialize;

/// What the title is about counts by its words and by their spelling, equally.
const OBJECT_WORDS_WEIGHT: f64 = 0.5;
/// With descriptions on both sides, the description (its spelling: inflection and
/// paraphrase keep most trigrams) weighs more than the title's object: it says what the
/// initiative does and for whom, in a sentence rather than a few words.
const DESCRIPTION_WEIGHT: f64 = 0.6;
/// Titles naming different kinds of service ("statistics about X", "application for X")
/// are rarely one effort: the score is multiplied by this.
const OTHER_KIND_FACTOR: f64 = 0.5;
/// When a title names no kind, nothing confirms the kind: a smaller discount.
const UNKNOWN_KIND_FACTOR: f64 = 0.85;
/// Two records of one agency are a re-submission more often than a parallel solution.
const SAME_AGENCY_FACTOR: f64 = 0.85;
/// Two records that both name life events and share none are probably about different
/// things.
const DISJOINT_LIFE_EVENTS_FACTOR: f64 = 0.9;

/// The similarity of each field, 0 to 1. Single precision: the cosines are computed in it,
/// and a million initiatives' three million pairs each keep one of these.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SubScores {
    /// TF-IDF cosine of the words saying what the titles are about (with compound parts).
    pub object_words: f32,
    /// TF-IDF cosine of those words' character trigrams: typos and compounds.
    pub object_spelling: f32,
    /// TF-IDF cosine of the descriptions' word stems.
    pub description_words: f32,
    /// TF-IDF cosine of the descriptions' character trigrams.
    pub description_spelling: f32,
    /// How far the kinds of service the titles name agree (Jaccard); None when one names
    /// none.
    pub same_kind: Option<f32>,
    /// Jaccard overlap of the life events when both name some.
    pub life_events: Option<f32>,
}

/// Who owns the two initiatives, from the analyst's point of view: a pair across sectors
/// is the interesting "parallel solution"; one inside an agency is usually a re-submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OwnerRelation {
    SameAgency,
    /// Different agencies under a shared ministry.
    SameSector,
    /// Different agencies and no ministry in common.
    CrossSector,
    /// An owner is missing.
    Unknown,
}

impl OwnerRelation {
    pub fn of(a: &Record, b: &Record) -> Self {
        let owner = |r: &Record| r.agency.as_deref().map(|name| name.trim().to_ascii_lowercase());
        Self::between((owner(a), owner(b)), (&a.ministries, &b.ministries))
    }

    /// From the two owners, each as it is compared (the same agency: equal), and the
    /// ministries above them.
    pub(crate) fn between<A: PartialEq, M: PartialEq>(
        owners: (Option<A>, Option<A>),
        ministries: (&[M], &[M]),
    ) -> Self {
        let (ma, mb) = ministries;
        match owners {
            (Some(x), Some(y)) if x == y => Self::SameAgency,
            (Some(_), Some(_)) => {
                if ma.is_empty() || mb.is_empty() {
                    // Municipalities have no ministry: two of them are different owners.
                    Self::CrossSector
                } else if ma.iter().any(|m| mb.contains(m)) {
                    Self::SameSector
                } else {
                    Self::CrossSector
                }
            }
            _ => Self::Unknown,
        }
    }
}

/// How far two lists of codes agree (shared over all), when both have some.
pub(crate) fn jaccard<T: PartialEq>(a: &[T], b: &[T]) -> Option<f32> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let shared = a.iter().filter(|e| b.contains(e)).count();
    let union = a.len() + b.len() - shared;
    Some(shared as f32 / union as f32)
}

/// The sub-scores of a pair, computed cheapest first: when `prune` returns true for the
/// scores so far (the fields not yet computed counted as perfect matches), the pair is
/// dropped before the costly description comparison. None when pruned. `life_events` is how
/// far the two records' life events agree ([`jaccard`]).
pub fn sub_scores_pruned(
    a: Comparable<'_>,
    b: Comparable<'_>,
    life_events: Option<f32>,
    prune: impl Fn(&SubScores) -> bool,
) -> Option<SubScores> {
    let (fa, fb) = (a.features, b.features);
    let same_kind = if fa.kinds == 0 || fb.kinds == 0 {
        None
    } else {
        Some((fa.kinds & fb.kinds).count_ones() as f32 / (fa.kinds | fb.kinds).count_ones() as f32)
    };
    let mut scores = SubScores {
        object_words: fa.object_words.cosine(&fb.object_words),
        object_spelling: 1.0,
        description_words: 1.0,
        description_spelling: 1.0,
        same_kind,
        life_events,
    };
    if prune(&scores) {
        return None;
    }
    scores.object_spelling = a.object_grams.cosine(&b.object_grams);
    if prune(&scores) {
        return None;
    }
    scores.description_spelling = a.description_grams.cosine(&b.description_grams);
    if prune(&scores) {
        return None;
    }
    scores.description_words = fa.description_words.cosine(&fb.description_words);
    Some(scores)
}

/// All sub-scores of a pair.
pub fn sub_scores(a: Comparable<'_>, b: Comparable<'_>, life_events: Option<f32>) -> SubScores {
    let all = sub_scores_pruned(a, b, life_events, |_| false);
    // Never pruned, so always present; the default keeps clippy's unwrap rule.
    all.unwrap_or(SubScores {
        object_words: 0.0,
        object_spelling: 0.0,
        description_words: 0.0,
        description_spelling: 0.0,
        same_kind: None,
        life_events: None,
    })
}

/// The pair's score, 0 to 1. A record without a description is judged by its title alone,
/// rather than being punished for the missing field.
pub fn combine(scores: &SubScores, descriptions: bool, owners: OwnerRelation) -> f64 {
    let object = OBJECT_WORDS_WEIGHT * f64::from(scores.object_words)
        + (1.0 - OBJECT_WORDS_WEIGHT) * f64::from(scores.object_spelling);
    let mut score = if descriptions {
        (1.0 - DESCRIPTION_WEIGHT) * object + DESCRIPTION_WEIGHT * f64::from(scores.description_spelling)
    } else {
        object
    };
    // "Automatisk varsling" and "Automatisk behandling" share a kind but not the main one:
    // partial agreement counts partly.
    score *= match scores.same_kind {
        Some(agreement) => OTHER_KIND_FACTOR + (1.0 - OTHER_KIND_FACTOR) * f64::from(agreement),
        None => UNKNOWN_KIND_FACTOR,
    };
    if owners == OwnerRelation::SameAgency {
        score *= SAME_AGENCY_FACTOR;
    }
    if scores.life_events == Some(0.0) {
        score *= DISJOINT_LIFE_EVENTS_FACTOR;
    }
    score.clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owner(agency: Option<&str>, ministries: &[&str]) -> Record {
        Record {
            id: 0,
            source_file: String::new(),
            key: String::new(),
            title: String::new(),
            description: None,
            agency: agency.map(str::to_string),
            ministries: ministries.iter().map(|m| m.to_string()).collect(),
            life_events: vec![],
        }
    }

    #[test]
    fn owner_relations() {
        let nav = owner(Some("Nav"), &["AID"]);
        assert_eq!(OwnerRelation::of(&nav, &owner(Some("NAV"), &["AID"])), OwnerRelation::SameAgency);
        assert_eq!(OwnerRelation::of(&nav, &owner(Some("IMDi"), &["AID"])), OwnerRelation::SameSector);
        assert_eq!(OwnerRelation::of(&nav, &owner(Some("Skatteetaten"), &["FIN"])), OwnerRelation::CrossSector);
        assert_eq!(OwnerRelation::of(&nav, &owner(Some("Oslo kommune"), &[])), OwnerRelation::CrossSector);
        assert_eq!(OwnerRelation::of(&nav, &owner(None, &[])), OwnerRelation::Unknown);
    }

    #[test]
    fn jaccard_is_shared_over_all_when_both_have_some() {
        assert_eq!(jaccard(&["a", "b"], &["b", "c"]), Some(1.0 / 3.0));
        assert_eq!(jaccard(&["a"], &["a"]), Some(1.0));
        assert_eq!(jaccard(&["a"], &["b"]), Some(0.0));
        assert_eq!(jaccard::<&str>(&[], &["b"]), None);
    }

    #[test]
    fn combine_weighs_fields_and_handles_missing_descriptions() {
        let cross = OwnerRelation::CrossSector;
        let same = SubScores {
            object_words: 1.0,
            object_spelling: 1.0,
            description_words: 1.0,
            description_spelling: 1.0,
            same_kind: Some(1.0),
            life_events: Some(1.0),
        };
        assert!((combine(&same, true, cross) - 1.0).abs() < 1e-9);
        let title_only = SubScores { description_words: 0.0, description_spelling: 0.0, life_events: None, ..same };
        assert!((combine(&title_only, false, cross) - 1.0).abs() < 1e-9);
        assert!(combine(&title_only, true, cross) < 0.5);
        let other_kind = SubScores { same_kind: Some(0.0), ..same };
        assert!(combine(&other_kind, true, cross) <= 0.5);
        let other_events = SubScores { life_events: Some(0.0), ..same };
        assert!(combine(&other_events, true, cross) < combine(&same, true, cross));
        assert!(combine(&same, true, OwnerRelation::SameAgency) < combine(&same, true, cross));
    }
}
