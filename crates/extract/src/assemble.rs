//! Assembling events: which sentences report an event, what each field holds, which sentences
//! report the same event, and how salient each event is.
//!
//! Per sentence, in reading order:
//! - the classifier's best type anchors an event unless the sentence generalises ("in recent
//!   months"), plans or hypothesises ("would", "plans to") or negates before the trigger, or only
//!   denies/doubts (then its claims attach to the event they dispute);
//! - the date is the sentence's own date expression nearest the trigger (not the date of a
//!   reporting verb: "said on Monday"), else the narrative date of the sentences before
//!   (approximate), else the publication date (approximate); a campaign tally is dated as-of
//!   publication;
//! - the place is where it happened (not a destination), else the place of the event before;
//! - actor1 acts, actor2 is acted on (passive "by X" turns them round), generic mentions ("the
//!   extremists") resolve to the last named actor of that kind; protests, riots and violence
//!   against civilians get ACLED's generic actors for the country when none is named;
//! - a sentence of the same type with no new date or place, or one that only adds casualties,
//!   merges into the event before it.

use chrono::NaiveDate;
use sitrep_actors::{ActorDictionary, ActorKind};
use sitrep_classify::TypeScore;
use sitrep_model::{
    ActorRef, Claim, ControlFact, Cue, DatePrecision, Event, EventDate, EventType, PlaceRef,
    Polarity, Quantity, QuantityKind, Reading, Span, SubEventType, TimePoint,
};
use sitrep_places::{PlaceCue, PlaceKind};
use sitrep_time::{DateMention, DateRole};

use crate::claims::{self, SentenceClaims};
use crate::control;
use crate::doc::Doc;
use crate::front_lines::{self, FrontLines};
use crate::quantities;

/// The longest gap between a generic mention and the named actor it is "of" ("fighters
/// loyal to the ...": "belonging to", 12 bytes).
const OF_NAMED_GAP_BYTES: usize = 12;

/// Minimum classifier confidence for a sentence to anchor an event.
pub const MIN_CONFIDENCE: f32 = 0.2;

/// How far after a trigger (in bytes, same clause) a "by X" still names who did it.
const PASSIVE_AGENT_REACH: usize = 90;

/// Irregular participles before "by" ("held by X", "run by X"): like "controlled by X", a
/// "by" that belongs to its own participle, not to the event's trigger.
const IRREGULAR_PARTICIPLES: &[&str] =
    &["held", "run", "led", "built", "made", "set", "put", "hit"];

/// Participles of using a weapon ("barrel bombs dropped by regime helicopters", "a rocket fired
/// by the militia", "a bomb planted by the group"): unlike "held by", their "by" names who
/// struck, the agent of the strike the weapon is the trigger of.
const WEAPON_PARTICIPLES: &[&str] = &[
    "dropped",
    "fired",
    "launched",
    "lobbed",
    "planted",
    "detonated",
    "flown",
    "piloted",
];

/// Words that may stand between "by" and the actor it introduces besides a number (which the
/// number reader marks: "by two", "by at least five", "by dozens of"): "by the", "by suspected".
const BY_FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "suspected",
    "alleged",
    "presumed",
    "group",
];

/// If the actor at `s` in sentence `i` is introduced by "by" ("killed by two armed men"), the
/// word before that "by" (lower case; empty at the start of the text); also a weapon's
/// participle before "from" ("dropped from an army helicopter").
fn word_before_by(doc: &Doc, i: usize, s: Span) -> Option<String> {
    let text = doc.text;
    let from = char_floor(text, s.start.saturating_sub(60));
    let numbers = &doc.numbers[i];
    let mut words = doc
        .words(Span::new(from, s.start))
        .into_iter()
        .rev()
        .skip_while(|(w, lower)| {
            BY_FILLERS.contains(&lower.as_str())
                || numbers
                    .iter()
                    .any(|n| n.span.start <= w.start && w.end <= n.span.end)
        });
    match words.next() {
        Some((_, by)) if by == "by" => Some(words.next().map(|(_, w)| w).unwrap_or_default()),
        // "barrel bombs dropped from an army helicopter": the aircraft a weapon came from
        Some((_, from)) if from == "from" => words
            .next()
            .map(|(_, w)| w)
            .filter(|w| WEAPON_PARTICIPLES.contains(&w.as_str())),
        _ => None,
    }
}

/// Words that make the verb after them passive ("was attacked", "were killed").
const PASSIVE_AUXILIARIES: &[&str] = &["was", "were", "been", "is", "are", "got"];

/// Participles whose passive subject was not acted on ("air raids were reported", "forces were
/// deployed", "fighters were involved"), or still acts in the event ("fighters were transferred
/// out of the camp": they left it).
const NOT_ACTED_ON: &[&str] = &[
    "reported",
    "seen",
    "observed",
    "recorded",
    "heard",
    "said",
    "believed",
    "thought",
    "known",
    "suspected",
    "alleged",
    "deployed",
    "stationed",
    "positioned",
    "based",
    "involved",
    "engaged",
    "transferred",
    "evacuated",
    "relocated",
    "redeployed",
    "withdrawn",
    "bused",
    "bussed",
    "backed",
    "supported",
    "accompanied",
    "joined",
    "led",
    "expected",
    "scheduled",
];

/// Whether the actor at `s` in sentence `i` is the subject of a passive verb: "was"/"were"
/// and a participle within the next few words of the same clause ("a police officer from the
/// town was attacked", "two soldiers were shot").
fn passive_subject(doc: &Doc, i: usize, s: Span) -> bool {
    let end = doc.sentences[i].end;
    let until = char_floor(doc.text, (s.end + 48).min(end));
    let clause = &doc.text[s.end..until];
    let clause = &clause[..clause.find([',', ';', '(']).unwrap_or(clause.len())];
    let mut words = [""; 5];
    let mut count = 0;
    for w in clause
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(5)
    {
        words[count] = w;
        count += 1;
    }
    let words = &words[..count];
    let one_of = |w: &str, list: &[&str]| list.iter().any(|l| l.eq_ignore_ascii_case(w));
    for (n, w) in words.iter().enumerate() {
        if one_of(
            w,
            &[
                "who", "which", "that", "and", "as", "after", "when", "while",
            ],
        ) {
            return false;
        }
        // "a police officer died of his wounds": who died was acted on
        if one_of(w, &["died", "dies", "succumbed", "perished"]) {
            return true;
        }
        if one_of(w, PASSIVE_AUXILIARIES) {
            let next = words.get(n + 1).copied().unwrap_or("");
            let next = if one_of(next, &["reportedly", "allegedly", "also", "being", "been"]) {
                words.get(n + 2).copied().unwrap_or("")
            } else {
                next
            };
            // "were reported", "were deployed": the subject is not what was acted on
            if one_of(next, NOT_ACTED_ON) {
                return false;
            }
            return next.len() > 3 && (next.ends_with("ed") || next.ends_with("en"))
                || one_of(next, IRREGULAR_PARTICIPLES)
                || one_of(next, &["shot", "hurt", "struck", "beaten", "caught"]);
        }
    }
    false
}

/// An actor of a sentence: its words, its kind, the actor.
type SentenceActor = (Span, ActorKind, ActorRef);

/// Verbs of holding off an attack.
const REPELLING: &[&str] = &["repelled", "repulsed", "repelling", "repulsing"];

/// The attacker and the defender of "D repelled/thwarted an attack by A", "D thwarted an A
/// attack", "A were killed when D repulsed their attack", in sentence `i`.
fn repelled_attack(
    doc: &Doc,
    i: usize,
    actors: &[(Span, ActorKind, ActorRef)],
) -> Option<(SentenceActor, SentenceActor)> {
    let sentence = doc.sentences[i];
    let lower = doc.sentence_text(i).to_ascii_lowercase();
    let (at, verb) = REPELLING
        .iter()
        .filter_map(|v| lower.find(v).map(|p| (p, v.len())))
        .min()?;
    let verb_start = sentence.start + at;
    let verb_end = verb_start + verb;
    let after = &lower[at + verb..];
    let object_end = after.find([',', ';', '.']).unwrap_or(after.len()).min(60);
    if ![
        "attack",
        "incursion",
        "assault",
        "offensive",
        "infiltration",
    ]
    .iter()
    .any(|w| after[..object_end].contains(w))
    {
        return None;
    }
    // the defender: the last actor named before the verb
    let defender = actors.iter().rev().find(|(s, _, _)| s.end <= verb_start)?;
    // the attacker: named in the object ("a Houthi attack", "an attack by Taliban militants"),
    // else "their attack" refers back to an actor named before the defender
    let attacker = actors
        .iter()
        .find(|(s, _, a)| {
            s.start >= verb_end && s.start <= verb_end + object_end && a.name != defender.2.name
        })
        .or_else(|| {
            let their =
                after[..object_end].contains("their") || after[..object_end].contains("its");
            their
                .then(|| {
                    actors
                        .iter()
                        .find(|(s, _, a)| s.end <= defender.0.start && a.name != defender.2.name)
                })
                .flatten()
        })?;
    Some((attacker.clone(), defender.clone()))
}

/// Where the agent's words end (0 when there is none).
fn agent_end(agent: &Option<(Span, ActorKind, ActorRef)>) -> usize {
    agent.as_ref().map_or(0, |a| a.0.end)
}

/// Whether the actor at `s` is the object of a verb that follows the subject ending at `from`:
/// the words between them, in one clause, include a past-tense verb of violence ("killed",
/// "attacked", "arrested", "targeted").
fn object_of_verb(doc: &Doc, from: usize, s: Span) -> bool {
    if from == 0 || from > s.start || s.start - from > 60 {
        return false;
    }
    let between = doc.text[from..s.start].to_ascii_lowercase();
    !between.contains([',', ';', '('])
        && between.split_whitespace().any(|w| {
            [
                "killed",
                "attacked",
                "arrested",
                "targeted",
                "injured",
                "wounded",
                "shot",
                "abducted",
                "kidnapped",
                "detained",
                "ambushed",
                "shelled",
                "struck",
                "hit",
            ]
            .contains(&w)
        })
}

/// Words saying two sides fought each other ("two groups clashed", "fought one another").
const RECIPROCAL: &[&str] = &[
    "exchanged fire",
    "exchange of fire",
    "clashed",
    "clash ",
    "clashes",
    "fought one another",
    "fought each other",
    "attacked each other",
    "attacked one another",
    "two groups",
    "rival groups",
];

/// Whether a sentence says two sides fought each other.
fn reciprocal(sentence: &str) -> bool {
    contains_any(sentence, RECIPROCAL)
}

/// How many sentences back a generic mention ("the militants") may point to a named actor.
const COREFERENCE_REACH: usize = 3;

/// Words of an attack on property ("hurled a Molotov cocktail at a bank", "vandalised a shop").
const PROPERTY_ATTACK: &[&str] = &[
    "hurled", "threw", "vandali", "set fire", "looted", "molotov",
];

/// Whether `text` contains one of `words` (ASCII case ignored).
fn contains_any(text: &str, words: &[&str]) -> bool {
    let lower = text.to_ascii_lowercase();
    words.iter().any(|w| lower.contains(w))
}

/// How many sentences after an event a casualty-only sentence still belongs to it.
const FOLLOW_UP_WINDOW: usize = 2;

/// A count of the dead from this up is a war's toll, never one event's: its sentence tells no
/// event, and adds no dead to the event before it.
const WAR_TOLL_DEAD: u64 = 10_000;

/// An event being assembled, with what merging needs to know.
struct Draft {
    event: Event,
    first_sentence: usize,
    last_sentence: usize,
    explicit_date: bool,
    /// Its date is a day the text told (carried or its own), not the dateline's or the
    /// publication's.
    told_day: bool,
    /// Its own day opens the sentence ("On Saturday mortar rounds struck ..."), as a new
    /// incident's does.
    day_first: bool,
    explicit_place: bool,
    ordinal: Option<&'static str>,
    /// The sentence opens by announcing another incident ("In a separate incident, ...").
    new_incident: bool,
    /// Its trigger is named with "the" ("the blast", [`named_definitely`]): an event told before.
    anaphor: bool,
    /// The sentence reacts to an event or denies it ("Turkey condemned the attack on Idlib").
    reaction: bool,
    stated_fatalities: Option<u64>,
    /// The sentence counts wounded who died since ("three of the wounded died in hospital on
    /// Monday"): the dead of an event told before, whatever day they died.
    wounded_died: bool,
    /// Dated far from the story and placed in the country: it passes on no place.
    background: bool,
}

/// Every actor's and place's evidence names the article it was read in (some are read by
/// rules that do not know it: a weapon's unnamed user, "car bomb" → an unidentified group).
fn name_the_article(event: &mut Event, article_id: &str) {
    let actors = event
        .actor1
        .iter_mut()
        .chain(event.actor2.iter_mut())
        .chain(event.assoc_actor_1.iter_mut())
        .chain(event.assoc_actor_2.iter_mut())
        .filter_map(|a| a.evidence.as_mut());
    let places = event
        .location
        .iter_mut()
        .chain(event.destination.iter_mut())
        .chain(event.other_locations.iter_mut())
        .filter_map(|p| p.evidence.as_mut());
    for evidence in actors.chain(places) {
        if evidence.article_id.is_empty() {
            evidence.article_id = article_id.to_string();
        }
    }
}

/// Read a whole article.
pub fn read(doc: &Doc) -> Reading {
    let mut drafts: Vec<Draft> = Vec::new();
    // each dispute with the disputer's own figures ("denied the claim, saying three fighters
    // were killed")
    let mut disputes: Vec<(usize, Claim, Vec<Quantity>)> = Vec::new();
    let mut control_facts: Vec<ControlFact> = Vec::new();
    let mut previous_claim: Option<Claim> = None;
    let mut narrative: Option<EventDate> = None;
    // the last day the story reached ("the same day" is a day, not the year a building went up
    // that a sentence between told: "A car bomb killed 6 on Thursday. The building, which was
    // built in 1965, was damaged. Rebels shelled Jobar the same day.")
    let mut story_day: Option<EventDate> = None;
    let mut history: Vec<(ActorKind, ActorRef)> = Vec::new();

    for i in 0..doc.sentences.len() {
        let narrative_here = if narrative
            .as_ref()
            .is_some_and(|n| n.precision != DatePrecision::Day)
            && story_day.is_some()
            && doc.cues.same_day.any(doc.text, doc.sentences[i])
        {
            story_day.clone()
        } else {
            narrative.clone()
        };
        let claims = claims::read_sentence(doc, i, previous_claim.as_ref());
        if let Some(c) = claims.asserting().next() {
            previous_claim = Some(c.clone());
        }
        let mut actors = resolve_actors(doc, i, &mut history);
        // "The opposition condemned the bombing": who reacts takes no part in the event.
        actors.retain(|(s, _, _)| !claims::reacts(doc, i, *s));
        let mut quantities = quantities::read_sentence(doc, i);
        // "... five days after a missile strike on the city killed eight": the dead of the
        // event told by its distance are not this event's, but that event's, told too
        let own_candidate = event_candidate(doc, i);
        let mut referenced: Option<(&TypeScore, Vec<Quantity>)> = None;
        if let Some(reference) = reference_clause(doc, i) {
            let inside = |s: Span| reference.start <= s.start && s.end <= reference.end;
            if own_candidate.is_some_and(|ts| !inside(ts.trigger)) {
                let (theirs, ours) = quantities
                    .into_iter()
                    .partition(|q: &Quantity| inside(q.evidence.span));
                quantities = ours;
                referenced = doc.types[i]
                    .iter()
                    .find(|t| {
                        inside(t.trigger)
                            && t.confidence >= MIN_CONFIDENCE
                            && t.sub_event_type.is_armed_violence()
                    })
                    .filter(|_| !theirs.is_empty())
                    .map(|t| (t, theirs));
            }
        }
        // "The war has claimed over 300000 lives": a war's toll is no event's dead (the
        // deadliest single events in the news killed hundreds, not tens of thousands); a
        // sentence of violence that tells only it tells no event, nor adds its dead to the
        // event before it
        let toll_count = quantities.len();
        quantities.retain(|q| !(q.kind == QuantityKind::Killed && q.value >= WAR_TOLL_DEAD));
        let war_toll = quantities.len() < toll_count;
        let stated = quantities::stated_fatalities(doc, i, &quantities);
        let explicit_date = sentence_date(doc, i, None, DateUse::STORY);
        let date_for_sentence = explicit_date
            .clone()
            .or_else(|| narrative_here.clone().map(approximate))
            .unwrap_or_else(|| publication_date(doc));

        let statement = control::read_sentence(
            doc,
            i,
            &actors
                .iter()
                .map(|(s, _, a)| (*s, a.clone()))
                .collect::<Vec<_>>(),
            &date_for_sentence,
            claims.asserting().next(),
            || armed_opponent(&history).cloned(),
        );

        // (a deal or a protest that names the war's toll is still told)
        let candidate = own_candidate.filter(|ts| {
            !war_toll
                || !(ts.sub_event_type.is_armed_violence()
                    || ts.sub_event_type == SubEventType::ClaimOfResponsibility)
        });
        // "X denied its jets were responsible for the raid": with no event told before it, a
        // denial of blame is itself the news (a statement of who is responsible); after the
        // event it denies, it is a denied claim kept beside that event's other claims.
        let blame_statement = candidate
            .is_some_and(|ts| ts.sub_event_type == SubEventType::ClaimOfResponsibility)
            && !drafts.iter().any(|d| d.event.sub_event_type.is_conflict());
        // A denial or a doubt with no event told before it in the article ("A military source
        // denied that aircraft struck Saraqib on Sunday", "There were unconfirmed reports that
        // fighters had seized the town") is what this report tells of that event: read as the
        // event, its claim denied or unconfirmed, so fusion sets it beside the other reports.
        let denial_is_the_news = claims.only_disputes()
            && candidate.is_some_and(|ts| ts.sub_event_type.is_armed_violence())
            && !drafts.iter().any(|d| d.event.sub_event_type.is_conflict());
        if claims.only_disputes() && !blame_statement && !denial_is_the_news {
            for c in &claims.claims {
                let own = disputers_figures(doc, i, c, &quantities);
                disputes.push((i, c.clone(), own));
            }
        } else if let Some(ts) = candidate {
            // (A background line placed in the country passes on nothing: the story's town
            // is still the one before it.)
            let told = drafts.iter().rev().filter(|d| !d.background);
            let previous_place = story_place(
                told.map(|d| &d.event),
                ts.sub_event_type,
                &date_for_sentence,
            );
            // "The TTP claimed responsibility for Tuesday's attack on a police post in which
            // four officers were killed": a claim that is the article's first news tells the
            // attack too, its dead counted (the claimant its actor)
            // (a claim by those who did it, not a blame or an attribution by others: "X was
            // behind the chemical attack" recalls an event the article need not tell)
            let claimed = ts
                .cues
                .iter()
                .any(|c| c.rule == "trigger:claim_responsibility");
            let attack = (blame_statement
                && ts.sub_event_type == SubEventType::ClaimOfResponsibility
                && claimed)
                .then(|| told_attack(doc, i, &quantities))
                .flatten();
            let attack_quantities = attack.map(|_| quantities.clone());
            let attack_place = attack.and(previous_place.cloned());
            let referenced_place = referenced.as_ref().and(previous_place.cloned());
            let draft = build(
                doc,
                i,
                ts,
                &claims,
                &actors,
                quantities,
                stated,
                &narrative_here,
                previous_place,
            );
            let claimant_group = draft.event.actor1.clone();
            push_or_merge(&mut drafts, draft);
            if let (Some(attack), Some(quantities)) = (attack, attack_quantities) {
                let mut told = build(
                    doc,
                    i,
                    attack,
                    &claims,
                    &actors,
                    quantities,
                    stated,
                    &narrative_here,
                    attack_place.as_ref(),
                );
                if told
                    .event
                    .actor1
                    .as_ref()
                    .is_none_or(|a| a.name.starts_with("Unidentified"))
                {
                    told.event.actor1 = claimant_group.filter(|a| matches!(a.inter, 2..=4));
                }
                // (the sentence's news is the claim: the attack it names ranks after it)
                told.event.confidence *= CLAIMED_ATTACK_CONFIDENCE;
                drafts.push(told);
            }
            // the event the sentence places its own by ("a day after air strikes killed nine
            // people in the town"), dated by that distance, ranked after the sentence's own
            if let Some((other, quantities)) = referenced {
                let mut told = build(
                    doc,
                    i,
                    other,
                    &claims,
                    &actors,
                    quantities,
                    None,
                    &narrative_here,
                    referenced_place.as_ref(),
                );
                told.event.confidence *= CLAIMED_ATTACK_CONFIDENCE;
                drafts.push(told);
            }
        } else if let Some(st) = statement.as_ref().filter(|s| s.change) {
            if let Some(draft) = territory_event(doc, i, st, &claims, &actors, &date_for_sentence) {
                push_or_merge(&mut drafts, draft);
            }
        } else if (!quantities.is_empty() || stated.is_some()) && !running_total(doc, i) {
            attach_follow_up(doc, &mut drafts, i, quantities, stated);
        }
        if let Some((date, claim)) = halt_since(doc, i, claims.asserting().next()) {
            // "All military operations had stopped since Saturday noon": when the halt an
            // agreement stipulated began, as this source tells it.
            if let Some(d) = drafts
                .iter_mut()
                .rev()
                .find(|d| d.event.sub_event_type == SubEventType::Agreement && !d.explicit_date)
            {
                d.event.date = date;
                d.explicit_date = true;
                if let Some(c) = claim {
                    if !d.event.claims.iter().any(|x| x.claimant == c.claimant) {
                        d.event.claims.push(c);
                    }
                }
            }
        }
        if let Some(st) = statement {
            control_facts.extend(st.facts);
        }
        if let Some(d) = narrative_date(doc, i, narrative.as_ref()) {
            if d.precision == DatePrecision::Day {
                story_day = Some(d.clone());
            }
            narrative = Some(d);
        }
    }

    // Disputing claims sit beside the claims of the event they dispute.
    let mut standalone_claims = Vec::new();
    for (i, claim, figures) in disputes {
        if let Some(target) = disputed_event(doc, &drafts, i) {
            let event = &mut drafts[target].event;
            event.claims.push(claim.clone());
            let index = event.claims.len() - 1;
            event
                .quantities
                .extend(figures.into_iter().map(|q| Quantity {
                    claim: Some(index),
                    ..q
                }));
        }
        standalone_claims.push(claim);
    }

    place_broad_by_kin(&mut drafts);
    blame_names_the_attacker(doc, &mut drafts);
    let published = doc.published;
    let mut events: Vec<Event> = drafts.into_iter().map(|d| finish(d, published)).collect();
    for e in &mut events {
        name_the_article(e, &doc.article.id);
        territory_taken_by(e);
    }
    for e in &events {
        if matches!(
            e.sub_event_type,
            SubEventType::GovernmentRegainsTerritory
                | SubEventType::NonStateActorOvertakesTerritory
        ) {
            if let (Some(place), Some(actor)) = (&e.location, &e.actor1) {
                if !control_facts.iter().any(|f| f.place.name == place.name) {
                    control_facts.push(ControlFact {
                        place: place.clone(),
                        controller: actor.clone(),
                        as_of: e.date.clone(),
                        claim: e.claims.first().cloned(),
                        evidence: e.evidence.clone(),
                    });
                }
            }
        }
    }
    events.sort_by(|a, b| b.salience.total_cmp(&a.salience));
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("{}#{}", doc.article.id, n + 1);
    }
    Reading {
        article_id: doc.article.id.clone(),
        sentences: doc.sentences.clone(),
        events,
        control: control_facts,
        standalone_claims,
    }
}

