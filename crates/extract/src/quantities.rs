//! Figures: what each number in a sentence counts (killed, injured, evacuated, buses ...), whose
//! side it belongs to, and the fatality total as ACLED codes it.
//!
//! A number counts what the cue right before it governs ("killing 2"), else the noun right after
//! it ("six buses", "3 fatalities"), else the first count verb after it in the clause ("250 pro-regime
//! forces, 233 militants and 60 civilians dead"). A single victim with a killing verb ("shot dead a
//! farmer", "the victim died") counts one. ACLED's own statement "N fatalities" overrides the sum.

use sitrep_model::{Quantity, QuantityKind, SideClass, Span};
use sitrep_text::NumberMention;

use crate::doc::Doc;

/// ACLED codebook values for vague words that the number reader marks `vague`.
fn acled_vague_value(word: &str, value: u64) -> u64 {
    match word {
        "several" | "many" | "some" | "a few" | "few" | "multiple" | "unknown" | "numerous" => 10,
        _ => value,
    }
}

/// The figures of sentence `i` (dates and times excluded).
pub fn read_sentence(doc: &Doc, i: usize) -> Vec<Quantity> {
    let text = doc.text;
    let sentence = doc.sentences[i];
    let cues = doc.cues;
    let date_spans: Vec<Span> = doc.dates[i].iter().map(|d| d.span).collect();
    let kind_hits: Vec<(Span, QuantityKind)> = {
        let mut v: Vec<(Span, QuantityKind)> = cues
            .quantity
            .iter()
            .filter(|(k, _)| *k != QuantityKind::Participants)
            // Without a figure only a killing verb matters (a single victim counts one).
            .filter(|(k, _)| !doc.numbers[i].is_empty() || *k == QuantityKind::Killed)
            .flat_map(|(k, set)| set.find(text, sentence).map(move |(s, _)| (s, *k)))
            .collect();
        v.sort_by_key(|(s, _)| s.start);
        v
    };
    let mut out = Vec::new();
    let numbers = &doc.numbers[i];
    for n in numbers {
        if date_spans.iter().any(|d| d.overlaps(&n.span)) || clock_time(text, n.span, &date_spans) {
            continue;
        }
        // "Some, however, dismissed the claim": a vague word standing alone is no count
        if n.vague && text[n.span.end..].starts_with(',') {
            continue;
        }
        let Some(kind) = kind_for(doc, n, &kind_hits, sentence) else {
            continue;
        };
        let side = side_after(doc, n.span.end, sentence.end.min(n.span.end + 40));
        let word = n.span.of(text).to_ascii_lowercase();
        let value = if n.vague {
            acled_vague_value(word.trim(), n.value)
        } else {
            n.value
        };
        out.push(Quantity {
            kind,
            value,
            lower_bound: n.lower_bound,
            approximate: n.approximate || n.vague,
            vague: n.vague,
            side_class: side_class(side.as_deref()),
            side,
            tally: false,
            claim: None,
            evidence: doc.evidence(i, n.span, {
                let rule = format!("quantity:{kind:?}").to_lowercase();
                let told_before = |q: &Quantity| q.kind == kind;
                if (out.iter().any(told_before) || kind == QuantityKind::Killed)
                    && part_of_earlier(text, sentence, n.span)
                {
                    rule + PART
                } else if adds_to_earlier(text, sentence, n.span) {
                    rule + MORE
                } else if kind == QuantityKind::Killed
                    && toll_told(&text[sentence.start..n.span.start]) == Some(TollTold::Rose)
                {
                    rule + RISEN_TOLL
                } else {
                    rule
                }
            }),
        });
    }
    // "6 children among 19 dead", "ten children were among at least 48 people killed": the
    // first is a part of the second.
    for k in 1..out.len() {
        let (before, after) = out.split_at_mut(k);
        let (part, whole) = (&mut before[k - 1], &after[0]);
        if part.kind == whole.kind
            && !part.evidence.rule.contains('+')
            && part_of_later(text, part.evidence.span, whole.evidence.span)
        {
            part.evidence.rule.push_str(PART);
        }
    }
    // "has risen to 41 after six of the wounded died": the wounded who died are a part of the
    // sentence's toll; without one ("Three of the wounded died in hospital"), more dead
    let of_wounded = |q: &Quantity| {
        q.kind == QuantityKind::Killed && dead_of_wounded(&text[q.evidence.span.end..sentence.end])
    };
    let toll_told = out
        .iter()
        .any(|q| q.kind == QuantityKind::Killed && !of_wounded(q));
    for q in out.iter_mut() {
        if of_wounded(q) && !q.evidence.rule.contains('+') {
            q.evidence
                .rule
                .push_str(if toll_told { PART } else { MORE });
        }
    }
    // "killed 1,500 fighters, according to a local official, while the monitor said 1,200
    // died": two accounts of the same dead in one sentence; the higher is kept as a figure,
    // not counted (ACLED is conservative).
    for k in 1..out.len() {
        let (before, after) = out.split_at_mut(k);
        let (first, second) = (&mut before[k - 1], &mut after[0]);
        if first.kind == QuantityKind::Killed
            && second.kind == QuantityKind::Killed
            && !first.evidence.rule.contains('+')
            && !second.evidence.rule.contains('+')
            && another_account(text, first.evidence.span, second.evidence.span)
        {
            let higher = if second.value >= first.value {
                second
            } else {
                first
            };
            higher.evidence.rule.push_str(HIGHER_ACCOUNT);
        }
    }
    // "Barazi had earlier reported a toll of eight": a toll the article gives an update of
    // (not the one "three more" add to: "updated its earlier toll of 15, saying three more
    // people had died")
    if !out.iter().any(|q| q.evidence.rule.ends_with(MORE)) {
        for q in out.iter_mut() {
            if q.kind == QuantityKind::Killed
                && !q.evidence.rule.contains('+')
                && earlier_toll(text, sentence, q.evidence.span)
            {
                q.evidence.rule.push_str(EARLIER_TOLL);
            }
        }
    }
    // "killed a civilian", "the victim died": one, when no figure was given.
    if !out.iter().any(|q| q.kind == QuantityKind::Killed) {
        if let Some(q) = singular_victim(doc, i, &kind_hits) {
            out.push(q);
        }
    }
    out
}

