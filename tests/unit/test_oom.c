/* test_oom.c - a small ingest (a JSONL file and an HTML page: extraction,
 * analysis, near-duplicates, stories, the store) with each of its
 * allocations failing in turn (lib/core/alloc.h's test hook): every run ends
 * with a status, never a crash (ASan: no leak at exit either), and the
 * database it leaves, completed by a second run, holds the same articles,
 * events and stories as one uninterrupted run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/core/alloc.h"
#include "../../lib/core/buf.h"
#include "test.h"

static const char JSONL[] =
    "{\"id\": \"a1\", \"title\": \"Rebels attack army post\", \"published\": \"2024-03-04\", \"text\": "
    "\"Rebels attacked an army post near Aleppo on Monday, killing two soldiers and wounding five, officials said.\"}\n"
    "{\"id\": \"a2\", \"title\": \"Army post attacked near Aleppo\", \"published\": \"2024-03-04\", \"text\": "
    "\"Rebels attacked an army post near Aleppo on Monday, killing two soldiers and wounding five, a monitor said.\"}\n"
    "{\"id\": \"a3\", \"title\": \"Manifestation à Alger\", \"lang\": \"fr\", \"text\": "
    "\"Des milliers de manifestants ont défilé vendredi à Alger contre le pouvoir, selon des témoins.\"}\n";

static const char HTML[] =
    "<html lang=\"en\"><head><title>Protest in Lagos</title>"
    "<meta property=\"article:published_time\" content=\"2024-03-01T10:00:00Z\"></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Protest in Lagos</h1>"
    "<p>Hundreds of protesters marched in Lagos on Friday; police fired tear gas and arrested 12 people.</p>"
    "<p>The march, against fuel prices, began near the central market, witnesses said.</p></article>"
    "<footer>Share this story</footer></body></html>";

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(s, f);
    fclose(f);
}

static void remove_db(const char *path)
{
    char side[600];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    snprintf(side, sizeof side, "%s-journal", path); unlink(side);
}

/* One ingest of the folder into the database, as `vigie ingest --threads 1`
 * does it; the first failure stops it and is returned. */
static vg_status ingest(const vg_env *env, const char *db_path, const char *folder)
{
    vg_db *db = NULL;
    vg_reader *r = NULL;
    vg_batch *b = NULL;
    vg_status st = vg_db_open(db_path, 0, &db);
    if (st == VG_OK) st = vg_reader_open(&folder, 1, NULL, &r);
    if (st == VG_OK) st = vg_batch_create(env, 1, 0, &b);
    if (st == VG_OK) vg_batch_set_prepare(b, 1);
    vg_input in;
    vg_status rs = VG_OK;
    while (st == VG_OK && (rs = vg_reader_next(r, &in)) == VG_OK) st = vg_batch_add(b, &in);
    if (st == VG_OK && rs != VG_END) st = rs;
    if (st == VG_OK) vg_batch_load(b);
    size_t n = st == VG_OK ? vg_batch_count(b) : 0;
    for (size_t i = 0; i < n && st == VG_OK; i++) {
        int present = 0;
        vg_doc *doc = vg_batch_doc(b, i, &st);
        if (st == VG_OK) st = vg_db_contains(db, doc, &present);
        if (st == VG_OK && present) vg_batch_skip(b, i);
    }
    if (st == VG_OK) vg_batch_analyze(b);
    for (size_t i = 0; i < n && st == VG_OK; i++) {
        if (vg_batch_skipped(b, i)) continue;
        vg_put_result res;
        vg_doc *doc = vg_batch_doc(b, i, &st);
        if (st == VG_OK) st = vg_db_put_prepared(db, doc, vg_batch_prepared(b, i), &res);
    }
    if (st == VG_OK) st = vg_db_commit(db);
    vg_batch_free(b);
    vg_reader_close(r);
    vg_db_close(db);
    return st;
}

