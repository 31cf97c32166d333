//! A synthetic national portfolio of any size, for demos and benchmarks at 10 000, 100 000
//! or 1 000 000 initiatives: realistic titles, owners, amounts and life events, with about a
//! fifth of the rows being other sectors' versions of an earlier initiative. The same seed
//! gives the same file.

use crate::error::Result;
use crate::reference::ReferenceSource;
use rand_core::{RngCore, SeedableRng};

/// Objects (what an initiative is about), each with the life event it serves (or none).
const OBJECTS: &[(&str, Option<&str>)] = &[
    ("foreldrepenger", Some("fa-barn")),
    ("engangsstønad", Some("fa-barn")),
    ("barnetrygd", Some("fa-barn")),
    ("fødselsmelding", Some("fa-barn")),
    ("barnehageplass", Some("fa-barn")),
    ("navnemelding", Some("fa-barn")),
    ("pleiepenger", Some("alvorlig-sykt-barn")),
    ("barnekoordinator", Some("alvorlig-sykt-barn")),
    ("avlastning", Some("alvorlig-sykt-barn")),
    ("hjelpemidler", Some("alvorlig-sykt-barn")),
    ("dagpenger", Some("miste-og-finne-jobb")),
    ("arbeidsavklaringspenger", Some("miste-og-finne-jobb")),
    ("permittering", Some("miste-og-finne-jobb")),
    ("lønnsgaranti", Some("miste-og-finne-jobb")),
    ("oppholdstillatelse", Some("ny-i-norge")),
    ("familiegjenforening", Some("ny-i-norge")),
    ("introduksjonsprogram", Some("ny-i-norge")),
    ("norskopplæring", Some("ny-i-norge")),
    ("dødsbo", Some("dodsfall-og-arv")),
    ("skifteattest", Some("dodsfall-og-arv")),
    ("uskifte", Some("dodsfall-og-arv")),
    ("gjenlevendepensjon", Some("dodsfall-og-arv")),
    ("foretaksregistrering", Some("starte-og-drive-bedrift")),
    ("mva-melding", Some("starte-og-drive-bedrift")),
    ("skjenkebevilling", Some("starte-og-drive-bedrift")),
    ("eksportsertifikat", Some("starte-og-drive-bedrift")),
    ("frivillighetsregisteret", Some("starte-og-drive-frivillig-organisasjon")),
    ("momskompensasjon", Some("starte-og-drive-frivillig-organisasjon")),
    ("lotteritillatelse", Some("starte-og-drive-frivillig-organisasjon")),
    ("byggesøknad", None),
    ("ferdigattest", None),
    ("matrikkel", None),
    ("kjernejournal", None),
    ("e-resept", None),
    ("fiskekvoter", None),
    ("produksjonstilskudd", None),
    ("tollklarering", None),
    ("eiendomsskatt", None),
    ("kartdata", None),
    ("arkivuttrekk", None),
    ("vaksinasjonsopplysninger", None),
    ("politiattest", None),
];

/// Ways of wording one kind of initiative; a repeat picks another of the same group.
const ACTIONS: &[&[&str]] = &[
    &["Digital søknad om {}", "Elektronisk søknad om {}", "Søknadstjeneste for {}"],
    &["Automatisk behandling av {}", "Automatisert saksbehandling av {}", "Maskinell behandling av {}"],
    &["Datadeling om {}", "Deling av data om {}", "Åpne API-er for {}"],
    &["Veiledningstjeneste for {}", "Digital veiviser for {}", "Chatbot for spørsmål om {}"],
    &["Proaktive varsler om {}", "Varslingstjeneste for {}", "Automatisk varsling om {}"],
    &["Statistikk om {}", "Analyse og statistikk om {}", "Styringsinformasjon om {}"],
    &["Ny løsning for {}", "Modernisering av {}-løsningen", "Ny digital løsning for {}"],
    &["Risikobasert kontroll av {}", "Kontrollverktøy for {}", "Digital kontroll av {}"],
];

const SCOPES: &[&str] = &[
    "Oslo kommune",
    "Bergen kommune",
    "Trondheim kommune",
    "Stavanger kommune",
    "Tromsø kommune",
    "Bodø kommune",
    "Kristiansand kommune",
    "Drammen kommune",
    "Vestland fylke",
    "Nordland fylke",
    "Innlandet fylke",
    "unge voksne",
    "eldre",
    "små bedrifter",
    "landbruket",
    "kystsamfunn",
];

const GAINS: &[&str] = &[
    "kortere saksbehandlingstid",
    "færre henvendelser",
    "bedre datakvalitet",
    "frigjorte årsverk i forvaltningen",
    "sikrere behandling av personopplysninger",
    "mindre dobbeltarbeid",
];

const PHASES: &[&str] = &["Idé", "Konsept", "Planlegging", "Gjennomføring"];
const RISKS: &[&str] = &["Lav", "Medium", "Høy"];
const SUFFIXES: &[&str] = &[" – fase 2", " (videreføring)", " trinn 1", " 2.0"];

