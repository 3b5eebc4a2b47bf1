//! Reading back: events by date range, country and type, counts, articles and control facts;
//! and the conditions on events answered by the read indexes (actor names, text).

use crate::{Store, StoreError};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params, OptionalExtension};
use sitrep_model::{Article, ControlFact, Event};

/// Which events to list. The default lists every conflict event.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// First event date (inclusive); events without a date are left out when set.
    pub from: Option<NaiveDate>,
    /// Last event date (inclusive); events without a date are left out when set.
    pub to: Option<NaiveDate>,
    /// Country name (as ACLED writes it) or ISO alpha-2 code, case-insensitive.
    pub country: Option<String>,
    /// Event type or sub-event type (ACLED spelling), case-insensitive.
    pub event_type: Option<String>,
    /// Also list the non-conflict classes (natural disaster, diplomacy, ...).
    pub include_non_conflict: bool,
    /// At most this many events.
    pub limit: Option<usize>,
    /// Skip this many events first.
    pub offset: usize,
}

/// How many rows each table holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles.
    pub articles: u64,
    /// Events, non-conflict classes included.
    pub events: u64,
    /// Conflict events only.
    pub conflict_events: u64,
    /// Evidence rows.
    pub evidence: u64,
    /// Claims (with an event or standalone).
    pub claims: u64,
    /// Control facts.
    pub control_facts: u64,
}

impl EventFilter {
    /// Append this filter's conditions (on a table aliased `e` with the event columns: per-article
    /// `events` or `fused_events`) to `sql`, and their values to `args`.
    pub(crate) fn push_conditions(&self, sql: &mut String, args: &mut Vec<Value>) {
        if !self.include_non_conflict {
            sql.push_str(" AND e.is_conflict = 1");
        }
        if let Some(from) = self.from {
            sql.push_str(" AND e.event_date >= ?");
            args.push(Value::Text(from.to_string()));
        }
        if let Some(to) = self.to {
            sql.push_str(" AND e.event_date <= ?");
            args.push(Value::Text(to.to_string()));
        }
        for (value, condition) in [
            (
                &self.country,
                " AND (e.country = ? COLLATE NOCASE OR e.country_code = ? COLLATE NOCASE)",
            ),
            (
                &self.event_type,
                " AND (e.sub_event_type = ? COLLATE NOCASE OR e.event_type = ? COLLATE NOCASE)",
            ),
        ] {
            if let Some(v) = value {
                sql.push_str(condition);
                args.push(Value::Text(v.trim().to_string()));
                args.push(Value::Text(v.trim().to_string()));
            }
        }
    }
}

