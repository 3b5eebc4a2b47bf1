-- sitrep store, schema version 4: what incremental fusion looks up, so that fusing new articles
-- reads only what they can touch instead of re-loading the corpus.

-- Fusion written by earlier versions has none of the tables below: forgetting which articles
-- are fused makes the next `sitrep fuse` (or ingest) fuse the whole corpus again and fill them.
-- The fused events stay readable until then; the user's splits are kept.
DELETE FROM fusion_articles;

-- The MinHash LSH band keys of each fused article: a new article's near-duplicate candidates
-- are the articles sharing a key with it.
CREATE TABLE fusion_bands (
    band_key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (band_key, seq)
) WITHOUT ROWID;

-- The blocks each fused event is filed under (a new mention is compared only with the fused
-- events of its blocks): country key × day (`coarse` 0, days from the common era), or
-- country key × year for long or unknown dates (`coarse` 1).
CREATE TABLE fused_blocks (
    country TEXT NOT NULL,
    coarse INTEGER NOT NULL,
    day INTEGER NOT NULL,
    fused_id TEXT NOT NULL,
    PRIMARY KEY (country, coarse, day, fused_id)
) WITHOUT ROWID;

-- The link rules' keys of each fused event's mentions: cessation accounts and ceasefire windows
-- (first to last day), violence (its day).
CREATE TABLE fused_link_keys (
    role TEXT NOT NULL,
    country TEXT NOT NULL,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    fused_id TEXT NOT NULL,
    PRIMARY KEY (role, country, first_day, last_day, fused_id)
) WITHOUT ROWID;

-- The story each fused event is in.
CREATE TABLE story_events (
    fused_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL
);
CREATE INDEX story_events_story ON story_events(story_id);

-- The last fused article and the last fused event, without a scan.
CREATE INDEX fusion_articles_seq ON fusion_articles(seq);
CREATE INDEX fused_events_seq ON fused_events(seq);
-- A new article's standalone claims, without a scan.
CREATE INDEX claims_article ON claims(article_id);
