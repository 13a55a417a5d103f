/* http.c - vg_serve_start / vg_serve_stop: libmicrohttpd's thread pool, one read-only
 * database connection per thread, and what every answer gets on its way out
 * (ETag and 304, gzip, the security headers). The routes are in router.c. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <zlib.h>

#include "serve.h"
#include "../core/alloc.h"
#include "../core/hash.h"

/* Tuned numbers of the server, with why.
 * - MIN_GZIP: below a few hundred bytes gzip's 18-byte frame and the CPU
 *   buy nothing (an /api/health answer is ~150 bytes).
 * - CONN_MEMORY: per-connection buffer for the request line and headers;
 *   must hold VG_SV_MAX_TARGET (a longer target is answered 414 by
 *   libmicrohttpd itself) plus ordinary browser headers.
 * - CONN_TIMEOUT_S: an idle keep-alive connection is closed after this.
 * - MAX_CONNECTIONS: bounds memory (a pool thread serves its connections
 *   in turn; wrk's 64 connections fit). */
#define MIN_GZIP 512
#define CONN_MEMORY (64 * 1024)
#define CONN_TIMEOUT_S 30
#define MAX_CONNECTIONS 512

static const char csp[] = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
                          " frame-ancestors 'none'; form-action 'none'";

struct vg_server {
    struct MHD_Daemon *d;
    char *db_path;
    char db_name[512]; /* db_path as shown in messages (vg_db_name: no password) */
    const vg_env *env;
    char *token;
    long query_ms;
    unsigned port;
    pthread_mutex_t lock;
    vg_db **dbs; /* every thread's connection, closed by vg_serve_stop */
    size_t n_dbs, cap_dbs;
};

/* Answers kept by each pool thread, keyed by the request target and the
 * database's version on the thread's connection (vg_db_version moves when
 * an ingest commits): asked again before the next commit, an answer is sent
 * as it was, without a query. The timeline's stats over a million events
 * take seconds; a browser and its users ask for the same ones again and
 * again. CACHE_SLOTS answers of at most CACHE_MAX_BODY bytes each per
 * thread (so at most 16 x 2 MiB per thread), replaced in turn. */
#define CACHE_SLOTS 16
#define CACHE_MAX_BODY (2 * 1024 * 1024)

typedef struct cached {
    char *target;
    int64_t version;
    vg_sv_answer a;   /* status 200, its body, type and headers */
    char etag[24];
} cached;

/* What each pool thread keeps: its connection (closed by vg_serve_stop,
 * which holds the list) and its cache (freed when the thread ends). */
typedef struct thread_state {
    const vg_server *owner;
    vg_db *db;
    char db_error[512];
    cached cache[CACHE_SLOTS];
    size_t next;
} thread_state;

static pthread_key_t state_key;
static pthread_once_t state_once = PTHREAD_ONCE_INIT;

static void free_state(void *p)
{
    thread_state *t = p;
    for (size_t i = 0; i < CACHE_SLOTS; i++) {
        free(t->cache[i].target);
        vg_buf_free(&t->cache[i].a.body);
    }
    free(t);
}

static void make_key(void) { pthread_key_create(&state_key, free_state); }

static thread_state *state(void)
{
    pthread_once(&state_once, make_key);
    thread_state *t = pthread_getspecific(state_key);
    if (!t && (t = vg_calloc(1, sizeof *t)) != NULL) pthread_setspecific(state_key, t);
    return t;
}

/* An answer's ETag hash: its bytes eight at a time, then vg_hash64's
 * finaliser (vg_hash64 itself, FNV-1a, takes a byte at a time: hashing an
 * uncached page of 100 events, 77 KB, twice was 15% of its time). */
