/* test_reader.c - vg_reader: format sniffing, folders and loops, JSONL line errors, size caps, gzip. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "vigie.h"
#include "../../lib/formats/sniff.h"
#include "test.h"

/* A fresh temporary folder per test. */
static void tmpdir(char *out, size_t n)
{
    const char *t = getenv("TMPDIR");
    snprintf(out, n, "%s/vg-reader-XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(out)) out[0] = 0;
}

static void put(const char *dir, const char *name, const char *data, size_t n, char *path, size_t pn)
{
    snprintf(path, pn, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fwrite(data, 1, n, f);
    fclose(f);
}

static void put_gz(const char *dir, const char *name, const char *data, size_t n, char *path, size_t pn)
{
    snprintf(path, pn, "%s/%s", dir, name);
    gzFile g = gzopen(path, "wb");
    if (!g) return;
    gzwrite(g, data, (unsigned)n);
    gzclose(g);
}

static void rm_rf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("    cannot remove %s\n", dir);
}

static vg_reader *open1(const char *path, size_t cap)
{
    vg_reader *r = NULL;
    vg_reader_options o = {.max_doc_bytes = cap};
    const char *p[1] = {path};
    CHECK(vg_reader_open(p, 1, &o, &r) == VG_OK);
    return r;
}

TEST(sniff_formats)
{
    CHECK_INT(vg_sniff("WARC/1.0\r\n", 10, 1, "x"), VG_KIND_WARC);
    CHECK_INT(vg_sniff("  <!DOCTYPE html><p>x", 21, 1, "x"), VG_KIND_HTML);
    CHECK_INT(vg_sniff("<HTML lang=fr>", 14, 1, "x"), VG_KIND_HTML);
    const char rss[] = "<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\"><channel>";
    CHECK_INT(vg_sniff(rss, sizeof rss - 1, 1, "x"), VG_KIND_FEED);
    const char atom[] = "\xEF\xBB\xBF<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">";
    CHECK_INT(vg_sniff(atom, sizeof atom - 1, 1, "x"), VG_KIND_FEED);
    const char rdf[] = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">";
    CHECK_INT(vg_sniff(rdf, sizeof rdf - 1, 1, "x"), VG_KIND_FEED);
    const char subset[] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n <!ENTITY a \"x\">\n <!ENTITY b \"&a;&a;\">\n]>\n<rss><channel>";
    CHECK_INT(vg_sniff(subset, sizeof subset - 1, 1, "x"), VG_KIND_FEED);
    const char frag[] = "<div class=a><p>Hello</p></div>";
    CHECK_INT(vg_sniff(frag, sizeof frag - 1, 1, "x"), VG_KIND_HTML);
    const char jl[] = "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n";
    CHECK_INT(vg_sniff(jl, sizeof jl - 1, 1, "x.txt"), VG_KIND_JSONL);
    /* a first line cut by the sniff window still counts as JSONL */
    CHECK_INT(vg_sniff("{\"text\":\"aaaa", 13, 0, "x"), VG_KIND_JSONL);
    /* braces in prose are not JSONL, unless the name says so */
    const char prose[] = "{draft} The minister said on Monday.\n";
    CHECK_INT(vg_sniff(prose, sizeof prose - 1, 1, "x.txt"), VG_KIND_TEXT);
    CHECK_INT(vg_sniff(prose, sizeof prose - 1, 1, "x.jsonl"), VG_KIND_JSONL);
    CHECK_INT(vg_sniff("Plain words < more words.", 25, 1, "x"), VG_KIND_TEXT);
    CHECK_INT(vg_sniff("<note>to self</note>", 20, 1, "x"), VG_KIND_TEXT);
}

TEST(reader_text_and_html_files)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    put(d, "a.txt", "Title\n\nBody text.\n", 18, p, sizeof p);
    put(d, "b.html", "<!doctype html><title>T</title><p>x</p>", 39, p, sizeof p);
    vg_reader *r = open1(d, 0);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "a.txt");
    CHECK_STR(in.format, "text");
    CHECK_STR(in.content_type, "text");
    CHECK_INT(in.len, 18);
    CHECK(strstr(in.source, "/a.txt") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "b.html");
    CHECK_STR(in.format, "html");
    CHECK_STR(in.content_type, "html");
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_walks_sorted_skips_hidden_reports_loops)
{
    char d[512], p[700], sub[600];
    tmpdir(d, sizeof d);
    snprintf(sub, sizeof sub, "%s/m", d);
    mkdir(sub, 0700);
    put(d, "z.txt", "zzz", 3, p, sizeof p);
    put(d, ".hidden.txt", "hhh", 3, p, sizeof p);
    put(sub, "b.txt", "bbb", 3, p, sizeof p);
    put(d, "a.txt", "aaa", 3, p, sizeof p);
    char link[700];
    snprintf(link, sizeof link, "%s/loop", sub);
    CHECK(symlink("..", link) == 0);
    vg_reader *r = open1(d, 0);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "a.txt");
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "b.txt");
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_LOOP);
    CHECK_STR(vg_reader_error_source(r), link);
    CHECK(strstr(vg_reader_error(r), "loop") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "z.txt");
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_missing_and_empty_files)
{
    char d[512], p[700], missing[700];
    tmpdir(d, sizeof d);
    put(d, "empty.txt", "", 0, p, sizeof p);
    snprintf(missing, sizeof missing, "%s/nope.txt", d);
    const char *paths[3] = {missing, p, p};
    vg_reader *r = NULL;
    CHECK(vg_reader_open(paths, 2, NULL, &r) == VG_OK);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_IO);
    CHECK_STR(vg_reader_error_source(r), missing);
    CHECK(strncmp(vg_reader_error(r), missing, strlen(missing)) == 0);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_EMPTY);
    CHECK(strstr(vg_reader_error(r), "empty") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

static const char jsonl_mixed[] =
    "{\"id\": \"g1\", \"text\": \"Good one.\", \"title\": \"T1\", \"url\": \"http://x/1\", \"lang\": \"en\"}\n"
    "this is not json\n"
    "\n"
    "{\"id\": \"w\", \"text\": 5}\n"
    "{\"id\": \"m\", \"title\": \"no body\"}\n"
    "[1, 2]\n"
    "{\"id\": 42, \"html\": \"<p>Para.</p>\", \"published\": \"2024-01-02\"}\n"
    "{\"id\": \"e\", \"text\": \"   \"}\n"
    "{\"id\": \"t\", \"text\": \"x\", \"title\": {\"a\": 1}}\n"
    "{\"text\": \"no id, last line without newline\"}";

TEST(reader_jsonl_line_errors)
{
    char d[512], p[700], src[800];
    tmpdir(d, sizeof d);
    put(d, "in.jsonl", jsonl_mixed, sizeof jsonl_mixed - 1, p, sizeof p);
    vg_reader *r = open1(p, 0);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "g1");
    CHECK_STR(in.title, "T1");
    CHECK_STR(in.url, "http://x/1");
    CHECK_STR(in.lang, "en");
    CHECK_STR(in.format, "jsonl");
    CHECK_STR(in.content_type, "text");
    CHECK_INT(in.record, 1);
    CHECK(in.len == 9 && memcmp(in.data, "Good one.", 9) == 0);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_JSON);
    snprintf(src, sizeof src, "%s:2", p);
    CHECK_STR(vg_reader_error_source(r), src);
    CHECK(strstr(vg_reader_error(r), "not JSON") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT); /* line 3 is blank: skipped */
    snprintf(src, sizeof src, "%s:4", p);
    CHECK_STR(vg_reader_error_source(r), src);
    CHECK(strstr(vg_reader_error(r), "\"text\" is a number") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK(strstr(vg_reader_error(r), ":5: no \"text\"") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK(strstr(vg_reader_error(r), ":6: the line is an array") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "42");
    CHECK_STR(in.content_type, "html");
    CHECK_STR(in.published, "2024-01-02");
    CHECK_INT(in.record, 7);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_EMPTY);
    CHECK(strstr(vg_reader_error(r), ":8: empty") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK(strstr(vg_reader_error(r), ":9: \"title\" is an object") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "in.jsonl:10");
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_jsonl_long_line_resyncs)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    /* cap 4 KiB; line 2 is 300 KiB: skipped in chunks, line 3 still read */
    size_t big = 300 * 1024;
    char *data = malloc(big + 200);
    size_t n = (size_t)sprintf(data, "{\"id\":\"a\",\"text\":\"first\"}\n{\"id\":\"b\",\"text\":\"");
    memset(data + n, 'x', big);
    n += big;
    n += (size_t)sprintf(data + n, "\"}\n{\"id\":\"c\",\"text\":\"third\"}\n");
    put(d, "big.jsonl", data, n, p, sizeof p);
    free(data);
    vg_reader *r = open1(p, 4096);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "a");
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_TOO_LARGE);
    CHECK(strstr(vg_reader_error(r), "big.jsonl:2: line of") != NULL);
    CHECK(strstr(vg_reader_error(r), "4 KiB limit") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "c");
    CHECK_INT(in.record, 3);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    /* a line just past the cap that fits in one read chunk is refused too */
    char small[3000];
    memset(small, ' ', sizeof small);
    memcpy(small, "{\"text\":\"x\"}", 12);
    small[sizeof small - 1] = '\n';
    put(d, "small.jsonl", small, sizeof small, p, sizeof p);
    r = open1(p, 1024);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_TOO_LARGE);
    CHECK(strstr(vg_reader_error(r), "small.jsonl:1: line of 3.0 KB") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_text_over_cap_rejected)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    char buf[5000];
    memset(buf, 'a', sizeof buf);
    put(d, "big.txt", buf, sizeof buf, p, sizeof p);
    vg_reader *r = open1(p, 1024);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_TOO_LARGE);
    CHECK(strstr(vg_reader_error(r), "5.0 KB, larger than the 1 KiB limit") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    /* the same through gzip: counted on decompressed bytes */
    put_gz(d, "big.txt.gz", buf, sizeof buf, p, sizeof p);
    r = open1(p, 1024);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_TOO_LARGE);
    CHECK(strstr(vg_reader_error(r), "decompressed") != NULL);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_gzip_jsonl_and_truncation)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    /* enough incompressible-ish lines that a cut lands after some of them */
    size_t cap = 400000, n = 0;
    char *data = malloc(cap);
    unsigned x = 12345;
    for (int i = 0; n + 300 < cap; i++) {
        n += (size_t)sprintf(data + n, "{\"id\":\"%d\",\"text\":\"", i);
        for (int k = 0; k < 200; k++) { x = x * 1103515245u + 12345u; data[n++] = (char)('a' + (x >> 16) % 26); }
        n += (size_t)sprintf(data + n, "\"}\n");
    }
    put_gz(d, "all.jsonl.gz", data, n, p, sizeof p);
    vg_reader *r = open1(p, 0);
    vg_input in;
    int ok = 0;
    vg_status st;
    while ((st = vg_reader_next(r, &in)) == VG_OK) ok++;
    CHECK_INT(st, VG_END);
    CHECK(ok > 1000);
    vg_reader_close(r);
    /* cut the file in half */
    FILE *f = fopen(p, "rb");
    char *gz = malloc(cap);
    size_t gn = f ? fread(gz, 1, cap, f) : 0;
    if (f) fclose(f);
    char p2[700];
    put(d, "half.jsonl.gz", gz, gn / 2, p2, sizeof p2);
    r = open1(p2, 0);
    int ok2 = 0;
    while ((st = vg_reader_next(r, &in)) == VG_OK) ok2++;
    CHECK_INT(st, VG_ERR_TRUNCATED);
    CHECK(strstr(vg_reader_error(r), "half.jsonl.gz: truncated") != NULL);
    CHECK(ok2 > 10 && ok2 < ok);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    /* a truncated gzip of a plain text file is rejected whole */
    put_gz(d, "t.txt.gz", data, n, p, sizeof p);
    f = fopen(p, "rb");
    gn = f ? fread(gz, 1, cap, f) : 0;
    if (f) fclose(f);
    put(d, "t2.txt.gz", gz, gn - 10, p2, sizeof p2);
    free(gz);
    free(data);
    r = open1(p2, 0);
    st = vg_reader_next(r, &in);
    /* the start sniffs as JSONL: whole lines before the cut come out, then the truncation */
    while (st == VG_OK) st = vg_reader_next(r, &in);
    CHECK_INT(st, VG_ERR_TRUNCATED);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_gzip_multi_member_text)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    snprintf(p, sizeof p, "%s/two.txt.gz", d);
    gzFile g = gzopen(p, "wb");
    gzwrite(g, "First part. ", 12);
    gzclose(g);
    g = gzopen(p, "ab");
    gzwrite(g, "Second part.", 12);
    gzclose(g);
    vg_reader *r = open1(p, 0);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK(in.len == 24 && memcmp(in.data, "First part. Second part.", 24) == 0);
    CHECK_STR(in.ext_id, "two.txt.gz");
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_json_documents)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    const char one[] = "{\n  \"id\": \"solo\",\n  \"title\": \"One\",\n  \"text\": \"A single pretty-printed article.\"\n}\n";
    put(d, "a.json", one, sizeof one - 1, p, sizeof p);
    const char arr[] = "[\n {\"id\": \"x1\", \"text\": \"First.\"},\n {\"text\": 3},\n {\"html\": \"<p>Third.</p>\"}\n]\n";
    put(d, "b.json", arr, sizeof arr - 1, p, sizeof p);
    const char bad[] = "[{\"id\": \"x1\", \"text\": \"First.\"}, oops]";
    put(d, "c.json", bad, sizeof bad - 1, p, sizeof p);
    vg_reader *r = open1(d, 0);
    vg_input in;
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "solo");
    CHECK_STR(in.title, "One");
    CHECK_STR(in.format, "json");
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "x1");
    CHECK_INT(in.record, 1);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK(strstr(vg_reader_error(r), "b.json#2: \"text\" is a number") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "b.json#3");
    CHECK_STR(in.content_type, "html");
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_JSON);
    CHECK(strstr(vg_reader_error(r), "c.json: not JSON") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
    /* prose in brackets stays text */
    CHECK_INT(vg_sniff("[Photo] The minister.", 21, 1, "x"), VG_KIND_TEXT);
    CHECK_INT(vg_sniff("{\n \"a\": 1,\n \"b\": 2 }", 20, 1, "x"), VG_KIND_JSON);
    CHECK_INT(vg_sniff("{ \"a\": 1,\n \"b\": 2 }", 19, 1, "x"), VG_KIND_JSONL);
    CHECK_INT(vg_sniff("{ a: 1 }\n", 9, 1, "x"), VG_KIND_TEXT);
}

