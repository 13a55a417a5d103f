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
T=$(mktemp -d "${TMPDIR:-/tmp}/vg-web.XXXXXX")
. "$ROOT/tests/scenarios/lib/serve.sh"

[ -x "$CHROMIUM" ] || fail "no $CHROMIUM: scripts/setup.sh installs Debian's chromium"
command -v node >/dev/null || fail "no node: scripts/setup.sh installs nodejs"
"$VIGIE" ingest --quiet --db "$T/web.db" "$ROOT/samples" "$ROOT/tests/fixtures/web/hostile.jsonl" > /dev/null 2> "$T/ingest.err" \
    || fail "ingest: $(cat "$T/ingest.err")"

# The server on a free loopback port (port 0): it prints the URL it serves on.
serve_start serve "$T/web.db"
BASE=$URL

node -e 'fetch(process.argv[1]).then(r => r.text()).then(t => process.exit(t.includes("js/app.js") ? 0 : 1), () => process.exit(1))' "$BASE/" \
    || fail "$BASE/ is not the web view (a binary built before web/dist existed embeds a placeholder: scripts/web-build.sh, then make)"

CHROMIUM="$CHROMIUM" node "$ROOT/tests/browser/web.test.mjs" "$BASE" "$SHOTS" || fail "browser checks (screenshots in $SHOTS)"
kill -0 "$PID_serve" 2>/dev/null || fail "vigie serve died during the browser checks"
