//! ogilint checks 政府信息公开工作年度报告 (annual reports on open government information) against
//! 《中华人民共和国政府信息公开条例》 and the State Council's unified report format.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! input (read, decode) → text (normalise, offset map) → document (reports, title, year,
//! headings, period) → rules (model, loading, one file per kind) → engine (findings) → output
//! ```

pub mod document;
pub mod engine;
pub mod files;
pub mod input;
pub mod output;
pub mod rules;
pub mod text;
