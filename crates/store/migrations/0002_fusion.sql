-- sitrep store, schema version 2: fusion. Per-article events stay in `events` (the mentions);
-- fused events are a layer above them, with the decisions that built them.

-- Articles fused so far (in ingest order = articles.rowid), their MinHash signature and the
-- earlier article each is a near-duplicate of.
CREATE TABLE fusion_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    seq INTEGER NOT NULL,
    signature TEXT NOT NULL,
    duplicate_of TEXT,
    similarity REAL
);
CREATE INDEX fusion_articles_duplicate ON fusion_articles(duplicate_of);

-- One row per fused event; `json` is the whole fused event (merged event, members, figures).
CREATE TABLE fused_events (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    sub_event_type TEXT NOT NULL,
    event_type TEXT NOT NULL,
    is_conflict INTEGER NOT NULL,
    event_date TEXT,
    precision TEXT NOT NULL,
    country TEXT,
    country_code TEXT,
    admin1 TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    fatalities INTEGER NOT NULL,
    n_mentions INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    disagrees INTEGER NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX fused_events_date ON fused_events(event_date);
CREATE INDEX fused_events_country ON fused_events(country);

-- Which fused event each mention (per-article event id) is in, and why (scores per cue).
CREATE TABLE fused_members (
    mention_id TEXT PRIMARY KEY,
    fused_id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    matched TEXT,
    total REAL NOT NULL,
    provenance TEXT NOT NULL
);
CREATE INDEX fused_members_fused ON fused_members(fused_id);

-- Relations between fused events (accounts of one ceasefire, ceasefire breaks).
CREATE TABLE event_links (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    relation TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX event_links_a ON event_links(a);
CREATE INDEX event_links_b ON event_links(b);

CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    n_events INTEGER NOT NULL,
    n_articles INTEGER NOT NULL,
    json TEXT NOT NULL
);

-- Merges a user undid (`sitrep split`): these two mentions are never fused again.
CREATE TABLE fusion_splits (
    mention_id TEXT NOT NULL,
    other_mention_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (mention_id, other_mention_id)
);
