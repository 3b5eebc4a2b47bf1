//! Fusion on disk: the fused events above the per-article events, the decisions that built them
//! (members with their scores per cue), near-duplicate links, event links, stories and the
//! user's splits; [`Store::fuse`] brings them up to date incrementally.
//!
//! Incremental means that a run reads only what the new articles can touch: the fused events
//! filed under their mentions' blocks (`fused_blocks`: country × day, or country × year; a
//! month-dated mention also country × its year, to meet the year-dated ones), those
//! their mentions can be linked with (`fused_link_keys`), the articles sharing a MinHash band
//! with theirs (`fusion_bands`), then the link partners and stories of the fused events that
//! changed (`event_links`, `story_events`). It writes back only those fused events, links and
//! stories. The result is the one a full recompute ([`Store::refuse_all`]) gives.
//!
//! Fusion takes the articles in publication order (undated first; on one day by id:
//! [`FUSION_ORDER`]), not in the order they were ingested, so one corpus gives one result
//! whatever order its articles came in. A new article published before some already fused, an
//! update of a stored article, or a user's split or merge goes back in that order
//! ([`Store::refuse_from`]): fusion is taken back to before the first article it touches and
//! the articles from there on are fused again as new ones are.

use crate::{EventFilter, Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension, Transaction};
use sitrep_fuse::{
    attach_claims, fused_event, link_keys, link_queries, links, links_touching, stories,
    stories_touching, FusedEvent, Fuser, Link, LinkQuery, Mention, Provenance, Signature,
    StoredCluster, StoredMember, Story,
};
use sitrep_model::{Article, Claim, ClaimantKind, Event, Polarity, Span};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Stored fused events read to fuse the new articles (what they could touch).
    pub fused_read: usize,
    /// Whether the whole corpus was fused again (nothing fused yet, or `--full`).
    pub full: bool,
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
    /// User merges (pairs).
    pub joins: u64,
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

fn parse_date(d: Option<String>) -> Option<NaiveDate> {
    d.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
}

/// An article row without its text.
fn article_meta(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: r.get(0)?,
        title: r.get(1)?,
        published: parse_date(r.get(2)?),
        source: r.get(3)?,
        origin: r.get(4)?,
        ..Default::default()
    })
}

fn claim_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Claim> {
    let kind: String = r.get(1)?;
    let polarity: String = r.get(2)?;
    Ok(Claim {
        claimant: r.get(0)?,
        claimant_kind: serde_json::from_value::<ClaimantKind>(kind.into()).unwrap_or_default(),
        polarity: serde_json::from_value::<Polarity>(polarity.into()).unwrap_or_default(),
        hedged: r.get(3)?,
        article_id: r.get(4)?,
        sentence_index: r.get::<_, i64>(5)? as usize,
        sentence: r.get(6)?,
        span: Span::new(r.get::<_, i64>(7)? as usize, r.get::<_, i64>(8)? as usize),
    })
}

const CLAIM_COLUMNS: &str =
    "claimant, kind, polarity, hedged, article_id, sentence_index, sentence, start, \"end\"";

/// Where a merge left things ([`Store::merge`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// The fused event the two are in.
    pub now_in: String,
    /// Members of either kept out of it by a split of the user's with another member.
    pub apart: Vec<String>,
    /// Mentions of other fused events that fusion placed in the merged event once the two were
    /// one (a report close to a member of each): the fused event each was in, and how many.
    pub also_joined: Vec<(String, usize)>,
    /// Splits of the user's between the two that the merge overrides while it stands (pairs;
    /// `sitrep unmerge` brings them back).
    pub splits_overridden: usize,
}

/// Where undoing merges left things ([`Store::unmerge`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmergeOutcome {
    /// The user's merges forgotten (pairs of mentions).
    pub forgotten: usize,
    /// The fused events the former members are in now, with how many of them, most first.
    pub now_in: Vec<(String, usize)>,
}

/// Where a split left things ([`Store::split`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitOutcome {
    /// The fused event the split-off mention is in.
    pub mention_in: String,
    /// The fused events its former co-members are in, with how many of them, most first.
    pub others_in: Vec<(String, usize)>,
    /// Mentions split from the same event before it, no longer kept apart from it: both were
    /// taken out of one event, which does not say they differ from each other.
    pub freed: Vec<String>,
}

/// What fusion reads of one article: the article (with its text), its events, its standalone claims.
pub type FusionInput = (Article, Vec<Event>, Claims);
type Claims = Vec<Claim>;

/// A fusion input with the article's place in fusion order.
type SeqInput = (i64, FusionInput);

/// The order fusion takes the articles in (SQL over `articles`): by publication day, undated
/// first, then by id. Not the ingest order, so that the same corpus ingested in any order, at
/// once or in parts, is fused alike (which report is kept as an event's first, which fused
/// event a report joins when it scores over the threshold against two).
const FUSION_ORDER: &str = "IFNULL(published, ''), id";

/// An article's place in [`FUSION_ORDER`] (its publication day or '', its id) and its row.
type OrderKey = (String, String, i64);

/// Every table fusion writes (the user's splits and merges are not among them).
const FUSION_TABLES: &[&str] = &[
    "fusion_articles",
    "fusion_bands",
    "fused_events",
    "fused_members",
    "fused_blocks",
    "fused_link_keys",
    "event_links",
    "stories",
    "story_events",
];

impl Store {
    /// The merges users undid: pairs of mention ids.
    pub fn splits(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT mention_id, other_mention_id FROM fusion_splits ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The merges users made: pairs of mention ids.
    pub fn joins(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT mention_id, other_mention_id FROM fusion_joins ORDER BY rowid")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An empty fuser that keeps the users' splits and merges.
    pub fn user_fuser(&self) -> Result<Fuser, StoreError> {
        Ok(Fuser::new(self.splits()?).with_joins(self.joins()?))
    }

    /// One article's events, in order.
    fn events_of(&self, article_id: &str) -> Result<Vec<Event>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, json FROM events WHERE article_id = ?1 ORDER BY ordinal")?;
        let mut rows = stmt.query(params![article_id])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let (id, json): (String, String) = (r.get(0)?, r.get(1)?);
            out.push(serde_json::from_str(&json).map_err(json_err(format!("event {id}")))?);
        }
        Ok(out)
    }

