//! Fusion tests on events built from sentences written for them.

use super::*;
use chrono::NaiveDate;
use sitrep_model::{
    ActorRef, Article, Claim, ControlFact, DatePrecision, Event, EventDate, Evidence, PlaceRef,
    Polarity, Quantity, QuantityKind, SideClass, SubEventType, TimePoint,
};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ev(article: &str, text: &str) -> Evidence {
    Evidence {
        article_id: article.into(),
        text: text.into(),
        rule: "test".into(),
        ..Default::default()
    }
}

/// A town: (name, geonameid, lat, lon, admin1).
type Town = (&'static str, u32, f64, f64, &'static str);
const CITY: Town = ("Northtown", 1, 33.50, 36.30, "Capital");
const CAMP: Town = ("Camp Quarter", 2, 33.47, 36.30, "Capital"); // ~3.3 km south of the city
const FARTOWN: Town = ("Fartown", 3, 33.80, 36.60, "Capital"); // ~43 km away
const OASIS: Town = ("Oasis", 4, 34.50, 40.90, "Eastern");

fn place(t: Town, article: &str) -> PlaceRef {
    PlaceRef {
        mention: t.0.into(),
        name: t.0.into(),
        geonameid: Some(t.1),
        lat: Some(t.2),
        lon: Some(t.3),
        country_code: Some("XS".into()),
        country: Some("Testland".into()),
        admin1: Some(t.4.into()),
        geo_precision: 1,
        where_prec: 1,
        evidence: Some(ev(article, t.0)),
        ..Default::default()
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

fn claim(article: &str, who: &str, polarity: Polarity, sentence: &str) -> Claim {
    Claim {
        claimant: who.into(),
        polarity,
        article_id: article.into(),
        sentence: sentence.into(),
        ..Default::default()
    }
}

/// A figure of `kind` read at `evidence`: exact, no side, no claimant (tests override fields).
fn figure(kind: QuantityKind, value: u64, evidence: Evidence) -> Quantity {
    Quantity {
        kind,
        value,
        lower_bound: false,
        approximate: false,
        vague: false,
        side: None,
        side_class: None,
        tally: false,
        claim: None,
        evidence,
    }
}

struct Spec {
    kind: &'static str,
    date: &'static str,
    town: Town,
    actor1: Option<&'static str>,
    notes: &'static str,
}

fn event(article: &str, n: usize, s: Spec) -> Event {
    Event {
        location: Some(place(s.town, article)),
        actor1: s.actor1.map(|a| actor(a, 2)),
        claims: vec![claim(article, "the monitor", Polarity::Asserted, s.notes)],
        confidence: 0.8,
        notes: s.notes.into(),
        article_ids: vec![article.into()],
        evidence: ev(article, s.notes),
        ..Event::new(
            format!("{article}#{n}"),
            SubEventType::from_acled(s.kind).unwrap(),
            EventDate {
                date: Some(day(s.date)),
                end: None,
                precision: DatePrecision::Day,
                evidence: Some(ev(article, "Sunday")),
            },
        )
    }
}

fn article(id: &str, source: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        text: text.into(),
        source: Some(source.into()),
        published: Some(day("2024-03-11")),
        origin: id.into(),
        ..Default::default()
    }
}

/// Two outlets on one evacuation: the first convoy on Sunday (both), the second overnight (one),
/// a ceasefire since Sunday (one) and a halt of fighting since Saturday (the other).
fn corpus() -> Vec<(Article, Vec<Event>, Vec<Claim>)> {
    let a = "daily";
    let mut ceasefire = event(
        a,
        3,
        Spec {
            kind: "Agreement",
            date: "2024-03-10",
            town: FARTOWN,
            actor1: Some("Army of Testland"),
            notes:
                "An army officer said a temporary ceasefire was in place in the camp since Sunday.",
        },
    );
    ceasefire.other_locations = vec![place(CAMP, a)];
    ceasefire.valid_until = Some(TimePoint {
        at: "2024-03-12T12:00+03:00".into(),
        evidence: ev(a, "noon on Tuesday"),
    });
    let daily = vec![
        event(
            a,
            1,
            Spec {
                kind: "Non-violent transfer of territory",
                date: "2024-03-10",
                town: CITY,
                actor1: Some("Red Brigade"),
                notes: "The first group of Red Brigade fighters left the city by bus on Sunday, the monitor said.",
            },
        ),
        event(
            a,
            2,
            Spec {
                kind: "Non-violent transfer of territory",
                date: "2024-03-11",
                town: CITY,
                actor1: Some("Red Brigade"),
                notes: "A second group of fighters left their last stronghold overnight.",
            },
        ),
        ceasefire,
    ];
    let w = "weekly";
    let mut buses = event(
        w,
        1,
        Spec {
            kind: "Non-violent transfer of territory",
            date: "2024-03-10",
            town: CAMP,
            actor1: None,
            notes: "Eight buses carrying Red Brigade fighters and their families left the camp on Sunday.",
        },
    );
    buses.actor2 = Some(actor("Red Brigade", 2));
    buses.quantities = vec![Quantity {
        claim: Some(0),
        ..figure(QuantityKind::Evacuated, 900, ev(w, "900"))
    }];
    let mut halt = event(
        w,
        2,
        Spec {
            kind: "Looting/property destruction",
            date: "2024-03-09",
            town: CAMP,
            actor1: Some("Red Brigade"),
            notes: "The fighters burned their houses in the camp, where all operations had stopped since Saturday noon.",
        },
    );
    halt.claims = vec![claim(
        w,
        "a faction leader",
        Polarity::Asserted,
        &halt.notes,
    )];
    let weekly = vec![buses, halt];
    let denial = claim(
        w,
        "the government",
        Polarity::Denied,
        "The government denied that any deal allowed the fighters to leave the camp by bus.",
    );
    vec![
        (
            article(a, "The Daily", "The first group of fighters left."),
            daily,
            vec![],
        ),
        (
            article(w, "The Weekly", "Eight buses left the camp."),
            weekly,
            vec![denial],
        ),
    ]
}

fn fuse(items: &[(Article, Vec<Event>, Vec<Claim>)], splits: Vec<Split>) -> Fuser {
    let mut f = Fuser::new(splits);
    for (a, e, c) in items {
        f.add_article(a, e, c);
    }
    f
}

fn event_with<'a>(events: &'a [FusedEvent], mention: &str) -> &'a FusedEvent {
    events
        .iter()
        .find(|e| e.members.iter().any(|m| m.mention_id == mention))
        .unwrap()
}

#[test]
fn one_evacuation_reported_twice_is_one_event_and_the_second_group_another() {
    let f = fuse(&corpus(), vec![]);
    let events = f.fused_events();
    let first = event_with(&events, "daily#1");
    let ids: Vec<&str> = first
        .members
        .iter()
        .map(|m| m.mention_id.as_str())
        .collect();
    assert_eq!(ids, ["daily#1", "weekly#1"]);
    assert_eq!(first.event.article_ids, ["daily", "weekly"]);
    assert_eq!(first.event.sources, ["The Daily", "The Weekly"]);
    // provenance: the weekly mention matched the daily one, with a score per cue
    let p = &first.members[1].provenance;
    assert_eq!(p.matched.as_deref(), Some("daily#1"));
    assert!(p.total >= MERGE_THRESHOLD);
    let cues: Vec<&str> = p.cues.iter().map(|c| c.cue.as_ref()).collect();
    assert_eq!(cues, ["type", "date", "place", "actors", "words"]);
    let second = event_with(&events, "daily#2");
    assert_ne!(second.id, first.id);
    assert_eq!(second.members.len(), 1);
    // the second group is vetoed by its ordinal, whatever the date says
    let c = f.cluster_of_mention("daily#1").unwrap();
    let m = f.mentions.iter().position(|m| m.id() == "daily#2").unwrap();
    assert!(f.compare(m, c).unwrap_err().contains("ordinals differ"));
}

#[test]
fn the_ceasefire_and_the_halt_since_saturday_are_disagreeing_accounts() {
    let f = fuse(&corpus(), vec![]);
    let links = links(&f);
    let ceasefire = f.clusters[f.cluster_of_mention("daily#3").unwrap()]
        .id
        .clone();
    let halt = f.clusters[f.cluster_of_mention("weekly#2").unwrap()]
        .id
        .clone();
    let link = links
        .iter()
        .find(|l| (l.a == ceasefire && l.b == halt) || (l.a == halt && l.b == ceasefire))
        .expect("linked");
    assert_eq!(link.relation, Relation::DisagreeingAccounts);
    assert!(
        link.detail.contains("2024-03-09") && link.detail.contains("2024-03-10"),
        "{}",
        link.detail
    );
}

#[test]
fn the_denial_stands_beside_the_report() {
    let f = fuse(&corpus(), vec![]);
    let events = f.fused_events();
    let first = event_with(&events, "weekly#1");
    let occurrence = first
        .figures
        .iter()
        .find(|g| g.figure == "occurrence")
        .unwrap();
    assert!(occurrence
        .accounts
        .iter()
        .any(|a| a.claimant == "the government" && a.polarity == Polarity::Denied));
    assert!(occurrence
        .disagreement
        .as_deref()
        .unwrap()
        .contains("denies"));
    assert!(first
        .event
        .claims
        .iter()
        .any(|c| c.polarity == Polarity::Denied));
    // and the ACLED notes say so, for a reader of the CSV
    assert!(
        first
            .event
            .notes
            .contains("disputed: the government denied it"),
        "{}",
        first.event.notes
    );
}

#[test]
fn a_split_stays_split() {
    let f = fuse(&corpus(), vec![("weekly#1".into(), "daily#1".into())]);
    assert_ne!(
        f.cluster_of_mention("daily#1"),
        f.cluster_of_mention("weekly#1")
    );
}

/// What the store keeps of a fused event, taken from a fuser.
fn stored(f: &Fuser, c: usize) -> StoredCluster {
    let cluster = &f.clusters[c];
    StoredCluster {
        id: cluster.id.clone(),
        seq: cluster.seq,
        members: cluster
            .members
            .iter()
            .zip(&cluster.provenance)
            .map(|(&m, provenance)| {
                let mention = &f.mentions[m];
                StoredMember {
                    event: (*mention.event).clone(),
                    article_id: mention.article_id.clone(),
                    source: mention.source.clone(),
                    published: mention.published,
                    article_seq: f.rank(m) >> 24,
                    ordinal: (f.rank(m) & 0xFF_FFFF) as usize,
                    duplicate_of: f
                        .articles
                        .iter()
                        .find(|a| a.id == mention.article_id)
                        .and_then(|a| a.duplicate_of.clone()),
                    provenance: provenance.clone(),
                    attached: f.attached_claims(m).to_vec(),
                }
            })
            .collect(),
    }
}

#[test]
fn continuing_from_stored_fused_events_equals_a_full_recompute() {
    let items = corpus();
    let full = fuse(&items, vec![]);
    for cut in 1..items.len() {
        // run 1 fuses the first articles; run 2 continues from what it stored, loaded in
        // reverse order (ties must follow the ingest order, not the loading order)
        let run1 = fuse(&items[..cut], vec![]);
        let mut run2 = Fuser::continuing(vec![], run1.clusters.len());
        for c in (0..run1.clusters.len()).rev() {
            run2.load_cluster(stored(&run1, c));
        }
        for (i, a) in run1.articles.iter().enumerate().rev() {
            if let Some(signature) = &a.signature {
                run2.load_signature(&a.id, i as u64, signature.clone());
            }
        }
        for (i, (a, e, c)) in items.iter().enumerate().skip(cut) {
            run2.add_article_at(i as u64, a, e, c);
        }
        let by_id = |f: &Fuser| {
            let mut events = f.fused_events();
            events.sort_by(|a, b| a.id.cmp(&b.id));
            events
        };
        assert_eq!(by_id(&run2), by_id(&full), "cut after {cut}");
        assert_eq!(links(&run2), links(&full), "cut after {cut}");
        assert_eq!(stories(&run2), stories(&full), "cut after {cut}");
        // what changed in run 2 is what the store writes again: its links and stories are
        // those of the full recompute that touch it
        let dirty = run2.take_dirty();
        let ids = |c: &[usize], f: &Fuser| -> Vec<String> {
            c.iter().map(|&c| f.clusters[c].id.clone()).collect()
        };
        let changed = ids(&dirty, &run2);
        let touching: Vec<Link> = links(&full)
            .into_iter()
            .filter(|l| changed.contains(&l.a) || changed.contains(&l.b))
            .collect();
        assert_eq!(links_touching(&run2, &dirty), touching, "cut after {cut}");
        let in_stories: Vec<Story> = stories(&full)
            .into_iter()
            .filter(|s| s.events.iter().any(|e| changed.contains(e)))
            .collect();
        assert_eq!(
            stories_touching(&run2, &dirty),
            in_stories,
            "cut after {cut}"
        );
    }
}

#[test]
fn two_strikes_on_one_day_in_different_towns_stay_apart() {
    let strike = |art: &str, town| {
        event(
            art,
            1,
            Spec {
                kind: "Air/drone strike",
                date: "2024-03-10",
                town,
                actor1: Some("Air Force of Testland"),
                notes: "Warplanes struck the town on Sunday.",
            },
        )
    };
    let items = vec![
        (article("x", "X", "a"), vec![strike("x", CITY)], vec![]),
        (article("y", "Y", "b"), vec![strike("y", FARTOWN)], vec![]),
        (article("z", "Z", "c"), vec![strike("z", CITY)], vec![]),
    ];
    let f = fuse(&items, vec![]);
    assert_ne!(f.cluster_of_mention("x#1"), f.cluster_of_mention("y#1"));
    assert_eq!(f.cluster_of_mention("x#1"), f.cluster_of_mention("z#1"));
}

/// One clash at the oasis on Sunday, told by `art` with `killed` dead (of `side`, when named).
fn clash_with_dead(art: &str, killed: u64, side: Option<(&str, SideClass)>) -> Event {
    let mut e = event(
        art,
        1,
        Spec {
            kind: "Armed clash",
            date: "2024-03-10",
            town: OASIS,
            actor1: Some("Army of Testland"),
            notes: "Soldiers and rebels fought at the oasis on Sunday.",
        },
    );
    e.fatalities = killed;
    e.quantities = vec![Quantity {
        side: side.map(|(noun, _)| noun.to_string()),
        side_class: side.map(|(_, class)| class),
        claim: Some(0),
        ..figure(QuantityKind::Killed, killed, ev(art, "dead"))
    }];
    e
}

#[test]
fn acled_takes_the_lowest_figure_and_says_so() {
    let clash = |art: &str, killed: u64| clash_with_dead(art, killed, None);
    let items = vec![
        (article("p", "P", "a"), vec![clash("p", 12)], vec![]),
        (article("q", "Q", "b"), vec![clash("q", 7)], vec![]),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 1);
    let e = &events[0];
    assert_eq!(e.event.fatalities, 7);
    assert!(
        e.event.notes.contains("lowest reported figure, 7"),
        "{}",
        e.event.notes
    );
    assert!(
        e.event.notes.contains("2 reports from 2 articles"),
        "{}",
        e.event.notes
    );
    let killed = e.figures.iter().find(|f| f.figure == "killed").unwrap();
    assert_eq!(killed.accounts.len(), 2);
    assert_eq!(killed.disagreement.as_deref(), Some("12 vs 7"));
    assert_eq!(e.event.quantities.len(), 2, "the JSONL keeps every figure");
}

#[test]
fn a_generic_attack_and_the_shelling_it_was_are_one_event_and_so_is_a_capture_told_both_ways() {
    // families.tsv: a kind one outlet names generically (or by who is the state) is no veto
    let told = |art: &str, kind: &'static str, notes: &'static str| {
        event(
            art,
            1,
            Spec {
                kind,
                date: "2024-03-10",
                town: OASIS,
                actor1: Some("Army of Testland"),
                notes,
            },
        )
    };
    for (a, b) in [
        (
            (
                "Shelling/artillery/missile attack",
                "Soldiers shelled the oasis on Sunday.",
            ),
            (
                "Attack",
                "An army attack on the oasis on Sunday killed villagers.",
            ),
        ),
        (
            (
                "Non-state actor overtakes territory",
                "The army's forces took the oasis on Sunday.",
            ),
            (
                "Government regains territory",
                "The army captured the oasis on Sunday.",
            ),
        ),
    ] {
        let items = vec![
            (article("p", "P", "a"), vec![told("p", a.0, a.1)], vec![]),
            (article("q", "Q", "b"), vec![told("q", b.0, b.1)], vec![]),
        ];
        let f = fuse(&items, vec![]);
        assert_eq!(
            f.cluster_of_mention("p#1"),
            f.cluster_of_mention("q#1"),
            "{} / {}",
            a.0,
            b.0
        );
    }
}

