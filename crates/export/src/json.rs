//! JSON Lines and GeoJSON: the ACLED columns plus what ACLED has no column for — our id,
//! articles, confidence, claims, quantities, cues, date precision, GeoNames id, UCDP-style
//! `where_prec`, validity end.

use crate::{acled_row, listed, AcledRow, ExportError, ExportOptions};
use serde::Serialize;
use sitrep_model::{Cue, DatePrecision, Event, Polarity, Quantity, Span};
use std::io::Write;

/// A claim as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonClaim {
    /// Who says so.
    pub claimant: String,
    /// Asserted, denied, unconfirmed, claimed responsibility.
    pub polarity: Polarity,
    /// Hedged ("reportedly").
    pub hedged: bool,
    /// Article the claim is in.
    pub article_id: String,
    /// The sentence.
    pub sentence: String,
    /// Span of the attribution cue in the article.
    pub span: Span,
}

/// One event as a JSON object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JsonEvent {
    /// Our event id.
    pub id: String,
    /// The ACLED columns.
    #[serde(flatten)]
    pub acled: AcledRow,
    /// Articles behind the event.
    pub article_ids: Vec<String>,
    /// How sure the reader is of the type.
    pub confidence: f32,
    /// Who says so.
    pub claims: Vec<JsonClaim>,
    /// Every figure read.
    pub quantities: Vec<Quantity>,
    /// The cues that decided the type.
    pub cues: Vec<Cue>,
    /// How exactly the date is known.
    pub date_precision: DatePrecision,
    /// Last day of the period, when the date is a period.
    pub date_end: Option<String>,
    /// GeoNames id of the location.
    pub geonameid: Option<u32>,
    /// UCDP-style location precision 1-7.
    pub where_prec: Option<u8>,
    /// Where something was heading.
    pub destination: Option<String>,
    /// Validity end (ceasefires), RFC 3339.
    pub valid_until: Option<String>,
}

/// The JSON object of an event.
pub fn json_event(event: &Event, options: &ExportOptions) -> JsonEvent {
    JsonEvent {
        id: event.id.clone(),
        acled: acled_row(event, options),
        article_ids: event.article_ids.clone(),
        confidence: event.confidence,
        claims: event
            .claims
            .iter()
            .map(|c| JsonClaim {
                claimant: c.claimant.clone(),
                polarity: c.polarity,
                hedged: c.hedged,
                article_id: c.article_id.clone(),
                sentence: c.sentence.clone(),
                span: c.span,
            })
            .collect(),
        quantities: event.quantities.clone(),
        cues: event.cues.clone(),
        date_precision: event.date.precision,
        date_end: event.date.end.map(|d| d.format("%Y-%m-%d").to_string()),
        geonameid: event.location.as_ref().and_then(|p| p.geonameid),
        where_prec: event
            .location
            .as_ref()
            .map(|p| p.where_prec)
            .filter(|w| *w > 0),
        destination: event.destination.as_ref().map(|p| p.name.clone()),
        valid_until: event.valid_until.as_ref().map(|t| t.at.clone()),
    }
}

/// One JSON object per line.
pub(crate) fn write_jsonl<W: Write>(
    events: &[Event],
    options: &ExportOptions,
    mut out: W,
) -> Result<(), ExportError> {
    for event in events.iter().filter(|e| listed(e, options)) {
        serde_json::to_writer(&mut out, &json_event(event, options))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct Point {
    #[serde(rename = "type")]
    kind: &'static str,
    coordinates: [f64; 2],
}

#[derive(Serialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Point,
    properties: JsonEvent,
}

#[derive(Serialize)]
struct FeatureCollection {
    #[serde(rename = "type")]
    kind: &'static str,
    features: Vec<Feature>,
}

/// A FeatureCollection of points, one per event with coordinates.
pub(crate) fn write_geojson<W: Write>(
    events: &[Event],
    options: &ExportOptions,
    mut out: W,
) -> Result<(), ExportError> {
    let features = events
        .iter()
        .filter(|e| listed(e, options))
        .filter_map(|e| {
            let p = e.location.as_ref()?;
            Some(Feature {
                kind: "Feature",
                geometry: Point {
                    kind: "Point",
                    // (rounded as the properties are: single-precision noise does not show)
                    coordinates: [crate::acled::round5(p.lon?), crate::acled::round5(p.lat?)],
                },
                properties: json_event(e, options),
            })
        })
        .collect();
    serde_json::to_writer_pretty(
        &mut out,
        &FeatureCollection {
            kind: "FeatureCollection",
            features,
        },
    )?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}
