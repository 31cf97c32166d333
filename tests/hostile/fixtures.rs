//! The hostile files, built byte by byte. Small ones are also committed in
//! `tests/fixtures/hostile/` (so a person can look at them, and the fuzz targets can start
//! from them); the test `committed_fixtures_match_their_generator` keeps both in step, and
//! `SAMLA_REGENERATE_FIXTURES=1 cargo test --test hostile` rewrites them. Big ones (a 1 MB
//! field, 10 000 columns, a 4 MB line) are only made at test time, into a temporary
//! directory.

/// What samla must do with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// Imported: this many initiatives, every one with a title.
    Imports(usize),
    /// Refused with a message holding this text; nothing written.
    Refused(&'static str),
}

pub struct Fixture {
    pub name: &'static str,
    pub bytes: Vec<u8>,
    pub expect: Expect,
}

/// ESC [ 2J (clear screen), OSC 52 (set the clipboard), OSC 0 (set the window title, ended
/// by BEL), 8-bit CSI and OSC (C1), NEL, DEL, and a backspace that would hide a letter.
pub const ESCAPES: [&str; 8] = [
    "\u{1b}[2J\u{1b}[H",
    "\u{1b}]52;c;cm0gLXJmIH4=\u{7}",
    "\u{1b}]0;pwned\u{7}",
    "\u{9b}31m",
    "\u{9d}0;c1 title\u{9c}",
    "\u{85}",
    "\u{7f}",
    "ab\u{8}c",
];

/// Right-to-left override, the isolates (LRI, RLI, FSI, PDI), LRM/RLM and the Arabic letter mark.
pub const BIDI: [&str; 6] =
    ["\u{202e}fdp.exe", "\u{2066}a\u{2069}", "\u{2067}b\u{2069}", "\u{2068}c\u{2069}", "\u{200e}\u{200f}", "\u{61c}"];

/// The small files, committed as `tests/fixtures/hostile/NAME`.
pub fn small() -> Vec<Fixture> {
    vec![
        Fixture { name: "escapes.csv", bytes: escapes_csv(), expect: Expect::Imports(ESCAPES.len()) },
        Fixture { name: "bidi.csv", bytes: bidi_csv(), expect: Expect::Imports(BIDI.len()) },
        Fixture { name: "quoting.csv", bytes: quoting_csv(), expect: Expect::Imports(4) },
        Fixture {
            name: "unclosed_quote.csv",
            bytes: b"Tiltak;Virksomhet;Bel\xc3\xb8p\nA;Nav;1\n\"B;Nav;2\nC;Nav;3\nD;Nav;4\n".to_vec(),
            expect: Expect::Refused("the quote opened on line 3 is never closed"),
        },
        Fixture { name: "mixed_encoding.csv", bytes: mixed_encoding_csv(), expect: Expect::Imports(3) },
        Fixture { name: "c1_bytes.csv", bytes: c1_bytes_csv(), expect: Expect::Imports(2) },
        Fixture {
            name: "broken_utf16.csv",
            bytes: broken_utf16_csv(),
            expect: Expect::Refused("byte-order mark but is not valid UTF-16LE"),
        },
        Fixture { name: "nul.csv", bytes: nul_csv(), expect: Expect::Refused("binary data") },
        Fixture {
            name: "header_only.csv",
            bytes: b"Tiltak;Virksomhet;Belop\r\n".to_vec(),
            expect: Expect::Refused("no data rows"),
        },
        Fixture {
            name: "hostile_headers.csv",
            bytes: hostile_headers_csv(),
            expect: Expect::Refused("no column looks like a title"),
        },
    ]
}

/// The big files, made at test time only.
pub fn big() -> Vec<Fixture> {
    vec![
        Fixture { name: "one_megabyte_field.csv", bytes: one_megabyte_field(), expect: Expect::Imports(2) },
        Fixture { name: "ten_thousand_columns.csv", bytes: ten_thousand_columns(true), expect: Expect::Imports(3) },
        Fixture {
            name: "ten_thousand_columns_no_title.csv",
            bytes: ten_thousand_columns(false),
            expect: Expect::Refused("no column looks like a title"),
        },
        Fixture { name: "long_line.csv", bytes: long_line(), expect: Expect::Refused("no data rows") },
        Fixture { name: "late_nul.csv", bytes: late_nul(), expect: Expect::Imports(400) },
        Fixture { name: "deep_quotes.csv", bytes: deep_quotes(), expect: Expect::Imports(2) },
    ]
}

fn csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("write");
    }
    writer.into_inner().expect("csv")
}

/// Every escape in title, description, agency and key, each row also a ministry code.
fn escapes_csv() -> Vec<u8> {
    let mut rows = vec![vec!["Nr".into(), "Tiltak".into(), "Beskrivelse".into(), "Virksomhet".into(), "Beløp".into()]];
    for (i, escape) in ESCAPES.iter().enumerate() {
        rows.push(vec![
            format!("E{i}{escape}"),
            format!("Tittel {i} {escape}slutt"),
            format!("Linje én {escape}\nlinje to\r\nlinje tre\ttab"),
            format!("Nav{escape}"),
            format!("{i},5 {escape}"),
        ]);
    }
    csv(&rows)
}

fn bidi_csv() -> Vec<u8> {
    let mut rows = vec![vec!["Tiltak".into(), "Beskrivelse".into(), "Virksomhet".into(), "Livshendelse".into()]];
    for (i, bidi) in BIDI.iter().enumerate() {
        rows.push(vec![
            format!("Bidi {i} {bidi} x"),
            format!("fgh{bidi}jkl"),
            format!("{bidi}Skatteetaten"),
            bidi.to_string(),
        ]);
    }
    csv(&rows)
}

