//! Protests, riots and the no-event cases: the distinctions ACLED's codebook draws between a
//! peaceful protest, an intervention, excessive force, a violent demonstration and mob
//! violence, on sentences written for these tests.

use sitrep_classify::Classifier;
use sitrep_model::SubEventType::{self, *};

fn best(s: &str) -> Option<SubEventType> {
    Classifier::embedded().best(s).map(|t| t.sub_event_type)
}

#[test]
fn grad_in_a_district_name_is_no_rocket_launcher() {
    let s = "Tenants protested in Novi Grad against the closure of the local clinic.";
    assert_eq!(best(s), Some(PeacefulProtest), "{s}");
}

#[test]
fn roads_blocked_or_closed_in_protest_are_a_protest() {
    for s in [
        "Bus drivers blocked the roads out of the town, complaining about new fares.",
        "Villagers closed the main road by sitting on it, in protest of power cuts.",
    ] {
        assert_eq!(best(s), Some(PeacefulProtest), "{s}");
    }
}

#[test]
fn violence_told_as_a_protests_grievance_is_not_an_event_at_it() {
    for s in [
        "Families who claim their sons were abducted by the militia held a sit-in outside the council.",
        "Students protested against the detention of classmates accused of throwing petrol bombs at a bank.",
        "Relatives held a vigil outside the hospital, demanding justice for a nurse who was shot dead by unknown gunmen.",
    ] {
        assert_eq!(best(s), Some(PeacefulProtest), "{s}");
    }
    let hits = Classifier::embedded().triggers(
        "Families who claim their sons were abducted held a sit-in.",
        sitrep_model::Span::new(0, 58),
    );
    let abducted = hits.iter().find(|h| h.rule == "abduction").unwrap();
    assert!(abducted.modifiers.iter().any(|m| m == "grievance"));
}

#[test]
fn what_the_crowd_does_after_its_grievance_is_still_the_event() {
    // A main verb ends the grievance; a riot told after it is the crowd's own act.
    assert_eq!(
        best("Protesters demanding jobs were beaten by police."),
        Some(ExcessiveForceAgainstProtesters)
    );
    assert_eq!(
        best("Protesters against the lockdown clashed with police."),
        Some(ViolentDemonstration)
    );
}

#[test]
fn a_violent_crowd_that_does_not_demonstrate_is_a_mob() {
    for s in [
        "A group of youths threw stones at the police and smashed their car.",
        "Migrant labourers clashed with police at the border post.",
        "Inmates rioted in the prison overnight.",
    ] {
        assert_eq!(best(s), Some(MobViolence), "{s}");
    }
    // Demonstrators, a demand or burning tyres say the crowd demonstrates.
    for s in [
        "Protesters threw stones at the police and smashed their car.",
        "Migrant labourers demanding transport home clashed with police at the border post.",
        "Rioters burned tyres on the ring road.",
    ] {
        assert_eq!(best(s), Some(ViolentDemonstration), "{s}");
    }
}

#[test]
fn non_violent_is_not_violent() {
    let s = "Students held a non-violent march to the parliament.";
    assert_eq!(best(s), Some(PeacefulProtest), "{s}");
}

#[test]
fn a_one_group_combination_needs_entries_that_bar_it() {
    let lexicon = |none: &str| {
        format!(
            "[[trigger]]\nid = \"a\"\nphrases = [\"x\"]\ntypes = {{ GRENADE = 1.0 }}\nexample = \"x\"\n\
             [[trigger]]\nid = \"b\"\nphrases = [\"y\"]\ntypes = {{ GRENADE = 1.0 }}\nexample = \"y\"\n\
             [[combination]]\nid = \"c\"\nall = [[\"a\"]]\n{none}\
             cues = {{ GRENADE = 1.0 }}\nexample = \"x\"\n"
        )
    };
    assert!(Classifier::from_toml(&lexicon(""), "t.toml").is_err());
    let c = Classifier::from_toml(&lexicon("none = [\"b\"]\n"), "t.toml").unwrap();
    let with = |s: &str| c.classify_str(s)[0].score;
    assert_eq!(with("x"), 2.0);
    assert_eq!(with("x y"), 2.0, "barred: only the two heads count");
}

