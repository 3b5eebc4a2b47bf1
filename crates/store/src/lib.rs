/*!
The record on disk: a SQLite database of articles, the events read from them (with one
evidence row per sourced field and one row per claim), and territorial control facts.

The schema is versioned (`PRAGMA user_version`); [`Store::open`] creates a new database or
migrates an older one with the numbered SQL files in `crates/store/migrations/`. It refuses a file
that is not an SQLite database or holds another program's tables, naming the file. Commands that
only read open the store with [`Store::open_to_read`]: read-only (a read-only file or directory
is fine), writing only when the store needs a migration or fusion first, and saying so when it
cannot be written.
Inserting is idempotent: an article whose id or content hash is already stored, or a text an
article had before it was updated, is a [`Inserted::Duplicate`] and changes nothing. Other text
under a stored id is an update ([`Inserted::Updated`]: it is read in place of the stored text,
which is kept in `article_versions`) unless it was published before the stored text
([`Inserted::Older`]: kept as an earlier version). Use a [`Batch`] (one transaction) to insert many.

```
use sitrep_model::{Article, Reading};
use sitrep_store::{EventFilter, Inserted, Store};
let mut store = Store::open_in_memory().unwrap();
let article = Article { id: "a1".into(), text: "Shelling hit the town.".into(), ..Default::default() };
let reading = Reading { article_id: "a1".into(), ..Default::default() };
assert_eq!(store.insert(&article, &reading).unwrap(), Inserted::New);
assert_eq!(store.insert(&article, &reading).unwrap(), Inserted::Duplicate("a1".into()));
assert_eq!(store.counts().unwrap().articles, 1);
assert!(store.events(&EventFilter::default()).unwrap().is_empty());
```
*/
#![deny(missing_docs)]

mod fusion;
mod insert;
mod query;

use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;

pub use fusion::{
    FusionCounts, FusionInput, FusionRun, MergeOutcome, SplitOutcome, UnmergeOutcome,
};
pub use insert::Batch;
pub use query::{like_pattern, Counts, EventFilter};

/// The migrations, in order: version `i + 1` is `MIGRATIONS[i]`.
const MIGRATIONS: &[(&str, &str)] = &[
    ("0001_init.sql", include_str!("../migrations/0001_init.sql")),
    (
        "0002_fusion.sql",
        include_str!("../migrations/0002_fusion.sql"),
    ),
    (
        "0003_read_indexes.sql",
        include_str!("../migrations/0003_read_indexes.sql"),
    ),
    (
        "0004_incremental_fusion.sql",
        include_str!("../migrations/0004_incremental_fusion.sql"),
    ),
    (
        "0005_fusion_joins.sql",
        include_str!("../migrations/0005_fusion_joins.sql"),
    ),
    (
        "0006_fused_read_indexes.sql",
        include_str!("../migrations/0006_fused_read_indexes.sql"),
    ),
    (
        "0007_article_versions.sql",
        include_str!("../migrations/0007_article_versions.sql"),
    ),
    (
        "0008_rewind_indexes.sql",
        include_str!("../migrations/0008_rewind_indexes.sql"),
    ),
    (
        "0009_fusion_order.sql",
        include_str!("../migrations/0009_fusion_order.sql"),
    ),
];

/// How a listing of `table`'s events (`events` or `fused_events`, aliased `e`) is ordered,
/// newest first: by date, then on one day the last made first; a fused event by its number in
/// ingest order, so that a store fused in several runs lists as one fused at once does.
pub fn newest_first(table: &str) -> &'static str {
    match table {
        "fused_events" => "e.event_date DESC, e.seq DESC",
        _ => "e.event_date DESC, e.rowid DESC",
    }
}

/// The most of the file SQLite keeps in its page cache (KiB; taken only as pages are read).
const CACHE_KIB: i64 = 64 * 1024;

/// How long a write waits for another writer of the same file to finish before giving up.
const BUSY_TIMEOUT_SECONDS: u64 = 60;

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file cannot be opened.
    #[error("cannot open database {path}: {source}")]
    Open {
        /// The file.
        path: String,
        /// Why.
        source: rusqlite::Error,
    },
    /// The database was written by a newer sitrep.
    #[error("database schema version {found} is newer than this build supports ({supported})")]
    NewerSchema {
        /// Version found in the file.
        found: u32,
        /// Highest version this build knows.
        supported: u32,
    },
    /// The file is not an SQLite database (a CSV file, a text file, a damaged file).
    #[error("{path} is not an SQLite database")]
    NotADatabase {
        /// The file.
        path: String,
    },
    /// The file is another program's SQLite database: sitrep will not add its tables to it.
    #[error(
        "{path} is not a sitrep store (it has {}); give another --db",
        table_list(tables)
    )]
    NotAStore {
        /// The file.
        path: String,
        /// The tables it has, by name.
        tables: Vec<String>,
    },
    /// A command that only reads was given a file with no store in it yet.
    #[error("{path} holds no sitrep store yet (it is empty); run `sitrep ingest PATH --db {path}` first")]
    Empty {
        /// The file.
        path: String,
    },
    /// The store needs a change before it can be read as asked, and cannot be written here.
    #[error("{path} is read-only and needs {pending}, which a read-only open cannot do; run `sitrep fuse --db {path}` once with write access to it")]
    ReadOnly {
        /// The file.
        path: String,
        /// What it needs.
        pending: Pending,
    },
    /// A migration failed.
    #[error("migration {name} failed: {}", brief(source))]
    Migration {
        /// The migration file.
        name: &'static str,
        /// Why.
        source: rusqlite::Error,
    },
    /// An SQLite error.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A fused event or mention named by a user does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A stored JSON column that does not parse (written by another version?).
    #[error("stored JSON of {what} does not parse: {source}")]
    Json {
        /// Which row.
        what: String,
        /// Why.
        source: serde_json::Error,
    },
}

