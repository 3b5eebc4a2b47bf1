//! sitrep-export (being written).
