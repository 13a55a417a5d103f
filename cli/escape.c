/* escape.c - text from outside (file names, URLs, reasons quoting them) printed so that it can
 * never start a line of its own or drive the terminal: control bytes become \n, \t, \r or \xHH,
 * and C1 controls (U+0080..U+009F, which some terminals obey) \u0080..\u009F. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"

size_t cli_unsafe(const char *s, size_t n, char rep[8])
{
    unsigned char c = (unsigned char)s[0];
    if (c == '\n') { snprintf(rep, 8, "\\n"); return 1; }
    if (c == '\t') { snprintf(rep, 8, "\\t"); return 1; }
    if (c == '\r') { snprintf(rep, 8, "\\r"); return 1; }
    if (c < 0x20 || c == 0x7F) { snprintf(rep, 8, "\\x%02X", c); return 1; }
    if (c == 0xC2 && n > 1 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F) {
        snprintf(rep, 8, "\\u%04X", (unsigned char)s[1]);
        return 2;
    }
    return 0;
}

void cli_put_escaped(FILE *f, const char *s, size_t n)
{
    char rep[8];
    size_t start = 0;
    for (size_t i = 0; i < n;) {
        size_t k = cli_unsafe(s + i, n - i, rep);
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
    cli_put_escaped(stderr, msg, body);
    if (body < len) fputc('\n', stderr);
    if (msg != small) free(msg);
}
