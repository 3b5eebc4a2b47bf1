//! Writing: an article and its reading (events, evidence rows, claims, control facts, and the
//! events' rows in the read indexes) in one transaction.

use crate::{Inserted, StoreError};
use rusqlite::{params, OptionalExtension, Transaction};
use sitrep_model::{Article, Claim, Event, Evidence, Reading};

/// A replaced event that a user's split or merge names.
struct DecidedMention {
    id: String,
    kind: String,
    notes: String,
    place: Option<String>,
    date: Option<String>,
}

impl DecidedMention {
    /// The event of the new reading that tells what this one told: the one of its kind from
    /// the same sentences, else the one of its kind at its place and date, else the one from
    /// the same sentences; none when no such event is alone.
    fn successor<'e>(&self, events: &'e [Event]) -> Option<&'e str> {
        let kind = |e: &Event| e.sub_event_type.acled_name() == self.kind;
        let said = |e: &Event| e.notes == self.notes;
        let at = |e: &Event| {
            e.location.as_ref().map(|p| p.name.as_str()) == self.place.as_deref()
                && e.date.date.map(|d| d.to_string()) == self.date
        };
        let alone = |pick: &dyn Fn(&Event) -> bool| {
            let mut found = events.iter().filter(|e| pick(e));
            match (found.next(), found.next()) {
                (Some(e), None) => Some(e.id.as_str()),
                _ => None,
            }
        };
        alone(&|e| kind(e) && said(e))
            .or_else(|| alone(&|e| kind(e) && at(e)))
            .or_else(|| alone(&said))
    }
}

/// Many inserts in one transaction. Commit with [`Batch::commit`]; dropping it rolls back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    ingested_at: String,
}

pub(crate) fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.to_rfc3339())
        .unwrap_or_default()
}

impl<'a> Batch<'a> {
    pub(crate) fn new(tx: Transaction<'a>) -> Result<Batch<'a>, StoreError> {
        Ok(Batch {
            tx,
            ingested_at: now_rfc3339(),
        })
    }

    /// Commit every insert of the batch.
    pub fn commit(self) -> Result<(), StoreError> {
        Ok(self.tx.commit()?)
    }

    /// The id and content hash of a stored article with this id or this content hash (the one
    /// with this id first).
    fn existing(&self, id: &str, hash: &str) -> Result<Option<(String, String)>, StoreError> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, content_hash FROM articles WHERE id = ?1 OR content_hash = ?2
             ORDER BY id = ?1 DESC LIMIT 1",
        )?;
        Ok(stmt
            .query_row(params![id, hash], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?)
    }

