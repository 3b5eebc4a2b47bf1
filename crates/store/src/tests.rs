//! Store tests on hand-made readings.

use super::*;
use chrono::NaiveDate;
use sitrep_model::*;

fn ev(text: &str, start: usize, rule: &str) -> Evidence {
    Evidence {
        article_id: "a1".into(),
        sentence: 0,
        span: Span::new(start, start + text.len()),
        text: text.into(),
        rule: rule.into(),
    }
}

fn event(id: &str, sub: SubEventType, date: &str, country: &str, salience: f32) -> Event {
    Event {
        id: id.into(),
        sub_event_type: sub,
        date: EventDate {
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            end: None,
            precision: DatePrecision::Day,
            evidence: Some(ev("on Monday", 30, "date:weekday")),
        },
        location: Some(PlaceRef {
            mention: "Aden".into(),
            name: "Aden".into(),
            country: Some(country.into()),
            country_code: Some("YE".into()),
            admin1: Some("Aden".into()),
            lat: Some(12.78),
            lon: Some(45.04),
            geo_precision: 1,
            evidence: Some(ev("Aden", 20, "gazetteer:415189")),
            ..Default::default()
        }),
        other_locations: vec![],
        destination: None,
        actor1: Some(ActorRef {
            name: "Military Forces of Yemen".into(),
            inter: 1,
            mention: "troops".into(),
            evidence: Some(ev("troops", 0, "actor:troops")),
        }),
        assoc_actor_1: vec![],
        actor2: None,
        assoc_actor_2: vec![],
        fatalities: 2,
        quantities: vec![Quantity {
            kind: QuantityKind::Killed,
            value: 2,
            lower_bound: false,
            approximate: false,
            side: None,
            tally: false,
            claim: Some(0),
            evidence: ev("two", 10, "number:word"),
        }],
        claims: vec![Claim {
            claimant: "a local official".into(),
            article_id: "a1".into(),
            sentence: "Troops ...".into(),
            ..Default::default()
        }],
        valid_until: None,
        civilian_targeting: false,
        tally: false,
        cues: vec![],
        confidence: 0.8,
        salience,
        notes: "Troops clashed in Aden.".into(),
        article_ids: vec![],
        sources: vec![],
        evidence: ev("clashed", 7, "trigger:clash"),
    }
}

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        source: Some("Wire".into()),
        origin: "test".into(),
        ..Default::default()
    }
}

