/* test_tsv.c - the data-file reader: rows, comments, and errors naming file:line. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/analyze/classes.h"
#include "../../lib/analyze/lexicon.h"
#include "../../lib/core/tsv.h"
#include "test.h"

TEST(tsv_rows_fields_comments_blank_lines)
{
    const char s[] = "# a comment\n\nword\tA\tx\r\n  \nlast\tB"; /* no final newline */
    char err[128];
    vg_tsv t;
    vg_tsv_open_mem(&t, "mem.tsv", s, sizeof s - 1, 0, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(vg_tsv_lineno(&t), 3);
    CHECK_INT(vg_tsv_nfields(&t), 3);
    CHECK_STR(vg_tsv_field(&t, 0), "word");
    CHECK_STR(vg_tsv_field(&t, 2), "x"); /* the "\r" dropped */
    CHECK_STR(vg_tsv_field(&t, 3), "");  /* past the last field */
    CHECK_INT(vg_tsv_next(&t), 1);       /* spaces are a row, not a blank line */
    CHECK_STR(vg_tsv_field(&t, 0), "  ");
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(vg_tsv_lineno(&t), 5);
    CHECK_STR(vg_tsv_field(&t, 1), "B");
    CHECK_INT(vg_tsv_next(&t), 0);
    CHECK_INT(vg_tsv_close(&t), VG_OK);
}

