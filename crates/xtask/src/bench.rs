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
        "single file {SINGLE_FILE:<18} {:>10} raw  {:>10} gzip   (printed, not a budget)",
        kb(single.len()),
        kb(gzip_len(&single))
    );

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
    peer_comparisons("100k", 5)?;
    peer_comparisons("1m", 3)?;

    // The same figures for the build before a change, built from its commit in this run, so each
    // figure is printed beside its "before" on the same (noisy, shared) machine.
    let base = base_build()?;
    let base_single = std::fs::read(base.dist.join(SINGLE_FILE))
        .map_err(|e| format!("cannot read the base build's single file: {e}"))?;
    println!(
        "single file, the build before ({})  {:>10} raw  {:>10} gzip",
        base.commit,
        kb(base_single.len()),
        kb(gzip_len(&base_single))
    );

    println!(
        "\n== In headless Chromium (this build beside the build before, {}) ==",
        base.commit
    );
    util::run(
        "first render and time to interactive (example plan), 10 loads of each way to ship, alternating builds",
        command("node")
            .current_dir(root().join("tests"))
            .args(["bench/load.mjs", "10"])
            .arg(&dist_dir)
            .arg(&base.dist),
    )?;
    util::run(
        "edit, save, the REAP summary, keystrokes and screen changes with the full plan open, 100 edits",
        command("node")
            .current_dir(root().join("tests"))
            .args(["bench/save.mjs", "100"])
            .arg(&plan_file)
            .arg(&dist_dir)
            .arg(&base.dist),
    )?;
    // The import is not in the product's wasm yet: time it compiled on its own (crates/bench-wasm).
    let bench_dir = root().join("target/bench");
    util::run(
        "the import compiled to wasm on its own (crates/bench-wasm, not shipped)",
        command("wasm-pack").args([
            "build",
            "crates/bench-wasm",
            "--target",
            "web",
            "--release",
            "--no-typescript",
            "--out-dir",
            &bench_dir.join("wasm").to_string_lossy(),
            "--out-name",
            "bench",
        ]),
    )?;
    util::run(
        "the 100,000-row import in Chromium, beside arquero (npm)",
        command("node")
            .current_dir(root().join("tests"))
            .arg("bench/import.mjs")
            .arg(&bench_dir),
    )
}

/// The build a bench compares against: its commit and its `dist/`.
struct BaseBuild {
    commit: String,
    dist: std::path::PathBuf,
}

/// The commit the bench compares against unless `REP_BENCH_BASE` names another: the last commit
/// before issue 18 moved the screens to Leptos components (screens as HTML text and a morph).
const DEFAULT_BASE: &str = "ff90f67";

/// Builds the base commit's `dist/` in `target/bench-base/` (its source from `git archive`, its own
/// target directory, kept between runs so only the first run compiles it all).
fn base_build() -> Result<BaseBuild, String> {
    let commit = std::env::var("REP_BENCH_BASE").unwrap_or_else(|_| DEFAULT_BASE.to_string());
    let full = util::output_of(
        "git",
        &["-C", &root().to_string_lossy(), "rev-parse", &commit],
    )
    .ok_or_else(|| format!("REP_BENCH_BASE: '{commit}' is not a commit of this repository"))?;
    let full = full.trim().to_string();
    let base_dir = root().join("target/bench-base");
    let src = base_dir.join(&full[..12]);
    if !src.join("Cargo.toml").is_file() {
        std::fs::create_dir_all(&src)
            .map_err(|e| format!("cannot create {}: {e}", src.display()))?;
        let archive = std::process::Command::new("git")
            .args([
                "-C",
                &root().to_string_lossy(),
                "archive",
                "--format=tar",
                &full,
            ])
            .output()
            .map_err(|e| format!("git archive: {e}"))?;
        if !archive.status.success() {
            return Err(format!("git archive {full} failed"));
        }
        let mut tar = std::process::Command::new("tar")
            .args(["-x", "-C", &src.to_string_lossy()])
            .stdin(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("tar: {e}"))?;
        use std::io::Write;
        tar.stdin
            .take()
            .ok_or("tar: no stdin")?
            .write_all(&archive.stdout)
            .map_err(|e| format!("tar: {e}"))?;
        if !tar.wait().map_err(|e| format!("tar: {e}"))?.success() {
            return Err("tar could not unpack the base commit".into());
        }
    }
    util::run(
        &format!(
            "build the base commit {} for comparison (target/bench-base)",
            &full[..12]
        ),
        command("cargo")
            .current_dir(&src)
            .env("CARGO_TARGET_DIR", base_dir.join("target"))
            .env_remove("REP_OUT")
            .args(["xtask", "dist"]),
    )?;
    Ok(BaseBuild {
        commit: full[..12].to_string(),
        dist: src.join("dist"),
    })
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
    import_native(&bench_dir, 100_000, "100k", 10)?;
    import_native(&bench_dir, 1_000_000, "1m", 3)
}

