//! Measure the classifier on labelled data (evaluation only; reads files given on the command line).
//!
//! ```text
//! cargo run --release -p sitrep-classify --example eval -- case ../shared/data/case2021/task2-dev.tsv [--errors]
//! cargo run --release -p sitrep-classify --example eval -- acled ../shared/data/acled/acled-2020-dev.csv [--errors]
//! cargo run --release -p sitrep-classify --example eval -- speed ../shared/data/fakes/FA-KES-Dataset.csv
//! ```

use std::collections::BTreeMap;
use std::time::Instant;

use sitrep_classify::Classifier;
use sitrep_model::{Span, SubEventType};

/// CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`), when readable:
/// on a shared machine wall time overstates the cost.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Minimal RFC 4180 reader: rows of fields (quoted fields may hold commas, quotes, newlines).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else {
            match c {
                '"' => quoted = true,
                ',' => row.push(std::mem::take(&mut field)),
                '\n' => {
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                '\r' => {}
                _ => field.push(c),
            }
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn label_of(c: &Classifier, text: &str) -> String {
    c.best(text)
        .map(|s| s.sub_event_type.case_label().to_string())
        .unwrap_or_else(|| "NONE".to_string())
}

/// Per-label precision/recall/F1, weighted and macro F1, top confusions.
fn report(pairs: &[(String, String)]) {
    let mut labels: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new(); // tp, fp, fn
    let mut confusions: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (gold, pred) in pairs {
        labels.entry(gold).or_default();
        if gold == pred {
            labels.get_mut(gold.as_str()).unwrap().0 += 1;
        } else {
            labels.get_mut(gold.as_str()).unwrap().2 += 1;
            labels.entry(pred).or_default().1 += 1;
            *confusions.entry((gold, pred)).or_default() += 1;
        }
    }
    let n = pairs.len() as f64;
    let (mut weighted, mut macro_sum, mut macro_n) = (0.0, 0.0, 0);
    println!(
        "{:<32} {:>5} {:>6} {:>6} {:>6}",
        "label", "n", "P", "R", "F1"
    );
    for (label, &(tp, fp, fneg)) in &labels {
        let support = tp + fneg;
        let p = if tp + fp == 0 {
            0.0
        } else {
            tp as f64 / (tp + fp) as f64
        };
        let r = if support == 0 {
            0.0
        } else {
            tp as f64 / support as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        if support > 0 {
            weighted += f * support as f64 / n;
            macro_sum += f;
            macro_n += 1;
            println!("{label:<32} {support:>5} {p:>6.3} {r:>6.3} {f:>6.3}");
        }
    }
    let accuracy = pairs.iter().filter(|(g, p)| g == p).count() as f64 / n;
    println!(
        "n={} accuracy={accuracy:.3} weighted_F1={weighted:.3} macro_F1={:.3}",
        pairs.len(),
        macro_sum / macro_n as f64
    );
    let mut top: Vec<_> = confusions.into_iter().collect();
    top.sort_by_key(|x| std::cmp::Reverse(x.1));
    println!("top confusions (gold -> predicted):");
    for ((g, p), k) in top.into_iter().take(20) {
        println!("  {k:>3}  {g} -> {p}");
    }
}

fn explain(c: &Classifier, text: &str) -> String {
    c.classify_str(text)
        .iter()
        .take(3)
        .map(|s| {
            format!(
                "{}:{:.1}[{}]",
                s.sub_event_type.case_label(),
                s.score,
                s.cue_list()
            )
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (mode, path) = match (args.get(1), args.get(2)) {
        (Some(m), Some(p)) => (m.as_str(), p.as_str()),
        _ => {
            eprintln!("usage: eval (case|acled|speed) PATH [--errors]");
            std::process::exit(2);
        }
    };
    let errors = args.iter().any(|a| a == "--errors");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let built = Instant::now();
    let c = Classifier::embedded();
    if mode == "speed" {
        println!(
            "lexicon built in {:.1} ms",
            built.elapsed().as_secs_f64() * 1e3
        );
    }
    match mode {
        "case" => {
            let mut pairs = Vec::new();
            for (i, line) in text.lines().enumerate().skip(1) {
                let cols: Vec<&str> = line.split('\t').collect();
                if cols.len() < 3 {
                    eprintln!("{path}:{}: expected 3 tab-separated columns", i + 1);
                    continue;
                }
                let (snippet, gold) = (cols[1], cols[2].trim());
                let pred = label_of(c, snippet);
                if errors && pred != gold {
                    println!(
                        "ERR {gold} -> {pred}\n    {snippet}\n    {}",
                        explain(c, snippet)
                    );
                }
                pairs.push((gold.to_string(), pred));
            }
            report(&pairs);
        }
        "acled" => {
            let rows = read_csv(&text);
            let header = &rows[0];
            let col = |name: &str| {
                header
                    .iter()
                    .position(|h| h == name)
                    .unwrap_or_else(|| panic!("{path}: no column {name}"))
            };
            let (notes, et, st) = (col("notes"), col("event_type"), col("sub_event_type"));
            let (mut n, mut et_ok, mut st_ok) = (0, 0, 0);
            let mut pairs = Vec::new();
            for row in rows.iter().skip(1).filter(|r| r.len() > st.max(notes)) {
                n += 1;
                let best = c.best(&row[notes]);
                let pred_st = best
                    .as_ref()
                    .map(|b| b.sub_event_type.acled_name())
                    .unwrap_or("NONE");
                let pred_et = best
                    .as_ref()
                    .map(|b| b.sub_event_type.event_type().acled_name())
                    .unwrap_or("NONE");
                et_ok += usize::from(pred_et == row[et]);
                st_ok += usize::from(pred_st == row[st]);
                if errors && pred_st != row[st] {
                    println!(
                        "ERR {} -> {pred_st}\n    {}\n    {}",
                        row[st],
                        row[notes],
                        explain(c, &row[notes])
                    );
                }
                pairs.push((
                    SubEventType::from_acled(&row[st])
                        .map(|s| s.case_label().to_string())
                        .unwrap_or_else(|| row[st].clone()),
                    best.map(|b| b.sub_event_type.case_label().to_string())
                        .unwrap_or_else(|| "NONE".into()),
                ));
            }
            report(&pairs);
            println!(
                "ACLED notes: n={n} event_type accuracy={:.3} sub_event_type accuracy={:.3}",
                et_ok as f64 / n as f64,
                st_ok as f64 / n as f64
            );
        }
        "speed" => {
            let rows = read_csv(&text);
            let content = rows[0]
                .iter()
                .position(|h| h == "article_content")
                .unwrap_or(2);
            let articles: Vec<&str> = rows
                .iter()
                .skip(1)
                .filter_map(|r| r.get(content))
                .map(|s| s.as_str())
                .collect();
            let bytes: usize = articles.iter().map(|a| a.len()).sum();
            let start = Instant::now();
            let mut hits = 0usize;
            for _ in 0..5 {
                for a in &articles {
                    hits += c.triggers(a, Span::new(0, a.len())).len();
                }
            }
            let el = start.elapsed().as_secs_f64() / 5.0;
            if errors {
                let mut per_rule: BTreeMap<String, usize> = BTreeMap::new();
                for a in &articles {
                    for h in c.triggers(a, Span::new(0, a.len())) {
                        *per_rule.entry(h.rule).or_default() += 1;
                    }
                }
                let mut v: Vec<_> = per_rule.into_iter().collect();
                v.sort_by_key(|x| std::cmp::Reverse(x.1));
                println!("most frequent entries: {:?}", &v[..v.len().min(15)]);
            }
            println!(
                "triggers over whole articles: {:.1} us per 3 KB ({hits} hits)",
                el / (bytes as f64 / 3000.0) * 1e6
            );
            let start = Instant::now();
            let cpu_start = cpu_seconds();
            let mut found = 0usize;
            for _ in 0..5 {
                for a in &articles {
                    // Per sentence, as the events engineer calls it.
                    let mut from = 0;
                    for (i, _) in a.match_indices(". ") {
                        found += c.classify(a, Span::new(from, i + 1)).len();
                        from = i + 2;
                    }
                    found += c.classify(a, Span::new(from, a.len())).len();
                }
            }
            let el = start.elapsed().as_secs_f64() / 5.0;
            let per_3kb = el / (bytes as f64 / 3000.0) * 1e6;
            if let (Some(a), Some(b)) = (cpu_start, cpu_seconds()) {
                println!(
                    "classify per sentence: {:.1} us CPU per 3 KB",
                    (b - a) / 5.0 / (bytes as f64 / 3000.0) * 1e6
                );
            }
            println!(
                "{} articles, {bytes} bytes: {:.1} ms per pass, {per_3kb:.1} us per 3 KB, {found} scores",
                articles.len(),
                el * 1e3
            );
        }
        other => {
            eprintln!("unknown mode {other:?}");
            std::process::exit(2);
        }
    }
}
