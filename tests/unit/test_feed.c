/* test_feed.c - feed parser: RSS 2.0, Atom, RSS 1.0, dates to ISO 8601, hostile and non-XML input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/core/arena.h"
#include "../../lib/formats/formats.h"
#include "test.h"

#define FIX "tests/fixtures/feeds/"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long l = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *d = malloc((size_t)l + 1);
    *n = d ? fread(d, 1, (size_t)l, f) : 0;
    fclose(f);
    return d;
}

static vg_status parse_file(vg_arena *a, const char *path, vg_feed_item **items, size_t *n, char **title, char *err)
{
    size_t len = 0;
    char *data = slurp(path, &len);
    if (!data) return VG_ERR_IO;
    vg_status st = vg_feed_parse(a, data, len, items, n, title, err, 256);
    free(data);
    return st;
}

TEST(feed_rss2)
{
    vg_arena *a = vg_arena_new(4096);
    vg_feed_item *it;
    size_t n;
    char *title, err[256];
    CHECK_INT(parse_file(a, FIX "rss2.xml", &it, &n, &title, err), VG_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(title, "Le Veilleur \xE2\x80\x94 International");
        CHECK_STR(it[0].title, "Frappes a\xC3\xA9riennes sur Idleb");
        CHECK_STR(it[0].link, "https://veilleur.example/2026/11/23/frappes-idleb");
        CHECK_STR(it[0].id, "veilleur-12345");
        CHECK_STR(it[0].published, "2026-11-23T10:15:00+01:00");
        CHECK_STR(it[0].author, "Marie Dupont");
        /* content:encoded wins over description */
        CHECK(it[0].content && strncmp(it[0].content, "<p>Des frappes a\xC3\xA9riennes", 20) == 0);
        CHECK(it[0].content_is_html);
        CHECK_STR(it[1].published, "2026-11-22T18:00:00Z");
        CHECK_STR(it[1].author, "Jean Martin");
        CHECK_STR(it[1].content, "Deux personnes ont \xC3\xA9t\xC3\xA9 tu\xC3\xA9" "es \xC3\xA0 Alep.");
    }
    vg_arena_free(a);
}

TEST(feed_atom)
{
    vg_arena *a = vg_arena_new(4096);
    vg_feed_item *it;
    size_t n;
    char *title, err[256];
    CHECK_INT(parse_file(a, FIX "atom.xml", &it, &n, &title, err), VG_OK);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(title, "Wire Desk");
        CHECK_STR(it[0].link, "https://wire.example/2026/clashes-homs"); /* rel=alternate, not self */
        CHECK_STR(it[0].published, "2026-11-23T08:12:45+02:00");
        CHECK_STR(it[0].author, "Sam Reporter");
        CHECK_STR(it[0].id, "tag:wire.example,2026:1");
        CHECK(it[0].content_is_html);
        CHECK(it[0].content && strstr(it[0].content, "<em>Homs</em>") != NULL);
        CHECK_STR(it[1].link, "https://wire.example/2026/protest");
        CHECK_STR(it[1].published, "2026-11-22"); /* no published: updated */
        CHECK_STR(it[1].content, "Hundreds protested.");
        CHECK(!it[1].content_is_html);
    }
    vg_arena_free(a);
}

TEST(feed_rss1_rdf)
{
    vg_arena *a = vg_arena_new(4096);
    vg_feed_item *it;
    size_t n;
    char *title, err[256];
    CHECK_INT(parse_file(a, FIX "rss1.rdf", &it, &n, &title, err), VG_OK);
    CHECK_INT(n, 1);
    if (n == 1) {
        CHECK_STR(title, "Old Style");
        CHECK_STR(it[0].link, "https://old.example/story/1");
        CHECK_STR(it[0].published, "2026-11-21T07:00:00-05:00");
    }
    vg_arena_free(a);
}

