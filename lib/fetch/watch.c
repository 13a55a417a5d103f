/* watch.c - one round of feed watching: every feed fetched (conditional GET) and
 * parsed, then each new item's page fetched once, loaded, analysed and stored.
 * Each page's article is committed before its URL is marked done. The caller
 * (the CLI's `watch`, or an embedding program) decides when rounds run and
 * prints what the callback tells it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "vigie.h"
#include "fetch.h"
#include "../core/arena.h"
#include "../formats/formats.h"

struct vg_watch {
    vg_fetcher *fetch;
    vg_db *db;
    vg_doc *doc;
    vg_watch_cb cb;
    void *ud;
    vg_watch_counts *c;
    int stop;            /* the callback asked to stop the round */
    int out_of_time;     /* the round's time budget ran out */
    long round_timeout_ms;
    int queue;              /* pages queued for workers, not analysed here (vg_watch_opts) */
    char err[4096 + 1024]; /* a URL and a database message */
};

void vg_watch_opts_default(vg_watch_opts *o)
{
    vg_fetch_opts fo;
    vg_fetch_opts_default(&fo);
    memset(o, 0, sizeof *o);
    o->min_interval_ms = fo.min_interval_ms;
    o->timeout_ms = fo.timeout_ms;
    o->retries = fo.retries;
    o->max_bytes = fo.max_body;
    o->max_redirects = fo.max_redirects;
}

vg_status vg_watch_open(const vg_env *env, vg_db *db, const vg_watch_opts *o, vg_watch **out, char *err, size_t errlen)
{
    *out = NULL;
    if (errlen) err[0] = 0;
    if (!env || !db || !o) return VG_ERR_ARG;
    vg_watch *w = vg_calloc(1, sizeof *w);
    if (!w) return VG_ERR_NOMEM;
    w->db = db;
    vg_fetch_opts fo;
    vg_fetch_opts_default(&fo);
    fo.state_path = o->state_path;
    fo.min_interval_ms = o->min_interval_ms;
    fo.timeout_ms = o->timeout_ms;
    if (o->timeout_ms < fo.connect_timeout_ms) fo.connect_timeout_ms = o->timeout_ms;
    fo.retries = o->retries > 10 ? 10 : o->retries;
    fo.max_body = o->max_bytes;
    fo.max_redirects = o->max_redirects;
    w->round_timeout_ms = o->round_timeout_ms;
    w->queue = o->queue;
    vg_status st = vg_fetcher_open(&fo, &w->fetch, err, errlen);
    if (st == VG_OK) st = vg_doc_create(env, &w->doc);
    if (st != VG_OK) {
        if (errlen && !err[0]) snprintf(err, errlen, "%s", vg_strerror(st));
        vg_watch_close(w);
        return st;
    }
    *out = w;
    return VG_OK;
}

void vg_watch_close(vg_watch *w)
{
    if (!w) return;
    vg_doc_free(w->doc);
    vg_fetcher_close(w->fetch);
    free(w);
}

const char *vg_watch_error(const vg_watch *w) { return w ? w->err : ""; }

static void tell(vg_watch *w, vg_watch_event ev, const char *url, const char *detail)
{
    if (w->cb && w->cb(ev, url, detail, w->c, w->ud)) w->stop = 1;
}

/* A rejected item goes to the store's rejects table. -1 when the store fails. */
static int reject(vg_watch *w, const char *url, const char *why)
{
    w->c->rejected++;
    tell(w, VG_WATCH_REJECTED, url, why);
    char reason[1200];
    snprintf(reason, sizeof reason, "%s: %s", url, why);
    if (vg_db_reject(w->db, url, reason) == VG_OK) return 0;
    snprintf(w->err, sizeof w->err, "cannot record %.4000s: %.1000s", url, vg_db_error(w->db));
    return -1;
}

/* A fetched page's outcome (its article or its rejection) is committed,
 * then its URL marked done, in that order: a round killed or failing before
 * the commit leaves the URL to be fetched again, never marked done without
 * its article. A commit per page costs little next to the fetch it follows. */
