//! Cost per 3 KB article: `cargo test --release -p sitrep-time --test bench -- --ignored --nocapture`.
//! With `SITREP_FAKES=/path/to/FA-KES-Dataset.csv` it also runs over every FA-KES article.

use std::time::Instant;

use sitrep_model::Span;

/// An article composed for this benchmark (not from any data set).
const ARTICLE: &str = include_str!("composed_article.txt");

fn read(text: &str) -> usize {
    let published = chrono::NaiveDate::from_ymd_opt(2018, 5, 22);
    sitrep_time::find_dates(text, Span::new(0, text.len()), published).len()
}

/// The `article_content` column of a CSV with quoted fields.
fn csv_column(csv: &str, column: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    let header = rows.first().cloned().unwrap_or_default();
    let Some(k) = header.iter().position(|h| h == column) else {
        return Vec::new();
    };
    rows.into_iter()
        .skip(1)
        .filter_map(|mut r| (k < r.len()).then(|| std::mem::take(&mut r[k])))
        .collect()
}

#[test]
#[ignore = "benchmark; run in release with --ignored --nocapture"]
fn cost_per_3kb_article() {
    let rounds = 2000;
    let mut found = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        found += read(std::hint::black_box(ARTICLE));
    }
    let us = t.elapsed().as_secs_f64() * 1e6 / (rounds as f64 * ARTICLE.len() as f64) * 3072.0;
    println!("sitrep-time composed article: {us:.1} µs per 3 KB (find_dates over the article; {} mentions/round)", found / rounds);
    assert!(found > 0);

    if let Ok(path) = std::env::var("SITREP_FAKES") {
        let csv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let articles = csv_column(&csv, "article_content");
        let bytes: usize = articles.iter().map(String::len).sum();
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            for a in &articles {
                n += read(a);
            }
        }
        let secs = t.elapsed().as_secs_f64() / 5.0;
        println!(
            "sitrep-time FA-KES: {} articles, {:.0} KB, {:.1} µs per 3 KB, {:.0} articles/s ({} items)",
            articles.len(),
            bytes as f64 / 1024.0,
            secs * 1e6 / bytes as f64 * 3072.0,
            articles.len() as f64 / secs,
            n / 5
        );
        let _ = Span::default();
    }
}
