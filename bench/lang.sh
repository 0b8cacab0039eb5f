#!/usr/bin/env bash
# The VM benchmark programs written in the Phantom language (bench/lang/*.ph), against the same
# programs in hand-written assembly (bench/vm/*.pasm) and CPython 3, measured in this run.
# Phantom-language times include compiling the program. Prints a Markdown table.
#   bench/lang.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh

echo "| program | .ph compiled + run (s) | hand-written .pasm (s) | CPython (s) | .pasm / .ph | CPython / .ph |"
echo "|---|---|---|---|---|---|"
for name in fib loop fields alloc strings; do
  read -r ph phout <<< "$(best_of "$phantom" run "bench/lang/$name.ph")"
  assemble_program "bench/vm/$name.pasm" "$work/$name"
  main=$(grep -m1 '^.class' "bench/vm/$name.pasm" | cut -d'"' -f2)
  read -r asm asmout <<< "$(best_of "$phantom" run "$work/$name" --main "$main")"
  read -r py pyout <<< "$(best_of python3 "bench/vm/$name.py")"
  if [ "$phout" != "$pyout" ] || [ "$asmout" != "$pyout" ]; then
    echo "results differ for $name: .ph $phout, .pasm $asmout, python $pyout" >&2
  fi
  echo "| $name | $ph | $asm | $py | $(python3 -c "print(f'{$asm/$ph:.2f}x')") | $(python3 -c "print(f'{$py/$ph:.2f}x')") |"
done
