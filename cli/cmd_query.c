/* cmd_query.c - the read-only commands: articles, search, events, stories, story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef vg_status (*query_fn)(vg_db *, const vg_query *, vg_row_cb, void *);

static int query(int argc, char **argv, const char *cmd, const char *allowed, const char *formats,
                 const char *default_format, const char *help, int wants_arg, query_fn fn)
{
    cli_opts o;
    if (cli_parse(argc, argv, cmd, allowed, &o)) return EXIT_USAGE;
    if (o.help) { fputs(help, stdout); return EXIT_OK; }
    if (wants_arg && o.n_args < 1) { fputs(help, stderr); return EXIT_USAGE; }
    if (!wants_arg && o.n_args > 0) {
        fprintf(stderr, "vigie %s: unexpected argument '%s'\n", cmd, o.args[0]);
        return EXIT_USAGE;
    }
    const char *format = o.format ? o.format : default_format;
    char fbuf[64];
    snprintf(fbuf, sizeof fbuf, " %s ", format);
    if (!strstr(formats, fbuf)) {
        fprintf(stderr, "vigie %s: --format must be one of%s\n", cmd, formats);
        return EXIT_USAGE;
    }
    vg_query q = {0};
    /* The words as given, whole: the library refuses what is too long. */
    size_t tl = 1;
    for (int i = 0; i < o.n_args; i++) tl += strlen(o.args[i]) + 1;
    char *text = malloc(tl);
    if (!text) { fprintf(stderr, "vigie %s: out of memory\n", cmd); return EXIT_FAIL; }
    text[0] = 0;
    for (int i = 0, l = 0; i < o.n_args; i++) l += sprintf(text + l, "%s%s", i ? " " : "", o.args[i]);
    q.text = text;
    q.id = o.n_args ? o.args[0] : NULL;
    q.since = o.since;
    q.until = o.until;
    q.country = o.country;
    q.event_type = o.type;
    q.lang = o.lang;
    q.limit = o.limit;
    vg_db *db = NULL;
    const char *path = cli_db_path(&o);
    vg_status st = vg_db_open(path, VG_DB_READONLY, &db);
    if (st != VG_OK) {
        fprintf(stderr, "vigie %s: cannot open database %s: %s%s%s\n", cmd, path, vg_strerror(st),
                db ? ": " : "", db ? vg_db_error(db) : "");
        vg_db_close(db);
        free(text);
        return EXIT_FAIL;
    }
    row_writer *w = row_writer_new(stdout, format);
    if (!w) { vg_db_close(db); free(text); return EXIT_FAIL; }
    st = fn(db, &q, row_writer_cb, w);
    row_writer_finish(w);
    free(text);
    if (st != VG_OK) fprintf(stderr, "vigie %s: %s: %s\n", cmd, vg_strerror(st), vg_db_error(db));
    vg_db_close(db);
    return st == VG_OK ? EXIT_OK : (st == VG_ERR_ARG || st == VG_ERR_TOO_LARGE ? EXIT_USAGE : EXIT_FAIL);
}

#define COMMON "  --db PATH        database (default $VIGIE_DB, else ./vigie.db)\n" \
               "  --limit N        at most N rows\n"

int cmd_articles(int argc, char **argv)
{
    static const char help[] =
        "usage: vigie articles [--format table|jsonl|csv|tsv] [--since D] [--until D] [--lang L]\n"
        "Stored articles, newest first.\n" COMMON
        "  --since/--until  publication dates, YYYY-MM-DD, inclusive\n";
    return query(argc, argv, "articles", "db format limit since until lang",
                 " table jsonl csv tsv ", "table", help, 0, vg_db_articles);
}

int cmd_search(int argc, char **argv)
{
    static const char help[] =
        "usage: vigie search [--format table|jsonl|csv|tsv] QUERY...\n"
        "Full-text search, BM25-ranked, case/accent-insensitive, stemmed by language\n"
        "(\"frappe\" finds \"frappes\"). Snippets mark matches with [ ].\n"
        "QUERY follows SQLite FTS5 syntax: words, \"a phrase\", OR, NOT, prefix*.\n" COMMON
        "  --lang L         only articles in language L\n"
        "  --since/--until  publication dates, YYYY-MM-DD\n";
    return query(argc, argv, "search", "db format limit since until lang",
                 " table jsonl csv tsv ", "table", help, 1, vg_db_search);
}

int cmd_events(int argc, char **argv)
{
    static const char help[] =
        "usage: vigie events [--format table|jsonl|csv|geojson] [--since D] [--until D]\n"
        "                    [--country C] [--type T]\n"
        "Stored events; CSV columns in ACLED's order.\n" COMMON
        "  --since/--until  event dates, YYYY-MM-DD, inclusive\n"
        "  --country C      country name or ISO code\n"
        "  --type T         ACLED event type (e.g. Battles)\n";
    return query(argc, argv, "events", "db format limit since until country type",
                 " table jsonl csv tsv geojson ", "table", help, 0, vg_db_events);
}

int cmd_stories(int argc, char **argv)
{
    static const char help[] =
        "usage: vigie stories [--format table|jsonl|tsv]\n"
        "Stories: articles grouped by the event they report.\n"
        "--format tsv prints doc<TAB>story for every article.\n" COMMON
        "  --since/--until  first-report dates\n";
    return query(argc, argv, "stories", "db format limit since until",
                 " table jsonl tsv ", "table", help, 0, vg_db_stories);
}

int cmd_story(int argc, char **argv)
{
    static const char help[] =
        "usage: vigie story [--db PATH] [--format json|table] ID\n"
        "One story: outlets, languages, first and last report, events, and per\n"
        "outlet the figures, actor names and attributions, disagreements flagged.\n"
        "  --format json    one JSON object (default)\n"
        "  --format table   the accounts side by side, for reading\n";
    cli_opts o;
    if (cli_parse(argc, argv, "story", "db format", &o)) return EXIT_USAGE;
    if (o.help) { fputs(help, stdout); return EXIT_OK; }
    if (o.n_args != 1) { fputs(help, stderr); return EXIT_USAGE; }
    int as_table = o.format && !strcmp(o.format, "table");
    if (o.format && !as_table && strcmp(o.format, "json") != 0) {
        fprintf(stderr, "vigie story: --format must be json or table, not '%s'\n", o.format);
        return EXIT_USAGE;
    }
    vg_db *db = NULL;
    const char *path = cli_db_path(&o);
    vg_status st = vg_db_open(path, VG_DB_READONLY, &db);
    if (st != VG_OK) {
        fprintf(stderr, "vigie story: cannot open database %s: %s\n", path, vg_strerror(st));
        vg_db_close(db);
        return EXIT_FAIL;
    }
    const char *json;
    size_t len;
    st = vg_db_story_json(db, o.args[0], &json, &len);
    if (st == VG_OK && as_table) {
        if (story_view(stdout, json, len) != 0) { fprintf(stderr, "vigie story: unreadable story record\n"); st = VG_ERR_FORMAT; }
    } else if (st == VG_OK) { fwrite(json, 1, len, stdout); fputc('\n', stdout); }
    else fprintf(stderr, "vigie story: %s: %s\n", o.args[0], st == VG_ERR_NOT_FOUND ? "no such story" : vg_db_error(db));
    vg_db_close(db);
    return st == VG_OK ? EXIT_OK : EXIT_FAIL;
}
