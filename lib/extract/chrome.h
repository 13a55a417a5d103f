/* chrome.h - page-chrome removal for scraped plain text (internal). */
#ifndef VG_CHROME_H
#define VG_CHROME_H
#include <stddef.h>
#include <stdint.h>

#include "vigie.h"
#include "../doc/doc.h"

typedef struct vg_chrome vg_chrome;
struct vg_langid;

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

/* The memory of lines seen per outlet. */
typedef struct vg_chrome_cache vg_chrome_cache;
vg_chrome_cache *vg_chrome_cache_new(void); /* NULL on no memory */
void vg_chrome_cache_free(vg_chrome_cache *cache); /* accepts NULL */

/* What this stage keeps for one document beyond the document model: the
 * caller (lib/pipeline) holds one per vg_doc, zeroed at first. By default
 * the document owns its cache (created on first use, freed by the caller
 * with vg_chrome_cache_free) and learns as it loads. Documents loaded on
 * several threads share one instead (shared set, cache given): they only
 * read it while loading, keep the keys they would learn, and
 * vg_chrome_learn() adds those afterwards, in input order on one thread, so
 * results do not depend on thread timing. */
typedef struct vg_chrome_memory {
    vg_chrome_cache *cache;
    int shared;               /* the cache belongs to someone else */
    uint64_t *learn;          /* keys to learn after the load (in the doc's arena) */
    size_t n_learn;
    uint64_t doc_id;          /* the document the keys came from */
} vg_chrome_memory;

/* text: valid NFC UTF-8 of a plain-text article. Sets VG_F_TITLE (unless
 * already set) and VG_F_TEXT (paragraphs joined by "\n\n"), records every
 * dropped line with vg_doc_add_removed(). lang may be NULL (all languages'
 * patterns apply, ordered by a first guess of langid when not NULL). Lines
 * that keep coming back in documents of the same outlet are learnt in mem,
 * which lives across loads; its keys from a previous load must have been
 * learnt or dropped (mem->learn NULL) before the document's arena was reset. */
vg_status vg_chrome_strip(const vg_chrome *c, const struct vg_langid *langid, vg_chrome_memory *mem, vg_doc *doc,
                          const char *text, size_t n, const char *lang);
/* Adds the keys of mem's last load to its cache; none are left in mem. */
void vg_chrome_learn(vg_chrome_memory *mem);

#endif
