#!/usr/bin/env bash
# A throwaway local Synapse for histbot's Matrix tests.
#
#   scripts/synapse.sh start     install (once), write a fresh config and data
#                                under target/synapse/, start, wait until ready
#   scripts/synapse.sh stop      stop it
#   scripts/synapse.sh restart   stop and start again, keeping config and data
#   scripts/synapse.sh status    say whether it runs (exit 0) or not (exit 1)
#
# Synapse comes from PyPI at a pinned version, into .venv-synapse/ at the
# repository root. It listens on 127.0.0.1 only, on a free port chosen at
# start, uses sqlite, has registration closed (users are registered with the
# shared secret) and raised rate limits. After `start`, target/synapse/env
# holds the variables the tests read:
#
#   HISTBOT_TEST_HOMESERVER=http://127.0.0.1:PORT
#   HISTBOT_TEST_SYNAPSE_SECRET=<registration shared secret>
#   HISTBOT_TEST_SYNAPSE_CTL=<absolute path of this script>
#
# Quiet on success; on failure it says what went wrong and where the log is.
set -euo pipefail

SYNAPSE_VERSION="1.163.2"
SERVER_NAME="localhost"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SELF="$ROOT/scripts/synapse.sh"
VENV="$ROOT/.venv-synapse"
DIR="$ROOT/target/synapse"
CONFIG="$DIR/homeserver.yaml"
PIDFILE="$DIR/synapse.pid"
PORTFILE="$DIR/port"
ENVFILE="$DIR/env"
LOG="$DIR/homeserver.log"
OUT="$DIR/stdout.log"
READY_TIMEOUT="${HISTBOT_SYNAPSE_READY_TIMEOUT:-90}"

die() { echo "synapse.sh: $*" >&2; exit 1; }

python_bin() {
    for candidate in python3.11 python3 python; do
        if command -v "$candidate" >/dev/null 2>&1; then echo "$candidate"; return; fi
    done
    die "no python3 found (Synapse needs Python 3.10 or newer)"
}

installed_version() {
    [ -x "$VENV/bin/python" ] || return 1
    "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("matrix-synapse"))' 2>/dev/null
}

install() {
    if [ "$(installed_version || true)" = "$SYNAPSE_VERSION" ]; then return 0; fi
    mkdir -p "$DIR"
    local log="$DIR/install.log"
    local python; python="$(python_bin)"
    {
        rm -rf "$VENV"
        "$python" -m venv "$VENV" &&
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip &&
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "matrix-synapse==$SYNAPSE_VERSION"
    } >"$log" 2>&1 || { tail -n 30 "$log" >&2; die "installing matrix-synapse==$SYNAPSE_VERSION into $VENV failed (full log: $log)"; }
}

pid() { [ -f "$PIDFILE" ] && cat "$PIDFILE"; }

alive() {
    local p; p="$(pid)" || return 1
    [ -n "$p" ] && kill -0 "$p" 2>/dev/null
}

port() { [ -f "$PORTFILE" ] && cat "$PORTFILE"; }

answers() {
    local p; p="$(port)" || return 1
    curl --silent --fail --max-time 5 "http://127.0.0.1:$p/_matrix/client/versions" >/dev/null 2>&1
}

