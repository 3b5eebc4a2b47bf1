//! Fatalities as ACLED codes them, on sentences written for these tests: who the numbers count
//! (victims, not attackers or protesters), single victims, and statements that nobody died.

use chrono::NaiveDate;
use sitrep_extract::Reader;
use sitrep_model::{Article, Event};
use std::sync::OnceLock;

fn reader() -> &'static Reader {
    static R: OnceLock<Reader> = OnceLock::new();
    R.get_or_init(Reader::new)
}

/// The conflict events an article of `text` (published 9 March 2021) reads, in order.
fn conflict_events(text: &str) -> Vec<Event> {
    let article = Article {
        id: "t".into(),
        text: text.into(),
        published: NaiveDate::from_ymd_opt(2021, 3, 9),
        ..Default::default()
    };
    reader()
        .read(&article)
        .events
        .into_iter()
        .filter(|e| e.sub_event_type.is_conflict())
        .collect()
}

/// The fatalities of the article's first conflict event (0 when it reads none).
fn fatalities(text: &str) -> u64 {
    conflict_events(text).first().map_or(0, |e| e.fatalities)
}

/// The article's first conflict event (a panic when it reads none).
fn first_conflict(text: &str) -> Event {
    conflict_events(text)
        .into_iter()
        .next()
        .expect("a conflict event")
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
    // Those who carry the coffins are not the dead.
    assert_eq!(
        fatalities(
            "On 8 March 2021, hundreds of protesters carried the coffins of those killed in the \
             protest movement through Baghdad."
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

#[test]
fn a_figure_counts_its_own_clause() {
    // "while" starts a clause of its own: the two were wounded, not killed.
    assert_eq!(
        fatalities(
            "On 8 March 2021, a rebel was killed while two others were wounded in a firefight \
             with soldiers near Isulan."
        ),
        1
    );
    // Words in brackets are an aside, not the end of the clause ...
    assert_eq!(
        fatalities(
            "On 8 March 2021, five members of the gang (known locally as the Reds) died in a \
             shoot-out with police in Niteroi."
        ),
        5
    );
    // ... and figures inside them break down the one outside.
    assert_eq!(
        fatalities(
            "On 8 March 2021, 5 civilians (2 men, 2 women and 1 child) were killed when their car \
             hit a roadside bomb near Ghazni."
        ),
        5
    );
    // "between two clans" counts the sides.
    assert_eq!(
        fatalities(
            "On 8 March 2021, clashes broke out between two clans in the market of Jowhar \
             (Middle Shabelle), killing three passers-by."
        ),
        3
    );
    // The last of two fates joined by "and later" is the count's.
    assert_eq!(
        fatalities(
            "On 8 March 2021, 2 soldiers were kidnapped and later killed by militants near Herat."
        ),
        2
    );
}

#[test]
fn the_named_person_killed_counts_one() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, soldiers killed the chief commander of a rebel group in a raid near \
             Shopian."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, clashes between rival factions near Marib resulted in the death of \
             the commander of a militia."
        ),
        1
    );
}

#[test]
fn other_dead_add_to_the_first_count() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, rebels attacked an army post near Kunduz, killing 2 soldiers. Two \
             other soldiers died later in the fighting."
        ),
        4
    );
    // Without "other" it is a second account of the same dead: the lower figure stands.
    assert_eq!(
        fatalities(
            "On 8 March 2021, rebels attacked an army post near Kunduz, killing 2 soldiers. Three \
             soldiers died in the fighting, the governor said."
        ),
        2
    );
}

#[test]
fn a_number_of_things_is_no_count_of_the_dead() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, militants fired 10 rocket shells on a neighbourhood of Aleppo, \
             killing a child and injuring 4 people."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, gunmen torched 12 houses in a village near Jos, killing a farmer."
        ),
        1
    );
    // "another five ... in two other districts": the places are no more dead
    assert_eq!(
        fatalities(
            "On 8 March 2021, shelling killed three civilians in Aleppo. Another five civilians \
             were killed in two other districts of the city."
        ),
        8
    );
}

