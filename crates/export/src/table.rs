//! A fixed-width table for a terminal: date, type, sub-type, actors, place, fatalities, claimant.

use crate::{listed, ExportError, ExportOptions};
use sitrep_model::{Event, Polarity};
use std::io::Write;

/// Column titles and widths (characters).
const COLUMNS: [(&str, usize); 10] = [
    ("date", 10),
    ("type", 16),
    ("sub-type", 22),
    ("actor1", 24),
    ("actor2", 24),
    ("location", 18),
    ("admin1", 14),
    ("country", 12),
    ("fat", 4),
    ("claimant", 30),
];

/// `s` cut or padded to `width` characters (a cut ends in '…').
fn fit(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n <= width {
        format!("{s}{}", " ".repeat(width - n))
    } else {
        let mut cut: String = s.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

fn claimant(event: &Event) -> String {
    let Some(claim) = event.claims.first() else {
        return String::new();
    };
    let mark = match claim.polarity {
        Polarity::Asserted => "",
        Polarity::Denied => " (denies)",
        Polarity::Unconfirmed => " (unconfirmed)",
        Polarity::ClaimedResponsibility => " (claims)",
    };
    let more = if event.claims.len() > 1 {
        format!(" +{}", event.claims.len() - 1)
    } else {
        String::new()
    };
    format!("{}{mark}{more}", claim.claimant)
}

fn cells(event: &Event) -> [String; 10] {
    let place = event.location.as_ref();
    let opt = |s: Option<&String>| s.cloned().unwrap_or_default();
    [
        event
            .date
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "?".into()),
        event.sub_event_type.event_type().acled_name().to_string(),
        event.sub_event_type.acled_name().to_string(),
        event
            .actor1
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        event
            .actor2
            .as_ref()
            .map(|a| a.name.clone())
            .unwrap_or_default(),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        opt(place.and_then(|p| p.admin1.as_ref())),
        opt(place.and_then(|p| p.country.as_ref())),
        event.fatalities.to_string(),
        claimant(event),
    ]
}

fn line(values: &[String; 10]) -> String {
    let parts: Vec<String> = values
        .iter()
        .zip(COLUMNS)
        .map(|(v, (name, width))| {
            if name == "fat" && v.chars().count() <= width {
                format!("{v:>width$}")
            } else {
                fit(v, width)
            }
        })
        .collect();
    parts.join(" ").trim_end().to_string()
}

/// Header, a rule, one line per event, and a count.
pub(crate) fn write_table<W: Write>(
    events: &[Event],
    options: &ExportOptions,
    mut out: W,
) -> Result<(), ExportError> {
    let header = COLUMNS.map(|(name, _)| name.to_string());
    writeln!(out, "{}", line(&header))?;
    let width: usize = COLUMNS.iter().map(|(_, w)| w + 1).sum::<usize>() - 1;
    writeln!(out, "{}", "-".repeat(width))?;
    let mut n = 0;
    for event in events.iter().filter(|e| listed(e, options)) {
        writeln!(out, "{}", line(&cells(event)))?;
        n += 1;
    }
    writeln!(out, "{n} event{}", if n == 1 { "" } else { "s" })?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn fit_pads_and_cuts_by_characters() {
        assert_eq!(fit("Ma'rib", 8), "Ma'rib  ");
        assert_eq!(fit("Ḥalab al-Jadīda", 6), "Ḥalab…");
    }
}
