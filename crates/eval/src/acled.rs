//! ACLED: read each coded event's `notes` and compare the most salient conflict event with the coded columns.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use serde::Serialize;
use sitrep_extract::Reader;
use sitrep_model::{Article, Event, EventType, Reading, SubEventType};

use crate::metrics::{haversine_km, spread, top_confusions, ConfusionPair, Miss};
use crate::{clip, names, read_to_string, round4, share, EvalError};

/// One coded ACLED event: the columns the evaluation compares, and the `notes` it reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AcledRow {
    /// `event_id_cnty`, e.g. `SYR12345`.
    pub id: String,
    /// Line of the record in the file (1-based), for messages.
    pub line: u64,
    /// `event_date`.
    pub event_date: NaiveDate,
    /// `time_precision` (1 day, 2 week, 3 month).
    pub time_precision: u8,
    /// `sub_event_type` (its event type follows from it).
    pub sub_event_type: Option<SubEventType>,
    /// `actor1`.
    pub actor1: String,
    /// `actor2` (empty when not coded).
    pub actor2: String,
    /// `country`.
    pub country: String,
    /// `admin1` (may be empty).
    pub admin1: String,
    /// `location`.
    pub location: String,
    /// `latitude`.
    pub latitude: f64,
    /// `longitude`.
    pub longitude: f64,
    /// `geo_precision` (1 town, 2 near/part of, 3 region).
    pub geo_precision: u8,
    /// `fatalities`.
    pub fatalities: u64,
    /// `source`.
    pub source: String,
    /// `notes`: the text that is read.
    pub notes: String,
}

impl AcledRow {
    /// The coded event type.
    pub fn event_type(&self) -> Option<EventType> {
        self.sub_event_type.map(SubEventType::event_type)
    }

    /// The article sitrep reads for this row: the notes, published on the event date.
    pub fn article(&self, origin: &str) -> Article {
        Article {
            id: self.id.clone(),
            text: self.notes.clone(),
            published: Some(self.event_date),
            source: (!self.source.is_empty()).then(|| self.source.clone()),
            language: Some("en".into()),
            origin: format!("{origin}:{}", self.line),
            ..Default::default()
        }
    }
}

