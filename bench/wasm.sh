#!/usr/bin/env bash
# WebAssembly: C programs (bench/wasm/*.c: integer recursion, an integer sieve, n-body and
# mandelbrot in floating point, sorting and a linked list through malloc) built with Debian's
# clang 14 (`--target=wasm32-wasi -O2`, installed if missing) and natively with gcc -O2, and
# timed in this run: natively; in wasmi (the Rust interpreter, its CLI installed once into a
# cache); in `phantom run` (linear memory in the heap, in RAM); in `phantom run --image`
# (persistent, snapshots every second, each run on a new image); and by phantom-wasm's
# interpreter alone on a plain vector memory (its `wasm_run` example), which tells the
# interpreter's cost from the heap's. Then the measure behind running wasm with an interpreter
# of our own rather than translating it to Phantom bytecode: fib(30) in the Phantom language
# (bench/lang/fib.ph) against the same function compiled from C and run by the interpreter.
# Prints Markdown tables; exits 1 if a run prints something else than the native program.
#   bench/wasm.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh
need_package clang-14 clang-14
need_package wasm-ld-14 lld-14
[ -d /usr/share/wasi-sysroot ] || need_package /usr/share/wasi-sysroot/no-such-command wasi-libc
ls /usr/lib/llvm-14/lib/clang/14*/lib/wasi/libclang_rt.builtins-wasm32.a > /dev/null 2>&1 \
  || need_package /no-such-command libclang-rt-14-dev-wasm32
cargo build -q --release -p phantom-wasm --example wasm_run
cp "${CARGO_TARGET_DIR:-target}/release/examples/wasm_run" "$work/wasm_run"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/phantom-bench"
if [ ! -x "$cache/bin/wasmi" ]; then
  cargo install -q --locked wasmi_cli --version 2.0.0 --root "$cache"
fi
wasmi="$cache/bin/wasmi"
cat > "$work/image-run" <<SH
#!/bin/sh
rm -f "$work/bench.img"
exec "$phantom" run --image "$work/bench.img" "\$@"
SH
chmod +x "$work/image-run"

differ=0
echo "| program | native (s) | wasmi (s) | phantom run (s) | phantom run --image (s) | interpreter alone (s) | wasmi / phantom run | wasmi / interpreter |"
echo "|---|---|---|---|---|---|---|---|"
for source in bench/wasm/*.c; do
  name=$(basename "$source" .c)
  clang-14 --target=wasm32-wasi -O2 -o "$work/$name.wasm" "$source" -lm
  gcc -O2 -o "$work/$name" "$source" -lm
  read -r native nout <<< "$(best_of "$work/$name")"
  read -r wi wout <<< "$(best_of "$wasmi" "$work/$name.wasm")"
  read -r ph pout <<< "$(best_of "$phantom" run "$work/$name.wasm" || true)"
  read -r img iout <<< "$(best_of "$work/image-run" "$work/$name.wasm" || true)"
  read -r alone aout <<< "$(best_of "$work/wasm_run" "$work/$name.wasm" || true)"
  for out in "$wout" "$pout" "$iout" "$aout"; do
    if [ "$out" != "$nout" ]; then
      echo "results differ for $name: native '$nout', other '$out'" >&2
      differ=1
    fi
  done
  echo "| $name | $native | $wi | ${ph:-failed} | ${img:-failed} | ${alone:-failed} | $(ratio "$wi" "$ph") | $(ratio "$wi" "$alone") |"
done

echo
echo "| fib(30) | Phantom language (s) | wasm, phantom run (s) | wasm, wasmi (s) | language / wasm |"
echo "|---|---|---|---|---|"
cat > "$work/fib30.c" <<'C'
#include <stdio.h>
static unsigned fib(unsigned n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
int main(void) { printf("%u\n", fib(30)); return 0; }
C
clang-14 --target=wasm32-wasi -O2 -o "$work/fib30.wasm" "$work/fib30.c"
read -r lang _ <<< "$(best_of "$phantom" run bench/lang/fib.ph)"
read -r wph _ <<< "$(best_of "$phantom" run "$work/fib30.wasm")"
read -r wwi _ <<< "$(best_of "$wasmi" "$work/fib30.wasm")"
echo "| fib | $lang | $wph | $wwi | $(ratio "$lang" "$wph") |"
exit "$differ"
