//! Relations between fused events: accounts of one cessation of hostilities (agreeing or
//! disagreeing on when it began), events that break a ceasefire inside its validity window,
//! and stories (fused events of one situation, grouped).

use crate::fuser::Fuser;
use crate::score::{places_near, Mention};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use sitrep_model::EventType;
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
    /// Stable id: `S:` + the id of its first fused event in ingest order.
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

/// Mentions bucketed by (country, day) for the link rules, so that each look-up stays local.
fn day_buckets(
    fuser: &Fuser,
    keep: impl Fn(&Mention) -> bool,
) -> HashMap<(String, NaiveDate), Vec<usize>> {
    let mut buckets: HashMap<(String, NaiveDate), Vec<usize>> = HashMap::new();
    for (i, m) in fuser.mentions.iter().enumerate() {
        if !keep(m) {
            continue;
        }
        if let Some((a, b)) = m.day_window() {
            let mut d = a;
            while d <= b {
                buckets.entry((m.country_key(), d)).or_default().push(i);
                d += Duration::days(1);
            }
        }
    }
    buckets
}

/// Cessation links and ceasefire breaks between fused events.
pub fn links(fuser: &Fuser) -> Vec<Link> {
    let mut out: BTreeMap<(usize, usize, u8), Link> = BTreeMap::new();
    let cess = day_buckets(fuser, |m| m.cessation.is_some());
    for (i, m) in fuser.mentions.iter().enumerate() {
        if m.cessation.is_none() {
            continue;
        }
        let Some((a, b)) = m.day_window() else {
            continue;
        };
        let mut d = a - Duration::days(CESSATION_DAYS);
        let mut seen = Vec::new();
        while d <= b + Duration::days(CESSATION_DAYS) {
            for &j in cess
                .get(&(m.country_key(), d))
                .map_or(&[][..], Vec::as_slice)
            {
                if j <= i || seen.contains(&j) {
                    continue;
                }
                seen.push(j);
                let o = &fuser.mentions[j];
                let (ci, cj) = (fuser.cluster_of[i], fuser.cluster_of[j]);
                if ci == cj || o.article_id == m.article_id {
                    continue;
                }
                if too_far(gap_days(m, o), CESSATION_DAYS) {
                    continue;
                }
                let Some(place) = places_near(m, o, STORY_KM) else {
                    continue;
                };
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
                let fmt = |d: &Option<(NaiveDate, String)>| {
                    d.as_ref().map_or("undated".into(), |d| d.1.clone())
                };
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
                let key = (ci.min(cj), ci.max(cj), 0);
                let link = Link {
                    a: fuser.clusters[key.0].id.clone(),
                    b: fuser.clusters[key.1].id.clone(),
                    relation,
                    detail,
                };
                // a disagreement between any two accounts marks the pair
                match out.get(&key) {
                    Some(l) if l.relation == Relation::DisagreeingAccounts => {}
                    _ => {
                        out.insert(key, link);
                    }
                }
            }
            d += Duration::days(1);
        }
    }
    // ceasefire breaks: violence at the place inside a window that has an end
    let violent = |m: &Mention| {
        matches!(
            m.event.sub_event_type.event_type(),
            EventType::Battles
                | EventType::ExplosionsRemoteViolence
                | EventType::ViolenceAgainstCivilians
        ) && !m.event.tally
            && m.cessation.is_none()
    };
    let violence = day_buckets(fuser, violent);
    for (i, m) in fuser.mentions.iter().enumerate() {
        let Some(start) = m.event.date.date else {
            continue;
        };
        if m.cessation.is_none() {
            continue;
        }
        let end = m
            .event
            .valid_until
            .as_ref()
            .and_then(|t| t.at.get(..10))
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .or(m.event.date.end);
        let Some(end) = end.filter(|e| *e >= start && (*e - start).num_days() <= 90) else {
            continue;
        };
        let mut d = start;
        while d <= end {
            for &j in violence
                .get(&(m.country_key(), d))
                .map_or(&[][..], Vec::as_slice)
            {
                let o = &fuser.mentions[j];
                let (ci, cj) = (fuser.cluster_of[i], fuser.cluster_of[j]);
                if ci == cj || !o.explicit_day || o.event.date.date != Some(d) {
                    continue;
                }
                if let Some(place) = places_near(m, o, STORY_KM) {
                    out.entry((ci, cj, 1)).or_insert_with(|| Link {
                        a: fuser.clusters[ci].id.clone(),
                        b: fuser.clusters[cj].id.clone(),
                        relation: Relation::BreaksCeasefire,
                        detail: format!(
                            "{} on {d}, inside \"{}\" {start}..{end}; {place}",
                            o.event.sub_event_type.acled_name(),
                            m.cessation.as_deref().unwrap_or("")
                        ),
                    });
                }
            }
            d += Duration::days(1);
        }
    }
    out.into_values().collect()
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
/// apart. Stories reach across articles through the fused events they share. Only stories with
/// two events or more are returned.
pub fn stories(fuser: &Fuser) -> Vec<Story> {
    let n = fuser.clusters.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut by_article: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, m) in fuser.mentions.iter().enumerate() {
        if m.event.sub_event_type.is_conflict() {
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
                if x != y {
                    parent[x.max(y)] = x.min(y);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for c in 0..n {
        let conflict = fuser.clusters[c]
            .members
            .iter()
            .any(|&m| fuser.mentions[m].event.sub_event_type.is_conflict());
        if conflict {
            let root = find(&mut parent, c);
            groups.entry(root).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    for (root, mut clusters) in groups {
        if clusters.len() < 2 {
            continue;
        }
        let date = |c: usize| {
            fuser.clusters[c]
                .members
                .iter()
                .filter_map(|&m| fuser.mentions[m].event.date.date)
                .min()
        };
        clusters.sort_by_key(|&c| (date(c).is_none(), date(c), c));
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
