//! Read one article from stdin and print its reading as JSON: `read_text [YYYY-MM-DD] < file.txt`.
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .expect("stdin is UTF-8");
    let published = std::env::args()
        .nth(1)
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let article = sitrep_model::Article {
        id: "stdin".into(),
        text,
        published,
        ..Default::default()
    };
    let reading = sitrep_extract::Reader::new().read(&article);
    println!(
        "{}",
        serde_json::to_string_pretty(&reading).expect("serialises")
    );
}
