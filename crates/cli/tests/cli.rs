//! End-to-end tests of the `sitrep` binary on data/sample and on broken inputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(repo_root())
        .output()
        .expect("the binary runs")
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn sample_is_ingested_once_and_exported() {
    let dir = scratch("sample");
    let db = dir.join("s.db");
    let db = db.to_str().unwrap();
    let first = sitrep(&["ingest", "data/sample", "--db", db, "--quiet"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    assert!(
        out.contains("read 11 articles: 11 new, 0 duplicates; 0 failed"),
        "{out}"
    );
    assert!(out.contains("8 boilerplate lines dropped"), "{out}");

    let again = sitrep(&["ingest", "data/sample", "--db", db, "--quiet"]);
    assert!(again.status.success());
    assert!(
        text(&again.stdout).contains("0 new, 11 duplicates"),
        "{}",
        text(&again.stdout)
    );

    let store = sitrep_store::Store::open(db).unwrap();
    assert_eq!(store.counts().unwrap().articles, 11);
    let html = store
        .article("nigeria-borno-takeover.html")
        .unwrap()
        .unwrap();
    assert_eq!(html.published.unwrap().to_string(), "2019-12-02");
    assert_eq!(html.source.as_deref(), Some("Sahel Times"));
    assert!(!html.text.contains("Share this article") && !html.text.contains("Follow us"));
    let txt = store.article("sample-mexico-kidnapping").unwrap().unwrap();
    assert_eq!(
        txt.published.unwrap().to_string(),
        "2021-07-19",
        "date from the file name"
    );
    assert!(!txt.text.contains("FILE PHOTO") && !txt.text.contains("Read more"));
    assert_eq!(
        txt.title.as_deref(),
        Some("Gunmen abduct mayor's aide in Guerrero")
    );
    drop(store);

    let acled = sitrep(&["events", "--db", db, "--format", "acled"]);
    assert!(acled.status.success());
    let csv = text(&acled.stdout);
    let header = csv.lines().next().unwrap();
    assert_eq!(header.split(',').count(), 31);
    assert!(header.starts_with("event_id_cnty,event_date,year"));
    let parquet = sitrep(&["events", "--db", db, "--format", "parquet"]);
    assert!(parquet.status.success(), "{}", text(&parquet.stderr));
    assert!(parquet.stdout.starts_with(b"PAR1") && parquet.stdout.ends_with(b"PAR1"));
    assert!(
        parquet
            .stdout
            .windows(b"event_id_cnty".len())
            .any(|w| w == b"event_id_cnty"),
        "the schema names the ACLED columns"
    );

    for format in ["table", "jsonl", "geojson"] {
        let out = sitrep(&[
            "events",
            "--db",
            db,
            "--format",
            format,
            "--include-non-conflict",
        ]);
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
    }
    let geo = sitrep(&["events", "--db", db, "--format", "geojson"]);
    let v: serde_json::Value = serde_json::from_slice(&geo.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_the_rest_is_ingested() {
    let dir = scratch("bad");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(
        input.join("a.jsonl"),
        "{\"id\":\"j1\",\"text\":\"Troops shelled the village on Monday.\",\"published\":\"2020-05-04\"}\n\
         {\"id\":\"j2\",\"text\":\"unterminated\n\
         {\"id\":\"j3\",\"text\":\"Police arrested four men in the market.\",\"published\":\"2020-05-05\"}\n",
    )
    .unwrap();
    std::fs::write(
        input.join("b.csv"),
        "id,headline,day\n1,Clash reported,2020-05-01\n",
    )
    .unwrap();
    std::fs::write(
        input.join("c.txt"),
        b"Gunmen attacked a bus near the border.\nCaf\xe9 owners fled.\n",
    )
    .unwrap();
    std::fs::write(
        input.join("d.txt"),
        "Protesters blocked the main road in the capital on Friday.\n",
    )
    .unwrap();
    std::fs::write(input.join("notes.md"), "not an input\n").unwrap();
    let db = dir.join("b.db");
    let out = sitrep(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--quiet",
    ]);
    let err = text(&out.stderr);
    // what was read is stored; the status says some input failed
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("a.jsonl:2: bad JSON"), "{err}");
    assert!(err.contains("b.csv:1: no column"), "{err}");
    assert!(err.contains("c.txt:2: not valid UTF-8"), "{err}");
    assert!(
        err.contains("skipped 1 file no reader handles") && err.contains("notes.md"),
        "the skipped file is named: {err}"
    );
    let summary = text(&out.stdout);
    assert!(summary.contains("read 3 articles: 3 new"), "{summary}");
    assert!(summary.contains("3 failed, 1 file skipped"), "{summary}");
    let store = sitrep_store::Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().articles, 3);
    assert!(
        store.article("j3").unwrap().is_some(),
        "the line after the bad one is read"
    );
    assert!(store.article("d.txt").unwrap().is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn csv_columns_are_chosen_by_flags() {
    let dir = scratch("csv");
    let csv = dir.join("news.csv");
    std::fs::write(
        &csv,
        "unit_id,article_title,article_content,source,date\n\
         7,Strike on depot,\"An air strike hit a fuel depot on Tuesday.\",wire,4/5/2017\n\
         8,Talks,\"Delegates met in Geneva.\",agency,4/6/2017\n",
    )
    .unwrap();
    let db = dir.join("c.db");
    let out = sitrep(&[
        "ingest",
        csv.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--quiet",
        "--text-column",
        "article_content",
        "--date-column",
        "date",
        "--title-column",
        "article_title",
        "--source-column",
        "source",
        "--id-column",
        "unit_id",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let store = sitrep_store::Store::open(&db).unwrap();
    let a = store.article("7").unwrap().unwrap();
    assert_eq!(a.published.unwrap().to_string(), "2017-04-05");
    assert_eq!(
        (a.title.as_deref(), a.source.as_deref()),
        (Some("Strike on depot"), Some("wire"))
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn nothing_readable_is_a_failure() {
    let dir = scratch("none");
    std::fs::write(dir.join("x.jsonl"), "not json\n").unwrap();
    let out = sitrep(&[
        "ingest",
        dir.join("x.jsonl").to_str().unwrap(),
        "--db",
        dir.join("n.db").to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("x.jsonl:1: bad JSON"));
    let missing = sitrep(&["events", "--db", dir.join("missing.db").to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(text(&missing.stderr).contains("no such database"));
    // a read-only server on a database that is not there is a typo, not an empty store
    let missing_db = dir.join("missing2.db");
    let served = sitrep(&["serve", "--db", missing_db.to_str().unwrap(), "--port", "0"]);
    assert!(!served.status.success());
    assert!(text(&served.stderr).contains("no such database"));
    assert!(!missing_db.exists(), "nothing is created");
    // contradictory options are errors, not "0 events" or another format
    for args in [
        &[
            "events",
            "--db",
            "unused.db",
            "--unfused",
            "--format",
            "fused",
        ][..],
        &[
            "events",
            "--db",
            "unused.db",
            "--from",
            "2024-05-01",
            "--to",
            "2024-01-01",
        ][..],
    ] {
        let out = sitrep(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(text(&out.stderr).contains("--"), "{}", text(&out.stderr));
    }
    // a type ACLED has not is an error, not "0 events"
    let unknown_type = sitrep(&["events", "--db", "unused.db", "--type", "Battle"]);
    assert!(!unknown_type.status.success());
    assert!(text(&unknown_type.stderr).contains("no ACLED event type"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn read_prints_the_reading_as_json() {
    let out = sitrep(&[
        "read",
        "data/sample/syria-daraa-ceasefire.txt",
        "--published",
        "2021-08-27",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article_id"], "sample-syria-daraa-ceasefire");
    assert!(v["events"].is_array());
    // several articles: one reading a line (JSON Lines)
    let out = sitrep(&["read", "data/sample/reports.jsonl"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 1 && lines.iter().all(|v| v["events"].is_array()));
}

#[test]
fn bench_reports_throughput_as_json() {
    let out = sitrep(&["bench", "data/sample", "--min-mb", "0.01", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["corpus_articles"], 11);
    assert!(v["articles"].as_u64().unwrap() >= 11);
    assert!(v["mb"].as_f64().unwrap() >= 0.01);
    assert_eq!(v["stages"].as_array().unwrap().len(), 7);
}

#[test]
fn gazetteer_build_and_eval_name_a_missing_file() {
    let dir = scratch("missing");
    let out = sitrep(&[
        "gazetteer",
        "build",
        "--places",
        "/nonexistent/cities500.json.gz",
        "--admin1",
        "/nonexistent/admin1.txt",
        "--countries",
        "/nonexistent/countries.json",
        "--out",
        dir.join("g.idx.gz").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("/nonexistent/"),
        "{}",
        text(&out.stderr)
    );
    let out = sitrep(&["eval", "case", "/nonexistent/task2-dev.tsv"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("/nonexistent/task2-dev.tsv"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_merge_by_the_user_holds_and_candidates_list_close_calls() {
    let dir = scratch("merge");
    let db = dir.join("m.db");
    let db = db.to_str().unwrap();
    assert!(sitrep(&["ingest", "data/sample", "--db", db, "--quiet"])
        .status
        .success());
    let listed = sitrep(&["candidates", "--db", db]);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert!(
        text(&listed.stdout).contains("pairs of fused events scored"),
        "{}",
        text(&listed.stdout)
    );
    let json = sitrep(&["candidates", "--db", db, "--json"]);
    assert!(json.status.success(), "{}", text(&json.stderr));
    for line in text(&json.stdout).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["score"].as_f64().unwrap() < 0.75, "{line}");
    }
    // the roadside bomb and the sentence that places its blast in Afgoye district: one
    // bombing, which the reader left as two
    let (bomb, blast) = ("F:sample-somalia-ied#1", "F:sample-somalia-ied#2");
    let merged = sitrep(&["merge", bomb, blast, "--db", db]);
    assert!(merged.status.success(), "{}", text(&merged.stderr));
    assert!(
        text(&merged.stdout).contains(&format!("they are now {bomb} (2 mentions")),
        "{}",
        text(&merged.stdout)
    );
    let full = sitrep(&["fuse", "--full", "--db", db]);
    assert!(
        text(&full.stdout).contains("0 split pairs, 1 merged pairs"),
        "{}",
        text(&full.stdout)
    );
    let store = sitrep_store::Store::open(db).unwrap();
    let event = store.fused_event(bomb).unwrap().unwrap();
    assert_eq!(event.members.len(), 2);
    assert!(store.fused_event(blast).unwrap().is_none());
    drop(store);
    // unmerge: fused as before
    let undone = sitrep(&["unmerge", bomb, "--db", db]);
    assert!(undone.status.success(), "{}", text(&undone.stderr));
    let store = sitrep_store::Store::open(db).unwrap();
    assert!(store.fused_event(blast).unwrap().is_some());
    drop(store);
    assert!(!sitrep(&["unmerge", bomb, "--db", db]).status.success());
    let bad = sitrep(&["merge", bomb, "F:nope", "--db", db]);
    assert!(!bad.status.success());
    assert!(
        text(&bad.stderr).contains("no fused event \"F:nope\""),
        "{}",
        text(&bad.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_article_too_long_for_one_report_is_refused_by_name_and_the_rest_read() {
    let dir = scratch("huge");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).unwrap();
    // a corpus glued into one file: over a megabyte of text without article breaks
    let glued = "Gunmen killed four people in the market of Northtown on Tuesday. ".repeat(17_000);
    std::fs::write(input.join("glued-2021-03-02.txt"), glued).unwrap();
    std::fs::write(
        input.join("report-2021-03-02.txt"),
        "Gunmen killed four people in the market of Maiduguri on Tuesday, police said.",
    )
    .unwrap();
    let db = dir.join("h.db");
    let out = sitrep(&[
        "ingest",
        input.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("glued-2021-03-02.txt") && err.contains("not read, not stored"),
        "{err}"
    );
    assert!(
        text(&out.stdout).contains("read 2 articles: 1 new, 0 duplicates; 1 failed"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_updated_article_is_read_anew_and_its_earlier_text_kept() {
    let dir = scratch("changed");
    let db = dir.join("c.db");
    let line = |toll: u32, day: &str| {
        format!(
            "{{\"id\":\"x1\",\"text\":\"A car bomb killed {toll} people in Homs on Monday.\",\"published\":\"{day}\"}}\n"
        )
    };
    let first = dir.join("first.jsonl");
    let second = dir.join("second.jsonl");
    let stale = dir.join("stale.jsonl");
    std::fs::write(&first, line(19, "2016-05-03")).unwrap();
    std::fs::write(&second, line(21, "2016-05-03")).unwrap();
    std::fs::write(&stale, line(12, "2016-05-02")).unwrap();
    let db_arg = db.to_str().unwrap();
    let fatalities = || {
        let out = sitrep(&["events", "--db", db_arg, "--format", "jsonl"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["fatalities"].as_u64().unwrap()
            })
            .collect::<Vec<_>>()
    };
    assert!(
        sitrep(&["ingest", first.to_str().unwrap(), "--db", db_arg, "-q"])
            .status
            .success()
    );
    assert_eq!(fatalities(), [19]);
    // the same id with other text: an update, read in place of the stored text
    let out = sitrep(&["ingest", second.to_str().unwrap(), "--db", db_arg]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("second.jsonl:1: article x1 updated")
            && text(&out.stderr).contains("1 earlier version now"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stdout).contains("0 new, 1 updated, 0 duplicates;"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(fatalities(), [21], "one event, the updated toll");
    // the first snapshot again changes nothing; an older text (published earlier) is only kept
    let out = sitrep(&["ingest", first.to_str().unwrap(), "--db", db_arg]);
    assert!(
        text(&out.stdout).contains("0 new, 1 duplicate;"),
        "{}",
        text(&out.stdout)
    );
    let out = sitrep(&["ingest", stale.to_str().unwrap(), "--db", db_arg]);
    assert!(
        text(&out.stderr).contains("stored with other text published later"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fatalities(), [21]);
    let store = sitrep_store::Store::open(&db).unwrap();
    let versions: i64 = store
        .connection()
        .query_row("SELECT COUNT(*) FROM article_versions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(versions, 2, "the first and the stale text are both kept");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn feeds_are_read_item_by_item_and_a_later_snapshot_adds_only_new_items() {
    let dir = scratch("feed");
    let feed = |items: &str| {
        format!(
            "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Border Wire</title>\n{items}</channel></rss>\n"
        )
    };
    let strike = "<item><guid>bw-1</guid><title>Strike</title><pubDate>Wed, 06 May 2020 09:00:00 +0300</pubDate>\
        <description>&lt;p&gt;Government air strikes hit the town of Kafr Nabl on Tuesday, killing three civilians.&lt;/p&gt;</description></item>\n";
    let protest = "<item><guid>bw-2</guid><title>Protest</title><pubDate>Thu, 07 May 2020 10:00:00 +0300</pubDate>\
        <description>Hundreds of people protested in Sweida on Wednesday against rising prices.</description></item>\n";
    std::fs::write(dir.join("monday.rss"), feed(strike)).unwrap();
    std::fs::write(dir.join("tuesday.rss"), feed(&format!("{protest}{strike}"))).unwrap();
    std::fs::write(
        dir.join("broken.xml"),
        "<rss><channel>\n<item></channel></rss>",
    )
    .unwrap();
    let db = dir.join("f.db");
    let db = db.to_str().unwrap();
    let out = sitrep(&["ingest", dir.to_str().unwrap(), "--db", db, "--quiet"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("broken.xml:2: bad XML"), "{err}");
    let summary = text(&out.stdout);
    assert!(
        summary.contains("read 3 articles: 2 new, 1 duplicate"),
        "the second snapshot repeats bw-1: {summary}"
    );
    let store = sitrep_store::Store::open(db).unwrap();
    let strike = store.article("Border Wire#bw-1").unwrap().unwrap();
    assert_eq!(strike.source.as_deref(), Some("Border Wire"));
    assert_eq!(strike.published.unwrap().to_string(), "2020-05-06");
    drop(store);
    let events = sitrep(&["events", "--db", db, "--format", "jsonl"]);
    let listed = text(&events.stdout);
    assert!(
        listed.contains("Air/drone strike") && listed.contains("2020-05-05"),
        "{listed}"
    );
    assert!(listed.contains("Peaceful protest"), "{listed}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn explain_parts_ids_that_hold_commas() {
    // Atom ids are often tag URIs with a comma ("tag:wire.example,2024:17")
    let dir = scratch("explain");
    let db = dir.join("e.db");
    let jsonl = dir.join("a.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":\"tag:wire.example,2024:1\",\"published\":\"2024-03-05\",\"text\":\"Shelling killed four civilians in Taiz on Monday.\"}\n\
         {\"id\":\"tag:post.example,2024:2\",\"published\":\"2024-03-05\",\"text\":\"Four civilians died when shells hit Taiz on Monday, medics said.\"}\n",
    )
    .unwrap();
    let db_arg = db.to_str().unwrap();
    assert!(
        sitrep(&["ingest", jsonl.to_str().unwrap(), "--db", db_arg, "-q"])
            .status
            .success()
    );
    let out = sitrep(&[
        "fuse",
        "--db",
        db_arg,
        "--explain",
        "tag:wire.example,2024:1#1,tag:post.example,2024:2#1",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("tag:wire.example,2024:1#1 tag:post.example,2024:2#1 "),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The stderr of a failed run, which must be one line.
fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success(), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

#[test]
fn a_file_that_is_no_sqlite_database_is_named() {
    let dir = scratch("notdb");
    let db = dir.join("notdb.db");
    let csv = "id,date,text\nn1,2024-01-09,Rebels shelled a market.\n";
    std::fs::write(&db, csv).unwrap();
    let db_arg = db.to_str().unwrap();
    for args in [
        &["events", "--db", db_arg][..],
        &["ingest", "data/sample", "--db", db_arg, "-q"][..],
    ] {
        assert_eq!(
            one_line_error(&sitrep(args)),
            format!("sitrep: error: {db_arg} is not an SQLite database"),
            "{args:?}"
        );
    }
    assert_eq!(std::fs::read_to_string(&db).unwrap(), csv, "left as it was");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn another_programs_database_is_refused_and_an_empty_one_is_only_filled_by_ingest() {
    let dir = scratch("foreign");
    let db = dir.join("other.db");
    let db_arg = db.to_str().unwrap();
    // another program's tables, one of them named as one of sitrep's
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT);
             CREATE TABLE articles (id INTEGER PRIMARY KEY, body TEXT);",
        )
        .unwrap();
    let tables = |path: &Path| -> i64 {
        rusqlite::Connection::open(path)
            .unwrap()
            .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(tables(&db), 2);
    let refusal =
        format!("sitrep: error: {db_arg} is not a sitrep store (it has tables: articles, people); give another --db");
    for args in [
        &["ingest", "data/sample", "--db", db_arg, "-q"][..],
        &["events", "--db", db_arg][..],
        &["stories", "--db", db_arg][..],
        &["fuse", "--db", db_arg][..],
    ] {
        assert_eq!(one_line_error(&sitrep(args)), refusal, "{args:?}");
    }
    assert_eq!(tables(&db), 2, "no table of sitrep's added");

    let empty = dir.join("empty.db");
    let empty_arg = empty.to_str().unwrap();
    std::fs::write(&empty, b"").unwrap();
    let err = one_line_error(&sitrep(&["events", "--db", empty_arg]));
    assert!(err.contains("holds no sitrep store yet"), "{err}");
    assert_eq!(
        std::fs::metadata(&empty).unwrap().len(),
        0,
        "events wrote nothing"
    );
    let ingested = sitrep(&["ingest", "data/sample", "--db", empty_arg, "-q"]);
    assert!(ingested.status.success(), "{}", text(&ingested.stderr));
    assert!(sitrep(&["events", "--db", empty_arg]).status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// How to run `sitrep` as a user the permissions of `read_only` bind: the test's own user, or
/// (when it is root, whom they do not bind) nobody through `setpriv`; `None` when neither can.
fn bound_by_permissions(read_only: &Path) -> Option<Vec<String>> {
    if std::fs::OpenOptions::new()
        .append(true)
        .open(read_only)
        .is_err()
    {
        return Some(Vec::new());
    }
    let nobody = [
        "setpriv",
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
    ];
    let works = Command::new(nobody[0])
        .args(&nobody[1..])
        .arg("true")
        .status()
        .is_ok_and(|s| s.success());
    works.then(|| nobody.iter().map(|s| s.to_string()).collect())
}

#[cfg(unix)]
#[test]
fn commands_that_only_read_work_on_a_read_only_store() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("readonly");
    let store_dir = dir.join("store");
    std::fs::create_dir_all(&store_dir).unwrap();
    let db = store_dir.join("ro.db");
    let stale = store_dir.join("stale.db");
    let db_arg = db.to_str().unwrap();
    let ingested = sitrep(&["ingest", "data/sample", "--db", db_arg, "-q"]);
    assert!(ingested.status.success(), "{}", text(&ingested.stderr));
    let listed = sitrep(&["events", "--db", db_arg]);
    assert!(listed.status.success());
    std::fs::copy(&db, &stale).unwrap();
    // a store with articles fusion has not taken in (an ingest stopped before fusing)
    sitrep_store::Store::open(&stale)
        .unwrap()
        .connection()
        .execute("DELETE FROM fusion_articles", [])
        .unwrap();
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    for path in [&dir, &store_dir] {
        mode(path, 0o755);
    }
    mode(&db, 0o444);
    mode(&stale, 0o444);
    mode(&store_dir, 0o555);
    let Some(runner) = bound_by_permissions(&db) else {
        eprintln!("skipped: root, and no setpriv to run as another user");
        mode(&store_dir, 0o755);
        std::fs::remove_dir_all(&dir).unwrap();
        return;
    };
    // `sitrep`, run as that user
    let as_bound_user = || -> Command {
        let mut command = match runner.split_first() {
            Some((program, rest)) => {
                let mut c = Command::new(program);
                c.args(rest).arg(env!("CARGO_BIN_EXE_sitrep"));
                c
            }
            None => Command::new(env!("CARGO_BIN_EXE_sitrep")),
        };
        command.current_dir(repo_root());
        command
    };
    let run = |args: &[&str]| -> Output {
        as_bound_user()
            .args(args)
            .output()
            .expect("the binary runs")
    };
    let events = run(&["events", "--db", db_arg]);
    assert!(events.status.success(), "{}", text(&events.stderr));
    assert_eq!(events.stdout, listed.stdout, "the same events as before");
    for args in [
        &["events", "--db", db_arg, "--unfused", "--format", "jsonl"][..],
        &["stories", "--db", db_arg][..],
        &["candidates", "--db", db_arg][..],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    // the server without --ingest-token opens it read-only too, and answers
    let mut server = as_bound_user()
        .args(["serve", "--db", db_arg, "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut said = String::new();
    let mut stderr = std::io::BufReader::new(server.stderr.take().unwrap());
    while std::io::BufRead::read_line(&mut stderr, &mut said).unwrap_or(0) > 0 {
        if said.contains("http://") {
            break;
        }
    }
    let address = said
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .map(str::to_string);
    let answer = address.map(|address| {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        write!(
            stream,
            "GET /api/meta HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        answer
    });
    let _ = server.kill();
    let _ = server.wait();
    assert!(said.contains("read-only"), "{said}");
    let answer = answer.unwrap_or_default();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    let stale_arg = stale.to_str().unwrap();
    let err = one_line_error(&run(&["events", "--db", stale_arg]));
    assert_eq!(
        err,
        format!("sitrep: error: {stale_arg} is read-only and needs fusion brought up to date (11 articles not fused yet), which a read-only open cannot do; run `sitrep fuse --db {stale_arg}` once with write access to it")
    );
    let unfused = run(&["events", "--db", stale_arg, "--unfused"]);
    assert!(unfused.status.success(), "{}", text(&unfused.stderr));
    mode(&store_dir, 0o755);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_csv_quote_left_open_is_a_warning_naming_where_it_opened() {
    let dir = scratch("badquote");
    let csv = dir.join("badquote.csv");
    std::fs::write(
        &csv,
        "id,date,text\n\
         b1,2024-02-06,\"Insurgents burned two schools in the district on Monday, elders said.\"\n\
         b2,2024-02-06,\"this field never closes its quote\n\
         b3,2024-02-07,\"Militiamen abducted 12 traders on the market road on Tuesday.\"\n\
         b4,2024-02-08,\"Flooding displaced hundreds of families.\n\nAid groups, overwhelmed, asked for help.\"\n",
    )
    .unwrap();
    let db = dir.join("q.db");
    let out = sitrep(&[
        "ingest",
        csv.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    // a warning, as README says of input read but maybe not as meant: the status stays 0
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let warned = format!(
        "sitrep: warning: {}:3: a quoted field opens here",
        csv.display()
    );
    assert!(err.contains(&warned), "{err}");
    assert!(err.contains("first on line 4"), "{err}");
    assert_eq!(
        err.matches("quoted field").count(),
        1,
        "b4's paragraphs are fine: {err}"
    );
    assert!(
        text(&out.stdout).contains("1 warning"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
