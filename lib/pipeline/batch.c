/* batch.c - load and analyse a batch of documents on a pool of threads, each
 * document in its own vg_doc, results read back in input order.
 *
 * Why batches rather than a queue: the store that follows is single-threaded
 * and wants documents in input order; a batch keeps the order for free, and
 * the one piece of state shared across documents (the per-outlet memory of
 * repeated chrome lines) can be read during a batch and learnt between
 * batches, so the output does not depend on how threads were scheduled. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "pipeline.h"

enum { DEFAULT_CAPACITY = 64, MAX_THREADS = 64 };
#define MAX_BATCH_BYTES ((size_t)64 << 20) /* the inputs a batch copies */

enum { PHASE_LOAD, PHASE_ANALYZE };

/* One input, copied: its strings and bytes live in `store`. */
typedef struct slot {
    vg_input in;
    char *store;
    size_t cap;
    vg_doc *doc;
    vg_status st;
    int skip;
    vg_prepared *prep;       /* vg_prepare's, in the document's arena; NULL until made */
} slot;

struct vg_batch {
    slot *slots;
    size_t capacity, n, bytes;
    vg_chrome_cache *chrome; /* shared by every slot's document */
    int prepare;             /* vg_prepare after each analysis */

    pthread_t *workers;
    unsigned n_workers;
    pthread_mutex_t mu;
    pthread_cond_t go, done;
    unsigned long gen;       /* bumped to start a phase */
    unsigned n_done;         /* workers finished with the current phase */
    int phase, quit;
    atomic_size_t next;      /* next slot to take */
};

static void do_slot(vg_batch *b, size_t i)
{
    slot *s = &b->slots[i];
    s->prep = NULL; /* a load empties the arena; an analysis makes it again */
    if (b->phase == PHASE_LOAD) s->st = vg_doc_load(s->doc, &s->in);
    else if (s->st == VG_OK && !s->skip) {
        s->st = vg_doc_analyze(s->doc);
        if (s->st == VG_OK && b->prepare) s->st = vg_prepare(s->doc, &s->prep);
    }
}

static void run_phase(vg_batch *b)
{
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n) break;
        do_slot(b, i);
    }
}

static void *worker(void *arg)
{
    vg_batch *b = arg;
    unsigned long seen = 0;
    pthread_mutex_lock(&b->mu);
    for (;;) {
        while (b->gen == seen && !b->quit) pthread_cond_wait(&b->go, &b->mu);
        if (b->quit) break;
        seen = b->gen;
        pthread_mutex_unlock(&b->mu);
        run_phase(b);
        pthread_mutex_lock(&b->mu);
        if (++b->n_done == b->n_workers) pthread_cond_signal(&b->done);
    }
    pthread_mutex_unlock(&b->mu);
    return NULL;
}

static void dispatch(vg_batch *b, int phase)
{
    b->phase = phase;
    atomic_store(&b->next, 0);
    if (!b->n_workers || b->n < 2) { run_phase(b); return; }
    pthread_mutex_lock(&b->mu);
    b->n_done = 0;
    b->gen++;
    pthread_cond_broadcast(&b->go);
    pthread_mutex_unlock(&b->mu);
    run_phase(b);
    pthread_mutex_lock(&b->mu);
    while (b->n_done < b->n_workers) pthread_cond_wait(&b->done, &b->mu);
    pthread_mutex_unlock(&b->mu);
}

vg_status vg_batch_create(const vg_env *env, unsigned threads, size_t capacity, vg_batch **out)
{
    *out = NULL;
    if (!env) return VG_ERR_ARG;
    if (threads == 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        threads = c > 0 ? (unsigned)c : 1;
    }
    if (threads > MAX_THREADS) threads = MAX_THREADS;
    vg_batch *b = vg_calloc(1, sizeof *b);
    if (!b) return VG_ERR_NOMEM;
    b->capacity = capacity ? capacity : DEFAULT_CAPACITY;
    b->slots = vg_calloc(b->capacity, sizeof *b->slots);
    b->chrome = vg_chrome_cache_new();
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->go, NULL);
    pthread_cond_init(&b->done, NULL);
    if (!b->slots || !b->chrome) { vg_batch_free(b); return VG_ERR_NOMEM; }
    for (size_t i = 0; i < b->capacity; i++) {
        vg_status st = vg_doc_create(env, &b->slots[i].doc);
        if (st != VG_OK) { vg_batch_free(b); return st; }
        b->slots[i].doc->pipe->chrome.cache = b->chrome;
        b->slots[i].doc->pipe->chrome.shared = 1;
    }
    if (threads > 1 && !(b->workers = vg_calloc(threads - 1, sizeof *b->workers))) { vg_batch_free(b); return VG_ERR_NOMEM; }
    for (unsigned t = 0; t + 1 < threads; t++) {
        if (pthread_create(&b->workers[t], NULL, worker, b) != 0) break; /* fewer threads still work */
        b->n_workers++;
    }
    *out = b;
    return VG_OK;
}