/// The attack a claim of responsibility tells ([`read`]): the classifier's best armed-violence
/// type for the sentence, where the sentence counts dead or wounded.
fn told_attack<'d>(doc: &'d Doc, i: usize, quantities: &[Quantity]) -> Option<&'d TypeScore> {
    let counted = quantities
        .iter()
        .any(|q| matches!(q.kind, QuantityKind::Killed | QuantityKind::Injured));
    if !counted {
        return None;
    }
    doc.types[i]
        .iter()
        .filter(|t| t.sub_event_type.is_armed_violence() && t.score >= CLAIMED_ATTACK_SCORE)
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// Least classifier score of the attack a claim of responsibility tells ([`told_attack`]): a
/// trigger of its own ("attack", "bombing"), not a cue alone.
const CLAIMED_ATTACK_SCORE: f32 = 1.0;

/// Share of its type's confidence the attack a claim tells keeps ([`told_attack`]): read from
/// the claim's sentence as the runner-up type, it ranks after the claim.
const CLAIMED_ATTACK_CONFIDENCE: f32 = 0.5;

/// The armed non-state actor the article has named most often so far (the latest of equals):
/// who holds what is "beyond government control".
fn armed_opponent(history: &[(ActorKind, ActorRef)]) -> Option<&ActorRef> {
    let armed = |k: &ActorKind| {
        matches!(
            k,
            ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia
        )
    };
    let mentions = |a: &ActorRef| history.iter().filter(|(_, b)| b.name == a.name).count();
    history
        .iter()
        .filter(|(k, _)| armed(k))
        .map(|(_, a)| a)
        .enumerate()
        .max_by_key(|(n, a)| (mentions(a), *n))
        .map(|(_, a)| a)
}

/// "Fighting had stopped since Saturday noon": the day a halt of fighting began, when sentence
/// `i` says so, with the claim that says it.
fn halt_since(doc: &Doc, i: usize, claim: Option<&Claim>) -> Option<(EventDate, Option<Claim>)> {
    let since = doc.dates[i]
        .iter()
        .find(|d| d.role == DateRole::Since && d.date.is_some())?;
    let (stop, _) = doc
        .cues
        .fighting_stopped
        .first(doc.text, doc.sentences[i])?;
    // The phrase and the date belong together: "stopped since Saturday noon".
    if since.span.start < stop.start || since.span.start - stop.end > 12 {
        return None;
    }
    let date = EventDate {
        date: since.date,
        end: None,
        precision: DatePrecision::Day,
        evidence: Some(doc.evidence(i, Span::new(stop.start, since.span.end), "time:halt-since")),
    };
    Some((date, claim.cloned()))
}

/// The classifier's best type for sentence `i`, if the sentence reports an event.
fn event_candidate<'d>(doc: &'d Doc, i: usize) -> Option<&'d TypeScore> {
    // "SDF fighters, backed by artillery shelling, advanced on ...": support named in a
    // "backed by" aside does not type the event when another trigger does.
    let types = &doc.types[i];
    // (nor does a trigger inside a group's name: "Liberation" in "Ta'ang National
    // Liberation Army" is no liberation of a town)
    let in_name = |t: &TypeScore| {
        doc.actors[i].iter().any(|a| {
            let name = &doc.text[a.span.start..a.span.end];
            // an armed group's proper name of several capitalised words, the trigger one word
            // inside it
            let proper = name.split_whitespace().count() >= 3
                && name
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let armed = matches!(
                a.kind,
                ActorKind::Rebels | ActorKind::PoliticalMilitia | ActorKind::IdentityMilitia
            );
            proper
                && armed
                && a.span.start <= t.trigger.start
                && t.trigger.end <= a.span.end
                && t.trigger != a.span
        })
    };
    // (the first two readings, or any beyond the other event's)
    let reference = reference_clause(doc, i);
    let pick = |skip_reference: bool| {
        types
            .iter()
            .take(if skip_reference { types.len() } else { 2 })
            .find(|t| {
                let elsewhere = !skip_reference
                    || !reference
                        .is_some_and(|r| r.start <= t.trigger.start && t.trigger.end <= r.end);
                t.confidence >= MIN_CONFIDENCE
                    && !in_support_aside(doc, i, t.trigger)
                    && !in_name(t)
                    && elsewhere
            })
    };
    // "Two policemen were killed when militants attacked a police post, hours after the
    // suicide bombing in Bannu": an event told by its verb, before a clause that tells another
    // by its distance in time, is the sentence's (a noun before it may only name a thing: "a
    // missile base, days after another airstrike")
    let told_by_verb = |t: &&TypeScore| {
        let word = doc.text[t.trigger.start..t.trigger.end]
            .split(' ')
            .next()
            .unwrap_or("");
        word.len() > 4 && word.ends_with("ed")
    };
    let ts = pick(true)
        .filter(told_by_verb)
        .or_else(|| pick(false))
        .or_else(|| types.iter().find(|t| !in_name(t)))?;
    if ts.confidence < MIN_CONFIDENCE {
        return None;
    }
    let sentence = doc.sentences[i];
    let cues = doc.cues;
    // (not the span a superlative ranks over: "one of the deadliest massacres in recent years")
    if cues
        .generalisation
        .find(doc.text, sentence)
        .any(|(g, _)| !ranked_over(doc, i, g))
    {
        return None;
    }
    // "More than 400,000 people have been displaced since the start of the year": a running
    // total in the perfect tense is a campaign's tally; "since the fighting began" names when
    // one began, its trigger no event of the sentence
    if let Some((total, _)) = cues.running_total.first(doc.text, sentence) {
        let anchor = total.start <= ts.trigger.start && ts.trigger.end <= total.end;
        if anchor || running_total(doc, i) {
            return None;
        }
    }
    // "No group claimed responsibility": no claim was made, no event of one
    if ts.sub_event_type == SubEventType::ClaimOfResponsibility
        && cues.no_claim.any(doc.text, sentence)
    {
        return None;
    }
    // A plan, threat or negation governing the trigger (a few words before it, same clause).
    let before = Span::new(
        ts.trigger.start.saturating_sub(40).max(sentence.start),
        ts.trigger.start,
    );
    let before = Span::new(char_floor(doc.text, before.start), before.end);
    let clause_start = doc.text[before.start..before.end]
        .rfind([',', ';'])
        .map(|p| before.start + p)
        .unwrap_or(before.start);
    let governing = Span::new(clause_start, before.end);
    // (the month in "May 2" is no "may")
    let in_a_date = |s: &Span| {
        doc.dates[i]
            .iter()
            .any(|d| d.span.start <= s.start && s.end <= d.span.end)
    };
    let future = cues
        .future
        .find(doc.text, governing)
        .any(|(s, _)| !in_a_date(&s));
    if future || negated_right_before(&doc.text[governing.start..governing.end]) {
        return None;
    }
    if cues.negation.any(doc.text, governing) {
        return None;
    }
    Some(ts)
}

/// The rule of a date told as days before another event's ([`came_after`]).
const CAME_AFTER_RULE: &str = "time:came-after";

/// "The shelling came a week after an air strike killed 14 people": the event told after "N
/// days/weeks after" happened that long before the day of the one the sentence opens with (the
/// day carried to it), approximately. A day of its own the sentence gives stands.
fn came_after(doc: &Doc, i: usize, trigger: Span, d: EventDate, own_day: bool) -> EventDate {
    let (Some(day), false) = (d.date, own_day) else {
        return d;
    };
    let from = char_floor(
        doc.text,
        trigger.start.saturating_sub(70).max(doc.sentences[i].start),
    );
    let before = doc.text[from..trigger.start].to_ascii_lowercase();
    let words: Vec<&str> = crate::quantities::words_of(&before).collect();
    // "<count> <unit> after", then the event's own words (at most eight)
    let Some(after) = words.iter().rposition(|w| *w == "after") else {
        return d;
    };
    if words.len() - after > 9 || after < 2 {
        return d;
    }
    let unit = match words[after - 1] {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return d,
    };
    let count = match words[after - 2] {
        "a" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "ten" => 10,
        n => match n.parse::<i64>() {
            Ok(n) if (1..=60).contains(&n) => n,
            _ => return d,
        },
    };
    EventDate {
        date: Some(day - chrono::Duration::days(count * unit)),
        end: None,
        precision: DatePrecision::Approximate,
        evidence: Some(doc.evidence(
            i,
            Span::new(from, trigger.start),
            format!("{CAME_AFTER_RULE} ({} days before {day})", count * unit),
        )),
    }
}

/// Whether the words at `span` follow a superlative in their clause ("making it one of the
/// deadliest massacres in recent years"), the span it ranks over, not a pattern the sentence
/// tells.
fn ranked_over(doc: &Doc, i: usize, span: Span) -> bool {
    // (within a few words: "Syria's largest city, subjected in recent weeks to ..." ranks
    // the city, not the attacks)
    clause_words_before(doc, i, span)
        .iter()
        .rev()
        .take(RANKED_OVER_WORDS)
        .any(|w| {
            matches!(
                w.as_str(),
                "deadliest" | "bloodiest" | "worst" | "fiercest" | "heaviest"
            )
        })
}

/// The words (lower case) of the clause of sentence `i` before `span`, up to 80 bytes back.
fn clause_words_before(doc: &Doc, i: usize, span: Span) -> Vec<String> {
    let from = char_floor(
        doc.text,
        span.start.saturating_sub(80).max(doc.sentences[i].start),
    );
    let before = &doc.text[from..span.start];
    before
        .rsplit([',', ';'])
        .next()
        .unwrap_or(before)
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// How many words before a span a superlative may stand and still rank over it ("one of the
/// deadliest massacres in Haiti in recent years").
const RANKED_OVER_WORDS: usize = 8;

/// Words that rank an event among others ("the deadliest attack this year").
const SUPERLATIVES: &[&str] = &[
    "deadliest",
    "bloodiest",
    "worst",
    "biggest",
    "largest",
    "heaviest",
    "highest",
    "fiercest",
    "most",
    "first",
    "latest",
];

/// Whether the date at `span` is the span a superlative ranks over ("the deadliest attack on
/// the region this year", "the worst violence so far this month"): a "this"/"so far" period
/// after a superlative in the same clause.
fn superlative_scope(doc: &Doc, i: usize, span: Span) -> bool {
    let said = doc.text[span.start..span.end].to_ascii_lowercase();
    if !(said.starts_with("this ") || said.starts_with("so far")) {
        return false;
    }
    clause_words_before(doc, i, span)
        .iter()
        .any(|w| SUPERLATIVES.contains(&w.as_str()))
}

/// Whether the words right before a trigger deny it: "no arrests", "have not established",
/// "has yet to claim", "had not been arrested" (not a denial further back in the clause: "the
/// army has not commented on the attack").
fn negated_right_before(before: &str) -> bool {
    let lower = before.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .collect();
    let w = |k: usize| words.get(k).copied().unwrap_or("");
    let auxiliary = |x: &str| matches!(x, "has" | "have" | "had" | "hasn't" | "haven't" | "hadn't");
    w(0) == "no"
        || matches!(w(0), "hasn't" | "haven't" | "hadn't")
        || w(0) == "not" && auxiliary(w(1))
        || w(0) == "been"
            && (w(1) == "not" && auxiliary(w(2)) || auxiliary(w(1)) && w(1).ends_with("n't"))
        || w(0) == "to" && w(1) == "yet" && auxiliary(w(2))
}

/// Whether sentence `i` tells a running total: a span since the war or the year began
/// (`data/cues.toml` running_total) in a clause in the perfect tense ("at least 84
/// journalists have been killed since the fighting began", "since the fighting began, 40 have
/// been killed"). Such a sentence is no event, and
/// its figures are no follow-up of the event before it.
fn running_total(doc: &Doc, i: usize) -> bool {
    let sentence = doc.sentences[i];
    let Some((total, _)) = doc.cues.running_total.first(doc.text, sentence) else {
        return false;
    };
    // the clause around it ("have been killed since ...", "since ..., 40 have been killed")
    let from = char_floor(doc.text, total.start.saturating_sub(80).max(sentence.start));
    let to = char_floor(doc.text, (total.end + 80).min(sentence.end));
    doc.text[from..to]
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "have" | "has" | "been"))
}

/// Whether `span` lies in a "backed by ..." / "supported by ..." aside (up to the next comma).
fn in_support_aside(doc: &Doc, i: usize, span: Span) -> bool {
    let sentence = doc.sentences[i];
    let before = &doc.text[sentence.start..span.start];
    let lower = before.to_ascii_lowercase();
    [
        "backed by",
        "supported by",
        "with the support of",
        "covered by",
        "with the help of",
    ]
    .iter()
    .filter_map(|cue| lower.rfind(cue))
    .max()
    .is_some_and(|p| !lower[p..].contains(','))
}

/// Words of a length of time before "after" or "before" in a clause that places the sentence's
/// event by another ("hours after the suicide bombing in Bannu", "five days after a missile
/// strike killed eight").
const REFERENCE_UNITS: &[&str] = &[
    "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months", "shortly",
    "soon", "just", "year",
];

/// The clause of sentence `i` that tells another event by its distance in time from this one
/// (", hours after the suicide bombing in neighbouring Bannu"): from its "after" or "before" to
/// the clause's end. Not one that opens the sentence ("Hours after the bombing, gunmen ..."),
/// where the event comes after the comma.
fn reference_clause(doc: &Doc, i: usize) -> Option<Span> {
    let sentence = doc.sentences[i];
    let text = &doc.text[sentence.start..sentence.end];
    let lower = text.to_ascii_lowercase();
    for cue in [" after ", " before "] {
        let mut from = 0;
        while let Some(k) = lower[from..].find(cue).map(|k| from + k) {
            from = k + cue.len();
            let before = lower[..k].trim_end();
            let Some(comma) = before.rfind([',', ';', '\u{2014}']) else {
                continue;
            };
            // a length of time right before: "hours after", "five days after"
            let unit = before.rsplit(' ').next().unwrap_or("");
            if !REFERENCE_UNITS.contains(&unit)
                || before[comma + 1..].split_whitespace().count() > 4
            {
                continue;
            }
            let end = lower[from..]
                .find([',', ';'])
                .map_or(text.len(), |e| from + e);
            return Some(Span::new(sentence.start + k + 1, sentence.start + end));
        }
    }
    None
}

fn char_floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text up to `bytes` before `end`, not before `floor`, starting on a character boundary.
fn lookback(text: &str, end: usize, bytes: usize, floor: usize) -> Span {
    Span::new(char_floor(text, end.saturating_sub(bytes).max(floor)), end)
}

fn publication_date(doc: &Doc) -> EventDate {
    EventDate {
        date: doc.published,
        end: None,
        precision: if doc.published.is_some() {
            DatePrecision::Approximate
        } else {
            DatePrecision::Unresolved
        },
        evidence: None,
    }
}

/// Rule added to a place filed in the country because its sentence recalls how the war began.
const RECALL_OF_WAR_OUTBREAK: &str = "recall:war-outbreak";
/// Rule added to a place filed in the country because its sentence recalls a past event it
/// dates far from the story, naming no town.
const RECALL_FAR_DATED: &str = "recall:far-dated";

/// How many days from the story's day a sentence's own date makes it background.
const BACKGROUND_DAYS: i64 = 60;

/// How many sentences on a date carried from an earlier sentence keeps its precision.
const CARRY_KEEPS_DAY_SENTENCES: usize = 2;

/// A date carried to sentence `i` from an earlier one: "On 8 May, police raided a house. A
/// suspect was shot and died." is the same day, known as exactly, when the date was given a
/// sentence or two before in the same paragraph; farther on it is approximate.
///
/// "... were wounded in the blast": an event named with "the" (or "this", "that") points back at
/// the one of its kind told before; that one's own day dates it, not the day the story has moved
/// on to since ("Saturday's blast hit the convoy. ... Debris was still strewn at the scene on
/// Sunday. ... Hundreds were wounded in the blast.").
fn carried(doc: &Doc, i: usize, ts: &TypeScore, d: EventDate) -> EventDate {
    // (Only when the story has moved on since that event was told.)
    let moved_on = |b: &EventDate| {
        let at = |e: &EventDate| e.evidence.as_ref().map(|ev| ev.sentence);
        b.date != d.date && at(&d) > at(b)
    };
    let d = told_before(doc, i, ts).filter(moved_on).unwrap_or(d);
    let close = d.evidence.as_ref().is_some_and(|ev| {
        ev.sentence < i
            && i - ev.sentence <= CARRY_KEEPS_DAY_SENTENCES
            && !doc.text[doc.sentences[ev.sentence].end..doc.sentences[i].start].contains("\n\n")
    });
    if close {
        d
    } else {
        approximate(d)
    }
}

/// How many words after a "day after" inside a sentence the trigger may stand and still name
/// the earlier thing ("a day after dozens of children were killed in airstrikes").
const AFTER_REFERENCE_WORDS: usize = 8;

/// How many words after an opening "30 hours after" the earlier thing is told in ("30 hours
/// after the bombing"); a trigger farther on tells the later thing ("... a blast struck").
const FRONTED_REFERENCE_WORDS: usize = 4;