/// Parses an ACLED date: `9-May-20` (day-abbreviated month-two-digit year, years 2000-2069
/// and 1970-1999), `09 May 2020`, or ISO `2020-05-09`.
pub fn parse_acled_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(['-', ' ']).filter(|p| !p.is_empty()).collect();
    let [day, month, year] = parts[..] else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month = month.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| month.len() >= 3 && m.starts_with(&month[..3.min(month.len())]))?
        as u32
        + 1;
    let year: i32 = match year.len() {
        2 => {
            let y: i32 = year.parse().ok()?;
            if y < 70 {
                2000 + y
            } else {
                1900 + y
            }
        }
        4 => year.parse().ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Reads an ACLED CSV export (header row with ACLED's column names).
pub fn load_acled(path: &Path) -> Result<Vec<AcledRow>, EvalError> {
    let text = read_to_string(path)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|source| EvalError::Csv {
            path: path.to_path_buf(),
            line: 1,
            source,
        })?
        .clone();
    let col = |name: &'static str| {
        header
            .iter()
            .position(|h| h.trim() == name)
            .ok_or_else(|| EvalError::MissingColumn {
                path: path.to_path_buf(),
                column: name,
            })
    };
    let c_id = col("event_id_cnty")?;
    let c_date = col("event_date")?;
    let c_time = col("time_precision")?;
    let c_sub = col("sub_event_type")?;
    let c_type = col("event_type")?;
    let c_actor1 = col("actor1")?;
    let c_actor2 = col("actor2")?;
    let c_country = col("country")?;
    let c_admin1 = col("admin1")?;
    let c_location = col("location")?;
    let c_lat = col("latitude")?;
    let c_lon = col("longitude")?;
    let c_geo = col("geo_precision")?;
    let c_source = col("source")?;
    let c_notes = col("notes")?;
    let c_fat = col("fatalities")?;

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|source| EvalError::Csv {
            path: path.to_path_buf(),
            line: source.position().map_or(0, |p| p.line()),
            source,
        })?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |c: usize| record.get(c).unwrap_or("").trim();
        let bad = |c: usize, expected: &'static str| EvalError::BadField {
            path: path.to_path_buf(),
            line,
            column: header.get(c).unwrap_or("?").to_string(),
            expected,
            found: field(c).to_string(),
        };
        let number = |c: usize, expected: &'static str| -> Result<f64, EvalError> {
            field(c).parse::<f64>().map_err(|_| bad(c, expected))
        };
        let small = |c: usize, expected: &'static str| -> Result<u8, EvalError> {
            field(c).parse::<u8>().map_err(|_| bad(c, expected))
        };
        let sub_event_type = SubEventType::from_acled(field(c_sub))
            .filter(|s| s.is_conflict())
            .ok_or_else(|| bad(c_sub, "an ACLED sub-event type"))?;
        match EventType::from_acled(field(c_type)) {
            Some(t) if t == sub_event_type.event_type() => {}
            _ => {
                return Err(bad(
                    c_type,
                    "the ACLED event type of the row's sub-event type",
                ))
            }
        }
        rows.push(AcledRow {
            id: field(c_id).to_string(),
            line,
            event_date: parse_acled_date(field(c_date))
                .ok_or_else(|| bad(c_date, "a date such as 9-May-20"))?,
            time_precision: small(c_time, "a time precision 1-3")?,
            sub_event_type: Some(sub_event_type),
            actor1: field(c_actor1).to_string(),
            actor2: field(c_actor2).to_string(),
            country: field(c_country).to_string(),
            admin1: field(c_admin1).to_string(),
            location: field(c_location).to_string(),
            latitude: number(c_lat, "a latitude in degrees")?,
            longitude: number(c_lon, "a longitude in degrees")?,
            geo_precision: small(c_geo, "a geo precision 1-3")?,
            fatalities: field(c_fat)
                .parse()
                .map_err(|_| bad(c_fat, "a whole number of fatalities"))?,
            source: field(c_source).to_string(),
            notes: record.get(c_notes).unwrap_or("").to_string(),
        });
    }
    Ok(rows)
}

/// Accuracy of one compared field, with sample misses.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldScore {
    /// Field name (the JSON key of its accuracy).
    pub field: &'static str,
    /// Rows where the field is coded.
    pub n: usize,
    /// Rows read right.
    pub correct: usize,
    /// `correct / n`.
    pub accuracy: f64,
    /// Up to 10 misses spread over the file, rows where an event was read first.
    pub misses: Vec<Miss>,
}

/// Event types read against event types coded: `rows[i][j]` counts rows coded with
/// `labels[i]` whose event was read as `columns[j]` (the last column: no conflict event read).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventTypeConfusion {
    /// Row labels: the six ACLED event types.
    pub labels: Vec<&'static str>,
    /// Column labels: the six types, then `none`.
    pub columns: Vec<&'static str>,
    /// Counts.
    pub rows: Vec<Vec<usize>>,
}

