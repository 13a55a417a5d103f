/* test_html.c - HTML extraction: main text, metadata, charsets, hostile pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "../../lib/core/arena.h"
#include "../../lib/extract/html_charset.h"
#include "../../lib/extract/html_hints.h"
#include "../../lib/extract/html_meta.h"
#include "test.h"

#define FIX "tests/fixtures/html/"

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    *n = b ? fread(b, 1, (size_t)len, f) : 0;
    fclose(f);
    return b;
}

typedef struct ctx {
    vg_env *env;
    vg_doc *doc;
} ctx;

static int open_ctx(ctx *c)
{
    char err[256];
    c->env = NULL;
    c->doc = NULL;
    if (vg_env_open(vg_test_data_dir(), &c->env, err, sizeof err) != VG_OK) { printf("    env: %s\n", err); return 0; }
    if (vg_doc_create(c->env, &c->doc) != VG_OK) return 0;
    return 1;
}

static void close_ctx(ctx *c)
{
    vg_doc_free(c->doc);
    vg_env_close(c->env);
}

static vg_status load_html(ctx *c, const char *data, size_t n, const char *charset)
{
    vg_input in = {0};
    in.source = "t.html";
    in.ext_id = "t.html";
    in.format = "html";
    in.content_type = "html";
    in.data = data;
    in.len = n;
    in.charset = charset;
    return vg_doc_load(c->doc, &in);
}

static vg_status load_fixture(ctx *c, const char *name)
{
    char path[256];
    size_t n;
    snprintf(path, sizeof path, FIX "%s", name);
    char *data = slurp(path, &n);
    if (!data) { printf("    cannot read %s\n", path); return VG_ERR_IO; }
    vg_status st = load_html(c, data, n, NULL);
    free(data);
    return st;
}

static int has(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

TEST(html_article_text_without_chrome)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    CHECK_INT(load_fixture(&c, "fr_article.html"), VG_OK);
    const char *t = vg_doc_get(c.doc, VG_F_TEXT);
    CHECK(has(t, "Trois personnes sont mortes lundi"));
    CHECK(has(t, "Des \xC3\xA9" "coles ferm\xC3\xA9" "es mardi"));        /* heading in the article */
    CHECK(has(t, "2 000 foyers"));                                         /* list item */
    CHECK(has(t, "Nous n'avions jamais vu"));                              /* quote */
    CHECK(!has(t, "cookies"));
    CHECK(!has(t, "Accueil"));
    CHECK(!has(t, "Partager"));
    CHECK(!has(t, "Photo AFP"));
    CHECK(!has(t, "Lire aussi"));
    CHECK(!has(t, "Bretagne"));
    CHECK(!has(t, "Courage aux"));
    CHECK(!has(t, "Tous droits"));
    CHECK(!has(t, "populaire"));
    CHECK(has(t, "Nîmes") || has(t, "N\xC3\xAEmes"));
    CHECK(has(t, "m\xC3\xA9" "t\xC3\xA9" "o") || has(t, "M\xC3\xA9t\xC3\xA9o-France"));
    /* what went is reported for `extract --removed` */
    CHECK(vg_doc_removed_count(c.doc) >= 10);
    close_ctx(&c);
}

TEST(html_metadata_from_meta_and_jsonld)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    CHECK_INT(load_fixture(&c, "fr_article.html"), VG_OK);
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "Inondations dans le Gard : trois morts \xC3\xA0 N\xC3\xAEmes");
    CHECK_STR(vg_doc_get(c.doc, VG_F_PUBLISHED), "2021-10-04T18:32:00+02:00");
    CHECK_STR(vg_doc_get(c.doc, VG_F_OUTLET), "Le Courrier du Sud");
    CHECK_STR(vg_doc_get(c.doc, VG_F_LANG), "fr");
    CHECK_STR(vg_doc_get(c.doc, VG_F_AUTHORS), "Claire Martin");
    CHECK_STR(vg_doc_get(c.doc, VG_F_URL), "https://www.courrier-du-sud.example/actualite/2021/10/04/inondations-gard");
    close_ctx(&c);
}

TEST(html_latin1_page_date_from_url_title_suffix)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    CHECK_INT(load_fixture(&c, "en_latin1.html"), VG_OK);
    const char *t = vg_doc_get(c.doc, VG_F_TEXT);
    CHECK(has(t, "caf\xC3\xA9 owner"));
    CHECK(has(t, "\xE2\x80\x9CWe were afraid,\xE2\x80\x9D"));   /* 0x93/0x94 are cp1252 quotes */
    CHECK(!has(t, "Copyright"));
    CHECK(!has(t, "Home"));
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "Soldiers clash with protesters near the border");
    CHECK_STR(vg_doc_get(c.doc, VG_F_PUBLISHED), "2020-05-09");
    CHECK_STR(vg_doc_get(c.doc, VG_F_OUTLET), "dailyledger.example");
    CHECK_STR(vg_doc_get(c.doc, VG_F_LANG), "en");
    close_ctx(&c);
}