/// A date counted from the day told before (`sitrep_time::day_offsets`): "On Friday the convoy
/// arrived. A day later a car bomb hit it." dates the bombing Saturday; "Rebels shelled a
/// school on Tuesday, a day after airstrikes hit Idlib" dates the airstrikes Monday. `base` is
/// the date the event at `trigger` takes otherwise (with no trigger: the day the story has
/// reached); an offset from the publication, or from a day told after it, moves nothing.
fn counted(doc: &Doc, i: usize, trigger: Option<Span>, base: EventDate) -> EventDate {
    let Some(day) = single_day(&base) else {
        return base;
    };
    let Some(ev) = base.evidence.as_ref() else {
        return base;
    };
    // A date the sentence tells itself (not the report's dateline).
    let told_here = ev.sentence == i && !from_dateline(doc, ev);
    let words = |a: usize, b: usize| doc.text[a..b].split_whitespace().count();
    for o in sitrep_time::day_offsets(doc.text, doc.sentences[i]) {
        use sitrep_time::OffsetKind::{After, Later};
        let (shift, rule) = match (o.kind, trigger) {
            (Later, _) if !told_here => (o.days, "time:counted-later"),
            (After, None) if o.fronted && !told_here => (o.days, "time:counted-after"),
            (After, Some(t)) if t.start >= o.span.end => {
                let gap = words(o.span.end, t.start);
                if o.fronted && !told_here && gap > FRONTED_REFERENCE_WORDS {
                    (o.days, "time:counted-after")
                } else if !o.fronted && gap <= AFTER_REFERENCE_WORDS && ev.span.end <= o.span.start
                {
                    (-o.days, "time:counted-before")
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        return EventDate {
            date: Some(day + chrono::Duration::days(shift)),
            end: None,
            precision: if o.exact {
                base.precision
            } else {
                DatePrecision::Approximate
            },
            evidence: Some(doc.evidence(i, o.span, rule)),
        };
    }
    base
}

/// Whether a date's evidence is the report's dateline (a date of the first sentence that
/// `sitrep_time::is_dateline` calls one), not a day the text tells.
fn from_dateline(doc: &Doc, ev: &sitrep_model::Evidence) -> bool {
    ev.sentence == 0
        && doc.dates[0]
            .iter()
            .any(|d| d.span == ev.span && sitrep_time::is_dateline(doc.text, d))
}

/// Whether a date is a day the text told ("on Sunday" in a sentence), not the report's
/// dateline or its publication day.
fn told_day(doc: &Doc, d: &EventDate) -> bool {
    d.evidence
        .as_ref()
        .is_some_and(|ev| !from_dateline(doc, ev))
}

/// Words that may stand before a day opening a sentence ("On Saturday", "Late on Monday").
const DAY_OPENERS: &[&str] = &[
    "on", "late", "early", "earlier", "later", "and", "but", "then",
];

/// Whether sentence `i` opens with its own day `d` ("On Saturday mortar rounds struck ..."):
/// what a report does to tell another incident on another day.
fn day_first(doc: &Doc, i: usize, d: &EventDate) -> bool {
    d.evidence.as_ref().is_some_and(|ev| {
        ev.sentence == i
            && !from_dateline(doc, ev)
            && doc.text[doc.sentences[i].start..ev.span.start.max(doc.sentences[i].start)]
                .split_whitespace()
                .all(|w| DAY_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)))
    })
}

/// How many sentences back an event named with "the" may point.
const ANAPHOR_SENTENCES: usize = 30;

/// Whether the trigger at `trigger` is named with "the", "this" or "that" ("the blast", "the
/// deadly blast", "the largest explosion"; not "the group withdrew"): an event told before.
fn named_definitely(doc: &Doc, i: usize, trigger: Span) -> bool {
    let before = doc.text[doc.sentences[i].start..trigger.start].to_ascii_lowercase();
    let mut words = before.split_whitespace().rev();
    let the = |w: Option<&str>| matches!(w, Some("the" | "this" | "that"));
    let adjective = |w: &str| {
        [
            "ly", "ed", "al", "ic", "ive", "ous", "ful", "ent", "est", "ing",
        ]
        .iter()
        .any(|e| w.ends_with(e))
    };
    match words.next() {
        w @ Some("the" | "this" | "that") => the(w),
        Some(w) if adjective(w) => the(words.next()),
        _ => false,
    }
}

/// The own date of the event of `ts`'s kind told before sentence `i`, when the trigger is named
/// with "the", "this" or "that" ("the blast", "the deadly bombing"): the nearest earlier
/// sentence whose event is of the same event type ("the explosion" after a suicide bombing) and
/// gives its own day (not the report's dateline).
fn told_before(doc: &Doc, i: usize, ts: &TypeScore) -> Option<EventDate> {
    if !named_definitely(doc, i, ts.trigger) {
        return None;
    }
    (i.saturating_sub(ANAPHOR_SENTENCES)..i)
        .rev()
        .find_map(|j| {
            let earlier = event_candidate(doc, j)?;
            // Any explosion for an explosion ("the blast" after a suicide bombing, a petrol
            // station "caught up in the explosion", told as a man-made disaster, "the airstrike"
            // after the gas attack it carried); a battle or an attack only for one of its own
            // sub-event ("the fighting" is not the siege). A bomb's blast is not an air strike
            // or a shelling told before it: "the largest explosion the city has seen" is not the
            // strike told before it on another town (a jet's crash after it still is).
            let kind = |t: SubEventType| match (t, t.event_type()) {
                (SubEventType::ManMadeDisaster, _) | (_, EventType::ExplosionsRemoteViolence) => {
                    None
                }
                _ => Some(t),
            };
            let strike = matches!(
                earlier.sub_event_type,
                SubEventType::AirDroneStrike | SubEventType::ShellingArtilleryMissileAttack
            );
            let bomb = matches!(
                ts.sub_event_type,
                SubEventType::RemoteExplosive | SubEventType::SuicideBomb | SubEventType::Grenade
            );
            if strike && bomb {
                return None;
            }
            if kind(earlier.sub_event_type) != kind(ts.sub_event_type) {
                return None;
            }
            sentence_date(doc, j, Some(earlier.trigger), DateUse::STORY).filter(|d| {
                let dateline = d.evidence.as_ref().is_some_and(|ev| from_dateline(doc, ev));
                d.date.is_some()
                    && d.end.is_none()
                    && d.precision == DatePrecision::Day
                    && !dateline
            })
        })
}

/// An event the sentence dates to a week ("48 people were killed earlier this week") takes the
/// day the next sentence gives when that one tells it again with a verb of happening ("The
/// killings took place in Rityan, which troops entered on Tuesday") and the day falls in that
/// week: approximately that day.
fn week_told_next(doc: &Doc, i: usize, d: EventDate) -> EventDate {
    let (Some(start), Some(ev)) = (d.date, d.evidence.as_ref()) else {
        return d;
    };
    if d.precision != DatePrecision::Week || ev.sentence != i || i + 1 >= doc.sentences.len() {
        return d;
    }
    let next = doc.sentences[i + 1];
    let text = next.of(doc.text);
    let retold = text.starts_with("The ")
        && ["took place", "happened", "occurred", "were carried out"]
            .iter()
            .any(|v| text.contains(v));
    let day = sentence_date(doc, i + 1, None, DateUse::STORY).filter(|n| {
        n.precision == DatePrecision::Day
            && n.end.is_none()
            && n.date
                .is_some_and(|x| (0..7).contains(&(x - start).num_days()))
    });
    match day {
        Some(n) if retold => approximate(n),
        _ => d,
    }
}

/// How many sentences after a lead dated only by the dateline the text may name its event's
/// day with a possessive ("Saturday's attack").
const RETOLD_DAY_SENTENCES: usize = 8;

/// How many words after a possessive day ("Saturday's") the event it names may stand ("Saturday's
/// deadly attack").
const RETOLD_DAY_WORDS: usize = 2;

/// "18 May 2019 Bus bombing ends the evacuation ... In the hours before Saturday's attack the two
/// women spoke to reporters": a lead dated only by the report's dateline takes the day a later
/// sentence names its event by ("Saturday's attack", the first such day, before the dateline
/// and within a week of it), when that event is of the lead's sub-event type or, for a violent
/// lead, a bare attack (the headline's "bombing" retold as "the attack"; not "Thursday's rocket
/// attack" after a headline of air strikes); not past a sentence that tells such an event on a
/// day of its own (the lead told again).
fn retold_on_day(doc: &Doc, i: usize, ts: &TypeScore, d: EventDate) -> EventDate {
    let dateline = d
        .evidence
        .as_ref()
        .is_some_and(|ev| ev.sentence == i && from_dateline(doc, ev));
    let Some(stamp) = d
        .date
        .filter(|_| dateline && d.precision == DatePrecision::Day)
    else {
        return d;
    };
    // (A lead told by its distance from another event, "four days after a deadly attack",
    // is not that event.)
    if !sitrep_time::day_offsets(doc.text, doc.sentences[i]).is_empty() {
        return d;
    }
    let kind = ts.sub_event_type;
    let alike =
        |t: SubEventType| t == kind || (kind.is_armed_violence() && t == SubEventType::Attack);
    let last = (i + RETOLD_DAY_SENTENCES).min(doc.sentences.len() - 1);
    for j in i + 1..=last {
        for m in &doc.dates[j] {
            let Some(day) = m.date.filter(|x| (1..7).contains(&(stamp - *x).num_days())) else {
                continue;
            };
            if m.precision != DatePrecision::Day || m.end.is_some() || !possessive_day(doc, m.span)
            {
                continue;
            }
            let names_event = doc.types[j].iter().any(|t| {
                alike(t.sub_event_type)
                    && t.trigger.start >= m.span.end
                    && doc.text[m.span.end..t.trigger.start]
                        .split_whitespace()
                        .count()
                        <= RETOLD_DAY_WORDS
            });
            if names_event {
                return EventDate {
                    date: Some(day),
                    end: None,
                    precision: DatePrecision::Day,
                    evidence: Some(doc.evidence(j, m.span, format!("time:{} (retold)", m.rule))),
                };
            }
        }
        // a sentence telling an event of the lead's kind on a day of its own ("Ten civilians
        // were killed ... on Wednesday") is the lead told again: a possessive day further on
        // ("the toll from Tuesday's rocket attacks") names another event
        let told_with_a_day = doc.types[j].iter().any(|t| alike(t.sub_event_type))
            && doc.dates[j].iter().any(|m| {
                m.precision == DatePrecision::Day
                    && m.end.is_none()
                    && m.date.is_some()
                    && !possessive_day(doc, m.span)
                    && !is_claim_date(doc, j, m.span)
            });
        if told_with_a_day {
            return d;
        }
    }
    d
}

/// Whether the date at `span` is a weekday in the possessive ("Saturday's", or "Saturdays" with
/// its apostrophe stripped).
fn possessive_day(doc: &Doc, span: Span) -> bool {
    let told = span.of(doc.text);
    let Some(word) = told.rsplit(' ').next() else {
        return false;
    };
    let bare = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .or_else(|| word.strip_suffix('s'));
    bare.is_some_and(|w| w.ends_with("day") && sitrep_time::is_weekday_name(&w.to_lowercase()))
}

/// Words that tell an event through what followed it: its victims, tests on them, a probe or
/// a talk about it ("tests on attack victims point to sarin", "Kerry discusses chemical attack").
const FOLLOW_UP_WORDS: &[&str] = &[
    "tests",
    "victims",
    "survivors",
    "aftermath",
    "probe",
    "investigation",
    "inquiry",
    "investigators",
    "discusses",
    "discussed",
    "samples",
];

/// How many words either side of the trigger a follow-up word may stand.
const FOLLOW_UP_REACH: usize = 6;

/// "Thursday 6 April 2017 Turkey says tests on attack victims point to sarin exposure": a lead
/// dated only by the report's dateline that tells its event through what followed it
/// ([`FOLLOW_UP_WORDS`]) tells the follow-up on the dateline's day; the event itself fell on
/// that day or before it: dated as an undated report is, by the report's day, approximately.
fn follow_up_lead(doc: &Doc, i: usize, trigger: Span, d: EventDate) -> EventDate {
    let dateline = d
        .evidence
        .as_ref()
        .is_some_and(|ev| ev.sentence == i && from_dateline(doc, ev));
    if !dateline || d.precision != DatePrecision::Day || d.end.is_some() {
        return d;
    }
    let s = doc.sentences[i];
    let follow_up = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        FOLLOW_UP_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
    };
    let before = doc.text[s.start..trigger.start.max(s.start)]
        .split_whitespace()
        .rev()
        .take(FOLLOW_UP_REACH);
    let after = doc.text[trigger.end.min(s.end)..s.end]
        .split_whitespace()
        .take(FOLLOW_UP_REACH);
    if !before.chain(after).any(follow_up) {
        return d;
    }
    // (the report's day, as an undated report's publication: no evidence of the event's own)
    EventDate {
        evidence: None,
        ..approximate(d)
    }
}

/// Whether the date `d`, before the event's `trigger`, is told of what followed the event: a
/// follow-up word ([`FOLLOW_UP_WORDS`]) stands between them ("On Tuesday similar results were
/// confirmed by post-mortem tests on victims of the attack: sarin had been used"). The day is
/// the tests', the event fell on it or before. (Not the report's dateline: that is
/// [`follow_up_lead`]'s.)
fn follow_up_day(doc: &Doc, i: usize, trigger: Span, d: &DateMention) -> bool {
    if d.span.end > trigger.start || (i == 0 && sitrep_time::is_dateline(doc.text, d)) {
        return false;
    }
    doc.text[d.span.end..trigger.start]
        .split_whitespace()
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            FOLLOW_UP_WORDS.iter().any(|f| f.eq_ignore_ascii_case(w))
        })
}

/// "The day before", "a day earlier", "the previous day" in sentence `i` count back from the day
/// the story has reached, when an earlier sentence told one ("Rebels shelled the city on
/// Friday. Six had been killed the previous day": Thursday), not from the publication.
fn before_story(i: usize, d: EventDate, story: Option<&EventDate>) -> EventDate {
    let here = d
        .evidence
        .as_ref()
        .is_some_and(|ev| ev.sentence == i && ev.rule == "time:day-before");
    let Some((day, told)) = story.and_then(|s| Some((s.date?, s.evidence.as_ref()?))) else {
        return d;
    };
    if !here || told.sentence >= i || story.is_some_and(|s| s.end.is_some()) {
        return d;
    }
    let precision = match story.map(|s| s.precision) {
        Some(DatePrecision::Day) => DatePrecision::Day,
        _ => DatePrecision::Approximate,
    };
    EventDate {
        date: Some(day - chrono::Duration::days(1)),
        end: None,
        precision,
        evidence: d.evidence.map(|mut ev| {
            ev.rule = "time:day-before-story".into();
            ev
        }),
    }
}

fn approximate(mut d: EventDate) -> EventDate {
    if d.precision == DatePrecision::Day {
        d.precision = DatePrecision::Approximate;
    }
    d
}

/// Whether a date follows a reporting verb ("said on Monday", "reported Sunday"): the date of the
/// claim, not of the event.
fn is_claim_date(doc: &Doc, i: usize, span: Span) -> bool {
    let sentence = doc.sentences[i];
    let from = char_floor(doc.text, span.start.saturating_sub(16).max(sentence.start));
    let before = Span::new(from, span.start);
    // "condemned Tuesday's attack": a day in the possessive dates what is reacted to.
    // "said Tuesdays bombardment": the same possessive with its apostrophe stripped.
    let told = span.of(doc.text);
    let stripped = told
        .rsplit(' ')
        .next()
        .and_then(|w| w.strip_suffix('s'))
        .is_some_and(|w| w.ends_with("day") && sitrep_time::is_weekday_name(&w.to_lowercase()));
    if told.ends_with("'s") || told.ends_with("\u{2019}s") || stripped {
        return false;
    }
    let cues = doc.cues;
    let sets = [&cues.attribution, &cues.denied, &cues.reaction];
    // "said on Monday", "denied on Wednesday", and "Turkey on Thursday condemned" (not "struck
    // the town on Saturday according to the monitor", where the day is the strike's)
    let after = Span::new(span.end, (span.end + 20).min(sentence.end));
    let right_after = |set: &crate::cues::PhraseSet| {
        set.first(doc.text, after)
            .is_some_and(|(s, _)| doc.text[span.end..s.start].trim().is_empty())
    };
    sets.iter().any(|set| {
        set.find(doc.text, before)
            .any(|(s, _)| doc.text[s.end..span.start].trim().len() <= 3)
    }) || right_after(&cues.denied)
        || right_after(&cues.reaction)
}

/// Whether a date follows words of a body meeting or speaking ("The Security Council met
/// Wednesday", "said in a statement on Monday", "is to hold an emergency meeting on Wednesday";
/// `data/cues.toml` [dating] statement_days): the day of the meeting or the statement.
fn statement_day(doc: &Doc, i: usize, span: Span) -> bool {
    let from = char_floor(
        doc.text,
        span.start.saturating_sub(16).max(doc.sentences[i].start),
    );
    doc.cues
        .statement_days
        .find(doc.text, Span::new(from, span.start))
        .any(|(s, _)| doc.text[s.end..span.start].trim().len() <= 3)
}

/// Whether a date is the day a toll reached its figure ("rose to 15 on Tuesday", "reached 30
/// people on Monday"): the count's day, not the killing's.
fn toll_reached_on(doc: &Doc, i: usize, span: Span) -> bool {
    let before = &doc.text[doc.sentences[i].start..span.start];
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(5)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let from = usize::from(words.first().is_some_and(|w| w == "on"));
    let Some(number) = (from..(from + 2).min(words.len())).find(|&k| {
        words[k].starts_with(|c: char| c.is_ascii_digit())
            && words[k].bytes().all(|b| b.is_ascii_digit() || b == b',')
    }) else {
        return false;
    };
    words
        .get(number + 1)
        .is_some_and(|w| matches!(w.as_str(), "to" | "reached" | "reaches" | "hit" | "at"))
}

/// Whether a date follows words of telling someone and who was told, one or two words ("told
/// AFP on Wednesday", "speaking to local reporters on Tuesday"; `data/cues.toml` [dating]
/// told_to): the day of the telling. (It still dates a single incident the teller tells of, at
/// most a day or so after it; a toll told that day is a count as of it, not the killing's day.)
fn told_to_day(doc: &Doc, i: usize, span: Span) -> bool {
    let start = doc.sentences[i].start;
    let from = char_floor(
        doc.text,
        span.start.saturating_sub(TOLD_TO_BYTES).max(start),
    );
    doc.cues
        .told_to
        .find(doc.text, Span::new(from, span.start))
        .any(|(s, _)| {
            let mut words: Vec<&str> = doc.text[s.end..span.start].split_whitespace().collect();
            if words.last().is_some_and(|w| w.eq_ignore_ascii_case("on")) {
                words.pop();
            }
            (1..=2).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_alphanumeric() || c == '-'))
        })
}

/// How far before a date the words of telling someone may stand ("speaking to local
/// reporters on Tuesday").
const TOLD_TO_BYTES: usize = 48;

/// Whether a day opening sentence `i` ("On Tuesday", "Late on Monday") goes on with a body
/// meeting or speaking before the event is told ("On Tuesday the agencies released a joint
/// statement expressing outrage at the attack", "On Monday Turkey condemned the strike"): the
/// day of the statement, not of the event. The event is the one at `trigger`, else the
/// sentence's likeliest.
fn fronted_statement_day(doc: &Doc, i: usize, d: &DateMention, trigger: Option<Span>) -> bool {
    // (Not the report's dateline: "Friday 6 Feb 2015 ..." dates the report.)
    if i == 0 && sitrep_time::is_dateline(doc.text, d) {
        return false;
    }
    let (s, span) = (doc.sentences[i], d.span);
    let opens = doc.text[s.start..span.start.max(s.start)]
        .split_whitespace()
        .all(|w| DAY_OPENERS.iter().any(|o| o.eq_ignore_ascii_case(w)));
    if !opens {
        return false;
    }
    let event = trigger.or_else(|| doc.types[i].first().map(|t| t.trigger));
    let end = event.map_or(s.end, |t| t.start);
    if end <= span.end {
        return false;
    }
    let between = Span::new(span.end, end);
    let cues = doc.cues;
    cues.statement_days.any(doc.text, between) || cues.reaction.any(doc.text, between)
}

/// Whether the date at `span` closes a clause telling what was still to be seen ("were still
/// covered in blood on Tuesday morning", "debris was still strewn at the scene on Sunday"; not
/// "still reeling from an assault on Thursday", the assault's day).
fn still_seen(doc: &Doc, i: usize, span: Span) -> bool {
    let before = &doc.text[doc.sentences[i].start..span.start];
    before.rfind(" still ").is_some_and(|p| {
        let clause = &before[p..];
        !clause.contains([',', ';'])
            && ![" and ", " from ", " after ", " since "]
                .iter()
                .any(|w| clause.contains(w))
    })
}

/// How far before the verb of an aside its opener may stand ("where a deadly attack on an aid
/// convoy took place").
const ASIDE_OPENER_BYTES: usize = 48;

/// How far before a date the opener of a recalled event may stand ("in response to the alleged
/// chemical weapons use in Idlib on Tuesday").
const RECALL_OPENER_BYTES: usize = 72;

/// How many words between "where" and a date make a clause of their own (a subject and a verb
/// at least: "where rebels struck on Friday", not "where on Friday").
const ASIDE_CLAUSE_WORDS: usize = 3;

/// What a date right after an aside's verb tells of, when not the event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Aside {
    /// The event's own date, as far as the wording tells.
    None,
    /// Something the event followed ("following clashes that started on 2 May"): the date loses
    /// to any other date of the sentence.
    Prior,
    /// Another thing told in passing ("where the convoy attack took place on 19 September"):
    /// never the event's date.
    Other,
}

/// Whether the date at `span` is told in an aside after the trigger (`data/cues.toml`
/// [dating]): an opener, then within a few words a verb of happening and the date right after.
fn aside(doc: &Doc, trigger: Span, span: Span) -> Aside {
    // "after the September 12 truce collapsed": a date set before a noun names that thing; it
    // dates the event only when that noun is the trigger ("the April 4 attack killed 80").
    if let Some(head) = attributive_head(doc, span) {
        if head != trigger.start {
            return Aside::Other;
        }
    }
    if span.start < trigger.end {
        return Aside::None;
    }
    let cues = doc.cues;
    // "the first death since a chemical attack on Tuesday", "in response to the gas attack on
    // Tuesday": the date of the thing named after the opener (never "since Tuesday" itself).
    let window = lookback(doc.text, span.start, RECALL_OPENER_BYTES, trigger.end);
    if cues
        .recall_openers
        .find(doc.text, window)
        .last()
        .is_some_and(|(o, _)| {
            // One noun phrase: no clause break, no other figure or date, no second clause
            // ("divided since 2012 and struck on Monday").
            let between = &doc.text[o.end..span.start];
            between.trim().contains(' ')
                && !between.contains([',', ';', '(', ')'])
                && !between.contains(|c: char| c.is_ascii_digit())
                && !between.contains(" and ")
        })
    {
        return Aside::Other;
    }
    // "shelled Jayrud, where the army says rebels killed a pilot who ejected on Friday": a date
    // closing a clause of its own after "where" (or "since") dates that clause, whatever its verb;
    // so does one closing "carrying people evacuated from two villages on Friday" after the
    // event's own trigger (not the story's day: no trigger, an empty span).
    let between = Span::new(trigger.end, span.start);
    let carrier = || {
        (!trigger.is_empty())
            .then(|| cues.carrier_openers.find(doc.text, between).last())
            .flatten()
    };
    if let Some((o, _)) = cues
        .aside_openers
        .find(doc.text, between)
        .last()
        .or_else(carrier)
    {
        // (Not past a second verb of the event's own: "held by rebels since 2013 and wounded
        // six people on Monday".)
        let clause = &doc.text[o.end..span.start];
        if clause.split_whitespace().count() >= ASIDE_CLAUSE_WORDS
            && !clause.contains(" and ")
            && !clause.contains([',', ';'])
        {
            return Aside::Other;
        }
    }
    let Some((verb, _)) = cues
        .aside_verbs
        .find(doc.text, Span::new(trigger.end, span.start))
        .last()
    else {
        return Aside::None;
    };
    let gap = doc.text[verb.end..span.start].trim();
    let close = [
        "on",
        "in",
        "at",
        "more than",
        "over",
        "about",
        "nearly",
        "almost",
    ];
    if !(gap.is_empty() || close.iter().any(|w| gap.eq_ignore_ascii_case(w))) {
        return Aside::None;
    }
    let before = lookback(doc.text, verb.start, ASIDE_OPENER_BYTES, trigger.end);
    if cues.aside_openers.any(doc.text, before) {
        Aside::Other
    } else if cues.prior_openers.any(doc.text, before) {
        Aside::Prior
    } else {
        Aside::None
    }
}

/// Where the noun a calendar day is set before starts ("the August 21 attack" → "attack"): after
/// "the", a day and month with no year and then a lower-case word that is no function word.
fn attributive_head(doc: &Doc, span: Span) -> Option<usize> {
    let told = span.of(doc.text);
    let digits = told.bytes().filter(u8::is_ascii_digit).count();
    // A day and month only: "August 21", "21 August" (no year, no clock).
    if !(1..=2).contains(&digits) || told.contains(':') {
        return None;
    }
    let before = doc.text[..span.start].trim_end_matches(' ');
    let the = before
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    if !the {
        return None;
    }
    let after = doc.text[span.end..].strip_prefix(' ')?;
    let word: &str = after.split([' ', ',', '.', ';']).next()?;
    let function = [
        "and", "or", "in", "on", "at", "of", "to", "for", "from", "with", "by", "when", "as", "is",
        "was", "were", "are", "that", "which", "after", "before",
    ];
    (word.chars().all(|c| c.is_ascii_lowercase()) && !word.is_empty() && !function.contains(&word))
        .then_some(span.end + 1)
}

/// Whether a date closes a photo caption glued into the text ("Residents inspect the market
/// in Idlib Syria September 10 2016.", "... in Sochi Russia Thursday Oct. 27 2016 (Photo AP)
/// ..."): such a date dates what the caption shows, not what the text goes on to tell.
fn caption_date(doc: &Doc, d: &DateMention) -> bool {
    sitrep_time::caption::closes_caption(doc.text, d)
}

/// Where a photo caption glued before the trigger in sentence `i` ends: its date's end.
fn caption_end(doc: &Doc, i: usize, trigger: Span) -> Option<usize> {
    doc.dates[i]
        .iter()
        .filter(|d| d.span.end <= trigger.start && caption_date(doc, d))
        .map(|d| d.span.end)
        .max()
}

/// The day the story has reached after sentence `i`: its own point date, if it gives one.
/// "Since Saturday noon" or "until Monday" say when something began or ends, not where the
/// story stands, so they do not move it; nor does a trend up to now ("there has been an uptick
/// in bombardment in recent days"), which tells no day the story has reached.
/// "A day later ..." with no date of its own moves the story on from the day it had reached.
/// Nor does a month or a year that holds the story's day ("29 died on Sunday. ... Some 1,400
/// civilians left the area this year."): the period is told in passing, the story stays on
/// its day; nor history over twenty years back ("the centre, established in 1965").
fn narrative_date(doc: &Doc, i: usize, story: Option<&EventDate>) -> Option<EventDate> {
    // ("The centre, established in 1965, tests industrial products": history, not the story)
    let history = |d: &EventDate| {
        d.date
            .zip(doc.published)
            .is_some_and(|(day, published)| (published - day).num_days() > HISTORY_DAYS)
    };
    sentence_date(doc, i, None, DateUse::STORY)
        .map(|d| updated_today(doc, i, d, story))
        .filter(|d| {
            d.date.is_some()
                && !history(d)
                && !d
                    .evidence
                    .as_ref()
                    .is_some_and(|ev| ev.rule.starts_with("time:recent"))
                && !story.is_some_and(|s| holds_day(d, s))
        })
        .map(|d| before_story(i, d, story))
        .or_else(|| {
            let story = story?;
            let moved = counted(doc, i, None, story.clone());
            (moved.date != story.date).then_some(moved)
        })
}