/// A time of day written as four (or three) digits: "Wed 01 Oct 2014 at 1459" (after a date
/// and "at"), "around 1130 am (0830 GMT)" (before am, pm or GMT) - no count of anything.
fn clock_time(text: &str, number: Span, date_spans: &[Span]) -> bool {
    let word = number.of(text);
    let hhmm = (3..=4).contains(&word.len())
        && word.bytes().all(|b| b.is_ascii_digit())
        && word
            .parse::<u32>()
            .is_ok_and(|v| v / 100 <= 23 && v % 100 <= 59);
    if !hhmm {
        return false;
    }
    let after = text[number.end..].trim_start().to_ascii_lowercase();
    let marked = ["am", "pm", "a.m", "p.m", "gmt", "hrs", "local time"]
        .iter()
        .any(|m| {
            after.starts_with(m) && !after[m.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        });
    let before = text[..number.start].trim_end();
    let after_dated_at = before
        .strip_suffix(" at")
        .or_else(|| before.strip_suffix(" At"))
        .is_some_and(|b| {
            let end = b.trim_end().len();
            date_spans.iter().any(|d| d.end == end)
        });
    marked || after_dated_at
}

/// The rule suffix of a figure of a campaign's tally ("more than 300 people have been killed
/// since April"): kept among the event's figures, not counted as its dead.
pub(crate) const CAMPAIGN: &str = "+campaign";

/// The rule suffix of the higher of two accounts of the same dead in one sentence ("1,500
/// fighters, according to a local official, while the monitor said 1,200 died"): kept among the
/// figures, not counted.
pub(crate) const HIGHER_ACCOUNT: &str = "+higher-account";

/// The rule suffix of a toll given before the one an article counts ("had earlier reported a
/// toll of eight"): kept among the figures, not counted.
pub(crate) const EARLIER_TOLL: &str = "+earlier-toll";

/// The rule suffix of a toll that rose ("the death toll rose to 12", "raising the toll to 12",
/// "has reached 60"): it updates the counts of the same dead told before it.
pub(crate) use sitrep_model::RISEN_TOLL;

/// The rule of a single victim named with a killing verb ("shot dead a farmer").
pub(crate) const SINGLE_VICTIM: &str = "quantity:single-victim";

/// The rule suffix of a figure that adds to those before it ("2 other policemen were killed",
/// "another 3 died"): summed with the earlier account, not read as another account of it.
const MORE: &str = "+more";

/// The rule suffix of a figure that is part of the one before it in its sentence ("112
/// civilians including 33 children", "3,000 people, among them nearly 1,000 civilians"): kept
/// as a count of that side, not added to the total.
pub(crate) const PART: &str = "+part";

/// The words of (lower-cased) text, without punctuation.
pub(crate) fn words_of(lower: &str) -> impl DoubleEndedIterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Whether the number at `number` is introduced as a part of a count before it: "including",
/// "among them", "of whom", "among whom", "among those", perhaps with "at least", "nearly"...
fn part_of_earlier(text: &str, sentence: Span, number: Span) -> bool {
    let before = text[sentence.start..number.start].to_ascii_lowercase();
    let mut words: Vec<&str> = words_of(&before).collect();
    // qualifiers of the figure ("including at least 33", "of whom nearly 1,000")
    while let Some(&w) = words.last() {
        if matches!(
            w,
            "at" | "least"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "some"
                | "more"
                | "than"
                | "over"
                | "roughly"
                | "approximately"
                | "up"
                | "to"
        ) {
            words.pop();
        } else {
            break;
        }
    }
    matches!(
        words.as_slice(),
        [.., "including" | "includes"]
            | [
                ..,
                "among" | "amongst" | "of",
                "them" | "whom" | "those" | "which"
            ]
    ) || among_the_dead(&words)
}

/// "Among the dead were", "among those killed are", "among the victims": a part of the count
/// told before, in this sentence or an earlier one.
fn among_the_dead(words: &[&str]) -> bool {
    let mut words = words;
    if let [rest @ .., "were" | "are" | "was" | "is"] = words {
        words = rest;
    }
    matches!(
        words,
        [
            ..,
            "among" | "amongst",
            "the",
            "dead" | "victims" | "killed" | "fatalities"
        ] | [.., "among" | "amongst", "those", "killed" | "dead"]
    )
}

/// Whether the figure at `part` is introduced as a part of the one at `whole` right after it:
/// "6 children among 19", "ten children were among at least 48 people", "11 children were
/// among the 26 civilians".
fn part_of_later(text: &str, part: Span, whole: Span) -> bool {
    if whole.start < part.end || whole.start - part.end > 60 {
        return false;
    }
    let between = text[part.end..whole.start].to_ascii_lowercase();
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(among) = words.iter().position(|w| *w == "among") else {
        return false;
    };
    // who the part counts, then perhaps "were", "are"; after "among" only "the" or the
    // whole's qualifiers (already in its span)
    among <= 4
        && !words[..among]
            .iter()
            .any(|w| matches!(*w, "and" | "in" | "from" | "killed" | "dead"))
        && words[among + 1..].iter().all(|w| *w == "the")
}

/// Whether the figure at `number` adds to those told before it: "2 other policemen", "another
/// 3", "also 4 Taliban militants were killed", "five civilians were also killed".
fn adds_to_earlier(text: &str, sentence: Span, number: Span) -> bool {
    let after = text[number.end..sentence.end].trim_start();
    let next = after.split(' ').next().unwrap_or("").to_ascii_lowercase();
    let before = text[sentence.start..number.start].trim_end();
    let previous = before.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    // "also" right before the figure, or between it and its verb within its clause (which
    // another figure ends: "put the toll at 85, adding that 50 were also wounded")
    let clause = after
        .split([',', ';', '.'])
        .next()
        .unwrap_or("")
        .split(|c: char| c.is_ascii_digit())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let also_done = clause
        .split(' ')
        .take(8)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            w[0] == "also" && matches!(w[1], "killed" | "died" | "been" | "wounded" | "injured")
        });
    matches!(
        next.as_str(),
        "other" | "others" | "more" | "additional" | "further"
    ) || matches!(previous.as_str(), "another" | "also")
        || also_done
}

