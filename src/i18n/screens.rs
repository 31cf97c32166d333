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
}