static int commit_done(vg_watch *w, const char *url)
{
    if (vg_db_commit(w->db) != VG_OK) {
        snprintf(w->err, sizeof w->err, "cannot store %.4000s: %.1000s", url, vg_db_error(w->db));
        return -1;
    }
    if (vg_fetch_mark_done(w->fetch, url) != VG_OK) {
        snprintf(w->err, sizeof w->err, "%.4000s: %.1000s", url, vg_fetcher_error(w->fetch));
        return -1;
    }
    return 0;
}

/* Fetch one item's page and store it. -1 only when the database fails. */
static int do_item(vg_watch *w, const char *feed_url, const vg_feed_item *it)
{
    char link[4096];
    w->c->items++;
    /* feeds may give links relative to themselves */
    if (vg_fetch_resolve(feed_url, it->link, link, sizeof link) != VG_OK)
        return reject(w, it->link, "link does not resolve to a URL");
    tell(w, VG_WATCH_ITEM, link, NULL);
    vg_fetch_result res;
    vg_status st = vg_fetch_url(w->fetch, link, VG_FETCH_ONCE, &res);
    if (st == VG_ERR_TIMEOUT && vg_fetcher_out_of_time(w->fetch)) {
        w->c->items--; /* not reached: left for the next round */
        w->out_of_time = 1;
        return 0;
    }
    if (st != VG_OK) return reject(w, link, vg_fetcher_error(w->fetch));
    if (res.outcome == VG_FETCH_SEEN) { w->c->seen++; return 0; }
    if (res.outcome == VG_FETCH_DISALLOWED) {
        w->c->robots++;
        tell(w, VG_WATCH_ROBOTS, link, "disallowed by robots.txt");
        return 0;
    }
    vg_input in;
    memset(&in, 0, sizeof in);
    in.source = link;
    in.ext_id = it->id ? it->id : link;
    in.format = "html";
    in.content_type = strcmp(res.content_type, "text/plain") == 0 ? "text" : "html";
    in.data = res.body;
    in.len = res.len;
    in.url = res.final_url;
    in.title = it->title;
    in.published = it->published;
    in.charset = res.charset;
    if (w->queue) { /* the workers load, analyse and store it; counted as stored */
        int added = 0;
        if (vg_queue_add(w->db, &in, &added) != VG_OK || vg_db_commit(w->db) != VG_OK || commit_done(w, link) != 0) {
            if (!w->err[0]) snprintf(w->err, sizeof w->err, "cannot queue %.4000s: %.1000s", link, vg_db_error(w->db));
            return -1;
        }
        if (added) w->c->stored++;
        else w->c->present++;
        return 0;
    }
    st = vg_doc_load(w->doc, &in);
    if (st == VG_OK) st = vg_doc_analyze(w->doc);
    if (st != VG_OK) return reject(w, link, vg_doc_error(w->doc)) ? -1 : commit_done(w, link);
    vg_put_result put;
    if (vg_db_put(w->db, w->doc, &put) != VG_OK || commit_done(w, link) != 0) {
        if (!w->err[0]) snprintf(w->err, sizeof w->err, "cannot store %.4000s: %.1000s", link, vg_db_error(w->db));
        return -1;
    }
    if (put == VG_PUT_STORED) w->c->stored++;
    else if (put == VG_PUT_DUPLICATE) { w->c->stored++; w->c->dup++; }
    else w->c->present++;
    return 0;
}

/* A feed's items for this round, kept until its pages are fetched. */
typedef struct feed_round {
    const char *url;
    vg_arena *arena;
    vg_feed_item *items;
    size_t n, done;      /* items, items handled */
    char etag[512], lm[128]; /* saved once every item is handled */
} feed_round;

/* One feed: conditional GET and parse into fr. 0 also when the feed is
 * unchanged or failed (fr->n == 0); -1 out of memory. */
