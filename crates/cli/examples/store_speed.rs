//! Where the store's time goes with real readings: read a corpus once (untimed), then time
//! serialising the events alone and inserting everything in one transaction.
//!
//! ```text
//! cargo run --release -p sitrep --example store_speed -- FA-KES-Dataset.csv \
//!     text=article_content date=date id=unit_id
//! ```

use sitrep_extract::Reader;
use sitrep_ingest::{ingest, CsvColumns, IngestOptions};
use sitrep_store::Store;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut paths = Vec::new();
    let mut csv = CsvColumns::default();
    for arg in std::env::args().skip(1) {
        match arg.split_once('=') {
            Some(("text", v)) => csv.text = Some(v.into()),
            Some(("date", v)) => csv.date = Some(v.into()),
            Some(("id", v)) => csv.id = Some(v.into()),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let options = IngestOptions {
        csv,
        ..Default::default()
    };
    let articles: Vec<_> = ingest(&paths, &options).filter_map(Result::ok).collect();
    let reader = Reader::new();
    let readings: Vec<_> = articles
        .iter()
        .filter_map(|a| {
            std::panic::catch_unwind(|| reader.read(a))
                .ok()
                .map(|r| (a, r))
        })
        .collect();
    let events: usize = readings.iter().map(|(_, r)| r.events.len()).sum();
    let t = Instant::now();
    let mut json_bytes = 0;
    for (_, r) in &readings {
        for e in &r.events {
            json_bytes += serde_json::to_string(e).map_or(0, |s| s.len());
        }
    }
    let json_s = t.elapsed().as_secs_f64();
    let db = std::env::temp_dir().join(format!("sitrep-store-speed-{}.db", std::process::id()));
    let mut store = Store::open(&db).expect("temporary database");
    let t = Instant::now();
    let mut batch = store.batch().expect("transaction");
    for (a, r) in &readings {
        batch.insert(a, r).expect("insert");
    }
    batch.commit().expect("commit");
    let store_s = t.elapsed().as_secs_f64();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!(
        "{} articles, {events} events: serialising events {:.3} s ({:.1} MB JSON), whole insert {:.3} s ({:.3} ms/article)",
        readings.len(),
        json_s,
        json_bytes as f64 / 1e6,
        store_s,
        1000.0 * store_s / readings.len().max(1) as f64
    );
}
