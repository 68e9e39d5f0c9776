//! Which files a run checks: paths as given, directories (recursively) and glob patterns.

use std::path::{Path, PathBuf};

/// Extensions checked when walking a directory (a file named explicitly is always checked).
pub const CHECKED_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "shtml", "xhtml", "docx", "pdf",
];

/// A path argument that could not be expanded.
#[derive(Debug, Clone)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

/// Expands path arguments into files, sorted and without duplicates. Errors are collected, so the
/// other paths are still checked.
pub fn expand(arguments: &[String]) -> (Vec<PathBuf>, Vec<PathError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for argument in arguments {
        let path = Path::new(argument);
        if path.is_dir() {
            walk(path, &mut files, &mut errors);
        } else if path.exists() || !is_glob(argument) {
            // A missing plain path is reported when it is read, with the OS's reason.
            files.push(path.to_path_buf());
        } else {
            expand_glob(argument, &mut files, &mut errors);
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn is_glob(argument: &str) -> bool {
    argument.contains(['*', '?', '['])
}

fn has_checked_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            CHECKED_EXTENSIONS
                .iter()
                .any(|known| known.eq_ignore_ascii_case(ext))
        })
}

fn walk(directory: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<PathError>) {
    for entry in walkdir::WalkDir::new(directory).follow_links(true) {
        match entry {
            Ok(entry) if entry.file_type().is_file() && has_checked_extension(entry.path()) => {
                files.push(entry.into_path());
            }
            Ok(_) => {}
            Err(error) => errors.push(PathError {
                path: error.path().map_or_else(
                    || directory.display().to_string(),
                    |path| path.display().to_string(),
                ),
                message: error.to_string(),
            }),
        }
    }
}

fn expand_glob(pattern: &str, files: &mut Vec<PathBuf>, errors: &mut Vec<PathError>) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            errors.push(PathError {
                path: pattern.to_string(),
                message: format!("invalid glob pattern: {error}"),
            });
            return;
        }
    };
    let before = files.len();
    for entry in paths {
        match entry {
            Ok(path) if path.is_dir() => walk(&path, files, errors),
            Ok(path) => files.push(path),
            Err(error) => errors.push(PathError {
                path: error.path().display().to_string(),
                message: error.error().to_string(),
            }),
        }
    }
    if files.len() == before {
        errors.push(PathError {
            path: pattern.to_string(),
            message: "no file matches this pattern".to_string(),
        });
    }
}
