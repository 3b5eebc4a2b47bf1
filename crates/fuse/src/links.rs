//! Relations between fused events: accounts of one cessation of hostilities (agreeing or
//! disagreeing on when it began), events that break a ceasefire inside its validity window,
//! and stories (fused events of one situation, grouped).

use crate::fuser::Fuser;
use crate::merge::representative;
use crate::score::{places_near, Mention, MAX_WINDOW_DAYS};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How two fused events relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Two accounts of one cessation of hostilities that agree on its date.
    AgreeingAccounts,
    /// Two accounts of one cessation of hostilities that disagree on its date.
    DisagreeingAccounts,
    /// Two accounts of one cessation of hostilities, at least one without a date.
    LinkedAccounts,
    /// `b` is violence inside the validity window of ceasefire `a`.
    BreaksCeasefire,
}

/// A relation between two fused events, with why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// First fused event id.
    pub a: String,
    /// Second fused event id.
    pub b: String,
    /// How they relate.
    pub relation: Relation,
    /// Why ("2018-05-20 (military source) vs 2018-05-19 (Alliance ...); both at Al Hajar al Aswad").
    pub detail: String,
}

/// A story: fused events of one situation, in time order, and the articles behind them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Stable id: `S:` + the id of its first fused event in fusion order.
    pub id: String,
    /// A title from its place and kinds ("Damascus: Non-violent transfer of territory, Armed clash").
    pub title: String,
    /// Fused event ids, earliest first (undated last).
    pub events: Vec<String>,
    /// Articles behind them.
    pub articles: Vec<String>,
    /// First and last event date.
    pub first: Option<NaiveDate>,
    /// Last event date.
    pub last: Option<NaiveDate>,
}

/// Days within which two cessation accounts can be of one cessation.
const CESSATION_DAYS: i64 = 3;
/// Longest validity window (days) of a ceasefire whose breaks are looked for.
const CEASEFIRE_DAYS: i64 = 90;
/// Km within which places of two mentions make them one situation.
const STORY_KM: f64 = 25.0;
/// Days within which events of an article belong to one story.
const STORY_DAYS: i64 = 7;

fn gap_days(a: &Mention, b: &Mention) -> Option<i64> {
    let ((a0, a1), (b0, b1)) = (a.window?, b.window?);
    Some(if a1 < b0 {
        (b0 - a1).num_days()
    } else if b1 < a0 {
        (a0 - b1).num_days()
    } else {
        0
    })
}

fn claimant(m: &Mention) -> String {
    m.event
        .claims
        .first()
        .map(|c| c.claimant.clone())
        .or_else(|| m.source.clone())
        .unwrap_or_else(|| m.article_id.clone())
}

/// The days of a cessation account (a mention whose sentence reports a cessation, with a
/// window short enough to index).
fn cessation_days(m: &Mention) -> Option<(NaiveDate, NaiveDate)> {
    m.cessation.as_ref().and(m.day_window())
}

/// The day of violence a ceasefire can be broken by: a battle, explosion or attack on civilians
/// (not a tally, not itself a cessation) on a day read from the text.
fn violence_day(m: &Mention) -> Option<NaiveDate> {
    let violent =
        m.event.sub_event_type.is_armed_violence() && !m.event.tally && m.cessation.is_none();
    m.event.date.date.filter(|_| violent && m.explicit_day)
}

/// The validity window of a ceasefire: from its date to its end (`valid_until`, else the end of
/// its date), when that is at most [`CEASEFIRE_DAYS`] long.
fn ceasefire_window(m: &Mention) -> Option<(NaiveDate, NaiveDate)> {
    m.cessation.as_ref()?;
    let start = m.event.date.date?;
    let end = m
        .event
        .valid_until
        .as_ref()
        .and_then(|t| t.at.get(..10))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .or(m.event.date.end)?;
    (end >= start && (end - start).num_days() <= CEASEFIRE_DAYS).then_some((start, end))
}

/// What a mention can be linked as: a cessation account over days, violence on a day, or a
/// ceasefire over its validity window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LinkRole {
    /// A cessation account ([`Relation::AgreeingAccounts`] and the like with other accounts).
    Cessation,
    /// Violence on a day read from the text (can break a ceasefire).
    Violence,
    /// A ceasefire with a validity window (can be broken).
    Ceasefire,
}

impl LinkRole {
    /// Its name on disk.
    pub fn as_str(self) -> &'static str {
        match self {
            LinkRole::Cessation => "cessation",
            LinkRole::Violence => "violence",
            LinkRole::Ceasefire => "ceasefire",
        }
    }
}

/// Where a mention is filed for the link rules: its role, country ([`Mention::country_key`])
/// and days (first and last, inclusive, counted from the common era).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkKey {
    /// The role.
    pub role: LinkRole,
    /// The country key.
    pub country: String,
    /// First day.
    pub first: i32,
    /// Last day.
    pub last: i32,
}

