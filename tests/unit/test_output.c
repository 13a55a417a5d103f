/* test_output.c - the public text formats: query rows (vg_rowfmt) and a story as text (vg_story_text). */
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "test.h"

#define CHECK_SAME(got, want) CHECK(same(got, want))

/* got equals want; says both when not (CHECK_STR cuts long strings). */
static int same(const char *got, const char *want)
{
    if (got && !strcmp(got, want)) return 1;
    printf("    got:  %s\n    want: %s\n", got ? got : "(null)", want);
    return 0;
}

static const char *const names[] = {"doc", "latitude", "longitude", "note", "n"};
static const vg_col_type types[] = {VG_COL_TEXT, VG_COL_REAL, VG_COL_REAL, VG_COL_TEXT, VG_COL_INT};

/* All of a format's output for rows of values[k][0..5). */
static char *format_rows(const char *format, const char *const values[][5], size_t n)
{
    vg_rowfmt *f = NULL;
    if (vg_rowfmt_create(format, &f) != VG_OK) return NULL;
    char *all = calloc(1, 4096);
    const char *t;
    size_t len;
    for (size_t k = 0; k < n; k++) {
        vg_row r = {5, names, values[k], types};
        if (vg_rowfmt_row(f, &r, &t, &len) != VG_OK) { free(all); vg_rowfmt_free(f); return NULL; }
        strncat(all, t, len);
    }
    if (vg_rowfmt_end(f, &t, &len) == VG_OK) strncat(all, t, len);
    vg_rowfmt_free(f);
    return all;
}

TEST(rowfmt_each_format)
{
    const char *const rows[][5] = {{"a,\"b\"", "12.5", "-3.25", "tab\there\nline", "7"},
                                   {"c", NULL, NULL, NULL, NULL}};
    char *s = format_rows("jsonl", rows, 2);
    CHECK_SAME(s, "{\"doc\":\"a,\\\"b\\\"\",\"latitude\":12.5,\"longitude\":-3.25,\"note\":\"tab\\there\\nline\",\"n\":7}\n"
                 "{\"doc\":\"c\",\"latitude\":null,\"longitude\":null,\"note\":null,\"n\":null}\n");
    free(s);
    s = format_rows("csv", rows, 2);
    CHECK_SAME(s, "doc,latitude,longitude,note,n\n\"a,\"\"b\"\"\",12.5,-3.25,tab\\there\\nline,7\nc,,,,\n");
    free(s);
    s = format_rows("tsv", rows, 2);
    CHECK_SAME(s, "doc\tlatitude\tlongitude\tnote\tn\na,\"b\"\t12.5\t-3.25\ttab\\there\\nline\t7\nc\t\t\t\t\n");
    free(s);
    s = format_rows("geojson", rows, 2);
    CHECK_SAME(s, "{\"type\":\"FeatureCollection\",\"features\":[\n"
                 "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[-3.25,12.5]},"
                 "\"properties\":{\"doc\":\"a,\\\"b\\\"\",\"note\":\"tab\\there\\nline\",\"n\":7}},\n"
                 "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"doc\":\"c\",\"note\":null,\"n\":null}}\n]}\n");
    free(s);
}

/* Spreadsheet formulas (OWASP "CSV Injection"): a text cell starting with
 * = + - @ (or a tab or CR) gets a leading apostrophe; a number in a numeric
 * column stays a number; a numeric column holding something else is text. */
TEST(rowfmt_csv_defuses_formulas)
{
    const char *const rows[][5] = {{"=HYPERLINK(\"http://x\";\"y\")", "-12.5", "-3e-05", "+1+1", "-7"},
                                   {"@SUM(A1)", "=1+1", "-1+2", "-5", "12"},
                                   {"\tx", "-0.5", "1.25", "\r=1", "-"},
                                   {"plain - text", "-", "-.5", "a=b", "0"}};
    char *s = format_rows("csv", rows, 4);
    CHECK_SAME(s, "doc,latitude,longitude,note,n\n"
                  "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",-12.5,-3e-05,'+1+1,-7\n"
                  "'@SUM(A1),'=1+1,'-1+2,'-5,12\n"
                  "'\\tx,-0.5,1.25,'\\r=1,'-\n"
                  "plain - text,'-,'-.5,a=b,0\n");
    free(s);
    /* TSV is left as it is (a format for programs; its cells hold no quote to escape into) */
    s = format_rows("tsv", rows, 1);
    CHECK_SAME(s, "doc\tlatitude\tlongitude\tnote\tn\n=HYPERLINK(\"http://x\";\"y\")\t-12.5\t-3e-05\t+1+1\t-7\n");
    free(s);
}

