//! Export tests on hand-made events.

use super::*;
use chrono::NaiveDate;
use sitrep_model::*;

fn ev(text: &str) -> Evidence {
    Evidence {
        article_id: "a1".into(),
        sentence: 0,
        span: Span::new(0, text.len()),
        text: text.into(),
        rule: "test".into(),
    }
}

fn actor(name: &str, inter: u8) -> ActorRef {
    ActorRef {
        name: name.into(),
        inter,
        mention: name.into(),
        evidence: None,
    }
}

fn event(sub: SubEventType) -> Event {
    Event {
        location: Some(PlaceRef {
            mention: "Maarat al-Numan".into(),
            name: "Ma'arrat an-Nu'man".into(),
            geonameid: Some(169304),
            lat: Some(f64::from(35.6433_f32)),
            lon: Some(36.6744),
            country_code: Some("SY".into()),
            country: Some("Syria".into()),
            admin1: Some("Idleb".into()),
            admin2: None,
            geo_precision: 1,
            where_prec: 1,
            ..Default::default()
        }),
        actor1: Some(actor("Military Forces of Syria (2000-)", 1)),
        assoc_actor_1: vec![
            actor("Military Forces of Russia (2000-)", 8),
            actor("Hezbollah", 3),
        ],
        actor2: Some(actor("Civilians (Syria)", 7)),
        fatalities: 3,
        claims: vec![Claim {
            claimant: "Syrian Observatory for Human Rights".into(),
            polarity: Polarity::Asserted,
            article_id: "a1".into(),
            sentence: "Three people died, the Observatory said, \"quoting\" residents.".into(),
            span: Span::new(19, 39),
            ..Default::default()
        }],
        civilian_targeting: true,
        cues: vec![Cue {
            rule: "trigger:airstrike".into(),
            text: "air strikes".into(),
            weight: 2.0,
        }],
        confidence: 0.9,
        notes: "Air strikes hit the town, killing three, \"witnesses\" said.".into(),
        article_ids: vec!["a1".into()],
        sources: vec!["Wire".into(), "Daily".into()],
        evidence: ev("air strikes"),
        ..Event::new(
            "a1#1",
            sub,
            EventDate::new(NaiveDate::from_ymd_opt(2020, 5, 4), DatePrecision::Week),
        )
    }
}

