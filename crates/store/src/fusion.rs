//! Fusion on disk: the fused events above the per-article events, the decisions that built them
//! (members with their scores per cue), near-duplicate links, event links, stories and the
//! user's splits; [`Store::fuse`] brings them up to date incrementally.

use crate::{EventFilter, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use sitrep_fuse::{
    fused_event, links, stories, ArticleEntry, Assignment, FusedEvent, Fuser, Link, Signature,
    Story,
};
use sitrep_model::{Article, Claim, ClaimantKind, Event, Polarity, Span};
use std::collections::HashMap;

/// What one fusion run did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct FusionRun {
    /// Articles fused in this run.
    pub articles: usize,
    /// Mentions (per-article events) fused in this run.
    pub mentions: usize,
    /// Fused events written (new or changed).
    pub fused_written: usize,
    /// Near-duplicate articles found in this run.
    pub near_duplicates: usize,
    /// Articles whose stored fusion was re-loaded (not recomputed).
    pub restored_articles: usize,
}

/// How much fusion holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FusionCounts {
    /// Mentions (per-article events) fused.
    pub mentions: u64,
    /// Fused events.
    pub fused_events: u64,
    /// Fused conflict events.
    pub fused_conflict_events: u64,
    /// Fused events with more than one mention.
    pub merged_events: u64,
    /// Conflict mentions (per-article conflict events).
    pub conflict_mentions: u64,
    /// Near-duplicate article links.
    pub near_duplicates: u64,
    /// Event links.
    pub links: u64,
    /// Stories.
    pub stories: u64,
    /// User splits (pairs).
    pub splits: u64,
}

fn json_err(what: String) -> impl FnOnce(serde_json::Error) -> StoreError {
    move |source| StoreError::Json { what, source }
}

fn word<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// An article row without its text (fusion restores from stored signatures).
fn article_meta(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        title: r.get(1)?,
        published: r
            .get::<_, Option<String>>(2)?
            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        source: r.get(3)?,
        origin: r.get(4)?,
        ..Default::default()
    })
}

/// What fusion reads of one article: the article (with its text), its events, its standalone claims.
pub type FusionInput = (Article, Vec<Event>, Claims);
type Claims = Vec<Claim>;

/// The re-loaded fuser, the articles not yet fused (rowid, metadata), how many were restored,
/// and the events and standalone claims of the articles not yet fused, by article.
type Loaded = (
    Fuser,
    Vec<(i64, Article)>,
    usize,
    HashMap<String, Vec<Event>>,
    HashMap<String, Vec<Claim>>,
);