#[test]
fn a_span_of_time_is_no_count() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, an air strike hit a market in Douma, killing 12 people. More than \
             500 people were killed in one week of bombing in the enclave, the monitor said."
        ),
        12
    );
}

#[test]
fn a_page_counter_is_no_count_of_the_dead() {
    // A site's furniture run into the lead: "Views 3875" counts readers, not the dead.
    assert_eq!(
        fatalities(
            "Gunmen kill villagers in northern town Monitor Monday 8 Mar 2021 Print Tweet Views \
             3875 Gunmen from the hills killed 9 people at a market near the town of Azaz on Monday."
        ),
        9
    );
}

#[test]
fn a_part_of_a_count_is_not_added_to_it() {
    // the children are among the civilians: 23 dead, not 32
    assert_eq!(
        fatalities(
            "On 8 March 2021, 23 civilians including nine children were killed in air strikes \
             on a market in Northtown."
        ),
        23
    );
    assert_eq!(
        fatalities(
            "On 8 March 2021, an air strike on the market of Northtown killed 40 people, among \
             them at least 12 women."
        ),
        40
    );
}

#[test]
fn a_headline_glued_to_its_lede_counts_its_dead_once() {
    // no full stop after the headline: one "sentence" tells the same 12 twice
    assert_eq!(
        fatalities(
            "Air strikes kill 12 civilians in Northtown Monitor Wire Service Monday 8 March 2021 \
             At least 12 civilians were killed in air strikes on the market of Northtown on \
             Monday, a monitor said."
        ),
        12
    );
}

#[test]
fn a_count_retold_under_another_name_is_one() {
    // A headline glued to its lede calls the same dead by another word.
    assert_eq!(
        fatalities(
            "Air strikes kill 7 gunmen near Idlib. Seven militants of the group were killed in \
             air strikes near Idlib on Monday, a monitor said."
        ),
        7
    );
    // A count of anyone and the same count of a side, in one sentence.
    assert_eq!(
        fatalities("Shelling kills 21 in Aleppo Monday: shelling killed 21 rebels in Aleppo."),
        21
    );
}

#[test]
fn a_total_includes_the_sides_told_apart() {
    assert_eq!(
        fatalities(
            "An air strike killed 13 people at a hospital in Idlib on Monday. Among the dead \
             were four nurses and five children."
        ),
        13
    );
    // "N among M": the first is a part of the second.
    assert_eq!(
        fatalities("On Monday, 6 children were among 19 dead in an air strike on Idlib."),
        19
    );
}

#[test]
fn a_smaller_count_of_anyone_beside_sides_counts_others() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, 12 militants and 3 local defenders were killed in an attack on a \
             post in Farah."
        ),
        15
    );
}

#[test]
fn dead_said_to_be_also_killed_add_up() {
    assert_eq!(
        fatalities(
            "On 8 March 2021, 5 soldiers were killed in an attack on a post in Farah. Officials \
             said 4 militants were also killed."
        ),
        9
    );
}

#[test]
fn accounts_of_one_total_give_the_lowest_and_vague_words_yield_to_figures() {
    assert_eq!(
        fatalities(
            "The opposition said 150 people were killed in the shelling of Douma on Monday. \
             The monitor said 94 people died in the shelling."
        ),
        94
    );
    assert_eq!(
        fatalities(
            "Dozens were killed in air strikes on Idlib on Monday. At least 10 civilians died in \
             the strikes, the monitor said."
        ),
        10
    );
}

