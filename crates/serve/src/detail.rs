//! One event (every field with its evidence, claims side by side, disagreements, the source
//! articles with their sentence spans) and one article.

use crate::api::{params, parse_event, parse_fused, summary, with_store, Params, StoredFused};
use crate::filter::reject_unknown;
use crate::{ApiError, AppState};
use axum::extract::{Path, State};
use axum::Json;
use rusqlite::OptionalExtension;
use serde_json::{json, Value as Json_};
use sitrep_model::{Article, Event, Evidence, PlaceRef, Polarity};
use sitrep_store::Store;
use std::collections::BTreeMap;

/// One field of an event as shown: its name, its value in words, and where it was read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Field {
    /// Field name (`sub_event_type`, `date`, `location`, `actor1`, `quantity:killed` ...).
    pub name: String,
    /// The value, for a person.
    pub value: String,
    /// The sentence and span it came from, when it was read from the text.
    pub evidence: Option<Evidence>,
}

fn place_value(p: &PlaceRef) -> String {
    let mut parts = vec![p.name.clone()];
    parts.extend(p.admin1.clone());
    parts.extend(p.country.clone());
    let mut s = parts.join(", ");
    if let (Some(lat), Some(lon)) = (p.lat, p.lon) {
        s.push_str(&format!(" ({lat:.4}, {lon:.4})"));
    }
    s
}

fn word<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The fields of an event, each with its evidence.
pub fn fields(event: &Event) -> Vec<Field> {
    let mut out = Vec::new();
    let mut push = |name: &str, value: String, evidence: Option<&Evidence>| {
        out.push(Field {
            name: name.to_string(),
            value,
            evidence: evidence.cloned(),
        })
    };
    let trigger = (!event.evidence.text.is_empty()).then_some(&event.evidence);
    push(
        "sub_event_type",
        format!(
            "{} / {}",
            event.sub_event_type.event_type().acled_name(),
            event.sub_event_type.acled_name()
        ),
        trigger,
    );
    let date = match (event.date.date, event.date.end) {
        (Some(d), Some(e)) => format!("{d} – {e} ({})", word(&event.date.precision)),
        (Some(d), None) => format!("{d} ({})", word(&event.date.precision)),
        _ => format!("unknown ({})", word(&event.date.precision)),
    };
    push("date", date, event.date.evidence.as_ref());
    if let Some(p) = &event.location {
        push("location", place_value(p), p.evidence.as_ref());
    }
    for p in &event.other_locations {
        push("other_location", place_value(p), p.evidence.as_ref());
    }
    if let Some(p) = &event.destination {
        push("destination", place_value(p), p.evidence.as_ref());
    }
    for (name, actor) in [("actor1", &event.actor1), ("actor2", &event.actor2)] {
        if let Some(a) = actor {
            push(name, a.name.clone(), a.evidence.as_ref());
        }
    }
    for (name, actors) in [
        ("assoc_actor_1", &event.assoc_actor_1),
        ("assoc_actor_2", &event.assoc_actor_2),
    ] {
        for a in actors {
            push(name, a.name.clone(), a.evidence.as_ref());
        }
    }
    push("fatalities", event.fatalities.to_string(), None);
    for q in &event.quantities {
        let mut value = String::new();
        if q.lower_bound {
            value.push_str("at least ");
        }
        if q.approximate {
            value.push_str("about ");
        }
        value.push_str(&q.value.to_string());
        if let Some(side) = &q.side {
            value.push_str(&format!(" ({side})"));
        }
        if q.tally {
            value.push_str(" [tally]");
        }
        push(
            &format!("quantity:{}", word(&q.kind)),
            value,
            Some(&q.evidence),
        );
    }
    if let Some(t) = &event.valid_until {
        push("valid_until", t.at.clone(), Some(&t.evidence));
    }
    out
}

/// The side a figure counts, for comparing figures: its class when the reader gave one (state
/// media's "terrorists" and a monitor's "fighters" are both armed groups), else people in
/// general ("people", "civilians", "persons", none) are one side and named sides stay apart.
fn comparable_side(q: &sitrep_model::Quantity) -> String {
    match q.side_class {
        // (civilians are counted with people in general, below)
        Some(sitrep_model::SideClass::Civilians) => return String::new(),
        Some(class) => return class.name().to_string(),
        None => {}
    }
    match q.side.as_deref().map(|s| s.trim().to_lowercase()) {
        None => String::new(),
        Some(s)
            if matches!(
                s.as_str(),
                "" | "people" | "civilians" | "persons" | "residents"
            ) =>
        {
            String::new()
        }
        Some(s) => s,
    }
}

