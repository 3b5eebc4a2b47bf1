//! Reading the places of one article: mention finding, cues, disambiguation from context,
//! precision codes, unresolved names, and the article's primary location.

use crate::data::{PlaceCue, PlaceWord, SpeakerSeats};
use crate::fronts::Front;
use crate::index::{
    FLAG_ADMIN_SEAT, FLAG_CAPITAL, FLAG_SECTION, FLAG_USER, NO_ADMIN1, TAG_ADMIN1, TAG_PLACE,
};
use crate::normalise::{
    is_apostrophe, is_arabic_char, is_article, name_key, plain, plain_is, spelled_nearly,
};
use crate::Gazetteer;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use sitrep_model::{Evidence, PlaceRef, Span};

/// What a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A town, city or village.
    Town,
    /// Part of a town: camp, neighbourhood, square.
    District,
    /// A first-level division (province, governorate, oblast).
    Admin1,
    /// A country (by name or demonym).
    Country,
    /// A larger region.
    Region,
    /// A place the gazetteer lacks; coordinates are those of the containing area.
    Unresolved,
}

/// One place named in an article.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// The characters of the name (article-relative bytes).
    pub span: Span,
    /// The resolved place with precision codes and evidence.
    pub place: PlaceRef,
    /// The cue before (or after) the name.
    pub cue: PlaceCue,
    /// What it names.
    pub kind: PlaceKind,
    /// Confidence in the choice among same-named entries, 0-1.
    pub score: f32,
    /// When this mention only qualifies another one (`Artik` in `Artik (Artik, Shirak,
    /// Armenia)`, `Guanajuato` in `Leon, Guanajuato`), the index of that mention.
    pub qualifies: Option<usize>,
    /// The seat of who speaks or reports ("a source in Hasaka told", "SANA reporter in
    /// Aleppo", "the Idlib Media Center"): where the news came from, which need not be
    /// where it happened.
    pub seat: bool,
    /// An origin told by who its people are ("Madaya evacuees said", "residents of the villages
    /// of Foua and Kefraya in Idlib province"): where they came from, not where the sentence's
    /// event happened (unlike "left Foua", which happened there).
    pub origin_of_people: bool,
    /// Named in a photo caption ("A man reacts at a site hit by an airstrike in the town of
    /// X. (Photo AFP)", "... carry the body in Y Syria June 12 2016."): the place of the
    /// picture, which does not refine a place another sentence names.
    pub caption: bool,
}

/// The places of one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticlePlaces {
    /// Mentions in text order.
    pub mentions: Vec<PlaceMention>,
    /// ISO alpha-2 of the country the article is mostly about.
    pub main_country: Option<String>,
    /// Display name of the admin1 the article is mostly about.
    pub main_admin1: Option<String>,
}

impl ArticlePlaces {
    /// Best guess of where the article's main event happened: a place where something
    /// happened (not a destination or origin), a town before a province before a country,
    /// in the article's main country, early in the text.
    pub fn primary(&self) -> Option<&PlaceMention> {
        self.primary_index().map(|i| &self.mentions[i])
    }

    /// The index in [`ArticlePlaces::mentions`] of [`ArticlePlaces::primary`] (one pass over
    /// the mentions: callers that ask per event compute it once per article).
    pub fn primary_index(&self) -> Option<usize> {
        let main = self.main_country.as_deref();
        self.mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.qualifies.is_none())
            .map(|(i, m)| {
                let kind = match m.kind {
                    PlaceKind::Town | PlaceKind::District => 3.0,
                    // (one placed in the town the text puts it in is as precise as a town)
                    PlaceKind::Unresolved if m.place.where_prec <= 2 => 3.0,
                    PlaceKind::Unresolved => 2.4,
                    PlaceKind::Admin1 => 1.8,
                    PlaceKind::Region => 1.0,
                    PlaceKind::Country => {
                        let rule = m.place.evidence.as_ref().map(|e| e.rule.as_str());
                        if rule
                            .is_some_and(|r| r.starts_with("demonym") || r.contains("-modifier:"))
                        {
                            -3.0
                        } else {
                            0.0
                        }
                    }
                };
                let cue = match m.cue {
                    PlaceCue::In => 1.5,
                    PlaceCue::Near | PlaceCue::Outskirts | PlaceCue::Countryside => 1.3,
                    PlaceCue::Border => 0.5,
                    PlaceCue::None => 0.0,
                    PlaceCue::From => -2.0,
                    PlaceCue::Towards => -2.5,
                };
                let country = if main.is_some() && m.place.country_code.as_deref() == main {
                    1.5
                } else {
                    0.0
                };
                // (the seat of who speaks, "a hospital source in Goma", is where the news
                // came from, not where the story is)
                let seat = if m.seat { -2.0 } else { 0.0 };
                let order = -0.6 * m.sentence.min(8) as f32 - 0.02 * i.min(20) as f32;
                (kind + cue + country + seat + order + 0.5 * m.score, i)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, i)| i)
    }

    /// Mentions in sentence `i`.
    pub fn in_sentence(&self, i: usize) -> impl Iterator<Item = &PlaceMention> {
        self.mentions.iter().filter(move |m| m.sentence == i)
    }
}

// ---------------------------------------------------------------- captions

/// Words that open a credit line rather than a place ("Source TRTWorld", "Photo Reuters").
const CREDIT_OPENERS: &[&str] = &["Source", "Photo", "Credit", "Courtesy"];

/// Drops the names the gazetteer lacks that are a credit, not a place: one that is all of a
/// square bracket after a caption ("... in east Aleppo on Sunday [Zouhir al-Shimale]"), or
/// one opened by a credit word ("Source TRTWorld and agencies").
fn drop_credits(text: &str, mentions: &mut Vec<PlaceMention>) {
    let credit = |m: &PlaceMention| {
        if m.kind != PlaceKind::Unresolved {
            return false;
        }
        let bracketed = text[..m.span.start].ends_with('[') && text[m.span.end..].starts_with(']');
        let opened = text[m.span.start..m.span.end]
            .split(' ')
            .next()
            .is_some_and(|w| CREDIT_OPENERS.contains(&w));
        bracketed || opened
    };
    if !mentions.iter().any(credit) {
        return;
    }
    let mut new_index = Vec::with_capacity(mentions.len());
    let mut kept = 0;
    for m in mentions.iter() {
        new_index.push((!credit(m)).then(|| {
            kept += 1;
            kept - 1
        }));
    }
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        new_index[k - 1].is_some()
    });
    for m in mentions.iter_mut() {
        m.qualifies = m.qualifies.and_then(|q| new_index[q]);
    }
}

/// Nouns that end an armed group's name ("the Gran Grif gang", "the Jalisco New Generation
/// Cartel"): the name before them is the group's, not a place.
const GROUP_NOUNS: &[&str] = &[
    "gang", "gangs", "cartel", "cartels", "militia", "militias", "brigade", "brigades",
];

/// How far into a text a wire dateline's bracketed credit may close ("KHERSON, Ukraine, Dec 9
/// (Kyiv Wire) - ...").
const DATELINE_CREDIT_BYTES: usize = 160;

/// Byte ranges that name who reports, not where: the outlet's own name wherever the text
/// writes it ("the Kyiv Independent reported", for an article of the Kyiv Independent) and the
/// bracketed credit of a wire dateline ("KHERSON, Ukraine, Dec 9 (Kyiv Wire) - Russian
/// artillery shelled ..."): "Kyiv" there is no place of the report.
fn outlet_credits(text: &str, source: Option<&str>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let head = &text[..text.floor_char_boundary(DATELINE_CREDIT_BYTES.min(text.len()))];
    let close = [") - ", ") \u{2013} ", ") \u{2014} ", ") -- "]
        .iter()
        .filter_map(|dash| head.find(dash))
        .min();
    if let Some(close) = close {
        if let Some(open) = head[..close].rfind('(') {
            // a dateline, not a sentence that ran on: no sentence ends before its credit
            if !head[..open].contains(". ") {
                out.push((open, close + 1));
            }
        }
    }
    if let Some(source) = source.map(str::trim).filter(|s| s.len() >= 4) {
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        for (at, _) in text.match_indices(source) {
            let end = at + source.len();
            if boundary(text[..at].chars().next_back()) && boundary(text[end..].chars().next()) {
                out.push((at, end));
            }
        }
    }
    out
}

/// Marks the mentions named in photo captions ([`PlaceMention::caption`], read by
/// [`sitrep_time::caption::caption_end`]). Only the sentences that name a place are looked at,
/// each once.
fn mark_captions(text: &str, sentences: &[Span], mentions: &mut [PlaceMention]) {
    let mut ends: Vec<Option<Option<usize>>> = vec![None; sentences.len()];
    for m in mentions {
        let Some(&s) = sentences.get(m.sentence) else {
            continue;
        };
        let end = *ends[m.sentence].get_or_insert_with(|| {
            let dates = sitrep_time::find_dates(text, s, None);
            sitrep_time::caption::caption_end(text, s, &dates)
        });
        m.caption = end.is_some_and(|e| m.span.end <= e);
    }
}

// ---------------------------------------------------------------- tokens

#[derive(Debug, Clone)]
struct Token {
    start: usize,
    end: usize,
    sentence: usize,
    /// First letter uppercase.
    cap: bool,
    /// All letters uppercase (acronyms).
    all_caps: bool,
    arabic: bool,
    /// Lowercase text.
    lower: String,
    /// Only spaces, hyphens or apostrophes between the previous token and this one.
    joined: bool,
}

fn tokenize(text: &str, sentences: &[Span]) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut sent = 0usize;
    let mut it = text.char_indices().peekable();
    let mut last_end = 0usize;
    while let Some((i, c)) = it.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = it.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                it.next();
            } else if is_apostrophe(d) {
                // keep an apostrophe inside a word (Sha'afah, Dar'a), not a possessive 's
                let mut look = it.clone();
                look.next();
                let next = look.peek().map(|&(_, e)| e);
                look.next();
                let after = look.peek().map(|&(_, e)| e);
                let possessive = next == Some('s') && !after.is_some_and(char::is_alphanumeric);
                match next {
                    Some(e) if e.is_alphabetic() && !possessive => {
                        it.next();
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        while sent + 1 < sentences.len() && start >= sentences[sent + 1].start {
            sent += 1;
        }
        while sent < sentences.len() && start >= sentences[sent].end && sent + 1 < sentences.len() {
            sent += 1;
        }
        let word = &text[start..end];
        let gap = &text[last_end..start];
        let joined = !out.is_empty()
            && gap.len() <= 3
            && gap
                .chars()
                .all(|g| g == ' ' || g == '-' || is_apostrophe(g));
        let first = word.chars().next().unwrap_or(' ');
        let letters = word.chars().filter(|c| c.is_alphabetic());
        // acronyms: all capitals ("SDF") or capitals with a plural s ("IEDs")
        let upper = word.chars().filter(|c| c.is_uppercase()).count();
        let all_caps = word.chars().filter(|c| c.is_alphabetic()).count() > 1
            && (letters.clone().all(|c| c.is_uppercase()) || (upper >= 2 && word.ends_with('s')));
        out.push(Token {
            start,
            end,
            sentence: sent,
            cap: first.is_uppercase(),
            all_caps,
            arabic: is_arabic_char(first),
            lower: word.to_lowercase(),
            joined,
        });
        last_end = end;
    }
    out
}

/// Words a cue may stand before ("in the strategic village of X", "near the northern
/// outskirts of X").
fn is_descriptive(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "north"
            | "south"
            | "east"
            | "west"
            | "northeastern"
            | "northwestern"
            | "southeastern"
            | "southwestern"
            | "rural"
            | "besieged"
            | "nearby"
            | "strategic"
            | "key"
            | "small"
            | "remote"
            | "border"
            | "frontline"
            | "its"
            | "their"
            | "his"
            | "her"
            | "coastal"
            | "desert"
            | "mountain"
            | "mountainous"
            | "main"
            | "major"
            | "ancient"
            | "old"
            | "new"
            | "capital"
            | "provincial"
            | "eastern-most"
            | "second"
            | "third"
            | "largest"
            | "biggest"
            | "some"
            | "several"
            | "two"
            | "three"
            | "many"
            | "nearby-"
            | "rebel-held"
            | "regime-held"
            | "government-held"
            | "held"
            | "rebel"
            | "opposition"
            | "isis"
            | "is"
    )
}

/// Whether the mention `f` names the seat of who speaks or reports: "a source in Hasaka
/// told", "SANA reporter in the city of Aleppo", "a medical source at Aleppo Health
/// Directorate", "the Idlib Media Center", "the local council of Daraya". The words are those
/// of `speaker_seats.txt`.
fn speaker_seat(seats: &SpeakerSeats, toks: &[Token], f: &Found) -> bool {
    let sent = toks[f.first].sentence;
    let tok = |k: usize| toks.get(k).filter(|t| t.sentence == sent);
    // a body named after the place: "Idlib Media Center", "Aleppo Health Directorate"
    let end = f.word_after_tok.unwrap_or(f.last);
    let next = |n: usize| tok(end + n).filter(|t| t.joined).map(|t| t.lower.as_str());
    if let (Some(a), Some(b)) = (next(1), next(2)) {
        if seats.body.iter().any(|(x, y)| x == a && y == b) {
            return true;
        }
    }
    // an office of the place: "Balochistan's home minister said" (the possessive's "s" is
    // a token of its own)
    if tok(f.last + 1).is_some_and(|t| t.joined && t.lower == "s")
        && (2..=3)
            .any(|n| tok(f.last + n).is_some_and(|t| t.joined && seats.poss.contains(&t.lower)))
    {
        return true;
    }
    // who is there: "a source in", "reporter in the city of", "the local council of"
    let mut k = f.first;
    while k > 0 {
        let Some(prev) = tok(k - 1) else { return false };
        if !toks[k].joined {
            return false;
        }
        if matches!(prev.lower.as_str(), "in" | "at" | "of") {
            break;
        }
        if !(is_descriptive(&prev.lower)
            || matches!(
                prev.lower.as_str(),
                "city" | "town" | "province" | "governorate"
            ))
        {
            return false;
        }
        k -= 1;
    }
    if k == 0 {
        return false;
    }
    let cue = k - 1;
    let of = toks[cue].lower == "of";
    cue > 0
        && tok(cue - 1).is_some_and(|w| {
            toks[cue].joined
                && if of {
                    seats.of.contains(&w.lower)
                } else {
                    seats.at.contains(&w.lower)
                }
        })
}

/// Whether the name `text[start..end]` is followed by its handle in brackets, written without
/// its spaces and dashes: "Joyce Karam (JoyceKaram)", "Carol Malouf (@carolmalouf)" (an
/// embedded post's author).
fn handle_follows(text: &str, start: usize, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(" (") else {
        return false;
    };
    let Some(close) = rest.find(')').filter(|&c| c <= 40) else {
        return false;
    };
    let handle = rest[..close].trim_start_matches('@');
    let letters = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    !handle.is_empty()
        && !handle.contains(' ')
        && text[start..end].contains(' ')
        && letters(handle) == letters(&text[start..end])
}

/// "a protest in Mogilev in solidarity with the protest in Brest", "a sit-in in support of
/// the detainees of Idlib": a place named after "in solidarity with" or "in support of" (in
/// the same clause) is where the cause is, not where it happened: cue `From`, so that a place
/// the text puts the event in wins.
fn solidarity_elsewhere(text: &str, toks: &[Token], found: &mut [Found]) {
    for f in found.iter_mut() {
        if !matches!(f.cue, PlaceCue::In | PlaceCue::None) {
            continue;
        }
        let sent = toks[f.first].sentence;
        let mut k = f.first;
        let mut steps = 0;
        while k > 1 && steps < 10 {
            let prev = &toks[k - 1];
            if prev.sentence != sent || text[prev.end..toks[k].start].contains([',', ';', '(']) {
                break;
            }
            // "solidarity with", "(in) support of/for"
            let cause = matches!(toks[k].lower.as_str(), "with" | "of" | "for")
                && (prev.lower == "solidarity"
                    || (prev.lower == "support" && toks[k - 2].lower == "in"));
            if cause && steps > 0 {
                f.cue = PlaceCue::From;
                break;
            }
            k -= 1;
            steps += 1;
        }
    }
}

/// Share of the article-province vote of a place named as an origin or a destination
/// (cue `From` or `Towards`).
const ORIGIN_ADMIN1_WEIGHT: f32 = 0.25;

/// How far apart (km) two towns named one after the other may lie to be read as a list.
const LIST_KM: f64 = 25.0;

/// How far (km) from the seat of a province a place outside it may lie and still be read as
/// one of the seat's suburbs when the province qualifies it.
const SUBURB_KM: f64 = 20.0;

/// Why a capitalised run ends before a word ([`Gazetteer::run_break`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RunBreak {
    No,
    /// a weekday, month or source word
    Word,
    /// the province the name lies in
    Province,
    /// the next town of a list
    List,
}

/// A compass direction, lower case, as written before "of" ("west of Aleppo", "north-east of
/// Idlib") or for a part of a country ("in the south").
pub fn is_compass(w: &str) -> bool {
    matches!(
        w,
        "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest"
    )
}

/// Words for people (or what carries them) whose origin "from" tells: "evacuees from",
/// "women from", "a convoy from" (who they are, not where something happened to them).
fn is_people_noun(w: &str) -> bool {
    matches!(
        w,
        "evacuees"
            | "evacuee"
            | "residents"
            | "refugees"
            | "civilians"
            | "people"
            | "families"
            | "women"
            | "children"
            | "villagers"
            | "inhabitants"
            | "natives"
            | "passengers"
            | "pilgrims"
            | "convoy"
            | "convoys"
            | "buses"
    )
}

/// Whether the name at token `first`, cued `From`, follows "from" (words between: "from the
/// northern towns of") written right after a word for people ([`is_people_noun`]).
fn from_after_people(toks: &[Token], first: usize) -> bool {
    let sent = toks[first].sentence;
    let mut k = first;
    for _ in 0..6 {
        if k < 2 || toks[k - 1].sentence != sent || !toks[k].joined_loose() {
            return false;
        }
        let w = toks[k - 1].lower.as_str();
        if w == "from" {
            return toks[k - 2].sentence == sent
                && toks[k - 1].joined_loose()
                && is_people_noun(&toks[k - 2].lower);
        }
        k -= 1;
    }
    false
}

/// "residents from the towns of Foua and Kefraya", "buses bound for Aleppo or Hama": a name
/// listed right after an origin or a destination, with no cue of its own, is one too.
fn list_shares_cue(text: &str, toks: &[Token], found: &mut [Found]) {
    for k in 1..found.len() {
        let (prev, f) = (&found[k - 1], &found[k]);
        let (a, b) = (
            toks[prev.word_after_tok.unwrap_or(prev.last)].end,
            toks[f.first].start,
        );
        if f.cue == PlaceCue::None
            && matches!(prev.cue, PlaceCue::From | PlaceCue::Towards)
            && a <= b
            && toks[prev.first].sentence == toks[f.first].sentence
            && matches!(text[a..b].trim(), "and" | ", and" | "or")
        {
            found[k].cue = found[k - 1].cue;
            found[k].origin_of_people |= found[k - 1].origin_of_people;
        }
    }
}

