//! Cue phrase lists from `data/cues.toml`, compiled once into whole-word matchers.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use sitrep_model::Span;
use std::sync::OnceLock;

/// The cue file shipped in the repository.
const CUES_TOML: &str = include_str!("../../../data/cues.toml");

/// A list of phrases matched as whole words, ASCII case-insensitively, longest first.
pub struct PhraseSet {
    phrases: Vec<String>,
    matcher: AhoCorasick,
}

impl PhraseSet {
    /// Compile a phrase list.
    pub fn new(phrases: &[String]) -> PhraseSet {
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .expect("cue phrases compile");
        PhraseSet {
            phrases: phrases.to_vec(),
            matcher,
        }
    }

    /// Whole-word matches inside `within`, article-relative, as (span, phrase); lazy, so
    /// [`PhraseSet::any`] and [`PhraseSet::first`] stop at the first match.
    pub fn find<'s, 't>(
        &'s self,
        text: &'t str,
        within: Span,
    ) -> impl Iterator<Item = (Span, &'s str)> + use<'s, 't> {
        // Callers widen spans by bytes ("40 bytes before the trigger"): snap to characters.
        let within = snap_to_chars(text, within);
        let hay = &text[within.start..within.end];
        let bytes = hay.as_bytes();
        self.matcher
            .find_iter(hay)
            .filter(move |m| is_word_boundary(bytes, m.start(), m.end()))
            .map(move |m| {
                (
                    Span::new(m.start() + within.start, m.end() + within.start),
                    self.phrases[m.pattern().as_usize()].as_str(),
                )
            })
    }

    /// Whether any phrase occurs in `within`.
    pub fn any(&self, text: &str, within: Span) -> bool {
        self.find(text, within).next().is_some()
    }

    /// The first match in `within`.
    pub fn first(&self, text: &str, within: Span) -> Option<(Span, &str)> {
        self.find(text, within).next()
    }
}

/// `span` shrunk to the nearest character boundaries inside it (and inside `text`).
pub fn snap_to_chars(text: &str, span: Span) -> Span {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = span.end.min(text.len()).max(start);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end.max(start))
}

fn is_word_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// A match is a whole word when the bytes around it are not letters or digits.
pub fn is_word_boundary(bytes: &[u8], start: usize, end: usize) -> bool {
    (start == 0 || !is_word_char(bytes[start - 1]))
        && (end >= bytes.len() || !is_word_char(bytes[end]))
}

#[derive(Deserialize)]
struct CueFile {
    attribution: Attribution,
    polarity: PolarityCues,
    not_an_event: NotAnEvent,
    tally: Tally,
    quantity: QuantityCues,
    sides: Sides,
    victims: Victims,
    cessation: Cessation,
    continuity: Continuity,
    dating: Dating,
    roles: RoleWords,
}
#[derive(Deserialize)]
struct RoleWords {
    accusing: Vec<String>,
    seizing: Vec<String>,
    drugs: Vec<String>,
    counter_protest: Vec<String>,
    gives_up_territory: Vec<String>,
}
#[derive(Deserialize)]
struct Dating {
    aside_openers: Vec<String>,
    same_day: Vec<String>,
    carrier_openers: Vec<String>,
    prior_openers: Vec<String>,
    recall_openers: Vec<String>,
    aside_verbs: Vec<String>,
    place_anaphors: Vec<String>,
    war_outbreak: Vec<String>,
    statement_days: Vec<String>,
    told_to: Vec<String>,
}
#[derive(Deserialize)]
struct Cessation {
    fighting_stopped: Vec<String>,
}
#[derive(Deserialize)]
struct Continuity {
    new_incident: Vec<String>,
}
#[derive(Deserialize)]
struct Attribution {
    verbs: Vec<String>,
    reactions: Vec<String>,
}
#[derive(Deserialize)]
struct PolarityCues {
    denied: Vec<String>,
    unconfirmed: Vec<String>,
    claimed_responsibility: Vec<String>,
    no_claim: Vec<String>,
    hedges: Vec<String>,
}
#[derive(Deserialize)]
struct NotAnEvent {
    generalisation: Vec<String>,
    running_total: Vec<String>,
    future_or_hypothetical: Vec<String>,
    negation: Vec<String>,
}
#[derive(Deserialize)]
struct Tally {
    cues: Vec<String>,
    toll: Vec<String>,
    campaign: Vec<String>,
}
#[derive(Deserialize)]
struct QuantityCues {
    killed: Vec<String>,
    injured: Vec<String>,
    evacuated: Vec<String>,
    displaced: Vec<String>,
    arrested: Vec<String>,
    abducted: Vec<String>,
    buses: Vec<String>,
    vehicles: Vec<String>,
    participants: Vec<String>,
    other_roles: Vec<String>,
    site_counters: Vec<String>,
    things: Vec<String>,
    no_fatalities: Vec<String>,
    mixed_fates: Vec<String>,
    grievance_before: Vec<String>,
}
#[derive(Deserialize)]
struct Sides {
    civilians: Vec<String>,
    state: Vec<String>,
    armed_group: Vec<String>,
}
#[derive(Deserialize)]
struct Victims {
    singular: Vec<String>,
    person_heads: Vec<String>,
}

