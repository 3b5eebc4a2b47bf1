//! Table-driven checks of the distinctions the ACLED codebook draws, on sentences written
//! for these tests.

use sitrep_classify::Classifier;
use sitrep_model::SubEventType::{self, *};

const CASES: &[(&str, SubEventType)] = &[
    // Armed groups fighting each other clash; a crowd's rivals riot.
    (
        "Six people were killed in a gunfight between rival factions of the cartel on Monday.",
        ArmedClash,
    ),
    (
        "Supporters of two rival parties fought with sticks outside the market.",
        MobViolence,
    ),
    // Strikes that killed or hit a place are air strikes told without their aircraft, even
    // when the dead are civilians; a walkout stays a protest.
    (
        "Nineteen people including four children died in intense strikes on the old market.",
        AirDroneStrike,
    ),
    (
        "Coalition strikes killed 14 civilians in two villages east of the river on Monday.",
        AirDroneStrike,
    ),
    (
        "Teachers went on strike in the capital to demand the payment of their salaries.",
        PeacefulProtest,
    ),
    // An aerial assault is bombing from the air.
    (
        "The rebel suburb came under a heavy aerial assault on Thursday night.",
        AirDroneStrike,
    ),
    // An event named as what another avenges is its motive: the rockets are reported.
    (
        "The militia said its rocket barrage on the port was in revenge for airstrikes on its bases.",
        ShellingArtilleryMissileAttack,
    ),
    // Direct and indirect fire together is a clash; indirect fire alone is shelling.
    (
        "The militia fired mortars, grenade launchers and small arms at the army trenches.",
        ArmedClash,
    ),
    (
        "The militia fired mortars and grenade launchers at the army trenches.",
        ShellingArtilleryMissileAttack,
    ),
    // Grievances and background events do not type the protest.
    (
        "Relatives gathered outside the court and demanded the immediate release of activists \
         who were detained at a rally.",
        PeacefulProtest,
    ),
    (
        "Residents held a pot-banging protest against the release of inmates, after riots in the \
         prisons the previous week.",
        PeacefulProtest,
    ),
    // Burnt effigies and "looted funds" are a protest's symbols and grievances.
    (
        "Students burnt an effigy of the governor outside the college gate.",
        PeacefulProtest,
    ),
    (
        "Pensioners protested outside the bank, demanding the recovery of looted funds.",
        PeacefulProtest,
    ),
    (
        "Residents protested the lockdown rules that limit the mobility of traders.",
        PeacefulProtest,
    ),
    // Only an intervention in the protest makes it a protest with intervention.
    (
        "Officers of the police intervention unit protested outside the directorate over their \
         working hours.",
        PeacefulProtest,
    ),
    (
        "Taxi drivers protested against the lockdown, which has prevented them from working.",
        PeacefulProtest,
    ),
    (
        "Farmers protested to demand the release of their leader, held under house arrest since \
         Monday.",
        PeacefulProtest,
    ),
    // Strategic developments are the residue: violence told with a curfew, a signed message
    // or a new leader is the violent event.
    (
        "Police beat a man to death for breaking the curfew.",
        Attack,
    ),
    (
        "Gunmen killed a trader and left a message signed by a criminal group.",
        Attack,
    ),
    // An attack on a village is violence against civilians; fighting in a village is not.
    ("Militants attacked the village at dawn.", Attack),
    (
        "Rebels attacked an army base in the village, killing two soldiers.",
        ArmedClash,
    ),
    // Stone-throwing by a group is mob violence, not an organised attack.
    (
        "A group of men threw stones at a shopkeeper and injured him.",
        MobViolence,
    ),
    // Force on protesters the text calls peaceful is excessive force.
    (
        "Soldiers opened fire on peaceful demonstrators in the square, killing three.",
        ExcessiveForceAgainstProtesters,
    ),
    // "seized a" is not a weapons find: a village seized is territory, a vehicle seized looting.
    (
        "Militants seized a village near the border on Friday.",
        NonStateActorOvertakesTerritory,
    ),
    (
        "Gunmen seized a vehicle belonging to a local councillor.",
        LootingPropertyDestruction,
    ),
    // Heavy fire in both directions is a clash; guns fired at an area from afar are shelling.
    (
        "Monitors counted 40 explosions and projectiles fired in both directions along the front.",
        ArmedClash,
    ),
    (
        "The militia fired heavy machine guns at residential areas of the town.",
        ShellingArtilleryMissileAttack,
    ),
    // Militias that clash over land fight each other: an armed clash.
    (
        "Two ethnic militias clashed over a land dispute near the river.",
        ArmedClash,
    ),
    // A single soldier killed is a member of an armed force: a clash, not an attack.
    ("Insurgents shot dead a soldier on the road.", ArmedClash),
    // Fire bombs thrown by a crowd are a riot, not a grenade attack; rioters demonstrate.
    (
        "A group of men threw petrol bombs at a parked bus.",
        MobViolence,
    ),
    (
        "Rioters hurled stones and firecrackers at the bank branch.",
        ViolentDemonstration,
    ),
    // Weapons found, seized or cleared are a disrupted use, whatever weapon is named.
    (
        "Police found two rifles and a grenade launcher in the farmhouse.",
        DisruptedWeaponsUse,
    ),
    (
        "Army engineers cleared more than 2,000 landmines from the fields.",
        DisruptedWeaponsUse,
    ),
    // Without permission is not yet an intervention; breaking up a protest is.
    (
        "Hundreds joined an unauthorised march through the city centre.",
        PeacefulProtest,
    ),
    (
        "Police broke up the unauthorised rally in the square.",
        ProtestWithIntervention,
    ),
    (
        "Customs officers broke up a heroin smuggling ring at the port.",
        OrganisedCrime,
    ),
    // The claim is the news of a sentence that claims an attack.
    (
        "The group took credit for the suicide bombing that killed ten people.",
        ClaimOfResponsibility,
    ),
    // Security measures and patrols change what a group does; the pandemic behind them is
    // not a disaster event.
    (
        "The governorship announced the mandatory use of face masks to curb the coronavirus \
         outbreak.",
        ChangeToGroupActivity,
    ),
    (
        "Russian and Turkish troops conducted a joint patrol along the border.",
        ChangeToGroupActivity,
    ),
    // A protest about a death or a curfew is a protest; blocking a railway is a protest act.
    (
        "Nurses demonstrated outside the hospital to report the death of a colleague.",
        PeacefulProtest,
    ),
    (
        "Tour operators protested against the new curfew rules.",
        PeacefulProtest,
    ),
    (
        "Students blocked the railway line to reject the exam results.",
        PeacefulProtest,
    ),
    // Abducted and killed is the killing; an arson attack destroys property.
    (
        "Gunmen kidnapped a trader and killed him the next day.",
        Attack,
    ),
    (
        "Unknown people carried out an arson attack on the empty school building.",
        LootingPropertyDestruction,
    ),
    // Who fires says little about whom: militants firing on a passing car of civilians attack.
    (
        "Militants carried out a drive-by shooting attack on a family car near the town.",
        Attack,
    ),
    (
        "Soldiers opened fire on a motorist who tried to avoid the checkpoint.",
        Attack,
    ),
    // A suspect killed with no exchange of fire told is an attack; "suspected" militants
    // attacking an army post is still a clash.
    (
        "A drug suspect was killed during a police raid on his home.",
        Attack,
    ),
    (
        "Suspected militants attacked an army position, wounding one soldier.",
        ArmedClash,
    ),
    // A shelling exchange is a clash.
    (
        "A shelling exchange with heavy machine guns went on between the two armies near the \
         border.",
        ArmedClash,
    ),
    // Warning shots hit no one: neither an attack nor a clash.
    (
        "Border guards fired warning shots into the air as herders crossed the line.",
        Other,
    ),
    // Forces sent somewhere after fighting change what a group does.
    (
        "Coalition forces deployed to the entrances of the town after recent fighting there.",
        ChangeToGroupActivity,
    ),
    (
        "Demonstrators threw bottles at the police outside the ministry.",
        ViolentDemonstration,
    ),
    // A place taken after the other side withdrew changed hands without violence.
    (
        "The militia took control of the town after the army withdrew from it.",
        NonViolentTransferOfTerritory,
    ),
    // A month is not a march.
    (
        "On 4 March 2021, gunmen shot dead a trader near the market.",
        Attack,
    ),
    (
        "Hundreds of students marched to the ministry in early March.",
        PeacefulProtest,
    ),
    // Air/drone strike vs shelling vs remote explosive vs suicide bomb vs grenade vs chemical.
    (
        "Government warplanes struck a market in the town, killing four people.",
        AirDroneStrike,
    ),
    (
        "A drone hit a car carrying two commanders near the border.",
        AirDroneStrike,
    ),
    (
        "Helicopter gunships attacked rebel positions in the hills.",
        AirDroneStrike,
    ),
    (
        "The village was bombed from the air for the third day.",
        AirDroneStrike,
    ),
    (
        "The army shelled the southern neighbourhoods overnight.",
        ShellingArtilleryMissileAttack,
    ),
    (
        "Militants fired 120mm mortars at the base.",
        ShellingArtilleryMissileAttack,
    ),
    (
        "Insurgents attacked the town with mortars.",
        ShellingArtilleryMissileAttack,
    ),
    (
        "A ballistic missile was launched towards the capital.",
        ShellingArtilleryMissileAttack,
    ),
    (
        "Tank fire hit houses on the edge of the village.",
        ShellingArtilleryMissileAttack,
    ),
    ("An IED exploded next to a police vehicle.", RemoteExplosive),
    (
        "A landmine killed a shepherd grazing his flock.",
        RemoteExplosive,
    ),
    (
        "A car bomb went off outside the governor's office.",
        RemoteExplosive,
    ),
    ("An explosion shook the market at midday.", RemoteExplosive),
    (
        "A suicide bomber detonated his vest among worshippers.",
        SuicideBomb,
    ),
    (
        "The attacker blew himself up at the gate of the base.",
        SuicideBomb,
    ),
    (
        "A suicide car bomb rammed into the army checkpoint.",
        SuicideBomb,
    ),
    (
        "Two men threw a hand grenade at the police station.",
        Grenade,
    ),
    (
        "Dozens were treated for breathing problems after a toxic gas attack.",
        ChemicalWeapon,
    ),
    (
        "Inspectors confirmed sarin was used in the strike on the town.",
        ChemicalWeapon,
    ),
    // Battles.
    (
        "Rebels and soldiers exchanged fire for several hours.",
        ArmedClash,
    ),
    (
        "Heavy fighting broke out between the two militias.",
        ArmedClash,
    ),
    (
        "Militants attacked positions of the army near the dam.",
        ArmedClash,
    ),
    (
        "Insurgents ambushed an army convoy, killing five soldiers.",
        ArmedClash,
    ),
    (
        "The army recaptured the town from the insurgents.",
        GovernmentRegainsTerritory,
    ),
    (
        "Government forces regained control of the airport.",
        GovernmentRegainsTerritory,
    ),
    (
        "Troops liberated three villages in the north.",
        GovernmentRegainsTerritory,
    ),
    (
        "Rebels seized the town after the garrison fled.",
        NonStateActorOvertakesTerritory,
    ),
    (
        "Militants took control of two villages on the highway.",
        NonStateActorOvertakesTerritory,
    ),
    (
        "Jihadists overran the military outpost.",
        NonStateActorOvertakesTerritory,
    ),
    // Violence against civilians.
    ("Gunmen shot dead a farmer in his field.", Attack),
    (
        "Armed men attacked villagers and killed six civilians.",
        Attack,
    ),
    (
        "The body of a teacher was found dead, apparently executed.",
        Attack,
    ),
    (
        "Gunmen kidnapped a priest on his way home.",
        AbductionForcedDisappearance,
    ),
    (
        "Two activists went missing after being taken away by armed men.",
        AbductionForcedDisappearance,
    ),
    ("A girl was raped by soldiers at the camp.", SexualViolence),
    // Protests and riots.
    (
        "Hundreds of workers protested outside parliament over pensions.",
        PeacefulProtest,
    ),
    (
        "Students held a sit-in at the university gates.",
        PeacefulProtest,
    ),
    (
        "Residents held a rally demanding clean water.",
        PeacefulProtest,
    ),
    (
        "Police dispersed the protesters and detained ten of them.",
        ProtestWithIntervention,
    ),
    (
        "Police used tear gas to disperse a peaceful march.",
        ProtestWithIntervention,
    ),
    (
        "Police opened fire on protesters, killing three.",
        ExcessiveForceAgainstProtesters,
    ),
    (
        "Security forces killed protesters in the main square.",
        ExcessiveForceAgainstProtesters,
    ),
    (
        "Protesters threw stones at police and burned tyres.",
        ViolentDemonstration,
    ),
    (
        "Demonstrators clashed with police and vandalised shops.",
        ViolentDemonstration,
    ),
    (
        "Protesters set fire to a police station during the march.",
        ViolentDemonstration,
    ),
    (
        "Villagers pelted the officers with stones and smashed their car.",
        MobViolence,
    ),
    ("A mob lynched a man accused of theft.", MobViolence),
    ("A mob attacked the home of a local official.", MobViolence),
    // Strategic developments.
    (
        "The warring parties agreed to a ceasefire starting Monday.",
        Agreement,
    ),
    ("The two sides signed a prisoner exchange deal.", Agreement),
    ("Police arrested a journalist at his home.", Arrests),
    (
        "Security forces detained three suspects in a raid.",
        Arrests,
    ),
    (
        "Two armed factions merged to form a new group.",
        ChangeToGroupActivity,
    ),
    (
        "Dozens of fighters defected to the government side.",
        ChangeToGroupActivity,
    ),
    (
        "Engineers defused an IED planted under a bridge.",
        DisruptedWeaponsUse,
    ),
    (
        "Air defences intercepted a drone over the city.",
        DisruptedWeaponsUse,
    ),
    (
        "Police seized a weapons cache in an abandoned house.",
        DisruptedWeaponsUse,
    ),
    (
        "The militia set up a new base outside the town.",
        HeadquartersOrBaseEstablished,
    ),
    (
        "Armed men looted shops and torched houses.",
        LootingPropertyDestruction,
    ),
    (
        "Militants burned down the houses of villagers.",
        LootingPropertyDestruction,
    ),
    (
        "The fighters left their stronghold on buses under the deal.",
        NonViolentTransferOfTerritory,
    ),
    (
        "Rebels withdrew from the town and handed it over to the army.",
        NonViolentTransferOfTerritory,
    ),
    // Non-conflict classes.
    (
        "A drug cartel smuggled cocaine through the port.",
        OrganisedCrime,
    ),
    (
        "A strong earthquake struck the coastal province.",
        NaturalDisaster,
    ),
    ("Floods displaced thousands in the delta.", NaturalDisaster),
    (
        "A fire in a chemical factory killed nine workers.",
        ManMadeDisaster,
    ),
    (
        "A bus crash on the highway killed twelve passengers.",
        ManMadeDisaster,
    ),
    (
        "The foreign ministers held talks in Vienna on the dispute.",
        Diplomacy,
    ),
    (
        "The European Union imposed new sanctions on the government.",
        Diplomacy,
    ),
    (
        "The group claimed responsibility for the bombing.",
        ClaimOfResponsibility,
    ),
    // A blast that tore through a place is the event, over the talks told in a clause beside it.
    (
        "The blast ripped through a crowded bus station in the east of the city while negotiators \
         argued over the terms of the exchange.",
        RemoteExplosive,
    ),
    // Clashes, wars and protests erupt too: no disaster without a volcano, a quake or a disease.
    (
        "Fresh clashes erupted overnight on the southern edge of the river town.",
        ArmedClash,
    ),
    (
        "More than 9000 people have been killed since the conflict erupted in 2012.",
        Attack,
    ),
    (
        "Ash fell on the villages after the volcano erupted before dawn.",
        NaturalDisaster,
    ),
    // Storming a place is an assault, not a storm.
    (
        "Dozens of villagers were executed during the storming of the valley by the militants.",
        Attack,
    ),
];

