-- sitrep store, schema version 3: read indexes, so that listing and filtering events (what
-- `sitrep serve` does on every request) never reads the event JSON.

-- Earlier `sitrep serve` builds created these at open; the indexes below replace them.
DROP INDEX IF EXISTS serve_events_by_date;
DROP INDEX IF EXISTS serve_events_by_location;
DROP INDEX IF EXISTS serve_control_by_place;
DROP INDEX IF EXISTS serve_fused_members;

-- Covering index for counts, the timeline, map points and list pages filtered by date, type,
-- country, admin1 and box.
CREATE INDEX events_by_date_covering ON events(event_date, is_conflict, event_type,
    sub_event_type, country, country_code, admin1, location, lat, lon, fatalities, id);
-- Places: events per place name (and country).
CREATE INDEX events_by_location ON events(location, country_code);
-- A place's control timeline.
CREATE INDEX control_facts_by_place ON control_facts(place);
-- One report per fused event: the other mentions of a mention's fused event.
CREATE INDEX fused_members_by_fused_mention ON fused_members(fused_id, mention_id);

-- Actor names (actor1, actor2 and the associated actors of every event), each name once, and
-- which events name them in which role. A filter on part of a name scans the few distinct
-- names, then follows the index to the events. Events are named by their id (unique: fusion
-- keys its mentions by it), which the covering index above holds.
CREATE TABLE actor_names (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE event_actors (
    actor INTEGER NOT NULL REFERENCES actor_names(id),
    event_id TEXT NOT NULL,
    role TEXT NOT NULL, -- actor1, actor2, assoc_actor_1, assoc_actor_2
    PRIMARY KEY (actor, event_id, role)
) WITHOUT ROWID;
CREATE INDEX event_actors_by_event ON event_actors(event_id);

-- The words of each event a text filter searches (its place name and its notes, the reporting
-- sentences), in a trigram full-text index: any part of three characters or more is found
-- through the index, case-insensitively, as `LIKE '%part%'` would find it.
CREATE VIRTUAL TABLE event_text USING fts5(
    event_id UNINDEXED,
    location,
    notes,
    tokenize = 'trigram'
);

-- Backfill from the events already stored.
CREATE TEMP TABLE migration_event_actors AS
    SELECT e.id AS event_id, 'actor1' AS role, json_extract(e.json, '$.actor1.name') AS name
      FROM events e
    UNION ALL
    SELECT e.id, 'actor2', json_extract(e.json, '$.actor2.name') FROM events e
    UNION ALL
    SELECT e.id, 'assoc_actor_1', json_extract(a.value, '$.name')
      FROM events e, json_each(e.json, '$.assoc_actor_1') a
    UNION ALL
    SELECT e.id, 'assoc_actor_2', json_extract(a.value, '$.name')
      FROM events e, json_each(e.json, '$.assoc_actor_2') a;
INSERT OR IGNORE INTO actor_names (name)
    SELECT DISTINCT name FROM migration_event_actors WHERE name IS NOT NULL AND name <> '';
INSERT OR IGNORE INTO event_actors (actor, event_id, role)
    SELECT n.id, m.event_id, m.role
      FROM migration_event_actors m JOIN actor_names n ON n.name = m.name;
DROP TABLE migration_event_actors;

INSERT INTO event_text (event_id, location, notes)
    SELECT id, COALESCE(location, ''), COALESCE(json_extract(json, '$.notes'), '')
      FROM events;
