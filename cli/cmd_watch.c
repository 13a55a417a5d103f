/* cmd_watch.c - `watch`: options, the rounds' timing and what is printed; a round itself is vg_watch_round (lib/fetch/watch.c). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: vigie watch [--db PATH] [--interval S] [--once] [--queue] [--quiet] FEED_URL...\n"
    "Fetch RSS/Atom feeds, then each new item's page (once per URL), and store it.\n"
    "Polite: robots.txt honoured, one request per host per --delay, conditional GET on feeds.\n"
    "  --db PATH          database (default $VIGIE_DB, else ./vigie.db); fetch state goes to PATH.fetch\n"
    "                     (./vigie-watch.fetch for a postgresql:// store)\n"
    "  --interval S       seconds between rounds (default 900)\n"
    "  --once             one round, then exit\n"
    "  --queue            queue each new page for `vigie worker`s (a PostgreSQL --db), not analyse it here\n"
    "  --delay MS         minimum milliseconds between requests to one host (default 1000)\n"
    "  --timeout S        whole-request time-out in seconds (default 30)\n"
    "  --round-timeout S  time budget of a whole round, waits included (default: --interval);\n"
    "                     past it no request starts and the pages left wait for the next round\n"
    "  --retries N        extra attempts on 5xx and time-outs (default 2)\n"
    "  --max-bytes N      largest page or feed accepted (default 8388608)\n"
    "  --max-redirects N  (default 5)\n"
    "  --data DIR         language resources\n"
    "  --quiet            no progress line or summary\n"
    "Exit status: 0 after a round (even with rejected items), 1 when the database is unusable\n"
    "or (with --once) no feed could be read, 2 on bad arguments.\n";

static volatile sig_atomic_t interrupted;
static void on_signal(int sig) { (void)sig; interrupted = 1; }

typedef struct view {
    int quiet, tty;
} view;

/* What the round reports, as the command shows it: a progress line on a
 * terminal, one line per feed otherwise, every rejection. */
static int on_event(vg_watch_event ev, const char *url, const char *detail, const vg_watch_counts *c, void *ud)
{
    const view *v = ud;
    int line = ev == VG_WATCH_FEED_FAILED || ev == VG_WATCH_REJECTED ||
               (!v->quiet && (ev == VG_WATCH_ROBOTS || (!v->tty && (ev == VG_WATCH_FEED_UNCHANGED || ev == VG_WATCH_FEED_ITEMS))));
    if (line && v->tty && !v->quiet) fputs("\r\033[K", stderr);
    switch (ev) {
    case VG_WATCH_FEED:
    case VG_WATCH_ITEM:
        if (!v->quiet && v->tty) {
            fputs("\r\033[K", stderr);
            cli_err("feeds %ld, items %ld: stored %ld, present %ld, seen %ld, robots %ld, rejected %ld  %.60s",
                    c->feeds, c->items, c->stored, c->present, c->seen, c->robots, c->rejected, url);
        }
        break;
    case VG_WATCH_FEED_FAILED: cli_err("vigie watch: feed %s: %s\n", url, detail); break;
    case VG_WATCH_REJECTED: cli_err("rejected %s: %s\n", url, detail); break;
    case VG_WATCH_ROBOTS: if (line) cli_err("skipped %s: %s\n", url, detail); break;
    case VG_WATCH_OUT_OF_TIME: cli_err("vigie watch: round time budget used up: %s\n", detail); break;
    case VG_WATCH_FEED_UNCHANGED:
    case VG_WATCH_FEED_ITEMS: if (line) cli_err("feed %s: %s\n", url, detail); break;
    }
    return interrupted;
}


/* Where the fetch state goes: beside the database file; a PostgreSQL
 * store has no file to sit beside, so the current folder. */
static void state_path(const char *db, char *out, size_t cap)
{
    if (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11)) snprintf(out, cap, "vigie-watch.fetch");
    else snprintf(out, cap, "%s.fetch", db);
}

static int all_http(const char *const *feeds, int n)
{
    for (int i = 0; i < n; i++)
        if (strncmp(feeds[i], "http://", 7) != 0 && strncmp(feeds[i], "https://", 8) != 0) {
            cli_err("vigie watch: '%s' is not an http(s) URL (use 'vigie ingest' for files)\n", feeds[i]);
            return 0;
        }
    return 1;
}

