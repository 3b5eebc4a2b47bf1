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
}

impl Doc<'_> {
    /// The text of sentence `i`.
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences[i].of(self.text)
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
