//! The schema and its migrations, keyed on `PRAGMA user_version`.
//!
//! Each migration runs in its own transaction together with the bump of `user_version`, so
//! a database is always at exactly one version. Add new migrations at the end; never edit one
//! that has shipped.

/// Marks the file as samla's ("SAML" in ASCII), so other SQLite files are refused.
pub const APPLICATION_ID: i64 = 0x5341_4D4C;

pub const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Ministries, agencies, the municipal sector (KS) and municipalities.
CREATE TABLE organisations (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('ministry', 'agency', 'municipal', 'municipality')),
    name TEXT NOT NULL,
    name_en TEXT,
    ministry_id INTEGER REFERENCES organisations(id),
    confirmed INTEGER NOT NULL DEFAULT 1,
    origin TEXT NOT NULL DEFAULT 'reference' CHECK (origin IN ('reference', 'import', 'analyst'))
);

-- Folded names that identify organisations. An alias with several rows is a historic name
-- whose tasks went to several successors, tried in `rank` order.
CREATE TABLE organisation_aliases (
    alias TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    rank INTEGER NOT NULL DEFAULT 0,
    origin TEXT NOT NULL DEFAULT 'reference' CHECK (origin IN ('reference', 'import', 'analyst')),
    PRIMARY KEY (alias, organisation_id)
) WITHOUT ROWID;

-- Canonical values of small vocabularies (phase, risk) in their natural order.
CREATE TABLE vocabulary_terms (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    name_en TEXT,
    position INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;

CREATE TABLE life_events (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_nb TEXT NOT NULL,
    name_nn TEXT NOT NULL,
    name_en TEXT NOT NULL,
    ministry_id INTEGER REFERENCES organisations(id),
    position INTEGER NOT NULL
);

CREATE TABLE life_event_aliases (
    alias TEXT PRIMARY KEY,
    life_event_id INTEGER NOT NULL REFERENCES life_events(id) ON DELETE CASCADE,
    origin TEXT NOT NULL DEFAULT 'reference' CHECK (origin IN ('reference', 'analyst'))
) WITHOUT ROWID;

-- A sector or list that is collected round after round ("kommunal", "helse").
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

-- One imported file.
CREATE TABLE import_batches (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    file_name TEXT NOT NULL,
    file_path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    analyst TEXT NOT NULL,
    rows_read INTEGER NOT NULL,
    inserted INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    unchanged INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL,
    rejected INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    -- The header row as the file wrote it (JSON array), for reading raw rows.
    headers TEXT NOT NULL,
    report TEXT NOT NULL
);
CREATE INDEX import_batches_by_sha256 ON import_batches (sha256);
CREATE INDEX import_batches_by_source ON import_batches (source_id);

CREATE TABLE initiatives (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    -- The initiative's key in its source (the file's id column, or its folded title).
    source_key TEXT NOT NULL,
    first_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    last_batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    source_line INTEGER,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    title TEXT NOT NULL,
    description TEXT,
    agency_id INTEGER REFERENCES organisations(id),
    -- The owner as the file wrote it, kept when it matched nothing known.
    agency_text TEXT,
    amount_nok INTEGER,
    total_cost_nok INTEGER,
    budget_year INTEGER,
    start_date TEXT,
    phase TEXT,
    risk TEXT,
    -- The source row verbatim: a JSON array of its cells, in the order of the headers of
    -- its batch (import_batches.headers). Nothing a file held is ever lost, and a re-import
    -- re-reads it to see which fields the source changed, so analysts' edits to the others
    -- survive.
    raw_row TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (source_id, source_key)
);

-- The link tables need no index beyond their primary key: filters ask "does initiative X
-- have ministry Y", which the key answers, and every extra index costs each import.
CREATE TABLE initiative_ministries (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    ministry_id INTEGER NOT NULL REFERENCES organisations(id),
    -- 0 is the lead ministry.
    position INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, ministry_id)
) WITHOUT ROWID;

CREATE TABLE initiative_life_events (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    life_event_id INTEGER NOT NULL REFERENCES life_events(id) ON DELETE CASCADE,
    PRIMARY KEY (initiative_id, life_event_id)
) WITHOUT ROWID;

CREATE TABLE initiative_tags (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (initiative_id, tag)
) WITHOUT ROWID;

CREATE TABLE criteria (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name_nb TEXT NOT NULL,
    name_en TEXT NOT NULL,
    scale_min REAL,
    scale_max REAL,
    -- A field the criterion is computed from, or NULL when analysts score it.
    derived_from TEXT,
    higher_is_better INTEGER NOT NULL DEFAULT 1,
    weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
    position INTEGER NOT NULL
);

