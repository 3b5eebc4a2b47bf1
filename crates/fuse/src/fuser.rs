//! The incremental fuser: each new article's mentions join the best compatible fused event among
//! the candidates of their blocks (country × day), or start a new one.
//!
//! Mentions are taken in fusion order, the order articles are added in (the store adds them in
//! publication order, then by id, whatever order they were ingested in); a mention joins the
//! cluster with the highest pair score against any member, provided no member vetoes it
//! (complete link for vetoes). Because the state after `n` articles depends only on those
//! articles in order, adding articles one run at a time gives the same result as fusing the
//! whole corpus at once. A fuser need not hold the corpus: continuing stored fusion, it is given
//! only the fused events a new article's mentions can meet (those filed under their blocks,
//! [`Fuser::load_cluster`]) and the articles its text can be a near-duplicate of
//! ([`Fuser::load_signature`]); every order that decides a tie is the fusion order (`seq`),
//! never the order things were loaded in.

use crate::data::Lexicons;
use crate::dedup::{DuplicateIndex, Signature};
use crate::score::{
    score_pair, BlockKind, CueScore, Mention, PairScore, CO_REPORT, MERGE_THRESHOLD, W_CO_REPORT,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{Article, Claim, Event};
use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap, HashSet};

/// Why a mention is in its fused event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    /// The member it matched best (`None` for the mention that started the event).
    pub matched: Option<String>,
    /// The weighted total of that match.
    pub total: f32,
    /// Each cue's score.
    pub cues: Vec<CueScore>,
}

/// What a stored fusion decision says: the mention joined `fused_id` for `provenance`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The per-article event id.
    pub mention_id: String,
    /// The fused event it is in.
    pub fused_id: String,
    /// Why.
    pub provenance: Provenance,
}

/// What fusion knows of an article.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleEntry {
    /// The article id.
    pub id: String,
    /// Its MinHash signature; `None` when the text is too short to compare.
    pub signature: Option<Signature>,
    /// The earlier article it is a near-duplicate of, with the similarity.
    pub duplicate_of: Option<(String, f32)>,
}

/// One fused event under construction: its mentions (indices) and why each joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Stable id: `F:` + the id of the mention that started it.
    pub id: String,
    /// Its place in the order fused events were started (0, 1, ...): the tie-breaker.
    pub seq: usize,
    /// Indices into [`Fuser::mentions`].
    pub members: Vec<usize>,
    /// Parallel to `members`.
    pub provenance: Vec<Provenance>,
}

/// A pair the user split apart: these two mentions are never in one event.
pub type Split = (String, String);

/// A pair the user merged (`sitrep merge`): these two mentions are in one event whatever their
/// cues say, unless a split of the user's keeps one of them from a member of that event.
pub type Join = (String, String);

/// The total a pair the user merged scores ([`Join`]): above any sum of cues, so the user's
/// decision wins over the fuser's.
pub const USER_JOINED: f32 = 2.0;

/// The cue a pair the user merged is explained by.
pub const USER_JOINED_CUE: &str = "merged_by_user";

/// A stored fused event to continue from (see [`Fuser::load_cluster`]).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredCluster {
    /// Its id.
    pub id: String,
    /// Its place in the order fused events were started.
    pub seq: usize,
    /// Its members (any order: they are put in fusion order).
    pub members: Vec<StoredMember>,
}

/// One member of a stored fused event: the mention's event and article, and why it joined.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMember {
    /// The per-article event.
    pub event: Event,
    /// Its article.
    pub article_id: String,
    /// The article's outlet.
    pub source: Option<String>,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// The article's place in fusion order.
    pub article_seq: u64,
    /// The event's place in its article.
    pub ordinal: usize,
    /// The earlier article the article is a near-duplicate of, with the similarity.
    pub duplicate_of: Option<(String, f32)>,
    /// Why the mention joined.
    pub provenance: Provenance,
    /// The article's standalone claims attached to this mention ([`attach_claims`]).
    pub attached: Vec<Claim>,
}

