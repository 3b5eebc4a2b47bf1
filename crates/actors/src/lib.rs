//! sitrep-actors (being written).