/// The ACLED evaluation: one accuracy per coded column (flat, for gating), then details.
///
/// `{}` displays a compact report (about 100 lines: accuracies, event-type confusion,
/// sub-event confusions, 10 sample misses per field packed on a few lines with long values
/// clipped); `{:#}` lists each sample miss on its own line in full.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AcledReport {
    /// The file evaluated.
    pub file: String,
    /// Rows (notes) read.
    pub n: usize,
    /// Seconds spent reading the notes (reader only).
    pub seconds: f64,
    /// Event type of the most salient conflict event.
    pub event_type: f64,
    /// Sub-event type.
    pub sub_event_type: f64,
    /// Event date, exact day.
    pub event_date: f64,
    /// Fatalities, exact.
    pub fatalities: f64,
    /// Fatalities within ±1.
    pub fatalities_within_1: f64,
    /// Fatalities zero vs non-zero right.
    pub fatalities_zero_nonzero: f64,
    /// Actor 1, case and punctuation ignored.
    pub actor1: f64,
    /// Actor 1, also ignoring period suffixes such as `(2000-)`.
    pub actor1_loose: f64,
    /// Actor 2 (loose), over rows where it is coded.
    pub actor2: f64,
    /// Rows with actor 2 coded.
    pub actor2_n: usize,
    /// Admin1, normalised.
    pub admin1: f64,
    /// Country.
    pub country: f64,
    /// Location within 25 km of the coded coordinates.
    pub within_25km: f64,
    /// Location within 5 km.
    pub within_5km: f64,
    /// ACLED geo_precision code.
    pub geo_precision: f64,
    /// ACLED time_precision code.
    pub time_precision: f64,
    /// Mean number of conflict events read per note.
    pub events_per_note: f64,
    /// Share of notes with no conflict event read.
    pub no_event_share: f64,
    /// Per field: n, correct, sample misses.
    pub fields: Vec<FieldScore>,
    /// Event-type confusion table.
    pub event_type_confusion: EventTypeConfusion,
    /// The 15 most frequent sub-event confusions (`(no event)` when nothing was read).
    pub sub_event_confusions: Vec<ConfusionPair>,
}

struct Tally {
    field: &'static str,
    n: usize,
    correct: usize,
    misses: Vec<Miss>,
}

impl Tally {
    fn new(field: &'static str) -> Tally {
        Tally {
            field,
            n: 0,
            correct: 0,
            misses: Vec::new(),
        }
    }

    fn add(
        &mut self,
        id: &str,
        ok: bool,
        expected: impl FnOnce() -> String,
        got: impl FnOnce() -> String,
    ) {
        self.n += 1;
        if ok {
            self.correct += 1;
        } else {
            self.misses.push(Miss {
                id: id.to_string(),
                expected: expected(),
                got: got(),
            });
        }
    }

    fn finish(self) -> FieldScore {
        FieldScore {
            field: self.field,
            n: self.n,
            correct: self.correct,
            accuracy: round4(share(self.correct, self.n)),
            misses: sample_misses(&self.misses, 10),
        }
    }
}

const NO_EVENT: &str = "(no event)";

/// Up to `k` misses spread over the file, those where an event was read (wrongly) first:
/// they say more about why than rows where nothing was read.
fn sample_misses(misses: &[Miss], k: usize) -> Vec<Miss> {
    let (read, unread): (Vec<Miss>, Vec<Miss>) =
        misses.iter().cloned().partition(|m| m.got != NO_EVENT);
    let mut out = spread(&read, k);
    if out.len() < k {
        out.extend(spread(&unread, k - out.len()));
    }
    out
}

/// The event compared with a row: the first (most salient) conflict event of the reading.
pub(crate) fn first_conflict_event(reading: &Reading) -> Option<&Event> {
    reading
        .events
        .iter()
        .find(|e| e.sub_event_type.is_conflict())
}