/// The fusion state. Build with [`Fuser::new`], feed with [`Fuser::add_article`].
#[derive(Debug, Clone)]
pub struct Fuser {
    lex: &'static Lexicons,
    /// Every mention: in fusion order, then those loaded after fusing (see [`Fuser::rank`]).
    pub mentions: Vec<Mention>,
    /// Each mention's place in fusion order: article seq × 2^24 + its place in the article.
    ranks: Vec<u64>,
    /// The fused events.
    pub clusters: Vec<Cluster>,
    /// Cluster of each mention (parallel to `mentions`).
    pub cluster_of: Vec<usize>,
    /// The articles fused (not those loaded), in fusion order.
    pub articles: Vec<ArticleEntry>,
    /// Claims that deny or doubt without reporting an event, attached to each mention.
    attached: Vec<Vec<Claim>>,
    /// The clusters filed under each blocking key of a country ([`Mention::filed_under`]).
    blocks: HashMap<(u32, BlockKind, i32), Vec<usize>, BuildMix>,
    countries: HashMap<String, u32>,
    duplicates: DuplicateIndex,
    near_duplicates: HashMap<String, (String, f32)>,
    /// Articles that report one event alike ([`CO_REPORT`]): per pair of articles (their
    /// places in fusion order, the earlier first), the pairs of mentions (indices) that score
    /// over the threshold against each other, found when the later article was added.
    co_reports: HashMap<(u64, u64), CoReported, BuildMix>,
    /// While an article's mentions are placed: the totals (before the co-report bonus; `None`
    /// for a veto) of the pairs [`Fuser::find_co_reports`] scored, so that placing them does
    /// not score them again.
    prescored: HashMap<(usize, usize), Option<f32>, BuildMix>,
    splits: HashSet<Split>,
    /// The user's merges ([`Join`]): each merged mention's partners, both ways round (their
    /// fused events are its candidates whatever its blocks).
    joined_with: HashMap<String, Vec<String>>,
    cluster_by_id: HashMap<String, usize>,
    mention_by_id: HashMap<String, usize>,
    dirty: BTreeSet<usize>,
    next_article_seq: u64,
    next_cluster_seq: usize,
}

/// The pairs of mentions (indices) by which two articles report one event alike ([`CO_REPORT`]),
/// kept compact: a large corpus with many reports a day holds millions of pairs of articles,
/// most with one such pair (held in place; the others, rare, after it).
#[derive(Debug, Clone)]
struct CoReported {
    first: (u32, u32),
    more: Box<[(u32, u32)]>,
}

impl CoReported {
    fn of(pair: (usize, usize)) -> Self {
        CoReported {
            first: narrow(pair),
            more: Box::default(),
        }
    }

    /// Add a pair, unless it is there already.
    fn add(&mut self, pair: (usize, usize)) {
        let pair = narrow(pair);
        if self.first == pair {
            return;
        }
        if !self.more.contains(&pair) {
            let mut more = std::mem::take(&mut self.more).into_vec();
            more.push(pair);
            self.more = more.into_boxed_slice();
        }
    }

    fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        std::iter::once(&self.first)
            .chain(self.more.iter())
            .map(|&(y, x)| (y as usize, x as usize))
    }
}

/// A pair of mention indices as held in [`CoReported`] (a fuser holds fewer than 2^32 mentions).
fn narrow((y, x): (usize, usize)) -> (u32, u32) {
    let index = |i: usize| u32::try_from(i).expect("fewer than 2^32 mentions");
    (index(y), index(x))
}

/// A fast hasher for the small integer block keys (splitmix finaliser over the written words).
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildMix;

/// The hasher of [`BuildMix`].
#[derive(Debug, Default)]
pub struct MixHasher(u64);

impl std::hash::BuildHasher for BuildMix {
    type Hasher = MixHasher;
    fn build_hasher(&self) -> MixHasher {
        MixHasher(0)
    }
}

impl std::hash::Hasher for MixHasher {
    fn finish(&self) -> u64 {
        let mut x = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0 ^ u64::from(n))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u32(n as u32);
    }
}

/// Articles with fewer words than this are too short to call near-duplicates.
const MIN_WORDS_FOR_DUPLICATE: usize = 40;

impl Default for Fuser {
    fn default() -> Self {
        Fuser::new(Vec::new())
    }
}

impl Fuser {
    /// An empty fuser that keeps the user's splits apart.
    pub fn new(splits: Vec<Split>) -> Fuser {
        Fuser::continuing(splits, 0)
    }

    /// A fuser that continues stored fusion holding `fused_events` fused events: the events it
    /// starts are numbered from there. Load what new articles can meet with
    /// [`Fuser::load_cluster`] and [`Fuser::load_signature`] before adding them.
    pub fn continuing(splits: Vec<Split>, fused_events: usize) -> Fuser {
        let mut set = HashSet::new();
        for (a, b) in splits {
            set.insert((b.clone(), a.clone()));
            set.insert((a, b));
        }
        Fuser {
            lex: Lexicons::embedded(),
            mentions: Vec::new(),
            ranks: Vec::new(),
            clusters: Vec::new(),
            cluster_of: Vec::new(),
            articles: Vec::new(),
            attached: Vec::new(),
            blocks: HashMap::default(),
            countries: HashMap::new(),
            duplicates: DuplicateIndex::default(),
            near_duplicates: HashMap::new(),
            co_reports: HashMap::default(),
            prescored: HashMap::default(),
            splits: set,
            joined_with: HashMap::new(),
            cluster_by_id: HashMap::new(),
            mention_by_id: HashMap::new(),
            dirty: BTreeSet::new(),
            next_article_seq: 0,
            next_cluster_seq: fused_events,
        }
    }

