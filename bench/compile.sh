#!/usr/bin/env bash
# Compile speed: generates a large Phantom-language program (many classes mixing every
# construct), compiles it with `phantom compile`, and reports lines per second, next to
# `wc -l` reading the same files as a reference for I/O. Goal: 100,000 lines per second.
#   bench/compile.sh [FILES]   (default 500 copies of plib/regress.ph, about 100,000 lines)
set -euo pipefail
cd "$(dirname "$0")/.."
classes="${1:-500}"
source bench/common.sh
python3 - "$classes" "$work/src" <<'PY'
import os, sys
n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out)
# Each file: a renamed copy of our regression test (four classes, every construct).
text = open("plib/regress.ph").read().replace("package .phantom;", "package .gen;")
for i in range(n):
    open(f"{out}/r{i}.ph", "w").write(text.replace("regress", f"regress{i}"))
PY
lines=$(cat "$work"/src/*.ph | wc -l)
start=$(date +%s.%N)
cat "$work"/src/*.ph > /dev/null
read_s=$(python3 -c "import time; print(time.time() - $start)")
start=$(date +%s.%N)
"$phantom" compile -o "$work/out" "$work/src" 2> "$work/stderr" || { head -30 "$work/stderr"; exit 1; }
compile_s=$(python3 -c "import time; print(time.time() - $start)")
classes_out=$(ls "$work/out" | wc -l)
python3 -c "print(f'| {$lines} lines, {$classes_out} classes | compile {$compile_s:.3f} s | {$lines/$compile_s:,.0f} lines/s | reading the files: {$read_s*1000:.1f} ms |')"