/// Scores readings against the coded rows (`readings[i]` is the reading of `rows[i]`'s notes).
/// A row with no conflict event read counts as wrong for every field.
///
/// # Panics
/// When `rows` and `readings` differ in length.
pub fn score_acled(
    rows: &[AcledRow],
    readings: &[Reading],
    file: &str,
    seconds: f64,
) -> AcledReport {
    assert_eq!(rows.len(), readings.len(), "one reading per row");
    let names = names();
    let mut event_type = Tally::new("event_type");
    let mut sub_event_type = Tally::new("sub_event_type");
    let mut event_date = Tally::new("event_date");
    let mut fatalities = Tally::new("fatalities");
    let mut fatalities_within_1 = Tally::new("fatalities_within_1");
    let mut fatalities_zero = Tally::new("fatalities_zero_nonzero");
    let mut actor1 = Tally::new("actor1");
    let mut actor1_loose = Tally::new("actor1_loose");
    let mut actor2 = Tally::new("actor2");
    let mut admin1 = Tally::new("admin1");
    let mut country = Tally::new("country");
    let mut within_25 = Tally::new("within_25km");
    let mut within_5 = Tally::new("within_5km");
    let mut geo_precision = Tally::new("geo_precision");
    let mut time_precision = Tally::new("time_precision");

    let columns: Vec<&'static str> = EventType::ACLED
        .iter()
        .map(|t| t.acled_name())
        .chain(["none"])
        .collect();
    let mut confusion = vec![vec![0usize; columns.len()]; EventType::ACLED.len()];
    let mut sub_pairs: Vec<(&'static str, &'static str)> = Vec::new();
    let mut conflict_events = 0usize;
    let mut no_event = 0usize;

    for (row, reading) in rows.iter().zip(readings) {
        let id = row.id.as_str();
        conflict_events += reading
            .events
            .iter()
            .filter(|e| e.sub_event_type.is_conflict())
            .count();
        let ev = first_conflict_event(reading);
        if ev.is_none() {
            no_event += 1;
        }
        let place = ev.and_then(|e| e.location.as_ref());
        let got_or = |f: &dyn Fn(&Event) -> String| ev.map_or_else(|| NO_EVENT.to_string(), f);

        // types
        let gold_sub = row.sub_event_type;
        let gold_type = row.event_type();
        let got_sub = ev.map(|e| e.sub_event_type);
        let got_type = got_sub.map(SubEventType::event_type);
        event_type.add(
            id,
            gold_type.is_some() && gold_type == got_type,
            || gold_type.map_or("?", EventType::acled_name).to_string(),
            || got_type.map_or(NO_EVENT, EventType::acled_name).to_string(),
        );
        sub_event_type.add(
            id,
            gold_sub.is_some() && gold_sub == got_sub,
            || gold_sub.map_or("?", SubEventType::acled_name).to_string(),
            || {
                got_sub
                    .map_or(NO_EVENT, SubEventType::acled_name)
                    .to_string()
            },
        );
        if let Some(i) = gold_type.and_then(|t| EventType::ACLED.iter().position(|x| *x == t)) {
            let j = got_type
                .and_then(|t| EventType::ACLED.iter().position(|x| *x == t))
                .unwrap_or(columns.len() - 1);
            confusion[i][j] += 1;
        }
        if let Some(g) = gold_sub {
            sub_pairs.push((
                g.acled_name(),
                got_sub.map_or(NO_EVENT, SubEventType::acled_name),
            ));
        }

        // date
        let got_date = ev.and_then(|e| e.date.date);
        event_date.add(
            id,
            got_date == Some(row.event_date),
            || row.event_date.to_string(),
            || got_or(&|e| e.date.date.map_or("undated".into(), |d| d.to_string())),
        );
        time_precision.add(
            id,
            ev.is_some_and(|e| e.date.precision.acled_code() == row.time_precision),
            || row.time_precision.to_string(),
            || got_or(&|e| format!("{} ({:?})", e.date.precision.acled_code(), e.date.precision)),
        );

        // fatalities
        let got_fat = ev.map(|e| e.fatalities);
        let fat_got = || got_fat.map_or(NO_EVENT.to_string(), |f| f.to_string());
        fatalities.add(
            id,
            got_fat == Some(row.fatalities),
            || row.fatalities.to_string(),
            fat_got,
        );
        fatalities_within_1.add(
            id,
            got_fat.is_some_and(|f| f.abs_diff(row.fatalities) <= 1),
            || row.fatalities.to_string(),
            fat_got,
        );
        fatalities_zero.add(
            id,
            got_fat.is_some_and(|f| (f == 0) == (row.fatalities == 0)),
            || row.fatalities.to_string(),
            fat_got,
        );

        // actors
        let got_actor1 = ev.and_then(|e| e.actor1.as_ref()).map(|a| a.name.as_str());
        let actor_got = |a: Option<&str>| {
            if ev.is_none() {
                NO_EVENT.to_string()
            } else {
                a.unwrap_or("(none)").to_string()
            }
        };
        actor1.add(
            id,
            got_actor1.is_some_and(|a| names.actor_key(a) == names.actor_key(&row.actor1)),
            || row.actor1.clone(),
            || actor_got(got_actor1),
        );
        actor1_loose.add(
            id,
            got_actor1
                .is_some_and(|a| names.actor_key_loose(a) == names.actor_key_loose(&row.actor1)),
            || row.actor1.clone(),
            || actor_got(got_actor1),
        );
        if !row.actor2.is_empty() {
            let got_actor2 = ev.and_then(|e| e.actor2.as_ref()).map(|a| a.name.as_str());
            actor2.add(
                id,
                got_actor2.is_some_and(|a| {
                    names.actor_key_loose(a) == names.actor_key_loose(&row.actor2)
                }),
                || row.actor2.clone(),
                || actor_got(got_actor2),
            );
        }

        // place
        let place_got = |f: &dyn Fn(&sitrep_model::PlaceRef) -> String| {
            if ev.is_none() {
                NO_EVENT.to_string()
            } else {
                place.map_or("(no location)".to_string(), f)
            }
        };
        if !row.admin1.is_empty() {
            let got = place.and_then(|p| p.admin1.as_deref());
            admin1.add(
                id,
                got.is_some_and(|a| names.same_admin1(a, &row.admin1)),
                || row.admin1.clone(),
                || place_got(&|p| p.admin1.clone().unwrap_or("(none)".into())),
            );
        }
        country.add(
            id,
            place
                .and_then(|p| p.country.as_deref())
                .is_some_and(|c| names.actor_key(c) == names.actor_key(&row.country)),
            || row.country.clone(),
            || place_got(&|p| p.country.clone().unwrap_or("(none)".into())),
        );
        let km =
            place.and_then(|p| Some(haversine_km(p.lat?, p.lon?, row.latitude, row.longitude)));
        let loc_expected = || {
            format!(
                "{} ({:.3},{:.3})",
                row.location, row.latitude, row.longitude
            )
        };
        let loc_got = || {
            place_got(&|p| match km {
                Some(km) => format!("{} ({:.0} km off)", p.name, km),
                None => format!("{} (no coordinates)", p.name),
            })
        };
        within_25.add(id, km.is_some_and(|k| k <= 25.0), loc_expected, loc_got);
        within_5.add(id, km.is_some_and(|k| k <= 5.0), loc_expected, loc_got);
        geo_precision.add(
            id,
            place.is_some_and(|p| p.geo_precision == row.geo_precision),
            || row.geo_precision.to_string(),
            || place_got(&|p| p.geo_precision.to_string()),
        );
    }

    let fields: Vec<FieldScore> = [
        event_type,
        sub_event_type,
        event_date,
        time_precision,
        fatalities,
        fatalities_within_1,
        fatalities_zero,
        actor1,
        actor1_loose,
        actor2,
        admin1,
        country,
        within_25,
        within_5,
        geo_precision,
    ]
    .into_iter()
    .map(Tally::finish)
    .collect();
    let acc = |name: &str| {
        fields
            .iter()
            .find(|f| f.field == name)
            .map_or(0.0, |f| f.accuracy)
    };
    let n = rows.len();
    AcledReport {
        file: file.to_string(),
        n,
        seconds: round4(seconds),
        event_type: acc("event_type"),
        sub_event_type: acc("sub_event_type"),
        event_date: acc("event_date"),
        fatalities: acc("fatalities"),
        fatalities_within_1: acc("fatalities_within_1"),
        fatalities_zero_nonzero: acc("fatalities_zero_nonzero"),
        actor1: acc("actor1"),
        actor1_loose: acc("actor1_loose"),
        actor2: acc("actor2"),
        actor2_n: fields
            .iter()
            .find(|f| f.field == "actor2")
            .map_or(0, |f| f.n),
        admin1: acc("admin1"),
        country: acc("country"),
        within_25km: acc("within_25km"),
        within_5km: acc("within_5km"),
        geo_precision: acc("geo_precision"),
        time_precision: acc("time_precision"),
        events_per_note: round4(share(conflict_events, n)),
        no_event_share: round4(share(no_event, n)),
        event_type_confusion: EventTypeConfusion {
            labels: columns[..EventType::ACLED.len()].to_vec(),
            columns,
            rows: confusion,
        },
        sub_event_confusions: top_confusions(sub_pairs, 15),
        fields,
    }
}

