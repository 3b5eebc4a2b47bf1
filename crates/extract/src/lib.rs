/*!
Events and claims: turns one article into a [`Reading`] — its events in the ACLED taxonomy,
who claims each of them, the figures they carry and the territorial control it states.

This is where the stages meet. The reader runs, over one article:
1. `sitrep-text`: sentences and numbers;
2. `sitrep-time`: date expressions resolved against the publication date;
3. `sitrep-places`: place mentions resolved against the gazetteer;
4. `sitrep-actors`: actors (ACLED names) and sources (claimants);
5. `sitrep-classify`: sub-event type scores per sentence;

then [`assemble`] decides which sentences report events, fills each field from the mentions of
its sentence (and its neighbours), merges sentences that report the same event, attaches claims
([`claims`]) and figures ([`quantities`]), and reads control statements ([`control`]). On a stable front ([`front_lines`]) fire the text
gives no shooter for is attributed to the side that does not hold the place.
Every field keeps its [`Evidence`](sitrep_model::Evidence).

```
use sitrep_extract::Reader;
use sitrep_model::Article;
let reader = Reader::new();
let article = Article {
    id: "a1".into(),
    text: "On Sunday, Syrian warplanes struck the town of Maarat al-Numan in Idlib province, \
           killing four civilians, the Syrian Observatory for Human Rights said.".into(),
    published: chrono::NaiveDate::from_ymd_opt(2019, 6, 3),
    ..Default::default()
};
let reading = reader.read(&article);
let event = &reading.events[0];
assert_eq!(event.sub_event_type.acled_name(), "Air/drone strike");
assert_eq!(event.date.date, chrono::NaiveDate::from_ymd_opt(2019, 6, 2));
assert_eq!(event.fatalities, 4);
```
*/
#![deny(missing_docs)]

pub mod assemble;
pub mod claims;
pub mod control;
pub mod cues;
pub mod doc;
pub mod front_lines;
pub mod quantities;

use sitrep_model::{Article, Reading};
use std::time::{Duration, Instant};

pub use doc::Doc;

/// Reads articles. Build once (loads the gazetteer, actor dictionary and lexicons), read many;
/// shared by all threads.
pub struct Reader {
    gazetteer: &'static sitrep_places::Gazetteer,
    actors: &'static sitrep_actors::ActorDictionary,
    classifier: &'static sitrep_classify::Classifier,
    cues: &'static cues::Cues,
}

/// Time spent per stage, summed over the articles read (for `sitrep bench`).
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    /// Sentence segmentation and numbers.
    pub text: Duration,
    /// Date expressions.
    pub time: Duration,
    /// Place mentions and their resolution.
    pub places: Duration,
    /// Actor and source mentions.
    pub actors: Duration,
    /// Trigger matching and sub-event classification.
    pub classify: Duration,
    /// Assembling events, claims and control facts.
    pub assemble: Duration,
}

impl StageTimes {
    /// Total over all stages.
    pub fn total(&self) -> Duration {
        self.text + self.time + self.places + self.actors + self.classify + self.assemble
    }

    /// (stage name, time) pairs, in pipeline order.
    pub fn stages(&self) -> [(&'static str, Duration); 6] {
        [
            ("text", self.text),
            ("time", self.time),
            ("places", self.places),
            ("actors", self.actors),
            ("classify", self.classify),
            ("assemble", self.assemble),
        ]
    }
}

/// The longest article text read as one report (1 MiB; news reports run to a few tens of KB,
/// the longest of FA-KES's 804 to 8 KB). A longer "article" is a corpus glued into one (a dump
/// without separators): reading it as one report would yield nonsense and take minutes, so it is
/// refused with [`too_long`]'s message, to be split into its articles.
pub const MAX_ARTICLE_BYTES: usize = 1 << 20;

/// What to tell a user of an article that is not in English (by its words, or as declared):
/// the reader reads English only, so what it tells is likely missed.
pub fn language_warning(article: &Article) -> Option<String> {
    let declared = article
        .language
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.to_ascii_lowercase().starts_with("en"));
    let language = sitrep_text::not_english(&article.text).or_else(|| {
        // (declared so, but reading as nothing known: the declaration is believed)
        declared.map(|l| format!("\"{l}\" (as declared)"))
    })?;
    Some(format!(
        "reads as {language}: sitrep reads English reports only, so what it tells is likely missed"
    ))
}

/// The words of named armed groups (a rebel group, a militia: an entry of `data/actors.toml`,
/// not a template) that a town was read inside: "Fano fighters" is the Fano militia, not a
/// mention of Fano, Italy; "Raia Mutomboki" no village.
fn group_names_read_as_places(
    places: &sitrep_places::ArticlePlaces,
    actors: &[Vec<sitrep_actors::ActorMention>],
) -> Vec<sitrep_model::Span> {
    use sitrep_actors::ActorKind as K;
    let mut out = Vec::new();
    for m in actors.iter().flatten() {
        let group = matches!(m.kind, K::Rebels | K::PoliticalMilitia | K::IdentityMilitia)
            && !m.generic
            && !m.implied
            && m.actor
                .evidence
                .as_ref()
                .is_some_and(|e| !e.rule.contains('/'));
        // (a town or a spot; a group named after its province, "the Sinaloa Cartel", still
        // tells where it is)
        let holds_a_place = || {
            places.mentions.iter().any(|p| {
                matches!(
                    p.kind,
                    sitrep_places::PlaceKind::Town
                        | sitrep_places::PlaceKind::District
                        | sitrep_places::PlaceKind::Unresolved
                ) && p
                    .place
                    .evidence
                    .as_ref()
                    .is_some_and(|e| m.span.start <= e.span.start && e.span.end <= m.span.end)
            })
        };
        if group && holds_a_place() {
            out.push(m.span);
        }
    }
    out
}

