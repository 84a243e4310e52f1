#!/usr/bin/env bash
# A throwaway local PostgreSQL for histbot's store tests.
#
#   scripts/postgres.sh start    install (once, Debian's `postgresql` package
#                                through apt-get), create a fresh cluster under
#                                target/postgres/, start it, wait until ready
#   scripts/postgres.sh stop     stop it
#   scripts/postgres.sh status   say whether it runs (exit 0) or not (exit 1)
#
# PostgreSQL refuses to run as root, so the cluster belongs to the `postgres`
# user (created by the package) and is started with `runuser -u postgres`
# when this script runs as root. It listens on 127.0.0.1 only, on a free
# port chosen at start, with no Unix socket; the `histbot` role and database
# log in with a password (scram). After `start`, target/postgres/env holds:
#
#   HISTBOT_TEST_POSTGRES=postgres://histbot@127.0.0.1:PORT/histbot
#   HISTBOT_DATABASE_PASSWORD=<the password>
#
# Quiet on success; on failure it says what went wrong and where the log is.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/target/postgres"
DATA="$DIR/data"
LOG="$DIR/postgres.log"
ENVFILE="$DIR/env"
PORTFILE="$DIR/port"

die() { echo "postgres.sh: $*" >&2; exit 1; }

# The directory of pg_ctl and initdb (Debian keeps them off PATH).
bindir() {
    local found
    found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

install() {
    if bindir >/dev/null; then return 0; fi
    [ "$(id -u)" = 0 ] || die "PostgreSQL is not installed; run as root to install it, or: apt-get install -y postgresql"
    mkdir -p "$DIR"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } >"$DIR/install.log" 2>&1 ||
        die "installing postgresql failed; see $DIR/install.log"
    bindir >/dev/null || die "installed postgresql, but found no pg_ctl under /usr/lib/postgresql"
}

# Run a command as the cluster's owner.
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

running() { [ -f "$DATA/postmaster.pid" ] && as_owner "$(bindir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
    install
    stop
    local bin port password
    bin="$(bindir)"
    port="$(free_port)"
    password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
    rm -rf "$DIR/data"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
    echo "$password" >"$DIR/pwfile"
    [ "$(id -u)" = 0 ] && chown postgres: "$DIR/pwfile"
    as_owner "$bin/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$DIR/pwfile" -E UTF8 >"$DIR/initdb.log" 2>&1 ||
        die "initdb failed; see $DIR/initdb.log"
    rm -f "$DIR/pwfile"
    echo "$port" >"$PORTFILE"
    as_owner "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories='' -c fsync=on -c max_connections=200" start >/dev/null ||
        die "PostgreSQL did not start; see $LOG"
    # The superuser's password is the same throwaway one; make the test role and database.
    PGPASSWORD="$password" "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE histbot LOGIN PASSWORD '$password'" -c "CREATE DATABASE histbot OWNER histbot" >/dev/null ||
        die "could not create the histbot role and database; see $LOG"
    {
        echo "HISTBOT_TEST_POSTGRES=postgres://histbot@127.0.0.1:$port/histbot"
        echo "HISTBOT_DATABASE_PASSWORD=$password"
    } >"$ENVFILE"
}

stop() {
    local bin
    bin="$(bindir)" || return 0
    if [ -f "$DATA/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) running ;;
    *) die "usage: scripts/postgres.sh start|stop|status" ;;
esac
