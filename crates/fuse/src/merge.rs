//! A fused event as output: one [`Event`] for export (conservative figures, every claim), its
//! members with their merge provenance, and the claims side by side per figure.

use crate::fuser::{Fuser, Provenance};
use crate::score::{distance_km, Mention};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitrep_model::{ActorRef, Claim, DatePrecision, Event, Polarity, Quantity, QuantityKind};

/// One member of a fused event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The per-article event id.
    pub mention_id: String,
    /// Its article.
    pub article_id: String,
    /// The article's outlet.
    pub source: Option<String>,
    /// Why it was merged.
    pub provenance: Provenance,
}

/// One account of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Account {
    /// The value as reported ("more than 250", "2018-05-19", "Yarmouk", "denied").
    pub value: String,
    /// Who gives it.
    pub claimant: String,
    /// Asserted, denied, unconfirmed...
    pub polarity: Polarity,
    /// The article.
    pub article_id: String,
    /// The mention it belongs to.
    pub mention_id: String,
}

/// All accounts of one figure of a fused event, side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// `killed`, `evacuated`, ... (`killed:civilians` when split by side), `date`, `place`, `occurrence`.
    pub figure: String,
    /// The accounts.
    pub accounts: Vec<Account>,
    /// Why the accounts disagree, when they do.
    pub disagreement: Option<String>,
}

/// A fused event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FusedEvent {
    /// Stable id (`F:` + first mention id).
    pub id: String,
    /// The merged event, as exported (ACLED: the lowest credible fatality figure, noted in `notes`).
    pub event: Event,
    /// The mentions merged, in ingest order, with why.
    pub members: Vec<Member>,
    /// Claims side by side per figure.
    pub figures: Vec<Figure>,
}

impl FusedEvent {
    /// Whether any figure's accounts disagree.
    pub fn disagrees(&self) -> bool {
        self.figures.iter().any(|f| f.disagreement.is_some())
    }
}

fn date_rank(m: &Mention) -> u8 {
    match m.event.date.precision {
        DatePrecision::Day if m.explicit_day => 4,
        DatePrecision::Day | DatePrecision::AsOf => 3,
        DatePrecision::Week | DatePrecision::Approximate => 2,
        DatePrecision::Month => 1,
        _ => 0,
    }
}

fn place_rank(m: &Mention) -> u8 {
    m.event.location.as_ref().map_or(0, |p| {
        (4 - p.geo_precision.clamp(1, 3)) * 2 + u8::from(p.geonameid.is_some())
    })
}

/// A figure as an account gives it: "at least 9" (a lower bound: "more than", "at least",
/// "over"), "about 40", with the side's noun when it names one ("23 fighters").
fn quantity_text(q: &Quantity) -> String {
    let prefix = if q.lower_bound {
        "at least "
    } else if q.approximate {
        "about "
    } else {
        ""
    };
    match &q.side {
        Some(side) => format!("{prefix}{} {side}", q.value),
        None => format!("{prefix}{}", q.value),
    }
}

