#!/usr/bin/env bash
# A durable key-value server in Phantom (examples/kv.ph over HTTP; a PUT is answered once it is
# durable) against Redis with its append-only file fsynced on every write (appendfsync always:
# the same promise) and once a second (everysec: up to a second of acknowledged writes can be
# lost). bench/loadgen drives each with 8 and 64 closed-loop keep-alive clients, PUT-only and
# 90% GET, over 1000 keys of 100 bytes (preloaded, not measured), for SECONDS per load.
# Phantom runs twice more: with --output-commit (every answer, GETs too, is held until a
# snapshot holding the state behind it is durable: the latency output commit costs shows in
# its GET-only rows against the plain run's), and in memory (no durability: what the
# interpreter and the HTTP library cost). Each Phantom run reports its snapshots, so requests
# per snapshot shows the group commit.
#   bench/kv.sh [SECONDS]   (default: 10 s)
# A server that does not start, or a load with no successful request, gives a `failed` row.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
seconds="${1:-10}"
source bench/common.sh
need_package redis-server redis-server
need_package redis-cli redis-tools

flock /tmp/phantom-cargo.lock cargo build -q --release --manifest-path bench/loadgen/Cargo.toml
cp "${CARGO_TARGET_DIR:-bench/loadgen/target}/release/loadgen" "$work/loadgen"

server_pid=
# stop_server: SIGTERM, then SIGKILL after 5 s
stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid=$server_pid i
  server_pid=
  kill -TERM "$pid" 2> /dev/null || true
  for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
}
trap 'stop_server; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_until CHECK...: runs CHECK every 0.1 s for up to 60 s; fails at once if the server exited
wait_until() {
  local i
  for ((i = 0; i < 600; i++)); do
    kill -0 "$server_pid" 2> /dev/null || return 1
    "$@" > /dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
accepts() { (exec 3<> "/dev/tcp/127.0.0.1/$1"); }
pongs() { [ "$(redis-cli -p "$1" ping)" = PONG ]; }

field() { grep -oP "(^| )$1 \K[0-9.]+" <<< "$2" | head -1; }

declare -A put_rps
# loads NAME PROTO PORT UP [PERCENT...]: the loads against a server (GET percentages, default
# 0 and 90); UP is empty when it did not start
loads() {
  local name=$1 proto=$2 port=$3 up=$4 clients percent mix out
  shift 4
  local percents=("$@")
  [ ${#percents[@]} -gt 0 ] || percents=(0 90)
  for clients in 8 64; do
    for percent in "${percents[@]}"; do
      [ "$percent" = 0 ] && mix="PUT only" || mix="$percent% GET"
      if [ -n "$up" ] && out=$("$work/loadgen" --proto "$proto" --addr "127.0.0.1:$port" --clients "$clients" \
        --seconds "$seconds" --get-percent "$percent" 2> "$work/loadgen.err") && [ -n "$(field rps "$out")" ]; then
        echo "| $name | $clients | $mix | $(field rps "$out") | $(field p50_ms "$out") | $(field p99_ms "$out") |" \
          "$(field errors "$out") |"
        if [ "$percent" = 0 ]; then put_rps["$name,$clients"]=$(field rps "$out"); fi
      else
        if [ -n "$up" ]; then sed "s/^/$name, $clients clients, $mix: /" "$work/loadgen.err" | tail -3 >&2; fi
        echo "| $name | $clients | $mix | failed | | | |"
      fi
    done
  done
}

echo "| server | clients | mix | requests/s | p50 (ms) | p99 (ms) | errors |"
echo "|---|---|---|---|---|---|---|"

phantom_name="phantom kv (durable)"
snapshots=()
# phantom_loads NAME FLAGS...: kv.ph with FLAGS (an image, or none), PUT-only, 90% and 100% GET
phantom_loads() {
  local name=$1 port
  shift
  port=$(free_port)
  rm -f "$work/kv.img"
  "$phantom" run examples/kv.ph "$@" --stats -- "127.0.0.1:$port" > "$work/phantom.log" 2>&1 &
  server_pid=$!
  if wait_until accepts "$port"; then
    loads "$name" http "$port" yes 0 90 100
  else
    echo "phantom kv did not start:" >&2
    tail -5 "$work/phantom.log" >&2
    loads "$name" http "$port" "" 0 90 100
  fi
  stop_server
  local taken
  taken=$(field snapshots "$(cat "$work/phantom.log")" || true)
  [ -z "$taken" ] || snapshots+=("$name: $taken snapshots")
}
phantom_loads "$phantom_name" --image "$work/kv.img"
phantom_loads "phantom kv --output-commit" --image "$work/kv.img" --output-commit
phantom_loads "phantom kv (in memory, not durable)"

for fsync in always everysec; do
  port=$(free_port)
  mkdir -p "$work/redis-$fsync"
  redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly yes --appendfsync "$fsync" \
    --dir "$work/redis-$fsync" --daemonize no > "$work/redis-$fsync.log" 2>&1 &
  server_pid=$!
  if wait_until pongs "$port"; then
    loads "redis appendfsync $fsync" redis "$port" yes
  else
    echo "redis-server did not start:" >&2
    tail -5 "$work/redis-$fsync.log" >&2
    loads "redis appendfsync $fsync" redis "$port" ""
  fi
  stop_server
done

echo
line="Phantom durable PUT-only requests/s against Redis appendfsync always:"
for clients in 8 64; do
  ph=${put_rps["$phantom_name,$clients"]:-}
  re=${put_rps["redis appendfsync always,$clients"]:-}
  if [ -n "$ph" ] && [ -n "$re" ]; then
    line+=" $clients clients $(ratio "$ph" "$re");"
  else
    line+=" $clients clients n/a (a load failed);"
  fi
done
echo "${line%;}"
[ ${#snapshots[@]} -eq 0 ] || echo "Snapshots taken during the $((seconds * 6))-second Phantom runs: ${snapshots[*]}."