TEST(html_wrong_declared_charset_read_as_utf8)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    CHECK_INT(load_fixture(&c, "wrong_charset.html"), VG_OK);
    CHECK(has(vg_doc_get(c.doc, VG_F_TEXT), "Un s\xC3\xA9isme de magnitude"));
    CHECK(!has(vg_doc_get(c.doc, VG_F_TEXT), "\xC3\x83"));   /* no mojibake */
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "S\xC3\xA9isme en Turquie");
    CHECK_STR(vg_doc_get(c.doc, VG_F_PUBLISHED), "2023-02-06");
    close_ctx(&c);
}

TEST(html_http_charset_and_input_metadata_win)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    /* windows-1251 Cyrillic, said only by the HTTP header */
    const char page[] = "<html><head><title>T</title></head><body><p>\xCF\xF0\xE8\xE2\xE5\xF2 \xEC\xE8\xF0, "
                        "this paragraph is long enough to count as the article body of the page.</p></body></html>";
    vg_input in = {0};
    in.source = in.ext_id = "r.html";
    in.format = in.content_type = "html";
    in.data = page;
    in.len = sizeof page - 1;
    in.charset = "windows-1251";
    in.title = "Given title";
    CHECK_INT(vg_doc_load(c.doc, &in), VG_OK);
    CHECK(has(vg_doc_get(c.doc, VG_F_TEXT), "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"));  /* Привет */
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "Given title");
    close_ctx(&c);
}

TEST(html_binary_rejected)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    unsigned char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (unsigned char)(i * 7 % 256);
    CHECK_INT(load_html(&c, (const char *)bin, sizeof bin, NULL), VG_ERR_BINARY);
    CHECK(has(vg_doc_error(c.doc), "binary"));
    close_ctx(&c);
}

TEST(html_empty_and_textless_pages_rejected)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    const char p[] = "<html><head><script>var x = 1;</script></head><body><img src=a.png></body></html>";
    CHECK_INT(load_html(&c, p, sizeof p - 1, NULL), VG_ERR_EMPTY);
    close_ctx(&c);
}

TEST(html_hostile_nesting_and_huge_attribute)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    /* 100k nested divs, never closed, then text */
    size_t depth = 100000;
    const char tail[] = "<p>Deep inside the page there is still a paragraph of text, long enough, with a comma.</p>";
    char *p = malloc(depth * 5 + sizeof tail);
    CHECK(p != NULL);
    if (p) {
        for (size_t i = 0; i < depth; i++) memcpy(p + i * 5, "<div>", 5);
        memcpy(p + depth * 5, tail, sizeof tail);
        vg_status st = load_html(&c, p, depth * 5 + sizeof tail - 1, NULL);
        CHECK(st == VG_OK || st == VG_ERR_EMPTY || st == VG_ERR_TOO_LARGE);
        free(p);
    }
    /* a 4 MB attribute value and unclosed tags everywhere */
    size_t big = 4u << 20;
    const char head[] = "<html><body><div class=\"", mid[] = "\"><p>Unclosed <b>bold <i>italic text that goes on, "
                                                             "and on, for the length of a real paragraph<p>Second";
    char *q = malloc(sizeof head + big + sizeof mid);
    CHECK(q != NULL);
    if (q) {
        memcpy(q, head, sizeof head - 1);
        memset(q + sizeof head - 1, 'x', big);
        memcpy(q + sizeof head - 1 + big, mid, sizeof mid);
        vg_status st = load_html(&c, q, sizeof head - 1 + big + sizeof mid - 1, NULL);
        CHECK(st == VG_OK || st == VG_ERR_EMPTY);
        free(q);
    }
    close_ctx(&c);
}

