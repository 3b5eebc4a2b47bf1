//! A name the article already read as a place is a place at the start of a sentence too.

use sitrep_model::Span;
use sitrep_places::Gazetteer;

fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Span::new(start, i + 1));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

#[test]
fn a_small_place_named_before_is_a_place_at_a_sentence_start() {
    let text = "Fighters left the Yarmouk camp in Damascus on Sunday. Yarmouk is the last \
                district they held.";
    let places = Gazetteer::embedded().read_places(text, &sentences(text));
    let second = text.rfind("Yarmouk").unwrap();
    assert!(
        places
            .mentions
            .iter()
            .any(|m| m.span.start == second && m.place.admin1.as_deref() == Some("Damascus")),
        "{:#?}",
        places.mentions
    );
    // Unnamed before, the same word opening a sentence is not taken on its own.
    let text = "Yarmouk is the last district they held.";
    let places = Gazetteer::embedded().read_places(text, &sentences(text));
    assert!(places.mentions.is_empty(), "{:#?}", places.mentions);
}
