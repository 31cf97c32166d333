//! The words of the analyst's working day in the terminal UI: rounds and their undoing,
//! the file picker, scoring as a mode, decisions that persist, and the folded layouts.

use super::Text;

catalogue! {
    RESULT_NEW = "nye" / "new";
    RESULT_CHANGED = "endret" / "changed";
    RESULT_WITHDRAWN = "trukket" / "withdrawn";
    ROUND_OF = "runde" / "round";
    OF_SOURCE = "av" / "of";
    RECOGNISED_AS_ROUND = "Radene finnes fra før i kilden" / "The rows are already in source";
    RECOGNISED_NOT_NEW = "fila er lest som en ny runde av den, ikke som en ny kilde" /
        "the file was read as a new round of it, not as a new source";
    ROWS_READ_OF = "rader lest" / "rows read";
    ROUND_HEADER = "Runde" / "Round";
    SOURCE_AND_FILE = "Kilde · fil" / "Source · file";
    ACT_UNDO_ROUND = "Angre den valgte importrunden (den siste i sin kilde)" /
        "Undo the selected import round (the latest of its source)";
    HINT_UNDO_ROUND = "angre runde" / "undo round";
    UNDO_ROUND_ASK = "Angre runde" / "Undo round";
    UNDO_ROUND_EFFECT = "Tiltakene runden la til, fjernes; de den endret eller trakk, blir som før runden, også det du \
        selv har endret på dem etter runden (tagger, livshendelser, eiere, fase)." /
        "The initiatives the round added are removed; those it changed or withdrew are as before it, including what you \
        changed on them yourself after the round (tags, life events, owners, phase).";
    UNDO_ROUND_NEW = "nye tiltak" / "new initiatives";
    ROUND_UNDONE = "Angret runde" / "Undid round";
    ROUND_REMOVED = "fjernet" / "removed";
    ROUND_RESTORED = "satt tilbake" / "restored";
    ROUND_REACTIVATED = "aktive igjen" / "active again";
    ROUND_NOT_UNDOABLE = "Bare den siste runden i en kilde kan angres." /
        "Only the latest round of a source can be undone.";
    ACT_TOGGLE_PANEL = "Vis / skjul sidepanelet (vektene på Prioritering) eller kolonnene som er lagt bort" /
        "Show / hide the side panel (the weights on Priorities) or the columns folded away";
    ACT_EDIT_SCORES = "Poeng: begynn å skrive poeng (enter gjør det samme; esc avslutter)" /
        "Scores: start typing scores (enter does the same; esc stops)";
    ACT_EXPLAIN = "Vis hvordan poengsummen blir til" / "Show how the total score adds up";
    UNDO_SCOPE = "siste endring, alle skjermer" / "latest change, all screens";
    UNDO_SCORE = "poeng" / "score";
    UNDO_PAIR = "vurdering av paret" / "decision on pair";
    UNDO_TAGS = "tagging" / "tagging";
    NONE_VALUE = "tomt" / "empty";
    ACCEPT_ALL_ASK = "Godta alle forslag" / "Accept every suggestion";
    ACCEPT_ALL_LINE = "forslag til livshendelser legges til tiltakene sine." /
        "life-event suggestions are added to their initiatives.";
    ACCEPT_ALL_REJECTED = "Forslag du har avvist, er ikke med." / "Suggestions you rejected are left out.";
    REJECTED_KEPT = "Avvist; forslaget kommer ikke igjen." / "Rejected; the suggestion will not come back.";
    EDITING_SCORES = "POENGMODUS: tall skriver poeng, esc avslutter" / "SCORING: digits type scores, esc stops";
    EDIT_HINT = "skriv poeng" / "type scores";
    DERIVED_MARK = "avledet" / "derived";
    MISSING_MARK = "mangler" / "missing";
    HELP_THIS_SCREEN = "Denne skjermen" / "This screen";
    HELP_GLOBAL = "Overalt" / "Everywhere";
    PANEL_FOLDED = "z viser vektene" / "z shows the weights";
    HINT_STOP_SCORING = "slutt å skrive poeng" / "stop scoring";
    HINT_PANEL = "vekter" / "weights";
    HINT_COLUMNS = "kolonner" / "columns";
    SUGGESTED_EVENT = "Livshendelse" / "Life event";
    SUGGESTION_WORDS = "Ord i teksten" / "Words in the text";
    IN_THE_FRAME = "i rammen" / "in the frame";
    MORE_MINISTRIES = "departementer til" / "more ministries";
    // Initiatives without a ministry (mostly municipal), in the chart's 8-column labels.
    NOT_GIVEN = "uten dep" / "no min.";
    PICKER_TITLE = "Importer en fil" / "Import a file";
    PICKER_FILTER = "Filter (eller en sti)" / "Filter (or a path)";
    PICKER_EMPTY = "Ingen mapper eller filer samla kan lese (.csv, .tsv, .txt, .xlsx, .xls, .ods)" /
        "No folders or files samla can read (.csv, .tsv, .txt, .xlsx, .xls, .ods)";
    PICKER_PATH = "enter importerer stien" / "enter imports the path";
    HINT_PICK = "åpne / velg" / "open / choose";
    HINT_UP_FOLDER = "opp en mappe" / "up a folder";
    WORDS_LIFE_EVENT = "livshendelse" / "life event";
    WORDS_NO_LIFE_EVENT = "fjern livshendelse" / "remove life event";
    WORDS_OWNER = "eier" / "owner";
    WORDS_MINISTRY_BECOMES = "departement endres til" / "ministry becomes";
    WORDS_MINISTRY = "departement" / "ministry";
    WORDS_TAG = "stikkord" / "tag";
    WORDS_NO_TAG = "fjern stikkord" / "remove tag";
    WORDS_PHASE = "fase" / "phase";
    WORDS_RISK = "risiko" / "risk";
    SOURCE_REMOVED = "Det var kildens eneste runde, så kilden er fjernet." /
        "It was the source's only round, so the source is gone.";
    NOT_EDITING_SCORES = "enter: skriv poeng i cellene (tall bytter skjerm til da)" /
        "enter: type scores into the cells (until then digits change screen)";
}