/// `%text%` with LIKE's wildcards in `text` escaped (for `LIKE ? ESCAPE '\'`).
pub fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Store {
    /// When each article behind `events` was last stored (Unix seconds; an update stores it
    /// anew): what an export's `timestamp` says of each event.
    pub fn article_times<'e>(
        &self,
        events: impl IntoIterator<Item = &'e sitrep_model::Event>,
    ) -> Result<std::collections::HashMap<String, i64>, StoreError> {
        let mut out = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT ingested_at FROM articles WHERE id = ?1")?;
        for event in events {
            for id in event.article_ids.iter().chain([&event.evidence.article_id]) {
                if id.is_empty() || out.contains_key(id) {
                    continue;
                }
                let at: Option<String> = stmt
                    .query_row(rusqlite::params![id], |r| r.get(0))
                    .optional()?;
                if let Some(t) = at.and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok()) {
                    out.insert(id.clone(), t.timestamp());
                }
            }
        }
        Ok(out)
    }

    /// Events matching `filter` (per-article reports), newest first, in the order `sitrep serve`
    /// lists them with `dedup=0` (undated ones last; on one day, the last written first).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>, StoreError> {
        let mut sql = String::from(
            "SELECT e.id, e.json FROM events e JOIN articles a ON a.id = e.article_id WHERE 1 = 1",
        );
        let mut args: Vec<Value> = Vec::new();
        filter.push_conditions(&mut sql, &mut args);
        sql.push_str(" ORDER BY e.event_date DESC, e.rowid DESC LIMIT ? OFFSET ?");
        args.push(Value::Integer(filter.limit.map_or(-1, |l| l as i64)));
        args.push(Value::Integer(filter.offset as i64));
        self.json_rows(&sql, args, "event")
    }

    /// An SQL condition on per-article events aliased `e` — some actor of the event (actor1,
    /// actor2 or an associated actor) has a name containing `part` (ASCII case-insensitive, as
    /// `LIKE`) — and its argument, answered from `actor_names` and `event_actors`: the few
    /// distinct names are scanned, the events found through the index.
    pub fn actor_name_condition(&self, part: &str) -> Result<(String, Vec<Value>), StoreError> {
        let set = "SELECT event_id FROM event_actors
                   WHERE actor IN (SELECT id FROM actor_names WHERE name LIKE ? ESCAPE '\\')";
        self.event_set_condition(set, vec![Value::Text(like_pattern(part))])
    }

    /// An SQL condition on per-article events aliased `e` — the event's place name or notes
    /// contain `text` (case-insensitive) — and its arguments, answered from the trigram index
    /// `event_text` when `text` has three characters or more; shorter text is looked for in the
    /// index's copy of the words (a scan, but of the words only, not of the event JSON).
    pub fn event_text_condition(&self, text: &str) -> Result<(String, Vec<Value>), StoreError> {
        if text.chars().count() >= 3 {
            // One FTS5 phrase: the whole text as a string, its double quotes doubled.
            let phrase = format!("\"{}\"", text.replace('"', "\"\""));
            self.event_set_condition(
                "SELECT event_id FROM event_text WHERE event_text MATCH ?",
                vec![Value::Text(phrase)],
            )
        } else {
            let pattern = like_pattern(text);
            self.event_set_condition(
                "SELECT event_id FROM event_text
                 WHERE location LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\'",
                vec![Value::Text(pattern.clone()), Value::Text(pattern)],
            )
        }
    }

    /// `e.id IN (set)` for a set of event ids selected by `set` with `args`, in the form that
    /// reads fewest rows: when the set holds at most a tenth of the events, the events are
    /// looked up by id (`e.id IN`); when it holds more, the events are scanned (through
    /// whatever index the other conditions choose) and each id looked for in the set
    /// (`+e.id IN`: the unary plus keeps SQLite from looking up every member by id).
    pub(crate) fn event_set_condition(
        &self,
        set: &str,
        args: Vec<Value>,
    ) -> Result<(String, Vec<Value>), StoreError> {
        // Events are never deleted: the largest rowid is their number, read in O(1).
        let events: i64 =
            self.conn
                .query_row("SELECT COALESCE(MAX(rowid), 0) FROM events", [], |r| {
                    r.get(0)
                })?;
        // Counted only up to the tenth: a large set need not be read to the end.
        let tenth = events / 10;
        let mut count_args = args.clone();
        count_args.push(Value::Integer(tenth + 1));
        let members: i64 = self.conn.query_row(
            &format!("SELECT COUNT(*) FROM ({set} LIMIT ?)"),
            rusqlite::params_from_iter(&count_args),
            |r| r.get(0),
        )?;
        let lookup = if members > tenth { "+e.id" } else { "e.id" };
        Ok((format!("{lookup} IN ({set})"), args))
    }

    /// Run `sql` (selecting an id and a JSON column) and decode each row's JSON; a row that does
    /// not decode is an error naming `what` and its id.
    pub(crate) fn json_rows<T: serde::de::DeserializeOwned>(
        &self,
        sql: &str,
        args: Vec<Value>,
        what: &str,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Json {
                    what: format!("{what} {id}"),
                    source,
                })?,
            );
        }
        Ok(out)
    }

    /// Row counts.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let count = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Counts {
            articles: count("SELECT COUNT(*) FROM articles")?,
            events: count("SELECT COUNT(*) FROM events")?,
            conflict_events: count("SELECT COUNT(*) FROM events WHERE is_conflict = 1")?,
            evidence: count("SELECT COUNT(*) FROM evidence")?,
            claims: count("SELECT COUNT(*) FROM claims")?,
            control_facts: count("SELECT COUNT(*) FROM control_facts")?,
        })
    }

    /// A stored article.
    pub fn article(&self, id: &str) -> Result<Option<Article>, StoreError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, title, text, published, source, url, language, origin FROM articles WHERE id = ?1",
                params![id],
                |r| {
                    Ok(Article {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        text: r.get(2)?,
                        published: r
                            .get::<_, Option<String>>(3)?
                            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                        source: r.get(4)?,
                        url: r.get(5)?,
                        language: r.get(6)?,
                        origin: r.get(7)?,
                    })
                },
            )
            .optional()?;
        Ok(row)
    }

    /// Every control fact, in article order.
    pub fn control_facts(&self) -> Result<Vec<ControlFact>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.article_id, c.json FROM control_facts c JOIN articles a ON a.id = c.article_id
             ORDER BY a.rowid, c.ordinal",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut facts = Vec::new();
        for row in rows {
            let (article, json) = row?;
            facts.push(
                serde_json::from_str(&json).map_err(|source| StoreError::Json {
                    what: format!("control fact of {article}"),
                    source,
                })?,
            );
        }
        Ok(facts)
    }
}
