#!/usr/bin/env bash
# pg-test-server.sh - a private PostgreSQL cluster for the tests: initdb and
# pg_ctl in a folder of our own, listening on a Unix socket there only (no
# TCP port, nothing shared with a system cluster), stopped and removed after.
#   scripts/pg-test-server.sh start DIR   prints the URL of database "vigie"
#   scripts/pg-test-server.sh createdb DIR NAME   a fresh database, prints its URL
#   scripts/pg-test-server.sh restart DIR   (connections drop; the same settings)
#   scripts/pg-test-server.sh stop DIR
# Run as root, the server runs as an unprivileged user (vigie-pg, created
# when missing): PostgreSQL refuses to run as root. Any failure says why on
# stderr and exits non-zero: a test that needs the server must not skip.
set -euo pipefail
cmd="${1:-}"; DIR="${2:-}"
[ -n "$cmd" ] && [ -n "$DIR" ] || { echo "usage: $0 start|stop|restart|createdb DIR [NAME]" >&2; exit 2; }
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -n "$BIN" ] && [ -x "$BIN/initdb" ] || { echo "pg-test-server: no PostgreSQL server installed (scripts/setup.sh installs Debian's postgresql)" >&2; exit 1; }
PGUSER_OS=vigie-pg
as_server() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}
url() { echo "postgresql:///$1?host=$DIR/sock&user=vigie"; }
case "$cmd" in
start)
  if [ "$(id -u)" -eq 0 ] && ! id "$PGUSER_OS" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$PGUSER_OS" \
      || { echo "pg-test-server: cannot create user $PGUSER_OS" >&2; exit 1; }
  fi
  mkdir -p "$DIR/sock"
  DIR=$(cd "$DIR" && pwd)
  [ "$(id -u)" -eq 0 ] && chown -R "$PGUSER_OS" "$DIR" && chmod 755 "$DIR"
  # the folders above DIR must be traversable by the server's user
  if [ "$(id -u)" -eq 0 ]; then
    d="$DIR"; while [ "$d" != / ]; do d=$(dirname "$d"); as_server test -x "$d" || chmod o+x "$d"; done
  fi
  if ! as_server "$BIN/initdb" -D "$DIR/data" -U vigie -A trust -E UTF8 --locale=C -N > "$DIR/initdb.log" 2>&1; then
    echo "pg-test-server: initdb failed:" >&2; tail -20 "$DIR/initdb.log" >&2; exit 1
  fi
  # Test settings: no durability (the tests kill workers, never the server).
  if ! as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-k $DIR/sock -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" start > /dev/null 2>&1; then
    echo "pg-test-server: the server did not start:" >&2; tail -20 "$DIR/server.log" >&2; exit 1
  fi
  as_server "$BIN/psql" -q -h "$DIR/sock" -U vigie -d postgres -c "CREATE DATABASE vigie" > /dev/null
  url vigie ;;
createdb)
  DIR=$(cd "$DIR" && pwd); name="${3:?database name}"
  as_server "$BIN/psql" -q -h "$DIR/sock" -U vigie -d postgres -c "CREATE DATABASE \"$name\"" > /dev/null
  url "$name" ;;
restart)
  as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -m fast -w -t 30 restart > /dev/null 2>&1 \
    || { echo "pg-test-server: the server did not restart:" >&2; tail -20 "$DIR/server.log" >&2; exit 1; } ;;
stop)
  [ -d "$DIR/data" ] || exit 0
  as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop > /dev/null 2>&1 || true ;;
*) echo "usage: $0 start|stop|createdb DIR [NAME]" >&2; exit 2 ;;
esac