/// What number `n` counts.
fn kind_for(
    doc: &Doc,
    n: &NumberMention,
    hits: &[(Span, QuantityKind)],
    sentence: Span,
) -> Option<QuantityKind> {
    let text = doc.text;
    // "the 444 Combat Brigade", "Brigade 444": a unit's number counts no one.
    if names_unit(text, n.span) {
        return None;
    }
    // "six of the wounded died (in hospital)": the wounded who died are dead.
    if dead_of_wounded(&text[n.span.end..sentence.end]) {
        return Some(QuantityKind::Killed);
    }
    // "shot dead by four armed men": a number governed by "by" counts those who acted;
    // "clashes between two factions" counts the sides.
    if governed_by(&text[sentence.start..n.span.start], &["by", "between"]) {
        return None;
    }
    // "Print Tweet Views 1662 A car bomb killed 20": a site's count of its readers.
    if governed_by(&text[sentence.start..n.span.start], &doc.cues.site_counters) {
        return None;
    }
    // "3 militants were killed, injured or captured": no count of the dead.
    let mixed = |s: &Span| {
        doc.cues
            .mixed_fates
            .first(text, Span::new(s.start, sentence.end))
    };
    let counted = |(s, k): &(Span, QuantityKind)| -> Option<QuantityKind> {
        if *k == QuantityKind::Killed && mixed(s).is_some_and(|(m, _)| m.start == s.start) {
            None
        } else {
            Some(*k)
        }
    };
    // The noun right after the number ("six buses", "3 fatalities", "two soldiers were killed");
    // "displaced" before people says who they are, not what befell them ("killed seven
    // displaced people").
    let describes_people = |s: &Span| {
        let rest = text[s.end..sentence.end].trim_start();
        let from = sentence.end - rest.len();
        doc.cues
            .side_civilians
            .first(text, Span::new(from, sentence.end))
            .is_some_and(|(m, _)| m.start == from)
            || ["persons", "families", "idps"]
                .iter()
                .any(|w| rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w))
    };
    // ("At least 18 displaced people were killed": who they were, then what befell them)
    let befell_after = |s: &Span| {
        let rest = text[s.end..sentence.end].trim_start();
        rest.len() >= 6
            && rest[..6].eq_ignore_ascii_case("people")
            && hits.iter().any(|(h, k)| {
                matches!(k, QuantityKind::Killed | QuantityKind::Injured)
                    && h.start > s.end
                    && h.start <= s.end + 30
            })
    };
    // "displaced" right after the number, saying who the people were
    let who_they_were = |s: &Span, k: &QuantityKind| {
        *k == QuantityKind::Displaced
            && s.start <= n.span.end + 2
            && (describes_people(s) || befell_after(s))
    };
    let after_word = hits
        .iter()
        .find(|(s, k)| s.start >= n.span.end && s.start <= n.span.end + 2 && !who_they_were(s, k));
    if let Some(hit) = after_word {
        return counted(hit);
    }
    // "the death toll rose to 86", "put the toll at 16", "the toll has reached 60": the dead.
    if toll_reaches(&text[sentence.start..n.span.start]) {
        return Some(QuantityKind::Killed);
    }
    // The verb right before it ("killing 2", "injured 5", "arrested 12"); a noun of things
    // counts the number before it, not the next ("38 buses with 2,100 people").
    let before = hits
        .iter()
        .rev()
        .find(|(s, _)| s.end <= n.span.start)
        .filter(|(_, k)| !matches!(k, QuantityKind::Buses | QuantityKind::Vehicles))
        .filter(|(s, _)| {
            let gap = &text[s.end..n.span.start];
            // "killed and 1 was wounded": a number after "and" starts a clause of its own.
            // "was killed while two others were wounded": so does one after "while", "but".
            let own_clause = gap.len() <= 14
                && !gap.contains(',')
                && !gap.contains('.')
                && ![" and ", " while ", " but ", " whereas ", " when "]
                    .iter()
                    .any(|w| gap.contains(w));
            // ("killed one person and 3 were wounded": the number's own verb follows it)
            let own_verb = hits.iter().any(|(v, _)| {
                v.start >= n.span.end
                    && v.start <= n.span.end + 24
                    && !text[n.span.end..v.start].contains([',', '.', ';'])
            });
            own_clause || (coordinated_figure(text, Span::new(s.end, n.span.start)) && !own_verb)
        });
    if let Some(hit) = before {
        // "were killed in two other districts": the noun right after the number counts things
        if names_things(&text[n.span.end..sentence.end], &doc.cues.things) {
            return None;
        }
        return counted(hit);
    }
    // "fired 10 rocket shells, killing a child": a number of things counts no people.
    if counts_things(&text[n.span.end..sentence.end], &doc.cues.things) {
        return None;
    }
    // The first count verb after it in the clause, unless the number is first the subject of
    // another verb ("300 relatives rallied") or the clause turns to someone else ("relatives of
    // a man who died").
    let mut clause_end = text[n.span.end..sentence.end]
        .find(['.', ';', '['])
        .map(|p| n.span.end + p)
        .unwrap_or(sentence.end);
    // A number inside brackets ("5 civilians (2 men, 2 women and 1 child) were killed") breaks
    // down a figure outside them: its clause ends with the brackets.
    if inside_brackets(&text[sentence.start..n.span.start]) {
        if let Some(close) = text[n.span.end..clause_end].find(')') {
            clause_end = n.span.end + close;
        }
    }
    let rest = Span::new(n.span.end, clause_end);
    if let Some((verb, _)) = doc.cues.other_roles.first(text, rest) {
        clause_end = verb.start;
    }
    if let Some(who) = relative_of_another(&text[n.span.end..clause_end]) {
        clause_end = n.span.end + who;
    }
    // Words in brackets ("five members of the CV (Red Command) died") are an aside: skipped,
    // not an end.
    let after = hits.iter().find(|(s, k)| {
        s.start >= n.span.end
            && s.end <= clause_end
            && s.start < n.span.end + 130
            && !inside_brackets(&text[n.span.end..s.start])
            && !who_they_were(s, k)
    })?;
    // "2 soldiers were kidnapped and later killed": the last fate is the count's.
    if after.1 != QuantityKind::Killed {
        let killed_next = hits.iter().find(|(s, k)| {
            *k == QuantityKind::Killed && s.start >= after.0.end && s.end <= clause_end && {
                let gap = text[after.0.end..s.start].trim();
                matches!(
                    gap,
                    "and" | "and later" | "and then" | "then" | "and subsequently"
                )
            }
        });
        if let Some(hit) = killed_next {
            return counted(hit);
        }
    }
    counted(after)
}

/// Whether the words right after a number ("10 rocket shells", "tens of shells") name things:
/// the first three words, up to a comma, and an "of" after a vague number.
fn counts_things(after: &str, things: &[String]) -> bool {
    let clause = after.split([',', ';', '.', '(']).next().unwrap_or("");
    clause
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| things.contains(&w))
}

/// Whether the words between a count verb and a number are another figure of that verb and
/// "and": "killed 12 civilians and 3 fighters", "wounding 20 people and three soldiers" (the
/// verb counts both; not "killed and 1 was wounded", nor "killed 5, and 3 were wounded").
fn coordinated_figure(text: &str, gap: Span) -> bool {
    let between = &text[gap.start..gap.end];
    let Some(head) = between.strip_suffix(" and ") else {
        return false;
    };
    let numbers = sitrep_text::find_numbers(text, Span::new(gap.start, gap.start + head.len()));
    let [first] = numbers.as_slice() else {
        return false;
    };
    // the other figure right after the verb, its noun of one to three words after it
    text[gap.start..first.span.start].trim().is_empty()
        && text[first.span.end..gap.start + head.len()]
            .split_whitespace()
            .count()
            .clamp(1, 3)
            == text[first.span.end..gap.start + head.len()]
                .split_whitespace()
                .count()
        && !head.contains([',', '.', ';'])
}

