//! What a column's values say it is, whatever its header: unique short codes are a key,
//! long varied text a description, known agencies an owner, ministries, phases, risks,
//! life events, money, years and dates each by their values.

use super::super::layout::Field;
use super::super::values::{Parsed, ValueVocabulary, YEARS, parse_amount, parse_date, split_list};
use crate::FastSet;
use crate::store::lookup::{OrgKind, Owner, Resolver};

/// The reference data and vocabularies values are recognised by.
pub struct Knowledge<'a> {
    pub resolver: &'a Resolver,
    pub vocabulary: &'a ValueVocabulary,
}

/// Shares (0..1) of a column's filled cells that read as each kind of value, and the
/// shape of its text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// Cells sampled, and those that hold something.
    pub cells: usize,
    pub filled: usize,
    /// Distinct values among the filled.
    pub distinct: f64,
    pub mean_chars: f64,
    pub mean_words: f64,
    /// Cells with a digit; cells with at least three letters.
    pub with_digits: f64,
    pub with_letters: f64,
    /// Whole numbers 1..=5 × rows, all distinct: a running number.
    pub running_number: bool,
    pub money: f64,
    pub years: f64,
    pub dates: f64,
    pub agencies: f64,
    pub ministries: f64,
    pub phases: f64,
    pub risks: f64,
    pub life_events: f64,
    /// The middle of the plain numbers (no unit written in the cell), and the share of
    /// money cells that carry a unit of their own ("12,5 mill.").
    pub plain_median: Option<f64>,
    pub own_units: f64,
    /// A few values, for showing the column to the analyst.
    pub samples: Vec<String>,
}

/// How many values are shown per column when samla asks.
const SAMPLES: usize = 3;

/// Profiles one column from its cells (`number` for spreadsheet numbers).
pub fn profile<'c>(cells: impl Iterator<Item = (&'c str, Option<f64>)>, knowledge: &Knowledge<'_>) -> Profile {
    let mut p = Profile::default();
    let mut seen: FastSet<&str> = FastSet::default();
    let mut integers: Vec<f64> = Vec::new();
    let mut counts = Counts::default();
    for (text, number) in cells {
        p.cells += 1;
        let trimmed = text.trim();
        if trimmed.is_empty() && number.is_none() {
            continue;
        }
        p.filled += 1;
        seen.insert(trimmed);
        if p.samples.len() < SAMPLES && !p.samples.iter().any(|s| s == trimmed) {
            p.samples.push(crate::text::shorten(trimmed, 60));
        }
        counts.chars += trimmed.chars().count();
        counts.words += trimmed.split_whitespace().count();
        counts.digits += usize::from(trimmed.bytes().any(|b| b.is_ascii_digit()) || number.is_some());
        counts.letters += usize::from(trimmed.chars().filter(|c| c.is_alphabetic()).count() >= 3);
        let value = number.or_else(|| trimmed.parse::<f64>().ok());
        if let Some(n) = value.filter(|n| n.fract() == 0.0 && *n >= 0.0) {
            integers.push(n);
        }
        counts.add_kinds(trimmed, number, knowledge);
    }
    if p.filled == 0 {
        return p;
    }
    let filled = p.filled as f64;
    p.distinct = seen.len() as f64 / filled;
    p.mean_chars = counts.chars as f64 / filled;
    p.mean_words = counts.words as f64 / filled;
    p.with_digits = counts.digits as f64 / filled;
    p.with_letters = counts.letters as f64 / filled;
    p.running_number = integers.len() == p.filled
        && seen.len() == p.filled
        && integers.iter().all(|n| *n >= 1.0 && *n <= (5 * p.filled).max(50) as f64);
    let share = |n: usize| n as f64 / filled;
    p.money = share(counts.money);
    p.years = share(counts.years);
    p.dates = share(counts.dates);
    p.agencies = share(counts.agencies);
    p.ministries = share(counts.ministries);
    p.phases = share(counts.phases);
    p.risks = share(counts.risks);
    p.life_events = share(counts.life_events);
    p.own_units = if counts.money > 0 { counts.own_units as f64 / counts.money as f64 } else { 0.0 };
    counts.plain.sort_by(f64::total_cmp);
    p.plain_median = counts.plain.get(counts.plain.len() / 2).copied();
    p
}

