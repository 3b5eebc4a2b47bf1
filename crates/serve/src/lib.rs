/*!
`sitrep serve`: the monitor in the browser. A JSON API over a sitrep store and a web UI
(map, timeline, events with the sentences they came from) whose assets are compiled into
the binary, so it works offline from any directory.

The API (documented in `docs/openapi.yaml`):

| route | what |
|---|---|
| `GET /api/meta` | counts (fused events, as `sitrep events` counts them, and reports), date range, event types, countries, whether ingest is on |
| `GET /api/events` | events matching the filters, a page of summaries with the total (fused events; every report with `dedup=0`) |
| `GET /api/events/points` | the same filter as compact map points |
| `GET /api/events/{id}` | one report (`ARTICLE#N`) or fused event (`F:ARTICLE#N`): every field with its evidence, claims, disagreements, source articles, its fused event |
| `GET /api/timeline` | fused events (reports with `dedup=0`) and fatalities per day for the filters (dates ignored) |
| `GET /api/stories` | the stories fusion found: events of one situation across reports |
| `GET /api/places`, `GET /api/places/{name}` | places with event counts; one with its control timeline |
| `GET /api/articles`, `GET /api/articles/{id}` | stored reports |
| `GET /api/export/{acled,geojson,jsonl}` | the filtered events as a file |
| `POST /api/articles` | JSON / JSONL articles to read and store (only with `--ingest-token`) |

Filters (every event route): `from`, `to` (YYYY-MM-DD), `country` (name or ISO code),
`admin1`, `type`, `sub_type`, `actor`, `claimant`, `bbox` (`west,south,east,north`), `q`
(text in the notes or place), `all=1` (non-conflict classes too), `dedup=0` (every report
instead of the fused events, one per real-world event, that `sitrep events` lists and exports);
`limit` and `offset` page every list. Event lists say which they count in `unit` (`reports` or
`fused_events`). Errors are `{"error": "..."}` with a 4xx/5xx status.

```no_run
use sitrep_serve::{serve, ServeOptions};
let options = ServeOptions { db: "sitrep.db".into(), ..ServeOptions::default() };
serve(options).unwrap(); // blocks, serving http://127.0.0.1:8080/
```
*/
#![deny(missing_docs)]

mod api;
mod assets;
mod detail;
mod error;
mod filter;
mod ingest;
mod places;

use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use axum::Router;
use sitrep_store::{Pending, ReadsFrom, Store, StoreError};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use error::ApiError;
pub use filter::{EventQuery, MAX_PAGE};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store to serve (created when missing).
    pub db: PathBuf,
    /// Address to bind; `127.0.0.1` unless told otherwise.
    pub host: String,
    /// Port to bind (0: any free port).
    pub port: u16,
    /// Bearer token that enables `POST /api/articles`; read-only when `None`.
    pub ingest_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            db: PathBuf::from("sitrep.db"),
            host: "127.0.0.1".into(),
            port: 8080,
            ingest_token: None,
            max_body_bytes: 8 * 1024 * 1024,
        }
    }
}

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store would not open.
    #[error(transparent)]
    Store(#[from] sitrep_store::StoreError),
    /// `--host`/`--port` do not make an address.
    #[error("bad address {0:?}: expected a host such as 127.0.0.1 and a port")]
    Address(String),
    /// Binding or serving failed.
    #[error("cannot serve on {addr}: {source}")]
    Io {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
}

/// What every handler shares: the store (one connection behind a lock) and the ingest token.
#[derive(Clone)]
pub struct AppState {
    store: Arc<Mutex<Store>>,
    ingest_token: Option<Arc<str>>,
    loopback_only: bool,
}

impl AppState {
    /// State over an open store (its read indexes come with the store's schema, version 3 on);
    /// `ingest_token` enables `POST /api/articles`.
    pub fn new(store: Store, ingest_token: Option<String>) -> AppState {
        AppState {
            store: Arc::new(Mutex::new(store)),
            ingest_token: ingest_token.map(Arc::from),
            loopback_only: true,
        }
    }

    /// Whether requests must name a loopback host (`localhost`, `127.0.0.1`, `[::1]`) in their
    /// `Host` header — the default, which keeps web pages elsewhere from reaching a local
    /// server through DNS rebinding. Turned off when serving on another address.
    pub fn with_loopback_only(mut self, loopback_only: bool) -> AppState {
        self.loopback_only = loopback_only;
        self
    }
}

/// The application: API routes, the embedded UI, security headers and the body limit.
pub fn router(state: AppState, max_body_bytes: usize) -> Router {
    let api = Router::new()
        .route("/meta", get(api::meta))
        .route("/events", get(api::events))
        .route("/events/points", get(api::points))
        .route("/events/{id}", get(detail::event))
        .route("/timeline", get(api::timeline))
        .route("/stories", get(api::stories))
        .route("/places", get(places::places))
        .route("/places/{name}", get(places::place))
        .route("/articles", get(api::articles).post(ingest::post_articles))
        .route("/articles/{id}", get(detail::article))
        .route("/export/{format}", get(api::export))
        .fallback(api::not_found)
        .layer(axum::middleware::from_fn(error::json_errors));
    Router::new()
        .nest("/api", api)
        .route("/", get(assets::index))
        .route("/assets/{name}", get(assets::asset))
        .route("/assets/admin1/{name}", get(assets::admin1_asset))
        .fallback(assets::not_found)
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .layer(axum::middleware::from_fn(assets::security_headers))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            assets::check_host,
        ))
        .with_state(state)
}

