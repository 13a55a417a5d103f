/* test_translit.c - transliteration tables (lib/text/translit.c): rows, longest match, word starts,
 * second spellings, and refusals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/text/translit.h"
#include "test.h"

/* A table from rows written to a temporary file; NULL (and err filled) when it does not load. */
static vg_translit *table_of(const char *rows, char *err, size_t errlen)
{
    char path[] = "/tmp/vigie-test-translit-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return NULL;
    FILE *f = fdopen(fd, "w");
    fputs(rows, f);
    fclose(f);
    vg_translit *t = NULL;
    vg_translit_load(path, &t, err, errlen);
    unlink(path);
    return t;
}

static const char *latin(const vg_translit *t, const char *w, int alt)
{
    static char out[128];
    size_t n = vg_translit_apply(t, w, strlen(w), alt, out, sizeof out);
    return n ? out : "";
}

TEST(translit_rows_longest_first_and_word_starts)
{
    char err[256] = "";
    vg_translit *t = table_of("# comment\n"
                              "\xd0\xb0\ta\n"              /* а */
                              "\xd0\xb4\td\n"              /* д */
                              "\xd0\xb6\tzh\n"             /* ж */
                              "\xd0\xb4\xd0\xb6\tdzh\tj\n" /* дж, second spelling j */
                              "\xd1\x8c\t\n"               /* ь: not written */
                              "^\xd0\xb0\xd0\xbb\tal-\n",  /* ал at a word's start: an article */
                              err, sizeof err);
    CHECK(t != NULL);
    if (!t) { printf("    %s\n", err); return; }
    CHECK(vg_translit_has_alt(t));
    CHECK_STR(latin(t, "\xd0\xb4\xd0\xb6\xd0\xb0", 0), "dzha"); /* джа: дж before д */
    CHECK_STR(latin(t, "\xd0\xb4\xd0\xb6\xd0\xb0", 1), "ja");
    CHECK_STR(latin(t, "\xd0\xb4\xd1\x8c\xd0\xb0", 0), "da"); /* дьа */
    CHECK_STR(latin(t, "\xd0\xb0\xd0\xbb\xd0\xb4", 0), "al d");  /* алд: the article splits */
    CHECK_STR(latin(t, "\xd0\xb4\xd0\xb0\xd0\xbb", 0), "");      /* дал: л is in no row (only at a start) */
    CHECK_STR(latin(t, "\xd0\xb4\xd0\xb0-\xd0\xb4\xd0\xb0", 0), "da da");
    CHECK_STR(latin(t, "\xd0\xb4x", 0), "dx");
    vg_translit_free(t);
}

TEST(translit_bad_rows_refused_with_line)
{
    char err[256] = "";
    CHECK(table_of("\xd0\xb0\ta\nb\tb\n", err, sizeof err) == NULL); /* a Latin letter as the source */
    CHECK(strstr(err, ":2:") != NULL);
    err[0] = 0;
    CHECK(table_of("\xd0\xb0\tA\n", err, sizeof err) == NULL); /* not lowercase */
    CHECK(strstr(err, ":1:") != NULL);
    CHECK(table_of("\xd0\xb0\ta\tb\tc\n", err, sizeof err) == NULL);
    vg_translit *t = NULL;
    CHECK_INT(vg_translit_load("/nonexistent/translit.tsv", &t, NULL, 0), VG_ERR_IO);
    CHECK(t == NULL);
    vg_translit_free(NULL);
}

/* The shipped Russian table gives Latin for every letter of a Russian word. */
TEST(translit_russian_table_loads)
{
    char path[1024], err[256] = "";
    snprintf(path, sizeof path, "%s/ru/translit.tsv", vg_test_data_dir());
    vg_translit *t = NULL;
    CHECK_INT(vg_translit_load(path, &t, err, sizeof err), VG_OK);
    if (!t) { printf("    %s\n", err); return; }
    CHECK_STR(latin(t, "\xd1\x85\xd0\xbe\xd0\xbc\xd1\x81", 0), "khoms"); /* хомс */
    CHECK_STR(latin(t, "\xd1\x85\xd0\xbe\xd0\xbc\xd1\x81", 1), "homs");
    vg_translit_free(t);
}