#[derive(Default)]
struct Counts {
    chars: usize,
    words: usize,
    digits: usize,
    letters: usize,
    money: usize,
    years: usize,
    dates: usize,
    agencies: usize,
    ministries: usize,
    phases: usize,
    risks: usize,
    life_events: usize,
    own_units: usize,
    plain: Vec<f64>,
}

impl Counts {
    fn add_kinds(&mut self, text: &str, number: Option<f64>, knowledge: &Knowledge<'_>) {
        let vocabulary = knowledge.vocabulary;
        if vocabulary.is_empty_word(text) && number.is_none() {
            return;
        }
        let plain_year = text.parse::<i32>().ok().or(number.filter(|n| n.fract() == 0.0).map(|n| n as i32));
        if plain_year.is_some_and(|y| YEARS.contains(&y)) {
            self.years += 1;
        } else if let Parsed::Value(v) = parse_amount(text, number, 1, vocabulary) {
            if v >= 0 {
                self.money += 1;
                if number.is_none() && text.chars().any(char::is_alphabetic) {
                    self.own_units += 1;
                } else {
                    self.plain.push(v as f64);
                }
            }
        }
        if matches!(parse_date(text, number, vocabulary), Parsed::Value(_)) && plain_year.is_none() {
            self.dates += 1;
        }
        if number.is_some() {
            return;
        }
        match knowledge.resolver.owner(text) {
            Owner::Known(id) if knowledge.resolver.org(id).is_some_and(|o| o.kind != OrgKind::Ministry) => {
                self.agencies += 1;
            }
            Owner::NewMunicipality(_) => self.agencies += 1,
            _ => {}
        }
        if names_ministries(text, knowledge.resolver) {
            self.ministries += 1;
        }
        if matches!(vocabulary.phase(text), Parsed::Value(_)) {
            self.phases += 1;
        }
        if matches!(vocabulary.risk(text), Parsed::Value(_)) && !text.bytes().all(|b| b.is_ascii_digit()) {
            self.risks += 1;
        }
        if vocabulary.means_no_life_event(text)
            || knowledge.resolver.life_event_named(text).is_some()
            || split_list(text).all(|part| knowledge.resolver.life_event_named(part).is_some())
        {
            self.life_events += 1;
        }
    }
}

/// True when every part of `text` names a ministry ("HOD", "HOD/AID", a full name).
fn names_ministries(text: &str, resolver: &Resolver) -> bool {
    let is_ministry = |part: &str| {
        resolver
            .organisations_named(part)
            .first()
            .and_then(|id| resolver.org(*id))
            .is_some_and(|org| org.kind == OrgKind::Ministry)
    };
    is_ministry(text)
        || super::super::values::ministry_parts(text).is_some_and(|parts| parts.iter().all(|p| is_ministry(p)))
}

/// How strongly the values say the column is `field` (0..1), before its header is read.
pub fn evidence(p: &Profile, field: Field) -> f64 {
    if p.filled == 0 {
        return 0.0;
    }
    let unique = p.distinct >= 0.9;
    match field {
        Field::Key => {
            let short = p.mean_chars <= 24.0 && p.mean_words <= 2.5;
            if p.running_number || (unique && short && p.with_digits >= 0.8 && p.money < 0.9) { 0.7 } else { 0.0 }
        }
        Field::Title => {
            let texty = p.with_letters >= 0.9 && p.mean_words >= 2.0 && p.mean_chars >= 12.0 && p.mean_chars <= 140.0;
            let known = p.agencies.max(p.ministries).max(p.phases).max(p.life_events);
            if texty && p.distinct >= 0.7 && known < 0.3 { 0.6 } else { 0.0 }
        }
        Field::Description => {
            if p.with_letters >= 0.8 && p.mean_words >= 8.0 && p.mean_chars >= 50.0 && p.distinct >= 0.7 {
                0.6
            } else {
                0.0
            }
        }
        Field::Agency => strong(p.agencies, 0.5),
        Field::Ministry => strong(p.ministries, 0.6),
        Field::AmountNok | Field::TotalCostNok => {
            if p.money >= 0.7 && !p.running_number && p.years < 0.5 {
                0.5 * p.money
            } else {
                0.0
            }
        }
        Field::LifeEvents => strong(p.life_events, 0.5),
        Field::Phase => strong(p.phases, 0.6),
        Field::Risk => strong(p.risks, 0.6),
        Field::BudgetYear => strong(p.years, 0.9) * 0.8,
        Field::StartDate => {
            if p.years < 0.5 {
                strong(p.dates, 0.8) * 0.8
            } else {
                0.0
            }
        }
        Field::Tags => 0.0,
    }
}