    /// The same fuser, holding the user's merges ([`Join`]) too.
    pub fn with_joins(mut self, joins: Vec<Join>) -> Fuser {
        for (a, b) in joins {
            self.joined_with
                .entry(a.clone())
                .or_default()
                .push(b.clone());
            self.joined_with.entry(b).or_default().push(a);
        }
        self
    }

    /// Fuse one new article's events (its reading's events, ids already set as stored) and
    /// standalone claims. Returns the near-duplicate it was found to be, if any.
    pub fn add_article(
        &mut self,
        article: &Article,
        events: &[Event],
        standalone_claims: &[Claim],
    ) -> Option<(String, f32)> {
        self.add_article_at(self.next_article_seq, article, events, standalone_claims)
    }

    /// [`Fuser::add_article`] for the article at place `seq` of the fusion order (later than
    /// every article fused or loaded before; the store uses its row number).
    pub fn add_article_at(
        &mut self,
        seq: u64,
        article: &Article,
        events: &[Event],
        standalone_claims: &[Claim],
    ) -> Option<(String, f32)> {
        self.next_article_seq = seq + 1;
        let signature = Fuser::signature_of(article);
        let duplicate_of = signature.as_ref().and_then(|s| self.duplicates.find(s));
        if let Some(signature) = &signature {
            self.duplicates.add(&article.id, seq, signature.clone());
        }
        if let Some(d) = &duplicate_of {
            self.near_duplicates.insert(article.id.clone(), d.clone());
        }
        self.articles.push(ArticleEntry {
            id: article.id.clone(),
            signature,
            duplicate_of: duplicate_of.clone(),
        });
        let first = self.mentions.len();
        for (ordinal, event) in events.iter().enumerate() {
            let mention = Mention::new(
                event.clone(),
                &article.id,
                article.source.clone(),
                article.published,
                self.lex,
            );
            self.push_mention(mention, rank(seq, ordinal));
        }
        self.find_co_reports(first);
        for index in first..self.mentions.len() {
            let (cluster, provenance) = self.best_cluster(index);
            let c = match cluster {
                Some(c) => c,
                None => {
                    let id = format!("F:{}", self.mentions[index].id());
                    let seq = self.next_cluster_seq;
                    self.next_cluster_seq += 1;
                    self.new_cluster(id, seq)
                }
            };
            self.join(c, index, provenance);
            self.dirty.insert(c);
        }
        self.prescored.clear();
        // standalone denials and doubts: attach to the mention of this article they share most words with
        let notes: Vec<&str> = self.mentions[first..]
            .iter()
            .map(|m| m.event.notes.as_str())
            .collect();
        let attached: Vec<(usize, Claim)> = attach_claims(&notes, standalone_claims)
            .into_iter()
            .map(|(k, claim)| (first + k, claim.clone()))
            .collect();
        for (m, claim) in attached {
            self.attached[m].push(claim);
            self.dirty.insert(self.cluster_of[m]);
        }
        duplicate_of
    }

    /// An article's MinHash signature; `None` when the text is too short to call near-duplicates.
    pub fn signature_of(article: &Article) -> Option<Signature> {
        let long_enough = article.text.split_whitespace().count() >= MIN_WORDS_FOR_DUPLICATE;
        long_enough.then(|| Signature::of(&article.text))
    }

    fn push_mention(&mut self, mention: Mention, rank: u64) -> usize {
        let index = self.mentions.len();
        self.mention_by_id.insert(mention.id().to_string(), index);
        self.mentions.push(mention);
        self.ranks.push(rank);
        self.attached.push(Vec::new());
        self.cluster_of.push(usize::MAX);
        index
    }

    fn new_cluster(&mut self, id: String, seq: usize) -> usize {
        self.clusters.push(Cluster {
            id: id.clone(),
            seq,
            members: Vec::new(),
            provenance: Vec::new(),
        });
        self.cluster_by_id.insert(id, self.clusters.len() - 1);
        self.clusters.len() - 1
    }

    fn join(&mut self, c: usize, index: usize, provenance: Provenance) {
        self.clusters[c].members.push(index);
        self.clusters[c].provenance.push(provenance);
        self.cluster_of[index] = c;
        self.index_cluster(c, index);
    }

    /// Load a stored fused event (not scored again, not marked changed): new mentions filed
    /// under its blocks are compared with its members. Loading one twice does nothing.
    pub fn load_cluster(&mut self, stored: StoredCluster) {
        if self.cluster_by_id.contains_key(&stored.id) {
            return;
        }
        let mut members = stored.members;
        members.sort_by_key(|m| rank(m.article_seq, m.ordinal));
        let c = self.new_cluster(stored.id, stored.seq);
        for m in members {
            if let Some(d) = m.duplicate_of {
                self.near_duplicates.insert(m.article_id.clone(), d);
            }
            let mention = Mention::new(m.event, &m.article_id, m.source, m.published, self.lex);
            let index = self.push_mention(mention, rank(m.article_seq, m.ordinal));
            self.attached[index] = m.attached;
            self.join(c, index, m.provenance);
        }
    }

