//! Installs what the build and the tests need, only where it is missing, timing each step.
//!
//! Measured traps (see ../shared/TOOLCHAIN.md): `cargo install --locked wasm-bindgen-cli` fails to
//! resolve here, so the CLI is installed without `--locked`, pinned to Cargo.lock's version; and
//! Debian's binaryen is too old for today's Rust output, so wasm-opt comes from npm's `binaryen`.

use std::path::PathBuf;
use std::time::Instant;

use crate::util::{command, locked_version, output_of, root, run};

/// Where npm installs the dev tools (Playwright, axe-core, binaryen), from the committed lockfile.
pub fn node_dir() -> PathBuf {
    root().join("tests")
}

/// npm's wasm-opt (binaryen), pinned in tests/package.json.
pub fn wasm_opt() -> PathBuf {
    node_dir().join("node_modules/.bin/wasm-opt")
}

fn timed(step: &str, f: impl FnOnce() -> Result<(), String>) -> Result<(), String> {
    let start = Instant::now();
    f()?;
    println!("==> {step}: done in {:.0} s", start.elapsed().as_secs_f64());
    Ok(())
}

/// The wasm target, wasm-bindgen-cli at the lockfile's version, wasm-pack, and the npm tools.
pub fn ensure_build_tools() -> Result<(), String> {
    let targets = output_of("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|t| t.trim() == "wasm32-unknown-unknown")
    {
        timed("install the wasm32 target", || {
            run(
                "rustup target add wasm32-unknown-unknown",
                command("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
            )
        })?;
    }

    let wanted = locked_version("wasm-bindgen")?;
    let have = output_of("wasm-bindgen", &["--version"]).unwrap_or_default();
    if have != format!("wasm-bindgen {wanted}") {
        timed("install wasm-bindgen-cli", || {
            // No --locked: with it, resolution fails here (TOOLCHAIN.md).
            run(
                &format!("cargo install wasm-bindgen-cli --version {wanted} (found '{have}')"),
                command("cargo").args([
                    "install",
                    "wasm-bindgen-cli",
                    "--force",
                    "--version",
                    &wanted,
                ]),
            )
        })?;
    }

    if output_of("wasm-pack", &["--version"]).is_none() {
        timed("install wasm-pack", || {
            run(
                "cargo install --locked wasm-pack",
                command("cargo").args(["install", "--locked", "wasm-pack"]),
            )
        })?;
    }

    ensure_npm_tools()
}

/// `npm ci` in tests/ when node_modules is missing or older than the lockfile.
fn ensure_npm_tools() -> Result<(), String> {
    if output_of("npm", &["--version"]).is_none() {
        return Err("npm is not installed. On Debian: apt-get install -y nodejs npm".into());
    }
    let lock = node_dir().join("package-lock.json");
    let stamp = node_dir().join("node_modules/.package-lock.json");
    let modified = |p: &PathBuf| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let fresh = match (modified(&lock), modified(&stamp)) {
        (Some(l), Some(s)) => s >= l && wasm_opt().exists(),
        _ => false,
    };
    if !fresh {
        timed("install npm dev tools", || {
            run(
                "npm ci (tests/package-lock.json: playwright-core, axe-core, binaryen, terser)",
                command("npm")
                    .current_dir(node_dir())
                    .args(["ci", "--no-audit", "--no-fund"]),
            )
        })?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver, and Python's venv (for the reference checks). Nothing
/// here downloads a browser of its own.
pub fn ensure_test_tools() -> Result<(), String> {
    let have = |p: &str| std::path::Path::new(p).exists();
    if !(have("/usr/bin/chromium") && have("/usr/bin/chromedriver")) {
        timed("install Chromium from Debian", || {
            run("apt-get update", command("apt-get").arg("update"))?;
            run(
                "apt-get install chromium chromium-driver",
                command("apt-get")
                    .args([
                        "install",
                        "-y",
                        "--no-install-recommends",
                        "chromium",
                        "chromium-driver",
                    ])
                    .env("DEBIAN_FRONTEND", "noninteractive"),
            )
        })?;
    }
    // The reference checks of the statistics make a Python venv; Debian's python3 needs
    // python3-venv for that (its ensurepip).
    if output_of("python3", &["-c", "import venv, ensurepip"]).is_none() {
        timed("install Python's venv from Debian", || {
            run("apt-get update", command("apt-get").arg("update"))?;
            run(
                "apt-get install python3 python3-venv",
                command("apt-get")
                    .args([
                        "install",
                        "-y",
                        "--no-install-recommends",
                        "python3",
                        "python3-venv",
                    ])
                    .env("DEBIAN_FRONTEND", "noninteractive"),
            )
        })?;
    }
    Ok(())
}
