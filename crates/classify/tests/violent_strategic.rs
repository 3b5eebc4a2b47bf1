//! Distinctions between battles, remote violence, violence against civilians and strategic
//! developments, on sentences written for these tests.

use sitrep_classify::Classifier;
use sitrep_model::SubEventType::{self, *};

/// The class the classifier puts first, if any.
fn best_class(sentence: &str) -> Option<SubEventType> {
    Classifier::embedded()
        .best(sentence)
        .map(|s| s.sub_event_type)
}

#[track_caller]
fn assert_class(sentence: &str, expected: SubEventType) {
    let scores = Classifier::embedded().classify_str(sentence);
    let explained: Vec<String> = scores.iter().take(3).map(|s| s.explain()).collect();
    assert_eq!(
        scores.first().map(|s| s.sub_event_type),
        Some(expected),
        "{sentence:?}\n    {}",
        explained.join("\n    ")
    );
}

#[test]
fn seized_munitions_are_weapons_kept_from_use_not_territory() {
    assert_class(
        "Gendarmes seized two hundred munitions in an empty barn outside the town.",
        DisruptedWeaponsUse,
    );
    assert_class(
        "The police have seized 30 rifles and a grenade launcher in the district.",
        DisruptedWeaponsUse,
    );
    // Seizing a place is still a change of territory.
    assert_class(
        "Insurgents seized the district centre on Sunday.",
        NonStateActorOvertakesTerritory,
    );
}

#[test]
fn drugs_seized_or_destroyed_are_property_taken() {
    assert_class(
        "Federal police seized four tons of marijuana hidden in a lorry at a highway checkpoint.",
        LootingPropertyDestruction,
    );
    assert_class(
        "Soldiers found and destroyed a hidden airstrip used by drug traffickers.",
        LootingPropertyDestruction,
    );
    // Other contraband seized stays a crime; drugs seized in a shoot-out stay a clash.
    assert_class(
        "Customs officers seized counterfeit handbags worth two million dollars.",
        OrganisedCrime,
    );
    assert_class(
        "Police exchanged fire with drug traffickers and seized cocaine.",
        ArmedClash,
    );
}

#[test]
fn an_entry_can_share_the_repeats_of_another() {
    let lexicon = |repeats: &str| {
        format!(
            "[[trigger]]\nid = \"crime\"\nphrases = [\"gang\"]\ntypes = {{ \"ORG_CRIME\" = 3.0 }}\nexample = \"a gang\"\n\n\
             [[trigger]]\nid = \"drugs\"\nphrases = [\"cocaine\"]\ntypes = {{ \"ORG_CRIME\" = 3.0 }}\n{repeats}example = \"cocaine\"\n"
        )
    };
    let shared = Classifier::from_toml(&lexicon("repeats_as = \"crime\"\n"), "test").unwrap();
    let apart = Classifier::from_toml(&lexicon(""), "test").unwrap();
    let score = |c: &Classifier| c.best("The gang sold cocaine.").unwrap().score;
    assert!((score(&apart) - 6.0).abs() < 1e-4);
    assert!(
        (score(&shared) - 3.6).abs() < 1e-4,
        "one repeat: 3.0 + 0.2 x 3.0"
    );
    let err = Classifier::from_toml(&lexicon("repeats_as = \"nothing\"\n"), "test").unwrap_err();
    assert!(err.to_string().contains("unknown trigger id"), "{err}");
}

#[test]
fn civilians_fired_on_as_the_object_make_an_attack() {
    // The man is what the soldiers fired at: one-sided violence, though a checkpoint is named.
    assert_class(
        "Soldiers manning a checkpoint opened fire at a man who tried to drive around it.",
        Attack,
    );
}

#[test]
fn only_the_object_of_the_trigger_counts_as_its_civilian_target() {
    let object_weight = |sentence: &str| -> f32 {
        Classifier::embedded()
            .classify_str(sentence)
            .iter()
            .filter(|s| s.sub_event_type == Attack)
            .flat_map(|s| &s.cues)
            .filter(|q| q.rule == "cue:civilian_victims" && (q.weight - 1.0).abs() < 1e-4)
            .count() as f32
    };
    assert_eq!(
        object_weight("Gunmen shot dead a farmer near the well."),
        1.0
    );
    // A possessive, an agent after "by", or a new clause is no object.
    assert_eq!(
        object_weight("Gunmen attacked the farmer's car near the well."),
        0.0
    );
    assert_eq!(
        object_weight("A guard was killed by four men near the well."),
        0.0
    );
    assert_eq!(
        object_weight("Two soldiers died and one man was hurt."),
        0.0
    );
}

