/* fetch.c - libcurl fetcher: robots.txt per host, per-host pacing, conditional GET, retries, caps. */
#include "fetch.h"

#include <curl/curl.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../core/alloc.h"
#include "../core/buf.h"
#include "robots.h"
#include "state.h"

enum { ROBOTS_TTL_MS = 24 * 3600 * 1000, MAX_HOSTS = 1024, MAX_ROBOTS_BODY = 512 * 1024, MAX_CRAWL_DELAY_MS = 60000, MAX_BACKOFF_MS = 60000 };

typedef struct host {
    char *origin;       /* scheme://host:port */
    long long last_ms;  /* monotonic time of the last request, 0 never */
    vg_robots *robots;  /* NULL until fetched */
    long long robots_ms; /* when it was fetched */
} host;

struct vg_fetcher {
    vg_fetch_opts o;
    char ua[256], agent[64];
    CURL *curl;
    vg_fetch_state *state;
    host hosts[MAX_HOSTS];
    size_t n_hosts, next_evict;
    /* the current transfer */
    vg_buf body;
    size_t cap;
    int over_cap, keep_truncated;
    char etag[512], lm[128], ctype[256], mime[128], charset[64], final_url[4096];
    long retry_after_ms; /* from a Retry-After header in seconds, -1 none */
    long long deadline;  /* monotonic ms when the caller's time budget ends; 0 none */
    int out_of_time;     /* the last vg_fetch_url stopped at the deadline */
    int budget_cut;      /* the current transfer's time-out is the deadline's */
    char err[512];
};

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds left before the deadline (LLONG_MAX without one). */
static long long time_left(const vg_fetcher *f)
{
    return f->deadline ? f->deadline - now_ms() : LLONG_MAX;
}

static void sleep_ms(long long ms)
{
    if (ms <= 0) return;
    struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
    /* a signal cuts the wait short: the caller checks its own flag */
    nanosleep(&ts, NULL);
}

void vg_fetch_opts_default(vg_fetch_opts *o)
{
    memset(o, 0, sizeof *o);
    o->connect_timeout_ms = 10000;
    o->timeout_ms = 30000;
    o->max_body = 8u << 20;
    o->max_redirects = 5;
    o->retries = 2;
    o->backoff_ms = 1000;
    o->min_interval_ms = 1000;
}

vg_status vg_fetcher_open(const vg_fetch_opts *o, vg_fetcher **out, char *err, size_t errlen)
{
    *out = NULL;
    static int global_done;
    if (!global_done) {
        /* not thread-safe in old libcurl: callers open fetchers from one thread */
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
            snprintf(err, errlen, "libcurl initialisation failed");
            return VG_ERR_NETWORK;
        }
        global_done = 1;
    }
    vg_fetcher *f = vg_calloc(1, sizeof *f);
    if (!f) return VG_ERR_NOMEM;
    if (o) f->o = *o;
    else vg_fetch_opts_default(&f->o);
    snprintf(f->ua, sizeof f->ua, "%s",
             f->o.user_agent ? f->o.user_agent : "vigie/" VG_VERSION " (+https://github.com/vigie/vigie)");
    snprintf(f->agent, sizeof f->agent, "%s", f->o.robots_agent ? f->o.robots_agent : "vigie");
    f->o.user_agent = f->o.robots_agent = f->o.state_path = NULL; /* not kept: caller's strings */
    vg_status st = vg_fetch_state_open(o ? o->state_path : NULL, &f->state, err, errlen);
    if (st != VG_OK) { vg_fetcher_close(f); return st; }
    f->curl = curl_easy_init();
    if (!f->curl) {
        snprintf(err, errlen, "libcurl: cannot create a handle");
        vg_fetcher_close(f);
        return VG_ERR_NOMEM;
    }
    *out = f;
    return VG_OK;
}

void vg_fetcher_close(vg_fetcher *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->n_hosts; i++) {
        free(f->hosts[i].origin);
        vg_robots_free(f->hosts[i].robots);
    }
    if (f->curl) curl_easy_cleanup(f->curl);
    vg_fetch_state_close(f->state);
    vg_buf_free(&f->body);
    free(f);
}

const char *vg_fetcher_error(const vg_fetcher *f) { return f->err; }


/* ---- curl callbacks ---- */

