#!/usr/bin/env bash
# pg_same_results.sh - the same input ingested into SQLite and into PostgreSQL
# (the private test cluster) lists the same articles, events, stories, story
# reports and search hits. Hits are compared as sets of documents: the order
# and scores differ (bm25 against ts_rank), the documents found must not.
set -eu
. "$(dirname "$0")/lib/pg.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-pgsame.XXXXXX")
trap 'rm -rf "$W"' EXIT
PG=$(pg_db same_results)
IN=(samples tests/fixtures/events tests/fixtures/html)
# With ../shared beside the repository (CI has it; the test passes without):
# the seed articles and ECB+ dev's 496 too, the corpus issue 14 names.
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED="${SHARED:-${VIGIE_SHARED:-$ROOT/../shared}}"
[ -d "$SHARED/seeds" ] && IN+=("$SHARED/seeds")
[ -d "$SHARED/eval/clustering/ecbplus/dev" ] && IN+=("$SHARED/eval/clustering/ecbplus/dev")
"$VIGIE" ingest --quiet --db "$W/s.db" "${IN[@]}" 2> /dev/null
"$VIGIE" ingest --quiet --db "$PG" "${IN[@]}" 2> /dev/null
# a second run stores nothing on either
"$VIGIE" ingest --db "$PG" "${IN[@]}" 2> /dev/null | grep -q "stored 0 " || { echo "re-ingest into PostgreSQL stored again"; exit 1; }
same() { # what, then the command's arguments; columns left out with CUT
  local what="$1"; shift
  "$VIGIE" "$@" --db "$W/s.db" | cut -f "${CUT:-1-}" > "$W/a" || { echo "$what failed on SQLite"; exit 1; }
  "$VIGIE" "$@" --db "$PG" | cut -f "${CUT:-1-}" > "$W/b" || { echo "$what failed on PostgreSQL"; exit 1; }
  [ -s "$W/a" ] || { echo "$what: nothing listed"; exit 1; }
  diff "$W/a" "$W/b" > "$W/d" || { echo "$what differs (SQLite <, PostgreSQL >):"; head -c 2000 "$W/d"; exit 1; }
}
CUT=1-21,23- same events events --format tsv --min-confidence 0   # 22: timestamp, the time of ingest
CUT=1-10,12- same articles articles --format tsv                     # 11: ingested
same stories stories --format tsv
ids=$("$VIGIE" stories --format tsv --db "$W/s.db" | awk -F'\t' 'NR > 1 && $2 != "" {print $2}' | sort -un)
[ "$(echo "$ids" | wc -w)" -ge 3 ] || { echo "only $(echo "$ids" | wc -w) stories"; exit 1; }
for s in $ids; do same "story $s" story "$s"; done # ids of stories emptied by a move are gone
for q in armée army 'tu*' '"forces de soutien"' 'police OR army' 'police NOT Niger' 'attaque' 'frap*' 'killed' \
         'soldats tués' "l'armée" 'al-Fashir' 'Darfour' '"Port-au-Prince"' 'protest*' 'x NOT y'; do
  "$VIGIE" search --format tsv --limit 1000 --db "$W/s.db" "$q" | cut -f2 | sort > "$W/a"
  "$VIGIE" search --format tsv --limit 1000 --db "$PG" "$q" | cut -f2 | sort > "$W/b"
  diff "$W/a" "$W/b" > /dev/null || { echo "search '$q' finds other documents:"; diff "$W/a" "$W/b" | head; exit 1; }
done
# snippets mark the words found
"$VIGIE" search --format tsv --db "$PG" 'Darfour' | grep -q '\[Darfour\]' || { echo "no [Darfour] in PostgreSQL's snippets"; exit 1; }
"$VIGIE" search --format tsv --db "$PG" 'frap*' | grep -q '\[frappes\]' || { echo "no [frappes] in PostgreSQL's snippets for frap*"; exit 1; }
echo ok
