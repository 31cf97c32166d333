//! One field per column and one column per field, from the evidence of headers and values
//! together, with a confidence for each choice.

use super::super::layout::Field;
use super::lexicon::{Lexicon, Role};
use super::profile::{Profile, contradicts, evidence};
use super::words::HeaderWords;
use serde::{Deserialize, Serialize};

/// How sure samla is that a column holds a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    #[default]
    High,
    /// The analyst said so (`--map`, the preview, or the source's last round).
    Confirmed,
}

impl Confidence {
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
            Confidence::Confirmed => "confirmed",
        }
    }
}

/// Scores below this never make a column a field.
pub const LEAST_SCORE: f64 = 0.5;

const HEAD: f64 = 1.0;
const INNER_HEAD: f64 = 0.8;
const MODIFIER: f64 = 0.3;
const OBJECT_ALONE: f64 = 0.7;
const ASKS: f64 = 0.9;
const UNIT: f64 = 0.4;
const WHOLE_HEADER: f64 = 1.5;
const CONTRADICTED: f64 = 0.7;
const CONTENT_WEIGHT: f64 = 0.95;
const OTHER_NAMED: f64 = 0.3;

/// Every field's score for a header, from its words alone.
pub fn header_scores(header: &str, words: &HeaderWords, lexicon: &Lexicon) -> [f64; Field::COUNT] {
    let mut scores = [0.0; Field::COUNT];
    if let Some(field) = lexicon.whole_header(header) {
        scores[field.index()] = WHOLE_HEADER;
        return scores;
    }
    if words.alternatives.is_empty() {
        return word_scores(words, lexicon);
    }
    for alternative in &words.alternatives {
        let each = word_scores(alternative, lexicon);
        for (score, other) in scores.iter_mut().zip(each) {
            *score = score.max(other);
        }
    }
    scores
}

fn word_scores(words: &HeaderWords, lexicon: &Lexicon) -> [f64; Field::COUNT] {
    let mut scores = [0.0; Field::COUNT];
    if words.asks {
        scores[Field::Description.index()] = ASKS;
        return scores;
    }
    let heads_of = |stem: &str| -> Vec<Field> {
        lexicon.roles(stem).iter().filter_map(|r| if let Role::Head(f) = r { Some(*f) } else { None }).collect()
    };
    let phrase = words.head_phrase();
    let phrase = if phrase.is_empty() { words.words.as_slice() } else { phrase };
    // The head: the last word of the head phrase, or failing that its last known word.
    let head = phrase.iter().enumerate().rev().find(|(_, w)| !heads_of(w).is_empty());
    if let Some((at, stem)) = head {
        let weight = if at + 1 == phrase.len() { HEAD } else { INNER_HEAD };
        for field in heads_of(stem) {
            scores[field.index()] += weight;
        }
    }
    for (at, stem) in words.words.iter().enumerate() {
        if head.is_some_and(|(h, _)| h == at) {
            continue;
        }
        for role in lexicon.roles(stem) {
            match role {
                Role::Head(field) | Role::Modifier(field) => scores[field.index()] += MODIFIER,
                Role::Object => {}
            }
        }
    }
    let objects = words.words.iter().any(|w| lexicon.roles(w).contains(&Role::Object));
    if head.is_none() && objects {
        scores[Field::Title.index()] += OBJECT_ALONE;
    }
    if words.unit_factor.is_some() || words.foreign_currency.is_some() {
        scores[Field::AmountNok.index()] += UNIT;
    }
    // Money words name the requested amount and the total cost alike; "total", "samlet"
    // lean to the one, "søkt", "requested" to the other.
    let money = scores[Field::AmountNok.index()];
    let total = scores[Field::TotalCostNok.index()];
    if money > 0.0 {
        scores[Field::TotalCostNok.index()] = money * 0.9 + total;
        scores[Field::AmountNok.index()] = money - total * 0.5;
    } else {
        scores[Field::TotalCostNok.index()] = 0.0;
    }
    scores
}

/// The score of `column` for each field: its header's plus its values'.
pub fn column_scores(header: [f64; Field::COUNT], profile: &Profile) -> [f64; Field::COUNT] {
    let mut scores = header;
    // A header that plainly names one field leaves the values little say for another (a
    // column of unique numbers headed "Beløp 2028" is money, not a key).
    let named = Field::ALL.into_iter().find(|f| header[f.index()] >= HEAD);
    for field in Field::ALL {
        let i = field.index();
        // Values count slightly less than a header saying the same: at a tie, the words
        // the sector chose decide.
        let weight = match named {
            Some(other) if other != field && header[i] < LEAST_SCORE => CONTENT_WEIGHT * OTHER_NAMED,
            _ => CONTENT_WEIGHT,
        };
        scores[i] += evidence(profile, field) * weight;
        if header[i] >= LEAST_SCORE && contradicts(profile, field) {
            scores[i] -= CONTRADICTED;
        }
    }
    // Long text is a description, not a title, whatever the header says.
    if profile.mean_words >= 14.0 {
        scores[Field::Title.index()] -= 0.4;
    }
    scores
}

