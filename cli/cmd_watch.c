/* cmd_watch.c - `watch`: keep RSS/Atom feeds up to date: fetch feeds, then each new item's page, and ingest it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "../lib/core/arena.h"
#include "../lib/fetch/fetch.h"
#include "../lib/formats/formats.h"

static const char help[] =
    "usage: vigie watch [--db PATH] [--interval S] [--once] [--quiet] FEED_URL...\n"
    "Fetch RSS/Atom feeds, then each new item's page (once per URL), and store it.\n"
    "Polite: robots.txt honoured, one request per host per --delay, conditional GET on feeds.\n"
    "  --db PATH          database (default $VIGIE_DB, else ./vigie.db); fetch state goes to PATH.fetch\n"
    "  --interval S       seconds between rounds (default 900)\n"
    "  --once             one round, then exit\n"
    "  --delay MS         minimum milliseconds between requests to one host (default 1000)\n"
    "  --timeout S        whole-request time-out in seconds (default 30)\n"
    "  --retries N        extra attempts on 5xx and time-outs (default 2)\n"
    "  --max-bytes N      largest page or feed accepted (default 8388608)\n"
    "  --max-redirects N  (default 5)\n"
    "  --data DIR         language resources\n"
    "  --quiet            no progress line or summary\n"
    "Exit status: 0 after a round (even with rejected items), 1 when the database is unusable\n"
    "or (with --once) no feed could be read, 2 on bad arguments.\n";

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { (void)sig; interrupted = 1; }

typedef struct counts {
    long feeds, feeds_failed, feeds_unchanged, items, stored, present, dup, seen, robots, rejected;
} counts;

typedef struct watch {
    vg_fetcher *fetch;
    vg_db *db;
    vg_doc *doc;
    int quiet, tty;
    counts c;
} watch;

static void progress(const watch *w, const char *now)
{
    if (w->quiet) return;
    const counts *c = &w->c;
    if (w->tty)
        fprintf(stderr, "\r\033[Kfeeds %ld, items %ld: stored %ld, present %ld, seen %ld, robots %ld, rejected %ld  %.60s",
                c->feeds, c->items, c->stored, c->present, c->seen, c->robots, c->rejected, now);
}

static void say(const watch *w, const char *fmt, const char *a, const char *b)
{
    if (w->tty && !w->quiet) fputs("\r\033[K", stderr);
    fprintf(stderr, fmt, a, b);
}

static int reject(watch *w, const char *url, const char *why)
{
    w->c.rejected++;
    say(w, "rejected %s: %s\n", url, why);
    char reason[1200];
    snprintf(reason, sizeof reason, "%s: %s", url, why);
    return vg_db_reject(w->db, url, reason) == VG_OK ? 0 : -1;
}

/* Fetch one item's page and store it. -1 only when the database fails. */
static int do_item(watch *w, const char *feed_url, const vg_feed_item *it)
{
    char link[4096];
    /* feeds may give links relative to themselves */
    if (vg_fetch_resolve(feed_url, it->link, link, sizeof link) != VG_OK) {
        w->c.items++;
        return reject(w, it->link, "link does not resolve to a URL");
    }
    w->c.items++;
    progress(w, link);
    vg_fetch_result res;
    vg_status st = vg_fetch_url(w->fetch, link, VG_FETCH_ONCE, &res);
    if (st != VG_OK) return reject(w, link, vg_fetcher_error(w->fetch));
    if (res.outcome == VG_FETCH_SEEN) { w->c.seen++; return 0; }
    if (res.outcome == VG_FETCH_DISALLOWED) {
        w->c.robots++;
        if (!w->quiet) say(w, "skipped %s: %s\n", link, "disallowed by robots.txt");
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
    st = vg_doc_load(w->doc, &in);
    if (st == VG_OK) st = vg_doc_analyze(w->doc);
    if (st != VG_OK) return reject(w, link, vg_doc_error(w->doc));
    vg_put_result put;
    if ((st = vg_db_put(w->db, w->doc, &put)) != VG_OK) {
        say(w, "vigie watch: cannot store %s: %s\n", link, vg_db_error(w->db));
        return -1;
    }
    if (put == VG_PUT_STORED) w->c.stored++;
    else if (put == VG_PUT_DUPLICATE) { w->c.stored++; w->c.dup++; }
    else w->c.present++;
    return 0;
}

/* A feed's items for this round, kept until its pages are fetched. */
typedef struct feed_round {
    const char *url;
    vg_arena *arena;
    vg_feed_item *items;
    size_t n;
} feed_round;

/* One feed: conditional GET and parse into fr. 0 also when the feed is
 * unchanged or failed (fr->n == 0); -1 out of memory. */
static int load_feed(watch *w, const char *url, feed_round *fr)
{
    memset(fr, 0, sizeof *fr);
    fr->url = url;
    w->c.feeds++;
    progress(w, url);
    vg_fetch_result res;
    vg_status st = vg_fetch_url(w->fetch, url, VG_FETCH_CONDITIONAL, &res);
    if (st != VG_OK) {
        w->c.feeds_failed++;
        say(w, "vigie watch: feed %s: %s\n", url, vg_fetcher_error(w->fetch));
        return 0;
    }
    if (res.outcome == VG_FETCH_NOT_MODIFIED) {
        w->c.feeds_unchanged++;
        if (!w->quiet && !w->tty) fprintf(stderr, "feed %s: not modified\n", url);
        return 0;
    }
    if (res.outcome == VG_FETCH_DISALLOWED) {
        w->c.feeds_failed++;
        say(w, "vigie watch: feed %s: %s\n", url, "disallowed by robots.txt");
        return 0;
    }
    /* items live in their own arena: the fetch buffer is reused by the page fetches */
    if (!(fr->arena = vg_arena_new(64 * 1024))) return -1;
    char err[512];
    st = vg_feed_parse(fr->arena, res.body, res.len, &fr->items, &fr->n, NULL, err, sizeof err);
    if (st != VG_OK) {
        w->c.feeds_failed++;
        say(w, "vigie watch: feed %s: %s\n", url, err);
        fr->n = 0;
        return st == VG_ERR_NOMEM ? -1 : 0;
    }
    if (!w->quiet && !w->tty) fprintf(stderr, "feed %s: %zu items\n", url, fr->n);
    return 0;
}

/* One round: every feed first, then their pages taking one item from each
 * feed in turn, so that the per-host wait of one site overlaps with requests
 * to the others (feeds are mostly one host each). -1 on a database failure. */
static int do_round(watch *w, const char *const *feeds, int n_feeds)
{
    feed_round *fr = calloc((size_t)n_feeds, sizeof *fr);
    if (!fr) return -1;
    int rc = 0;
    size_t most = 0;
    for (int i = 0; i < n_feeds && !interrupted && rc == 0; i++) {
        rc = load_feed(w, feeds[i], &fr[i]);
        if (fr[i].n > most) most = fr[i].n;
    }
    for (size_t k = 0; k < most && !interrupted && rc == 0; k++)
        for (int i = 0; i < n_feeds && !interrupted && rc == 0; i++)
            if (k < fr[i].n && fr[i].items[k].link) rc = do_item(w, fr[i].url, &fr[i].items[k]);
    for (int i = 0; i < n_feeds; i++) vg_arena_free(fr[i].arena);
    free(fr);
    return rc;
}

static int parse_num(const char *opt, const char *v, long min, long *out)
{
    char *end;
    errno = 0;
    long x = v ? strtol(v, &end, 10) : 0;
    if (!v || errno || *end || x < min) {
        fprintf(stderr, "vigie watch: %s wants a number >= %ld, not '%s'\n", opt, min, v ? v : "");
        return -1;
    }
    *out = x;
    return 0;
}

int cmd_watch(int argc, char **argv)
{
    cli_opts o;
    memset(&o, 0, sizeof o);
    const char **feeds = calloc((size_t)argc + 1, sizeof *feeds);
    if (!feeds) return EXIT_FAIL;
    int n_feeds = 0, once = 0;
    long interval = 900, delay = 1000, timeout = 30, retries = 2, max_bytes = 8 << 20, redirects = 5;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = 0;
        if (a[0] != '-') { feeds[n_feeds++] = a; continue; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(help, stdout); free(feeds); return EXIT_OK; }
        else if (!strcmp(a, "--once")) once = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o.quiet = 1;
        else if (!strcmp(a, "--db") && v) { o.db = v; i++; }
        else if (!strcmp(a, "--data") && v) { o.data = v; i++; }
        else if (!strcmp(a, "--interval")) { bad = parse_num(a, v, 1, &interval); i++; }
        else if (!strcmp(a, "--delay")) { bad = parse_num(a, v, 0, &delay); i++; }
        else if (!strcmp(a, "--timeout")) { bad = parse_num(a, v, 1, &timeout); i++; }
        else if (!strcmp(a, "--retries")) { bad = parse_num(a, v, 0, &retries); i++; }
        else if (!strcmp(a, "--max-bytes")) { bad = parse_num(a, v, 1, &max_bytes); i++; }
        else if (!strcmp(a, "--max-redirects")) { bad = parse_num(a, v, 0, &redirects); i++; }
        else {
            fprintf(stderr, "vigie watch: unknown option or missing value '%s' (see 'vigie watch --help')\n", a);
            bad = 1;
        }
        if (bad) { free(feeds); return EXIT_USAGE; }
    }
    if (n_feeds == 0) { fputs(help, stderr); free(feeds); return EXIT_USAGE; }
    for (int i = 0; i < n_feeds; i++)
        if (strncmp(feeds[i], "http://", 7) != 0 && strncmp(feeds[i], "https://", 8) != 0) {
            fprintf(stderr, "vigie watch: '%s' is not an http(s) URL (use 'vigie ingest' for files)\n", feeds[i]);
            free(feeds);
            return EXIT_USAGE;
        }

    watch w;
    memset(&w, 0, sizeof w);
    w.quiet = o.quiet;
    w.tty = isatty(2);
    vg_env *env = cli_env(&o);
    if (!env) { free(feeds); return EXIT_FAIL; }
    const char *path = cli_db_path(&o);
    vg_status st = vg_db_open(path, 0, &w.db);
    if (st != VG_OK) {
        fprintf(stderr, "vigie watch: cannot open database %s: %s%s%s\n", path, vg_strerror(st), w.db ? ": " : "",
                w.db ? vg_db_error(w.db) : "");
        vg_db_close(w.db);
        vg_env_close(env);
        free(feeds);
        return EXIT_FAIL;
    }
    char state[4200], err[512];
    snprintf(state, sizeof state, "%s.fetch", path);
    vg_fetch_opts fo;
    vg_fetch_opts_default(&fo);
    fo.state_path = state;
    fo.min_interval_ms = delay;
    fo.timeout_ms = timeout * 1000;
    fo.connect_timeout_ms = timeout * 1000 < fo.connect_timeout_ms ? timeout * 1000 : fo.connect_timeout_ms;
    fo.retries = (int)(retries > 10 ? 10 : retries);
    fo.max_body = (size_t)max_bytes;
    fo.max_redirects = redirects;
    if ((st = vg_fetcher_open(&fo, &w.fetch, err, sizeof err)) != VG_OK ||
        (st = vg_doc_create(env, &w.doc)) != VG_OK) {
        fprintf(stderr, "vigie watch: %s\n", err[0] ? err : vg_strerror(st));
        vg_fetcher_close(w.fetch);
        vg_db_close(w.db);
        vg_env_close(env);
        free(feeds);
        return EXIT_FAIL;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    int fatal = 0, all_failed = 0;
    while (!interrupted && !fatal) {
        memset(&w.c, 0, sizeof w.c);
        if (do_round(&w, feeds, n_feeds)) fatal = 1;
        if (!fatal && vg_db_commit(w.db) != VG_OK) {
            fprintf(stderr, "vigie watch: cannot commit: %s\n", vg_db_error(w.db));
            fatal = 1;
        }
        all_failed = w.c.feeds_failed == w.c.feeds;
        if (!w.quiet) {
            if (w.tty) fputs("\r\033[K", stderr);
            time_t t = time(NULL);
            char when[32];
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
            fprintf(stdout,
                    "%s feeds %ld (unchanged %ld, failed %ld), items %ld: stored %ld (%ld near-duplicates), "
                    "already present %ld, fetched before %ld, disallowed by robots %ld, rejected %ld%s\n",
                    when, w.c.feeds, w.c.feeds_unchanged, w.c.feeds_failed, w.c.items, w.c.stored, w.c.dup,
                    w.c.present, w.c.seen, w.c.robots, w.c.rejected, interrupted ? " (interrupted)" : "");
            fflush(stdout);
        }
        if (once) break;
        for (long s = 0; s < interval && !interrupted; s++) sleep(1);
    }
    vg_doc_free(w.doc);
    vg_fetcher_close(w.fetch);
    vg_db_close(w.db);
    vg_env_close(env);
    free(feeds);
    return fatal || (once && all_failed) ? EXIT_FAIL : EXIT_OK;
}
