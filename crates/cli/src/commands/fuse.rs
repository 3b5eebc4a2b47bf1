//! `sitrep fuse --db FILE`: bring fusion up to date (or redo it with `--full`); `--audit N`
//! prints random merges and near-misses to read; `--bench 1,4,16` times fusion on the corpus
//! repeated.

use super::{write_stdout, CliError};
use clap::Args;
use sitrep_fuse::{Fuser, Mention, PairScore, MERGE_THRESHOLD};
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
    /// Forget the stored decisions (not the splits) and fuse the whole corpus again.
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
    /// Time fusion in memory on the corpus repeated these many times (e.g. `1,4,16`).
    #[arg(long, value_delimiter = ',')]
    pub bench: Vec<usize>,
}

/// Run the command.
pub fn run(args: FuseArgs) -> Result<ExitCode, CliError> {
    super::events::require_db(&args.db)?;
    let mut store = Store::open(&args.db)?;
    if let Some(n) = args.audit {
        let fuser = in_memory(&store.fusion_inputs()?);
        write_stdout(audit(&fuser, n, args.seed).as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.explain.is_empty() {
        let fuser = in_memory(&store.fusion_inputs()?);
        write_stdout(explain(&fuser, &args.explain)?.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if !args.bench.is_empty() {
        let inputs = store.fusion_inputs()?;
        let mut out = String::new();
        for &k in &args.bench {
            for (mode, shift) in [
                ("dates shifted per copy", true),
                ("same dates (denser blocks)", false),
            ] {
                let corpus = repeated(&inputs, k.max(1), shift);
                let started = Instant::now();
                let fuser = in_memory(&corpus);
                let secs = started.elapsed().as_secs_f64();
                let _ = writeln!(
                    out,
                    "{k:>3}x {mode:<27} {:>6} articles {:>7} mentions -> {:>7} fused events: {:.3} s, {:.1} us/article",
                    corpus.len(),
                    fuser.mentions.len(),
                    fuser.clusters.len(),
                    secs,
                    secs * 1e6 / corpus.len().max(1) as f64
                );
            }
        }
        write_stdout(out.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let run = if args.full {
        store.refuse_all()?
    } else {
        store.fuse()?
    };
    let c = store.fusion_counts()?;
    println!(
        "fused {} new articles ({} mentions; {} restored): {} fused events written, {} near-duplicates",
        run.articles, run.mentions, run.restored_articles, run.fused_written, run.near_duplicates
    );
    println!(
        "store: {} conflict mentions -> {} fused conflict events ({} of all fused events merge 2+ mentions); {} near-duplicate articles, {} links, {} stories, {} splits",
        c.conflict_mentions, c.fused_conflict_events, c.merged_events, c.near_duplicates, c.links, c.stories, c.splits
    );
    Ok(ExitCode::SUCCESS)
}

fn in_memory(inputs: &[FusionInput]) -> Fuser {
    let mut fuser = Fuser::default();
    for (a, e, c) in inputs {
        fuser.add_article(a, e, c);
    }
    fuser
}

/// The corpus `k` times; copy `i` has ids suffixed `~i` and, when `shift`, every date moved by
/// `i × 400` days (a corpus covering a longer period), else the same dates (more outlets on the
/// same days).
fn repeated(inputs: &[FusionInput], k: usize, shift: bool) -> Vec<FusionInput> {
    let mut out = Vec::with_capacity(inputs.len() * k);
    for i in 0..k {
        let days = chrono::Duration::days(if shift { 400 * i as i64 } else { 0 });
        for (a, events, claims) in inputs {
            let mut a = a.clone();
            if i > 0 {
                a.id = format!("{}~{i}", a.id);
                a.published = a.published.map(|d| d + days);
            }
            let events = events
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    if i > 0 {
                        e.id = format!("{}~{i}", e.id);
                        e.date.date = e.date.date.map(|d| d + days);
                        e.date.end = e.date.end.map(|d| d + days);
                    }
                    e
                })
                .collect();
            out.push((a, events, claims.clone()));
        }
    }
    out
}

/// Each pair's comparison: `A B total` (or `A B veto: why`), then its cues.
fn explain(fuser: &Fuser, pairs: &[String]) -> Result<String, CliError> {
    let mut out = String::new();
    for pair in pairs {
        let Some((a, b)) = pair.split_once(',') else {
            return Err(CliError::Store(sitrep_store::StoreError::NotFound(
                format!("--explain {pair:?}: expected two mention ids separated by a comma"),
            )));
        };
        let (a, b) = (a.trim(), b.trim());
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
    }
    Ok(out)
}

fn describe(m: &Mention) -> String {
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
        "    {} | {} | {} {:?} | {} | {} | {}\n      \"{}\"",
        e.id,
        e.sub_event_type.acled_name(),
        e.date.date.map_or("undated".into(), |d| d.to_string()),
        e.date.precision,
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
        .near_misses(0.55)
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
        "\n== {} near-misses (0.55 <= score < {MERGE_THRESHOLD}); sample of {n}",
        misses.len()
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