#[test]
fn a_campaigns_tally_is_no_events_dead_a_few_days_battle_is() {
    // (published 9 March 2021)
    assert_eq!(
        fatalities(
            "More than 300 civilians have been killed in Aleppo since April, the monitor said."
        ),
        0
    );
    assert_eq!(
        fatalities("Militants have killed hundreds of people in Idlib since they seized the city."),
        0
    );
    assert_eq!(
        fatalities(
            "Since Saturday at least 68 civilians have been killed in air strikes on Idlib."
        ),
        68
    );
    // a war's count, or a month's, whatever day it is told from
    assert_eq!(
        fatalities("The war in Syria has killed more than 1,500 people in Aleppo this year."),
        0
    );
    assert_eq!(
        fatalities(
            "February was the deadliest month for civilians, with at least 3,000 people killed \
             in air strikes across Syria."
        ),
        0
    );
    // ... but not a battle's, nor war planes'
    assert_eq!(
        fatalities(
            "Fighting between rebels and the army has killed 12 people in Daraa since Monday."
        ),
        12
    );
    assert_eq!(
        fatalities("Regime war planes have killed 32 civilians in Aleppo on Sunday."),
        32
    );
    // The day of the killing is told; the "since" is of something else.
    assert_eq!(
        fatalities(
            "On Monday air strikes killed 23 people in Douma, which has been under siege ever \
             since rebels seized it in 2013."
        ),
        23
    );
}

#[test]
fn the_value_a_toll_reaches_is_the_dead_and_an_earlier_toll_yields_to_it() {
    assert_eq!(
        fatalities(
            "The death toll from Monday's air strike on a market in Idlib rose to 86, the \
             monitor said."
        ),
        86
    );
    assert_eq!(
        fatalities(
            "The death toll from Monday's air strike on a market in Idlib rose to 86, the \
             monitor said. Earlier it had reported 58 dead."
        ),
        86
    );
    // "displaced" before people says who died, not what befell them
    assert_eq!(
        fatalities(
            "At least 18 displaced people were killed when bombs hit a camp near Goma on Friday, \
             the UN said."
        ),
        18
    );
    // "martyred", as state and local media write it, is killed
    assert_eq!(
        fatalities(
            "Four policemen were martyred when militants attacked a police post in Bannu on \
             Tuesday night, police said."
        ),
        4
    );
    // what the toll is of may be told at length
    assert_eq!(
        fatalities(
            "The death toll from a truck bomb that went off beside an army roadblock in the \
             Bondhere district of Mogadishu on Sunday has risen to 14, officials said on Tuesday."
        ),
        14
    );
    // ... but the toll "N more" add to stays
    assert_eq!(
        fatalities(
            "On Monday an air strike hit a market in Idlib. The monitor updated its earlier \
             death toll of 15, saying three more people had died of their wounds."
        ),
        18
    );
    // the injured's figure after the toll is theirs
    assert_eq!(
        fatalities(
            "A car bomb exploded in Homs on Monday, the governor putting the death toll at six \
             and the number of injured at 28."
        ),
        6
    );
}

#[test]
fn two_sources_in_one_sentence_give_the_lower_and_the_dead_named_after_a_total_are_part_of_it() {
    assert_eq!(
        fatalities(
            "On Monday fighting in Aleppo killed 1,500 fighters, according to a local official, \
             while the monitor said 1,200 died."
        ),
        1200
    );
    assert_eq!(
        fatalities(
            "At least 40 civilians were killed in air strikes on Idlib on Monday. Among those \
             killed were 12 children."
        ),
        40
    );
}

#[test]
fn a_month_s_count_of_the_dead_is_a_tally_and_one_attack_known_to_its_month_is_not() {
    // (published 9 March 2021: February is a month before)
    assert_eq!(
        fatalities(
            "The Syrian Observatory for Human Rights documented the deaths of 1,200 people in \
             Syria in February."
        ),
        0
    );
    assert_eq!(
        fatalities("A car bomb in the market of Azaz in February killed at least 60 people."),
        60
    );
}

