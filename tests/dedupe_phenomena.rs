//! Each way one initiative is written differently by two sectors, shown with rows invented
//! for it: a Norwegian and an English row, nynorsk and bokmål, a code name and an acronym,
//! an agency's name in a title, a kind of action no list names. Each twin must be found and
//! each near miss (same object, other purpose) left alone, in a portfolio of unrelated rows
//! that makes rare words rare.

use samla::dedupe::language::Language;
use samla::dedupe::{Analysis, Reason, Record, ServiceKinds};

/// Pairs are judged at this score here: the search's own default.
const AT: f64 = samla::dedupe::DEFAULT_THRESHOLD;

fn record(id: i64, title: &str, description: &str, agency: &str, ministries: &[&str]) -> Record {
    Record {
        id,
        source_file: "oppfunnet.csv".into(),
        key: format!("R-{id}"),
        title: title.into(),
        description: Some(description.into()),
        agency: Some(agency.into()),
        ministries: ministries.iter().map(|m| m.to_string()).collect(),
        life_events: vec![],
        amount_nok: Some(10_000_000 + id * 1_000),
    }
}

/// Unrelated initiatives of the kinds the seed knows, over objects of their own (ids from
/// 1 000).
fn background() -> Vec<Record> {
    let objects = [
        "skjenkebevillinger",
        "hundehold",
        "snøbrøyting",
        "gatebelysning",
        "badeplasser",
        "sykkelparkering",
        "småbåthavner",
        "fyrverkerisalg",
        "kirkegårdsdrift",
        "vinterdekk",
    ];
    let mut rows = Vec::new();
    for (n, object) in objects.iter().enumerate() {
        let id = 1_000 + 10 * n as i64;
        let agency = format!("Kommune {n}");
        rows.push(record(
            id,
            &format!("Statistikk om {object}"),
            &format!("Løpende statistikk om {object} for styring og planlegging."),
            &agency,
            &[],
        ));
        rows.push(record(
            id + 1,
            &format!("Proaktive varsler om {object}"),
            &format!("Innbyggerne får beskjed når noe endres i saker om {object}."),
            &agency,
            &[],
        ));
        rows.push(record(
            id + 2,
            &format!("Veiledningstjeneste for {object}"),
            &format!("Digital veiledning om {object}, tilpasset egen situasjon."),
            &agency,
            &[],
        ));
    }
    rows
}

fn analysis(rows: Vec<Record>) -> Analysis {
    let mut all = background();
    all.extend(rows);
    Analysis::new(all, &ServiceKinds::builtin())
}

fn paired(analysis: &Analysis, a: i64, b: i64) -> bool {
    analysis.pair(a, b).is_some_and(|p| p.score >= AT)
}

fn object(analysis: &Analysis, id: i64) -> Vec<String> {
    analysis.object_terms(id).into_iter().map(|(term, _)| term).collect()
}

#[test]
fn an_english_row_meets_its_norwegian_twin_through_concepts() {
    let analysis = analysis(vec![
        record(
            1,
            "Digital søknad om gravferdsstønad",
            "Etterlatte kan søke om stønad til gravferden på nett, og søknaden behandles raskere.",
            "Nav",
            &["AID"],
        ),
        record(
            2,
            "Online application for funeral grants",
            "The bereaved can apply online for a grant towards the funeral, and the application is processed faster.",
            "Oslo kommune",
            &[],
        ),
        record(
            3,
            "Statistikk om gravferdsstønad",
            "Løpende statistikk om stønad til gravferd for styring og planlegging.",
            "SSB",
            &["FIN"],
        ),
    ]);
    assert_eq!(analysis.language(2), Some(Language::English));
    assert_eq!(analysis.language(1), Some(Language::Bokmal));
    let pair = analysis.pair(1, 2).expect("pair");
    assert!(pair.sub_scores.across_languages);
    assert!(pair.score >= AT, "{pair:?}");
    assert!(!paired(&analysis, 2, 3), "statistics is another initiative: {:?}", analysis.pair(2, 3));
    let reasons = analysis.reasons(&pair);
    let crossed = reasons.iter().find_map(|r| match r {
        Reason::SameConcepts { concepts, across_languages: true, .. } => Some(concepts.clone()),
        _ => None,
    });
    let concepts = crossed.expect("a reason names the concept that crossed languages");
    assert!(concepts.iter().any(|c| c.source == "los" && c.norwegian.starts_with("gravferd")), "{concepts:?}");
    assert!(concepts.iter().any(|c| c.source == "glossary" && c.english == "application"), "{concepts:?}");
}