/// What a mention can be linked with: keys of `role` in `country` whose first day is in
/// `first_from..=first_to` and whose last day is `last_from` or later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkQuery {
    /// The role of the partners.
    pub role: LinkRole,
    /// The country key.
    pub country: String,
    /// Earliest first day.
    pub first_from: i32,
    /// Latest first day.
    pub first_to: i32,
    /// Earliest last day.
    pub last_from: i32,
}

fn day_number(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
}

/// The keys a mention is filed under for the link rules (none for most mentions).
pub fn link_keys(m: &Mention) -> Vec<LinkKey> {
    let key = |role, (a, b): (NaiveDate, NaiveDate)| LinkKey {
        role,
        country: m.country_key(),
        first: day_number(a),
        last: day_number(b),
    };
    let mut out = Vec::new();
    if let Some(days) = cessation_days(m) {
        out.push(key(LinkRole::Cessation, days));
    }
    if let Some(d) = violence_day(m) {
        out.push(key(LinkRole::Violence, (d, d)));
    }
    if let Some(window) = ceasefire_window(m) {
        out.push(key(LinkRole::Ceasefire, window));
    }
    out
}

/// The keys a mention's link partners are filed under: every mention it can be linked with
/// holds a key that one of these queries matches.
pub fn link_queries(m: &Mention) -> Vec<LinkQuery> {
    let query = |role, first_from, first_to, last_from| LinkQuery {
        role,
        country: m.country_key(),
        first_from,
        first_to,
        last_from,
    };
    let (near, window) = (CESSATION_DAYS as i32, MAX_WINDOW_DAYS as i32);
    let mut out = Vec::new();
    if let Some((a, b)) = cessation_days(m) {
        let (a, b) = (day_number(a), day_number(b));
        // other accounts whose days come within CESSATION_DAYS of these
        out.push(query(
            LinkRole::Cessation,
            a - near - window,
            b + near,
            a - near,
        ));
    }
    if let Some((start, end)) = ceasefire_window(m) {
        out.push(query(
            LinkRole::Violence,
            day_number(start),
            day_number(end),
            day_number(start),
        ));
    }
    if let Some(d) = violence_day(m) {
        let d = day_number(d);
        out.push(query(LinkRole::Ceasefire, d - CEASEFIRE_DAYS as i32, d, d));
    }
    out
}

/// Mentions filed by (role, country, day) for the link rules, so that each look-up stays local.
type Buckets<'a> = HashMap<(LinkRole, String, i32), Vec<usize>>;

fn buckets(fuser: &Fuser) -> Buckets<'_> {
    let mut out: Buckets<'_> = HashMap::new();
    for (i, m) in fuser.mentions.iter().enumerate() {
        for key in link_keys(m) {
            for day in key.first..=key.last {
                out.entry((key.role, key.country.clone(), day))
                    .or_default()
                    .push(i);
            }
        }
    }
    out
}

/// The pair of fused events (their `seq`s) a link joins, and its kind (0 cessation accounts,
/// 1 ceasefire break).
type PairKey = (usize, usize, u8);
/// What picks one link per pair of fused events, whatever the order pairs of mentions are met
/// in: the lowest wins (relation priority, then the two mentions' ranks).
type PairOrder = (u8, u64, u64);
/// One candidate link from a pair of mentions.
type Candidate = (PairKey, PairOrder, Link);

