//! `phantom`: the command-line front end of the Phantom toolchain.
//!
//! Standard output carries only each command's result; diagnostics go to standard error.
//! Exit status: 0 on success, 1 on any user error (bad file, bad usage), never a panic trace.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use phantom_bytecode::{assemble, disassemble, verify, Bundle, ClassFile};
mod jar;
mod java;
mod persistent;
mod replication;
mod screen;

use phantom_store::{check_image, list_snapshots, FileDevice, PAGE_SIZE};

const EXAMPLES: &str = "\
Examples:
  phantom disasm hello.pc                  print a class file as assembly
  phantom disasm classes                   print every class of a boot bundle
  phantom asm hello.pasm -o hello.pc       assemble a class file
  phantom verify hello.pc classes          verify class files and bundles
  phantom bundle build/classes -o classes  pack a directory of .pc files into a bundle
  phantom compile -o build src              compile every .ph file under src into build
  phantom run hello.ph                     compile and run: new hello(), then its method 8
  phantom run hello.pc                     run a class: new hello(), then its method 8
  phantom run classes --main .app.main      run a class from a bundle or directory
  phantom run app.ph -- one two             pass arguments: boot.getArguments() returns them
  phantom boot                             boot ./phantom.img (made on first boot): the shell
  phantom run counter.ph --image c.img     run a program persistently; kill it any way you like
  phantom boot --image c.img               ... and it carries on where it was
  phantom run tetris.ph --image t.img --display 8080   windows in a browser, and an inspector
  phantom inspect t.img --svg timeline.svg  threads and stacks of an image; its snapshot timeline
  phantom boot --image c.img --retain 1m:all,1h:1m   keep snapshots by age
  phantom snapshots phantom.img            list the snapshots kept in an image
  phantom fsck phantom.img                 check every checksum of every snapshot, and the heap";