#[test]
fn nynorsk_and_bokmal_read_alike() {
    let analysis = analysis(vec![
        record(
            1,
            "Ny løysing for handsaming av parkeringsløyve",
            "Kommunen skal handsame søknadene raskare, og innbyggjarane får svar utan å vente.",
            "Voss herad",
            &[],
        ),
        record(
            2,
            "Ny løsning for behandling av parkeringstillatelser",
            "Kommunen skal behandle søknadene raskere, og innbyggerne får svar uten å vente.",
            "Oslo kommune",
            &[],
        ),
        record(
            3,
            "Statistikk om parkeringsløyve",
            "Løpande statistikk om løyve for styring og planlegging.",
            "Voss herad",
            &[],
        ),
    ]);
    assert_eq!(analysis.language(1), Some(Language::Nynorsk));
    assert_eq!(analysis.language(2), Some(Language::Bokmal));
    let pair = analysis.pair(1, 2).expect("pair");
    assert!(!pair.sub_scores.across_languages, "nynorsk is compared as bokmål");
    assert!(pair.score >= AT, "{pair:?}");
    assert!(pair.sub_scores.object_words > 0.8, "one object once nynorsk is read: {pair:?}");
    assert!(!paired(&analysis, 2, 3));
}

#[test]
fn code_names_and_acronyms_stand_for_the_words_of_their_row() {
    let analysis = analysis(vec![
        record(
            1,
            "BryggeHjelp: veiledning om bryggeplasser",
            "Digital veiledning om bryggeplasser for båteiere som trenger hjelp.",
            "Oslo kommune",
            &[],
        ),
        record(
            2,
            "Veiledningstjeneste for bryggeplasser",
            "Digital veiledning om bryggeplasser, tilpasset båteiernes situasjon.",
            "Bergen kommune",
            &[],
        ),
        record(
            3,
            "BPS – digital søknad om bryggeplasser",
            "Båteiere kan søke om bryggeplasser på nett, uten papirskjema.",
            "Trondheim kommune",
            &[],
        ),
        record(
            4,
            "Digital søknad om bryggeplasser",
            "Båteiere søker om bryggeplasser på nett uten papirskjema.",
            "Bodø kommune",
            &[],
        ),
    ]);
    for id in [1, 3] {
        let terms = object(&analysis, id);
        assert!(!terms.iter().any(|t| t == "bryggehjelp" || t == "bps"), "{id}: {terms:?}");
    }
    assert!(paired(&analysis, 1, 2), "{:?}", analysis.pair(1, 2));
    assert!(paired(&analysis, 3, 4), "{:?}", analysis.pair(3, 4));
    assert!(!paired(&analysis, 1, 4), "guidance is not an application");
}

#[test]
fn an_agencys_name_in_a_title_is_not_what_the_initiative_is_about() {
    let analysis = analysis(vec![
        record(
            1,
            "Skatteetaten: digital søknad om skjenkebevillinger",
            "Serveringssteder søker om skjenkebevilling på nett.",
            "Skatteetaten",
            &["FIN"],
        ),
        record(
            2,
            "Digital søknad om skjenkebevillinger",
            "Serveringssteder kan søke om bevilling digitalt.",
            "Oslo kommune",
            &[],
        ),
        record(
            3,
            "Skatteetatens løsning for søknad om hundehold",
            "Hundeeiere søker om tillatelse til hundehold på nett.",
            "Skatteetaten",
            &["FIN"],
        ),
        record(
            4,
            "Digital søknad om vinterdekk i regi av Skatteetaten",
            "Bilister søker om fritak for piggdekkgebyr på nett.",
            "Skatteetaten",
            &["FIN"],
        ),
    ]);
    for id in [1, 3, 4] {
        let terms = object(&analysis, id);
        assert!(!terms.iter().any(|t| t.starts_with("skatteetat") || t == "regi"), "{id}: {terms:?}");
    }
    assert!(paired(&analysis, 1, 2), "{:?}", analysis.pair(1, 2));
    for (a, b) in [(1, 3), (1, 4), (3, 4)] {
        assert!(!paired(&analysis, a, b), "one agency's name does not make one initiative: {a} {b}");
    }
}

