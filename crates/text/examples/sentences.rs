//! Prints the sentences and number mentions of a text file: `cargo run -p sitrep-text --example sentences -- FILE`.

use sitrep_model::Span;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: sentences FILE")?;
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    for s in sitrep_text::split_sentences(&text) {
        println!(
            "[{}..{}] {}",
            s.start,
            s.end,
            s.of(&text).replace('\n', "⏎")
        );
        for n in sitrep_text::find_numbers(&text, s) {
            println!(
                "    {:?} = {} lower={} upper={} approx={} vague={} range_max={:?} ({})",
                n.span.of(&text),
                n.value,
                n.lower_bound,
                n.upper_bound,
                n.approximate,
                n.vague,
                n.range_max,
                n.rule
            );
        }
    }
    let _ = Span::default();
    Ok(())
}
