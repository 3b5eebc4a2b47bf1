//! The ACLED CSV: one row per conflict event, the 31 ACLED columns in ACLED's order.

use crate::{country_info, CountryInfo, ExportError, ExportOptions};
use serde::Serialize;
use sitrep_model::{ActorRef, Event, QuantityKind};
use std::io::Write;

/// The ACLED columns, in order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// One event as an ACLED row (field names are the ACLED column names, in order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AcledRow {
    /// Country ISO alpha-3 + a stable 8-digit number from our event id (`SYR04417310`), `UNK`
    /// and the number when the country is unknown.
    pub event_id_cnty: String,
    /// `YYYY-MM-DD`, empty when unresolved.
    pub event_date: String,
    /// Year of the event date.
    pub year: Option<i32>,
    /// 1 day, 2 week, 3 month.
    pub time_precision: u8,
    /// Political violence, Demonstrations, Strategic developments.
    pub disorder_type: String,
    /// ACLED event type.
    pub event_type: String,
    /// ACLED sub-event type.
    pub sub_event_type: String,
    /// ACLED actor name.
    pub actor1: String,
    /// Allies of actor1, joined by "; ".
    pub assoc_actor_1: String,
    /// Inter code of actor1.
    pub inter1: Option<u8>,
    /// ACLED actor name.
    pub actor2: String,
    /// Allies of actor2, joined by "; ".
    pub assoc_actor_2: String,
    /// Inter code of actor2.
    pub inter2: Option<u8>,
    /// The two inter codes, lower first (`12`); `inter1 * 10` without actor2.
    pub interaction: Option<u8>,
    /// "Civilian targeting" or empty.
    pub civilian_targeting: String,
    /// ISO 3166-1 numeric country code.
    pub iso: Option<u16>,
    /// ACLED region.
    pub region: String,
    /// Country name.
    pub country: String,
    /// First-level division.
    pub admin1: String,
    /// Second-level division.
    pub admin2: String,
    /// Third-level division (not resolved: empty).
    pub admin3: String,
    /// Place name.
    pub location: String,
    /// Latitude, 5 decimals.
    pub latitude: Option<f64>,
    /// Longitude, 5 decimals.
    pub longitude: Option<f64>,
    /// 1 town, 2 near/part of a region, 3 province.
    pub geo_precision: Option<u8>,
    /// Outlets, joined by "; ".
    pub source: String,
    /// Not known to sitrep: empty.
    pub source_scale: String,
    /// The sentence(s) reporting the event.
    pub notes: String,
    /// Fatalities as coded.
    pub fatalities: u64,
    /// `crowd size=N` for demonstrations with a counted crowd.
    pub tags: String,
    /// Export time (Unix seconds), when given.
    pub timestamp: Option<i64>,
}

fn names(actors: &[ActorRef]) -> String {
    actors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

fn inter(actor: &Option<ActorRef>) -> Option<u8> {
    actor.as_ref().map(|a| a.inter)
}

/// ACLED interaction code: the two inter codes, lower digit first; a sole actor's code × 10.
pub(crate) fn interaction(inter1: Option<u8>, inter2: Option<u8>) -> Option<u8> {
    match (inter1, inter2) {
        (Some(a), Some(b)) if a > 0 && b > 0 => Some(a.min(b) * 10 + a.max(b)),
        (Some(a), _) | (None, Some(a)) if a > 0 => Some(a * 10),
        _ => None,
    }
}

/// A stable 8-digit number for an event id (FNV-1a modulo 10^8).
fn stable_number(id: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h % 100_000_000
}

/// Degrees rounded to 5 decimals (about 1 m), so single-precision noise does not show.
pub(crate) fn round5(degrees: f64) -> f64 {
    (degrees * 1e5).round() / 1e5
}

/// The country of an event's place, by its code or its name.
fn event_country(event: &Event) -> Option<&'static CountryInfo> {
    let place = event.location.as_ref();
    place
        .and_then(|p| p.country_code.as_deref())
        .and_then(country_info)
        .or_else(|| {
            place
                .and_then(|p| p.country.as_deref())
                .and_then(country_info)
        })
}

