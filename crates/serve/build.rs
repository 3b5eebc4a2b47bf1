//! Lists the admin1 outline files of the web UI (`web/dist/admin1/*.json`, one per country,
//! built by `web/build.mjs`) into `$OUT_DIR/admin1_assets.rs`: a table of names and embedded
//! bytes, so that the binary serves exactly those files and nothing else under
//! `/assets/admin1/`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("../../web/dist/admin1");
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the admin1 outlines are built by `npm run build` in web/ and committed)",
            dir.display()
        )
    });
    let mut names: Vec<String> = entries
        .map(|entry| entry.expect("directory entry").file_name())
        .filter_map(|name| name.into_string().ok())
        .filter(|name| {
            name.ends_with(".json")
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_' || c == '-')
        })
        .collect();
    names.sort();
    assert!(
        names.iter().any(|n| n == "index.json"),
        "{}: no index.json (run `npm run build` in web/)",
        dir.display()
    );
    let mut table = String::from("&[\n");
    for name in &names {
        let path = dir.join(name);
        writeln!(
            table,
            "    ({name:?}, include_bytes!({:?}) as &[u8]),",
            path.display().to_string()
        )
        .expect("write to a String");
    }
    table.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("admin1_assets.rs");
    std::fs::write(&out, table).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
