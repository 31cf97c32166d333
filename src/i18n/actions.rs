//! The names of actions (help, status bar, palette) and the short hints of the status bar.
//! A catalogue of its own so the main one stays short.

use super::Text;

catalogue! {
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