#[test]
fn a_toll_that_rose_in_a_later_report_updates_the_earlier_counts() {
    // Monday's 5, Tuesday's "the death toll rose to 9" (and a rival's 8 that day, lower): 8;
    // a later report's lower count is still an account of its own
    let clash = |art: &str, killed: u64, risen: bool| {
        let mut e = clash_with_dead(art, killed, None);
        if risen {
            e.quantities[0]
                .evidence
                .rule
                .push_str(sitrep_model::RISEN_TOLL);
        }
        e
    };
    let on = |id: &str, date: &str| Article {
        published: Some(day(date)),
        ..article(id, id, id)
    };
    let items = vec![
        (on("p", "2024-03-11"), vec![clash("p", 5, false)], vec![]),
        (on("q", "2024-03-12"), vec![clash("q", 9, true)], vec![]),
        (on("r", "2024-03-12"), vec![clash("r", 8, false)], vec![]),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].event.fatalities, 8);
    assert!(
        events[0]
            .event
            .notes
            .contains("the lowest figure since the toll rose, 8"),
        "{}",
        events[0].event.notes
    );
    let later = vec![
        items[0].clone(),
        items[1].clone(),
        (on("s", "2024-03-13"), vec![clash("s", 6, false)], vec![]),
    ];
    assert_eq!(fuse(&later, vec![]).fused_events()[0].event.fatalities, 6);
    // without a toll that rose, the lowest of all
    let plain = vec![
        (on("p", "2024-03-11"), vec![clash("p", 5, false)], vec![]),
        (on("q", "2024-03-12"), vec![clash("q", 9, false)], vec![]),
    ];
    assert_eq!(fuse(&plain, vec![]).fused_events()[0].event.fatalities, 5);
}

#[test]
fn a_denial_never_decides_what_the_fused_event_shows() {
    // the denier's words name the deed with the denier's actors ("the army denied shelling");
    // the reports that assert it decide the fused event's actors, whatever the ingest order
    let denial = |art: &str| {
        let mut e = clash_with_dead(art, 0, None);
        e.actor1 = Some(actor("Denier Forces", 1));
        e.claims = vec![claim(
            art,
            "the denier",
            Polarity::Denied,
            "It denied the fight.",
        )];
        e
    };
    let report = |art: &str, killed: u64| {
        let mut e = clash_with_dead(art, killed, None);
        e.actor2 = Some(actor("Rebels of Testland", 2));
        e.claims = vec![claim(art, "a monitor", Polarity::Asserted, "They fought.")];
        e
    };
    for first_denies in [true, false] {
        let mut items = vec![
            (article("d", "D", "a"), vec![denial("d")], vec![]),
            (article("r", "R", "b"), vec![report("r", 9)], vec![]),
        ];
        if !first_denies {
            items.reverse();
        }
        let events = fuse(&items, vec![]).fused_events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let e = &events[0].event;
        assert_eq!(
            e.actor1.as_ref().map(|a| a.name.as_str()),
            Some("Army of Testland"),
            "{e:#?}"
        );
        assert!(e.disputed(), "the denial is kept beside the report");
    }
}

#[test]
fn the_notes_credit_each_figure_to_who_gives_it() {
    // a report whose first claimant is a rescue group and whose 12 dead the monitor gives
    let mut p = clash_with_dead("p", 12, None);
    p.claims = vec![
        claim(
            "p",
            "the rescuers",
            Polarity::Asserted,
            "Rescuers said they fought.",
        ),
        claim(
            "p",
            "the monitor",
            Polarity::Asserted,
            "The monitor counted 12 dead.",
        ),
    ];
    p.quantities[0].claim = Some(1);
    let items = vec![
        (article("p", "P", "a"), vec![p], vec![]),
        (
            article("q", "Q", "b"),
            vec![clash_with_dead("q", 7, None)],
            vec![],
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 1, "{events:#?}");
    let notes = &events[0].event.notes;
    assert!(notes.contains("12 per the monitor"), "{notes}");
}

#[test]
fn a_named_actor_of_any_report_stands_over_an_unidentified_one() {
    // the report shown (the most confident) has "Unidentified Armed Group"; another names who
    // acted: the fused event names them, in either order, and keeps the other side as it was
    let vague = |art: &str| {
        let mut e = clash_with_dead(art, 5, None);
        e.actor1 = Some(actor("Unidentified Armed Group (Testland)", 3));
        e.actor2 = Some(actor("Civilians (Testland)", 7));
        e.confidence = 0.95;
        e
    };
    let named = |art: &str| {
        let mut e = clash_with_dead(art, 5, None);
        e.actor1 = Some(actor("Red Brigade", 2));
        e.confidence = 0.5;
        e
    };
    for named_first in [true, false] {
        let mut items = vec![
            (article("v", "V", "a"), vec![vague("v")], vec![]),
            (article("n", "N", "b"), vec![named("n")], vec![]),
        ];
        if named_first {
            items.reverse();
        }
        let events = fuse(&items, vec![]).fused_events();
        assert_eq!(events.len(), 1, "{events:#?}");
        let e = &events[0].event;
        assert_eq!(
            e.actor1.as_ref().map(|a| a.name.as_str()),
            Some("Red Brigade")
        );
        assert_eq!(
            e.actor2.as_ref().map(|a| a.name.as_str()),
            Some("Civilians (Testland)")
        );
    }
}

#[test]
fn the_kind_most_reports_read_is_the_fused_events() {
    let told_as = |art: &str, kind: &'static str| {
        let mut e = clash_with_dead(art, 4, None);
        e.sub_event_type = SubEventType::from_acled(kind).unwrap();
        e
    };
    let items = vec![
        (
            article("p", "P", "a"),
            vec![told_as("p", "Armed clash")],
            vec![],
        ),
        (
            article("q", "Q", "b"),
            vec![told_as("q", "Shelling/artillery/missile attack")],
            vec![],
        ),
        (
            article("r", "R", "c"),
            vec![told_as("r", "Shelling/artillery/missile attack")],
            vec![],
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    let e = event_with(&events, "q#1");
    if e.members.len() == 3 {
        assert_eq!(
            e.event.sub_event_type.acled_name(),
            "Shelling/artillery/missile attack"
        );
    } else {
        panic!("the three reports of one day's fire are one event: {events:#?}");
    }
}

/// A village the gazetteer lacks, read at its province's precision (the province's point).
fn unknown_village(name: &str, article: &str) -> PlaceRef {
    PlaceRef {
        geonameid: None,
        lat: Some(34.6),
        lon: Some(40.5),
        geo_precision: 3,
        where_prec: 2,
        unresolved_name: true,
        ..place((OASIS.0, 0, 0.0, 0.0, OASIS.4), article)
    }
    .renamed(name)
}

trait Renamed {
    fn renamed(self, name: &str) -> Self;
}

impl Renamed for PlaceRef {
    fn renamed(mut self, name: &str) -> PlaceRef {
        self.name = name.into();
        self.mention = name.into();
        self
    }
}

/// Make `place` a name the reading left unknown (`name`, no GeoNames id, read at its
/// province's precision).
fn leave_unresolved(place: Option<&mut PlaceRef>, name: &str) {
    if let Some(p) = place {
        p.name = name.into();
        p.mention = name.into();
        p.geonameid = None;
        p.unresolved_name = true;
        p.geo_precision = 3;
    }
}

#[test]
fn attacks_on_two_villages_named_apart_stay_apart_whatever_their_toll() {
    // seven dead in each of two villages of one province on one day, told alike
    let raid = |art: &str, at: PlaceRef| {
        let mut e = clash_with_dead(art, 7, Some(("civilians", SideClass::Civilians)));
        e.sub_event_type = SubEventType::Attack;
        e.actor1 = None;
        e.notes = format!(
            "Gunmen killed seven civilians in an attack on the village of {} on Sunday.",
            at.name
        );
        e.location = Some(at);
        e
    };
    let items = vec![
        (
            article("p", "P", "a"),
            vec![raid("p", unknown_village("Sokoura", "p"))],
            vec![],
        ),
        (
            article("q", "Q", "b"),
            vec![raid("q", unknown_village("Ogossagou", "q"))],
            vec![],
        ),
        (
            article("r", "R", "c"),
            vec![raid("r", place(OASIS, "r"))],
            vec![],
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 3, "{events:#?}");
    // one village's name in two spellings is one place
    let items = vec![
        (
            article("p", "P", "a"),
            vec![raid("p", unknown_village("Kfar Zeita", "p"))],
            vec![],
        ),
        (
            article("q", "Q", "b"),
            vec![raid("q", place(OASIS, "q").renamed("Kafr Zayta"))],
            vec![],
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 1, "{events:#?}");
}

#[test]
fn two_sources_naming_one_side_in_other_words_are_two_accounts_of_one_count() {
    // state media's "40 terrorists" and a monitor's "23 fighters": both armed groups' dead
    let clash = |art: &str, killed: u64, noun: &str| {
        clash_with_dead(art, killed, Some((noun, SideClass::ArmedGroups)))
    };
    let items = vec![
        (
            article("p", "P", "a"),
            vec![clash("p", 40, "terrorists")],
            vec![],
        ),
        (
            article("q", "Q", "b"),
            vec![clash("q", 23, "fighters")],
            vec![],
        ),
        (
            article("r", "R", "c"),
            vec![clash("r", 31, "militants")],
            vec![],
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    assert_eq!(events.len(), 1);
    let killed = events[0]
        .figures
        .iter()
        .find(|f| f.figure == "killed:armed_groups")
        .unwrap_or_else(|| panic!("{:?}", events[0].figures));
    assert_eq!(killed.accounts.len(), 3);
    assert_eq!(
        killed.disagreement.as_deref(),
        Some("40 terrorists vs 23 fighters vs 31 militants"),
        "every account's figure"
    );
}

#[test]
fn a_republished_article_is_linked_and_its_event_merged() {
    let text = "Soldiers and rebels fought for hours near the old mill at the oasis on Sunday, \
        residents said, and the fighting spread to the market before the rebels withdrew \
        towards the river. Several houses were burned and the road to the north was closed \
        until the evening, when the army reopened it and sent reinforcements to the area.";
    let republished = format!("Fighting at the oasis. {text} Share this story.");
    let clash = |art: &str, date: &'static str, actor: &'static str| {
        event(
            art,
            1,
            Spec {
                kind: "Armed clash",
                date,
                town: OASIS,
                actor1: Some(actor),
                notes: "Soldiers and rebels fought near the old mill.",
            },
        )
    };
    let items = vec![
        (
            article("orig", "O", text),
            vec![clash("orig", "2024-03-10", "Army of Testland")],
            vec![],
        ),
        (
            article("copy", "C", &republished),
            vec![clash("copy", "2024-03-10", "Rebels of the North")],
            vec![],
        ),
    ];
    let f = fuse(&items, vec![]);
    assert_eq!(f.near_duplicate_links().len(), 1);
    assert_eq!(f.near_duplicate_links()[0].1, "orig");
    let c = f.cluster_of_mention("copy#1").unwrap();
    assert_eq!(f.cluster_of_mention("orig#1"), Some(c));
    let p = &f.clusters[c].provenance[1];
    assert!(p.cues.iter().any(|q| q.cue == "near_duplicate"));
}

#[test]
fn a_storys_events_are_in_the_order_of_the_dates_they_show() {
    // the oasis battle told on its day (Sunday the 10th) and by a weekly digest dated from
    // the 8th; the air strike of the 9th; the capture of the 11th. The battle shows its day,
    // so it comes after the strike, whatever the digest's earlier start.
    let spec = |kind, date, notes| Spec {
        kind,
        date,
        town: OASIS,
        actor1: Some("Northern Forces"),
        notes,
    };
    let (e, w) = ("eastern", "weekly-digest");
    let mut digest = event(
        w,
        1,
        spec(
            "Armed clash",
            "2024-03-08",
            "Northern Forces fought their way into the oasis this week.",
        ),
    );
    digest.date.precision = DatePrecision::Week;
    digest.date.end = Some(day("2024-03-14"));
    let items = vec![
        (
            article(e, "The Eastern", "The oasis."),
            vec![
                event(
                    e,
                    1,
                    spec(
                        "Armed clash",
                        "2024-03-10",
                        "Northern Forces fought their way into the oasis on Sunday.",
                    ),
                ),
                event(
                    e,
                    2,
                    spec(
                        "Air/drone strike",
                        "2024-03-09",
                        "Warplanes of the Northern Forces struck the oasis on Saturday.",
                    ),
                ),
                event(
                    e,
                    3,
                    spec(
                        "Non-state actor overtakes territory",
                        "2024-03-11",
                        "Northern Forces said they now control the oasis.",
                    ),
                ),
            ],
            vec![],
        ),
        (article(w, "The Digest", "This week."), vec![digest], vec![]),
    ];
    let f = fuse(&items, vec![]);
    assert_eq!(
        f.cluster_of_mention("eastern#1"),
        f.cluster_of_mention("weekly-digest#1"),
        "the digest is the battle"
    );
    let stories = stories(&f);
    assert_eq!(stories.len(), 1, "{stories:#?}");
    let events = f.fused_events();
    let shown: Vec<String> = stories[0]
        .events
        .iter()
        .map(|id| {
            let e = events.iter().find(|e| &e.id == id).unwrap();
            e.event.date.date.unwrap().to_string()
        })
        .collect();
    assert_eq!(shown, ["2024-03-09", "2024-03-10", "2024-03-11"]);
    assert_eq!(stories[0].first, Some(day("2024-03-09")));
}

#[test]
fn a_place_has_one_control_timeline_whatever_spelling_is_asked_for() {
    // one town resolved to one entry, written "Ar Raqqah" in one report and "Raqqa" in another
    const RAQQA: Town = ("Ar Raqqah", 172_955, 35.95, 39.01, "Eastern");
    let taken = |id: &str, kind, date, actor, written: &str, notes| {
        let mut e = event(
            id,
            1,
            Spec {
                kind,
                date,
                town: RAQQA,
                actor1: Some(actor),
                notes,
            },
        );
        e.location.as_mut().unwrap().mention = written.into();
        (article(id, id, notes), vec![e], vec![])
    };
    let items = vec![
        taken(
            "first",
            "Non-state actor overtakes territory",
            "2024-01-05",
            "Northern Forces",
            "Ar Raqqah",
            "Northern Forces said they seized Ar Raqqah.",
        ),
        taken(
            "second",
            "Government regains territory",
            "2024-03-01",
            "Army of Testland",
            "Raqqa",
            "The army said it recaptured Raqqa.",
        ),
    ];
    let events = fuse(&items, vec![]).fused_events();
    let steps = |query: &str| {
        control_timelines(&[], &events, query)
            .iter()
            .map(|t| t.steps.len())
            .collect::<Vec<_>>()
    };
    for query in ["Raqqa", "Ar Raqqah", "raqqah", "ar-raqqa", "172955"] {
        assert_eq!(steps(query), [2], "{query}");
    }
    assert!(steps("Rakka Springs").is_empty());
}

#[test]
fn a_recall_dated_to_its_month_ties_no_story() {
    // two reports of two clashes at the oasis three weeks apart, each recalling (by the month)
    // how the fighting began there: the recall is one fused event, the clashes two stories
    let report = |id: &str, day_of_clash: &'static str| {
        let clash = event(
            id,
            1,
            Spec {
                kind: "Armed clash",
                date: day_of_clash,
                town: OASIS,
                actor1: Some("Northern Forces"),
                notes: "Northern Forces attacked the oasis.",
            },
        );
        let mut recall = event(
            id,
            2,
            Spec {
                kind: "Armed clash",
                date: "2024-03-01",
                town: OASIS,
                actor1: Some("Northern Forces"),
                notes: "Fighting at the oasis erupted in March.",
            },
        );
        recall.date.precision = DatePrecision::Month;
        recall.date.end = Some(day("2024-03-31"));
        let mut a = article(id, id, "A clash at the oasis.");
        a.published = Some(day(day_of_clash));
        (a, vec![clash, recall], vec![])
    };
    let items = vec![report("early", "2024-03-05"), report("late", "2024-03-26")];
    let stories = stories(&fuse(&items, vec![]));
    assert!(
        stories.iter().all(|s| s.articles.len() == 1),
        "{stories:#?}"
    );
}

#[test]
fn stories_group_the_evacuation_apart_from_the_east() {
    let mut items = corpus();
    let e = "eastern";
    items.push((
        article(e, "The Eastern", "Two events in the east."),
        vec![
            event(
                e,
                1,
                Spec {
                    kind: "Armed clash",
                    date: "2024-03-10",
                    town: OASIS,
                    actor1: Some("Northern Forces"),
                    notes: "Northern Forces advanced on the oasis.",
                },
            ),
            event(
                e,
                2,
                Spec {
                    kind: "Non-state actor overtakes territory",
                    date: "2024-03-11",
                    town: OASIS,
                    actor1: Some("Northern Forces"),
                    notes: "Northern Forces said they now control the oasis.",
                },
            ),
        ],
        vec![],
    ));
    let f = fuse(&items, vec![]);
    let stories = stories(&f);
    assert_eq!(stories.len(), 2, "{stories:#?}");
    let capital = stories
        .iter()
        .find(|s| s.title.starts_with("Capital"))
        .unwrap();
    let mut articles = capital.articles.clone();
    articles.sort();
    assert_eq!(articles, ["daily", "weekly"]);
    let east = stories
        .iter()
        .find(|s| s.title.starts_with("Eastern"))
        .unwrap();
    assert_eq!(east.events.len(), 2);
    assert!(east.first <= east.last);
    // control: the capture gives the oasis to the Northern Forces
    let timelines = control_timelines(&[], &f.fused_events(), "oasis");
    assert_eq!(timelines.len(), 1);
    assert_eq!(
        timelines[0].steps[0].controller.as_deref(),
        Some("Northern Forces")
    );
}

#[test]
fn control_timeline_orders_steps_and_flags_contested_days() {
    let fact = |who: &str, date: &str, art: &str| ControlFact {
        place: place(OASIS, art),
        controller: actor(who, 2),
        as_of: EventDate {
            date: Some(day(date)),
            ..Default::default()
        },
        claim: Some(claim(art, who, Polarity::Asserted, "")),
        evidence: ev(art, "controls"),
    };
    let facts = vec![
        fact("Northern Forces", "2024-03-12", "a"),
        fact("Army of Testland", "2024-03-01", "b"),
        fact("Army of Testland", "2024-03-12", "c"),
    ];
    let t = &control_timelines(&facts, &[], "Oasis")[0];
    assert_eq!(t.steps[0].controller.as_deref(), Some("Army of Testland"));
    assert_eq!(t.steps[0].until, Some(day("2024-03-12")));
    assert!(!t.steps[0].contested);
    assert!(t.steps[1].contested && t.steps[2].contested);
    assert!(control_timelines(&facts, &[], "Northtown").is_empty());
    // one step told by two sources is one step with both claims
    let mut told_twice = facts.clone();
    told_twice.push(fact("Army of Testland", "2024-03-01", "d"));
    let t = &control_timelines(&told_twice, &[], "Oasis")[0];
    assert_eq!(t.steps.len(), 3, "{:#?}", t.steps);
    assert_eq!(t.steps[0].claims.len(), 2, "{:?}", t.steps[0].claims);
}

#[test]
fn control_steps_are_taken_by_armed_sides_and_never_by_a_denial() {
    let fact = |who: &str, inter: u8, date: &str, art: &str, polarity: Polarity| ControlFact {
        place: place(OASIS, art),
        controller: actor(who, inter),
        as_of: EventDate {
            date: Some(day(date)),
            ..Default::default()
        },
        claim: Some(claim(art, "a source", polarity, "")),
        evidence: ev(art, "controls"),
    };
    let facts = vec![
        fact("Army of Testland", 1, "2024-03-01", "a", Polarity::Asserted),
        // evacuees who left the town do not hold it
        fact(
            "Civilians (Testland)",
            7,
            "2024-03-05",
            "b",
            Polarity::Asserted,
        ),
        // "denied claims that the rebels had seized the town"
        fact("Northern Rebels", 2, "2024-03-06", "c", Polarity::Denied),
    ];
    let t = &control_timelines(&facts, &[], "Oasis")[0];
    assert_eq!(t.steps.len(), 1, "{:#?}", t.steps);
    // a capture some report asserts and another denies is contested
    let mut taken = clash_with_dead("d", 0, None);
    taken.sub_event_type = SubEventType::NonStateActorOvertakesTerritory;
    taken.actor1 = Some(actor("Northern Rebels", 2));
    taken.date.date = Some(day("2024-03-08"));
    taken.claims = vec![
        claim("d", "the rebels", Polarity::Asserted, "We took the oasis."),
        claim("d", "the army", Polarity::Denied, "The army denied it."),
    ];
    let events = fuse(&[(article("d", "D", "a"), vec![taken], vec![])], vec![]).fused_events();
    let t = &control_timelines(&facts, &events, "Oasis")[0];
    let step = t.steps.last().unwrap();
    assert_eq!(step.controller.as_deref(), Some("Northern Rebels"));
    assert!(step.contested, "{:#?}", t.steps);
    // a place handed over without a fight is held by actor1 from then on, as ACLED codes the
    // side that takes it (actor2 gave it up)
    let mut handed = clash_with_dead("e", 0, None);
    handed.sub_event_type = SubEventType::NonViolentTransferOfTerritory;
    handed.actor1 = Some(actor("Army of Testland", 1));
    handed.actor2 = Some(actor("Northern Rebels", 2));
    handed.date.date = Some(day("2024-03-20"));
    let events = fuse(&[(article("e", "E", "a"), vec![handed], vec![])], vec![]).fused_events();
    let t = &control_timelines(&facts, &events, "Oasis")[0];
    let step = t.steps.last().unwrap();
    assert_eq!(step.controller.as_deref(), Some("Army of Testland"));
    assert_eq!(step.relinquished_by.as_deref(), Some("Northern Rebels"));
    // a country is no place one side holds
    let mut country = facts[0].clone();
    country.place.admin1 = None;
    assert!(control_timelines(&[country], &[], "Oasis").is_empty());
}

#[test]
fn the_same_casualty_count_is_a_cue() {
    let strike = |art: &str, killed: u64, notes: &'static str| {
        let mut e = event(
            art,
            1,
            Spec {
                kind: "Air/drone strike",
                date: "2024-03-10",
                town: CITY,
                actor1: None,
                notes,
            },
        );
        e.actor1 = None;
        e.quantities = vec![figure(QuantityKind::Killed, killed, ev(art, "killed"))];
        Mention::new(e, art, None, None, Lexicons::embedded())
    };
    let a = strike("a", 16, "Raids killed sixteen people in the city.");
    let b = strike("b", 16, "Sixteen civilians died when jets bombed a market.");
    let c = strike("c", 9, "Sixteen civilians died when jets bombed a market.");
    let total = |x: &Mention, y: &Mention| match score::score_pair(
        x,
        y,
        None,
        Lexicons::embedded(),
        true,
    ) {
        score::PairScore::Score { total, cues } => (total, cues),
        score::PairScore::Veto(why) => panic!("{why}"),
    };
    let (with, cues) = total(&a, &b);
    let (without, _) = total(&a, &c);
    assert!(cues
        .iter()
        .any(|c| c.cue == "same_figure" && c.detail.starts_with("both report 16 killed")));
    // one kind of event and one count of five or more: the count names the event
    assert!(
        (with - without - score::W_SAME_KIND_AND_FIGURE).abs() < 0.03,
        "{with} {without}"
    );
    // a small count is often shared by chance: half the bonus
    let d = strike("d", 2, "Raids killed two people in the city.");
    let e = strike("e", 2, "Two civilians died when jets bombed a market.");
    let f = strike("f", 3, "Two civilians died when jets bombed a market.");
    let (small, cues) = total(&d, &e);
    assert_eq!(cue_of(&cues, "same_figure"), Some(0.5));
    let (none, _) = total(&d, &f);
    assert!(
        (small - none - score::W_SAME_FIGURE / 2.0).abs() < 0.03,
        "{small} {none}"
    );
    // a shelling that counts the 16 dead of a battle: the plain bonus
    let mut g = strike("g", 16, "Sixteen civilians died when shells hit a market.");
    g.event.sub_event_type = SubEventType::from_acled("Shelling/artillery/missile attack").unwrap();
    let g = Mention::new(*g.event, "g", None, None, Lexicons::embedded());
    assert_eq!(cue_of(&total(&a, &g).1, "same_figure"), Some(1.0));
}

#[test]
fn a_count_over_a_period_holds_the_count_of_one_incident() {
    let strike = "Air/drone strike";
    // one school's dead that day, and the province's dead of the week that holds it
    let school = with_dead(
        report_at(
            "gazette",
            strike,
            "2024-05-07",
            PROVINCE_CITY,
            "Jets struck a school in Northcity, killing 22 pupils, the charity said.",
        ),
        22,
    );
    let week = with_dead(
        report_at(
            "courier",
            strike,
            "2024-05-07",
            PROVINCE_CITY,
            "Three days of raids across the province have left more than 80 dead.",
        ),
        80,
    );
    let (_, cues) = scored(&school, &week);
    assert_eq!(cue_of(&cues, "figures_differ"), None, "{cues:?}");
    assert_eq!(cue_of(&cues, "part_of_total"), Some(0.0), "{cues:?}");
    // the same counts, both of one incident, are two events' tolls
    let other = with_dead(
        report_at(
            "courier",
            strike,
            "2024-05-07",
            PROVINCE_CITY,
            "Raids on a market in the province left more than 80 dead.",
        ),
        80,
    );
    let (_, cues) = scored(&school, &other);
    assert_eq!(cue_of(&cues, "figures_differ"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "part_of_total"), None, "{cues:?}");
    // nor when the smaller count is the one told over a period
    let few = with_dead(week.clone(), 5);
    let (_, cues) = scored(&few, &other);
    assert_eq!(cue_of(&cues, "figures_differ"), Some(1.0), "{cues:?}");
}

#[test]
fn a_wars_tally_is_no_count_that_differs() {
    let (a, b) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (35, 220_000),
    );
    assert_eq!(cue_of(&scored(&a, &b).1, "figures_differ"), None);
    let (a, b) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (35, 220),
    );
    assert_eq!(cue_of(&scored(&a, &b).1, "figures_differ"), Some(1.0));
}

#[test]
fn wording_is_a_cue() {
    let lex = Lexicons::embedded();
    let a = score::stems(
        "Two suicide bombers struck the police station in the old quarter.",
        lex,
    );
    let b = score::stems(
        "A suicide bomber struck a police station in the old quarter on Monday.",
        lex,
    );
    let c = score::stems("Rebels shelled the airport road.", lex);
    assert!(score::jaccard(&a, &b) > 0.4, "{}", score::jaccard(&a, &b));
    assert_eq!(score::jaccard(&a, &c), 0.0);
    assert_eq!(score::jaccard(&[], &[]), 0.0);
}

#[test]
fn shared_names_weigh_more_than_shared_generic_words() {
    let lex = Lexicons::embedded();
    // two accounts of one shelling share a neighbourhood's name and what was hit ...
    let a = score::stems(
        "Mortar rounds fell on a bakery queue in the Qasrawi quarter, the monitor said.",
        lex,
    );
    let b = score::stems(
        "State television said a bakery queue in Qasrawi was hit by mortar rounds.",
        lex,
    );
    // ... two accounts of different events share only the words of every war report
    let c = score::stems(
        "Civilians were killed and wounded in attacks on the city, the monitor said.",
        lex,
    );
    let d = score::stems(
        "Government forces killed civilians in attacks near the city, activists reported.",
        lex,
    );
    let same = score::jaccard(&a, &b);
    let different = score::jaccard(&c, &d);
    assert!(same >= score::WORDS_FULL, "{same}");
    assert!(different < same / 2.0, "{different} vs {same}");
    // a name counts double, a generic word a quarter; a stem keeps its highest weight
    let weights = score::stems("Qasrawi residents were killed. Killed in Qasrawi.", lex);
    let mut w: Vec<f32> = weights.iter().map(|s| s.1).collect();
    w.sort_by(f32::total_cmp);
    assert_eq!(
        w,
        vec![
            score::GENERIC_WORD_WEIGHT,
            score::GENERIC_WORD_WEIGHT,
            score::NAME_WEIGHT
        ]
    );
}

/// Two mentions of one strike that differ only as given: outlets' actors and counts.
fn strike_pair(actor_a: &str, actor_b: &str, killed: (u64, u64)) -> (Mention, Mention) {
    let make = |art: &str, actor_name: &str, dead: u64, notes: &'static str| {
        let mut e = event(
            art,
            1,
            Spec {
                kind: "Air/drone strike",
                date: "2024-03-10",
                town: CITY,
                actor1: None,
                notes,
            },
        );
        e.actor1 = Some(actor(actor_name, 1));
        e.quantities = vec![figure(QuantityKind::Killed, dead, ev(art, "killed"))];
        Mention::new(e, art, None, None, Lexicons::embedded())
    };
    (
        make(
            "a",
            actor_a,
            killed.0,
            "Jets bombed the grain market at noon.",
        ),
        make(
            "b",
            actor_b,
            killed.1,
            "The grain market was bombed by jets at noon.",
        ),
    )
}

fn scored(x: &Mention, y: &Mention) -> (f32, Vec<score::CueScore>) {
    match score::score_pair(x, y, None, Lexicons::embedded(), true) {
        score::PairScore::Score { total, cues } => (total, cues),
        score::PairScore::Veto(why) => panic!("{why}"),
    }
}

#[test]
fn a_group_named_with_another_as_either_shares_each() {
    // ACLED's "X and/or Y", for attacks either may have made
    let (a, b) = strike_pair(
        "Northern Front: Testland Jihad and/or Islamic State (Testland Province)",
        "Northern Front: Testland Jihad",
        (12, 12),
    );
    let (_, cues) = scored(&a, &b);
    let actors = cues.iter().find(|c| c.cue == "actors").unwrap();
    assert_eq!(actors.score, 1.0, "{}", actors.detail);
    let (c, d) = strike_pair(
        "Northern Front: Testland Jihad and/or Islamic State (Testland Province)",
        "Southern Brigades",
        (12, 12),
    );
    let (_, cues) = scored(&c, &d);
    assert_eq!(
        cues.iter().find(|c| c.cue == "actors").unwrap().score,
        score::ACTORS_DISAGREE
    );
}

#[test]
fn a_states_army_and_government_are_one_actor() {
    let (a, b) = strike_pair(
        "Government of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (12, 12),
    );
    let (_, cues) = scored(&a, &b);
    let actors = cues.iter().find(|c| c.cue == "actors").unwrap();
    assert_eq!(actors.score, 1.0, "{}", actors.detail);
    assert!(
        actors.detail.starts_with("one state's forces"),
        "{}",
        actors.detail
    );
    let (c, d) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Otherland (2001-)",
        (12, 12),
    );
    let (_, cues) = scored(&c, &d);
    assert_eq!(
        cues.iter().find(|c| c.cue == "actors").unwrap().score,
        score::ACTORS_DISAGREE
    );
}

