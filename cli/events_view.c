/* events_view.c - `vigie events --format table`: one line per event that fits 160 columns
 * (date, type / sub-type, actors, place, country, deaths, confidence) with the evidence
 * sentence wrapped beneath, for an analyst reviewing rows. Streams: widths are fixed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Column widths in characters; with two spaces between columns a line is 152 wide. */
enum { W_DATE = 10, W_TYPE = 36, W_ACTOR = 22, W_PLACE = 22, W_COUNTRY = 16, W_DEATHS = 6, W_CONF = 4 };
enum { LINE = 160, INDENT = W_DATE + 2 };

struct events_view {
    FILE *out;
    long rows;
};

events_view *events_view_new(FILE *out)
{
    events_view *v = calloc(1, sizeof *v);
    if (!v) return NULL;
    v->out = out;
    return v;
}

static const char *col(const vg_row *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->names[i], name)) return r->values[i] && *r->values[i] ? r->values[i] : NULL;
    return NULL;
}

static int starts_char(unsigned char c) { return (c & 0xC0) != 0x80; }

/* s (NULL: "-") in exactly `width` characters, padded left or right (cli_cell). */
static void cell(FILE *out, const char *s, size_t width, int right)
{
    cli_cell(out, s ? s : "-", width, right ? CLI_ALIGN_RIGHT : CLI_ALIGN_LEFT);
}

static void header(FILE *out)
{
    cell(out, "date", W_DATE, 0); fputs("  ", out);
    cell(out, "type / sub-type", W_TYPE, 0); fputs("  ", out);
    cell(out, "actor1", W_ACTOR, 0); fputs("  ", out);
    cell(out, "actor2", W_ACTOR, 0); fputs("  ", out);
    cell(out, "place", W_PLACE, 0); fputs("  ", out);
    cell(out, "country", W_COUNTRY, 0); fputs("  ", out);
    cell(out, "deaths", W_DEATHS, 1); fputs("  ", out);
    fputs("conf\n", out);
}

/* The evidence sentence, word-wrapped under the row from column INDENT. */
static void wrap(FILE *out, const char *s)
{
    const size_t width = LINE - INDENT;
    while (s && *s) {
        while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
        if (!*s) break;
        /* the longest run of whole words within width (a longer word is split) */
        size_t b = 0, w = 0, cut = 0;
        while (s[b] && w < width) {
            if (starts_char((unsigned char)s[b])) w++;
            b++;
            while (s[b] && !starts_char((unsigned char)s[b])) b++;
            if (s[b] == ' ' || s[b] == '\n' || s[b] == '\t' || s[b] == '\r' || !s[b]) cut = b;
        }
        if (!s[b]) cut = b;
        if (!cut) cut = b;
        fprintf(out, "%*s", INDENT, "");
        cli_put_visible(out, s, cut);
        fputc('\n', out);
        s += cut;
    }
}

int events_view_cb(const vg_row *r, void *ud)
{
    events_view *v = ud;
    FILE *out = v->out;
    if (v->rows++ == 0) header(out);
    char type[256], conf[16];
    const char *t = col(r, "event_type"), *sub = col(r, "sub_event_type");
    snprintf(type, sizeof type, "%s%s%s", t ? t : "-", sub ? " / " : "", sub ? sub : "");
    const char *place = col(r, "location");
    if (!place) place = col(r, "admin1");
    const char *c = col(r, "confidence");
    if (c) snprintf(conf, sizeof conf, "%.2f", strtod(c, NULL));
    cell(out, col(r, "event_date"), W_DATE, 0); fputs("  ", out);
    cell(out, type, W_TYPE, 0); fputs("  ", out);
    cell(out, col(r, "actor1"), W_ACTOR, 0); fputs("  ", out);
    cell(out, col(r, "actor2"), W_ACTOR, 0); fputs("  ", out);
    cell(out, place, W_PLACE, 0); fputs("  ", out);
    cell(out, col(r, "country"), W_COUNTRY, 0); fputs("  ", out);
    cell(out, col(r, "fatalities"), W_DEATHS, 1); fputs("  ", out);
    fputs(c ? conf : "-", out);
    fputc('\n', out);
    wrap(out, col(r, "notes"));
    return 0;
}

long events_view_finish(events_view *v, int complete)
{
    if (!v) return 0;
    long n = v->rows;
    if (complete) fprintf(v->out, "%ld event%s\n", n, n == 1 ? "" : "s");
    fflush(v->out);
    free(v);
    return n;
}
