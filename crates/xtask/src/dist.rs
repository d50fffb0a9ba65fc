//! Builds the widget once and writes the three ways to ship it into `dist/`:
//! the single self-contained HTML file, the script embed, and the iframe page.

use std::fs;
use std::path::Path;

use base64::Engine;
use sha2::{Digest, Sha256};

use crate::tools::{node_dir, wasm_opt};
use crate::util::{command, dist_dir, out_dir, root, run};

/// The single file, the product most users will hold.
pub const SINGLE_FILE: &str = "race-equity-planner.html";
/// The script-embed loader a host page includes.
pub const LOADER: &str = "race-equity-planner.js";
const GLUE: &str = "race_equity_widget.js";
const WASM: &str = "race_equity_widget_bg.wasm";

/// The single file's policy: nothing may be fetched or connected to; only its own inline script
/// (by hash) may run, and wasm may compile. `style-src 'unsafe-inline'` covers the widget's own
/// stylesheet inside its shadow root.
fn content_security_policy(script_hash: &str) -> String {
    format!(
        "default-src 'none'; script-src 'sha256-{script_hash}' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// wasm-pack into pkg/, wasm-opt, then the three ways to ship into dist/.
pub fn build() -> Result<(), String> {
    let root = root();
    let pkg = out_dir().join("pkg");
    let dist = dist_dir();
    // The stable compiler as it comes, with no unstable options and no extra flags. A panic aborts
    // (the release profile), after the widget's panic hook has logged it and shown the user a
    // message (crates/widget/src/lib.rs).
    run(
        "wasm-pack build (release)",
        command("wasm-pack").args([
            "build",
            "crates/widget",
            "--target",
            "web",
            "--release",
            "--no-typescript",
            "--out-dir",
            &pkg.to_string_lossy(),
            "--out-name",
            "race_equity_widget",
        ]),
    )?;
    if pkg.join("snippets").exists() {
        return Err("wasm-bindgen wrote pkg/snippets/: those files would be missing from the single file. Remove the inline JS snippet that caused them.".into());
    }
    fs::create_dir_all(&dist).map_err(|e| format!("cannot create dist/: {e}"))?;
    drop_stream_exports(&pkg.join(WASM))?;
    // Measured on 2026-12-07 (docs/PERFORMANCE.md): the wasm 40% smaller, and the single file
    // first drawn about 20 ms sooner, than without wasm-opt; `--flatten --rereloop -Oz -Oz` was
    // 0.8% smaller again, no sooner, and took about 9 s longer.
    run(
        "wasm-opt -Oz (npm binaryen)",
        command(&wasm_opt().to_string_lossy()).args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-reference-types",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-multivalue",
            "--enable-mutable-globals",
            &pkg.join(WASM).to_string_lossy(),
            "-o",
            &dist.join(WASM).to_string_lossy(),
        ]),
    )?;

    let glue = read(&pkg.join(GLUE))?;
    let start = read(&root.join("www/start.js"))?;
    let wasm =
        fs::read(dist.join(WASM)).map_err(|e| format!("cannot read the optimised wasm: {e}"))?;

    // 1. The script embed: the glue beside a loader that mounts every host element.
    write(&dist.join(GLUE), &glue)?;
    let loader = read(&root.join("www/loader.js"))?.replace("/*START*/", &start);
    write(&dist.join(LOADER), &loader)?;

    // 2. The single file: glue, starter and wasm inlined, minified by terser; a CSP that allows only
    //    that script. The wasm is gzip -9 then base64; the browser's DecompressionStream unpacks it
    //    while WebAssembly compiles it. Measured 2026-12-07 (docs/PERFORMANCE.md): interactive in
    //    350 ms against 500 ms for the plain base64 wasm (LZMA in JavaScript was slower than both).
    let wasm_base64 = base64::engine::general_purpose::STANDARD.encode(crate::util::gzip(&wasm));
    let script = read(&root.join("www/single-file-boot.js"))?
        .replace("/*GLUE*/", &glue)
        .replace("/*START*/", &start);
    let script = format!(
        "\n{}\n",
        minify(&script)?.replace("/*WASM_BASE64*/", &wasm_base64)
    );
    if script.contains("</script") {
        return Err("the inline script contains '</script': the single file would break".into());
    }
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes()));
    let template = read(&root.join("www/single-file.html"))?;
    let single = template
        .replace("{{CSP}}", &content_security_policy(&hash))
        .replace("{{SCRIPT}}", &script);
    write(&dist.join(SINGLE_FILE), &single)?;

    // 3. The host pages (demo, iframe page) and their styles, copied beside the loader.
    for entry in fs::read_dir(root.join("www")).map_err(|e| format!("cannot read www/: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let is_page = name.ends_with(".html") || name.ends_with(".css");
        if is_page && name != "single-file.html" && name != "widget.css" {
            fs::copy(&path, dist.join(name)).map_err(|e| format!("cannot copy {name}: {e}"))?;
        }
    }
    println!(
        "==> dist/ written: {SINGLE_FILE} ({}), {LOADER} + {GLUE} + {WASM} ({}), embed.html, index.html",
        crate::util::kb(single.len()),
        crate::util::kb(wasm.len())
    );
    Ok(())
}

/// Removes the exports of wasm-streams' `IntoUnderlying*` classes, and the code only they reach.
/// Leptos 0.8 depends on `server_fn`, which depends on wasm-streams, whose `#[wasm_bindgen]`
/// classes are exported whether used or not; a planner with no server never uses them. Their glue
/// stays in the JS (it touches the wasm only when called). Measured: 5.5 KB raw off the wasm.
fn drop_stream_exports(wasm: &Path) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("cannot trim the wasm's exports: {e}");
    let mut module = walrus::Module::from_file(wasm).map_err(|e| fail(&e))?;
    let unused: Vec<walrus::ExportId> = module
        .exports
        .iter()
        .filter(|e| e.name.contains("intounderlying"))
        .map(|e| e.id())
        .collect();
    println!(
        "==> dropping {} unused stream exports from the wasm",
        unused.len()
    );
    for id in unused {
        module.exports.delete(id);
    }
    walrus::passes::gc::run(&mut module);
    module.emit_wasm_file(wasm).map_err(|e| fail(&e))
}

/// The single file's script, minified by terser (pinned in tests/package.json) as an ES module:
/// about 4 KB gzip less than the glue and starter as written.
fn minify(script: &str) -> Result<String, String> {
    let dir = out_dir().join("pkg");
    let (input, output) = (
        dir.join("single-file-script.js"),
        dir.join("single-file-script.min.js"),
    );
    write(&input, script)?;
    run(
        "terser (minify the single file's script)",
        command("node").args([
            &node_dir()
                .join("node_modules/terser/bin/terser")
                .to_string_lossy(),
            "--module",
            "--compress",
            "--mangle",
            "--output",
            &output.to_string_lossy(),
            &input.to_string_lossy(),
        ]),
    )?;
    let minified = read(&output)?;
    let _ = fs::remove_file(&input);
    let _ = fs::remove_file(&output);
    Ok(minified)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}