/// Common English words that join names but are never inside one ("Aleppo and Idlib",
/// "Syria in March"): not worth looking up as part of a name.
fn is_english_glue(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "of"
            | "to"
            | "from"
            | "the"
            | "a"
            | "an"
            | "by"
            | "for"
            | "with"
            | "near"
            | "as"
            | "is"
            | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "said"
            | "says"
            | "after"
            | "before"
            | "into"
            | "between"
            | "who"
            | "which"
            | "that"
            | "but"
            | "while"
            | "when"
            | "since"
            | "during"
            | "against"
            | "over"
            | "under"
            | "than"
            | "its"
            | "his"
            | "her"
            | "their"
    )
}

/// Words after a name that make it a road ("the Kabul-Jalalabad highway").
fn is_road_word(w: &str) -> bool {
    matches!(
        w,
        "road" | "roads" | "highway" | "expressway" | "motorway" | "stretch"
    )
}

/// Lowercase words allowed inside a multi-word name.
fn is_connector(w: &str) -> bool {
    is_article(w)
        || matches!(
            w,
            "de" | "del"
                | "la"
                | "le"
                | "les"
                | "las"
                | "los"
                | "of"
                | "da"
                | "do"
                | "dos"
                | "das"
                | "du"
                | "des"
                | "di"
                | "bin"
                | "ibn"
                | "bani"
                | "bint"
                | "abu"
                | "y"
                | "e"
                | "sur"
                | "au"
                | "aux"
                | "en"
                | "am"
                | "an"
                | "der"
                | "im"
                | "al"
        )
}

/// Whether `rest` opens with a distance set off by a comma (", 25 km west of Goma", ", about 40
/// kilometres from"): what it follows is a place.
fn distance_follows(rest: &str) -> bool {
    let Some(after) = rest.strip_prefix(", ") else {
        return false;
    };
    let mut words = after.split_whitespace();
    let mut word = words.next().unwrap_or("");
    if matches!(word, "about" | "some" | "around" | "nearly" | "roughly") {
        word = words.next().unwrap_or("");
    }
    let (digits, unit) = word.split_at(
        word.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(word.len()),
    );
    let unit = if unit.is_empty() {
        words.next().unwrap_or("")
    } else {
        unit
    };
    !digits.is_empty()
        && matches!(
            unit.trim_end_matches([',', '.']),
            "km" | "kms" | "kilometres" | "kilometers" | "miles" | "mi"
        )
}

/// Whether `rest` opens with a parenthesised list of capitalised names ("(Diguel, Soum)",
/// "(Central Equatoria state)"), as ACLED writes the divisions of a place.
fn is_division_list(rest: &str) -> bool {
    let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    let inner = &inner[..close];
    if inner.is_empty() || inner.len() > 80 {
        return false;
    }
    inner.split(',').all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        let Some(first) = words.first() else {
            return false;
        };
        let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
        // an acronym alone ("(IS)", "(SDF)") is no division
        let acronym =
            words.len() == 1 && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase());
        !acronym
            && first.chars().next().is_some_and(char::is_uppercase)
            && words.iter().all(|w| {
                w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            })
    })
}

/// "at" and "as" inside a capitalised run are the English prepositions ("the LoC at Uri"),
/// unless hyphenated to the next word as Arabic articles are ("Tall at-Tamr").
fn english_preposition(text: &str, toks: &[Token], k: usize) -> bool {
    matches!(toks[k].lower.as_str(), "at" | "as")
        && toks
            .get(k + 1)
            .is_none_or(|n| !text[toks[k].end..n.start].contains('-'))
}

fn word_ok_in_name(t: &Token) -> bool {
    t.cap || t.arabic || is_connector(&t.lower)
}

// ---------------------------------------------------------------- matches

/// Weight of the outlet's country among the votes for the article's country: two demonyms'
/// (an outlet of one country reports mostly on it), less than one country named (3.0).
const OUTLET_WEIGHT: f32 = 2.0;

/// Suffixes that make a place's name a modifier of an outside party ("Saudi-led",
/// "Iran-aligned"): who backs or leads, not where (the event reader asks it of any place).
pub const MODIFIER_SUFFIXES: &[&str] = &[
    "-led",
    "-backed",
    "-based",
    "-born",
    "-funded",
    "-supported",
    "-sponsored",
    "-allied",
    "-aligned",
    "-linked",
    "-affiliated",
    "-trained",
    "-armed",
    // the same written apart ("a Turkey backed faction", "the Saudi led coalition")
    " led coalition",
    " led forces",
    " backed",
    " funded",
    " supported",
    " sponsored",
    " allied",
    " aligned",
];

/// Words after a demonym that make it an armed force or its fire, which often acts abroad
/// ("Turkish forces shelled ... in Syria", "Israeli troops raided ... in the West Bank",
/// "Russian shelling hit Kharkiv"): weaker
/// country context than a demonym of people, places or institutions ("Mauritanian police"
/// and "Syrian regime" stay full demonyms).
const FORCE_WORDS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "soldiers",
    "soldier",
    "army",
    "military",
    "warplanes",
    "warplane",
    "jets",
    "aircraft",
    "drones",
    "drone",
    "airstrikes",
    "airstrike",
    "navy",
    "artillery",
    "warships",
    "helicopters",
    "helicopter",
    "gunships",
    "tanks",
    "shelling",
    "strikes",
    "strike",
    "missiles",
    "missile",
    "rockets",
    "bombardment",
    "bombing",
    "bombings",
    "invasion",
    "occupation",
    "offensive",
    "raids",
    "mercenaries",
    "mercenary",
    "paratroopers",
    "commandos",
];
/// Bonus of a province whose country calls its provinces by the word after its name
/// ([`Gazetteer::term_bonus`]): about what another mention of the country in the article adds.
const ADMIN1_TERM_BONUS: f32 = 3.0;

/// A town this big, spelled as written, is not ruled out by the outlet's country alone.
const SIZEABLE_TOWN: u32 = 20_000;

/// Vote of a country named as the subject of a verb of acting or saying ("Russia launched a
/// drone attack on the port of Odesa", "Turkey regards the YBS as") or after "by" ("a truce
/// brokered by Russia"): an actor, not a location (a country named where events are weighs 3).
const COUNTRY_AGENT_WEIGHT: f32 = 0.5;

/// Whether the country name ending at token `last` owns a force or its fire: "Russia's missile
/// attack on Kramatorsk", "Israel's air strikes", "Russia's invasion" (the possessive's "s" is a
/// token of its own): an actor, not where it happened ([`COUNTRY_AGENT_WEIGHT`]).
fn owns_the_force(toks: &[Token], last: usize) -> bool {
    let joined = |k: usize| {
        toks.get(k)
            .filter(|t| t.joined && t.sentence == toks[last].sentence)
    };
    joined(last + 1).is_some_and(|t| t.lower == "s")
        && (2..=3).any(|n| {
            joined(last + n).is_some_and(|t| COUNTRY_FORCE_WORDS.contains(&t.lower.as_str()))
        })
}

/// Words after a country's possessive that make it an actor ([`owns_the_force`]).
const COUNTRY_FORCE_WORDS: &[&str] = &[
    "missile",
    "missiles",
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "air",
    "drone",
    "drones",
    "invasion",
    "offensive",
    "bombardment",
    "bombing",
    "shelling",
    "forces",
    "army",
    "military",
    "troops",
    "war",
    "assault",
    "raid",
    "raids",
    "rocket",
    "rockets",
    "jets",
    "warplanes",
    "navy",
    "soldiers",
];

/// Verbs after a country's name that make it an actor ([`COUNTRY_AGENT_WEIGHT`]).
const COUNTRY_AGENT_VERBS: &[&str] = &[
    "launched",
    "launches",
    "fired",
    "fires",
    "struck",
    "strikes",
    "attacked",
    "attacks",
    "sent",
    "sends",
    "deployed",
    "deploys",
    "said",
    "says",
    "regards",
    "considers",
    "accused",
    "accuses",
    "blamed",
    "blames",
    "denied",
    "denies",
    "warned",
    "warns",
    "claimed",
    "claims",
    "condemned",
    "condemns",
    "rejected",
    "rejects",
    "vowed",
    "vows",
    "threatened",
    "threatens",
    "retaliated",
    "demanded",
    "demands",
    "insists",
    "insisted",
    "announced",
    "announces",
    "backs",
    "backed",
    "supports",
    "supported",
    "has",
    "had",
    "have",
    "will",
    "would",
];

/// Weight of a force demonym (a demonym's is 1.0).
const FORCE_DEMONYM_WEIGHT: f32 = 0.7;

/// A town at least this big, spelled as written and the only one so named in its country,
/// is that town even when its qualifier names another province of the country.
const MISNAMED_PROVINCE_TOWN: u32 = 10_000;

/// Score for the namesake on a line of contact (within 5 km of both sides; none from 25 km),
/// among namesakes in the front's provinces: more than a village's population says.
const FRONT_LINE_WEIGHT: f32 = 3.0;

/// Score taken from a namesake that is the place the mention's own qualifier names, matched
/// only by another of its names ("Oleksandrivka, Donetsk" is not Donetsk).
const QUALIFIER_ITSELF_PENALTY: f32 = 5.0;

/// What the qualifiers of a mention say (`Kagara (Rafi LGA, Niger)`).
#[derive(Debug, Clone, Default)]
struct Qualifiers {
    /// Provinces the qualifiers name or lie in.
    admin1: Vec<u16>,
    /// Countries the qualifiers name (or of a big qualifying town).
    country: Vec<u16>,
    /// Provinces named as such.
    admin1_strict: Vec<u16>,
    /// A country is named by a qualifier.
    explicit_country: bool,
    /// Countries that the other qualifiers (not this mention itself) name.
    countries_by_others: Vec<u16>,
    /// Borrowed from another mention of the same name.
    shared: bool,
}

impl Qualifiers {
    fn is_empty(&self) -> bool {
        self.admin1.is_empty() && self.country.is_empty()
    }

    /// A province or country named outright, not only guessed from a town.
    fn explicit(&self) -> bool {
        !self.admin1_strict.is_empty() || self.explicit_country
    }
}

/// Which mentions qualify which, and which are written with the same gazetteer postings, over
/// the mentions of one article (built once, so that each mention's look-ups do not scan them
/// all).
struct Groups {
    /// For each mention, the mentions that qualify it, in text order.
    qualifiers: Vec<Vec<usize>>,
    /// For each mention with gazetteer postings, every mention with the same postings (itself
    /// included), in text order; empty for the others.
    same_postings: Vec<std::rc::Rc<Vec<usize>>>,
}

impl Groups {
    fn new(found: &[Found]) -> Groups {
        let mut qualifiers = vec![Vec::new(); found.len()];
        for (gi, g) in found.iter().enumerate() {
            if let Some(h) = g.qualifies.filter(|h| *h < found.len()) {
                qualifiers[h].push(gi);
            }
        }
        let mut by_postings: FxHashMap<&[u32], Vec<usize>> = FxHashMap::default();
        for (gi, g) in found.iter().enumerate() {
            if let Hit::Names(p) = &g.hit {
                by_postings.entry(p.as_slice()).or_default().push(gi);
            }
        }
        let shared: FxHashMap<&[u32], std::rc::Rc<Vec<usize>>> = by_postings
            .into_iter()
            .map(|(k, v)| (k, std::rc::Rc::new(v)))
            .collect();
        let empty = std::rc::Rc::new(Vec::new());
        let same_postings = found
            .iter()
            .map(|g| match &g.hit {
                Hit::Names(p) => shared[p.as_slice()].clone(),
                _ => empty.clone(),
            })
            .collect();
        Groups {
            qualifiers,
            same_postings,
        }
    }

    /// The mentions that qualify mention `head`, with their indices, in text order.
    fn qualifiers_of<'f>(
        &'f self,
        found: &'f [Found],
        head: usize,
    ) -> impl Iterator<Item = (usize, &'f Found)> + 'f {
        self.qualifiers
            .get(head)
            .into_iter()
            .flatten()
            .map(move |&gi| (gi, &found[gi]))
    }

    /// Mention `fi` and the mentions with the same postings, in text order.
    fn same_postings(&self, fi: usize) -> &[usize] {
        &self.same_postings[fi]
    }
}

#[derive(Debug, Clone)]
enum Hit {
    /// A country name or demonym (`true`).
    Country(u16, bool),
    /// Gazetteer postings (places and admin1s).
    Names(Vec<u32>),
    /// A name the gazetteer lacks, given as a place by the text.
    Unresolved,
}

#[derive(Debug, Clone)]
struct Found {
    first: usize,
    last: usize,
    hit: Hit,
    word_after: Option<PlaceWord>,
    /// Token index of the place word after the name, if any.
    word_after_tok: Option<usize>,
    cue: PlaceCue,
    qualifies: Option<usize>,
    /// An origin told by who its people are ([`PlaceMention::origin_of_people`]).
    origin_of_people: bool,
}

impl Gazetteer {
    /// Finds and resolves the places of an article. `sentences` are article-relative spans;
    /// an empty slice treats the whole text as one sentence.
    pub fn read_places(&self, text: &str, sentences: &[Span]) -> ArticlePlaces {
        self.read_places_from(text, sentences, None)
    }

    /// [`Gazetteer::read_places`] for an article from the outlet(s) named in `source`
    /// ("An-Nahar; SOHR"): the countries they report on weigh in, weakly, when choosing among
    /// same-named places and the article's country.
    pub fn read_places_from(
        &self,
        text: &str,
        sentences: &[Span],
        source: Option<&str>,
    ) -> ArticlePlaces {
        self.read_places_dated(text, sentences, source, None)
    }

    /// [`Gazetteer::read_places_from`] for an article of date `published`: lines of contact
    /// (`data/front_lines.toml`) whose period holds it (all of them without a date) choose
    /// among namesakes in their provinces and place the front villages the gazetteer lacks.
    pub fn read_places_dated(
        &self,
        text: &str,
        sentences: &[Span],
        source: Option<&str>,
        published: Option<NaiveDate>,
    ) -> ArticlePlaces {
        self.read_places_except(text, sentences, source, published, &[])
    }

    /// [`Gazetteer::read_places_dated`], with no place read inside `not_places` (the names of
    /// armed groups named like a town: "Fano fighters" is no mention of Fano, Italy).
    pub fn read_places_except(
        &self,
        text: &str,
        sentences: &[Span],
        source: Option<&str>,
        published: Option<NaiveDate>,
        not_places: &[Span],
    ) -> ArticlePlaces {
        let fronts: Vec<&Front> = self
            .fronts()
            .iter()
            .filter(|f| f.active(published))
            .collect();
        let outlet = source.map(|s| self.outlet_countries(s)).unwrap_or_default();
        let whole = [Span::new(0, text.len())];
        let sentences = if sentences.is_empty() {
            &whole[..]
        } else {
            sentences
        };
        let toks = tokenize(text, sentences);
        let mut found = self.find_mentions(text, &toks);
        // (an outlet's credit, an armed group's name: words that hold no place)
        let mut not_read = outlet_credits(text, source);
        not_read.extend(not_places.iter().map(|s| (s.start, s.end)));
        if !not_read.is_empty() {
            found.retain(|f| {
                let (start, end) = (toks[f.first].start, toks[f.last].end);
                !not_read.iter().any(|&(a, b)| a <= start && end <= b)
            });
        }
        self.attach_context(text, &toks, &mut found);
        // read twice: the second time, a name counts for the country it was read in the
        // first, and not at all when it was no place there ("Rosa", "Hassan" in a Lebanese
        // story), so that stray namesakes abroad do not outvote the story's country
        // (only when some name was read as a place outside the article's country, or none as
        // a place, so that the article's country came from names that were no place)
        let (first, read) = self.resolve(text, &toks, &found, &outlet, &fronts, None);
        let main = first
            .main_country
            .as_deref()
            .and_then(|c| self.country_index(c));
        let names = || {
            found
                .iter()
                .zip(&read)
                .filter(|(f, _)| matches!(f.hit, Hit::Names(_)))
        };
        let abroad = names().any(|(_, r)| r.is_some_and(|(c, _)| Some(c) != main));
        let none_placed = names().all(|(_, r)| r.is_none());
        let stray = abroad || (none_placed && names().next().is_some());
        let mut places = if stray {
            self.resolve(text, &toks, &found, &outlet, &fronts, Some(&read))
                .0
        } else {
            first
        };
        mark_captions(text, sentences, &mut places.mentions);
        drop_credits(text, &mut places.mentions);
        places
    }

