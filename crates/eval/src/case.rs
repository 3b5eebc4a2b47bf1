//! CASE 2021 task 2: sub-event classification of short snippets, scored by weighted and macro F1.

use std::fmt;
use std::path::Path;
use std::time::Instant;

use serde::Serialize;
use sitrep_extract::Reader;
use sitrep_model::{Article, Reading, SubEventType};

use crate::acled::write_misses;
use crate::metrics::{score_labels, spread, top_confusions, ConfusionPair, LabelScores, Miss};
use crate::{read_to_string, round4, EvalError};

/// The label predicted when no event is read.
pub const NONE_LABEL: &str = "NONE";

/// One labelled snippet.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseSnippet {
    /// The snippet's id.
    pub id: String,
    /// Line in the file (1-based).
    pub line: usize,
    /// The text.
    pub text: String,
    /// The coded class.
    pub label: SubEventType,
}

impl CaseSnippet {
    /// The article sitrep reads: the snippet, with no publication date.
    pub fn article(&self, origin: &str) -> Article {
        Article {
            id: self.id.clone(),
            text: self.text.clone(),
            language: Some("en".into()),
            origin: format!("{origin}:{}", self.line),
            ..Default::default()
        }
    }
}

/// Reads a CASE 2021 task 2 file: `id \t EventSnippet \t SubType`, with an optional header line.
pub fn load_case(path: &Path) -> Result<Vec<CaseSnippet>, EvalError> {
    let text = read_to_string(path)?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || (i == 0 && line.starts_with("id\t")) {
            continue;
        }
        let bad = |column: &str, expected: &'static str, found: &str| EvalError::BadField {
            path: path.to_path_buf(),
            line: line_no as u64,
            column: column.to_string(),
            expected,
            found: found.to_string(),
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, snippet, label] = fields[..] else {
            return Err(bad(
                "(record)",
                "3 tab-separated fields: id, snippet, label",
                line,
            ));
        };
        let label = label.trim();
        out.push(CaseSnippet {
            id: id.trim().to_string(),
            line: line_no,
            text: snippet.trim().to_string(),
            label: SubEventType::from_case_label(label)
                .ok_or_else(|| bad("SubType", "a CASE 2021 label such as AIR_STRIKE", label))?,
        });
    }
    Ok(out)
}

/// The label a reading predicts: the most salient event's CASE label (non-conflict classes
/// included), or `NONE` when no event was read.
pub fn predict_case_label(reading: &Reading) -> &'static str {
    reading
        .events
        .first()
        .map_or(NONE_LABEL, |e| e.sub_event_type.case_label())
}

/// The CASE 2021 evaluation.
///
/// `{}` displays the scores, a per-label table, the top confusions and sample misses;
/// `{:#}` lists each sample miss on its own line.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CaseReport {
    /// The file evaluated.
    pub file: String,
    /// Snippets read.
    pub n: usize,
    /// Seconds spent reading (reader only).
    pub seconds: f64,
    /// Share predicted exactly.
    pub accuracy: f64,
    /// F1 weighted by support, all 30 classes.
    pub weighted_f1: f64,
    /// Unweighted mean F1 over labels coded or predicted.
    pub macro_f1: f64,
    /// Snippets coded with one of the 25 ACLED sub-event types.
    pub acled_n: usize,
    /// Accuracy on those.
    pub acled_accuracy: f64,
    /// Weighted F1 on those (the CASE 2021 best system: 0.839).
    pub acled_weighted_f1: f64,
    /// Macro F1 on those.
    pub acled_macro_f1: f64,
    /// Share of snippets with no event read (predicted `NONE`).
    pub none_share: f64,
    /// Per-label scores over all snippets.
    pub labels: Vec<crate::LabelScore>,
    /// The 15 most frequent confusions (coded, predicted).
    pub confusions: Vec<ConfusionPair>,
    /// Up to 10 misses spread over the file.
    pub misses: Vec<Miss>,
}

/// Scores predicted labels (`predicted[i]` for `gold[i]`; `NONE` for no event).
///
/// # Panics
/// When `gold` and `predicted` differ in length.
pub fn score_case(
    gold: &[CaseSnippet],
    predicted: &[&str],
    file: &str,
    seconds: f64,
) -> CaseReport {
    assert_eq!(gold.len(), predicted.len(), "one prediction per snippet");
    let gold_labels: Vec<&str> = gold.iter().map(|s| s.label.case_label()).collect();
    let all: LabelScores = score_labels(&gold_labels, predicted);
    let (acled_gold, acled_pred): (Vec<&str>, Vec<&str>) = gold
        .iter()
        .zip(predicted)
        .filter(|(g, _)| g.label.is_conflict())
        .map(|(g, p)| (g.label.case_label(), *p))
        .unzip();
    let acled = score_labels(&acled_gold, &acled_pred);
    let misses: Vec<Miss> = gold
        .iter()
        .zip(predicted)
        .filter(|(g, p)| g.label.case_label() != **p)
        .map(|(g, p)| Miss {
            id: g.id.clone(),
            expected: g.label.case_label().to_string(),
            got: p.to_string(),
        })
        .collect();
    let none = predicted.iter().filter(|p| **p == NONE_LABEL).count();
    CaseReport {
        file: file.to_string(),
        n: all.n,
        seconds: round4(seconds),
        accuracy: all.accuracy,
        weighted_f1: all.weighted_f1,
        macro_f1: all.macro_f1,
        acled_n: acled.n,
        acled_accuracy: acled.accuracy,
        acled_weighted_f1: acled.weighted_f1,
        acled_macro_f1: acled.macro_f1,
        none_share: round4(crate::share(none, all.n)),
        labels: all.labels,
        confusions: top_confusions(
            gold_labels.iter().copied().zip(predicted.iter().copied()),
            15,
        ),
        misses: spread(&misses, 10),
    }
}

