#!/usr/bin/env bash
# run.sh - every test: unit tests, fuzz-corpus replays, CLI golden files and
# scenario scripts. Ends with "N passed, N failed". Called by `make test`.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
export VIGIE="${VIGIE:-build-test/vigie}"
case "$VIGIE" in /*) ;; *) VIGIE="$ROOT/$VIGIE" ;; esac
BUILD="${BUILD:-build-test}"
export VIGIE_DATA="$ROOT/data"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
passed=0 failed=0
TMP=$(mktemp -d)
trap 'scripts/pg-test-server.sh stop "$TMP/pg"; rm -rf "$TMP"' EXIT

pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | head -30 | sed 's/^/    /'; failed=$((failed + 1)); }

# 0. the gazetteer the product ships with (scripts/build-gazetteer.sh; scripts/test.sh builds it):
#    without it places, demonyms and the gate's signals differ and tests fail far from the cause.
if [ -s data/geo/gazetteer.bin ]; then pass "gazetteer present"
else fail "gazetteer present" "data/geo/gazetteer.bin is missing: run scripts/build-gazetteer.sh (scripts/test.sh does)"; fi

# 0b. a private PostgreSQL cluster for the store tests that run on both backends
#     (scripts/pg-test-server.sh): they read its URL from VIGIE_PG_URL and make their
#     own databases with VIGIE_PG_DIR. It must start: a store test never skips.
if VIGIE_PG_URL=$(scripts/pg-test-server.sh start "$TMP/pg" 2> "$TMP/pg.err"); then
    export VIGIE_PG_URL VIGIE_PG_DIR="$TMP/pg"
    pass "postgresql test server started"
else
    fail "postgresql test server started" "$(cat "$TMP/pg.err")"
fi

# 1. unit tests (each prints PASS/FAIL lines and a count)
if [ -x "$BUILD/unit-tests" ]; then
    "$BUILD/unit-tests" > "$TMP/unit.out" 2>&1; rc=$?
    cat "$TMP/unit.out" | grep -v '^unit:'
    p=$(grep -c '^PASS ' "$TMP/unit.out"); f=$(grep -c '^FAIL ' "$TMP/unit.out")
    passed=$((passed + p)); failed=$((failed + f))
    if ! grep -q '^unit: ' "$TMP/unit.out"; then fail "unit-tests crashed" "$(tail -30 "$TMP/unit.out")"
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then fail "unit-tests exit $rc after passing (a leak at exit?)" "$(tail -30 "$TMP/unit.out")"; fi
else
    fail "unit-tests binary missing"
fi

# 2. fuzz targets replay their corpora (tests/fuzz/replay.sh, also `make fuzz-replay`)
BUILD="$BUILD" tests/fuzz/replay.sh > "$TMP/fuzz.out" 2>&1
grep -v '^fuzz-replay:' "$TMP/fuzz.out"
p=$(grep -c '^PASS ' "$TMP/fuzz.out"); f=$(grep -c '^FAIL ' "$TMP/fuzz.out")
passed=$((passed + p)); failed=$((failed + f))
grep -q '^fuzz-replay: ' "$TMP/fuzz.out" || fail "fuzz replay crashed" "$(tail -30 "$TMP/fuzz.out")"

# 3. CLI golden files: tests/golden/NAME/cmd is run with $VIGIE in tests/golden/NAME;
#    its stdout must equal tests/golden/NAME/expected (and its exit status the
#    number in tests/golden/NAME/status, 0 when absent).
for dir in tests/golden/*/; do
    [ -f "$dir/cmd" ] || continue
    name=$(basename "$dir")
    want_status=0; [ -f "$dir/status" ] && want_status=$(cat "$dir/status")
    out=$(cd "$dir" && HOME="$TMP" TMPDIR="$TMP" bash ./cmd 2>"$TMP/stderr"); st=$?
    if [ "$st" != "$want_status" ]; then
        fail "golden $name (exit $st, wanted $want_status)" "$(cat "$TMP/stderr")"
    elif [ "$out" != "$(cat "$dir/expected")" ]; then
        fail "golden $name" "$(diff <(echo "$out") "$dir/expected" | head -30)"
    else pass "golden $name"; fi
done

# 4. scenario scripts: tests/scenarios/*.sh exit 0 on success
for s in tests/scenarios/*.sh; do
    [ -f "$s" ] || continue
    if out=$(TMPDIR="$TMP" bash "$s" 2>&1); then pass "scenario $(basename "$s" .sh)"
    else fail "scenario $(basename "$s" .sh)" "$(echo "$out" | tail -30)"; fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
