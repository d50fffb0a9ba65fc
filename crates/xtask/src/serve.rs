//! A small static server for `cargo xtask run` and the tests: `dist/` first, then `www/`, on
//! 127.0.0.1 only.

use std::path::{Component, Path, PathBuf};

use crate::util::root;

/// Serves until interrupted.
pub fn serve(port: u16) -> Result<(), String> {
    let address = format!("127.0.0.1:{port}");
    let server = tiny_http::Server::http(&address).map_err(|e| {
        format!("cannot listen on {address}: {e}. Is another server using it? Try `cargo xtask run --port 8081`.")
    })?;
    println!("\nRace Equity Planner is running. Open one of:");
    println!("  http://{address}/                          the demo page (script embed, opens on the example plan)");
    println!("  http://{address}/embed.html                the page to put in an iframe (SharePoint Embed web part)");
    println!("  http://{address}/race-equity-planner.html  the single self-contained file");
    println!("Press Ctrl+C to stop.");
    let roots = [crate::util::dist_dir(), root().join("www")];
    for request in server.incoming_requests() {
        let response = match resolve(&roots, request.url()) {
            Some(path) => match std::fs::read(&path) {
                Ok(bytes) => tiny_http::Response::from_data(bytes)
                    .with_header(header("Content-Type", content_type(&path)))
                    .with_header(header("Cache-Control", "no-store")),
                Err(_) => not_found(),
            },
            None => not_found(),
        };
        let _ = request.respond(response);
    }
    Ok(())
}

fn not_found() -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    tiny_http::Response::from_string("Not found").with_status_code(404)
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| {
        tiny_http::Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("static header")
    })
}

/// Maps a URL path onto a file under one of the roots, refusing anything that climbs out. The
/// path's %-escapes are read first, as a browser's server would, so an escaped ".." is refused too.
fn resolve(roots: &[PathBuf], url: &str) -> Option<PathBuf> {
    let raw = url.split(['?', '#']).next().unwrap_or("/");
    let path = percent_encoding::percent_decode_str(raw)
        .decode_utf8()
        .ok()?;
    let path: &str = &path;
    let mut relative = PathBuf::new();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => relative.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if relative.as_os_str().is_empty() {
        relative.push("index.html");
    }
    roots
        .iter()
        .map(|r| r.join(&relative))
        .find(|p| p.is_file())
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_climb_out_of_the_roots() {
        let roots = [root().join("www")];
        // www/../Cargo.toml exists: each of these would serve it if ".." got through.
        assert!(root().join("www/../Cargo.toml").is_file());
        assert_eq!(resolve(&roots, "/../Cargo.toml"), None);
        assert_eq!(resolve(&roots, "/%2e%2e/Cargo.toml"), None);
        assert_eq!(resolve(&roots, "/%2E%2E%2FCargo.toml"), None);
        assert_eq!(resolve(&roots, "/..%2fCargo.toml"), None);
    }

    #[test]
    fn reads_escapes_in_a_path() {
        // The escaped path is the same file as the plain one, so decoding is what the test above
        // refuses, not a literal "%2e%2e" folder that happens not to exist.
        let roots = [root().join("www")];
        assert_eq!(
            resolve(&roots, "/widget%2Ecss"),
            Some(root().join("www/widget.css"))
        );
        assert_eq!(resolve(&roots, "/%ff"), None);
    }

    #[test]
    fn serves_the_widget_styles_from_www() {
        let roots = [root().join("www")];
        assert_eq!(
            resolve(&roots, "/widget.css?v=1"),
            Some(root().join("www/widget.css"))
        );
    }
}
