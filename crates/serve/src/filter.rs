//! Query parameters: the event filter shared by every event route, and paging, parsed and
//! checked (unknown parameters, bad dates, boxes and limits are 400s), then turned into SQL.

use crate::ApiError;
use chrono::NaiveDate;
use rusqlite::types::Value;
use sitrep_model::{EventType, SubEventType};
use std::collections::HashMap;

pub use sitrep_store::like_pattern;
use sitrep_store::{Store, StoreError};

/// The largest page any list answers (map points and exports have their own caps).
pub const MAX_PAGE: usize = 1000;

/// Which events, and which page of them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// First event date (inclusive).
    pub from: Option<NaiveDate>,
    /// Last event date (inclusive).
    pub to: Option<NaiveDate>,
    /// Country name as ACLED writes it, or ISO alpha-2 code (case-insensitive).
    pub country: Option<String>,
    /// First-level division (case-insensitive).
    pub admin1: Option<String>,
    /// ACLED event type.
    pub event_type: Option<EventType>,
    /// ACLED sub-event type.
    pub sub_type: Option<SubEventType>,
    /// Part of an actor's name (actor1, actor2 or their allies).
    pub actor: Option<String>,
    /// Part of a claimant's name.
    pub claimant: Option<String>,
    /// West, south, east, north in degrees.
    pub bbox: Option<[f64; 4]>,
    /// Words in the notes (the reporting sentences) or the place name.
    pub text: Option<String>,
    /// Non-conflict classes too.
    pub include_non_conflict: bool,
    /// The fused events (one per real-world event, as `sitrep events` lists and exports them:
    /// ids `F:ARTICLE#N`, every report's sources and claims, the conservative fatality figure)
    /// instead of every report (per-article event): the default; `dedup=0` turns it off.
    pub fused: bool,
    /// Page size.
    pub limit: usize,
    /// Rows skipped.
    pub offset: usize,
}

/// The filter parameter names (besides `limit` and `offset`).
pub const FILTER_PARAMS: [&str; 12] = [
    "from", "to", "country", "admin1", "type", "sub_type", "actor", "claimant", "bbox", "q", "all",
    "dedup",
];

/// Paging of a list: `limit` (1..=max, default `default`) and `offset`.
pub fn paging(
    params: &HashMap<String, String>,
    default: usize,
    max: usize,
) -> Result<(usize, usize), ApiError> {
    let number = |name: &str| -> Result<Option<usize>, ApiError> {
        match params.get(name).map(|s| s.trim()).filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(s) => s.parse::<usize>().map(Some).map_err(|_| {
                ApiError::bad_request(format!(
                    "parameter {name}={s:?}: expected a whole number >= 0"
                ))
            }),
        }
    };
    let limit = number("limit")?.unwrap_or(default);
    if limit == 0 || limit > max {
        return Err(ApiError::bad_request(format!(
            "parameter limit={limit}: expected 1 to {max}"
        )));
    }
    let offset = number("offset")?.unwrap_or(0);
    if offset > i64::MAX as usize / 2 {
        return Err(ApiError::bad_request("parameter offset: too large"));
    }
    Ok((limit, offset))
}

