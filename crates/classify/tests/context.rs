//! Sentences read with the sentences around them (`Classifier::classify_sentences`), and the
//! evacuee-bus bombing: texts written for these tests.

mod common;

use common::tops;
use sitrep_classify::Classifier;
use sitrep_model::SubEventType;

#[test]
fn bombing_beside_aircraft_is_an_air_strike() {
    let text = "Government jets circled over the northern suburb before dawn. \
                The bombing flattened a bakery and killed four people.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    let alone = "The bombing flattened a bakery and killed four people.";
    assert_eq!(tops(alone)[0], Some(SubEventType::RemoteExplosive));
}

#[test]
fn raids_beside_aircraft_are_air_raids() {
    let text = "Government jets circled over the river town all morning. \
                Eleven civilians were killed in raids on its market.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    // an air strike told two sentences before: its raids told again
    let before = "An airstrike hit a school in the river town on Monday. \
                  The governor visited the scene. \
                  The raids killed eleven civilians.";
    assert_eq!(tops(before)[2], Some(SubEventType::AirDroneStrike));
    // with no aircraft around, raids stay a generic attack, and "raided" homes are no air raid
    let alone = "Eleven civilians were killed in raids on the market.";
    assert_eq!(tops(alone)[0], Some(SubEventType::Attack));
    let homes = "Government jets circled over the river town all morning. \
                 Gunmen raided homes and killed eleven civilians.";
    assert_eq!(tops(homes)[1], Some(SubEventType::Attack));
}

#[test]
fn bombing_beside_a_planted_bomb_stays_an_ied() {
    // "bombers" names aircraft, but the car bomb next to it says the bomb was planted.
    let text = "Police said the bombers had hidden a car bomb near the bakery. \
                The bombing killed four people.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
}

#[test]
fn the_attack_after_a_gas_attack_is_that_attack() {
    let text = "Doctors said a sarin attack hit the village of Tel Warda on Monday. \
                At least 30 people died in the village. \
                Medics said the attack overwhelmed the only clinic.";
    let t = tops(text);
    assert_eq!(t[0], Some(SubEventType::ChemicalWeapon));
    assert_eq!(t[1], Some(SubEventType::ChemicalWeapon));
    assert_eq!(t[2], Some(SubEventType::ChemicalWeapon));
    // Without the gas attack before it, the same sentence is a generic attack.
    assert_eq!(
        tops("At least 30 people died in the village.")[0],
        Some(SubEventType::Attack)
    );
}

