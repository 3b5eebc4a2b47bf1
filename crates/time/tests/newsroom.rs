//! Dates as a newsroom reads them, resolved against the publication date.

use chrono::{NaiveDate, NaiveTime};
use sitrep_model::{DatePrecision, Span};
use sitrep_time::{find_dates, DateMention, DateRole};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn all(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_dates(text, Span::new(0, text.len()), published)
}

/// The single mention in `text`.
fn one(text: &str, published: NaiveDate) -> DateMention {
    let found = all(text, Some(published));
    assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
    found.into_iter().next().unwrap()
}

fn resolve(text: &str, published: NaiveDate) -> NaiveDate {
    one(text, published)
        .date
        .unwrap_or_else(|| panic!("{text:?} unresolved"))
}

// Monday 21 May 2018.
const MON: (i32, u32, u32) = (2018, 5, 21);

fn monday() -> NaiveDate {
    d(MON.0, MON.1, MON.2)
}

#[test]
fn days_of_the_week_point_back_from_publication() {
    let cases = [
        ("Fighters left on Sunday.", d(2018, 5, 20)),
        ("Sunday's strike killed two.", d(2018, 5, 20)),
        ("Shelling resumed on Friday night.", d(2018, 5, 18)),
        (
            "The monitor said on Monday that fighters left.",
            d(2018, 5, 21),
        ),
        ("Jets struck last Sunday.", d(2018, 5, 20)),
        ("Jets struck last Monday.", d(2018, 5, 14)),
        ("Talks will resume on Wednesday.", d(2018, 5, 23)),
        ("The truce holds until Monday.", d(2018, 5, 21)),
        ("They meet next Monday.", d(2018, 5, 28)),
        ("He said a trial would begin on Thursday.", d(2018, 5, 24)),
        ("He said fighters would fight on Thursday.", d(2018, 5, 17)),
    ];
    for (text, want) in cases {
        assert_eq!(resolve(text, monday()), want, "{text:?}");
    }
    assert_eq!(
        one("Fighters left on Sunday.", monday()).rule,
        "weekday-before-publication"
    );
    // In an article of Sunday, "on Sunday" is that day.
    assert_eq!(
        resolve("Buses left on Sunday.", d(2018, 5, 20)),
        d(2018, 5, 20)
    );
}

#[test]
fn a_weekday_possessive_without_its_apostrophe_is_that_weekday() {
    for (text, want) in [
        ("Thursdays shelling hit a bakery.", d(2018, 5, 17)),
        ("Medics counted the dead of Fridays raid.", d(2018, 5, 18)),
        (
            "The council condemned Saturdays deadly ambush.",
            d(2018, 5, 19),
        ),
    ] {
        let m = one(text, monday());
        assert_eq!(
            (m.date, m.rule),
            (Some(want), "weekday-possessive"),
            "{text:?}"
        );
    }
    // Habitual plurals date nothing.
    for text in [
        "The market is shut on Fridays during the holy month.",
        "Shops open most Fridays despite the curfew.",
        "Fridays are quiet in the old town.",
        "Protests came on Tuesdays and Thursdays.",
    ] {
        let found = all(text, Some(monday()));
        assert!(found.is_empty(), "{text:?}: {found:#?}");
    }
}

#[test]
fn ceasefire_until_noon_uae_time_on_monday() {
    let text = "The source said a ceasefire that began on Sunday would remain in place until 12noon (1pm UAE time) on Monday to let civilians leave.";
    let found = all(text, Some(monday()));
    assert_eq!(found.len(), 2, "{found:#?}");
    let began = &found[0];
    assert_eq!(
        (began.date, began.role),
        (Some(d(2018, 5, 20)), DateRole::Point)
    );
    let until = &found[1];
    assert_eq!(until.span.of(text), "12noon (1pm UAE time) on Monday");
    assert_eq!(until.date, Some(d(2018, 5, 21)));
    assert_eq!(until.role, DateRole::Until);
    assert_eq!(until.time_of_day, Some(hm(12, 0)));
    assert_eq!(until.alt_time, Some((hm(13, 0), 240)));
    // Damascus summer time follows from the bracketed clock.
    assert_eq!(until.utc_offset_minutes, Some(180));
    assert_eq!(until.rule, "weekday-after-publication");
}

