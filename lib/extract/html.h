/* html.h - main text and metadata of an HTML page (internal). */
#ifndef VG_HTML_H
#define VG_HTML_H
#include <stddef.h>

#include "vigie.h"
#include "../doc/doc.h"

struct vg_html_hints;

/* html: raw bytes of the page; charset: from an HTTP header or NULL.
 * Sets VG_F_TEXT (NFC UTF-8, paragraphs joined by "\n\n") and whatever
 * metadata the page gives (title, published, outlet, authors, url, lang)
 * unless the field is already set by the input. hints (data/html_hints.tsv,
 * may be NULL) weigh class and id names. */
vg_status vg_html_extract(vg_doc *doc, const struct vg_html_hints *hints, const char *html, size_t n,
                          const char *charset);

#endif