#[test]
fn creates_schema_and_reopens_without_migrating_again() {
    let dir = std::env::temp_dir().join(format!("sitrep-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("s.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        store
            .insert(
                &article("a1", "Troops clashed in Aden."),
                &Reading::default(),
            )
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
    assert_eq!(
        store.article("a1").unwrap().unwrap().source.as_deref(),
        Some("Wire")
    );
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn newer_schema_is_refused() {
    let dir = std::env::temp_dir().join(format!("sitrep-store-newer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("n.db");
    let _ = std::fs::remove_file(&path);
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NewerSchema { found: 99, .. })
    ));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn same_id_or_same_content_is_a_duplicate() {
    let mut store = Store::open_in_memory().unwrap();
    let reading = Reading {
        events: vec![event(
            "a1-1",
            SubEventType::ArmedClash,
            "2020-05-04",
            "Yemen",
            1.0,
        )],
        ..Default::default()
    };
    assert_eq!(
        store
            .insert(&article("a1", "Troops clashed in Aden."), &reading)
            .unwrap(),
        Inserted::New
    );
    let before = store.counts().unwrap();
    assert_eq!(
        store
            .insert(&article("a1", "Other text."), &reading)
            .unwrap(),
        Inserted::Duplicate("a1".into())
    );
    assert_eq!(
        store
            .insert(&article("copy", "troops clashed in  ADEN"), &reading)
            .unwrap(),
        Inserted::Duplicate("a1".into())
    );
    assert_eq!(store.counts().unwrap(), before);
}

#[test]
fn events_rows_evidence_and_claims() {
    let mut store = Store::open_in_memory().unwrap();
    let reading = Reading {
        events: vec![
            event("a1-1", SubEventType::ArmedClash, "2020-05-04", "Yemen", 0.5),
            event("", SubEventType::AirDroneStrike, "2020-05-03", "Yemen", 0.9),
            event(
                "a1-3",
                SubEventType::NaturalDisaster,
                "2020-05-02",
                "Yemen",
                0.1,
            ),
        ],
        standalone_claims: vec![Claim {
            claimant: "the ministry".into(),
            polarity: Polarity::Denied,
            ..Default::default()
        }],
        ..Default::default()
    };
    let mut batch = store.batch().unwrap();
    batch
        .insert(&article("a1", "Troops clashed in Aden."), &reading)
        .unwrap();
    batch
        .insert(&article("a2", "A second report."), &Reading::default())
        .unwrap();
    batch.commit().unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(
        (counts.articles, counts.events, counts.conflict_events),
        (2, 3, 2)
    );
    // trigger, date, location, actor1, one quantity per event
    assert_eq!(counts.evidence, 15);
    assert_eq!(counts.claims, 4);
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[0].sub_event_type,
        SubEventType::AirDroneStrike,
        "most salient first"
    );
    assert_eq!(
        events[0].id, "a1#2",
        "an event without an id gets ARTICLE#ORDINAL"
    );
    assert_eq!(events[0].article_ids, vec!["a1".to_string()]);
    assert_eq!(events[0].sources, vec!["Wire".to_string()]);
    let all = store
        .events(&EventFilter {
            include_non_conflict: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(all.len(), 3);
    let from = NaiveDate::from_ymd_opt(2020, 5, 4);
    assert_eq!(
        store
            .events(&EventFilter {
                from,
                ..Default::default()
            })
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        store
            .events(&EventFilter {
                country: Some("ye".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        store
            .events(&EventFilter {
                country: Some("Syria".into()),
                ..Default::default()
            })
            .unwrap()
            .len(),
        0
    );
    let battles = EventFilter {
        event_type: Some("battles".into()),
        ..Default::default()
    };
    assert_eq!(
        store.events(&battles).unwrap()[0].sub_event_type,
        SubEventType::ArmedClash
    );
    let page = EventFilter {
        include_non_conflict: true,
        limit: Some(1),
        offset: 1,
        ..Default::default()
    };
    assert_eq!(
        store.events(&page).unwrap()[0].sub_event_type,
        SubEventType::ArmedClash
    );
    let evidence_fields: Vec<String> = store
        .connection()
        .prepare("SELECT field FROM evidence WHERE event_id = 'a1-1' ORDER BY rowid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        evidence_fields,
        ["trigger", "date", "location", "actor1", "quantity:killed"]
    );
}

#[test]
fn dropped_batch_rolls_back() {
    let mut store = Store::open_in_memory().unwrap();
    {
        let mut batch = store.batch().unwrap();
        batch
            .insert(&article("a1", "Text."), &Reading::default())
            .unwrap();
    }
    assert_eq!(store.counts().unwrap().articles, 0);
}

#[test]
fn control_facts_round_trip() {
    let mut store = Store::open_in_memory().unwrap();
    let fact = ControlFact {
        place: PlaceRef {
            name: "Baghuz".into(),
            ..Default::default()
        },
        controller: ActorRef {
            name: "SDF: Syrian Democratic Forces".into(),
            inter: 2,
            ..Default::default()
        },
        as_of: EventDate {
            date: NaiveDate::from_ymd_opt(2018, 5, 20),
            ..Default::default()
        },
        claim: None,
        evidence: ev("control", 0, "control:now_control"),
    };
    let reading = Reading {
        control: vec![fact.clone()],
        ..Default::default()
    };
    store
        .insert(&article("a1", "They now control Baghuz."), &reading)
        .unwrap();
    assert_eq!(store.control_facts().unwrap(), vec![fact]);
}