#[test]
fn today_yesterday_and_the_night() {
    let cases = [
        ("Clashes erupted today.", d(2018, 5, 21), "today"),
        ("Clashes erupted this morning.", d(2018, 5, 21), "today"),
        ("Clashes erupted yesterday.", d(2018, 5, 20), "yesterday"),
        // a possessive dates its noun
        (
            "The toll from yesterday's strike rose to five.",
            d(2018, 5, 20),
            "yesterday",
        ),
        (
            "Last night's raid killed two.",
            d(2018, 5, 21),
            "night-before-publication",
        ),
        (
            "Fighters left overnight.",
            d(2018, 5, 21),
            "night-before-publication",
        ),
        (
            "A second batch left after midnight.",
            d(2018, 5, 21),
            "night-before-publication",
        ),
        (
            "Jets struck last night.",
            d(2018, 5, 21),
            "night-before-publication",
        ),
        (
            "Jets struck in the early hours.",
            d(2018, 5, 21),
            "night-before-publication",
        ),
        (
            "Jets struck in the early hours of Saturday.",
            d(2018, 5, 19),
            "night-of-day",
        ),
        (
            "The town fell the day before.",
            d(2018, 5, 20),
            "day-before",
        ),
        ("The town fell two days ago.", d(2018, 5, 19), "days-ago"),
    ];
    for (text, want, rule) in cases {
        let m = one(text, monday());
        assert_eq!((m.date, m.rule), (Some(want), rule), "{text:?}");
        assert!(m.relative);
    }
}

#[test]
fn a_bracketed_weekday_says_which_day_today_was() {
    // A report filed on Monday quoting a statement made on Sunday.
    let text = "Six buses left the camp at dawn today (Sunday) heading east.";
    let m = one(text, monday());
    assert_eq!(m.span.of(text), "dawn today (Sunday)");
    assert_eq!(m.date, Some(d(2018, 5, 20)));
    assert_eq!(m.time_of_day, Some(hm(5, 0)));
    assert!(m.time_approximate);
    assert_eq!(m.rule, "bracketed-weekday");
    let same = one("Six buses left at dawn today (Monday).", monday());
    assert_eq!(same.date, Some(monday()));
}

#[test]
fn since_and_until() {
    let m = one("All operations had stopped since Saturday noon.", monday());
    assert_eq!(
        (m.date, m.role, m.time_of_day),
        (Some(d(2018, 5, 19)), DateRole::Since, Some(hm(12, 0)))
    );
    assert_eq!(m.end, Some(monday()));
    let m = one("Regime forces have advanced since April.", monday());
    assert_eq!(
        (m.date, m.role, m.precision),
        (Some(d(2018, 4, 1)), DateRole::Since, DatePrecision::Month)
    );
    let m = one("It is the first time since 2012.", monday());
    assert_eq!(
        (m.date, m.role, m.precision),
        (Some(d(2012, 1, 1)), DateRole::Since, DatePrecision::Year)
    );
}

#[test]
fn periods() {
    let m = one("Strikes intensified last week.", monday());
    assert_eq!(
        (m.date, m.end, m.precision, m.role),
        (
            Some(d(2018, 5, 14)),
            Some(d(2018, 5, 20)),
            DatePrecision::Week,
            DateRole::Period
        )
    );
    let m = one("Strikes intensified earlier this week.", d(2018, 5, 23));
    assert_eq!(
        (m.date, m.end),
        (Some(d(2018, 5, 21)), Some(d(2018, 5, 23)))
    );
    let m = one("Early this month, the SDF began a new phase.", monday());
    assert_eq!(
        (m.date, m.precision),
        (Some(d(2018, 5, 1)), DatePrecision::Approximate)
    );
    let m = one("The offensive began earlier this month.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2018, 5, 1)),
            Some(monday()),
            DatePrecision::Approximate
        )
    );
    let m = one("The siege ended last month.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2018, 4, 1)),
            Some(d(2018, 4, 30)),
            DatePrecision::Month
        )
    );
    let m = one("Rebels were driven out in April.", monday());
    assert_eq!(
        (m.date, m.end, m.precision, m.role),
        (
            Some(d(2018, 4, 1)),
            Some(d(2018, 4, 30)),
            DatePrecision::Month,
            DateRole::Period
        )
    );
    // The most recent June not after publication is last year's.
    assert_eq!(
        resolve("Rebels were driven out in June.", monday()),
        d(2017, 6, 1)
    );
    let m = one("Fighting raged between 3 and 5 May.", monday());
    assert_eq!(
        (m.date, m.end, m.role, m.precision),
        (
            Some(d(2018, 5, 3)),
            Some(d(2018, 5, 5)),
            DateRole::Period,
            DatePrecision::Week
        )
    );
    assert_eq!(
        one("Fighting raged on 3-5 May 2017.", monday()).end,
        Some(d(2017, 5, 5))
    );
    let m = one("Protests grew in 2012.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2012, 1, 1)),
            Some(d(2012, 12, 31)),
            DatePrecision::Year
        )
    );
    let m = one("The town was shelled over the weekend.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2018, 5, 19)),
            Some(d(2018, 5, 20)),
            DatePrecision::Week
        )
    );
    let m = one("Fighting resumed in mid-April.", monday());
    assert_eq!(
        (m.date, m.end),
        (Some(d(2018, 4, 11)), Some(d(2018, 4, 20)))
    );
    let m = one("Talks stalled in recent weeks.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2018, 4, 23)),
            Some(monday()),
            DatePrecision::Approximate
        )
    );
}