    /// Insert an article and what was read from it. A duplicate (same id and text, the same
    /// text under another id, or a text this article had before an update) changes nothing;
    /// other text under a stored id is an update, read in place of the stored text (kept as an
    /// earlier version), unless it was published before the stored text (then only kept).
    pub fn insert(&mut self, article: &Article, reading: &Reading) -> Result<Inserted, StoreError> {
        let hash = sitrep_ingest::content_hash_hex(&article.text);
        let Some((id, stored_hash)) = self.existing(&article.id, &hash)? else {
            self.insert_article_row(article, &hash)?;
            self.insert_reading(article, reading)?;
            return Ok(Inserted::New);
        };
        if id != article.id || stored_hash == hash {
            return Ok(Inserted::Duplicate(id));
        }
        let stored_published: Option<String> = self
            .tx
            .prepare_cached("SELECT published FROM articles WHERE id = ?1")?
            .query_row(params![id], |r| r.get(0))?;
        let published = article.published.map(|d| d.to_string());
        if self.is_version_of(&id, &hash)? {
            // a text seen before: a feed's old snapshot changes nothing; published after the
            // current text, it is the article reverted to it (a correction withdrawn) and
            // becomes current again
            let later = matches!((&stored_published, &published), (Some(s), Some(n)) if n > s);
            if !later {
                return Ok(Inserted::Duplicate(id));
            }
            self.tx
                .prepare_cached(
                    "DELETE FROM article_versions WHERE article_id = ?1 AND content_hash = ?2",
                )?
                .execute(params![id, hash])?;
        }
        if let Some(other) = self.holder_of(&hash)? {
            // the new text is stored already, under another id: nothing new to read
            return Ok(Inserted::Duplicate(other));
        }
        if let (Some(stored), Some(new)) = (&stored_published, &published) {
            if new < stored {
                self.keep_version(article, &hash)?;
                return Ok(Inserted::Older(id));
            }
        }
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO article_versions (article_id, content_hash, title, text, published, source, url, origin, ingested_at, superseded_at)
                 SELECT id, content_hash, title, text, published, source, url, origin, ingested_at, ?2 FROM articles WHERE id = ?1",
            )?
            .execute(params![id, self.ingested_at])?;
        let decided = self.decided_mentions(&id)?;
        self.delete_reading(&id)?;
        self.tx
            .prepare_cached(
                "UPDATE articles SET content_hash = ?2, title = ?3, text = ?4, published = ?5, source = ?6, url = ?7,
                    language = ?8, origin = ?9, ingested_at = ?10 WHERE id = ?1",
            )?
            .execute(params![
                id,
                hash,
                article.title,
                article.text,
                published,
                article.source,
                article.url,
                article.language,
                article.origin,
                self.ingested_at,
            ])?;
        self.insert_reading(article, reading)?;
        let forgotten_decisions = self.carry_decisions(&decided, &reading.events)?;
        let earlier_versions: i64 = self
            .tx
            .prepare_cached("SELECT COUNT(*) FROM article_versions WHERE article_id = ?1")?
            .query_row(params![id], |r| r.get(0))?;
        Ok(Inserted::Updated {
            id,
            earlier_versions: earlier_versions as usize,
            forgotten_decisions,
        })
    }

    /// The events of article `id` that a user's split or merge names: (id, kind, sentences,
    /// place, date).
    fn decided_mentions(&self, id: &str) -> Result<Vec<DecidedMention>, StoreError> {
        let mut stmt = self.tx.prepare_cached(
            "SELECT id, sub_event_type, json_extract(json, '$.notes'), location, event_date
             FROM events WHERE article_id = ?1 AND (
                id IN (SELECT mention_id FROM fusion_splits) OR id IN (SELECT other_mention_id FROM fusion_splits)
                OR id IN (SELECT mention_id FROM fusion_joins) OR id IN (SELECT other_mention_id FROM fusion_joins))",
        )?;
        let rows = stmt.query_map(params![id], |r| {
            Ok(DecidedMention {
                id: r.get(0)?,
                kind: r.get(1)?,
                notes: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                place: r.get(3)?,
                date: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Move the user's splits and merges from the replaced events of an updated article to the
    /// new events that tell the same (an event's id is its place in the article: a sentence
    /// added in front renumbers them); a decision on an event the new text no longer tells is
    /// forgotten. Returns how many were forgotten.
    fn carry_decisions(
        &mut self,
        decided: &[DecidedMention],
        events: &[Event],
    ) -> Result<usize, StoreError> {
        if decided.is_empty() {
            return Ok(0);
        }
        let successor: std::collections::HashMap<&str, Option<&str>> = decided
            .iter()
            .map(|m| (m.id.as_str(), m.successor(events)))
            .collect();
        let mut forgotten = 0;
        for table in ["fusion_splits", "fusion_joins"] {
            let rows: Vec<(String, String, String)> = {
                let mut stmt = self.tx.prepare(&format!(
                    "SELECT mention_id, other_mention_id, created_at FROM {table}"
                ))?;
                let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<Vec<_>, _>>()?
            };
            for (a, b, created) in rows {
                let (na, nb) = (successor.get(a.as_str()), successor.get(b.as_str()));
                if na.is_none() && nb.is_none() {
                    continue;
                }
                self.tx.execute(
                    &format!("DELETE FROM {table} WHERE mention_id = ?1 AND other_mention_id = ?2"),
                    params![a, b],
                )?;
                let moved = |old: &str, new: Option<&Option<&str>>| match new {
                    None => Some(old.to_string()),
                    Some(new) => new.map(str::to_string),
                };
                match (moved(&a, na), moved(&b, nb)) {
                    (Some(a), Some(b)) if a != b => {
                        self.tx.execute(
                            &format!("INSERT OR IGNORE INTO {table} (mention_id, other_mention_id, created_at) VALUES (?1, ?2, ?3)"),
                            params![a, b, created],
                        )?;
                    }
                    _ => forgotten += 1,
                }
            }
        }
        Ok(forgotten)
    }

    /// Whether `hash` is the text of an earlier version of article `id`.
    fn is_version_of(&self, id: &str, hash: &str) -> Result<bool, StoreError> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT 1 FROM article_versions WHERE article_id = ?1 AND content_hash = ?2",
            )?
            .exists(params![id, hash])?)
    }

    /// The article whose current text has this hash, if any.
    fn holder_of(&self, hash: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .tx
            .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
            .query_row(params![hash], |r| r.get(0))
            .optional()?)
    }

    /// Keep `article` as an earlier version of the stored article of its id (received now).
    fn keep_version(&mut self, article: &Article, hash: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT OR IGNORE INTO article_versions (article_id, content_hash, title, text, published, source, url, origin, ingested_at, superseded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?
            .execute(params![
                article.id,
                hash,
                article.title,
                article.text,
                article.published.map(|d| d.to_string()),
                article.source,
                article.url,
                article.origin,
                self.ingested_at,
            ])?;
        Ok(())
    }

    /// Remove what was read from article `id` (its events with their evidence, index rows and
    /// claims, its standalone claims, its control facts): an update is read anew.
    fn delete_reading(&mut self, id: &str) -> Result<(), StoreError> {
        for sql in [
            "DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE article_id = ?1)",
            "DELETE FROM event_text WHERE event_id IN (SELECT id FROM events WHERE article_id = ?1)",
            "DELETE FROM evidence WHERE event_id IN (SELECT id FROM events WHERE article_id = ?1)",
            "DELETE FROM claims WHERE article_id = ?1",
            "DELETE FROM control_facts WHERE article_id = ?1",
            "DELETE FROM events WHERE article_id = ?1",
        ] {
            self.tx.prepare_cached(sql)?.execute(params![id])?;
        }
        Ok(())
    }

    /// The article's own row.
    fn insert_article_row(&mut self, article: &Article, hash: &str) -> Result<(), StoreError> {
        self.tx
            .prepare_cached(
                "INSERT INTO articles (id, content_hash, title, text, published, source, url, language, origin, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                article.id,
                hash,
                article.title,
                article.text,
                article.published.map(|d| d.to_string()),
                article.source,
                article.url,
                article.language,
                article.origin,
                self.ingested_at,
            ])?;
        Ok(())
    }

    /// What was read from the article: its events, standalone claims and control facts.
    fn insert_reading(&mut self, article: &Article, reading: &Reading) -> Result<(), StoreError> {
        for (ordinal, event) in reading.events.iter().enumerate() {
            let event = completed(event, article, ordinal);
            self.insert_event(&article.id, ordinal, &event)?;
        }
        for claim in &reading.standalone_claims {
            self.insert_claim(&article.id, None, claim)?;
        }
        for (ordinal, fact) in reading.control.iter().enumerate() {
            let json = serde_json::to_string(fact).map_err(|source| StoreError::Json {
                what: format!("control fact {ordinal} of {}", article.id),
                source,
            })?;
            self.tx
                .prepare_cached(
                    "INSERT INTO control_facts (article_id, ordinal, place, controller, as_of, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )?
                .execute(params![
                    article.id,
                    ordinal as i64,
                    fact.place.name,
                    fact.controller.name,
                    fact.as_of.date.map(|d| d.to_string()),
                    json
                ])?;
        }
        Ok(())
    }

    fn insert_event(
        &mut self,
        article_id: &str,
        ordinal: usize,
        event: &Event,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(event).map_err(|source| StoreError::Json {
            what: format!("event {}", event.id),
            source,
        })?;
        let place = event.location.as_ref();
        self.tx
            .prepare_cached(
                "INSERT INTO events (id, article_id, ordinal, sub_event_type, event_type, is_conflict, event_date,
                    precision, country, country_code, admin1, location, lat, lon, fatalities, confidence, salience, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?
            .execute(params![
                event.id,
                article_id,
                ordinal as i64,
                event.sub_event_type.acled_name(),
                event.sub_event_type.event_type().acled_name(),
                event.sub_event_type.is_conflict(),
                event.date.date.map(|d| d.to_string()),
                serde_json::to_value(event.date.precision).ok().and_then(|v| v.as_str().map(str::to_string)),
                place.and_then(|p| p.country.clone()),
                place.and_then(|p| p.country_code.clone()),
                place.and_then(|p| p.admin1.clone()),
                place.map(|p| p.name.clone()),
                place.and_then(|p| p.lat),
                place.and_then(|p| p.lon),
                event.fatalities as i64,
                f64::from(event.confidence),
                f64::from(event.salience),
                json,
            ])?;
        self.insert_read_indexes(event)?;
        for (field, evidence) in evidence_rows(event) {
            self.tx
                .prepare_cached(
                    "INSERT INTO evidence (event_id, field, article_id, sentence, start, \"end\", text, rule)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    event.id,
                    field,
                    evidence.article_id,
                    evidence.sentence as i64,
                    evidence.span.start as i64,
                    evidence.span.end as i64,
                    evidence.text,
                    evidence.rule,
                ])?;
        }
        for claim in &event.claims {
            self.insert_claim(article_id, Some(&event.id), claim)?;
        }
        Ok(())
    }

    /// The event's rows in the read indexes (schema 3): its actor names by role, and its place
    /// name and notes for the text filter.
    fn insert_read_indexes(&mut self, event: &Event) -> Result<(), StoreError> {
        let named = [("actor1", &event.actor1), ("actor2", &event.actor2)]
            .into_iter()
            .filter_map(|(role, actor)| actor.as_ref().map(|a| (role, a)))
            .chain(event.assoc_actor_1.iter().map(|a| ("assoc_actor_1", a)))
            .chain(event.assoc_actor_2.iter().map(|a| ("assoc_actor_2", a)));
        for (role, actor) in named {
            if actor.name.is_empty() {
                continue;
            }
            self.tx
                .prepare_cached("INSERT OR IGNORE INTO actor_names (name) VALUES (?1)")?
                .execute(params![actor.name])?;
            self.tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO event_actors (actor, event_id, role)
                     SELECT id, ?2, ?3 FROM actor_names WHERE name = ?1",
                )?
                .execute(params![actor.name, event.id, role])?;
        }
        self.tx
            .prepare_cached(
                "INSERT INTO event_text (event_id, location, notes) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![
                event.id,
                event.location.as_ref().map_or("", |p| p.name.as_str()),
                event.notes,
            ])?;
        Ok(())
    }

    /// One claim, filed under its article (`article_id` when the claim does not name it).
    fn insert_claim(
        &mut self,
        article_id: &str,
        event_id: Option<&str>,
        claim: &Claim,
    ) -> Result<(), StoreError> {
        let word = |v: serde_json::Result<serde_json::Value>| {
            v.ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        self.tx
            .prepare_cached(
                "INSERT INTO claims (event_id, claimant, kind, polarity, hedged, article_id, sentence_index, sentence, start, \"end\")
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                event_id,
                claim.claimant,
                word(serde_json::to_value(claim.claimant_kind)),
                word(serde_json::to_value(claim.polarity)),
                claim.hedged,
                if claim.article_id.is_empty() {
                    article_id
                } else {
                    &claim.article_id
                },
                claim.sentence_index as i64,
                claim.sentence,
                claim.span.start as i64,
                claim.span.end as i64,
            ])?;
        Ok(())
    }
}