#[test]
fn actors_that_disagree_are_weak_evidence_against_not_a_zero() {
    // the same strike; one outlet names the army, the other (wrongly) the victims' town militia
    let (a, b) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Hill Brigade",
        (12, 12),
    );
    let (disagree, cues) = scored(&a, &b);
    let actors = cues.iter().find(|c| c.cue == "actors").unwrap();
    assert_eq!(actors.score, score::ACTORS_DISAGREE, "{}", actors.detail);
    assert!(actors.score > 0.0 && actors.score < 0.5);
    // below actors unknown on one side, above nothing
    let (same, _) = scored(&strike_pair("Hill Brigade", "Hill Brigade", (12, 12)).0, &b);
    assert!(disagree < same, "{disagree} {same}");
}

#[test]
fn one_group_filed_under_two_countries_is_one_actor() {
    // one outlet's report was read as being about Testland, the other's about Otherland
    let (a, b) = strike_pair(
        "Hill Brigade (Testland)",
        "Hill Brigade (Otherland)",
        (12, 12),
    );
    let (_, cues) = scored(&a, &b);
    let actors = cues.iter().find(|c| c.cue == "actors").unwrap();
    assert_eq!(actors.score, 1.0, "{}", actors.detail);
    assert!(actors.detail.starts_with("one group"), "{}", actors.detail);
    // two groups stay two groups, whatever their country
    let (c, d) = strike_pair(
        "Hill Brigade (Testland)",
        "River Front (Testland)",
        (12, 12),
    );
    let (_, cues) = scored(&c, &d);
    assert_eq!(
        cues.iter().find(|c| c.cue == "actors").unwrap().score,
        score::ACTORS_DISAGREE
    );
    // a state's period is not a country: two states stay apart
    let lex = Lexicons::embedded();
    assert_eq!(
        lex.actor_side("Hill Brigade (Testland)"),
        ("Hill Brigade", false)
    );
    assert_eq!(
        lex.actor_side("Military Forces of Testland (2001-)"),
        ("Testland (2001-)", true)
    );
}

#[test]
fn far_apart_death_counts_count_against_one_event() {
    let (a, b) = strike_pair("Hill Brigade", "Hill Brigade", (12, 40));
    let (apart, apart_cues) = scored(&a, &b);
    assert!(apart_cues
        .iter()
        .any(|c| c.cue == "figures_differ" && c.detail == "12 killed / 40 killed"));
    // a small count is far from one three times it (4 and 13), a large one is not
    let (c, d) = strike_pair("Hill Brigade", "Hill Brigade", (4, 13));
    assert!(scored(&c, &d).1.iter().any(|c| c.cue == "figures_differ"));
    // counts that disagree as accounts of one event do (12 and 20; 3 and 6; an early and a
    // late toll of a large event, 18 and 45) are no penalty
    for close in [(12, 20), (3, 6), (18, 45)] {
        let (c, d) = strike_pair("Hill Brigade", "Hill Brigade", close);
        let (total, cues) = scored(&c, &d);
        assert!(!cues.iter().any(|c| c.cue == "figures_differ"), "{close:?}");
        // (3 and 6 dead make no deadly day at one town, 12 and 40 do)
        let deadly = |cues: &[score::CueScore]| {
            score::W_DEADLY_SINGULAR
                * f32::from(u8::from(cue_of(cues, "deadly_place_day").is_some()))
        };
        assert!(
            (total - deadly(&cues) - (apart - deadly(&apart_cues)) - score::W_FIGURES_DIFFER).abs()
                < 1e-4,
            "{close:?}: {total} vs {apart}"
        );
    }
}

#[test]
fn events_ten_days_apart_are_never_compared() {
    let strike = |art: &str, date| {
        event(
            art,
            1,
            Spec {
                kind: "Air/drone strike",
                date,
                town: CITY,
                actor1: None,
                notes: "Warplanes struck.",
            },
        )
    };
    let items = vec![
        (
            article("x", "X", "a"),
            vec![strike("x", "2024-03-01")],
            vec![],
        ),
        (
            article("y", "Y", "b"),
            vec![strike("y", "2024-03-11")],
            vec![],
        ),
    ];
    let f = fuse(&items, vec![]);
    assert_eq!(f.clusters.len(), 2);
}

/// A car bomb in a small town, as one outlet dates it ("on Tuesday") and as another reports it
/// without a date of its own (the reader falls back to the article's publication day).
fn car_bomb(art: &str, published: &'static str, dated: bool, notes: &'static str) -> Mention {
    let mut e = event(
        art,
        1,
        Spec {
            kind: "Remote explosive/landmine/IED",
            date: published,
            town: FARTOWN,
            actor1: None,
            notes,
        },
    );
    e.actor1 = None;
    if !dated {
        // what the reader gives an event it found no date for
        e.date = EventDate::new(Some(day(published)), DatePrecision::Approximate);
    }
    Mention::new(e, art, None, Some(day(published)), Lexicons::embedded())
}