/// One choice: a column, its field, its score and how sure samla is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Choice {
    pub column: usize,
    pub field: Field,
    pub score: f64,
    pub confidence: Confidence,
}

/// Chooses, best score first, a field for each column and a column for each field among
/// `scores[column][field]`, skipping `taken` columns and fields (the analyst's).
pub fn assign(scores: &[[f64; Field::COUNT]], taken_columns: &[usize], taken_fields: &[Field]) -> Vec<Choice> {
    let mut candidates: Vec<(usize, Field, f64)> = Vec::new();
    for (column, row) in scores.iter().enumerate() {
        if taken_columns.contains(&column) {
            continue;
        }
        for field in Field::ALL {
            let score = row[field.index()];
            if score >= LEAST_SCORE && !taken_fields.contains(&field) {
                candidates.push((column, field, score));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<Choice> = Vec::new();
    for (column, field, score) in candidates {
        if chosen.iter().any(|c| c.column == column || c.field == field) {
            continue;
        }
        let rival = scores
            .iter()
            .enumerate()
            .filter(|(c, _)| *c != column)
            .map(|(_, row)| row[field.index()])
            .fold(0.0, f64::max);
        chosen.push(Choice { column, field, score, confidence: confidence(score, score - rival) });
    }
    money_rule(&mut chosen, scores);
    chosen
}

/// High: a clear header, well ahead of any other column. Medium: a fair score ahead, or
/// values alone with no rival near (a column of short unique texts beside the long ones).
/// Low: another column claims the field almost as strongly.
fn confidence(score: f64, margin: f64) -> Confidence {
    if score >= 1.0 && margin >= 0.3 {
        Confidence::High
    } else if (score >= 0.7 && margin >= 0.15) || margin >= 0.4 {
        Confidence::Medium
    } else {
        Confidence::Low
    }
}

/// One money column is the requested amount, whatever its modifiers say ("Totalbudsjett"
/// is what a sector asks for when it sends nothing else).
fn money_rule(chosen: &mut [Choice], scores: &[[f64; Field::COUNT]]) {
    let has_amount = chosen.iter().any(|c| c.field == Field::AmountNok);
    if has_amount {
        return;
    }
    if let Some(total) = chosen.iter_mut().find(|c| c.field == Field::TotalCostNok) {
        let score = scores[total.column][Field::AmountNok.index()].max(total.score);
        *total = Choice { field: Field::AmountNok, score, ..*total };
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::read_header;
    use super::*;

    fn best(header: &str) -> Option<(Field, f64)> {
        let lexicon = Lexicon::builtin();
        let scores = header_scores(header, &read_header(header, &lexicon), &lexicon);
        Field::ALL
            .into_iter()
            .map(|f| (f, scores[f.index()]))
            .filter(|(_, s)| *s >= LEAST_SCORE)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn field(header: &str) -> Option<Field> {
        best(header).map(|(f, _)| f)
    }

    #[test]
    fn the_head_word_decides_and_modifiers_lean() {
        assert_eq!(field("Navn på tiltaket"), Some(Field::Title));
        assert_eq!(field("Tiltakets beskrivelse"), Some(Field::Description));
        assert_eq!(field("Prosjekt-ID"), Some(Field::Key));
        assert_eq!(field("Hoveddepartement"), Some(Field::Ministry));
        assert_eq!(field("Ansvarlig virksomhet"), Some(Field::Agency));
        assert_eq!(field("Søkt beløp (mill. kr)"), Some(Field::AmountNok));
        assert_eq!(field("Samlet kostnad"), Some(Field::TotalCostNok));
        assert_eq!(field("Risiko for forsinkelse"), Some(Field::Risk));
        assert_eq!(field("Hvilket problem løses?"), Some(Field::Description));
        assert_eq!(field("Om ordningen"), Some(Field::Description));
        assert_eq!(field("Tiltak"), Some(Field::Title), "an object alone is its name");
        assert_eq!(field("Kontaktperson"), None);
    }

    #[test]
    fn one_money_column_is_the_requested_amount() {
        let amount = [0.0; Field::COUNT];
        let mut total = [0.0; Field::COUNT];
        total[Field::TotalCostNok.index()] = 1.2;
        let chosen = assign(&[amount, total], &[], &[]);
        assert_eq!(chosen.iter().map(|c| (c.column, c.field)).collect::<Vec<_>>(), vec![(1, Field::AmountNok)]);
    }

    #[test]
    fn each_column_and_field_is_chosen_once_best_first() {
        let mut a = [0.0; Field::COUNT];
        a[Field::Title.index()] = 1.0;
        a[Field::Description.index()] = 0.9;
        let mut b = [0.0; Field::COUNT];
        b[Field::Title.index()] = 0.6;
        b[Field::Description.index()] = 0.8;
        let chosen = assign(&[a, b], &[], &[]);
        let pairs: Vec<(usize, Field)> = chosen.iter().map(|c| (c.column, c.field)).collect();
        assert_eq!(pairs, vec![(0, Field::Title), (1, Field::Description)]);
        assert_eq!(chosen[0].confidence, Confidence::High);
        assert_eq!(chosen[1].confidence, Confidence::Low, "0.8 against a rival at 0.9");
    }
}
