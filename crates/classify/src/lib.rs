//! sitrep-classify (being written).