/// Reads every row's notes with `reader` and scores the readings (see [`score_acled`]).
pub fn eval_acled(path: &Path, reader: &Reader) -> Result<AcledReport, EvalError> {
    let rows = load_acled(path)?;
    let origin = path.display().to_string();
    let started = Instant::now();
    let readings: Vec<Reading> = rows
        .iter()
        .map(|r| reader.read(&r.article(&origin)))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    Ok(score_acled(&rows, &readings, &origin, seconds))
}

/// Short names of the event types for the confusion table's columns.
fn short_type(name: &str) -> &str {
    match name {
        "Explosions/Remote violence" => "Expl",
        "Violence against civilians" => "VAC",
        "Strategic developments" => "StratD",
        "none" => "none",
        other => &other[..other.len().min(6)],
    }
}

/// Writes misses: one per line in full with `{:#}`, else packed into lines of about 120 characters.
pub(crate) fn write_misses(f: &mut fmt::Formatter<'_>, misses: &[Miss]) -> fmt::Result {
    if f.alternate() {
        for m in misses {
            writeln!(
                f,
                "    {}: expected {:?}, got {:?}",
                m.id, m.expected, m.got
            )?;
        }
        return Ok(());
    }
    let mut line = String::from("   ");
    for m in misses {
        let item = format!(" {} {}≠{};", m.id, clip(&m.expected, 24), clip(&m.got, 24));
        if line.chars().count() + item.chars().count() > 120 && line.len() > 3 {
            writeln!(f, "{line}")?;
            line = String::from("   ");
        }
        line.push_str(&item);
    }
    if line.len() > 3 {
        writeln!(f, "{line}")?;
    }
    Ok(())
}

