/*!
The record sitrep keeps: articles in, events, claims and control facts out.

Every stage of the pipeline (`ingest → read → resolve → extract → fuse → store →
export/serve`) passes these types forward. Nothing here does any work; the types
only say what a reading of a report *is*, and every extracted field carries its
[`Evidence`]: the article, the sentence, the character span and the rule that fired.

```
use sitrep_model::{SubEventType, EventType};
let s = SubEventType::from_acled("Air/drone strike").unwrap();
assert_eq!(s.event_type(), EventType::ExplosionsRemoteViolence);
assert_eq!(s.case_label(), "AIR_STRIKE");
```
*/
#![deny(missing_docs)]

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

mod taxonomy;
pub use taxonomy::{EventType, SubEventType};

/// One report as it entered sitrep.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Article {
    /// Stable id: the input's own id, or one derived from the file and line.
    pub id: String,
    /// Headline, when the input has one.
    pub title: Option<String>,
    /// Main text, boilerplate removed.
    pub text: String,
    /// Publication date; relative dates in the text resolve against it.
    pub published: Option<NaiveDate>,
    /// Outlet ("The National", "SANA").
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// ISO 639-1 language code when known.
    pub language: Option<String>,
    /// Where it was read from (`reports/a.jsonl:12`), for error messages and audit.
    pub origin: String,
}

/// A byte range `[start, end)` in an article's text.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, Default, PartialOrd, Ord,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from its bounds.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// The text it covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
    /// Span shifted by `offset` bytes (sentence-relative to article-relative).
    pub fn shifted(&self, offset: usize) -> Span {
        Span::new(self.start + offset, self.end + offset)
    }
    /// Whether two spans overlap.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Why a field holds its value: where in which article it was read, and by what rule.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Evidence {
    /// The article read.
    pub article_id: String,
    /// Index of the sentence in the article.
    pub sentence: usize,
    /// The characters the value came from (article-relative bytes).
    pub span: Span,
    /// Those characters.
    pub text: String,
    /// The rule, lexicon entry or cue that fired (`trigger:airstrike`, `gazetteer:170654`).
    pub rule: String,
}

/// How exactly a date is known (ACLED `time_precision` 1 = day, 2 = week, 3 = month).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// A single day.
    #[default]
    Day,
    /// Within a week.
    Week,
    /// Within a month.
    Month,
    /// Within a year.
    Year,
    /// Near the given day ("early this month", "recently").
    Approximate,
    /// A tally or state "as of" the date, not something that happened on it.
    AsOf,
    /// Relative date with no publication date to resolve against.
    Unresolved,
}

impl DatePrecision {
    /// ACLED `time_precision` code.
    pub fn acled_code(self) -> u8 {
        match self {
            DatePrecision::Day => 1,
            // a count as of a day: the killing on it or in the days before
            DatePrecision::Week | DatePrecision::Approximate | DatePrecision::AsOf => 2,
            DatePrecision::Month | DatePrecision::Year | DatePrecision::Unresolved => 3,
        }
    }
}

/// When an event happened.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct EventDate {
    /// The day (the first day of the period for coarser precisions); `None` when unresolved.
    pub date: Option<NaiveDate>,
    /// Last day of a period ("since April", "last week"), when one is known.
    pub end: Option<NaiveDate>,
    /// How exactly it is known.
    pub precision: DatePrecision,
    /// Where the date was read; `None` when it fell back to the publication date.
    pub evidence: Option<Evidence>,
}

impl EventDate {
    /// A date of `precision` with no end and no evidence (read from no sentence: a fallback to
    /// the publication date, or a date built in a test).
    pub fn new(date: Option<NaiveDate>, precision: DatePrecision) -> EventDate {
        EventDate {
            date,
            end: None,
            precision,
            evidence: None,
        }
    }
}

/// A point in time with its UTC offset, e.g. the end of a ceasefire ("12 noon Monday").
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TimePoint {
    /// RFC 3339 local time with offset when known, e.g. `2018-05-21T12:00+03:00`.
    pub at: String,
    /// Where it was read.
    pub evidence: Evidence,
}

/// A place as resolved against the gazetteer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct PlaceRef {
    /// The name as the text wrote it.
    pub mention: String,
    /// Canonical name (GeoNames), or the name as written when unresolved.
    pub name: String,
    /// GeoNames id, when the place is in the gazetteer.
    pub geonameid: Option<u32>,
    /// Latitude in degrees.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2 country code.
    pub country_code: Option<String>,
    /// Country name as ACLED writes it.
    pub country: Option<String>,
    /// First-level division name.
    pub admin1: Option<String>,
    /// Second-level division name, when known.
    pub admin2: Option<String>,
    /// ACLED geo_precision: 1 town, 2 near/part of a region, 3 province/region.
    pub geo_precision: u8,
    /// UCDP-style finer precision 1-7.
    pub where_prec: u8,
    /// The name was not in the gazetteer; the coordinates are those of a containing area.
    pub unresolved_name: bool,
    /// Why this entry was chosen.
    pub evidence: Option<Evidence>,
}

