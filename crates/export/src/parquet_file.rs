//! Apache Parquet: the ACLED CSV's rows and columns, typed, for dataframes (pandas, polars,
//! R's arrow, DuckDB). One row per conflict event with a date, the 31 ACLED columns in ACLED's
//! order; `event_date` is a Parquet DATE, counts and codes integers, coordinates doubles, and a
//! cell the CSV leaves empty is null. Snappy-compressed, one row group.

use crate::acled::{acled_exportable, acled_row};
use crate::{ExportError, ExportOptions};
use chrono::NaiveDate;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::Value;
use sitrep_model::Event;
use std::io::Write;
use std::sync::Arc;

/// The Parquet type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// UTF-8 text; empty is null.
    Text,
    /// A day (`YYYY-MM-DD` in the CSV), as days since 1970-01-01.
    Date,
    /// A small integer (year, codes, precisions).
    Int32,
    /// A count or a time stamp.
    Int64,
    /// Degrees.
    Float64,
}

/// Each ACLED column's type, in ACLED's order (a test checks the names against
/// [`ACLED_COLUMNS`]).
const COLUMN_KINDS: [(&str, Kind); 31] = [
    ("event_id_cnty", Kind::Text),
    ("event_date", Kind::Date),
    ("year", Kind::Int32),
    ("time_precision", Kind::Int32),
    ("disorder_type", Kind::Text),
    ("event_type", Kind::Text),
    ("sub_event_type", Kind::Text),
    ("actor1", Kind::Text),
    ("assoc_actor_1", Kind::Text),
    ("inter1", Kind::Int32),
    ("actor2", Kind::Text),
    ("assoc_actor_2", Kind::Text),
    ("inter2", Kind::Int32),
    ("interaction", Kind::Int32),
    ("civilian_targeting", Kind::Text),
    ("iso", Kind::Int32),
    ("region", Kind::Text),
    ("country", Kind::Text),
    ("admin1", Kind::Text),
    ("admin2", Kind::Text),
    ("admin3", Kind::Text),
    ("location", Kind::Text),
    ("latitude", Kind::Float64),
    ("longitude", Kind::Float64),
    ("geo_precision", Kind::Int32),
    ("source", Kind::Text),
    ("source_scale", Kind::Text),
    ("notes", Kind::Text),
    ("fatalities", Kind::Int64),
    ("tags", Kind::Text),
    ("timestamp", Kind::Int64),
];

/// The Parquet schema of the ACLED columns (every column optional: null where the CSV is empty).
fn message_type() -> String {
    let mut schema = String::from("message acled {\n");
    for (name, kind) in COLUMN_KINDS {
        let physical = match kind {
            Kind::Text => "binary",
            Kind::Date | Kind::Int32 => "int32",
            Kind::Int64 => "int64",
            Kind::Float64 => "double",
        };
        let logical = match kind {
            Kind::Text => " (STRING)",
            Kind::Date => " (DATE)",
            _ => "",
        };
        schema.push_str(&format!("  optional {physical} {name}{logical};\n"));
    }
    schema.push('}');
    schema
}

/// One column's values, nulls left out, and its definition levels (1 a value, 0 a null).
#[derive(Debug, Default)]
struct Column {
    text: Vec<ByteArray>,
    int32: Vec<i32>,
    int64: Vec<i64>,
    float64: Vec<f64>,
    defined: Vec<i16>,
}

impl Column {
    /// Add the cell `value` (the ACLED row's field, as JSON) of a column of `kind`.
    fn push(&mut self, name: &str, kind: Kind, value: &Value) -> Result<(), ExportError> {
        let defined = match (kind, value) {
            (_, Value::Null) => false,
            (Kind::Text, Value::String(s)) if s.is_empty() => false,
            (Kind::Text, Value::String(s)) => {
                self.text.push(ByteArray::from(s.as_str()));
                true
            }
            (Kind::Date, Value::String(s)) if s.is_empty() => false,
            (Kind::Date, Value::String(s)) => {
                let day = NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| cell_error(name, value))?;
                let days = day.signed_duration_since(NaiveDate::default()).num_days();
                self.int32
                    .push(i32::try_from(days).map_err(|_| cell_error(name, value))?);
                true
            }
            (Kind::Int32, Value::Number(n)) => {
                let n = n
                    .as_i64()
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| cell_error(name, value))?;
                self.int32.push(n);
                true
            }
            (Kind::Int64, Value::Number(n)) => {
                let n = n.as_i64().ok_or_else(|| cell_error(name, value))?;
                self.int64.push(n);
                true
            }
            (Kind::Float64, Value::Number(n)) => {
                self.float64
                    .push(n.as_f64().ok_or_else(|| cell_error(name, value))?);
                true
            }
            _ => return Err(cell_error(name, value)),
        };
        self.defined.push(i16::from(defined));
        Ok(())
    }
}

