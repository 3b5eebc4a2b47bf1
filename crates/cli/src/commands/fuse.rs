//! `sitrep fuse --db FILE`: bring fusion up to date (or redo it with `--full`); `--audit N`
//! prints random merges and near-misses to read; `--bench 1,4,16` times fusion on the corpus
//! repeated: whole, and ingesting a batch of new articles into a store that holds it.

use super::{write_stdout, CliError};
use chrono::NaiveDate;
use clap::Args;
use sitrep_fuse::{Fuser, Mention, PairScore, MERGE_THRESHOLD, NEAR_MISS_FLOOR};
use sitrep_model::Claim;
use sitrep_store::{FusionInput, Store};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `sitrep fuse`.
#[derive(Debug, Args)]
pub struct FuseArgs {
    /// The database.
    #[arg(long, default_value = "sitrep.db")]
    pub db: PathBuf,
    /// Forget the stored decisions (not the users' splits and merges) and fuse the whole corpus again.
    #[arg(long)]
    pub full: bool,
    /// Print this many random merges and near-misses (score 0.55 up to the threshold) to audit.
    #[arg(long)]
    pub audit: Option<usize>,
    /// Seed of the audit sample.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Explain how two mentions compare (`MENTION_A,MENTION_B`; repeat for more pairs): each
    /// cue's score and why, or the veto that keeps them apart.
    #[arg(long, value_name = "A,B")]
    pub explain: Vec<String>,
    /// Time fusion on the corpus repeated these many times (e.g. `1,4,16`): whole, in memory
    /// and in a store, and ingesting 100 new articles into that store.
    #[arg(long, value_delimiter = ',')]
    pub bench: Vec<usize>,
}

