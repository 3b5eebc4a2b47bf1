//! How alike two mentions are: one score per cue (kind, date, place, actors, near-duplicate
//! articles) and the vetoes that keep look-alikes apart (ordinals, dates or places outside their
//! precision, tallies vs single events, a user's split).

use crate::data::Lexicons;
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use sitrep_model::{DatePrecision, Event, PlaceRef};
use std::borrow::Cow;

/// Weight of the kind (sub-event type) cue.
pub const W_TYPE: f32 = 0.25;
/// Weight of the date cue.
pub const W_DATE: f32 = 0.20;
/// Weight of the place cue.
pub const W_PLACE: f32 = 0.20;
/// Place cue when the places agree but one is broad ([`broad_place`]: a city named like its
/// province, a province, a country), or one lies in or near the other only by the coordinates of
/// a name the gazetteer did not know (those of the area around it): compatible, but weak
/// evidence. (Two reports giving one unknown name, "Hader" and "Hader", are at one place.)
pub const BROAD_PLACE: f32 = 0.8;
/// Weight of the actor cue.
pub const W_ACTORS: f32 = 0.15;
/// Actor cue when both mentions name specific actors and none is shared: actors are read with
/// errors (the victim as an actor, a group given the wrong country), so this is weak evidence
/// against, not certainty.
pub const ACTORS_DISAGREE: f32 = 0.25;
/// Weight of the wording cue (shared content words of the two reporting sentences).
pub const W_WORDS: f32 = 0.20;
/// Two reports of one outlet, neither dated by its text (both by their publication), share its
/// boilerplate (the agency's byline, the stock line on the offensive): their wording counts by
/// this much (not for a kind that seldom recurs at a place: `data/singular_kinds.tsv`).
pub const SAME_OUTLET_WORDS: f32 = 0.5;
/// Bonus when the two articles are near-duplicates of each other.
pub const W_NEAR_DUPLICATE: f32 = 0.15;
/// Bonus when both mentions report one kind that seldom recurs in one place within days
/// (`data/singular_kinds.tsv`: a bombing, a capture, a deal) at the same place (same entry or
/// within 3 km), both dated within a week.
pub const W_SINGULAR_KIND: f32 = 0.10;
/// Bonus when both mentions report one kind that seldom recurs even in a whole city on one day
/// (`data/singular_kinds.tsv` scope `city`: a bombing, a gas attack, a deal) at one broad place
/// (a city named like its province, or a part of it) on one day both give (or one of them
/// approximately), both dated within a week; in a whole country only on a day both give. On
/// days a few apart within their precision, or in one province (or country) on a day both give
/// explicitly, such reports get [`W_SINGULAR_KIND`] (a gas attack "in Idlib province" on Tuesday
/// and the one on a town of it that day).
pub const W_SINGULAR_CITY: f32 = 0.15;
/// Added to a singular-kind bonus ([`W_SINGULAR_KIND`], [`W_SINGULAR_CITY`]), or to that of one
/// specific place on one day ([`W_SAME_PLACE_DAY`], cue `deadly_place_day`), when either report
/// counts [`LARGE_FIGURE`] or more dead (not a tally, not a vague word): a bombing or a gas attack
/// that killed that many is the news of its place for days, and two such at one place within
/// days are rarer still (the wedding bombing "that killed 32" and an eyewitness's account of the
/// blast that day); a town's day that killed 43 is one event told by all its reports.
pub const W_DEADLY_SINGULAR: f32 = 0.05;
/// Kind cue for two related kinds (`data/families.tsv`: an air strike and shelling, a clash and a
/// capture) at one specific place (not a broad one) on a day both give (at least this).
pub const TYPE_SAME_PLACE_DAY: f32 = 0.75;
/// Bonus when both mentions are at one specific place (same entry or within 3 km, not a broad
/// place: [`broad_place`]) on one day (both give it, or one approximately, or one a day later as
/// an undated report): events are counted per place and day, so compatible kinds there then are
/// one event. Half of it when the place is broad (a city named like its province, or a part of
/// it) and both give the day.
pub const W_SAME_PLACE_DAY: f32 = 0.10;
/// Bonus when both mentions name one kind of target (`data/targets.tsv`: a hospital, a school,
/// a market, a convoy), both dated within [`SINGULAR_WINDOW_DAYS`], at compatible places: a city
/// sees many strikes a day, few of them on a hospital.
pub const W_SAME_TARGET: f32 = 0.10;
/// Added to [`W_SAME_TARGET`] when both give one day (or one of them approximately).
pub const W_SAME_TARGET_DAY: f32 = 0.05;
/// Days either side of a day carried over from an earlier sentence of its article (the reader's
/// inference, usually right): another report of the event gives that day or one next to it.
pub const CARRIED_DAY_SLACK: i64 = 1;
/// Longest date window (days) of a mention for the singular-kind bonus.
pub const SINGULAR_WINDOW_DAYS: i64 = 7;
/// Bonus when both mentions give the same casualty count (killed or injured, 2 or more).
pub const W_SAME_FIGURE: f32 = 0.10;
/// A shared count below this is often shared by chance (two killed, four injured: the usual toll
/// of a day's shelling): it earns half of [`W_SAME_FIGURE`].
pub const SMALL_FIGURE: u64 = 5;
/// A shared count that is a multiple of this (10, 20, 100: outlets round tolls, "at least 10")
/// on days apart (date cue below [`DATE_SAME_CARRIED_DAY`]: another day's shelling that killed
/// ten) is often shared by chance: it earns half of [`W_SAME_FIGURE`].
pub const ROUND_FIGURE: u64 = 10;
/// A count of the dead or wounded this large, shared at one place or province, is no chance
/// figure even across days when one report recalls the event (a past event, or a date known to
/// a week or month): "an earlier attack on the field in July left 270 dead" and the day's "270
/// killed in the gas field battle".
pub const LARGE_SHARED_FIGURE: u64 = 100;
/// A town this near a broad city (a city named like its province) may be told by the city's name.
pub const NEAR_CITY_KM: f64 = 30.0;
/// Bonus, instead of [`W_SAME_FIGURE`], when two reports of one sub-event type share a count of
/// [`SMALL_FIGURE`] or more: the kind and the toll together name the event (two raids on one day
/// seldom kill the same 56 people; a battle and the shelling in it may both count 12 dead).
pub const W_SAME_KIND_AND_FIGURE: f32 = 0.15;
/// Bonus when two reports of one sub-event type on one day (date cue [`DATE_SAME_CARRIED_DAY`]
/// or more; not both dated only by their publication) count its dead at 10 or more and two of their counts are within
/// [`CLOSE_FIGURE_RATIO`] of each other (73 and 85): tolls rise and sources differ, but two
/// events of one kind on one day seldom kill that many within that range.
pub const W_CLOSE_FIGURES: f32 = 0.05;
/// Penalty when, at a broad place (not one town or spot), one mention counts only civilians
/// dead and the other only fighters (the sides its counts name): two incidents of the city's
/// day, told by their victims.
pub const W_VICTIMS_DIFFER: f32 = 0.10;
/// Weighted Jaccard of the wording under which two statements (kinds told by many speakers a
/// day: `data/families.tsv` scores them below one with themselves) are told in other words:
/// one speaker's words are quoted alike (a sentence reused, or a quote with its frame changed).
pub const STATEMENT_SAME_WORDS: f32 = 0.4;
/// Penalty for two statements told in other words ([`STATEMENT_SAME_WORDS`]) from articles
/// that are no near-duplicates: two speakers', not one statement.
pub const W_STATEMENTS_REWORDED: f32 = 0.10;
/// Bonus for two statements (as for [`W_STATEMENTS_REWORDED`]) that name one speaker of them
/// ([`speakers`]: "Federica Mogherini said Tuesday", "Mogherini said the regime bears"): one
/// speaker's statement told twice, in other words (and no [`W_STATEMENTS_REWORDED`] penalty).
pub const W_SAME_SPEAKER: f32 = 0.10;
/// Counts of the dead within this ratio are close ([`W_CLOSE_FIGURES`]).
pub const CLOSE_FIGURE_RATIO: f64 = 1.5;
/// Smallest count of the dead for [`W_CLOSE_FIGURES`] (small tolls are close by chance).
pub const CLOSE_FIGURE_MIN: u64 = 10;
/// A count of the dead from this up is a war's or a period's tally, not one event's toll (the
/// deadliest single events in these reports killed hundreds, the worst some 1,400): it is no
/// sign of two events when another report counts a few dozen.
pub const TALLY_SCALE_DEAD: u64 = 5000;
/// Penalty when both mentions count the killed and no two counts are close (within
/// [`FIGURE_RATIO`], [`LARGE_FIGURE_RATIO`] or [`FIGURE_GAP`] of each other): six dead in one raid,
/// forty in another.
pub const W_FIGURES_DIFFER: f32 = 0.10;
/// Two counts of one event's dead within this ratio of each other are accounts of it that
/// disagree (1,300 and 1,400; 58 and 72), not signs of two events.
pub const FIGURE_RATIO: f64 = 2.0;
/// Counts of the dead from this up are a large event's, told early and late and by sources
/// that count differently (18 and 45 dead in one air strike; 300 and 700 executed): within
/// [`LARGE_FIGURE_RATIO`] of each other they are accounts that disagree.
pub const LARGE_FIGURE: u64 = 10;
/// The ratio within which two large counts of the dead are close ([`LARGE_FIGURE`]).
pub const LARGE_FIGURE_RATIO: f64 = 3.0;
/// Two small counts fewer than this apart are close too ("two children" and "four people").
pub const FIGURE_GAP: u64 = 5;
/// Weighted Jaccard of the wording from which two sentences are one sentence reused (an agency's
/// sentence in two outlets, a sentence with a word or two changed): they report one thing.
pub const SAME_WORDING: f32 = 0.5;
/// Bonus when the two reporting sentences are one sentence reused ([`SAME_WORDING`]).
pub const W_SAME_WORDING: f32 = 0.10;
/// Least weight of the words two sentences share (a word 1, a name 2, a number 1.5, a generic
/// word a quarter) for [`SAME_WORDING`] to make them one sentence reused: a short stock line
/// ("There was no immediate claim of responsibility for the attack") is reused by every
/// report of every bombing.
pub const SAME_WORDING_MIN_SHARED: f32 = 4.0;
/// Weighted Jaccard of the wording at which the wording cue counts fully.
pub const WORDS_FULL: f32 = 0.25;
/// Weight of a shared generic word (`data/generic_words.tsv`) in the wording cue.
pub const GENERIC_WORD_WEIGHT: f32 = 0.25;
/// Weight of a name (a capitalised word inside a sentence) in the wording cue.
pub const NAME_WEIGHT: f32 = 2.0;
/// Weight of a number written in digits in the wording cue.
pub const NUMBER_WEIGHT: f32 = 1.5;
/// Penalty when one mention's sentence is a general statement (`data/general_phrases.tsv`:
/// "civilians continue to face relentless bombardment", "450 strikes since the operation
/// began") and the other's reports an incident: they share kind, day and place, not the event.
pub const W_GENERAL_VS_INCIDENT: f32 = 0.15;
/// A mention dated (by its text, not by its publication) to days ending this many days or more
/// before its article's publication is background: a past event the report recalls ("the
/// chemical attack on the town in April"), not the news it reports.
pub const BACKGROUND_DAYS: i64 = 30;
/// Bonus when one mention is background ([`BACKGROUND_DAYS`]) and both report one sub-event
/// type at one specific place (or one that seldom recurs: `data/singular_kinds.tsv`, at any
/// compatible place), both dated by their text to a month or less (not approximately: a day
/// carried over from an earlier sentence misdates recalls): outlets recall a few well-known past
/// events (a massacre, a gas attack, a town's fall), and each recall is a report of that event,
/// not another one, though told with the month or "approximately" where the news gave the day.
pub const W_BACKGROUND_SAME_EVENT: f32 = 0.15;
/// Sentences from its own that a recall's date may be read in for [`W_BACKGROUND_SAME_EVENT`]
/// (its sentence told on with the next: "... the worst attack. It was in August 2013").
pub const DATE_SENTENCE_REACH: usize = 1;
/// Kind score (`data/families.tsv`) from which two sub-event types are one kind for the cues that
/// ask for one kind (singular kind, shared or close counts, a past event recalled): a bombing
/// told with or without its suicide bomber.
pub const ONE_KIND: f32 = 0.9;
/// Total score from which two mentions are one event.
pub const MERGE_THRESHOLD: f32 = 0.75;
/// Days before its article's publication a mention dated only by that publication (the reader
/// found no date for it) may have happened on: its window is these days up to the day after the
/// publication (another outlet's dateline may be a day later).
pub const FALLBACK_LAG_DAYS: i64 = 3;
/// Date cue when one mention gives the day and the other, dated only by its publication, was
/// published within a day of it: a report of that day's news, the usual case.
pub const DATE_REPORTED_NEXT_DAY: f32 = 0.7;
/// Date cue when one mention gives the day and the other, dated only by its publication, was
/// published 2 or more days later: within tolerance, but weak.
pub const DATE_REPORTED_LATER: f32 = 0.2;
/// Date cue when both mentions are dated only by publications at most a day apart.
pub const DATE_PUBLISHED_TOGETHER: f32 = 0.5;
/// Date cue when one mention gives the day and the other the same day approximately, both give
/// it approximately (each carried over from an earlier sentence), or one gives a span of days
/// that starts on it ("since Monday").
pub const DATE_SAME_CARRIED_DAY: f32 = 0.5;
/// Days before its day that a report of a violent kind that seldom recurs even in a whole city
/// (`data/singular_kinds.tsv` scope `city`, Explosions/Remote violence: a bombing, a gas attack)
/// dated by its text may be of: outlets date such an event by the day they give its toll ("the death toll rose to
/// 112 on Sunday") or the reactions to it as often as by its own.
pub const TOLD_NEXT_DAY: i64 = 1;
/// Date cue for two such reports that give days one apart ([`TOLD_NEXT_DAY`]).
pub const DATE_TOLD_NEXT_DAY: f32 = 0.5;
/// Longest date window (days) indexed day by day; longer or unknown dates are "coarse".
pub const MAX_WINDOW_DAYS: i64 = 31;