/// A cell whose value does not fit its column's type (a bug in the row, not in the input).
fn cell_error(column: &str, value: &Value) -> ExportError {
    ExportError::Parquet(format!("column {column}: {value} does not fit its type"))
}

/// Write the conflict events with a date (the ACLED CSV's rows) as a Parquet file.
pub(crate) fn write_acled_parquet<W: Write>(
    events: &[Event],
    options: &ExportOptions,
    mut out: W,
) -> Result<(), ExportError> {
    let mut columns: Vec<Column> = COLUMN_KINDS.iter().map(|_| Column::default()).collect();
    for event in events.iter().filter(|e| acled_exportable(e)) {
        let row = serde_json::to_value(acled_row(event, options))?;
        for ((name, kind), column) in COLUMN_KINDS.iter().zip(&mut columns) {
            column.push(name, *kind, row.get(*name).unwrap_or(&Value::Null))?;
        }
    }
    let schema = parse_message_type(&message_type()).map_err(parquet_error)?;
    let properties = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_created_by(format!("sitrep {}", env!("CARGO_PKG_VERSION")))
        .build();
    // the writer wants `Send`; a file of events fits in memory (a few bytes per field)
    let mut file = Vec::new();
    let mut writer = SerializedFileWriter::new(&mut file, Arc::new(schema), Arc::new(properties))
        .map_err(parquet_error)?;
    let mut row_group = writer.next_row_group().map_err(parquet_error)?;
    let mut kinds = COLUMN_KINDS.iter().zip(&columns);
    while let Some(mut writer) = row_group.next_column().map_err(parquet_error)? {
        let Some(((_, kind), column)) = kinds.next() else {
            return Err(ExportError::Parquet("more columns than ACLED's".into()));
        };
        let levels = Some(column.defined.as_slice());
        match kind {
            Kind::Text => writer
                .typed::<ByteArrayType>()
                .write_batch(&column.text, levels, None),
            Kind::Date | Kind::Int32 => {
                writer
                    .typed::<Int32Type>()
                    .write_batch(&column.int32, levels, None)
            }
            Kind::Int64 => writer
                .typed::<Int64Type>()
                .write_batch(&column.int64, levels, None),
            Kind::Float64 => {
                writer
                    .typed::<DoubleType>()
                    .write_batch(&column.float64, levels, None)
            }
        }
        .map_err(parquet_error)?;
        writer.close().map_err(parquet_error)?;
    }
    row_group.close().map_err(parquet_error)?;
    writer.close().map_err(parquet_error)?;
    out.write_all(&file)?;
    Ok(())
}

fn parquet_error(e: parquet::errors::ParquetError) -> ExportError {
    ExportError::Parquet(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ACLED_COLUMNS;

    #[test]
    fn the_column_types_follow_acled_columns() {
        let names: Vec<&str> = COLUMN_KINDS.iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ACLED_COLUMNS);
        let schema = parse_message_type(&message_type()).unwrap();
        assert_eq!(schema.get_fields().len(), ACLED_COLUMNS.len());
    }

    #[test]
    fn a_cell_of_the_wrong_type_is_an_error_naming_its_column() {
        let mut column = Column::default();
        let e = column
            .push("year", Kind::Int32, &Value::String("2020".into()))
            .unwrap_err();
        assert!(e.to_string().contains("column year"), "{e}");
        assert!(column
            .push("event_date", Kind::Date, &Value::String("4 May".into()))
            .is_err());
    }
}