/// Run the command.
pub fn run(args: FuseArgs) -> Result<ExitCode, CliError> {
    super::events::require_db(&args.db)?;
    let mut store = Store::open(&args.db)?;
    if let Some(n) = args.audit {
        let fuser = stored_in_memory(&store)?;
        write_stdout(audit(&fuser, n, args.seed).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.explain.is_empty() {
        let fuser = stored_in_memory(&store)?;
        write_stdout(explain(&fuser, &args.explain)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.bench.is_empty() {
        let report = bench(&store.fusion_inputs()?, &args.bench)?;
        write_stdout(report.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let run = if args.full {
        store.refuse_all()?
    } else {
        store.fuse()?
    };
    let c = store.fusion_counts()?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "fused {} new articles ({} mentions; {}): {} fused events written, {} near-duplicates",
        run.articles,
        run.mentions,
        if run.full {
            "the whole corpus".to_string()
        } else {
            format!("{} stored fused events read", run.fused_read)
        },
        run.fused_written,
        run.near_duplicates
    );
    let _ = writeln!(
        out,
        "store: {} conflict mentions -> {} fused conflict events ({} of all fused events merge 2+ mentions); {} near-duplicate articles, {} links, {} stories; users' decisions: {} split pairs, {} merged pairs",
        c.conflict_mentions, c.fused_conflict_events, c.merged_events, c.near_duplicates, c.links, c.stories, c.splits, c.joins
    );
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// The store's corpus fused in memory as the store fuses it (with the users' splits and merges),
/// every mention and fused event at hand for audits and comparisons.
pub(super) fn stored_in_memory(store: &Store) -> Result<Fuser, CliError> {
    let mut fuser = store.user_fuser()?;
    for (a, e, c) in &store.fusion_inputs()? {
        fuser.add_article(a, e, c);
    }
    Ok(fuser)
}

fn in_memory(inputs: &[FusionInput]) -> Fuser {
    let mut fuser = Fuser::default();
    for (a, e, c) in inputs {
        fuser.add_article(a, e, c);
    }
    fuser
}

/// Articles in the batch that `--bench` ingests into an existing store.
const BENCH_BATCH: usize = 100;

/// How far back from the end of the store (percent of its articles) the benchmark updates an
/// article.
const UPDATE_BACK: [usize; 2] = [1, 5];

/// Time fusion on the corpus repeated `k` times, for each `k` of `factors`: fusing it whole in
/// memory and in a store (`sitrep fuse --full`), then ingesting a batch of [`BENCH_BATCH`] new
/// articles into that store (incremental). Copy `i` is the corpus moved `i` corpus spans later
/// with its article texts made its own (a corpus covering a `k` times longer period: as many
/// reports a day, and only the near-duplicates the corpus has); "same days" puts the `k` copies
/// on the same days instead (`k` times as many reports of every event). Two batches follow:
/// news (the last-published articles of the last copy, as new texts on their days: more reports
/// of the latest events, fused after what comes before them in fusion order), then a backfill
/// (articles spread over the corpus, as new texts on the first copy's days: reports published
/// before most of the store, which is fused again from the earliest of them on). Last, an
/// article 1 % and one 5 % from the end of the store in fusion order are updated (another
/// text, one more dead in each event) and fusion goes again from each.
pub fn bench(inputs: &[FusionInput], factors: &[usize]) -> Result<String, CliError> {
    let span = corpus_span_days(inputs);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} articles, dates over {span} days; each copy of the corpus moved one span later, texts its own",
        inputs.len()
    );
    for &k in factors {
        let k = k.max(1);
        let corpus: Vec<FusionInput> = (0..k)
            .flat_map(|i| copy(inputs, &i.to_string(), span * i as i64))
            .collect();
        let dense: Vec<FusionInput> = (0..k)
            .flat_map(|i| copy(inputs, &i.to_string(), 0))
            .collect();
        for (mode, corpus) in [("successive spans", &corpus), ("same days", &dense)] {
            let started = Instant::now();
            let fuser = in_memory(corpus);
            let secs = started.elapsed().as_secs_f64();
            let _ = writeln!(
                out,
                "{k:>3}x {mode:<16} in memory: {:>6} articles {:>7} mentions -> {:>7} fused events: {:.3} s, {:.1} us/article",
                corpus.len(),
                fuser.mentions.len(),
                fuser.clusters.len(),
                secs,
                secs * 1e6 / corpus.len().max(1) as f64
            );
        }
        // on disk: the whole corpus fused in a store, then a batch ingested into it
        let path =
            std::env::temp_dir().join(format!("sitrep-fuse-bench-{}.db", std::process::id()));
        let remove = |path: &std::path::Path| {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
            }
        };
        remove(&path);
        let mut store = Store::open(&path)?;
        insert_all(&mut store, &corpus)?;
        let started = Instant::now();
        let full = store.refuse_all()?;
        let secs = started.elapsed().as_secs_f64();
        let _ = writeln!(
            out,
            "{k:>3}x store, full recompute:    {:>6} articles: {:.3} s, {:.1} us/article",
            full.articles,
            secs,
            secs * 1e6 / full.articles.max(1) as f64
        );
        // news: more reports of the latest events
        let latest = in_fusion_order(corpus.iter());
        let picked: Vec<FusionInput> = latest
            .iter()
            .rev()
            .take(BENCH_BATCH)
            .map(|&i| i.clone())
            .collect();
        let news = copy(&picked, "news", 0);
        // a backfill: reports published over the whole period
        let step = (inputs.len() / BENCH_BATCH).max(1);
        let picked: Vec<FusionInput> = inputs
            .iter()
            .step_by(step)
            .take(BENCH_BATCH)
            .cloned()
            .collect();
        let backfill = copy(&picked, "new", 0);
        for (what, batch) in [("news", &news), ("backfill", &backfill)] {
            insert_all(&mut store, batch)?;
            let started = Instant::now();
            let run = store.fuse()?;
            let secs = started.elapsed().as_secs_f64();
            let _ = writeln!(
                out,
                "{k:>3}x store, {what}: {} new articles, {} fused with them{}: {} mentions, {} stored fused events read, {} written: {:.3} s, {:.1} us per new article",
                batch.len(),
                run.articles,
                if run.full { " (the whole store)" } else { "" },
                run.mentions,
                run.fused_read,
                run.fused_written,
                secs,
                secs * 1e6 / batch.len().max(1) as f64
            );
        }
        // an update of an article stored late (a feed item whose toll rose): fused again
        // from it on
        for back in UPDATE_BACK {
            let stored = in_fusion_order(corpus.iter().chain(&news).chain(&backfill));
            let (article, events, claims) = stored[stored.len() - 1 - stored.len() * back / 100];
            let article = sitrep_model::Article {
                text: format!("{} (Updated.)", article.text),
                ..article.clone()
            };
            let events: Vec<_> = events
                .iter()
                .map(|e| sitrep_model::Event {
                    fatalities: e.fatalities + 1,
                    ..e.clone()
                })
                .collect();
            insert_all(&mut store, &[(article.clone(), events, claims.clone())])?;
            let started = Instant::now();
            let run = store.refuse_from(&[article.id.as_str()])?;
            let secs = started.elapsed().as_secs_f64();
            let _ = writeln!(
                out,
                "{k:>3}x store, update of an article {back} % from the end: {} articles fused again{}: {:.3} s",
                run.articles,
                if run.full { " (the whole store)" } else { "" },
                secs,
            );
        }
        drop(store);
        remove(&path);
    }
    Ok(out)
}

/// Fusion inputs in the order the store fuses them: by publication (undated first), then id.
fn in_fusion_order<'a>(inputs: impl Iterator<Item = &'a FusionInput>) -> Vec<&'a FusionInput> {
    let mut out: Vec<&FusionInput> = inputs.collect();
    out.sort_by(|a, b| (a.0.published, &a.0.id).cmp(&(b.0.published, &b.0.id)));
    out
}

/// Insert fusion inputs into a store as read articles, in one transaction.
fn insert_all(store: &mut Store, inputs: &[FusionInput]) -> Result<(), CliError> {
    let mut batch = store.batch()?;
    for (article, events, claims) in inputs {
        let reading = sitrep_model::Reading {
            article_id: article.id.clone(),
            events: events.clone(),
            standalone_claims: claims.clone(),
            ..Default::default()
        };
        batch.insert(article, &reading)?;
    }
    batch.commit()?;
    Ok(())
}

/// Days from the earliest to the latest date of the corpus (publication and event dates), plus one.
fn corpus_span_days(inputs: &[FusionInput]) -> i64 {
    let dates = inputs.iter().flat_map(|(a, events, _)| {
        a.published.into_iter().chain(
            events
                .iter()
                .flat_map(|e| e.date.date.into_iter().chain(e.date.end)),
        )
    });
    let (min, max) = dates.fold(
        (None, None),
        |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
            (
                Some(lo.map_or(d, |l| l.min(d))),
                Some(hi.map_or(d, |h| h.max(d))),
            )
        },
    );
    min.zip(max).map_or(1, |(a, b)| (b - a).num_days() + 1)
}

