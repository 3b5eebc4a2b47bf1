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

/// An actor's name in `width` characters: without its period ("Military Forces of Sudan
/// (2019-)" → "Military Forces of Sudan") when that is enough, else cut in the middle, where
/// names of one state's forces differ at their end ("Military Fo…port Forces" for the RSF,
/// "Military Forces of Sudan" for the army).
fn short_actor(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        return name.to_string();
    }
    let no_period = match (name.find(" ("), name.find(')')) {
        (Some(open), Some(close))
            if close > open
                && name[open + 2..close]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-') =>
        {
            format!("{}{}", &name[..open], &name[close + 1..])
        }
        _ => name.to_string(),
    };
    let chars: Vec<char> = no_period.chars().collect();
    if chars.len() <= width || width < 3 {
        return no_period;
    }
    let head = (width - 1) / 2;
    let tail = width - 1 - head;
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - tail..]);
    out
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
            .map(|a| short_actor(&a.name, COLUMNS[3].1))
            .unwrap_or_default(),
        event
            .actor2
            .as_ref()
            .map(|a| short_actor(&a.name, COLUMNS[4].1))
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
    use super::{fit, short_actor};

    #[test]
    fn fit_pads_and_cuts_by_characters() {
        assert_eq!(fit("Ma'rib", 8), "Ma'rib  ");
        assert_eq!(fit("Ḥalab al-Jadīda", 6), "Ḥalab…");
    }

    #[test]
    fn two_forces_of_one_state_stay_apart_in_a_narrow_column() {
        // the army and a force named as its branch had both read "Military Forces of Suda…"
        let army = short_actor("Military Forces of Sudan (2019-)", 24);
        let rsf = short_actor("Military Forces of Sudan (2019-) Rapid Support Forces", 24);
        assert_eq!(army, "Military Forces of Sudan");
        assert_ne!(army, rsf);
        assert!(
            rsf.ends_with("Forces") && rsf.chars().count() == 24,
            "{rsf}"
        );
        assert_eq!(short_actor("Hezbollah", 24), "Hezbollah");
        assert_eq!(
            short_actor("Ḥalab al-Jadīda Brigades of Old", 8),
            "Ḥal… Old"
        );
    }
}