/// `share` itself when it reaches `least`, else nothing.
fn strong(share: f64, least: f64) -> f64 {
    if share >= least { share } else { 0.0 }
}

/// True when the values plainly contradict `field` (a "phase" column whose values are no
/// phases): the header alone does not carry the column then.
pub fn contradicts(p: &Profile, field: Field) -> bool {
    if p.filled < 3 {
        return false;
    }
    match field {
        Field::Phase => p.phases < 0.2,
        Field::Risk => p.risks < 0.2,
        Field::Ministry => p.ministries < 0.2 && p.agencies < 0.2,
        Field::LifeEvents => p.life_events < 0.2,
        Field::AmountNok | Field::TotalCostNok => p.money < 0.3,
        Field::BudgetYear => p.years < 0.3 && p.dates < 0.3,
        Field::StartDate => p.dates < 0.3 && p.years < 0.3,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reference::ReferenceSource;
    use crate::store::Store;

    fn profile_of(cells: &[&str]) -> Profile {
        let store = Store::open_in_memory().expect("store");
        let resolver = Resolver::load_for(&store).expect("resolver");
        let vocabulary = ValueVocabulary::new(&ReferenceSource::builtin().vocabulary().expect("vocabulary"));
        let knowledge = Knowledge { resolver: &resolver, vocabulary: &vocabulary };
        profile(cells.iter().map(|c| (*c, None)), &knowledge)
    }

    #[test]
    fn each_kind_of_column_is_told_by_its_values() {
        let keys = profile_of(&["S-101", "S-102", "S-103", "S-104"]);
        assert!(evidence(&keys, Field::Key) > 0.5 && evidence(&keys, Field::Title) == 0.0);
        let titles =
            profile_of(&["Felles timebok for legevakt", "Digital søknad om skoleskyss", "Ny portal for frivillige"]);
        assert!(evidence(&titles, Field::Title) > 0.5 && evidence(&titles, Field::Description) == 0.0);
        let long = "Innbyggerne skal kunne søke, følge saken og få svar på ett sted, og etatene deler opplysningene de alt har.";
        let descriptions = profile_of(&[long, &long.replace("ett", "et samlet"), &long.replace("søke", "melde")]);
        assert!(evidence(&descriptions, Field::Description) > 0.5);
        assert!(evidence(&profile_of(&["Nav", "Skatteetaten", "Oslo kommune", "Nav"]), Field::Agency) > 0.9);
        assert!(
            evidence(&profile_of(&["HOD", "AID/FIN", "Justis- og beredskapsdepartementet"]), Field::Ministry) > 0.9
        );
        assert!(evidence(&profile_of(&["Konsept", "i gjennomføringsfasen", "Idé"]), Field::Phase) > 0.9);
        assert!(evidence(&profile_of(&["Lav", "høy risiko", "Medium"]), Field::Risk) > 0.9);
        assert!(evidence(&profile_of(&["Få barn", "Ingen", "Dødsfall og arv"]), Field::LifeEvents) > 0.9);
        let money = profile_of(&["12,5", "4 mill.", "800 000", "1,2 mrd."]);
        assert!(evidence(&money, Field::AmountNok) > 0.4);
        assert!((money.own_units - 0.5).abs() < 1e-9, "two of four write their unit");
        assert!(evidence(&profile_of(&["2026", "2027", "2027"]), Field::BudgetYear) > 0.5);
        assert!(evidence(&profile_of(&["01.03.2027", "15.09.2026", "2027-01-01"]), Field::StartDate) > 0.5);
    }

    #[test]
    fn a_running_number_is_a_key_not_money_and_plain_numbers_have_a_middle() {
        let running = profile_of(&["1", "2", "3", "4", "5"]);
        assert!(running.running_number);
        assert!(evidence(&running, Field::Key) > 0.5);
        assert_eq!(evidence(&running, Field::AmountNok), 0.0);
        let amounts = profile_of(&["12", "3,5", "40", "7"]);
        assert_eq!(amounts.plain_median, Some(12.0));
    }

    #[test]
    fn values_contradict_a_header_that_names_another_kind() {
        let agencies = profile_of(&["Nav", "Skatteetaten", "Tolletaten"]);
        assert!(contradicts(&agencies, Field::Phase));
        assert!(!contradicts(&profile_of(&["Idé", "Konsept", "Planlegging"]), Field::Phase));
    }
}