#[test]
fn people_named_as_a_crowd_are_a_mob_only_when_they_are_violent() {
    assert_eq!(
        best("Community members demonstrated outside the clinic against the new quarantine ward."),
        Some(PeacefulProtest)
    );
    for s in [
        "A suspected thief was beaten to death by villagers.",
        "A fight between two groups of youths broke out at the market.",
    ] {
        assert_eq!(best(s), Some(MobViolence), "{s}");
    }
}

#[test]
fn force_against_demonstrators_who_turned_violent_is_a_violent_demonstration() {
    // ACLED: excessive force is force against peaceful protesters; demonstrators who throw
    // stones, barricade roads or storm a house are a violent demonstration, force or not.
    for s in [
        "Police fired on demonstrators who pelted stones at officers.",
        "Police fired live rounds to disperse demonstrators barricading the main road.",
        "Demonstrators gathered outside the minister's house and tried to storm the gate.",
    ] {
        assert_eq!(best(s), Some(ViolentDemonstration), "{s}");
    }
    assert_eq!(
        best(
            "Protesters also demanded the release of students who have been detained at the rally."
        ),
        Some(PeacefulProtest)
    );
}

#[test]
fn riot_police_name_who_faced_the_crowd_not_what_happened() {
    assert_eq!(
        best("Riot police beat a student protester outside the parliament."),
        Some(ExcessiveForceAgainstProtesters)
    );
    assert_eq!(
        best("Police fired tear gas during clashes with protesters outside parliament."),
        Some(ViolentDemonstration)
    );
}

#[test]
fn accidents_crime_and_cyber_attacks_are_no_conflict_events() {
    assert_eq!(
        best("Twelve villagers died after consuming home-brewed liquor."),
        Some(ManMadeDisaster)
    );
    assert_eq!(
        best("A cargo ship broke loose from its moorings and ran aground near the harbour."),
        Some(ManMadeDisaster)
    );
    assert_eq!(
        best("Customs officers confiscated 12 tons of counterfeit cigarettes at the port."),
        Some(OrganisedCrime)
    );
    let s = "Hackers launched a cyber attack on the ministry's servers.";
    assert_ne!(best(s), Some(Attack), "{s}");
}

#[test]
fn demands_by_a_crowd_are_a_protest_and_deaths_it_mourns_are_no_force() {
    for s in [
        "Workers at the port demanded protective equipment and their unpaid bonuses.",
        "Students entered the campus to demand free tuition.",
        "Mourners marched with the coffin of a teacher who died in the fire.",
        "Farmers protested, complaining that the lockdown kills their trade.",
    ] {
        assert_eq!(best(s), Some(PeacefulProtest), "{s}");
    }
}

#[test]
fn removing_protesters_or_their_tents_is_an_intervention_and_firing_on_them_force() {
    for s in [
        "Fishermen demonstrated at the port and were removed by the police after an hour.",
        "Troops stopped protesters from setting up tents in the square.",
    ] {
        assert_eq!(best(s), Some(ProtestWithIntervention), "{s}");
    }
    assert_eq!(
        best("Soldiers reacted by opening fire on the protesters who tried to gather."),
        Some(ExcessiveForceAgainstProtesters)
    );
}

#[test]
fn violence_over_a_private_dispute_is_mob_violence_unless_armed_actors_did_it() {
    for s in [
        "A farmer was beaten and killed over a land dispute with his neighbours.",
        "Local villagers assaulted a grain dealer for short-changing them.",
        "A group of youths attacked and assaulted two traffic policemen.",
    ] {
        assert_eq!(best(s), Some(MobViolence), "{s}");
    }
    assert_eq!(
        best("A soldier shot dead a trader after a dispute at the market."),
        Some(Attack)
    );
}

#[test]
fn what_a_diplomatic_act_answers_is_no_event_of_its_own() {
    let s = "The government imposed new sanctions on the regime in response to its alleged gas attack on a suburb.";
    assert_eq!(best(s), Some(Diplomacy), "{s}");
    let s = "The minister blamed the neighbouring state for the expulsion of two of its diplomats.";
    assert_eq!(best(s), Some(ClaimOfResponsibility), "{s}");
}