TEST(escape_control_sequences)
{
    char rep[8];
    CHECK_INT(vg_escape_control("\nx", 2, rep), 1);
    CHECK_STR(rep, "\\n");
    CHECK_INT(vg_escape_control("\x1b[", 2, rep), 1);
    CHECK_STR(rep, "\\x1B");
    CHECK_INT(vg_escape_control("\xC2\x85", 2, rep), 2);
    CHECK_STR(rep, "\\u0085");
    CHECK_INT(vg_escape_control("\xC2\xA0", 2, rep), 0); /* no-break space prints */
    CHECK_INT(vg_escape_control("a", 1, rep), 0);
}

TEST(rowfmt_no_rows_and_unknown_format)
{
    char *s = format_rows("geojson", NULL, 0);
    CHECK_SAME(s, "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
    free(s);
    s = format_rows("csv", NULL, 0);
    CHECK_SAME(s, "");
    free(s);
    vg_rowfmt *f = (vg_rowfmt *)&f;
    CHECK_INT(vg_rowfmt_create("table", &f), VG_ERR_ARG);
    CHECK(f == NULL);
    CHECK_INT(vg_rowfmt_create(NULL, &f), VG_ERR_ARG);
    vg_rowfmt_free(NULL);
}

TEST(story_text_reads_the_story_json)
{
    static const char json[] =
        "{\"story\":\"s1\",\"articles\":2,\"duplicates\":0,\"first_report\":\"2020-01-02\",\"last_report\":\"2020-01-03\","
        "\"outlets\":[\"A\",\"B\"],\"languages\":[\"en\"],"
        "\"events\":[{\"event_type\":\"Riots\",\"event_date\":\"2020-01-02\",\"location\":\"Lyon\",\"country\":\"France\","
        "\"reports\":2,\"fatalities_min\":1,\"fatalities_max\":3}],"
        "\"accounts\":[{\"outlet\":null,\"doc\":\"d1\",\"lang\":\"en\",\"published\":\"2020-01-02\",\"dup_of\":null,"
        "\"title\":\"T\",\"event_type\":\"Riots\",\"event_date\":\"2020-01-02\",\"location\":\"France\",\"country\":\"France\","
        "\"fatalities\":1,\"injured\":null,\"arrests\":null,\"attribution\":\"police\",\"actor_names\":{\"actor1\":[\"Rioters\"]}}],"
        "\"disagreements\":[]}";
    char *t = NULL;
    size_t n = 0;
    CHECK_INT(vg_story_text(json, strlen(json), &t, &n), VG_OK);
    CHECK(t != NULL && strlen(t) == n);
    CHECK_SAME(t, "Story s1: 2 articles (0 duplicates), first report 2020-01-02, last report 2020-01-03\n"
                 "Outlets: A, B; languages: en\n\nEvents\n"
                 "  Riots                        2020-01-02 Lyon, France  reports 2  killed 1-3\n"
                 "\nAccounts\n"
                 "  d1 (en, 2020-01-02)\n"
                 "    title:    T\n"
                 "    event:    Riots, 2020-01-02, France\n"
                 "    figures:  killed 1, injured -, arrested -\n"
                 "    source:   police\n"
                 "    calls actor1: Rioters\n"
                 "\nWhere they disagree\n  nothing flagged\n");
    free(t);
    t = (char *)"x";
    CHECK_INT(vg_story_text("[1]", 3, &t, NULL), VG_ERR_FORMAT);
    CHECK(t == NULL);
    CHECK_INT(vg_story_text("{", 1, &t, &n), VG_ERR_FORMAT);
}