/// How far back from its publication a date is history told in passing ("the centre,
/// established in 1965"), which does not move the story's day: twenty years.
const HISTORY_DAYS: i64 = 20 * 365;

/// "Last updated at 5 Apr 2017 ... The attack came early on Tuesday morning ... We heard strikes
/// this morning, a resident said": a report stamped with the day it was last updated was
/// written before that day; its "today" and "this morning" are the day it was written, which
/// the stamp does not give. When the story has reached the day before the stamp, that is the
/// day it was written on: "today" there stays on the story's day (approximately).
fn updated_today(doc: &Doc, i: usize, d: EventDate, story: Option<&EventDate>) -> EventDate {
    let today = d
        .evidence
        .as_ref()
        .is_some_and(|ev| ev.sentence == i && ev.rule == "time:today");
    let updated = doc
        .text
        .get(..LAST_UPDATED.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(LAST_UPDATED));
    let Some(day) = story.and_then(single_day) else {
        return d;
    };
    if !today || !updated || d.date.is_none_or(|x| (x - day).num_days() != 1) {
        return d;
    }
    EventDate {
        date: Some(day),
        end: None,
        precision: DatePrecision::Approximate,
        evidence: d.evidence.map(|mut ev| {
            ev.rule = "time:today (updated report: the story's day)".into();
            ev
        }),
    }
}

/// How a report stamped with the day it was last updated opens.
const LAST_UPDATED: &str = "last updated";

/// Whether a count of the dead comes before a "since" that comes before the date at `span`
/// ("killed more than 90 since they went on the offensive on Thursday"): the date is the
/// count's start. ("The first death since an attack on Tuesday that killed 87": the count
/// comes after, and is the attack's.)
fn counted_since(doc: &Doc, quantities: &[Quantity], span: Span) -> bool {
    quantities.iter().any(|q| {
        let end = q.evidence.span.end;
        q.kind == QuantityKind::Killed
            && end <= span.start
            && doc.text[end..span.start]
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("since"))
    })
}

/// How many days apart a bombing told again may be dated and still be the one
/// told before (a report's dateline against the weekday its text gives).
const SAME_INCIDENT_DAYS: i64 = 3;

/// Kinds that seldom recur within days in one story, so that a line of one told again is the
/// incident told before: a bombing (remote or suicide, which outlets confuse). (Not a gas
/// attack: reports of one recall the others, "the third claim of a chemical attack".)
fn same_incident_kind(a: SubEventType, b: SubEventType) -> bool {
    let bombing = |t| matches!(t, SubEventType::RemoteExplosive | SubEventType::SuicideBomb);
    bombing(a) && bombing(b)
}

/// The place a sentence without one of its own takes from the events told before it (`told`,
/// latest first, background lines left out): the latest one's; but a bombing told again is the
/// bombing the article told days around it, whatever it told in between ("A bomb hit buses in
/// Rashidin ... The deal also moves people out of Madaya near Damascus ... The blast wounded
/// hundreds" is at Rashidin).
fn story_place<'a>(
    told: impl Iterator<Item = &'a Event> + Clone,
    kind: SubEventType,
    date: &EventDate,
) -> Option<&'a PlaceRef> {
    told.clone()
        .find(|e| {
            same_incident_kind(e.sub_event_type, kind)
                && days_apart(&e.date, date).is_some_and(|n| n <= SAME_INCIDENT_DAYS)
        })
        .or_else(|| told.clone().next())
        .and_then(|e| e.location.as_ref())
}

/// Days between two single-day dates ([`single_day`]).
fn days_apart(a: &EventDate, b: &EventDate) -> Option<i64> {
    Some((single_day(a)? - single_day(b)?).num_days().abs())
}

/// The one day a date names, exactly or approximately (not a period, a week or coarser).
fn single_day(d: &EventDate) -> Option<NaiveDate> {
    d.date.filter(|_| {
        d.end.is_none() && matches!(d.precision, DatePrecision::Day | DatePrecision::Approximate)
    })
}

/// Whether the month or year `period` holds the day `day` (a day, exact or approximate).
fn holds_day(period: &EventDate, day: &EventDate) -> bool {
    use chrono::Datelike;
    let (Some(start), Some(x)) = (period.date, single_day(day)) else {
        return false;
    };
    match (period.precision, period.end) {
        (DatePrecision::Month | DatePrecision::Year, Some(end)) => (start..=end).contains(&x),
        (DatePrecision::Month, None) => (start.year(), start.month()) == (x.year(), x.month()),
        (DatePrecision::Year, None) => start.year() == x.year(),
        _ => false,
    }
}

/// How coarse a date precision is, finest first.
fn coarseness(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day | DatePrecision::AsOf => 0,
        DatePrecision::Approximate | DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
        DatePrecision::Unresolved => 4,
    }
}

/// Which of a sentence's dates may date what it reports, besides those that always may.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DateUse {
    /// A "since" date dates the event: a halt or a truce that began then.
    since_starts: bool,
    /// The day a body meets or speaks dates the event: the event is the meeting or the
    /// statement (a deal, a diplomatic step: no violence).
    statement_day: bool,
}

impl DateUse {
    /// A story's or a violent event's date: neither a "since" date nor a statement's day.
    const STORY: DateUse = DateUse {
        since_starts: false,
        statement_day: false,
    };

    /// The dates an event of sub-event `sub` may take.
    fn for_event(sub: SubEventType) -> DateUse {
        DateUse {
            since_starts: sub == SubEventType::Agreement,
            statement_day: !sub.is_armed_violence(),
        }
    }
}

/// The date the sentence itself gives for what it reports, nearest the trigger when given;
/// `uses` says whether a "since" date or a statement's day may date it.
fn sentence_date(doc: &Doc, i: usize, trigger: Option<Span>, uses: DateUse) -> Option<EventDate> {
    let anchor = trigger.map(|t| t.start).unwrap_or(doc.sentences[i].start);
    let anchor_span = trigger.unwrap_or(Span::new(anchor, anchor));
    let usable = |d: &&DateMention| {
        d.role != DateRole::Until
            && !is_claim_date(doc, i, d.span)
            // The day a body meets or speaks about the event is not the event's, unless the
            // event is the meeting or the statement (a deal, a diplomatic step: no violence).
            && (uses.statement_day
                || !(statement_day(doc, i, d.span) || fronted_statement_day(doc, i, d, trigger)))
            && (uses.since_starts || d.role != DateRole::Since)
            // "On Tuesday tests on victims of the attack confirmed ...": the tests' day, not a
            // violent event's (a protest's "victims of displacement" are its crowd).
            && (uses.statement_day || !trigger.is_some_and(|t| follow_up_day(doc, i, t, d)))
            // A photo caption's date dates only the caption, before it.
            && !(caption_date(doc, d) && trigger.is_none_or(|t| t.start >= d.span.end))
            // An aside's date never moves the story ("the war that began in March 2011").
            && match aside(doc, anchor_span, d.span) {
                Aside::None => true,
                Aside::Prior => trigger.is_some(),
                Aside::Other => false,
            }
            // "Seats were still covered in blood on Tuesday morning": a scene seen after the
            // event dates the seeing; the story stays on the event's day.
            && !(trigger.is_none() && still_seen(doc, i, d.span))
            // A clock time with no day ("shortly before noon") dates nothing by itself.
            && (d.date.is_some() || (doc.published.is_none() && d.rule != "time-only"))
            // "the deadliest attack on the region this year": the span a superlative ranks
            // over, not the event's date
            && !superlative_scope(doc, i, d.span)
    };
    // The report's own dateline dates the report: another date the sentence gives dates what
    // it reports ("21 May 2019 Warplanes struck the market on Monday").
    let dateline = |d: &DateMention| i == 0 && sitrep_time::is_dateline(doc.text, d);
    let told = doc.dates[i].iter().filter(usable).any(|d| !dateline(d));
    let written_day = doc.dates[i]
        .iter()
        .filter(usable)
        .any(|d| !d.relative && d.precision == DatePrecision::Day && !dateline(d));
    let day_named = doc.dates[i].iter().filter(usable).any(|d| {
        d.rule != sitrep_time::NIGHT_BEFORE_RULE
            && d.precision == DatePrecision::Day
            && d.date.is_some()
            && !dateline(d)
    });
    let chosen = doc.dates[i]
        .iter()
        .filter(usable)
        .filter(|d| !(told && dateline(d)))
        // A day beats a month or a year named in passing ("arrested in 2017"), then nearness;
        // a date of what the event followed ("following clashes that began on 2 May", "the
        // previous day") loses to a calendar day the sentence writes out ("On 3 May 2020, ...").
        .min_by_key(|d| {
            let prior = (d.rule == "day-before" || aside(doc, anchor_span, d.span) == Aside::Prior)
                && written_day;
            // "an overnight raid on Sunday": the night is the one the day names, not the one
            // before the publication
            let night_named_on = d.rule == sitrep_time::NIGHT_BEFORE_RULE && day_named;
            (
                coarseness(d.precision),
                prior,
                night_named_on,
                d.span.start.abs_diff(anchor),
            )
        });
    // "Published 19 May 2019 Airstrikes killed 20 civilians, the monitor said yesterday": a lead
    // dated only by the dateline whose report was told on an earlier day tells an event that
    // fell on that day or before it, not on the dateline's: the report's day, approximately.
    if let Some(reported) = chosen
        .filter(|d| dateline(d))
        .and_then(|d| reported_before(doc, i, d))
    {
        return Some(EventDate {
            date: reported.date,
            end: None,
            precision: DatePrecision::Approximate,
            evidence: Some(doc.evidence(
                i,
                reported.span,
                format!("time:{} (reported)", reported.rule),
            )),
        });
    }
    chosen.map(|d| EventDate {
        date: d.date,
        end: d.end,
        precision: match (d.date, d.precision) {
            (None, _) => DatePrecision::Unresolved,
            // "Around 6 May (as reported)": the day, known approximately.
            (Some(_), DatePrecision::Day) if d.approximate => DatePrecision::Approximate,
            (Some(_), p) => p,
        },
        evidence: Some(doc.evidence(i, d.span, format!("time:{}", d.rule))),
    })
}

/// The day sentence `i` says its news was told ("The army said on Friday it had recaptured the
/// palace"), when that is all that dates it: what was told happened that day or before, so the
/// event is dated that day, approximately (not the later day of the article that reports the
/// telling). A single day, up to [`REPORTED_BEFORE_DAYS`] before the publication (a weekday
/// that falls further back is likelier a publication date misfiled than a week-old statement).
fn said_on_day(doc: &Doc, i: usize) -> Option<EventDate> {
    let told = match doc.published {
        Some(published) => told_on_day_before(doc, i, published, 0)?,
        None => told_on_day(doc, i, |_| true)?,
    };
    Some(EventDate {
        date: told.date,
        end: None,
        precision: DatePrecision::Approximate,
        evidence: Some(doc.evidence(
            i,
            told.span,
            format!("time:{}{}", told.rule, sitrep_model::SAID_ON_DAY),
        )),
    })
}

/// How many days before the dateline (or the publication) a report's day told may fall.
const REPORTED_BEFORE_DAYS: i64 = 3;

/// The day sentence `i` says its report was told ("the monitor said yesterday", "activists said
/// on Monday"), when it is a single day up to [`REPORTED_BEFORE_DAYS`] before the dateline
/// `dateline`.
fn reported_before<'d>(doc: &'d Doc, i: usize, dateline: &DateMention) -> Option<&'d DateMention> {
    told_on_day_before(doc, i, dateline.date?, 1)
}

/// The single day sentence `i` says its news was told on ("said on Monday", "told AFP
/// yesterday"), from `least` to [`REPORTED_BEFORE_DAYS`] days before `stamp`.
fn told_on_day_before<'d>(
    doc: &'d Doc,
    i: usize,
    stamp: NaiveDate,
    least: i64,
) -> Option<&'d DateMention> {
    told_on_day(doc, i, |x| {
        (least..=REPORTED_BEFORE_DAYS).contains(&(stamp - x).num_days())
    })
}

/// The single day sentence `i` says its news was told on, where `within` allows it.
fn told_on_day<'d>(
    doc: &'d Doc,
    i: usize,
    within: impl Fn(NaiveDate) -> bool,
) -> Option<&'d DateMention> {
    doc.dates[i].iter().find(|d| {
        d.role == DateRole::Point
            && d.precision == DatePrecision::Day
            && d.end.is_none()
            && d.date.is_some_and(&within)
            && (is_claim_date(doc, i, d.span) || told_to_day(doc, i, d.span))
    })
}

/// Actors of sentence `i` with generic mentions resolved to the last named actor of their kind.
/// Sources that only report (monitors, media) are not actors.
fn resolve_actors(
    doc: &Doc,
    i: usize,
    history: &mut Vec<(ActorKind, ActorRef)>,
) -> Vec<(Span, ActorKind, ActorRef)> {
    use sitrep_model::ClaimantKind as C;
    let reporters: Vec<Span> = doc.sources[i]
        .iter()
        .filter(|s| {
            matches!(
                s.kind,
                C::Monitor | C::Media | C::StateMedia | C::Reporter | C::Person
            )
        })
        .map(|s| s.span)
        .collect();
    let mut out: Vec<(Span, ActorKind, ActorRef)> = Vec::new();
    for m in &doc.actors[i] {
        // A claimant's words are not an actor ("opposition activists", "Syrian activists
        // said"), unless the actor reading runs on past them ("AA fighters": not Anadolu
        // Agency) or is the same words by an alias local to the article's country ("AA" in
        // Myanmar).
        let claimant = reporters
            .iter()
            .any(|r| r.overlaps(&m.span) && m.span.end <= r.end && !(m.local && m.span == *r));
        if claimant || reports(doc, i, m.span) {
            continue;
        }
        // "a Taliban sniper": a named armed group right before a head that only says "unknown
        // armed men" names who they are (the head keeps its place in the sentence).
        let named_before = out.last().is_some_and(|p| {
            p.0.end <= m.span.start
                && doc.text[p.0.end..m.span.start]
                    .chars()
                    .all(|c| c == ' ' || c == '-')
                && (2..=4).contains(&p.2.inter)
                && !p.2.name.starts_with("Unidentified")
        });
        let named_head =
            !m.generic && named_before && m.actor.name.starts_with("Unidentified Armed Group");
        let mut actor = m.actor.clone();
        let mut kind = m.kind;
        if named_head {
            if let Some(prev) = out.last() {
                kind = prev.1;
                actor = ActorRef {
                    mention: actor.mention.clone(),
                    evidence: actor.evidence.clone(),
                    ..prev.2.clone()
                };
            }
        }
        if let Some(ev) = actor.evidence.as_mut() {
            ev.article_id = doc.article.id.clone();
            ev.sentence = i;
        }
        if m.generic {
            // "fighters from the Syrian Democratic Forces": the named actor that follows says who.
            let of_named = doc.actors[i].iter().any(|n| {
                !n.generic && n.span.start >= m.span.end && {
                    // (trimmed before lower-casing: the gap to a mention far along a long
                    // sentence is never one of these words)
                    let gap = doc.text[m.span.end..n.span.start].trim();
                    let gap = if gap.len() <= OF_NAMED_GAP_BYTES {
                        gap.to_ascii_lowercase()
                    } else {
                        String::new()
                    };
                    [
                        "from",
                        "of",
                        "from the",
                        "of the",
                        "loyal to",
                        "loyal to the",
                        "belonging to",
                    ]
                    .contains(&gap.as_str())
                }
            });
            if of_named {
                continue;
            }
            // (a group named paragraphs ago is not who "a suicide terrorist" was)
            let named = history.iter().rev().find(|(k, a)| {
                compatible(*k, m.kind)
                    && a.evidence
                        .as_ref()
                        .is_none_or(|e| e.sentence + COREFERENCE_REACH >= i)
            });
            if let Some((_, named)) = named {
                let mention = actor.mention.clone();
                let evidence = actor.evidence.clone().map(|mut e| {
                    e.rule = format!("{} -> coreference:{}", e.rule, named.name);
                    e
                });
                actor = ActorRef {
                    mention,
                    evidence,
                    ..named.clone()
                };
            }
        } else {
            history.push((kind, actor.clone()));
        }
        // "Syrian government warplanes": a modifier mention right before its head is one actor,
        // named by the head, told in all the words ("dropped by regime warplanes").
        let mut span = m.span;
        if let Some(prev) = out.last() {
            let gap = &doc.text[prev.0.end.min(m.span.start)..m.span.start];
            if prev.0.end <= m.span.start && gap.chars().all(|c| c == ' ' || c == '-') && !m.generic
            {
                span.start = prev.0.start;
                out.pop();
            }
        }
        // "military forces of India and Pakistan": the second country's forces too
        let coordinated = ActorDictionary::embedded()
            .coordinated(doc.text, m, doc.country.as_deref())
            .map(|mut c| {
                if let Some(ev) = c.actor.evidence.as_mut() {
                    ev.article_id = doc.article.id.clone();
                    ev.sentence = i;
                }
                (c.span, c.kind, c.actor)
            });
        // "Russian and Syrian warplanes": the first country's forces too, named first
        let coordinated_before = ActorDictionary::embedded()
            .coordinated_before(doc.text, m, doc.country.as_deref())
            .filter(|c| !out.iter().any(|o| o.0.overlaps(&c.span)))
            .map(|mut c| {
                if let Some(ev) = c.actor.evidence.as_mut() {
                    ev.article_id = doc.article.id.clone();
                    ev.sentence = i;
                }
                (c.span, c.kind, c.actor)
            });
        out.extend(coordinated_before);
        out.push((span, kind, actor));
        out.extend(coordinated);
    }
    out
}

/// Nouns of a force's places and things ("a police station", "an army checkpoint"): the force
/// named before one is where or what was hit, not who acted.
const FACILITIES: &[&str] = &[
    "station",
    "stations",
    "post",
    "posts",
    "checkpoint",
    "checkpoints",
    "headquarters",
    "base",
    "bases",
    "barracks",
    "building",
    "compound",
    "academy",
    "camp",
    "depot",
    "vehicle",
    "vehicles",
    "bus",
];

/// Whether the actor at `span` names the owner of a facility right after it ("police station").
fn names_a_facility(text: &str, span: Span) -> bool {
    let after = text[span.end..].trim_start();
    let word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    FACILITIES.iter().any(|f| word.eq_ignore_ascii_case(f))
}

/// Whether the actor at `span` only says whose area something is ("an opposition-held
/// district", "a rebel-controlled town").
fn names_whose_area(text: &str, span: Span) -> bool {
    ["-held", "-controlled", "-run", " held", " controlled"]
        .iter()
        .any(|w| text[span.end..].starts_with(w))
}

