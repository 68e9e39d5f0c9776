//! Helpers shared by the command-line tests: run the binary, read what it printed.

// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;

/// The repository root, where `fixtures/` is.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `ogilint ARGS` in `directory`, without colour, at a fixed width.
pub fn ogilint_in(directory: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("ogilint")
        .expect("binary is built")
        .current_dir(directory)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("ogilint runs")
}

/// Runs `ogilint ARGS` in the repository root.
pub fn ogilint(args: &[&str]) -> Output {
    ogilint_in(Path::new(ROOT), args)
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}
