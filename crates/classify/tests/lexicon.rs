//! The lexicon's own checks: every entry fires on its example, errors name file/line/entry,
//! spans are article-relative, and modifiers scale what they precede.

use sitrep_classify::{Classifier, ClassifyError};
use sitrep_model::{Span, SubEventType};

#[test]
fn classifier_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Classifier>();
}

#[test]
fn every_trigger_entry_fires_on_its_example() {
    let c = Classifier::embedded();
    assert!(c.lexicon().triggers.len() > 20);
    let mut failures = Vec::new();
    for e in &c.lexicon().triggers {
        let hits = c.triggers(&e.example, Span::new(0, e.example.len()));
        if !hits.iter().any(|h| h.rule == e.id) {
            failures.push(format!(
                "entry {:?} (line {}) does not fire on its example {:?}; hits: {:?}",
                e.id,
                e.line,
                e.example,
                hits.iter().map(|h| &h.rule).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_modifier_applies_on_its_example() {
    let c = Classifier::embedded();
    for m in &c.lexicon().modifiers {
        let hits = c.triggers(&m.example, Span::new(0, m.example.len()));
        assert!(
            hits.iter().any(|h| h.modifiers.contains(&m.id)),
            "modifier {:?} (line {}) applies to no trigger of its example {:?}",
            m.id,
            m.line,
            m.example
        );
    }
}

#[test]
fn head_entries_score_their_types_on_their_example() {
    // An entry's example must score one of the entry's head types (weak entries need not win).
    let c = Classifier::embedded();
    let mut failures = Vec::new();
    for e in c.lexicon().triggers.iter().filter(|e| e.is_head()) {
        let scored: Vec<_> = c
            .classify_str(&e.example)
            .into_iter()
            .map(|s| s.sub_event_type)
            .collect();
        if !e.heads.iter().any(|(t, _)| scored.contains(t)) {
            failures.push(format!(
                "entry {:?}: example {:?} scores only {:?}",
                e.id, e.example, scored
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_are_relative_to_the_text_passed() {
    let c = Classifier::embedded();
    let article = "The weather was calm. Warplanes bombed the bridge at noon. Markets reopened.";
    let start = article.find("Warplanes").unwrap();
    let end = article.find(" Markets").unwrap();
    let hits = c.triggers(article, Span::new(start, end));
    assert!(!hits.is_empty());
    for h in &hits {
        assert!(h.span.start >= start && h.span.end <= end);
    }
    let scores = c.classify(article, Span::new(start, end));
    assert_eq!(scores[0].sub_event_type, SubEventType::AirDroneStrike);
    assert_eq!(scores[0].trigger.of(article), "Warplanes");
}

#[test]
fn word_boundaries_and_prefix_phrases() {
    let c = Classifier::embedded();
    // "died" must not fire the IED phrase; "shelled" fires the prefix phrase "shell*".
    let text = "He died peacefully at home.";
    assert!(c
        .triggers(text, Span::new(0, text.len()))
        .iter()
        .all(|h| h.rule != "remote_explosive"));
    let text = "Troops shelled the village.";
    let hits = c.triggers(text, Span::new(0, text.len()));
    let shell = hits.iter().find(|h| h.rule == "shelling").unwrap();
    assert_eq!(shell.span.of(text), "shelled");
}

#[test]
fn negation_lowers_the_score() {
    let c = Classifier::embedded();
    let plain = c.best("Warplanes struck the town.").unwrap();
    let negated = c.best("No warplanes struck the town.").unwrap();
    assert_eq!(negated.sub_event_type, SubEventType::AirDroneStrike);
    assert!(
        negated.score < plain.score * 0.5,
        "{} vs {}",
        negated.score,
        plain.score
    );
    assert!(negated.cues.iter().any(|q| q.rule.contains("negation")));
}

#[test]
fn nothing_to_classify_gives_nothing() {
    let c = Classifier::embedded();
    assert!(c
        .classify_str("The quick brown fox jumps over the lazy dog.")
        .is_empty());
    assert!(c.classify_str("").is_empty());
    let text = "Warplanes struck.";
    assert!(
        c.classify(text, Span::new(5, 500)).len() <= 1,
        "span is clamped"
    );
}

#[test]
fn confidence_lies_in_unit_interval_and_best_first() {
    let c = Classifier::embedded();
    let s = c.classify_str(
        "Militants attacked an army post with mortars and rockets, sparking clashes.",
    );
    assert!(s.len() > 1);
    for w in s.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
    for x in &s {
        assert!((0.0..=1.0).contains(&x.confidence));
    }
}

fn err_of(text: &str) -> ClassifyError {
    Classifier::from_toml(text, "test.toml").expect_err("should fail")
}

#[test]
fn unknown_type_is_named_with_line_and_entry() {
    let e = err_of(
        "[[trigger]]\nid = \"a\"\nphrases = [\"x\"]\ntypes = { \"Air strike\" = 1.0 }\nexample = \"x\"\n",
    );
    let msg = e.to_string();
    assert!(msg.starts_with("test.toml:2:"), "{msg}");
    assert!(msg.contains("\"a\"") && msg.contains("Air strike"), "{msg}");
}

#[test]
fn syntax_error_names_the_line() {
    let e = err_of("[[trigger]]\nid = \"a\"\nphrases = [\"x\"\n");
    assert!(matches!(e, ClassifyError::Parse { line: 3.., .. }), "{e}");
    let e = err_of("[[trigger]]\nid = \"a\"\nphrases = [\"x\"]\nexample = \"x\"\nweight = 3\n");
    assert!(e.to_string().contains("weight"), "{e}");
}

#[test]
fn duplicate_phrases_and_ids_are_rejected() {
    let two = "[[trigger]]\nid = \"a\"\nphrases = [\"bomb\"]\ntypes = { GRENADE = 1.0 }\nexample = \"bomb\"\n\
               [[trigger]]\nid = \"b\"\nphrases = [\"Bomb*\"]\ntypes = { GRENADE = 1.0 }\nexample = \"bomb\"\n";
    let msg = err_of(two).to_string();
    assert!(
        msg.contains("test.toml:7") && msg.contains("\"a\""),
        "{msg}"
    );
    let same = two
        .replace("id = \"b\"", "id = \"a\"")
        .replace("Bomb*", "shell");
    assert!(err_of(&same).to_string().contains("duplicate id"));
}

#[test]
fn a_combination_names_only_known_entries_in_none() {
    let text = "[[trigger]]\nid = \"a\"\nphrases = [\"x\"]\ntypes = { GRENADE = 1.0 }\nexample = \"x\"\n\
                [[trigger]]\nid = \"b\"\nphrases = [\"y\"]\ntypes = { GRENADE = 1.0 }\nexample = \"y\"\n\
                [[combination]]\nid = \"c\"\nall = [[\"a\"], [\"b\"]]\nnone = [\"z\"]\n\
                types = { GRENADE = 1.0 }\nexample = \"x y\"\n";
    let msg = err_of(text).to_string();
    assert!(msg.contains("\"c\"") && msg.contains("\"z\""), "{msg}");
}

#[test]
fn bad_phrases_and_weights_are_rejected() {
    let base = |phrases: &str, types: &str| {
        format!("[[trigger]]\nid = \"a\"\nphrases = [{phrases}]\ntypes = {{ {types} }}\nexample = \"x\"\n")
    };
    assert!(err_of(&base("\"sh*ell\"", "GRENADE = 1.0"))
        .to_string()
        .contains("only at the end"));
    assert!(err_of(&base("\"\"", "GRENADE = 1.0"))
        .to_string()
        .contains("empty phrase"));
    assert!(err_of(&base("\"x\"", "GRENADE = -1.0"))
        .to_string()
        .contains("positive"));
    assert!(err_of(&base("\"x\"", ""))
        .to_string()
        .contains("expected `types`, `cues`, `agent_cues` or `target_cues`"));
}

#[test]
fn a_small_custom_lexicon_works() {
    let c = Classifier::from_toml(
        "[scoring]\nmin_score = 0.1\n\
         [[trigger]]\nid = \"quake\"\nphrases = [\"quake*\"]\ntypes = { NATURAL_DISASTER = 2.0 }\nexample = \"quakes\"\n",
        "mini.toml",
    )
    .unwrap();
    let s = c.classify_str("Two quakes shook the valley.");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].sub_event_type, SubEventType::NaturalDisaster);
    assert_eq!(s[0].cues[0].rule, "trigger:quake");
    assert_eq!(s[0].cues[0].text, "quakes");
}

#[test]
fn a_hedged_class_takes_its_support_at_the_heads_share_but_objections_in_full() {
    let c = Classifier::from_toml(
        "[scoring]\nmin_score = 0.1\n\
         [[trigger]]\nid = \"rally\"\nphrases = [\"rally\"]\ntypes = { PEACE_PROTEST = 2.0 }\nexample = \"rally\"\n\
         [[trigger]]\nid = \"arrest\"\nphrases = [\"arrest\"]\ntypes = { ARREST = 3.0 }\ncues = { PEACE_PROTEST = -1.0 }\nexample = \"arrest\"\n\
         [[trigger]]\nid = \"police\"\nphrases = [\"police\"]\ncues = { PEACE_PROTEST = 1.0 }\nexample = \"police\"\n\
         [[modifier]]\nid = \"maybe\"\nphrases = [\"maybe\"]\nfactor = 0.5\nexample = \"maybe rally\"\n",
        "mini.toml",
    )
    .unwrap();
    let s = c.classify_str("Police arrest men, maybe rally.");
    let protest = s
        .iter()
        .find(|t| t.sub_event_type == SubEventType::PeacefulProtest)
        .expect("a protest candidate");
    // Head 2.0 x 0.5; the police cue at the head's share (0.5); the arrest objects in full.
    assert!((protest.score - 0.5).abs() < 1e-4, "{protest:?}");
}
