//! API tests: every route on a hand-made store, through the router (no network).

use super::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::NaiveDate;
use http_body_util::BodyExt;
use serde_json::Value;
use sitrep_model::*;
use tower::ServiceExt;

/// An article whose text has multi-byte characters before the reported facts.
const TEXT_SY: &str = "Résumé — “Daraa”: Shelling killed four people in Busra al-Harir on Monday, \
the monitor said. The army denied the shelling. A local council said six people were killed.";
const TEXT_NG: &str = "Gunmen abducted 12 farmers near Maiduguri on 3 March, police said.";

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).expect("needle in text");
    Span::new(start, start + needle.len())
}

fn evidence(article: &str, text: &str, needle: &str, rule: &str) -> Evidence {
    Evidence {
        article_id: article.into(),
        sentence: 1,
        span: span_of(text, needle),
        text: needle.into(),
        rule: rule.into(),
    }
}

fn place(name: &str, country: &str, code: &str, admin1: &str, lat: f64, lon: f64) -> PlaceRef {
    PlaceRef {
        mention: name.into(),
        name: name.into(),
        country: Some(country.into()),
        country_code: Some(code.into()),
        admin1: Some(admin1.into()),
        lat: Some(lat),
        lon: Some(lon),
        geo_precision: 1,
        ..Default::default()
    }
}

fn claim(article: &str, text: &str, claimant: &str, polarity: Polarity, cue: &str) -> Claim {
    let span = span_of(text, cue);
    Claim {
        claimant: claimant.into(),
        claimant_kind: ClaimantKind::Monitor,
        polarity,
        hedged: false,
        article_id: article.into(),
        sentence_index: 1,
        sentence: cue.into(),
        span,
    }
}

#[allow(clippy::too_many_arguments)]
fn event(
    id: &str,
    article: &str,
    text: &str,
    sub: SubEventType,
    date: &str,
    location: PlaceRef,
    actor1: &str,
    fatalities: u64,
) -> Event {
    Event {
        location: Some(location),
        actor1: Some(ActorRef {
            name: actor1.into(),
            inter: 1,
            mention: actor1.into(),
            evidence: None,
        }),
        fatalities,
        confidence: 0.9,
        notes: text.into(),
        article_ids: vec![article.into()],
        evidence: Evidence {
            article_id: article.into(),
            sentence: 0,
            span: Span::default(),
            text: String::new(),
            rule: String::new(),
        },
        ..Event::new(
            id,
            sub,
            EventDate::new(
                NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
                DatePrecision::Day,
            ),
        )
    }
}

fn sample_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    // Syria: shelling asserted by a monitor with four killed, denied by the army, six per a council.
    let sy = Article {
        id: "sy-1".into(),
        title: Some("Shelling in Daraa".into()),
        text: TEXT_SY.into(),
        published: NaiveDate::from_ymd_opt(2021, 7, 20),
        source: Some("Levant Wire".into()),
        origin: "test".into(),
        ..Default::default()
    };
    let mut shelling = event(
        "sy-1#1",
        "sy-1",
        "Shelling killed four people in Busra al-Harir.",
        SubEventType::ShellingArtilleryMissileAttack,
        "2021-07-19",
        place("Busra al-Harir", "Syria", "SY", "Daraa", 32.84, 36.34),
        "Military Forces of Syria (2000-)",
        4,
    );
    shelling.evidence = evidence("sy-1", TEXT_SY, "Shelling", "trigger:shelling");
    shelling.location.as_mut().unwrap().evidence =
        Some(evidence("sy-1", TEXT_SY, "Busra al-Harir", "gazetteer:1"));
    shelling.claims = vec![
        claim(
            "sy-1",
            TEXT_SY,
            "Syrian Observatory for Human Rights",
            Polarity::Asserted,
            "the monitor said",
        ),
        claim(
            "sy-1",
            TEXT_SY,
            "Military Forces of Syria",
            Polarity::Denied,
            "The army denied",
        ),
        claim(
            "sy-1",
            TEXT_SY,
            "Local council",
            Polarity::Asserted,
            "A local council said",
        ),
    ];
    shelling.quantities = vec![
        Quantity {
            kind: QuantityKind::Killed,
            value: 4,
            lower_bound: false,
            approximate: false,
            vague: false,
            side: None,
            side_class: None,
            tally: false,
            claim: Some(0),
            evidence: evidence("sy-1", TEXT_SY, "four", "number:word"),
        },
        Quantity {
            kind: QuantityKind::Killed,
            value: 6,
            lower_bound: false,
            approximate: false,
            vague: false,
            side: Some("people".into()),
            side_class: None,
            tally: false,
            claim: Some(2),
            evidence: evidence("sy-1", TEXT_SY, "six", "number:word"),
        },
    ];
    let control = ControlFact {
        place: place("Busra al-Harir", "Syria", "SY", "Daraa", 32.84, 36.34),
        controller: ActorRef {
            name: "Military Forces of Syria (2000-)".into(),
            inter: 1,
            mention: "the army".into(),
            evidence: None,
        },
        as_of: EventDate {
            date: NaiveDate::from_ymd_opt(2021, 7, 19),
            ..Default::default()
        },
        claim: None,
        evidence: evidence("sy-1", TEXT_SY, "The army", "control:statement"),
    };
    let reading = Reading {
        article_id: "sy-1".into(),
        events: vec![shelling],
        control: vec![control],
        ..Default::default()
    };
    store.insert(&sy, &reading).unwrap();
    // Nigeria: an abduction, and a natural disaster (non-conflict) on another day.
    let ng = Article {
        id: "ng-1".into(),
        title: Some("Farmers abducted".into()),
        text: TEXT_NG.into(),
        published: NaiveDate::from_ymd_opt(2021, 3, 4),
        source: Some("Lake Chad Daily".into()),
        origin: "test".into(),
        ..Default::default()
    };
    let mut abduction = event(
        "ng-1#1",
        "ng-1",
        "Gunmen abducted 12 farmers near Maiduguri.",
        SubEventType::AbductionForcedDisappearance,
        "2021-03-03",
        place("Maiduguri", "Nigeria", "NG", "Borno", 11.85, 13.16),
        "Unidentified Armed Group (Nigeria)",
        0,
    );
    abduction.claims = vec![claim(
        "ng-1",
        TEXT_NG,
        "Police Forces of Nigeria",
        Polarity::Asserted,
        "police said",
    )];
    let flood = event(
        "ng-1#2",
        "ng-1",
        "Floods.",
        SubEventType::NaturalDisaster,
        "2021-03-02",
        place("Maiduguri", "Nigeria", "NG", "Borno", 11.85, 13.16),
        "",
        0,
    );
    let reading = Reading {
        article_id: "ng-1".into(),
        events: vec![abduction, flood],
        ..Default::default()
    };
    store.insert(&ng, &reading).unwrap();
    store.fuse().unwrap();
    store
}

