//! Every evaluation in one run, without building the CLI (no store, no web server): the quick
//! loop while tuning lexicons. `cargo run --release -p sitrep-eval --example scores -- ../shared/data`
//! prints the same reports as `sitrep eval acled|case|seeds|wikievents`; a second argument
//! (`acled`, `case`, `seeds` or `wikievents`) runs that one only.
use sitrep_eval::EvalError;
use sitrep_extract::Reader;
use std::fmt::Display;
use std::path::Path;

fn show<R: Display>(name: &str, report: Result<R, EvalError>) {
    match report {
        Ok(r) => println!("{r}"),
        Err(e) => eprintln!("{name}: {e}"),
    }
}

fn main() {
    let data = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".to_string());
    let data = Path::new(&data);
    let only = std::env::args().nth(2);
    let wanted = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let reader = Reader::new();
    if wanted("acled") {
        let path = data.join("acled/acled-2020-dev.csv");
        show("acled", sitrep_eval::eval_acled(&path, &reader));
    }
    if wanted("case") {
        let path = data.join("case2021/task2-dev.tsv");
        show("case", sitrep_eval::eval_case(&path, &reader));
    }
    if wanted("seeds") {
        show(
            "seeds",
            sitrep_eval::eval_seeds(&data.join("seeds"), &reader),
        );
    }
    if wanted("wikievents") {
        let path = data.join("wikievents/dev.jsonl");
        show("wikievents", sitrep_eval::eval_wikievents(&path, &reader));
    }
}
