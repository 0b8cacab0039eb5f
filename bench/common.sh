# Shared by the bench scripts (sourced, after `cd` to the repository root and setting $runs).
# Builds phantom and sets $work (a temporary directory, removed on exit) and $phantom (a private
# copy of the binary: a shared CARGO_TARGET_DIR may be rebuilt by someone else meanwhile).
# Also defines need_package, best_of, ratio and assemble_program.

# need_package COMMAND PACKAGE: installs the Debian package unless COMMAND is on the PATH
# (refreshing the package lists if the first attempt fails, as on a fresh machine)
need_package() {
  command -v "$1" > /dev/null && return
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  { $sudo apt-get install -y -q "$2" || { $sudo apt-get update -q && $sudo apt-get install -y -q "$2"; }; } > /dev/null
}

cargo build -q --release -p phantom-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "${CARGO_TARGET_DIR:-target}/release/phantom" "$work/phantom"
phantom="$work/phantom"

# best_of CMD...: the fastest of $runs wall-clock times in seconds, then the command's output
best_of() {
  python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
best = None
for _ in range(runs):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, check=True).stdout
    elapsed = time.perf_counter() - start
    best = elapsed if best is None else min(best, elapsed)
print(f"{best:.3f} {out.decode().strip()}")
PY
}

# ratio A B: A / B as "1.23x", or nothing when B is empty (a failed run)
ratio() {
  [ -n "$2" ] && python3 -c "print(f'{$1/$2:.2f}x')" || true
}

# assemble_program FILE.pasm DIR: a file may hold several classes; assemble each into DIR
assemble_program() {
  mkdir -p "$2"
  python3 - "$1" "$2" "$phantom" <<'PY'
import sys, subprocess
src, out, phantom = sys.argv[1], sys.argv[2], sys.argv[3]
units, cur = [], None
for line in open(src).read().splitlines(keepends=True):
    if line.startswith(".class") or cur is None:
        cur = []
        units.append(cur)
    cur.append(line)
for unit in (u for u in units if any(l.startswith(".class") for l in u)):
    name = [l for l in unit if l.startswith(".class")][0].split('"')[1].lstrip(".")
    path = f"{out}/{name}.pasm"
    open(path, "w").write("".join(unit))
    subprocess.run([phantom, "asm", path, "-o", f"{out}/{name}.pc"], check=True)
PY
}
