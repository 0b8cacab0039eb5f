#!/usr/bin/env bash
# VM benchmarks against CPython 3, Lua 5.4 and LuaJIT's interpreter (`luajit -joff`, the JIT
# compiler off), all measured in this run on this machine. Installs Lua 5.4 and LuaJIT if they
# are missing (Debian packages lua5.4 and luajit). Prints a Markdown table; exits 1 if the
# implementations print different results for a program.
#   bench/vm.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh
need_package lua5.4 lua5.4
need_package luajit luajit

differ=0
echo "| program | Phantom (s) | CPython $(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])') (s) | Lua 5.4 (s) | LuaJIT -joff (s) | CPython / Phantom | Lua / Phantom | LuaJIT -joff / Phantom |"
echo "|---|---|---|---|---|---|---|---|"
for name in fib loop fields alloc strings double array; do
  assemble_program "bench/vm/$name.pasm" "$work/$name"
  main=$(grep -m1 '^.class' "bench/vm/$name.pasm" | cut -d'"' -f2)
  read -r p pout <<< "$(best_of "$phantom" run "$work/$name" --main "$main" || true)"
  read -r c cout <<< "$(best_of python3 "bench/vm/$name.py")"
  read -r l lout <<< "$(best_of lua5.4 "bench/vm/$name.lua")"
  read -r j jout <<< "$(best_of luajit -joff "bench/vm/$name.lua")"
  if [ "$pout" != "$cout" ] || [ "$pout" != "$lout" ] || [ "$pout" != "$jout" ]; then
    echo "results differ for $name: phantom $pout, python $cout, lua $lout, luajit $jout" >&2
    differ=1
  fi
  echo "| $name | ${p:-failed} | $c | $l | $j | $(ratio "$c" "$p") | $(ratio "$l" "$p") | $(ratio "$j" "$p") |"
done
exit "$differ"
