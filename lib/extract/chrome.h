/* chrome.h - page-chrome removal for scraped plain text (internal). */
#ifndef VG_CHROME_H
#define VG_CHROME_H
#include <stddef.h>

#include "vigie.h"
#include "../doc/doc.h"

typedef struct vg_chrome vg_chrome;

/* Loads data/<lang>/chrome.tsv for every language folder under data_dir.
 * Each line: KIND<TAB>PATTERN<TAB>NAME, KIND one of
 *   exact    the whole line, folded (case, accents) and without trailing
 *            punctuation, equals PATTERN
 *   prefix   the folded line starts with PATTERN
 *   regex    PCRE2 (caseless, UTF) matches the line as written
 *   related  prefix; the line starts a block of related-article headlines:
 *            the headline-like lines after it go too
 *   tail     prefix; the line starts the comment/footer area: it and every
 *            line after it go, when it sits in the second half of the text
 * A missing folder or file is not an error (no patterns for that language);
 * a malformed line or regex is (err names file and line). */
vg_status vg_chrome_load(const char *data_dir, vg_chrome **out, char *err, size_t errlen);
void vg_chrome_free(vg_chrome *c); /* accepts NULL */

/* text: valid NFC UTF-8 of a plain-text article. Sets VG_F_TITLE (unless
 * already set) and VG_F_TEXT (paragraphs joined by "\n\n"), records every
 * dropped line with vg_doc_add_removed(). lang may be NULL (all languages'
 * patterns apply). Lines that keep coming back in documents of the same
 * outlet are learnt in doc->chrome_cache, which lives across loads. */
vg_status vg_chrome_strip(const vg_chrome *c, vg_doc *doc, const char *text, size_t n, const char *lang);

/* The memory of lines seen per outlet. By default each vg_doc owns one and
 * learns as it loads. Documents loaded on several threads share one instead
 * (doc->chrome_shared): they only read it while loading, keep the keys they
 * would learn, and vg_chrome_learn() adds those afterwards, in input order on
 * one thread, so results do not depend on thread timing. */
typedef struct vg_chrome_cache vg_chrome_cache;
vg_chrome_cache *vg_chrome_cache_new(void); /* NULL on no memory */
void vg_chrome_cache_free(vg_chrome_cache *cache); /* accepts NULL */
void vg_chrome_learn(vg_chrome_cache *cache, vg_doc *doc);

#endif