#[test]
fn a_strike_after_a_gas_attack_keeps_its_kind() {
    let text = "Doctors said a sarin attack hit the village of Tel Warda on Monday. \
                The retaliatory strike on the airfield targeted the air force commanders.";
    assert_ne!(tops(text)[1], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn symptoms_name_a_chemical_attack() {
    let text = "Survivors of the attack were foaming at the mouth and had constricted pupils.";
    assert_eq!(tops(text)[0], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn a_blast_among_evacuee_buses_is_no_transfer() {
    let text = "A bomb went off beside the buses carrying the evacuees, killing dozens.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "The guards who escorted the buses were also killed.";
    assert_ne!(
        tops(text)[0],
        Some(SubEventType::NonViolentTransferOfTerritory)
    );
}

#[test]
fn an_air_force_bombing_is_an_air_strike() {
    let text = "Four shops burned after regime bombing of the old market.";
    assert_eq!(tops(text)[0], Some(SubEventType::AirDroneStrike));
    let text = "Dozens died in the bombing campaign on the valley towns.";
    assert_eq!(tops(text)[0], Some(SubEventType::AirDroneStrike));
}

#[test]
fn the_bombing_after_an_air_strike_is_that_strike() {
    let text = "An air raid hit the grain silo on Sunday. \
                The mayor asked for generators. \
                The bombing took place at the edge of the town.";
    assert_eq!(tops(text)[2], Some(SubEventType::AirDroneStrike));
    // A suicide bombing told before it keeps the bombing an explosion on the ground.
    let text = "A suicide bomber drove a truck into the gate on Sunday. \
                An air raid hit the grain silo later. \
                The mayor asked for generators. \
                The bombing took place at the edge of the town.";
    assert_ne!(tops(text)[3], Some(SubEventType::AirDroneStrike));
}

#[test]
fn a_suicide_blast_is_a_suicide_bombing() {
    let text = "A suicide blast near the depot killed nine guards.";
    assert_eq!(tops(text)[0], Some(SubEventType::SuicideBomb));
}

#[test]
fn a_bomb_that_targets_a_bus_is_no_accident() {
    let text = "A bomb targeted a minibus full of pilgrims on the ring road.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "A gas cylinder exploded on the minibus, injuring four pilgrims.";
    assert_eq!(tops(text)[0], Some(SubEventType::ManMadeDisaster));
}

#[test]
fn rubble_after_a_strike_is_its_aftermath() {
    let text = "Warplanes struck the clinic in the old town on Friday. \
                Rescuers dug two nurses out of the rubble.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    assert_eq!(
        tops("Rescuers dug two nurses out of the rubble.")[0],
        Some(SubEventType::ManMadeDisaster)
    );
    // A bomb on a bus with no rescue told is an event of its own.
    let text = "Warplanes struck the clinic in the old town on Friday. \
                A bomb went off on a bus carrying workers to the plant.";
    assert_ne!(tops(text)[1], Some(SubEventType::AirDroneStrike));
}

#[test]
fn the_dead_among_a_strike_toll_are_its_dead() {
    // the dead counted among the toll just told are that air strike's
    let text = "Jets struck the market of the hill town at noon on Friday. \
                Medics said four women were among the 17 civilians killed.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
}

#[test]
fn the_bomber_alone_is_no_aircraft() {
    // "the bomber" is the man who set off the bomb; bomber aircraft are named as such.
    let text =
        "Witnesses said the bomber rode up on a scooter and attacked the queue at the mosque gate.";
    let t = Classifier::embedded().classify_str(text);
    assert!(t
        .iter()
        .all(|x| x.sub_event_type != SubEventType::AirDroneStrike));
    let t = Classifier::embedded().classify_str("Heavy bombers pounded the ridge overnight.");
    assert_eq!(t[0].sub_event_type, SubEventType::AirDroneStrike);
}

#[test]
fn a_suicide_car_bomber_is_no_aircraft() {
    let text = "Officials said the raid on the gate was carried out by a suicide car bomber.";
    let t = Classifier::embedded().classify_str(text);
    assert_eq!(t[0].sub_event_type, SubEventType::SuicideBomb);
    assert!(t
        .iter()
        .all(|x| x.sub_event_type != SubEventType::AirDroneStrike));
}

#[test]
fn bodies_and_a_blast_among_evacuee_buses_are_the_bombing() {
    // the deal the buses travel under counts no more than the buses
    let text = "Rescue workers said they removed at least 40 bodies after Sunday's blast, which \
                hit buses carrying families out of the valley under an evacuation deal.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "Television showed bodies lying beside the buses.";
    assert_ne!(
        tops(text)[0],
        Some(SubEventType::NonViolentTransferOfTerritory)
    );
}

#[test]
fn a_blast_at_an_evacuation_is_a_bombing_not_an_accident() {
    let text = "A blast went off near a bus convoy evacuating families from the besieged villages.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    // a plant that explodes and burns, its area evacuated, stays an accident
    let text = "A fertiliser plant exploded and the fire spread; the whole district was evacuated.";
    assert_eq!(tops(text)[0], Some(SubEventType::ManMadeDisaster));
}

#[test]
fn chemicals_used_in_an_attack_make_it_a_chemical_attack() {
    let text = "Toxic substances were used in the attack on the hill village, which left 30 dead.";
    assert_eq!(tops(text)[0], Some(SubEventType::ChemicalWeapon));
    // tear gas at a protest is no chemical weapon
    let text = "Police fired tear gas at the protesters, and several were injured and choking.";
    assert_ne!(tops(text)[0], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn the_attack_after_a_bombing_is_that_bombing() {
    let text = "A car bomb exploded beside the bus station on Sunday. \
                The attack killed nine passengers.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
    // its dead, told with no verb of their own
    let text = "A car bomb exploded beside the bus station on Sunday. \
                Most of the dead were traders from the market.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
    // shelling told between: the attack is the shelling's, not the bombing's
    let text = "A car bomb exploded beside the bus station on Sunday. \
                Artillery shelled the northern villages at noon. \
                The attack killed nine farmers.";
    assert_ne!(tops(text)[2], Some(SubEventType::RemoteExplosive));
    // a killing that is no anaphor stays what it is
    let text = "A car bomb exploded beside the bus station on Sunday. \
                Gunmen shot dead a shopkeeper in the old town.";
    assert_ne!(tops(text)[1], Some(SubEventType::RemoteExplosive));
}

#[test]
fn a_truck_bomb_is_a_bomb_not_a_road_accident() {
    let text = "A truck bomb exploded near the police headquarters, killing eleven people.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "Rebels sent an explosives-laden lorry into the western district.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
}

#[test]
fn a_headline_attack_told_next_as_a_bombing_is_that_bombing() {
    let text = "Nine killed in terrorist attack on river town. \
                A car bomb went off outside the mayor's office on Tuesday, killing nine people.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    // not a later attack told before a bombing
    let text = "Troops shelled the northern villages on Monday. \
                Gunmen attacked a checkpoint at the bridge. \
                A car bomb went off outside the mayor's office on Tuesday.";
    assert_ne!(tops(text)[1], Some(SubEventType::RemoteExplosive));
}

#[test]
fn smoke_after_a_strike_is_its_aftermath() {
    let text = "Warplanes struck the grain market in the river town on Friday. \
                Video showed thick smoke rising over the square.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    assert_eq!(
        tops("Video showed thick smoke rising over the square.")[0],
        Some(SubEventType::ManMadeDisaster)
    );
}

#[test]
fn the_attack_after_an_air_strike_is_that_strike() {
    let text = "Warplanes struck the grain market in the river town on Friday. \
                The charity said the attack left the clinic without power.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    // "an attack" may be another one
    let text = "Warplanes struck the grain market in the river town on Friday. \
                Gunmen carried out an attack on the clinic and killed two nurses.";
    assert_ne!(tops(text)[1], Some(SubEventType::AirDroneStrike));
}

#[test]
fn a_sniper_shooting_locals_is_an_attack() {
    let text = "A sniper posted on a rooftop shot at the locals of the market quarter, \
                leaving two dead.";
    assert_eq!(tops(text)[0], Some(SubEventType::Attack));
}

#[test]
fn a_blast_that_kills_on_a_bus_is_a_bombing() {
    let text = "A blast ripped through a bus near the old souk, killing five passengers.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "A bomb tore apart a minibus carrying pilgrims to the shrine.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    let text = "The governor said the bomb was placed inside a bus taking workers to a factory.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    // accidents stay accidents
    let text = "A paint factory exploded on Monday, killing six workers.";
    assert_eq!(tops(text)[0], Some(SubEventType::ManMadeDisaster));
    let text = "A bus collided with a truck on the mountain road, killing nine people.";
    assert_eq!(tops(text)[0], Some(SubEventType::ManMadeDisaster));
}

#[test]
fn a_claimed_bombing_beside_aircraft_is_no_air_raid() {
    let text = "Helicopters circled over the capital all morning. \
                A bomb claimed by the rebel front tore apart a minibus in the centre.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
}

#[test]
fn firefighters_after_a_bombing_are_its_aftermath() {
    let text = "A car bomb exploded outside the bakery on Friday. \
                Firefighters battled to extinguish the blaze for hours.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
    // people trapped by a siege are no aftermath of a strike
    let text = "Warplanes struck the grain market in the river town on Friday. \
                Thousands of families remain trapped in the besieged quarter.";
    assert_ne!(tops(text)[1], Some(SubEventType::AirDroneStrike));
}

#[test]
fn rubble_far_into_a_bombing_story_is_its_aftermath() {
    let text = "A car bomb exploded outside the bakery on Friday. \
                The governor called an emergency meeting. \
                Schools were closed for the day. \
                The interior minister cut short a visit abroad. \
                Smoke still rose from the rubble at dusk.";
    assert_eq!(tops(text)[4], Some(SubEventType::RemoteExplosive));
    // a story that opens with no strike or bombing keeps a collapse a disaster
    let text = "The council met to discuss the new budget on Friday. \
                The governor called an emergency meeting. \
                Schools were closed for the day. \
                The interior minister cut short a visit abroad. \
                Smoke still rose from the rubble at dusk.";
    assert_eq!(tops(text)[4], Some(SubEventType::ManMadeDisaster));
}

#[test]
fn the_bombing_far_after_an_air_raid_is_that_raid() {
    let text = "Jets struck the grain silo of the river town on Sunday. \
                The mayor asked for generators. \
                Aid groups sent blankets to the camps. \
                Teachers closed the schools for a week. \
                An official said the bombing was a warning to the town.";
    assert_eq!(tops(text)[4], Some(SubEventType::AirDroneStrike));
    // "a bombing" may be another one
    let text = "Jets struck the grain silo of the river town on Sunday. \
                The mayor asked for generators. \
                Aid groups sent blankets to the camps. \
                Teachers closed the schools for a week. \
                An official said a bombing was a warning to the town.";
    assert_eq!(tops(text)[4], Some(SubEventType::RemoteExplosive));
    // a planted bomb told before it keeps it a bombing on the ground
    let text = "A car bomb went off outside the mayor's office on Saturday. \
                Jets struck the grain silo of the river town on Sunday. \
                The mayor asked for generators. \
                Aid groups sent blankets to the camps. \
                Teachers closed the schools for a week. \
                An official said the bombing was a warning to the town.";
    assert_eq!(tops(text)[5], Some(SubEventType::RemoteExplosive));
}

#[test]
fn people_trapped_after_a_bombing_are_its_aftermath() {
    let text = "A car bomb went off beside the bus station of the river town on Monday. \
                Witnesses said the blasts flattened two shops and several people were trapped \
                under the rubble.";
    assert_eq!(tops(text)[1], Some(SubEventType::RemoteExplosive));
}

#[test]
fn a_car_that_blew_up_is_a_car_bomb() {
    let text = "Television said the car blew up near the police post on the main road.";
    assert_eq!(tops(text)[0], Some(SubEventType::RemoteExplosive));
    // blowing up a bridge destroys property
    let text = "Militants blew up the old bridge over the river at night.";
    assert_eq!(
        tops(text)[0],
        Some(SubEventType::LootingPropertyDestruction)
    );
}

#[test]
fn the_shelling_in_a_story_of_air_strikes_is_those_strikes() {
    let text = "Coalition airstrikes killed dozens of villagers near the river town on Monday. \
                A spokesman said they had seen reports that people were killed as a result of the \
                shelling.";
    assert_eq!(tops(text)[1], Some(SubEventType::AirDroneStrike));
    // shelling told before it in words of its own stays shelling
    let text = "Army mortars hit the market of the river town on Sunday. \
                Coalition airstrikes killed dozens of villagers near the town on Monday. \
                A spokesman said people were killed as a result of the shelling.";
    assert_eq!(
        tops(text)[2],
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
    // a gun named is shelling
    let text = "Coalition airstrikes killed dozens of villagers near the river town on Monday. \
                The artillery shelling of the town went on until dawn.";
    assert_eq!(
        tops(text)[1],
        Some(SubEventType::ShellingArtilleryMissileAttack)
    );
}

#[test]
fn raids_after_the_rubble_of_an_air_strike_are_those_air_raids() {
    // the rubble sentence between takes the strike's kind but names no aircraft
    let text = "Airstrikes hit a school complex in the river town on Wednesday. \
                Rescue workers dug through the rubble of two classrooms. \
                The raids hit the town around noon, a teacher said.";
    assert_eq!(tops(text)[2], Some(SubEventType::AirDroneStrike));
}

#[test]
fn the_dead_told_after_an_air_strike_are_its_dead() {
    // The toll told in the passive, or the bodies, right after an air strike: that air strike.
    let text = "Warplanes struck the market of the river town on Monday. \
                Nine people were also killed in the northern district. \
                Relatives tried to identify the bodies of the victims.";
    let read = tops(text);
    assert_eq!(read[1], Some(SubEventType::AirDroneStrike));
    assert_eq!(read[2], Some(SubEventType::AirDroneStrike));
    // Someone named killing is a killing of its own.
    let gunmen = "Warplanes struck the market of the river town on Monday. \
                  Gunmen killed two farmers in the northern district.";
    assert_eq!(tops(gunmen)[1], Some(SubEventType::Attack));
}

#[test]
fn a_war_toll_told_after_an_air_strike_is_no_part_of_it() {
    let text = "Warplanes struck the market of the river town on Monday. \
                More than 9000 people have been killed in the province since the war began.";
    assert_ne!(tops(text)[1], Some(SubEventType::AirDroneStrike));
}

#[test]
fn a_toll_headline_before_an_air_strike_is_its_headline() {
    let text = "Massacre in the river town, 30 killed. \
                Warplanes struck the market of the river town on Monday.";
    assert_eq!(tops(text)[0], Some(SubEventType::AirDroneStrike));
    // A lead telling who killed tells a killing of its own.
    let gunmen = "Troops shot dead 30 villagers in the river town. \
                  Warplanes struck the market of the river town on Monday.";
    assert_eq!(tops(gunmen)[0], Some(SubEventType::Attack));
}

#[test]
fn a_chemical_attack_named_as_a_pretext_is_no_attack() {
    let warning = "The ministry said militants were moving toxic chemicals into the town to \
                   create a pretext for accusing the army of a gas attack.";
    assert_ne!(tops(warning)[0], Some(SubEventType::ChemicalWeapon));
    let provocation = "The general staff warned of a provocation with sarin planned by the \
                       militants in the northern province.";
    assert_ne!(tops(provocation)[0], Some(SubEventType::ChemicalWeapon));
    // the attack itself told with its dead stays the attack
    let report = "The opposition accused the army of gassing the suburb, killing dozens on \
                  Wednesday, and called it a provocation.";
    assert_eq!(tops(report)[0], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn a_chemical_weapons_programme_and_its_control_are_no_attack() {
    for told in [
        "The government agreed to destroy its chemical weapons under a deal brokered by two \
         powers.",
        "The country joined the Chemical Weapons Convention and handed over its arsenal in \
         2014.",
        "The president called any use of chemical weapons by the army a red line.",
        "Last year the watchdog said all chemical weapons in the country had been shipped out.",
    ] {
        assert_ne!(tops(told)[0], Some(SubEventType::ChemicalWeapon), "{told}");
    }
    // an attack told beside the programme stays the attack
    let attack = "A year after the stockpile was destroyed, a chlorine attack on the hill town \
                  killed 12 people.";
    assert_eq!(tops(attack)[0], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn toxic_chemicals_carried_are_no_chemical_attack() {
    let carried =
        "The army said the militants were transporting toxic chemicals to the border town.";
    assert_ne!(tops(carried)[0], Some(SubEventType::ChemicalWeapon));
    // used in an attack they make it a chemical attack
    let used = "Toxic chemicals in the shells fired at the town killed six people.";
    assert_eq!(tops(used)[0], Some(SubEventType::ChemicalWeapon));
}

#[test]
fn an_attack_told_with_its_gas_in_a_gas_attack_story_is_that_attack() {
    let text = "A chlorine attack on the hill town killed 40 people on Sunday. \
                Early tests on victims of an attack that killed dozens in the hill town \
                point to possible exposure to sarin, the health ministry said.";
    assert_eq!(tops(text)[1], Some(SubEventType::ChemicalWeapon));
    // Told alone, the hedged gas does not outweigh the attack.
    let alone = "Early tests on victims of an attack that killed dozens in the hill town \
                 point to possible exposure to sarin, the health ministry said.";
    assert_eq!(tops(alone)[0], Some(SubEventType::Attack));
}

#[test]
fn talks_derailed_and_video_shot_in_a_gas_attack_story_are_that_attack() {
    let text = "A sarin attack hit the hill town of Tel Warda on Monday, killing 40 people. \
                Officials said the attack could derail the talks. \
                A video purportedly shot in the town showed the attack on the market.";
    let t = tops(text);
    assert_eq!(t[1], Some(SubEventType::ChemicalWeapon));
    assert_eq!(t[2], Some(SubEventType::ChemicalWeapon));
    // A train that derails is still an accident, and a man shot in the town still gunfire.
    assert_eq!(
        tops("A freight train derailed near the river town, killing two workers.")[0],
        Some(SubEventType::ManMadeDisaster)
    );
    assert_ne!(
        tops("A man was shot in the town market on Monday.")[0],
        Some(SubEventType::ChemicalWeapon)
    );
}

#[test]
fn the_dead_of_a_bombing_lead_told_far_on_are_its_dead() {
    let text = "A car bomb tore through the crowded market in the river town on Friday, \
                killing 60 people, medics said. \
                The governor said the number was expected to rise. \
                The market had reopened only a week ago. \
                Traders had returned from the capital for the holiday. \
                Those killed were mostly traders from the nearby villages. \
                The bus station lies a few miles from where the attack took place.";
    let t = tops(text);
    assert_eq!(t[0], Some(SubEventType::RemoteExplosive));
    assert_eq!(t[4], Some(SubEventType::RemoteExplosive));
    assert_eq!(t[5], Some(SubEventType::RemoteExplosive));
    // With a gun battle told between, the dead may be that battle's.
    let battle = "A car bomb tore through the crowded market in the river town on Friday, \
                  killing 60 people, medics said. \
                  Soldiers clashed with rebels in the hills on Saturday. \
                  The market had reopened only a week ago. \
                  Traders had returned from the capital for the holiday. \
                  Those killed were mostly traders from the nearby villages.";
    assert_ne!(tops(battle)[4], Some(SubEventType::RemoteExplosive));
}

#[test]
fn aircraft_that_ferried_troops_struck_nothing() {
    let text = "On March 2 American helicopters ferried troops behind rebel lines near the dam.";
    assert_ne!(tops(text)[0], Some(SubEventType::AirDroneStrike));
    let strike = "On March 2 American helicopters struck rebel lines near the dam.";
    assert_eq!(tops(strike)[0], Some(SubEventType::AirDroneStrike));
}
