//! The words of scoring, weights, the duplicate search and the demo. A catalogue of its own
//! so the main one stays short.

use super::Text;

catalogue! {
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
}
