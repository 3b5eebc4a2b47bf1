//! How alike two mentions are: one score per cue (kind, date, place, actors, near-duplicate
//! articles) and the vetoes that keep look-alikes apart (ordinals, dates or places outside their
//! precision, tallies vs single events, a user's split).
//!
//! The cues live one per file: `place.rs`, `date.rs`, `actors.rs`,
//! `figures.rs` (counts of the dead), `words.rs` (wording and speakers); [`Mention`] (what
//! fusion derives from a reader's event) in `mention.rs`; the weights and [`score_pair`], which
//! adds the cues up and applies the vetoes and bonuses, here.

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
/// Kind score (`data/families.tsv`) from which two recalls of one past episode, by one month
/// at one place, are one event though told as two kinds of a family (a protest told as
/// dispersed by one outlet, as peaceful by another): [`W_BACKGROUND_SAME_EVENT`].
pub const RECALLED_FAMILY: f32 = 0.7;
/// Why two recalls of how the war began ([`sitrep_model::Event::war_outbreak`]) told as protests
/// of kinds `data/families.tsv` does not relate are still of one kind, at [`RECALLED_FAMILY`].
pub const UPRISING_KINDS: &str = "the uprising that began the war, told as peaceful or as crushed";
/// Weighted Jaccard of the wording from which two recalls by one year only are told alike
/// enough to be one episode ([`RECALLED_FAMILY`]).
pub const RECALLED_YEAR_WORDS: f32 = 0.15;
/// Sentences from its own that a recall's date may be read in for [`W_BACKGROUND_SAME_EVENT`]
/// (its sentence told on with the next: "... the worst attack. It was in August 2013").
pub const DATE_SENTENCE_REACH: usize = 1;
/// Kind score (`data/families.tsv`) from which two sub-event types are one kind for the cues that
/// ask for one kind (singular kind, shared or close counts, a past event recalled): a bombing
/// told with or without its suicide bomber.
pub const ONE_KIND: f32 = 0.9;
/// Bonus when the two mentions' articles report another event alike (a pair of their other
/// mentions scores over the threshold, [`CO_REPORT`]): two articles that tell one story tell
/// its other events too, by other words, places and days (the strike "near Damascus" and the
/// one on the town); added by the fuser, which knows the articles (not for near-duplicate
/// articles, which have their own bonus).
pub const W_CO_REPORT: f32 = 0.05;
/// The cue [`W_CO_REPORT`] is filed under.
pub const CO_REPORT: &str = "co_report";
/// Total score from which two mentions are one event.
pub const MERGE_THRESHOLD: f32 = 0.75;
/// Total score from which a pair kept apart is a near-miss: close enough to the threshold for a
/// reader to look at (audits, `sitrep candidates`).
pub const NEAR_MISS_FLOOR: f32 = 0.55;
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
/// The reader's rule for a night told before its report ("overnight", "last night"): dated by
/// the day the night ended, it may be reported by others on the evening it began.
pub const NIGHT_BEFORE_RULE: &str = "night-before-publication";
/// Longest date window (days) indexed day by day; longer or unknown dates are "coarse".
pub const MAX_WINDOW_DAYS: i64 = 31;
/// Shortest window (days) of a date told by its month ("in March", 28 to 31 days): compared
/// with the year-dated fused events of its year as well as with its days' (a recall "in 2011"
/// and one "in March 2011" are compared).
pub const MONTH_WINDOW_DAYS: i64 = 28;

/// `format!` when explaining, an empty string (no allocation) when only scoring.
macro_rules! why {
    ($explain:expr, $($arg:tt)*) => {
        if $explain { format!($($arg)*) } else { String::new() }
    };
}

mod actors;
mod date;
mod figures;
mod mention;
mod place;
mod words;

use actors::*;
use date::*;
use figures::*;
use place::*;
use words::*;

pub use mention::Mention;
pub use place::{broad_place, distance_km, places_near, same_place};
pub use words::{jaccard, speakers, stems};

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

