//! The date cue: whether two mentions' days agree (same day, one carried over from an earlier
//! sentence, an undated report and its publication, spans) or lie apart beyond their precision.

use super::*;

/// The day a mention's weak date points at: its article's publication when the reader found no
/// date ([`Mention::date_fallback`]). (A day known only approximately — carried over from an
/// earlier sentence — is not one: counted as weak evidence of the day it joined reports of
/// other days in the FA-KES audit.)
pub(super) fn weak_day(m: &Mention) -> Option<NaiveDate> {
    if m.date_fallback {
        m.window.map(|(_, end)| end - Duration::days(1))
    } else {
        None
    }
}

/// The day of a date known only approximately (a single day: carried over from an earlier
/// sentence, or "around"), not a fallback to publication.
pub(super) fn carried_day(m: &Mention) -> Option<NaiveDate> {
    let d = &m.event.date;
    (!m.date_fallback && d.precision == DatePrecision::Approximate && d.end.is_none())
        .then_some(d.date)
        .flatten()
}

/// The first day of a span of days read from the text ("since Monday": that Monday up to the
/// report), `None` for a single day or a coarser date.
pub(super) fn span_start(m: &Mention) -> Option<NaiveDate> {
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
pub(super) fn same_first_day(a: &Mention, b: &Mention) -> bool {
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

pub(super) fn date_score(a: &Mention, b: &Mention, explain: bool) -> Result<CueScore, String> {
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

/// Its date was read in its own sentence or the next one ([`DATE_SENTENCE_REACH`]), not carried
/// from sentences away; a date read nowhere (the publication's) is not.
pub(super) fn date_in_own_sentence(m: &Mention) -> bool {
    m.event
        .date
        .evidence
        .as_ref()
        .is_some_and(|d| d.sentence.abs_diff(m.event.evidence.sentence) <= DATE_SENTENCE_REACH)
}