/// The ACLED row of an event.
pub fn acled_row(event: &Event, options: &ExportOptions) -> AcledRow {
    let place = event.location.as_ref();
    let country = event_country(event);
    let (inter1, inter2) = (inter(&event.actor1), inter(&event.actor2));
    let text = |s: Option<&String>| s.cloned().unwrap_or_default();
    let crowd = event
        .quantities
        .iter()
        .find(|q| q.kind == QuantityKind::Participants);
    AcledRow {
        event_id_cnty: match country {
            Some(c) => format!("{}{:08}", c.iso3, stable_number(&event.id)),
            // (ACLED's shape, with no country: "UNK" and the number)
            None => format!("UNK{:08}", stable_number(&event.id)),
        },
        event_date: event
            .date
            .date
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        year: event.date.date.map(|d| chrono::Datelike::year(&d)),
        time_precision: event.date.precision.acled_code(),
        disorder_type: event
            .sub_event_type
            .event_type()
            .disorder_type()
            .to_string(),
        event_type: event.sub_event_type.event_type().acled_name().to_string(),
        sub_event_type: event.sub_event_type.acled_name().to_string(),
        actor1: event
            .actor1
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        assoc_actor_1: names(&event.assoc_actor_1),
        inter1,
        actor2: event
            .actor2
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        assoc_actor_2: names(&event.assoc_actor_2),
        inter2,
        interaction: interaction(inter1, inter2),
        civilian_targeting: if event.civilian_targeting {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        iso: country.and_then(|c| c.numeric),
        region: country
            .and_then(|c| c.region)
            .unwrap_or_default()
            .to_string(),
        country: place
            .and_then(|p| p.country.clone())
            .or_else(|| country.map(|c| c.name.to_string()))
            .unwrap_or_default(),
        admin1: text(place.and_then(|p| p.admin1.as_ref())),
        admin2: text(place.and_then(|p| p.admin2.as_ref())),
        admin3: String::new(),
        location: place.map(|p| p.name.clone()).unwrap_or_default(),
        latitude: place.and_then(|p| p.lat).map(round5),
        longitude: place.and_then(|p| p.lon).map(round5),
        geo_precision: place.map(|p| p.geo_precision).filter(|g| *g > 0),
        source: event.sources.join("; "),
        source_scale: String::new(),
        notes: event.notes.clone(),
        fatalities: event.fatalities,
        tags: crowd
            .map(|q| format!("crowd size={}", q.value))
            .unwrap_or_default(),
        timestamp: event
            .article_ids
            .iter()
            .chain(std::iter::once(&event.evidence.article_id))
            .filter_map(|a| options.article_times.get(a))
            .max()
            .copied()
            .or(options.timestamp),
    }
}

/// Whether an event has an ACLED row: a conflict event with a date and a country (ACLED
/// requires both; an event of an article published without a date and telling none, or one
/// whose country was not read, stays out, listed in JSONL) that someone asserts (an event only
/// denied, "the army denied shelling the village" with no report of the shelling beside it, is
/// a denial, kept in JSONL, not an ACLED event).
pub fn acled_exportable(event: &Event) -> bool {
    event.sub_event_type.is_conflict()
        && event.date.date.is_some()
        && event_country(event).is_some()
        && !event.only_denied()
}

/// Whether a conflict event lacks the country an ACLED row requires.
pub fn lacks_country(event: &Event) -> bool {
    event.sub_event_type.is_conflict() && event_country(event).is_none()
}

/// Write the conflict events with a date as ACLED CSV (header always written).
pub(crate) fn write_acled_csv<W: Write>(
    events: &[Event],
    options: &ExportOptions,
    out: W,
) -> Result<(), ExportError> {
    let mut writer = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out);
    writer.write_record(ACLED_COLUMNS)?;
    for event in events.iter().filter(|e| acled_exportable(e)) {
        writer.serialize(acled_row(event, options))?;
    }
    writer.flush()?;
    Ok(())
}
