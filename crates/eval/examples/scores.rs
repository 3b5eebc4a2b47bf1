//! Every evaluation in one run, without building the CLI (no store, no web server): the quick
//! loop while tuning lexicons. `cargo run --release -p sitrep-eval --example scores -- ../shared/data`
//! prints the same reports as `sitrep eval acled|case|seeds|wikievents`.
use sitrep_extract::Reader;
use std::path::Path;

fn main() {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".to_string());
    let data = Path::new(&data);
    let only = std::env::args().nth(2);
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let reader = Reader::new();
    if wanted("acled") {
        match sitrep_eval::eval_acled(&data.join("acled/acled-2020-dev.csv"), &reader) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("acled: {e}"),
        }
    }
    if wanted("case") {
        match sitrep_eval::eval_case(&data.join("case2021/task2-dev.tsv"), &reader) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("case: {e}"),
        }
    }
    if wanted("seeds") {
        match sitrep_eval::eval_seeds(&data.join("seeds"), &reader) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("seeds: {e}"),
        }
    }
    if wanted("wikievents") {
        match sitrep_eval::eval_wikievents(&data.join("wikievents/dev.jsonl"), &reader) {
            Ok(r) => println!("{r}"),
            Err(e) => eprintln!("wikievents: {e}"),
        }
    }
}
