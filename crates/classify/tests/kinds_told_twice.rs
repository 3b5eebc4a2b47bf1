//! One event told in two ways must read as one kind: the wordings that made two reports of one
//! strike, battle or capture read as different kinds. Texts written for these tests.

use sitrep_classify::Classifier;
use sitrep_model::{Span, SubEventType, SubEventType::*};

/// The top class of each sentence of `text` (sentences end at ". ").
fn tops(text: &str) -> Vec<Option<SubEventType>> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        spans.push(Span::new(start, i + 1));
        start = i + 2;
    }
    spans.push(Span::new(start, text.len()));
    Classifier::embedded()
        .classify_sentences(text, &spans)
        .iter()
        .map(|t| t.first().map(|x| x.sub_event_type))
        .collect()
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
