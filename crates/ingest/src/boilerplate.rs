//! Boilerplate removal: drops photo captions, "Read more" links, share and subscribe prompts
//! (the rules in `data/boilerplate.tsv`) from a text, line by line, and cuts page furniture
//! that scrapers glued to the end of a line (`tail:` rules), before its first words
//! (`head:` rules) or between two of its sentences (`mid:` rules); says which rule fired.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use std::sync::OnceLock;

/// Most `mid:` cuts made in one line (each cut shortens it; a bound all the same).
const MAX_MID_CUTS: usize = 8;

/// The rule file shipped in the repository.
const BOILERPLATE_TSV: &str = include_str!("../../../data/boilerplate.tsv");

/// Lines longer than this (in characters) are paragraphs of the report, never boilerplate:
/// captions and prompts are short, while some corpora put a whole article on one line.
pub const MAX_BOILERPLATE_CHARS: usize = 400;

/// One line (or the tail of one line) that was dropped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemovedLine {
    /// 1-based line number in the input text.
    pub line: usize,
    /// The rule id that matched (`photo:file_photo`, `tail:comments`).
    pub rule: &'static str,
    /// The text dropped: the whole line, or for a `tail:` (`head:`) rule the end (start) of the
    /// line that was cut, for a `mid:` rule the part cut out of it.
    pub text: String,
}

/// A text with its boilerplate lines dropped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stripped {
    /// The remaining text: lines trimmed at the end, runs of blank lines collapsed to one.
    pub text: String,
    /// The lines that were dropped.
    pub removed: Vec<RemovedLine>,
}

/// A frozen set of boilerplate rules (Send + Sync; build once, strip many).
#[derive(Debug)]
pub struct Boilerplate {
    ids: Vec<&'static str>,
    set: RegexSet,
    tails: Vec<(&'static str, Regex)>,
    heads: Vec<(&'static str, Regex)>,
    mids: Vec<(&'static str, Regex)>,
}

/// A rule file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("boilerplate rules line {line}: {message}")]
pub struct RuleError {
    /// 1-based line in the rule file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl Boilerplate {
    /// The rules shipped in `data/boilerplate.tsv`, compiled once.
    pub fn shipped() -> &'static Boilerplate {
        static SHIPPED: OnceLock<Boilerplate> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Boilerplate::from_tsv(BOILERPLATE_TSV).expect("data/boilerplate.tsv is valid (tested)")
        })
    }

