/*!
Writing the record out: ACLED-format CSV (the 31 ACLED columns, in ACLED's order), the same rows
and columns typed as Apache Parquet, JSON Lines (the same columns plus claims, quantities, cues
and precisions), GeoJSON points, and a fixed-width table for people.

Only conflict events are written unless [`ExportOptions::include_non_conflict`] is set (the
ACLED CSV and Parquet never list non-conflict classes).

```
use sitrep_export::{write_events, ExportOptions, Format, ACLED_COLUMNS};
let mut out = Vec::new();
write_events(Format::Acled, &[], &ExportOptions::default(), &mut out).unwrap();
let header = String::from_utf8(out).unwrap();
assert_eq!(header.trim_end().split(',').count(), ACLED_COLUMNS.len());
assert!(header.starts_with("event_id_cnty,event_date,year,time_precision,"));
```
*/
#![deny(missing_docs)]

mod acled;
mod countries;
mod json;
mod parquet_file;
mod table;

use sitrep_model::Event;
use std::io::Write;

pub use acled::{acled_exportable, acled_row, lacks_country, AcledRow, ACLED_COLUMNS};
pub use countries::{country_info, CountryInfo};
pub use json::{json_event, JsonClaim, JsonEvent};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Fixed-width table for reading in a terminal.
    Table,
    /// ACLED CSV.
    Acled,
    /// One JSON object per event.
    Jsonl,
    /// A GeoJSON FeatureCollection of the events with coordinates.
    GeoJson,
    /// The ACLED CSV's rows and columns, typed, as an Apache Parquet file.
    Parquet,
}

impl std::str::FromStr for Format {
    type Err = ExportError;
    fn from_str(s: &str) -> Result<Format, ExportError> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" => Ok(Format::Table),
            "acled" | "csv" => Ok(Format::Acled),
            "jsonl" | "json" => Ok(Format::Jsonl),
            "geojson" => Ok(Format::GeoJson),
            "parquet" => Ok(Format::Parquet),
            _ => Err(ExportError::UnknownFormat(s.to_string())),
        }
    }
}

/// Export choices.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// List non-conflict classes too (JSONL, GeoJSON, table; never the ACLED CSV
    /// or Parquet).
    pub include_non_conflict: bool,
    /// Value of the ACLED `timestamp` column (Unix seconds) for an event none of whose
    /// articles is in `article_times`; empty when `None`.
    pub timestamp: Option<i64>,
    /// When each article was last stored (Unix seconds): an event's ACLED `timestamp` is the
    /// latest of its articles', as ACLED's is when the row last changed.
    pub article_times: std::collections::HashMap<String, i64>,
}

/// What can go wrong writing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("CSV: {0}")]
    Csv(#[from] csv::Error),
    /// JSON serialisation failed.
    #[error("JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The Parquet writer failed.
    #[error("Parquet: {0}")]
    Parquet(String),
    /// A format name no writer has.
    #[error("unknown format {0:?}; expected table, acled, jsonl, geojson or parquet")]
    UnknownFormat(String),
}

/// Write `events` in `format`.
pub fn write_events<W: Write>(
    format: Format,
    events: &[Event],
    options: &ExportOptions,
    out: W,
) -> Result<(), ExportError> {
    match format {
        Format::Table => table::write_table(events, options, out),
        Format::Acled => acled::write_acled_csv(events, options, out),
        Format::Jsonl => json::write_jsonl(events, options, out),
        Format::GeoJson => json::write_geojson(events, options, out),
        Format::Parquet => parquet_file::write_acled_parquet(events, options, out),
    }
}

/// Whether an event is written under `options`.
fn listed(event: &Event, options: &ExportOptions) -> bool {
    options.include_non_conflict || event.sub_event_type.is_conflict()
}

#[cfg(test)]
mod tests;
