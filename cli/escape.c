/* escape.c - text from outside (file names, URLs, reasons quoting them) printed so that it can
 * never start a line of its own or drive the terminal: every control sequence through
 * vg_escape_control (\n, \t, \r, \xHH; C1 controls as \u0080..\u009F). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

static void put_escaped(FILE *f, const char *s, size_t n)
{
    char rep[8];
    size_t start = 0;
    for (size_t i = 0; i < n;) {
        size_t k = vg_escape_control(s + i, n - i, rep);
        if (!k) { i++; continue; }
        fwrite(s + start, 1, i - start, f);
        fputs(rep, f);
        i += k;
        start = i;
    }
    fwrite(s + start, 1, n - start, f);
}

void cli_err(const char *fmt, ...)
{
    char small[2048], *msg = small;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n >= sizeof small && (msg = malloc((size_t)n + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (!msg) { msg = small; n = (int)sizeof small - 1; }
    size_t len = (size_t)n, body = len && msg[len - 1] == '\n' ? len - 1 : len;
    put_escaped(stderr, msg, body);
    if (body < len) fputc('\n', stderr);
    if (msg != small) free(msg);
}