/// What a store needs before a command may read it, which only a writable open can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Its schema is older than this build's.
    Migration {
        /// Version found in the file.
        found: u32,
        /// The version this build writes.
        supported: u32,
    },
    /// Articles were stored that fusion has not taken in yet.
    Fusion {
        /// How many.
        articles: usize,
    },
}

impl std::fmt::Display for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pending::Migration { found, supported } => {
                write!(f, "a migration from schema version {found} to {supported}")
            }
            Pending::Fusion { articles } => write!(
                f,
                "fusion brought up to date ({articles} article{} not fused yet)",
                if *articles == 1 { "" } else { "s" }
            ),
        }
    }
}

/// What a command that only reads needs brought up to date before it reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadsFrom {
    /// The per-article records (articles, events, claims, control facts): the schema only.
    Articles,
    /// The fused events as well: fusion must have taken in every stored article.
    FusedEvents,
}

/// `tables: a, b, c, d and 4 more` for a list of table names (`no tables` when empty).
fn table_list(tables: &[String]) -> String {
    const SHOWN: usize = 4;
    match tables.len() {
        0 => "no tables".into(),
        n if n <= SHOWN => format!("tables: {}", tables.join(", ")),
        n => format!(
            "tables: {} and {} more",
            tables[..SHOWN].join(", "),
            n - SHOWN
        ),
    }
}

/// An SQLite error in a line: a statement it failed on is not repeated (a migration is long).
fn brief(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        e => e.to_string(),
    }
}

/// What an SQLite file holds.
enum Contents {
    /// No tables: a new or 0-byte file.
    Nothing,
    /// A sitrep store (or a database a newer sitrep wrote).
    Store,
    /// Another program's tables, by name.
    Other(Vec<String>),
}

/// Read what the file behind `conn` holds; an error naming `path` when it is no SQLite file.
fn contents(conn: &Connection, path: &Path) -> Result<Contents, StoreError> {
    let named = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotADatabase {
            path: path.display().to_string(),
        },
        _ => StoreError::Sqlite(e),
    };
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )
        .and_then(|mut stmt| stmt.query_map([], |r| r.get(0))?.collect())
        .map_err(named)?;
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(named)?;
    let has = |name: &str| tables.iter().any(|t| t == name);
    Ok(
        if tables.is_empty() && (version == 0 || version > SCHEMA_VERSION) {
            // (a version above this build's with no tables: written by a newer sitrep, refused as such)
            Contents::Nothing
        } else if version >= 1 && has("articles") && has("events") {
            Contents::Store
        } else {
            Contents::Other(tables)
        },
    )
}

/// Whether the write-ahead log beside the store at `path` holds pages not yet in the file.
fn wal_has_content(path: &Path) -> bool {
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    std::fs::metadata(wal).is_ok_and(|m| m.len() > 0)
}

