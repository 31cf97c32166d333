//! Column detection on headers and files nobody here wrote: every header below is invented
//! for the test (never taken from a data set), written every way sectors write headers.

mod common;

use common::{Home, fails, ok};
use proptest::prelude::*;
use samla::import::Field;
use samla::import::detect::{header_field, lexicon::Lexicon};

/// Invented headers: their words, the compound a Norwegian writer would make of them, and
/// the field they mean.
const HEADERS: &[(&[&str], &str, Field)] = &[
    (&["prosjekt", "navn"], "prosjektnavn", Field::Title),
    (&["tiltak", "overskrift"], "tiltaksoverskrift", Field::Title),
    (&["initiativ", "namn"], "initiativnamn", Field::Title),
    (&["measure", "name"], "measurename", Field::Title),
    (&["kort", "beskrivelse"], "kortbeskrivelse", Field::Description),
    (&["prosjekt", "samandrag"], "prosjektsamandrag", Field::Description),
    (&["project", "summary"], "projectsummary", Field::Description),
    (&["sak", "nr"], "saksnr", Field::Key),
    (&["sak", "referanse"], "saksreferanse", Field::Key),
    (&["project", "code"], "projectcode", Field::Key),
    (&["ansvarlig", "etat"], "ansvarligetat", Field::Agency),
    (&["eier", "virksomhet"], "eiervirksomhet", Field::Agency),
    (&["owner", "organisation"], "ownerorganisation", Field::Agency),
    (&["fag", "departement"], "fagdepartement", Field::Ministry),
    (&["lead", "ministry"], "leadministry", Field::Ministry),
    (&["søkt", "beløp"], "søktbeløp", Field::AmountNok),
    (&["estimert", "kostnad"], "estimertkostnad", Field::AmountNok),
    (&["requested", "amount"], "requestedamount", Field::AmountNok),
    (&["samlet", "kostnad"], "samletkostnad", Field::TotalCostNok),
    (&["prosjekt", "fase"], "prosjektfase", Field::Phase),
    (&["project", "stage"], "projectstage", Field::Phase),
    (&["risiko", "vurdering"], "risikovurdering", Field::Risk),
    (&["risk", "class"], "riskclass", Field::Risk),
    (&["planlagt", "oppstart"], "planlagtoppstart", Field::StartDate),
    (&["budsjett", "år"], "budsjettår", Field::BudgetYear),
];

/// One header written in one style.
fn written(words: &[&str], compound: &str, style: u8, case: u8) -> String {
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default()
    };
    let text = match style % 6 {
        0 => words.join(" "),
        1 => words.join("_"),
        2 => words.join("-"),
        3 => compound.to_string(),
        4 => words.iter().enumerate().map(|(i, w)| if i == 0 { w.to_string() } else { capitalised(w) }).collect(),
        _ => format!("  {}: ", words.join("  ")),
    };
    match case % 3 {
        0 => text.to_uppercase(),
        1 => capitalised(&text),
        _ => text,
    }
}

#[test]
fn invented_headers_mean_their_field_however_they_are_written() {
    let lexicon = Lexicon::builtin();
    for &(words, compound, field) in HEADERS {
        for style in 0..6 {
            for case in 0..3 {
                for unit in ["", " (mill. kr)", " i 1000 kr", " NOK"] {
                    let mut header = written(words, compound, style, case);
                    if !matches!(field, Field::AmountNok | Field::TotalCostNok) && !unit.is_empty() {
                        continue;
                    }
                    header.push_str(unit);
                    assert_eq!(header_field(&header, &lexicon), Some(field), "{header:?}");
                }
            }
        }
    }
}

proptest! {
    /// Each word in its own case (lower, UPPER or Capitalised), any run of separators
    /// between the words (a slash means alternatives, read elsewhere), spaces around.
    #[test]
    fn headers_read_the_same_whatever_the_case_of_each_word_and_the_separators(
        index in 0..HEADERS.len(),
        cases in proptest::collection::vec(0u8..3, 4),
        separator in "[ _.:-]{1,3}",
        padding in " {0,2}",
    ) {
        let (words, _, field) = HEADERS[index];
        let cased: Vec<String> = words
            .iter()
            .zip(cases.iter().cycle())
            .map(|(w, case)| match case {
                0 => w.to_string(),
                1 => w.to_uppercase(),
                _ => {
                    let mut chars = w.chars();
                    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
                }
            })
            .collect();
        let header = format!("{padding}{}{padding}", cased.join(&separator));
        let lexicon = Lexicon::builtin();
        prop_assert_eq!(header_field(&header, &lexicon), Some(field), "{}", header);
    }
}

fn write(home: &Home, name: &str, text: &str) -> String {
    let path = home.path(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("utf-8").to_string()
}

/// A file whose title column is named by no header word, and two columns that might be it.
const UNSURE: &str = "Navn;Tittel;Ansvarlig etat;Søkt beløp (mill. kr)\n\
    Digital søknad om tilskudd;Søknad om tilskudd;Nav;12\n\
    Felles varslingsløsning;Varsler;Skatteetaten;4\n";

#[test]
fn an_unsure_import_shows_its_proposal_and_asks_writing_nothing() {
    let home = Home::new();
    let file = write(&home, "usikker.csv", UNSURE);
    let out = home.run_db(&["import", &file]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    assert!(err.contains("Slik leser samla kolonnene"), "{err}");
    assert!(err.contains("«Navn»") && err.contains("tittel? (usikker)"), "{err}");
    assert!(err.contains("samla import") && err.contains("--map title=Navn"), "the exact --map to give: {err}");
    assert!(!home.db().exists() || common::stdout(&home.run_db(&["list", "--format", "json"])).trim() == "[]");

    // A dry run shows the proposal with its confidence and writes nothing.
    let dry = ok(home.run_db(&["--lang", "en", "import", &file, "--dry-run"]));
    assert!(dry.contains("How samla reads the columns") && dry.contains("title? (unsure)"), "{dry}");

    // --yes takes the proposal; --map corrects it. Either is remembered for the next round.
    let report = ok(home.run_db(&["import", &file, "--map", "title=Tittel"]));
    assert!(report.contains("tittel ← «Tittel»"), "{report}");
    let round2 = write(&home, "usikker_runde2.csv", &UNSURE.replace(";12\n", ";13\n"));
    let report = ok(home.run_db(&["import", &round2]));
    assert!(report.contains("tittel ← «Tittel»") && report.contains("1 endret"), "remembered: {report}");
}

#[test]
fn contradicting_a_remembered_mapping_is_the_analysts_call() {
    let home = Home::new();
    let file = write(&home, "kilde.csv", UNSURE);
    ok(home.run_db(&["import", &file, "--yes"]));
    let round2 = write(&home, "kilde_runde2.csv", &UNSURE.replace(";4\n", ";5\n"));
    let err = fails(home.run_db(&["import", &round2, "--map", "title=Finnes ikke"]));
    assert!(err.contains("«Finnes ikke»"), "{err}");
}
