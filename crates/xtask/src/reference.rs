//! Reference checks of the statistics: every figure of METRICS.md, worked out by the domain crate
//! and recomputed independently with scipy, statsmodels and numpy (tests/reference/).
//!
//! - `cargo xtask reference-figures <out.json> [--seed N]` (hidden) works out every statistic on
//!   the edge cases in tests/reference/edge_cases.txt and on at least 200 seeded pseudo-random
//!   cases per statistic, and writes the figures as JSON.
//! - `cargo xtask reference-check` (hidden) runs the suite alone: the Python venv (made once under
//!   target/reference-venv from the pinned tests/reference/requirements.txt), the figures, then
//!   tests/reference/check_stats.py. `cargo xtask test` runs the same suite through [`prepare`].
//!
//! The cases are the same on every run (a fixed seed), so a failure can always be reproduced.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use race_equity_domain::stats::{
    self, AdverseDirection, Convention, Metric, NonAdverseRange, NotComputable, RatioResult,
    RatioStatus, Representation, Shown, SuppressionPreset,
};

use crate::util::{command, output_of, root, run};

/// The suite's name in `cargo xtask test`.
pub const SUITE: &str = "reference checks of the statistics (scipy, statsmodels, numpy)";

/// The seed of the pseudo-random cases ("issue 9"). Another seed: `reference-figures --seed N`.
const SEED: u64 = 0x5EED_0009;

/// Pseudo-random cases per statistic (the check fails below 200).
const RANDOM_CASES: usize = 300;

const PRESETS: [(SuppressionPreset, &str); 3] = [
    (SuppressionPreset::LessThan5, "less_than_5"),
    (SuppressionPreset::LessThan10, "less_than_10"),
    (SuppressionPreset::NhsDigital, "nhs_digital"),
];

fn reference_dir() -> PathBuf {
    root().join("tests/reference")
}

fn venv_dir() -> PathBuf {
    root().join("target/reference-venv")
}

fn figures_path() -> PathBuf {
    root().join("target/reference-figures.json")
}

/// `reference-figures <out.json> [--seed N]`.
pub fn figures_command(args: &[String]) -> Result<(), String> {
    let usage = "usage: cargo xtask reference-figures <out.json> [--seed N]";
    let (mut out, mut seed) = (None, SEED);
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--seed" => {
                let value = iter.next().ok_or(usage)?;
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed needs a whole number, not '{value}'"))?;
            }
            path if out.is_none() => out = Some(PathBuf::from(path)),
            other => return Err(format!("unexpected '{other}'. {usage}")),
        }
    }
    let out = out.ok_or(usage)?;
    let records = write_figures(&out, seed)?;
    println!("wrote {records} records of figures to {}", out.display());
    Ok(())
}

/// `reference-check`: the suite on its own.
pub fn check() -> Result<(), String> {
    let mut script = prepare()?;
    run("tests/reference/check_stats.py", &mut script)
}

/// Makes the venv if needed and writes the figures; returns the command that checks them.
pub fn prepare() -> Result<Command, String> {
    let python = ensure_venv()?;
    let figures = figures_path();
    let records = write_figures(&figures, SEED)?;
    println!(
        "the domain crate worked out {records} records of figures ({})",
        figures.display()
    );
    let mut script = Command::new(python);
    script
        .current_dir(root())
        .arg(reference_dir().join("check_stats.py"))
        .arg(&figures);
    Ok(script)
}

