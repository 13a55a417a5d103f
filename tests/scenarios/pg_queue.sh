#!/usr/bin/env bash
# pg_queue.sh - the work queue on PostgreSQL (the private test cluster):
# documents queued once; two workers store what one `vigie ingest` of the same
# input stores (articles, events, stories); three workers killed with kill -9
# while they work lose nothing and store nothing twice; a document whose
# workers keep dying is parked with its reason; `vigie status` says so.
set -eu
. "$(dirname "$0")/lib/pg.sh"
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-pgqueue.XXXXXX")
pids=()
trap 'for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$W"' EXIT
N=${PG_QUEUE_DOCS:-400}
# Short articles, a few stories among them (the same incident told again with
# other numbers), one in ten English (analysed), the others German (stored).
awk -v n=$N 'BEGIN {
  split("army rebels shelled village killed wounded police arrested protesters capital province town militia clashes airstrike", w, " ");
  for (i = 1; i <= n; i++) {
    t = ""; s = i % 37;
    for (k = 0; k < 25; k++) t = t w[(s * 7 + k * 13) % 15 + 1] " ";
    lang = i % 10 ? "de" : "en";
    printf "{\"id\":\"d%d\",\"lang\":\"%s\",\"title\":\"Report %d\",\"text\":\"Report from district %d. Rebels killed %d soldiers in the capital on Monday, police said. %s.\"}\n", i, lang, s, s, i % 50 + 2, t;
  }
}' > "$W/in.jsonl"
IN=("$W/in.jsonl" samples)
B=50 # articles per story transaction, the same for the single ingest and the workers
one=$(pg_db queue_single)
"$VIGIE" ingest --quiet --batch $B --db "$one" "${IN[@]}" 2> /dev/null
compare() { # the queue's store against the single ingest; "same-articles": stories aside
  local q="$1" cols=1-10,12-
  [ "${2:-}" = same-articles ] && cols=1-10,13-
  "$VIGIE" articles --format tsv --db "$one" | cut -f$cols > "$W/a"
  "$VIGIE" articles --format tsv --db "$q" | cut -f$cols > "$W/b"
  diff "$W/a" "$W/b" > "$W/d" || { echo "articles differ:"; head -20 "$W/d"; return 1; }
  local ecols=1-21,23- # 22: timestamp, the time of ingest; 24: story
  [ "${2:-}" = same-articles ] && ecols=1-21,23,25-
  "$VIGIE" events --format tsv --min-confidence 0 --db "$one" | cut -f$ecols > "$W/a"
  "$VIGIE" events --format tsv --min-confidence 0 --db "$q" | cut -f$ecols > "$W/b"
  diff "$W/a" "$W/b" > "$W/d" || { echo "events differ:"; head -20 "$W/d"; return 1; }
  [ "${2:-}" = same-articles ] && return 0
  "$VIGIE" stories --format tsv --db "$one" > "$W/a"
  "$VIGIE" stories --format tsv --db "$q" > "$W/b"
  diff "$W/a" "$W/b" > "$W/d" || { echo "stories differ:"; head -20 "$W/d"; return 1; }
  "$VIGIE" status --db "$q" > "$W/st"
  grep -q "^queued	0" "$W/st" && grep -q "^claimed	0" "$W/st" && grep -q "^waiting for a story	0" "$W/st" \
    || { echo "queue not empty:"; cat "$W/st"; return 1; }
}

# 1. queued once; two workers give what one ingest gives
q=$(pg_db queue_two)
"$VIGIE" ingest --queue --db "$q" "${IN[@]}" > "$W/out" 2> /dev/null
grep -q "queued $((N + 17))," "$W/out" || { echo "first queueing: $(cat "$W/out")"; exit 1; }
"$VIGIE" ingest --queue --db "$q" "${IN[@]}" 2> /dev/null | grep -q "queued 0, queued before $((N + 17))" \
  || { echo "queued twice"; exit 1; }
"$VIGIE" worker --quiet --until-empty --threads 1 --batch $B --db "$q" & pids+=($!)
"$VIGIE" worker --quiet --until-empty --threads 1 --batch $B --db "$q"
wait "${pids[@]}"; pids=()
compare "$q"
[ "$(grep -c '^worker' "$W/st")" = 2 ] || { echo "status does not list two workers"; cat "$W/st"; exit 1; }

