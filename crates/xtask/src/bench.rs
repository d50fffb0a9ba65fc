//! `cargo xtask bench`: prints the figures we watch (sizes, load time). Figures, not pass/fail:
//! timings on a shared 2-core machine vary, so nothing here is a timed test.

use crate::dist::{LOADER, SINGLE_FILE};
use crate::util::{self, command, gzip_len, kb, root};
use crate::{dist, tools};

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    dist::build()?;
    let dist_dir = root().join("dist");
    let read = |name: &str| std::fs::read(dist_dir.join(name)).map_err(|e| format!("cannot read dist/{name}: {e}"));
    let wasm = read("race_equity_widget_bg.wasm")?;
    let single = read(SINGLE_FILE)?;
    let loader = read(LOADER)?;
    let glue = read("race_equity_widget.js")?;

    println!("\n== Sizes (gzip -9) ==");
    println!("wasm (after wasm-opt -Oz)      {:>10} raw  {:>10} gzip", kb(wasm.len()), kb(gzip_len(&wasm)));
    println!("script embed JS (loader+glue)  {:>10} raw  {:>10} gzip", kb(loader.len() + glue.len()), kb(gzip_len(&[loader.as_slice(), glue.as_slice()].concat())));
    println!("single file {SINGLE_FILE:<18} {:>10} raw  {:>10} gzip   (budget 240 KB gzip)", kb(single.len()), kb(gzip_len(&single)));
    let budget = 240 * 1024;
    if gzip_len(&single) > budget {
        println!("WARNING: the single file is over the 240 KB gzip budget");
    }

    println!("\n== Load in headless Chromium ==");
    util::run(
        "first render of the app shell, 10 loads of each way to ship",
        command("node").current_dir(root().join("tests")).args(["bench/load.mjs", "10"]),
    )
}
