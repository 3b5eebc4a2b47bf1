/*!
Which ACLED sub-event type (or non-conflict class) a sentence or short snippet reports.

The decision is read from a reviewed lexicon, `data/triggers.toml`, embedded in the
binary: **head triggers** ("airstrike", "shelled", "clashes", "protested") make their
classes candidates and add evidence; **cues** ("protesters", "civilians", "suicide")
shift weight between candidates (and may subtract); **actor cues** ("security forces",
"militants", "police") count by the role the actor plays: agent (before an active
trigger, or after "by") or target (after the trigger, or before a passive one: "police
were shot" is a battle, "police shot a man" an attack); **modifiers** ("not",
"threatened to", "during recent") scale the triggers that follow them. All phrases are
matched at once by one Aho-Corasick automaton (leftmost-longest, ASCII case-insensitive,
word-bounded), so classifying a 3 KB article costs tens of microseconds. Every score
carries the cues that decided it, named by lexicon entry (`trigger:shelling`,
`cue:civilian_victims`, `+negation`, `+as_target`), so each decision can be explained.
`Classifier::classify_sentences` reads an article's sentences with the ones around them: a
"bombing" beside a sentence naming aircraft, "the attack" after a gas attack, or the rubble
after a strike takes that event's kind (`context:aircraft_beside`, `context:chemical_story`,
`context:aftermath_of`).

Measured with `cargo run --release -p sitrep-classify --example eval -- case|acled|speed PATH`
(see `examples/eval.rs`).

```
use sitrep_classify::Classifier;
use sitrep_model::{Span, SubEventType};

let text = "Government warplanes struck a market in the town, killing four people.";
let scores = Classifier::embedded().classify(text, Span::new(0, text.len()));
assert_eq!(scores[0].sub_event_type, SubEventType::AirDroneStrike);
assert!(scores[0].cues.iter().any(|c| c.rule == "trigger:air_strike_agents"));
```
*/
#![deny(missing_docs)]

mod classifier;
mod lexicon;

pub use classifier::{Classifier, TriggerHit, TypeScore, EMBEDDED_LEXICON, EMBEDDED_ORIGIN};
pub use lexicon::{
    ClassifyError, CombinationEntry, Lexicon, ModifierEntry, Phrase, ScoringParams, TriggerEntry,
};