    /// One article's standalone claims, in order.
    fn standalone_claims_of(&self, article_id: &str) -> Result<Vec<Claim>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims WHERE article_id = ?1 AND event_id IS NULL ORDER BY rowid"
        ))?;
        let rows = stmt.query_map(params![article_id], claim_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Everything fusion reads, in fusion order ([`FUSION_ORDER`]): each article (with its
    /// text), its events and its standalone claims. For audits and benchmarks that fuse in memory.
    pub fn fusion_inputs(&self) -> Result<Vec<FusionInput>, StoreError> {
        Ok(self
            .inputs(&self.rows_in_order()?, 0)?
            .into_iter()
            .map(|(_, i)| i)
            .collect())
    }

    /// The rows of every article, in fusion order.
    fn rows_in_order(&self) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT rowid FROM articles ORDER BY {FUSION_ORDER}"
        ))?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The articles of `rows`, in that order, numbered from `first_seq`.
    fn inputs(&self, rows: &[i64], first_seq: i64) -> Result<Vec<SeqInput>, StoreError> {
        let mut out = Vec::new();
        self.each_input(rows, first_seq, |seq, input| {
            out.push((seq, input));
            Ok(())
        })?;
        Ok(out)
    }

    /// Hand `each` the articles of `rows` one at a time, in that order, numbered from
    /// `first_seq`, with their events and standalone claims; how many. Fusion holds what it
    /// keeps of an article, not the corpus's texts and readings at once.
    fn each_input(
        &self,
        rows: &[i64],
        first_seq: i64,
        mut each: impl FnMut(i64, FusionInput) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, published, source, origin, text, rowid FROM articles WHERE rowid = ?1",
        )?;
        let mut count = 0;
        for (k, row) in rows.iter().enumerate() {
            let mut found = stmt.query(params![row])?;
            let Some(r) = found.next()? else {
                continue;
            };
            let article = Article {
                text: r.get(5)?,
                ..article_meta(r)?
            };
            drop(found);
            let events = self.events_of(&article.id)?;
            let claims = self.standalone_claims_of(&article.id)?;
            each(first_seq + k as i64, (article, events, claims))?;
            count += 1;
        }
        Ok(count)
    }

    /// Bring fusion up to date: fuse the articles stored since the last run against what they
    /// can touch, and write the fused events, links and stories that changed. Running it twice
    /// changes nothing the second time; the result equals [`Store::refuse_all`]'s.
    pub fn fuse(&mut self) -> Result<FusionRun, StoreError> {
        // a run uses some twenty statements, each many times: keep them all prepared
        self.conn.set_prepared_statement_cache_capacity(64);
        self.refuse_from_at_most(&[], REWIND_SHARE)
    }

    /// How many stored articles fusion has not taken in yet (what [`Store::fuse`] would fuse):
    /// those stored since its last run, or every article when it never ran.
    pub fn unfused_articles(&self) -> Result<usize, StoreError> {
        let count: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM articles
             WHERE rowid > (SELECT IFNULL(MAX(article_row), 0) FROM fusion_articles)",
            [],
            |r| r.get(0),
        )?;
        Ok(count as usize)
    }

    /// Forget every fusion decision (the users' splits and merges are kept) and fuse the whole
    /// corpus again.
    pub fn refuse_all(&mut self) -> Result<FusionRun, StoreError> {
        let tx = self.conn.transaction()?;
        for table in FUSION_TABLES {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        tx.commit()?;
        self.fuse_all()
    }

    /// Fuse every article (nothing is fused yet).
    fn fuse_all(&mut self) -> Result<FusionRun, StoreError> {
        let mut fuser = self.user_fuser()?;
        let mut run = FusionRun {
            full: true,
            ..Default::default()
        };
        let mut seqs = Vec::new();
        let rows = self.rows_in_order()?;
        run.articles = self.each_input(&rows, 0, |seq, (article, events, claims)| {
            if fuser
                .add_article_at(seq as u64, &article, &events, &claims)
                .is_some()
            {
                run.near_duplicates += 1;
            }
            seqs.push(seq);
            Ok(())
        })?;
        run.mentions = fuser.mentions.len();
        let dirty = fuser.take_dirty();
        run.fused_written = dirty.len();
        let tx = self.conn.transaction()?;
        for table in FUSION_TABLES {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        write_articles(&tx, &fuser, &seqs)?;
        for &c in &dirty {
            write_fused(&tx, fuser.clusters[c].seq, &fused_event(&fuser, c))?;
        }
        for m in 0..fuser.mentions.len() {
            write_keys(&tx, &fuser, m)?;
        }
        write_links(&tx, &links(&fuser))?;
        write_stories(&tx, &stories(&fuser))?;
        tx.commit()?;
        Ok(run)
    }

    /// Fuse again from the earliest of `articles` on, after their reading changed (an updated
    /// article) or the user's decisions about their mentions did: fusion is taken back to what
    /// it was before that article in fusion order (its fused events and every later article's
    /// leave, the fused events of earlier articles keep only those members) and the articles
    /// from it on are fused again in order, as [`Store::fuse`] fuses new ones. Reads and writes
    /// what those articles touch, not the corpus; the result equals [`Store::refuse_all`]'s.
    ///
    /// When the articles from there on are more than an eighth of the corpus, the whole corpus
    /// is fused again instead ([`Store::refuse_all`]: the same result, sooner; fusing in memory
    /// from scratch costs a fifth to a tenth of what fusing against the store does per article).
    pub fn refuse_from(&mut self, articles: &[&str]) -> Result<FusionRun, StoreError> {
        self.refuse_from_at_most(articles, REWIND_SHARE)
    }

    /// Fuse the articles stored since the last run and `articles` again: after the fused ones
    /// when they all come later in fusion order (the usual case: news arrives in order), else
    /// from the first fused article that one of them comes before, or is, on ([`Rewind`]);
    /// the whole corpus again when more than `share` of its articles would be fused again.
    fn refuse_from_at_most(
        &mut self,
        articles: &[&str],
        share: f64,
    ) -> Result<FusionRun, StoreError> {
        let last_row: Option<i64> =
            self.conn
                .query_row("SELECT MAX(article_row) FROM fusion_articles", [], |r| {
                    r.get(0)
                })?;
        let Some(last_row) = last_row else {
            return self.fuse_all();
        };
        // the articles fusion has not seen yet, then those asked for
        let mut again: Vec<OrderKey> = Vec::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT IFNULL(published, ''), id, rowid FROM articles WHERE rowid > ?1",
            )?;
            let rows =
                stmt.query_map(params![last_row], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            for row in rows {
                again.push(row?);
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT IFNULL(published, ''), id, rowid FROM articles WHERE id = ?1",
            )?;
            for id in articles {
                if let Some(key) = stmt
                    .query_row(params![id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?
                {
                    again.push(key);
                }
            }
        }
        again.sort();
        again.dedup();
        let Some((first_published, first_id, _)) = again.first() else {
            return Ok(FusionRun::default());
        };
        // where fusion starts again: at the first fused article the first of them comes before
        // (the same for all of them: the order is the key's), or at one of those asked for
        // that was fused before (an update takes it from its old place too)
        let mut from: Option<i64> = self
            .conn
            .prepare_cached(
                "SELECT MIN(seq) FROM fusion_articles
                 WHERE (published, article_id) > (?1, ?2) AND article_id <> ?2",
            )?
            .query_row(params![first_published, first_id], |r| r.get(0))?;
        let mut fused_before = 0;
        for id in articles.iter().collect::<BTreeSet<_>>() {
            let own: Option<i64> = self
                .conn
                .prepare_cached("SELECT seq FROM fusion_articles WHERE article_id = ?1")?
                .query_row(params![id], |r| r.get(0))
                .optional()?;
            if let Some(seq) = own {
                fused_before += 1;
                from = Some(from.map_or(seq, |f| f.min(seq)));
            }
        }
        let Some(from) = from else {
            // all after every fused article: the usual run
            let rows: Vec<i64> = again.iter().map(|k| k.2).collect();
            let next: i64 =
                self.conn
                    .query_row("SELECT MAX(seq) + 1 FROM fusion_articles", [], |r| r.get(0))?;
            let pending = self.inputs(&rows, next)?;
            return self.fuse_new(pending, None);
        };
        let (fused_again, all): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM fusion_articles WHERE seq >= ?1), (SELECT COUNT(*) FROM articles)",
            params![from],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let count = fused_again as usize + again.len() - fused_before;
        if count as f64 > share * all as f64 {
            return self.refuse_all();
        }
        match self.rewind(from)? {
            Some(rewind) => {
                let mut stmt = self.conn.prepare_cached(
                    "SELECT IFNULL(a.published, ''), a.id, a.rowid FROM fusion_articles f
                     JOIN articles a ON a.id = f.article_id WHERE f.seq >= ?1",
                )?;
                let rows =
                    stmt.query_map(params![from], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                for row in rows {
                    again.push(row?);
                }
                drop(stmt);
                again.sort();
                again.dedup();
                let rows: Vec<i64> = again.iter().map(|k| k.2).collect();
                let pending = self.inputs(&rows, from)?;
                self.fuse_new(pending, Some(&rewind))
            }
            // (fused events numbered out of fusion order: only a full recompute is sure)
            None => self.refuse_all(),
        }
    }

    /// [`Store::refuse_from`] with owned ids.
    fn refuse_from_articles(&mut self, articles: &[String]) -> Result<FusionRun, StoreError> {
        let ids: Vec<&str> = articles.iter().map(String::as_str).collect();
        self.refuse_from(&ids)
    }

    /// The articles of fused mentions.
    fn articles_of(&self, mentions: &[String]) -> Result<Vec<String>, StoreError> {
        let mut out = Vec::new();
        for m in mentions {
            let article: Option<String> = self
                .conn
                .prepare_cached("SELECT article_id FROM fused_members WHERE mention_id = ?1")?
                .query_row(params![m], |r| r.get(0))
                .optional()?;
            out.extend(article);
        }
        Ok(out)
    }

    /// The number the next fused event made takes (one past the last stored).
    fn next_fused_seq(&self) -> Result<usize, StoreError> {
        let next: i64 = self.conn.query_row(
            "SELECT COALESCE(MAX(seq) + 1, 0) FROM fused_events",
            [],
            |r| r.get(0),
        )?;
        Ok(next as usize)
    }

    /// What fusing again from place `from` in fusion order on takes back ([`Store::refuse_from`]); `None`
    /// when the fused events were not numbered in fusion order (written by hand?).
    fn rewind(&self, from: i64) -> Result<Option<Rewind>, StoreError> {
        let touched: Vec<(String, i64)> = {
            let mut stmt = self.conn.prepare(
                "SELECT DISTINCT m.fused_id, e.seq FROM fusion_articles f
                 JOIN fused_members m ON m.article_id = f.article_id
                 JOIN fused_events e ON e.id = m.fused_id WHERE f.seq >= ?1",
            )?;
            let rows = stmt.query_map(params![from], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut rewind = Rewind {
            from,
            ..Default::default()
        };
        let mut first_gone: Option<i64> = None;
        for (id, seq) in touched {
            let earliest: i64 = self
                .conn
                .prepare_cached(
                    "SELECT MIN(f.seq) FROM fused_members m
                     JOIN fusion_articles f ON f.article_id = m.article_id WHERE m.fused_id = ?1",
                )?
                .query_row(params![id], |r| r.get(0))?;
            if earliest < from {
                rewind.kept.insert(id);
            } else {
                first_gone = Some(first_gone.map_or(seq, |f| f.min(seq)));
                rewind.gone.insert(id);
            }
        }
        // the fused events first made from the article on are the last numbered: the first of
        // those made again takes the number of the first gone
        let started = match first_gone {
            Some(first) => {
                let after: usize = self.conn.query_row(
                    "SELECT COUNT(*) FROM fused_events WHERE seq >= ?1",
                    params![first],
                    |r| r.get::<_, i64>(0),
                )? as usize;
                if after != rewind.gone.len() {
                    return Ok(None);
                }
                first
            }
            None => self.next_fused_seq()? as i64,
        };
        rewind.started = started as usize;
        Ok(Some(rewind))
    }

    /// Fuse the articles stored after the last run (or, with `rewind`, those from an article on
    /// again): read what their mentions can meet, fuse, then read the link partners and stories
    /// of the fused events that changed, and write.
    fn fuse_new(
        &mut self,
        pending: Vec<SeqInput>,
        rewind: Option<&Rewind>,
    ) -> Result<FusionRun, StoreError> {
        let started: usize = match rewind {
            Some(r) => r.started,
            None => self.next_fused_seq()?,
        };
        let keep_before = rewind.map_or(i64::MAX, |r| r.from);
        let gone = |id: &String| rewind.is_some_and(|r| r.gone.contains(id));
        let mut fuser = Fuser::continuing(self.splits()?, started).with_joins(self.joins()?);
        // what the new mentions and texts can meet
        let mut wanted = BTreeSet::new();
        let mut signatures = BTreeMap::new();
        for (_, (article, events, _)) in &pending {
            for event in events {
                let m = Mention::new(
                    event.clone(),
                    &article.id,
                    article.source.clone(),
                    article.published,
                    fuser.lexicons(),
                );
                self.fused_in_block(&m, &mut wanted)?;
                for query in link_queries(&m) {
                    self.fused_with_link_key(&query, &mut wanted)?;
                }
            }
            if let Some(signature) = Fuser::signature_of(article) {
                self.band_neighbours(&signature, &mut signatures)?;
            }
        }
        // (the articles fused again are added anew, in order)
        for (seq, (id, signature)) in signatures.range(..keep_before) {
            fuser.load_signature(id, *seq as u64, signature.clone());
        }
        let mut run = FusionRun::default();
        if let Some(rewind) = rewind {
            // the fused events that lose members change, and so may their links: what their
            // remaining members can be linked with is read too
            wanted.extend(rewind.kept.iter().cloned());
            wanted.retain(|id| !gone(id));
            run.fused_read += self.load_clusters(&mut fuser, &wanted, keep_before)?;
            let mut linkable = BTreeSet::new();
            for id in &rewind.kept {
                let Some(c) = fuser.cluster_by_id(id) else {
                    continue;
                };
                fuser.mark_changed(c);
                for &m in &fuser.clusters[c].members {
                    for query in link_queries(&fuser.mentions[m]) {
                        self.fused_with_link_key(&query, &mut linkable)?;
                    }
                }
            }
            linkable.retain(|id| !gone(id));
            run.fused_read += self.load_clusters(&mut fuser, &linkable, keep_before)?;
        } else {
            run.fused_read += self.load_clusters(&mut fuser, &wanted, keep_before)?;
        }
        // fuse
        let first_mention = fuser.mentions.len();
        for (seq, (article, events, claims)) in &pending {
            if fuser
                .add_article_at(*seq as u64, article, events, claims)
                .is_some()
            {
                run.near_duplicates += 1;
            }
        }
        let new_mentions = first_mention..fuser.mentions.len();
        run.articles = pending.len();
        run.mentions = new_mentions.len();
        let dirty = fuser.take_dirty();
        run.fused_written = dirty.len();
        // what the changes reach: the links and stories of the fused events that changed or went
        let mut partners = BTreeSet::new();
        let mut old_stories = BTreeSet::new();
        for &c in dirty.iter().filter(|&&c| fuser.clusters[c].seq < started) {
            let id = &fuser.clusters[c].id;
            self.link_partners(id, &mut partners)?;
            self.story_of(id, &mut old_stories)?;
        }
        for id in rewind.iter().flat_map(|r| &r.gone) {
            self.story_of(id, &mut old_stories)?;
        }
        for story in &old_stories {
            self.story_members(story, &mut partners)?;
        }
        partners.retain(|id| !gone(id));
        run.fused_read += self.load_clusters(&mut fuser, &partners, keep_before)?;
        let links = links_touching(&fuser, &dirty);
        let stories = stories_touching(&fuser, &dirty);
        // write
        let seqs: Vec<i64> = pending.iter().map(|(seq, _)| *seq).collect();
        let tx = self.conn.transaction()?;
        if let Some(rewind) = rewind {
            take_back(&tx, rewind)?;
        }
        write_articles(&tx, &fuser, &seqs)?;
        for &c in &dirty {
            write_fused(&tx, fuser.clusters[c].seq, &fused_event(&fuser, c))?;
        }
        match rewind {
            // (a fused event that lost members is filed again under what it keeps)
            Some(_) => {
                for &c in &dirty {
                    for &m in &fuser.clusters[c].members {
                        write_keys(&tx, &fuser, m)?;
                    }
                }
            }
            None => {
                for m in new_mentions {
                    write_keys(&tx, &fuser, m)?;
                }
            }
        }
        for &c in &dirty {
            tx.prepare_cached("DELETE FROM event_links WHERE a = ?1 OR b = ?1")?
                .execute(params![fuser.clusters[c].id])?;
        }
        write_links(&tx, &links)?;
        for story in &old_stories {
            tx.prepare_cached("DELETE FROM stories WHERE id = ?1")?
                .execute(params![story])?;
            tx.prepare_cached("DELETE FROM story_events WHERE story_id = ?1")?
                .execute(params![story])?;
        }
        write_stories(&tx, &stories)?;
        tx.commit()?;
        Ok(run)
    }

    /// The fused events a mention meets ([`Fuser`]'s candidates): those filed under its block;
    /// for a month-dated mention also the year-dated ones of its years, for a year-dated one
    /// also those with a month-dated member in its year (`coarse` 2).
    fn fused_in_block(&self, m: &Mention, out: &mut BTreeSet<String>) -> Result<(), StoreError> {
        let country = m.country_key();
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT fused_id FROM fused_blocks
             WHERE country = ?1 AND coarse = ?2 AND day BETWEEN ?3 AND ?4",
        )?;
        for r in m.looks_in() {
            let rows = stmt.query_map(params![country, r.kind as i64, r.first, r.last], |row| {
                row.get(0)
            })?;
            for id in rows {
                out.insert(id?);
            }
        }
        Ok(())
    }

    /// The fused events holding a mention that a link query matches.
    fn fused_with_link_key(
        &self,
        query: &LinkQuery,
        out: &mut BTreeSet<String>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT fused_id FROM fused_link_keys
             WHERE role = ?1 AND country = ?2 AND first_day BETWEEN ?3 AND ?4 AND last_day >= ?5",
        )?;
        let rows = stmt.query_map(
            params![
                query.role.as_str(),
                query.country,
                query.first_from,
                query.first_to,
                query.last_from
            ],
            |r| r.get(0),
        )?;
        for id in rows {
            out.insert(id?);
        }
        Ok(())
    }

    /// The fused articles sharing a MinHash band with `signature`, by their places in fusion order, with their
    /// signatures.
    fn band_neighbours(
        &self,
        signature: &Signature,
        out: &mut BTreeMap<i64, (String, Signature)>,
    ) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.seq, b.article_id, f.signature FROM fusion_bands b
             JOIN fusion_articles f ON f.article_id = b.article_id WHERE b.band_key = ?1",
        )?;
        for key in signature.band_keys() {
            let mut rows = stmt.query(params![key as i64])?;
            while let Some(r) = rows.next()? {
                let seq: i64 = r.get(0)?;
                if out.contains_key(&seq) {
                    continue;
                }
                let (id, hex): (String, String) = (r.get(1)?, r.get(2)?);
                let signature = Signature::from_hex(&hex).ok_or_else(|| {
                    StoreError::NotFound(format!(
                        "fusion_articles: the signature of {id} does not parse; `sitrep fuse --full` writes it again"
                    ))
                })?;
                out.insert(seq, (id, signature));
            }
        }
        Ok(())
    }

    /// The fused events linked with `fused_id`.
    fn link_partners(&self, fused_id: &str, out: &mut BTreeSet<String>) -> Result<(), StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b FROM event_links WHERE a = ?1 UNION SELECT a FROM event_links WHERE b = ?1",
        )?;
        let rows = stmt.query_map(params![fused_id], |r| r.get(0))?;
        for id in rows {
            out.insert(id?);
        }
        Ok(())
    }

    /// The story `fused_id` is in, if any.
    fn story_of(&self, fused_id: &str, out: &mut BTreeSet<String>) -> Result<(), StoreError> {
        let story: Option<String> = self
            .conn
            .prepare_cached("SELECT story_id FROM story_events WHERE fused_id = ?1")?
            .query_row(params![fused_id], |r| r.get(0))
            .optional()?;
        out.extend(story);
        Ok(())
    }

    /// The fused events of a story.
    fn story_members(&self, story: &str, out: &mut BTreeSet<String>) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT fused_id FROM story_events WHERE story_id = ?1")?;
        let rows = stmt.query_map(params![story], |r| r.get(0))?;
        for id in rows {
            out.insert(id?);
        }
        Ok(())
    }

    /// Load stored fused events into the fuser (those it does not hold yet), with their members
    /// of the articles before place `keep_before` in fusion order; returns how many.
    fn load_clusters(
        &self,
        fuser: &mut Fuser,
        ids: &BTreeSet<String>,
        keep_before: i64,
    ) -> Result<usize, StoreError> {
        let mut attached: HashMap<String, Vec<Vec<Claim>>> = HashMap::new();
        let mut loaded = 0;
        for id in ids {
            if fuser.cluster_by_id(id).is_some() {
                continue;
            }
            let seq: Option<i64> = self
                .conn
                .prepare_cached("SELECT seq FROM fused_events WHERE id = ?1")?
                .query_row(params![id], |r| r.get(0))
                .optional()?;
            let Some(seq) = seq else {
                continue;
            };
            let mut stmt = self.conn.prepare_cached(
                "SELECT m.mention_id, m.provenance, e.json, e.ordinal, f.seq, a.id, a.source,
                    a.published, f.duplicate_of, f.similarity
                 FROM fused_members m JOIN events e ON e.id = m.mention_id
                 JOIN articles a ON a.id = m.article_id
                 JOIN fusion_articles f ON f.article_id = a.id
                 WHERE m.fused_id = ?1 AND f.seq < ?2",
            )?;
            let mut rows = stmt.query(params![id, keep_before])?;
            let mut members = Vec::new();
            while let Some(r) = rows.next()? {
                let mention_id: String = r.get(0)?;
                let provenance: Provenance = serde_json::from_str(&r.get::<_, String>(1)?)
                    .map_err(json_err(format!("provenance of {mention_id}")))?;
                let event: Event = serde_json::from_str(&r.get::<_, String>(2)?)
                    .map_err(json_err(format!("event {mention_id}")))?;
                let duplicate_of: Option<String> = r.get(8)?;
                let similarity: Option<f64> = r.get(9)?;
                members.push(StoredMember {
                    event,
                    ordinal: r.get::<_, i64>(3)? as usize,
                    article_seq: r.get::<_, i64>(4)? as u64,
                    article_id: r.get(5)?,
                    source: r.get(6)?,
                    published: parse_date(r.get(7)?),
                    duplicate_of: duplicate_of.map(|d| (d, similarity.unwrap_or(0.0) as f32)),
                    provenance,
                    attached: Vec::new(),
                });
            }
            drop(rows);
            for m in &mut members {
                if !attached.contains_key(&m.article_id) {
                    let claims = self.attached_claims_of(&m.article_id)?;
                    attached.insert(m.article_id.clone(), claims);
                }
                m.attached = attached[&m.article_id]
                    .get(m.ordinal)
                    .cloned()
                    .unwrap_or_default();
            }
            fuser.load_cluster(StoredCluster {
                id: id.clone(),
                seq: seq as usize,
                members,
            });
            loaded += 1;
        }
        Ok(loaded)
    }

    /// The standalone claims of an article attached to each of its events (by ordinal), as
    /// fusing it attached them.
    fn attached_claims_of(&self, article_id: &str) -> Result<Vec<Vec<Claim>>, StoreError> {
        let claims = self.standalone_claims_of(article_id)?;
        if claims.is_empty() {
            return Ok(Vec::new());
        }
        let events = self.events_of(article_id)?;
        let notes: Vec<&str> = events.iter().map(|e| e.notes.as_str()).collect();
        let mut out = vec![Vec::new(); events.len()];
        for (m, claim) in attach_claims(&notes, &claims) {
            out[m].push(claim.clone());
        }
        Ok(out)
    }

    /// Undo a merge: `mention` leaves fused event `fused_id` and is never fused again with the
    /// mentions it was merged with. A merge of the user's that put it there is forgotten first;
    /// when that alone held it there, no split is recorded (fusion is as before the merge). Fusion is recomputed; the split holds on every later run.
    /// Returns where the mention and its former co-members are afterwards (a fused event is
    /// named by its first report, so the co-members' event may now have another id).
    pub fn split(&mut self, fused_id: &str, mention: &str) -> Result<SplitOutcome, StoreError> {
        let members = self.members_of(fused_id)?;
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
        let others: Vec<&String> = members.iter().filter(|m| *m != mention).collect();
        // (fusion is taken back to the first of their articles and goes on from there)
        let articles = self.articles_of(&members)?;
        // a merge of the user's is undone first: when it alone held the mention there,
        // forgetting it is the whole split (fusion is as it was before the merge)
        let tx = self.conn.transaction()?;
        let mut forgotten = 0;
        for other in &others {
            forgotten += forget(&tx, Decision::Join, mention, other)?;
        }
        tx.commit()?;
        let mut together = true;
        if forgotten > 0 {
            self.refuse_from_articles(&articles)?;
            let now_in = self.fused_id_of(mention)?;
            together = false;
            for other in &others {
                together |= self.fused_id_of(other)? == now_in;
            }
        }
        let mut freed = Vec::new();
        if together {
            // a mention split from this event before, while this one was in it, is split from
            // it too: both were taken out of one event, which says neither is that event, not
            // that the two differ (a wrong merge of two reports of another strike, split one
            // by one, leaves them free to be one event)
            let splits = self.splits()?;
            let split_from = |x: &str, y: &str| {
                splits
                    .iter()
                    .any(|(a, b)| (a == x && b == y) || (a == y && b == x))
            };
            for (a, b) in &splits {
                let earlier = match (a == mention, b == mention) {
                    (true, false) => b,
                    (false, true) => a,
                    _ => continue,
                };
                if !members.contains(earlier) && others.iter().any(|o| split_from(earlier, o)) {
                    freed.push(earlier.clone());
                }
            }
            let now = crate::insert::now_rfc3339();
            let tx = self.conn.transaction()?;
            for other in &others {
                decide(&tx, Decision::Split, mention, other, &now)?;
            }
            for earlier in &freed {
                forget(&tx, Decision::Split, mention, earlier)?;
            }
            tx.commit()?;
            self.refuse_from_articles(&articles)?;
        }
        Ok(SplitOutcome {
            mention_in: self.fused_id_of(mention)?.unwrap_or_default(),
            others_in: self.where_now(&others)?,
            freed,
        })
    }

    /// Undo the user's merges within fused event `fused_id`: every merge between two of its
    /// members is forgotten and fusion is recomputed, so its reports are fused as they were
    /// before those merges (the user's splits stay). An error when it holds no merge.
    pub fn unmerge(&mut self, fused_id: &str) -> Result<UnmergeOutcome, StoreError> {
        let members = self.members_of(fused_id)?;
        let inside: BTreeSet<&String> = members.iter().collect();
        let joins: Vec<(String, String)> = self
            .joins()?
            .into_iter()
            .filter(|(a, b)| inside.contains(a) && inside.contains(b))
            .collect();
        if joins.is_empty() {
            return Err(StoreError::NotFound(format!(
                "{fused_id:?} holds no merge of yours: fusion joined its reports (`sitrep split` takes one out)"
            )));
        }
        let tx = self.conn.transaction()?;
        for (a, b) in &joins {
            forget(&tx, Decision::Join, a, b)?;
        }
        tx.commit()?;
        self.refuse_from_articles(&self.articles_of(&members)?)?;
        Ok(UnmergeOutcome {
            forgotten: joins.len(),
            now_in: self.where_now(&members)?,
        })
    }

    /// The fused events `mentions` are in, with how many of them, most first.
    fn where_now<S: AsRef<str>>(&self, mentions: &[S]) -> Result<Vec<(String, usize)>, StoreError> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for m in mentions {
            let id = self.fused_id_of(m.as_ref())?.unwrap_or_default();
            match out.iter_mut().find(|(f, _)| *f == id) {
                Some((_, n)) => *n += 1,
                None => out.push((id, 1)),
            }
        }
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(out)
    }

    /// Every mention's fused event.
    fn membership(&self) -> Result<HashMap<String, String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT mention_id, fused_id FROM fused_members")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The members of a fused event, in the order they were stored; an error saying where the
    /// ids are listed (or which fused event now holds the report it was named after) when there
    /// is no such event.
    fn members_of(&self, fused_id: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT mention_id FROM fused_members WHERE fused_id = ?1 ORDER BY rowid")?;
        let rows = stmt.query_map(params![fused_id], |r| r.get(0))?;
        let members: Vec<String> = rows.collect::<Result<_, _>>()?;
        if members.is_empty() {
            let named_after = fused_id.strip_prefix("F:").unwrap_or(fused_id);
            let hint = match self.fused_id_of(named_after)? {
                Some(now) => format!("its report {named_after} is now in {now}"),
                None => "`sitrep events --format fused` lists their ids".to_string(),
            };
            return Err(StoreError::NotFound(format!(
                "no fused event {fused_id:?}; {hint}"
            )));
        }
        Ok(members)
    }

    /// The fused event a mention is in.
    pub fn fused_id_of(&self, mention: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT fused_id FROM fused_members WHERE mention_id = ?1",
                params![mention],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Merge two fused events: every member of one is paired with every member of the other as
    /// merged by the user (overriding any split of theirs between them while the merge stands),
    /// and fusion is recomputed;
    /// the merge holds on every later run. Returns the fused event they are in afterwards, and
    /// the members kept out of it (by a split of the user's with another member).
    pub fn merge(&mut self, fused_id: &str, other_id: &str) -> Result<MergeOutcome, StoreError> {
        if fused_id == other_id {
            return Err(StoreError::NotFound(format!(
                "{fused_id:?} twice: name two fused events to merge"
            )));
        }
        let (ours, theirs) = (self.members_of(fused_id)?, self.members_of(other_id)?);
        let before = self.membership()?;
        let now = crate::insert::now_rfc3339();
        let tx = self.conn.transaction()?;
        let mut splits_overridden = 0;
        for a in &ours {
            for b in &theirs {
                splits_overridden += decide(&tx, Decision::Join, a, b, &now)?;
            }
        }
        tx.commit()?;
        let both: Vec<String> = ours.iter().chain(&theirs).cloned().collect();
        self.refuse_from_articles(&self.articles_of(&both)?)?;
        let now_in = self.fused_id_of(&ours[0])?.unwrap_or_default();
        let mut apart = Vec::new();
        for m in ours.iter().chain(&theirs) {
            if self.fused_id_of(m)?.as_deref() != Some(now_in.as_str()) {
                apart.push(m.clone());
            }
        }
        // what fusion joined besides: members of the merged event that were in neither
        let named: BTreeSet<&String> = ours.iter().chain(&theirs).collect();
        let mut also: BTreeMap<String, usize> = BTreeMap::new();
        for m in self.members_of(&now_in)? {
            if !named.contains(&m) {
                let was = before.get(&m).cloned().unwrap_or_else(|| m.clone());
                *also.entry(was).or_default() += 1;
            }
        }
        Ok(MergeOutcome {
            now_in,
            apart,
            also_joined: also.into_iter().collect(),
            splits_overridden,
        })
    }

    /// Fused events matching `filter` (same filter as [`Store::events`]), newest first, in the
    /// order `sitrep serve` lists them (undated ones last; on one day, the last made first).
    pub fn fused_events(&self, filter: &EventFilter) -> Result<Vec<FusedEvent>, StoreError> {
        let mut sql = String::from("SELECT e.id, e.json FROM fused_events e WHERE 1 = 1");
        let mut args: Vec<Value> = Vec::new();
        filter.push_conditions(&mut sql, &mut args);
        sql.push_str(&format!(
            " ORDER BY {} LIMIT ? OFFSET ?",
            crate::newest_first("fused_events")
        ));
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
            .prepare("SELECT a, b, relation, detail FROM event_links ORDER BY a, b, relation")?;
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
            joins: count("SELECT COUNT(*) FROM fusion_joins")?,
        })
    }
}