TEST(reader_skips_special_files_in_folders)
{
    char d[512], p[700], fifo[700], arg[600];
    tmpdir(d, sizeof d);
    put(d, "b.txt", "bbb", 3, p, sizeof p);
    snprintf(fifo, sizeof fifo, "%s/a.fifo", d);
    CHECK(mkfifo(fifo, 0600) == 0);
    snprintf(arg, sizeof arg, "%s/", d); /* a trailing slash gives no double slash */
    vg_reader *r = open1(arg, 0);
    vg_input in;
    /* a FIFO inside a folder would block the walk: refused, named, the walk goes on */
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK_STR(vg_reader_error_source(r), fifo);
    CHECK(strstr(vg_reader_error(r), "not a regular file") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK_STR(in.ext_id, "b.txt");
    CHECK(strstr(in.source, "//") == NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

/* Appends one gzip member holding data to the file at path. */
static void append_gz(const char *path, const char *data)
{
    gzFile g = gzopen(path, "ab");
    if (!g) return;
    gzwrite(g, data, (unsigned)strlen(data));
    gzclose(g);
}

static void append_raw(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "ab");
    if (!f) return;
    fwrite(data, 1, n, f);
    fclose(f);
}

/* Junk between gzip members is said (with its offset) and reading goes on at
 * the next member; zeros padding the end are not junk; junk at the end is said. */
TEST(reader_gzip_junk_between_members)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    snprintf(p, sizeof p, "%s/j.jsonl.gz", d);
    append_gz(p, "{\"id\": \"a\", \"text\": \"First.\"}\n");
    struct stat sb;
    CHECK(stat(p, &sb) == 0);
    char at[64];
    snprintf(at, sizeof at, "at byte %lld", (long long)sb.st_size);
    append_raw(p, "JUNKJUNK", 8);
    append_gz(p, "{\"id\": \"b\", \"text\": \"Second.\"}\n");
    append_raw(p, "\0\0\0\0", 4);
    vg_reader *r = open1(p, 0);
    vg_input in;
    int ok = 0, notes = 0;
    vg_status st;
    while ((st = vg_reader_next(r, &in)) != VG_END) {
        if (st == VG_OK) { ok++; continue; }
        notes++;
        CHECK_INT(st, VG_ERR_FORMAT);
        CHECK(strstr(vg_reader_error(r), "8 bytes of junk between gzip members") != NULL);
        CHECK(strstr(vg_reader_error(r), at) != NULL);
        if (notes > 5) break;
    }
    CHECK_INT(ok, 2);
    CHECK_INT(notes, 1);
    vg_reader_close(r);

    /* one whole-file document: the notes first, then the document without the junk */
    snprintf(p, sizeof p, "%s/t.txt.gz", d);
    append_gz(p, "First part. ");
    append_raw(p, "\x01\x02", 2);
    append_gz(p, "Second part.");
    append_raw(p, "trailing", 8);
    r = open1(p, 0);
    CHECK_INT(vg_reader_next(r, &in), VG_ERR_FORMAT);
    CHECK(strstr(vg_reader_error(r), "2 bytes of junk between gzip members") != NULL);
    CHECK(strstr(vg_reader_error(r), "; 8 bytes of junk after the last gzip member") != NULL);
    CHECK_INT(vg_reader_next(r, &in), VG_OK);
    CHECK(in.len == 24 && memcmp(in.data, "First part. Second part.", 24) == 0);
    CHECK_INT(vg_reader_next(r, &in), VG_END);
    vg_reader_close(r);
    rm_rf(d);
}

TEST(reader_warc_gzip_junk_between_members)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    snprintf(p, sizeof p, "%s/j.warc.gz", d);
    const char *rec1 = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x/1\r\nContent-Type: text/plain\r\n"
                       "Content-Length: 6\r\n\r\nFirst.\r\n\r\n";
    const char *rec2 = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x/2\r\nContent-Type: text/plain\r\n"
                       "Content-Length: 7\r\n\r\nSecond.\r\n\r\n";
    append_gz(p, rec1);
    append_raw(p, "garbage", 7);
    append_gz(p, rec2);
    vg_reader *r = open1(p, 0);
    vg_input in;
    int ok = 0, notes = 0;
    vg_status st;
    while ((st = vg_reader_next(r, &in)) != VG_END) {
        if (st == VG_OK) { ok++; continue; }
        notes++;
        CHECK(strstr(vg_reader_error(r), "7 bytes of junk between gzip members at byte") != NULL);
        if (notes > 5) break;
    }
    CHECK_INT(ok, 2);
    CHECK_INT(notes, 1);
    vg_reader_close(r);
    rm_rf(d);
}

