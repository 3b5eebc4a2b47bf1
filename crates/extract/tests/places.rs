//! Where the reader puts each event, on reports written for these tests.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, Event};
use std::sync::OnceLock;

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(Reader::new)
}

fn read(id: &str, text: &str) -> Vec<Event> {
    let a = Article {
        id: id.into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2016, 9, 12),
        source: Some("Test Wire".into()),
        origin: format!("test:{id}"),
        ..Default::default()
    };
    reader().read(&a).events
}

/// The place name of the event whose notes contain `words`.
fn place_of<'a>(events: &'a [Event], words: &str) -> &'a str {
    let e = events
        .iter()
        .find(|e| e.notes.contains(words))
        .unwrap_or_else(|| panic!("no event told with {words:?} in {events:#?}"));
    e.location
        .as_ref()
        .map(|p| p.mention.as_str())
        .unwrap_or("")
}

#[test]
fn the_seat_of_who_speaks_ranks_after_the_place_it_tells_of() {
    let events = read(
        "seat",
        "Clashes went on in Homs on Sunday. A security source in Homs said a suicide bomber \
         blew himself up on Monday at a crowded checkpoint at the southern entrance of the \
         coastal city of Tartus, killing four.",
    );
    assert_eq!(place_of(&events, "suicide bomber"), "Tartus");
}

#[test]
fn a_body_named_for_its_province_gives_way_to_the_story_town() {
    let events = read(
        "media-center",
        "Air strikes hit the town of Saraqib on Monday, killing seven people. On Tuesday the \
         Idlib Media Center said a barrel bomb killed three children.",
    );
    assert_eq!(place_of(&events, "barrel bomb"), "Saraqib");
}

#[test]
fn where_the_speakers_came_from_is_not_where_it_happened() {
    let events = read(
        "origin",
        "A car bomb exploded near a bus convoy in Aleppo on Saturday, killing 40 people. \
         Madaya evacuees said they heard the blast.",
    );
    assert!(
        events
            .iter()
            .all(|e| e.location.as_ref().is_some_and(|p| p.mention == "Aleppo")),
        "{events:#?}"
    );
}

#[test]
fn the_dead_counted_by_where_they_came_from_died_where_the_story_is() {
    let events = read(
        "people-from",
        "A car bomb exploded near a bus convoy in Aleppo on Saturday, killing 40 people. The \
         dead included 30 evacuees, 9 of whom were women from the villages of Nubl and Zahraa.",
    );
    assert!(
        events
            .iter()
            .all(|e| e.location.as_ref().is_some_and(|p| p.mention == "Aleppo")),
        "{events:#?}"
    );
}

#[test]
fn a_town_before_according_to_is_where_it_happened_not_who_speaks() {
    let events = read(
        "according",
        "Hundreds of people marched through Azaz on Sunday to demand the release of detainees. \
         On Monday at least 12 people were killed in an air strike on the northern Syrian town \
         of Ariha according to a local monitor.",
    );
    assert_eq!(place_of(&events, "air strike on the northern"), "Ariha");
}

#[test]
fn a_person_who_feels_is_no_place() {
    let events = read(
        "feeling",
        "Like her neighbours Layla Mansour was relieved to have escaped the shelling that killed \
         her brother.",
    );
    assert_ne!(place_of(&events, "shelling that killed"), "Layla Mansour");
}

#[test]
fn a_town_inside_an_armed_groups_name_is_not_where_it_shot() {
    let events = read(
        "group-name",
        "Government forces shelled rebel-held districts of Aleppo on Saturday. On Sunday the \
         group known as Liwa Ahrar Halfaya fired mortar shells at the city, killing six \
         civilians.",
    );
    assert_eq!(place_of(&events, "mortar shells"), "Aleppo");
}

#[test]
fn the_capital_blamed_is_the_government_not_the_place() {
    let events = read(
        "blamed",
        "A suspected gas attack killed at least 40 people in the town of Saraqib on Monday. \
         Washington blames Damascus for the attack, which wounded dozens more. Damascus blamed \
         the attack on rebels. Doctors said more victims of the attack died on Tuesday.",
    );
    assert_eq!(place_of(&events, "blames"), "Saraqib");
    assert_eq!(place_of(&events, "more victims"), "Saraqib");
}

#[test]
fn the_seat_of_a_source_is_not_the_story_s_place() {
    // Kitshanga is not in the gazetteer; Goma, where the source sits, is
    let events = read(
        "seat",
        "M23 rebels took control of the town of Kitshanga in North Kivu province on Saturday \
         after heavy fighting with the Congolese army, residents said. At least eight soldiers \
         were killed in the clashes, according to a hospital source in Goma.",
    );
    assert_eq!(place_of(&events, "took control"), "Kitshanga");
}
