#!/usr/bin/env bash
# Runs the SIGKILL test many times: a process writing a known pattern and snapshotting is killed
# at random moments and every recovery is checked (crates/store/tests/kill.rs).
#   scripts/kill-test.sh [ITERATIONS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
KILL_ITERATIONS="${1:-1000}" cargo test --release -p phantom-store --test kill -- --nocapture
