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
