/* test_watch.c - a watch round through the library: feeds that cannot be read are counted and
 * reported through the callback, the round goes on, and the callback can end it early. No network:
 * nothing listens on 127.0.0.1 port 1. */
#include <string.h>

#include "vigie.h"
#include "test.h"

typedef struct seen { int feed, failed, other; } seen;

static int record(vg_watch_event ev, const char *url, const char *detail, const vg_watch_counts *c, void *ud)
{
    seen *s = ud;
    (void)c;
    if (ev == VG_WATCH_FEED) s->feed++;
    else if (ev == VG_WATCH_FEED_FAILED && url && detail && detail[0]) s->failed++;
    else s->other++;
    return 0;
}

static int stop_at_once(vg_watch_event ev, const char *url, const char *detail, const vg_watch_counts *c, void *ud)
{
    (void)ev; (void)url; (void)detail; (void)c; (void)ud;
    return 1;
}

TEST(watch_round_reports_unreadable_feeds)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) { CHECK(env != NULL); return; }
    vg_db *db = NULL;
    CHECK(vg_db_open(":memory:", 0, &db) == VG_OK);
    vg_watch_opts o;
    vg_watch_opts_default(&o);
    o.retries = 0;
    o.timeout_ms = 2000;
    o.min_interval_ms = 0;
    vg_watch *w = NULL;
    CHECK(vg_watch_open(env, db, &o, &w, err, sizeof err) == VG_OK);
    if (w) {
        const char *feeds[] = {"http://127.0.0.1:1/a.xml", "http://127.0.0.1:1/b.xml"};
        vg_watch_counts c;
        seen s = {0, 0, 0};
        CHECK(vg_watch_round(w, feeds, 2, record, &s, &c) == VG_OK);
        CHECK_INT(c.feeds, 2);
        CHECK_INT(c.feeds_failed, 2);
        CHECK_INT(c.items, 0);
        CHECK_INT(s.feed, 2);
        CHECK_INT(s.failed, 2);
        CHECK_INT(s.other, 0);
        /* a callback that asks to stop ends the round after the first report */
        CHECK(vg_watch_round(w, feeds, 2, stop_at_once, NULL, &c) == VG_OK);
        CHECK(c.feeds <= 1);
        CHECK(vg_watch_round(w, feeds, 2, NULL, NULL, &c) == VG_OK);
        CHECK_INT(c.feeds, 2);
    }
    vg_watch_close(w);
    vg_db_close(db);
    vg_env_close(env);
}