/// Refuse parameters a route does not know (a typo would otherwise silently list everything).
pub fn reject_unknown(params: &HashMap<String, String>, known: &[&str]) -> Result<(), ApiError> {
    let mut unknown: Vec<&str> = params
        .keys()
        .map(String::as_str)
        .filter(|k| !known.contains(k) && *k != "limit" && *k != "offset")
        .collect();
    unknown.sort_unstable();
    match unknown.first() {
        None => Ok(()),
        Some(_) => Err(ApiError::bad_request(format!(
            "unknown parameter {}; expected one of {}",
            unknown.join(", "),
            known
                .iter()
                .chain(&["limit", "offset"])
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn text_param(params: &HashMap<String, String>, name: &str) -> Result<Option<String>, ApiError> {
    match params.get(name).map(|s| s.trim()) {
        None | Some("") => Ok(None),
        Some(s) if s.len() > 200 => Err(ApiError::bad_request(format!(
            "parameter {name}: longer than 200 bytes"
        ))),
        Some(s) => Ok(Some(s.to_string())),
    }
}

fn date_param(params: &HashMap<String, String>, name: &str) -> Result<Option<NaiveDate>, ApiError> {
    match text_param(params, name)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| {
                ApiError::bad_request(format!(
                    "parameter {name}={s:?}: expected a date YYYY-MM-DD"
                ))
            }),
    }
}

impl EventQuery {
    /// Parse the filter and paging parameters; `extra` names further parameters the route knows.
    pub fn parse(
        params: &HashMap<String, String>,
        extra: &[&str],
        default_limit: usize,
        max_limit: usize,
    ) -> Result<EventQuery, ApiError> {
        let known: Vec<&str> = FILTER_PARAMS.iter().chain(extra).copied().collect();
        reject_unknown(params, &known)?;
        let (limit, offset) = paging(params, default_limit, max_limit)?;
        let from = date_param(params, "from")?;
        let to = date_param(params, "to")?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad_request(format!(
                    "parameters from={f} and to={t}: from is after to"
                )));
            }
        }
        let event_type = match text_param(params, "type")? {
            None => None,
            Some(s) => Some(EventType::from_acled(&s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "parameter type={s:?}: expected an ACLED event type such as \"Battles\""
                ))
            })?),
        };
        let sub_type = match text_param(params, "sub_type")? {
            None => None,
            Some(s) => Some(SubEventType::from_acled(&s).ok_or_else(|| {
                ApiError::bad_request(format!(
                    "parameter sub_type={s:?}: expected an ACLED sub-event type such as \"Armed clash\""
                ))
            })?),
        };
        let bbox = match text_param(params, "bbox")? {
            None => None,
            Some(s) => Some(parse_bbox(&s)?),
        };
        let include_non_conflict = flag(params, "all")?;
        let fused = fused_param(params)?;
        Ok(EventQuery {
            from,
            to,
            country: text_param(params, "country")?,
            admin1: text_param(params, "admin1")?,
            event_type,
            sub_type,
            actor: text_param(params, "actor")?,
            claimant: text_param(params, "claimant")?,
            bbox,
            text: text_param(params, "q")?,
            include_non_conflict,
            fused,
            limit,
            offset,
        })
    }

    /// The table the query reads, aliased `e` in [`EventQuery::sql_where`]: `fused_events`
    /// (one row per fused event) unless `dedup=0`, which reads `events` (one row per report). Both have
    /// the same event columns (`id`, `json`, `event_date`, `is_conflict`, `event_type`,
    /// `sub_event_type`, `country`, `country_code`, `admin1`, `location`, `lat`, `lon`,
    /// `fatalities`), so every route reads either with the same SQL.
    pub fn table(&self) -> &'static str {
        if self.fused {
            "fused_events"
        } else {
            "events"
        }
    }

    /// What the rows of [`EventQuery::table`] are, as the API names them in its answers
    /// (`"unit"`): `fused_events` or `reports`.
    pub fn unit(&self) -> &'static str {
        if self.fused {
            "fused_events"
        } else {
            "reports"
        }
    }

    /// A condition on reports (per-article events aliased `e`, as the store's read indexes
    /// answer them) as a condition on the rows of [`EventQuery::table`]: itself for reports; for
    /// fused events, that some report of the fused event meets it.
    fn on_reports(&self, condition: &str) -> String {
        if self.fused {
            // The subquery's own `e` (a report) hides the outer `e` (the fused event).
            format!(
                "e.id IN (SELECT m.fused_id FROM fused_members m JOIN events e ON e.id = m.mention_id
                   WHERE {condition})"
            )
        } else {
            condition.to_string()
        }
    }

    /// `WHERE` conditions over [`EventQuery::table`] aliased `e` (dates left out when
    /// `with_dates` is false), and their arguments. The actor, claimant and text filters are
    /// answered from the store's read indexes of reports; a fused event meets them when one of
    /// its reports does. Every other filter reads the row's own columns (for a fused event,
    /// those of the merged event, as `sitrep events` filters them).
    pub fn sql_where(
        &self,
        store: &Store,
        with_dates: bool,
    ) -> Result<(String, Vec<Value>), StoreError> {
        let mut sql = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        let text = |s: &str| Value::Text(s.to_string());
        if !self.include_non_conflict {
            sql.push_str(" AND e.is_conflict = 1");
        }
        if with_dates {
            if let Some(from) = self.from {
                sql.push_str(" AND e.event_date >= ?");
                args.push(text(&from.to_string()));
            }
            if let Some(to) = self.to {
                sql.push_str(" AND e.event_date <= ?");
                args.push(text(&to.to_string()));
            }
        }
        if let Some(c) = &self.country {
            sql.push_str(
                " AND (e.country = ? COLLATE NOCASE OR e.country_code = ? COLLATE NOCASE)",
            );
            args.push(text(c));
            args.push(text(c));
        }
        if let Some(a) = &self.admin1 {
            sql.push_str(" AND e.admin1 = ? COLLATE NOCASE");
            args.push(text(a));
        }
        if let Some(t) = self.event_type {
            sql.push_str(" AND e.event_type = ?");
            args.push(text(t.acled_name()));
        }
        if let Some(t) = self.sub_type {
            sql.push_str(" AND e.sub_event_type = ?");
            args.push(text(t.acled_name()));
        }
        if let Some([west, south, east, north]) = self.bbox {
            sql.push_str(" AND e.lat BETWEEN ? AND ?");
            args.push(Value::Real(south));
            args.push(Value::Real(north));
            if west <= east {
                sql.push_str(" AND e.lon BETWEEN ? AND ?");
                args.push(Value::Real(west));
                args.push(Value::Real(east));
            } else {
                // A box across the antimeridian.
                sql.push_str(" AND (e.lon >= ? OR e.lon <= ?)");
                args.push(Value::Real(west));
                args.push(Value::Real(east));
            }
        }
        if let Some(a) = &self.actor {
            let (condition, values) = store.actor_name_condition(a)?;
            sql.push_str(" AND ");
            sql.push_str(&self.on_reports(&condition));
            args.extend(values);
        }
        if let Some(c) = &self.claimant {
            sql.push_str(" AND ");
            sql.push_str(&self.on_reports(
                "e.id IN (SELECT event_id FROM claims WHERE event_id IS NOT NULL AND claimant LIKE ? ESCAPE '\\')",
            ));
            args.push(text(&like_pattern(c)));
        }
        if let Some(q) = &self.text {
            let (condition, values) = store.event_text_condition(q)?;
            sql.push_str(" AND ");
            sql.push_str(&self.on_reports(&condition));
            args.extend(values);
        }
        Ok((sql, args))
    }
}