fn write(format: Format, events: &[Event], options: &ExportOptions) -> String {
    let mut out = Vec::new();
    write_events(format, events, options, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn acled_csv_columns_and_values() {
    let options = ExportOptions {
        timestamp: Some(1_600_000_000),
        ..Default::default()
    };
    let events = [
        event(SubEventType::AirDroneStrike),
        event(SubEventType::NaturalDisaster),
    ];
    let csv_text = write(Format::Acled, &events, &options);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        1,
        "non-conflict classes never go into the ACLED CSV"
    );
    let get =
        |name: &str| rows[0][ACLED_COLUMNS.iter().position(|c| *c == name).unwrap()].to_string();
    assert!(get("event_id_cnty").starts_with("SYR") && get("event_id_cnty").len() == 11);
    assert_eq!(get("event_date"), "2020-05-04");
    assert_eq!(get("year"), "2020");
    assert_eq!(get("time_precision"), "2");
    assert_eq!(get("disorder_type"), "Political violence");
    assert_eq!(get("event_type"), "Explosions/Remote violence");
    assert_eq!(get("sub_event_type"), "Air/drone strike");
    assert_eq!(
        get("assoc_actor_1"),
        "Military Forces of Russia (2000-); Hezbollah"
    );
    assert_eq!(
        (get("inter1"), get("inter2"), get("interaction")),
        ("1".into(), "7".into(), "17".into())
    );
    assert_eq!(get("civilian_targeting"), "Civilian targeting");
    assert_eq!(
        (get("iso"), get("region"), get("country")),
        ("760".into(), "Middle East".into(), "Syria".into())
    );
    assert_eq!(
        (get("latitude"), get("longitude")),
        ("35.6433".into(), "36.6744".into())
    );
    assert_eq!(get("source"), "Wire; Daily");
    assert_eq!(
        get("notes"),
        "Air strikes hit the town, killing three, \"witnesses\" said."
    );
    assert_eq!(get("fatalities"), "3");
    assert_eq!(get("timestamp"), "1600000000");
    assert_eq!(get("admin3"), "");
}

#[test]
fn interaction_codes() {
    assert_eq!(acled::interaction(Some(3), Some(1)), Some(13));
    assert_eq!(acled::interaction(Some(6), None), Some(60));
    assert_eq!(acled::interaction(None, None), None);
}

#[test]
fn jsonl_has_acled_names_and_extras() {
    let events = [
        event(SubEventType::AirDroneStrike),
        event(SubEventType::Diplomacy),
    ];
    let text = write(Format::Jsonl, &events, &ExportOptions::default());
    assert_eq!(text.lines().count(), 1);
    let all = write(
        Format::Jsonl,
        &events,
        &ExportOptions {
            include_non_conflict: true,
            ..Default::default()
        },
    );
    let lines: Vec<serde_json::Value> = all
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let v = &lines[0];
    for name in ACLED_COLUMNS {
        assert!(v.get(name).is_some(), "{name} missing");
    }
    assert_eq!(v["id"], "a1#1");
    assert_eq!(v["geonameid"], 169304);
    assert_eq!(v["date_precision"], "week");
    assert_eq!(v["claims"][0]["polarity"], "asserted");
    assert_eq!(v["claims"][0]["span"]["start"], 19);
    assert_eq!(v["cues"][0]["rule"], "trigger:airstrike");
    assert_eq!(lines[1]["event_type"], "Not a conflict event");
    assert_eq!(lines[1]["sub_event_type"], "Diplomacy");
}

#[test]
fn geojson_points_only_with_coordinates() {
    let mut no_place = event(SubEventType::ArmedClash);
    no_place.location = None;
    let text = write(
        Format::GeoJson,
        &[event(SubEventType::AirDroneStrike), no_place],
        &ExportOptions::default(),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 1);
    assert_eq!(features[0]["geometry"]["coordinates"][0], 36.6744);
    // a single-precision latitude is written as the properties write it, without its noise
    assert_eq!(features[0]["geometry"]["coordinates"][1], 35.6433);
    assert_eq!(
        features[0]["properties"]["sub_event_type"],
        "Air/drone strike"
    );
}

#[test]
fn table_lines_are_fixed_width() {
    let mut denied = event(SubEventType::ShellingArtilleryMissileAttack);
    denied.claims[0].polarity = Polarity::Denied;
    denied.claims[0].claimant = "the ministry".into();
    let text = write(
        Format::Table,
        &[event(SubEventType::AirDroneStrike), denied],
        &ExportOptions::default(),
    );
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("date       type"));
    assert!(
        lines[2].starts_with("2020-05-04 Explosions/Remo… Air/drone strike"),
        "{}",
        lines[2]
    );
    assert!(lines[3].contains("the ministry (denies)"));
    assert_eq!(lines[4], "2 events");
    let cut = |l: &str| l.chars().take(150).count();
    assert_eq!(cut(lines[2]), cut(lines[3]));
}

#[test]
fn format_names() {
    assert_eq!("ACLED".parse::<Format>().unwrap(), Format::Acled);
    assert!("xml".parse::<Format>().is_err());
    assert_eq!("parquet".parse::<Format>().unwrap(), Format::Parquet);
}

#[test]
fn an_undated_event_has_no_acled_row_but_stays_in_jsonl() {
    let dated = event(SubEventType::AirDroneStrike);
    let mut undated = event(SubEventType::AirDroneStrike);
    undated.id = "undated#1".into();
    undated.date.date = None;
    assert!(acled_exportable(&dated) && !acled_exportable(&undated));
    let both = [dated, undated];
    let csv = write(Format::Acled, &both, &ExportOptions::default());
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the dated row:\n{csv}"
    );
    let jsonl = write(Format::Jsonl, &both, &ExportOptions::default());
    assert_eq!(jsonl.lines().count(), 2);
    assert!(jsonl.contains("undated#1"));
}

#[test]
fn an_event_with_no_country_has_no_acled_row_but_stays_in_jsonl() {
    // ("UNK" ids, an empty country and no coordinates are no row ACLED's tools can use)
    let placed = event(SubEventType::Attack);
    let mut nowhere = event(SubEventType::Attack);
    nowhere.id = "nowhere#1".into();
    nowhere.location = None;
    let mut unresolved = event(SubEventType::Attack);
    unresolved.id = "unresolved#1".into();
    if let Some(p) = unresolved.location.as_mut() {
        p.country_code = None;
        p.country = None;
    }
    assert!(acled_exportable(&placed));
    assert!(!acled_exportable(&nowhere) && lacks_country(&nowhere));
    assert!(!acled_exportable(&unresolved));
    let all = [placed, nowhere, unresolved];
    let csv = write(Format::Acled, &all, &ExportOptions::default());
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the placed row:\n{csv}"
    );
    let jsonl = write(Format::Jsonl, &all, &ExportOptions::default());
    assert!(jsonl.contains("nowhere#1") && jsonl.contains("unresolved#1"));
}

