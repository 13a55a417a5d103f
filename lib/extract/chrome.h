/* chrome.h - page-chrome removal for scraped plain text (internal). */
#ifndef VG_CHROME_H
#define VG_CHROME_H
#include <stddef.h>

#include "vigie.h"
#include "../doc/doc.h"

typedef struct vg_chrome vg_chrome;

/* Loads data/<lang>/chrome.tsv (and friends) for every language folder. */
vg_status vg_chrome_load(const char *data_dir, vg_chrome **out, char *err, size_t errlen);
void vg_chrome_free(vg_chrome *c);

/* text: valid NFC UTF-8 of a plain-text article. Sets VG_F_TITLE (unless
 * already set) and VG_F_TEXT (paragraphs joined by "\n\n"), records every
 * dropped line with vg_doc_add_removed(). lang may be NULL (all languages'
 * patterns apply). */
vg_status vg_chrome_strip(const vg_chrome *c, vg_doc *doc, const char *text, size_t n, const char *lang);

#endif