/// `format!` when explaining, an empty string (no allocation) when only scoring.
macro_rules! why {
    ($explain:expr, $($arg:tt)*) => {
        if $explain { format!($($arg)*) } else { String::new() }
    };
}

/// One cue's score in a merge decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CueScore {
    /// `type`, `date`, `place`, `actors`, `near_duplicate`.
    pub cue: Cow<'static, str>,
    /// Its score in 0..1 before weighting.
    pub score: f32,
    /// Why ("same sub-event type", "4.2 km apart").
    pub detail: String,
}

/// The outcome of comparing two mentions.
#[derive(Debug, Clone, PartialEq)]
pub enum PairScore {
    /// They may be one event: the weighted total and each cue.
    Score {
        /// Weighted sum of the cues.
        total: f32,
        /// The cues.
        cues: Vec<CueScore>,
    },
    /// They are not one event, and why.
    Veto(String),
}

/// The blocking key of a mention within its country: the days of a window of at most
/// [`MAX_WINDOW_DAYS`] (days counted from the common era), else the year its window starts in
/// (0 when undated). Mentions are compared only with fused events filed under an overlapping
/// block, so a comparison never reaches beyond a few weeks (or one year) of one country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// First and last day, inclusive.
    Days(i32, i32),
    /// The year (coarse block).
    Year(i32),
}

/// One event as read from one article, with what fusion derives from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The per-article event.
    pub event: Event,
    /// Its article.
    pub article_id: String,
    /// The article's outlet.
    pub source: Option<String>,
    /// The article's publication date.
    pub published: Option<NaiveDate>,
    /// "the second group" → `(2, "second group")`.
    pub ordinal: Option<(u8, String)>,
    /// The cessation phrase its sentence reports ("ceasefire"), if any.
    pub cessation: Option<String>,
    /// When the cessation began by its own sentence ("since Saturday noon" → that Saturday),
    /// with the words: the first `since` date of the sentence, else its first dated point.
    pub cessation_date: Option<(NaiveDate, String)>,
    /// Hashed content-word stems of its sentence with their weights, sorted and unique (the
    /// wording cue).
    pub stems: Vec<(u64, f32)>,
    /// The days it may have happened on, inclusive; `None` when unknown.
    pub window: Option<(NaiveDate, NaiveDate)>,
    /// The date is a single day read from the text (not a fallback to publication).
    pub explicit_day: bool,
    /// Its location is broad ([`broad_place`]; false without a location).
    pub broad_place: bool,
    /// Its location's name as compared across spellings (`name_key`; empty without a location).
    pub place_key: String,
    /// The date is only the article's publication date (the reader found none for the event):
    /// weak evidence, its window is the [`FALLBACK_LAG_DAYS`] before it.
    pub date_fallback: bool,
    /// The targets its sentence names (`data/targets.tsv`, one bit each: [`Lexicons::targets`]).
    pub targets: u32,
    /// The phrase by which its sentence tells a general state of things, not one incident
    /// (`data/general_phrases.tsv`: "continue to", "since the operation"), if any; none when it
    /// counts dead or wounded (not as a tally).
    pub general: Option<String>,
    /// Its text dates it [`BACKGROUND_DAYS`] or more before its article's publication: a past
    /// event recalled.
    pub background: bool,
    /// The names that speak in its sentence ([`speakers`]), as stem hashes.
    pub speakers: Vec<u64>,
    /// The phrase by which its sentence counts over a period of days (`data/period_phrases.tsv`:
    /// "seven days of airstrikes", "in the past 24 hours"), if any.
    pub period: Option<String>,
}

fn last_of_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).map_or(d, |n| n - Duration::days(1))
}

