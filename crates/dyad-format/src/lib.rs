//! dyad-format (to be written).
