//! Agreement with ACLED coding on its own notes (evaluation only; nothing is learnt from it):
//! `SITREP_ACLED=/path/to/acled-2020-dev.csv cargo test --release -p sitrep-time --test acled_check -- --ignored --nocapture`.
//! Reports how often the first dated mention of a note is the coded event date, and how
//! often the coded fatality count is among the numbers read from the note.

use chrono::NaiveDate;
use sitrep_model::{DatePrecision, Span};

/// The named columns of a CSV with quoted fields.
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    rows
}

#[test]
#[ignore = "evaluation; needs SITREP_ACLED"]
fn acled_notes() {
    let Ok(path) = std::env::var("SITREP_ACLED") else {
        println!("SITREP_ACLED not set; nothing to check");
        return;
    };
    let csv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows = csv_rows(&csv);
    let header = &rows[0];
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{path}: no column {name}"))
    };
    let (c_date, c_notes, c_fat) = (col("event_date"), col("notes"), col("fatalities"));
    let (mut n, mut dated, mut date_ok, mut fat_n, mut fat_found) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for r in rows.iter().skip(1).filter(|r| r.len() > c_fat) {
        let Ok(event) = NaiveDate::parse_from_str(&r[c_date], "%d-%b-%y") else {
            continue;
        };
        let notes = &r[c_notes];
        n += 1;
        // The notes are written after the event: resolve against the event date itself.
        let found = sitrep_time::find_dates(notes, Span::new(0, notes.len()), Some(event));
        if let Some(m) = found
            .iter()
            .find(|m| m.date.is_some() && m.precision == DatePrecision::Day)
        {
            dated += 1;
            if m.date == Some(event) {
                date_ok += 1;
            } else if misses.len() < 5 {
                misses.push(format!("{event} vs {:?} ({})", m.date, m.rule));
            }
        }
        let fatalities: u64 = r[c_fat].parse().unwrap_or(0);
        if fatalities > 0 {
            fat_n += 1;
            let values: Vec<u64> = sitrep_text::split_sentences(notes)
                .into_iter()
                .flat_map(|s| sitrep_text::find_numbers(notes, s))
                .map(|m| m.value)
                .collect();
            if values.contains(&fatalities) {
                fat_found += 1;
            } else if std::env::var_os("SITREP_VERBOSE").is_some() {
                println!("  fatalities {fatalities} not in {values:?}: {notes}");
            }
        }
    }
    println!(
        "ACLED notes: {n}; with a day-precise date: {dated} ({:.1}%); that date = event_date: {date_ok} ({:.1}% of dated)",
        100.0 * dated as f64 / n.max(1) as f64,
        100.0 * date_ok as f64 / dated.max(1) as f64
    );
    println!(
        "fatalities > 0: {fat_n}; coded count among the numbers read: {fat_found} ({:.1}%)",
        100.0 * fat_found as f64 / fat_n.max(1) as f64
    );
    for m in misses {
        println!("  miss: {m}");
    }
    assert!(n > 0);
}
