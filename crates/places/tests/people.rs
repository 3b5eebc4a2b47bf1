//! People and organisations named in a report are not places, however their names are written.

use sitrep_model::Span;
use sitrep_places::Gazetteer;

fn names(text: &str) -> Vec<String> {
    let places = Gazetteer::embedded().read_places(text, &[Span::new(0, text.len())]);
    places
        .mentions
        .iter()
        .map(|m| m.place.mention.clone())
        .collect()
}

#[test]
fn a_name_after_said_or_before_head_of_is_a_person() {
    let found = names(
        "Five people were killed in shelling on Idlib, said Karim Abdel Salam, the head of a \
         local monitoring group.",
    );
    assert_eq!(found, vec!["Idlib"], "{found:?}");
    let found = names(
        "Yusuf al-Hamwi, head of the rescue teams in Idlib, said the search went on overnight.",
    );
    assert_eq!(found, vec!["Idlib"], "{found:?}");
}

#[test]
fn a_rights_group_is_no_place() {
    let found = names("The Network for Human Rights counted 12 dead in Idlib.");
    assert_eq!(found, vec!["Idlib"], "{found:?}");
}