/// A user's decision on a pair of mentions.
#[derive(Clone, Copy)]
enum Decision {
    /// Never in one fused event (`sitrep split`).
    Split,
    /// Always in one fused event (`sitrep merge`).
    Join,
}

impl Decision {
    /// The table the decisions of this kind are kept in.
    fn table(self) -> &'static str {
        match self {
            Decision::Split => "fusion_splits",
            Decision::Join => "fusion_joins",
        }
    }
}

/// Record a user's decision on the pair `a`, `b`, forgetting the opposite one (either order);
/// returns how many opposite decisions were forgotten.
/// A split forgets any merge of the pair (the later decision holds). A merge keeps the splits of
/// the pair, which it overrides while it stands (`sitrep unmerge` brings them back); returns
/// how many of the opposite decisions it forgot (a split) or overrides (a merge).
fn decide(
    tx: &Transaction<'_>,
    decision: Decision,
    a: &str,
    b: &str,
    now: &str,
) -> Result<usize, StoreError> {
    let kept = decision.table();
    tx.execute(
        &format!("INSERT OR IGNORE INTO {kept} (mention_id, other_mention_id, created_at) VALUES (?1, ?2, ?3)"),
        params![a, b, now],
    )?;
    match decision {
        Decision::Split => forget(tx, Decision::Join, a, b),
        Decision::Join => {
            let table = Decision::Split.table();
            let stored: i64 = tx.query_row(
                &format!("SELECT COUNT(*) FROM {table} WHERE (mention_id = ?1 AND other_mention_id = ?2) OR (mention_id = ?2 AND other_mention_id = ?1)"),
                params![a, b],
                |r| r.get(0),
            )?;
            Ok(stored as usize)
        }
    }
}

