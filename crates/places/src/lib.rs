//! sitrep-places (being written).
