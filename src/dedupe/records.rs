//! The records of an analysis once their descriptions are handed over to be read: what
//! scoring, explaining and showing a pair still need, in well under half the memory plain
//! [`Record`]s take.
//!
//! Names and codes repeat across a portfolio (some hundred agencies, a few tens of
//! ministries and life events, a handful of files), so each is kept once and a record holds
//! their numbers. At a million initiatives the records took about 0.5 GB as `Record`s,
//! alongside the vectors the analysis builds from them.

use super::score::{self, OwnerRelation};
use super::{FastMap, Record};

/// Names and codes, each kept once and known by its number.
#[derive(Debug, Default)]
struct Names {
    numbers: FastMap<Box<str>, u32>,
    names: Vec<Box<str>>,
}

impl Names {
    fn number(&mut self, name: &str) -> u32 {
        if let Some(&n) = self.numbers.get(name) {
            return n;
        }
        let n = self.names.len() as u32;
        self.names.push(name.into());
        self.numbers.insert(name.into(), n);
        n
    }

    fn name(&self, number: u32) -> &str {
        &self.names[number as usize]
    }
}

/// One record, its repeated names by number.
#[derive(Debug)]
struct Entry {
    id: i64,
    key: Box<str>,
    title: Box<str>,
    source_file: u32,
    agency: Option<u32>,
    /// The agency as owners are compared: trimmed, in lower case.
    owner: Option<u32>,
    ministries: Box<[u32]>,
    life_events: Box<[u32]>,
    amount_nok: Option<i64>,
}

/// The records of an analysis, by position.
#[derive(Debug, Default)]
pub(crate) struct Records {
    entries: Vec<Entry>,
    names: Names,
}

impl Records {
    /// Keeps `records` in compact form and hands back their descriptions, in the same order.
    pub fn split(records: Vec<Record>) -> (Self, Vec<Option<String>>) {
        let mut names = Names::default();
        let mut entries = Vec::with_capacity(records.len());
        let mut descriptions = Vec::with_capacity(records.len());
        for record in records {
            let mut numbers = |codes: &[String]| codes.iter().map(|c| names.number(c)).collect();
            let (ministries, life_events) = (numbers(&record.ministries), numbers(&record.life_events));
            let agency = record.agency.as_deref().map(|a| names.number(a));
            let owner = record.agency.as_deref().map(|a| names.number(&a.trim().to_ascii_lowercase()));
            entries.push(Entry {
                id: record.id,
                key: record.key.into_boxed_str(),
                title: record.title.into_boxed_str(),
                source_file: names.number(&record.source_file),
                agency,
                owner,
                ministries,
                life_events,
                amount_nok: record.amount_nok,
            });
            descriptions.push(record.description);
        }
        (Self { entries, names }, descriptions)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn id(&self, i: usize) -> i64 {
        self.entries[i].id
    }

    /// The owners the portfolio names, each once, as written.
    pub fn agencies(&self) -> Vec<&str> {
        let mut numbers: Vec<u32> = self.entries.iter().filter_map(|e| e.agency).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers.into_iter().map(|n| self.names.name(n)).collect()
    }

    /// Record `i`'s owner as written.
    pub fn agency(&self, i: usize) -> Option<&str> {
        self.entries[i].agency.map(|n| self.names.name(n))
    }

    pub fn title(&self, i: usize) -> &str {
        &self.entries[i].title
    }

    /// Record `i` as it came in, without its description.
    pub fn record(&self, i: usize) -> Record {
        let entry = &self.entries[i];
        let names = |numbers: &[u32]| numbers.iter().map(|&n| self.names.name(n).to_string()).collect();
        Record {
            id: entry.id,
            source_file: self.names.name(entry.source_file).to_string(),
            key: entry.key.to_string(),
            title: entry.title.to_string(),
            description: None,
            agency: entry.agency.map(|n| self.names.name(n).to_string()),
            ministries: names(&entry.ministries),
            life_events: names(&entry.life_events),
            amount_nok: entry.amount_nok,
        }
    }

    /// How the owners of records `i` and `j` relate (as [`OwnerRelation::of`] their records).
    pub fn owners(&self, i: usize, j: usize) -> OwnerRelation {
        let (a, b) = (&self.entries[i], &self.entries[j]);
        OwnerRelation::between((a.owner, b.owner), (&a.ministries, &b.ministries))
    }

    /// How far the life events of records `i` and `j` agree, when both name some.
    pub fn life_events(&self, i: usize, j: usize) -> Option<f32> {
        score::jaccard(&self.entries[i].life_events, &self.entries[j].life_events)
    }

    /// What records `i` and `j` tell of their pair besides their texts.
    pub fn facts(&self, i: usize, j: usize) -> score::Facts {
        let amounts = score::amount_ratio(self.entries[i].amount_nok, self.entries[j].amount_nok);
        score::Facts { life_events: self.life_events(i, j), amounts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: i64, agency: Option<&str>, ministries: &[&str], life_events: &[&str]) -> Record {
        Record {
            id,
            source_file: "runde1.csv".into(),
            key: format!("K-{id}"),
            title: format!("Tiltak {id}"),
            description: Some(format!("Beskrivelse {id}")),
            agency: agency.map(str::to_string),
            ministries: ministries.iter().map(ToString::to_string).collect(),
            life_events: life_events.iter().map(ToString::to_string).collect(),
            amount_nok: Some(1_000_000 * id),
        }
    }

    fn sample() -> Vec<Record> {
        vec![
            record(10, Some("NAV"), &["AID"], &["arbeid", "barn"]),
            record(11, Some(" nav "), &["AID"], &["barn"]),
            record(12, Some("Skatteetaten"), &["FIN", "AID"], &[]),
            record(13, Some("Oslo kommune"), &[], &["dodsfall"]),
            record(14, None, &["AID"], &["arbeid"]),
        ]
    }

    #[test]
    fn gives_back_each_record_and_its_description() {
        let (records, descriptions) = Records::split(sample());
        assert_eq!(records.len(), 5);
        for (i, original) in sample().into_iter().enumerate() {
            assert_eq!(descriptions[i], original.description);
            assert_eq!(records.record(i), Record { description: None, ..original });
            assert_eq!(records.id(i), 10 + i as i64);
            assert_eq!(records.title(i), format!("Tiltak {}", 10 + i));
        }
    }

    #[test]
    fn owners_and_life_events_compare_as_the_records_do() {
        let plain = sample();
        let (records, _) = Records::split(sample());
        for i in 0..plain.len() {
            for j in 0..plain.len() {
                assert_eq!(records.owners(i, j), OwnerRelation::of(&plain[i], &plain[j]), "{i} {j}");
                let expected = score::jaccard(&plain[i].life_events, &plain[j].life_events);
                assert_eq!(records.life_events(i, j), expected, "{i} {j}");
            }
        }
        assert_eq!(records.owners(0, 1), OwnerRelation::SameAgency);
        assert_eq!(records.owners(0, 2), OwnerRelation::SameSector);
        assert_eq!(records.owners(0, 3), OwnerRelation::CrossSector);
        assert_eq!(records.owners(0, 4), OwnerRelation::Unknown);
        assert_eq!(records.life_events(0, 1), Some(0.5));
        assert_eq!(records.life_events(0, 2), None);
    }
}
