//! sitrep-eval (being written).