#[test]
fn forces_hit_by_a_remote_weapon_suffer_remote_violence_not_a_clash() {
    assert_class(
        "Rebels targeted army positions with heavy artillery, killing three soldiers.",
        ShellingArtilleryMissileAttack,
    );
    assert_class(
        "Insurgents planted a bomb targeting a police patrol, leaving two officers dead.",
        RemoteExplosive,
    );
    // Fighting told beside the shelling is a clash.
    assert_class(
        "Troops shelled rebel positions and clashed with the fighters for hours.",
        ArmedClash,
    );
}

#[test]
fn a_post_the_shooters_come_from_is_no_target() {
    // The post is where the soldiers came from; what they hit is a motorcyclist.
    assert_class(
        "Soldiers from a nearby military post killed a motorcyclist who refused to stop.",
        Attack,
    );
}

#[test]
fn civilians_driven_out_with_no_one_killed_is_a_displacement() {
    assert_class(
        "Heavy fighting between the army and the rebels forced about 300 villagers to flee their homes.",
        Other,
    );
    // Killings told in the same sentence are the event; fighters fleeing are no displacement.
    assert_class(
        "Gunmen killed four villagers and forced hundreds of residents to flee.",
        Attack,
    );
    assert_class(
        "Troops ambushed the insurgents near the river, causing the militants to flee.",
        ArmedClash,
    );
}

#[test]
fn forces_named_in_a_relative_clause_are_neither_agent_nor_target() {
    // The soldiers are whom the farmer was carrying food to, not whom the militants shot.
    assert_class(
        "Militants shot a farmer who was carrying food to the soldiers at their post.",
        Attack,
    );
}

#[test]
fn a_combatant_killed_is_an_armed_victim() {
    assert_class(
        "Police fired on and killed an armed combatant near the bridge.",
        ArmedClash,
    );
}

#[test]
fn an_attack_repelled_was_fought_off() {
    assert_class(
        "Local militiamen repelled a bandit attack on the village of Kuri.",
        ArmedClash,
    );
}

#[test]
fn property_attacked_with_no_one_hurt_is_property_destruction() {
    assert_class(
        "Raiders attacked the shops on the main street and damaged several cars.",
        LootingPropertyDestruction,
    );
    assert_class(
        "Unknown men carried out an arson attack targeting an empty hotel in the old town.",
        LootingPropertyDestruction,
    );
    // Anyone killed makes it an attack.
    assert_class(
        "Raiders attacked the shops on the main street and killed two traders.",
        Attack,
    );
}

#[test]
fn goods_seized_are_property_taken_not_territory() {
    assert_class(
        "Armed men on motorbikes seized a vehicle belonging to the militia.",
        LootingPropertyDestruction,
    );
    assert_class(
        "Soldiers seized food supplies hidden by the rebels near the river.",
        LootingPropertyDestruction,
    );
}

#[test]
fn forces_operation_is_a_clash_candidate_not_a_change_of_activity() {
    // The operation goes after an armed group; the casualties reported next belong to it.
    assert_class(
        "Military police carried out an operation in the hillside district.",
        ArmedClash,
    );
}

#[test]
fn a_new_base_installed_is_a_base_established_whatever_it_answers() {
    assert_class(
        "Peacekeepers installed a new temporary base in the village to protect civilians \
         after clashes between the militias.",
        HeadquartersOrBaseEstablished,
    );
}

#[test]
fn grenades_with_gunfire_between_armed_men_are_a_clash() {
    assert_class(
        "Gunmen in two cars attacked a police patrol with grenades and firearms.",
        ArmedClash,
    );
    // Grenades and guns turned on civilians are one-sided: no clash.
    let best =
        best_class("A gunman threw a grenade at civilians in the market and opened fire on them.");
    assert_ne!(best, Some(ArmedClash));
}