/// target/reference-venv with the pinned requirements, made once and again only when
/// requirements.txt changes. Returns the venv's python.
fn ensure_venv() -> Result<PathBuf, String> {
    let venv = venv_dir();
    let python = venv.join("bin/python");
    let requirements_file = reference_dir().join("requirements.txt");
    let requirements = std::fs::read_to_string(&requirements_file)
        .map_err(|e| format!("cannot read {}: {e}", requirements_file.display()))?;
    // A copy of the requirements it was made from: a venv whose install failed half-way has none.
    let stamp = venv.join("installed-requirements.txt");
    if python.exists() && std::fs::read_to_string(&stamp).ok() == Some(requirements.clone()) {
        return Ok(python);
    }

    let start = Instant::now();
    if output_of("python3", &["--version"]).is_none() {
        return Err(
            "python3 is not installed; the reference checks of the statistics need it \
             with its venv module. On Debian: apt-get install -y python3 python3-venv"
                .into(),
        );
    }
    if venv.exists() {
        std::fs::remove_dir_all(&venv)
            .map_err(|e| format!("cannot remove the old {}: {e}", venv.display()))?;
    }
    run(
        "python3 -m venv target/reference-venv",
        command("python3").arg("-m").arg("venv").arg(&venv),
    )
    .map_err(|e| {
        format!(
            "{e}. python3 could not make a venv with pip (its venv module or ensurepip is \
             missing). On Debian: apt-get install -y python3-venv"
        )
    })?;
    run(
        "pip install -r tests/reference/requirements.txt (scipy, statsmodels, numpy)",
        Command::new(&python)
            .current_dir(root())
            .args([
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input",
            ])
            // Wheels only: a missing wheel fails in seconds instead of compiling scipy for an hour.
            .args([
                "--only-binary",
                ":all:",
                "--retries",
                "2",
                "--timeout",
                "30",
                "-r",
            ])
            .arg(&requirements_file),
    )
    .map_err(|e| {
        format!(
            "{e}. pip could not install the pinned scipy, statsmodels and numpy: PyPI \
             (https://pypi.org) must be reachable (behind a proxy, set HTTPS_PROXY), and this \
             Python must have wheels for those versions (the message above says which is missing)"
        )
    })?;
    std::fs::write(&stamp, requirements)
        .map_err(|e| format!("cannot write {}: {e}", stamp.display()))?;
    println!(
        "==> Python venv for the reference checks: ready in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    Ok(python)
}

/// SplitMix64: a tiny, well-known generator, so that the cases are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0 to `n` inclusive (the small modulo bias does not matter here).
    fn up_to(&mut self, n: u64) -> u64 {
        self.next() % (n + 1)
    }

    /// A uniform number in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A total from 1 to 10^9, spread evenly over the orders of magnitude.
    fn total(&mut self) -> u64 {
        (10f64.powf(self.unit() * 9.0) as u64).clamp(1, 1_000_000_000)
    }

    /// A count of `n`: often 0, all, or a handful, so that edges come up often.
    fn count_of(&mut self, n: u64) -> u64 {
        match self.up_to(9) {
            0 => 0,
            1 => n,
            2 => self.up_to(n.min(5)),
            _ => self.up_to(n),
        }
    }

    /// A baseline share in (0, 1]: anywhere, near 0, near 1, or exactly 1.
    fn baseline(&mut self) -> f64 {
        match self.up_to(9) {
            0 => 10f64.powf(-1.0 - 8.0 * self.unit()),
            1 => 1.0 - 10f64.powf(-1.0 - 8.0 * self.unit()),
            2 => 1.0,
            _ => 1.0 - self.unit(),
        }
    }

    /// Days to a job start: whole days (ties are likely), sometimes fractions or a value that is
    /// not a finite number.
    fn values(&mut self) -> Vec<f64> {
        let len = if self.up_to(4) == 0 {
            1
        } else {
            1 + self.up_to(60)
        };
        let spread = [10, 400, 100_000][self.up_to(2) as usize];
        let fractions = self.up_to(3) == 0;
        let mut values: Vec<f64> = (0..len)
            .map(|_| {
                let day = self.up_to(spread) as f64;
                if fractions {
                    day + self.up_to(3) as f64 / 4.0
                } else {
                    day
                }
            })
            .collect();
        if self.up_to(4) == 0 {
            let odd = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];
            for _ in 0..=self.up_to(2) {
                let at = self.up_to(values.len() as u64) as usize;
                values.insert(at, odd[self.up_to(2) as usize]);
            }
        }
        values
    }
}

/// The inputs of a ratio whose status is read.
#[derive(Debug, Clone, Copy)]
enum RatioInputs {
    RelativeLikelihood([u64; 4]),
    Representation(u64, u64, f64),
    RepresentationOfSamples([u64; 4]),
    /// x of n in a part, whole_x of whole_n in the whole that contains it.
    PartAgainstRest([u64; 4]),
}

/// A case: why it is here, whether it is a known disagreement, and its inputs.
struct Case<T> {
    label: String,
    known: bool,
    inputs: T,
}

/// Every case, by statistic.
#[derive(Default)]
struct Cases {
    wilson: Vec<Case<(u64, u64)>>,
    relative_likelihood: Vec<Case<[u64; 4]>>,
    representation: Vec<Case<(u64, u64, f64)>>,
    representation_of_samples: Vec<Case<[u64; 4]>>,
    part_against_rest: Vec<Case<[u64; 4]>>,
    fisher_exact: Vec<Case<[u64; 4]>>,
    binomial_exact: Vec<Case<(u64, u64, f64)>>,
    median_iqr: Vec<Case<Vec<f64>>>,
    ratio_status: Vec<Case<(RatioInputs, NonAdverseRange, AdverseDirection)>>,
    display: Vec<Case<(f64, NonAdverseRange)>>,
    small_numbers: Vec<Case<(u64, u64)>>,
    suppress_count: Vec<Case<u64>>,
    rate_is_reportable: Vec<Case<(u64, u64)>>,
    not_stated_flag: Vec<Case<(u64, u64)>>,
}

