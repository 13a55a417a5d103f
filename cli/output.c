/* output.c - one row writer for every query command: table, jsonl, csv, tsv, geojson. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/core/buf.h"
#include "../lib/core/json.h"
#include "../lib/core/utf8.h"
#include "cli.h"

typedef enum { F_TABLE, F_JSONL, F_CSV, F_TSV, F_GEOJSON } fmt;

struct row_writer {
    FILE *out;
    fmt f;
    int rows;
    /* table: rows are kept to size the columns */
    size_t ncol;
    char **names;
    char ***cells;
    size_t cap;
    vg_buf line;
};

row_writer *row_writer_new(FILE *out, const char *format)
{
    fmt f;
    if (!format || !strcmp(format, "table")) f = F_TABLE;
    else if (!strcmp(format, "jsonl")) f = F_JSONL;
    else if (!strcmp(format, "csv")) f = F_CSV;
    else if (!strcmp(format, "tsv")) f = F_TSV;
    else if (!strcmp(format, "geojson")) f = F_GEOJSON;
    else return NULL;
    row_writer *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->out = out;
    w->f = f;
    return w;
}

int row_writer_rows(const row_writer *w) { return w->rows; }

/* v with its control bytes escaped (escape.c): one record is one line, whatever
 * a file name or a sentence holds, and nothing reaches a terminal raw. In CSV a
 * quote is doubled (quote set: the cell is quoted). */
static void escaped(vg_buf *b, const char *v, int quote)
{
    char rep[8];
    size_t n = strlen(v);
    for (size_t i = 0; i < n;) {
        size_t k = cli_unsafe(v + i, n - i, rep);
        if (k) { vg_buf_puts(b, rep); i += k; continue; }
        if (quote && v[i] == '"') vg_buf_putc(b, '"');
        vg_buf_putc(b, v[i++]);
    }
}

static void csv_cell(vg_buf *b, const char *v)
{
    if (!v) return;
    int quote = strpbrk(v, ",\"") != NULL;
    if (quote) vg_buf_putc(b, '"');
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

int row_writer_cb(const vg_row *r, void *ud)
{
    row_writer *w = ud;
    vg_buf *b = &w->line;
    vg_buf_clear(b);
    switch (w->f) {
    case F_JSONL:
        json_object(b, r, NULL, NULL);
        vg_buf_putc(b, '\n');
        break;
    case F_CSV:
    case F_TSV:
        if (w->rows == 0) {
            for (size_t i = 0; i < r->n; i++) {
                if (i) vg_buf_putc(b, w->f == F_CSV ? ',' : '\t');
                vg_buf_puts(b, r->names[i]);
            }
            vg_buf_putc(b, '\n');
        }
        for (size_t i = 0; i < r->n; i++) {
            if (i) vg_buf_putc(b, w->f == F_CSV ? ',' : '\t');
            if (w->f == F_CSV) csv_cell(b, r->values[i]); else tsv_cell(b, r->values[i]);
        }
        vg_buf_putc(b, '\n');
        break;
    case F_GEOJSON: {
        const char *lat = col(r, "latitude"), *lon = col(r, "longitude");
        if (w->rows == 0) vg_buf_puts(b, "{\"type\":\"FeatureCollection\",\"features\":[\n");
        else vg_buf_puts(b, ",\n");
        vg_buf_puts(b, "{\"type\":\"Feature\",\"geometry\":");
        if (lat && lon) vg_buf_printf(b, "{\"type\":\"Point\",\"coordinates\":[%s,%s]}", lon, lat);
        else vg_buf_puts(b, "null");
        vg_buf_puts(b, ",\"properties\":");
        json_object(b, r, "latitude", "longitude");
        vg_buf_putc(b, '}');
        break;
    }
    case F_TABLE: {
        if (!w->names) {
            w->ncol = r->n;
            w->names = calloc(r->n, sizeof *w->names);
            if (!w->names) return 1;
            for (size_t i = 0; i < r->n; i++) w->names[i] = strdup(r->names[i]);
        }
        if ((size_t)w->rows == w->cap) {
            size_t nc = w->cap ? w->cap * 2 : 64;
            char ***c = realloc(w->cells, nc * sizeof *c);
            if (!c) return 1;
            w->cells = c;
            w->cap = nc;
        }
        char **cells = calloc(w->ncol, sizeof *cells);
        if (!cells) return 1;
        for (size_t i = 0; i < w->ncol && i < r->n; i++) cells[i] = strdup(r->values[i] ? r->values[i] : "");
        w->cells[w->rows] = cells;
        break;
    }
    }
    w->rows++;
    if (b->len) fwrite(b->data, 1, b->len, w->out);
    return 0;
}

/* Display width in code points, cut at `max` with an ellipsis. */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void put_cell(FILE *out, const char *s, size_t wanted, size_t max, int last)
{
    size_t w = 0;
    const char *p = s;
    for (; *p && w < max; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80) {
            if (w + 1 == max && width(p) > 1) break;
            w++;
        }
        fputc((unsigned char)*p < 0x20 || *p == 0x7F ? ' ' : *p, out); /* no control reaches the terminal */
    }
    while (*p && ((unsigned char)*p & 0xC0) == 0x80) fputc(*p++, out);
    if (*p) { fputs("…", out); w++; }
    if (!last) for (; w < wanted; w++) fputc(' ', out);
}

void row_writer_finish(row_writer *w)
{
    if (!w) return;
    if (w->f == F_GEOJSON) fputs(w->rows ? "\n]}\n" : "{\"type\":\"FeatureCollection\",\"features\":[]}\n", w->out);
    if (w->f == F_TABLE && w->names) {
        enum { MAXW = 60 };
        size_t *wd = calloc(w->ncol, sizeof *wd);
        for (size_t c = 0; wd && c < w->ncol; c++) {
            wd[c] = width(w->names[c]);
            for (int r = 0; r < w->rows; r++) {
                size_t x = width(w->cells[r][c] ? w->cells[r][c] : "");
                if (x > wd[c]) wd[c] = x;
            }
            if (wd[c] > MAXW) wd[c] = MAXW;
        }
        for (size_t c = 0; wd && c < w->ncol; c++) {
            put_cell(w->out, w->names[c], wd[c], MAXW, c + 1 == w->ncol);
            if (c + 1 < w->ncol) fputs("  ", w->out);
        }
        fputc('\n', w->out);
        for (int r = 0; wd && r < w->rows; r++) {
            for (size_t c = 0; c < w->ncol; c++) {
                put_cell(w->out, w->cells[r][c] ? w->cells[r][c] : "", wd[c], MAXW, c + 1 == w->ncol);
                if (c + 1 < w->ncol) fputs("  ", w->out);
            }
            fputc('\n', w->out);
        }
        free(wd);
    }
    for (int r = 0; w->cells && r < w->rows; r++) {
        for (size_t c = 0; c < w->ncol; c++) free(w->cells[r][c]);
        free(w->cells[r]);
    }
    for (size_t c = 0; w->names && c < w->ncol; c++) free(w->names[c]);
    free(w->cells);
    free(w->names);
    vg_buf_free(&w->line);
    fflush(w->out);
    free(w);
}