fn kind_name(kind: QuantityKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn claimant_of(m: &Mention, claim: Option<usize>) -> (String, Polarity) {
    let reporter = || m.source.clone().unwrap_or_else(|| m.article_id.clone());
    match claim
        .and_then(|i| m.event.claims.get(i))
        .or(m.event.claims.first())
    {
        Some(c) => (c.claimant.clone(), c.polarity),
        None => (reporter(), Polarity::Asserted),
    }
}

/// Whether figures disagree: two exact counts differ, a "more than x" is contradicted by an
/// exact count below x, or approximate counts differ by more than a quarter.
/// "disputed: the Syrian army denied it; a local council could not confirm it", when some claims
/// assert the event and others deny or doubt it ([`Event::disputed`]); `None` otherwise.
fn disputed_by(event: &Event) -> Option<String> {
    if !event.disputed() {
        return None;
    }
    let claims = &event.claims;
    let who = |polarity: Polarity| {
        let mut names: Vec<&str> = Vec::new();
        for c in claims.iter().filter(|c| c.polarity == polarity) {
            if !names.contains(&c.claimant.as_str()) {
                names.push(&c.claimant);
            }
        }
        names
    };
    let (denied, doubted) = (who(Polarity::Denied), who(Polarity::Unconfirmed));
    let mut parts = Vec::new();
    if !denied.is_empty() {
        parts.push(format!("{} denied it", denied.join(" and ")));
    }
    if !doubted.is_empty() {
        parts.push(format!("{} could not confirm it", doubted.join(" and ")));
    }
    Some(format!("disputed: {}", parts.join("; ")))
}

fn figures_disagree(qs: &[&Quantity]) -> Option<String> {
    // (a part of a toll, "among the dead were four children", is no other account of it)
    let qs: Vec<&Quantity> = qs
        .iter()
        .copied()
        .filter(|q| !q.evidence.rule.ends_with("+part"))
        .collect();
    let qs = qs.as_slice();
    for (i, a) in qs.iter().enumerate() {
        for b in &qs[i + 1..] {
            let differ = match (a.lower_bound, b.lower_bound) {
                (true, true) => false,
                (true, false) => b.value < a.value,
                (false, true) => a.value < b.value,
                (false, false) if a.approximate || b.approximate => {
                    let (x, y) = (a.value.max(b.value) as f64, a.value.min(b.value) as f64);
                    x > 0.0 && (x - y) / x > 0.25
                }
                (false, false) => a.value != b.value,
            };
            if differ {
                // every account's figure, each once, in the order told ("12 vs 15 vs 3")
                let mut told: Vec<String> = Vec::new();
                for q in qs {
                    let text = quantity_text(q);
                    if !told.contains(&text) {
                        told.push(text);
                    }
                }
                return Some(told.join(" vs "));
            }
        }
    }
    None
}

/// The member whose reading a fused event shows (its kind, date, place, actors): one that some
/// claim asserts (a denial names the deed in the denier's words: "denied that the army and
/// popular committees shelled the market" is no reading of who shelled it), of the kind most
/// members read, then the most precise date, then place, then the most confident reading,
/// then the earliest.
pub(crate) fn representative(fuser: &Fuser, c: usize) -> &Mention {
    let members = &fuser.clusters[c].members;
    let mentions: Vec<&Mention> = members.iter().map(|&m| &fuser.mentions[m]).collect();
    let votes = |m: &Mention| {
        mentions
            .iter()
            .filter(|o| !o.event.only_denied() && o.event.sub_event_type == m.event.sub_event_type)
            .count()
    };
    mentions
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| {
            let key = |m: &Mention| {
                (
                    !m.event.only_denied(),
                    votes(m),
                    date_rank(m),
                    place_rank(m),
                )
            };
            key(a)
                .cmp(&key(b))
                .then(a.event.confidence.total_cmp(&b.event.confidence))
                .then(j.cmp(i))
        })
        .map_or(&fuser.mentions[members[0]], |(_, m)| *m)
}

/// An unidentified actor (`Unidentified Armed Group (Syria)`, or none) replaced by the actor
/// the other members name in that role, the one most of them name (first named on a tie), when
/// it is not the other side of the event and the member is no denial.
fn named_over_unidentified(
    shown: Option<ActorRef>,
    other_side: Option<&ActorRef>,
    mentions: &[&Mention],
    role: impl Fn(&Event) -> Option<&ActorRef>,
) -> Option<ActorRef> {
    let unidentified = |a: &ActorRef| a.name.starts_with("Unidentified");
    if shown.as_ref().is_some_and(|a| !unidentified(a)) {
        return shown;
    }
    let mut named: Vec<(&ActorRef, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| !m.event.only_denied()) {
        let Some(a) = role(&m.event) else { continue };
        if unidentified(a) || other_side.is_some_and(|o| o.name == a.name) {
            continue;
        }
        match named.iter_mut().find(|(n, _)| n.name == a.name) {
            Some((_, count)) => *count += 1,
            None => named.push((a, 1)),
        }
    }
    // (max_by_key keeps the last of equals: reversed, the first named wins a tie)
    named
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(a, _)| (*a).clone())
        .or(shown)
}

