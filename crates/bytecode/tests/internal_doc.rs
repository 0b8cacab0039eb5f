//! `docs/LANGUAGE.md` lists the internal classes as the table in `internal.rs` has them. Run
//! with `PHANTOM_BLESS=1` to write the list again after changing the table.

const BEGIN: &str = "<!-- internal classes: generated from crates/bytecode/src/internal.rs -->\n";
const END: &str = "<!-- end of internal classes -->";

#[test]
fn the_language_document_lists_the_internal_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/LANGUAGE.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find(BEGIN).expect("LANGUAGE.md has the generated list's start marker") + BEGIN.len();
    let end = start + doc[start..].find(END).expect("LANGUAGE.md has the list's end marker");
    let expected = phantom_bytecode::internal::markdown_list();
    if doc[start..end] != expected {
        if std::env::var_os("PHANTOM_BLESS").is_some() {
            std::fs::write(path, format!("{}{expected}{}", &doc[..start], &doc[end..])).unwrap();
            return;
        }
        panic!(
            "docs/LANGUAGE.md's list of internal classes differs from the table; run this test with PHANTOM_BLESS=1"
        );
    }
}
