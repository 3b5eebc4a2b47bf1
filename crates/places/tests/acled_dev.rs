//! Evaluation against the ACLED dev sample (not part of the normal test run):
//! `cargo test -p sitrep-places --release -- --ignored acled_dev --nocapture`.
//! Reads `$ACLED_DEV` or `../shared/data/acled/acled-2020-dev.csv`; skips when absent.

use sitrep_model::Span;
use sitrep_places::normalise::name_key;
use sitrep_places::Gazetteer;

fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Sentences split crudely on ". ".
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Span::new(start, i + 1));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

#[test]
#[ignore]
fn acled_dev() {
    let path = std::env::var("ACLED_DEV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/acled/acled-2020-dev.csv"
        )
        .to_owned()
    });
    let Ok(mut rdr) = csv::Reader::from_path(&path) else {
        eprintln!("{path} not found: skipped");
        return;
    };
    let show = std::env::var("ACLED_SHOW").ok();
    let t0 = std::time::Instant::now();
    let gaz = Gazetteer::embedded();
    let load = t0.elapsed();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (c_country, c_admin1, c_lat, c_lon, c_prec, c_notes, c_loc) = (
        col("country"),
        col("admin1"),
        col("latitude"),
        col("longitude"),
        col("geo_precision"),
        col("notes"),
        col("location"),
    );
    let (mut n, mut some, mut country_ok, mut admin1_ok, mut km25, mut km5, mut prec_ok) =
        (0, 0, 0, 0, 0, 0, 0);
    let mut read_time = std::time::Duration::ZERO;
    let mut oracle25 = 0usize;
    let mut confusion = [[0usize; 3]; 3];
    let mut bytes = 0usize;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        let notes = &rec[c_notes];
        n += 1;
        bytes += notes.len();
        let t = std::time::Instant::now();
        let places = gaz.read_places(notes, &sentences(notes));
        read_time += t.elapsed();
        let Some(p) = places.primary() else {
            if show.as_deref() == Some("miss") {
                println!("NONE [{}] {}", &rec[c_loc], notes);
            }
            continue;
        };
        some += 1;
        let gold = (
            rec[c_lat].parse::<f64>().unwrap(),
            rec[c_lon].parse::<f64>().unwrap(),
        );
        let c_good = p.place.country.as_deref() == Some(&rec[c_country]);
        country_ok += usize::from(c_good);
        let gold_a1 = name_key(&rec[c_admin1]);
        let a1_good = p.place.admin1.as_deref().is_some_and(|a| {
            name_key(a) == gold_a1
                || gaz
                    .admin1_aliases(p.place.country_code.as_deref().unwrap_or(""), a)
                    .iter()
                    .any(|al| name_key(al) == gold_a1)
        });
        admin1_ok += usize::from(a1_good);
        let d = match (p.place.lat, p.place.lon) {
            (Some(la), Some(lo)) => haversine_km(gold, (la, lo)),
            _ => f64::INFINITY,
        };
        km25 += usize::from(d <= 25.0);
        let any_near = places
            .mentions
            .iter()
            .any(|m| match (m.place.lat, m.place.lon) {
                (Some(la), Some(lo)) => haversine_km(gold, (la, lo)) <= 25.0,
                _ => false,
            });
        oracle25 += usize::from(any_near);
        if show.as_deref() == Some("choice") && any_near && d > 25.0 {
            println!(
                "CHOICE [{}] got {:?} | {}",
                &rec[c_loc], p.place.mention, notes
            );
        }
        km5 += usize::from(d <= 5.0);
        prec_ok += usize::from(rec[c_prec] == p.place.geo_precision.to_string());
        if let (Ok(g), true) = (
            rec[c_prec].parse::<usize>(),
            (1..=3).contains(&p.place.geo_precision),
        ) {
            if (1..=3).contains(&g) {
                confusion[g - 1][usize::from(p.place.geo_precision) - 1] += 1;
            }
        }
        let bad = match show.as_deref() {
            Some("country") => !c_good,
            Some("far") => d > 25.0,
            Some("admin1") => !a1_good,
            _ => false,
        };
        if bad {
            println!(
                "[{} / {} / {}] got {:?} {:?} {:?} {:?} {:.0}km | {}",
                &rec[c_loc],
                &rec[c_admin1],
                &rec[c_country],
                p.place.mention,
                p.place.name,
                p.place.admin1,
                p.place.country,
                d,
                notes
            );
        }
    }
    let r = |k: usize| k as f64 / n as f64;
    println!("load {load:?}; {n} notes, {some} with a primary place");
    println!(
        "country {:.3}  admin1 {:.3}  <=25km {:.3}  <=5km {:.3}  geo_precision {:.3}",
        r(country_ok),
        r(admin1_ok),
        r(km25),
        r(km5),
        r(prec_ok)
    );
    println!("geo_precision rows = ACLED 1..3, columns = ours 1..3: {confusion:?}");
    println!(
        "some mention within 25 km (upper bound for primary()): {:.3}",
        r(oracle25)
    );
    println!(
        "read_places: {:.1} us/note, {:.2} us/KB",
        read_time.as_secs_f64() * 1e6 / n as f64,
        read_time.as_secs_f64() * 1e6 / (bytes as f64 / 1024.0)
    );
}

/// Throughput on full articles: `cargo test -p sitrep-places --release -- --ignored fakes_throughput --nocapture`
/// (reads `$FAKES_CSV` or `../shared/data/fakes/FA-KES-Dataset.csv`; skips when absent).
#[test]
#[ignore]
fn fakes_throughput() {
    let path = std::env::var("FAKES_CSV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/fakes/FA-KES-Dataset.csv"
        )
        .to_owned()
    });
    let Ok(mut rdr) = csv::Reader::from_path(&path) else {
        eprintln!("{path} not found: skipped");
        return;
    };
    let gaz = Gazetteer::embedded();
    let texts: Vec<String> = rdr
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(2).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let t = std::time::Instant::now();
    let mut mentions = 0;
    let mut syria = 0;
    for text in &texts {
        let p = gaz.read_places(text, &sentences(text));
        mentions += p.mentions.len();
        syria += usize::from(p.main_country.as_deref() == Some("SY"));
    }
    let el = t.elapsed();
    println!(
        "{} articles, {:.1} KB avg: {:.3} ms/article, {:.0} articles/s, {} mentions, main country Syria in {}",
        texts.len(),
        bytes as f64 / texts.len() as f64 / 1024.0,
        el.as_secs_f64() * 1e3 / texts.len() as f64,
        texts.len() as f64 / el.as_secs_f64(),
        mentions,
        syria
    );
}