/// Works out every figure and writes them to `out` as JSON; returns how many records it wrote.
pub fn write_figures(out: &Path, seed: u64) -> Result<usize, String> {
    let mut cases = Cases::default();
    read_edge_cases(&mut cases, &reference_dir().join("edge_cases.txt"))?;
    add_random_cases(&mut cases, seed);
    let (json, records) = figures_json(&cases, seed);
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    }
    std::fs::write(out, json).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(records)
}

fn read_edge_cases(cases: &mut Cases, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for (i, line) in text.lines().enumerate() {
        let (content, why) = line.split_once('#').unwrap_or((line, ""));
        let mut words: Vec<&str> = content.split_whitespace().collect();
        let known = words.first() == Some(&"known");
        if known {
            words.remove(0);
        }
        let Some((&statistic, args)) = words.split_first() else {
            continue;
        };
        let bad = |what: String| {
            format!(
                "{} line {}: {what} (the line reads '{}')",
                path.display(),
                i + 1,
                line.trim()
            )
        };
        let label = format!("edge_cases.txt line {}: {}", i + 1, why.trim());
        let counts = |words: &[&str]| -> Result<Vec<u64>, String> {
            words
                .iter()
                .map(|w| {
                    w.replace('_', "")
                        .parse()
                        .map_err(|_| bad(format!("'{w}' is not a whole number")))
                })
                .collect()
        };
        let number = |w: &str| -> Result<f64, String> {
            w.parse().map_err(|_| bad(format!("'{w}' is not a number")))
        };
        let wrong_count = || bad(format!("wrong number of inputs for {statistic}"));
        macro_rules! push {
            ($list:ident, $inputs:expr) => {
                cases.$list.push(Case {
                    label: label.clone(),
                    known,
                    inputs: $inputs,
                })
            };
        }
        match statistic {
            "wilson" => match counts(args)?[..] {
                [x, n] => push!(wilson, (x, n)),
                _ => return Err(wrong_count()),
            },
            "relative_likelihood" => match counts(args)?[..] {
                [x1, n1, x2, n2] => push!(relative_likelihood, [x1, n1, x2, n2]),
                _ => return Err(wrong_count()),
            },
            "representation" => match args {
                [x, n, b] => match counts(&[*x, *n])?[..] {
                    [x, n] => push!(representation, (x, n, number(b)?)),
                    _ => return Err(wrong_count()),
                },
                _ => return Err(wrong_count()),
            },
            "representation_of_samples" => match counts(args)?[..] {
                [x, n, bx, bn] => push!(representation_of_samples, [x, n, bx, bn]),
                _ => return Err(wrong_count()),
            },
            "part_against_rest" => match counts(args)?[..] {
                [x, n, wx, wn] => push!(part_against_rest, [x, n, wx, wn]),
                _ => return Err(wrong_count()),
            },
            "fisher_exact" => match counts(args)?[..] {
                [a, b, c, d] => push!(fisher_exact, [a, b, c, d]),
                _ => return Err(wrong_count()),
            },
            "binomial_exact" => match args {
                [x, n, p] => match counts(&[*x, *n])?[..] {
                    [x, n] => push!(binomial_exact, (x, n, number(p)?)),
                    _ => return Err(wrong_count()),
                },
                _ => return Err(wrong_count()),
            },
            "display" => match args {
                [value, lower, upper] => {
                    let range = NonAdverseRange::new(number(lower)?, number(upper)?)
                        .map_err(|e| bad(e.to_string()))?;
                    push!(display, (number(value)?, range))
                }
                _ => return Err(wrong_count()),
            },
            "small_numbers" => match counts(args)?[..] {
                [numerator, denominator] => push!(small_numbers, (numerator, denominator)),
                _ => return Err(wrong_count()),
            },
            "median_iqr" => {
                let values = match args {
                    [] => Vec::new(),
                    [list] => list
                        .split(',')
                        .map(number)
                        .collect::<Result<Vec<f64>, String>>()?,
                    _ => return Err(bad("write the values with commas and no spaces".into())),
                };
                push!(median_iqr, values)
            }
            "ratio_status" => {
                let (kind, rest) = args.split_first().ok_or_else(wrong_count)?;
                let (inputs, reading) = match (*kind, rest.len()) {
                    ("relative_likelihood", 7) => {
                        let c = counts(&rest[..4])?;
                        (
                            RatioInputs::RelativeLikelihood([c[0], c[1], c[2], c[3]]),
                            &rest[4..],
                        )
                    }
                    ("representation", 6) => {
                        let c = counts(&rest[..2])?;
                        (
                            RatioInputs::Representation(c[0], c[1], number(rest[2])?),
                            &rest[3..],
                        )
                    }
                    ("representation_of_samples", 7) => {
                        let c = counts(&rest[..4])?;
                        let c = [c[0], c[1], c[2], c[3]];
                        (RatioInputs::RepresentationOfSamples(c), &rest[4..])
                    }
                    ("part_against_rest", 7) => {
                        let c = counts(&rest[..4])?;
                        let c = [c[0], c[1], c[2], c[3]];
                        (RatioInputs::PartAgainstRest(c), &rest[4..])
                    }
                    _ => return Err(wrong_count()),
                };
                let range = NonAdverseRange::new(number(reading[0])?, number(reading[1])?)
                    .map_err(|e| bad(e.to_string()))?;
                let adverse = match reading[2] {
                    "above" => AdverseDirection::Above,
                    "below" => AdverseDirection::Below,
                    "neither" => AdverseDirection::Neither,
                    other => {
                        return Err(bad(format!(
                            "'{other}' is not 'above', 'below' or 'neither'"
                        )))
                    }
                };
                push!(ratio_status, (inputs, range, adverse))
            }
            "suppress_count" => match counts(args)?[..] {
                [n] => push!(suppress_count, n),
                _ => return Err(wrong_count()),
            },
            "rate_is_reportable" => match counts(args)?[..] {
                [numerator, denominator] => push!(rate_is_reportable, (numerator, denominator)),
                _ => return Err(wrong_count()),
            },
            "not_stated_flag" => match counts(args)?[..] {
                [not_stated, total] => push!(not_stated_flag, (not_stated, total)),
                _ => return Err(wrong_count()),
            },
            other => return Err(bad(format!("'{other}' is not a statistic we check"))),
        }
    }
    Ok(())
}

