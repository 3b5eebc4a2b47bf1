//! Counts of the dead as fusion cues: the same or close figures, figures that differ, a part of
//! a total, and whose dead (civilians or fighters) a report counts.

use super::*;

/// The counts of the dead a mention gives, from `min` up, tallies, war-wide figures
/// ([`TALLY_SCALE_DEAD`] and more) and vague words ([`vague`]: "many killed") left out.
pub(super) fn dead_counted(m: &Mention, min: u64) -> Vec<u64> {
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
pub(super) fn figures_differ(a: &Mention, b: &Mention) -> Option<(u64, u64)> {
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
pub(super) fn part_of_total<'m>(a: &'m Mention, b: &'m Mention) -> Option<(u64, u64, &'m str)> {
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
pub(super) const VAGUE_WORDS: &[&str] = &[
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
pub(super) fn vague(q: &sitrep_model::Quantity) -> bool {
    let text = q.evidence.text.to_ascii_lowercase();
    q.approximate
        && !text.bytes().any(|c| c.is_ascii_digit())
        && text
            .split(|c: char| !c.is_ascii_alphabetic())
            .rfind(|w| !w.is_empty() && *w != "of")
            .is_some_and(|w| VAGUE_WORDS.contains(&w))
}

/// Sides of the dead ([`sitrep_model::Quantity::side`]) that are civilians.
pub(super) const CIVILIAN_SIDES: &[&str] = &[
    "civilians",
    "civilian",
    "children",
    "women",
    "residents",
    "passengers",
];

/// Sides of the dead that are fighters (of any party).
pub(super) const FIGHTER_SIDES: &[&str] = &[
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
pub(super) const CIVILIAN_WORDS: &[&str] = &["woman", "child", "boy", "girl", "baby", "civilian"];

/// Whom a mention counts dead, when its counts name a side: `Some(true)` when all are
/// civilians, `Some(false)` when all are fighters, `None` when unsaid or mixed.
pub(super) fn civilian_dead(m: &Mention) -> Option<bool> {
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
pub(super) fn close_figures(a: &Mention, b: &Mention) -> Option<(u64, u64)> {
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
pub(super) fn same_figure(a: &Mention, b: &Mention) -> Option<(&'static str, u64)> {
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