/// The latest report whose count is a toll that rose ("the death toll rose to 12"): its
/// publication and figure. A later toll of the same dead is an update, not another account.
fn latest_risen_toll(reported: &[(u64, &Mention)]) -> Option<(Option<NaiveDate>, u64)> {
    reported
        .iter()
        .filter(|(f, m)| {
            m.event
                .quantities
                .iter()
                .any(|q| q.kind == QuantityKind::Killed && q.value == *f && q.is_risen_toll())
        })
        .map(|(f, m)| (m.published, *f))
        .max()
}

/// Whether a report's count is one the risen toll updates: lower and published before it, a
/// count of the same dead told before the toll rose (a lower count of the same day or later is
/// another account, and the lowest is taken, as ACLED is conservative).
fn superseded(figure: u64, m: &Mention, (published, toll): (Option<NaiveDate>, u64)) -> bool {
    figure < toll
        && match (m.published, published) {
            (Some(p), Some(r)) => p < r,
            _ => false,
        }
}

/// Build the fused event of cluster `c`.
pub fn fused_event(fuser: &Fuser, c: usize) -> FusedEvent {
    let cluster = &fuser.clusters[c];
    let mentions: Vec<&Mention> = cluster
        .members
        .iter()
        .map(|&m| &fuser.mentions[m])
        .collect();
    let rep = representative(fuser, c);
    let mut event = rep.event.clone();
    event.id = cluster.id.clone();
    event.article_ids.clear();
    event.sources.clear();
    event.claims.clear();
    event.quantities.clear();
    let attached: Vec<(usize, &Claim)> = cluster
        .members
        .iter()
        .flat_map(|&m| fuser.attached_claims(m).iter().map(move |c| (m, c)))
        .collect();
    for &mi in &cluster.members {
        let m = &fuser.mentions[mi];
        if !event.article_ids.contains(&m.article_id) {
            event.article_ids.push(m.article_id.clone());
        }
        for s in m.source.iter().chain(m.event.sources.iter()) {
            if !event.sources.contains(s) {
                event.sources.push(s.clone());
            }
        }
        let offset = event.claims.len();
        for claim in &m.event.claims {
            event.claims.push(claim.clone());
        }
        for claim in attached.iter().filter(|(x, _)| *x == mi).map(|(_, c)| *c) {
            event.claims.push(claim.clone());
        }
        for q in &m.event.quantities {
            let mut q = q.clone();
            q.claim = q.claim.map(|i| i + offset);
            event.quantities.push(q);
        }
        let e = &m.event;
        // (a denial's actors are the denier's words, read only when no report asserts it)
        let fills_actors = !(e.only_denied() && mentions.iter().any(|o| !o.event.only_denied()));
        if fills_actors && event.actor1.is_none() && e.actor1.is_some() {
            event.actor1 = e.actor1.clone();
        }
        if fills_actors && event.actor2.is_none() && e.actor2.is_some() {
            event.actor2 = e.actor2.clone();
        }
        for p in e.location.iter().chain(e.other_locations.iter()) {
            let known = event.location.as_ref().is_some_and(|l| l.name == p.name)
                || event.other_locations.iter().any(|l| l.name == p.name);
            if !known {
                event.other_locations.push(p.clone());
            }
        }
        event.valid_until = event.valid_until.take().or_else(|| e.valid_until.clone());
        event.confidence = event.confidence.max(e.confidence);
        event.salience = event.salience.max(e.salience);
    }
    // "Unidentified Armed Group" in the report shown, where another report of the event names
    // who acted ("two jets from the Syrian Air Force"): the named actor, the one most reports
    // name (a side another report names as the other party is no candidate)
    // of the same kind of event (roles mean other things in another)
    let kind = event.sub_event_type.event_type();
    let same_kind: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.event.sub_event_type.event_type() == kind)
        .copied()
        .collect();
    event.actor1 = named_over_unidentified(
        event.actor1.take(),
        event.actor2.as_ref(),
        &same_kind,
        |e| e.actor1.as_ref(),
    );
    event.actor2 = named_over_unidentified(
        event.actor2.take(),
        event.actor1.as_ref(),
        &same_kind,
        |e| e.actor2.as_ref(),
    );
    // ACLED's civilian targeting, of the kind and target the fused event shows (a member of
    // another kind, a violence-against-civilians line merged into a battle, does not make it)
    event.civilian_targeting = event
        .sub_event_type
        .civilian_targeting(event.actor2.as_ref().is_some_and(|a| a.inter == 7));
    // ACLED: the lowest credible figure, of the latest toll where one rose
    let reported: Vec<(u64, &Mention)> = mentions
        .iter()
        .filter(|m| m.event.fatalities > 0)
        .map(|m| (m.event.fatalities, *m))
        .collect();
    let risen = latest_risen_toll(&reported);
    event.fatalities = reported
        .iter()
        .filter(|(f, m)| risen.is_none_or(|r| !superseded(*f, m, r)))
        .map(|(f, _)| *f)
        .min()
        .unwrap_or(0);
    let mut said: Vec<String> = Vec::new();
    if mentions.len() > 1 {
        let articles = event.article_ids.len();
        said.push(format!(
            "{} reports from {} article{} ({})",
            mentions.len(),
            articles,
            if articles == 1 { "" } else { "s" },
            if event.sources.is_empty() {
                "outlets unknown".to_string()
            } else {
                event.sources.join("; ")
            }
        ));
        let distinct: std::collections::BTreeSet<u64> = reported.iter().map(|(f, _)| *f).collect();
        if distinct.len() > 1 {
            let others: Vec<String> = reported
                .iter()
                .map(|(f, m)| {
                    // (who gives that figure, not who is the report's first claimant)
                    let claim = m
                        .event
                        .quantities
                        .iter()
                        .find(|q| q.kind == QuantityKind::Killed && q.value == *f)
                        .and_then(|q| q.claim);
                    format!("{f} per {}", claimant_of(m, claim).0)
                })
                .collect();
            let how = match risen {
                Some(_) => "the lowest figure since the toll rose",
                None => "the lowest reported figure",
            };
            said.push(format!(
                "fatalities: {how}, {} (reported: {})",
                event.fatalities,
                others.join(", ")
            ));
        }
    }
    // a CSV reader sees the contest too: who denies or could not confirm what others assert
    if let Some(disputed) = disputed_by(&event) {
        said.push(disputed);
    }
    if !said.is_empty() {
        event
            .notes
            .push_str(&format!(" [sitrep: {}]", said.join("; ")));
    }
    let members = cluster
        .members
        .iter()
        .zip(&cluster.provenance)
        .map(|(&mi, p)| {
            let m = &fuser.mentions[mi];
            Member {
                mention_id: m.id().to_string(),
                article_id: m.article_id.clone(),
                source: m.source.clone(),
                provenance: p.clone(),
            }
        })
        .collect();
    let figures = side_by_side(&mentions, &attached, &cluster.members);
    FusedEvent {
        id: cluster.id.clone(),
        event: *event,
        members,
        figures,
    }
}