/// An SQLite URI opening `path` as immutable (never changed while open: no locks, no `-shm`).
fn immutable_uri(path: &Path) -> String {
    let mut uri = String::from("file:");
    for c in path.to_string_lossy().chars() {
        match c {
            '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

/// Whether `e` says the file (or its directory) cannot be written.
fn is_unwritable(e: &StoreError) -> bool {
    let source = match e {
        StoreError::Sqlite(source)
        | StoreError::Open { source, .. }
        | StoreError::Migration { source, .. } => source,
        _ => return false,
    };
    matches!(
        source.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

/// The outcome of inserting one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored with its reading.
    New,
    /// An article with this id or the same content is already stored (its id); nothing changed.
    Duplicate(String),
    /// An article with this id but other text was stored (an updated report: a feed item
    /// whose toll rose); the new text replaced it and was read in its place (its events,
    /// claims and control facts), the text it replaced kept as an earlier version. Fusion must
    /// go again from it on ([`Store::refuse_from`]): the replaced events may be in fused events.
    Updated {
        /// The article.
        id: String,
        /// How many earlier versions of it are kept now.
        earlier_versions: usize,
        /// The user's splits and merges forgotten because they named an event the new text no
        /// longer tells (those on events it still tells follow them to their new ids).
        forgotten_decisions: usize,
    },
    /// An article with this id but other text is stored, published later than this text: this
    /// is an older version of it (an earlier feed snapshot read after a later one). It is kept
    /// as an earlier version; the stored text stays current.
    Older(String),
}

/// A sitrep database.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Open (creating or migrating) the database at `path`: an empty or missing file becomes a
    /// store; a file that is no SQLite database, or holds another program's tables, is refused.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.display().to_string(),
            source,
        })?;
        if let Contents::Other(tables) = contents(&conn, path)? {
            return Err(StoreError::NotAStore {
                path: path.display().to_string(),
                tables,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // (fusing against a large store reads its fused events here and there: a page read
        // once stays at hand)
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        Store::init(conn)
    }

    /// Open the store at `path` read-only (`SQLITE_OPEN_READ_ONLY`: a read-only file or
    /// directory will do), as it is: nothing is created, migrated or fused. A file that is no
    /// store (empty, another program's, not SQLite) is refused, naming it; so is a store whose
    /// schema is older than this build's ([`StoreError::ReadOnly`]: it needs a migration).
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let name = || path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let open_error = |source| StoreError::Open {
            path: name(),
            source,
        };
        let mut conn = Connection::open_with_flags(path, flags).map_err(open_error)?;
        let mut found = contents(&conn, path);
        if matches!(&found, Err(e) if is_unwritable(e)) && !wal_has_content(path) {
            // A store in WAL mode is read through its `-shm` index, which a read-only
            // directory cannot hold; with no write-ahead log beside it the file is the whole
            // store, and SQLite reads it as it is when told it will not change.
            conn = Connection::open_with_flags(
                immutable_uri(path),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )
            .map_err(open_error)?;
            found = contents(&conn, path);
        }
        match found? {
            Contents::Store => {}
            Contents::Nothing => return Err(StoreError::Empty { path: name() }),
            Contents::Other(tables) => {
                return Err(StoreError::NotAStore {
                    path: name(),
                    tables,
                })
            }
        }
        conn.busy_timeout(std::time::Duration::from_secs(BUSY_TIMEOUT_SECONDS))?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        let store = Store { conn };
        let found = store.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            return Err(StoreError::ReadOnly {
                path: name(),
                pending: Pending::Migration {
                    found,
                    supported: SCHEMA_VERSION,
                },
            });
        }
        Ok(store)
    }

    /// Open the store at `path` for a command that only reads (`reads`: the per-article
    /// records, or the fused events too). Read-only when it is up to date, as it is after any
    /// ingest; a store that needs a migration, or fusion of articles stored since the last run
    /// (for [`ReadsFrom::FusedEvents`]), is opened writable to do that first, and when it cannot
    /// be written that is [`StoreError::ReadOnly`], naming the file and what it needs.
    /// Nothing is ever created: an empty file or another program's is refused.
    pub fn open_to_read(path: impl AsRef<Path>, reads: ReadsFrom) -> Result<Store, StoreError> {
        let path = path.as_ref();
        let pending = match Store::open_read_only(path) {
            Ok(store) => match store.unfused_articles()? {
                articles if articles > 0 && reads == ReadsFrom::FusedEvents => {
                    Pending::Fusion { articles }
                }
                _ => return Ok(store),
            },
            Err(StoreError::ReadOnly { pending, .. }) => pending,
            Err(e) => return Err(e),
        };
        let brought_up_to_date = Store::open(path).and_then(|mut store| {
            if reads == ReadsFrom::FusedEvents {
                store.fuse()?;
            }
            Ok(store)
        });
        match brought_up_to_date {
            Err(e) if is_unwritable(&e) => Err(StoreError::ReadOnly {
                path: path.display().to_string(),
                pending,
            }),
            other => other,
        }
    }

    /// A database in memory (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store, StoreError> {
        // another writer (an ingest while the server takes a POST) is waited for, not an error
        conn.busy_timeout(std::time::Duration::from_secs(BUSY_TIMEOUT_SECONDS))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut conn)?;
        Ok(Store { conn })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Insert one article and its reading (its own transaction).
    pub fn insert(
        &mut self,
        article: &sitrep_model::Article,
        reading: &sitrep_model::Reading,
    ) -> Result<Inserted, StoreError> {
        let mut batch = self.batch()?;
        let inserted = batch.insert(article, reading)?;
        batch.commit()?;
        Ok(inserted)
    }

    /// Start a batch: many inserts in one transaction, committed by [`Batch::commit`]
    /// (dropped without commit, it rolls back).
    pub fn batch(&mut self) -> Result<Batch<'_>, StoreError> {
        Batch::new(self.conn.transaction()?)
    }

    /// The underlying connection, for ad-hoc queries.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// Apply the migrations newer than the database's `user_version`.
fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let found: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, (name, sql)) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)
            .map_err(|source| StoreError::Migration { name, source })?;
        tx.pragma_update(None, "user_version", i as u32 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