/// Words that end the name of a military unit after its number ("the 444 Combat Brigade",
/// "the 93rd Mechanised Brigade") or follow before it ("Brigade 444").
const UNIT_NOUNS: [&str; 7] = [
    "Brigade",
    "Brigades",
    "Battalion",
    "Division",
    "Regiment",
    "Corps",
    "Squadron",
];

/// Whether the number at `number` is part of a unit's name: followed by capitalised words
/// that end in a unit noun ("444 Combat Brigade", "166 Brigade") or right after one ("Brigade
/// 444").
fn names_unit(text: &str, number: Span) -> bool {
    let after: Vec<&str> = text[number.end..].split_whitespace().take(3).collect();
    let mut named = false;
    for w in &after {
        let w = w.trim_end_matches([',', '.', ';', ':', ')', '\'', '"']);
        if !w.starts_with(|c: char| c.is_ascii_uppercase()) {
            break;
        }
        if UNIT_NOUNS.contains(&w) {
            named = true;
            break;
        }
    }
    let before = text[..number.start].split_whitespace().next_back();
    named || before.is_some_and(|w| UNIT_NOUNS.contains(&w))
}

/// Whether the words after a number say that many of the wounded died: "of the wounded died",
/// "of those injured later succumbed".
pub(crate) fn dead_of_wounded(after: &str) -> bool {
    let words: Vec<String> = words_of(&after.to_ascii_lowercase())
        .take(6)
        .map(str::to_string)
        .collect();
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    w(0) == "of"
        && matches!(w(1), "the" | "those")
        && matches!(w(2), "wounded" | "injured")
        && words[3..]
            .iter()
            .any(|v| matches!(v.as_str(), "died" | "succumbed" | "perished"))
}

/// Whether the words before "toll" raise it: "raising the (death) toll", "bringing the toll"
/// (then "to" the figure).
fn raises_toll(before_toll: &str) -> bool {
    words_of(before_toll).rev().take(3).any(|w| {
        matches!(
            w,
            "raising" | "raised" | "bringing" | "brought" | "taking" | "pushing" | "pushed"
        )
    })
}

/// How the words before a number tell a toll's value ([`toll_told`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TollTold {
    /// The value it rose to: "the death toll rose to", "raising the toll to", "has reached".
    Rose,
    /// The value it stands at: "put the toll at", "the toll stood at".
    Put,
}

/// Whether the words before a number make it the value a toll reaches: "the death toll from the
/// attack rose to", "put the toll at (at least)", "the toll has reached", "toll climbs to".
fn toll_reaches(before: &str) -> bool {
    toll_told(before).is_some()
}

/// Longest stretch (bytes) between "toll" and its figure: what the toll is of may be told at
/// length ("the death toll from a car bomb that exploded near a police checkpoint in the Hodan
/// district of Mogadishu on Sunday has risen to 11"); the stretch holds no other figure, no
/// "and" and no stop.
const TOLL_CLAUSE_MAX: usize = 160;

/// How the words before a number tell it as a toll's value, if they do.
fn toll_told(before: &str) -> Option<TollTold> {
    let lower = before.to_ascii_lowercase();
    // "the toll", or "the number of people killed (in Sunday's bombing)"
    let anchor = lower.rfind("toll").map(|at| at + 4).or_else(|| {
        let at = lower.rfind("number of")?;
        let of_dead = words_of(&lower[at..])
            .take(4)
            .any(|w| matches!(w, "dead" | "killed" | "deaths" | "fatalities" | "victims"));
        of_dead.then_some(at + "number of".len())
    });
    let at = anchor?;
    let mut rest = lower[at..].trim_end();
    // (within its clause, before any other figure: "the toll at six and the injured at 28";
    // a day of a month is no figure: "the toll from the April 8 air strikes has risen to")
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let words: Vec<&str> = rest.split_whitespace().collect();
    let other_figure = words.iter().enumerate().any(|(k, w)| {
        let by_month = |j: Option<usize>| {
            j.and_then(|j| words.get(j))
                .is_some_and(|m| MONTHS.contains(m))
        };
        w.bytes().any(|b| b.is_ascii_digit())
            && !by_month(k.checked_sub(1))
            && !by_month(Some(k + 1))
    });
    // (commas in pairs set off a phrase within it: "the toll from the raid on al-Hilaliya,
    // east of Wad Madani, has risen to")
    let commas = rest.matches(',').count();
    if rest.len() > TOLL_CLAUSE_MAX
        || commas % 2 == 1
        || rest.contains([';', '.'])
        || rest.contains(" and ")
        || other_figure
    {
        return None;
    }
    // the figure's qualifiers ("at least 70", "more than 40")
    for qualifier in [
        "at least",
        "more than",
        "over",
        "nearly",
        "almost",
        "about",
        "around",
        "some",
    ] {
        if let Some(stripped) = rest.strip_suffix(qualifier) {
            rest = stripped.trim_end();
            break;
        }
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let before_last = words.iter().rev().nth(1).copied().unwrap_or("");
    match last {
        "reached" | "reaches" | "hit" | "hits" => Some(TollTold::Rose),
        "to" if matches!(
            before_last,
            "rose" | "risen" | "rises" | "climbed" | "climbs" | "jumped" | "increased" | "up"
        ) || words.len() == 1 && raises_toll(&lower[..at]) =>
        {
            Some(TollTold::Rose)
        }
        // "put the toll (from the raids on Douma) at 16", "the toll stood at 30"
        "at" => Some(TollTold::Put),
        _ => None,
    }
}

/// Whether the figure at `second` is another source's account of the figure at `first` before
/// it in the sentence: a contrast ("while", "whereas", "but") then a source's words ("the
/// monitor said 1,200", "while the Observatory put the toll at 12").
fn another_account(text: &str, first: Span, second: Span) -> bool {
    if second.start < first.end {
        return false;
    }
    let between = text[first.end..second.start].to_ascii_lowercase();
    let words: Vec<&str> = words_of(&between).collect();
    let Some(contrast) = words
        .iter()
        .rposition(|w| matches!(*w, "while" | "whereas" | "but"))
    else {
        return false;
    };
    // the source's words right after the contrast, the figure right after them ("while the
    // Local Coordination Committees put the toll at 45"), not another clause's ("while clashes
    // raged on the front lines the group said, adding that 11 troops were killed")
    let after = &words[contrast + 1..];
    let Some(verb) = after.iter().position(|w| {
        matches!(
            *w,
            "said" | "says" | "put" | "puts" | "reported" | "reports" | "gave" | "according"
        )
    }) else {
        return false;
    };
    verb <= 5
        && after.len() - verb <= 7
        && !after[verb..]
            .iter()
            .any(|w| matches!(*w, "adding" | "added" | "and" | "also"))
}

/// Whether the figure at `number` is a toll given before the one the article counts: "had
/// earlier reported a toll of eight", "an initial toll of 20", "previously put the toll at 58".
fn earlier_toll(text: &str, sentence: Span, number: Span) -> bool {
    let before = text[sentence.start..number.start].to_ascii_lowercase();
    let words: Vec<&str> = words_of(&before).rev().take(8).collect();
    // ("according to initial information eight people were killed" is the toll of now)
    words
        .iter()
        .any(|w| matches!(*w, "earlier" | "previously" | "previous"))
        || words.contains(&"initial") && words.contains(&"toll")
}

/// Whether the noun right after a number names things ("two other districts", "three nearby
/// villages"), past words that only set them apart; not a word further on ("12 in air strikes").
fn names_things(after: &str, things: &[String]) -> bool {
    after
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .find(|w| {
            !matches!(
                w.as_str(),
                "other" | "more" | "separate" | "different" | "nearby"
            )
        })
        .is_some_and(|w| things.contains(&w))
}

/// Whether the end of `text` lies inside an unclosed "(".
fn inside_brackets(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            _ => {}
        }
    }
    depth > 0
}