CREATE TABLE scores (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    criterion_id INTEGER NOT NULL REFERENCES criteria(id) ON DELETE CASCADE,
    value REAL NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (initiative_id, criterion_id)
) WITHOUT ROWID;

-- The analyst's verdict on a candidate pair; the lower id first.
CREATE TABLE duplicate_decisions (
    initiative_a INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    initiative_b INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    decision TEXT NOT NULL CHECK (decision IN ('duplicate', 'overlap', 'distinct')),
    note TEXT,
    decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    PRIMARY KEY (initiative_a, initiative_b),
    CHECK (initiative_a < initiative_b)
) WITHOUT ROWID;

-- Every change to an initiative, by an analyst or by a re-import.
CREATE TABLE change_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    initiative_id INTEGER REFERENCES initiatives(id) ON DELETE SET NULL,
    batch_id INTEGER REFERENCES import_batches(id),
    field TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX change_log_by_initiative ON change_log (initiative_id);
CREATE INDEX change_log_by_batch ON change_log (batch_id);
"#,
    // 2: scoring. Criteria carry all of their definition (so a database ranks the same way
    // whatever criteria file is at hand), and scenarios save weights, frames and locks.
    r"
-- For criteria derived from phase or risk: a JSON object of name → value.
ALTER TABLE criteria ADD COLUMN derive_values TEXT;
ALTER TABLE criteria ADD COLUMN transform TEXT NOT NULL DEFAULT 'linear' CHECK (transform IN ('linear', 'log'));
-- The criteria file's weight; `weight` is the one in use.
ALTER TABLE criteria ADD COLUMN default_weight REAL NOT NULL DEFAULT 1 CHECK (default_weight >= 0);
-- 0 once the criteria file no longer defines it: its scores are kept, rankings leave it out.
ALTER TABLE criteria ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE INDEX scores_by_criterion ON scores (criterion_id);

CREATE TABLE scenarios (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- A JSON object of criterion code → weight.
    weights TEXT NOT NULL,
    budget_nok INTEGER CHECK (budget_nok >= 0),
    resolution_nok INTEGER CHECK (resolution_nok > 0),
    -- JSON arrays of initiative ids the analyst locked into or out of the frame.
    locked_in TEXT NOT NULL DEFAULT '[]',
    locked_out TEXT NOT NULL DEFAULT '[]',
    saved_at TEXT NOT NULL,
    saved_by TEXT NOT NULL
);
",
    // 3: a scenario remembers how its frame is filled (rank order, most benefit, benefit per
    // krone); scenarios saved before keep the rank order, the default.
    r"
ALTER TABLE scenarios ADD COLUMN mode TEXT NOT NULL DEFAULT 'rank_order';
",
    // 4: the columns an analyst confirmed for a source, reused for its next round.
    r"
CREATE TABLE source_mappings (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    -- A JSON array of [field, header] pairs.
    mapping TEXT NOT NULL,
    confirmed_by TEXT NOT NULL,
    confirmed_at TEXT NOT NULL
);
",
    // 5: an import round can be undone. Before a round writes, the state of its source's
    // initiatives is kept (for the latest round of each source only, so the copy never
    // grows beyond one per initiative); and suggestions the analyst rejected stay rejected.
    r"
ALTER TABLE import_batches ADD COLUMN undoable INTEGER NOT NULL DEFAULT 0;
CREATE TABLE round_snapshots (
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    last_batch_id INTEGER NOT NULL,
    source_line INTEGER,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    agency_id INTEGER,
    agency_text TEXT,
    amount_nok INTEGER,
    total_cost_nok INTEGER,
    budget_year INTEGER,
    start_date TEXT,
    phase TEXT,
    risk TEXT,
    raw_row TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (batch_id, initiative_id)
);
-- An initiative's ministries, life events and tags before the round: value is the
-- ministry's or life event's id, or the tag.
CREATE TABLE round_snapshot_links (
    batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('ministry', 'life_event', 'tag')),
    value TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX round_snapshot_links_by_batch ON round_snapshot_links (batch_id);
CREATE TABLE rejected_suggestions (
    initiative_id INTEGER NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('life_event', 'owner')),
    value TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    rejected_by TEXT NOT NULL,
    PRIMARY KEY (initiative_id, kind, value)
) WITHOUT ROWID;
",
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}