/// Forget a user's decision on the pair `a`, `b` (either order); returns how many were stored.
fn forget(tx: &Transaction<'_>, decision: Decision, a: &str, b: &str) -> Result<usize, StoreError> {
    let table = decision.table();
    Ok(tx.execute(
        &format!("DELETE FROM {table} WHERE (mention_id = ?1 AND other_mention_id = ?2) OR (mention_id = ?2 AND other_mention_id = ?1)"),
        params![a, b],
    )?)
}

/// The share of the corpus above which an update fuses the whole corpus again rather than the
/// articles from it on ([`Store::refuse_from`]). On a 60,000-article store, fusing again from
/// the last 1 %, 5 %, 20 % and 50 % of it took 3.0, 8.7, 23.5 and 45 s; all of it in memory
/// 22-31 s.
const REWIND_SHARE: f64 = 0.125;

/// What fusing again from an article on takes back ([`Store::refuse_from`]).
#[derive(Debug, Default)]
struct Rewind {
    /// The place in fusion order of the first article fused again.
    from: i64,
    /// Fused events with a member of an earlier article: they keep those members, lose the rest.
    kept: BTreeSet<String>,
    /// Fused events of that article and later ones only: they go, and are made again.
    gone: BTreeSet<String>,
    /// The number the first fused event made again takes (that of the first gone one).
    started: usize,
}