    fn find_mentions(&self, text: &str, toks: &[Token]) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        // words the article also writes in lower case are common words ("Killed" in a
        // headline, "Date", "Command"), not one-word place names
        let lowercase_words: FxHashSet<&str> = toks
            .iter()
            .filter(|t| !t.cap && !t.arabic)
            .map(|t| t.lower.as_str())
            .collect();
        let mut i = 0;
        while i < toks.len() {
            // "(Haveli district, AJK)", "Pipri, Kaushambi (UP)": an admin1 abbreviation
            if let Some((j, a)) = self.abbreviation_at(text, toks, i) {
                // (and the towns of that name inside it: "Sulu" is also Jolo's other name;
                // and provinces elsewhere spelled so, for the article's country to choose:
                // "Comoe" is a province of Burkina Faso and a district of Ivory Coast)
                let written = &text[toks[i].start..toks[j].end];
                let plain_written = plain(written);
                let mut post = vec![TAG_ADMIN1 << 30 | u32::from(a)];
                post.extend(self.lookup_key(&name_key(written)).iter().filter(|&&x| {
                    if x >> 30 == TAG_ADMIN1 {
                        x != TAG_ADMIN1 << 30 | u32::from(a)
                            && self.exact_bonus(x, &plain_written) > 0.0
                    } else {
                        self.places[(x & 0x3fff_ffff) as usize].admin1 == a
                    }
                }));
                found.push(Found {
                    first: i,
                    last: j,
                    hit: Hit::Names(post),
                    word_after: None,
                    word_after_tok: None,
                    cue: self.cue_before(toks, i),
                    qualifies: None,
                    origin_of_people: false,
                });
                i = j + 1;
                continue;
            }
            let t = &toks[i];
            // "near Syrias capital", "Aleppos Old City": a possessive whose apostrophe was
            // lost is the country or town it belongs to, and ends the name there
            if let Some(hit) = self.stripped_possessive(text, toks, i, &lowercase_words) {
                let (last, hit) = self.capital_after(toks, i, &hit).unwrap_or((i, hit));
                found.push(Found {
                    first: i,
                    last,
                    hit,
                    word_after: None,
                    word_after_tok: None,
                    cue: self.cue_before(toks, i),
                    qualifies: None,
                    origin_of_people: false,
                });
                i += 1;
                continue;
            }
            // "Mon Jun 20 2016", "Sat 3 Oct": a weekday in a date, and the month after it, are
            // no places (Myanmar's Mon State)
            if t.cap && sitrep_time::is_weekday_name(&t.lower) {
                let digits = |k: usize| {
                    toks.get(k).is_some_and(|n| {
                        n.sentence == t.sentence && n.lower.bytes().all(|b| b.is_ascii_digit())
                    })
                };
                if digits(i + 1) {
                    i += 1;
                    continue;
                }
                if toks.get(i + 1).is_some_and(|n| n.cap) && digits(i + 2) {
                    i += 2;
                    continue;
                }
            }
            // an article starts a name when it cannot be English ("al", "el") or is
            // hyphenated ("ash-Shafah"); "at Gorgan", "as Homs" are prepositions
            let article_start = is_article(&t.lower)
                && (matches!(t.lower.as_str(), "al" | "el")
                    || toks
                        .get(i + 1)
                        .is_some_and(|n| text[t.end..n.start].contains('-')));
            let startable = (t.cap && !(t.all_caps && t.lower.chars().count() <= 4))
                || t.arabic
                || (article_start
                    && toks
                        .get(i + 1)
                        .is_some_and(|n| n.joined && n.cap && n.sentence == t.sentence));
            if !startable {
                i += 1;
                continue;
            }
            // longest run of tokens that may form a name
            let mut last = i;
            while last + 1 < toks.len()
                && last + 1 - i < 5
                && toks[last + 1].joined
                && toks[last + 1].sentence == t.sentence
                && word_ok_in_name(&toks[last + 1])
                && !english_preposition(text, toks, last + 1)
                && self
                    .stripped_possessive(text, toks, last + 1, &lowercase_words)
                    .is_none()
            {
                last += 1;
            }
            // a name the gazetteer lacks ends before a country named after it ("Tabqa Syria",
            // a comma lost): the country is a mention of its own
            let run_last = (i + 1..=last)
                .find(|&k| {
                    let w = &toks[k];
                    w.cap
                        && !w.all_caps
                        && self
                            .lookup_country(&plain(&text[w.start..w.end]))
                            .is_some_and(|c| !c.1)
                })
                .map_or(last, |k| k - 1);
            // a token inside a capitalised run whose start was no place ("Edi Rama")
            let inside_run = i > 0
                && t.joined
                && toks[i - 1].cap
                && !toks[i - 1].all_caps
                && toks[i - 1].sentence == t.sentence
                && !found
                    .last()
                    .is_some_and(|f| f.last + 1 == i || f.word_after_tok == Some(i - 1))
                && !self.stoplist.contains(&toks[i - 1].lower);
            // whether a country name or demonym may start here
            // (not a country that ends a town's name: "Puerto Jordan", "San Salvador" is the
            // gazetteer's; a name-starting word right before it makes one name)
            let named_before = i > 0
                && toks[i - 1].cap
                && toks[i - 1].sentence == t.sentence
                && toks[i - 1].end + 1 == t.start
                && self.place_words.get(&toks[i - 1].lower) == Some(&PlaceWord::Prefix);
            let country_start = !named_before && {
                let first = if t.lower.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    std::borrow::Cow::Borrowed(t.lower.as_str())
                } else {
                    std::borrow::Cow::Owned(plain(&text[t.start..t.end]))
                };
                let first = first.split(' ').next().unwrap_or("");
                self.country_first_words.contains(first)
                    || first
                        .strip_suffix('s')
                        .is_some_and(|one| self.country_first_words.contains(one))
            };
            let mut hit: Option<(usize, Hit)> = None;
            // "Toba tek Singh", "Poienile de sub Munte": lower-case words inside a name the
            // gazetteer has, spelled so (the longest such name up to three words on)
            if t.cap && !t.all_caps && !inside_run {
                for k in (last + 2..=(last + 3).min(toks.len().saturating_sub(1))).rev() {
                    let between = &toks[last + 1..k];
                    let name = &text[t.start..toks[k].end];
                    if toks[k].cap
                        && toks[last + 1..=k]
                            .iter()
                            .all(|w| w.joined && w.sentence == t.sentence && !w.arabic)
                        && between.iter().all(|w| !w.cap && !is_english_glue(&w.lower))
                        && !text[toks[last].end..toks[k].start].contains('-')
                    {
                        let written = plain(name);
                        let post = self.lookup_key(&name_key(name));
                        if post
                            .iter()
                            .any(|&x| x >> 30 == TAG_PLACE && self.exact_bonus(x, &written) > 0.0)
                        {
                            hit = Some((k, Hit::Names(post.to_vec())));
                            break;
                        }
                    }
                }
            }
            for j in (i..=last).rev() {
                if hit.is_some() {
                    break;
                }
                let end_tok = &toks[j];
                if !(end_tok.cap || end_tok.arabic) {
                    continue;
                }
                let phrase = &text[t.start..end_tok.end];
                // one stoplisted word, perhaps behind an article ("Al Shabaab")
                let mut content = toks[i..=j].iter().filter(|w| !is_article(&w.lower));
                if let (Some(w), None) = (content.next(), content.next()) {
                    // (unless the text says where it lies: "in Split, Croatia", "in Dire
                    // (Dire, Tombouctou)")
                    let rest = &text[end_tok.end..];
                    let placed = (self.cue_before(toks, i) == PlaceCue::In
                        || distance_follows(rest))
                        && (is_division_list(rest)
                            || distance_follows(rest)
                            || (rest.starts_with(", ")
                                && toks.get(j + 1).is_some_and(|n| {
                                    n.cap
                                        && n.start == end_tok.end + 2
                                        && self.lookup_country(&n.lower).is_some_and(|c| !c.1)
                                })));
                    // (nor when a word for a province follows a province's name: "Plateau
                    // State")
                    let province = toks.get(j + 1).is_some_and(|n| {
                        n.start <= end_tok.end + 1
                            && self.place_words.get(&n.lower) == Some(&PlaceWord::Admin1)
                    }) && self
                        .lookup_key(&name_key(&w.lower))
                        .iter()
                        .any(|&x| x >> 30 == TAG_ADMIN1);
                    if self.stoplist.contains(&w.lower) && !placed && !province {
                        continue;
                    }
                }
                let words = j - i + 1;
                if words <= self.country_max_words && country_start {
                    if let Some((c, demonym)) = self.lookup_country(&plain(phrase)) {
                        hit = Some((j, Hit::Country(c, demonym)));
                        break;
                    }
                    // a demonym in the plural: "Palestinians", "Iraqis"
                    if let Some((c, true)) = phrase
                        .strip_suffix('s')
                        .and_then(|one| self.lookup_country(&plain(one)))
                    {
                        hit = Some((j, Hit::Country(c, true)));
                        break;
                    }
                }
                if inside_run || t.all_caps {
                    continue;
                }
                if j == i && self.place_words.get(&t.lower) == Some(&PlaceWord::Prefix) {
                    continue;
                }
                let key = name_key(phrase);
                if key.len() < 3 && !t.arabic {
                    continue;
                }
                let mut post = self.lookup_key(&key);
                // "San Andres de Tuxtla" for San Andres Tuxtla: a Spanish "de" the
                // gazetteer's name lacks (only a place spelled so without it)
                if post.is_empty() && j > i && phrase.contains(" de ") {
                    let without = phrase.replacen(" de ", " ", 1);
                    let written = plain(&without);
                    let other = self.lookup_key(&name_key(&without));
                    if other
                        .iter()
                        .any(|&x| x >> 30 == TAG_PLACE && self.exact_bonus(x, &written) > 0.0)
                    {
                        post = other;
                    }
                }
                if post.is_empty() {
                    continue;
                }
                let sentence_start = i == 0 || toks[i - 1].sentence != t.sentence;
                // (a name the article already gave as a place is one at a sentence's start too:
                // "... the Yarmouk camp. Yarmouk is the last district ...")
                let named_before = || {
                    found.iter().any(|f| {
                        matches!(f.hit, Hit::Names(_))
                            && name_key(&text[toks[f.first].start..toks[f.last].end]) == key
                    })
                };
                if j == i
                    && sentence_start
                    && !self.plausible_first_word(post, phrase)
                    && !named_before()
                {
                    continue;
                }
                hit = Some((j, Hit::Names(post.to_vec())));
                break;
            }
            // "Homs countryside", "Damascus countryside": a key with the place word
            if let Some((j, Hit::Names(_))) | Some((j, Hit::Country(..))) = &hit {
                let j = *j;
                if let Some(n) = toks.get(j + 1).filter(|n| n.joined) {
                    if matches!(self.place_words.get(&n.lower), Some(PlaceWord::Countryside)) {
                        let key = name_key(&text[t.start..n.end]);
                        let post = self.lookup_key(&key);
                        if !post.is_empty() {
                            hit = Some((j, Hit::Names(post.to_vec())));
                        }
                    }
                }
            }
            // "the Syrian capital": the country's capital
            if let Some((j, h @ Hit::Country(..))) = &hit {
                if let Some(capital) = self.capital_after(toks, *j, h) {
                    hit = Some(capital);
                }
            }
            // the capitalised run from here ("Salah Aldeen", "Maaret Alia")
            let mut run_end = i;
            let mut list_end = None;
            if !inside_run && !t.all_caps && (t.cap || is_article(&t.lower)) {
                let mut k = i;
                while k < run_last
                    && (toks[k + 1].cap && !toks[k + 1].all_caps
                        || (is_connector(&toks[k + 1].lower)
                            && !english_preposition(text, toks, k + 1)))
                {
                    match self.run_break(text, toks, i, k + 1) {
                        RunBreak::No => {}
                        RunBreak::List => {
                            // the rest of the list: its words are no name of their own
                            let mut e = k + 1;
                            while toks.get(e + 1).is_some_and(|n| {
                                n.cap && !n.all_caps && n.joined && n.sentence == t.sentence
                            }) {
                                e += 1;
                            }
                            list_end = Some(e);
                            break;
                        }
                        _ => break,
                    }
                    k += 1;
                    if toks[k].cap {
                        run_end = k;
                    }
                    if self.place_words.contains_key(&toks[k].lower) && k > i {
                        break;
                    }
                }
            }
            let demonym_at = |k: usize| {
                toks.get(k)
                    .is_some_and(|n| n.cap && self.lookup_country(&n.lower).is_some_and(|c| c.1))
            };
            let hit = match (hit, self.unresolved_here(text, toks, i, run_last)) {
                (None, u) => u,
                // a longer name the gazetteer lacks ("Wadi Daiqah area"), unless only a
                // place word follows the known name ("Yarmouk Camp")
                (Some((jh, h)), Some((ju, u))) => {
                    let only_word = ju == jh + 1 && self.place_words.contains_key(&toks[ju].lower);
                    // "the Yarmouk Palestinian refugee camp": a demonym ends the name
                    let demonym_next = ju > jh && demonym_at(jh + 1);
                    if ju > jh && !only_word && !demonym_next && !matches!(h, Hit::Country(..)) {
                        Some((ju, u))
                    } else {
                        Some((jh, h))
                    }
                }
                (h, None) => h,
            };
            // "the Baalbek-Homs road": two known names joined by a hyphen are two places
            let hyphen_pair = |jh: usize| {
                let next = &toks[jh + 1];
                matches!(
                    &text[toks[jh].end..next.start],
                    "-" | " - " | "–" | " – " | "—" | " — "
                ) && self.strong(
                    self.lookup_key(&name_key(&text[next.start..next.end])),
                    &text[next.start..next.end],
                )
            };
            let run_is_name = |jh: usize| {
                run_end > jh
                    && !self.stoplist.contains(&toks[jh + 1].lower)
                    && !self.place_words.contains_key(&toks[jh + 1].lower)
                    && !hyphen_pair(jh)
                    && !demonym_at(jh + 1)
            };
            let hit = match hit {
                // a weak match on the first words of a longer unknown name: keep the name
                Some((jh, Hit::Names(post)))
                    if run_is_name(jh)
                        && (!self.strong(&post, &text[t.start..toks[jh].end])
                            || text[toks[run_end].end..].trim_start().starts_with('(')) =>
                {
                    Some((run_end, Hit::Unresolved))
                }
                // "Abu Salim", "Kafr Lusin": a generic first word starts an unknown name
                // (not an armed group's: "Abu Sayyaf", context_words.tsv)
                None if run_end > i
                    && self.place_words.get(&t.lower) == Some(&PlaceWord::Prefix)
                    && !inside_run
                    && !toks[i + 1..=run_end]
                        .iter()
                        .any(|w| self.context_words.contains_key(&w.lower)) =>
                {
                    Some((run_end, Hit::Unresolved))
                }
                h => h,
            };
            // "Sanaa Street" (in Hodeidah), "Paulista Avenue" (in Sao Paulo): a street named
            // after a place is not that place, but an unknown part of some town
            let hit = match hit {
                Some((j, Hit::Names(_)))
                    if toks.get(j + 1).is_some_and(|n| {
                        n.joined
                            && n.sentence == t.sentence
                            && self.place_words.get(&n.lower) == Some(&PlaceWord::Street)
                    }) =>
                {
                    Some((j, Hit::Unresolved))
                }
                h => h,
            };
            // "Murree road in Rawalpindi": a road of another town, named after a place, is
            // no mention of that place (a road named alone, "the Halba highway", is still
            // where it passes)
            if let Some((j, Hit::Names(_))) = &hit {
                let j = *j;
                let same = |k: usize| toks.get(k).filter(|n| n.sentence == t.sentence);
                let dash = ['-', '–', '—'];
                let hyphenated = text[..t.start].trim_end().ends_with(dash)
                    || text[toks[j].end..].trim_start().starts_with(dash);
                // (a road in a province is the road to or from the town: "the Maiduguri road
                // in Borno")
                let province = |n: &Token| {
                    self.lookup_key(&name_key(&text[n.start..n.end]))
                        .iter()
                        .any(|&y| y >> 30 == TAG_ADMIN1)
                };
                if !hyphenated
                    && same(j + 1).is_some_and(|n| n.joined && is_road_word(&n.lower))
                    && same(j + 2).is_some_and(|n| matches!(n.lower.as_str(), "in" | "of"))
                    && same(j + 3).is_some_and(|n| n.cap && !province(n))
                {
                    i = j + 2;
                    continue;
                }
            }
            // organisations ("al-Nusra Front", "Jaish al-Islam") are not places
            if let Some((j, _)) = &hit {
                let content: Vec<&Token> = toks[i..=*j]
                    .iter()
                    .filter(|w| !is_article(&w.lower))
                    .collect();
                // (a province or big town before "Police" is still named: "Idlib Police")
                let weak = match &hit {
                    Some((_, Hit::Names(post))) => !self.strong(post, &text[t.start..toks[*j].end]),
                    Some((_, Hit::Unresolved)) => true,
                    _ => false,
                };
                let next_ends_name = weak
                    && toks.get(*j + 1).is_some_and(|n| {
                        n.joined
                            && n.sentence == t.sentence
                            && (n.cap && self.organisation_last.contains(&n.lower)
                                || !n.cap && GROUP_NOUNS.contains(&n.lower.as_str()))
                    });
                // "the Jalisco New Generation Cartel": a place, even a province, that opens an
                // armed group's name of several words
                let opens_group_name = {
                    let mut k = *j + 1;
                    while k < toks.len()
                        && k - *j <= 4
                        && toks[k].joined
                        && toks[k].cap
                        && toks[k].sentence == t.sentence
                    {
                        k += 1;
                    }
                    k - *j > 2 && GROUP_NOUNS.contains(&toks[k - 1].lower.as_str())
                };
                // "Liwa Ahrar Helfaya", "Jaish al-Fatah": a town named inside an armed group's
                // name, after the group's first word, is the group's name, not where it acts
                let group_before = {
                    let mut k = i;
                    let mut named = false;
                    while k > 0
                        && i - k < 4
                        && toks[k].joined
                        && toks[k - 1].sentence == t.sentence
                        && (toks[k - 1].cap || is_article(&toks[k - 1].lower))
                        && !toks[k - 1].all_caps
                        && !text[toks[k - 1].end..toks[k].start].contains('\'')
                    {
                        k -= 1;
                        if self.organisation_first.contains(&toks[k].lower) {
                            named = true;
                            break;
                        }
                    }
                    named
                };
                // ("Liwa" alone is a place abroad: the group's first word before its name)
                let group_first = *j == i
                    && self.organisation_first.contains(&t.lower)
                    && toks.get(i + 1).is_some_and(|n| {
                        n.joined && n.sentence == t.sentence && (n.cap || is_article(&n.lower))
                    });
                let organisation = next_ends_name
                    || opens_group_name
                    || group_before
                    || group_first
                    || content.len() > 1
                        && (self.organisation_last.contains(&toks[*j].lower)
                            || self.organisation_first.contains(&content[0].lower));
                let common_word = *j == i
                    && !t.all_caps
                    && lowercase_words.contains(t.lower.as_str())
                    && !matches!(hit, Some((_, Hit::Country(..))));
                // people: "President Nicolas Maduro", "Rami Abdel Rahman said", a name
                // followed by its social-media handle ("Joyce Karam (JoyceKaram)")
                let person = weak
                    && (handle_follows(text, t.start, toks[*j].end)
                        || (i > 0
                        && toks[i - 1].sentence == t.sentence
                        && self.person_before.contains(&toks[i - 1].lower))
                        || toks.get(*j + 1).is_some_and(|n| {
                            n.sentence == t.sentence
                                && !n.cap
                                && self.person_after.contains(&n.lower)
                                && !text[toks[*j].end..n.start].contains(['.', ';'])
                        })
                        // "Samira was relieved", "Noha felt scared": a feeling (or a speech
                        // verb) after a copula is a person's
                        || (toks.get(*j + 1).is_some_and(|n| {
                            n.sentence == t.sentence
                                && n.joined
                                && matches!(n.lower.as_str(), "was" | "is" | "felt" | "feels")
                        }) && toks.get(*j + 2).is_some_and(|n| {
                            n.sentence == t.sentence
                                && n.joined
                                && self.person_after.contains(&n.lower)
                        }))
                        // "Maysa al-Aswad, a 30-year-old evacuee": an age in apposition
                        || (toks.get(*j + 1).is_some_and(|n| {
                            n.sentence == t.sentence && matches!(n.lower.as_str(), "a" | "an")
                        }) && toks.get(*j + 2).is_some_and(|n| {
                            n.joined && n.lower.chars().all(|c| c.is_ascii_digit())
                        }) && toks
                            .get(*j + 3)
                            .is_some_and(|n| n.joined && n.lower == "year"))
                        // "Obeida al-Hamawi of the Hama Media Center said": who speaks for a
                        // body, named before it
                        || (toks.get(*j + 1).is_some_and(|n| n.lower == "of")
                            && toks.get(*j + 2).is_some_and(|n| n.lower == "the")
                            && toks
                                .iter()
                                .skip(*j + 3)
                                .take(7)
                                .take_while(|n| n.sentence == t.sentence)
                                .any(|n| self.person_after.contains(&n.lower))));
                // a headline written in title case ("Blast Near Bus Convoy Evacuating Syrians
                // From Towns"): a run the gazetteer lacks, of words the article also writes
                // in lower case, is no name
                let headline = matches!(&hit, Some((_, Hit::Unresolved)))
                    && content.len() >= 3
                    && content
                        .iter()
                        .filter(|w| lowercase_words.contains(w.lower.as_str()))
                        .count()
                        >= 2;
                // a group's members: "members of Los Viagras", "leaders of the BJP Yuva
                // Morcha" (a name the gazetteer lacks: a known place stays one, "fighters of
                // Idlib")
                let members_of = matches!(&hit, Some((_, Hit::Unresolved))) && {
                    let mut k = i;
                    while k > 0
                        && toks[k - 1].sentence == t.sentence
                        && (toks[k - 1].lower == "the" || toks[k - 1].all_caps)
                    {
                        k -= 1;
                    }
                    k >= 2
                        && toks[k - 1].lower == "of"
                        && toks[k - 2].sentence == t.sentence
                        && matches!(
                            toks[k - 2].lower.as_str(),
                            "members" | "member" | "leaders" | "leader" | "supporters"
                        )
                };
                // "spokesman Patrick Muyaya": a title, a first name, a surname is a person even
                // where the first name is a province (Patrick, a parish of the Isle of Man)
                let titled = *j == i
                    && i > 0
                    && toks[i - 1].sentence == t.sentence
                    && self.person_before.contains(&toks[i - 1].lower)
                    && !matches!(
                        toks[i - 1].lower.as_str(),
                        "said" | "says" | "told" | "photo"
                    )
                    && toks.get(i + 1).is_some_and(|n| {
                        n.joined && n.cap && !n.all_caps && n.sentence == t.sentence
                    });
                if organisation || common_word || person || titled || members_of || headline {
                    i = *j + 1;
                    continue;
                }
            }
            match hit {
                Some((j, hit)) => {
                    let (word_after, word_after_tok) = match toks.get(j + 1) {
                        Some(n) if n.joined => match self.place_words.get(&n.lower) {
                            Some(w) if *w != PlaceWord::Prefix => (Some(*w), Some(j + 1)),
                            _ => (None, None),
                        },
                        _ => (None, None),
                    };
                    // "the municipality of Trancoso", "the Municipality of Sain Alto": a
                    // second-level division named before its seat says so as well
                    let word_after = match word_after {
                        None if matches!(hit, Hit::Names(_))
                            && i >= 2
                            && toks[i - 1].lower == "of"
                            && toks[i - 2].sentence == t.sentence
                            && self.place_words.get(&toks[i - 2].lower)
                                == Some(&PlaceWord::Admin2) =>
                        {
                            Some(PlaceWord::Admin2)
                        }
                        w => w,
                    };
                    found.push(Found {
                        first: i,
                        last: j,
                        hit,
                        word_after,
                        word_after_tok,
                        cue: self.cue_before(toks, i),
                        qualifies: None,
                        origin_of_people: false,
                    });
                    // the place word is part of this mention ("Sfax Medina" is not Medina)
                    i = word_after_tok.unwrap_or(j) + 1;
                    if let Some(e) = list_end.filter(|&e| e >= i) {
                        i = e + 1;
                    }
                }
                None => i += 1,
            }
        }
        self.road_ends(text, toks, &mut found);
        solidarity_elsewhere(text, toks, &mut found);
        list_shares_cue(text, toks, &mut found);
        self.origins(text, toks, &mut found);
        // (the rest of a list of origins found above, and its province: "residents of Foua
        // and Kefraya in Idlib province")
        list_shares_cue(text, toks, &mut found);
        self.origins(text, toks, &mut found);
        found
    }

    /// "on the Abeokuta-Ayetoro road", "at Dhaka-Mymensingh highway in Gazipur": the ends of
    /// a road named after the two places it joins are no places where something happened
    /// (cue none, so that a town the text places the event in wins, else the first end); an
    /// unknown pair whose first name is known is that first place ("Temascal-Las Granjas
    /// road": Temascal).
    fn road_ends(&self, text: &str, toks: &[Token], found: &mut [Found]) {
        // the road word after the name run ending at token `end` (past a bracketed
        // qualifier: "the Abeokuta-Ayetoro (Abeokuta South LGA, Ogun) road")
        let road_after = |end: usize| {
            let mut k = end;
            while k + 1 < toks.len()
                && toks[k + 1].joined
                && toks[k + 1].sentence == toks[end].sentence
                && (toks[k + 1].cap || is_connector(&toks[k + 1].lower))
            {
                k += 1;
            }
            let mut rest = &text[toks[k].end..];
            if let Some(inner) = rest.trim_start().strip_prefix('(') {
                match inner.find(')') {
                    Some(close) if close <= 80 => rest = &inner[close + 1..],
                    _ => return false,
                }
            }
            let word: String = rest
                .trim_start_matches(' ')
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            rest.starts_with(' ') && is_road_word(&word.to_lowercase())
        };
        for f in found.iter_mut() {
            let start = toks[f.first].start;
            let end = toks[f.last].end;
            // an unknown pair "A-B" followed by a road word: A, when the gazetteer has it
            if matches!(f.hit, Hit::Unresolved) && road_after(f.last) {
                let split = (f.first..f.last).find(|&k| {
                    matches!(&text[toks[k].end..toks[k + 1].start], "-" | "–") && toks[k + 1].cap
                });
                if let Some(k) = split {
                    let post = self.lookup_key(&name_key(&text[start..toks[k].end]));
                    if !post.is_empty() {
                        f.last = k;
                        f.hit = Hit::Names(post.to_vec());
                        f.word_after = None;
                        f.word_after_tok = None;
                        f.cue = PlaceCue::None;
                    }
                }
                continue;
            }
            if !matches!(f.hit, Hit::Names(_)) || f.word_after.is_some() {
                continue;
            }
            let dash = |gap: &str| matches!(gap, "-" | "–" | " - " | " – ");
            let first_end = toks.get(f.last + 1).is_some_and(|n| {
                n.cap && n.sentence == toks[f.last].sentence && dash(&text[end..n.start])
            }) && road_after(f.last + 1);
            let second_end = f.first > 0
                && toks[f.first - 1].cap
                && toks[f.first - 1].sentence == toks[f.first].sentence
                && dash(&text[toks[f.first - 1].end..start])
                && road_after(f.last);
            if (first_end || second_end) && f.cue == PlaceCue::In {
                f.cue = PlaceCue::None;
            }
        }
    }

    /// An admin1 abbreviation starting at token `i` where a qualifier stands: right after
    /// "(" or ",", and before ")", ",", ";", "." or the end ("Pipri, Kaushambi (UP)"), so
    /// that "UP" in "stirred UP" or "TN" in a headline is no place. Returns its last token
    /// and the admin1.
    fn abbreviation_at(&self, text: &str, toks: &[Token], i: usize) -> Option<(usize, u16)> {
        let t = &toks[i];
        let candidates = self.admin1_abbreviations.get(&text[t.start..t.end])?;
        if !text[..t.start].trim_end().ends_with(['(', ',']) {
            return None;
        }
        let rest = &text[t.start..];
        candidates.iter().find_map(|(abbr, a)| {
            let after = rest.strip_prefix(abbr.as_str())?;
            let next = after.trim_start();
            let closes = next.is_empty() || next.starts_with([')', ',', ';', '.']);
            if after.starts_with(char::is_alphanumeric) || !closes {
                return None;
            }
            let end = t.start + abbr.len();
            let j = (i..toks.len()).take_while(|&k| toks[k].end <= end).last()?;
            Some((j, *a))
        })
    }

    /// Whether a name is spelled exactly as a province or a town of 100k+ (not only a
    /// folded match): then a capitalised word after it is not part of the name.
    fn strong(&self, post: &[u32], written: &str) -> bool {
        let written = plain(written);
        post.iter().any(|&x| {
            let big = x >> 30 == TAG_ADMIN1
                || self.places[(x & 0x3fff_ffff) as usize].population >= 100_000;
            big && self.exact_bonus(x, &written) > 0.0
        })
    }

    /// "Syrias capital", "Aleppos outskirts": a capitalised word ending in "s" that no place
    /// or country is named, whose stem is a country's name or a province's or big town's (and
    /// no stoplisted word, no word the article writes in lower case): that place's possessive
    /// with the apostrophe lost. (A town's only outside a longer name: "Aguas Formosas".)
    fn stripped_possessive(
        &self,
        text: &str,
        toks: &[Token],
        k: usize,
        lowercase_words: &FxHashSet<&str>,
    ) -> Option<Hit> {
        let t = &toks[k];
        if !t.cap
            || t.all_caps
            || t.lower.len() < 5
            || !t.lower.ends_with('s')
            || t.lower.ends_with("ss")
            || self.stoplist.contains(&t.lower)
            || self.context_words.contains_key(&t.lower)
            || lowercase_words.contains(t.lower.as_str())
        {
            return None;
        }
        let word = &text[t.start..t.end];
        let stem = &word[..word.len() - 1];
        // (a place spelled so, or a big one matched by a folded spelling, is that place)
        let whole = self.lookup_key(&name_key(word));
        let written = plain(word);
        if self.lookup_country(&written).is_some()
            || self.strong(whole, word)
            || whole.iter().any(|&x| self.exact_bonus(x, &written) > 0.0)
        {
            return None;
        }
        if let Some((c, false)) = self.lookup_country(&plain(stem)) {
            return Some(Hit::Country(c, false));
        }
        let name_word = |n: &Token| n.sentence == t.sentence && (n.cap || is_connector(&n.lower));
        let in_a_name =
            (k > 0 && t.joined && toks[k - 1].cap && toks[k - 1].sentence == t.sentence)
                || toks.get(k + 1).is_some_and(|n| {
                    n.joined && name_word(n) && {
                        !self.lookup_key(&name_key(&text[t.start..n.end])).is_empty()
                    }
                });
        let post = self.lookup_key(&name_key(stem));
        (!in_a_name && self.strong(post, stem)).then(|| Hit::Names(post.to_vec()))
    }

    /// "Syrias capital", "the Syrian capital": a country's possessive, or "the" and its
    /// demonym, right before "capital" names the country's capital (its biggest place GeoNames
    /// flags so); not "its de facto Syrian capital", nor when the name follows ("the Syrian
    /// capital Damascus" names it).
    fn capital_after(&self, toks: &[Token], j: usize, hit: &Hit) -> Option<(usize, Hit)> {
        let Hit::Country(c, demonym) = hit else {
            return None;
        };
        let next = toks.get(j + 1)?;
        let sent = toks[j].sentence;
        if next.lower != "capital"
            || next.cap
            || !next.joined
            || next.sentence != sent
            || toks.get(j + 2).is_some_and(|n| {
                n.cap && n.sentence == sent && !sitrep_time::is_weekday_name(&n.lower)
            })
            || (*demonym && (j == 0 || toks[j - 1].lower != "the"))
        {
            return None;
        }
        let ix = (*self.capitals.get(usize::from(*c))?)?;
        Some((j + 1, Hit::Names(vec![TAG_PLACE << 30 | ix])))
    }

    /// A sentence's first word is capitalised anyway: take it as a place only when it is a
    /// province, a town of 100k+, or exactly a place's main name.
    fn plausible_first_word(&self, post: &[u32], phrase: &str) -> bool {
        let written = plain(phrase);
        post.iter().any(|&x| {
            if x >> 30 == TAG_ADMIN1 {
                return true;
            }
            let p = &self.places[(x & 0x3fff_ffff) as usize];
            p.population >= 100_000 || plain_is(&p.name, &written, false)
        })
    }

    /// Whether token `k` cannot continue a capitalised name that starts at token `i`, in text
    /// whose commas were stripped: a weekday, month or source word (`name_breaks.txt`: "near
    /// Damascus Friday", "Saraqib Idlib Twitter"); the name of the province the name before
    /// lies in (or of any province, after a name the gazetteer lacks: "the town of Saraqib
    /// Idlib", "the neighbourhood of Zubdiya Aleppo"); or, in a run of three or more words, a
    /// place near the one the words before name (a list of neighbouring towns: "the towns of
    /// Arbin Kafr Batna Jisrin"). Not where the words together are a name the gazetteer has
    /// ("Rif Dimashq"), nor across a hyphen, a lower-case word or a place word.
    fn run_break(&self, text: &str, toks: &[Token], i: usize, k: usize) -> RunBreak {
        let w = &toks[k];
        if !w.cap || k <= i {
            return RunBreak::No;
        }
        if self.name_breaks.contains(&w.lower) {
            return RunBreak::Word;
        }
        if toks[i..=k]
            .iter()
            .any(|t| t.sentence != w.sentence || !t.cap || t.all_caps)
            || toks[i..=k]
                .iter()
                .any(|t| self.place_words.contains_key(&t.lower))
            || &text[toks[k - 1].end..w.start] != " "
            || self.stoplist.contains(&w.lower)
            || !self
                .lookup_key(&name_key(&text[toks[i].start..w.end]))
                .is_empty()
        {
            return RunBreak::No;
        }
        let before = self.lookup_key(&name_key(&text[toks[i].start..toks[k - 1].end]));
        let is_place = |x: &&u32| **x >> 30 == TAG_PLACE;
        let word = &text[w.start..w.end];
        let written = plain(word);
        let after = self.lookup_key(&name_key(word));
        let provinces: Vec<u16> = after
            .iter()
            .filter(|&&x| x >> 30 == TAG_ADMIN1 && self.exact_bonus(x, &written) > 0.0)
            .map(|&x| self.admin1_of(x))
            .collect();
        if !provinces.is_empty()
            && !is_compass(&w.lower)
            && (!before.iter().any(|&x| x >> 30 == TAG_PLACE)
                || before
                    .iter()
                    .filter(is_place)
                    .any(|&x| provinces.contains(&self.admin1_of(x))))
        {
            return RunBreak::Province;
        }
        let more = toks.get(k + 1).is_some_and(|n| {
            n.cap && !n.all_caps && n.joined && n.sentence == w.sentence && !n.arabic
        });
        let near = more
            && before.iter().filter(is_place).any(|&x| {
                let p = &self.places[(x & 0x3fff_ffff) as usize];
                after.iter().filter(is_place).any(|&y| {
                    let q = &self.places[(y & 0x3fff_ffff) as usize];
                    y != x
                        && km(
                            f64::from(p.lat),
                            f64::from(p.lon),
                            f64::from(q.lat),
                            f64::from(q.lon),
                        ) < LIST_KM
                })
            });
        if near {
            RunBreak::List
        } else {
            RunBreak::No
        }
    }

    /// A capitalised run the gazetteer lacks that the text gives as a place: followed by a
    /// place word ("Bat Galim Square", "Baghuz village"), or after "village of", "town of".
    fn unresolved_here(
        &self,
        text: &str,
        toks: &[Token],
        i: usize,
        last: usize,
    ) -> Option<(usize, Hit)> {
        let t = &toks[i];
        let article_start = is_article(&t.lower) && !t.cap;
        if !(t.cap || article_start) || t.all_caps || self.stoplist.contains(&t.lower) {
            return None;
        }
        // last capitalised token of the run (a dash written apart ends it: "Golan Heights -
        // IDF", a headline's source)
        let mut j = i;
        while j < last
            && (toks[j + 1].cap
                || (is_connector(&toks[j + 1].lower) && !english_preposition(text, toks, j + 1)))
            && !{
                let gap = &text[toks[j].end..toks[j + 1].start];
                gap.starts_with(' ') && matches!(gap.trim(), "-" | "–" | "—")
            }
            && self.run_break(text, toks, i, j + 1) == RunBreak::No
        {
            j += 1;
            if self.place_words.contains_key(&toks[j].lower) {
                break;
            }
        }
        while j > i && !toks[j].cap {
            j -= 1;
        }
        if j == i && article_start {
            return None;
        }
        // "Bat Galim Square", "Wadi Daiqah Camp": the run ends in a place word
        if j > i
            && matches!(
                self.place_words.get(&toks[j].lower),
                Some(PlaceWord::District | PlaceWord::Street | PlaceWord::Town | PlaceWord::Admin2)
            )
        {
            return Some((j, Hit::Unresolved));
        }
        let after = toks.get(j + 1).filter(|n| n.joined && !n.cap);
        if let Some(n) = after {
            if matches!(
                self.place_words.get(&n.lower),
                Some(PlaceWord::District | PlaceWord::Street | PlaceWord::Town | PlaceWord::Admin2)
            ) && (j > i
                || !matches!(
                    n.lower.as_str(),
                    "area" | "street" | "market" | "checkpoint"
                ))
            {
                return Some((j, Hit::Unresolved));
            }
        }
        // "blocked the Saadnayel highway": a road named after the place it passes
        if toks.get(j + 1).is_some_and(|n| {
            n.joined && !n.cap && n.sentence == t.sentence && is_road_word(&n.lower)
        }) && i > 0
            && toks[i - 1].lower == "the"
            && !text[t.start..toks[j].end].contains(['-', '–', '—'])
        {
            return Some((j, Hit::Unresolved));
        }
        // ACLED style "in Logobou (Logobou, Tapoa)": a name followed by its divisions
        if self.cue_before(toks, i) != PlaceCue::None && is_division_list(&text[toks[j].end..]) {
            return Some((j, Hit::Unresolved));
        }
        // "shelling near Mineralne": a name right after "near" is a place (not in a title-case
        // headline run, "Blast Occurs Near Bus Convoy Evacuating Syrians")
        if i >= 1
            && toks[i - 1].lower == "near"
            && !toks[i - 1].cap
            && toks[i - 1].sentence == t.sentence
            && &text[toks[i - 1].end..t.start] == " "
        {
            return Some((j, Hit::Unresolved));
        }
        // "at a transit point in Rashidin west of Aleppo": a name the text puts the event in,
        // placed from a direction to another place
        if toks.get(j + 2).is_some_and(|o| {
            o.lower == "of"
                && o.sentence == t.sentence
                && is_compass(&toks[j + 1].lower)
                && toks[j + 1].joined
                && !toks[j + 1].cap
        }) && self.cue_before(toks, i) == PlaceCue::In
        {
            return Some((j, Hit::Unresolved));
        }
        // "an attack on Mozogo, a village in Cameroon's Far North": a name the apposition
        // right after it calls a village, town or district
        let apposition = text[toks[j].end..].trim_start();
        if let Some(rest) = apposition.strip_prefix(", ") {
            let rest = rest.to_ascii_lowercase();
            let mut words = rest.split_whitespace();
            let (a, noun) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let (noun, near) = if matches!(noun, "small" | "remote" | "border" | "frontline") {
                (words.next().unwrap_or(""), words.next().unwrap_or(""))
            } else {
                (noun, words.next().unwrap_or(""))
            };
            if matches!(a, "a" | "an")
                && matches!(
                    noun,
                    "village"
                        | "town"
                        | "hamlet"
                        | "locality"
                        | "district"
                        | "neighbourhood"
                        | "neighborhood"
                        | "suburb"
                )
                && matches!(
                    near,
                    "in" | "near"
                        | "of"
                        | "on"
                        | "outside"
                        | "east"
                        | "west"
                        | "north"
                        | "south"
                        | "about"
                        | "some"
                )
            {
                return Some((j, Hit::Unresolved));
            }
        }
        // "village of X", "town of X", "neighbourhoods of X"
        if i >= 2 && toks[i - 1].lower == "of" && toks[i].joined {
            let w = toks[i - 2].lower.trim_end_matches('s');
            if matches!(
                w,
                "village"
                    | "town"
                    | "city"
                    | "hamlet"
                    | "camp"
                    | "neighbourhood"
                    | "neighborhood"
                    | "district"
                    | "suburb"
                    | "area"
                    | "locality"
            ) {
                return Some((j, Hit::Unresolved));
            }
        }
        None
    }

    /// Where people came from, told without "from": "Madaya evacuees said", and the province
    /// after an origin ("residents of Foua and Kefraya in Idlib province"): cue `From`, so
    /// that the place the story puts the event in wins.
    fn origins(&self, text: &str, toks: &[Token], found: &mut [Found]) {
        for k in 0..found.len() {
            let f = &found[k];
            let end = f.word_after_tok.unwrap_or(f.last);
            let people_after = f.cue == PlaceCue::None
                && toks.get(end + 1).is_some_and(|n| {
                    n.joined
                        && !n.cap
                        && n.sentence == toks[end].sentence
                        && matches!(
                            n.lower.as_str(),
                            "evacuees" | "evacuee" | "residents" | "refugees" | "natives"
                        )
                });
            // ("residents of the villages of Foua and Kefraya", "residents of Fuaa and Kafraya
            // were killed": who they are, where from; "residents of Mathare protested" stay)
            let residents_of = f.cue == PlaceCue::None && {
                let sent = toks[f.first].sentence;
                let mut k = f.first;
                let mut plural = false;
                let mut after_residents = false;
                while k > 1 && toks[k].joined && toks[k - 1].sentence == sent {
                    let w = toks[k - 1].lower.as_str();
                    if w == "of" && matches!(toks[k - 2].lower.as_str(), "residents" | "natives") {
                        after_residents = true;
                        break;
                    }
                    if !(is_descriptive(w)
                        || self.is_people_word(w)
                        || matches!(w, "villages" | "towns" | "pro-regime"))
                    {
                        break;
                    }
                    plural |= matches!(w, "villages" | "towns");
                    k -= 1;
                }
                let list = toks.get(end + 1).is_some_and(|n| n.lower == "and")
                    && toks.get(end + 2).is_some_and(|n| n.cap);
                after_residents && (plural || list)
            };
            // (a place near the origins names them: "left Madaya and Zabadani near Damascus";
            // "from Jowhar town near Xaaji-Cali village" may be near where it happened)
            let near_origin = f.cue == PlaceCue::Near && f.word_after.is_none();
            let in_origin_area = k > 0 && (f.cue == PlaceCue::In || near_origin) && {
                let prev = &found[k - 1];
                let a = toks[prev.word_after_tok.unwrap_or(prev.last)].end;
                let b = toks[f.first].start;
                prev.cue == PlaceCue::From
                    && a <= b
                    && toks[prev.first].sentence == toks[f.first].sentence
                    && !text[a..b].contains([',', ';', '(', '.'])
                    && text[a..b]
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .enumerate()
                        .all(|(n, w)| {
                            let w = w.to_lowercase();
                            // ("left Madaya and Zabadani near Damascus")
                            if n == 0 {
                                w == "in" || w == "near"
                            } else {
                                is_descriptive(&w)
                                    || matches!(
                                        w.as_str(),
                                        "province" | "governorate" | "region" | "countryside"
                                    )
                            }
                        })
            };
            // ("109 evacuees, 13 of whom were women from the villages of Foua", "a convoy
            // carrying residents from Fuaa": who they are, where from; "fled from Foua",
            // "left from Madaya" happened there)
            let people_from = f.cue == PlaceCue::From && from_after_people(toks, f.first);
            let of_people = people_after
                || residents_of
                || people_from
                || (in_origin_area && found[k - 1].origin_of_people);
            if people_after || residents_of || people_from || in_origin_area {
                found[k].cue = PlaceCue::From;
                found[k].origin_of_people |= of_people;
            }
        }
    }

    /// A demonym ("Syrian") or a community's name ("Shiite") written before a place word.
    fn is_people_word(&self, w: &str) -> bool {
        matches!(
            w,
            "shiite" | "shia" | "sunni" | "alawite" | "druze" | "christian" | "yazidi" | "turkmen"
        ) || self
            .lookup_country(&plain(w))
            .is_some_and(|(_, demonym)| demonym)
    }

    /// The cue phrase nearest before token `i` in its sentence, skipping descriptive words.
    fn cue_before(&self, toks: &[Token], i: usize) -> PlaceCue {
        let sent = toks[i].sentence;
        let mut k = i;
        let mut steps = 0;
        // ("residents from the towns of Foua and Kefraya": a place word in the plural, only
        // before an origin; "attacks on the villages of X and Y, near Z" are near Z)
        let mut plural = false;
        let mut skipped_people = false;
        // ("fled to the nearby city of Saint-Marc": a describing "nearby" yields to a
        // preposition before it, "to")
        let mut nearby: Option<PlaceCue> = None;
        while k > 0 && steps < 6 {
            let prev = &toks[k - 1];
            // ("from the besieged Syrian towns of Fua", "evacuees from the Shiite villages of
            // X": a people's name describes an origin and is skipped like "northern"; only
            // before an origin, as "in the nearby Turkish town of X" may be a scene apart)
            // ("near Syrias second city Aleppo": a country's possessive, written without its
            // apostrophe, describes the place as a people's name does)
            let people = prev.cap
                && (self.is_people_word(&prev.lower)
                    || prev.lower.strip_suffix('s').is_some_and(|c| {
                        self.lookup_country(c).is_some_and(|(_, demonym)| !demonym)
                    }));
            skipped_people |= people;
            if prev.sentence != sent || !toks[k].joined_loose() || (prev.cap && !people) {
                break;
            }
            let plural_word = !self.place_words.contains_key(&prev.lower)
                && prev
                    .lower
                    .strip_suffix('s')
                    .is_some_and(|one| self.place_words.contains_key(one));
            plural |= plural_word;
            let descriptive = is_descriptive(&prev.lower)
                || people
                || self.place_words.contains_key(&prev.lower)
                || plural_word
                || prev.lower.chars().all(|c| c.is_ascii_digit());
            // does a cue phrase end at k-1?
            for (phrase, cue) in &self.cues {
                let n = phrase.len();
                if n <= k
                    && (0..n).all(|m| {
                        toks[k - n + m].lower == phrase[m] && toks[k - n + m].sentence == sent
                    })
                {
                    // "Shehpur area of Ahmedabad city": a named part of the town, in it (ACLED
                    // codes the town itself), not near it as "the area of X" is
                    let named_part = *cue == PlaceCue::Near
                        && phrase.len() == 2
                        && phrase[0] == "area"
                        && k > n
                        && toks[k - n - 1].cap
                        && toks[k - n - 1].sentence == sent
                        && toks[k - n].joined;
                    // ("near the Syrian city of Homs" is near it all the same; "in the
                    // nearby Turkish town of X" is no cue)
                    let near = *cue == PlaceCue::Near && !(n == 1 && is_descriptive(&phrase[0]));
                    if (plural || skipped_people) && *cue != PlaceCue::From && !near {
                        return PlaceCue::None;
                    }
                    // "in and around Aleppo", "in and near Homs": in it
                    let in_and = *cue == PlaceCue::Near
                        && k >= n + 2
                        && toks[k - n - 1].lower == "and"
                        && toks[k - n - 2].lower == "in"
                        && toks[k - n - 2].sentence == sent;
                    if *cue == PlaceCue::Near && n == 1 && is_descriptive(&phrase[0]) {
                        nearby.get_or_insert(PlaceCue::Near);
                        continue;
                    }
                    return if named_part || in_and {
                        PlaceCue::In
                    } else if nearby.is_some() && *cue != PlaceCue::Towards {
                        // ("in the nearby town of X": near it all the same)
                        PlaceCue::Near
                    } else {
                        *cue
                    };
                }
            }
            if !descriptive {
                break;
            }
            k -= 1;
            steps += 1;
        }
        nearby.unwrap_or(PlaceCue::None)
    }

    /// Marks qualifiers: `X (Y, Z)`, `X, Y` where Y is a province or country, `X of Y`.
    fn attach_context(&self, text: &str, toks: &[Token], found: &mut [Found]) {
        let is_area = |f: &Found| match &f.hit {
            Hit::Country(..) => true,
            Hit::Names(p) => p.iter().any(|x| x >> 30 == TAG_ADMIN1),
            Hit::Unresolved => false,
        };
        for a in 0..found.len() {
            if let Some(head) = found[a].qualifies {
                // "San Joaquin, Valencia, Carabobo state": a province after a qualifier
                // qualifies the head too ("Raju street of Afrin city in Aleppo")
                let b = a + 1;
                if b < found.len() && found[b].qualifies.is_none() && is_area(&found[b]) {
                    let end = toks[found[a].word_after_tok.unwrap_or(found[a].last)].end;
                    if matches!(
                        text[end..toks[found[b].first].start].trim(),
                        "," | "in" | "of"
                    ) {
                        found[b].qualifies = Some(head);
                    }
                }
                continue;
            }
            let mut end_tok = found[a].word_after_tok.unwrap_or(found[a].last);
            // "Shahpur sector area (Poonch district, J&K)": a word or two saying what part
            // of the place it is, the last a place word, before the bracket
            for span in [1, 2] {
                let words = (1..=span).all(|d| {
                    toks.get(end_tok + d)
                        .is_some_and(|n| n.joined && !n.cap && n.sentence == toks[end_tok].sentence)
                });
                if words
                    && self.place_words.get(&toks[end_tok + span].lower)
                        == Some(&PlaceWord::District)
                    && text[toks[end_tok + span].end..]
                        .trim_start()
                        .starts_with('(')
                {
                    end_tok += span;
                    break;
                }
            }
            let end = toks[end_tok].end;
            let rest = &text[end..];
            let trimmed = rest.trim_start();
            // "in western Yemen (Razih, Sadah)": divisions after a country name where it
            // happened; they are places of their own, not qualifiers of the country
            if trimmed.starts_with('(') && !matches!(found[a].hit, Hit::Country(..)) {
                let close = trimmed
                    .find(')')
                    .map(|c| end + (rest.len() - trimmed.len()) + c);
                let mut inside = 0;
                if let Some(close) = close {
                    for f in found.iter_mut().skip(a + 1) {
                        if toks[f.first].start < close {
                            f.qualifies = Some(a);
                            inside += 1;
                        } else {
                            break;
                        }
                    }
                }
                // (a bracket naming no place, "Cemce area (unknown location) of Kagizman
                // district", is an aside: what follows it is read as if it were not there)
                if inside > 0 || close.is_none() {
                    continue;
                }
            }
            let Some(b) = (a + 1 < found.len()).then_some(a + 1) else {
                continue;
            };
            let between_text = &text[end..toks[found[b].first].start];
            let between_owned;
            let between = match (between_text.find('('), between_text.find(')')) {
                (Some(open), Some(close)) if open < close => {
                    between_owned =
                        format!("{}{}", &between_text[..open], &between_text[close + 1..]);
                    between_owned.as_str()
                }
                _ => between_text,
            };
            // "Beirut's Hamra": the owner qualifies the part
            let possessive = between.trim_end().len() == 2
                && between.ends_with("s ")
                && between.starts_with(is_apostrophe);
            if possessive && found[b].qualifies.is_none() {
                found[a].qualifies = Some(b);
                continue;
            }
            let a_is_town = match &found[a].hit {
                Hit::Names(p) => p.iter().any(|x| x >> 30 != TAG_ADMIN1),
                Hit::Unresolved => true,
                Hit::Country(..) => false,
            };
            let b_plain_list = toks
                .get(found[b].last + 1)
                .is_some_and(|n| n.lower == "and" && n.joined_loose());
            // "Kirkoy village of Yayladere district, Bingol", "Gota area of Ahmedabad city",
            // "Lunsar town, Marampa subdivision": a town named as a division, or any town
            // that a part of a town or a village is "of" or "in", contains it (and the
            // province after it qualifies the first name too, above)
            let sep = between.trim();
            // (or one whose name says it is a city: "Jaro, Iloilo City")
            let b_division = matches!(&found[b].hit, Hit::Names(_))
                && (matches!(
                    found[b].word_after,
                    Some(PlaceWord::Admin2 | PlaceWord::District | PlaceWord::Town)
                ) || (found[b].last > found[b].first && toks[found[b].last].lower == "city"));
            let a_part = matches!(
                found[a].word_after,
                Some(PlaceWord::District | PlaceWord::Town)
            ) && matches!(&found[b].hit, Hit::Names(_))
                && (sep == "of" || sep == "in");
            // "San Francisco Campeche": a known town right after another, with only a space
            // between, names where the first lies (San Francisco de Campeche)
            let b_right_after = between == " "
                && matches!(found[b].hit, Hit::Names(_))
                && toks[found[b].first].sentence == toks[found[a].first].sentence;
            // "in Rashidin west of Aleppo": a name the gazetteer lacks, placed by a direction
            // from a known place, lies near it (the known place says where; the event is at
            // the first)
            let b_direction = matches!(found[a].hit, Hit::Unresolved)
                && matches!(found[b].hit, Hit::Names(_))
                && sep
                    .split_once(' ')
                    .is_some_and(|(d, of)| of == "of" && is_compass(d));
            // "the southern Gaza city of Khan Younis", "the Darfur town of Kutum": a region
            // named between "the" and "city of" / "town of" is where the town named after it
            // lies, not a part of it
            let region_then_town = found[a].word_after == Some(PlaceWord::Town)
                && sep == "of"
                && found[b].qualifies.is_none()
                && !matches!(found[b].hit, Hit::Country(..))
                && {
                    let sent = toks[found[a].first].sentence;
                    let mut k = found[a].first;
                    let mut steps = 0;
                    while k > 0
                        && steps < 2
                        && toks[k - 1].sentence == sent
                        && !toks[k - 1].cap
                        && toks[k - 1].lower != "the"
                    {
                        k -= 1;
                        steps += 1;
                    }
                    k > 0 && toks[k - 1].sentence == sent && toks[k - 1].lower == "the"
                };
            if region_then_town {
                found[a].qualifies = Some(b);
                continue;
            }
            if a_is_town
                && (((is_area(&found[b]) || b_division || a_part)
                    && (sep == "," || sep == "of" || sep == "in"))
                    || b_right_after
                    || b_direction)
                && !b_plain_list
            {
                found[b].qualifies = Some(a);
            }
        }
    }

    fn resolve(
        &self,
        text: &str,
        toks: &[Token],
        found: &[Found],
        outlet: &[(u16, f32)],
        fronts: &[&Front],
        first_reading: Option<&[Option<(u16, u16)>]>,
    ) -> (ArticlePlaces, Vec<Option<(u16, u16)>>) {
        // ---- country and admin1 context from the whole article
        let mut votes: FxHashMap<u16, f32> = FxHashMap::default();
        let mut explicit_countries: FxHashMap<u16, f32> = FxHashMap::default();
        let mut explicit_admin1: FxHashMap<u16, f32> = FxHashMap::default();
        let mut admin1_share: FxHashMap<u16, f32> = FxHashMap::default();
        let mut own_votes: Vec<Vec<(u16, f32)>> = vec![Vec::new(); found.len()];
        // the part of `votes` that armed forces' demonyms give ("Turkish forces")
        let mut force_votes: FxHashMap<u16, f32> = FxHashMap::default();
        for (fi, f) in found.iter().enumerate() {
            match &f.hit {
                Hit::Country(c, demonym) => {
                    // "Saudi-led coalition", "Turkey-backed factions": an outside party
                    let modifier = self.is_modifier(text, toks, f.first, f.last);
                    // ("Russia's missile attack on Kramatorsk": a country that owns the fire)
                    let force = (*demonym && self.force_follows(toks, f.last))
                        || owns_the_force(toks, f.last);
                    let w = match f.cue {
                        _ if modifier => 0.3,
                        _ if force && !*demonym => COUNTRY_AGENT_WEIGHT,
                        _ if force => FORCE_DEMONYM_WEIGHT,
                        _ if *demonym => 1.0,
                        PlaceCue::Border | PlaceCue::From | PlaceCue::Towards => 1.5,
                        _ => 3.0,
                    };
                    *votes.entry(*c).or_default() += w;
                    // (an outside party, "pro-Turkey", is no more a sign of being there)
                    if force || modifier {
                        *force_votes.entry(*c).or_default() += w;
                    }
                    if !modifier {
                        *explicit_countries.entry(*c).or_default() += 1.0;
                    }
                }
                Hit::Names(post) => {
                    let weights = self.prior_weights(post, f.word_after);
                    let total: f32 = weights.iter().map(|w| w.1).sum();
                    let mut per_country: FxHashMap<u16, f32> = FxHashMap::default();
                    let mut per_admin1: FxHashMap<u16, f32> = FxHashMap::default();
                    for (p, w) in &weights {
                        *per_country.entry(self.country_of(*p)).or_default() += w / total;
                        let a = self.admin1_of(*p);
                        if a != NO_ADMIN1 {
                            *per_admin1.entry(a).or_default() += w / total;
                        }
                        if p >> 30 == TAG_ADMIN1 {
                            *explicit_admin1.entry((p & 0x3fff_ffff) as u16).or_default() +=
                                w / total;
                        }
                    }
                    // a province named as such ("Deir Ezzor province") speaks for its country
                    let strength = if f.word_after == Some(PlaceWord::Admin1) {
                        3.0
                    } else {
                        1.0
                    };
                    match first_reading {
                        // the country (and province) it was read in the first time, if any
                        Some(read) => {
                            if let Some((c, a)) = read[fi] {
                                *votes.entry(c).or_default() += strength;
                                own_votes[fi].push((c, strength));
                                if a != NO_ADMIN1 {
                                    *admin1_share.entry(a).or_default() += 1.0;
                                }
                            }
                        }
                        None => {
                            for (c, w) in per_country {
                                *votes.entry(c).or_default() += w * strength;
                                own_votes[fi].push((c, w * strength));
                            }
                            for (a, w) in per_admin1 {
                                *admin1_share.entry(a).or_default() += w;
                            }
                        }
                    }
                }
                Hit::Unresolved => {}
            }
        }
        // armed groups and institutions that point to one country ("Houthi", "GNA"), or to
        // its provinces ("SMM" -> Donetsk, Luhansk)
        let mut seen_context: Vec<&str> = Vec::new();
        let mut context_votes: FxHashMap<u16, f32> = FxHashMap::default();
        // provinces the group names point to, first named first
        let mut hint_admin1: Vec<u16> = Vec::new();
        for t in toks {
            let word = &text[t.start..t.end];
            let hint = if t.all_caps {
                self.context_words.get(word)
            } else if t.cap {
                self.context_words.get(&t.lower)
            } else {
                None
            };
            let Some(hint) = hint else { continue };
            let key = if t.all_caps { word } else { t.lower.as_str() };
            if seen_context.contains(&key) {
                continue;
            }
            seen_context.push(key);
            let share = 2.0 / hint.countries.len() as f32;
            for c in &hint.countries {
                *context_votes.entry(*c).or_default() += share;
            }
            for a in &hint.admin1 {
                let v = admin1_share.entry(*a).or_default();
                *v = v.max(1.0);
                if !hint_admin1.contains(a) {
                    hint_admin1.push(*a);
                }
            }
        }
        // several group names of one country count a little more than one, not each
        for (c, v) in context_votes {
            *votes.entry(c).or_default() += v.min(3.0);
        }
        // the outlet's country, like two demonyms
        for &(c, share) in outlet {
            *votes.entry(c).or_default() += OUTLET_WEIGHT * share;
        }
        // ---- qualifiers of each mention; a name written again without its qualifier
        // ("Burco central prison ... Burco town (Burco, Togdheer)") shares them
        // (who qualifies whom, and who is written with the same postings, indexed once: an
        // article that names thousands of places is read in time linear in them)
        let groups = Groups::new(found);
        let mut quals: Vec<Qualifiers> = (0..found.len())
            .map(|fi| self.qualifiers(text, toks, found, &groups, fi))
            .collect();
        for fi in 0..found.len() {
            let Hit::Names(post) = &found[fi].hit else {
                continue;
            };
            if !quals[fi].is_empty() {
                continue;
            }
            let donor = (0..found.len()).find(|&gj| {
                gj != fi
                    && quals[gj].explicit()
                    && matches!(&found[gj].hit, Hit::Names(p) if p == post)
            });
            if let Some(gj) = donor {
                quals[fi] = quals[gj].clone();
                quals[fi].shared = true;
            }
        }

        // ---- resolve each mention
        let mut mentions: Vec<PlaceMention> = Vec::with_capacity(found.len());
        let mut chosen_admin1: Vec<Option<u16>> = vec![None; found.len()];
        // the gazetteer place each town mention was read as
        let mut chosen_town: Vec<Option<usize>> = vec![None; found.len()];
        // mentions read at first but dropped once the article is read (see below)
        let mut dropped: Vec<bool> = vec![false; found.len()];
        for (fi, f) in found.iter().enumerate() {
            let Qualifiers {
                admin1: q_admin1,
                country: q_country,
                admin1_strict: q_admin1_strict,
                explicit_country,
                countries_by_others,
                shared: _,
            } = quals[fi].clone();
            // the mention this one qualifies, if it is resolved already: stay inside it
            let parent_country = f
                .qualifies
                .and_then(|p| mentions.get(p))
                .and_then(|m: &PlaceMention| m.place.country_code.clone())
                .and_then(|iso| self.country_index(&iso));
            let first = &toks[f.first];
            let last = &toks[f.last];
            let span = Span::new(first.start, last.end);
            let mention_text = text[span.start..span.end].to_owned();
            let mut place = PlaceRef {
                mention: mention_text.clone(),
                ..PlaceRef::default()
            };
            let mut cue = f.cue;
            if f.word_after == Some(PlaceWord::Countryside) {
                cue = PlaceCue::Countryside;
            } else if f.word_after == Some(PlaceWord::Outskirts) {
                cue = PlaceCue::Outskirts;
            }
            let (kind, score, rule) = match &f.hit {
                Hit::Country(c, demonym) => {
                    self.fill_country(&mut place, *c);
                    place.geo_precision = 3;
                    place.where_prec = 6;
                    // an outside party ("Saudi-led", "Turkey backed") or an armed force
                    // ("Israeli forces") says less of where it happened
                    let modifier = self.is_modifier(text, toks, f.first, f.last);
                    let rule = match (*demonym, modifier) {
                        (true, true) => "demonym-modifier",
                        (true, false) if self.force_follows(toks, f.last) => "demonym-force",
                        (true, false) => "demonym",
                        (false, true) => "country-modifier",
                        (false, false) => "country",
                    };
                    let iso = &self.countries[*c as usize].iso2;
                    (PlaceKind::Country, 1.0, format!("{rule}:{iso}"))
                }
                Hit::Names(post) => {
                    // admin1 context from the other mentions
                    let mut a1_context = admin1_share.clone();
                    let own = self.prior_weights(post, f.word_after);
                    let own_total: f32 = own.iter().map(|w| w.1).sum();
                    // country context from the other mentions
                    // (without this name's own votes, wherever it is written)
                    let mut votes = votes.clone();
                    // (this mention and those with the same postings, in text order)
                    for &gj in groups.same_postings(fi) {
                        for (c, w) in &own_votes[gj] {
                            if let Some(v) = votes.get_mut(c) {
                                *v = (*v - w).max(0.0);
                            }
                        }
                    }
                    // the article's country as far as it rules out places elsewhere: armed
                    // forces act abroad, so their nationality rules out nothing
                    let local_main = votes
                        .iter()
                        .map(|(c, v)| (*c, v - force_votes.get(c).copied().unwrap_or(0.0)))
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
                    // nor does the outlet's country alone rule out a sizeable town spelled as
                    // written ("Tikrit" in a Kyiv outlet's report is in Iraq; a village's
                    // namesake abroad still yields to the outlet's country)
                    let local_main_told = votes
                        .iter()
                        .map(|(c, v)| {
                            let outlet_vote = outlet
                                .iter()
                                .filter(|(oc, _)| oc == c)
                                .map(|(_, share)| OUTLET_WEIGHT * share)
                                .sum::<f32>();
                            (
                                *c,
                                v - force_votes.get(c).copied().unwrap_or(0.0) - outlet_vote,
                            )
                        })
                        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
                    let vote_total: f32 = votes.values().sum::<f32>().max(1.0);
                    let mut explicit_other = explicit_admin1.clone();
                    // (wherever the name is written: "Tripoli" twice is no context for
                    // Libya's province of Tripoli)
                    // (a qualifier of the same name, "Durango, Durango", is other context)
                    let written_times = found
                        .iter()
                        .enumerate()
                        .filter(|(gj, g)| {
                            matches!(&g.hit, Hit::Names(p) if p == post)
                                && (*gj == fi
                                    || (g.qualifies != Some(fi) && f.qualifies != Some(*gj)))
                        })
                        .count() as f32;
                    for (x, w) in &own {
                        let a = self.admin1_of(*x);
                        let share = written_times * w / own_total;
                        if let Some(v) = a1_context.get_mut(&a) {
                            *v -= share;
                        }
                        if *x >> 30 == TAG_ADMIN1 {
                            if let Some(v) = explicit_other.get_mut(&a) {
                                *v -= share;
                            }
                        }
                    }
                    let written = plain(&text[first.start..last.end]);
                    let mut scored: Vec<(u32, f32)> = post
                        .iter()
                        .map(|&x| {
                            let s = self.candidate_score(
                                x,
                                f,
                                &votes,
                                vote_total,
                                &explicit_countries,
                                &explicit_other,
                                &a1_context,
                                &q_admin1,
                                &q_country,
                                parent_country,
                            );
                            (
                                x,
                                s + self.exact_bonus(x, &written) + self.term_bonus(x, f, toks),
                            )
                        })
                        .collect();
                    // namesakes in a front's provinces: the one on the line of contact
                    let on_front = self.front_distances(post, &name_key(&written), fronts);
                    for (x, s) in scored.iter_mut() {
                        if let Some(&(_, d, _)) = on_front.iter().find(|o| o.0 == *x) {
                            *s += FRONT_LINE_WEIGHT * ((25.0 - d as f32) / 20.0).clamp(0.0, 1.0);
                        }
                    }
                    // "Oleksandrivka, Donetsk": a name is not the place its own qualifier
                    // names (Donetsk was once Oleksandrivka), unless spelled as that place is
                    let qualifier_posts: Vec<&Vec<u32>> = found
                        .iter()
                        .filter(|g| g.qualifies == Some(fi))
                        .filter_map(|g| match &g.hit {
                            Hit::Names(gp) if gp != post => Some(gp),
                            _ => None,
                        })
                        .collect();
                    if !qualifier_posts.is_empty() {
                        for (x, s) in scored.iter_mut() {
                            if qualifier_posts.iter().any(|gp| gp.contains(x))
                                && self.exact_bonus(*x, &written) == 0.0
                            {
                                *s -= QUALIFIER_ITSELF_PENALTY;
                            }
                        }
                    }
                    scored.sort_by(|a, b| b.1.total_cmp(&a.1));
                    let (best, s1) = scored[0];
                    let s2 = scored.get(1).map(|x| x.1).unwrap_or(s1 - 5.0);
                    let conf = 1.0 / (1.0 + (s2 - s1).exp());
                    let ix = (best & 0x3fff_ffff) as usize;
                    let ctx = self.context_label(&votes);
                    let cc = self.country_of(best);
                    let mut q_countries = q_country.clone();
                    q_countries.extend(
                        q_admin1_strict
                            .iter()
                            .map(|a| self.admin1[*a as usize].country),
                    );
                    // a place outside the country its qualifiers name is another place
                    // (heads: only small ones; a qualifier must agree with the group)
                    let small = best >> 30 == TAG_ADMIN1 || {
                        let p = &self.places[ix];
                        p.population < 1_000_000 && p.flags & FLAG_CAPITAL == 0
                    };
                    let against_qualifier = !q_countries.is_empty()
                        && !q_countries.contains(&cc)
                        && (small
                            || f.qualifies.is_some()
                            || !q_admin1_strict.is_empty()
                            || explicit_country);
                    // a small town in another province than the one its qualifier names
                    // (unless the province is misnamed: "Mariupol, Zaporizhia" is the city of
                    // Mariupol, a town spelled as written, the only one so named in the
                    // province's country, none of that name in the province)
                    // (only a town, and a qualifier after a comma or in brackets: "from Afrin
                    // in Idleb" says where it happened, "Baharak district, Takhar" is another
                    // district)
                    let comma_qualified = groups.qualifiers_of(found, fi).any(|(_, g)| {
                        g.first > f.last && {
                            let end = toks[f.word_after_tok.unwrap_or(f.last)].end;
                            matches!(text[end..toks[g.first].start].trim(), "," | "(")
                        }
                    });
                    // ("Nawabshah city (Nawabshah, Punjab)": a town word may stand between;
                    // the qualifiers name only provinces or the town itself, not another
                    // town of the province: "Mehrabpur city (Naushahro Firoz, Sindh)")
                    let other_town = |g: &Found, own_key: &str| match &g.hit {
                        Hit::Names(p) => {
                            !p.iter().any(|&y| y >> 30 == TAG_ADMIN1)
                                && name_key(&text[toks[g.first].start..toks[g.last].end]) != own_key
                                && p.iter().any(|&y| {
                                    q_admin1_strict
                                        .contains(&self.places[(y & 0x3fff_ffff) as usize].admin1)
                                })
                        }
                        _ => false,
                    };
                    let only_provinces = || {
                        let own_key = name_key(&text[first.start..last.end]);
                        !found
                            .iter()
                            .any(|g| g.qualifies == Some(fi) && other_town(g, &own_key))
                    };
                    let misnamed_province = best >> 30 != TAG_ADMIN1
                        && f.qualifies.is_none()
                        && matches!(f.word_after, None | Some(PlaceWord::Town))
                        && comma_qualified
                        && only_provinces()
                        && {
                            let p = &self.places[ix];
                            p.population >= MISNAMED_PROVINCE_TOWN
                                && self.exact_bonus(best, &written) > 0.0
                                && q_admin1_strict
                                    .iter()
                                    .filter(|a| self.admin1[**a as usize].country == p.country)
                                    .count()
                                    == 1
                                && !post.iter().any(|&y| {
                                    y != best
                                        && y >> 30 != TAG_ADMIN1
                                        && self.places[(y & 0x3fff_ffff) as usize].country
                                            == p.country
                                        && self.exact_bonus(y, &written) > 0.0
                                })
                        };
                    let against_province = best >> 30 != TAG_ADMIN1
                        && small
                        && !misnamed_province
                        && !q_admin1_strict.is_empty()
                        && !q_admin1_strict.contains(&self.places[ix].admin1)
                        && !q_admin1.contains(&self.places[ix].admin1)
                        // (a suburb across the line of a province named after its city:
                        // "the Duma neighbourhood of Damascus", Douma lying in Rif Dimashq)
                        && !q_admin1_strict.iter().any(|&a| {
                            self.admin1_seat(a).is_some_and(|s| {
                                let (p, q) = (&self.places[ix], &self.places[s]);
                                self.admin1[a as usize].country == p.country
                                    && km(
                                        f64::from(p.lat),
                                        f64::from(p.lon),
                                        f64::from(q.lat),
                                        f64::from(q.lon),
                                    ) < SUBURB_KM
                            })
                        });
                    // "Zap (Amadiya)": no town of that name lies in this one's country
                    let against_town_qualifier = f.qualifies.is_none()
                        && best >> 30 != TAG_ADMIN1
                        && small
                        && !q_admin1.is_empty()
                        && !q_admin1
                            .iter()
                            .any(|a| self.admin1[*a as usize].country == cc);
                    let against_qualifier =
                        against_qualifier || against_province || against_town_qualifier;
                    let small_foreign = best >> 30 != TAG_ADMIN1 && {
                        let p = &self.places[ix];
                        let sizeable =
                            p.population >= SIZEABLE_TOWN && self.exact_bonus(best, &written) > 0.0;
                        let main = if sizeable {
                            local_main_told
                        } else {
                            local_main
                        };
                        p.population < 200_000
                            && p.flags & FLAG_CAPITAL == 0
                            && main.is_some_and(|(m, v)| m != cc && v >= 2.0)
                            && !explicit_countries.contains_key(&cc)
                            && parent_country != Some(cc)
                    };
                    // a namesake abroad matched only by a folded spelling (or a qualifier),
                    // in a country nothing else in the article points to, while something
                    // points elsewhere ("Tapoa" is not Attapu, Laos, in a JNIM story)
                    let exact = self.exact_bonus(best, &written) > 0.0;
                    let lone_foreign = (!exact
                        || (f.qualifies.is_some() && best >> 30 != TAG_ADMIN1))
                        // (a big city too, when only a folded spelling matched it: "Samar" is
                        // not Samara, Russia, in a Philippine story; capitals too, unless spelled
                        // as written: "Roma" in a Syrian story is no reason to read Rome)
                        && (best >> 30 == TAG_ADMIN1 || {
                            let p = &self.places[ix];
                            !exact || (p.population < 1_000_000 && p.flags & FLAG_CAPITAL == 0)
                        })
                        && votes.get(&cc).copied().unwrap_or(0.0)
                            - force_votes.get(&cc).copied().unwrap_or(0.0)
                            < 0.3
                        // (where little or nothing points elsewhere, a folded spelling alone
                        // carries a report abroad only when it is spelled nearly as the place:
                        // "Rubaya" in a Congolese report is not Roubaix, "Tawori" not Turin)
                        // (a small town's own votes are all its country has, where names are
                        // not transliterated: "Masala" in a Congolese report that names no
                        // country is not Masally, Azerbaijan; "Tell Abiad" is Tall Abyad)
                        && (local_main.is_some_and(|(m, v)| m != cc && v >= 0.6)
                            || (!exact
                                && local_main.is_none_or(|(m, v)| {
                                    m != cc
                                        || (v <= 0.0
                                            && best >> 30 != TAG_ADMIN1
                                            && !self.transliterated.contains(&cc)
                                            && self.places[ix].population < SIZEABLE_TOWN)
                                })
                                && (best >> 30 == TAG_ADMIN1
                                    || !spelled_nearly(&self.places[ix].name, &written))))
                        && !explicit_countries.contains_key(&cc)
                        && parent_country != Some(cc)
                        && !countries_by_others.contains(&cc)
                        // "Idleb": also a province of that country, so no stray namesake
                        // (one spelled so: "Samar" is not Samara Oblast either)
                        && !(best >> 30 != TAG_ADMIN1 && post.iter().any(|x| {
                            *x >> 30 == TAG_ADMIN1
                                && self.admin1[(x & 0x3fff_ffff) as usize].country == cc
                                && self.exact_bonus(*x, &written) > 0.0
                        }));
                    // "the SMM observed shelling near Lozove": a village of that name in
                    // another province is not the one on the front line
                    let outside_hint = best >> 30 != TAG_ADMIN1
                        && q_admin1.is_empty()
                        && !hint_admin1.is_empty()
                        && {
                            let p = &self.places[ix];
                            p.population < 20_000
                                && !hint_admin1.contains(&p.admin1)
                                && hint_admin1
                                    .iter()
                                    .any(|a| self.admin1[*a as usize].country == cc)
                        };
                    // "Trelew (Chubut)": a place in the province or country its qualifiers
                    // name is that place, whatever else the article names
                    let confirmed = f.qualifies.is_none()
                        && best >> 30 != TAG_ADMIN1
                        && (q_admin1_strict.contains(&self.places[ix].admin1)
                            || (explicit_country && q_country.contains(&cc)));
                    // (a place spelled exactly so that the first reading took in this country
                    // is kept in the second, whose votes, one per place read, weigh heavier)
                    let kept_before = exact
                        && first_reading.is_some_and(|read| read[fi].is_some_and(|(c, _)| c == cc));
                    // "near Molodizhne" in a report on a front: a settlement its held lists
                    // place in a province where the gazetteer has none of that name is not
                    // the namesake elsewhere
                    let off_front = best >> 30 != TAG_ADMIN1 && !confirmed && {
                        let key = name_key(&written);
                        fronts.iter().any(|fr| {
                            fr.held
                                .get(&key)
                                .is_some_and(|&a| a != NO_ADMIN1 && a != self.places[ix].admin1)
                                && hint_admin1
                                    .iter()
                                    .chain(&q_admin1)
                                    .any(|h| fr.admin1.contains(h))
                        })
                    };
                    let small_foreign = (small_foreign || lone_foreign || outside_hint)
                        && !confirmed
                        && !kept_before;
                    // a name known only abroad, with nothing in the sentence saying it is a
                    // place here ("God willing", "Assads troops"): not a place at all
                    // (one of a list of places, "Hajeen, Susa and Sha'afah", is a place)
                    let listed = |other: Option<&Found>, before: bool| {
                        other.is_some_and(|o| {
                            let (a, b) = if before {
                                (
                                    toks[o.word_after_tok.unwrap_or(o.last)].end,
                                    toks[f.first].start,
                                )
                            } else {
                                (
                                    toks[f.word_after_tok.unwrap_or(f.last)].end,
                                    toks[o.first].start,
                                )
                            };
                            a <= b
                                && toks[o.first].sentence == toks[f.first].sentence
                                && matches!(text[a..b].trim(), "," | "and" | ", and" | "or" | "&")
                        })
                    };
                    let in_a_list = listed(fi.checked_sub(1).and_then(|k| found.get(k)), true)
                        || listed(found.get(fi + 1), false);
                    // (and a small town abroad that nothing else points to)
                    let stray_abroad = best >> 30 != TAG_ADMIN1 && {
                        let p = &self.places[ix];
                        p.population < 200_000
                            && p.flags & FLAG_CAPITAL == 0
                            && local_main.is_some_and(|(m, v)| m != cc && v >= 1.0)
                            && votes.get(&cc).copied().unwrap_or(0.0) < 0.3
                            && !explicit_countries.contains_key(&cc)
                            && parent_country != Some(cc)
                    };
                    if (small_foreign || (stray_abroad && !confirmed && !kept_before))
                        && !in_a_list
                        && !against_qualifier
                        && cue == PlaceCue::None
                        && f.word_after.is_none()
                        && f.qualifies.is_none()
                        && quals[fi].admin1.is_empty()
                        && quals[fi].country.is_empty()
                    {
                        dropped[fi] = true;
                    }
                    if against_qualifier || small_foreign || off_front {
                        let why = if against_qualifier {
                            "qualifier"
                        } else if outside_hint {
                            "context province"
                        } else if off_front {
                            "front province"
                        } else {
                            "article country"
                        };
                        let rule = format!(
                            "unresolved:not gazetteer:{} ({why} is elsewhere)",
                            self.place_or_admin1_id(best)
                        );
                        (PlaceKind::Unresolved, 0.5, rule)
                    } else if best >> 30 == TAG_ADMIN1 {
                        let a = &self.admin1[ix];
                        chosen_admin1[fi] = Some(ix as u16);
                        self.fill_admin1(&mut place, ix as u16);
                        place.name = a.name.clone();
                        let mut rule = format!(
                            "admin1:{}.{} ctx={ctx}",
                            self.countries[a.country as usize].iso2, a.code
                        );
                        if cue == PlaceCue::Countryside {
                            place.geo_precision = 2;
                        } else {
                            place.geo_precision = 3;
                            // "in Herat province": pinned at the town it is named after, as
                            // ACLED pins an event only the province of is known
                            if let Some(seat) = self.admin1_seat(ix as u16) {
                                let p = &self.places[seat];
                                place.lat = Some(degrees(p.lat));
                                place.lon = Some(degrees(p.lon));
                                rule.push_str(&format!(" seat={}", p.id));
                            }
                        }
                        place.where_prec = 4;
                        (PlaceKind::Admin1, conf, rule)
                    } else {
                        let p = &self.places[ix];
                        chosen_admin1[fi] = (p.admin1 != NO_ADMIN1).then_some(p.admin1);
                        chosen_town[fi] = Some(ix);
                        let mut rule = format!(
                            "gazetteer:{} pop={} ctx={ctx}",
                            p.id,
                            human_pop(p.population)
                        );
                        if let Some((_, d, k)) = on_front.iter().find(|o| o.0 == best) {
                            rule.push_str(&format!(" front={} line={d:.0}km", fronts[*k].id));
                        }
                        // a town named like its province ("Homs countryside") stands for the
                        // province; another town's countryside ("the countryside of Tell
                        // Abiad") lies around the town: the town, precision 2, below
                        let named_like_province = matches!(&f.hit, Hit::Names(post)
                            if post.contains(&(TAG_ADMIN1 << 30 | u32::from(p.admin1))));
                        if cue == PlaceCue::Countryside
                            && p.admin1 != NO_ADMIN1
                            && named_like_province
                        {
                            // "Homs countryside": the province around the town
                            self.fill_admin1(&mut place, p.admin1);
                            place.geo_precision = 2;
                            place.where_prec = 4;
                            (
                                PlaceKind::Admin1,
                                conf,
                                format!("{rule} countryside->admin1"),
                            )
                        } else if f.word_after == Some(PlaceWord::Admin1) && p.admin1 != NO_ADMIN1 {
                            self.fill_admin1(&mut place, p.admin1);
                            place.geo_precision = 3;
                            place.where_prec = 4;
                            (PlaceKind::Admin1, conf, format!("{rule} province->admin1"))
                        } else {
                            self.fill_place(&mut place, ix);
                            let district = matches!(
                                f.word_after,
                                Some(PlaceWord::District | PlaceWord::Street | PlaceWord::Admin2)
                            ) || p.flags & FLAG_SECTION != 0;
                            let near = matches!(
                                cue,
                                PlaceCue::Near | PlaceCue::Outskirts | PlaceCue::Countryside
                            );
                            place.geo_precision = if district || near { 2 } else { 1 };
                            place.where_prec = if district || near { 2 } else { 1 };
                            let kind = if district && f.word_after != Some(PlaceWord::Admin2) {
                                PlaceKind::District
                            } else {
                                PlaceKind::Town
                            };
                            (kind, conf, rule)
                        }
                    }
                }
                Hit::Unresolved => (PlaceKind::Unresolved, 0.5, String::new()),
            };
            place.evidence = Some(Evidence {
                article_id: String::new(),
                sentence: first.sentence,
                span,
                text: mention_text,
                rule,
            });
            mentions.push(PlaceMention {
                sentence: first.sentence,
                span,
                place,
                cue,
                kind,
                score,
                qualifies: f.qualifies,
                seat: speaker_seat(&self.speaker_seats, toks, f),
                origin_of_people: f.origin_of_people,
                caption: false,
            });
        }

        // "Gota area of Ahmedabad city", "Ganeshpur area of Jalesar town": a small place
        // outside every province the towns containing it were read in is another place of
        // that name, which the gazetteer lacks (placed in the town below)
        for mi in 0..mentions.len() {
            let Some(ix) = chosen_town[mi] else { continue };
            let p = &self.places[ix];
            let small = p.population < 100_000 && p.flags & (FLAG_CAPITAL | FLAG_USER) == 0;
            if !small
                || found[mi].qualifies.is_some()
                || !matches!(mentions[mi].kind, PlaceKind::Town | PlaceKind::District)
            {
                continue;
            }
            let mut containers = mentions.iter().enumerate().filter(|(j, m)| {
                m.qualifies == Some(mi)
                    && matches!(m.kind, PlaceKind::Town | PlaceKind::District)
                    && chosen_admin1[*j].is_some()
            });
            let Some((first_container, _)) = containers.next() else {
                continue;
            };
            let elsewhere = std::iter::once(first_container)
                .chain(containers.map(|(j, _)| j))
                .all(|j| chosen_admin1[j] != chosen_admin1[mi]);
            // (unless a town named like the province qualifies it after a comma, and this
            // one is a sizeable town spelled as written, the only one so named in its
            // country: "Gediz, Istanbul" is the town of Gediz, the province misnamed)
            let f = &found[mi];
            let written = plain(&text[toks[f.first].start..toks[f.last].end]);
            // (not a district listed in brackets: "Paper in Kasserine (Ezzouhour, Kasserine)")
            let comma_qualified = found[first_container].first > f.last
                && text[toks[f.word_after_tok.unwrap_or(f.last)].end
                    ..toks[found[first_container].first].start]
                    .trim()
                    == ","
                && !text[..toks[f.first].start].trim_end().ends_with('(');
            let province_named = matches!(&found[first_container].hit,
                Hit::Names(post) if post.iter().any(|&y| y >> 30 == TAG_ADMIN1));
            let misnamed_province = comma_qualified
                && province_named
                && p.population >= MISNAMED_PROVINCE_TOWN
                && plain_is(&p.name, &written, true)
                && matches!(&f.hit, Hit::Names(post) if !post.iter().any(|&y| {
                    let other = (y & 0x3fff_ffff) as usize;
                    y >> 30 == TAG_PLACE
                        && other != ix
                        && self.places[other].country == p.country
                        && plain_is(&self.places[other].name, &written, true)
                }));
            if elsewhere && !misnamed_province {
                let m = &mut mentions[mi];
                let evidence = m.place.evidence.take().map(|mut e| {
                    e.rule = format!(
                        "unresolved:not gazetteer:{} (the town containing it is elsewhere)",
                        p.id
                    );
                    e
                });
                m.place = PlaceRef {
                    mention: m.place.mention.clone(),
                    evidence,
                    ..PlaceRef::default()
                };
                m.kind = PlaceKind::Unresolved;
                m.score = 0.5;
                chosen_admin1[mi] = None;
                chosen_town[mi] = None;
            }
        }

        // what each name was read as: its country and province, none when no place
        let reading: Vec<Option<(u16, u16)>> = found
            .iter()
            .enumerate()
            .map(|(fi, f)| {
                let m = &mentions[fi];
                if !matches!(f.hit, Hit::Names(_)) || dropped[fi] || m.kind == PlaceKind::Unresolved
                {
                    return None;
                }
                let c = self.country_index(m.place.country_code.as_deref()?)?;
                Some((c, chosen_admin1[fi].unwrap_or(NO_ADMIN1)))
            })
            .collect();

        // ---- main country and admin1, from the resolved mentions
        let mut resolved_votes: FxHashMap<u16, f32> = FxHashMap::default();
        // the countries some mention names as more than an outside party ("Iran-backed")
        let mut named_otherwise: FxHashSet<u16> = FxHashSet::default();
        for (fi, m) in mentions.iter().enumerate() {
            let Some(c) = m
                .place
                .country_code
                .as_deref()
                .and_then(|c| self.country_index(c))
            else {
                continue;
            };
            let rule = m.place.evidence.as_ref().map_or("", |e| e.rule.as_str());
            // ("Russia launched a drone attack on Odesa", "Turkey regards the group as"): a
            // country that acts is an actor, not where the events are
            let acts = m.kind == PlaceKind::Country
                && found.get(fi).is_some_and(|f| {
                    toks.get(f.last + 1)
                        .is_some_and(|t| COUNTRY_AGENT_VERBS.contains(&&text[t.start..t.end]))
                        || f.first > 0 && toks[f.first - 1].lower == "by"
                        || owns_the_force(toks, f.last)
                });
            let w = match m.kind {
                PlaceKind::Country if rule.contains("-modifier:") => 0.3,
                PlaceKind::Country if acts => COUNTRY_AGENT_WEIGHT,
                PlaceKind::Country if rule.starts_with("demonym-force") => FORCE_DEMONYM_WEIGHT,
                PlaceKind::Country if rule.starts_with("demonym") => 1.0,
                PlaceKind::Country => 3.0,
                PlaceKind::Admin1 => 2.0,
                _ if m.cue == PlaceCue::In => 1.5,
                _ => 1.0,
            };
            *resolved_votes.entry(c).or_default() += w;
            if !rule.contains("-modifier:") {
                named_otherwise.insert(c);
            }
        }
        for &(c, share) in outlet {
            *resolved_votes.entry(c).or_default() += OUTLET_WEIGHT * share;
            named_otherwise.insert(c);
        }
        let final_votes = if resolved_votes.is_empty() {
            &votes
        } else {
            &resolved_votes
        };
        // (a country named only as an outside party, "killing two members of an Iran-backed
        // militia", says who backs whom, not where: no main country)
        let main_country = final_votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| *c)
            .filter(|c| resolved_votes.is_empty() || named_otherwise.contains(c));
        let mut a1_votes: FxHashMap<u16, f32> = FxHashMap::default();
        for (m, a) in mentions.iter().zip(&chosen_admin1) {
            if let Some(a) = a {
                let w = if m.kind == PlaceKind::Admin1 {
                    2.0
                } else {
                    1.0
                };
                // (where people came from or went is not where the article's events are:
                // "evacuees from Foua and Kefraya" in a report of a bombing near Aleppo)
                let w = if matches!(m.cue, PlaceCue::From | PlaceCue::Towards) {
                    w * ORIGIN_ADMIN1_WEIGHT
                } else {
                    w
                };
                *a1_votes.entry(*a).or_default() += w;
            }
        }
        let main_admin1 = a1_votes
            .iter()
            .filter(|(a, _)| Some(self.admin1[**a as usize].country) == main_country)
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(a, _)| *a);

        // ---- unresolved names: coordinates of the containing area
        for mi in 0..mentions.len() {
            if mentions[mi].kind != PlaceKind::Unresolved {
                continue;
            }
            let sent = mentions[mi].sentence;
            // a qualifier, or the nearest later place in the same sentence, or before it
            let container = mentions
                .iter()
                .enumerate()
                .filter(|(j, m)| {
                    *j != mi
                        && !dropped[*j]
                        && m.kind != PlaceKind::Unresolved
                        && m.kind != PlaceKind::Country
                        && (m.qualifies == Some(mi) || m.sentence == sent)
                })
                .min_by_key(|(j, m)| {
                    let q = if m.qualifies == Some(mi) { 0 } else { 1 };
                    let dist = if *j > mi { *j - mi } else { 100 + mi - *j };
                    (q, dist)
                })
                .map(|(j, _)| j);
            // ("a source in Hasaka said a bomber struck in al-Gharbiya neighbourhood" under
            // the headline "... attack in Qamishli": the seat of who speaks gives way to the
            // town the article opens with in the same province)
            let container = container.map(|j| {
                let seat = &mentions[j];
                if !seat.seat || seat.qualifies == Some(mi) || seat.kind != PlaceKind::Town {
                    return j;
                }
                mentions
                    .iter()
                    .position(|m| {
                        m.sentence == 0
                            && !m.seat
                            && m.kind == PlaceKind::Town
                            && m.place.admin1.is_some()
                            && m.place.admin1 == seat.place.admin1
                            && m.place.geonameid != seat.place.geonameid
                    })
                    .unwrap_or(j)
            });
            let mut place = mentions[mi].place.clone();
            place.name = place.mention.clone();
            place.unresolved_name = true;
            // a settlement a front's held lists name, in the province they give it
            // (a settlement named with the mine it grew around: "Karbonit mine" is Karbonit)
            let written = place.mention.as_str();
            let settlement = ["mine", "Mine"]
                .iter()
                .find_map(|w| written.strip_suffix(w)?.strip_suffix(' '))
                .unwrap_or(written);
            let key = name_key(settlement);
            let held = fronts.iter().find_map(|fr| {
                let a = fr.held.get(&key).copied().filter(|a| *a != NO_ADMIN1)?;
                Some((*fr, a))
            });
            // placed in province `a` of a front that holds it, or that the article points to
            // ("the SMM"): a settlement on the line, named as such
            let front_of = |a: u16| -> Option<&Front> {
                fronts.iter().copied().find(|fr| {
                    let ours = held.is_some_and(|(h, _)| std::ptr::eq(h, *fr))
                        || hint_admin1.iter().any(|h| fr.admin1.contains(h));
                    ours && fr.admin1.contains(&a)
                })
            };
            // a village or part of a town the text names as where it happened: ACLED's
            // precision says how exactly the report names the place (1), though the
            // coordinates are the town's or the province's (where_prec and unresolved_name say
            // so); near it, or a county or LGA named after it, is 2, and so is one placed by a
            // direction from a known place ("in Terage village west of Gaalkacyo")
            let named = {
                let f = &found[mi];
                let after = f.word_after_tok.unwrap_or(f.last);
                let by_direction = toks.get(after + 1).is_some_and(|d| is_compass(&d.lower))
                    && toks.get(after + 2).is_some_and(|o| o.lower == "of");
                let named_town = !by_direction
                    && matches!(mentions[mi].cue, PlaceCue::In | PlaceCue::None)
                    && matches!(
                        f.word_after,
                        None | Some(PlaceWord::Town | PlaceWord::District | PlaceWord::Street)
                    );
                if named_town {
                    1
                } else {
                    2
                }
            };
            let container = container.filter(|&j| {
                // (the province a front's held list gives is more exact than the article's)
                held.is_none()
                    || mentions[j].kind != PlaceKind::Admin1
                    || mentions[j].qualifies == Some(mi)
            });
            let rule;
            if let Some(j) = container {
                let c = mentions[j].place.clone();
                place.lat = c.lat;
                place.lon = c.lon;
                // (somewhere in a province: its centre, not the town it is named after)
                if let Some(a) = chosen_admin1[j].filter(|_| mentions[j].kind == PlaceKind::Admin1)
                {
                    let ad = &self.admin1[a as usize];
                    if ad.lat.is_finite() {
                        place.lat = Some(degrees(ad.lat));
                        place.lon = Some(degrees(ad.lon));
                    }
                }
                place.country = c.country.clone();
                place.country_code = c.country_code.clone();
                place.admin1 = c.admin1.clone();
                let front = chosen_admin1[j]
                    .filter(|_| mentions[j].kind == PlaceKind::Admin1)
                    .and_then(front_of);
                if let Some(fr) = front {
                    place.geo_precision = named;
                    place.where_prec = 4;
                    rule = format!("unresolved:in={} front={}", c.name, fr.id);
                } else if mentions[j].kind == PlaceKind::Admin1 {
                    place.geo_precision = 3;
                    place.where_prec = 4;
                    rule = format!("unresolved:in={}", c.name);
                } else {
                    place.geo_precision = named;
                    place.where_prec = 2;
                    rule = format!("unresolved:in={}", c.name);
                }
            } else if let Some((fr, a)) =
                held.filter(|(fr, _)| main_country.is_none_or(|c| c == fr.country))
            {
                self.fill_admin1(&mut place, a);
                place.name = place.mention.clone();
                place.geo_precision = named;
                place.where_prec = 4;
                rule = format!(
                    "unresolved:front={} held in {}",
                    fr.id, self.admin1[a as usize].name
                );
            } else if let Some(a) = main_admin1 {
                self.fill_admin1(&mut place, a);
                place.name = place.mention.clone();
                place.geo_precision = 3;
                place.where_prec = 4;
                rule = Self::on_the_front(
                    &mut place,
                    front_of(a),
                    named,
                    format!("unresolved:article_admin1={}", self.admin1[a as usize].name),
                );
            } else if let Some(&a) = hint_admin1
                .iter()
                .find(|a| Some(self.admin1[**a as usize].country) == main_country)
            {
                self.fill_admin1(&mut place, a);
                place.name = place.mention.clone();
                place.geo_precision = 3;
                place.where_prec = 4;
                rule = Self::on_the_front(
                    &mut place,
                    front_of(a),
                    named,
                    format!("unresolved:context_admin1={}", self.admin1[a as usize].name),
                );
            } else if let Some(c) = main_country {
                self.fill_country(&mut place, c);
                place.name = place.mention.clone();
                place.geo_precision = 3;
                place.where_prec = 6;
                rule = format!(
                    "unresolved:article_country={}",
                    self.countries[c as usize].iso2
                );
            } else {
                place.geo_precision = 3;
                place.where_prec = 6;
                rule = "unresolved:no_context".to_owned();
            }
            if let Some(e) = place.evidence.as_mut() {
                e.rule = if e.rule.is_empty() {
                    rule
                } else {
                    format!("{}; {rule}", e.rule)
                };
            }
            mentions[mi].place = place;
        }
        if dropped.iter().any(|d| *d) {
            // renumber what the kept mentions qualify
            let mut new_index: Vec<Option<usize>> = Vec::with_capacity(dropped.len());
            let mut kept = 0;
            for d in &dropped {
                new_index.push((!d).then_some(kept));
                if !d {
                    kept += 1;
                }
            }
            mentions = mentions
                .into_iter()
                .zip(&dropped)
                .filter(|(_, d)| !**d)
                .map(|(mut m, _)| {
                    m.qualifies = m
                        .qualifies
                        .and_then(|q| new_index.get(q).copied().flatten());
                    m
                })
                .collect();
        }
        (
            ArticlePlaces {
                mentions,
                main_country: main_country.map(|c| self.countries[c as usize].iso2.clone()),
                main_admin1: main_admin1.map(|a| self.admin1[a as usize].name.clone()),
            },
            reading,
        )
    }

    /// The provinces and countries that qualify mention `fi` (`X (Y, Z)`, `X, Y`), shared
    /// by the mentions of one group.
    fn qualifiers(
        &self,
        text: &str,
        toks: &[Token],
        found: &[Found],
        groups: &Groups,
        fi: usize,
    ) -> Qualifiers {
        let f = &found[fi];
        // qualifiers pointing at this mention
        let mut q_admin1: Vec<u16> = Vec::new();
        let mut q_country: Vec<u16> = Vec::new();
        let mut q_admin1_strict: Vec<u16> = Vec::new();
        let mut others: Vec<u16> = Vec::new();
        let mut big_town_countries: Vec<u16> = Vec::new();
        // the countries of the provinces the later qualifiers name exactly
        let mut other_countries: Vec<u16> = Vec::new();
        // a qualifier shares the group of the mention it qualifies ("Habban" in
        // "(Habban, Shabwah)" is looked for in Shabwah)
        let head = f.qualifies.unwrap_or(fi);
        let lone_same_name = groups.qualifiers_of(found, head).all(
            |(_, g)| matches!((&g.hit, &found[head].hit), (Hit::Names(a), Hit::Names(b)) if a == b),
        );
        for (gi, g) in groups
            .qualifiers_of(found, head)
            // (a qualifier is placed by the larger divisions named after it, not by its own
            // namesakes: "South West" in "(South West Khasi Hills district, Meghalaya)" is
            // looked for in India)
            .filter(|(gi, _)| f.qualifies.is_none() || *gi > fi)
        {
            // "Burco (Burco, Togdheer)": the district of the same name says nothing more,
            // unless it is all there is ("Sanaa (Sanaa)": the governorate around the capital)
            let same_name = matches!((&g.hit, &found[head].hit),
                (Hit::Names(a), Hit::Names(b)) if a == b);
            let names_province = matches!(&g.hit, Hit::Names(p) if {
                let written = plain(&text[toks[g.first].start..toks[g.last].end]);
                p.iter()
                    .any(|x| x >> 30 == TAG_ADMIN1 && self.exact_bonus(*x, &written) > 0.0)
            });
            if same_name && (f.qualifies.is_some() || !lone_same_name || !names_province) {
                continue;
            }
            match &g.hit {
                Hit::Country(c, _) => other_countries.push(*c),
                // (a province spelled exactly so: a folded match or a town may have
                // namesakes anywhere)
                Hit::Names(p) => {
                    let written = plain(&text[toks[g.first].start..toks[g.last].end]);
                    other_countries.extend(
                        p.iter()
                            .filter(|x| {
                                *x >> 30 == TAG_ADMIN1 && self.exact_bonus(**x, &written) > 0.0
                            })
                            .map(|x| self.country_of(*x)),
                    );
                }
                Hit::Unresolved => {}
            }
            match &g.hit {
                Hit::Country(c, _) => {
                    others.push(*c);
                    q_country.push(*c);
                    // "(Rafi LGA, Niger)": a country name that is also a province
                    let written = &text[toks[g.first].start..toks[g.last].end];
                    q_admin1_strict.extend(
                        self.lookup_key(&name_key(written))
                            .iter()
                            .filter(|x| *x >> 30 == TAG_ADMIN1)
                            .map(|x| (x & 0x3fff_ffff) as u16),
                    );
                    q_admin1.extend(q_admin1_strict.iter().copied());
                }
                Hit::Names(p) => {
                    let provinces: Vec<u16> = p
                        .iter()
                        .filter(|x| *x >> 30 == TAG_ADMIN1)
                        .map(|x| (x & 0x3fff_ffff) as u16)
                        .collect();
                    if provinces.is_empty() {
                        // a town or district as qualifier: its possible provinces, and
                        // the country of a big town ("Nairobi")
                        let big = p
                            .iter()
                            .copied()
                            .max_by_key(|x| self.places[(x & 0x3fff_ffff) as usize].population);
                        if let Some(b) = big.filter(|_| gi != fi) {
                            let pl = &self.places[(b & 0x3fff_ffff) as usize];
                            if pl.population >= 300_000 {
                                big_town_countries.push(pl.country);
                            }
                        }
                        for &x in p {
                            let pl = &self.places[(x & 0x3fff_ffff) as usize];
                            if pl.admin1 != NO_ADMIN1 {
                                q_admin1.push(pl.admin1);
                            }
                        }
                    } else {
                        if gi != fi {
                            others
                                .extend(provinces.iter().map(|a| self.admin1[*a as usize].country));
                        }
                        q_admin1_strict.extend(&provinces);
                        q_admin1.extend(provinces);
                    }
                }
                Hit::Unresolved => {}
            }
        }
        // a qualifier's own provinces count too ("(Buenos Aires)" is the province, not the
        // city), those in the country of the provinces named after it ("South West" beside
        // "Meghalaya" is not Cameroon's)
        let same_as_head = matches!((&f.hit, &found[head].hit),
            (Hit::Names(a), Hit::Names(b)) if a == b);
        // (not one joined by "in" or "of": "the square in Tripoli" names a town, and Libya's
        // province of that name is no reason to read Libya's city)
        let in_prose = f.qualifies.is_some() && {
            let h = &found[head];
            let from = toks[h.word_after_tok.unwrap_or(h.last)].end;
            let to = toks[f.first].start;
            from <= to && matches!(text[from..to].trim(), "in" | "of")
        };
        if let (Some(_), Hit::Names(p), false, false) =
            (f.qualifies, &f.hit, same_as_head, in_prose)
        {
            let own: Vec<u16> = p
                .iter()
                .filter(|x| *x >> 30 == TAG_ADMIN1)
                .map(|x| (x & 0x3fff_ffff) as u16)
                .filter(|a| {
                    other_countries.is_empty()
                        || other_countries.contains(&self.admin1[*a as usize].country)
                })
                .collect();
            q_admin1_strict.extend(&own);
            q_admin1.extend(own);
        }
        let explicit_country = !q_country.is_empty();
        if q_admin1_strict.is_empty() && q_country.is_empty() {
            q_country = big_town_countries;
        }
        Qualifiers {
            admin1: q_admin1,
            country: q_country,
            admin1_strict: q_admin1_strict,
            explicit_country,
            countries_by_others: others,
            shared: false,
        }
    }

    /// Whether the country name at tokens `first..=last` modifies what follows: "Saudi-led",
    /// "a Turkey backed faction", or either part of a compound of countries ("US-French
    /// artillery", "the Iran-Iraq war").
    fn is_modifier(&self, text: &str, toks: &[Token], first: usize, last: usize) -> bool {
        let after = &text[toks[last].end..];
        let country_at = |t: &Token| t.cap && self.lookup_country(&t.lower).is_some();
        // "pro-Turkey factions", "pro-Iranian militias": a side taken, not a place
        let before = &text[..toks[first].start];
        // "regime ally Iran", "rebel backer Qatar": an outside party named by its role
        let role_before = first > 0
            && toks[first - 1].sentence == toks[first].sentence
            && matches!(
                toks[first - 1].lower.as_str(),
                "ally" | "allies" | "backer" | "backers" | "sponsor" | "sponsors" | "patron"
            );
        MODIFIER_SUFFIXES.iter().any(|m| after.starts_with(m))
            || role_before
            || before.ends_with("pro-")
            || before.ends_with("Pro-")
            || (after.starts_with('-')
                && toks
                    .get(last + 1)
                    .is_some_and(|n| n.start == toks[last].end + 1 && country_at(n)))
            || (first > 0
                && text[..toks[first].start].ends_with('-')
                && toks[first - 1].end + 1 == toks[first].start
                && country_at(&toks[first - 1]))
    }

    /// Whether the word after token `last` names an armed force ("Turkish forces").
    fn force_follows(&self, toks: &[Token], last: usize) -> bool {
        let next = |k: usize| {
            toks.get(k)
                .filter(|n| n.joined && n.sentence == toks[last].sentence)
        };
        let force = |k: usize| next(k).is_some_and(|n| FORCE_WORDS.contains(&n.lower.as_str()));
        // (the force's own name between: "Russian Wagner mercenaries")
        force(last + 1) || next(last + 1).is_some_and(|n| n.cap && !n.all_caps) && force(last + 2)
    }

    /// Prior weight of each posting (population-based), used for context votes.
    fn prior_weights(&self, post: &[u32], word: Option<PlaceWord>) -> Vec<(u32, f32)> {
        post.iter()
            .map(|&x| {
                let w = if x >> 30 == TAG_ADMIN1 {
                    if word == Some(PlaceWord::Admin1) {
                        3000.0
                    } else {
                        700.0
                    }
                } else {
                    let p = &self.places[(x & 0x3fff_ffff) as usize];
                    let cap = if p.flags & FLAG_CAPITAL != 0 {
                        3.0
                    } else {
                        1.0
                    };
                    (p.population as f32 + 1000.0).sqrt() * cap
                };
                (x, w)
            })
            .collect()
    }

    /// An unresolved name placed in a province a front runs through, in an article about the
    /// front: a settlement on the line, at the precision of a named village.
    fn on_the_front(
        place: &mut PlaceRef,
        front: Option<&Front>,
        named: u8,
        rule: String,
    ) -> String {
        let Some(fr) = front else {
            return rule;
        };
        place.geo_precision = named;
        format!("{rule} front={}", fr.id)
    }

    /// Namesakes among `post` in the provinces of one of `fronts` (two or more there; in the
    /// province of the held settlement named `key`, when the front holds one so named and its
    /// province is known): each with its distance to that front's line and the front's
    /// position in `fronts`.
    fn front_distances(
        &self,
        post: &[u32],
        key: &str,
        fronts: &[&Front],
    ) -> Vec<(u32, f64, usize)> {
        let mut out = Vec::new();
        for (k, front) in fronts.iter().enumerate() {
            let held_in = front.held.get(key).copied().filter(|a| *a != NO_ADMIN1);
            let inside = |x: &&u32| {
                **x >> 30 == TAG_PLACE && {
                    let p = &self.places[(**x & 0x3fff_ffff) as usize];
                    front.covers(p.country, p.admin1) && held_in.is_none_or(|a| a == p.admin1)
                }
            };
            if post.iter().filter(inside).nth(1).is_none() {
                continue;
            }
            for &x in post.iter().filter(inside) {
                let p = &self.places[(x & 0x3fff_ffff) as usize];
                out.push((x, front.line_km(f64::from(p.lat), f64::from(p.lon)), k));
            }
        }
        out
    }

    /// Bonus for an entry whose own name is spelled as written (not only a folded match).
    pub(crate) fn exact_bonus(&self, x: u32, written: &str) -> f32 {
        let ix = (x & 0x3fff_ffff) as usize;
        let same = if x >> 30 == TAG_ADMIN1 {
            let a = &self.admin1[ix];
            plain_is(&a.name, written, false)
                || plain_is(&a.ascii, written, false)
                || a.aliases.iter().any(|al| plain_is(al, written, false))
        } else {
            plain_is(&self.places[ix].name, written, true)
        };
        if same {
            1.5
        } else {
            0.0
        }
    }

    fn place_or_admin1_id(&self, x: u32) -> String {
        let ix = (x & 0x3fff_ffff) as usize;
        if x >> 30 == TAG_ADMIN1 {
            let a = &self.admin1[ix];
            format!("{}.{}", self.countries[a.country as usize].iso2, a.code)
        } else {
            self.places[ix].id.to_string()
        }
    }

    fn admin1_of(&self, x: u32) -> u16 {
        let ix = (x & 0x3fff_ffff) as usize;
        if x >> 30 == TAG_ADMIN1 {
            ix as u16
        } else {
            self.places[ix].admin1
        }
    }

    fn country_of(&self, x: u32) -> u16 {
        let ix = (x & 0x3fff_ffff) as usize;
        if x >> 30 == TAG_ADMIN1 {
            self.admin1[ix].country
        } else {
            self.places[ix].country
        }
    }

    /// What the word for a first-level division after a name says of a province candidate
    /// ("Plateau State": a state, so Nigeria's Plateau, not Benin's department): a bonus when
    /// its country is one whose press calls its provinces so (`place_words.tsv`).
    fn term_bonus(&self, x: u32, f: &Found, toks: &[Token]) -> f32 {
        if x >> 30 != TAG_ADMIN1 || f.word_after != Some(PlaceWord::Admin1) {
            return 0.0;
        }
        let countries = f
            .word_after_tok
            .and_then(|k| self.admin1_terms.get(&toks[k].lower));
        match countries {
            Some(cs) if cs.contains(&self.country_of(x)) => ADMIN1_TERM_BONUS,
            _ => 0.0,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate_score(
        &self,
        x: u32,
        f: &Found,
        votes: &FxHashMap<u16, f32>,
        vote_total: f32,
        explicit_countries: &FxHashMap<u16, f32>,
        explicit_admin1: &FxHashMap<u16, f32>,
        a1_context: &FxHashMap<u16, f32>,
        q_admin1: &[u16],
        q_country: &[u16],
        parent_country: Option<u16>,
    ) -> f32 {
        let ix = (x & 0x3fff_ffff) as usize;
        let (country, admin1, mut s) = if x >> 30 == TAG_ADMIN1 {
            let a = &self.admin1[ix];
            let mut s = 4.6; // like a town of ~500k people
            match f.word_after {
                Some(PlaceWord::Admin1) => s += 20.0,
                Some(PlaceWord::Countryside) => s += 4.0,
                Some(
                    PlaceWord::Town
                    | PlaceWord::District
                    | PlaceWord::Street
                    | PlaceWord::Outskirts,
                ) => s -= 20.0,
                Some(PlaceWord::Admin2) => s -= 5.0,
                Some(PlaceWord::Prefix) | None => {}
            }
            if q_admin1.contains(&(ix as u16)) {
                s += 15.0;
            }
            // "the outskirts of X", "near X": a town, not a province
            if matches!(f.cue, PlaceCue::Near | PlaceCue::Outskirts) && f.word_after.is_none() {
                s -= 5.0;
            }
            // "in Odessa": the city, unless the text says province or countryside; the
            // province of the same name is what the city lies in anyway (a penalty on the
            // province, not a bonus for the city, which would also beat namesakes abroad)
            let city_named_alike = matches!(&f.hit, Hit::Names(post) if post.iter().any(|&y| {
                y >> 30 != TAG_ADMIN1 && {
                    let p = &self.places[(y & 0x3fff_ffff) as usize];
                    p.admin1 == ix as u16 && p.population >= 20_000
                }
            }));
            if city_named_alike
                && f.qualifies.is_none()
                && f.word_after.is_none()
                && f.cue != PlaceCue::Countryside
            {
                s -= 2.5;
            }
            (a.country, ix as u16, s)
        } else {
            let p = &self.places[ix];
            let mut s = 0.35 * ((p.population as f32) + 10.0).ln();
            if p.flags & FLAG_CAPITAL != 0 {
                s += 1.5;
            }
            if p.flags & FLAG_ADMIN_SEAT != 0 {
                s += 1.0;
            }
            // a place the user added counts like a sizeable town
            if p.flags & FLAG_USER != 0 {
                s += 3.0;
            }
            if f.word_after == Some(PlaceWord::Admin1) {
                s -= 3.0;
            }
            if p.admin1 != NO_ADMIN1 && q_admin1.contains(&p.admin1) {
                s += 15.0;
            }
            (p.country, p.admin1, s)
        };
        s += 6.0 * votes.get(&country).copied().unwrap_or(0.0) / vote_total;
        if explicit_countries.contains_key(&country) {
            s += 3.0;
        }
        if admin1 != NO_ADMIN1 {
            if explicit_admin1.get(&admin1).copied().unwrap_or(0.0) > 0.01 {
                s += 2.0;
            }
            s += 3.0 * a1_context.get(&admin1).copied().unwrap_or(0.0).min(1.0);
        }
        if q_country.contains(&country) {
            s += 10.0;
        }
        if parent_country == Some(country) {
            s += 10.0;
        }
        s
    }

    fn context_label(&self, votes: &FxHashMap<u16, f32>) -> String {
        votes
            .iter()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| self.countries[*c as usize].iso2.clone())
            .unwrap_or_else(|| "-".to_owned())
    }

    fn fill_country(&self, place: &mut PlaceRef, c: u16) {
        let co = &self.countries[c as usize];
        place.name = co.name.clone();
        place.country = Some(co.name.clone());
        place.country_code = Some(co.iso2.clone());
        if co.lat.is_finite() {
            place.lat = Some(degrees(co.lat));
            place.lon = Some(degrees(co.lon));
        }
    }

    /// The town a province is named after (the biggest so named, or the capital), else its
    /// biggest town (most often its capital), if any: where ACLED pins an event only its
    /// province is known for.
    fn admin1_seat(&self, a: u16) -> Option<usize> {
        let seats = self.seats.get_or_init(|| {
            let mut seat: Vec<Option<u32>> = vec![None; self.admin1.len()];
            let mut biggest: Vec<Option<u32>> = vec![None; self.admin1.len()];
            for (i, p) in self.places.iter().enumerate() {
                if p.admin1 == NO_ADMIN1 {
                    continue;
                }
                let bigger = |b: &Option<u32>| {
                    b.is_none_or(|j| self.places[j as usize].population < p.population)
                };
                let b = &mut biggest[p.admin1 as usize];
                if p.population > 0 && bigger(b) {
                    *b = Some(i as u32);
                }
                let s = &mut seat[p.admin1 as usize];
                if p.flags & (FLAG_ADMIN_SEAT | FLAG_CAPITAL) != 0 && bigger(s) {
                    *s = Some(i as u32);
                }
            }
            seat.iter().zip(&biggest).map(|(s, b)| s.or(*b)).collect()
        });
        seats.get(a as usize).copied().flatten().map(|i| i as usize)
    }

    fn fill_admin1(&self, place: &mut PlaceRef, a: u16) {
        let ad = &self.admin1[a as usize];
        self.fill_country(place, ad.country);
        place.name = ad.name.clone();
        place.admin1 = Some(ad.name.clone());
        if ad.lat.is_finite() {
            place.lat = Some(degrees(ad.lat));
            place.lon = Some(degrees(ad.lon));
        }
    }

    fn fill_place(&self, place: &mut PlaceRef, ix: usize) {
        let p = &self.places[ix];
        self.fill_country(place, p.country);
        if p.admin1 != NO_ADMIN1 {
            let area = self.admin1_areas.iter().find(|(a, _, lat, lon, r)| {
                *a == p.admin1 && km(f64::from(p.lat), f64::from(p.lon), *lat, *lon) <= *r
            });
            place.admin1 = Some(match area {
                Some((_, name, ..)) => name.clone(),
                None => self.admin1[p.admin1 as usize].name.clone(),
            });
        } else {
            // a place GeoNames gives no admin1 (Nouakchott) within an area of its country
            let area = self.admin1_areas.iter().find(|(a, _, lat, lon, r)| {
                self.admin1[*a as usize].country == p.country
                    && km(f64::from(p.lat), f64::from(p.lon), *lat, *lon) <= *r
            });
            place.admin1 = area.map(|(_, name, ..)| name.clone());
        }
        place.name = p.name.clone();
        place.geonameid = (p.flags & FLAG_USER == 0).then_some(p.id);
        place.lat = Some(degrees(p.lat));
        place.lon = Some(degrees(p.lon));
    }
}

impl Token {
    /// Only whitespace/hyphen between this token and the previous one (any length).
    fn joined_loose(&self) -> bool {
        self.joined
    }
}

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

fn human_pop(p: u32) -> String {
    match p {
        0..=999 => p.to_string(),
        1000..=999_999 => format!("{}k", p / 1000),
        _ => format!("{:.1}M", f64::from(p) / 1e6),
    }
}

/// A coordinate of the index (single precision) as a place gives it: rounded to 5 decimals
/// (about 1 m), so exports and the API show 36.72559, not 36.725589752197266.
fn degrees(x: f32) -> f64 {
    (f64::from(x) * 1e5).round() / 1e5
}