/// An actor, named as ACLED names it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct ActorRef {
    /// ACLED name, e.g. "Military Forces of Syria (2000-)".
    pub name: String,
    /// ACLED inter code (1 state forces ... 8 external/other forces; 0 none).
    pub inter: u8,
    /// The words in the text.
    pub mention: String,
    /// Where it was read and which dictionary entry matched.
    pub evidence: Option<Evidence>,
}

/// What a counted figure counts.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum QuantityKind {
    /// People killed.
    Killed,
    /// People injured.
    Injured,
    /// People evacuated.
    Evacuated,
    /// People displaced.
    Displaced,
    /// People arrested or detained.
    Arrested,
    /// People abducted.
    Abducted,
    /// Buses.
    Buses,
    /// Other vehicles.
    Vehicles,
    /// Crowd size of a demonstration.
    Participants,
}

/// A number read from the text, with its bounds and side.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quantity {
    /// What is counted.
    pub kind: QuantityKind,
    /// The figure (for "more than 250" this is 250).
    pub value: u64,
    /// "more than", "at least", "over": the true figure is at least `value`.
    pub lower_bound: bool,
    /// "about", "nearly", "some", or a vague word ("dozens" = 12).
    pub approximate: bool,
    /// A word for a number, no figure ("dozens", "scores", "thousands", "several"): coded with
    /// ACLED's values, and yielding to any figure given for the same dead.
    #[serde(default, skip_serializing_if = "is_false")]
    pub vague: bool,
    /// The side the figure belongs to ("pro-regime forces", "civilians"), when split.
    pub side: Option<String>,
    /// Whose dead or hurt `side` names, as sides go ("terrorists" and "fighters" both armed
    /// groups): figures of one side from different sources are accounts of one count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side_class: Option<SideClass>,
    /// A cumulative tally over a campaign rather than one day's count.
    pub tally: bool,
    /// Index into the event's `claims` of who gives this figure.
    pub claim: Option<usize>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// The suffix of an [`EventDate`]'s rule for the day a statement told the event ("the army
/// said on Friday it had recaptured the palace"), when nothing else dates it: the event fell on
/// that day or shortly before, as a report's fell on or before its publication.
pub const SAID_ON_DAY: &str = " (said on)";

/// The suffix of a [`Quantity`]'s rule for a toll that rose ("the death toll rose to 12",
/// "raising the toll to 12"): it updates the counts of the same dead told before it.
pub const RISEN_TOLL: &str = "+risen";

impl Quantity {
    /// Whether it is a toll that rose ([`RISEN_TOLL`]).
    pub fn is_risen_toll(&self) -> bool {
        self.evidence.rule.ends_with(RISEN_TOLL)
    }
}

/// The side a figure's noun names (`data/cues.toml` [sides]).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum SideClass {
    /// Civilians ("civilians", "children", "residents").
    Civilians,
    /// The state's forces ("soldiers", "regime forces", "police officers").
    StateForces,
    /// Armed groups ("militants", "fighters", "rebels", "terrorists").
    ArmedGroups,
}

impl SideClass {
    /// The name figures are listed under (`killed:armed_groups`).
    pub fn name(self) -> &'static str {
        match self {
            SideClass::Civilians => "civilians",
            SideClass::StateForces => "state_forces",
            SideClass::ArmedGroups => "armed_groups",
        }
    }
}

/// Whether a claimant asserts, denies, or has yet to confirm.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Says it happened.
    #[default]
    Asserted,
    /// Says it did not happen.
    Denied,
    /// Has yet to confirm / could not verify.
    Unconfirmed,
    /// Claims responsibility for it.
    ClaimedResponsibility,
}

/// Who a claimant is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantKind {
    /// A conflict monitor (Syrian Observatory for Human Rights).
    Monitor,
    /// State media (SANA, IRNA).
    StateMedia,
    /// Other media or a news agency.
    Media,
    /// A military or security source.
    Military,
    /// A government or its officials.
    Government,
    /// A spokesperson of a group.
    Spokesperson,
    /// A named person.
    Person,
    /// A party to the conflict speaking of itself.
    Party,
    /// The reporting outlet itself (no attribution in the text).
    #[default]
    Reporter,
}

/// Who says an event happened (or did not).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Claim {
    /// The claimant as named ("Syrian Observatory for Human Rights", "a military source quoted by SANA").
    pub claimant: String,
    /// What kind of source that is.
    pub claimant_kind: ClaimantKind,
    /// Asserted, denied, unconfirmed, claimed responsibility.
    pub polarity: Polarity,
    /// Hedged ("reportedly", "allegedly", "probably").
    pub hedged: bool,
    /// Article the claim is in.
    pub article_id: String,
    /// Sentence index in that article.
    pub sentence_index: usize,
    /// The sentence itself.
    pub sentence: String,
    /// Span of the attribution cue ("said the Observatory").
    pub span: Span,
}

