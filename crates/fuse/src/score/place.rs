//! The place cue: whether two mentions' places are one (same entry, one name spelt two ways, a
//! town and the broad city or province it lies in) or apart (distance, provinces), and the place
//! helpers other cues use ([`broad_place`], [`same_place`], [`places_near`]).

use super::*;

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
pub(super) fn name_key(name: &str) -> String {
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
pub(super) fn same_name_key(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    common >= 3 && a.len().abs_diff(b.len()) <= 2
}

/// Whether two place-name keys ([`name_key`]) of five letters or more are one name spelt two
/// ways: at most two letters added, dropped or changed ("idleb" / "idlib", "deirsharqi" /
/// "deiralsharqi"; not "deirsharqi" / "deirhafer"). Stricter than [`same_name_key`], which only
/// compares names at one area's coordinates.
pub(super) fn spelt_two_ways(a: &str, b: &str) -> bool {
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

/// Place cue of a name the gazetteer lacks (read at its province's precision) and another place
/// of the province, named apart, neither broad: two villages of one province more often than
/// one village spelt two ways (which [`spelt_two_ways`] and the transliteration rule catch):
/// the place says nothing for one event (on the FA-KES labels, 0.0 and 0.2 alike undo two
/// wrong merges and split one right one; 0.0 keeps apart raids on two villages told alike).
const UNKNOWN_NAMES_APART: f32 = 0.0;

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

/// Whether `u` is a name the gazetteer did not know and `k` one it placed, in the same province
/// or with none (the flags first: most pairs have no unknown name, and the name keys allocate).
fn unknown_beside_known(u: &PlaceRef, k: &PlaceRef) -> bool {
    u.unresolved_name
        && !k.unresolved_name
        && !(u.admin1.is_some() && k.admin1.is_some() && u.admin1 != k.admin1)
}

/// Whether one place is a name the gazetteer did not know that begins with the other's (known)
/// name, in the same province: "Qamishli Hasaka" (a town and its province run together) is
/// Qamishli. The unknown name is read at the province's precision, which would make the two
/// only "within the province".
pub(super) fn unknown_name_runs_on(p: &PlaceRef, q: &PlaceRef) -> bool {
    let runs_on = |u: &PlaceRef, k: &PlaceRef| {
        if !unknown_beside_known(u, k) {
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

/// Whether one place is a name the reader left unknown that the other report wrote alike and
/// the gazetteer placed ("Oicha" unresolved in one report, resolved in the other, where its
/// province agreed): one place. Names of four letters or more, in the same province or with
/// none.
pub(super) fn unknown_name_written_alike(p: &PlaceRef, q: &PlaceRef) -> bool {
    let alike = |u: &PlaceRef, k: &PlaceRef| {
        if !unknown_beside_known(u, k) {
            return false;
        }
        let written = name_key(&u.mention);
        written.len() >= 4 && (written == name_key(&k.mention) || written == name_key(&k.name))
    };
    alike(p, q) || alike(q, p)
}

/// The consonants of a place-name key ([`name_key`]) with doubled letters written once: what
/// transliterations of one Arabic name keep ("Millis" and "Meles" -> "mls").
pub(super) fn skeleton(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().filter(|c| !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether one place is a name the gazetteer did not know, or its first word, that is the
/// other's name transliterated with other vowels or doubled letters ([`skeleton`]: "Millis
/// Idlib", a town and its province run together, and Meles; "Kfar Zeita" and Kafr Zayta), in
/// the same province or with none: names of five letters or more, three consonants or more.
pub(super) fn unknown_name_transliterated(p: &PlaceRef, q: &PlaceRef) -> bool {
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
        let whole = name_key(&u.name);
        let known = name_key(&k.name);
        let sk = skeleton(&known);
        known.len() >= 5
            && sk.len() >= 3
            && [first, whole]
                .iter()
                .any(|key| key.len() >= 5 && skeleton(key) == sk)
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

/// `province_kind`: both report a kind that seldom recurs even in a whole city (a gas attack, a
/// bombing, a deal), which outlets tell by the province as often as by the town: a city named
/// like its province and a town of that province far from the city are then within the
/// province (for other kinds, the city is the city and the town too far from it).
pub(super) fn place_score(
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
    // (broad when the known one is a broad place: the unknown one is read at its province's or
    // country's precision)
    let known_broad =
        (!p.unresolved_name && a.broad_place) || (!q.unresolved_name && b.broad_place);
    if unknown_name_written_alike(p, q) {
        return Ok(one_place(
            known_broad,
            ", the name one report wrote left unknown by the other",
        ));
    }
    if unknown_name_transliterated(p, q) {
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
            // a village the gazetteer lacks and another place named apart ("the village of
            // Sokoura" / "the village of Ogossagou", "Bankass"): two places of one province
            _ if (p.unresolved_name || q.unresolved_name) && !broad => Ok(cue(
                UNKNOWN_NAMES_APART,
                why!(
                    explain,
                    "{} / {}: a name unknown and another within the province",
                    p.name,
                    q.name
                ),
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

/// Both mentions name a specific place (not a broad one: [`broad_place`]; their own or another
/// their sentences name) and no specific place of one is one of the other's (by name: the
/// gazetteer gives a city's quarters the city's coordinates).
pub(super) fn sub_places_differ(a: &Mention, b: &Mention) -> bool {
    let specific = |m: &Mention| -> Vec<String> {
        m.places()
            .filter(|p| !broad_place(p))
            .map(|p| name_key(&p.name))
            .collect()
    };
    let (x, y) = (specific(a), specific(b));
    !x.is_empty() && !y.is_empty() && !x.iter().any(|k| y.iter().any(|l| same_name_key(k, l)))
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