#[derive(Parser)]
#[command(name = "phantom", version, about = "The Phantom persistent VM toolchain", after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print class files (or every class of a bundle) in the assembly language.
    #[command(after_help = "Example:\n  phantom disasm hello.pc > hello.pasm")]
    Disasm {
        /// Class files (.pc) or bundles.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Assemble a class file from the assembly language (see docs/ASSEMBLY.md).
    #[command(after_help = "Example:\n  phantom asm hello.pasm -o hello.pc")]
    Asm {
        /// Assembly source.
        file: PathBuf,
        /// Where to write the class file.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Check class files (or every class of a bundle) with the verifier.
    #[command(after_help = "Example:\n  phantom verify build/*.pc classes")]
    Verify {
        /// Class files (.pc) or bundles.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Pack every .pc file of a directory into a boot bundle, verifying each.
    #[command(after_help = "Example:\n  phantom bundle build/classes -o classes")]
    Bundle {
        /// Directory holding .pc files.
        dir: PathBuf,
        /// Where to write the bundle.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Compile Phantom language sources (.ph) into class files (.pc), one per class.
    #[command(
        after_help = "Examples:\n  phantom compile -o build src\n  phantom compile -I lib -o build app.ph util.ph"
    )]
    Compile {
        /// Directory searched for compiled classes the sources import (repeatable).
        #[arg(short = 'I', long = "include")]
        include: Vec<PathBuf>,
        /// Where to write the class files.
        #[arg(short, long)]
        output: PathBuf,
        /// Source files, or directories searched for .ph files.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
    },
    /// Translate Java class files (javac's output) into Phantom class files, the Java runtime
    /// library's included; with --main, also the launcher that runs that class's main(String[]).
    #[command(
        after_help = "Example:\n  phantom translate build/classes --main app.Main -o out\n  phantom run out --main '.java.app.Main#main'"
    )]
    Translate {
        /// A directory of .class files, a JAR, or one .class file.
        program: PathBuf,
        /// The class whose main(String[]) the launcher runs (a JAR's manifest may name it).
        #[arg(long)]
        main: Option<String>,
        /// Where to write the class files.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Run a program: load classes, do `new CLASS()` and call its method 8 with the boot object.
    /// Arguments after `--` go to the program: `boot.getArguments()` returns them.
    #[command(
        after_help = "Examples:\n  phantom run hello.ph\n  phantom run hello.pc\n  phantom run build/classes --main .app.main\n  phantom run javac-output --main app.Main     a directory of Java class files\n  phantom run app.jar -- in.txt       a JAR whose manifest names its Main-Class\n  phantom run prog.wasm --mount data=./data -- in.txt   WebAssembly (wasm32-wasi), with WASI\n  phantom run args.ph -- one two      the program's getArguments() is [\"one\", \"two\"]"
    )]
    Run {
        /// A source file (.ph, compiled first), a class file, a directory of class files, a
        /// bundle, or Java: a directory of javac's .class files or a JAR (translated first, and
        /// the translation cached; --main names the class whose main(String[]) runs, else a
        /// JAR's manifest does), or a WebAssembly module (wasm32-wasi: its `_start` runs with
        /// WASI, the mounts as its preopened directories, and its exit status is phantom's).
        /// Without it, the class comes from the system library built into phantom.
        program: Option<PathBuf>,
        /// Directory searched for compiled classes a .ph program imports (repeatable).
        #[arg(short = 'I', long = "include")]
        include: Vec<PathBuf>,
        /// The class to start (with or without its leading dot); defaults to the class of a
        /// single class file.
        #[arg(long)]
        main: Option<String>,
        /// Run persistently in this new image; `phantom boot --image PATH` resumes it later.
        #[arg(long)]
        image: Option<PathBuf>,
        #[command(flatten)]
        options: persistent::Options,
        /// Arguments for the program (after `--`); with --image they are kept in the image.
        #[arg(last = true, value_name = "ARGS")]
        args: Vec<String>,
    },
    /// Boot a persistent image: resume every thread where the last snapshot left it, or, for a
    /// new image, install the system library and start it (the shell on the console).
    /// Snapshots are taken every --snapshot-interval ms, on SIGUSR1, when a program commits,
    /// and on SIGTERM or SIGINT, which then stop the system (exit 0).
    #[command(
        after_help = "Examples:\n  phantom boot\n  phantom boot --image counter.img --snapshot-interval 500\n  \
                      phantom boot --image counter.img --generation 12 --discard-newer"
    )]
    Boot {
        /// The image file; created if it does not exist.
        #[arg(long, default_value = "phantom.img")]
        image: PathBuf,
        #[command(flatten)]
        options: persistent::Options,
        #[command(flatten)]
        travel: persistent::Travel,
    },
    /// Check an image: both superblocks and every page-table node and page of every snapshot,
    /// then the heap of the newest (every block parses; every reachable reference leads to a
    /// live object). Exits 1 if anything is damaged.
    #[command(after_help = "Example:\n  phantom fsck phantom.img")]
    Fsck {
        /// The image file.
        image: PathBuf,
    },
    /// Print the threads of an image's newest snapshot with their stacks (class, method,
    /// source line, `this`, locals and integer stack), read-only; with --svg, also draw the
    /// timeline of the snapshots it keeps (time, pause, pages written, write-out).
    #[command(
        after_help = "Examples:\n  phantom inspect phantom.img\n  phantom inspect phantom.img --svg timeline.svg"
    )]
    Inspect {
        /// The image file.
        image: PathBuf,
        /// Where to write the snapshot timeline as an SVG picture.
        #[arg(long, value_name = "FILE")]
        svg: Option<PathBuf>,
    },
    /// List the snapshots an image keeps, or the generations an object store holds
    /// (`s3://BUCKET/PREFIX`): generation, time, size and pages.
    #[command(after_help = "Examples:\n  phantom snapshots phantom.img\n  phantom snapshots s3://backups/phantom")]
    Snapshots {
        /// The image file, or s3://BUCKET/PREFIX (endpoint and credentials from AWS_*).
        image: PathBuf,
    },
    /// Rebuild an image from an object store that `--replicate` shipped snapshots to, checking
    /// every checksum; `phantom boot --image NEW` then carries on. The newest intact generation
    /// unless --generation is given (a damaged one gives way to an older one, and says so).
    #[command(after_help = "Example:\n  phantom restore s3://backups/phantom --image restored.img")]
    Restore {
        /// s3://BUCKET/PREFIX (endpoint and credentials from AWS_ENDPOINT_URL,
        /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION).
        remote: String,
        /// The new image file (must not exist).
        #[arg(long)]
        image: PathBuf,
        /// The generation to restore.
        #[arg(long)]
        generation: Option<u64>,
    },
}

/// A user error: one line for standard error.
pub(crate) struct Failure(pub(crate) String);

type Outcome = Result<(), Failure>;