free_port() {
    "$VENV/bin/python" - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

random_secret() {
    "$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))'
}

write_config() {
    rm -rf "$DIR/data" "$CONFIG" "$ENVFILE" "$LOG" "$OUT"
    mkdir -p "$DIR/data/media"
    local port secret
    port="$(free_port)"
    secret="$(random_secret)"
    echo "$port" >"$PORTFILE"
    cat >"$DIR/log.yaml" <<EOF
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
handlers:
  file:
    class: logging.FileHandler
    formatter: precise
    filename: $LOG
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
EOF
    # Every rc_* limit raised far above what the tests do.
    local fast='{per_second: 1000, burst_count: 10000}'
    cat >"$CONFIG" <<EOF
server_name: "$SERVER_NAME"
public_baseurl: "http://127.0.0.1:$port/"
pid_file: "$PIDFILE"
listeners:
  - port: $port
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client, federation]
        compress: false
database:
  name: sqlite3
  args:
    database: "$DIR/data/homeserver.db"
log_config: "$DIR/log.yaml"
media_store_path: "$DIR/data/media"
signing_key_path: "$DIR/data/signing.key"
report_stats: false
enable_registration: false
registration_shared_secret: "$secret"
macaroon_secret_key: "$(random_secret)"
form_secret: "$(random_secret)"
trusted_key_servers: []
suppress_key_server_warning: true
enable_metrics: false
presence:
  enabled: false
url_preview_enabled: false
rc_message: $fast
rc_registration: $fast
rc_registration_token_validity: $fast
rc_login:
  address: $fast
  account: $fast
  failed_attempts: $fast
rc_joins:
  local: $fast
  remote: $fast
rc_joins_per_room: $fast
rc_invites:
  per_room: $fast
  per_user: $fast
  per_issuer: $fast
rc_3pid_validation: $fast
rc_admin_redaction: $fast
rc_key_requests: $fast
rc_federation:
  window_size: 1000
  sleep_limit: 10000
  sleep_delay: 0
  reject_limit: 10000
  concurrent: 1000
EOF
    "$VENV/bin/python" -m synapse.app.homeserver --config-path "$CONFIG" --generate-keys >"$OUT" 2>&1 \
        || { cat "$OUT" >&2; die "could not generate the signing key"; }
    cat >"$ENVFILE" <<EOF
HISTBOT_TEST_HOMESERVER=http://127.0.0.1:$port
HISTBOT_TEST_SYNAPSE_SECRET=$secret
HISTBOT_TEST_SYNAPSE_CTL=$SELF
EOF
    chmod 600 "$ENVFILE" "$CONFIG"
}

launch() {
    [ -f "$CONFIG" ] || die "no config in $DIR (run: scripts/synapse.sh start)"
    # setsid: the server outlives this script, in its own process group.
    setsid "$VENV/bin/python" -m synapse.app.homeserver --config-path "$CONFIG" >>"$OUT" 2>&1 < /dev/null &
    echo $! >"$PIDFILE"
    local deadline=$((SECONDS + READY_TIMEOUT))
    until answers; do
        if ! alive; then
            tail -n 20 "$OUT" >&2; [ -f "$LOG" ] && tail -n 20 "$LOG" >&2
            die "Synapse exited during startup (logs: $OUT, $LOG)"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 20 "$OUT" >&2
            die "Synapse did not answer on port $(port) within ${READY_TIMEOUT}s (logs: $OUT, $LOG)"
        fi
        sleep 0.3
    done
}

halt() {
    alive || { rm -f "$PIDFILE"; return 0; }
    local p; p="$(pid)"
    kill -TERM "$p" 2>/dev/null || true
    local deadline=$((SECONDS + 30))
    while kill -0 "$p" 2>/dev/null; do
        if [ "$SECONDS" -ge "$deadline" ]; then kill -KILL "$p" 2>/dev/null || true; sleep 0.5; break; fi
        sleep 0.2
    done
    rm -f "$PIDFILE"
}

case "${1:-}" in
    start)
        if alive && answers && [ -f "$ENVFILE" ]; then exit 0; fi
        halt
        install
        write_config
        launch
        ;;
    stop)
        halt
        ;;
    restart)
        [ -x "$VENV/bin/python" ] || die "Synapse is not installed (run: scripts/synapse.sh start)"
        halt
        launch
        ;;
    status)
        if alive && answers; then echo "running on http://127.0.0.1:$(port) (pid $(pid))"; exit 0; fi
        echo "not running"; exit 1
        ;;
    *)
        echo "usage: $0 start|stop|restart|status" >&2
        exit 2
        ;;
esac