TEST(feed_not_xml)
{
    vg_arena *a = vg_arena_new(4096);
    vg_feed_item *it;
    size_t n;
    char *title, err[256];
    CHECK_INT(parse_file(a, FIX "not-xml.xml", &it, &n, &title, err), VG_ERR_FORMAT);
    CHECK(strstr(err, "not a feed") != NULL);
    CHECK_INT(vg_feed_parse(a, "<html><body></body></html>", 26, &it, &n, &title, err, sizeof err), VG_ERR_FORMAT);
    CHECK(strstr(err, "<html>") != NULL);
    CHECK_INT(vg_feed_parse(a, "", 0, &it, &n, NULL, err, sizeof err), VG_ERR_FORMAT);
    CHECK_INT(vg_feed_parse(a, "\x00\x01\x02", 3, &it, &n, NULL, err, sizeof err), VG_ERR_FORMAT);
    vg_arena_free(a);
}

TEST(feed_entities_are_not_expanded_without_bound)
{
    /* billion laughs and an external entity: refused or kept small, never
     * /etc/passwd */
    vg_arena *a = vg_arena_new(4096);
    vg_feed_item *it;
    size_t n = 0;
    char *title = NULL, err[256];
    vg_status st = parse_file(a, FIX "laughs.xml", &it, &n, &title, err);
    if (st == VG_OK) {
        CHECK(vg_arena_used(a) < 16 * 1024 * 1024);
        for (size_t i = 0; i < n; i++) CHECK(!it[i].title || !strstr(it[i].title, "root:"));
    } else {
        CHECK_INT(st, VG_ERR_FORMAT);
    }
    vg_arena_free(a);
}

TEST(feed_dates)
{
    vg_arena *a = vg_arena_new(4096);
    static const char *const cases[][2] = {
        {"<pubDate>Tue, 03 Jun 2008 09:39:21 GMT</pubDate>", "2008-06-03T09:39:21Z"},
        {"<pubDate>3 Jun 2008 09:39 EST</pubDate>", "2008-06-03T09:39:00-05:00"},
        {"<pubDate>Tue, 03 Jun 2008</pubDate>", "2008-06-03"},
        {"<pubDate>2008-06-03T09:39:21+0530</pubDate>", "2008-06-03T09:39:21+05:30"},
        {"<pubDate>yesterday</pubDate>", NULL},
        {"<pubDate>Tue, 45 Foo 2008 09:39:21 GMT</pubDate>", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char xml[512];
        snprintf(xml, sizeof xml, "<rss><channel><item><link>http://x/</link>%s</item></channel></rss>", cases[i][0]);
        vg_feed_item *it;
        size_t n;
        char err[256];
        CHECK_INT(vg_feed_parse(a, xml, strlen(xml), &it, &n, NULL, err, sizeof err), VG_OK);
        CHECK_INT(n, 1);
        if (n != 1) continue;
        if (cases[i][1]) CHECK_STR(it[0].published, cases[i][1]);
        else CHECK(it[0].published == NULL);
    }
    vg_arena_free(a);
}

TEST(feed_mislabelled_latin1_is_read_as_cp1252)
{
    vg_arena *a = vg_arena_new(4096);
    static const char xml[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><channel><item>"
                              "<title>Arr\xEAt\xE9s \xE0 Lyon \x96 deux</title><link>http://x/</link></item></channel></rss>";
    vg_feed_item *it;
    size_t n = 0;
    char err[256];
    CHECK_INT(vg_feed_parse(a, xml, sizeof xml - 1, &it, &n, NULL, err, sizeof err), VG_OK);
    CHECK_INT(n, 1);
    if (n == 1) CHECK_STR(it[0].title, "Arr\xC3\xAAt\xC3\xA9s \xC3\xA0 Lyon \xE2\x80\x93 deux");
    /* an unknown declared encoding stays an error, on one line */
    static const char bad[] = "<?xml version=\"1.0\" encoding=\"bogus-enc\"?><rss/>";
    CHECK_INT(vg_feed_parse(a, bad, sizeof bad - 1, &it, &n, NULL, err, sizeof err), VG_ERR_FORMAT);
    CHECK(strchr(err, '\n') == NULL);
    vg_arena_free(a);
}
