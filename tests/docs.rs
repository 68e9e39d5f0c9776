//! Documentation that is generated from the code stays in sync with it.

use std::fs;

const START: &str = "<!-- kinds-reference:start -->\n";
const END: &str = "<!-- kinds-reference:end -->";

#[test]
fn authoring_guide_has_the_current_kinds_reference() {
    let path = format!("{}/docs/authoring.md", env!("CARGO_MANIFEST_DIR"));
    let guide = fs::read_to_string(&path).expect("docs/authoring.md is readable");
    let start = guide.find(START).expect("start marker") + START.len();
    let end = guide.find(END).expect("end marker");
    let expected = ogilint::rules::kinds::reference_markdown();
    if guide[start..end] != expected && std::env::var_os("OGILINT_UPDATE_DOCS").is_some() {
        let updated = format!("{}{}{}", &guide[..start], expected, &guide[end..]);
        fs::write(&path, updated).expect("docs/authoring.md is writable");
        return;
    }
    assert_eq!(
        guide[start..end],
        expected,
        "docs/authoring.md is out of date: run `OGILINT_UPDATE_DOCS=1 cargo test --test docs`"
    );
}

#[test]
fn every_kind_is_in_the_reference() {
    let reference = ogilint::rules::kinds::reference_markdown();
    for kind in ogilint::rules::load::KINDS {
        assert!(
            reference.contains(&format!("### `{kind}`")),
            "the reference lacks `{kind}`"
        );
    }
}
