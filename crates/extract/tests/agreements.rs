//! Agreements and the halts they stipulate, on a report written for this test.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, DatePrecision, SubEventType};

#[test]
fn a_halt_is_dated_by_the_since_of_the_source_who_tells_it() {
    let article = Article {
        id: "halt".into(),
        // Published on Monday 12 April 2021: Saturday is the 10th.
        text: "Rebels and the army agreed to a deal to end the siege of the old town. The deal \
               stipulates a halt of fighting in the old town and the market district. \
               \"Residents came out to buy bread in the streets where the fighting had stopped \
               since Saturday evening,\" the town's mayor told reporters."
            .into(),
        published: NaiveDate::from_ymd_opt(2021, 4, 12),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    let deal = reading
        .events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::Agreement)
        .expect("the agreement");
    assert_eq!(deal.date.date, NaiveDate::from_ymd_opt(2021, 4, 10));
    assert_eq!(deal.date.precision, DatePrecision::Day);
    assert_eq!(
        deal.date.evidence.as_ref().map(|e| e.rule.as_str()),
        Some("time:halt-since")
    );
}

#[test]
fn the_day_a_deal_comes_into_force_is_no_second_deal() {
    let article = Article {
        id: "in-force".into(),
        // Published on Saturday 10 June 2023: the deal was signed on Friday the 9th.
        text: "The government and the rebel command signed a ceasefire agreement in Quito on \
               Friday. The truce will take full effect on August 3."
            .into(),
        published: NaiveDate::from_ymd_opt(2023, 6, 10),
        ..Default::default()
    };
    let reading = Reader::new().read(&article);
    let deals: Vec<_> = reading
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::Agreement)
        .collect();
    assert_eq!(deals.len(), 1, "{deals:#?}");
    assert_eq!(deals[0].date.date, NaiveDate::from_ymd_opt(2023, 6, 9));
}