    /// Load a stored article's signature (at place `seq` of the fusion order): a new article can
    /// be found to be its near-duplicate.
    pub fn load_signature(&mut self, article_id: &str, seq: u64, signature: Signature) {
        self.duplicates.add(article_id, seq, signature);
    }

    /// A mention's place in fusion order (comparable within one fuser).
    pub fn rank(&self, mention: usize) -> u64 {
        self.ranks[mention]
    }

    /// The standalone claims attached to a mention.
    pub fn attached_claims(&self, mention: usize) -> &[Claim] {
        &self.attached[mention]
    }

    fn country_id(&mut self, mention: usize) -> u32 {
        let key = self.mentions[mention].country_key();
        let next = self.countries.len() as u32;
        *self.countries.entry(key).or_insert(next)
    }

    fn index_cluster(&mut self, c: usize, mention: usize) {
        let country = self.country_id(mention);
        let push = |list: &mut Vec<usize>| {
            // candidates() de-duplicates; only avoid the common immediate repeat
            if list.last() != Some(&c) {
                list.push(c);
            }
        };
        for r in self.mentions[mention].filed_under() {
            for key in r.first..=r.last {
                push(self.blocks.entry((country, r.kind, key)).or_default());
            }
        }
    }

    /// The candidate clusters of a mention: those indexed on its days (or its coarse bucket),
    /// in the order they were started.
    fn candidates(&self, mention: usize) -> Vec<usize> {
        let m = &self.mentions[mention];
        let mut out = Vec::new();
        // (a country no fused event is filed in yet has no blocks; the user's merges still count)
        if let Some(&country) = self.countries.get(&m.country_key()) {
            for r in m.looks_in() {
                for key in r.first..=r.last {
                    if let Some(list) = self.blocks.get(&(country, r.kind, key)) {
                        out.extend_from_slice(list);
                    }
                }
            }
        }
        out.extend(self.joined_clusters(mention));
        out.sort_unstable_by_key(|&c| self.clusters[c].seq);
        out.dedup();
        out
    }