impl Store {
    /// The merges users undid: pairs of mention ids.
    pub fn splits(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT mention_id, other_mention_id FROM fusion_splits ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn events_of_articles(&self) -> Result<HashMap<String, Vec<Event>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT article_id, id, json FROM events ORDER BY article_id, ordinal")?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<String, Vec<Event>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let (article, id, json): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let event = serde_json::from_str(&json).map_err(json_err(format!("event {id}")))?;
            out.entry(article).or_default().push(event);
        }
        Ok(out)
    }

    fn standalone_claims(&self) -> Result<HashMap<String, Vec<Claim>>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT claimant, kind, polarity, hedged, article_id, sentence_index, sentence, start, \"end\"
             FROM claims WHERE event_id IS NULL ORDER BY rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut out: HashMap<String, Vec<Claim>> = HashMap::new();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(1)?;
            let polarity: String = r.get(2)?;
            let claim = Claim {
                claimant: r.get(0)?,
                claimant_kind: serde_json::from_value::<ClaimantKind>(kind.into())
                    .unwrap_or_default(),
                polarity: serde_json::from_value::<Polarity>(polarity.into()).unwrap_or_default(),
                hedged: r.get(3)?,
                article_id: r.get(4)?,
                sentence_index: r.get::<_, i64>(5)? as usize,
                sentence: r.get(6)?,
                span: Span::new(r.get::<_, i64>(7)? as usize, r.get::<_, i64>(8)? as usize),
            };
            out.entry(claim.article_id.clone()).or_default().push(claim);
        }
        Ok(out)
    }

    /// The fusion state as stored, re-loaded without recomputing any decision, and the articles
    /// not yet fused (in ingest order).
    fn load_fuser(&self) -> Result<Loaded, StoreError> {
        let mut fuser = Fuser::new(self.splits()?);
        let mut events = self.events_of_articles()?;
        let mut claims = self.standalone_claims()?;
        let assignments: HashMap<String, Assignment> = {
            let mut stmt = self
                .conn
                .prepare("SELECT mention_id, fused_id, provenance FROM fused_members")?;
            let mut rows = stmt.query([])?;
            let mut map = HashMap::new();
            while let Some(r) = rows.next()? {
                let (mention_id, fused_id, json): (String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?);
                let provenance = serde_json::from_str(&json)
                    .map_err(json_err(format!("provenance of {mention_id}")))?;
                map.insert(
                    mention_id.clone(),
                    Assignment {
                        mention_id,
                        fused_id,
                        provenance,
                    },
                );
            }
            map
        };
        let mut stmt = self.conn.prepare(
            "SELECT a.id, a.title, a.published, a.source, a.origin, a.rowid, f.signature,
                f.duplicate_of, f.similarity
             FROM articles a LEFT JOIN fusion_articles f ON f.article_id = a.id ORDER BY a.rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut pending = Vec::new();
        let mut restored = 0;
        while let Some(r) = rows.next()? {
            let article = article_meta(r)?;
            let rowid: i64 = r.get(5)?;
            let signature: Option<String> = r.get(6)?;
            // a stored entry: its signature ("" when the text was too short to compare)
            let entry = signature
                .filter(|s| s.is_empty() || Signature::from_hex(s).is_some())
                .map(|s| -> rusqlite::Result<ArticleEntry> {
                    let duplicate_of: Option<String> = r.get(7)?;
                    let similarity: Option<f64> = r.get(8)?;
                    Ok(ArticleEntry {
                        id: article.id.clone(),
                        signature: Signature::from_hex(&s),
                        duplicate_of: duplicate_of.map(|d| (d, similarity.unwrap_or(0.0) as f32)),
                    })
                })
                .transpose()?;
            match entry {
                Some(entry) if pending.is_empty() => {
                    let ev = events.remove(&article.id).unwrap_or_default();
                    let cl = claims.remove(&article.id).unwrap_or_default();
                    fuser.restore_article(&article, &entry, &ev, &cl, &assignments);
                    restored += 1;
                }
                _ => pending.push((rowid, article)),
            }
        }
        fuser.take_dirty();
        Ok((fuser, pending, restored, events, claims))
    }

    /// Everything fusion reads, in ingest order: each article (with its text), its events and
    /// its standalone claims. For audits and benchmarks that fuse in memory.
    pub fn fusion_inputs(&self) -> Result<Vec<FusionInput>, StoreError> {
        let mut events = self.events_of_articles()?;
        let mut claims = self.standalone_claims()?;
        let mut stmt = self.conn.prepare(
            "SELECT id, title, published, source, origin, text FROM articles ORDER BY rowid",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let article = Article {
                text: r.get(5)?,
                ..article_meta(r)?
            };
            let ev = events.remove(&article.id).unwrap_or_default();
            let cl = claims.remove(&article.id).unwrap_or_default();
            out.push((article, ev, cl));
        }
        Ok(out)
    }

    /// Bring fusion up to date: re-load what is fused, fuse the articles stored since, and write
    /// the fused events that changed, the new decisions, links and stories. Running it twice
    /// changes nothing the second time.
    pub fn fuse(&mut self) -> Result<FusionRun, StoreError> {
        // nothing new: the stored fusion is current, and re-loading it would cost the whole corpus
        // on every `events`, `stories` or `control` call
        let (fused, unfused): (i64, i64) = self.conn.query_row(
            "SELECT COUNT(f.article_id), COUNT(*) - COUNT(f.article_id)
             FROM articles a LEFT JOIN fusion_articles f ON f.article_id = a.id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if unfused == 0 {
            return Ok(FusionRun {
                restored_articles: fused as usize,
                ..Default::default()
            });
        }
        // the events and claims of the articles not yet fused come back with the fuser
        let (mut fuser, pending, restored, mut events, mut claims) = self.load_fuser()?;
        let mut run = FusionRun {
            restored_articles: restored,
            ..Default::default()
        };
        let first_new_article = fuser.articles.len();
        let first_new_mention = fuser.mentions.len();
        for (_, meta) in &pending {
            let text: String = self.conn.query_row(
                "SELECT text FROM articles WHERE id = ?1",
                params![meta.id],
                |r| r.get(0),
            )?;
            let article = Article {
                text,
                ..meta.clone()
            };
            let ev = events.remove(&article.id).unwrap_or_default();
            let cl = claims.remove(&article.id).unwrap_or_default();
            if fuser.add_article(&article, &ev, &cl).is_some() {
                run.near_duplicates += 1;
            }
            run.articles += 1;
        }
        run.mentions = fuser.mentions.len() - first_new_mention;
        let dirty = fuser.take_dirty();
        run.fused_written = dirty.len();
        let tx = self.conn.transaction()?;
        for (i, entry) in fuser.articles.iter().enumerate().skip(first_new_article) {
            let seq = pending[i - first_new_article].0;
            tx.prepare_cached(
                "INSERT OR REPLACE INTO fusion_articles (article_id, seq, signature, duplicate_of, similarity)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                entry.id,
                seq,
                entry.signature.as_ref().map_or(String::new(), Signature::to_hex),
                entry.duplicate_of.as_ref().map(|d| d.0.clone()),
                entry.duplicate_of.as_ref().map(|d| f64::from(d.1)),
            ])?;
        }
        for &c in &dirty {
            write_fused(&tx, c, &fused_event(&fuser, c))?;
        }
        tx.execute("DELETE FROM event_links", [])?;
        for link in links(&fuser) {
            tx.prepare_cached(
                "INSERT INTO event_links (a, b, relation, detail) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![link.a, link.b, word(link.relation), link.detail])?;
        }
        tx.execute("DELETE FROM stories", [])?;
        for story in stories(&fuser) {
            let json =
                serde_json::to_string(&story).map_err(json_err(format!("story {}", story.id)))?;
            tx.prepare_cached(
                "INSERT INTO stories (id, title, first_date, last_date, n_events, n_articles, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                story.id,
                story.title,
                story.first.map(|d| d.to_string()),
                story.last.map(|d| d.to_string()),
                story.events.len() as i64,
                story.articles.len() as i64,
                json
            ])?;
        }
        tx.commit()?;
        Ok(run)
    }

    /// Forget every fusion decision (splits are kept) and fuse the whole corpus again.
    pub fn refuse_all(&mut self) -> Result<FusionRun, StoreError> {
        self.conn.execute_batch(
            "DELETE FROM fusion_articles; DELETE FROM fused_events; DELETE FROM fused_members;
             DELETE FROM event_links; DELETE FROM stories;",
        )?;
        self.fuse()
    }

    /// Undo a merge: `mention` leaves fused event `fused_id` and is never fused again with the
    /// mentions it was merged with. Fusion is recomputed; the split holds on every later run.
    /// Returns the fused event the mention is in afterwards.
    pub fn split(&mut self, fused_id: &str, mention: &str) -> Result<String, StoreError> {
        let members: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT mention_id FROM fused_members WHERE fused_id = ?1")?;
            let rows = stmt.query_map(params![fused_id], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        if members.is_empty() {
            return Err(StoreError::NotFound(format!(
                "no fused event {fused_id:?}; `sitrep events --format fused` lists their ids"
            )));
        }
        if !members.iter().any(|m| m == mention) {
            return Err(StoreError::NotFound(format!(
                "{mention:?} is not a member of {fused_id:?} (members: {})",
                members.join(", ")
            )));
        }
        if members.len() == 1 {
            return Err(StoreError::NotFound(format!(
                "{fused_id:?} has only {mention:?}: nothing to split"
            )));
        }
        let now = crate::insert::now_rfc3339();
        let tx = self.conn.transaction()?;
        for other in members.iter().filter(|m| *m != mention) {
            tx.execute(
                "INSERT OR IGNORE INTO fusion_splits (mention_id, other_mention_id, created_at) VALUES (?1, ?2, ?3)",
                params![mention, other, now],
            )?;
        }
        tx.commit()?;
        self.refuse_all()?;
        let now_in: Option<String> = self
            .conn
            .query_row(
                "SELECT fused_id FROM fused_members WHERE mention_id = ?1",
                params![mention],
                |r| r.get(0),
            )
            .optional()?;
        Ok(now_in.unwrap_or_default())
    }

    /// Fused events matching `filter` (same filter as [`Store::events`]), in the order they
    /// were started.
    pub fn fused_events(&self, filter: &EventFilter) -> Result<Vec<FusedEvent>, StoreError> {
        let mut sql = String::from("SELECT e.id, e.json FROM fused_events e WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        filter.push_conditions(&mut sql, &mut args);
        sql.push_str(" ORDER BY e.seq LIMIT ? OFFSET ?");
        args.push(Value::Integer(filter.limit.map_or(-1, |l| l as i64)));
        args.push(Value::Integer(filter.offset as i64));
        self.json_rows(&sql, args, "fused event")
    }

    /// One fused event by id.
    pub fn fused_event(&self, id: &str) -> Result<Option<FusedEvent>, StoreError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT json FROM fused_events WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()?;
        json.map(|j| serde_json::from_str(&j).map_err(json_err(format!("fused event {id}"))))
            .transpose()
    }

    /// The stories, largest first.
    pub fn stories(&self) -> Result<Vec<Story>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, json FROM stories ORDER BY n_articles DESC, id")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(serde_json::from_str(&json).map_err(json_err(format!("story {id}")))?);
        }
        Ok(out)
    }

    /// Links between fused events.
    pub fn event_links(&self) -> Result<Vec<Link>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT a, b, relation, detail FROM event_links ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (a, b, relation, detail) = row?;
            let relation = serde_json::from_value(relation.clone().into())
                .map_err(json_err(format!("relation {relation}")))?;
            out.push(Link {
                a,
                b,
                relation,
                detail,
            });
        }
        Ok(out)
    }

    /// Near-duplicate articles: `(article, earlier article, similarity)`.
    pub fn near_duplicates(&self) -> Result<Vec<(String, String, f64)>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT article_id, duplicate_of, similarity FROM fusion_articles
             WHERE duplicate_of IS NOT NULL ORDER BY seq",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Row counts of the fusion tables.
    pub fn fusion_counts(&self) -> Result<FusionCounts, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(FusionCounts {
            mentions: count("SELECT COUNT(*) FROM fused_members")?,
            fused_events: count("SELECT COUNT(*) FROM fused_events")?,
            fused_conflict_events: count(
                "SELECT COUNT(*) FROM fused_events WHERE is_conflict = 1",
            )?,
            merged_events: count("SELECT COUNT(*) FROM fused_events WHERE n_mentions > 1")?,
            conflict_mentions: count("SELECT COUNT(*) FROM events WHERE is_conflict = 1")?,
            near_duplicates: count(
                "SELECT COUNT(*) FROM fusion_articles WHERE duplicate_of IS NOT NULL",
            )?,
            links: count("SELECT COUNT(*) FROM event_links")?,
            stories: count("SELECT COUNT(*) FROM stories")?,
            splits: count("SELECT COUNT(*) FROM fusion_splits")?,
        })
    }
}

