//! `POST /api/articles`: articles sent over HTTP (a JSON object, a JSON array of objects, or
//! JSON Lines) are read with the same rules as `sitrep ingest` and stored. Off unless the
//! server has an ingest token; then the request must carry it as `Authorization: Bearer`.

use crate::{ApiError, AppState};
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value as Json_};
use sitrep_extract::Reader;
use sitrep_ingest::IngestOptions;
use sitrep_model::Article;
use sitrep_store::Inserted;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// The reader, built on the first ingest request (loading the gazetteer takes a moment).
fn reader() -> &'static Reader {
    static READER: OnceLock<Reader> = OnceLock::new();
    READER.get_or_init(Reader::new)
}

/// Compare without returning early, so the time taken does not tell how much of a guess matched.
fn same_token(given: &[u8], expected: &[u8]) -> bool {
    let mut diff = given.len() ^ expected.len();
    for (i, b) in expected.iter().enumerate() {
        diff |= usize::from(b ^ given.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

/// Check the bearer token against the server's.
pub(crate) fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &state.ingest_token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "ingest is disabled: the server is read-only (start it with --ingest-token TOKEN)",
        ));
    };
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing Authorization: Bearer TOKEN header",
        ));
    };
    let given = value
        .to_str()
        .ok()
        // (the scheme is case-insensitive: "bearer TOKEN" too)
        .and_then(|v| {
            v.get(..7)
                .filter(|scheme| scheme.eq_ignore_ascii_case("Bearer "))
                .map(|_| &v[7..])
        })
        .map(str::trim)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "Authorization header is not \"Bearer TOKEN\"",
            )
        })?;
    if same_token(given.as_bytes(), expected.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::FORBIDDEN, "wrong ingest token"))
    }
}

/// The body as JSON Lines: a JSON object or array (Content-Type `application/json`, or a body
/// starting with `[`) becomes one line per object; anything else is taken as JSON Lines.
pub(crate) fn to_jsonl(content_type: &str, body: &[u8]) -> Result<String, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|e| ApiError::bad_request(format!("body is not UTF-8: {e}")))?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(ApiError::bad_request("empty body: expected JSON articles"));
    }
    let json_body = content_type.starts_with("application/json") || trimmed.starts_with('[');
    if !json_body {
        return Ok(trimmed.to_string());
    }
    let value: Json_ = serde_json::from_str(trimmed)
        .map_err(|e| ApiError::bad_request(format!("body is not JSON: {e}")))?;
    let items = match value {
        Json_::Array(items) => items,
        obj @ Json_::Object(_) => vec![obj],
        _ => {
            return Err(ApiError::bad_request(
                "body: expected an article object or an array of them",
            ))
        }
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if !item.is_object() {
            return Err(ApiError::bad_request(format!(
                "body item {}: expected an article object with at least \"text\"",
                i + 1
            )));
        }
        out.push_str(&item.to_string());
        out.push('\n');
    }
    Ok(out)
}

/// Parse JSONL articles with the ingest rules (via a private temporary file, as
/// `sitrep_ingest` reads files). Articles without an id get `http:HASH`.
fn parse_articles(jsonl: &str) -> Result<(Vec<Article>, Vec<Json_>), ApiError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir();
    let name = format!(
        "sitrep-serve-{}-{}.jsonl",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let path = dir.join(&name);
    std::fs::write(&path, jsonl)
        .map_err(|e| ApiError::internal(format!("cannot write {}: {e}", path.display())))?;
    let results = sitrep_ingest::read_file(&dir, &path, &IngestOptions::default());
    let _ = std::fs::remove_file(&path);
    let mut articles = Vec::new();
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(mut a) => {
                let line = a.origin.rsplit(':').next().unwrap_or("").to_string();
                if a.id.starts_with(&name) {
                    let hash = sitrep_ingest::content_hash_hex(&a.text);
                    a.id = format!("http:{}", &hash[..hash.len().min(16)]);
                }
                a.origin = format!("POST /api/articles:{line}");
                match sitrep_extract::too_long(&a) {
                    Some(why) => failed.push(json!({ "error": why })),
                    None => articles.push(a),
                }
            }
            Err(e) => {
                let message = e.to_string().replace(&path.display().to_string(), "body");
                failed.push(json!({ "error": message }));
            }
        }
    }
    Ok((articles, failed))
}

