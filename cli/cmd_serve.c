/* cmd_serve.c - `serve`: options, then vg_serve_start (lib/serve/) until interrupted. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char help[] =
    "usage: vigie serve [--db PATH|URL] [--listen HOST:PORT] [--token T] [--threads N] [--data DIR]\n"
    "Serve the database read-only: the HTTP API under /api/ (reference: /api/openapi.json,\n"
    "docs/api.md) and the web view at /. It keeps answering while ingest or watch write.\n"
    "  --db PATH|URL      database: a SQLite file or a postgresql:// URL (default $VIGIE_DB,\n"
    "                     else ./vigie.db)\n"
    "  --listen HOST:PORT address (default 127.0.0.1:8080; port 0: any free port).\n"
    "                     Any address but loopback needs --token\n"
    "  --token T          /api/ answers only requests with 'Authorization: Bearer T'\n"
    "                     (or the cookie vigie_token=T); default $VIGIE_TOKEN\n"
    "  --threads N        answering threads (default: one per CPU)\n"
    "  --query-ms MS      time budget of one query (default 5000)\n"
    "  --data DIR         language resources (country names in any language)\n"
    "Prints the URL it serves on, then runs until interrupted (Ctrl-C, SIGTERM).\n"
    "Exit status: 0 when stopped, 1 when it cannot serve (database, address), 2 on bad arguments.\n";

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

/* "HOST:PORT", "[v6]:PORT" or ":PORT" into host (cap bytes) and port. */
static int split_listen(const char *s, char *host, size_t cap, long *port)
{
    const char *colon = strrchr(s, ':');
    if (!colon) return -1;
    const char *h = s, *he = colon;
    if (*h == '[') {
        if (he == h || he[-1] != ']') return -1;
        h++;
        he--;
    }
    size_t n = (size_t)(he - h);
    if (n >= cap) return -1;
    memcpy(host, h, n);
    host[n] = 0;
    if (!n) snprintf(host, cap, "127.0.0.1");
    return cli_number("serve", "port", colon + 1, port);
}

int cmd_serve(int argc, char **argv)
{
    vg_serve_opts o;
    vg_serve_opts_default(&o);
    const char *db = NULL, *listen = "127.0.0.1:8080", *data = NULL;
    o.token = getenv("VIGIE_TOKEN");
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { fputs(help, stdout); return EXIT_OK; }
        const char *names[] = {"--db", "--listen", "--token", "--threads", "--data", "--query-ms"};
        size_t k = 0;
        for (; k < sizeof names / sizeof names[0]; k++) if (!strcmp(a, names[k])) break;
        if (k == sizeof names / sizeof names[0] || i + 1 >= argc) {
            cli_err("vigie serve: %s '%s'\n", k == sizeof names / sizeof names[0] ? "unknown option" : "no value after", a);
            fputs(help, stderr);
            return EXIT_USAGE;
        }
        const char *v = argv[++i];
        long n = 0;
        switch (k) {
        case 0: db = v; break;
        case 1: listen = v; break;
        case 2: o.token = v; break;
        case 3: if (cli_number("serve", "threads", v, &n)) return EXIT_USAGE; o.threads = (unsigned)n; break;
        case 4: data = v; break;
        case 5: if (cli_number("serve", "query-ms", v, &n)) return EXIT_USAGE; o.query_ms = n; break;
        }
    }
    char host[256];
    long port = 0;
    if (split_listen(listen, host, sizeof host, &port) != 0) {
        cli_err("vigie serve: --listen '%s': HOST:PORT wanted (127.0.0.1:8080)\n", listen);
        return EXIT_USAGE;
    }
    o.host = host;
    o.port = (unsigned)port;
    cli_opts co;
    memset(&co, 0, sizeof co);
    co.db = db;
    co.data = data;
    o.db_path = cli_db_path(&co);
    vg_env *env = NULL;
    char err[1024];
    if (vg_env_open(data, &env, err, sizeof err) != VG_OK) env = NULL; /* country codes and English names still resolve */
    o.env = env;
    vg_server *s = NULL;
    vg_status st = vg_serve_start(&o, &s, err, sizeof err);
    if (st != VG_OK) {
        cli_err("vigie serve: %s\n", err);
        vg_env_close(env);
        return st == VG_ERR_ARG ? EXIT_USAGE : EXIT_FAIL;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    int v6 = strchr(host, ':') != NULL;
    printf("vigie serve: http://%s%s%s:%u/ (database %s)\n", v6 ? "[" : "", host, v6 ? "]" : "", vg_serve_port(s),
           vg_serve_db_name(s));
    fflush(stdout);
    while (!stop) pause();
    vg_serve_stop(s);
    vg_env_close(env);
    return EXIT_OK;
}
