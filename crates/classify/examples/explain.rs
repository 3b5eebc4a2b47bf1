//! Print the top three classes and the cues that decided them for each line on stdin: why a
//! sentence reads as it does (debugging aid for lexicon work).
//!
//! ```text
//! echo "Police fired tear gas at the marchers." | cargo run --release -p sitrep-classify --example explain
//! ```
use std::io::BufRead;

use sitrep_classify::Classifier;

fn main() {
    let c = Classifier::embedded();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("utf-8 line");
        println!("== {}", &line[..line.len().min(200)]);
        for t in c.classify_str(&line).iter().take(3) {
            println!("  {} conf {:.2}", t.explain(), t.confidence);
        }
    }
}
