/* cmd_worker.c - `worker`: claim queued documents from a PostgreSQL store,
 * analyse and store them; `status`: the queue and its workers. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli.h"

static const char worker_help[] =
    "usage: vigie worker --db postgresql://... [--threads N] [--batch N] [--until-empty] [--quiet]\n"
    "Claim documents queued by `vigie ingest --queue` or `vigie watch --queue`, extract,\n"
    "analyse and store them. Run as many as you like, on any machines: each claims its own\n"
    "documents (FOR UPDATE SKIP LOCKED); a worker that stops loses nothing (its claims go\n"
    "back to the queue) and nothing is stored twice. One worker at a time assigns stories,\n"
    "in queue order, as one `vigie ingest` of the same input would.\n"
    "  --db URL        the PostgreSQL store (default $VIGIE_DB)\n"
    "  --threads N     documents analysed at once (default: one per CPU)\n"
    "  --batch N       articles per story transaction, as `vigie ingest --batch` (default 500)\n"
    "  --until-empty   stop once the queue is empty and every story assigned (else: wait for more)\n"
    "  --data DIR      language resources\n"
    "  --quiet         no summary\n"
    "Exit status: 0 when stopped (signal or --until-empty), 1 when the store failed for good.\n";

static const char status_help[] =
    "usage: vigie status --db postgresql://... [--format tsv|jsonl|csv]\n"
    "The work queue: documents queued, claimed, done, retried and parked with their reasons,\n"
    "articles waiting for a story, throughput, and every worker seen (alive or gone).\n";

/* Documents claimed per transaction: a few per thread keeps every thread
 * busy while a claim's results are written. */
#define CLAIM_PER_THREAD 8
/* Idle wait between two looks at an empty queue. */
#define IDLE_MS 200

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static void sleep_ms(long ms)
{
    struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, NULL);
}

typedef struct wcounts { long claimed, stored, present, rejected, stories, reconnects; } wcounts;

/* Documents of the claim from `from` on, as many as the batch takes (its
 * capacity, 64 MiB of input), loaded, analysed and stored in the open
 * transaction; *to: the first one left for the next call. */
static vg_status work_range(vg_db *db, vg_batch *b, const vg_claim *c, size_t from, size_t *to, wcounts *n)
{
    vg_status st = VG_OK;
    size_t k = vg_claim_count(c), end = from;
    while (end < k && !vg_batch_full(b) && vg_batch_add(b, vg_claim_input(c, end)) == VG_OK) end++;
    if (end == from) { /* one document the batch refuses alone: too large for it */
        const vg_input *in = vg_claim_input(c, from);
        char reason[1200];
        snprintf(reason, sizeof reason, "%s: too large for a batch", in->source);
        *to = from + 1;
        n->rejected++;
        return vg_queue_reject(db, c, from, in->source, reason);
    }
    *to = end;
    vg_batch_load(b);
    for (size_t i = 0; i < end - from; i++) {
        int present = 0;
        vg_doc *doc = vg_batch_doc(b, i, &st);
        if (st == VG_OK && (st = vg_db_contains(db, doc, &present)) != VG_OK) return st;
        if (present) vg_batch_skip(b, i);
    }
    vg_batch_analyze(b);
    for (size_t i = 0; i < end - from; i++) {
        const vg_input *in = vg_claim_input(c, from + i);
        if (vg_batch_skipped(b, i)) {
            if ((st = vg_queue_skip(db, c, from + i)) != VG_OK) return st;
            n->present++;
            continue;
        }
        vg_status ds;
        vg_doc *doc = vg_batch_doc(b, i, &ds);
        if (ds != VG_OK) { /* as `vigie ingest` records it */
            char where[1024], reason[1536];
            snprintf(where, sizeof where, "%s%s%.0llu", in->source, in->record ? ":" : "",
                     (unsigned long long)in->record);
            snprintf(reason, sizeof reason, "%s: %s", where, vg_doc_error(doc));
            if ((st = vg_queue_reject(db, c, from + i, where, reason)) != VG_OK) return st;
            n->rejected++;
            continue;
        }
        vg_put_result res;
        if ((st = vg_queue_store(db, c, from + i, doc, vg_batch_prepared(b, i), &res)) != VG_OK) return st;
        if (res == VG_PUT_PRESENT) n->present++;
        else n->stored++;
    }
    return VG_OK;
}

