//! The words of the priority plan: modes, reasons, warnings, the comparison and the curve.
//! A catalogue of its own so the main one stays one screenful of each kind.

use super::Text;

catalogue! {
    MODE = "Utvalg" / "Selection";
    MODE_RANK_ORDER = "rangeringsrekkefølge" / "rank order";
    MODE_MOST_BENEFIT = "mest nytte innenfor rammen" / "most benefit within the frame";
    MODE_VALUE_FOR_MONEY = "nytte per krone" / "benefit per krone";
    MODE_RANK_ORDER_WHY = "rammen fylles ovenfra; et tiltak hoppes over bare når det ikke passer i det som er igjen" /
        "the frame is filled from the top; an initiative is skipped only when it does not fit what is left";
    MODE_MOST_BENEFIT_WHY = "settet med høyest samlet nytte (poeng uten kostnad) som får plass, regnet eksakt" /
        "the set with the highest total benefit (points without cost) that fits, found exactly";
    MODE_VALUE_FOR_MONEY_WHY = "lista sortert etter nytte per krone, fylt ovenfra" /
        "the list ordered by benefit per krone, filled from the top";
    REASON_DOES_NOT_FIT = "passer ikke" / "does not fit";
    REASON_LEFT = "igjen" / "left";
    REASON_NO_AMOUNT = "mangler søkt beløp" / "no requested amount";
    REASON_LOCKED_OUT = "låst ute" / "locked out";
    REASON_DUPLICATE_OF = "duplikat av" / "duplicate of";
    REASON_ALREADY_IN = "som er med" / "which is in";
    REASON_GAVE_WAY = "byttet ut" / "swapped out";
    REASON_GAVE_WAY_WHY = "gir mer nytte i andre tiltak" / "buys more benefit in other initiatives";
    REASON_NO_BENEFIT = "ingen nytte" / "no benefit";
    THIN_RANKING_OF = "Rangeringen av" / "The ranking of";
    THIN_INITIATIVES = "tiltak bygger bare på" / "initiatives rests only on";
    THIN_WHY = "ingen av dem har poeng satt for hånd" / "none of them has a score given by hand";
    THIN_WEIGHT = "av vekten står midt på skalaen for dem" / "of the weight sits at mid-scale for them";
    AND = "og" / "and";
    OUT_ABOVE_CUT = "Ute selv om de rangerer høyt" / "Out though they rank high";
    SWAP_TITLE = "Alternativ: mest nytte innenfor rammen" / "Alternative: most benefit within the frame";
    SWAP_GAIN = "mer nytte" / "more benefit";
    SWAP_SHORT = "Mest nytte" / "Most benefit";
    SWAP_IN = "inn" / "in";
    SWAP_OUT = "ut" / "out";
    SWAP_SAME = "samme sett som rangeringsrekkefølgen" / "the same set as rank order";
    SWAP_RANK_ORDER_SET = "rangeringsrekkefølgen" / "rank order";
    BENEFIT = "nytte" / "benefit";
    CURVE_TITLE = "Beste oppnåelige nytte ved ulike rammer" / "Best achievable benefit at other frames";
    CURVE_FRAME = "Ramme" / "Frame";
    CURVE_BEST = "Beste nytte" / "Best benefit";
    CURVE_RANK_ORDER = "Rangeringsrekkefølge" / "Rank order";
    DUP_CONFIRMED = "duplikat" / "duplicate";
    DUP_OVERLAP = "overlapper" / "overlaps";
    DUP_LIKELY = "mulig duplikat av" / "likely duplicate of";
    DUP_LEGEND = "= duplikat, ≈ overlapp, ~ mulig duplikat" / "= duplicate, ≈ overlap, ~ likely duplicate";
    LIKELY_NOT_SEARCHED = "Mulige duplikatpar er ikke søkt fram for så mange tiltak; bare vurderte par er merket (se duplikatskjermen)" /
        "Likely duplicate pairs are not searched for among this many initiatives; only decided pairs are marked (see the duplicates screen)";
    FUNDED_TWICE = "Rammen finansierer flere tiltak i samme duplikatgruppe (låst inn)" /
        "The frame funds more than one initiative of a duplicate group (locked in)";
    DUPLICATES_IN_LIST = "tiltak i lista er i et duplikatpar eller en duplikatgruppe" /
        "initiatives in the list are in a duplicate pair or group";
    SELECTED = "Med" / "In";
    REASON = "Hvorfor ikke" / "Why not";
    GIVEN_HAND = "satt" / "given";
    GIVEN_DERIVED = "utledet" / "derived";
    GIVEN_MISSING = "mangler" / "missing";
    SCENARIOS = "Scenarier" / "Scenarios";
    SCENARIO_LOADED = "Scenario lastet" / "Scenario loaded";
    SCENARIO_NONE = "Ingen lagrede scenarier (n lagrer ett)" / "No saved scenarios (n saves one)";
    SCENARIO_COMPARE = "sammenlign med nå" / "compare with now";
    SCENARIO_LOAD = "last inn" / "load";
    NOW = "nå" / "now";
    LOCKS_EXCEED = "De låste tiltakene koster mer enn rammen" / "The locked-in initiatives cost more than the frame";
    LOCKED_NO_AMOUNT = "Et tiltak uten søkt beløp kan ikke låses inn" / "An initiative without a requested amount cannot be locked in";
    LOCKED_BOTH = "Et tiltak kan ikke være låst både inn og ute" / "An initiative cannot be locked both in and out";
    NEGATIVE_FRAME = "Rammen kan ikke være negativ" / "The frame cannot be negative";
    HINT_MODE = "utvalg" / "selection";
    HINT_SCENARIOS = "scenarier" / "scenarios";
    ACT_CYCLE_MODE = "Bytt utvalg: rangeringsrekkefølge, mest nytte, nytte per krone" /
        "Change the selection: rank order, most benefit, benefit per krone";
    ACT_SCENARIOS = "Scenarier: last inn eller sammenlign" / "Scenarios: load or compare";
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_entry_has_both_languages() {
        for text in super::ALL {
            assert!(!text.nb.is_empty() && !text.en.is_empty(), "{text:?}");
        }
    }
}
