//! End-to-end runs on the real evaluation files in `../shared/data` (ignored by default:
//! a user's clone lacks them). Run with
//! `cargo test -p sitrep-eval --release -- --ignored --nocapture`; `SITREP_DATA` overrides the folder.

use std::path::PathBuf;
use std::time::Instant;

use sitrep_eval::{
    eval_acled, eval_case, eval_seeds, load_acled, load_case, score_acled, score_case, AcledRow,
};
use sitrep_extract::Reader;
use sitrep_model::{ActorRef, DatePrecision, Event, EventDate, PlaceRef, Reading};

fn data() -> PathBuf {
    std::env::var_os("SITREP_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

#[test]
#[ignore = "needs ../shared/data"]
fn acled_dev_file() {
    let reader = Reader::new();
    let started = Instant::now();
    let report = eval_acled(&data().join("acled/acled-2020-dev.csv"), &reader).unwrap();
    let total = started.elapsed();
    println!("{report}");
    println!("{}", serde_json::to_string(&report).unwrap());
    println!(
        "acled: {:.3} s in all, {:.3} s reading",
        total.as_secs_f64(),
        report.seconds
    );
    assert_eq!(report.n, 2524);
    assert_eq!(report.fields.len(), 15);
    assert!(report.actor2_n > 0 && report.actor2_n < report.n);
    let rows: usize = report.event_type_confusion.rows.iter().flatten().sum();
    assert_eq!(rows, report.n);
    let lines = report.to_string().lines().count();
    assert!(lines <= 110, "display has {lines} lines");
}

#[test]
#[ignore = "needs ../shared/data"]
fn case_dev_file() {
    let reader = Reader::new();
    let started = Instant::now();
    let report = eval_case(&data().join("case2021/task2-dev.tsv"), &reader).unwrap();
    let total = started.elapsed();
    println!("{report}");
    println!("{}", serde_json::to_string(&report).unwrap());
    println!(
        "case: {:.3} s in all, {:.3} s reading",
        total.as_secs_f64(),
        report.seconds
    );
    assert_eq!(report.n, 509);
    assert!(report.acled_n > 0 && report.acled_n < report.n);
    let support: usize = report.labels.iter().map(|l| l.support).sum();
    assert_eq!(support, report.n);
}

#[test]
#[ignore = "needs ../shared/data"]
fn seeds_folder() {
    let reader = Reader::new();
    let started = Instant::now();
    let report = eval_seeds(&data().join("seeds"), &reader).unwrap();
    let total = started.elapsed();
    println!("{report}");
    println!("{}", serde_json::to_string(&report).unwrap());
    println!(
        "seeds: {:.3} s in all, {:.3} s reading",
        total.as_secs_f64(),
        report.seconds
    );
    assert_eq!(report.must_sub_event_total, 6);
    assert_eq!(report.should_total, 2);
    assert_eq!(report.claims.len(), 1);
    assert_eq!(
        (report.control_must_total, report.control_should_total),
        (2, 3)
    );
    assert_eq!(report.boilerplate_total, 3);
    assert_eq!(report.not_events_total, 3);
}

/// A reading that says exactly what the coder wrote: the yardstick must give it 100%.
fn oracle(row: &AcledRow) -> Reading {
    let actor = |name: &str| {
        (!name.is_empty()).then(|| ActorRef {
            name: name.to_string(),
            ..Default::default()
        })
    };
    let event = Event {
        location: Some(PlaceRef {
            name: row.location.clone(),
            lat: Some(row.latitude),
            lon: Some(row.longitude),
            country: Some(row.country.clone()),
            admin1: Some(row.admin1.clone()),
            geo_precision: row.geo_precision,
            ..Default::default()
        }),
        actor1: actor(&row.actor1),
        actor2: actor(&row.actor2),
        fatalities: row.fatalities,
        notes: row.notes.clone(),
        article_ids: vec![row.id.clone()],
        ..Event::new(
            format!("{}#0", row.id),
            row.sub_event_type.unwrap(),
            EventDate {
                date: Some(row.event_date),
                end: None,
                precision: match row.time_precision {
                    1 => DatePrecision::Day,
                    2 => DatePrecision::Week,
                    _ => DatePrecision::Month,
                },
                evidence: None,
            },
        )
    };
    Reading {
        article_id: row.id.clone(),
        events: vec![event],
        ..Default::default()
    }
}

#[test]
#[ignore = "needs ../shared/data"]
fn oracle_readings_score_everything_right() {
    let rows = load_acled(&data().join("acled/acled-2020-dev.csv")).unwrap();
    let readings: Vec<Reading> = rows.iter().map(oracle).collect();
    let report = score_acled(&rows, &readings, "oracle", 0.0);
    for f in &report.fields {
        assert_eq!(f.accuracy, 1.0, "{}: {:?}", f.field, f.misses);
    }
    assert_eq!((report.events_per_note, report.no_event_share), (1.0, 0.0));

    let snippets = load_case(&data().join("case2021/task2-dev.tsv")).unwrap();
    let gold: Vec<&str> = snippets.iter().map(|s| s.label.case_label()).collect();
    let report = score_case(&snippets, &gold, "oracle", 0.0);
    assert_eq!(
        (
            report.weighted_f1,
            report.macro_f1,
            report.acled_weighted_f1
        ),
        (1.0, 1.0, 1.0)
    );
}