/// The event as stored: an id when it has none (`ARTICLE#ORDINAL`), the article among its
/// `article_ids` and the article's outlet among its `sources`.
fn completed(event: &Event, article: &Article, ordinal: usize) -> Event {
    let mut event = event.clone();
    if event.id.trim().is_empty() {
        event.id = format!("{}#{}", article.id, ordinal + 1);
    }
    if event.article_ids.is_empty() {
        event.article_ids.push(article.id.clone());
    }
    if event.sources.is_empty() {
        if let Some(source) = &article.source {
            event.sources.push(source.clone());
        }
    }
    event
}

/// One `(field, evidence)` per sourced field: the trigger, date, locations, destination,
/// actors and each quantity (`quantity:killed`).
pub(crate) fn evidence_rows(event: &Event) -> Vec<(String, &Evidence)> {
    let mut rows = Vec::new();
    if !(event.evidence.text.is_empty() && event.evidence.rule.is_empty()) {
        rows.push(("trigger".to_string(), &event.evidence));
    }
    if let Some(e) = &event.date.evidence {
        rows.push(("date".into(), e));
    }
    if let Some(e) = event.location.as_ref().and_then(|p| p.evidence.as_ref()) {
        rows.push(("location".into(), e));
    }
    for p in &event.other_locations {
        if let Some(e) = &p.evidence {
            rows.push(("other_location".into(), e));
        }
    }
    if let Some(e) = event.destination.as_ref().and_then(|p| p.evidence.as_ref()) {
        rows.push(("destination".into(), e));
    }
    for (field, actor) in [("actor1", &event.actor1), ("actor2", &event.actor2)] {
        if let Some(e) = actor.as_ref().and_then(|a| a.evidence.as_ref()) {
            rows.push((field.into(), e));
        }
    }
    for (field, actors) in [
        ("assoc_actor_1", &event.assoc_actor_1),
        ("assoc_actor_2", &event.assoc_actor_2),
    ] {
        for a in actors {
            if let Some(e) = &a.evidence {
                rows.push((field.into(), e));
            }
        }
    }
    for q in &event.quantities {
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        rows.push((format!("quantity:{kind}"), &q.evidence));
    }
    if let Some(t) = &event.valid_until {
        rows.push(("valid_until".into(), &t.evidence));
    }
    rows
}
