#!/usr/bin/env bash
# bad_inputs.sh - every kind of bad input gets a message naming it, the good inputs still go through, exit 0.
set -u
: "${VIGIE:?}" "${TMPDIR:=/tmp}"
W=$(mktemp -d "$TMPDIR/bad-inputs-XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"
fails=0
check() { # check DESCRIPTION COMMAND...: the command must succeed
    local what=$1; shift
    if ! "$@"; then echo "not ok: $what"; fails=$((fails + 1)); fi
}
has() { grep -qF -- "$2" "$1"; }

# the inputs
printf 'Les forces de s\xe9curit\xe9 ont arr\xeat\xe9 deux hommes \xe0 Lyon, selon la pr\xe9fecture de police.\n' > cp1252.txt
head -c 4096 /dev/urandom > random.bin
printf 'The council met on Monday.\0\0\0 The vote was postponed until next week.\n' > nul.txt
: > empty.txt
cat > mixed.jsonl <<'JSON'
{"id": "good-1", "title": "Floods close schools", "text": "Heavy rain flooded the coastal town on Monday and the schools were closed, the mayor said."}
this line is not JSON
{"id": "wrong-type", "text": 5}
{"id": "no-text", "title": "A title and nothing else"}
{"id": 17, "text": "Police arrested three men after a robbery at a bank in the city centre on Friday, officials said."}
JSON
mkdir -p tree/sub
printf 'A storm damaged several houses in the village overnight, residents said on Sunday.\n' > tree/sub/storm.txt
ln -s .. tree/sub/back-up
# a gzip cut in the middle: random words so the compressed stream is long
for i in $(seq 1 400); do printf 'word%s line %s of a long report about the harvest. ' "$RANDOM" "$i"; done > long.txt
gzip -c long.txt > whole.txt.gz
head -c $(( $(stat -c %s whole.txt.gz) / 2 )) whole.txt.gz > cut.txt.gz
# a huge line (100 MB) with a 1 MiB cap, followed by a good line
{ printf '{"id": "huge", "text": "'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n'
  printf '{"id": "after-huge", "text": "Officials said the bridge would reopen on Tuesday after repairs."}\n'; } > huge.jsonl
# a 2.2 GB file that takes no disk (sparse): refused without being read
truncate -s 2200M sparse.txt

# extract: one run over all of them
VIGIE_MAX_DOC_BYTES=1048576 "$VIGIE" extract --format jsonl cp1252.txt random.bin nul.txt empty.txt mixed.jsonl \
    tree cut.txt.gz missing.txt huge.jsonl > out.jsonl 2> err.txt
st=$?
check "extract exits 0 when some inputs are good (got $st)" test "$st" = 0
check "cp1252 converted and kept" has out.jsonl 'Les forces de sécurité ont arrêté'
check "binary rejected, named" grep -q 'random.bin.*binary' err.txt
check "NUL bytes rejected, named" grep -q 'nul.txt.*binary' err.txt
check "empty file named" has err.txt 'empty.txt: empty'
check "good JSONL lines kept" has out.jsonl '"doc":"good-1"'
check "numeric id kept as its literal" has out.jsonl '"doc":"17"'
check "non-JSON line named by number" has err.txt 'mixed.jsonl:2: not JSON'
check "wrong type named by number" has err.txt 'mixed.jsonl:3: "text" is a number'
check "missing text named by number" has err.txt 'mixed.jsonl:4: no "text"'
check "symlink loop reported once" test "$(grep -c 'directory loop' err.txt)" = 1
check "loop names the link" has err.txt 'tree/sub/back-up: directory loop'
check "file beside the loop still read" has out.jsonl '"doc":"storm.txt"'
check "truncated gzip named" has err.txt 'cut.txt.gz: truncated'
check "nonexistent path named" has err.txt 'missing.txt: cannot read'
check "huge line rejected by line number" has err.txt 'huge.jsonl:1: line of 100.0 MB, larger than the 1 MiB limit'
check "line after the huge one read" has out.jsonl '"doc":"after-huge"'
check "every output line is JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' out.jsonl
check "five documents out" test "$(wc -l < out.jsonl)" = 5

# memory stays bounded by the cap, not the line: 100 MB line, 1 MiB cap
if [ -x /usr/bin/time ]; then
    VIGIE_MAX_DOC_BYTES=1048576 /usr/bin/time -f '%M' -o rss.txt "$VIGIE" extract huge.jsonl > /dev/null 2>&1
    rss=$(tail -1 rss.txt)
    check "peak RSS under 64 MB for a 100 MB line (got ${rss} KB)" test "$rss" -lt 65536
fi

# the sparse 2.2 GB file with the default 32 MiB cap, timed by the shell: must not be read
"$VIGIE" extract sparse.txt > /dev/null 2> err2.txt
check "2 GB file refused by size" has err2.txt 'sparse.txt: 2.3 GB, larger than the 32 MiB limit'

# the same bad line, and a good one, through stdin
printf '{"id":"in-1","text":"Rescuers reached the village on Wednesday."}\n[1,2]\n' | "$VIGIE" extract - > out3.jsonl 2> err3.txt
check "stdin JSONL good line" has out3.jsonl '"doc":"in-1"'
check "stdin bad line named -:2" has err3.txt '-:2: the line is an array'

# ingest: the same inputs into a database, the good ones stored, the rest recorded
VIGIE_MAX_DOC_BYTES=1048576 "$VIGIE" ingest --db "$W/x.db" cp1252.txt random.bin nul.txt empty.txt mixed.jsonl \
    tree cut.txt.gz missing.txt huge.jsonl > ing.txt 2> ing_err.txt
st=$?
check "ingest exits 0 (got $st)" test "$st" = 0
check "ingest names the bad JSONL line" has ing_err.txt 'mixed.jsonl:3'
n=$("$VIGIE" articles --db "$W/x.db" --format jsonl 2>/dev/null | wc -l)
check "five articles stored (got $n)" test "$n" = 5
# again: nothing new
"$VIGIE" ingest --db "$W/x.db" cp1252.txt mixed.jsonl tree > /dev/null 2>&1
n=$("$VIGIE" articles --db "$W/x.db" --format jsonl 2>/dev/null | wc -l)
check "re-ingest adds nothing (got $n)" test "$n" = 5

if [ "$fails" -ne 0 ]; then
    echo "--- extract stderr"; cat err.txt; echo "--- ingest stderr"; cat ing_err.txt
    exit 1
fi
exit 0