impl Mention {
    /// A mention of `event` in an article.
    pub fn new(
        mut event: Event,
        article_id: &str,
        source: Option<String>,
        published: Option<NaiveDate>,
        lex: &Lexicons,
    ) -> Mention {
        // A day the reader carried from an earlier sentence ("On 8 May, police raided a house.
        // A suspect was shot.") is its inference: across reports it is known to a few days.
        let carried = event.date.precision == DatePrecision::Day
            && event
                .date
                .evidence
                .as_ref()
                .is_some_and(|ev| ev.sentence < event.evidence.sentence);
        if carried {
            event.date.precision = DatePrecision::Approximate;
        }
        let text = if event.notes.is_empty() {
            event.evidence.text.as_str()
        } else {
            event.notes.as_str()
        };
        let ordinal = lex.ordinal(text);
        let cessation = lex.cessation(text);
        let cessation_date = cessation.as_ref().and_then(|_| {
            let found =
                sitrep_time::find_dates(text, sitrep_model::Span::new(0, text.len()), published);
            let pick = found
                .iter()
                .find(|d| d.role == sitrep_time::DateRole::Since && d.date.is_some())
                .or_else(|| {
                    found.iter().find(|d| {
                        d.role == sitrep_time::DateRole::Point
                            && d.precision == DatePrecision::Day
                            && d.date.is_some()
                    })
                });
            pick.and_then(|d| Some((d.date?, d.span.of(text).to_string())))
        });
        let d = &event.date;
        let explicit = d.evidence.is_some();
        // no evidence: the reader fell back to the publication date (a day, or "approximate")
        let date_fallback = !explicit
            && d.date.is_some()
            && matches!(
                d.precision,
                DatePrecision::Day | DatePrecision::AsOf | DatePrecision::Approximate
            );
        let window = d.date.and_then(|start| {
            let days = Duration::days;
            let end = d.end.filter(|e| *e >= start);
            match d.precision {
                // fell back to the publication date: the event is on it or shortly before
                // (or a day after: a dateline in another time zone)
                _ if date_fallback => Some((start - days(FALLBACK_LAG_DAYS), start + days(1))),
                // carried over from a sentence or two before: that day, or one next to it
                _ if carried => Some((
                    start - days(CARRIED_DAY_SLACK),
                    start + days(CARRIED_DAY_SLACK),
                )),
                DatePrecision::Day | DatePrecision::AsOf => Some((start, end.unwrap_or(start))),
                DatePrecision::Week => Some((start, end.unwrap_or(start + days(6)))),
                DatePrecision::Month => Some((start, end.unwrap_or(last_of_month(start)))),
                DatePrecision::Year => Some((start, end.unwrap_or(start + days(364)))),
                DatePrecision::Approximate => Some((start - days(3), start + days(3))),
                DatePrecision::Unresolved => None,
            }
        });
        let explicit_day = explicit
            && matches!(d.precision, DatePrecision::Day | DatePrecision::AsOf)
            && d.end.is_none();
        // a bombing or a gas attack told by its day: outlets date it by the day they give its
        // toll or the reactions to it as often as by its own, so it may be the day before (not
        // a deal: its accounts' days are what tells them apart)
        let window = match window {
            Some((start, end))
                if explicit_day
                    && lex.singular_in_city.contains(&event.sub_event_type)
                    && event.sub_event_type.event_type()
                        == sitrep_model::EventType::ExplosionsRemoteViolence =>
            {
                Some((start - Duration::days(TOLD_NEXT_DAY), end))
            }
            w => w,
        };
        Mention {
            article_id: article_id.to_string(),
            source,
            published,
            ordinal,
            cessation,
            cessation_date,
            stems: {
                let mut s = stems(text, lex);
                broad_place_words_generic(&mut s, event.location.as_ref());
                s
            },
            broad_place: event.location.as_ref().is_some_and(broad_place),
            place_key: event
                .location
                .as_ref()
                .map_or_else(String::new, |p| name_key(&p.name)),
            background: explicit
                && matches!((window, published), (Some((_, end)), Some(p))
                    if (p - end).num_days() >= BACKGROUND_DAYS),
            window,
            explicit_day,
            date_fallback,
            targets: lex.targets(text),
            speakers: speakers(text),
            period: lex.period(text),
            // (a sentence that counts an incident's dead or wounded tells that incident)
            general: if event.quantities.iter().any(|q| {
                !q.tally
                    && matches!(
                        q.kind,
                        sitrep_model::QuantityKind::Killed | sitrep_model::QuantityKind::Injured
                    )
            }) {
                None
            } else {
                lex.general(text)
            },
            event,
        }
    }

    /// The event's id (the mention id).
    pub fn id(&self) -> &str {
        &self.event.id
    }

    /// Country code of its place, `?` when unknown (the blocking key).
    pub fn country_key(&self) -> String {
        self.event
            .location
            .as_ref()
            .and_then(|p| p.country_code.clone())
            .unwrap_or_else(|| "?".into())
    }

    /// Its window when short enough to index day by day.
    pub fn day_window(&self) -> Option<(NaiveDate, NaiveDate)> {
        self.window
            .filter(|(a, b)| (*b - *a).num_days() <= MAX_WINDOW_DAYS)
    }

    /// The blocks it is filed under and compared within (with its [`Mention::country_key`]).
    pub fn block(&self) -> Block {
        match self.day_window() {
            Some((a, b)) => Block::Days(a.num_days_from_ce(), b.num_days_from_ce()),
            None => Block::Year(self.window.map_or(0, |(a, _)| a.year())),
        }
    }

    /// Every place of the mention: its location, other locations, destination excluded.
    pub fn places(&self) -> impl Iterator<Item = &PlaceRef> {
        self.event
            .location
            .iter()
            .chain(self.event.other_locations.iter())
    }
}

/// Words that say nothing about which event a sentence reports.
const STOP_WORDS: &[&str] = &[
    "that",
    "this",
    "with",
    "from",
    "have",
    "were",
    "said",
    "their",
    "which",
    "would",
    "there",
    "about",
    "after",
    "they",
    "been",
    "also",
    "into",
    "over",
    "than",
    "when",
    "where",
    "syria",
    "syrian",
    "while",
    "since",
    "other",
    "some",
    "more",
    "according",
    "told",
    "says",
];

/// Content-word stems of a sentence with their weights: words of four letters or more,
/// lower-cased, stop words left out, cut to their first five letters ("evacuate" and "evacuated"
/// meet), hashed, sorted. A generic word of conflict news (`data/generic_words.tsv`: "killed",
/// "civilians") weighs [`GENERIC_WORD_WEIGHT`], a name (capitalised inside a sentence: "Jayrud",
/// "Qaterji") [`NAME_WEIGHT`], a number [`NUMBER_WEIGHT`], any other word 1; a stem met more than
/// once keeps its highest weight.
pub fn stems(text: &str, lex: &Lexicons) -> Vec<(u64, f32)> {
    let mut out: Vec<(u64, f32)> = Vec::new();
    let mut sentence_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        let start = rest.find(char::is_alphanumeric).unwrap_or(rest.len());
        let gap = &rest[..start];
        if gap.contains(['.', '!', '?', ':', '"', '\n']) {
            sentence_start = true;
        }
        rest = &rest[start..];
        let end = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word = &rest[..end];
        rest = &rest[end..];
        if word.is_empty() {
            continue;
        }
        let at_start = std::mem::replace(&mut sentence_start, false);
        if word.chars().count() < 4 {
            continue;
        }
        let lower = word.to_lowercase();
        if STOP_WORDS.contains(&lower.as_str()) {
            continue;
        }
        let weight = if lower.chars().all(|c| c.is_ascii_digit()) {
            NUMBER_WEIGHT
        } else if lex.generic_words.contains(&lower) {
            GENERIC_WORD_WEIGHT
        } else if !at_start && word.starts_with(char::is_uppercase) {
            NAME_WEIGHT
        } else {
            1.0
        };
        out.push((stem_hash(&lower), weight));
    }
    // sort by stem, the highest weight first, and keep that one
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
    out.dedup_by_key(|s| s.0);
    out
}

/// The hash of a lower-case word's stem (its first five letters).
fn stem_hash(lower: &str) -> u64 {
    lower
        .chars()
        .take(5)
        .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
            (h ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01B3)
        })
}

/// Verbs by which a statement is told ("Lindqvist said", "Lindqvist told reporters").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "stated",
    "added",
    "warned",
    "urged",
    "stressed",
    "insisted",
    "accused",
    "blamed",
    "announced",
    "declared",
    "condemned",
    "denied",
];

/// Words that may stand between a speaker and its verb ("Lindqvist also said", "Lindqvist on
/// Tuesday said"; a weekday too: `sitrep_time::is_weekday_name`).
const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "on",
    "also",
    "again",
    "later",
    "then",
    "has",
    "had",
    "directly",
    "strongly",
    "today",
    "yesterday",
];

/// The names that speak in a sentence, as stem hashes ([`stem_hash`]): each capitalised word of
/// four letters or more right before a speech verb ([`SPEECH_VERBS`]; up to three words of
/// [`BETWEEN_SPEAKER_AND_VERB`] or weekdays may stand between), not a weekday: "Federica
/// Mogherini said Tuesday" and "Hollande directly blamed" give "mogherini" and "hollande".
pub fn speakers(text: &str) -> Vec<u64> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !SPEECH_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)) {
            continue;
        }
        let mut j = i;
        while j > 0 && i - j < 3 {
            let before = words[j - 1].to_lowercase();
            if BETWEEN_SPEAKER_AND_VERB.contains(&before.as_str())
                || sitrep_time::is_weekday_name(&before)
            {
                j -= 1;
            } else {
                break;
            }
        }
        let Some(name) = j.checked_sub(1).map(|k| words[k]) else {
            continue;
        };
        let lower = name.to_lowercase();
        if name.starts_with(char::is_uppercase)
            && name.chars().count() >= 4
            && !sitrep_time::is_weekday_name(&lower)
        {
            out.push(stem_hash(&lower));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The stems of a mention's broad place ([`broad_place`]: "Aleppo", "Idlib") weigh as generic
/// words in its wording: the place cue already counts it, and every report of the city names it.
fn broad_place_words_generic(stems: &mut [(u64, f32)], place: Option<&PlaceRef>) {
    let Some(p) = place.filter(|p| broad_place(p)) else {
        return;
    };
    for name in [p.mention.as_str(), p.name.as_str()] {
        for word in name.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() < 4 {
                continue;
            }
            let hash = stem_hash(&word.to_lowercase());
            if let Ok(i) = stems.binary_search_by_key(&hash, |s| s.0) {
                stems[i].1 = stems[i].1.min(GENERIC_WORD_WEIGHT);
            }
        }
    }
}

