//! Which language an article reads as, by its commonest short words (`data/text/function_words.tsv`):
//! sitrep reads English only, and a report in another language is said to be one instead of
//! silently yielding no events.

use std::sync::OnceLock;

const FUNCTION_WORDS: &str = include_str!("../../../data/text/function_words.tsv");

/// How many words of a text are looked at.
const SAMPLE_WORDS: usize = 400;

/// Fewer words than this say nothing sure about a language (a headline, a caption).
const MIN_WORDS: usize = 12;

/// The languages and their function words, English first.
fn languages() -> &'static [(String, Vec<String>)] {
    static LANGUAGES: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        FUNCTION_WORDS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let (name, words) = l.split_once('\t')?;
                Some((
                    name.trim().to_string(),
                    words.split_whitespace().map(str::to_string).collect(),
                ))
            })
            .collect()
    })
}

/// The language a text reads as when it is not English: the one whose function words are
/// most of its words, when English's are few (under 1 in 25) and that language's many (1 in
/// 10 or more); a text mostly in another script reads as "a language in another script".
/// `None` for English, for a text too short to tell, and for one that reads as nothing known.
pub fn not_english(text: &str) -> Option<String> {
    let mut letters = 0usize;
    let mut latin = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()).take(4000) {
        letters += 1;
        latin += usize::from(c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c));
    }
    if letters >= 60 && latin * 2 < letters {
        return Some("a language in another script".to_string());
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(SAMPLE_WORDS)
        .map(|w| {
            w.chars()
                .map(|c| match c {
                    'á' | 'à' | 'â' | 'ã' | 'ä' | 'Á' | 'À' => 'a',
                    'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
                    'í' | 'ì' | 'î' | 'ï' => 'i',
                    'ó' | 'ò' | 'ô' | 'õ' | 'ö' => 'o',
                    'ú' | 'ù' | 'û' | 'ü' => 'u',
                    'ç' => 'c',
                    'ñ' => 'n',
                    'ı' => 'i',
                    'ş' => 's',
                    'ğ' => 'g',
                    c => c.to_ascii_lowercase(),
                })
                .collect()
        })
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let share = |list: &[String]| {
        words.iter().filter(|w| list.contains(w)).count() as f64 / words.len() as f64
    };
    let all = languages();
    let (english, others) = all.split_first()?;
    if share(&english.1) >= 0.04 {
        return None;
    }
    others
        .iter()
        .map(|(name, list)| (name, share(list)))
        .filter(|(_, s)| *s >= 0.10)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(name, _)| name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_in_other_languages_are_told_apart_from_english_ones() {
        assert_eq!(
            not_english(
                "Hombres armados mataron a al menos quince civiles en una aldea del norte el \
                 sábado, según dijo un funcionario local a la prensa."
            )
            .as_deref(),
            Some("Spanish")
        );
        assert_eq!(
            not_english(
                "Des hommes armés ont tué au moins quinze civils samedi dans un village du nord \
                 du pays, selon une source locale et les autorités de la région."
            )
            .as_deref(),
            Some("French")
        );
        assert_eq!(
            not_english(
                "Gunmen killed at least fifteen civilians in a village in the north on Saturday, \
                 a local official told reporters."
            ),
            None
        );
        // a headline says too little; a page of another script is told by its letters
        assert_eq!(not_english("Bombardeo en la ciudad"), None);
        assert_eq!(
            not_english(&"قتل خمسة مدنيين في قصف على البلدة يوم السبت ".repeat(5)).as_deref(),
            Some("a language in another script")
        );
    }
}
