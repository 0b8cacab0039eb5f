#!/usr/bin/env bash
# Java programs (bench/java/*.java: recursion, arrays, objects, collections, floating point,
# strings, sorting), compiled once by javac and timed in this run under HotSpot's interpreter
# (`java -Xint`), HotSpot with its JIT (`java`), and `phantom run` (which translates the class
# files, the runtime library's included, as part of its time). Prints a Markdown table; exits 1
# if phantom prints something else than java for a program.
#   bench/java.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh
javac -d "$work/classes" bench/java/*.java

differ=0
echo "| program | java -Xint (s) | java (s) | phantom run (s) | -Xint / phantom | java / phantom |"
echo "|---|---|---|---|---|---|"
for source in bench/java/*.java; do
  name=$(basename "$source" .java)
  read -r xint xout <<< "$(best_of java -Xint -cp "$work/classes" "$name")"
  read -r jit jout <<< "$(best_of java -cp "$work/classes" "$name")"
  read -r ph phout <<< "$(best_of "$phantom" run "$work/classes" --main "$name" || true)"
  if [ "$phout" != "$xout" ] || [ "$jout" != "$xout" ]; then
    echo "results differ for $name: java -Xint '$xout', java '$jout', phantom '$phout'" >&2
    differ=1
  fi
  echo "| $name | $xint | $jit | ${ph:-failed} | $(ratio "$xint" "$ph") | $(ratio "$jit" "$ph") |"
done
exit "$differ"