    /// The fused events holding a mention's partners in the user's merges ([`Join`]), wherever
    /// they are filed.
    fn joined_clusters(&self, mention: usize) -> impl Iterator<Item = usize> + '_ {
        let partners = (!self.joined_with.is_empty())
            .then(|| self.joined_with.get(self.mentions[mention].id()))
            .flatten();
        partners.into_iter().flatten().filter_map(|p| {
            let c = self.cluster_of[*self.mention_by_id.get(p)?];
            (c != usize::MAX).then_some(c)
        })
    }

    /// Whether the user split `a` from `b` and did not merge them since: a merge of the pair
    /// overrides a split of it, which holds again once the merge is undone.
    fn user_split(&self, a: usize, b: usize) -> bool {
        !self.splits.is_empty()
            && self.splits.contains(&self.id_pair(a, b))
            && !self.user_joined(a, b)
    }

    fn user_joined(&self, a: usize, b: usize) -> bool {
        !self.joined_with.is_empty()
            && self
                .joined_with
                .get(self.mentions[a].id())
                .is_some_and(|partners| partners.iter().any(|p| p == self.mentions[b].id()))
    }

    fn id_pair(&self, a: usize, b: usize) -> (String, String) {
        (
            self.mentions[a].id().to_string(),
            self.mentions[b].id().to_string(),
        )
    }

    /// The member of fused event `c` the user merged mention `index` with ([`Join`]), unless the
    /// user split it from another member.
    fn user_joined_member(&self, index: usize, c: usize) -> Option<usize> {
        if self.joined_with.is_empty() {
            return None;
        }
        let members = &self.clusters[c].members;
        let joined = members
            .iter()
            .copied()
            .find(|&o| self.user_joined(index, o))?;
        (!members.iter().any(|&o| self.user_split(index, o))).then_some(joined)
    }

    /// Record which earlier articles report one event alike with the new article whose mentions
    /// start at `first`: every pair of a new mention and a member of its candidate fused events
    /// (another article's) that scores over the threshold on its own cues. Found before any new
    /// mention is placed, from the fused events the new article can meet, so the same in a
    /// full recompute and in an incremental run.
    fn find_co_reports(&mut self, first: usize) {
        let mut found: Vec<((u64, u64), (usize, usize))> = Vec::new();
        let mut prescored = HashMap::default();
        for y in first..self.mentions.len() {
            let article = self.ranks[y] >> 24;
            for c in self.candidates(y) {
                for &x in &self.clusters[c].members {
                    let other = self.ranks[x] >> 24;
                    // (the user's merges are no evidence of what the articles report alike)
                    if other == article || self.user_joined(y, x) {
                        continue;
                    }
                    // (no bonus yet: no pair of the new article is recorded)
                    let total = match self.score_with(y, x, false) {
                        PairScore::Score { total, .. } => Some(total),
                        PairScore::Veto(_) => None,
                    };
                    prescored.insert((y, x), total);
                    if total.is_some_and(|t| t >= MERGE_THRESHOLD) {
                        found.push(((other.min(article), other.max(article)), (y, x)));
                    }
                }
            }
        }
        self.prescored = prescored;
        for (key, pair) in found {
            match self.co_reports.entry(key) {
                Entry::Occupied(mut pairs) => pairs.get_mut().add(pair),
                Entry::Vacant(slot) => {
                    slot.insert(CoReported::of(pair));
                }
            }
        }
    }

    /// Another pair of mentions of the two mentions' articles (neither of them) that scores over
    /// the threshold: the two articles report that event alike ([`CO_REPORT`]).
    fn co_reported(&self, m: usize, o: usize) -> Option<(usize, usize)> {
        if self.co_reports.is_empty() {
            return None;
        }
        let (a, b) = (self.ranks[m] >> 24, self.ranks[o] >> 24);
        self.co_reports
            .get(&(a.min(b), a.max(b)))?
            .pairs()
            .find(|&(y, x)| ![m, o].contains(&y) && ![m, o].contains(&x))
    }

    /// The similarity of two mentions' articles when they are near-duplicates.
    fn articles_near_duplicate(&self, index: usize, other: usize) -> Option<f32> {
        if self.near_duplicates.is_empty() {
            return None;
        }
        let (m, o) = (&self.mentions[index], &self.mentions[other]);
        self.near_duplicate(&m.article_id, &o.article_id)
    }

    fn near_duplicate(&self, a: &str, b: &str) -> Option<f32> {
        let linked = |x: &str, y: &str| {
            self.near_duplicates
                .get(x)
                .filter(|(d, _)| d == y)
                .map(|(_, s)| *s)
        };
        linked(a, b).or_else(|| linked(b, a))
    }

    /// Compare mention `index` with every member of cluster `c`: `Err` with the veto, or the
    /// best-scoring member and its score, each cue explained.
    pub fn compare(&self, index: usize, c: usize) -> Result<(usize, f32, Vec<CueScore>), String> {
        let (member, total) = self.compare_fast(index, c).map_err(|member| {
            match self.score_with(index, member, true) {
                PairScore::Veto(why) => format!("{why} (with {})", self.mentions[member].id()),
                PairScore::Score { .. } => "empty cluster".into(),
            }
        })?;
        match self.score_with(index, member, true) {
            PairScore::Score { cues, .. } => Ok((member, total, cues)),
            PairScore::Veto(why) => Err(why),
        }
    }

    fn score_with(&self, index: usize, other: usize, explain: bool) -> PairScore {
        if !explain {
            if let Some(&total) = self.prescored.get(&(index, other)) {
                return match total {
                    Some(total) => PairScore::Score {
                        total: total + self.co_report_bonus(index, other),
                        cues: Vec::new(),
                    },
                    None => PairScore::Veto(String::new()),
                };
            }
        }
        let (m, o) = (&self.mentions[index], &self.mentions[other]);
        if self.user_split(index, other) {
            return PairScore::Veto(format!("split by the user from {}", o.id()));
        }
        if self.user_joined(index, other) {
            return PairScore::Score {
                total: USER_JOINED,
                cues: vec![CueScore {
                    cue: USER_JOINED_CUE.into(),
                    score: 1.0,
                    detail: format!("merged by the user with {}", o.id()),
                }],
            };
        }
        let dup = self.articles_near_duplicate(index, other);
        let mut score = score_pair(m, o, dup, self.lex, explain);
        if let PairScore::Score { total, cues } = &mut score {
            if let Some((y, x)) = self.co_report_witness(index, other, dup) {
                *total += W_CO_REPORT;
                cues.push(CueScore {
                    cue: CO_REPORT.into(),
                    score: 1.0,
                    detail: if explain {
                        format!(
                            "the two articles report another event alike ({} / {})",
                            self.mentions[y].id(),
                            self.mentions[x].id()
                        )
                    } else {
                        String::new()
                    },
                });
            }
        }
        score
    }

    /// The pair that earns two mentions the co-report bonus ([`W_CO_REPORT`]): none for
    /// near-duplicate articles (`dup`, their own bonus says more).
    fn co_report_witness(
        &self,
        index: usize,
        other: usize,
        dup: Option<f32>,
    ) -> Option<(usize, usize)> {
        dup.is_none()
            .then(|| self.co_reported(index, other))
            .flatten()
    }

    /// The co-report bonus of a pair scored without it, as [`Fuser::score_with`] adds it.
    fn co_report_bonus(&self, index: usize, other: usize) -> f32 {
        let dup = self.articles_near_duplicate(index, other);
        if self.co_report_witness(index, other, dup).is_some() {
            W_CO_REPORT
        } else {
            0.0
        }
    }

    /// The best member of cluster `c` for mention `index` and its total, without explanations;
    /// `Err(member)` names a member that vetoes.
    fn compare_fast(&self, index: usize, c: usize) -> Result<(usize, f32), usize> {
        if let Some(member) = self.user_joined_member(index, c) {
            return Ok((member, USER_JOINED));
        }
        let mut best: Option<(usize, f32)> = None;
        for &other in &self.clusters[c].members {
            match self.score_with(index, other, false) {
                PairScore::Veto(_) => return Err(other),
                PairScore::Score { total, .. } => {
                    if best.is_none_or(|(_, b)| total > b) {
                        best = Some((other, total));
                    }
                }
            }
        }
        best.ok_or(index)
    }

    fn best_cluster(&self, index: usize) -> (Option<usize>, Provenance) {
        let mut best: Option<(usize, usize, f32)> = None;
        for c in self.candidates(index) {
            if let Ok((member, total)) = self.compare_fast(index, c) {
                if total >= MERGE_THRESHOLD && best.is_none_or(|b| total > b.2) {
                    best = Some((c, member, total));
                }
            }
        }
        match best {
            Some((c, member, total)) => {
                let cues = match self.score_with(index, member, true) {
                    PairScore::Score { cues, .. } => cues,
                    PairScore::Veto(_) => Vec::new(),
                };
                (
                    Some(c),
                    Provenance {
                        matched: Some(self.mentions[member].id().to_string()),
                        total,
                        cues,
                    },
                )
            }
            None => (None, seed()),
        }
    }

    /// Mark a loaded cluster changed: it lost members outside the fuser (the store fuses again
    /// from an updated article on), so it, its links and its story are written again.
    pub fn mark_changed(&mut self, c: usize) {
        self.dirty.insert(c);
    }

    /// The clusters changed since the last call (indices), clearing the set.
    pub fn take_dirty(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.dirty).into_iter().collect()
    }

    /// The cluster holding a mention, by mention id.
    pub fn cluster_of_mention(&self, mention_id: &str) -> Option<usize> {
        self.mention_by_id
            .get(mention_id)
            .map(|&m| self.cluster_of[m])
    }

    /// The cluster with this fused id.
    pub fn cluster_by_id(&self, fused_id: &str) -> Option<usize> {
        self.cluster_by_id.get(fused_id).copied()
    }

    /// Every mention's assignment (what to store), in fusion order.
    pub fn assignments(&self) -> Vec<Assignment> {
        let mut out = Vec::with_capacity(self.mentions.len());
        for (m, &c) in self.cluster_of.iter().enumerate() {
            let cluster = &self.clusters[c];
            let pos = cluster.members.iter().position(|&x| x == m).unwrap_or(0);
            out.push(Assignment {
                mention_id: self.mentions[m].id().to_string(),
                fused_id: cluster.id.clone(),
                provenance: cluster.provenance[pos].clone(),
            });
        }
        out
    }

    /// The near-duplicate links found: `(article, earlier article, similarity)`.
    pub fn near_duplicate_links(&self) -> Vec<(String, String, f32)> {
        self.articles
            .iter()
            .filter_map(|a| {
                a.duplicate_of
                    .as_ref()
                    .map(|(d, s)| (a.id.clone(), d.clone(), *s))
            })
            .collect()
    }

    /// Near-misses, for audit: each mention's best-scoring other fused event among its
    /// candidates when that score is at least `floor` but below the merge threshold (and no
    /// member vetoes it): `(mention index, cluster, score, cues)`.
    pub fn near_misses(&self, floor: f32) -> Vec<(usize, usize, f32, Vec<CueScore>)> {
        self.near_misses_matched(floor)
            .into_iter()
            .map(|(m, c, _, t, cues)| (m, c, t, cues))
            .collect()
    }

    /// [`Fuser::near_misses`] with the member of the cluster that scored best:
    /// `(mention, cluster, member, score, cues)`.
    fn near_misses_matched(&self, floor: f32) -> Vec<(usize, usize, usize, f32, Vec<CueScore>)> {
        let mut out = Vec::new();
        for m in 0..self.mentions.len() {
            let own = self.cluster_of[m];
            let best = self
                .candidates(m)
                .into_iter()
                .filter(|&c| c != own)
                .filter_map(|c| self.compare_fast(m, c).ok().map(|(_, t)| (c, t)))
                .filter(|(_, t)| *t >= floor && *t < MERGE_THRESHOLD)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((c, _)) = best {
                if let Ok((member, t, cues)) = self.compare(m, c) {
                    out.push((m, c, member, t, cues));
                }
            }
        }
        out
    }

    /// Pairs of fused events a user may want to merge (`sitrep candidates`): the near-misses
    /// (see [`Fuser::near_misses`]) between mentions and fused events of other articles, one per
    /// pair of fused events (the best-scoring mention), best first; ties in fusion order.
    pub fn merge_candidates(&self, floor: f32) -> Vec<MergeCandidate> {
        let mut best: HashMap<(usize, usize), MergeCandidate> = HashMap::new();
        for (m, c, member, score, cues) in self.near_misses_matched(floor) {
            let own = self.cluster_of[m];
            if self.mentions[member].article_id == self.mentions[m].article_id {
                continue;
            }
            let key = (own.min(c), own.max(c));
            if best.get(&key).is_none_or(|b| score > b.score) {
                best.insert(
                    key,
                    MergeCandidate {
                        mention: m,
                        member,
                        cluster: c,
                        score,
                        cues,
                    },
                );
            }
        }
        let mut out: Vec<MergeCandidate> = best.into_values().collect();
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(self.ranks[a.mention].cmp(&self.ranks[b.mention]))
        });
        out
    }

    /// Counts for auditing what greedy fusion leaves split (see [`SplitDiagnostics`]): near-misses
    /// between two fused events that one mention scores over the threshold against (a bridge),
    /// and fused events where a single member vetoes a mention the others accept. Linear in
    /// the candidates each mention meets (its blocks), like fusing; bridged pairs are compared
    /// member by member.
    pub fn split_diagnostics(&self, floor: f32) -> SplitDiagnostics {
        let mut d = SplitDiagnostics::default();
        let mut bridged: BTreeSet<(usize, usize)> = BTreeSet::new();
        let mut lone_vetoing: HashSet<usize> = HashSet::new();
        for m in 0..self.mentions.len() {
            let mut over = Vec::new();
            for c in self.candidates(m) {
                let (mut vetoes, mut agree, mut best) = (0, 0, f32::MIN);
                for &o in self.clusters[c].members.iter().filter(|&&o| o != m) {
                    match self.score_with(m, o, false) {
                        PairScore::Veto(_) => vetoes += 1,
                        PairScore::Score { total, .. } => {
                            agree += 1;
                            best = best.max(total);
                        }
                    }
                }
                if vetoes == 0 && best >= MERGE_THRESHOLD {
                    over.push(c);
                }
                if vetoes == 1 && best >= MERGE_THRESHOLD && c != self.cluster_of[m] {
                    d.lone_vetoed_mentions += 1;
                    if agree >= 2 {
                        d.outvoted_vetoed_mentions += 1;
                    }
                    lone_vetoing.insert(c);
                }
            }
            for (i, &a) in over.iter().enumerate() {
                for &b in &over[i + 1..] {
                    bridged.insert((a.min(b), a.max(b)));
                }
            }
        }
        d.bridged_cluster_pairs = bridged.len();
        d.clusters_with_lone_veto = lone_vetoing.len();
        for &(a, b) in &bridged {
            let vetoed = self.clusters[a].members.iter().any(|&x| {
                self.clusters[b]
                    .members
                    .iter()
                    .any(|&y| matches!(self.score_with(y, x, false), PairScore::Veto(_)))
            });
            if vetoed {
                d.bridged_pairs_vetoed += 1;
            }
        }
        for (m, c, _, _) in self.near_misses(floor) {
            let own = self.cluster_of[m];
            d.near_misses += 1;
            if bridged.contains(&(own.min(c), own.max(c))) {
                d.near_misses_bridged += 1;
            }
        }
        d
    }

    /// How two mentions (by id) compare, every cue and veto explained; `None` when either id is
    /// not a mention. For `sitrep fuse --explain`: why two reports were, or were not, merged.
    pub fn explain_pair(&self, a: &str, b: &str) -> Option<PairScore> {
        let (&i, &j) = (self.mention_by_id.get(a)?, self.mention_by_id.get(b)?);
        Some(self.score_with(i, j, true))
    }

    /// What fusion made of two mentions (ids), as it stands: one fused event, or why they are
    /// apart, which a pair's score alone does not tell (`sitrep fuse --explain`): the later one
    /// never met the other's fused event (no block of country and days in common), a member of
    /// that event vetoes it, the event as a whole scores under the threshold, or it joined
    /// another that scored higher.
    pub fn outcome(&self, a: &str, b: &str) -> Option<String> {
        let (&i, &j) = (self.mention_by_id.get(a)?, self.mention_by_id.get(b)?);
        let (ci, cj) = (self.cluster_of[i], self.cluster_of[j]);
        if ci == cj {
            return Some(format!("one fused event: {}", self.clusters[ci].id));
        }
        // (the one placed later met the other's fused event, or did not)
        let (later, earlier) = if self.ranks[i] > self.ranks[j] {
            (i, j)
        } else {
            (j, i)
        };
        let (own, other) = (self.cluster_of[later], self.cluster_of[earlier]);
        let (later_id, other_id) = (self.mentions[later].id(), &self.clusters[other].id);
        if !self.candidates(later).contains(&other) {
            let dated = |m: &Mention| match (m.day_window(), m.window) {
                (Some((x, y)), _) if x == y => format!("the day {x}"),
                (Some((x, y)), _) => format!("the days {x} to {y}"),
                (None, Some((x, y))) => format!("only {x} to {y}, too broad to file by day"),
                (None, None) => "no date".to_string(),
            };
            return Some(format!(
                "apart: never compared, as fusion meets only the fused events filed under the same country and days (a mention dated by a month or year meets those dated so): {} is {} in {}, {} {} in {}",
                self.mentions[i].id(),
                dated(&self.mentions[i]),
                self.mentions[i].country_key(),
                self.mentions[j].id(),
                dated(&self.mentions[j]),
                self.mentions[j].country_key(),
            ));
        }
        Some(match self.compare_fast(later, other) {
            Err(member) => {
                let why = match self.score_with(later, member, true) {
                    PairScore::Veto(why) => why,
                    PairScore::Score { .. } => String::new(),
                };
                format!(
                    "apart: {later_id} is vetoed by {}, a member of {other_id}: {why}",
                    self.mentions[member].id()
                )
            }
            Ok((member, total)) if total < MERGE_THRESHOLD => format!(
                "apart: {later_id} scores at best {total:.3} against {other_id} (with {}), under the threshold {MERGE_THRESHOLD}",
                self.mentions[member].id()
            ),
            Ok((member, total)) => format!(
                "apart: {later_id} scores {total:.3} against {other_id} (with {}) but joined {}, which scored higher",
                self.mentions[member].id(),
                self.clusters[own].id
            ),
        })
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &'static Lexicons {
        self.lex
    }
}

