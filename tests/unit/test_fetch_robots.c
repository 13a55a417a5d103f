/* test_fetch_robots.c - robots.txt groups, longest match, wildcards, crawl delay; fetch state file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/fetch/fetch.h"
#include "../../lib/fetch/robots.h"
#include "../../lib/fetch/state.h"
#include "test.h"

static vg_robots *parse(const char *txt)
{
    vg_robots *r = NULL;
    CHECK_INT(vg_robots_parse(txt, strlen(txt), "vigie", &r), VG_OK);
    return r;
}

TEST(robots_star_group)
{
    vg_robots *r = parse("User-agent: *\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 2.5\n");
    CHECK(vg_robots_allowed(r, "/news/1"));
    CHECK(!vg_robots_allowed(r, "/private/x"));
    CHECK(vg_robots_allowed(r, "/private/open/y")); /* longer Allow wins */
    CHECK(vg_robots_allowed(r, "/robots.txt"));
    CHECK_INT(vg_robots_crawl_delay_ms(r), 2500);
    vg_robots_free(r);
}

TEST(robots_own_group_replaces_star)
{
    vg_robots *r = parse("# comment\nUser-agent: *\nDisallow: /\n\nUser-agent: OtherBot\nUser-agent: Vigie/0.1\n"
                         "Disallow: /tmp # trailing comment\n");
    CHECK(vg_robots_allowed(r, "/news"));
    CHECK(!vg_robots_allowed(r, "/tmp/a"));
    CHECK_INT(vg_robots_crawl_delay_ms(r), -1);
    vg_robots_free(r);
    /* a group for another robot does not apply */
    r = parse("User-agent: vigiebot\nDisallow: /\n");
    CHECK(vg_robots_allowed(r, "/anything"));
    vg_robots_free(r);
}

TEST(robots_wildcards)
{
    vg_robots *r = parse("User-agent: *\r\nDisallow: /*.pdf$\r\nDisallow: /search*q=\r\nDisallow:\r\n");
    CHECK(!vg_robots_allowed(r, "/docs/a.pdf"));
    CHECK(vg_robots_allowed(r, "/docs/a.pdf?x=1"));
    CHECK(!vg_robots_allowed(r, "/search?lang=fr&q=syrie"));
    CHECK(vg_robots_allowed(r, "/search"));
    vg_robots_free(r);
}

TEST(robots_all_and_garbage)
{
    vg_robots *r = NULL;
    CHECK_INT(vg_robots_all(0, &r), VG_OK);
    CHECK(!vg_robots_allowed(r, "/a"));
    CHECK(vg_robots_allowed(r, "/robots.txt"));
    vg_robots_free(r);
    r = parse("\x01\x02 not robots at all\n::::\nDisallow /x\n");
    CHECK(vg_robots_allowed(r, "/x"));
    vg_robots_free(r);
    /* hostile pattern stays quick */
    char big[6000] = "User-agent: *\nDisallow: /";
    size_t l = strlen(big);
    for (int i = 0; i < 1000; i++) { big[l++] = '*'; big[l++] = 'a'; }
    big[l++] = '$';
    big[l] = 0;
    r = parse(big);
    char path[4000] = "/";
    memset(path + 1, 'a', 3000);
    path[3001] = 'b';
    path[3002] = 0;
    CHECK(vg_robots_allowed(r, path));
    vg_robots_free(r);
}