/// Who acts and who is acted upon, read from word order, "by", and passive verbs.
const ROLES: &[(&str, SubEventType)] = &[
    (
        "Two policemen were shot dead by gunmen at a checkpoint.",
        ArmedClash,
    ),
    ("Gunmen shot dead two farmers at their gate.", Attack),
    ("Soldiers shot dead a farmer near the border.", Attack),
    (
        "Rebels recaptured the village from government forces.",
        NonStateActorOvertakesTerritory,
    ),
    (
        "The army recaptured the village from the rebels.",
        GovernmentRegainsTerritory,
    ),
    (
        "The town was seized by insurgents on Monday.",
        NonStateActorOvertakesTerritory,
    ),
    (
        "The troops withdrew from the airbase overnight.",
        ChangeToGroupActivity,
    ),
    (
        "Hundreds protested against the arrest of a journalist.",
        PeacefulProtest,
    ),
    (
        "Police arrested twenty protesters at the rally.",
        ProtestWithIntervention,
    ),
    (
        "The army fired mortars and small arms at rebel positions.",
        ArmedClash,
    ),
    (
        "The two armies exchanged artillery fire across the river.",
        ArmedClash,
    ),
    (
        "A roadside bomb was defused by army engineers.",
        DisruptedWeaponsUse,
    ),
    (
        "A gas cylinder explosion at a factory killed three workers.",
        ManMadeDisaster,
    ),
    (
        "Police seized rifles and ammunition from a house.",
        DisruptedWeaponsUse,
    ),
];

