//! Stable lines of contact (`data/front_lines.toml`): who holds the places on each side of a
//! two-sided front, so that fire a report gives no shooter for is attributed the way analysts
//! do it. Fire landing in a place one side holds came from the other side; fire "in both
//! directions" near it (an armed clash) is between the two; a clash where only one side is
//! named was with the other; a clash in the front's provinces at a place neither list holds is
//! between the two sides, in the file's order. Only Battles (armed clashes) and Explosions/Remote violence
//! events are attributed, only where the text leaves the side unnamed, and the filled actor's
//! evidence says which front and place decided it (`front_line:<id>`).

use std::collections::HashMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use sitrep_actors::ActorDictionary;
use sitrep_model::{ActorRef, Evidence, PlaceRef, Span, SubEventType};
use sitrep_places::fronts::FrontFile;
use sitrep_places::normalise::name_key;

pub use sitrep_places::fronts::FRONT_LINES_TOML;

/// One two-sided front over a period.
#[derive(Debug, Clone)]
pub struct Front {
    /// Short key (`donbas`).
    pub id: String,
    /// Description.
    pub name: String,
    /// ACLED country name of its places.
    pub country: String,
    /// First and last day the held lists are true for.
    pub period: (NaiveDate, NaiveDate),
    admin1: Vec<String>,
    /// The two sides, as ACLED names them.
    pub sides: [ActorRef; 2],
    /// Name key → the side holding the place.
    held: HashMap<String, usize>,
}

/// Every front of a data file.
#[derive(Debug, Clone, Default)]
pub struct FrontLines {
    fronts: Vec<Front>,
}

impl FrontLines {
    /// Parses a front-lines file; sides are resolved with `actors` in the front's country.
    /// Errors name `origin` and the front.
    pub fn parse(text: &str, origin: &str, actors: &ActorDictionary) -> Result<Self, String> {
        let rows = FrontFile::parse(text).map_err(|e| format!("{origin}: {e}"))?;
        let mut fronts = Vec::new();
        for row in rows.front {
            let at = |what: String| format!("{origin}: front '{}': {what}", row.id);
            if row.sides.len() != 2 {
                return Err(at(format!("needs two sides, has {}", row.sides.len())));
            }
            if row.from > row.until {
                return Err(at(format!(
                    "from {} is after until {}",
                    row.from, row.until
                )));
            }
            let mut sides = Vec::new();
            let mut held = HashMap::new();
            for (s, side) in row.sides.iter().enumerate() {
                let words = side.actor.as_str();
                let found = actors.find(words, Span::new(0, words.len()), Some(&row.country));
                let actor = match found.as_slice() {
                    [m] if m.span == Span::new(0, words.len()) => ActorRef {
                        mention: String::new(),
                        evidence: None,
                        ..m.actor.clone()
                    },
                    _ => {
                        return Err(at(format!(
                            "side '{words}' is not one actor of the dictionary in {}",
                            row.country
                        )))
                    }
                };
                sides.push(actor);
                for place in &side.held {
                    let key = name_key(place);
                    if key.is_empty() {
                        return Err(at(format!("place '{place}' has no letters")));
                    }
                    if let Some(other) = held.insert(key, s) {
                        if other != s {
                            return Err(at(format!("place '{place}' is listed on both sides")));
                        }
                    }
                }
            }
            let [a, b]: [ActorRef; 2] = sides.try_into().expect("two sides checked above");
            fronts.push(Front {
                id: row.id,
                name: row.name,
                country: row.country,
                period: (row.from, row.until),
                admin1: row.admin1,
                sides: [a, b],
                held,
            });
        }
        Ok(FrontLines { fronts })
    }

    /// The shipped fronts (parsed once).
    pub fn embedded() -> &'static FrontLines {
        static FRONTS: OnceLock<FrontLines> = OnceLock::new();
        FRONTS.get_or_init(|| {
            FrontLines::parse(
                FRONT_LINES_TOML,
                "data/front_lines.toml",
                ActorDictionary::embedded(),
            )
            .expect("shipped front lines parse")
        })
    }

    /// The front running through `country` on `date`.
    pub fn at(&self, country: &str, date: NaiveDate) -> Option<&Front> {
        self.fronts
            .iter()
            .find(|f| f.country == country && f.period.0 <= date && date <= f.period.1)
    }
}

impl Front {
    /// Which side an actor is (0 or 1).
    pub fn side_of(&self, actor: &ActorRef) -> Option<usize> {
        self.sides.iter().position(|s| s.name == actor.name)
    }

