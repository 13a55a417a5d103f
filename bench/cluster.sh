#!/usr/bin/env bash
# cluster.sh - does the cost of storing one article (near-duplicate check + story clustering +
# store) stay flat as the archive grows? Generated articles (events told by 1-5 articles each,
# invented names, shared everyday vocabulary) are put through vg_db_put in batches of 500;
# prints, for each segment (1-1k, 1k-3k, 3k-10k, 10k-30k, 30k-100k), microseconds per article
# (wall and CPU) and docs/s, then peak RSS, the database size, and the flatness ratio: what an
# article of the last segment costs over what one of the first 3,000 cost. BENCH_CLUSTER_DOCS=N
# to change the size, BENCH_CLUSTER_BATCH=N the articles per transaction (default 500; 10 is what a
# feed or `vigie watch` commits); BUILD=dir for another build folder. Never fails on a timing. Wall time
# on a shared machine is noisy: compare CPU too, and run it with nice.
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
N=${BENCH_CLUSTER_DOCS:-100000}
W=$(mktemp -d "${TMPDIR:-/tmp}/vg-bench-cluster-XXXXXX")
trap 'rm -rf "$W"' EXIT
make -s BUILD="$BUILD" "$BUILD/libvigie-internal.a" >/dev/null || exit 1
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$W/driver" bench/cluster_driver.c \
    "$BUILD/libvigie-internal.a" $(make -s --no-print-directory print-libs) || exit 1
"$W/driver" "$W/c.db" "$N" "${BENCH_CLUSTER_BATCH:-500}"
echo "database: $(du -m "$W/c.db" | cut -f1) MB for $N articles ($(du -cm "$W"/c.db* | tail -1 | cut -f1) MB with WAL)"