int cmd_watch(int argc, char **argv)
{
    cli_opts o;
    memset(&o, 0, sizeof o);
    const char **feeds = calloc((size_t)argc + 1, sizeof *feeds);
    if (!feeds) return EXIT_FAIL;
    int n_feeds = 0, once = 0;
    long interval = 900, delay = 1000, timeout = 30, retries = 2, max_bytes = 8 << 20, redirects = 5, round_timeout = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int bad = 0;
        if (a[0] != '-') { feeds[n_feeds++] = a; continue; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(help, stdout); free(feeds); return EXIT_OK; }
        else if (!strcmp(a, "--once")) once = 1;
        else if (!strcmp(a, "--queue")) o.queue = 1;
        else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) o.quiet = 1;
        else if (!strcmp(a, "--db") && v) { o.db = v; i++; }
        else if (!strcmp(a, "--data") && v) { o.data = v; i++; }
        else if (!strcmp(a, "--interval")) { bad = cli_number("watch", a + 2, v, &interval); i++; }
        else if (!strcmp(a, "--delay")) { bad = cli_number("watch", a + 2, v, &delay); i++; }
        else if (!strcmp(a, "--round-timeout")) { bad = cli_number("watch", a + 2, v, &round_timeout); i++; }
        else if (!strcmp(a, "--timeout")) { bad = cli_number("watch", a + 2, v, &timeout); i++; }
        else if (!strcmp(a, "--retries")) { bad = cli_number("watch", a + 2, v, &retries); i++; }
        else if (!strcmp(a, "--max-bytes")) { bad = cli_number("watch", a + 2, v, &max_bytes); i++; }
        else if (!strcmp(a, "--max-redirects")) { bad = cli_number("watch", a + 2, v, &redirects); i++; }
        else {
            cli_err("vigie watch: unknown option or missing value '%s' (see 'vigie watch --help')\n", a);
            bad = 1;
        }
        if (bad) { free(feeds); return EXIT_USAGE; }
    }
    if (n_feeds == 0) { fputs(help, stderr); free(feeds); return EXIT_USAGE; }
    if (!all_http(feeds, n_feeds)) { free(feeds); return EXIT_USAGE; }

    view v = {o.quiet, isatty(2)};
    vg_env *env = cli_env(&o);
    if (!env) { free(feeds); return EXIT_FAIL; }
    const char *path = cli_db_path(&o);
    vg_db *db = cli_open_db("watch", &o, 0);
    if (!db) { vg_env_close(env); free(feeds); return EXIT_FAIL; }
    vg_status st;
    char state[4200], err[512];
    state_path(path, state, sizeof state);
    vg_watch_opts wo;
    vg_watch_opts_default(&wo);
    wo.state_path = state;
    wo.min_interval_ms = delay;
    wo.timeout_ms = timeout * 1000;
    wo.retries = (int)retries;
    wo.max_bytes = (size_t)max_bytes;
    wo.max_redirects = redirects;
    wo.round_timeout_ms = (round_timeout ? round_timeout : interval) * 1000;
    wo.queue = o.queue;
    vg_watch *w = NULL;
    if ((st = vg_watch_open(env, db, &wo, &w, err, sizeof err)) != VG_OK) {
        cli_err("vigie watch: %s\n", err[0] ? err : vg_strerror(st));
        vg_db_close(db);
        vg_env_close(env);
        free(feeds);
        return EXIT_FAIL;
    }
    signal(SIGINT, on_signal);
    signal(SIGTERM, on_signal);
    int fatal = 0, all_failed = 0;
    vg_watch_counts c;
    while (!interrupted && !fatal) {
        if (vg_watch_round(w, feeds, (size_t)n_feeds, on_event, &v, &c) != VG_OK) {
            if (v.tty && !v.quiet) fputs("\r\033[K", stderr);
            cli_err("vigie watch: %s\n", vg_watch_error(w));
            fatal = 1;
        }
        if (!fatal && vg_db_commit(db) != VG_OK) {
            cli_err("vigie watch: cannot commit: %s\n", vg_db_error(db));
            fatal = 1;
        }
        all_failed = c.feeds_failed == c.feeds;
        if (!v.quiet) {
            if (v.tty) fputs("\r\033[K", stderr);
            time_t t = time(NULL);
            char when[32];
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
            fprintf(stdout,
                    "%s feeds %ld (unchanged %ld, failed %ld), items %ld: stored %ld (%ld near-duplicates), "
                    "already present %ld, fetched before %ld, disallowed by robots %ld, rejected %ld%s%s\n",
                    when, c.feeds, c.feeds_unchanged, c.feeds_failed, c.items, c.stored, c.dup,
                    c.present, c.seen, c.robots, c.rejected, c.out_of_time ? " (time budget used up)" : "",
                    interrupted ? " (interrupted)" : "");
            fflush(stdout);
        }
        if (once) break;
        for (long s = 0; s < interval && !interrupted; s++) sleep(1);
    }
    vg_watch_close(w);
    vg_db_close(db);
    vg_env_close(env);
    free(feeds);
    return fatal || (once && all_failed) ? EXIT_FAIL : EXIT_OK;
}
