//! Kinds of service learnt from the portfolio itself, with the built-in lexicon
//! (`data/service_kinds.toml`) only as a seed: a kind of action that no list names
//! ("Timebestilling for X", "Bestilling av time til X") works without a code change.
//!
//! 1. Per record, the object is the title's rarest word that its own description repeats
//!    (the description always names what the initiative works on); the rest of the title
//!    is how it works on it.
//! 2. A word is action wording when it recurs in titles with several different objects and
//!    is itself hardly ever a record's object.
//! 3. Action wordings are grouped into kinds by what the descriptions of their records say
//!    (the words that are more frequent there than in the portfolio: PPMI): a wording joins
//!    the seed kind or learnt kind whose descriptions read most like its own, else it starts
//!    a kind of its own.
//! 4. A wording that appears beside many different kinds says nothing about the kind
//!    ("forbedret", "moderne"): it is generic.

use super::kinds::{KindSet, ServiceKinds};
use super::language::Language;
use super::lexicon::Lexicon;
use super::normalise::Normaliser;
use super::reading::Reading;
use super::vocabulary::SparseVector;
use super::{FastMap, FastSet};

/// A wording must be in this many titles to be learnt.
const MIN_ROWS: usize = 3;
/// ... be the object of at most this share of them ...
const MAX_OBJECT_SHARE: f64 = 0.2;
/// ... and appear with at least this many different objects.
const MIN_OBJECTS: usize = 3;
/// A wording joins a kind whose descriptions read at least this much like its own (cosine).
const JOIN: f32 = 0.3;
/// A wording beside at least this many different kinds, none of them in half its titles,
/// is generic.
const GENERIC_KINDS: usize = 3;
const GENERIC_SHARE: f64 = 0.5;
/// A wording's descriptions are read from at most this many records: enough to know it.
const CONTEXT_ROWS: usize = 1_000;
/// The description words that characterise a wording most.
const CONTEXT_TERMS: usize = 64;

/// What was learnt: the units (words or compound parts, folded) read as action wording,
/// with their kinds (an empty set for a generic word), and the names of the new kinds.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Learned {
    pub units: Vec<(String, Vec<usize>)>,
    /// New kinds, numbered after the seed's, each named by its most used wording.
    pub new_kinds: Vec<String>,
}

/// The portfolio's titles and descriptions as units and tokens.
struct Corpus {
    /// Unit strings by id.
    units: Vec<String>,
    /// Each record's title units (without repeats) and description tokens (without repeats).
    titles: Vec<Vec<u32>>,
    descriptions: Vec<Vec<u32>>,
    /// Each record's object: the units of the title word it works on (all parts of a
    /// compound: "kort" of "parkeringskort" is the object's, not a wording), and the rarest
    /// of them, which names it.
    objects: Vec<(Vec<u32>, Option<u32>)>,
    /// Whether each unit is an English word.
    english: Vec<bool>,
    /// Records whose description has each token.
    token_records: FastMap<u32, u32>,
    with_description: u32,
}