/// A copy of the corpus: ids suffixed `~tag`, every date moved `days` later, and article texts
/// made its own (each word suffixed with the tag, so that copies are not near-duplicates of each
/// other while the copy's own near-duplicates stay so).
fn copy(inputs: &[FusionInput], tag: &str, days: i64) -> Vec<FusionInput> {
    let shift = |d: NaiveDate| d + chrono::Duration::days(days);
    inputs
        .iter()
        .map(|(a, events, claims)| {
            let mut a = a.clone();
            a.id = format!("{}~{tag}", a.id);
            a.published = a.published.map(shift);
            a.text = a
                .text
                .split_whitespace()
                .map(|w| format!("{w}q{tag}"))
                .collect::<Vec<_>>()
                .join(" ");
            let own = |c: &Claim| Claim {
                article_id: a.id.clone(),
                ..c.clone()
            };
            let events = events
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    e.id = format!("{}~{tag}", e.id);
                    e.date.date = e.date.date.map(shift);
                    e.date.end = e.date.end.map(shift);
                    if let Some(t) = &mut e.valid_until {
                        if let Some(d) =
                            t.at.get(..10)
                                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                        {
                            t.at = format!("{}{}", shift(d), &t.at[10..]);
                        }
                    }
                    e.article_ids = vec![a.id.clone()];
                    e.claims = e.claims.iter().map(own).collect();
                    e
                })
                .collect();
            let claims = claims.iter().map(own).collect();
            (a.clone(), events, claims)
        })
        .collect()
}