#[test]
fn a_grenade_dropped_from_a_drone_is_a_drone_strike() {
    assert_class(
        "Rebel forces dropped a grenade from a drone on the army trenches.",
        AirDroneStrike,
    );
}

#[test]
fn territory_taken_following_clashes_is_the_change_of_control() {
    assert_class(
        "Government soldiers recovered territory following a clash with the rebels near the lake.",
        GovernmentRegainsTerritory,
    );
    assert_class(
        "Troops seized rifles and ammunition following a clash with the gang.",
        DisruptedWeaponsUse,
    );
}

#[test]
fn a_cue_inside_its_trigger_phrase_is_read_without_panicking() {
    // Two entries overlap here (a riot act and the property it names): the cue starts inside
    // the trigger's own span, so there is no text between them.
    for sentence in [
        "On 3 June, suspected rebels vandalized the residence of the mayor and the clinic in Tamba (Tamba, Sud).",
        "Unknown men vandalized the house of the chief in the village.",
    ] {
        let scores = Classifier::embedded().classify_str(sentence);
        assert!(!scores.is_empty(), "{sentence:?} read as no event");
    }
}

#[test]
fn property_destroyed_by_armed_men_is_no_mob_violence() {
    assert_class(
        "A group of armed men set fire to two trucks of the logging company.",
        LootingPropertyDestruction,
    );
    assert_class(
        "Unknown men vandalized the office of the party in the town.",
        LootingPropertyDestruction,
    );
    assert_class(
        "Settlers cut down dozens of olive trees near the village.",
        LootingPropertyDestruction,
    );
    // A crowd of protesters doing it is still a riot.
    let best = best_class("Angry protesters vandalized the office of the party in the town.");
    assert_ne!(best, Some(LootingPropertyDestruction));
}

#[test]
fn explosives_that_killed_those_who_set_them_off_are_a_suicide_bombing() {
    assert_class(
        "Two fighters detonated explosives, killing themselves near the checkpoint.",
        SuicideBomb,
    );
}

#[test]
fn the_scene_of_an_earlier_attack_is_background() {
    assert_class(
        "Government forces captured three villages near the town that was the scene of a \
         deadly chemical weapons attack.",
        GovernmentRegainsTerritory,
    );
}

#[test]
fn fighting_a_deportation_is_no_battle() {
    let best =
        best_class("The woman has been fighting deportation for two years after a fraud case.");
    assert_ne!(best, Some(ArmedClash));
}

#[test]
fn civilians_fleeing_a_place_taken_leave_the_capture_as_the_event() {
    assert_class(
        "Government forces captured five villages, forcing thousands of residents to flee their homes.",
        GovernmentRegainsTerritory,
    );
}

#[test]
fn mines_destroyed_by_soldiers_are_weapons_kept_from_use() {
    assert_class(
        "Army engineers destroyed 40 mines and two roadside bombs near the road.",
        DisruptedWeaponsUse,
    );
}

#[test]
fn a_base_attacked_is_a_fighting_force() {
    assert_class(
        "Gunmen attacked a remote base in the hills at night.",
        ArmedClash,
    );
}

#[test]
fn armed_men_named_before_a_count_of_the_dead_are_its_victims() {
    // "three militants dead": the militants are the dead, not the killers.
    assert_class(
        "A police operation near the river left three militants dead.",
        ArmedClash,
    );
}

#[test]
fn fighters_surrendering_to_the_other_side_is_an_agreement() {
    assert_class(
        "A whole battalion of the rebel brigade surrendered to army units at the front on Monday.",
        Agreement,
    );
    assert_class(
        "More than eighty insurgents have surrendered to government troops in the eastern hills.",
        Agreement,
    );
    // Giving oneself up to the police is still an arrest.
    assert_class(
        "The fugitive surrendered to police in the capital on Tuesday.",
        Arrests,
    );
}

#[test]
fn a_mass_grave_found_is_another_development_not_a_killing() {
    assert_class(
        "Villagers found a mass grave holding the bodies of dozens of farmers killed by the militia.",
        Other,
    );
}

#[test]
fn a_side_driven_out_of_a_place_lost_it() {
    assert_class(
        "Troops drove the insurgents out of three villages in the north.",
        GovernmentRegainsTerritory,
    );
    assert_class(
        "Army units and allied militias pushed the rebels out of several hamlets near the lake.",
        GovernmentRegainsTerritory,
    );
}

