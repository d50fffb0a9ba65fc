//! `cargo xtask`: the project's build chores, so that a fresh machine needs only `cargo`.
//!
//! - `cargo xtask run [--port N]`: install what is missing, build, write `dist/`, serve it.
//! - `cargo xtask test`: native unit tests, wasm tests in headless Chromium, end-to-end tests.
//! - `cargo xtask dist`: install what is missing and build `dist/`, no server.
//! - `cargo xtask bench`: print sizes and timings.
//! - `cargo xtask setup`: install the tools only.

mod bench;
mod dist;
#[cfg(test)]
mod layers;
mod reference;
mod serve;
mod test;
mod tools;
mod util;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().map(String::as_str).unwrap_or("help");
    let result = match command {
        "run" => run(&args[1..]),
        "dist" => tools::ensure_build_tools().and_then(|_| dist::build()),
        "test" => test::run_all(),
        "bench" => bench::run(),
        // Run by `bench` in an optimised build; not meant to be called directly.
        "bench-native" => bench::native(),
        // Hidden: the reference checks of the statistics (tests/reference/); `test` runs them.
        "reference-figures" => reference::figures_command(&args[1..]),
        "reference-check" => reference::check(),
        "setup" => tools::ensure_build_tools().and_then(|_| tools::ensure_test_tools()),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(format!(
            "unknown command '{other}'. Run `cargo xtask help` to see the commands."
        )),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut port: u16 = 8080;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--port" => {
                let value = iter
                    .next()
                    .ok_or("--port needs a number, e.g. --port 8081")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port needs a number from 1 to 65535, not '{value}'"))?;
            }
            other => {
                return Err(format!(
                    "unknown option '{other}' for run (try --port 8081)"
                ))
            }
        }
    }
    if let Ok(value) = std::env::var("PORT") {
        port = value
            .parse()
            .map_err(|_| format!("PORT must be a number, not '{value}'"))?;
    }
    tools::ensure_build_tools()?;
    dist::build()?;
    serve::serve(port)
}

fn print_help() {
    println!(
        "cargo xtask <command>\n\n  run [--port N]  install what is missing, build, serve on 127.0.0.1 (default port 8080)\n  test            every test suite; ends with one line 'N passed, N failed'\n  dist            build dist/ (single file, script embed, iframe page)\n  bench           print sizes and timings\n  setup           install the build and test tools only"
    );
}