/* A file whose stat size is 0 but that has content (/proc) is read to its end. */
TEST(reader_reads_files_stat_calls_empty)
{
    struct stat sb;
    if (stat("/proc/version", &sb) != 0 || sb.st_size != 0) { printf("    no /proc/version: skipped\n"); return; }
    vg_reader *r = open1("/proc/version", 0);
    vg_input in;
    vg_status st = vg_reader_next(r, &in);
    CHECK_INT(st, VG_OK);
    if (st == VG_OK) {
        CHECK(in.len > 10 && strncmp(in.data, "Linux", 5) == 0);
        CHECK_INT(vg_reader_next(r, &in), VG_END);
    } else {
        printf("    %s\n", vg_reader_error(r));
    }
    vg_reader_close(r);
}

/* An HTML file in UTF-16 with its byte-order mark is found to be HTML and read. */
TEST(reader_utf16_html_file)
{
    char d[512], p[700];
    tmpdir(d, sizeof d);
    const char *ascii = "<!DOCTYPE html><html><body><p>Rebels attacked an army post near Aleppo.</p></body></html>";
    size_t n = strlen(ascii);
    char buf[512];
    buf[0] = (char)0xFF;
    buf[1] = (char)0xFE;
    for (size_t i = 0; i < n; i++) { buf[2 + 2 * i] = ascii[i]; buf[3 + 2 * i] = 0; }
    put(d, "u16.html", buf, 2 * n + 2, p, sizeof p);
    vg_reader *r = open1(p, 0);
    vg_input in;
    vg_status st = vg_reader_next(r, &in);
    CHECK_INT(st, VG_OK);
    if (st == VG_OK) CHECK_STR(in.format, "html");
    else printf("    %s\n", vg_reader_error(r));
    vg_reader_close(r);
    rm_rf(d);
}