/// Whether the text before a number ends with one of `words`: "by" makes the number count the
/// agents ("killed by four armed men"), "between" the sides ("clashes between two clans"; a
/// range "between 10 and 15" is read with its "between"), not the victims.
fn governed_by(before: &str, words: &[impl AsRef<str>]) -> bool {
    let before = before.trim_end();
    before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x.as_ref())))
}

/// In the words after a number, where a relative clause about another person begins: "20
/// relatives of a man who died" (an "of" phrase, then "who"). Returns the offset of "who".
fn relative_of_another(after: &str) -> Option<usize> {
    let lower = after.to_ascii_lowercase();
    let of = lower.find(" of ")?;
    ["who ", "whose "]
        .iter()
        .filter_map(|w| {
            lower[of..]
                .match_indices(w)
                .find(|(p, _)| lower.as_bytes()[of + p - 1] == b' ')
                .map(|(p, _)| of + p)
        })
        .min()
}

/// The side named right after a figure: "pro-regime forces", "militants", "civilians".
fn side_after(doc: &Doc, from: usize, to: usize) -> Option<String> {
    if from >= to {
        return None;
    }
    let span = Span::new(from, to);
    let cues = doc.cues;
    let first = [&cues.side_state, &cues.side_armed, &cues.side_civilians]
        .into_iter()
        .filter_map(|set| set.first(doc.text, span))
        .min_by_key(|(s, _)| s.start)?;
    // Only when it follows closely ("233 militants", "250 pro-regime forces").
    (first.0.start - from <= 20).then(|| first.1.to_string())
}

fn singular_victim(doc: &Doc, i: usize, hits: &[(Span, QuantityKind)]) -> Option<Quantity> {
    let text = doc.text;
    let sentence = doc.sentences[i];
    let kill = hits.iter().find(|(_, k)| *k == QuantityKind::Killed)?;
    let window = Span::new(
        kill.0.start.saturating_sub(45).max(sentence.start),
        (kill.0.end + 30).min(sentence.end),
    );
    let window = Span::new(floor_char(text, window.start), floor_char(text, window.end));
    // "shot dead a shopkeeper", "killing an elder", "the death of a bystander": an indefinite
    // singular right after the verb (or the noun's "of").
    let after_kill = text[kill.0.end..sentence.end].trim_start();
    // The noun's "of" only where the death is the outcome ("leading to the death of"), not a
    // grievance ("protested over the death of a teenager").
    let lead_start = floor_char(text, kill.0.start.saturating_sub(30).max(sentence.start));
    let lead = text[lead_start..kill.0.start].to_ascii_lowercase();
    let word_before_the = lead.trim_end().rsplit(' ').nth(1).unwrap_or("").to_string();
    let outcome = matches!(word_before_the.as_str(), "to" | "in" | "caused" | "causing");
    // "protested over the death of a teenager": a grievance, no death at this event.
    if after_kill.starts_with("of ") && doc.cues.grievance_before.contains(&word_before_the) {
        return None;
    }
    let (after_kill, own_noun) = match after_kill.strip_prefix("of ") {
        Some(rest) => (rest, outcome),
        None => (after_kill, true),
    };
    let indefinite = ["a ", "an ", "one "]
        .iter()
        .find(|a| own_noun && after_kill.starts_with(*a));
    if let Some(article) = indefinite {
        let start = sentence.end - after_kill.len();
        let noun_end = after_kill[article.len()..]
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .map(|p| start + article.len() + p)
            .unwrap_or(sentence.end);
        let count = victims_joined(&text[noun_end..sentence.end]);
        return Some(single(doc, i, Span::new(kill.0.start, noun_end), count));
    }
    // "killed the chief commander of the group", "the death of the commander": a definite
    // singular person right after a killing verb.
    if own_noun {
        if let Some(len) = definite_person(after_kill, &doc.cues.person_heads) {
            let start = sentence.end - after_kill.len();
            let count = victims_joined(&text[start + len..sentence.end]);
            return Some(single(doc, i, Span::new(kill.0.start, start + len), count));
        }
    }
    // "killed senior Hamas official Saleh al-Arouri", "killed commander Abu Khaled": a person
    // named after a title right after a killing verb.
    // (not after a passive, "were also killed Observatory director Rami Abdel Rahman told
    // AFP", where the name speaks)
    let passive_kill = lead
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| matches!(w, "was" | "were" | "been" | "be" | "is" | "are"));
    if own_noun && !passive_kill {
        if let Some(len) = titled_name(after_kill, &doc.cues.person_heads) {
            let start = sentence.end - after_kill.len();
            let count = victims_joined(&text[start + len..sentence.end]);
            return Some(single(doc, i, Span::new(kill.0.start, start + len), count));
        }
    }
    // "a drug trafficker was killed", "a suspect was shot and died", "a man's body was found":
    // an indefinite singular subject.
    let before_kill = &text[window.start..kill.0.start];
    let subject = before_kill
        .rfind([',', ';'])
        .map(|p| &before_kill[p + 1..])
        .unwrap_or(before_kill);
    let lower = subject.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let n = words.len();
    let passive = words
        .last()
        .is_some_and(|w| matches!(*w, "was" | "is" | "been" | "found" | "reportedly"))
        || (n >= 3 && words[n - 1] == "and" && words[n - 3] == "was");
    let indefinite_subject = words.iter().rposition(|w| matches!(*w, "a" | "an"));
    let joined = lower.contains(" and ") && !(n >= 3 && words[n - 1] == "and");
    if passive && indefinite_subject.is_some_and(|p| n - p <= 6) && !joined {
        return Some(single(doc, i, Span::new(window.start, kill.0.end), 1));
    }
    // "The mayor of Chilpancingo was murdered": a definite singular person as the subject of
    // a passive killing verb (the subject opens the clause)
    if passive && !joined {
        let opening = subject.trim_start().to_ascii_lowercase();
        if definite_person(&opening, &doc.cues.person_heads).is_some() {
            return Some(single(doc, i, Span::new(window.start, kill.0.end), 1));
        }
    }
    // "the soldier later died", "resulting in his death": one person named before the word.
    if one_before(&text[kill.0.start..kill.0.end], &words) {
        return Some(single(doc, i, Span::new(window.start, kill.0.end), 1));
    }
    let (victim, _) = doc.cues.singular_victim.first(text, window)?;
    // "relatives of a driver who died in custody": a death the sentence tells about someone
    // else's grievance, not one of this event.
    let of_before = text[sentence.start..victim.start]
        .trim_end()
        .to_ascii_lowercase()
        .ends_with(" of");
    let who_between = victim.end <= kill.0.start
        && text[victim.end..kill.0.start]
            .to_ascii_lowercase()
            .contains(" who ");
    if of_before && who_between {
        return None;
    }
    let span = Span::new(victim.start.min(kill.0.start), victim.end.max(kill.0.end));
    let count = victims_joined(&text[victim.end..sentence.end]);
    Some(single(doc, i, span, count))
}

