//! One event told in two ways must read as one kind: the wordings that made two reports of one
//! strike, battle or capture read as different kinds. Texts written for these tests.

mod common;

use common::tops;
use sitrep_classify::Classifier;
use sitrep_model::{SubEventType, SubEventType::*};

fn top(text: &str) -> Option<SubEventType> {
    Classifier::embedded().best(text).map(|t| t.sub_event_type)
}

#[test]
fn the_dead_named_among_a_strike_toll_are_its_dead() {
    let text =
        "Warplanes struck a school compound in the hill village on Monday, killing 20 people. \
                A monitoring group gave the same death toll and said nine children and a teacher \
                were among those killed.";
    assert_eq!(tops(text)[1], Some(AirDroneStrike));
    // alone, nothing says how they died
    let alone = "A monitoring group gave the same death toll and said nine children and a teacher \
                 were among those killed.";
    assert_eq!(tops(alone)[0], Some(Attack));
}

#[test]
fn the_days_bombardment_after_air_strikes_is_those_strikes() {
    for day in ["Friday's", "Fridays"] {
        let text = format!(
            "Jets pounded three towns east of the city on Friday, killing 12 civilians. \
             The monitor said {day} bombardment raised to 30 the number killed in two days."
        );
        assert_eq!(tops(&text)[1], Some(AirDroneStrike), "{day}");
    }
    // a bombardment with no air strike told before it stays shelling
    let alone = "The monitor said Friday's bombardment raised to 30 the number killed in two days.";
    assert_eq!(tops(alone)[0], Some(ShellingArtilleryMissileAttack));
}

#[test]
fn fighting_for_control_is_a_clash_not_a_capture() {
    assert_eq!(
        top("For five days army units backed by jets have been battling for control of the river town."),
        Some(ArmedClash)
    );
    assert_eq!(
        top("The rebels and the militia fought for the control of the crossing all week."),
        Some(ArmedClash)
    );
    // the change of control told is a capture
    assert_eq!(
        top("The army took control of the river town after five days of fighting."),
        Some(GovernmentRegainsTerritory)
    );
}

#[test]
fn won_back_is_a_capture_and_the_sdf_is_no_state_force() {
    assert_eq!(
        top("The army won back the hill town from the rebels on Sunday."),
        Some(GovernmentRegainsTerritory)
    );
    assert_eq!(
        top("After days of battle the SDF won back the grain silos on the edge of the town."),
        Some(NonStateActorOvertakesTerritory)
    );
}

#[test]
fn rockets_fired_by_aircraft_are_an_air_strike() {
    assert_eq!(
        top("Rockets fired by government jets hit a hospital and a mosque in the city."),
        Some(AirDroneStrike)
    );
    assert_eq!(
        top("Helicopters fired rockets at the farms outside the village."),
        Some(AirDroneStrike)
    );
    assert_eq!(
        top("Rebels fired rockets at the city centre overnight."),
        Some(ShellingArtilleryMissileAttack)
    );
    // rockets merely named beside aircraft are not said to be theirs
    assert_eq!(
        top("The districts came under air force bombardment while rocket attacks killed five people in the west."),
        Some(ShellingArtilleryMissileAttack)
    );
}

#[test]
fn places_given_up_under_a_deal_changed_hands_without_a_fight() {
    assert_eq!(
        top("Local reconciliation deals have brought a dozen villages back under the control of the government."),
        Some(NonViolentTransferOfTerritory)
    );
    assert_eq!(
        top("Elders signed a reconciliation deal with the governor on Monday."),
        Some(Agreement)
    );
    // fighting told: a capture
    assert_eq!(
        top("The army retook the village after heavy fighting."),
        Some(GovernmentRegainsTerritory)
    );
}

#[test]
fn a_downed_pilot_does_not_disrupt_the_shelling_told() {
    assert_eq!(
        top("Government troops killed 30 people in the town in a shelling attack a day after a downed pilot was captured there."),
        Some(ShellingArtilleryMissileAttack)
    );
    assert_eq!(
        top("Rebels downed a helicopter over the valley."),
        Some(DisruptedWeaponsUse)
    );
}

#[test]
fn a_capture_told_as_an_aim_is_the_battle_for_it() {
    assert_eq!(
        top("Last month the militia began the final stage of a battle to expel the rebels from the valley."),
        Some(ArmedClash)
    );
    assert_eq!(
        top("Since March the army has been fighting to recapture the airport."),
        Some(ArmedClash)
    );
    assert_eq!(
        top("In June the army opened a campaign aimed at recapturing the eastern districts."),
        Some(ArmedClash)
    );
    // achieved, it is a capture
    assert_eq!(
        top("After a week the army managed to recapture the airport."),
        Some(GovernmentRegainsTerritory)
    );
}
