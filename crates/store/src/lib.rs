//! sitrep-store (being written).
