#!/usr/bin/env bash
# Kills running Phantom programs with SIGKILL at random moments and boots them again, ROUNDS
# times (default 1000): the counter that must never lose a committed value, and the bank whose
# total must never change (a third as many rounds). See crates/cli/tests/persist.rs.
#   scripts/persist-kill-test.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PHANTOM_KILL_ROUNDS="${1:-1000}"
cargo test --release --locked -p phantom-cli --test persist -- --test-threads 1 --nocapture \
  counter_survives_kill_9 bank_total_is_constant