/// Why `article` is not read as one report, when its text is longer than [`MAX_ARTICLE_BYTES`].
pub fn too_long(article: &Article) -> Option<String> {
    let n = article.text.len();
    (n > MAX_ARTICLE_BYTES).then(|| {
        format!(
            "{} (article {}): {n} bytes of text, more than one report holds ({MAX_ARTICLE_BYTES}): not read, not stored; split it into its articles",
            article.origin, article.id
        )
    })
}

impl Reader {
    /// A reader over the resources shipped in the repository (loaded once per process).
    pub fn new() -> Reader {
        Reader {
            gazetteer: sitrep_places::Gazetteer::embedded(),
            actors: sitrep_actors::ActorDictionary::embedded(),
            classifier: sitrep_classify::Classifier::embedded(),
            cues: cues::cues(),
        }
    }

    /// Read one article.
    pub fn read(&self, article: &Article) -> Reading {
        self.read_timed(article, &mut StageTimes::default())
    }

    /// Read one article, adding the time each stage took to `times`.
    pub fn read_timed(&self, article: &Article, times: &mut StageTimes) -> Reading {
        let text = article.text.as_str();
        let mut clock = Instant::now();
        let mut lap = |slot: &mut Duration| {
            let now = Instant::now();
            *slot += now - clock;
            clock = now;
        };

        let sentences = sitrep_text::split_sentences(text);
        let numbers: Vec<_> = sentences
            .iter()
            .map(|s| sitrep_text::find_numbers(text, *s))
            .collect();
        lap(&mut times.text);

        let dates_from = |published| -> Vec<_> {
            sentences
                .iter()
                .map(|s| sitrep_time::find_dates(text, *s, published))
                .collect()
        };
        let mut dates = dates_from(article.published);
        // A report that opens with its own date ("Date of publication 21 May 2019") tells
        // "on Monday" from that day, whatever date it was filed under.
        let published = dates
            .first()
            .and_then(|first| sitrep_time::dateline(text, first))
            .and_then(|d| d.date)
            .or(article.published);
        if published != article.published {
            dates = dates_from(published);
        }
        lap(&mut times.time);

        let mut places = self.gazetteer.read_places_dated(
            text,
            &sentences,
            article.source.as_deref(),
            article.published,
        );
        let country_name = |places: &sitrep_places::ArticlePlaces| {
            places
                .main_country
                .as_deref()
                .and_then(|c| self.gazetteer.country_name(c))
                .map(str::to_string)
        };
        let mut country = country_name(&places);
        lap(&mut times.places);

        let find_actors = |country: Option<&str>| -> Vec<_> {
            sentences
                .iter()
                .map(|s| self.actors.find(text, *s, country))
                .collect()
        };
        let mut actors: Vec<Vec<sitrep_actors::ActorMention>> = find_actors(country.as_deref());
        // An armed group named like a town ("Fano fighters": Fano, Italy) names no place: the
        // places are read again without it, and the actors for the country that gives (rare).
        let not_places = group_names_read_as_places(&places, &actors);
        if !not_places.is_empty() {
            places = self.gazetteer.read_places_except(
                text,
                &sentences,
                article.source.as_deref(),
                article.published,
                &not_places,
            );
            country = country_name(&places);
            actors = find_actors(country.as_deref());
        }
        let country_code = places.main_country.clone();
        let implied: Vec<_> = sentences
            .iter()
            .map(|s| self.actors.find_implied(text, *s, country.as_deref()))
            .collect();
        let mut sources: Vec<_> = sentences
            .iter()
            .map(|s| self.actors.find_sources(text, *s, country.as_deref()))
            .collect();
        sitrep_actors::name_unnamed_monitors(&mut sources);
        lap(&mut times.actors);

        let types = self.classifier.classify_sentences(text, &sentences);
        lap(&mut times.classify);

        let index = doc::PlaceIndex::new(&places, sentences.len(), country_code.as_deref());
        let doc = Doc {
            article,
            text,
            published,
            sentences,
            numbers,
            dates,
            places,
            country_code,
            country,
            actors,
            implied,
            sources,
            types,
            cues: self.cues,
            gazetteer: self.gazetteer,
            places_by_sentence: index.by_sentence,
            primary_place: index.primary,
            country_mention: index.country_mention,
        };
        let reading = assemble::read(&doc);
        lap(&mut times.assemble);
        reading
    }
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}