TEST(tsv_unknown_class_names_file_and_line)
{
    static const char *const classes[] = {"kill", "hurt"};
    const char s[] = "# word class\nshot\thurt\nslain\tkil\n";
    char err[256];
    vg_tsv t;
    vg_tsv_open_mem(&t, "cues.tsv", s, sizeof s - 1, 0, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(vg_tsv_enum(&t, 1, "class", classes, 2), 1);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(vg_tsv_enum(&t, 1, "class", classes, 2), -1);
    CHECK(strstr(err, "cues.tsv:3: unknown class 'kil'") == err);
    CHECK(strstr(err, "kill, hurt") != NULL);
    CHECK_INT(vg_tsv_next(&t), -1); /* an error stops the reading */
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
}

TEST(tsv_overlong_line_refused_not_split)
{
    char s[200];
    memset(s, 'x', sizeof s);
    memcpy(s, "ok\n", 3);
    s[sizeof s - 1] = '\n';
    char err[128];
    vg_tsv t;
    vg_tsv_open_mem(&t, "long.tsv", s, sizeof s, 100, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(vg_tsv_next(&t), -1);
    CHECK_STR(err, "long.tsv:2: line longer than 100 bytes");
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
    /* exactly at the limit is fine */
    vg_tsv_open_mem(&t, "long.tsv", s + 3, 100, 100, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_INT(strlen(vg_tsv_field(&t, 0)), 100);
    CHECK_INT(vg_tsv_close(&t), VG_OK);
}

TEST(tsv_missing_column_names_file_and_line)
{
    const char s[] = "a\t1\nb\n";
    char err[128];
    vg_tsv t;
    vg_tsv_open_mem(&t, "cols.tsv", s, sizeof s - 1, 0, err, sizeof err);
    int rows = 0;
    while (vg_tsv_next(&t) == 1) {
        if (vg_tsv_nfields(&t) < 2) { vg_tsv_fail(&t, VG_ERR_RESOURCE, "expected WORD<TAB>NUMBER"); break; }
        rows++;
    }
    CHECK_INT(rows, 1);
    CHECK_STR(err, "cols.tsv:2: expected WORD<TAB>NUMBER");
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
}

TEST(tsv_nul_byte_and_too_many_fields_refused)
{
    const char s[] = "a\0b\tc\n";
    char err[128];
    vg_tsv t;
    vg_tsv_open_mem(&t, "nul.tsv", s, sizeof s - 1, 0, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), -1);
    CHECK_STR(err, "nul.tsv:1: NUL byte in line");
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
    char many[64] = "x";
    for (int i = 0; i < VG_TSV_MAX_FIELDS; i++) strcat(many, "\t");
    vg_tsv_open_mem(&t, "many.tsv", many, strlen(many), 0, err, sizeof err);
    CHECK_INT(vg_tsv_next(&t), -1);
    CHECK(strstr(err, "many.tsv:1: more than") == err);
    vg_tsv_close(&t);
}

TEST(tsv_missing_file_is_io_error)
{
    char err[128];
    vg_tsv t;
    CHECK_INT(vg_tsv_open(&t, "/nonexistent/x.tsv", 0, err, sizeof err), VG_ERR_IO);
    CHECK_STR(err, "cannot open /nonexistent/x.tsv");
}

/* A new file from template path (its XXXXXX replaced), open for writing; NULL when none. */
static FILE *temp_file(char *path)
{
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (fd >= 0 && !f) close(fd);
    return f;
}

TEST(tsv_file_rows_match_memory_rows)
{
    char path[] = "/tmp/vigie-tsv-XXXXXX";
    FILE *f = temp_file(path);
    CHECK(f != NULL);
    if (!f) return;
    fputs("# c\nun\t1\n\ndeux\t2\n", f);
    fclose(f);
    char err[128];
    vg_tsv t;
    CHECK_INT(vg_tsv_open(&t, path, 0, err, sizeof err), VG_OK);
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_STR(vg_tsv_field(&t, 0), "un");
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_STR(vg_tsv_field(&t, 1), "2");
    CHECK_INT(vg_tsv_lineno(&t), 4);
    vg_tsv_fail(&t, VG_ERR_RESOURCE, "bad %s", "thing");
    CHECK(strstr(err, ":4: bad thing") != NULL && strstr(err, path) == err);
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
    unlink(path);
}

/* A file is read a chunk at a time: rows that straddle chunks, one longer than a chunk, and an
 * overlong one past them read as they would from memory. */
TEST(tsv_file_rows_across_chunks)
{
    char path[] = "/tmp/vigie-tsv-XXXXXX";
    FILE *f = temp_file(path);
    CHECK(f != NULL);
    if (!f) return;
    for (int i = 0; i < 1500; i++) fprintf(f, "w%d\t%d\n", i, i * 7);
    for (int i = 0; i < 9000; i++) fputc(i == 4500 ? '\t' : 'a' + i % 10, f);
    fputs("\nlast\tz\n", f);
    for (int i = 0; i < 12001; i++) fputc('y', f);
    fclose(f);
    char err[128], want[32];
    vg_tsv t;
    CHECK_INT(vg_tsv_open(&t, path, 12000, err, sizeof err), VG_OK);
    int rows_ok = 1;
    for (int i = 0; i < 1500 && rows_ok; i++) {
        snprintf(want, sizeof want, "%d", i * 7);
        rows_ok = vg_tsv_next(&t) == 1 && vg_tsv_nfields(&t) == 2 && !strcmp(vg_tsv_field(&t, 1), want);
    }
    CHECK(rows_ok);
    CHECK_INT(vg_tsv_next(&t), 1); /* 9,000 bytes over three chunks, a tab in the middle */
    CHECK_INT(vg_tsv_lineno(&t), 1501);
    CHECK_INT(vg_tsv_nfields(&t), 2);
    CHECK_INT(strlen(vg_tsv_field(&t, 0)), 4500);
    CHECK_INT(strlen(vg_tsv_field(&t, 1)), 4499);
    CHECK(!strncmp(vg_tsv_field(&t, 1), "bcdefghij", 9));
    CHECK_INT(vg_tsv_next(&t), 1);
    CHECK_STR(vg_tsv_field(&t, 0), "last");
    CHECK_STR(vg_tsv_field(&t, 1), "z");
    CHECK_INT(vg_tsv_next(&t), -1); /* 12,001 bytes, no newline */
    CHECK_STR(strstr(err, ":1503: "), ":1503: line longer than 12000 bytes");
    CHECK_INT(vg_tsv_close(&t), VG_ERR_RESOURCE);
    unlink(path);
}

/* A cues.tsv row whose class the code does not know stops the loading with file:line. */
TEST(tsv_lexicon_unknown_cue_class_is_an_error)
{
    char path[] = "/tmp/vigie-cues-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs("# cues\nnot\tneg\nwill\tfutur\n", f);
    fclose(f);
    char err[256];
    vg_lexicon *lex = NULL;
    CHECK_INT(vg_lex_load_classes(path, &lex, vg_cue_class_names, VG_CUE_COUNT, err, sizeof err), VG_ERR_RESOURCE);
    CHECK(lex == NULL);
    CHECK(strstr(err, path) == err && strstr(err, ":3: unknown class 'futur'") != NULL);
    f = fopen(path, "w");
    fputs("not\tneg\nkilled by\tagent\n", f);
    fclose(f);
    CHECK_INT(vg_lex_load_classes(path, &lex, vg_cue_class_names, VG_CUE_COUNT, err, sizeof err), VG_OK);
    CHECK_INT(vg_lex_size(lex), 2);
    vg_lex_free(lex);
    unlink(path);
}
