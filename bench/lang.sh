#!/usr/bin/env bash
# The VM benchmark programs written in the Phantom language (bench/lang/*.ph), against the same
# programs in hand-written assembly (bench/vm/*.pasm), CPython 3, Lua 5.4 and LuaJIT's
# interpreter (`luajit -joff`), measured in this run. Phantom-language times include compiling
# the program. Installs Lua 5.4 and LuaJIT if they are missing. Prints a Markdown table; exits 1
# if the implementations print different results for a program.
#   bench/lang.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh
need_package lua5.4 lua5.4
need_package luajit luajit

differ=0
echo "| program | .ph compiled + run (s) | hand-written .pasm (s) | CPython (s) | Lua 5.4 (s) | LuaJIT -joff (s) | .pasm / .ph | CPython / .ph | Lua / .ph | LuaJIT -joff / .ph |"
echo "|---|---|---|---|---|---|---|---|---|---|"
for name in fib loop fields alloc strings double array; do
  read -r ph phout <<< "$(best_of "$phantom" run "bench/lang/$name.ph" || true)"
  assemble_program "bench/vm/$name.pasm" "$work/$name"
  main=$(grep -m1 '^.class' "bench/vm/$name.pasm" | cut -d'"' -f2)
  read -r asm asmout <<< "$(best_of "$phantom" run "$work/$name" --main "$main" || true)"
  read -r py pyout <<< "$(best_of python3 "bench/vm/$name.py")"
  read -r l lout <<< "$(best_of lua5.4 "bench/vm/$name.lua")"
  read -r j jout <<< "$(best_of luajit -joff "bench/vm/$name.lua")"
  if [ "$phout" != "$pyout" ] || [ "$asmout" != "$pyout" ] || [ "$lout" != "$pyout" ] || [ "$jout" != "$pyout" ]; then
    echo "results differ for $name: .ph $phout, .pasm $asmout, python $pyout, lua $lout, luajit $jout" >&2
    differ=1
  fi
  echo "| $name | ${ph:-failed} | ${asm:-failed} | $py | $l | $j | $(ratio "$asm" "$ph") | $(ratio "$py" "$ph") | $(ratio "$l" "$ph") | $(ratio "$j" "$ph") |"
done
exit "$differ"