#[test]
fn a_blamed_event_told_in_its_own_words_is_the_event() {
    let s = "The army blamed the militia for an ambush on a convoy in which five soldiers died.";
    assert_ne!(best(s), Some(ClaimOfResponsibility), "{s}");
    let s = "Police blamed the militants.";
    assert_eq!(best(s), Some(ClaimOfResponsibility), "{s}");
}

#[test]
fn vigils_honour_their_dead_and_vigilantes_are_a_mob() {
    let s =
        "Hundreds lit candles in the square to honor a journalist whose murder remains unsolved.";
    assert_eq!(best(s), Some(PeacefulProtest), "{s}");
    let s = "The beating of two herders was the latest case of cow vigilantism in the state.";
    assert_eq!(best(s), Some(MobViolence), "{s}");
}

#[test]
fn tear_gas_on_people_who_do_not_protest_is_an_attack() {
    let s = "Troops fired tear gas at farmers working in their fields near the fence.";
    assert_eq!(best(s), Some(Attack), "{s}");
    // Police dispersing "them" after a protest told before: still an intervention.
    let s = "Police fired tear gas to disperse them.";
    assert_eq!(best(s), Some(ProtestWithIntervention), "{s}");
}

#[test]
fn armed_men_who_fight_or_burn_are_no_crowd() {
    assert_eq!(
        best("Two armed men clashed with police officers at a checkpoint."),
        Some(ArmedClash)
    );
    assert_eq!(
        best("A group of armed men set fire to three lorries on the highway."),
        Some(LootingPropertyDestruction)
    );
    // Unidentified attackers may be a crowd.
    assert_eq!(
        best("Unidentified people threw stones at a journalist and injured him."),
        Some(MobViolence)
    );
}

#[test]
fn an_attack_on_a_rally_intervenes_and_a_protest_as_a_charge_is_an_arrest() {
    assert_eq!(
        best("Supporters of the mayor attacked the rally of residents who were protesting power cuts."),
        Some(ProtestWithIntervention)
    );
    assert_eq!(
        best("Police detained three students for taking part in a protest last month."),
        Some(Arrests)
    );
}

#[test]
fn violence_words_in_a_grievance_do_not_make_the_protest_violent() {
    for s in [
        "Residents protested, demanding an end to the violence and tensions between rival clans.",
        "Traders rallied against the escalating violence in the market.",
    ] {
        assert_eq!(best(s), Some(PeacefulProtest), "{s}");
    }
}

#[test]
fn a_no_party_label_negates_nothing() {
    let s = "Dozens of supporters of the governor (no party) protested outside the court.";
    assert_eq!(best(s), Some(PeacefulProtest), "{s}");
}

#[test]
fn firecrackers_fired_at_police_are_a_riot_and_searing_heat_a_disaster() {
    assert_eq!(
        best("Demonstrators fired firecrackers at police lines near the parliament."),
        Some(ViolentDemonstration)
    );
    assert_eq!(
        best("Searing temperatures and dry fields left the valley's crops ruined."),
        Some(NaturalDisaster)
    );
}

#[test]
fn unarmed_youths_who_clash_are_a_crowd_and_armed_youth_a_militia() {
    assert_eq!(
        best("Dozens of youths clashed with soldiers near the camp."),
        Some(MobViolence)
    );
    assert_eq!(
        best("Armed youth from the next county clashed with the cattle keepers."),
        Some(ArmedClash)
    );
}

#[test]
fn a_protest_only_anticipated_lends_no_weight_to_the_reaction_classes() {
    // The arrests happened; the rallies are only expected: cues of police and arrests
    // count for protest-with-intervention only as much as its hedged protest head.
    assert_eq!(
        best("Police continue to detain opposition activists across the city in anticipation of mass rallies on Friday."),
        Some(Arrests)
    );
}

#[test]
fn a_sports_result_is_no_violence() {
    let s = "The national football team beat its neighbours 2-1 in a qualifier in the capital.";
    assert_eq!(best(s), None, "{s}");
    // violence at a match still is
    let s = "Gunmen shot dead two fans outside the stadium after the match.";
    assert!(best(s).is_some(), "{s}");
}
