//! Fatalities as ACLED codes them, on sentences written for these tests: who the numbers count
//! (victims, not attackers or protesters), single victims, and statements that nobody died.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::Article;
use std::sync::OnceLock;

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(Reader::new)
}

/// The fatalities of the article's most salient conflict event (0 when it reads none).
fn fatalities(text: &str) -> u64 {
    let article = Article {
        id: "t".into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2021, 3, 9),
        ..Default::default()
    };
    let reading = reader().read(&article);
    reading
        .events
        .iter()
        .find(|e| e.sub_event_type.is_conflict())
        .map(|e| e.fatalities)
        .unwrap_or(0)
}

#[test]
fn a_number_after_by_counts_the_attackers() {
    assert_eq!(
        fatalities("On 8 March 2021, a shopkeeper was stabbed to death by three men in Kano."),
        1
    );
    assert_eq!(
        fatalities("On 8 March 2021, two farmers were shot dead by around 12 gunmen near Katsina."),
        2
    );
}

#[test]
fn people_doing_something_else_are_not_the_dead() {
    // The number is the subject of "rallied"; the one who died is someone else.
    assert_eq!(
        fatalities(
            "On 8 March 2021, about 40 relatives of a driver who died in police custody rallied \
             outside the court in Kano."
        ),
        0
    );
    // A grievance is no death at this event.
    assert_eq!(
        fatalities(
            "On 8 March 2021, residents protested in Kano over the death of a teenager last week."
        ),
        0
    );
}

#[test]
fn killed_with_other_fates_is_no_count_of_the_dead() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, 4 rebels were killed, injured or captured during an army operation \
             near Goma."
        ),
        0
    );
}

#[test]
fn single_victims_count_one_and_two_joined_count_two() {
    assert_eq!(
        fatalities("On 8 March 2021, gunmen assassinated a judge in Kano."),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, rebels ambushed an army patrol near Goma, killing an officer and \
             injuring four others."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, police raided a house in Kano. A suspect was shot and died at the \
             scene."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, a sniper shot a soldier at a checkpoint near Arish, and the soldier \
             later died in hospital."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, soldiers killed a village chief and his son near Gao, the army said."
        ),
        2
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, clashes between rival clans in the market of Jowhar led to the death \
             of a bystander."
        ),
        1
    );
}

#[test]
fn no_reports_of_fatalities_is_zero_whatever_else_was_killed_before() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, warplanes struck militant positions near Arish, with no reports on \
             fatalities. The strikes came after militants killed 10 soldiers in the area last \
             month."
        ),
        0
    );
}
