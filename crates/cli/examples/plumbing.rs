//! The cost of the plumbing alone: parse a corpus (sitrep-ingest) and store every article
//! with an empty reading (sitrep-store), no reader involved.
//!
//! ```text
//! cargo run --release -p sitrep --example plumbing -- FA-KES-Dataset.csv \
//!     text=article_content date=date id=unit_id title=article_title source=source
//! ```

use sitrep_ingest::{ingest, CsvColumns, IngestOptions};
use sitrep_model::Reading;
use sitrep_store::{Inserted, Store};
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
            Some(("title", v)) => csv.title = Some(v.into()),
            Some(("source", v)) => csv.source = Some(v.into()),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let options = IngestOptions {
        csv,
        ..Default::default()
    };
    let t = Instant::now();
    let (mut articles, mut failed) = (Vec::new(), 0);
    for item in ingest(&paths, &options) {
        match item {
            Ok(a) => articles.push(a),
            Err(_) => failed += 1,
        }
    }
    let parse = t.elapsed().as_secs_f64();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let db = std::env::temp_dir().join(format!("sitrep-plumbing-{}.db", std::process::id()));
    let t = Instant::now();
    let mut store = Store::open(&db).expect("temporary database");
    let mut batch = store.batch().expect("transaction");
    let mut new = 0;
    for a in &articles {
        let reading = Reading {
            article_id: a.id.clone(),
            ..Default::default()
        };
        if batch.insert(a, &reading).expect("insert") == Inserted::New {
            new += 1;
        }
    }
    batch.commit().expect("commit");
    let store_s = t.elapsed().as_secs_f64();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let n = articles.len() as f64;
    println!(
        "{} articles ({:.2} MB, {failed} failed): parse {:.3} s ({:.0} articles/s), store {:.3} s ({new} new, {:.0} articles/s), together {:.0} articles/s",
        articles.len(),
        bytes as f64 / 1e6,
        parse,
        n / parse,
        store_s,
        n / store_s,
        n / (parse + store_s)
    );
}
