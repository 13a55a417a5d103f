/* test_chrome.c - page-chrome removal: which lines go, which stay, and why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vigie.h"
#include "../../lib/doc/doc.h"
#include "../../lib/extract/chrome.h"
#include "test.h"

static vg_env *env_open(void)
{
    vg_env *env = NULL;
    char err[256];
    if (vg_env_open(vg_test_data_dir(), &env, err, sizeof err) != VG_OK) printf("    env: %s\n", err);
    return env;
}

static vg_status load(vg_doc *d, const char *text, const char *source, const char *outlet)
{
    vg_input in = {0};
    in.source = source ? source : "t.txt";
    in.ext_id = "t.txt";
    in.format = "text";
    in.content_type = "text";
    in.outlet = outlet;
    in.data = text;
    in.len = strlen(text);
    return vg_doc_load(d, &in);
}

/* Why a line went, or NULL if it was not removed. */
static const char *reason_for(const vg_doc *d, const char *line)
{
    for (size_t i = 0; i < d->n_removed; i++)
        if (d->removed[i].len == strlen(line) && !memcmp(d->removed[i].text, line, d->removed[i].len))
            return d->removed[i].reason;
    return NULL;
}

static int has_text(const vg_doc *d, const char *s)
{
    const char *t = vg_doc_get(d, VG_F_TEXT);
    return t && strstr(t, s) != NULL;
}

#define SETUP()                                   \
    vg_env *env = env_open();                     \
    CHECK(env != NULL);                           \
    if (!env) return;                             \
    vg_doc *d = NULL;                             \
    CHECK(vg_doc_create(env, &d) == VG_OK);       \
    if (!d) { vg_env_close(env); return; }
#define TEARDOWN() do { vg_doc_free(d); vg_env_close(env); } while (0)

TEST(chrome_counters_prompts_and_title)
{
    SETUP();
    const char *t =
        "Des frappes aériennes visent un dépôt d'armes près de Hama\n\n"
        "0\n146\n\n"
        "Des avions ont frappé lundi un dépôt d'armes près de Hama, selon l'OSDH.\n\n"
        "« Nous avons entendu trois explosions », a raconté un habitant.\n\n"
        "Il n'y a pas eu de victimes.\n\n"
        "Les combats se poursuivaient dans la soirée au nord de la ville, selon la même source.\n\n"
        "LAISSER UN COMMENTAIRE\n\n"
        "S'il vous plaît entrez votre commentaire!\n"
        "S'il vous plaît entrez votre nom ici\n";
    CHECK_INT(load(d, t, NULL, NULL), VG_OK);
    CHECK_STR(vg_doc_get(d, VG_F_TITLE), "Des frappes aériennes visent un dépôt d'armes près de Hama");
    CHECK_STR(vg_doc_get(d, VG_F_LANG), "fr");
    CHECK_STR(reason_for(d, "146"), "counter");
    CHECK_STR(reason_for(d, "0"), "counter");
    CHECK(reason_for(d, "LAISSER UN COMMENTAIRE") != NULL);
    CHECK(reason_for(d, "S'il vous plaît entrez votre commentaire!") != NULL);
    CHECK(reason_for(d, "S'il vous plaît entrez votre nom ici") != NULL);
    /* Quotes and short real sentences stay. */
    CHECK(has_text(d, "« Nous avons entendu trois explosions »"));
    CHECK(has_text(d, "Il n'y a pas eu de victimes."));
    CHECK(!has_text(d, "COMMENTAIRE"));
    /* Paragraphs joined by a blank line; the title is not in the text. */
    CHECK(has_text(d, "selon l'OSDH.\n\n« Nous"));
    CHECK(!has_text(d, "visent un dépôt"));
    TEARDOWN();
}