fn write_fused(tx: &Transaction<'_>, seq: usize, fe: &FusedEvent) -> Result<(), StoreError> {
    let json = serde_json::to_string(fe).map_err(json_err(format!("fused event {}", fe.id)))?;
    let e = &fe.event;
    let place = e.location.as_ref();
    tx.prepare_cached(
        "INSERT OR REPLACE INTO fused_events (id, seq, sub_event_type, event_type, is_conflict, event_date,
            precision, country, country_code, admin1, location, lat, lon, fatalities, n_mentions, n_articles,
            disagrees, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
    )?
    .execute(params![
        fe.id,
        seq as i64,
        e.sub_event_type.acled_name(),
        e.sub_event_type.event_type().acled_name(),
        e.sub_event_type.is_conflict(),
        e.date.date.map(|d| d.to_string()),
        word(e.date.precision),
        place.and_then(|p| p.country.clone()),
        place.and_then(|p| p.country_code.clone()),
        place.and_then(|p| p.admin1.clone()),
        place.map(|p| p.name.clone()),
        place.and_then(|p| p.lat),
        place.and_then(|p| p.lon),
        e.fatalities as i64,
        fe.members.len() as i64,
        e.article_ids.len() as i64,
        fe.disagrees(),
        json,
    ])?;
    for m in &fe.members {
        let provenance = serde_json::to_string(&m.provenance)
            .map_err(json_err(format!("provenance of {}", m.mention_id)))?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO fused_members (mention_id, fused_id, article_id, matched, total, provenance)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?
        .execute(params![
            m.mention_id,
            fe.id,
            m.article_id,
            m.provenance.matched,
            f64::from(m.provenance.total),
            provenance
        ])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_model::{DatePrecision, EventDate, Evidence, PlaceRef, Reading, SubEventType};

    fn event(article: &str, n: usize, kind: &str, date: &str, killed: u64) -> Event {
        let ev = Evidence {
            article_id: article.into(),
            text: "x".into(),
            rule: "test".into(),
            ..Default::default()
        };
        Event {
            id: format!("{article}#{n}"),
            sub_event_type: SubEventType::from_acled(kind).unwrap(),
            date: EventDate {
                date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                end: None,
                precision: DatePrecision::Day,
                evidence: Some(ev.clone()),
            },
            location: Some(PlaceRef {
                name: "Rivertown".into(),
                geonameid: Some(7),
                lat: Some(35.0),
                lon: Some(38.0),
                country_code: Some("XS".into()),
                country: Some("Testland".into()),
                admin1: Some("River".into()),
                geo_precision: 1,
                ..Default::default()
            }),
            other_locations: vec![],
            destination: None,
            actor1: None,
            assoc_actor_1: vec![],
            actor2: None,
            assoc_actor_2: vec![],
            fatalities: killed,
            quantities: vec![],
            claims: vec![],
            valid_until: None,
            civilian_targeting: false,
            tally: false,
            cues: vec![],
            confidence: 0.9,
            salience: 1.0,
            notes: "Shelling hit the river town.".into(),
            article_ids: vec![],
            sources: vec![],
            evidence: ev,
        }
    }

    fn put(store: &mut Store, id: &str, date: &str, killed: u64) {
        put_text(
            store,
            id,
            date,
            killed,
            &format!("Shelling hit the river town, report {id}."),
        );
    }

    const STORY: &str = "Artillery shelled the river town for most of Tuesday, residents said, \
        damaging the bridge, the flour mill and several houses along the northern bank. A local \
        monitoring group said the shelling came from positions on the hills to the east and that \
        at least four people were killed. Schools stayed closed and the market did not open.";

    #[test]
    fn near_duplicates_found_in_an_earlier_run_still_count() {
        let mut store = Store::open_in_memory().unwrap();
        put_text(&mut store, "a", "2024-01-05", 4, STORY);
        put_text(
            &mut store,
            "b",
            "2024-01-05",
            4,
            &format!("River town shelled. {STORY} Share."),
        );
        store.fuse().unwrap();
        put_text(
            &mut store,
            "c",
            "2024-01-05",
            4,
            &format!("{STORY} Read more."),
        );
        let run = store.fuse().unwrap();
        assert_eq!(run.near_duplicates, 1);
        let incremental = snapshot(&store);
        assert_eq!(store.near_duplicates().unwrap().len(), 2);
        store.refuse_all().unwrap();
        assert_eq!(snapshot(&store), incremental);
        assert_eq!(store.near_duplicates().unwrap().len(), 2);
    }

    fn put_text(store: &mut Store, id: &str, date: &str, killed: u64, text: &str) {
        let article = Article {
            id: id.into(),
            text: text.into(),
            source: Some(format!("Outlet {id}")),
            origin: id.into(),
            ..Default::default()
        };
        let reading = Reading {
            article_id: id.into(),
            events: vec![event(
                id,
                1,
                "Shelling/artillery/missile attack",
                date,
                killed,
            )],
            ..Default::default()
        };
        store.insert(&article, &reading).unwrap();
    }

    fn snapshot(store: &Store) -> Vec<FusedEvent> {
        store
            .fused_events(&EventFilter {
                include_non_conflict: true,
                ..Default::default()
            })
            .unwrap()
    }

    #[test]
    fn incremental_fusion_on_disk_equals_a_full_recompute() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 4);
        put(&mut store, "b", "2024-01-09", 0);
        let first = store.fuse().unwrap();
        assert_eq!((first.articles, first.mentions), (2, 2));
        put(&mut store, "c", "2024-01-05", 3);
        let second = store.fuse().unwrap();
        assert_eq!(second.restored_articles, 2);
        assert_eq!((second.articles, second.fused_written), (1, 1));
        let incremental = snapshot(&store);
        assert_eq!(incremental.len(), 2);
        let merged = &incremental[0];
        assert_eq!(merged.event.article_ids, ["a", "c"]);
        assert_eq!(merged.event.fatalities, 3, "ACLED takes the lowest figure");
        // a second run changes nothing
        assert_eq!(store.fuse().unwrap().fused_written, 0);
        store.refuse_all().unwrap();
        assert_eq!(snapshot(&store), incremental);
    }

    #[test]
    fn a_split_holds_on_later_runs() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 0);
        put(&mut store, "b", "2024-01-05", 0);
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 1);
        let now_in = store.split("F:a#1", "b#1").unwrap();
        assert_eq!(now_in, "F:b#1");
        assert_eq!(snapshot(&store).len(), 2);
        put(&mut store, "c", "2024-01-05", 0);
        store.fuse().unwrap();
        store.refuse_all().unwrap();
        let events = snapshot(&store);
        assert!(events
            .iter()
            .all(|e| !(e.members.iter().any(|m| m.mention_id == "a#1")
                && e.members.iter().any(|m| m.mention_id == "b#1"))));
        assert_eq!(store.fusion_counts().unwrap().splits, 1);
        let err = store.split("F:a#1", "zz#9").unwrap_err().to_string();
        assert!(err.contains("not a member"), "{err}");
        assert!(store.split("F:nope", "a#1").is_err());
    }
}
