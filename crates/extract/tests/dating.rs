//! The day a report gives an incident, against the days it tells of what was said or done about
//! it, on reports written for these tests.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, DatePrecision, Event, SubEventType};
use std::sync::OnceLock;

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(Reader::new)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn read(id: &str, text: &str, published: NaiveDate) -> Vec<Event> {
    let a = Article {
        id: id.into(),
        text: text.into(),
        published: Some(published),
        source: Some("Test Wire".into()),
        origin: format!("test:{id}"),
        ..Default::default()
    };
    reader().read(&a).events
}

/// The date of the event read from the sentence that holds `words`.
fn date_of(events: &[Event], words: &str) -> Option<NaiveDate> {
    events
        .iter()
        .find(|e| e.notes.contains(words))
        .unwrap_or_else(|| panic!("no event told with {words:?} in {events:#?}"))
        .date
        .date
}

#[test]
fn the_day_a_council_meets_over_a_strike_is_not_the_strikes() {
    // Published on a Thursday; the council met on Wednesday, the strike's day is not told.
    let events = read(
        "council",
        "The Security Council met on Wednesday to weigh a draft text condemning the air strike \
         on the market in Maarat al-Numan.",
        d(2021, 3, 11),
    );
    let e = events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_ne!(e.date.date, Some(d(2021, 3, 10)), "{:#?}", e.date);
}

#[test]
fn a_day_in_a_statement_is_the_statements() {
    // "said in a statement on Tuesday": the strike keeps the day the story told before.
    let events = read(
        "statement",
        "Jets bombed a bakery in the town of Kafranbel on Sunday, killing nine people. The \
         Health Directorate said in a statement on Tuesday that the jets had also hit a clinic \
         in the town.",
        d(2021, 3, 17),
    );
    assert_ne!(date_of(&events, "had also hit"), Some(d(2021, 3, 16)));
}

#[test]
fn a_day_opening_a_joint_statement_on_the_attack_is_the_statements() {
    // The convoy was hit on Monday; the agencies spoke about the attack on Tuesday.
    let events = read(
        "convoy",
        "On Monday night a convoy of aid lorries was hit by airstrikes near the village of \
         Kafr Halab, killing four drivers. On Tuesday the aid agencies released a joint \
         statement voicing horror at the deadly attack on the convoy.",
        d(2021, 5, 13),
    );
    assert_eq!(date_of(&events, "joint statement"), Some(d(2021, 5, 10)));
}

#[test]
fn a_meeting_that_is_the_event_keeps_its_day() {
    // No violence: the meeting is what is reported, on the day it was held.
    let events = read(
        "talks",
        "The foreign ministers of Russia and Turkey met on Monday in Moscow and agreed a \
         ceasefire for the province of Idlib.",
        d(2021, 7, 14),
    );
    assert!(
        events
            .iter()
            .any(|e| !e.sub_event_type.is_armed_violence() && e.date.date == Some(d(2021, 7, 12))),
        "{events:#?}"
    );
}

#[test]
fn a_toll_that_gives_the_killing_its_day_is_dated_by_that_day() {
    // Published on Saturday 13 March 2021: the gas attack that killed 40 was on Tuesday.
    let events = read(
        "toll-day",
        "Medics reported the first death in the village since a suspected gas attack on Tuesday \
         that killed 40 people.",
        d(2021, 3, 13),
    );
    assert_eq!(date_of(&events, "gas attack"), Some(d(2021, 3, 9)));
}

