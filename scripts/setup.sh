#!/usr/bin/env bash
# setup.sh - install the Debian packages vigie builds and runs with. Idempotent:
# does nothing when everything is there; otherwise apt-get update, then install.
set -euo pipefail
PKGS=(
  build-essential pkg-config clang
  libsqlite3-dev sqlite3        # store, FTS5 search
  libpq-dev                     # PostgreSQL store and work queue (--db postgresql://...)
  postgresql                    # the tests' private PostgreSQL cluster (scripts/pg-test-server.sh)
  iso-codes                     # ISO 3166 alpha-3 codes and English country names (vigie events --country)
  libxml2-dev                   # HTML and XML (feeds) parsing
  zlib1g-dev                    # gzip, WARC.gz
  libutf8proc-dev               # NFC, case folding, accents
  libstemmer-dev                # Snowball stemmers for search
  libexttextcat-dev libexttextcat-data   # language identification
  libcurl4-openssl-dev          # fetching feeds
  libpcre2-dev                  # patterns in data files
  libmicrohttpd-dev             # vigie serve: the HTTP server
  python3-jsonschema curl       # tests/scenarios/serve_api.sh: answers checked against the OpenAPI document
  wrk                           # bench/serve.sh: requests per second
  liblinear-dev liblinear-tools # the document gate: logistic regression (model, training)
  libgeonames-common            # French exonyms for the gazetteer
  hunspell-en-us hunspell-fr hunspell-ru  # common words, so a place named like one needs evidence
  nodejs npm                    # fetches GeoNames-derived packages from the npm registry
  python3                       # test helpers (local HTTP server), scorers
  time                          # /usr/bin/time: peak memory in bench/ingest.sh
  pmccabe                       # decision points per function (tests/scenarios/complexity.sh)
  chromium                      # headless browser for the web view's tests (tests/scenarios/web_browser.sh)
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere than Debian (e.g. a preinstalled Node.js).
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]:-}"
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The web view's libraries, pinned in web/package-lock.json, into web/dist (no-op when current).
"$(dirname "$0")/web-build.sh"
