#!/usr/bin/env bash
# replay.sh - every fuzz target in $BUILD/fuzz replays its saved corpus
# (tests/fuzz/corpus/NAME) and the unit tests' fixtures of the same format
# (tests/fixtures/feeds for fuzz_feed...), which are not copied into the
# corpora. Prints PASS/FAIL lines and "fuzz-replay: N passed, N failed"; exit 1
# on a failure. Called by tests/run.sh and `make fuzz-replay`.
set -u
cd "$(dirname "$0")/../.."
BUILD="${BUILD:-build-test}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export VIGIE_DATA="${VIGIE_DATA:-$PWD/data}"
passed=0 failed=0
pass() { echo "PASS $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; [ -n "${2:-}" ] && echo "$2" | head -30 | sed 's/^/    /'; failed=$((failed + 1)); }
for bin in "$BUILD"/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    corpus="tests/fuzz/corpus/${name#fuzz_}"
    if [ ! -d "$corpus" ]; then fail "fuzz $name: no corpus at $corpus"; continue; fi
    fixtures=
    for d in "tests/fixtures/${name#fuzz_}" "tests/fixtures/${name#fuzz_}s"; do [ -d "$d" ] && fixtures=$d; done
    if out=$("$bin" "$corpus" $fixtures 2>&1); then pass "fuzz $name ($(echo "$out" | tail -1))"
    else fail "fuzz $name" "$out"; fi
done
[ "$passed" -gt 0 ] || fail "fuzz-replay: no fuzz target in $BUILD/fuzz"
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
