//! Action-plan timeframes as real plans write them (issue 8). Being written.