/// `POST /api/articles`.
pub async fn post_articles(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<Json_>), ApiError> {
    authorize(&state, &headers)?;
    let body = body.map_err(|e| {
        let status = e.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            "request body too large (see --max-body-mb)".to_string()
        } else {
            format!("cannot read body: {e}")
        };
        ApiError::new(status, message)
    })?;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let jsonl = to_jsonl(&content_type, &body)?;
    let (articles, failed) = tokio::task::spawn_blocking(move || parse_articles(&jsonl))
        .await
        .map_err(|e| ApiError::internal(format!("worker failed: {e}")))??;
    if articles.is_empty() {
        let first = failed
            .first()
            .and_then(|f| f["error"].as_str())
            .unwrap_or("no articles")
            .to_string();
        return Err(ApiError::bad_request(format!(
            "no article could be read: {first}"
        )));
    }
    let readings = tokio::task::spawn_blocking(move || {
        let reader = reader();
        articles
            .into_iter()
            .map(|a| {
                let reading = reader.read(&a);
                (a, reading)
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| ApiError::internal(format!("reader failed: {e}")))?;
    let store = state.store.clone();
    let outcome = tokio::task::spawn_blocking(move || -> Result<Json_, ApiError> {
        let mut store = store
            .lock()
            .map_err(|_| ApiError::internal("store lock poisoned by an earlier failure"))?;
        let mut batch = store.batch()?;
        let mut stored = Vec::new();
        let mut duplicates = Vec::new();
        let mut updated = Vec::new();
        let mut events = 0usize;
        let mut warnings = Vec::new();
        for (article, reading) in &readings {
            let conflict = reading
                .events
                .iter()
                .filter(|e| e.sub_event_type.is_conflict())
                .count();
            match batch.insert(article, reading)? {
                Inserted::New => {
                    if let Some(warning) = sitrep_extract::language_warning(article) {
                        warnings.push(json!({ "id": article.id, "warning": format!("{warning} (stored all the same)") }));
                    }
                    if article.published.is_none() {
                        warnings.push(json!({
                            "id": article.id,
                            "warning": "no publication date: its relative dates (such as \"on Sunday\") cannot be resolved, its events stay undated and out of the ACLED export"
                        }));
                    }
                    events += conflict;
                    stored.push(article.id.clone());
                }
                // (named as posted: "X2", the same text as the stored "X1", is X2's duplicate)
                Inserted::Duplicate(_) => duplicates.push(article.id.clone()),
                Inserted::Updated {
                    id,
                    earlier_versions,
                    forgotten_decisions,
                } => {
                    events += conflict;
                    warnings.push(json!({
                        "id": id,
                        "warning": format!("updated: an article with this id but other text was stored; this text was read in its place, the stored one kept as an earlier version ({earlier_versions} now)")
                    }));
                    if forgotten_decisions > 0 {
                        warnings.push(json!({
                            "id": id,
                            "warning": format!("{forgotten_decisions} split(s) or merge(s) of a user named events its new text no longer tells: forgotten")
                        }));
                    }
                    updated.push(id);
                }
                Inserted::Older(id) => {
                    warnings.push(json!({
                        "id": id,
                        "warning": "an article with this id but other text published later is stored: this older text is kept as an earlier version, the stored one stays current"
                    }));
                    duplicates.push(id);
                }
            }
        }
        batch.commit()?;
        // Bring fusion up to date, as `sitrep ingest` does (incremental: only the new articles;
        // after an update, from the updated article on).
        let fused = if !updated.is_empty() {
            let ids: Vec<&str> = updated.iter().map(String::as_str).collect();
            serde_json::to_value(store.refuse_from(&ids)?).unwrap_or(Json_::Null)
        } else if stored.is_empty() {
            Json_::Null
        } else {
            serde_json::to_value(store.fuse()?).unwrap_or(Json_::Null)
        };
        Ok(json!({ "stored": stored, "updated": updated, "duplicates": duplicates, "conflict_events": events, "warnings": warnings, "fusion": fused }))
    })
    .await
    .map_err(|e| ApiError::internal(format!("worker failed: {e}")))??;
    let mut outcome = outcome;
    outcome["failed"] = Json_::Array(failed);
    Ok((StatusCode::OK, Json(outcome)))
}