#[test]
fn a_strikes_dead_told_as_fighters_by_one_source_and_civilians_by_another_are_two_accounts() {
    // the monitor's seven fighters and the group's own four civilians: the lower account
    assert_eq!(
        fatalities(
            "Air strikes hit a farm near the river town on Monday, killing seven fighters, a war \
             monitor said. The group's television said the strikes killed four civilians."
        ),
        4
    );
    // a battle's sides, each told by its own source, add up
    assert_eq!(
        fatalities(
            "Troops and rebels clashed near the river town on Monday. Twelve soldiers were \
             killed, the army said. The rebels said 30 of their fighters died."
        ),
        42
    );
}

#[test]
fn a_verbs_figures_joined_by_and_all_count() {
    assert_eq!(
        fatalities("An air strike on the market killed 12 civilians and 3 fighters on Monday."),
        15
    );
    assert_eq!(
        fatalities("Shelling hit the school on Monday, killing nine children and six teachers."),
        15
    );
    // a number with its own verb after "and" is another figure
    assert_eq!(
        fatalities("A bomb killed one person and 3 were wounded in the market on Monday."),
        1
    );
}

#[test]
fn displaced_before_people_says_who_was_killed() {
    assert_eq!(
        fatalities(
            "Gunmen killed at least seven displaced people, among them three children, in a \
             raid on a camp near the town on Sunday night, aid workers said."
        ),
        7
    );
    // a count of the displaced is still one
    assert_eq!(
        fatalities("Shelling of the town on Sunday displaced 400 families, officials said."),
        0
    );
}

#[test]
fn also_of_a_later_figure_adds_nothing_to_an_earlier_one() {
    // "also wounded" is the 25's, not the 40's: one toll told twice, not 40 more dead
    assert_eq!(
        fatalities(
            "Air strikes on two villages killed at least 40 civilians on Tuesday, activists \
             said. The state news agency put the death toll at 40 adding that 25 civilians \
             were also wounded."
        ),
        40
    );
    // "also killed" after the figure still adds it
    assert_eq!(
        fatalities(
            "Air strikes on two villages killed 40 civilians on Tuesday. Five rescuers were \
             also killed when a second strike hit the site."
        ),
        45
    );
}

#[test]
fn a_partys_own_count_does_not_set_aside_the_reports_vaguer_one() {
    // the report says "dozens"; the group that attacked claims 73: two accounts, the lower
    assert_eq!(
        fatalities(
            "Militants killed dozens of soldiers in an attack on an army base near the town on \
             Monday. JNIM claimed in a statement that it had killed 73 soldiers."
        ),
        12
    );
}

/// The fatalities of each conflict event the article reads, in order.
fn conflict_tolls(text: &str) -> Vec<u64> {
    conflict_events(text).iter().map(|e| e.fatalities).collect()
}

#[test]
fn a_toll_that_rose_later_in_the_article_updates_the_first_count_of_the_same_event() {
    // one bombing, its count updated by the next sentence (not a second event, not the lower)
    for update in [
        "The death toll rose to 12 on Monday.",
        "The death toll has since risen to 12, a hospital director said.",
        "Three of the wounded died in hospital on Monday, raising the toll to 12.",
    ] {
        let text = format!(
            "A car bomb killed nine people at a bus station in Kirkuk on Sunday, police said. \
             {update}"
        );
        assert_eq!(conflict_tolls(&text), vec![12], "{update}");
    }
    // the wounded who died since add to the count told before
    assert_eq!(
        conflict_tolls(
            "A car bomb killed nine people at a bus station in Kirkuk on Sunday, police said. \
             Three of the wounded died in hospital on Monday."
        ),
        vec![12]
    );
    // ... and within the toll they are part of it
    assert_eq!(
        fatalities(
            "The toll from Friday's raid on the village of Umm Sirra, south of Kosti, has risen \
             to 33 after five of the wounded died, a local committee said on Sunday."
        ),
        33
    );
}

#[test]
fn a_units_number_and_a_question_of_how_many_count_no_dead() {
    assert_eq!(
        fatalities(
            "Clashes erupted in Zawiya on Monday between the 52 Infantry Brigade and a rival \
             militia, leaving 14 people dead, a hospital said."
        ),
        14
    );
    assert_eq!(
        fatalities(
            "Gunmen opened fire on a bar in Celaya on Saturday night. It was not immediately \
             clear how many people had died."
        ),
        0
    );
}