/// Learns kinds from `reading` (`parts[w]`: word w's compound parts), seeded by `seed`.
pub(crate) fn learn(reading: &Reading, parts: &[Vec<String>], seed: &ServiceKinds, lexicon: &Lexicon) -> Learned {
    let corpus = Corpus::read(reading, parts, seed, lexicon);
    let wordings = corpus.action_wordings(seed);
    if wordings.is_empty() {
        return Learned::default();
    }
    let mut rows: FastMap<u32, Vec<usize>> = FastMap::default();
    for (record, title) in corpus.titles.iter().enumerate() {
        for &unit in title {
            rows.entry(unit).or_default().push(record);
        }
    }
    let context = |unit: u32| corpus.context(rows.get(&unit).map_or(&[][..], Vec::as_slice));
    // The seed's kinds, each as what the descriptions of its wordings say.
    let mut kinds: Kinds =
        Kinds { centroids: vec![FastMap::default(); seed.len()], seed: seed.len(), names: Vec::new() };
    let mut assigned: FastMap<u32, usize> = FastMap::default();
    for unit in 0..corpus.units.len() as u32 {
        let set = seed.kinds_of_word(&corpus.units[unit as usize]);
        if set.is_power_of_two() && rows.contains_key(&unit) {
            add(&mut kinds.centroids[set.trailing_zeros() as usize], &context(unit));
            assigned.insert(unit, set.trailing_zeros() as usize);
        }
    }
    // A wording that names the concept a kind's wording names ("notifications", "varsling")
    // is of that kind, whatever the language of its descriptions.
    let concepts = |unit: u32| corpus.concepts(unit, lexicon);
    let mut kind_of_concept: FastMap<u32, usize> = FastMap::default();
    for (&unit, &kind) in &assigned {
        for &c in &concepts(unit) {
            kind_of_concept.entry(c).or_insert(kind);
        }
    }
    for &unit in &wordings {
        let linked = concepts(unit).iter().find_map(|c| kind_of_concept.get(c).copied());
        let kind = match linked {
            Some(kind) => Some(kind),
            None => kinds.place(&context(unit), || corpus.name(unit, reading)),
        };
        if let Some(kind) = kind {
            assigned.insert(unit, kind);
            for &c in &concepts(unit) {
                kind_of_concept.entry(c).or_insert(kind);
            }
        }
    }
    corpus.settle(&wordings, &assigned, kinds)
}

/// The kinds as they are learnt: the seed's and new ones, each with its centroid.
struct Kinds {
    centroids: Vec<FastMap<u32, f32>>,
    seed: usize,
    /// The new kinds' names.
    names: Vec<String>,
}