/// The link two cessation accounts make, if they are of one cessation (`i` before `j`).
fn cessation_link(fuser: &Fuser, i: usize, j: usize) -> Option<Candidate> {
    let (m, o) = (&fuser.mentions[i], &fuser.mentions[j]);
    let (ci, cj) = (fuser.cluster_of[i], fuser.cluster_of[j]);
    if ci == cj || o.article_id == m.article_id || too_far(gap_days(m, o), CESSATION_DAYS) {
        return None;
    }
    let place = places_near(m, o, STORY_KM)?;
    // the date each account gives the cessation: its own words, else an event day read from the text
    let when = |m: &Mention| {
        m.cessation_date
            .clone()
            .map(|(d, w)| (d, format!("{d} \"{w}\"")))
            .or_else(|| {
                m.event
                    .date
                    .date
                    .filter(|_| m.explicit_day)
                    .map(|d| (d, d.to_string()))
            })
    };
    let (x, y) = (when(m), when(o));
    let disagree = matches!((&x, &y), (Some(a), Some(b)) if a.0 != b.0);
    let relation = if disagree {
        Relation::DisagreeingAccounts
    } else if x.is_none() || y.is_none() {
        Relation::LinkedAccounts
    } else {
        Relation::AgreeingAccounts
    };
    let fmt =
        |d: &Option<(NaiveDate, String)>| d.as_ref().map_or("undated".into(), |d| d.1.clone());
    let detail = format!(
        "{} \"{}\" {} ({}) vs \"{}\" {} ({}); {place}",
        if disagree {
            "dates differ:"
        } else {
            "same cessation:"
        },
        m.cessation.as_deref().unwrap_or(""),
        fmt(&x),
        claimant(m),
        o.cessation.as_deref().unwrap_or(""),
        fmt(&y),
        claimant(o),
    );
    let (a, b) = if fuser.clusters[ci].seq < fuser.clusters[cj].seq {
        (ci, cj)
    } else {
        (cj, ci)
    };
    // a disagreement between any two accounts marks the pair; then agreement; then the
    // earliest pair of accounts
    let priority = match relation {
        Relation::DisagreeingAccounts => 0,
        Relation::AgreeingAccounts => 1,
        _ => 2,
    };
    Some((
        (fuser.clusters[a].seq, fuser.clusters[b].seq, 0),
        (priority, fuser.rank(i), fuser.rank(j)),
        Link {
            a: fuser.clusters[a].id.clone(),
            b: fuser.clusters[b].id.clone(),
            relation,
            detail,
        },
    ))
}

/// The link violence `j` makes with ceasefire `i`, if it breaks it.
fn break_link(fuser: &Fuser, i: usize, j: usize) -> Option<Candidate> {
    let (m, o) = (&fuser.mentions[i], &fuser.mentions[j]);
    let (ci, cj) = (fuser.cluster_of[i], fuser.cluster_of[j]);
    let (start, end) = ceasefire_window(m)?;
    let d = violence_day(o)?;
    if ci == cj || d < start || d > end || m.country_key() != o.country_key() {
        return None;
    }
    let place = places_near(m, o, STORY_KM)?;
    Some((
        (fuser.clusters[ci].seq, fuser.clusters[cj].seq, 1),
        (0, fuser.rank(i), fuser.rank(j)),
        Link {
            a: fuser.clusters[ci].id.clone(),
            b: fuser.clusters[cj].id.clone(),
            relation: Relation::BreaksCeasefire,
            detail: format!(
                "{} on {d}, inside \"{}\" {start}..{end}; {place}",
                o.event.sub_event_type.acled_name(),
                m.cessation.as_deref().unwrap_or("")
            ),
        },
    ))
}

/// Cessation links and ceasefire breaks between fused events.
pub fn links(fuser: &Fuser) -> Vec<Link> {
    links_from(fuser, 0..fuser.mentions.len())
}

/// The links with an end in one of `clusters` (indices), among the mentions the fuser holds.
/// Every link between two fused events depends only on their members, so after new mentions
/// joined `clusters` these are the links to write again; the rest stand.
pub fn links_touching(fuser: &Fuser, clusters: &[usize]) -> Vec<Link> {
    let sources = clusters
        .iter()
        .flat_map(|&c| fuser.clusters[c].members.iter().copied());
    links_from(fuser, sources)
}

/// The links of the fused-event pairs that the mentions `sources` take part in, each chosen
/// over every pair of accounts of the two fused events, in order of the fused events.
fn links_from(fuser: &Fuser, sources: impl Iterator<Item = usize>) -> Vec<Link> {
    let buckets = buckets(fuser);
    let mut best: BTreeMap<PairKey, (PairOrder, Link)> = BTreeMap::new();
    let mut consider = |candidate: Option<Candidate>| {
        if let Some((key, order, link)) = candidate {
            match best.get(&key) {
                Some(kept) if kept.0 <= order => {}
                _ => {
                    best.insert(key, (order, link));
                }
            }
        }
    };
    for i in sources {
        for query in link_queries(&fuser.mentions[i]) {
            // a partner is filed on every day of its keys, and each key the query matches
            // covers the days from `last_from` to `first_to`
            let mut seen = Vec::new();
            for day in query.last_from..=query.first_to {
                let partners = buckets
                    .get(&(query.role, query.country.clone(), day))
                    .map_or(&[][..], Vec::as_slice);
                for &j in partners {
                    if j == i || seen.contains(&j) {
                        continue;
                    }
                    seen.push(j);
                    consider(match query.role {
                        LinkRole::Cessation if fuser.rank(i) < fuser.rank(j) => {
                            cessation_link(fuser, i, j)
                        }
                        LinkRole::Cessation => cessation_link(fuser, j, i),
                        LinkRole::Violence => break_link(fuser, i, j),
                        LinkRole::Ceasefire => break_link(fuser, j, i),
                    });
                }
            }
        }
    }
    best.into_values().map(|(_, link)| link).collect()
}