/// The import benchmark's computation in pandas and its group disparities in Aequitas (both from
/// PyPI, in `target/bench/venv`), on the same file with the same ethnicity mapping: their times
/// beside ours, and their counts and ratios checked against ours.
fn peer_comparisons(name: &str, runs: usize) -> Result<(), String> {
    let bench = root().join("target/bench");
    let venv = bench.join("venv");
    let python = venv.join("bin/python");
    if !python.exists() {
        util::run(
            "a Python virtual environment for pandas and Aequitas (target/bench/venv)",
            command("python3").arg("-m").arg("venv").arg(&venv),
        )?;
    }
    if name == "100k" {
        // Quick when everything is installed already; installs what the file added since.
        util::run(
            "pandas and Aequitas from PyPI (tests/bench/requirements.txt)",
            command(&python.to_string_lossy()).args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                "tests/bench/requirements.txt",
            ]),
        )?;
    }
    aequitas_comparison(name, runs, &python)?;
    let (theirs, ours) = run_peer(&python, "pandas", "import_pandas.py", name, runs)?;
    // pandas counts "not stated" events too; the planner keeps only their total.
    let mut differ = Vec::new();
    if let Some(metrics) = theirs["counts"].as_object() {
        for (metric, sides) in metrics {
            for side in ["comparison", "reference"] {
                if sides[side] != ours["counts"][metric][side] {
                    differ.push(format!("{metric} {side}"));
                }
            }
            if sides["not_stated"][1] != ours["counts"][metric]["not_stated"][1] {
                differ.push(format!("{metric} not stated"));
            }
        }
    }
    if differ.is_empty() {
        println!("  counts: the planner's and pandas' agree for every metric and side");
        Ok(())
    } else {
        Err(format!(
            "the planner's counts differ from pandas': {}",
            differ.join(", ")
        ))
    }
}

