/* test_warc_reader.c - WARC and feed files through the public reader: documents out, breaks named. */
#include <string.h>

#include "vigie.h"
#include "test.h"

typedef struct seen {
    int docs, rejected;
    char first_url[128], first_format[16], last_error[512], first_charset[32];
} seen;

static void read_path(const char *path, seen *s)
{
    memset(s, 0, sizeof *s);
    vg_reader *r = NULL;
    const char *paths[] = {path};
    CHECK_INT(vg_reader_open(paths, 1, NULL, &r), VG_OK);
    if (!r) return;
    vg_input in;
    vg_status st;
    for (int guard = 0; guard < 100 && (st = vg_reader_next(r, &in)) != VG_END; guard++) {
        if (st != VG_OK) {
            s->rejected++;
            snprintf(s->last_error, sizeof s->last_error, "%s", vg_reader_error(r));
            continue;
        }
        if (s->docs++ == 0) {
            snprintf(s->first_url, sizeof s->first_url, "%s", in.url ? in.url : "");
            snprintf(s->first_format, sizeof s->first_format, "%s", in.format ? in.format : "");
            snprintf(s->first_charset, sizeof s->first_charset, "%s", in.charset ? in.charset : "");
        }
    }
    vg_reader_close(r);
}

TEST(reader_warc_gz_by_content)
{
    seen s;
    read_path("tests/fixtures/warc/sample.warc.gz", &s);
    CHECK_INT(s.docs, 3);
    CHECK_INT(s.rejected, 0);
    CHECK_STR(s.first_format, "warc");
    CHECK_STR(s.first_url, "https://news.example/a1");
    CHECK_STR(s.first_charset, "UTF-8");
}

TEST(reader_warc_truncated_names_offset)
{
    seen s;
    read_path("tests/fixtures/warc/truncated.warc.gz", &s);
    CHECK_INT(s.docs, 1);
    CHECK_INT(s.rejected, 1);
    CHECK(strstr(s.last_error, "truncated.warc.gz") != NULL);
    CHECK(strstr(s.last_error, "offset 1455") != NULL);
}

TEST(reader_feed_items)
{
    seen s;
    read_path("tests/fixtures/feeds/atom.xml", &s);
    CHECK_INT(s.docs, 2);
    CHECK_STR(s.first_format, "feed");
    CHECK_STR(s.first_url, "https://wire.example/2026/clashes-homs");
}
