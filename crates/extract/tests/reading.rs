//! Reading whole articles as an analyst would, on reports written for these tests.

use chrono::{Datelike, NaiveDate};
use sitrep_extract::Reader;
use sitrep_model::{
    ActorRef, Article, DatePrecision, Event, EventType, Polarity, QuantityKind, SubEventType,
};
use std::sync::OnceLock;

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(Reader::new)
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn article(id: &str, text: &str, published: Option<NaiveDate>) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        published,
        source: Some("Test Wire".into()),
        origin: format!("test:{id}"),
        ..Default::default()
    }
}

/// The name of an actor read, if one was.
fn name(actor: &Option<ActorRef>) -> Option<&str> {
    actor.as_ref().map(|a| a.name.as_str())
}

/// The first event of a sub-event type, else a panic that prints what was read.
fn first_of(events: &[Event], kind: SubEventType) -> &Event {
    events
        .iter()
        .find(|e| e.sub_event_type == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {events:#?}"))
}

/// The first conflict event, else a panic that prints what was read.
fn first_conflict(events: &[Event]) -> &Event {
    events
        .iter()
        .find(|e| e.sub_event_type.is_conflict())
        .unwrap_or_else(|| panic!("no conflict event in {events:#?}"))
}

/// Read `a` and check that it has events `of` a kind, all dated `want`.
fn assert_all_dated(a: &Article, of: impl Fn(&Event) -> bool, want: NaiveDate) {
    let r = reader().read(a);
    let dates: Vec<_> = r
        .events
        .iter()
        .filter(|e| of(e))
        .map(|e| e.date.date)
        .collect();
    assert!(!dates.is_empty(), "{:#?}", r.events);
    assert!(dates.iter().all(|x| *x == Some(want)), "{dates:?}");
}

/// The type of the one event a report is read as (fails when it is read as none or several).
fn only_event_type(id: &str, text: &str, published: NaiveDate) -> SubEventType {
    let r = reader().read(&article(id, text, Some(published)));
    assert_eq!(r.events.len(), 1, "{:#?}", r.events);
    r.events[0].sub_event_type
}

#[test]
fn air_strike_on_sunday_in_a_monday_article() {
    let a = article(
        "strike",
        "Syrian government warplanes struck the town of Saraqib in Idlib province on Sunday, \
         killing six civilians, the Syrian Observatory for Human Rights said.",
        Some(d(2019, 3, 11)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(e.date.date, Some(d(2019, 3, 10)));
    assert_eq!(e.date.precision, DatePrecision::Day);
    assert_eq!(e.fatalities, 6);
    let place = e.location.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("Syria"));
    assert_eq!(place.admin1.as_deref(), Some("Idleb"));
    assert!(e
        .claims
        .iter()
        .any(|c| c.claimant.contains("Observatory") && c.polarity == Polarity::Asserted));
    assert!(e
        .actor1
        .as_ref()
        .is_some_and(|a| a.name.starts_with("Military Forces of Syria")));
}

#[test]
fn relative_dates_stay_unresolved_without_a_publication_date() {
    let a = article(
        "undated",
        "Gunmen shot dead a shopkeeper in the city of Kandahar on Tuesday, police said.",
        None,
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, None);
    assert_eq!(e.date.precision, DatePrecision::Unresolved);
    assert_eq!(e.fatalities, 1);
}

#[test]
fn a_denial_is_kept_beside_the_claim_it_disputes() {
    let a = article(
        "deal",
        "Buses carrying rebel fighters and their families left the town of Douma on Saturday \
         under an evacuation deal, a war monitor said. The government denied that any deal had \
         been reached, state media reported.",
        Some(d(2018, 4, 16)),
    );
    let r = reader().read(&a);
    assert!(!r.events.is_empty());
    let disputes: Vec<_> = r
        .events
        .iter()
        .flat_map(|e| &e.claims)
        .filter(|c| c.polarity == Polarity::Denied)
        .collect();
    assert_eq!(disputes.len(), 1, "{:#?}", r.events);
    assert_eq!(r.standalone_claims.len(), 1);
    // The denial is not an event of its own.
    assert!(r
        .events
        .iter()
        .all(|e| !e.notes.starts_with("The government denied")));
}

#[test]
fn a_campaign_tally_is_dated_as_of_publication_and_split_by_side() {
    let a = article(
        "tally",
        "The offensive on the eastern districts has left more than 120 soldiers, 85 militants and \
         at least 30 civilians dead, according to the Observatory.",
        Some(d(2017, 9, 4)),
    );
    let r = reader().read(&a);
    let e = r.events.iter().find(|e| e.tally).expect("a tally");
    assert_eq!(e.date.date, Some(d(2017, 9, 4)));
    assert_eq!(e.date.precision, DatePrecision::AsOf);
    let killed: Vec<_> = e
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Killed)
        .collect();
    assert_eq!(killed.len(), 3);
    assert!(killed[0].lower_bound && !killed[1].lower_bound && killed[2].lower_bound);
    assert_eq!(e.fatalities, 235);
}

#[test]
fn a_toll_given_for_one_attack_is_no_campaign_tally() {
    // "toll" counts one attack's dead as often as a campaign's: the campaign's words decide
    let a = article(
        "one-toll",
        "A car bomb exploded at a checkpoint outside Jableh on Monday. The governor put the \
         death toll at 16, and the monitor gave a toll of 19 dead.",
        Some(d(2017, 9, 4)),
    );
    let r = reader().read(&a);
    assert!(!r.events.is_empty());
    assert!(r.events.iter().all(|e| !e.tally), "{:#?}", r.events);
    let a = article(
        "campaign-toll",
        "Air strikes on the eastern districts have killed 300 civilians since April, the \
         monitor said, raising its death toll for the offensive.",
        Some(d(2017, 9, 4)),
    );
    let r = reader().read(&a);
    assert!(r.events.iter().any(|e| e.tally), "{:#?}", r.events);
}

#[test]
fn a_war_toll_after_an_air_strike_is_no_part_of_its_dead() {
    // the war's toll told next, with a verb or with none, adds nothing to the strike's dead and
    // is no event of its own
    for (id, toll) in [
        (
            "war-toll-killed",
            "More than a quarter of a million people have been killed across the war-battered \
             country according to the United Nations.",
        ),
        (
            "war-toll-died",
            "More than 300000 people have died in the war.",
        ),
        (
            "war-toll-lives",
            "The five-year war has claimed over 300000 lives.",
        ),
    ] {
        let text = format!(
            "Warplanes struck a market in the town of Saraqib on Monday, killing 12 civilians, \
             rescuers said. {toll}"
        );
        let r = reader().read(&article(id, &text, Some(d(2016, 6, 14))));
        let strike = first_of(&r.events, SubEventType::AirDroneStrike);
        assert_eq!(strike.fatalities, 12, "{id}");
        assert_eq!(r.events.len(), 1, "{id}: {:#?}", r.events);
    }
}

#[test]
fn a_generalisation_is_not_an_event() {
    let a = article(
        "pattern",
        "The army has used sieges and air raids in recent months to retake rebel towns.",
        Some(d(2018, 5, 1)),
    );
    assert!(reader()
        .read(&a)
        .events
        .iter()
        .all(|e| !e.sub_event_type.is_conflict()));
}

#[test]
fn control_statements_become_control_facts() {
    let a = article(
        "control",
        "On Friday, two villages in Raqqa province - Tabqa and Mansura - remained under ISIS control.",
        Some(d(2017, 5, 8)),
    );
    let r = reader().read(&a);
    assert!(r.control.len() >= 2, "{:#?}", r.control);
    assert!(r
        .control
        .iter()
        .all(|f| f.controller.name.starts_with("Islamic State")));
    assert_eq!(r.control[0].as_of.date, Some(d(2017, 5, 5)));
}

#[test]
fn a_ceasefire_has_its_end_time_with_the_zone() {
    let a = article(
        "truce",
        "A truce that began on Sunday will remain in place until 12noon on Monday in the town of \
         Daraa, a military source said.",
        Some(d(2018, 5, 21)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::Agreement);
    assert_eq!(
        e.valid_until.as_ref().map(|t| t.at.as_str()),
        Some("2018-05-21T12:00+03:00")
    );
}

#[test]
fn a_truce_told_by_its_length_ends_that_long_after_it_was_agreed() {
    // "agreed on Friday to a seven-day ceasefire": valid until the Friday after; "the truce
    // took effect on Saturday" is that deal coming into force, not a second agreement
    let a = article(
        "seven-day",
        "The warring parties agreed on Friday to a seven-day ceasefire in the town of Kadugli, \
         mediators said. The truce took effect on Saturday.",
        Some(d(2024, 6, 10)),
    );
    let r = reader().read(&a);
    let deals: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::Agreement)
        .collect();
    assert_eq!(deals.len(), 1, "{deals:#?}");
    assert_eq!(deals[0].date.date, Some(d(2024, 6, 7)));
    assert_eq!(
        deals[0].valid_until.as_ref().map(|t| t.at.as_str()),
        Some("2024-06-14")
    );
    // hours round up to days; a day told for the end stands
    for (text, until) in [
        (
            "Rebels and the army agreed to a 72-hour truce in Aleppo on Monday.",
            "2024-06-13",
        ),
        (
            "A week-long humanitarian ceasefire was agreed in Hodeidah on Tuesday.",
            "2024-06-11",
        ),
    ] {
        let r = reader().read(&article("hours", text, Some(d(2024, 6, 10))));
        let e = first_of(&r.events, SubEventType::Agreement);
        assert_eq!(
            e.valid_until.as_ref().map(|t| t.at.as_str()),
            Some(until),
            "{text}"
        );
    }
}

#[test]
fn a_follow_up_sentence_adds_its_dead_to_the_event_before() {
    let a = article(
        "followup",
        "On 2 May 2020, armed men attacked a police checkpoint in Celaya, Guanajuato. Two officers died.",
        Some(d(2020, 5, 2)),
    );
    let r = reader().read(&a);
    assert_eq!(
        r.events
            .iter()
            .filter(|e| e.sub_event_type.is_conflict())
            .count(),
        1,
        "{:#?}",
        r.events
    );
    assert_eq!(r.events[0].fatalities, 2);
    assert_eq!(r.events[0].date.date, Some(d(2020, 5, 2)));
}

#[test]
fn a_protest_dispersed_by_police_is_one_protest_with_intervention() {
    let a = article(
        "dispersed",
        "On 3 March 2021, about 200 teachers protested in front of the governorate building in \
         Kirkuk, demanding unpaid salaries. Police dispersed the protesters with tear gas.",
        Some(d(2021, 3, 3)),
    );
    let r = reader().read(&a);
    let protests: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type.event_type() == sitrep_model::EventType::Protests)
        .collect();
    assert_eq!(protests.len(), 1, "{:#?}", r.events);
    assert_eq!(
        protests[0].sub_event_type,
        SubEventType::ProtestWithIntervention
    );
    assert!(protests[0]
        .actor1
        .as_ref()
        .is_some_and(|a| a.name == "Protesters (Iraq)"));
}

#[test]
fn a_protest_whose_crowd_turns_on_property_is_one_violent_demonstration() {
    let a = article(
        "turned",
        "On 3 March 2021, hundreds of traders demonstrated in Kirkuk against the new market tax. \
         The demonstrators set fire to the tax office.",
        Some(d(2021, 3, 3)),
    );
    let r = reader().read(&a);
    let first = first_conflict(&r.events);
    assert_eq!(
        first.sub_event_type,
        SubEventType::ViolentDemonstration,
        "{:#?}",
        r.events
    );
}

#[test]
fn arrests_at_a_protest_are_an_intervention_unless_the_protest_was_against_them() {
    let first_protest = |id: &str, text: &str| {
        let r = reader().read(&article(id, text, Some(d(2021, 3, 3))));
        r.events
            .iter()
            .find(|e| e.sub_event_type.event_type() == sitrep_model::EventType::Protests)
            .map(|e| e.sub_event_type)
    };
    assert_eq!(
        first_protest(
            "held",
            "On 3 March 2021, about 50 nurses protested in Mosul over unpaid wages. Six of them \
             were detained by the police.",
        ),
        Some(SubEventType::ProtestWithIntervention)
    );
    assert_eq!(
        first_protest(
            "grievance",
            "On 3 March 2021, about 50 students protested in Mosul against the arrest of their \
             teacher. He was arrested on Monday on charges of insulting officials.",
        ),
        Some(SubEventType::PeacefulProtest)
    );
}

#[test]
fn burning_told_after_an_attack_is_that_attack() {
    assert_eq!(
        only_event_type(
            "burned",
            "On 3 March 2021, militants attacked a village near Mocimboa da Praia. They also burned \
         several huts and two cars.",
            d(2021, 3, 3)
        ),
        SubEventType::Attack
    );
}

#[test]
fn shelling_answered_by_the_other_side_is_an_armed_clash() {
    assert_eq!(
        only_event_type(
            "answered",
            "On 3 March 2021, rebels fired 120mm mortars at army positions near Kidal. The soldiers \
         returned fire, killing two rebels.",
            d(2021, 3, 3)
        ),
        SubEventType::ArmedClash
    );
}

#[test]
fn abducted_then_killed_is_an_attack() {
    assert_eq!(
        only_event_type(
            "abducted",
            "On 3 March 2021, armed men abducted three farmers near Kidal. The farmers were later \
         shot dead.",
            d(2021, 3, 3)
        ),
        SubEventType::Attack
    );
}

#[test]
fn a_killing_whose_victim_was_in_a_gang_is_an_armed_clash() {
    let a = article(
        "gang",
        "On 3 March 2021, a man was shot dead outside a bar in Recife by two armed men on a \
         motorcycle. The victim was involved in a gang.",
        Some(d(2021, 3, 3)),
    );
    let r = reader().read(&a);
    assert_eq!(r.events.len(), 1, "{:#?}", r.events);
    assert_eq!(r.events[0].sub_event_type, SubEventType::ArmedClash);
}

#[test]
fn a_grenade_answered_with_gunfire_is_an_armed_clash() {
    assert_eq!(
        only_event_type(
            "grenade",
            "On 3 March 2021, militants threw a hand grenade at a police station in Kismayo. The \
         police fired back at the attackers.",
            d(2021, 3, 3)
        ),
        SubEventType::ArmedClash
    );
}

#[test]
fn fighters_from_a_named_group_are_that_group() {
    let a = article(
        "named",
        "On Tuesday, fighters from the Syrian Democratic Forces clashed with ISIS militants near \
         the town of Hajin.",
        Some(d(2018, 11, 14)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert!(
        e.actor1
            .as_ref()
            .is_some_and(|a| a.name.contains("Syrian Democratic Forces")),
        "{:?}",
        e.actor1
    );
    assert!(
        e.actor2
            .as_ref()
            .is_some_and(|a| a.name.starts_with("Islamic State")),
        "{:?}",
        e.actor2
    );
}

#[test]
fn two_accounts_of_the_same_dead_are_not_added_up() {
    let a = article(
        "tolls",
        "On Friday, an air strike hit a market in the town of Ariha, killing seven people, the \
         civil defence said. The Observatory said nine people were killed in the strike.",
        Some(d(2020, 1, 18)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::AirDroneStrike);
    // Both figures are kept as claims; the record takes the conservative one.
    let killed: Vec<u64> = e
        .quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Killed)
        .map(|q| q.value)
        .collect();
    assert_eq!(killed, vec![7, 9], "{:#?}", e.quantities);
    assert_eq!(e.fatalities, 7);
}

#[test]
fn a_sentence_going_on_about_the_same_fighting_is_the_same_event() {
    let a = article(
        "front",
        "On 12 June 2021, government troops fired mortars and machine guns at rebel positions \
         near Kalinove, Luhansk. Monitors counted 40 explosions near Kalinove during the night.",
        Some(d(2021, 6, 13)),
    );
    let r = reader().read(&a);
    let violent: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type.is_conflict())
        .collect();
    assert_eq!(violent.len(), 1, "{violent:#?}");
    assert!(violent[0].notes.contains("Monitors counted"));

    // Announced as another incident, it stays apart.
    let a = article(
        "front2",
        "On 12 June 2021, government troops fired mortars and machine guns at rebel positions \
         near Kalinove, Luhansk. In a separate incident, artillery shells hit a farm near Kalinove.",
        Some(d(2021, 6, 13)),
    );
    let r = reader().read(&a);
    assert_eq!(
        r.events
            .iter()
            .filter(|e| e.sub_event_type.is_conflict())
            .count(),
        2
    );
}

#[test]
fn bombs_dropped_by_named_aircraft_name_who_struck() {
    // "dropped by regime warplanes": a weapon's participle names who struck, and the
    // modifier "regime" is one actor with its head; the people killed are acted on
    let a = article(
        "dropped",
        "At least nine people including women and children were killed on Sunday in Saraqib \
         in barrel bomb attacks dropped by regime warplanes, rescuers said.",
        Some(d(2016, 3, 7)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));

    // the actor named first and again as the passive's agent is not its own victim
    let a = article(
        "named-twice",
        "The regime went on with its crimes as 40 civilians were killed in the gas attack \
         carried out by regime warplanes on the town of Saraqib on Sunday.",
        Some(d(2016, 3, 7)),
    );
    let r = reader().read(&a);
    let e = first_conflict(&r.events);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));

    // what was intercepted was fired by the other side, which ACLED names second
    let a = article(
        "intercepted",
        "On 3 May 2020, coalition air defences intercepted a ballistic missile fired by the \
         Houthis over Marib city.",
        Some(d(2020, 5, 4)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::DisruptedWeaponsUse);
    assert_eq!(name(&e.actor1), Some("Operation Restoring Hope"));
}

#[test]
fn an_office_that_tells_of_an_attack_did_not_make_it() {
    // "A source at the Police Command said that terrorists fired ...": the police speak
    for text in [
        "A source at Homs Police Command said that terrorists fired rocket shells at the \
         al-Waer district on Saturday, killing two people.",
        "A source at Homs Police Command told the agency that terrorists fired rocket shells at \
         the al-Waer district on Saturday, killing two people.",
    ] {
        let r = reader().read(&article("office", text, Some(d(2016, 8, 15))));
        let e = first_conflict(&r.events);
        assert_ne!(
            name(&e.actor1),
            Some("Police Forces of Syria (2000-)"),
            "{text}"
        );
        assert_eq!(name(&e.actor2), Some("Civilians (Syria)"), "{text}");
    }
    // a force named before its station was hit there, it did not bomb it
    let r = reader().read(&article(
        "station",
        "At least nine people were killed on Monday by suicide bombings that targeted a police \
         station in Homs.",
        Some(d(2017, 10, 3)),
    ));
    let e = first_conflict(&r.events);
    assert_ne!(name(&e.actor1), Some("Police Forces of Syria (2000-)"));
    // "dropped from an army helicopter": the aircraft's force struck
    let r = reader().read(&article(
        "from",
        "Residents told the agency that the attack took place on Wednesday with two barrel bombs \
         dropped from an army helicopter over Saraqib.",
        Some(d(2014, 10, 30)),
    ));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
}

#[test]
fn an_event_told_by_its_distance_from_another_is_not_this_one() {
    // ", hours after the suicide bombing in Bannu": the kind is the sentence's own attack
    let r = reader().read(&article(
        "hours-after",
        "Two policemen were killed when militants attacked a police post in Lakki Marwat on \
         Tuesday night, hours after the suicide bombing in neighbouring Bannu.",
        Some(d(2025, 3, 5)),
    ));
    let e = first_conflict(&r.events);
    assert_ne!(e.sub_event_type, SubEventType::SuicideBomb, "{e:#?}");
    assert_eq!(e.fatalities, 2);
    // ", five days after a missile strike on the city killed eight": not this strike's dead
    let r = reader().read(&article(
        "days-after",
        "Two people were killed when drones hit Kharkiv on Tuesday, five days after a missile \
         strike on the city killed eight.",
        Some(d(2025, 3, 5)),
    ));
    assert_eq!(first_conflict(&r.events).fatalities, 2);
}

#[test]
fn civilians_are_acted_on_and_a_speaker_between_commas_only_tells() {
    for (text, country) in [
        (
            "Ten people died when gunmen stormed a bar in Celaya on Sunday night.",
            "Mexico",
        ),
        (
            "Three young men were shot dead at a car wash in Irapuato on Sunday afternoon, \
             police said, in a separate attack hours before the massacre in Celaya.",
            "Mexico",
        ),
    ] {
        let r = reader().read(&article("civilians", text, Some(d(2025, 3, 5))));
        let e = first_conflict(&r.events);
        let unidentified = format!("Unidentified Armed Group ({country})");
        let civilians = format!("Civilians ({country})");
        assert_eq!(name(&e.actor1), Some(unidentified.as_str()), "{text}");
        assert_eq!(name(&e.actor2), Some(civilians.as_str()), "{text}");
    }
    // whose area was hit is not who struck it
    let r = reader().read(&article(
        "held-area",
        "On Saturday eight people were killed when a barrel bomb hit a building in an \
         opposition-held area of Aleppo city.",
        Some(d(2016, 8, 7)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));
    assert_ne!(name(&e.actor1), Some("Opposition Rebels (Syria)"));
}

#[test]
fn a_speaker_closing_the_sentence_with_its_day_only_tells() {
    // ", the defence ministry said on Sunday": the ministry tells of the capture, it is no side
    let r = reader().read(&article(
        "said-on",
        "Russian forces have captured the village of Novomykhailivka in Donetsk region, the \
         Russian defence ministry said on Sunday.",
        Some(d(2024, 5, 5)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(name(&e.actor1), Some("Military Forces of Russia (2000-)"));
    assert_ne!(
        name(&e.actor2),
        Some("Government of Russia (2000-)"),
        "{e:#?}"
    );
}

#[test]
fn a_government_mourning_an_attack_did_not_make_it() {
    let r = reader().read(&article(
        "mourning",
        "Mali's transitional government declared three days of national mourning on Monday \
         after last Thursday's attack near Menaka, in which at least 12 villagers were killed.",
        Some(d(2025, 3, 11)),
    ));
    let e = first_conflict(&r.events);
    assert!(
        e.actor1
            .as_ref()
            .is_none_or(|a| !a.name.starts_with("Government of")),
        "{e:#?}"
    );
}

#[test]
fn who_died_was_acted_on() {
    let r = reader().read(&article(
        "died",
        "A fifth police officer died of his wounds on Wednesday, a day after a suicide car \
         bombing at a checkpoint in Bannu.",
        Some(d(2025, 7, 2)),
    ));
    let e = first_conflict(&r.events);
    assert_ne!(
        name(&e.actor1),
        Some("Police Forces of Pakistan (2018-)"),
        "{e:#?}"
    );
    assert_eq!(name(&e.actor2), Some("Police Forces of Pakistan (2018-)"));
}

#[test]
fn a_toll_ranked_among_recent_years_is_still_told() {
    // "one of the deadliest massacres in recent years" ranks the event, it tells no pattern
    let r = reader().read(&article(
        "ranked",
        "The toll from Thursday's gang attack on the town of Saint-Marc has risen to 64 dead, a UN \
         spokesperson said on Saturday, making it one of the deadliest massacres in Haiti in \
         recent years.",
        Some(d(2025, 10, 4)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(e.fatalities, 64);
    // a pattern is still no event
    let r = reader().read(&article(
        "pattern",
        "Gangs have attacked the town of Saint-Marc repeatedly in recent years.",
        Some(d(2025, 10, 4)),
    ));
    assert!(
        r.events.iter().all(|e| !e.sub_event_type.is_conflict()),
        "{:#?}",
        r.events
    );
}

#[test]
fn a_gain_of_territory_is_named_by_who_took_it() {
    // "recaptured" leans to a government's regaining; militants retaking a town overtake it
    let r = reader().read(&article(
        "retaken",
        "Al Shabaab militants recaptured the coastal town of Badhadhe on Sunday, hours after \
         it was seized by government troops.",
        Some(d(2020, 3, 2)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(
        e.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory,
        "{e:#?}"
    );
}

#[test]
fn a_far_passive_agent_acts_and_the_victims_are_acted_on() {
    let a = article(
        "driveby",
        "On 4 March 2021, a trader was killed in a drive-by shooting near the central market of \
         Kano by two armed men on a motorcycle.",
        Some(d(2021, 3, 5)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::Attack);
    assert_eq!(name(&e.actor1), Some("Unidentified Armed Group (Nigeria)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Nigeria)"));

    // "fired by presumed X": a hedge between "by" and the actor still names who fired
    let a = article(
        "presumed",
        "On 4 March 2021, shells fired by presumed LNA forces hit a clinic in Tripoli, wounding \
         two nurses.",
        Some(d(2021, 3, 5)),
    );
    let r = reader().read(&a);
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Military Forces of Libya (2014-) Haftar Faction")
    );

    // a participle of its own: "a convoy hidden by ..." does not name who attacked
    let a = article(
        "hidden",
        "On 4 March 2021, soldiers attacked a depot near Kano used by smugglers, killing two \
         guards.",
        Some(d(2021, 3, 5)),
    );
    let r = reader().read(&a);
    assert!(r.events[0]
        .actor1
        .as_ref()
        .is_some_and(|a| a.name.starts_with("Military Forces of Nigeria")));
}

#[test]
fn where_acled_names_unknown_perpetrators_by_what_they_did_armed_men_follow() {
    // Mexico: drive-by shootings are coded to an unidentified gang.
    let a = article(
        "mx",
        "On 9 June 2021, in Celaya, Guanajuato, armed men on a motorcycle carried out a drive-by \
         shooting against a shopkeeper. The victim died.",
        Some(d(2021, 6, 10)),
    );
    let r = reader().read(&a);
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Gang (Mexico)")
    );
    // A body found with the marks told in the next sentence: the gang is named too, also when
    // the victim is the only actor the sentence names. With no such mark, no gang.
    let a = article(
        "mx-body",
        "On 9 June 2021, in Zamora, Michoacan, a woman was found dead near the river. Her hands \
         and feet were tied.",
        Some(d(2021, 6, 10)),
    );
    let r = reader().read(&a);
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Gang (Mexico)")
    );
    assert_eq!(name(&r.events[0].actor2), Some("Civilians (Mexico)"));
    let a = article(
        "mx-plain",
        "On 9 June 2021, in Zamora, Michoacan, a woman was found dead near the river. The body \
         was wrapped in a sheet.",
        Some(d(2021, 6, 10)),
    );
    let r = reader().read(&a);
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Armed Group (Mexico)")
    );
    // Elsewhere armed men stay an unidentified armed group, and people who seize people are
    // not "civilians" acting.
    let a = article(
        "ng",
        "On 9 June 2021, a farmer was abducted near Kaduna by individuals travelling in two cars.",
        Some(d(2021, 6, 10)),
    );
    let r = reader().read(&a);
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Armed Group (Nigeria)")
    );
}

#[test]
fn fire_with_no_named_shooter_on_a_stable_front_comes_from_the_other_side() {
    let a = article(
        "front",
        "On Saturday, monitors recorded 14 explosions near Horlivka in Donetsk region. \
         Separately, the monitors heard exchanges of fire in both directions near Avdiivka.",
        Some(d(2020, 5, 4)),
    );
    let r = reader().read(&a);
    let near = |town: &str| {
        r.events
            .iter()
            .find(|e| e.notes.contains(town))
            .unwrap_or_else(|| panic!("an event near {town}: {:#?}", r.events))
    };
    let horlivka = near("Horlivka");
    let a1 = horlivka.actor1.as_ref().expect("the shooter is inferred");
    assert_eq!(a1.name, "Military Forces of Ukraine (2019-)");
    assert!(a1
        .evidence
        .as_ref()
        .is_some_and(|e| e.rule.starts_with("front_line:donbas")));
    let avdiivka = near("Avdiivka");
    assert_eq!(
        name(&avdiivka.actor2),
        Some("Military Forces of Ukraine (2019-)")
    );
    // the same words before the front existed name nobody
    let before = reader().read(&Article {
        published: Some(d(2013, 5, 4)),
        ..a.clone()
    });
    assert!(before.events.iter().all(|e| e.actor1.is_none()));
}

#[test]
fn an_outside_party_written_apart_is_not_where_it_happened() {
    let a = Article {
        source: Some("SOHR".into()),
        ..article(
            "backed",
            "Gunmen opened fire on a Turkey backed faction on Sunday, wounding two fighters.",
            Some(d(2020, 5, 4)),
        )
    };
    let r = reader().read(&a);
    let place = r.events[0].location.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("Syria"), "{place:?}");
}

#[test]
fn a_clash_of_unknown_gunmen_is_between_unknown_armed_groups() {
    let a = article(
        "shootout",
        "On 4 March 2021, a shoot-out broke out in a market of Kaduna. No casualties were \
         reported.",
        Some(d(2021, 3, 5)),
    );
    let a2 = article(
        "between",
        "On 4 March 2021, unidentified gunmen clashed in a market of Kaduna.",
        Some(d(2021, 3, 5)),
    );
    for a in [a, a2] {
        let r = reader().read(&a);
        let e = &r.events[0];
        assert_eq!(e.sub_event_type, SubEventType::ArmedClash, "{}", e.notes);
        for side in [&e.actor1, &e.actor2] {
            assert_eq!(
                name(side),
                Some("Unidentified Armed Group (Nigeria)"),
                "{}",
                e.notes
            );
        }
    }
}

#[test]
fn where_acled_lists_state_forces_first_in_clashes_the_wording_does_not_decide() {
    let text = "On 4 March 2021, drug traffickers exchanged fire with military police officers \
                during a patrol in Campinas, Sao Paulo.";
    let r = reader().read(&article("br-clash", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Brazil (2019-) Military Police")
    );
    assert_eq!(name(&e.actor2), Some("Unidentified Gang (Brazil)"));
    // elsewhere the side named first stays actor 1
    let text =
        "On 4 March 2021, gunmen of a drug cartel exchanged fire with state police officers \
                during a patrol in Celaya, Guanajuato.";
    let r = reader().read(&article("mx-clash", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        name(&e.actor2),
        Some("Police Forces of Mexico (2018-) State Police")
    );
}

#[test]
fn a_leading_category_label_is_not_where_the_roles_are_read() {
    let text = "Movement of forces: On 4 March 2021, Turkish forces brought military \
                reinforcements to their bases near Idlib.";
    let r = reader().read(&article("label", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Turkey (2016-)"),
        "{e:#?}"
    );
    let text = "Looting: On 4 March 2021, regime forces looted the crops of farmers near Saraqib.";
    let r = reader().read(&article("label2", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));
}

#[test]
fn forces_operating_under_an_operation_are_the_operation() {
    let text = "On 4 March 2021, Turkish forces and allied factions, operating under OPS, shelled \
                the village of Tal Tamer in al-Hasakeh.";
    let r = reader().read(&article("ops", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Operation Peace Spring"));
    // people living under a group's rule are not acted on by it
    let text = "On 4 March 2021, residents living under IS rule protested in Raqqa.";
    let r = reader().read(&article("under", text, Some(d(2021, 3, 5))));
    assert_eq!(name(&r.events[0].actor1), Some("Protesters (Syria)"));
}

#[test]
fn the_subject_of_a_passive_verb_is_acted_on() {
    // no "by": the policeman was attacked; the gunmen named later attacked
    let text = "On 4 March 2021, a police officer from the town was shot and wounded near \
                Kandahar after gunmen stopped his car.";
    let r = reader().read(&article("passive", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        name(&e.actor2),
        Some("Police Forces of Afghanistan (2014-)"),
        "{e:#?}"
    );
    // "were reported": the subject is what was reported, not what was hit
    let text = "On 4 March 2021, Saudi-led coalition air raids were reported on Sirwah district \
                in Marib.";
    let r = reader().read(&article("reported", text, Some(d(2021, 3, 5))));
    assert_eq!(name(&r.events[0].actor1), Some("Operation Restoring Hope"));
    // "were transferred out": the group moved still left, it was not acted on
    let text = "On 4 March 2021, the last group of IS fighters was transferred by bus out of \
                the Yarmouk camp in southern Damascus.";
    let r = reader().read(&article("transferred", text, Some(d(2021, 3, 5))));
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Islamic State (Syria)"),
        "{:#?}",
        r.events[0]
    );
}

#[test]
fn a_clash_between_two_named_sides_lists_them_in_order() {
    let text = "On 4 March 2021, two rebels were killed during a firefight between the NPA and \
                the military in Masbate.";
    let r = reader().read(&article("between", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(name(&e.actor1), Some("NPA: New People's Army"));
    assert_eq!(
        name(&e.actor2),
        Some("Military Forces of the Philippines (2016-)")
    );
}

#[test]
fn two_subjects_of_a_clash_fought_each_other() {
    let text = "On 4 March 2021, GNA and LNA forces clashed near Ayn Zarah in Tripoli.";
    let r = reader().read(&article("and-clash", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Libya (2016-) Government of National Accord")
    );
    assert_eq!(
        name(&e.actor2),
        Some("Military Forces of Libya (2014-) Haftar Faction")
    );
}

#[test]
fn a_group_reporting_what_others_did_is_not_a_party_to_it() {
    let text = "HPG reported that on 4 March 2021, Turkish warplanes carried out airstrikes \
                against PKK positions in the Zap region of Dahuk.";
    let r = reader().read(&article("hpg", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Military Forces of Turkey (2016-)"));
    assert_eq!(name(&e.actor2), Some("PKK: Kurdistan Workers Party"));
}

#[test]
fn rioters_face_the_police_named_or_each_other() {
    let text = "On 4 March 2021, a mob of about 200 labourers pelted stones at a shop and clashed \
                with police in Howrah, West Bengal.";
    let r = reader().read(&article("riot-police", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        e.sub_event_type.event_type(),
        sitrep_model::EventType::Riots
    );
    assert_eq!(
        name(&e.actor2),
        Some("Police Forces of India (2014-)"),
        "{e:#?}"
    );
    let text = "On 4 March 2021, two groups of villagers clashed with sticks over a land dispute \
                in Etah, Uttar Pradesh.";
    let r = reader().read(&article("riot-groups", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        e.sub_event_type.event_type(),
        sitrep_model::EventType::Riots
    );
    for side in [&e.actor1, &e.actor2] {
        assert_eq!(name(side), Some("Rioters (India)"));
    }
}

#[test]
fn civilians_are_what_explosions_act_on() {
    let text = "On 4 March 2021, a displaced villager died in a landmine explosion near \
                Buthidaung, Rakhine State.";
    let r = reader().read(&article("mine", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(
        e.sub_event_type.event_type(),
        sitrep_model::EventType::ExplosionsRemoteViolence
    );
    assert_eq!(name(&e.actor1), Some("Unidentified Armed Group (Myanmar)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Myanmar)"));
}

#[test]
fn two_states_forces_named_together_fought_each_other_home_side_first() {
    let text = "On 4 March 2021, military forces of India and Pakistan exchanged fire across the \
                LoC in the Kotli sector of Azad Kashmir, Pakistan.";
    let r = reader().read(&article("loc", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::ArmedClash);
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Pakistan (2018-)"),
        "{e:#?}"
    );
    assert_eq!(name(&e.actor2), Some("Military Forces of India (2014-)"));
}

#[test]
fn the_object_of_the_subjects_verb_before_the_trigger_is_acted_on() {
    let text = "On 4 March 2021, Turkish forces killed four PKK militants during airstrikes in \
                the Zap region of Dahuk.";
    let r = reader().read(&article("object", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Military Forces of Turkey (2016-)"));
    assert_eq!(
        name(&e.actor2),
        Some("PKK: Kurdistan Workers Party"),
        "{e:#?}"
    );
}

#[test]
fn rioters_attacking_property_act_on_civilians() {
    let text = "On 4 March 2021, rioters hurled Molotov cocktails at a bank branch in Sidon.";
    let r = reader().read(&article("molotov", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Rioters (Lebanon)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Lebanon)"), "{e:#?}");
}

#[test]
fn arrests_naming_no_one_were_made_by_the_police_named_just_before() {
    let text = "On 4 March 2021, in Campinas, Sao Paulo, federal police officers seized two tons \
                of marijuana hidden in a truck. Two people were arrested.";
    let r = reader().read(&article("seizure", text, Some(d(2021, 3, 5))));
    let e = first_of(&r.events, SubEventType::Arrests);
    let a1 = e.actor1.as_ref().expect("who arrested");
    assert_eq!(a1.name, "Police Forces of Brazil (2019-) Federal Police");
    assert!(a1
        .evidence
        .as_ref()
        .is_some_and(|ev| ev.rule.contains("named before") && ev.sentence == 0));
}

#[test]
fn an_explosive_no_one_is_named_for_was_set_by_an_unknown_armed_group() {
    let text = "On 4 March 2021, an explosion of unknown origin damaged a shop in Kandahar city.";
    let r = reader().read(&article("ied", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(e.sub_event_type, SubEventType::RemoteExplosive);
    assert_eq!(
        name(&e.actor1),
        Some("Unidentified Armed Group (Afghanistan)")
    );
}

#[test]
fn in_brazil_a_drive_by_names_the_gang_or_police_militia_and_armed_men_alone_do_not() {
    let text = "On 4 March 2021, in Teresina, Piaui, a man was shot to death by two armed men. \
                There are no reports on the identity of the perpetrators.";
    let r = reader().read(&article("br-armed", text, Some(d(2021, 3, 5))));
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Armed Group (Brazil)")
    );
    let text = "On 4 March 2021, in Teresina, Piaui, a man was killed in a drive-by shooting by \
                two armed men on a motorcycle.";
    let r = reader().read(&article("br-driveby", text, Some(d(2021, 3, 5))));
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Unidentified Gang and/or Police Militia")
    );
}

#[test]
fn who_attacked_is_actor1_when_the_other_side_repelled_it() {
    let text = "On 4 March 2021, Afghan forces repelled an attack by Taliban militants on a \
                checkpoint in Chora district, Uruzgan.";
    let r = reader().read(&article("repelled", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Taliban"));
    assert_eq!(
        name(&e.actor2),
        Some("Military Forces of Afghanistan (2014-)")
    );
    let text = "On 4 March 2021, nine Taliban militants were killed when Afghan forces repulsed \
                their attack in Chora district, Uruzgan.";
    let r = reader().read(&article("repulsed", text, Some(d(2021, 3, 5))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Taliban"));
    assert_eq!(
        name(&e.actor2),
        Some("Military Forces of Afghanistan (2014-)")
    );
}

#[test]
fn who_is_accused_of_an_attack_is_actor1_not_the_accuser() {
    let text = "Syrian rebels on Monday accused government forces of launching a chemical \
                attack on the town of Saraqib in Idlib province, killing 12 people.";
    let r = reader().read(&article("accused", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::ChemicalWeapon);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    // accused, not accusing: the men stay the victims
    let text = "Islamic State militants shot dead three men in Raqqa on Monday; two of the men \
                were accused of spying for government forces.";
    let r = reader().read(&article("were-accused", text, Some(d(2018, 2, 6))));
    let e = &r.events[0];
    assert_eq!(name(&e.actor1), Some("Islamic State (Syria)"));
}

#[test]
fn activists_who_tell_of_a_strike_are_no_party_to_it() {
    // Protesters are a party to protests and riots only: activists who speak of a raid tell
    // of it, and the side they name is who acted.
    let text = "Activists in the town of Maarat al-Numan in Idlib province said on Sunday that \
                an air raid hit the vegetable market, killing nine people.";
    let r = reader().read(&article("activists-tell", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert!(
        !name(&e.actor1).is_some_and(|n| n.starts_with("Protesters")),
        "{:?}",
        e.actor1
    );
    let text = "An activist in Idlib province told reporters on Sunday that Syrian government \
                warplanes bombed the vegetable market of Maarat al-Numan, killing nine people.";
    let r = reader().read(&article("activist-tells", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    // (they still march in their own protests)
    let text = "Hundreds of activists marched through the centre of Idlib on Friday demanding \
                the release of detainees.";
    let r = reader().read(&article("activists-march", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::PeacefulProtest);
    assert_eq!(name(&e.actor1), Some("Protesters (Syria)"));
}

#[test]
fn a_denial_of_blame_is_itself_the_news() {
    // Denying that one's forces did it says who is (not) responsible: an attribution event,
    // not a dispute of some event this report tells.
    assert_eq!(
        only_event_type(
            "denial-of-blame",
            "The defence ministry on Tuesday denied its jets were responsible for the raid that \
             destroyed a clinic in the border town.",
            d(2021, 6, 9),
        ),
        SubEventType::ClaimOfResponsibility
    );
}

#[test]
fn a_place_taken_after_the_other_side_withdrew_changed_hands_without_violence() {
    // The first sentence tells the takeover; the next one that the army had left first.
    assert_eq!(
        only_event_type(
            "taken-unopposed",
            "Rebel fighters have taken control of a hill village south of the river. The rebels \
             seized the village following the withdrawal of army units for unknown reasons.",
            d(2021, 6, 9),
        ),
        SubEventType::NonViolentTransferOfTerritory
    );
}

#[test]
fn a_denial_of_blame_after_the_event_is_a_denied_claim_on_it() {
    // Told after the raid it denies, the denial is one more claim about that raid, kept beside
    // the monitor's: not an attribution event of its own.
    let a = article(
        "denial-after-raid",
        "Warplanes struck a clinic in the border town on Monday, killing six people, a monitor \
         said. The defence ministry denied its jets were responsible for the raid.",
        Some(d(2021, 6, 9)),
    );
    let r = reader().read(&a);
    assert!(
        r.events
            .iter()
            .all(|e| e.sub_event_type != SubEventType::ClaimOfResponsibility),
        "{:#?}",
        r.events
    );
    let strike = first_of(&r.events, SubEventType::AirDroneStrike);
    assert!(
        strike.claims.iter().any(|c| c.polarity == Polarity::Denied),
        "{:#?}",
        strike.claims
    );
}

#[test]
fn a_report_that_opens_with_its_dateline_tells_monday_from_that_day() {
    // Filed a week late, the report still says "on Monday" of its own date, and its dateline
    // dates the report, not the strike.
    let a = article(
        "dateline",
        "Date of publication 22 May 2019 Warplanes struck a market in the town of Ariha in \
         Idlib province on Monday, killing 11 people, a monitor said.",
        Some(d(2019, 5, 30)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 20)), "{:#?}", e.date);
    assert_eq!(e.date.precision, DatePrecision::Day);
}

#[test]
fn a_lead_told_through_its_victims_is_dated_only_near_its_dateline() {
    // The dateline is the day the test results came out; the shelling came before it.
    let a = article(
        "follow-up-lead",
        "Tuesday 14 May 2019 Doctors say tests on shelling victims in Ariha show burns from \
         white phosphorus.",
        Some(d(2019, 5, 14)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 14)), "{:#?}", e.date);
    assert_eq!(
        e.date.precision,
        DatePrecision::Approximate,
        "{:#?}",
        e.date
    );
    // Told as news of that day, the lead keeps the dateline's day.
    let a = article(
        "news-lead",
        "Tuesday 14 May 2019 Government forces shelled the town of Ariha in Idlib province, \
         killing four civilians.",
        Some(d(2019, 5, 14)),
    );
    let r = reader().read(&a);
    assert_eq!(
        r.events[0].date.precision,
        DatePrecision::Day,
        "{:#?}",
        r.events
    );
}

#[test]
fn a_reaction_far_on_is_one_more_claim_on_the_event_it_reacts_to() {
    // The strike is told first; the condemnation comes paragraphs later and names only the
    // province: it is Turkey's claim on that strike, not a strike of its own.
    let a = article(
        "reaction-far",
        "Warplanes struck a market in the town of Ariha in Idlib province on Monday, killing 11 \
         people, a monitor said. Rescue workers searched the rubble for survivors. The market \
         had reopened a week earlier. Traders said they had nowhere else to sell their goods. \
         Shops around the square were shuttered. Turkey condemned the air strike on civilians \
         in Idlib as a crime against humanity.",
        Some(d(2019, 5, 21)),
    );
    let r = reader().read(&a);
    let strikes: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .collect();
    assert_eq!(strikes.len(), 1, "{:#?}", r.events);
    assert!(
        strikes[0]
            .claims
            .iter()
            .any(|c| c.claimant == "Government of Turkey"),
        "{:#?}",
        strikes[0].claims
    );
}

#[test]
fn who_condemns_an_attack_takes_no_part_in_it() {
    let a = article(
        "condemner",
        "The opposition coalition condemned Tuesday's bombing of a bakery in the town of Azaz, \
         which killed seven people.",
        Some(d(2019, 5, 23)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 21)), "{:#?}", e.date);
    assert!(
        [&e.actor1, &e.actor2]
            .into_iter()
            .flatten()
            .all(|a| !a.name.contains("Coalition") && !a.name.contains("Rebels")),
        "{:#?} / {:#?}",
        e.actor1,
        e.actor2
    );
}

#[test]
fn a_country_or_its_capital_that_denies_speaks_for_its_government() {
    let a = article(
        "capital-denies",
        "Warplanes bombed a hospital in the town of Kafr Nabl on Monday, killing nine people, a \
         monitor said. Moscow denied on Wednesday that its jets had carried out the raid.",
        Some(d(2019, 5, 22)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert!(
        e.claims
            .iter()
            .any(|c| c.claimant == "Government of Russia" && c.polarity == Polarity::Denied),
        "{:#?}",
        e.claims
    );
    let a = article(
        "country-denies",
        "Shelling killed four people in the town of Kafr Nabl on Monday, a monitor said. The \
         opposition called on the Security Council to meet. Russia has categorically denied \
         any role in the shelling.",
        Some(d(2019, 5, 22)),
    );
    let r = reader().read(&a);
    let shelling = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
    assert!(
        shelling
            .claims
            .iter()
            .any(|c| c.claimant == "Government of Russia" && c.polarity == Polarity::Denied),
        "{:#?}",
        r.events
    );
}

#[test]
fn the_capital_that_speaks_is_not_where_it_happened() {
    let a = article(
        "capital-speaks",
        "Turkey on Thursday condemned Tuesday's air strike on a market in the town of Ariha in \
         Idlib province. Ankara said the raid killed 19 civilians.",
        Some(d(2019, 5, 23)),
    );
    let r = reader().read(&a);
    assert!(
        r.events.iter().all(|e| e
            .location
            .as_ref()
            .is_none_or(|p| p.country.as_deref() != Some("Turkey"))),
        "{:#?}",
        r.events
    );
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 21)), "{:#?}", e.date);
    assert_eq!(e.fatalities, 19);
}

#[test]
fn names_and_words_that_are_no_places_in_the_news_are_not_read_as_places() {
    // Each sentence tells an event somewhere, and names a person, a title or a common word that
    // the gazetteer also knows as a small place abroad.
    let cases = [
        ("vladimir", "Russian President Vladimir Putin said warplanes struck a convoy on Monday.", "Vladimir"),
        ("dozens", "Tags war air raids Dozens of air strikes hit rebel-held districts on Monday, killing 12 people.", "Dozens"),
        ("secretary", "Speaking on Sunday US Secretary of State John Doe said shelling killed four people.", "Secretary"),
        ("crescent", "Gunmen killed three Red Crescent volunteers on Monday, the agency said.", "Crescent"),
        ("tomahawk", "Warships fired 30 Tomahawk missiles at an air base on Monday.", "Tomahawk"),
        ("summit", "Air strikes killed six people on Monday as a Summit opened, activists said.", "Summit"),
        ("photo", "AP Photo Senior Airman Jane Doe. Warplanes struck a bridge on Monday, killing two people.", "Photo"),
        ("like", "Like Hana Sabri, thousands fled after shelling killed four people on Monday.", "Like"),
        ("donald", "Shelling killed four people on Monday. Are Donald Smiths new policies just?", "Donald"),
        ("assads", "Sunday 2 June 2019 Abdo: Assads Bombing of Hama Condemned. Shelling killed four people.", "Assads"),
        ("resident", "A blast killed six people on Monday, town resident Karim Yousef a teacher told reporters.", "Yousef"),
        ("photo-credit", "AP Photo Karim Haddad Missile Attack on Air Base. Missiles struck an air base on Monday.", "Haddad"),
    ];
    let mut misread = Vec::new();
    for (id, text, word) in cases {
        let r = reader().read(&article(id, text, Some(d(2019, 5, 21))));
        for e in &r.events {
            let place = e
                .location
                .as_ref()
                .map(|p| p.mention.as_str())
                .unwrap_or("");
            if place.contains(word) {
                misread.push(format!("{id}: read at {place:?}"));
            }
        }
    }
    assert!(misread.is_empty(), "{misread:#?}");
}

#[test]
fn a_denial_that_they_carried_out_strikes_is_a_denied_claim_not_a_strike() {
    // The ministry's statement names strikes only to deny them: one strike is read, with the
    // ministry's denial and the state media's "totally false" beside the monitor's account.
    let a = article(
        "not-carried-out",
        "Warplanes struck the town of Kafr Nabl on Monday, killing nine people, a monitor said. \
         \"Our aircraft have not carried out any strikes near the town,\" the defence ministry \
         said. Reports of casualties in the town are totally false, state media said.",
        Some(d(2019, 5, 21)),
    );
    let r = reader().read(&a);
    let strikes: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .collect();
    assert_eq!(strikes.len(), 1, "{:#?}", r.events);
    let denials = strikes[0]
        .claims
        .iter()
        .filter(|c| c.polarity == Polarity::Denied)
        .count();
    assert_eq!(denials, 2, "{:#?}", strikes[0].claims);
}

#[test]
fn a_condemnation_of_the_bombing_joins_its_death_toll() {
    // The toll is a running count of one bombing; the opposition's condemnation of "the
    // bombing" is one more claim about it.
    let a = article(
        "toll-condemned",
        "The death toll from a car bomb attack on a bus convoy near the town of Azaz has risen \
         to 40 killed, a monitor said on Sunday. Officials said the convoy carried families. The \
         opposition condemned the bombing as a treacherous terrorist attack.",
        Some(d(2019, 5, 20)),
    );
    let r = reader().read(&a);
    let bombings: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::RemoteExplosive)
        .collect();
    assert_eq!(bombings.len(), 1, "{:#?}", r.events);
}

#[test]
fn a_foreign_country_that_acts_is_not_where_it_acted() {
    // "Russia" is who carries out the strikes, named with no "in": the strikes are where the
    // story is, not in Russia.
    let a = article(
        "foreign-agent",
        "Warplanes struck a market in the town of Ariha in Idlib province on Monday, killing 11 \
         people, a monitor said. Russia has been carrying out air strikes to support government \
         forces since last year.",
        Some(d(2019, 5, 21)),
    );
    let r = reader().read(&a);
    assert!(
        r.events.iter().all(|e| e
            .location
            .as_ref()
            .is_none_or(|p| p.country.as_deref() == Some("Syria"))),
        "{:#?}",
        r.events
            .iter()
            .map(|e| (&e.sub_event_type, &e.location))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_day_right_before_according_to_is_the_events_day() {
    // Without the comma the wire copy lost, "on Saturday according to the monitor" still dates
    // the strikes, not the monitor's report.
    let a = article(
        "day-before-according",
        "Air strikes hit the town of Ariha in Idlib province on Saturday according to the Syrian \
         Observatory for Human Rights.",
        Some(d(2019, 5, 20)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 18)), "{:#?}", e.date);
    assert_eq!(e.date.precision, DatePrecision::Day);
}

#[test]
fn a_ministry_named_without_its_apostrophe_is_still_that_ministry() {
    // Wire copy that lost its apostrophes: "Russias defence ministry" is Russia's.
    let a = article(
        "no-apostrophe",
        "Warplanes struck the town of Kafr Nabl on Monday, killing nine people, a monitor said. \
         The strikes did not happen said a statement by Russias defence ministry.",
        Some(d(2019, 5, 21)),
    );
    let r = reader().read(&a);
    assert!(
        r.events[0]
            .claims
            .iter()
            .any(|c| c.claimant == "Russian Defence Ministry" && c.polarity == Polarity::Denied),
        "{:#?}",
        r.events[0].claims
    );
}

#[test]
fn a_claim_of_responsibility_for_the_attack_is_a_claim_on_that_attack() {
    // The group's claim is one more claim about the bombing told before it, not an attribution
    // event of its own.
    let a = article(
        "claimed-after",
        "A car bomb exploded near the police station in the town of Azaz on Monday, killing \
         eight people, a monitor said. Residents said the blast destroyed several shops. The \
         Islamic State group claimed responsibility for the attack.",
        Some(d(2019, 5, 21)),
    );
    let r = reader().read(&a);
    assert!(
        r.events
            .iter()
            .all(|e| e.sub_event_type != SubEventType::ClaimOfResponsibility),
        "{:#?}",
        r.events
    );
    assert!(
        r.events[0]
            .claims
            .iter()
            .any(|c| c.polarity == Polarity::ClaimedResponsibility),
        "{:#?}",
        r.events[0].claims
    );
}

#[test]
fn a_weekday_possessive_without_its_apostrophe_dates_the_event_not_the_statement() {
    // Published Thursday 23 May 2019: "said Mondays shelling" is Monday's shelling.
    let a = article(
        "stripped-possessive",
        "The provincial governor said Mondays shelling of the village of Kafr Nabl in Idlib \
         province killed five farmers.",
        Some(d(2019, 5, 23)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 5, 20)), "{:#?}", e.date);
    assert_eq!(e.date.precision, DatePrecision::Day);
}

#[test]
fn a_date_in_an_aside_about_another_thing_does_not_date_the_event() {
    // Published Wednesday 9 October 2019: the raids are Tuesday's; 14 September is when the
    // market bombing happened, told in a "where" aside.
    let a = article(
        "aside-date",
        "On Tuesday warplanes carried out raids on the town of Maarat al-Numan, where the \
         market bombing took place on 14 September, killing four people.",
        Some(d(2019, 10, 9)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 10, 8)), "{:#?}", e.date);
    // Without another date in the sentence, the aside's date is still not the event's.
    let a = article(
        "aside-date-alone",
        "Warplanes carried out raids on the town of Maarat al-Numan, where the market bombing \
         took place on 14 September, killing four people.",
        Some(d(2019, 10, 9)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_ne!(e.date.date, Some(d(2019, 9, 14)), "{:#?}", e.date);
    // "Which" opens no aside: it tells of the clashes themselves.
    let a = article(
        "aside-of-trigger",
        "Clashes, which erupted on Sunday, killed six fighters in the village of Kafr Nabl.",
        Some(d(2019, 10, 9)),
    );
    let r = reader().read(&a);
    assert_eq!(
        r.events[0].date.date,
        Some(d(2019, 10, 6)),
        "{:#?}",
        r.events
    );
}

#[test]
fn a_date_of_what_the_event_followed_loses_to_the_events_own() {
    let cases = [
        (
            "following",
            "On 12 June 2019, tribal fighters took control of the village of Al Amir in Al Bayda \
             following clashes that started on 10 June.",
        ),
        (
            "previous-day",
            "On 12 June 2019, hundreds of students staged a demonstration in the city of Iloilo to \
             condemn the killing of a teacher in the same city the previous day.",
        ),
    ];
    for (id, text) in cases {
        let r = reader().read(&article(id, text, Some(d(2019, 6, 14))));
        let e = &r.events[0];
        assert_eq!(e.date.date, Some(d(2019, 6, 12)), "{id}: {:#?}", e.date);
    }
    // The only date of the sentence still dates the event.
    let r = reader().read(&article(
        "after-only",
        "Five fighters were killed in the village of Kafr Nabl after clashes erupted on Sunday.",
        Some(d(2019, 6, 14)),
    ));
    assert_eq!(
        r.events[0].date.date,
        Some(d(2019, 6, 9)),
        "{:#?}",
        r.events
    );
}

#[test]
fn a_date_in_a_since_clause_dates_what_began_then() {
    // Published 20 June 2019: the protest is the report's; mid-March is when the unrest began.
    let a = article(
        "since-clause",
        "Thousands of people protested in the city of Hama in the largest rally since the unrest \
         erupted in mid-March.",
        Some(d(2019, 6, 20)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_ne!(e.date.date, Some(d(2019, 3, 11)), "{:#?}", e.date);
    assert_eq!(e.date.date, Some(d(2019, 6, 20)), "{:#?}", e.date);
}

#[test]
fn a_date_in_an_aside_does_not_move_the_story() {
    // Published Tuesday 12 March 2019: the shooting is carried from Sunday's strike, not from
    // the month the war began.
    let a = article(
        "aside-narrative",
        "On Sunday warplanes struck the town of Saraqib, killing six civilians. The town has been \
         ravaged by the war that began in March 2011. Gunmen also shot dead a farmer in the \
         nearby village of Kafr Nabl.",
        Some(d(2019, 3, 12)),
    );
    let r = reader().read(&a);
    let shooting = r
        .events
        .iter()
        .find(|e| {
            e.location
                .as_ref()
                .is_some_and(|p| p.mention.contains("Kafr Nabl"))
        })
        .expect("the shooting");
    assert_eq!(
        shooting.date.date,
        Some(d(2019, 3, 10)),
        "{:#?}",
        shooting.date
    );
}

#[test]
fn a_photo_captions_date_dates_neither_the_report_nor_the_story() {
    // Published Monday 15 July 2019: the bombing is Sunday's; 2 July is the day of the photo.
    let a = article(
        "caption",
        "A rescuer runs past a burning car after an air strike on the town of Ariha Syria July 2 \
         2019 (Wire Photo) A suicide bomber blew himself up at a checkpoint in the town of Azaz \
         on Sunday, killing nine people. Gunmen also shot dead a guard in the nearby village of \
         Sawran.",
        Some(d(2019, 7, 15)),
    );
    let r = reader().read(&a);
    let at = |name: &str| {
        r.events
            .iter()
            .find(|e| {
                e.location
                    .as_ref()
                    .is_some_and(|p| p.mention.contains(name))
            })
            .unwrap_or_else(|| panic!("{name}: {:#?}", r.events))
    };
    assert_eq!(
        at("Azaz").date.date,
        Some(d(2019, 7, 14)),
        "{:#?}",
        r.events
    );
    let a = article(
        "caption-alone",
        "A rescuer runs past a burning car in the town of Ariha Syria July 2 2019. A suicide \
         bomber blew himself up at a checkpoint in the town of Azaz, killing nine people.",
        Some(d(2019, 7, 15)),
    );
    let r = reader().read(&a);
    let azaz = r
        .events
        .iter()
        .find(|e| {
            e.location
                .as_ref()
                .is_some_and(|p| p.mention.contains("Azaz"))
        })
        .expect("the bombing");
    assert_ne!(azaz.date.date, Some(d(2019, 7, 2)), "{:#?}", azaz.date);
}

#[test]
fn a_photo_captions_town_does_not_stand_for_the_village_a_report_names() {
    // The caption shows a hospital in Maarat al-Numan; the strike hit a village the gazetteer
    // lacks, in the same province: the village, not the caption's town.
    let a = article(
        "caption-town",
        "A nurse walks through a damaged ward of a hospital in Maarat al-Numan a rebel-held \
         town in Idlib province. (Wire Photo and Agencies) Air strikes hit the village of Tell \
         Zawiyat al-Qamar in Idlib province on Saturday, killing 12 people.",
        Some(d(2019, 7, 15)),
    );
    let r = reader().read(&a);
    let strike = r
        .events
        .iter()
        .find(|e| e.fatalities >= 12)
        .unwrap_or_else(|| panic!("{:#?}", r.events));
    let place = strike.location.as_ref().expect("a place");
    assert!(place.mention.contains("Zawiyat"), "{place:#?}");
}

#[test]
fn a_date_after_since_or_in_response_to_is_the_other_events() {
    // Published Saturday 13 April 2019.
    let a = article(
        "since-noun",
        "A man was killed in shelling on the town of Kafr Nabl on Friday, the first death there \
         since a barrel bomb attack on Monday. The United States struck an air base in Homs \
         province in response to the gas attack on Monday.",
        Some(d(2019, 4, 13)),
    );
    let r = reader().read(&a);
    // The gas attack itself is Monday's; the strike that answers it is not.
    let strike = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_ne!(strike.date.date, Some(d(2019, 4, 8)), "{:#?}", strike.date);
}

#[test]
fn a_date_set_before_another_noun_names_that_thing() {
    // Published Thursday 14 November 2019: the strike is not the truce's day; the truce is.
    let a = article(
        "attributive-date",
        "Warplanes struck the town of Kafr Nabl after the October 3 truce collapsed, killing five \
         civilians.",
        Some(d(2019, 11, 14)),
    );
    let r = reader().read(&a);
    let strike = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_ne!(strike.date.date, Some(d(2019, 10, 3)), "{:#?}", strike.date);
}

#[test]
fn a_since_with_its_own_date_does_not_take_the_events_day() {
    // Published Wednesday 10 April 2019, commas stripped as scraped text often has them.
    let a = article(
        "since-year",
        "Warplanes struck a bakery in the town of Kafr Nabl held by rebels since 2013 and wounded \
         six people on Monday.",
        Some(d(2019, 4, 10)),
    );
    let r = reader().read(&a);
    assert_eq!(
        r.events[0].date.date,
        Some(d(2019, 4, 8)),
        "{:#?}",
        r.events
    );
}

#[test]
fn a_far_sentence_on_another_day_does_not_take_over_a_carried_event() {
    // Published Thursday 9 May 2019: the market shelling is Thursday's, in Douma; Tuesday's
    // shelling of Harasta, told four sentences on, is another incident.
    let a = article(
        "far-other-day",
        "Government air strikes killed four civilians in the town of Douma on Thursday, a monitor \
         said. Residents said food was running out. Regime artillery shelled the market in the \
         town, killing two people. Aid groups warned of a malnutrition crisis. Doctors said \
         medicine was scarce. Schools have been closed for weeks. On Tuesday 11 people were \
         killed in regime shelling on the town of Harasta.",
        Some(d(2019, 5, 9)),
    );
    let r = reader().read(&a);
    let shelling: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::ShellingArtilleryMissileAttack)
        .collect();
    assert_eq!(shelling.len(), 2, "{:#?}", r.events);
    let market = shelling
        .iter()
        .find(|e| e.notes.contains("market"))
        .unwrap_or_else(|| panic!("{:#?}", shelling));
    assert_eq!(market.date.date, Some(d(2019, 5, 9)), "{:#?}", market.date);
}

#[test]
fn a_trend_in_recent_days_does_not_move_the_story() {
    // Published Thursday 9 May 2019: the shelling is carried Thursday, not a week before.
    let a = article(
        "recent-trend",
        "Warplanes struck the town of Saraqib on Thursday, killing five people, a monitor said. \
         Aid deliveries to the province have slowed in recent days. Rebels shelled a nearby army \
         post, wounding two soldiers.",
        Some(d(2019, 5, 9)),
    );
    let r = reader().read(&a);
    let shelling = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
    assert_eq!(
        shelling.date.date,
        Some(d(2019, 5, 9)),
        "{:#?}",
        shelling.date
    );
}

#[test]
fn a_near_sentence_days_away_does_not_redate_an_event_carried_from_the_day_before() {
    // Published Tuesday 14 May 2019: the Aleppo strikes are Sunday's, carried from the sentence
    // before; the convoy bombed on Wednesday four days earlier is another incident.
    let a = article(
        "near-other-day",
        "Peace talks opened in Geneva on Sunday, officials said. Air strikes killed 23 civilians \
         in eastern Aleppo. Rescuers said the toll would rise. Warplanes had bombed an aid convoy \
         west of the city on Wednesday, killing 20 people.",
        Some(d(2019, 5, 14)),
    );
    let r = reader().read(&a);
    let strikes: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::AirDroneStrike)
        .collect();
    assert_eq!(strikes.len(), 2, "{:#?}", r.events);
    assert!(
        strikes.iter().any(|e| e.date.date == Some(d(2019, 5, 12))),
        "{:#?}",
        strikes
    );
}

#[test]
fn a_background_line_dated_years_away_is_placed_in_the_country() {
    // Published 9 May 2019: the war's start is no event of the story's town; the market
    // retaken "in April 2016" is pointed back at ("the town") and keeps it.
    let a = article(
        "background-place",
        "Warplanes struck a market in the town of Saraqib on Thursday, killing five people. \
         Russian forces entered the war in September 2015 to back government forces. \
         Government forces retook the town in April 2016.",
        Some(d(2019, 5, 9)),
    );
    let r = reader().read(&a);
    let place = |needle: &str| {
        r.events
            .iter()
            .find(|e| e.notes.contains(needle))
            .and_then(|e| e.location.as_ref())
            .map(|l| l.name.clone())
    };
    assert_eq!(
        place("entered the war").as_deref(),
        Some("Syria"),
        "{:#?}",
        r.events
    );
    assert_ne!(place("retook").as_deref(), Some("Syria"), "{:#?}", r.events);
}

#[test]
fn the_victims_home_towns_are_not_where_it_happened() {
    let a = article(
        "origin",
        "A car bomb struck a convoy carrying residents from the towns of Foua and Kefraya on \
         Saturday at a transit point in Rashidin west of Aleppo, killing at least 40 people.",
        Some(d(2017, 4, 16)),
    );
    let r = reader().read(&a);
    let place = r.events[0].location.as_ref().expect("a place");
    assert_eq!(place.name, "Rashidin");
    assert_eq!(place.admin1.as_deref(), Some("Aleppo"));
}

#[test]
fn a_country_named_after_a_village_in_a_province_keeps_the_village() {
    let a = article(
        "wedding",
        "A suicide bomber blew himself up at a wedding on Monday in the village of Tall Birak \
         in Hassakeh province, killing 30 people. On Tuesday warplanes struck a bakery in northeast Syria, killing \
         five people.",
        Some(d(2016, 10, 4)),
    );
    let r = reader().read(&a);
    assert!(r.events.len() >= 2, "{:#?}", r.events);
    for e in &r.events {
        let place = e.location.as_ref().expect("a place");
        assert_eq!(place.admin1.as_deref(), Some("Al-Hasakeh"), "{place:#?}");
    }
}

#[test]
fn a_speaker_whose_clause_names_another_actor_reports_and_takes_no_part() {
    let read = |id: &str, text: &str| reader().read(&article(id, text, Some(d(2016, 5, 4))));
    // "The SDF said regime warplanes struck ...": the warplanes' forces act, the SDF tells it
    let r = read(
        "speaker",
        "The SDF said regime warplanes struck the village of Tel Hamra in Hasakah province on \
         Monday, killing five civilians.",
    );
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Military Forces of Syria (2000-)"));
    // "The army said the rebels shelled ...": the rebels act
    let r = read(
        "speaker-the",
        "The army said the rebels shelled the village of Tel Hamra in Hasakah province on \
         Monday, killing five civilians.",
    );
    let e = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
    assert_eq!(name(&e.actor1), Some("Opposition Rebels (Syria)"));
    // "The army said it killed ...": the speaker is who acted
    let r = read(
        "speaker-it",
        "The army said it killed 20 Islamic State militants near Tel Hamra in Hasakah province \
         on Monday.",
    );
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Military Forces of Syria (2000-)")
    );
    assert_eq!(name(&r.events[0].actor2), Some("Islamic State (Syria)"));
}

#[test]
fn the_subject_of_the_verb_speaks_not_a_party_named_in_what_it_says() {
    let read = |id: &str, text: &str| reader().read(&article(id, text, Some(d(2016, 5, 4))));
    let claimant = |r: &sitrep_model::Reading| {
        r.events[0]
            .claims
            .first()
            .map(|c| c.claimant.clone())
            .unwrap_or_default()
    };
    let r = read(
        "subject",
        "Rebels said government troops attacked Tel Hamra in Hasakah province on Monday.",
    );
    assert_eq!(claimant(&r), "Opposition Rebels (Syria)");
    // the speaker after the verb still speaks, and a source before it names the claimant
    let r = read(
        "inverted",
        "Government troops shelled Tel Hamra in Hasakah province on Monday, wounding 60 people, \
         said the Syrian Observatory for Human Rights.",
    );
    assert_eq!(claimant(&r), "Syrian Observatory for Human Rights");
}

#[test]
fn the_blast_told_again_far_on_is_the_blast_told_before() {
    let text = "A car bomb exploded at the market of Tel Hamra in Hasakah province on Monday, \
                killing 12 people. Residents said food prices in the town had doubled since \
                the winter. Aid workers said the road to the provincial capital was closed. \
                Schools in the district stayed shut for a second week. Rescuers said the blast \
                had torn through two buses parked near the market.";
    let r = reader().read(&article("anaphor", text, Some(d(2016, 5, 4))));
    let bombings: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::RemoteExplosive)
        .collect();
    assert_eq!(bombings.len(), 1, "{:#?}", r.events);
    // another bombing told in between: "the blast" is that one, not the first
    let two = "A car bomb exploded at the market of Tel Hamra in Hasakah province on Monday, \
               killing 12 people. Residents said food prices in the town had doubled. Aid \
               workers said the road to the provincial capital was closed. On Sunday a roadside \
               bomb hit a patrol near Amuda in Hasakah province. Schools in the district stayed \
               shut. Witnesses said the blast left a crater in the road.";
    let r = reader().read(&article("anaphor-two", two, Some(d(2016, 5, 4))));
    let bombings: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::RemoteExplosive)
        .collect();
    assert_eq!(bombings.len(), 2, "{:#?}", r.events);
    assert!(bombings[1].notes.contains("crater"), "{:#?}", bombings[1]);
}

#[test]
fn a_crash_in_a_part_of_the_country_is_not_at_the_story_town() {
    let text = "Rebels shot down a government jet over the town of Tel Hamra in Hasakah province \
                on Monday. A monitor said two pilots died on Sunday when their helicopter \
                crashed in the south near rebel lines. Residents said the jet fell near a school.";
    let r = reader().read(&article("crash-south", text, Some(d(2016, 5, 5))));
    let south = r
        .events
        .iter()
        .find(|e| e.notes.contains("helicopter"))
        .expect("the helicopter crash");
    let place = south.location.as_ref().expect("a place");
    assert_eq!(
        (place.name.as_str(), place.geo_precision),
        ("Syria", 3),
        "{place:#?}"
    );
    // the story's town goes on past it
    let after = r
        .events
        .iter()
        .find(|e| e.notes.contains("fell near a school"));
    if let Some(e) = after {
        assert_ne!(e.location.as_ref().map(|p| p.name.as_str()), Some("Syria"));
    }
    // "in the north of the city" / "Barzeh in the north": a part of a place named or pointed at
    let city = "Shells hit the town of Tel Hamra in Hasakah province on Monday. Rebels hold \
                the districts in the east of the city and shells fell in the north.";
    let r = reader().read(&article("city-part", city, Some(d(2016, 5, 5))));
    assert!(
        r.events
            .iter()
            .all(|e| e.location.as_ref().is_some_and(|p| p.name != "Syria")),
        "{:#?}",
        r.events
    );
}

#[test]
fn the_blast_told_again_is_not_an_air_strike_told_in_between() {
    let text = "A truck bomb killed 30 people at the market of Tel Hamra in Hasakah province on \
                Wednesday. The monitor said 12 civilians were killed in air strikes on a village \
                near Amuda on April 20. Officials said the blast was the largest explosion the \
                town had ever seen.";
    let r = reader().read(&article("blast-after-strike", text, Some(d(2016, 5, 5))));
    for e in r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::RemoteExplosive)
    {
        assert_eq!(e.date.date, Some(d(2016, 5, 4)), "{:#?}", r.events);
    }
}

#[test]

fn a_day_counted_from_the_day_told_before_moves_the_date() {
    // "Some 30 hours after" the Friday arrival: the blast is a day on, not on the Friday.
    let a = article(
        "counted-later",
        "Militiamen and their families boarded buses in the town of Saraqib on Friday. \
         Some 30 hours after the buses reached the crossing a car bomb exploded near them in \
         Idlib province, killing 40 people.",
        Some(d(2019, 3, 18)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::RemoteExplosive);
    assert_eq!(e.date.date, Some(d(2019, 3, 16)), "{:#?}", e.date);
    // "Two days later" with no day of its own.
    let a = article(
        "counted-days",
        "Rebels captured the village of Kafr Nabl in Idlib province on 3 May 2019. Two days \
         later warplanes bombed the town of Saraqib, killing four civilians.",
        Some(d(2019, 5, 9)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(e.date.date, Some(d(2019, 5, 5)), "{:#?}", e.date);
    assert_eq!(e.date.precision, DatePrecision::Day);
}

#[test]
fn what_a_day_after_names_came_the_day_before() {
    // The air strikes named after "a day after" are Sunday's, not the Monday of the shelling.
    let a = article(
        "counted-before",
        "Rebels shelled a school in the town of Saraqib in Idlib province on Monday, a day after \
         air strikes killed nine people in the town.",
        Some(d(2019, 3, 12)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(e.date.date, Some(d(2019, 3, 10)), "{:#?}", e.date);
}

#[test]
fn the_blast_named_again_keeps_its_own_day() {
    // The story moves on to Sunday, then names "the blast" again: that is Saturday's blast.
    let a = article(
        "anaphor",
        "A car bomb exploded at a checkpoint in the town of Azaz in Aleppo province on Saturday, \
         killing 12 people. On Sunday police arrested five protesters in the town of Afrin. \
         Afrin lies near the Turkish border. Traders there reopened the market. Schools stayed \
         closed. Aid agencies appealed for funds. Doctors said dozens of people were wounded \
         in the blast.",
        Some(d(2019, 3, 18)),
    );
    // (every such event on Saturday)
    assert_all_dated(
        &a,
        |e| e.sub_event_type == SubEventType::RemoteExplosive,
        d(2019, 3, 16),
    );
}

#[test]
fn a_day_closing_a_where_clause_dates_that_clause_not_the_event() {
    // Friday is when the food was handed out, not when the town was shelled.
    let a = article(
        "where-clause",
        "Heavy fighting flared around the city of Idlib on Sunday, a monitor said. Government \
         artillery then shelled the town of Saraqib, where aid workers say they handed out food \
         on Friday.",
        Some(d(2019, 3, 18)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
    assert_eq!(e.date.date, Some(d(2019, 3, 17)), "{:#?}", e.date);
}

#[test]
fn the_day_before_counts_back_from_the_day_the_story_told() {
    // Published a week on: "the day before" is the day before 3 May, not before publication.
    let a = article(
        "day-before-story",
        "Rebels shelled the town of Saraqib in Idlib province on 3 May 2019. The day before \
         warplanes bombed the town of Ariha, killing four civilians.",
        Some(d(2019, 5, 10)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(e.date.date, Some(d(2019, 5, 2)), "{:#?}", e.date);
}

#[test]
fn the_explosion_named_again_points_back_at_a_bombing_of_another_kind() {
    // A suicide bombing told on Saturday, then "the explosion": the same Saturday.
    let a = article(
        "anaphor-kind",
        "A suicide bomber blew himself up at a checkpoint in the town of Azaz in Aleppo province \
         on Saturday, killing 12 people. On Sunday police arrested five protesters in the town \
         of Afrin. Afrin lies near the Turkish border. Traders there reopened the market. \
         Schools stayed closed. Aid agencies appealed for funds. Doctors said dozens of people \
         were wounded in the explosion.",
        Some(d(2019, 3, 18)),
    );
    let r = reader().read(&a);
    let dates: Vec<_> = r
        .events
        .iter()
        .filter(|e| {
            e.sub_event_type.event_type() == sitrep_model::EventType::ExplosionsRemoteViolence
        })
        .map(|e| (e.sub_event_type, e.date.date))
        .collect();
    assert!(dates.len() > 1, "{dates:?}");
    let saturday = Some(d(2019, 3, 16));
    assert!(dates.iter().all(|(_, x)| *x == saturday), "{dates:?}");
}

#[test]
fn a_capital_named_as_a_side_is_not_the_scene() {
    // "pro-Damascus media", "Damascus ally Hezbollah", "the government in Damascus": who
    // speaks or acts, not where
    for text in [
        "A car bomb exploded near buses at a transit point in Ramouseh on the edge of Aleppo on \
         Saturday, killing 30 people. Pro-Damascus media said a suicide attacker drove the car.",
        "A car bomb exploded near buses at a transit point in Ramouseh on the edge of Aleppo on \
         Saturday, killing 30 people. A media unit run by Damascus ally Hezbollah said a suicide \
         attacker drove the car bomb.",
        "A car bomb exploded near buses at a transit point in Ramouseh on the edge of Aleppo on \
         Saturday, killing 30 people. There was no comment on the bombing from the government \
         in Damascus.",
    ] {
        let r = reader().read(&article("ally", text, Some(d(2017, 4, 16))));
        for e in &r.events {
            let place = e.location.as_ref().expect("a place");
            assert_eq!(place.admin1.as_deref(), Some("Aleppo"), "{e:#?}");
        }
    }
}

#[test]
fn where_the_dead_came_from_yields_to_where_they_died() {
    let r = reader().read(&article(
        "origin",
        "Twelve evacuees from the town of Madaya were killed in Idlib province on Saturday when \
         a roadside bomb hit their bus.",
        Some(d(2017, 4, 16)),
    ));
    let place = r.events[0].location.as_ref().expect("a place");
    assert_eq!(place.admin1.as_deref(), Some("Idleb"), "{place:#?}");
}

#[test]
fn a_day_closing_a_phrase_on_what_the_blast_hit_is_not_the_blasts() {
    // Thursday is when the families left, not when the bomb went off.
    let a = article(
        "carrier-phrase",
        "A car bomb exploded near the town of Azaz on Saturday, a monitor said. The blast hit a \
         convoy of trucks carrying families displaced from the eastern villages on Thursday.",
        Some(d(2019, 3, 18)),
    );
    // (every such event on Saturday)
    assert_all_dated(
        &a,
        |e| e.sub_event_type == SubEventType::RemoteExplosive,
        d(2019, 3, 16),
    );
}

#[test]
fn a_battle_named_again_points_back_only_at_a_battle_of_its_own_kind() {
    // The clashes were on Thursday; the army's capture of the village on Friday is another
    // battle, and "the clashes" do not point back at it.
    let a = article(
        "anaphor-battle",
        "Government troops and rebels clashed on a hill south of the town of Jasim on Thursday, \
         a monitor said. On Friday the army recaptured the village of Nawa from the rebels. \
         Aid agencies appealed for funds. Schools stayed closed. Medics in the town of Inkhil \
         said eleven rebels were killed in the clashes.",
        Some(d(2019, 3, 18)),
    );
    // (every such event on Thursday)
    assert_all_dated(
        &a,
        |e| e.sub_event_type == SubEventType::ArmedClash,
        d(2019, 3, 14),
    );
}

#[test]
fn a_disaster_caught_up_in_the_explosion_takes_the_explosions_day() {
    // The petrol station burned in Saturday's car bomb, not on the Sunday of the arrests.
    let a = article(
        "anaphor-disaster",
        "A car bomb killed 12 people at a checkpoint in the town of Azaz on Saturday, a monitor \
         said. On Sunday police arrested five protesters in the town of Afrin. Aid agencies \
         appealed for funds. Schools stayed closed. The monitor said a petrol station near the \
         checkpoint was caught up in the explosion adding to the toll.",
        Some(d(2019, 3, 18)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::ManMadeDisaster);
    assert_eq!(e.date.date, Some(d(2019, 3, 16)), "{:#?}", e.date);
}

#[test]
fn a_killing_dated_to_the_week_takes_the_day_the_next_sentence_tells_it() {
    // "Earlier this week", then "The killings took place ... on Tuesday": Tuesday.
    let a = article(
        "week-told-next",
        "Militiamen executed at least 30 villagers in northern Syria earlier this week, a \
         monitor said on Saturday. The killings took place in the village of Tell Jabin, which \
         the militiamen entered on Tuesday.",
        Some(d(2019, 3, 16)),
    );
    let r = reader().read(&a);
    let e = &r.events[0];
    assert_eq!(e.date.date, Some(d(2019, 3, 12)), "{:#?}", e);
}

#[test]
fn a_scene_still_seen_on_a_later_day_does_not_move_the_story() {
    // Tuesday is when the hall was seen, not when the bomb went off: the blast stays Monday.
    let a = article(
        "still-seen",
        "A suicide bomber blew himself up at a wedding in the village of Tell Jabin late on \
         Monday, a monitor said. Chairs in the hall were still covered in blood on Tuesday \
         morning, a photographer said. A guest said there was a huge explosion.",
        Some(d(2019, 3, 20)),
    );
    // (every such event on Monday)
    assert_all_dated(
        &a,
        |e| e.sub_event_type.event_type() == sitrep_model::EventType::ExplosionsRemoteViolence,
        d(2019, 3, 18),
    );
}

#[test]
fn a_time_of_day_in_digits_counts_no_one() {
    let read = |id: &str, text: &str| reader().read(&article(id, text, Some(d(2014, 10, 2))));
    // a dateline's time after the date and "at"
    let r = read(
        "clock-dateline",
        "Wed 01 Oct 2014 at 1459 Regional - Twin car bombs in the town of Tel Hamra in Hasakah \
         province on Wednesday killed at least 18 people.",
    );
    assert_eq!(r.events[0].fatalities, 18, "{:#?}", r.events[0].quantities);
    // a time before "am" and "GMT"
    let r = read(
        "clock-am",
        "Jets struck the market of Tel Hamra in Hasakah province around 1130 am (0830 GMT) on \
         Wednesday, killing 22 people.",
    );
    assert_eq!(r.events[0].fatalities, 22, "{:#?}", r.events[0].quantities);
}

/// Lines that tell no event, set between an event told at two scales so that the reader does not
/// join the two sentences as one telling (they are more than a follow-up apart).
const UNEVENTFUL: &str = "The foreign minister said the world could not look away. Officials met \
     to discuss the talks. The envoy left for the capital. Markets were calm.";

/// An article of `first`, [`UNEVENTFUL`] lines, then `last`, published on `published`.
fn told_at_two_scales(id: &str, first: &str, last: &str, published: NaiveDate) -> Article {
    article(id, &format!("{first} {UNEVENTFUL} {last}"), Some(published))
}

/// The place names of the events of a kind read from `a`, in order.
fn places_of_kind(a: &Article, kind: SubEventType) -> Vec<Option<String>> {
    reader()
        .read(a)
        .events
        .iter()
        .filter(|e| e.sub_event_type == kind)
        .map(|e| e.location.as_ref().map(|p| p.name.clone()))
        .collect()
}

#[test]
fn a_gas_attack_told_in_the_country_is_the_one_at_the_town() {
    let a = told_at_two_scales(
        "scales",
        "Wednesday 5 April 2017. A chemical attack killed dozens of people in Syria on Tuesday, \
         the president said.",
        "The chemical attack killed at least 60 people in the town of Saraqeb on Tuesday, \
         doctors said.",
        d(2017, 4, 5),
    );
    let r = reader().read(&a);
    let gas: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::ChemicalWeapon)
        .collect();
    assert!(gas.len() >= 2, "{:#?}", r.events);
    for e in gas {
        let place = e.location.as_ref().map(|p| p.name.as_str());
        assert_eq!(place, Some("Saraqib"), "{:#?}", e);
        assert_eq!(e.date.date, Some(d(2017, 4, 4)));
    }
}

#[test]
fn a_province_told_with_two_towns_keeps_its_own_place() {
    let a = told_at_two_scales(
        "two-towns",
        "Wednesday 5 April 2017. Air strikes killed 20 people in Idlib province on Tuesday, the \
         monitor said.",
        "Air strikes killed nine people in the town of Saraqeb on Tuesday. Air strikes also \
         killed six people in the town of Binnish on Tuesday.",
        d(2017, 4, 5),
    );
    let r = reader().read(&a);
    let province = r
        .events
        .iter()
        .find(|e| e.notes.starts_with("Air strikes killed 20"))
        .unwrap_or_else(|| panic!("{:#?}", r.events));
    assert_eq!(
        province.location.as_ref().map(|p| p.geo_precision),
        Some(3),
        "{province:#?}"
    );
}

#[test]
fn a_gas_attack_in_idlib_is_the_one_at_a_town_of_the_province() {
    let a = told_at_two_scales(
        "city-province",
        "Wednesday 5 April 2017. A chemical attack killed dozens of people in Idlib on Tuesday, \
         the president said.",
        "The chemical attack killed at least 60 people in the town of Khan Sheikhoun on \
         Tuesday, doctors said.",
        d(2017, 4, 5),
    );
    let places = places_of_kind(&a, SubEventType::ChemicalWeapon);
    let town = Some("Khān Shaykhūn".to_string());
    assert_eq!(places, [town.clone(), town], "{places:?}");
}

#[test]
fn fighting_in_a_city_and_at_a_town_of_its_province_are_two_battles() {
    let a = told_at_two_scales(
        "two-battles",
        "Wednesday 5 April 2017. Rebels and government troops clashed in Aleppo on Tuesday, the \
         monitor said.",
        "Kurdish fighters clashed with Islamic State militants in the town of Manbij on \
         Tuesday.",
        d(2017, 4, 5),
    );
    let places = places_of_kind(&a, SubEventType::ArmedClash);
    assert!(places.contains(&Some("Aleppo".into())), "{places:?}");
}

#[test]
fn a_town_the_gazetteer_lacks_keeps_its_name() {
    let a = told_at_two_scales(
        "unknown-town",
        "Wednesday 5 April 2017. Air strikes killed 14 people in Qaryat Zubaydiyah in Syria on \
         Tuesday, the monitor said.",
        "Air strikes killed 19 people in the Syrian town of Douma on Tuesday.",
        d(2017, 4, 5),
    );
    let r = reader().read(&a);
    let e = r
        .events
        .iter()
        .find(|e| e.notes.contains("killed 14"))
        .unwrap_or_else(|| panic!("{:#?}", r.events));
    let place = e.location.as_ref().expect("placed");
    assert!(place.unresolved_name, "{place:#?}");
    assert_eq!(place.mention, "Qaryat Zubaydiyah", "{place:#?}");
}

#[test]
fn shelling_of_a_city_told_at_its_one_district_is_placed_there() {
    let a = told_at_two_scales(
        "city-part",
        "Monday 4 April 2016. Rocket shells fired by militants killed three civilians in Aleppo \
         city on Monday, state media said.",
        "The rocket shells hit the Sukkari district of Aleppo in Syria on Monday, a source said.",
        d(2016, 4, 4),
    );
    let places = places_of_kind(&a, SubEventType::ShellingArtilleryMissileAttack);
    assert!(places.len() >= 2, "{places:?}");
    assert!(places.iter().all(|p| p == &places[0]), "{places:?}");
    assert_ne!(places[0].as_deref(), Some("Aleppo"), "{places:?}");
}

#[test]
fn a_day_carried_from_another_incident_does_not_take_a_day_a_later_sentence_opens_with() {
    // Published Monday 13 May 2019: the capital's mortar round is told after Sunday's ambush
    // (carried, approximately); the rounds "On Saturday" are another incident the day before.
    let a = article(
        "carried-other-day",
        "Militants killed 29 soldiers in an ambush near Homs on Sunday, a monitor said. The \
         soldiers were escorting a fuel convoy. The army sent reinforcements to the area. In the \
         capital a mortar round killed two people near the parliament. Mortar fire also wounded \
         three people in a nearby district. On Saturday mortar rounds struck near the Italian \
         embassy, the monitor said.",
        Some(d(2019, 5, 13)),
    );
    let r = reader().read(&a);
    let mut dates: Vec<_> = r
        .events
        .iter()
        .filter(|e| e.sub_event_type == SubEventType::ShellingArtilleryMissileAttack)
        .map(|e| e.date.date)
        .collect();
    dates.sort();
    assert_eq!(
        dates,
        vec![Some(d(2019, 5, 11)), Some(d(2019, 5, 12))],
        "{:#?}",
        r.events
    );
}

#[test]
fn a_year_told_in_passing_does_not_move_the_story_off_its_day() {
    // Published Monday 13 May 2019: "this year" holds Sunday; the mortar round told next is
    // still on the story's day, not anywhere in 2019.
    let a = article(
        "year-in-passing",
        "Militants killed 29 soldiers in an ambush near Homs on Sunday, a monitor said. Some 1,400 \
         civilians were able to leave the besieged area this year. In Damascus a mortar round \
         killed two people near the parliament.",
        Some(d(2019, 5, 13)),
    );
    let r = reader().read(&a);
    let mortar = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
    assert_eq!(mortar.date.date, Some(d(2019, 5, 12)), "{:#?}", mortar.date);
    assert_ne!(mortar.date.precision, DatePrecision::Year);
}

#[test]
fn police_who_disperse_a_crowd_are_actor2_not_the_crowd() {
    let text = "On 3 June 2021, dockworkers held a sit-in at the harbour gate in Izmir to demand \
                unpaid wages. Police intervened and removed the demonstrators by force.";
    let r = reader().read(&article("sit-in", text, Some(d(2021, 6, 4))));
    let e = first_of(&r.events, SubEventType::ProtestWithIntervention);
    assert_eq!(name(&e.actor1), Some("Protesters (Turkey)"));
    assert_eq!(name(&e.actor2), Some("Police Forces of Turkey (2016-)"));
    let text = "On 5 June 2021, students held a demonstration in Chennai city against fee \
                increases. Police clashed with the demonstrators.";
    let r = reader().read(&article("fees", text, Some(d(2021, 6, 6))));
    let e = first_of(&r.events, SubEventType::ViolentDemonstration);
    assert_eq!(name(&e.actor1), Some("Rioters (India)"));
    assert_eq!(name(&e.actor2), Some("Police Forces of India (2014-)"));
}

#[test]
fn a_claimant_acronym_is_an_actor_where_a_longer_or_local_reading_says_so() {
    // "AA" is also a news agency's name: "AA fighters" is longer, and "AA" is the Arakan
    // Army in Myanmar's reports
    let text = "On 4 June 2021, AA fighters clashed with the Myanmar military in Paletwa \
                Township, Chin State.";
    let r = reader().read(&article("aa-fighters", text, Some(d(2021, 6, 5))));
    let e = first_of(&r.events, SubEventType::ArmedClash);
    assert_eq!(
        name(&e.actor1),
        Some("ULA/AA: United League of Arakan/Arakan Army")
    );
    let text = "On 4 June 2021, in Paletwa Township, Chin State, the Myanmar military and the \
                AA clashed.";
    let r = reader().read(&article("aa-local", text, Some(d(2021, 6, 5))));
    let e = first_of(&r.events, SubEventType::ArmedClash);
    assert_eq!(
        name(&e.actor2),
        Some("ULA/AA: United League of Arakan/Arakan Army")
    );
    // a local alias inside a claimant's words stays the claimant's
    let text = "A missile struck a crowded market in Idlib, Syria on Friday; opposition \
                activists said 30 people were killed. Syrian activists said on Saturday that \
                rebels shelled a checkpoint in Hama.";
    let r = reader().read(&article("activists", text, Some(d(2017, 3, 18))));
    assert!(r.events.iter().all(|e| e
        .actor1
        .iter()
        .chain(&e.actor2)
        .all(|a| a.name != "Opposition Rebels (Syria)" || a.mention == "rebels")
        && !a_is_protesters(e)));
}

#[test]
fn a_crowd_that_a_bomb_hits_is_civilians() {
    let text = "A suicide bomber on a motorcycle attacked a crowd outside a bakery in Hasakah, \
                Syria on Tuesday, killing 16 people.";
    let r = reader().read(&article("bakery", text, Some(d(2016, 7, 6))));
    let e = first_of(&r.events, SubEventType::SuicideBomb);
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));
}

#[test]
fn a_protest_met_by_a_counter_protest_faced_protesters() {
    let text = "On 6 June 2021, residents protested in Nis, Serbia, against the government. A \
                counterprotest in support of the government was also held by ruling party \
                supporters.";
    let r = reader().read(&article("counter", text, Some(d(2021, 6, 7))));
    let e = first_of(&r.events, SubEventType::PeacefulProtest);
    assert_eq!(name(&e.actor2), Some("Protesters (Serbia)"));
}

fn a_is_protesters(e: &Event) -> bool {
    name(&e.actor1).is_some_and(|n| n.starts_with("Protesters"))
}

#[test]
fn drugs_that_police_seize_are_taken_from_a_gang() {
    let text = "On 12 June 2021, in Dourados, Mato Grosso do Sul, federal police officers seized \
                two tons of cocaine hidden in a lorry at a checkpoint. Two people were arrested.";
    let r = reader().read(&article("cocaine", text, Some(d(2021, 6, 13))));
    let e = first_of(&r.events, SubEventType::LootingPropertyDestruction);
    assert_eq!(name(&e.actor2), Some("Unidentified Gang (Brazil)"));
}

#[test]
fn a_named_group_before_an_unknown_head_says_who_acted() {
    let text = "On 2 June 2021, a Taliban sniper shot and killed a police officer at a checkpoint \
                in Qalat district, Zabul, Afghanistan.";
    let r = reader().read(&article("sniper", text, Some(d(2021, 6, 3))));
    assert_eq!(
        name(&r.events[0].actor1),
        Some("Taliban"),
        "{:#?}",
        r.events
    );
}

#[test]
fn a_threatening_message_left_with_a_body_in_mexico_marks_a_gang() {
    let text = "On 3 June 2021, in Celaya, Guanajuato, Mexico, a man was found dead on a dirt \
                road. The body had gunshot wounds and a threatening message was left beside it.";
    let r = reader().read(&article("message", text, Some(d(2021, 6, 4))));
    let e = first_of(&r.events, SubEventType::Attack);
    assert_eq!(name(&e.actor1), Some("Unidentified Gang (Mexico)"));
}

#[test]
fn a_strike_by_two_states_names_both() {
    let text = "Russian and Syrian strikes killed 14 people in the town of Saraqib in Idlib \
                province on Sunday.";
    let r = reader().read(&article("two-states", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    let mut named: Vec<&str> = e
        .actor1
        .iter()
        .chain(&e.assoc_actor_1)
        .map(|a| a.name.as_str())
        .collect();
    named.sort_unstable();
    assert_eq!(
        named,
        [
            "Military Forces of Russia (2000-)",
            "Military Forces of Syria (2000-)"
        ]
    );
}

#[test]
fn a_generic_attacker_points_back_a_few_sentences_only() {
    // "militants" five sentences after a named group are not that group
    let text = "Jaysh al-Islam fighters clashed with government forces in Douma on Monday. The \
                fighting lasted for hours. Residents stayed in shelters. Bakeries were closed \
                across the town. Schools also shut their doors. On Tuesday militants detonated a \
                car bomb at a checkpoint in Qamishli, killing five people.";
    let r = reader().read(&article("coref-reach", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::RemoteExplosive);
    assert_eq!(name(&e.actor1), Some("Unidentified Armed Group (Syria)"));
    // (the sentence after still points back)
    let text = "Jaysh al-Islam fighters clashed with government forces in Douma on Monday. On \
                Tuesday the militants detonated a car bomb at a checkpoint in Douma, killing five \
                people.";
    let r = reader().read(&article("coref-near", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::RemoteExplosive);
    assert_eq!(name(&e.actor1), Some("Jaysh al Islam"));
}

#[test]
fn the_civilians_a_strike_kills_did_not_strike() {
    // civilians named first are acted on; the armed side named after them acted
    let text = "At least 53 civilians died on Sunday when Russian air strikes hit residential \
                buildings in the town of Saraqib in Idlib province.";
    let r = reader().read(&article("civilians-first", text, Some(d(2018, 2, 6))));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Military Forces of Russia (2000-)"));
    assert_eq!(name(&e.actor2), Some("Civilians (Syria)"));
    // (what the strike hit, when the sentence names it, stays the target)
    let text = "Six civilians were among 22 people killed in US air strikes on the Islamic State \
                group's stronghold of Raqqa on Saturday.";
    let r = reader().read(&article(
        "civilians-first-target",
        text,
        Some(d(2018, 2, 6)),
    ));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(name(&e.actor1), Some("Global Coalition Against Daesh"));
    assert_eq!(name(&e.actor2), Some("Islamic State (Syria)"));
}

#[test]
fn a_state_that_strikes_is_its_forces_one_that_speaks_is_no_actor() {
    let cases = [
        (
            "Turkey shelled Kurdish militia positions near the town of Afrin in Aleppo province \
             on Saturday, killing three fighters.",
            "Military Forces of Turkey (2016-)",
        ),
        (
            "Israel struck a weapons depot near the airport of Damascus overnight on Tuesday, \
             a monitoring group said.",
            "Military Forces of Israel (2009-)",
        ),
        (
            "Russia bombed the market of the town of Ariha in Idlib province on Monday, killing \
             11 civilians.",
            "Military Forces of Russia (2000-)",
        ),
    ];
    for (i, (text, want)) in cases.iter().enumerate() {
        let r = reader().read(&article(
            &format!("state-strikes-{i}"),
            text,
            Some(d(2018, 2, 6)),
        ));
        let e = r.events.first().expect("an event");
        assert_eq!(name(&e.actor1), Some(*want), "{text}");
    }
    // a state that only speaks or backs is no party
    let text = "Russia said on Monday that rebels shelled a residential district of Aleppo, \
                killing four civilians.";
    let r = reader().read(&article("state-speaks", text, Some(d(2018, 2, 6))));
    let e = r.events.first().expect("an event");
    assert!(
        !name(&e.actor1).is_some_and(|n| n.starts_with("Military Forces of Russia")),
        "{:?}",
        e.actor1
    );
    let text = "Turkey-backed rebels shelled the town of Tal Rifaat in Aleppo province on \
                Sunday, killing two people.";
    let r = reader().read(&article("state-backs", text, Some(d(2018, 2, 6))));
    let e = r.events.first().expect("an event");
    assert!(
        !name(&e.actor1).is_some_and(|n| n.starts_with("Military Forces of Turkey")),
        "{:?}",
        e.actor1
    );
}

#[test]
fn a_states_ministry_belongs_to_that_state() {
    let text = "Russia's defence ministry announced on Monday that a Syrian army helicopter \
                was shot down by rebels near Saraqib in Idlib province, killing its crew.";
    let r = reader().read(&article("ministry", text, Some(d(2018, 2, 6))));
    for e in &r.events {
        for a in e.actor1.iter().chain(&e.actor2) {
            assert_ne!(a.name, "Government of Syria (2000-)", "{:?}", e);
        }
    }
}

#[test]
fn a_recall_naming_only_the_country_is_not_at_the_story_town() {
    let text = "Warplanes struck the market of Tel Hamra in Hasakah province on Monday, killing \
                seven people, a monitor said. The country's uprising began in Syria in March \
                2011 with protests against the government.";
    let r = reader().read(&article("recall-country", text, Some(d(2016, 5, 5))));
    let strike = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(
        strike.location.as_ref().map(|p| p.name.as_str()),
        Some("Tel Hamra"),
        "{strike:#?}"
    );
    let recall = r
        .events
        .iter()
        .find(|e| e.notes.contains("March 2011"))
        .expect("the protests recalled");
    let place = recall.location.as_ref().expect("a place");
    assert_eq!(
        (place.name.as_str(), place.geo_precision),
        ("Syria", 3),
        "{place:#?}"
    );
    // (the place says why it is the country: a past event recalled)
    let rule = place.evidence.as_ref().map(|e| e.rule.as_str());
    assert!(rule.is_some_and(|r| r.contains(" recall:")), "{rule:?}");
    // a recall that names its town stays there
    let named = "Warplanes struck the market of Tel Hamra in Hasakah province on Monday. \
                 Protests first broke out in Tel Hamra in March 2011.";
    let r = reader().read(&article("recall-town", named, Some(d(2016, 5, 5))));
    let recall = r
        .events
        .iter()
        .find(|e| e.notes.contains("March 2011"))
        .expect("the protests recalled");
    assert_ne!(
        recall.location.as_ref().map(|p| p.name.as_str()),
        Some("Syria"),
        "{recall:#?}"
    );
}

#[test]
fn a_protest_told_as_how_the_war_began_is_the_countrys_uprising() {
    // the town the sentence names, and the one the story is about, are not where it happened;
    // nor is the date of the sentence before, when it tells the war's beginning too
    let texts = [
        "Rebels shelled the centre of Idlib city on Monday, killing three people, a monitor \
         said. Idlib has been battered by the war that began in March 2011 with \
         demonstrations against the government.",
        "Rebels shelled the centre of Idlib city on Monday, killing three people, a monitor \
         said. The country's war began in 2011 as a revolt. It morphed into a conflict after \
         security forces cracked down on protesters.",
    ];
    for (k, text) in texts.iter().enumerate() {
        let r = reader().read(&article(
            &format!("outbreak-{k}"),
            text,
            Some(d(2016, 5, 5)),
        ));
        let shelling = first_of(&r.events, SubEventType::ShellingArtilleryMissileAttack);
        assert_eq!(shelling.war_outbreak, None);
        let recall = r
            .events
            .iter()
            .find(|e| e.sub_event_type.event_type() == EventType::Protests)
            .expect("the uprising recalled");
        assert!(recall.war_outbreak.is_some(), "{recall:#?}");
        let place = recall.location.as_ref().expect("a place");
        assert_eq!(place.name, "Syria", "{recall:#?}");
        // (the place says why it is the country)
        let rule = place.evidence.as_ref().map(|e| e.rule.as_str());
        assert!(
            rule.is_some_and(|r| r.ends_with("recall:war-outbreak")),
            "{rule:?}"
        );
        assert_eq!(
            recall.date.date.map(|d| d.year()),
            Some(2011),
            "{recall:#?}"
        );
    }
    // a protest of the story's own days is news, whatever words tell the war
    let news = "Hundreds protested in Idlib city on Friday against the bombing, a year after \
                the war began in the province.";
    let r = reader().read(&article("outbreak-news", news, Some(d(2016, 5, 7))));
    let protest = r
        .events
        .iter()
        .find(|e| e.sub_event_type.event_type() == EventType::Protests)
        .expect("the protest");
    assert_eq!(protest.war_outbreak, None, "{protest:#?}");
    assert_ne!(
        protest.location.as_ref().map(|p| p.name.as_str()),
        Some("Syria")
    );
}

#[test]
fn activists_who_tell_a_clash_are_a_source_not_a_crowd() {
    let a = article(
        "activists-said",
        "Between 20 and 30 fighters were killed in clashes with the army in Deraa on Monday, \
         activists said.",
        Some(d(2016, 6, 8)),
    );
    let events = reader().read(&a).events;
    assert_eq!(
        events[0].sub_event_type,
        SubEventType::ArmedClash,
        "{events:#?}"
    );
}

#[test]
fn every_actor_and_place_names_the_article_it_was_read_in() {
    let text = "Car bomb kills two near a checkpoint in Afrin.";
    let reading = reader().read(&article("afrin-bomb", text, Some(d(2019, 6, 7))));
    let event = reading.events.first().expect("an event");
    let actor = event.actor1.as_ref().expect("the bomb's unnamed user");
    assert_eq!(
        actor.evidence.as_ref().map(|e| e.article_id.as_str()),
        Some("afrin-bomb"),
        "{actor:?}"
    );
    for place in event.location.iter() {
        assert_eq!(place.evidence.as_ref().unwrap().article_id, "afrin-bomb");
    }
}

#[test]
fn a_number_after_a_count_of_buses_counts_people_not_buses() {
    let text =
        "Some 38 buses with 2,100 people left Khan Shaykhun on Wednesday under an evacuation deal.";
    let reading = reader().read(&article("buses-people", text, Some(d(2024, 3, 8))));
    let figures: Vec<(QuantityKind, u64)> = reading
        .events
        .iter()
        .flat_map(|e| e.quantities.iter().map(|q| (q.kind, q.value)))
        .collect();
    assert!(figures.contains(&(QuantityKind::Buses, 38)), "{figures:?}");
    assert!(
        !figures.contains(&(QuantityKind::Buses, 2100)),
        "2,100 are people: {figures:?}"
    );
}

#[test]
fn a_figure_s_side_is_classed_whatever_its_noun() {
    let text = "Troops killed 40 terrorists near Maarat al-Numan on Sunday, state media said.";
    let reading = reader().read(&article("side-class", text, Some(d(2024, 3, 8))));
    let q = reading
        .events
        .iter()
        .flat_map(|e| &e.quantities)
        .find(|q| q.value == 40)
        .expect("the 40");
    assert_eq!(q.side.as_deref(), Some("terrorists"));
    assert_eq!(q.side_class, Some(sitrep_model::SideClass::ArmedGroups));
}

#[test]
fn a_denial_with_no_report_before_it_is_the_event_denied() {
    // an article that only denies: the event it denies, its claim denied, for fusion to set
    // beside the other reports of it
    let text = "A military source denied that Syrian aircraft struck residential areas of Saraqib \
                on Sunday, calling the reports fabricated.";
    let reading = reader().read(&article("denial-only", text, Some(d(2024, 3, 4))));
    let e = first_of(&reading.events, SubEventType::AirDroneStrike);
    assert_eq!(e.date.date, Some(d(2024, 3, 3)));
    assert!(
        e.claims.iter().all(|c| c.polarity == Polarity::Denied),
        "{:?}",
        e.claims
    );
    // "were denied access" is something refused to someone, no one's denial
    let text = "Two men who were allegedly denied access to the village beat the guards at the \
                checkpoint on Sunday.";
    let reading = reader().read(&article("denied-access", text, Some(d(2024, 3, 4))));
    assert!(
        reading
            .events
            .iter()
            .flat_map(|e| &e.claims)
            .chain(&reading.standalone_claims)
            .all(|c| c.polarity != Polarity::Denied),
        "{reading:#?}"
    );
}

#[test]
fn a_deed_no_one_claims_has_no_claim_of_responsibility() {
    for unclaimed in [
        "No group claimed responsibility for the attack.",
        "There was no immediate claim of responsibility.",
        "No one has claimed responsibility so far, the police said.",
        "Neither claim could be independently verified.",
    ] {
        let text = format!(
            "A suicide bomber killed nine people at a restaurant in the port city on Saturday. {unclaimed}"
        );
        let events = reader()
            .read(&article("unclaimed", &text, Some(d(2024, 3, 11))))
            .events;
        assert!(
            events
                .iter()
                .all(|e| e.sub_event_type != SubEventType::ClaimOfResponsibility
                    && e.claims
                        .iter()
                        .all(|c| c.polarity != Polarity::ClaimedResponsibility)),
            "{unclaimed}: {events:#?}"
        );
    }
    // a claim made is one
    let events = reader()
        .read(&article(
            "claimed",
            "A suicide bomber killed nine people at a restaurant in the port city on Saturday. \
             Al-Shabaab claimed responsibility for the attack.",
            Some(d(2024, 3, 11)),
        ))
        .events;
    assert!(events
        .iter()
        .flat_map(|e| &e.claims)
        .any(|c| c.polarity == Polarity::ClaimedResponsibility));
}

#[test]
fn a_running_total_is_no_event_and_no_follow_up() {
    for total in [
        "More than 400,000 people have been displaced since the start of the year, the agency said.",
        "Since the fighting began in March, at least 40 civilians have been killed, the network said.",
        "At least 84 journalists have been killed since the war began, a press group said.",
    ] {
        let text = format!("Shelling killed three people in the river town on Monday. {total}");
        let events = reader()
            .read(&article("total", &text, Some(d(2024, 3, 12))))
            .events;
        assert_eq!(events.len(), 1, "{total}: {events:#?}");
        assert_eq!(events[0].fatalities, 3, "{total}: {events:#?}");
    }
    // a superlative since the war began still reports its event
    let events = reader()
        .read(&article(
            "deadliest",
            "A car bomb killed 40 people in the port city on Monday, the deadliest attack since \
             the war began.",
            Some(d(2024, 3, 12)),
        ))
        .events;
    assert_eq!(
        events.first().map(|e| e.fatalities),
        Some(40),
        "{events:#?}"
    );
}

#[test]
fn a_word_inside_an_armed_groups_name_is_no_trigger() {
    // "Liberation" in the group's name is no liberation of a town by the state
    let events = reader()
        .read(&article(
            "tnla",
            "The Ta'ang National Liberation Army (TNLA) said it had captured the town on Sunday \
             after a two-week battle.",
            Some(d(2024, 11, 12)),
        ))
        .events;
    let e = events.first().unwrap_or_else(|| panic!("{events:#?}"));
    assert_eq!(
        e.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory,
        "{e:#?}"
    );
    assert_eq!(
        name(&e.actor1),
        Some("TNLA: Taang National Liberation Army")
    );
}

#[test]
fn a_denial_of_a_habit_disputes_no_one_event() {
    let read = |denial: &str| {
        let text = format!(
            "A junta air strike killed 11 people at a monastery in the district on Tuesday, \
             residents said. {denial}"
        );
        reader()
            .read(&article("habit", &text, Some(d(2024, 11, 13))))
            .events
    };
    for habit in [
        "The military has denied targeting civilians in previous air strikes.",
        "The military has consistently denied targeting civilians.",
        "The military has repeatedly denied using such weapons.",
    ] {
        let events = read(habit);
        assert!(
            events
                .iter()
                .flat_map(|e| &e.claims)
                .all(|c| c.polarity != Polarity::Denied),
            "{habit}: {events:#?}"
        );
    }
    // a denial of this strike still disputes it
    let events = read("The military denied carrying out the strike.");
    assert!(events
        .iter()
        .flat_map(|e| &e.claims)
        .any(|c| c.polarity == Polarity::Denied));
}

#[test]
fn an_unconfirmed_report_with_no_event_before_it_is_the_event_unconfirmed() {
    let text = "There were unconfirmed reports that rebels had seized the town of Kafr Nabudah on \
                Sunday.";
    let r = reader().read(&article("unconfirmed", text, Some(d(2019, 5, 22))));
    let e = first_conflict(&r.events);
    assert!(
        e.claims
            .iter()
            .any(|c| c.polarity == sitrep_model::Polarity::Unconfirmed),
        "{:#?}",
        e.claims
    );
    // a statement no one could check is no claim of responsibility: its event is read
    let text = "Troops killed ten militants near the town on Sunday, the army said, a claim that \
                could not be independently verified.";
    let r = reader().read(&article("unverified", text, Some(d(2019, 5, 22))));
    assert!(
        r.events.iter().any(
            |e| e.sub_event_type == sitrep_model::SubEventType::ArmedClash && e.fatalities == 10
        ),
        "{:#?}",
        r.events
    );
}

#[test]
fn an_armed_group_named_like_a_town_abroad_names_no_place() {
    // "Fano" is a town in Italy and the Amhara militia; the town the fighters took is the place
    let text =
        "Fano fighters seized the town of Bichena on Sunday after heavy fighting, residents \
                said.";
    let r = reader().read(&article("fano", text, Some(d(2024, 5, 2))));
    let e = first_conflict(&r.events);
    let place = e.location.as_ref().expect("a place");
    assert_eq!(
        (place.name.as_str(), place.country_code.as_deref()),
        ("Bichena", Some("ET")),
        "{place:#?}"
    );
    assert_eq!(
        e.actor1.as_ref().map(|a| a.name.as_str()),
        Some("Fano Militia")
    );
}

#[test]
fn what_did_not_happen_and_an_agency_named_for_disasters_are_no_events() {
    let published = d(2024, 3, 12);
    for follow_up in [
        "Police said no arrests had been made.",
        "Investigators have not established a motive.",
    ] {
        let text = format!("Gunmen shot dead a shopkeeper in Lahore on Monday. {follow_up}");
        assert_eq!(
            only_event_type("negated", &text, published),
            SubEventType::Attack,
            "{follow_up}"
        );
    }
    assert_eq!(
        only_event_type(
            "agency",
            "A bomb tore through a bus terminal in Cotabato on Sunday, killing four people, \
             according to the regional disaster risk reduction office.",
            published
        ),
        SubEventType::RemoteExplosive
    );
}

#[test]
fn claimants_are_named_as_they_speak_and_a_speaker_at_the_end_is_no_actor() {
    let published = d(2024, 3, 12);
    let read = |text: &str| reader().read(&article("c", text, Some(published)));
    let claimant = |text: &str| read(text).events[0].claims[0].claimant.clone();
    assert_eq!(
        claimant("Gunmen killed four people at a bakery in Tijuana on Sunday, prosecutors said."),
        "prosecutors"
    );
    assert_eq!(
        claimant("Gunmen killed a teacher in Tijuana on Sunday, a local rights group said."),
        "rights group"
    );
    assert_eq!(
        claimant("A bomb killed three soldiers in Quetta on Monday, a police spokesman said."),
        "police"
    );
    // the police who say it are not who shot
    let r = read("Two traders were shot dead at a market in Kaduna on Monday, police said.");
    let e = first_of(&r.events, SubEventType::Attack);
    assert_ne!(
        name(&e.actor1),
        Some("Police Forces of Nigeria (2015-)"),
        "{e:#?}"
    );
}

#[test]
fn a_group_that_claims_an_attack_by_someone_unnamed_is_its_actor_and_its_claimant() {
    let r = reader().read(&article(
        "claimed",
        "A suicide bomber killed seven policemen at a checkpoint in Lakki Marwat on Monday. The \
         Tehreek-i-Taliban Pakistan claimed responsibility.",
        Some(d(2024, 3, 12)),
    ));
    let e = first_of(&r.events, SubEventType::SuicideBomb);
    assert_eq!(
        name(&e.actor1),
        Some("TTP: Tehreek-i-Taliban Pakistan"),
        "{e:#?}"
    );
    assert!(
        e.claims
            .iter()
            .any(|c| c.claimant == "TTP: Tehreek-i-Taliban Pakistan"
                && c.polarity == Polarity::ClaimedResponsibility),
        "{:#?}",
        e.claims
    );
}

#[test]
fn what_a_protest_followed_is_not_what_it_turned_into_and_a_habit_is_no_event() {
    let published = d(2024, 3, 12);
    assert_eq!(
        only_event_type(
            "followed",
            "Hundreds of people rallied peacefully outside parliament in Tobruk on Sunday to \
             demand elections. The rally followed days of fighting between rival brigades in \
             the city.",
            published
        ),
        SubEventType::PeacefulProtest
    );
    assert_eq!(
        only_event_type(
            "habit",
            "A roadside bomb killed two soldiers near Tikrit on Sunday, officials said. The \
             militants were driven from their last towns years ago but still carry out attacks \
             in the desert.",
            published
        ),
        SubEventType::RemoteExplosive
    );
}

#[test]
fn a_crowd_that_dispersed_peacefully_was_not_dispersed() {
    // the marchers went home on their own: a peaceful protest, not one broken up
    let reading = reader().read(&article(
        "went-home",
        "Several hundred teachers marched through Ibb on Monday to demand unpaid wages, and \
         dispersed peacefully in the evening.",
        Some(d(2024, 5, 14)),
    ));
    let kinds: Vec<SubEventType> = reading.events.iter().map(|e| e.sub_event_type).collect();
    assert!(kinds.contains(&SubEventType::PeacefulProtest), "{kinds:?}");
    assert!(
        !kinds.contains(&SubEventType::ProtestWithIntervention),
        "{kinds:?}"
    );
}

#[test]
fn the_dead_before_an_unnamed_speaker_do_not_speak() {
    // "killing 11 people, a local official said": the official speaks, not the dead
    for (text, speaker) in [
        (
            "Gunmen killed 11 people in Kalunguta on Wednesday, a local official said.",
            Some("government"),
        ),
        (
            "Gunmen killed 11 people in Kalunguta on Wednesday, a regional commander said.",
            None,
        ),
    ] {
        let reading = reader().read(&article("unnamed", text, Some(d(2024, 1, 4))));
        let e = first_conflict(&reading.events);
        let claimants: Vec<&str> = e.claims.iter().map(|c| c.claimant.as_str()).collect();
        assert!(!claimants.contains(&"people"), "{claimants:?}");
        if let Some(s) = speaker {
            assert!(claimants.contains(&s), "{claimants:?}");
        }
    }
}

#[test]
fn a_junta_s_aircraft_are_its_military() {
    let reading = reader().read(&article(
        "junta",
        "Junta aircraft bombed a monastery in Sagaing region of Myanmar on Saturday, killing \
         eleven villagers.",
        Some(d(2024, 1, 8)),
    ));
    let e = first_conflict(&reading.events);
    assert!(
        name(&e.actor1).is_some_and(|a| a.starts_with("Military Forces of Myanmar")),
        "{:?}",
        e.actor1
    );
}

#[test]
fn a_place_handed_over_is_taken_by_actor1_as_acled_codes_it() {
    // the subject of "handed over" gives the place up; the army takes it
    let a = article(
        "handover",
        "Kivu rebels of the M23 handed over the town of Rubaya to the Congolese army on \
         Sunday, a local official said.",
        Some(d(2023, 10, 30)),
    );
    let r = reader().read(&a);
    let e = first_of(&r.events, SubEventType::NonViolentTransferOfTerritory);
    assert!(
        name(&e.actor1).is_some_and(|n| n.starts_with("Military Forces of the Democratic")),
        "{e:#?}"
    );
    assert_eq!(name(&e.actor2), Some("M23: March 23 Movement"), "{e:#?}");
    // the side that enters is the subject already
    let b = article(
        "entered",
        "Troops of the Congolese army entered the town of Rubaya without a fight on Sunday \
         after M23 rebels pulled out, a local official said.",
        Some(d(2023, 10, 30)),
    );
    let r = reader().read(&b);
    let e = first_of(&r.events, SubEventType::NonViolentTransferOfTerritory);
    assert!(
        name(&e.actor1).is_some_and(|n| n.starts_with("Military Forces of the Democratic")),
        "{e:#?}"
    );
}

#[test]
fn a_deed_no_party_claimed_is_no_claim_of_responsibility() {
    let a = article(
        "unclaimed",
        "A drone struck a pickup truck outside Kirkuk on Monday, killing two members of a \
         local militia. No party claimed the strike.",
        Some(d(2024, 1, 2)),
    );
    let r = reader().read(&a);
    assert!(
        !r.events
            .iter()
            .any(|e| e.sub_event_type == SubEventType::ClaimOfResponsibility),
        "{:#?}",
        r.events
    );
}

#[test]
fn who_confirms_what_others_did_is_no_party_to_it() {
    for text in [
        "Police confirmed on Monday that gunmen kidnapped 36 people in Gusau on Sunday.",
        "Police in Zamfara state confirmed on Monday that gunmen kidnapped 36 people in Gusau \
         on Sunday.",
    ] {
        let r = reader().read(&article("confirm", text, Some(d(2024, 9, 23))));
        let e = first_of(&r.events, SubEventType::AbductionForcedDisappearance);
        assert_eq!(
            name(&e.actor1),
            Some("Unidentified Armed Group (Nigeria)"),
            "{text}: {e:#?}"
        );
    }
}

#[test]
fn a_state_s_missile_or_guided_bomb_is_its_military_s_strike() {
    let r = reader().read(&article(
        "glide",
        "A Russian guided bomb struck an apartment building in Kharkiv on Friday evening, \
         killing six people, the governor said.",
        Some(d(2024, 8, 31)),
    ));
    let e = first_of(&r.events, SubEventType::AirDroneStrike);
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Russia (2000-)"),
        "{e:#?}"
    );
    assert_eq!(name(&e.actor2), Some("Civilians (Ukraine)"), "{e:#?}");
    let r = reader().read(&article(
        "missile",
        "A Russian missile struck an apartment block in Kharkiv on Saturday, killing two people.",
        Some(d(2024, 8, 31)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(
        name(&e.actor1),
        Some("Military Forces of Russia (2000-)"),
        "{e:#?}"
    );
}

#[test]
fn the_group_a_source_blames_is_the_attack_s_actor() {
    let r = reader().read(&article(
        "blamed",
        "A car bomb killed five soldiers at a checkpoint in Mogadishu on Monday. Police blamed \
         al-Shabaab for the attack.",
        Some(d(2024, 1, 2)),
    ));
    let e = first_conflict(&r.events);
    assert_eq!(name(&e.actor1), Some("Al Shabaab"), "{e:#?}");
    // not a group named only by what it is, nor one blamed by the accusers of another
    let r = reader().read(&article(
        "generic",
        "A car bomb killed five soldiers at a checkpoint in Mogadishu on Monday. Police blamed \
         militants for the attack.",
        Some(d(2024, 1, 2)),
    ));
    let e = first_conflict(&r.events);
    assert_ne!(name(&e.actor1), Some("Al Shabaab"), "{e:#?}");
}

#[test]
fn a_claim_rejected_as_propaganda_is_denied() {
    let r = reader().read(&article(
        "rejected",
        "Separatist rebels attacked an army post near Kidal on Tuesday. The rebel alliance said \
         it had killed 17 soldiers, a claim the army rejected as propaganda.",
        Some(d(2024, 11, 20)),
    ));
    let e = first_conflict(&r.events);
    assert!(
        e.claims
            .iter()
            .any(|c| c.polarity == Polarity::Denied && c.claimant.contains("Mali")),
        "{:#?}",
        e.claims
    );
}

#[test]
fn a_claim_that_is_the_news_tells_its_attack_too() {
    let r = reader().read(&article(
        "claimed",
        "The Northern Front claimed responsibility for Tuesday's attack on a police post in \
         Bannu in which four officers were killed. Police said the militants used grenades.",
        Some(d(2025, 2, 5)),
    ));
    assert!(
        r.events
            .iter()
            .any(|e| e.sub_event_type == SubEventType::ClaimOfResponsibility),
        "{:#?}",
        r.events
    );
    assert!(
        r.events.iter().any(|e| e.sub_event_type.is_armed_violence()
            && e.fatalities == 4
            && e.date.date == Some(d(2025, 2, 4))),
        "{:#?}",
        r.events
    );
}
