//! What each distinct word of a portfolio contributes, worked out once: whether it says how
//! (a kind of service, a generic word) or what (the object), the terms and concepts it
//! adds to a title's object, and its terms in a description.

use super::acronyms::Expansion;
use super::cognate;
use super::compound::CompoundSplitter;
use super::grams::TrigramVocabulary;
use super::kinds::{KindSet, ServiceKinds};
use super::language::Language;
use super::lexicon::{ConceptId, Lexicon};
use super::normalise::Normaliser;
use super::reading::Reading;
use super::vocabulary::{TermId, Vocabulary};
use super::{FastMap, FastSet};

/// A compound that splits into known parts is counted mostly through its parts, so
/// "dødsboløsning" meets "løsning for dødsbo"; the whole word keeps some weight so two
/// titles with the same compound still score a little higher.
const PART_BOOST: f32 = 1.0;
const SPLIT_WHOLE_BOOST: f32 = 0.5;
/// An acronym's or code name's expansion stands in for it at a lower weight (it may be
/// partial or a guess from other records).
const EXPANSION_BOOST: f32 = 0.7;
/// A concept a word names counts beside the word itself, less: a shared concept is weaker
/// evidence than a shared word (Los's synonyms are broad), but it is what crosses languages.
pub(crate) const CONCEPT_BOOST: f32 = 0.5;

/// What one distinct word contributes.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordInfo {
    /// The service kinds it names, and whether it or a part says how.
    pub kinds: (KindSet, bool),
    /// Says how rather than what (a service kind's or a generic word).
    pub how: bool,
    /// Object terms (with boosts) it adds to a title, empty for a how word: its stem,
    /// compound parts, expansion, and the concepts it names.
    pub object_terms: Vec<(TermId, f32)>,
    /// What it adds to a title's object as compared across languages: the concepts it names
    /// and its cognate key ("frequency" and "frekvens" share one; see `cognate`).
    pub object_concepts: Vec<(TermId, f32)>,
    /// The trigrams of the pieces that say what (its object spelling).
    pub object_grams: Vec<TermId>,
    pub description_term: TermId,
    /// The concepts it names and its cognate key, as description terms.
    pub description_concepts: Vec<TermId>,
    pub grams: Vec<TermId>,
    /// The concepts it names (for explaining a pair).
    pub concepts: Vec<ConceptId>,
}

/// The vocabularies a portfolio's words are interned in.
pub(crate) struct Terms<'a> {
    pub object: &'a mut Vocabulary,
    pub description: &'a mut Vocabulary,
}

/// The term of a concept in any vocabulary: '#' and its number, never a stem.
pub(crate) fn concept_term(id: ConceptId) -> String {
    format!("#{id}")
}

/// The concept a term stands for, if it is a concept term.
pub(crate) fn term_concept(term: &str) -> Option<ConceptId> {
    term.strip_prefix('#')?.parse().ok()
}

/// The compound parts of every distinct word (none for English words or words that do
/// not split), split into words the portfolio uses alone or the lexicon knows; the known
/// words a Norwegian word that does not split begins or ends with (its members, for
/// concepts and cognates); and the bytes splitting cost.
pub(crate) fn compound_parts(reading: &Reading, lexicon: &Lexicon) -> (Vec<Vec<String>>, Vec<Vec<String>>, u64) {
    let words = &reading.words;
    let norwegian = (0..words.len()).filter(|&id| !words.english[id]);
    let standalone: FastSet<&str> = norwegian
        .flat_map(|id| [words.folded[id].as_str(), words.stem[id].as_str()])
        .chain(lexicon.norwegian_words())
        .collect();
    let mut splitter = CompoundSplitter::new(standalone);
    let parts: Vec<Vec<String>> = (0..words.len())
        .map(|id| if words.english[id] { Vec::new() } else { splitter.split(&words.folded[id]) })
        .collect();
    let members =
        (0..words.len())
            .map(|id| {
                if words.english[id] || !parts[id].is_empty() {
                    Vec::new()
                } else {
                    splitter.members(&words.folded[id])
                }
            })
            .collect();
    (parts, members, splitter.work())
}

/// Every distinct word's contribution; `parts[w]` are word w's compound parts, `members[w]`
/// the known words it begins or ends with when it does not split.
pub(crate) fn build(
    reading: &Reading,
    (parts, members): (&[Vec<String>], &[Vec<String>]),
    kinds: &ServiceKinds,
    lexicon: &Lexicon,
    expansions: &FastMap<u32, Expansion>,
    mut terms: Terms<'_>,
) -> Vec<WordInfo> {
    let words = &reading.words;
    let mut normaliser = Normaliser::new();
    let mut infos: Vec<WordInfo> = (0..words.len() as u32)
        .map(|id| {
            let (parts, members) = (&parts[id as usize], &members[id as usize]);
            let word = Word { id, language: words.language(id), reading, parts, members };
            word.info(kinds, lexicon, &mut normaliser, &mut terms)
        })
        .collect();
    for (&id, expansion) in expansions {
        infos[id as usize] = expanded(&infos, id as usize, expansion);
    }
    infos
}

/// One word of the reading, for working out its contribution.
struct Word<'r> {
    id: u32,
    language: Language,
    reading: &'r Reading,
    parts: &'r [String],
    members: &'r [String],
}