# 2. kill -9: three workers, one killed and replaced three times while they
#    work (never the story writer here: see 3); what they claimed goes back to
#    the queue, and the store ends as one ingest's, stories included.
writer_pid() { # the pid of the worker that holds the story writer's lock, if any
  local id
  id=$("$VIGIE" status --db "$1" | awk -F'\t' '$1 == "story writer" {print $2}')
  [ -n "$id" ] && psql -At "$1" -c "SELECT pid FROM workers WHERE id = $id" || true
}
q=$(pg_db queue_kill)
"$VIGIE" ingest --queue --quiet --db "$q" "${IN[@]}" 2> /dev/null
start() { "$VIGIE" worker --quiet --until-empty --threads 1 --batch $B --db "$q" 2>> "$W/workers.err" & pids+=($!); }
# A kill every KILL_EVERY seconds while documents are still queued or claimed,
# at most KILLS of them (bounded: the run must end). The test run's default is
# 3 kills 0.7 s apart on 400 documents; `make scenario-kill` runs the long one.
KILLS=${PG_QUEUE_KILLS:-3}; KILL_EVERY=${PG_QUEUE_KILL_EVERY:-0.7}
remaining() { "$VIGIE" status --db "$1" | awk -F'\t' '$1 == "queued" || $1 == "claimed" {n += $2} END {print n + 0}'; }
start; start; start
killed=0
for k in $(seq 1 "$KILLS"); do
  sleep "$KILL_EVERY"
  [ "$k" -gt 3 ] && [ "$(remaining "$q")" = 0 ] && break
  w=$(writer_pid "$q")
  for i in 0 1 2 3 4 5; do victim=${pids[$((RANDOM % ${#pids[@]}))]}; [ "$victim" != "$w" ] && break; done
  [ "$victim" != "$w" ] && kill -9 "$victim" 2>/dev/null && killed=$((killed + 1)) || true
  start
done
[ -z "${PG_QUEUE_VERBOSE:-}" ] || echo "kill -9: $killed workers killed" >&2
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=()
# a worker killed last may leave its claims: one more worker takes them back
"$VIGIE" worker --quiet --until-empty --threads 1 --batch $B --db "$q" 2>> "$W/workers.err"
[ -z "${PG_QUEUE_VERBOSE:-}" ] || psql -q "$q" -At -c "SELECT 'attempts', attempts, count(*) FROM queue GROUP BY 2" >&2
compare "$q" || { echo "after kill -9 (workers' errors: $(head -5 "$W/workers.err"))"; exit 1; }

# 3. the story writer killed: another takes over where it stopped; nothing is
#    lost or doubled and every article gets a story. (The new writer starts
#    with no second-look window, as a second `vigie ingest` run does: stories
#    may differ a little from one uninterrupted run, so they are not compared.)
q=$(pg_db queue_writer)
"$VIGIE" ingest --queue --quiet --db "$q" "${IN[@]}" 2> /dev/null
start; start
for i in $(seq 1 40); do w=$(writer_pid "$q"); [ -n "$w" ] && break; sleep 0.1; done
[ -n "$w" ] && kill -9 "$w" 2>/dev/null || true
start
for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=()
"$VIGIE" worker --quiet --until-empty --threads 1 --batch $B --db "$q" 2>> "$W/workers.err"
compare "$q" same-articles || { echo "after the writer's kill"; exit 1; }
"$VIGIE" status --db "$q" > "$W/st"
grep -q "^waiting for a story	0" "$W/st" && grep -q "^queued	0" "$W/st" || { echo "writer's kill: queue left"; cat "$W/st"; exit 1; }
[ "$("$VIGIE" stories --format tsv --db "$q" | awk -F'\t' 'NR > 1 && $2 == ""' | wc -l)" = 0 ] \
  || { echo "articles without a story after the writer's kill"; exit 1; }

# 4. a document whose workers keep dying is parked, with its reason
q=$(pg_db queue_park)
head -3 "$W/in.jsonl" > "$W/three.jsonl"
"$VIGIE" ingest --queue --quiet --db "$q" "$W/three.jsonl" 2> /dev/null
psql -q "$q" -c "UPDATE queue SET state = 'claimed', worker = 999999, attempts = 5 WHERE ext_id = 'd2'"
"$VIGIE" worker --quiet --until-empty --db "$q"
"$VIGIE" status --db "$q" > "$W/st"
grep -q "^parked	1" "$W/st" && grep -q "^failed	1	its worker stopped while working on it, 5 times" "$W/st" \
  || { echo "no parked document in status:"; cat "$W/st"; exit 1; }
[ "$("$VIGIE" articles --format tsv --db "$q" | wc -l)" = 3 ] || { echo "d1 and d3 not stored"; exit 1; }
echo ok