static uint64_t body_hash(const unsigned char *p, size_t n)
{
    uint64_t h = 0x76696769ULL ^ ((uint64_t)n * 0x9e3779b97f4a7c15ULL);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h ^= w * 0x87c37b91114253d5ULL;
        h = (h << 31 | h >> 33) * 0x4cf5ad432745937fULL;
    }
    uint64_t tail = 0;
    for (size_t k = 0; i + k < n; k++) tail |= (uint64_t)p[i + k] << (8 * k);
    return vg_hash64_end(h ^ tail * 0x87c37b91114253d5ULL);
}

static cached *cache_find(thread_state *t, const char *target, int64_t version)
{
    for (size_t i = 0; i < CACHE_SLOTS; i++)
        if (t->cache[i].target && t->cache[i].version == version && !strcmp(t->cache[i].target, target))
            return &t->cache[i];
    return NULL;
}

/* a kept in the cache; the entry (whose etag is a's), or NULL when not kept. */
static const cached *cache_put(thread_state *t, const char *target, int64_t version, vg_sv_answer *a)
{
    if (a->status != 200 || a->fixed || a->body.len > CACHE_MAX_BODY || a->body.failed) return NULL;
    cached *c = &t->cache[t->next++ % CACHE_SLOTS];
    free(c->target);
    vg_buf_free(&c->a.body);
    c->target = vg_strdup(target);
    if (!c->target) return NULL;
    c->version = version;
    c->a = *a;
    c->a.body = (vg_buf)VG_BUF_INIT;
    vg_buf_append(&c->a.body, a->body.data, a->body.len);
    char hex[17];
    vg_hash_hex(body_hash((const unsigned char *)a->body.data, a->body.len), hex);
    snprintf(c->etag, sizeof c->etag, "\"%s\"", hex);
    if (c->a.body.failed) { free(c->target); c->target = NULL; vg_buf_free(&c->a.body); return NULL; }
    return c;
}

/* The answer from the cache into a (pointing at the cache's bytes: valid
 * until this thread's next request). */
static void cache_answer(const cached *c, vg_sv_answer *a)
{
    *a = c->a;
    a->body = (vg_buf)VG_BUF_INIT;
    a->fixed = (const unsigned char *)c->a.body.data;
    a->fixed_len = c->a.body.len;
    a->etag = c->etag;
}

static vg_db *thread_db(vg_server *s, thread_state *t, const char **err)
{
    if (t->owner == s && t->db) return t->db;
    vg_db *db = NULL;
    vg_status st = vg_db_open(s->db_path, VG_DB_READONLY, &db);
    if (st != VG_OK) {
        snprintf(t->db_error, sizeof t->db_error, "database: %s", vg_db_error(db));
        vg_db_close(db);
        *err = t->db_error;
        return NULL;
    }
    vg_db_set_query_budget(db, s->query_ms, 0);
    pthread_mutex_lock(&s->lock);
    if (s->n_dbs == s->cap_dbs) {
        size_t cap = s->cap_dbs ? s->cap_dbs * 2 : 8;
        vg_db **n = realloc(s->dbs, cap * sizeof *n);
        if (!n) {
            pthread_mutex_unlock(&s->lock);
            vg_db_close(db);
            *err = "database: out of memory";
            return NULL;
        }
        s->dbs = n;
        s->cap_dbs = cap;
    }
    s->dbs[s->n_dbs++] = db;
    pthread_mutex_unlock(&s->lock);
    t->db = db;
    t->owner = s;
    return db;
}

/* The raw request target ("/api/events?x=1"), kept before libmicrohttpd
 * decodes it: params.c is the one decoder; called: the access handler saw
 * the request once (on_request answers at its second call). */
typedef struct request { char *target; size_t len; int called; } request;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    request *r = vg_calloc(1, sizeof *r);
    if (!r) return NULL;
    r->len = strlen(uri);
    r->target = vg_strdup(uri);
    return r;
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
    (void)cls;
    (void)c;
    (void)t;
    request *r = *con_cls;
    if (r) free(r->target);
    free(r);
    *con_cls = NULL;
}