/// Every cue list, compiled.
pub struct Cues {
    /// Reporting verbs and frames ("said", "according to").
    pub attribution: PhraseSet,
    /// Reactions to an event ("condemned", "denounced").
    pub reaction: PhraseSet,
    /// Denials.
    pub denied: PhraseSet,
    /// "Yet to confirm" and the like.
    pub unconfirmed: PhraseSet,
    /// "Claimed responsibility".
    pub claimed_responsibility: PhraseSet,
    /// "No group claimed responsibility": a deed no one claims.
    pub no_claim: PhraseSet,
    /// "Reportedly", "allegedly".
    pub hedges: PhraseSet,
    /// Patterns over time, not one event.
    pub generalisation: PhraseSet,
    /// Plans, threats, hypotheses.
    pub future: PhraseSet,
    /// Negated events.
    pub negation: PhraseSet,
    /// "Since the start of the year", "since the fighting began": a running total's span.
    pub running_total: PhraseSet,
    /// Campaign tallies.
    pub tally: PhraseSet,
    /// Counts given as of their report ("death toll"), a campaign's or one attack's.
    pub toll: PhraseSet,
    /// Words of a count over a war, a month or a year, whatever day it is told from ("the
    /// war has killed", "the deadliest month").
    pub campaign: PhraseSet,
    /// What a number counts, in [`QUANTITY_ORDER`] order.
    pub quantity: Vec<(sitrep_model::QuantityKind, PhraseSet)>,
    /// Civilian side nouns.
    pub side_civilians: PhraseSet,
    /// State side nouns.
    pub side_state: PhraseSet,
    /// Armed group side nouns.
    pub side_armed: PhraseSet,
    /// Verbs that give a number a role other than victim ("300 relatives rallied").
    pub other_roles: PhraseSet,
    /// Nouns for things ("rocket shells", "houses"): a number counting them counts no people.
    pub things: Vec<String>,
    /// Page furniture before a count of readers ("Views 1662"): the number counts no people.
    pub site_counters: Vec<String>,
    /// "No fatalities", "no one was killed": the event's fatalities are 0.
    pub no_fatalities: PhraseSet,
    /// "Killed, injured or captured": a figure that does not count the dead.
    pub mixed_fates: PhraseSet,
    /// "Over" in "protested over the death of": a grievance, not a death at the event.
    pub grievance_before: Vec<String>,
    /// Single victims.
    pub singular_victim: PhraseSet,
    /// Singular person nouns after "the" ("killed the commander").
    pub person_heads: Vec<String>,
    /// "Operations had stopped": fighting that stopped (dated by a "since" after it).
    pub fighting_stopped: PhraseSet,
    /// Openings that announce another incident ("In a separate incident").
    pub new_incident: PhraseSet,
    /// Words that open an aside about another thing ("where", "which").
    pub aside_openers: PhraseSet,
    /// Words that date a sentence on the last day the story told ("the same day", "later that
    /// day").
    pub same_day: PhraseSet,
    /// Words after the event's trigger that open a phrase about who or what it hit ("hit buses
    /// carrying people evacuated on Friday"): a day closing that phrase is not the event's.
    pub carrier_openers: PhraseSet,
    /// Words that open a clause about an earlier thing ("following clashes that started").
    pub prior_openers: PhraseSet,
    /// Words after which a noun phrase and its date recall another event ("since the attack on").
    pub recall_openers: PhraseSet,
    /// Verbs in such an aside that a date right after dates ("took place", "began").
    pub aside_verbs: PhraseSet,
    /// Words that point back at a place the story named ("the city", "there").
    pub place_anaphors: PhraseSet,
    /// Words telling how the country's war began ("the conflict began", "morphed into"): a
    /// protest told with them, dated far off, is the uprising that started it.
    pub war_outbreak: PhraseSet,
    /// Words of a body meeting or speaking ("met", "in a statement"): a day right after one
    /// dates the meeting or the statement.
    pub statement_days: PhraseSet,
    /// Words of telling someone ("told", "speaking to"): a day after who was told dates the
    /// telling.
    pub told_to: PhraseSet,
    /// Verbs by which one side names another as the one who acted ("accused", "blamed").
    pub accusing: PhraseSet,
    /// State forces taking goods ("seized", "confiscated").
    pub seizing: PhraseSet,
    /// Illegal drugs ("cocaine", "captagon").
    pub drugs: PhraseSet,
    /// A crowd demonstrating against another ("counter-protest").
    pub counter_protest: PhraseSet,
    /// Verbs of a transfer of territory whose subject gives the place up ("handed over").
    pub gives_up_territory: PhraseSet,
}