/// What a blocking key of a mention within its country counts: a day of a window of at most
/// [`MAX_WINDOW_DAYS`] (days counted from the common era), the year a longer or unknown window
/// starts in (0 when undated), or a year of a window told by its month (so that "in 2011" and
/// "in March 2011" meet). Mentions are compared only with fused events filed under a key they
/// look in ([`Mention::filed_under`], [`Mention::looks_in`]), so a comparison never reaches
/// beyond a few weeks (or one year) of one country. The store keeps the kind as
/// `fused_blocks.coarse` (0, 1, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// A day.
    Day = 0,
    /// The year of a year-dated (or undated) mention.
    Year = 1,
    /// A year of a month-dated mention.
    MonthYear = 2,
}

/// Blocking keys of one kind, `first` to `last` inclusive (days or years).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRange {
    /// What the keys count.
    pub kind: BlockKind,
    /// The first key.
    pub first: i32,
    /// The last key.
    pub last: i32,
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
    // (two recalls of how the war began: the uprising, told as peaceful or as crushed)
    let uprising = [a, b].iter().all(|m| {
        m.event.war_outbreak.is_some()
            && m.event.sub_event_type.event_type() == sitrep_model::EventType::Protests
    });
    let Some((type_score, why)) = lex
        .type_score(a.event.sub_event_type, b.event.sub_event_type)
        .or_else(|| uprising.then_some((RECALLED_FAMILY, UPRISING_KINDS)))
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
    // (two places named apart, one a village the gazetteer lacks: a toll shared by the
    // attacks on two villages of a province is no sign they are one)
    let unknown_place = |m: &Mention| m.event.location.as_ref().is_some_and(|p| p.unresolved_name);
    let named_apart = cues[2].score < 0.5 && (unknown_place(a) || unknown_place(b));
    if let Some((kind, value)) = shared.filter(|_| !named_apart) {
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
    // (or both recall one past episode by the same month (or week, or day), at one place, broad
    // or not: "the war began in March 2011 with protests", "the uprising of March 2011 met
    // with a crackdown", a kind or its family - the protests told as dispersed or not; by a
    // year only when told alike, one stock line reused: not "66 journalists killed in 2014"
    // and "attacked since its caliphate in 2014")
    // (not the catch-all kind Other: two things of one year at a city, a siege and a grave)
    let one_episode = a.background
        && b.background
        && kind != sitrep_model::SubEventType::Other
        && type_score >= RECALLED_FAMILY
        && (a.day_window().is_some() || similarity >= RECALLED_YEAR_WORDS)
        && a.window == b.window
        && date_in_own_sentence(a)
        && date_in_own_sentence(b)
        && cues[2].score >= BROAD_PLACE;
    // (or both tell how the country's war began, the uprising that started it: one episode of
    // the country, whichever town, kind of protest, wording or date within it each gives)
    let same_outbreak = a.event.war_outbreak.is_some()
        && b.event.war_outbreak.is_some()
        && type_score >= RECALLED_FAMILY
        && a.country_key() == b.country_key()
        && a.window
            .zip(b.window)
            .is_some_and(|((a0, a1), (b0, b1))| a0 <= b1 && b0 <= a1);
    if one_episode
        || same_outbreak
        || (a.background || b.background)
            && same_kind
            && month_or_less(a)
            && month_or_less(b)
            && (same_place
                || (lex.singular_kinds.contains(&kind) && cues[2].score >= BROAD_PLACE)
                || shared.is_some_and(|(_, v)| recalled_count(v)))
    {
        let why = match (&a.event.war_outbreak, &b.event.war_outbreak) {
            (Some(x), Some(y)) if same_outbreak => {
                why!(explain, "both recall how the war began ('{x}' / '{y}')")
            }
            _ => why!(
                explain,
                "a past {} recalled, and another report of it at that place",
                kind.acled_name()
            ),
        };
        add_cue!("background_same_event", W_BACKGROUND_SAME_EVENT, 1.0, why);
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
