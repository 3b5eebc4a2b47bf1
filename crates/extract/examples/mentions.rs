//! Print every mention the resolving stages find, sentence by sentence, for one article read from
//! stdin: `mentions [YYYY-MM-DD] < file.txt`. A debugging aid for "why did it read that?".
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("stdin is UTF-8");
    let published = std::env::args()
        .nth(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let gazetteer = sitrep_places::Gazetteer::embedded();
    let actors = sitrep_actors::ActorDictionary::embedded();
    let classifier = sitrep_classify::Classifier::embedded();
    let sentences = sitrep_text::split_sentences(&text);
    let places = gazetteer.read_places(&text, &sentences);
    let country = places
        .main_country
        .as_deref()
        .and_then(|c| gazetteer.country_name(c));
    println!(
        "main country {:?} admin1 {:?}",
        places.main_country, places.main_admin1
    );
    for (i, s) in sentences.iter().enumerate() {
        println!("\n[{i}] {}", s.of(&text));
        for d in sitrep_time::find_dates(&text, *s, published) {
            println!(
                "  date   {:?} -> {:?} {:?} {:?} ({})",
                d.span.of(&text),
                d.date,
                d.precision,
                d.role,
                d.rule
            );
        }
        for n in sitrep_text::find_numbers(&text, *s) {
            println!(
                "  number {:?} = {} lower={} vague={}",
                n.span.of(&text),
                n.value,
                n.lower_bound,
                n.vague
            );
        }
        for m in places.in_sentence(i) {
            println!(
                "  place  {:?} -> {} ({:?}, {:?}) {:?} {:?} qualifies={:?}",
                m.span.of(&text),
                m.place.name,
                m.place.admin1,
                m.place.country,
                m.kind,
                m.cue,
                m.qualifies
            );
        }
        for m in actors.find(&text, *s, country) {
            println!(
                "  actor  {:?} -> {} (inter {}, {:?}, generic={})",
                m.span.of(&text),
                m.actor.name,
                m.actor.inter,
                m.kind,
                m.generic
            );
        }
        for m in actors.find_sources(&text, *s, None) {
            println!(
                "  source {:?} -> {} ({:?})",
                m.span.of(&text),
                m.name,
                m.kind
            );
        }
        for t in classifier.classify(&text, *s).iter().take(2) {
            println!(
                "  type   {} {:.2} trigger {:?}",
                t.sub_event_type.acled_name(),
                t.confidence,
                t.trigger.of(&text)
            );
        }
    }
}