/// Weighted Jaccard similarity of two sorted, unique stem lists: the weight both share (the
/// lower of the two) over the words either holds, each counted at its weight but at least 1, so
/// that sentences sharing only generic words stay far apart however short they are.
pub fn jaccard(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (shared, union) = overlap(a, b);
    if union <= 0.0 {
        0.0
    } else {
        shared / union
    }
}

/// The weight two sorted, unique stem lists share and the weight of their union
/// ([`jaccard`]).
fn overlap(a: &[(u64, f32)], b: &[(u64, f32)]) -> (f32, f32) {
    let (mut i, mut j, mut shared, mut union) = (0, 0, 0f32, 0f32);
    loop {
        let (x, y) = (a.get(i), b.get(j));
        let step = match (x, y) {
            (None, None) => break,
            (Some(x), Some(y)) if x.0 == y.0 => {
                shared += x.1.min(y.1);
                (1, 1, x.1.max(y.1))
            }
            (Some(x), Some(y)) if x.0 < y.0 => (1, 0, x.1),
            (Some(x), None) => (1, 0, x.1),
            (_, Some(y)) => (0, 1, y.1),
        };
        i += step.0;
        j += step.1;
        union += step.2.max(1.0);
    }
    (shared, union)
}

/// Great-circle distance in km.
pub fn distance_km(a: &PlaceRef, b: &PlaceRef) -> Option<f64> {
    let (la1, lo1, la2, lo2) = (a.lat?, a.lon?, b.lat?, b.lon?);
    let (p1, p2) = (la1.to_radians(), la2.to_radians());
    let dp = (la2 - la1).to_radians();
    let dl = (lo2 - lo1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    Some(6371.0 * 2.0 * h.sqrt().min(1.0).asin())
}

/// Letters of a place name that identify it across spellings: lower case, diacritics folded
/// to their letters ("Qāmishlī" -> "qamishli"), ASCII letters only, a leading Arabic article
/// left out ("Ar-Raqqa" and "Raqqah" -> "raqqa", "raqqah").
fn name_key(name: &str) -> String {
    let words = sitrep_places::normalise::plain_words(name);
    let skip = usize::from(words.first().is_some_and(|w| {
        ["al", "ar", "as", "ad", "ash", "at", "az", "an", "el"].contains(&w.as_str())
    }));
    words[skip..]
        .iter()
        .flat_map(|w| w.chars())
        .filter(char::is_ascii_alphabetic)
        .collect()
}

/// Whether two place-name keys are one name spelt two ways ("idlib" / "idleb", "hasakah" /
/// "hasakeh"): a common start of three letters or more and lengths within two of each other.
fn same_name_key(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 3 && a.len().abs_diff(b.len()) <= 2
}

/// Whether two place-name keys ([`name_key`]) of five letters or more are one name spelt two
/// ways: at most two letters added, dropped or changed ("idleb" / "idlib", "deirsharqi" /
/// "deiralsharqi"; not "deirsharqi" / "deirhafer"). Stricter than [`same_name_key`], which only
/// compares names at one area's coordinates.
fn spelt_two_ways(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    if a == b {
        return true;
    }
    // edit distance, one row at a time
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (prev + usize::from(x != y))
                .min(row[j] + 1)
                .min(row[j + 1] + 1);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()] <= 2
}

/// Whether a place says little about where an event was: a province or country
/// (`geo_precision` 3, no first-level division), or a city named like its province ("Aleppo"
/// in Aleppo, "Idlib" in Idleb, "Brussels" in Brussels Capital), which outlets also write for
/// the province, and where many events happen on one day. Two reports sharing only such a
/// place share little.
pub fn broad_place(p: &PlaceRef) -> bool {
    let Some(admin1) = p.admin1.as_deref() else {
        return true;
    };
    // (a name the gazetteer did not know is read at the province's precision, but names one spot)
    if p.geo_precision >= 3 && !p.unresolved_name {
        return true;
    }
    let province = name_key(admin1);
    [p.name.as_str(), p.mention.as_str()].iter().any(|n| {
        let key = name_key(n);
        same_name_key(&key, &province) || (key.len() >= 4 && province.starts_with(&key))
    })
}

/// Whether one place is a name the gazetteer did not know that begins with the other's (known)
/// name, in the same province: "Qamishli Hasaka" (a town and its province run together) is
/// Qamishli. The unknown name is read at the province's precision, which would make the two
/// only "within the province".
fn unknown_name_runs_on(p: &PlaceRef, q: &PlaceRef) -> bool {
    // (the flags first: most pairs have no unknown name, and the keys allocate)
    let runs_on = |u: &PlaceRef, k: &PlaceRef| {
        if !u.unresolved_name
            || k.unresolved_name
            || (u.admin1.is_some() && k.admin1.is_some() && u.admin1 != k.admin1)
        {
            return false;
        }
        let known = [name_key(&k.name), name_key(&k.mention)];
        [name_key(&u.name), name_key(&u.mention)].iter().any(|uk| {
            known
                .iter()
                .any(|kk| kk.len() >= 4 && uk.len() > kk.len() && uk.starts_with(kk.as_str()))
        })
    };
    runs_on(p, q) || runs_on(q, p)
}

