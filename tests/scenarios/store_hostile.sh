#!/usr/bin/env bash
# store_hostile.sh - defects found by the hostile-input audit (issue 9): each
# section was written to fail before its fix.
set -u
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-hostile.XXXXXX")
trap 'rm -rf "$W"' EXIT
fail() { echo "$1"; exit 1; }
cat > "$W/a.txt" <<'T'
Rebels attack army post

Rebels attacked an army post near Aleppo on Monday, a monitoring group said.
T
DB="$W/s.db"
"$VIGIE" ingest --quiet --db "$DB" "$W/a.txt" > /dev/null 2>&1 || fail "could not create $DB"

# 1. A negative PRAGMA user_version is no schema vigie wrote: a clear error,
#    never migrations[-1] (which crashed or ran a neighbouring string as SQL).
for v in -1 -2; do
    cp "$DB" "$W/neg.db"
    sqlite3 "$W/neg.db" "PRAGMA user_version = $v"
    for cmd in articles ingest; do
        args=(); [ $cmd = ingest ] && args=("$W/a.txt")
        "$VIGIE" $cmd --db "$W/neg.db" "${args[@]}" > /dev/null 2> "$W/err"; st=$?
        [ $st = 1 ] || fail "user_version $v, $cmd: exit $st ($(cat "$W/err"))"
        grep -q "schema version $v" "$W/err" || fail "user_version $v, $cmd: message: $(cat "$W/err")"
    done
done

# 8. A query word of 128 bytes or more (not indexed) matches nothing; it was
#    searched as '_', the position kept for any overlong word, and found the
#    article below, which holds an unrelated 200-byte blob.
mkdir "$W/long"
cp "$W/a.txt" "$W/long/"
{ echo "Market report"; echo; printf 'Shares rose. Blob: %s end.\n' "$(printf 'Q%.0s' $(seq 200))"; } > "$W/long/b.txt"
"$VIGIE" ingest --quiet --db "$W/long.db" "$W/long" > /dev/null 2>&1 || fail "ingest long/"
w=$(printf 'z%.0s' $(seq 150))
n=$("$VIGIE" search --db "$W/long.db" --format jsonl "$w" | wc -l)
[ "$n" = 0 ] || fail "a 150-byte word found $n articles"
n=$("$VIGIE" search --db "$W/long.db" --format jsonl "$w" OR shares | wc -l)
[ "$n" = 1 ] || fail "'<150 bytes> OR shares': $n articles, wanted 1"

# 10. --since / --until name a day of the calendar, else the command says which
#     value is wrong (they gave 0 rows and exit 0).
for cmd in articles events stories "search army"; do
    for opt in since until; do
        for d in notadate 2020-13-01 2021-02-29 2020-1-01; do
            "$VIGIE" $cmd --db "$DB" --$opt "$d" > /dev/null 2> "$W/err"; st=$?
            [ $st = 2 ] || fail "$cmd --$opt $d: exit $st"
            grep -q "$opt date '$d' is not a date" "$W/err" || fail "$cmd --$opt $d: message: $(cat "$W/err")"
        done
    done
    "$VIGIE" $cmd --db "$DB" --since 2020-02-29 --until 2099-12-31 > /dev/null 2> "$W/err" || fail "$cmd: a leap day refused: $(cat "$W/err")"
done

# 7. A query is never cut (it was at 4,095 bytes, a different question, exit 0);
#    past VG_QUERY_MAX_BYTES it is refused as too long, and FTS5's syntax errors
#    are said as the query's ("army AND" x 2000 gave 'syntax error near ""').
long=$(for i in $(seq 900); do printf 'army '; done)
"$VIGIE" search --db "$DB" $long > /dev/null 2> "$W/err"; st=$?
[ $st = 2 ] && grep -q "query too long: 4499 bytes" "$W/err" || fail "900 words: exit $st: $(cat "$W/err")"
q=$(for i in $(seq 2000); do printf 'army AND '; done)
"$VIGIE" search --db "$DB" "$q" > /dev/null 2> "$W/err"; st=$?
[ $st = 2 ] && grep -q "query too long" "$W/err" || fail "2000 x 'army AND': exit $st: $(cat "$W/err")"
"$VIGIE" search --db "$DB" army AND > /dev/null 2> "$W/err"; st=$?
[ $st = 2 ] && grep -q "query syntax: it ends where a word was wanted" "$W/err" || fail "'army AND': exit $st: $(cat "$W/err")"
"$VIGIE" search --db "$DB" '"army' > /dev/null 2> "$W/err"; st=$?
[ $st = 2 ] && grep -q "query syntax: unterminated string" "$W/err" || fail "'\"army': exit $st: $(cat "$W/err")"
n=$("$VIGIE" search --db "$DB" --format jsonl $(for i in $(seq 400); do printf 'army '; done) | wc -l)
[ "$n" = 1 ] || fail "400 words under the limit: $n rows"

