/*!
Fusion: one event per real-world event across articles, with every source's claim kept.

Each article's events (mentions) are fused in the order their articles are added (the store's
fusion order: by publication, then id, so that any ingest order gives one result). Near-duplicate articles (the same
wire story re-published) are found by MinHash over word shingles with banded lookup; event
mentions are compared only with the fused events of their blocks (country × day), scored per cue
(kind, date, place, actors, wording, near-duplicate articles, articles that report another
event alike; bonuses for one place and day, one
target such as a hospital or a convoy, a shared or close count of the dead, a kind that seldom
recurs — a bombing, a capture — at one place within days or its month, or a bombing, a gas attack
or a deal in one city on one day), and kept apart by vetoes (different
ordinals — "the first" / "the second group" —, dates or places outside their precision, a tally
vs a single event, a user's split); a user's merge joins what the cues kept apart. The fused events carry their members with the scores that
merged them, the claims side by side per figure with disagreement flags, and a conservative
ACLED figure. On top: links between accounts of one ceasefire (agreeing or disagreeing), events
breaking a ceasefire, stories, and control timelines per place.

```
use sitrep_fuse::Fuser;
use sitrep_model::{Article, Event};
let mut fuser = Fuser::default();
let article = Article { id: "a1".into(), text: "No events here.".into(), ..Default::default() };
fuser.add_article(&article, &[], &[]);
assert!(fuser.fused_events().is_empty());
```
*/
#![deny(missing_docs)]

pub mod control;
pub mod data;
pub mod dedup;
pub mod fuser;
pub mod links;
pub mod merge;
pub mod score;

pub use control::{control_timelines, ControlStep, PlaceTimeline};
pub use data::{LexiconTexts, Lexicons};
pub use dedup::Signature;
pub use fuser::{
    attach_claims, ArticleEntry, Assignment, Fuser, Join, MergeCandidate, Provenance, Split,
    SplitDiagnostics, StoredCluster, StoredMember, USER_JOINED, USER_JOINED_CUE,
};
pub use links::{
    link_keys, link_queries, links, links_touching, stories, stories_touching, Link, LinkKey,
    LinkQuery, LinkRole, Relation, Story,
};
pub use merge::{fused_event, Account, Figure, FusedEvent, Member};
pub use score::{
    BlockKind, BlockRange, CueScore, Mention, PairScore, MERGE_THRESHOLD, NEAR_MISS_FLOOR,
};

/// What can go wrong in fusion.
#[derive(Debug, thiserror::Error)]
pub enum FuseError {
    /// A line of a fusion data file does not parse.
    #[error("crates/fuse/data/{file} line {line}: expected {expected}, found {found:?}")]
    Data {
        /// The file.
        file: &'static str,
        /// 1-based line.
        line: usize,
        /// What the line should hold.
        expected: String,
        /// What it holds.
        found: String,
    },
}

impl Fuser {
    /// Every fused event, in the order they were started.
    pub fn fused_events(&self) -> Vec<FusedEvent> {
        (0..self.clusters.len())
            .map(|c| fused_event(self, c))
            .collect()
    }
}

#[cfg(test)]
mod tests;