/// Delete what fusion wrote for the articles from `rewind.from` on: their fusion entries, their
/// mentions' memberships, the fused events that go with everything filed for them, and what
/// the kept ones were filed under (written again from the members they keep).
fn take_back(tx: &Transaction<'_>, rewind: &Rewind) -> Result<(), StoreError> {
    tx.execute(
        "DELETE FROM fused_members
         WHERE article_id IN (SELECT article_id FROM fusion_articles WHERE seq >= ?1)",
        params![rewind.from],
    )?;
    tx.execute(
        "DELETE FROM fusion_articles WHERE seq >= ?1",
        params![rewind.from],
    )?;
    tx.execute(
        "DELETE FROM fusion_bands WHERE seq >= ?1",
        params![rewind.from],
    )?;
    for id in &rewind.gone {
        for sql in [
            "DELETE FROM fused_events WHERE id = ?1",
            "DELETE FROM fused_members WHERE fused_id = ?1",
            "DELETE FROM event_links WHERE a = ?1 OR b = ?1",
            "DELETE FROM story_events WHERE fused_id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute(params![id])?;
        }
    }
    for id in rewind.gone.iter().chain(&rewind.kept) {
        for sql in [
            "DELETE FROM fused_blocks WHERE fused_id = ?1",
            "DELETE FROM fused_link_keys WHERE fused_id = ?1",
        ] {
            tx.prepare_cached(sql)?.execute(params![id])?;
        }
    }
    Ok(())
}

/// The fusion entries (signature, near-duplicate link, bands) of the articles the fuser fused;
/// `seqs` are their places in fusion order, in the same order.
fn write_articles(tx: &Transaction<'_>, fuser: &Fuser, seqs: &[i64]) -> Result<(), StoreError> {
    for (entry, seq) in fuser.articles.iter().zip(seqs) {
        tx.prepare_cached(
            "INSERT OR REPLACE INTO fusion_articles
                (article_id, seq, signature, duplicate_of, similarity, article_row, published)
             SELECT ?1, ?2, ?3, ?4, ?5, rowid, IFNULL(published, '') FROM articles WHERE id = ?1",
        )?
        .execute(params![
            entry.id,
            seq,
            entry
                .signature
                .as_ref()
                .map_or(String::new(), Signature::to_hex),
            entry.duplicate_of.as_ref().map(|d| d.0.clone()),
            entry.duplicate_of.as_ref().map(|d| f64::from(d.1)),
        ])?;
        for key in entry.signature.iter().flat_map(Signature::band_keys) {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO fusion_bands (band_key, seq, article_id) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![key as i64, seq, entry.id])?;
        }
    }
    Ok(())
}

/// File mention `m`'s fused event under the mention's block and link keys.
fn write_keys(tx: &Transaction<'_>, fuser: &Fuser, m: usize) -> Result<(), StoreError> {
    let mention = &fuser.mentions[m];
    let fused_id = &fuser.clusters[fuser.cluster_of[m]].id;
    let country = mention.country_key();
    for r in mention.filed_under() {
        for day in r.first..=r.last {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO fused_blocks (country, coarse, day, fused_id) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![country, r.kind as i64, day, fused_id])?;
        }
    }
    for key in link_keys(mention) {
        tx.prepare_cached(
            "INSERT OR IGNORE INTO fused_link_keys (role, country, first_day, last_day, fused_id)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            key.role.as_str(),
            key.country,
            key.first,
            key.last,
            fused_id
        ])?;
    }
    Ok(())
}

