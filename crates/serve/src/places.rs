//! Places: where events happened and what is said about who controls them.

use crate::api::{page, params, parse_row, summary, with_store, Params};
use crate::filter::{fused_param, like_pattern, paging, reject_unknown, MAX_PAGE};
use crate::{ApiError, AppState};
use axum::extract::{Path, State};
use axum::Json;
use rusqlite::types::Value;
use serde_json::{json, Value as Json_};
use sitrep_model::ControlFact;

/// Places of events (of `{table}`: fused events or reports) and of control facts, grouped by
/// name and country, with their counts.
const PLACES_SQL: &str = "
    WITH p AS (
        SELECT e.location AS name, e.country_code AS cc, e.country AS country, e.admin1 AS admin1,
               e.lat AS lat, e.lon AS lon, 1 AS ev, e.fatalities AS fat, 0 AS cf, e.event_date AS d
        FROM {table} e WHERE e.location IS NOT NULL AND e.is_conflict = 1
        UNION ALL
        SELECT c.place, json_extract(c.json, '$.place.country_code'), json_extract(c.json, '$.place.country'),
               json_extract(c.json, '$.place.admin1'), json_extract(c.json, '$.place.lat'),
               json_extract(c.json, '$.place.lon'), 0, 0, 1, c.as_of
        FROM control_facts c
    )
    SELECT name, cc, MAX(country), MAX(admin1), AVG(lat), AVG(lon), SUM(ev), SUM(fat), SUM(cf), MIN(d), MAX(d)
    FROM p WHERE {where} GROUP BY name, cc";

/// `GET /api/places`: places by number of events and control facts; `q` (part of the name),
/// `country` (name or code), `dedup=0` (count every report, not each fused event once).
pub async fn places(State(state): State<AppState>, p: Params) -> Result<Json<Json_>, ApiError> {
    let params = params(p)?;
    reject_unknown(&params, &["q", "country", "dedup"])?;
    let table = events_table(fused_param(&params)?);
    let (limit, offset) = paging(&params, 50, MAX_PAGE)?;
    let q = params
        .get("q")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    let country = params
        .get("country")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    with_store(&state, move |store| {
        let mut where_ = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        if let Some(q) = &q {
            where_.push_str(" AND name LIKE ? ESCAPE '\\'");
            args.push(Value::Text(like_pattern(q)));
        }
        if let Some(c) = &country {
            where_.push_str(" AND (cc = ? COLLATE NOCASE OR country = ? COLLATE NOCASE)");
            args.push(Value::Text(c.clone()));
            args.push(Value::Text(c.clone()));
        }
        let grouped = PLACES_SQL
            .replace("{table}", table)
            .replace("{where}", &where_);
        let conn = store.connection();
        let total: u64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM ({grouped})"),
            rusqlite::params_from_iter(&args),
            |r| r.get::<_, i64>(0),
        )? as u64;
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let mut stmt = conn.prepare(&format!(
            "{grouped} ORDER BY SUM(ev) + SUM(cf) DESC, name LIMIT ? OFFSET ?"
        ))?;
        let items = stmt
            .query_map(rusqlite::params_from_iter(args), |r| {
                Ok(json!({
                    "name": r.get::<_, String>(0)?,
                    "country_code": r.get::<_, Option<String>>(1)?,
                    "country": r.get::<_, Option<String>>(2)?,
                    "admin1": r.get::<_, Option<String>>(3)?,
                    "lat": r.get::<_, Option<f64>>(4)?,
                    "lon": r.get::<_, Option<f64>>(5)?,
                    "events": r.get::<_, i64>(6)?,
                    "fatalities": r.get::<_, i64>(7)?,
                    "control_facts": r.get::<_, i64>(8)?,
                    "first_date": r.get::<_, Option<String>>(9)?,
                    "last_date": r.get::<_, Option<String>>(10)?,
                }))
            })?
            .collect::<Result<_, _>>()?;
        Ok(page(total, limit, offset, items))
    })
    .await
}

