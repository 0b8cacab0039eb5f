//! Diagnostics: errors and warnings located by file and byte range, rendered with the source
//! line and a caret by `codespan-reporting`.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};

/// A byte range in one source file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub file: usize,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: usize, start: usize, end: usize) -> Span {
        Span { file, start, end: end.max(start) }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.file, self.start.min(other.start), self.end.max(other.end))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    /// Extra lines: hints, what the original compiler did.
    pub notes: Vec<String>,
}

impl Diagnostic {
    pub fn error(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Error, span, message: message.into(), notes: Vec::new() }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, span, message: message.into(), notes: Vec::new() }
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The source files of one compilation, for rendering diagnostics and computing line numbers.
#[derive(Default)]
pub struct Sources {
    files: SimpleFiles<String, String>,
    line_starts: Vec<Vec<usize>>,
}

impl Sources {
    pub fn add(&mut self, name: String, text: String) -> usize {
        // A line ends at LF, at CR LF, or at a lone CR (the original counted only CR).
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        self.line_starts.push(starts);
        self.files.add(name, text)
    }

    pub fn text(&self, file: usize) -> &str {
        self.files.get(file).map(|f| f.source().as_str()).unwrap_or("")
    }

    pub fn name(&self, file: usize) -> &str {
        self.files.get(file).map(|f| f.name().as_str()).unwrap_or("?")
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, file: usize, offset: usize) -> usize {
        match self.line_starts.get(file) {
            Some(starts) => starts.partition_point(|&s| s <= offset),
            None => 0,
        }
    }

    /// `file:line:column` of a span's start (1-based).
    pub fn location(&self, span: Span) -> String {
        let line = self.line(span.file, span.start);
        let start = self.line_starts.get(span.file).and_then(|s| s.get(line.wrapping_sub(1))).copied().unwrap_or(0);
        format!("{}:{}:{}", self.name(span.file), line, span.start.saturating_sub(start) + 1)
    }

    /// Writes diagnostics in the rich format (source line, caret, notes).
    pub fn render(&self, diags: &[Diagnostic], out: &mut dyn WriteColor) {
        let config = term::Config::default();
        for d in diags {
            let report = match d.severity {
                Severity::Error => Report::error(),
                Severity::Warning => Report::warning(),
            };
            let len = self.text(d.span.file).len();
            let range = d.span.start.min(len)..d.span.end.min(len);
            let report = report
                .with_message(&d.message)
                .with_labels(vec![Label::primary(d.span.file, range)])
                .with_notes(d.notes.clone());
            if term::emit(out, &config, &self.files, &report).is_err() {
                let _ = writeln!(out, "{}: {}", self.location(d.span), d.message);
            }
        }
    }

    /// Diagnostics as plain text, one block each; for tests and non-terminal output.
    pub fn render_plain(&self, diags: &[Diagnostic]) -> String {
        let mut out = term::termcolor::NoColor::new(Vec::new());
        self.render(diags, &mut out);
        String::from_utf8_lossy(&out.into_inner()).into_owned()
    }
}
