//! `samla reference list|sync`.

use super::table::{Column, render};
use super::{Context, ReferenceAction, ReferenceArgs, print, terminal_width, to_json};
use crate::error::Result;
use crate::store::OpenMode;
use crate::store::lookup::{OrgKind, Resolver};
use std::process::ExitCode;

pub fn run(context: &Context, args: &ReferenceArgs) -> Result<ExitCode> {
    match args.action {
        ReferenceAction::Sync => {
            let mut store = context.open(OpenMode::Existing)?;
            let counts = store.sync_reference(&context.reference)?;
            print(&format!(
                "{} organisations, {} life events, {} new names, {} criteria\n",
                counts.organisations, counts.life_events, counts.aliases, counts.criteria
            ))?;
        }
        ReferenceAction::List { json } => {
            let store = context.open(OpenMode::Existing)?;
            let resolver = Resolver::load(store.conn())?;
            let mut orgs: Vec<_> = resolver.organisations().collect();
            orgs.sort_by(|a, b| (a.kind as u8, &a.code).cmp(&(b.kind as u8, &b.code)));
            if json {
                let orgs: Vec<_> = orgs
                    .iter()
                    .map(|o| {
                        serde_json::json!({
                            "code": o.code, "kind": o.kind, "name": o.name,
                            "ministry": o.ministry_id.and_then(|id| resolver.org(id)).map(|m| m.code.clone()),
                        })
                    })
                    .collect();
                let events: Vec<_> = resolver
                    .life_events()
                    .iter()
                    .map(|e| serde_json::json!({"code": e.code, "name_nb": e.name_nb, "name_en": e.name_en}))
                    .collect();
                let value = serde_json::json!({"organisations": orgs, "life_events": events});
                print(&(to_json(&value, true)? + "\n"))?;
                return Ok(ExitCode::SUCCESS);
            }
            let kind = |k: OrgKind| match k {
                OrgKind::Ministry => "departement",
                OrgKind::Agency => "virksomhet",
                OrgKind::Municipal => "kommunesektor",
                OrgKind::Municipality => "kommune",
            };
            let rows: Vec<Vec<String>> = orgs
                .iter()
                .map(|o| {
                    vec![
                        o.code.clone(),
                        kind(o.kind).to_string(),
                        o.ministry_id.and_then(|id| resolver.org(id)).map(|m| m.code.clone()).unwrap_or_default(),
                        o.name.clone(),
                    ]
                })
                .collect();
            let columns =
                [Column::new("Kode"), Column::new("Type"), Column::new("Dep."), Column::new("Navn").flexible()];
            let mut out = render(&columns, &rows, terminal_width());
            out.push('\n');
            let events: Vec<Vec<String>> = resolver
                .life_events()
                .iter()
                .map(|e| vec![e.code.clone(), e.name_nb.clone(), e.name_en.clone()])
                .collect();
            out.push_str(&render(
                &[Column::new("Livshendelse"), Column::new("Navn"), Column::new("English")],
                &events,
                terminal_width(),
            ));
            print(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
