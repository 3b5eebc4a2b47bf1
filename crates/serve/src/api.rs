//! The list routes: meta, events, map points, timeline, stories, articles and exports.

use crate::filter::{like_pattern, paging, reject_unknown, EventQuery, MAX_PAGE};
use crate::{ApiError, AppState};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::types::Value;
use serde_json::{json, Value as Json_};
use sitrep_model::{Event, EventType, SubEventType};
use sitrep_store::Store;
use std::collections::HashMap;

/// Query parameters as a map, or a 400 when the query string does not parse.
pub(crate) type Params = Result<Query<HashMap<String, String>>, QueryRejection>;

/// The parameters of a request.
pub(crate) fn params(p: Params) -> Result<HashMap<String, String>, ApiError> {
    p.map(|Query(map)| map)
        .map_err(|e| ApiError::bad_request(format!("query string: {e}")))
}

/// Run `f` with the store on a blocking thread.
pub(crate) async fn with_store<T, F>(state: &AppState, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
{
    let store = state.store.clone();
    tokio::task::spawn_blocking(move || {
        let store = store
            .lock()
            .map_err(|_| ApiError::internal("store lock poisoned by an earlier failure"))?;
        f(&store)
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))?
}

/// A page of a list: `{"total", "limit", "offset", "items"}`.
pub(crate) fn page(total: u64, limit: usize, offset: usize, items: Vec<Json_>) -> Json<Json_> {
    Json(json!({ "total": total, "limit": limit, "offset": offset, "items": items }))
}

/// Unknown `/api/...` route.
pub async fn not_found() -> ApiError {
    ApiError::not_found("no such API route; see docs/openapi.yaml")
}

/// The event types in the order of their type codes in `/api/events/points`.
pub(crate) fn type_codes() -> Vec<EventType> {
    EventType::ACLED
        .into_iter()
        .chain([EventType::NonConflict])
        .collect()
}

/// `GET /api/meta`. Events are counted as `sitrep events` counts them: fused events (one per
/// real-world event); `reports` and `conflict_reports` count the per-article events.
pub async fn meta(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let params = params(p)?;
    reject_unknown(&params, &[])?;
    let ingest = state.ingest_token.is_some();
    with_store(&state, move |store| {
        let reports = store.counts()?;
        let fusion = store.fusion_counts()?;
        let counts = json!({
            "articles": reports.articles,
            "events": fusion.fused_events,
            "conflict_events": fusion.fused_conflict_events,
            "merged_events": fusion.merged_events,
            "reports": reports.events,
            "conflict_reports": reports.conflict_events,
            "evidence": reports.evidence,
            "claims": reports.claims,
            "control_facts": reports.control_facts,
        });
        let conn = store.connection();
        let (first, last): (Option<String>, Option<String>) = conn.query_row(
            "SELECT MIN(event_date), MAX(event_date) FROM events WHERE is_conflict = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // Per country: fused conflict events and reports (a country with reports only, fusion
        // not yet run over them, is listed too).
        let mut stmt = conn.prepare(
            "SELECT code, MAX(name), SUM(fused), SUM(reports) FROM (
                 SELECT country_code AS code, country AS name, 1 AS fused, 0 AS reports
                 FROM fused_events WHERE is_conflict = 1 AND country_code IS NOT NULL
                 UNION ALL
                 SELECT country_code, country, 0, 1
                 FROM events WHERE is_conflict = 1 AND country_code IS NOT NULL)
             GROUP BY code ORDER BY SUM(fused) DESC, SUM(reports) DESC, code",
        )?;
        let countries: Vec<Json_> = stmt
            .query_map([], |r| {
                Ok(json!({
                    "code": r.get::<_, String>(0)?,
                    "name": r.get::<_, Option<String>>(1)?,
                    "events": r.get::<_, i64>(2)?,
                    "reports": r.get::<_, i64>(3)?,
                }))
            })?
            .collect::<Result<_, _>>()?;
        let types: Vec<Json_> = type_codes()
            .into_iter()
            .enumerate()
            .map(|(code, t)| {
                json!({
                    "code": code,
                    "name": t.acled_name(),
                    "sub_types": SubEventType::ALL.iter().filter(|s| s.event_type() == t).map(|s| s.acled_name()).collect::<Vec<_>>(),
                })
            })
            .collect();
        Ok(Json(json!({
            "counts": counts,
            "first_date": first,
            "last_date": last,
            "event_types": types,
            "countries": countries,
            "ingest_enabled": ingest,
        })))
    })
    .await
}

/// Count the rows of `table` (`events` or `fused_events`, aliased `e`) matching `where_`.
fn count(store: &Store, table: &str, where_: &str, args: &[Value]) -> Result<u64, ApiError> {
    let sql = format!("SELECT COUNT(*) FROM {table} e WHERE {where_}");
    Ok(store
        .connection()
        .query_row(&sql, rusqlite::params_from_iter(args), |r| {
            r.get::<_, i64>(0)
        })? as u64)
}

/// Parse a stored event.
pub(crate) fn parse_event(id: &str, json: &str) -> Result<Event, ApiError> {
    serde_json::from_str(json)
        .map_err(|e| ApiError::internal(format!("stored JSON of event {id} does not parse: {e}")))
}

/// The parts of a stored fused event the API reads (the store keeps `sitrep_fuse::FusedEvent`).
#[derive(Debug, serde::Deserialize)]
pub(crate) struct StoredFused {
    /// The merged event, as `sitrep events` exports it (id `F:...`).
    pub event: Event,
    /// The reports merged, in ingest order, with why (as stored).
    #[serde(default)]
    pub members: Vec<Json_>,
    /// Claims side by side per figure (as stored).
    #[serde(default)]
    pub figures: Vec<Json_>,
}

/// Parse a stored fused event.
pub(crate) fn parse_fused(id: &str, json: &str) -> Result<StoredFused, ApiError> {
    serde_json::from_str(json).map_err(|e| {
        ApiError::internal(format!(
            "stored JSON of fused event {id} does not parse: {e}"
        ))
    })
}

/// Parse a row of `table`: a report, or a fused event's merged event.
pub(crate) fn parse_row(table: &str, id: &str, json: &str) -> Result<Event, ApiError> {
    if table == "fused_events" {
        Ok(parse_fused(id, json)?.event)
    } else {
        parse_event(id, json)
    }
}

/// The events matching `query` (its page), newest first: the merged events of the fused events
/// (as `sitrep events` lists them), or with `dedup=0` the reports; `condition` is `query`'s
/// [`EventQuery::sql_where`] when the caller has it already.
pub(crate) fn load_events(
    store: &Store,
    query: &EventQuery,
    condition: Option<(String, Vec<Value>)>,
) -> Result<Vec<Event>, ApiError> {
    let (where_, mut args) = match condition {
        Some(c) => c,
        None => query.sql_where(store, true)?,
    };
    let table = query.table();
    let sql = format!(
        "SELECT e.id, e.json FROM {table} e WHERE {where_}
         ORDER BY {} LIMIT ? OFFSET ?",
        sitrep_store::newest_first(table)
    );
    args.push(Value::Integer(query.limit as i64));
    args.push(Value::Integer(query.offset as i64));
    let mut stmt = store.connection().prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut events = Vec::new();
    for row in rows {
        let (id, json) = row?;
        events.push(parse_row(table, &id, &json)?);
    }
    Ok(events)
}

/// The list view of an event.
pub(crate) fn summary(event: &Event) -> Json_ {
    let place = event.location.as_ref();
    let mut notes: String = event.notes.chars().take(280).collect();
    if notes.len() < event.notes.len() {
        notes.push('…');
    }
    json!({
        "id": event.id,
        "date": event.date.date,
        "date_end": event.date.end,
        "precision": event.date.precision,
        "event_type": event.sub_event_type.event_type().acled_name(),
        "sub_event_type": event.sub_event_type.acled_name(),
        "country": place.and_then(|p| p.country.clone()),
        "country_code": place.and_then(|p| p.country_code.clone()),
        "admin1": place.and_then(|p| p.admin1.clone()),
        "location": place.map(|p| p.name.clone()),
        "lat": place.and_then(|p| p.lat),
        "lon": place.and_then(|p| p.lon),
        "fatalities": event.fatalities,
        "actor1": event.actor1.as_ref().map(|a| a.name.clone()),
        "actor2": event.actor2.as_ref().map(|a| a.name.clone()),
        "claims": event.claims.len(),
        "disputed": event.disputed(),
        "denied": event.only_denied(),
        "notes": notes,
        "article_ids": event.article_ids,
        "sources": event.sources,
    })
}

/// `GET /api/events`: a page of event summaries (fused events, or reports with `dedup=0`;
/// `unit` says which).
pub async fn events(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let query = EventQuery::parse(&params(p)?, &[], 50, MAX_PAGE)?;
    with_store(&state, move |store| {
        let (where_, args) = query.sql_where(store, true)?;
        let total = count(store, query.table(), &where_, &args)?;
        let items = load_events(store, &query, Some((where_, args)))?
            .iter()
            .map(summary)
            .collect();
        let mut listed = with_unit(page(total, query.limit, query.offset, items), &query);
        // "country=Narnia" answers no event: say why, as `sitrep events` does
        if let Some(c) = query
            .country
            .as_deref()
            .filter(|c| total == 0 && sitrep_export::country_info(c).is_none())
        {
            listed.0["warnings"] = json!([format!(
                "no country is named {c:?}: give an ACLED country name (\"Syria\") or an ISO alpha-2 code (\"SY\")"
            )]);
        }
        Ok(listed)
    })
    .await
}

/// A page with `"unit"`: what its rows count (`reports` or `fused_events`).
fn with_unit(Json(mut page): Json<Json_>, query: &EventQuery) -> Json<Json_> {
    page["unit"] = json!(query.unit());
    Json(page)
}

/// The most map points one request answers.
pub const MAX_POINTS: usize = 200_000;

/// `GET /api/events/points`: `[id, lat, lon, type code, fatalities, date]` rows for the map.
pub async fn points(State(state): State<AppState>, p: Params) -> Result<Response, ApiError> {
    let query = EventQuery::parse(&params(p)?, &[], 50_000, MAX_POINTS)?;
    with_store(&state, move |store| {
        let (where_, mut args) = query.sql_where(store, true)?;
        let where_ = format!("{where_} AND e.lat IS NOT NULL AND e.lon IS NOT NULL");
        let table = query.table();
        let total = count(store, table, &where_, &args)?;
        let sql = format!(
            "SELECT e.id, e.lat, e.lon, e.event_type, e.fatalities, e.event_date FROM {table} e
             WHERE {where_} ORDER BY e.event_date DESC LIMIT ? OFFSET ?"
        );
        args.push(Value::Integer(query.limit as i64));
        args.push(Value::Integer(query.offset as i64));
        let codes = type_codes();
        let mut stmt = store.connection().prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        // Written directly: 100,000 rows through serde_json::Value cost twice as much.
        let mut out = format!(
            "{{\"total\":{total},\"limit\":{},\"offset\":{},\"unit\":\"{}\",\"columns\":[\"id\",\"lat\",\"lon\",\"type\",\"fatalities\",\"date\"],\"items\":[",
            query.limit,
            query.offset,
            query.unit()
        );
        let mut first = true;
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let lat: f64 = r.get(1)?;
            let lon: f64 = r.get(2)?;
            let t: String = r.get(3)?;
            let code = codes
                .iter()
                .position(|c| c.acled_name() == t)
                .unwrap_or(codes.len() - 1);
            let fatalities: i64 = r.get(4)?;
            let date: Option<String> = r.get(5)?;
            if !first {
                out.push(',');
            }
            first = false;
            out.push('[');
            out.push_str(&serde_json::to_string(&id).unwrap_or_default());
            out.push_str(&format!(",{},{},{code},{fatalities},", finite(lat), finite(lon)));
            match date {
                Some(d) => out.push_str(&serde_json::to_string(&d).unwrap_or_default()),
                None => out.push_str("null"),
            }
            out.push(']');
        }
        out.push_str("]}");
        Ok(([(header::CONTENT_TYPE, "application/json")], out).into_response())
    })
    .await
}

