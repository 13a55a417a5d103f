#!/usr/bin/env bash
# web-build.sh - assemble web/dist, the folder `vigie serve` embeds: the
# application (web/src, plain ES modules, no compilation) and the front-end
# libraries pinned in web/package-lock.json, copied out of web/node_modules.
# Idempotent: npm ci runs only when node_modules is missing or older than the
# lock file; dist is rewritten only when a source is newer than its stamp.
# Environment: VIGIE_WEB_DIST (default web/dist).
set -euo pipefail
SELF="$(realpath "$0")"
cd "$(dirname "$SELF")/.."
WEB="$PWD/web"
DIST="${VIGIE_WEB_DIST:-$WEB/dist}"
NM="$WEB/node_modules"

if [ ! -f "$NM/.package-lock.json" ] || [ "$WEB/package-lock.json" -nt "$NM/.package-lock.json" ]; then
    command -v npm >/dev/null || { echo "web-build: npm not found (run scripts/setup.sh)" >&2; exit 1; }
    echo "web-build: installing the pinned front-end libraries (npm ci in web/)" >&2
    (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# vendor file in node_modules -> name under dist/vendor
VENDOR=(
    leaflet/dist/leaflet.js:leaflet.js
    leaflet/dist/leaflet.css:leaflet.css
    leaflet/dist/images/layers.png:images/layers.png
    leaflet/dist/images/layers-2x.png:images/layers-2x.png
    leaflet/dist/images/marker-icon.png:images/marker-icon.png
    leaflet/dist/images/marker-icon-2x.png:images/marker-icon-2x.png
    leaflet/dist/images/marker-shadow.png:images/marker-shadow.png
    leaflet.markercluster/dist/leaflet.markercluster.js:leaflet.markercluster.js
    leaflet.markercluster/dist/MarkerCluster.css:MarkerCluster.css
    topojson-client/dist/topojson-client.min.js:topojson-client.min.js
    world-atlas/countries-50m.json:countries-50m.json
)

# the stamp sits beside dist: everything in dist is served
STAMP="$DIST.stamp"
if [ -f "$STAMP" ]; then
    newer=$(find "$WEB/src" "$WEB/package-lock.json" "$SELF" -newer "$STAMP" -print -quit)
    [ -z "$newer" ] && exit 0
fi
rm -rf "$DIST.tmp"
mkdir -p "$DIST.tmp/vendor/images"
cp -R "$WEB/src/." "$DIST.tmp/"
for v in "${VENDOR[@]}"; do
    src="$NM/${v%%:*}"
    [ -f "$src" ] || { echo "web-build: $src missing (web/node_modules incomplete?)" >&2; exit 1; }
    cp "$src" "$DIST.tmp/vendor/${v#*:}"
done
# Leaflet's source maps are not shipped: drop the comment that asks for them.
sed -i '/^\/\/# sourceMappingURL=/d' "$DIST.tmp/vendor/"*.js
rm -rf "$DIST" && mv "$DIST.tmp" "$DIST"
touch "$STAMP"
echo "web-build: wrote $DIST ($(find "$DIST" -type f | wc -l) files, $(du -sh "$DIST" | cut -f1))" >&2
