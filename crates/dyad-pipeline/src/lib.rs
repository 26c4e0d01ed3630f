//! The default pipeline (to be written).