fn app(token: Option<&str>, max_body: usize) -> Router {
    router(
        AppState::new(sample_store(), token.map(str::to_string)),
        max_body,
    )
}

async fn call(
    app: &Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

async fn get(app: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = call(app, Request::get(uri).body(Body::empty()).unwrap()).await;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string());
    assert_eq!(content_type.as_deref(), Some("application/json"), "{uri}");
    (status, serde_json::from_slice(&body).unwrap())
}

async fn get_ok(app: &Router, uri: &str) -> Value {
    let (status, body) = get(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    body
}

async fn get_err(app: &Router, uri: &str, expected: StatusCode) -> String {
    let (status, body) = get(app, uri).await;
    assert_eq!(status, expected, "{uri}: {body}");
    body["error"]
        .as_str()
        .expect("an error message")
        .to_string()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn meta_lists_counts_types_countries() {
    let app = app(None, 1024);
    let meta = get_ok(&app, "/api/meta").await;
    assert_eq!(meta["counts"]["articles"], 2);
    assert_eq!(meta["counts"]["conflict_events"], 2);
    assert_eq!(meta["first_date"], "2021-03-03");
    assert_eq!(meta["last_date"], "2021-07-19");
    assert_eq!(meta["event_types"][0]["name"], "Battles");
    assert_eq!(meta["event_types"].as_array().unwrap().len(), 7);
    assert_eq!(meta["countries"].as_array().unwrap().len(), 2);
    assert_eq!(meta["ingest_enabled"], false);
    get_err(&app, "/api/meta?x=1", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn events_filters() {
    let app = app(None, 1024);
    let all = get_ok(&app, "/api/events?dedup=0").await;
    assert_eq!(all["total"], 2);
    assert_eq!(
        ids(&all),
        ["sy-1#1", "ng-1#1"],
        "newest first, non-conflict left out"
    );
    let fused = get_ok(&app, "/api/events").await;
    assert_eq!(
        (ids(&fused), fused["unit"].as_str()),
        (
            vec!["F:sy-1#1".into(), "F:ng-1#1".into()],
            Some("fused_events")
        ),
        "fused events by default"
    );
    assert_eq!(get_ok(&app, "/api/events?all=1&dedup=0").await["total"], 3);
    let cases = [
        ("type=Explosions%2FRemote%20violence", vec!["sy-1#1"]),
        ("type=battles", vec![]),
        (
            "sub_type=Abduction%2Fforced%20disappearance",
            vec!["ng-1#1"],
        ),
        ("country=Syria", vec!["sy-1#1"]),
        ("country=ng", vec!["ng-1#1"]),
        ("admin1=borno", vec!["ng-1#1"]),
        ("from=2021-07-01", vec!["sy-1#1"]),
        ("to=2021-03-03", vec!["ng-1#1"]),
        ("from=2021-03-03&to=2021-03-03", vec!["ng-1#1"]),
        ("bbox=35,32,37,34", vec!["sy-1#1"]),
        ("bbox=10,10,14,12", vec!["ng-1#1"]),
        ("actor=armed%20group", vec!["ng-1#1"]),
        ("claimant=observatory", vec!["sy-1#1"]),
        ("claimant=police", vec!["ng-1#1"]),
        ("q=farmers", vec!["ng-1#1"]),
        ("q=busra", vec!["sy-1#1"]),
        ("q=100%25", vec![]),
        ("actor=SYRIA%20(2000", vec!["sy-1#1"]),
        ("actor=nigeria", vec!["ng-1#1"]),
        ("actor=nigeria&country=SY", vec![]),
        ("actor=_", vec![]),
        ("q=MAIDUGURI", vec!["ng-1#1"]),
        ("q=12%20farmers%20near", vec!["ng-1#1"]),
        ("q=farmers%20gunmen", vec![]),
        ("q=ra%20al-H", vec!["sy-1#1"]),
        ("q=bu", vec!["sy-1#1"]),
        ("q=%22", vec![]),
        ("q=maiduguri&from=2021-07-01", vec![]),
        ("country=SY&type=Battles", vec![]),
    ];
    // the same filters on reports and on fused events (here each report its own event)
    for (unit, prefix) in [("dedup=0&", ""), ("", "F:")] {
        for (query, expected) in &cases {
            let page = get_ok(&app, &format!("/api/events?{unit}{query}")).await;
            let expected: Vec<String> = expected.iter().map(|id| format!("{prefix}{id}")).collect();
            assert_eq!(ids(&page), expected, "{unit}{query}");
            assert_eq!(page["total"], expected.len(), "{unit}{query}");
        }
    }
    // a country no one is named answers nothing, and says why; a known one with no event does not
    let narnia = get_ok(&app, "/api/events?country=Narnia").await;
    assert_eq!(narnia["total"], 0);
    assert!(narnia["warnings"][0]
        .as_str()
        .unwrap()
        .contains("no country is named"));
    assert!(get_ok(&app, "/api/events?country=Peru").await["warnings"].is_null());
    let one = get_ok(&app, "/api/events?limit=1&offset=1&dedup=0").await;
    assert_eq!(ids(&one), ["ng-1#1"]);
    assert_eq!(
        (
            one["total"].as_u64(),
            one["limit"].as_u64(),
            one["offset"].as_u64()
        ),
        (Some(2), Some(1), Some(1))
    );
    let first = &all["items"][0];
    assert_eq!(first["disputed"], true);
    assert_eq!(
        first["denied"], false,
        "asserted by the monitor, denied by the army"
    );
    assert_eq!(first["event_type"], "Explosions/Remote violence");
    assert_eq!(first["lat"], 32.84);
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_message() {
    let app = app(None, 1024);
    for (query, words) in [
        ("from=2021-13-01", "expected a date"),
        ("from=yesterday", "expected a date"),
        ("from=2021-08-01&to=2021-07-01", "from is after to"),
        ("type=Skirmish", "ACLED event type"),
        ("sub_type=Battles", "sub-event type"),
        ("bbox=1,2,3", "west,south,east,north"),
        ("bbox=a,b,c,d", "west,south,east,north"),
        ("bbox=0,50,10,40", "west,south,east,north"),
        ("bbox=0,0,200,10", "west,south,east,north"),
        ("limit=0", "expected 1 to"),
        ("limit=5000", "expected 1 to"),
        ("limit=-1", "whole number"),
        ("offset=x", "whole number"),
        ("all=maybe", "expected 1 or 0"),
        ("contry=SY", "unknown parameter contry"),
    ] {
        for route in ["events", "events/points", "export/jsonl"] {
            if query == "limit=5000" && route != "events" {
                continue; // points and exports allow larger pages
            }
            let message = get_err(
                &app,
                &format!("/api/{route}?{query}"),
                StatusCode::BAD_REQUEST,
            )
            .await;
            assert!(message.contains(words), "{route}?{query}: {message}");
        }
    }
    let long = "x".repeat(300);
    get_err(
        &app,
        &format!("/api/events?q={long}"),
        StatusCode::BAD_REQUEST,
    )
    .await;
    // a route that takes none names what it takes, with no empty name in the list
    let message = get_err(&app, "/api/meta?x=1", StatusCode::BAD_REQUEST).await;
    assert!(
        message.contains("unknown parameter x; expected one of limit, offset"),
        "{message}"
    );
}

#[tokio::test]
async fn points_are_compact_rows() {
    let app = app(None, 1024);
    let points = get_ok(&app, "/api/events/points?dedup=0").await;
    assert_eq!(points["columns"][0], "id");
    assert_eq!(points["total"], 2);
    let row = &points["items"][0];
    assert_eq!(row[0], "sy-1#1");
    assert_eq!(row[3], 1, "type code of Explosions/Remote violence");
    assert_eq!(row[4], 4);
    assert_eq!(row[5], "2021-07-19");
    assert_eq!(
        get_ok(&app, "/api/events/points?bbox=10,10,14,12").await["total"],
        1
    );
    assert_eq!(
        get_ok(&app, "/api/events/points?limit=100000").await["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn event_detail_fields_claims_disagreements_sources() {
    let app = app(None, 1024);
    let d = get_ok(&app, "/api/events/sy-1%231").await;
    assert_eq!(d["summary"]["id"], "sy-1#1");
    let fields = d["fields"].as_array().unwrap();
    let location = fields.iter().find(|f| f["name"] == "location").unwrap();
    assert!(location["value"]
        .as_str()
        .unwrap()
        .starts_with("Busra al-Harir, Daraa, Syria"));
    let span = &location["evidence"]["span"];
    let (start, end) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    let article = &d["articles"][0];
    let text = article["text"].as_str().unwrap();
    assert_eq!(
        &text[start..end],
        "Busra al-Harir",
        "byte offsets into the stored text"
    );
    let sentences = article["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 3);
    assert!(sentences.iter().any(
        |s| s[0].as_u64().unwrap() as usize <= start && end <= s[1].as_u64().unwrap() as usize
    ));
    let kinds: Vec<&str> = d["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["polarity", "figures"]);
    let figures = &d["disagreements"][1];
    assert!(
        figures["message"]
            .as_str()
            .unwrap()
            .contains("4 per Syrian Observatory"),
        "{figures}"
    );
    assert!(
        figures["message"]
            .as_str()
            .unwrap()
            .contains("6 per Local council"),
        "{figures}"
    );
    let claims = d["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert!(claims.iter().all(|c| c["disagrees"] == true));
    assert_eq!(claims[0]["figures"][0]["value"], 4);
    // An agreeing event has no disagreement.
    let ng = get_ok(&app, "/api/events/ng-1%231").await;
    assert!(ng["disagreements"].as_array().unwrap().is_empty());
    assert_eq!(ng["claims"][0]["disagrees"], false);
    get_err(&app, "/api/events/nope", StatusCode::NOT_FOUND).await;
    get_err(&app, "/api/events/sy-1%231?x=1", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn timeline_ignores_dates_but_not_other_filters() {
    let app = app(None, 1024);
    let t = get_ok(&app, "/api/timeline?from=2021-07-01").await;
    assert_eq!(t["total"], 2);
    assert_eq!(t["items"][0]["date"], "2021-03-03");
    assert_eq!(t["items"][1]["fatalities"], 4);
    assert_eq!(get_ok(&app, "/api/timeline?country=NG").await["total"], 1);
    assert_eq!(get_ok(&app, "/api/timeline?all=1").await["total"], 3);
    assert_eq!(
        get_ok(&app, "/api/timeline?limit=1&offset=1").await["items"][0]["date"],
        "2021-07-19"
    );
    get_err(&app, "/api/timeline?limit=0", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn stories_from_fusion() {
    // A story needs two events of one article near each other: a clash, then an arrest.
    let mut store = sample_store();
    let text = "Fighters clashed with troops in Tafas on Friday. Troops arrested two men in Tafas on Saturday.";
    let article = Article {
        id: "sy-2".into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2021, 8, 2),
        origin: "test".into(),
        ..Default::default()
    };
    let tafas = place("Tafas", "Syria", "SY", "Daraa", 32.74, 35.99);
    let clash = event(
        "sy-2#1",
        "sy-2",
        "Fighters clashed with troops in Tafas.",
        SubEventType::ArmedClash,
        "2021-07-30",
        tafas.clone(),
        "Military Forces of Syria (2000-)",
        0,
    );
    let arrest = event(
        "sy-2#2",
        "sy-2",
        "Troops arrested two men in Tafas.",
        SubEventType::Arrests,
        "2021-07-31",
        tafas,
        "Military Forces of Syria (2000-)",
        0,
    );
    let reading = Reading {
        article_id: "sy-2".into(),
        events: vec![clash, arrest],
        ..Default::default()
    };
    store.insert(&article, &reading).unwrap();
    store.fuse().unwrap();
    let app = router(AppState::new(store, None), 1024);
    let s = get_ok(&app, "/api/stories").await;
    let total = s["total"].as_u64().unwrap();
    assert!(total >= 1, "{s}");
    let mentions = ["sy-1#1", "ng-1#1", "ng-1#2", "sy-2#1", "sy-2#2"];
    for story in s["items"].as_array().unwrap() {
        assert!(!story["title"].as_str().unwrap().is_empty());
        assert!(story["events"].as_u64().unwrap() >= 1);
        for id in story["event_ids"].as_array().unwrap() {
            assert!(mentions.contains(&id.as_str().unwrap()), "{story}");
        }
    }
    assert_eq!(
        get_ok(&app, "/api/stories?from=2030-01-01").await["total"],
        0
    );
    assert_eq!(get_ok(&app, "/api/stories?to=2000-01-01").await["total"], 0);
    assert_eq!(get_ok(&app, "/api/stories?q=zzzz").await["total"], 0);
    assert_eq!(
        get_ok(&app, "/api/stories?limit=1").await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    get_err(&app, "/api/stories?country=SY", StatusCode::BAD_REQUEST).await;
    // The event page names its fused event and the reports in it.
    let d = get_ok(&app, "/api/events/sy-1%231").await;
    assert!(
        d["fused"]["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "sy-1#1"),
        "{}",
        d["fused"]
    );
}

#[tokio::test]
async fn places_and_control_timeline() {
    let app = app(None, 1024);
    let p = get_ok(&app, "/api/places").await;
    assert_eq!(p["total"], 2);
    let busra = p["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "Busra al-Harir")
        .unwrap();
    assert_eq!(
        (busra["events"].as_u64(), busra["control_facts"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(get_ok(&app, "/api/places?q=maid").await["total"], 1);
    assert_eq!(
        get_ok(&app, "/api/places?country=SY&limit=1").await["items"][0]["name"],
        "Busra al-Harir"
    );
    let one = get_ok(&app, "/api/places/Busra%20al-Harir").await;
    assert_eq!(
        one["control"][0]["fact"]["controller"]["name"],
        "Military Forces of Syria (2000-)"
    );
    assert_eq!(one["events"]["total"], 1);
    assert_eq!(one["place"]["admin1"], "Daraa");
    assert_eq!(
        get_ok(&app, "/api/places/Maiduguri?country=NG").await["events"]["total"],
        1
    );
    get_err(
        &app,
        "/api/places/Maiduguri?country=SY",
        StatusCode::NOT_FOUND,
    )
    .await;
    get_err(&app, "/api/places/Atlantis", StatusCode::NOT_FOUND).await;
    // another spelling of a stored place, as `sitrep control` takes it
    for spelling in ["busra%20al%20harir", "Bosra%20al-Harir", "BUSRA-AL-HARIR"] {
        let other = get_ok(&app, &format!("/api/places/{spelling}")).await;
        assert_eq!(other["name"], "Busra al-Harir", "{spelling}");
        assert_eq!(other["events"]["total"], 1, "{spelling}");
    }
    get_err(&app, "/api/places?limit=abc", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn articles_list_and_one() {
    let app = app(None, 1024);
    let a = get_ok(&app, "/api/articles").await;
    assert_eq!(ids(&a), ["sy-1", "ng-1"]);
    assert_eq!(a["items"][0]["events"], 1);
    assert_eq!(
        ids(&get_ok(&app, "/api/articles?q=farmers").await),
        ["ng-1"]
    );
    assert_eq!(
        ids(&get_ok(&app, "/api/articles?source=levant%20wire").await),
        ["sy-1"]
    );
    assert_eq!(
        ids(&get_ok(&app, "/api/articles?from=2021-07-01").await),
        ["sy-1"]
    );
    assert_eq!(
        ids(&get_ok(&app, "/api/articles?limit=1&offset=1").await),
        ["ng-1"]
    );
    let one = get_ok(&app, "/api/articles/ng-1").await;
    assert_eq!(one["article"]["text"], TEXT_NG);
    assert_eq!(one["events"].as_array().unwrap().len(), 2);
    get_err(&app, "/api/articles/none", StatusCode::NOT_FOUND).await;
    get_err(&app, "/api/articles?from=bad", StatusCode::BAD_REQUEST).await;
    get_err(&app, "/api/articles?type=Battles", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn exports_of_the_filtered_set() {
    let app = app(None, 1024);
    let (status, headers, body) = call(
        &app,
        Request::get("/api/export/acled?country=SY")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .contains("sitrep-events.csv"));
    let csv = String::from_utf8(body).unwrap();
    assert!(csv.starts_with("event_id_cnty,event_date,"));
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv.contains("Busra al-Harir"));
    let (status, headers, body) = call(
        &app,
        Request::get("/api/export/geojson")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/geo+json");
    let geo: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(geo["features"].as_array().unwrap().len(), 2);
    let (_, headers, body) = call(
        &app,
        Request::get("/api/export/jsonl?all=1")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/x-ndjson");
    assert_eq!(String::from_utf8(body).unwrap().lines().count(), 3);
    let (status, headers, body) = call(
        &app,
        Request::get("/api/export/parquet?country=SY")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        headers[header::CONTENT_TYPE],
        "application/vnd.apache.parquet"
    );
    assert!(body.starts_with(b"PAR1") && body.ends_with(b"PAR1"));
    get_err(&app, "/api/export/xlsx", StatusCode::NOT_FOUND).await;
    get_err(&app, "/api/export/csv?to=x", StatusCode::BAD_REQUEST).await;
}

fn post(token: Option<&str>, content_type: &str, body: &str) -> Request<Body> {
    let mut r = Request::post("/api/articles").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, t);
    }
    r.body(Body::from(body.to_string())).unwrap()
}

async fn post_status(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let (status, headers, body) = call(app, request).await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    (status, serde_json::from_slice(&body).unwrap())
}

#[tokio::test]
async fn ingest_needs_the_token() {
    let article = r#"{"id":"t1","published":"2022-01-10","text":"Clashes broke out between the army and gunmen in Maiduguri on Sunday, killing three soldiers."}"#;
    // Read-only server: refused whatever the token.
    let ro = app(None, 1 << 20);
    let (status, body) = post_status(
        &ro,
        post(Some("Bearer s3cret"), "application/json", article),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(body["error"].as_str().unwrap().contains("read-only"));
    let rw = app(Some("s3cret"), 1 << 20);
    let (status, headers, _) = call(&rw, post(None, "application/json", article)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers[header::WWW_AUTHENTICATE], "Bearer");
    assert_eq!(
        post_status(&rw, post(Some("Basic s3cret"), "application/json", article))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post_status(&rw, post(Some("Bearer s3cre"), "application/json", article))
            .await
            .0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post_status(
            &rw,
            post(Some("Bearer s3cret!"), "application/json", article)
        )
        .await
        .0,
        StatusCode::FORBIDDEN
    );
    // Bad bodies with the right token.
    let (status, body) = post_status(
        &rw,
        post(Some("Bearer s3cret"), "application/json", "{nope"),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(
        post_status(
            &rw,
            post(Some("Bearer s3cret"), "application/json", "[1, 2]")
        )
        .await
        .0,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        post_status(&rw, post(Some("Bearer s3cret"), "application/json", ""))
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    let (status, body) = post_status(
        &rw,
        post(
            Some("Bearer s3cret"),
            "application/x-ndjson",
            r#"{"id":"x","text":""}"#,
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    // The right token: stored, then a duplicate; JSONL with a bad line reports that line.
    let (status, body) = post_status(
        &rw,
        post(Some("Bearer s3cret"), "application/json", article),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["stored"][0], "t1");
    // the scheme is case-insensitive
    assert_eq!(
        post_status(
            &rw,
            post(Some("bearer s3cret"), "application/json", article)
        )
        .await
        .0,
        StatusCode::OK
    );
    let jsonl = format!("{article}\n{{\"text\": \"Protesters marched in Kano on Friday.\", \"published\": \"2022-01-08\"}}\n{{broken\n");
    let (status, body) = post_status(
        &rw,
        post(Some("Bearer s3cret"), "application/x-ndjson", &jsonl),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["duplicates"][0], "t1");
    assert!(
        body["stored"][0].as_str().unwrap().starts_with("http:"),
        "{body}"
    );
    assert_eq!(body["failed"].as_array().unwrap().len(), 1, "{body}");
    assert!(
        !body["failed"][0]["error"]
            .as_str()
            .unwrap()
            .contains("sitrep-serve-"),
        "{body}"
    );
    assert_eq!(body["warnings"].as_array().unwrap().len(), 0, "{body}");
    // an undated article is stored with a warning; one of over 1 MiB is refused by name
    let undated = r#"{"id":"u1","text":"Gunmen killed two farmers in Kano."}"#;
    let (status, body) = post_status(
        &rw,
        post(Some("Bearer s3cret"), "application/x-ndjson", undated),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["stored"][0], "u1", "{body}");
    assert_eq!(body["warnings"][0]["id"], "u1", "{body}");
    // the same id with other text: an update, read in place of the stored text
    let update = r#"{"id":"t1","published":"2022-01-10","text":"Clashes broke out between the army and gunmen in Maiduguri on Sunday, killing five soldiers."}"#;
    let (status, body) =
        post_status(&rw, post(Some("Bearer s3cret"), "application/json", update)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["updated"][0], "t1", "{body}");
    assert!(
        body["warnings"][0]["warning"]
            .as_str()
            .unwrap()
            .starts_with("updated"),
        "{body}"
    );
    let t1 = get_ok(&rw, "/api/articles/t1").await;
    assert!(
        t1["article"]["text"]
            .as_str()
            .unwrap()
            .contains("five soldiers"),
        "{t1}"
    );
    assert!(
        t1["earlier_versions"][0]["text"]
            .as_str()
            .unwrap()
            .contains("three soldiers"),
        "{t1}"
    );
    let big = app(Some("s3cret"), 4 << 20);
    let huge = format!(
        r#"{{"id":"h1","text":"{}","published":"2022-01-08"}}"#,
        "Gunmen killed two farmers in Kano. ".repeat(31_000)
    );
    let (status, body) = post_status(
        &big,
        post(Some("Bearer s3cret"), "application/x-ndjson", &huge),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("(article h1)"),
        "{body}"
    );
    assert_eq!(get_ok(&rw, "/api/meta").await["counts"]["articles"], 5);
    assert_eq!(get_ok(&rw, "/api/meta").await["ingest_enabled"], true);
    // Events read from posted articles are found by the actor and text filters (their index
    // rows are written with them).
    let all = get_ok(&rw, "/api/events?all=1&limit=1000").await;
    let posted: Vec<&Value> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["article_ids"][0] == "t1")
        .collect();
    assert!(!posted.is_empty(), "{all}");
    for event in posted {
        let id = event["id"].as_str().unwrap();
        let mut filters = vec![];
        for (name, field) in [("q", "location"), ("actor", "actor1")] {
            if let Some(value) = event[field].as_str() {
                filters.push(format!("{name}={}", value.replace(' ', "%20")));
            }
        }
        assert!(!filters.is_empty(), "{event}");
        for filter in filters {
            let found = ids(&get_ok(&rw, &format!("/api/events?all=1&{filter}")).await);
            assert!(found.iter().any(|f| f == id), "{filter}: {found:?}");
        }
    }
}

#[tokio::test]
async fn request_bodies_are_bounded() {
    let rw = app(Some("tok"), 512);
    let big = format!(r#"{{"id":"big","text":"{}"}}"#, "word ".repeat(200));
    let (status, body) = post_status(&rw, post(Some("Bearer tok"), "application/json", &big)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(body["error"].as_str().unwrap().contains("too large"));
    // Without the token the size does not matter: refused first.
    assert_eq!(
        post_status(&rw, post(None, "application/json", &big))
            .await
            .0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn assets_by_known_name_only() {
    let app = app(None, 1024);
    let (status, headers, body) = call(&app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(String::from_utf8(body).unwrap().contains("/assets/app.js"));
    assert!(headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    for (name, content_type) in [
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
        ("countries.json", "application/json"),
    ] {
        let (status, headers, body) = call(
            &app,
            Request::get(format!("/assets/{name}"))
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{name}");
        assert_eq!(headers[header::CONTENT_TYPE], content_type, "{name}");
        assert!(body.len() > 1000, "{name}");
    }
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/%2e%2e%2f%2e%2e%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/assets/app.js%00.png",
        "/assets/",
        "/assets/APP.JS",
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/web/dist/app.js",
        "/index.html/..",
        "/api/../../Cargo.toml",
    ] {
        let (status, headers, body) =
            call(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
        assert!(
            !String::from_utf8_lossy(&body).contains("[package]"),
            "{uri}"
        );
    }
    get_err(&app, "/api/nothing", StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn admin1_outlines_by_country() {
    let app = app(None, 1024);
    let index = get_ok(&app, "/assets/admin1/index.json").await;
    let countries = index["countries"].as_array().unwrap();
    assert!(countries.len() > 200, "{} countries", countries.len());
    let syria = countries
        .iter()
        .find(|c| c["code"] == "SY")
        .expect("Syria in the index");
    assert_eq!(syria["file"], "SYR.json");
    let bbox: Vec<f64> = syria["bbox"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    assert!(
        bbox[0] < 36.3 && 36.3 < bbox[2] && bbox[1] < 33.5 && 33.5 < bbox[3],
        "Damascus inside {bbox:?}"
    );
    // Every file the index names is served, a TopoJSON of named divisions with a label point.
    for country in countries {
        let file = country["file"].as_str().unwrap();
        let topology = get_ok(&app, &format!("/assets/admin1/{file}")).await;
        assert_eq!(topology["type"], "Topology", "{file}");
        let divisions = topology["objects"]["admin1"]["geometries"]
            .as_array()
            .unwrap();
        assert_eq!(divisions.len() as u64, country["divisions"], "{file}");
        for d in divisions {
            assert_eq!(
                d["properties"]["label"].as_array().unwrap().len(),
                2,
                "{file}"
            );
        }
    }
    let syria = get_ok(&app, "/assets/admin1/SYR.json").await;
    let names: Vec<&str> = syria["objects"]["admin1"]["geometries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["properties"]["name"].as_str())
        .collect();
    for governorate in ["Idlib", "Aleppo", "Damascus", "Quneitra"] {
        assert!(names.contains(&governorate), "{governorate} in {names:?}");
    }
    for uri in [
        "/assets/admin1/syr.json",
        "/assets/admin1/SYR",
        "/assets/admin1/",
        "/assets/admin1/..%2Fapp.js",
        "/assets/admin1/../app.js",
        "/assets/admin1/SYR.json/x",
    ] {
        let (status, headers, _) = call(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
    }
}

#[test]
fn address_errors_are_typed() {
    let options = ServeOptions {
        host: "not a host".into(),
        port: 1,
        db: ":memory:".into(),
        ..ServeOptions::default()
    };
    assert!(matches!(serve(options), Err(ServeError::Address(_))));
}

#[tokio::test]
async fn other_hosts_are_refused_on_loopback() {
    let app = app(None, 1024);
    for (host, expected) in [
        ("localhost:8080", StatusCode::OK),
        ("127.0.0.1:8080", StatusCode::OK),
        ("[::1]:8080", StatusCode::OK),
        ("LOCALHOST", StatusCode::OK),
        ("evil.example:8080", StatusCode::MISDIRECTED_REQUEST),
        ("127.0.0.1.evil.example", StatusCode::MISDIRECTED_REQUEST),
    ] {
        let request = Request::get("/api/meta")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        assert_eq!(call(&app, request).await.0, expected, "{host}");
    }
    let open = router(
        AppState::new(sample_store(), None).with_loopback_only(false),
        1024,
    );
    let request = Request::get("/api/meta")
        .header(header::HOST, "sitrep.lan:8080")
        .body(Body::empty())
        .unwrap();
    assert_eq!(call(&open, request).await.0, StatusCode::OK);
}

/// The sample store with a second outlet reporting the Busra al-Harir shelling (same day,
/// place and type) with another toll, `killed`: fused with `sy-1#1` into `F:sy-1#1`.
fn store_with_second_report(killed: u64) -> Store {
    let mut store = sample_store();
    let text =
        format!("Shelling killed {killed} people in Busra al-Harir on Monday, residents said.");
    let article = Article {
        id: "sy-3".into(),
        text: text.clone(),
        published: NaiveDate::from_ymd_opt(2021, 7, 20),
        source: Some("Hauran Times".into()),
        origin: "test".into(),
        ..Default::default()
    };
    let mut again = event(
        "sy-3#1",
        "sy-3",
        &text,
        SubEventType::ShellingArtilleryMissileAttack,
        "2021-07-19",
        place("Busra al-Harir", "Syria", "SY", "Daraa", 32.84, 36.34),
        "Military Forces of Syria (2000-)",
        killed,
    );
    again.evidence = evidence("sy-3", &text, "Shelling", "trigger:shelling");
    let reading = Reading {
        article_id: "sy-3".into(),
        events: vec![again],
        ..Default::default()
    };
    store.insert(&article, &reading).unwrap();
    store.fuse().unwrap();
    store
}

#[tokio::test]
async fn dedup_lists_one_fused_event_per_real_world_event() {
    let app = router(AppState::new(store_with_second_report(4), None), 1024);
    let reports = get_ok(&app, "/api/events?dedup=0").await;
    assert_eq!(
        (reports["total"].as_u64(), reports["unit"].as_str()),
        (Some(3), Some("reports"))
    );
    let dedup = get_ok(&app, "/api/events?dedup=1").await;
    assert_eq!(ids(&dedup), ["F:sy-1#1", "F:ng-1#1"], "{dedup}");
    assert_eq!(dedup["unit"], "fused_events");
    assert_eq!(
        dedup["items"][0]["sources"],
        serde_json::json!(["Levant Wire", "Hauran Times"]),
        "a fused event lists every report's source"
    );
    let points = get_ok(&app, "/api/events/points?dedup=1").await;
    assert_eq!(points["total"], 2);
    assert_eq!(points["unit"], "fused_events");
    // places count each fused event once (its conservative toll), or with dedup=0 every report
    let place = |page: &Value| {
        let p = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["country_code"] == "SY")
            .cloned()
            .unwrap();
        (p["events"].as_u64(), p["fatalities"].as_u64())
    };
    let fused_place = place(&get_ok(&app, "/api/places").await);
    let reports_place = place(&get_ok(&app, "/api/places?dedup=0").await);
    assert_eq!(fused_place.0, Some(1), "{fused_place:?}");
    assert_eq!(reports_place.0, Some(2), "{reports_place:?}");
    assert!(
        fused_place.1 < reports_place.1,
        "{fused_place:?} {reports_place:?}"
    );
    assert_eq!(points["items"][0][0], "F:sy-1#1");
    let d = get_ok(&app, "/api/events/sy-3%231").await;
    assert_eq!(d["kind"], "report");
    assert_eq!(
        d["fused"]["mentions"].as_array().unwrap().len(),
        2,
        "{}",
        d["fused"]
    );
    // Filters on reports (actor, claimant, text) keep a fused event when one of its reports meets them.
    let by_claimant = get_ok(&app, "/api/events?dedup=1&claimant=local%20council").await;
    assert_eq!(ids(&by_claimant), ["F:sy-1#1"]);
    let by_text = get_ok(&app, "/api/events?dedup=1&q=residents%20said").await;
    assert_eq!(ids(&by_text), ["F:sy-1#1"]);
    let by_actor = get_ok(&app, "/api/events?dedup=1&actor=unidentified").await;
    assert_eq!(ids(&by_actor), ["F:ng-1#1"]);
    assert_eq!(
        get_ok(&app, "/api/events?dedup=1&country=NG&all=1").await["total"],
        2
    );
    get_err(&app, "/api/events?dedup=2", StatusCode::BAD_REQUEST).await;
}

#[tokio::test]
async fn fused_event_page_by_its_id() {
    let app = router(AppState::new(store_with_second_report(6), None), 1024);
    let d = get_ok(&app, "/api/events/F:sy-1%231").await;
    assert_eq!(d["kind"], "fused_event");
    assert_eq!(d["summary"]["id"], "F:sy-1#1");
    assert_eq!(d["event"]["id"], "F:sy-1#1");
    assert_eq!(d["fused"]["id"], "F:sy-1#1");
    assert_eq!(d["fused"]["articles"], 2);
    assert_eq!(
        d["fused"]["mentions"],
        serde_json::json!(["sy-1#1", "sy-3#1"])
    );
    assert_eq!(d["fused"]["members"].as_array().unwrap().len(), 2);
    assert!(!d["fused"]["figures"].as_array().unwrap().is_empty());
    // Every report's sources, articles and figures; ACLED's conservative toll.
    assert_eq!(
        d["summary"]["sources"],
        serde_json::json!(["Levant Wire", "Hauran Times"])
    );
    assert_eq!(d["summary"]["fatalities"], 4);
    let articles: Vec<&str> = d["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(articles, ["sy-1", "sy-3"]);
    assert_eq!(d["claims"].as_array().unwrap().len(), 3);
    assert!(d["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["name"] == "location"));
    // The report page still works and names this fused event.
    let r = get_ok(&app, "/api/events/sy-1%231").await;
    assert_eq!(r["fused"]["id"], "F:sy-1#1");
    assert_eq!(r["summary"]["fatalities"], 4);
    // An unknown id: the forms accepted, and what the id is when it names something else.
    let e = get_err(&app, "/api/events/F:nope%231", StatusCode::NOT_FOUND).await;
    assert!(e.contains("ARTICLE#N") && e.contains("F:ARTICLE#N"), "{e}");
    let e = get_err(&app, "/api/events/F:sy-3%231", StatusCode::NOT_FOUND).await;
    assert!(e.contains("now in fused event \"F:sy-1#1\""), "{e}");
    let e = get_err(&app, "/api/events/sy-1", StatusCode::NOT_FOUND).await;
    assert!(e.contains("is an article"), "{e}");
    let e = get_err(&app, "/api/events/F:sy-1", StatusCode::NOT_FOUND).await;
    assert!(e.contains("%23"), "{e}");
    get_err(&app, "/api/events/F:sy-1%231?x=1", StatusCode::BAD_REQUEST).await;
}

/// The rows of an ACLED CSV after its header, without their last column (`timestamp`: when
/// the event's articles were stored), sorted (the API lists newest first, the CLI in fusion order).
fn acled_rows(csv: &[u8]) -> Vec<String> {
    let text = String::from_utf8(csv.to_vec()).unwrap();
    let mut rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|row| row.rsplit_once(',').unwrap().0.to_string())
        .collect();
    rows.sort();
    rows
}

#[tokio::test]
async fn dedup_export_and_counts_are_the_cli_fused_events() {
    let store = store_with_second_report(6);
    // What `sitrep events --format acled` writes (its timestamp left out).
    let fused: Vec<Event> = store
        .fused_events(&sitrep_store::EventFilter::default())
        .unwrap()
        .into_iter()
        .map(|f| f.event)
        .collect();
    assert_eq!(fused.len(), 2);
    let mut cli = Vec::new();
    sitrep_export::write_events(
        sitrep_export::Format::Acled,
        &fused,
        &sitrep_export::ExportOptions {
            include_non_conflict: false,
            timestamp: None,
            article_times: Default::default(),
        },
        &mut cli,
    )
    .unwrap();
    let app = router(AppState::new(store, None), 1024);
    let export = |uri: &'static str| {
        let app = app.clone();
        async move {
            let (status, _, body) =
                call(&app, Request::get(uri).body(Body::empty()).unwrap()).await;
            assert_eq!(status, StatusCode::OK, "{uri}");
            body
        }
    };
    let api = export("/api/export/acled?dedup=1").await;
    assert_eq!(acled_rows(&api), acled_rows(&cli));
    let api = String::from_utf8(api).unwrap();
    let timestamp = api.lines().nth(1).unwrap().rsplit_once(',').unwrap().1;
    assert!(
        timestamp.parse::<i64>().is_ok_and(|t| t > 1_700_000_000),
        "when its articles were stored, as the CLI writes it: {timestamp:?}"
    );
    assert!(api.contains("Levant Wire; Hauran Times"), "{api}");
    assert_eq!(api.lines().count(), 3, "{api}");
    // With dedup=0: every report.
    assert_eq!(
        export("/api/export/acled?dedup=0")
            .await
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .count(),
        4
    );
    let jsonl = String::from_utf8(export("/api/export/jsonl?dedup=1").await).unwrap();
    let ids: Vec<String> = jsonl
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["F:sy-1#1", "F:ng-1#1"]);
    // Counts: fused events as the CLI counts them, reports named as such.
    let meta = get_ok(&app, "/api/meta").await;
    assert_eq!(meta["counts"]["conflict_events"], 2);
    assert_eq!(meta["counts"]["conflict_reports"], 3);
    let syria = meta["countries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "SY")
        .unwrap();
    assert_eq!(
        (syria["events"].as_u64(), syria["reports"].as_u64()),
        (Some(1), Some(2))
    );
    // The timeline counts fused events with their conservative toll (the default), or with
    // dedup=0 the reports (and says so).
    let sum = |t: &Value, key: &str| {
        t["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d[key].as_u64().unwrap())
            .sum::<u64>()
    };
    let reports = get_ok(&app, "/api/timeline?dedup=0").await;
    assert_eq!(reports["unit"], "reports");
    assert_eq!(
        (sum(&reports, "events"), sum(&reports, "fatalities")),
        (3, 10)
    );
    for uri in ["/api/timeline?dedup=1", "/api/timeline"] {
        let fused = get_ok(&app, uri).await;
        assert_eq!(fused["unit"], "fused_events");
        assert_eq!((sum(&fused, "events"), sum(&fused, "fatalities")), (2, 4));
    }
}

#[tokio::test]
async fn errors_axum_writes_itself_are_json_too() {
    let app = app(None, 1024);
    let message = get_err(&app, "/api/events/%E0%A4%A", StatusCode::BAD_REQUEST).await;
    assert!(message.to_lowercase().contains("utf-8"), "{message}");
    let (status, headers, body) = call(
        &app,
        Request::delete("/api/events").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert!(
        headers.contains_key(header::ALLOW),
        "the Allow header is kept"
    );
    let body: Value = serde_json::from_slice(&body).unwrap();
    let message = body["error"].as_str().unwrap();
    assert!(message.contains("method DELETE not allowed"), "{message}");
    assert_eq!(headers[header::ALLOW], "GET,HEAD");
}

#[test]
fn one_side_named_in_other_words_disagrees_and_a_part_of_a_toll_does_not() {
    let text = "State media said 40 terrorists and 9 civilians were killed; the monitor counted 23 fighters. \
                Among the dead were four children.";
    let mut e = event(
        "x#1",
        "x",
        text,
        SubEventType::ArmedClash,
        "2021-07-19",
        place("Busra al-Harir", "Syria", "SY", "Daraa", 32.84, 36.34),
        "Military Forces of Syria (2000-)",
        23,
    );
    e.claims = vec![
        claim("x", text, "SANA", Polarity::Asserted, "State media said"),
        claim("x", text, "SOHR", Polarity::Asserted, "the monitor counted"),
    ];
    let figure = |value: u64, noun: &str, class, claim: usize, rule: &str| Quantity {
        kind: QuantityKind::Killed,
        value,
        lower_bound: false,
        approximate: false,
        vague: false,
        side: Some(noun.into()),
        side_class: Some(class),
        tally: false,
        claim: Some(claim),
        evidence: evidence("x", text, noun, rule),
    };
    e.quantities = vec![
        figure(
            40,
            "terrorists",
            SideClass::ArmedGroups,
            0,
            "quantity:killed",
        ),
        figure(23, "fighters", SideClass::ArmedGroups, 1, "quantity:killed"),
    ];
    let found = crate::detail::disagreements(&e);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["kind"], "figures");
    // four children among the dead: a part of a toll, no other account of it
    e.quantities = vec![
        figure(23, "fighters", SideClass::ArmedGroups, 1, "quantity:killed"),
        figure(9, "civilians", SideClass::Civilians, 0, "quantity:killed"),
        figure(
            4,
            "children",
            SideClass::Civilians,
            1,
            "quantity:killed+part",
        ),
    ];
    assert!(crate::detail::disagreements(&e).is_empty());
}

#[test]
fn an_event_every_claim_denies_is_marked_denied() {
    let text = "The army denied shelling the village.";
    let mut e = event(
        "d#1",
        "d",
        text,
        SubEventType::ShellingArtilleryMissileAttack,
        "2021-07-19",
        place("Busra al-Harir", "Syria", "SY", "Daraa", 32.84, 36.34),
        "Military Forces of Syria (2000-)",
        0,
    );
    e.claims = vec![claim(
        "d",
        text,
        "army",
        Polarity::Denied,
        "The army denied",
    )];
    assert!(e.only_denied());
    assert_eq!(crate::api::summary(&e)["denied"], true);
}
