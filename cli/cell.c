/* cell.c - a table cell on the terminal, for the query table (output.c) and the events
 * review view (events_view.c): text from outside in exactly a column's width in
 * characters (code points), cut with an ellipsis, its control bytes shown as spaces. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static int starts_char(unsigned char c) { return (c & 0xC0) != 0x80; }

size_t cli_width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) w += starts_char((unsigned char)*s);
    return w;
}

void cli_put_visible(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        fputc(c < 0x20 || c == 0x7F ? ' ' : c, out); /* no control reaches the terminal */
    }
}

void cli_cell(FILE *out, const char *s, size_t width, cli_align align)
{
    size_t n = strlen(s), w = cli_width(s);
    if (w > width) { /* keep width - 1 characters, then the ellipsis */
        size_t b = 0, k = 0;
        for (; b < n; b++)
            if (starts_char((unsigned char)s[b]) && k++ == width - 1) break;
        cli_put_visible(out, s, b);
        fputs("…", out);
        return;
    }
    if (align == CLI_ALIGN_RIGHT) for (size_t i = w; i < width; i++) fputc(' ', out);
    cli_put_visible(out, s, n);
    if (align == CLI_ALIGN_LEFT) for (size_t i = w; i < width; i++) fputc(' ', out);
}
