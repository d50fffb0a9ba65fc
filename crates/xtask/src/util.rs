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

/// The smallest LZMA ("LZMA alone", the `.lzma` format) that liblzma's extreme preset makes, with
/// the real length written into the header, as the decoder in the single file needs it. For wasm it
/// is about a fifth smaller than zopfli's gzip (docs/PERFORMANCE.md).
pub fn lzma_smallest(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    use xz2::stream::{LzmaOptions, Stream};
    const PRESET_EXTREME: u32 = 0x8000_0000; // liblzma's LZMA_PRESET_EXTREME
    let fail = |e: &dyn std::fmt::Display| format!("LZMA compression failed: {e}");
    let mut options = LzmaOptions::new_preset(9 | PRESET_EXTREME).map_err(|e| fail(&e))?;
    // Measured on our wasm: byte-aligned positions (pb=0), four bits of literal context (the most
    // liblzma allows; 0.3 KB smaller than the preset's 3) and the longest matches help a little.
    options
        .position_bits(0)
        .literal_context_bits(4)
        .nice_len(273);
    let stream = Stream::new_lzma_encoder(&options).map_err(|e| fail(&e))?;
    let mut encoder = xz2::write::XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(bytes).map_err(|e| fail(&e))?;
    let mut out = encoder.finish().map_err(|e| fail(&e))?;
    // Header: 5 bytes of properties, then the uncompressed length (u64, little-endian), which the
    // streaming encoder leaves as "unknown".
    if out.len() < 13 {
        return Err("LZMA compression failed: the output has no header".into());
    }
    out[5..13].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    Ok(out)
}

/// Gzip -9 size of some bytes.
pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

/// A size in KB with one decimal.
pub fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}
