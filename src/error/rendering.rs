//! Every kind of error said in bokmål and English, and never with a flag in the message.

use super::*;
use crate::i18n::Lang;

fn path(text: &str) -> PathBuf {
    PathBuf::from(text)
}

/// One error of each kind the library returns, with its bokmål and English message.
fn table() -> Vec<Example> {
    [
        scoring_problems(),
        budget_problems(),
        export_problems(),
        store_problems(),
        tag_problems(),
        filter_errors(),
        usage_problems(),
        reference_and_other_errors(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// An error, and its message in bokmål and in English.
type Example = (Error, &'static str, &'static str);

/// ScoringProblem: scoring and weights.
fn scoring_problems() -> Vec<Example> {
    vec![
        (
            ScoringProblem::OutsideScale { value: 6.5, criterion: "nytte".into(), min: 1.0, max: 5.0 }.into(),
            "6,5 er utenfor skalaen til kriteriet «nytte» (1 til 5)",
            "6.5 is outside the scale of criterion 'nytte' (1 to 5)",
        ),
        (
            ScoringProblem::MatrixShape { rows: 2, columns: 3, values: 5 }.into(),
            "en poengtabell med 2 rader og 3 kriterier trenger 6 verdier, ikke 5",
            "a score matrix of 2 rows and 3 criteria needs 6 values, not 5",
        ),
        (
            ScoringProblem::MatrixOrder.into(),
            "radene i poengtabellen må stå i stigende id-rekkefølge",
            "score matrix rows must be in increasing id order",
        ),
        (
            ScoringProblem::NoSuchCriterion(9).into(),
            "det finnes ikke noe kriterium nummer 9",
            "there is no criterion number 9",
        ),
        (ScoringProblem::NoSuchRow(4).into(), "poengtabellen har ingen rad 4", "there is no row 4 in the score matrix"),
        (
            ScoringProblem::Derived { criterion: "risiko".into(), field: "risk" }.into(),
            "kriteriet «risiko» regnes ut fra tiltakets risiko; endre det feltet i stedet for å gi poeng",
            "criterion 'risiko' is derived from the initiative's risk; change that field instead of scoring it",
        ),
        (
            ScoringProblem::NegativeWeight(-2.5).into(),
            "vekten må være et tall fra 0 og oppover, ikke -2,5",
            "a weight must be a number of 0 or more, not -2.5",
        ),
        (ScoringProblem::NothingRanked.into(), "ranger minst ett kriterium", "rank at least one criterion"),
        (ScoringProblem::RankedTwice.into(), "et kriterium er rangert to ganger", "a criterion is ranked twice"),
        (
            ScoringProblem::WeightsMismatch { weights: 2, criteria: 5 }.into(),
            "2 vekter passer ikke til 5 kriterier",
            "2 weights do not match 5 criteria",
        ),
        (
            ScoringProblem::AllWeightsZero.into(),
            "alle vektene er 0; gi minst ett kriterium en vekt",
            "every weight is 0; give at least one criterion a weight",
        ),
        (
            ScoringProblem::NotAnAmount("mye".into()).into(),
            "«mye» er ikke et beløp; skriv kroner (500000000) eller med enhet: 500M, 500 MNOK, 0,5 mrd",
            "'mye' is not an amount; write kroner (500000000) or with a unit: 500M, 500 MNOK, 0,5 mrd",
        ),
        (
            ScoringProblem::AmountTooLarge("9e99".into()).into(),
            "«9e99» er et for stort beløp",
            "'9e99' is too large an amount",
        ),
        (
            ScoringProblem::Spread { spread: 1.5 }.into(),
            "spredningen må være fra 0 % til under 100 %, ikke 150 %",
            "the spread must be at least 0 % and below 100 %, not 150 %",
        ),
        (
            ScoringProblem::NoRuns.into(),
            "følsomhetsanalysen trenger minst én kjøring og en topp på minst 1",
            "sensitivity needs at least one run and a top N of at least 1",
        ),
    ]
}

/// BudgetProblem: a frame and its locks.
fn budget_problems() -> Vec<Example> {
    vec![
        (
            BudgetProblem::NegativeFrame.into(),
            "budsjettrammen kan ikke være negativ",
            "the budget frame cannot be negative",
        ),
        (
            BudgetProblem::BadOrder.into(),
            "rekkefølgen må ta med hvert tiltak nøyaktig én gang",
            "the order must list every item once",
        ),
        (
            BudgetProblem::NoSuchItem { item: 3, locked_in: true }.into(),
            "det finnes ikke noe tiltak nummer 3 å låse inn",
            "no item 3 to lock in",
        ),
        (
            BudgetProblem::NoSuchItem { item: 3, locked_in: false }.into(),
            "det finnes ikke noe tiltak nummer 3 å låse ute",
            "no item 3 to lock out",
        ),
        (
            BudgetProblem::LockedWithoutAmount(2).into(),
            "tiltak nummer 2 har ikke noe søkt beløp og kan derfor ikke låses inn i rammen",
            "item 2 has no requested amount, so it cannot be locked into the frame",
        ),
        (
            BudgetProblem::LockedBoth(1).into(),
            "tiltak nummer 1 er låst både inn og ute",
            "item 1 is locked both in and out",
        ),
        (
            BudgetProblem::LocksExceedFrame { locked_nok: 40_000_000, frame_nok: 30_000_000 }.into(),
            "tiltakene som er låst inn, ber om 40,0 MNOK, mer enn rammen på 30,0 MNOK",
            "the locked-in proposals ask for 40000000 NOK, more than the frame of 30000000 NOK",
        ),
        (
            BudgetProblem::TooManyUnits {
                frame_nok: 5_000_000_000,
                resolution_nok: 1,
                units: 5_000_000_000,
                max_units: 2_000_000,
            }
            .into(),
            "en ramme på 5 000,0 MNOK med en oppløsning på 1 kroner gir 5000000000 enheter, flere enn 2000000; velg en \
             grovere oppløsning",
            "a frame of 5000000000 NOK at a resolution of 1 NOK is 5000000000 units, more than 2000000; choose a \
             coarser resolution",
        ),
        (
            BudgetProblem::TooMuchMemory { candidates: 900, width: 4000, mib: 512 }.into(),
            "900 tiltak over 4000 beløpsenheter krever 512 MiB for et eksakt utvalg; velg en grovere oppløsning",
            "900 proposals over 4000 amount units need 512 MiB to choose exactly; choose a coarser resolution",
        ),
    ]
}

/// ExportProblem: where and in what format an export or brief is written.
fn export_problems() -> Vec<Example> {
    vec![
        (
            ExportProblem::OutputIsDirectory(path("ut")).into(),
            "ut er en mappe, ikke et filnavn",
            "ut is a directory, not a file name",
        ),
        (
            ExportProblem::NoDirectory(path("finnes/ikke")).into(),
            "mappen finnes/ikke finnes ikke",
            "the directory finnes/ikke does not exist",
        ),
        (
            ExportProblem::BriefFormat(path("notat.txt")).into(),
            "kan ikke se av notat.txt hvilket format notatet skal ha; kall fila .md (Markdown) eller .html",
            "cannot tell the brief's format from notat.txt; name it .md (Markdown) or .html",
        ),
        (
            ExportProblem::UnknownFormat(path("liste.txt")).into(),
            "kan ikke se av navnet hvilket format liste.txt skal ha; kall fila .csv, .xlsx, .md eller .json",
            "cannot tell the format of liste.txt from its name; name it .csv, .xlsx, .md or .json",
        ),
        (
            ExportProblem::TemplateSyntax("unexpected end".into()).into(),
            "feil i malen: unexpected end",
            "template syntax: unexpected end",
        ),
        (
            ExportProblem::Template("undefined value".into()).into(),
            "malen for notatet: undefined value",
            "brief template: undefined value",
        ),
    ]
}

/// StoreProblem: initiatives, pairs and imports the database does not have.
fn store_problems() -> Vec<Example> {
    vec![
        (
            StoreProblem::NoSuchInitiative(999).into(),
            "det finnes ikke noe tiltak med id 999",
            "there is no initiative with id 999",
        ),
        (
            StoreProblem::NoActiveInitiative(7).into(),
            "det finnes ikke noe aktivt tiltak med id 7",
            "there is no active initiative with id 7",
        ),
        (
            StoreProblem::UnknownIds { unknown: 2, total: 5 }.into(),
            "2 av de 5 id-ene hører ikke til noe tiltak",
            "2 of the 5 ids name no initiative",
        ),
        (
            StoreProblem::PairWithItself(4).into(),
            "et par må være to ulike tiltak, men fikk 4 to ganger",
            "a pair needs two different initiatives, got 4 twice",
        ),
        (
            StoreProblem::ReferenceChanged.into(),
            "referansedataene ble endret mens fila ble importert; ingenting er lagret, importer den på nytt",
            "the reference data changed while the file was imported; nothing was written, import it again",
        ),
        (
            StoreProblem::NoSuchBatch { source_name: "kommunal".into(), batch: 3 }.into(),
            "kilden «kommunal» har ingen import nummer 3",
            "source 'kommunal' has no import batch 3",
        ),
        (
            StoreProblem::NoImports("kommunal".into()).into(),
            "kilden «kommunal» har ingen importer",
            "source 'kommunal' has no imports",
        ),
        (
            StoreProblem::NotADemoDatabase(path("mine.db")).into(),
            "mine.db finnes og er ikke en demodatabase",
            "mine.db exists and is not a demo database",
        ),
    ]
}

/// TagProblem: the tag language.
fn tag_problems() -> Vec<Example> {
    vec![
        (
            TagProblem::NotKeyValue("dødsfall".into()).into(),
            "«dødsfall» er ikke NØKKEL:VERDI; bruk liv:, eier:, dep:, tag:, fase: eller risiko: (en - foran fjerner)",
            "'dødsfall' is not KEY:VALUE; use liv:, eier:, dep:, tag:, fase: or risiko: (a leading - removes)",
        ),
        (TagProblem::NeedsValue("liv".into()).into(), "liv: mangler verdi", "liv: needs a value"),
        (TagProblem::UnusableTag("!!".into()).into(), "«!!» kan ikke brukes som stikkord", "'!!' is not a usable tag"),
        (
            TagProblem::NothingToChange.into(),
            "ingenting å endre; for eksempel liv:dødsfall, eier:Nav, tag:ks1",
            "nothing to change; e.g. liv:dødsfall, eier:Nav, tag:ks1",
        ),
    ]
}

/// FilterError: the filter language.
fn filter_errors() -> Vec<Example> {
    vec![
        (
            FilterError::UnknownKey { key: "farge".into(), hints: vec!["fase".into()] }.into(),
            "filterfeil: ukjent filter «farge:»; mente du fase?",
            "filter error: unknown filter 'farge:'; did you mean fase?",
        ),
        (
            FilterError::UnknownValue { key: "dep".into(), value: "XYZ".into(), hints: Vec::new() }.into(),
            "filterfeil: ukjent verdi «XYZ» (dep:)",
            "filter error: unknown dep 'XYZ'",
        ),
        (
            FilterError::BadNumber { key: "beløp".into(), value: "mye".into() }.into(),
            "filterfeil: «mye» er ikke et tall eller intervall for beløp:",
            "filter error: 'mye' is not a number or range for beløp:",
        ),
        (
            FilterError::EmptyValue { key: "dep".into() }.into(),
            "filterfeil: dep: mangler verdi",
            "filter error: dep: needs a value",
        ),
    ]
}

/// UsageProblem: a command used in a way it cannot be.
fn usage_problems() -> Vec<Example> {
    vec![
        (UsageProblem::NothingToTag.into(), "ingen tiltak å merke", "no initiatives to tag"),
        (
            UsageProblem::NotAScore("høy".into()).into(),
            "«høy» er ikke en poengsum; gi et tall på kriteriets skala, eller - for å tømme",
            "'høy' is not a score; give a number on the criterion's scale, or - to clear",
        ),
        (
            UsageProblem::Threshold(1.5).into(),
            "terskelen for duplikater må ligge mellom 0 og 1, ikke 1,5",
            "the duplicate threshold must lie between 0 and 1, got 1.5",
        ),
        (
            UsageProblem::Resolution.into(),
            "oppløsningen må være mer enn 0 kroner",
            "the resolution must be more than 0 NOK",
        ),
        (
            UsageProblem::LocksNeedFrame.into(),
            "å låse tiltak inn eller ute krever en budsjettramme",
            "locking initiatives in or out needs a budget frame",
        ),
        (
            UsageProblem::NotATerminal.into(),
            "skjermbildet trenger en interaktiv terminal",
            "the terminal UI needs an interactive terminal",
        ),
        (
            UsageProblem::NotFieldColumn("tittel".into()).into(),
            "«tittel» er ikke FELT=KOLONNE",
            "'tittel' is not FIELD=COLUMN",
        ),
        (
            UsageProblem::UnknownField { field: "farge".into(), known: "key, title".into() }.into(),
            "ukjent felt «farge»; feltene er: key, title",
            "unknown field 'farge'; fields are: key, title",
        ),
        (UsageProblem::NoColumn("title=".into()).into(), "«title=» nevner ingen kolonne", "'title=' names no column"),
        (
            UsageProblem::NotMnok("mye".into()).into(),
            "«mye» er ikke et beløp i MNOK (f.eks. 12,5)",
            "'mye' is not an amount in MNOK (e.g. 12,5)",
        ),
        (
            UsageProblem::OutOfRange("1e300".into()).into(),
            "«1e300» er utenfor det som kan brukes",
            "'1e300' is out of range",
        ),
        (
            UsageProblem::NotCriterionWeight("nytte".into()).into(),
            "«nytte» er ikke KRITERIUM=VEKT",
            "'nytte' is not CRITERION=WEIGHT",
        ),
        (
            UsageProblem::NotAWeight("-2".into()).into(),
            "«-2» er ikke en vekt (et tall, 0 eller mer)",
            "'-2' is not a weight (a number of 0 or more)",
        ),
    ]
}

/// Reference files, encoding and the home directory.
fn reference_and_other_errors() -> Vec<Example> {
    vec![
        (
            Error::reference(
                "organisations.toml",
                ReferenceProblem::UnknownMinistry { agency: "NAV".into(), ministry: "XYZ".into() },
            ),
            "organisations.toml: virksomheten «NAV» viser til et ukjent departement «XYZ»",
            "organisations.toml: agency 'NAV' names unknown ministry 'XYZ'",
        ),
        (
            Error::reference("criteria.toml", ReferenceProblem::CriterionTwice("nytte".into())),
            "criteria.toml: kriteriet «nytte» er definert to ganger",
            "criteria.toml: criterion 'nytte' is defined twice",
        ),
        (
            Error::reference("criteria.toml", ReferenceProblem::LogScaleFromZero("kost".into())),
            "criteria.toml: kriteriet «kost»: en logaritmisk skala må starte over 0",
            "criteria.toml: criterion 'kost': a log scale must start above 0",
        ),
        (
            Error::reference("life_events.toml", ReferenceProblem::LifeEventNameTwice("Dødsfall".into())),
            "life_events.toml: navnet «Dødsfall» er gitt til to livshendelser",
            "life_events.toml: the name 'Dødsfall' is given to two life events",
        ),
        (
            Error::reference("life_event_keywords.toml", ReferenceProblem::NotALifeEvent("flytting".into())),
            "life_event_keywords.toml: «flytting» er ikke koden til en livshendelse",
            "life_event_keywords.toml: 'flytting' is not a life event code",
        ),
        (
            Error::encode("JSON", "key must be a string"),
            "kan ikke skrive JSON: key must be a string",
            "cannot write JSON: key must be a string",
        ),
        (
            Error::NoHomeDirectory { config_env: "SAMLA_CONFIG_DIR", data_env: "SAMLA_DATA_DIR" },
            "finner ingen hjemmemappe til samlas filer; sett SAMLA_CONFIG_DIR og SAMLA_DATA_DIR",
            "cannot find a home directory for samla's files; set SAMLA_CONFIG_DIR and SAMLA_DATA_DIR",
        ),
    ]
}

#[test]
fn every_new_error_kind_is_said_in_bokmal_and_english() {
    for (error, nb, en) in table() {
        assert_eq!(error.message(Lang::Nb), nb, "{error:?}");
        assert_eq!(error.message(Lang::En), en, "{error:?}");
    }
}

/// Errors of the older kinds whose English names a flag, so the bokmål must not.
fn with_flags_in_english() -> Vec<Error> {
    vec![
        Error::DatabaseMissing { path: path("samla.db") },
        Error::DatabaseIsDirectory { path: path("data") },
        Error::OutputExists { path: path("liste.csv") },
        PrioritiesError::AllWeightsZero("standard".into()).into(),
        Error::import("fil.csv", ImportProblem::IsDirectory),
        Error::import("fil.csv", ImportProblem::WouldWithdraw { label: "k".into(), withdrawn: 5, active: 10 }),
        Error::import("fil.csv", ImportProblem::Unsure { fields: vec!["title".into()], columns: Vec::new() }),
    ]
}

#[test]
fn no_message_names_a_flag_and_the_command_line_hints_carry_them() {
    let errors: Vec<Error> = table().into_iter().map(|(error, _, _)| error).chain(with_flags_in_english()).collect();
    for error in &errors {
        for lang in [Lang::Nb, Lang::En] {
            let message = error.message(lang);
            assert!(!message.contains("--"), "{lang:?} message names a flag: {message}");
        }
    }
    // The flags the old sentences named are now hints, for the command line only.
    let hint = |error: Error, lang| error.cli_hint(lang).unwrap_or_default();
    assert!(hint(ExportProblem::OutputIsDirectory(path("ut")).into(), Lang::Nb).contains("--out"));
    assert!(hint(ExportProblem::UnknownFormat(path("x")).into(), Lang::En).contains("--format"));
    assert!(hint(StoreProblem::NotADemoDatabase(path("x")).into(), Lang::Nb).contains("--db"));
    assert!(hint(StoreProblem::NoSuchInitiative(1).into(), Lang::Nb).contains("samla list"));
    assert!(hint(UsageProblem::NothingToTag.into(), Lang::Nb).contains("--filter"));
    assert!(hint(UsageProblem::Threshold(2.0).into(), Lang::En).contains("--threshold"));
    assert!(hint(UsageProblem::LocksNeedFrame.into(), Lang::Nb).contains("--budget"));
    assert!(hint(ScoringProblem::Spread { spread: 2.0 }.into(), Lang::Nb).contains("--spread"));
    assert!(hint(ScoringProblem::AllWeightsZero.into(), Lang::En).contains("samla weights --set"));
    assert!(hint(FilterError::EmptyValue { key: "dep".into() }.into(), Lang::Nb).contains("--filter"));
    assert_eq!(StoreProblem::ReferenceChanged.cli_hint(Lang::Nb), None);
}

#[test]
fn bokmal_and_english_differ_for_every_new_kind() {
    // A message left untranslated would read the same in both languages.
    for (error, _, _) in table() {
        assert_ne!(error.message(Lang::Nb), error.message(Lang::En), "{error:?}");
    }
    // The parser's own words stay as the parser gave them, in either language.
    let parser = Error::reference("criteria.toml", ReferenceProblem::Unreadable("expected `=`, line 2".into()));
    for lang in [Lang::Nb, Lang::En] {
        assert_eq!(parser.message(lang), "criteria.toml: expected `=`, line 2");
    }
}