/// Where the claims of an event disagree: polarity (asserted vs denied/unconfirmed) and
/// figures of the same kind and side that differ between claimants.
pub fn disagreements(event: &Event) -> Vec<Json_> {
    let mut out = Vec::new();
    let asserting: Vec<usize> = (0..event.claims.len())
        .filter(|&i| {
            matches!(
                event.claims[i].polarity,
                Polarity::Asserted | Polarity::ClaimedResponsibility
            )
        })
        .collect();
    let doubting: Vec<usize> = (0..event.claims.len())
        .filter(|&i| {
            matches!(
                event.claims[i].polarity,
                Polarity::Denied | Polarity::Unconfirmed
            )
        })
        .collect();
    if !asserting.is_empty() && !doubting.is_empty() {
        let names = |ids: &[usize]| {
            ids.iter()
                .map(|&i| {
                    format!(
                        "{} ({})",
                        event.claims[i].claimant,
                        word(&event.claims[i].polarity)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push(json!({
            "kind": "polarity",
            "claims": asserting.iter().chain(&doubting).collect::<Vec<_>>(),
            "message": format!("{} vs {}", names(&asserting), names(&doubting)),
        }));
    }
    // (kind, side) -> [(value, index of the claim giving it)]
    type Figures = Vec<(u64, Option<usize>)>;
    let mut by_what: BTreeMap<(String, String), Figures> = BTreeMap::new();
    // (a part of a toll, "among the dead were four children", is no other account of it)
    for q in event
        .quantities
        .iter()
        .filter(|q| !q.tally && !q.evidence.rule.ends_with("+part"))
    {
        by_what
            .entry((word(&q.kind), comparable_side(q)))
            .or_default()
            .push((q.value, q.claim));
    }
    for ((kind, side), values) in by_what {
        let mut distinct: Vec<u64> = values.iter().map(|v| v.0).collect();
        distinct.sort_unstable();
        distinct.dedup();
        let claimants: Vec<Option<usize>> = values.iter().map(|v| v.1).collect();
        let several_sources = claimants.iter().any(|c| *c != claimants[0]);
        if distinct.len() > 1 && several_sources {
            let who = |c: Option<usize>| {
                c.and_then(|i| event.claims.get(i))
                    .map_or("the report".to_string(), |c| c.claimant.clone())
            };
            out.push(json!({
                "kind": "figures",
                "what": if side.is_empty() { kind.clone() } else { format!("{kind} ({side})") },
                "claims": claimants.iter().flatten().collect::<Vec<_>>(),
                "values": values.iter().map(|(v, c)| json!({"value": v, "claim": c, "claimant": who(*c)})).collect::<Vec<_>>(),
                "message": format!("{kind}{}: {}", if side.is_empty() { String::new() } else { format!(" ({side})") },
                    values.iter().map(|(v, c)| format!("{v} per {}", who(*c))).collect::<Vec<_>>().join(", ")),
            }));
        }
    }
    out
}

/// An article with its sentences as byte spans (as the reader split them).
pub(crate) fn article_json(article: &Article) -> Json_ {
    let sentences: Vec<[usize; 2]> = sitrep_text::split_sentences(&article.text)
        .iter()
        .map(|s| [s.start, s.end])
        .collect();
    json!({
        "id": article.id,
        "title": article.title,
        "published": article.published,
        "source": article.source,
        "url": article.url,
        "language": article.language,
        "origin": article.origin,
        "text": article.text,
        "sentences": sentences,
    })
}

fn event_by_id(store: &Store, id: &str) -> Result<Option<Event>, ApiError> {
    let row: Option<String> = store
        .connection()
        .query_row(
            "SELECT json FROM events WHERE id = ?1 ORDER BY rowid LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    row.map(|json| parse_event(id, &json)).transpose()
}

/// A fused event by id (`F:ARTICLE#N`), with the number of its articles.
fn fused_by_id(store: &Store, id: &str) -> Result<Option<(StoredFused, i64)>, ApiError> {
    let row: Option<(String, i64)> = store
        .connection()
        .query_row(
            "SELECT json, n_articles FROM fused_events WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    row.map(|(json, n)| Ok((parse_fused(id, &json)?, n)))
        .transpose()
}

/// The 404 for an id that names no report and no fused event: the id forms accepted, and what
/// the id is when it names something else.
fn unknown_event(store: &Store, id: &str) -> Result<ApiError, ApiError> {
    let conn = store.connection();
    let mut hint = String::new();
    if let Some(mention) = id.strip_prefix("F:") {
        let now_in: Option<String> = conn
            .query_row(
                "SELECT fused_id FROM fused_members WHERE mention_id = ?1",
                [mention],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(f) = now_in {
            hint = format!("; report {mention:?} is now in fused event {f:?}");
        }
    } else if store.article(id)?.is_some() {
        hint = format!("; {id:?} is an article: its events are at /api/articles/{id}");
    }
    if hint.is_empty() && !id.contains('#') {
        hint = "; write the # of an id as %23 in a URL".into();
    }
    Ok(ApiError::not_found(format!(
        "no event with id {id:?}: expected a report id ARTICLE#N (as /api/events lists) or a \
         fused event id F:ARTICLE#N (as /api/events?dedup=1 and `sitrep events --format fused`, \
         `sitrep candidates`, `sitrep merge` and `sitrep split` name them){hint}"
    )))
}

/// `GET /api/events/{id}`: a report (`ARTICLE#N`) with the fused event it is part of, or a
/// fused event (`F:ARTICLE#N`): its merged event (as `sitrep events` exports it) with every
/// report's sources, claims and figures, and its members.
pub async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
    p: Params,
) -> Result<Json<Json_>, ApiError> {
    reject_unknown(&params(p)?, &[])?;
    with_store(&state, move |store| {
        // A fused event read by its id: its stored members and figures, its article count.
        let (event, as_fused) = match event_by_id(store, &id)? {
            Some(event) => (event, None),
            None => match fused_by_id(store, &id)? {
                Some((
                    StoredFused {
                        event,
                        members,
                        figures,
                    },
                    n_articles,
                )) => (event, Some((members, figures, n_articles))),
                None => return Err(unknown_event(store, &id)?),
            },
        };
        let mut article_ids: Vec<String> = event.article_ids.clone();
        let field_list = fields(&event);
        let read_from = field_list
            .iter()
            .filter_map(|f| f.evidence.as_ref().map(|e| e.article_id.clone()))
            .chain(event.claims.iter().map(|c| c.article_id.clone()));
        for a in read_from {
            if !a.is_empty() && !article_ids.contains(&a) {
                article_ids.push(a);
            }
        }
        let mut articles = Vec::new();
        for a in article_ids.iter().take(20) {
            if let Some(article) = store.article(a)? {
                articles.push(article_json(&article));
            }
        }
        let disagreements = disagreements(&event);
        let claims: Vec<Json_> = event
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let figures: Vec<_> = event
                    .quantities
                    .iter()
                    .filter(|q| q.claim == Some(i))
                    .collect();
                let disagrees = disagreements.iter().any(|d| {
                    d["claims"]
                        .as_array()
                        .is_some_and(|ids| ids.iter().any(|x| x.as_u64() == Some(i as u64)))
                });
                json!({"index": i, "claim": c, "figures": figures, "disagrees": disagrees})
            })
            .collect();
        let kind = if as_fused.is_some() {
            "fused_event"
        } else {
            "report"
        };
        let fused = match as_fused {
            // The fused event itself: its reports, why they were merged, and their figures
            // side by side.
            Some((members, figures, n_articles)) => {
                let mentions = crate::api::mention_ids(store, std::slice::from_ref(&event.id), 200)?;
                json!({
                    "id": event.id,
                    "articles": n_articles,
                    "mentions": mentions,
                    "members": members,
                    "figures": figures,
                })
            }
            // The fused event this mention is part of, and the other reports in it.
            None => {
                let fused: Option<(String, i64)> = store
                    .connection()
                    .query_row(
                        "SELECT m.fused_id, f.n_articles FROM fused_members m JOIN fused_events f ON f.id = m.fused_id
                         WHERE m.mention_id = ?1",
                        [&event.id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )
                    .optional()?;
                match fused {
                    Some((fid, n_articles)) => {
                        let mentions =
                            crate::api::mention_ids(store, std::slice::from_ref(&fid), 200)?;
                        json!({"id": fid, "articles": n_articles, "mentions": mentions})
                    }
                    None => Json_::Null,
                }
            }
        };
        Ok(Json(json!({
            "kind": kind,
            "fused": fused,
            "summary": summary(&event),
            "fields": field_list,
            "claims": claims,
            "disagreements": disagreements,
            "articles": articles,
            "event": event,
        })))
    })
    .await
}

/// `GET /api/articles/{id}`: the article, its sentences and its events.
pub async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
    p: Params,
) -> Result<Json<Json_>, ApiError> {
    reject_unknown(&params(p)?, &[])?;
    with_store(&state, move |store| {
        let article = store
            .article(&id)?
            .ok_or_else(|| ApiError::not_found(format!("no article with id {id:?}")))?;
        let mut stmt = store.connection().prepare(
            "SELECT id, json FROM events WHERE article_id = ?1 ORDER BY salience DESC, ordinal",
        )?;
        let rows = stmt.query_map([&id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut events = Vec::new();
        for row in rows {
            let (eid, json) = row?;
            events.push(summary(&parse_event(&eid, &json)?));
        }
        // the texts an update replaced, oldest first (kept: nothing received is lost)
        let mut stmt = store.connection().prepare(
            "SELECT title, published, source, url, ingested_at, superseded_at, text
               FROM article_versions WHERE article_id = ?1 ORDER BY superseded_at, rowid",
        )?;
        let earlier_versions = stmt
            .query_map([&id], |r| {
                Ok(json!({
                    "title": r.get::<_, Option<String>>(0)?,
                    "published": r.get::<_, Option<String>>(1)?,
                    "source": r.get::<_, Option<String>>(2)?,
                    "url": r.get::<_, Option<String>>(3)?,
                    "ingested_at": r.get::<_, String>(4)?,
                    "superseded_at": r.get::<_, String>(5)?,
                    "text": r.get::<_, String>(6)?,
                }))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Json(json!({
            "article": article_json(&article),
            "events": events,
            "earlier_versions": earlier_versions,
        })))
    })
    .await
}
