#!/usr/bin/env bash
# shared_overlap.sh - no evaluation text copied into the repository (scripts/check-shared-overlap.py).
# First the check itself, on a planted shared folder of our own: a file repeating seven words of
# a shared text is reported and fails, an allowed phrase passes, an absent folder skips. Then, when
# ../shared (or $VIGIE_SHARED / $SHARED) is there, the repository's tracked files against it; on a
# bare clone that part says it skips.
set -u
cd "$(dirname "$0")/../.."
T=$(mktemp -d "${TMPDIR:-/tmp}/vg-overlap.XXXXXX")
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/shared/eval/articles/xx/texts"
printf 'Headline\nArmed men stormed the grain market of Exampleville at dawn on Tuesday, witnesses said.\n' \
    > "$T/shared/eval/articles/xx/texts/001.txt"
printf '/* a test sentence: raiders hit the grain market of Exampleville at dawn on Tuesday */\n' > "$T/copied.c"
printf '/* a sentence of our own: gunmen raided a cattle market near Sampletown on Friday */\n' > "$T/own.c"
: > "$T/allow-none.tsv"
printf '# phrase\treason\nthe grain market of Exampleville at dawn on Tuesday\tplanted for this test\n' > "$T/allow.tsv"
chk() { python3 scripts/check-shared-overlap.py --shared "$T/shared" "$@" 2>&1; }
if out=$(chk --allow "$T/allow-none.tsv" "$T/copied.c" "$T/own.c"); then echo "not ok: a copied sentence passed"; echo "$out"; exit 1; fi
grep -q 'copied.c:1: eval/articles/xx/texts/001.txt: the grain market of Exampleville at dawn' <<<"$out" \
    || { echo "not ok: the copy is not reported with its file, line and words"; echo "$out"; exit 1; }
grep -q 'own.c' <<<"$out" && { echo "not ok: a sentence of our own reported"; echo "$out"; exit 1; }
out=$(chk --allow "$T/allow.tsv" "$T/copied.c") || { echo "not ok: an allowed phrase failed"; echo "$out"; exit 1; }
out=$(python3 scripts/check-shared-overlap.py --shared "$T/none" "$T/copied.c" 2>&1) && grep -q 'skipping' <<<"$out" \
    || { echo "not ok: an absent shared folder does not skip"; echo "$out"; exit 1; }

SHARED_DIR="${VIGIE_SHARED:-${SHARED:-../shared}}"
if [ ! -d "$SHARED_DIR/eval" ]; then echo "ok (the planted check; $SHARED_DIR/eval not found, the repository check skipped)"; exit 0; fi
out=$(python3 scripts/check-shared-overlap.py --shared "$SHARED_DIR" 2>&1) || { echo "$out" | head -40; exit 1; }
echo ok