#[test]
fn an_undated_report_published_the_next_day_is_good_date_evidence() {
    let lex = Lexicons::embedded();
    let dated = car_bomb(
        "gazette",
        "2024-05-07",
        true,
        "A car bomb tore through the vegetable market of Fartown on Tuesday, medics said.",
    );
    let next_day = car_bomb(
        "courier",
        "2024-05-08",
        false,
        "Rescuers pulled bodies from the rubble after a blast hit a crowded market in Fartown.",
    );
    let days_later = car_bomb(
        "courier",
        "2024-05-10",
        false,
        "Rescuers pulled bodies from the rubble after a blast hit a crowded market in Fartown.",
    );
    assert!(next_day.date_fallback && !next_day.explicit_day);
    assert!(dated.explicit_day && !dated.date_fallback);
    // the undated report's window is the days before its publication (and its day after)
    assert_eq!(
        next_day.window,
        Some((day("2024-05-05"), day("2024-05-09")))
    );
    let date_cue = |x: &Mention, y: &Mention| match score::score_pair(x, y, None, lex, true) {
        score::PairScore::Score { total, cues } => {
            let c = cues.into_iter().find(|c| c.cue == "date").unwrap();
            (total, c.score)
        }
        score::PairScore::Veto(why) => panic!("{why}"),
    };
    let (next_total, cue) = date_cue(&dated, &next_day);
    assert_eq!(cue, score::DATE_REPORTED_NEXT_DAY);
    assert!(next_total >= MERGE_THRESHOLD, "{next_total}");
    // symmetric
    assert_eq!(date_cue(&next_day, &dated).1, score::DATE_REPORTED_NEXT_DAY);
    // three days later: still compatible, but weak evidence
    let (later_total, cue) = date_cue(&dated, &days_later);
    assert_eq!(cue, score::DATE_REPORTED_LATER);
    // (and the report of the next day is of one town on one day: the place-and-day bonus, and
    // the market hit on one day)
    let weaker = (score::DATE_REPORTED_NEXT_DAY - score::DATE_REPORTED_LATER) * score::W_DATE
        + score::W_SAME_PLACE_DAY
        + score::W_SAME_TARGET_DAY;
    assert!(
        (next_total - later_total - weaker).abs() < 1e-4,
        "{next_total} {later_total}"
    );
    // an undated report published before the dated day cannot be of it
    let before = car_bomb(
        "courier",
        "2024-05-05",
        false,
        "Rescuers pulled bodies from the rubble after a blast hit a crowded market in Fartown.",
    );
    assert!(matches!(
        score::score_pair(&dated, &before, None, lex, false),
        score::PairScore::Veto(_)
    ));
    // two undated reports published a day apart
    let (_, cue) = date_cue(
        &next_day,
        &car_bomb("herald", "2024-05-09", false, "A blast hit the market."),
    );
    assert_eq!(cue, score::DATE_PUBLISHED_TOGETHER);
}

#[test]
fn a_day_carried_over_from_an_earlier_sentence_is_half_evidence_of_that_day() {
    let lex = Lexicons::embedded();
    let dated = car_bomb(
        "gazette",
        "2024-05-07",
        true,
        "A car bomb tore through the vegetable market of Fartown on Tuesday, medics said.",
    );
    // "Rescuers worked through the night." follows a sentence that gave the day: the reader
    // carries that day over, approximately
    let carried = |d: &'static str| {
        let mut m = car_bomb(
            "courier",
            "2024-05-09",
            true,
            "Rescuers pulled bodies from the rubble of the market through the night.",
        );
        m.event.date.date = Some(day(d));
        m.event.date.precision = DatePrecision::Approximate;
        Mention::new(
            *m.event,
            "courier",
            None,
            Some(day("2024-05-09")),
            Lexicons::embedded(),
        )
    };
    let date_cue = |x: &Mention, y: &Mention| match score::score_pair(x, y, None, lex, true) {
        score::PairScore::Score { cues, .. } => {
            cues.into_iter().find(|c| c.cue == "date").unwrap().score
        }
        score::PairScore::Veto(why) => panic!("{why}"),
    };
    let same = carried("2024-05-07");
    assert!(!same.date_fallback && !same.explicit_day);
    assert_eq!(date_cue(&dated, &same), score::DATE_SAME_CARRIED_DAY);
    assert_eq!(date_cue(&same, &dated), score::DATE_SAME_CARRIED_DAY);
    // carried over as the day before: within its precision only
    assert_eq!(date_cue(&dated, &carried("2024-05-06")), 0.25);
}

#[test]
fn a_kind_that_seldom_recurs_at_one_place_is_a_cue() {
    let lex = Lexicons::embedded();
    let report = |art: &str, kind: &'static str, notes: &'static str| {
        let mut e = event(
            art,
            1,
            Spec {
                kind,
                date: "2024-05-07",
                town: FARTOWN,
                actor1: None,
                notes,
            },
        );
        e.actor1 = None;
        Mention::new(e, art, None, Some(day("2024-05-07")), lex)
    };
    let scored = |x: &Mention, y: &Mention| match score::score_pair(x, y, None, lex, true) {
        score::PairScore::Score { total, cues } => (total, cues),
        score::PairScore::Veto(why) => panic!("{why}"),
    };
    // two outlets on one bombing, in different words
    let a = report(
        "gazette",
        "Suicide bomb",
        "A man wearing an explosive vest blew himself up at the Fartown checkpoint.",
    );
    let b = report(
        "courier",
        "Suicide bomb",
        "Guards at the entrance to Fartown died when an attacker detonated his belt.",
    );
    let (bombing, cues) = scored(&a, &b);
    assert!(cues.iter().any(|c| c.cue == "singular_kind"), "{cues:?}");
    // two air strikes on the town that day, in the same words: strikes recur, no bonus
    let c = report(
        "gazette",
        "Air/drone strike",
        "A man wearing an explosive vest blew himself up at the Fartown checkpoint.",
    );
    let d = report(
        "courier",
        "Air/drone strike",
        "Guards at the entrance to Fartown died when an attacker detonated his belt.",
    );
    let (strikes, cues) = scored(&c, &d);
    assert!(!cues.iter().any(|c| c.cue == "singular_kind"));
    assert!(
        (bombing - strikes - score::W_SINGULAR_KIND).abs() < 1e-4,
        "{bombing} {strikes}"
    );
    // a bombing in another town 43 km away is not given it (and is kept apart anyway)
    let mut far = report(
        "courier",
        "Suicide bomb",
        "Guards at the entrance to Fartown died when an attacker detonated his belt.",
    );
    far.event.location = Some(place(CITY, "courier"));
    assert!(matches!(
        score::score_pair(&a, &far, None, lex, false),
        score::PairScore::Veto(_)
    ));
}

#[test]
fn two_steps_of_a_town_changing_hands_on_carried_days_get_no_singular_bonus() {
    let lex = Lexicons::embedded();
    let evacuation = "Non-violent transfer of territory";
    let carried = |art: &str, date: &'static str, notes: &'static str| {
        let mut m = report_at(art, evacuation, date, OASIS, notes);
        m.event.date.precision = DatePrecision::Approximate;
        Mention::new(*m.event, art, None, Some(day(date)), lex)
    };
    // each report borrows its day from an earlier sentence: the first convoy left, and the
    // evacuation resumed days later - two steps, no bonus
    let first = carried(
        "gazette",
        "2024-05-07",
        "A woman from Oasis said she sat in the last coach as it pulled out.",
    );
    let resumed = carried(
        "courier",
        "2024-05-09",
        "Fighters guarded the yard where the coaches waited to leave Oasis.",
    );
    assert_eq!(cue_of(&scored(&first, &resumed).1, "singular_kind"), None);
    // a report that tells its own day keeps it
    let told = report_at(
        "courier",
        evacuation,
        "2024-05-07",
        OASIS,
        "The last coaches left Oasis on Tuesday under the deal.",
    );
    assert_eq!(cue_of(&scored(&first, &told).1, "singular_kind"), Some(1.0));
    // a bombing (scope city) keeps it on carried days too
    let blast = |art: &str, notes: &'static str| {
        let mut m = report_at(art, "Suicide bomb", "2024-05-07", OASIS, notes);
        m.event.date.precision = DatePrecision::Approximate;
        Mention::new(*m.event, art, None, Some(day("2024-05-07")), lex)
    };
    let x = blast(
        "gazette",
        "The bomber struck the coaches at the Oasis yard.",
    );
    let y = blast(
        "courier",
        "A blast tore through the waiting coaches in Oasis.",
    );
    assert_eq!(cue_of(&scored(&x, &y).1, "singular_kind"), Some(1.0));
}

#[test]
fn two_quarters_of_one_city_on_one_day_get_no_broad_place_day_bonus() {
    let shelling = "Shelling/artillery/missile attack";
    // a quarter of the city, named in the sentence beside the city itself
    let in_city = |art: &str, quarter: &str, notes: &'static str| {
        let mut m = report_at(art, shelling, "2024-05-07", PROVINCE_CITY, notes);
        let mut q = place(PROVINCE_CITY, art);
        q.name = quarter.into();
        q.mention = quarter.into();
        q.geonameid = None;
        m.event.other_locations = vec![q];
        Mention::new(
            *m.event,
            art,
            None,
            Some(day("2024-05-07")),
            Lexicons::embedded(),
        )
    };
    let west = in_city(
        "gazette",
        "Mill Quarter",
        "Rebel rockets fell on the Mill Quarter of Northcity, killing a woman.",
    );
    let east = in_city(
        "courier",
        "Bridge Quarter",
        "Barrel bombs hit the Bridge Quarter of Northcity, killing eleven children.",
    );
    assert!(!score::broad_place(&west.event.other_locations[0]));
    let (_, cues) = scored(&west, &east);
    assert_eq!(cue_of(&cues, "place"), Some(score::BROAD_PLACE), "{cues:?}");
    assert_eq!(cue_of(&cues, "same_place_day"), None, "{cues:?}");
    // one quarter named by both keeps it
    let again = in_city(
        "courier",
        "Mill Quarter",
        "A woman died when rockets struck the Mill Quarter of Northcity.",
    );
    assert_eq!(
        cue_of(&scored(&west, &again).1, "same_place_day"),
        Some(0.5)
    );
    // as does a report that names the city only
    let city = report_at(
        "courier",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "Rockets killed a woman in Northcity.",
    );
    assert_eq!(cue_of(&scored(&west, &city).1, "same_place_day"), Some(0.5));
}

/// A city named like its province: outlets write it for either, and many events happen there.
const PROVINCE_CITY: Town = ("Northcity", 5, 35.00, 37.00, "Northcity Province");

/// A report of `kind` at `town` on `date` (given by the text), no actors.
fn report_at(
    art: &str,
    kind: &'static str,
    date: &'static str,
    town: Town,
    notes: &'static str,
) -> Mention {
    let mut e = event(
        art,
        1,
        Spec {
            kind,
            date,
            town,
            actor1: None,
            notes,
        },
    );
    e.actor1 = None;
    Mention::new(e, art, None, Some(day(date)), Lexicons::embedded())
}

fn cue_of(cues: &[score::CueScore], name: &str) -> Option<f32> {
    cues.iter().find(|c| c.cue == name).map(|c| c.score)
}

