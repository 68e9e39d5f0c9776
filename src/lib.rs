//! ogilint checks 政府信息公开工作年度报告 (annual reports on open government information) against
//! 《中华人民共和国政府信息公开条例》 and the State Council's unified report format.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! input (read, decode) → text (normalise, offset map) → document (reports, title, year,
//! headings, period) → rules (model, loading, one file per kind) → engine (findings)
//! → pairing (year over year) → suppression (inline comments) → output (human, json, sarif, github, junit, concise)
//! ```
//!
//! Around it: `files` (which paths a run checks), `config` (`ogilint.toml`), `commands` (what
//! each CLI command does; `main.rs` only parses arguments).

pub mod commands;
pub mod config;
pub mod document;
pub mod engine;
pub mod files;
pub mod input;
pub mod output;
pub mod pairing;
pub mod rules;
pub mod suppression;
pub mod text;
