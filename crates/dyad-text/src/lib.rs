//! dyad-text (to be written).
