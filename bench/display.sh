#!/usr/bin/env bash
# The display (`--display`): how fast a window redrawn as fast as a program can reaches a
# client, how many bytes an update costs, and what the display costs programs.
# bench/display/redraw.ph draws FRAMES frames, either repainting its whole 400x300 window
# (`full`) or moving a 20x20 box (`sprite`), each frame ending with update(); it runs without a
# display, then with one and a client (bench/display/wsclient.py, reading the WebSocket as fast
# as it can). Updates per frame below 1 mean the server merged damage a client had not been
# sent yet (it sends the newest pixels, never a backlog). Then bench/display/compute.ph, which
# draws nothing, times a loop from inside without and with --display (a client connected):
# the ratio should be 1.
#   bench/display.sh [RUNS]   (best of RUNS, default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
source bench/common.sh

token=benchtoken
field() { grep -oP "(^| )$1 \K[0-9.]+" <<< "$2" | head -1; }
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# with_client PROGRAM ARGS...: runs PROGRAM -- ARGS with a display on a free port and a
# client reading it; prints the program's output line, then the client's
with_client() {
  local port pid i program=$1
  shift
  port=$(free_port)
  "$phantom" run "$program" --display "127.0.0.1:$port" --display-token "$token" -- "$@" > "$work/out" 2> "$work/err" &
  pid=$!
  for ((i = 0; i < 100; i++)); do
    grep -q "display at" "$work/err" 2> /dev/null && break
    sleep 0.05
  done
  python3 bench/display/wsclient.py "127.0.0.1:$port" "$token" > "$work/client" &
  local client=$!
  wait "$pid"
  wait "$client" || true
  echo "$(cat "$work/out") $(cat "$work/client")"
}

echo "| drawing | frames | frames/s, no display | frames/s, display + client | updates sent/s | updates / frame | bytes / update | display / none |"
echo "|---|---|---|---|---|---|---|---|"
for mode in full sprite; do
  frames=$([ "$mode" = full ] && echo 3000 || echo 30000)
  best_plain=0 best_shown=0 shown_line=
  for ((r = 0; r < runs; r++)); do
    line=$("$phantom" run bench/display/redraw.ph -- "$mode" "$frames")
    fps=$(python3 -c "print($(field frames "$line") * 1000 / max(1, $(field ms "$line")))")
    best_plain=$(python3 -c "print(max($best_plain, $fps))")
    line=$(with_client bench/display/redraw.ph "$mode" "$frames")
    fps=$(python3 -c "print($(field frames "$line") * 1000 / max(1, $(field ms "$line")))")
    if python3 -c "import sys; sys.exit(0 if $fps > $best_shown else 1)"; then
      best_shown=$fps shown_line=$line
    fi
  done
  updates=$(field updates "$shown_line")
  bytes=$(field bytes "$shown_line")
  seconds=$(field seconds "$shown_line")
  python3 - "$mode" "$frames" "$best_plain" "$best_shown" "$updates" "$bytes" "$seconds" <<'PY'
import sys
mode, frames, plain, shown, updates, nbytes, seconds = sys.argv[1:]
frames, plain, shown, updates, nbytes, seconds = int(frames), float(plain), float(shown), int(updates), int(nbytes), float(seconds)
rate = updates / seconds if seconds > 0 else 0
per_update = nbytes / updates if updates else 0
print(f"| {mode} | {frames} | {plain:.0f} | {shown:.0f} | {rate:.0f} | {updates / frames:.2f} | {per_update:.0f} | {shown / plain:.2f}x |")
PY
done

echo
echo "| program that does not draw | no display (ms) | --display, a client connected (ms) | display / none |"
echo "|---|---|---|---|"
plain= shown=
for ((r = 0; r < runs; r++)); do
  ms=$(field ms "$("$phantom" run bench/display/compute.ph)")
  plain=$(python3 -c "print(min(float('${plain:-inf}'), $ms))")
  ms=$(field ms "$(with_client bench/display/compute.ph)")
  shown=$(python3 -c "print(min(float('${shown:-inf}'), $ms))")
done
echo "| compute.ph | ${plain%.0} | ${shown%.0} | $(ratio "$shown" "$plain") |"

# The inspector on a running system: bench/gc/stall.ph's clock-watching thread reports the
# longest gap it sees while /api/threads is fetched back to back (each fetch stops the
# threads to copy their stacks), against the same run with the display but no inspector.
echo
echo "| stall meter (bench/gc/stall.ph 20000 objects, 5 s) | worst stall (µs) | stalls over 1 ms | inspector fetches |"
echo "|---|---|---|---|"
for polled in no yes; do
  port=$(free_port)
  "$phantom" run bench/gc/stall.ph --display "127.0.0.1:$port" --display-token "$token" -- 20000 5 > "$work/out" 2> "$work/err" &
  pid=$!
  for ((i = 0; i < 100; i++)); do
    grep -q "display at" "$work/err" 2> /dev/null && break
    sleep 0.05
  done
  fetches=0
  if [ "$polled" = yes ]; then
    fetches=$(python3 - "$port" "$token" "$pid" <<'PY'
import os, sys, urllib.request
port, token, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
n = 0
while True:
    try:
        os.kill(pid, 0)
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/threads?token={token}", timeout=5).read()
        n += 1
    except (OSError, ConnectionError):
        break
print(n)
PY
)
  fi
  wait "$pid"
  line=$(cat "$work/out")
  echo "| inspector fetched: $polled | $(field worst_stall_us "$line") | $(field stalls_over_1ms "$line") | $fetches |"
done
