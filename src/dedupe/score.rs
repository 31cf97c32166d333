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
/// Requested amounts further apart than this (the smaller over the larger) ...
const AMOUNTS_APART: f32 = 0.5;
/// ... make one effort less likely: a re-submission or a parallel solution asks for about
/// the same, a different initiative for anything. A mild discount: amounts are estimates.
const AMOUNTS_APART_FACTOR: f64 = 0.9;

/// The similarity of each field, 0 to 1. Single precision: the cosines are computed in it,
/// and a million initiatives' three million pairs each keep one of these.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SubScores {
    /// TF-IDF cosine of the words saying what the titles are about (with compound parts
    /// and the concepts they name).
    pub object_words: f32,
    /// TF-IDF cosine of those words' character trigrams: typos and compounds.
    pub object_spelling: f32,
    /// TF-IDF cosine of the concepts (and names) the titles' objects name: what the titles
    /// are about in terms that cross languages.
    pub object_concepts: f32,
    /// TF-IDF cosine of the descriptions' word stems.
    pub description_words: f32,
    /// TF-IDF cosine of the descriptions' character trigrams.
    pub description_spelling: f32,
    /// TF-IDF cosine of the concepts the descriptions name.
    pub description_concepts: f32,
    /// How far the kinds of service the titles name agree (Jaccard); None when one names
    /// none.
    pub same_kind: Option<f32>,
    /// Jaccard overlap of the life events when both name some.
    pub life_events: Option<f32>,
    /// The smaller requested amount over the larger, when both are known.
    pub amounts: Option<f32>,
    /// One is in English and the other in Norwegian: their words cannot be compared as
    /// written, so the pair is judged on concepts, kinds, amounts, owners and life events.
    pub across_languages: bool,
}

/// What is known of a pair besides its texts: how far its life events and amounts agree.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Facts {
    pub life_events: Option<f32>,
    pub amounts: Option<f32>,
}

