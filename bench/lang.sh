#!/usr/bin/env bash
# The VM benchmark programs written in the Phantom language (bench/lang/*.ph), against the same
# programs in hand-written assembly (bench/vm/*.pasm) and CPython 3, measured in this run.
# Phantom-language times include compiling the program. Prints a Markdown table.
#   bench/lang.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
cargo build -q --release -p phantom-cli
phantom=target/release/phantom
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

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

echo "| program | .ph compiled + run (s) | hand-written .pasm (s) | CPython (s) | .pasm / .ph | CPython / .ph |"
echo "|---|---|---|---|---|---|"
for name in fib loop fields alloc strings; do
  read -r ph phout <<< "$(best_of "$phantom" run "bench/lang/$name.ph")"
  # The assembly versions: one class per .class section.
  mkdir -p "$work/$name"
  python3 - "bench/vm/$name.pasm" "$work/$name" "$phantom" <<'PY'
import sys, subprocess
src, out, phantom = sys.argv[1:4]
units, cur = [], None
for line in open(src).read().splitlines(keepends=True):
    if line.startswith(".class") or cur is None:
        cur = []
        units.append(cur)
    cur.append(line)
for unit in (u for u in units if any(l.startswith(".class") for l in u)):
    name = [l for l in unit if l.startswith(".class")][0].split('"')[1].lstrip(".")
    open(f"{out}/{name}.pasm", "w").write("".join(unit))
    subprocess.run([phantom, "asm", f"{out}/{name}.pasm", "-o", f"{out}/{name}.pc"], check=True)
PY
  main=$(grep -m1 '^.class' "bench/vm/$name.pasm" | cut -d'"' -f2)
  read -r asm asmout <<< "$(best_of "$phantom" run "$work/$name" --main "$main")"
  read -r py pyout <<< "$(best_of python3 "bench/vm/$name.py")"
  if [ "$phout" != "$pyout" ] || [ "$asmout" != "$pyout" ]; then
    echo "results differ for $name: .ph $phout, .pasm $asmout, python $pyout" >&2
  fi
  echo "| $name | $ph | $asm | $py | $(python3 -c "print(f'{$asm/$ph:.2f}x')") | $(python3 -c "print(f'{$py/$ph:.2f}x')") |"
done
