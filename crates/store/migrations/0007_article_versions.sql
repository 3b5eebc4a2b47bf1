-- sitrep store, schema version 7: earlier versions of updated articles. A report re-published
-- under its id with other text (a feed item whose toll rose) replaces the stored text and its
-- reading; the text it replaced is kept here, so nothing accepted is lost and a snapshot seen
-- before changes nothing when it is ingested again.
CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles(id),
    content_hash TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    origin TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    -- when it stopped being the article's current text (or, for a version older by its date
    -- than the stored one, when it was received and kept aside)
    superseded_at TEXT NOT NULL,
    PRIMARY KEY (article_id, content_hash)
);

-- An article's claims (an update removes them; incremental fusion reads a new article's
-- standalone claims by it).
CREATE INDEX claims_by_article ON claims(article_id);