#[test]
fn a_hedged_mention_does_not_argue_against_what_happened() {
    // The rallies are only expected: their negative cues no longer cancel the appointment.
    assert_class(
        "The militia announced it had appointed a new spokesman, in anticipation of rallies in the city.",
        ChangeToGroupActivity,
    );
}

#[test]
fn forces_deployed_are_a_troop_movement() {
    let scores = Classifier::embedded()
        .classify_str("The government deployed forces to the border town on Sunday.");
    let top = scores.first().expect("a class");
    assert_eq!(top.sub_event_type, ChangeToGroupActivity);
    assert!(
        top.cues.iter().any(|c| c.rule == "trigger:forces_movement"),
        "{:?}",
        top.cues
    );
}

#[test]
fn denying_the_blame_is_an_attribution() {
    assert_class(
        "The ministry denied its soldiers were behind the raid on the camp.",
        ClaimOfResponsibility,
    );
    assert_class(
        "The group denied any involvement in the hacking of the bank and urged the sanctions be lifted.",
        ClaimOfResponsibility,
    );
}

#[test]
fn a_missile_fired_by_warplanes_is_an_air_strike() {
    assert_class(
        "Warplanes fired two missiles at a farm outside the town on Sunday.",
        AirDroneStrike,
    );
    // Without aircraft, a missile is still a missile attack.
    assert_class(
        "Two missiles hit a farm outside the town on Sunday.",
        ShellingArtilleryMissileAttack,
    );
}

#[test]
fn a_bomb_placed_that_exploded_is_a_remote_explosive() {
    assert_class(
        "A bomb placed under a parked van exploded near the market, wounding four shoppers.",
        RemoteExplosive,
    );
}

#[test]
fn forces_controlling_an_entire_area_took_it() {
    assert_class(
        "Army units won a decisive battle on Tuesday by controlling the entire plateau east of the town.",
        GovernmentRegainsTerritory,
    );
}

#[test]
fn executions_told_in_an_offensive_are_an_attack_not_a_battle() {
    assert_class(
        "Troops executed two families of rebel fighters in the hamlet during an offensive against the rebels.",
        Attack,
    );
    // Fighting told without an execution stays a battle.
    assert_class(
        "Troops fought rebel fighters in the hamlet during an offensive against the rebels.",
        ArmedClash,
    );
}

#[test]
fn a_town_evacuated_and_surrendered_changed_hands() {
    assert_class(
        "The river suburb was evacuated by its fighters and surrendered to army control last spring.",
        NonViolentTransferOfTerritory,
    );
    // a surrender alone is an agreement
    assert_class(
        "Forty fighters of the militia surrendered to army units near the dam on Friday.",
        Agreement,
    );
}

#[test]
fn a_siege_told_as_a_standing_state_is_no_clash() {
    // The towns, the convoy and the front described: no fighting is told.
    for sentence in [
        "The hill villages, home to some 8000 people, have been under siege since 2014.",
        "The lorries were carrying flour and medicine to the rebel-besieged hill villages.",
        "Food prices have soared in two mountain towns which are besieged by militias.",
        "Thousands of families have moved across battle lines, aid agencies say.",
    ] {
        assert_eq!(best_class(sentence), None, "{sentence:?}");
    }
    // A siege laid, or fighting around a besieged town, is still a clash.
    assert_class(
        "Militia fighters besieged the hill village on Sunday.",
        ArmedClash,
    );
    assert_class(
        "Rebels clashed with troops on the edge of the besieged town.",
        ArmedClash,
    );
}

#[test]
fn safe_passage_granted_is_a_deal() {
    // The terms of an evacuation deal, told without the word "deal".
    assert_class(
        "About 300 fighters and their families were granted safe passage out of the hill town.",
        Agreement,
    );
}

#[test]
fn lives_a_blast_claimed_are_its_dead_not_a_claim_of_responsibility() {
    assert_ne!(
        best_class("The five-year war has claimed the lives of more than 300000 people."),
        Some(ClaimOfResponsibility)
    );
    assert_class(
        "Islamic State claimed the bombing of the market on Monday.",
        ClaimOfResponsibility,
    );
}