/// The consonants of a place-name key ([`name_key`]) with doubled letters written once: what
/// transliterations of one Arabic name keep ("Millis" and "Meles" -> "mls").
fn skeleton(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether one place is a name the gazetteer did not know whose first word is the other's
/// name transliterated with other vowels or doubled letters ([`skeleton`]: "Millis
/// Idlib", a town and its province run together, and Meles), in the same province or with
/// none: names of five letters or more, three consonants or more.
fn unknown_name_transliterated(p: &PlaceRef, q: &PlaceRef) -> bool {
    let spelt = |u: &PlaceRef, k: &PlaceRef| {
        if !u.unresolved_name || (u.admin1.is_some() && k.admin1.is_some() && u.admin1 != k.admin1)
        {
            return false;
        }
        let first = u
            .name
            .split_whitespace()
            .next()
            .map_or_else(String::new, name_key);
        let known = name_key(&k.name);
        let sk = skeleton(&known);
        first.len() >= 5 && known.len() >= 5 && sk.len() >= 3 && skeleton(&first) == sk
    };
    spelt(p, q) || spelt(q, p)
}

/// Whether two places are the same entry (GeoNames id, else name and admin1).
pub fn same_place(a: &PlaceRef, b: &PlaceRef) -> bool {
    match (a.geonameid, b.geonameid) {
        (Some(x), Some(y)) => x == y,
        _ => a.name.eq_ignore_ascii_case(&b.name) && a.admin1 == b.admin1,
    }
}

/// Whether any place of one mention is the same as, or within `km` of, any place of the other
/// (or, without coordinates, in the same admin1).
pub fn places_near(a: &Mention, b: &Mention, km: f64) -> Option<String> {
    for p in a.places() {
        for q in b.places() {
            if same_place(p, q) {
                return Some(format!("both at {}", p.name));
            }
            if let Some(d) = distance_km(p, q) {
                if d <= km && p.geo_precision <= 2 && q.geo_precision <= 2 {
                    return Some(format!("{} and {} {d:.1} km apart", p.name, q.name));
                }
            } else if p.admin1.is_some() && p.admin1 == q.admin1 {
                return Some(format!("both in {}", p.admin1.as_deref().unwrap_or("")));
            }
        }
    }
    None
}

/// The day a mention's weak date points at: its article's publication when the reader found no
/// date ([`Mention::date_fallback`]). (A day known only approximately — carried over from an
/// earlier sentence — is not one: counted as weak evidence of the day it joined reports of
/// other days in the FA-KES audit.)
fn weak_day(m: &Mention) -> Option<NaiveDate> {
    if m.date_fallback {
        m.window.map(|(_, end)| end - Duration::days(1))
    } else {
        None
    }
}

/// The day of a date known only approximately (a single day: carried over from an earlier
/// sentence, or "around"), not a fallback to publication.
fn carried_day(m: &Mention) -> Option<NaiveDate> {
    let d = &m.event.date;
    (!m.date_fallback && d.precision == DatePrecision::Approximate && d.end.is_none())
        .then_some(d.date)
        .flatten()
}

/// The first day of a span of days read from the text ("since Monday": that Monday up to the
/// report), `None` for a single day or a coarser date.
fn span_start(m: &Mention) -> Option<NaiveDate> {
    let d = &m.event.date;
    (d.evidence.is_some()
        && matches!(d.precision, DatePrecision::Day | DatePrecision::AsOf)
        && d.end.is_some_and(|e| Some(e) > d.date))
    .then_some(d.date)
    .flatten()
}

/// Whether one report gives a day and the other a span of days from that day ("a truce in force
/// since Monday" and "the truce that came into force on September 12"), or both spans start on
/// one day.
fn same_first_day(a: &Mention, b: &Mention) -> bool {
    let day = |m: &Mention| {
        if m.explicit_day {
            m.event.date.date
        } else {
            span_start(m)
        }
    };
    (span_start(a).is_some() || span_start(b).is_some())
        && matches!((day(a), day(b)), (Some(x), Some(y)) if x == y)
}

fn date_score(a: &Mention, b: &Mention, explain: bool) -> Result<CueScore, String> {
    let cue = |score: f32, detail: String| CueScore {
        cue: "date".into(),
        score,
        detail,
    };
    match (a.window, b.window) {
        (Some((a0, a1)), Some((b0, b1))) => {
            if a1 < b0 || b1 < a0 {
                return Err(why!(explain, "dates apart: {a0}..{a1} vs {b0}..{b1}"));
            }
            // (the day itself: a bombing's window reaches the day before it, TOLD_NEXT_DAY)
            let (ad, bd) = (
                a.event.date.date.unwrap_or(a0),
                b.event.date.date.unwrap_or(b0),
            );
            if a.explicit_day && b.explicit_day {
                // (in a whole country, days apart are two events: many happen there)
                let country =
                    |m: &Mention| m.event.location.as_ref().is_none_or(|p| p.admin1.is_none());
                if ad != bd && (country(a) || country(b)) {
                    return Err(why!(explain, "days apart in a country: {ad} / {bd}"));
                }
                return Ok(if ad == bd {
                    cue(1.0, why!(explain, "same day {ad}"))
                } else {
                    cue(
                        DATE_TOLD_NEXT_DAY,
                        why!(
                            explain,
                            "{ad} / {bd}: a bombing (a gas attack) and a report dated by the next day"
                        ),
                    )
                });
            }
            // one gives the day, the other only its publication date
            let reported = match (a.explicit_day, weak_day(b), b.explicit_day, weak_day(a)) {
                (true, Some(w), _, _) => Some((ad, w)),
                (_, _, true, Some(w)) => Some((bd, w)),
                _ => None,
            };
            if let Some((day, weak)) = reported {
                let lag = (weak - day).num_days();
                // (published more than a day before the day it would report: a bombing's
                // window reaches the day before it, an undated report's the day after its
                // publication, and no further)
                if lag < -1 {
                    return Err(why!(
                        explain,
                        "{day}, and {weak} (publication of an undated report): published before"
                    ));
                }
                return Ok(if lag.abs() <= 1 {
                    cue(
                        DATE_REPORTED_NEXT_DAY,
                        why!(
                            explain,
                            "{day}, and {weak} (publication of an undated report)"
                        ),
                    )
                } else {
                    cue(
                        DATE_REPORTED_LATER,
                        why!(explain, "{day}, and {weak} (publication of an undated report), {lag} days apart"),
                    )
                });
            }
            // one gives the day, the other the same day known approximately (carried over
            // from an earlier sentence of its article)
            let same_carried = match (
                a.explicit_day,
                carried_day(b),
                b.explicit_day,
                carried_day(a),
            ) {
                (true, Some(d), _, _) => d == ad,
                (_, _, true, Some(d)) => d == bd,
                _ => false,
            };
            // both known approximately, around the same day (each carried over from an earlier
            // sentence of its article)
            let same_carried = same_carried
                || matches!((carried_day(a), carried_day(b)), (Some(x), Some(y)) if x == y)
                || same_first_day(a, b);
            if same_carried {
                return Ok(cue(
                    DATE_SAME_CARRIED_DAY,
                    why!(
                        explain,
                        "same day, approximately or as the start of a span ({a0}..{a1} / {b0}..{b1})"
                    ),
                ));
            }
            if let (Some(x), Some(y)) = (weak_day(a), weak_day(b)) {
                let apart = (x - y).num_days().abs();
                let score = if apart <= 1 {
                    DATE_PUBLISHED_TOGETHER
                } else {
                    0.25
                };
                return Ok(cue(
                    score,
                    why!(explain, "both undated, published {x} / {y}"),
                ));
            }
            // (a day carried over from an earlier sentence and another day next to it: within
            // its precision only)
            let carried = carried_day(a).is_some() || carried_day(b).is_some();
            if (a1 - a0).num_days() <= 2 && (b1 - b0).num_days() <= 2 && !carried {
                Ok(cue(
                    0.5,
                    why!(explain, "within publication lag ({a0}..{a1} / {b0}..{b1})"),
                ))
            } else {
                Ok(cue(
                    0.25,
                    why!(explain, "within precision ({a0}..{a1} / {b0}..{b1})"),
                ))
            }
        }
        _ => Ok(cue(0.2, why!(explain, "date unknown"))),
    }
}

/// `province_kind`: both report a kind that seldom recurs even in a whole city (a gas attack, a
/// bombing, a deal), which outlets tell by the province as often as by the town: a city named
/// like its province and a town of that province far from the city are then within the
/// province (for other kinds, the city is the city and the town too far from it).
fn place_score(
    a: &Mention,
    b: &Mention,
    province_kind: bool,
    explain: bool,
) -> Result<CueScore, String> {
    let cue = |score: f32, detail: String| CueScore {
        cue: "place".into(),
        score,
        detail,
    };
    let (Some(p), Some(q)) = (&a.event.location, &b.event.location) else {
        return Ok(cue(0.3, why!(explain, "place unknown")));
    };
    if let (Some(x), Some(y)) = (&p.country_code, &q.country_code) {
        if x != y {
            return Err(why!(explain, "different countries {x} / {y}"));
        }
    }
    let broad = a.broad_place || b.broad_place;
    if same_place(p, q) {
        return Ok(if broad {
            cue(
                BROAD_PLACE,
                why!(
                    explain,
                    "same broad place {} (a city named like its province, a province or country)",
                    p.name
                ),
            )
        } else {
            cue(1.0, why!(explain, "same place {}", p.name))
        });
    }
    // One place under two names: a broad one scores as a broad place.
    let one_place = |broad: bool, how: &str| {
        if broad {
            cue(
                BROAD_PLACE,
                why!(explain, "{} / {}: a broad place{how}", p.name, q.name),
            )
        } else {
            cue(
                1.0,
                why!(explain, "{} / {}: one place{how}", p.name, q.name),
            )
        }
    };
    if unknown_name_runs_on(p, q) {
        return Ok(one_place(broad, " under a longer unknown name"));
    }
    if unknown_name_transliterated(p, q) {
        // (broad when the other is a known broad place)
        let known_broad =
            (!p.unresolved_name && a.broad_place) || (!q.unresolved_name && b.broad_place);
        return Ok(one_place(known_broad, ", its name spelt with other vowels"));
    }
    let precision = p.geo_precision.max(q.geo_precision).max(1);
    if precision >= 3 {
        return match (&p.admin1, &q.admin1) {
            (Some(x), Some(y)) if x != y => Err(why!(explain, "different provinces {x} / {y}")),
            // one name spelt two ways ("Idleb" / "Idlib", "Deir Sharqi" / "Deir al-Sharqi"),
            // one of them read at the province's precision: one broad place
            _ if spelt_two_ways(&a.place_key, &b.place_key) => Ok(cue(
                BROAD_PLACE,
                why!(explain, "{} / {}: one name spelt two ways", p.name, q.name),
            )),
            _ => Ok(cue(
                0.5,
                why!(explain, "{} / {} within the province", p.name, q.name),
            )),
        };
    }
    let one_area = distance_km(p, q).is_some_and(|d| d <= 3.0);
    if p.unresolved_name && q.unresolved_name && one_area {
        // two names the gazetteer did not know, both at the coordinates of the area around them:
        // one name spelt two ways ("al-Hamadanyia", "al-Hamadaniyeh"), or two spots somewhere in
        // that area ("Saif al-Dawleh" and "al-Zahraa" in Aleppo)
        return Ok(if same_name_key(&a.place_key, &b.place_key) {
            cue(
                BROAD_PLACE,
                why!(
                    explain,
                    "{} / {}: one unknown name spelt two ways",
                    p.name,
                    q.name
                ),
            )
        } else {
            cue(
                0.5,
                why!(
                    explain,
                    "{} / {}: two unknown names in one area",
                    p.name,
                    q.name
                ),
            )
        });
    }
    if let Some(d) = distance_km(p, q) {
        let limit = if precision == 1 { 10.0 } else { 30.0 };
        if d <= limit {
            let score = if d <= 3.0 {
                0.9
            } else {
                0.9 - 0.4 * (d / limit) as f32
            };
            // a place in or near a broad one: the city's many events all lie there; a name the
            // gazetteer did not know has the coordinates of the area around it
            let score = if broad || p.unresolved_name || q.unresolved_name {
                score.min(BROAD_PLACE)
            } else {
                score
            };
            return Ok(cue(
                score,
                why!(explain, "{} / {} {d:.1} km apart", p.name, q.name),
            ));
        }
        return match places_near(a, b, 3.0) {
            Some(near) => Ok(cue(0.6, why!(explain, "other places: {near}"))),
            None if province_kind && broad && p.admin1.is_some() && p.admin1 == q.admin1 => {
                Ok(cue(
                    0.5,
                    why!(
                        explain,
                        "{} / {} {d:.0} km apart, within the province the city is named like",
                        p.name,
                        q.name
                    ),
                ))
            }
            None => Err(why!(explain, "{} / {} {d:.0} km apart", p.name, q.name)),
        };
    }
    match (&p.admin1, &q.admin1) {
        (Some(x), Some(y)) if x == y => Ok(cue(0.4, why!(explain, "both in {x}"))),
        (Some(x), Some(y)) => Err(why!(explain, "different provinces {x} / {y}")),
        _ => Ok(cue(0.3, why!(explain, "places without coordinates"))),
    }
}

fn specific_actors(e: &Event) -> Vec<&str> {
    e.actor1
        .iter()
        .chain(e.actor2.iter())
        .chain(e.assoc_actor_1.iter())
        .chain(e.assoc_actor_2.iter())
        .filter(|a| {
            a.inter != 0 && !a.name.starts_with("Unidentified") && !a.name.starts_with("Civilians")
        })
        .map(|a| a.name.as_str())
        .collect()
}

fn actor_score(a: &Mention, b: &Mention, lex: &Lexicons, explain: bool) -> CueScore {
    let (x, y) = (specific_actors(&a.event), specific_actors(&b.event));
    let shared = || {
        x.iter().find_map(|n| {
            let (side, state) = lex.actor_side(n);
            y.iter()
                .find(|m| lex.actor_side(m) == (side, state))
                .map(|m| (*n, *m))
        })
    };
    let (score, detail) = if x.is_empty() || y.is_empty() {
        (0.5, why!(explain, "actors unknown on one side"))
    } else if let Some((n, m)) = shared() {
        if n == m {
            (1.0, why!(explain, "shared actor {n}"))
        } else if lex.actor_side(n).1 {
            (1.0, why!(explain, "one state's forces: {n} / {m}"))
        } else {
            (
                1.0,
                why!(explain, "one group, filed under two countries: {n} / {m}"),
            )
        }
    } else {
        (
            ACTORS_DISAGREE,
            why!(explain, "no shared actor ({} / {})", x[0], y[0]),
        )
    };
    CueScore {
        cue: "actors".into(),
        score,
        detail,
    }
}

/// The counts of the dead a mention gives, from `min` up, tallies, war-wide figures
/// ([`TALLY_SCALE_DEAD`] and more) and vague words ([`vague`]: "many killed") left out.
fn dead_counted(m: &Mention, min: u64) -> Vec<u64> {
    m.event
        .quantities
        .iter()
        .filter(|q| {
            !q.tally
                && !vague(q)
                && q.kind == sitrep_model::QuantityKind::Killed
                && (min..TALLY_SCALE_DEAD).contains(&q.value)
        })
        .map(|q| q.value)
        .collect()
}

/// Counts of the dead both mentions give (not tallies, 2 or more) with no two of them close
/// ([`FIGURE_RATIO`], [`FIGURE_GAP`]): `(a's count, b's count)`.
fn figures_differ(a: &Mention, b: &Mention) -> Option<(u64, u64)> {
    let (x, y) = (dead_counted(a, 2), dead_counted(b, 2));
    let close = |p: u64, q: u64| {
        let ratio = if p.min(q) >= LARGE_FIGURE {
            LARGE_FIGURE_RATIO
        } else {
            FIGURE_RATIO
        };
        p.abs_diff(q) < FIGURE_GAP || (p.max(q) as f64) <= ratio * p.min(q) as f64
    };
    let apart =
        !x.is_empty() && !y.is_empty() && !x.iter().any(|&p| y.iter().any(|&q| close(p, q)));
    apart.then(|| (x[0], y[0]))
}

/// When the mention with the larger count of the dead counts over a period of days
/// ([`Mention::period`]) and the other does not: a total of those days, of which the other's
/// count may be a part. `(larger, smaller, the period phrase)`.
fn part_of_total<'m>(a: &'m Mention, b: &'m Mention) -> Option<(u64, u64, &'m str)> {
    let (mx, my) = (
        dead_counted(a, 2).into_iter().max()?,
        dead_counted(b, 2).into_iter().max()?,
    );
    let (big, small, l, s) = if mx > my {
        (mx, my, a, b)
    } else {
        (my, mx, b, a)
    };
    match (&l.period, &s.period) {
        (Some(phrase), None) => Some((big, small, phrase.as_str())),
        _ => None,
    }
}