fn add_random_cases(cases: &mut Cases, seed: u64) {
    fn random<T>(i: usize, seed: u64, inputs: T) -> Case<T> {
        Case {
            label: format!("random case {i} (seed {seed})"),
            known: false,
            inputs,
        }
    }
    let mut rng = Rng(seed);
    for i in 0..RANDOM_CASES {
        macro_rules! case {
            ($inputs:expr) => {
                random(i, seed, $inputs)
            };
        }
        let n = rng.total();
        cases.wilson.push(case!((rng.count_of(n), n)));

        let two_groups = |rng: &mut Rng| {
            // Every tenth pair shares a small total, so that equal and tiny groups come up.
            let (n1, n2) = if rng.up_to(9) == 0 {
                let n = 1 + rng.up_to(5);
                (n, n)
            } else {
                (rng.total(), rng.total())
            };
            [rng.count_of(n1), n1, rng.count_of(n2), n2]
        };
        let counts = two_groups(&mut rng);
        cases.relative_likelihood.push(case!(counts));

        let n = rng.total();
        let x = rng.count_of(n);
        cases.representation.push(case!((x, n, rng.baseline())));

        cases
            .representation_of_samples
            .push(case!(two_groups(&mut rng)));

        // A part of a whole: the part's counts, then the rest's added to make the whole.
        let [x, n, rest_x, rest_n] = two_groups(&mut rng);
        cases
            .part_against_rest
            .push(case!([x, n, x + rest_x, n + rest_n]));

        // Tables with a small cell, where the exact test is used: one cell from 0 to 4.
        let [a, n1, c, n2] = two_groups(&mut rng);
        let mut table = [a, n1 - a, c, n2 - c];
        table[rng.up_to(3) as usize] = rng.up_to(4);
        cases.fisher_exact.push(case!(table));
        let n = rng.total();
        let x = if rng.up_to(1) == 0 {
            rng.up_to(4.min(n))
        } else {
            n - rng.up_to(4.min(n))
        };
        cases.binomial_exact.push(case!((x, n, rng.baseline())));

        cases.median_iqr.push(case!(rng.values()));

        // A range as someone might type it (two decimals), either direction, any kind of ratio.
        let lower = (50.0 + rng.up_to(50) as f64) / 100.0;
        let upper = (100.0 + rng.up_to(100) as f64) / 100.0;
        let range = NonAdverseRange::new(lower, upper).unwrap_or_default();
        let adverse = if rng.up_to(1) == 0 {
            AdverseDirection::Above
        } else {
            AdverseDirection::Below
        };
        let adverse = if rng.up_to(3) == 0 {
            AdverseDirection::Neither
        } else {
            adverse
        };
        let inputs = match rng.up_to(3) {
            0 => RatioInputs::RelativeLikelihood(two_groups(&mut rng)),
            1 => {
                let n = rng.total();
                RatioInputs::Representation(rng.count_of(n), n, rng.baseline())
            }
            2 => RatioInputs::RepresentationOfSamples(two_groups(&mut rng)),
            _ => {
                let [x, n, rest_x, rest_n] = two_groups(&mut rng);
                RatioInputs::PartAgainstRest([x, n, x + rest_x, n + rest_n])
            }
        };
        cases.ratio_status.push(case!((inputs, range, adverse)));

        // A figure to show: near an end of the range, a ratio worked out, or anything.
        let value = match rng.up_to(3) {
            0 => {
                let end = if rng.up_to(1) == 0 {
                    range.lower()
                } else {
                    range.upper()
                };
                let nudge = 10f64.powi(-(2 + rng.up_to(8) as i32));
                end * if rng.up_to(1) == 0 {
                    1.0 - nudge
                } else {
                    1.0 + nudge
                }
            }
            1 => {
                let [x1, n1, x2, n2] = two_groups(&mut rng);
                stats::relative_likelihood(x1, n1, x2, n2).map_or(1.0, |r| r.value)
            }
            2 => 10f64.powf(-5.0 + 12.0 * rng.unit()),
            _ => 1.0 + (rng.up_to(2000) as f64 - 1000.0) / 1e6,
        };
        cases.display.push(case!((value, range)));

        let denominator = rng.up_to(30);
        cases
            .small_numbers
            .push(case!((rng.up_to(denominator), denominator)));

        let small_or_any = |rng: &mut Rng| {
            if rng.up_to(1) == 0 {
                rng.up_to(30)
            } else {
                rng.total()
            }
        };
        cases.suppress_count.push(case!(small_or_any(&mut rng)));

        let denominator = small_or_any(&mut rng);
        let numerator = if rng.up_to(19) == 0 {
            denominator + 1 + rng.up_to(5)
        } else {
            rng.count_of(denominator)
        };
        cases
            .rate_is_reportable
            .push(case!((numerator, denominator)));

        let total = small_or_any(&mut rng);
        let not_stated = if rng.up_to(4) == 0 {
            total / 10 + rng.up_to(1)
        } else {
            rng.count_of(total)
        };
        cases.not_stated_flag.push(case!((not_stated, total)));
    }
}

