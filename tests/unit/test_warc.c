/* test_warc.c - WARC reader: plain, gzip per record, one gzip stream, truncation, lying lengths. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/formats/formats.h"
#include "test.h"

#define FIX "tests/fixtures/warc/"

typedef struct got {
    int ok, errors, truncated;
    char uris[8][128];
    char last_err[256];
    char bodies[8][64];
    char charsets[8][32];
} got;

static vg_status read_all(const char *path, size_t max_record, got *g)
{
    memset(g, 0, sizeof *g);
    vg_warc *w = NULL;
    vg_status st = vg_warc_open(open(path, O_RDONLY), path, max_record, &w);
    if (st != VG_OK) return st;
    vg_warc_record rec;
    char err[256];
    for (int guard = 0; guard < 100; guard++) {
        st = vg_warc_next(w, &rec, err, sizeof err);
        if (st == VG_END) break;
        if (st != VG_OK) {
            g->errors++;
            if (st == VG_ERR_TRUNCATED) g->truncated++;
            snprintf(g->last_err, sizeof g->last_err, "%s", err);
            continue;
        }
        if (g->ok < 8) {
            snprintf(g->uris[g->ok], sizeof g->uris[0], "%s", rec.target_uri ? rec.target_uri : "");
            snprintf(g->bodies[g->ok], sizeof g->bodies[0], "%.*s", (int)(rec.body_len < 63 ? rec.body_len : 63), rec.body);
            snprintf(g->charsets[g->ok], sizeof g->charsets[0], "%s", rec.charset ? rec.charset : "");
        }
        g->ok++;
    }
    vg_warc_close(w);
    return VG_OK;
}

static void check_sample(const got *g)
{
    CHECK_INT(g->ok, 3);
    CHECK_INT(g->errors, 0);
    CHECK_STR(g->uris[0], "https://news.example/a1");
    CHECK(strncmp(g->bodies[0], "<html><head><title>Frappes", 26) == 0);
    CHECK_STR(g->charsets[0], "UTF-8");
    /* chunked + gzip body comes out decoded */
    CHECK_STR(g->uris[1], "https://news.example/a2");
    CHECK(strncmp(g->bodies[1], "<html><head><meta charset=", 26) == 0);
    CHECK_STR(g->charsets[1], "windows-1252");
    CHECK_STR(g->uris[2], "https://news.example/a3.txt");
    CHECK(strncmp(g->bodies[2], "Plain text dispatch", 19) == 0);
}

TEST(warc_plain)
{
    got g;
    CHECK_INT(read_all(FIX "sample.warc", 0, &g), VG_OK);
    check_sample(&g);
}

TEST(warc_gzip_per_record)
{
    got g;
    CHECK_INT(read_all(FIX "sample.warc.gz", 0, &g), VG_OK);
    check_sample(&g);
}

TEST(warc_gzip_single_stream)
{
    got g;
    CHECK_INT(read_all(FIX "single-stream.warc.gz", 0, &g), VG_OK);
    check_sample(&g);
}

TEST(warc_truncated_gzip_keeps_whole_records)
{
    got g;
    CHECK_INT(read_all(FIX "truncated.warc.gz", 0, &g), VG_OK);
    CHECK_INT(g.ok, 1); /* records 1-5 are whole: one of them is a wanted response */
    CHECK_INT(g.truncated, 1);
    CHECK(strstr(g.last_err, "offset ") != NULL);
    CHECK(strstr(g.last_err, "record 6") != NULL);
    /* the compressed offset of the broken member, for cutting the file */
    FILE *f = fopen(FIX "truncated.warc.gz", "rb");
    unsigned char buf[4096];
    size_t n = f ? fread(buf, 1, sizeof buf, f) : 0;
    if (f) fclose(f);
    size_t members = 0, at = 0;
    for (size_t i = 0; i + 3 < n; i++)
        if (buf[i] == 0x1f && buf[i + 1] == 0x8b && buf[i + 2] == 8 && ++members == 6) { at = i; break; }
    char want[64];
    snprintf(want, sizeof want, "(gzip member at byte %zu)", at);
    CHECK(at > 0 && strstr(g.last_err, want) != NULL);
}

TEST(warc_content_length_too_short)
{
    got g;
    CHECK_INT(read_all(FIX "lying-short.warc", 0, &g), VG_OK);
    CHECK_INT(g.errors, 1);
    CHECK(strstr(g.last_err, "record 3") != NULL);
    CHECK(strstr(g.last_err, "Content-Length") != NULL);
    /* the records after the bad one still come */
    CHECK_INT(g.ok, 2);
    CHECK_STR(g.uris[0], "https://news.example/a2");
}

TEST(warc_content_length_too_long)
{
    got g;
    CHECK_INT(read_all(FIX "lying-long.warc", 0, &g), VG_OK);
    CHECK_INT(g.ok, 1);
    CHECK_INT(g.truncated, 1);
    CHECK(strstr(g.last_err, "record 4 truncated") != NULL);
}

TEST(warc_max_record)
{
    got g;
    CHECK_INT(read_all(FIX "sample.warc.gz", 200, &g), VG_OK);
    /* the big responses are refused one by one, the small text resource passes */
    CHECK_INT(g.ok, 1);
    CHECK(g.errors >= 2);
    CHECK(strstr(g.last_err, "too large") != NULL);
}

TEST(warc_not_warc)
{
    int fd[2];
    CHECK(pipe(fd) == 0);
    CHECK(write(fd[1], "hello world\n", 12) == 12);
    close(fd[1]);
    vg_warc *w = (vg_warc *)1;
    CHECK_INT(vg_warc_open(fd[0], "pipe", 0, &w), VG_ERR_FORMAT);
    CHECK(w == NULL);
}

TEST(warc_empty_gzip_is_not_warc)
{
    char path[] = "/tmp/vg-warc-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    static const unsigned char junk[] = {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00};
    CHECK(write(fd, junk, sizeof junk) == (ssize_t)sizeof junk);
    lseek(fd, 0, SEEK_SET);
    unlink(path);
    vg_warc *w = NULL;
    CHECK(vg_warc_open(fd, path, 0, &w) != VG_OK);
    CHECK(w == NULL);
}

/* README: a record whose Content-Length lies is reported and reading goes on
 * at the next record, also when the length runs past the end of the file. */
TEST(warc_content_length_past_end_resyncs)
{
    got g;
    CHECK_INT(read_all(FIX "lying-past-end.warc", 0, &g), VG_OK);
    CHECK_INT(g.errors, 1);
    CHECK_INT(g.truncated, 0);
    CHECK(strstr(g.last_err, "record 3") != NULL);
    CHECK(strstr(g.last_err, "Content-Length") != NULL);
    CHECK_INT(g.ok, 2);
    CHECK_STR(g.uris[0], "https://news.example/a2");
    CHECK_STR(g.uris[1], "https://news.example/a3.txt");
}

/* The same for a record skipped without being read (its type is not kept),
 * in a gzip member per record: the reader goes back to find the next record. */
TEST(warc_skipped_record_past_end_resyncs)
{
    got g;
    CHECK_INT(read_all(FIX "lying-past-end.warc.gz", 0, &g), VG_OK);
    CHECK_INT(g.errors, 1);
    CHECK_INT(g.truncated, 0);
    CHECK(strstr(g.last_err, "record 4") != NULL);
    CHECK_INT(g.ok, 3);
    CHECK_STR(g.uris[0], "https://news.example/a1");
    CHECK_STR(g.uris[1], "https://news.example/a2");
    CHECK_STR(g.uris[2], "https://news.example/a3.txt");
}