static int load_feed(vg_watch *w, const char *url, feed_round *fr)
{
    memset(fr, 0, sizeof *fr);
    fr->url = url;
    w->c->feeds++;
    tell(w, VG_WATCH_FEED, url, NULL);
    vg_fetch_result res;
    vg_status st = vg_fetch_url(w->fetch, url, VG_FETCH_CONDITIONAL, &res);
    if (st == VG_ERR_TIMEOUT && vg_fetcher_out_of_time(w->fetch)) {
        w->out_of_time = 1;
        return 0;
    }
    if (st != VG_OK || res.outcome == VG_FETCH_DISALLOWED) {
        w->c->feeds_failed++;
        tell(w, VG_WATCH_FEED_FAILED, url, st != VG_OK ? vg_fetcher_error(w->fetch) : "disallowed by robots.txt");
        return 0;
    }
    if (res.outcome == VG_FETCH_NOT_MODIFIED) {
        w->c->feeds_unchanged++;
        tell(w, VG_WATCH_FEED_UNCHANGED, url, "not modified");
        return 0;
    }
    /* items live in their own arena: the fetch buffer is reused by the page fetches */
    if (!(fr->arena = vg_arena_new(64 * 1024))) {
        snprintf(w->err, sizeof w->err, "out of memory reading %s", url);
        return -1;
    }
    snprintf(fr->etag, sizeof fr->etag, "%s", res.etag);
    snprintf(fr->lm, sizeof fr->lm, "%s", res.last_modified);
    char err[512];
    st = vg_feed_parse(fr->arena, res.body, res.len, &fr->items, &fr->n, NULL, err, sizeof err);
    if (st != VG_OK) {
        w->c->feeds_failed++;
        tell(w, VG_WATCH_FEED_FAILED, url, err);
        fr->n = 0;
        if (st == VG_ERR_NOMEM) { snprintf(w->err, sizeof w->err, "out of memory reading %s", url); return -1; }
        return 0;
    }
    char n[32];
    snprintf(n, sizeof n, "%zu items", fr->n);
    tell(w, VG_WATCH_FEED_ITEMS, url, n);
    return 0;
}

/* Every feed first, then their pages taking one item from each feed in turn,
 * so that the per-host wait of one site overlaps with requests to the others
 * (feeds are mostly one host each). */
vg_status vg_watch_round(vg_watch *w, const char *const *feeds, size_t n_feeds, vg_watch_cb cb, void *ud,
                         vg_watch_counts *counts)
{
    if (!w || (!feeds && n_feeds) || !counts) return VG_ERR_ARG;
    memset(counts, 0, sizeof *counts);
    w->cb = cb;
    w->ud = ud;
    w->c = counts;
    w->stop = 0;
    w->out_of_time = 0;
    w->err[0] = 0;
    vg_fetcher_set_budget(w->fetch, w->round_timeout_ms);
    feed_round *fr = vg_calloc(n_feeds ? n_feeds : 1, sizeof *fr);
    if (!fr) return VG_ERR_NOMEM;
    int rc = 0;
    size_t most = 0;
    for (size_t i = 0; i < n_feeds && !w->stop && !w->out_of_time && rc == 0; i++) {
        rc = load_feed(w, feeds[i], &fr[i]);
        if (fr[i].n > most) most = fr[i].n;
    }
    for (size_t k = 0; k < most && !w->stop && !w->out_of_time && rc == 0; k++)
        for (size_t i = 0; i < n_feeds && !w->stop && !w->out_of_time && rc == 0; i++) {
            if (k >= fr[i].n) continue;
            if (fr[i].items[k].link) rc = do_item(w, fr[i].url, &fr[i].items[k]);
            if (rc == 0 && !w->out_of_time) fr[i].done++;
        }
    if (w->out_of_time && rc == 0) {
        counts->out_of_time = 1;
        for (size_t i = 0; i < n_feeds; i++) counts->left += (long)(fr[i].n - fr[i].done);
        char left[96];
        snprintf(left, sizeof left, "%ld items left for the next round", counts->left);
        tell(w, VG_WATCH_OUT_OF_TIME, "", left);
    }
    /* a feed's validators only once all its items are handled: a round cut
     * short gets the whole feed again next time, not a 304 hiding the rest */
    for (size_t i = 0; i < n_feeds && rc == 0; i++)
        if (fr[i].arena && fr[i].done == fr[i].n && vg_fetch_save_validators(w->fetch, fr[i].url, fr[i].etag, fr[i].lm) != VG_OK) {
            snprintf(w->err, sizeof w->err, "%.4000s: %.1000s", fr[i].url, vg_fetcher_error(w->fetch));
            rc = -1;
        }
    for (size_t i = 0; i < n_feeds; i++) vg_arena_free(fr[i].arena);
    free(fr);
    return rc ? VG_ERR_DB : VG_OK;
}