#[test]
fn actor_roles_and_context() {
    check(ROLES);
}

#[test]
fn codebook_distinctions() {
    check(CASES);
}

fn check(cases: &[(&str, SubEventType)]) {
    let c = Classifier::embedded();
    let mut failures = Vec::new();
    for &(sentence, expected) in cases {
        let scores = c.classify_str(sentence);
        let got = scores.first().map(|s| s.sub_event_type);
        if got != Some(expected) {
            let explained: Vec<String> = scores.iter().take(3).map(|s| s.explain()).collect();
            failures.push(format!(
                "{sentence:?}: expected {expected:?}, got {got:?}\n    {}",
                explained.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} wrong:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_combination_does_not_hold_where_a_barred_entry_fires() {
    let c = Classifier::embedded();
    let holds = |text: &str| {
        c.classify_str(text)
            .iter()
            .flat_map(|s| &s.cues)
            .any(|q| q.rule == "combination:weapons_taken")
    };
    assert!(holds("Soldiers found rifles and ammunition in the house."));
    assert!(!holds(
        "Soldiers clashed with the gang and found rifles and ammunition in the house."
    ));
}

#[test]
fn an_air_force_intelligence_officer_is_not_an_air_strike() {
    let c = Classifier::embedded();
    let best = c
        .best("Unidentified gunmen shot dead an officer of the air force intelligence in the town.")
        .unwrap();
    assert_ne!(best.sub_event_type, AirDroneStrike);
}

#[test]
fn an_executive_is_not_an_execution() {
    let c = Classifier::embedded();
    assert!(c
        .classify_str("The executive committee met in the capital on Thursday.")
        .iter()
        .all(|s| s.sub_event_type != Attack));
}

#[test]
fn event_type_follows_sub_event_type() {
    let c = Classifier::embedded();
    let s = c
        .best("Protesters threw stones at police and burned tyres.")
        .unwrap();
    assert_eq!(
        s.sub_event_type.event_type(),
        sitrep_model::EventType::Riots
    );
}

#[test]
fn first_strongest_event_wins_in_a_snippet() {
    let c = Classifier::embedded();
    let snippet = "Warplanes struck the market, killing eleven people. Residents later protested.";
    assert_eq!(c.best(snippet).unwrap().sub_event_type, AirDroneStrike);
}

#[test]
fn an_actor_named_as_agent_still_counts_in_full_as_target() {
    // The same entry ("fighters", "fighter") names both sides: the victim's mention is the
    // first in its role, not a repeat, so the victim being armed makes it a clash.
    let c = Classifier::embedded();
    let best = c
        .best("Rebel fighters shot dead a fighter of the militia near the bridge.")
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
}

#[test]
fn a_named_village_of_a_district_places_the_event() {
    // "Karam village of Dara district" says where; it is not the target of the attack.
    let c = Classifier::embedded();
    let best = c
        .best("Militants killed two soldiers in an attack on a post in the Karam village of Dara district.")
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
    // After the verb, "the village of" is what was attacked: its people.
    let best = c
        .best("Militants attacked the village of Karam in Dara district.")
        .unwrap();
    assert_eq!(best.sub_event_type, Attack);
}

#[test]
fn a_gang_handing_out_food_changes_its_activity() {
    // A gang named is no crime by itself: what it does here is relief, a change of activity.
    let c = Classifier::embedded();
    let best = c
        .best("Members of the drug cartel delivered food packages to poor families in the town.")
        .unwrap();
    assert_eq!(best.sub_event_type, ChangeToGroupActivity);
}

#[test]
fn a_gang_member_shot_by_armed_men_is_a_clash_between_armed_groups() {
    let c = Classifier::embedded();
    let best = c
        .best("An alleged gang member was shot dead by unidentified armed men in the market.")
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
}

#[test]
fn an_encounter_with_militants_is_a_clash() {
    // "Encounter" is how South Asian reports name a gunfight between forces and militants.
    let c = Classifier::embedded();
    let best = c
        .best("Police killed the commander of the outfit in an encounter near the orchard.")
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
}

#[test]
fn an_operation_against_an_armed_group_that_leaves_wounded_is_a_clash() {
    let c = Classifier::embedded();
    let best = c
        .best(
            "Police carried out an operation against drug traffickers in the port district. \
             Two suspects were shot and wounded.",
        )
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
}

#[test]
fn intelligence_officers_shot_dead_are_armed_targets() {
    // The NDS (Afghanistan's intelligence service) and a regime's intelligence officers are
    // state forces: gunmen killing them fought state forces, they did not attack civilians.
    let c = Classifier::embedded();
    for s in [
        "Two NDS members were shot dead by unknown gunmen near the bazaar.",
        "Unidentified gunmen shot dead a member of the regime's intelligence in the town.",
    ] {
        assert_eq!(c.best(s).unwrap().sub_event_type, ArmedClash, "{s}");
    }
}

#[test]
fn a_soldier_killed_off_duty_is_a_civilian_victim() {
    let c = Classifier::embedded();
    let best = c
        .best("Insurgents shot dead an off-duty soldier outside a shop in the town.")
        .unwrap();
    assert_eq!(best.sub_event_type, Attack);
}

#[test]
fn a_sit_in_or_a_road_blocked_with_stones_is_peaceful() {
    let c = Classifier::embedded();
    for s in [
        "Nurses barricaded themselves into the hospital office to protest unpaid wages.",
        "Residents blocked the highway using stones to protest against power cuts.",
    ] {
        assert_eq!(c.best(s).unwrap().sub_event_type, PeacefulProtest, "{s}");
    }
}

#[test]
fn a_thief_beaten_up_by_locals_is_mob_violence_not_force_against_protesters() {
    // "Beaten up" says nothing of protesters: force against protesters needs them named.
    let c = Classifier::embedded();
    let best = c
        .best("A suspected thief was beaten up by locals in the market.")
        .unwrap();
    assert_eq!(best.sub_event_type, MobViolence);
}

#[test]
fn forces_that_encountered_militants_fought_them() {
    let c = Classifier::embedded();
    let best = c
        .best("During an operation the army encountered insurgents in the hills and killed four.")
        .unwrap();
    assert_eq!(best.sub_event_type, ArmedClash);
}

#[test]
fn heads_or_a_body_found_tell_a_killing_not_a_weapons_find() {
    let c = Classifier::embedded();
    let best = c
        .best("Two human heads were found beside the highway with a threatening message.")
        .unwrap();
    assert_eq!(best.sub_event_type, Attack);
}