/* Does the client take gzip? (An Accept-Encoding naming gzip without q=0.) */
static int takes_gzip(struct MHD_Connection *c)
{
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    if (!ae) return 0;
    for (const char *p = ae; *p; p++) {
        if (strncasecmp(p, "gzip", 4)) continue;
        const char *q = p + 4;
        while (*q == ' ') q++;
        if (*q == ';') {
            const char *v = strstr(q, "q=");
            if (v && atof(v + 2) <= 0) return 0;
        }
        return 1;
    }
    return 0;
}

static int compressible(const char *type)
{
    return !strncmp(type, "text/", 5) || strstr(type, "json") || strstr(type, "javascript") ||
           strstr(type, "svg") || strstr(type, "csv");
}

/* gzip of in[0..n) into out; 0 on success. */
static int gzip(const unsigned char *in, size_t n, vg_buf *out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    size_t bound = deflateBound(&z, (uLong)n);
    if (vg_buf_reserve(out, bound + 1) != 0) { deflateEnd(&z); return -1; }
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)out->data;
    z.avail_out = (uInt)bound;
    int rc = deflate(&z, Z_FINISH);
    out->len = z.total_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? 0 : -1;
}

/* Does If-None-Match name etag (or "*")? */
static int matches(const char *inm, const char *etag)
{
    if (!inm) return 0;
    if (!strcmp(inm, "*")) return 1;
    size_t n = strlen(etag);
    for (const char *p = inm; (p = strstr(p, etag)); p += n) {
        /* a weak validator compares too: W/"x" names "x" */
        char after = p[n];
        if (after == 0 || after == ',' || after == ' ') return 1;
    }
    return 0;
}

static void add_common(struct MHD_Response *resp, const vg_sv_answer *a)
{
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, a->type ? a->type : "application/json");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy", csp);
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL, a->no_store ? "no-store" : "no-cache");
    for (size_t i = 0; i < a->n_headers; i++) MHD_add_response_header(resp, a->headers[i][0], a->headers[i][1]);
}

static enum MHD_Result send_answer(struct MHD_Connection *c, vg_sv_answer *a)
{
    const unsigned char *data = a->fixed ? a->fixed : (const unsigned char *)a->body.data;
    size_t len = a->fixed ? a->fixed_len : a->body.len;
    if (!data) data = (const unsigned char *)"";
    int gz = a->status == 200 && len >= MIN_GZIP && compressible(a->type ? a->type : "") && takes_gzip(c);
    /* One ETag per representation: the gzip bytes are another (RFC 9110 8.8.3). */
    char etag[48] = "";
    if (a->status == 200) {
        char hex[17];
        if (a->etag) snprintf(hex, sizeof hex, "%.16s", a->etag + 1);
        else vg_hash_hex(body_hash(data, len), hex);
        snprintf(etag, sizeof etag, "\"%s%s\"", hex, gz ? "-gz" : "");
    }
    struct MHD_Response *resp;
    vg_buf z = VG_BUF_INIT;
    int status = a->status;
    if (*etag && matches(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH), etag)) {
        status = MHD_HTTP_NOT_MODIFIED;
        resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
    } else if (gz && gzip(data, len, &z) == 0) {
        resp = MHD_create_response_from_buffer(z.len, z.data, MHD_RESPMEM_MUST_COPY);
        if (resp) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    } else {
        resp = MHD_create_response_from_buffer(len, (void *)data, MHD_RESPMEM_MUST_COPY);
    }
    vg_buf_free(&z);
    if (!resp) return MHD_NO;
    add_common(resp, a);
    if (*etag) MHD_add_response_header(resp, MHD_HTTP_HEADER_ETAG, etag);
    enum MHD_Result rc = MHD_queue_response(c, (unsigned)status, resp);
    MHD_destroy_response(resp);
    return rc;
}

/* A bearer token, when the server has one: "Authorization: Bearer T", or
 * the cookie vigie_token=T (what a browser can send for the page's own
 * fetches). Compared in constant time. */
