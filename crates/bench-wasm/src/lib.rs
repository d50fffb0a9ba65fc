//! Benchmark only, not shipped: the planner's import (decode, read, guess the columns, count every
//! SC-WRES metric by side), compiled to wasm on its own so that `cargo xtask bench` can time it in
//! headless Chromium on the same file as arquero. The product's single file does not hold the
//! import yet (see docs/PERFORMANCE.md); this measures what it will run.

use race_equity_domain::import;
use wasm_bindgen::prelude::*;

/// Imports a person-level CSV file's bytes with the default reference group (all White
/// categories) and returns the counts as JSON text: `{"counted": n, "metrics": {"<metric id>":
/// {"comparison": [events, total], "reference": [events, total], "not_stated": [0, total]}}}`,
/// or `{"error": "<message>"}`.
#[wasm_bindgen]
pub fn import_people(bytes: &[u8]) -> String {
    let run = || -> Result<import::People, String> {
        let decoded = import::decode(bytes).map_err(|e| e.message())?;
        let table = import::read_table(&decoded.text).map_err(|e| e.message())?;
        let columns = import::guess_columns(&table.headers);
        import::people(&table, &columns, &[], "white").map_err(|e| e.message())
    };
    match run() {
        Ok(people) => {
            let metrics: Vec<String> = people
                .metrics
                .iter()
                .map(|m| {
                    format!(
                        r#""{}":{{"comparison":[{},{}],"reference":[{},{}],"not_stated":[0,{}]}}"#,
                        m.metric,
                        m.comparison_events,
                        m.comparison_total,
                        m.reference_events,
                        m.reference_total,
                        m.not_stated
                    )
                })
                .collect();
            format!(
                r#"{{"counted":{},"metrics":{{{}}}}}"#,
                people.counted,
                metrics.join(",")
            )
        }
        Err(message) => format!(r#"{{"error":{message:?}}}"#),
    }
}