/// Quotes doubled, nested, stray inside an unquoted field, and one never closed.
fn quoting_csv() -> Vec<u8> {
    let text = concat!(
        "Tiltak;Beskrivelse;Virksomhet\n",
        "\"a \"\"sitat\"\" i \"\"\"\"sitat\"\"\"\"\";\"\"\"\"\"\"\"\"\"\"\"\"\";Nav\n",
        "uten \"anførsel\" tegn;x\"y\"z;\"Nav\"\"\n",
        "\"flere\nlinjer \"\"inni\"\"\";\"\";\n",
        "\"slutt\"etter;\"\"\"\";Nav\n",
        "\";;;\";\";\"\";\"\n",
    );
    text.as_bytes().to_vec()
}

/// UTF-8 and Windows-1252 in one file: it is read as Windows-1252, so the UTF-8 rows come
/// out as mojibake; nothing is lost or refused.
fn mixed_encoding_csv() -> Vec<u8> {
    let mut bytes = b"Tiltak;Virksomhet\n".to_vec();
    bytes.extend_from_slice("Fødselsmelding;Skatteetaten\n".as_bytes());
    bytes.extend_from_slice(b"D\xf8dsbo \x96 \x93arv\x94;Nav\n");
    bytes.extend_from_slice(b"Halv \xc3 sekvens \xe2\x82;Nav\n");
    bytes
}

/// Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined: decoded, they are C1
/// controls (0x9D is OSC). A raw ESC byte too. Enough plain text around them that the file
/// is not taken for binary data.
fn c1_bytes_csv() -> Vec<u8> {
    let mut bytes = b"Tiltak;Virksomhet;Beskrivelse\n".to_vec();
    let plain = b"Et tiltak for \xe5 gj\xf8re det enklere \xe5 finne fram i offentlige tjenester.";
    bytes.extend_from_slice(b"Skj\xf8nn \x9d0;title\x9c \x81\x8d\x8f\x90;Nav;");
    bytes.extend_from_slice(plain);
    bytes.extend_from_slice(b"\nEsc \x1b[31mr\xf8d;Nav\x1b[0m;");
    bytes.extend_from_slice(plain);
    bytes.extend_from_slice(b"\n");
    bytes
}

/// A UTF-16LE byte-order mark, then an unpaired surrogate.
fn broken_utf16_csv() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Tiltak;Virksomhet\nA;Nav\n".encode_utf16().chain([0xD800, 0x0041]) {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

fn nul_csv() -> Vec<u8> {
    b"Tiltak;Virksomhet\nNul\0byte;Nav\n\0\0\0\0;\0\n".to_vec()
}

/// Headers that are themselves escape sequences, and no title column: the refusal quotes them.
fn hostile_headers_csv() -> Vec<u8> {
    let text = "\u{1b}[2JOverskrift;\u{202e}kolonne;\u{1b}]52;c;eA==\u{7}\nx;y;z\n";
    text.as_bytes().to_vec()
}

/// A description of 1 MiB (with an escape in the middle) and an amount of 1 MiB of digits.
fn one_megabyte_field() -> Vec<u8> {
    let mut description = "lang ".repeat(1 << 17);
    description.insert_str(description.len() / 2, "\u{1b}[2J");
    let digits = "9".repeat(1 << 20);
    csv(&[
        vec!["Tiltak".into(), "Beskrivelse".into(), "Beløp".into()],
        vec!["Stor beskrivelse".into(), description, "1".into()],
        vec!["Stort beløp".into(), "kort".into(), digits],
    ])
}

/// 10 000 columns; with `title`, the title is the 5 000th.
fn ten_thousand_columns(title: bool) -> Vec<u8> {
    let header: Vec<String> = (0..10_000)
        .map(|i| if title && i == 4_999 { "Tiltak".to_string() } else { format!("Kolonne {i}\u{1b}[2J") })
        .collect();
    let rows: Vec<Vec<String>> = (0..3).map(|r| (0..10_000).map(|c| format!("r{r}c{c}")).collect()).collect();
    csv(&[vec![header], rows].concat())
}

/// 4 MiB on one line, no line break at all: a header row whose last cell never ends, and
/// nothing below it. (Width is the ten-thousand-column file's job.)
fn long_line() -> Vec<u8> {
    let mut bytes = b"Tiltak;Beskrivelse;".to_vec();
    while bytes.len() < 4 << 20 {
        bytes.extend_from_slice(b"ord \x1b[2J\"ord\" ");
    }
    bytes
}

/// A NUL byte after the first 8 KiB, where the binary check no longer looks.
fn late_nul() -> Vec<u8> {
    let mut bytes = b"Tiltak;Virksomhet\n".to_vec();
    for i in 0..399 {
        bytes.extend_from_slice(format!("Tiltak nummer {i} med litt tekst;Nav\n").as_bytes());
    }
    bytes.extend_from_slice(b"Med\0nul;N\0av\n");
    bytes
}

/// 200 000 quote characters in a row: the csv parser's state machine, not recursion.
fn deep_quotes() -> Vec<u8> {
    let mut bytes = b"Tiltak;Beskrivelse\n\"".to_vec();
    bytes.extend(std::iter::repeat_n(b'"', 200_000));
    bytes.extend_from_slice(b"\";x\nAndre;\"");
    bytes.extend(std::iter::repeat_n(b'"', 100_001));
    bytes.extend_from_slice(b"\n");
    bytes
}