static int authorised(const vg_server *s, struct MHD_Connection *c)
{
    if (!s->token) return 1;
    const char *given = NULL;
    const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
    if (h && !strncasecmp(h, "Bearer ", 7)) given = h + 7;
    if (!given) given = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "vigie_token");
    if (!given) return 0;
    size_t n = strlen(s->token), m = strlen(given);
    unsigned diff = (unsigned)(n ^ m);
    for (size_t i = 0; i < n; i++) diff |= (unsigned char)s->token[i] ^ (unsigned char)given[i < m ? i : 0];
    return diff == 0;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_len, void **con_cls)
{
    (void)url;
    (void)version;
    (void)upload;
    vg_server *s = cls;
    request *r = *con_cls;
    vg_sv_answer a;
    memset(&a, 0, sizeof a);
    /* libmicrohttpd (0.9.75) closes a connection whose answer is queued at the
     * handler's first call, before the request is read to its end ("Connection:
     * close" on every answer: wrk's 64 connections were 64 new ones a round, an
     * accept, a 64 KB pool mapped and unmapped per request); answered at the
     * next call, once the request is read, the connection is kept. */
    if (r && !r->called) {
        r->called = 1;
        return MHD_YES;
    }
    if (*upload_len) { /* a body nobody asked for: read and drop it, answer at the end */
        *upload_len = 0;
        return MHD_YES;
    }
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) {
        vg_sv_error(&a, 405, NULL, "only GET and HEAD: the server is read-only");
        vg_sv_header(&a, "Allow", "GET, HEAD");
    } else if (!r || !r->target) {
        vg_sv_error(&a, 503, NULL, "out of memory");
    } else {
        vg_sv_target *t = malloc(sizeof *t);
        char err[256];
        if (!t) vg_sv_error(&a, 503, NULL, "out of memory");
        else if (vg_sv_parse_target(r->target, r->len, t, err, sizeof err) != 0) {
            /* "name: why" names the parameter (params.h) */
            const char *colon = strstr(err, ": ");
            char param[80] = "";
            if (colon && (size_t)(colon - err) < sizeof param && !memchr(err, ' ', (size_t)(colon - err)) &&
                strncmp(err, "path:", 5))
                snprintf(param, sizeof param, "%.*s", (int)(colon - err), err);
            vg_sv_error(&a, r->len > VG_SV_MAX_TARGET ? 414 : 400, *param ? param : NULL, err);
        } else if (!strncmp(t->path, "/api/", 5) && !authorised(s, c)) {
            vg_sv_error(&a, 401, NULL, "this server wants its token: Authorization: Bearer TOKEN");
            vg_sv_header(&a, "WWW-Authenticate", "Bearer");
        } else {
            vg_sv_request rq = {t, NULL, NULL, s->env};
            thread_state *ts = state();
            int64_t dbv = 0;
            int cacheable = 0;
            const cached *hit = NULL;
            if (!ts) rq.db_error = "out of memory";
            else if (!strncmp(t->path, "/api/", 5) && strcmp(t->path, "/api/openapi.json")) {
                rq.db = thread_db(s, ts, &rq.db_error);
                cacheable = rq.db && vg_db_version(rq.db, &dbv) == VG_OK;
                if (cacheable) hit = cache_find(ts, r->target, dbv);
            }
            if (hit) cache_answer(hit, &a);
            else {
                vg_sv_route(&rq, &a);
                const cached *kept = cacheable ? cache_put(ts, r->target, dbv, &a) : NULL;
                if (kept) a.etag = kept->etag; /* hashed once */
            }
        }
        free(t);
    }
    enum MHD_Result rc = send_answer(c, &a);
    vg_buf_free(&a.body);
    return rc;
}

void vg_serve_opts_default(vg_serve_opts *o)
{
    memset(o, 0, sizeof *o);
    o->host = "127.0.0.1";
    o->port = 8080;
    o->query_ms = 5000;
}