/// Parse a cue file; errors name the origin.
pub fn parse(text: &str, origin: &str) -> Result<Cues, String> {
    use sitrep_model::QuantityKind as K;
    let f: CueFile = toml::from_str(text).map_err(|e| format!("{origin}: {e}"))?;
    let q = f.quantity;
    Ok(Cues {
        attribution: PhraseSet::new(&f.attribution.verbs),
        reaction: PhraseSet::new(&f.attribution.reactions),
        denied: PhraseSet::new(&f.polarity.denied),
        unconfirmed: PhraseSet::new(&f.polarity.unconfirmed),
        claimed_responsibility: PhraseSet::new(&f.polarity.claimed_responsibility),
        no_claim: PhraseSet::new(&f.polarity.no_claim),
        hedges: PhraseSet::new(&f.polarity.hedges),
        generalisation: PhraseSet::new(&f.not_an_event.generalisation),
        future: PhraseSet::new(&f.not_an_event.future_or_hypothetical),
        negation: PhraseSet::new(&f.not_an_event.negation),
        running_total: PhraseSet::new(&f.not_an_event.running_total),
        tally: PhraseSet::new(&f.tally.cues),
        toll: PhraseSet::new(&f.tally.toll),
        campaign: PhraseSet::new(&f.tally.campaign),
        quantity: vec![
            (K::Killed, PhraseSet::new(&q.killed)),
            (K::Injured, PhraseSet::new(&q.injured)),
            (K::Evacuated, PhraseSet::new(&q.evacuated)),
            (K::Displaced, PhraseSet::new(&q.displaced)),
            (K::Arrested, PhraseSet::new(&q.arrested)),
            (K::Abducted, PhraseSet::new(&q.abducted)),
            (K::Buses, PhraseSet::new(&q.buses)),
            (K::Vehicles, PhraseSet::new(&q.vehicles)),
            (K::Participants, PhraseSet::new(&q.participants)),
        ],
        side_civilians: PhraseSet::new(&f.sides.civilians),
        side_state: PhraseSet::new(&f.sides.state),
        side_armed: PhraseSet::new(&f.sides.armed_group),
        other_roles: PhraseSet::new(&q.other_roles),
        things: q.things.clone(),
        site_counters: q.site_counters.clone(),
        no_fatalities: PhraseSet::new(&q.no_fatalities),
        mixed_fates: PhraseSet::new(&q.mixed_fates),
        grievance_before: q.grievance_before.clone(),
        singular_victim: PhraseSet::new(&f.victims.singular),
        person_heads: f.victims.person_heads.clone(),
        fighting_stopped: PhraseSet::new(&f.cessation.fighting_stopped),
        new_incident: PhraseSet::new(&f.continuity.new_incident),
        aside_openers: PhraseSet::new(&f.dating.aside_openers),
        same_day: PhraseSet::new(&f.dating.same_day),
        carrier_openers: PhraseSet::new(&f.dating.carrier_openers),
        prior_openers: PhraseSet::new(&f.dating.prior_openers),
        recall_openers: PhraseSet::new(&f.dating.recall_openers),
        aside_verbs: PhraseSet::new(&f.dating.aside_verbs),
        place_anaphors: PhraseSet::new(&f.dating.place_anaphors),
        war_outbreak: PhraseSet::new(&f.dating.war_outbreak),
        statement_days: PhraseSet::new(&f.dating.statement_days),
        told_to: PhraseSet::new(&f.dating.told_to),
        accusing: PhraseSet::new(&f.roles.accusing),
        seizing: PhraseSet::new(&f.roles.seizing),
        drugs: PhraseSet::new(&f.roles.drugs),
        counter_protest: PhraseSet::new(&f.roles.counter_protest),
        gives_up_territory: PhraseSet::new(&f.roles.gives_up_territory),
    })
}