/// Runs a peer's script (`tests/bench/<script>`) on `people-<name>.csv` with the planner's mapping,
/// prints its time beside the planner's, and returns its figures and the planner's.
fn run_peer(
    python: &std::path::Path,
    peer: &str,
    script: &str,
    name: &str,
    runs: usize,
) -> Result<(serde_json::Value, serde_json::Value), String> {
    let bench = root().join("target/bench");
    println!("==> {peer} on people-{name}.csv");
    let output = command(&python.to_string_lossy())
        .arg(format!("tests/bench/{script}"))
        .arg(bench.join(format!("people-{name}.csv")))
        .arg(bench.join("people-mapping.json"))
        .arg(runs.to_string())
        .output()
        .map_err(|e| format!("cannot run the {peer} benchmark: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "the {peer} benchmark failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let read = |bytes: &[u8]| -> Result<serde_json::Value, String> {
        serde_json::from_slice(bytes)
            .map_err(|e| format!("cannot read the benchmark's figures: {e}"))
    };
    let theirs = read(&output.stdout)?;
    let ours = read(
        &std::fs::read(bench.join(format!("people-{name}-planner.json")))
            .map_err(|e| format!("cannot read the planner's import figures: {e}"))?,
    )?;
    let (their_ms, our_ms) = (
        theirs["median_ms"].as_f64().unwrap_or(f64::NAN),
        ours["median_ms"].as_f64().unwrap_or(f64::NAN),
    );
    println!(
        "  {peer} {}   {:>10.1} ms median of {runs}, peak memory {:.0} MB: the planner natively takes {:.2}× its time",
        theirs["version"].as_str().unwrap_or("?"),
        their_ms,
        theirs["peak_mb"].as_f64().unwrap_or(f64::NAN),
        our_ms / their_ms
    );
    Ok((theirs, ours))
}

/// Each metric's relative likelihood in Aequitas (its predicted prevalence disparity), on the same
/// file with the same mapping: its time beside the planner's, and its ratios checked against the
/// planner's to 4 significant figures.
fn aequitas_comparison(name: &str, runs: usize, python: &std::path::Path) -> Result<(), String> {
    let (theirs, ours) = run_peer(python, "Aequitas", "import_aequitas.py", name, runs)?;
    let mut differ = Vec::new();
    for (metric, counts) in ours["counts"].as_object().into_iter().flatten() {
        let n = |side: &str, i: usize| counts[side][i].as_u64().unwrap_or(0);
        let ratio = race_equity_domain::stats::relative_likelihood(
            n("comparison", 0),
            n("comparison", 1),
            n("reference", 0),
            n("reference", 1),
        );
        let their = theirs["ratios"][metric].as_f64();
        match (ratio, their) {
            (Ok(r), Some(t)) if ((r.value - t) / t).abs() < 1e-4 => {}
            (r, t) => differ.push(format!("{metric}: planner {r:?}, Aequitas {t:?}")),
        }
    }
    if differ.is_empty() {
        println!("  ratios: the planner's relative likelihoods and Aequitas' disparities agree to 4 significant figures");
        Ok(())
    } else {
        Err(format!(
            "the planner's ratios differ from Aequitas': {}",
            differ.join("; ")
        ))
    }
}

/// The columns of the person-level file the import benchmark reads.
const PEOPLE_HEADERS: [&str; 10] = [
    "Staff number",
    "Ethnic origin",
    "Pay band",
    "Shortlisted",
    "Appointed",
    "Formal disciplinary",
    "Fitness to practise referral",
    "Non-mandatory CPD",
    "Leaver",
    "Senior role",
];

/// Ethnicity as HR systems export it: NHS codes and labels mixed, with "not stated" answers.
const ETHNICITY_VALUES: [&str; 16] = [
    "A",
    "White - British",
    "White - Irish",
    "C",
    "Mixed - White and Black Caribbean",
    "Asian or Asian British - Indian",
    "H",
    "J",
    "Black or Black British - African",
    "M",
    "N",
    "R",
    "S",
    "Z",
    "Prefer not to say",
    "Not stated",
];

/// A person-level file of `rows` made-up people, the same every run (a fixed linear congruential
/// sequence). A "Y" or "N" in each yes/no column; appointed only if shortlisted.
fn people_csv(rows: usize) -> String {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    let mut out = PEOPLE_HEADERS.join(",");
    out.push_str("\r\n");
    let yes = |p: bool| if p { "Y" } else { "N" };
    for i in 0..rows {
        // About half White British, the rest spread over the other values.
        let ethnicity = if next(2) == 0 {
            "White - British"
        } else {
            ETHNICITY_VALUES[next(ETHNICITY_VALUES.len() as u64) as usize]
        };
        let shortlisted = next(4) == 0;
        let appointed = shortlisted && next(2) == 0;
        let line = format!(
            "{},\"{ethnicity}\",Band {},{},{},{},{},{},{},{}\r\n",
            100_000 + i,
            3 + next(6),
            yes(shortlisted),
            yes(appointed),
            yes(next(40) == 0),
            yes(next(100) == 0),
            yes(next(3) == 0),
            yes(next(8) == 0),
            yes(next(12) == 0),
        );
        out.push_str(&line);
    }
    out
}

/// Import natively: decode, read, guess the columns and count a person-level file of `rows` people,
/// as the page will, median of `runs`; writes the file, the planner's counts and the ethnicity
/// mapping it found, for pandas. A file over the import's size limit (1,000,000 rows is about 43 MB)
/// is read from its text, skipping only `decode`.
fn import_native(
    bench_dir: &std::path::Path,
    rows: usize,
    name: &str,
    runs: usize,
) -> Result<(), String> {
    use race_equity_domain::{import, plan::Settings};
    let text = people_csv(rows);
    let path = bench_dir.join(format!("people-{name}.csv"));
    std::fs::write(&path, &text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let reference = Settings::default().reference_group;
    let decodes = text.len() <= import::MAX_IMPORT_BYTES;
    let run = |bytes: &[u8]| -> Result<import::People, String> {
        let decoded;
        let text = if decodes {
            decoded = import::decode(bytes).map_err(|e| e.message())?;
            decoded.text.as_str()
        } else {
            std::str::from_utf8(bytes).map_err(|e| e.to_string())?
        };
        let table = import::read_table(text).map_err(|e| e.message())?;
        let columns = import::guess_columns(&table.headers);
        import::people(&table, &columns, &[], &reference).map_err(|e| e.message())
    };
    let people = run(text.as_bytes())?;
    let before = peak_memory_mb();
    let time = median_micros(runs, || {
        let _ = std::hint::black_box(run(std::hint::black_box(text.as_bytes())));
    });
    println!(
        "import: {rows} people, one row each ({}): {}",
        kb(text.len()),
        if decodes {
            "decode, read, map and count every SC-WRES metric"
        } else {
            "read, map and count every SC-WRES metric (over the 30 MB file limit, so not decoded)"
        }
    );
    println!(
        "  natively         {:>10.1} ms median of {runs}   ({})",
        time / 1000.0,
        if rows == 100_000 {
            "target under 100 ms"
        } else {
            "no target"
        }
    );
    // One run in steps, to see where the time goes.
    let start = std::time::Instant::now();
    let decoded = if decodes {
        import::decode(text.as_bytes())
            .map_err(|e| e.message())?
            .text
    } else {
        String::new()
    };
    let decoded_at = start.elapsed();
    let table =
        import::read_table(if decodes { &decoded } else { &text }).map_err(|e| e.message())?;
    let read_at = start.elapsed();
    let _ = import::people(
        &table,
        &import::guess_columns(&table.headers),
        &[],
        &reference,
    );
    println!(
        "  one run          decode {:.1} ms, read the table {:.1} ms, map and count {:.1} ms",
        decoded_at.as_secs_f64() * 1e3,
        (read_at - decoded_at).as_secs_f64() * 1e3,
        (start.elapsed() - read_at).as_secs_f64() * 1e3
    );
    println!(
        "  peak memory      {:>10.0} MB for the whole benchmark process ({:.0} MB before the import runs)",
        peak_memory_mb(),
        before
    );
    if people.counted != rows || !people.unmapped.is_empty() || !people.problems.is_empty() {
        return Err(format!(
            "the import benchmark's file did not read cleanly: {} counted, {} unmapped values, {} problems",
            people.counted,
            people.unmapped.len(),
            people.problems.len()
        ));
    }
    // What the planner found, for pandas to use the same mapping and to compare the counts.
    let side = |value: &str| {
        let category = race_equity_domain::ethnicity::parse_label(value);
        match category {
            None | Some(race_equity_domain::ethnicity::EthnicCategory::NotStated) => "not_stated",
            Some(c) if c.group() == Some(race_equity_domain::ethnicity::EthnicGroup::White) => {
                "reference"
            }
            Some(_) => "comparison",
        }
    };
    let mapping: serde_json::Map<String, serde_json::Value> = ETHNICITY_VALUES
        .iter()
        .map(|v| (v.to_string(), side(v).into()))
        .collect();
    let counts: serde_json::Map<String, serde_json::Value> = people
        .metrics
        .iter()
        .map(|m| {
            let n = |t: &str| t.parse::<u64>().unwrap_or(u64::MAX);
            (
                m.metric.clone(),
                serde_json::json!({
                    "comparison": [n(&m.comparison_events), n(&m.comparison_total)],
                    "reference": [n(&m.reference_events), n(&m.reference_total)],
                    "not_stated": [0, n(&m.not_stated)],
                }),
            )
        })
        .collect();
    let write = |name: &str, value: serde_json::Value| {
        let file = bench_dir.join(name);
        std::fs::write(&file, value.to_string())
            .map_err(|e| format!("cannot write {}: {e}", file.display()))
    };
    write("people-mapping.json", mapping.into())?;
    write(
        &format!("people-{name}-planner.json"),
        serde_json::json!({ "median_ms": time / 1000.0, "counts": counts }),
    )
}

/// This process's peak resident memory in MB (Linux's `VmHWM`), or 0 where it cannot be read.
fn peak_memory_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
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