/// A pair of fused events that may be one ([`Fuser::merge_candidates`]).
#[derive(Debug, Clone)]
pub struct MergeCandidate {
    /// The mention (index) that scored close to the other fused event; its own is
    /// `cluster_of[mention]`.
    pub mention: usize,
    /// The member of the other fused event it scored best against (another article's).
    pub member: usize,
    /// The other fused event.
    pub cluster: usize,
    /// The mention's best score against it, under the threshold.
    pub score: f32,
    /// Each cue of that score.
    pub cues: Vec<CueScore>,
}

/// What [`Fuser::split_diagnostics`] counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SplitDiagnostics {
    /// Near-misses: a mention's best other fused event scoring `floor` up to the threshold.
    pub near_misses: usize,
    /// Of those, the ones between two fused events that a single mention scores over the
    /// threshold against, no member of either vetoing it (a bridge).
    pub near_misses_bridged: usize,
    /// Pairs of fused events with a bridge.
    pub bridged_cluster_pairs: usize,
    /// Of those, the pairs where a member of one vetoes a member of the other.
    pub bridged_pairs_vetoed: usize,
    /// Fused events where exactly one member vetoes a mention of another event that a member
    /// accepts over the threshold.
    pub clusters_with_lone_veto: usize,
    /// Such (mention, fused event) cases.
    pub lone_vetoed_mentions: usize,
    /// Of those, the ones where two members or more accept (the veto is outvoted).
    pub outvoted_vetoed_mentions: usize,
}

