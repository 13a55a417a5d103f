# feed_server.sh - sourced by the watch scenarios (ROOT set): starts tests/fixtures/feeds/serve.py in a
# new temporary folder and stops it on exit. Sets T (the folder), LOG (the requests it served), BASE (its
# URL) and fail MESSAGE; arguments go to serve.py (big-robots). A scenario with more to clean up on exit
# sets its own EXIT trap ending with feed_server_stop.
T=$(mktemp -d)
LOG=$T/requests.log
python3 "$ROOT/tests/fixtures/feeds/serve.py" "$T/port" "$LOG" "$@" 2>"$T/server.err" &
SRV=$!
feed_server_stop() { kill $SRV 2>/dev/null; wait 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$T"; }
trap feed_server_stop EXIT
for _ in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.1; done
[ -s "$T/port" ] || { echo "server did not start"; cat "$T/server.err"; exit 1; }
BASE="http://127.0.0.1:$(cat "$T/port")"
fail() { echo "FAIL: $*"; echo "--- stdout"; cat "$T/out" 2>/dev/null; echo "--- stderr"; cat "$T/err" 2>/dev/null; echo "--- requests"; cut -f2- "$LOG"; exit 1; }