/// Each pair's comparison: `A B total` (or `A B veto: why`), then its cues.
fn explain(fuser: &Fuser, pairs: &[String]) -> Result<String, CliError> {
    let mut out = String::new();
    for pair in pairs {
        // ids may hold commas themselves (an Atom id "tag:saba.example,2024:4403#1"): the
        // comma that parts two known mentions, else the first
        let commas: Vec<usize> = pair.match_indices(',').map(|(i, _)| i).collect();
        let Some(&first) = commas.first() else {
            return Err(CliError::Store(sitrep_store::StoreError::NotFound(
                format!("--explain {pair:?}: expected two mention ids separated by a comma"),
            )));
        };
        let parted = |at: usize| (pair[..at].trim(), pair[at + 1..].trim());
        let at = commas
            .iter()
            .copied()
            .find(|&at| {
                let (a, b) = parted(at);
                fuser.explain_pair(a, b).is_some()
            })
            .unwrap_or(first);
        let (a, b) = parted(at);
        match fuser.explain_pair(a, b) {
            None => {
                return Err(CliError::Store(sitrep_store::StoreError::NotFound(
                    format!("--explain {pair:?}: no mention {a:?} or {b:?} in this database"),
                )))
            }
            Some(PairScore::Veto(why)) => {
                let _ = writeln!(out, "{a} {b} veto: {why}");
            }
            Some(PairScore::Score { total, cues }) => {
                let _ = writeln!(out, "{a} {b} {total:.3}");
                for c in cues {
                    let _ = writeln!(out, "      {} {:.2}: {}", c.cue, c.score, c.detail);
                }
            }
        }
        if let Some(outcome) = fuser.outcome(a, b) {
            let _ = writeln!(out, "      => {outcome}");
        }
    }
    Ok(out)
}

/// A mention on two lines: id, kind, date, place, actors, outlet; then its sentence.
pub(super) fn describe(m: &Mention) -> String {
    let e = &m.event;
    let place = e.location.as_ref().map_or("?".to_string(), |p| {
        format!("{} ({})", p.name, p.admin1.as_deref().unwrap_or("?"))
    });
    let actors = [&e.actor1, &e.actor2]
        .iter()
        .map(|a| a.as_ref().map_or("-", |a| a.name.as_str()))
        .collect::<Vec<_>>()
        .join(" / ");
    let mut notes: String = e.notes.chars().take(260).collect();
    if e.notes.chars().count() > 260 {
        notes.push('…');
    }
    format!(
        "    {} | {} | {} {:?} (published {}) | {} | {} | {}\n      \"{}\"",
        e.id,
        e.sub_event_type.acled_name(),
        e.date.date.map_or("undated".into(), |d| d.to_string()),
        e.date.precision,
        m.published.map_or("?".into(), |d| d.to_string()),
        place,
        actors,
        m.source.as_deref().unwrap_or("?"),
        notes.replace('\n', " ")
    )
}