/// A number as JSON. Not finite (never expected) becomes a string, which the check reports.
fn num(value: f64) -> String {
    if value.is_finite() {
        format!("{value:?}")
    } else {
        format!("\"{value}\"")
    }
}

fn text(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON object from fields whose values are already JSON.
fn object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("{}: {value}", text(name)))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

fn not_computable_name(reason: NotComputable) -> &'static str {
    match reason {
        NotComputable::NoEvents => "no_events",
        NotComputable::EmptyGroup => "empty_group",
        NotComputable::CountAboveTotal => "count_above_total",
        NotComputable::InvalidBaseline => "invalid_baseline",
        NotComputable::EmptyRest => "empty_rest",
    }
}

/// A number or `null`.
fn maybe(value: Option<f64>) -> String {
    value.map_or("null".to_string(), num)
}

fn ratio_fields(r: &stats::Ratio) -> Vec<(&'static str, String)> {
    vec![
        ("value", num(r.value)),
        ("lower", num(r.interval.lower)),
        ("upper", num(r.interval.upper)),
        ("corrected", r.corrected.to_string()),
        ("observed", maybe(r.observed)),
        ("small_cells", r.small_cells.to_string()),
        ("exact_p", maybe(r.exact_p)),
    ]
}

fn ratio_json(result: &RatioResult) -> String {
    match result {
        Ok(r) => object(&ratio_fields(r)),
        Err(reason) => object(&[("not_computable", text(not_computable_name(*reason)))]),
    }
}

fn representation_json(result: &Result<Representation, NotComputable>) -> String {
    match result {
        Ok(rep) => {
            let mut fields = ratio_fields(&rep.ratio);
            fields.extend([
                ("count", rep.count.to_string()),
                ("total", rep.total.to_string()),
                ("share", num(rep.share)),
                ("baseline_share", num(rep.baseline_share)),
                (
                    "baseline_counts",
                    rep.baseline_counts
                        .map_or("null".to_string(), |c| counts_json(&c)),
                ),
                ("whole_share", maybe(rep.whole_share)),
                ("gap_points", num(rep.gap_points)),
            ]);
            object(&fields)
        }
        Err(reason) => object(&[("not_computable", text(not_computable_name(*reason)))]),
    }
}

fn counts_json(counts: &[u64]) -> String {
    let counts: Vec<String> = counts.iter().map(u64::to_string).collect();
    format!("[{}]", counts.join(", "))
}

fn direction_name(adverse: AdverseDirection) -> &'static str {
    match adverse {
        AdverseDirection::Above => "above",
        AdverseDirection::Below => "below",
        AdverseDirection::Neither => "neither",
    }
}

