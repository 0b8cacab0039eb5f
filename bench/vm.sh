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
source bench/common.sh

echo "| program | Phantom (s) | CPython $(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])') (s) | Lua 5.4 (s) | CPython / Phantom | Lua / Phantom |"
echo "|---|---|---|---|---|---|"
for name in fib loop fields alloc strings; do
  assemble_program "bench/vm/$name.pasm" "$work/$name"
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