fn fail<T>(message: impl Into<String>) -> Result<T, Failure> {
    Err(Failure(message.into()))
}

/// When the process started (`--stats` reports the time to the first instruction from it).
static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

fn main() -> ExitCode {
    PROCESS_START.get_or_init(std::time::Instant::now);
    std::panic::set_hook(Box::new(|info| {
        eprintln!("phantom: internal error (please report it): {info}");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { ExitCode::from(1) } else { ExitCode::SUCCESS };
        }
    };
    let mut out = Output { failed: false };
    match cli.command {
        Command::Disasm { files } => files.iter().for_each(|f| out.run(|o| disasm(o, f, files.len() > 1))),
        Command::Verify { files } => files.iter().for_each(|f| out.run(|o| verify_file(o, f))),
        Command::Asm { file, output } => out.run(|_| asm(&file, &output)),
        Command::Bundle { dir, output } => out.run(|_| bundle(&dir, &output)),
        Command::Compile { include, output, sources } => out.run(|_| compile(&sources, &include, &output)),
        Command::Translate { program, main, output } => {
            out.run(|_| java::translate_to(&program, main.as_deref(), &output).or_else(fail))
        }
        Command::Run { program, include, main, image: None, options, args } => {
            out.run(|_| run(program.as_deref(), &include, main.as_deref(), &options, &args))
        }
        Command::Run { program, include, main, image: Some(image), options, args, .. } => out.run(|_| {
            persistent::run(&image, &options, |vm| {
                load_program(vm, program.as_deref(), &include, main.as_deref(), &args, true)
            })
        }),
        Command::Boot { image, options, travel } => out.run(|_| persistent::boot(&image, &options, &travel)),
        Command::Fsck { image } => out.run(|o| fsck(o, &image)),
        Command::Snapshots { image } => out.run(|o| snapshots(o, &image)),
        Command::Inspect { image, svg } => out.run(|o| inspect(o, &image, svg.as_deref())),
        Command::Restore { remote, image, generation } => out.run(|_| restore(&remote, &image, generation)),
    }
    if out.failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard output and the failure flag shared by the commands.
struct Output {
    failed: bool,
}

impl Output {
    fn run(&mut self, command: impl FnOnce(&mut Output) -> Outcome) {
        if let Err(Failure(message)) = command(self) {
            eprintln!("phantom: {message}");
            self.failed = true;
        }
    }

    /// Writes a result to standard output. A closed pipe (`phantom disasm x | head`) ends the
    /// process quietly rather than as an error.
    fn print(&mut self, text: &str) {
        let mut stdout = io::stdout().lock();
        if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
            if e.kind() == io::ErrorKind::BrokenPipe {
                std::process::exit(if self.failed { 1 } else { 0 });
            }
            eprintln!("phantom: cannot write to standard output: {e}");
            std::process::exit(1);
        }
    }
}

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).or_else(|e| fail(format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) -> Outcome {
    std::fs::write(path, bytes).or_else(|e| fail(format!("cannot write {}: {e}", path.display())))
}

/// The classes in a file: itself if it is a class file, or every entry of a bundle. Each comes
/// with the name to use in messages.
fn classes(path: &Path) -> Result<Vec<(String, Vec<u8>)>, Failure> {
    let bytes = read(path)?;
    let shown = path.display().to_string();
    if ClassFile::is_class_file(&bytes) || bytes.len() < 516 {
        return Ok(vec![(shown, bytes)]);
    }
    let bundle = Bundle::read(&bytes).or_else(|e| {
        fail(format!("{shown}: neither a class file (no \"phfr:\" record at byte 0) nor a valid bundle: {e}"))
    })?;
    Ok(bundle
        .entries
        .into_iter()
        .map(|e| (format!("{shown}[{}]", String::from_utf8_lossy(&e.name)), e.class))
        .collect())
}

fn parse(shown: &str, bytes: &[u8]) -> Result<ClassFile, Failure> {
    ClassFile::read(bytes).or_else(|e| fail(format!("{shown}: {e}")))
}

fn disasm(out: &mut Output, path: &Path, several: bool) -> Outcome {
    let classes = classes(path)?;
    let mut failures = Vec::new();
    for (shown, bytes) in &classes {
        match parse(shown, bytes) {
            Ok(file) => {
                let text = disassemble(&file);
                if let Err(errors) = verify(&file) {
                    for e in errors {
                        eprintln!("phantom: warning: {shown}: {e}");
                    }
                }
                if several || classes.len() > 1 {
                    out.print(&format!("; ==== {shown} ====\n"));
                }
                out.print(&text);
            }
            Err(Failure(message)) => failures.push(message),
        }
    }
    report(failures)
}

fn verify_file(out: &mut Output, path: &Path) -> Outcome {
    let mut failures = Vec::new();
    for (shown, bytes) in classes(path)? {
        let file = match parse(&shown, &bytes) {
            Ok(file) => file,
            Err(Failure(message)) => {
                failures.push(message);
                continue;
            }
        };
        match verify(&file) {
            Ok(()) => {
                out.print(&format!("{shown}: ok (class {}, {} methods)\n", file.display_name(), file.methods().count()))
            }
            Err(errors) => failures.extend(errors.iter().map(|e| format!("{shown}: {e}"))),
        }
    }
    report(failures)
}

/// Turns collected failures into one: all but the last are printed here.
fn report(mut failures: Vec<String>) -> Outcome {
    match failures.pop() {
        None => Ok(()),
        Some(last) => {
            for message in failures {
                eprintln!("phantom: {message}");
            }
            fail(last)
        }
    }
}

fn asm(path: &Path, output: &Path) -> Outcome {
    let bytes = read(path)?;
    let shown = path.display();
    let source = String::from_utf8(bytes).or_else(|e| {
        fail(format!("{shown}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
    })?;
    let file = match assemble(&source) {
        Ok(file) => file,
        Err(errors) => {
            let count = errors.len();
            for e in &errors[..count - 1] {
                eprintln!("phantom: {shown}:{e}");
            }
            return fail(format!("{shown}:{}", errors[count - 1]));
        }
    };
    if let Err(errors) = verify(&file) {
        for e in errors {
            eprintln!("phantom: warning: {shown}: {e}");
        }
    }
    write(output, &file.to_bytes())
}

fn bundle(dir: &Path, output: &Path) -> Outcome {
    let entries = std::fs::read_dir(dir).or_else(|e| fail(format!("cannot read directory {}: {e}", dir.display())))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.or_else(|e| fail(format!("cannot read directory {}: {e}", dir.display())))?.path();
        if path.extension().is_some_and(|x| x == "pc") {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return fail(format!("{}: no .pc files to bundle", dir.display()));
    }
    paths.sort();
    let mut bundle = Bundle::default();
    let mut failures = Vec::new();
    for path in &paths {
        let shown = path.display().to_string();
        let bytes = read(path)?;
        let checked = parse(&shown, &bytes).and_then(|file| {
            verify(&file).or_else(|errors| {
                let messages: Vec<String> = errors.iter().map(|e| format!("{shown}: {e}")).collect();
                fail(messages.join("\nphantom: "))
            })
        });
        match checked.and_then(|_| Bundle::entry_for(bytes).or_else(|e| fail(format!("{shown}: {e}")))) {
            Ok(entry) => {
                if let Some(other) = bundle.entries.iter().find(|e| e.name == entry.name) {
                    failures.push(format!(
                        "{shown}: class {} is already in the bundle",
                        String::from_utf8_lossy(&other.name)
                    ));
                } else {
                    bundle.entries.push(entry);
                }
            }
            Err(Failure(message)) => failures.push(message),
        }
    }
    report(failures)?;
    write(output, &bundle.to_bytes())?;
    eprintln!("phantom: bundled {} classes into {}", bundle.entries.len(), output.display());
    Ok(())
}

/// Opens an image read-only for inspection.
fn image_device(path: &Path) -> Result<FileDevice, Failure> {
    let file = std::fs::File::open(path).or_else(|e| fail(format!("cannot open {}: {e}", path.display())))?;
    Ok(FileDevice::new(file))
}

fn fsck(out: &mut Output, path: &Path) -> Outcome {
    let report = check_image(&image_device(path)?);
    let mut text = String::new();
    for line in &report.lines {
        text.push_str(line);
        text.push('\n');
    }
    out.print(&text);
    if report.damaged {
        let good = match report.good.first() {
            Some(g) => format!("snapshot {g} is intact and will be used"),
            None => "no snapshot is intact".to_string(),
        };
        return fail(format!("{}: damaged; {good}", path.display()));
    }
    check_heap(out, path)
}

/// The second half of `fsck`: the heap of the snapshot a boot would use, opened read-only.
fn check_heap(out: &mut Output, path: &Path) -> Outcome {
    let shown = path.display();
    let Some(vm) = open_read_only(path)?.2 else {
        out.print("heap: none (the image holds no Phantom heap)\n");
        return Ok(());
    };
    match vm.check_heap(&[]) {
        Ok(h) => {
            out.print(&format!(
                "heap: sound: {} objects ({} reachable, {} bytes), {} bytes free, {} bytes to the top\n",
                h.objects, h.reachable, h.reachable_bytes, h.free_bytes, h.top
            ));
            Ok(())
        }
        Err(errors) => {
            out.print(&errors.iter().map(|e| format!("heap: {e}\n")).collect::<String>());
            fail(format!("{shown}: the heap is damaged ({} problems)", errors.len()))
        }
    }
}

/// The snapshot a boot would use, opened read-only: its generation, the snapshots the image
/// keeps, and the VM on its heap if it holds one.
fn open_read_only(path: &Path) -> Result<(u64, Vec<phantom_store::SnapshotRecord>, Option<phantom_vm::Vm>), Failure> {
    let shown = path.display();
    let (store, report) =
        phantom_store::Store::open_on(Box::new(image_device(path)?), &phantom_store::StoreOptions::default())
            .or_else(|e| fail(format!("{shown}: cannot open the newest snapshot: {e}")))?;
    let records = store.snapshots();
    if !phantom_vm::heap::Heap::is_formatted(&store) {
        return Ok((report.generation, records, None));
    }
    let vm = phantom_vm::Vm::open_image(store, Box::new(io::sink()), None)
        .or_else(|e| fail(format!("{shown}: the heap cannot be opened: {e}")))?;
    Ok((report.generation, records, Some(vm)))
}

/// `phantom inspect`: the threads of the snapshot a boot would resume, and its timeline.
fn inspect(out: &mut Output, path: &Path, svg: Option<&Path>) -> Outcome {
    let (generation, records, vm) = open_read_only(path)?;
    if let Some(svg) = svg {
        write(svg, screen::timeline_svg(&records).as_bytes())?;
    }
    let Some(vm) = vm else {
        out.print(&format!("snapshot {generation}: the image holds no Phantom heap\n"));
        return Ok(());
    };
    let threads = screen::thread_views(&vm);
    let mut text = format!("snapshot {generation}: {} threads\n", threads.len());
    text.push_str(&phantom_display::threads_text(&threads));
    out.print(&text);
    Ok(())
}

fn restore(url: &str, image: &Path, generation: Option<u64>) -> Outcome {
    if image.exists() {
        return fail(format!("{} already exists: restore into a new image", image.display()));
    }
    let remote = replication::remote(url).or_else(fail)?;
    let (g, passed) = phantom_replicate::restore(&remote, image, generation).or_else(fail)?;
    for p in &passed {
        eprintln!("phantom: passed over {p}");
    }
    eprintln!(
        "phantom: restored generation {g} into {}; `phantom boot --image {}` carries on",
        image.display(),
        image.display()
    );
    Ok(())
}

fn snapshots(out: &mut Output, path: &Path) -> Outcome {
    let shown = path.to_string_lossy();
    let list = if shown.starts_with("s3://") {
        let remote = replication::remote(&shown).or_else(fail)?;
        phantom_replicate::generations(&remote).or_else(fail)?.into_iter().map(|m| m.snapshot).collect()
    } else {
        list_snapshots(&image_device(path)?).or_else(|e| fail(format!("{}: {e}", path.display())))?
    };
    let mut text =
        format!("{:>10}  {:<24}  {:>12}  {:>10}  {:>10}\n", "generation", "time (UTC)", "size", "pages", "written");
    for s in list {
        text.push_str(&format!(
            "{:>10}  {:<24}  {:>12}  {:>10}  {:>10}\n",
            s.generation,
            utc(s.time_ns),
            human_bytes(s.pages * PAGE_SIZE as u64),
            s.pages,
            s.written
        ));
    }
    out.print(&text);
    Ok(())
}

/// `2026-11-22 12:00:00.123` from nanoseconds since the Unix epoch.
fn utc(ns: u64) -> String {
    let secs = ns / 1_000_000_000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}.{:03}",
        rem / 3600,
        rem / 60 % 60,
        rem % 60,
        ns / 1_000_000 % 1000
    )
}

fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Every `.ph` file named or found (recursively, in name order) under a named directory.
fn source_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Outcome {
        let entries = std::fs::read_dir(dir).or_else(|e| fail(format!("{}: {e}", dir.display())))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                walk(&p, out)?;
            } else if p.extension().is_some_and(|e| e == "ph") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Compiles sources together; diagnostics go to standard error.
fn compile_sources(paths: &[PathBuf], include: &[PathBuf]) -> Result<Vec<(String, ClassFile)>, Failure> {
    let mut sources = Vec::new();
    for path in source_files(paths)? {
        let bytes = read(&path)?;
        // The original read sources byte by byte; keep any non-UTF-8 byte as its Latin-1 char.
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
        };
        sources.push(phantom_compiler::Source { path, text });
    }
    if sources.is_empty() {
        return fail("no .ph source files found");
    }
    let files =
        system_library().entries.into_iter().map(|e| (format!(".{}", String::from_utf8_lossy(&e.name)), e.class));
    let class_path = phantom_compiler::ClassPath { dirs: include.to_vec(), files: files.collect() };
    let output = phantom_compiler::compile(sources, class_path);
    output.eprint();
    match output.error_count() {
        0 => Ok(output.classes),
        1 => fail("compilation failed: 1 error"),
        n => fail(format!("compilation failed: {n} errors")),
    }
}