/// Whether a gap in days is unknown or over `limit`.
fn too_far(gap: Option<i64>, limit: i64) -> bool {
    gap.is_none_or(|g| g > limit)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Group conflict events into stories: two events are in one story when one article reports
/// both, at places within 25 km (or in the same admin1 without coordinates), at most a week
/// apart, each dated to within a week and neither a recall of the past. Stories reach across articles through the fused events they share. Only stories with
/// two events or more are returned.
pub fn stories(fuser: &Fuser) -> Vec<Story> {
    stories_from(fuser, None)
}

/// The stories that hold one of `clusters` (indices), among the fused events the fuser holds.
/// New mentions only join stories together, so after they joined `clusters`, loading every
/// fused event of the stories those were in gives each story they are in now.
pub fn stories_touching(fuser: &Fuser, clusters: &[usize]) -> Vec<Story> {
    stories_from(fuser, Some(clusters))
}

fn stories_from(fuser: &Fuser, focus: Option<&[usize]>) -> Vec<Story> {
    let n = fuser.clusters.len();
    let seq = |c: usize| fuser.clusters[c].seq;
    let mut parent: Vec<usize> = (0..n).collect();
    let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    // (a recall of the past, or one dated only to a month or a year, ties no story together:
    // "fighting erupted in April 2023", repeated by hundreds of reports, would join every
    // April event of their towns into one)
    let dated_to_days = |m: &Mention| {
        !m.background
            && m.window
                .is_some_and(|(a, b)| (b - a).num_days() < STORY_DAYS)
    };
    for (i, m) in fuser.mentions.iter().enumerate() {
        if m.event.sub_event_type.is_conflict() && dated_to_days(m) {
            by_article.entry(m.article_id.as_str()).or_default().push(i);
        }
    }
    for mentions in by_article.values() {
        for (k, &i) in mentions.iter().enumerate() {
            for &j in &mentions[k + 1..] {
                let (a, b) = (&fuser.mentions[i], &fuser.mentions[j]);
                if too_far(gap_days(a, b), STORY_DAYS) || places_near(a, b, STORY_KM).is_none() {
                    continue;
                }
                let (x, y) = (
                    find(&mut parent, fuser.cluster_of[i]),
                    find(&mut parent, fuser.cluster_of[j]),
                );
                // the root is the story's first fused event
                if seq(x) < seq(y) {
                    parent[y] = x;
                } else if x != y {
                    parent[x] = y;
                }
            }
        }
    }
    let wanted: Option<std::collections::BTreeSet<usize>> =
        focus.map(|f| f.iter().map(|&c| find(&mut parent, c)).collect());
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in 0..n {
        let root = find(&mut parent, c);
        if wanted.as_ref().is_some_and(|w| !w.contains(&root)) {
            continue;
        }
        let conflict = fuser.clusters[c]
            .members
            .iter()
            .any(|&m| fuser.mentions[m].event.sub_event_type.is_conflict());
        if conflict {
            groups.entry(root).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for (root, mut clusters) in groups {
        if clusters.len() < 2 {
            continue;
        }
        // the date each fused event shows (its representative's)
        let date = |c: usize| representative(fuser, c).event.date.date;
        clusters.sort_by_cached_key(|&c| (date(c).is_none(), date(c), seq(c)));
        let mut articles: Vec<String> = Vec::new();
        let mut places: BTreeMap<String, usize> = BTreeMap::new();
        let mut kinds: Vec<&str> = Vec::new();
        for &c in &clusters {
            for &m in &fuser.clusters[c].members {
                let e = &fuser.mentions[m];
                if !articles.contains(&e.article_id) {
                    articles.push(e.article_id.clone());
                }
                if let Some(p) = &e.event.location {
                    let name = p.admin1.clone().unwrap_or_else(|| p.name.clone());
                    *places.entry(name).or_default() += 1;
                }
                let kind = e.event.sub_event_type.acled_name();
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        let place = places
            .iter()
            .max_by_key(|(name, n)| (**n, std::cmp::Reverse(name.as_str())))
            .map_or("?".to_string(), |(p, _)| p.clone());
        let dates: Vec<NaiveDate> = clusters.iter().filter_map(|&c| date(c)).collect();
        out.push(Story {
            id: format!("S:{}", fuser.clusters[root].id.trim_start_matches("F:")),
            title: format!(
                "{place}: {}",
                kinds.iter().take(3).copied().collect::<Vec<_>>().join(", ")
            ),
            events: clusters
                .iter()
                .map(|&c| fuser.clusters[c].id.clone())
                .collect(),
            articles,
            first: dates.iter().min().copied(),
            last: dates.iter().max().copied(),
        });
    }
    out.sort_by(|a, b| (b.articles.len(), &a.id).cmp(&(a.articles.len(), &b.id)));
    out
}