#[test]
fn a_city_named_like_its_province_is_weak_evidence_of_one_place() {
    let shelling = "Shelling/artillery/missile attack";
    let school = report_at(
        "gazette",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "A rocket fell on the Qudsiya school in western Northcity, killing two pupils.",
    );
    let east = report_at(
        "courier",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "Residents of eastern Northcity endured another day of bombardment.",
    );
    assert!(score::broad_place(school.event.location.as_ref().unwrap()));
    assert!(!score::broad_place(&place(FARTOWN, "x")));
    let (total, cues) = scored(&school, &east);
    assert_eq!(cue_of(&cues, "place"), Some(score::BROAD_PLACE));
    // the city's name is in both sentences, but says no more than the place cue does
    assert!(cue_of(&cues, "words").unwrap() < 0.2, "{cues:?}");
    assert!(total < score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a neighbourhood the gazetteer did not know has the city's coordinates: in the city, weakly
    let mut quarter = report_at(
        "courier",
        shelling,
        "2024-05-08",
        PROVINCE_CITY,
        "Shells hit the Qudsiya quarter.",
    );
    let mut unknown = place(FARTOWN, "courier");
    unknown.name = "Qudsiya".into();
    unknown.mention = "Qudsiya".into();
    unknown.geonameid = None;
    unknown.lat = Some(35.0);
    unknown.lon = Some(37.0);
    unknown.unresolved_name = true;
    unknown.geo_precision = 2;
    assert!(!score::broad_place(&unknown));
    quarter.event.location = Some(unknown.clone());
    let quarter = Mention::new(*quarter.event, "courier", None, None, Lexicons::embedded());
    let mut at_city = report_at(
        "gazette",
        shelling,
        "2024-05-08",
        FARTOWN,
        "Shells hit a quarter of the city.",
    );
    at_city.event.location.as_mut().unwrap().lat = Some(35.0);
    at_city.event.location.as_mut().unwrap().lon = Some(37.0);
    let at_city = Mention::new(*at_city.event, "gazette", None, None, Lexicons::embedded());
    let (_, cues) = scored(&quarter, &at_city);
    assert_eq!(cue_of(&cues, "place"), Some(score::BROAD_PLACE), "{cues:?}");
    // another unknown quarter at the city's coordinates: two spots somewhere in the city; the
    // same quarter spelt another way: one place, weakly
    let other_quarter = |name: &str| {
        let mut m = quarter.clone();
        let p = m.event.location.as_mut().unwrap();
        p.name = name.into();
        p.mention = name.into();
        Mention::new(*m.event, "gazette", None, None, Lexicons::embedded())
    };
    let (_, cues) = scored(&quarter, &other_quarter("Bab Jadid"));
    assert_eq!(cue_of(&cues, "place"), Some(0.5), "{cues:?}");
    let (_, cues) = scored(&quarter, &other_quarter("Qudsiyeh"));
    assert_eq!(cue_of(&cues, "place"), Some(score::BROAD_PLACE), "{cues:?}");
    // two reports naming that unknown quarter are at one place, even when the reader gives it
    // the province's precision
    let (_, cues) = scored(&quarter, &quarter.clone());
    assert_eq!(cue_of(&cues, "place"), Some(1.0), "{cues:?}");
    let mut at_province_precision = quarter.clone();
    at_province_precision
        .event
        .location
        .as_mut()
        .unwrap()
        .geo_precision = 3;
    let m = at_province_precision.event.clone();
    let m = Mention::new(*m, "courier", None, None, Lexicons::embedded());
    assert!(!m.broad_place);
    assert_eq!(cue_of(&scored(&m, &m.clone()).1, "place"), Some(1.0));
}

#[test]
fn one_specific_place_on_one_day_is_a_cue() {
    let clash = report_at(
        "gazette",
        "Armed clash",
        "2024-05-07",
        FARTOWN,
        "Rebels and troops fought in the streets of Fartown on Tuesday.",
    );
    let shelling = report_at(
        "courier",
        "Shelling/artillery/missile attack",
        "2024-05-07",
        FARTOWN,
        "Government artillery pounded Fartown on Tuesday.",
    );
    let (_, cues) = scored(&clash, &shelling);
    assert_eq!(cue_of(&cues, "same_place_day"), Some(1.0), "{cues:?}");
    // a clash and shelling there that day: kinds outlets confuse, counted nearer one kind
    assert_eq!(
        cue_of(&cues, "type"),
        Some(score::TYPE_SAME_PLACE_DAY),
        "{cues:?}"
    );
    // known only within a week: the family's own score
    let mut week = shelling.clone();
    week.event.date.precision = DatePrecision::Week;
    let week = Mention::new(*week.event, "courier", None, None, Lexicons::embedded());
    assert_eq!(cue_of(&scored(&clash, &week).1, "type"), Some(0.5));
    // a neighbourhood 3 km away: no bonus
    let near = |art, town| {
        report_at(
            art,
            "Armed clash",
            "2024-05-07",
            town,
            "Rebels and troops fought in the streets on Tuesday.",
        )
    };
    let (_, cues) = scored(&near("gazette", CITY), &near("courier", CAMP));
    assert!(cue_of(&cues, "place").unwrap() < 0.9, "{cues:?}");
    assert_eq!(cue_of(&cues, "same_place_day"), None, "{cues:?}");
    let in_city = |art| {
        report_at(
            art,
            "Armed clash",
            "2024-05-07",
            PROVINCE_CITY,
            "Rebels and troops fought in the streets on Tuesday.",
        )
    };
    let (_, cues) = scored(&in_city("gazette"), &in_city("courier"));
    // a city named like its province, on a day both give: half the bonus
    assert_eq!(cue_of(&cues, "same_place_day"), Some(0.5), "{cues:?}");
}

#[test]
fn one_sentence_reused_by_two_outlets_is_a_cue() {
    let kind = "Armed clash";
    let a = report_at(
        "gazette",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Fighters were besieged inside a small pocket of the old town for weeks.",
    );
    let b = report_at(
        "courier",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "\"Fighters were besieged inside a small pocket of the old town for weeks.\"",
    );
    let c = report_at(
        "courier",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Fighters held out in the old town while talks went on.",
    );
    assert_eq!(cue_of(&scored(&a, &b).1, "same_wording"), Some(1.0));
    assert_eq!(cue_of(&scored(&a, &c).1, "same_wording"), None);
}

#[test]
fn a_short_stock_line_reused_is_no_sentence_reused() {
    let kind = "Suicide bomb";
    // every report of every bombing may close with this line: it tells no one event
    let a = report_at(
        "gazette",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Nobody claimed responsibility for the attack.",
    );
    let b = report_at(
        "courier",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Nobody claimed responsibility for Tuesday's attack.",
    );
    let (_, cues) = scored(&a, &b);
    assert!(cue_of(&cues, "words").unwrap() >= 1.0, "{cues:?}");
    assert_eq!(cue_of(&cues, "same_wording"), None, "{cues:?}");
    // a longer sentence reused, or a short one with a name in it, is one sentence reused
    let c = report_at(
        "gazette",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Nobody has yet claimed the blast at the Qudsiya checkpoint.",
    );
    let d = report_at(
        "courier",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "Nobody has yet claimed the blast at Qudsiya checkpoint.",
    );
    assert_eq!(cue_of(&scored(&c, &d).1, "same_wording"), Some(1.0));
}

#[test]
fn one_day_known_approximately_by_both_or_as_the_start_of_a_span_is_half_evidence() {
    let lex = Lexicons::embedded();
    let kind = "Agreement";
    let date_cue = |x: &Mention, y: &Mention| cue_of(&scored(x, y).1, "date").expect("a date cue");
    // both carried over from an earlier sentence, both to Monday
    let approx = |art: &str, d: &'static str, notes: &'static str| {
        let mut m = report_at(art, kind, d, FARTOWN, notes);
        m.event.date.precision = DatePrecision::Approximate;
        Mention::new(*m.event, art, None, Some(day("2024-05-09")), lex)
    };
    let a = approx(
        "gazette",
        "2024-05-06",
        "The deal was signed by both sides.",
    );
    let b = approx(
        "courier",
        "2024-05-06",
        "Elders of the town agreed to the terms.",
    );
    assert_eq!(date_cue(&a, &b), score::DATE_SAME_CARRIED_DAY);
    assert_eq!(
        date_cue(
            &a,
            &approx("courier", "2024-05-05", "Elders agreed to the terms.")
        ),
        0.25
    );
    // "a truce in force since Monday" and "the truce that began on Monday"
    let mut since = report_at(
        "gazette",
        kind,
        "2024-05-06",
        FARTOWN,
        "A truce in force since Monday was holding.",
    );
    since.event.date.end = Some(day("2024-05-09"));
    let since = Mention::new(*since.event, "gazette", None, Some(day("2024-05-09")), lex);
    let began = report_at(
        "courier",
        kind,
        "2024-05-06",
        FARTOWN,
        "The truce began on Monday.",
    );
    assert_eq!(date_cue(&since, &began), score::DATE_SAME_CARRIED_DAY);
    assert_eq!(date_cue(&began, &since), score::DATE_SAME_CARRIED_DAY);
}

#[test]
fn a_day_carried_from_an_earlier_sentence_is_approximate_across_reports() {
    let spec = || Spec {
        kind: "Attack",
        date: "2024-05-07",
        town: FARTOWN,
        actor1: None,
        notes: "A suspect was shot and died.",
    };
    let lex = Lexicons::embedded();
    // The reader keeps the day of the sentence before as a day ...
    let mut carried = event("courier", 1, spec());
    carried.evidence.sentence = 1;
    let m = Mention::new(carried, "courier", None, Some(day("2024-05-08")), lex);
    // ... fusion, comparing reports, reads it as known to a few days.
    assert_eq!(m.event.date.precision, DatePrecision::Approximate);
    // A day the event's own sentence gives stays a day.
    let m = Mention::new(
        event("courier", 1, spec()),
        "courier",
        None,
        Some(day("2024-05-08")),
        lex,
    );
    assert_eq!(m.event.date.precision, DatePrecision::Day);
}

#[test]
fn a_day_carried_from_an_earlier_sentence_reaches_one_day_either_side() {
    let lex = Lexicons::embedded();
    let shelling = "Shelling/artillery/missile attack";
    // "Shells fell on the Old Quarter on Thursday. Two people were killed." in one report: the
    // second sentence carries Thursday over
    let carried = |art: &str, d: &'static str, notes: &'static str| {
        let mut e = event(
            art,
            1,
            Spec {
                kind: shelling,
                date: d,
                town: CITY,
                actor1: None,
                notes,
            },
        );
        e.actor1 = None;
        e.evidence.sentence = 1;
        Mention::new(e, art, None, Some(day("2024-05-10")), lex)
    };
    let thursday = carried("gazette", "2024-05-09", "Two people were killed.");
    assert_eq!(
        thursday.window,
        Some((day("2024-05-08"), day("2024-05-10")))
    );
    // a report of shells on the city on the Tuesday before is another day
    let sunday = report_at(
        "courier",
        shelling,
        "2024-05-07",
        CITY,
        "Two people were killed when shells fell on Northtown on Tuesday.",
    );
    assert!(matches!(
        score::score_pair(&thursday, &sunday, None, lex, false),
        score::PairScore::Veto(_)
    ));
    // the Friday after is next to it: within its precision only
    let friday = report_at(
        "courier",
        shelling,
        "2024-05-10",
        CITY,
        "Two people were killed when shells fell on Northtown on Friday.",
    );
    assert_eq!(cue_of(&scored(&thursday, &friday).1, "date"), Some(0.25));
    // that Thursday itself: half evidence of the day
    let same = report_at(
        "courier",
        shelling,
        "2024-05-09",
        CITY,
        "Two people were killed when shells fell on Northtown on Thursday.",
    );
    assert_eq!(
        cue_of(&scored(&thursday, &same).1, "date"),
        Some(score::DATE_SAME_CARRIED_DAY)
    );
}

#[test]
fn one_target_named_by_both_is_a_cue() {
    let lex = Lexicons::embedded();
    let strike = "Air/drone strike";
    let hospital = lex.targets("Jets struck the main hospital of Oasis before dawn.");
    assert_eq!(lex.target_list(hospital), vec!["hospital"]);
    assert_eq!(
        lex.target_list(lex.targets("Raids hit two clinics and a bakery.")),
        vec!["hospital", "bakery"]
    );
    // where the wounded were taken is not what was hit; nor is a word inside another
    assert_eq!(lex.targets("The wounded were taken to hospital."), 0);
    assert_eq!(lex.targets("Nine died in hospital on Monday."), 0);
    assert_eq!(lex.targets("The schooling of children stopped."), 0);
    assert_eq!(lex.targets("He was rushed to the hospital."), 0);
    // where people work or study is not what was hit
    assert_eq!(
        lex.targets("A nurse based in a hospital of the old city said so."),
        0
    );
    assert_eq!(lex.targets("Shells fell as the children left school."), 0);
    assert_eq!(
        lex.target_list(lex.targets("Shells fell on the school in the old city.")),
        vec!["school"]
    );
    // a phrase of two words, its last one plural; a plural first word is no match
    assert_eq!(
        lex.target_list(lex.targets("Gunmen stormed two police stations.")),
        vec!["police station"]
    );
    assert_eq!(lex.targets("The polices station."), 0);
    // two outlets on one strike, in different words, at a broad place on one day
    let a = report_at(
        "gazette",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "Warplanes bombed the maternity hospital in the east of the city.",
    );
    let b = report_at(
        "courier",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "Doctors fled as missiles fell on their hospital, a rescuer said.",
    );
    let (with, cues) = scored(&a, &b);
    let on_day = (score::W_SAME_TARGET + score::W_SAME_TARGET_DAY) / score::W_SAME_TARGET;
    assert_eq!(cue_of(&cues, "same_target"), Some(on_day), "{cues:?}");
    // a strike on a market that day is no other report of it
    let c = report_at(
        "courier",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "Shoppers fled as missiles fell on their market, a rescuer said.",
    );
    let (without, cues) = scored(&a, &c);
    assert_eq!(cue_of(&cues, "same_target"), None);
    assert!(
        with > without + score::W_SAME_TARGET - 0.05,
        "{with} {without}"
    );
    // a month-long window is too long: hospitals are hit every month
    let mut month = report_at(
        "courier",
        strike,
        "2024-05-01",
        PROVINCE_CITY,
        "Doctors fled as missiles fell on their hospital, a rescuer said.",
    );
    month.event.date.precision = DatePrecision::Month;
    let month = Mention::new(*month.event, "courier", None, Some(day("2024-05-20")), lex);
    assert_eq!(cue_of(&scored(&a, &month).1, "same_target"), None);
}

#[test]
fn an_unknown_name_spelt_with_other_vowels_is_that_town() {
    let lex = Lexicons::embedded();
    let strike = "Air/drone strike";
    let known = report_at(
        "gazette",
        strike,
        "2024-05-07",
        FARTOWN,
        "Jets struck the hospital of Fartown at dawn.",
    );
    // "the hospital in Ferrtawn Capital province": the town spelt otherwise and run together
    // with its province, a name the gazetteer does not know, read at the province's precision
    let unknown = |name: &str| {
        let mut m = report_at(
            "courier",
            strike,
            "2024-05-07",
            FARTOWN,
            "The charity said its hospital was hit twice.",
        );
        leave_unresolved(m.event.location.as_mut(), name);
        if let Some(p) = m.event.location.as_mut() {
            p.admin1 = None;
        }
        Mention::new(*m.event, "courier", None, Some(day("2024-05-07")), lex)
    };
    let spelt = unknown("Ferrtawn Capital");
    assert_eq!(cue_of(&scored(&known, &spelt).1, "place"), Some(1.0));
    assert_eq!(cue_of(&scored(&spelt, &known).1, "place"), Some(1.0));
    // other consonants are another town, only in the province
    let other = unknown("Fardun Capital");
    assert_eq!(cue_of(&scored(&known, &other).1, "place"), Some(0.5));
}

#[test]
fn an_unknown_name_that_runs_on_from_a_known_town_is_that_town() {
    let lex = Lexicons::embedded();
    let bomb = "Remote explosive/landmine/IED";
    let known = report_at(
        "gazette",
        bomb,
        "2024-05-07",
        CAMP,
        "A truck bomb exploded near the security headquarters of Camp Quarter.",
    );
    // "in the city of Camp Quarter Capital": the town and its province run together, a name the
    // gazetteer does not know, read at the province's precision
    let mut other = report_at(
        "courier",
        bomb,
        "2024-05-07",
        CAMP,
        "Dozens died after a truck exploded in the city of Camp Quarter Capital.",
    );
    leave_unresolved(other.event.location.as_mut(), "Camp Quarter Capital");
    if let Some(p) = other.event.location.as_mut() {
        p.lat = Some(33.9);
        p.lon = Some(36.9);
    }
    let other = Mention::new(*other.event, "courier", None, Some(day("2024-05-07")), lex);
    assert_eq!(cue_of(&scored(&known, &other).1, "place"), Some(1.0));
    assert_eq!(cue_of(&scored(&other, &known).1, "place"), Some(1.0));
    // an unknown name that does not begin with it is another place of the province, named
    // apart: the place says nothing for one event
    let mut elsewhere = other.event.clone();
    if let Some(p) = elsewhere.location.as_mut() {
        p.name = "Upper Quarter".into();
        p.mention = "Upper Quarter".into();
    }
    let elsewhere = Mention::new(*elsewhere, "courier", None, Some(day("2024-05-07")), lex);
    assert_eq!(cue_of(&scored(&known, &elsewhere).1, "place"), Some(0.0));
}

#[test]
fn a_name_one_report_left_unknown_and_the_other_placed_is_one_place() {
    let lex = Lexicons::embedded();
    let raid = "Attack";
    // the gazetteer's entry has another spelling ("Kamp Kwarter"); one report's reading found
    // it from the written name, the other's did not
    let mut known = report_at(
        "gazette",
        raid,
        "2024-05-07",
        CAMP,
        "Gunmen killed 17 villagers in a night raid on Camp Quarter.",
    );
    if let Some(p) = known.event.location.as_mut() {
        p.name = "Kamp Kwarter".into();
        p.mention = "Camp Quarter".into();
    }
    let known = Mention::new(*known.event, "gazette", None, Some(day("2024-05-07")), lex);
    let mut other = report_at(
        "courier",
        raid,
        "2024-05-07",
        CAMP,
        "Fifteen people died when gunmen raided the town of Camp Quarter overnight.",
    );
    leave_unresolved(other.event.location.as_mut(), "Camp Quarter");
    let other = Mention::new(*other.event, "courier", None, Some(day("2024-05-07")), lex);
    assert_eq!(cue_of(&scored(&known, &other).1, "place"), Some(1.0));
    assert_eq!(cue_of(&scored(&other, &known).1, "place"), Some(1.0));
}

#[test]
fn a_vague_word_read_as_a_count_is_no_shared_figure() {
    // "dozens killed" on both sides is coded 12 on both: a size, not a figure
    let vague_pair = |text_a: &str, text_b: &str, approx: bool| {
        let (mut x, mut y) = strike_pair(
            "Military Forces of Testland (2001-)",
            "Military Forces of Testland (2001-)",
            (12, 12),
        );
        for (m, t) in [(&mut x, text_a), (&mut y, text_b)] {
            m.event.quantities[0].approximate = approx;
            m.event.quantities[0].evidence.text = t.into();
        }
        let x = Mention::new(*x.event, "a", None, None, Lexicons::embedded());
        let y = Mention::new(*y.event, "b", None, None, Lexicons::embedded());
        cue_of(&scored(&x, &y).1, "same_figure")
    };
    assert_eq!(vague_pair("dozens", "dozens of", true), None);
    assert_eq!(vague_pair("dozens", "12", true), None);
    // a figure given about, or as a number word, is still a figure
    assert!(vague_pair("about 12", "nearly 12", true).is_some());
    assert!(vague_pair("twelve", "a dozen", false).is_some());
    // nor are two vague words close counts ("dozens" and "scores")
    let (x, y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (12, 15),
    );
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), Some(1.0));
    let mut x = x;
    x.event.quantities[0].approximate = true;
    x.event.quantities[0].evidence.text = "dozens".into();
    let x = Mention::new(*x.event, "a", None, None, Lexicons::embedded());
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), None);
    // nor is "many killed" (coded 10) a toll apart from 40 killed
    let (mut x, y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (10, 40),
    );
    assert_eq!(cue_of(&scored(&x, &y).1, "figures_differ"), Some(1.0));
    x.event.quantities[0].approximate = true;
    x.event.quantities[0].evidence.text = "many".into();
    assert_eq!(cue_of(&scored(&x, &y).1, "figures_differ"), None);
}

#[test]
fn close_counts_of_two_undated_reports_are_no_cue() {
    // two outlets' claims of "24 militants killed" and "over 20 killed", neither dated but by
    // its publication a day apart: each tallies its own day
    let (mut x, mut y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (20, 24),
    );
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), Some(1.0));
    x.date_fallback = true;
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), Some(1.0));
    y.date_fallback = true;
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), None);
}

#[test]
fn a_round_count_shared_on_days_apart_is_a_weak_cue() {
    // "rockets killed 10 in the past week" and "10 killed on Wednesday": ten is a usual toll
    let pair = |dead: u64, week: bool| {
        let (x, mut y) = strike_pair(
            "Military Forces of Testland (2001-)",
            "Military Forces of Testland (2001-)",
            (dead, dead),
        );
        if week {
            y.event.date.precision = DatePrecision::Week;
            y.event.date.date = Some(day("2024-03-06"));
            y = Mention::new(*y.event, "b", None, None, Lexicons::embedded());
        }
        cue_of(&scored(&x, &y).1, "same_figure")
    };
    assert_eq!(pair(10, true), Some(0.5));
    assert_eq!(pair(20, true), Some(0.5));
    // on one day, or a count not rounded, it names the event
    assert_eq!(pair(10, false), Some(1.5));
    assert_eq!(pair(12, true), Some(1.5));
}

#[test]
fn civilians_dead_and_fighters_dead_in_one_city_are_two_incidents() {
    let attack = "Attack";
    let dead = |m: &mut Mention, value: u64, side: &str| {
        m.event.quantities = vec![Quantity {
            side: Some(side.into()),
            ..figure(QuantityKind::Killed, value, ev("x", "killed"))
        }];
    };
    let mut repelled = report_at(
        "gazette",
        attack,
        "2024-05-07",
        PROVINCE_CITY,
        "Nearly 75 militants were killed in a failed assault on the ring road of Northcity.",
    );
    let mut massacre = report_at(
        "courier",
        attack,
        "2024-05-07",
        PROVINCE_CITY,
        "Shelling of western Northcity killed 88 civilians, the city council said.",
    );
    dead(&mut repelled, 75, "militants");
    dead(&mut massacre, 88, "civilians");
    let (_, cues) = scored(&repelled, &massacre);
    assert_eq!(cue_of(&cues, "victims_differ"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "close_figures"), None);
    // two counts of civilians: no such cue
    dead(&mut repelled, 75, "Civilians");
    let (_, cues) = scored(&repelled, &massacre);
    assert_eq!(cue_of(&cues, "victims_differ"), None);
    assert_eq!(cue_of(&cues, "close_figures"), Some(1.0));
    // at one town, one strike kills both (which is told depends on the source)
    let (mut x, mut y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (20, 24),
    );
    dead(&mut x, 20, "fighters");
    dead(&mut y, 24, "civilians");
    assert_eq!(cue_of(&scored(&x, &y).1, "victims_differ"), None);
    // members of a group are fighters; a count with no side that names a woman, a civilian
    dead(&mut repelled, 14, "members");
    massacre.event.quantities[0].side = None;
    massacre.event.quantities[0].value = 1;
    massacre.event.quantities[0].evidence = ev("courier", "killing a woman");
    let (_, cues) = scored(&repelled, &massacre);
    assert_eq!(cue_of(&cues, "victims_differ"), Some(1.0), "{cues:?}");
    // a count with no side and no such word says nothing of its victims
    massacre.event.quantities[0].evidence = ev("courier", "killing one");
    let (_, cues) = scored(&repelled, &massacre);
    assert_eq!(cue_of(&cues, "victims_differ"), None, "{cues:?}");
}