TEST(chrome_related_block_and_tags)
{
    SETUP();
    const char *t =
        "International\nURL courte\n7870\nS'abonner\n\n"
        "L'armée a repris mardi le contrôle de la ville, a annoncé le ministère de la Défense.\n\n"
        "Lire aussi:\n\n"
        "Un chanteur célèbre annonce sa tournée d'adieu\n"
        "Nuit agitée en banlieue, des voitures incendiées\n"
        "Tags:\n"
        "guerre, armée, ville\n\n"
        "Les habitants commençaient à rentrer chez eux mercredi, selon des témoins.\n";
    CHECK_INT(load(d, t, NULL, NULL), VG_OK);
    CHECK(vg_doc_get(d, VG_F_TITLE) == NULL); /* "International" is no title */
    CHECK(reason_for(d, "International") != NULL);
    CHECK_STR(reason_for(d, "URL courte"), "pattern:fr:url-courte");
    CHECK_STR(reason_for(d, "S'abonner"), "pattern:fr:abonner");
    CHECK_STR(reason_for(d, "Lire aussi:"), "pattern:fr:lire-aussi");
    CHECK_STR(reason_for(d, "Un chanteur célèbre annonce sa tournée d'adieu"), "related-block");
    CHECK_STR(reason_for(d, "Nuit agitée en banlieue, des voitures incendiées"), "related-block");
    CHECK_STR(reason_for(d, "Tags:"), "pattern:fr:tags");
    CHECK_STR(reason_for(d, "guerre, armée, ville"), "related-block");
    /* The related block ends at the next real sentence. */
    CHECK(has_text(d, "Les habitants commençaient à rentrer chez eux mercredi"));
    CHECK(has_text(d, "L'armée a repris mardi le contrôle de la ville"));
    TEARDOWN();
}

TEST(chrome_other_script_url_and_caption)
{
    SETUP();
    const char *t =
        "Police fire tear gas at protesters in the capital\n\n"
        "Crowd outside parliament - Daily Courier\n"
        "Subscribe\n"
        "Police fired tear gas at thousands of protesters outside parliament on Friday, according to witnesses.\n\n"
        "Minister visits flooded villages - Daily Courier\n"
        "Storm damage costs rise as rivers keep swelling\n\n"
        "At least 40 people were arrested, police said in a statement.\n\n"
        "Заголовок открываемого материала\n"
        "https://example.com/news/12345-protest\n";
    CHECK_INT(load(d, t, NULL, NULL), VG_OK);
    CHECK_STR(vg_doc_get(d, VG_F_LANG), "en");
    CHECK_STR(vg_doc_get(d, VG_F_TITLE), "Police fire tear gas at protesters in the capital");
    CHECK_STR(reason_for(d, "Crowd outside parliament - Daily Courier"), "caption");
    CHECK_STR(reason_for(d, "Minister visits flooded villages - Daily Courier"), "caption");
    CHECK_STR(reason_for(d, "Storm damage costs rise as rivers keep swelling"), "related-block");
    CHECK_STR(reason_for(d, "Subscribe"), "pattern:en:subscribe");
    CHECK_STR(reason_for(d, "Заголовок открываемого материала"), "other-script");
    CHECK_STR(reason_for(d, "https://example.com/news/12345-protest"), "url");
    CHECK(has_text(d, "At least 40 people were arrested"));
    TEARDOWN();
}

TEST(chrome_keeps_lone_title_case_dash_and_subheads)
{
    SETUP();
    /* One " - Word" line is not a caption: title-case headlines look like that. */
    const char *t =
        "Rebels seize border town after two-day battle, residents say in phone calls to reporters.\n"
        "Ceasefire talks resume in Geneva - Officials Hopeful\n"
        "Government troops withdrew from the town on Sunday, a military source said.\n"
        "Fighting spreads to the south as aid convoys wait\n"
        "Aid agencies said convoys were stuck at the crossing for a third day.\n";
    CHECK_INT(load(d, t, NULL, NULL), VG_OK);
    CHECK(vg_doc_get(d, VG_F_TITLE) == NULL); /* the first line is a sentence */
    CHECK(has_text(d, "Ceasefire talks resume in Geneva - Officials Hopeful"));
    CHECK(has_text(d, "Fighting spreads to the south as aid convoys wait"));
    CHECK_INT(vg_doc_removed_count(d), 0);
    TEARDOWN();
}

