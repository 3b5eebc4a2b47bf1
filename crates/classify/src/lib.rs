/*!
Which ACLED sub-event type (or non-conflict class) a sentence or short snippet reports.

The decision is read from a reviewed lexicon, `data/triggers.toml`, embedded in the
binary: **head triggers** ("airstrike", "shelled", "clashes", "protested") make their
classes candidates and add evidence; **cues** ("protesters", "civilians", "suicide")
shift weight between candidates (and may subtract); **modifiers** ("not", "threatened
to") scale the triggers that follow them. All phrases are matched at once by one
Aho-Corasick automaton (leftmost-longest, ASCII case-insensitive, word-bounded), so
classifying a 3 KB article costs microseconds. Every score carries the cues that
decided it, named by lexicon entry, so each decision can be explained.

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
pub use lexicon::{ClassifyError, Lexicon, ModifierEntry, Phrase, ScoringParams, TriggerEntry};