#[test]
fn one_speakers_statement_told_twice_in_other_words_is_one() {
    let blame = "Claim of responsibility";
    // one minister's statement, told by two outlets in their own words
    let a = report_at(
        "gazette",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "Foreign minister Anna Lindqvist said Tuesday the army bears the blame for the shelling.",
    );
    let b = report_at(
        "courier",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "The rebels denied it, while Lindqvist on Tuesday accused the troops of the attack.",
    );
    assert_eq!(
        score::speakers("Lindqvist on Tuesday accused the troops. The rebels denied it."),
        score::speakers("Anna Lindqvist said so; nobody denied it.")
    );
    let (_, cues) = scored(&a, &b);
    assert_eq!(cue_of(&cues, "same_speaker"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "statements_reworded"), None, "{cues:?}");
    // another speaker's statement stays two speakers'
    let c = report_at(
        "courier",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "Defence minister Omar Haddad said the rebels shelled their own district.",
    );
    let (_, cues) = scored(&a, &c);
    assert_eq!(cue_of(&cues, "same_speaker"), None, "{cues:?}");
    assert_eq!(cue_of(&cues, "statements_reworded"), Some(1.0), "{cues:?}");
    // a weekday is no speaker ("on Tuesday said"), nor a word in lower case
    assert!(score::speakers("Rockets fell on Tuesday, residents said.").is_empty());
}

#[test]
fn two_statements_in_other_words_are_two_speakers() {
    let blame = "Claim of responsibility";
    let opposition = report_at(
        "gazette",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "Opposition activists blamed government warplanes for the strikes on the aid trucks.",
    );
    let ministry = report_at(
        "courier",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "The defence ministry blamed armed groups for breaking the truce around Northcity.",
    );
    let (_, cues) = scored(&opposition, &ministry);
    assert_eq!(cue_of(&cues, "statements_reworded"), Some(1.0), "{cues:?}");
    // one speaker quoted alike by two outlets
    let quoted = report_at(
        "courier",
        blame,
        "2024-05-07",
        PROVINCE_CITY,
        "Opposition activists blamed government warplanes for Tuesday's strikes on the aid trucks.",
    );
    let (_, cues) = scored(&opposition, &quoted);
    assert_eq!(cue_of(&cues, "statements_reworded"), None, "{cues:?}");
    // an incident told in other words is no statement
    let strike = "Air/drone strike";
    let x = report_at(
        "gazette",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "Warplanes struck the aid trucks.",
    );
    let y = report_at(
        "courier",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "A convoy was bombed near Northcity.",
    );
    assert_eq!(cue_of(&scored(&x, &y).1, "statements_reworded"), None);
}

#[test]
fn close_counts_of_one_kind_of_event_are_a_cue() {
    let tolls = |a: u64, b: u64| {
        let (x, y) = strike_pair(
            "Military Forces of Testland (2001-)",
            "Military Forces of Testland (2001-)",
            (a, b),
        );
        cue_of(&scored(&x, &y).1, "close_figures")
    };
    // a toll that rose from 73 to 85 between two reports
    assert_eq!(tolls(73, 85), Some(1.0));
    // the same count is the stronger cue; counts far apart are the opposite one
    assert_eq!(tolls(73, 73), None);
    assert_eq!(tolls(30, 80), None);
    // small tolls are close by chance
    assert_eq!(tolls(6, 8), None);
    // an air strike and the shelling of that day: which counts which is unclear
    let (x, mut y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (73, 85),
    );
    y.event.sub_event_type = SubEventType::from_acled("Shelling/artillery/missile attack").unwrap();
    let y = Mention::new(*y.event, "b", None, None, Lexicons::embedded());
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), None);
    // nor on different days of one week
    let (x, mut y) = strike_pair(
        "Military Forces of Testland (2001-)",
        "Military Forces of Testland (2001-)",
        (73, 85),
    );
    y.event.date.precision = DatePrecision::Week;
    y.event.date.date = Some(day("2024-03-08"));
    let y = Mention::new(*y.event, "b", None, None, Lexicons::embedded());
    assert_eq!(cue_of(&scored(&x, &y).1, "close_figures"), None);
}

#[test]
fn a_general_statement_is_not_the_incident_of_its_day() {
    let lex = Lexicons::embedded();
    let shelling = "Shelling/artillery/missile attack";
    assert_eq!(
        lex.general("Families in the old quarter continue to endure relentless shelling.")
            .as_deref(),
        Some("continue to")
    );
    assert_eq!(
        lex.general("Gunners have fired 900 rounds at the hills since the operation began.")
            .as_deref(),
        Some("since the operation")
    );
    // a campaign told as what has lately gone on
    assert_eq!(
        lex.general("Jets have lately stepped up their raids on the northern valley.")
            .as_deref(),
        Some("lately")
    );
    // an effort told over time, not a day's fighting
    assert_eq!(
        lex.general("The army had been attempting to storm the ridge for more than a year.")
            .as_deref(),
        Some("been attempting")
    );
    assert_eq!(
        lex.general("Militants have been trying to cut the highway since spring.")
            .as_deref(),
        Some("been trying")
    );
    // a campaign's growth over weeks ("raids intensified in late June"), not one day's raid
    assert_eq!(
        lex.general("Coalition raids on the town intensified in late spring.")
            .as_deref(),
        Some("intensified")
    );
    assert_eq!(
        lex.general("Rebels stepped up their shelling of the city in May.")
            .as_deref(),
        Some("stepped up")
    );
    // what was done "in the past", a country "mired in" war: no one incident
    assert_eq!(
        lex.general("Rebels have said in the past that their shelling answered the raids.")
            .as_deref(),
        Some("in the past")
    );
    assert_eq!(
        lex.general("The country has been mired in fighting between the army and rebels.")
            .as_deref(),
        Some("mired in")
    );
    // the past tense tells that day's events; a word inside another is no match
    assert!(lex
        .general("Troops continued to advance on Sunday.")
        .is_none());
    assert!(lex.general("The everyday market reopened.").is_none());
    let general = report_at(
        "gazette",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "Families in eastern Northcity continue to endure relentless shelling by the army.",
    );
    let incident = report_at(
        "courier",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "A shell fired by the army hit a bus depot in eastern Northcity, wounding a driver.",
    );
    let (total, cues) = scored(&general, &incident);
    assert_eq!(cue_of(&cues, "general_vs_incident"), Some(1.0), "{cues:?}");
    assert!(total < score::MERGE_THRESHOLD, "{total} {cues:?}");
    // two general statements, or an incident and itself, lose nothing
    let again = report_at(
        "courier",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "Residents of eastern Northcity continue to face shelling every day.",
    );
    assert_eq!(
        cue_of(&scored(&general, &again).1, "general_vs_incident"),
        None
    );
    // a sentence that counts an incident's dead tells that incident, whatever its rhetoric
    let mut counted = report_at(
        "courier",
        shelling,
        "2024-05-07",
        PROVINCE_CITY,
        "The army continues to commit crimes: its shells killed 12 people at the depot.",
    );
    counted
        .event
        .quantities
        .push(figure(QuantityKind::Killed, 12, ev("courier", "12")));
    let counted = Mention::new(
        *counted.event,
        "courier",
        None,
        Some(day("2024-05-07")),
        lex,
    );
    assert!(counted.general.is_none());
}

#[test]
fn a_past_event_recalled_is_a_report_of_it() {
    let lex = Lexicons::embedded();
    let capture = "Non-state actor overtakes territory";
    let news = report_at(
        "gazette",
        capture,
        "2024-05-07",
        OASIS,
        "Rebels seized Oasis from the army on Tuesday after a week of fighting.",
    );
    // months later another outlet recalls the capture with its month only
    let mut recall = report_at(
        "courier",
        capture,
        "2024-05-01",
        OASIS,
        "Oasis, which rebels took from the army in May, is short of bread.",
    );
    recall.event.date.precision = DatePrecision::Month;
    let recall = Mention::new(*recall.event, "courier", None, Some(day("2024-09-20")), lex);
    assert!(recall.background);
    let (total, cues) = scored(&news, &recall);
    assert_eq!(
        cue_of(&cues, "background_same_event"),
        Some(1.0),
        "{cues:?}"
    );
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a month told in the news of that month is no recall
    let mut fresh = recall.event.clone();
    fresh.id = "courier#2".into();
    let fresh = Mention::new(*fresh, "courier", None, Some(day("2024-05-20")), lex);
    assert!(!fresh.background);
    assert_eq!(
        cue_of(&scored(&news, &fresh).1, "background_same_event"),
        None
    );
    // a day carried over from an earlier sentence misdates recalls: no cue
    let mut approx = recall.event.clone();
    approx.date.precision = DatePrecision::Approximate;
    approx.date.date = Some(day("2024-05-06"));
    let approx = Mention::new(*approx, "courier", None, Some(day("2024-09-20")), lex);
    assert_eq!(
        cue_of(&scored(&news, &approx).1, "background_same_event"),
        None
    );
    // nor a month read sentences away from the recall's own ("The siege began in May. ...
    // Rebels have often taken the town."): that month is the other sentence's
    let mut far = recall.event.clone();
    far.date.evidence.as_mut().unwrap().sentence = 3;
    let far = Mention::new(*far, "courier", None, Some(day("2024-09-20")), lex);
    assert_eq!(
        cue_of(&scored(&news, &far).1, "background_same_event"),
        None
    );
    // its own sentence's month, or the next one's, is
    let mut next = recall.event.clone();
    next.date.evidence.as_mut().unwrap().sentence = 1;
    let next = Mention::new(*next, "courier", None, Some(day("2024-09-20")), lex);
    assert_eq!(
        cue_of(&scored(&news, &next).1, "background_same_event"),
        Some(1.0)
    );
}

#[test]
fn a_bus_bombed_is_a_target() {
    let lex = Lexicons::embedded();
    assert_eq!(
        lex.target_list(lex.targets("A bomb ripped through a bus of pilgrims.")),
        vec!["bus"]
    );
    assert_eq!(
        lex.target_list(lex.targets("Gunmen fired on two minibuses.")),
        vec!["bus"]
    );
    // how people travelled is not what was hit
    assert_eq!(lex.targets("The fighters left the city by bus."), 0);
    // nor is the hospital that tells the toll
    for told in [
        "A strike on a house killed five people, medics at Nasser Hospital said.",
        "Seven people were killed, according to the Al-Aqsa Martyrs Hospital.",
        "Seven people were killed, hospital officials said.",
    ] {
        assert_eq!(lex.targets(told), 0, "{told}");
    }
    for hit in [
        "An air strike hit the hospital, medics said.",
        "Doctors said a strike had hit the hospital.",
    ] {
        assert_eq!(lex.target_list(lex.targets(hit)), vec!["hospital"], "{hit}");
    }
    // two outlets on one bus bombing in a city, in different words
    let kind = "Remote explosive/landmine/IED";
    let a = report_at(
        "gazette",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "A roadside device tore through a bus carrying workers to a factory.",
    );
    let b = report_at(
        "courier",
        kind,
        "2024-05-07",
        PROVINCE_CITY,
        "The governor said the charge had been hidden inside a passenger bus.",
    );
    // on one day both give: a city's buses are seldom bombed twice in a day
    let on_day = (score::W_SAME_TARGET + score::W_SAME_TARGET_DAY) / score::W_SAME_TARGET;
    assert_eq!(cue_of(&scored(&a, &b).1, "same_target"), Some(on_day));
    // dated to the week around it by one report: the target only
    let mut week = b.event.clone();
    week.date.precision = DatePrecision::Week;
    week.date.date = Some(day("2024-05-05"));
    let week = Mention::new(*week, "courier", None, Some(day("2024-05-12")), lex);
    assert_eq!(cue_of(&scored(&a, &week).1, "same_target"), Some(1.0));
}

#[test]
fn a_bombing_told_with_or_without_its_suicide_bomber_is_one_kind() {
    let lex = Lexicons::embedded();
    let (ied, suicide) = ("Remote explosive/landmine/IED", "Suicide bomb");
    let ty = |a: &str, b: &str| {
        lex.type_score(
            SubEventType::from_acled(a).unwrap(),
            SubEventType::from_acled(b).unwrap(),
        )
        .unwrap()
        .0
    };
    assert!(ty(ied, suicide) >= score::ONE_KIND);
    // outlets confuse air strikes and shelling, but those are two kinds
    assert!(ty("Air/drone strike", "Shelling/artillery/missile attack") < score::ONE_KIND);
    // one outlet tells a blast, the other the bomber who set it off, at one town on one day
    let mut a = report_at(
        "gazette",
        ied,
        "2024-05-07",
        FARTOWN,
        "A blast outside the Fartown bakery killed 14 people, the health office said.",
    );
    a.event
        .quantities
        .push(figure(QuantityKind::Killed, 14, ev("gazette", "14")));
    let mut b = report_at(
        "courier",
        suicide,
        "2024-05-07",
        FARTOWN,
        "An attacker on a motorbike blew himself up among shoppers, leaving 14 dead.",
    );
    b.event.quantities = a.event.quantities.clone();
    let (total, cues) = scored(&a, &b);
    // the cues that ask for one kind count it: a singular kind, and one kind with one toll
    assert_eq!(cue_of(&cues, "singular_kind"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "same_figure"), Some(1.5), "{cues:?}");
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
}

/// `m` with `dead` killed counted in its sentence (as the reader gives a count: "at least 32").
fn with_dead(mut m: Mention, dead: u64) -> Mention {
    m.event.quantities = vec![Quantity {
        lower_bound: true,
        ..figure(QuantityKind::Killed, dead, ev(&m.article_id, "at least"))
    }];
    m
}

#[test]
fn a_deadly_bombing_seldom_has_a_twin_nearby_within_days() {
    let blast = "Remote explosive/landmine/IED";
    // the bombing of a wedding that killed 32, and an eyewitness's account of a blast there
    // that day (known approximately: carried over from an earlier sentence)
    let toll = with_dead(
        report_at(
            "gazette",
            "Suicide bomb",
            "2024-05-07",
            PROVINCE_CITY,
            "A bomber struck the wedding party in the north of the city, killing 32 guests.",
        ),
        32,
    );
    let mut witness = report_at(
        "courier",
        blast,
        "2024-05-07",
        PROVINCE_CITY,
        "I saw him walk in and then the hall shook, a guest said.",
    );
    witness.event.date.precision = DatePrecision::Approximate;
    let witness = Mention::new(
        *witness.event,
        "courier",
        None,
        Some(day("2024-05-07")),
        Lexicons::embedded(),
    );
    let (total, cues) = scored(&toll, &witness);
    assert_eq!(cue_of(&cues, "deadly_singular"), Some(1.0), "{cues:?}");
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a few dead: no more than the singular kind says
    let (small, cues) = scored(&with_dead(toll.clone(), 3), &witness);
    assert_eq!(cue_of(&cues, "deadly_singular"), None, "{cues:?}");
    assert!((total - small - score::W_DEADLY_SINGULAR).abs() < 1e-6);
    // a deadly air strike is no singular kind: a city sees many a day
    let strike = "Air/drone strike";
    let a = with_dead(
        report_at(
            "gazette",
            strike,
            "2024-05-07",
            PROVINCE_CITY,
            "Jets hit a market, killing 32.",
        ),
        32,
    );
    let b = report_at(
        "courier",
        strike,
        "2024-05-07",
        PROVINCE_CITY,
        "Jets pounded the east.",
    );
    assert_eq!(cue_of(&scored(&a, &b).1, "deadly_singular"), None);
}

#[test]
fn a_deadly_day_at_one_town_is_one_event() {
    let shelling = "Shelling/artillery/missile attack";
    // a town's toll of a day of shelling, and a resident on that day's bombardment
    let toll = with_dead(
        report_at(
            "gazette",
            shelling,
            "2024-05-07",
            CITY,
            "Army shelling killed 43 people in Northtown, a monitor said.",
        ),
        43,
    );
    let resident = report_at(
        "courier",
        shelling,
        "2024-05-07",
        CITY,
        "The bombardment has not stopped since early morning, a resident said.",
    );
    let (total, cues) = scored(&toll, &resident);
    assert_eq!(cue_of(&cues, "same_place_day"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "deadly_place_day"), Some(1.0), "{cues:?}");
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a few dead: a town sees several such a day
    let (_, cues) = scored(&with_dead(toll.clone(), 3), &resident);
    assert_eq!(cue_of(&cues, "deadly_place_day"), None, "{cues:?}");
    // a city named like its province is no one town
    let at_city = |m: &Mention, art: &str| {
        let mut e = m.event.clone();
        e.location = Some(place(PROVINCE_CITY, art));
        Mention::new(*e, art, None, Some(day("2024-05-07")), Lexicons::embedded())
    };
    let (_, cues) = scored(&at_city(&toll, "gazette"), &at_city(&resident, "courier"));
    assert_eq!(cue_of(&cues, "deadly_place_day"), None, "{cues:?}");
    // the war's tally in a line beside it is no part of that day's event
    let war = with_dead(
        report_at(
            "courier",
            shelling,
            "2024-05-07",
            CITY,
            "The war has killed more than 300000 people across the land.",
        ),
        300_000,
    );
    let (_, cues) = scored(&toll, &war);
    assert_eq!(cue_of(&cues, "same_place_day"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "deadly_place_day"), None, "{cues:?}");
    // nor is a general line on the town's plight
    let plight = report_at(
        "courier",
        shelling,
        "2024-05-07",
        CITY,
        "Residents of Northtown continue to face shelling.",
    );
    assert!(plight.general.is_some());
    let (_, cues) = scored(&toll, &plight);
    assert_eq!(cue_of(&cues, "deadly_place_day"), None, "{cues:?}");
    // a clash at the town that day, of another kind outlets confuse with shelling: as often
    // another of its incidents, with its own toll, as the shelling told another way
    let fight = report_at(
        "courier",
        "Armed clash",
        "2024-05-07",
        CITY,
        "Militiamen fought off an assault on the hills west of Northtown.",
    );
    let (_, cues) = scored(&toll, &fight);
    assert_eq!(cue_of(&cues, "same_place_day"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&cues, "deadly_place_day"), None, "{cues:?}");
}

