//! Small helpers shared by the chores: paths, running commands, reading the lockfile.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (two levels above this crate).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Where the build writes `pkg/` and `dist/`: the workspace root, or `$REP_OUT` when set (so a
/// second checkout or a helper can build without overwriting the main `dist/`).
pub fn out_dir() -> PathBuf {
    std::env::var_os("REP_OUT")
        .map(PathBuf::from)
        .unwrap_or_else(root)
}

/// `dist/`, what we ship.
pub fn dist_dir() -> PathBuf {
    out_dir().join("dist")
}

/// `~/.cargo/bin`, where `cargo install` puts tools; added to PATH for every command we run.
pub fn cargo_bin() -> PathBuf {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    home.join("bin")
}

/// PATH with `~/.cargo/bin` first.
pub fn path_env() -> String {
    let current = std::env::var("PATH").unwrap_or_default();
    format!("{}:{current}", cargo_bin().display())
}

/// A command rooted at the workspace with our PATH, and `REP_DIST` naming the `dist/` the
/// browser tests and benchmarks load.
pub fn command(program: &str) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(root())
        .env("PATH", path_env())
        .env("REP_DIST", dist_dir());
    cmd
}

/// Runs a command, streaming its output; an error names the step that failed.
pub fn run(step: &str, cmd: &mut Command) -> Result<(), String> {
    println!("==> {step}");
    let status = cmd
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("{step}: could not start: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{step}: failed ({status})"))
    }
}

/// The stdout of a command, if it ran and succeeded.
pub fn output_of(program: &str, args: &[&str]) -> Option<String> {
    let out = command(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The exact version of a package recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    let end = lock[start..].find('"').ok_or("Cargo.lock is malformed")?;
    Ok(lock[start..start + end].to_string())
}

/// Gzip -9 of some bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Gzip -9 size of some bytes.
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

/// A size in KB with one decimal.
pub fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}
