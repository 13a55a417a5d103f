/* output.c - one row writer for every query command: the terminal table here,
 * jsonl, csv, tsv and geojson from the library (vg_rowfmt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Every format but the table is the library's (vg_rowfmt); the table is
 * the terminal's: rows are kept to size the columns. */
struct row_writer {
    FILE *out;
    vg_rowfmt *fmt;      /* NULL: table */
    int rows;
    size_t ncol;
    char **names;
    char ***cells;
    size_t cap;
};

row_writer *row_writer_new(FILE *out, const char *format)
{
    vg_rowfmt *fmt = NULL;
    if (format && strcmp(format, "table") && vg_rowfmt_create(format, &fmt) != VG_OK) return NULL;
    row_writer *w = calloc(1, sizeof *w);
    if (!w) { vg_rowfmt_free(fmt); return NULL; }
    w->out = out;
    w->fmt = fmt;
    return w;
}

int row_writer_rows(const row_writer *w) { return w->rows; }

static int table_row(row_writer *w, const vg_row *r)
{
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
    return 0;
}

int row_writer_cb(const vg_row *r, void *ud)
{
    row_writer *w = ud;
    if (!w->fmt) {
        if (table_row(w, r)) return 1;
    } else {
        const char *text;
        size_t len;
        if (vg_rowfmt_row(w->fmt, r, &text, &len) != VG_OK) return 1;
        fwrite(text, 1, len, w->out);
    }
    w->rows++;
    return 0;
}

void row_writer_finish(row_writer *w)
{
    if (!w) return;
    const char *text;
    size_t len;
    if (w->fmt && vg_rowfmt_end(w->fmt, &text, &len) == VG_OK) fwrite(text, 1, len, w->out);
    if (!w->fmt && w->names) {
        enum { MAXW = 60 }; /* widest column: a longer cell is cut with an ellipsis */
        size_t *wd = calloc(w->ncol, sizeof *wd);
        for (size_t c = 0; wd && c < w->ncol; c++) {
            wd[c] = cli_width(w->names[c]);
            for (int r = 0; r < w->rows; r++) {
                size_t x = cli_width(w->cells[r][c] ? w->cells[r][c] : "");
                if (x > wd[c]) wd[c] = x;
            }
            if (wd[c] > MAXW) wd[c] = MAXW;
        }
        for (size_t c = 0; wd && c < w->ncol; c++) {
            cli_cell(w->out, w->names[c], wd[c], c + 1 < w->ncol ? CLI_ALIGN_LEFT : CLI_ALIGN_NONE);
            if (c + 1 < w->ncol) fputs("  ", w->out);
        }
        fputc('\n', w->out);
        for (int r = 0; wd && r < w->rows; r++) {
            for (size_t c = 0; c < w->ncol; c++) {
                const char *v = w->cells[r][c] ? w->cells[r][c] : "";
                cli_cell(w->out, v, wd[c], c + 1 < w->ncol ? CLI_ALIGN_LEFT : CLI_ALIGN_NONE);
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
    vg_rowfmt_free(w->fmt);
    fflush(w->out);
    free(w);
}
