//! Run the server without the `sitrep` CLI (development and tests of the crate alone):
//! `cargo run -p sitrep-serve --example serve -- serve --db sitrep.db [--host H] [--port P] [--ingest-token T]`
//! (the same flags as `sitrep serve`).

use sitrep_serve::{serve, ServeOptions};

fn main() -> std::process::ExitCode {
    let mut options = ServeOptions::default();
    let mut args = std::env::args().skip(1).peekable();
    if args.peek().map(String::as_str) == Some("serve") {
        args.next();
    }
    while let Some(flag) = args.next() {
        let Some(value) = args.next() else {
            eprintln!("{flag}: expected a value");
            return std::process::ExitCode::from(2);
        };
        match flag.as_str() {
            "--db" => options.db = value.into(),
            "--host" => options.host = value,
            "--port" => match value.parse() {
                Ok(p) => options.port = p,
                Err(_) => {
                    eprintln!("--port {value}: expected a port number");
                    return std::process::ExitCode::from(2);
                }
            },
            "--ingest-token" => options.ingest_token = Some(value),
            _ => {
                eprintln!("unknown flag {flag}; expected --db, --host, --port, --ingest-token");
                return std::process::ExitCode::from(2);
            }
        }
    }
    match serve(options) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sitrep serve: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
