#!/usr/bin/env bash
# Memory management under ordinary programs, measured in this run (results in docs/BENCHMARKS.md):
#  1. the stall meter (bench/gc/stall.ph): a thread reads the clock in a loop and records the
#     longest gap, beside N live small objects in an array replaced at random for SECONDS;
#     in memory without snapshots, then in an image with a snapshot every 100 ms. Reports the
#     worst stall, the collector's and the snapshots' pause p99, the throughput with snapshots
#     against without, and the image's size against 2x the live heap + 64 MiB;
#  2. an array filled by index with 2 million objects, and the sieve, against Lua 5.4.
#   bench/gc.sh [SECONDS] [LIVE_MIB...]   (default: 20 s; 16 and 1024 MiB live; 4096 works too)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
seconds="${1:-20}"
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(16 1024)
source bench/common.sh
need_package lua5.4 lua5.4

field() { grep -oP "(^| )$1 \K[0-9.]+" <<< "$2" | head -1; }

echo "| live heap | objects | heap limit | worst stall (ms) | stalls > 1 ms | gc pause p99 / max (ms) | snapshot pause p99 / max (ms) | snapshots | throughput with / without snapshots | image (MiB) | goal 2x live + 64 (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for mib in "${sizes[@]}"; do
  # An item is 32 bytes and its array slot 8 (the array's storage doubles as it grows).
  n=$((mib * 1024 * 1024 / 40))
  limit=$((mib * 3 + 256))
  plain=$("$phantom" run bench/gc/stall.ph --heap-mib "$limit" --stats -- "$n" "$seconds" 2>&1)
  rm -f "$work/stall.img"
  image=$("$phantom" run bench/gc/stall.ph --image "$work/stall.img" --snapshot-interval 100 \
    --heap-mib "$limit" --stats -- "$n" "$seconds" 2>&1)
  size=$(( $(stat -c %s "$work/stall.img") >> 20 ))
  r0=$(field replacements "$plain")
  r1=$(field replacements "$image")
  worst=$(python3 -c "print(f'{max($(field worst_stall_us "$plain"), $(field worst_stall_us "$image"))/1000:.1f}')")
  over=$(( $(field stalls_over_1ms "$plain") + $(field stalls_over_1ms "$image") ))
  gc="$(field gc_pause_ms_p99 "$image") / $(field gc_pause_ms_max "$image")"
  snap="$(field pause_ms_p99 "$image") / $(field pause_ms_max "$image")"
  echo "| $mib MiB | $n | $limit MiB | $worst | $over | $gc | $snap | $(field snapshots "$image") | $(ratio "$r1" "$r0") | $size | $((mib * 2 + 64)) |"
done

echo
echo "| program | Phantom (s) | Lua 5.4 (s) | Lua / Phantom |"
echo "|---|---|---|---|"
read -r ph phout <<< "$(best_of "$phantom" run bench/gc/fill.ph)"
read -r l lout <<< "$(best_of lua5.4 bench/gc/fill.lua)"
[ "$phout" = "$lout" ] || { echo "fill results differ: $phout, $lout" >&2; exit 1; }
echo "| array filled with 2M objects | $ph | $l | $(ratio "$l" "$ph") |"
read -r ph phout <<< "$(best_of "$phantom" run bench/lang/array.ph)"
read -r l lout <<< "$(best_of lua5.4 bench/vm/array.lua)"
[ "$phout" = "$lout" ] || { echo "sieve results differ: $phout, $lout" >&2; exit 1; }
echo "| sieve over 2M ints | $ph | $l | $(ratio "$l" "$ph") |"
