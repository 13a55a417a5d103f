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

#include <sqlite3.h>

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

/* What one pass found: runs that ended in an error, runs that said VG_OK
 * but lost something, databases a second run did not complete. */
typedef struct pass { int errors, silent, differ, runs; } pass;

/* The ingest with allocation k failing, then checked against want. */
static void fail_one(const vg_env *env, const char *db, const char *folder, const char *want, unsigned long k,
                     unsigned long total, pass *ps)
{
    remove_db(db);
    vg_alloc_fail_at(k);
    vg_status st = ingest(env, db, folder);
    vg_alloc_fail_at(0);
    ps->runs++;
    if (st == VG_OK) {
        /* the failure was absorbed: then nothing may be missing */
        char *got = contents(db);
        if (getenv("VG_OOM_SHOW") && got && strcmp(got, want)) printf("WANT\n%s\nGOT\n%s\n", want, got);
        if ((!got || strcmp(got, want)) && ps->silent++ < 5)
            printf("    allocation %lu of %lu failed: VG_OK but the database differs\n", k, total);
        free(got);
        return;
    }
    ps->errors++;
    vg_status again = ingest(env, db, folder);
    char *got = contents(db);
    if (getenv("VG_OOM_SHOW") && got && strcmp(got, want)) printf("WANT\n%s\nGOT\n%s\n", want, got);
    if ((again != VG_OK || !got || strcmp(got, want)) && ps->differ++ < 5)
        printf("    allocation %lu of %lu failed (%s); the re-run %s\n", k, total, vg_strerror(st),
               again != VG_OK ? vg_strerror(again) : "left a different database");
    free(got);
}

/* SQLite's allocations through the same hook (its default allocator
 * underneath), so the store's handling of SQLITE_NOMEM is run too. */
static sqlite3_mem_methods sqlite_default;
static void *sqlite_malloc(int n) { return vg_alloc_should_fail() ? NULL : sqlite_default.xMalloc(n); }
static void *sqlite_realloc(void *p, int n) { return vg_alloc_should_fail() ? NULL : sqlite_default.xRealloc(p, n); }

static int sqlite_hooked(int on)
{
    if (sqlite3_shutdown() != SQLITE_OK) return 0;
    sqlite3_mem_methods m;
    if (on) {
        if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_default) != SQLITE_OK) return 0;
        m = sqlite_default;
        m.xMalloc = sqlite_malloc;
        m.xRealloc = sqlite_realloc;
    } else {
        m = sqlite_default;
    }
    return sqlite3_config(SQLITE_CONFIG_MALLOC, &m) == SQLITE_OK && sqlite3_initialize() == SQLITE_OK;
}

/* SQLite's thousands of allocations: this many, evenly spread. To look
 * closer: VG_OOM_ALL=1 fails every one (minutes, not for each test run),
 * VG_OOM_FROM=K / VG_OOM_TO=K bound the range, VG_OOM_SHOW=1 prints the
 * databases that differ. */
enum { SQLITE_SAMPLES = 200 };

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
    /* 1. Every allocation of the library's own, in turn. */
    pass own = {0};
    for (unsigned long k = 1; want && k <= total; k++) fail_one(env, db, folder, want, k, total, &own);
    printf("    %lu library allocations failed in turn: %d errors, %d absorbed\n", total, own.errors,
           own.runs - own.errors);
    CHECK_INT(own.silent, 0);
    CHECK_INT(own.differ, 0);
    /* 2. With SQLite's counted too: a sample spread over all of them. */
    pass lite = {0};
    unsigned long all = 0;
    CHECK(sqlite_hooked(1));
    remove_db(db);
    vg_alloc_fail_at(0);
    CHECK_INT(ingest(env, db, folder), VG_OK);
    all = vg_alloc_count();
    CHECK(all > total);
    unsigned long step = all / SQLITE_SAMPLES && !getenv("VG_OOM_ALL") ? all / SQLITE_SAMPLES : 1;
    unsigned long from = getenv("VG_OOM_FROM") ? strtoul(getenv("VG_OOM_FROM"), NULL, 10) : 1;
    unsigned long to = getenv("VG_OOM_TO") ? strtoul(getenv("VG_OOM_TO"), NULL, 10) : all;
    for (unsigned long k = from; want && k <= all && k <= to; k += step) fail_one(env, db, folder, want, k, all, &lite);
    CHECK(sqlite_hooked(0));
    printf("    %d of %lu allocations with SQLite's failed: %d errors, %d absorbed\n", lite.runs, all, lite.errors,
           lite.runs - lite.errors);
    CHECK_INT(lite.silent, 0);
    CHECK_INT(lite.differ, 0);
    vg_alloc_fail_at(0);
    free(want);
    remove_db(db);
    snprintf(path, sizeof path, "%s/articles.jsonl", folder); unlink(path);
    snprintf(path, sizeof path, "%s/lagos.html", folder); unlink(path);
    rmdir(folder);
    vg_env_close(env);
}
