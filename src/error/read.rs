//! Why a file could not be read as a table: data, not sentences, so the terminal UI and the
//! command line can say it in the user's language (`message`). `Display` is the English.

use crate::i18n::Lang;
use crate::text::{group_thousands, shorten};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("this is a PDF, not a table; export the table from it as CSV or XLSX")]
    Pdf,
    #[error("this is not a text table (it holds binary data); give a CSV, TSV, XLSX or ODS file")]
    Binary,
    #[error("the file starts with a {encoding} byte-order mark but is not valid {encoding}")]
    BadByteOrderMark { encoding: &'static str },
    #[error("a sheet can only be chosen in a spreadsheet (.xlsx, .xls, .ods), not in a CSV file")]
    SheetInCsv,
    #[error("the file is named .{extension} but is not a spreadsheet; save it again from the spreadsheet program")]
    NotASpreadsheet { extension: String },
    #[error("the file is not a readable spreadsheet archive ({detail})")]
    ArchiveUnreadable { detail: String },
    #[error("the spreadsheet archive is damaged")]
    ArchiveDamaged,
    #[error("the spreadsheet unpacks to an implausible size (a zip bomb?); refused")]
    ZipBomb,
    #[error("the spreadsheet unpacks to more than 1 GiB; refused")]
    ArchiveTooLarge,
    #[error("cannot read the spreadsheet: {detail}")]
    Spreadsheet { detail: String },
    #[error("there is no sheet '{wanted}'; the sheets are: {}", sheets.join(", "))]
    NoSuchSheet { wanted: String, sheets: Vec<String> },
    #[error("the spreadsheet has no sheets")]
    NoSheets,
    #[error("cannot read sheet '{sheet}': {detail}")]
    SheetUnreadable { sheet: String, detail: String },
    #[error("unreadable CSV near line {line}: {detail}")]
    Csv { line: u64, detail: String },
    #[error(
        "the quote opened on line {line} is never closed: it would swallow the rest of the file; close it or remove it"
    )]
    UnclosedQuote { line: usize },
    #[error(
        "the quote opened on line {line} is not closed until line {until}: one cell would swallow {rows} rows; \
         close it where the cell ends"
    )]
    RunawayQuote { line: usize, until: usize, rows: usize },
    #[error(
        "the spreadsheet is damaged: its part {part} {damage}; open it in the spreadsheet program and save it again"
    )]
    DamagedPart { part: String, damage: Damage },
    #[error(
        "the spreadsheet names a cell '{reference}' (in {part}) that no spreadsheet program writes; \
         save it again from the spreadsheet program"
    )]
    BadReference { reference: String, part: String },
    #[error(
        "the spreadsheet's {cells} cells (in {part}) are spread over {rows} rows × {columns} columns, mostly empty; \
         delete the stray cells far from the table, or save the table alone"
    )]
    SparseCells { part: String, cells: u64, rows: u64, columns: u64 },
    #[error(
        "the spreadsheet repeats one row with content {times} times (in {part}, row {row}); \
         no list of initiatives does that: save the table again without the copied block"
    )]
    RepeatedRow { part: String, row: u64, times: u64 },
}

pub type ReadResult<T> = Result<T, ReadError>;

impl ReadError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Nb => self.bokmal(),
        }
    }

    fn bokmal(&self) -> String {
        match self {
            Self::Empty => "fila er tom".into(),
            Self::Pdf => "dette er en PDF, ikke en tabell; eksporter tabellen i den som CSV eller XLSX".into(),
            Self::Binary => {
                "dette er ikke en teksttabell (fila har binære data); bruk en CSV-, TSV-, XLSX- eller ODS-fil".into()
            }
            Self::BadByteOrderMark { encoding } => {
                format!("fila begynner med et byte-order-merke for {encoding}, men er ikke gyldig {encoding}")
            }
            Self::SheetInCsv => "ark kan bare velges i regneark (.xlsx, .xls, .ods), ikke i en CSV-fil".into(),
            Self::NotASpreadsheet { extension } => {
                format!("fila heter .{extension}, men er ikke et regneark; lagre den på nytt fra regnearkprogrammet")
            }
            Self::ArchiveUnreadable { detail } => format!("fila er ikke et lesbart regneark ({detail})"),
            Self::ArchiveDamaged => "regnearket er skadet".into(),
            Self::ZipBomb => "regnearket pakker seg ut til en urimelig størrelse (en zip-bombe?); avvist".into(),
            Self::ArchiveTooLarge => "regnearket pakker seg ut til mer enn 1 GiB; avvist".into(),
            Self::Spreadsheet { detail } => format!("kan ikke lese regnearket: {detail}"),
            Self::NoSuchSheet { wanted, sheets } => {
                format!("det finnes ikke noe ark «{wanted}»; arkene er: {}", sheets.join(", "))
            }
            Self::NoSheets => "regnearket har ingen ark".into(),
            Self::SheetUnreadable { sheet, detail } => format!("kan ikke lese arket «{sheet}»: {detail}"),
            Self::Csv { line, detail } => format!("uleselig CSV nær linje {line}: {detail}"),
            Self::UnclosedQuote { line } => format!(
                "anførselstegnet som åpnes på linje {line}, lukkes aldri: det ville slukt resten av fila; \
                 lukk det eller fjern det"
            ),
            Self::RunawayQuote { line, until, rows } => format!(
                "anførselstegnet som åpnes på linje {line}, lukkes først på linje {until}: én celle ville slukt \
                 {} rader; lukk det der cellen slutter",
                group_thousands(*rows as i64)
            ),
            Self::DamagedPart { part, damage } => format!(
                "regnearket er skadet: delen {part} {}; åpne det i regnearkprogrammet og lagre det på nytt",
                damage.bokmal()
            ),
            Self::BadReference { reference, part } => format!(
                "regnearket viser til en celle «{reference}» (i {part}) som ingen regnearkprogrammer skriver; \
                 lagre det på nytt fra regnearkprogrammet"
            ),
            Self::SparseCells { part, cells, rows, columns } => format!(
                "regnearkets {} celler (i {part}) er spredt over {} rader × {} kolonner, nesten alle tomme; \
                 slett de løse cellene langt fra tabellen, eller lagre tabellen alene",
                group_thousands(*cells as i64),
                group_thousands(*rows as i64),
                group_thousands(*columns as i64)
            ),
            Self::RepeatedRow { part, row, times } => format!(
                "regnearket gjentar én rad med innhold {} ganger (i {part}, rad {row}); ingen tiltaksliste gjør \
                 det: lagre tabellen på nytt uten den kopierte blokken",
                group_thousands(*times as i64)
            ),
        }
    }
}

/// What is wrong with an XML part of a spreadsheet.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Damage {
    #[error("ends before its elements are closed")]
    Unclosed,
    #[error("is not well-formed XML ({detail})")]
    NotWellFormed { detail: String },
    #[error("cannot be unpacked (its checksum does not match)")]
    Unreadable,
}

impl Damage {
    fn bokmal(&self) -> String {
        match self {
            Damage::Unclosed => "slutter før elementene er lukket".into(),
            Damage::NotWellFormed { detail } => format!("er ikke velformet XML ({detail})"),
            Damage::Unreadable => "kan ikke pakkes ut (kontrollsummen stemmer ikke)".into(),
        }
    }
}

/// A library's error text for a message: one line, cut short (a damaged file can make a
/// parser quote a megabyte).
pub(crate) fn detail(error: impl std::fmt::Display) -> String {
    shorten(&error.to_string().replace(['\n', '\r'], " "), 160)
}
