//! dyad-ingest (to be written).