    /// Rules from a TSV text: `RULE_ID<TAB>REGEX` per line, `#` comments and blank lines ignored.
    /// A rule whose id starts with `tail:` cuts a line from its match (or from its group named
    /// `cut`, when it has one: what the match reads before it stays) to the end, one whose id
    /// starts with `head:` from its start to the match's end, one whose id starts with `mid:`
    /// cuts out its group named `cut` (required); the others drop the whole line.
    pub fn from_tsv(tsv: &'static str) -> Result<Boilerplate, RuleError> {
        let mut ids = Vec::new();
        let mut patterns = Vec::new();
        let mut tails = Vec::new();
        let mut heads = Vec::new();
        let mut mids = Vec::new();
        for (i, raw) in tsv.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let (id, pattern) = raw.split_once('\t').ok_or_else(|| RuleError {
                line,
                message: "expected RULE_ID<TAB>REGEX".into(),
            })?;
            if id.trim().is_empty() || pattern.trim().is_empty() {
                return Err(RuleError {
                    line,
                    message: "empty rule id or pattern".into(),
                });
            }
            let regex = RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .map_err(|e| RuleError {
                    line,
                    message: e.to_string(),
                })?;
            if id.trim().starts_with("tail:") {
                tails.push((id.trim(), regex));
                continue;
            }
            if id.trim().starts_with("head:") {
                heads.push((id.trim(), regex));
                continue;
            }
            if id.trim().starts_with("mid:") {
                if !regex.capture_names().any(|n| n == Some("cut")) {
                    return Err(RuleError {
                        line,
                        message: "a mid: rule needs a group named `cut`".into(),
                    });
                }
                mids.push((id.trim(), regex));
                continue;
            }
            ids.push(id.trim());
            patterns.push(pattern.to_string());
        }
        let set = RegexSetBuilder::new(&patterns)
            .case_insensitive(true)
            .build()
            .map_err(|e| RuleError {
                line: 0,
                message: e.to_string(),
            })?;
        Ok(Boilerplate {
            ids,
            set,
            tails,
            heads,
            mids,
        })
    }

    /// The rule that a single line matches, if any (the first in file order). Lines longer
    /// than [`MAX_BOILERPLATE_CHARS`] never match.
    pub fn rule_for(&self, line: &str) -> Option<&'static str> {
        let line = line.trim();
        if line.is_empty()
            || line.len() > MAX_BOILERPLATE_CHARS && line.chars().count() > MAX_BOILERPLATE_CHARS
        {
            return None;
        }
        self.set.matches(line).iter().next().map(|i| self.ids[i])
    }

    /// Where a `tail:` rule cuts `line` (the earliest match, or its group `cut`), and which rule.
    pub fn tail_cut(&self, line: &str) -> Option<(&'static str, usize)> {
        self.tails
            .iter()
            .filter_map(|(id, re)| {
                re.captures(line).map(|c| {
                    let at = c.name("cut").or_else(|| c.get(0)).map_or(0, |m| m.start());
                    (*id, at)
                })
            })
            .min_by_key(|(_, at)| *at)
    }

    /// Where a `head:` rule's match ends in `line` (the latest end among matching rules), and
    /// which rule: the line's report starts there.
    pub fn head_cut(&self, line: &str) -> Option<(&'static str, usize)> {
        self.heads
            .iter()
            .filter_map(|(id, re)| re.find(line).map(|m| (*id, m.end())))
            .max_by_key(|(_, at)| *at)
    }

    /// The span a `mid:` rule cuts out of `line` (its `cut` group; the first rule in file
    /// order that matches), and which rule.
    pub fn mid_cut(&self, line: &str) -> Option<(&'static str, std::ops::Range<usize>)> {
        self.mids.iter().find_map(|(id, re)| {
            re.captures(line)
                .and_then(|c| c.name("cut"))
                .map(|m| (*id, m.range()))
        })
    }

    /// Drop boilerplate lines; also normalises line ends (`\r\n` → `\n`), trims trailing
    /// spaces, collapses runs of blank lines, so paragraphs stay separated by one blank line,
    /// and writes no-break and narrow spaces as plain spaces (phrase lists match "beyond
    /// government control" however the space between the words was typed).
    pub fn strip(&self, text: &str) -> Stripped {
        let mut out = String::with_capacity(text.len());
        let mut removed = Vec::new();
        let mut blank_pending = false;
        for (i, line) in text.lines().enumerate() {
            let mut line = line.trim_end();
            if let Some((rule, at)) = self.tail_cut(line) {
                removed.push(RemovedLine {
                    line: i + 1,
                    rule,
                    text: line[at..].trim().to_string(),
                });
                line = line[..at].trim_end();
            }
            // (what is left either side of a `mid:` cut stays two sentences; a line may hold
            // several: two embedded videos' titles)
            let mut joined: String;
            for _ in 0..MAX_MID_CUTS {
                let Some((rule, cut)) = self.mid_cut(line) else {
                    break;
                };
                removed.push(RemovedLine {
                    line: i + 1,
                    rule,
                    text: line[cut.clone()].trim().to_string(),
                });
                let before = line[..cut.start].trim_end();
                let after = line[cut.end..].trim_start();
                let stop = before.is_empty()
                    || before.ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
                    || after.is_empty();
                joined = format!("{before}{}{after}", if stop { " " } else { ". " });
                line = joined.trim();
            }
            if let Some((rule, at)) = self.head_cut(line) {
                removed.push(RemovedLine {
                    line: i + 1,
                    rule,
                    text: line[..at].trim().to_string(),
                });
                line = line[at..].trim_start();
            }
            if line.trim().is_empty() {
                blank_pending = !out.is_empty();
                continue;
            }
            if let Some(rule) = self.rule_for(line) {
                removed.push(RemovedLine {
                    line: i + 1,
                    rule,
                    text: line.to_string(),
                });
                continue;
            }
            if !out.is_empty() {
                out.push_str(if blank_pending { "\n\n" } else { "\n" });
            }
            blank_pending = false;
            if line.contains(['\u{a0}', '\u{2007}', '\u{202f}']) {
                out.extend(line.chars().map(|c| match c {
                    '\u{a0}' | '\u{2007}' | '\u{202f}' => ' ',
                    c => c,
                }));
            } else {
                out.push_str(line);
            }
        }
        Stripped { text: out, removed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_spaces_become_spaces() {
        let b = Boilerplate::shipped();
        let out = b.strip("beyond\u{a0}government\u{202f}control");
        assert_eq!(out.text, "beyond government control");
    }

    #[test]
    fn shipped_rules_compile() {
        assert!(Boilerplate::shipped().ids.len() >= 10);
    }

    #[test]
    fn captions_links_and_prompts_are_dropped_with_their_rule() {
        let b = Boilerplate::shipped();
        let cases = [
            (
                "FILE PHOTO: Troops stand near a checkpoint in Aden, Yemen, March 3, 2019.",
                "photo:file_photo",
            ),
            (
                "Rescuers search the rubble in Idlib. REUTERS/Jane Doe/File Photo",
                "photo:reuters_credit",
            ),
            (
                "A man walks past a burnt car. REUTERS/ Ali Hassan",
                "photo:reuters_credit",
            ),
            (
                "Smoke rises over the city (Photo: Local Council)",
                "photo:paren_credit",
            ),
            (
                "Read more: Fighting flares again near the border",
                "link:read_more",
            ),
            ("Read more", "link:read_more_alone"),
            ("Continue reading →", "link:read_more_alone"),
            (
                "Click here to read the full story on our website.",
                "link:read_more_alone",
            ),
            (
                "The post Shelling resumes in Idlib appeared first on Border Wire.",
                "feed:appeared_first",
            ),
            ("Powered by automated translation", "translation:automated"),
            ("Subscribe to our daily briefing", "promo:subscribe"),
            ("Follow us on Twitter and Telegram", "promo:follow_us"),
            ("Share this article", "link:share"),
            ("Related articles", "link:related"),
        ];
        for (line, rule) in cases {
            assert_eq!(b.rule_for(line), Some(rule), "{line}");
        }
    }

    #[test]
    fn report_sentences_are_kept() {
        let b = Boilerplate::shipped();
        for line in [
            "A file photo of the bridge was shared widely on social media, the governor said.",
            "Residents said they would subscribe to any plan that ends the shelling.",
            "Troops followed the convoy to the border, Reuters reported.",
            "The minister read a statement to reporters in Kyiv on Tuesday.",
            "Photos showed the damaged hospital.",
            "Read the full statement: the army denied shelling the camp on Sunday.",
            "Full story of the siege was told by survivors in 2019.",
        ] {
            assert_eq!(b.rule_for(line), None, "{line}");
        }
    }

    #[test]
    fn a_whole_article_on_one_line_is_never_dropped() {
        let b = Boilerplate::shipped();
        let mut line = String::from("Rebels shelled the airport on Monday. AP Photo John Doe ");
        while line.len() <= MAX_BOILERPLATE_CHARS {
            line.push_str("Residents said the fighting went on through the night. ");
        }
        line.push_str("Read more: nothing");
        assert_eq!(b.rule_for(&line), None);
        assert_eq!(
            b.rule_for("Smoke over the port. AFP PHOTO / Jane Doe"),
            Some("photo:afp_credit")
        );
        assert_eq!(
            b.rule_for("Police said AP photo agencies were not allowed in."),
            None
        );
    }

    #[test]
    fn page_furniture_before_the_first_words_is_cut() {
        let b = Boilerplate::shipped();
        let out = b.strip(
            "03.02.2019(updated 1210 03.02.2019) Get short URL 0 57 Shelling killed four people \
             in the market town on Sunday.\nThe short URL of the page was shared 57 times.",
        );
        assert_eq!(
            out.text,
            "Shelling killed four people in the market town on Sunday.\n\
             The short URL of the page was shared 57 times."
        );
        assert_eq!(out.removed.len(), 1);
        assert_eq!(out.removed[0].rule, "head:short_url");
        assert_eq!(
            out.removed[0].text,
            "03.02.2019(updated 1210 03.02.2019) Get short URL 0 57"
        );
        // zeros, then at most one counter: the next number is the report's
        let out = b.strip(
            "Rebels Hit Base Middle East 1210 03.02.2019Get short URL 0 85 12 soldiers died.",
        );
        assert_eq!(out.text, "12 soldiers died.");
    }

    #[test]
    fn page_furniture_at_the_end_of_a_line_is_cut() {
        let b = Boilerplate::shipped();
        let text =
            "Rebels shelled the airport on Monday, officials said. ... 123 Related Army advances \
                    near the border Tags Syria Community standardsDiscussion Comment via Facebook\n\
                    Second paragraph. Follow us on Instagram. Don't miss out on the latest news";
        let s = b.strip(text);
        assert_eq!(
            s.text,
            "Rebels shelled the airport on Monday, officials said.\nSecond paragraph."
        );
        assert_eq!(s.removed.len(), 2);
        assert_eq!(s.removed[0].rule, "tail:related_list");
        assert!(s.removed[1].text.starts_with("Follow us on Instagram"));
    }

    #[test]
    fn related_story_lists_and_the_outlets_self_description_are_cut() {
        let b = Boilerplate::shipped();
        let s = b.strip(
            "Two soldiers died in the ambush. Source agencies Related News Floods in the north | \
             Talks resume in Geneva | Election results delayed Protesters march on the capital",
        );
        assert_eq!(s.text, "Two soldiers died in the ambush. Source agencies");
        assert_eq!(s.removed[0].rule, "tail:related_news");
        let s = b.strip(
            "The convoy left at dawn. Asharq Al-Awsat is the world's premier pan-Arab daily \
             newspaper, printed on four continents.",
        );
        assert_eq!(s.text, "The convoy left at dawn.");
        // after the source line, the list of other stories goes whatever its first headline
        let s = b.strip(
            "Two soldiers died in the ambush. Source TRTWorld and agencies Related News Thousands \
             of farmers march on the capital for a better price for wheat Floods in the north | \
             Talks resume Category News Election results delayed",
        );
        assert_eq!(
            s.text,
            "Two soldiers died in the ambush. Source TRTWorld and agencies"
        );
        assert_eq!(s.removed[0].rule, "tail:source_related_news");
        // a report's words are no list of stories
        let kept = "Officials gave no related news of the missing crew on Monday.";
        assert_eq!(b.strip(kept).text, kept);
    }

    #[test]
    fn embedded_video_titles_are_cut_however_many() {
        let b = Boilerplate::shipped();
        let s = b.strip(
            "Rockets hit the old market on Monday. Jets pound the hill town 20 killed - YouTube \
             The governor said the market would reopen. Floods sweep the valley - YouTube Aid \
             arrived on Tuesday.",
        );
        assert_eq!(
            s.text,
            "Rockets hit the old market on Monday. The governor said the market would reopen. \
             Aid arrived on Tuesday."
        );
        assert_eq!(s.removed.len(), 2);
        assert!(s.removed.iter().all(|r| r.rule == "mid:video_title"));
        // a sentence that names the site keeps its words
        let kept = "Activists posted videos on YouTube showing the raids.";
        assert_eq!(b.strip(kept).text, kept);
    }

    #[test]
    fn a_keyword_list_between_standfirst_and_report_is_cut() {
        let b = Boilerplate::shipped();
        // up to a word that opens the report
        let s = b.strip(
            "Rockets hit the old market, a monitor said. Tags Syria Aleppo Nusra Front al-Kabir \
             Russia Rebels At least 12 people were killed on Monday in the old market.",
        );
        assert_eq!(
            s.text,
            "Rockets hit the old market, a monitor said. At least 12 people were killed on \
             Monday in the old market."
        );
        assert_eq!(s.removed[0].rule, "mid:tags_run");
        assert_eq!(
            s.removed[0].text,
            "Tags Syria Aleppo Nusra Front al-Kabir Russia Rebels"
        );
        // a standfirst with no full stop still ends there
        let s = b.strip("Ten died, a monitor said Tags Syria Hama war The raid began at noon.");
        assert_eq!(s.text, "Ten died, a monitor said. The raid began at noon.");
        // no such word: the list and the sentence it is glued to go
        let s = b.strip(
            "Jets struck a clinic. Tags Syria Idlib regime Syrian jets struck a clinic near \
             Idlib on Monday. Two nurses died.",
        );
        assert_eq!(s.text, "Jets struck a clinic. Two nurses died.");
        assert_eq!(s.removed[0].rule, "mid:tags_sentence");
        // before the comment widget, with it
        let s = b.strip(
            "Troops advanced on the town. Tags Daesh Syria Raqqa Community standardsDiscussion \
             Comment via Facebook",
        );
        assert_eq!(s.text, "Troops advanced on the town.");
        assert_eq!(s.removed[0].rule, "tail:tags_comments");
        // a report's words are kept
        let kept = "Price tags on bread rose again in the besieged town.";
        assert_eq!(b.strip(kept).text, kept);
    }

    #[test]
    fn a_mid_rule_needs_its_cut_group() {
        let err = Boilerplate::from_tsv("mid:x\t\\bTags\\b\n").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn strip_counts_lines_and_keeps_paragraphs() {
        let text = "Title line\r\n\r\nFILE PHOTO: a caption\r\nFirst paragraph.\r\n\r\n\r\nRead more: elsewhere\r\nSecond paragraph.  \r\n";
        let s = Boilerplate::shipped().strip(text);
        assert_eq!(
            s.text,
            "Title line\n\nFirst paragraph.\n\nSecond paragraph."
        );
        assert_eq!(s.removed.len(), 2);
        assert_eq!(s.removed[0].line, 3);
        assert_eq!(s.removed[1].rule, "link:read_more");
    }

    #[test]
    fn malformed_rule_names_its_line() {
        let err = Boilerplate::from_tsv("# c\nok\t^a\nno tab here\n").unwrap_err();
        assert_eq!(err.line, 3);
        let err = Boilerplate::from_tsv("bad\t(unclosed\n").unwrap_err();
        assert_eq!(err.line, 1);
    }
}
