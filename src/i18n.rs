//! The catalogue of words shown to users, in bokmål (the default) and English.
//!
//! Every string a screen or a report shows comes from here, so a language is one place.

use serde::{Deserialize, Serialize};

/// The language of everything samla shows: bokmål unless the user chose English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nb,
    En,
}

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
    PROPOSAL = "Slik leser samla kolonnene" / "How samla reads the columns";
    CONFIRM_WITH_MAP = "Bekreft eller rett med" / "Confirm or correct with";
    IMPORT_PREVIEW = "Sjekk kolonnene:" / "Check the columns:";
    PREVIEW_KEYS = "↑↓ velg kolonne   ←→ endre felt   enter importer   esc avbryt"
        / "↑↓ choose a column   ←→ change its field   enter import   esc cancel";
    NOT_USED = "ikke brukt" / "not used";
    CONFIDENCE_LOW = "usikker" / "unsure";
    CONFIDENCE_MEDIUM = "nokså sikker" / "fairly sure";
    CONFIDENCE_HIGH = "sikker" / "sure";
    CONFIDENCE_CONFIRMED = "bekreftet" / "confirmed";
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

    // Screens.
    SCREEN_INITIATIVES = "Tiltak" / "Initiatives";
    SCREEN_SOURCES = "Kilder" / "Sources";
    DETAIL = "Detaljer" / "Details";
    HELP = "Hjelp" / "Help";
    PALETTE = "Kommandopalett" / "Command palette";
    KEYS = "Taster" / "Keys";
    ACTION = "Handling" / "Action";
    SEARCH = "Søk" / "Search";
    FILTER = "Filter" / "Filter";
    SORTED_BY = "sortert" / "sorted";
    MARKED = "merket" / "marked";
    LOADING = "laster" / "loading";
    NO_MATCHES = "Ingen tiltak passer søket og filteret." / "No initiatives match the search and filter.";
    EMPTY_DATABASE = "Databasen er tom. Trykk i for å importere en fil, eller kjør `samla demo`." / "The database is empty. Press i to import a file, or run `samla demo`.";
    TOO_SMALL = "Forstørr vinduet til minst" / "Enlarge the window to at least";
    IMPORT_PROMPT = "Importer fil (sti)" / "Import file (path)";
    EXPORT_PROMPT = "Eksporter det skjermen viser til fil (.xlsx, .csv, .md eller .json)" / "Export what the screen shows to a file (.xlsx, .csv, .md or .json)";
    BRIEF_PROMPT = "Skriv notat for embetsgruppen til fil (.html eller .md)" / "Write the brief for the embetsgruppe to a file (.html or .md)";
    EXPORT_FORMATS = "Filnavnet må slutte på .xlsx, .csv, .md eller .json" / "The file name must end in .xlsx, .csv, .md or .json";
    BRIEF_FORMATS = "Filnavnet må slutte på .html eller .md" / "The file name must end in .html or .md";
    WRITING = "Skriver" / "Writing";
    REPLACE_FILE = "Fila finnes allerede. Erstatte den?" / "The file exists already. Replace it?";
    IMPORTING = "Importerer" / "Importing";
    ROWS = "rader" / "rows";
    ESC_CANCELS = "Esc avbryter" / "Esc cancels";
    IMPORT_DONE = "Import ferdig" / "Import finished";
    IMPORT_FAILED = "Import feilet" / "Import failed";
    CANCELLED = "Avbrutt; ingenting er endret." / "Cancelled; nothing was changed.";
    PRESS_ESC = "Esc lukker" / "Esc closes";
    FILTER_HELP = "dep:HOD liv:dødsfall tag:ks1 fase:konsept beløp:>10 kilde:… status:alle -dep:FIN  ord…" / "dep:HOD liv:death tag:ks1 fase:konsept beløp:>10 kilde:… status:alle -dep:FIN  words…";
    FILTER_ERROR = "Filterfeil" / "Filter error";
    NONE_SELECTED = "Ingen rad valgt." / "No row selected.";
    SHOWING_WITHDRAWN = "viser trukne" / "showing withdrawn";
    AND_MORE = "og" / "and";
    BATCH = "Runde" / "Round";
    COLUMN_ID = "ID" / "ID";

    // Filter errors.
    FILTER_UNKNOWN_KEY = "ukjent filter" / "unknown filter";
    FILTER_UNKNOWN_VALUE = "ukjent verdi" / "unknown value";
    FILTER_BAD_NUMBER = "er ikke et tall eller intervall for" / "is not a number or range for";
    FILTER_EMPTY_VALUE = "mangler verdi" / "needs a value";
    DID_YOU_MEAN = "mente du" / "did you mean";

    // Prioritisation screens.
    SCREEN_PRIORITIES = "Prioritering" / "Priorities";
    SCREEN_SCORES = "Poeng" / "Scores";
    SCREEN_PORTFOLIO = "Portefølje" / "Portfolio";
    WEIGHTS = "Vekter" / "Weights";
    RANKED = "Rangert liste" / "Ranked list";
    SCORE = "Poeng" / "Score";
    RANK = "Nr." / "No.";
    NO_FRAME = "ingen ramme (b setter en)" / "no frame (b sets one)";
    COMPUTING = "beregner" / "computing";
    INCOMPLETE_ONE = "ufullstendig" / "incomplete";
    LOCKED_IN = "låst inn" / "locked in";
    BUDGET_PROMPT = "Budsjettramme (f.eks. 500M, 500 MNOK, 0,5 mrd; tomt fjerner)" / "Budget frame (e.g. 500M, 500 MNOK, 0.5 bn; empty removes it)";
    SCENARIO_PROMPT = "Lagre scenario (navn)" / "Save scenario (name)";
    EXPLAIN = "Slik er poengene regnet" / "How the score adds up";
    CONTRIBUTION = "Bidrag" / "Contribution";
    DERIVED = "avledet" / "derived";
    DERIVED_NOTE = "· regnet ut fra tiltakets felter" / "· computed from the initiative's fields";
    INCOMPLETE_MARK = "* = ufullstendig, ● = innenfor rammen, L/X = låst inn/ute" / "* = incomplete, ● = within the frame, L/X = locked in/out";
    LOADING_SCORES = "Laster poeng og rangering …" / "Loading scores and ranking …";
    MOVED = "flyttet" / "moved";
    PER_KRONE = "Poeng per krone" / "Points per krone";
    EXACT = "Beste sett" / "Best set";
    IN_FRAME = "innenfor" / "within";
    OUTSIDE = "utenfor" / "outside";
    VALUE_VS_COST = "Poeng mot søkt beløp" / "Score against requested amount";
    BY_MINISTRY = "Søkt beløp per departement (MNOK)" / "Requested amount by ministry (MNOK)";
    SCORE_SCALE = "skala" / "scale";
    NOT_MANUAL = "Dette kriteriet regnes ut av feltene; det kan ikke settes for hånd." / "This criterion is computed from the fields; it cannot be set by hand.";
    OUT_OF_SCALE = "utenfor skalaen" / "outside the scale";
    NOTHING_TO_UNDO = "Ingenting å angre." / "Nothing to undo.";

    // Health.
    DOCTOR_OK = "Ingen problemer funnet." / "No problems found.";
    DOCTOR_PROBLEMS = "Problemer funnet; ta en kopi (`samla backup FIL`) før du retter noe." / "Problems found; take a copy (`samla backup FILE`) before fixing anything.";
    BACKUP_WRITTEN = "Kopi skrevet til" / "Copy written to";
    BACKUP_BEFORE_IMPORT = "Kopi før import" / "Copy before import";

    // Tagging in the UI.
    SCREEN_SUGGESTIONS = "Forslag" / "Suggestions";
    SCREEN_MATRIX = "Matrise" / "Matrix";
    SCREEN_DUPLICATES = "Duplikater" / "Duplicates";
    IN_PAIRS = "i mulige duplikatpar (8)" / "in possible duplicate pairs (8)";
    DATABASE_BUSY = "En annen samla skriver til databasen (en import?); ingenting ble endret her. Prøv igjen når den er ferdig."
        / "Another samla is still writing to the database (an import?); nothing was changed here. Try again when it is done.";
    FINDING_PAIRS = "Leter etter parallelle løsninger" / "Looking for parallel solutions";
    NO_PAIRS = "Ingen par over terskelen: ingen tiltak ligner nok på hverandre." / "No pairs above the threshold: no initiatives look enough alike.";
    ALL_REVIEWED = "Alle par er vurdert." / "Every pair has been reviewed.";
    DECISION = "Vurdering" / "Decision";
    OWNERS = "Eiere" / "Owners";
    REQUESTED = "Søkt" / "Requested";
    POSSIBLE_DUPLICATES = "Mulige duplikater og overlapp" / "Possible duplicates and overlaps";
    TAG_PROMPT = "Tagg (liv:, eier:, dep:, tag:, fase:, risiko:; - fjerner)" / "Tag (liv:, eier:, dep:, tag:, fase:, risiko:; - removes)";
    CONFIRM = "Bekreft" / "Confirm";
    WITHDRAW_ANYWAY = "Importere likevel og trekke dem?" / "Import anyway and withdraw them?";
    CONFIRM_CHANGE = "Endre" / "Change";
    CONFIRM_KEYS = "enter = ja, esc = nei" / "enter = yes, esc = no";
    REDONE = "Gjort om" / "Redone";
    NO_SUGGESTIONS = "Ingen forslag: alle tiltak har livshendelse eller ingen kjente ord, og alle eiere er kjent." / "No suggestions: every initiative has a life event or no known words, and every owner is known.";
    MATRIX_HELP = "Antall tiltak og sum MNOK; enter viser tiltakene i ruta." / "Number of initiatives and total MNOK; enter shows the initiatives of the cell.";
    NO_LIFE_EVENT = "(ingen)" / "(none)";
    NO_MINISTRY = "(uten departement)" / "(no ministry)";
    TOTAL = "Sum" / "Total";

    // Tagging.
    WOULD_CHANGE = "Ville endret" / "Would change";
    CHANGED_COUNT = "Endret" / "Changed";
    LIFE_EVENT_SUGGESTIONS = "Forslag til livshendelser" / "Suggested life events";
    OWNER_SUGGESTIONS = "Forslag til eier (ukjent eier i fila)" / "Suggested owners (owner unknown in the file)";
    BECAUSE_OF = "Fordi" / "Because of";
    WRITTEN = "Skrevet" / "Written";
    CANDIDATES = "Kandidater" / "Candidates";
    NOTHING_TO_APPLY = "Ingenting å bruke." / "Nothing to apply.";
    APPLY_HINT = "Ingenting er endret. `samla suggest --apply` bruker forslagene (eiere bare der det er én kandidat)." / "Nothing was changed. `samla suggest --apply` applies them (owners only where there is one candidate).";
    // Exports and briefs.
    LIST_SHEET = "Prioriteringsliste" / "Priority list";
    SETTINGS_SHEET = "Utvalg" / "Selection";
    AMOUNT_NOK = "Søkt beløp (kr)" / "Requested amount (NOK)";
    POINTS_SUFFIX = "poeng" / "points";
    IN_FRAME_COLUMN = "Innenfor rammen" / "Within the frame";
    PARALLEL_COLUMN = "Parallelle løsninger" / "Parallel solutions";
    DUPLICATE_OF = "duplikat av" / "duplicate of";
    OVERLAPS_WITH = "overlapper med" / "overlaps with";
    MISSING_SCORES = "Mangler poeng" / "Missing scores";
    YES = "ja" / "yes";
    NO = "nei" / "no";
    SETTING = "Innstilling" / "Setting";
    GENERATED_AT = "Laget" / "Generated";
    NO_FILTER = "ingen (alle aktive tiltak)" / "none (every active initiative)";
    MATCHED = "Tiltak i utvalget" / "Initiatives selected";
    TOP_ONLY = "Bare de beste" / "Only the best";
    ALL_ROWS = "alle" / "all";
    FRAME_SPENT = "Brukt av rammen (kr)" / "Spent of the frame (NOK)";
    FRAME_LEFT = "Igjen av rammen (kr)" / "Left of the frame (NOK)";
    FRAME_CHOSEN = "Tiltak innenfor rammen" / "Initiatives within the frame";
    FRAME_NOK = "Ramme (kr)" / "Frame (NOK)";
    LOCKS_IGNORED = "Låser på tiltak utenfor lista (ikke brukt)" / "Locks on initiatives outside the list (not used)";
    RANK_NOTE = "Plass er rangeringen etter totalpoeng blant tiltakene i lista." /
                "Rank is the place by total score among the initiatives in the list.";
    WROTE = "Skrev" / "Wrote";
    ROWS_TO = "rader til" / "rows to";
    BRIEF_TO = "Notat skrevet til" / "Brief written to";

}

mod actions;
mod fields;
mod plan;
mod scoring;
mod screens;
pub use actions::ALL as ALL_ACTIONS;
pub use actions::*;
pub use fields::{FIELDS, FieldNames, field_name};
pub use plan::ALL as ALL_PLAN;
pub use plan::*;
pub use scoring::ALL as ALL_SCORING;
pub use scoring::*;
pub use screens::ALL as ALL_SCREENS;
pub use screens::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages() {
        for text in [ALL, ALL_ACTIONS, ALL_PLAN, ALL_SCORING, ALL_SCREENS].concat() {
            assert!(!text.nb.is_empty() && !text.en.is_empty(), "{text:?}");
        }
        assert_eq!(TITLE.get(Lang::Nb), "Tittel");
        assert_eq!(TITLE.get(Lang::En), "Title");
    }
}
