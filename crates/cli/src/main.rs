/*!
`sitrep`: the command line of the conflict monitor.

```text
sitrep ingest data/sample --db sitrep.db     # read reports into the store
sitrep events --db sitrep.db --format acled  # export the record
sitrep read report.txt --published 2018-05-21 # one article's reading as JSON
sitrep bench FA-KES-Dataset.csv --text-column article_content --date-column date
sitrep serve --db sitrep.db                  # web UI and JSON API on http://127.0.0.1:8080/
```
Each command lives in its own module under `commands/`.
*/

mod commands;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = commands::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("sitrep: error: {e}");
            ExitCode::FAILURE
        }
    }
}
