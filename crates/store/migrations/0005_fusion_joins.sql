-- sitrep store, schema version 5: merges a user made (`sitrep merge`), the counterpart of
-- `fusion_splits`: these two mentions are in one fused event on every later run, whatever their
-- cues say (a split of the user's still keeps a mention from the members it was split from).
CREATE TABLE fusion_joins (
    mention_id TEXT NOT NULL,
    other_mention_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (mention_id, other_mention_id)
);
