-- sitrep store, schema version 8: what an update needs to fuse again only from the updated
-- article on (`Store::refuse_from`): the fused events an article's mentions are in, and the
-- rows filed for a fused event or an article, found without a scan.
CREATE INDEX fused_members_by_article ON fused_members(article_id);
CREATE INDEX fused_blocks_by_fused ON fused_blocks(fused_id);
CREATE INDEX fused_link_keys_by_fused ON fused_link_keys(fused_id);
CREATE INDEX fusion_bands_by_seq ON fusion_bands(seq);
-- A page of fused events, newest first: by date, then by their number in ingest order (the
-- same after any run, where the row number is the order they were last written in).
CREATE INDEX fused_events_by_date_seq ON fused_events(event_date, seq);
