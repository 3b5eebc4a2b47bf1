//! One article with every mention the resolving stages found in it, per sentence.

use sitrep_actors::{ActorMention, SourceMention};
use sitrep_classify::TypeScore;
use sitrep_model::{Article, Evidence, Span};
use sitrep_places::{ArticlePlaces, Gazetteer};
use sitrep_text::NumberMention;
use sitrep_time::DateMention;

use crate::cues::Cues;

/// An article and its mentions; the input of [`crate::assemble`].
pub struct Doc<'a> {
    /// The article.
    pub article: &'a Article,
    /// Its text.
    pub text: &'a str,
    /// The report's own date: its dateline when it opens with one, else the date it came with.
    pub published: Option<chrono::NaiveDate>,
    /// Sentence spans.
    pub sentences: Vec<Span>,
    /// Numbers per sentence.
    pub numbers: Vec<Vec<NumberMention>>,
    /// Date expressions per sentence.
    pub dates: Vec<Vec<DateMention>>,
    /// Place mentions (each knows its sentence).
    pub places: ArticlePlaces,
    /// The country the article is about (ISO alpha-2).
    pub country_code: Option<String>,
    /// Its ACLED name.
    pub country: Option<String>,
    /// Actor mentions per sentence.
    pub actors: Vec<Vec<ActorMention>>,
    /// Actors implied by event words per sentence ("protested" → protesters), fallbacks only.
    pub implied: Vec<Vec<ActorMention>>,
    /// Source (claimant) mentions per sentence.
    pub sources: Vec<Vec<SourceMention>>,
    /// Sub-event type scores per sentence, best first.
    pub types: Vec<Vec<TypeScore>>,
    /// Cue lists.
    pub cues: &'static Cues,
    /// The gazetteer (for country names).
    pub gazetteer: &'static Gazetteer,
    /// Indices into `places.mentions` per sentence, in mention order (see [`Doc::places_in`]).
    pub places_by_sentence: Vec<Vec<usize>>,
    /// Index of the article's primary place mention ([`ArticlePlaces::primary`]).
    pub primary_place: Option<usize>,
    /// Index of the first mention of the article's country by name, if any.
    pub country_mention: Option<usize>,
}

/// Per-article lookups over `places` that the assembler asks for per sentence or per event,
/// computed once so that reading stays linear in the number of sentences and events.
pub struct PlaceIndex {
    /// See [`Doc::places_by_sentence`].
    pub by_sentence: Vec<Vec<usize>>,
    /// See [`Doc::primary_place`].
    pub primary: Option<usize>,
    /// See [`Doc::country_mention`].
    pub country_mention: Option<usize>,
}

impl PlaceIndex {
    /// Index the mentions of `places` over `sentences` sentences, the article's country being
    /// `country_code`.
    pub fn new(places: &ArticlePlaces, sentences: usize, country_code: Option<&str>) -> PlaceIndex {
        let mut by_sentence = vec![Vec::new(); sentences];
        for (k, m) in places.mentions.iter().enumerate() {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(k);
            }
        }
        let country_mention = country_code.and_then(|code| {
            places.mentions.iter().position(|m| {
                m.kind == sitrep_places::PlaceKind::Country
                    && m.place.country_code.as_deref() == Some(code)
            })
        });
        PlaceIndex {
            by_sentence,
            primary: places.primary_index(),
            country_mention,
        }
    }
}

impl Doc<'_> {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].of(self.text)
    }

    /// The place mentions of sentence `i`, in text order (like
    /// [`ArticlePlaces::in_sentence`], without a pass over the whole article).
    pub fn places_in(&self, i: usize) -> impl Iterator<Item = &sitrep_places::PlaceMention> {
        self.places_by_sentence
            .get(i)
            .into_iter()
            .flatten()
            .map(|&k| &self.places.mentions[k])
    }

    /// The article's primary place mention ([`ArticlePlaces::primary`]).
    pub fn primary_place(&self) -> Option<&sitrep_places::PlaceMention> {
        self.primary_place.map(|k| &self.places.mentions[k])
    }

    /// Evidence for `span` in sentence `i`, with the rule that fired.
    pub fn evidence(&self, i: usize, span: Span, rule: impl Into<String>) -> Evidence {
        Evidence {
            article_id: self.article.id.clone(),
            sentence: i,
            span,
            text: span.of(self.text).to_string(),
            rule: rule.into(),
        }
    }

    /// The lowercase words (letters, digits, apostrophes, hyphens) of `span`, with their spans.
    pub fn words(&self, span: Span) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        let bytes = self.text.as_bytes();
        let mut i = span.start;
        while i < span.end {
            let c = bytes[i];
            if c.is_ascii_alphanumeric() {
                let start = i;
                while i < span.end
                    && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'-' || bytes[i] == b'\'')
                {
                    i += 1;
                }
                out.push((
                    Span::new(start, i),
                    self.text[start..i].to_ascii_lowercase(),
                ));
            } else {
                i += 1;
            }
        }
        out
    }
}
