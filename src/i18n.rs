//! The catalogue of words shown to users, in bokmål (the default) and English.
//!
//! Every string a screen or a report shows comes from here, so a language is one place.

use crate::config::Lang;

/// One phrase in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub nb: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nb => self.nb,
            Lang::En => self.en,
        }
    }
}

macro_rules! catalogue {
    ($($name:ident = $nb:literal / $en:literal;)*) => {
        $(pub const $name: Text = Text { nb: $nb, en: $en };)*
        /// Every entry, for the test that no translation is missing.
        pub const ALL: &[Text] = &[$($name),*];
    };
}

catalogue! {
    // Columns and fields.
    ID = "ID" / "ID";
    TITLE = "Tittel" / "Title";
    DESCRIPTION = "Beskrivelse" / "Description";
    AGENCY = "Virksomhet" / "Agency";
    MINISTRY = "Dep." / "Min.";
    MINISTRIES = "Departementer" / "Ministries";
    LIFE_EVENTS = "Livshendelser" / "Life events";
    AMOUNT_MNOK = "MNOK" / "MNOK";
    AMOUNT = "Søkt beløp" / "Requested amount";
    TOTAL_COST = "Totalkostnad" / "Total cost";
    PHASE = "Fase" / "Phase";
    RISK = "Risiko" / "Risk";
    TAGS = "Stikkord" / "Tags";
    BUDGET_YEAR = "Budsjettår" / "Budget year";
    START_DATE = "Oppstart" / "Start";
    SOURCE = "Kilde" / "Source";
    SOURCE_FILE = "Fil" / "File";
    KEY = "Nøkkel" / "Key";
    STATUS = "Status" / "Status";
    WITHDRAWN = "trukket" / "withdrawn";
    ACTIVE = "aktiv" / "active";
    LINE = "linje" / "line";
    IMPORTED_AT = "Importert" / "Imported";
    RAW_ROW = "Rad i kildefila" / "Source row";
    HISTORY = "Endringslogg" / "Change history";
    NO_HISTORY = "Ingen endringer siden import." / "No changes since import.";

    // Summaries.
    SHOWN_OF_TOTAL = "viser" / "showing";
    OF = "av" / "of";
    INITIATIVES = "tiltak" / "initiatives";
    SUM = "sum" / "total";

    // Import report.
    IMPORTED = "Importert" / "Imported";
    DRY_RUN = "Prøvekjøring: ingenting er lagret" / "Dry run: nothing was written";
    ALREADY_IMPORTED = "Samme fil er importert før" / "The same file was imported before";
    NOTHING_CHANGED = "ingenting er endret" / "nothing was changed";
    FORMAT = "Format" / "Format";
    ENCODING = "tegnsett" / "encoding";
    DELIMITER = "skilletegn" / "delimiter";
    SHEET = "ark" / "sheet";
    HEADER_ROW = "overskriftsrad" / "header row";
    MAPPING = "Kolonner" / "Columns";
    UNMAPPED = "Ikke brukt (ligger i rårad)" / "Not used (kept in raw row)";
    ROWS_READ = "rader lest" / "rows read";
    INSERTED = "nye" / "inserted";
    UPDATED = "endret" / "updated";
    UNCHANGED = "uendret" / "unchanged";
    WITHDRAWN_COUNT = "trukket" / "withdrawn";
    REJECTED = "avvist" / "rejected";
    WARNINGS = "advarsler" / "warnings";
    NEW_MUNICIPALITIES = "Nye kommuner" / "New municipalities";
    CHANGED = "Endret" / "Changed";
    MORE = "flere" / "more";
    USE_JSON_FOR_ALL = "bruk --json for alle" / "use --json for all";

    // Changes.
    CHANGES_SINCE = "Endringer i" / "Changes in";
    NEW_INITIATIVES = "Nye tiltak" / "New initiatives";
    CHANGED_INITIATIVES = "Endrede tiltak" / "Changed initiatives";
    WITHDRAWN_INITIATIVES = "Trukne tiltak" / "Withdrawn initiatives";
    NO_CHANGES = "Ingen endringer." / "No changes.";
    NO_ROUNDS = "Ingen importer ennå." / "No imports yet.";

    // Paths.
    CONFIG_DIR = "Konfigurasjon" / "Config";
    DATA_DIR = "Data" / "Data";
    DATABASE = "Database" / "Database";
    DEMO_DATABASE = "Demodatabase" / "Demo database";
    USER_FILES = "Egne referansefiler" / "Your reference files";
    NONE = "ingen" / "none";

    // Duplicates.
    SCORE = "Skår" / "Score";
    TITLE_A = "Tittel A" / "Title A";
    TITLE_B = "Tittel B" / "Title B";
    WHY = "Hvorfor" / "Why";
    OPEN_PAIRS = "par å vurdere" / "pairs to review";
    DECIDED_PAIRS = "avgjort" / "decided";
    DECIDED_ALIKE = "avgjort like" / "decided alike";
    CROSS_SECTOR = "på tvers av sektorer" / "across sectors";
    SAME_SECTOR = "samme sektor" / "same sector";
    SAME_AGENCY = "samme virksomhet" / "same agency";
    OWNER_UNKNOWN = "ukjent eier" / "owner unknown";
    OTHER_LIFE_EVENTS = "ulike livshendelser" / "different life events";
    DESCRIPTION_SHORT = "beskrivelse" / "description";
    NEXT = "Neste" / "Next";
    DECIDED = "Avgjort" / "Decided";
    UNDONE = "Angret" / "Undone";
    NO_DECISION = "Ingen avgjørelse for" / "No decision for";
    CLUSTER = "Gruppe" / "Cluster";
    CLUSTERS = "grupper" / "clusters";
    COHESION = "samhold" / "cohesion";
    THRESHOLD = "Terskel" / "Threshold";
    PAIRS = "Par" / "Pairs";
    THRESHOLD_HINT = "Velg terskelen der parene slutter å ligne: avgjør noen par, så viser siste kolonne hvor mange over hver terskel du mente var like." / "Pick the threshold where pairs stop looking alike: decide some pairs, and the last column shows how many above each threshold you found alike.";

    // Demo.
    DEMO_BUILT = "Demodatabasen er bygget" / "The demo database is built";
    DEMO_NEXT = "Se tiltakene med" / "List the initiatives with";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        for text in ALL {
            assert!(!text.nb.is_empty() && !text.en.is_empty(), "{text:?}");
        }
        assert_eq!(TITLE.get(Lang::Nb), "Tittel");
        assert_eq!(TITLE.get(Lang::En), "Title");
    }
}