#[test]
fn a_toll_counted_since_a_day_stays_as_of_the_report() {
    // "since Monday" is where the count starts, not the day of one killing.
    let events = read(
        "toll-since",
        "Shelling has killed at least 30 civilians in the town since Monday, the monitor said.",
        d(2021, 3, 13),
    );
    let e = events
        .iter()
        .find(|e| e.notes.contains("Shelling"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(e.date.date, Some(d(2021, 3, 13)), "{:#?}", e.date);
    assert_eq!(e.date.precision, sitrep_model::DatePrecision::AsOf);
}

#[test]
fn a_toll_counted_since_an_offensive_began_on_a_day_stays_as_of_the_report() {
    // "since ... on Thursday" tells when the count began, not one killing's day.
    let events = read(
        "toll-since-clause",
        "Government forces have killed more than 90 fighters in the hills since they went on the \
         offensive on Thursday.",
        d(2021, 3, 13),
    );
    let e = events
        .iter()
        .find(|e| e.notes.contains("offensive"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(
        e.date.precision,
        sitrep_model::DatePrecision::AsOf,
        "{:#?}",
        e.date
    );
}

/// The event read from the sentence that holds `words`, dated as of `day` (the report's, or the
/// day the toll was told).
fn assert_as_of(events: &[Event], words: &str, day: NaiveDate) {
    let e = events
        .iter()
        .find(|e| e.notes.contains(words))
        .unwrap_or_else(|| panic!("no event told with {words:?} in {events:#?}"));
    assert_eq!(e.date.date, Some(day), "{:#?}", e.date);
    assert_eq!(
        e.date.precision,
        sitrep_model::DatePrecision::AsOf,
        "{:#?}",
        e.date
    );
}

#[test]
fn the_day_a_leader_vows_is_not_the_tolls() {
    // Wednesday is the day of the vow, not of the offensive's dead.
    let events = read(
        "toll-vowed",
        "Interior minister Omar Haddad vowed Wednesday to rout the militants, whose offensive in \
         the hills has left at least 40 soldiers dead.",
        d(2021, 3, 13),
    );
    assert_as_of(&events, "vowed", d(2021, 3, 13));
}

#[test]
fn the_day_a_governor_speaks_to_a_news_agency_is_not_the_tolls() {
    let events = read(
        "toll-speaking",
        "Speaking to AFP on Wednesday the provincial governor gave a toll of 31 killed in the twin \
         car bombings near the stadium.",
        d(2021, 3, 13),
    );
    // a count as of the day it was told (not of the bombings, whose day is not told)
    assert_as_of(&events, "Speaking", d(2021, 3, 10));
}

#[test]
fn a_day_opening_a_quote_of_sources_is_the_quotings() {
    let events = read(
        "toll-quoted",
        "But on Friday the monitor quoted local sources as saying that the militants had killed \
         and executed 120 people during the assault on the village.",
        d(2021, 3, 13),
    );
    assert_as_of(&events, "quoted", d(2021, 3, 13));
}

#[test]
fn the_day_of_an_earlier_toll_is_not_the_tolls() {
    let events = read(
        "toll-earlier",
        "The ambush killed 27 soldiers near the dam, the monitor said, updating an earlier toll \
         on Thursday evening of 12.",
        d(2021, 3, 13),
    );
    assert_as_of(&events, "ambush", d(2021, 3, 13));
}

#[test]
fn a_single_shelling_a_source_tells_of_keeps_the_day_of_the_telling() {
    // One incident told to an agency on Wednesday happened that day or just before: the day of
    // the telling stays its best date (only a toll told then is counted as of it).
    let events = read(
        "told-single",
        "A police source told the agency on Wednesday that militants fired three rockets at the \
         market in the old city.",
        d(2021, 3, 13),
    );
    assert_eq!(date_of(&events, "rockets"), Some(d(2021, 3, 10)));
}

#[test]
fn a_day_told_of_tests_on_victims_is_not_the_attacks() {
    // The gas attack was on Monday 8 March; Thursday is the day the tests were confirmed.
    let events = read(
        "follow-up-day",
        "Warplanes dropped chlorine on the village of Tel Bara on 8 March 2021, medics said. On \
         Thursday similar findings were confirmed by doctors who said laboratory tests on \
         victims from the village near the border showed that chlorine gas had been used.",
        d(2021, 3, 13),
    );
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(e.date.date, Some(d(2021, 3, 8)), "{:#?}", e.date);
    }
}

#[test]
fn a_lead_reported_the_day_before_its_dateline_is_dated_by_that_report() {
    // The dateline is the day the story ran; the monitor told of the strike the day before,
    // so it fell that day or earlier: that day, approximately, and so the story goes on.
    let events = read(
        "reported-yesterday",
        "Published 22 May 2019 Warplanes struck a market in the town of Ariha in Idlib \
         province, killing 11 people, a monitor said yesterday. Rebels later shelled the \
         village of Jurin in Hama province.",
        d(2019, 5, 29),
    );
    let lead = events
        .iter()
        .find(|e| e.notes.contains("Ariha"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(lead.date.date, Some(d(2019, 5, 21)), "{:#?}", lead.date);
    assert_eq!(lead.date.precision, DatePrecision::Approximate);
    assert_eq!(date_of(&events, "Jurin"), Some(d(2019, 5, 21)));
    // Told as the dateline's own news, the lead keeps the dateline's day.
    let events = read(
        "reported-that-day",
        "Published 22 May 2019 Warplanes struck a market in the town of Ariha in Idlib \
         province, killing 11 people, a monitor said.",
        d(2019, 5, 29),
    );
    assert_eq!(events[0].date.date, Some(d(2019, 5, 22)), "{events:#?}");
    assert_eq!(events[0].date.precision, DatePrecision::Day);
}

#[test]
fn a_headline_dated_by_its_dateline_takes_the_day_the_story_names_its_event_by() {
    // The headline is dated only by the dateline; the body names the attack's day in the
    // possessive, "Saturday's attack": that day.
    let events = read(
        "retold",
        "22 May 2019 Car bomb explodes at a market in Azaz killing 30 people. In the hours \
         after Saturday's attack residents searched the rubble for survivors.",
        d(2019, 5, 29),
    );
    assert_eq!(date_of(&events, "Car bomb explodes"), Some(d(2019, 5, 18)));
    // With no such day the headline keeps the dateline's.
    let events = read(
        "not-retold",
        "22 May 2019 Car bomb explodes at a market in Azaz killing 30 people. Residents \
         searched the rubble for survivors.",
        d(2019, 5, 29),
    );
    assert_eq!(date_of(&events, "Car bomb explodes"), Some(d(2019, 5, 22)));
}

#[test]
fn this_morning_in_a_report_updated_the_next_day_is_the_storys_day() {
    // Stamped the day after the strikes, the report was written on their day: the witness's
    // "this morning" is that day, and so is what the story goes on to tell.
    let events = read(
        "updated",
        "Last updated at May 222019 BEIRUT Warplanes struck a market in the town of Ariha in \
         Idlib province on Tuesday, killing 11 people, a monitor said. The strikes hit the \
         market early on Tuesday morning. We heard the jets this morning and ran a resident \
         said. Rebels fired rockets at the village of Jurin in Hama province.",
        d(2019, 5, 22),
    );
    assert_eq!(date_of(&events, "Ariha"), Some(d(2019, 5, 21)));
    assert_eq!(date_of(&events, "Jurin"), Some(d(2019, 5, 21)));
    // Under a plain dateline "this morning" is the dateline's day.
    let events = read(
        "stamped",
        "22 May 2019 BEIRUT Warplanes struck a market in the town of Ariha in Idlib province \
         on Tuesday, killing 11 people, a monitor said. The strikes hit the market early on \
         Tuesday morning. We heard the jets this morning and ran a resident said. Rebels \
         fired rockets at the village of Jurin in Hama province.",
        d(2019, 5, 22),
    );
    assert_eq!(date_of(&events, "Jurin"), Some(d(2019, 5, 22)));
}

#[test]
fn the_same_day_is_the_last_day_told_not_a_year_between() {
    let events = read(
        "same-day",
        "A car bomb killed 6 people in Damascus on Thursday. The hotel, which was built in \
         1965, was badly damaged. Rebels shelled the Jobar district the same day.",
        d(2013, 9, 6),
    );
    assert_eq!(date_of(&events, "Jobar"), Some(d(2013, 9, 5)));
}

#[test]
fn history_told_in_passing_does_not_move_the_story() {
    let events = read(
        "history",
        "A car bomb killed four people in western Damascus on Thursday. The research centre \
         near the blast was established in 1965. Warplanes struck rebel positions in Idlib \
         province.",
        d(2013, 9, 6),
    );
    assert_eq!(date_of(&events, "Idlib"), Some(d(2013, 9, 5)));
}

#[test]
fn a_toll_is_dated_by_the_day_its_attack_is_named_or_as_of_its_telling() {
    // Published on Tuesday 5 March 2024.
    let events = read(
        "toll-possessive",
        "The toll from Sunday's air strikes on Saraqib has risen to 15, the Observatory said on \
         Tuesday.",
        d(2024, 3, 5),
    );
    assert_eq!(
        date_of(&events, "Saraqib"),
        Some(d(2024, 3, 3)),
        "{events:#?}"
    );
    // A toll told on a day, its attack's day not told: a count as of the telling.
    let events = read(
        "toll-told",
        "The death toll from a government raid on a rebel stronghold in Deir Ezzor has risen to \
         18, a monitor said on Thursday.",
        d(2024, 3, 8),
    );
    let e = events
        .iter()
        .find(|e| e.notes.contains("Deir Ezzor"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(
        (e.date.date, e.date.precision),
        (Some(d(2024, 3, 7)), DatePrecision::AsOf),
        "{:#?}",
        e.date
    );
    assert!(e.date.evidence.is_some(), "the day it was told, said why");
}

#[test]
fn a_headline_told_again_with_its_day_keeps_it_past_another_attacks_possessive_day() {
    // Published on Wednesday 17 August 2016: the lede tells the headline's attack on Wednesday;
    // "Tuesday's rocket attacks" further on are another attack.
    let events = read(
        "headline-lede",
        "17 August 2016 Rocket attacks on the Salah Eddin neighbourhood of Aleppo kill 10 \
         civilians.\n\nTen civilians were killed as militants targeted the Salah Eddin \
         neighbourhood with rocket attacks on Wednesday.\n\nThe death toll from Tuesday's rocket \
         attacks on the same neighbourhood was put at 8 civilians.",
        d(2016, 8, 17),
    );
    assert_eq!(
        date_of(&events, "kill 10"),
        Some(d(2016, 8, 17)),
        "{events:#?}"
    );
    assert_eq!(
        date_of(&events, "put at 8"),
        Some(d(2016, 8, 16)),
        "{events:#?}"
    );
}

#[test]
fn a_toll_told_with_the_day_it_rose_and_its_attack_named_by_date_or_noun() {
    // Published on Monday 30 April 2018.
    let events = read(
        "toll-rose-on",
        "The toll from Friday's suicide bombing in Kabul rose to 30 on Monday, officials said.",
        d(2018, 4, 30),
    );
    assert_eq!(
        date_of(&events, "Kabul"),
        Some(d(2018, 4, 27)),
        "{events:#?}"
    );
    let events = read(
        "toll-month-day",
        "The toll from the April 8 air strikes on Douma has risen to 15, the monitor said.",
        d(2018, 4, 17),
    );
    let e = events.iter().find(|e| e.notes.contains("Douma")).unwrap();
    assert_eq!(
        (e.date.date, e.fatalities),
        (Some(d(2018, 4, 8)), 15),
        "{e:#?}"
    );
    let events = read(
        "number-killed",
        "The number of people killed in Sunday's bombing of the market in Azaz has climbed to 15.",
        d(2018, 4, 17),
    );
    let e = events.iter().find(|e| e.notes.contains("Azaz")).unwrap();
    assert_eq!(
        (e.date.date, e.fatalities),
        (Some(d(2018, 4, 15)), 15),
        "{e:#?}"
    );
}

#[test]
fn a_wire_datelines_day_is_the_reports_not_the_events() {
    // "Dec 3" in the dateline is when the wire filed; "on Sunday" is the shelling's day, and
    // the city in the dateline's credit ("(Kyiv Wire)") is no place of it
    let events = read(
        "wire",
        "KHERSON, Ukraine, Dec 3 (Kyiv Wire) - Russian artillery shelled the city of Kherson on \
         Sunday, killing two civilians, the regional administration said.",
        d(2024, 12, 3),
    );
    let e = events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::ShellingArtilleryMissileAttack)
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(e.date.date, Some(d(2024, 12, 1)), "{:#?}", e.date);
    assert_eq!(
        e.location.as_ref().map(|l| l.name.as_str()),
        Some("Kherson"),
        "{:#?}",
        e.location
    );
}

#[test]
fn the_month_of_may_is_no_maybe() {
    // "May 2" in a dateline, "on May 1" before the trigger: a month, not a hypothetical
    for text in [
        "BEIRUT, May 2 (Wire) - Gunmen attacked an army patrol near the border on Wednesday, \
         killing two soldiers.",
        "Gunmen on May 1 attacked an army patrol near the border, killing two soldiers.",
        "Tyre, 2 May 2024 - Gunmen attacked an army patrol near the border yesterday, killing \
         two soldiers, the army said.",
    ] {
        let events = read("may", text, d(2024, 5, 2));
        let e = events
            .iter()
            .find(|e| e.sub_event_type.is_conflict())
            .unwrap_or_else(|| panic!("{text}: {events:#?}"));
        assert_eq!(e.date.date, Some(d(2024, 5, 1)), "{text}: {:#?}", e.date);
    }
    // the verb still governs
    let events = read(
        "may",
        "Officials said gunmen may attack army patrols near the border.",
        d(2024, 5, 2),
    );
    assert!(
        !events.iter().any(|e| e.sub_event_type.is_conflict()),
        "{events:#?}"
    );
}

#[test]
fn an_event_that_came_days_before_another_is_dated_back_from_it_and_a_superlatives_year_is_no_date()
{
    // published Monday 18 March 2024: the shelling on Sunday 17th, the strike it came a
    // week after on the 10th (approximately), not "this year"
    let events = read(
        "after",
        "Artillery fire hit the town of Kafr Taal on Sunday, wounding two farmers. The shelling \
         came a week after an air strike killed nine people at a bakery in Binnish, the \
         deadliest attack on the province this year.",
        d(2024, 3, 18),
    );
    assert_eq!(date_of(&events, "Artillery fire"), Some(d(2024, 3, 17)));
    let strike = events
        .iter()
        .find(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .expect("the strike recalled");
    assert_eq!(strike.date.date, Some(d(2024, 3, 10)), "{strike:#?}");
    assert_eq!(strike.date.precision, DatePrecision::Approximate);
}

#[test]
fn news_dated_only_by_the_day_it_was_said_is_dated_that_day() {
    // Published on a Thursday: what the rebels said on Tuesday they had done was done by then.
    let events = read(
        "said-on",
        "Rebel fighters said on Tuesday they had taken control of the town of Kafr Nabl after \
         government troops withdrew.",
        d(2021, 3, 11),
    );
    let e = events
        .iter()
        .find(|e| e.notes.contains("taken control"))
        .unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(e.date.date, Some(d(2021, 3, 9)), "{:#?}", e.date);
    assert_eq!(e.date.precision, DatePrecision::Approximate);
    // a weekday a week back is likelier a misfiled publication date: the report's day stands
    let events = read(
        "said-week-back",
        "Rebel fighters said Sunday they had taken control of the town of Kafr Nabl after \
         government troops withdrew.",
        d(2021, 3, 13),
    );
    assert_eq!(date_of(&events, "taken control"), Some(d(2021, 3, 13)));
}

#[test]
fn a_night_the_report_names_by_its_day_is_that_days() {
    // Published on a Monday: "an overnight raid on Sunday" fell on Sunday night, not on the
    // night before the report that "overnight" alone would mean.
    let events = read(
        "overnight-sunday",
        "Rebels killed nine villagers in an overnight raid on Sunday on the village of Kanyihunga, \
         local officials said.",
        d(2025, 3, 3),
    );
    assert_eq!(date_of(&events, "overnight raid"), Some(d(2025, 3, 2)));
    let events = read(
        "overnight",
        "Rebels killed nine villagers in an overnight raid on the village of Kanyihunga, local \
         officials said.",
        d(2025, 3, 3),
    );
    assert_eq!(date_of(&events, "overnight raid"), Some(d(2025, 3, 3)));
}