impl Word<'_> {
    fn info(
        &self,
        kinds: &ServiceKinds,
        lexicon: &Lexicon,
        normaliser: &mut Normaliser,
        terms: &mut Terms<'_>,
    ) -> WordInfo {
        let words = &self.reading.words;
        let (folded, stem) = (&words.folded[self.id as usize], &words.stem[self.id as usize]);
        let parts = self.parts;
        // A compound says how only if all its parts do: "nasjonalpark" is an object.
        let how = kinds.is_how_word(folded) && parts.iter().all(|part| kinds.is_how_word(part));
        let what_parts: Vec<&String> = parts.iter().filter(|part| !kinds.is_how_word(part)).collect();
        let mut concepts: Vec<ConceptId> = lexicon.concepts_of_stem(stem, self.language).to_vec();
        let part_stems: Vec<String> = what_parts.iter().map(|part| normaliser.stem(part)).collect();
        let member_stems: Vec<String> = self.members.iter().map(|member| normaliser.stem(member)).collect();
        for part_stem in part_stems.iter().chain(&member_stems) {
            concepts.extend_from_slice(lexicon.concepts_of_stem(part_stem, Language::Bokmal));
        }
        concepts.sort_unstable();
        concepts.dedup();
        let concept_ids: Vec<TermId> = concepts.iter().map(|&c| terms.object_intern(&concept_term(c))).collect();
        // The word's cognate key, and its parts' and members' (a compound is a phrase in
        // English: "dyrevelferd" + "rapport", "animal welfare report").
        let english = !self.language.is_norwegian();
        let pieces = std::iter::once(folded).chain(what_parts.iter().copied()).chain(self.members);
        let mut cognates: Vec<String> =
            pieces.filter_map(|piece| cognate::key(piece, english)).map(|key| format!("~{key}")).collect();
        cognates.dedup();
        let mut info = WordInfo { kinds: kinds.word_kinds(folded, parts), how, concepts, ..WordInfo::default() };
        if !how {
            let whole = if parts.is_empty() { 1.0 } else { SPLIT_WHOLE_BOOST };
            info.object_terms.push((terms.object_intern(stem), whole));
            info.object_terms.extend(part_stems.iter().map(|s| (terms.object_intern(s), PART_BOOST)));
            info.object_terms.extend(concept_ids.iter().map(|&c| (c, CONCEPT_BOOST)));
            info.object_concepts = concept_ids.iter().map(|&c| (c, 1.0)).collect();
            for key in &cognates {
                info.object_concepts.push((terms.object_intern(key), 1.0));
            }
            for part in &what_parts {
                TrigramVocabulary::trigrams(part, &mut info.object_grams);
            }
            if what_parts.is_empty() {
                TrigramVocabulary::trigrams(folded, &mut info.object_grams);
            }
        }
        info.description_term = terms.description_intern(stem);
        info.description_concepts = info.concepts.iter().map(|&c| terms.description_intern(&concept_term(c))).collect();
        for key in &cognates {
            info.description_concepts.push(terms.description_intern(key));
        }
        TrigramVocabulary::trigrams(folded, &mut info.grams);
        info
    }
}

impl Terms<'_> {
    fn object_intern(&mut self, term: &str) -> TermId {
        self.object.intern(term)
    }

    fn description_intern(&mut self, term: &str) -> TermId {
        self.description.intern(term)
    }
}

/// The concepts each object term names: a word's stem and parts name the word's concepts.
pub(crate) fn term_concepts(infos: &[WordInfo]) -> FastMap<TermId, Vec<ConceptId>> {
    let mut out: FastMap<TermId, Vec<ConceptId>> = FastMap::default();
    for info in infos.iter().filter(|i| !i.concepts.is_empty()) {
        for &(term, _) in &info.object_terms {
            let list = out.entry(term).or_default();
            list.extend(info.concepts.iter().filter(|c| !list.contains(c)).copied().collect::<Vec<_>>());
        }
    }
    out
}

/// A code name's or acronym's contribution once its expansion is known: what its words
/// say (at a lower weight), and its own term only when the expansion is a guess. (Where it
/// labels words of its own title it is left out of that title: see `features`.)
fn expanded(infos: &[WordInfo], id: usize, expansion: &Expansion) -> WordInfo {
    let own = &infos[id];
    let mut info = own.clone();
    let scale = |list: &[(TermId, f32)], by: f32| list.iter().map(|&(t, w)| (t, w * by)).collect::<Vec<_>>();
    if expansion.within {
        info.object_terms.clear();
        info.object_concepts.clear();
        info.object_grams.clear();
    } else {
        info.object_terms = scale(&own.object_terms, SPLIT_WHOLE_BOOST);
    }
    for &word in &expansion.words {
        let other = &infos[word as usize];
        info.object_terms.extend(scale(&other.object_terms, EXPANSION_BOOST));
        info.object_concepts.extend(scale(&other.object_concepts, EXPANSION_BOOST));
        info.object_grams.extend_from_slice(&other.object_grams);
        info.kinds.0 |= other.kinds.0;
    }
    info.how = info.object_terms.is_empty();
    info
}