#[test]
fn a_bombing_in_one_city_on_one_day_is_a_cue() {
    let lex = Lexicons::embedded();
    let at = |art: &str, kind: &'static str, town: Town, notes: &'static str| {
        report_at(art, kind, "2024-05-07", town, notes)
    };
    let bomb = "Suicide bomb";
    // two outlets on one bombing in a city named like its province, in different words
    let a = at(
        "gazette",
        bomb,
        PROVINCE_CITY,
        "A car packed with explosives blew up at a crowded roundabout.",
    );
    let b = at(
        "courier",
        bomb,
        PROVINCE_CITY,
        "The driver detonated his vehicle near the governor's office, officials said.",
    );
    let (total, cues) = scored(&a, &b);
    let full = score::W_SINGULAR_CITY / score::W_SINGULAR_KIND;
    assert_eq!(cue_of(&cues, "singular_kind"), Some(full), "{cues:?}");
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a day told approximately by one (carried over from an earlier sentence) is enough
    let mut approx = b.event.clone();
    approx.date.precision = DatePrecision::Approximate;
    let approx = Mention::new(*approx, "courier", None, Some(day("2024-05-07")), lex);
    assert_eq!(cue_of(&scored(&a, &approx).1, "singular_kind"), Some(full));
    // a week that holds the day: days apart within their precision, the bonus of one place
    let mut week = b.event.clone();
    week.date.precision = DatePrecision::Week;
    week.date.date = Some(day("2024-05-05"));
    let week = Mention::new(*week, "courier", None, Some(day("2024-05-12")), lex);
    assert_eq!(cue_of(&scored(&a, &week).1, "singular_kind"), Some(1.0));
    // a bombing told in the province (read at its precision) on the day of one in its city:
    // the bonus of one place; not when one gives the day approximately
    let in_province = |m: &Mention| {
        let mut e = m.event.clone();
        if let Some(p) = e.location.as_mut() {
            (p.name, p.mention, p.geonameid, p.geo_precision) =
                ("Uplands".into(), "Uplands".into(), Some(98), 3);
        }
        let article = m.article_id.clone();
        Mention::new(*e, &article, None, m.published, lex)
    };
    let (pb, papprox) = (in_province(&b), in_province(&approx));
    let (_, cues) = scored(&a, &pb);
    assert_eq!(cue_of(&cues, "place"), Some(0.5), "{cues:?}");
    assert_eq!(cue_of(&cues, "singular_kind"), Some(1.0), "{cues:?}");
    assert_eq!(cue_of(&scored(&a, &papprox).1, "singular_kind"), None);
    // a bombing at a town of the province 50 km from its city, on the day: outlets tell it by
    // the province's name too ("a car bomb in Northcity"), so it is within the province; two air
    // strikes there are too far apart
    const PROVINCE_TOWN: Town = ("Hilltown", 7, 35.45, 37.00, "Northcity Province");
    let town = at(
        "courier",
        bomb,
        PROVINCE_TOWN,
        "A car bomb exploded at the Hilltown roundabout, officials said.",
    );
    let (_, cues) = scored(&a, &town);
    assert_eq!(cue_of(&cues, "place"), Some(0.5), "{cues:?}");
    assert_eq!(cue_of(&cues, "singular_kind"), Some(1.0), "{cues:?}");
    let strike = "Air/drone strike";
    let (x, y) = (
        at("gazette", strike, PROVINCE_CITY, "Jets hit the city."),
        at("courier", strike, PROVINCE_TOWN, "Jets hit the town."),
    );
    assert!(matches!(
        score::score_pair(&x, &y, None, lex, false),
        score::PairScore::Veto(_)
    ));
    // a city sees many air strikes a day, and a battle many captures: no cue
    for kind in ["Air/drone strike", "Non-state actor overtakes territory"] {
        let x = at(
            "gazette",
            kind,
            PROVINCE_CITY,
            "Jets hit the market district.",
        );
        let y = at(
            "courier",
            kind,
            PROVINCE_CITY,
            "Warplanes pounded a suburb.",
        );
        assert_eq!(cue_of(&scored(&x, &y).1, "singular_kind"), None, "{kind}");
    }
    // never in a whole country: it sees many a day, and a sentence that names only the country
    // is often a remark on such attacks ("presidents have rarely attacked their predecessors
    // for events like chemical weapons attacks"); nor half a same_place_day there
    let country = |m: &Mention| {
        let mut e = m.event.clone();
        if let Some(p) = e.location.as_mut() {
            p.admin1 = None;
            p.geo_precision = 4;
            p.name = "Testland".into();
            p.geonameid = Some(99);
        }
        let article = m.article_id.clone();
        Mention::new(*e, &article, None, m.published, lex)
    };
    let (ca, cb, capprox) = (country(&a), country(&b), country(&approx));
    let (_, cues) = scored(&ca, &cb);
    assert_eq!(cue_of(&cues, "singular_kind"), None, "{cues:?}");
    assert_eq!(cue_of(&cues, "same_place_day"), None, "{cues:?}");
    assert_eq!(cue_of(&scored(&ca, &capprox).1, "singular_kind"), None);
    // (a province still has them: the town's bombing told at its province on the day)
    assert_eq!(cue_of(&scored(&a, &pb).1, "singular_kind"), Some(1.0));
}

#[test]
fn a_singular_kind_at_one_place_within_its_month_is_a_cue() {
    let lex = Lexicons::embedded();
    let kind = "Chemical weapon";
    let news = report_at(
        "gazette",
        kind,
        "2024-05-07",
        FARTOWN,
        "Jets dropped canisters of gas on Fartown at dawn, medics said.",
    );
    // an outlet tells it weeks later with its month only
    let mut month = report_at(
        "courier",
        kind,
        "2024-05-01",
        FARTOWN,
        "The minister called last month's poison attack on Fartown a fabrication.",
    );
    month.event.date.precision = DatePrecision::Month;
    let month = Mention::new(*month.event, "courier", None, Some(day("2024-06-02")), lex);
    let (_, cues) = scored(&news, &month);
    assert_eq!(cue_of(&cues, "singular_kind"), Some(1.0), "{cues:?}");
    // two reports dated by their month only: no cue
    let mut other = month.event.clone();
    other.id = "herald#1".into();
    let other = Mention::new(*other, "herald", None, Some(day("2024-06-03")), lex);
    assert_eq!(cue_of(&scored(&month, &other).1, "singular_kind"), None);
    // a kind that recurs (air strikes) gets none either
    let mut strike = month.event.clone();
    strike.sub_event_type = SubEventType::from_acled("Air/drone strike").unwrap();
    let strike = Mention::new(*strike, "courier", None, Some(day("2024-06-02")), lex);
    let mut strike_news = news.event.clone();
    strike_news.sub_event_type = strike.event.sub_event_type;
    let strike_news = Mention::new(*strike_news, "gazette", None, news.published, lex);
    assert_eq!(
        cue_of(&scored(&strike_news, &strike).1, "singular_kind"),
        None
    );
}

#[test]
fn one_name_spelt_two_ways_at_a_provinces_precision_is_one_broad_place() {
    let lex = Lexicons::embedded();
    let at_province = |art: &str, name: &'static str| {
        let mut m = report_at(
            art,
            "Air/drone strike",
            "2024-05-07",
            PROVINCE_CITY,
            "Jets struck the provincial capital at dawn.",
        );
        let p = m.event.location.as_mut().unwrap();
        (p.name, p.mention, p.geonameid, p.geo_precision) = (name.into(), name.into(), None, 3);
        Mention::new(*m.event, art, None, m.published, lex)
    };
    // one province's name as two outlets spell it
    let (a, b) = (
        at_province("gazette", "Westvale"),
        at_province("courier", "Westvail"),
    );
    let place = |x: &Mention, y: &Mention| {
        scored(x, y)
            .1
            .into_iter()
            .find(|c| c.cue == "place")
            .unwrap()
    };
    let cue = place(&a, &b);
    assert_eq!(cue.score, score::BROAD_PLACE, "{}", cue.detail);
    // two different names there are only within the province
    let c = at_province("courier", "Eastbrook");
    assert_eq!(place(&a, &c).score, 0.5);
}

#[test]
fn two_statements_of_one_day_share_less_than_their_kind() {
    let lex = Lexicons::embedded();
    let diplomacy = SubEventType::from_acled("Diplomacy").unwrap();
    let blame = SubEventType::from_acled("Claim of responsibility").unwrap();
    let strike = SubEventType::from_acled("Air/drone strike").unwrap();
    assert_eq!(lex.type_score(diplomacy, diplomacy).unwrap().0, 0.8);
    assert_eq!(lex.type_score(blame, blame).unwrap().0, 0.8);
    assert_eq!(lex.type_score(strike, strike).unwrap().0, 1.0);
    // two ministers' statements in the capital on one day are two events
    let a = report_at(
        "gazette",
        "Diplomacy",
        "2024-05-07",
        PROVINCE_CITY,
        "The foreign minister of Eastland called for an emergency council meeting.",
    );
    let b = report_at(
        "courier",
        "Diplomacy",
        "2024-05-07",
        PROVINCE_CITY,
        "Westland's envoy said the council's vague call for clarity was shameful.",
    );
    let (total, cues) = scored(&a, &b);
    assert!(total < score::MERGE_THRESHOLD, "{total} {cues:?}");
    // one statement reused by two outlets is still one
    let c = report_at(
        "courier",
        "Diplomacy",
        "2024-05-07",
        PROVINCE_CITY,
        "The foreign minister of Eastland called for an emergency council meeting.",
    );
    let (total, cues) = scored(&a, &c);
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
}

#[test]
fn a_bombing_told_by_the_day_of_its_toll_is_a_day_later() {
    let lex = Lexicons::embedded();
    let bomb = "Suicide bomb";
    let blast = report_at(
        "gazette",
        bomb,
        "2024-05-07",
        PROVINCE_CITY,
        "A suicide bomber struck a wedding party on Tuesday, killing 20.",
    );
    // the next day another outlet gives the toll, dated by that day
    let toll = report_at(
        "courier",
        bomb,
        "2024-05-08",
        PROVINCE_CITY,
        "The death toll from the wedding bombing rose to 32 on Wednesday, medics said.",
    );
    let (_, cues) = scored(&blast, &toll);
    assert_eq!(
        cue_of(&cues, "date"),
        Some(score::DATE_TOLD_NEXT_DAY),
        "{cues:?}"
    );
    // two days apart, or air strikes a day apart, are two events
    let later = report_at(
        "courier",
        bomb,
        "2024-05-09",
        PROVINCE_CITY,
        "A bomb went off.",
    );
    let strike = |art: &str, date| {
        report_at(
            art,
            "Air/drone strike",
            date,
            PROVINCE_CITY,
            "Jets hit the city.",
        )
    };
    for (x, y) in [
        (&blast, &later),
        (
            &strike("gazette", "2024-05-07"),
            &strike("courier", "2024-05-08"),
        ),
    ] {
        assert!(matches!(
            score::score_pair(x, y, None, lex, false),
            score::PairScore::Veto(_)
        ));
    }
    // in a whole country, a day apart is two events
    let country = |m: &Mention| {
        let mut e = m.event.clone();
        if let Some(p) = e.location.as_mut() {
            (p.admin1, p.geo_precision) = (None, 4);
        }
        let article = m.article_id.clone();
        Mention::new(*e, &article, None, m.published, lex)
    };
    assert!(matches!(
        score::score_pair(&country(&blast), &country(&toll), None, lex, false),
        score::PairScore::Veto(_)
    ));
}

/// One market strike told three ways: the first two reports share too little to merge, the
/// third (a fuller report) matches both.
fn market_strike() -> Vec<(Article, Vec<Event>, Vec<Claim>)> {
    let report = |id: &str, town: Town, actor1: Option<&'static str>, notes: &'static str| {
        let e = event(
            id,
            1,
            Spec {
                kind: "Air/drone strike",
                date: "2024-03-10",
                town,
                actor1,
                notes,
            },
        );
        (article(id, id, notes), vec![e], vec![])
    };
    vec![
        report(
            "first",
            CITY,
            Some("Air Force of Testland"),
            "Warplanes of the air force struck the Northtown grain market on Sunday.",
        ),
        report(
            "second",
            CAMP,
            None,
            "Jets hit the Camp Quarter on the edge of town, residents said.",
        ),
        report(
            "third",
            CITY,
            Some("Air Force of Testland"),
            "Air force warplanes struck the Northtown grain market and jets hit the Camp Quarter on Sunday, residents said.",
        ),
    ]
}

#[test]
fn split_diagnostics_count_bridged_near_misses_and_lone_vetoes() {
    let items = market_strike();
    // the third report joins the first; the second stays apart, a near-miss of the first
    // that the third bridges
    let f = fuse(&items, vec![]);
    assert_eq!(
        f.cluster_of_mention("first#1"),
        f.cluster_of_mention("third#1")
    );
    assert_ne!(
        f.cluster_of_mention("first#1"),
        f.cluster_of_mention("second#1")
    );
    let d = f.split_diagnostics(0.55);
    assert_eq!(
        (
            d.near_misses,
            d.near_misses_bridged,
            d.bridged_cluster_pairs
        ),
        (1, 1, 1),
        "{d:?}"
    );
    assert_eq!((d.bridged_pairs_vetoed, d.lone_vetoed_mentions), (0, 0));
    // split the first from the second: the bridged pair is vetoed across, and the second is
    // vetoed by one member of an event another member accepts
    let f = fuse(&items, vec![("first#1".into(), "second#1".into())]);
    let d = f.split_diagnostics(0.55);
    assert_eq!(
        (d.bridged_cluster_pairs, d.bridged_pairs_vetoed),
        (1, 1),
        "{d:?}"
    );
    assert_eq!(
        (
            d.clusters_with_lone_veto,
            d.lone_vetoed_mentions,
            d.outvoted_vetoed_mentions
        ),
        (1, 1, 0),
        "{d:?}"
    );
}

#[test]
fn a_users_merge_across_countries_joins_the_first_report_of_a_country() {
    // the strike told from across the border, placed in the neighbouring country: the first
    // report filed there has no blocks to look in, only the user's merge
    let mut items = market_strike();
    let across = &mut items[1].1[0];
    let place = across.location.as_mut().unwrap();
    place.country_code = Some("XN".into());
    place.country = Some("Neighbourland".into());
    let join = vec![("second#1".to_string(), "first#1".to_string())];
    for order in [items.clone(), items.iter().rev().cloned().collect()] {
        let mut f = Fuser::new(vec![]).with_joins(join.clone());
        for (a, e, cl) in &order {
            f.add_article(a, e, cl);
        }
        assert_eq!(
            f.cluster_of_mention("second#1"),
            f.cluster_of_mention("first#1")
        );
    }
}

#[test]
fn the_close_call_is_a_merge_candidate_and_a_users_merge_joins_it_in_any_order() {
    let items = market_strike();
    let f = fuse(&items, vec![]);
    let found = f.merge_candidates(NEAR_MISS_FLOOR);
    assert_eq!(found.len(), 1, "one pair of fused events, listed once");
    let c = &found[0];
    assert!(c.score >= NEAR_MISS_FLOOR && c.score < MERGE_THRESHOLD);
    let ids = [f.mentions[c.mention].id(), f.mentions[c.member].id()];
    assert!(ids.contains(&"second#1"), "{ids:?}");
    assert_ne!(f.cluster_of[c.mention], c.cluster);
    // the user says they are one: whichever report comes first, all three are one event
    let join = vec![("second#1".to_string(), "first#1".to_string())];
    for order in [items.clone(), items.iter().rev().cloned().collect()] {
        let mut f = Fuser::new(vec![]).with_joins(join.clone());
        for (a, e, cl) in &order {
            f.add_article(a, e, cl);
        }
        let one = f.cluster_of_mention("first#1");
        assert_eq!(f.cluster_of_mention("second#1"), one);
        assert_eq!(f.cluster_of_mention("third#1"), one);
        assert!(f.merge_candidates(NEAR_MISS_FLOOR).is_empty());
        let cluster = &f.clusters[one.unwrap()];
        let joined = cluster
            .provenance
            .iter()
            .filter(|p| p.cues.first().is_some_and(|q| q.cue == USER_JOINED_CUE))
            .count();
        assert_eq!(joined, 1, "{:?}", cluster.provenance);
    }
    // a merge of the pair overrides a split of it (the store keeps both only when the merge
    // came later: a split forgets the merges of its pair), and the split holds without it
    let split = vec![("second#1".to_string(), "first#1".to_string())];
    let mut f = Fuser::new(split.clone()).with_joins(join);
    for (a, e, cl) in &items {
        f.add_article(a, e, cl);
    }
    assert_eq!(
        f.cluster_of_mention("first#1"),
        f.cluster_of_mention("second#1")
    );
    let mut f = Fuser::new(split);
    for (a, e, cl) in &items {
        f.add_article(a, e, cl);
    }
    assert_ne!(
        f.cluster_of_mention("first#1"),
        f.cluster_of_mention("second#1")
    );
}