/// A coordinate as JSON (`null` for NaN or infinity, which JSON cannot hold).
fn finite(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        "null".into()
    }
}

/// `GET /api/timeline`: events and fatalities per day for the filter, the date range ignored
/// (the brush shows the selection within the whole span). Counts fused events (each once, with
/// its conservative fatality figure), or reports with `dedup=0`; `unit` says which.
pub async fn timeline(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let query = EventQuery::parse(&params(p)?, &[], 20_000, 20_000)?;
    with_store(&state, move |store| {
        let (where_, mut args) = query.sql_where(store, false)?;
        let where_ = format!("{where_} AND e.event_date IS NOT NULL");
        let table = query.table();
        let total: u64 = store.connection().query_row(
            &format!("SELECT COUNT(DISTINCT e.event_date) FROM {table} e WHERE {where_}"),
            rusqlite::params_from_iter(&args),
            |r| r.get::<_, i64>(0),
        )? as u64;
        let sql = format!(
            "SELECT e.event_date, COUNT(*), SUM(e.fatalities) FROM {table} e WHERE {where_}
             GROUP BY e.event_date ORDER BY e.event_date LIMIT ? OFFSET ?"
        );
        args.push(Value::Integer(query.limit as i64));
        args.push(Value::Integer(query.offset as i64));
        let mut stmt = store.connection().prepare(&sql)?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(json!({"date": r.get::<_, String>(0)?, "events": r.get::<_, i64>(1)?, "fatalities": r.get::<_, i64>(2)?}))
            })?
            .collect::<Result<_, _>>()?;
        Ok(with_unit(
            page(total, query.limit, query.offset, items),
            &query,
        ))
    })
    .await
}

