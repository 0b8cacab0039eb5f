//! Java programs: a directory of javac's class files, or a JAR, translated (with the Java
//! runtime library) into Phantom class files, and the launcher that runs `main(String[])`.

use std::path::{Path, PathBuf};

use phantom_bytecode::{Bundle, ClassFile};

/// Every `.class` file under `dir`, by its path relative to it.
fn class_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            class_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "class") {
            out.push(path);
        }
    }
    Ok(())
}

fn is_jar(program: &Path) -> bool {
    program.extension().is_some_and(|e| e == "jar") && program.is_file()
}

/// Whether `program` is Java: a `.class` file, a JAR or a directory holding class files.
pub fn is_java(program: &Path) -> bool {
    if program.extension().is_some_and(|e| e == "class") || is_jar(program) {
        return true;
    }
    let mut found = Vec::new();
    program.is_dir() && class_files(program, &mut found).is_ok() && !found.is_empty()
}

/// The Java classes of a directory, a JAR or one class file: (origin, bytes).
pub fn read_program(program: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    if is_jar(program) {
        return read_jar(program);
    }
    let mut paths = Vec::new();
    if program.is_dir() {
        class_files(program, &mut paths).map_err(|e| format!("{}: {e}", program.display()))?;
    } else {
        paths.push(program.to_path_buf());
    }
    paths.sort();
    paths
        .into_iter()
        .map(|p| std::fs::read(&p).map(|b| (p.display().to_string(), b)).map_err(|e| format!("{}: {e}", p.display())))
        .collect()
}

fn jar_entries(jar: &Path, wanted: impl Fn(&str) -> bool) -> Result<Vec<crate::jar::Entry>, String> {
    let bytes = std::fs::read(jar).map_err(|e| format!("{}: {e}", jar.display()))?;
    crate::jar::read(&bytes, wanted).map_err(|e| format!("{}: {e}", jar.display()))
}

/// The class files of a JAR (those of `META-INF`, such as other releases' versions, left out).
fn read_jar(jar: &Path) -> Result<Vec<(String, Vec<u8>)>, String> {
    let entries = jar_entries(jar, |name| name.ends_with(".class") && !name.starts_with("META-INF/"))?;
    Ok(entries.into_iter().map(|e| (format!("{}!/{}", jar.display(), e.name), e.bytes)).collect())
}

/// The `Main-Class` a JAR's manifest names, if it is a JAR that has one.
pub fn jar_main_class(program: &Path) -> Option<String> {
    if !is_jar(program) {
        return None;
    }
    let manifest = jar_entries(program, |name| name == "META-INF/MANIFEST.MF").ok()?.pop()?;
    let text = String::from_utf8_lossy(&manifest.bytes).into_owned();
    text.lines().find_map(|l| l.strip_prefix("Main-Class:")).map(|m| m.trim().to_string())
}

/// Translates a program and the runtime; returns the launcher's class name and the class files.
/// A translation is kept in the cache (`cache_dir`) under a hash of the program's class files,
/// the main class and the translator's build, and taken from there when all three are the same.
pub fn translate(program: &Path, main: &str) -> Result<(String, Vec<ClassFile>), String> {
    let classes = read_program(program)?;
    let cached = cache_dir().map(|dir| dir.join(format!("java-{:016x}.bundle", cache_key(&classes, main))));
    if let Some(files) = cached.as_deref().and_then(read_cached) {
        return Ok((phantom_java::launcher_name(&main.replace('.', "/")), files));
    }
    let (launcher, files) = translate_classes(program, classes, Some(main))?;
    if let Some(path) = cached {
        // A cache that cannot be written is only slower: the run goes on.
        let _ = write_cached(&path, &files);
    }
    Ok((launcher.expect("a main class was given"), files))
}

/// Where translations are kept: `$PHANTOM_CACHE` (`off` for nowhere), else
/// `$XDG_CACHE_HOME/phantom`, else `~/.cache/phantom`.
fn cache_dir() -> Option<PathBuf> {
    match std::env::var_os("PHANTOM_CACHE") {
        Some(v) if v == "off" => None,
        Some(v) => Some(PathBuf::from(v)),
        None => std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))
            .map(|d| d.join("phantom")),
    }
}

fn cache_key(classes: &[(String, Vec<u8>)], main: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    phantom_java::BUILD_ID.hash(&mut h);
    main.hash(&mut h);
    for (_, bytes) in classes {
        bytes.hash(&mut h);
    }
    h.finish()
}

fn read_cached(path: &Path) -> Option<Vec<ClassFile>> {
    let bundle = Bundle::read(&std::fs::read(path).ok()?).ok()?;
    bundle.entries.iter().map(|e| ClassFile::read(&e.class).ok()).collect()
}

/// Translations kept at most; the least recently written go first.
const CACHE_ENTRIES: usize = 64;

/// Written to a temporary file and renamed, so a reader never sees half of one.
fn write_cached(path: &Path, files: &[ClassFile]) -> Result<(), String> {
    let dir = path.parent().ok_or("no cache directory")?;
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let temporary = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&temporary, bundle(files)?.to_bytes()).map_err(|e| e.to_string())?;
    std::fs::rename(&temporary, path).map_err(|e| e.to_string())?;
    let mut entries: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("java-"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    entries.sort();
    for (_, old) in entries.iter().take(entries.len().saturating_sub(CACHE_ENTRIES)) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

fn translate_program(program: &Path, main: Option<&str>) -> Result<(Option<String>, Vec<ClassFile>), String> {
    translate_classes(program, read_program(program)?, main)
}

fn translate_classes(
    program: &Path,
    classes: Vec<(String, Vec<u8>)>,
    main: Option<&str>,
) -> Result<(Option<String>, Vec<ClassFile>), String> {
    if classes.is_empty() {
        return Err(format!("{}: no .class files", program.display()));
    }
    let universe = phantom_java::universe(classes).map_err(|e| e.to_string())?;
    let main = main.map(|m| m.replace('.', "/"));
    if let Some(main) = &main {
        if universe.get(main).is_none() {
            return Err(format!(
                "{}: no class {} (say which with --main CLASS)",
                program.display(),
                main.replace('/', ".")
            ));
        }
    }
    let files = phantom_java::translate_all(&universe, main.as_deref()).map_err(|e| e.to_string())?;
    Ok((main.map(|m| phantom_java::launcher_name(&m)), files))
}

/// `phantom translate`: the class files into `output`, one `.pc` per class.
pub fn translate_to(program: &Path, main: Option<&str>, output: &Path) -> Result<(), String> {
    let from_manifest = jar_main_class(program);
    let (launcher, files) = translate_program(program, main.or(from_manifest.as_deref()))?;
    std::fs::create_dir_all(output).map_err(|e| format!("{}: {e}", output.display()))?;
    for file in &files {
        let name = file.header().map(|h| String::from_utf8_lossy(&h.name).into_owned()).unwrap_or_default();
        let path = output.join(format!("{}.pc", name.trim_start_matches('.')));
        std::fs::write(&path, file.to_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    eprintln!("phantom: {} class files in {}", files.len(), output.display());
    if let Some(launcher) = launcher {
        eprintln!("phantom: run it with: phantom run {} --main '{launcher}'", output.display());
    }
    Ok(())
}

pub fn bundle(files: &[ClassFile]) -> Result<Bundle, String> {
    let entries = files.iter().map(|f| Bundle::entry_for(f.to_bytes())).collect::<Result<Vec<_>, _>>()?;
    Ok(Bundle { entries })
}