static size_t on_body(char *p, size_t size, size_t nmemb, void *ud)
{
    vg_fetcher *f = ud;
    size_t n = size * nmemb;
    if (f->body.len + n > f->cap) {
        f->over_cap = 1;
        if (f->keep_truncated) vg_buf_append(&f->body, p, f->cap - f->body.len);
        return 0; /* abort the transfer */
    }
    vg_buf_append(&f->body, p, n);
    return f->body.failed ? 0 : n;
}

static void header_value(const char *p, size_t n, size_t name_len, char *out, size_t outlen)
{
    const char *v = p + name_len, *e = p + n;
    while (v < e && (*v == ' ' || *v == '\t')) v++;
    while (e > v && (e[-1] == '\r' || e[-1] == '\n' || e[-1] == ' ')) e--;
    size_t l = (size_t)(e - v);
    if (l >= outlen) l = outlen - 1;
    memcpy(out, v, l);
    out[l] = 0;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *ud)
{
    vg_fetcher *f = ud;
    size_t n = size * nmemb;
    if (n >= 5 && memcmp(p, "HTTP/", 5) == 0) {
        /* a new response (after a redirect or 100-continue): forget the last one's headers */
        f->etag[0] = f->lm[0] = f->ctype[0] = 0;
    } else if (n > 5 && strncasecmp(p, "ETag:", 5) == 0) {
        header_value(p, n, 5, f->etag, sizeof f->etag);
    } else if (n > 14 && strncasecmp(p, "Last-Modified:", 14) == 0) {
        header_value(p, n, 14, f->lm, sizeof f->lm);
    } else if (n > 13 && strncasecmp(p, "Content-Type:", 13) == 0) {
        header_value(p, n, 13, f->ctype, sizeof f->ctype);
    } else if (n > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
        char v[32];
        header_value(p, n, 12, v, sizeof v);
        char *end;
        long secs = strtol(v, &end, 10); /* the HTTP-date form is rare: ignored */
        if (end != v && *end == 0 && secs >= 0) f->retry_after_ms = secs > 3600 ? 3600000L : secs * 1000;
    }
    return n;
}

/* ---- URLs and hosts ---- */

/* Splits url into origin "scheme://host:port" and "path?query". */
static vg_status split_url(const char *url, char *origin, size_t olen, char *path, size_t plen)
{
    if (strncasecmp(url, "http://", 7) != 0 && strncasecmp(url, "https://", 8) != 0) return VG_ERR_ARG;
    CURLU *u = curl_url();
    if (!u) return VG_ERR_NOMEM;
    vg_status st = VG_ERR_ARG;
    char *scheme = NULL, *hostname = NULL, *port = NULL, *p = NULL, *q = NULL;
    if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &hostname, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_PATH, &p, 0) == CURLUE_OK) {
        curl_url_get(u, CURLUPART_QUERY, &q, 0);
        snprintf(origin, olen, "%s://%s:%s", scheme, hostname, port);
        snprintf(path, plen, "%s%s%s", p, q ? "?" : "", q ? q : "");
        st = VG_OK;
    }
    curl_free(scheme);
    curl_free(hostname);
    curl_free(port);
    curl_free(p);
    curl_free(q);
    curl_url_cleanup(u);
    return st;
}

vg_status vg_fetch_resolve(const char *base, const char *link, char *out, size_t outlen)
{
    CURLU *u = curl_url();
    if (!u) return VG_ERR_NOMEM;
    char *full = NULL;
    vg_status st = VG_ERR_ARG;
    if (curl_url_set(u, CURLUPART_URL, base, 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_URL, link, 0) == CURLUE_OK && /* relative to the base set first */
        curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK && strlen(full) < outlen) {
        memcpy(out, full, strlen(full) + 1);
        st = VG_OK;
    }
    curl_free(full);
    curl_url_cleanup(u);
    return st;
}

static host *host_get(vg_fetcher *f, const char *origin)
{
    for (size_t i = 0; i < f->n_hosts; i++)
        if (strcmp(f->hosts[i].origin, origin) == 0) return &f->hosts[i];
    char *copy = vg_strdup(origin);
    if (!copy) return NULL;
    host *h;
    if (f->n_hosts < MAX_HOSTS) {
        h = &f->hosts[f->n_hosts++];
    } else {
        /* round-robin eviction: a forgotten host is paced and robots-checked again */
        h = &f->hosts[f->next_evict++ % MAX_HOSTS];
        free(h->origin);
        vg_robots_free(h->robots);
    }
    memset(h, 0, sizeof *h);
    h->origin = copy;
    return h;
}