/// Words that may follow a closing "said" and still only tell when or how it was said ("said on
/// Sunday", "said late on Monday", "said in a statement").
const SAID_WHEN: &[&str] = &[
    "on",
    "late",
    "early",
    "in",
    "a",
    "statement",
    "today",
    "yesterday",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// The words of an office that speaks for a force, between its name and its reporting verb
/// ("Aleppo Police Command said", "the army spokesman told").
const SPEAKERS_OFFICE: &[&str] = &[
    "command",
    "department",
    "directorate",
    "headquarters",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "sources",
    "official",
    "officials",
    "chief",
    "media",
    "office",
];

/// Whether the actor at `span` is the subject of a reporting verb whose clause names other
/// actors ("HPG reported that Turkish jets struck ..."): it tells of the event, it does not take
/// part in it.
fn reports(doc: &Doc, i: usize, span: Span) -> bool {
    let end = doc.sentences[i].end;
    let after = doc.text[span.end..char_floor(doc.text, (span.end + 40).min(end))].trim_start();
    // "Two men were shot dead in the market, police said.": a speaker told after the event at
    // the sentence's end reports it
    let tail = doc.text[doc.sentences[i].start..span.start]
        .trim_end()
        .trim_end_matches(|c: char| c.is_alphabetic() || c == ' ' || c == '-')
        .ends_with(',')
        && {
            let rest = doc.text[span.end..end].trim();
            let rest = rest.trim_end_matches(['.', '"', '\'', ')']);
            // (or set between commas: "were shot dead at a car wash, police said, in a
            // separate attack")
            let rest = rest
                .split_once(',')
                .map_or(rest, |(speaker, _)| speaker.trim_end());
            // (and the day or the way it spoke: "said on Sunday", "said in a statement")
            let verb = ["said", "says", "say", "reported", "told reporters"]
                .iter()
                .find(|v| rest.starts_with(*v));
            verb.is_some_and(|v| {
                rest[v.len()..].split_whitespace().all(|w| {
                    SAID_WHEN.iter().any(|x| w.eq_ignore_ascii_case(x))
                        || sitrep_time::is_weekday_name(&w.to_lowercase())
                })
            })
        };
    if tail {
        return true;
    }
    let starts = |text: &str, v: &str| {
        text.get(..v.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(v))
    };
    if [
        "reported that",
        "stated that",
        "claimed that",
        "announced that",
    ]
    .iter()
    .any(|v| starts(after, v))
        && doc.actors[i]
            .iter()
            .any(|n| n.span.start > span.end && !n.generic)
    {
        return true;
    }
    // "Police confirmed on Monday that gunmen kidnapped 36 people": who confirms what another
    // did reports it
    // (where the speaker sits may come between: "Police in Zamfara state confirmed")
    // (or the office it speaks from: "A source at Aleppo Police Command said that terrorists
    // fired ...", "a police spokesman told AFP that ...")
    let wide = &doc.text[span.end..char_floor(doc.text, (span.end + 80).min(end))];
    let verb_then_that = ["confirmed", "said", "told reporters", "told"]
        .iter()
        .any(|v| {
            let Some(at) = wide.find(&format!(" {v} ")) else {
                return false;
            };
            let seat = wide[..at].trim();
            let seated = seat.is_empty()
                || seat.starts_with("in ")
                    && seat.split_whitespace().count() <= 4
                    && !seat.contains(',')
                || seat.split_whitespace().count() <= 2
                    && seat
                        .split_whitespace()
                        .all(|w| SPEAKERS_OFFICE.iter().any(|o| w.eq_ignore_ascii_case(o)));
            let said = skip_day_words(wide[at + v.len() + 2..].trim_start());
            // "told SANA that", "told the agency that": whom it told comes first
            let said = match *v {
                "told" => said
                    .match_indices(" that ")
                    .next()
                    .filter(|(k, _)| said[..*k].split_whitespace().count() <= 3)
                    .map_or(said, |(k, _)| &said[k + 1..]),
                _ => said,
            };
            seated && starts(said, "that ")
        });
    if verb_then_that && doc.actors[i].iter().any(|n| n.span.start > span.end) {
        return true;
    }
    // "The SDF said regime warplanes struck ...": a speaker whose reported clause opens with
    // another actor as its subject (not "it" or "its forces": "The army said it killed ...").
    let Some(verb) = ["said that ", "says that ", "said ", "says "]
        .iter()
        .find(|v| starts(after, v))
    else {
        return false;
    };
    let rest = &doc.text[span.end..];
    let clause = span.end + (rest.len() - rest.trim_start().len()) + verb.len();
    let opens = |start: usize| {
        start == clause
            || doc
                .text
                .get(clause..start)
                .is_some_and(|gap| gap.eq_ignore_ascii_case("the "))
    };
    doc.actors[i]
        .iter()
        .any(|n| n.span.start >= clause && opens(n.span.start))
}

/// `text` without the day words it opens with ("on Monday that ...", "late on Sunday that"):
/// the day a speaker spoke, between its verb and what it said.
fn skip_day_words(text: &str) -> &str {
    let mut rest = text;
    loop {
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = rest[..word_end].to_ascii_lowercase();
        let skip = matches!(
            word.as_str(),
            "on" | "late" | "early" | "earlier" | "later" | "yesterday" | "today" | "tonight"
        ) || sitrep_time::is_weekday_name(&word);
        if !skip || word_end == 0 {
            return rest;
        }
        rest = rest[word_end..].trim_start_matches([' ', ',']);
    }
}

/// Whether a generic mention of kind `generic` can refer to a named actor of kind `named`.
fn compatible(named: ActorKind, generic: ActorKind) -> bool {
    use ActorKind as K;
    let armed = |k: K| {
        matches!(
            k,
            K::Rebels | K::PoliticalMilitia | K::IdentityMilitia | K::Unidentified | K::Other
        )
    };
    named == generic || (armed(named) && armed(generic))
}

/// ACLED's generic actor names for a country.
fn generic_actor(kind: ActorKind, country: Option<&str>, mention: &str) -> Option<ActorRef> {
    let country = country?;
    let (name, inter) = match kind {
        ActorKind::Protesters => (format!("Protesters ({country})"), 6),
        ActorKind::Rioters => (format!("Rioters ({country})"), 5),
        ActorKind::Civilians => (format!("Civilians ({country})"), 7),
        ActorKind::Unidentified => (format!("Unidentified Armed Group ({country})"), 3),
        _ => return None,
    };
    Some(ActorRef {
        name,
        inter,
        mention: mention.to_string(),
        evidence: None,
    })
}

/// The end of a leading category label ("Movement of forces: On 8 May, ...", "Arrests: ..."): a
/// few words and a colon that name the kind of event before the sentence says who did what.
fn leading_label_end(doc: &Doc, i: usize) -> Option<usize> {
    let sentence = doc.sentence_text(i);
    let trimmed = sentence.trim_start();
    let colon = trimmed.find(':')?;
    let label = &trimmed[..colon];
    let is_label = colon <= 40
        && label.split(' ').count() <= 4
        && label.starts_with(|c: char| c.is_ascii_uppercase())
        && label
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-');
    is_label.then_some(doc.sentences[i].start + (sentence.len() - trimmed.len()) + colon + 1)
}

/// Where a sentence's roles are read around, and where its actors start (0: anywhere). A
/// trigger inside a leading label ("Arrests: On 4 May, security forces arrested ...") says what
/// happened, not where: the roles are read around the first of the event's cue words said after
/// the label, else after the first actor named there (the clause's subject acts); mentions
/// inside the label ("Movement of forces") are not actors.
fn role_trigger(
    doc: &Doc,
    i: usize,
    ts: &TypeScore,
    actors: &[(Span, ActorKind, ActorRef)],
) -> (Span, usize) {
    let Some(end) = leading_label_end(doc, i).filter(|e| ts.trigger.end <= *e) else {
        return (ts.trigger, 0);
    };
    let rest = doc.text[end..doc.sentences[i].end].to_ascii_lowercase();
    let said_after = ts
        .cues
        .iter()
        .filter_map(|c| {
            let w = c.text.to_ascii_lowercase();
            let at = rest.find(w.as_str()).filter(|_| !w.is_empty())?;
            Some(Span::new(end + at, end + at + w.len()))
        })
        .min_by_key(|s| s.start);
    let after_subject = || {
        actors
            .iter()
            .find(|a| a.0.start >= end)
            .map(|a| Span::new(a.0.end, a.0.end))
    };
    (said_after.or_else(after_subject).unwrap_or(ts.trigger), end)
}

type Roles = (
    Option<ActorRef>,
    Vec<ActorRef>,
    Option<ActorRef>,
    Vec<ActorRef>,
);

/// The actors before the trigger that accuse the next actor named ("rebels accused government
/// forces of a gas attack"; `data/cues.toml` [roles] accusing): the accuser tells the event,
/// the accused acted in it.
fn accusers(doc: &Doc, trigger: Span, actors: &[(Span, ActorKind, ActorRef)]) -> Vec<Span> {
    let text = doc.text;
    actors
        .windows(2)
        .filter(|w| w[1].0.start <= trigger.start && w[0].0.end <= w[1].0.start)
        .filter(|w| {
            let gap = Span::new(w[0].0.end, w[1].0.start);
            let between = &text[gap.start..gap.end];
            // (not "two men were accused of collaborating with the government": they are
            // accused, not accusing)
            between.len() <= 40
                && !between.contains([',', ';', '.'])
                && doc.cues.accusing.any(text, gap)
                && !between.split(|c: char| !c.is_alphabetic()).any(|word| {
                    PASSIVE_AUXILIARIES
                        .iter()
                        .any(|v| v.eq_ignore_ascii_case(word))
                })
        })
        .map(|w| w[0].0)
        .collect()
}

/// How many sentences after a protest's own a counter-protest may be told.
const COUNTER_PROTEST_REACH: usize = 2;

/// Whether sentence `i` or the next few of its paragraph tell of a counter-protest.
fn counter_protest(doc: &Doc, i: usize) -> bool {
    let last = (i + COUNTER_PROTEST_REACH).min(doc.sentences.len().saturating_sub(1));
    (i..=last)
        .take_while(|&j| {
            j == i || {
                let gap = &doc.text
                    [doc.sentences[j - 1].end.min(doc.sentences[j].start)..doc.sentences[j].start];
                !gap.contains("\n\n")
            }
        })
        .any(|j| doc.cues.counter_protest.any(doc.text, doc.sentences[j]))
}

/// actor1 / assoc1 / actor2 / assoc2 from the sentence's structure around the trigger.
fn roles(
    doc: &Doc,
    i: usize,
    trigger: Span,
    actors: &[(Span, ActorKind, ActorRef)],
    sub: SubEventType,
    country: Option<&str>,
) -> Roles {
    let text = doc.text;
    // (an accuser is no party to what it accuses another of)
    let accusing = accusers(doc, trigger, actors);
    // Protesters are a party to protests and riots only, as ACLED codes them: in an air strike
    // or a battle, "activists" tell of it ("Activists in Idlib said regime jets struck ...",
    // "footage posted by activists shows ...").
    let crowd_event = matches!(sub.event_type(), EventType::Protests | EventType::Riots);
    let onlookers = |a: &(Span, ActorKind, ActorRef)| !crowd_event && a.1 == ActorKind::Protesters;
    let kept: Vec<(Span, ActorKind, ActorRef)>;
    let actors = if accusing.is_empty() && !actors.iter().any(onlookers) {
        actors
    } else {
        kept = actors
            .iter()
            .filter(|a| !accusing.contains(&a.0) && !onlookers(a))
            .cloned()
            .collect();
        &kept[..]
    };
    let preceded_by = |s: Span, words: &[&str]| {
        let from = char_floor(text, s.start.saturating_sub(14));
        let before = text[from..s.start].to_ascii_lowercase();
        words.iter().any(|w| before.trim_end().ends_with(w))
    };
    let mut agent: Option<(Span, ActorKind, ActorRef)> = None;
    let mut assoc1 = Vec::new();
    let mut patient: Option<(Span, ActorKind, ActorRef)> = None;
    let mut assoc2 = Vec::new();
    // Passive: "was attacked by X", "killed by X".
    let by_agent = actors.iter().find(|(s, _, _)| {
        // Close to the trigger ("was shelled by X"), or further on in the same clause ("was
        // killed in a drive-by shooting in the market by two armed men"); not a relative
        // clause ("the pocket controlled by extremists").
        if s.start < trigger.end {
            return false;
        }
        let Some(before_by) = word_before_by(doc, i, *s) else {
            return false;
        };
        // "a missile fired by X", "the area held by X": a participle of its own
        // (what was intercepted was fired by the other side: "a missile fired by the Houthis")
        let weapon_used = WEAPON_PARTICIPLES.contains(&before_by.as_str())
            && sub != SubEventType::DisruptedWeaponsUse;
        let own_participle = !weapon_used
            && (IRREGULAR_PARTICIPLES.contains(&before_by.as_str())
                || before_by.len() > 3 && (before_by.ends_with("ed") || before_by.ends_with("en")));
        let between = &text[trigger.end..s.start];
        s.start <= trigger.end + 24
            || (between.len() <= PASSIVE_AGENT_REACH
                && !between.contains([',', ';', '(', ')'])
                && !own_participle)
    });
    // "Turkish forces and rebels operating under OPS shelled ...": the operation the actors
    // act under is what ACLED codes as acting.
    let mut umbrella: Option<(Span, ActorRef)> = None;
    let mut passive_seen = false;
    let victims_event = matches!(
        sub.event_type(),
        EventType::ExplosionsRemoteViolence | EventType::ViolenceAgainstCivilians
    );
    let mut victims: Option<(Span, ActorKind, ActorRef)> = None;
    for a in actors {
        let (s, _, actor) = a;
        if preceded_by(*s, &["under", "under the"]) {
            if umbrella.is_none() {
                umbrella = Some((*s, actor.clone()));
            }
            continue;
        }
        let backing = preceded_by(
            *s,
            &[
                "backed by",
                "supported by",
                "along with",
                "alongside",
                "allied",
                "and",
            ],
        );
        if let Some(b) = by_agent {
            if b.0 == *s {
                agent = Some(a.clone());
                continue;
            }
            // "The Assad regime ... in the attack carried out by regime warplanes": the one
            // actor, named twice, is the agent the passive names
            if b.1 != ActorKind::Civilians && b.2.name == actor.name {
                continue;
            }
        }
        // "a police officer was attacked", "two soldiers were killed by a sniper": the subject
        // of a passive verb is acted on, wherever the trigger stands.
        let passive = s.start <= trigger.start && passive_subject(doc, i, *s);
        passive_seen |= passive;
        let before_trigger = s.start <= trigger.start && !passive;
        let same_as = |x: &Option<(Span, ActorKind, ActorRef)>| {
            x.as_ref().is_some_and(|(_, _, r)| r.name == actor.name)
        };
        if same_as(&agent) || same_as(&patient) {
            continue;
        }
        if before_trigger && by_agent.is_none() {
            if agent.is_none() {
                agent = Some(a.clone());
            } else if victims_event
                && !backing
                && a.1 != ActorKind::Civilians
                && agent.as_ref().is_some_and(|g| g.1 == ActorKind::Civilians)
            {
                // "53 civilians died when Russian air strikes hit ...": the people a strike or
                // an attack kills are acted on (unless the sentence names what was hit), the
                // armed side named after them acted
                victims = agent.take();
                agent = Some(a.clone());
            } else if sub == SubEventType::ArmedClash
                && patient.is_none()
                && preceded_by(*s, &["and", "and the"])
            {
                // "GNA and LNA forces clashed": the two subjects of a clash fought each other
                patient = Some(a.clone());
            } else if backing && !assoc1.iter().any(|r: &ActorRef| r.name == actor.name) {
                assoc1.push(actor.clone());
            } else if !backing && patient.is_none() && object_of_verb(doc, agent_end(&agent), *s) {
                // "Turkish forces killed four PKK militants during airstrikes": the object of
                // the subject's verb, named before the trigger, was acted on
                patient = Some(a.clone());
            }
        } else if patient.is_none() {
            patient = Some(a.clone());
        } else if agent.is_none()
            && passive_seen
            && by_agent.is_none()
            && !backing
            && !names_a_facility(text, *s)
            && !names_whose_area(text, *s)
        {
            // "a trafficker was killed after exchanging fire with police": the victim took
            // the patient's place, the side named after the trigger acted
            agent = Some(a.clone());
        } else if backing && !assoc2.iter().any(|r: &ActorRef| r.name == actor.name) {
            assoc2.push(actor.clone());
        }
    }
    if patient.is_none() {
        patient = victims;
    }
    if by_agent.is_some() && patient.is_none() {
        // "X was attacked by Y": the subject before the trigger is the target.
        patient = actors
            .iter()
            .find(|(s, _, a)| {
                s.end <= trigger.start && agent.as_ref().is_none_or(|g| g.2.name != a.name)
            })
            .cloned();
    }
    // "a firefight between the NPA and the military": the pair is named in order, whatever
    // the rest of the sentence made of the two.
    if sub == SubEventType::ArmedClash {
        let first = actors.iter().find(|(s, _, _)| {
            s.start >= trigger.start && preceded_by(*s, &["between", "between the"])
        });
        if let Some(first) = first {
            let second = actors.iter().find(|(s, _, a)| {
                s.start > first.0.end
                    && a.name != first.2.name
                    && preceded_by(*s, &["and", "and the", "against", "against the"])
                    && !text[first.0.end..s.start].contains([',', ';', '.'])
            });
            if let Some(second) = second {
                agent = Some(first.clone());
                patient = Some(second.clone());
            }
        }
    }
    // "pro-Hadi forces thwarted a Houthi attack", "Afghan forces repelled an attack by Taliban
    // militants", "militants were killed when troops repulsed their attack": who attacked is
    // actor 1, who held them off actor 2.
    if let Some((attacker, defender)) = repelled_attack(doc, i, actors) {
        agent = Some(attacker);
        patient = Some(defender);
    }
    if let Some((at, op)) = umbrella {
        if agent
            .as_ref()
            .is_some_and(|(s, k, _)| s.start < at.start && *k != ActorKind::Civilians)
        {
            agent = agent.map(|(s, k, _)| (s, k, op));
        }
    }
    let mention_of = |x: &Option<(Span, ActorKind, ActorRef)>| {
        x.as_ref()
            .map(|(_, _, a)| a.mention.clone())
            .unwrap_or_default()
    };
    let mut a1 = agent.as_ref().map(|x| x.2.clone());
    let mut a2 = patient.as_ref().map(|x| x.2.clone());
    // A side the sentence does not name may be implied by its event words ("shot dead" → an
    // unidentified armed group; "found dead" in Mexico → a gang, as ACLED codes it).
    if agent.is_none() {
        agent = doc.implied[i]
            .iter()
            .find(|m| {
                m.kind != ActorKind::Civilians
                    && patient.as_ref().is_none_or(|p| p.2.name != m.actor.name)
            })
            .map(|m| (m.span, m.kind, m.actor.clone()));
        a1 = agent.as_ref().map(|x| x.2.clone());
    }
    if patient.is_none() {
        patient = doc.implied[i]
            .iter()
            .find(|m| m.kind == ActorKind::Civilians)
            .map(|m| (m.span, m.kind, m.actor.clone()));
        a2 = patient.as_ref().map(|x| x.2.clone());
    }
    let mut k1 = agent.as_ref().map(|x| x.1);
    let mut k2 = patient.as_ref().map(|x| x.1);
    // "Ten people died when gunmen stormed a bar": civilians never strike or attack, the armed
    // side the sentence names did (not one that names whose area was hit: "in an
    // opposition-held district", which leaves the attacker untold)
    if victims_event && k1 == Some(ActorKind::Civilians) {
        if let Some((at, _, _)) = patient.as_ref().filter(|p| p.1 != ActorKind::Civilians) {
            if names_whose_area(text, *at) {
                a2 = a1.take();
                k2 = k1.take();
            } else {
                std::mem::swap(&mut a1, &mut a2);
                std::mem::swap(&mut k1, &mut k2);
            }
        }
    }
    let crowd =
        |k: Option<ActorKind>| matches!(k, Some(ActorKind::Protesters | ActorKind::Rioters));
    match sub.event_type() {
        EventType::Protests => {
            if k1 != Some(ActorKind::Protesters) {
                if let Some(other) = a1.take() {
                    if !matches!(k1, Some(ActorKind::StateForces | ActorKind::Police)) {
                        assoc1.insert(0, other);
                    } else if a2.is_none() || crowd(k2) {
                        // "police dispersed the protesters": the crowd they acted on is
                        // actor 1 already, the police are who it faced
                        a2 = Some(other);
                    }
                }
                a1 = generic_actor(ActorKind::Protesters, country, &mention_of(&agent));
            }
            if sub == SubEventType::PeacefulProtest
                && !matches!(k2, Some(ActorKind::StateForces | ActorKind::Police))
            {
                if let Some(x) = a2.take() {
                    assoc1.push(x);
                }
            }
        }
        EventType::Riots if k1 != Some(ActorKind::Rioters) => {
            if let Some(other) = a1.take() {
                if matches!(k1, Some(ActorKind::StateForces | ActorKind::Police))
                    && (a2.is_none() || crowd(k2))
                {
                    a2 = Some(other);
                } else {
                    assoc1.insert(0, other);
                }
            }
            a1 = generic_actor(ActorKind::Rioters, country, &mention_of(&agent));
        }
        EventType::ViolenceAgainstCivilians => {
            if k1 == Some(ActorKind::Civilians) && a2.is_none() {
                a2 = a1.take();
            } else if k1 == Some(ActorKind::Civilians) && k2 == Some(ActorKind::Civilians) {
                // "a man was abducted by individuals in a car": people who attack people are
                // an unidentified armed group, as ACLED codes them
                a1 = None;
            }
            if a2.is_none() {
                a2 = generic_actor(ActorKind::Civilians, country, "");
            }
            if a1.is_none() {
                a1 = generic_actor(ActorKind::Unidentified, country, "");
            }
        }
        // "five civilians were killed when their vehicle hit a roadside bomb", "villagers' homes
        // were looted": civilians are what explosions and looters act on, never who acted.
        EventType::ExplosionsRemoteViolence | EventType::StrategicDevelopments
            if k1 == Some(ActorKind::Civilians)
                && a2.is_none()
                && (sub.event_type() == EventType::ExplosionsRemoteViolence
                    || sub == SubEventType::LootingPropertyDestruction) =>
        {
            a2 = a1.take();
            a1 = generic_actor(ActorKind::Unidentified, country, "");
        }
        _ => {}
    }
    // "a bomber attacked a crowd outside a bakery": a crowd that a blast or an attack on
    // people hits is civilians, not rioters or protesters.
    if matches!(
        sub.event_type(),
        EventType::ExplosionsRemoteViolence | EventType::ViolenceAgainstCivilians
    ) && crowd(k2)
        && a2.as_ref().map(|a| &a.name) == patient.as_ref().map(|p| &p.2.name)
    {
        a2 = generic_actor(ActorKind::Civilians, country, &mention_of(&patient));
    }
    // A protest met by a counter-protest told in its paragraph faced that other crowd
    // ("... a counter-protest in support of the mayor was held nearby"), as ACLED codes it.
    // (a government protested against is what they demanded of, not who they faced)
    if sub.event_type() == EventType::Protests
        && a2
            .as_ref()
            .is_none_or(|a| a.name.starts_with("Government of"))
        && counter_protest(doc, i)
    {
        a2 = generic_actor(ActorKind::Protesters, country, "");
    }
    // Riots: police or troops the sentence names are who the rioters faced ("a mob of workers
    // attacked the headman's house and clashed with police"); with none, a clash between groups
    // ("two groups of villagers clashed") is rioters on both sides, as ACLED codes it.
    if sub.event_type() == EventType::Riots {
        let weak = |a: &Option<ActorRef>| {
            a.as_ref().is_none_or(|a| {
                a.inter == 7 || a.inter == 5 || a.name.starts_with("Unidentified Armed Group")
            })
        };
        if weak(&a2) {
            let state = actors.iter().find(|(s, k, a)| {
                matches!(k, ActorKind::Police | ActorKind::StateForces)
                    && a.inter == 1
                    && !a.name.starts_with("Government of")
                    && s.start >= trigger.start
            });
            if let Some((_, _, st)) = state {
                a2 = Some(st.clone());
            } else if reciprocal(doc.sentence_text(i)) {
                a2 = generic_actor(ActorKind::Rioters, country, "");
            }
        }
    }
    // Rioters who hurl things at or vandalise buildings act on their owners: civilians.
    if a2.is_none()
        && a1.as_ref().is_some_and(|a| a.inter == 5)
        && contains_any(doc.sentence_text(i), PROPERTY_ATTACK)
    {
        a2 = generic_actor(ActorKind::Civilians, country, "");
    }
    // Where ACLED codes a kind of unknown perpetrator by what was done ("drive-by shooting",
    // "found handcuffed" in Mexico: a gang), that convention names "armed men" too. The marks
    // are often told in the next sentence of the paragraph ("The victim's hands were tied").
    if a1
        .as_ref()
        .is_some_and(|a| a.name.starts_with("Unidentified Armed Group"))
    {
        let next_in_paragraph = doc.sentences.get(i + 1).filter(|next| {
            let gap = &text[doc.sentences[i].end.min(next.start)..next.start];
            !gap.contains("\n\n")
        });
        let convention = doc.implied[i]
            .iter()
            .chain(next_in_paragraph.map_or(&[][..], |_| &doc.implied[i + 1][..]))
            .find(|m| {
                m.kind == ActorKind::Unidentified
                    && !m.actor.name.starts_with("Unidentified Armed Group")
            });
        if let Some(m) = convention {
            a1 = Some(m.actor.clone());
        }
    }
    // Where ACLED lists state forces first in armed clashes whatever the wording (a country's
    // convention in the actor dictionary), "traffickers exchanged fire with police" turns round.
    let state =
        |k: Option<ActorKind>| matches!(k, Some(ActorKind::StateForces | ActorKind::Police));
    if sub == SubEventType::ArmedClash
        && state(k2)
        && !state(k1)
        && a1.is_some()
        && country.is_some_and(|c| ActorDictionary::embedded().state_forces_first_in_clashes(c))
    {
        std::mem::swap(&mut a1, &mut a2);
    }
    // "military forces of India and Pakistan exchanged fire" in a Pakistani report: when two
    // states' forces fight each other, ACLED lists the home country's first.
    let home = |a: &Option<ActorRef>| {
        a.as_ref().zip(country).is_some_and(|(a, c)| {
            a.name.contains(&format!("of {c} (")) || a.name.contains(&format!("of the {c} ("))
        })
    };
    if sub == SubEventType::ArmedClash
        && state(k1)
        && state(k2)
        && !home(&a1)
        && home(&a2)
        && reciprocal(doc.sentence_text(i))
    {
        std::mem::swap(&mut a1, &mut a2);
    }
    // "The rebels handed over the town to the army": ACLED names the side that takes a place
    // as actor1, the side that gives it up as actor2; the subject of a verb of giving up
    // (`data/cues.toml` gives_up_territory) is the latter.
    if sub == SubEventType::NonViolentTransferOfTerritory
        && doc.cues.gives_up_territory.any(text, trigger)
    {
        std::mem::swap(&mut a1, &mut a2);
    }
    // A clash that names only unknown gunmen ("a shoot-out took place") is between unknown
    // armed groups: ACLED codes the same generic actor on both sides.
    if sub == SubEventType::ArmedClash && a2.is_none() {
        a2 = a1
            .as_ref()
            .filter(|a| a.name.starts_with("Unidentified Armed Group"))
            .cloned();
    }
    // "police seized two tons of cocaine in a truck": drugs seized are taken from the
    // traffickers, a gang, whoever else was arrested with them.
    if sub == SubEventType::LootingPropertyDestruction
        && state(k1)
        && a2.as_ref().is_none_or(|a| a.inter == 7)
        && doc.cues.seizing.any(doc.text, doc.sentences[i])
        && doc.cues.drugs.any(doc.text, doc.sentences[i])
    {
        if let Some(c) = country {
            a2 = Some(ActorRef {
                name: format!("Unidentified Gang ({c})"),
                inter: 3,
                mention: String::new(),
                evidence: None,
            });
        }
    }
    // Mobs and looters act on people and their property: civilians, as ACLED codes it.
    if a2.is_none()
        && matches!(
            sub,
            SubEventType::MobViolence | SubEventType::LootingPropertyDestruction
        )
    {
        a2 = generic_actor(ActorKind::Civilians, country, "");
    }
    (a1, assoc1, a2, assoc2)
}

/// Where sentence `i`'s event happened, its other places, and a destination. A sentence that
/// names no place (other than a destination) happened where the article's story is: the place of
/// the event before, else the article's primary place, else its country.
fn locate(
    doc: &Doc,
    i: usize,
    trigger: Span,
    previous: Option<&PlaceRef>,
) -> (Option<PlaceRef>, Vec<PlaceRef>, Option<PlaceRef>, bool) {
    let in_sentence: Vec<_> = doc.places_in(i).filter(|m| m.qualifies.is_none()).collect();
    let destination = in_sentence
        .iter()
        .find(|m| matches!(m.cue, PlaceCue::Towards))
        .map(|m| m.place.clone());
    let rank = |k: &PlaceKind| match k {
        PlaceKind::Town | PlaceKind::District | PlaceKind::Unresolved => 0,
        PlaceKind::Admin1 | PlaceKind::Region => 1,
        PlaceKind::Country => 2,
    };
    let mut candidates: Vec<_> = in_sentence
        .iter()
        .filter(|m| !matches!(m.cue, PlaceCue::Towards | PlaceCue::Border))
        .filter(|m| !is_demonym(m) && !is_modifier(doc.text, m.span))
        // "Ankara said the raid killed 19": the capital that speaks is not where it happened
        .filter(|m| told_before_source(doc, i, m.span) || !claims::speaks(doc, i, m.span))
        .filter(|m| !foreign_agent(doc, m))
        // A photo caption glued before the report shows another scene ("... in the town of
        // Ariha Syria July 2 2019 (Photo) A suicide bomber blew himself up in Azaz ...").
        .filter(|m| caption_end(doc, i, trigger).is_none_or(|end| m.span.start >= end))
        .collect();
    let primary = doc.primary_place();
    let primary_span = primary.map(|p| p.span);
    // (an origin, "residents from Foua", after a place the sentence puts the event in, even
    // a province: "evacuees from Foua were killed in Aleppo province"; the seat of who speaks
    // after another place as fine: "a source in Hasaka said a bomber struck in Qamishli")
    candidates.sort_by_key(|m| {
        (
            m.cue == PlaceCue::From,
            rank(&m.kind),
            m.seat,
            primary_span != Some(m.span),
            m.span.start.abs_diff(trigger.start),
        )
    });
    let others = candidates
        .iter()
        .skip(1)
        .filter(|m| rank(&m.kind) == 0)
        .map(|m| m.place.clone())
        .collect();
    let own = candidates.first();
    // A province or country named in the sentence is refined by a town of the story inside it.
    let inherited = previous
        .cloned()
        .or_else(|| primary.filter(|p| !is_demonym(p)).map(|p| p.place.clone()));
    // "the Idlib Media Center said dozens were killed": the seat of who speaks, alone in the
    // sentence, gives way to the story's place inside the same province
    let seat_only = own.is_some_and(|m| m.seat);
    // "Madaya evacuees said they heard the blast", "residents of Foua and Kefraya were killed":
    // a sentence naming only where its people came from happened at the story's place (one
    // naming where they left, "left Foua", happened there)
    let origin_only = own.is_some_and(|m| m.cue == PlaceCue::From && m.origin_of_people);
    let own_town = own.is_some_and(|m| rank(&m.kind) == 0);
    let own = own.map(|m| m.place.clone());
    let location = match own {
        Some(own)
            if seat_only
                && inherited.as_ref().is_some_and(|p| {
                    own.admin1.is_some() && within(p, &own) && p.geo_precision <= own.geo_precision
                }) =>
        {
            inherited
        }
        Some(_) if origin_only && inherited.is_some() => inherited,
        // (a town the sentence names, even one placed only in its province, not by the
        // place of a photo caption: "A hospital in X (Photo AP) Air strikes hit the town of
        // Y in Idlib province": Y, not X)
        Some(own) if own.geo_precision >= 3 || own.admin1.is_none() => {
            match inherited.filter(|p| !(own_town && from_caption(doc, p))) {
                // (a province known is finer than a country: "in northeast Syria" after a village
                // placed only in its province)
                Some(town)
                    if within(&town, &own)
                        && (town.geo_precision < own.geo_precision
                            || (own.admin1.is_none() && town.admin1.is_some())) =>
                {
                    Some(town)
                }
                _ => Some(own),
            }
        }
        Some(own) => Some(own),
        None => inherited.or_else(|| country_place(doc)),
    };
    let explicit = !candidates.is_empty();
    (location, others, destination, explicit)
}

/// Whether place `p` was read from a photo caption ([`sitrep_places::PlaceMention::caption`]).
fn from_caption(doc: &Doc, p: &PlaceRef) -> bool {
    p.evidence.as_ref().is_some_and(|e| {
        doc.places
            .mentions
            .iter()
            .any(|m| m.caption && m.sentence == e.sentence && m.span == e.span)
    })
}

/// Whether the sentence places what it tells in a part of the country by a compass word and
/// no name: "in the south", "in the far north", "in the country's east" (not "in the north of
/// Aleppo": a name follows).
fn in_part_of_country(text: &str, sentence: Span) -> bool {
    let told: Vec<&str> = sentence
        .of(text)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        // ("in the country's east": the country is the whole)
        .filter(|w| !w.eq_ignore_ascii_case("country's") && !w.eq_ignore_ascii_case("countrys"))
        .collect();
    let words: Vec<String> = told.iter().map(|w| w.to_ascii_lowercase()).collect();
    let compass = sitrep_places::is_compass;
    (0..words.len()).any(|k| {
        let mut rest = words[k..].iter().map(String::as_str);
        rest.next() == Some("in")
            // ("Barzeh in the north": a part of the place just named)
            && !k
                .checked_sub(1)
                .is_some_and(|j| told[j].starts_with(|c: char| c.is_uppercase()))
            && rest.next() == Some("the")
            && match rest.next() {
                Some("far") => rest.next().is_some_and(compass),
                Some(w) => compass(w),
                None => false,
            }
            // ("in the north-west of Aleppo": the second half of the bearing, then "of")
            && !words[k..].iter().skip(3).take(2).any(|w| w == "of")
    })
}

/// "... the town of Khan Sheikhun according to the Observatory": a name right before "according
/// to" is what the source told (the speaker follows), not who speaks; unless it only gives the
/// bearing of the place told ("60 km northeast of Damascus according to").
fn told_before_source(doc: &Doc, i: usize, span: Span) -> bool {
    let source_follows = doc.text[span.end..]
        .trim_start()
        .get(..12)
        .is_some_and(|w| w.eq_ignore_ascii_case("according to"));
    let mut before = doc.text[doc.sentences[i].start..span.start]
        .split_whitespace()
        .rev();
    let bearing = before.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && before.next().is_some_and(|w| {
            let w = w.to_ascii_lowercase();
            ["north", "south", "east", "west"]
                .iter()
                .any(|c| w.ends_with(c))
        });
    source_follows && !bearing
}

/// "Russia launched air strikes", "a deal brokered by Moscow and Washington": a country or
/// town of another country than the article's, named with no cue of place ("in", "near"), is
/// who acts, not where.
fn foreign_agent(doc: &Doc, m: &sitrep_places::PlaceMention) -> bool {
    matches!(m.kind, PlaceKind::Country | PlaceKind::Town)
        && m.cue == PlaceCue::None
        && doc
            .country_code
            .as_deref()
            .is_some_and(|main| m.place.country_code.as_deref().is_some_and(|c| c != main))
}

/// "Britain-based monitor", "Saudi-led coalition", "pro-Damascus media", "Damascus ally
/// Hezbollah": a place name used as a modifier.
fn is_modifier(text: &str, span: Span) -> bool {
    let before = &text[..span.start];
    let tail = before
        .get(before.len().saturating_sub(5)..)
        .unwrap_or("")
        .to_ascii_lowercase();
    if tail.ends_with("pro-") || tail.ends_with("anti-") {
        return true;
    }
    // "no comment from the regime in Damascus": the seat of who speaks or acts
    let mut from = before.len().saturating_sub(16);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let seat = before[from..].to_ascii_lowercase();
    if [" regime in ", " government in ", " authorities in "]
        .iter()
        .any(|s| seat.ends_with(s))
    {
        return true;
    }
    let after = &text[span.end..];
    if [" ally", " allies", "'s ally", "s ally"]
        .iter()
        .any(|s| after.starts_with(s) && !after[s.len()..].starts_with(char::is_alphanumeric))
    {
        return true;
    }
    // an outside party (the gazetteer's suffixes), or a place held by another ("Damascus-run")
    sitrep_places::MODIFIER_SUFFIXES
        .iter()
        .chain(&["-run", "-held", "-controlled"])
        .any(|s| after.starts_with(s))
}

/// A demonym ("Syrian"), or a country named as an outside party ("a Turkey backed faction",
/// which the gazetteer marks `country-modifier`): who acted, not where.
fn is_demonym(m: &sitrep_places::PlaceMention) -> bool {
    m.kind == PlaceKind::Country
        && m.place
            .evidence
            .as_ref()
            .is_some_and(|e| e.rule.starts_with("demonym") || e.rule.contains("-modifier:"))
}

/// Whether `inner` lies inside `outer` (same country, and same admin1 when `outer` has one).
fn within(inner: &PlaceRef, outer: &PlaceRef) -> bool {
    inner.country_code == outer.country_code
        && (outer.admin1.is_none() || inner.admin1 == outer.admin1)
}

/// The article's country as a place, when nothing finer is named.
fn country_place(doc: &Doc) -> Option<PlaceRef> {
    let code = doc.country_code.as_deref()?;
    // (the first mention of the country by name, indexed once per article)
    if let Some(m) = doc.country_mention.map(|k| &doc.places.mentions[k]) {
        return Some(m.place.clone());
    }
    Some(PlaceRef {
        mention: String::new(),
        name: doc.country.clone().unwrap_or_else(|| code.to_string()),
        country_code: Some(code.to_string()),
        country: doc.country.clone(),
        geo_precision: 3,
        where_prec: 6,
        ..Default::default()
    })
}

#[allow(clippy::too_many_arguments)]
fn build(
    doc: &Doc,
    i: usize,
    ts: &TypeScore,
    claims: &SentenceClaims,
    actors: &[(Span, ActorKind, ActorRef)],
    mut quantities: Vec<Quantity>,
    stated: Option<u64>,
    narrative: &Option<EventDate>,
    previous_place: Option<&PlaceRef>,
) -> Draft {
    let sub = ts.sub_event_type;
    let sentence = doc.sentences[i];
    let killed = quantities.iter().any(|q| q.kind == QuantityKind::Killed);
    let wounded_died = quantities.iter().any(|q| {
        q.kind == QuantityKind::Killed
            && crate::quantities::dead_of_wounded(&doc.text[q.evidence.span.end..sentence.end])
    });
    let campaign = killed
        && (doc.cues.campaign.any(doc.text, sentence) || war_has_killed(doc.sentence_text(i)));
    let own_date = sentence_date(doc, i, Some(ts.trigger), DateUse::for_event(sub));
    // "the monitor documented the deaths of 1,200 people in Syria in May", "270 civilians killed
    // during April": a month's (or a year's) count of many dead is a tally of the war's days,
    // not one event's dead (while "a sarin attack in August 2013 that killed hundreds" is one)
    let month_tally = killed
        && own_date.as_ref().is_some_and(|d| {
            matches!(d.precision, DatePrecision::Month | DatePrecision::Year)
                && d.evidence.as_ref().is_some_and(|ev| ev.sentence == i)
        })
        && quantities
            .iter()
            .any(|q| q.kind == QuantityKind::Killed && q.value >= MONTH_TALLY_DEAD)
        && counts_a_stretch(doc.sentence_text(i));
    // ("has since risen to 12" is a toll's rise, not a count since a day)
    let since_rose = |at: Span| {
        let before = doc.text[..at.start].trim_end().to_ascii_lowercase();
        at.end - at.start == "since".len()
            && (before.ends_with(" has") || before.ends_with(" have") || before.ends_with(" had"))
    };
    let tallied = campaign
        || killed
            && doc
                .cues
                .tally
                .find(doc.text, sentence)
                .any(|(at, _)| !since_rose(at));
    let tally = tallied || month_tally;
    // (a tally, or a toll: "the governor gave a toll of 31", one attack's count as of then; a
    // month's tally keeps its month)
    let toll = tallied || killed && doc.cues.toll.any(doc.text, sentence);
    let explicit_date = own_date.as_ref().is_some_and(|d| d.date.is_some());
    // A toll dates as of the report, unless the sentence gives the killing its own day ("a
    // chemical attack on Tuesday that killed 87", "fighting killed 18 soldiers on Friday"): that
    // day, the only one the sentence tells, not a "since" day (the count's start: "since they
    // went on the offensive on Thursday"), a statement's or a telling's day ("told AFP on
    // Wednesday") or the dateline.
    // (the days of saying and telling are not the killing's: "The toll from Sunday's strikes
    // has risen to 15, the monitor said on Tuesday" tells one day, Sunday)
    let days_told = doc.dates[i]
        .iter()
        .filter(|m| {
            let said_on = is_claim_date(doc, i, m.span)
                || told_to_day(doc, i, m.span)
                || toll_reached_on(doc, i, m.span);
            let dateline = i == 0 && sitrep_time::is_dateline(doc.text, m);
            m.date.is_some() && !said_on && !dateline
        })
        .count();
    let tally_day = days_told == 1
        && own_date.as_ref().is_some_and(|d| {
            single_day(d).is_some()
                && told_day(doc, d)
                && d.evidence.as_ref().is_some_and(|ev| {
                    aside(doc, ts.trigger, ev.span) == Aside::None
                        && !counted_since(doc, &quantities, ev.span)
                        && !told_to_day(doc, i, ev.span)
                })
        });
    let own_day = own_date.is_some();
    let date = if toll && !tally_day {
        // as of the day it was told, when the sentence says ("has risen to 18, a monitor said
        // Thursday"), else of the report
        let told_on = doc.dates[i].iter().find(|m| {
            m.date.is_some()
                && m.precision == DatePrecision::Day
                && m.end.is_none()
                && (is_claim_date(doc, i, m.span) || told_to_day(doc, i, m.span))
        });
        match told_on {
            Some(m) => EventDate {
                date: m.date,
                end: None,
                precision: DatePrecision::AsOf,
                evidence: Some(doc.evidence(i, m.span, format!("time:{} (toll told)", m.rule))),
            },
            None => EventDate::new(doc.published, DatePrecision::AsOf),
        }
    } else {
        let date = own_date
            .map(|d| updated_today(doc, i, d, narrative.as_ref()))
            .or_else(|| narrative.clone().map(|d| carried(doc, i, ts, d)))
            .or_else(|| said_on_day(doc, i))
            .unwrap_or_else(|| publication_date(doc));
        let date = week_told_next(doc, i, date);
        let date = retold_on_day(doc, i, ts, date);
        let date = follow_up_lead(doc, i, ts.trigger, date);
        let date = counted(
            doc,
            i,
            Some(ts.trigger),
            before_story(i, date, narrative.as_ref()),
        );
        came_after(doc, i, ts.trigger, date, own_day)
    };
    // (a day told as days before another event's is the sentence's own)
    let explicit_date = explicit_date
        || date
            .evidence
            .as_ref()
            .is_some_and(|ev| ev.rule.starts_with(CAME_AFTER_RULE));
    let (mut location, other_locations, destination, explicit_place) =
        locate(doc, i, ts.trigger, previous_place);
    // "Russian forces entered the conflict at the end of last year": an event the sentence
    // dates itself months away from the story, naming no place and pointing back at none ("the
    // city", "there"), happened in the country's war, not at the story's town.
    let story_day = narrative.as_ref().and_then(|n| n.date).or(doc.published);
    // ("Syria's war broke out in March 2011 with protests": naming only the country, the
    // sentence tells the country's past, not the story town's)
    let names_only_country = || {
        doc.places_in(i)
            .filter(|m| m.qualifies.is_none())
            .all(|m| m.kind == PlaceKind::Country)
    };
    let far_from = |day: Option<NaiveDate>| {
        date.date
            .zip(day)
            .is_some_and(|(a, b)| (a - b).num_days().abs() > BACKGROUND_DAYS)
    };
    // "Aleppo has been ravaged by the war that began in March 2011 with protests", "it morphed
    // into a conflict after the regime's crackdown on dissent": a protest told with the words
    // of the war's outbreak, dated far from the story (by its sentence or the one before), is
    // the uprising that started the country's war, one past episode of the country, not of the
    // town the sentence or the story names. (Far from the publication: the sentence before may
    // have moved the story's day there, "Syria's war began in March 2011. It morphed ...")
    let outbreak_words = (sub.event_type() == EventType::Protests && far_from(doc.published))
        .then(|| doc.cues.war_outbreak.first(doc.text, sentence))
        .flatten();
    let war_outbreak = outbreak_words.map(|(_, words)| words.to_string());
    let background = (explicit_date
        && (!explicit_place || names_only_country())
        && far_from(story_day)
        && !doc.cues.place_anaphors.any(doc.text, sentence))
        || war_outbreak.is_some();
    // (Only coarsened within its country: the town's war, told as the country's.)
    let country_instead = country_place(doc).filter(|c| {
        background
            && location
                .as_ref()
                .is_some_and(|l| l.country_code == c.country_code)
    });
    let background = country_instead.is_some();
    if let Some(mut country) = country_instead {
        // (its rule says why the country and not a town: a recall of how the war began, or of
        // another past event the sentence dates far off; the words that say so when the
        // country is named nowhere)
        let why = if war_outbreak.is_some() {
            RECALL_OF_WAR_OUTBREAK
        } else {
            RECALL_FAR_DATED
        };
        let ev = country.evidence.get_or_insert_with(|| {
            let code = country.country_code.as_deref().unwrap_or("?");
            let span = outbreak_words.map_or(sentence, |(span, _)| span);
            doc.evidence(i, span, format!("country:{code}"))
        });
        ev.rule = format!("{} {why}", ev.rule);
        location = Some(country);
    }
    // "Three officers died when their helicopter crashed in the south": a part of the country
    // named by a compass word and no place is not the story's town; filed in the country, it
    // passes on no place (like a background line).
    // (not a part of the city the sentence points back at, "rebels hold the east of the city";
    // not when the story is abroad: the country would be the wrong one)
    let elsewhere = !explicit_place
        && !background
        && in_part_of_country(doc.text, sentence)
        && !doc.cues.place_anaphors.any(doc.text, sentence)
        && previous_place.is_none_or(|p| p.country_code == doc.country_code);
    if elsewhere {
        if let Some(country) = country_place(doc) {
            location = Some(country);
        }
    }
    let background = background || elsewhere;
    if let Some(p) = location.as_mut() {
        if let Some(ev) = p.evidence.as_mut() {
            ev.article_id = doc.article.id.clone();
        }
    }
    // Generic actors are named for the country where it happened.
    let country = location
        .as_ref()
        .and_then(|p| p.country.clone())
        .or_else(|| doc.country.clone());
    let (role_trigger, label_end) = role_trigger(doc, i, ts, actors);
    // actors are in text order: those after the label are a tail of them
    let actors_after_label = &actors[actors.partition_point(|a| a.0.start < label_end)..];
    let (mut actor1, assoc_actor_1, mut actor2, assoc_actor_2) = roles(
        doc,
        i,
        role_trigger,
        actors_after_label,
        sub,
        country.as_deref(),
    );
    // "Federal police seized three tons of marijuana. Three people were arrested.": arrests
    // whose sentence names no one who made them were made by the police or troops named just
    // before.
    if actor1.is_none() && sub == SubEventType::Arrests {
        actor1 = (i.saturating_sub(2)..i).rev().find_map(|j| {
            let m = doc.actors[j].iter().find(|m| {
                !m.generic && matches!(m.kind, ActorKind::Police | ActorKind::StateForces)
            })?;
            let mut a = m.actor.clone();
            if let Some(ev) = a.evidence.as_mut() {
                ev.article_id = doc.article.id.clone();
                ev.sentence = j;
                ev.rule = format!("{} (arrests: named before)", ev.rule);
            }
            Some(a)
        });
    }
    // On a stable front, fire the text gives no shooter for came from the side that does not
    // hold the place.
    let front = country
        .as_deref()
        .zip(date.date.or(doc.published))
        .and_then(|(c, d)| FrontLines::embedded().at(c, d));
    if let Some(front) = front {
        let site = front_lines::Site {
            article_id: &doc.article.id,
            sentence: i,
            trigger: ts.trigger,
            sentence_text: doc.sentence_text(i),
        };
        front_lines::attribute(
            front,
            sub,
            location.as_ref(),
            &site,
            &mut actor1,
            &mut actor2,
        );
    }
    // "A roadside bomb went off": a planted or thrown explosive no one (and no front) names a
    // side for was set by an unidentified armed group, as ACLED codes it.
    if actor1.is_none() && matches!(sub, SubEventType::RemoteExplosive | SubEventType::Grenade) {
        actor1 = generic_actor(ActorKind::Unidentified, country.as_deref(), "");
    }
    if tally {
        let campaign = campaign || campaign_tally(doc, i, &quantities);
        for q in &mut quantities {
            q.tally = true;
            if campaign && q.kind == QuantityKind::Killed {
                q.evidence.rule.push_str(quantities::CAMPAIGN);
            }
        }
    }
    let mut claims_here: Vec<Claim> = claims.claims.clone();
    if claims_here.is_empty() {
        claims_here.push(Claim {
            claimant: doc
                .article
                .source
                .clone()
                .unwrap_or_else(|| "reporting outlet".into()),
            claimant_kind: sitrep_model::ClaimantKind::Reporter,
            polarity: Polarity::Asserted,
            hedged: doc.cues.hedges.any(doc.text, sentence),
            article_id: doc.article.id.clone(),
            sentence_index: i,
            sentence: doc.sentence_text(i).to_string(),
            span: ts.trigger,
        });
    }
    let main_claim = claims_here
        .iter()
        .position(|c| c.polarity != Polarity::Denied && c.polarity != Polarity::Unconfirmed);
    for q in &mut quantities {
        q.claim = main_claim;
    }
    let valid_until = if matches!(sub, SubEventType::Agreement) {
        valid_until(doc, i).or_else(|| lasting_until(doc, i, &date))
    } else {
        None
    };
    let civilian_targeting = sub.civilian_targeting(actor2.as_ref().is_some_and(|a| a.inter == 7));
    let told = told_day(doc, &date);
    let day_first = day_first(doc, i, &date);
    let event = Event {
        id: String::new(),
        sub_event_type: sub,
        date,
        location,
        other_locations,
        destination,
        actor1,
        assoc_actor_1,
        actor2,
        assoc_actor_2,
        fatalities: 0,
        quantities,
        claims: claims_here,
        valid_until,
        civilian_targeting,
        tally,
        war_outbreak,
        cues: ts.cues.clone(),
        confidence: ts.confidence,
        salience: 0.0,
        notes: doc.sentence_text(i).trim().to_string(),
        article_ids: vec![doc.article.id.clone()],
        sources: doc.article.source.iter().cloned().collect(),
        evidence: doc.evidence(
            i,
            ts.trigger,
            ts.cues
                .first()
                .map(|c| c.rule.clone())
                .unwrap_or_else(|| "classify".into()),
        ),
    };
    Draft {
        event,
        first_sentence: i,
        last_sentence: i,
        explicit_date,
        told_day: told,
        day_first,
        explicit_place,
        ordinal: ordinal(doc.sentence_text(i)),
        new_incident: opens_new_incident(doc, i),
        anaphor: named_definitely(doc, i, ts.trigger),
        reaction: doc.cues.reaction.any(doc.text, doc.sentences[i])
            || claims.claims.iter().any(|c| {
                matches!(
                    c.polarity,
                    Polarity::Denied | Polarity::ClaimedResponsibility
                )
            }),
        stated_fatalities: stated,
        wounded_died,
        background,
    }
}

/// A territory event from a control statement of change when no trigger fired.
fn territory_event(
    doc: &Doc,
    i: usize,
    st: &control::ControlStatement,
    claims: &SentenceClaims,
    actors: &[(Span, ActorKind, ActorRef)],
    date: &EventDate,
) -> Option<Draft> {
    let fact = st.facts.first()?;
    let sub = if fact.controller.inter == 1 {
        SubEventType::GovernmentRegainsTerritory
    } else {
        SubEventType::NonStateActorOvertakesTerritory
    };
    let ts = TypeScore {
        sub_event_type: sub,
        score: 1.0,
        confidence: 0.6,
        cues: vec![Cue {
            rule: "control:change".into(),
            text: st.cue.of(doc.text).to_string(),
            weight: 1.0,
        }],
        trigger: st.cue,
    };
    let mut draft = build(doc, i, &ts, claims, actors, Vec::new(), None, &None, None);
    draft.event.date = date.clone();
    draft.explicit_date = date.evidence.as_ref().is_some_and(|e| e.sentence == i);
    draft.told_day = told_day(doc, date);
    draft.day_first = day_first(doc, i, date);
    draft.event.location = Some(fact.place.clone());
    draft.explicit_place = true;
    draft.event.actor1 = Some(fact.controller.clone());
    if draft
        .event
        .actor2
        .as_ref()
        .is_some_and(|a| a.name == fact.controller.name)
    {
        draft.event.actor2 = None;
    }
    Some(draft)
}

/// Which of ACLED's two gains of territory `e` is follows who took it, as in
/// [`territory_event`]: the state's forces regain it ("the army recaptured the town"), a rebel
/// or militia overtakes it ("militants recaptured the coastal town hours after troops seized
/// it"), whatever the verb's own leaning.
fn territory_taken_by(e: &mut Event) {
    let Some(inter) = e.actor1.as_ref().map(|a| a.inter) else {
        return;
    };
    e.sub_event_type = match (e.sub_event_type, inter) {
        (SubEventType::GovernmentRegainsTerritory, 2..=4) => {
            SubEventType::NonStateActorOvertakesTerritory
        }
        (SubEventType::NonStateActorOvertakesTerritory, 1) => {
            SubEventType::GovernmentRegainsTerritory
        }
        (sub, _) => sub,
    };
}

/// How far into a sentence an opening such as "In a separate incident" may end.
const OPENING_BYTES: usize = 40;

/// Whether sentence `i` opens by announcing another incident ("Meanwhile", "In a separate
/// attack", "Later").
fn opens_new_incident(doc: &Doc, i: usize) -> bool {
    let sentence = doc.sentences[i];
    let end = char_floor(doc.text, (sentence.start + OPENING_BYTES).min(sentence.end));
    doc.cues
        .new_incident
        .any(doc.text, Span::new(sentence.start, end))
}

/// "first", "second", "another": events that say they are distinct.
fn ordinal(sentence: &str) -> Option<&'static str> {
    let lower = sentence.to_ascii_lowercase();
    ["first", "second", "third", "another", "fourth", "last"]
        .into_iter()
        .find(|w| {
            lower
                .match_indices(w)
                .any(|(p, _)| crate::cues::is_word_boundary(lower.as_bytes(), p, p + w.len()))
        })
}