/// The length of a definite singular noun phrase naming a person at the start of `text` ("the
/// chief commander", "the owner"): "the" and at most three words up to "of", "in", "and", a
/// comma or a stop, the last of them singular and a person noun.
fn definite_person(text: &str, heads: &[String]) -> Option<usize> {
    let rest = text.strip_prefix("the ")?;
    let mut end = 4;
    let mut last = "";
    for (k, word) in rest.split(' ').enumerate() {
        let bare = word.trim_end_matches([',', '.', ';']);
        if k >= 3 || matches!(bare, "of" | "in" | "and" | "at" | "on" | "near" | "who") {
            break;
        }
        last = bare;
        end += bare.len() + usize::from(k > 0);
        if bare.len() != word.len() {
            break;
        }
    }
    let head = last.to_ascii_lowercase();
    heads.contains(&head).then_some(end)
}

/// The length of a title and the name after it at the start of `text` ("senior Hamas
/// official Saleh al-Arouri", "commander Abu Khaled"): up to three words of rank or
/// organisation (lowercase modifiers, capitalised names), a singular person noun, then a
/// capitalised name (with its particles: "al-", "bin", "abu").
fn titled_name(text: &str, heads: &[String]) -> Option<usize> {
    let words: Vec<&str> = text.split(' ').take(10).collect();
    let head = words.iter().take(4).position(|w| {
        let bare = w.trim_end_matches([',', '.', ';']);
        bare.len() == w.len() && heads.iter().any(|h| h == bare)
    })?;
    // (what comes before the head is a rank or an organisation, not a number or an article)
    let modifier = |w: &&str| {
        w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !matches!(
                w.to_ascii_lowercase().as_str(),
                "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "and" | "of"
            )
    };
    if !words[..head].iter().all(modifier) {
        return None;
    }
    let mut end = words[..=head].iter().map(|w| w.len() + 1).sum::<usize>();
    let mut named = 0;
    for w in &words[head + 1..] {
        let bare = w.trim_end_matches([',', '.', ';']);
        let particle = matches!(bare, "al" | "bin" | "ibn" | "abu" | "el" | "de" | "van");
        let capital = bare.chars().next().is_some_and(char::is_uppercase)
            || bare.starts_with("al-")
            || bare.starts_with("el-");
        if !(capital || (particle && named > 0)) || bare.is_empty() {
            break;
        }
        named += usize::from(capital);
        end += bare.len() + 1;
        if bare.len() != w.len() {
            break;
        }
    }
    // (a name that speaks next is a source: "killed, Observatory director Rami Abdel Rahman
    // said")
    let speaks = text[(end - 1).min(text.len())..]
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "said" | "says" | "told" | "added" | "reported"));
    (named > 0 && !speaks).then_some(end - 1)
}