TEST(chrome_lines_repeated_across_one_outlets_documents)
{
    SETUP();
    char buf[512];
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf,
                 "Troops clashed with gunmen in district %d on Tuesday, officials said.\n\n"
                 "Watch our live coverage all day long\n\n"
                 "The toll rose to %d by nightfall, according to hospital staff.\n", i + 1, i + 3);
        CHECK_INT(load(d, buf, "site/a.txt", "Daily Courier"), VG_OK);
        const char *r = reason_for(d, "Watch our live coverage all day long");
        if (i < 2) CHECK(r == NULL);
        else CHECK_STR(r, "repeated");
    }
    /* Another outlet has not shown it before. */
    CHECK_INT(load(d, buf, "site/b.txt", "Other Paper"), VG_OK);
    CHECK(reason_for(d, "Watch our live coverage all day long") == NULL);
    TEARDOWN();
}

TEST(chrome_given_title_and_hard_wrapped_text)
{
    SETUP();
    vg_input in = {0};
    const char *t =
        "Flooding forces thousands from their homes\n\n"
        "Heavy rain caused rivers to burst their banks across the region on\n"
        "Monday, forcing thousands of people from their homes, officials said.\n";
    in.source = "t.txt"; in.ext_id = "t.txt"; in.format = "text"; in.content_type = "text";
    in.title = "Flooding forces thousands from their homes";
    in.data = t; in.len = strlen(t);
    CHECK_INT(vg_doc_load(d, &in), VG_OK);
    CHECK_STR(reason_for(d, "Flooding forces thousands from their homes"), "title-repeat");
    CHECK(has_text(d, "the region on Monday, forcing"));
    TEARDOWN();
}

TEST(chrome_load_rejects_bad_rules)
{
    char dir[] = "/tmp/vg-chrome-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[512];
    snprintf(path, sizeof path, "%s/xx", dir);
    CHECK(mkdir(path, 0700) == 0);
    snprintf(path, sizeof path, "%s/xx/chrome.tsv", dir);
    const char *bad[] = {"nonsense\tfoo\tname\n", "regex\t(unclosed\tname\n", "exact\tfoo\n"};
    for (size_t i = 0; i < 3; i++) {
        FILE *f = fopen(path, "w");
        CHECK(f != NULL);
        if (!f) break;
        fputs(bad[i], f);
        fclose(f);
        vg_chrome *c = NULL;
        char err[256] = "";
        CHECK_INT(vg_chrome_load(dir, &c, err, sizeof err), VG_ERR_RESOURCE);
        CHECK(c == NULL);
        CHECK(strstr(err, "chrome.tsv:1") != NULL);
    }
    FILE *f = fopen(path, "w");
    if (f) { fputs("# ok\nexact\tFoo Bar\tfoo\n", f); fclose(f); }
    vg_chrome *c = NULL;
    char err[256];
    CHECK_INT(vg_chrome_load(dir, &c, err, sizeof err), VG_OK);
    vg_chrome_free(c);
    unlink(path);
    snprintf(path, sizeof path, "%s/xx", dir);
    rmdir(path);
    rmdir(dir);
}

static void write_rules(const char *dir, const char *lang, const char *rules)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, lang);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/%s/chrome.tsv", dir, lang);
    FILE *f = fopen(path, "w");
    if (f) { fputs(rules, f); fclose(f); }
}

/* Rules are tried in the document's order (its language's first, then the others in folder
 * order) whatever their kind: literal rules are found by the line's first byte, regexes read
 * every line, the long sentences that are never folded included. */
