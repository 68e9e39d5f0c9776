//! The built-in rule packs, embedded at build time so the binary works anywhere.

/// `(name, contents)` of every built-in rule file, in load order.
pub const FILES: &[(&str, &str)] = &[
    ("rules/common.toml", include_str!("../../rules/common.toml")),
    (
        "rules/ogi-2007.toml",
        include_str!("../../rules/ogi-2007.toml"),
    ),
    (
        "rules/ogi-2019.toml",
        include_str!("../../rules/ogi-2019.toml"),
    ),
    (
        "rules/ogi-2019-tables.toml",
        include_str!("../../rules/ogi-2019-tables.toml"),
    ),
    (
        "rules/ogi-2019-years.toml",
        include_str!("../../rules/ogi-2019-years.toml"),
    ),
];