impl Kinds {
    /// The kind a wording with this context joins (the most alike, if alike enough), else
    /// a new kind named `name()`; None when no kind is left to start.
    fn place(&mut self, context: &SparseVector, name: impl FnOnce() -> String) -> Option<usize> {
        let best = self
            .centroids
            .iter()
            .enumerate()
            .map(|(kind, centroid)| (kind, similarity(centroid, context)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        let kind = match best {
            Some((kind, alike)) if alike >= JOIN => kind,
            _ if self.centroids.len() < KindSet::BITS as usize => {
                self.names.push(name());
                self.centroids.push(FastMap::default());
                self.centroids.len() - 1
            }
            _ => return None,
        };
        add(&mut self.centroids[kind], context);
        Some(kind)
    }
}

impl Corpus {
    /// Reads titles into units and descriptions into tokens, and finds each record's object.
    fn read(reading: &Reading, parts: &[Vec<String>], seed: &ServiceKinds, lexicon: &Lexicon) -> Self {
        let words = &reading.words;
        let mut ids: FastMap<String, u32> = FastMap::default();
        let mut units: Vec<String> = Vec::new();
        let mut english: Vec<bool> = Vec::new();
        let mut intern = |unit: &str, in_english: bool| -> u32 {
            *ids.entry(unit.to_string()).or_insert_with(|| {
                units.push(unit.to_string());
                english.push(in_english);
                units.len() as u32 - 1
            })
        };
        let word_units: Vec<Vec<u32>> = (0..words.len())
            .map(|w| {
                if parts[w].is_empty() {
                    vec![intern(&words.folded[w], words.english[w])]
                } else {
                    parts[w].iter().map(|p| intern(p, false)).collect()
                }
            })
            .collect();
        let tokens = description_tokens(reading, lexicon);
        let stems = unit_stems(&units);
        let how: Vec<bool> = units.iter().map(|u| seed.is_how_word(u)).collect();
        let mut corpus = Corpus {
            units,
            titles: Vec::new(),
            descriptions: Vec::new(),
            objects: Vec::new(),
            english,
            token_records: FastMap::default(),
            with_description: 0,
        };
        // Per record, the what words its description repeats (else all its what words).
        let mut object_candidates: Vec<Vec<u32>> = Vec::new();
        for (title, description) in reading.titles.iter().zip(&reading.descriptions) {
            let title_units = unique(title.iter().flat_map(|&w| word_units[w as usize].iter().copied()));
            let told: FastSet<&str> = description
                .iter()
                .flat_map(|&w| std::iter::once(&words.stem[w as usize]).chain(&parts[w as usize]))
                .map(String::as_str)
                .collect();
            let what = |w: &&u32| word_units[**w as usize].iter().any(|&u| !how[u as usize]);
            let repeated = |w: &&u32| {
                word_units[**w as usize].iter().filter(|&&u| !how[u as usize]).any(|&u| {
                    told.contains(corpus.units[u as usize].as_str()) || told.contains(stems[u as usize].as_str())
                })
            };
            let repeated: Vec<u32> = title.iter().filter(what).filter(repeated).copied().collect();
            let what: Vec<u32> = title.iter().filter(what).copied().collect();
            object_candidates.push(if repeated.is_empty() { what } else { repeated });
            let described = unique(description.iter().flat_map(|&w| tokens[w as usize].iter().copied()));
            corpus.with_description += u32::from(!described.is_empty());
            for &token in &described {
                *corpus.token_records.entry(token).or_default() += 1;
            }
            corpus.titles.push(title_units);
            corpus.descriptions.push(described);
        }
        let frequency = corpus.title_frequency();
        // A word is as rare as its rarest what unit.
        let rarest = |w: u32| {
            word_units[w as usize]
                .iter()
                .copied()
                .filter(|&u| !how[u as usize])
                .min_by_key(|&u| (frequency[u as usize], u))
        };
        corpus.objects = object_candidates
            .iter()
            .map(|candidates| {
                let word = candidates.iter().copied().min_by_key(|&w| rarest(w).map(|u| (frequency[u as usize], u)));
                word.map_or((Vec::new(), None), |w| (word_units[w as usize].clone(), rarest(w)))
            })
            .collect();
        corpus
    }

    /// In how many titles each unit is.
    fn title_frequency(&self) -> Vec<u32> {
        let mut frequency = vec![0u32; self.units.len()];
        for title in &self.titles {
            for &unit in title {
                frequency[unit as usize] += 1;
            }
        }
        frequency
    }

    /// The units that are action wording and not in the seed, most used first.
    fn action_wordings(&self, seed: &ServiceKinds) -> Vec<u32> {
        let frequency = self.title_frequency();
        let mut object_rows = vec![0u32; self.units.len()];
        let mut objects_beside: Vec<FastSet<u32>> = vec![FastSet::default(); self.units.len()];
        for (title, (object, name)) in self.titles.iter().zip(&self.objects) {
            for &unit in title {
                if object.contains(&unit) {
                    object_rows[unit as usize] += 1;
                } else if let Some(name) = name {
                    objects_beside[unit as usize].insert(*name);
                }
            }
        }
        let mut wordings: Vec<u32> = (0..self.units.len() as u32)
            .filter(|&u| {
                let (rows, i) = (frequency[u as usize] as usize, u as usize);
                rows >= MIN_ROWS
                    && f64::from(object_rows[i]) <= MAX_OBJECT_SHARE * rows as f64
                    && objects_beside[i].len() >= MIN_OBJECTS
                    && !seed.is_how_word(&self.units[i])
                    && self.units[i].len() > 2
            })
            .collect();
        wordings.sort_by_key(|&u| (std::cmp::Reverse(frequency[u as usize]), u));
        wordings
    }

    /// What the descriptions of a unit's records say more often than the portfolio's do:
    /// positive pointwise mutual information of each token, the strongest kept.
    fn context(&self, rows: &[usize]) -> SparseVector {
        let mut counts: FastMap<u32, u32> = FastMap::default();
        let mut described = 0u32;
        for &record in rows.iter().take(CONTEXT_ROWS) {
            let tokens = &self.descriptions[record];
            described += u32::from(!tokens.is_empty());
            for &token in tokens {
                *counts.entry(token).or_default() += 1;
            }
        }
        let (total, described) = (f64::from(self.with_description.max(1)), f64::from(described.max(1)));
        let mut entries: Vec<(u32, f32)> = counts
            .into_iter()
            .filter(|&(_, n)| n >= 2)
            .filter_map(|(token, n)| {
                let overall = f64::from(*self.token_records.get(&token)?) / total;
                let pmi = ((f64::from(n) / described) / overall).ln();
                (pmi > 0.0).then_some((token, pmi as f32))
            })
            .collect();
        entries.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        entries.truncate(CONTEXT_TERMS);
        SparseVector::normalised(entries)
    }

    /// The concepts a unit names.
    fn concepts(&self, unit: u32, lexicon: &Lexicon) -> Vec<u32> {
        let english = self.english[unit as usize];
        let language = if english { Language::English } else { Language::Bokmal };
        let stem = Normaliser::new().stem_in(&self.units[unit as usize], language);
        lexicon.concepts_of_stem(&stem, language).to_vec()
    }

    /// A unit as a kind is named: the word as first written with its stem, else folded.
    fn name(&self, unit: u32, reading: &Reading) -> String {
        let unit = &self.units[unit as usize];
        let stem = Normaliser::new().stem(unit);
        reading.display.get(&stem).cloned().unwrap_or_else(|| unit.clone())
    }

    /// What was learnt: each wording with its kind, or generic when it stands beside too
    /// many kinds (`assigned` holds the seed's wordings too); new kinds left without a
    /// wording are dropped.
    fn settle(&self, wordings: &[u32], assigned: &FastMap<u32, usize>, kinds: Kinds) -> Learned {
        let mut beside: FastMap<u32, FastMap<usize, u32>> = FastMap::default();
        for title in &self.titles {
            for &unit in title.iter().filter(|u| assigned.contains_key(u)) {
                for other in title.iter().filter(|&&o| o != unit).filter_map(|o| assigned.get(o)) {
                    *beside.entry(unit).or_default().entry(*other).or_default() += 1;
                }
            }
        }
        let generic = |unit: u32| {
            let Some(kinds) = beside.get(&unit) else { return false };
            let total: u32 = kinds.values().sum();
            let top = kinds.values().max().copied().unwrap_or(0);
            kinds.len() >= GENERIC_KINDS && f64::from(top) < GENERIC_SHARE * f64::from(total)
        };
        let mut used = vec![false; kinds.centroids.len()];
        let placed: Vec<(u32, Option<usize>)> = wordings
            .iter()
            .filter_map(|&u| assigned.get(&u).map(|&k| (u, (!generic(u)).then_some(k))))
            .inspect(|(_, k)| k.iter().for_each(|&k| used[k] = true))
            .collect();
        // New kinds renumbered without the unused ones.
        let mut number: Vec<Option<usize>> = (0..kinds.seed).map(Some).collect();
        let mut new_kinds = Vec::new();
        for (index, name) in kinds.names.into_iter().enumerate() {
            number.push(used[kinds.seed + index].then(|| kinds.seed + new_kinds.len()));
            if used[kinds.seed + index] {
                new_kinds.push(name);
            }
        }
        let mut units: Vec<(String, Vec<usize>)> = placed
            .into_iter()
            .map(|(u, k)| (self.units[u as usize].clone(), k.and_then(|k| number[k]).into_iter().collect()))
            .collect();
        units.sort();
        Learned { units, new_kinds }
    }
}

/// Each description word's tokens: its stem, and the concepts it names and its cognate key
/// (so that wordings in two languages can read alike).
fn description_tokens(reading: &Reading, lexicon: &Lexicon) -> Vec<Vec<u32>> {
    let words = &reading.words;
    let mut ids: FastMap<String, u32> = FastMap::default();
    let mut next = 0u32;
    (0..words.len())
        .map(|w| {
            let concepts = lexicon.concepts_of_stem(&words.stem[w], words.language(w as u32));
            let cognate = super::cognate::key(&words.folded[w], words.english[w]).map(|key| format!("~{key}"));
            let keys =
                std::iter::once(words.stem[w].clone()).chain(concepts.iter().map(|c| format!("#{c}"))).chain(cognate);
            keys.map(|key| {
                *ids.entry(key).or_insert_with(|| {
                    next += 1;
                    next - 1
                })
            })
            .collect()
        })
        .collect()
}

/// The Norwegian stem of each unit.
fn unit_stems(units: &[String]) -> Vec<String> {
    let mut normaliser = Normaliser::new();
    units.iter().map(|u| normaliser.stem(u)).collect()
}

fn unique(items: impl Iterator<Item = u32>) -> Vec<u32> {
    let mut out: Vec<u32> = items.collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Adds a unit vector to a centroid (a sum of unit vectors).
fn add(centroid: &mut FastMap<u32, f32>, vector: &SparseVector) {
    for &(term, weight) in vector.entries() {
        *centroid.entry(term).or_default() += weight;
    }
}

/// The cosine of a centroid and a unit vector.
fn similarity(centroid: &FastMap<u32, f32>, vector: &SparseVector) -> f32 {
    let norm = centroid.values().map(|w| w * w).sum::<f32>().sqrt();
    if norm <= 0.0 {
        return 0.0;
    }
    vector.entries().iter().filter_map(|(term, weight)| centroid.get(term).map(|c| c * weight)).sum::<f32>() / norm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dedupe::reading::read;
    use crate::dedupe::word_info::compound_parts;

    /// Invented rows: a kind of action no list names (calibrating measuring instruments),
    /// written three ways, beside seed kinds, over several objects.
    fn portfolio() -> Vec<(String, String)> {
        let objects = ["drivstoffpumper", "taksametre", "gassmålere", "brovekter", "strømmålere", "fartsmålere"];
        let mut rows = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            let calibrate =
                format!("Måleutstyret justeres mot kjente normaler, og avvik på {object} rapporteres til eieren.");
            let wording = ["Kalibrering av", "Kalibreringstjeneste for", "Årlig kalibrering av"][i % 3];
            rows.push((format!("{wording} {object}"), calibrate));
            rows.push((format!("Statistikk om {object}"), format!("Løpende statistikk om {object} for styring.")));
            rows.push((
                format!("Proaktive varsler om {object}"),
                format!("Eiere får beskjed når noe endres i saker om {object}."),
            ));
        }
        rows
    }

    fn learnt(rows: &[(String, String)]) -> Learned {
        let titles: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
        let descriptions: Vec<Option<String>> = rows.iter().map(|r| Some(r.1.clone())).collect();
        let reading = read(&titles, &descriptions, &vec![Language::Bokmal; rows.len()]);
        let lexicon = Lexicon::builtin();
        let (parts, _, _) = compound_parts(&reading, lexicon);
        learn(&reading, &parts, &ServiceKinds::builtin(), lexicon)
    }

    #[test]
    fn a_kind_no_list_knows_is_learnt_from_its_wordings_and_descriptions() {
        let learned = learnt(&portfolio());
        assert_eq!(learned.new_kinds, vec!["kalibrering"], "{learned:?}");
        let seed = ServiceKinds::builtin().len();
        let kind_of = |unit: &str| learned.units.iter().find(|(u, _)| u == unit).map(|(_, k)| k.clone());
        assert_eq!(kind_of("kalibrering"), Some(vec![seed]), "{learned:?}");
        for object in ["drivstoffpumper", "taksametre", "malere"] {
            assert_eq!(kind_of(object), None, "an object is not action wording: {learned:?}");
        }
    }

    #[test]
    fn a_portfolio_without_new_wordings_learns_no_kind() {
        let rows: Vec<(String, String)> = portfolio().into_iter().filter(|r| !r.0.contains("alibrering")).collect();
        assert!(learnt(&rows).new_kinds.is_empty());
    }
}
