# pg.sh - sourced by scenarios that need PostgreSQL: pg_db NAME prints the URL
# of a fresh database on the private test cluster tests/run.sh started
# (scripts/pg-test-server.sh). Without that cluster the scenario fails: it never skips.
pg_db() {
  [ -n "${VIGIE_PG_DIR:-}" ] || { echo "no PostgreSQL test cluster (VIGIE_PG_DIR unset: run through tests/run.sh)" >&2; exit 1; }
  "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/pg-test-server.sh" createdb "$VIGIE_PG_DIR" "$1"
}
