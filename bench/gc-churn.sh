#!/usr/bin/env bash
# Image size over a long churn run: bench/gc/stall.ph keeps LIVE_MIB of small objects alive and
# replaces them at random for SECONDS, in an image with a snapshot every 100 ms; the image
# file's size is sampled every 10 s. Prints the samples and the largest against the goal
# (2x the live heap + 64 MiB); exits 1 if the image kept growing over the second half.
#   bench/gc-churn.sh [SECONDS] [LIVE_MIB]   (default: 600 s, 64 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
seconds="${1:-600}"
mib="${2:-64}"
source bench/common.sh
n=$((mib * 1024 * 1024 / 40))
"$phantom" run bench/gc/stall.ph --image "$work/churn.img" --snapshot-interval 100 \
  --heap-mib $((mib * 3 + 256)) --stats -- "$n" "$seconds" > "$work/out.txt" 2>&1 &
pid=$!
samples=()
echo "| time (s) | image (MiB) |"
echo "|---|---|"
for ((t = 10; t <= seconds; t += 10)); do
  sleep 10
  kill -0 "$pid" 2> /dev/null || break
  size=$(( $(stat -c %s "$work/churn.img") >> 20 ))
  samples+=("$size")
  echo "| $t | $size |"
done
wait "$pid"
grep -h "objects\|stats" "$work/out.txt" | sed 's/^/    /'
python3 - "$mib" "${samples[@]}" <<'PY'
import sys
mib, samples = int(sys.argv[1]), [int(s) for s in sys.argv[2:]]
half = samples[len(samples) // 2:]
goal = 2 * mib + 64
print(f"largest {max(samples)} MiB, goal {goal} MiB; second half {min(half)} to {max(half)} MiB")
sys.exit(0 if max(half) <= max(samples[:len(samples) // 2] or half) else 1)
PY