/// Merge `draft` into the event before it when both report the same event, else add it.
fn push_or_merge(drafts: &mut Vec<Draft>, draft: Draft) {
    let target = drafts
        .iter()
        .rposition(|p| same_event(p, &draft))
        .or_else(|| told_again(drafts, &draft));
    match target {
        Some(t) => merge(&mut drafts[t], draft),
        None => drafts.push(draft),
    }
}

fn same_event(p: &Draft, d: &Draft) -> bool {
    let (a, b) = (&p.event, &d.event);
    let same_kind = a.sub_event_type == b.sub_event_type
        || (b.sub_event_type == SubEventType::Attack
            && !d.explicit_place
            && a.sub_event_type.is_armed_violence());
    // A sentence that only adds what befell people ("Two soldiers were killed") right after a
    // violent event, with no date or place of its own, is that event's aftermath.
    let aftermath = a.sub_event_type.is_armed_violence()
        && b.sub_event_type.is_armed_violence()
        && a.tally == b.tally
        && !d.explicit_date
        && !d.explicit_place
        && d.first_sentence == p.last_sentence + 1
        && b.quantities
            .iter()
            .any(|q| matches!(q.kind, QuantityKind::Killed | QuantityKind::Injured));
    // The next sentence going on about the same violence with no date, place or actors of its
    // own ("The monitors counted 40 explosions near the village."): more of the same event, whose
    // type the lead sentence set.
    let same_place = match (&a.location, &b.location) {
        (Some(x), Some(y)) => x.name == y.name,
        _ => false,
    };
    let known = |x: &Option<sitrep_model::ActorRef>| {
        x.as_ref().is_none_or(|x| {
            [&a.actor1, &a.actor2]
                .into_iter()
                .flatten()
                .any(|y| y.name == x.name)
        })
    };
    // Looting or burning told right after an attack is what the attackers also did ("They
    // also burned several huts"): ACLED codes looting and destruction as their own event only
    // when no other violence occurs.
    let looting_too = a.sub_event_type.is_armed_violence()
        && b.sub_event_type == SubEventType::LootingPropertyDestruction
        && d.first_sentence == p.last_sentence + 1
        && !d.new_incident
        && !d.explicit_date
        && (!d.explicit_place || same_place);
    let elaboration = a.sub_event_type.is_armed_violence()
        && b.sub_event_type.is_armed_violence()
        && d.first_sentence == p.last_sentence + 1
        && !d.new_incident
        && d.ordinal.is_none()
        && !d.explicit_date
        && (!d.explicit_place || same_place)
        && a.tally == b.tally
        && known(&b.actor1)
        && known(&b.actor2);
    // The next sentence naming the victim of a killing as a gang member ("The victim was
    // involved in a gang") tells who was killed, even when it names the gang.
    let victim_named = a.sub_event_type == SubEventType::Attack
        && d.first_sentence == p.last_sentence + 1
        && !d.new_incident
        && !d.explicit_date
        && !d.explicit_place
        && b.cues.iter().any(|c| c.rule == "cue:victim_in_gang");
    // "The death toll rose to 12 on Monday": a toll told as of a later day, with no place of
    // its own, counts the dead of the violence told just before.
    let toll_update = b.date.precision == DatePrecision::AsOf
        && a.sub_event_type.is_armed_violence()
        && b.sub_event_type.is_armed_violence()
        && !a.tally
        && !b.tally
        && !d.new_incident
        && d.ordinal.is_none()
        && (!d.explicit_place || same_place)
        && d.first_sentence <= p.last_sentence + FOLLOW_UP_WINDOW + 1
        && b.quantities
            .iter()
            .any(|q| q.evidence.rule.ends_with(crate::quantities::RISEN_TOLL));
    let wounded_died = d.wounded_died
        && a.sub_event_type.is_armed_violence()
        && d.first_sentence <= p.last_sentence + FOLLOW_UP_WINDOW + 1
        && (!d.explicit_place || same_place);
    // "The truce will take full effect on August 3": a day after the report for the deal told
    // just before is when it comes into force, not another deal.
    let comes_into_force = a.sub_event_type == SubEventType::Agreement
        && b.sub_event_type == SubEventType::Agreement
        && d.first_sentence <= p.last_sentence + FOLLOW_UP_WINDOW + 1
        && !d.new_incident
        && (b.date
            .evidence
            .as_ref()
            .is_some_and(|e| e.rule.ends_with("-future"))
            // "The truce took effect on Saturday": the deal just told, come into force
            || b.claims.first().is_some_and(|c| {
                let said = c.sentence.to_ascii_lowercase();
                IN_FORCE.iter().any(|w| said.contains(w))
            }));
    if aftermath
        || comes_into_force
        || wounded_died
        || toll_update
        || elaboration
        || looting_too
        || victim_named
        || taken_unopposed(p, d)
        || escalation(p, d).is_some()
    {
        return true;
    }
    if reaction_to(p, d) {
        return true;
    }
    if !same_kind || a.tally != b.tally {
        return false;
    }
    if p.ordinal.is_some() && d.ordinal.is_some() && p.ordinal != d.ordinal {
        return false;
    }
    let dates_agree = !d.explicit_date || !p.explicit_date || a.date.date == b.date.date;
    let places_agree = !d.explicit_place
        || !p.explicit_place
        || match (&a.location, &b.location) {
            (Some(x), Some(y)) => {
                x.name == y.name || x.geonameid.is_some() && x.geonameid == y.geonameid
            }
            _ => true,
        };
    let near = d.first_sentence <= p.last_sentence + FOLLOW_UP_WINDOW + 1;
    // "Planes struck Douma on Thursday, ... Regime planes fired rockets on the town. ... On
    // Tuesday 11 people were killed in shelling on Jisreen": an event whose day the story
    // carried to it from a sentence before is not the one a later sentence tells on another
    // day, whatever that sentence's place.
    // Close by, a day carried exactly from the sentence before or the dateline still yields to
    // the day after or before it that a sentence tells ("Tuesday 21 June ... Jets struck the
    // city. ... The raids on Monday killed 12"), but not to one days away.
    let days_apart = match (a.date.date, b.date.date) {
        (Some(x), Some(y)) => (x - y).num_days().abs(),
        _ => 0,
    };
    // A day told for another incident and carried on ("29 died in Homs on Sunday. ... In the
    // capital two were killed by a mortar round.") is no dateline's: the incident a later
    // sentence tells on another day ("On Saturday mortar rounds struck ...") is another one.
    let carried_disagrees = (!near
        || (a.date.precision == DatePrecision::Day && days_apart > 1)
        || (a.date.precision == DatePrecision::Approximate
            && p.told_day
            && b.date.precision == DatePrecision::Day
            && b.date.end.is_none()
            && (days_apart > 1 || d.day_first)))
        && !p.explicit_date
        && d.explicit_date
        && a.date.evidence.is_some()
        && days_apart > 0;
    // A lead with no day of its own is dated by its publication: an event a sentence far on
    // tells on a day days before that ("On March 22 a strike hit a school") is an older one
    // the story recalls, not the news it leads with. (A month or season far back, "the air war
    // launched last September", may be the campaign the lead's event belongs to.)
    // (far from the lead's own first sentence: the sentences merged into it since carry no day)
    let older_than_lead = d.first_sentence > p.first_sentence + FOLLOW_UP_WINDOW + 1
        && !p.explicit_date
        && d.explicit_date
        && b.date.precision == DatePrecision::Day
        && a.date.evidence.is_none()
        && days_apart > LEAD_DAYS;
    dates_agree
        && places_agree
        && !carried_disagrees
        && !older_than_lead
        && (near || (d.explicit_date && d.explicit_place))
}