/// Reads every snippet with `reader` and scores the predictions (see [`score_case`]).
pub fn eval_case(path: &Path, reader: &Reader) -> Result<CaseReport, EvalError> {
    let snippets = load_case(path)?;
    let origin = path.display().to_string();
    let started = Instant::now();
    let predicted: Vec<&str> = snippets
        .iter()
        .map(|s| predict_case_label(&reader.read(&s.article(&origin))))
        .collect();
    let seconds = started.elapsed().as_secs_f64();
    Ok(score_case(&snippets, &predicted, &origin, seconds))
}

impl fmt::Display for CaseReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "CASE 2021 task 2 evaluation of {}", self.file)?;
        writeln!(
            f,
            "{} snippets read in {:.2} s; {:.1}% with no event (NONE)",
            self.n,
            self.seconds,
            100.0 * self.none_share
        )?;
        writeln!(
            f,
            "all {:>4}: weighted F1 {:.3}  macro F1 {:.3}  accuracy {:.3}",
            self.n, self.weighted_f1, self.macro_f1, self.accuracy
        )?;
        writeln!(
            f,
            "ACLED {:>2}: weighted F1 {:.3}  macro F1 {:.3}  accuracy {:.3}  (best 2021 system: 0.839)",
            self.acled_n, self.acled_weighted_f1, self.acled_macro_f1, self.acled_accuracy
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<30} {:>6} {:>6} {:>6} {:>7} {:>5}",
            "label", "P", "R", "F1", "support", "pred"
        )?;
        for l in &self.labels {
            writeln!(
                f,
                "{:<30} {:>6.3} {:>6.3} {:>6.3} {:>7} {:>5}",
                l.label, l.precision, l.recall, l.f1, l.support, l.predicted
            )?;
        }
        writeln!(f)?;
        writeln!(f, "top confusions (coded -> predicted):")?;
        for p in &self.confusions {
            writeln!(f, "  {:>4}  {} -> {}", p.count, p.expected, p.got)?;
        }
        if !self.misses.is_empty() {
            writeln!(f, "sample misses (id expected≠got):")?;
            write_misses(f, &self.misses)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::acled::tests::event;
    use chrono::NaiveDate;

    fn snippet(id: &str, label: SubEventType) -> CaseSnippet {
        CaseSnippet {
            id: id.into(),
            line: 1,
            text: String::new(),
            label,
        }
    }

    #[test]
    fn prediction_is_the_first_event_of_any_class() {
        let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let reading = Reading {
            events: vec![
                event(SubEventType::NaturalDisaster, d),
                event(SubEventType::ArmedClash, d),
            ],
            ..Default::default()
        };
        assert_eq!(predict_case_label(&reading), "NATURAL_DISASTER");
        assert_eq!(predict_case_label(&Reading::default()), NONE_LABEL);
    }

    #[test]
    fn acled_subset_excludes_non_conflict_gold() {
        let gold = [
            snippet("1", SubEventType::AirDroneStrike),
            snippet("2", SubEventType::AirDroneStrike),
            snippet("3", SubEventType::Diplomacy),
            snippet("4", SubEventType::ArmedClash),
        ];
        let pred = ["AIR_STRIKE", "NONE", "DIPLO", "ARMED_CLASH"];
        let r = score_case(&gold, &pred, "t.tsv", 0.0);
        assert_eq!((r.n, r.acled_n), (4, 3));
        assert_eq!(r.accuracy, 0.75);
        assert_eq!(r.acled_accuracy, 0.6667);
        // AIR_STRIKE f1 = 2/3 (p 1, r 1/2), ARMED_CLASH 1: weighted (2 * 2/3 + 1) / 3
        assert_eq!(r.acled_weighted_f1, 0.7778);
        assert_eq!(r.none_share, 0.25);
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.confusions[0].got, "NONE");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["acled_weighted_f1"], 0.7778);
        assert!(r.to_string().contains("AIR_STRIKE"));
    }

    #[test]
    fn loads_tsv_and_rejects_unknown_labels() {
        let dir = std::env::temp_dir().join(format!("sitrep-eval-case-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.tsv");
        std::fs::write(
            &path,
            "id\tEventSnippet\tSubType\n7\tTroops shelled a hill.\tART_MISS_ATTACK\n",
        )
        .unwrap();
        let s = load_case(&path).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(
            (s[0].id.as_str(), s[0].line, s[0].label),
            ("7", 2, SubEventType::ShellingArtilleryMissileAttack)
        );
        std::fs::write(&path, "8\tA storm.\tWEATHER\n").unwrap();
        let err = load_case(&path).unwrap_err().to_string();
        assert!(err.ends_with("t.tsv:1: column `SubType`: expected a CASE 2021 label such as AIR_STRIKE, found \"WEATHER\""), "{err}");
        std::fs::write(&path, "8\tno label\n").unwrap();
        assert!(load_case(&path)
            .unwrap_err()
            .to_string()
            .contains("3 tab-separated fields"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