fn status_name(status: RatioStatus) -> &'static str {
    match status {
        RatioStatus::Within => "within",
        RatioStatus::Adverse => "adverse",
        RatioStatus::FavourableToComparison => "favourable_to_comparison",
        RatioStatus::OutsideNotConclusive => "outside_not_conclusive",
        RatioStatus::Higher => "higher",
        RatioStatus::Lower => "lower",
        RatioStatus::HigherNotConclusive => "higher_not_conclusive",
        RatioStatus::LowerNotConclusive => "lower_not_conclusive",
        RatioStatus::TooFewToTell => "too_few_to_tell",
        RatioStatus::NotComputable => "not_computable",
    }
}

/// One status record: the ratio's kind and inputs, the range, the direction and the status.
fn status_json(
    label: &str,
    known: bool,
    inputs: RatioInputs,
    range: NonAdverseRange,
    adverse: AdverseDirection,
) -> String {
    let (kind, inputs, result) = match inputs {
        RatioInputs::RelativeLikelihood([x1, n1, x2, n2]) => (
            "relative_likelihood",
            counts_json(&[x1, n1, x2, n2]),
            stats::relative_likelihood(x1, n1, x2, n2),
        ),
        RatioInputs::Representation(x, n, b) => (
            "representation",
            format!("[{x}, {n}, {}]", num(b)),
            stats::representation_ratio(x, n, b).map(|r| r.ratio),
        ),
        RatioInputs::RepresentationOfSamples([x, n, bx, bn]) => (
            "representation_of_samples",
            counts_json(&[x, n, bx, bn]),
            stats::representation_ratio_of_samples(x, n, bx, bn).map(|r| r.ratio),
        ),
        RatioInputs::PartAgainstRest([x, n, wx, wn]) => (
            "part_against_rest",
            counts_json(&[x, n, wx, wn]),
            stats::part_against_rest(x, n, wx, wn).map(|r| r.ratio),
        ),
    };
    object(&[
        ("case", text(label)),
        ("known", known.to_string()),
        ("kind", text(kind)),
        ("inputs", inputs),
        (
            "range",
            format!("[{}, {}]", num(range.lower()), num(range.upper())),
        ),
        ("adverse", text(direction_name(adverse))),
        (
            "status",
            text(status_name(stats::ratio_status(&result, range, adverse))),
        ),
    ])
}

