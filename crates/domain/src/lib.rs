//! The pure domain of the Race Equity Planner.
//!
//! Everything a test should check lives here: the frameworks' content, the plan document and its
//! migrations, the statistics, and (later) import and export. This crate knows nothing of the
//! browser: no `web-sys`, no Leptos. It compiles natively (where `cargo test` runs it) and to wasm32.

pub mod action_plan;
pub mod action_plan_export;
pub mod caseload;
pub mod charts;
pub mod csv_out;
pub mod dates;
pub mod ethnicity;
pub mod file_names;
pub mod html;
pub mod import;
pub mod journey;
pub mod journey_print;
pub mod messages;
pub mod numbers;
pub mod plan;
pub mod plan_report;
pub mod reap;
pub mod reap_print;
pub mod service;
pub mod stats;
pub mod storage_keys;
pub mod text;
pub mod timeframe;
pub mod wres;
pub mod xlsx;
