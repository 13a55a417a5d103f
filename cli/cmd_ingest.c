/* cmd_ingest.c - `ingest`: read, analyse, store; a summary at the end. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char help[] =
    "usage: vigie ingest [--db PATH] [--batch N] [--threads N] [--queue] [--quiet] INPUT...\n"
    "Read, analyse and store articles. Re-ingesting the same content stores nothing new.\n"
    "INPUT: files, folders (recursive) or - for stdin; text, JSONL, HTML, WARC, RSS/Atom, gzip.\n"
    "  --db PATH     database (default $VIGIE_DB, else ./vigie.db)\n"
    "  --batch N     documents per transaction (default 500)\n"
    "  --threads N   documents read and analysed at once (default: one per CPU);\n"
    "                storing stays in input order, so the result does not depend on N\n"
    "  --queue       only queue the documents in a PostgreSQL store, for `vigie worker`s\n"
    "                (each once: a document queued before is not queued again)\n"
    "  --data DIR    language resources\n"
    "  --quiet       no summary\n"
    "Exit status: 0 when the batch went through (even with rejected inputs),\n"
    "1 when nothing could be done (database unusable), 2 on bad arguments.\n";

/* What the summary counts as stored: a put is counted once its batch is
 * committed, so a batch rolled back by a full disk is not reported stored. */
typedef struct counts { long stored, dup, events; } counts;

static void settle(vg_db *db, counts *done, counts *pend)
{
    if (vg_db_pending(db)) return;
    done->stored += pend->stored;
    done->dup += pend->dup;
    done->events += pend->events;
    *pend = (counts){0};
}

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { (void)sig; interrupted = 1; }


struct refused {
    vg_db *db;
    long n;
    counts *done, *pend;
    int failed; /* a reject could not be written: its batch was rolled back */
};

/* Records a rejected input; a write that fails rolls the open batch back like a failed put. */
static int reject(struct refused *r, const char *source, const char *reason)
{
    vg_status st = vg_db_reject(r->db, source, reason);
    if (st != VG_OK) {
        cli_err("vigie ingest: cannot record rejected %s: %s: %s\n", source, vg_strerror(st), vg_db_error(r->db));
        r->failed = 1;
        return -1;
    }
    settle(r->db, r->done, r->pend);
    return 0;
}

static void record_refused(const char *source, const char *reason, void *ud)
{
    struct refused *r = ud;
    cli_err("rejected %s\n", reason);
    if (!r->failed) reject(r, source, reason);
    r->n++;
}

/* --queue: inputs queued as read (nothing analysed here); the reader's
 * rejections recorded as a plain ingest records them. */
static int queue_inputs(vg_db *db, const cli_opts *o)
{
    vg_reader *r = NULL;
    vg_reader_options ro = cli_reader_options();
    vg_status st = vg_reader_open(o->args, (size_t)o->n_args, &ro, &r);
    if (st != VG_OK) { cli_err("vigie ingest: %s\n", vg_strerror(st)); return EXIT_FAIL; }
    long n_read = 0, queued = 0, again = 0, rejected = 0;
    int fatal = 0;
    vg_input in;
    while (!interrupted && !fatal && (st = vg_reader_next(r, &in)) != VG_END) {
        n_read++;
        int added = 0;
        if (st != VG_OK) {
            cli_err("rejected %s\n", vg_reader_error(r));
            rejected++;
            st = vg_db_reject(db, vg_reader_error_source(r), vg_reader_error(r));
        } else if ((st = vg_queue_add(db, &in, &added)) == VG_OK) {
            if (added) queued++;
            else again++;
        }
        if (st != VG_OK) {
            cli_err("vigie ingest: cannot queue %s: %s: %s\n", in.source ? in.source : "input", vg_strerror(st),
                    vg_db_error(db));
            fatal = 1;
        }
    }
    if (!fatal && (st = vg_db_commit(db)) != VG_OK) {
        cli_err("vigie ingest: cannot commit: %s: %s\n", vg_strerror(st), vg_db_error(db));
        fatal = 1;
    }
    vg_reader_close(r);
    if (!o->quiet)
        fprintf(stdout, "read %ld, queued %ld, queued before %ld, rejected %ld%s\n", n_read, queued, again, rejected,
                fatal ? " (the last batch was not committed)" : interrupted ? " (interrupted)" : "");
    return fatal || interrupted ? EXIT_FAIL : EXIT_OK;
}

