# serve.sh - sourced by the scenarios that run `vigie serve` (VIGIE and T, the scenario's temporary
# folder, set). Sourcing it defines fail MESSAGE (prints the tails of $T/*.out and $T/*.err, exits
# 1; a scenario may define its own after) and an EXIT trap that stops every server and removes T
# (unless KEEP is set).
# serve_start NAME DB [ARGS...]: `vigie serve --db DB --listen 127.0.0.1:0 ARGS` in the background,
#   output in $T/NAME.out and $T/NAME.err; sets URL (what it serves on, from the line it prints once
#   it listens) and PID_NAME; fails when the server exits first or says nothing within 20 s.
# serve_stop NAME: SIGTERM; fails unless the server then exits 0.
SERVE_PIDS=()
serve_start() {
    local name=$1 db=$2; shift 2
    "$VIGIE" serve --db "$db" --listen 127.0.0.1:0 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    local pid=$!
    SERVE_PIDS+=("$pid")
    eval "PID_$name=$pid"
    for _ in $(seq 200); do
        URL=$(sed -n 's#^vigie serve: \(http://127.0.0.1:[0-9]*\)/ .*#\1#p' "$T/$name.out")
        [ -n "$URL" ] && return 0
        kill -0 "$pid" 2>/dev/null || fail "server $name exited before serving"
        sleep 0.1
    done
    fail "server $name did not start"
}
serve_stop() {
    local pid; eval "pid=\$PID_$1"
    kill -TERM "$pid"; wait "$pid"; local st=$?
    [ $st -eq 0 ] || fail "server $1 exit $st after SIGTERM"
}
serve_stop_all() { local p; for p in "${SERVE_PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
serve_cleanup() { serve_stop_all; [ -n "${KEEP:-}" ] || rm -rf "$T"; }
fail() { echo "FAIL: $*"; for f in "$T"/*.out "$T"/*.err; do [ -s "$f" ] && { echo "--- $f"; tail -20 "$f"; }; done; exit 1; }
trap serve_cleanup EXIT