fn side_by_side(
    mentions: &[&Mention],
    attached: &[(usize, &Claim)],
    members: &[usize],
) -> Vec<Figure> {
    let mut figures = Vec::new();
    // counted figures, per kind and side: the side's class when the reader gave one (state
    // media's "40 terrorists" and a monitor's "23 fighters" are two accounts of one count),
    // else its noun
    let side_of = |q: &Quantity| match q.side_class {
        Some(class) => Some(class.name().to_string()),
        None => q.side.clone(),
    };
    let mut keys: Vec<(QuantityKind, Option<String>)> = Vec::new();
    for m in mentions {
        for q in m.event.quantities.iter().filter(|q| !q.tally) {
            let key = (q.kind, side_of(q));
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    for (kind, side) in keys {
        let mut accounts = Vec::new();
        let mut qs = Vec::new();
        for m in mentions {
            for q in m
                .event
                .quantities
                .iter()
                .filter(|q| !q.tally && q.kind == kind && side_of(q) == side)
            {
                let (claimant, polarity) = claimant_of(m, q.claim);
                accounts.push(Account {
                    value: quantity_text(q),
                    claimant,
                    polarity,
                    article_id: m.article_id.clone(),
                    mention_id: m.id().to_string(),
                });
                qs.push(q);
            }
        }
        let name = match &side {
            Some(s) => format!("{}:{s}", kind_name(kind)),
            None => kind_name(kind),
        };
        figures.push(Figure {
            figure: name,
            disagreement: figures_disagree(&qs),
            accounts,
        });
    }
    // dates read from the text
    let dated: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| m.event.date.evidence.is_some())
        .collect();
    if !dated.is_empty() {
        let accounts: Vec<Account> = dated
            .iter()
            .map(|m| {
                let (claimant, polarity) = claimant_of(m, None);
                Account {
                    value: m.event.date.date.map_or("?".into(), |d| d.to_string()),
                    claimant,
                    polarity,
                    article_id: m.article_id.clone(),
                    mention_id: m.id().to_string(),
                }
            })
            .collect();
        let days: std::collections::BTreeSet<_> = dated
            .iter()
            .filter(|m| m.explicit_day)
            .filter_map(|m| m.event.date.date)
            .collect();
        let disagreement = (days.len() > 1).then(|| {
            days.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(" vs ")
        });
        figures.push(Figure {
            figure: "date".into(),
            accounts,
            disagreement,
        });
    }
    // places
    let placed: Vec<&&Mention> = mentions
        .iter()
        .filter(|m| m.event.location.is_some())
        .collect();
    if placed.len() > 1 {
        let accounts = placed
            .iter()
            .map(|m| {
                let (claimant, polarity) = claimant_of(m, None);
                Account {
                    value: m
                        .event
                        .location
                        .as_ref()
                        .map_or(String::new(), |p| p.name.clone()),
                    claimant,
                    polarity,
                    article_id: m.article_id.clone(),
                    mention_id: m.id().to_string(),
                }
            })
            .collect();
        let mut disagreement = None;
        'outer: for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                let (p, q) = (a.event.location.as_ref(), b.event.location.as_ref());
                if let (Some(p), Some(q)) = (p, q) {
                    if distance_km(p, q).is_some_and(|d| d > 25.0) {
                        disagreement = Some(format!("{} vs {}", p.name, q.name));
                        break 'outer;
                    }
                }
            }
        }
        figures.push(Figure {
            figure: "place".into(),
            accounts,
            disagreement,
        });
    }
    // occurrence: who asserts, who denies
    let mut accounts = Vec::new();
    for (&mi, m) in members.iter().zip(mentions) {
        let extra = attached.iter().filter(|(x, _)| *x == mi).map(|(_, c)| *c);
        for c in m.event.claims.iter().chain(extra) {
            accounts.push(Account {
                value: word(c.polarity),
                claimant: c.claimant.clone(),
                polarity: c.polarity,
                article_id: c.article_id.clone(),
                mention_id: m.id().to_string(),
            });
        }
    }
    let asserted = accounts.iter().find(|a| {
        matches!(
            a.polarity,
            Polarity::Asserted | Polarity::ClaimedResponsibility
        )
    });
    let denied = accounts.iter().find(|a| a.polarity == Polarity::Denied);
    let disagreement = match (asserted, denied) {
        (Some(a), Some(d)) => Some(format!("{} asserts, {} denies", a.claimant, d.claimant)),
        _ => None,
    };
    if !accounts.is_empty() {
        figures.push(Figure {
            figure: "occurrence".into(),
            accounts,
            disagreement,
        });
    }
    figures
}

fn word(p: Polarity) -> String {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
