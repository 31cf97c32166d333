//! The column mapping an analyst confirmed for a source (with `--map`, `--yes` or the
//! import preview), kept so the source's next round is read the same way without asking.

use super::Store;
use crate::error::Result;
use crate::model::import::Field;
use rusqlite::OptionalExtension;

impl Store {
    /// The mapping last confirmed for `source`, as (field, header) pairs.
    pub fn source_mapping(&self, source: &str) -> Result<Option<Vec<(Field, String)>>> {
        let json: Option<String> = self
            .conn()
            .query_row(
                "SELECT m.mapping FROM source_mappings m JOIN sources s ON s.id = m.source_id WHERE s.label = ?1",
                [source],
                |r| r.get(0),
            )
            .optional()?;
        // A mapping that cannot be read is as good as none: the import detects afresh.
        Ok(json.and_then(|json| serde_json::from_str(&json).ok()))
    }

    /// Remembers `mapping` for `source` (which must exist), replacing what was there.
    pub(crate) fn remember_mapping(
        tx: &rusqlite::Transaction<'_>,
        source: &str,
        mapping: &[(Field, String)],
        analyst: &str,
        at: &str,
    ) -> Result<()> {
        let json = serde_json::to_string(mapping).unwrap_or_else(|_| "[]".into());
        tx.execute(
            "INSERT INTO source_mappings (source_id, mapping, confirmed_by, confirmed_at)
             SELECT id, ?2, ?3, ?4 FROM sources WHERE label = ?1
             ON CONFLICT (source_id) DO UPDATE SET mapping = excluded.mapping,
                 confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at",
            (source, json, analyst, at),
        )?;
        Ok(())
    }
}
