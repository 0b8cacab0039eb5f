//! The compiler never panics, hangs or overflows the stack, whatever the input: random token
//! soup, mutations of a valid program, and pathological nesting. Whatever it emits verifies.

use phantom_compiler::lexer::{KEYWORDS, OPERATORS};
use phantom_compiler::{compile, ClassPath, Source};
use proptest::prelude::*;

fn run(text: &str) -> phantom_compiler::Output {
    let output = compile(vec![Source { path: "t.ph".into(), text: text.to_string() }], ClassPath::default());
    for (_, file) in &output.classes {
        phantom_bytecode::verify(file).expect("emitted code verifies");
    }
    // Rendering must work for every diagnostic, wherever it points.
    let _ = output.render();
    output
}

const VALID: &str = r#"
package .fuzz;
class sample extends .internal.object
{
    var n : int;
    var items : string[];
    void sample() { n = 1; }
    int twice(var x : int) { return x * 2; }
    void run(var boot) [8]
    {
        var i : int;
        var s : string;
        for (i = 0; i < 10; i++) { n += twice(i); if (n > 50 && i != 3) break; }
        switch (n) { case 1: s = "one"; break; default: s = "x" + n; }
        try { throw s; } catch (string e) { boot.16(e); }
        do { i--; } while (i > 0) n = n - 1;
        items = new string[]();
        items[2] = (n > 3) ? "big" : "small";
        foreach (x in items) boot.16(x);
    }
};
"#;

/// Tokens for random programs: every keyword and operator of the lexer, plus names, type
/// names, literals, comment markers and an unterminated quote.
fn words() -> Vec<&'static str> {
    let others = [
        "int", "string", "x", "y", ".a.b", "f", "0", "17", "0x1F", "1.5", "'c'", "\"s\"", "\"", "/*", "*/", "//", "\n",
        "[8]",
    ];
    KEYWORDS.iter().chain(OPERATORS).chain(&others).copied().collect()
}

#[test]
fn valid_sample_compiles() {
    let out = run(VALID);
    assert!(!out.has_errors(), "{}", out.render());
    assert_eq!(out.classes.len(), 1);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let n = 20_000;
    let bodies = [
        format!("x = {}1{};", "(".repeat(n), ")".repeat(n)),
        format!("x = {}1;", "-".repeat(n)),
        format!("x = {}1;", "!".repeat(n)),
        format!("{}{}", "{".repeat(n), "}".repeat(n)),
        format!("{}x = 1;", "if (1) ".repeat(n)),
        format!("x = {}1;", "x = ".repeat(n)),
    ];
    for body in bodies {
        let text = format!("class deep {{ void f() {{ var x : int; {body} }} }};");
        let out = run(&text);
        assert!(out.has_errors());
        assert!(
            out.diagnostics.iter().any(|d| d.message.contains("nested too deeply")),
            "{:?}",
            out.diagnostics[0].message
        );
    }
}

#[test]
fn many_errors_are_capped() {
    let text = "class c { void f() { ".to_string() + &"1 + ; ".repeat(10_000) + "} };";
    let out = run(&text);
    assert!(out.has_errors());
    assert!(out.diagnostics.len() <= 60, "{} diagnostics", out.diagnostics.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn token_soup(words in prop::collection::vec(prop::sample::select(words()), 0..120)) {
        run(&words.join(" "));
    }

    #[test]
    fn mutated_program(edits in prop::collection::vec((0usize..VALID.len(), 0u8..3, prop::sample::select(words())), 1..6)) {
        let mut text = VALID.as_bytes().to_vec();
        for (at, kind, word) in edits {
            let at = at.min(text.len());
            match kind {
                0 => { text.remove(at.min(text.len().saturating_sub(1))); }
                1 => { text.splice(at..at, word.bytes()); }
                _ => { let end = (at + word.len()).min(text.len()); text.splice(at..end, word.bytes()); }
            }
        }
        run(&String::from_utf8_lossy(&text));
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        run(&String::from_utf8_lossy(&bytes));
    }
}