/// The figures of every case as JSON (one record a line), and how many records there are.
fn figures_json(cases: &Cases, seed: u64) -> (String, usize) {
    let mut sections: Vec<(&str, Vec<String>)> = Vec::new();
    let record = |label: &str, known: bool, fields: &[(&str, String)]| {
        let mut all = vec![("case", text(label)), ("known", known.to_string())];
        all.extend(fields.iter().cloned());
        object(&all)
    };
    let default_range = NonAdverseRange::default();
    let mut statuses = Vec::new();
    let mut read_both_ways = |c: &Case<RatioInputs>| {
        for adverse in [
            AdverseDirection::Above,
            AdverseDirection::Below,
            AdverseDirection::Neither,
        ] {
            statuses.push(status_json(
                &c.label,
                c.known,
                c.inputs,
                default_range,
                adverse,
            ));
        }
    };

    let wilson = cases
        .wilson
        .iter()
        .map(|c| {
            let (x, n) = c.inputs;
            let result = match (stats::proportion(x, n), stats::wilson_interval(x, n)) {
                (Some(p), Some(w)) => object(&[
                    ("value", num(p.value)),
                    ("lower", num(w.lower)),
                    ("upper", num(w.upper)),
                ]),
                (None, None) => "null".to_string(),
                // The two functions disagree about whether there is an interval: a mismatch.
                (p, w) => text(&format!("proportion {p:?} but wilson_interval {w:?}")),
            };
            record(
                &c.label,
                c.known,
                &[
                    ("x", x.to_string()),
                    ("n", n.to_string()),
                    ("result", result),
                ],
            )
        })
        .collect();
    sections.push(("wilson_interval", wilson));

    let rl = cases
        .relative_likelihood
        .iter()
        .map(|c| {
            let [x1, n1, x2, n2] = c.inputs;
            read_both_ways(&Case {
                label: c.label.clone(),
                known: c.known,
                inputs: RatioInputs::RelativeLikelihood(c.inputs),
            });
            let result = ratio_json(&stats::relative_likelihood(x1, n1, x2, n2));
            record(
                &c.label,
                c.known,
                &[("inputs", counts_json(&c.inputs)), ("result", result)],
            )
        })
        .collect();
    sections.push(("relative_likelihood", rl));

    let rep = cases
        .representation
        .iter()
        .map(|c| {
            let (x, n, b) = c.inputs;
            read_both_ways(&Case {
                label: c.label.clone(),
                known: c.known,
                inputs: RatioInputs::Representation(x, n, b),
            });
            let result = representation_json(&stats::representation_ratio(x, n, b));
            let inputs = format!("[{x}, {n}, {}]", num(b));
            record(&c.label, c.known, &[("inputs", inputs), ("result", result)])
        })
        .collect();
    sections.push(("representation_ratio", rep));

    let samples = cases
        .representation_of_samples
        .iter()
        .map(|c| {
            let [x, n, bx, bn] = c.inputs;
            read_both_ways(&Case {
                label: c.label.clone(),
                known: c.known,
                inputs: RatioInputs::RepresentationOfSamples(c.inputs),
            });
            let result = representation_json(&stats::representation_ratio_of_samples(x, n, bx, bn));
            record(
                &c.label,
                c.known,
                &[("inputs", counts_json(&c.inputs)), ("result", result)],
            )
        })
        .collect();
    sections.push(("representation_ratio_of_samples", samples));

    let parts = cases
        .part_against_rest
        .iter()
        .map(|c| {
            let [x, n, wx, wn] = c.inputs;
            read_both_ways(&Case {
                label: c.label.clone(),
                known: c.known,
                inputs: RatioInputs::PartAgainstRest(c.inputs),
            });
            let result = representation_json(&stats::part_against_rest(x, n, wx, wn));
            record(
                &c.label,
                c.known,
                &[("inputs", counts_json(&c.inputs)), ("result", result)],
            )
        })
        .collect();
    sections.push(("part_against_rest", parts));

    let fisher = cases
        .fisher_exact
        .iter()
        .map(|c| {
            let [a, b, cc, d] = c.inputs;
            record(
                &c.label,
                c.known,
                &[
                    ("table", counts_json(&c.inputs)),
                    ("p", num(stats::fisher_exact(a, b, cc, d))),
                ],
            )
        })
        .collect();
    sections.push(("fisher_exact", fisher));

    let binomial = cases
        .binomial_exact
        .iter()
        .map(|c| {
            let (x, n, share) = c.inputs;
            record(
                &c.label,
                c.known,
                &[
                    ("x", x.to_string()),
                    ("n", n.to_string()),
                    ("share", num(share)),
                    ("p", num(stats::binomial_exact(x, n, share))),
                ],
            )
        })
        .collect();
    sections.push(("binomial_exact", binomial));

    let medians = cases
        .median_iqr
        .iter()
        .map(|c| {
            let values: Vec<String> = c.inputs.iter().map(|&v| num(v)).collect();
            let result = match stats::median_iqr(&c.inputs) {
                Some(s) => object(&[
                    ("median", num(s.median)),
                    ("q1", num(s.q1)),
                    ("q3", num(s.q3)),
                    ("count", s.count.to_string()),
                ]),
                None => "null".to_string(),
            };
            let values = format!("[{}]", values.join(", "));
            record(&c.label, c.known, &[("values", values), ("result", result)])
        })
        .collect();
    sections.push(("median_iqr", medians));

    for c in &cases.ratio_status {
        let (inputs, range, adverse) = c.inputs;
        statuses.push(status_json(&c.label, c.known, inputs, range, adverse));
    }
    sections.push(("ratio_status", statuses));

    let shown = cases
        .display
        .iter()
        .map(|c| {
            let (value, range) = c.inputs;
            record(
                &c.label,
                c.known,
                &[
                    ("value", num(value)),
                    (
                        "range",
                        format!("[{}, {}]", num(range.lower()), num(range.upper())),
                    ),
                    ("plain", text(&stats::format_ratio(value))),
                    ("in_range", text(&stats::format_ratio_in(value, range))),
                    ("interval_end", text(&stats::format_interval_end(value))),
                    ("range_text", text(&stats::format_range(range))),
                ],
            )
        })
        .collect();
    sections.push(("display", shown));

    let small = cases
        .small_numbers
        .iter()
        .map(|c| {
            let (numerator, denominator) = c.inputs;
            record(
                &c.label,
                c.known,
                &[
                    ("numerator", numerator.to_string()),
                    ("denominator", denominator.to_string()),
                    (
                        "small",
                        stats::small_numbers(numerator, denominator).to_string(),
                    ),
                ],
            )
        })
        .collect();
    sections.push(("small_numbers", small));

    let mut directions = Vec::new();
    for (convention, convention_name) in [
        (Convention::ScWres, "sc_wres"),
        (Convention::NhsWres, "nhs_wres"),
    ] {
        for metric in Metric::ALL {
            let orientation = match stats::orientation(convention, metric) {
                stats::Orientation::ComparisonOverReference => "comparison_over_reference",
                stats::Orientation::ReferenceOverComparison => "reference_over_comparison",
            };
            let adverse = direction_name(stats::adverse_direction(convention, metric));
            directions.push(record(
                &format!(
                    "{convention_name} {}",
                    race_equity_domain::wres::metric_id(metric)
                ),
                false,
                &[
                    ("convention", text(convention_name)),
                    ("metric", text(race_equity_domain::wres::metric_id(metric))),
                    ("orientation", text(orientation)),
                    ("adverse", text(adverse)),
                ],
            ));
        }
    }
    sections.push(("adverse_direction", directions));

    let mut suppressed = Vec::new();
    for c in &cases.suppress_count {
        for (preset, preset_name) in PRESETS {
            let shown = stats::suppress_count(c.inputs, preset);
            suppressed.push(record(
                &c.label,
                c.known,
                &[
                    ("n", c.inputs.to_string()),
                    ("preset", text(preset_name)),
                    ("text", text(&shown.text())),
                    ("suppressed", (shown == Shown::Suppressed).to_string()),
                ],
            ));
        }
    }
    sections.push(("suppress_count", suppressed));

    let mut reportable = Vec::new();
    for c in &cases.rate_is_reportable {
        let (numerator, denominator) = c.inputs;
        for (preset, preset_name) in PRESETS {
            let verdict = stats::rate_is_reportable(numerator, denominator, preset);
            reportable.push(record(
                &c.label,
                c.known,
                &[
                    ("numerator", numerator.to_string()),
                    ("denominator", denominator.to_string()),
                    ("preset", text(preset_name)),
                    ("reportable", verdict.to_string()),
                ],
            ));
        }
    }
    sections.push(("rate_is_reportable", reportable));

    let flags = cases
        .not_stated_flag
        .iter()
        .map(|c| {
            let (not_stated, total) = c.inputs;
            let flag = stats::not_stated_flag(not_stated, total);
            record(
                &c.label,
                c.known,
                &[
                    ("not_stated", not_stated.to_string()),
                    ("total", total.to_string()),
                    ("flag", flag.to_string()),
                ],
            )
        })
        .collect();
    sections.push(("not_stated_flag", flags));

    let records = sections.iter().map(|(_, list)| list.len()).sum();
    let mut json = String::from("{\n");
    let _ = writeln!(json, "  \"generator\": \"cargo xtask reference-figures\",");
    let _ = writeln!(json, "  \"seed\": {seed},");
    let _ = writeln!(json, "  \"z\": {},", num(stats::Z_95));
    let _ = writeln!(
        json,
        "  \"suppression_thresholds\": {},",
        object(&PRESETS.map(|(preset, name)| (name, preset.threshold().to_string())))
    );
    let _ = writeln!(json, "  \"statistics\": {{");
    for (i, (name, list)) in sections.iter().enumerate() {
        let _ = writeln!(json, "    {}: [", text(name));
        let _ = writeln!(json, "      {}", list.join(",\n      "));
        let comma = if i + 1 < sections.len() { "," } else { "" };
        let _ = writeln!(json, "    ]{comma}");
    }
    json.push_str("  }\n}\n");
    (json, records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_the_same_everywhere() {
        // SplitMix64's first outputs for seed 0 (its reference implementation).
        let mut rng = Rng(0);
        assert_eq!(rng.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn the_edge_cases_parse_and_the_figures_are_json_shaped() {
        let mut cases = Cases::default();
        read_edge_cases(&mut cases, &reference_dir().join("edge_cases.txt")).unwrap();
        assert!(cases
            .relative_likelihood
            .iter()
            .any(|c| c.inputs == [0, 40, 6, 120]));
        add_random_cases(&mut cases, SEED);
        let (json, records) = figures_json(&cases, SEED);
        assert!(records > 14 * RANDOM_CASES);
        assert!(cases
            .part_against_rest
            .iter()
            .any(|c| c.inputs == [1, 37, 15, 113]));
        assert!(json.starts_with('{') && json.ends_with("}\n"));
    }

    #[test]
    fn numbers_and_text_are_written_as_json() {
        assert_eq!(num(0.1), "0.1");
        assert_eq!(num(1e-10), "1e-10");
        assert_eq!(num(2.0), "2.0");
        // JSON has no NaN or infinity: they are written as strings, which the check reports.
        assert_eq!(num(f64::NAN), "\"NaN\"");
        assert_eq!(num(f64::NEG_INFINITY), "\"-inf\"");
        assert_eq!(text("a \"b\"\\\n"), "\"a \\\"b\\\"\\\\\\u000a\"");
    }
}