impl fmt::Display for AcledReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rate = if self.seconds > 0.0 {
            self.n as f64 / self.seconds
        } else {
            0.0
        };
        writeln!(f, "ACLED evaluation of {}", self.file)?;
        writeln!(
            f,
            "{} notes read in {:.2} s ({:.0} notes/s); {:.2} conflict events per note; {:.1}% notes with none",
            self.n,
            self.seconds,
            rate,
            self.events_per_note,
            100.0 * self.no_event_share
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<24} {:>6} {:>7} {:>8}",
            "field", "n", "correct", "accuracy"
        )?;
        for s in &self.fields {
            writeln!(
                f,
                "{:<24} {:>6} {:>7} {:>7.1}%",
                s.field,
                s.n,
                s.correct,
                100.0 * s.accuracy
            )?;
        }
        writeln!(f)?;
        writeln!(f, "event types (rows coded, columns read):")?;
        write!(f, "{:<28}", "")?;
        for c in &self.event_type_confusion.columns {
            write!(f, "{:>7}", short_type(c))?;
        }
        writeln!(f)?;
        for (label, counts) in self
            .event_type_confusion
            .labels
            .iter()
            .zip(&self.event_type_confusion.rows)
        {
            write!(f, "{:<28}", label)?;
            for c in counts {
                write!(f, "{c:>7}")?;
            }
            writeln!(f)?;
        }
        writeln!(f)?;
        writeln!(f, "top sub-event confusions (coded -> read):")?;
        for p in &self.sub_event_confusions {
            writeln!(f, "  {:>5}  {} -> {}", p.count, p.expected, p.got)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "sample misses (id expected≠got; {{:#}} shows them in full):"
        )?;
        for s in &self.fields {
            // the loose and coarse variants repeat the misses of their strict field
            if s.misses.is_empty()
                || matches!(
                    s.field,
                    "actor1_loose"
                        | "within_5km"
                        | "fatalities_within_1"
                        | "fatalities_zero_nonzero"
                )
            {
                continue;
            }
            writeln!(f, "  {} ({} missed):", s.field, s.n - s.correct)?;
            write_misses(f, &s.misses)?;
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use sitrep_model::{ActorRef, DatePrecision, EventDate, PlaceRef};

    #[test]
    fn samples_prefer_misses_where_an_event_was_read() {
        let miss = |i: usize, got: &str| Miss {
            id: i.to_string(),
            expected: "x".into(),
            got: got.into(),
        };
        let mut misses: Vec<Miss> = (0..30).map(|i| miss(i, NO_EVENT)).collect();
        misses.push(miss(30, "y"));
        let s = sample_misses(&misses, 10);
        assert_eq!(s.len(), 10);
        assert_eq!(
            (s[0].id.as_str(), s[1].id.as_str(), s[9].id.as_str()),
            ("30", "0", "29")
        );
    }

    #[test]
    fn acled_dates() {
        assert_eq!(
            parse_acled_date("9-May-20"),
            NaiveDate::from_ymd_opt(2020, 5, 9)
        );
        assert_eq!(
            parse_acled_date("28-Apr-20"),
            NaiveDate::from_ymd_opt(2020, 4, 28)
        );
        assert_eq!(
            parse_acled_date("01 January 2019"),
            NaiveDate::from_ymd_opt(2019, 1, 1)
        );
        assert_eq!(
            parse_acled_date("2020-05-09"),
            NaiveDate::from_ymd_opt(2020, 5, 9)
        );
        assert_eq!(parse_acled_date("31-Feb-20"), None);
        assert_eq!(parse_acled_date("9-Foo-20"), None);
        assert_eq!(parse_acled_date("May 9"), None);
    }

    pub(crate) fn event(sub: SubEventType, date: NaiveDate) -> Event {
        Event::new("a#0", sub, EventDate::new(Some(date), DatePrecision::Day))
    }

    fn row() -> AcledRow {
        AcledRow {
            id: "SYR1".into(),
            line: 2,
            event_date: NaiveDate::from_ymd_opt(2020, 5, 9).unwrap(),
            time_precision: 1,
            sub_event_type: Some(SubEventType::AirDroneStrike),
            actor1: "Military Forces of Russia (2000-)".into(),
            actor2: "Civilians (Syria)".into(),
            country: "Syria".into(),
            admin1: "Idleb".into(),
            location: "Ariha".into(),
            latitude: 35.8137,
            longitude: 36.6097,
            geo_precision: 1,
            fatalities: 3,
            source: "SOHR".into(),
            notes: "Warplanes struck a town.".into(),
        }
    }

    #[test]
    fn scores_a_hand_made_reading() {
        let r = row();
        let mut ev = event(SubEventType::AirDroneStrike, r.event_date);
        ev.fatalities = 2;
        ev.actor1 = Some(ActorRef {
            name: "Military Forces of Russia (2012-)".into(),
            ..Default::default()
        });
        ev.location = Some(PlaceRef {
            name: "Ariha".into(),
            lat: Some(35.83),
            lon: Some(36.62),
            country: Some("Syria".into()),
            admin1: Some("Idlib Governorate".into()),
            geo_precision: 2,
            ..Default::default()
        });
        // a non-conflict event listed first is skipped
        let noise = event(SubEventType::Diplomacy, r.event_date);
        let with = Reading {
            article_id: "SYR1".into(),
            events: vec![noise, ev],
            ..Default::default()
        };
        let empty = Reading::default();
        let rep = score_acled(&[r.clone(), r], &[with, empty], "t.csv", 0.0);
        assert_eq!(rep.n, 2);
        assert_eq!(rep.event_type, 0.5);
        assert_eq!(rep.sub_event_type, 0.5);
        assert_eq!(rep.event_date, 0.5);
        assert_eq!(rep.fatalities, 0.0);
        assert_eq!(rep.fatalities_within_1, 0.5);
        assert_eq!(rep.fatalities_zero_nonzero, 0.5);
        assert_eq!(rep.actor1, 0.0);
        assert_eq!(rep.actor1_loose, 0.5);
        assert_eq!((rep.actor2, rep.actor2_n), (0.0, 2));
        assert_eq!(rep.admin1, 0.5);
        assert_eq!(rep.country, 0.5);
        assert_eq!(rep.within_25km, 0.5);
        assert_eq!(rep.within_5km, 0.5);
        assert_eq!(rep.geo_precision, 0.0);
        assert_eq!(rep.time_precision, 0.5);
        assert_eq!(rep.events_per_note, 0.5);
        assert_eq!(rep.no_event_share, 0.5);
        // Explosions/Remote violence row: one read right, one not read
        assert_eq!(rep.event_type_confusion.rows[1], vec![0, 1, 0, 0, 0, 0, 1]);
        assert_eq!(rep.sub_event_confusions.len(), 1);
        assert_eq!(rep.sub_event_confusions[0].got, NO_EVENT);
        let fat = rep.fields.iter().find(|f| f.field == "fatalities").unwrap();
        assert_eq!(fat.misses[0].expected, "3");
        assert_eq!(fat.misses[1].got, NO_EVENT);
        let shown = rep.to_string();
        assert!(shown.contains("sub_event_type"), "{shown}");
        let json = serde_json::to_value(&rep).unwrap();
        assert_eq!(json["n"], 2);
        assert_eq!(json["within_25km"], 0.5);
    }

    #[test]
    fn loads_a_small_csv_and_names_bad_fields() {
        let dir = std::env::temp_dir().join(format!("sitrep-eval-acled-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let header = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities";
        let good = format!(
            "{header}\nXYZ1,3-May-20,1,Battles,Armed clash,Rebels,,Utopia,North,Town,1.5,2.5,1,Paper,\"Fighters clashed, said a source.\",4\n"
        );
        let path = dir.join("good.csv");
        std::fs::write(&path, good).unwrap();
        let rows = load_acled(&path).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sub_event_type, Some(SubEventType::ArmedClash));
        assert_eq!(rows[0].notes, "Fighters clashed, said a source.");
        assert_eq!(rows[0].article("good.csv").origin, "good.csv:2");

        let bad = format!("{header}\nXYZ1,3-May-20,1,Battles,Armed clash,Rebels,,Utopia,North,Town,north,2.5,1,Paper,Notes,4\n");
        let path = dir.join("bad.csv");
        std::fs::write(&path, bad).unwrap();
        let err = load_acled(&path).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "bad.csv:2: column `latitude`: expected a latitude in degrees, found \"north\""
            ),
            "{err}"
        );

        let path = dir.join("nocol.csv");
        std::fs::write(&path, "event_id_cnty,notes\nA,b\n").unwrap();
        let err = load_acled(&path).unwrap_err().to_string();
        assert!(err.contains("has no column `event_date`"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
