/* fetch.h - polite HTTP(S) fetching: robots.txt, per-host pacing, conditional GET, retries, limits. */
#ifndef VG_FETCH_H
#define VG_FETCH_H
#include <stddef.h>

#include "vigie.h"

typedef struct vg_fetcher vg_fetcher;

typedef struct vg_fetch_opts {
    const char *user_agent;   /* NULL: "vigie/VERSION (+https://github.com/vigie/vigie)" */
    const char *robots_agent; /* product token matched in robots.txt; NULL: "vigie" */
    const char *state_path;   /* SQLite file for validators and done URLs; NULL: memory */
    long connect_timeout_ms;
    long timeout_ms;          /* whole transfer */
    size_t max_body;          /* bytes; a larger body is an error */
    long max_redirects;
    int retries;              /* extra attempts on 5xx, 429, time-outs, connection errors */
    long backoff_ms;          /* first retry delay; doubles each time (capped at 60 s) */
    long min_interval_ms;     /* between two requests to one host (robots Crawl-delay may raise it, up to 60 s) */
    int ignore_robots;        /* for tests and explicit user choice only */
} vg_fetch_opts;

/* Defaults: 10 s connect, 30 s total, 8 MiB, 5 redirects, 2 retries, 1 s
 * back-off, 1 s between requests to a host. */
void vg_fetch_opts_default(vg_fetch_opts *o);

/* On failure *out is NULL and err says why. */
vg_status vg_fetcher_open(const vg_fetch_opts *o, vg_fetcher **out, char *err, size_t errlen);
void vg_fetcher_close(vg_fetcher *f); /* accepts NULL */

enum {
    VG_FETCH_CONDITIONAL = 1, /* send the stored ETag / Last-Modified (vg_fetch_save_validators) */
    VG_FETCH_ONCE = 2         /* skip a URL marked done (vg_fetch_mark_done) */
};

typedef enum vg_fetch_outcome {
    VG_FETCH_OK,            /* 2xx: body holds the content */
    VG_FETCH_NOT_MODIFIED,  /* 304 on a conditional request */
    VG_FETCH_SEEN,          /* VG_FETCH_ONCE and done before: no request made */
    VG_FETCH_DISALLOWED     /* robots.txt says no: no request made */
} vg_fetch_outcome;

/* Owned by the fetcher, valid until the next vg_fetch_url() or close. */
typedef struct vg_fetch_result {
    vg_fetch_outcome outcome;
    long http_status;
    const char *body;         /* NUL-terminated for convenience */
    size_t len;
    const char *content_type; /* lower-case MIME type, "" when none */
    const char *charset;      /* from Content-Type, NULL when none */
    const char *final_url;    /* after redirects */
    const char *etag, *last_modified; /* the response's validators, "" when none */
    int attempts;
} vg_fetch_result;

/* VG_OK with res->outcome. Errors (vg_fetcher_error() says why):
 * VG_ERR_ARG (not an http/https URL), VG_ERR_TOO_LARGE (body past max_body),
 * VG_ERR_LOOP (too many redirects), VG_ERR_NOT_FOUND (404/410),
 * VG_ERR_NETWORK (time-out, connection, other HTTP status, after retries),
 * VG_ERR_TIMEOUT (the budget of vg_fetcher_set_budget ran out), VG_ERR_DB (state file). */
vg_status vg_fetch_url(vg_fetcher *f, const char *url, unsigned flags, vg_fetch_result *res);
const char *vg_fetcher_error(const vg_fetcher *f);
/* A time budget for what follows (a watch round): from now on no request
 * starts, no pacing wait or retry wait runs and no transfer lasts past now +
 * ms; a retry whose wait (back-off or Retry-After) would pass it is not made.
 * A fetch stopped by it returns VG_ERR_TIMEOUT and vg_fetcher_out_of_time()
 * says 1. ms <= 0: no budget. */
void vg_fetcher_set_budget(vg_fetcher *f, long ms);
int vg_fetcher_out_of_time(const vg_fetcher *f);
/* Remember url as done: VG_FETCH_ONCE skips it from now on. Separate from
 * vg_fetch_url so that a caller marks a page done only once what it made of
 * it is safely stored (a crash in between fetches it again). VG_ERR_DB when
 * the state file cannot be written. */
vg_status vg_fetch_mark_done(vg_fetcher *f, const char *url);
/* Keep a response's validators for the next VG_FETCH_CONDITIONAL request of
 * url; the caller saves them once it has used the content (a feed whose
 * items were not all handled is then fetched whole again, not answered 304). */
vg_status vg_fetch_save_validators(vg_fetcher *f, const char *url, const char *etag, const char *last_modified);
/* Resolve a link found in a page or feed against the URL it came from (an
 * absolute link comes back as it is). VG_ERR_ARG when it does not resolve or
 * does not fit in outlen. */
vg_status vg_fetch_resolve(const char *base, const char *link, char *out, size_t outlen);

#endif