TEST(chrome_rule_order_by_language_and_kind)
{
    char dir[] = "/tmp/vg-chrome-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    write_rules(dir, "aa", "prefix\tshare this\tshare\nregex\t^Share\\b\tshare-re\n");
    write_rules(dir, "bb", "exact\tshare this story\tshare-b\nprefix\tzz\tzed\n");
    vg_chrome *c = NULL;
    char err[256];
    CHECK_INT(vg_chrome_load(dir, &c, err, sizeof err), VG_OK);
    SETUP();
    const char *t = "Share this story\n\nShare: 12\n\nZz top\n\n"
                    "Share prices rose sharply in early trading today as investors welcomed the news from the "
                    "central bank about rates.\n\nA body of text that stays where it is.\n";
    static const char *const langs[] = {"bb", "aa", NULL, "cc"};
    static const char *const first[] = {"pattern:bb:share-b", "pattern:aa:share", "pattern:aa:share",
                                        "pattern:aa:share"};
    for (size_t k = 0; k < 4; k++) {
        vg_chrome_memory mem = {0};
        vg_doc_reset(d);
        CHECK_INT(vg_chrome_strip(c, NULL, &mem, d, t, strlen(t), langs[k]), VG_OK);
        CHECK_STR(reason_for(d, "Share this story"), first[k]);
        CHECK_STR(reason_for(d, "Share: 12"), "pattern:aa:share-re");
        CHECK_STR(reason_for(d, "Zz top"), "pattern:bb:zed");
        CHECK_STR(reason_for(d, "Share prices rose sharply in early trading today as investors welcomed the news "
                                "from the central bank about rates."),
                  "pattern:aa:share-re");
        CHECK(has_text(d, "A body of text that stays"));
        vg_chrome_cache_free(mem.cache);
    }
    TEARDOWN();
    vg_chrome_free(c);
    char path[512];
    for (int l = 0; l < 2; l++) {
        snprintf(path, sizeof path, "%s/%s/chrome.tsv", dir, l ? "bb" : "aa");
        unlink(path);
        snprintf(path, sizeof path, "%s/%s", dir, l ? "bb" : "aa");
        rmdir(path);
    }
    rmdir(dir);
}

TEST(chrome_datelines_bylines_and_cut_prose)
{
    SETUP();
    const char *t =
        "Storm cuts power to thousands along the coast\n\n"
        "By Jane Porter\n"
        "Published on Friday, 14 March 2025\n"
        "A storm cut power to about 40,000 homes along the coast on Friday, the utility company said,\n"
        "adding that crews would work through the night.\n\n"
        "Winds of up to 120 km/h brought down trees and power lines in several towns, officials said.\n\n"
        "Residents were asked to stay indoors until the warning is lifted by the weather service at noon\n";
    CHECK_INT(load(d, t, NULL, NULL), VG_OK);
    CHECK_STR(reason_for(d, "By Jane Porter"), "pattern:en:byline");
    CHECK_STR(reason_for(d, "Published on Friday, 14 March 2025"), "pattern:en:dateline");
    /* Joined: the first line stops on a comma and the next starts lowercase. */
    CHECK(has_text(d, "the utility company said, adding that crews"));
    /* An unpunctuated last paragraph of 18 words is text, not a footer. */
    CHECK(has_text(d, "Residents were asked to stay indoors"));
    TEARDOWN();
}

/* Pages far past the outlet memory's size and with long runs of wrapped
 * lines: regression for a table that filled up and a quadratic join. */
TEST(chrome_huge_pages_finish)
{
    SETUP();
    size_t cap = 4u << 20, n = 0;
    char *t = malloc(cap);
    CHECK(t != NULL);
    if (!t) { TEARDOWN(); return; }
    n += (size_t)snprintf(t + n, cap - n, "Title line for a huge page\n\nA first sentence that reads like the body of an article.\n");
    for (int i = 0; i < 40000; i++)
        n += (size_t)snprintf(t + n, cap - n, "Photo %d - Some Outlet\n", i);
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(t + n, cap - n, "a long line of text without any stop that wraps on and on %d\n", i);
    vg_input in = {0};
    in.source = "big/page.txt"; in.ext_id = "page.txt"; in.format = "text"; in.content_type = "text";
    in.data = t; in.len = n;
    CHECK_INT(vg_doc_load(d, &in), VG_OK);
    CHECK(has_text(d, "wraps on and on 0 a long line"));
    CHECK_STR(vg_doc_get(d, VG_F_TITLE), "Title line for a huge page");
    free(t);
    TEARDOWN();
}