#[test]
fn absolute_dates() {
    let cases = [
        (
            "The attack came on 9 May 2020.",
            d(2020, 5, 9),
            "day-month-year",
        ),
        ("The attack came on 9 May.", d(2018, 5, 9), "day-month"),
        ("The attack came on May 9.", d(2018, 5, 9), "month-day"),
        (
            "The attack came on May 9, 2020, at night.",
            d(2020, 5, 9),
            "month-day-year",
        ),
        (
            "The attack came on the 9th of May.",
            d(2018, 5, 9),
            "day-month",
        ),
        (
            "Troops deployed in Damascus, Syria April 29, 2018.",
            d(2018, 4, 29),
            "month-day-year",
        ),
        ("Dated 9-May-20 in the log.", d(2020, 5, 9), "day-mon-year"),
        ("Dated 2020-05-09 in the log.", d(2020, 5, 9), "iso-date"),
        ("Dated 25/05/2020 in the log.", d(2020, 5, 25), "slash-date"),
        (
            "On Sunday, May 20, buses left.",
            d(2018, 5, 20),
            "absolute-with-weekday",
        ),
        ("Gen. Ali arrived on Oct. 3.", d(2017, 10, 3), "month-day"),
        // A day later in the year than publication falls in the year before ...
        ("The attack came on 30 May.", d(2017, 5, 30), "day-month"),
        // ... unless it is within a few days of it (a late report, another time zone).
        (
            "The clashes broke out on 23 May.",
            d(2018, 5, 23),
            "day-month",
        ),
        // A day and month that name a place are no date.
        (
            "Shells fell on the 7 July neighbourhood on 9 May.",
            d(2018, 5, 9),
            "day-month",
        ),
        (
            "Residents of the 25 of March sector marched on 9 May.",
            d(2018, 5, 9),
            "day-month",
        ),
    ];
    for (text, want, rule) in cases {
        let m = one(text, monday());
        assert_eq!(
            (m.date, m.rule, m.precision),
            (Some(want), rule, DatePrecision::Day),
            "{text:?}"
        );
    }
    assert!(!one("The attack came on 9 May 2020.", monday()).relative);
    assert!(one("The attack came on 9 May.", monday()).relative);
    // Ambiguous day and month order is not guessed.
    assert!(all("Dated 09/05/2020 in the log.", Some(monday())).is_empty());
    let m = one(
        "Around 6 May 2020 (as reported), gunmen attacked a village.",
        monday(),
    );
    assert_eq!(
        (m.date, m.approximate, m.precision),
        (Some(d(2020, 5, 6)), true, DatePrecision::Day)
    );
    let m = one("On the morning of 3 May, shells fell.", monday());
    assert_eq!(m.date, Some(d(2018, 5, 3)));
    let m = one("A deal was reached in May 2017.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2017, 5, 1)),
            Some(d(2017, 5, 31)),
            DatePrecision::Month
        )
    );
}

#[test]
fn clock_times() {
    let cases = [
        ("The strike hit at 10:30 on Sunday.", hm(10, 30), None),
        ("The strike hit at 1pm on Sunday.", hm(13, 0), None),
        ("The strike hit at 9 a.m. on Sunday.", hm(9, 0), None),
        ("The strike hit at 1300 GMT on Sunday.", hm(13, 0), Some(0)),
        (
            "The strike hit at noon Damascus time on Sunday.",
            hm(12, 0),
            Some(180),
        ),
        ("The strike hit at midnight on Sunday.", hm(0, 0), None),
    ];
    for (text, time, offset) in cases {
        let m = one(text, monday());
        assert_eq!(
            (m.date, m.time_of_day, m.utc_offset_minutes),
            (Some(d(2018, 5, 20)), Some(time), offset),
            "{text:?}"
        );
    }
    let m = one("Sirens sounded at 3pm.", monday());
    assert_eq!(
        (m.date, m.time_of_day, m.rule),
        (None, Some(hm(15, 0)), "time-only")
    );
}

#[test]
fn without_publication_date_relative_mentions_stay_unresolved() {
    let found = all(
        "Buses left on Sunday, a day after talks on 19 May 2018 and talks on 9 May.",
        None,
    );
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(
        (found[0].date, found[0].precision),
        (None, DatePrecision::Unresolved)
    );
    assert_eq!(
        (found[1].date, found[1].precision),
        (Some(d(2018, 5, 19)), DatePrecision::Day)
    );
    assert_eq!(
        (found[2].date, found[2].precision),
        (None, DatePrecision::Unresolved)
    );
    assert!(all("Fighters left overnight.", None)[0].date.is_none());
}