    /// Which side holds a place: its name as written, else its gazetteer name; a place
    /// resolved to a province off the front is not on it.
    pub fn holder(&self, place: &PlaceRef) -> Option<usize> {
        if let Some(admin1) = &place.admin1 {
            if !self.admin1.is_empty() && !self.admin1.contains(admin1) {
                return None;
            }
        }
        [&place.mention, &place.name]
            .into_iter()
            .find_map(|n| self.held.get(&name_key(n)).copied())
    }

    /// Whether a place lies in a province the front runs through.
    pub fn on_front(&self, place: &PlaceRef) -> bool {
        place
            .admin1
            .as_ref()
            .is_some_and(|a| self.admin1.contains(a))
    }

    /// The first held place a sentence names (a capitalised word, or two or three joined by
    /// spaces or hyphens: "Kalynove-Borshchuvate", "Stanytsia Luhanska"), for villages the
    /// gazetteer lacks.
    pub fn held_in_sentence<'t>(&self, sentence: &'t str) -> Option<(usize, &'t str)> {
        let words: Vec<(usize, &str)> = sentence
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(|w| (w.as_ptr() as usize - sentence.as_ptr() as usize, w))
            .collect();
        for (i, (start, w)) in words.iter().enumerate() {
            if !w.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            for n in (1..=3).rev() {
                let Some((end_at, last)) = words.get(i + n - 1) else {
                    continue;
                };
                let name = &sentence[*start..end_at + last.len()];
                if let Some(s) = self.held.get(&name_key(name)) {
                    return Some((*s, name));
                }
            }
        }
        None
    }
}

/// Where the attribution is read from: the sentence and its trigger.
pub struct Site<'a> {
    /// The article.
    pub article_id: &'a str,
    /// The sentence index.
    pub sentence: usize,
    /// The trigger's span.
    pub trigger: Span,
    /// The sentence's text.
    pub sentence_text: &'a str,
}