static long host_interval(const vg_fetcher *f, const host *h)
{
    long iv = f->o.min_interval_ms;
    long cd = vg_robots_crawl_delay_ms(h->robots);
    if (cd > MAX_CRAWL_DELAY_MS) cd = MAX_CRAWL_DELAY_MS;
    return cd > iv ? cd : iv;
}

/* Waits for h's turn. -1 (and out_of_time) when the turn comes only after
 * the deadline: no request is made. */
static int pace(vg_fetcher *f, host *h)
{
    long long wait = h->last_ms ? h->last_ms + host_interval(f, h) - now_ms() : 0;
    if (time_left(f) <= (wait > 0 ? wait : 0)) {
        f->out_of_time = 1;
        return -1;
    }
    sleep_ms(wait);
    h->last_ms = now_ms();
    return 0;
}

/* One transfer. Returns the curl code; *status the HTTP status. */
static CURLcode transfer(vg_fetcher *f, const char *url, struct curl_slist *hdrs, size_t cap, long redirects,
                         long *status)
{
    CURL *c = f->curl;
    curl_easy_reset(c);
    vg_buf_clear(&f->body);
    f->body.failed = 0;
    f->over_cap = 0;
    f->cap = cap;
    f->etag[0] = f->lm[0] = f->ctype[0] = 0;
    f->retry_after_ms = -1;
    f->budget_cut = 0;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_USERAGENT, f->ua);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, redirects > 0 ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, redirects);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, f->o.connect_timeout_ms);
    /* the caller's budget cuts a transfer short; out_of_time says it did */
    long long left = time_left(f);
    if (left < f->o.timeout_ms) f->budget_cut = 1;
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, left < f->o.timeout_ms ? (long)(left > 1 ? left : 1) : f->o.timeout_ms);
    /* libcurl refuses a body whose Content-Length passes the cap before a
     * byte is read; a transfer that keeps its first cap bytes (robots.txt)
     * is cut by on_body instead */
    if (!f->keep_truncated) curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)cap);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* gzip/deflate/br as built; cap applies decoded */
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, f);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, f);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    CURLcode rc = curl_easy_perform(c);
    *status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, status);
    if (rc == CURLE_OPERATION_TIMEDOUT && f->budget_cut) f->out_of_time = 1;
    return rc;
}

/* robots.txt for h, fetched once per run: 2xx parsed (its first 512 KiB,
 * at least the 500 KiB RFC 9309 2.5 asks for; the rest is not read); 4xx allows all;
 * 5xx disallows all (RFC 9309 2.3.1); no answer at all is an error. */
static vg_status load_robots(vg_fetcher *f, host *h)
{
    char url[4200];
    snprintf(url, sizeof url, "%s/robots.txt", h->origin);
    if (pace(f, h)) return VG_ERR_TIMEOUT;
    f->keep_truncated = 1;
    long status;
    CURLcode rc = transfer(f, url, NULL, MAX_ROBOTS_BODY, 5, &status);
    f->keep_truncated = 0;
    if (f->out_of_time) return VG_ERR_TIMEOUT;
    if ((rc == CURLE_OK || (rc == CURLE_WRITE_ERROR && f->over_cap)) && status >= 200 && status < 300)
        return vg_robots_parse(f->body.data ? f->body.data : "", f->body.len, f->agent, &h->robots);
    if (rc == CURLE_OK && status >= 400 && status < 500) return vg_robots_all(1, &h->robots);
    if (rc != CURLE_OK) {
        /* host unreachable: say so rather than "disallowed"; asked again next time */
        snprintf(f->err, sizeof f->err, "%.300s: %s", url, curl_easy_strerror(rc));
        return VG_ERR_NETWORK;
    }
    return vg_robots_all(0, &h->robots);
}

static int retryable(CURLcode rc, long status)
{
    if (rc == CURLE_OK) return status >= 500 || status == 429 || status == 408;
    return rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_COULDNT_CONNECT || rc == CURLE_RECV_ERROR ||
           rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE;
}

static void parse_ctype(vg_fetcher *f)
{
    size_t i = 0;
    const char *v = f->ctype;
    while (v[i] && v[i] != ';' && v[i] != ' ' && i + 1 < sizeof f->mime) {
        f->mime[i] = (char)((v[i] >= 'A' && v[i] <= 'Z') ? v[i] + 32 : v[i]);
        i++;
    }
    f->mime[i] = 0;
    f->charset[0] = 0;
    for (const char *c = v; *c; c++) {
        if (strncasecmp(c, "charset=", 8) != 0) continue;
        c += 8;
        if (*c == '"') c++;
        size_t j = 0;
        while (c[j] && c[j] != ';' && c[j] != '"' && c[j] != ' ' && j + 1 < sizeof f->charset) {
            f->charset[j] = c[j];
            j++;
        }
        f->charset[j] = 0;
        break;
    }
}