/// Words that give no figure, only a size ("dozens", "hundreds", "several"): the reader codes
/// them as ACLED does ("dozens" = 12), so two reports that both say "dozens" share a code, not
/// a count.
const VAGUE_WORDS: &[&str] = &[
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "millions",
    "tens",
    "several",
    "many",
    "some",
    "numerous",
    "few",
];

/// A count read from a vague word ([`VAGUE_WORDS`]), not written as a figure: "dozens of
/// people", not "about 12" or "a dozen".
fn vague(q: &sitrep_model::Quantity) -> bool {
    let text = q.evidence.text.to_ascii_lowercase();
    q.approximate
        && !text.bytes().any(|c| c.is_ascii_digit())
        && text
            .split(|c: char| !c.is_ascii_alphabetic())
            .rfind(|w| !w.is_empty() && *w != "of")
            .is_some_and(|w| VAGUE_WORDS.contains(&w))
}

/// Sides of the dead ([`sitrep_model::Quantity::side`]) that are civilians.
const CIVILIAN_SIDES: &[&str] = &[
    "civilians",
    "civilian",
    "children",
    "women",
    "residents",
    "passengers",
];

/// Sides of the dead that are fighters (of any party).
const FIGHTER_SIDES: &[&str] = &[
    "terrorists",
    "fighters",
    "militants",
    "rebels",
    "soldiers",
    "jihadists",
    "troops",
    "army",
    "regime forces",
    "insurgents",
    "extremists",
    "officers",
    "gunmen",
    "regime soldiers",
    "policemen",
    "militiamen",
    "servicemen",
    "pro-regime forces",
    "government forces",
    "attackers",
    // ("14 members of the terrorist group": of a group, as these reports count them)
    "members",
];

/// Words that name a civilian in a count's own words when the reader gave it no side ("killing
/// a woman", "a child died").
const CIVILIAN_WORDS: &[&str] = &["woman", "child", "boy", "girl", "baby", "civilian"];

/// Whom a mention counts dead, when its counts name a side: `Some(true)` when all are
/// civilians, `Some(false)` when all are fighters, `None` when unsaid or mixed.
fn civilian_dead(m: &Mention) -> Option<bool> {
    let (mut civ, mut fight) = (false, false);
    for q in m
        .event
        .quantities
        .iter()
        .filter(|q| !q.tally && q.kind == sitrep_model::QuantityKind::Killed)
    {
        let Some(side) = q.side.as_deref().map(str::to_ascii_lowercase) else {
            // (no side: a civilian named in the count's words, "killing a woman")
            civ |= q
                .evidence
                .text
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| CIVILIAN_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)));
            continue;
        };
        civ |= CIVILIAN_SIDES.contains(&side.as_str());
        fight |= FIGHTER_SIDES.contains(&side.as_str());
    }
    (civ != fight).then_some(civ)
}

/// Counts of the dead of two mentions that are close but not equal ([`W_CLOSE_FIGURES`]):
/// `(a's count, b's count)`. (Vague words are no counts: [`vague`].)
fn close_figures(a: &Mention, b: &Mention) -> Option<(u64, u64)> {
    let (x, y) = (
        dead_counted(a, CLOSE_FIGURE_MIN),
        dead_counted(b, CLOSE_FIGURE_MIN),
    );
    x.iter().find_map(|&p| {
        y.iter()
            .find(|&&q| p != q && (p.max(q) as f64) <= CLOSE_FIGURE_RATIO * p.min(q) as f64)
            .map(|&q| (p, q))
    })
}