void vg_batch_free(vg_batch *b)
{
    if (!b) return;
    pthread_mutex_lock(&b->mu);
    b->quit = 1;
    pthread_cond_broadcast(&b->go);
    pthread_mutex_unlock(&b->mu);
    for (unsigned t = 0; t < b->n_workers; t++) pthread_join(b->workers[t], NULL);
    free(b->workers);
    for (size_t i = 0; b->slots && i < b->capacity; i++) {
        vg_doc_free(b->slots[i].doc);
        free(b->slots[i].store);
    }
    free(b->slots);
    vg_chrome_cache_free(b->chrome);
    pthread_cond_destroy(&b->go);
    pthread_cond_destroy(&b->done);
    pthread_mutex_destroy(&b->mu);
    free(b);
}

int vg_batch_full(const vg_batch *b) { return b->n >= b->capacity || b->bytes >= MAX_BATCH_BYTES; }
size_t vg_batch_count(const vg_batch *b) { return b->n; }
unsigned vg_batch_threads(const vg_batch *b) { return b->n_workers + 1; }

/* Copy src (n bytes, NUL added) into s->store at *off; the pointer is fixed up later. */
static size_t put(slot *s, size_t *off, const char *src, size_t n)
{
    size_t at = *off;
    memcpy(s->store + at, src, n);
    s->store[at + n] = 0;
    *off += n + 1;
    return at;
}

vg_status vg_batch_add(vg_batch *b, const vg_input *in)
{
    if (!in || vg_batch_full(b)) return VG_ERR_ARG;
    slot *s = &b->slots[b->n];
    const char *strs[] = {in->source, in->ext_id, in->format, in->content_type, in->title, in->url,
                          in->outlet, in->published, in->lang, in->charset};
    enum { NSTR = sizeof strs / sizeof strs[0] };
    size_t need = in->len + 1;
    for (size_t k = 0; k < NSTR; k++) need += strs[k] ? strlen(strs[k]) + 1 : 0;
    if (need > s->cap) {
        char *p = vg_realloc(s->store, need);
        if (!p) return VG_ERR_NOMEM;
        s->store = p;
        s->cap = need;
    }
    size_t off = 0, at[NSTR + 1];
    at[NSTR] = put(s, &off, in->data ? in->data : "", in->data ? in->len : 0);
    for (size_t k = 0; k < NSTR; k++) at[k] = strs[k] ? put(s, &off, strs[k], strlen(strs[k])) : (size_t)-1;
    const char **dst[] = {&s->in.source, &s->in.ext_id, &s->in.format, &s->in.content_type, &s->in.title,
                          &s->in.url, &s->in.outlet, &s->in.published, &s->in.lang, &s->in.charset};
    for (size_t k = 0; k < NSTR; k++) *dst[k] = at[k] == (size_t)-1 ? NULL : s->store + at[k];
    s->in.data = s->store + at[NSTR];
    s->in.len = in->len;
    s->in.record = in->record;
    s->st = VG_OK;
    s->skip = 0;
    s->prep = NULL;
    b->bytes += in->len;
    b->n++;
    return VG_OK;
}

void vg_batch_load(vg_batch *b)
{
    dispatch(b, PHASE_LOAD);
    /* Learn the outlet lines in input order, on this thread, for the batches to come. */
    for (size_t i = 0; i < b->n; i++) vg_chrome_learn(&b->slots[i].doc->pipe->chrome);
}

void vg_batch_skip(vg_batch *b, size_t i)
{
    if (i < b->n) b->slots[i].skip = 1;
}

int vg_batch_skipped(const vg_batch *b, size_t i) { return i < b->n && b->slots[i].skip; }

void vg_batch_analyze(vg_batch *b) { dispatch(b, PHASE_ANALYZE); }

void vg_batch_set_prepare(vg_batch *b, int on) { b->prepare = on != 0; }

vg_prepared *vg_batch_prepared(vg_batch *b, size_t i) { return i < b->n ? b->slots[i].prep : NULL; }

vg_doc *vg_batch_doc(vg_batch *b, size_t i, vg_status *st)
{
    if (i >= b->n) return NULL;
    if (st) *st = b->slots[i].st;
    return b->slots[i].doc;
}

const vg_input *vg_batch_input(const vg_batch *b, size_t i) { return i < b->n ? &b->slots[i].in : NULL; }

void vg_batch_clear(vg_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        slot *s = &b->slots[i];
        /* A slot that held a huge document gives the memory back. */
        if (s->cap > ((size_t)4 << 20)) { free(s->store); s->store = NULL; s->cap = 0; }
    }
    b->n = 0;
    b->bytes = 0;
}
