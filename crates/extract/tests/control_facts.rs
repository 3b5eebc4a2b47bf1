//! Territorial control read from what a report says of a place, on reports written for this test.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, Reading};

fn read(text: &str) -> Reading {
    let article = Article {
        id: "control".into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2018, 5, 21),
        ..Default::default()
    };
    Reader::new().read(&article)
}

#[test]
fn a_place_beyond_government_control_is_held_by_the_armed_opponent_the_report_names() {
    let r = read(
        "Rebels of Jaish al-Islam held Harasta until March, the Observatory said. The town of \
         Harasta is the last district beyond government control.",
    );
    let fact = r
        .control
        .iter()
        .find(|f| f.place.mention == "Harasta")
        .expect("a control fact for Harasta");
    assert!(
        fact.controller.name.contains("Jaysh al Islam"),
        "{:?}",
        fact.controller
    );
    // Told in the present: as of publication, not of the March the sentence before named.
    assert_eq!(fact.as_of.date, NaiveDate::from_ymd_opt(2018, 5, 21));
}

#[test]
fn only_the_sentence_subject_is_beyond_government_control() {
    // "Damascus" qualifies the district; it is not the place held.
    let r = read(
        "ISIS fighters attacked regime positions in the south of the capital. Most of the \
         Damascus countryside is now beyond government control.",
    );
    assert!(
        r.control.iter().all(|f| f.place.mention != "Damascus"),
        "{:?}",
        r.control
    );
}

#[test]
fn a_town_its_holders_still_control_changed_no_hands() {
    let r = read(
        "Army units repelled an attack by militant groups on Kafranbel on Sunday and remain in \
         full control of the town, a military source said, denying reports that the town had \
         fallen.",
    );
    let kinds: Vec<&str> = r
        .events
        .iter()
        .map(|e| e.sub_event_type.acled_name())
        .collect();
    assert!(kinds.contains(&"Armed clash"), "{kinds:?}");
    assert!(
        !kinds.contains(&"Non-state actor overtakes territory"),
        "a fall denied and control kept: {kinds:?}"
    );
    assert!(
        r.control
            .iter()
            .all(|f| !f.controller.name.contains("Unidentified Armed Group")),
        "{:?}",
        r.control
    );
}