/// Mention (per-article event) ids of the fused events `fused_ids`, at most `max`.
pub(crate) fn mention_ids(
    store: &Store,
    fused_ids: &[String],
    max: usize,
) -> Result<Vec<String>, ApiError> {
    let mut out = Vec::new();
    let mut stmt = store.connection().prepare_cached(
        "SELECT mention_id FROM fused_members WHERE fused_id = ?1 ORDER BY rowid",
    )?;
    for id in fused_ids {
        for m in stmt.query_map([id], |r| r.get::<_, String>(0))? {
            if out.len() >= max {
                return Ok(out);
            }
            out.push(m?);
        }
    }
    Ok(out)
}

/// `GET /api/stories`: the stories fusion found (events of one situation across reports),
/// largest first; `from`/`to` keep stories overlapping the range, `q` matches the title.
pub async fn stories(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let params = params(p)?;
    reject_unknown(&params, &["from", "to", "q"])?;
    let (limit, offset) = paging(&params, 50, MAX_PAGE)?;
    let dates = EventQuery::parse(
        &params
            .iter()
            .filter(|(k, _)| matches!(k.as_str(), "from" | "to"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        &[],
        1,
        1,
    )?;
    let q = params
        .get("q")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    with_store(&state, move |store| {
        let mut where_ = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(f) = dates.from {
            where_.push_str(" AND s.last_date >= ?");
            args.push(Value::Text(f.to_string()));
        }
        if let Some(t) = dates.to {
            where_.push_str(" AND s.first_date <= ?");
            args.push(Value::Text(t.to_string()));
        }
        if let Some(q) = &q {
            where_.push_str(" AND s.title LIKE ? ESCAPE '\\'");
            args.push(Value::Text(like_pattern(q)));
        }
        let conn = store.connection();
        let total: u64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM stories s WHERE {where_}"),
            rusqlite::params_from_iter(&args),
            |r| r.get::<_, i64>(0),
        )? as u64;
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let mut stmt = conn.prepare(&format!(
            "SELECT s.id, s.json FROM stories s WHERE {where_}
             ORDER BY s.n_articles DESC, s.last_date DESC, s.id LIMIT ? OFFSET ?"
        ))?;
        let rows: Vec<(String, String)> = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut items = Vec::new();
        for (id, json) in rows {
            let story: Json_ = serde_json::from_str(&json).map_err(|e| {
                ApiError::internal(format!("stored JSON of story {id} does not parse: {e}"))
            })?;
            let fused: Vec<String> = story["events"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            items.push(json!({
                "id": id,
                "title": story["title"],
                "first_date": story["first"],
                "last_date": story["last"],
                "events": fused.len(),
                "articles": story["articles"].as_array().map_or(0, Vec::len),
                "article_ids": story["articles"],
                "fused_event_ids": fused,
                "event_ids": mention_ids(store, &fused, 200)?,
            }));
        }
        Ok(page(total, limit, offset, items))
    })
    .await
}

/// `GET /api/articles`: stored reports, newest first; `q` (title or source), `source`,
/// `from`/`to` (publication date).
pub async fn articles(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let params = params(p)?;
    reject_unknown(&params, &["q", "source", "from", "to"])?;
    let (limit, offset) = paging(&params, 50, MAX_PAGE)?;
    let query = EventQuery::parse(
        &params
            .iter()
            .filter(|(k, _)| matches!(k.as_str(), "from" | "to"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect(),
        &[],
        1,
        1,
    )?;
    let q = params
        .get("q")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let source = params
        .get("source")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    with_store(&state, move |store| {
        let mut where_ = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(q) = &q {
            where_.push_str(" AND (a.title LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\')");
            for _ in 0..3 {
                args.push(Value::Text(like_pattern(q)));
            }
        }
        if let Some(s) = &source {
            where_.push_str(" AND a.source = ? COLLATE NOCASE");
            args.push(Value::Text(s.clone()));
        }
        if let Some(f) = query.from {
            where_.push_str(" AND a.published >= ?");
            args.push(Value::Text(f.to_string()));
        }
        if let Some(t) = query.to {
            where_.push_str(" AND a.published <= ?");
            args.push(Value::Text(t.to_string()));
        }
        let conn = store.connection();
        let total: u64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM articles a WHERE {where_}"),
            rusqlite::params_from_iter(&args),
            |r| r.get::<_, i64>(0),
        )? as u64;
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let mut stmt = conn.prepare(&format!(
            "SELECT a.id, a.title, a.published, a.source, a.url, length(a.text),
                    (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id AND e.is_conflict = 1)
             FROM articles a WHERE {where_} ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?"
        ))?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(json!({
                    "id": r.get::<_, String>(0)?,
                    "title": r.get::<_, Option<String>>(1)?,
                    "published": r.get::<_, Option<String>>(2)?,
                    "source": r.get::<_, Option<String>>(3)?,
                    "url": r.get::<_, Option<String>>(4)?,
                    "length": r.get::<_, i64>(5)?,
                    "events": r.get::<_, i64>(6)?,
                }))
            })?
            .collect::<Result<_, _>>()?;
        Ok(page(total, limit, offset, items))
    })
    .await
}

/// The most events one export writes.
pub const MAX_EXPORT: usize = 1_000_000;

/// `GET /api/export/{acled|csv|geojson|jsonl|parquet}`: the filtered events as a download:
/// the fused events' merged events (or with `dedup=0` every report) written by the same writer as
/// `sitrep events --format acled|jsonl|geojson|parquet` (same ids, sources and conservative
/// figures).
pub async fn export(
    State(state): State<AppState>,
    Path(format): Path<String>,
    p: Params,
) -> Result<Response, ApiError> {
    let (kind, content_type, file) = match format.as_str() {
        "acled" | "csv" => (
            sitrep_export::Format::Acled,
            "text/csv; charset=utf-8",
            "sitrep-events.csv",
        ),
        "geojson" => (
            sitrep_export::Format::GeoJson,
            "application/geo+json",
            "sitrep-events.geojson",
        ),
        "jsonl" => (
            sitrep_export::Format::Jsonl,
            "application/x-ndjson",
            "sitrep-events.jsonl",
        ),
        "parquet" => (
            sitrep_export::Format::Parquet,
            "application/vnd.apache.parquet",
            "sitrep-events.parquet",
        ),
        _ => {
            return Err(ApiError::not_found(format!(
                "no export format {format:?}; expected acled, csv, geojson, jsonl or parquet"
            )))
        }
    };
    let query = EventQuery::parse(&params(p)?, &[], MAX_EXPORT, MAX_EXPORT)?;
    let body = with_store(&state, move |store| {
        let events = load_events(store, &query, None)?;
        let options = sitrep_export::ExportOptions {
            include_non_conflict: query.include_non_conflict,
            // as `sitrep events` fills it: when the file was written
            timestamp: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .ok()
                .map(|d| d.as_secs() as i64),
            article_times: store.article_times(&events)?,
        };
        let mut out = Vec::new();
        sitrep_export::write_events(kind, &events, &options, &mut out)
            .map_err(|e| ApiError::internal(format!("export: {e}")))?;
        Ok(out)
    })
    .await?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        body,
    )
        .into_response())
}
