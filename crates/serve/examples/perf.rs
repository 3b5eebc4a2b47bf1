//! Synthesize a store of many events and time the API on it (through the router, no network):
//! `cargo run --release -p sitrep-serve --example perf -- /tmp/perf.db 100000`
//! The store is created when the file does not exist (5 events per article, 8 countries,
//! two years, composed sentences) and fused, so the same file can then be served for browser
//! timings. The routes list fused events unless `dedup=0`.

use axum::body::Body;
use axum::http::Request;
use chrono::{Days, NaiveDate};
use http_body_util::BodyExt;
use sitrep_model::*;
use sitrep_serve::{router, AppState};
use sitrep_store::Store;
use std::time::Instant;
use tower::ServiceExt;

/// Country code, name, admin1, centre latitude and longitude.
const AREAS: [(&str, &str, &str, f64, f64); 8] = [
    ("SY", "Syria", "Idlib", 35.9, 36.6),
    ("SY", "Syria", "Daraa", 32.7, 36.1),
    ("NG", "Nigeria", "Borno", 11.8, 13.2),
    ("MX", "Mexico", "Guerrero", 17.5, -99.5),
    ("YE", "Yemen", "Taizz", 13.6, 44.0),
    ("SO", "Somalia", "Banaadir", 2.0, 45.3),
    ("ML", "Mali", "Mopti", 14.5, -4.2),
    ("UA", "Ukraine", "Donetsk", 48.0, 37.8),
];
const ACTORS: [&str; 5] = [
    "Military Forces of Syria (2000-)",
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
    "Unidentified Armed Group",
    "Protesters",
    "Police Forces",
];

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
}

fn synthesize(path: &str, events: usize) {
    let mut store = Store::open(path).expect("store");
    let mut rng = Lcg(7);
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let mut batch = store.batch().expect("batch");
    let per_article = 5;
    for a in 0..events.div_ceil(per_article) {
        let text = format!(
            "Report {a}. Fighting was reported in the district on Monday, officials said. \
             Residents said several houses were damaged and {} people were killed.",
            rng.next() % 9
        );
        let article = Article {
            id: format!("synthetic-{a}"),
            title: Some(format!("Synthetic report {a}")),
            text: text.clone(),
            published: start.checked_add_days(Days::new(rng.next() % 730)),
            source: Some(["Wire A", "Wire B", "Wire C"][a % 3].into()),
            origin: "perf".into(),
            ..Default::default()
        };
        let mut reading = Reading {
            article_id: article.id.clone(),
            ..Default::default()
        };
        for k in 0..per_article.min(events - a * per_article) {
            let (cc, country, admin1, lat, lon) = AREAS[(rng.next() % 8) as usize];
            let sub = SubEventType::ALL[(rng.next() % 25) as usize];
            let place = PlaceRef {
                mention: format!("Place {}", rng.next() % 400),
                name: format!("{admin1} place {}", rng.next() % 50),
                country: Some(country.into()),
                country_code: Some(cc.into()),
                admin1: Some(admin1.into()),
                lat: Some(lat + rng.unit() * 2.0 - 1.0),
                lon: Some(lon + rng.unit() * 2.0 - 1.0),
                geo_precision: 1,
                ..Default::default()
            };
            let evidence = Evidence {
                article_id: article.id.clone(),
                sentence: 1,
                span: Span::new(
                    text.find("Fighting").unwrap(),
                    text.find("Fighting").unwrap() + 8,
                ),
                text: "Fighting".into(),
                rule: "trigger:fighting".into(),
            };
            reading.events.push(Event {
                location: Some(place),
                actor1: Some(ActorRef {
                    name: ACTORS[(rng.next() % 5) as usize].into(),
                    inter: 1,
                    mention: "forces".into(),
                    evidence: None,
                }),
                fatalities: if rng.next().is_multiple_of(3) {
                    rng.next() % 30
                } else {
                    0
                },
                claims: vec![Claim {
                    claimant: ["Observatory", "Officials", "Residents"][(rng.next() % 3) as usize]
                        .into(),
                    article_id: article.id.clone(),
                    sentence_index: 1,
                    sentence: "Fighting was reported in the district on Monday, officials said."
                        .into(),
                    ..Default::default()
                }],
                confidence: 0.8,
                salience: 1.0 - k as f32 * 0.1,
                notes: text.clone(),
                article_ids: vec![article.id.clone()],
                evidence,
                ..Event::new(
                    format!("synthetic-{a}#{}", k + 1),
                    sub,
                    EventDate {
                        date: start.checked_add_days(Days::new(rng.next() % 730)),
                        ..Default::default()
                    },
                )
            });
        }
        batch.insert(&article, &reading).expect("insert");
    }
    batch.commit().expect("commit");
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map_or("/tmp/sitrep-perf.db", String::as_str)
        .to_string();
    let events: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    if !std::path::Path::new(&path).exists() {
        let t = Instant::now();
        synthesize(&path, events);
        println!(
            "synthesized {events} events into {path} in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    let t = Instant::now();
    let mut store = Store::open(&path).expect("store");
    println!(
        "opened (migrated when older) in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    // as `sitrep serve` does on start: the fused view (the API's default) is read from it
    let t = Instant::now();
    let run = store.fuse().expect("fusion");
    println!(
        "fused {} unfused articles in {:.1} s",
        run.articles,
        t.elapsed().as_secs_f64()
    );
    let app = router(AppState::new(store, None), 1 << 20);
    let queries = [
        "/api/meta",
        "/api/events?limit=50",
        "/api/events?country=SY&from=2021-03-01&to=2021-06-30&type=Battles&limit=50",
        "/api/events?bbox=35,32,37,34&limit=50&offset=100",
        "/api/events?admin1=Borno&sub_type=Armed%20clash&limit=50",
        "/api/events?actor=boko&limit=50",
        "/api/events?actor=no%20such%20actor&limit=50",
        "/api/events?actor=police&country=NG&from=2021-01-01&limit=50",
        "/api/events/points?actor=boko&limit=100000",
        "/api/events?q=houses&country=ML&limit=50",
        "/api/events?q=houses&limit=50",
        "/api/events?q=Report%204711.&limit=50",
        "/api/events?q=Idlib%20place%207&limit=50",
        "/api/events?q=idlib&limit=50",
        "/api/events?q=no%20such%20words&limit=50",
        "/api/events?q=zz&limit=50",
        "/api/timeline?q=Report%204711.",
        "/api/events/points?limit=100000",
        "/api/events/points?country=NG&from=2021-01-01&limit=100000",
        "/api/timeline",
        "/api/timeline?type=Protests",
        "/api/stories?from=2021-01-01&limit=50",
        "/api/events?dedup=0&limit=50",
        "/api/events?dedup=0&actor=boko&limit=50",
        "/api/events?dedup=0&q=houses&limit=50",
        "/api/timeline?dedup=0",
        "/api/places?limit=50",
        "/api/events/synthetic-17%232",
        "/api/export/acled?country=SY&from=2021-03-01&to=2021-03-31",
    ];
    println!(
        "{:<80} {:>9} {:>9} {:>10}",
        "request", "median ms", "max ms", "bytes"
    );
    for q in queries {
        let mut times = Vec::new();
        let mut bytes = 0;
        for _ in 0..9 {
            let t = Instant::now();
            let response = app
                .clone()
                .oneshot(Request::get(q).body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert!(response.status().is_success(), "{q}: {}", response.status());
            bytes = response
                .into_body()
                .collect()
                .await
                .unwrap()
                .to_bytes()
                .len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{q:<80} {:>9.1} {:>9.1} {bytes:>10}",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