/// How many days from its publication an undated lead may still be the event a sentence far
/// on dates explicitly (news tells the last day or two).
const LEAD_DAYS: i64 = 3;

/// "Rescuers said the blast had torn through two buses": a sentence naming its event with "the"
/// ([`named_definitely`]), with no date of its own and no other place, tells again the last event
/// the story told of its event type, however far back, when that one is of its kind (not a generic attack
/// or clash: "the attack" after a town's capture is about the capture, not an older attack).
fn told_again(drafts: &[Draft], d: &Draft) -> Option<usize> {
    if !d.anaphor || d.explicit_date || d.ordinal.is_some() || d.new_incident {
        return None;
    }
    // (violence only, and not "the attack" or "the assault" told as an attack or a clash: told
    // of many things; "the deals", "the buses" tell no one event)
    let kind = d.event.sub_event_type;
    if !kind.is_armed_violence() || matches!(kind, SubEventType::Attack | SubEventType::ArmedClash)
    {
        return None;
    }
    let last = drafts
        .iter()
        .rposition(|p| p.event.sub_event_type.event_type() == kind.event_type())?;
    let p = &drafts[last].event;
    // (a place of its own only when it is the event's: "the blast hit buses in Aleppo")
    let same_place = match (&p.location, &d.event.location) {
        (Some(x), Some(y)) => {
            x.name == y.name || x.geonameid.is_some() && x.geonameid == y.geonameid
        }
        _ => false,
    };
    let kind = p.sub_event_type == d.event.sub_event_type && p.tally == d.event.tally;
    (kind && (!d.explicit_place || same_place)).then_some(last)
}

/// A reaction to an event the article has told ("Turkey condemned the chemical attack on Idlib",
/// "Moscow denied its jets struck the hospital"): the same kind of event, at its place or in the
/// province around it, on no other day, is one more claim about that event however far on the
/// reaction comes.
fn reaction_to(p: &Draft, d: &Draft) -> bool {
    let (a, b) = (&p.event, &d.event);
    // ("IS claimed the attack": a claim of responsibility for the event told before it)
    let kind = a.sub_event_type == b.sub_event_type
        || (matches!(
            b.sub_event_type,
            SubEventType::Attack | SubEventType::ClaimOfResponsibility
        ) && a.sub_event_type.is_armed_violence());
    let place = !d.explicit_place
        || match (&a.location, &b.location) {
            (Some(x), Some(y)) => x.name == y.name || (around(y) && within(x, y)),
            _ => true,
        };
    let day = !d.explicit_date || !p.explicit_date || a.date.date == b.date.date;
    d.reaction && !d.new_incident && a.sub_event_type.is_armed_violence() && kind && place && day
}

/// Whether a place names the area around a town: a province or country, or a city named like
/// its province ("civilians in Idlib").
fn around(p: &PlaceRef) -> bool {
    let first3 = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .take(3)
            .collect::<String>()
            .to_ascii_lowercase()
    };
    p.geo_precision >= 3
        || p.admin1
            .as_deref()
            .is_some_and(|a| first3(a) == first3(&p.mention) || first3(a) == first3(&p.name))
}

/// A place taken, and the next sentence (no date or incident of its own) telling that it was
/// taken after the other side withdrew: one transfer of territory, without violence.
fn taken_unopposed(p: &Draft, d: &Draft) -> bool {
    matches!(
        p.event.sub_event_type,
        SubEventType::NonStateActorOvertakesTerritory | SubEventType::GovernmentRegainsTerritory
    ) && d.event.sub_event_type == SubEventType::NonViolentTransferOfTerritory
        && d.first_sentence == p.last_sentence + 1
        && !d.new_incident
        && !d.explicit_date
}

/// How severe a demonstration got, as ACLED ranks its sub-events.
fn demonstration_severity(t: SubEventType) -> Option<u8> {
    match t {
        SubEventType::PeacefulProtest => Some(0),
        SubEventType::ProtestWithIntervention => Some(1),
        SubEventType::ViolentDemonstration => Some(2),
        SubEventType::ExcessiveForceAgainstProtesters => Some(3),
        _ => None,
    }
}

/// A demonstration followed, with no new date or place, by what happened at it ("Police
/// dispersed them with tear gas", "They set barricades on fire"): one event, coded as the most
/// severe turn it took. Returns the sub-event type the merged event takes.
fn escalation(p: &Draft, d: &Draft) -> Option<SubEventType> {
    let a = p.event.sub_event_type;
    let b = demonstration_turn(p, d)?;
    let (sa, sb) = (demonstration_severity(a)?, demonstration_severity(b)?);
    let adjacent = d.first_sentence <= p.last_sentence + FOLLOW_UP_WINDOW;
    // "The protest followed a week of fighting between armed groups": what came before the
    // protest is told of it, not what it turned into
    let told = d.event.notes.to_ascii_lowercase();
    let came_before = PROTEST_FOLLOWED.iter().any(|w| told.contains(w));
    (adjacent && !d.explicit_date && !d.explicit_place && a != b)
        .then_some(if sb > sa && !came_before { b } else { a })
}

/// Words by which a sentence after a demonstration tells what came before it ([`escalation`]).
const PROTEST_FOLLOWED: [&str; 6] = [
    "followed",
    "came after",
    "comes after",
    "in the wake of",
    "after days of",
    "after a week of",
];

/// What a sentence that follows a demonstration says it turned into. Arrests (unless the
/// protest was against a detention, which the sentence then goes on about) make it a protest
/// with intervention; violence by the crowd —
/// a mob's acts, burning or looting, a clash with the police — makes it a violent
/// demonstration (ACLED: demonstrators who engage in violence or destroy property).
fn demonstration_turn(p: &Draft, d: &Draft) -> Option<SubEventType> {
    let t = d.event.sub_event_type;
    if demonstration_severity(t).is_some() {
        return Some(t);
    }
    let crowd = |a: &Option<ActorRef>| a.as_ref().is_some_and(|a| matches!(a.inter, 5 | 6));
    // A protest against someone's detention goes on to tell of that detention. (Asked only
    // of arrests: the cues of an event that merged many sentences are many.)
    let against_detention = || {
        p.event
            .cues
            .iter()
            .any(|c| c.rule.starts_with("cue:detention_as_grievance"))
    };
    match t {
        SubEventType::Arrests if !against_detention() => {
            Some(SubEventType::ProtestWithIntervention)
        }
        SubEventType::MobViolence | SubEventType::LootingPropertyDestruction => {
            Some(SubEventType::ViolentDemonstration)
        }
        SubEventType::ArmedClash if crowd(&d.event.actor1) || crowd(&d.event.actor2) => {
            Some(SubEventType::ViolentDemonstration)
        }
        _ => None,
    }
}

/// Shelling or a thrown grenade told first and then answered or exchanged ("The other side
/// returned fire", "explosions in both directions"): the two sides engaged each other, which
/// ACLED codes as an armed clash.
fn answered_fire(p: &Draft, d: &Draft) -> bool {
    let shelling = p.event.sub_event_type == SubEventType::ShellingArtilleryMissileAttack;
    let grenade = p.event.sub_event_type == SubEventType::Grenade;
    (shelling || grenade)
        && d.event.sub_event_type == SubEventType::ArmedClash
        && d.event.cues.iter().any(|c| {
            let rule = c.rule.split('+').next().unwrap_or_default();
            // A grenade is answered by return fire; shelling also by a clash told after it.
            rule == "trigger:fire_answered"
                || shelling
                    && (rule.starts_with("combination:")
                        || ["trigger:exchange_of_shelling", "trigger:armed_clash"].contains(&rule))
        })
}

fn merge(p: &mut Draft, d: Draft) {
    if answered_fire(p, &d) {
        p.event.sub_event_type = SubEventType::ArmedClash;
    }
    if taken_unopposed(p, &d) {
        p.event.sub_event_type = SubEventType::NonViolentTransferOfTerritory;
    }
    // A killing, and then the victim named as a gang member or trafficker: the victim was one
    // of an armed group, which ACLED codes as an armed clash.
    if p.event.sub_event_type == SubEventType::Attack
        && d.event.sub_event_type == SubEventType::ArmedClash
        && d.event.cues.iter().any(|c| c.rule == "cue:victim_in_gang")
    {
        p.event.sub_event_type = SubEventType::ArmedClash;
    }
    // Abducted and then killed: ACLED codes the killing.
    if p.event.sub_event_type == SubEventType::AbductionForcedDisappearance
        && d.event.sub_event_type == SubEventType::Attack
    {
        p.event.sub_event_type = SubEventType::Attack;
    }
    if let Some(escalated) = escalation(p, &d) {
        let e = &mut p.event;
        if escalated != e.sub_event_type {
            e.sub_event_type = escalated;
            // Protesters who turn violent are rioters, and rioters met with force are still the
            // demonstrators; the force that intervened is actor2.
            let (from, to, inter) = if escalated.event_type() == EventType::Riots {
                ("Protesters", "Rioters", 5)
            } else {
                ("Rioters", "Protesters", 6)
            };
            if let Some(a1) = e.actor1.as_mut().filter(|a| a.name.starts_with(from)) {
                a1.name = a1.name.replacen(from, to, 1);
                a1.inter = inter;
            }
            if e.actor2.as_ref().is_some_and(|a| matches!(a.inter, 5 | 6)) {
                e.actor2 = None;
            }
            if e.actor2.is_none() {
                e.actor2 = [&d.event.actor2, &d.event.actor1]
                    .into_iter()
                    .flatten()
                    .find(|a| a.inter == 1)
                    .cloned();
            }
        }
    }
    let (a, b) = (&mut p.event, d.event);
    if !p.explicit_date && d.explicit_date {
        a.date = b.date;
        p.explicit_date = true;
    }
    if a.location.is_none() || (!p.explicit_place && d.explicit_place) {
        a.location = b.location;
        p.explicit_place = d.explicit_place;
    }
    for o in b.other_locations {
        if !a.other_locations.iter().any(|x| x.name == o.name) {
            a.other_locations.push(o);
        }
    }
    a.destination = a.destination.take().or(b.destination);
    // "A suicide bomber killed nine policemen. The TTP claimed responsibility.": the group that
    // claims an attack by someone unnamed is its actor, as ACLED codes a claimed attack
    let claimed = b
        .claims
        .iter()
        .any(|c| c.polarity == Polarity::ClaimedResponsibility);
    let unnamed = a.actor1.as_ref().is_some_and(|x| {
        x.name.starts_with("Unidentified") || x.name.starts_with("Sole Perpetrator")
    });
    if claimed && unnamed {
        if let Some(group) = b
            .actor1
            .as_ref()
            .filter(|g| matches!(g.inter, 2..=4) && !g.name.starts_with("Unidentified"))
        {
            a.actor1 = Some(group.clone());
        }
    }
    a.actor1 = a.actor1.take().or(b.actor1);
    a.actor2 = a.actor2.take().or(b.actor2);
    a.valid_until = a.valid_until.take().or(b.valid_until);
    let offset = a.claims.len();
    for c in b.claims {
        if !a
            .claims
            .iter()
            .any(|x| x.claimant == c.claimant && x.polarity == c.polarity)
        {
            a.claims.push(c);
        }
    }
    a.quantities.extend(b.quantities.into_iter().map(|mut q| {
        q.claim = q
            .claim
            .map(|c| (c + offset).min(a.claims.len().saturating_sub(1)));
        q
    }));
    a.cues.extend(b.cues);
    a.confidence = a.confidence.max(b.confidence);
    a.notes.push(' ');
    a.notes.push_str(&b.notes);
    p.last_sentence = d.last_sentence;
    p.stated_fatalities = p.stated_fatalities.or(d.stated_fatalities);
}