/// The largest casualty count both mentions give: `("killed", 16)`. (Not a vague word read as
/// a count on both sides: "dozens killed" and "dozens killed" share no figure: [`vague`].)
fn same_figure(a: &Mention, b: &Mention) -> Option<(&'static str, u64)> {
    use sitrep_model::QuantityKind::{Injured, Killed};
    let mut best: Option<(&'static str, u64)> = None;
    for q in a
        .event
        .quantities
        .iter()
        .filter(|q| !q.tally && q.value >= 2 && !vague(q))
    {
        let kind = match q.kind {
            Killed => "killed",
            Injured => "injured",
            _ => continue,
        };
        let same = b
            .event
            .quantities
            .iter()
            .any(|r| !r.tally && r.kind == q.kind && r.value == q.value && !vague(r));
        if same && best.is_none_or(|(_, v)| q.value > v) {
            best = Some((kind, q.value));
        }
    }
    best
}

/// Its date was read in its own sentence or the next one ([`DATE_SENTENCE_REACH`]), not carried
/// from sentences away; a date read nowhere (the publication's) is not.
fn date_in_own_sentence(m: &Mention) -> bool {
    m.event
        .date
        .evidence
        .as_ref()
        .is_some_and(|d| d.sentence.abs_diff(m.event.evidence.sentence) <= DATE_SENTENCE_REACH)
}

/// Both mentions name a specific place (not a broad one: [`broad_place`]; their own or another
/// their sentences name) and no specific place of one is one of the other's (by name: the
/// gazetteer gives a city's quarters the city's coordinates).
fn sub_places_differ(a: &Mention, b: &Mention) -> bool {
    let specific = |m: &Mention| -> Vec<String> {
        m.places()
            .filter(|p| !broad_place(p))
            .map(|p| name_key(&p.name))
            .collect()
    };
    let (x, y) = (specific(a), specific(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|k| y.iter().any(|l| same_name_key(k, l)))
}

/// Compare two mentions. `near_duplicate` is the similarity of their articles when those are
/// near-duplicates of each other; with `explain`, every cue and veto says why (slower).
pub fn score_pair(
    a: &Mention,
    b: &Mention,
    near_duplicate: Option<f32>,
    lex: &Lexicons,
    explain: bool,
) -> PairScore {
    if let (Some((x, xs)), Some((y, ys))) = (&a.ordinal, &b.ordinal) {
        if x != y {
            return PairScore::Veto(why!(explain, "ordinals differ: {xs} / {ys}"));
        }
    }
    if a.event.tally != b.event.tally {
        return PairScore::Veto(why!(explain, "a tally and a single event"));
    }
    let Some((type_score, why)) = lex.type_score(a.event.sub_event_type, b.event.sub_event_type)
    else {
        return PairScore::Veto(why!(
            explain,
            "kinds differ: {} / {}",
            a.event.sub_event_type.acled_name(),
            b.event.sub_event_type.acled_name()
        ));
    };
    // one kind: the same sub-event type, or two types outlets use for one event alike
    // (families.tsv at ONE_KIND or more: a bombing told with or without its suicide bomber)
    let same_kind = a.event.sub_event_type == b.event.sub_event_type || type_score >= ONE_KIND;
    let date = match date_score(a, b, explain) {
        Ok(c) => c,
        Err(why) => return PairScore::Veto(why),
    };
    let province_kind = same_kind
        && lex.singular_in_city.contains(&a.event.sub_event_type)
        && lex.singular_in_city.contains(&b.event.sub_event_type);
    let place = match place_score(a, b, province_kind, explain) {
        Ok(c) => c,
        Err(why) => return PairScore::Veto(why),
    };
    let actors = actor_score(a, b, lex, explain);
    // wording: a weighted Jaccard of WORDS_FULL or more counts fully
    let (shared_words, union_words) = overlap(&a.stems, &b.stems);
    let similarity = if union_words <= 0.0 {
        0.0
    } else {
        shared_words / union_words
    };
    // (two undated reports of one outlet: its boilerplate repeats, so their words count less;
    // not for a kind that seldom recurs at a place, which is evidence of its own - a front's
    // clashes recur daily, and the outlet tells each day's in its stock words)
    let same_outlet = a.source.is_some() && a.source == b.source && a.article_id != b.article_id;
    let undated_same_outlet = same_outlet
        && a.date_fallback
        && b.date_fallback
        && !lex.singular_kinds.contains(&a.event.sub_event_type)
        && !lex.singular_kinds.contains(&b.event.sub_event_type);
    let words = CueScore {
        cue: "words".into(),
        score: (similarity / WORDS_FULL).min(1.0)
            * if undated_same_outlet {
                SAME_OUTLET_WORDS
            } else {
                1.0
            },
        detail: why!(
            explain,
            "weighted content-word overlap {similarity:.2}{}",
            if undated_same_outlet {
                ", two undated reports of one outlet (its boilerplate repeats)"
            } else {
                ""
            }
        ),
    };
    // (not a short stock line: SAME_WORDING_MIN_SHARED)
    let same_wording = similarity >= SAME_WORDING && shared_words >= SAME_WORDING_MIN_SHARED;
    // kinds outlets confuse (a family, not the same type), at one specific place on a day both
    // give: one day's fighting told as an air strike by one and as shelling by the other (not in
    // a broad place: a city has fighting and shelling on one day)
    let (type_score, why) =
        if type_score < TYPE_SAME_PLACE_DAY && place.score >= 0.9 && date.score >= 1.0 {
            (
                TYPE_SAME_PLACE_DAY,
                "kinds outlets confuse, at one place on one day",
            )
        } else {
            (type_score, why)
        };
    let mut total = W_TYPE * type_score
        + W_DATE * date.score
        + W_PLACE * place.score
        + W_ACTORS * actors.score
        + W_WORDS * words.score;
    let same_place = place.score >= 0.9;
    // one day both give (or one approximately, or as the start of a span)
    let same_day = date.score >= DATE_SAME_CARRIED_DAY;
    let same_place_day = same_place && same_day;
    // a broad place (or a part of it) on a day both give: half the bonus
    let same_city_day = !same_place && place.score >= BROAD_PLACE && date.score >= 1.0;
    let mut cues = vec![
        CueScore {
            cue: "type".into(),
            score: type_score,
            detail: if explain {
                why.to_string()
            } else {
                String::new()
            },
        },
        date,
        place,
        actors,
        words,
    ];
    // A cue that moves the total by its points (a penalty's are negative), with its score
    // before weighting and why: each merge decision lists every cue that counted.
    macro_rules! add_cue {
        ($cue:expr, $points:expr, $score:expr, $detail:expr) => {{
            total += $points;
            cues.push(CueScore {
                cue: $cue.into(),
                score: $score,
                detail: $detail,
            });
        }};
    }
    let short = |m: &Mention| {
        m.window
            .is_some_and(|(x, y)| (y - x).num_days() < SINGULAR_WINDOW_DAYS)
    };
    let kind = a.event.sub_event_type;
    // (or one dated to a day or a week, the other to the month around it: "last month's
    // gas attack on the town" and the attack)
    let month_of = |x: &Mention, y: &Mention| short(x) && y.day_window().is_some();
    // (a kind of scope `place`, a town changing hands or an evacuation: not when both dates are
    // carried over from earlier sentences - a town is taken and retaken, an evacuation runs in
    // phases, and two reports that each borrow a day may tell two steps of it)
    let place_scope = !lex.singular_in_city.contains(&kind);
    let both_carried = a.event.date.precision == DatePrecision::Approximate
        && b.event.date.precision == DatePrecision::Approximate;
    if same_kind
        && lex.singular_kinds.contains(&kind)
        && lex.singular_kinds.contains(&b.event.sub_event_type)
        && same_place
        && !(place_scope && both_carried)
        && (month_of(a, b) || month_of(b, a))
    {
        let within = if short(a) && short(b) {
            "within days"
        } else {
            "within a month"
        };
        add_cue!(
            "singular_kind",
            W_SINGULAR_KIND,
            1.0,
            why!(
                explain,
                "{} seldom recurs at one place {within}",
                kind.acled_name()
            )
        );
    }
    // a bombing (a capture, a deal) at a broad place (a city named like its province) on a day
    // both give: a city sees many strikes a day, seldom two bombings
    // (never in a whole country: a country sees many such a day, and a sentence that names
    // only the country is often a remark on such attacks, not a report of one)
    let country = |m: &Mention| {
        m.event
            .location
            .as_ref()
            .is_some_and(|p| p.admin1.is_none())
    };
    let singular_broad = !same_place
        && same_kind
        && lex.singular_in_city.contains(&kind)
        && lex.singular_in_city.contains(&b.event.sub_event_type)
        && !(country(a) || country(b))
        && short(a)
        && short(b);
    // (in a city, or in one province on a day both give explicitly: "a gas attack in Idlib
    // province on Tuesday" and the attack on a town of it that day)
    let in_province = cues[2].score >= 0.5 && cues[1].score >= 1.0;
    if singular_broad && (cues[2].score >= BROAD_PLACE || in_province) {
        // (on one day both give the full bonus in a city, that of a specific place in a
        // province; on days a few apart within their precision, that of a specific place)
        // (a town within NEAR_CITY_KM of the broad city, read as a city and not its province, on
        // a day both give explicitly: the full bonus - the city's name stands for its
        // countryside, a deal's phase told at the capital and at the town it evacuated)
        let near_city = a.broad_place != b.broad_place
            && match (&a.event.location, &b.event.location) {
                (Some(p), Some(q)) => {
                    p.geo_precision < 3
                        && q.geo_precision < 3
                        && distance_km(p, q).is_some_and(|d| d <= NEAR_CITY_KM)
                }
                _ => false,
            };
        let (bonus, when) = if same_day && cues[2].score >= BROAD_PLACE {
            (W_SINGULAR_CITY, "in one city on one day")
        } else if same_day && cues[1].score >= 1.0 && near_city {
            (
                W_SINGULAR_CITY,
                "at a town near a city named like its province, on one day",
            )
        } else if same_day {
            (W_SINGULAR_KIND, "in one province on one day")
        } else {
            (W_SINGULAR_KIND, "in one city within days")
        };
        add_cue!(
            "singular_kind",
            bonus,
            bonus / W_SINGULAR_KIND,
            why!(explain, "{} seldom recurs {when}", kind.acled_name())
        );
    }
    // (either singular bonus above, and many dead counted by either report)
    let singular = cues.iter().any(|c| c.cue == "singular_kind");
    let deadly = singular
        .then(|| {
            dead_counted(a, LARGE_FIGURE)
                .into_iter()
                .chain(dead_counted(b, LARGE_FIGURE))
                .max()
        })
        .flatten();
    if let Some(dead) = deadly {
        add_cue!(
            "deadly_singular",
            W_DEADLY_SINGULAR,
            1.0,
            why!(
                explain,
                "{} that killed {dead}: seldom two such at one place within days",
                kind.acled_name()
            )
        );
    }
    let shared_targets = a.targets & b.targets;
    if shared_targets != 0 && short(a) && short(b) {
        // (more on one day both give: a city's hospitals are seldom hit twice in a day)
        let (bonus, when) = if same_day {
            (W_SAME_TARGET + W_SAME_TARGET_DAY, " on one day")
        } else {
            (W_SAME_TARGET, "")
        };
        add_cue!(
            "same_target",
            bonus,
            bonus / W_SAME_TARGET,
            why!(
                explain,
                "both name the {} hit{when}",
                lex.target_list(shared_targets).join(", ")
            )
        );
    }
    if same_place_day {
        add_cue!(
            "same_place_day",
            W_SAME_PLACE_DAY,
            1.0,
            why!(explain, "one town or spot on one day")
        );
        // (many dead counted by either report: a town's or a spot's deadly day is one event
        // told by all its reports)
        let dead = dead_counted(a, LARGE_FIGURE)
            .into_iter()
            .chain(dead_counted(b, LARGE_FIGURE))
            .max();
        // (not for a general statement or a count over the war or a period beside it: the
        // day's toll does not make the war's tally, or a line on the siege, that day's event)
        let background_line = |m: &Mention| {
            m.general.is_some()
                || m.event.quantities.iter().any(|q| {
                    q.kind == sitrep_model::QuantityKind::Killed
                        && (q.tally || q.value >= TALLY_SCALE_DEAD)
                })
        };
        let dead = dead.filter(|_| !(background_line(a) || background_line(b)));
        // (only for one kind: two kinds outlets confuse on one day at a town are as often two
        // of its incidents, each with its toll, as one told two ways)
        if let Some(dead) = dead.filter(|_| deadly.is_none() && same_kind) {
            add_cue!(
                "deadly_place_day",
                W_DEADLY_SINGULAR,
                1.0,
                why!(
                    explain,
                    "{dead} killed at one town or spot on one day: seldom two such"
                )
            );
        }
    }
    // (not when both name parts of it and none is shared: the shelling of one quarter and a
    // strike on another village of the province are two incidents of its day)
    // (not in a whole country: it has many incidents a day)
    if same_city_day && !sub_places_differ(a, b) && !(country(a) || country(b)) {
        add_cue!(
            "same_place_day",
            W_SAME_PLACE_DAY / 2.0,
            0.5,
            why!(explain, "one broad place on one day both give")
        );
    }
    if same_wording {
        add_cue!(
            "same_wording",
            W_SAME_WORDING,
            1.0,
            why!(
                explain,
                "one sentence, reused by both reports (overlap {similarity:.2})"
            )
        );
    }
    let shared = same_figure(a, b);
    // a large count of one kind of event at one place or province, one report a recall (a past
    // event, or a date known to a week or a month) of the other's: no chance figure across days
    let recall = |m: &Mention| {
        m.background
            || matches!(
                m.event.date.precision,
                DatePrecision::Week | DatePrecision::Month
            )
    };
    let in_province = cues[2].score >= 0.5;
    let recalled_count = |value: u64| {
        value >= LARGE_SHARED_FIGURE && same_kind && in_province && (recall(a) || recall(b))
    };
    if let Some((kind, value)) = shared {
        let (bonus, why) = if value < SMALL_FIGURE {
            (
                W_SAME_FIGURE / 2.0,
                ", a small count often shared by chance",
            )
        } else if value % ROUND_FIGURE == 0 && !same_day && !recalled_count(value) {
            (
                W_SAME_FIGURE / 2.0,
                ", a round count on days apart, often shared by chance",
            )
        } else if same_kind {
            (W_SAME_KIND_AND_FIGURE, ", and one kind of event")
        } else {
            (W_SAME_FIGURE, "")
        };
        add_cue!(
            "same_figure",
            bonus,
            bonus / W_SAME_FIGURE,
            why!(explain, "both report {value} {kind}{why}")
        );
    }
    // one counts only civilians dead, the other only fighters, at a broad place (not one town
    // or spot): two incidents of a city's day (a rebel offensive repelled, the shelling of a
    // quarter), told by their victims
    let victims_differ = !same_place
        && matches!(
            (civilian_dead(a), civilian_dead(b)),
            (Some(x), Some(y)) if x != y
        );
    if victims_differ {
        add_cue!(
            "victims_differ",
            -W_VICTIMS_DIFFER,
            1.0,
            why!(
                explain,
                "one counts civilians dead, the other fighters, at a broad place"
            )
        );
    }
    // (not when they share a count: that is the stronger cue above; not for two reports both
    // dated only by their publication: each outlet's tally of the day before; not for counts
    // of different victims)
    let close = if same_kind
        && same_day
        && shared.is_none()
        && !victims_differ
        && !(a.date_fallback && b.date_fallback)
    {
        close_figures(a, b)
    } else {
        None
    };
    if let Some((x, y)) = close {
        add_cue!(
            "close_figures",
            W_CLOSE_FIGURES,
            1.0,
            why!(
                explain,
                "{x} killed / {y} killed: close counts of one kind of event"
            )
        );
    }
    let differ = figures_differ(a, b);
    // (not when the larger count is told over a period of days: the other's may be a part of it)
    let part = differ.and_then(|_| part_of_total(a, b));
    if let Some((big, small, phrase)) = part {
        add_cue!(
            "part_of_total",
            0.0,
            0.0,
            why!(
                explain,
                "{big} killed counted over a period ('{phrase}'), {small} killed: a part of it, no figures_differ"
            )
        );
    }
    if let Some((x, y)) = differ.filter(|_| part.is_none()) {
        add_cue!(
            "figures_differ",
            -W_FIGURES_DIFFER,
            1.0,
            why!(explain, "{x} killed / {y} killed")
        );
    }
    // a past event recalled, and another report of it (the news, or another recall)
    // (dated by the text to a day, a week or a month: not a day carried over from an earlier
    // sentence or "around", which misdates recalls)
    // (and read in its own sentence or the next: a date carried from sentences away, though
    // told as a month, is the article's other event's - a finding of 2017 given the month of
    // the 2013 attack named three sentences before)
    let month_or_less = |m: &Mention| {
        m.day_window().is_some()
            && m.event.date.precision != DatePrecision::Approximate
            && date_in_own_sentence(m)
    };
    if (a.background || b.background)
        && same_kind
        && month_or_less(a)
        && month_or_less(b)
        && (same_place
            || (lex.singular_kinds.contains(&kind) && cues[2].score >= BROAD_PLACE)
            || shared.is_some_and(|(_, v)| recalled_count(v)))
    {
        add_cue!(
            "background_same_event",
            W_BACKGROUND_SAME_EVENT,
            1.0,
            why!(
                explain,
                "a past {} recalled, and another report of it at that place",
                kind.acled_name()
            )
        );
    }
    // a general statement and an incident (not two general statements, not one sentence reused)
    let general = match (&a.general, &b.general) {
        (Some(g), None) | (None, Some(g)) if !same_wording => Some(g),
        _ => None,
    };
    if let Some(g) = general {
        add_cue!(
            "general_vs_incident",
            -W_GENERAL_VS_INCIDENT,
            1.0,
            why!(
                explain,
                "one tells a general state of things ('{g}'), the other an incident"
            )
        );
    }
    // two statements (a kind that scores below one with itself, `data/families.tsv`: many a
    // day, by many speakers) told in other words, from articles that are no near-duplicates:
    // one speaker's words are quoted alike, so these are two speakers' (the opposition's blame
    // and the government's, two ministers' remarks on one attack)
    let statements = a.event.sub_event_type == b.event.sub_event_type && type_score < 1.0;
    // (unless both name one speaker: that speaker's statement told twice)
    let same_speaker = statements && a.speakers.iter().any(|s| b.speakers.contains(s));
    if same_speaker {
        add_cue!(
            "same_speaker",
            W_SAME_SPEAKER,
            1.0,
            why!(
                explain,
                "two statements that name one speaker: one statement told twice"
            )
        );
    }
    if statements && !same_speaker && similarity < STATEMENT_SAME_WORDS && near_duplicate.is_none()
    {
        add_cue!(
            "statements_reworded",
            -W_STATEMENTS_REWORDED,
            1.0,
            why!(
                explain,
                "two statements in other words (overlap {similarity:.2}): two speakers'"
            )
        );
    }
    if let Some(sim) = near_duplicate {
        add_cue!(
            "near_duplicate",
            W_NEAR_DUPLICATE,
            sim,
            why!(
                explain,
                "articles are near-duplicates (similarity {sim:.2})"
            )
        );
    }
    PairScore::Score { total, cues }
}

#[cfg(test)]
mod name_key_tests {
    use super::{name_key, same_name_key};

    #[test]
    fn diacritics_fold_to_their_letters() {
        assert_eq!(name_key("Qāmishlī"), "qamishli");
        assert_eq!(name_key("Qamishli"), "qamishli");
        assert_eq!(name_key("Al-Qāmishlī"), "qamishli");
        assert!(same_name_key(&name_key("Ḥarastā"), &name_key("Harasta")));
        assert!(super::spelt_two_ways(
            &name_key("Idleb"),
            &name_key("Idlib")
        ));
        assert!(super::spelt_two_ways(
            &name_key("Deir Sharqi"),
            &name_key("Deir al-Sharqi")
        ));
        assert!(!super::spelt_two_ways(
            &name_key("Deir Sharqi"),
            &name_key("Deir Hafer")
        ));
        assert!(!super::spelt_two_ways(&name_key("Homs"), &name_key("Hama")));
        assert_eq!(name_key("Ar-Raqqa"), "raqqa");
        assert_eq!(name_key("Ma'arrat al-Nu'man"), "maarratalnuman");
    }
}