fn write_links(tx: &Transaction<'_>, links: &[Link]) -> Result<(), StoreError> {
    for link in links {
        tx.prepare_cached(
            "INSERT INTO event_links (a, b, relation, detail) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![link.a, link.b, word(link.relation), link.detail])?;
    }
    Ok(())
}

fn write_stories(tx: &Transaction<'_>, stories: &[Story]) -> Result<(), StoreError> {
    for story in stories {
        let json = serde_json::to_string(story).map_err(json_err(format!("story {}", story.id)))?;
        tx.prepare_cached(
            "INSERT OR REPLACE INTO stories (id, title, first_date, last_date, n_events, n_articles, json)
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
        for fused_id in &story.events {
            tx.prepare_cached(
                "INSERT OR REPLACE INTO story_events (fused_id, story_id) VALUES (?1, ?2)",
            )?
            .execute(params![fused_id, story.id])?;
        }
    }
    Ok(())
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
    use std::collections::BTreeSet;

    fn event(article: &str, n: usize, kind: &str, date: &str, killed: u64) -> Event {
        let ev = Evidence {
            article_id: article.into(),
            text: "x".into(),
            rule: "test".into(),
            ..Default::default()
        };
        Event {
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
            fatalities: killed,
            confidence: 0.9,
            notes: "Shelling hit the river town.".into(),
            evidence: ev.clone(),
            ..Event::new(
                format!("{article}#{n}"),
                SubEventType::from_acled(kind).unwrap(),
                EventDate {
                    date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                    end: None,
                    precision: DatePrecision::Day,
                    evidence: Some(ev),
                },
            )
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

    /// Every fused event, by id (the listing's own order is by date).
    fn snapshot(store: &Store) -> Vec<FusedEvent> {
        let mut events = store
            .fused_events(&EventFilter {
                include_non_conflict: true,
                ..Default::default()
            })
            .unwrap();
        events.sort_by(|a, b| a.id.cmp(&b.id));
        events
    }

    #[test]
    fn incremental_fusion_on_disk_equals_a_full_recompute() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 4);
        put(&mut store, "b", "2024-01-09", 0);
        let first = store.fuse().unwrap();
        assert_eq!((first.articles, first.mentions), (2, 2));
        let listed = store.fused_events(&EventFilter::default()).unwrap();
        let ids: Vec<&str> = listed.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["F:b#1", "F:a#1"], "newest first");
        put(&mut store, "c", "2024-01-05", 3);
        let second = store.fuse().unwrap();
        assert!(!second.full);
        assert_eq!(second.fused_read, 1, "only the fused event of its days");
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
    fn an_updated_article_is_fused_as_if_its_new_text_had_been_stored_first() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 4);
        put(&mut store, "b", "2024-01-05", 3);
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 1, "one shelling, two reports");
        // b's update tells of another day: its old event leaves a's, its new one stands apart
        let article = Article {
            id: "b".into(),
            text: "Shelling hit the river town, report b (updated).".into(),
            source: Some("Outlet b".into()),
            origin: "b".into(),
            ..Default::default()
        };
        let reading = Reading {
            article_id: "b".into(),
            events: vec![event(
                "b",
                1,
                "Shelling/artillery/missile attack",
                "2024-01-12",
                6,
            )],
            ..Default::default()
        };
        assert!(matches!(
            store.insert(&article, &reading).unwrap(),
            crate::Inserted::Updated {
                earlier_versions: 1,
                ..
            }
        ));
        store.refuse_all().unwrap();
        let updated = snapshot(&store);
        assert_eq!(updated.len(), 2, "{updated:#?}");
        assert_eq!(
            store.fused_events(&EventFilter::default()).unwrap()[0]
                .event
                .fatalities,
            6,
            "the updated report's figure, not the replaced one's"
        );
        let mut fresh = Store::open_in_memory().unwrap();
        put(&mut fresh, "a", "2024-01-05", 4);
        fresh.insert(&article, &reading).unwrap();
        fresh.fuse().unwrap();
        assert_eq!(snapshot(&fresh), updated);
    }

    #[test]
    fn a_month_and_a_year_meet_incrementally_as_in_a_full_recompute() {
        // one line on past protests, told by the month in one report and by the year in
        // another: whichever is stored first, the later run finds the other (a kind with no
        // link keys, which would load it anyway)
        let dated = |id: &str, precision: DatePrecision| {
            let mut e = event(id, 1, "Peaceful protest", "2023-03-01", 0);
            e.date.precision = precision;
            e.notes = "Crowds marched through the river town's old market in 2023.".into();
            e
        };
        for order in [
            [DatePrecision::Month, DatePrecision::Year],
            [DatePrecision::Year, DatePrecision::Month],
        ] {
            let mut store = Store::open_in_memory().unwrap();
            for (id, precision) in ["a", "b"].into_iter().zip(order) {
                let article = Article {
                    id: id.into(),
                    text: format!("Crowds marched through the river town's old market ({id})."),
                    source: Some(format!("Outlet {id}")),
                    origin: id.into(),
                    ..Default::default()
                };
                let reading = Reading {
                    article_id: id.into(),
                    events: vec![dated(id, precision)],
                    ..Default::default()
                };
                store.insert(&article, &reading).unwrap();
                store.fuse().unwrap();
            }
            let incremental = snapshot(&store);
            assert_eq!(incremental.len(), 1, "{order:?}: {incremental:#?}");
            store.refuse_all().unwrap();
            assert_eq!(snapshot(&store), incremental);
        }
    }

    #[test]
    fn a_split_holds_on_later_runs() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 0);
        put(&mut store, "b", "2024-01-05", 0);
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 1);
        let split = store.split("F:a#1", "b#1").unwrap();
        assert_eq!(split.mention_in, "F:b#1");
        assert_eq!(split.others_in, [("F:a#1".to_string(), 1)]);
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

    #[test]
    fn two_reports_split_one_by_one_from_an_event_may_be_one_event_of_their_own() {
        // four reports of one shelling fused; the user takes two out, one at a time: they
        // are not that event, and nothing says they are not one event between them
        let mut store = Store::open_in_memory().unwrap();
        for id in ["a", "b", "c", "d"] {
            put(&mut store, id, "2024-01-05", 0);
        }
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 1);
        let first = store.split("F:a#1", "c#1").unwrap();
        assert!(first.freed.is_empty());
        let second = store.split("F:a#1", "d#1").unwrap();
        assert_eq!(second.freed, ["c#1"]);
        let together = |store: &Store, x: &str, y: &str| {
            snapshot(store).iter().any(|e| {
                e.members.iter().any(|m| m.mention_id == x)
                    && e.members.iter().any(|m| m.mention_id == y)
            })
        };
        assert!(together(&store, "c#1", "d#1"));
        assert!(together(&store, "a#1", "b#1"));
        assert!(!together(&store, "a#1", "c#1") && !together(&store, "b#1", "d#1"));
        store.refuse_all().unwrap();
        assert!(together(&store, "c#1", "d#1"));
        assert!(!together(&store, "a#1", "d#1"));
    }

    #[test]
    fn a_merge_holds_on_later_runs_and_a_split_undoes_it() {
        let mut store = Store::open_in_memory().unwrap();
        // two reports of one shelling told five days apart: fusion keeps them apart
        put(&mut store, "a", "2024-01-05", 0);
        put(&mut store, "b", "2024-01-10", 0);
        put(&mut store, "c", "2024-01-10", 0);
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 2);
        assert!(store
            .merge("F:a#1", "F:a#1")
            .unwrap_err()
            .to_string()
            .contains("twice"));
        assert!(store
            .merge("F:a#1", "F:nope")
            .unwrap_err()
            .to_string()
            .contains("no fused event"));
        let merged = store.merge("F:b#1", "F:a#1").unwrap();
        assert_eq!(merged.now_in, "F:a#1", "the earlier event's id");
        assert!(merged.apart.is_empty());
        let merged = snapshot(&store);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].event.article_ids, ["a", "b", "c"]);
        let why = &merged[0].members[1].provenance;
        assert_eq!(why.cues[0].cue, sitrep_fuse::USER_JOINED_CUE, "{why:?}");
        assert_eq!(
            store.fusion_counts().unwrap().joins,
            2,
            "b and c, each with a"
        );
        // later reports join a merged event as any other: when no member vetoes them (here
        // the 5th's member vetoes one of the 10th, the 10th's one of the 5th: both stay apart,
        // for the user to merge in turn); incremental equals a full recompute
        put(&mut store, "d", "2024-01-10", 0);
        put(&mut store, "e", "2024-01-05", 0);
        store.fuse().unwrap();
        let incremental = snapshot(&store);
        assert_eq!(incremental.len(), 3);
        assert_eq!(incremental[0].event.article_ids, ["a", "b", "c"]);
        store.refuse_all().unwrap();
        assert_eq!(snapshot(&store), incremental);
        // a split takes one member out again, and forgets its merge
        store.split("F:a#1", "c#1").unwrap();
        store.refuse_all().unwrap();
        let events = snapshot(&store);
        let with = |m: &str| {
            events
                .iter()
                .position(|e| e.members.iter().any(|x| x.mention_id == m))
        };
        assert_ne!(with("a#1"), with("c#1"));
        assert_eq!(with("a#1"), with("b#1"));
        assert_eq!(store.fusion_counts().unwrap().joins, 1);
        // (c, no longer merged with a, which vetoes it, left by itself: no split recorded)
        assert_eq!(store.fusion_counts().unwrap().splits, 0);
        // unmerge forgets the merges left in the event: fusion as it was before any
        let undone = store.unmerge("F:a#1").unwrap();
        assert_eq!(undone.forgotten, 1);
        assert_eq!(store.fusion_counts().unwrap().joins, 0);
        assert!(store
            .unmerge("F:a#1")
            .unwrap_err()
            .to_string()
            .contains("no merge"));
        // an id fusion no longer has names where its report went
        let err = store.merge("F:nope#1", "F:a#1").unwrap_err().to_string();
        assert!(err.contains("events --format fused"), "{err}");
    }

    #[test]
    fn unmerge_restores_fusion_as_before_the_merge() {
        let mut store = Store::open_in_memory().unwrap();
        for (id, day) in [
            ("a", "2024-01-05"),
            ("b", "2024-01-05"),
            ("c", "2024-01-10"),
            ("d", "2024-01-10"),
        ] {
            put(&mut store, id, day, 0);
        }
        store.fuse().unwrap();
        let before = snapshot(&store);
        assert_eq!(before.len(), 2);
        let merged = store.merge("F:a#1", "F:c#1").unwrap();
        assert!(merged.also_joined.is_empty() && merged.apart.is_empty());
        assert_eq!(snapshot(&store).len(), 1);
        let err = store.merge("F:c#1", "F:a#1").unwrap_err().to_string();
        assert!(err.contains("its report c#1 is now in F:a#1"), "{err}");
        let undone = store.unmerge("F:a#1").unwrap();
        assert_eq!(undone.forgotten, 4, "each of a, b with each of c, d");
        assert_eq!(snapshot(&store), before);
    }

    #[test]
    fn a_merge_overrides_a_split_until_it_is_undone() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 0);
        put(&mut store, "b", "2024-01-05", 0);
        store.fuse().unwrap();
        assert_eq!(snapshot(&store).len(), 1, "fusion joins the two");
        store.split("F:a#1", "b#1").unwrap();
        let split = snapshot(&store);
        assert_eq!(split.len(), 2);
        let merged = store.merge("F:a#1", "F:b#1").unwrap();
        assert_eq!(merged.splits_overridden, 1);
        assert_eq!(snapshot(&store).len(), 1);
        store.refuse_all().unwrap();
        assert_eq!(
            snapshot(&store).len(),
            1,
            "the merge holds on a full recompute"
        );
        // undoing the merge brings the split back, not fusion's own choice
        store.unmerge("F:a#1").unwrap();
        assert_eq!(snapshot(&store), split);
        store.refuse_all().unwrap();
        assert_eq!(snapshot(&store), split);
    }

    #[test]
    fn splitting_what_a_merge_alone_joined_restores_fusion_as_before() {
        let mut store = Store::open_in_memory().unwrap();
        put(&mut store, "a", "2024-01-05", 0);
        put(&mut store, "b", "2024-01-10", 0);
        store.fuse().unwrap();
        let before = snapshot(&store);
        assert_eq!(before.len(), 2);
        store.merge("F:a#1", "F:b#1").unwrap();
        assert_eq!(snapshot(&store).len(), 1);
        let split = store.split("F:a#1", "b#1").unwrap();
        assert_eq!(split.mention_in, "F:b#1");
        assert_eq!(snapshot(&store), before);
        let counts = store.fusion_counts().unwrap();
        assert_eq!(
            (counts.joins, counts.splits),
            (0, 0),
            "nothing left to hold"
        );
    }

    /// A town: name, GeoNames id, latitude, longitude.
    type Town = (&'static str, u32, f64, f64);
    const RIVERTOWN: Town = ("Rivertown", 7, 35.00, 38.00);
    const MILLBROOK: Town = ("Millbrook", 8, 35.05, 38.05); // ~7 km from Rivertown
    const FARTOWN: Town = ("Fartown", 9, 36.00, 40.00);

    /// An event read from `article`, dated `date` (read from the text when `explicit`).
    fn reported(article: &str, n: usize, kind: &str, date: &str, town: Town, notes: &str) -> Event {
        let mut e = event(article, n, kind, date, 0);
        e.notes = notes.into();
        let place = e.location.as_mut().unwrap();
        (place.name, place.geonameid, place.lat, place.lon) =
            (town.0.into(), Some(town.1), Some(town.2), Some(town.3));
        e
    }

    /// One article of the written corpus: id, outlet, text, events, standalone claims.
    type Written = (&'static str, &'static str, String, Vec<Event>, Vec<Claim>);

    /// Articles written for this test: a shelling told by three outlets (two of them carrying
    /// the same wire text), a ceasefire told with two different start days, an attack inside
    /// the ceasefire's window, one article reporting two nearby attacks (a story), a denial,
    /// an event far away and one dated only by its year.
    fn written_corpus() -> Vec<Written> {
        let wire = "Artillery shelled the river town of Rivertown on Friday, killing four \
            people and wounding nine, a local monitoring group said. Residents said the shells \
            came from the hills to the east and hit the bridge, the flour mill and two houses \
            near the market. A ceasefire began in Rivertown on Saturday and was to hold until \
            the twentieth, a military source said. Schools stayed closed on Saturday."
            .to_string();
        let mut ceasefire = reported(
            "wire-a",
            2,
            "Agreement",
            "2024-01-06",
            RIVERTOWN,
            "A ceasefire began in Rivertown on Saturday, a military source said.",
        );
        ceasefire.valid_until = Some(sitrep_model::TimePoint {
            at: "2024-01-20".into(),
            evidence: Evidence::default(),
        });
        let killed_four = |a: &str| {
            let mut e = reported(
                a,
                1,
                "Shelling/artillery/missile attack",
                "2024-01-05",
                RIVERTOWN,
                "Artillery shelled Rivertown on Friday, killing four people near the market.",
            );
            e.fatalities = 4;
            e
        };
        let denial = Claim {
            claimant: "the army".into(),
            polarity: Polarity::Denied,
            article_id: "denial".into(),
            sentence: "The army denied that its artillery shelled Rivertown near the market."
                .into(),
            ..Default::default()
        };
        vec![
            (
                "wire-a",
                "Outlet A",
                wire.clone(),
                vec![killed_four("wire-a"), ceasefire.clone()],
                vec![],
            ),
            (
                "wire-b",
                "Outlet B",
                format!("Rivertown shelled. {wire} Share this story."),
                vec![killed_four("wire-b"), {
                    let mut c = ceasefire.clone();
                    c.id = "wire-b#2".into();
                    c
                }],
                vec![],
            ),
            (
                "truce",
                "Outlet C",
                "The truce in Rivertown started on Sunday, residents said.".into(),
                vec![reported(
                    "truce",
                    1,
                    "Agreement",
                    "2024-01-07",
                    RIVERTOWN,
                    "The truce in Rivertown started on Sunday, residents said.",
                )],
                vec![],
            ),
            (
                "breach",
                "Outlet D",
                "Gunmen attacked a checkpoint in Rivertown on Wednesday. Hours later a mortar \
                 hit Millbrook."
                    .into(),
                vec![
                    reported(
                        "breach",
                        1,
                        "Attack",
                        "2024-01-10",
                        RIVERTOWN,
                        "Gunmen attacked a checkpoint in Rivertown on Wednesday.",
                    ),
                    reported(
                        "breach",
                        2,
                        "Shelling/artillery/missile attack",
                        "2024-01-10",
                        MILLBROOK,
                        "Hours later a mortar hit Millbrook.",
                    ),
                ],
                vec![],
            ),
            (
                "denial",
                "Outlet E",
                "Shelling killed four in Rivertown on Friday. The army denied that its artillery \
                 shelled Rivertown near the market."
                    .into(),
                vec![reported(
                    "denial",
                    1,
                    "Shelling/artillery/missile attack",
                    "2024-01-05",
                    RIVERTOWN,
                    "Shelling killed four people in Rivertown on Friday near the market.",
                )],
                vec![denial],
            ),
            (
                "far",
                "Outlet F",
                "Protesters marched in Fartown on Friday.".into(),
                vec![reported(
                    "far",
                    1,
                    "Peaceful protest",
                    "2024-01-05",
                    FARTOWN,
                    "Protesters marched in Fartown on Friday.",
                )],
                vec![],
            ),
            (
                "yearly",
                "Outlet G",
                "Fighting around Rivertown went on through 2024.".into(),
                vec![{
                    let mut e = reported(
                        "yearly",
                        1,
                        "Armed clash",
                        "2024-01-01",
                        RIVERTOWN,
                        "Fighting around Rivertown went on through 2024.",
                    );
                    e.date.precision = DatePrecision::Year;
                    e
                }],
                vec![],
            ),
        ]
    }

    fn insert_written(store: &mut Store, item: &Written) -> crate::Inserted {
        let (id, source, text, events, claims) = item;
        let article = Article {
            id: (*id).into(),
            text: text.clone(),
            source: Some((*source).into()),
            published: NaiveDate::from_ymd_opt(2024, 1, 11),
            origin: (*id).into(),
            ..Default::default()
        };
        let reading = Reading {
            article_id: (*id).into(),
            events: events.clone(),
            standalone_claims: claims.clone(),
            ..Default::default()
        };
        store.insert(&article, &reading).unwrap()
    }

    /// A store holding the written corpus, fused.
    fn fused_written_store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for item in &written_corpus() {
            insert_written(&mut store, item);
        }
        store.fuse().unwrap();
        store
    }

    /// Every row of every fusion table, sorted.
    fn dump(store: &Store) -> Vec<String> {
        let mut out = Vec::new();
        for table in FUSION_TABLES {
            // (not the row an article was ingested as: fusion's result does not depend on it)
            let columns = match *table {
                "fusion_articles" => {
                    "article_id, seq, signature, duplicate_of, similarity, published"
                }
                _ => "*",
            };
            let mut stmt = store
                .conn
                .prepare(&format!("SELECT {columns} FROM {table}"))
                .unwrap();
            let n = stmt.column_count();
            let mut rows = stmt.query([]).unwrap();
            while let Some(r) = rows.next().unwrap() {
                let cells: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, Value>(i).unwrap()))
                    .collect();
                out.push(format!("{table}: {}", cells.join(" | ")));
            }
        }
        out.sort();
        out
    }

    /// The fused events' ids as listed (newest first).
    fn listing(store: &Store) -> Vec<String> {
        let all = EventFilter {
            include_non_conflict: true,
            ..Default::default()
        };
        store
            .fused_events(&all)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect()
    }

    /// `item` as republished: another text, and its events either gone or a week later
    /// with more dead.
    fn republished(item: &Written, later: bool) -> Written {
        let (id, source, text, events, claims) = item.clone();
        let events = match later {
            false => Vec::new(),
            true => events
                .into_iter()
                .map(|mut e| {
                    e.date.date = e.date.date.map(|d| d + chrono::Duration::days(7));
                    e.fatalities += 2;
                    e
                })
                .collect(),
        };
        (id, source, format!("{text} (Updated.)"), events, claims)
    }

    #[test]
    fn fusing_again_from_an_updated_article_equals_a_full_recompute() {
        let corpus = written_corpus();
        for order in [[0, 1, 2, 3, 4, 5, 6], [6, 3, 0, 5, 1, 4, 2]] {
            for &updated in &order {
                for later in [false, true] {
                    let mut store = Store::open_in_memory().unwrap();
                    // all but the last stored and fused; then the update and the last together
                    for &i in &order[..6] {
                        insert_written(&mut store, &corpus[i]);
                    }
                    store.fuse().unwrap();
                    let before = dump(&store);
                    insert_written(&mut store, &republished(&corpus[updated], later));
                    insert_written(&mut store, &corpus[order[6]]);
                    let id = corpus[updated].0;
                    let run = store.refuse_from_at_most(&[id], 1.0).unwrap();
                    let case = format!("{order:?}, {id} updated (later: {later})");
                    assert!(!run.full, "{case}");
                    // (the updated article, the new one, and those after either in fusion
                    // order: all published on one day, so by id)
                    let first = corpus[updated].0.min(corpus[order[6]].0);
                    let again = corpus.iter().filter(|w| w.0 >= first).count();
                    assert_eq!(run.articles, again, "{case}");
                    let incremental = dump(&store);
                    assert_ne!(incremental, before, "{case}");
                    let listed = listing(&store);
                    store.refuse_all().unwrap();
                    assert_eq!(dump(&store), incremental, "{case}");
                    assert_eq!(listing(&store), listed, "{case}: listed in the same order");
                    // and a later run finds nothing left to fuse
                    assert_eq!(store.fuse().unwrap(), FusionRun::default(), "{case}");
                    // past an eighth of the corpus (one of these seven), the whole of it is
                    // fused again
                    insert_written(&mut store, &republished(&corpus[updated], !later));
                    let run = store.refuse_from(&[id]).unwrap();
                    assert!(run.full, "{case}");
                    let again = dump(&store);
                    store.refuse_all().unwrap();
                    assert_eq!(dump(&store), again, "{case}");
                }
            }
        }
    }

    #[test]
    fn splits_and_merges_fuse_again_from_their_first_article_as_a_full_recompute_does() {
        let mut store = fused_written_store();
        let shelling = store.fused_id_of("wire-b#1").unwrap().unwrap();
        let split = store.split(&shelling, "wire-b#1").unwrap();
        assert_ne!(split.mention_in, shelling);
        let after_split = dump(&store);
        store.refuse_all().unwrap();
        assert_eq!(dump(&store), after_split, "split");
        let far = store.fused_id_of("far#1").unwrap().unwrap();
        let truce = store.fused_id_of("truce#1").unwrap().unwrap();
        let merged = store.merge(&truce, &far).unwrap();
        assert!(merged.apart.is_empty(), "{merged:?}");
        let after_merge = dump(&store);
        store.refuse_all().unwrap();
        assert_eq!(dump(&store), after_merge, "merge");
        store.unmerge(&merged.now_in).unwrap();
        let after_unmerge = dump(&store);
        assert_ne!(after_unmerge, after_merge);
        store.refuse_all().unwrap();
        assert_eq!(dump(&store), after_unmerge, "unmerge");
    }

    #[test]
    fn a_users_merge_follows_its_event_when_an_update_renumbers_it() {
        let corpus = written_corpus();
        let mut store = fused_written_store();
        let truce = store.fused_id_of("truce#1").unwrap().unwrap();
        let far = store.fused_id_of("far#1").unwrap().unwrap();
        store.merge(&truce, &far).unwrap();
        // the truce report republished with a sentence in front: its event is now #2
        let (id, source, text, events, claims) =
            corpus.iter().find(|w| w.0 == "truce").cloned().unwrap();
        let mut told = events[0].clone();
        told.id = "truce#2".into();
        let mut front = reported(
            "truce",
            1,
            "Arrests",
            "2024-01-08",
            RIVERTOWN,
            "Police detained two men in Rivertown on Monday.",
        );
        front.fatalities = 0;
        let update = (
            id,
            source,
            format!("Police detained two men in Rivertown on Monday. {text}"),
            vec![front, told],
            claims,
        );
        assert!(matches!(
            insert_written(&mut store, &update),
            crate::Inserted::Updated {
                forgotten_decisions: 0,
                ..
            }
        ));
        store.refuse_from(&["truce"]).unwrap();
        let joins = store.joins().unwrap();
        assert!(
            joins.iter().all(|(a, b)| a != "truce#1" && b != "truce#1"),
            "{joins:?}"
        );
        assert_eq!(
            store.fused_id_of("truce#2").unwrap(),
            store.fused_id_of("far#1").unwrap(),
            "the merge holds for the event it named"
        );
        assert_ne!(
            store.fused_id_of("truce#1").unwrap(),
            store.fused_id_of("far#1").unwrap(),
            "not for the event now first in the article"
        );
        // the far report republished telling nothing: the merge has no event left to hold
        let far_item = corpus.iter().find(|w| w.0 == "far").unwrap();
        assert!(matches!(
            insert_written(&mut store, &republished(far_item, false)),
            crate::Inserted::Updated {
                forgotten_decisions: 1,
                ..
            }
        ));
        assert!(store.joins().unwrap().is_empty());
    }

    #[test]
    fn fusing_in_batches_in_any_order_equals_fusing_the_store_at_once() {
        let corpus = written_corpus();
        // (ingest order, batch sizes)
        let orders: [(&[usize], &[usize]); 4] = [
            (&[0, 1, 2, 3, 4, 5, 6], &[2, 1, 3, 1]),
            (&[6, 5, 4, 3, 2, 1, 0], &[1, 1, 1, 1, 1, 1, 1]),
            (&[3, 0, 4, 2, 6, 1, 5], &[3, 4]),
            (&[2, 4, 1, 5, 0, 3, 6], &[1, 5, 1]),
        ];
        let mut first_order: Option<Vec<String>> = None;
        for (order, batches) in orders {
            let mut store = Store::open_in_memory().unwrap();
            let mut next = order.iter();
            for &size in batches {
                for &i in next.by_ref().take(size) {
                    insert_written(&mut store, &corpus[i]);
                }
                // (the new ones, and the fused ones they come before in fusion order again)
                let run = store.fuse().unwrap();
                assert!(run.articles >= size, "{order:?}");
            }
            let incremental = dump(&store);
            // one result, whatever the order the articles came in
            match &first_order {
                None => first_order = Some(incremental.clone()),
                Some(first) => assert_eq!(&incremental, first, "{order:?} in batches {batches:?}"),
            }
            let counts = store.fusion_counts().unwrap();
            // what the corpus must give, whatever the order
            assert_eq!(counts.mentions, 10, "{order:?}");
            assert_eq!(counts.near_duplicates, 1, "{order:?}");
            assert!(counts.stories >= 1, "{order:?}");
            let relations: BTreeSet<String> = store
                .event_links()
                .unwrap()
                .iter()
                .map(|l| word(l.relation))
                .collect();
            assert!(
                relations.contains("disagreeing_accounts")
                    && relations.contains("breaks_ceasefire"),
                "{order:?}: {relations:?}"
            );
            let shelling = snapshot(&store)
                .into_iter()
                .find(|e| e.members.iter().any(|m| m.mention_id == "wire-a#1"))
                .unwrap();
            assert_eq!(shelling.event.article_ids.len(), 3, "{order:?}");
            assert!(
                shelling
                    .event
                    .claims
                    .iter()
                    .any(|c| c.polarity == Polarity::Denied),
                "{order:?}: the denial stands beside the reports"
            );
            store.refuse_all().unwrap();
            assert_eq!(
                dump(&store),
                incremental,
                "{order:?} in batches {batches:?}"
            );
        }
    }
}
