//! One event as fusion sees it ([`Mention`]): the reader's event with what fusion derives from
//! it once (date window and block, place key, wording stems, speakers, general or background
//! line, targets).

use super::*;

/// One event as read from one article, with what fusion derives from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The per-article event.
    pub event: Box<Event>,
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
    /// The date is only the article's publication date (the reader found none for the event),
    /// or the day a toll was told as of: weak evidence, its window is the [`FALLBACK_LAG_DAYS`]
    /// before it.
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

pub(super) fn last_of_month(d: NaiveDate) -> NaiveDate {
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
        // a toll as of a day ("has risen to 61, a monitor said on Tuesday") dates its count, not
        // the killing: known as a report's publication is, on it or shortly before
        // (so does the day a statement told it, when nothing else dates it: "the army said on
        // Friday it had taken the town")
        let said_on = d
            .evidence
            .as_ref()
            .is_some_and(|e| e.rule.ends_with(sitrep_model::SAID_ON_DAY));
        let explicit = d.evidence.is_some() && d.precision != DatePrecision::AsOf && !said_on;
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
        // "overnight", "last night": the night that ended on that day began the evening
        // before, which other reports give as the event's day (a raid at dusk on Monday told
        // on Tuesday as "overnight")
        let overnight = d
            .evidence
            .as_ref()
            .is_some_and(|e| e.rule.ends_with(NIGHT_BEFORE_RULE));
        let window = window.map(|(start, end)| {
            if overnight && d.precision == DatePrecision::Day {
                (start - Duration::days(1), end)
            } else {
                (start, end)
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
            event: Box::new(event),
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

    /// The years of its window when it is a month's ([`MONTH_WINDOW_DAYS`] up to
    /// [`MAX_WINDOW_DAYS`] days, "in March 2011"); none for a shorter window.
    fn month_years(&self) -> Option<(i32, i32)> {
        self.day_window()
            .filter(|(a, b)| (*b - *a).num_days() + 1 >= MONTH_WINDOW_DAYS)
            .map(|(a, b)| (a.year(), b.year()))
    }

    /// Its day window as days from the common era, or the year its coarse window starts in.
    fn days_or_year(&self) -> Result<(i32, i32), i32> {
        match self.day_window() {
            Some((a, b)) => Ok((a.num_days_from_ce(), b.num_days_from_ce())),
            None => Err(self.window.map_or(0, |(a, _)| a.year())),
        }
    }

    /// The blocking keys it is filed under (with its [`Mention::country_key`]): its days, and
    /// when dated by a month its years as a month's; else its year.
    pub fn filed_under(&self) -> Vec<BlockRange> {
        let range = |kind, (first, last)| BlockRange { kind, first, last };
        match self.days_or_year() {
            Ok(days) => std::iter::once(range(BlockKind::Day, days))
                .chain(self.month_years().map(|y| range(BlockKind::MonthYear, y)))
                .collect(),
            Err(year) => vec![range(BlockKind::Year, (year, year))],
        }
    }

    /// The blocking keys it looks in for fused events to meet: its days, and when dated by a
    /// month the year-dated ones of its years; else its year's year-dated and month-dated ones.
    pub fn looks_in(&self) -> Vec<BlockRange> {
        let range = |kind, (first, last)| BlockRange { kind, first, last };
        match self.days_or_year() {
            Ok(days) => std::iter::once(range(BlockKind::Day, days))
                .chain(self.month_years().map(|y| range(BlockKind::Year, y)))
                .collect(),
            Err(year) => vec![
                range(BlockKind::Year, (year, year)),
                range(BlockKind::MonthYear, (year, year)),
            ],
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