/// The cue lists shipped in `data/cues.toml`, compiled on first use.
pub fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| parse(CUES_TOML, "data/cues.toml").expect("data/cues.toml is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str, set: &PhraseSet) -> Vec<String> {
        set.find(text, Span::new(0, text.len()))
            .map(|(s, _)| text[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn shipped_cues_parse_and_match_whole_words() {
        let c = cues();
        assert_eq!(all("The army said on Monday", &c.attribution), vec!["said"]);
        // "will" must not fire inside "Willow", "said" not inside "saids".
        assert!(all("Willow Creek residents gathered", &c.future).is_empty());
        assert_eq!(
            all("The ministry has yet to confirm the deal", &c.unconfirmed),
            vec!["yet to confirm"]
        );
        assert_eq!(all("The regime denied any deal", &c.denied), vec!["denied"]);
        assert_eq!(
            all(
                "The opposition condemned the raid on the clinic",
                &c.reaction
            ),
            vec!["condemned"]
        );
        assert_eq!(
            all("Militants reportedly shelled the base", &c.hedges),
            vec!["reportedly"]
        );
        assert_eq!(
            all(
                "The group claimed responsibility on Telegram",
                &c.claimed_responsibility
            )
            .len(),
            1
        );
        let t = "He has used sieges in recent months";
        assert!(c.generalisation.any(t, Span::new(0, t.len())));
        let t = "The offensive has left 40 dead";
        assert!(c.tally.any(t, Span::new(0, t.len())));
        let t = "Gunmen shot dead a farmer";
        assert!(c.singular_victim.any(t, Span::new(0, t.len())));
        let t = "In a separate incident, a farmer was wounded";
        assert_eq!(all(t, &c.new_incident), vec!["In a separate incident"]);
        let t = "the town, where the siege began on Monday";
        assert_eq!(all(t, &c.aside_openers), vec!["where"]);
        assert_eq!(all(t, &c.aside_verbs), vec!["began"]);
        let t = "The council met on Friday";
        assert_eq!(all(t, &c.statement_days), vec!["met"]);
        let t = "The governor told reporters on Friday";
        assert_eq!(all(t, &c.told_to), vec!["told"]);
    }

    #[test]
    fn every_quantity_list_fires_on_its_own_first_phrase() {
        let c = cues();
        for (kind, set) in &c.quantity {
            let phrase = &set.phrases[0];
            let text = format!("Officials said 12 {phrase} on Monday");
            assert!(
                set.any(&text, Span::new(0, text.len())),
                "{kind:?}: {phrase}"
            );
        }
    }

    #[test]
    fn spans_inside_a_character_are_snapped() {
        let text = "Gunmen \u{fffd}killed a man";
        let c = cues();
        // Byte 8 is inside the replacement character.
        let hits: Vec<_> = c.quantity[0]
            .1
            .find(text, Span::new(8, text.len()))
            .collect();
        assert_eq!(hits.len(), 1);
    }

    #[test]
    fn role_words_match_whole_words() {
        let c = cues();
        assert_eq!(
            all("The opposition accused the army", &c.accusing),
            vec!["accused"]
        );
        assert_eq!(
            all("Police seized 2 tons of cocaine", &c.seizing),
            vec!["seized"]
        );
        assert_eq!(
            all("Police seized 2 tons of cocaine", &c.drugs),
            vec!["cocaine"]
        );
        assert_eq!(
            all("Counter-demonstrators gathered nearby", &c.counter_protest),
            vec!["Counter-demonstrators"]
        );
        assert!(all("Drugstore owners protested", &c.drugs).is_empty());
        assert_eq!(
            all("The rebels handed over the town", &c.gives_up_territory),
            vec!["handed over"]
        );
        assert!(all("The rebels entered the town", &c.gives_up_territory).is_empty());
    }

    #[test]
    fn bad_cue_file_names_its_origin() {
        let err = parse("[attribution]\nverbs = 3", "cues-test.toml")
            .err()
            .unwrap();
        assert!(err.starts_with("cues-test.toml"), "{err}");
    }
}