#[test]
fn a_large_count_recalled_months_later_is_no_chance_figure() {
    let lex = Lexicons::embedded();
    let clash = "Armed clash";
    const FIELD: Town = ("Gasfield", 8, 35.30, 37.20, "Northcity Province");
    // the day's report, filed at the province ("in Northcity province")
    let mut news = report_at(
        "gazette",
        clash,
        "2024-05-19",
        PROVINCE_CITY,
        "Militants killed 270 in a battle for a gas field, a monitor said on Saturday.",
    );
    if let Some(p) = news.event.location.as_mut() {
        p.geo_precision = 3;
    }
    let news = Mention::new(*news.event, "gazette", None, Some(day("2024-05-19")), lex);
    // months later another outlet recalls it with its month only, at the field's town
    let mut recall = report_at(
        "courier",
        clash,
        "2024-05-01",
        FIELD,
        "An earlier attack by militants on Gasfield in May left 270 people dead.",
    );
    recall.event.date.precision = DatePrecision::Month;
    let recall = Mention::new(*recall.event, "courier", None, Some(day("2024-09-20")), lex);
    assert!(recall.background);
    let (news, recall_270) = (with_dead(news, 270), with_dead(recall.clone(), 270));
    let (total, cues) = scored(&news, &recall_270);
    assert_eq!(cue_of(&cues, "place"), Some(0.5), "{cues:?}");
    let full = score::W_SAME_KIND_AND_FIGURE / score::W_SAME_FIGURE;
    assert_eq!(cue_of(&cues, "same_figure"), Some(full), "{cues:?}");
    assert_eq!(
        cue_of(&cues, "background_same_event"),
        Some(1.0),
        "{cues:?}"
    );
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a smaller round count shared across days is still often shared by chance
    let (news_70, recall_70) = (with_dead(news.clone(), 70), with_dead(recall, 70));
    let (total, cues) = scored(&news_70, &recall_70);
    assert_eq!(cue_of(&cues, "same_figure"), Some(0.5), "{cues:?}");
    assert_eq!(cue_of(&cues, "background_same_event"), None, "{cues:?}");
    assert!(total < score::MERGE_THRESHOLD, "{total} {cues:?}");
}

#[test]
fn two_undated_reports_of_one_outlet_share_its_boilerplate() {
    let lex = Lexicons::embedded();
    // one agency's two reports of the front at Oasis, three days apart, neither dated by its
    // text: each ends with the agency's stock line
    let undated = |art: &str, source: &str, published: &'static str, notes: &'static str| {
        let mut e = event(
            art,
            1,
            Spec {
                kind: "Armed clash",
                date: published,
                town: OASIS,
                actor1: Some("Northern Guards"),
                notes,
            },
        );
        e.date.evidence = None;
        e.date.precision = DatePrecision::Approximate;
        Mention::new(e, art, Some(source.into()), Some(day(published)), lex)
    };
    let first = undated(
        "wire-1",
        "wire",
        "2024-05-06",
        "The Northern Guards killed 13 militants in clashes near Oasis, local media reported, adding that the fighting lasted until dawn around the old grain silos. WIRE Photo Desk",
    );
    let later = undated(
        "wire-2",
        "wire",
        "2024-05-09",
        "Twelve fighters died as the Northern Guards repelled an assault east of Oasis overnight, a spokesman told reporters by telephone from the frontline headquarters; residents fled toward the river villages as mortar rounds landed near a bakery. WIRE Photo Desk",
    );
    assert!(first.date_fallback && later.date_fallback);
    let (total, cues) = scored(&first, &later);
    let halved = cue_of(&cues, "words").unwrap();
    assert!(total < score::MERGE_THRESHOLD, "{total} {cues:?}");
    // two outlets' reports with those words are evidence of one event
    let other = undated(
        "post-2",
        "post",
        "2024-05-09",
        "Twelve fighters died as the Northern Guards repelled an assault east of Oasis overnight, a spokesman told reporters by telephone from the frontline headquarters; residents fled toward the river villages as mortar rounds landed near a bakery. WIRE Photo Desk",
    );
    let (total, cues) = scored(&first, &other);
    let full = cue_of(&cues, "words").unwrap();
    assert!(
        (full * score::SAME_OUTLET_WORDS - halved).abs() < 1e-6,
        "{cues:?}"
    );
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
}

#[test]
fn a_deal_told_at_the_city_and_at_a_town_near_it_on_one_day_is_one() {
    let lex = Lexicons::embedded();
    let deal = "Agreement";
    // a town some 22 km from the city named like its province
    const HILLSIDE: Town = ("Hillside", 9, 35.20, 37.00, "Northcity Province");
    let town = report_at(
        "gazette",
        deal,
        "2024-05-10",
        HILLSIDE,
        "Buses carried the last fighters out of Hillside on Friday under the agreement.",
    );
    let city = report_at(
        "courier",
        deal,
        "2024-05-10",
        PROVINCE_CITY,
        "After repeated delays the first phase of the deal began on Friday.",
    );
    let full = score::W_SINGULAR_CITY / score::W_SINGULAR_KIND;
    let (_, cues) = scored(&town, &city);
    assert_eq!(cue_of(&cues, "singular_kind"), Some(full), "{cues:?}");
    // the city read as its province (the province's centre, not the city's) is no such cue
    let mut province = city.clone();
    if let Some(p) = province.event.location.as_mut() {
        p.geo_precision = 3;
    }
    let province = Mention::new(
        *province.event,
        "courier",
        None,
        Some(day("2024-05-10")),
        lex,
    );
    assert_ne!(
        cue_of(&scored(&town, &province).1, "singular_kind"),
        Some(full)
    );
}

#[test]
fn an_air_raid_told_as_an_attack_on_civilians_merges() {
    let raid = report_at(
        "gazette",
        "Air/drone strike",
        "2024-05-07",
        FARTOWN,
        "Government jets bombed the market of Fartown on Tuesday, killing nine civilians.",
    );
    let attack = report_at(
        "courier",
        "Attack",
        "2024-05-07",
        FARTOWN,
        "Nine civilians were killed in the market of Fartown on Tuesday, residents said.",
    );
    let (total, cues) = scored(&raid, &attack);
    // one kind told two ways at one town on one day: no veto, merged
    assert!(cue_of(&cues, "type").is_some_and(|t| t > 0.0), "{cues:?}");
    assert!(total >= MERGE_THRESHOLD, "{total} {cues:?}");
    // a gas attack told as an attack on civilians: no veto either
    let gas = report_at(
        "herald",
        "Chemical weapon",
        "2024-05-07",
        FARTOWN,
        "A chlorine attack on Fartown on Tuesday killed nine civilians, doctors said.",
    );
    assert!(cue_of(&scored(&gas, &attack).1, "type").is_some_and(|t| t > 0.0));
}

#[test]
fn two_articles_that_report_one_event_alike_are_likelier_to_share_another() {
    let strike = |art: &str, n, notes| {
        event(
            art,
            n,
            Spec {
                kind: "Air/drone strike",
                date: "2024-03-10",
                town: CITY,
                actor1: Some("Air Force of Testland"),
                notes,
            },
        )
    };
    let clash = |art: &str, n, town, actor, notes| {
        event(
            art,
            n,
            Spec {
                kind: "Armed clash",
                date: "2024-03-10",
                town,
                actor1: Some(actor),
                notes,
            },
        )
    };
    let x_clash = clash(
        "x",
        2,
        OASIS,
        "Rebels",
        "Rebels fought the army outside Oasis on Sunday.",
    );
    // (told as shelling: kinds outlets confuse, at one place on one day - a near-miss alone)
    let mut y_clash = clash(
        "y",
        2,
        OASIS,
        "Military Forces of Testland",
        "Troops shelled attackers at the eastern garrison.",
    );
    y_clash.sub_event_type = SubEventType::from_acled("Shelling/artillery/missile attack").unwrap();
    let corpus = |x_strike: Event| {
        vec![
            (
                article("x", "X", "a"),
                vec![x_strike, x_clash.clone()],
                vec![],
            ),
            (
                article("y", "Y", "b"),
                vec![
                    strike(
                        "y",
                        1,
                        "Jets hit the Northtown bakery on Sunday, killing eight.",
                    ),
                    y_clash.clone(),
                ],
                vec![],
            ),
        ]
    };
    let score = |f: &Fuser, a: &str, b: &str| match f.explain_pair(a, b).unwrap() {
        PairScore::Score { total, cues } => (total, cues),
        PairScore::Veto(why) => panic!("{why}"),
    };
    // the strike told alike by both: their clashes are compared as accounts of one story
    let alike = fuse(
        &corpus(strike(
            "x",
            1,
            "Warplanes struck the Northtown bakery on Sunday, killing eight.",
        )),
        vec![],
    );
    assert_eq!(
        alike.cluster_of_mention("x#1"),
        alike.cluster_of_mention("y#1")
    );
    let (with, cues) = score(&alike, "x#2", "y#2");
    let cue = cues
        .iter()
        .find(|c| c.cue == score::CO_REPORT)
        .expect("co_report");
    assert!(
        cue.detail.contains("x#1") && cue.detail.contains("y#1"),
        "{cue:?}"
    );
    // (the pair that witnesses it gets nothing from itself)
    let (_, cues) = score(&alike, "x#1", "y#1");
    assert!(cues.iter().all(|c| c.cue != score::CO_REPORT), "{cues:?}");
    // another strike, in another town, a day apart: no shared event, no cue
    let mut other = clash("x", 1, FARTOWN, "Rebels", "Shells fell on Fartown.");
    other.date.date = Some(day("2024-03-08"));
    let apart = fuse(&corpus(other), vec![]);
    let (without, cues) = score(&apart, "x#2", "y#2");
    assert!(cues.iter().all(|c| c.cue != score::CO_REPORT), "{cues:?}");
    assert!((with - without - score::W_CO_REPORT).abs() < 1e-6);
    // (here it tips the near-miss into one event)
    assert!(
        without < MERGE_THRESHOLD && with >= MERGE_THRESHOLD,
        "{without} / {with}"
    );
    assert_eq!(
        alike.cluster_of_mention("x#2"),
        alike.cluster_of_mention("y#2")
    );
    assert_ne!(
        apart.cluster_of_mention("x#2"),
        apart.cluster_of_mention("y#2")
    );
    // added at ingest as in the audit: fused one article at a time from stored events, the same
    let mut continuing = Fuser::continuing(vec![], 0);
    let items = corpus(strike(
        "x",
        1,
        "Warplanes struck the Northtown bakery on Sunday, killing eight.",
    ));
    continuing.add_article(&items[0].0, &items[0].1, &items[0].2);
    let stored: Vec<_> = (0..continuing.clusters.len())
        .map(|c| stored(&continuing, c))
        .collect();
    let mut resumed = Fuser::continuing(vec![], stored.len());
    for s in stored {
        resumed.load_cluster(s);
    }
    resumed.add_article_at(1, &items[1].0, &items[1].1, &items[1].2);
    let (resumed_total, _) = score(&resumed, "y#2", "x#2");
    assert!((resumed_total - with).abs() < 1e-6);
}

#[test]
fn two_recalls_of_one_months_episode_are_one_event_though_told_as_two_kinds() {
    let lex = Lexicons::embedded();
    let recall = |art: &str, kind, notes, precision, published| {
        let mut m = report_at(art, kind, "2011-03-01", CITY, notes);
        m.event.date.precision = precision;
        Mention::new(*m.event, art, None, Some(day(published)), lex)
    };
    let peaceful = recall(
        "gazette",
        "Peaceful protest",
        "The war began with protests in Northtown in March 2011.",
        DatePrecision::Month,
        "2016-05-02",
    );
    let dispersed = recall(
        "courier",
        "Protest with intervention",
        "Police broke up the first rallies of the uprising in March 2011, and it became a war.",
        DatePrecision::Month,
        "2017-01-09",
    );
    assert!(peaceful.background && dispersed.background);
    let (total, cues) = scored(&peaceful, &dispersed);
    assert_eq!(
        cue_of(&cues, "background_same_event"),
        Some(1.0),
        "{cues:?}"
    );
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // by a year only, told in other words: two things of one year ("66 journalists killed in
    // 2014", "attacked since 2014"), no cue
    let yearly = |m: &Mention, notes: &str| {
        let mut e = m.event.clone();
        e.date.precision = DatePrecision::Year;
        e.notes = notes.into();
        Mention::new(*e, &m.article_id, None, m.published, lex)
    };
    assert_eq!(
        cue_of(
            &scored(
                &yearly(
                    &peaceful,
                    "Reporters counted dozens of journalists held in Northtown in 2011."
                ),
                &yearly(
                    &dispersed,
                    "Police have fired on crowds in the old town since the uprising of 2011 began."
                )
            )
            .1,
            "background_same_event"
        ),
        None
    );
    // (unless told alike: one stock line on how the war began, reused)
    let stock = |art: &str, kind| {
        let line =
            "The war in Northtown began in 2011 when the government cracked down on protests.";
        yearly(
            &recall(art, kind, line, DatePrecision::Year, "2016-05-02"),
            line,
        )
    };
    assert_eq!(
        cue_of(
            &scored(
                &stock("gazette", "Peaceful protest"),
                &stock("courier", "Protest with intervention")
            )
            .1,
            "background_same_event"
        ),
        Some(1.0)
    );
    // the news of that month is no recall: its protests may be another town's day
    let news = recall(
        "courier",
        "Protest with intervention",
        "Police broke up a rally in Northtown this month.",
        DatePrecision::Month,
        "2011-03-20",
    );
    assert!(!news.background);
    assert_eq!(
        cue_of(&scored(&peaceful, &news).1, "background_same_event"),
        None
    );
}

#[test]
fn a_night_told_as_overnight_may_be_the_evening_before() {
    let lex = Lexicons::embedded();
    let dusk = report_at(
        "gazette",
        "Air/drone strike",
        "2024-03-10",
        CITY,
        "Jets struck the Northtown bakery late on Sunday, killing eight.",
    );
    let mut night = report_at(
        "courier",
        "Air/drone strike",
        "2024-03-11",
        CITY,
        "Eight people died when jets hit a bakery in Northtown overnight.",
    );
    night.event.date.evidence.as_mut().unwrap().rule = "time:night-before-publication".into();
    let night = Mention::new(*night.event, "courier", None, Some(day("2024-03-11")), lex);
    let (total, cues) = scored(&dusk, &night);
    assert!(total >= score::MERGE_THRESHOLD, "{total} {cues:?}");
    // a day named is that day: Monday's strike is not Sunday's
    let monday = report_at(
        "courier",
        "Air/drone strike",
        "2024-03-11",
        CITY,
        "Eight people died when jets hit a bakery in Northtown on Monday.",
    );
    assert!(matches!(
        score::score_pair(&dusk, &monday, None, lex, true),
        PairScore::Veto(_)
    ));
}

#[test]
fn recalls_of_how_the_war_began_are_one_uprising_whatever_kind_town_or_precision() {
    // years later, three outlets recall the uprising: by the year or by the month, as peaceful
    // protests or as crushed ones, in other words
    let recall = |art: &str,
                  kind: &'static str,
                  date: &'static str,
                  precision: DatePrecision,
                  notes: &'static str,
                  outbreak: bool| {
        let mut e = event(
            art,
            1,
            Spec {
                kind,
                date,
                town: CITY,
                actor1: None,
                notes,
            },
        );
        e.date.precision = precision;
        e.date.end =
            (precision == DatePrecision::Month).then(|| day(date) + chrono::Duration::days(30));
        e.war_outbreak = outbreak.then(|| "war began".to_string());
        e.actor1 = Some(actor("Protesters (Testland)", 6));
        // (in the country, as the reader files a recall of the war's beginning)
        e.location = Some(PlaceRef {
            name: "Testland".into(),
            geonameid: None,
            admin1: None,
            geo_precision: 3,
            ..place(CITY, art)
        });
        let mut a = article(art, art, notes);
        a.published = Some(day("2016-05-02"));
        (a, vec![e], vec![])
    };
    let items = |outbreak| {
        vec![
            recall(
                "gazette",
                "Peaceful protest",
                "2011-01-01",
                DatePrecision::Year,
                "The war began in 2011 with peaceful protests.",
                outbreak,
            ),
            recall(
                "courier",
                "Excessive force against protesters",
                "2011-03-01",
                DatePrecision::Month,
                "Thousands died since the conflict started in March 2011 when police shot at crowds.",
                outbreak,
            ),
            recall(
                "herald",
                "Protest with intervention",
                "2011-01-01",
                DatePrecision::Year,
                "It turned into a civil war after the rallies of 2011 were broken up.",
                outbreak,
            ),
        ]
    };
    let f = fuse(&items(true), vec![]);
    let events = f.fused_events();
    assert_eq!(events.len(), 1, "{events:#?}");
    let why = &event_with(&events, "courier#1").members[1].provenance;
    assert!(
        why.cues.iter().any(|c| c.cue == "background_same_event"),
        "{why:?}"
    );
    // the same sentences not read as the war's beginning: kinds that differ stay apart
    let f = fuse(&items(false), vec![]);
    assert!(f.fused_events().len() >= 2);
}
