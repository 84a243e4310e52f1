#!/usr/bin/env bash
# The interactions endpoint under load, with one command.
#
# Builds histbot and its load client (`src/bin/histbot-load.rs`) in release
# mode with only what HTTP mode needs (`discord`, `ops`), then:
# - times each stage of a signed /when in process (signature, JSON, answer
#   and embed, writing the response);
# - starts `histbot run` in HTTP mode on a loopback port with a freshly
#   generated Ed25519 key and sends pre-signed /when, /ask (free text) and
#   autocomplete requests, one phase each, at a fixed rate (open loop);
# - prints throughput, p50/p90/p99/max and the server's CPU time per
#   request (utime + stime from /proc/PID/stat, before and after a phase).
#
# Usage: bash scripts/load-bench.sh [--rate 2000] [--seconds 20]
#            [--connections 64] [--phases when,ask,autocomplete]
#            [--answer-cache-entries 0]   # 0: the server keeps no answers
# CARGO_TARGET_DIR is honoured. Linux only (/proc).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-target}"
cargo build --release --locked --no-default-features --features discord,ops,load-bench --bin histbot --bin histbot-load
exec "$target/release/histbot-load" --histbot "$target/release/histbot" --repo . "$@"
