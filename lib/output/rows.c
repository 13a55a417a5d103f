/* rows.c - vg_rowfmt: query rows as JSONL, CSV, TSV or GeoJSON text, the bytes
 * `vigie articles|search|events|stories --format F` writes. Moved from
 * cli/output.c so the command needs nothing but vigie.h (and a server can
 * send the same bytes); the terminal table stays in the command. */
#include <stdlib.h>
#include <string.h>

#include "vigie.h"
#include "../core/alloc.h"
#include "../core/buf.h"
#include "../core/json.h"

typedef enum { F_JSONL, F_CSV, F_TSV, F_GEOJSON } fmt;

struct vg_rowfmt {
    fmt f;
    size_t rows;   /* rows written so far */
    vg_buf text;   /* what the last call gave */
};

vg_status vg_rowfmt_create(const char *format, vg_rowfmt **out)
{
    static const struct { const char *name; fmt f; } names[] = {
        {"jsonl", F_JSONL}, {"csv", F_CSV}, {"tsv", F_TSV}, {"geojson", F_GEOJSON}};
    *out = NULL;
    for (size_t i = 0; format && i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(format, names[i].name)) continue;
        vg_rowfmt *w = vg_calloc(1, sizeof *w);
        if (!w) return VG_ERR_NOMEM;
        w->f = names[i].f;
        *out = w;
        return VG_OK;
    }
    return VG_ERR_ARG;
}

void vg_rowfmt_free(vg_rowfmt *w)
{
    if (!w) return;
    vg_buf_free(&w->text);
    free(w);
}

/* v with its control bytes escaped (vg_escape_control): one record is one
 * line, whatever a file name or a sentence holds, and nothing reaches a
 * terminal raw. In CSV a quote is doubled (quote set: the cell is quoted). */
static void escaped(vg_buf *b, const char *v, int quote)
{
    char rep[8];
    size_t n = strlen(v);
    for (size_t i = 0; i < n;) {
        size_t k = vg_escape_control(v + i, n - i, rep);
        if (k) { vg_buf_puts(b, rep); i += k; continue; }
        if (quote && v[i] == '"') vg_buf_putc(b, '"');
        vg_buf_putc(b, v[i++]);
    }
}

/* A plain decimal number ("-3.25", "1e-05"): what a spreadsheet reads as a
 * number and nothing else. */
static int plain_number(const char *v)
{
    const char *p = v + (*v == '-');
    size_t d = strspn(p, "0123456789");
    if (!d) return 0;
    p += d;
    if (*p == '.') {
        if (!(d = strspn(p + 1, "0123456789"))) return 0;
        p += 1 + d;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-') p++;
        if (!(d = strspn(p, "0123456789"))) return 0;
        p += d;
    }
    return !*p;
}

/* A CSV cell. Spreadsheets run a cell that starts with = + - @ (or a tab or
 * CR before one) as a formula: article text, titles and outlet names come
 * from hostile pages, so such a text cell gets a leading apostrophe, which
 * makes it text (OWASP, "CSV Injection"). A number in a numeric column
 * stays a number (-3.25 is a longitude, not a formula); anything else in
 * one is treated as text. A cell holding ; is quoted too: spreadsheets in
 * locales whose separator is ; would split it there, and a formula could
 * start the second half. */
static void csv_cell(vg_buf *b, const char *v, vg_col_type t)
{
    if (!v) return;
    int numeric = (t == VG_COL_INT || t == VG_COL_REAL) && plain_number(v);
    int defuse = !numeric && *v && strchr("=+-@\t\r", *v);
    int quote = strpbrk(v, ",\";") != NULL;
    if (quote) vg_buf_putc(b, '"');
    if (defuse) vg_buf_putc(b, '\'');
    escaped(b, v, quote);
    if (quote) vg_buf_putc(b, '"');
}

static void tsv_cell(vg_buf *b, const char *v) { escaped(b, v ? v : "", 0); }

static void json_value(vg_buf *b, const vg_row *r, size_t i)
{
    const char *v = r->values[i];
    vg_col_type t = r->types ? r->types[i] : VG_COL_TEXT;
    if (!v) vg_buf_puts(b, "null");
    else if (t == VG_COL_INT || t == VG_COL_REAL || t == VG_COL_JSON) vg_buf_puts(b, v);
    else vg_json_cstr(b, v);
}

static void json_object(vg_buf *b, const vg_row *r, const char *skip1, const char *skip2)
{
    int first = 1;
    vg_buf_putc(b, '{');
    for (size_t i = 0; i < r->n; i++) {
        if ((skip1 && !strcmp(r->names[i], skip1)) || (skip2 && !strcmp(r->names[i], skip2))) continue;
        vg_json_key(b, &first, r->names[i]);
        json_value(b, r, i);
    }
    vg_buf_putc(b, '}');
}

static const char *col(const vg_row *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->names[i], name)) return r->values[i];
    return NULL;
}

/* CSV or TSV: the header line before the first row, then the row. */
static void separated(vg_buf *b, const vg_row *r, int csv, int header)
{
    char sep = csv ? ',' : '\t';
    if (header) {
        for (size_t i = 0; i < r->n; i++) {
            if (i) vg_buf_putc(b, sep);
            vg_buf_puts(b, r->names[i]);
        }
        vg_buf_putc(b, '\n');
    }
    for (size_t i = 0; i < r->n; i++) {
        if (i) vg_buf_putc(b, sep);
        if (csv) csv_cell(b, r->values[i], r->types ? r->types[i] : VG_COL_TEXT);
        else tsv_cell(b, r->values[i]);
    }
    vg_buf_putc(b, '\n');
}

static void geojson_feature(vg_buf *b, const vg_row *r, int first)
{
    const char *lat = col(r, "latitude"), *lon = col(r, "longitude");
    vg_buf_puts(b, first ? "{\"type\":\"FeatureCollection\",\"features\":[\n" : ",\n");
    vg_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
    if (lat && lon) vg_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%s,%s]}", lon, lat);
    else vg_buf_puts(b, "null");
    vg_buf_puts(b, ",\"properties\":");
    json_object(b, r, "latitude", "longitude");
    vg_buf_putc(b, '}');
}

static vg_status give(vg_rowfmt *w, const char **text, size_t *len)
{
    if (w->text.failed) return VG_ERR_NOMEM;
    *text = w->text.len ? w->text.data : "";
    *len = w->text.len;
    return VG_OK;
}

vg_status vg_rowfmt_row(vg_rowfmt *w, const vg_row *r, const char **text, size_t *len)
{
    vg_buf *b = &w->text;
    vg_buf_clear(b);
    switch (w->f) {
    case F_JSONL: json_object(b, r, NULL, NULL); vg_buf_putc(b, '\n'); break;
    case F_CSV: separated(b, r, 1, w->rows == 0); break;
    case F_TSV: separated(b, r, 0, w->rows == 0); break;
    case F_GEOJSON: geojson_feature(b, r, w->rows == 0); break;
    }
    w->rows++;
    return give(w, text, len);
}

vg_status vg_rowfmt_end(vg_rowfmt *w, const char **text, size_t *len)
{
    vg_buf *b = &w->text;
    vg_buf_clear(b);
    if (w->f == F_GEOJSON) vg_buf_puts(b, w->rows ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n");
    return give(w, text, len);
}
