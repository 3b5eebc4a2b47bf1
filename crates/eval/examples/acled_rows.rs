//! One line per ACLED dev row: coded vs read fields, for error analysis (evaluation only).
//! `cargo run -p sitrep-eval --example acled_rows -- FILE.csv > rows.tsv`
use sitrep_eval::load_acled;
use sitrep_extract::Reader;

fn main() {
    let path = std::env::args().nth(1).expect("usage: acled_rows FILE.csv");
    let rows = load_acled(std::path::Path::new(&path)).expect("readable ACLED csv");
    let reader = Reader::new();
    println!("id\tsub\tgot_sub\tfat\tgot_fat\tcountry\tgot_country\tadmin1\tgot_admin1\tlocation\tgot_location\tkm\tactor1\tgot_actor1\tactor2\tgot_actor2\tdate\tgot_date\tprec\tgot_prec\tall_subs\tnotes");
    for row in &rows {
        let reading = reader.read(&row.article("acled"));
        let e = reading
            .events
            .iter()
            .find(|e| e.sub_event_type.is_conflict());
        let get =
            |f: &dyn Fn(&sitrep_model::Event) -> Option<String>| e.and_then(f).unwrap_or_default();
        let km = e
            .and_then(|e| e.location.as_ref())
            .and_then(|p| {
                Some(sitrep_eval::haversine_km(
                    row.latitude,
                    row.longitude,
                    p.lat?,
                    p.lon?,
                ))
            })
            .map(|k| format!("{k:.0}"))
            .unwrap_or_default();
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row.id,
            row.sub_event_type.map(|s| s.acled_name()).unwrap_or(""),
            get(&|e| Some(e.sub_event_type.acled_name().to_string())),
            row.fatalities,
            get(&|e| Some(e.fatalities.to_string())),
            row.country,
            get(&|e| e.location.as_ref()?.country.clone()),
            row.admin1,
            get(&|e| e.location.as_ref()?.admin1.clone()),
            row.location,
            get(&|e| e
                .location
                .as_ref()
                .map(|p| format!("{} [{}]", p.name, p.mention))),
            km,
            row.actor1,
            get(&|e| e.actor1.as_ref().map(|a| a.name.clone())),
            row.actor2,
            get(&|e| e.actor2.as_ref().map(|a| a.name.clone())),
            row.event_date,
            get(&|e| e.date.date.map(|d| d.to_string())),
            row.time_precision,
            get(&|e| Some(format!(
                "{:?}:{}",
                e.date.precision,
                e.date
                    .evidence
                    .as_ref()
                    .map(|v| format!("s{} {}", v.sentence, v.rule))
                    .unwrap_or_default()
            ))),
            reading
                .events
                .iter()
                .map(|e| e.sub_event_type.acled_name())
                .collect::<Vec<_>>()
                .join("|"),
            row.notes.replace(['\t', '\n'], " "),
        );
    }
}