TEST(fetch_state_persists)
{
    char path[] = "/tmp/vg-fetch-state-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    char err[256], etag[64], lm[64];
    vg_fetch_state *s = NULL;
    CHECK_INT(vg_fetch_state_open(path, &s, err, sizeof err), VG_OK);
    if (!s) return;
    CHECK(!vg_fetch_state_seen(s, "http://a/1"));
    CHECK_INT(vg_fetch_state_mark_seen(s, "http://a/1"), VG_OK);
    CHECK_INT(vg_fetch_state_set_validators(s, "http://a/feed", "\"v1\"", "Mon, 23 Nov 2026 10:00:00 GMT"), VG_OK);
    vg_fetch_state_close(s);
    CHECK_INT(vg_fetch_state_open(path, &s, err, sizeof err), VG_OK);
    if (!s) return;
    CHECK(vg_fetch_state_seen(s, "http://a/1"));
    CHECK(!vg_fetch_state_seen(s, "http://a/2"));
    CHECK_INT(vg_fetch_state_validators(s, "http://a/feed", etag, sizeof etag, lm, sizeof lm), VG_OK);
    CHECK_STR(etag, "\"v1\"");
    CHECK_STR(lm, "Mon, 23 Nov 2026 10:00:00 GMT");
    vg_fetch_state_close(s);
    unlink(path);
    char side[300];
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

TEST(fetch_refuses_other_schemes)
{
    vg_fetcher *f = NULL;
    char err[256];
    vg_fetch_opts o;
    vg_fetch_opts_default(&o);
    CHECK_INT(vg_fetcher_open(&o, &f, err, sizeof err), VG_OK);
    if (!f) return;
    vg_fetch_result res;
    CHECK_INT(vg_fetch_url(f, "file:///etc/passwd", 0, &res), VG_ERR_ARG);
    CHECK_INT(vg_fetch_url(f, "ftp://example.org/x", 0, &res), VG_ERR_ARG);
    CHECK_INT(vg_fetch_url(f, "gopher://x", 0, &res), VG_ERR_ARG);
    CHECK(strstr(vg_fetcher_error(f), "not an http(s) URL") != NULL);
    vg_fetcher_close(f);
}

TEST(fetch_resolve_links)
{
    char out[256];
    CHECK_INT(vg_fetch_resolve("http://h.example/news/feed.xml", "a1.html", out, sizeof out), VG_OK);
    CHECK_STR(out, "http://h.example/news/a1.html");
    CHECK_INT(vg_fetch_resolve("http://h.example/news/feed.xml", "/x?y=1", out, sizeof out), VG_OK);
    CHECK_STR(out, "http://h.example/x?y=1");
    CHECK_INT(vg_fetch_resolve("http://h.example/feed", "https://other.example/a", out, sizeof out), VG_OK);
    CHECK_STR(out, "https://other.example/a");
    CHECK_INT(vg_fetch_resolve("http://h.example/feed", "https://other.example/a", out, 8), VG_ERR_ARG);
}

/* RFC 9309 2.2.2: paths and rules compare with unreserved characters decoded
 * and everything else percent-encoded, hex case ignored. */
TEST(robots_percent_encoding)
{
    vg_robots *r = parse("User-agent: *\nDisallow: /private/\nDisallow: /%7Euser/\nDisallow: /a%2fb\n"
                         "Disallow: /caf%c3%a9\nDisallow: /%2A$\n");
    CHECK(!vg_robots_allowed(r, "/%70rivate/x"));  /* %70 is 'p' */
    CHECK(vg_robots_allowed(r, "/%70RIVATE/x"));   /* the letters' case still counts */
    CHECK(!vg_robots_allowed(r, "/~user/page"));
    CHECK(!vg_robots_allowed(r, "/%7euser/page"));
    CHECK(!vg_robots_allowed(r, "/a%2Fb"));         /* an encoded '/' stays encoded, any case */
    CHECK(vg_robots_allowed(r, "/a/b"));            /* and is not a '/' */
    CHECK(!vg_robots_allowed(r, "/caf\xc3\xa9/menu")); /* raw UTF-8 compares encoded */
    CHECK(!vg_robots_allowed(r, "/caf%C3%a9"));
    CHECK(!vg_robots_allowed(r, "/%2a"));           /* an encoded '*' is a literal star */
    CHECK(vg_robots_allowed(r, "/x"));
    vg_robots_free(r);
}