int cmd_ingest(int argc, char **argv)
{
    cli_opts o;
    if (cli_parse(argc, argv, "ingest", "db batch threads data quiet q queue", &o)) return EXIT_USAGE;
    if (o.help) { fputs(help, stdout); return EXIT_OK; }
    if (o.n_args == 0) { fputs(help, stderr); return EXIT_USAGE; }
    vg_env *env = cli_env(&o);
    if (!env) return EXIT_FAIL;
    if (vg_env_warning(env) && !o.quiet) cli_err("vigie ingest: warning: %s\n", vg_env_warning(env));
    const char *path = cli_db_path(&o);
    vg_db *db = cli_open_db("ingest", &o, 0);
    if (!db) { vg_env_close(env); return EXIT_FAIL; }
    vg_status st;
    if (o.batch) vg_db_set_batch(db, o.batch);
    if (o.queue) {
        signal(SIGINT, on_signal);
        signal(SIGTERM, on_signal);
        int rc = queue_inputs(db, &o);
        vg_db_close(db);
        vg_env_close(env);
        return rc;
    }
    vg_reader *r = NULL;
    vg_batch *batch = NULL;
    vg_reader_options ro = cli_reader_options();
    /* The database may sit inside a folder being ingested: never read it back as input. */
    char skip_buf[4][4096];
    const char *skip[4];
    static const char *const suffix[4] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        snprintf(skip_buf[i], sizeof skip_buf[i], "%s%s", path, suffix[i]);
        skip[i] = skip_buf[i];
    }
    ro.skip_paths = skip;
    ro.n_skip_paths = 4;
    if ((st = vg_reader_open(o.args, (size_t)o.n_args, &ro, &r)) != VG_OK ||
        (st = vg_batch_create(env, o.threads, 0, &batch)) != VG_OK) {
        cli_err("vigie ingest: %s\n", vg_strerror(st));
        vg_reader_close(r);
        vg_db_close(db);
        vg_env_close(env);
        return EXIT_FAIL;
    }
    /* The store's per-document work (signature, story features) runs on the loading threads. */
    vg_batch_set_prepare(batch, 1);
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    long n_read = 0, n_present = 0, n_rejected = 0;
    counts done = {0}, pend = {0};
    int fatal = 0;
    char reason[1536];
    struct refused refused = {db, 0, &done, &pend, 0};
    int more = 1;
    while (more && !interrupted && !fatal) {
        /* Fill a batch; the reader's own rejections are recorded as they come. */
        more = cli_fill_batch(r, batch, &interrupted, record_refused, &refused, &n_read);
        if (refused.failed) { fatal = 1; break; }
        vg_batch_load(batch);
        /* Stored by an earlier run: no need to analyse it again. */
        size_t n = vg_batch_count(batch);
        for (size_t i = 0; i < n; i++) {
            int present = 0;
            vg_doc *doc = vg_batch_doc(batch, i, &st);
            if (st == VG_OK && vg_db_contains(db, doc, &present) == VG_OK && present) vg_batch_skip(batch, i);
        }
        vg_batch_analyze(batch);
        for (size_t i = 0; i < n && !fatal; i++) {
            if (vg_batch_skipped(batch, i)) { n_present++; continue; }
            vg_doc *doc = vg_batch_doc(batch, i, &st);
            const vg_input *bi = vg_batch_input(batch, i);
            if (st != VG_OK) {
                char where[1024];
                snprintf(where, sizeof where, "%s%s%.0llu", bi->source, bi->record ? ":" : "",
                         (unsigned long long)bi->record);
                snprintf(reason, sizeof reason, "%s: %s", where, vg_doc_error(doc));
                cli_err("rejected %s\n", reason);
                n_rejected++;
                if (reject(&refused, where, reason)) { fatal = 1; break; }
                continue;
            }
            vg_put_result res;
            st = vg_db_put_prepared(db, doc, vg_batch_prepared(batch, i), &res);
            if (st != VG_OK) {
                cli_err("vigie ingest: cannot store %s: %s: %s\n", bi->source, vg_strerror(st), vg_db_error(db));
                fatal = 1;
                break;
            }
            if (res == VG_PUT_STORED) { pend.stored++; pend.events += (long)vg_doc_event_count(doc); }
            else if (res == VG_PUT_DUPLICATE) { pend.dup++; pend.stored++; }
            else n_present++;
            settle(db, &done, &pend);
        }
        vg_batch_clear(batch);
    }
    n_rejected += refused.n;
    if (!fatal && (st = vg_db_commit(db)) != VG_OK) {
        cli_err("vigie ingest: cannot commit: %s: %s\n", vg_strerror(st), vg_db_error(db));
        fatal = 1;
    }
    if (!fatal) settle(db, &done, &pend);
    vg_batch_free(batch);
    vg_reader_close(r);
    vg_db_close(db);
    vg_env_close(env);
    if (!o.quiet)
        fprintf(stdout, "read %ld, stored %ld (%ld near-duplicates), already present %ld, rejected %ld, events %ld%s\n",
                n_read, done.stored, done.dup, n_present, n_rejected, done.events,
                interrupted ? " (interrupted)" : "");
    if (pend.stored) /* written, then rolled back with their batch */
        cli_err("vigie ingest: %ld earlier documents of the failed batch were not stored either\n", pend.stored);
    return fatal || interrupted ? EXIT_FAIL : EXIT_OK;
}
