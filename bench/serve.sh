#!/usr/bin/env bash
# serve.sh - `vigie serve` under load: wrk (64 connections, 2 threads) on a database of
# BENCH_EVENTS generated events (default 1,000,000; bench/serve_gen.sql) for three reads: a
# filtered page of 100 events, a viewport as GeoJSON, the timeline's stats. Requests/s, p50/p99
# latency, the first (uncached) answer's time, and the server's peak memory; then the same reads
# served by a plain FastAPI + uvicorn app (bench/serve_fastapi.py, 2 workers) when Debian's
# python3-fastapi and python3-uvicorn are installed. Never fails on a timing.
# BENCH_SECONDS per run (default 10), BENCH_DB to reuse a generated database, BUILD (default build),
# VIGIE to bench another binary. Each line ends with the load average when it was measured: the
# machine may be shared, and the two servers are run back to back.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${BUILD:-build}
N=${BENCH_EVENTS:-1000000}
SECS=${BENCH_SECONDS:-10}
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-serve-XXXXXX")
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$W"' EXIT
command -v wrk >/dev/null || { echo "serve.sh: wrk missing (apt-get install wrk)"; exit 1; }
if [ -z "${VIGIE:-}" ]; then
    make -s BUILD="$BUILD" "$BUILD/vigie" >/dev/null || exit 1
    VIGIE=$ROOT/$BUILD/vigie
fi
DB=${BENCH_DB:-$W/bench.db}
if [ ! -s "$DB" ]; then
    t0=$(date +%s)
    "$VIGIE" ingest --quiet --db "$DB" samples/ >/dev/null 2>&1 || exit 1
    sqlite3 "$DB" -cmd ".parameter set :n $N" < bench/serve_gen.sql || exit 1
    echo "database: $(sqlite3 "$DB" 'SELECT count(*) FROM events') events, $(du -m "$DB" | cut -f1) MB, made in $(( $(date +%s) - t0 )) s"
fi

PAGE="/api/events?country=SY&event_type=Battles&limit=100"
VIEW="/api/events.geojson?bbox=35,34,38,37&limit=1000&fields=id,event_type,fatalities,event_date,location,latitude,longitude"
STATS="/api/stats?date_from=2024-06-01&date_to=2024-12-31"

# The page again with a limit from 50 to 149 at each request: a hundred different queries, so
# most miss the server's answer cache (16 per thread) and run their SQL.
cat >"$W/vary.lua" <<'LUA'
request = function() return wrk.format(nil, wrk.path .. "&limit=" .. math.random(50, 149)) end
LUA
# Pages of different filters: any of the eight countries or none, any of the six types or none
# (the filters both servers take), a limit from 90 to 110: 63 filter sets, 1,323 different pages.
cat >"$W/mix.lua" <<'LUA'
local countries = {"SY", "SD", "UA", "ML", "BF", "MM", "NG", "SO"}
local types = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}
request = function()
    local c, t = math.random(0, 8), math.random(0, 6)
    local p = wrk.path .. "?limit=" .. math.random(90, 110)
    if c > 0 then p = p .. "&country=" .. countries[c] end
    if t > 0 then p = p .. "&event_type=" .. types[t]:gsub("/", "%%2F"):gsub(" ", "%%20") end
    return wrk.format(nil, p)
end
LUA
load() { cut -d' ' -f1 /proc/loadavg; }

# run NAME BASE: wrk on each read, one line each. The mostly uncached reads are measured after
# a warm-up of WARM seconds (default 3) of the same requests, not counted: the server's first
# seconds read its files into the page cache and compile its statements, which a server that
# runs reads once (the cached reads' first answer is timed on its own).
WARM=${BENCH_WARM:-3}
run() {
    local name=$1 base=$2
    wrk -t2 -c64 -d"${WARM}s" -s "$W/vary.lua" "$base${PAGE%&limit=*}" >/dev/null 2>&1
    wrk -t2 -c64 -d"${WARM}s" -s "$W/mix.lua" "$base/api/events" >/dev/null 2>&1
    wrk -t2 -c64 -d"${SECS}s" --latency -s "$W/vary.lua" "$base${PAGE%&limit=*}" >"$W/wrk.out" 2>&1
    awk -v n="$name" -v ld="$(load)" '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
        END { printf "%-8s %-9s %9s req/s  p50 %8s  p99 %8s  (100 different limits: mostly uncached)%s  load %s\n",
              n, "page-vary", rps, p50, p99, bad ? "  non-2xx " bad : "", ld }' "$W/wrk.out"
    wrk -t2 -c64 -d"${SECS}s" --latency -s "$W/mix.lua" "$base/api/events" >"$W/wrk.out" 2>&1
    awk -v n="$name" -v ld="$(load)" '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
        END { printf "%-8s %-9s %9s req/s  p50 %8s  p99 %8s  (63 filter sets x 21 limits: mostly uncached)%s  load %s\n",
              n, "page-mix", rps, p50, p99, bad ? "  non-2xx " bad : "", ld }' "$W/wrk.out"
    for q in "page:$PAGE" "viewport:$VIEW" "stats:$STATS"; do
        local label=${q%%:*} path=${q#*:}
        local first
        first=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "$base$path")
        for _ in 1 2 3 4; do curl -s -o /dev/null "$base$path"; done   # each worker thread once
        wrk -t2 -c64 -d"${SECS}s" --latency "$base$path" >"$W/wrk.out" 2>&1
        awk -v n="$name" -v l="$label" -v f="$first" -v ld="$(load)" '
            /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
            END { split(f, a, " "); printf "%-8s %-9s %9s req/s  p50 %8s  p99 %8s  first answer %s in %.2f s%s  load %s\n",
                  n, l, rps, p50, p99, a[1], a[2], bad ? "  non-2xx " bad : "", ld }' "$W/wrk.out"
    done
}

"$VIGIE" serve --db "$DB" --listen 127.0.0.1:0 --threads 2 --query-ms 60000 >"$W/serve.out" 2>&1 &
SRV=$!; PIDS+=($SRV)
for _ in $(seq 100); do grep -q '^vigie serve: http' "$W/serve.out" && break; sleep 0.1; done
BASE=$(sed -n 's#^vigie serve: \(http://[0-9.:]*\)/.*#\1#p' "$W/serve.out")
[ -n "$BASE" ] || { echo "vigie serve did not start: $(cat "$W/serve.out")"; exit 1; }
run vigie "$BASE"
echo "vigie    peak memory $(awk '/VmHWM/ { print $2 / 1024 " MB" }' /proc/$SRV/status)"
kill $SRV; wait $SRV 2>/dev/null

if /usr/bin/python3 -c 'import fastapi, uvicorn' 2>/dev/null; then
    PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd bench && VIGIE_BENCH_DB="$DB" exec /usr/bin/python3 -m uvicorn serve_fastapi:app --host 127.0.0.1 --port "$PORT" \
        --workers 2 --log-level warning) >"$W/fastapi.out" 2>&1 &
    PIDS+=($!)
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$PORT/docs" && break; sleep 0.2; done
    run fastapi "http://127.0.0.1:$PORT"
    echo "fastapi  peak memory $(for p in $(pgrep -f "serve_fastapi:app"); do awk '/VmHWM/ { print $2 }' /proc/$p/status; done |
        awk '{ s += $1 } END { print s / 1024 " MB (all its processes)" }')"
else
    echo "fastapi  skipped: apt-get install python3-fastapi python3-uvicorn"
fi
