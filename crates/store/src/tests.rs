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
        actor1: Some(ActorRef {
            name: "Military Forces of Yemen".into(),
            inter: 1,
            mention: "troops".into(),
            evidence: Some(ev("troops", 0, "actor:troops")),
        }),
        fatalities: 2,
        quantities: vec![Quantity {
            kind: QuantityKind::Killed,
            value: 2,
            lower_bound: false,
            approximate: false,
            vague: false,
            side: None,
            side_class: None,
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
        confidence: 0.8,
        salience,
        notes: "Troops clashed in Aden.".into(),
        evidence: ev("clashed", 7, "trigger:clash"),
        ..Event::new(
            id,
            sub,
            EventDate {
                date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                end: None,
                precision: DatePrecision::Day,
                evidence: Some(ev("on Monday", 30, "date:weekday")),
            },
        )
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
            .insert(&article("a1", "Troops clashed in Aden."), &reading)
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

/// Rows in each table that holds what was read from an article.
fn reading_rows(store: &Store) -> Vec<(&'static str, i64)> {
    [
        "events",
        "evidence",
        "claims",
        "control_facts",
        "event_actors",
        "event_text",
        "article_versions",
    ]
    .into_iter()
    .map(|t| {
        let n = store
            .connection()
            .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
            .unwrap();
        (t, n)
    })
    .collect()
}

#[test]
fn an_update_replaces_the_reading_and_keeps_the_earlier_text() {
    let mut store = Store::open_in_memory().unwrap();
    let dated = |id: &str, text: &str, day: u32| Article {
        published: NaiveDate::from_ymd_opt(2020, 5, day),
        ..article(id, text)
    };
    let first = dated("a1", "Troops clashed in Aden; four were killed.", 4);
    let mut reading = indexed_reading();
    reading.control = vec![ControlFact {
        place: PlaceRef {
            name: "Aden".into(),
            ..Default::default()
        },
        controller: actor("Southern Transitional Council"),
        as_of: EventDate::default(),
        claim: None,
        evidence: Evidence::default(),
    }];
    assert_eq!(store.insert(&first, &reading).unwrap(), Inserted::New);
    store
        .insert(
            &article("other", "Shelling hit Taiz."),
            &reading_of("other"),
        )
        .unwrap();
    let before = reading_rows(&store);
    // the update: one event instead of the first reading's, no control fact
    let second = dated("a1", "Troops clashed in Aden; six were killed.", 4);
    let updated = Reading {
        events: vec![event(
            "",
            SubEventType::ArmedClash,
            "2020-05-03",
            "Yemen",
            1.0,
        )],
        ..Default::default()
    };
    assert_eq!(
        store.insert(&second, &updated).unwrap(),
        Inserted::Updated {
            id: "a1".into(),
            earlier_versions: 1,
            forgotten_decisions: 0,
        }
    );
    let after = reading_rows(&store);
    let rows = |r: &[(&str, i64)], t: &str| r.iter().find(|(n, _)| *n == t).unwrap().1;
    let others = reading_rows_of_other(&store);
    assert_eq!(
        rows(&after, "events"),
        1 + others.0,
        "{before:?} -> {after:?}"
    );
    assert_eq!(rows(&after, "control_facts"), others.1);
    assert_eq!(
        rows(&after, "claims"),
        others.2 + updated.events[0].claims.len() as i64
    );
    assert_eq!(rows(&after, "article_versions"), 1);
    let text: String = store
        .connection()
        .query_row("SELECT text FROM articles WHERE id = 'a1'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(text, second.text);
    // what the index rows of the replaced events said is gone: nothing names their actors
    let orphans: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM event_actors WHERE event_id NOT IN (SELECT id FROM events)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    // the first text again changes nothing; an older one (published earlier) is only kept;
    // a text another article has is that article's duplicate
    assert_eq!(
        store.insert(&first, &reading).unwrap(),
        Inserted::Duplicate("a1".into())
    );
    let stale = dated("a1", "Troops clashed in Aden.", 3);
    assert_eq!(
        store.insert(&stale, &reading).unwrap(),
        Inserted::Older("a1".into())
    );
    assert_eq!(
        store
            .insert(&article("a1", "Shelling hit Taiz."), &reading)
            .unwrap(),
        Inserted::Duplicate("other".into())
    );
    let last = reading_rows(&store);
    assert_eq!(rows(&last, "events"), rows(&after, "events"));
    assert_eq!(rows(&last, "article_versions"), 2);
    // the first text republished after the second (a correction withdrawn): current again
    let reverted = dated("a1", "Troops clashed in Aden; four were killed.", 5);
    assert_eq!(
        store.insert(&reverted, &reading).unwrap(),
        Inserted::Updated {
            id: "a1".into(),
            earlier_versions: 2,
            forgotten_decisions: 0,
        }
    );
    let (text, published): (String, String) = store
        .connection()
        .query_row(
            "SELECT text, published FROM articles WHERE id = 'a1'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (text.as_str(), published.as_str()),
        (first.text.as_str(), "2020-05-05")
    );
    let kept: Vec<String> = store
        .connection()
        .prepare("SELECT text FROM article_versions WHERE article_id = 'a1' ORDER BY text")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(kept, [stale.text.clone(), second.text.clone()]);
}

/// A second article's own reading, to see that an update leaves it alone.
fn reading_of(id: &str) -> Reading {
    Reading {
        article_id: id.into(),
        events: vec![event(
            &format!("{id}#1"),
            SubEventType::ShellingArtilleryMissileAttack,
            "2020-05-02",
            "Yemen",
            1.0,
        )],
        standalone_claims: vec![Claim {
            claimant: "the ministry".into(),
            article_id: id.into(),
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// Events, control facts and claims of the article `other`.
fn reading_rows_of_other(store: &Store) -> (i64, i64, i64) {
    let count = |sql: &str| -> i64 { store.connection().query_row(sql, [], |r| r.get(0)).unwrap() };
    (
        count("SELECT COUNT(*) FROM events WHERE article_id = 'other'"),
        count("SELECT COUNT(*) FROM control_facts WHERE article_id = 'other'"),
        count("SELECT COUNT(*) FROM claims WHERE article_id = 'other'"),
    )
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
    let dates: Vec<_> = events.iter().map(|e| e.date.date).collect();
    assert!(
        dates.windows(2).all(|w| w[0] >= w[1]),
        "newest first: {dates:?}"
    );
    let strike = events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .unwrap();
    assert_eq!(
        strike.id, "a1#2",
        "an event without an id gets ARTICLE#ORDINAL"
    );
    assert_eq!(strike.article_ids, vec!["a1".to_string()]);
    assert_eq!(strike.sources, vec!["Wire".to_string()]);
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
        store.events(&page).unwrap()[0].id,
        all[1].id,
        "a page is a slice of the listing"
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

/// The ids of the per-article events (aliased `e`) meeting a condition, sorted.
fn ids_where(
    store: &Store,
    condition: Result<(String, Vec<rusqlite::types::Value>), StoreError>,
) -> Vec<String> {
    let (condition, args) = condition.unwrap();
    let sql = format!("SELECT e.id FROM events e WHERE {condition} ORDER BY e.id");
    let mut stmt = store.connection().prepare(&sql).unwrap();
    let ids = stmt
        .query_map(rusqlite::params_from_iter(args), |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    ids
}

fn actor(name: &str) -> ActorRef {
    ActorRef {
        name: name.into(),
        inter: 1,
        mention: name.into(),
        evidence: None,
    }
}

/// Three events whose actors and words differ (composed for these tests).
fn indexed_reading() -> Reading {
    let mut shelling = event(
        "x-1",
        SubEventType::ShellingArtilleryMissileAttack,
        "2021-02-01",
        "Yemen",
        0.9,
    );
    shelling.actor2 = Some(actor("Civilians (Yemen)"));
    shelling.assoc_actor_1 = vec![actor("Giants Brigades"), actor("Giants Brigades")];
    shelling.notes = "Shells fell on the 50% rebuilt \"old market\" of Aden.".into();
    let mut protest = event(
        "x-2",
        SubEventType::PeacefulProtest,
        "2021-02-02",
        "Yemen",
        0.5,
    );
    protest.actor1 = Some(actor("Protesters (Yemen)"));
    protest.assoc_actor_2 = vec![actor("Teachers (Yemen)")];
    protest.notes = "Teachers marched for unpaid salaries.".into();
    if let Some(place) = protest.location.as_mut() {
        place.name = "Mukalla".into();
    }
    let mut quiet = event("x-3", SubEventType::ArmedClash, "2021-02-03", "Yemen", 0.1);
    quiet.actor1 = None;
    quiet.notes = String::new();
    Reading {
        events: vec![shelling, protest, quiet],
        ..Default::default()
    }
}

#[test]
fn actor_index_finds_every_role_by_part_of_a_name() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert(&article("x", "Composed report."), &indexed_reading())
        .unwrap();
    let found = |part: &str| ids_where(&store, store.actor_name_condition(part));
    assert_eq!(found("military forces"), ["x-1"], "actor1, any case");
    assert_eq!(found("civilians"), ["x-1"], "actor2");
    assert_eq!(
        found("giants"),
        ["x-1"],
        "associated actor of side 1, listed twice"
    );
    assert_eq!(found("teachers"), ["x-2"], "associated actor of side 2");
    assert_eq!(found("(yemen)"), ["x-1", "x-2"]);
    assert!(found("police").is_empty());
    assert!(found("%").is_empty(), "LIKE wildcards are literal");
    let names: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM actor_names", [], |r| r.get(0))
        .unwrap();
    assert_eq!(names, 5, "each name stored once");
}

#[test]
fn text_index_finds_parts_of_notes_and_place_names() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert(&article("x", "Composed report."), &indexed_reading())
        .unwrap();
    let found = |text: &str| ids_where(&store, store.event_text_condition(text));
    assert_eq!(found("OLD MARKET"), ["x-1"], "a phrase, any case");
    assert_eq!(found("arched for unp"), ["x-2"], "parts of words");
    assert_eq!(found("mukalla"), ["x-2"], "the place name");
    assert_eq!(
        found("aden"),
        ["x-1", "x-3"],
        "the place name of both, the notes of one"
    );
    assert_eq!(found("\"old market\""), ["x-1"], "double quotes are text");
    assert_eq!(
        found("50%"),
        ["x-1"],
        "a short text with a LIKE wildcard, literal"
    );
    assert!(found("5%").is_empty());
    assert_eq!(
        found("uk"),
        ["x-2"],
        "two characters: looked for without the trigram index"
    );
    assert!(found("market old").is_empty(), "the words in their order");
}

#[test]
fn migration_3_replaces_serve_indexes_and_backfills_actors_and_text() {
    let dir = std::env::temp_dir().join(format!("sitrep-store-v2-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("v2.db");
    let _ = std::fs::remove_file(&path);
    {
        // A version 2 store, as written before the read indexes, with the index an earlier
        // `sitrep serve` added at open.
        let conn = rusqlite::Connection::open(&path).unwrap();
        for (_, sql) in &MIGRATIONS[..2] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "CREATE INDEX serve_events_by_location ON events(location, country_code)",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO articles (id, content_hash, text, origin, ingested_at) VALUES ('x', 'h', 'Composed report.', 'test', 'now')",
            [],
        )
        .unwrap();
        for (ordinal, e) in indexed_reading().events.iter().enumerate() {
            let place = e.location.as_ref().unwrap();
            conn.execute(
                "INSERT INTO events (id, article_id, ordinal, sub_event_type, event_type, is_conflict,
                    precision, location, fatalities, confidence, salience, json)
                 VALUES (?1, 'x', ?2, ?3, ?4, 1, 'day', ?5, 0, 0.5, 0.5, ?6)",
                rusqlite::params![
                    e.id,
                    ordinal as i64,
                    e.sub_event_type.acled_name(),
                    e.sub_event_type.event_type().acled_name(),
                    place.name,
                    serde_json::to_string(e).unwrap()
                ],
            )
            .unwrap();
        }
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let index_names: Vec<String> = store
        .connection()
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        !index_names.iter().any(|n| n.starts_with("serve_")),
        "{index_names:?}"
    );
    assert!(index_names.contains(&"events_by_location".to_string()));
    assert_eq!(
        ids_where(&store, store.actor_name_condition("giants")),
        ["x-1"]
    );
    assert_eq!(
        ids_where(&store, store.actor_name_condition("TEACHERS")),
        ["x-2"]
    );
    assert_eq!(
        ids_where(&store, store.actor_name_condition("yemen")),
        ["x-1", "x-2"]
    );
    assert_eq!(
        ids_where(&store, store.event_text_condition("unpaid")),
        ["x-2"]
    );
    assert_eq!(
        ids_where(&store, store.event_text_condition("aden")),
        ["x-1", "x-3"]
    );
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn small_sets_are_looked_up_large_ones_scanned_with_the_same_answer() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .insert(&article("x", "Composed report."), &indexed_reading())
        .unwrap();
    // Twenty more events naming the army in Aden: "giants" and "mukalla" are now rare.
    let many = Reading {
        events: (0..20)
            .map(|i| {
                event(
                    &format!("y-{i}"),
                    SubEventType::ArmedClash,
                    "2021-03-01",
                    "Yemen",
                    0.5,
                )
            })
            .collect(),
        ..Default::default()
    };
    store
        .insert(&article("y", "Another composed report."), &many)
        .unwrap();
    let form = |c: Result<(String, Vec<rusqlite::types::Value>), StoreError>| c.unwrap().0;
    assert!(form(store.actor_name_condition("giants")).starts_with("e.id IN"));
    assert!(form(store.event_text_condition("mukalla")).starts_with("e.id IN"));
    assert!(form(store.actor_name_condition("military")).starts_with("+e.id IN"));
    assert!(form(store.event_text_condition("aden")).starts_with("+e.id IN"));
    assert_eq!(
        ids_where(&store, store.actor_name_condition("giants")),
        ["x-1"]
    );
    assert_eq!(
        ids_where(&store, store.event_text_condition("mukalla")),
        ["x-2"]
    );
    assert_eq!(
        ids_where(&store, store.actor_name_condition("military")).len(),
        21
    );
    assert_eq!(
        ids_where(&store, store.event_text_condition("aden")).len(),
        22
    );
}

/// A scratch directory for one test, empty.
fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A store on disk with two articles, fused.
fn fused_store_at(path: &std::path::Path) {
    let mut store = Store::open(path).unwrap();
    store
        .insert(
            &article("r1", "Militia fighters raided a depot outside Aden."),
            &Reading::default(),
        )
        .unwrap();
    store
        .insert(
            &article("r2", "A curfew was declared in the port city."),
            &Reading::default(),
        )
        .unwrap();
    store.fuse().unwrap();
}

#[test]
fn an_up_to_date_store_is_read_through_a_read_only_connection() {
    let dir = scratch_dir("readonly");
    let path = dir.join("s.db");
    fused_store_at(&path);
    let store = Store::open_read_only(&path).unwrap();
    assert!(store.connection().is_readonly("main").unwrap());
    assert_eq!(store.counts().unwrap().articles, 2);
    assert_eq!(store.unfused_articles().unwrap(), 0);
    for reads in [ReadsFrom::Articles, ReadsFrom::FusedEvents] {
        let store = Store::open_to_read(&path, reads).unwrap();
        assert!(
            store.connection().is_readonly("main").unwrap(),
            "{reads:?}: nothing to bring up to date, so nothing is opened for writing"
        );
        store.fused_events(&EventFilter::default()).unwrap();
    }
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_store_needing_fusion_says_so_read_only_and_is_fused_when_writable() {
    let dir = scratch_dir("pending");
    let path = dir.join("s.db");
    fused_store_at(&path);
    Store::open(&path)
        .unwrap()
        .insert(
            &article("r3", "Two aid workers were detained at a checkpoint."),
            &Reading::default(),
        )
        .unwrap();
    // read-only, the store can tell what it lacks, and cannot fuse
    let mut read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(read_only.unfused_articles().unwrap(), 1);
    assert!(is_unwritable(&read_only.fuse().unwrap_err()));
    drop(read_only);
    // the per-article records need no fusion
    let articles = Store::open_to_read(&path, ReadsFrom::Articles).unwrap();
    assert!(articles.connection().is_readonly("main").unwrap());
    drop(articles);
    // a writable file is fused before the fused events are read
    let fused = Store::open_to_read(&path, ReadsFrom::FusedEvents).unwrap();
    assert_eq!(fused.unfused_articles().unwrap(), 0);
    drop(fused);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_older_schema_needs_a_migration_that_a_read_only_open_names() {
    let dir = scratch_dir("older");
    let path = dir.join("s.db");
    fused_store_at(&path);
    Store::open(&path)
        .unwrap()
        .connection()
        .pragma_update(None, "user_version", SCHEMA_VERSION - 1)
        .unwrap();
    let Err(e) = Store::open_read_only(&path) else {
        panic!("an older schema opened read-only")
    };
    assert!(
        matches!(&e, StoreError::ReadOnly { pending: Pending::Migration { found, .. }, .. } if *found == SCHEMA_VERSION - 1),
        "{e:?}"
    );
    let message = e.to_string();
    assert!(message.starts_with(&format!("{} is read-only", path.display())));
    assert!(message.contains("sitrep fuse --db"), "{message}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn another_programs_database_is_refused_and_left_as_it_was() {
    let dir = scratch_dir("foreign");
    let path = dir.join("contacts.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for table in ["people", "addresses", "notes", "tags", "groups", "articles"] {
            conn.execute_batch(&format!(
                "CREATE TABLE {table} (id INTEGER PRIMARY KEY, v TEXT)"
            ))
            .unwrap();
        }
    }
    for result in [
        Store::open(&path),
        Store::open_read_only(&path),
        Store::open_to_read(&path, ReadsFrom::FusedEvents),
    ] {
        let Err(e) = result else {
            panic!("another program's database opened as a store")
        };
        assert_eq!(
            e.to_string(),
            format!(
                "{} is not a sitrep store (it has tables: addresses, articles, groups, notes and 2 more); give another --db",
                path.display()
            )
        );
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tables, 6, "nothing of sitrep's schema was added");
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 0);
    drop(conn);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_empty_file_becomes_a_store_only_when_opened_to_write() {
    let dir = scratch_dir("empty");
    let path = dir.join("new.db");
    std::fs::write(&path, b"").unwrap();
    let Err(e) = Store::open_to_read(&path, ReadsFrom::FusedEvents) else {
        panic!("an empty file read as a store")
    };
    assert!(matches!(e, StoreError::Empty { .. }), "{e:?}");
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        0,
        "nothing written"
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    drop(store);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_file_that_is_no_sqlite_database_is_named() {
    let dir = scratch_dir("notdb");
    let path = dir.join("reports.db");
    std::fs::write(
        &path,
        "id,date,text\nx1,2023-03-03,A bridge was blown up.\n",
    )
    .unwrap();
    for result in [Store::open(&path), Store::open_read_only(&path)] {
        let Err(e) = result else {
            panic!("a CSV file opened as a database")
        };
        assert_eq!(
            e.to_string(),
            format!("{} is not an SQLite database", path.display())
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_path_becomes_an_immutable_uri_with_its_reserved_characters_escaped() {
    assert_eq!(
        immutable_uri(Path::new("/data/a?b#c%d.db")),
        "file:/data/a%3Fb%23c%25d.db?immutable=1"
    );
}