static int is_loopback(const char *host)
{
    return !strcmp(host, "127.0.0.1") || !strcmp(host, "::1") || !strcmp(host, "localhost") ||
           !strncmp(host, "127.", 4);
}

vg_status vg_serve_start(const vg_serve_opts *o, vg_server **out, char *err, size_t errlen)
{
    if (!o || !out || !o->db_path) return VG_ERR_ARG;
    *out = NULL;
    const char *host = o->host ? o->host : "127.0.0.1";
    if (!strcmp(host, "localhost")) host = "127.0.0.1";
    if (!is_loopback(host) && (!o->token || !*o->token)) {
        snprintf(err, errlen, "listening on %s (not loopback) needs a token (--token): anyone on the network could read",
                 host);
        return VG_ERR_ARG;
    }
    /* The database must open now: a typo in --db is said at once, not on the first request. */
    vg_db *check = NULL;
    vg_status st = vg_db_open(o->db_path, VG_DB_READONLY, &check);
    if (st != VG_OK) {
        snprintf(err, errlen, "%s", vg_db_error(check));
        vg_db_close(check);
        return st;
    }
    char shown[512];
    snprintf(shown, sizeof shown, "%s", vg_db_name(check, o->db_path));
    vg_db_close(check);
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_USE_ERROR_LOG;
    if (strchr(host, ':')) {
        struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)&ss;
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((uint16_t)o->port);
        if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1) {
            snprintf(err, errlen, "--listen: '%s' is not an IPv6 address", host);
            return VG_ERR_ARG;
        }
        flags |= MHD_USE_IPv6;
    } else {
        struct sockaddr_in *a4 = (struct sockaddr_in *)&ss;
        a4->sin_family = AF_INET;
        a4->sin_port = htons((uint16_t)o->port);
        if (inet_pton(AF_INET, host, &a4->sin_addr) != 1) {
            snprintf(err, errlen, "--listen: '%s' is not an IPv4 address", host);
            return VG_ERR_ARG;
        }
    }
    vg_server *s = vg_calloc(1, sizeof *s);
    if (!s) return VG_ERR_NOMEM;
    s->db_path = vg_strdup(o->db_path);
    snprintf(s->db_name, sizeof s->db_name, "%s", shown);
    s->token = o->token && *o->token ? vg_strdup(o->token) : NULL;
    s->env = o->env;
    s->query_ms = o->query_ms > 0 ? o->query_ms : VG_QUERY_DEFAULT_MS;
    pthread_mutex_init(&s->lock, NULL);
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned threads = o->threads ? o->threads : (unsigned)(ncpu > 0 ? ncpu : 2);
    if (threads < 1) threads = 1;
    s->d = MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, on_request, s,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                            MHD_OPTION_THREAD_POOL_SIZE, threads,
                            MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
                            MHD_OPTION_NOTIFY_COMPLETED, on_done, s,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)CONN_TIMEOUT_S,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
                            MHD_OPTION_END);
    if (!s->d || !s->db_path) {
        snprintf(err, errlen, "cannot listen on %s:%u (in use, or not an address of this machine)", host, o->port);
        vg_serve_stop(s);
        return VG_ERR_NETWORK;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = info ? info->port : o->port;
    *out = s;
    return VG_OK;
}

unsigned vg_serve_port(const vg_server *s) { return s ? s->port : 0; }
const char *vg_serve_db_name(const vg_server *s) { return s ? s->db_name : ""; }

void vg_serve_stop(vg_server *s)
{
    if (!s) return;
    if (s->d) MHD_stop_daemon(s->d); /* joins the pool: no request runs after this */
    for (size_t i = 0; i < s->n_dbs; i++) vg_db_close(s->dbs[i]);
    free(s->dbs);
    pthread_mutex_destroy(&s->lock);
    free(s->db_path);
    free(s->token);
    free(s);
}
