//! Measurement against the ACLED dev export (not part of the normal test run):
//! how often the coded actor1 / actor2 is among the actors `find` reads in the note.
//!
//! `cargo test --release -p sitrep-actors --test acled_eval -- --ignored --nocapture`
//! (set `SITREP_ACLED_CSV` to another export; skipped when the file is absent).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use sitrep_actors::ActorDictionary;
use sitrep_model::Span;

fn csv_path() -> PathBuf {
    std::env::var_os("SITREP_ACLED_CSV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/acled/acled-2020-dev.csv")
        })
}

#[test]
#[ignore = "reads the ACLED dev export from ../shared"]
fn acled_actor_presence() {
    let path = csv_path();
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let dict = ActorDictionary::embedded();
    let mut reader = csv::Reader::from_path(&path).expect("csv opens");
    let headers = reader.headers().expect("header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (c_notes, c_country) = (col("notes"), col("country"));
    let (c_a1, c_a2, c_i1, c_i2) = (col("actor1"), col("actor2"), col("inter1"), col("inter2"));

    let (mut rows, mut a1_hit, mut a2_rows, mut a2_hit) = (0usize, 0usize, 0usize, 0usize);
    let (mut a1_inter_ok, mut a1_named_hit, mut a1_named_rows) = (0usize, 0usize, 0usize);
    let mut misses: HashMap<String, usize> = HashMap::new();
    // Rows whose note names no actor at all (ceasefire-violation tallies).
    let mut a1_nothing = 0usize;
    // Found by `find` alone (without event words that imply an actor).
    let mut a1_find_only = 0usize;
    let with_implied = std::env::var_os("SITREP_NO_IMPLIED").is_none();
    // Protesters and rioters differ by the event (violent or not), not by the words:
    // counted as found when the other one of the pair is.
    let mut a1_swap_hit = 0usize;
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut by_kind: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut notes: Vec<(String, String)> = Vec::new();
    let show = std::env::var("SITREP_SHOW_MISSES").ok();
    for rec in reader.records() {
        let rec = rec.expect("row");
        let (note, country) = (&rec[c_notes], &rec[c_country]);
        notes.push((note.to_string(), country.to_string()));
        let within = Span::new(0, note.len());
        let mut found = dict.find(note, within, Some(country));
        if found.iter().any(|m| m.actor.name == rec[c_a1]) {
            a1_find_only += 1;
        }
        if with_implied {
            found.extend(dict.find_implied(note, within, Some(country)));
        }
        let has = |name: &str| found.iter().any(|m| m.actor.name == name);
        let (a1, a2) = (&rec[c_a1], &rec[c_a2]);
        rows += 1;
        for a in [a1, a2] {
            if !a.is_empty() {
                *counts.entry(a.to_string()).or_default() += 1;
            }
        }
        let kind = kind_of(a1);
        let slot = by_kind.entry(kind).or_default();
        slot.0 += 1;
        if kind == "named" {
            a1_named_rows += 1;
        }
        let swapped = a1
            .strip_prefix("Rioters ")
            .map(|c| format!("Protesters {c}"))
            .or_else(|| {
                a1.strip_prefix("Protesters ")
                    .map(|c| format!("Rioters {c}"))
            });
        if has(a1) || swapped.as_deref().is_some_and(has) {
            a1_swap_hit += 1;
        }
        if has(a1) {
            a1_hit += 1;
            slot.1 += 1;
            if kind == "named" {
                a1_named_hit += 1;
            }
            let inter: u8 = rec[c_i1].parse().unwrap_or(0);
            if found
                .iter()
                .any(|m| m.actor.name == a1 && m.actor.inter == inter)
            {
                a1_inter_ok += 1;
            }
        } else {
            *misses.entry(a1.to_string()).or_default() += 1;
            if found.is_empty() {
                a1_nothing += 1;
            }
            if show
                .as_deref()
                .is_some_and(|s| a1.contains(s) || (s == "named" && kind == "named"))
            {
                let got: Vec<_> = found.iter().map(|m| m.actor.name.as_str()).collect();
                println!("MISS {a1} | {country} | {got:?}\n    {note}");
            }
        }
        if !a2.is_empty() {
            a2_rows += 1;
            if has(a2) {
                a2_hit += 1;
            } else {
                let _ = &rec[c_i2];
                *misses.entry(format!("(2) {a2}")).or_default() += 1;
                if show.as_deref().is_some_and(|s| a2.contains(s)) {
                    let got: Vec<_> = found.iter().map(|m| m.actor.name.as_str()).collect();
                    println!("MISS2 {a2} | {country} | {got:?}\n    {note}");
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("rows {rows}");
    println!(
        "actor1 present, find only (no implied actors): {a1_find_only}/{rows} = {:.1}%",
        pct(a1_find_only, rows)
    );
    println!("find + find_implied (SITREP_NO_IMPLIED unset: {with_implied}):");
    println!(
        "actor1 present: {a1_hit}/{rows} = {:.1}%",
        pct(a1_hit, rows)
    );
    println!(
        "actor1 present, notes naming some actor: {a1_hit}/{} = {:.1}% ({a1_nothing} notes name none)",
        rows - a1_nothing,
        pct(a1_hit, rows - a1_nothing)
    );
    println!(
        "actor1 present, protesters/rioters as one: {a1_swap_hit}/{rows} = {:.1}%",
        pct(a1_swap_hit, rows)
    );
    println!(
        "actor1 present with ACLED's inter: {a1_inter_ok}/{rows} = {:.1}%",
        pct(a1_inter_ok, rows)
    );
    println!(
        "actor1 present, named (non-template) actors: {a1_named_hit}/{a1_named_rows} = {:.1}%",
        pct(a1_named_hit, a1_named_rows)
    );
    println!(
        "actor2 present (where coded): {a2_hit}/{a2_rows} = {:.1}%",
        pct(a2_hit, a2_rows)
    );
    for (k, (n, h)) in &by_kind {
        println!("  actor1 {k:<12} {h}/{n} = {:.1}%", pct(*h, *n));
    }
    let frequent: Vec<_> = counts.iter().filter(|(_, &n)| n >= 3).collect();
    let missing: Vec<_> = frequent
        .iter()
        .filter(|(name, _)| dict.by_name(name).is_none())
        .map(|(name, n)| format!("{name} ({n})"))
        .collect();
    println!(
        "actors with 3+ rows: {}, in the dictionary: {}, missing: {missing:?}",
        frequent.len(),
        frequent.len() - missing.len()
    );
    let mut misses: Vec<_> = misses.into_iter().collect();
    misses.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("most missed:");
    for (name, n) in misses.iter().take(25) {
        println!("  {n:>4}  {name}");
    }

    // Throughput: notes joined into ~3 KB articles.
    let mut articles: Vec<(String, String)> = Vec::new();
    let mut cur = String::new();
    for (note, country) in &notes {
        cur.push_str(note);
        cur.push(' ');
        if cur.len() >= 3000 {
            articles.push((std::mem::take(&mut cur), country.clone()));
        }
    }
    let t = Instant::now();
    let mut total = 0usize;
    for _ in 0..5 {
        for (a, c) in &articles {
            total += dict.find(a, Span::new(0, a.len()), Some(c)).len();
            total += dict.find_implied(a, Span::new(0, a.len()), Some(c)).len();
            total += dict.find_sources(a, Span::new(0, a.len()), None).len();
        }
    }
    let per = t.elapsed().as_secs_f64() / (5 * articles.len()) as f64;
    println!(
        "find + find_implied + find_sources on {} articles of ~3 KB: {:.3} ms per article ({total} mentions)",
        articles.len(),
        per * 1e3
    );
    assert!(frequent.len() >= 200, "the export has its usual actors");
    assert!(
        missing.is_empty(),
        "actors with 3+ rows missing from the dictionary: {missing:?}"
    );
}

fn kind_of(name: &str) -> &'static str {
    for (prefix, kind) in [
        ("Protesters", "protesters"),
        ("Rioters", "rioters"),
        ("Civilians", "civilians"),
        ("Unidentified", "unidentified"),
        ("Military Forces of", "military"),
        ("Police Forces of", "police"),
        ("Government of", "government"),
    ] {
        if name.starts_with(prefix) {
            return kind;
        }
    }
    "named"
}

/// Throughput on real articles: FA-KES (804 Syrian war articles), one core.
/// `cargo test --release -p sitrep-actors --test acled_eval fakes -- --ignored --nocapture`
#[test]
#[ignore = "reads FA-KES from ../shared"]
fn fakes_throughput() {
    let path = std::env::var_os("SITREP_FAKES_CSV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/fakes/FA-KES-Dataset.csv")
        });
    if !path.exists() {
        eprintln!("skipped: {} not found", path.display());
        return;
    }
    let mut reader = csv::Reader::from_path(&path).expect("csv opens");
    let headers = reader.headers().expect("header").clone();
    let col = headers
        .iter()
        .position(|h| h == "article_content")
        .expect("article_content");
    let articles: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[col].to_string())
        .collect();
    let t0 = Instant::now();
    let dict = ActorDictionary::embedded();
    println!(
        "dictionary built in {:.1} ms ({} entries)",
        t0.elapsed().as_secs_f64() * 1e3,
        dict.entries().len()
    );
    let bytes: usize = articles.iter().map(String::len).sum();
    let t = Instant::now();
    let (mut actors, mut generic, mut implied, mut sources) = (0usize, 0usize, 0usize, 0usize);
    for a in &articles {
        let mut found = dict.find(a, Span::new(0, a.len()), Some("Syria"));
        found.extend(dict.find_implied(a, Span::new(0, a.len()), Some("Syria")));
        actors += found.len();
        generic += found.iter().filter(|m| m.generic).count();
        implied += found.iter().filter(|m| m.implied).count();
        sources += dict.find_sources(a, Span::new(0, a.len()), None).len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "FA-KES: {} articles, {:.0} bytes each on average: {:.3} ms per article ({:.0} articles/s); \
         {actors} actor mentions ({generic} generic, {implied} implied), {sources} claimants",
        articles.len(),
        bytes as f64 / articles.len() as f64,
        secs * 1e3 / articles.len() as f64,
        articles.len() as f64 / secs
    );
    assert!(actors > articles.len(), "Syrian war articles name actors");
}
