//! Importing people-level and aggregated data from CSV (issue 7). Being written.