/// A sentence with figures but no trigger ("Three officers died. 3 fatalities.") adds them to
/// the event just before it.
fn attach_follow_up(
    doc: &Doc,
    drafts: &mut [Draft],
    i: usize,
    quantities: Vec<Quantity>,
    stated: Option<u64>,
) {
    let Some(last) = drafts.last_mut() else {
        return;
    };
    if i > last.last_sentence + FOLLOW_UP_WINDOW {
        return;
    }
    last.event.quantities.extend(quantities);
    if stated.is_some() {
        last.stated_fatalities = stated;
    }
    last.event.notes.push(' ');
    last.event.notes.push_str(doc.sentence_text(i).trim());
    last.last_sentence = i;
}

/// The figures a disputing claim gives as its own account, after its "saying" or "adding"
/// ("The army denied the claim, saying only one soldier was wounded and three fighters were
/// killed"); not those of what it denies ("denied that 20 soldiers were killed").
fn disputers_figures(doc: &Doc, i: usize, claim: &Claim, figures: &[Quantity]) -> Vec<Quantity> {
    let end = doc.sentences[i].end;
    let after = doc.text[claim.span.end.min(end)..end].to_ascii_lowercase();
    let Some(own_from) = ["saying", "adding", "said"]
        .iter()
        .filter_map(|w| after.find(w))
        .min()
        .map(|at| claim.span.end + at)
    else {
        return Vec::new();
    };
    figures
        .iter()
        .filter(|q| q.evidence.span.start >= own_from)
        .cloned()
        .collect()
}

/// The event a denial in sentence `i` disputes: one of the same type as the denial's own trigger,
/// else the nearest event before it, else the most confident.
fn disputed_event(doc: &Doc, drafts: &[Draft], i: usize) -> Option<usize> {
    let own_type = doc.types[i].first().map(|t| t.sub_event_type);
    let family = |s: SubEventType| match s {
        SubEventType::Agreement | SubEventType::NonViolentTransferOfTerritory => 1,
        other => 10 + other as usize,
    };
    if let Some(t) = own_type {
        if let Some(k) = drafts
            .iter()
            .position(|d| family(d.event.sub_event_type) == family(t))
        {
            return Some(k);
        }
    }
    // (a denial disputes the incident told before it, not a statement about it)
    drafts
        .iter()
        .rposition(|d| d.first_sentence <= i && d.event.sub_event_type.is_conflict())
        .or_else(|| drafts.iter().rposition(|d| d.first_sentence <= i))
        .or_else(|| {
            (0..drafts.len()).max_by(|&a, &b| {
                drafts[a]
                    .event
                    .confidence
                    .total_cmp(&drafts[b].event.confidence)
            })
        })
}

/// The end of an agreement's validity ("until 12noon (1pm UAE time) on Monday"), with its zone.
fn valid_until(doc: &Doc, i: usize) -> Option<TimePoint> {
    let d = doc.dates[i].iter().find(|d| d.role == DateRole::Until)?;
    let date: NaiveDate = d.date?;
    let local_offset = doc
        .country_code
        .as_deref()
        .and_then(|c| sitrep_time::utc_offset_minutes(c, date));
    let at = match (d.time_of_day, d.utc_offset_minutes.or(local_offset)) {
        (Some(t), Some(off)) => format!("{}T{}{}", date, t.format("%H:%M"), offset_text(off)),
        (Some(t), None) => format!("{}T{}", date, t.format("%H:%M")),
        (None, _) => date.to_string(),
    };
    Some(TimePoint {
        at,
        evidence: doc.evidence(i, d.span, format!("time:{}", d.rule)),
    })
}

/// Words that tell a deal coming into force ("the truce took effect on Saturday").
const IN_FORCE: &[&str] = &[
    "took effect",
    "takes effect",
    "take effect",
    "came into force",
    "comes into force",
    "come into force",
    "went into effect",
    "goes into effect",
    "entered into force",
    "came into effect",
];

/// Words for how many days, hours or weeks a truce lasts ("a seven-day ceasefire").
const DURATION_COUNTS: &[(&str, i64)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("ten", 10),
    ("twelve", 12),
    ("fourteen", 14),
    ("fifteen", 15),
    ("thirty", 30),
    ("forty-eight", 48),
    ("seventy-two", 72),
];

/// Words that name a halt of fighting whose length can be told ("a 72-hour truce").
const HALT_WORDS: &[&str] = &[
    "ceasefire",
    "cease-fire",
    "truce",
    "pause",
    "lull",
    "cessation",
];

/// The end of a halt told by its length from the day it was agreed or began ("agreed on Friday
/// to a seven-day ceasefire", "a 72-hour truce", "a week-long truce"): that day plus its length
/// (hours rounded up to days). [`valid_until`] comes first: a day told for its end stands.
fn lasting_until(doc: &Doc, i: usize, start: &EventDate) -> Option<TimePoint> {
    let from = single_day(start)?;
    let sentence = doc.sentences[i];
    let text = &doc.text[sentence.start..sentence.end];
    let lower = text.to_ascii_lowercase();
    let words: Vec<(usize, &str)> = lower
        .split(|c: char| c.is_whitespace())
        .scan(0usize, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (k, &(at, word)) in words.iter().enumerate() {
        // "seven-day", "72-hour", "week-long", "seven day", "two-week"
        let (count, unit) = match word.rsplit_once('-') {
            Some((count, unit)) => (count, unit),
            None => (word, words.get(k + 1).map_or("", |w| w.1)),
        };
        let unit = unit.trim_end_matches([',', '.']);
        let n = if count == "week" && unit == "long" {
            7
        } else if count == "month" && unit == "long" {
            30
        } else {
            let n = count.parse::<i64>().ok().or_else(|| {
                DURATION_COUNTS
                    .iter()
                    .find(|(w, _)| *w == count)
                    .map(|(_, n)| *n)
            });
            match (n, unit) {
                (Some(n), "day" | "days") => n,
                (Some(n), "hour" | "hours") => (n + 23) / 24,
                (Some(n), "week" | "weeks") => 7 * n,
                _ => continue,
            }
        };
        // the halt named right after ("a seven-day humanitarian ceasefire")
        let unit_words = if word.contains('-') { 1 } else { 2 };
        let halt = words[k + unit_words..].iter().take(3).any(|(_, w)| {
            HALT_WORDS
                .iter()
                .any(|h| w.trim_end_matches([',', '.']) == *h)
        });
        if !halt || !(1..=90).contains(&n) {
            continue;
        }
        let end = at + word.len();
        return Some(TimePoint {
            at: (from + chrono::Duration::days(n)).to_string(),
            evidence: doc.evidence(
                i,
                Span::new(sentence.start + at, sentence.start + end),
                "time:lasting",
            ),
        });
    }
    None
}

fn offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Fatalities, salience, and the evidence of each field, once all sentences are read.
/// Days before publication past which an explicitly dated event is background ("he stabbed a
/// man in May 2018" in a report on a protest of today) and yields the lead to what is new.
const BACKGROUND_AFTER_DAYS: i64 = 30;

/// "The war in Syria has killed", "the conflict there has claimed": a war's count, as its
/// subject says (not "fighting has killed 12 since Monday", a battle's).
fn war_has_killed(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).enumerate().any(|(k, w)| {
        matches!(w[0], "has" | "have")
            && matches!(w[1], "killed" | "claimed")
            && (k.saturating_sub(6)..k).any(|j| {
                matches!(words[j], "war" | "war's" | "conflict" | "uprising" | "revolt")
                    // ("war planes have killed 32": the planes)
                    && !words.get(j + 1).is_some_and(|next| {
                        matches!(
                            *next,
                            "planes" | "plane" | "jets" | "jet" | "crimes" | "monitor" | "zone"
                        )
                    })
            })
    })
}

/// Dead counted over a month or a year (the sentence's own date known only to the month) from
/// this many on are a tally of that stretch, not one event's: a massacre known only to its
/// month is rarer in the news than a monitor's monthly count.
const MONTH_TALLY_DEAD: u64 = 50;

/// Whether a sentence counts the dead of a stretch of time: a monitor's counting verb
/// ("documented", "recorded") or the stretch itself ("during April", "last month", "this
/// year").
fn counts_a_stretch(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    [
        "documented",
        "recorded",
        "counted",
        "registered",
        "tallied",
        "during",
        "past month",
        "last month",
        "this year",
        "so far",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// How many days a tally may count and still be one event's dead ("since Saturday at least 68
/// civilians have been killed in the town": a few days' battle, which ACLED codes), not a
/// campaign's.
const CAMPAIGN_AFTER_DAYS: i64 = 7;

/// Whether the tally of sentence `i` counts a campaign's dead, not one event's: it counts from
/// a day over a week before the report ("more than 300 people have been killed in Aleppo since
/// April"), or from a stretch no day is told for ("4000 civilians since it intervened"), or in
/// a vague word ("fighting that has left dozens dead"). ACLED codes no event from such a
/// figure; it stays among the event's figures.
/// Not when the sentence gives the killing a recent day ("On Monday air strikes killed 23 people
/// in the town, under siege ever since rebels seized it") or a single victim, and not from a day
/// told of something else ("a city divided since July 2012", "the first explosion there since
/// the war began").
fn campaign_tally(doc: &Doc, i: usize, quantities: &[Quantity]) -> bool {
    let killed: Vec<&Quantity> = quantities
        .iter()
        .filter(|q| q.kind == QuantityKind::Killed)
        .collect();
    if killed.is_empty()
        || killed
            .iter()
            .any(|q| q.evidence.rule == quantities::SINGLE_VICTIM)
    {
        return false;
    }
    let days_before = |m: &DateMention| {
        m.date
            .zip(doc.published)
            .map(|(day, published)| (published - day).num_days())
    };
    let told: Vec<&DateMention> = doc.dates[i]
        .iter()
        .filter(|m| !(i == 0 && sitrep_time::is_dateline(doc.text, m)))
        .collect();
    if told.iter().any(|m| {
        m.role == DateRole::Point && days_before(m).is_some_and(|d| d <= CAMPAIGN_AFTER_DAYS)
    }) {
        return false;
    }
    // a day told in a clause of something else after the figure ("killed two civilians in the
    // city that has been divided since July 2012", "the first report of casualties since the
    // operation began", "marking the largest death toll in a day since it intervened")
    let figure_end = killed
        .iter()
        .map(|q| q.evidence.span.end)
        .min()
        .unwrap_or(0);
    let of_something_else = |at: usize| {
        at > figure_end
            && doc.text[figure_end..at]
                .to_ascii_lowercase()
                .split_whitespace()
                .any(|w| {
                    matches!(
                        w,
                        "that"
                            | "which"
                            | "where"
                            | "when"
                            | "first"
                            | "deadliest"
                            | "worst"
                            | "largest"
                            | "highest"
                            | "biggest"
                            | "heaviest"
                            | "bloodiest"
                    )
                })
    };
    let first_day = told
        .iter()
        .filter(|m| !of_something_else(m.span.start))
        .filter_map(|m| days_before(m))
        .max();
    // "since the start of the year", "since it intervened": a stretch no day is told for is a
    // long one, unless it is today's ("since dawn")
    let since_no_day = || {
        let sentence = doc.sentences[i];
        let text = doc.sentence_text(i).to_ascii_lowercase();
        text.match_indices("since ").any(|(at, _)| {
            let from = sentence.start + at + 6;
            let rest = &text[at + 6..];
            !told.iter().any(|m| m.span.start == from)
                && !of_something_else(from)
                && ![
                    "dawn",
                    "this morning",
                    "midnight",
                    "last night",
                    "early morning",
                    "the morning",
                ]
                .iter()
                .any(|today| rest.starts_with(today))
        })
    };
    match first_day {
        Some(days) => days > CAMPAIGN_AFTER_DAYS,
        None => killed.iter().all(|q| q.vague) || since_no_day(),
    }
}

/// Whether a place is a whole province or country (not one town, district or spot near one).
fn province_or_country(p: &PlaceRef) -> bool {
    p.admin1.is_none() || (p.geo_precision == 3 && p.where_prec >= 4)
}

/// A town farther than this from a city named like its province lies outside the city: the
/// name, said of an event there, meant the province.
const CITY_RADIUS_KM: f64 = 15.0;

/// Great-circle distance between two places with coordinates.
fn distance_km(a: &PlaceRef, b: &PlaceRef) -> Option<f64> {
    Some(sitrep_places::km(a.lat?, a.lon?, b.lat?, b.lon?))
}

/// The town a draft is placed in (not a province or country), unless it is a background line.
fn town_of(d: &Draft) -> Option<&PlaceRef> {
    d.event
        .location
        .as_ref()
        .filter(|p| !province_or_country(p) && p.geo_precision < 3 && !d.background)
}

/// "Trump condemned the gas attack in Syria ... At least 72 people died in the town of Khan
/// Sheikhoun": an event the article files only under a broad place ([`around`]) is the one it
/// tells of the same kind at a town inside that place on that day (or the next or the one
/// before), when that is the only such town: one incident, told at two scales, placed at the
/// town. A broad place is a province or the country, or a city named like its province; of such
/// a city, a part of it ("rockets killed five in Aleppo city ... shells hit the Sukkari
/// district"), or, for a gas attack or a suicide bombing, a town well outside it (the name then
/// meant the province). A line dated far off (`background`), a tally, or a kind told at two
/// towns of the place that day keeps its own place.
/// Sentences after an attack told by whom it was not ("a bomb damaged the pipeline") that say who
/// is blamed for it ("The army blamed the National Liberation Army", the `blame` trigger): the
/// blamed group is the attack's actor1, as ACLED codes an attack attributed by its sources, and
/// the blame is its claim of who is responsible (actor1 the blamed, the accuser its claimant,
/// not a party). Within [`BLAME_REACH`] sentences of an attack of the story (not a recall);
/// only a group or force named by its name (not "rebels", "terrorists"); not where the article
/// tells more than one attribution (a contested one: each side blames the other).
fn blame_names_the_attacker(doc: &Doc, drafts: &mut [Draft]) {
    let is_blame = |d: &Draft| {
        d.event.sub_event_type == SubEventType::ClaimOfResponsibility
            && d.event.cues.iter().any(|c| c.rule == "trigger:blame")
    };
    let attributions = drafts
        .iter()
        .filter(|d| d.event.sub_event_type == SubEventType::ClaimOfResponsibility)
        .count();
    if attributions != 1 {
        return;
    }
    // (by its name: "al-Shabaab", "the ELN", not "rebels"; told after the blaming verb, as
    // whom it blames: "supporters of the Nusra Front blamed ..." are the accusers)
    let named = |a: &ActorRef| a.mention.chars().any(char::is_uppercase);
    let after_blame = |a: &ActorRef, sentence: usize| {
        let Some(s) = doc.sentences.get(sentence) else {
            return false;
        };
        let lower = doc.text[s.start..s.end].to_ascii_lowercase();
        let Some(verb) = lower
            .find("blame")
            .or_else(|| lower.find("pointed the finger"))
        else {
            return false;
        };
        a.evidence
            .as_ref()
            .is_some_and(|e| e.sentence == sentence && e.span.start > s.start + verb)
    };
    for k in 0..drafts.len() {
        let blame = &drafts[k];
        let Some(accused) = blame.event.actor2.clone().filter(|a| {
            is_blame(blame)
                && matches!(a.inter, 1..=4 | 8)
                && !a.name.starts_with("Unidentified")
                && !a.name.starts_with("Civilians")
                && named(a)
                && after_blame(a, blame.first_sentence)
        }) else {
            continue;
        };
        let first = blame.first_sentence;
        let attack = drafts[..k].iter().rposition(|d| {
            d.event.sub_event_type.is_armed_violence()
                && !d.background
                && d.last_sentence + BLAME_REACH >= first
                && d.event
                    .actor1
                    .as_ref()
                    .is_none_or(|a| a.name.starts_with("Unidentified"))
        });
        if let Some(a) = attack {
            let mut actor = accused.clone();
            if let Some(ev) = actor.evidence.as_mut() {
                ev.rule = format!("{} (blamed)", ev.rule);
            }
            drafts[a].event.actor1 = Some(actor);
            let claim = &mut drafts[k].event;
            claim.actor1 = Some(accused);
            claim.actor2 = None;
        }
    }
}

/// Sentences after an attack that a blame may name its attacker in ([`blame_names_the_attacker`]).
const BLAME_REACH: usize = 3;

fn place_broad_by_kin(drafts: &mut [Draft]) {
    let day = |d: &Draft| single_day(&d.event.date);
    let mut into: Vec<Option<usize>> = vec![None; drafts.len()];
    for (k, d) in drafts.iter().enumerate() {
        let (Some(broad), Some(when)) = (d.event.location.as_ref(), day(d)) else {
            continue;
        };
        // (a name the gazetteer did not know is one town, filed under the area around it)
        if d.background || d.event.tally || broad.unresolved_name || !around(broad) {
            continue;
        }
        // (a city named like its province is the province when the town lies well outside it
        // and the kind seldom recurs in a province on one day: "the gas attack on the Syrian
        // town in Idlib"; but "fighting in Aleppo" and clashes at Manbij are two battles)
        let rare = matches!(
            d.event.sub_event_type,
            SubEventType::ChemicalWeapon | SubEventType::SuicideBomb
        );
        let inside = |p: &PlaceRef| {
            within(p, broad)
                && p.name != broad.name
                && (province_or_country(broad)
                    || distance_km(p, broad).is_some_and(|km| km <= CITY_RADIUS_KM || rare))
        };
        let kin: Vec<usize> = (0..drafts.len())
            .filter(|&j| {
                let o = &drafts[j];
                o.event.sub_event_type == d.event.sub_event_type
                    && !o.event.tally
                    && day(o).is_some_and(|t| (t - when).num_days().abs() <= 1)
                    && town_of(o).is_some_and(inside)
            })
            .collect();
        let Some(&first) = kin.first() else {
            continue;
        };
        let town = town_of(&drafts[first]).map(|p| (&p.name, p.geonameid));
        if kin
            .iter()
            .all(|&j| town_of(&drafts[j]).map(|p| (&p.name, p.geonameid)) == town)
        {
            into[k] = kin
                .into_iter()
                .min_by_key(|&j| drafts[j].first_sentence.abs_diff(d.first_sentence));
        }
    }
    for (k, target) in into.into_iter().enumerate() {
        let Some(mut place) = target.and_then(|j| drafts[j].event.location.clone()) else {
            continue;
        };
        if let Some(ev) = place.evidence.as_mut() {
            ev.rule = format!(
                "{}; the article's {} there",
                ev.rule,
                drafts[k].event.sub_event_type.acled_name()
            );
        }
        drafts[k].event.location = Some(place);
    }
}

fn finish(d: Draft, published: Option<chrono::NaiveDate>) -> Event {
    let mut e = d.event;
    e.fatalities = d.stated_fatalities.unwrap_or_else(|| {
        // (a strike's victims told as civilians by one source, fighters by another, are
        // two accounts, not two sides of a battle)
        let one_strike = e.sub_event_type.event_type() == EventType::ExplosionsRemoteViolence;
        quantities::fatalities(&e.quantities, &e.claims, one_strike)
    });
    let position = 1.0 / (1.0 + 0.25 * d.first_sentence as f32);
    let mut salience = e.confidence + position;
    if e.location.is_some() {
        salience += 0.2;
    }
    if d.explicit_date {
        salience += 0.1;
        let background = match (e.date.date, published) {
            (Some(day), Some(p)) => (p - day).num_days() > BACKGROUND_AFTER_DAYS,
            _ => false,
        };
        if background {
            salience -= 0.5;
        }
    }
    salience += 0.2 * (e.fatalities.min(10) as f32 / 10.0);
    if e.tally {
        salience -= 0.3;
    }
    if !e.sub_event_type.is_conflict() {
        salience -= 0.2;
    }
    e.salience = salience;
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: SubEventType, day: u32, town: &str) -> Event {
        Event {
            location: Some(PlaceRef {
                name: town.into(),
                mention: town.into(),
                ..Default::default()
            }),
            ..Event::new(
                "",
                kind,
                EventDate::new(NaiveDate::from_ymd_opt(2016, 9, day), DatePrecision::Day),
            )
        }
    }

    #[test]
    fn a_bombing_told_again_is_at_the_bombing_told_before() {
        // told latest first: a bombing at Saraqib on the 10th, then a deal near Damascus
        let told = [
            event(SubEventType::Agreement, 10, "Damascus"),
            event(SubEventType::SuicideBomb, 10, "Saraqib"),
        ];
        let on = |day| event(SubEventType::RemoteExplosive, day, "").date;
        let place = |kind, day| story_place(told.iter(), kind, &on(day)).map(|p| p.name.as_str());
        // "The blast also wounded hundreds": the bombing's town (a suicide car bomb is a bomb)
        assert_eq!(place(SubEventType::RemoteExplosive, 11), Some("Saraqib"));
        // another kind, or a bombing told weeks later, takes the latest place told
        assert_eq!(place(SubEventType::ArmedClash, 11), Some("Damascus"));
        assert_eq!(place(SubEventType::RemoteExplosive, 30), Some("Damascus"));
    }
}