fn compile(sources: &[PathBuf], include: &[PathBuf], output: &Path) -> Outcome {
    let mut include = include.to_vec();
    include.push(output.to_path_buf());
    let classes = compile_sources(sources, &include)?;
    std::fs::create_dir_all(output).or_else(|e| fail(format!("{}: {e}", output.display())))?;
    for (name, file) in classes {
        let path = output.join(format!("{}.pc", name.trim_start_matches('.')));
        std::fs::write(&path, file.to_bytes()).or_else(|e| fail(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// Our system library (`plib/`), compiled at build time.
fn system_library() -> Bundle {
    static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/plib.bundle"));
    Bundle::read(BYTES).expect("the build wrote a valid bundle")
}

/// Where `phantom run` gets its classes: the program's, then our library's.
struct Program {
    /// The class to start.
    main: String,
    /// The program's own class files (installed into an image up front, so that a restarted
    /// system finds them without the files).
    classes: Vec<Vec<u8>>,
}

/// Puts a program's classes on the VM's class path (then the system library) and finds its
/// main class. With `install`, also returns the program's class files, to be installed into
/// an image.
fn load_program(
    vm: &phantom_vm::Vm,
    program: Option<&Path>,
    include: &[PathBuf],
    main: Option<&str>,
    args: &[String],
    install: bool,
) -> Result<Program, Failure> {
    let arguments =
        |list: &[Vec<u8>]| vm.set_arguments(list).or_else(|e| fail(format!("cannot store the arguments: {e}")));
    arguments(&args.iter().map(|a| a.as_bytes().to_vec()).collect::<Vec<_>>())?;
    let mut default_main = None;
    let mut classes = Vec::new();
    for dir in include {
        vm.class_path().add_dir(dir.clone());
    }
    // After the program's own classes, so that a program may bring its own versions.
    let library = system_library();
    let Some(program) = program else {
        vm.class_path().add_bundle(library);
        let Some(main) = main else { return fail("say which class of the system library to run with --main CLASS") };
        let main = if main.starts_with('.') { main.to_string() } else { format!(".{main}") };
        return Ok(Program { main, classes });
    };
    let shown = program.display();
    if java::is_java(program) {
        let from_manifest = java::jar_main_class(program);
        let Some(main) = main.or(from_manifest.as_deref()) else {
            return fail(format!("{shown}: say which Java class to run with --main CLASS"));
        };
        let (launcher, files) = java::translate(program, main).or_else(fail)?;
        if install {
            classes.extend(files.iter().map(|f| f.to_bytes()));
        }
        vm.class_path().add_bundle(java::bundle(&files).or_else(fail)?);
        vm.class_path().add_bundle(library);
        return Ok(Program { main: launcher, classes });
    }
    if is_wasm(program) {
        // The launcher (plib/wasm.ph) takes the module's bytes, the program's name and its
        // arguments as its own arguments, so an image keeps all three.
        let bytes = read(program)?;
        phantom_wasm::Module::new(&bytes).or_else(|e| fail(format!("{shown}: {e}")))?;
        let name = program.file_name().map_or(shown.to_string(), |n| n.to_string_lossy().into_owned());
        let mut list = vec![bytes, name.into_bytes()];
        list.extend(args.iter().map(|a| a.as_bytes().to_vec()));
        arguments(&list)?;
        vm.class_path().add_bundle(library);
        return Ok(Program { main: ".phantom.wasm.launcher".into(), classes });
    }
    if program.extension().is_some_and(|e| e == "ph") {
        let compiled = compile_sources(&[program.to_path_buf()], include)?;
        // The file's class: the one named like the file, else the first with an entry point.
        let stem = program.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        default_main = compiled
            .iter()
            .find(|(name, _)| name.rsplit('.').next() == Some(stem.as_str()))
            .or_else(|| compiled.iter().find(|(_, f)| f.methods().any(|m| m.ordinal == 8)))
            .or(compiled.first())
            .map(|(name, _)| name.clone());
        for (_, file) in compiled {
            let bytes = file.to_bytes();
            if install {
                classes.push(bytes.clone());
            }
            vm.class_path().add_file(bytes);
        }
    } else if program.is_dir() {
        vm.class_path().add_dir(program.to_path_buf());
        // Without an image, the directory's files are read only as classes are needed.
        if install {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(program)
                .or_else(|e| fail(format!("{shown}: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "pc"))
                .collect();
            entries.sort();
            for path in entries {
                classes.push(read(&path)?);
            }
        }
    } else {
        let bytes = read(program)?;
        if ClassFile::is_class_file(&bytes) {
            let file = parse(&shown.to_string(), &bytes)?;
            default_main = file.header().map(|h| String::from_utf8_lossy(&h.name).into_owned());
            if install {
                classes.push(bytes.clone());
            }
            vm.class_path().add_file(bytes);
        } else {
            let bundle =
                Bundle::read(&bytes).or_else(|e| fail(format!("{shown}: neither a class file nor a bundle: {e}")))?;
            if install {
                classes.extend(bundle.entries.iter().map(|e| e.class.clone()));
            }
            vm.class_path().add_bundle(bundle);
        }
    }
    let main = match (main, default_main) {
        (Some(m), _) if m.starts_with('.') => m.to_string(),
        (Some(m), _) => format!(".{m}"),
        (None, Some(m)) => m,
        (None, None) => return fail(format!("{shown}: say which class to run with --main CLASS")),
    };
    vm.class_path().add_bundle(library);
    Ok(Program { main, classes })
}

fn run(
    program: Option<&Path>,
    include: &[PathBuf],
    main: Option<&str>,
    options: &persistent::Options,
    args: &[String],
) -> Outcome {
    let heap_mib = options.heap_mib.unwrap_or(256);
    let mut vm = phantom_vm::Vm::new(Box::new(phantom_vm::PlainMemory::new(heap_mib << 20)), Box::new(io::stdout()))
        .or_else(|e| fail(format!("cannot start the VM: {e}")))?;
    if let Some(n) = options.workers {
        vm.workers = n.into();
    }
    options.mount(&vm)?;
    let loaded = load_program(&vm, program, include, main, args, false)?;
    let shown = program.map_or("system library".to_string(), |p| p.display().to_string());
    let class = vm.find_class(&loaded.main).or_else(|e| fail(format!("{shown}: {e}")))?;
    let vm = std::sync::Arc::new(vm);
    let display = options.display.attach(&vm)?;
    let result = vm.run_main(class);
    if let Some(display) = display {
        display.stop();
    }
    if options.stats {
        eprintln!("phantom: {}", persistent::gc_stats(&vm));
    }
    result.or_else(|uncaught| fail(uncaught.to_string().trim_end().to_string()))?;
    exit_with_program_status(&vm);
    Ok(())
}

/// A WebAssembly module (by its magic number), which `phantom run` runs with WASI.
fn is_wasm(path: &Path) -> bool {
    let mut magic = [0u8; 4];
    std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic)).is_ok()
        && magic == *b"\0asm"
}

/// Exits with the status the program set (boot 27: a wasm program's `exit`), if not 0.
pub(crate) fn exit_with_program_status(vm: &phantom_vm::Vm) {
    let status = vm.outside.exit_status.load(std::sync::atomic::Ordering::Relaxed);
    if status != 0 {
        let _ = std::io::Write::flush(&mut std::io::stdout());
        std::process::exit(status);
    }
}