/* One claim: claimed, worked on, committed; 0 claimed when the queue had nothing. */
static vg_status one_claim(vg_db *db, vg_batch *b, size_t max, size_t *claimed, wcounts *n)
{
    vg_claim *c = NULL;
    *claimed = 0;
    vg_status st = vg_queue_claim(db, max, &c);
    if (st != VG_OK) return st;
    size_t k = vg_claim_count(c);
    *claimed = k;
    for (size_t from = 0; from < k && st == VG_OK;) {
        size_t to = from;
        st = work_range(db, b, c, from, &to, n);
        vg_batch_clear(b);
        from = to;
    }
    if (st == VG_OK) st = vg_db_commit(db);
    if (st != VG_OK) {
        char reason[1200];
        snprintf(reason, sizeof reason, "%s: %.1100s", vg_strerror(st), vg_db_error(db));
        if (st != VG_ERR_NETWORK && vg_queue_release(db, c, reason) != VG_OK) st = VG_ERR_DB;
    } else {
        n->claimed += (long)k;
    }
    vg_claim_free(c);
    return st;
}

int cmd_worker(int argc, char **argv)
{
    cli_opts o;
    if (cli_parse(argc, argv, "worker", "db threads batch data quiet q until-empty", &o)) return EXIT_USAGE;
    if (o.help) { fputs(worker_help, stdout); return EXIT_OK; }
    if (o.n_args) { cli_err("vigie worker: unexpected argument '%s'\n", o.args[0]); return EXIT_USAGE; }
    vg_env *env = cli_env(&o);
    if (!env) return EXIT_FAIL;
    vg_db *db = cli_open_db("worker", &o, 0);
    if (!db) { vg_env_close(env); return EXIT_FAIL; }
    vg_status st;
    vg_batch *b = NULL;
    unsigned threads = o.threads;
    if ((st = vg_batch_create(env, threads, 64 * CLAIM_PER_THREAD, &b)) != VG_OK) {
        cli_err("vigie worker: %s\n", vg_strerror(st));
        vg_db_close(db);
        vg_env_close(env);
        return EXIT_FAIL;
    }
    vg_batch_set_prepare(b, 1);
    vg_db_set_batch(db, 1000000); /* a claim commits itself, whole */
    size_t max = (size_t)vg_batch_threads(b) * CLAIM_PER_THREAD; /* at most 64 threads: the batch holds a claim */
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    wcounts n = {0};
    int fatal = 0;
    while (!stop && !fatal) {
        size_t claimed = 0;
        long assigned = 0;
        st = one_claim(db, b, max, &claimed, &n);
        /* the story writer (if it is us) takes what is ready, chunk by chunk */
        while (st == VG_OK && (st = vg_queue_stories(db, o.batch, &assigned)) == VG_OK && assigned > 0)
            n.stories += assigned;
        if (st == VG_ERR_NETWORK) { /* the server went away: connect again, with back-off */
            cli_err("vigie worker: %s; connecting again\n", vg_db_error(db));
            if ((st = vg_db_reconnect(db)) != VG_OK) {
                cli_err("vigie worker: %s: %s\n", vg_strerror(st), vg_db_error(db));
                fatal = 1;
            }
            n.reconnects++;
            continue;
        }
        if (st != VG_OK) {
            cli_err("vigie worker: %s: %s\n", vg_strerror(st), vg_db_error(db));
            fatal = 1;
            break;
        }
        if (claimed) continue;
        long work = 0, waiting = 0;
        if ((st = vg_queue_pending(db, &work, &waiting)) != VG_OK) continue;
        if (o.until_empty && !work && !waiting) break;
        sleep_ms(IDLE_MS);
    }
    if (!o.quiet)
        fprintf(stdout, "claimed %ld: stored %ld, already present %ld, rejected %ld; stories assigned to %ld articles%s\n",
                n.claimed, n.stored, n.present, n.rejected, n.stories, stop ? " (interrupted)" : "");
    vg_batch_free(b);
    vg_db_close(db);
    vg_env_close(env);
    return fatal ? EXIT_FAIL : EXIT_OK;
}

int cmd_status(int argc, char **argv)
{
    cli_opts o;
    if (cli_parse(argc, argv, "status", "db format", &o)) return EXIT_USAGE;
    if (o.help) { fputs(status_help, stdout); return EXIT_OK; }
    if (o.n_args) { cli_err("vigie status: unexpected argument '%s'\n", o.args[0]); return EXIT_USAGE; }
    vg_db *db = cli_open_db("status", &o, VG_DB_READONLY);
    if (!db) return EXIT_FAIL;
    row_writer *w = row_writer_new(stdout, o.format ? o.format : "tsv");
    if (!w) { cli_err("vigie status: --format must be tsv, jsonl or csv\n"); vg_db_close(db); return EXIT_USAGE; }
    vg_status st = vg_db_status(db, row_writer_cb, w);
    row_writer_finish(w);
    if (st != VG_OK) cli_err("vigie status: %s: %s\n", vg_strerror(st), vg_db_error(db));
    vg_db_close(db);
    return st == VG_OK ? EXIT_OK : EXIT_FAIL;
}
