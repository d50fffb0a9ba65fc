//! The action plan as a tracked plan (issue 8): numbering, tracking and what has no action yet. Being written.