/// The stored place name a request names, as `sitrep control` matches places: the name itself
/// when events or control facts are filed under it; else the stored name with the same
/// gazetteer name key (case, diacritics, the Arabic article and doubled letters aside:
/// "Raqqa", "raqqah" for "Ar Raqqah"), or the one resolved to a GeoNames id given as digits;
/// the most used when several.
fn resolved_name(conn: &rusqlite::Connection, asked: &str) -> Result<Option<String>, ApiError> {
    let asked = asked.trim();
    let exact: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM events WHERE location = ?1)
              + (SELECT COUNT(*) FROM control_facts WHERE place = ?1)",
        [asked],
        |r| r.get(0),
    )?;
    if exact > 0 || asked.is_empty() {
        return Ok(None);
    }
    let key = sitrep_places::normalise::name_key(asked);
    let id: Option<i64> = asked.parse().ok();
    let mut stmt = conn.prepare(
        "SELECT location, json_extract(json, '$.location.geonameid'), COUNT(*) FROM events
         WHERE location IS NOT NULL GROUP BY 1, 2
         UNION ALL
         SELECT place, json_extract(json, '$.place.geonameid'), COUNT(*) FROM control_facts
         GROUP BY 1, 2",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    let mut best: Option<(String, i64)> = None;
    for row in rows {
        let (stored, geonameid, n) = row?;
        let named = (!key.is_empty() && sitrep_places::normalise::name_key(&stored) == key)
            || (id.is_some() && geonameid == id);
        if named && best.as_ref().is_none_or(|(_, m)| n > *m) {
            best = Some((stored, n));
        }
    }
    Ok(best.map(|(stored, _)| stored))
}

/// `GET /api/places/{name}`: the place's control facts in date order (its control timeline)
/// and a page of its events (fused events, or every report with `dedup=0`), newest first;
/// `country` narrows a name several countries share.
pub async fn place(
    State(state): State<AppState>,
    Path(name): Path<String>,
    p: Params,
) -> Result<Json<Json_>, ApiError> {
    let params = params(p)?;
    reject_unknown(&params, &["country", "dedup"])?;
    let table = events_table(fused_param(&params)?);
    let (limit, offset) = paging(&params, 50, MAX_PAGE)?;
    let country = params
        .get("country")
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    with_store(&state, move |store| {
        let conn = store.connection();
        let asked = name;
        let name = resolved_name(conn, &asked)?.unwrap_or_else(|| asked.clone());
        let mut where_ = String::from("e.location = ?1 AND e.is_conflict = 1");
        let mut args: Vec<Value> = vec![Value::Text(name.clone())];
        if let Some(c) = &country {
            where_.push_str(
                " AND (e.country_code = ?2 COLLATE NOCASE OR e.country = ?2 COLLATE NOCASE)",
            );
            args.push(Value::Text(c.clone()));
        }
        let total: u64 = conn.query_row(
            &format!("SELECT COUNT(*) FROM {table} e WHERE {where_}"),
            rusqlite::params_from_iter(&args),
            |r| r.get::<_, i64>(0),
        )? as u64;
        let n = args.len();
        let mut stmt = conn.prepare(&format!(
            "SELECT e.id, e.json FROM {table} e WHERE {where_}
             ORDER BY {} LIMIT ?{} OFFSET ?{}",
            sitrep_store::newest_first(table),
            n + 1,
            n + 2
        ))?;
        let mut page_args = args.clone();
        page_args.push(Value::Integer(limit as i64));
        page_args.push(Value::Integer(offset as i64));
        let rows = stmt.query_map(rusqlite::params_from_iter(page_args), |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut events = Vec::new();
        let mut place: Option<Json_> = None;
        for row in rows {
            let (id, json) = row?;
            let event = parse_row(table, &id, &json)?;
            if place.is_none() {
                place = event
                    .location
                    .as_ref()
                    .map(|p| serde_json::to_value(p).unwrap_or_default());
            }
            events.push(summary(&event));
        }
        let mut stmt = conn.prepare(
            "SELECT c.article_id, c.json FROM control_facts c WHERE c.place = ?1
             ORDER BY c.as_of IS NULL, c.as_of, c.rowid",
        )?;
        let rows = stmt.query_map([&name], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut control = Vec::new();
        for row in rows {
            let (article, json) = row?;
            let fact: ControlFact = serde_json::from_str(&json).map_err(|e| {
                ApiError::internal(format!(
                    "stored JSON of a control fact of {article} does not parse: {e}"
                ))
            })?;
            if let Some(c) = &country {
                let matches = fact
                    .place
                    .country_code
                    .as_deref()
                    .is_some_and(|cc| cc.eq_ignore_ascii_case(c))
                    || fact
                        .place
                        .country
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(c));
                if !matches {
                    continue;
                }
            }
            if place.is_none() {
                place = serde_json::to_value(&fact.place).ok();
            }
            control.push(json!({"article_id": article, "fact": fact}));
        }
        if total == 0 && control.is_empty() {
            return Err(ApiError::not_found(format!(
                "no events or control facts at {asked:?}"
            )));
        }
        Ok(Json(json!({
            "name": name,
            "place": place,
            "control": control,
            "events": { "total": total, "limit": limit, "offset": offset, "items": events },
        })))
    })
    .await
}

/// The table of events a place route reads: fused events, or every report.
fn events_table(fused: bool) -> &'static str {
    if fused {
        "fused_events"
    } else {
        "events"
    }
}
