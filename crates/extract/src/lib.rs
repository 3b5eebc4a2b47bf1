/*!
Events and claims: turns one article into a [`Reading`] (being written; the API below is fixed).
*/
use sitrep_model::{Article, Reading};

/// Reads articles. Build once (loads the gazetteer, actor dictionary and lexicons), read many;
/// shared by all threads.
pub struct Reader {}

impl Reader {
    /// A reader over the resources shipped in the repository.
    pub fn new() -> Reader {
        Reader {}
    }

    /// Read one article.
    pub fn read(&self, article: &Article) -> Reading {
        Reading { article_id: article.id.clone(), ..Default::default() }
    }
}

impl Default for Reader {
    fn default() -> Self {
        Reader::new()
    }
}

/// Time spent per stage, summed over the articles read (for `sitrep bench`).
#[derive(Debug, Clone, Default)]
pub struct StageTimes {
    /// Sentence segmentation and numbers.
    pub text: std::time::Duration,
    /// Date expressions.
    pub time: std::time::Duration,
    /// Place mentions and their resolution.
    pub places: std::time::Duration,
    /// Actor and source mentions.
    pub actors: std::time::Duration,
    /// Trigger matching and sub-event classification.
    pub classify: std::time::Duration,
    /// Assembling events, claims and control facts.
    pub assemble: std::time::Duration,
}

impl Reader {
    /// Read one article, adding the time each stage took to `times`.
    pub fn read_timed(&self, article: &Article, times: &mut StageTimes) -> Reading {
        let _ = times;
        self.read(article)
    }
}