TEST(html_charset_sniff_and_repair)
{
    char cs[48];
    const char m1[] = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
    vg_html_sniff_charset(m1, sizeof m1 - 1, cs, sizeof cs);
    CHECK_STR(cs, "iso-8859-1");
    const char m2[] = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><html>";
    vg_html_sniff_charset(m2, sizeof m2 - 1, cs, sizeof cs);
    CHECK_STR(cs, "windows-1251");
    vg_html_sniff_charset("<p>no declaration</p>", 21, cs, sizeof cs);
    CHECK_STR(cs, "");

    vg_arena *a = vg_arena_new(4096);
    const char *out;
    size_t n;
    /* mixed: valid UTF-8 é, then a stray Latin-1 é */
    const char mixed[] = "caf\xC3\xA9 et caf\xE9";
    CHECK_INT(vg_html_to_utf8(a, mixed, sizeof mixed - 1, NULL, &out, &n), VG_OK);
    CHECK_STR(out, "caf\xC3\xA9 et caf\xC3\xA9");
    /* UTF-8 BOM stripped */
    CHECK_INT(vg_html_to_utf8(a, "\xEF\xBB\xBFok", 5, NULL, &out, &n), VG_OK);
    CHECK_STR(out, "ok");
    /* UTF-16LE with BOM */
    CHECK_INT(vg_html_to_utf8(a, "\xFF\xFEo\0k\0", 6, NULL, &out, &n), VG_OK);
    CHECK_STR(out, "ok");
    CHECK_INT(vg_html_to_utf8(a, "\x00\x01\x02\x03\x00\x00\x05\x06", 8, NULL, &out, &n), VG_ERR_BINARY);
    vg_arena_free(a);
}

TEST(html_dates_normalised)
{
    char d[32];
    CHECK(vg_html_norm_date("2020-05-09T10:11:12+02:00", 25, d));
    CHECK_STR(d, "2020-05-09T10:11:12+02:00");
    CHECK(vg_html_norm_date("2020-05-09T10:11:12.345Z", 24, d));
    CHECK_STR(d, "2020-05-09T10:11:12Z");
    CHECK(vg_html_norm_date("2020/05/09", 10, d));
    CHECK_STR(d, "2020-05-09");
    CHECK(vg_html_norm_date("20200509", 8, d));
    CHECK_STR(d, "2020-05-09");
    CHECK(vg_html_norm_date("Sat, 09 May 2020 10:00:00 GMT", 29, d));
    CHECK_STR(d, "2020-05-09");
    CHECK(vg_html_norm_date("November 19, 2019", 17, d));
    CHECK_STR(d, "2019-11-19");
    CHECK(!vg_html_norm_date("yesterday", 9, d));
    CHECK(!vg_html_norm_date("2020-13-45", 10, d));
    CHECK(vg_html_url_date("https://x.example/news/2019/11/19/story.html", d));
    CHECK_STR(d, "2019-11-19");
    CHECK(vg_html_url_date("https://x.example/2019-11-19-story", d));
    CHECK_STR(d, "2019-11-19");
    CHECK(!vg_html_url_date("https://x.example/id/123456789012", d));
}

TEST(html_title_suffix_stripped)
{
    const char t1[] = "Floods kill three in Nimes - Le Courrier du Sud";
    CHECK_INT(vg_html_strip_title(t1, sizeof t1 - 1, "Le Courrier du Sud", 0), strlen("Floods kill three in Nimes"));
    const char t2[] = "Floods kill three in Nimes | BBC News";
    CHECK_INT(vg_html_strip_title(t2, sizeof t2 - 1, NULL, 1), strlen("Floods kill three in Nimes"));
    /* a dash inside a headline is not a site name */
    const char t3[] = "Syria - the long war: a ten-year account of what happened";
    CHECK_INT(vg_html_strip_title(t3, sizeof t3 - 1, "Some Paper", 0), sizeof t3 - 1);
}

TEST(html_hints_weigh_class_words)
{
    const char tsv[] = "# test\narticle\t25\ncomment\t-40\tremove\n=ad\t-20\tremove\n";
    vg_html_hints *h;
    char err[128];
    CHECK_INT(vg_html_hints_parse(tsv, sizeof tsv - 1, &h, err, sizeof err), VG_OK);
    int rm;
    CHECK_INT(vg_html_hints_weigh(h, "article-body", 12, &rm), 25);
    CHECK_INT(rm, 0);
    CHECK_INT(vg_html_hints_weigh(h, "commentList", 11, &rm), -40);   /* camel hump, prefix */
    CHECK_INT(rm, 1);
    CHECK_INT(vg_html_hints_weigh(h, "article comments", 16, &rm), -15);
    CHECK_INT(rm, 1);
    CHECK_INT(vg_html_hints_weigh(h, "header", 6, &rm), 0);           /* "=ad" is a whole word only */
    CHECK_INT(vg_html_hints_weigh(h, "top-ad", 6, &rm), -20);
    vg_html_hints_free(h);
    const char bad[] = "article\tlots\n";
    CHECK(vg_html_hints_parse(bad, sizeof bad - 1, &h, err, sizeof err) == VG_ERR_RESOURCE);
    CHECK(h == NULL);
}

