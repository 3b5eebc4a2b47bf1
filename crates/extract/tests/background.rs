//! What a report leads with: an event dated long before publication is background, not the news.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, EventType};

#[test]
fn an_event_of_years_ago_does_not_lead_a_report_on_todays_protest() {
    let article = Article {
        id: "bg".into(),
        text: "On 6 May 2020, people protested in Lviv against the planned trial of a local \
               activist. Gunmen shot dead two of his relatives in an attack on \
               their house in Kherson on 24 May 2018."
            .into(),
        published: NaiveDate::from_ymd_opt(2020, 5, 6),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    let lead = reading
        .events
        .iter()
        .find(|e| e.sub_event_type.is_conflict())
        .expect("an event");
    assert_eq!(lead.sub_event_type.event_type(), EventType::Protests);
    assert_eq!(lead.date.date, NaiveDate::from_ymd_opt(2020, 5, 6));
}

#[test]
fn a_day_given_a_sentence_before_is_still_a_day() {
    let article = Article {
        id: "carry".into(),
        text: "On 8 May 2020, police raided a drug den in Niteroi. A shoot-out broke out and a \
               suspect was shot and died."
            .into(),
        published: NaiveDate::from_ymd_opt(2020, 5, 9),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    let killing = reading
        .events
        .iter()
        .find(|e| e.fatalities == 1)
        .expect("the shoot-out");
    assert_eq!(killing.date.date, NaiveDate::from_ymd_opt(2020, 5, 8));
    assert_eq!(killing.date.precision, sitrep_model::DatePrecision::Day);
}

#[test]
fn a_line_on_how_things_go_in_a_war_is_no_event() {
    // Each line tells a pattern or a trend, not one incident.
    for line in [
        "Reports of gas attacks on the valley towns are not uncommon in the war.",
        "Shelling of the river district has intensified in the past month, residents say.",
        "Militias have lately stepped up raids on the mountain villages.",
        "The bridge, a supply route for the rebels, has been repeatedly targeted by air strikes.",
    ] {
        let article = Article {
            id: "pattern".into(),
            text: line.into(),
            published: NaiveDate::from_ymd_opt(2020, 5, 9),
            ..Default::default()
        };
        let reading = Reader::new().read(&article);
        assert!(
            !reading
                .events
                .iter()
                .any(|e| e.sub_event_type.is_conflict()),
            "{line:?} read as {:?}",
            reading.events.first().map(|e| e.sub_event_type)
        );
    }
    // An incident told with a past one ("had previously") is still an event.
    let article = Article {
        id: "incident".into(),
        text: "On 8 May 2020, an air strike hit the river bridge, which had previously been \
               closed to traffic."
            .into(),
        published: NaiveDate::from_ymd_opt(2020, 5, 9),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    assert!(reading
        .events
        .iter()
        .any(|e| e.sub_event_type.is_conflict()));
}

#[test]
fn an_undated_lead_is_not_the_older_strike_told_far_on() {
    let article = Article {
        id: "older".into(),
        text: "At least 12 civilians were killed in coalition air strikes on the town of \
               Tabqa, local residents said. The coalition supports the Kurdish-led forces \
               fighting the militants. The residents said the aircraft flew over the town \
               for hours. It is not the first time that civilians have died in the campaign. \
               Aid groups have long warned about the toll. On March 2 a coalition air strike \
               hit a school in Tabqa, killing 20 people."
            .into(),
        published: NaiveDate::from_ymd_opt(2017, 4, 8),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    let strikes: Vec<_> = reading
        .events
        .iter()
        .filter(|e| e.sub_event_type == sitrep_model::SubEventType::AirDroneStrike)
        .collect();
    assert_eq!(strikes.len(), 2, "{strikes:#?}");
    assert!(strikes
        .iter()
        .any(|e| e.date.date == NaiveDate::from_ymd_opt(2017, 3, 2)));
    assert!(strikes
        .iter()
        .any(|e| e.date.date != NaiveDate::from_ymd_opt(2017, 3, 2)));
}
