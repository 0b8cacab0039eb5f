//! Tokens of the Phantom language (reference `original-language.md` 1.1), with our extensions:
//! long, float, double and char literals, `++ -- += ... ? << >> >>>` and more string escapes.

use crate::diag::{Diagnostic, Span};

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Ident(String),
    Keyword(&'static str),
    Op(&'static str),
    Int(i32),
    Long(i64),
    Float(f32),
    Double(f64),
    Str(Vec<u8>),
    Eof,
}

#[derive(Clone, Debug)]
pub struct Token {
    pub tok: Tok,
    pub span: Span,
}

/// Reserved words of the original language, plus `for` and `instanceof` (ours).
pub const KEYWORDS: &[&str] = &[
    "attribute",
    "package",
    "import",
    "class",
    "interface",
    "public",
    "static",
    "extends",
    "implements",
    "if",
    "else",
    "while",
    "do",
    "for",
    "foreach",
    "in",
    "return",
    "switch",
    "case",
    "default",
    "break",
    "continue",
    "try",
    "catch",
    "throw",
    "var",
    "void",
    "null",
    "new",
    "this",
    "instanceof",
];

/// Punctuation, longest first so that the first match is the longest one.
pub const OPERATORS: &[&str] = &[
    ">>>=", "!->", "->!", ">>>", ":==", ":!=", "<<=", ">>=", "==", "!=", ">=", "<=", "&&", "||", ".=", "<<", ">>",
    "++", "--", "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "@", "{", "}", "+", "-", "/", "*", "%", "|", "&", "^",
    "~", "!", ">", "<", "=", ":", ".", ";", ",", "[", "]", "(", ")", "?",
];

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// Splits `source` into tokens. Errors are reported and the bad characters skipped, so the
/// parser always gets a token stream ending in `Eof`.
pub fn tokenize(source: &str, file: usize, diags: &mut Vec<Diagnostic>) -> Vec<Token> {
    let mut lexer = Lexer { src: source.as_bytes(), pos: 0, file, tokens: Vec::new(), diags };
    lexer.run();
    lexer.tokens
}

struct Lexer<'a, 'd> {
    src: &'a [u8],
    pos: usize,
    file: usize,
    tokens: Vec<Token>,
    diags: &'d mut Vec<Diagnostic>,
}

impl Lexer<'_, '_> {
    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn span(&self, start: usize) -> Span {
        Span::new(self.file, start, self.pos)
    }

    fn error(&mut self, start: usize, message: impl Into<String>) {
        let span = Span::new(self.file, start, self.pos.max(start + 1).min(self.src.len().max(start)));
        self.diags.push(Diagnostic::error(span, message));
    }

    fn push(&mut self, tok: Tok, start: usize) {
        let span = self.span(start);
        self.tokens.push(Token { tok, span });
    }

    fn run(&mut self) {
        while self.pos < self.src.len() {
            let c = self.peek(0);
            let start = self.pos;
            if c.is_ascii_whitespace() {
                self.pos += 1;
            } else if c == b'/' && self.peek(1) == b'/' {
                while self.pos < self.src.len() && self.peek(0) != b'\n' {
                    self.pos += 1;
                }
            } else if c == b'/' && self.peek(1) == b'*' {
                self.pos += 2;
                while self.pos < self.src.len() && !(self.peek(0) == b'*' && self.peek(1) == b'/') {
                    self.pos += 1;
                }
                if self.pos >= self.src.len() {
                    self.error(start, "comment is not closed: `/*` without `*/`");
                } else {
                    self.pos += 2;
                }
            } else if c.is_ascii_alphabetic() || c == b'_' || c == b'$' || c >= 0x80 {
                self.word(start);
            } else if c.is_ascii_digit() {
                self.number(start);
            } else if c == b'"' {
                self.string(start);
            } else if c == b'\'' {
                self.character(start);
            } else if let Some(op) = OPERATORS.iter().find(|op| self.src[self.pos..].starts_with(op.as_bytes())) {
                self.pos += op.len();
                self.push(Tok::Op(op), start);
            } else {
                self.pos += 1;
                self.error(start, format!("unexpected character `{}`", char::from(c).escape_default()));
            }
        }
        let end = self.src.len();
        self.tokens.push(Token { tok: Tok::Eof, span: Span::new(self.file, end, end) });
    }

    fn word(&mut self, start: usize) {
        while self.pos < self.src.len() {
            let c = self.peek(0);
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        let text = String::from_utf8_lossy(&self.src[start..self.pos]).into_owned();
        match KEYWORDS.iter().find(|k| **k == text) {
            Some(k) => self.push(Tok::Keyword(k), start),
            None => self.push(Tok::Ident(text), start),
        }
    }

    fn digits(&mut self, radix: u32) -> usize {
        let from = self.pos;
        while (self.peek(0) as char).is_digit(radix) || (self.peek(0) == b'_' && self.pos > from) {
            self.pos += 1;
        }
        self.pos - from
    }

    fn number(&mut self, start: usize) {
        let (radix, body_start) = if self.peek(0) == b'0' && matches!(self.peek(1), b'x' | b'X') {
            self.pos += 2;
            (16, self.pos)
        } else if self.peek(0) == b'0' && self.peek(1).is_ascii_digit() {
            // A leading zero means octal, as in the original.
            self.pos += 1;
            (8, self.pos)
        } else {
            (10, self.pos)
        };
        let n = self.digits(if radix == 8 { 10 } else { radix });
        if radix == 16 && n == 0 {
            self.error(start, "`0x` must be followed by hexadecimal digits");
            self.push(Tok::Int(0), start);
            return;
        }
        // A fraction or exponent makes a decimal number a float or double.
        let is_fraction = radix == 10 && self.peek(0) == b'.' && self.peek(1).is_ascii_digit();
        let is_exponent = radix == 10
            && matches!(self.peek(0), b'e' | b'E')
            && (self.peek(1).is_ascii_digit()
                || (matches!(self.peek(1), b'+' | b'-') && self.peek(2).is_ascii_digit()));
        if is_fraction || is_exponent || (radix == 10 && matches!(self.peek(0), b'f' | b'F' | b'd' | b'D')) {
            if is_fraction {
                self.pos += 1;
                self.digits(10);
            }
            if matches!(self.peek(0), b'e' | b'E') {
                self.pos += 1;
                if matches!(self.peek(0), b'+' | b'-') {
                    self.pos += 1;
                }
                self.digits(10);
            }
            let text: String =
                String::from_utf8_lossy(&self.src[start..self.pos]).chars().filter(|c| *c != '_').collect();
            let single = matches!(self.peek(0), b'f' | b'F');
            if matches!(self.peek(0), b'f' | b'F' | b'd' | b'D') {
                self.pos += 1;
            }
            match text.parse::<f64>() {
                Ok(v) if single => self.push(Tok::Float(v as f32), start),
                Ok(v) => self.push(Tok::Double(v), start),
                Err(_) => {
                    self.error(start, format!("`{text}` is not a valid number"));
                    self.push(Tok::Double(0.0), start);
                }
            }
            return;
        }
        let digits: String =
            String::from_utf8_lossy(&self.src[body_start..self.pos]).chars().filter(|c| *c != '_').collect();
        let long = matches!(self.peek(0), b'l' | b'L');
        if long {
            self.pos += 1;
        }
        let value = if digits.is_empty() { Ok(0) } else { u64::from_str_radix(&digits, radix) };
        match value {
            Err(_) if radix == 8 => {
                self.error(start, format!("`0{digits}` is an octal number (leading zero) but has a digit 8 or 9"));
                self.push(Tok::Int(0), start);
            }
            Err(_) => {
                self.error(start, "number is too large for 64 bits");
                self.push(Tok::Int(0), start);
            }
            Ok(v) if long => self.push(Tok::Long(v as i64), start),
            Ok(v) => {
                if radix == 10 && v > i32::MAX as u64 + 1 {
                    self.error(start, format!("{v} does not fit in an int; write {v}L for a long"));
                }
                // Hexadecimal and octal literals keep their low 32 bits (0xFFFFFFFF is -1), as in
                // the original; 2147483648 is only valid after a minus sign (the parser checks).
                self.push(Tok::Int(v as u32 as i32), start);
                if radix == 10 && v == i32::MAX as u64 + 1 {
                    // Mark the literal so the parser can accept it only as `-2147483648`.
                    if let Some(last) = self.tokens.last_mut() {
                        last.tok = Tok::Long(v as i64);
                    }
                }
            }
        }
        if self.peek(0).is_ascii_alphanumeric() || self.peek(0) == b'_' {
            let bad = self.pos;
            while self.peek(0).is_ascii_alphanumeric() || self.peek(0) == b'_' {
                self.pos += 1;
            }
            self.error(bad, "letters directly after a number");
        }
    }

    /// One escape sequence after a backslash; `quote` is the delimiter being read.
    fn escape(&mut self, out: &mut Vec<u8>) {
        let at = self.pos;
        self.pos += 1; // the backslash
        let c = self.peek(0);
        self.pos += 1;
        match c {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(0x08),
            b'0' => out.push(0),
            b'"' | b'\'' | b'\\' => out.push(c),
            b'x' if self.peek(0).is_ascii_hexdigit() && self.peek(1).is_ascii_hexdigit() => {
                let hex = std::str::from_utf8(&self.src[self.pos..self.pos + 2]).unwrap_or("0");
                out.push(u8::from_str_radix(hex, 16).unwrap_or(0));
                self.pos += 2;
            }
            0 if self.pos > self.src.len() => {
                self.pos = self.src.len();
                self.error(at, "backslash at the end of the file");
            }
            _ => {
                self.error(
                    at,
                    format!("unknown escape `\\{}` (known: \\n \\r \\t \\b \\0 \\\" \\' \\\\ \\xHH)", c as char),
                );
            }
        }
    }

    fn string(&mut self, start: usize) {
        self.pos += 1;
        let mut value = Vec::new();
        loop {
            match self.peek(0) {
                _ if self.pos >= self.src.len() => {
                    self.error(start, "string is not closed: missing `\"`");
                    break;
                }
                b'"' => {
                    self.pos += 1;
                    break;
                }
                b'\\' => self.escape(&mut value),
                c => {
                    value.push(c);
                    self.pos += 1;
                }
            }
        }
        self.push(Tok::Str(value), start);
    }

    fn character(&mut self, start: usize) {
        self.pos += 1;
        let mut value = Vec::new();
        while self.pos < self.src.len() && self.peek(0) != b'\'' && self.peek(0) != b'\n' {
            if self.peek(0) == b'\\' {
                self.escape(&mut value);
            } else {
                value.push(self.peek(0));
                self.pos += 1;
            }
        }
        if self.peek(0) != b'\'' {
            self.error(start, "character literal is not closed: missing `'`");
        } else {
            self.pos += 1;
        }
        let text = String::from_utf8_lossy(&value).into_owned();
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => self.push(Tok::Int(c as i32), start),
            _ => {
                self.error(start, "a character literal holds exactly one character");
                self.push(Tok::Int(0), start);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let mut d = Vec::new();
        let t = tokenize(src, 0, &mut d);
        assert!(d.is_empty(), "{d:?}");
        t.into_iter().map(|t| t.tok).collect()
    }

    #[test]
    fn numbers() {
        assert_eq!(
            toks("010 0x1F 0xFFFFFFFF 5L 1.5 2.5f 'a'")[..7],
            [Tok::Int(8), Tok::Int(31), Tok::Int(-1), Tok::Long(5), Tok::Double(1.5), Tok::Float(2.5), Tok::Int(97)]
        );
    }

    #[test]
    fn longest_operator_wins() {
        assert_eq!(toks("a:==b >>>= c")[1], Tok::Op(":=="));
        assert_eq!(toks("a:==b >>>= c")[3], Tok::Op(">>>="));
    }

    #[test]
    fn escapes() {
        assert_eq!(toks(r#""a\n\"\\""#)[0], Tok::Str(b"a\n\"\\".to_vec()));
    }
}