#[test]
fn names_are_not_dates() {
    for text in [
        "The Sunday Times reported the raid.",
        "Theresa May spoke to reporters.",
        "Civilians may leave the camp.",
        "They march on the capital.",
        "April Jones was there.",
        "Dawn reported the attack.",
        "Gunmen fired at 14 October and Airport Road districts.",
    ] {
        let found = all(text, Some(monday()));
        assert!(found.is_empty(), "{text:?}: {found:#?}");
    }
}

#[test]
fn spans_are_article_relative() {
    let text = "Headline.\n\nFighters left on Sunday.";
    let start = text.find("Fighters").unwrap();
    let found = find_dates(text, Span::new(start, text.len()), Some(monday()));
    assert_eq!(found[0].span.of(text), "Sunday");
}

#[test]
fn until_reads_forward_unless_the_stretch_is_past() {
    // A truce announced on Monday that runs to a day later in the month.
    let m = one("The truce was extended until 25 May.", monday());
    assert_eq!(
        (m.date, m.role, m.rule),
        (Some(d(2018, 5, 25)), DateRole::Until, "day-month-nearest")
    );
    // A town held until a month earlier in the year: the nearest April is this year's.
    let m = one("Rebels held the town until April.", monday());
    assert_eq!((m.date, m.role), (Some(d(2018, 4, 1)), DateRole::Until));
    // "from Sunday until Tuesday" in an article of Wednesday 23 May: both past.
    let found = all(
        "Fighting raged from Sunday until Tuesday.",
        Some(d(2018, 5, 23)),
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(
        (found[0].date, found[0].role),
        (Some(d(2018, 5, 20)), DateRole::Since)
    );
    assert_eq!(
        (found[1].date, found[1].role),
        (Some(d(2018, 5, 22)), DateRole::Until)
    );
    // "from 3 to 5 May" is a period, not a since.
    let m = one("Talks ran from 3 to 5 May.", monday());
    assert_eq!(
        (m.date, m.end, m.role),
        (Some(d(2018, 5, 3)), Some(d(2018, 5, 5)), DateRole::Period)
    );
}

#[test]
fn two_days_written_as_a_stretch_are_one_period() {
    // "between May 12 to May 15": the first and last days of the fighting, not two points.
    let m = one(
        "Medics said the wounded arrived between May 12 to May 15 from the front.",
        monday(),
    );
    assert_eq!(
        (m.date, m.end, m.role, m.precision, m.rule),
        (
            Some(d(2018, 5, 12)),
            Some(d(2018, 5, 15)),
            DateRole::Period,
            DatePrecision::Week,
            "day-to-day-span"
        )
    );
    let m = one("Shelling went on from Thursday to Saturday.", monday());
    assert_eq!(
        (m.date, m.end, m.role),
        (Some(d(2018, 5, 17)), Some(d(2018, 5, 19)), DateRole::Period)
    );
    // A month-long stretch is known to the month.
    let m = one("Aid was blocked between 2 April and 9 May.", monday());
    assert_eq!(
        (m.date, m.end, m.precision),
        (
            Some(d(2018, 4, 2)),
            Some(d(2018, 5, 9)),
            DatePrecision::Month
        )
    );
    // Two days told apart stay two points.
    assert_eq!(
        all(
            "Rebels shelled the town on 12 May and jets struck it on 15 May.",
            Some(monday())
        )
        .len(),
        2
    );
}

#[test]
fn a_toll_from_a_weekday_possessive_is_of_that_day_not_since_it() {
    // "the toll from Sunday's air strikes": the strikes' day, not a count since Sunday
    let m = one(
        "The toll from Sunday's air strikes has risen to 15.",
        monday(),
    );
    assert_eq!(
        (m.date, m.role, m.end),
        (Some(d(2018, 5, 20)), DateRole::Point, None)
    );
    // while "since Sunday's attack" counts from it, and "from Sunday" alone too
    assert_eq!(
        one("Nine died since Sunday's attack.", monday()).role,
        DateRole::Since
    );
    assert_eq!(
        one("Fighting has raged from Sunday.", monday()).role,
        DateRole::Since
    );
}

#[test]
fn set_looks_ahead_only_when_set_to_or_for_a_day() {
    // published Monday 21 May 2018
    for (text, want) in [
        (
            "Rioters set fire to a police station on Saturday.",
            d(2018, 5, 19),
        ),
        ("Gunmen set ablaze two lorries on Saturday.", d(2018, 5, 19)),
        ("The talks are set to resume on Thursday.", d(2018, 5, 24)),
        ("A vote is set for Thursday.", d(2018, 5, 24)),
        ("The truce will expire at noon on Thursday.", d(2018, 5, 24)),
    ] {
        assert_eq!(one(text, monday()).date, Some(want), "{text}");
    }
}
