#!/usr/bin/env bash
# VM benchmarks against CPython 3 and Lua 5.4, all measured in this run on this machine.
# Installs Lua 5.4 if it is missing (Debian package lua5.4). Prints a Markdown table.
#   bench/vm.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
if ! command -v lua5.4 > /dev/null; then
  (apt-get install -y -q lua5.4 || sudo apt-get install -y -q lua5.4) > /dev/null
fi
cargo build -q --release -p phantom-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A private copy: a shared CARGO_TARGET_DIR may be rebuilt by someone else while this runs.
cp "${CARGO_TARGET_DIR:-target}/release/phantom" "$work/phantom"
phantom="$work/phantom"

# best_of CMD...: the fastest of $runs wall-clock times, in seconds
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

echo "| program | Phantom (s) | CPython $(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])') (s) | Lua 5.4 (s) | CPython / Phantom | Lua / Phantom |"
echo "|---|---|---|---|---|---|"
for name in fib loop fields alloc strings; do
  # A file may hold several classes: assemble each into the program's class directory.
  mkdir -p "$work/$name"
  python3 - "bench/vm/$name.pasm" "$work/$name" "$phantom" <<'PY'
import sys, subprocess
src, out, phantom = sys.argv[1], sys.argv[2], sys.argv[3]
units, cur = [], None
for line in open(src).read().splitlines(keepends=True):
    if line.startswith(".class") or cur is None:
        cur = []
        units.append(cur)
    cur.append(line)
for i, unit in enumerate(u for u in units if any(l.startswith(".class") for l in u)):
    text = "".join(unit)
    name = [l for l in unit if l.startswith(".class")][0].split('"')[1].lstrip(".")
    path = f"{out}/{name}.pasm"
    open(path, "w").write(text)
    subprocess.run([phantom, "asm", path, "-o", f"{out}/{name}.pc"], check=True)
PY
  main=$(grep -m1 '^.class' "bench/vm/$name.pasm" | cut -d'"' -f2)
  read -r p pout <<< "$(best_of "$phantom" run "$work/$name" --main "$main" || true)"
  read -r c cout <<< "$(best_of python3 "bench/vm/$name.py")"
  read -r l lout <<< "$(best_of lua5.4 "bench/vm/$name.lua")"
  if [ "$pout" != "$cout" ] || [ "$pout" != "$lout" ]; then
    echo "results differ for $name: phantom $pout, python $cout, lua $lout" >&2
  fi
  if [ -z "$p" ]; then
    echo "| $name | failed | $c | $l | | |"
    continue
  fi
  echo "| $name | $p | $c | $l | $(python3 -c "print(f'{$c/$p:.2f}x')") | $(python3 -c "print(f'{$l/$p:.2f}x')") |"
done
