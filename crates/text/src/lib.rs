//! sitrep-text (being written).
