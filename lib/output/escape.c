/* escape.c - text from outside (file names, URLs, sentences) printed so that it
 * can never start a line of its own or drive a terminal: control bytes become
 * \n, \t, \r or \xHH, and C1 controls (U+0080..U+009F, which some terminals
 * obey) \u0080..\u009F. Used by the CSV and TSV row formats and by the vigie
 * command for its messages (moved from cli/escape.c, issue 9 defect 12). */
#include <stdio.h>

#include "vigie.h"

size_t vg_escape_control(const char *s, size_t n, char rep[8])
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
