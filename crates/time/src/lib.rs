//! sitrep-time (being written).
