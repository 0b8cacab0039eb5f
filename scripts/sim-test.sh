#!/usr/bin/env bash
# Runs the deterministic simulation of the bank (crates/vm/tests/simulation.rs) under N seeds
# (default 5000) in a release build, starting at seed FIRST (default 1): each seed picks the
# interleaving, the snapshots, a crash and what the disk keeps, then restarts and checks the
# invariants. A failure prints its seed and the command that replays it.
#   scripts/sim-test.sh [N] [FIRST]
set -euo pipefail
cd "$(dirname "$0")/.."
export PHANTOM_SIM_SEEDS="${1:-5000}"
export PHANTOM_SIM_SEED="${2:-1}"
cargo test --release --locked -p phantom-vm --test simulation -- --nocapture many_seeds