/* Host record for url, its robots.txt loaded (or reloaded after 24 hours,
 * RFC 9309 2.4); *allowed says whether url may be fetched. */
static vg_status check_robots(vg_fetcher *f, const char *url, host **hp, int *allowed)
{
    char origin[1024], path[4096];
    vg_status st = split_url(url, origin, sizeof origin, path, sizeof path);
    if (st != VG_OK) {
        snprintf(f->err, sizeof f->err, "%.200s: not an http(s) URL", url);
        return st;
    }
    host *h = host_get(f, origin);
    if (!h) return VG_ERR_NOMEM;
    *hp = h;
    *allowed = 1;
    if (f->o.ignore_robots) return VG_OK;
    if (h->robots && now_ms() - h->robots_ms > ROBOTS_TTL_MS) {
        vg_robots_free(h->robots);
        h->robots = NULL;
    }
    if (!h->robots) {
        if ((st = load_robots(f, h)) != VG_OK) return st;
        h->robots_ms = now_ms();
    }
    *allowed = vg_robots_allowed(h->robots, path);
    return VG_OK;
}

void vg_fetcher_set_budget(vg_fetcher *f, long ms) { f->deadline = ms > 0 ? now_ms() + ms : 0; }

int vg_fetcher_out_of_time(const vg_fetcher *f) { return f->out_of_time; }

/* The message and status of a fetch stopped by the caller's time budget. */
static vg_status out_of_time(vg_fetcher *f, const char *url)
{
    f->out_of_time = 1;
    snprintf(f->err, sizeof f->err, "%.300s: the time budget ran out", url);
    return VG_ERR_TIMEOUT;
}