/// A mention's place in fusion order from its article's and its own.
fn rank(article_seq: u64, ordinal: usize) -> u64 {
    (article_seq << 24) + ordinal as u64
}

/// Which of an article's mentions each standalone claim (a denial or doubt that reports no event
/// of its own) is about: the mention whose notes share the most content words with the claim's
/// sentence, two at least (`(mention's place among `notes`, claim)`, in claim order).
pub fn attach_claims<'a>(notes: &[&str], claims: &'a [Claim]) -> Vec<(usize, &'a Claim)> {
    let notes: Vec<HashSet<String>> = notes.iter().map(|n| content_words(n)).collect();
    let mut out = Vec::new();
    for claim in claims {
        let words = content_words(&claim.sentence);
        let best = notes
            .iter()
            .enumerate()
            .map(|(m, notes)| (words.intersection(notes).count(), m))
            .filter(|(n, _)| *n >= 2)
            .max_by_key(|(n, m)| (*n, std::cmp::Reverse(*m)));
        if let Some((_, m)) = best {
            out.push((m, claim));
        }
    }
    out
}

fn seed() -> Provenance {
    Provenance {
        matched: None,
        total: 1.0,
        cues: Vec::new(),
    }
}

/// Words that say nothing about which event a claim is about.
const STOP_WORDS: &[&str] = &[
    "that", "this", "with", "from", "have", "were", "said", "their", "which", "would", "there",
    "about", "after", "they", "been", "also", "into", "over", "than", "when", "where",
];

/// Content words of a sentence for claim attachment: words of four letters or more, lower-cased,
/// cut to their first five letters (a crude stem: "evacuate" and "evacuated" meet).
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| w.chars().take(5).collect())
        .collect()
}