/// How many victims a singular victim phrase stands for, given the text after it: "a man and his
/// son" is two, "a man and injured three" is still one.
fn victims_joined(rest: &str) -> u64 {
    let clause = rest.split([',', ';', '.']).next().unwrap_or("");
    let lower = clause.to_ascii_lowercase();
    let words: Vec<&str> = lower.split_whitespace().take(8).collect();
    // "a commander and two of his guards", "the mayor and three others": the one and the
    // number joined to them
    let small = |w: &str| match w {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "eight" => Some(8),
        "nine" => Some(9),
        "ten" => Some(10),
        _ => w.parse::<u64>().ok().filter(|n| (2..=20).contains(n)),
    };
    // (not others who met another fate: "one was killed and 16 others were injured")
    let other_fate = [
        "injur", "wound", "hurt", "arrest", "abduct", "kidnap", "detain", "missing",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if let Some(n) = words.windows(3).find_map(|w| {
        (w[0] == "and" && (w[2] == "of" || w[2] == "others" || w[2] == "other"))
            .then(|| small(w[1]))
            .flatten()
    }) {
        if !other_fate {
            return 1 + n;
        }
    }
    let second = words[..words.len().min(6)].windows(2).any(|w| {
        w[0] == "and"
            && matches!(
                w[1],
                "a" | "an" | "his" | "her" | "their" | "the" | "one" | "another"
            )
    });
    if second {
        2
    } else {
        1
    }
}

/// "the soldier later died", "his death": an intransitive death word whose subject (or owner)
/// is one person: a singular noun phrase or a possessive right before it.
fn one_before(kill: &str, words_before: &[&str]) -> bool {
    let kill = kill.to_ascii_lowercase();
    let mut words: Vec<&str> = words_before.to_vec();
    if kill == "death" {
        return words.last().is_some_and(|w| matches!(*w, "his" | "her"));
    }
    if !matches!(kill.as_str(), "died" | "dies" | "perished" | "succumbed") {
        return false;
    }
    while words.last().is_some_and(|w| {
        matches!(
            *w,
            "later" | "reportedly" | "subsequently" | "also" | "then"
        )
    }) {
        words.pop();
    }
    // The subject: from the last determiner, at most four words, no plural head, no "and".
    let Some(det) = words
        .iter()
        .rposition(|w| matches!(*w, "the" | "a" | "an" | "his" | "her" | "one"))
    else {
        return false;
    };
    let subject = &words[det..];
    let head = subject.last().copied().unwrap_or("");
    subject.len() >= 2
        && subject.len() <= 4
        && !subject.contains(&"and")
        && !subject.contains(&"of")
        && !subject
            .iter()
            .any(|w| matches!(*w, "who" | "which" | "that"))
        && !head.ends_with('s')
        && head.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
}

fn single(doc: &Doc, i: usize, span: Span, count: u64) -> Quantity {
    Quantity {
        kind: QuantityKind::Killed,
        value: count,
        lower_bound: false,
        approximate: false,
        vague: false,
        side: None,
        side_class: None,
        tally: false,
        claim: None,
        evidence: doc.evidence(i, span, SINGLE_VICTIM),
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// An explicit fatality statement ("3 fatalities", "Unknown fatalities coded as 10", "no
/// fatalities"), as ACLED's notes and careful reports write it: overrides the sum of figures.
pub fn stated_fatalities(doc: &Doc, i: usize, found: &[Quantity]) -> Option<u64> {
    let raw = doc.sentence_text(i);
    let maybe = ["atalit", "coded as", "No ", "no ", "obody"]
        .iter()
        .any(|p| raw.contains(p));
    if !maybe {
        return None;
    }
    let s = raw.to_ascii_lowercase();
    if let Some(p) = s.find("coded as ") {
        let digits: String = s[p + 9..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if let Ok(v) = digits.parse() {
            return Some(v);
        }
    }
    if doc.cues.no_fatalities.any(doc.text, doc.sentences[i]) {
        return Some(0);
    }
    found
        .iter()
        .find(|q| {
            q.kind == QuantityKind::Killed
                && q.evidence.rule.starts_with("quantity:killed")
                && doc.text[q.evidence.span.end..doc.sentences[i].end]
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("fatalit")
        })
        .map(|q| q.value)
}

/// Whose dead a figure counts, as far as adding figures up goes: the sides of `[sides]` in
/// `data/cues.toml`, or anyone ("18 dead", "at least 20 people").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Whose {
    Anyone,
    Civilians,
    State,
    Armed,
}

/// The side class of a figure's noun (none for anyone's dead: "18 dead", "20 people").
fn side_class(side: Option<&str>) -> Option<SideClass> {
    match whose(side) {
        Whose::Anyone => None,
        Whose::Civilians => Some(SideClass::Civilians),
        Whose::State => Some(SideClass::StateForces),
        Whose::Armed => Some(SideClass::ArmedGroups),
    }
}

fn whose(side: Option<&str>) -> Whose {
    let Some(side) = side else {
        return Whose::Anyone;
    };
    let cues = crate::cues::cues();
    let whole = Span::new(0, side.len());
    if matches!(side, "people" | "persons") {
        Whose::Anyone
    } else if cues.side_state.any(side, whole) {
        Whose::State
    } else if cues.side_armed.any(side, whole) {
        Whose::Armed
    } else if cues.side_civilians.any(side, whole) {
        Whose::Civilians
    } else {
        Whose::Anyone
    }
}

/// Fatalities as ACLED codes them from the figures of one event:
/// - a count told again is one: the same figure for the same side, in the same sentence or a
///   later one (a headline glued to its lede, "US-led air strikes kill 7 Al-Nusra gunmen.
///   Seven militants ... were killed"), or for anyone in the same sentence ("kills 4 ... killed
///   four people");
/// - the figures of one sentence for different dead add up ("45 opposition fighters and 43
///   soldiers", "17 terrorists in Kanasba ... more than 50 terrorists in Daraa"); a part of a
///   count ("112 civilians including 33 children", "6 children among 19 dead") is not added;
/// - sentences giving another count of the same side are other accounts of the same dead
///   ("at least 494" for one monitor, "650 people" for another): the lowest is taken, as ACLED
///   is conservative; the sides' counts add up;
/// - totals of anyone: the first, or the lowest of those that sources of different kinds give
///   (the monitor's 94 and the opposition's 150);
/// - a sentence counting only anyone's dead ("13 people were killed", "18 dead") gives a total,
///   which includes the sides the article counts apart ("Among the dead were four staff and
///   five children"): the larger of the lowest total and the sides' sum;
/// - figures that add to an earlier account ("another 27 were killed") add;
/// - a campaign's tally ("more than 300 people have been killed since April") is no event's
///   dead (ACLED codes none from it), nor is the higher of two sources' accounts in one
///   sentence ("1,500 ... while the monitor said 1,200 died") or a toll the article updates
///   ("had earlier reported a toll of eight"): not counted (parts and earlier tolls count when
///   the article gives nothing else: "Among the dead were five children");
/// - a party's count of what it did that another party denies, then or after ("a figure the
///   army denied"), is not counted;
/// - a vague word ("dozens", "thousands") counts only when the article gives no figure for
///   the dead, and a single victim named ("the civilians were killed by a strike", "killing a
///   woman") only when it gives no count at all.
pub fn fatalities(
    quantities: &[Quantity],
    claims: &[sitrep_model::Claim],
    one_strike: bool,
) -> u64 {
    use std::collections::BTreeMap;
    // "IS claimed its fighters had killed 20 soldiers, a figure the army denied": a party's
    // count of what it did, denied by another then or after, is no count of the dead
    let denied_boast = |q: &Quantity| {
        q.claim.and_then(|c| claims.get(c)).is_some_and(|c| {
            c.claimant_kind == sitrep_model::ClaimantKind::Party
                && claims.iter().any(|d| {
                    d.polarity == sitrep_model::Polarity::Denied
                        && d.sentence_index >= c.sentence_index
                        && d.claimant != c.claimant
                })
        })
    };
    let of_the_dead = |q: &&Quantity| {
        q.kind == QuantityKind::Killed
            && !q.evidence.rule.ends_with(CAMPAIGN)
            && !q.evidence.rule.ends_with(HIGHER_ACCOUNT)
            && !denied_boast(q)
    };
    // the whole counts first; failing any, the parts; failing those, an earlier toll
    let whole = |q: &&Quantity| !q.evidence.rule.ends_with(PART);
    let current = |q: &&Quantity| !q.evidence.rule.ends_with(EARLIER_TOLL);
    let both = |q: &&Quantity| whole(q) && current(q);
    let any = |_: &&Quantity| true;
    let tiers: [&dyn Fn(&&Quantity) -> bool; 3] = [&both, &current, &any];
    let killed: Vec<&Quantity> = tiers
        .into_iter()
        .map(|keep| {
            quantities
                .iter()
                .filter(of_the_dead)
                .filter(|q| keep(q))
                .collect::<Vec<_>>()
        })
        .find(|found| !found.is_empty())
        .unwrap_or_default();
    let counted = |q: &&Quantity| q.evidence.rule != SINGLE_VICTIM;
    // (a party's own count of what it did, "JNIM claimed it killed 73 soldiers", does not
    // set aside the report's vaguer "dozens": both are accounts, the lower taken)
    let party = |q: &Quantity| {
        q.claim
            .and_then(|c| claims.get(c))
            .is_some_and(|c| c.claimant_kind == sitrep_model::ClaimantKind::Party)
    };
    let mut figures: Vec<&Quantity> = if killed.iter().any(counted) {
        let exact = killed.iter().any(|q| counted(q) && !q.vague)
            && (killed.iter().any(|q| counted(q) && !q.vague && !party(q))
                || !killed.iter().any(|q| counted(q) && q.vague && !party(q)));
        killed
            .into_iter()
            .filter(|q| counted(q) && !(exact && q.vague))
            .collect()
    } else {
        killed
    };
    figures.sort_by_key(|q| (q.evidence.sentence, q.evidence.span.start));
    // "The death toll rose to 12": the counts of the same dead told before it (the first
    // report's 9, "three of the wounded died") are earlier tolls, not other accounts
    if let Some(risen) = figures
        .iter()
        .rev()
        .find(|q| q.evidence.rule.ends_with(RISEN_TOLL))
        .copied()
    {
        let of = whose(risen.side.as_deref());
        figures.retain(|q| {
            q.evidence.sentence >= risen.evidence.sentence
                || of != Whose::Anyone && whose(q.side.as_deref()) != of
        });
    }
    let mut more = 0;
    let mut told: Vec<(&Quantity, Whose)> = Vec::new();
    for q in figures {
        if q.evidence.rule.ends_with(MORE) {
            more += q.value;
            continue;
        }
        let w = whose(q.side.as_deref());
        // (a total retold in another sentence is another account of it: below)
        let retold = told.iter().any(|(k, kw)| {
            k.value == q.value
                && (*kw == w && w != Whose::Anyone
                    || k.evidence.sentence == q.evidence.sentence
                        && (*kw == Whose::Anyone || w == Whose::Anyone))
        });
        if !retold {
            told.push((q, w));
        }
    }
    // sentence -> its figures, as (side, value)
    let mut sentences: BTreeMap<usize, Vec<(Option<&str>, u64)>> = BTreeMap::new();
    for (q, w) in &told {
        let side = (*w != Whose::Anyone).then_some(q.side.as_deref()).flatten();
        sentences
            .entry(q.evidence.sentence)
            .or_default()
            .push((side, q.value));
    }
    // what kind of source gives a figure: another kind's total (the monitor's against the
    // opposition's, state media's against the monitor's) is another account of the same dead;
    // the same kind's ("police", "a police spokesman") tells on ("three of the victims died at
    // the scene")
    let claimant = |q: &Quantity| q.claim.and_then(|c| claims.get(c)).map(|c| c.claimant_kind);
    let mut total: Option<(u64, Option<sitrep_model::ClaimantKind>)> = None;
    // side -> sentence -> its counts of that side
    let mut by_side: BTreeMap<Option<&str>, BTreeMap<usize, u64>> = BTreeMap::new();
    for (&i, figures) in &sentences {
        let of_sides: u64 = figures.iter().filter(|f| f.0.is_some()).map(|f| f.1).sum();
        let of_anyone = figures.iter().filter(|f| f.0.is_none()).map(|f| f.1);
        // "48 people were killed ... six families of rebel fighters": a count of anyone as
        // large as the sides' the sentence gives is its total; a smaller one counts others
        // ("25 ADF fighters and 6 military fatalities", "5 FC personnel and 1 officer")
        if of_anyone.clone().max().is_some_and(|a| a >= of_sides) {
            let sum = of_anyone.sum::<u64>().max(of_sides);
            let by = told
                .iter()
                .find(|(q, _)| q.evidence.sentence == i)
                .and_then(|(q, _)| claimant(q));
            total = match total {
                None => Some((sum, by)),
                Some((first, first_by)) if by.is_some() && first_by.is_some() && by != first_by => {
                    Some((first.min(sum), first_by))
                }
                kept => kept,
            };
        } else {
            for &(side, value) in figures {
                *by_side.entry(side).or_default().entry(i).or_default() += value;
            }
        }
    }
    let sides: u64 = by_side
        .values()
        .map(|accounts| accounts.values().copied().min().unwrap_or(0))
        .sum();
    let sides = match one_strike {
        true => rival_victims(&told, &by_side, claimant).unwrap_or(sides),
        false => sides,
    };
    more + sides.max(total.map_or(0, |t| t.0))
}

/// One strike's dead told as civilians by one kind of source and as fighters by another, each
/// in its own sentence ("killing seven Houthi fighters, a war monitor said. Al-Masirah TV said
/// the strikes killed four civilians"): two accounts of who died, not two counts to add. The
/// lower account, as ACLED is conservative; `None` when the sides are not so told.
fn rival_victims(
    told: &[(&Quantity, Whose)],
    by_side: &std::collections::BTreeMap<Option<&str>, std::collections::BTreeMap<usize, u64>>,
    claimant: impl Fn(&Quantity) -> Option<sitrep_model::ClaimantKind>,
) -> Option<u64> {
    // per side: its class and the kinds of source that give it
    let mut accounts: Vec<(Whose, sitrep_model::ClaimantKind, u64)> = Vec::new();
    for (side, counts) in by_side {
        let side = (*side)?;
        let (q, w) = told
            .iter()
            .find(|(q, w)| *w != Whose::Anyone && q.side.as_deref() == Some(side))?;
        let by = claimant(q)?;
        let value = counts.values().copied().min().unwrap_or(0);
        accounts.push((*w, by, value));
    }
    let civilians = |w: Whose| w == Whose::Civilians;
    match accounts.as_slice() {
        [(wa, ka, a), (wb, kb, b)] if ka != kb && civilians(*wa) != civilians(*wb) => {
            Some(*a.min(b))
        }
        _ => None,
    }
}