#[test]
fn parquet_has_the_acled_rows_and_columns_typed() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;
    let options = ExportOptions {
        timestamp: Some(1_600_000_000),
        ..Default::default()
    };
    let mut undated = event(SubEventType::ArmedClash);
    undated.date.date = None;
    let events = [
        event(SubEventType::AirDroneStrike),
        event(SubEventType::NaturalDisaster),
        undated,
    ];
    let mut bytes = Vec::new();
    write_events(Format::Parquet, &events, &options, &mut bytes).unwrap();
    assert!(bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"));
    let path = std::env::temp_dir().join(format!("sitrep-export-{}.parquet", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    std::fs::remove_file(&path).unwrap();
    assert_eq!(
        rows.len(),
        1,
        "the ACLED CSV's rows: conflict events with a date"
    );
    let cells: Vec<(&String, &Field)> = rows[0].get_column_iter().collect();
    let names: Vec<&str> = cells.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ACLED_COLUMNS);
    let get = |name: &str| cells.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    let day = NaiveDate::from_ymd_opt(2020, 5, 4).unwrap();
    let epoch_days = day.signed_duration_since(NaiveDate::default()).num_days();
    assert_eq!(get("event_date"), Field::Date(epoch_days as i32));
    assert_eq!(get("year"), Field::Int(2020));
    assert_eq!(get("sub_event_type"), Field::Str("Air/drone strike".into()));
    assert_eq!(
        get("assoc_actor_1"),
        Field::Str("Military Forces of Russia (2000-); Hezbollah".into())
    );
    assert_eq!(get("interaction"), Field::Int(17));
    assert_eq!(get("iso"), Field::Int(760));
    assert_eq!(get("latitude"), Field::Double(35.6433));
    assert_eq!(get("fatalities"), Field::Long(3));
    assert_eq!(get("timestamp"), Field::Long(1_600_000_000));
    assert_eq!(get("admin3"), Field::Null, "an empty CSV cell is null");
    assert_eq!(get("admin2"), Field::Null);
}

#[test]
fn an_event_only_denied_has_no_acled_row() {
    let mut denied = event(SubEventType::ShellingArtilleryMissileAttack);
    for claim in &mut denied.claims {
        claim.polarity = Polarity::Denied;
    }
    assert!(!acled_exportable(&denied));
    let mut disputed = denied.clone();
    disputed.claims.push(Claim {
        claimant: "a monitor".into(),
        polarity: Polarity::Asserted,
        ..Default::default()
    });
    assert!(
        acled_exportable(&disputed),
        "a denial beside a report: a disputed event"
    );
}

#[test]
fn an_event_of_no_known_country_has_an_acled_shaped_id() {
    let mut e = event(SubEventType::AirDroneStrike);
    e.id = "F:https://levant.example.org/#1002#1".into();
    e.location = None;
    let row = acled_row(&e, &ExportOptions::default());
    assert!(
        row.event_id_cnty.starts_with("UNK"),
        "{}",
        row.event_id_cnty
    );
    assert_eq!(row.event_id_cnty.len(), 11);
}

#[test]
fn an_events_timestamp_is_when_its_latest_article_was_stored() {
    let mut fused = event(SubEventType::AirDroneStrike);
    fused.article_ids = vec!["a".into(), "b".into()];
    let lone = event(SubEventType::AirDroneStrike);
    let options = ExportOptions {
        timestamp: Some(1_700_000_000),
        article_times: [
            ("a".to_string(), 1_600_000_000),
            ("b".to_string(), 1_650_000_000),
        ]
        .into_iter()
        .collect(),
        ..Default::default()
    };
    let csv_text = write(Format::Acled, &[fused, lone], &options);
    let stamps: Vec<String> = csv_text
        .lines()
        .skip(1)
        .map(|l| l.rsplit(',').next().unwrap().to_string())
        .collect();
    // (an event whose articles are not known takes the export's own time)
    assert_eq!(stamps, ["1650000000", "1700000000"], "{csv_text}");
}
