//! The web UI, compiled into the binary from `web/dist` (built by `npm run build` in `web/`
//! and committed, so `cargo build` needs no npm). Only the names in [`ASSETS`] and
//! [`ADMIN1_ASSETS`] are served: a request for anything else, `..` included, is a 404.

use crate::{ApiError, AppState};
use axum::extract::State;
use axum::extract::{Path, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

macro_rules! dist {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../web/dist/",
            $name
        ))
    };
}

/// The page every UI route starts from.
const INDEX_HTML: &[u8] = dist!("index.html");

/// Embedded assets: name under `/assets/`, content type, bytes.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    ("app.js", "text/javascript; charset=utf-8", dist!("app.js")),
    ("app.css", "text/css; charset=utf-8", dist!("app.css")),
    (
        "countries.json",
        "application/json",
        dist!("countries.json"),
    ),
    (
        "LICENSES.txt",
        "text/plain; charset=utf-8",
        dist!("LICENSES.txt"),
    ),
];

/// The admin1 outlines, one TopoJSON file per country (`SYR.json`) and `index.json` (which
/// file covers which country and box), listed from `web/dist/admin1` by `build.rs`.
pub const ADMIN1_ASSETS: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/admin1_assets.rs"));

/// `GET /`.
pub async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX_HTML,
    )
        .into_response()
}

/// `GET /assets/{name}`: one of [`ASSETS`], by exact name.
pub async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, content_type, bytes)) => (
            [
                (header::CONTENT_TYPE, *content_type),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *bytes,
        )
            .into_response(),
        None => ApiError::not_found(format!("no asset {name:?}")).into_response(),
    }
}

/// `GET /assets/admin1/{name}`: one of [`ADMIN1_ASSETS`], by exact name.
pub async fn admin1_asset(Path(name): Path<String>) -> Response {
    match ADMIN1_ASSETS.iter().find(|(n, _)| *n == name) {
        Some((_, bytes)) => (
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *bytes,
        )
            .into_response(),
        None => ApiError::not_found(format!("no admin1 outlines {name:?}")).into_response(),
    }
}

/// Any other path.
pub async fn not_found() -> Response {
    ApiError::new(StatusCode::NOT_FOUND, "not found").into_response()
}

/// Headers on every answer: no sniffing, no framing, no referrer, a strict content policy
/// (scripts and data from this server only).
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    response
}

/// Whether a `Host` header names this machine's loopback interface.
pub fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                name
            } else {
                host
            }
        })
    };
    name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1" || name == "::1"
}

/// Refuse (421) requests naming another host when serving on loopback: a page on another
/// site that rebinds its name to 127.0.0.1 cannot read the store.
pub async fn check_host(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if state.loopback_only {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string)
            .or_else(|| request.uri().authority().map(|a| a.to_string()));
        if let Some(host) = host {
            if !is_loopback_host(&host) {
                return ApiError::new(
                    StatusCode::MISDIRECTED_REQUEST,
                    format!("host {host:?} is not served: this server answers on localhost only (see --host)"),
                )
                .into_response();
            }
        }
    }
    next.run(request).await
}
