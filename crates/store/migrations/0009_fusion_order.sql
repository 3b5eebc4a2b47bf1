-- sitrep store, schema version 9: fusion takes the articles in publication order (undated
-- first; on one day by id), not in the order they were ingested, so that one corpus ingested in
-- any order, at once or in parts, is fused alike. Each fused article keeps its publication day
-- (its place in that order) and its row (the last article fused, for the next run's new ones).

-- Fusion written in ingest order is redone in the new order by the next `sitrep fuse` (or
-- ingest): forgetting which articles are fused makes it fuse the whole corpus again. The fused
-- events stay readable until then; the user's splits and merges are kept.
DELETE FROM fusion_articles;
DELETE FROM fusion_bands;
ALTER TABLE fusion_articles ADD COLUMN article_row INTEGER NOT NULL DEFAULT 0;
ALTER TABLE fusion_articles ADD COLUMN published TEXT NOT NULL DEFAULT '';
CREATE INDEX fusion_articles_by_row ON fusion_articles(article_row);
CREATE INDEX fusion_articles_by_order ON fusion_articles(published, article_id);
