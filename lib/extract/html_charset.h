/* html_charset.h - bytes of a web page to UTF-8: BOM, HTTP charset, <meta charset>, repair (internal). */
#ifndef VG_HTML_CHARSET_H
#define VG_HTML_CHARSET_H
#include <stddef.h>

#include "vigie.h"
#include "../core/arena.h"

/* s[0..n): raw page; http_charset: from a Content-Type header or NULL.
 * On VG_OK *out holds valid UTF-8 without BOM: s itself (past a BOM) when it
 * was valid already, else a conversion in the arena. Not NUL-terminated.
 * Order of trust: BOM, then the HTTP charset, then a <meta> / <?xml?>
 * declaration in the first 4 KiB. A declared single-byte Western charset (or
 * none) is read as UTF-8 where the bytes are valid UTF-8 and as Windows-1252
 * byte by byte where they are not: pages that say latin-1 but hold UTF-8 (or
 * mix both) come out right. Other declared charsets go through iconv.
 * VG_ERR_BINARY when the bytes are not text at all. */
vg_status vg_html_to_utf8(vg_arena *a, const char *s, size_t n, const char *http_charset,
                          const char **out, size_t *out_len);

/* The charset a page declares in its first 4 KiB, lower-cased into
 * buf (size cap), or "" when none. Exposed for tests. */
void vg_html_sniff_charset(const char *s, size_t n, char *buf, size_t cap);

#endif
