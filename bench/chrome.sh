#!/usr/bin/env bash
# chrome.sh - plain-text path speed: `vigie extract` over a generated corpus of
# scraped-looking articles (~3 KB, counters, prompts, related blocks, captions,
# one outlet folder per 500 files so the per-outlet line memory works), with
# and without the chrome data files. Prints docs/s, MB/s, peak RSS. Never
# fails on a timing. Usage: bench/chrome.sh [VIGIE] (N=docs, default 5000).
set -uo pipefail
cd "$(dirname "$0")/.."
VIGIE=${1:-./vigie}
N=${N:-5000}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
PIN=""; command -v taskset >/dev/null && PIN="taskset -c 0"

python3 - "$TMP/corpus" "$N" <<'PY'
import os, random, sys
out, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(7)
words = ("les forces armée civils frappes ville province selon source militaire "
         "combats rebelles gouvernement lundi mardi mercredi police manifestants "
         "blessés tués attaque village région nord sud est ouest habitants").split()
def sentence():
    s = " ".join(rnd.choice(words) for _ in range(rnd.randint(12, 30)))
    return s[0].upper() + s[1:] + rnd.choice([".", ".", ".", " »."])
def headline():
    s = " ".join(rnd.choice(words) for _ in range(rnd.randint(5, 11)))
    return s[0].upper() + s[1:]
for i in range(n):
    d = os.path.join(out, "outlet%02d" % (i // 500))
    os.makedirs(d, exist_ok=True)
    lines = [headline(), "", str(rnd.randint(0, 9999)), "S'abonner"]
    for _ in range(rnd.randint(5, 9)):
        lines += [sentence() + " " + sentence(), ""]
    lines += ["Photo de la ville - Courrier du Test", headline(), ""]
    lines += [sentence(), "", "Lire aussi :", headline(), headline(), "Tags:",
              ", ".join(rnd.choice(words) for _ in range(5)),
              "Le Courrier du Test, l'info sans frontières", "LAISSER UN COMMENTAIRE"]
    open(os.path.join(d, "a%05d.txt" % i), "w").write("\n".join(lines) + "\n")
PY
bytes=$(cat "$TMP"/corpus/*/*.txt | wc -c)
run() { # label, data dir
    /usr/bin/time -v -o "$TMP/time" env VIGIE_DATA="$2" $PIN "$VIGIE" extract --format jsonl "$TMP/corpus" > "$TMP/out" 2>/dev/null
    t=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$TMP/time")
    rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$TMP/time")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time")
    docs=$(wc -l < "$TMP/out")
    # The machine may be shared: CPU time is the steadier figure.
    awk -v l="$1" -v d="$docs" -v t="$t" -v c="$cpu" -v b="$bytes" -v r="$rss" 'BEGIN {
        if (c <= 0) c = 0.001
        printf "%-26s %6d docs  wall %.2f s: %6.0f docs/s %5.1f MB/s | cpu %.2f s: %6.0f docs/s %5.1f MB/s | peak RSS %d MB\n",
            l, d, t, d / t, b / 1048576 / t, c, d / c, b / 1048576 / c, r / 1024 }'
}
printf "corpus: %d plain-text docs, %.1f MB, one core\n" "$N" "$(echo "$bytes / 1048576" | bc -l)"
run "extract, chrome patterns" "$PWD/data"
# The same without the chrome pattern files: what the structure rules cost alone.
mkdir -p "$TMP/nodata"; cp -r data/. "$TMP/nodata/"; rm -f "$TMP"/nodata/*/chrome.tsv
run "extract, structure only" "$TMP/nodata"