#[test]
fn one_victim_with_others_joined_and_a_definite_victim_murdered_count() {
    assert_eq!(
        fatalities("Gunmen killed a tribal elder and two of his sons near Bannu on Monday."),
        3
    );
    assert_eq!(
        fatalities("The police chief of Celaya was murdered outside his home on Monday."),
        1
    );
    assert_eq!(
        fatalities("Gunmen murdered four farmers near Apatzingan on Monday, officials said."),
        4
    );
}

#[test]
fn others_who_met_another_fate_are_not_joined_to_the_one_killed() {
    assert_eq!(
        fatalities(
            "A source said that one person was killed and 16 others were injured when rockets \
             hit a market in Aleppo on Monday."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "A child and a woman were killed and seven others were injured by rocket fire on \
             al-Hader on Monday."
        ),
        2
    );
}

#[test]
fn a_partys_count_that_another_denies_is_kept_as_its_claim_not_counted() {
    let e = first_conflict(
        "Insurgents attacked an army post near Mocimboa da Praia on Friday, the army said. The \
         insurgents claimed on their channel that their fighters had killed 30 soldiers, a \
         figure the army denied.",
    );
    assert_eq!(e.fatalities, 0, "{e:#?}");
    assert!(
        e.quantities.iter().any(|q| q.value == 30),
        "the claim's figure is kept"
    );
    assert!(
        e.claims
            .iter()
            .any(|c| c.polarity == sitrep_model::Polarity::Denied
                && c.claimant.contains("Mozambique")),
        "{:#?}",
        e.claims
    );
    assert!(e.claims.iter().any(
        |c| c.polarity == sitrep_model::Polarity::Asserted && !c.claimant.contains("Military")
    ));
}

#[test]
fn a_denials_own_count_sits_beside_the_claim_it_denies_and_the_lower_stands() {
    let e = first_conflict(
        "Separatist fighters attacked a military post near Kumba on Saturday, killing eight \
         soldiers, the separatists said. The army denied the claim, saying two separatist \
         fighters were killed in the attack.",
    );
    assert_eq!(e.fatalities, 2, "{e:#?}");
    assert!(e.quantities.iter().any(|q| q.value == 8));
    // the army's figure is the army's account
    let army = e
        .quantities
        .iter()
        .find(|q| q.value == 2)
        .expect("the army's count");
    let claim = &e.claims[army.claim.expect("a claimant")];
    assert_eq!(claim.polarity, sitrep_model::Polarity::Denied, "{claim:#?}");
    // a purpose is no denial
    assert_eq!(
        fatalities(
            "Coalition jets struck a bridge near Raqqa on Sunday to deny the militants a supply \
             route. The militants said 12 people were killed."
        ),
        12
    );
}

#[test]
fn a_person_named_after_a_title_is_one_dead() {
    assert_eq!(
        fatalities(
            "A drone strike in Tyre on Tuesday killed senior militia official Karim Haddad."
        ),
        1
    );
    assert_eq!(
        fatalities(
            "A drone strike in Tyre on Tuesday killed senior militia official Karim Haddad and \
             four others."
        ),
        5
    );
    // a title and name that speak (after a passive, with the comma lost) are the source
    assert_eq!(
        fatalities(
            "Militiamen clashed with the army near Tyre on Tuesday and three fighters were \
             killed militia official Karim Haddad told reporters."
        ),
        3
    );
}

#[test]
fn a_count_over_the_whole_country_is_a_tally() {
    let events = conflict_events(
        "Rights groups said at least 21 protesters were killed nationwide during the week of \
         rallies.",
    );
    let counted: Vec<&Event> = events.iter().filter(|e| e.fatalities > 0).collect();
    assert!(!counted.is_empty(), "{events:#?}");
    assert!(counted.iter().all(|e| e.tally), "{events:#?}");
}
