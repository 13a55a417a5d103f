/* options.c - long-option parsing shared by every sub-command. */
#include <assert.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int allowed_has(const char *allowed, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = allowed; (p = strstr(p, name)); p += n)
        if ((p == allowed || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0)) return 1;
    return 0;
}

/* The numeric options and the values each takes: a value outside is an
 * error naming the option, never wrapped or clamped ('--batch 4294967296'
 * was 0 once cast to unsigned). */
static const struct num_range {
    const char *name;
    long min, max;
} num_ranges[] = {
    {"limit", 0, LONG_MAX},
    {"batch", 1, 1000000},  /* documents per transaction */
    {"threads", 0, 64},     /* 0: one per CPU */
    {"interval", 1, 30L * 24 * 3600},     /* watch: seconds between rounds */
    {"round-timeout", 1, 30L * 24 * 3600}, /* watch: seconds for a whole round */
    {"delay", 0, 3600L * 1000},   /* watch: milliseconds between requests to a host */
    {"timeout", 1, 3600},         /* watch: seconds for one request */
    {"retries", 0, 10},
    {"max-bytes", 1, 1L << 30},
    {"max-redirects", 0, 50},
    {"port", 0, 65535},           /* serve --listen */
    {"query-ms", 1, 3600L * 1000}, /* serve: one query's time budget */
};

int cli_number(const char *cmd, const char *name, const char *val, long *out)
{
    const struct num_range *r = NULL;
    for (size_t i = 0; i < sizeof num_ranges / sizeof num_ranges[0]; i++)
        if (!strcmp(num_ranges[i].name, name)) r = &num_ranges[i];
    assert(r); /* every numeric option has its range above */
    char *end = NULL;
    errno = 0;
    long v = val && *val ? strtol(val, &end, 10) : 0;
    if (!val || !*val || *end || errno || v < r->min || v > r->max) {
        cli_err("vigie %s: --%s wants a whole number from %ld to %ld, not '%s'\n", cmd, name, r->min, r->max,
                val ? val : "");
        return -1;
    }
    *out = v;
    return 0;
}

int cli_parse(int argc, char **argv, const char *cmd, const char *allowed, cli_opts *o)
{
    static const char *args[4096];
    memset(o, 0, sizeof *o);
    o->args = args;
    o->min_confidence = VG_DEFAULT_MIN_CONFIDENCE;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        char *a = argv[i];
        if (only_args || a[0] != '-' || !strcmp(a, "-")) {
            if (o->n_args >= (int)(sizeof args / sizeof args[0])) {
                cli_err("vigie %s: too many arguments (give a folder instead)\n", cmd);
                return -1;
            }
            args[o->n_args++] = a;
            continue;
        }
        if (!strcmp(a, "--")) { only_args = 1; continue; }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { o->help = 1; continue; }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        char key[32];
        const char *eq = strchr(name, '=');
        size_t kl = eq ? (size_t)(eq - name) : strlen(name);
        if (kl >= sizeof key) kl = sizeof key - 1;
        memcpy(key, name, kl);
        key[kl] = 0;
        if (!allowed_has(allowed, key)) {
            cli_err("vigie %s: unknown option '%s' (see 'vigie %s --help')\n", cmd, a, cmd);
            return -1;
        }
        if (!strcmp(key, "quiet") || !strcmp(key, "q")) { o->quiet = 1; continue; }
        if (!strcmp(key, "removed")) { o->removed = 1; continue; }
        if (!strcmp(key, "wide")) { o->wide = 1; continue; }
        if (!strcmp(key, "gate-features")) { o->gate_features = 1; continue; }
        if (!strcmp(key, "queue")) { o->queue = 1; continue; }
        if (!strcmp(key, "until-empty")) { o->until_empty = 1; continue; }
        const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
        if (!val) {
            cli_err("vigie %s: option '--%s' needs a value\n", cmd, key);
            return -1;
        }
        if (!strcmp(key, "db")) o->db = val;
        else if (!strcmp(key, "format")) o->format = val;
        else if (!strcmp(key, "data")) o->data = val;
        else if (!strcmp(key, "since")) o->since = val;
        else if (!strcmp(key, "until")) o->until = val;
        else if (!strcmp(key, "country")) o->country = val;
        else if (!strcmp(key, "type")) o->type = val;
        else if (!strcmp(key, "lang")) o->lang = val;
        else if (!strcmp(key, "sub-type")) o->sub_type = val;
        else if (!strcmp(key, "actor")) o->actor = val;
        else if (!strcmp(key, "story")) o->story = val;
        else if (!strcmp(key, "doc")) o->doc = val;
        else if (!strcmp(key, "min-confidence")) {
            char *end;
            errno = 0;
            double v = strtod(val, &end);
            if (errno || end == val || *end || !(v >= 0 && v <= 1)) {
                cli_err("vigie %s: --min-confidence wants a number from 0 to 1, not '%s'\n", cmd, val);
                return -1;
            }
            o->min_confidence = v;
        }
        else if (!strcmp(key, "limit") || !strcmp(key, "batch") || !strcmp(key, "threads")) {
            long v;
            if (cli_number(cmd, key, val, &v)) return -1;
            if (key[0] == 'l') o->limit = v;
            else if (key[0] == 't') o->threads = (unsigned)v;
            else o->batch = (unsigned)v;
        }
    }
    return 0;
}

const char *cli_db_path(const cli_opts *o)
{
    if (o->db) return o->db;
    const char *e = getenv("VIGIE_DB");
    return e && *e ? e : "vigie.db";
}

vg_db *cli_open_db(const char *cmd, const cli_opts *o, unsigned flags)
{
    const char *path = cli_db_path(o);
    vg_db *db = NULL;
    vg_status st = vg_db_open(path, flags, &db);
    if (st == VG_OK) return db;
    cli_err("vigie %s: cannot open database %s: %s%s%s\n", cmd, vg_db_name(db, path), vg_strerror(st),
            db ? ": " : "", db ? vg_db_error(db) : "");
    vg_db_close(db);
    return NULL;
}

vg_reader_options cli_reader_options(void)
{
    /* $VIGIE_MAX_DOC_BYTES: a smaller cap, mostly so tests of huge inputs stay fast. */
    vg_reader_options ro = {0};
    const char *e = getenv("VIGIE_MAX_DOC_BYTES");
    if (e && *e) {
        char *end;
        unsigned long long v = strtoull(e, &end, 10);
        if (*end == 0 && v > 0) ro.max_doc_bytes = (size_t)v;
    }
    return ro;
}

vg_env *cli_env(const cli_opts *o)
{
    vg_env *env = NULL;
    char err[512];
    vg_status st = vg_env_open(o->data, &env, err, sizeof err);
    if (st != VG_OK) {
        cli_err("vigie: cannot load resources: %s%s%s\n", vg_strerror(st), err[0] ? ": " : "", err);
        return NULL;
    }
    return env;
}