/// Fills the sides of a front event that the text leaves unnamed (see the module doc).
/// Returns whether anything was filled.
pub fn attribute(
    front: &Front,
    sub: SubEventType,
    place: Option<&PlaceRef>,
    site: &Site,
    actor1: &mut Option<ActorRef>,
    actor2: &mut Option<ActorRef>,
) -> bool {
    use SubEventType as S;
    let clash = sub == S::ArmedClash;
    if !clash
        && !matches!(
            sub,
            S::ShellingArtilleryMissileAttack | S::AirDroneStrike | S::Grenade | S::RemoteExplosive
        )
    {
        return false;
    }
    let filled = |side: usize, why: String| ActorRef {
        evidence: Some(Evidence {
            article_id: site.article_id.to_string(),
            sentence: site.sentence,
            span: site.trigger,
            text: String::new(),
            rule: format!("front_line:{} {why}", front.id),
        }),
        ..front.sides[side].clone()
    };
    let named1 = actor1.as_ref().map(|a| front.side_of(a));
    let named2 = actor2.as_ref().map(|a| front.side_of(a));
    match (named1, named2) {
        // Nobody named: the holder of the place was fired on.
        (None, None) => {
            let by_place = place.and_then(|p| Some((front.holder(p)?, p.name.as_str(), p)));
            let in_sentence = front.held_in_sentence(site.sentence_text);
            // "near Zolote-5": a held name that extends the resolved place's words is more exact.
            let (h, name) = match (by_place, in_sentence) {
                (Some((_, _, p)), Some((h, n)))
                    if n.len() > p.mention.len() && n.starts_with(p.mention.as_str()) =>
                {
                    (h, n)
                }
                (Some((h, n, _)), _) | (None, Some((h, n))) => (h, n),
                (None, None) => {
                    // A clash on the front where neither holder is known is still between
                    // its two sides, listed in the file's order.
                    let on_front = place.is_some_and(|p| front.on_front(p));
                    if !clash || !on_front {
                        return false;
                    }
                    *actor1 = Some(filled(
                        0,
                        "a clash on the front, holder of the place unknown: its two sides".into(),
                    ));
                    *actor2 = Some(filled(
                        1,
                        "a clash on the front, holder of the place unknown: its two sides".into(),
                    ));
                    return true;
                }
            };
            let holder = &front.sides[h].name;
            *actor1 = Some(filled(
                1 - h,
                format!("{name} is held by {holder}: fire there came from the other side"),
            ));
            if clash {
                *actor2 = Some(filled(
                    h,
                    format!("{name} is held by {holder}: a clash there involves it"),
                ));
            }
            true
        }
        // Only the side fired on is named: the other side fired.
        (None, Some(Some(s))) => {
            *actor1 = Some(filled(
                1 - s,
                format!("{} was fired on: the other side fired", front.sides[s].name),
            ));
            true
        }
        // A clash with one side named: the other side is the opponent.
        (Some(Some(s)), None) if clash => {
            *actor2 = Some(filled(
                1 - s,
                format!(
                    "a clash of {}: the other side fought it",
                    front.sides[s].name
                ),
            ));
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"
[[front]]
id = "t"
name = "test front"
country = "Ukraine"
from = "2015-02-15"
until = "2022-02-23"
admin1 = ["Donetsk"]
source = "written for this test"
[[front.sides]]
actor = "Ukrainian forces"
held = ["Avdiivka"]
[[front.sides]]
actor = "NAF"
held = ["Horlivka", "Gorlovka"]
"#;

    fn place(name: &str, admin1: Option<&str>) -> PlaceRef {
        PlaceRef {
            mention: name.into(),
            name: name.into(),
            admin1: admin1.map(Into::into),
            ..Default::default()
        }
    }

    fn site() -> Site<'static> {
        Site {
            article_id: "a",
            sentence: 0,
            trigger: Span::new(0, 1),
            sentence_text: "",
        }
    }

    fn front() -> Front {
        let lines = FrontLines::parse(FILE, "test", ActorDictionary::embedded()).unwrap();
        let date = NaiveDate::from_ymd_opt(2020, 5, 1).unwrap();
        lines.at("Ukraine", date).unwrap().clone()
    }

    #[test]
    fn fire_on_a_held_place_came_from_the_other_side() {
        let f = front();
        let (mut a1, mut a2) = (None, None);
        let p = place("Gorlovka", Some("Donetsk"));
        let s = SubEventType::ShellingArtilleryMissileAttack;
        assert!(attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        let a1 = a1.unwrap();
        assert_eq!(a1.name, "Military Forces of Ukraine (2019-)");
        assert!(a1
            .evidence
            .unwrap()
            .rule
            .starts_with("front_line:t Gorlovka"));
        assert!(a2.is_none(), "one-sided fire leaves the target unnamed");
    }

    #[test]
    fn a_clash_near_a_held_place_is_between_both_sides() {
        let f = front();
        let (mut a1, mut a2) = (None, None);
        let p = place("Avdiivka", Some("Donetsk"));
        assert!(attribute(
            &f,
            SubEventType::ArmedClash,
            Some(&p),
            &site(),
            &mut a1,
            &mut a2
        ));
        assert_eq!(a1.unwrap().name, "NAF: United Armed Forces of Novorossiya");
        assert_eq!(a2.unwrap().name, "Military Forces of Ukraine (2019-)");
    }

    #[test]
    fn a_clash_at_a_place_of_unknown_holder_on_the_front_is_between_its_sides() {
        let f = front();
        let (mut a1, mut a2) = (None, None);
        let p = place("Novoselivka", Some("Donetsk"));
        assert!(attribute(
            &f,
            SubEventType::ArmedClash,
            Some(&p),
            &site(),
            &mut a1,
            &mut a2
        ));
        assert_eq!(a1.unwrap().name, "Military Forces of Ukraine (2019-)");
        assert_eq!(a2.unwrap().name, "NAF: United Armed Forces of Novorossiya");
        // one-sided fire there names nobody; nor does a clash off the front's provinces
        let (mut a1, mut a2) = (None, None);
        let s = SubEventType::ShellingArtilleryMissileAttack;
        assert!(!attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        let p = place("Novoselivka", Some("Kharkiv"));
        let s = SubEventType::ArmedClash;
        assert!(!attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        assert!(a1.is_none() && a2.is_none());
    }

    #[test]
    fn a_held_name_longer_than_the_resolved_place_decides() {
        let file = FILE.replace(
            "held = [\"Avdiivka\"]",
            "held = [\"Avdiivka\", \"Horlivka-3\"]",
        );
        let lines = FrontLines::parse(&file, "test", ActorDictionary::embedded()).unwrap();
        let f = lines
            .at("Ukraine", NaiveDate::from_ymd_opt(2020, 5, 1).unwrap())
            .unwrap();
        let text = "Monitors counted 5 explosions near Horlivka-3 on Friday.";
        assert_eq!(f.held_in_sentence(text), Some((0, "Horlivka-3")));
        let site = Site {
            sentence_text: text,
            ..site()
        };
        // the gazetteer resolved only "Horlivka" (held by NAF); "Horlivka-3" is Ukraine's
        let p = place("Horlivka", Some("Donetsk"));
        let (mut a1, mut a2) = (None, None);
        let s = SubEventType::RemoteExplosive;
        assert!(attribute(f, s, Some(&p), &site, &mut a1, &mut a2));
        assert_eq!(a1.unwrap().name, "NAF: United Armed Forces of Novorossiya");
    }

    #[test]
    fn a_named_side_gets_its_opponent_and_other_events_are_left_alone() {
        let f = front();
        let naf = f.sides[1].clone();
        let (mut a1, mut a2) = (Some(naf.clone()), None);
        assert!(attribute(
            &f,
            SubEventType::ArmedClash,
            None,
            &site(),
            &mut a1,
            &mut a2
        ));
        assert_eq!(a2.unwrap().name, "Military Forces of Ukraine (2019-)");
        // shelling by a named side keeps its target unnamed
        let (mut a1, mut a2) = (Some(naf), None);
        let s = SubEventType::ShellingArtilleryMissileAttack;
        assert!(!attribute(&f, s, None, &site(), &mut a1, &mut a2));
        assert!(a2.is_none());
        // not a fighting event; a place off the front; a province off the front
        let (mut a1, mut a2) = (None, None);
        let p = place("Horlivka", Some("Donetsk"));
        let s = SubEventType::PeacefulProtest;
        assert!(!attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        let p = place("Kyiv", Some("Kyiv City"));
        let s = SubEventType::ShellingArtilleryMissileAttack;
        assert!(!attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        let p = place("Horlivka", Some("Lviv"));
        assert!(!attribute(&f, s, Some(&p), &site(), &mut a1, &mut a2));
        assert!(a1.is_none() && a2.is_none());
    }

    #[test]
    fn a_village_the_gazetteer_lacks_is_found_in_the_sentence() {
        let f = front();
        let text = "On Friday monitors counted 12 explosions near Horlivka, Donetsk region.";
        assert_eq!(f.held_in_sentence(text), Some((1, "Horlivka")));
        let site = Site {
            sentence_text: text,
            ..site()
        };
        let (mut a1, mut a2) = (None, None);
        let s = SubEventType::ShellingArtilleryMissileAttack;
        assert!(attribute(&f, s, None, &site, &mut a1, &mut a2));
        assert_eq!(a1.unwrap().name, "Military Forces of Ukraine (2019-)");
        assert_eq!(
            f.held_in_sentence("no held place is named here, Kyiv"),
            None
        );
    }

    #[test]
    fn fronts_hold_only_in_their_period_and_country() {
        let lines = FrontLines::parse(FILE, "test", ActorDictionary::embedded()).unwrap();
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert!(lines.at("Ukraine", d(2015, 2, 15)).is_some());
        assert!(lines.at("Ukraine", d(2014, 8, 1)).is_none());
        assert!(lines.at("Ukraine", d(2022, 3, 1)).is_none());
        assert!(lines.at("Russia", d(2020, 1, 1)).is_none());
    }

    #[test]
    fn bad_files_name_the_file_and_front() {
        let dict = ActorDictionary::embedded();
        let both = FILE.replace("\"Horlivka\", ", "\"Horlivka\", \"Avdiivka\", ");
        let err = FrontLines::parse(&both, "f.toml", dict).unwrap_err();
        assert!(err.contains("f.toml") && err.contains("'t'") && err.contains("both sides"));
        let unknown = FILE.replace("actor = \"NAF\"", "actor = \"the Martians\"");
        let err = FrontLines::parse(&unknown, "f.toml", dict).unwrap_err();
        assert!(err.contains("not one actor"), "{err}");
        let err = FrontLines::parse("[[front]]\nid = 3", "f.toml", dict).unwrap_err();
        assert!(err.starts_with("f.toml"), "{err}");
    }

    #[test]
    fn shipped_fronts_parse() {
        let lines = FrontLines::embedded();
        let d = NaiveDate::from_ymd_opt(2020, 5, 9).unwrap();
        let donbas = lines.at("Ukraine", d).expect("the Donbas front");
        assert_eq!(donbas.holder(&place("Mariupol", None)), Some(0));
        assert_eq!(donbas.holder(&place("Horlivka", None)), Some(1));
    }
}