/// A reproducible pseudo-random sample of `n` out of `len` indices.
fn sample(len: usize, n: usize, seed: u64) -> Vec<usize> {
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
    let mut idx: Vec<usize> = (0..len).collect();
    for i in (1..len).rev() {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        idx.swap(i, (state >> 33) as usize % (i + 1));
    }
    idx.truncate(n);
    idx
}

fn audit(fuser: &Fuser, n: usize, seed: u64) -> String {
    let mut out = String::new();
    // merges across articles: a member that matched another mention of another article
    let mut merges = Vec::new();
    for c in &fuser.clusters {
        for (&m, p) in c.members.iter().zip(&c.provenance) {
            if let Some(matched) = &p.matched {
                let other = c
                    .members
                    .iter()
                    .copied()
                    .find(|&o| fuser.mentions[o].id() == matched);
                if let Some(o) = other {
                    if fuser.mentions[o].article_id != fuser.mentions[m].article_id {
                        merges.push((m, o, p.total, p.cues.clone()));
                    }
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "== {} cross-article merges; sample of {n} (seed {seed})",
        merges.len()
    );
    for (k, i) in sample(merges.len(), n, seed).into_iter().enumerate() {
        let (m, o, total, cues) = &merges[i];
        let _ = writeln!(out, "M{:02} score {total:.2}", k + 1);
        let _ = writeln!(
            out,
            "{}\n{}",
            describe(&fuser.mentions[*m]),
            describe(&fuser.mentions[*o])
        );
        for c in cues {
            let _ = writeln!(out, "      {} {:.2}: {}", c.cue, c.score, c.detail);
        }
    }
    let misses: Vec<_> = fuser
        .near_misses(NEAR_MISS_FLOOR)
        .into_iter()
        .filter(|(m, c, _, _)| {
            fuser.clusters[*c]
                .members
                .iter()
                .any(|&o| fuser.mentions[o].article_id != fuser.mentions[*m].article_id)
        })
        .collect();
    let _ = writeln!(
        out,
        "\n== {} near-misses ({NEAR_MISS_FLOOR} <= score < {MERGE_THRESHOLD}); sample of {n}",
        misses.len()
    );
    let d = fuser.split_diagnostics(NEAR_MISS_FLOOR);
    let _ = writeln!(
        out,
        "   split: {} of {} near-misses (any article) lie between two fused events one mention scores over the threshold against ({} such pairs, {} vetoed across); {} fused events have one member vetoing a mention another accepts ({} cases, {} outvoted by two members or more)",
        d.near_misses_bridged,
        d.near_misses,
        d.bridged_cluster_pairs,
        d.bridged_pairs_vetoed,
        d.clusters_with_lone_veto,
        d.lone_vetoed_mentions,
        d.outvoted_vetoed_mentions
    );
    for (k, i) in sample(misses.len(), n, seed).into_iter().enumerate() {
        let (m, c, total, cues) = &misses[i];
        let o = fuser.clusters[*c]
            .members
            .iter()
            .copied()
            .find(|&o| fuser.mentions[o].article_id != fuser.mentions[*m].article_id)
            .unwrap_or(fuser.clusters[*c].members[0]);
        let _ = writeln!(
            out,
            "N{:02} score {total:.2} (vs {})",
            k + 1,
            fuser.clusters[*c].id
        );
        let _ = writeln!(
            out,
            "{}\n{}",
            describe(&fuser.mentions[*m]),
            describe(&fuser.mentions[o])
        );
        for q in cues {
            let _ = writeln!(out, "      {} {:.2}: {}", q.cue, q.score, q.detail);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sample;

    #[test]
    fn samples_are_distinct_reproducible_and_bounded() {
        let a = sample(100, 10, 7);
        assert_eq!(a, sample(100, 10, 7));
        let mut b = a.clone();
        b.sort();
        b.dedup();
        assert_eq!(b.len(), 10);
        assert!(a.iter().all(|&i| i < 100));
        assert_eq!(sample(3, 10, 1).len(), 3);
    }
}
