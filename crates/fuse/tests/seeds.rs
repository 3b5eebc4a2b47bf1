//! The acceptance case on the two seed articles (needs ../shared/data/seeds; run with
//! `cargo test -p sitrep-fuse -- --ignored`, or set SITREP_SEEDS to the folder).

use sitrep_fuse::{links, Fuser, Relation};
use sitrep_ingest::{ingest, IngestOptions};
use std::path::PathBuf;

fn seeds_dir() -> PathBuf {
    std::env::var_os("SITREP_SEEDS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/seeds"),
        PathBuf::from,
    )
}

#[test]
#[ignore = "reads the seed articles from ../shared/data/seeds"]
fn seeds_fuse_as_expected() {
    let reader = sitrep_extract::Reader::new();
    let mut fuser = Fuser::default();
    for (file, source) in [
        ("national-2018-05-21-isis-second-group.txt", "The National"),
        ("aawsat-2018-05-21-yarmouk-buses.txt", "Asharq Al-Awsat"),
    ] {
        let options = IngestOptions {
            published: chrono::NaiveDate::from_ymd_opt(2018, 5, 21),
            source: Some(source.into()),
            ..Default::default()
        };
        for article in ingest(&[seeds_dir().join(file)], &options) {
            let article = article.expect("seed article reads");
            let reading = reader.read(&article);
            fuser.add_article(&article, &reading.events, &reading.standalone_claims);
        }
    }
    let events = fuser.fused_events();
    let with = |needle: &str| {
        let m = fuser
            .mentions
            .iter()
            .position(|m| m.event.notes.contains(needle))
            .unwrap_or_else(|| panic!("a mention reads {needle:?}"));
        &events[fuser.cluster_of[m]]
    };
    let first = with("first group of ISIS fighters");
    assert_eq!(first.event.article_ids.len(), 2, "{:#?}", first.members);
    let second = with("second group of ISIS fighters");
    assert_ne!(second.id, first.id);
    assert_eq!(second.event.article_ids.len(), 1);
    // the ceasefire that began on Sunday (the seed's ceasefire); an earlier sentence's undated
    // "temporary ceasefire was in place" is another account of it, linked to the halt undated
    let ceasefire = with("ceasefire that began on Sunday").id.clone();
    let halt = with("since Saturday noon").id.clone();
    let links = links(&fuser);
    let link = links
        .iter()
        .find(|l| [&l.a, &l.b] == [&ceasefire, &halt] || [&l.a, &l.b] == [&halt, &ceasefire])
        .unwrap_or_else(|| panic!("ceasefire and halt linked: {links:#?}"));
    assert_eq!(
        link.relation,
        Relation::DisagreeingAccounts,
        "{}",
        link.detail
    );
}
