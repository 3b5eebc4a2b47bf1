//! The ACLED event taxonomy (6 event types, 25 sub-event types, exact ACLED spellings)
//! plus the five non-conflict classes of CASE 2021 that keep noise out of the record.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// ACLED event type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    /// Battles.
    Battles,
    /// Explosions/Remote violence.
    ExplosionsRemoteViolence,
    /// Violence against civilians.
    ViolenceAgainstCivilians,
    /// Protests.
    Protests,
    /// Riots.
    Riots,
    /// Strategic developments.
    StrategicDevelopments,
    /// Not a conflict event (disaster, crime, diplomacy, attribution).
    NonConflict,
}

impl EventType {
    /// All ACLED event types (non-conflict excluded).
    pub const ACLED: [EventType; 6] = [
        EventType::Battles,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::Protests,
        EventType::Riots,
        EventType::StrategicDevelopments,
    ];

    /// ACLED spelling.
    pub fn acled_name(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::StrategicDevelopments => "Strategic developments",
            EventType::NonConflict => "Not a conflict event",
        }
    }

    /// Parse an ACLED spelling (case-insensitive).
    pub fn from_acled(name: &str) -> Option<EventType> {
        EventType::ACLED
            .into_iter()
            .chain([EventType::NonConflict])
            .find(|t| t.acled_name().eq_ignore_ascii_case(name.trim()))
    }

    /// ACLED `disorder_type` column.
    pub fn disorder_type(self) -> &'static str {
        match self {
            EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians => "Political violence",
            EventType::Protests | EventType::Riots => "Demonstrations",
            EventType::StrategicDevelopments => "Strategic developments",
            EventType::NonConflict => "",
        }
    }
}

macro_rules! sub_event_types {
    ($( $var:ident => $acled:literal, $case:literal, $etype:ident; )*) => {
        /// ACLED sub-event type, or a CASE 2021 non-conflict class.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum SubEventType {
            $(
                #[doc = $acled]
                $var,
            )*
        }

        impl SubEventType {
            /// Every class, ACLED's 25 first, then the 5 non-conflict classes.
            pub const ALL: [SubEventType; 30] = [$(SubEventType::$var,)*];

            /// ACLED spelling ("Air/drone strike"); non-conflict classes read "Natural disaster" etc.
            pub fn acled_name(self) -> &'static str {
                match self { $(SubEventType::$var => $acled,)* }
            }

            /// CASE 2021 task 2 label ("AIR_STRIKE").
            pub fn case_label(self) -> &'static str {
                match self { $(SubEventType::$var => $case,)* }
            }

            /// The ACLED event type it belongs to.
            pub fn event_type(self) -> EventType {
                match self { $(SubEventType::$var => EventType::$etype,)* }
            }
        }
    };
}

sub_event_types! {
    ArmedClash => "Armed clash", "ARMED_CLASH", Battles;
    GovernmentRegainsTerritory => "Government regains territory", "GOV_REGAINS_TERIT", Battles;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", "NON_STATE_ACTOR_OVERTAKES_TER", Battles;
    ChemicalWeapon => "Chemical weapon", "CHEM_WEAP", ExplosionsRemoteViolence;
    AirDroneStrike => "Air/drone strike", "AIR_STRIKE", ExplosionsRemoteViolence;
    SuicideBomb => "Suicide bomb", "SUIC_BOMB", ExplosionsRemoteViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", "ART_MISS_ATTACK", ExplosionsRemoteViolence;
    RemoteExplosive => "Remote explosive/landmine/IED", "REM_EXPLOS", ExplosionsRemoteViolence;
    Grenade => "Grenade", "GRENADE", ExplosionsRemoteViolence;
    SexualViolence => "Sexual violence", "SEX_VIOL", ViolenceAgainstCivilians;
    Attack => "Attack", "ATTACK", ViolenceAgainstCivilians;
    AbductionForcedDisappearance => "Abduction/forced disappearance", "ABDUCT_DISSAP", ViolenceAgainstCivilians;
    PeacefulProtest => "Peaceful protest", "PEACE_PROTEST", Protests;
    ProtestWithIntervention => "Protest with intervention", "PROTEST_WITH_INTER", Protests;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", "FORCE_AGAINST_PROTEST", Protests;
    ViolentDemonstration => "Violent demonstration", "VIOL_DEMONSTR", Riots;
    MobViolence => "Mob violence", "MOB_VIOL", Riots;
    Agreement => "Agreement", "AGREEMENT", StrategicDevelopments;
    Arrests => "Arrests", "ARREST", StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", "CHANGE_TO_GROUP_ACT", StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", "DISR_WEAP", StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", "HQ_ESTABLISHED", StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", "PROPERTY_DISTRUCT", StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", "NON_VIOL_TERRIT_TRANSFER", StrategicDevelopments;
    Other => "Other", "OTHER", StrategicDevelopments;
    OrganisedCrime => "Organised crime", "ORG_CRIME", NonConflict;
    NaturalDisaster => "Natural disaster", "NATURAL_DISASTER", NonConflict;
    ManMadeDisaster => "Man-made disaster", "MAN_MADE_DISASTER", NonConflict;
    Diplomacy => "Diplomacy", "DIPLO", NonConflict;
    ClaimOfResponsibility => "Claim of responsibility", "ATTRIB", NonConflict;
}