# 11. Errors that said nothing or the wrong thing.
# A query of blanks only printed "bad argument: " with no reason.
for q in '   ' '' "$(printf ' \t\n ')"; do
    "$VIGIE" search --db "$DB" "$q" > /dev/null 2> "$W/err"; st=$?
    [ $st = 2 ] && grep -q "empty query: no words to search for" "$W/err" || fail "search '$q': exit $st: $(cat "$W/err")"
done

# A vigie database with a damaged page was reported as "not a vigie database".
# The damage starts at page 1's b-tree header (byte 100, after the file's own
# header), which every open reads: past it, page 1 may be free space (since
# migration 10 the schema spans three pages, page 1 an interior one).
cp "$DB" "$W/damaged.db"
printf 'garbage%.0s' $(seq 500) | dd of="$W/damaged.db" bs=1 seek=100 conv=notrunc 2> /dev/null
for cmd in articles events "search army" ingest; do
    args=(); [ "$cmd" = ingest ] && args=("$W/a.txt")
    $VIGIE $cmd --db "$W/damaged.db" "${args[@]}" > /dev/null 2> "$W/err"; st=$?
    [ $st = 1 ] || fail "damaged database, $cmd: exit $st"
    grep -q "damaged.db is a damaged database" "$W/err" && ! grep -q "not a vigie database" "$W/err" ||
        fail "damaged database, $cmd: message: $(cat "$W/err")"
done

# On a full disk the summary counted the documents of the batch that failed
# (rolled back) as stored. A file-size limit stands in for the full disk
# (SIGXFSZ ignored: writes past it fail, as on a full disk).
mkdir "$W/many"
awk -v d="$W/many" 'BEGIN { srand(7); for (i = 1; i <= 200; i++) { f = sprintf("%s/%03d.txt", d, i);
    printf "Report %d\n\n", i > f
    for (j = 0; j < 40; j++) printf "Word%d alpha%d beta%d gamma%d delta%d. ", int(rand() * 100000),
        int(rand() * 100000), int(rand() * 100000), i * j, int(rand() * 1e6) > f
    close(f) } }'
(trap '' XFSZ; ulimit -f 1200; "$VIGIE" ingest --threads 1 --batch 50 --db "$W/full.db" "$W/many" > "$W/out" 2> "$W/err"); st=$?
[ $st = 1 ] || fail "file-size limit: exit $st ($(cat "$W/out" "$W/err"))"
n=$(sqlite3 "$W/full.db" 'SELECT count(*) FROM articles')
grep -q "stored $n " "$W/out" || fail "file-size limit: $n articles in the database, summary: $(cat "$W/out")"
[ "$n" -lt 200 ] || fail "file-size limit: all 200 stored, the test proves nothing"

# 12. File names with newlines or control bytes: escaped on stderr (one name
#     forged a log line) and in TSV/CSV rows (one record, one line; no raw ESC).
mkdir "$W/names"
: > "$W/names/e"$'\n'"rejected forged.txt"
: > "$W/names/x"$'\x1b'"[31mred.txt"
printf 'Rebels attacked a checkpoint near Homs on Monday.\n' > "$W/names/t"$'\t'"ab"$'\n'"n"$'\x0b'".txt"
for cmd in ingest extract; do
    args=(); [ $cmd = ingest ] && args=(--db "$W/names.db")
    "$VIGIE" $cmd "${args[@]}" "$W/names" > "$W/out" 2> "$W/err"
    ! grep -q '^rejected forged' "$W/err" || fail "$cmd: a file name forged a line: $(cat "$W/err")"
    ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$W/err" || fail "$cmd: raw control bytes on stderr: $(od -c "$W/err" | head)"
    grep -qF 'e\nrejected forged.txt' "$W/err" || fail "$cmd: the name is not shown escaped: $(cat "$W/err")"
done
for f in tsv csv; do
    "$VIGIE" articles --db "$W/names.db" --format $f > "$W/out"
    [ "$(wc -l < "$W/out")" = 2 ] || fail "articles --format $f: not one line per record: $(cat -A "$W/out")"
    ! LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$W/out" || fail "articles --format $f: raw control bytes"
done
"$VIGIE" articles --db "$W/names.db" --format tsv | awk -F'\t' '{ print NF }' | sort -u | wc -l | grep -qx 1 ||
    fail "articles --format tsv: rows with different column counts"

echo ok
