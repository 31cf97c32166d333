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

    // Scoring.
    SCORE_SET = "Poeng satt for" / "Score set for";
    SCORE_UNCHANGED = "Uendret for" / "Unchanged for";
    BY_SAMLA_ID = "(samlas id)" / "(samla's id)";
    BY_SOURCE_KEY = "(nøkkel i kilden)" / "(key in its source)";
    CRITERIA = "Kriterier" / "Criteria";
    DERIVED_IGNORED = "Avledet, fylles ut av seg selv (ikke importert)" / "Derived, fill themselves (not imported)";
    SCORES_CHANGED = "poeng endret" / "scores changed";
    ROWS_UNMATCHED = "rader uten kjent tiltak" / "rows without a known initiative";
    PLACE = "Plass" / "Place";
    TOTAL_SCORE = "Totalpoeng" / "Total score";
    CRITERION = "Kriterium" / "Criterion";
    VALUE = "Verdi" / "Value";
    SCALE = "Skala" / "Scale";
    WEIGHT = "Vekt" / "Weight";
    SHARE = "Andel" / "Share";
    POINTS = "Poeng" / "Points";
    CODE = "Kode" / "Code";
    FROM = "fra" / "from";
    MISSING = "Mangler" / "Missing";
    INCOMPLETE = "ufullstendige" / "incomplete";
    MISSING_RULE = "Manglende poeng teller som midten av skalaen (0,5 etter normalisering), aldri som null, \
                    og tiltaket er merket ufullstendig." / "A missing score counts as the middle of its scale \
                    (0.5 after normalising), never as zero, and the initiative is flagged incomplete.";
    MISSING_RULE_SHORT = "(manglende poeng teller som midten av skalaen)" / "(a missing score counts as the middle of its scale)";
    RANKING_CHANGED = "Rangeringen endret seg" / "The ranking changed";
    MOVED_UP = "opp" / "up";
    MOVED_DOWN = "ned" / "down";
    NOTE = "Merk" / "Note";
    FRAME = "Ramme" / "Frame";
    CUT_LINE = "kuttlinje" / "cut line";
    CUT_LINE_IS = "Kuttlinje" / "Cut line";
    EVERYTHING_ABOVE = "alt over er med (unntatt det som er låst ute); første som ikke er med, er plass" /
                       "everything above it is in (except what is locked out); the first left out is place";
    ALL_FIT = "Alle tiltak med søkt beløp er med." / "Every initiative with a requested amount is in.";
    LOCKED = "låst" / "locked";
    LOCKED_OUT = "låst ute" / "locked out";
    LOCKED_IN_LIST = "Låst inn" / "Locked in";
    LOCKED_OUT_LIST = "Låst ute" / "Locked out";
    AMOUNTS_ROUNDED_TO = "beløp rundet opp til" / "amounts rounded up to";
    COUNTED_EXACTLY_IN = "eksakt, regnet i enheter på" / "exact, counted in units of";
    TOPPED_UP = "Lagt til etter avrundingen (passer i kronene som ble til overs)" /
                "Added after rounding (they fit in the kroner left over)";
    CHOSEN = "valgt" / "chosen";
    SPENT = "brukt" / "spent";
    LEFT = "igjen" / "left";
    TOTAL_POINTS = "sum poeng" / "total points";
    JUST_MISSED = "Rett utenfor" / "Just missed";
    SHORT_BY = "mangler" / "short by";
    TOP_DOWN = "Ovenfra og ned i lista" / "Down the list from the top";
    VALUE_PER_KRONE = "Poeng per krone (grådig)" / "Points per krone (greedy)";
    EXACT_GAINS = "eksakt valg gir" / "the exact set gains";
    ONLY_EXACT = "bare i eksakt valg" / "only in the exact set";
    ONLY_GREEDY = "bare her" / "only here";
    VALUE_BY_FRAME = "Beste sum poeng ved andre rammer" / "Best total points at other frames";
    NO_AMOUNT = "Uten søkt beløp (kan ikke velges)" / "Without a requested amount (cannot be chosen)";
    PLACE_RANGE = "Plass ved endrede vekter" / "Place as weights vary";
    IN_TOP = "I topp" / "In top";
    FLIPS_AT = "Bytter ved" / "Swaps at";
    RUNS = "trekninger" / "draws";
    WEIGHTS_MOVED = "hver vekt endret med inntil" / "each weight moved by up to";
    SEED = "frø" / "seed";
    FRAGILE_EXPLAINED = "«Bytter ved» er den minste vektendringen som bytter om tiltaket og en nabo; ! = under {} %." /
                        "“Swaps at” is the smallest weight change that swaps the initiative with a neighbour; ! = below {} %.";
    SCENARIO = "Scenario" / "Scenario";
    SCENARIO_SAVED = "Lagret scenario" / "Saved scenario";
    SCENARIO_DELETED = "Slettet scenario" / "Deleted scenario";
    NO_SCENARIOS = "Ingen lagrede scenarioer. Lagre ett med `samla scenario save NAVN`." /
                   "No saved scenarios. Save one with `samla scenario save NAME`.";
    CONTENTS = "Innhold" / "Contents";
    SAVED = "Lagret" / "Saved";
    BY = "Av" / "By";
    ONLY_IN_ONE = "bare i det ene scenarioet" / "only in one of the scenarios";
    ENTERS = "Kommer inn i B" / "Enters in B";
    LEAVES = "Faller ut fra A" / "Leaves from A";
    // Duplicates.
    PAIR_SCORE = "Skår" / "Score";
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
    DECISION_DUPLICATE = "duplikat" / "duplicate";
    DECISION_OVERLAP = "overlapp" / "overlap";
    DECISION_DISTINCT = "ulike" / "distinct";
    REASON_TITLE = "Felles ord i titlene" / "Words both titles share";
    REASON_KIND = "Samme slags tjeneste" / "Same kind of service";
    REASON_OTHER_KIND = "Ulik slags tjeneste" / "Different kinds of service";
    REASON_DESCRIPTION = "Felles ord i beskrivelsene" / "Words both descriptions share";
    REASON_LIFE_EVENTS = "Felles livshendelser" / "Shared life events";
    REASON_OTHER_LIFE_EVENTS = "Ulike livshendelser" / "Different life events";
    REASON_OWNERS = "Eiere" / "Owners";
    REASON_CONCEPTS = "Samme begrep" / "Same concept";
    THRESHOLD_FROM_PORTFOLIO = "fra porteføljen" / "from the portfolio";
    THRESHOLD_FROM_DECISIONS = "fra dine vurderinger" / "from your decisions";
    THRESHOLD_DEFAULT = "standard" / "default";
    REASON_CONCEPTS_ACROSS = "Samme begrep på tvers av språk" / "Same concept across languages";
    SAME_CONCEPT = "samme begrep" / "same concept";
    ACROSS_LANGUAGES = "på tvers av språk" / "across languages";
    GLOSSARY = "samlas ordliste" / "samla's glossary";
    COGNATE = "samme ord" / "same word";
    WORD_SCORE = "ord" / "words";
    SPELLING_SCORE = "stavemåte" / "spelling";
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
    NO_MINISTRY = "(ingen eier)" / "(no owner)";
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

    // Actions (help, status bar, palette).
    ACT_QUIT = "Avslutt" / "Quit";
    ACT_BACK = "Tilbake / lukk" / "Back / close";
    ACT_MOVE_DOWN = "Ned" / "Down";
    ACT_MOVE_UP = "Opp" / "Up";
    ACT_PAGE_DOWN = "Side ned" / "Page down";
    ACT_PAGE_UP = "Side opp" / "Page up";
    ACT_HALF_PAGE_DOWN = "Halv side ned" / "Half page down";
    ACT_HALF_PAGE_UP = "Halv side opp" / "Half page up";
    ACT_GO_TOP = "Til toppen" / "To the top";
    ACT_GO_BOTTOM = "Til bunnen" / "To the bottom";
    ACT_SEARCH = "Søk mens du skriver (uskarpt, i tittel, eier og beskrivelse)" / "Search as you type (fuzzy, in title, owner and description)";
    ACT_FILTER = "Filter: dep:, liv:, tag:, fase:, beløp:, kilde:, status:" / "Filter: dep:, liv:, tag:, fase:, beløp:, kilde:, status:";
    ACT_CLEAR_FILTER = "Fjern søk og filter" / "Clear search and filter";
    ACT_SORT_NEXT = "Sorter etter neste kolonne" / "Sort by the next column";
    ACT_SORT_REVERSE = "Snu sorteringen" / "Reverse the sort";
    ACT_TOGGLE_MARK = "Merk / avmerk raden" / "Mark / unmark the row";
    ACT_MARK_ALL = "Merk alle viste" / "Mark all shown";
    ACT_CLEAR_MARKS = "Fjern alle merker" / "Clear all marks";
    ACT_OPEN_DETAIL = "Vis detaljer" / "Show details";
    ACT_TOGGLE_WITHDRAWN = "Vis / skjul trukne tiltak" / "Show / hide withdrawn initiatives";
    ACT_NEXT_SCREEN = "Neste skjerm" / "Next screen";
    ACT_PREV_SCREEN = "Forrige skjerm" / "Previous screen";
    ACT_SCREEN_INITIATIVES = "Skjerm: tiltak" / "Screen: initiatives";
    ACT_SCREEN_SOURCES = "Skjerm: kilder og runder" / "Screen: sources and rounds";
    ACT_IMPORT_FILE = "Importer en fil" / "Import a file";
    ACT_RELOAD = "Last inn på nytt" / "Reload";
    ACT_HELP = "Hjelp: alle taster" / "Help: every key";
    ACT_FOCUS_LEFT = "Venstre: forrige felt eller rute" / "Left: previous pane or cell";
    ACT_FOCUS_RIGHT = "Høyre: neste felt eller rute" / "Right: next pane or cell";
    ACT_WEIGHT_UP = "Øk vekten på valgt kriterium" / "Raise the selected criterion's weight";
    ACT_WEIGHT_DOWN = "Senk vekten på valgt kriterium" / "Lower the selected criterion's weight";
    ACT_RESET_WEIGHTS = "Tilbake til standardvektene" / "Back to the default weights";
    ACT_SET_BUDGET = "Sett budsjettramme" / "Set the budget frame";
    ACT_LOCK_IN = "Lås tiltaket inn i settet (av/på)" / "Lock the initiative into the set (on/off)";
    ACT_LOCK_OUT = "Lås tiltaket ute av settet (av/på)" / "Lock the initiative out of the set (on/off)";
    ACT_UNDO = "Angre siste endring, fra hvilken skjerm som helst (poeng, tagging, duplikatvurdering)" /
        "Undo the latest change, from any screen (score, tagging, duplicate decision)";
    ACT_REDO = "Gjør om det siste som ble angret (felles for alle skjermer)" /
        "Redo what was last undone (shared by every screen)";
    ACT_SCREEN_PRIORITIES = "Skjerm: prioritering (vekter, rangering, ramme)" / "Screen: priorities (weights, ranking, frame)";
    ACT_SCREEN_SCORES = "Skjerm: poeng per kriterium" / "Screen: scores per criterion";
    ACT_SCREEN_PORTFOLIO = "Skjerm: portefølje (poeng mot kostnad, per departement)" / "Screen: portfolio (score against cost, by ministry)";
    ACT_TAG = "Tagg merkede rader (eller raden): liv:, eier:, dep:, tag:, fase:, risiko:" / "Tag the marked rows (or the row): liv:, eier:, dep:, tag:, fase:, risiko:";
    ACT_TAG_SHOWN = "Tagg alt som vises (alle rader filteret gir)" / "Tag everything shown (every row the filter gives)";
    ACT_SCREEN_SUGGESTIONS = "Skjerm: forslag til livshendelser og eiere" / "Screen: suggested life events and owners";
    ACT_SCREEN_MATRIX = "Skjerm: matrise av departement og livshendelse" / "Screen: ministry by life event matrix";
    ACT_ACCEPT = "Godta forslaget" / "Accept the suggestion";
    ACT_REJECT = "Avvis forslaget (duplikatskjermen: ulike tiltak, spør aldri igjen)" / "Reject the suggestion (duplicates screen: distinct, never ask again)";
    ACT_SCREEN_DUPLICATES = "Skjerm: mulige duplikater og parallelle løsninger" / "Screen: possible duplicates and parallel solutions";
    ACT_MARK_DUPLICATE = "Paret er samme tiltak (duplikat)" / "The pair is one initiative (duplicate)";
    ACT_MARK_OVERLAP = "Paret er ulike tiltak som løser samme problem (overlapp)" / "The pair is two initiatives solving the same problem (overlap)";
    ACT_EXPORT_VIEW = "Eksporter det skjermen viser (rekkefølge, vekter og ramme) til Excel, CSV, Markdown eller JSON" / "Export what the screen shows (order, weights and frame) to Excel, CSV, Markdown or JSON";
    ACT_WRITE_BRIEF = "Skriv notat for embetsgruppen (HTML eller Markdown)" / "Write the brief for the embetsgruppe (HTML or Markdown)";
    ACT_SKIP_PAIR = "Hopp til neste par som ikke er vurdert" / "Skip to the next pair not yet reviewed";
    ACT_ACCEPT_ALL = "Godta alle forslag til livshendelser (spør først; avviste er ikke med)" /
        "Accept every life-event suggestion (asks first; rejected ones are left out)";
    ACT_SAVE_SCENARIO = "Lagre vekter og ramme som scenario" / "Save weights and frame as a scenario";
    ACT_PALETTE = "Kommandopalett: finn en handling" / "Command palette: find an action";

    // Short hints in the status bar.
    HINT_SEARCH = "søk" / "search";
    HINT_FILTER = "filter" / "filter";
    HINT_MARK = "merk" / "mark";
    HINT_DETAIL = "detaljer" / "details";
    HINT_HELP = "hjelp" / "help";
    HINT_QUIT = "avslutt" / "quit";
    HINT_SORT = "sorter" / "sort";
    HINT_ACCEPT = "bruk" / "apply";
    HINT_CANCEL = "avbryt" / "cancel";
    HINT_SCROLL = "rull" / "scroll";
    HINT_CLOSE = "lukk" / "close";
    HINT_RUN = "kjør" / "run";
    HINT_CHANGES = "endringer" / "changes";
    HINT_IMPORT = "importer" / "import";
    HINT_WEIGHT = "vekt" / "weight";
    HINT_FRAME = "ramme" / "frame";
    HINT_EXPLAIN = "forklar" / "explain";
    HINT_PANE = "felt" / "pane";
    HINT_SCORE = "poeng" / "score";
    HINT_UNDO = "angre" / "undo";
    HINT_LOCK = "lås" / "lock";
    HINT_TAG = "tagg" / "tag";
    HINT_ACCEPT_ONE = "godta" / "accept";
    HINT_REJECT = "avvis" / "reject";
    HINT_ACCEPT_ALL = "godta alle" / "accept all";
    HINT_FILTER_CELL = "vis tiltakene" / "show them";
    HINT_DUPLICATE = "duplikat" / "duplicate";
    HINT_OVERLAP = "overlapp" / "overlap";
    HINT_DISTINCT = "ulike" / "distinct";
    HINT_EXPORT = "eksporter" / "export";
    HINT_SKIP = "hopp over" / "skip";
    HINT_SIDE = "A/B" / "A/B";
    HINT_SCREEN = "skriv poeng" / "type scores";
}

mod plan;
mod screens;
pub use plan::ALL as ALL_PLAN;
pub use plan::*;
pub use screens::ALL as ALL_SCREENS;
pub use screens::*;

/// The name of a change-log field (`amount_nok`) as the reader knows it, if it is one.
pub fn field_name(field: &str) -> Option<Text> {
    Some(match field {
        "key" => KEY,
        "ministry" => MINISTRIES,
        "title" => TITLE,
        "description" => DESCRIPTION,
        "agency" => AGENCY,
        "ministries" => MINISTRIES,
        "life_events" => LIFE_EVENTS,
        "amount_nok" => AMOUNT,
        "total_cost_nok" => TOTAL_COST,
        "budget_year" => BUDGET_YEAR,
        "start_date" => START_DATE,
        "phase" => PHASE,
        "risk" => RISK,
        "tags" => TAGS,
        "status" => STATUS,
        _ => return None,
    })
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