/// A `1`/`0` parameter (`true`/`false`), `false` when absent.
fn flag(params: &HashMap<String, String>, name: &str) -> Result<bool, ApiError> {
    match params.get(name).map(|s| s.trim()) {
        None | Some("") | Some("0") | Some("false") => Ok(false),
        Some("1") | Some("true") => Ok(true),
        Some(s) => Err(ApiError::bad_request(format!(
            "parameter {name}={s:?}: expected 1 or 0"
        ))),
    }
}

/// `dedup`: fused events unless asked for every report (`dedup=0`): one row per real-world
/// event, its dead counted once, as `sitrep events` and the UI list them.
pub(crate) fn fused_param(params: &HashMap<String, String>) -> Result<bool, ApiError> {
    match params.get("dedup").map(|s| s.trim()) {
        None | Some("") => Ok(true),
        Some(_) => flag(params, "dedup"),
    }
}

/// `west,south,east,north` in degrees.
fn parse_bbox(s: &str) -> Result<[f64; 4], ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "parameter bbox={s:?}: expected west,south,east,north in degrees (e.g. 35,32,37,34)"
        ))
    };
    let parts: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let [west, south, east, north]: [f64; 4] = parts.try_into().map_err(|_| bad())?;
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |y: f64| (-90.0..=90.0).contains(&y);
    if !(lon_ok(west) && lon_ok(east) && lat_ok(south) && lat_ok(north)) || south > north {
        return Err(bad());
    }
    Ok([west, south, east, north])
}
