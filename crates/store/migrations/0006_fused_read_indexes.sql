-- sitrep store, schema version 6: the read indexes of version 3 for the fused events too, now
-- that `sitrep serve` lists fused events by default (its counts, timeline, map points and list
-- pages filtered by date, type, country, admin1 and box never read the event JSON).
CREATE INDEX fused_events_by_date_covering ON fused_events(event_date, is_conflict, event_type,
    sub_event_type, country, country_code, admin1, location, lat, lon, fatalities, id);