impl SubEventType {
    /// Parse an ACLED spelling (case-insensitive).
    pub fn from_acled(name: &str) -> Option<SubEventType> {
        let name = name.trim();
        SubEventType::ALL
            .into_iter()
            .find(|s| s.acled_name().eq_ignore_ascii_case(name))
    }

    /// Parse a CASE 2021 label.
    pub fn from_case_label(label: &str) -> Option<SubEventType> {
        let label = label.trim();
        SubEventType::ALL
            .into_iter()
            .find(|s| s.case_label() == label)
    }

    /// Whether it is an ACLED conflict event (it goes into the record and the ACLED export).
    pub fn is_conflict(self) -> bool {
        self.event_type() != EventType::NonConflict
    }

    /// ACLED's "Civilian targeting": civilians are the main target. Always for Violence against
    /// civilians and Excessive force against protesters; for Explosions/Remote violence and
    /// Riots when the target (actor 2) is civilians (`civilian_target`); never for Battles (both
    /// sides armed), Protests otherwise, or Strategic developments.
    pub fn civilian_targeting(self, civilian_target: bool) -> bool {
        match self.event_type() {
            EventType::ViolenceAgainstCivilians => true,
            EventType::ExplosionsRemoteViolence | EventType::Riots => civilian_target,
            _ => self == SubEventType::ExcessiveForceAgainstProtesters,
        }
    }

    /// Whether it is armed violence: Battles, Explosions/Remote violence or Violence against
    /// civilians (ACLED's violent event types other than riots).
    pub fn is_armed_violence(self) -> bool {
        matches!(
            self.event_type(),
            EventType::Battles
                | EventType::ExplosionsRemoteViolence
                | EventType::ViolenceAgainstCivilians
        )
    }
}

impl Serialize for SubEventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.acled_name())
    }
}

impl<'de> Deserialize<'de> for SubEventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        SubEventType::from_acled(&name)
            .or_else(|| SubEventType::from_case_label(&name))
            .ok_or_else(|| serde::de::Error::custom(format!("unknown sub-event type {name:?}")))
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.acled_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twenty_five_acled_sub_events_in_six_types() {
        let acled: Vec<_> = SubEventType::ALL
            .iter()
            .filter(|s| s.is_conflict())
            .collect();
        assert_eq!(acled.len(), 25);
        for t in EventType::ACLED {
            assert!(
                acled.iter().any(|s| s.event_type() == t),
                "{t:?} has no sub-event"
            );
        }
    }

    #[test]
    fn civilian_targeting_follows_acled() {
        use SubEventType as S;
        for (sub, civilians, expected) in [
            (S::Attack, false, true),
            (S::AirDroneStrike, true, true),
            (S::AirDroneStrike, false, false),
            (S::MobViolence, true, true),
            (S::ArmedClash, true, false),
            (S::ExcessiveForceAgainstProtesters, false, true),
            (S::PeacefulProtest, true, false),
            (S::Agreement, true, false),
        ] {
            assert_eq!(
                sub.civilian_targeting(civilians),
                expected,
                "{sub:?} {civilians}"
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for s in SubEventType::ALL {
            assert_eq!(SubEventType::from_acled(s.acled_name()), Some(s));
            assert_eq!(SubEventType::from_case_label(s.case_label()), Some(s));
        }
        assert_eq!(
            SubEventType::from_acled("remote explosive/landmine/ied"),
            Some(SubEventType::RemoteExplosive)
        );
    }
}
