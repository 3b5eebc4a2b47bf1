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
