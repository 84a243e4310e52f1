#!/usr/bin/env bash
# Run every test histbot has, with everything the tests need.
#
# - Installs and starts a local Synapse (pinned, from PyPI, in .venv-synapse/,
#   bound to 127.0.0.1) for the Matrix tests, and stops it afterwards.
# - Starts a throwaway PostgreSQL (Debian's package, installed by
#   scripts/postgres.sh if missing, on 127.0.0.1) for the store tests, and
#   stops it afterwards.
# - Runs the whole test suite with every front end built in; the Matrix tests
#   and the PostgreSQL half of the store tests must run
#   (HISTBOT_REQUIRE_HOMESERVER=1, HISTBOT_REQUIRE_POSTGRES=1), not skip.
# - Checks the shipped fact base with the binary, as a moderator would.
# - Prints how long each stage took, so a slow CI run shows where.
#
# Usage: bash scripts/test-all.sh [extra cargo test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

stop_servers() {
    bash scripts/synapse.sh stop >/dev/null 2>&1 || true
    bash scripts/postgres.sh stop >/dev/null 2>&1 || true
}
trap stop_servers EXIT

echo "==> starting a local Synapse for the Matrix tests"
bash scripts/synapse.sh start
set -a
# shellcheck disable=SC1091
. target/synapse/env
set +a

echo "==> starting a local PostgreSQL for the store tests"
started=$SECONDS
bash scripts/postgres.sh start
echo "    PostgreSQL ready in $((SECONDS - started)) s"
set -a
# shellcheck disable=SC1091
. target/postgres/env
set +a

# Build the tests first and check the facts with the binary they built: a
# plain `cargo run` would build every dependency a second time, because the
# dev-dependencies turn on more features of shared crates (reqwest, futures,
# zerocopy) and cargo compiles each feature set separately.
echo "==> cargo test --no-run (all features)"
started=$SECONDS
cargo test --locked --all-features --no-run --timings
echo "    built in $((SECONDS - started)) s"

echo "==> histbot check facts"
"${CARGO_TARGET_DIR:-target}/debug/histbot" check facts

echo "==> cargo test (all features)"
mkdir -p target
started=$SECONDS
HISTBOT_REQUIRE_HOMESERVER=1 HISTBOT_REQUIRE_POSTGRES=1 cargo test --locked --all-features "$@" 2>&1 | tee target/test-all.log

# One closing line for the whole run (cargo prints one per test binary,
# the last of which is the doc tests').
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "tests: %d passed, %d failed\n", passed, failed }' target/test-all.log
echo "tests ran in $((SECONDS - started)) s"
