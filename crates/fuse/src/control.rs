//! Territorial control over time: per place, who controls it from when to when, from control
//! facts and territory-changing events, with the claims behind each step.

use crate::merge::FusedEvent;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{ControlFact, PlaceRef, SubEventType};
use sitrep_places::normalise::name_key;
use std::collections::{BTreeMap, BTreeSet};

/// One step of a place's control timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlStep {
    /// Who controls the place from `from` (`None` when only the side that left is known).
    pub controller: Option<String>,
    /// The side that gave the place up, for transfers and withdrawals.
    pub relinquished_by: Option<String>,
    /// From when (`None` when undated).
    pub from: Option<NaiveDate>,
    /// Until the next step's date, when there is one.
    pub until: Option<NaiveDate>,
    /// `fact` (a control statement) or the fused event id.
    pub basis: String,
    /// Who says so: `claimant (polarity) in article`.
    pub claims: Vec<String>,
    /// Another step on the same day names another controller, or a report denies this one.
    pub contested: bool,
}

/// The control timeline of one place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceTimeline {
    /// The place's name.
    pub place: String,
    /// GeoNames id, when known.
    pub geonameid: Option<u32>,
    /// Steps, earliest first (undated last).
    pub steps: Vec<ControlStep>,
}

fn key(p: &PlaceRef) -> String {
    p.geonameid.map_or_else(
        || format!("name:{}", p.name.to_lowercase()),
        |g| g.to_string(),
    )
}

/// Whether a place is named by `query` (trimmed; empty matches every place): its GeoNames id,
/// or its resolved or written name compared by the gazetteer's name key (case, diacritics,
/// the Arabic article and doubled letters aside: "Raqqa", "Ar Raqqah" and "raqqah" are one).
fn named(p: &PlaceRef, query: &str) -> bool {
    let q = query.trim();
    if q.is_empty() || p.geonameid.is_some_and(|g| g.to_string() == q) {
        return true;
    }
    let key = name_key(q);
    !key.is_empty() && (name_key(&p.name) == key || name_key(&p.mention) == key)
}

