//! Micro-benchmarks of each pipeline stage, so that a regression in one is visible:
//! normalisation, structure recognition, table recognition, rule evaluation, rule loading.
//!
//! `cargo bench --bench pipeline` (results in target/criterion).

use std::fs;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ogilint::document::tables::read_table;
use ogilint::document::{recognize, StructureOptions};
use ogilint::engine::{check_text, Options};
use ogilint::rules::load::{load, RuleSources};
use ogilint::text::normalize;

fn fixture(name: &str) -> String {
    fs::read_to_string(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("fixture is readable")
}

fn builtin() -> ogilint::rules::RuleSet {
    load(&RuleSources {
        builtin: true,
        paths: Vec::new(),
    })
    .expect("built-in rules load")
}

fn stages(c: &mut Criterion) {
    let multi = fixture("001_e0f2844ddd246cd5.txt");
    let tables_2021 = fixture("synthetic/2021-table-cells-per-line.txt");
    let pipes_2019 = fixture("002_8ea8eed0dcff065f.txt");
    let rules = builtin();

    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(multi.len() as u64));
    group.bench_function("001 (5 reports, 43 KB)", |b| {
        b.iter(|| normalize(black_box(&multi)))
    });
    group.finish();

    let normalized = normalize(&multi);
    let mut group = c.benchmark_group("structure");
    group.throughput(Throughput::Bytes(multi.len() as u64));
    group.bench_function("001 (5 reports, 43 KB)", |b| {
        b.iter(|| recognize(black_box(normalized.as_str()), StructureOptions::default()))
    });
    group.finish();

    let mut group = c.benchmark_group("tables");
    for (name, text) in [
        ("2021 one cell per line", &tables_2021),
        ("2019 pipe rows", &pipes_2019),
    ] {
        let normalized = normalize(text);
        let documents = recognize(normalized.as_str(), StructureOptions::default());
        let table = rules.table("applications").expect("built-in table");
        group.bench_function(name, |b| {
            b.iter(|| {
                read_table(
                    black_box(&documents[0]),
                    normalized.as_str(),
                    table.anchor.regex(),
                    table.columns.len(),
                )
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check (all built-in rules)");
    for (name, text) in [
        ("001 (5 reports, 43 KB)", &multi),
        ("2021 with tables", &tables_2021),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| check_text("bench.txt", black_box(text), &rules, Options::default()))
        });
    }
    group.finish();

    c.bench_function("load built-in rules", |b| b.iter(builtin));
}

criterion_group!(benches, stages);
criterion_main!(benches);
