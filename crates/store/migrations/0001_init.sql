-- sitrep store, schema version 1: articles, events with their evidence and claims, control facts.
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    source TEXT,
    url TEXT,
    language TEXT,
    origin TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE events (
    id TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
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
    confidence REAL NOT NULL,
    salience REAL NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX events_id ON events(id);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_country ON events(country);

CREATE TABLE evidence (
    event_id TEXT NOT NULL,
    field TEXT NOT NULL,
    article_id TEXT NOT NULL,
    sentence INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    rule TEXT NOT NULL
);
CREATE INDEX evidence_event ON evidence(event_id);

CREATE TABLE claims (
    event_id TEXT,
    claimant TEXT NOT NULL,
    kind TEXT NOT NULL,
    polarity TEXT NOT NULL,
    hedged INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX claims_event ON claims(event_id);

CREATE TABLE control_facts (
    article_id TEXT NOT NULL REFERENCES articles(id),
    ordinal INTEGER NOT NULL,
    place TEXT NOT NULL,
    controller TEXT NOT NULL,
    as_of TEXT,
    json TEXT NOT NULL,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX control_facts_as_of ON control_facts(as_of);
