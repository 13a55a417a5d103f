/* cmd_query.c - the read-only commands: articles, search, events, stories, story. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef vg_status (*query_fn)(vg_db *, const vg_query *, vg_row_cb, void *);

/* The events filters beyond the common ones; a country is resolved to its ISO code
 * (names in any language the gazetteer knows, ISO2, ISO3). 0, or the exit status. */
static int events_filters(const cli_opts *o, const char *format, vg_query *q, char iso2[3])
{
    if (o->wide && strcmp(format, "table") != 0) {
        cli_err("vigie events: --wide goes with --format table\n");
        return EXIT_USAGE;
    }
    q->sub_event_type = o->sub_type;
    q->actor = o->actor;
    q->story = o->story;
    q->doc = o->doc;
    q->min_confidence = o->min_confidence;
    if (!o->country) return 0;
    vg_env *env = NULL;
    vg_env_open(NULL, &env, NULL, 0); /* no resources: codes and English names still resolve */
    vg_status st = vg_env_country(env, o->country, iso2);
    vg_env_close(env);
    if (st == VG_ERR_NOT_FOUND) {
        cli_err("vigie events: unknown country '%s': give its name or its ISO 3166 code (SY, SYR)\n", o->country);
        return EXIT_USAGE;
    }
    if (st != VG_OK) { cli_err("vigie events: %s\n", vg_strerror(st)); return EXIT_FAIL; }
    q->country = iso2;
    return 0;
}

static int query(int argc, char **argv, const char *cmd, const char *allowed, const char *formats,
                 const char *default_format, const char *help, int wants_arg, query_fn fn)
{
    cli_opts o;
    if (cli_parse(argc, argv, cmd, allowed, &o)) return EXIT_USAGE;
    if (o.help) { fputs(help, stdout); return EXIT_OK; }
    if (wants_arg && o.n_args < 1) { fputs(help, stderr); return EXIT_USAGE; }
    if (!wants_arg && o.n_args > 0) {
        cli_err("vigie %s: unexpected argument '%s'\n", cmd, o.args[0]);
        return EXIT_USAGE;
    }
    const char *format = o.format ? o.format : default_format;
    char fbuf[64];
    snprintf(fbuf, sizeof fbuf, " %s ", format);
    if (!strstr(formats, fbuf)) {
        cli_err("vigie %s: --format must be one of%s\n", cmd, formats);
        return EXIT_USAGE;
    }
    vg_query q = {0};
    /* The words as given, whole: the library refuses what is too long. */
    size_t tl = 1;
    for (int i = 0; i < o.n_args; i++) tl += strlen(o.args[i]) + 1;
    char *text = malloc(tl);
    if (!text) { cli_err("vigie %s: out of memory\n", cmd); return EXIT_FAIL; }
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
    char iso2[3];
    int events = fn == vg_db_events, rc;
    if (events && (rc = events_filters(&o, format, &q, iso2)) != 0) { free(text); return rc; }
    /* events as a table: the review view, unless --wide asks for every column */
    int review = events && !strcmp(format, "table") && !o.wide;
    vg_db *db = cli_open_db(cmd, &o, VG_DB_READONLY);
    if (!db) { free(text); return EXIT_FAIL; }
    row_writer *w = review ? NULL : row_writer_new(stdout, format);
    events_view *ev = review ? events_view_new(stdout) : NULL;
    if (!w && !ev) { vg_db_close(db); free(text); return EXIT_FAIL; }
    vg_status st = fn(db, &q, w ? row_writer_cb : events_view_cb, w ? (void *)w : (void *)ev);
    long n = w ? row_writer_rows(w) : 0;
    if (w) row_writer_finish(w);
    else n = events_view_finish(ev, st == VG_OK);
    if (events && st == VG_OK && n == 0 && !review) fprintf(strcmp(format, "table") ? stderr : stdout, "0 events\n");
    free(text);
    if (st != VG_OK) cli_err("vigie %s: %s: %s\n", cmd, vg_strerror(st), vg_db_error(db));
    vg_db_close(db);
    return st == VG_OK ? EXIT_OK : (st == VG_ERR_ARG || st == VG_ERR_TOO_LARGE ? EXIT_USAGE : EXIT_FAIL);
}

#define VG_STR_(x) #x
#define VG_STR(x) VG_STR_(x)
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
        "usage: vigie events [--format table|jsonl|csv|tsv|geojson] [--wide] [FILTERS]\n"
        "Stored events, newest first. --format table (default) fits 160 columns: date,\n"
        "type / sub-type, actors, place, country, deaths, confidence, and the evidence\n"
        "sentence beneath; --wide prints every column. CSV columns in ACLED's order.\n" COMMON
        "  --since/--until  event dates, YYYY-MM-DD, inclusive\n"
        "  --country C      country: a name (any language the gazetteer knows), ISO2 or ISO3\n"
        "  --type T         ACLED event type (e.g. Battles)\n"
        "  --sub-type S     ACLED sub-event type (e.g. 'Armed clash')\n"
        "  --actor A        actor1 or actor2 contains A (any case)\n"
        "  --story ID       events of one story      --doc ID   events of one document\n"
        "  --min-confidence X  rows at or above X, 0 to 1 (default " VG_STR(VG_DEFAULT_MIN_CONFIDENCE) "; 0 shows all)\n";
    return query(argc, argv, "events", "db format limit since until country type sub-type actor story doc min-confidence wide",
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
        cli_err("vigie story: --format must be json or table, not '%s'\n", o.format);
        return EXIT_USAGE;
    }
    vg_db *db = NULL;
    const char *path = cli_db_path(&o);
    vg_status st = vg_db_open(path, VG_DB_READONLY, &db);
    if (st != VG_OK) {
        cli_err("vigie story: cannot open database %s: %s\n", vg_db_name(db, path), vg_strerror(st));
        vg_db_close(db);
        return EXIT_FAIL;
    }
    const char *json;
    size_t len;
    st = vg_db_story_json(db, o.args[0], &json, &len);
    if (st == VG_OK && as_table) {
        char *text = NULL;
        size_t n = 0;
        st = vg_story_text(json, len, &text, &n);
        if (st == VG_OK) fwrite(text, 1, n, stdout);
        else cli_err("vigie story: %s\n", st == VG_ERR_FORMAT ? "unreadable story record" : vg_strerror(st));
        free(text);
    } else if (st == VG_OK) { fwrite(json, 1, len, stdout); fputc('\n', stdout); }
    else cli_err("vigie story: %s: %s\n", o.args[0], st == VG_ERR_NOT_FOUND ? "no such story" : vg_db_error(db));
    vg_db_close(db);
    return st == VG_OK ? EXIT_OK : EXIT_FAIL;
}