static int add_row(const vg_row *row, void *ud)
{
    vg_buf *out = ud;
    for (size_t i = 0; i < row->n; i++) {
        if (!strcmp(row->names[i], "timestamp") || !strcmp(row->names[i], "ingested")) continue; /* clock times */
        vg_buf_printf(out, "%s=%s\t", row->names[i], row->values[i] ? row->values[i] : "NULL");
    }
    vg_buf_putc(out, '\n');
    return 0;
}

/* The database's articles, events and stories as text; NULL if unreadable. */
static char *contents(const char *db_path)
{
    vg_db *db = NULL;
    vg_buf out = VG_BUF_INIT;
    vg_query q = {0};
    int ok = vg_db_open(db_path, VG_DB_READONLY, &db) == VG_OK && vg_db_articles(db, &q, add_row, &out) == VG_OK &&
             vg_db_events(db, &q, add_row, &out) == VG_OK && vg_db_stories(db, &q, add_row, &out) == VG_OK;
    vg_db_close(db);
    if (!ok || out.failed) { vg_buf_free(&out); return NULL; }
    return out.data;
}

TEST(oom_each_allocation_of_an_ingest)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    /* In memory when it can be: each of the runs commits, and fsync would
     * be most of the time spent. */
    const char *t = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    char folder[512], path[600], db[600];
    snprintf(folder, sizeof folder, "%s/vg-oom-%d", t && *t ? t : "/tmp", (int)getpid());
    snprintf(db, sizeof db, "%s.db", folder);
    CHECK(mkdir(folder, 0700) == 0);
    snprintf(path, sizeof path, "%s/articles.jsonl", folder);
    write_file(path, JSONL);
    snprintf(path, sizeof path, "%s/lagos.html", folder);
    write_file(path, HTML);

    /* One uninterrupted run: what every database must end up holding. */
    remove_db(db);
    vg_alloc_fail_at(0);
    CHECK_INT(ingest(env, db, folder), VG_OK);
    unsigned long total = vg_alloc_count();
    char *want = contents(db);
    CHECK(want != NULL && strstr(want, "a3") != NULL);
    CHECK(total > 100);
    int errors = 0, silent = 0, differ = 0;
    for (unsigned long k = 1; want && k <= total; k++) {
        remove_db(db);
        vg_alloc_fail_at(k);
        vg_status st = ingest(env, db, folder);
        vg_alloc_fail_at(0);
        if (st == VG_OK) {
            /* the failure was absorbed: then nothing may be missing */
            char *got = contents(db);
            if (!got || strcmp(got, want)) {
                if (silent == 0 && got && getenv("VG_OOM_DEBUG")) printf("WANT\n%s\nGOT\n%s\n", want, got);
                if (silent++ < 5) printf("    allocation %lu of %lu failed: VG_OK but the database differs\n", k, total);
            }
            free(got);
            continue;
        }
        errors++;
        vg_status again = ingest(env, db, folder);
        char *got = contents(db);
        if (again != VG_OK || !got || strcmp(got, want)) {
            if (differ == 0 && got && getenv("VG_OOM_DEBUG")) printf("WANT\n%s\nGOT\n%s\n", want, got);
            if (differ++ < 5)
                printf("    allocation %lu of %lu failed (%s); the re-run %s\n", k, total, vg_strerror(st),
                       again != VG_OK ? vg_strerror(again) : "left a different database");
        }
        free(got);
    }
    printf("    %lu allocations failed in turn: %d errors, %d absorbed\n", total, errors, (int)total - errors);
    CHECK_INT(silent, 0);
    CHECK_INT(differ, 0);
    vg_alloc_fail_at(0);
    free(want);
    remove_db(db);
    snprintf(path, sizeof path, "%s/articles.jsonl", folder); unlink(path);
    snprintf(path, sizeof path, "%s/lagos.html", folder); unlink(path);
    rmdir(folder);
    vg_env_close(env);
}
