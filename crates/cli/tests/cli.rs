//! The `phantom` command end to end: results on standard output, one-line diagnostics on
//! standard error, exit status 0 or 1, never a panic.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{phantom, TempDir};

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn every_opcode_source() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../bytecode/tests/asm/every_opcode.pasm")
}

fn assert_user_error(o: &Output, needle: &str) {
    assert_eq!(o.status.code(), Some(1), "stderr: {}", stderr(o));
    assert!(stdout(o).is_empty(), "errors must not reach standard output: {}", stdout(o));
    let err = stderr(o);
    assert!(err.contains(needle), "expected {needle:?} in: {err}");
    assert!(!err.contains("panicked") && !err.contains("RUST_BACKTRACE"), "{err}");
}

#[test]
fn asm_disasm_verify_round_trip() {
    let tmp = TempDir::new("round-trip");
    let (pc, text, pc2) = (tmp.path("a.pc"), tmp.path("a.pasm"), tmp.path("b.pc"));
    let o = phantom(&["asm", every_opcode_source().to_str().unwrap(), "-o", &pc]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());

    let o = phantom(&["disasm", &pc]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    std::fs::write(&text, &o.stdout).unwrap();
    assert!(phantom(&["asm", &text, "-o", &pc2]).status.success());
    assert_eq!(std::fs::read(&pc).unwrap(), std::fs::read(&pc2).unwrap());

    let o = phantom(&["verify", &pc]);
    assert!(o.status.success());
    assert_eq!(stdout(&o), format!("{pc}: ok (class .test.every_opcode, 7 methods)\n"));
}

#[test]
fn undefined_opcode_is_rejected_with_its_offset() {
    let tmp = TempDir::new("undefined");
    let (src, pc) = (tmp.path("bad.pasm"), tmp.path("bad.pc"));
    std::fs::write(
        &src,
        ".class \".t\" parent \".internal.object\" fields 0 methods 17\n.method \"m\" 16\narg_count 0\nnop\n.bytes 0x9f\n.end\n",
    )
    .unwrap();
    let o = phantom(&["asm", &src, "-o", &pc]);
    assert!(o.status.success());
    assert!(stderr(&o).contains("warning"), "asm warns about unverifiable code");
    let o = phantom(&["verify", &pc]);
    assert_user_error(&o, "class .t, method m (ordinal 16) @3: undefined opcode 0x9f");
    assert_eq!(stderr(&o).lines().count(), 1);
    // disasm still shows the bytes, and says why on standard error.
    let o = phantom(&["disasm", &pc]);
    assert!(o.status.success());
    assert!(stdout(&o).contains(".bytes 0x9f"));
    assert!(stderr(&o).contains("undefined opcode 0x9f"));
}

#[test]
fn malformed_class_file_names_file_record_and_offset() {
    let tmp = TempDir::new("malformed");
    let pc = tmp.path("trunc.pc");
    let mut bytes = b"phfr:C".to_vec();
    bytes.extend(100u32.to_be_bytes());
    bytes.extend([0; 10]);
    std::fs::write(&pc, bytes).unwrap();
    let o = phantom(&["verify", &pc]);
    assert_user_error(&o, &format!("{pc}: record 0 ('C') at byte 6: record length 100 runs past the end of the file"));
}

#[test]
fn assembly_errors_carry_line_and_column() {
    let tmp = TempDir::new("asm-errors");
    let src = tmp.path("e.pasm");
    std::fs::write(&src, ".method \"m\" 16\n  frobnicate\n  jz nowhere\n.end\n").unwrap();
    let o = phantom(&["asm", &src, "-o", &tmp.path("e.pc")]);
    assert_user_error(&o, &format!("{src}:2:3: unknown instruction `frobnicate`"));
    assert!(stderr(&o).contains(&format!("{src}:3:6: undefined label `nowhere`")));
    assert!(!Path::new(&tmp.path("e.pc")).exists(), "nothing is written on error");
}

#[test]
fn bundle_then_disasm_and_verify_each_class() {
    let tmp = TempDir::new("bundle");
    let classes = tmp.0.join("classes");
    std::fs::create_dir(&classes).unwrap();
    let pc = classes.join("every.pc");
    assert!(phantom(&["asm", every_opcode_source().to_str().unwrap(), "-o", pc.to_str().unwrap()]).status.success());
    let bundle = tmp.path("classes.bundle");
    let o = phantom(&["bundle", classes.to_str().unwrap(), "-o", &bundle]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
    let bytes = std::fs::read(&bundle).unwrap();
    assert_eq!(&bytes[..18], b"test.every_opcode\0");

    let o = phantom(&["verify", &bundle]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{bundle}[test.every_opcode]: ok (class .test.every_opcode, 7 methods)\n"));
    let o = phantom(&["disasm", &bundle]);
    assert!(stdout(&o).contains(".class \".test.every_opcode\""));
}

#[test]
fn bundle_refuses_a_class_that_does_not_verify() {
    let tmp = TempDir::new("bundle-bad");
    let classes = tmp.0.join("classes");
    std::fs::create_dir(&classes).unwrap();
    let src = tmp.path("bad.pasm");
    std::fs::write(
        &src,
        ".class \".t\" parent \".internal.object\" fields 0 methods 17\n.method \"m\" 16\nos_drop\nret\n.end\n",
    )
    .unwrap();
    assert!(phantom(&["asm", &src, "-o", classes.join("bad.pc").to_str().unwrap()]).status.success());
    let out = tmp.path("out");
    let o = phantom(&["bundle", classes.to_str().unwrap(), "-o", &out]);
    assert_user_error(&o, "object stack underflow");
    assert!(!Path::new(&out).exists());
}

#[test]
fn usage_errors_and_missing_files_exit_1_and_help_exits_0() {
    let o = phantom(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(1));
    let o = phantom(&["verify", "/nonexistent/x.pc"]);
    assert_user_error(&o, "cannot read /nonexistent/x.pc");
    let o = phantom(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("Examples:"));
    let o = phantom(&["verify"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn garbage_is_neither_a_class_file_nor_a_bundle() {
    let tmp = TempDir::new("garbage");
    let f = tmp.path("junk");
    std::fs::write(&f, vec![0x41; 2000]).unwrap();
    let o = phantom(&["disasm", &f]);
    assert_user_error(&o, "neither a class file");
}

#[test]
fn snapshots_and_fsck_of_an_image() {
    use phantom_store::{Store, StoreOptions};
    let tmp = TempDir::new("image");
    let image = tmp.path("phantom.img");
    // Two syncs per snapshot, so that damage to the newest one is told apart from a commit a
    // crash interrupted (which one sync cannot; the store's tests cover that).
    let options = StoreOptions { address_space: 1 << 24, one_sync_blocks: 0, ..StoreOptions::default() };
    let store = Store::create(Path::new(&image), &options).unwrap();
    store.write(0, &[7; 10_000]).unwrap();
    store.snapshot_now().unwrap();
    store.write(0, &[8; 4096]).unwrap();
    store.snapshot_now().unwrap();
    drop(store);

    let o = phantom(&["snapshots", &image]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[1].trim_start().starts_with("2 ") && lines[1].contains("12.0 KiB"), "{lines:?}");
    assert!(lines[2].trim_start().starts_with("1 "), "{lines:?}");

    let o = phantom(&["fsck", &image]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("snapshot 2: ok, 3 pages"), "{}", stdout(&o));

    // Damage the newest copy of page 0 (the block of 0x08 bytes).
    let mut bytes = std::fs::read(&image).unwrap();
    let block = bytes.chunks(4096).position(|b| b == [8u8; 4096]).unwrap();
    bytes[block * 4096] ^= 1;
    std::fs::write(&image, bytes).unwrap();
    let o = phantom(&["fsck", &image]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("snapshot 2: DAMAGED"), "{}", stdout(&o));
    assert!(stderr(&o).contains("damaged; snapshot 1 is intact and will be used"), "{}", stderr(&o));

    let o = phantom(&["fsck", &tmp.path("missing.img")]);
    assert_user_error(&o, "cannot open");
}

#[test]
fn run_prints_exactly_what_the_program_prints() {
    let tmp = TempDir::new("run");
    let pc = tmp.path("hello.pc");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hello.pasm");
    assert!(phantom(&["asm", example.to_str().unwrap(), "-o", &pc]).status.success());
    let o = phantom(&["run", &pc]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Hello from Phantom!\n");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    // The original compiler's classes, from a directory, with an explicit main class.
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("../bytecode/tests/fixtures/original");
    let o = phantom(&["run", original.to_str().unwrap(), "--main", "no.such.Class"]);
    assert_user_error(&o, "class .no.such.Class not found");
}

#[test]
fn uncaught_exception_exits_1_with_a_backtrace() {
    let tmp = TempDir::new("uncaught");
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../vm/tests/programs/uncaught.pasm");
    let pc = tmp.path("u.pc");
    assert!(phantom(&["asm", src.to_str().unwrap(), "-o", &pc]).status.success());
    let o = phantom(&["run", &pc]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "before\n");
    let err = stderr(&o);
    assert!(err.contains("unhandled exception: \"it failed\""), "{err}");
    assert!(err.contains("at .t.uncaught.fail (method 17) @22, line 42"), "{err}");
}

#[test]
fn console_input_reaches_a_parked_thread() {
    use std::io::Write as _;
    let tmp = TempDir::new("echo");
    let pc = tmp.path("echo.pc");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/echo.pasm");
    assert!(phantom(&["asm", example.to_str().unwrap(), "-o", &pc]).status.success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_phantom"))
        .args(["run", &pc])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"hi").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(100));
    stdin.write_all(b"!").unwrap();
    drop(stdin);
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "[h][i][!]\n");
}