/// Control timelines of the places matching `query` (name, mention or GeoNames id, compared as
/// [`named`] does; empty = every place; a place resolved to a GeoNames entry is matched with
/// every spelling resolved to it), from control facts and the territory-changing fused events
/// (Non-state actor overtakes territory, Government regains territory, Non-violent transfer of
/// territory: actor1 takes the place, actor2 gives it up, as ACLED codes them).
pub fn control_timelines(
    facts: &[ControlFact],
    events: &[FusedEvent],
    query: &str,
) -> Vec<PlaceTimeline> {
    // the entries the query names, so that every spelling resolved to one of them matches
    let wanted: BTreeSet<u32> = facts
        .iter()
        .map(|f| &f.place)
        .chain(events.iter().filter_map(|e| e.event.location.as_ref()))
        .filter(|p| named(p, query))
        .filter_map(|p| p.geonameid)
        .collect();
    // (a country is no place one side holds: "seized it in 2021" read at the country's
    // precision names no town)
    let matches = |p: &PlaceRef| {
        p.admin1.is_some()
            && p.geonameid
                .map_or_else(|| named(p, query), |g| wanted.contains(&g))
    };
    let mut places: BTreeMap<String, PlaceTimeline> = BTreeMap::new();
    let mut push = |place: &PlaceRef, step: ControlStep| {
        places
            .entry(key(place))
            .or_insert_with(|| PlaceTimeline {
                place: place.name.clone(),
                geonameid: place.geonameid,
                steps: Vec::new(),
            })
            .steps
            .push(step);
    };
    // who can hold a place: armed forces and groups, never civilians, protesters or rioters
    // (an evacuation convoy's civilians leave a town, they do not take it)
    let holds = |a: &sitrep_model::ActorRef| {
        !a.name.starts_with("Unidentified") && !matches!(a.inter, 5..=7)
    };
    // a denial ("denied ... claims that the militia had seized the town") is no step
    let denied = |c: &Option<sitrep_model::Claim>| {
        c.as_ref()
            .is_some_and(|c| c.polarity == sitrep_model::Polarity::Denied)
    };
    for f in facts
        .iter()
        .filter(|f| matches(&f.place) && holds(&f.controller) && !denied(&f.claim))
    {
        let claims = f
            .claim
            .iter()
            .map(|c| format!("{} ({:?}) in {}", c.claimant, c.polarity, c.article_id))
            .collect::<Vec<_>>();
        push(
            &f.place,
            ControlStep {
                controller: Some(f.controller.name.clone()),
                relinquished_by: None,
                from: f.as_of.date,
                until: None,
                basis: "fact".into(),
                claims: if claims.is_empty() {
                    vec![format!("{} in {}", f.evidence.text, f.evidence.article_id)]
                } else {
                    claims
                },
                contested: false,
            },
        );
    }
    let takes = [
        SubEventType::from_acled("Non-state actor overtakes territory"),
        SubEventType::from_acled("Government regains territory"),
        SubEventType::from_acled("Non-violent transfer of territory"),
    ];
    for fe in events {
        let e = &fe.event;
        let Some(place) = e.location.as_ref().filter(|p| matches(p)) else {
            continue;
        };
        if e.only_denied() {
            continue;
        }
        let actor = |a: &Option<sitrep_model::ActorRef>| {
            a.as_ref().filter(|a| holds(a)).map(|a| a.name.clone())
        };
        if !takes.contains(&Some(e.sub_event_type)) {
            continue;
        }
        let (controller, relinquished_by) = (actor(&e.actor1), actor(&e.actor2));
        if controller.is_none() && relinquished_by.is_none() {
            continue;
        }
        let claims = e
            .claims
            .iter()
            .map(|c| format!("{} ({:?}) in {}", c.claimant, c.polarity, c.article_id))
            .collect();
        push(
            place,
            ControlStep {
                controller,
                relinquished_by,
                from: e.date.date,
                until: None,
                basis: fe.id.clone(),
                claims,
                // some report asserts the step, another denies it
                contested: e.disputed(),
            },
        );
    }
    let mut out: Vec<PlaceTimeline> = places.into_values().collect();
    for t in &mut out {
        t.steps.sort_by_key(|s| (s.from.is_none(), s.from));
        fold_repeated_steps(&mut t.steps);
        let n = t.steps.len();
        for i in 0..n {
            let (from, ctl) = (t.steps[i].from, t.steps[i].controller.clone());
            t.steps[i].until = t.steps[i + 1..]
                .iter()
                .filter_map(|s| s.from)
                .find(|d| Some(*d) > from);
            let other_controller = from.is_some()
                && t.steps.iter().any(|s| {
                    s.from == from && s.controller.is_some() && ctl.is_some() && s.controller != ctl
                });
            t.steps[i].contested |= other_controller;
        }
    }
    out
}

/// One step told by several sources (the same controller, or the same side leaving, from the
/// same day) is one step with all their claims and bases, not a step per source.
fn fold_repeated_steps(steps: &mut Vec<ControlStep>) {
    let mut folded: Vec<ControlStep> = Vec::with_capacity(steps.len());
    for step in steps.drain(..) {
        let same = |s: &ControlStep| {
            s.from == step.from
                && s.controller == step.controller
                && s.relinquished_by == step.relinquished_by
        };
        match folded.iter_mut().find(|s| same(s)) {
            Some(kept) => {
                for claim in step.claims {
                    if !kept.claims.contains(&claim) {
                        kept.claims.push(claim);
                    }
                }
                kept.contested |= step.contested;
                if !kept.basis.split(", ").any(|b| b == step.basis) {
                    kept.basis = format!("{}, {}", kept.basis, step.basis);
                }
            }
            None => folded.push(step),
        }
    }
    *steps = folded;
}