TEST(html_link_lists_and_teaser_cards_dropped)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    CHECK_INT(load_fixture(&c, "en_cards.html"), VG_OK);
    const char *t = vg_doc_get(c.doc, VG_F_TEXT);
    CHECK(has(t, "The river bridge reopened"));
    CHECK(has(t, "officials added."));
    CHECK(!has(t, "Bridge reopens after repairs"));   /* the headline is the title */
    CHECK(!has(t, "budget"));                         /* every item a link */
    CHECK(!has(t, "More from the city desk"));        /* label left at the end */
    CHECK(!has(t, "Ferry"));                          /* teaser cards */
    CHECK(!has(t, "bypass"));
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "Bridge reopens after repairs");
    close_ctx(&c);
}

TEST(html_meta_dates_skip_placeholders)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    const char p[] = "<html><head><meta itemprop=\"dateCreated\" content=\"0001-01-01T00:00Z\">"
                     "<meta itemprop=\"datePublished\" content=\"2019-11-20T10:43Z\">"
                     "<meta property=\"og:site_name\" content=\"Daily Ledger\">"
                     "<title>Storm hits the coast | Daily Ledger</title></head>"
                     "<body><p>The storm reached the coast on Wednesday morning, cutting power to many homes, officials said.</p></body></html>";
    CHECK_INT(load_html(&c, p, sizeof p - 1, NULL), VG_OK);
    CHECK_STR(vg_doc_get(c.doc, VG_F_PUBLISHED), "2019-11-20T10:43:00Z");
    CHECK_STR(vg_doc_get(c.doc, VG_F_TITLE), "Storm hits the coast");
    CHECK_STR(vg_doc_get(c.doc, VG_F_OUTLET), "Daily Ledger");
    const char q[] = "<html><head><meta name=\"sn-post-date\" content=\"2019/11/19\"></head>"
                     "<body><p>Argentina won the opening tie comfortably, taking both singles rubbers in straight sets.</p></body></html>";
    CHECK_INT(load_html(&c, q, sizeof q - 1, NULL), VG_OK);
    CHECK_STR(vg_doc_get(c.doc, VG_F_PUBLISHED), "2019-11-19");
    close_ctx(&c);
}

/* A page past the text limit says which limit, not "too much memory". */
TEST(html_too_much_text_names_the_limit)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    size_t n = (size_t)17 << 20;
    char *page = malloc(n + 64);
    CHECK(page != NULL);
    if (!page) { close_ctx(&c); return; }
    size_t k = (size_t)sprintf(page, "<html><body><p>");
    for (size_t i = 0; i < n; i++) page[k + i] = (char)(i % 8 == 7 ? ' ' : 'a' + (int)(i % 7));
    k += n;
    k += (size_t)sprintf(page + k, "</p></body></html>");
    CHECK_INT(load_html(&c, page, k, NULL), VG_ERR_TOO_LARGE);
    CHECK(has(vg_doc_error(c.doc), "16 MiB of text"));
    CHECK(!has(vg_doc_error(c.doc), "memory"));
    free(page);
    close_ctx(&c);
}

/* UTF-16 with a byte-order mark is decoded (iconv), not refused as binary. */
TEST(html_utf16_with_bom)
{
    ctx c;
    CHECK(open_ctx(&c));
    if (!c.doc) { close_ctx(&c); return; }
    const char *ascii = "<html><head><title>Raid</title></head><body><p>Rebels attacked an army post near Aleppo "
                        "on Monday, a monitoring group said, and several soldiers were wounded.</p></body></html>";
    size_t n = strlen(ascii);
    char *le = malloc(2 * n + 2), *be = malloc(2 * n + 2);
    CHECK(le && be);
    if (!le || !be) { free(le); free(be); close_ctx(&c); return; }
    le[0] = (char)0xFF; le[1] = (char)0xFE; be[0] = (char)0xFE; be[1] = (char)0xFF;
    for (size_t i = 0; i < n; i++) {
        le[2 + 2 * i] = ascii[i]; le[3 + 2 * i] = 0;
        be[2 + 2 * i] = 0; be[3 + 2 * i] = ascii[i];
    }
    CHECK_INT(load_html(&c, le, 2 * n + 2, NULL), VG_OK);
    CHECK(has(vg_doc_get(c.doc, VG_F_TEXT), "Rebels attacked an army post"));
    CHECK_INT(load_html(&c, be, 2 * n + 2, NULL), VG_OK);
    CHECK(has(vg_doc_get(c.doc, VG_F_TEXT), "Rebels attacked an army post"));
    free(le);
    free(be);
    close_ctx(&c);
}