vg_status vg_fetch_url(vg_fetcher *f, const char *url, unsigned flags, vg_fetch_result *res)
{
    memset(res, 0, sizeof *res);
    f->err[0] = 0;
    f->out_of_time = 0;
    if (strlen(url) >= sizeof f->final_url) {
        snprintf(f->err, sizeof f->err, "URL too long");
        return VG_ERR_ARG;
    }
    vg_status st;
    if ((flags & VG_FETCH_ONCE) && vg_fetch_state_seen(f->state, url)) {
        res->outcome = VG_FETCH_SEEN;
        return VG_OK;
    }
    struct curl_slist *hdrs = NULL;
    if (flags & VG_FETCH_CONDITIONAL) {
        char etag[512], lm[128], line[700];
        if (vg_fetch_state_validators(f->state, url, etag, sizeof etag, lm, sizeof lm) != VG_OK) {
            snprintf(f->err, sizeof f->err, "fetch state unreadable");
            return VG_ERR_DB;
        }
        if (etag[0]) { snprintf(line, sizeof line, "If-None-Match: %s", etag); hdrs = curl_slist_append(hdrs, line); }
        if (lm[0]) { snprintf(line, sizeof line, "If-Modified-Since: %s", lm); hdrs = curl_slist_append(hdrs, line); }
    }
    /* redirects are followed here, not by libcurl, so that every hop is
     * checked against its own host's robots.txt and paced like any request */
    snprintf(f->final_url, sizeof f->final_url, "%s", url);
    res->final_url = f->final_url;
    CURLcode rc = CURLE_OK;
    long status = 0;
    int attempt = 0, hops = 0;
    long long waited_out = 0; /* a retry not made: its wait passed the budget */
    for (;; hops++) {
        host *h = NULL;
        int allowed = 1;
        if ((st = check_robots(f, f->final_url, &h, &allowed)) != VG_OK) {
            curl_slist_free_all(hdrs);
            if (f->out_of_time) return out_of_time(f, url);
            if (hops) snprintf(f->err + strlen(f->err), sizeof f->err - strlen(f->err), " (redirected from %.200s)", url);
            return st;
        }
        if (!allowed) {
            curl_slist_free_all(hdrs);
            res->outcome = VG_FETCH_DISALLOWED;
            return VG_OK;
        }
        for (attempt = 0;; attempt++) {
            if (pace(f, h)) { curl_slist_free_all(hdrs); return out_of_time(f, url); }
            rc = transfer(f, f->final_url, hdrs, f->o.max_body, 0, &status);
            if (f->out_of_time) { curl_slist_free_all(hdrs); return out_of_time(f, url); }
            if (!retryable(rc, status) || attempt >= f->o.retries) break;
            long long wait = f->o.backoff_ms;
            for (int i = 0; i < attempt && wait < MAX_BACKOFF_MS; i++) wait *= 2;
            /* the server's own Retry-After when it asks for longer (still capped) */
            if (f->retry_after_ms > wait) wait = f->retry_after_ms;
            if (wait > MAX_BACKOFF_MS) wait = MAX_BACKOFF_MS;
            /* a wait past the caller's budget is not shortened (retrying sooner
             * than asked is impolite): this attempt's answer stands */
            if (wait >= time_left(f)) { waited_out = wait; break; }
            sleep_ms(wait);
        }
        char *next = NULL;
        if (rc != CURLE_OK || status < 300 || status > 399 ||
            curl_easy_getinfo(f->curl, CURLINFO_REDIRECT_URL, &next) != CURLE_OK || !next)
            break;
        if (hops >= f->o.max_redirects) { rc = CURLE_TOO_MANY_REDIRECTS; break; }
        if (strncasecmp(next, "http://", 7) != 0 && strncasecmp(next, "https://", 8) != 0) {
            rc = CURLE_UNSUPPORTED_PROTOCOL;
            break;
        }
        if (strlen(next) >= sizeof f->final_url) {
            curl_slist_free_all(hdrs);
            snprintf(f->err, sizeof f->err, "%.300s: redirect URL too long", url);
            return VG_ERR_ARG;
        }
        snprintf(f->final_url, sizeof f->final_url, "%s", next);
    }
    curl_slist_free_all(hdrs);
    res->attempts = attempt + 1;
    res->http_status = status;
    if (rc == CURLE_FILESIZE_EXCEEDED || (rc == CURLE_WRITE_ERROR && f->over_cap)) {
        snprintf(f->err, sizeof f->err, "%.300s: body larger than %zu bytes", url, f->o.max_body);
        return VG_ERR_TOO_LARGE;
    }
    if (rc == CURLE_TOO_MANY_REDIRECTS) {
        snprintf(f->err, sizeof f->err, "%.300s: more than %ld redirects", url, f->o.max_redirects);
        return VG_ERR_LOOP;
    }
    if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
        snprintf(f->err, sizeof f->err, "%.300s: redirected to a non-http(s) URL", url);
        return VG_ERR_ARG;
    }
    char why_not[96] = "";
    if (waited_out)
        snprintf(why_not, sizeof why_not, "; not retried: a %lld s wait passes the time budget", (waited_out + 999) / 1000);
    if (rc != CURLE_OK) {
        snprintf(f->err, sizeof f->err, "%.300s: %s (%d attempt%s%s)", url, curl_easy_strerror(rc), attempt + 1,
                 attempt ? "s" : "", why_not);
        return VG_ERR_NETWORK;
    }
    if (status == 304 && (flags & VG_FETCH_CONDITIONAL)) {
        res->outcome = VG_FETCH_NOT_MODIFIED;
        return VG_OK;
    }
    if (status < 200 || status > 299) {
        snprintf(f->err, sizeof f->err, "%.300s: HTTP %ld (%d attempt%s%s)", url, status, attempt + 1, attempt ? "s" : "",
                 why_not);
        return status == 404 || status == 410 ? VG_ERR_NOT_FOUND : VG_ERR_NETWORK;
    }
    if (f->body.failed) return VG_ERR_NOMEM;
    parse_ctype(f);
    res->outcome = VG_FETCH_OK;
    res->body = f->body.data ? f->body.data : "";
    res->len = f->body.len;
    res->content_type = f->mime;
    res->charset = f->charset[0] ? f->charset : NULL;
    res->etag = f->etag;
    res->last_modified = f->lm;
    return VG_OK;
}

vg_status vg_fetch_save_validators(vg_fetcher *f, const char *url, const char *etag, const char *last_modified)
{
    if (vg_fetch_state_set_validators(f->state, url, etag, last_modified) == VG_OK) return VG_OK;
    snprintf(f->err, sizeof f->err, "cannot write the fetch state");
    return VG_ERR_DB;
}

vg_status vg_fetch_mark_done(vg_fetcher *f, const char *url)
{
    if (vg_fetch_state_mark_seen(f->state, url) == VG_OK) return VG_OK;
    snprintf(f->err, sizeof f->err, "cannot write the fetch state");
    return VG_ERR_DB;
}