struct Rng(rand_pcg::Pcg64Mcg);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        (self.0.next_u64() % n.max(1) as u64) as usize
    }

    fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.below(list.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A requested amount in MNOK: mostly 0,5–80 (median near 18), and one in thirty a
    /// programme of 300–1 500.
    fn amount_mnok(&mut self) -> f64 {
        let mnok =
            if self.chance(3) { 300.0 + self.unit() * 1200.0 } else { 0.5 * (1.0 + self.unit() * 6.0).powf(2.6) };
        (mnok * 10.0).round() / 10.0
    }
}

/// One initiative's content before it is written as a row.
struct Draft {
    object: usize,
    action: usize,
    scope: &'static str,
    owner: String,
    ministry: String,
}

/// Writes `rows` synthetic initiatives as CSV (samla's joint-list layout) to `out`.
pub fn write_csv(rows: usize, seed: u64, out: &mut impl std::io::Write) -> Result<()> {
    let organisations = ReferenceSource::builtin().organisations()?;
    let agencies: Vec<(&str, &str)> =
        organisations.agency.iter().map(|a| (a.code.as_str(), a.ministry.as_str())).collect();
    let mut rng = Rng(rand_pcg::Pcg64Mcg::seed_from_u64(seed));
    let io = |e: std::io::Error| crate::Error::io("write", "the generated file", e);
    writeln!(
        out,
        "tiltak_id,tittel,beskrivelse,virksomhet,departement,belop_mnok,livshendelser,fase,risiko,budsjettaar"
    )
    .map_err(io)?;
    let mut drafts: Vec<Draft> = Vec::with_capacity(rows);
    for n in 0..rows {
        // About one row in five is another owner's version of an earlier initiative.
        let repeat = n > 10 && rng.chance(20);
        let draft = if repeat {
            let earlier = &drafts[rng.below(drafts.len())];
            Draft {
                object: earlier.object,
                action: earlier.action,
                scope: earlier.scope,
                owner: String::new(),
                ministry: String::new(),
            }
        } else {
            Draft {
                object: rng.below(OBJECTS.len()),
                action: rng.below(ACTIONS.len()),
                scope: rng.pick(SCOPES),
                owner: String::new(),
                ministry: String::new(),
            }
        };
        let (owner, ministry) = if draft.scope.ends_with("kommune") && rng.chance(60) {
            (draft.scope.to_string(), String::new())
        } else {
            let (agency, ministry) = rng.pick(&agencies);
            (agency.to_string(), ministry.to_string())
        };
        let draft = Draft { owner, ministry, ..draft };
        let (object, life_event) = OBJECTS[draft.object];
        let wording = rng.pick(ACTIONS[draft.action]);
        let mut title = format!("{} – {}", wording.replace("{}", object), draft.scope);
        if repeat && rng.chance(25) {
            title.push_str(rng.pick(SUFFIXES));
        }
        if repeat && rng.chance(10) {
            title = title.to_uppercase();
        }
        let description = format!(
            "Tiltaket gjelder {object} for {}. Viktigste gevinster: {} og {}.",
            draft.scope,
            rng.pick(GAINS),
            rng.pick(GAINS)
        );
        let life_events = life_event.filter(|_| rng.chance(70)).unwrap_or("");
        let mut record = csv::Writer::from_writer(Vec::new());
        record
            .write_record([
                format!("GEN-{:07}", n + 1),
                title,
                description,
                draft.owner.clone(),
                draft.ministry.clone(),
                format!("{:.1}", rng.amount_mnok()),
                life_events.to_string(),
                rng.pick(PHASES).to_string(),
                rng.pick(RISKS).to_string(),
                (2026 + rng.below(3)).to_string(),
            ])
            .map_err(|e| crate::Error::encode("CSV", e))?;
        let bytes = record.into_inner().map_err(|e| crate::Error::encode("CSV", e))?;
        out.write_all(&bytes).map_err(io)?;
        drafts.push(draft);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_rows_and_every_row_imports() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        write_csv(300, 7, &mut a).expect("a");
        write_csv(300, 7, &mut b).expect("b");
        assert_eq!(a, b);
        let mut c = Vec::new();
        write_csv(300, 8, &mut c).expect("c");
        assert_ne!(a, c);
        let mut store = crate::store::Store::open_in_memory().expect("store");
        let report = crate::import::import_bytes(
            &mut store,
            &a,
            "generert.csv",
            "generert.csv",
            &crate::import::ImportOptions::default(),
            &ReferenceSource::builtin(),
        )
        .expect("import");
        assert_eq!(report.counts.inserted, 300);
        assert_eq!(report.counts.rejected, 0);
        assert!(report.warning_list.is_empty(), "{:?}", report.warning_list.first());
    }
}
