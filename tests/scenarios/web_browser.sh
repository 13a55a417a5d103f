#!/usr/bin/env bash
# web_browser.sh - the web view in headless Chromium (Debian's chromium, driven
# over the DevTools protocol by tests/browser/web.test.mjs): `vigie serve` on a
# database of samples/ plus a hostile article, on a free loopback port. Fails
# loudly when Chromium, Node.js or the server cannot start. Screenshots of each
# view go to $VIGIE_SCREENSHOTS (default build-test/web-screenshots).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VIGIE="${VIGIE:-$ROOT/build-test/vigie}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
SHOTS="${VIGIE_SCREENSHOTS:-$ROOT/build-test/web-screenshots}"
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-web.XXXXXX")
SRV=
cleanup() { [ -n "$SRV" ] && kill "$SRV" 2>/dev/null && wait "$SRV" 2>/dev/null; rm -rf "$W"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -s "$W/serve.err" ] && { echo "--- vigie serve stderr"; tail -20 "$W/serve.err"; }; exit 1; }

[ -x "$CHROMIUM" ] || fail "no $CHROMIUM: scripts/setup.sh installs Debian's chromium"
command -v node >/dev/null || fail "no node: scripts/setup.sh installs nodejs"
"$VIGIE" ingest --quiet --db "$W/web.db" "$ROOT/samples" "$ROOT/tests/fixtures/web/hostile.jsonl" > /dev/null 2> "$W/ingest.err" \
    || fail "ingest: $(cat "$W/ingest.err")"

# The server on a free loopback port (port 0): it prints the URL it serves on.
"$VIGIE" serve --db "$W/web.db" --listen 127.0.0.1:0 > "$W/serve.out" 2> "$W/serve.err" &
SRV=$!
BASE=
for _ in $(seq 150); do
    kill -0 "$SRV" 2>/dev/null || fail "vigie serve exited"
    BASE=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$W/serve.out" "$W/serve.err" 2>/dev/null | head -1 | cut -d: -f2-)
    [ -n "$BASE" ] && node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' \
        "$BASE/api/health" 2>/dev/null && break
    BASE=
    sleep 0.1
done
[ -n "$BASE" ] || fail "vigie serve did not answer /api/health in 15 s: $(cat "$W/serve.out")"

node -e 'fetch(process.argv[1]).then(r => r.text()).then(t => process.exit(t.includes("js/app.js") ? 0 : 1), () => process.exit(1))' "$BASE/" \
    || fail "$BASE/ is not the web view (a binary built before web/dist existed embeds a placeholder: scripts/web-build.sh, then make)"

CHROMIUM="$CHROMIUM" node "$ROOT/tests/browser/web.test.mjs" "$BASE" "$SHOTS" || fail "browser checks (screenshots in $SHOTS)"
kill -0 "$SRV" 2>/dev/null || fail "vigie serve died during the browser checks"