/// The smaller of two requested amounts over the larger, when both are known and positive.
pub(crate) fn amount_ratio(a: Option<i64>, b: Option<i64>) -> Option<f32> {
    match (a, b) {
        (Some(a), Some(b)) if a > 0 && b > 0 => Some((a.min(b) as f64 / a.max(b) as f64) as f32),
        _ => None,
    }
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
        Self::of_group([(a.agency.as_deref(), a.ministries.as_slice()), (b.agency.as_deref(), b.ministries.as_slice())])
    }

    /// How the owners of a group of initiatives relate (each its owner agency and
    /// ministries): one agency, one sector, or several sectors. The one definition the
    /// duplicates screen, the CLI and the brief all use; a pair is a group of two.
    ///
    /// A sector is a ministry's area; an owner without a ministry (a municipality, KS) is in
    /// the municipal sector. The group is within one sector when a sector is common to all
    /// its owners. Members without an owner are left out; with fewer than two owners left
    /// the relation is unknown.
    pub fn of_group<'a>(members: impl IntoIterator<Item = (Option<&'a str>, &'a [String])>) -> Self {
        let known: Vec<(String, &[String])> = members
            .into_iter()
            .filter_map(|(agency, ministries)| Some((agency?.trim().to_ascii_lowercase(), ministries)))
            .collect();
        let owners: Vec<Option<&String>> = known.iter().map(|(owner, _)| Some(owner)).collect();
        let ministries: Vec<&[String]> = known.iter().map(|(_, m)| *m).collect();
        Self::among(&owners, &ministries)
    }

    /// From the two owners, each as it is compared (the same agency: equal), and the
    /// ministries above them.
    pub(crate) fn between<A: PartialEq, M: PartialEq>(
        owners: (Option<A>, Option<A>),
        ministries: (&[M], &[M]),
    ) -> Self {
        let (a, b) = owners;
        if a.is_none() || b.is_none() {
            return Self::Unknown;
        }
        Self::among(&[a, b], &[ministries.0, ministries.1])
    }

    /// [`OwnerRelation::of_group`] for owners as they are compared (missing ones left out)
    /// and their ministries.
    fn among<A: PartialEq, M: PartialEq>(owners: &[Option<A>], ministries: &[&[M]]) -> Self {
        let known: Vec<(&A, &[M])> =
            owners.iter().zip(ministries).filter_map(|(owner, m)| Some((owner.as_ref()?, *m))).collect();
        let Some(&(first, first_ministries)) = known.first() else { return Self::Unknown };
        if known.len() < 2 {
            return Self::Unknown;
        }
        if known.iter().all(|(owner, _)| *owner == first) {
            return Self::SameAgency;
        }
        // Municipalities and KS have no ministry: together they are the municipal sector.
        let municipal = known.iter().all(|(_, m)| m.is_empty());
        let shared = first_ministries.iter().any(|sector| known.iter().all(|(_, m)| m.contains(sector)));
        if municipal || shared { Self::SameSector } else { Self::CrossSector }
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
/// dropped before the costly description comparison. None when pruned.
pub fn sub_scores_pruned(
    a: Comparable<'_>,
    b: Comparable<'_>,
    facts: Facts,
    prune: impl Fn(&SubScores) -> bool,
) -> Option<SubScores> {
    let (fa, fb) = (a.features, b.features);
    let same_kind = if fa.kinds == 0 || fb.kinds == 0 {
        None
    } else {
        Some((fa.kinds & fb.kinds).count_ones() as f32 / (fa.kinds | fb.kinds).count_ones() as f32)
    };
    let across_languages = !fa.language.comparable(fb.language);
    let mut scores = SubScores {
        object_words: fa.object_words.cosine(&fb.object_words),
        object_spelling: 1.0,
        object_concepts: fa.object_concepts.cosine(&fb.object_concepts),
        description_words: 1.0,
        description_spelling: 1.0,
        description_concepts: 1.0,
        same_kind,
        life_events: facts.life_events,
        amounts: facts.amounts,
        across_languages,
    };
    if prune(&scores) {
        return None;
    }
    if !across_languages {
        scores.object_spelling = a.object_grams.cosine(&b.object_grams);
        if prune(&scores) {
            return None;
        }
    }
    scores.description_concepts = fa.description_concepts.cosine(&fb.description_concepts);
    if prune(&scores) {
        return None;
    }
    if !across_languages {
        scores.description_spelling = a.description_grams.cosine(&b.description_grams);
        if prune(&scores) {
            return None;
        }
    }
    scores.description_words = fa.description_words.cosine(&fb.description_words);
    if across_languages {
        // Not compared: no spelling is shared across languages.
        scores.object_spelling = 0.0;
        scores.description_spelling = 0.0;
    }
    Some(scores)
}

/// All sub-scores of a pair.
pub fn sub_scores(a: Comparable<'_>, b: Comparable<'_>, facts: Facts) -> SubScores {
    let all = sub_scores_pruned(a, b, facts, |_| false);
    // Never pruned, so always present; the default keeps clippy's unwrap rule.
    all.unwrap_or(SubScores {
        object_words: 0.0,
        object_spelling: 0.0,
        object_concepts: 0.0,
        description_words: 0.0,
        description_spelling: 0.0,
        description_concepts: 0.0,
        same_kind: None,
        life_events: None,
        amounts: None,
        across_languages: false,
    })
}

/// How much the titles say the two are about the same thing: their object words, the
/// concepts those name or their spelling, across languages the concepts alone. A pair below
/// [`super::CANDIDATE_BAR`] here shares at most a common word, and the description alone
/// does not make two initiatives one.
pub fn object_evidence(scores: &SubScores) -> f32 {
    if scores.across_languages {
        scores.object_concepts
    } else {
        // The spelling too: an inflection or a typo ("barnehageplass", "barnehageplasser")
        // is another stem but most of the same letters.
        scores.object_words.max(scores.object_concepts).max(scores.object_spelling)
    }
}

/// The pair's score, 0 to 1. A record without a description is judged by its title alone,
/// rather than being punished for the missing field.
///
/// Within one language the object counts by its words and their spelling and the
/// description by its spelling; across languages, where spelling says nothing, both count
/// by the concepts they name. Kinds, owners, life events and amounts count alike.
pub fn combine(scores: &SubScores, descriptions: bool, owners: OwnerRelation) -> f64 {
    let (object, description) = if scores.across_languages {
        (f64::from(scores.object_concepts), f64::from(scores.description_concepts))
    } else {
        let words = OBJECT_WORDS_WEIGHT * f64::from(scores.object_words)
            + (1.0 - OBJECT_WORDS_WEIGHT) * f64::from(scores.object_spelling);
        (words, f64::from(scores.description_spelling))
    };
    let mut score =
        if descriptions { (1.0 - DESCRIPTION_WEIGHT) * object + DESCRIPTION_WEIGHT * description } else { object };
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
    if scores.amounts.is_some_and(|ratio| ratio < AMOUNTS_APART) {
        score *= AMOUNTS_APART_FACTOR;
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
            ministries: ministries.iter().map(ToString::to_string).collect(),
            life_events: vec![],
            amount_nok: None,
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
        let (oslo, bergen) = (owner(Some("Oslo kommune"), &[]), owner(Some("Bergen kommune"), &[]));
        assert_eq!(OwnerRelation::of(&oslo, &bergen), OwnerRelation::SameSector, "the municipal sector");
        let joint = owner(Some("Helsedirektoratet"), &["HOD", "AID"]);
        assert_eq!(OwnerRelation::of(&nav, &joint), OwnerRelation::SameSector, "AID is common to both");
    }

    #[test]
    fn a_group_and_its_pairs_are_in_sectors_by_one_definition() {
        let members = [
            owner(Some("Nav"), &["AID"]),
            owner(Some("IMDi"), &["AID"]),
            owner(Some("Helsedirektoratet"), &["HOD", "AID"]),
            owner(Some("Skatteetaten"), &["FIN"]),
            owner(Some("Oslo kommune"), &[]),
            owner(Some("Bergen kommune"), &[]),
            owner(Some("NAV "), &["AID"]),
            owner(None, &["AID"]),
        ];
        let group = |ids: &[usize]| {
            OwnerRelation::of_group(
                ids.iter().map(|&i| (members[i].agency.as_deref(), members[i].ministries.as_slice())),
            )
        };
        for i in 0..members.len() {
            for j in 0..members.len() {
                if i != j {
                    assert_eq!(group(&[i, j]), OwnerRelation::of(&members[i], &members[j]), "{i} {j}");
                }
            }
        }
        assert_eq!(group(&[0, 1, 2]), OwnerRelation::SameSector);
        assert_eq!(group(&[0, 1, 3]), OwnerRelation::CrossSector);
        assert_eq!(group(&[4, 5]), OwnerRelation::SameSector);
        assert_eq!(group(&[0, 6, 7]), OwnerRelation::SameAgency, "the owner left out is not counted");
        assert_eq!(group(&[7]), OwnerRelation::Unknown);
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
            object_concepts: 1.0,
            description_words: 1.0,
            description_spelling: 1.0,
            description_concepts: 1.0,
            same_kind: Some(1.0),
            life_events: Some(1.0),
            amounts: Some(0.8),
            across_languages: false,
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
        let other_amounts = SubScores { amounts: Some(0.2), ..same };
        assert!(combine(&other_amounts, true, cross) < combine(&same, true, cross));
        // Across languages the concepts count, not the spelling no two languages share.
        let english = SubScores { object_spelling: 0.1, description_spelling: 0.05, across_languages: true, ..same };
        assert!((combine(&english, true, cross) - 1.0).abs() < 1e-9);
        let no_concepts = SubScores { object_concepts: 0.0, description_concepts: 0.0, ..english };
        assert!(combine(&no_concepts, true, cross) < 0.01);
        assert_eq!(object_evidence(&no_concepts), 0.0);
        assert_eq!(object_evidence(&same), 1.0);
    }

    #[test]
    fn sub_scores_stay_small() {
        // A million initiatives keep three million of these while their pairs are found.
        assert_eq!(std::mem::size_of::<SubScores>(), 52);
    }

    #[test]
    fn amounts_compare_when_both_are_known() {
        assert_eq!(amount_ratio(Some(10), Some(40)), Some(0.25));
        assert_eq!(amount_ratio(Some(40), Some(40)), Some(1.0));
        assert_eq!(amount_ratio(None, Some(40)), None);
        assert_eq!(amount_ratio(Some(0), Some(40)), None);
    }
}