#[test]
fn a_kind_of_action_no_list_knows_is_learnt_and_kept_apart() {
    let instruments = ["drivstoffpumper", "taksametre", "gassmålere", "brovekter", "strømmålere", "fartsmålere"];
    let mut rows = Vec::new();
    for (n, object) in instruments.iter().enumerate() {
        let id = 10 * n as i64 + 1;
        let wording = ["Kalibrering av", "Kalibreringstjeneste for", "Årlig kalibrering av"][n % 3];
        let calibrate =
            format!("Måleutstyret justeres mot kjente normaler, og avvik på {object} rapporteres til eieren.");
        rows.push(record(id, &format!("{wording} {object}"), &calibrate, &format!("Justervesen {n}"), &["NFD"]));
        let twin = ["Kalibreringstjeneste for", "Årlig kalibrering av", "Kalibrering av"][n % 3];
        rows.push(record(
            id + 1,
            &format!("{twin} {object}"),
            &calibrate.replace("justeres", "kontrolleres og justeres"),
            &format!("Etat {n}"),
            &["KDD"],
        ));
        rows.push(record(
            id + 2,
            &format!("Statistikk om {object}"),
            &format!("Løpende statistikk om {object} for styring."),
            &format!("Etat {n}"),
            &["KDD"],
        ));
    }
    let analysis = analysis(rows);
    assert_eq!(analysis.kinds(1), vec!["kalibrering"], "learnt, named by its wording");
    assert_eq!(analysis.kinds(2), vec!["kalibrering"]);
    assert!(paired(&analysis, 1, 2), "{:?}", analysis.pair(1, 2));
    assert!(!paired(&analysis, 1, 3), "calibrating is not statistics: {:?}", analysis.pair(1, 3));
    assert!(!paired(&analysis, 1, 11), "the same kind for other instruments is another initiative");
}

#[test]
fn a_shared_compound_is_named_as_the_titles_write_it_not_as_its_parts() {
    // Invented rows: a compound both titles use ("brønnboring") whose parts the background
    // writes on their own elsewhere ("brønner", "boringen").
    let mut rows = vec![
        record(
            1,
            "Automatisert behandling av brønnboring",
            "Søknader om brønnboring behandles automatisk når vilkårene er oppfylt.",
            "Statsforvalteren i Vestland",
            &["KDD"],
        ),
        record(
            2,
            "Automatisering av brønnboringssaker",
            "Saker om brønnboring avgjøres automatisk etter faste regler.",
            "NGU",
            &["NFD"],
        ),
    ];
    for (id, title) in [(3, "Kart over brønner i kommunen"), (4, "Tilsyn med boringen av tunneler")] {
        rows.push(record(id, title, "Et annet tiltak med egen beskrivelse.", "Kartverket", &["KDD"]));
    }
    let analysis = analysis(rows);
    let pair = analysis.pair(1, 2).expect("pair");
    let words = analysis.reasons(&pair).into_iter().find_map(|r| match r {
        Reason::TitleWords { words, .. } => Some(words),
        _ => None,
    });
    let words = words.expect("the titles share a word");
    assert_eq!(words.first().map(String::as_str), Some("brønnboring"), "{words:?}");
    assert!(!words.iter().any(|w| w == "brønner" || w == "boringen"), "{words:?}");
    assert_eq!(analysis.headline(&pair).as_deref(), Some("brønnboring"));
}