/// A cue that counted towards an event's type, with its weight.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Cue {
    /// Lexicon rule id (`trigger:airstrike`).
    pub rule: String,
    /// Matched text.
    pub text: String,
    /// Weight it added.
    pub weight: f32,
}

/// One event as read from one article (before fusion) or from several (after).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    /// Stable id (article id + ordinal before fusion).
    pub id: String,
    /// ACLED sub-event type (or a non-conflict class).
    pub sub_event_type: SubEventType,
    /// When.
    pub date: EventDate,
    /// Where it happened.
    pub location: Option<PlaceRef>,
    /// Other places of the same event (the neighbourhoods of a city, both sides of a front).
    pub other_locations: Vec<PlaceRef>,
    /// Where something was heading (a convoy "heading towards Tadmur").
    pub destination: Option<PlaceRef>,
    /// Who acts.
    pub actor1: Option<ActorRef>,
    /// Allies of actor1.
    pub assoc_actor_1: Vec<ActorRef>,
    /// Who is acted upon.
    pub actor2: Option<ActorRef>,
    /// Allies of actor2.
    pub assoc_actor_2: Vec<ActorRef>,
    /// Total fatalities as ACLED codes them (conservative).
    pub fatalities: u64,
    /// All figures read: killed by side, injured, evacuated, buses...
    pub quantities: Vec<Quantity>,
    /// Who says so.
    pub claims: Vec<Claim>,
    /// Validity end (ceasefires "until 12 noon Monday").
    pub valid_until: Option<TimePoint>,
    /// Civilians were the target.
    pub civilian_targeting: bool,
    /// A cumulative tally over a campaign, not a one-day event.
    pub tally: bool,
    /// The words by which its sentence tells how the country's war began ("the conflict began
    /// in March 2011 with protests"), when it is that past episode recalled, not news.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub war_outbreak: Option<String>,
    /// The cues that decided the type.
    pub cues: Vec<Cue>,
    /// 0..1, how sure the reader is of the type.
    pub confidence: f32,
    /// Salience score; events of an article are listed highest first.
    pub salience: f32,
    /// The sentence(s) that report it, for the ACLED `notes` column.
    pub notes: String,
    /// Articles behind this event.
    pub article_ids: Vec<String>,
    /// Outlets behind this event.
    pub sources: Vec<String>,
    /// Where the event (its trigger) was read.
    pub evidence: Evidence,
}

impl Event {
    /// Whether the claims of the event disagree: some assert it, others deny or doubt it.
    pub fn disputed(&self) -> bool {
        let asserts = self.claims.iter().any(|c| {
            matches!(
                c.polarity,
                Polarity::Asserted | Polarity::ClaimedResponsibility
            )
        });
        let doubts = self
            .claims
            .iter()
            .any(|c| matches!(c.polarity, Polarity::Denied | Polarity::Unconfirmed));
        asserts && doubts
    }

    /// Whether every claim of the event denies it ("the army denied shelling the village", with
    /// no report of the shelling beside it): a denial, not an event to export as ACLED's.
    pub fn only_denied(&self) -> bool {
        !self.claims.is_empty() && self.claims.iter().all(|c| c.polarity == Polarity::Denied)
    }

    /// An event of one kind on one date with nothing else known yet: no place, actors, figures,
    /// claims or notes, read with full confidence and salience. Readers and tests fill in the
    /// rest: `Event { location: Some(place), ..Event::new("a1#1", kind, date) }`.
    pub fn new(id: impl Into<String>, sub_event_type: SubEventType, date: EventDate) -> Event {
        Event {
            id: id.into(),
            sub_event_type,
            date,
            location: None,
            other_locations: Vec::new(),
            destination: None,
            actor1: None,
            assoc_actor_1: Vec::new(),
            actor2: None,
            assoc_actor_2: Vec::new(),
            fatalities: 0,
            quantities: Vec::new(),
            claims: Vec::new(),
            valid_until: None,
            civilian_targeting: false,
            tally: false,
            war_outbreak: None,
            cues: Vec::new(),
            confidence: 1.0,
            salience: 1.0,
            notes: String::new(),
            article_ids: Vec::new(),
            sources: Vec::new(),
            evidence: Evidence::default(),
        }
    }
}

/// "X controls place P as of date D", from a statement or a territory-changing event.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ControlFact {
    /// The place.
    pub place: PlaceRef,
    /// Who controls it.
    pub controller: ActorRef,
    /// As of when.
    pub as_of: EventDate,
    /// Who says so.
    pub claim: Option<Claim>,
    /// Where it was read.
    pub evidence: Evidence,
}

/// Everything read from one article.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Reading {
    /// The article read.
    pub article_id: String,
    /// Sentence spans of the text.
    pub sentences: Vec<Span>,
    /// Events, most salient first (non-conflict classes included; see [`SubEventType::is_conflict`]).
    pub events: Vec<Event>,
    /// Territorial control statements.
    pub control: Vec<ControlFact>,
    /// Claims that deny or doubt events without reporting one themselves.
    pub standalone_claims: Vec<Claim>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
