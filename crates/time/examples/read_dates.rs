//! Prints the date mentions of a text file: `cargo run -p sitrep-time --example read_dates -- FILE [YYYY-MM-DD]`.

use chrono::NaiveDate;
use sitrep_model::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: read_dates FILE [YYYY-MM-DD]")?;
    let published = args
        .next()
        .map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|e| format!("{s}: {e}")))
        .transpose()?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    for m in sitrep_time::find_dates(&text, Span::new(0, text.len()), published) {
        println!(
            "{:?} -> {:?}..{:?} {:?} {:?} time={:?}{} offset={:?} alt={:?} approx={} relative={} ({})",
            m.span.of(&text),
            m.date,
            m.end,
            m.precision,
            m.role,
            m.time_of_day,
            if m.time_approximate { "~" } else { "" },
            m.utc_offset_minutes,
            m.alt_time,
            m.approximate,
            m.relative,
            m.rule
        );
    }
    Ok(())
}