/// Open the store and serve until the process ends (blocking; builds its own runtime).
pub fn serve(options: ServeOptions) -> Result<(), ServeError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|source| ServeError::Io {
            addr: format!("{}:{}", options.host, options.port),
            source,
        })?;
    runtime.block_on(serve_async(options))
}

/// Open the store and serve (async).
pub async fn serve_async(options: ServeOptions) -> Result<(), ServeError> {
    let text = if options.host.contains(':') && !options.host.starts_with('[') {
        format!("[{}]:{}", options.host, options.port)
    } else {
        format!("{}:{}", options.host, options.port)
    };
    let addr: SocketAddr = text
        .parse()
        .map_err(|_| ServeError::Address(text.clone()))?;
    let store = if options.ingest_token.is_some() {
        let mut store = Store::open(&options.db)?;
        // Bring fusion up to date, as `sitrep events` does (a store written before fusion
        // existed, or an ingest stopped before fusing): the fused view (`dedup=1`, `F:` ids, the
        // counts of /api/meta) reads it.
        match store.fuse() {
            Ok(run) if run.articles > 0 => eprintln!(
                "sitrep serve: fused {} unfused articles ({} reports)",
                run.articles, run.mentions
            ),
            Ok(_) => {}
            Err(e) => eprintln!(
                "sitrep serve: fusion not brought up to date ({e}); serving the store as it is"
            ),
        }
        store
    } else {
        // A read-only server opens the store read-only (a read-only file or directory will
        // do), fused first when it needs it and can be written; one that cannot be fused here
        // is served as it is.
        match Store::open_to_read(&options.db, ReadsFrom::FusedEvents) {
            Err(
                e @ StoreError::ReadOnly {
                    pending: Pending::Fusion { .. },
                    ..
                },
            ) => {
                eprintln!("sitrep serve: {e}; serving the store as it is");
                Store::open_to_read(&options.db, ReadsFrom::Articles)?
            }
            other => other?,
        }
    };
    let state = AppState::new(store, options.ingest_token.clone())
        .with_loopback_only(addr.ip().is_loopback());
    let app = router(state, options.max_body_bytes);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Io {
            addr: text.clone(),
            source,
        })?;
    let bound = listener.local_addr().map_err(|source| ServeError::Io {
        addr: text.clone(),
        source,
    })?;
    eprintln!(
        "sitrep serve: http://{bound}/ ({}; {})",
        options.db.display(),
        if options.ingest_token.is_some() {
            "POST /api/articles enabled"
        } else {
            "read-only"
        }
    );
    axum::serve(listener, app)
        .await
        .map_err(|source| ServeError::Io { addr: text, source })
}

#[cfg(test)]
mod tests;
