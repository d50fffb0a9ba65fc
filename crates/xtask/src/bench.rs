//! `cargo xtask bench`: prints the figures we watch (sizes, load time). Figures, not pass/fail:
//! timings on a shared 2-core machine vary, so nothing here is a timed test.

use race_equity_domain::plan;

use crate::dist::{LOADER, SINGLE_FILE};
use crate::util::{self, command, gzip_len, kb, root};
use crate::{dist, tools};

pub fn run() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    dist::build()?;
    let dist_dir = crate::util::dist_dir();
    let read = |name: &str| {
        std::fs::read(dist_dir.join(name)).map_err(|e| format!("cannot read dist/{name}: {e}"))
    };
    let wasm = read("race_equity_widget_bg.wasm")?;
    let single = read(SINGLE_FILE)?;
    let loader = read(LOADER)?;
    let glue = read("race_equity_widget.js")?;

    println!("\n== Sizes (gzip -9) ==");
    println!(
        "wasm (after wasm-opt -Oz)      {:>10} raw  {:>10} gzip",
        kb(wasm.len()),
        kb(gzip_len(&wasm))
    );
    println!(
        "script embed JS (loader+glue)  {:>10} raw  {:>10} gzip",
        kb(loader.len() + glue.len()),
        kb(gzip_len(&[loader.as_slice(), glue.as_slice()].concat()))
    );
    println!(
        "single file {SINGLE_FILE:<18} {:>10} raw  {:>10} gzip   (budget 240 KB gzip)",
        kb(single.len()),
        kb(gzip_len(&single))
    );
    let budget = 240 * 1024;
    if gzip_len(&single) > budget {
        println!("WARNING: the single file is over the 240 KB gzip budget");
    }

    util::run(
        "the plan document, natively (optimised build of the domain crate)",
        command("cargo").args([
            "run",
            "--quiet",
            "--profile",
            "bench-native",
            "-p",
            "xtask",
            "--",
            "bench-native",
        ]),
    )?;
    let plan_file = root().join("target/bench/full-plan.json");

    println!("\n== In headless Chromium ==");
    util::run(
        "first render of the app shell, 10 loads of each way to ship",
        command("node")
            .current_dir(root().join("tests"))
            .args(["bench/load.mjs", "10"]),
    )?;
    util::run(
        "edit and save with the full plan open, 100 edits",
        command("node")
            .current_dir(root().join("tests"))
            .args(["bench/save.mjs", "100"])
            .arg(&plan_file),
    )
}

/// Native figures for the plan document; writes the full plan for the browser benchmark.
pub fn native() -> Result<(), String> {
    let full = plan::full_plan_for_bench();
    let json = plan::to_json(&full);
    let save = median_micros(200, || {
        std::hint::black_box(plan::to_json(std::hint::black_box(&full)));
    });
    let load = median_micros(100, || {
        let _ = std::hint::black_box(plan::load(std::hint::black_box(&json)));
    });
    println!(
        "full plan (17 anchors with evidence, 60 actions linked to anchors, 30 Employment Specialists, 5 periods of 9 metrics, 10 participants, {} history entries)",
        full.history.len()
    );
    println!(
        "  JSON size        {:>10}   (target under 200 KB)",
        kb(json.len())
    );
    println!(
        "  serialise        {:>10.3} ms median of 200",
        save / 1000.0
    );
    println!(
        "  load + migrate   {:>10.3} ms median of 100",
        load / 1000.0
    );
    let bench_dir = root().join("target/bench");
    std::fs::create_dir_all(&bench_dir).map_err(|e| format!("cannot create target/bench: {e}"))?;
    let plan_file = bench_dir.join("full-plan.json");
    std::fs::write(&plan_file, &json)
        .map_err(|e| format!("cannot write {}: {e}", plan_file.display()))?;
    Ok(())
}

/// The median time of `f` in microseconds over `runs` runs (after one warm-up run).
fn median_micros(runs: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
